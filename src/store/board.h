/*
 * board.h (store) - what the leader's board (web/ui_board.c) reads beyond
 * the indicators (store/indicators.h): the staff it can be filtered by,
 * and the courses behind a list (a drill-down or "needs attention") with
 * the citizen's name, each an audited read of that citizen.
 *
 * Why here: a list on the board names citizens, so reading it is an
 * audited read of each one (purpose in words, e.g. "tavlemøde: kræver
 * opmærksomhed"), in the page's one transaction; reads of one citizen in
 * one transaction become one audit row (store/audit.c).
 */
#ifndef OV_STORE_BOARD_H
#define OV_STORE_BOARD_H

#include <stdint.h>

#include "model/actor.h"
#include "model/course.h"
#include "store/store.h"

/* The frontline staff of a municipality (the board's staff filter),
 * ordered by name. No citizen data: no audit row. */
typedef struct ov_board_staff {
    int64_t id;
    ov_str name;
    ov_role role;
} ov_board_staff;
ov_status ov_board_staff_list(ov_tx *tx, int municipality_code, ov_arena *a,
                              ov_board_staff **out, int *n, ov_err *err);

/* The courses ids[0..n-1] of the municipality, in the order given, with
 * the citizen's name, the stage and the team's name; an id that is not a
 * course of the municipality is skipped (out[i].found false). Each
 * citizen read is audited with `criterion` (the list's purpose). */
typedef struct ov_board_course {
    int64_t course_id;
    bool found;
    ov_str citizen_name;
    ov_stage stage;
    ov_str team;
} ov_board_course;
ov_status ov_board_courses(ov_tx *tx, int municipality_code,
                           const int64_t *ids, int n, const char *criterion,
                           ov_arena *a, ov_board_course **out, ov_err *err);

/* The audit row of a read of the indicators' facts (as
 * ov_ind_facts_read writes it) when the figures come from the board's
 * cache (web/ui_board.c): the read is recorded whether or not the
 * database was asked again. */
struct ov_ind_query;
ov_status ov_board_audit_facts(ov_tx *tx, const struct ov_ind_query *q,
                               int ncourses, ov_err *err);

#endif
