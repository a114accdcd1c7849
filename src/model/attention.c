#include "model/attention.h"

#include <stdlib.h>
#include <string.h>

#include "model/cti.h"

static const char *const codes[OV_ATT_REASON_COUNT] = {
    [OV_ATT_FOLLOWUP_OVERDUE] = "followup_overdue",
    [OV_ATT_NO_PLACEMENT] = "no_placement",
    [OV_ATT_AGREEMENT_UNSIGNED] = "agreement_unsigned",
    [OV_ATT_CTI_NO_PLAN_AFTER] = "cti_no_plan_after",
    [OV_ATT_WHO5_DROPPED] = "who5_dropped",
    [OV_ATT_CASELOAD_OVER] = "caseload_over",
};

const char *ov_att_reason_code(ov_att_reason r)
{
    return (unsigned)r < OV_ATT_REASON_COUNT ? codes[r] : "unknown";
}

ov_status ov_att_reason_parse(ov_str code, ov_att_reason *out, ov_err *err)
{
    for (int i = 0; i < OV_ATT_REASON_COUNT; i++)
        if (ov_str_eq_c(code, codes[i])) {
            *out = (ov_att_reason)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "reason", attention_reason_unknown);
}

ov_att_rules ov_att_rules_from_settings(const ov_settings *s)
{
    ov_att_rules r;
    memset(&r, 0, sizeof r);
    r.followup_interval_weeks = s->followup.interval_weeks;
    r.no_placement_months = s->attention_no_placement_months;
    r.who5_drop = OV_ATT_WHO5_DROP_DEFAULT;
    r.caseload_limit[OV_IND_CTI_WORKER] = s->cti.caseload_limit;
    return r;
}

ov_status ov_att_rules_validate(const ov_att_rules *r, ov_err *err)
{
    if (r->followup_interval_weeks < 1 || r->followup_interval_weeks > 26)
        return ov_err_msg(err, OV_EINVAL, "followup_interval_weeks",
                          attention_followup_weeks);
    if (r->no_placement_months < 1 || r->no_placement_months > 36)
        return ov_err_msg(err, OV_EINVAL, "no_placement_months",
                          attention_no_placement_months);
    if (r->who5_drop < 1 || r->who5_drop > 100)
        return ov_err_msg(err, OV_EINVAL, "who5_drop", attention_who5_drop);
    for (int i = 0; i < OV_IND_STAFF_COUNT; i++)
        if (r->caseload_limit[i] < 0 || r->caseload_limit[i] > 200)
            return ov_err_msg(err, OV_EINVAL, "caseload_limit",
                              attention_caseload_limit);
    return OV_OK;
}

/* ---- one course, one reason: the day it began to hold, or NO_DATE ---- */

static bool in_job_by(const ov_ind_facts *f, ov_date on)
{
    return f->in_job_on != OV_IND_NO_DATE && f->in_job_on <= on;
}

static bool meeting_held_by(const ov_ind_facts *f, ov_date on)
{
    return f->start_meeting_on != OV_IND_NO_DATE && f->start_meeting_on <= on;
}

static ov_date r_followup(const ov_ind_facts *f, const ov_att_rules *r,
                          ov_date on)
{
    if (!meeting_held_by(f, on) || in_job_by(f, on))
        return OV_IND_NO_DATE;
    ov_date last = f->start_meeting_on;
    for (int i = 0; i < f->nfollowups; i++)
        if (f->followups[i].held_on <= on && f->followups[i].held_on > last)
            last = f->followups[i].held_on;
    ov_date since = last + r->followup_interval_weeks * 7 + 1;
    return since <= on ? since : OV_IND_NO_DATE;
}

static ov_date r_no_placement(const ov_ind_facts *f, const ov_att_rules *r,
                              ov_date on)
{
    if (!meeting_held_by(f, on) || in_job_by(f, on))
        return OV_IND_NO_DATE;
    for (int i = 0; i < f->nplacements; i++)
        if (f->placements[i].start_on <= on)
            return OV_IND_NO_DATE;
    ov_date since =
        ov_date_add_months(f->start_meeting_on, r->no_placement_months);
    return since <= on ? since : OV_IND_NO_DATE;
}

static ov_date r_agreement(const ov_ind_facts *f, ov_date on)
{
    ov_date since = OV_IND_NO_DATE;
    for (int i = 0; i < f->nplacements; i++) {
        const ov_ind_placement *p = &f->placements[i];
        bool open = p->start_on <= on &&
                    (p->end_on == OV_IND_NO_DATE || p->end_on >= on);
        if (open && !p->signed_all &&
            (since == OV_IND_NO_DATE || p->start_on < since))
            since = p->start_on;
    }
    return since;
}

static ov_date r_cti_plan(const ov_ind_facts *f, ov_date on)
{
    if (!f->has_cti || f->cti_start_on == OV_IND_NO_DATE || f->cti_months < 1)
        return OV_IND_NO_DATE;
    ov_cti_course c;
    ov_cti_phases(f->cti_start_on, f->cti_months, &c);
    if (c.end > on)
        return OV_IND_NO_DATE;
    for (int i = 0; i < f->nplans; i++)
        if (f->plans[i].made_on >= c.end && f->plans[i].made_on <= on)
            return OV_IND_NO_DATE;
    return c.end;
}

static ov_date r_who5(const ov_ind_facts *f, const ov_att_rules *r,
                      ov_date on)
{
    int last = -1;
    for (int i = 0; i < f->nwho5; i++)
        if (f->who5[i].on <= on)
            last = i;
    if (last < 1)
        return OV_IND_NO_DATE;
    int now = f->who5[last].score;
    if (now <= f->who5[last - 1].score - r->who5_drop ||
        now <= f->who5[0].score - r->who5_drop)
        return f->who5[last].on;
    return OV_IND_NO_DATE;
}

/* ---- the list ---- */

typedef struct list {
    ov_att_item *v;
    int n, cap;
} list;

static void push(list *l, int64_t course, ov_att_reason reason, ov_date since,
                 int64_t staff, ov_ind_staff_role role)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = ov_xrealloc(l->v, ov_size_mul((size_t)l->cap, sizeof *l->v));
    }
    l->v[l->n++] = (ov_att_item){course, reason, since, staff, role};
}

static bool active_on(const ov_ind_facts *f, ov_date on)
{
    return f->started_on <= on &&
           (f->ended_on == OV_IND_NO_DATE || f->ended_on >= on);
}

/* One staff member's course for the caseload: who, and when it started. */
typedef struct load {
    int64_t staff;
    ov_date start;
    int64_t course;
} load;

static int cmp_load(const void *a, const void *b)
{
    const load *x = a, *y = b;
    if (x->staff != y->staff)
        return (x->staff > y->staff) - (x->staff < y->staff);
    if (x->start != y->start)
        return (x->start > y->start) - (x->start < y->start);
    return (x->course > y->course) - (x->course < y->course);
}

static void caseloads(const ov_ind_facts *f, int n, const ov_att_rules *r,
                      ov_date on, list *l)
{
    load *v = ov_xmalloc(ov_size_mul((size_t)n + 1, sizeof *v));
    for (int role = 0; role < OV_IND_STAFF_COUNT; role++) {
        int limit = r->caseload_limit[role];
        if (limit <= 0)
            continue;
        size_t k = 0;
        for (int i = 0; i < n; i++)
            if (f[i].staff[role] != 0 && active_on(&f[i], on))
                v[k++] = (load){f[i].staff[role], f[i].started_on,
                                f[i].course_id};
        qsort(v, k, sizeof *v, cmp_load);
        for (size_t i = 0; i < k;) {
            size_t j = i;
            while (j < k && v[j].staff == v[i].staff)
                j++;
            for (size_t x = i + (size_t)limit; x < j; x++)
                push(l, v[x].course, OV_ATT_CASELOAD_OVER, v[x].start,
                     v[x].staff, (ov_ind_staff_role)role);
            i = j;
        }
    }
    free(v);
}

static int cmp_item(const void *a, const void *b)
{
    const ov_att_item *x = a, *y = b;
    if (x->since != y->since)
        return (x->since > y->since) - (x->since < y->since);
    if (x->course_id != y->course_id)
        return (x->course_id > y->course_id) - (x->course_id < y->course_id);
    if (x->reason != y->reason)
        return (int)x->reason - (int)y->reason;
    return (x->staff_id > y->staff_id) - (x->staff_id < y->staff_id);
}

int ov_att_compute(const ov_ind_facts *f, int n, const ov_att_rules *r,
                   ov_date on, ov_att_item **out)
{
    list l = {0};
    for (int i = 0; i < n; i++) {
        const ov_ind_facts *c = &f[i];
        if (!active_on(c, on))
            continue;
        ov_date s[OV_ATT_CASELOAD_OVER] = {
            [OV_ATT_FOLLOWUP_OVERDUE] = r_followup(c, r, on),
            [OV_ATT_NO_PLACEMENT] = r_no_placement(c, r, on),
            [OV_ATT_AGREEMENT_UNSIGNED] = r_agreement(c, on),
            [OV_ATT_CTI_NO_PLAN_AFTER] = r_cti_plan(c, on),
            [OV_ATT_WHO5_DROPPED] = r_who5(c, r, on),
        };
        for (int k = 0; k < OV_ATT_CASELOAD_OVER; k++)
            if (s[k] != OV_IND_NO_DATE)
                push(&l, c->course_id, (ov_att_reason)k, s[k], 0,
                     OV_IND_EMPLOYMENT_CASEWORKER);
    }
    caseloads(f, n, r, on, &l);
    if (l.n > 1)
        qsort(l.v, (size_t)l.n, sizeof *l.v, cmp_item);
    *out = l.v;
    return l.n;
}
