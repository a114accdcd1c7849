/*
 * view.h - reads for the pages and the API: lists and details that the
 * write modules do not offer. Every function that reads a citizen's data
 * writes one audit "read" row (criterion: what was read) in the caller's
 * transaction, so it needs a write transaction (ov_tx_begin with an
 * actor). Lists are capped; strings live in the caller's arena.
 * Functions that take a course id answer OV_ENOTFOUND for an unknown
 * course; access (who may see what) is checked by the caller first
 * (ov_course_check_visible; for an employer contact, the placement's
 * company).
 */
#ifndef OV_STORE_VIEW_H
#define OV_STORE_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "model/meeting.h"
#include "model/placement.h"
#include "model/match.h"
#include "model/screening.h"
#include "store/meeting.h"
#include "store/plan.h"
#include "store/store.h"

/* ---- meetings of a course (criterion "møder") ---- */
typedef struct ov_meeting_row {
    int64_t id;
    ov_meeting_kind kind;
    ov_date held_on;
    bool complete;
    ov_attendees attendees;   /* OV_ATTEND(role) bits; citizen included */
    ov_str notes, wishes, competences;
    int plan_version;         /* 0 when none */
    ov_str created_by;
    int nitems;
    ov_assessment_item *items; /* start meetings; in the arena */
} ov_meeting_row;

/* Oldest first, at most 500. */
ov_status ov_meeting_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                          ov_meeting_row **out, int *n, ov_err *err);

/* ---- plan versions (criterion "planversioner") ---- */
/* Newest first: version, with_citizen, citizen_comment, summary,
 * created_by, created_at. At most 500. */
ov_status ov_plan_versions(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_plan_meta **out, int *n, ov_err *err);

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
} ov_proposal_row;

/* Newest first, at most 200. */
ov_status ov_proposal_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_proposal_row **out, int *n, ov_err *err);
/* The course of a proposal (no audit: ids only); OV_ENOTFOUND. */
ov_status ov_proposal_course(ov_tx *tx, int64_t proposal_id,
                             int64_t *course_id, ov_err *err);

/* ---- placements with the current work agreement and the hours log ---- */
typedef struct ov_placement_row {
    int64_t id;
    int64_t course_id;
    int64_t citizen_id;
    ov_str citizen_name;
    ov_placement p;           /* type, company, start, end, hours */
    ov_str company_name;
    int agreement_version;    /* 0 when there is no agreement yet */
    ov_agreement agreement;   /* the current version (goals included) */
    unsigned signed_mask;     /* OV_SIGN_* of the current version */
    int nweeks;
    ov_hours_week *weeks;     /* oldest first, at most 260 */
} ov_placement_row;

/* Placements of a course, oldest first, at most 50 (criterion
 * "virksomhedsforløb"). */
ov_status ov_placement_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                            ov_placement_row **out, int *n, ov_err *err);
/* One placement (criterion "virksomhedsforløb"); OV_ENOTFOUND. */
ov_status ov_placement_get(ov_tx *tx, int64_t placement_id, ov_arena *a,
                           ov_placement_row *out, ov_err *err);
/* The course of a placement (no audit: ids only); OV_ENOTFOUND. */
ov_status ov_placement_course(ov_tx *tx, int64_t placement_id,
                              int64_t *course_id, ov_err *err);
/* Placements at one company (for its employer contacts), newest first,
 * at most 200, each with its agreement but without the hours log; one
 * audit row per citizen (criterion "arbejdsaftale"). */
ov_status ov_placement_list_company(ov_tx *tx, int64_t company_id,
                                    ov_arena *a, ov_placement_row **out,
                                    int *n, ov_err *err);

/* ---- employment history of a course (criterion "beskæftigelse") ---- */
typedef struct ov_employment_row {
    ov_date from;
    int ordinary_hours_x10;
} ov_employment_row;
ov_status ov_employment_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                             ov_employment_row **out, int *n, ov_err *err);

/* ---- companies and openings of a municipality (no citizen data) ---- */
typedef struct ov_opening_row {
    ov_opening o;             /* id, tasks, occupation, hours, ... */
    bool active;
} ov_opening_row;

typedef struct ov_company_row {
    int64_t id;
    ov_str cvr, name;
    int municipality_code;
    int postcode;             /* 0 when unknown */
    int nopenings;
    ov_opening_row *openings; /* newest first */
} ov_company_row;

/* Companies registered in a municipality, by name, at most 2000, each with
 * its openings. */
ov_status ov_company_list(ov_tx *tx, int municipality_code, ov_arena *a,
                          ov_company_row **out, int *n, ov_err *err);
/* One company; OV_ENOTFOUND (also when it is in another municipality than
 * `municipality_code`, so ids cannot be probed). */
ov_status ov_company_get(ov_tx *tx, int64_t company_id, int municipality_code,
                         ov_arena *a, ov_company_row *out, ov_err *err);

/* ---- staff of a team (for naming the team around a citizen) ---- */
typedef struct ov_member_row {
    int64_t user_id;
    ov_role role;
    ov_str full_name;
} ov_member_row;
ov_status ov_team_members(ov_tx *tx, int64_t team_id, ov_arena *a,
                          ov_member_row **out, int *n, ov_err *err);
typedef struct ov_team_row {
    int64_t id;
    ov_str name;
} ov_team_row;
ov_status ov_team_list(ov_tx *tx, int municipality_code, ov_arena *a,
                       ov_team_row **out, int *n, ov_err *err);

/* ---- screening batches and draws ---- */
typedef struct ov_batch_row {
    int64_t id;
    int municipality_code;
    ov_date reference_date;
    ov_screening_rules rules;
    ov_str source_name, imported_by;
    ov_time imported_at;
    int ncandidates, nin_target, neligible, ndrawn;
} ov_batch_row;

/* Batches of a municipality, newest first, at most 500 (no citizen data:
 * counts only). */
ov_status ov_batch_list(ov_tx *tx, int municipality_code, ov_arena *a,
                        ov_batch_row **out, int *n, ov_err *err);

typedef struct ov_candidate_row {
    int64_t id;
    int line;
    int64_t citizen_id;
    ov_str citizen_name;
    ov_candidate facts;       /* birth, activity_ready, months, ... */
    bool in_target_group;
    bool eligible;            /* may be drawn */
    bool excluded;
    ov_str exclusion_reason;  /* code, or empty */
    ov_str exclusion_text;
    int64_t draw_id;          /* 0 when not drawn */
    int64_t course_id;        /* the course made by the draw, or 0 */
} ov_candidate_row;

typedef struct ov_draw_row {
    int64_t id;
    ov_str seed;
    int count, pool;
    ov_str drawn_by;
    ov_time drawn_at;
} ov_draw_row;

typedef struct ov_batch_detail {
    ov_batch_row batch;
    int ncandidates;
    ov_candidate_row *candidates; /* by line; at most 20,000 */
    int ndraws;
    ov_draw_row *draws;           /* oldest first */
} ov_batch_detail;

/* One batch with its candidates and draws; OV_ENOTFOUND also for another
 * municipality's batch. One audit row per candidate citizen (criterion
 * "screening"). */
ov_status ov_batch_get(ov_tx *tx, int64_t batch_id, int municipality_code,
                       ov_arena *a, ov_batch_detail *out, ov_err *err);

/* ---- the audit log of a municipality ---- */
typedef struct ov_audit_filter {
    int municipality_code;    /* required: rows by its users or about
                                 citizens with a course there */
    int64_t citizen_id;       /* 0 = any */
    ov_str user;              /* actor user name; empty = any */
    bool has_from, has_to;
    ov_date from, to;         /* Copenhagen dates, inclusive */
    int limit;                /* 1-5000 */
} ov_audit_filter;

typedef struct ov_audit_view_row {
    int64_t id;
    ov_time at;
    ov_str actor;
    ov_role role;
    ov_action action;
    int64_t citizen_id;       /* 0 when none */
    ov_str criterion;
    ov_str purpose;
} ov_audit_view_row;

/* Newest first. Viewing is itself audited: one row (action "read",
 * criterion "revisionslog", the filter's citizen when given). */
ov_status ov_audit_search(ov_tx *tx, const ov_audit_filter *f, ov_arena *a,
                          ov_audit_view_row **out, int *n, ov_err *err);

#endif
