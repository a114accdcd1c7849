/*
 * match.h (store) - company openings, match suggestions for a citizen, the
 * consultant's proposals and the citizen's answer, and the employment
 * history of a course.
 */
#ifndef OV_STORE_MATCH_H
#define OV_STORE_MATCH_H

#include <stdint.h>

#include "core/date.h"
#include "model/match.h"
#include "model/measure.h"
#include "store/store.h"

/* An opening at a registered company (o->id is set). Location comes from
 * the company. */
ov_status ov_opening_create(ov_tx *tx, int64_t company_id, ov_opening *o,
                            ov_err *err);

/* Score every active opening for the profile (the location component
 * weighs distance and the citizen's travel preference); out gets the best
 * `cap`, ranked. */
ov_status ov_match_suggest(ov_tx *tx, int64_t course_id,
                           const ov_match_profile *p,
                           const ov_match_weights *w, ov_arena *a,
                           ov_match_score *out, int cap, int *n, ov_err *err);

/* The consultant proposes an opening (stage moves to `match`). */
ov_status ov_match_propose(ov_tx *tx, int64_t course_id, int64_t opening_id,
                           double score, ov_date on, int64_t *id,
                           ov_err *err);
/* The citizen's answer to a proposal, recorded by the citizen themselves
 * (by OV_BY_CITIZEN) or by a staff member for them, with the citizen's
 * comment (may be empty, at most OV_MATCH_COMMENT_MAX bytes), which the
 * company consultant sees in their tasks, on the match page and in the
 * journal. OV_ECONFLICT when the proposal was answered already. */
#define OV_MATCH_COMMENT_MAX 1000
ov_status ov_match_answer(ov_tx *tx, int64_t proposal_id, bool agreed,
                          ov_entered_by by, ov_str comment, ov_date on,
                          ov_err *err);

/* Ordinary hours per week from a date (employment history); moves the
 * course to `in_job` when hours > 0. */
ov_status ov_employment_record(ov_tx *tx, int64_t course_id, ov_date from,
                               int ordinary_hours_x10, ov_err *err);

/* ---- match proposals of a course (criterion "matchforslag") ---- */
typedef struct ov_proposal_row {
    int64_t id;
    int64_t opening_id;
    int64_t company_id;
    ov_str company_name;
    ov_str opening_tasks;
    double score;
    ov_str proposed_by;
    ov_date proposed_on;
    bool answered;
    bool agreed;
    ov_date answered_on;
    bool answered_by_citizen; /* in their own log-in */
    ov_str comment;           /* the citizen's, "" when none */
    ov_str occupation;        /* the opening's */
    int hours_min, hours_max; /* the opening's hours a week */
} ov_proposal_row;

/* Newest first, at most 200. */
ov_status ov_proposal_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_proposal_row **out, ov_list_info *li,
                           ov_err *err);
/* The course of a proposal (no audit: ids only); OV_ENOTFOUND. */
ov_status ov_proposal_course(ov_tx *tx, int64_t proposal_id,
                             int64_t *course_id, ov_err *err);

/* ---- employment history of a course (criterion "beskæftigelse") ---- */
typedef struct ov_employment_row {
    ov_date from;
    int ordinary_hours_x10;
} ov_employment_row;
ov_status ov_employment_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                             ov_employment_row **out, ov_list_info *li,
                             ov_err *err);

#endif
