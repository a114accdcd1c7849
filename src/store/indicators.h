/*
 * indicators.h (store) - the course facts of model/indicators.h read from
 * the database, the indicators computed from them, and the drill-down to
 * the courses behind a figure.
 *
 * Why here: the indicators are computed from the course data on every
 * read (never stored copies), for a whole municipality of 24,000 citizens
 * in well under a second; so the facts are read in a few set-based
 * queries over the municipality's courses (one per kind of record, each
 * ordered by course), never a query per course.
 *
 * Which courses: those of the municipality that were drawn (stage beyond
 * `screened`) and started on or before the period's end, optionally only
 * one team's, or only those one staff member is named on. The period
 * itself is applied by the model (each indicator says which courses it
 * counts).
 *
 * Audit: reading the facts is one "read" row ("indikatorer: N forløb ..."),
 * as a course list is; the drill-down names citizens, so it is a read row
 * for each citizen on the list.
 */
#ifndef OV_STORE_INDICATORS_H
#define OV_STORE_INDICATORS_H

#include <stdint.h>

#include "model/indicators.h"
#include "store/store.h"

typedef struct ov_ind_query {
    int municipality_code;
    int64_t team_id;   /* 0: every team */
    int64_t staff_id;  /* 0: every staff member */
    ov_date from, to;  /* both days included */
} ov_ind_query;

/* Check the query: a valid period (model), the team and the staff member
 * in the municipality. A team or user of another municipality is
 * OV_ENOTFOUND exactly like one that does not exist. No audit row. */
ov_status ov_ind_query_check(ov_tx *tx, const ov_ind_query *q, ov_err *err);

/* Whether the user is a member of the team (no audit row: ids only). */
ov_status ov_ind_on_team(ov_tx *tx, int64_t user_id, int64_t team_id,
                         bool *yes, ov_err *err);

/* The facts of the query's courses, in course id order, allocated in `a`;
 * one audit row. */
ov_status ov_ind_facts_read(ov_tx *tx, const ov_ind_query *q, ov_arena *a,
                            ov_ind_facts **out, int *n, ov_err *err);

/* Every indicator for the query, with the municipality's settings;
 * *ncourses gets the number of courses read. */
ov_status ov_ind_read(ov_tx *tx, const ov_ind_query *q,
                      ov_indicator out[OV_IND_COUNT], int *ncourses,
                      ov_err *err);

/* The drill-down: the courses behind an indicator's numerator (or, with
 * denominator true, its denominator), with how much each adds, in course
 * id order. An audited read of each citizen on the list. */
typedef struct ov_ind_course_ref {
    int64_t course_id;
    double count;
} ov_ind_course_ref;
ov_status ov_ind_drill(ov_tx *tx, const ov_ind_query *q, ov_ind_id id,
                       bool denominator, ov_arena *a,
                       ov_ind_course_ref **out, int *n, ov_err *err);

#endif
