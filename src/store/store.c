/*
 * store.c - opening and closing the database: the writer connection and
 * migrations, the key file, the audit key and where the keyed chain
 * starts, the read-audit journal's replay, the background thread
 * (checkpoints, journal folds, anchors), and statistics.
 *
 * Transactions are in tx.c, backup and restore in backup.c, the anchor
 * file in anchor.c; this file calls them, never the other way round.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "store/store_int.h"

#define DEFAULT_READERS 4
#define KEY_CHECK_LABEL "overgang key check v1"


static const char SQL_META_GET[] = "SELECT value FROM store_meta WHERE key = ?1";
static const char SQL_META_PUT[] =
    "INSERT INTO store_meta (key, value) VALUES (?1, ?2)";
static const char META_KEYED_FROM[] = "audit_chain_keyed_from";
static const char META_AUDIT_KEY_CHECK[] = "audit_key_check";
static const char SQL_AUDIT_ANY[] =
    "SELECT EXISTS (SELECT 1 FROM audit_log) OR EXISTS (SELECT 1 FROM "
    "audit_checkpoint)";
static const char SQL_CITIZEN_COUNT[] = "SELECT count(*) FROM citizen";
static const char SQL_AUDIT_COUNT[] = "SELECT count(*) FROM audit_log";

enum { COUNT_CITIZENS, COUNT_AUDIT };
static const char *const SQL_COUNT[] = {SQL_CITIZEN_COUNT, SQL_AUDIT_COUNT};

static ov_status count_rows(ov_conn *c, int which, int64_t *out, ov_err *err)
{
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(c, SQL_COUNT[which], &s, err);
    if (st != OV_OK)
        return st;
    if (ov_stmt_step(s, err) != OV_STEP_ROW) {
        ov_stmt_release(s);
        return err->code;
    }
    *out = ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return OV_OK;
}

/* The key check value ties a key file to its database: a keyed hash of a
 * fixed label. A different key file gives a different value. */
static void key_check_value(const ov_keys *k, uint8_t out[OV_HASH_BYTES])
{
    ov_keyed_hash(k, KEY_CHECK_LABEL, sizeof KEY_CHECK_LABEL - 1, out);
}

/* Load (or on init create) the key file and verify it belongs to the
 * database. Sets have_keys or key_err; returns an error only for
 * conditions that must stop the open (init problems, a foreign key file). */
static ov_status setup_keys(ov_store *s, const char *key_path,
                            ov_open_mode mode, ov_err *err)
{
    ov_err_msg(&s->key_err, OV_EINVAL, "--key-file", store_no_key_file);
    if (!key_path)
        return OV_OK;
    ov_conn *c = s->writer ? s->writer : NULL;
    int64_t citizens = 0;
    ov_status st;
    if (mode == OV_OPEN_INIT && !ov_file_exists(key_path)) {
        if (c) {
            st = count_rows(c, COUNT_CITIZENS, &citizens, err);
            if (st != OV_OK)
                return st;
        }
        if (citizens > 0)
            return ov_err_msg(err, OV_ECONFLICT, "--key-file",
                              store_key_file_missing, key_path,
                              (long long)citizens);
        st = ov_keyfile_create(key_path, err);
        if (st != OV_OK)
            return st;
        s->created_key = true;
    }
    st = ov_keyfile_load(key_path, &s->keys, &s->key_err);
    if (st != OV_OK) {
        if (mode == OV_OPEN_INIT) {
            *err = s->key_err;
            return st;
        }
        return OV_OK; /* CPR operations will report key_err */
    }
    /* compare with (or on first use record) the database's key check */
    uint8_t want[OV_HASH_BYTES];
    key_check_value(&s->keys, want);
    ov_conn *rc = c;
    bool own = false;
    if (!rc) {
        st = ov_conn_open(s->db_path, false, true, &rc, err);
        if (st != OV_OK)
            return st;
        own = true;
    }
    ov_stmt *q;
    st = ov_stmt_prepare(rc, SQL_META_GET, &q, err);
    bool found = false, match = false;
    if (st == OV_OK) {
        ov_stmt_bind_cstr(q, 1, "key_check");
        ov_step r = ov_stmt_step(q, err);
        if (r == OV_STEP_ROW) {
            size_t n;
            const void *p = ov_stmt_col_blob(q, 0, &n);
            found = true;
            match = n == OV_HASH_BYTES && ov_memeq_ct(p, want, n);
        } else if (r == OV_STEP_ERROR) {
            st = err->code;
        }
        ov_stmt_release(q);
    }
    if (own)
        ov_conn_close(rc);
    if (st != OV_OK)
        return st;
    if (found && !match) {
        ov_keys_wipe(&s->keys);
        return ov_err_msg(err, OV_ECONFLICT, "--key-file",
                          store_key_file_foreign, key_path, s->db_path);
    }
    if (!found && c) {
        st = ov_stmt_prepare(c, SQL_META_PUT, &q, err);
        if (st != OV_OK)
            return st;
        ov_stmt_bind_cstr(q, 1, "key_check");
        ov_stmt_bind_blob(q, 2, want, sizeof want);
        st = ov_stmt_run(q, err);
        if (st != OV_OK)
            return st;
    }
    s->have_keys = true;
    ov_err_clear(&s->key_err);
    return OV_OK;
}

/* A store_meta value as text into buf ("" when absent). */
static ov_status meta_text(ov_conn *c, const char *key, char *buf,
                           size_t cap, ov_err *err)
{
    buf[0] = '\0';
    ov_stmt *q;
    ov_status st = ov_stmt_prepare(c, SQL_META_GET, &q, err);
    if (st != OV_OK)
        return st;
    ov_stmt_bind_cstr(q, 1, key);
    ov_step r = ov_stmt_step(q, err);
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(256);
        ov_str v = ov_stmt_col_text(q, 0, a);
        snprintf(buf, cap, "%.*s", (int)v.len, v.ptr ? v.ptr : "");
        ov_arena_destroy(a);
    }
    ov_stmt_release(q);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

/* The check value ties the audit key to its database and to the row its
 * keyed chain starts at: moving that start (so that keyed rows would be
 * read as plain SHA-256 ones) breaks it. */
static void audit_key_check(const uint8_t key[OV_KEY_BYTES], int64_t from,
                            char hex[2 * OV_HASH_BYTES + 1])
{
    char text[96];
    int n = snprintf(text, sizeof text,
                     "overgang audit chain keyed from %lld", (long long)from);
    uint8_t mac[OV_HASH_BYTES];
    ov_hmac(key, text, (size_t)n, mac);
    ov_hex_encode(mac, OV_HASH_BYTES, hex);
}

bool ov_store_audit_rows_exist(ov_store *s)
{
    ov_conn *c = s->writer;
    bool own = false;
    ov_err e;
    if (!c) {
        if (ov_conn_open(s->db_path, false, true, &c, &e) != OV_OK)
            return true; /* cannot tell: assume the worst */
        own = true;
    } else {
        pthread_mutex_lock(&s->write_lock);
    }
    bool any = true;
    ov_stmt *q;
    if (ov_stmt_prepare(c, SQL_AUDIT_ANY, &q, &e) == OV_OK) {
        if (ov_stmt_step(q, &e) == OV_STEP_ROW)
            any = ov_stmt_col_i64(q, 0) != 0;
        ov_stmt_release(q);
    }
    if (own)
        ov_conn_close(c);
    else
        pthread_mutex_unlock(&s->write_lock);
    return any;
}

/* Load the audit key and where the keyed chain starts. A writer that
 * finds no keyed chain starts one: it creates the key file if there is
 * none and, in one transaction, records the start in store_meta with the
 * check value and writes the first keyed row. Read-only, problems are
 * kept in audit_key_err for verification to report. */
static ov_status setup_audit_key(ov_store *s, ov_err *err)
{
    char from_text[32], check[2 * OV_HASH_BYTES + 8];
    ov_conn *c = s->writer;
    bool own = false;
    ov_status st;
    if (!c) {
        st = ov_conn_open(s->db_path, false, true, &c, err);
        if (st != OV_OK)
            return st;
        own = true;
    }
    st = meta_text(c, META_KEYED_FROM, from_text, sizeof from_text, err);
    if (st == OV_OK)
        st = meta_text(c, META_AUDIT_KEY_CHECK, check, sizeof check, err);
    if (own)
        ov_conn_close(c);
    if (st != OV_OK)
        return st;
    int64_t from = 0;
    if (from_text[0] && (ov_str_to_i64(ov_str_c(from_text), &from) != OV_OK ||
                         from < 1))
        return ov_err_set(err, OV_ECORRUPT, "--db",
                          "--db: store_meta %s is not a row number; the "
                          "audit log cannot be trusted; restore from backup",
                          META_KEYED_FROM);
    bool key_exists = ov_file_exists(s->audit_key_path);
    if (from_text[0] || key_exists) {
        st = ov_audit_keyfile_load(s->audit_key_path, s->audit_key,
                                   &s->audit_key_err);
        if (st == OV_OK && from_text[0]) {
            char want[2 * OV_HASH_BYTES + 1];
            audit_key_check(s->audit_key, from, want);
            if (!ov_memeq_ct(want, check, 2 * OV_HASH_BYTES) ||
                strlen(check) != 2 * OV_HASH_BYTES)
                st = ov_err_msg(&s->audit_key_err, OV_ECONFLICT, "--audit-key",
                                store_audit_key_foreign, s->audit_key_path,
                                s->db_path, (long long)from);
        }
        s->have_audit_key = st == OV_OK;
        if (st != OV_OK)
            memset(s->audit_key, 0, sizeof s->audit_key);
        s->keyed_from = from;
        if (from_text[0]) {
            if (st != OV_OK && s->writer) {
                /* nothing may be written to a chain we cannot key */
                *err = s->audit_key_err;
                return st;
            }
            return OV_OK;
        }
        if (!s->writer)
            return OV_OK; /* verification reports the missing record */
        if (st != OV_OK) {
            *err = s->audit_key_err;
            return st;
        }
        if (ov_store_audit_rows_exist(s))
            return ov_err_set(err, OV_ECORRUPT, "--db",
                              "--db: the database has audit rows but no "
                              "record of where its keyed chain starts, "
                              "while the audit key '%s' exists: the record "
                              "was removed (tampering?) or the key belongs "
                              "to another database; run 'overgang audit "
                              "verify' and restore from backup",
                              s->audit_key_path);
    } else {
        ov_err_set(&s->audit_key_err, OV_EIO, "--audit-key",
                   "--audit-key: '%s' does not exist; give --audit-key PATH",
                   s->audit_key_path);
        if (!s->writer)
            return OV_OK; /* a log from before the audit key: v1 only */
        st = ov_audit_keyfile_create(s->audit_key_path, err);
        if (st == OV_OK)
            st = ov_audit_keyfile_load(s->audit_key_path, s->audit_key, err);
        if (st != OV_OK)
            return st;
        s->have_audit_key = true;
        s->created_audit_key = true;
    }
    /* start the keyed chain after the current head */
    int64_t head;
    uint8_t hash[OV_HASH_BYTES];
    st = ov_audit_head(s->writer, &head, hash, err);
    if (st != OV_OK)
        return st;
    from = head + 1;
    char v[24], hex[2 * OV_HASH_BYTES + 1];
    snprintf(v, sizeof v, "%lld", (long long)from);
    audit_key_check(s->audit_key, from, hex);
    ov_tx *tx;
    st = ov_tx_begin(s, &ov_system_actor, &tx, err);
    if (st != OV_OK)
        return st;
    s->keyed_from = from;
    const char *keys[2] = {META_KEYED_FROM, META_AUDIT_KEY_CHECK};
    const char *vals[2] = {v, hex};
    for (int i = 0; i < 2 && st == OV_OK; i++) {
        ov_stmt *q;
        st = ov_stmt_prepare(s->writer, SQL_META_PUT, &q, err);
        if (st == OV_OK) {
            ov_stmt_bind_cstr(q, 1, keys[i]);
            ov_stmt_bind_cstr(q, 2, vals[i]);
            st = ov_stmt_run(q, err);
        }
        if (st != OV_OK)
            ov_tx_fail(tx, err);
    }
    /* an existing log gets a first keyed row at once: it covers the
     * plain rows before it, so they cannot be rewritten from now on */
    char what[OV_AUDIT_CRITERION_MAX];
    snprintf(what, sizeof what,
             "audit key: the chain is keyed (HMAC-SHA-256) from row %lld",
             (long long)from);
    if (st == OV_OK && head > 0)
        st = ov_audit_append(tx, OV_ACT_CREATE, 0, what, err);
    ov_status cst = ov_tx_commit(tx, err);
    if (st == OV_OK)
        st = cst;
    if (st != OV_OK)
        s->keyed_from = 0;
    return st;
}

#define CHECKPOINT_MS 200
#define FOLD_TICKS 5 /* fold the read-audit journal every 5 ticks (1 s) */

/* Checkpoint on the writer connection, under the writer's lock: SQLite
 * before 3.51.3 can corrupt a WAL database when two connections write or
 * checkpoint at once, so no second connection ever does either. A batch
 * in progress is left alone; the next tick catches up. */
static void checkpoint_now(ov_store *s)
{
    pthread_mutex_lock(&s->write_lock);
    if (!s->batch_open) {
        ov_err e;
        /* PASSIVE: copies what it can without waiting for readers */
        if (ov_conn_exec(s->writer, "PRAGMA wal_checkpoint(PASSIVE)", &e) !=
            OV_OK)
            ov_log_warn("background checkpoint: %s", e.msg);
    }
    pthread_mutex_unlock(&s->write_lock);
}

static void *checkpointer(void *arg)
{
    ov_store *s = arg;
    int ticks = 0;
    /* background work yields to requests: folding a second of page views
     * takes tens of milliseconds of processor, which would otherwise be
     * taken from the requests of that moment (their rows are already safe
     * in the journal, so the fold may wait) */
    if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10) != 0)
        ov_log_debug("background thread keeps its priority: %s",
                     strerror(errno));
    pthread_mutex_lock(&s->ckpt_lock);
    while (!s->ckpt_stop) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        t.tv_nsec += CHECKPOINT_MS * 1000000L;
        if (t.tv_nsec >= 1000000000L) {
            t.tv_sec++;
            t.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&s->ckpt_cond, &s->ckpt_lock, &t);
        if (s->ckpt_stop)
            break;
        pthread_mutex_unlock(&s->ckpt_lock);
        /* a fold commits, and every commit empties the readers' caches:
         * fold once a second (writes fold too, when they open a batch) */
        if (++ticks >= FOLD_TICKS) {
            ticks = 0;
            ov_err e;
            if (ov_store_audit_sync(s, &e) != OV_OK)
                ov_log_warn("background fold of the audit journal: %s",
                            e.msg);
        }
        /* the sessions' seen times, when no write has taken them */
        if (s->seen && ov_seen_due(s->seen, ov_time_now())) {
            ov_err e;
            if (ov_store_seen_write(s, &e) != OV_OK)
                ov_log_warn("writing the sessions' seen times: %s", e.msg);
        }
        checkpoint_now(s);
        ov_anchor_now(s);
        pthread_mutex_lock(&s->ckpt_lock);
    }
    pthread_mutex_unlock(&s->ckpt_lock);
    return NULL;
}

/* Take checkpoints out of the commit path: autocheckpoint off and a thread
 * that checkpoints every 200 ms. Without it, every thousandth commit
 * copied the WAL into the database while its request waited. */
static void start_checkpointer(ov_store *s)
{
    ov_err e;
    if (ov_conn_exec(s->writer, "PRAGMA wal_autocheckpoint=0", &e) != OV_OK)
        return;
    pthread_mutex_init(&s->ckpt_lock, NULL);
    pthread_cond_init(&s->ckpt_cond, NULL);
    if (pthread_create(&s->ckpt_thread, NULL, checkpointer, s) != 0) {
        ov_log_warn("no background checkpoints; the writer checkpoints "
                    "itself");
        ov_conn_exec(s->writer, "PRAGMA wal_autocheckpoint=1000", &e);
        pthread_mutex_destroy(&s->ckpt_lock);
        pthread_cond_destroy(&s->ckpt_cond);
        return;
    }
    s->ckpt_running = true;
}

static void stop_checkpointer(ov_store *s)
{
    if (!s->ckpt_running)
        return;
    pthread_mutex_lock(&s->ckpt_lock);
    s->ckpt_stop = true;
    pthread_cond_signal(&s->ckpt_cond);
    pthread_mutex_unlock(&s->ckpt_lock);
    pthread_join(s->ckpt_thread, NULL);
    pthread_mutex_destroy(&s->ckpt_lock);
    pthread_cond_destroy(&s->ckpt_cond);
    s->ckpt_running = false;
}

static char *path_with(const char *db_path, const char *suffix)
{
    size_t n = strlen(db_path) + strlen(suffix) + 1;
    char *p = ov_xmalloc(n);
    snprintf(p, n, "%s%s", db_path, suffix);
    return p;
}

/* An accepted loss of acknowledged read-audit rows is itself audited: one
 * row with the count and where the damaged files were kept, in the
 * transaction that folds what was left, which also moves the folded
 * number past the lost records so they are not reported again. */
static ov_status record_journal_loss(ov_store *s, const ov_journal_state *js,
                                     ov_err *err)
{
    ov_log_error("audit journal: %llu acknowledged read audit rows lost (%s); "
                 "opened with --accept-audit-loss; the damaged files are "
                 "kept at %s%s%s",
                 (unsigned long long)js->lost,
                 js->damage[0] ? js->damage : "records cut off", js->aside,
                 js->aside2[0] ? " and " : "", js->aside2);
    ov_tx *tx;
    ov_status st = ov_tx_begin(s, &ov_system_actor, &tx, err);
    if (st != OV_OK)
        return st;
    char what[OV_AUDIT_CRITERION_MAX + 1];
    snprintf(what, sizeof what,
             "read-audit journal damaged: %llu acknowledged read rows lost "
             "(records up to %llu); accepted with --accept-audit-loss",
             (unsigned long long)js->lost, (unsigned long long)js->upto);
    st = ov_audit_append(tx, OV_ACT_DELETE, 0, what, err);
    if (st == OV_OK) {
        st = ov_folded_seq_write(s->writer, js->upto, err);
        if (st != OV_OK)
            ov_tx_fail(tx, err);
    }
    ov_status cst = ov_tx_commit(tx, err);
    return st != OV_OK ? st : cst;
}

ov_status ov_store_open(const ov_store_options *opt, ov_store **out,
                        ov_err *err)
{
    *out = NULL;
    if (!opt->db_path || !opt->db_path[0])
        return ov_err_msg(err, OV_EINVAL, "--db", store_no_db_path);
    bool exists = ov_file_exists(opt->db_path);
    if (!exists && opt->mode != OV_OPEN_INIT)
        return ov_err_set(err, OV_EIO, "--db",
                          "--db: '%s' does not exist; create it with "
                          "'overgang init --db %s'",
                          opt->db_path, opt->db_path);
    if (!exists && (ov_journal_stale(opt->db_path, "--db", err) ||
                    ov_anchors_stale(opt->db_path, err)))
        return err->code;
    static pthread_mutex_t serial_lock = PTHREAD_MUTEX_INITIALIZER;
    static uint64_t serial;
    ov_store *s = ov_xcalloc(1, sizeof *s);
    pthread_mutex_lock(&serial_lock);
    s->instance = ++serial;
    pthread_mutex_unlock(&serial_lock);
    s->db_path = strdup(opt->db_path);
    if (!s->db_path)
        s->db_path = ov_xcalloc(1, 1);
    s->audit_key_path = opt->audit_key_path
                            ? path_with(opt->audit_key_path, "")
                            : path_with(opt->db_path, ".audit-key");
    s->anchors_path = opt->anchors_path ? path_with(opt->anchors_path, "")
                                        : path_with(opt->db_path, "-anchors");
    s->anchor_fd = -1;
    s->anchor_copy = opt->anchor_copy;
    s->anchor_copy_ctx = opt->anchor_copy_ctx;
    s->no_anchors = opt->no_anchors;
    s->readonly = opt->mode == OV_OPEN_READONLY;
    s->nreaders = opt->readers > 0 ? opt->readers : DEFAULT_READERS;
    if (s->nreaders > OV_STORE_MAX_READERS)
        s->nreaders = OV_STORE_MAX_READERS;
    pthread_mutex_init(&s->write_lock, NULL);
    pthread_mutex_init(&s->commit_lock, NULL);
    pthread_cond_init(&s->commit_cond, NULL);
    pthread_mutex_init(&s->pool_lock, NULL);
    pthread_cond_init(&s->pool_cond, NULL);
    if (!s->readonly)
        s->seen = ov_seen_new();
    ov_err_msg(&s->key_err, OV_EINVAL, "--key-file", store_no_key_file);

    ov_status st = OV_OK;
    if (!s->readonly) {
        st = ov_conn_open(opt->db_path, opt->mode == OV_OPEN_INIT, false,
                          &s->writer, err);
        if (st == OV_OK)
            st = ov_migrate(s->writer, &s->schema_version, err);
    } else {
        ov_conn *c;
        st = ov_conn_open(opt->db_path, false, true, &c, err);
        if (st == OV_OK) {
            st = ov_schema_version_read(c, &s->schema_version, err);
            ov_conn_close(c);
        }
        if (st == OV_OK && s->schema_version == 0)
            st = ov_err_msg(err, OV_EINVAL, "--db", store_not_overgang,
                            opt->db_path);
        if (st == OV_OK && s->schema_version > ov_migrations_latest())
            st = ov_err_msg(err, OV_ECONFLICT, "--db",
                            migrations_schema_newer, opt->db_path,
                            s->schema_version, ov_migrations_latest());
    }
    if (st == OV_OK && s->schema_version > 0)
        st = setup_keys(s, opt->key_path, opt->mode, err);
    if (st == OV_OK && s->schema_version > 0)
        st = setup_audit_key(s, err);
    if (st != OV_OK) {
        ov_store_close(s);
        if (!exists && opt->mode == OV_OPEN_INIT) {
            /* nothing half-made: remove what this failed init created */
            unlink(opt->db_path);
        }
        return st;
    }
    if (s->writer) {
        /* the journal of read rows: what a crash left is folded now */
        uint64_t folded = 0;
        ov_journal_state js;
        ov_anchor_file anchors;
        memset(&anchors, 0, sizeof anchors);
        memset(&js, 0, sizeof js);
        st = ov_folded_seq_read(s->writer, &folded, err);
        /* the highest journal number known to be synced */
        if (st == OV_OK && s->have_audit_key)
            st = ov_anchors_read(s->anchors_path, s->audit_key, true,
                                 &anchors, err);
        if (st == OV_OK && anchors.have) {
            /* an anchor that says nothing new is not written again */
            s->anchored = true;
            s->anchored_id = anchors.newest.id;
            s->anchored_jseq = anchors.newest.jseq;
            memcpy(s->anchored_hash, anchors.newest.hash, OV_HASH_BYTES);
        }
        if (st == OV_OK) {
            st = ov_journal_open(s->db_path, folded, anchors.max_jseq,
                                 opt->accept_audit_loss, &s->journal, &js,
                                 err);
            if (st == OV_OK && js.lost)
                st = record_journal_loss(s, &js, err);
            if (st == OV_ECONFLICT) {
                /* a server has it: this process writes its read rows
                 * straight into the database and leaves the journal be */
                ov_log_debug("%s; read audit rows go into the database",
                             err->msg);
                s->journal = NULL;
                st = OV_OK;
            }
        }
        if (st == OV_OK)
            st = ov_store_audit_sync(s, err);
        if (st != OV_OK) {
            ov_store_close(s);
            return st;
        }
        ov_anchor_now(s);
        start_checkpointer(s);
    }
    *out = s;
    return OV_OK;
}

void ov_store_close(ov_store *s)
{
    if (!s)
        return;
    stop_checkpointer(s);
    if (s->seen && s->writer && ov_seen_due(s->seen, INT64_MAX)) {
        ov_err e;
        if (ov_store_seen_write(s, &e) != OV_OK)
            ov_log_error("writing the sessions' seen times at close: %s",
                         e.msg);
    }
    if (s->journal) {
        ov_err e;
        if (ov_store_audit_sync(s, &e) != OV_OK)
            ov_log_error("folding the audit journal at close: %s (it is "
                         "folded at the next start)", e.msg);
        ov_anchor_now(s);
        ov_journal_close(s->journal);
        s->journal = NULL;
    } else {
        ov_anchor_now(s);
    }
    if (s->anchor_fd >= 0)
        close(s->anchor_fd);
    for (int i = 0; i < OV_STORE_MAX_READERS; i++)
        ov_conn_close(s->readers[i]);
    ov_conn_close(s->writer);
    ov_keys_wipe(&s->keys);
    memset(s->audit_key, 0, sizeof s->audit_key);
    free(s->audit_key_path);
    free(s->anchors_path);
    ov_seen_free(s->seen);
    pthread_mutex_destroy(&s->write_lock);
    pthread_mutex_destroy(&s->commit_lock);
    pthread_cond_destroy(&s->commit_cond);
    pthread_mutex_destroy(&s->pool_lock);
    pthread_cond_destroy(&s->pool_cond);
    free(s->db_path);
    free(s);
}

bool ov_store_created_audit_key(const ov_store *s)
{
    return s->created_audit_key;
}

int ov_store_schema_version(ov_store *s) { return s->schema_version; }
int ov_store_latest_schema_version(void) { return ov_migrations_latest(); }
bool ov_store_created_key(const ov_store *s) { return s->created_key; }

ov_status ov_store_keys(ov_store *s, const ov_keys **out, ov_err *err)
{
    if (!s->have_keys) {
        if (err)
            *err = s->key_err;
        return s->key_err.code;
    }
    *out = &s->keys;
    return OV_OK;
}

ov_status ov_store_stats_get(ov_store *s, ov_store_stats *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    struct stat stt;
    if (stat(s->db_path, &stt) == 0)
        out->file_bytes = (int64_t)stt.st_size;
    ov_tx *tx;
    ov_status st = ov_store_audit_sync(s, err);
    if (st == OV_OK)
        st = ov_tx_begin_read(s, &tx, err);
    if (st != OV_OK)
        return st;
    st = count_rows(tx->conn, COUNT_CITIZENS, &out->citizens, err);
    if (st == OV_OK)
        st = count_rows(tx->conn, COUNT_AUDIT, &out->audit_rows, err);
    ov_tx_rollback(tx);
    return st;
}
