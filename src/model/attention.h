/*
 * attention.h - the courses a leader should look at ("needs attention",
 * issue 12, section 2; docs/indicators.md, "Needs attention").
 *
 * Why: the indicators say how well the model is followed; a board meeting
 * (tavlemøde) also needs the courses behind a red figure, each with the
 * reason in words and how long it has held, so the oldest problem is
 * discussed first. The reasons are computed from the same course facts as
 * the indicators (model/indicators.h), never stored, so the list always
 * agrees with the courses.
 *
 * The list is computed as of one day `on` (the board uses today, or the
 * period's end when that is earlier). Only courses active on that day
 * (started on or before it, not ended before it) can be listed. Each
 * reason gives `since`, the first day on which it held; a course with
 * several reasons is listed once per reason.
 *
 * The reasons, each with a stable code (API "reason", exports):
 *  - followup_overdue: in follow-up (start meeting held, not in job) and
 *    the latest follow-up (the start meeting before the first) is more
 *    than the follow-up interval old. Since the first day past the
 *    interval: last + 7 x weeks + 1 (so it agrees with the indicator
 *    followup_on_time, which counts "at most the interval old" as on
 *    time).
 *  - no_placement: the start meeting was held at least N months ago (N =
 *    no_placement_months, default 6: the sources accept a long search for
 *    the right match, but half a year without a placement is worth a look)
 *    and no placement has started; not in job. Since the start meeting +
 *    N months.
 *  - agreement_unsigned: a placement open on the day (started on or
 *    before it, not ended before it) without a work agreement signed by
 *    citizen, company consultant and employer. Since the placement's
 *    start.
 *  - cti_no_plan_after: the CTI course has ended (its last day is before
 *    the day) and there is no plan for the time after. The schema has no
 *    field for such a plan, so a plan version saved on or after the day
 *    the CTI course ended counts as one: the plan was revisited for the
 *    time without CTI. Since the CTI end (the first day without CTI).
 *  - who5_dropped: the latest WHO-5 by the day is at least who5_drop
 *    points (default 10, the change DOMAIN.md calls meaningful) below the
 *    measurement before it or below the first. Since the latest
 *    measurement.
 *  - caseload_over: a staff member with a caseload target (the CTI
 *    worker: settings cti.caseload_limit, default 20; caseworkers and
 *    company consultants have none by default) has more active courses
 *    on the day than the target, counted over the courses given. The
 *    courses beyond the target are listed: the staff member's active
 *    courses in start order (then course id), those after the first
 *    `limit`; each since its own start (from then on it was one too
 *    many). The item names the staff member.
 *
 * Order: by since (oldest first, the reason that has held longest), then
 * course id, then reason code order.
 */
#ifndef OV_MODEL_ATTENTION_H
#define OV_MODEL_ATTENTION_H

#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"
#include "model/indicators.h"
#include "model/settings.h"

typedef enum ov_att_reason {
    OV_ATT_FOLLOWUP_OVERDUE = 0,
    OV_ATT_NO_PLACEMENT,
    OV_ATT_AGREEMENT_UNSIGNED,
    OV_ATT_CTI_NO_PLAN_AFTER,
    OV_ATT_WHO5_DROPPED,
    OV_ATT_CASELOAD_OVER,
    OV_ATT_REASON_COUNT
} ov_att_reason;

/* "followup_overdue", ... (stable: API, exports). */
const char *ov_att_reason_code(ov_att_reason r);
ov_status ov_att_reason_parse(ov_str code, ov_att_reason *out, ov_err *err);

typedef struct ov_att_rules {
    int followup_interval_weeks;   /* settings.followup; 4 */
    int no_placement_months;       /* settings; 1-36, default 6 */
    int who5_drop;                 /* 1-100 points; 10 */
    int caseload_limit[OV_IND_STAFF_COUNT]; /* 0: no target; CTI 20 */
} ov_att_rules;

#define OV_ATT_NO_PLACEMENT_MONTHS_DEFAULT 6
#define OV_ATT_WHO5_DROP_DEFAULT 10

/* From the municipality's settings: the follow-up interval, the months
 * without a placement (attention_no_placement_months) and the CTI
 * caseload limit; the WHO-5 drop is DOMAIN.md's 10 points. */
ov_att_rules ov_att_rules_from_settings(const ov_settings *s);
ov_status ov_att_rules_validate(const ov_att_rules *r, ov_err *err);

typedef struct ov_att_item {
    int64_t course_id;
    ov_att_reason reason;
    ov_date since;
    int64_t staff_id;          /* caseload_over: the staff member; else 0 */
    ov_ind_staff_role role;    /* caseload_over: their role on the course */
} ov_att_item;

/* The items for the courses f[0..n-1] as of `on`, sorted as above, into
 * a malloc'ed array *out (NULL when none; the caller frees it). Returns
 * the number of items. Pure. */
int ov_att_compute(const ov_ind_facts *f, int n, const ov_att_rules *r,
                   ov_date on, ov_att_item **out);

#endif
