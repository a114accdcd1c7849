/* Audited reads and the read-audit journal: a read's row is on disk when
 * its commit returns, reaches audit_log in order with the writes, and
 * survives a crash exactly once. */
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "store/audit.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/journal.h"
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

/* n read records written and synced through the journal itself, with
 * the store closed, and left unfolded: what a server killed after
 * acknowledging them leaves behind. */
static void journal_with(tu_db *t, int n)
{
    ov_store_close(t->store);
    t->store = NULL;
    ov_journal *j;
    ov_journal_state js;
    ov_err err;
    uint64_t seq = 0;
    assert_int_equal(ov_journal_open(t->db, 0, 0, false, &j, &js, &err),
                     OV_OK);
    for (int i = 0; i < n; i++)
        assert_int_equal(ov_journal_append(j, &reader, OV_ACT_READ, 0,
                                           "journaltest", &seq, &err),
                         OV_OK);
    assert_int_equal(ov_journal_sync(j, seq, &err), OV_OK);
    ov_journal_close(j); /* records unfolded: the file keeps them */
}

static long long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* One flipped byte in the first of 40 acknowledged records is not a torn
 * tail: the open is refused, names the loss and changes nothing. */
static void a_damaged_first_record_is_corruption_not_a_torn_tail(
    void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    journal_with(&t, 40);
    char path[400];
    snprintf(path, sizeof path, "%s-audit", t.db);
    long long size = file_size(path);
    assert_true(size > 40 * 12);
    /* flip every bit of byte 20 (the low byte of the record's time):
     * writing a fixed 'X' there changed nothing once in 256 runs */
    int fd = open(path, O_RDWR);
    assert_true(fd >= 0);
    unsigned char b;
    assert_int_equal(pread(fd, &b, 1, 20), 1);
    b ^= 0xFF;
    assert_int_equal(pwrite(fd, &b, 1, 20), 1);
    close(fd);
    assert_int_equal(tu_sh("cp '%s' '%s/damaged'", path, t.dir), 0);
    ov_journal *j;
    ov_journal_state js;
    ov_err err;
    assert_int_equal(ov_journal_open(t.db, 0, 0, false, &j, &js, &err),
                     OV_ECORRUPT);
    assert_int_equal(js.lost, 1);
    assert_int_equal(js.waiting, 39);
    assert_non_null(strstr(err.msg, "1 acknowledged read audit rows are "
                                    "missing"));
    assert_non_null(strstr(err.msg, "--accept-audit-loss"));
    assert_non_null(strstr(err.msg, "damage at byte 0"));
    assert_int_equal(file_size(path), size);
    /* the store refuses to open for serving, and so says verify */
    ov_store_options o = {.db_path = t.db, .key_path = t.key,
                          .mode = OV_OPEN_MIGRATE};
    assert_int_equal(ov_store_open(&o, &t.store, &err), OV_ECORRUPT);
    assert_null(t.store);
    assert_int_equal(tu_sh("cmp -s '%s' '%s/damaged'", path, t.dir), 0);
    tu_db_reopen(&t, OV_OPEN_READONLY);
    ov_audit_report rep;
    assert_int_equal(ov_audit_verify(t.store, &rep, &err), OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "has lost 1 acknowledged rows"));
    ov_store_close(t.store);
    t.store = NULL;
    /* accepted: the damaged file is kept aside, the 39 others are folded,
     * and the loss is in the audit log */
    o.accept_audit_loss = true;
    assert_int_equal(ov_store_open(&o, &t.store, &err), OV_OK);
    assert_int_equal(count(&t, "purpose = 'journaltest'"), 39);
    assert_int_equal(count(&t, "action = 'delete' AND criterion LIKE "
                               "'read-audit journal damaged: 1 "
                               "acknowledged read rows lost%'"),
                     1);
    assert_int_equal(tu_sh("cmp -s '%s'.corrupt-* '%s/damaged'", path,
                           t.dir),
                     0);
    /* the next open neither refuses nor records it again */
    tu_db_reopen(&t, OV_OPEN_MIGRATE);
    assert_int_equal(count(&t, "action = 'delete'"), 1);
    assert_int_equal(count(&t, "purpose = 'journaltest'"), 39);
    chain_ok_then_free(&t);
}

/* A record whose number is above INT64_MAX was never written by a journal
 * (numbers start at 1 and are kept as int64): even with a valid CRC it is
 * damage, not a record. Found by the journal fuzz target: a record at
 * 2^64-1 made the next append wrap to 0, which the next replay dropped as
 * folded. */
static void a_record_numbered_above_int64_max_is_damage(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    journal_with(&t, 2);
    char path[400];
    snprintf(path, sizeof path, "%s-audit", t.db);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    unsigned char head[12];
    assert_int_equal(fread(head, 1, sizeof head, f), sizeof head);
    uint32_t len = (uint32_t)head[4] | (uint32_t)head[5] << 8 |
                   (uint32_t)head[6] << 16 | (uint32_t)head[7] << 24;
    assert_true(len >= 25 && len < 4096);
    unsigned char payload[4096];
    assert_int_equal(fread(payload, 1, len, f), len);
    memset(payload, 0xff, 8); /* the record's number: 2^64-1 */
    uint32_t crc = (uint32_t)crc32(0L, payload, len);
    for (int i = 0; i < 4; i++)
        head[8 + i] = (unsigned char)(crc >> (8 * i));
    assert_int_equal(fseek(f, 0, SEEK_SET), 0);
    assert_int_equal(fwrite(head, 1, sizeof head, f), sizeof head);
    assert_int_equal(fwrite(payload, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    ov_journal *j;
    ov_journal_state js;
    ov_err err;
    /* record 1 is gone, record 2 follows it: one acknowledged row lost */
    assert_int_equal(ov_journal_open(t.db, 0, 0, false, &j, &js, &err),
                     OV_ECORRUPT);
    assert_int_equal(js.lost, 1);
    assert_int_equal(js.waiting, 1);
    tu_db_free(&t);
}

/* A file cut shorter than what was synced: the anchors say how far the
 * journal reached. Without that knowledge the cut looks like a clean end,
 * which is why the store anchors the synced number. */
static void a_journal_cut_shorter_than_synced_is_corruption(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    journal_with(&t, 40);
    char path[400];
    snprintf(path, sizeof path, "%s-audit", t.db);
    long long size = file_size(path);
    assert_int_equal(truncate(path, (off_t)(size / 40 * 20)), 0);
    ov_journal *j;
    ov_journal_state js;
    ov_err err;
    assert_int_equal(ov_journal_open(t.db, 0, 40, false, &j, &js, &err),
                     OV_ECORRUPT);
    assert_int_equal(js.lost, 20);
    assert_int_equal(js.upto, 40);
    assert_int_equal(ov_journal_open(t.db, 0, 0, false, &j, &js, &err),
                     OV_OK);
    assert_int_equal(js.waiting, 20);
    ov_journal_close(j);
    tu_db_free(&t);
}

/* Through the store: the anchor file records the journal's synced number
 * at close, so a journal emptied behind the store's back is caught. */
static void a_removed_journal_is_caught_through_the_anchors(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    crash_after_reads(&w.t, course, 5);
    /* a clean open and close anchors the folded, synced numbers */
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(count(&w.t, "purpose = 'journaltest'"), 5);
    ov_store_close(w.t.store);
    w.t.store = NULL;
    /* a journal that lost records the anchors vouch for: put back the
     * folded number as if the fold had not happened */
    assert_int_equal(tu_sh("sqlite3 '%s' \"UPDATE store_meta SET value = "
                           "'0' WHERE key = 'audit_journal_seq'\"",
                           w.t.db),
                     0);
    ov_store_options o = {.db_path = w.t.db, .key_path = w.t.key,
                          .mode = OV_OPEN_MIGRATE};
    ov_err err;
    assert_int_equal(ov_store_open(&o, &w.t.store, &err), OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "5 acknowledged read audit rows are "
                                    "missing (records cut off"));
    tu_db_free(&w.t);
}

static void verify_counts_the_rows_still_in_the_journal(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    journal_with(&t, 7);
    tu_db_reopen(&t, OV_OPEN_READONLY);
    ov_audit_report rep;
    ov_err err;
    assert_int_equal(ov_audit_verify(t.store, &rep, &err), OV_OK);
    assert_int_equal(rep.journal_rows, 7);
    assert_int_equal(rep.rows, 0);
    tu_db_reopen(&t, OV_OPEN_MIGRATE);
    assert_int_equal(ov_audit_verify(t.store, &rep, &err), OV_OK);
    assert_int_equal(rep.journal_rows, 0);
    assert_int_equal(rep.rows, 7);
    tu_db_free(&t);
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

/* The citizen's access log, read on a thread of its own (as the server
 * does for GET /api/v1/me/access-log while other threads fold). */
typedef struct log_reader {
    ov_store *store;
    int64_t citizen;
    int staff_reads; /* the caseworker's read rows it saw */
    ov_status st;
    atomic_bool done;
} log_reader;

static void *read_access_log(void *arg)
{
    log_reader *lr = arg;
    static const ov_actor citizen = {"borger", OV_ROLE_CITIZEN,
                                     "egen adgangslog"};
    ov_arena *a = ov_arena_new(0);
    ov_access_entry *rows = NULL;
    ov_list_info li = {0, 0, false};
    ov_tx *tx;
    ov_err err;
    lr->st = ov_tx_begin_audit_log(lr->store, &citizen, &tx, &err);
    if (lr->st == OV_OK) {
        lr->st = ov_audit_citizen_log(tx, lr->citizen, 64, a, &rows, &li,
                                      &err);
        ov_status c = ov_tx_commit(tx, &err);
        if (lr->st == OV_OK)
            lr->st = c;
    }
    for (int i = 0; i < li.n; i++)
        if (rows[i].role == OV_ROLE_EMPLOYMENT_CASEWORKER &&
            rows[i].action == OV_ACT_READ)
            lr->staff_reads++;
    ov_arena_destroy(a);
    atomic_store(&lr->done, true);
    return NULL;
}

/* Start the access-log read and go on once it has finished or waits for
 * the writer (which the caller holds). */
static void start_log_reader(pthread_t *th, log_reader *lr)
{
    atomic_store(&lr->done, false);
    assert_int_equal(pthread_create(th, NULL, read_access_log, lr), 0);
    for (int ms = 0; !atomic_load(&lr->done) &&
                     ov_store_writers_waiting(lr->store) == 0;
         ms++) {
        assert_true(ms < 10000);
        usleep(1000);
    }
}

/* The race behind a flaky api_session.sh: the background fold had taken
 * the leader's read row into its batch but not committed it when the
 * citizen's access log asked for a fold. Nothing was left "pending", so
 * the access log did not wait, and its snapshot lacked the row. */
static void the_access_log_waits_for_a_fold_under_way(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_err err;
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    read_course(&w.t, &reader, course); /* acknowledged: in the journal */
    /* a write opens a batch, which takes the row; not committed yet */
    ov_tx *held;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &held, &err), OV_OK);
    log_reader lr = {.store = w.t.store, .citizen = w.citizen};
    pthread_t th;
    start_log_reader(&th, &lr);
    assert_int_equal(ov_tx_commit(held, &err), OV_OK);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(lr.st, OV_OK);
    assert_int_equal(lr.staff_reads, 1);
    chain_ok_then_free(&w.t);
}

/* The other half: a row journaled after the open batch took its records.
 * The access log's fold joined that batch, which folds nothing, and
 * returned when it committed, with the row still in the journal. */
static void the_access_log_folds_rows_journaled_after_a_batch_opened(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_err err;
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    ov_tx *held;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &held, &err), OV_OK);
    read_course(&w.t, &reader, course); /* after the batch opened */
    log_reader lr = {.store = w.t.store, .citizen = w.citizen};
    pthread_t th;
    start_log_reader(&th, &lr);
    /* others wait: the batch stays open for them */
    assert_int_equal(ov_tx_commit(held, &err), OV_OK);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(lr.st, OV_OK);
    assert_int_equal(lr.staff_reads, 1);
    chain_ok_then_free(&w.t);
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
        cmocka_unit_test(a_damaged_first_record_is_corruption_not_a_torn_tail),
        cmocka_unit_test(a_journal_cut_shorter_than_synced_is_corruption),
        cmocka_unit_test(a_record_numbered_above_int64_max_is_damage),
        cmocka_unit_test(a_removed_journal_is_caught_through_the_anchors),
        cmocka_unit_test(verify_counts_the_rows_still_in_the_journal),
        cmocka_unit_test(
            when_the_journal_cannot_be_written_reads_go_into_the_database),
        cmocka_unit_test(a_new_database_does_not_inherit_an_old_journal),
        cmocka_unit_test(an_audited_read_of_many_citizens_logs_each_once),
        cmocka_unit_test(a_second_process_leaves_the_servers_journal_alone),
        cmocka_unit_test(the_access_log_waits_for_a_fold_under_way),
        cmocka_unit_test(
            the_access_log_folds_rows_journaled_after_a_batch_opened),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
