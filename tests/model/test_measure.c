/* WHO-5, self-efficacy and readiness scoring; the measurement schedule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/measure.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static void who5_score_is_the_raw_sum_times_four(void **state)
{
    (void)state;
    int items[5] = {3, 3, 2, 3, 3};
    int score = -1;
    ov_err err;
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, items, 5, &score, &err),
                     OV_OK);
    assert_int_equal(score, 56);
    int max[5] = {5, 5, 5, 5, 5}, min[5] = {0};
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, max, 5, &score, &err),
                     OV_OK);
    assert_int_equal(score, 100);
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, min, 5, &score, &err),
                     OV_OK);
    assert_int_equal(score, 0);
}

static void who5_items_outside_0_to_5_are_named(void **state)
{
    (void)state;
    int items[5] = {3, 3, 6, 3, 3};
    int score = -1;
    ov_err err;
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, items, 5, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "who5_item_3");
    assert_string_equal(err.msg, "who5_item_3 (question 3): must be 0-5, got 6");
    assert_int_equal(score, -1); /* untouched on error */
    items[2] = 3;
    items[0] = -1;
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, items, 5, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.msg, "who5_item_1 (question 1): must be 0-5, got -1");
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, items, 4, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "items");
    assert_string_equal(err.msg, "items: who5 has 5 items; got 4");
    assert_int_equal(ov_measure_score(OV_INSTR_COUNT, items, 5, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "instrument");
}

static void who5_flags_at_the_exact_thresholds(void **state)
{
    (void)state;
    ov_who5_flags f = ov_who5_flags_of(52);
    assert_false(f.poor_wellbeing);
    assert_false(f.likely_depression);
    f = ov_who5_flags_of(50);
    assert_true(f.poor_wellbeing);
    assert_false(f.likely_depression);
    f = ov_who5_flags_of(32);
    assert_true(f.poor_wellbeing);
    assert_false(f.likely_depression);
    f = ov_who5_flags_of(28);
    assert_true(f.poor_wellbeing);
    assert_true(f.likely_depression);
    f = ov_who5_flags_of(0);
    assert_true(f.poor_wellbeing && f.likely_depression);
}

static void a_change_of_ten_points_or_more_is_meaningful_both_ways(void **state)
{
    (void)state;
    assert_int_equal(ov_who5_change(48, 56), 0);  /* +8 */
    assert_int_equal(ov_who5_change(48, 58), 1);  /* +10 exactly */
    assert_int_equal(ov_who5_change(48, 60), 1);  /* +12 */
    assert_int_equal(ov_who5_change(60, 52), 0);  /* -8 */
    assert_int_equal(ov_who5_change(60, 50), -1); /* -10 exactly */
    assert_int_equal(ov_who5_change(60, 48), -1); /* -12 */
    assert_int_equal(ov_who5_change(49, 57), 0);  /* the pilot's mean: +8 */
    assert_string_equal(ov_who5_change_code(1), "up");
    assert_string_equal(ov_who5_change_code(-1), "down");
    assert_string_equal(ov_who5_change_code(0), "none");
    assert_string_equal(ov_who5_change_label_da(-1), "Meningsfuldt fald");
}

static void gse_sums_ten_items_of_1_to_4(void **state)
{
    (void)state;
    int gse[10] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    int score;
    ov_err err;
    assert_int_equal(ov_measure_score(OV_INSTR_GSE, gse, 10, &score, &err),
                     OV_OK);
    assert_int_equal(score, 10);
    for (int i = 0; i < 10; i++)
        gse[i] = 4;
    assert_int_equal(ov_measure_score(OV_INSTR_GSE, gse, 10, &score, &err),
                     OV_OK);
    assert_int_equal(score, 40);
    gse[9] = 0;
    assert_int_equal(ov_measure_score(OV_INSTR_GSE, gse, 10, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.msg, "gse_item_10 (question 10): must be 1-4, got 0");
    gse[9] = 5;
    assert_int_equal(ov_measure_score(OV_INSTR_GSE, gse, 10, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "gse_item_10");
    assert_int_equal(ov_instrument_items(OV_INSTR_GSE), 10);
}

static void readiness_is_one_rating_of_1_to_10_with_anchors(void **state)
{
    (void)state;
    int score;
    ov_err err;
    int r = 1;
    assert_int_equal(ov_measure_score(OV_INSTR_READINESS, &r, 1, &score, &err),
                     OV_OK);
    assert_int_equal(score, 1);
    r = 10;
    assert_int_equal(ov_measure_score(OV_INSTR_READINESS, &r, 1, &score, &err),
                     OV_OK);
    assert_int_equal(score, 10);
    r = 0;
    assert_int_equal(ov_measure_score(OV_INSTR_READINESS, &r, 1, &score, &err),
                     OV_EINVAL);
    r = 11;
    assert_int_equal(ov_measure_score(OV_INSTR_READINESS, &r, 1, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.msg, "readiness_item_1 (question 1): must be 1-10, got 11");
    assert_string_equal(ov_readiness_anchor_da(1),
                        "Langt fra arbejdsmarkedet; hverdagen fylder det hele");
    assert_string_equal(ov_readiness_anchor_da(10),
                        "Klar til ordinært job uden støtte");
    for (int i = 1; i <= 10; i++)
        assert_true(strlen(ov_readiness_anchor_da(i)) > 0);
    for (int i = 1; i <= 10; i++)
        assert_true(strlen(ov_readiness_anchor_en(i)) > 0);
    assert_string_equal(ov_readiness_anchor_en(0), "");
    assert_string_equal(ov_readiness_anchor_en(11), "");
    assert_string_equal(ov_readiness_anchor_da(0), "");
    assert_string_equal(ov_readiness_anchor_da(11), "");
}

static void codes_parse_back_and_unknown_codes_are_named(void **state)
{
    (void)state;
    ov_err err;
    for (int i = 0; i < OV_INSTR_COUNT; i++) {
        ov_instrument in;
        assert_int_equal(ov_instrument_parse(
                             ov_str_c(ov_instrument_code((ov_instrument)i)),
                             &in, &err),
                         OV_OK);
        assert_int_equal(in, i);
    }
    ov_rater r;
    assert_int_equal(ov_rater_parse(OV_STR_LIT("cti_worker"), &r, &err), OV_OK);
    assert_int_equal(r, OV_RATER_CTI_WORKER);
    assert_string_equal(ov_rater_code(OV_RATER_CITIZEN), "citizen");
    assert_string_equal(ov_rater_label_da(OV_RATER_CTI_WORKER),
                        "CTI-medarbejder");
    assert_int_equal(ov_rater_parse(OV_STR_LIT("boss"), &r, &err), OV_EINVAL);
    assert_string_equal(err.field, "rater");
    assert_string_equal(err.msg, "rater: unknown value 'boss'; use citizen or "
                                 "cti_worker");
    ov_entered_by e;
    assert_int_equal(ov_entered_by_parse(OV_STR_LIT("staff"), &e, &err), OV_OK);
    assert_int_equal(e, OV_BY_STAFF);
    assert_string_equal(ov_entered_by_code(OV_BY_CITIZEN), "citizen");
    assert_string_equal(ov_entered_by_label_da(OV_BY_STAFF), "Medarbejder");
    assert_int_equal(ov_entered_by_parse(OV_STR_LIT("cti_worker"), &e, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "entered_by");
    ov_instrument in;
    assert_int_equal(ov_instrument_parse(OV_STR_LIT("who6"), &in, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "instrument");
}

static void the_start_is_due_first_and_overdue_after_the_window(void **state)
{
    (void)state;
    ov_date start = D(2026, 1, 31);
    ov_measure_due d = ov_measure_next_due(start, false, 0, NULL, 0,
                                           D(2026, 1, 10), 14);
    assert_false(d.due); /* window opens 17 January */
    assert_int_equal(d.due_on, start);
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 1, 17), 14);
    assert_true(d.due);
    assert_false(d.overdue);
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 2, 14), 14);
    assert_true(d.due);
    assert_false(d.overdue); /* last day of the window */
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 2, 15), 14);
    assert_true(d.overdue);
    assert_int_equal(d.due_on, start);
    assert_false(d.done);
    assert_int_equal(d.missed, 0);
    /* a measurement 14 days before the start counts for it, 15 does not */
    ov_date early[] = {D(2026, 1, 17)};
    d = ov_measure_next_due(start, false, 0, early, 1, D(2026, 2, 1), 14);
    assert_int_equal(d.due_on, D(2026, 4, 30));
    ov_date too_early[] = {D(2026, 1, 16)};
    d = ov_measure_next_due(start, false, 0, too_early, 1, D(2026, 2, 1), 14);
    assert_int_equal(d.due_on, start);
}

static void due_points_fall_on_month_ends_counted_from_the_start(void **state)
{
    (void)state;
    /* 31 January: 30 April, 31 July, 31 October (from the start, so the
     * clamp to 30 April does not carry over to 30 July) */
    ov_date start = D(2026, 1, 31);
    ov_date t[4] = {D(2026, 1, 31)};
    ov_measure_due d = ov_measure_next_due(start, false, 0, t, 1,
                                           D(2026, 2, 10), 14);
    assert_false(d.due);
    assert_int_equal(d.due_on, D(2026, 4, 30));
    t[1] = D(2026, 4, 30);
    d = ov_measure_next_due(start, false, 0, t, 2, D(2026, 5, 1), 14);
    assert_int_equal(d.due_on, D(2026, 7, 31));
    t[2] = D(2026, 8, 14); /* the last day of the window */
    d = ov_measure_next_due(start, false, 0, t, 3, D(2026, 8, 20), 14);
    assert_int_equal(d.due_on, D(2026, 10, 31));
    assert_int_equal(d.missed, 0);
    /* 30 November into a leap year: 29 February 2028, then 30 May */
    ov_date s2 = D(2027, 11, 30);
    ov_date u[] = {D(2027, 11, 30)};
    d = ov_measure_next_due(s2, false, 0, u, 1, D(2028, 2, 20), 14);
    assert_true(d.due);
    assert_int_equal(d.due_on, D(2028, 2, 29));
    ov_date v[] = {D(2027, 11, 30), D(2028, 3, 1)};
    d = ov_measure_next_due(s2, false, 0, v, 2, D(2028, 3, 2), 14);
    assert_int_equal(d.due_on, D(2028, 5, 30));
}

static void a_late_measurement_satisfies_its_point_and_a_missed_one_is_skipped(void **state)
{
    (void)state;
    ov_date start = D(2026, 1, 31);
    /* the 3-month point (30 April) is taken 20 days late, on 20 May */
    ov_date late[] = {D(2026, 2, 10), D(2026, 5, 20)};
    ov_measure_due d = ov_measure_next_due(start, false, 0, late, 2,
                                           D(2026, 6, 1), 14);
    assert_false(d.due);
    assert_int_equal(d.due_on, D(2026, 7, 31));
    assert_int_equal(d.missed, 0);
    /* not taken at all: overdue until the 6-month window opens (17 July) */
    ov_date only_start[] = {D(2026, 2, 10)};
    d = ov_measure_next_due(start, false, 0, only_start, 1, D(2026, 7, 16), 14);
    assert_true(d.overdue);
    assert_int_equal(d.due_on, D(2026, 4, 30));
    d = ov_measure_next_due(start, false, 0, only_start, 1, D(2026, 7, 17), 14);
    assert_true(d.due);
    assert_false(d.overdue);
    assert_int_equal(d.due_on, D(2026, 7, 31));
    assert_int_equal(d.missed, 1);
    /* measurements dated after today do not count */
    ov_date future[] = {D(2026, 2, 10), D(2026, 5, 3)};
    d = ov_measure_next_due(start, false, 0, future, 2, D(2026, 5, 1), 14);
    assert_true(d.due);
    assert_int_equal(d.due_on, D(2026, 4, 30));
}

static void the_end_is_the_last_due_point(void **state)
{
    (void)state;
    ov_date start = D(2026, 1, 31), end = D(2026, 6, 15);
    ov_date t2[] = {D(2026, 2, 10), D(2026, 5, 2)};
    ov_measure_due d = ov_measure_next_due(start, true, end, t2, 2,
                                           D(2026, 6, 1), 14);
    assert_true(d.due);
    assert_true(d.at_end);
    assert_int_equal(d.due_on, end);
    assert_false(d.overdue);
    d = ov_measure_next_due(start, true, end, t2, 2, D(2026, 9, 1), 14);
    assert_true(d.overdue); /* the end stays due until it is measured */
    assert_int_equal(d.due_on, end);
    ov_date t3[] = {D(2026, 2, 10), D(2026, 5, 2), D(2026, 6, 14)};
    d = ov_measure_next_due(start, true, end, t3, 3, D(2026, 12, 1), 14);
    assert_true(d.done);
    assert_false(d.due);
    assert_int_equal(d.missed, 0);
    /* an end on a 3-month point is one point, not two */
    ov_date t4[] = {D(2026, 1, 31), D(2026, 4, 30)};
    d = ov_measure_next_due(start, true, D(2026, 4, 30), t4, 2,
                            D(2026, 5, 5), 14);
    assert_true(d.done);
    /* the end 10 days after a point: one measurement between serves both */
    ov_date t5[] = {D(2026, 1, 31), D(2026, 5, 5)};
    d = ov_measure_next_due(start, true, D(2026, 5, 10), t5, 2,
                            D(2026, 5, 12), 14);
    assert_true(d.done);
}

static void the_tolerance_is_configurable_within_0_to_44_days(void **state)
{
    (void)state;
    ov_err err;
    assert_int_equal(ov_measure_tolerance_validate(14, &err), OV_OK);
    assert_int_equal(ov_measure_tolerance_validate(0, &err), OV_OK);
    assert_int_equal(ov_measure_tolerance_validate(44, &err), OV_OK);
    assert_int_equal(ov_measure_tolerance_validate(45, &err), OV_EINVAL);
    assert_string_equal(err.field, "measure_tolerance_days");
    assert_int_equal(ov_measure_tolerance_validate(-1, &err), OV_EINVAL);
    ov_date start = D(2026, 3, 1);
    ov_date t[] = {D(2026, 3, 8)};
    /* 7 days off: enough with 7 days of tolerance, not with 6 */
    ov_measure_due d = ov_measure_next_due(start, false, 0, t, 1,
                                           D(2026, 3, 20), 7);
    assert_int_equal(d.due_on, D(2026, 6, 1));
    d = ov_measure_next_due(start, false, 0, t, 1, D(2026, 3, 20), 6);
    /* too late for the window, but still before the next window: late */
    assert_int_equal(d.due_on, D(2026, 6, 1));
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 3, 8), 6);
    assert_true(d.overdue);
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 3, 8), 7);
    assert_false(d.overdue);
    /* negative means the default */
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 3, 15), -1);
    assert_false(d.overdue);
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 3, 16), -1);
    assert_true(d.overdue);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(who5_score_is_the_raw_sum_times_four),
        cmocka_unit_test(who5_items_outside_0_to_5_are_named),
        cmocka_unit_test(who5_flags_at_the_exact_thresholds),
        cmocka_unit_test(a_change_of_ten_points_or_more_is_meaningful_both_ways),
        cmocka_unit_test(gse_sums_ten_items_of_1_to_4),
        cmocka_unit_test(readiness_is_one_rating_of_1_to_10_with_anchors),
        cmocka_unit_test(codes_parse_back_and_unknown_codes_are_named),
        cmocka_unit_test(the_start_is_due_first_and_overdue_after_the_window),
        cmocka_unit_test(due_points_fall_on_month_ends_counted_from_the_start),
        cmocka_unit_test(a_late_measurement_satisfies_its_point_and_a_missed_one_is_skipped),
        cmocka_unit_test(the_end_is_the_last_due_point),
        cmocka_unit_test(the_tolerance_is_configurable_within_0_to_44_days),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
