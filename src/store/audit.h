/*
 * audit.h - the append-only, hash-chained audit log. The only way to write it.
 *
 * Every create, read, update, delete or export of a citizen's data writes
 * one row in the same transaction as the access: UTC time, actor, role,
 * action, the citizen's id (or the search criterion), and the purpose. The
 * actor, role and purpose come from the transaction (ov_tx_begin).
 *
 * Chain: each row stores a hash over a canonical encoding of its fields
 * and the previous row's hash (a magic, the id as 8 bytes big-endian, then
 * each field as a 4-byte big-endian length and its bytes, NULL as length
 * 0xFFFFFFFF, and the 32-byte previous hash). The first row's previous
 * hash is 32 zero bytes, or after pruning the checkpoint's anchor. Ids are
 * consecutive, so a removed row shows as a gap even before hashes are read.
 *
 * Two versions. v1 ("overgang-audit-v1", plain SHA-256) is what databases
 * wrote before the audit key existed: anyone holding the file can
 * recompute it. v2 ("overgang-audit-v2", HMAC-SHA-256 under the audit
 * key, core/crypto.h) is written from the row recorded in store_meta
 * (`audit_chain_keyed_from`) when the store first opened the database
 * with a key; the first v2 row records the change, and because every row
 * covers the one before, the v1 rows before it can no longer be rewritten
 * either. The key lives in `<db>.audit-key`, never in the database.
 *
 * Anchors: the store appends the chain's head (row id and hash), the
 * newest synced read-audit journal number and the time, with a MAC under
 * the audit key, to `<db>-anchors`, at most 200 ms after a batch commits
 * and at every close. Verification requires the chain to reach the newest
 * anchor with the same hash there, so deleting the newest rows, or
 * rewriting the chain, is found even by someone who recomputes hashes,
 * unless they also hold the key and can rewrite the anchor file (keep a
 * copy elsewhere: `audit verify --anchors FILE`). docs/architecture.md,
 * "Audit log", has the whole threat model.
 */
#ifndef OV_STORE_AUDIT_H
#define OV_STORE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/crypto.h"
#include "core/date.h"
#include "store/store.h"

#define OV_AUDIT_CRITERION_MAX 256
/* Pruning never removes rows younger than this, whatever the setting. */
#define OV_AUDIT_RETENTION_MIN_MONTHS 6

/* Append one row in tx. citizen_id 0 means none (then criterion should
 * say what was searched for; never put a CPR number in it). On failure the
 * transaction is marked failed, so the access is rolled back. */
ov_status ov_audit_append(ov_tx *tx, ov_action action, int64_t citizen_id,
                          const char *criterion, ov_err *err);

/* Append one `action` row (not a read) for each of n citizens, in order,
 * with no criterion, at one time: for writes that touch many citizens at
 * once (a screening import creating 100,000). Pending read rows go
 * first, as with ov_audit_append. */
ov_status ov_audit_append_many(ov_tx *tx, ov_action action,
                               const int64_t *citizen_ids, size_t n,
                               ov_err *err);

typedef struct ov_audit_report {
    int64_t rows;           /* rows checked */
    int64_t first_id;       /* 0 when the log is empty */
    int64_t last_id;
    uint8_t head[OV_HASH_BYTES]; /* hash of the last row (or the anchor) */
    bool from_checkpoint;   /* the chain starts at a pruning checkpoint */
    int64_t bad_id;         /* first bad row, 0 when the chain is intact */
    int64_t keyed_from;     /* first row keyed with the audit key; 0: none */
    int64_t anchors;        /* anchor lines checked */
    int64_t anchor_id;      /* the newest anchor's row (when anchors) */
    char anchor_at[32];     /* and its time */
    int64_t journal_rows;   /* read rows still in the journal, not folded */
    bool anchors_skipped;   /* ov_store_options.no_anchors */
} ov_audit_report;

/* Walk the whole chain, check every anchor's MAC and that the chain
 * reaches the newest anchor with the anchored hash, and read the rows
 * still in the read-audit journal (none may be missing). OV_ECORRUPT
 * names the first bad row and what is wrong with it ("row 17: content
 * does not match its keyed hash (the row was edited or forged)"). The
 * anchor file is the store's (ov_store_options.anchors_path). */
ov_status ov_audit_verify(ov_store *s, ov_audit_report *rep, ov_err *err);

/* Remove rows older than `cutoff` (UTC), keeping the chain verifiable from a
 * checkpoint recorded in the same transaction, and log the pruning itself
 * (a keyed row that names the checkpoint, so a checkpoint added by hand is
 * found). OV_EINVAL when the cutoff is later than
 * OV_AUDIT_RETENTION_MIN_MONTHS before today. *pruned gets the number of
 * rows removed. */
ov_status ov_audit_prune(ov_tx *tx, ov_time cutoff, int64_t *pruned,
                         ov_err *err);

/* A citizen's own access log (GDPR art. 15 as it is read today): when their
 * data was accessed, in which role, how and why; newest first, at most
 * `cap` rows (the list convention, store.h: li says how many there are
 * in all). The reading itself is logged. */
typedef struct ov_access_entry {
    ov_time at;
    ov_role role;
    ov_action action;
    ov_str purpose;
    ov_str criterion; /* what was read or written ("plan, møder"); "" */
} ov_access_entry;
ov_status ov_audit_citizen_log(ov_tx *tx, int64_t citizen_id, int cap,
                               ov_arena *a, ov_access_entry **out,
                               ov_list_info *li, ov_err *err);
/* The whole of it, for the export (art. 15 gives the citizen all of it,
 * not the newest few): newest first, handed to fn a page of at most
 * OV_ACCESS_PAGE rows at a time, so memory holds one page however long
 * the log (a page's texts live until fn returns). fn returning non-OK
 * stops the read with that status. *total is the rows handed over. The
 * reading is logged once. */
#define OV_ACCESS_PAGE 256
typedef ov_status (*ov_access_page_fn)(void *ctx, const ov_access_entry *rows,
                                       int n, ov_err *err);
ov_status ov_audit_citizen_log_each(ov_tx *tx, int64_t citizen_id,
                                    ov_access_page_fn fn, void *ctx,
                                    int64_t *total, ov_err *err);

/* Compute a row's hash (exposed for tests). */
typedef struct ov_audit_row {
    int64_t id;
    const char *at;
    const char *actor;
    const char *role;
    const char *action;
    int64_t citizen_id;      /* 0: NULL */
    const char *criterion;   /* NULL: NULL */
    const char *purpose;
    uint8_t prev_hash[OV_HASH_BYTES];
} ov_audit_row;
void ov_audit_row_hash(const ov_audit_row *r, uint8_t out[OV_HASH_BYTES]);
/* The same, v2: HMAC-SHA-256 under the audit key. */
void ov_audit_row_mac(const uint8_t key[OV_KEY_BYTES], const ov_audit_row *r,
                      uint8_t out[OV_HASH_BYTES]);

/* ---- the audit log of a municipality ---- */
typedef struct ov_audit_filter {
    int municipality_code;    /* required: rows by its users or about
                                 citizens with a course there */
    int64_t citizen_id;       /* 0 = any */
    /* rows about any of these citizens (the hits of a search by name or
     * CPR number, store/search.h); ncitizens 0 = no such filter, at most
     * OV_AUDIT_CITIZENS_MAX */
    const int64_t *citizen_ids;
    int ncitizens;
    ov_str user;              /* actor user name; empty = any */
    bool has_from, has_to;
    ov_date from, to;         /* Copenhagen dates, inclusive */
    int64_t before_id;        /* the cursor of older rows: ids below it;
                                 0 = from the newest */
    int limit;                /* 1-5000 */
} ov_audit_filter;
#define OV_AUDIT_CITIZENS_MAX 100

typedef struct ov_audit_view_row {
    int64_t id;
    ov_time at;
    ov_str actor;
    ov_role role;
    ov_action action;
    int64_t citizen_id;       /* 0 when none */
    ov_str criterion;
    ov_str purpose;
    ov_str citizen_name;      /* "" when none */
    ov_str actor_name;        /* for people: the user's full name, "System"
                                 for the command line (cli:...) */
} ov_audit_view_row;

/* Newest first, at most the filter's limit (the list convention,
 * store.h: li->total counts every row the filter matches below the
 * cursor, so a page can say "the newest 500 of 12,000"; the next page's
 * cursor is the last row's id). Viewing is itself audited: one row
 * (action "read", criterion "revisionslog", the filter's citizen when
 * given). */
ov_status ov_audit_search(ov_tx *tx, const ov_audit_filter *f, ov_arena *a,
                          ov_audit_view_row **out, ov_list_info *li,
                          ov_err *err);

#endif
