/*
 * ical.h - an iCalendar (RFC 5545) writer for the staff's calendar feed:
 * one VCALENDAR of all-day VEVENTs.
 *
 * Why a writer of our own: the feed needs a dozen properties, and the
 * rules that calendar programs are strict about are few and mechanical;
 * they are all here, and tests/report/test_ical.c parses the output with
 * libical (a test-only dependency) and checks every event:
 *  - every line ends in CRLF (3.1);
 *  - a content line longer than 75 octets is folded: CRLF and one space,
 *    never inside a UTF-8 sequence (3.1);
 *  - TEXT values escape backslash, semicolon and comma with a backslash
 *    and a newline as "\n"; a CR is dropped (3.3.11);
 *  - UID and DTSTAMP on every event (3.6.1), DTSTAMP in UTC;
 *  - an all-day item has DTSTART;VALUE=DATE and DTEND;VALUE=DATE the day
 *    after (3.6.1: the end is exclusive).
 * Control characters other than newline and tab are left out of TEXT
 * values (they are not allowed in a content line).
 *
 * Caps: the calendar lives in a capped buffer (ov_ical_begin's max);
 * past it ov_ical_end fails with OV_ETOOBIG instead of cutting an event.
 */
#ifndef OV_REPORT_ICAL_H
#define OV_REPORT_ICAL_H

#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef struct ov_ical {
    ov_buf b;
    int nevents;
} ov_ical;

typedef struct ov_ical_event {
    ov_str uid;         /* stable across feeds: the same item, the same UID */
    ov_date date;       /* all day */
    ov_str summary;     /* TEXT */
    ov_str description; /* TEXT, may be empty */
    ov_str category;    /* TEXT, may be empty */
} ov_ical_event;

/* Start a calendar named `name` (X-WR-CALNAME, which calendar programs
 * show) at most `max` bytes long, in the arena. */
void ov_ical_begin(ov_ical *c, ov_arena *a, size_t max, ov_str name);
/* One all-day event, stamped `stamp` (DTSTAMP: when the feed was made). */
void ov_ical_event_add(ov_ical *c, const ov_ical_event *e, ov_time stamp);
/* End the calendar; *out is the whole text. */
ov_status ov_ical_end(ov_ical *c, ov_str *out, ov_err *err);

/* For tests: TEXT escaping of s into the buffer (no folding). */
void ov_ical_escape_text(ov_buf *b, ov_str s);

#endif
