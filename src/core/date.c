#include "core/date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define MS_PER_DAY 86400000LL

bool ov_is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int ov_days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && ov_is_leap_year(y) ? 29 : days[m - 1];
}

bool ov_ymd_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= ov_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil, in 64 bits so that no year an int can
 * hold overflows; callers narrow (and saturate) to ov_date. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The nearest ov_date to a day count that may lie outside its range. */
static ov_date saturate_date(int64_t days)
{
    if (days > INT32_MAX)
        return INT32_MAX;
    if (days < INT32_MIN)
        return INT32_MIN;
    return (ov_date)days;
}

ov_date ov_date_from_ymd(int y, int m, int d)
{
    return saturate_date(days_from_civil(y, m, d));
}

/* Howard Hinnant's civil_from_days; 64-bit so every ov_date converts. */
ov_ymd ov_date_to_ymd(ov_date z0)
{
    const int64_t z = (int64_t)z0 + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = yoe + era * 400;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    const int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (ov_ymd){(int)(y + (m <= 2)), m, d};
}

int ov_date_weekday(ov_date d)
{
    /* 1970-01-01 was a Thursday (4) */
    int w = (int)((d % 7 + 7) % 7); /* 0 = Thursday */
    return (w + 3) % 7 + 1;
}

static int iso_weeks_in_year(int y)
{
    /* a year has 53 weeks when 1 January is a Thursday, or a Wednesday in a
     * leap year */
    int64_t jan1_day = days_from_civil(y, 1, 1);
    int jan1 = (int)(((jan1_day + 3) % 7 + 7) % 7) + 1; /* day 0: Thursday */
    return jan1 == 4 || (jan1 == 3 && ov_is_leap_year(y)) ? 53 : 52;
}

void ov_date_iso_week(ov_date d, int *iso_year, int *week)
{
    ov_ymd ymd = ov_date_to_ymd(d);
    int wd = ov_date_weekday(d);
    int ordinal = (int)(d - days_from_civil(ymd.year, 1, 1)) + 1;
    int w = (ordinal - wd + 10) / 7;
    int y = ymd.year;
    if (w < 1) {
        y--;
        w = iso_weeks_in_year(y);
    } else if (w > iso_weeks_in_year(y)) {
        y++;
        w = 1;
    }
    *iso_year = y;
    *week = w;
}

/* Works on a 64-bit month count, so any `months` is defined behaviour; a
 * result past either end of ov_date's range saturates there. */
ov_date ov_date_add_months(ov_date d, int months)
{
    ov_ymd a = ov_date_to_ymd(d);
    int64_t total = (int64_t)a.year * 12 + (a.month - 1) + months;
    int64_t y = total >= 0 ? total / 12 : -((-total + 11) / 12);
    int m = (int)(total - y * 12) + 1;
    /* ov_days_in_month only needs the year's leap-ness, which repeats
     * every 400 years; y % 400 keeps it in int range */
    int dim = ov_days_in_month((int)(y % 400), m);
    return saturate_date(days_from_civil(y, m, a.day > dim ? dim : a.day));
}

int ov_age_on(ov_date birth, ov_date on)
{
    ov_ymd b = ov_date_to_ymd(birth), o = ov_date_to_ymd(on);
    int age = o.year - b.year;
    /* the birthday this year; 29 February counts as 1 March in common
     * years */
    int bm = b.month, bd = b.day;
    if (bm == 2 && bd == 29 && !ov_is_leap_year(o.year)) {
        bm = 3;
        bd = 1;
    }
    if (o.month < bm || (o.month == bm && o.day < bd))
        age--;
    return age;
}

int ov_months_between(ov_date from, ov_date to)
{
    if (to < from)
        return -ov_months_between(to, from);
    ov_ymd a = ov_date_to_ymd(from), b = ov_date_to_ymd(to);
    int k = (b.year - a.year) * 12 + (b.month - a.month);
    while (k > 0 && ov_date_add_months(from, k) > to)
        k--;
    return k;
}

static int digits(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

/* Whether a rejected input may be quoted back in a message: short,
 * printable ASCII (no half UTF-8 sequences, no control bytes), and fewer
 * than ten digits, so a CPR number typed into a date field is not copied
 * into a message that may end up in a log. */
static bool echo_ok(ov_str s)
{
    if (s.len > 40)
        return false;
    int ndigits = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c < 0x20 || c > 0x7e)
            return false;
        ndigits += c >= '0' && c <= '9';
    }
    return ndigits < 10;
}

/* The value as an error message shows it: quoted when echo_ok, else "the
 * value" (the English message reads "date: 'x' is not a date" or "date:
 * the value is not a date"; the Danish texts do not repeat it). The text
 * lives in the caller's buffer q until ov_err_msg copies it. */
static const char *echo(ov_str s, char *q, size_t cap)
{
    if (!echo_ok(s))
        return "the value";
    snprintf(q, cap, "'%.*s'", (int)s.len, s.len ? s.ptr : "");
    return q;
}

/* The expected format (ISO or Danish) is shown in every message so the
 * user sees both what is wrong and what is expected. */
static ov_status check_ymd(ov_str s, int y, int m, int d, const char *field,
                           bool iso, ov_date *out, ov_err *err)
{
    const char *f = field ? field : "date";
    char q[48], mm[16];
    if (m < 1 || m > 12) {
        snprintf(mm, sizeof mm, "%02d", m);
        return iso ? ov_err_msg(err, OV_EINVAL, f, date_month_iso, f,
                                echo(s, q, sizeof q), mm)
                   : ov_err_msg(err, OV_EINVAL, f, date_month_dk, f,
                                echo(s, q, sizeof q), mm);
    }
    if (y < 1)
        return iso ? ov_err_msg(err, OV_EINVAL, f, date_year_iso, f,
                                echo(s, q, sizeof q))
                   : ov_err_msg(err, OV_EINVAL, f, date_year_dk, f,
                                echo(s, q, sizeof q));
    if (d < 1 || d > ov_days_in_month(y, m)) {
        static const char *const month_names[] = {
            "January", "February", "March",     "April",   "May",
            "June",    "July",     "August",    "September", "October",
            "November", "December"};
        return iso ? ov_err_msg(err, OV_EINVAL, f, date_day_iso, f,
                                echo(s, q, sizeof q), month_names[m - 1], y,
                                ov_days_in_month(y, m))
                   : ov_err_msg(err, OV_EINVAL, f, date_day_dk, f,
                                echo(s, q, sizeof q), month_names[m - 1], y,
                                ov_days_in_month(y, m));
    }
    *out = ov_date_from_ymd(y, m, d);
    return OV_OK;
}

ov_status ov_date_parse_iso(ov_str s, const char *field, ov_date *out,
                            ov_err *err)
{
    s = ov_str_trim(s);
    const char *f = field ? field : "date";
    char q[48];
    if (s.len != 10 || s.ptr[4] != '-' || s.ptr[7] != '-')
        return ov_err_msg(err, OV_EINVAL, f, date_not_iso, f,
                          echo(s, q, sizeof q));
    int y = digits(s.ptr, 4), m = digits(s.ptr + 5, 2), d = digits(s.ptr + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return ov_err_msg(err, OV_EINVAL, f, date_not_iso, f,
                          echo(s, q, sizeof q));
    return check_ymd(s, y, m, d, field, true, out, err);
}

ov_status ov_date_parse_dk(ov_str s, const char *field, ov_date *out,
                           ov_err *err)
{
    const char *f = field ? field : "date";
    char q[48];
    s = ov_str_trim(s);
    if (s.len != 10 || s.ptr[2] != s.ptr[5] ||
        (s.ptr[2] != '-' && s.ptr[2] != '.'))
        return ov_err_msg(err, OV_EINVAL, f, date_not_dk, f,
                          echo(s, q, sizeof q));
    int d = digits(s.ptr, 2), m = digits(s.ptr + 3, 2), y = digits(s.ptr + 6, 4);
    if (y < 0 || m < 0 || d < 0)
        return ov_err_msg(err, OV_EINVAL, f, date_not_dk, f,
                          echo(s, q, sizeof q));
    return check_ymd(s, y, m, d, field, false, out, err);
}

ov_status ov_date_parse(ov_str s, const char *field, ov_date *out, ov_err *err)
{
    ov_str t = ov_str_trim(s);
    if (t.len == 10 && t.ptr[4] == '-')
        return ov_date_parse_iso(t, field, out, err);
    if (t.len == 10 && (t.ptr[2] == '-' || t.ptr[2] == '.'))
        return ov_date_parse_dk(t, field, out, err);
    const char *f = field ? field : "date";
    char q[48];
    return ov_err_msg(err, OV_EINVAL, f, date_not_a_date, f,
                      echo(t, q, sizeof q));
}

/* Two digits, and four, written directly: pages show dozens of dates. */
static char *put2(char *p, int v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
    return p + 2;
}

static char *put4(char *p, int v)
{
    p = put2(p, v / 100);
    return put2(p, v % 100);
}

void ov_date_format_iso(ov_date d, char out[OV_DATE_BUF])
{
    ov_ymd y = ov_date_to_ymd(d);
    if (y.year < 0 || y.year > 9999) {
        snprintf(out, OV_DATE_BUF, "%04d-%02d-%02d", y.year, y.month, y.day);
        return;
    }
    char *p = put4(out, y.year);
    *p++ = '-';
    p = put2(p, y.month);
    *p++ = '-';
    p = put2(p, y.day);
    *p = '\0';
}

void ov_date_format_dk(ov_date d, char out[OV_DATE_BUF])
{
    ov_ymd y = ov_date_to_ymd(d);
    if (y.year < 0 || y.year > 9999) {
        snprintf(out, OV_DATE_BUF, "%02d-%02d-%04d", y.day, y.month, y.year);
        return;
    }
    char *p = put2(out, y.day);
    *p++ = '-';
    p = put2(p, y.month);
    *p++ = '-';
    p = put4(p, y.year);
    *p = '\0';
}

ov_time ov_time_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (ov_time)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

ov_date ov_time_utc_date(ov_time t)
{
    return saturate_date(floor_div(t, MS_PER_DAY));
}

/* The instants the fixed-width forms can show: 0001-01-01T00:00:00.000Z to
 * 9999-12-31T23:59:59.999Z. Display clamps to them, so a corrupt value
 * prints as the nearest end instead of overflowing. */
#define TIME_MIN (-62135596800000LL)
#define TIME_MAX (253402300799999LL)

static ov_time clamp_time(ov_time t)
{
    return t < TIME_MIN ? TIME_MIN : t > TIME_MAX ? TIME_MAX : t;
}

ov_date ov_today_cph(void)
{
    return ov_time_to_cph(ov_time_now()).date;
}

/* Always the 24-character storage form; instants outside years 1-9999 are
 * clamped (see clamp_time), so the output always parses back. */
void ov_time_format_utc(ov_time t, char out[OV_TIME_BUF])
{
    t = clamp_time(t);
    ov_date d = ov_time_utc_date(t);
    int64_t ms = t - (int64_t)d * MS_PER_DAY;
    ov_ymd y = ov_date_to_ymd(d);
    snprintf(out, OV_TIME_BUF, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y.year,
             y.month, y.day, (int)(ms / 3600000), (int)(ms / 60000 % 60),
             (int)(ms / 1000 % 60), (int)(ms % 1000));
}

/* Exactly the storage form written by ov_time_format_utc: no blanks, no
 * other offsets, no missing milliseconds. */
ov_status ov_time_parse_utc(ov_str s, const char *field, ov_time *out,
                            ov_err *err)
{
    const char *f = field ? field : "time";
    if (s.len != 24 || s.ptr[4] != '-' || s.ptr[7] != '-' ||
        s.ptr[10] != 'T' || s.ptr[13] != ':' || s.ptr[16] != ':' ||
        s.ptr[19] != '.' || s.ptr[23] != 'Z')
        return ov_err_msg(err, OV_EINVAL, f, date_utc_form, f);
    int y = digits(s.ptr, 4), mo = digits(s.ptr + 5, 2),
        d = digits(s.ptr + 8, 2), h = digits(s.ptr + 11, 2),
        mi = digits(s.ptr + 14, 2), sec = digits(s.ptr + 17, 2),
        ms = digits(s.ptr + 20, 3);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || ms < 0)
        return ov_err_msg(err, OV_EINVAL, f, date_utc_digit, f);
    if (!ov_ymd_valid(y, mo, d))
        return ov_err_msg(err, OV_EINVAL, f, date_utc_calendar, f,
                          ov_arg_strn(s.ptr, 10));
    if (h > 23 || mi > 59 || sec > 59)
        return ov_err_msg(err, OV_EINVAL, f, date_utc_time_of_day, f,
                          ov_arg_strn(s.ptr + 11, 12));
    *out = (ov_time)ov_date_from_ymd(y, mo, d) * MS_PER_DAY +
           (ov_time)h * 3600000 + (ov_time)mi * 60000 + (ov_time)sec * 1000 +
           ms;
    return OV_OK;
}

/* Last Sunday of a month. */
static ov_date last_sunday(int y, int m)
{
    ov_date last = ov_date_from_ymd(y, m, ov_days_in_month(y, m));
    return last - (ov_date_weekday(last) % 7);
}

/* Summer time interval [start, end) in UTC ms for a year; false when the
 * year had none. */
static bool summer_time(int y, ov_time *start, ov_time *end)
{
    ov_date s, e;
    if (y < 1980)
        return false;
    if (y == 1980) {
        s = ov_date_from_ymd(1980, 4, 6);
        e = ov_date_from_ymd(1980, 9, 28);
    } else {
        s = last_sunday(y, 3);
        e = y <= 1995 ? last_sunday(y, 9) : last_sunday(y, 10);
    }
    /* 01:00 UTC both ways (02:00 CET -> 03:00 CEST; 03:00 CEST -> 02:00) */
    *start = (ov_time)s * MS_PER_DAY + 3600000;
    *end = (ov_time)e * MS_PER_DAY + 3600000;
    return true;
}

int ov_cph_offset_minutes(ov_time t)
{
    ov_time s, e;
    int y = ov_date_to_ymd(ov_time_utc_date(t)).year;
    if (summer_time(y, &s, &e) && t >= s && t < e)
        return 120;
    return 60;
}

/* Instants outside years 1-9999 are clamped first (see clamp_time). */
ov_local_time ov_time_to_cph(ov_time t)
{
    ov_local_time lt;
    t = clamp_time(t);
    lt.utc_offset_minutes = ov_cph_offset_minutes(t);
    ov_time local = t + (ov_time)lt.utc_offset_minutes * 60000;
    lt.date = ov_time_utc_date(local);
    int64_t ms = local - (int64_t)lt.date * MS_PER_DAY;
    lt.hour = (int)(ms / 3600000);
    lt.minute = (int)(ms / 60000 % 60);
    lt.second = (int)(ms / 1000 % 60);
    lt.millis = (int)(ms % 1000);
    return lt;
}

void ov_time_format_dk(ov_time t, char out[OV_TIME_BUF])
{
    ov_local_time lt = ov_time_to_cph(t);
    ov_ymd y = ov_date_to_ymd(lt.date);
    snprintf(out, OV_TIME_BUF, "%02d-%02d-%04d %02d:%02d", y.day, y.month,
             y.year, lt.hour, lt.minute);
}

ov_status ov_cph_to_time(ov_date date, int hour, int minute, int second,
                         ov_time *out, ov_err *err)
{
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 59) {
        char hms[48];
        snprintf(hms, sizeof hms, "%02d:%02d:%02d", hour, minute, second);
        return ov_err_msg(err, OV_EINVAL, "time", date_time_of_day, hms);
    }
    ov_time wall = (ov_time)date * MS_PER_DAY + (ov_time)hour * 3600000 +
                   minute * 60000 + second * 1000;
    /* try summer time first (resolves the autumn overlap to CEST) */
    ov_time t = wall - 120 * 60000;
    if (ov_cph_offset_minutes(t) == 120) {
        *out = t;
        return OV_OK;
    }
    t = wall - 60 * 60000;
    if (ov_cph_offset_minutes(t) == 60) {
        *out = t;
        return OV_OK;
    }
    char d[OV_DATE_BUF];
    ov_date_format_dk(date, d);
    char hm[32], later[32];
    snprintf(hm, sizeof hm, "%02d:%02d", hour, minute);
    snprintf(later, sizeof later, "03:%02d", minute);
    return ov_err_msg(err, OV_EINVAL, "time", date_time_dst_gap, hm, d, later);
}
