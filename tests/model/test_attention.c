/* Needs attention: each reason on hand-made courses, at the day it starts
 * to hold and the day before, and the order of the list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/attention.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

#define NONE OV_IND_NO_DATE

static ov_ind_facts course(int64_t id, ov_date start)
{
    ov_ind_facts f;
    memset(&f, 0, sizeof f);
    f.course_id = id;
    f.municipality_code = 250;
    f.team_id = 1;
    f.started_on = f.drawn_on = start;
    f.start_meeting_on = f.start_complete_on = NONE;
    f.cti_start_on = NONE;
    f.in_job_on = NONE;
    f.ended_on = NONE;
    return f;
}

static ov_att_rules rules(void)
{
    ov_settings s;
    ov_settings_default(&s);
    return ov_att_rules_from_settings(&s);
}

/* The items of f as of `on`, only those with `reason`; *since of the
 * first. */
static int count(const ov_ind_facts *f, int n, ov_date on, ov_att_reason reason,
                 ov_date *since)
{
    ov_att_rules r = rules();
    ov_att_item *v = NULL;
    int k = ov_att_compute(f, n, &r, on, &v), m = 0;
    for (int i = 0; i < k; i++)
        if (v[i].reason == reason) {
            if (m == 0 && since)
                *since = v[i].since;
            m++;
        }
    free(v);
    return m;
}

static void defaults_come_from_the_settings(void **state)
{
    (void)state;
    ov_att_rules r = rules();
    assert_int_equal(r.followup_interval_weeks, 4);
    assert_int_equal(r.no_placement_months, 6);
    assert_int_equal(r.who5_drop, 10);
    assert_int_equal(r.caseload_limit[OV_IND_CTI_WORKER], 20);
    assert_int_equal(r.caseload_limit[OV_IND_EMPLOYMENT_CASEWORKER], 0);
    ov_err err = {0};
    assert_int_equal(ov_att_rules_validate(&r, &err), OV_OK);
    r.no_placement_months = 0;
    assert_int_equal(ov_att_rules_validate(&r, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "no_placement_months"));
    /* the months are the municipality's setting */
    ov_settings s;
    ov_settings_default(&s);
    s.attention_no_placement_months = 9;
    assert_int_equal(ov_att_rules_from_settings(&s).no_placement_months, 9);
}

static void reason_codes_are_stable_and_parse_back(void **state)
{
    (void)state;
    assert_string_equal(ov_att_reason_code(OV_ATT_FOLLOWUP_OVERDUE),
                        "followup_overdue");
    assert_string_equal(ov_att_reason_code(OV_ATT_CASELOAD_OVER),
                        "caseload_over");
    for (int i = 0; i < OV_ATT_REASON_COUNT; i++) {
        ov_att_reason r;
        ov_err err = {0};
        assert_int_equal(ov_att_reason_parse(
                             ov_str_c(ov_att_reason_code((ov_att_reason)i)),
                             &r, &err),
                         OV_OK);
        assert_int_equal(r, i);
    }
    ov_att_reason r;
    ov_err err = {0};
    assert_int_equal(ov_att_reason_parse(ov_str_c("late"), &r, &err),
                     OV_EINVAL);
}

static void followup_overdue_one_day_past_the_interval(void **state)
{
    (void)state;
    ov_ind_facts f = course(1, D(2026, 1, 1));
    f.start_meeting_on = D(2026, 1, 10);
    ov_ind_meeting m = {D(2026, 2, 1), 0};
    f.followups = &m;
    f.nfollowups = 1;
    ov_date since = NONE;
    /* 4 weeks after 1 February is 1 March: still on time */
    assert_int_equal(count(&f, 1, D(2026, 3, 1), OV_ATT_FOLLOWUP_OVERDUE, NULL),
                     0);
    assert_int_equal(
        count(&f, 1, D(2026, 3, 2), OV_ATT_FOLLOWUP_OVERDUE, &since), 1);
    assert_int_equal(since, D(2026, 3, 2));
    /* without follow-ups, the start meeting counts */
    f.nfollowups = 0;
    assert_int_equal(
        count(&f, 1, D(2026, 3, 2), OV_ATT_FOLLOWUP_OVERDUE, &since), 1);
    assert_int_equal(since, D(2026, 2, 8));
    /* a follow-up after the day does not count yet */
    f.nfollowups = 1;
    assert_int_equal(
        count(&f, 1, D(2026, 1, 31), OV_ATT_FOLLOWUP_OVERDUE, NULL), 0);
    assert_int_equal(
        count(&f, 1, D(2026, 2, 8), OV_ATT_FOLLOWUP_OVERDUE, NULL), 0);
}

static void followup_is_not_due_before_the_start_meeting_or_in_job(
    void **state)
{
    (void)state;
    ov_ind_facts f = course(1, D(2025, 1, 1));
    assert_int_equal(count(&f, 1, D(2026, 6, 1), OV_ATT_FOLLOWUP_OVERDUE, NULL),
                     0);
    f.start_meeting_on = D(2025, 2, 1);
    f.in_job_on = D(2025, 3, 1);
    assert_int_equal(count(&f, 1, D(2026, 6, 1), OV_ATT_FOLLOWUP_OVERDUE, NULL),
                     0);
    /* an ended course needs no attention */
    f.in_job_on = NONE;
    f.ended_on = D(2025, 12, 31);
    assert_int_equal(count(&f, 1, D(2026, 6, 1), OV_ATT_FOLLOWUP_OVERDUE, NULL),
                     0);
}

static void no_placement_n_months_after_the_start_meeting(void **state)
{
    (void)state;
    ov_ind_facts f = course(1, D(2026, 1, 1));
    f.start_meeting_on = D(2026, 1, 31);
    ov_date since = NONE;
    /* 6 months after 31 January is 31 July */
    assert_int_equal(count(&f, 1, D(2026, 7, 30), OV_ATT_NO_PLACEMENT, NULL),
                     0);
    assert_int_equal(count(&f, 1, D(2026, 7, 31), OV_ATT_NO_PLACEMENT, &since),
                     1);
    assert_int_equal(since, D(2026, 7, 31));
    ov_ind_placement p = {D(2026, 8, 15), NONE, OV_PLACE_INTERNSHIP,
                          false, true, true, 0, 0, 0, 0, NULL};
    f.placements = &p;
    f.nplacements = 1;
    assert_int_equal(count(&f, 1, D(2026, 8, 14), OV_ATT_NO_PLACEMENT, NULL),
                     1);
    assert_int_equal(count(&f, 1, D(2026, 8, 15), OV_ATT_NO_PLACEMENT, NULL),
                     0);
}

static void agreement_unsigned_while_the_placement_is_open(void **state)
{
    (void)state;
    ov_ind_facts f = course(1, D(2026, 1, 1));
    ov_ind_placement p = {D(2026, 3, 1), D(2026, 5, 31), OV_PLACE_INTERNSHIP,
                          false, true, false, 0, 0, 0, 0, NULL};
    f.placements = &p;
    f.nplacements = 1;
    ov_date since = NONE;
    assert_int_equal(
        count(&f, 1, D(2026, 2, 28), OV_ATT_AGREEMENT_UNSIGNED, NULL), 0);
    assert_int_equal(
        count(&f, 1, D(2026, 5, 31), OV_ATT_AGREEMENT_UNSIGNED, &since), 1);
    assert_int_equal(since, D(2026, 3, 1));
    assert_int_equal(
        count(&f, 1, D(2026, 6, 1), OV_ATT_AGREEMENT_UNSIGNED, NULL), 0);
    p.signed_all = true;
    assert_int_equal(
        count(&f, 1, D(2026, 4, 1), OV_ATT_AGREEMENT_UNSIGNED, NULL), 0);
}

static void cti_ended_without_a_plan_version_after_it(void **state)
{
    (void)state;
    ov_ind_facts f = course(1, D(2026, 1, 1));
    f.has_cti = true;
    f.cti_start_on = D(2026, 1, 15);
    f.cti_months = 6; /* ends 15 July: the last day is 14 July */
    ov_ind_plan plans[] = {{1, D(2026, 1, 20), true, true},
                           {2, D(2026, 7, 15), true, true}};
    f.plans = plans;
    f.nplans = 1;
    ov_date since = NONE;
    assert_int_equal(
        count(&f, 1, D(2026, 7, 14), OV_ATT_CTI_NO_PLAN_AFTER, NULL), 0);
    assert_int_equal(
        count(&f, 1, D(2026, 7, 15), OV_ATT_CTI_NO_PLAN_AFTER, &since), 1);
    assert_int_equal(since, D(2026, 7, 15));
    /* a version saved on the day CTI ended is the plan for the time after */
    f.nplans = 2;
    assert_int_equal(
        count(&f, 1, D(2026, 7, 15), OV_ATT_CTI_NO_PLAN_AFTER, NULL), 0);
    /* a version saved before the end is not */
    plans[1].made_on = D(2026, 7, 14);
    assert_int_equal(
        count(&f, 1, D(2026, 8, 1), OV_ATT_CTI_NO_PLAN_AFTER, NULL), 1);
    /* no CTI, no reason */
    f.has_cti = false;
    assert_int_equal(
        count(&f, 1, D(2026, 8, 1), OV_ATT_CTI_NO_PLAN_AFTER, NULL), 0);
}

static void who5_drop_of_ten_from_the_previous_or_the_first(void **state)
{
    (void)state;
    ov_ind_facts f = course(1, D(2026, 1, 1));
    ov_ind_score s[] = {{D(2026, 1, 10), 60}, {D(2026, 4, 10), 51},
                        {D(2026, 7, 10), 50}};
    f.who5 = s;
    f.nwho5 = 2;
    ov_date since = NONE;
    /* 9 points: not yet */
    assert_int_equal(count(&f, 1, D(2026, 12, 1), OV_ATT_WHO5_DROPPED, NULL),
                     0);
    /* 10 below the first, 1 below the previous: listed since 10 July */
    f.nwho5 = 3;
    assert_int_equal(
        count(&f, 1, D(2026, 12, 1), OV_ATT_WHO5_DROPPED, &since), 1);
    assert_int_equal(since, D(2026, 7, 10));
    /* as of a day before the third measurement, it is not seen */
    assert_int_equal(count(&f, 1, D(2026, 7, 9), OV_ATT_WHO5_DROPPED, NULL),
                     0);
    /* 10 below the previous though above the first */
    s[0].score = 40;
    s[1].score = 70;
    s[2].score = 60;
    assert_int_equal(count(&f, 1, D(2026, 12, 1), OV_ATT_WHO5_DROPPED, NULL),
                     1);
    /* one measurement only: nothing */
    f.nwho5 = 1;
    assert_int_equal(count(&f, 1, D(2026, 12, 1), OV_ATT_WHO5_DROPPED, NULL),
                     0);
}

static void caseload_over_lists_the_courses_beyond_twenty(void **state)
{
    (void)state;
    ov_ind_facts f[22];
    for (int i = 0; i < 22; i++) {
        f[i] = course(100 + i, D(2026, 1, 1) + i);
        f[i].staff[OV_IND_CTI_WORKER] = 7;
    }
    ov_att_rules r = rules();
    ov_att_item *v = NULL;
    /* exactly 20 active: no reason */
    assert_int_equal(
        ov_att_compute(f, 20, &r, D(2026, 6, 1), &v), 0);
    free(v);
    int k = ov_att_compute(f, 22, &r, D(2026, 6, 1), &v);
    assert_int_equal(k, 2);
    assert_int_equal(v[0].reason, OV_ATT_CASELOAD_OVER);
    assert_int_equal(v[0].course_id, 120);
    assert_int_equal(v[0].since, D(2026, 1, 21));
    assert_int_equal(v[0].staff_id, 7);
    assert_int_equal(v[0].role, OV_IND_CTI_WORKER);
    assert_int_equal(v[1].course_id, 121);
    free(v);
    /* one ended course brings the worker back to 21: one too many */
    f[0].ended_on = D(2026, 5, 1);
    k = ov_att_compute(f, 22, &r, D(2026, 6, 1), &v);
    assert_int_equal(k, 1);
    assert_int_equal(v[0].course_id, 121);
    free(v);
    /* caseworkers have no target by default */
    for (int i = 0; i < 22; i++) {
        f[i].staff[OV_IND_CTI_WORKER] = 0;
        f[i].staff[OV_IND_EMPLOYMENT_CASEWORKER] = 7;
    }
    assert_int_equal(ov_att_compute(f, 22, &r, D(2026, 6, 1), &v), 0);
    free(v);
}

static void the_list_is_sorted_by_how_long_the_reason_has_held(void **state)
{
    (void)state;
    ov_ind_facts f[3];
    /* course 1: follow-up overdue since 8 March (meeting 8 Feb) */
    f[0] = course(1, D(2026, 1, 1));
    f[0].start_meeting_on = D(2026, 2, 8);
    f[0].in_job_on = D(2026, 2, 9);
    ov_ind_placement p = {D(2026, 2, 9), NONE, OV_PLACE_INTERNSHIP, false,
                          true, false, 0, 0, 0, 0, NULL};
    /* course 2: agreement unsigned since 9 February */
    f[1] = course(2, D(2026, 1, 1));
    f[1].placements = &p;
    f[1].nplacements = 1;
    /* course 3: WHO-5 dropped on 1 March; and the follow-up of 1 Feb
     * overdue since 2 March */
    f[2] = course(3, D(2026, 1, 1));
    f[2].start_meeting_on = D(2026, 2, 1);
    ov_ind_score s[] = {{D(2026, 1, 5), 70}, {D(2026, 3, 1), 50}};
    f[2].who5 = s;
    f[2].nwho5 = 2;
    ov_att_rules r = rules();
    ov_att_item *v = NULL;
    int k = ov_att_compute(f, 3, &r, D(2026, 4, 1), &v);
    assert_int_equal(k, 3);
    assert_int_equal(v[0].course_id, 2);
    assert_int_equal(v[0].reason, OV_ATT_AGREEMENT_UNSIGNED);
    assert_int_equal(v[1].course_id, 3);
    assert_int_equal(v[1].reason, OV_ATT_WHO5_DROPPED);
    assert_int_equal(v[2].course_id, 3);
    assert_int_equal(v[2].reason, OV_ATT_FOLLOWUP_OVERDUE);
    assert_int_equal(v[2].since, D(2026, 3, 2));
    for (int i = 1; i < k; i++)
        assert_true(v[i - 1].since <= v[i].since);
    free(v);
}

static void no_courses_no_items(void **state)
{
    (void)state;
    ov_att_rules r = rules();
    ov_att_item *v = (ov_att_item *)&r; /* overwritten with NULL */
    assert_int_equal(ov_att_compute(NULL, 0, &r, D(2026, 1, 1), &v), 0);
    assert_null(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_come_from_the_settings),
        cmocka_unit_test(reason_codes_are_stable_and_parse_back),
        cmocka_unit_test(followup_overdue_one_day_past_the_interval),
        cmocka_unit_test(
            followup_is_not_due_before_the_start_meeting_or_in_job),
        cmocka_unit_test(no_placement_n_months_after_the_start_meeting),
        cmocka_unit_test(agreement_unsigned_while_the_placement_is_open),
        cmocka_unit_test(cti_ended_without_a_plan_version_after_it),
        cmocka_unit_test(who5_drop_of_ten_from_the_previous_or_the_first),
        cmocka_unit_test(caseload_over_lists_the_courses_beyond_twenty),
        cmocka_unit_test(the_list_is_sorted_by_how_long_the_reason_has_held),
        cmocka_unit_test(no_courses_no_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
