/* Indicators: every indicator on hand-made courses, the period edges
 * (no courses, an empty period, a course ending inside it) and the CTI
 * caseload limit of 20. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/indicators.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

#define NONE OV_IND_NO_DATE
#define FULL_START                                                            \
    (OV_ATTEND(OV_ROLE_CITIZEN) | OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) | \
     OV_ATTEND(OV_ROLE_CTI_WORKER) | OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT))
#define JOINT (OV_ATTEND(OV_ROLE_CTI_WORKER) | \
               OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT))

/* A course drawn on `start` and nothing else. */
static ov_ind_facts course(int64_t id, ov_date start)
{
    ov_ind_facts f;
    memset(&f, 0, sizeof f);
    f.course_id = id;
    f.municipality_code = 250;
    f.team_id = 1;
    f.started_on = start;
    f.drawn_on = start;
    f.start_meeting_on = f.start_complete_on = NONE;
    f.cti_start_on = NONE;
    f.in_job_on = NONE;
    f.ended_on = NONE;
    return f;
}

/* The year 2026 as the period. */
static ov_ind_context year(void)
{
    ov_ind_context cx;
    memset(&cx, 0, sizeof cx);
    cx.from = D(2026, 1, 1);
    cx.to = D(2026, 12, 31);
    cx.followup_interval_weeks = 4;
    cx.cti_early_days = 14;
    cx.cti_min_first_month = 2;
    cx.rules = ov_ind_rules_default();
    return cx;
}

static ov_indicator one(const ov_ind_facts *f, int n, const ov_ind_context *cx,
                        ov_ind_id id)
{
    ov_indicator all[OV_IND_COUNT];
    ov_ind_compute(f, n, cx, all);
    assert_int_equal(all[id].id, id);
    return all[id];
}

static void assert_share(ov_indicator i, double num, double den)
{
    assert_true(i.numerator == num);
    assert_true(i.denominator == den);
    assert_true(i.has_value);
    assert_true(i.value > 100.0 * num / den - 1e-9 &&
                i.value < 100.0 * num / den + 1e-9);
}

static void no_courses_give_no_values_and_no_status(void **state)
{
    (void)state;
    ov_ind_context cx = year();
    ov_indicator all[OV_IND_COUNT];
    ov_ind_compute(NULL, 0, &cx, all);
    for (int i = 0; i < OV_IND_COUNT; i++) {
        assert_false(all[i].has_value);
        assert_true(all[i].numerator == 0 && all[i].denominator == 0);
        assert_int_equal(all[i].status, OV_IND_STATUS_NONE);
        assert_string_equal(all[i].code, ov_ind_code((ov_ind_id)i));
    }
    /* the ids are stable and parse back */
    ov_ind_id id;
    assert_int_equal(ov_ind_parse(OV_STR_LIT("cti_caseload_max"), &id, NULL),
                     OV_OK);
    assert_int_equal(id, OV_IND_CTI_CASELOAD_MAX);
    assert_string_equal(ov_ind_group_code(ov_ind_group_of(id)), "5");
    assert_string_equal(
        ov_ind_group_code(ov_ind_group_of(OV_IND_WHO5_CHANGE)), "results");
}

static void an_empty_period_counts_nothing(void **state)
{
    (void)state;
    ov_ind_facts f = course(1, D(2026, 1, 5));
    f.start_meeting_on = D(2026, 1, 20);
    f.start_present = FULL_START;
    ov_ind_context cx = year();
    cx.from = D(2025, 1, 1);
    cx.to = D(2025, 12, 31); /* before the course */
    ov_indicator all[OV_IND_COUNT];
    ov_ind_compute(&f, 1, &cx, all);
    for (int i = 0; i < OV_IND_COUNT; i++)
        assert_false(all[i].has_value);
    ov_err err;
    assert_int_equal(ov_ind_period_validate(D(2026, 2, 1), D(2026, 1, 1), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "to");
    assert_non_null(strstr(err.msg, "before it begins"));
    assert_int_equal(ov_ind_period_validate(D(2026, 1, 1), D(2026, 1, 1), &err),
                     OV_OK);
}

static void start_meeting_complete_needs_all_four(void **state)
{
    (void)state;
    ov_ind_facts f[3] = {course(1, D(2026, 1, 5)), course(2, D(2026, 1, 5)),
                         course(3, D(2025, 1, 5))};
    f[0].start_meeting_on = D(2026, 1, 19);
    f[0].start_present = FULL_START;
    f[1].start_meeting_on = D(2026, 2, 5); /* no consultant */
    f[1].start_present = FULL_START & ~OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT);
    f[2].start_meeting_on = D(2025, 3, 1); /* before the period */
    f[2].start_present = FULL_START;
    ov_ind_context cx = year();
    ov_indicator i = one(f, 3, &cx, OV_IND_START_MEETING_COMPLETE);
    assert_share(i, 1, 2);
    assert_int_equal(i.status, OV_IND_STATUS_RED); /* 50 < 75 */
    assert_true(i.target == 90);
    /* the social caseworker is a caseworker too */
    f[1].start_present = FULL_START & ~OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER);
    f[1].start_present |= OV_ATTEND(OV_ROLE_SOCIAL_CASEWORKER);
    i = one(f, 3, &cx, OV_IND_START_MEETING_COMPLETE);
    assert_share(i, 2, 2);
    assert_int_equal(i.status, OV_IND_STATUS_GREEN);
}

static void days_to_start_meeting_is_the_median_from_the_draw(void **state)
{
    (void)state;
    ov_ind_facts f[4] = {course(1, D(2026, 1, 1)), course(2, D(2026, 1, 1)),
                         course(3, D(2026, 1, 1)), course(4, D(2026, 1, 1))};
    f[0].start_meeting_on = D(2026, 1, 11);  /* 10 */
    f[1].start_meeting_on = D(2026, 1, 21);  /* 20 */
    f[2].start_meeting_on = D(2026, 3, 2);   /* 60 */
    f[3].drawn_on = D(2026, 2, 1);           /* not yet held */
    ov_ind_context cx = year();
    ov_indicator i = one(f, 4, &cx, OV_IND_START_MEETING_DAYS);
    assert_true(i.numerator == 3 && i.denominator == 3);
    assert_true(i.value == 20);
    assert_int_equal(i.status, OV_IND_STATUS_GREEN); /* <= 21 */
    f[3].start_meeting_on = D(2026, 3, 3); /* 30 days from its draw */
    i = one(f, 4, &cx, OV_IND_START_MEETING_DAYS);
    assert_true(i.value == 25); /* the mean of the middle two */
    assert_int_equal(i.status, OV_IND_STATUS_YELLOW);
}

static void plan_job_goal_counts_courses_whose_deadline_is_in_the_period(
    void **state)
{
    (void)state;
    ov_ind_plan on_time[] = {{1, D(2026, 2, 10), true, true}};
    ov_ind_plan late[] = {{1, D(2026, 2, 1), false, true},
                          {2, D(2026, 4, 1), true, true}};
    ov_ind_facts f[3] = {course(1, D(2026, 1, 1)), course(2, D(2026, 1, 1)),
                         course(3, D(2026, 1, 1))};
    f[0].start_meeting_on = D(2026, 1, 20); /* deadline 19 Feb */
    f[0].plans = on_time;
    f[0].nplans = 1;
    f[1].start_meeting_on = D(2026, 1, 20);
    f[1].plans = late;
    f[1].nplans = 2;
    f[2].start_meeting_on = D(2026, 12, 20); /* deadline next year */
    ov_ind_context cx = year();
    ov_indicator i = one(f, 3, &cx, OV_IND_PLAN_JOB_GOAL);
    assert_share(i, 1, 2);
    /* the window is a setting: 90 days takes the late plan in */
    cx.rules.plan_days = 90;
    i = one(f, 3, &cx, OV_IND_PLAN_JOB_GOAL);
    assert_share(i, 2, 2);
}

static void plan_changes_count_versions_after_the_first(void **state)
{
    (void)state;
    ov_ind_plan p[] = {{1, D(2026, 1, 10), true, false},
                       {2, D(2026, 3, 1), true, true},
                       {3, D(2026, 5, 1), true, false},
                       {4, D(2027, 1, 5), true, true}};
    ov_ind_facts f = course(1, D(2026, 1, 1));
    f.plans = p;
    f.nplans = 4;
    ov_ind_context cx = year();
    ov_indicator i = one(&f, 1, &cx, OV_IND_PLAN_CHANGES_WITH_CITIZEN);
    assert_share(i, 1, 2);
}

static void followup_on_time_looks_at_the_last_followup_by_the_period_end(
    void **state)
{
    (void)state;
    ov_ind_meeting recent[] = {{D(2026, 12, 10), JOINT}};
    ov_ind_meeting old[] = {{D(2026, 10, 1), 0}, {D(2027, 1, 2), 0}};
    ov_ind_facts f[4] = {course(1, D(2026, 1, 1)), course(2, D(2026, 1, 1)),
                         course(3, D(2026, 1, 1)), course(4, D(2026, 1, 1))};
    for (int k = 0; k < 4; k++)
        f[k].start_meeting_on = D(2026, 1, 20);
    f[0].followups = recent;
    f[0].nfollowups = 1;
    f[1].followups = old; /* the one in 2027 is after the period */
    f[1].nfollowups = 2;
    f[2].ended_on = D(2026, 6, 1); /* not active at the end */
    f[2].end_reason = OV_END_HEALTH;
    f[3].in_job_on = D(2026, 11, 1); /* in job: no follow-up due */
    ov_ind_context cx = year();
    ov_indicator i = one(f, 4, &cx, OV_IND_FOLLOWUP_ON_TIME);
    assert_share(i, 1, 2);
    /* the interval is a setting: 13 weeks takes 1 October in */
    cx.followup_interval_weeks = 13;
    i = one(f, 4, &cx, OV_IND_FOLLOWUP_ON_TIME);
    assert_share(i, 2, 2);
}

static void joint_followups_need_consultant_and_cti_worker(void **state)
{
    (void)state;
    ov_ind_meeting m[] = {
        {D(2026, 2, 1), JOINT | OV_ATTEND(OV_ROLE_CITIZEN)},
        {D(2026, 3, 1), OV_ATTEND(OV_ROLE_CTI_WORKER)},
        {D(2026, 4, 1), OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)},
        {D(2025, 4, 1), JOINT}};
    ov_ind_facts f = course(1, D(2025, 1, 1));
    f.followups = m;
    f.nfollowups = 4;
    ov_ind_context cx = year();
    ov_indicator i = one(&f, 1, &cx, OV_IND_FOLLOWUP_JOINT);
    assert_true(i.numerator == 1 && i.denominator == 3);
    assert_int_equal(i.status, OV_IND_STATUS_YELLOW); /* 33 >= 25 */
}

static void match_days_is_informational_and_ordinary_possible_a_share(
    void **state)
{
    (void)state;
    ov_ind_placement p1[] = {
        {D(2026, 4, 1), NONE, OV_PLACE_INTERNSHIP, true, false, false, 0, 0, 0, 0, NULL}};
    ov_ind_placement p2[] = {
        {D(2026, 2, 1), NONE, OV_PLACE_INTERNSHIP, false, false, false, 0, 0, 0, 0, NULL},
        {D(2026, 6, 1), NONE, OV_PLACE_WAGE_SUBSIDY, true, false, false, 0,
         0, 0, 0, NULL}};
    ov_ind_facts f[2] = {course(1, D(2026, 1, 1)), course(2, D(2026, 1, 1))};
    f[0].start_meeting_on = D(2026, 1, 1);
    f[0].placements = p1;
    f[0].nplacements = 1; /* 90 days */
    f[1].start_meeting_on = D(2026, 1, 11);
    f[1].placements = p2;
    f[1].nplacements = 2; /* 21 days to the first */
    ov_ind_context cx = year();
    ov_indicator i = one(f, 2, &cx, OV_IND_MATCH_DAYS);
    assert_true(i.value == 55.5);
    assert_false(i.has_target);
    assert_int_equal(i.status, OV_IND_STATUS_NONE);
    i = one(f, 2, &cx, OV_IND_PLACEMENT_ORDINARY_POSSIBLE);
    assert_share(i, 2, 3);
}

static void cti_must_start_within_the_window_before_the_placement(
    void **state)
{
    (void)state;
    ov_ind_placement p = {D(2026, 3, 15), NONE, OV_PLACE_INTERNSHIP,
                          true,           false, false, 0, 0, 0, 0, NULL};
    ov_ind_facts f[4];
    ov_date starts[4] = {D(2026, 3, 1), D(2026, 2, 28), D(2026, 3, 16),
                         D(2026, 3, 15)};
    for (int k = 0; k < 4; k++) {
        f[k] = course(k + 1, D(2026, 1, 1));
        f[k].placements = &p;
        f[k].nplacements = 1;
        f[k].has_cti = true;
        f[k].cti_start_on = starts[k];
        f[k].cti_months = 9;
    }
    ov_ind_context cx = year();
    /* 14 days before: in; 15 before: too early; after: too late; same
     * day: in */
    ov_indicator i = one(f, 4, &cx, OV_IND_CTI_STARTED_IN_WINDOW);
    assert_share(i, 2, 4);
    assert_int_equal(i.status, OV_IND_STATUS_RED);
}

static void cti_contacts_per_week_are_held_against_the_plan(void **state)
{
    (void)state;
    /* 9 months from 1 January 2026: phases from 1 Jan, 1 Apr, 1 Jul. */
    static ov_date k[40];
    int n = 0;
    for (ov_date d = D(2026, 1, 1); d < D(2026, 4, 1); d += 7)
        k[n++] = d; /* weekly in phase 1 */
    for (ov_date d = D(2026, 4, 1); d < D(2026, 7, 1); d += 28)
        k[n++] = d; /* every four weeks in phase 2: half the plan */
    ov_ind_facts f = course(1, D(2025, 12, 1));
    f.has_cti = true;
    f.cti_start_on = D(2026, 1, 1);
    f.cti_months = 9;
    f.cti_interval_days[0] = 7;
    f.cti_interval_days[1] = 14;
    f.cti_interval_days[2] = 28;
    f.contacts = k;
    f.ncontacts = n;
    ov_ind_context cx = year();
    ov_indicator p1 = one(&f, 1, &cx, OV_IND_CTI_CONTACTS_PHASE1);
    assert_true(p1.numerator == 13);
    assert_true(p1.denominator > 12.85 && p1.denominator < 12.86); /* 90 d */
    assert_true(p1.target == 1.0);
    assert_int_equal(p1.status, OV_IND_STATUS_GREEN);
    ov_indicator p2 = one(&f, 1, &cx, OV_IND_CTI_CONTACTS_PHASE2);
    assert_true(p2.numerator == 4);
    assert_true(p2.target == 0.5);
    assert_true(p2.value < 0.31 && p2.value > 0.30);
    assert_int_equal(p2.status, OV_IND_STATUS_YELLOW); /* 62% of plan */
    ov_indicator p3 = one(&f, 1, &cx, OV_IND_CTI_CONTACTS_PHASE3);
    assert_true(p3.numerator == 0);
    assert_true(p3.value == 0);
    assert_int_equal(p3.status, OV_IND_STATUS_RED);
    /* a period inside phase 1 only counts phase 1 */
    cx.to = D(2026, 3, 31);
    assert_false(one(&f, 1, &cx, OV_IND_CTI_CONTACTS_PHASE2).has_value);
}

static void cti_intensity_must_not_rise_between_phases(void **state)
{
    (void)state;
    static ov_date falling[8], rising[40];
    int nf = 0, nr = 0;
    falling[nf++] = D(2026, 1, 5);
    falling[nf++] = D(2026, 1, 20);
    falling[nf++] = D(2026, 2, 20);
    falling[nf++] = D(2026, 4, 20);
    rising[nr++] = D(2026, 1, 5);
    for (ov_date d = D(2026, 4, 1); d < D(2026, 7, 1); d += 7)
        rising[nr++] = d;
    ov_ind_facts f[3] = {course(1, D(2026, 1, 1)), course(2, D(2026, 1, 1)),
                         course(3, D(2026, 1, 1))};
    for (int k = 0; k < 3; k++) {
        f[k].has_cti = true;
        f[k].cti_start_on = D(2026, 1, 1);
        f[k].cti_months = 9;
    }
    f[0].contacts = falling;
    f[0].ncontacts = nf;
    f[1].contacts = rising;
    f[1].ncontacts = nr;
    f[2].cti_start_on = D(2026, 11, 1); /* still in phase 1 at the end */
    ov_ind_context cx = year();
    assert_share(one(f, 3, &cx, OV_IND_CTI_INTENSITY_DECREASING), 1, 2);
}

static void cti_first_month_needs_two_contacts(void **state)
{
    (void)state;
    ov_date two[] = {D(2026, 3, 2), D(2026, 3, 30)};
    ov_date late[] = {D(2026, 3, 2), D(2026, 4, 1)}; /* 1 April: month 2 */
    ov_ind_facts f[3] = {course(1, D(2026, 1, 1)), course(2, D(2026, 1, 1)),
                         course(3, D(2026, 1, 1))};
    for (int k = 0; k < 3; k++) {
        f[k].has_cti = true;
        f[k].cti_start_on = D(2026, 3, 1);
        f[k].cti_months = 6;
    }
    f[0].contacts = two;
    f[0].ncontacts = 2;
    f[1].contacts = late;
    f[1].ncontacts = 2;
    f[2].cti_start_on = D(2026, 12, 15); /* first month ends next year */
    ov_ind_context cx = year();
    assert_share(one(f, 3, &cx, OV_IND_CTI_FIRST_MONTH_CONTACTS), 1, 2);
}

/* n active courses with CTI worker `worker`. */
static void give(ov_ind_facts *f, int from, int n, int64_t worker)
{
    for (int k = from; k < from + n; k++) {
        f[k] = course(k + 1, D(2026, 1, 1));
        f[k].staff[OV_IND_CTI_WORKER] = worker;
        f[k].staff[OV_IND_EMPLOYMENT_CASEWORKER] = 100 + k % 2;
        f[k].staff[OV_IND_SOCIAL_CASEWORKER] = k % 3 ? 0 : 200;
        f[k].staff[OV_IND_COMPANY_CONSULTANT] = 300;
    }
}

static void a_cti_worker_with_exactly_20_citizens_is_green_21_is_not(
    void **state)
{
    (void)state;
    ov_ind_facts f[32];
    give(f, 0, 20, 7);
    give(f, 20, 10, 8);
    ov_ind_context cx = year();
    ov_indicator mx = one(f, 30, &cx, OV_IND_CTI_CASELOAD_MAX);
    assert_true(mx.value == 20 && mx.numerator == 20 && mx.denominator == 2);
    assert_true(mx.target == 20);
    assert_int_equal(mx.status, OV_IND_STATUS_GREEN);
    ov_indicator mean = one(f, 30, &cx, OV_IND_CASELOAD_CTI_WORKER);
    assert_true(mean.value == 15);
    give(f, 30, 1, 7);
    mx = one(f, 31, &cx, OV_IND_CTI_CASELOAD_MAX);
    assert_true(mx.value == 21);
    assert_int_equal(mx.status, OV_IND_STATUS_YELLOW);
    /* an ended course no longer counts */
    f[30].ended_on = D(2026, 6, 1);
    f[30].end_reason = OV_END_MOVED;
    assert_true(one(f, 31, &cx, OV_IND_CTI_CASELOAD_MAX).value == 20);
    /* the drill-down lists the busiest worker's courses */
    double num[31], den[31];
    ov_ind_contributions(OV_IND_CTI_CASELOAD_MAX, f, 31, &cx, num, den);
    double sum = 0;
    for (int k = 0; k < 31; k++) {
        sum += num[k];
        assert_true(num[k] == (k < 20));
    }
    assert_true(sum == 20);
}

static void caseloads_count_active_courses_per_staff_member(void **state)
{
    (void)state;
    ov_ind_facts f[6];
    give(f, 0, 6, 7);
    ov_ind_context cx = year();
    /* caseworkers 100 (3), 101 (3), 200 (courses 0 and 3): 8 over 3 */
    ov_indicator cw = one(f, 6, &cx, OV_IND_CASELOAD_CASEWORKER);
    assert_true(cw.numerator == 8 && cw.denominator == 3);
    assert_true(cw.value > 2.66 && cw.value < 2.67);
    ov_indicator cc = one(f, 6, &cx, OV_IND_CASELOAD_CONSULTANT);
    assert_true(cc.value == 6 && cc.denominator == 1);
    assert_int_equal(cc.status, OV_IND_STATUS_NONE);
}

static void agreements_signed_and_ordinary_hours(void **state)
{
    (void)state;
    ov_ind_placement p[] = {
        {D(2026, 2, 1), NONE, OV_PLACE_INTERNSHIP, true, true, true, 0, 50, 0, 0, NULL},
        {D(2026, 5, 1), NONE, OV_PLACE_INTERNSHIP, true, true, false, 0, 0, 0, 0, NULL},
        {D(2025, 5, 1), D(2026, 1, 31), OV_PLACE_INTERNSHIP, true, true, true,
         20, 100, 0, 0, NULL},
        {D(2026, 7, 1), NONE, OV_PLACE_INTERNSHIP, false, false, false, 0, 0, 0, 0, NULL}};
    ov_ind_facts f[4];
    for (int k = 0; k < 4; k++) {
        f[k] = course(k + 1, D(2025, 1, 1));
        f[k].placements = &p[k];
        f[k].nplacements = 1;
    }
    ov_ind_context cx = year();
    /* started in the period: 0, 1, 3; signed by all three: 0 */
    assert_share(one(f, 4, &cx, OV_IND_AGREEMENT_SIGNED), 1, 3);
    /* with an agreement, active in the period: 0, 1, 2; hours: 0, 2 */
    assert_share(one(f, 4, &cx, OV_IND_AGREEMENT_ORDINARY_HOURS), 2, 3);
    ov_indicator st = one(f, 4, &cx, OV_IND_ORDINARY_HOURS_START);
    ov_indicator now = one(f, 4, &cx, OV_IND_ORDINARY_HOURS_NOW);
    assert_true(st.value == 0 && st.numerator == 3);
    assert_true(now.value == 5); /* 0, 5, 10 */
}

/* The agreement flags are cut to the period like every other fact: a
 * version saved after its end did not exist in it, and a signature given
 * after its end was not given in it. The flags hold how things stood at
 * the end of 2026 (as the store would read them for that year); the
 * versions say when. */
static void agreement_flags_count_only_what_happened_by_the_periods_end(
    void **state)
{
    (void)state;
    /* signed after the first half; a second version with hours after it */
    const ov_ind_agreement v1[] = {
        {D(2026, 2, 1), D(2026, 8, 15), 0}, {D(2026, 9, 1), NONE, 100}};
    /* saved and signed in March */
    const ov_ind_agreement v2[] = {{D(2026, 3, 1), D(2026, 3, 10), 50}};
    /* saved after the first half, never signed */
    const ov_ind_agreement v3[] = {{D(2026, 7, 1), NONE, 0}};
    ov_ind_placement p[] = {
        {.start_on = D(2026, 2, 1), .end_on = NONE,
         .type = OV_PLACE_INTERNSHIP, .has_agreement = true,
         .signed_all = true, .ordinary_x10_start = 0,
         .ordinary_x10_now = 100, .nagreements = 2, .agreements = v1},
        {.start_on = D(2026, 3, 1), .end_on = NONE,
         .type = OV_PLACE_INTERNSHIP, .has_agreement = true,
         .signed_all = true, .ordinary_x10_start = 50,
         .ordinary_x10_now = 50, .nagreements = 1, .agreements = v2},
        {.start_on = D(2026, 4, 1), .end_on = NONE,
         .type = OV_PLACE_INTERNSHIP, .has_agreement = true,
         .signed_all = false, .nagreements = 1, .agreements = v3}};
    ov_ind_facts f[3];
    for (int k = 0; k < 3; k++) {
        f[k] = course(k + 1, D(2025, 1, 1));
        f[k].placements = &p[k];
        f[k].nplacements = 1;
    }
    ov_ind_context h1 = year();
    h1.to = D(2026, 6, 30);
    /* all three started in the first half; by its end only the second
     * was signed, and the third had no agreement yet */
    assert_share(one(f, 3, &h1, OV_IND_AGREEMENT_SIGNED), 1, 3);
    assert_share(one(f, 3, &h1, OV_IND_AGREEMENT_ORDINARY_HOURS), 1, 2);
    ov_indicator now = one(f, 3, &h1, OV_IND_ORDINARY_HOURS_NOW);
    assert_true(now.value == 2.5); /* 0 and 5: the 10 came in September */
    ov_indicator start = one(f, 3, &h1, OV_IND_ORDINARY_HOURS_START);
    assert_true(start.numerator == 2);
    /* the whole year sees the signature of August and the hours of
     * September */
    ov_ind_context y = year();
    assert_share(one(f, 3, &y, OV_IND_AGREEMENT_SIGNED), 2, 3);
    assert_share(one(f, 3, &y, OV_IND_AGREEMENT_ORDINARY_HOURS), 2, 3);
    /* the flags alone (an extract has no versions) are taken as they are */
    for (int k = 0; k < 3; k++)
        p[k].nagreements = 0;
    assert_share(one(f, 3, &h1, OV_IND_AGREEMENT_SIGNED), 2, 3);
    /* as_of moves the flags to a day */
    ov_ind_placement x = p[0];
    x.nagreements = 2;
    ov_ind_placement_as_of(&x, D(2026, 8, 31));
    assert_true(x.has_agreement && x.signed_all);
    assert_int_equal(x.ordinary_x10_start, 0);
    assert_int_equal(x.ordinary_x10_now, 0);
    ov_ind_placement_as_of(&x, D(2026, 1, 31));
    assert_false(x.has_agreement);
    assert_false(x.signed_all);
}

static void company_directed_share_counts_participants_with_a_placement(
    void **state)
{
    (void)state;
    ov_ind_placement p = {D(2026, 3, 1), NONE, OV_PLACE_INTERNSHIP,
                          true,          false, false, 0, 0, 0, 0, NULL};
    ov_ind_placement later = {D(2027, 3, 1), NONE, OV_PLACE_INTERNSHIP,
                              true,          false, false, 0, 0, 0, 0, NULL};
    ov_ind_facts f[4] = {course(1, D(2026, 1, 1)), course(2, D(2026, 1, 1)),
                         course(3, D(2026, 1, 1)), course(4, D(2026, 1, 1))};
    for (int k = 0; k < 3; k++)
        f[k].start_meeting_on = D(2026, 1, 15);
    f[0].placements = &p;
    f[0].nplacements = 1;
    f[1].placements = &later;
    f[1].nplacements = 1;
    /* f[3] had no start meeting: not a participant yet */
    ov_ind_context cx = year();
    ov_indicator i = one(f, 4, &cx, OV_IND_COMPANY_DIRECTED_SHARE);
    assert_share(i, 1, 3);
    assert_int_equal(i.status, OV_IND_STATUS_RED); /* 33 < 47 */
}

static void ordinary_employment_is_read_12_months_after_the_start_meeting(
    void **state)
{
    (void)state;
    ov_ind_employment job[] = {{D(2025, 10, 1), 370}};
    ov_ind_employment lost[] = {{D(2025, 10, 1), 370}, {D(2025, 12, 1), 0}};
    ov_ind_facts f[4] = {course(1, D(2025, 1, 1)), course(2, D(2025, 1, 1)),
                         course(3, D(2025, 1, 1)), course(4, D(2025, 1, 1))};
    for (int k = 0; k < 4; k++)
        f[k].start_meeting_on = D(2025, 2, 1); /* 12 months: 1 Feb 2026 */
    f[0].employment = job;
    f[0].nemployment = 1;
    f[1].employment = lost;
    f[1].nemployment = 2;
    f[2].ended_on = D(2025, 11, 1); /* ended in a job before the day */
    f[2].end_reason = OV_END_ORDINARY_JOB;
    ov_ind_context cx = year();
    ov_indicator i = one(f, 4, &cx, OV_IND_ORDINARY_EMPLOYMENT_12M);
    assert_share(i, 2, 4);
    assert_int_equal(i.status, OV_IND_STATUS_GREEN);
    assert_int_equal(ov_ind_12m_day(&f[0]), D(2026, 2, 1));
}

static void who5_change_is_the_mean_from_first_to_latest(void **state)
{
    (void)state;
    ov_ind_score a[] = {{D(2026, 1, 5), 40}, {D(2026, 6, 5), 60}};
    ov_ind_score b[] = {{D(2025, 11, 5), 52}, {D(2026, 4, 5), 48},
                        {D(2027, 1, 5), 80}};
    ov_ind_score c[] = {{D(2026, 1, 5), 30}};
    ov_ind_facts f[3] = {course(1, D(2025, 1, 1)), course(2, D(2025, 1, 1)),
                         course(3, D(2025, 1, 1))};
    f[0].who5 = a;
    f[0].nwho5 = 2;
    f[1].who5 = b;
    f[1].nwho5 = 3;
    f[2].who5 = c;
    f[2].nwho5 = 1; /* one measurement: no change */
    ov_ind_context cx = year();
    ov_indicator i = one(f, 3, &cx, OV_IND_WHO5_CHANGE);
    assert_true(i.numerator == 2);
    assert_true(i.value == 8); /* (20 + -4) / 2 */
    assert_int_equal(i.status, OV_IND_STATUS_GREEN);
}

static void a_course_that_ends_inside_the_period_counts_as_ended_there(
    void **state)
{
    (void)state;
    ov_ind_facts f[3] = {course(1, D(2025, 6, 1)), course(2, D(2026, 2, 1)),
                         course(3, D(2025, 1, 1))};
    f[0].ended_on = D(2026, 5, 31);
    f[0].end_reason = OV_END_ORDINARY_JOB;
    f[2].ended_on = D(2025, 12, 31); /* ended before the period */
    f[2].end_reason = OV_END_HEALTH;
    ov_ind_context cx = year();
    ov_indicator e = one(f, 3, &cx, OV_IND_ENDED);
    assert_true(e.value == 1 && e.numerator == 1 && e.denominator == 2);
    assert_share(one(f, 3, &cx, OV_IND_ENDS_ORDINARY_JOB), 1, 1);
    assert_share(one(f, 3, &cx, OV_IND_ENDS_HEALTH), 0, 1);
    /* a period that ends the day before it ended sees it active */
    cx.to = D(2026, 5, 30);
    assert_false(one(f, 3, &cx, OV_IND_ENDS_ORDINARY_JOB).has_value);
}

static void contributions_add_up_to_every_numerator_and_denominator(
    void **state)
{
    (void)state;
    ov_ind_meeting m[] = {{D(2026, 2, 1), JOINT}, {D(2026, 3, 1), 0}};
    ov_ind_placement p = {D(2026, 3, 1), NONE, OV_PLACE_INTERNSHIP,
                          true,          true, true, 0, 50, 0, 0, NULL};
    ov_ind_facts f[5];
    give(f, 0, 5, 9);
    for (int k = 0; k < 5; k++) {
        f[k].start_meeting_on = D(2026, 1, 10 + k);
        f[k].start_present = k % 2 ? FULL_START : 0;
        f[k].followups = m;
        f[k].nfollowups = k % 3;
        if (k != 2) {
            f[k].placements = &p;
            f[k].nplacements = 1;
        }
    }
    ov_ind_context cx = year();
    ov_indicator all[OV_IND_COUNT];
    ov_ind_compute(f, 5, &cx, all);
    for (int id = 0; id < OV_IND_COUNT; id++) {
        double num[5], den[5], sn = 0, sd = 0;
        ov_ind_contributions((ov_ind_id)id, f, 5, &cx, num, den);
        for (int k = 0; k < 5; k++) {
            sn += num[k];
            sd += den[k];
        }
        if (all[id].unit == OV_IND_PER_WEEK)
            continue; /* weeks, not courses */
        assert_true(sn == all[id].numerator);
        if (ov_ind_group_of((ov_ind_id)id) != OV_IND_GROUP_CASELOAD &&
            id != OV_IND_CTI_CASELOAD_MAX)
            assert_true(sd == all[id].denominator);
    }
}

static void thresholds_parse_from_settings_text_and_refuse_nonsense(
    void **state)
{
    (void)state;
    ov_ind_rules r;
    ov_err err;
    assert_int_equal(ov_ind_rules_parse(OV_STR_LIT("agreement_signed=80,60\n"
                                                   "plan_days=45\n"),
                                        &r, &err),
                     OV_OK);
    assert_true(r.t[OV_IND_AGREEMENT_SIGNED].green == 80);
    assert_true(r.t[OV_IND_AGREEMENT_SIGNED].yellow == 60);
    assert_int_equal(r.plan_days, 45);
    assert_true(r.t[OV_IND_CTI_CASELOAD_MAX].green == 20); /* default kept */
    char text[4096];
    ov_ind_rules_format(&r, text, sizeof text);
    ov_ind_rules back;
    assert_int_equal(ov_ind_rules_parse(ov_str_c(text), &back, &err), OV_OK);
    assert_memory_equal(&back, &r, sizeof r);
    assert_int_equal(
        ov_ind_rules_parse(OV_STR_LIT("agreement_signed=60,80"), &r, &err),
        OV_EINVAL);
    assert_non_null(strstr(err.msg, "may not be above the green"));
    assert_int_equal(
        ov_ind_rules_parse(OV_STR_LIT("cti_caseload_max=30,25"), &r, &err),
        OV_EINVAL);
    assert_int_equal(ov_ind_rules_parse(OV_STR_LIT("match_days=10,20"), &r,
                                        &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "informational"));
    assert_int_equal(ov_ind_rules_parse(OV_STR_LIT("no_such=1,2"), &r, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "line 1"));
    assert_int_equal(ov_ind_rules_parse(OV_STR_LIT("plan_days=0"), &r, &err),
                     OV_EINVAL);
}

static void month_resolution_cuts_a_date_to_the_first_of_its_month(
    void **state)
{
    (void)state;
    assert_int_equal(ov_ind_month(D(2026, 2, 28)), D(2026, 2, 1));
    assert_int_equal(ov_ind_month(D(2026, 3, 1)), D(2026, 3, 1));
    assert_int_equal(ov_ind_month(NONE), NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_courses_give_no_values_and_no_status),
        cmocka_unit_test(an_empty_period_counts_nothing),
        cmocka_unit_test(start_meeting_complete_needs_all_four),
        cmocka_unit_test(days_to_start_meeting_is_the_median_from_the_draw),
        cmocka_unit_test(
            plan_job_goal_counts_courses_whose_deadline_is_in_the_period),
        cmocka_unit_test(plan_changes_count_versions_after_the_first),
        cmocka_unit_test(
            followup_on_time_looks_at_the_last_followup_by_the_period_end),
        cmocka_unit_test(joint_followups_need_consultant_and_cti_worker),
        cmocka_unit_test(
            match_days_is_informational_and_ordinary_possible_a_share),
        cmocka_unit_test(cti_must_start_within_the_window_before_the_placement),
        cmocka_unit_test(cti_contacts_per_week_are_held_against_the_plan),
        cmocka_unit_test(cti_intensity_must_not_rise_between_phases),
        cmocka_unit_test(cti_first_month_needs_two_contacts),
        cmocka_unit_test(
            a_cti_worker_with_exactly_20_citizens_is_green_21_is_not),
        cmocka_unit_test(caseloads_count_active_courses_per_staff_member),
        cmocka_unit_test(agreements_signed_and_ordinary_hours),
        cmocka_unit_test(
            agreement_flags_count_only_what_happened_by_the_periods_end),
        cmocka_unit_test(
            company_directed_share_counts_participants_with_a_placement),
        cmocka_unit_test(
            ordinary_employment_is_read_12_months_after_the_start_meeting),
        cmocka_unit_test(who5_change_is_the_mean_from_first_to_latest),
        cmocka_unit_test(
            a_course_that_ends_inside_the_period_counts_as_ended_there),
        cmocka_unit_test(
            contributions_add_up_to_every_numerator_and_denominator),
        cmocka_unit_test(
            thresholds_parse_from_settings_text_and_refuse_nonsense),
        cmocka_unit_test(
            month_resolution_cuts_a_date_to_the_first_of_its_month),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
