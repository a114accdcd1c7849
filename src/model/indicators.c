#include "model/indicators.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/cti.h"

ov_date ov_ind_month(ov_date d)
{
    if (d == OV_IND_NO_DATE)
        return d;
    ov_ymd y = ov_date_to_ymd(d);
    return ov_date_from_ymd(y.year, y.month, 1);
}

/* ---- facts helpers ---- */

static bool in_period(ov_date d, const ov_ind_context *cx)
{
    return d != OV_IND_NO_DATE && d >= cx->from && d <= cx->to;
}

static bool ended_by(const ov_ind_facts *f, ov_date d)
{
    return f->ended_on != OV_IND_NO_DATE && f->ended_on < d;
}

/* Started on or before d and not ended before d. */
static bool active_at(const ov_ind_facts *f, ov_date d)
{
    return f->started_on <= d && !ended_by(f, d);
}

/* Active at some day of the period. */
static bool active_in(const ov_ind_facts *f, const ov_ind_context *cx)
{
    return f->started_on <= cx->to && !ended_by(f, cx->from);
}

static const ov_ind_placement *first_placement(const ov_ind_facts *f)
{
    return f->nplacements > 0 ? &f->placements[0] : NULL;
}

bool ov_ind_ordinary_on(const ov_ind_facts *f, ov_date d)
{
    const ov_ind_employment *last = NULL;
    for (int i = 0; i < f->nemployment; i++)
        if (f->employment[i].from_on <= d)
            last = &f->employment[i];
    bool by_end = f->ended_on != OV_IND_NO_DATE && f->ended_on <= d &&
                  f->end_reason == OV_END_ORDINARY_JOB;
    if (last && (!by_end || last->from_on >= f->ended_on))
        return last->ordinary_x10 > 0;
    return by_end;
}

ov_date ov_ind_12m_day(const ov_ind_facts *f)
{
    ov_date s = f->start_meeting_on != OV_IND_NO_DATE ? f->start_meeting_on
                                                       : f->started_on;
    return ov_date_add_months(s, 12);
}

/* ---- per-course contributions ---- */

typedef struct contrib {
    double num, den;     /* shares, rates, counts */
    double planned;      /* rates: planned contacts */
    bool has_val;        /* medians, means */
    double val;
} contrib;

typedef void (*course_fn)(const ov_ind_facts *f, const ov_ind_context *cx,
                          int arg, contrib *c);

/* 1: the first start meeting held in the period had the citizen, a
 * caseworker, the CTI worker and the company consultant. */
static void c_start_complete(const ov_ind_facts *f, const ov_ind_context *cx,
                             int arg, contrib *c)
{
    (void)arg;
    if (!in_period(f->start_meeting_on, cx))
        return;
    c->den = 1;
    c->num = ov_start_meeting_missing(f->start_present) == 0;
}

/* 1: days from the draw (the course start when not drawn) to the first
 * start meeting, for start meetings in the period. */
static void c_start_days(const ov_ind_facts *f, const ov_ind_context *cx,
                         int arg, contrib *c)
{
    (void)arg;
    if (!in_period(f->start_meeting_on, cx))
        return;
    ov_date from = f->drawn_on != OV_IND_NO_DATE ? f->drawn_on : f->started_on;
    if (f->start_meeting_on < from)
        return;
    c->has_val = true;
    c->val = f->start_meeting_on - from;
}

/* 2: courses whose job-goal deadline (start meeting + plan_days) falls in
 * the period; counted when a plan version with a job goal was saved by
 * then. */
static void c_plan_job_goal(const ov_ind_facts *f, const ov_ind_context *cx,
                            int arg, contrib *c)
{
    (void)arg;
    if (f->start_meeting_on == OV_IND_NO_DATE)
        return;
    ov_date deadline = f->start_meeting_on + cx->rules.plan_days;
    if (!in_period(deadline, cx))
        return;
    c->den = 1;
    for (int i = 0; i < f->nplans; i++)
        if (f->plans[i].has_job_goal && f->plans[i].made_on <= deadline) {
            c->num = 1;
            break;
        }
}

/* 2: plan changes (versions 2 and on) saved in the period, decided
 * together with the citizen. */
static void c_plan_with_citizen(const ov_ind_facts *f,
                                const ov_ind_context *cx, int arg, contrib *c)
{
    (void)arg;
    for (int i = 0; i < f->nplans; i++)
        if (f->plans[i].version >= 2 && in_period(f->plans[i].made_on, cx)) {
            c->den++;
            c->num += f->plans[i].with_citizen;
        }
}

/* 3: courses in follow-up at the end of the period (start meeting held,
 * not in job, not ended) whose latest follow-up (the start meeting before
 * the first) is at most the interval old. */
static void c_followup_on_time(const ov_ind_facts *f,
                               const ov_ind_context *cx, int arg, contrib *c)
{
    (void)arg;
    if (f->start_meeting_on == OV_IND_NO_DATE || f->start_meeting_on > cx->to ||
        !active_at(f, cx->to) ||
        (f->in_job_on != OV_IND_NO_DATE && f->in_job_on <= cx->to))
        return;
    ov_date last = f->start_meeting_on;
    for (int i = 0; i < f->nfollowups; i++)
        if (f->followups[i].held_on <= cx->to && f->followups[i].held_on > last)
            last = f->followups[i].held_on;
    c->den = 1;
    c->num = cx->to - last <= cx->followup_interval_weeks * 7;
}

/* 3: follow-ups held in the period with both the company consultant and
 * the CTI worker. */
static void c_followup_joint(const ov_ind_facts *f, const ov_ind_context *cx,
                             int arg, contrib *c)
{
    (void)arg;
    for (int i = 0; i < f->nfollowups; i++)
        if (in_period(f->followups[i].held_on, cx)) {
            c->den++;
            c->num += ov_followup_is_joint(f->followups[i].present);
        }
}

/* 4: days from the start meeting to the first placement, for first
 * placements that started in the period. */
static void c_match_days(const ov_ind_facts *f, const ov_ind_context *cx,
                         int arg, contrib *c)
{
    (void)arg;
    const ov_ind_placement *p = first_placement(f);
    if (!p || !in_period(p->start_on, cx) ||
        f->start_meeting_on == OV_IND_NO_DATE ||
        f->start_meeting_on > p->start_on)
        return;
    c->has_val = true;
    c->val = p->start_on - f->start_meeting_on;
}

/* 4: placements started in the period where ordinary hours are
 * possible. */
static void c_ordinary_possible(const ov_ind_facts *f,
                                const ov_ind_context *cx, int arg, contrib *c)
{
    (void)arg;
    for (int i = 0; i < f->nplacements; i++)
        if (in_period(f->placements[i].start_on, cx)) {
            c->den++;
            c->num += f->placements[i].ordinary_possible;
        }
}

/* 5: CTI courses whose first placement started in the period; counted
 * when CTI started on or at most early_days before the placement. */
static void c_cti_window(const ov_ind_facts *f, const ov_ind_context *cx,
                         int arg, contrib *c)
{
    (void)arg;
    const ov_ind_placement *p = first_placement(f);
    if (!f->has_cti || !p || !in_period(p->start_on, cx))
        return;
    c->den = 1;
    c->num = f->cti_start_on <= p->start_on &&
             p->start_on - f->cti_start_on <= cx->cti_early_days;
}

/* The part of a CTI phase (1-3) that lies in the period and before the
 * course ended: [*s, *e). False when it is empty. */
static bool phase_span(const ov_ind_facts *f, const ov_ind_context *cx,
                       int phase, ov_date *s, ov_date *e)
{
    ov_cti_course k;
    ov_cti_phases(f->cti_start_on, f->cti_months, &k);
    ov_date ps = k.phase_start[phase - 1];
    ov_date pe = phase < 3 ? k.phase_start[phase] : k.end;
    ov_date lo = ps > cx->from ? ps : cx->from;
    ov_date hi = pe < cx->to + 1 ? pe : cx->to + 1;
    if (f->ended_on != OV_IND_NO_DATE && f->ended_on + 1 < hi)
        hi = f->ended_on + 1;
    *s = lo;
    *e = hi;
    return hi > lo;
}

static int contacts_in(const ov_ind_facts *f, ov_date s, ov_date e)
{
    int n = 0;
    for (int i = 0; i < f->ncontacts; i++)
        n += f->contacts[i] >= s && f->contacts[i] < e;
    return n;
}

/* 5: contacts per week in CTI phase `arg` within the period, against the
 * course's planned interval: numerator contacts, denominator weeks. */
static void c_cti_phase(const ov_ind_facts *f, const ov_ind_context *cx,
                        int phase, contrib *c)
{
    ov_date s, e;
    if (!f->has_cti || !phase_span(f, cx, phase, &s, &e))
        return;
    int days = e - s;
    c->num = contacts_in(f, s, e);
    c->den = days / 7.0;
    c->planned = (double)days / f->cti_interval_days[phase - 1];
}

/* 5: CTI courses active in the period that have reached phase 2 by its
 * end; counted when contacts per week never rose from one phase to the
 * next (phases with at least 7 elapsed days, up to the period's end). */
static void c_cti_decreasing(const ov_ind_facts *f, const ov_ind_context *cx,
                             int arg, contrib *c)
{
    (void)arg;
    if (!f->has_cti || f->cti_start_on > cx->to)
        return;
    ov_cti_course k;
    ov_cti_phases(f->cti_start_on, f->cti_months, &k);
    ov_date upto = cx->to + 1;
    if (f->ended_on != OV_IND_NO_DATE && f->ended_on + 1 < upto)
        upto = f->ended_on + 1;
    if (k.end <= cx->from || upto <= k.phase_start[1] ||
        (f->ended_on != OV_IND_NO_DATE && f->ended_on < cx->from))
        return;
    double prev = -1;
    bool rising = false;
    for (int p = 1; p <= 3; p++) {
        ov_date s = k.phase_start[p - 1], e = p < 3 ? k.phase_start[p] : k.end;
        if (e > upto)
            e = upto;
        if (e - s < 7)
            break;
        double rate = contacts_in(f, s, e) * 7.0 / (e - s);
        if (prev >= 0 && rate > prev + 1e-9)
            rising = true;
        prev = rate;
    }
    c->den = 1;
    c->num = !rising;
}

/* 5: CTI courses whose first month ended in the period, with at least
 * min_first_month contacts in it. */
static void c_cti_first_month(const ov_ind_facts *f, const ov_ind_context *cx,
                              int arg, contrib *c)
{
    (void)arg;
    if (!f->has_cti)
        return;
    ov_date end = ov_date_add_months(f->cti_start_on, 1); /* exclusive */
    if (!in_period(end - 1, cx))
        return;
    c->den = 1;
    c->num = contacts_in(f, f->cti_start_on, end) >= cx->cti_min_first_month;
}

void ov_ind_placement_as_of(ov_ind_placement *p, ov_date on)
{
    if (p->nagreements == 0)
        return;
    p->has_agreement = false;
    p->signed_all = false;
    p->ordinary_x10_start = p->ordinary_x10_now = 0;
    for (int i = 0; i < p->nagreements; i++) {
        const ov_ind_agreement *v = &p->agreements[i];
        if (v->made_on > on)
            break;
        if (!p->has_agreement)
            p->ordinary_x10_start = v->ordinary_x10;
        p->has_agreement = true;
        p->ordinary_x10_now = v->ordinary_x10;
        if (v->signed_on != OV_IND_NO_DATE && v->signed_on <= on)
            p->signed_all = true;
    }
}

/* Placement i of f as it stood at the end of the period. */
static ov_ind_placement placement_at(const ov_ind_facts *f, int i,
                                     const ov_ind_context *cx)
{
    ov_ind_placement p = f->placements[i];
    ov_ind_placement_as_of(&p, cx->to);
    return p;
}

/* 6: placements started in the period with a work agreement signed by
 * citizen, consultant and employer by its end. */
static void c_agreement_signed(const ov_ind_facts *f, const ov_ind_context *cx,
                               int arg, contrib *c)
{
    (void)arg;
    for (int i = 0; i < f->nplacements; i++)
        if (in_period(f->placements[i].start_on, cx)) {
            c->den++;
            c->num += placement_at(f, i, cx).signed_all;
        }
}

static bool placement_active_in(const ov_ind_placement *p,
                                const ov_ind_context *cx)
{
    return p->start_on <= cx->to &&
           (p->end_on == OV_IND_NO_DATE || p->end_on >= cx->from);
}

/* 6: placements with a work agreement active in the period whose latest
 * agreement (by the period's end) has ordinary hours above zero. */
static void c_agreement_ordinary(const ov_ind_facts *f,
                                 const ov_ind_context *cx, int arg,
                                 contrib *c)
{
    (void)arg;
    for (int i = 0; i < f->nplacements; i++) {
        ov_ind_placement at = placement_at(f, i, cx);
        const ov_ind_placement *p = &at;
        if (p->has_agreement && placement_active_in(p, cx)) {
            c->den++;
            c->num += p->ordinary_x10_now > 0;
        }
    }
}

/* 6: ordinary hours a week in the first (arg 0) or latest (arg 1)
 * agreement (by the period's end) of the course's latest placement active
 * in the period. */
static void c_ordinary_hours(const ov_ind_facts *f, const ov_ind_context *cx,
                             int now, contrib *c)
{
    for (int i = f->nplacements - 1; i >= 0; i--) {
        ov_ind_placement at = placement_at(f, i, cx);
        const ov_ind_placement *p = &at;
        if (p->has_agreement && placement_active_in(p, cx)) {
            c->has_val = true;
            c->val = (now ? p->ordinary_x10_now : p->ordinary_x10_start) / 10.0;
            return;
        }
    }
}

/* Results: courses active in the period whose start meeting was held by
 * its end (participants), counted when a placement (a company-directed
 * activity) started by then. */
static void c_company_directed(const ov_ind_facts *f, const ov_ind_context *cx,
                               int arg, contrib *c)
{
    (void)arg;
    if (!active_in(f, cx) || f->start_meeting_on == OV_IND_NO_DATE ||
        f->start_meeting_on > cx->to)
        return;
    c->den = 1;
    const ov_ind_placement *p = first_placement(f);
    c->num = p && p->start_on <= cx->to;
}

/* Results: courses whose 12-month day (12 months after the start
 * meeting) falls in the period, in ordinary employment on that day. */
static void c_ordinary_12m(const ov_ind_facts *f, const ov_ind_context *cx,
                           int arg, contrib *c)
{
    (void)arg;
    ov_date d = ov_ind_12m_day(f);
    if (!in_period(d, cx))
        return;
    c->den = 1;
    c->num = ov_ind_ordinary_on(f, d);
}

/* Results: WHO-5 change from the first measurement to the latest one by
 * the period's end, for courses whose latest is in the period. */
static void c_who5(const ov_ind_facts *f, const ov_ind_context *cx, int arg,
                   contrib *c)
{
    (void)arg;
    int last = -1;
    for (int i = 0; i < f->nwho5; i++)
        if (f->who5[i].on <= cx->to)
            last = i;
    if (last < 1 || !in_period(f->who5[last].on, cx))
        return;
    c->has_val = true;
    c->val = f->who5[last].score - f->who5[0].score;
}

/* Results: courses that ended in the period, out of those active in it. */
static void c_ended(const ov_ind_facts *f, const ov_ind_context *cx, int arg,
                    contrib *c)
{
    (void)arg;
    if (!active_in(f, cx))
        return;
    c->den = 1;
    c->num = in_period(f->ended_on, cx);
}

/* Results: of the courses that ended in the period, those with reason
 * `arg`. */
static void c_ends(const ov_ind_facts *f, const ov_ind_context *cx, int reason,
                   contrib *c)
{
    if (!in_period(f->ended_on, cx))
        return;
    c->den = 1;
    c->num = (int)f->end_reason == reason;
}

/* ---- the table ---- */

typedef enum kind {
    K_SHARE,  /* value = num / den x 100 */
    K_MEDIAN, /* value = median of the courses' values */
    K_MEAN,   /* value = mean of the courses' values */
    K_RATE,   /* value = num / den (per week); target = planned / den */
    K_COUNT,  /* value = num */
    K_LOAD,   /* value = active courses per staff member (mean) */
    K_LOAD_MAX /* value = the largest number per staff member */
} kind;

#define ROLE(r) (1u << (r))
#define CASEWORKERS (ROLE(OV_IND_EMPLOYMENT_CASEWORKER) | \
                     ROLE(OV_IND_SOCIAL_CASEWORKER))

static const struct def {
    const char *code;
    ov_ind_group group;
    ov_ind_unit unit;
    ov_ind_direction dir;
    kind kind;
    course_fn fn;
    int arg;          /* phase, end reason, now/start, role mask */
    double green, yellow;
} defs[OV_IND_COUNT] = {
    [OV_IND_START_MEETING_COMPLETE] = {"start_meeting_complete",
        OV_IND_GROUP_START, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_start_complete, 0, 90, 75},
    [OV_IND_START_MEETING_DAYS] = {"start_meeting_days", OV_IND_GROUP_START,
        OV_IND_DAYS, OV_IND_LOWER, K_MEDIAN, c_start_days, 0, 21, 42},
    [OV_IND_PLAN_JOB_GOAL] = {"plan_job_goal", OV_IND_GROUP_PLAN,
        OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE, c_plan_job_goal, 0, 90, 75},
    [OV_IND_PLAN_CHANGES_WITH_CITIZEN] = {"plan_changes_with_citizen",
        OV_IND_GROUP_PLAN, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_plan_with_citizen, 0, 90, 75},
    [OV_IND_FOLLOWUP_ON_TIME] = {"followup_on_time", OV_IND_GROUP_FOLLOWUP,
        OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE, c_followup_on_time, 0, 90,
        75},
    [OV_IND_FOLLOWUP_JOINT] = {"followup_joint", OV_IND_GROUP_FOLLOWUP,
        OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE, c_followup_joint, 0, 50, 25},
    [OV_IND_MATCH_DAYS] = {"match_days", OV_IND_GROUP_MATCH, OV_IND_DAYS,
        OV_IND_INFO, K_MEDIAN, c_match_days, 0, 0, 0},
    [OV_IND_PLACEMENT_ORDINARY_POSSIBLE] = {"placement_ordinary_possible",
        OV_IND_GROUP_MATCH, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_ordinary_possible, 0, 75, 50},
    [OV_IND_CTI_STARTED_IN_WINDOW] = {"cti_started_in_window",
        OV_IND_GROUP_CTI, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_cti_window, 0, 80, 60},
    /* thresholds of the phases: percent of the planned contacts */
    [OV_IND_CTI_CONTACTS_PHASE1] = {"cti_contacts_phase1", OV_IND_GROUP_CTI,
        OV_IND_PER_WEEK, OV_IND_HIGHER, K_RATE, c_cti_phase, 1, 90, 60},
    [OV_IND_CTI_CONTACTS_PHASE2] = {"cti_contacts_phase2", OV_IND_GROUP_CTI,
        OV_IND_PER_WEEK, OV_IND_HIGHER, K_RATE, c_cti_phase, 2, 90, 60},
    [OV_IND_CTI_CONTACTS_PHASE3] = {"cti_contacts_phase3", OV_IND_GROUP_CTI,
        OV_IND_PER_WEEK, OV_IND_HIGHER, K_RATE, c_cti_phase, 3, 90, 60},
    [OV_IND_CTI_INTENSITY_DECREASING] = {"cti_intensity_decreasing",
        OV_IND_GROUP_CTI, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_cti_decreasing, 0, 80, 60},
    [OV_IND_CTI_FIRST_MONTH_CONTACTS] = {"cti_first_month_contacts",
        OV_IND_GROUP_CTI, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_cti_first_month, 0, 90, 75},
    [OV_IND_CTI_CASELOAD_MAX] = {"cti_caseload_max", OV_IND_GROUP_CTI,
        OV_IND_COUNT_UNIT, OV_IND_LOWER, K_LOAD_MAX, NULL,
        ROLE(OV_IND_CTI_WORKER), 20, 24},
    [OV_IND_AGREEMENT_SIGNED] = {"agreement_signed", OV_IND_GROUP_AGREEMENT,
        OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE, c_agreement_signed, 0, 90,
        75},
    [OV_IND_AGREEMENT_ORDINARY_HOURS] = {"agreement_ordinary_hours",
        OV_IND_GROUP_AGREEMENT, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_agreement_ordinary, 0, 50, 25},
    [OV_IND_ORDINARY_HOURS_START] = {"ordinary_hours_start",
        OV_IND_GROUP_AGREEMENT, OV_IND_HOURS, OV_IND_INFO, K_MEDIAN,
        c_ordinary_hours, 0, 0, 0},
    [OV_IND_ORDINARY_HOURS_NOW] = {"ordinary_hours_now",
        OV_IND_GROUP_AGREEMENT, OV_IND_HOURS, OV_IND_INFO, K_MEDIAN,
        c_ordinary_hours, 1, 0, 0},
    [OV_IND_COMPANY_DIRECTED_SHARE] = {"company_directed_share",
        OV_IND_GROUP_RESULTS, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_company_directed, 0, 80, 47},
    [OV_IND_ORDINARY_EMPLOYMENT_12M] = {"ordinary_employment_12m",
        OV_IND_GROUP_RESULTS, OV_IND_PERCENT, OV_IND_HIGHER, K_SHARE,
        c_ordinary_12m, 0, 20, 11},
    [OV_IND_WHO5_CHANGE] = {"who5_change", OV_IND_GROUP_RESULTS,
        OV_IND_POINTS, OV_IND_HIGHER, K_MEAN, c_who5, 0, 8, 0},
    [OV_IND_ENDED] = {"ended", OV_IND_GROUP_RESULTS, OV_IND_COUNT_UNIT,
        OV_IND_INFO, K_COUNT, c_ended, 0, 0, 0},
    [OV_IND_ENDS_ORDINARY_JOB] = {"ends_ordinary_job", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_ORDINARY_JOB, 0,
        0},
    [OV_IND_ENDS_EDUCATION] = {"ends_education", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_EDUCATION, 0, 0},
    [OV_IND_ENDS_OTHER_EFFORT] = {"ends_other_effort", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_OTHER_EFFORT, 0,
        0},
    [OV_IND_ENDS_FLEX_JOB] = {"ends_flex_job", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_FLEX_JOB, 0, 0},
    [OV_IND_ENDS_HEALTH] = {"ends_health", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_HEALTH, 0, 0},
    [OV_IND_ENDS_MOVED] = {"ends_moved", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_MOVED, 0, 0},
    [OV_IND_ENDS_WITHDREW] = {"ends_withdrew", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_WITHDREW, 0, 0},
    [OV_IND_ENDS_OTHER] = {"ends_other", OV_IND_GROUP_RESULTS,
        OV_IND_PERCENT, OV_IND_INFO, K_SHARE, c_ends, OV_END_OTHER, 0, 0},
    [OV_IND_CASELOAD_CASEWORKER] = {"caseload_caseworker",
        OV_IND_GROUP_CASELOAD, OV_IND_COUNT_UNIT, OV_IND_INFO, K_LOAD, NULL,
        CASEWORKERS, 0, 0},
    [OV_IND_CASELOAD_CTI_WORKER] = {"caseload_cti_worker",
        OV_IND_GROUP_CASELOAD, OV_IND_COUNT_UNIT, OV_IND_LOWER, K_LOAD, NULL,
        ROLE(OV_IND_CTI_WORKER), 20, 24},
    [OV_IND_CASELOAD_CONSULTANT] = {"caseload_consultant",
        OV_IND_GROUP_CASELOAD, OV_IND_COUNT_UNIT, OV_IND_INFO, K_LOAD, NULL,
        ROLE(OV_IND_COMPANY_CONSULTANT), 0, 0},
};

const char *ov_ind_code(ov_ind_id id)
{
    return (unsigned)id < OV_IND_COUNT ? defs[id].code : "unknown";
}

ov_ind_group ov_ind_group_of(ov_ind_id id)
{
    return (unsigned)id < OV_IND_COUNT ? defs[id].group : OV_IND_GROUP_RESULTS;
}

ov_status ov_ind_parse(ov_str code, ov_ind_id *out, ov_err *err)
{
    for (int i = 0; i < OV_IND_COUNT; i++)
        if (ov_str_eq_c(code, defs[i].code)) {
            *out = (ov_ind_id)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "indicator", ind_unknown,
                      ov_arg_strn(code.ptr, code.len > 64 ? 64 : code.len));
}

const char *ov_ind_group_code(ov_ind_group g)
{
    static const char *const codes[] = {"", "1", "2", "3", "4", "5", "6",
                                        "results", "caseload"};
    return (unsigned)g <= OV_IND_GROUP_CASELOAD ? codes[g] : "unknown";
}

const char *ov_ind_unit_code(ov_ind_unit u)
{
    static const char *const codes[OV_IND_UNIT_COUNT] = {
        "percent", "days", "hours", "per_week", "points", "count"};
    return (unsigned)u < OV_IND_UNIT_COUNT ? codes[u] : "unknown";
}

const char *ov_ind_status_code(ov_ind_status s)
{
    static const char *const codes[] = {"none", "green", "yellow", "red"};
    return (unsigned)s <= OV_IND_STATUS_RED ? codes[s] : "unknown";
}

/* ---- rules ---- */

ov_ind_rules ov_ind_rules_default(void)
{
    ov_ind_rules r;
    memset(&r, 0, sizeof r);
    r.plan_days = 30;
    for (int i = 0; i < OV_IND_COUNT; i++) {
        r.t[i].green = defs[i].green;
        r.t[i].yellow = defs[i].yellow;
    }
    return r;
}

/* A threshold as an error argument, as %g writes it ("90", "2.5"). */
static const char *num(double v, char out[32])
{
    snprintf(out, 32, "%g", v);
    return out;
}

ov_status ov_ind_rules_validate(const ov_ind_rules *r, ov_err *err)
{
    char n[4][32];
    if (r->plan_days < 1 || r->plan_days > 365)
        return ov_err_msg(err, OV_EINVAL, "plan_days", ind_plan_days,
                          r->plan_days);
    for (int i = 0; i < OV_IND_COUNT; i++) {
        const struct def *d = &defs[i];
        double g = r->t[i].green, y = r->t[i].yellow;
        if (d->dir == OV_IND_INFO)
            continue;
        bool pct = d->unit == OV_IND_PERCENT || d->kind == K_RATE;
        double lo = d->unit == OV_IND_POINTS ? -100 : 0;
        double hi = pct || d->unit == OV_IND_POINTS ? 100 : 1000;
        if (!(g >= lo && g <= hi && y >= lo && y <= hi))
            return ov_err_msg(err, OV_EINVAL, d->code, ind_threshold_range,
                              d->code, num(lo, n[0]), num(hi, n[1]),
                              num(g, n[2]), num(y, n[3]));
        if (d->dir == OV_IND_HIGHER && y > g)
            return ov_err_msg(err, OV_EINVAL, d->code, ind_yellow_above_green,
                              d->code, num(y, n[0]), num(g, n[1]));
        if (d->dir == OV_IND_LOWER && y < g)
            return ov_err_msg(err, OV_EINVAL, d->code, ind_yellow_below_green,
                              d->code, num(y, n[0]), num(g, n[1]));
    }
    return OV_OK;
}

static bool parse_num(ov_str s, double *out)
{
    char buf[32];
    s = ov_str_trim(s);
    if (s.len == 0 || s.len >= sizeof buf)
        return false;
    memcpy(buf, s.ptr, s.len);
    buf[s.len] = '\0';
    char *end;
    *out = strtod(buf, &end);
    return *end == '\0' && *out == *out; /* not NaN */
}

ov_status ov_ind_rules_parse(ov_str text, ov_ind_rules *out, ov_err *err)
{
    char n[2][32];
    ov_ind_rules r = ov_ind_rules_default();
    int line = 0;
    while (text.ptr && text.len) {
        ov_str l;
        text = ov_str_cut(text, '\n', &l);
        line++;
        l = ov_str_trim(l);
        if (l.len == 0)
            continue;
        ov_str code;
        ov_str val = ov_str_cut(l, '=', &code);
        code = ov_str_trim(code);
        if (!val.ptr)
            return ov_err_msg(err, OV_EINVAL, "indicator_rules",
                              ind_rules_syntax, line);
        if (ov_str_eq_c(code, "plan_days")) {
            double d;
            if (!parse_num(val, &d) || d != (int)d)
                return ov_err_msg(err, OV_EINVAL, "plan_days",
                                  ind_plan_days_whole, line);
            r.plan_days = (int)d;
            continue;
        }
        ov_ind_id id;
        if (ov_ind_parse(code, &id, err) != OV_OK) {
            if (err)
                ov_err_prefix(err, "indicator_rules: line %d", line);
            return OV_EINVAL;
        }
        if (defs[id].dir == OV_IND_INFO)
            return ov_err_msg(err, OV_EINVAL, defs[id].code,
                              ind_informational, defs[id].code, line);
        ov_str green;
        ov_str yellow = ov_str_cut(val, ',', &green);
        if (!yellow.ptr || !parse_num(green, &r.t[id].green) ||
            !parse_num(yellow, &r.t[id].yellow))
            return ov_err_msg(err, OV_EINVAL, defs[id].code,
                              ind_threshold_two, defs[id].code, line,
                              num(defs[id].green, n[0]),
                              num(defs[id].yellow, n[1]));
    }
    ov_status st = ov_ind_rules_validate(&r, err);
    if (st != OV_OK)
        return st;
    *out = r;
    return OV_OK;
}

void ov_ind_rules_format(const ov_ind_rules *r, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    int n = snprintf(out, cap, "plan_days=%d\n", r->plan_days);
    if (n < 0 || (size_t)n >= cap)
        return;
    o = (size_t)n;
    for (int i = 0; i < OV_IND_COUNT && o < cap; i++) {
        if (defs[i].dir == OV_IND_INFO)
            continue;
        n = snprintf(out + o, cap - o, "%s=%g,%g\n", defs[i].code,
                     r->t[i].green, r->t[i].yellow);
        if (n < 0)
            break;
        o += (size_t)n;
    }
}

ov_status ov_ind_period_validate(ov_date from, ov_date to, ov_err *err)
{
    char a[OV_DATE_BUF], b[OV_DATE_BUF];
    ov_date_format_iso(from, a);
    ov_date_format_iso(to, b);
    if (to < from)
        return ov_err_msg(err, OV_EINVAL, "to", ind_period_order, b, a);
    if (to - from > 20 * 366)
        return ov_err_msg(err, OV_EINVAL, "from", ind_period_too_long, a, b);
    return OV_OK;
}

/* ---- computing ---- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Caseload of the staff in `mask` at the period's end: *pairs courses
 * counted, *staff distinct staff members, *max the largest count and
 * *busiest its user (the lowest id among equals). */
static void caseload(const ov_ind_facts *f, int n, const ov_ind_context *cx,
                     unsigned mask, double *pairs, double *staff, double *max,
                     int64_t *busiest)
{
    int64_t *ids = ov_xmalloc(
        ov_size_mul(ov_size_add(ov_size_mul((size_t)n, OV_IND_STAFF_COUNT), 1),
                    sizeof *ids));
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (!active_at(&f[i], cx->to))
            continue;
        for (int r = 0; r < OV_IND_STAFF_COUNT; r++)
            if ((mask & ROLE(r)) && f[i].staff[r] != 0)
                ids[k++] = f[i].staff[r];
    }
    qsort(ids, k, sizeof *ids, cmp_i64);
    *pairs = (double)k;
    *staff = 0;
    *max = 0;
    *busiest = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j < k && ids[j] == ids[i])
            j++;
        (*staff)++;
        if ((double)(j - i) > *max) {
            *max = (double)(j - i);
            *busiest = ids[i];
        }
        i = j;
    }
    free(ids);
}

static ov_ind_status status_of(ov_ind_direction dir, double v,
                               ov_ind_threshold t)
{
    if (dir == OV_IND_HIGHER)
        return v >= t.green - 1e-9    ? OV_IND_STATUS_GREEN
               : v >= t.yellow - 1e-9 ? OV_IND_STATUS_YELLOW
                                      : OV_IND_STATUS_RED;
    if (dir == OV_IND_LOWER)
        return v <= t.green + 1e-9    ? OV_IND_STATUS_GREEN
               : v <= t.yellow + 1e-9 ? OV_IND_STATUS_YELLOW
                                      : OV_IND_STATUS_RED;
    return OV_IND_STATUS_NONE;
}

static void compute_one(ov_ind_id id, const ov_ind_facts *f, int n,
                        const ov_ind_context *cx, ov_indicator *o)
{
    const struct def *d = &defs[id];
    memset(o, 0, sizeof *o);
    o->id = id;
    o->code = d->code;
    o->group = d->group;
    o->unit = d->unit;
    o->direction = d->dir;
    ov_ind_threshold t = cx->rules.t[id];
    double planned = 0;
    if (d->kind == K_LOAD || d->kind == K_LOAD_MAX) {
        double pairs, staff, max;
        int64_t busiest;
        caseload(f, n, cx, (unsigned)d->arg, &pairs, &staff, &max, &busiest);
        o->numerator = d->kind == K_LOAD ? pairs : max;
        o->denominator = staff;
        o->has_value = staff > 0;
        if (o->has_value)
            o->value = d->kind == K_LOAD ? pairs / staff : max;
    } else if (d->kind == K_MEDIAN || d->kind == K_MEAN) {
        double *v = ov_xmalloc(ov_size_mul((size_t)n + 1, sizeof *v));
        size_t k = 0;
        for (int i = 0; i < n; i++) {
            contrib c = {0};
            d->fn(&f[i], cx, d->arg, &c);
            if (c.has_val)
                v[k++] = c.val;
        }
        o->numerator = o->denominator = (double)k;
        o->has_value = k > 0;
        if (k > 0 && d->kind == K_MEDIAN) {
            qsort(v, k, sizeof *v, cmp_double);
            o->value = k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
        } else if (k > 0) {
            double sum = 0;
            for (size_t i = 0; i < k; i++)
                sum += v[i];
            o->value = sum / (double)k;
        }
        free(v);
    } else {
        for (int i = 0; i < n; i++) {
            contrib c = {0};
            d->fn(&f[i], cx, d->arg, &c);
            o->numerator += c.num;
            o->denominator += c.den;
            planned += c.planned;
        }
        o->has_value = o->denominator > 0;
        if (o->has_value)
            o->value = d->kind == K_SHARE  ? 100.0 * o->numerator /
                                                o->denominator
                       : d->kind == K_RATE ? o->numerator / o->denominator
                                           : o->numerator;
    }
    if (d->dir == OV_IND_INFO)
        return;
    o->has_target = true;
    o->target = t.green;
    if (d->kind == K_RATE) {
        /* planned contacts per week; thresholds are percent of it */
        if (!o->has_value || planned <= 0) {
            o->has_target = false; /* no plan to hold it against */
            o->target = 0;
            return;
        }
        o->target = planned / o->denominator;
        o->status = status_of(d->dir, 100.0 * o->value / o->target, t);
        return;
    }
    if (o->has_value)
        o->status = status_of(d->dir, o->value, t);
}

void ov_ind_compute(const ov_ind_facts *f, int n, const ov_ind_context *cx,
                    ov_indicator out[OV_IND_COUNT])
{
    for (int i = 0; i < OV_IND_COUNT; i++)
        compute_one((ov_ind_id)i, f, n, cx, &out[i]);
}

void ov_ind_contributions(ov_ind_id id, const ov_ind_facts *f, int n,
                          const ov_ind_context *cx, double *num, double *den)
{
    const struct def *d = &defs[id];
    if (d->kind == K_LOAD || d->kind == K_LOAD_MAX) {
        double pairs, staff, max;
        int64_t busiest = 0;
        if (d->kind == K_LOAD_MAX)
            caseload(f, n, cx, (unsigned)d->arg, &pairs, &staff, &max,
                     &busiest);
        for (int i = 0; i < n; i++) {
            num[i] = den[i] = 0;
            if (!active_at(&f[i], cx->to))
                continue;
            for (int r = 0; r < OV_IND_STAFF_COUNT; r++)
                if (((unsigned)d->arg & ROLE(r)) && f[i].staff[r] != 0 &&
                    (d->kind == K_LOAD || f[i].staff[r] == busiest))
                    num[i]++;
        }
        return;
    }
    for (int i = 0; i < n; i++) {
        contrib c = {0};
        d->fn(&f[i], cx, d->arg, &c);
        if (d->kind == K_MEDIAN || d->kind == K_MEAN)
            num[i] = den[i] = c.has_val;
        else {
            num[i] = c.num;
            den[i] = c.den;
        }
    }
}
