/*
 * journal.h - INTERNAL to src/store: the read-audit journal of an SQLite
 * store.
 *
 * Why: every commit to an SQLite database in WAL mode makes every other
 * connection throw away its page cache at its next transaction. If each
 * page view committed its read audit row to the database, every read would
 * start cold (measured: 2.5 times the work per course page). So the read
 * rows of audited reads go first to this append-only file beside the
 * database (`<db>-audit`), synced before the caller may show what it read,
 * and are folded into audit_log, in the order they were journaled, by the
 * next write transaction that opens a batch (at the latest within the
 * background checkpointer's tick). Write transactions keep writing their
 * own rows into the database in the same transaction as their change.
 *
 * Idempotent and crash-safe: every record has a sequence number, and the
 * fold records the highest folded number in store_meta in the same
 * transaction. On open, records above it are folded first (a crash between
 * the fold's commit and the file's truncation repeats nothing).
 *
 * Torn tail or corruption. A crash can only cut short the last append,
 * which was never acknowledged (nothing is shown before its record is
 * synced): such a torn tail is cut off. Anything else that does not check
 * is corruption of records that were acknowledged, and is never cut off
 * silently. Reading does not stop at a record that does not check: it
 * searches on for valid records, so one damaged byte costs one record,
 * not the rest of the file. Then every number from the folded one up to
 * the newest found must be there, and the newest must reach the highest
 * number known to be synced, which the store writes to its anchor file
 * (store/audit.h) at least every 200 ms. A number missing (a damaged
 * record followed by good ones, a file cut shorter than what was synced,
 * a file removed) is an acknowledged row lost: the open is refused and
 * nothing is changed, unless the caller accepts the loss; then each
 * journal file is first copied aside (`<file>.corrupt-<time>`), and the
 * store records the loss and its count in the audit log (store.c). A
 * file cut within the last 200 ms before the anchor was written is
 * indistinguishable from a torn tail; that is the limit.
 *
 * Record: magic "OVAJ", payload length (u32), CRC-32 of the payload (u32),
 * then the payload: seq (u64), at in ms since 1970 UTC (i64), citizen id
 * (i64), action (u8), and actor, role, purpose, criterion as u16 length +
 * bytes (0xFFFF: NULL). Integers little-endian.
 *
 * Two files take turns (`-audit` and `-audit2`): a fold switches appends to
 * the other file, and the file it folded is emptied once its rows are
 * committed, so the journal never grows beyond what one fold has not yet
 * taken.
 */
#ifndef OV_STORE_JOURNAL_H
#define OV_STORE_JOURNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "model/actor.h"

typedef struct ov_journal ov_journal;

/* One read row waiting for its fold. */
typedef struct ov_jrec {
    uint64_t seq;
    ov_time at;
    int64_t citizen_id; /* 0: none */
    ov_action action;
    char *actor, *role, *purpose;
    char *criterion;    /* NULL: none */
    int64_t batch;      /* the batch folding it; 0 = none */
    int file;           /* which of the two files holds it */
    struct ov_jrec *next;
} ov_jrec;

/* What reading the journal found. */
typedef struct ov_journal_state {
    uint64_t waiting;             /* records above `folded`, not yet folded */
    uint64_t first_seq, last_seq; /* their numbers (0: none) */
    uint64_t lost;                /* acknowledged records missing */
    uint64_t upto;                /* the highest number known to be used */
    char damage[512];             /* where the first damage is, or "" */
    char aside[4200], aside2[4200]; /* copies kept when a loss was accepted */
} ov_journal_state;

/* Open (creating) the journal files for the database at db_path.
 * `folded` is the highest sequence number already in the database;
 * `acknowledged` the highest the anchor file says was synced (0: none
 * known). The records above `folded` wait for a fold (ov_journal_unfolded),
 * oldest first. When acknowledged records are missing (js->lost) the open
 * fails with OV_ECORRUPT and changes nothing, unless accept_loss: then
 * the files are copied aside first (js->aside) and the journal opens
 * with what is left; the caller records the loss. */
ov_status ov_journal_open(const char *db_path, uint64_t folded,
                          uint64_t acknowledged, bool accept_loss,
                          ov_journal **out, ov_journal_state *js,
                          ov_err *err);
/* The same reading without opening: no lock, no change (audit verify and
 * status beside a running server). Read the anchors before and the folded
 * number after this, so that a fold meanwhile cannot look like a loss. */
ov_status ov_journal_scan(const char *db_path, uint64_t folded,
                          uint64_t acknowledged, ov_journal_state *js,
                          ov_err *err);
/* Every record up to this number is on disk. */
uint64_t ov_journal_synced_seq(ov_journal *j);
void ov_journal_close(ov_journal *j); /* NULL is fine */
/* True (with OV_ECONFLICT naming the file and `field`) when a journal
 * beside db_path still holds records: a database created or restored
 * there must not inherit them. A clean stop leaves the files empty. */
bool ov_journal_stale(const char *db_path, const char *field, ov_err *err);

/* Append a read row; *seq gets its number. Not durable until
 * ov_journal_sync(seq) returns OV_OK. After a failed write or sync every
 * later call fails at once (the store then writes read rows straight into
 * the database). */
ov_status ov_journal_append(ov_journal *j, const ov_actor *actor,
                            ov_action action, int64_t citizen_id,
                            const char *criterion, uint64_t *seq,
                            ov_err *err);
/* Wait until every record up to `seq` is on disk. A thread of the
 * journal syncs: one fdatasync for everything written meanwhile. */
ov_status ov_journal_sync(ov_journal *j, uint64_t seq, ov_err *err);
/* The same without blocking: fn(ctx, OV_OK or the failure) is called once
 * record `seq` is on disk, from the journal's thread (or at once, from
 * this one, when it already is or the journal has failed). */
typedef void (*ov_journal_done_fn)(void *ctx, ov_status st);
void ov_journal_notify(ov_journal *j, uint64_t seq, ov_journal_done_fn fn,
                       void *ctx);
bool ov_journal_synced(ov_journal *j, uint64_t seq);

/* The newest record's number (0: none yet). */
uint64_t ov_journal_last_seq(ov_journal *j);
/* True while a record numbered up to `upto` is not yet in the database:
 * waiting for a fold, or taken by a batch that has not committed (a
 * record taken is not folded until its batch commits). */
bool ov_journal_unfolded(ov_journal *j, uint64_t upto);
/* Take the records no fold holds yet, oldest first, marking them with
 * `batch`, and switch appends to the other file; *n gets how many. They
 * are the first *n of the returned list (only one fold is under way at a
 * time), and only those may be read without the journal's lock: appends
 * go on linking new records behind them. The list stays owned by the
 * journal. */
ov_jrec *ov_journal_take(ov_journal *j, int64_t batch, size_t *n);
/* The batch ended: when `committed`, its records are in the database and
 * are dropped (and a file that holds only folded records is emptied);
 * else they wait for the next fold. */
void ov_journal_folded(ov_journal *j, int64_t batch, bool committed);

/* The journal files' suffixes after the database path ("-audit",
 * "-audit2") for i = 0, 1; NULL after the last (for `overgang check`'s
 * file modes). */
const char *ov_journal_suffix(int i);

#endif
