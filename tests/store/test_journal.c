/* Audited reads and the read-audit journal: a read's row is on disk when
 * its commit returns, reaches audit_log in order with the writes, and
 * survives a crash exactly once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/audit.h"
#include "store/citizen.h"
#include "store/course.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static int64_t count(tu_db *t, const char *where)
{
    char *out = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log "
                          "WHERE %s\"",
                          t->db, where);
    int64_t n = atoll(out);
    free(out);
    return n;
}

static long long journal_bytes(tu_db *t)
{
    long long total = 0;
    const char *suffix[2] = {"-audit", "-audit2"};
    for (int i = 0; i < 2; i++) {
        char p[400];
        snprintf(p, sizeof p, "%s%s", t->db, suffix[i]);
        struct stat st;
        if (stat(p, &st) == 0)
            total += (long long)st.st_size;
    }
    return total;
}

/* One audited read of the course (ov_course_get), committed. */
static void read_course(tu_db *t, const ov_actor *who, int64_t course)
{
    ov_tx *tx;
    ov_err err;
    ov_arena *a = ov_arena_new(0);
    ov_course c;
    assert_int_equal(ov_tx_begin_audited(t->store, who, &tx, &err), OV_OK);
    assert_int_equal(ov_course_get(tx, course, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena_destroy(a);
}

/* The audit chain verifies; then the test database goes. */
static void chain_ok_then_free(tu_db *t)
{
    ov_err err;
    ov_audit_report rep;
    assert_int_equal(ov_audit_verify(t->store, &rep, &err), OV_OK);
    tu_db_free(t);
}

static const ov_actor reader = {"laeser", OV_ROLE_EMPLOYMENT_CASEWORKER,
                                "journaltest"};

static void a_read_is_journaled_at_commit_and_in_audit_log_after_the_fold(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_err err;
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    read_course(&w.t, &reader, course);
    /* on disk, in the journal, when the commit returned */
    assert_true(journal_bytes(&w.t) > 0);
    char *hit = tu_sh_out("cat '%s-audit' '%s-audit2' | grep -ac journaltest",
                          w.t.db, w.t.db);
    assert_int_equal(atoi(hit), 1);
    free(hit);
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    assert_int_equal(count(&w.t, "actor = 'laeser' AND purpose = "
                                 "'journaltest' AND action = 'read' AND "
                                 "role = 'employment_caseworker'"),
                     1);
    /* folded and committed: the journal holds nothing any more */
    assert_int_equal(journal_bytes(&w.t), 0);
    chain_ok_then_free(&w.t);
}

static void a_rolled_back_read_writes_no_audit_row(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_err err;
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    int64_t before = count(&w.t, "1");
    ov_tx *tx;
    ov_arena *a = ov_arena_new(0);
    ov_course c;
    assert_int_equal(ov_tx_begin_audited(w.t.store, &reader, &tx, &err),
                     OV_OK);
    assert_int_equal(ov_course_get(tx, course, a, &c, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    assert_int_equal(count(&w.t, "1"), before);
    assert_int_equal(journal_bytes(&w.t), 0);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void writes_refuse_an_audited_read(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_stage before = tu_stage(&w, course);
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin_audited(w.t.store, &reader, &tx, &err),
                     OV_OK);
    assert_int_equal(ov_course_set_stage(tx, course, OV_STAGE_PLAN,
                                         D(2026, 9, 2), &err),
                     OV_EINTERNAL);
    assert_non_null(strstr(err.msg, "write transaction"));
    assert_int_equal(ov_tx_commit(tx, &err), OV_EINTERNAL);
    assert_int_equal(tu_stage(&w, course), before);
    tu_db_free(&w.t);
}

static void a_read_only_store_refuses_audited_reads(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    tu_db_reopen(&w.t, OV_OPEN_READONLY);
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin_audited(w.t.store, &reader, &tx, &err),
                     OV_EPERM);
    assert_non_null(strstr(err.msg, "read-only"));
    tu_db_free(&w.t);
}

static void reads_and_writes_share_one_chain_in_the_order_they_happened(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    read_course(&w.t, &reader, course);
    /* a write folds the journal when it opens its batch, so the read's
     * row comes before the write's own */
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_set_stage(tx, course, OV_STAGE_PLAN,
                                         D(2026, 9, 2), &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    char *order = tu_sh_out(
        "sqlite3 '%s' \"SELECT (SELECT max(id) FROM audit_log WHERE purpose "
        "= 'journaltest') < (SELECT max(id) FROM audit_log WHERE action = "
        "'update')\"",
        w.t.db);
    assert_int_equal(atoi(order), 1);
    free(order);
    chain_ok_then_free(&w.t);
}

static void a_deferred_commit_gives_a_ticket_that_becomes_durable(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_tx *tx;
    ov_err err;
    ov_arena *a = ov_arena_new(0);
    ov_course c;
    assert_int_equal(ov_tx_begin_audited(w.t.store, &reader, &tx, &err),
                     OV_OK);
    assert_int_equal(ov_course_get(tx, course, a, &c, &err), OV_OK);
    uint64_t ticket = 0;
    assert_int_equal(ov_tx_commit_deferred(tx, &ticket, &err), OV_OK);
    assert_true(ticket > 0);
    assert_int_equal(ov_store_audit_wait(w.t.store, ticket, &err), OV_OK);
    assert_true(ov_store_audit_durable(w.t.store, ticket));
    /* a write transaction has nothing to wait for */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_tx_commit_deferred(tx, &ticket, &err), OV_OK);
    assert_int_equal(ticket, 0);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* A process that makes n audited reads and dies without closing the store
 * (no fold at close; the background fold may or may not have run). */
static void crash_after_reads(tu_db *t, int64_t course, int n)
{
    ov_store_close(t->store);
    t->store = NULL;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ov_store_options o = {.db_path = t->db, .key_path = t->key,
                              .mode = OV_OPEN_MIGRATE};
        ov_err err;
        ov_store *s;
        if (ov_store_open(&o, &s, &err) != OV_OK)
            _exit(2);
        ov_arena *a = ov_arena_new(0);
        for (int i = 0; i < n; i++) {
            ov_tx *tx;
            ov_course c;
            if (ov_tx_begin_audited(s, &reader, &tx, &err) != OV_OK ||
                ov_course_get(tx, course, a, &c, &err) != OV_OK ||
                ov_tx_commit(tx, &err) != OV_OK)
                _exit(3);
        }
        _exit(0); /* no ov_store_close: as if the power went */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

static void acknowledged_reads_survive_a_crash_exactly_once(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    crash_after_reads(&w.t, course, 25);
    /* the next open folds what the crash left */
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 25);
    assert_int_equal(journal_bytes(&w.t), 0);
    /* and a second open adds nothing */
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 25);
    chain_ok_then_free(&w.t);
}

static void a_journal_folded_but_not_emptied_is_not_folded_again(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    crash_after_reads(&w.t, course, 3);
    /* keep the journal as the crash left it, fold it, put it back: as if
     * the power went between the fold's commit and the emptying */
    assert_int_equal(tu_sh("cp '%s-audit' '%s.keep1' && cp '%s-audit2' "
                           "'%s.keep2'",
                           w.t.db, w.t.dir, w.t.db, w.t.dir),
                     0);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 3);
    ov_store_close(w.t.store);
    w.t.store = NULL;
    assert_int_equal(tu_sh("cp '%s.keep1' '%s-audit' && cp '%s.keep2' "
                           "'%s-audit2'",
                           w.t.dir, w.t.db, w.t.dir, w.t.db),
                     0);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 3);
    tu_db_free(&w.t);
}

static void a_torn_record_at_the_end_is_cut_off(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    crash_after_reads(&w.t, course, 4);
    /* the start of a fifth record that never finished (never
     * acknowledged, so never shown) */
    assert_int_equal(tu_sh("printf 'OVAJ\\120\\000\\000\\000\\001\\002' >> "
                           "'%s-audit'",
                           w.t.db),
                     0);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 4);
    assert_int_equal(journal_bytes(&w.t), 0);
    chain_ok_then_free(&w.t);
}

static void a_damaged_record_ends_the_replay_and_keeps_what_came_before(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    crash_after_reads(&w.t, course, 2);
    /* flip a byte in the last record's payload: its CRC no longer
     * matches, so it and anything after it are cut off */
    char *size = tu_sh_out("stat -c %%s '%s-audit' '%s-audit2' | sort -n | "
                           "tail -1",
                           w.t.db, w.t.db);
    long long bytes = atoll(size);
    free(size);
    const char *f = tu_sh("test -s '%s-audit'", w.t.db) == 0 ? "-audit"
                                                            : "-audit2";
    if (bytes > 0) /* else the background fold ran before the crash */
        assert_int_equal(tu_sh("printf 'X' | dd of='%s%s' bs=1 seek=%lld "
                               "conv=notrunc status=none",
                               w.t.db, f, bytes - 3),
                         0);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    int64_t n = count(&w.t, "purpose = 'journaltest'");
    assert_true(n == 1 || n == 2); /* 2 when the fold ran before the crash */
    chain_ok_then_free(&w.t);
}

static void when_the_journal_cannot_be_written_reads_go_into_the_database(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_store_close(w.t.store);
    w.t.store = NULL;
    /* a journal on a full disk: every write fails with ENOSPC */
    assert_int_equal(tu_sh("rm -f '%s-audit' '%s-audit2' && ln -s /dev/full "
                           "'%s-audit' && ln -s /dev/full '%s-audit2'",
                           w.t.db, w.t.db, w.t.db, w.t.db),
                     0);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    read_course(&w.t, &reader, course);
    /* no fold needed: the row went straight into audit_log */
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 1);
    read_course(&w.t, &reader, course);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 2);
    chain_ok_then_free(&w.t);
}

static void a_new_database_does_not_inherit_an_old_journal(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    crash_after_reads(&w.t, course, 2);
    if (journal_bytes(&w.t) == 0) { /* the background fold ran first */
        tu_db_free(&w.t);
        skip();
    }
    /* the database is gone, its journal is not */
    assert_int_equal(tu_sh("rm -f '%s' '%s-wal' '%s-shm'", w.t.db, w.t.db,
                           w.t.db),
                     0);
    ov_store_options o = {.db_path = w.t.db, .key_path = w.t.key,
                          .mode = OV_OPEN_INIT};
    ov_store *s = NULL;
    ov_err err;
    assert_int_equal(ov_store_open(&o, &s, &err), OV_ECONFLICT);
    assert_null(s);
    assert_non_null(strstr(err.msg, "read-audit journal"));
    assert_int_equal(tu_sh("test -e '%s'", w.t.db), 1); /* nothing made */
    tu_db_free(&w.t);
}

static void an_audited_read_of_many_citizens_logs_each_once(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    enum { N = 40 }; /* more than a transaction keeps inline */
    int64_t ids[N];
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    for (int i = 0; i < N; i++) {
        char cpr[16], name[32];
        snprintf(cpr, sizeof cpr, "01%02d80-%04d", i % 12 + 1, 1000 + i);
        snprintf(name, sizeof name, "Borger %d", i);
        assert_int_equal(ov_citizen_create(tx, ov_str_c(name), ov_str_c(cpr),
                                           &ids[i], &err),
                         OV_OK);
    }
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena *a = ov_arena_new(0);
    assert_int_equal(ov_tx_begin_audited(t.store, &reader, &tx, &err), OV_OK);
    for (int k = 0; k < 2; k++) /* each twice: still one row each */
        for (int i = 0; i < N; i++) {
            ov_citizen c;
            assert_int_equal(ov_citizen_get(tx, ids[i], a, &c, &err), OV_OK);
        }
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(ov_store_audit_sync(t.store, &err), OV_OK);
    assert_int_equal(count(&t, "purpose = 'journaltest'"), N);
    assert_int_equal(count(&t, "purpose = 'journaltest' AND citizen_id = "
                               "(SELECT max(id) FROM citizen)"),
                     1);
    ov_arena_destroy(a);
    tu_db_free(&t);
}

static void a_second_process_leaves_the_servers_journal_alone(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_err err;
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    /* the "server" journals a read */
    read_course(&w.t, &reader, course);
    long long held = journal_bytes(&w.t);
    assert_true(held > 0);
    /* a command opens the same database meanwhile (its own open file, as
     * another process would have) */
    ov_store_options o = {.db_path = w.t.db, .key_path = w.t.key,
                          .mode = OV_OPEN_MIGRATE};
    ov_store *other;
    assert_int_equal(ov_store_open(&o, &other, &err), OV_OK);
    tu_db t2 = w.t;
    t2.store = other;
    read_course(&t2, &reader, course);
    /* its read went straight into the database; the server's is still
     * only in the journal, untouched */
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 1);
    assert_int_equal(journal_bytes(&w.t), held);
    ov_store_close(other);
    assert_int_equal(journal_bytes(&w.t), held);
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 2);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            a_read_is_journaled_at_commit_and_in_audit_log_after_the_fold),
        cmocka_unit_test(a_rolled_back_read_writes_no_audit_row),
        cmocka_unit_test(writes_refuse_an_audited_read),
        cmocka_unit_test(a_read_only_store_refuses_audited_reads),
        cmocka_unit_test(
            reads_and_writes_share_one_chain_in_the_order_they_happened),
        cmocka_unit_test(
            a_deferred_commit_gives_a_ticket_that_becomes_durable),
        cmocka_unit_test(acknowledged_reads_survive_a_crash_exactly_once),
        cmocka_unit_test(a_journal_folded_but_not_emptied_is_not_folded_again),
        cmocka_unit_test(a_torn_record_at_the_end_is_cut_off),
        cmocka_unit_test(
            a_damaged_record_ends_the_replay_and_keeps_what_came_before),
        cmocka_unit_test(
            when_the_journal_cannot_be_written_reads_go_into_the_database),
        cmocka_unit_test(a_new_database_does_not_inherit_an_old_journal),
        cmocka_unit_test(an_audited_read_of_many_citizens_logs_each_once),
        cmocka_unit_test(a_second_process_leaves_the_servers_journal_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
