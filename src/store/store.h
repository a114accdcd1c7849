/*
 * store.h - the persistence API: the only way above src/store to reach the
 * database. Every function that touches a citizen's data takes a write
 * transaction that carries the actor, and writes its audit row inside that
 * same transaction (see audit.h).
 *
 * Connections: one writer connection guarded by a mutex (SQLite < 3.51.3 can
 * corrupt a WAL database when two connections write or checkpoint at once),
 * and a small pool of read-only connections for snapshot reads that involve
 * no personal data (statistics, integrity checks, audit verification).
 *
 * Failure: a store function that fails marks its transaction failed;
 * ov_tx_commit of a failed transaction rolls back and returns the first
 * error. So an access whose audit row cannot be written is never committed.
 */
#ifndef OV_STORE_STORE_H
#define OV_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/err.h"
#include "model/actor.h"

typedef struct ov_store ov_store;
typedef struct ov_tx ov_tx;

/* The list convention: a function that reads a list of rows returns them
 * in an array grown in the caller's arena as they arrive, and says how
 * many it returned, how many there are, and whether its cap cut the list
 * (a page then says "the newest n of total"). */
typedef struct ov_list_info {
    int n;          /* rows returned */
    int total;      /* rows that matched (n unless truncated) */
    bool truncated; /* the cap cut the list */
} ov_list_info;

typedef enum ov_open_mode {
    OV_OPEN_INIT = 0,   /* create the file and key file if missing; migrate */
    OV_OPEN_MIGRATE,    /* existing file; apply pending migrations */
    OV_OPEN_READONLY    /* existing file; no changes at all */
} ov_open_mode;

typedef struct ov_store_options {
    const char *db_path;
    const char *key_path;  /* NULL: no CPR operations possible */
    ov_open_mode mode;
    int readers;           /* read-only pool size; 0 = default (4) */
    /* The audit key (core/crypto.h); NULL: `<db>.audit-key`. A writer
     * creates it when the database has no keyed chain yet. */
    const char *audit_key_path;
    /* The anchor file (store/audit.h); NULL: `<db>-anchors`. */
    const char *anchors_path;
    /* Called with each anchor line (without its newline) after it is
     * synced to the anchor file, so a copy can leave the machine: `serve`
     * sends it to syslog when the setting audit_syslog is yes. Called on
     * the store's background thread or in close; must not block long. */
    void (*anchor_copy)(const char *line, void *ctx);
    void *anchor_copy_ctx;
    /* Verification without anchors (a backup, or a copy never opened for
     * writing): the chain alone, so removed newest rows go unnoticed. */
    bool no_anchors;
    /* Open even when the read-audit journal lost acknowledged rows: the
     * damaged files are copied aside and the loss is written to the audit
     * log. Without it such an open fails with OV_ECORRUPT (journal.h). */
    bool accept_audit_loss;
} ov_store_options;

ov_status ov_store_open(const ov_store_options *opt, ov_store **out,
                        ov_err *err);
void ov_store_close(ov_store *s); /* NULL is fine */

/* Schema version recorded in the database, and the newest this binary
 * knows. */
int ov_store_schema_version(ov_store *s);
int ov_store_latest_schema_version(void);
/* The data version: *gen grows whenever a write transaction of anyone
 * but the system actor (which only folds audit rows) has committed, and
 * *instance differs for every store the process opens. Read it before a
 * read transaction begins and that read sees at least the data of that
 * version: so a figure computed in the read can be reused while the
 * version is unchanged (web/ui_board.c). */
void ov_store_data_version(ov_store *s, uint64_t *instance, uint64_t *gen);
/* The data version of a read transaction, read as it began (before its
 * snapshot): what tx reads holds at least the data of that version, so a
 * figure computed in tx may be kept under it. A handler's transaction
 * was begun by dispatch, so ov_store_data_version read in the handler
 * could name a version newer than the snapshot. False for a write
 * transaction (its batch may hold other writers' uncommitted rows). */
bool ov_tx_data_version(const ov_tx *tx, uint64_t *instance, uint64_t *gen);

/* True when ov_store_open had to create the key file (first init). */
bool ov_store_created_key(const ov_store *s);
/* True when ov_store_open created the audit key file. */
bool ov_store_created_audit_key(const ov_store *s);

/* Keys for CPR encryption, or an error saying why they are unavailable. */
ov_status ov_store_keys(ov_store *s, const ov_keys **out, ov_err *err);

/* Transactions. A write transaction holds the writer connection until
 * commit or rollback; `actor` is recorded in every audit row it writes and
 * must outlive the transaction. */
ov_status ov_tx_begin(ov_store *s, const ov_actor *actor, ov_tx **out,
                      ov_err *err);
/* A read-only snapshot on a pooled connection, for data that is not
 * personal (no audit row is written, so citizen functions refuse it). */
ov_status ov_tx_begin_read(ov_store *s, ov_tx **out, ov_err *err);
/* An audited read: a snapshot on a pooled connection, so reads run in
 * parallel with each other and with the writer, carrying `actor` so that
 * citizen functions accept it. Their read audit rows are collected and
 * ov_tx_commit writes them in a write transaction (group commit) and
 * returns only when they are on disk; when that fails, the commit fails
 * and the caller must show nothing of what it read. Rollback writes no
 * audit row (nothing may then be shown either). Write functions refuse an
 * audited read. */
ov_status ov_tx_begin_audited(ov_store *s, const ov_actor *actor,
                              ov_tx **out, ov_err *err);
/* The rows of audited reads are on disk when ov_tx_commit returns, in a
 * journal beside the database, and reach audit_log at the next write
 * transaction or within the background tick (see journal.h for why).
 * Call this before reading audit_log, to have every row there. Backup,
 * verification, statistics and close do it themselves. */
ov_status ov_store_audit_sync(ov_store *s, ov_err *err);
/* How many write transactions wait for the writer at this moment (tests
 * use it to interleave threads at a known point). */
int ov_store_writers_waiting(ov_store *s);
/* An audited read of the audit log itself: ov_store_audit_sync, then
 * ov_tx_begin_audited, so every access made so far is in what it reads. */
ov_status ov_tx_begin_audit_log(ov_store *s, const ov_actor *actor,
                                ov_tx **out, ov_err *err);

/* Commit without waiting for an audited read's rows to reach the disk:
 * *ticket is what to wait for (0: nothing; any other transaction commits
 * as ov_tx_commit). Nothing that was read may leave the process before
 * ov_store_audit_wait(ticket) returns OV_OK or ov_store_audit_notify calls
 * back with OV_OK; on a failure, answer with an error instead. This lets
 * the web server render while the disk syncs, and suspend the response
 * rather than a thread. */
ov_status ov_tx_commit_deferred(ov_tx *tx, uint64_t *ticket, ov_err *err);
ov_status ov_store_audit_wait(ov_store *s, uint64_t ticket, ov_err *err);
bool ov_store_audit_durable(ov_store *s, uint64_t ticket);
/* fn(ctx, status) once the ticket is on disk: from the journal's thread,
 * or at once from this one when it already is. */
void ov_store_audit_notify(ov_store *s, uint64_t ticket,
                           void (*fn)(void *ctx, ov_status st), void *ctx);
ov_status ov_tx_commit(ov_tx *tx, ov_err *err);
void ov_tx_rollback(ov_tx *tx);
const ov_actor *ov_tx_actor(const ov_tx *tx);
/* True for a write transaction. */
bool ov_tx_writes(const ov_tx *tx);
/* When a write in tx happens, as a record stamps it (a work agreement
 * version saved, a signature given; the indicators read these stamps as
 * the day it happened): the wall clock, unless set. Only the demo sets
 * it, as it builds a world around a day in the past and its events on
 * their simulated days; 0 gives the wall clock back. Audit rows always
 * carry the wall clock. */
ov_time ov_tx_now(const ov_tx *tx);
void ov_tx_set_now(ov_tx *tx, ov_time at);

/* A web request's one transaction. The server opens it before it knows
 * who calls (the session is looked up inside it), so it begins without an
 * actor and is named once the session is known:
 *  - READ: a plain read (no citizen data; the session, lists of
 *    companies and candidate lists, counts);
 *  - AUDITED: an audited read (ov_tx_begin_audited) once named;
 *  - AUDIT_LOG: the same after ov_store_audit_sync (the audit log itself);
 *  - WRITE: a write transaction (ov_tx_begin) once named. */
typedef enum ov_tx_kind {
    OV_TXK_NONE = 0, /* no transaction (public routes; the log-in) */
    OV_TXK_READ,
    OV_TXK_AUDITED,
    OV_TXK_AUDIT_LOG,
    OV_TXK_WRITE
} ov_tx_kind;
ov_status ov_tx_begin_request(ov_store *s, ov_tx_kind kind, ov_tx **out,
                              ov_err *err);
/* Name the actor of a transaction begun by ov_tx_begin_request (kind as
 * it was begun), before any store function audits: OV_EINTERNAL after
 * that, or when it already has one. A READ stays a plain read. `actor`
 * must outlive the transaction; its purpose may still change until the
 * first audit row (a page names the course once it has found it). */
ov_status ov_tx_name_actor(ov_tx *tx, ov_tx_kind kind, const ov_actor *actor,
                           ov_err *err);
/* Undo everything done in the transaction so far and keep it open (a
 * write's savepoint is rolled back to its start; the reads' pending audit
 * rows are dropped, as nothing of them is shown): a form shown again
 * after a refused change reads in the same transaction, and its commit
 * records only those reads. On failure the transaction is rolled back. */
ov_status ov_tx_undo(ov_tx *tx, ov_err *err);
/* How many transactions this thread has begun through the begin
 * functions above (ov_tx_begin_audit_log's folds and the store's own
 * transactions not counted): a test counts a request's transactions with
 * it. */
uint64_t ov_tx_begun(void);

/* Integrity: PRAGMA integrity_check and foreign_key_check. Problems are
 * written to `out` one per line; OV_ECORRUPT when there are any. */
ov_status ov_store_check(ov_store *s, FILE *out, ov_err *err);

/* Online backup into a new file (refuses to overwrite). The copy is written
 * beside the target, integrity-checked, synced and renamed into place, so a
 * failed backup leaves no file behind. */
ov_status ov_store_backup(ov_store *s, const char *to_path, ov_err *err);

/* Restore a backup into a new database path (refuses to overwrite). */
ov_status ov_store_restore(const char *backup_path, const char *db_path,
                           ov_err *err);

/* Counts for status output. */
typedef struct ov_store_stats {
    int64_t citizens;
    int64_t audit_rows;
    int64_t file_bytes;
} ov_store_stats;
ov_status ov_store_stats_get(ov_store *s, ov_store_stats *out, ov_err *err);

#endif
