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
    int score;
    ov_err err;
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, items, 5, &score, &err),
                     OV_OK);
    assert_int_equal(score, 56);
    int max[5] = {5, 5, 5, 5, 5}, min[5] = {0};
    ov_measure_score(OV_INSTR_WHO5, max, 5, &score, &err);
    assert_int_equal(score, 100);
    ov_measure_score(OV_INSTR_WHO5, min, 5, &score, &err);
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
    assert_string_equal(err.msg, "who5_item_3: must be 0-5, got 6");
    items[2] = -1;
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, items, 5, &score, &err),
                     OV_EINVAL);
    assert_int_equal(ov_measure_score(OV_INSTR_WHO5, items, 4, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "items");
}

static void who5_flags_at_the_thresholds(void **state)
{
    (void)state;
    ov_who5_flags f = ov_who5_flags_of(50);
    assert_true(f.poor_wellbeing);
    assert_false(f.likely_depression);
    f = ov_who5_flags_of(52);
    assert_false(f.poor_wellbeing);
    f = ov_who5_flags_of(28);
    assert_true(f.poor_wellbeing && f.likely_depression);
    f = ov_who5_flags_of(32);
    assert_false(f.likely_depression);
}

static void a_change_of_ten_points_is_meaningful(void **state)
{
    (void)state;
    assert_int_equal(ov_who5_change(48, 56), 0);
    assert_int_equal(ov_who5_change(48, 58), 1);
    assert_int_equal(ov_who5_change(48, 60), 1);
    assert_int_equal(ov_who5_change(60, 50), -1);
    assert_int_equal(ov_who5_change(60, 52), 0);
}

static void gse_and_readiness_bounds(void **state)
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
    ov_measure_score(OV_INSTR_GSE, gse, 10, &score, &err);
    assert_int_equal(score, 40);
    gse[9] = 0;
    assert_int_equal(ov_measure_score(OV_INSTR_GSE, gse, 10, &score, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "gse_item_10");
    int r = 10;
    assert_int_equal(ov_measure_score(OV_INSTR_READINESS, &r, 1, &score, &err),
                     OV_OK);
    assert_int_equal(score, 10);
    r = 11;
    assert_int_equal(ov_measure_score(OV_INSTR_READINESS, &r, 1, &score, &err),
                     OV_EINVAL);
    assert_string_equal(ov_readiness_anchor_da(10),
                        "Klar til ordinært job uden støtte");
    assert_string_equal(ov_readiness_anchor_da(0), "");
    ov_instrument in;
    assert_int_equal(ov_instrument_parse(OV_STR_LIT("gse"), &in, &err), OV_OK);
    assert_int_equal(in, OV_INSTR_GSE);
}

static void measurements_are_due_at_start_every_3_months_and_at_end(void **state)
{
    (void)state;
    ov_date start = D(2026, 1, 31);
    /* nothing taken: the start is due */
    ov_measure_due d = ov_measure_next_due(start, false, 0, NULL, 0,
                                           D(2026, 2, 5), 14);
    assert_true(d.due);
    assert_int_equal(d.due_on, start);
    assert_false(d.overdue);
    d = ov_measure_next_due(start, false, 0, NULL, 0, D(2026, 2, 20), 14);
    assert_true(d.overdue);
    /* taken at start (+10 days): next point is 30 April (month end) */
    ov_date taken[] = {D(2026, 2, 10)};
    d = ov_measure_next_due(start, false, 0, taken, 1, D(2026, 4, 20), 14);
    assert_true(d.due);
    assert_int_equal(d.due_on, D(2026, 4, 30));
    /* before the window opens nothing is due */
    d = ov_measure_next_due(start, false, 0, taken, 1, D(2026, 4, 10), 14);
    assert_false(d.due);
    /* ended on 15 June: the end is a due point */
    ov_date t2[] = {D(2026, 2, 10), D(2026, 5, 2)};
    d = ov_measure_next_due(start, true, D(2026, 6, 15), t2, 2,
                            D(2026, 6, 20), 14);
    assert_true(d.due);
    assert_int_equal(d.due_on, D(2026, 6, 15));
    ov_date t3[] = {D(2026, 2, 10), D(2026, 5, 2), D(2026, 6, 14)};
    d = ov_measure_next_due(start, true, D(2026, 6, 15), t3, 3,
                            D(2026, 12, 1), 14);
    assert_false(d.due);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(who5_score_is_the_raw_sum_times_four),
        cmocka_unit_test(who5_items_outside_0_to_5_are_named),
        cmocka_unit_test(who5_flags_at_the_thresholds),
        cmocka_unit_test(a_change_of_ten_points_is_meaningful),
        cmocka_unit_test(gse_and_readiness_bounds),
        cmocka_unit_test(measurements_are_due_at_start_every_3_months_and_at_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
