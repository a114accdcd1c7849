/*
 * store_int.h - INTERNAL to src/store: the store and transaction structs
 * shared by the store's modules.
 */
#ifndef OV_STORE_STORE_INT_H
#define OV_STORE_STORE_INT_H

#include <pthread.h>

#include "model/course.h"
#include "store/db.h"
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
};

/* Start and end a transaction's pending list (store.c). */
void ov_tx_pending_init(ov_tx *tx);
void ov_tx_pending_free(ov_tx *tx);

/* Write the pending read rows (audit.c); called before COMMIT and before
 * any other audit row, so the log keeps the order of events. */
ov_status ov_audit_flush(ov_tx *tx, ov_err *err);
/* Write the first n journaled read rows of list r (ov_journal_take) into
 * the chain (audit.c), each with its own time, actor, role and purpose;
 * *last_seq gets the number of the last one written. */
ov_status ov_audit_fold(ov_tx *tx, const ov_jrec *r, size_t n,
                        uint64_t *last_seq, ov_err *err);

/* The audit key and the keyed chain (store.c). ov_store_audit_key gives
 * NULL, with why in *why, when the key is not loaded. keyed_from is the
 * first row keyed with it (0: the log has no keyed rows yet). */
const uint8_t *ov_store_audit_key(ov_store *s, ov_err *why);
int64_t ov_store_audit_keyed_from(const ov_store *s);
/* True when audit_log or audit_checkpoint holds any row. */
bool ov_store_audit_rows_exist(ov_store *s);
const char *ov_store_path(const ov_store *s);
/* NULL when verification is to skip the anchors (no_anchors). */
const char *ov_store_anchors_path(const ov_store *s);
/* The highest journal record folded into audit_log (a fresh read). */
ov_status ov_store_folded_seq(ov_store *s, uint64_t *out, ov_err *err);

/* The chain's end (audit.c): the last row's id and hash, or the newest
 * checkpoint's when pruning removed every row, or 0 and zeros. */
ov_status ov_audit_head(ov_conn *c, int64_t *last_id,
                        uint8_t hash[OV_HASH_BYTES], ov_err *err);

/* Anchors (audit.c): one line per anchor, "<row id> <hash hex> <journal
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

/* Record a failure in the transaction (first one wins) and return its code.
 * Every store function calls this on its error path. */
ov_status ov_tx_fail(ov_tx *tx, ov_err *err);
/* Guard at the top of store functions: refuse a failed or finished
 * transaction, and (when need_write) a read-only one. */
ov_status ov_tx_check(ov_tx *tx, bool need_write, ov_err *err);
/* Guard at the top of store functions that read citizen data: refuse a
 * transaction without an actor (a plain read), which could not write the
 * audit row. A write transaction or an audited read passes. */
ov_status ov_tx_check_audited(ov_tx *tx, ov_err *err);

ov_status ov_course_head_load(ov_tx *tx, int64_t course_id, ov_course_head *h,
                              ov_err *err);
/* The same, refusing an ended course with OV_ECONFLICT. */
ov_status ov_course_head_open(ov_tx *tx, int64_t course_id, ov_course_head *h,
                              ov_err *err);

/* OV_EINVAL naming the field "municipality_code" unless the municipality
 * is registered (org.c). Does not mark the transaction failed. */
ov_status ov_municipality_require(ov_tx *tx, int code, ov_err *err);

/* Migrations (migrations.c). */
ov_status ov_migrate(ov_conn *c, int *version, ov_err *err);
int ov_migrations_latest(void);
ov_status ov_schema_version_read(ov_conn *c, int *version, ov_err *err);

#endif
