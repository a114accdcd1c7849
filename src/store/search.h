/*
 * search.h (store) - find a citizen by name or CPR number among the
 * courses the caller may see (model/access.h), for the search box in the
 * header of every staff page and GET /api/v1/citizens.
 */
#ifndef OV_STORE_SEARCH_H
#define OV_STORE_SEARCH_H

#include <stdint.h>

#include "core/date.h"
#include "model/access.h"
#include "model/course.h"
#include "store/store.h"

typedef struct ov_search_hit {
    int64_t citizen_id;
    ov_str name;
    int64_t course_id;
    ov_stage stage;
    ov_date started_on;
    bool ended;
    /* the birth date the CPR number gives (never the number): with the
     * course's start it tells two citizens of one name apart */
    ov_date birth_date;
} ov_search_hit;

typedef enum ov_search_by { OV_SEARCH_NAME = 0, OV_SEARCH_CPR } ov_search_by;

/* Search. A query of digits (a dash and spaces allowed) is a CPR number,
 * found exactly through its keyed look-up hash, never by part; anything
 * else is a name, every word of which must occur in the citizen's name
 * (core/fold.h: case, accents and æ/ø/å ignored). One hit per course the
 * viewer may see, the newest courses first when more than cap match
 * (li->total counts them all), the hits kept sorted by name. Each citizen
 * shown gets an audit "read" row with the criterion "søgning på navn" or
 * "søgning på CPR-nummer" (never the query itself); a search that finds
 * no one gets one row without a citizen saying so. *by says how q was
 * read. OV_EINVAL (field "q") for an empty, too short or too long query
 * and for digits that are no whole CPR number (the message never repeats
 * them); OV_EPERM for a role that may not search. */
ov_status ov_citizen_search(ov_tx *tx, const ov_viewer *v, ov_str q, int cap,
                            ov_arena *a, ov_search_hit **hits,
                            ov_list_info *li, ov_search_by *by, ov_err *err);

#endif
