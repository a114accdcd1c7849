/*
 * retention.h - when a course is anonymised, and what anonymising a plan
 * means (issue 14 section 4; docs/retention.md).
 *
 * Case records may not be erased on request while the municipality must
 * keep them (GDPR art. 17(3)(b); journaliseringspligt), so erasure here is
 * retention: a municipality sets how many years after a course ends it is
 * kept (ov_settings.retention_years; 0 = never, the default), and `overgang
 * retention run` anonymises the courses past it (store/retention.h holds
 * the table of what that does to every column).
 *
 * The rule: a course is due when it has ended, its municipality has set
 * N years, and it ended more than N years before today, i.e. before the
 * cutoff today - N years (ov_date_add_months: 29 February gives 28
 * February). A course ended exactly N years ago is kept one day more.
 * An open course is never due, whatever its dates.
 */
#ifndef OV_MODEL_RETENTION_H
#define OV_MODEL_RETENTION_H

#include <stdbool.h>

#include "core/date.h"
#include "core/str.h"
#include "model/plan.h"

/* What replaces a removed text: the same in every column and language, so
 * a page shows plainly that something was there and is gone. */
#define OV_ANON_MARKER "[anonymiseret]"

typedef enum ov_retention_verdict {
    OV_RET_OPEN = 0, /* the course is open: never touched */
    OV_RET_NEVER,    /* its municipality has set no retention */
    OV_RET_KEPT,     /* ended, but within the retention period */
    OV_RET_DUE,      /* past it: to be anonymised */
    OV_RET_DONE      /* anonymised already (a re-run skips it) */
} ov_retention_verdict;

/* "open", "never", "kept", "due", "done" */
const char *ov_retention_verdict_code(ov_retention_verdict v);

/* The first end date that is kept on `today` with `years` of retention:
 * courses that ended before it are due. years must be 1-100. */
ov_date ov_retention_cutoff(ov_date today, int years);

/* The verdict for one course: ended (and when), already anonymised, its
 * municipality's retention_years (0 = never) and today. */
ov_retention_verdict ov_retention_judge(bool ended, ov_date ended_on,
                                        bool anonymised, int years,
                                        ov_date today);

/* Replace every text of the plan the citizen or staff wrote (the job
 * goal when given, every goal, sub-goal and activity text) by the marker,
 * in place; ids, statuses, roles, deadlines and the occupation code (a
 * DISCO code, a fact) stay. Returns how many texts it replaced. */
int ov_plan_anonymise(ov_plan *p);

#endif
