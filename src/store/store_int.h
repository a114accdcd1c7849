/*
 * store_int.h - INTERNAL to src/store: the store and transaction structs
 * shared by the store's modules, the guards every store function starts
 * with, and the internal calls between the store's own files.
 *
 * Who calls whom inside src/store (each file only calls files below it,
 * so there is no cycle; the guards and accessors here are inline and call
 * nothing):
 *
 *   entity modules (citizen, course, meeting, plan, match, placement, org,
 *     screening, cti, measure, tasks, settings, session)
 *   audit_log.c   verify, prune, a citizen's access log, the audit viewer
 *   backup.c      integrity check, backup, restore
 *   store.c       open and close, keys, the audit key, the background
 *                 thread (checkpoints, folds, anchors), statistics
 *   tx.c          transactions, group commit, the read-audit journal's
 *                 folds and waits
 *   seen.c        the sessions' seen times, written with the next batch
 *   anchor.c      the anchor file: format, read, append
 *   audit.c       the chain: append, flush pending reads, fold journal
 *                 records, the head
 *   migrations.c, journal.c, db.c
 */
#ifndef OV_STORE_STORE_INT_H
#define OV_STORE_STORE_INT_H

#include <pthread.h>
#include <sys/stat.h>

#include "model/access.h"
#include "model/course.h"
#include "store/db.h"
#include "store/audit.h"
#include "store/journal.h"
#include "store/store.h"

/* Reads of one citizen in one transaction are recorded as one audit row,
 * written at commit with the criteria joined ("møder, plan, CTI"). */
#define OV_TX_PENDING_READS 16
typedef struct ov_pending_read {
    int64_t citizen_id;
    char criteria[257]; /* OV_AUDIT_CRITERION_MAX + 1 */
} ov_pending_read;

/* The fields of a course that most writes need to check and audit
 * (course.c). OV_ENOTFOUND for an unknown id. */
typedef struct ov_course_head {
    int64_t citizen_id, team_id;
    int municipality_code;
    ov_stage stage;
    ov_date started_on;
} ov_course_head;

struct ov_tx {
    ov_store *store;
    ov_conn *conn;
    const ov_actor *actor; /* NULL for read transactions */
    bool write;
    bool active;
    bool failed;
    ov_err err;  /* the first failure */
    int reader;  /* pool slot of a read transaction */
    /* A write transaction writes its pending rows when the inline list is
     * full; a read transaction cannot, so its list grows on the heap
     * (freed when the transaction ends). */
    int npending, pending_cap;
    ov_pending_read *pending; /* pending_inline, or the heap */
    ov_pending_read pending_inline[OV_TX_PENDING_READS];
    /* read transactions: the last course head loaded (a snapshot does not
     * change, and a page asks for the same course in every view) */
    int64_t head_id;
    ov_course_head *head, head_cache;
    ov_time now; /* ov_tx_now: 0 for the wall clock */
    /* read transactions: the data version read before the snapshot began
     * (ov_tx_data_version) */
    uint64_t data_gen;
};

#define OV_STORE_MAX_READERS 32

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
    /* The data version (ov_store_data_version): batch_data is set when a
     * writer other than the system actor joins the open batch; data_gen
     * grows (under commit_lock) when such a batch has committed; instance
     * tells this open store from any other the process had. */
    bool batch_data;
    uint64_t data_gen;
    uint64_t instance;
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
    ov_conn *readers[OV_STORE_MAX_READERS]; /* opened lazily */
    bool reader_busy[OV_STORE_MAX_READERS];
    ov_tx rtx[OV_STORE_MAX_READERS];

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
    void (*anchor_copy)(const char *line, void *ctx); /* opt->anchor_copy */
    void *anchor_copy_ctx;
    bool no_anchors;         /* verify the chain alone (opt->no_anchors) */
    bool anchored;           /* anchored_* hold the last anchor written */
    int64_t anchored_id;
    uint8_t anchored_hash[OV_HASH_BYTES];
    uint64_t anchored_jseq;
    bool anchor_warned;

    /* the sessions' seen times on their way to the session table
     * (seen.c); NULL when read-only */
    struct ov_seen *seen;

    bool readonly;
    bool have_keys;
    bool created_key;
    ov_keys keys;
    ov_err key_err;          /* why keys are unavailable */
    int schema_version;
};

/* The sessions' seen times (seen.c): noted by a request's session check
 * without a transaction, written in the next batch the store opens (or
 * by the background thread once the oldest note is OV_SEEN_FLUSH_MS old,
 * or at close). OV_SEEN_GONE notes a session to delete (it expired). */
typedef struct ov_seen ov_seen;
#define OV_SEEN_GONE ((ov_time)-1)
#define OV_SEEN_FLUSH_MS 30000
ov_seen *ov_seen_new(void);
void ov_seen_free(ov_seen *t);
void ov_seen_note(ov_seen *t, const uint8_t h[OV_HASH_BYTES], ov_time seen);
/* The newest noted time of h, OV_SEEN_GONE, or 0 when none is noted. */
ov_time ov_seen_get(ov_seen *t, const uint8_t h[OV_HASH_BYTES]);
/* The plan version a user was shown on a course (store/citizen_home.h),
 * noted the same way and written with the same batches (never lowered).
 * At most OV_SEEN_PLAN_MAX notes wait at once; past that a note is
 * dropped (the page then shows the older version's changes again). */
#define OV_SEEN_PLAN_MAX 4096
void ov_seen_plan_note(ov_seen *t, int64_t user_id, int64_t course_id,
                       int version);
/* The newest noted version, or 0 when none is noted. */
int ov_seen_plan_get(ov_seen *t, int64_t user_id, int64_t course_id);
/* True when the background thread should open a batch to write them. */
bool ov_seen_due(ov_seen *t, ov_time now);
/* Write the noted times and deletions on c, in the batch just opened
 * (write_lock held, outside any writer's savepoint). A failure is logged
 * and leaves the rest for the next batch. */
void ov_seen_flush(ov_store *s, ov_conn *c);
/* Write them now, in an empty write transaction of the store's own
 * (tx.c). */
ov_status ov_store_seen_write(ov_store *s, ov_err *err);

/* Start and end a transaction's pending list (tx.c). */
void ov_tx_pending_init(ov_tx *tx);
void ov_tx_pending_free(ov_tx *tx);

/* The actor of the store's own transactions (folds at open and in the
 * background, the audit key's first row, an accepted journal loss). */
extern const ov_actor ov_system_actor;

static inline bool ov_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Write the pending read rows (audit.c); called before COMMIT and before
 * any other audit row, so the log keeps the order of events. */
ov_status ov_audit_flush(ov_tx *tx, ov_err *err);
/* Write the first n journaled read rows of list r (ov_journal_take) into
 * the chain (audit.c), each with its own time, actor, role and purpose;
 * *last_seq gets the number of the last one written. */
ov_status ov_audit_fold(ov_tx *tx, const ov_jrec *r, size_t n,
                        uint64_t *last_seq, ov_err *err);

/* The audit key and the keyed chain (set up by store.c at open).
 * ov_store_audit_key gives NULL, with why in *why, when the key is not
 * loaded. keyed_from is the first row keyed with it (0: the log has no
 * keyed rows yet). */
static inline const uint8_t *ov_store_audit_key(ov_store *s, ov_err *why)
{
    if (!s->have_audit_key) {
        if (why)
            *why = s->audit_key_err;
        return NULL;
    }
    return s->audit_key;
}
static inline int64_t ov_store_audit_keyed_from(const ov_store *s)
{
    return s->keyed_from;
}
static inline const char *ov_store_path(const ov_store *s)
{
    return s->db_path;
}
/* NULL when verification is to skip the anchors (no_anchors). */
static inline const char *ov_store_anchors_path(const ov_store *s)
{
    return s->no_anchors ? NULL : s->anchors_path;
}
/* True when audit_log or audit_checkpoint holds any row (store.c). */
bool ov_store_audit_rows_exist(ov_store *s);
/* The highest journal record folded into audit_log (tx.c): a fresh read
 * on a reader, or on connection c; and recording a new one in the open
 * transaction on c (the number only ever grows). */
ov_status ov_store_folded_seq(ov_store *s, uint64_t *out, ov_err *err);
ov_status ov_folded_seq_read(ov_conn *c, uint64_t *out, ov_err *err);
ov_status ov_folded_seq_write(ov_conn *c, uint64_t seq, ov_err *err);

/* The chain's end (audit.c): the last row's id and hash, or the newest
 * checkpoint's when pruning removed every row, or 0 and zeros. */
ov_status ov_audit_head(ov_conn *c, int64_t *last_id,
                        uint8_t hash[OV_HASH_BYTES], ov_err *err);
/* The hash row r must carry (audit.c): keyed from the row the store
 * records, plain SHA-256 before it. Fails when the key is needed and not
 * loaded. */
ov_status ov_audit_row_digest(ov_store *s, const ov_audit_row *r,
                              uint8_t out[OV_HASH_BYTES], ov_err *err);

/* Anchors (anchor.c): one line per anchor, "<row id> <hash hex> <journal
 * number> <UTC time> <MAC hex>", the MAC being HMAC-SHA-256 under the
 * audit key of "overgang-anchor-v1 " and the rest of the line. */
typedef struct ov_anchor {
    int64_t id;
    uint8_t hash[OV_HASH_BYTES];
    uint64_t jseq; /* every journal record up to this one was synced */
    char at[32];
} ov_anchor;
/* The line with its newline; 0 when cap is too small. */
size_t ov_anchor_format(const uint8_t key[OV_KEY_BYTES], const ov_anchor *a,
                        char *out, size_t cap);
typedef struct ov_anchor_file {
    bool have;            /* at least one anchor */
    int64_t lines;
    ov_anchor newest;     /* the one with the highest row id (the last) */
    int64_t newest_line;
    uint64_t max_jseq;
} ov_anchor_file;
/* Read an anchor file (a missing one has no anchors), checking each
 * line's MAC; tail_only reads just the last 64 KiB (enough for the
 * newest journal number). A last line without its newline (a crash while
 * it was written) is ignored. OV_ECORRUPT names a line that does not
 * check. */
ov_status ov_anchors_read(const char *path, const uint8_t key[OV_KEY_BYTES],
                          bool tail_only, ov_anchor_file *out, ov_err *err);
/* Append the chain's head and the journal's synced number to the store's
 * anchor file when either moved since the last anchor (a no-op without a
 * writer or a keyed chain). Never while a batch is open. */
void ov_anchor_now(ov_store *s);
/* True, with OV_ECONFLICT in *err, when db_path has the non-empty anchor
 * file of an earlier database: a new database must not inherit it. */
bool ov_anchors_stale(const char *db_path, ov_err *err);

/* Record a failure in the transaction (first one wins) and return its code.
 * Every store function calls this on its error path. */
static inline ov_status ov_tx_fail(ov_tx *tx, ov_err *err)
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

/* Guard at the top of store functions: refuse a failed or finished
 * transaction, and (when need_write) a read-only one. */
static inline ov_status ov_tx_check(ov_tx *tx, bool need_write, ov_err *err)
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

/* Guard at the top of store functions that read citizen data: refuse a
 * transaction without an actor (a plain read), which could not write the
 * audit row. A write transaction or an audited read passes. */
static inline ov_status ov_tx_check_audited(ov_tx *tx, ov_err *err)
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

/* The courses a viewer may see that match the filter's stage and "mine"
 * (course.c), every one, newest first, without an audit row: the course
 * list (tasks.c, ov_course_list_page) sorts, cuts and audits them. */
struct ov_course_filter;
struct ov_case_item;
struct ov_viewer;
ov_status ov_course_list_rows(ov_tx *tx, const struct ov_viewer *v,
                             const struct ov_course_filter *f, ov_arena *a,
                             struct ov_case_item **items, ov_list_info *li,
                             ov_err *err);

ov_status ov_course_head_load(ov_tx *tx, int64_t course_id, ov_course_head *h,
                              ov_err *err);
/* The same, refusing an ended course with OV_ECONFLICT. */
ov_status ov_course_head_open(ov_tx *tx, int64_t course_id, ov_course_head *h,
                              ov_err *err);

/* The course a proposal or placement belongs to (course.c; no audit row:
 * ids only). OV_ENOTFOUND naming `field` ("no <what> <id>"). */
typedef enum ov_course_of_kind {
    OV_COURSE_OF_PROPOSAL,
    OV_COURSE_OF_PLACEMENT
} ov_course_of_kind;
ov_status ov_course_of(ov_tx *tx, ov_course_of_kind which, int64_t id,
                       int64_t *course_id, const char *field,
                       const char *what, ov_err *err);

/* The list convention (store.h, ov_list_info), read once for every list
 * (list.c). A list query says what to run and how to read a row:
 *   sql        a SQL_* constant (check-source rule 5 holds list queries
 *              to it, as it holds ov_stmt_prepare's argument)
 *   count_sql  NULL: every row is stepped and counted (lists are short by
 *              nature: a course's meetings, a team's staff). Otherwise a
 *              count(*) with the same parameters: the read stops at the
 *              first row past the cap and counts with it (a list that may
 *              be long, such as the audit log; its SQL has no LIMIT)
 *   row_size   the size of one element of the array
 *   bind       binds the parameters of sql (and of count_sql) from arg
 *   want       NULL, or false for a row that is no part of the list
 *              (neither kept nor counted); not with count_sql
 *   read       fills one zeroed element from the current row; on failure
 *              it sets *err (the list then fails the transaction)
 * ov_list_read keeps the first `cap` rows in an array grown in `a` as they
 * arrive (*rows is never NULL on success, so n == 0 needs no special
 * case), counts every row of the list in li->total and sets
 * li->truncated when the cap cut it. The cap bounds the memory and the
 * page, not the query. A failure fails the transaction. */
typedef struct ov_list_query {
    const char *sql;
    const char *count_sql;
    size_t row_size;
    void (*bind)(ov_stmt *s, const void *arg);
    bool (*want)(ov_stmt *s, const void *arg);
    ov_status (*read)(ov_stmt *s, ov_arena *a, void *row, ov_err *err);
} ov_list_query;
ov_status ov_list_read(ov_tx *tx, const ov_list_query *q, const void *arg,
                       int cap, ov_arena *a, void **rows, ov_list_info *li,
                       ov_err *err);
/* The binder of a list whose only parameter ?1 is an id (arg: a const
 * int64_t *). */
void ov_list_bind_id(ov_stmt *s, const void *arg);

/* Helpers of the read functions. A date column as ov_date. */
static inline ov_status ov_col_date(ov_stmt *s, int col, ov_arena *a,
                                    const char *what, ov_date *out,
                                    ov_err *err)
{
    return ov_date_parse_iso(ov_stmt_col_text(s, col, a), what, out, err);
}
/* Finish a read: release, and on a step error fail the transaction. */
static inline ov_status ov_read_finish(ov_tx *tx, ov_stmt *s, ov_step r,
                                       ov_err *err)
{
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR || err->code != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}
/* The start of a read of one course's data: an audited transaction and
 * the course's head (OV_ENOTFOUND for an unknown course). */
static inline ov_status ov_course_read_begin(ov_tx *tx, int64_t course_id,
                                             ov_course_head *h, ov_err *err)
{
    ov_err_clear(err);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (ov_course_head_load(tx, course_id, h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

/* OV_EINVAL naming the field "municipality_code" unless the municipality
 * is registered (org.c). Does not mark the transaction failed. */
/* The SHA-256 of a 64-hex-digit secret token (a session's, a calendar
 * address's): what the database keeps; false for anything else. */
bool ov_token_hash(ov_str token, uint8_t out[OV_HASH_BYTES]);
/* A user as a viewer from five columns starting at `col`: id, role,
 * municipality_code, citizen_id, company_id (0 for NULL). */
ov_status ov_viewer_read(ov_stmt *s, int col, ov_arena *a, ov_viewer *v,
                         ov_err *err);
ov_status ov_municipality_require(ov_tx *tx, int code, ov_err *err);

/* Migrations (migrations.c). */
ov_status ov_migrate(ov_conn *c, int *version, ov_err *err);
int ov_migrations_latest(void);
ov_status ov_schema_version_read(ov_conn *c, int *version, ov_err *err);

#endif
