/* Figures as a reader of either language reads them (report/numtext.h):
 * thousands separators and the decimal sign follow the language, the
 * rounding is the shown digits' (half away from zero), a figure that
 * rounds to zero has no sign, and a missing figure is a dash. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "report/numtext.h"

#define DA OV_NUM_DA
#define EN OV_NUM_EN

static void kroner_have_thousands_points_in_danish_and_commas_in_english(
    void **state)
{
    (void)state;
    assert_string_equal(ov_num_kr(DA, 1234567.8, 1).s, "1.234.567,8 kr.");
    assert_string_equal(ov_num_kr(EN, 1234567.8, 1).s, "1,234,567.8 kr.");
    assert_string_equal(ov_num_kr(DA, -91800, 0).s, "-91.800 kr.");
    assert_string_equal(ov_num_kr(EN, -91800, 0).s, "-91,800 kr.");
    assert_string_equal(ov_num_kr(DA, 0, 0).s, "0 kr.");
    assert_string_equal(ov_num_kr(EN, 0, 0).s, "0 kr.");
    assert_string_equal(ov_num_kr(DA, 999, 0).s, "999 kr.");
    assert_string_equal(ov_num_kr(EN, 1000, 0).s, "1,000 kr.");
}

static void whole_kroner_round_half_away_from_zero_and_never_show_minus_zero(
    void **state)
{
    (void)state;
    assert_string_equal(ov_num_kr(DA, 27397.5, 0).s, "27.398 kr.");
    assert_string_equal(ov_num_kr(EN, -27397.5, 0).s, "-27,398 kr.");
    assert_string_equal(ov_num_kr(DA, 27397.49, 0).s, "27.397 kr.");
    assert_string_equal(ov_num_kr(DA, -0.4, 0).s, "0 kr.");
    assert_string_equal(ov_num_kr(EN, -0.4, 0).s, "0 kr.");
    assert_string_equal(ov_num_dec(DA, -0.04, 1).s, "0,0");
    assert_string_equal(ov_num_dec(EN, -0.04, 1).s, "0.0");
    /* the shown digits round, not the binary value: 0.285 is 0.29 */
    assert_string_equal(ov_num_dec(DA, 0.285, 2).s, "0,29");
    assert_string_equal(ov_num_dec(EN, 1.005, 2).s, "1.01");
    assert_string_equal(ov_num_dec(EN, 9.996, 2).s, "10.00");
}

static void large_numbers_keep_every_digit_and_group_them(void **state)
{
    (void)state;
    assert_string_equal(ov_num_int(DA, INT64_MAX).s,
                        "9.223.372.036.854.775.807");
    assert_string_equal(ov_num_int(EN, INT64_MIN).s,
                        "-9,223,372,036,854,775,808");
    assert_string_equal(ov_num_kr(EN, 12345678901.0, 0).s,
                        "12,345,678,901 kr.");
    assert_string_equal(ov_num_dec(DA, 1234567.125, 3).s, "1.234.567,125");
    assert_string_equal(ov_num_dec(EN, 1234567.125, 3).s, "1,234,567.125");
}

static void integers_and_decimals_follow_the_language(void **state)
{
    (void)state;
    assert_string_equal(ov_num_int(DA, 1234567).s, "1.234.567");
    assert_string_equal(ov_num_int(EN, 1234567).s, "1,234,567");
    assert_string_equal(ov_num_int(DA, -5).s, "-5");
    assert_string_equal(ov_num_int(EN, 0).s, "0");
    assert_string_equal(ov_num_dec(DA, 57.25, 1).s, "57,3");
    assert_string_equal(ov_num_dec(EN, 57.25, 1).s, "57.3");
    assert_string_equal(ov_num_dec(DA, 0.035, 4).s, "0,0350");
    assert_string_equal(ov_num_dec(EN, 0.035, 4).s, "0.0350");
    assert_string_equal(ov_num_dec(EN, -1234.5, 0).s, "-1,235");
}

static void percentages_have_a_space_in_danish_and_none_in_english(
    void **state)
{
    (void)state;
    assert_string_equal(ov_num_pct(DA, 0.201).s, "20,1 %");
    assert_string_equal(ov_num_pct(EN, 0.201).s, "20.1%");
    assert_string_equal(ov_num_pct(EN, 0.1225).s, "12.3%");
    assert_string_equal(ov_num_pct(DA, -0.094).s, "-9,4 %");
    assert_string_equal(ov_num_pct(EN, 12.5).s, "1,250.0%");
}

static void the_pages_short_figures_drop_trailing_zeros_in_either_language(
    void **state)
{
    (void)state;
    assert_string_equal(ov_num_value(DA, 53.6, 1).s, "53,6");
    assert_string_equal(ov_num_value(EN, 53.6, 1).s, "53.6");
    assert_string_equal(ov_num_value(DA, 80.0, 1).s, "80");
    assert_string_equal(ov_num_value(EN, 12.50, 2).s, "12.5");
    assert_string_equal(ov_num_value(DA, 1234.25, 1).s, "1.234,3");
    assert_string_equal(ov_num_value(EN, 1234.25, 1).s, "1,234.3");
    assert_string_equal(ov_num_percent(DA, 79.8, 1).s, "79,8 %");
    assert_string_equal(ov_num_percent(EN, 79.8, 1).s, "79.8%");
    assert_string_equal(ov_num_percent(EN, 100.0, 1).s, "100%");
}

static void a_missing_figure_is_a_dash_in_either_language(void **state)
{
    (void)state;
    static const char dash[] = "\xe2\x80\x93";
    for (int l = DA; l <= EN; l++) {
        assert_string_equal(ov_num_kr((ov_numlang)l, NAN, 0).s, dash);
        assert_string_equal(ov_num_kr((ov_numlang)l, INFINITY, 0).s, dash);
        assert_string_equal(ov_num_dec((ov_numlang)l, -INFINITY, 2).s, dash);
        assert_string_equal(ov_num_pct((ov_numlang)l, NAN).s, dash);
        assert_string_equal(ov_num_value((ov_numlang)l, NAN, 1).s, dash);
        assert_string_equal(ov_num_percent((ov_numlang)l, NAN, 1).s, dash);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            kroner_have_thousands_points_in_danish_and_commas_in_english),
        cmocka_unit_test(
            whole_kroner_round_half_away_from_zero_and_never_show_minus_zero),
        cmocka_unit_test(large_numbers_keep_every_digit_and_group_them),
        cmocka_unit_test(integers_and_decimals_follow_the_language),
        cmocka_unit_test(
            percentages_have_a_space_in_danish_and_none_in_english),
        cmocka_unit_test(
            the_pages_short_figures_drop_trailing_zeros_in_either_language),
        cmocka_unit_test(a_missing_figure_is_a_dash_in_either_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
