/* The national board on hand-made courses: the national total is the sum
 * of the municipalities' parts; a municipality with fewer than k citizens
 * behind a figure is hidden, and so is another, so the shown total cannot
 * give it away; a reason of ending counted for one citizen is hidden even
 * when many ended; an imported municipality's caseloads (and then the
 * total's) are not available rather than a number; the rollout counts
 * draws, active and ended courses by month and hides a small month; and
 * k below 3 is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/national.h"
#include "model/suppress.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

#define NONE OV_IND_NO_DATE
#define FULL_START                                                            \
    (OV_ATTEND(OV_ROLE_CITIZEN) | OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) | \
     OV_ATTEND(OV_ROLE_CTI_WORKER) | OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT))

/* Course i of municipality `muni`: drawn on the first of a month in
 * 2026, a start meeting a week later, complete when i is even; staff
 * ids of the municipality's one worker per role. */
static ov_ind_facts course(int muni, int i, int month)
{
    ov_ind_facts f;
    memset(&f, 0, sizeof f);
    f.course_id = muni * 1000 + i;
    f.municipality_code = muni;
    f.team_id = 1;
    for (int r = 0; r < OV_IND_STAFF_COUNT; r++)
        f.staff[r] = muni * 10 + r + 1;
    f.started_on = f.drawn_on = D(2026, month, 1);
    f.start_meeting_on = D(2026, month, 8);
    f.start_present = i % 2 == 0 ? FULL_START : OV_ATTEND(OV_ROLE_CITIZEN);
    f.start_complete_on = i % 2 == 0 ? f.start_meeting_on : NONE;
    f.cti_start_on = NONE;
    f.in_job_on = NONE;
    f.ended_on = NONE;
    return f;
}

/* Three municipalities of na, nb and nc courses (at most 40 each). */
static ov_ind_facts fa[40], fb[40], fc[40];
static void three(ov_nat_input in[3], int na, int nb, int nc)
{
    for (int i = 0; i < 40; i++) {
        fa[i] = course(250, i, 1 + i % 6);
        fb[i] = course(550, i, 1 + i % 6);
        fc[i] = course(101, i, 1 + i % 6);
    }
    in[0] = (ov_nat_input){250, fa, na, true};
    in[1] = (ov_nat_input){550, fb, nb, true};
    in[2] = (ov_nat_input){101, fc, nc, true};
}

static ov_ind_context year(void)
{
    return ov_nat_context(D(2026, 1, 1), D(2026, 12, 31));
}

static void the_national_total_is_the_sum_of_the_municipalities(void **state)
{
    (void)state;
    ov_nat_input in[3];
    three(in, 12, 30, 17);
    /* some courses end, for different reasons */
    fa[0].ended_on = D(2026, 9, 3);
    fa[0].end_reason = OV_END_ORDINARY_JOB;
    fb[1].ended_on = D(2026, 10, 3);
    fb[1].end_reason = OV_END_HEALTH;
    ov_ind_context cx = year();
    ov_nat_board b;
    ov_err err;
    assert_int_equal(ov_nat_compute(in, 3, &cx, 3, &b, &err), OV_OK);
    assert_int_equal(b.n, 3);
    static const ov_ind_id additive[] = {
        OV_IND_START_MEETING_COMPLETE, OV_IND_PLAN_JOB_GOAL,
        OV_IND_FOLLOWUP_ON_TIME, OV_IND_COMPANY_DIRECTED_SHARE,
        OV_IND_ENDED};
    for (size_t k = 0; k < sizeof additive / sizeof additive[0]; k++) {
        double num = 0, den = 0;
        for (int r = 0; r < 3; r++) {
            num += ov_nat_at(&b, r, additive[k])->ind.numerator;
            den += ov_nat_at(&b, r, additive[k])->ind.denominator;
        }
        assert_true(ov_nat_at(&b, 3, additive[k])->ind.numerator == num);
        assert_true(ov_nat_at(&b, 3, additive[k])->ind.denominator == den);
    }
    /* 6 + 15 + 9 complete start meetings of 59 */
    const ov_nat_cell *t = ov_nat_at(&b, 3, OV_IND_START_MEETING_COMPLETE);
    assert_true(t->ind.numerator == 30 && t->ind.denominator == 59);
    assert_int_equal(t->citizens, 59);
    assert_false(t->suppressed);
    ov_nat_free(&b);
}

static void a_small_municipality_is_hidden_and_the_total_cannot_recover_it(
    void **state)
{
    (void)state;
    ov_nat_input in[3];
    three(in, 3, 20, 12); /* 250 has three courses, below k = 5 */
    ov_ind_context cx = year();
    ov_nat_board b;
    ov_err err;
    assert_int_equal(ov_nat_compute(in, 3, &cx, 5, &b, &err), OV_OK);
    const ov_nat_cell *a = ov_nat_at(&b, 0, OV_IND_START_MEETING_COMPLETE);
    const ov_nat_cell *m550 = ov_nat_at(&b, 1, OV_IND_START_MEETING_COMPLETE);
    const ov_nat_cell *m101 = ov_nat_at(&b, 2, OV_IND_START_MEETING_COMPLETE);
    const ov_nat_cell *t = ov_nat_at(&b, 3, OV_IND_START_MEETING_COMPLETE);
    assert_int_equal(a->citizens, 3);
    assert_true(a->suppressed);
    /* the total is shown: 250's numerator would be the total less the
     * others, so the smaller other (101, 12 courses) is hidden too */
    assert_false(t->suppressed);
    assert_true(m101->suppressed);
    assert_false(m550->suppressed);
    /* what is shown leaves two unknowns for one equation */
    double shown = 0;
    int hidden = 0;
    for (int r = 0; r < 3; r++) {
        const ov_nat_cell *x = ov_nat_at(&b, r, OV_IND_START_MEETING_COMPLETE);
        if (x->suppressed)
            hidden++;
        else
            shown += x->ind.denominator;
    }
    assert_int_equal(hidden, 2);
    assert_true(t->ind.denominator - shown == 15); /* 3 + 12, not 3 */
    ov_nat_free(&b);
}

static void a_reason_of_ending_for_one_citizen_is_hidden(void **state)
{
    (void)state;
    ov_nat_input in[3];
    three(in, 40, 40, 40);
    /* 250: 12 ended, 11 in a job and 1 for health reasons */
    for (int i = 0; i < 12; i++) {
        fa[i].ended_on = D(2026, 11, 2);
        fa[i].end_reason = i == 0 ? OV_END_HEALTH : OV_END_ORDINARY_JOB;
        fb[i].ended_on = D(2026, 11, 2);
        fb[i].end_reason = OV_END_ORDINARY_JOB;
        fc[i].ended_on = D(2026, 11, 2);
        fc[i].end_reason = OV_END_ORDINARY_JOB;
    }
    ov_ind_context cx = year();
    ov_nat_board b;
    ov_err err;
    assert_int_equal(ov_nat_compute(in, 3, &cx, 5, &b, &err), OV_OK);
    assert_true(ov_nat_at(&b, 0, OV_IND_ENDS_HEALTH)->suppressed);
    /* 11 in a job = 12 ended less 1: hidden too */
    assert_true(ov_nat_at(&b, 0, OV_IND_ENDS_ORDINARY_JOB)->suppressed);
    /* the national count of health ends is 1 as well */
    assert_true(ov_nat_at(&b, 3, OV_IND_ENDS_HEALTH)->suppressed);
    /* the others' 12 ends all in a job are shown */
    assert_false(ov_nat_at(&b, 1, OV_IND_ENDS_ORDINARY_JOB)->suppressed);
    assert_int_equal(ov_nat_at(&b, 1, OV_IND_ENDED)->citizens, 12);
    ov_nat_free(&b);
}

static void imported_caseloads_are_not_available_nor_the_total(void **state)
{
    (void)state;
    ov_nat_input in[3];
    three(in, 20, 20, 20);
    ov_ind_context cx = year();
    ov_nat_board b;
    ov_err err;
    assert_int_equal(ov_nat_compute(in, 3, &cx, 5, &b, &err), OV_OK);
    assert_false(ov_nat_at(&b, 3, OV_IND_CASELOAD_CTI_WORKER)->unavailable);
    assert_true(ov_nat_at(&b, 0, OV_IND_CASELOAD_CTI_WORKER)->ind.has_value);
    ov_nat_free(&b);
    in[2].has_staff = false; /* 101 is known from an extract */
    for (int i = 0; i < 20; i++)
        memset(fc[i].staff, 0, sizeof fc[i].staff);
    assert_int_equal(ov_nat_compute(in, 3, &cx, 5, &b, &err), OV_OK);
    static const ov_ind_id loads[] = {
        OV_IND_CTI_CASELOAD_MAX, OV_IND_CASELOAD_CASEWORKER,
        OV_IND_CASELOAD_CTI_WORKER, OV_IND_CASELOAD_CONSULTANT};
    for (size_t k = 0; k < sizeof loads / sizeof loads[0]; k++) {
        assert_false(ov_nat_at(&b, 0, loads[k])->unavailable);
        assert_true(ov_nat_at(&b, 2, loads[k])->unavailable);
        assert_true(ov_nat_at(&b, 3, loads[k])->unavailable);
    }
    /* everything else of 101 is there */
    assert_false(ov_nat_at(&b, 2, OV_IND_START_MEETING_COMPLETE)->unavailable);
    ov_nat_free(&b);
}

static void the_rollout_counts_by_month_and_hides_a_small_month(void **state)
{
    (void)state;
    ov_nat_input in[3];
    three(in, 12, 12, 0); /* 101 has not started */
    /* 250 draws 2 in each of January-June; 550 likewise */
    fa[0].ended_on = D(2026, 3, 20);
    fa[0].end_reason = OV_END_MOVED;
    ov_ind_context cx = year();
    ov_nat_board b;
    ov_err err;
    assert_int_equal(ov_nat_compute(in, 3, &cx, 5, &b, &err), OV_OK);
    assert_int_equal(b.nmonths, 12);
    assert_int_equal(b.months[0].month, D(2026, 1, 1));
    assert_int_equal(b.months[0].municipalities, 2);
    assert_int_equal(b.months[0].drawn, 4);
    assert_int_equal(b.months[0].active, 4);
    assert_int_equal(b.months[5].active, 23); /* June: all 24 drawn but
                                                 the one ended in March */
    assert_int_equal(b.months[2].ended, 1);
    assert_int_equal(b.months[3].active, 4 * 4 - 1);
    assert_int_equal(b.drawn_total, 24);
    /* 4 drawn a month is below 5: hidden; the total of 24 is shown, and
     * no single month can be worked out from it */
    int hidden = 0;
    for (int m = 0; m < b.nmonths; m++)
        hidden += b.months[m].drawn_hidden;
    assert_true(b.months[0].drawn_hidden);
    assert_false(b.drawn_total_hidden);
    assert_true(hidden >= 2);
    assert_false(b.months[6].drawn_hidden); /* a zero is shown */
    assert_true(b.months[2].ended_hidden);
    ov_nat_free(&b);
}

static void k_below_three_is_refused(void **state)
{
    (void)state;
    ov_nat_input in[3];
    three(in, 5, 5, 5);
    ov_ind_context cx = year();
    ov_nat_board b;
    ov_err err;
    assert_int_equal(ov_nat_compute(in, 3, &cx, 2, &b, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "suppress_k"));
    assert_null(b.cell);
}

static void the_period_is_whole_months(void **state)
{
    (void)state;
    ov_date f, t;
    ov_nat_period(D(2026, 2, 14), D(2026, 5, 3), &f, &t);
    assert_int_equal(f, D(2026, 2, 1));
    assert_int_equal(t, D(2026, 5, 31));
    ov_nat_period(D(2024, 2, 29), D(2024, 2, 29), &f, &t);
    assert_int_equal(t, D(2024, 2, 29));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_national_total_is_the_sum_of_the_municipalities),
        cmocka_unit_test(
            a_small_municipality_is_hidden_and_the_total_cannot_recover_it),
        cmocka_unit_test(a_reason_of_ending_for_one_citizen_is_hidden),
        cmocka_unit_test(imported_caseloads_are_not_available_nor_the_total),
        cmocka_unit_test(the_rollout_counts_by_month_and_hides_a_small_month),
        cmocka_unit_test(k_below_three_is_refused),
        cmocka_unit_test(the_period_is_whole_months),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
