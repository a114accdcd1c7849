/*
 * retention.c - the retention rule and the plan's anonymisation (see
 * retention.h).
 */
#include "model/retention.h"

#include <assert.h>

const char *ov_retention_verdict_code(ov_retention_verdict v)
{
    switch (v) {
    case OV_RET_OPEN: return "open";
    case OV_RET_NEVER: return "never";
    case OV_RET_KEPT: return "kept";
    case OV_RET_DUE: return "due";
    case OV_RET_DONE: return "done";
    }
    return "unknown";
}

ov_date ov_retention_cutoff(ov_date today, int years)
{
    assert(years >= 1 && years <= 100);
    return ov_date_add_months(today, -12 * years);
}

ov_retention_verdict ov_retention_judge(bool ended, ov_date ended_on,
                                        bool anonymised, int years,
                                        ov_date today)
{
    /* an open course first: even a mark on it (which the store never
     * makes) does not make it something retention may touch */
    if (!ended)
        return OV_RET_OPEN;
    if (anonymised)
        return OV_RET_DONE;
    if (years < 1 || years > 100)
        return OV_RET_NEVER;
    return ended_on < ov_retention_cutoff(today, years) ? OV_RET_DUE
                                                        : OV_RET_KEPT;
}

static int mark(ov_str *s)
{
    *s = OV_STR_LIT(OV_ANON_MARKER);
    return 1;
}

int ov_plan_anonymise(ov_plan *p)
{
    int n = 0;
    if (p->job_goal.len > 0)
        n += mark(&p->job_goal);
    for (int g = 0; g < p->ngoals; g++) {
        ov_plan_goal *goal = &p->goals[g];
        n += mark(&goal->text);
        for (int s = 0; s < goal->nsubgoals; s++) {
            ov_plan_subgoal *sub = &goal->subgoals[s];
            n += mark(&sub->text);
            for (int a = 0; a < sub->nactivities; a++)
                n += mark(&sub->activities[a].text);
        }
    }
    return n;
}
