/*
 * The sessions' seen times (store/seen.c): noted in memory by a request,
 * seen by every session look-up at once, and written to the session
 * table with the next write batch or at close; an expired session noted
 * in a read is gone at once and deleted with the next batch. A second,
 * read-only store on the same file shows what is in the table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "store/session.h"
#include "support/world.h"

static void make(tu_world *w, ov_time seen, char token[OV_TOKEN_HEX])
{
    char csrf[OV_TOKEN_HEX];
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, w->job, seen, token, csrf, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

/* The session's seen time as the store sees it; -1 when it has none. */
static ov_time seen_in(ov_store *s, const char *token)
{
    ov_tx *tx;
    ov_err err;
    ov_session ss;
    assert_int_equal(ov_tx_begin_read(s, &tx, &err), OV_OK);
    ov_status st = ov_session_get(tx, ov_str_c(token), &ss, &err);
    ov_tx_rollback(tx);
    return st == OV_OK ? ss.seen : -1;
}

/* What the session table holds: a read-only store of the same file. */
static ov_time seen_on_disk(tu_world *w, const char *token)
{
    ov_store *ro;
    ov_err err;
    ov_store_options o = {.db_path = w->t.db, .key_path = w->t.key,
                          .mode = OV_OPEN_READONLY};
    if (ov_store_open(&o, &ro, &err) != OV_OK)
        fail_msg("read-only open: %s", err.msg);
    ov_time v = seen_in(ro, token);
    ov_store_close(ro);
    return v;
}

static void note(tu_world *w, const char *token, ov_time at)
{
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin_read(w->t.store, &tx, &err), OV_OK);
    ov_session_note_seen(tx, ov_str_c(token), at);
    ov_tx_rollback(tx);
}

static void a_write(tu_world *w)
{
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static void a_noted_time_is_seen_at_once_and_written_with_the_next_batch(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    char token[OV_TOKEN_HEX];
    ov_time then = ov_time_now() - 10 * 60000, now = then + 9 * 60000;
    make(&w, then, token);
    note(&w, token, now);
    assert_int_equal(seen_in(w.t.store, token), now);
    assert_int_equal(seen_on_disk(&w, token), then);
    a_write(&w);
    assert_int_equal(seen_on_disk(&w, token), now);
    assert_int_equal(seen_in(w.t.store, token), now);
    /* a later batch forgets the note; the table has it */
    a_write(&w);
    assert_int_equal(seen_in(w.t.store, token), now);
    tu_db_free(&w.t);
}

static void a_noted_time_is_written_at_close(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    char token[OV_TOKEN_HEX];
    ov_time then = ov_time_now() - 10 * 60000;
    make(&w, then, token);
    note(&w, token, then + 60000);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(seen_in(w.t.store, token), then + 60000);
    tu_db_free(&w.t);
}

static void a_seen_time_never_moves_back(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    char token[OV_TOKEN_HEX];
    ov_time then = ov_time_now() - 10 * 60000;
    make(&w, then, token);
    note(&w, token, then + 120000);
    note(&w, token, then + 60000);
    assert_int_equal(seen_in(w.t.store, token), then + 120000);
    a_write(&w);
    note(&w, token, then + 60000);
    a_write(&w);
    assert_int_equal(seen_on_disk(&w, token), then + 120000);
    tu_db_free(&w.t);
}

static void an_expired_session_ended_in_a_read_is_deleted_with_the_next_batch(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    char token[OV_TOKEN_HEX], other[OV_TOKEN_HEX];
    ov_time then = ov_time_now() - 13 * 3600000LL;
    make(&w, then, token);
    make(&w, then, other);
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_session_expire(tx, ov_str_c(token), &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(seen_in(w.t.store, token), -1);
    /* a later note does not bring it back */
    note(&w, token, ov_time_now());
    assert_int_equal(seen_in(w.t.store, token), -1);
    assert_int_equal(seen_on_disk(&w, token), then);
    a_write(&w);
    assert_int_equal(seen_on_disk(&w, token), -1);
    assert_int_equal(seen_on_disk(&w, other), then);
    tu_db_free(&w.t);
}

/* Many sessions at once: the table grows, and each keeps its own time. */
static void many_sessions_keep_their_own_times(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    enum { N = 300 };
    static char tokens[N][OV_TOKEN_HEX];
    ov_time then = ov_time_now() - 20 * 60000;
    for (int i = 0; i < N; i++)
        make(&w, then, tokens[i]);
    for (int i = 0; i < N; i++)
        note(&w, tokens[i], then + i + 1);
    for (int i = 0; i < N; i++)
        assert_int_equal(seen_in(w.t.store, tokens[i]), then + i + 1);
    a_write(&w);
    for (int i = 0; i < N; i += 37)
        assert_int_equal(seen_on_disk(&w, tokens[i]), then + i + 1);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            a_noted_time_is_seen_at_once_and_written_with_the_next_batch),
        cmocka_unit_test(a_noted_time_is_written_at_close),
        cmocka_unit_test(a_seen_time_never_moves_back),
        cmocka_unit_test(
            an_expired_session_ended_in_a_read_is_deleted_with_the_next_batch),
        cmocka_unit_test(many_sessions_keep_their_own_times),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
