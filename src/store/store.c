/*
 * store.c - opening the database, connections, transactions, integrity,
 * backup and restore.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "store/audit.h"
#include "store/store_int.h"

#define DEFAULT_READERS 4
#define MAX_READERS 32
#define KEY_CHECK_LABEL "overgang key check v1"

/* A writer waiting for its batch to reach the disk (group commit). */
typedef struct commit_waiter {
    int64_t batch;
    bool done;
    ov_status st;
    ov_err err;
    struct commit_waiter *next;
} commit_waiter;

struct ov_store {
    char *db_path;
    ov_conn *writer;         /* NULL in read-only mode */
    pthread_mutex_t write_lock;
    ov_tx wtx;

    /* Group commit: write transactions are savepoints inside one SQLite
     * transaction (a batch); the last writer of a batch commits it, with
     * one fsync for all of them, and every writer of the batch returns
     * only when the batch is on disk (or reports its failure). */
    pthread_mutex_t commit_lock;
    pthread_cond_t commit_cond;
    int waiting;             /* writers waiting for write_lock */
    bool batch_open;
    int64_t batch;           /* id of the open (or last) batch */
    int batch_n;             /* writers in the open batch */
    commit_waiter *waiters;

    /* Checkpoints run in a background thread (on the writer connection,
     * under its lock), so no commit waits while the WAL is copied. */
    pthread_t ckpt_thread;
    bool ckpt_running;
    bool ckpt_stop;
    pthread_mutex_t ckpt_lock;
    pthread_cond_t ckpt_cond;

    pthread_mutex_t pool_lock;
    pthread_cond_t pool_cond;
    int nreaders;
    ov_conn *readers[MAX_READERS]; /* opened lazily */
    bool reader_busy[MAX_READERS];
    ov_tx rtx[MAX_READERS];

    /* read audit rows on their way into audit_log (journal.h); NULL when
     * read-only, or after a journal failure (rows then go straight into
     * the database) */
    ov_journal *journal;
    bool journal_warned;

    /* the audit key (never stored in the database) and the keyed chain */
    char *audit_key_path;
    char *anchors_path;
    uint8_t audit_key[OV_KEY_BYTES];
    bool have_audit_key;
    bool created_audit_key;
    ov_err audit_key_err;    /* why the audit key is unavailable */
    int64_t keyed_from;      /* first keyed row; 0: none yet */
    /* anchors: written by the background thread and at close */
    int anchor_fd;
    bool no_anchors;         /* verify the chain alone (opt->no_anchors) */
    bool anchored;           /* anchored_* hold the last anchor written */
    int64_t anchored_id;
    uint8_t anchored_hash[OV_HASH_BYTES];
    uint64_t anchored_jseq;
    bool anchor_warned;

    bool readonly;
    bool have_keys;
    bool created_key;
    ov_keys keys;
    ov_err key_err;          /* why keys are unavailable */
    int schema_version;
};

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static const char SQL_META_GET[] = "SELECT value FROM store_meta WHERE key = ?1";
static const char SQL_META_PUT[] =
    "INSERT INTO store_meta (key, value) VALUES (?1, ?2)";
/* the folded number only ever grows */
static const char SQL_META_SET[] =
    "INSERT INTO store_meta (key, value) VALUES (?1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = CASE WHEN "
    "CAST(excluded.value AS INTEGER) > CAST(value AS INTEGER) THEN "
    "excluded.value ELSE value END";
static const char META_JOURNAL_SEQ[] = "audit_journal_seq";
static const char META_KEYED_FROM[] = "audit_chain_keyed_from";
static const char META_AUDIT_KEY_CHECK[] = "audit_key_check";
static const char SQL_AUDIT_ANY[] =
    "SELECT EXISTS (SELECT 1 FROM audit_log) OR EXISTS (SELECT 1 FROM "
    "audit_checkpoint)";
static const char SQL_CITIZEN_COUNT[] = "SELECT count(*) FROM citizen";
static const char SQL_AUDIT_COUNT[] = "SELECT count(*) FROM audit_log";

static ov_status folded_seq(ov_conn *c, uint64_t *out, ov_err *err);

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
    ov_err_set(&s->key_err, OV_EINVAL, "--key-file",
               "no key file given; CPR numbers cannot be read or written");
    if (!key_path)
        return OV_OK;
    ov_conn *c = s->writer ? s->writer : NULL;
    int64_t citizens = 0;
    ov_status st;
    if (mode == OV_OPEN_INIT && !file_exists(key_path)) {
        if (c) {
            st = count_rows(c, COUNT_CITIZENS, &citizens, err);
            if (st != OV_OK)
                return st;
        }
        if (citizens > 0)
            return ov_err_set(err, OV_ECONFLICT, "--key-file",
                              "--key-file: '%s' is missing but the database "
                              "holds %lld citizens whose CPR numbers need it; "
                              "restore the key file from backup",
                              key_path, (long long)citizens);
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
        return ov_err_set(err, OV_ECONFLICT, "--key-file",
                          "--key-file: '%s' does not belong to database '%s'; "
                          "give the key file that was created with it",
                          key_path, s->db_path);
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

/* The actor of the store's own transactions (folds at open and in the
 * background, the audit key's first row, an accepted journal loss). */
static const ov_actor SYSTEM_ACTOR = {"overgang", OV_ROLE_SYSTEM,
                                      "revisionsjournal"};

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
    bool key_exists = file_exists(s->audit_key_path);
    if (from_text[0] || key_exists) {
        st = ov_audit_keyfile_load(s->audit_key_path, s->audit_key,
                                   &s->audit_key_err);
        if (st == OV_OK && from_text[0]) {
            char want[2 * OV_HASH_BYTES + 1];
            audit_key_check(s->audit_key, from, want);
            if (!ov_memeq_ct(want, check, 2 * OV_HASH_BYTES) ||
                strlen(check) != 2 * OV_HASH_BYTES)
                st = ov_err_set(&s->audit_key_err, OV_ECONFLICT,
                                "--audit-key",
                                "--audit-key: '%s' does not belong to "
                                "database '%s', or its record of where the "
                                "keyed audit chain starts (row %lld) was "
                                "altered; give the audit key created with "
                                "it",
                                s->audit_key_path, s->db_path,
                                (long long)from);
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
    st = ov_tx_begin(s, &SYSTEM_ACTOR, &tx, err);
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

/* A last line without its newline is one a crash cut short: the reader
 * ignores it, but an append after it would glue the next anchor to it.
 * Cut it off before the first append. */
static void anchors_cut_torn_line(int fd)
{
    struct stat st;
    char buf[512];
    if (fstat(fd, &st) != 0 || st.st_size == 0 ||
        (pread(fd, buf, 1, st.st_size - 1) == 1 && buf[0] == '\n'))
        return;
    off_t pos = st.st_size;
    while (pos > 0) {
        size_t n = pos > (off_t)sizeof buf ? sizeof buf : (size_t)pos;
        pos -= (off_t)n;
        if (pread(fd, buf, n, pos) != (ssize_t)n)
            return;
        for (size_t i = n; i > 0; i--)
            if (buf[i - 1] == '\n') {
                if (ftruncate(fd, pos + (off_t)i) != 0)
                    ov_log_warn("cannot cut a torn anchor line: %s",
                                strerror(errno));
                return;
            }
    }
    if (ftruncate(fd, 0) != 0)
        ov_log_warn("cannot cut a torn anchor line: %s", strerror(errno));
}

/* Append the chain's head and the journal's synced number to the anchor
 * file when either moved (see audit.h). Called by the background thread
 * every tick and at open and close; never while a batch is open, so the
 * head is committed (and, synchronous=FULL, on disk). The file is synced
 * outside the writer's lock. */
static void anchor_now(ov_store *s)
{
    if (!s->writer || !s->have_audit_key || !s->keyed_from)
        return;
    ov_anchor a;
    memset(&a, 0, sizeof a);
    ov_err e;
    pthread_mutex_lock(&s->write_lock);
    if (s->batch_open) {
        pthread_mutex_unlock(&s->write_lock);
        return;
    }
    ov_status st = ov_audit_head(s->writer, &a.id, a.hash, &e);
    pthread_mutex_unlock(&s->write_lock);
    a.jseq = s->journal ? ov_journal_synced_seq(s->journal) : 0;
    if (st != OV_OK ||
        (s->anchored && a.id == s->anchored_id && a.jseq == s->anchored_jseq &&
         memcmp(a.hash, s->anchored_hash, OV_HASH_BYTES) == 0))
        return;
    ov_time_format_utc(ov_time_now(), a.at);
    char line[512];
    size_t n = ov_anchor_format(s->audit_key, &a, line, sizeof line);
    bool created = false;
    if (s->anchor_fd < 0) {
        created = !file_exists(s->anchors_path);
        s->anchor_fd = open(s->anchors_path,
                            O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (s->anchor_fd >= 0)
            anchors_cut_torn_line(s->anchor_fd);
    }
    if (s->anchor_fd < 0 || !n ||
        write(s->anchor_fd, line, n) != (ssize_t)n ||
        fdatasync(s->anchor_fd) != 0) {
        if (!s->anchor_warned)
            ov_log_error("cannot append to the audit anchor file %s: %s "
                         "(truncation of the audit log is not detected "
                         "until it can)",
                         s->anchors_path, strerror(errno));
        s->anchor_warned = true;
        return;
    }
    if (created) {
        char dir[PATH_MAX];
        const char *slash = strrchr(s->anchors_path, '/');
        snprintf(dir, sizeof dir, "%.*s",
                 slash ? (int)(slash - s->anchors_path) : 1,
                 slash ? s->anchors_path : ".");
        int fd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            if (fsync(fd) != 0)
                ov_log_warn("cannot sync the folder of %s",
                            s->anchors_path);
            close(fd);
        }
    }
    s->anchored = true;
    s->anchored_id = a.id;
    s->anchored_jseq = a.jseq;
    memcpy(s->anchored_hash, a.hash, OV_HASH_BYTES);
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
        checkpoint_now(s);
        anchor_now(s);
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

/* A new database (init, restore) must not inherit the anchors of an
 * earlier one at its path: its chain would never reach them. */
static bool anchors_stale(const char *db_path, ov_err *err)
{
    char *p = path_with(db_path, "-anchors");
    struct stat st;
    bool stale = stat(p, &st) == 0 && st.st_size > 0;
    if (stale)
        ov_err_set(err, OV_ECONFLICT, "--db",
                   "--db: '%s' holds the audit anchors of an earlier "
                   "database at this path; move it away (keep it: it proves "
                   "that database's audit log) before creating a new one",
                   p);
    free(p);
    return stale;
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
    ov_status st = ov_tx_begin(s, &SYSTEM_ACTOR, &tx, err);
    if (st != OV_OK)
        return st;
    char what[OV_AUDIT_CRITERION_MAX + 1];
    snprintf(what, sizeof what,
             "read-audit journal damaged: %llu acknowledged read rows lost "
             "(records up to %llu); accepted with --accept-audit-loss",
             (unsigned long long)js->lost, (unsigned long long)js->upto);
    st = ov_audit_append(tx, OV_ACT_DELETE, 0, what, err);
    if (st == OV_OK) {
        ov_stmt *q;
        st = ov_stmt_prepare(s->writer, SQL_META_SET, &q, err);
        if (st == OV_OK) {
            char v[24];
            snprintf(v, sizeof v, "%llu", (unsigned long long)js->upto);
            ov_stmt_bind_cstr(q, 1, META_JOURNAL_SEQ);
            ov_stmt_bind_cstr(q, 2, v);
            st = ov_stmt_run(q, err);
        }
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
        return ov_err_set(err, OV_EINVAL, "--db",
                          "--db: no database path; give --db PATH");
    bool exists = file_exists(opt->db_path);
    if (!exists && opt->mode != OV_OPEN_INIT)
        return ov_err_set(err, OV_EIO, "--db",
                          "--db: '%s' does not exist; create it with "
                          "'overgang init --db %s'",
                          opt->db_path, opt->db_path);
    if (!exists && (ov_journal_stale(opt->db_path, "--db", err) ||
                    anchors_stale(opt->db_path, err)))
        return err->code;
    ov_store *s = ov_xcalloc(1, sizeof *s);
    s->db_path = strdup(opt->db_path);
    if (!s->db_path)
        s->db_path = ov_xcalloc(1, 1);
    s->audit_key_path = opt->audit_key_path
                            ? path_with(opt->audit_key_path, "")
                            : path_with(opt->db_path, ".audit-key");
    s->anchors_path = opt->anchors_path ? path_with(opt->anchors_path, "")
                                        : path_with(opt->db_path, "-anchors");
    s->anchor_fd = -1;
    s->no_anchors = opt->no_anchors;
    s->readonly = opt->mode == OV_OPEN_READONLY;
    s->nreaders = opt->readers > 0 ? opt->readers : DEFAULT_READERS;
    if (s->nreaders > MAX_READERS)
        s->nreaders = MAX_READERS;
    pthread_mutex_init(&s->write_lock, NULL);
    pthread_mutex_init(&s->commit_lock, NULL);
    pthread_cond_init(&s->commit_cond, NULL);
    pthread_mutex_init(&s->pool_lock, NULL);
    pthread_cond_init(&s->pool_cond, NULL);
    ov_err_set(&s->key_err, OV_EINVAL, "--key-file",
               "no key file given; CPR numbers cannot be read or written");

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
            st = ov_err_set(err, OV_EINVAL, "--db",
                            "--db: '%s' is not an overgang database (no "
                            "schema); create one with 'overgang init --db "
                            "PATH'",
                            opt->db_path);
        if (st == OV_OK && s->schema_version > ov_migrations_latest())
            st = ov_err_set(err, OV_ECONFLICT, "--db",
                            "--db: '%s' has schema version %d, newer than "
                            "this overgang knows (%d); upgrade overgang",
                            opt->db_path, s->schema_version,
                            ov_migrations_latest());
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
        st = folded_seq(s->writer, &folded, err);
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
        anchor_now(s);
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
    if (s->journal) {
        ov_err e;
        if (ov_store_audit_sync(s, &e) != OV_OK)
            ov_log_error("folding the audit journal at close: %s (it is "
                         "folded at the next start)", e.msg);
        anchor_now(s);
        ov_journal_close(s->journal);
        s->journal = NULL;
    } else {
        anchor_now(s);
    }
    if (s->anchor_fd >= 0)
        close(s->anchor_fd);
    for (int i = 0; i < MAX_READERS; i++)
        ov_conn_close(s->readers[i]);
    ov_conn_close(s->writer);
    ov_keys_wipe(&s->keys);
    memset(s->audit_key, 0, sizeof s->audit_key);
    free(s->audit_key_path);
    free(s->anchors_path);
    pthread_mutex_destroy(&s->write_lock);
    pthread_mutex_destroy(&s->commit_lock);
    pthread_cond_destroy(&s->commit_cond);
    pthread_mutex_destroy(&s->pool_lock);
    pthread_cond_destroy(&s->pool_cond);
    free(s->db_path);
    free(s);
}

const uint8_t *ov_store_audit_key(ov_store *s, ov_err *why)
{
    if (!s->have_audit_key) {
        if (why)
            *why = s->audit_key_err;
        return NULL;
    }
    return s->audit_key;
}

int64_t ov_store_audit_keyed_from(const ov_store *s) { return s->keyed_from; }
const char *ov_store_path(const ov_store *s) { return s->db_path; }
const char *ov_store_anchors_path(const ov_store *s)
{
    return s->no_anchors ? NULL : s->anchors_path;
}
bool ov_store_created_audit_key(const ov_store *s)
{
    return s->created_audit_key;
}

ov_status ov_store_folded_seq(ov_store *s, uint64_t *out, ov_err *err)
{
    ov_tx *tx;
    ov_status st = ov_tx_begin_read(s, &tx, err);
    if (st != OV_OK)
        return st;
    st = folded_seq(tx->conn, out, err);
    ov_tx_rollback(tx);
    return st;
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

/* ---- transactions ---- */

ov_status ov_tx_fail(ov_tx *tx, ov_err *err)
{
    if (!tx->failed) {
        tx->failed = true;
        if (err)
            tx->err = *err;
        else
            ov_err_set(&tx->err, OV_EINTERNAL, NULL, "transaction failed");
    }
    return err ? err->code : tx->err.code;
}

ov_status ov_tx_check(ov_tx *tx, bool need_write, ov_err *err)
{
    if (!tx || !tx->active)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "no active transaction (a bug)");
    if (tx->failed) {
        if (err)
            *err = tx->err;
        return tx->err.code;
    }
    if (need_write && !tx->write)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINTERNAL, NULL,
                                          "citizen data needs a write "
                                          "transaction for its audit row "
                                          "(a bug)"),
                               err));
    return OV_OK;
}

void ov_tx_pending_init(ov_tx *tx)
{
    tx->pending = tx->pending_inline;
    tx->pending_cap = OV_TX_PENDING_READS;
    tx->npending = 0;
}

void ov_tx_pending_free(ov_tx *tx)
{
    if (tx->pending && tx->pending != tx->pending_inline)
        free(tx->pending);
    ov_tx_pending_init(tx);
}

ov_status ov_tx_check_audited(ov_tx *tx, ov_err *err)
{
    ov_status st = ov_tx_check(tx, false, err);
    if (st != OV_OK)
        return st;
    if (!tx->actor)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINTERNAL, NULL,
                                          "citizen data needs a transaction "
                                          "with an actor for its audit row "
                                          "(a bug)"),
                               err));
    return OV_OK;
}

/* Fold the journal's waiting records into the batch just opened (write_lock
 * held, outside any writer's savepoint, so a writer's rollback keeps
 * them), with the highest folded number in store_meta. */
static ov_status fold_journal(ov_store *s, ov_err *err)
{
    size_t n;
    ov_jrec *r = ov_journal_take(s->journal, s->batch, &n);
    if (!r)
        return OV_OK;
    ov_tx t;
    memset(&t, 0, sizeof t);
    t.store = s;
    t.conn = s->writer;
    t.actor = &SYSTEM_ACTOR;
    t.write = true;
    t.active = true;
    uint64_t last = 0;
    if (ov_audit_fold(&t, r, n, &last, err) != OV_OK)
        return err->code;
    ov_stmt *st;
    if (ov_stmt_prepare(s->writer, SQL_META_SET, &st, err) != OV_OK)
        return err->code;
    char v[24];
    snprintf(v, sizeof v, "%llu", (unsigned long long)last);
    ov_stmt_bind_cstr(st, 1, META_JOURNAL_SEQ);
    ov_stmt_bind_cstr(st, 2, v);
    return ov_stmt_run(st, err);
}

/* The highest journal record already in audit_log (0 when none). */
static ov_status folded_seq(ov_conn *c, uint64_t *out, ov_err *err)
{
    *out = 0;
    ov_stmt *st;
    if (ov_stmt_prepare(c, SQL_META_GET, &st, err) != OV_OK)
        return err->code;
    ov_stmt_bind_cstr(st, 1, META_JOURNAL_SEQ);
    ov_step r = ov_stmt_step(st, err);
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(256);
        ov_str v = ov_stmt_col_text(st, 0, a);
        int64_t n;
        if (ov_str_to_i64(v, &n) == OV_OK && n >= 0)
            *out = (uint64_t)n;
        else
            r = (ov_err_set(err, OV_ECORRUPT, NULL,
                            "store_meta %s is not a number; the audit "
                            "journal cannot be folded safely",
                            META_JOURNAL_SEQ),
                 OV_STEP_ERROR);
        ov_arena_destroy(a);
    }
    ov_stmt_release(st);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

int ov_store_writers_waiting(ov_store *s)
{
    pthread_mutex_lock(&s->commit_lock);
    int n = s->waiting;
    pthread_mutex_unlock(&s->commit_lock);
    return n;
}

ov_status ov_tx_begin_audit_log(ov_store *s, const ov_actor *actor,
                                ov_tx **out, ov_err *err)
{
    *out = NULL;
    ov_status st = ov_store_audit_sync(s, err);
    return st != OV_OK ? st : ov_tx_begin_audited(s, actor, out, err);
}

/* Returns when every record journaled before the call is committed in
 * audit_log, so that a read of audit_log begun after it sees them all.
 * Asking "does a record wait for a fold?" is not enough: a record another
 * batch has taken waits for nobody, yet is not committed until that batch
 * is (the background fold runs at low priority, so under load that batch
 * can stay open long), and a write transaction that joins an open batch
 * folds nothing, so a record journaled after that batch opened is still
 * in the journal when the batch commits. Both made a citizen's access log
 * miss a read acknowledged just before. So: note the newest record, and
 * run (empty) write transactions until no record up to it is left; each
 * waits for its batch on disk. A batch opened after the first round's
 * batch ended folds everything not taken, so two rounds are enough. */
ov_status ov_store_audit_sync(ov_store *s, ov_err *err)
{
    if (!s->journal)
        return OV_OK;
    uint64_t upto = ov_journal_last_seq(s->journal);
    while (ov_journal_unfolded(s->journal, upto)) {
        ov_tx *tx;
        ov_status st = ov_tx_begin(s, &SYSTEM_ACTOR, &tx, err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, err);
        if (st != OV_OK)
            return st;
    }
    return OV_OK;
}

/* End the open batch (write_lock held): COMMIT it when `commit` and
 * SQLite still has it, else roll it back; tell its waiting writers. */
static ov_status batch_end(ov_store *s, bool commit, ov_err *err)
{
    ov_status st = OV_OK;
    ov_err e;
    ov_err_clear(&e);
    if (!s->batch_open)
        return OV_OK;
    if (!ov_conn_in_tx(s->writer)) {
        /* SQLite gave up the transaction (I/O error, full disk) */
        st = ov_err_set(&e, OV_EIO, NULL,
                        "the database aborted the transaction; nothing of "
                        "it was saved; try again");
    } else if (commit) {
        st = ov_conn_exec(s->writer, "COMMIT", &e);
    }
    if (st != OV_OK || !commit) {
        ov_err ignored;
        if (ov_conn_in_tx(s->writer) &&
            ov_conn_exec(s->writer, "ROLLBACK", &ignored) != OV_OK)
            ov_log_error("rollback failed: %s", ignored.msg);
        if (st == OV_OK)
            st = ov_err_set(&e, OV_EIO, NULL,
                            "the batch was rolled back; nothing was saved");
    }
    s->batch_open = false;
    if (s->journal)
        ov_journal_folded(s->journal, s->batch, commit && st == OV_OK);
    pthread_mutex_lock(&s->commit_lock);
    for (commit_waiter **w = &s->waiters; *w;) {
        if ((*w)->batch == s->batch) {
            (*w)->done = true;
            (*w)->st = st;
            (*w)->err = e;
            *w = (*w)->next;
        } else {
            w = &(*w)->next;
        }
    }
    pthread_cond_broadcast(&s->commit_cond);
    pthread_mutex_unlock(&s->commit_lock);
    if (st != OV_OK && err)
        *err = e;
    return st;
}

/* The writer is done (write_lock held; its savepoint released or rolled
 * back). When others wait and the batch is not full, leave the batch open
 * for them and, if `durable`, wait until it is committed; otherwise commit
 * it now. Releases write_lock. */
static ov_status writer_done(ov_tx *tx, bool durable, ov_err *err)
{
    ov_store *s = tx->store;
    tx->active = false;
    ov_tx_pending_free(tx);
    pthread_mutex_lock(&s->commit_lock);
    bool defer = s->waiting > 0 && s->batch_n < 64 &&
                 ov_conn_in_tx(s->writer);
    commit_waiter me = {s->batch, false, OV_OK, {OV_OK, "", ""}, NULL};
    if (defer && durable) {
        me.next = s->waiters;
        s->waiters = &me;
    }
    pthread_mutex_unlock(&s->commit_lock);
    if (!defer) {
        ov_status st = batch_end(s, true, err);
        pthread_mutex_unlock(&s->write_lock);
        return durable ? st : OV_OK;
    }
    pthread_mutex_unlock(&s->write_lock);
    if (!durable)
        return OV_OK;
    pthread_mutex_lock(&s->commit_lock);
    while (!me.done)
        pthread_cond_wait(&s->commit_cond, &s->commit_lock);
    pthread_mutex_unlock(&s->commit_lock);
    if (me.st != OV_OK && err)
        *err = me.err;
    return me.st;
}

ov_status ov_tx_begin(ov_store *s, const ov_actor *actor, ov_tx **out,
                      ov_err *err)
{
    *out = NULL;
    if (s->readonly)
        return ov_err_set(err, OV_EPERM, "--db",
                          "the database is open read-only");
    ov_status st = ov_actor_validate(actor, err);
    if (st != OV_OK)
        return st;
    pthread_mutex_lock(&s->commit_lock);
    s->waiting++;
    pthread_mutex_unlock(&s->commit_lock);
    pthread_mutex_lock(&s->write_lock);
    pthread_mutex_lock(&s->commit_lock);
    s->waiting--;
    pthread_mutex_unlock(&s->commit_lock);
    if (!s->batch_open) {
        st = ov_conn_exec(s->writer, "BEGIN IMMEDIATE", err);
        if (st != OV_OK) {
            pthread_mutex_unlock(&s->write_lock);
            return st;
        }
        s->batch_open = true;
        s->batch++;
        s->batch_n = 0;
        if (s->journal && fold_journal(s, err) != OV_OK) {
            ov_err ignored;
            batch_end(s, false, &ignored);
            pthread_mutex_unlock(&s->write_lock);
            return err->code;
        }
    }
    st = ov_conn_exec(s->writer, "SAVEPOINT ov_tx", err);
    if (st != OV_OK) {
        /* the batch is unusable: end it for everyone in it */
        batch_end(s, false, err);
        pthread_mutex_unlock(&s->write_lock);
        return st;
    }
    s->batch_n++;
    ov_tx *tx = &s->wtx;
    memset(tx, 0, sizeof *tx);
    ov_tx_pending_init(tx);
    tx->store = s;
    tx->conn = s->writer;
    tx->actor = actor;
    tx->write = true;
    tx->active = true;
    *out = tx;
    return OV_OK;
}

ov_status ov_tx_begin_read(ov_store *s, ov_tx **out, ov_err *err)
{
    *out = NULL;
    pthread_mutex_lock(&s->pool_lock);
    int slot = -1;
    for (;;) {
        for (int i = 0; i < s->nreaders; i++) {
            if (!s->reader_busy[i]) {
                slot = i;
                break;
            }
        }
        if (slot >= 0)
            break;
        pthread_cond_wait(&s->pool_cond, &s->pool_lock);
    }
    s->reader_busy[slot] = true;
    pthread_mutex_unlock(&s->pool_lock);

    ov_status st = OV_OK;
    if (!s->readers[slot])
        st = ov_conn_open(s->db_path, false, true, &s->readers[slot], err);
    if (st == OV_OK)
        st = ov_conn_exec(s->readers[slot], "BEGIN", err);
    if (st != OV_OK) {
        pthread_mutex_lock(&s->pool_lock);
        s->reader_busy[slot] = false;
        pthread_cond_signal(&s->pool_cond);
        pthread_mutex_unlock(&s->pool_lock);
        return st;
    }
    ov_tx *tx = &s->rtx[slot];
    memset(tx, 0, sizeof *tx);
    ov_tx_pending_init(tx);
    tx->store = s;
    tx->conn = s->readers[slot];
    tx->active = true;
    tx->reader = slot;
    *out = tx;
    return OV_OK;
}

ov_status ov_tx_begin_audited(ov_store *s, const ov_actor *actor,
                              ov_tx **out, ov_err *err)
{
    *out = NULL;
    if (s->readonly)
        return ov_err_set(err, OV_EPERM, "--db",
                          "the database is open read-only, so a read of "
                          "citizen data could not be audited");
    ov_status st = ov_actor_validate(actor, err);
    if (st != OV_OK)
        return st;
    st = ov_tx_begin_read(s, out, err);
    if (st != OV_OK)
        return st;
    (*out)->actor = actor;
    return OV_OK;
}

/* End a read transaction: its reader goes back to the pool. (Writers end
 * in writer_done.) */
static void tx_end(ov_tx *tx)
{
    ov_store *s = tx->store;
    tx->active = false;
    ov_tx_pending_free(tx);
    pthread_mutex_lock(&s->pool_lock);
    s->reader_busy[tx->reader] = false;
    pthread_cond_signal(&s->pool_cond);
    pthread_mutex_unlock(&s->pool_lock);
}

void ov_tx_rollback(ov_tx *tx)
{
    if (!tx || !tx->active)
        return;
    ov_err ignored;
    if (!tx->write) {
        if (ov_conn_exec(tx->conn, "ROLLBACK", &ignored) != OV_OK)
            ov_log_error("rollback failed: %s", ignored.msg);
        tx_end(tx);
        return;
    }
    /* undo this writer's work only; the batch may hold others' */
    if (ov_conn_in_tx(tx->conn) &&
        (ov_conn_exec(tx->conn, "ROLLBACK TO ov_tx", &ignored) != OV_OK ||
         ov_conn_exec(tx->conn, "RELEASE ov_tx", &ignored) != OV_OK))
        ov_log_error("rollback failed: %s", ignored.msg);
    writer_done(tx, false, &ignored);
}

/* Journal an audited read's rows and wait until they are on disk. On a
 * journal failure the journal is left (it keeps what it has for the next
 * fold) and the caller writes the rows into the database instead: a row
 * may then be recorded twice, never lost. */
static void journal_failed(ov_store *s, const ov_err *err)
{
    pthread_mutex_lock(&s->commit_lock);
    bool first = !s->journal_warned;
    s->journal_warned = true;
    pthread_mutex_unlock(&s->commit_lock);
    if (first)
        ov_log_error("%s; read audit rows now go straight into the "
                     "database until restart",
                     err->msg);
}

static ov_status journal_reads(ov_store *s, const ov_actor *actor,
                               const ov_pending_read *p, int n,
                               uint64_t *ticket, ov_err *err)
{
    uint64_t seq = 0;
    ov_status st = OV_OK;
    for (int i = 0; i < n && st == OV_OK; i++)
        st = ov_journal_append(s->journal, actor, OV_ACT_READ,
                               p[i].citizen_id,
                               p[i].criteria[0] ? p[i].criteria : NULL, &seq,
                               err);
    if (st == OV_EIO) /* the journal broke (not a refused field) */
        journal_failed(s, err);
    *ticket = seq;
    return st;
}

ov_status ov_store_audit_wait(ov_store *s, uint64_t ticket, ov_err *err)
{
    if (!ticket || !s->journal)
        return OV_OK;
    return ov_journal_sync(s->journal, ticket, err);
}

bool ov_store_audit_durable(ov_store *s, uint64_t ticket)
{
    return !ticket || !s->journal || ov_journal_synced(s->journal, ticket);
}

void ov_store_audit_notify(ov_store *s, uint64_t ticket,
                           void (*fn)(void *ctx, ov_status st), void *ctx)
{
    if (!ticket || !s->journal) {
        fn(ctx, OV_OK);
        return;
    }
    ov_journal_notify(s->journal, ticket, fn, ctx);
}

/* Commit; for an audited read with the journal, *ticket is what to wait
 * for (0: nothing). */
static ov_status commit(ov_tx *tx, uint64_t *ticket, ov_err *err)
{
    *ticket = 0;
    if (!tx || !tx->active)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "commit without an active transaction (a bug)");
    if (tx->failed) {
        ov_err first = tx->err;
        ov_tx_rollback(tx);
        if (err)
            *err = first;
        return first.code;
    }
    if (!tx->write) {
        ov_status st = ov_conn_exec(tx->conn, "COMMIT", err);
        if (st != OV_OK) {
            ov_tx_rollback(tx);
            return st;
        }
        /* an audited read: its audit rows must be on disk before the
         * caller shows anything it read. The snapshot is released first,
         * so the reader goes back to the pool meanwhile. */
        int n = tx->npending;
        ov_pending_read inline_copy[OV_TX_PENDING_READS];
        ov_pending_read *pending = inline_copy;
        if (tx->pending != tx->pending_inline) {
            pending = tx->pending; /* ours now; the reader's slot forgets it */
            tx->pending = tx->pending_inline;
        } else if (n) {
            memcpy(inline_copy, tx->pending, (size_t)n * sizeof *pending);
        }
        const ov_actor *actor = tx->actor;
        ov_store *s = tx->store;
        tx_end(tx);
        st = OV_OK;
        if (n && !(s->journal &&
                   journal_reads(s, actor, pending, n, ticket, err) == OV_OK)) {
            /* no journal (or it failed): straight into the database, in
             * a write transaction of the group-commit batch */
            *ticket = 0;
            ov_tx *w;
            st = ov_tx_begin(s, actor, &w, err);
            for (int i = 0; i < n && st == OV_OK; i++)
                st = ov_audit_append(w, OV_ACT_READ, pending[i].citizen_id,
                                     pending[i].criteria[0]
                                         ? pending[i].criteria
                                         : NULL,
                                     err);
            if (st == OV_OK)
                st = ov_tx_commit(w, err);
            else if (w)
                ov_tx_rollback(w);
        }
        if (pending != inline_copy)
            free(pending);
        return st;
    }
    /* the reads' audit rows go in with everything else, or nothing does */
    ov_status st = tx->npending ? ov_audit_flush(tx, err) : OV_OK;
    if (st == OV_OK)
        st = ov_conn_exec(tx->conn, "RELEASE ov_tx", err);
    if (st != OV_OK) {
        ov_err first = *err;
        ov_tx_rollback(tx);
        *err = first;
        return st;
    }
    /* returns when the batch is on disk */
    return writer_done(tx, true, err);
}

ov_status ov_tx_commit_deferred(ov_tx *tx, uint64_t *ticket, ov_err *err)
{
    return commit(tx, ticket, err);
}

ov_status ov_tx_commit(ov_tx *tx, ov_err *err)
{
    ov_store *s = tx ? tx->store : NULL;
    uint64_t ticket;
    ov_status st = commit(tx, &ticket, err);
    if (st != OV_OK || !ticket)
        return st;
    st = ov_store_audit_wait(s, ticket, err);
    if (st != OV_OK)
        journal_failed(s, err);
    return st;
}

const ov_actor *ov_tx_actor(const ov_tx *tx) { return tx->actor; }

/* ---- integrity, backup, restore ---- */

static const char SQL_INTEGRITY[] = "PRAGMA integrity_check";
static const char SQL_FK_CHECK[] = "PRAGMA foreign_key_check";

static ov_status check_conn(ov_conn *c, FILE *out, ov_err *err)
{
    ov_arena *a = ov_arena_new(0);
    int problems = 0;
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(c, SQL_INTEGRITY, &s, err);
    if (st == OV_OK) {
        ov_step r;
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
            ov_str line = ov_stmt_col_text(s, 0, a);
            if (!ov_str_eq_c(line, "ok")) {
                problems++;
                if (out)
                    fprintf(out, "integrity: %.*s\n", (int)line.len, line.ptr);
            }
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            st = err->code;
    }
    if (st == OV_OK)
        st = ov_stmt_prepare(c, SQL_FK_CHECK, &s, err);
    if (st == OV_OK) {
        ov_step r;
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
            problems++;
            if (out) {
                ov_str table = ov_stmt_col_text(s, 0, a);
                fprintf(out,
                        "foreign key: table %.*s row %lld refers to a "
                        "missing %.*s row\n",
                        (int)table.len, table.ptr,
                        (long long)ov_stmt_col_i64(s, 1),
                        (int)ov_stmt_col_text(s, 2, a).len,
                        ov_stmt_col_text(s, 2, a).ptr);
            }
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            st = err->code;
    }
    ov_arena_destroy(a);
    if (st == OV_OK && problems)
        st = ov_err_set(err, OV_ECORRUPT, "--db",
                        "--db: '%s' failed the integrity check (%d problems); "
                        "restore from the latest backup",
                        ov_conn_path(c), problems);
    return st;
}

ov_status ov_store_check(ov_store *s, FILE *out, ov_err *err)
{
    ov_tx *tx;
    ov_status st = ov_tx_begin_read(s, &tx, err);
    if (st != OV_OK)
        return st;
    st = check_conn(tx->conn, out, err);
    ov_tx_rollback(tx);
    return st;
}

static ov_status sync_path(const char *path, ov_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        ov_status st = ov_err_set(err, OV_EIO, NULL, "cannot sync '%s': %s",
                                  path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return st;
    }
    close(fd);
    return OV_OK;
}

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else if (slash == path)
        snprintf(out, cap, "/");
    else
        snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

/* Copy `from` into a temporary file beside to_path, verify, sync, rename. */
static ov_status copy_verified(ov_conn *from, const char *to_path,
                               const char *field, ov_err *err)
{
    if (file_exists(to_path))
        return ov_err_set(err, OV_ECONFLICT, field,
                          "%s: '%s' already exists; choose a new file name "
                          "(overgang never overwrites a database or backup)",
                          field, to_path);
    char tmp[PATH_MAX];
    int n = snprintf(tmp, sizeof tmp, "%s.partial", to_path);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return ov_err_set(err, OV_EINVAL, field, "%s: path too long", field);
    unlink(tmp);
    ov_status st = ov_conn_backup_to(from, tmp, err);
    if (st == OV_OK) {
        ov_conn *c;
        st = ov_conn_open(tmp, false, true, &c, err);
        if (st == OV_OK) {
            st = check_conn(c, NULL, err);
            ov_conn_close(c);
        }
    }
    if (st == OV_OK)
        st = sync_path(tmp, err);
    /* link() refuses an existing target, so a file that appeared since the
     * check above is never replaced */
    if (st == OV_OK && link(tmp, to_path) != 0)
        st = ov_err_set(err, errno == EEXIST ? OV_ECONFLICT : OV_EIO, field,
                        "%s: cannot create '%s': %s", field, to_path,
                        strerror(errno));
    if (st == OV_OK)
        unlink(tmp);
    if (st != OV_OK) {
        unlink(tmp);
        return st;
    }
    char dir[PATH_MAX];
    dir_of(to_path, dir, sizeof dir);
    return sync_path(dir, err);
}

ov_status ov_store_backup(ov_store *s, const char *to_path, ov_err *err)
{
    ov_tx *tx;
    ov_status st = ov_store_audit_sync(s, err);
    if (st == OV_OK)
        st = ov_tx_begin_read(s, &tx, err);
    if (st != OV_OK)
        return st;
    /* the copy is the snapshot of this read transaction; the writer goes on */
    st = copy_verified(tx->conn, to_path, "--to", err);
    ov_tx_rollback(tx);
    return st;
}

ov_status ov_store_restore(const char *backup_path, const char *db_path,
                           ov_err *err)
{
    if (!file_exists(db_path) && (ov_journal_stale(db_path, "--db", err) ||
                                  anchors_stale(db_path, err)))
        return err->code;
    if (!file_exists(backup_path))
        return ov_err_set(err, OV_EIO, "--from",
                          "--from: '%s' does not exist; give a backup made "
                          "by 'overgang backup'",
                          backup_path);
    ov_conn *from;
    ov_status st = ov_conn_open(backup_path, false, true, &from, err);
    if (st != OV_OK) {
        ov_err_prefix(err, "--from");
        return st;
    }
    st = check_conn(from, NULL, err);
    int version = 0;
    if (st == OV_OK)
        st = ov_schema_version_read(from, &version, err);
    if (st == OV_OK && version == 0)
        st = ov_err_set(err, OV_EINVAL, "--from",
                        "--from: '%s' is not an overgang database (no schema "
                        "version)",
                        backup_path);
    if (st == OV_OK)
        st = copy_verified(from, db_path, "--db", err);
    ov_conn_close(from);
    if (st != OV_OK)
        return st;
    /* back to WAL for live use */
    ov_conn *c;
    st = ov_conn_open(db_path, false, false, &c, err);
    if (st == OV_OK)
        ov_conn_close(c);
    return st;
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
