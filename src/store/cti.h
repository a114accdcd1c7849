/*
 * cti.h (store) - the CTI course of a citizen's course: legal basis,
 * length and phases, the contact log, focus areas per phase, network
 * persons. Rules and warnings come from model/cti.h.
 */
#ifndef OV_STORE_CTI_H
#define OV_STORE_CTI_H

#include <stdint.h>

#include "model/cti.h"
#include "store/store.h"

/* Start CTI on a course: explicit_months 0 = the legal basis' default. */
ov_status ov_cti_start(ov_tx *tx, int64_t course_id, ov_legal_basis basis,
                       int explicit_months, ov_date start,
                       const ov_cti_rules *rules, ov_err *err);

typedef struct ov_cti_state {
    bool started;
    ov_legal_basis basis;
    ov_cti_course course;
    ov_cti_rules rules;
    int ncontacts;
    ov_cti_contact *contacts; /* date order, in the arena */
} ov_cti_state;

/* Read the CTI course with its contact log (audit "read"). */
ov_status ov_cti_load(ov_tx *tx, int64_t course_id, ov_arena *a,
                      ov_cti_state *out, ov_err *err);

ov_status ov_cti_log_contact(ov_tx *tx, int64_t course_id,
                             const ov_cti_contact *k, ov_date today,
                             int64_t *id, ov_err *err);

/* Replace the focus areas of one phase (1-3), chosen by the citizen. */
ov_status ov_cti_set_focus(ov_tx *tx, int64_t course_id, int phase,
                           const ov_str *areas, int n, ov_err *err);

ov_status ov_cti_add_network_person(ov_tx *tx, int64_t course_id,
                                    ov_str name, ov_str relation, int64_t *id,
                                    ov_err *err);

/* Active citizens of a CTI worker: open courses where the user is the
 * named CTI worker (for the caseload rule). */
ov_status ov_cti_caseload(ov_tx *tx, int64_t user_id, int *n, ov_err *err);

#endif
