/*
 * fuzz_date - dates, instants and the Danish number formats (src/core/
 * date.c, src/core/str.c ov_str_to_i64, src/core/fmt.c, and the hours
 * parser of src/model/placement.c).
 *
 * The first byte picks what the rest is:
 *   0 a date (ISO or Danish): it formats back to its input, in its form;
 *   1 a UTC instant in storage form: it formats back to its input;
 *   2 an integer: ov_fmt_int_dk and ov_fmt_kr give it back without their
 *     dots, comma and " kr.";
 *   3 hours per week ("12,5"): format and parse again give the same;
 *   4 8 bytes of an instant: Copenhagen local time converts back to it
 *     (an autumn hour that comes twice may give its summer-time twin);
 *     the calendar arithmetic around its date keeps its promises;
 *   5 8 bytes of a double and a byte of decimals: the Danish decimal is
 *     within half a unit of its last place of the value.
 */
#include "fuzz.h"

#include <math.h>

#include "core/date.h"
#include "core/fmt.h"
#include "model/placement.h"

#define MS_PER_DAY 86400000LL

static void date_round_trip(ov_str s)
{
    ov_date d;
    ov_err err;
    ov_err_clear(&err);
    if (ov_date_parse(s, "date", &d, &err) != OV_OK) {
        FUZZ_CHECK(err.code == OV_EINVAL && err.msg[0], "no reason");
        return;
    }
    ov_str t = ov_str_trim(s);
    FUZZ_CHECK(t.len == 10, "accepted %zu bytes", t.len);
    char out[OV_DATE_BUF];
    if (t.ptr[4] == '-') {
        ov_date_format_iso(d, out);
        FUZZ_CHECK(memcmp(out, t.ptr, 10) == 0 && out[10] == '\0',
                   "ISO date formats as %s", out);
    } else {
        ov_date_format_dk(d, out);
        char want[11];
        memcpy(want, t.ptr, 10);
        want[2] = want[5] = '-';
        want[10] = '\0';
        FUZZ_CHECK(strcmp(out, want) == 0, "Danish date formats as %s", out);
    }
    ov_ymd y = ov_date_to_ymd(d);
    FUZZ_CHECK(ov_ymd_valid(y.year, y.month, y.day) &&
                   ov_date_from_ymd(y.year, y.month, y.day) == d,
               "%d-%d-%d", y.year, y.month, y.day);
}

static void time_round_trip(ov_str s)
{
    ov_time t;
    if (ov_time_parse_utc(s, "at", &t, NULL) != OV_OK)
        return;
    char out[OV_TIME_BUF];
    ov_time_format_utc(t, out);
    FUZZ_CHECK(strlen(out) == s.len && memcmp(out, s.ptr, s.len) == 0,
               "formats as %s", out);
}

/* Keep the digits and '-' of a formatted number. */
static size_t digits_of(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = in; *p && n + 1 < cap; p++)
        if ((*p >= '0' && *p <= '9') || *p == '-')
            out[n++] = *p;
    out[n] = '\0';
    return n;
}

static void integer_round_trip(ov_str s)
{
    int64_t v;
    if (ov_str_to_i64(s, &v) != OV_OK)
        return;
    char out[OV_FMT_BUF], dig[OV_FMT_BUF];
    ov_fmt_int_dk(v, out);
    size_t n = digits_of(out, dig, sizeof dig);
    int64_t back;
    FUZZ_CHECK(ov_str_to_i64((ov_str){dig, n}, &back) == OV_OK && back == v,
               "%lld formats as %s", (long long)v, out);
    /* money: whole kroner without decimals, else two after the comma */
    ov_fmt_kr(v, out);
    size_t len = strlen(out);
    FUZZ_CHECK(len > 4 && strcmp(out + len - 4, " kr.") == 0, "%s", out);
    const char *comma = strchr(out, ',');
    FUZZ_CHECK(comma ? v % 100 != 0 && comma + 3 == out + len - 4
                     : v % 100 == 0,
               "%lld øre as %s", (long long)v, out);
    n = digits_of(out, dig, sizeof dig);
    if (!comma) {
        FUZZ_CHECK(n + 2 < sizeof dig, "%s", out);
        dig[n++] = '0';
        dig[n++] = '0';
    }
    FUZZ_CHECK(ov_str_to_i64((ov_str){dig, n}, &back) == OV_OK && back == v,
               "%lld øre as %s", (long long)v, out);
}

static void hours_round_trip(ov_str s)
{
    int x10;
    if (ov_hours_parse(s, "hours", &x10, NULL) != OV_OK)
        return;
    FUZZ_CHECK(x10 >= 0 && x10 <= OV_HOURS_MAX_X10, "%d", x10);
    char out[16];
    ov_hours_format(x10, out);
    int again;
    FUZZ_CHECK(ov_hours_parse(ov_str_c(out), "hours", &again, NULL) ==
                       OV_OK &&
                   again == x10,
               "%d formats as %s", x10, out);
}

static int64_t i64_of(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return (int64_t)v;
}

static void instant_checks(const uint8_t *p, size_t n)
{
    if (n < 12)
        return;
    /* an instant in years 1-9999 */
    const ov_time lo = (ov_time)ov_date_from_ymd(1, 1, 2) * MS_PER_DAY;
    const ov_time hi = (ov_time)ov_date_from_ymd(9999, 12, 30) * MS_PER_DAY;
    uint64_t span = (uint64_t)(hi - lo);
    ov_time t = lo + (ov_time)((uint64_t)i64_of(p) % span);
    ov_local_time lt = ov_time_to_cph(t);
    FUZZ_CHECK(lt.utc_offset_minutes == 60 || lt.utc_offset_minutes == 120,
               "offset %d", lt.utc_offset_minutes);
    ov_time back;
    ov_err err;
    FUZZ_CHECK(ov_cph_to_time(lt.date, lt.hour, lt.minute, lt.second, &back,
                              &err) == OV_OK,
               "local time of %lld does not exist: %s", (long long)t,
               err.msg);
    ov_time want = t - lt.millis;
    FUZZ_CHECK(back == want ||
                   (lt.utc_offset_minutes == 60 && back == want - 3600000),
               "%lld comes back as %lld", (long long)t, (long long)back);
    char out[OV_TIME_BUF];
    ov_time_format_utc(t, out);
    ov_time parsed;
    FUZZ_CHECK(ov_time_parse_utc(ov_str_c(out), "at", &parsed, NULL) == OV_OK &&
                   parsed == t,
               "%s", out);

    /* calendar arithmetic on its date */
    ov_date d = ov_time_utc_date(t);
    ov_ymd y = ov_date_to_ymd(d);
    int wd = ov_date_weekday(d);
    FUZZ_CHECK(wd >= 1 && wd <= 7 && ov_date_weekday(d + 1) == wd % 7 + 1,
               "weekday %d", wd);
    int iy, week;
    ov_date_iso_week(d, &iy, &week);
    FUZZ_CHECK(week >= 1 && week <= 53 && iy >= y.year - 1 &&
                   iy <= y.year + 1,
               "week %d-W%d", iy, week);
    int months = (int)(int8_t)p[8] * 10 + (int)(int8_t)p[9];
    ov_date m = ov_date_add_months(d, months);
    ov_ymd my = ov_date_to_ymd(m);
    int64_t want_month = (int64_t)y.year * 12 + (y.month - 1) + months;
    if (want_month >= 12 && want_month < 10000 * 12) {
        FUZZ_CHECK((int64_t)my.year * 12 + (my.month - 1) == want_month &&
                       my.day == (y.day < ov_days_in_month(my.year, my.month)
                                      ? y.day
                                      : ov_days_in_month(my.year, my.month)),
                   "%d-%d-%d + %d months = %d-%d-%d", y.year, y.month, y.day,
                   months, my.year, my.month, my.day);
    }
    ov_date on = d + (int)(uint16_t)(p[10] << 8 | p[11]) * 3;
    int age = ov_age_on(d, on);
    FUZZ_CHECK(age >= 0 && age <= ov_age_on(d, on + 1) &&
                   ov_age_on(d, on + 1) <= age + 1,
               "age %d", age);
}

static void decimal_checks(const uint8_t *p, size_t n)
{
    if (n < 9)
        return;
    double v;
    uint64_t bits = (uint64_t)i64_of(p);
    memcpy(&v, &bits, sizeof v);
    int decimals = p[8] % 7;
    char out[OV_FMT_BUF];
    ov_fmt_decimal_dk(v, decimals, out);
    FUZZ_CHECK(strlen(out) < OV_FMT_BUF, "unterminated");
    if (!isfinite(v) || fabs(v) >= 1e15)
        return;
    /* back to a C number: drop the dots, the comma is the point */
    char c[OV_FMT_BUF];
    size_t k = 0;
    for (const char *q = out; *q; q++) {
        FUZZ_CHECK((*q >= '0' && *q <= '9') || *q == '.' || *q == ',' ||
                       (*q == '-' && q == out),
                   "%s", out);
        if (*q != '.')
            c[k++] = *q == ',' ? '.' : *q;
    }
    c[k] = '\0';
    const char *comma = strchr(out, ',');
    FUZZ_CHECK(decimals ? comma && strlen(comma + 1) == (size_t)decimals
                        : !comma,
               "%s with %d decimals", out, decimals);
    double back = strtod(c, NULL);
    double unit = pow(10, -decimals);
    FUZZ_CHECK(fabs(back - v) <= unit / 2 + fabs(v) * 1e-15 + 1e-300,
               "%.17g with %d decimals is %s", v, decimals, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ov_str s = fuzz_str(data + 1, size - 1);
    switch (data[0] % 6) {
    case 0: date_round_trip(s); break;
    case 1: time_round_trip(s); break;
    case 2: integer_round_trip(s); break;
    case 3: hours_round_trip(s); break;
    case 4: instant_checks(data + 1, size - 1); break;
    default: decimal_checks(data + 1, size - 1); break;
    }
    return 0;
}
