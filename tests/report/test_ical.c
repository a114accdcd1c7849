/*
 * test_ical.c - the iCalendar writer (report/ical.h), read back by libical
 * (libical-dev, a test-only dependency), which calendar programs on Linux
 * use: every event parses without errors, carries UID and DTSTAMP, is an
 * all-day item (DTSTART and DTEND as DATE, the end the day after), and
 * its texts come back exactly as written, with commas, semicolons,
 * backslashes, newlines and æøå. The raw text is checked against RFC 5545
 * 3.1 by hand: CRLF line ends, at most 75 octets a line, folds never
 * inside a UTF-8 sequence.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "report/ical.h"

typedef struct sample {
    const char *uid, *summary, *description;
    int y, m, d;
} sample;

static const sample samples[] = {
    {"followup_due-course-1@overgang", "Opfølgning forfalder: Søren", "", 2026,
     11, 22},
    {"start_meeting-7@overgang", "Møde; med, komma\\ og skråstreg",
     "Første linje\nAnden linje, med komma; og semikolon", 2026, 12, 31},
    {"agreement_review-course-3@overgang",
     /* longer than a line, with æøå where a fold could fall */
     "Revision af arbejdsaftale: Åse Ærø Øbro Åse Ærø Øbro Åse Ærø Øbro Åse "
     "Ærø Øbro æøåæøåæøåæøåæøå",
     "ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ "
     "æøå ÆØÅ æøå",
     2028, 2, 29},
};
#define NSAMPLES ((int)(sizeof samples / sizeof samples[0]))

static ov_str write_calendar(ov_arena *a)
{
    ov_ical c;
    ov_ical_begin(&c, a, 1 << 20, OV_STR_LIT("overgang: Lone Sørensen"));
    for (int i = 0; i < NSAMPLES; i++) {
        ov_ical_event e = {
            .uid = ov_str_c(samples[i].uid),
            .date = ov_date_from_ymd(samples[i].y, samples[i].m,
                                     samples[i].d),
            .summary = ov_str_c(samples[i].summary),
            .description = ov_str_c(samples[i].description),
            .category = OV_STR_LIT("overgang"),
        };
        ov_ical_event_add(&c, &e, 1764979200000LL); /* 2025-12-06 00:00Z */
    }
    ov_str out;
    ov_err err;
    assert_int_equal(ov_ical_end(&c, &out, &err), OV_OK);
    return out;
}

static void every_event_parses_with_libical_as_written(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_str text = write_calendar(a);
    icalcomponent *cal = icalparser_parse_string(text.ptr);
    assert_non_null(cal);
    assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
    /* libical records what it could not parse as X-LIC-ERROR properties */
    assert_int_equal(icalcomponent_count_errors(cal), 0);
    assert_non_null(icalcomponent_get_first_property(cal,
                                                     ICAL_PRODID_PROPERTY));
    assert_non_null(icalcomponent_get_first_property(cal,
                                                     ICAL_VERSION_PROPERTY));
    int n = 0;
    for (icalcomponent *e =
             icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
         e; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        assert_true(n < NSAMPLES);
        const sample *s = &samples[n];
        assert_string_equal(icalcomponent_get_uid(e), s->uid);
        assert_string_equal(icalcomponent_get_summary(e), s->summary);
        if (s->description[0])
            assert_string_equal(icalcomponent_get_description(e),
                                s->description);
        else
            assert_null(icalcomponent_get_first_property(
                e, ICAL_DESCRIPTION_PROPERTY));
        struct icaltimetype st = icalcomponent_get_dtstart(e);
        assert_true(st.is_date);
        assert_int_equal(st.year, s->y);
        assert_int_equal(st.month, s->m);
        assert_int_equal(st.day, s->d);
        struct icaltimetype en = icalcomponent_get_dtend(e);
        assert_true(en.is_date);
        /* the end is exclusive: the next day */
        struct icaltimetype next = st;
        icaltime_adjust(&next, 1, 0, 0, 0);
        assert_int_equal(icaltime_compare_date_only(en, next), 0);
        struct icaltimetype stamp = icalcomponent_get_dtstamp(e);
        assert_false(icaltime_is_null_time(stamp));
        assert_true(icaltime_is_utc(stamp));
        assert_int_equal(stamp.year, 2025);
        assert_int_equal(stamp.month, 12);
        assert_int_equal(stamp.day, 6);
        n++;
    }
    assert_int_equal(n, NSAMPLES);
    icalcomponent_free(cal);
    ov_arena_destroy(a);
}

static void lines_end_in_crlf_and_fold_at_75_octets(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_str t = write_calendar(a);
    int folds = 0;
    size_t start = 0;
    for (size_t i = 0; i < t.len; i++) {
        if (t.ptr[i] == '\n') {
            assert_true(i > 0 && t.ptr[i - 1] == '\r'); /* no bare LF */
            size_t len = i - 1 - start;
            if (len > 75)
                fail_msg("a line of %zu octets: %.*s", len, (int)len,
                         t.ptr + start);
            start = i + 1;
            if (start < t.len && t.ptr[start] == ' ') {
                folds++;
                /* the continuation must not start inside a UTF-8 sequence */
                unsigned char next = (unsigned char)t.ptr[start + 1];
                assert_false(next >= 0x80 && next < 0xc0);
            }
        } else if (t.ptr[i] == '\r') {
            assert_true(i + 1 < t.len && t.ptr[i + 1] == '\n'); /* no bare CR */
        }
    }
    assert_int_equal(start, t.len); /* the last line ends in CRLF too */
    assert_true(folds >= 2);
    ov_arena_destroy(a);
}

static void text_values_are_escaped(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_buf b;
    ov_buf_init(&b, a, 1024);
    ov_ical_escape_text(&b, OV_STR_LIT("a,b;c\\d\ne\r\nf\x01g\tæ"));
    assert_string_equal(b.data, "a\\,b\\;c\\\\d\\ne\\nfg æ");
    ov_arena_destroy(a);
}

static void a_calendar_past_its_cap_is_refused_not_cut(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_ical c;
    ov_ical_begin(&c, a, 2000, OV_STR_LIT("x"));
    for (int i = 0; i < 50; i++) {
        ov_ical_event e = {.uid = OV_STR_LIT("u@overgang"),
                           .date = ov_date_from_ymd(2026, 1, 1),
                           .summary = OV_STR_LIT("Opfølgning forfalder: Ib")};
        ov_ical_event_add(&c, &e, 0);
    }
    ov_str out;
    ov_err err;
    assert_int_equal(ov_ical_end(&c, &out, &err), OV_ETOOBIG);
    ov_arena_destroy(a);
}

int main(void)
{
    icalerror_set_errors_are_fatal(0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_parses_with_libical_as_written),
        cmocka_unit_test(lines_end_in_crlf_and_fold_at_75_octets),
        cmocka_unit_test(text_values_are_escaped),
        cmocka_unit_test(a_calendar_past_its_cap_is_refused_not_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
