/*
 * activity.h - the activity a municipality registered for its courses in a
 * period, counted by the store (store/activity.h) and priced by the
 * economics (econ/econ.h: the running cost per citizen derived from what
 * the team actually did, beside the entered figure).
 *
 * Kinds of activity and the staff counted for each:
 *  - START_MEETING, FOLLOWUP: meetings held in the period (meeting.kind),
 *    the staff by the roles of their attendees;
 *  - CTI_CONTACT: CTI contacts in the period, the CTI worker, with the
 *    minutes recorded on each contact;
 *  - PLACEMENT_WEEK: weeks of an active company placement within the
 *    period (started, not ended), the company consultant;
 *  - PROPOSAL: company match proposals made in the period, the company
 *    consultant.
 * Citizens: courses active on at least one day of the period.
 */
#ifndef OV_MODEL_ACTIVITY_H
#define OV_MODEL_ACTIVITY_H

#include <stdint.h>

#include "core/date.h"

typedef enum ov_act_role {
    OV_ACT_ROLE_JOB = 0, /* employment caseworker (jobcenter) */
    OV_ACT_ROLE_SOCIAL,  /* social caseworker */
    OV_ACT_ROLE_CTI,     /* CTI worker */
    OV_ACT_ROLE_COMPANY, /* company consultant (virksomhedskonsulent) */
    OV_ACT_ROLE_N
} ov_act_role;

typedef enum ov_act_kind {
    OV_ACT_START_MEETING = 0,
    OV_ACT_FOLLOWUP,
    OV_ACT_CTI_CONTACT,
    OV_ACT_PLACEMENT_WEEK,
    OV_ACT_PROPOSAL,
    OV_ACT_N
} ov_act_kind;

/* "job", "social", "cti", "company" */
const char *ov_act_role_key(ov_act_role r);
/* "start_meeting", "followup", "cti_contact", "placement_week",
 * "proposal" */
const char *ov_act_kind_key(ov_act_kind k);

typedef struct ov_activity_summary {
    ov_date from, to;                         /* inclusive */
    int64_t citizens;                         /* active courses */
    int64_t events[OV_ACT_N];                 /* events in the period */
    int64_t staff[OV_ACT_N][OV_ACT_ROLE_N];   /* staff-events by role */
    int64_t recorded_minutes[OV_ACT_N];       /* CTI_CONTACT only, else 0 */
} ov_activity_summary;

#endif
