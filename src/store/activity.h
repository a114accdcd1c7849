/*
 * activity.h - counts of the activity a municipality registered in a
 * period (model/activity.h says what is counted), for the running cost
 * per citizen that the economics derives from it (issue 15).
 *
 * Read-only, plain SQL over meeting, meeting_attendee, cti_contact,
 * placement and match_proposal; one municipality; the period is inclusive.
 */
#ifndef OV_STORE_ACTIVITY_H
#define OV_STORE_ACTIVITY_H

#include "core/date.h"
#include "core/err.h"
#include "model/activity.h"
#include "store/store.h"

ov_status ov_store_activity_summary(ov_tx *tx, int municipality_code,
                                    ov_date from, ov_date to,
                                    ov_activity_summary *out, ov_err *err);

#endif
