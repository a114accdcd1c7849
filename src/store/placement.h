/*
 * placement.h - storage of placements, their versioned work agreements with
 * sign-offs, and the weekly hours log. Creating a placement moves the
 * course to the `placement` stage when it is not there yet.
 */
#ifndef OV_STORE_PLACEMENT_H
#define OV_STORE_PLACEMENT_H

#include <stdint.h>

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

/* Sign the current version as citizen, consultant or employer. Signing a
 * superseded version is a conflict. *signed_mask gets all sign-offs of the
 * version so far. */
ov_status ov_agreement_sign(ov_tx *tx, int64_t placement_id, int version,
                            ov_signer signer, unsigned *signed_mask,
                            ov_err *err);

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
} ov_placement_row;

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
    ov_str name;
    ov_time at;
    ov_str way; /* how it was signed: empty (in the system) until issue 14
                 * records "system" or "paper" */
} ov_signoff_row;
ov_status ov_agreement_signoffs(ov_tx *tx, const ov_placement_row *p,
                                ov_arena *a, ov_signoff_row out[3], int *n,
                                ov_err *err);

#endif
