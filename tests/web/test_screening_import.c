/* The screening import over HTTP does its heavy work (parsing, the
 * duplicate check, screening, sealing) before it takes the writer: a list
 * is checked and refused while another write transaction holds the
 * writer, and a good list is written once the writer is free. */
#define _GNU_SOURCE /* pthread_timedjoin_np */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include <jansson.h>

#include "store/session.h"
#include "support/world.h"
#include "web/app.h"

typedef struct call {
    ov_web app;
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    const char *csv;
    int status;
    char body[1024];
} call;

/* POST /api/v1/screening/batches as the employment caseworker. */
static void *post_import(void *arg)
{
    call *c = arg;
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_POST;
    req.path = OV_STR_LIT("/api/v1/screening/batches");
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s", c->token))};
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("X-CSRF-Token"), ov_str_c(ov_arena_strdup(a, c->csrf))};
    req.headers[req.nheaders++] = (ov_header){OV_STR_LIT("Content-Type"),
                                              OV_STR_LIT("application/json")};
    json_t *j = json_pack("{s:s, s:s, s:s}", "file", c->csv, "reference_date",
                          "2026-11-01", "source_name", "http.csv");
    char *body = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    req.body = ov_str_c(ov_arena_strdup(a, body));
    free(body);
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web_handle(&c->app, &req, &res);
    c->status = res.status;
    ov_str b = ov_buf_str(&res.body);
    snprintf(c->body, sizeof c->body, "%.*s", (int)b.len, b.ptr ? b.ptr : "");
    ov_arena_destroy(a);
    return NULL;
}

static void setup(tu_world *w, call *c)
{
    tu_world_init(w);
    memset(c, 0, sizeof *c);
    c->app.store = w->t.store;
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, w->job, ov_time_now(), c->token,
                                       c->csrf, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

/* Wait up to `seconds` for the request thread; true when it finished. */
static bool finished_within(pthread_t t, int seconds)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += seconds;
    return pthread_timedjoin_np(t, NULL, &until) == 0;
}

static void a_bad_list_is_refused_while_another_writer_holds_the_lock(
    void **state)
{
    (void)state;
    tu_world w;
    call c;
    setup(&w, &c);
    c.csv = "cpr;name;activity_ready;months_unemployed\n"
            "010180-1231;Anna Jensen;ja;24\n"
            "020275-2342;Bo Hansen;ja;60\n"
            "010180-1231;Anna Igen;ja;24\n";
    ov_tx *writer;
    ov_err err;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &writer, &err), OV_OK);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, post_import, &c), 0);
    /* generous: the check takes milliseconds; an import that waits for
     * the writer never finishes while it is held */
    bool done = finished_within(t, 30);
    ov_tx_rollback(writer);
    if (!done)
        pthread_join(t, NULL);
    assert_true(done);
    assert_int_equal(c.status, 400);
    assert_non_null(strstr(c.body, "line 4: cpr: line 4: the same CPR "
                                   "number as line 2"));
    tu_db_free(&w.t);
}

static void a_good_list_is_written_once_the_writer_is_free(void **state)
{
    (void)state;
    tu_world w;
    call c;
    setup(&w, &c);
    c.csv = "cpr;name;activity_ready;months_unemployed\n"
            "010180-1231;Anna Jensen;ja;24\n"
            "020275-2342;Bo Hansen;ja;60\n";
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, post_import, &c), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    assert_int_equal(c.status, 200);
    assert_non_null(strstr(c.body, "{\"id\":1}"));
    char *n = tu_sh_out("sqlite3 '%s' 'SELECT count(*) FROM candidate "
                        "WHERE batch_id = 1'",
                        w.t.db);
    assert_int_equal(atoi(n), 2);
    free(n);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            a_bad_list_is_refused_while_another_writer_holds_the_lock),
        cmocka_unit_test(a_good_list_is_written_once_the_writer_is_free),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
