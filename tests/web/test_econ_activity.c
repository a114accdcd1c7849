/*
 * The registered activity on the business case page (ui_econ.c
 * read_activity) is counted once per data version of the store: a second
 * view while nothing was written through the store shows the kept count
 * (a row put into the file behind the store's back is not seen), and a
 * write through the store makes the next view count again (and then
 * that row is counted too). A period of its own is counted for itself.
 * Views on several threads while writes come show only true counts, and
 * the last writes' count once they are done. Through the real dispatch
 * and a real store.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/log.h"
#include "store/meeting.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
#include "web/handlers.h"

typedef struct fixture {
    tu_world w;
    ov_web app;
    char token[OV_TOKEN_HEX];
    char csrf[OV_TOKEN_HEX];
    int64_t course;
    ov_date today;
} fixture;

static void meeting(fixture *f, ov_meeting_kind kind, ov_date on)
{
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(f->w.t.store, &tu_actor, &tx, &err), OV_OK);
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {
        .kind = kind,
        .held_on = on,
        .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                     OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                     OV_ATTEND(OV_ROLE_CTI_WORKER) |
                     OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)};
    int64_t id;
    bool complete;
    if (ov_meeting_record(tx, f->course, &in, &d, f->today, &id, &complete,
                          &err) != OV_OK)
        fail_msg("meeting: %s", err.msg);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    tu_world_init(&f->w);
    f->app.store = f->w.t.store;
    /* the page counts the twelve months up to today (Copenhagen) */
    f->today = ov_today_cph();
    f->course = tu_course(&f->w, f->today - 60);
    meeting(f, OV_MEETING_START, f->today - 50);
    ov_actor sys = {"test", OV_ROLE_SYSTEM, "test"};
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(f->w.t.store, &sys, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, f->w.leader, ov_time_now(),
                                       f->token, f->csrf, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

/* The leader's page (the preset C, the default period or ?query): the
 * number of follow-up meetings it shows in its registered activity, or
 * -1 when the page is not what it should be (no assertion: the views of
 * the threaded test call it off the main thread). */
static int followups_in(fixture *f, const char *query)
{
    static const char KEY[] = "<li>Opfølgningsmøder: ";
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_GET;
    req.path = OV_STR_LIT("/oekonomi");
    req.query = ov_str_c(query);
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("Cookie"),
        ov_str_c(ov_arena_printf(a, "ov_session=%s", f->token))};
    ov_response res;
    ov_response_init(&res, a, 4 << 20);
    ov_web_handle(&f->app, &req, &res);
    ov_str body = ov_buf_str(&res.body);
    char *text = ov_arena_printf(a, "%.*s", (int)body.len, body.ptr);
    const char *at = strstr(text, KEY);
    int n = res.status == 200 && strstr(text, "id=\"aktivitet\"") && at
                ? atoi(at + strlen(KEY))
                : -1;
    ov_arena_destroy(a);
    return n;
}

static int followups_shown(fixture *f, const char *query)
{
    int n = followups_in(f, query);
    assert_true(n >= 0);
    return n;
}

/* A follow-up written into the file with the sqlite3 shell: the store's
 * data version does not change. */
static void followup_behind_the_store(fixture *f, ov_date on)
{
    char d[OV_DATE_BUF];
    ov_date_format_iso(on, d);
    assert_int_equal(
        tu_sh("sqlite3 '%s' \"INSERT INTO meeting (course_id, kind, "
              "held_on, complete, created_by, created_at, attendees) VALUES "
              "(%lld, 'followup', '%s', 0, 'test', '%sT10:00:00Z', 1)\"",
              f->w.t.db, (long long)f->course, d, d),
        0);
}

static void the_count_is_kept_until_the_store_is_written_to(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    const char *c = "preset=ramb%C3%B8ll-2021-C";
    assert_int_equal(followups_shown(f, c), 0);
    followup_behind_the_store(f, f->today - 20);
    /* nothing written through the store: the kept count */
    assert_int_equal(followups_shown(f, c), 0);
    assert_int_equal(followups_shown(f, c), 0);
    /* a write through the store: counted again, the row behind its back
     * too */
    meeting(f, OV_MEETING_FOLLOWUP, f->today - 10);
    assert_int_equal(followups_shown(f, c), 2);
    followup_behind_the_store(f, f->today - 5);
    assert_int_equal(followups_shown(f, c), 2);
    tu_db_free(&f->w.t);
}

static void another_period_is_counted_for_itself(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    const char *c = "preset=ramb%C3%B8ll-2021-C";
    assert_int_equal(followups_shown(f, c), 0);
    followup_behind_the_store(f, f->today - 20);
    char from[OV_DATE_BUF], to[OV_DATE_BUF];
    ov_date_format_iso(f->today - 30, from);
    ov_date_format_iso(f->today, to);
    char q[128];
    snprintf(q, sizeof q, "%s&from=%s&to=%s", c, from, to);
    assert_int_equal(followups_shown(f, q), 1);
    /* the default period is still the kept one */
    assert_int_equal(followups_shown(f, c), 0);
    tu_db_free(&f->w.t);
}

/* Views on four threads while a fifth writes follow-ups through the
 * store: every view shows a count that was true at some point (0 to the
 * number written, never more), and once the writes are done the next
 * view shows them all. */
enum { VIEWERS = 4, VIEWS = 15, WRITES = 6 };

typedef struct viewer {
    fixture *f;
    bool bad;
} viewer;

static void *view_loop(void *arg)
{
    viewer *v = arg;
    for (int i = 0; i < VIEWS; i++) {
        int n = followups_in(v->f, "preset=ramb%C3%B8ll-2021-C");
        if (n < 0 || n > WRITES)
            v->bad = true;
    }
    return NULL;
}

static void views_on_many_threads_while_writes_come_show_true_counts(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    pthread_t t[VIEWERS];
    viewer v[VIEWERS];
    for (int i = 0; i < VIEWERS; i++) {
        v[i] = (viewer){f, false};
        assert_int_equal(pthread_create(&t[i], NULL, view_loop, &v[i]), 0);
    }
    for (int i = 0; i < WRITES; i++)
        meeting(f, OV_MEETING_FOLLOWUP, f->today - 40 + i);
    for (int i = 0; i < VIEWERS; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        assert_false(v[i].bad);
    }
    assert_int_equal(followups_shown(f, "preset=ramb%C3%B8ll-2021-C"),
                     WRITES);
    tu_db_free(&f->w.t);
}

int main(void)
{
    ov_log_set_level(OV_LOG_ERROR);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_count_is_kept_until_the_store_is_written_to),
        cmocka_unit_test(another_period_is_counted_for_itself),
        cmocka_unit_test(
            views_on_many_threads_while_writes_come_show_true_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
