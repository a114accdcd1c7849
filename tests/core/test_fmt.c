/* Danish number formats: thousands dots, decimal commas, kroner from øre,
 * rounding half away from zero, no negative zero, the int64 extremes. */
#include <setjmp.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/fmt.h"

static void int_dk(int64_t v, const char *want)
{
    char out[OV_FMT_BUF];
    memset(out, '#', sizeof out);
    ov_fmt_int_dk(v, out);
    assert_string_equal(out, want);
}

static void kr(int64_t ore, const char *want)
{
    char out[OV_FMT_BUF];
    memset(out, '#', sizeof out);
    ov_fmt_kr(ore, out);
    assert_string_equal(out, want);
}

static void dec(double v, int decimals, const char *want)
{
    char out[OV_FMT_BUF];
    memset(out, '#', sizeof out);
    ov_fmt_decimal_dk(v, decimals, out);
    assert_string_equal(out, want);
}

static void pct(double share, const char *want)
{
    char out[OV_FMT_BUF];
    memset(out, '#', sizeof out);
    ov_fmt_percent_dk(share, out);
    assert_string_equal(out, want);
}

static void int_dk_separates_thousands_with_dots(void **state)
{
    (void)state;
    int_dk(0, "0");
    int_dk(7, "7");
    int_dk(999, "999");
    int_dk(1000, "1.000");
    int_dk(-999, "-999");
    int_dk(-1000, "-1.000");
    int_dk(-91800, "-91.800");
    int_dk(100000, "100.000");
    int_dk(1234567, "1.234.567");
}

static void int_dk_handles_int64_min_and_max(void **state)
{
    (void)state;
    int_dk(INT64_MAX, "9.223.372.036.854.775.807");
    int_dk(INT64_MIN, "-9.223.372.036.854.775.808");
}

static void kr_shows_whole_amounts_without_decimals(void **state)
{
    (void)state;
    kr(9180000, "91.800 kr.");
    kr(-9180000, "-91.800 kr.");
    kr(0, "0 kr.");
    kr(100, "1 kr.");
    kr(100000, "1.000 kr.");
}

static void kr_shows_other_amounts_with_two_decimals(void **state)
{
    (void)state;
    kr(123450, "1.234,50 kr.");
    kr(-123450, "-1.234,50 kr.");
    kr(5, "0,05 kr.");
    kr(-5, "-0,05 kr.");
    kr(101, "1,01 kr.");
}

static void kr_handles_int64_min_and_max(void **state)
{
    (void)state;
    kr(INT64_MIN, "-92.233.720.368.547.758,08 kr.");
    kr(INT64_MAX, "92.233.720.368.547.758,07 kr.");
}

static void decimal_rounds_half_away_from_zero(void **state)
{
    (void)state;
    dec(57.25, 1, "57,3");
    dec(-57.25, 1, "-57,3");
    dec(0.5, 0, "1");
    dec(-0.5, 0, "-1");
    dec(2.5, 0, "3"); /* not banker's rounding */
    dec(1.125, 2, "1,13");
    dec(57.24, 1, "57,2");
}

static void decimal_separates_thousands(void **state)
{
    (void)state;
    dec(1234567.891, 2, "1.234.567,89");
    dec(-1234567.891, 2, "-1.234.567,89");
    dec(999.996, 2, "1.000,00");
    dec(0, 2, "0,00");
    dec(12, 0, "12");
}

static void decimal_has_no_negative_zero(void **state)
{
    (void)state;
    dec(-0.04, 1, "0,0");
    dec(-0.0, 2, "0,00");
    dec(-0.4, 0, "0");
}

static void decimal_places_are_clamped_to_0_to_6(void **state)
{
    (void)state;
    dec(1.5, 9, "1,500000");
    dec(1.5, -1, "2");
    dec(3.1415926, 6, "3,141593");
}

static void percent_has_one_decimal_and_a_space(void **state)
{
    (void)state;
    pct(0.2, "20,0 %");
    pct(0, "0,0 %");
    pct(1, "100,0 %");
    pct(0.1234, "12,3 %");
    pct(0.12345, "12,3 %");
    pct(-0.05, "-5,0 %");
    pct(12.5, "1.250,0 %");
}

/* 0.285 is stored as 0.28499999999999998; a reader sees 0.285 and expects
 * 0,29. Rounding is done on the shortest decimal that reads back as the
 * double, so ties in that decimal go away from zero consistently. */
static void decimal_rounds_the_number_as_written_not_its_binary_neighbour(
    void **state)
{
    (void)state;
    dec(0.285, 2, "0,29");
    dec(1.005, 2, "1,01");
    dec(2.675, 2, "2,68");
    dec(-0.285, 2, "-0,29");
    dec(0.125, 2, "0,13");
    dec(1.0049999, 2, "1,00");
    dec(0.1 + 0.2, 2, "0,30"); /* 0.30000000000000004 */
}

static void decimal_rounding_carries_through_thousands(void **state)
{
    (void)state;
    dec(999999.995, 2, "1.000.000,00");
    dec(-999.5, 0, "-1.000");
    dec(9.96, 1, "10,0");
    dec(0.0009, 2, "0,00");
    dec(0.005, 2, "0,01");
    dec(0.0000005, 6, "0,000001");
}

static void decimal_shows_large_values_in_danish_form(void **state)
{
    (void)state;
    dec(1e19, 0, "10.000.000.000.000.000.000");
    dec(-1e19, 2, "-10.000.000.000.000.000.000,00");
    dec(123456789012345678.0, 0, "123.456.789.012.345.680");
    /* past 30 integer digits: scientific, still with a decimal comma */
    dec(1e300, 2, "1,0e+300");
    dec(-1.5e40, 2, "-1,5e+40");
}

static void decimal_of_nan_and_infinity(void **state)
{
    (void)state;
    dec(NAN, 2, "-");
    dec(INFINITY, 2, "∞");
    dec(-INFINITY, 0, "-∞");
}

/* The point is moved in the decimal digits, so 0.1225 is exactly 12,25 %
 * before rounding, whatever 0.1225 * 100 gives in binary. */
static void percent_rounds_the_shown_share_half_away_from_zero(void **state)
{
    (void)state;
    pct(0.1225, "12,3 %");
    pct(0.00049, "0,0 %");
    pct(0.0005, "0,1 %");
    pct(-0.0004, "0,0 %"); /* no "-0,0 %" */
    pct(0.999999, "100,0 %");
    pct(1.0 / 3.0, "33,3 %");
}

static void kr_of_single_ore_and_amounts_just_below_whole_kroner(
    void **state)
{
    (void)state;
    kr(1, "0,01 kr.");
    kr(-1, "-0,01 kr.");
    kr(99, "0,99 kr.");
    kr(199999, "1.999,99 kr.");
    kr(-100000000, "-1.000.000 kr.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(int_dk_separates_thousands_with_dots),
        cmocka_unit_test(int_dk_handles_int64_min_and_max),
        cmocka_unit_test(kr_shows_whole_amounts_without_decimals),
        cmocka_unit_test(kr_shows_other_amounts_with_two_decimals),
        cmocka_unit_test(kr_handles_int64_min_and_max),
        cmocka_unit_test(decimal_rounds_half_away_from_zero),
        cmocka_unit_test(decimal_separates_thousands),
        cmocka_unit_test(decimal_has_no_negative_zero),
        cmocka_unit_test(decimal_places_are_clamped_to_0_to_6),
        cmocka_unit_test(percent_has_one_decimal_and_a_space),
        cmocka_unit_test(
            decimal_rounds_the_number_as_written_not_its_binary_neighbour),
        cmocka_unit_test(decimal_rounding_carries_through_thousands),
        cmocka_unit_test(decimal_shows_large_values_in_danish_form),
        cmocka_unit_test(decimal_of_nan_and_infinity),
        cmocka_unit_test(percent_rounds_the_shown_share_half_away_from_zero),
        cmocka_unit_test(
            kr_of_single_ore_and_amounts_just_below_whole_kroner),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
