/* Danish number formats: thousands dots, decimal commas, kroner from øre,
 * rounding half away from zero, no negative zero, the int64 extremes. */
#include <setjmp.h>
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
