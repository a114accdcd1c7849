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
