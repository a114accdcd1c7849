/*
 * audit.h - the append-only, hash-chained audit log. The only way to write it.
 *
 * Every create, read, update, delete or export of a citizen's data writes
 * one row in the same transaction as the access: UTC time, actor, role,
 * action, the citizen's id (or the search criterion), and the purpose. The
 * actor, role and purpose come from the transaction (ov_tx_begin).
 *
 * Chain: each row stores SHA-256 over a canonical encoding of its fields and
 * the previous row's hash ("overgang-audit-v1", then each field as a 4-byte
 * big-endian length and its bytes, NULL as length 0xFFFFFFFF, the id as 8
 * bytes big-endian, and the 32-byte previous hash). The first row's previous
 * hash is 32 zero bytes, or after pruning the checkpoint's anchor. Ids are
 * consecutive, so a removed row shows as a gap even before hashes are read.
 *
 * What the chain proves: any edited, inserted, deleted or reordered row is
 * found by ov_audit_verify, which names the first bad row. Someone who can
 * rewrite the whole file can also recompute every hash, so operators should
 * keep the head (id and hash, printed by `overgang audit verify`) outside
 * the database, e.g. in their daily operations log.
 */
#ifndef OV_STORE_AUDIT_H
#define OV_STORE_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/crypto.h"
#include "core/date.h"
#include "store/store.h"

#define OV_AUDIT_CRITERION_MAX 256

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
} ov_audit_report;

/* Walk the whole chain. OV_ECORRUPT names the first bad row and what is
 * wrong with it ("row 17: content does not match its hash (edited?)"). */
ov_status ov_audit_verify(ov_store *s, ov_audit_report *rep, ov_err *err);

/* Remove rows older than `cutoff` (UTC), keeping the chain verifiable from a
 * checkpoint recorded in the same transaction, and log the pruning itself.
 * *pruned gets the number of rows removed. */
ov_status ov_audit_prune(ov_tx *tx, ov_time cutoff, int64_t *pruned,
                         ov_err *err);

/* A citizen's own access log (GDPR art. 15 as it is read today): when their
 * data was accessed, in which role, how and why; newest first, at most
 * `cap` rows. The reading itself is logged. */
typedef struct ov_access_entry {
    ov_time at;
    ov_role role;
    ov_action action;
    ov_str purpose;
} ov_access_entry;
ov_status ov_audit_citizen_log(ov_tx *tx, int64_t citizen_id, ov_arena *a,
                               ov_access_entry *out, int cap, int *n,
                               ov_err *err);

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

#endif
