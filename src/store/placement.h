/*
 * placement.h - storage of placements, their versioned work agreements with
 * sign-offs, and the weekly hours log. Creating a placement moves the
 * course to the `placement` stage when it is not there yet.
 */
#ifndef OV_STORE_PLACEMENT_H
#define OV_STORE_PLACEMENT_H

#include <stdint.h>

#include "model/access.h"
#include "model/placement.h"
#include "store/store.h"

ov_status ov_placement_create(ov_tx *tx, int64_t course_id,
                              const ov_placement *p, int64_t *id,
                              ov_err *err);

/* Save a new version of the work agreement. base_version is the version the
 * user edited (0 for the first); when another version was saved meanwhile
 * the save is refused with OV_ECONFLICT (never a silent overwrite). */
ov_status ov_agreement_save(ov_tx *tx, int64_t placement_id, int base_version,
                            const ov_agreement *a, int *new_version,
                            ov_err *err);

/* Sign the current version as citizen, consultant or employer, in the
 * system, as the transaction's actor, trusted to be that party: for the
 * store's own callers (tests, set-up). The web and the demo sign with
 * ov_agreement_sign_as, which asks the model who may sign as which
 * party. Signing a superseded version is a conflict (OV_ECONFLICT), and
 * so is a party signing a version twice (nothing is written).
 * *signed_mask gets all sign-offs of the version so far. */
ov_status ov_agreement_sign(ov_tx *tx, int64_t placement_id, int version,
                            ov_signer signer, unsigned *signed_mask,
                            ov_err *err);

/* A signature as the caller gives it (issue 14): the version read, and
 * either nothing more (the caller signs as their own party, in the
 * system) or the party who signed on paper and the date on the paper
 * (the consultant named on the course records it). */
typedef struct ov_sign_request {
    int version;
    int party;          /* ov_signer; 0 for "my own party" */
    bool on_paper;
    ov_date paper_date; /* on_paper: the date written on the paper */
} ov_sign_request;
/* Sign as the viewer's own party (model/access.h ov_sign_party), or
 * record a paper signature (ov_may_record_paper): OV_EPERM for anyone
 * else, before anything is written. The row records who (user id and
 * name), when, the way, and the SHA-256 of the version's canonical
 * content (model/placement.h); one transaction with its audit row. */
ov_status ov_agreement_sign_as(ov_tx *tx, const ov_viewer *v,
                               int64_t placement_id,
                               const ov_sign_request *r,
                               unsigned *signed_mask, ov_err *err);

/* The trusted path with a named user (the demo's history, an import of
 * agreements signed elsewhere): r->party signed in the system as user
 * `user_id`, or with r->on_paper on paper, recorded by `user_id` on
 * r->paper_date. No rule is checked but the version's and a second
 * signature's; the web never calls this. */
ov_status ov_agreement_sign_by(ov_tx *tx, int64_t placement_id,
                               const ov_sign_request *r, int64_t user_id,
                               unsigned *signed_mask, ov_err *err);

/* The employer contact's figure for one ISO week (issue 14 section 2):
 * with the municipality's "employer_hours" confirm, only a week the
 * consultant recorded (the consultant's figure stays; the employer's is
 * kept next to it with who and when: equal is a confirmation, different
 * a correction); with enter, a week not recorded yet is entered by the
 * employer. The caller must be an employer contact of the placement's
 * company (checked by dispatch). */
ov_status ov_hours_employer(ov_tx *tx, int64_t placement_id,
                            const ov_hours_week *w, ov_err *err);

/* Record (or correct) the actual hours of one ISO week. */
ov_status ov_hours_put(ov_tx *tx, int64_t placement_id,
                       const ov_hours_week *w, ov_err *err);

/* The log, oldest week first; at most cap weeks. */
ov_status ov_hours_list(ov_tx *tx, int64_t placement_id, ov_hours_week *out,
                        int cap, int *n, ov_err *err);

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
    /* the employer contact's figures, per week of weeks[] (issue 14) */
    struct ov_hours_employer_row {
        bool has;               /* the employer gave a figure */
        bool entered;           /* the employer entered the week first */
        int internship_x10, ordinary_x10;
        ov_str by, at;          /* user name, UTC time */
    } *employer_weeks;
    /* the company consultant named on the course (0 when none), for the
     * contact line and for who signs as the consultant */
    int64_t consultant_id;
    ov_str consultant_name, consultant_phone, consultant_email;
    /* who signed the previous version (0 for the first): they must sign
     * the current one again (ov_sign_again) */
    unsigned prev_signed_mask;
} ov_placement_row;

/* The weeks of r that count, oldest first (r->nweeks of them, from a):
 * each the employer's figure where they gave one under
 * OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT, else the consultant's
 * (ov_hours_counted; the municipality's setting "hours_source"). */
ov_hours_week *ov_placement_hours_counted(const ov_placement_row *r,
                                          ov_hours_source src, ov_arena *a);

/* The placements of a citizen's courses (their own work agreements),
 * newest first, at most 20, each with its agreement, without the hours
 * log; audit "read" (criterion "egen arbejdsaftale"). */
ov_status ov_placement_list_citizen(ov_tx *tx, int64_t citizen_id,
                                    ov_arena *a, ov_placement_row **out,
                                    ov_list_info *li, ov_err *err);
/* The scope the signing rules need (model/access.h): the course's
 * citizen, the placement's company and the consultant named. */
ov_sign_scope ov_placement_sign_scope(const ov_placement_row *p);
/* Whether the viewer may see the placement (model/access.h
 * ov_may_see_placement: an employer contact by its company, anyone else
 * by its course), and its course; OV_ENOTFOUND for one they may not see,
 * as for one that does not exist. */
ov_status ov_placement_check_visible(ov_tx *tx, const ov_viewer *v,
                                     int64_t placement_id,
                                     int64_t *course_id, ov_err *err);

/* Placements of a course, oldest first, at most 50 (criterion
 * "virksomhedsforløb"). */
ov_status ov_placement_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                            ov_placement_row **out, ov_list_info *li,
                            ov_err *err);
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
                                    ov_list_info *li, ov_err *err);

/* Who signed the current agreement version of a placement read with
 * ov_placement_get: signer, the signer's name (the user's full name, or
 * the user name when the user is gone) and when, oldest first; at most
 * the three signers. Audit "read" of the placement's citizen when there
 * are any (criterion "virksomhedsforløb", one row with the placement's
 * own in the same transaction). */
typedef struct ov_signoff_row {
    ov_signer signer;
    ov_str name;  /* the signer's name when signing (paper: the citizen's
                   * name, or the company's) */
    ov_time at;   /* when it was signed (paper: when it was recorded) */
    ov_str way;   /* "system" or "paper" */
    ov_str recorded_by; /* paper: the consultant who recorded it */
    bool has_paper_date;
    ov_date paper_date; /* paper: the date on the paper */
    bool has_hash;      /* rows from before issue 14 carry none */
    uint8_t hash[OV_AGREEMENT_HASH_BYTES];
} ov_signoff_row;
ov_status ov_agreement_signoffs(ov_tx *tx, const ov_placement_row *p,
                                ov_arena *a, ov_signoff_row out[3], int *n,
                                ov_err *err);

#endif
