/*
 * ical.c - the iCalendar writer of ical.h. Each property is built as one
 * unfolded content line in a scratch buffer, then copied out folded.
 */
#include "report/ical.h"

#include <stdio.h>
#include <string.h>

#define FOLD_AT 75 /* octets per line, without the CRLF */

void ov_ical_escape_text(ov_buf *b, ov_str s)
{
    for (size_t i = 0; i < s.len; i++) {
        unsigned char ch = (unsigned char)s.ptr[i];
        switch (ch) {
        case '\\': ov_buf_append(b, "\\\\", 2); break;
        case ';': ov_buf_append(b, "\\;", 2); break;
        case ',': ov_buf_append(b, "\\,", 2); break;
        case '\n': ov_buf_append(b, "\\n", 2); break;
        case '\r': break;
        case '\t': ov_buf_append_byte(b, ' '); break;
        default:
            if (ch < 0x20 || ch == 0x7f)
                break; /* not allowed in a content line */
            ov_buf_append_byte(b, (char)ch);
        }
    }
}

/* Copy one content line out, folded at 75 octets, never splitting a
 * UTF-8 sequence (a continuation byte never starts a new line). */
static void emit(ov_ical *c, ov_str line)
{
    size_t col = 0;
    for (size_t i = 0; i < line.len;) {
        size_t n = 1;
        unsigned char ch = (unsigned char)line.ptr[i];
        if (ch >= 0xf0)
            n = 4;
        else if (ch >= 0xe0)
            n = 3;
        else if (ch >= 0xc0)
            n = 2;
        if (i + n > line.len)
            n = line.len - i;
        if (col + n > FOLD_AT) {
            ov_buf_append(&c->b, "\r\n ", 3);
            col = 1; /* the leading space counts */
        }
        ov_buf_append(&c->b, line.ptr + i, n);
        col += n;
        i += n;
    }
    ov_buf_append(&c->b, "\r\n", 2);
}

static void prop(ov_ical *c, const char *name, ov_str value, bool text)
{
    ov_buf line;
    ov_buf_init(&line, c->b.arena, 64 * 1024);
    ov_buf_append_c(&line, name);
    ov_buf_append_byte(&line, ':');
    if (text)
        ov_ical_escape_text(&line, value);
    else
        ov_buf_append_str(&line, value);
    emit(c, ov_buf_str(&line));
}

void ov_ical_begin(ov_ical *c, ov_arena *a, size_t max, ov_str name)
{
    memset(c, 0, sizeof *c);
    ov_buf_init(&c->b, a, max);
    prop(c, "BEGIN", OV_STR_LIT("VCALENDAR"), false);
    prop(c, "VERSION", OV_STR_LIT("2.0"), false);
    prop(c, "PRODID", OV_STR_LIT("-//overgang//overgang " OV_VERSION "//DA"),
         false);
    prop(c, "CALSCALE", OV_STR_LIT("GREGORIAN"), false);
    prop(c, "METHOD", OV_STR_LIT("PUBLISH"), false);
    prop(c, "X-WR-CALNAME", name, true);
    /* how often a subscribing program should come back */
    prop(c, "REFRESH-INTERVAL;VALUE=DURATION", OV_STR_LIT("PT1H"), false);
    prop(c, "X-PUBLISHED-TTL", OV_STR_LIT("PT1H"), false);
}

static ov_str ymd(ov_arena *a, ov_date d)
{
    char iso[OV_DATE_BUF];
    ov_date_format_iso(d, iso); /* 2026-11-22 */
    char *out = ov_arena_alloc(a, 9);
    memcpy(out, iso, 4);
    memcpy(out + 4, iso + 5, 2);
    memcpy(out + 6, iso + 8, 2);
    out[8] = '\0';
    return (ov_str){out, 8};
}

void ov_ical_event_add(ov_ical *c, const ov_ical_event *e, ov_time stamp)
{
    ov_arena *a = c->b.arena;
    char utc[OV_TIME_BUF];
    ov_time_format_utc(stamp, utc); /* 2026-11-22T22:38:01.123Z */
    char st[17];
    snprintf(st, sizeof st, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", utc, utc + 5,
             utc + 8, utc + 11, utc + 14, utc + 17);
    prop(c, "BEGIN", OV_STR_LIT("VEVENT"), false);
    prop(c, "UID", e->uid, true);
    prop(c, "DTSTAMP", ov_str_c(st), false);
    prop(c, "DTSTART;VALUE=DATE", ymd(a, e->date), false);
    prop(c, "DTEND;VALUE=DATE", ymd(a, e->date + 1), false);
    prop(c, "SUMMARY", e->summary, true);
    if (e->description.len)
        prop(c, "DESCRIPTION", e->description, true);
    if (e->category.len)
        prop(c, "CATEGORIES", e->category, true);
    /* an all-day reminder, not busy time */
    prop(c, "TRANSP", OV_STR_LIT("TRANSPARENT"), false);
    prop(c, "END", OV_STR_LIT("VEVENT"), false);
    c->nevents++;
}

ov_status ov_ical_end(ov_ical *c, ov_str *out, ov_err *err)
{
    prop(c, "END", OV_STR_LIT("VCALENDAR"), false);
    if (c->b.failed)
        return ov_err_set(err, OV_ETOOBIG, "calendar",
                          "the calendar is larger than %zu bytes", c->b.max);
    *out = ov_buf_str(&c->b);
    return OV_OK;
}
