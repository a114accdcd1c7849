/* Civil dates, ISO weeks, month arithmetic, ages, parsing and formatting,
 * UTC instants and Copenhagen local time around every kind of change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"

#define MS_HOUR 3600000LL
#define MS_DAY 86400000LL

static ov_date D(int y, int m, int d)
{
    return ov_date_from_ymd(y, m, d);
}

/* An instant built arithmetically, not through the parser under test. */
static ov_time utc(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return (ov_time)D(y, mo, d) * MS_DAY + (ov_time)h * MS_HOUR +
           (ov_time)mi * 60000 + (ov_time)s * 1000 + ms;
}

static void assert_ymd(ov_date d, int y, int m, int day)
{
    ov_ymd got = ov_date_to_ymd(d);
    if (got.year != y || got.month != m || got.day != day)
        fail_msg("got %04d-%02d-%02d, want %04d-%02d-%02d", got.year,
                 got.month, got.day, y, m, day);
}

/* ---- calendar ---- */

static void leap_years_follow_the_gregorian_rule(void **state)
{
    (void)state;
    assert_false(ov_is_leap_year(1900));
    assert_true(ov_is_leap_year(2000));
    assert_true(ov_is_leap_year(2024));
    assert_false(ov_is_leap_year(2023));
    assert_false(ov_is_leap_year(2100));
    assert_true(ov_is_leap_year(1600));
    assert_int_equal(ov_days_in_month(2024, 2), 29);
    assert_int_equal(ov_days_in_month(2023, 2), 28);
    assert_int_equal(ov_days_in_month(1900, 2), 28);
    assert_int_equal(ov_days_in_month(2026, 4), 30);
    assert_int_equal(ov_days_in_month(2026, 12), 31);
    assert_int_equal(ov_days_in_month(2026, 0), 0);
    assert_int_equal(ov_days_in_month(2026, 13), 0);
}

static void ymd_valid_rejects_impossible_dates_and_years_outside_1_to_9999(
    void **state)
{
    (void)state;
    assert_true(ov_ymd_valid(2024, 2, 29));
    assert_false(ov_ymd_valid(2023, 2, 29));
    assert_false(ov_ymd_valid(2026, 4, 31));
    assert_false(ov_ymd_valid(2026, 1, 0));
    assert_false(ov_ymd_valid(2026, 0, 1));
    assert_false(ov_ymd_valid(0, 1, 1));
    assert_true(ov_ymd_valid(1, 1, 1));
    assert_true(ov_ymd_valid(9999, 12, 31));
    assert_false(ov_ymd_valid(10000, 1, 1));
}

static void epoch_1970_01_01_is_day_0(void **state)
{
    (void)state;
    assert_int_equal(D(1970, 1, 1), 0);
    assert_int_equal(D(1970, 1, 2), 1);
    assert_int_equal(D(1969, 12, 31), -1);
    assert_int_equal(D(2000, 1, 1), 10957);
    assert_ymd(0, 1970, 1, 1);
    assert_ymd(-1, 1969, 12, 31);
    assert_ymd(10957, 2000, 1, 1);
}

static void from_ymd_and_to_ymd_round_trip_every_day_1800_to_2200(void **state)
{
    (void)state;
    ov_date prev = D(1799, 12, 31);
    long days = 0;
    for (int y = 1800; y <= 2200; y++) {
        for (int m = 1; m <= 12; m++) {
            int dim = ov_days_in_month(y, m);
            for (int d = 1; d <= dim; d++) {
                ov_date x = ov_date_from_ymd(y, m, d);
                if (x != prev + 1)
                    fail_msg("%04d-%02d-%02d is day %d, previous was %d", y,
                             m, d, (int)x, (int)prev);
                ov_ymd back = ov_date_to_ymd(x);
                if (back.year != y || back.month != m || back.day != d)
                    fail_msg("%04d-%02d-%02d came back as %04d-%02d-%02d", y,
                             m, d, back.year, back.month, back.day);
                prev = x;
                days++;
            }
        }
    }
    /* 401 years: 401*365 + leap days (1804..2196 minus 1900, 2100) */
    assert_int_equal(days, 401 * 365 + 97);
}

static void weekday_2026_11_22_is_sunday_7(void **state)
{
    (void)state;
    assert_int_equal(ov_date_weekday(D(2026, 11, 22)), 7);
    assert_int_equal(ov_date_weekday(D(2026, 11, 23)), 1);
    assert_int_equal(ov_date_weekday(D(1970, 1, 1)), 4);
    assert_int_equal(ov_date_weekday(D(1969, 12, 29)), 1);
    assert_int_equal(ov_date_weekday(D(1900, 1, 1)), 1);
    assert_int_equal(ov_date_weekday(D(2000, 2, 29)), 2);
}

static void assert_iso_week(ov_date d, int want_year, int want_week)
{
    int y = 0, w = 0;
    ov_date_iso_week(d, &y, &w);
    if (y != want_year || w != want_week) {
        char s[OV_DATE_BUF];
        ov_date_format_iso(d, s);
        fail_msg("%s: got %d-W%02d, want %d-W%02d", s, y, w, want_year,
                 want_week);
    }
}

static void iso_weeks_at_year_ends(void **state)
{
    (void)state;
    assert_iso_week(D(2026, 12, 31), 2026, 53);
    assert_iso_week(D(2027, 1, 1), 2026, 53);
    assert_iso_week(D(2027, 1, 3), 2026, 53);
    assert_iso_week(D(2027, 1, 4), 2027, 1);
    assert_iso_week(D(2024, 12, 29), 2024, 52);
    assert_iso_week(D(2024, 12, 30), 2025, 1);
    assert_iso_week(D(2021, 1, 3), 2020, 53);
    assert_iso_week(D(2021, 1, 4), 2021, 1);
    assert_iso_week(D(2020, 12, 31), 2020, 53);
    assert_iso_week(D(2026, 1, 1), 2026, 1);
    assert_iso_week(D(2026, 11, 22), 2026, 47);
}

/* ---- month arithmetic and ages ---- */

static void add_months_clamps_to_the_end_of_the_target_month(void **state)
{
    (void)state;
    assert_ymd(ov_date_add_months(D(2025, 1, 31), 1), 2025, 2, 28);
    assert_ymd(ov_date_add_months(D(2024, 1, 31), 1), 2024, 2, 29);
    assert_ymd(ov_date_add_months(D(2024, 2, 29), 12), 2025, 2, 28);
    assert_ymd(ov_date_add_months(D(2024, 2, 29), 48), 2028, 2, 29);
    assert_ymd(ov_date_add_months(D(2025, 3, 31), -1), 2025, 2, 28);
    assert_ymd(ov_date_add_months(D(2024, 3, 31), -1), 2024, 2, 29);
    assert_ymd(ov_date_add_months(D(2025, 5, 31), 1), 2025, 6, 30);
    assert_ymd(ov_date_add_months(D(2025, 11, 30), 3), 2026, 2, 28);
}

static void add_zero_months_is_the_same_date(void **state)
{
    (void)state;
    assert_int_equal(ov_date_add_months(D(2025, 1, 31), 0), D(2025, 1, 31));
    assert_int_equal(ov_date_add_months(D(1969, 12, 31), 0), D(1969, 12, 31));
}

static void add_negative_months_crosses_years(void **state)
{
    (void)state;
    assert_ymd(ov_date_add_months(D(2025, 1, 15), -1), 2024, 12, 15);
    assert_ymd(ov_date_add_months(D(2025, 1, 31), -13), 2023, 12, 31);
    assert_ymd(ov_date_add_months(D(2025, 3, 31), -25), 2023, 2, 28);
    assert_ymd(ov_date_add_months(D(1970, 2, 15), -2), 1969, 12, 15);
    assert_ymd(ov_date_add_months(D(2025, 12, 15), -12), 2024, 12, 15);
    assert_ymd(ov_date_add_months(D(2025, 12, 15), 1), 2026, 1, 15);
}

static void age_is_one_less_the_day_before_the_birthday(void **state)
{
    (void)state;
    ov_date born = D(1990, 5, 10);
    assert_int_equal(ov_age_on(born, D(2026, 5, 9)), 35);
    assert_int_equal(ov_age_on(born, D(2026, 4, 30)), 35);
    assert_int_equal(ov_age_on(born, D(2026, 5, 10)), 36);
    assert_int_equal(ov_age_on(born, D(2026, 12, 31)), 36);
    assert_int_equal(ov_age_on(born, born), 0);
}

static void born_29_feb_becomes_older_on_1_march_in_common_years(void **state)
{
    (void)state;
    ov_date born = D(2000, 2, 29);
    assert_int_equal(ov_age_on(born, D(2001, 2, 28)), 0);
    assert_int_equal(ov_age_on(born, D(2001, 3, 1)), 1);
    assert_int_equal(ov_age_on(born, D(2004, 2, 28)), 3);
    assert_int_equal(ov_age_on(born, D(2004, 2, 29)), 4);
    assert_int_equal(ov_age_on(born, D(2018, 2, 28)), 17);
    assert_int_equal(ov_age_on(born, D(2018, 3, 1)), 18);
}

static void months_between_counts_a_month_once_the_clamped_day_is_reached(
    void **state)
{
    (void)state;
    assert_int_equal(ov_months_between(D(2025, 1, 31), D(2025, 2, 28)), 1);
    assert_int_equal(ov_months_between(D(2025, 1, 31), D(2025, 2, 27)), 0);
    assert_int_equal(ov_months_between(D(2024, 1, 31), D(2024, 2, 28)), 0);
    assert_int_equal(ov_months_between(D(2024, 1, 31), D(2024, 2, 29)), 1);
    assert_int_equal(ov_months_between(D(2025, 1, 15), D(2025, 2, 14)), 0);
    assert_int_equal(ov_months_between(D(2025, 1, 15), D(2025, 2, 15)), 1);
    assert_int_equal(ov_months_between(D(2025, 1, 15), D(2025, 1, 15)), 0);
    assert_int_equal(ov_months_between(D(2020, 6, 15), D(2026, 6, 14)), 71);
    assert_int_equal(ov_months_between(D(2020, 6, 15), D(2026, 6, 15)), 72);
}

static void months_between_is_negative_when_to_is_before_from(void **state)
{
    (void)state;
    assert_int_equal(ov_months_between(D(2025, 3, 15), D(2025, 1, 15)), -2);
    assert_int_equal(ov_months_between(D(2025, 3, 15), D(2025, 1, 16)), -1);
    assert_int_equal(ov_months_between(D(2025, 3, 15), D(2025, 3, 1)), 0);
    assert_int_equal(ov_months_between(D(2026, 1, 10), D(2024, 1, 10)), -24);
}

/* ---- parsing and formatting ---- */

static void parse_iso_and_danish_forms(void **state)
{
    (void)state;
    ov_date d = -99;
    ov_err err;
    assert_int_equal(ov_date_parse_iso(ov_str_c("2026-11-22"), "d", &d, &err),
                     OV_OK);
    assert_int_equal(d, D(2026, 11, 22));
    d = -99;
    assert_int_equal(ov_date_parse_dk(ov_str_c("22-11-2026"), "d", &d, &err),
                     OV_OK);
    assert_int_equal(d, D(2026, 11, 22));
    d = -99;
    assert_int_equal(ov_date_parse_dk(ov_str_c("22.11.2026"), "d", &d, &err),
                     OV_OK);
    assert_int_equal(d, D(2026, 11, 22));
    d = -99;
    assert_int_equal(ov_date_parse_dk(ov_str_c("01.02.1969"), "d", &d, &err),
                     OV_OK);
    assert_int_equal(d, D(1969, 2, 1));
    /* the ISO parser does not take the Danish form and vice versa */
    assert_int_equal(ov_date_parse_iso(ov_str_c("22-11-2026"), "d", &d, &err),
                     OV_EINVAL);
    assert_int_equal(ov_date_parse_dk(ov_str_c("2026-11-22"), "d", &d, &err),
                     OV_EINVAL);
    /* separators must match */
    assert_int_equal(ov_date_parse_dk(ov_str_c("22-11.2026"), "d", &d, &err),
                     OV_EINVAL);
}

static void date_parse_accepts_iso_and_danish_forms(void **state)
{
    (void)state;
    static const char *const forms[] = {"2026-11-22", "22-11-2026",
                                        "22.11.2026", "  2026-11-22\n",
                                        " 22-11-2026 "};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        ov_date d = -99;
        ov_err err;
        ov_err_clear(&err);
        if (ov_date_parse(ov_str_c(forms[i]), "d", &d, &err) != OV_OK)
            fail_msg("'%s' rejected: %s", forms[i], err.msg);
        assert_int_equal(d, D(2026, 11, 22));
    }
}

static void parse_leap_day_only_in_leap_years(void **state)
{
    (void)state;
    ov_date d;
    ov_err err;
    assert_int_equal(ov_date_parse(ov_str_c("2024-02-29"), "d", &d, &err),
                     OV_OK);
    assert_int_equal(d, D(2024, 2, 29));
    assert_int_equal(ov_date_parse(ov_str_c("29-02-2023"), "d", &d, &err),
                     OV_EINVAL);
    assert_int_equal(ov_date_parse(ov_str_c("1900-02-29"), "d", &d, &err),
                     OV_EINVAL);
    assert_int_equal(ov_date_parse(ov_str_c("0000-01-01"), "d", &d, &err),
                     OV_EINVAL);
}

typedef struct bad_date {
    const char *s;
    const char *format; /* what the message must show */
} bad_date;

static void check_bad(ov_status (*fn)(ov_str, const char *, ov_date *,
                                      ov_err *),
                      const char *name, const bad_date *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ov_date d = -99;
        ov_err err;
        ov_err_clear(&err);
        ov_status st = fn(ov_str_c(b[i].s), "meeting_date", &d, &err);
        if (st != OV_EINVAL)
            fail_msg("%s('%s'): status %d, want OV_EINVAL", name, b[i].s,
                     (int)st);
        if (strcmp(err.field, "meeting_date") != 0)
            fail_msg("%s('%s'): field '%s'", name, b[i].s, err.field);
        if (!strstr(err.msg, "meeting_date"))
            fail_msg("%s('%s'): message does not name the field: %s", name,
                     b[i].s, err.msg);
        if (!strstr(err.msg, b[i].format))
            fail_msg("%s('%s'): message does not show %s: %s", name, b[i].s,
                     b[i].format, err.msg);
    }
}

static void malformed_dates_are_rejected_naming_the_field_and_the_format(
    void **state)
{
    (void)state;
    static const bad_date iso[] = {
        {"22/11/2026", "YYYY-MM-DD"},
        {"", "YYYY-MM-DD"},
        {"2026-1-1", "YYYY-MM-DD"},
        {"2026-11-2x", "YYYY-MM-DD"},
        {"2026/11/22", "YYYY-MM-DD"},
    };
    static const bad_date dk[] = {
        {"22/11/2026", "DD-MM-YYYY"},
        {"", "DD-MM-YYYY"},
        {"2026-1-1", "DD-MM-YYYY"},
        {"2x-11-2026", "DD-MM-YYYY"},
    };
    static const bad_date any[] = {
        {"22/11/2026", "YYYY-MM-DD"},
        {"22/11/2026", "DD-MM-YYYY"},
        {"", "YYYY-MM-DD"},
        {"2026-1-1", "YYYY-MM-DD"},
        {"2026-1-1", "DD-MM-YYYY"},
        {"2026-11-22T10:00", "YYYY-MM-DD"},
    };
    check_bad(ov_date_parse_iso, "ov_date_parse_iso", iso,
              sizeof iso / sizeof iso[0]);
    check_bad(ov_date_parse_dk, "ov_date_parse_dk", dk,
              sizeof dk / sizeof dk[0]);
    check_bad(ov_date_parse, "ov_date_parse", any, sizeof any / sizeof any[0]);
}

static void impossible_dates_are_rejected_naming_the_field(void **state)
{
    (void)state;
    /* well-formed but impossible: the message says what is wrong */
    static const bad_date bad[] = {
        {"2026-02-30", "no such day"},
        {"2026-04-31", "no such day"},
        {"2026-13-01", "no such month"},
        {"2026-00-10", "no such month"},
        {"2026-01-00", "no such day"},
    };
    check_bad(ov_date_parse_iso, "ov_date_parse_iso", bad,
              sizeof bad / sizeof bad[0]);
    check_bad(ov_date_parse, "ov_date_parse", bad, sizeof bad / sizeof bad[0]);
    static const bad_date dk[] = {
        {"30-02-2026", "no such day"},
        {"01-13-2026", "no such month"},
    };
    check_bad(ov_date_parse_dk, "ov_date_parse_dk", dk,
              sizeof dk / sizeof dk[0]);
}

/* date.h: "Errors name `field` and show the format" - also for a
 * well-formed but impossible date (fixed in 7500d8c; this test failed
 * before it). */
static void impossible_date_messages_also_show_the_expected_format(
    void **state)
{
    (void)state;
    static const bad_date iso[] = {
        {"2026-02-30", "YYYY-MM-DD"},
        {"2026-13-01", "YYYY-MM-DD"},
    };
    static const bad_date dk[] = {
        {"30-02-2026", "DD-MM-YYYY"},
        {"01-13-2026", "DD-MM-YYYY"},
    };
    check_bad(ov_date_parse_iso, "ov_date_parse_iso", iso,
              sizeof iso / sizeof iso[0]);
    check_bad(ov_date_parse_dk, "ov_date_parse_dk", dk,
              sizeof dk / sizeof dk[0]);
}

static void format_iso_and_dk(void **state)
{
    (void)state;
    char s[OV_DATE_BUF];
    ov_date_format_iso(D(2026, 11, 22), s);
    assert_string_equal(s, "2026-11-22");
    ov_date_format_dk(D(2026, 11, 22), s);
    assert_string_equal(s, "22-11-2026");
    ov_date_format_iso(D(1969, 2, 3), s);
    assert_string_equal(s, "1969-02-03");
    ov_date_format_dk(D(1969, 2, 3), s);
    assert_string_equal(s, "03-02-1969");
    /* and back */
    ov_date d;
    ov_err err;
    ov_date_format_dk(D(2000, 2, 29), s);
    assert_int_equal(ov_date_parse(ov_str_c(s), "d", &d, &err), OV_OK);
    assert_int_equal(d, D(2000, 2, 29));
}

/* ---- UTC instants ---- */

static void utc_date_of_negative_times_rounds_down(void **state)
{
    (void)state;
    assert_int_equal(ov_time_utc_date(0), 0);
    assert_int_equal(ov_time_utc_date(MS_DAY - 1), 0);
    assert_int_equal(ov_time_utc_date(MS_DAY), 1);
    assert_int_equal(ov_time_utc_date(-1), -1); /* 1969-12-31 */
    assert_int_equal(ov_time_utc_date(-MS_DAY), -1);
    assert_int_equal(ov_time_utc_date(-MS_DAY - 1), -2);
    assert_int_equal(ov_time_utc_date(utc(1950, 6, 1, 12, 0, 0, 0)),
                     D(1950, 6, 1));
}

static void utc_format_and_parse_round_trip_including_before_1970(
    void **state)
{
    (void)state;
    static const struct {
        ov_time t;
        const char *s;
    } cases[] = {
        {0, "1970-01-01T00:00:00.000Z"},
        {-1, "1969-12-31T23:59:59.999Z"},
        {-MS_DAY, "1969-12-31T00:00:00.000Z"},
        {1, "1970-01-01T00:00:00.001Z"},
        {-1234567890123LL, "1930-11-18T00:28:29.877Z"},
        {1795383485123LL, "2026-11-22T21:38:05.123Z"},
        {253402300799999LL, "9999-12-31T23:59:59.999Z"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char s[OV_TIME_BUF];
        ov_time_format_utc(cases[i].t, s);
        assert_string_equal(s, cases[i].s);
        ov_time back = 42;
        ov_err err;
        ov_err_clear(&err);
        assert_int_equal(ov_time_parse_utc(ov_str_c(s), "at", &back, &err),
                         OV_OK);
        assert_true(back == cases[i].t);
    }
    assert_true(utc(2026, 11, 22, 21, 38, 5, 123) == 1795383485123LL);
    /* many instants spread over 1900-2100 */
    for (ov_time t = utc(1900, 1, 1, 0, 0, 0, 0);
         t < utc(2100, 1, 1, 0, 0, 0, 0); t += 86399999LL * 37 + 7) {
        char s[OV_TIME_BUF];
        ov_time_format_utc(t, s);
        ov_time back = 0;
        if (ov_time_parse_utc(ov_str_c(s), "at", &back, NULL) != OV_OK ||
            back != t)
            fail_msg("%s did not round-trip", s);
    }
}

static void malformed_utc_strings_are_rejected(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "2026-11-22",
        "2026-11-22 21:38:05.123Z",
        "2026-11-22T21:38:05Z",
        "2026-11-22T21:38:05.123",
        "2026-11-22T21:38:05.123z",
        "2026-11-22T21:38:05.123+01:00",
        "2026-11-22T24:00:00.000Z",
        "2026-11-22T21:60:00.000Z",
        "2026-11-22T21:38:60.000Z",
        "2026-11-22T21:38:05.12xZ",
        "2026-11-22T2x:38:05.123Z",
        "2026-02-30T21:38:05.123Z",
        "2026-13-22T21:38:05.123Z",
        " 2026-11-22T21:38:05.123Z",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ov_time t = 42;
        ov_err err;
        ov_err_clear(&err);
        ov_status st = ov_time_parse_utc(ov_str_c(bad[i]), "created_at", &t,
                                         &err);
        if (st != OV_EINVAL)
            fail_msg("'%s': status %d, want OV_EINVAL", bad[i], (int)st);
        if (strcmp(err.field, "created_at") != 0)
            fail_msg("'%s': field '%s'", bad[i], err.field);
        assert_true(t == 42);
    }
}

/* ---- Copenhagen ---- */

static void assert_cph(ov_time t, int offset, int y, int mo, int d, int h,
                       int mi)
{
    ov_local_time lt = ov_time_to_cph(t);
    ov_ymd got = ov_date_to_ymd(lt.date);
    char s[OV_TIME_BUF];
    ov_time_format_utc(t, s);
    if (lt.utc_offset_minutes != offset || got.year != y ||
        got.month != mo || got.day != d || lt.hour != h || lt.minute != mi)
        fail_msg("%s: got %04d-%02d-%02d %02d:%02d (+%d), want "
                 "%04d-%02d-%02d %02d:%02d (+%d)",
                 s, got.year, got.month, got.day, lt.hour, lt.minute,
                 lt.utc_offset_minutes, y, mo, d, h, mi, offset);
    if (ov_cph_offset_minutes(t) != offset)
        fail_msg("%s: ov_cph_offset_minutes %d, want %d", s,
                 ov_cph_offset_minutes(t), offset);
}

static void spring_change_2026_at_01_00_utc(void **state)
{
    (void)state;
    ov_time before = utc(2026, 3, 29, 0, 59, 59, 999);
    assert_cph(before, 60, 2026, 3, 29, 1, 59);
    ov_local_time lt = ov_time_to_cph(before);
    assert_int_equal(lt.second, 59);
    assert_int_equal(lt.millis, 999);
    assert_cph(utc(2026, 3, 29, 1, 0, 0, 0), 120, 2026, 3, 29, 3, 0);
    /* the day before and the week after */
    assert_cph(utc(2026, 3, 28, 12, 0, 0, 0), 60, 2026, 3, 28, 13, 0);
    assert_cph(utc(2026, 4, 5, 12, 0, 0, 0), 120, 2026, 4, 5, 14, 0);
}

static void autumn_change_2026_at_01_00_utc(void **state)
{
    (void)state;
    assert_cph(utc(2026, 10, 25, 0, 59, 59, 999), 120, 2026, 10, 25, 2, 59);
    assert_cph(utc(2026, 10, 25, 1, 0, 0, 0), 60, 2026, 10, 25, 2, 0);
    assert_cph(utc(2026, 10, 24, 12, 0, 0, 0), 120, 2026, 10, 24, 14, 0);
}

static void summer_time_1990_ended_on_the_last_sunday_of_september(
    void **state)
{
    (void)state;
    assert_int_equal(ov_date_weekday(D(1990, 9, 30)), 7);
    assert_cph(utc(1990, 9, 30, 0, 59, 59, 999), 120, 1990, 9, 30, 2, 59);
    assert_cph(utc(1990, 9, 30, 1, 0, 0, 0), 60, 1990, 9, 30, 2, 0);
    /* October 1990 was winter time (unlike after 1996) */
    assert_cph(utc(1990, 10, 15, 12, 0, 0, 0), 60, 1990, 10, 15, 13, 0);
    /* it began on the last Sunday of March, 25 March 1990 */
    assert_cph(utc(1990, 3, 25, 0, 59, 0, 0), 60, 1990, 3, 25, 1, 59);
    assert_cph(utc(1990, 3, 25, 1, 0, 0, 0), 120, 1990, 3, 25, 3, 0);
    /* 1995 still September, 1996 October (27 October 1996) */
    assert_cph(utc(1995, 10, 15, 12, 0, 0, 0), 60, 1995, 10, 15, 13, 0);
    assert_cph(utc(1996, 10, 15, 12, 0, 0, 0), 120, 1996, 10, 15, 14, 0);
    assert_cph(utc(1996, 10, 27, 1, 0, 0, 0), 60, 1996, 10, 27, 2, 0);
}

static void summer_time_1980_ran_from_6_april_to_28_september(void **state)
{
    (void)state;
    assert_cph(utc(1980, 4, 6, 0, 59, 0, 0), 60, 1980, 4, 6, 1, 59);
    assert_cph(utc(1980, 4, 6, 1, 0, 0, 0), 120, 1980, 4, 6, 3, 0);
    assert_cph(utc(1980, 9, 28, 0, 59, 0, 0), 120, 1980, 9, 28, 2, 59);
    assert_cph(utc(1980, 9, 28, 1, 0, 0, 0), 60, 1980, 9, 28, 2, 0);
}

static void year_1975_has_no_summer_time(void **state)
{
    (void)state;
    assert_cph(utc(1975, 7, 1, 12, 0, 0, 0), 60, 1975, 7, 1, 13, 0);
    assert_cph(utc(1975, 3, 30, 1, 0, 0, 0), 60, 1975, 3, 30, 2, 0);
    assert_cph(utc(1979, 8, 1, 12, 0, 0, 0), 60, 1979, 8, 1, 13, 0);
}

static void year_end_utc_is_new_year_in_copenhagen(void **state)
{
    (void)state;
    ov_time t = utc(2026, 12, 31, 23, 30, 0, 0);
    assert_cph(t, 60, 2027, 1, 1, 0, 30);
    char s[OV_TIME_BUF];
    ov_time_format_dk(t, s);
    assert_string_equal(s, "01-01-2027 00:30");
    /* also across 1970 with a negative instant */
    assert_cph(utc(1969, 12, 31, 23, 30, 0, 0), 60, 1970, 1, 1, 0, 30);
}

static void time_format_dk_shows_copenhagen_wall_clock(void **state)
{
    (void)state;
    char s[OV_TIME_BUF];
    ov_time_format_dk(utc(2026, 11, 22, 21, 38, 5, 123), s);
    assert_string_equal(s, "22-11-2026 22:38");
    ov_time_format_dk(utc(2026, 7, 1, 8, 5, 0, 0), s);
    assert_string_equal(s, "01-07-2026 10:05");
}

static void cph_to_time_rejects_the_spring_gap(void **state)
{
    (void)state;
    static const int minutes[] = {0, 30, 59};
    for (size_t i = 0; i < 3; i++) {
        ov_time t = 42;
        ov_err err;
        ov_err_clear(&err);
        assert_int_equal(
            ov_cph_to_time(D(2026, 3, 29), 2, minutes[i], 0, &t, &err),
            OV_EINVAL);
        assert_string_equal(err.field, "time");
        assert_non_null(strstr(err.msg, "29-03-2026"));
        assert_true(t == 42);
    }
    /* just outside the gap */
    ov_time t;
    assert_int_equal(ov_cph_to_time(D(2026, 3, 29), 1, 59, 59, &t, NULL),
                     OV_OK);
    assert_true(t == utc(2026, 3, 29, 0, 59, 59, 0));
    assert_int_equal(ov_cph_to_time(D(2026, 3, 29), 3, 0, 0, &t, NULL), OV_OK);
    assert_true(t == utc(2026, 3, 29, 1, 0, 0, 0));
}

static void cph_to_time_resolves_the_autumn_overlap_to_summer_time(
    void **state)
{
    (void)state;
    ov_time t;
    ov_err err;
    assert_int_equal(ov_cph_to_time(D(2026, 10, 25), 2, 30, 0, &t, &err),
                     OV_OK);
    assert_true(t == utc(2026, 10, 25, 0, 30, 0, 0));
    char s[OV_TIME_BUF];
    ov_time_format_utc(t, s);
    assert_string_equal(s, "2026-10-25T00:30:00.000Z");
    /* 03:00 that day is CET again */
    assert_int_equal(ov_cph_to_time(D(2026, 10, 25), 3, 0, 0, &t, &err),
                     OV_OK);
    assert_true(t == utc(2026, 10, 25, 2, 0, 0, 0));
    assert_int_equal(ov_cph_to_time(D(2026, 10, 25), 1, 59, 0, &t, &err),
                     OV_OK);
    assert_true(t == utc(2026, 10, 24, 23, 59, 0, 0));
}

static void cph_to_time_in_winter_and_summer(void **state)
{
    (void)state;
    ov_time t;
    ov_err err;
    assert_int_equal(ov_cph_to_time(D(2026, 1, 15), 12, 0, 0, &t, &err),
                     OV_OK);
    assert_true(t == utc(2026, 1, 15, 11, 0, 0, 0));
    assert_int_equal(ov_cph_to_time(D(2026, 7, 15), 12, 0, 0, &t, &err),
                     OV_OK);
    assert_true(t == utc(2026, 7, 15, 10, 0, 0, 0));
    /* midnight on 1 January is the previous day in UTC */
    assert_int_equal(ov_cph_to_time(D(2027, 1, 1), 0, 0, 0, &t, &err), OV_OK);
    assert_true(t == utc(2026, 12, 31, 23, 0, 0, 0));
    /* round trip through ov_time_to_cph */
    ov_local_time lt = ov_time_to_cph(t);
    assert_int_equal(lt.date, D(2027, 1, 1));
    assert_int_equal(lt.hour, 0);
}

static void cph_to_time_rejects_times_that_are_not_times_of_day(void **state)
{
    (void)state;
    ov_time t = 42;
    ov_err err;
    assert_int_equal(ov_cph_to_time(D(2026, 1, 15), 24, 0, 0, &t, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "time");
    assert_int_equal(ov_cph_to_time(D(2026, 1, 15), 12, 60, 0, &t, &err),
                     OV_EINVAL);
    assert_int_equal(ov_cph_to_time(D(2026, 1, 15), -1, 0, 0, &t, &err),
                     OV_EINVAL);
    assert_int_equal(ov_cph_to_time(D(2026, 1, 15), 12, 0, 60, &t, &err),
                     OV_EINVAL);
    assert_true(t == 42);
}

static void time_now_is_after_2024_and_today_is_the_copenhagen_date_of_now(
    void **state)
{
    (void)state;
    ov_time now = ov_time_now();
    assert_true(now > utc(2024, 1, 1, 0, 0, 0, 0));
    ov_date before = ov_time_to_cph(ov_time_now()).date;
    ov_date today = ov_today_cph();
    ov_date after = ov_time_to_cph(ov_time_now()).date;
    /* the Copenhagen date of now (either side of a midnight in between) */
    assert_true(today == before || today == after);
    ov_date utc_today = ov_time_utc_date(ov_time_now());
    assert_true(today == utc_today || today == utc_today + 1);
}

/* ---- properties over many dates ---- */

/* ISO 8601: a week belongs to the year of its Thursday, and week 1 holds
 * the year's first Thursday. Computed here from that rule alone. */
static void iso_week_is_the_week_of_its_thursday_for_every_day_1990_to_2040(
    void **state)
{
    (void)state;
    for (ov_date d = D(1990, 1, 1); d <= D(2040, 12, 31); d++) {
        ov_date thursday = d - ov_date_weekday(d) + 4;
        ov_ymd ty = ov_date_to_ymd(thursday);
        int want_week = (thursday - D(ty.year, 1, 1)) / 7 + 1;
        assert_iso_week(d, ty.year, want_week);
    }
}

/* The definition in the brief: for to >= from, the largest k with
 * add_months(from, k) <= to; for to < from, minus the count back. */
static void months_between_is_the_largest_k_with_add_months_not_past_to(
    void **state)
{
    (void)state;
    ov_date base = D(2023, 11, 25);
    for (ov_date a = base; a < base + 130; a += 3) {
        for (ov_date b = base - 40; b < base + 500; b++) {
            int k = ov_months_between(a, b);
            if (b >= a) {
                if (k < 0 || ov_date_add_months(a, k) > b ||
                    ov_date_add_months(a, k + 1) <= b)
                    fail_msg("months_between(%d, %d) = %d", (int)a, (int)b,
                             k);
            } else if (k != -ov_months_between(b, a)) {
                fail_msg("months_between(%d, %d) = %d, not antisymmetric",
                         (int)a, (int)b, k);
            }
        }
    }
}

static void months_between_at_month_ends_and_leap_days(void **state)
{
    (void)state;
    /* 29 Feb 2024 + 12 months is 28 Feb 2025 (clamped): one year */
    assert_int_equal(ov_months_between(D(2024, 2, 29), D(2025, 2, 28)), 12);
    assert_int_equal(ov_months_between(D(2024, 2, 29), D(2025, 2, 27)), 11);
    /* 31 March to 30 April is a whole month (April has no 31st) */
    assert_int_equal(ov_months_between(D(2025, 3, 31), D(2025, 4, 30)), 1);
    assert_int_equal(ov_months_between(D(2025, 3, 31), D(2025, 4, 29)), 0);
    /* across the year end */
    assert_int_equal(ov_months_between(D(2025, 12, 31), D(2026, 1, 31)), 1);
    assert_int_equal(ov_months_between(D(2025, 12, 31), D(2026, 2, 28)), 2);
    /* backwards through a clamp: from 28 Feb back to 31 Jan is not a month
     * (31 Jan + 1 month = 28 Feb, so the count is -1 by symmetry) */
    assert_int_equal(ov_months_between(D(2025, 2, 28), D(2025, 1, 31)), -1);
    assert_int_equal(ov_months_between(D(2025, 2, 28), D(2025, 2, 1)), 0);
}

static void age_on_29_feb_birthday_in_a_leap_year_and_before_birth(
    void **state)
{
    (void)state;
    ov_date born = D(1996, 2, 29);
    assert_int_equal(ov_age_on(born, D(2024, 2, 28)), 27);
    assert_int_equal(ov_age_on(born, D(2024, 2, 29)), 28);
    assert_int_equal(ov_age_on(born, D(2025, 2, 28)), 28);
    assert_int_equal(ov_age_on(born, D(2025, 3, 1)), 29);
    /* 31 December birthday at the year end */
    assert_int_equal(ov_age_on(D(2000, 12, 31), D(2018, 12, 30)), 17);
    assert_int_equal(ov_age_on(D(2000, 12, 31), D(2018, 12, 31)), 18);
    /* a date before the birth is a negative age, not 0 */
    assert_int_equal(ov_age_on(D(2000, 6, 1), D(2000, 5, 31)), -1);
}

/* Every quarter hour of 2026 read in Copenhagen and converted back gives
 * the same instant, except the second pass through the autumn overlap,
 * which resolves to the first (summer-time) one hour earlier. */
static void copenhagen_wall_clock_round_trips_every_quarter_hour_of_2026(
    void **state)
{
    (void)state;
    for (ov_time t = utc(2026, 1, 1, 0, 0, 0, 0);
         t < utc(2027, 1, 1, 0, 0, 0, 0); t += 15 * 60000LL) {
        ov_local_time lt = ov_time_to_cph(t);
        ov_time back = 0;
        ov_err err;
        ov_err_clear(&err);
        if (ov_cph_to_time(lt.date, lt.hour, lt.minute, lt.second, &back,
                           &err) != OV_OK)
            fail_msg("local time of %lld rejected: %s", (long long)t,
                     err.msg);
        bool overlap = t >= utc(2026, 10, 25, 1, 0, 0, 0) &&
                       t < utc(2026, 10, 25, 2, 0, 0, 0);
        ov_time want = overlap ? t - MS_HOUR : t;
        if (back != want)
            fail_msg("%lld came back as %lld", (long long)t,
                     (long long)back);
    }
}

/* ---- errors ---- */

static void utc_parse_errors_show_the_storage_form(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "2026-11-22T21:38:05Z",     /* no milliseconds */
        "2026-02-30T21:38:05.123Z", /* no such day */
        "2026-11-22T24:00:00.000Z", /* no such hour */
        "2026-11-2xT21:38:05.123Z", /* a letter */
        "0000-01-01T00:00:00.000Z", /* no year 0 */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ov_time t = 42;
        ov_err err;
        ov_err_clear(&err);
        assert_int_equal(
            ov_time_parse_utc(ov_str_c(bad[i]), "created_at", &t, &err),
            OV_EINVAL);
        assert_string_equal(err.field, "created_at");
        if (!strstr(err.msg, "YYYY-MM-DDTHH:MM:SS.mmmZ"))
            fail_msg("'%s': message does not show the form: %s", bad[i],
                     err.msg);
    }
}

static void impossible_date_message_names_the_month_and_its_length(
    void **state)
{
    (void)state;
    ov_date d;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_date_parse(ov_str_c("2026-04-31"), "d", &d, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "April 2026 has 30 days"));
    ov_err_clear(&err);
    assert_int_equal(ov_date_parse(ov_str_c("29.02.2023"), "d", &d, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "February 2023 has 28 days"));
    assert_non_null(strstr(err.msg, "DD-MM-YYYY"));
}

/* A CPR number typed into a date field must not be copied into the
 * message (messages can reach logs); neither may bytes that would make the
 * message invalid UTF-8 or carry control characters. Short ordinary
 * mistakes are still quoted. */
static void date_errors_quote_the_input_only_when_it_is_short_plain_text(
    void **state)
{
    (void)state;
    static const char *const unquoted[] = {
        "010190-1234", "0101901234", "a\xc3\xa6\xc3\xa6\xc3\xa6\xc3\xa6",
        "2026-11-2\x01", "this input is much longer than forty characters",
    };
    for (size_t i = 0; i < sizeof unquoted / sizeof unquoted[0]; i++) {
        ov_date d;
        ov_err err;
        ov_err_clear(&err);
        assert_int_equal(ov_date_parse(ov_str_c(unquoted[i]), "birth_date",
                                       &d, &err),
                         OV_EINVAL);
        assert_string_equal(err.field, "birth_date");
        if (strchr(err.msg, '\'') || !strstr(err.msg, "the value"))
            fail_msg("'%s' quoted: %s", unquoted[i], err.msg);
        assert_non_null(strstr(err.msg, "YYYY-MM-DD"));
        assert_true(ov_str_is_utf8(ov_str_c(err.msg)));
    }
    ov_date d;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_date_parse(ov_str_c("soon"), "--today", &d, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "--today: 'soon' is not a date"));
}

/* ---- the ends of the ranges ---- */

/* Extreme values are defined behaviour (the sanitizer build aborts on
 * signed overflow): conversions work on every ov_date, month arithmetic
 * saturates, and instants outside years 1-9999 print as the nearest end. */
static void extreme_dates_and_instants_do_not_overflow(void **state)
{
    (void)state;
    static const ov_date ends[] = {INT32_MAX, INT32_MIN, INT32_MAX - 1,
                                   INT32_MIN + 1};
    for (size_t i = 0; i < 4; i++) {
        ov_ymd y = ov_date_to_ymd(ends[i]);
        assert_int_equal(ov_date_from_ymd(y.year, y.month, y.day), ends[i]);
        int iy, w;
        ov_date_iso_week(ends[i], &iy, &w);
        assert_in_range(w, 1, 53);
    }
    assert_int_equal(ov_date_add_months(0, INT32_MAX), INT32_MAX);
    assert_int_equal(ov_date_add_months(0, INT32_MIN), INT32_MIN);
    assert_int_equal(ov_date_add_months(INT32_MAX, 1), INT32_MAX);
    assert_int_equal(ov_time_utc_date(INT64_MAX), INT32_MAX);
    assert_int_equal(ov_time_utc_date(INT64_MIN), INT32_MIN);

    char s[OV_TIME_BUF];
    ov_time back = 0;
    ov_time_format_utc(INT64_MAX, s);
    assert_string_equal(s, "9999-12-31T23:59:59.999Z");
    assert_int_equal(ov_time_parse_utc(ov_str_c(s), "at", &back, NULL), OV_OK);
    ov_time_format_utc(INT64_MIN, s);
    assert_string_equal(s, "0001-01-01T00:00:00.000Z");
    assert_int_equal(ov_time_parse_utc(ov_str_c(s), "at", &back, NULL), OV_OK);
    assert_true(back == -62135596800000LL);

    ov_local_time lt = ov_time_to_cph(INT64_MAX);
    assert_int_equal(lt.utc_offset_minutes, 60);
    assert_int_equal(ov_cph_offset_minutes(INT64_MIN), 60);
    ov_time_format_dk(INT64_MIN, s);
    assert_string_equal(s, "01-01-0001 01:00");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(leap_years_follow_the_gregorian_rule),
        cmocka_unit_test(
            ymd_valid_rejects_impossible_dates_and_years_outside_1_to_9999),
        cmocka_unit_test(epoch_1970_01_01_is_day_0),
        cmocka_unit_test(from_ymd_and_to_ymd_round_trip_every_day_1800_to_2200),
        cmocka_unit_test(weekday_2026_11_22_is_sunday_7),
        cmocka_unit_test(iso_weeks_at_year_ends),
        cmocka_unit_test(add_months_clamps_to_the_end_of_the_target_month),
        cmocka_unit_test(add_zero_months_is_the_same_date),
        cmocka_unit_test(add_negative_months_crosses_years),
        cmocka_unit_test(age_is_one_less_the_day_before_the_birthday),
        cmocka_unit_test(born_29_feb_becomes_older_on_1_march_in_common_years),
        cmocka_unit_test(
            months_between_counts_a_month_once_the_clamped_day_is_reached),
        cmocka_unit_test(months_between_is_negative_when_to_is_before_from),
        cmocka_unit_test(parse_iso_and_danish_forms),
        cmocka_unit_test(date_parse_accepts_iso_and_danish_forms),
        cmocka_unit_test(parse_leap_day_only_in_leap_years),
        cmocka_unit_test(
            malformed_dates_are_rejected_naming_the_field_and_the_format),
        cmocka_unit_test(impossible_dates_are_rejected_naming_the_field),
        cmocka_unit_test(impossible_date_messages_also_show_the_expected_format),
        cmocka_unit_test(format_iso_and_dk),
        cmocka_unit_test(utc_date_of_negative_times_rounds_down),
        cmocka_unit_test(utc_format_and_parse_round_trip_including_before_1970),
        cmocka_unit_test(malformed_utc_strings_are_rejected),
        cmocka_unit_test(spring_change_2026_at_01_00_utc),
        cmocka_unit_test(autumn_change_2026_at_01_00_utc),
        cmocka_unit_test(summer_time_1990_ended_on_the_last_sunday_of_september),
        cmocka_unit_test(summer_time_1980_ran_from_6_april_to_28_september),
        cmocka_unit_test(year_1975_has_no_summer_time),
        cmocka_unit_test(year_end_utc_is_new_year_in_copenhagen),
        cmocka_unit_test(time_format_dk_shows_copenhagen_wall_clock),
        cmocka_unit_test(cph_to_time_rejects_the_spring_gap),
        cmocka_unit_test(cph_to_time_resolves_the_autumn_overlap_to_summer_time),
        cmocka_unit_test(cph_to_time_in_winter_and_summer),
        cmocka_unit_test(cph_to_time_rejects_times_that_are_not_times_of_day),
        cmocka_unit_test(
            time_now_is_after_2024_and_today_is_the_copenhagen_date_of_now),
        cmocka_unit_test(
            iso_week_is_the_week_of_its_thursday_for_every_day_1990_to_2040),
        cmocka_unit_test(
            months_between_is_the_largest_k_with_add_months_not_past_to),
        cmocka_unit_test(months_between_at_month_ends_and_leap_days),
        cmocka_unit_test(
            age_on_29_feb_birthday_in_a_leap_year_and_before_birth),
        cmocka_unit_test(
            copenhagen_wall_clock_round_trips_every_quarter_hour_of_2026),
        cmocka_unit_test(utc_parse_errors_show_the_storage_form),
        cmocka_unit_test(
            impossible_date_message_names_the_month_and_its_length),
        cmocka_unit_test(
            date_errors_quote_the_input_only_when_it_is_short_plain_text),
        cmocka_unit_test(extreme_dates_and_instants_do_not_overflow),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
