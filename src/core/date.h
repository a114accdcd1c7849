/*
 * date.h - civil dates, UTC timestamps, Europe/Copenhagen local time.
 *
 * Dates (a meeting date, a birth date, a deadline) are civil dates with no
 * time zone: ov_date counts days since 1970-01-01 in the proleptic Gregorian
 * calendar. Instants (audit rows, log-ins) are ov_time: milliseconds since
 * the Unix epoch, always UTC in storage, shown in Europe/Copenhagen.
 *
 * Copenhagen time is computed from the rules, not from the TZ database, so
 * it is thread-safe and the same on every machine: CET (UTC+1), with summer
 * time (CEST, UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC
 * on the last Sunday of October since 1996; 1981-1995 summer time ended on
 * the last Sunday of September; 1980: 6 April to 28 September; none before.
 */
#ifndef OV_CORE_DATE_H
#define OV_CORE_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/str.h"

typedef int32_t ov_date; /* days since 1970-01-01 */
typedef int64_t ov_time; /* milliseconds since 1970-01-01T00:00:00Z */

typedef struct ov_ymd {
    int year, month, day;
} ov_ymd;

bool ov_is_leap_year(int year);
int ov_days_in_month(int year, int month); /* 0 when month is not 1-12 */
bool ov_ymd_valid(int year, int month, int day); /* years 1-9999 */
ov_date ov_date_from_ymd(int year, int month, int day); /* must be valid */
ov_ymd ov_date_to_ymd(ov_date d);

/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int ov_date_weekday(ov_date d);
/* ISO 8601 week; the week-year may differ from the calendar year
 * (2026-12-31 is in 2026-W53, 2027-01-01 too). */
void ov_date_iso_week(ov_date d, int *iso_year, int *week);

/* Add calendar months; a day past the end of the target month is clamped
 * (31-01 + 1 month = 28-02 or 29-02). months may be negative. */
ov_date ov_date_add_months(ov_date d, int months);

/* Completed years of age on `on`. A person born on 29 February becomes a
 * year older on 1 March in common years (Danish practice). */
int ov_age_on(ov_date birth, ov_date on);

/* Whole calendar months from `from` to `to` (negative when to < from);
 * a month counts once the same day-of-month is reached (clamped). */
int ov_months_between(ov_date from, ov_date to);

/* Parsing. ISO "2026-11-22" or Danish "22-11-2026" (also "22.11.2026");
 * ov_date_parse accepts both. Errors name `field` and show the format. */
ov_status ov_date_parse_iso(ov_str s, const char *field, ov_date *out, ov_err *err);
ov_status ov_date_parse_dk(ov_str s, const char *field, ov_date *out, ov_err *err);
ov_status ov_date_parse(ov_str s, const char *field, ov_date *out, ov_err *err);

#define OV_DATE_BUF 16
void ov_date_format_iso(ov_date d, char out[OV_DATE_BUF]); /* 2026-11-22 */
void ov_date_format_dk(ov_date d, char out[OV_DATE_BUF]);  /* 22-11-2026 */

/* Instants. */
ov_time ov_time_now(void);
ov_date ov_time_utc_date(ov_time t);
/* Today's date in Copenhagen. */
ov_date ov_today_cph(void);

#define OV_TIME_BUF 32
/* Storage form: "2026-11-22T21:38:05.123Z" (always UTC, fixed width). */
void ov_time_format_utc(ov_time t, char out[OV_TIME_BUF]);
ov_status ov_time_parse_utc(ov_str s, const char *field, ov_time *out, ov_err *err);

/* Copenhagen local time of an instant. */
typedef struct ov_local_time {
    ov_date date;
    int hour, minute, second, millis;
    int utc_offset_minutes; /* 60 (CET) or 120 (CEST) */
} ov_local_time;

int ov_cph_offset_minutes(ov_time t);
ov_local_time ov_time_to_cph(ov_time t);
/* Display form "22-11-2026 22:38" in Copenhagen time. */
void ov_time_format_dk(ov_time t, char out[OV_TIME_BUF]);

/* Copenhagen wall-clock time to an instant. A time in the spring gap
 * (02:00-02:59 on the change day) is an error; an ambiguous autumn time
 * (02:00-02:59 twice) resolves to the first, summer-time, occurrence. */
ov_status ov_cph_to_time(ov_date date, int hour, int minute, int second,
                         ov_time *out, ov_err *err);

#endif
