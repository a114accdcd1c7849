/*
 * audit.c - the chain: appending rows (one, many, the pending reads of a
 * transaction, the read-audit journal's records), each row's hash (v1
 * SHA-256 or v2 HMAC under the audit key) and the chain's head. Called at
 * commit by tx.c and by every store function that records an access.
 *
 * Verification, pruning and reading the log are in audit_log.c. This file
 * calls no other file of the store but db.c and the inline guards of
 * store_int.h, so transactions (tx.c) can depend on it without a cycle.
 */
#include "store/audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

static const char SQL_LAST[] =
    "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
static const char SQL_LAST_CHECKPOINT[] =
    "SELECT first_id, anchor_hash FROM audit_checkpoint ORDER BY id DESC "
    "LIMIT 1";
static const char SQL_INSERT[] =
    "INSERT INTO audit_log (id, at, actor, role, action, citizen_id, "
    "criterion, purpose, prev_hash, hash) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_INSERT_16[] =
    "INSERT INTO audit_log (id, at, actor, role, action, citizen_id, "
    "criterion, purpose, prev_hash, hash) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10), "
    "(?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20), "
    "(?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30), "
    "(?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40), "
    "(?41, ?42, ?43, ?44, ?45, ?46, ?47, ?48, ?49, ?50), "
    "(?51, ?52, ?53, ?54, ?55, ?56, ?57, ?58, ?59, ?60), "
    "(?61, ?62, ?63, ?64, ?65, ?66, ?67, ?68, ?69, ?70), "
    "(?71, ?72, ?73, ?74, ?75, ?76, ?77, ?78, ?79, ?80), "
    "(?81, ?82, ?83, ?84, ?85, ?86, ?87, ?88, ?89, ?90), "
    "(?91, ?92, ?93, ?94, ?95, ?96, ?97, ?98, ?99, ?100), "
    "(?101, ?102, ?103, ?104, ?105, ?106, ?107, ?108, ?109, ?110), "
    "(?111, ?112, ?113, ?114, ?115, ?116, ?117, ?118, ?119, ?120), "
    "(?121, ?122, ?123, ?124, ?125, ?126, ?127, ?128, ?129, ?130), "
    "(?131, ?132, ?133, ?134, ?135, ?136, ?137, ?138, ?139, ?140), "
    "(?141, ?142, ?143, ?144, ?145, ?146, ?147, ?148, ?149, ?150), "
    "(?151, ?152, ?153, ?154, ?155, ?156, ?157, ?158, ?159, ?160)";

#define NULL_LEN 0xFFFFFFFFu

/* Where a row's canonical encoding goes: SHA-256 (v1) or HMAC-SHA-256
 * under the audit key (v2). The encoding is gathered in buf and given to
 * the hash in one piece: a row is about 150 bytes in 16 pieces, and each
 * piece handed over on its own cost more than hashing it. */
typedef struct digest {
    bool keyed;
    size_t n;
    ov_sha256_ctx sha;
    ov_hmac_ctx hmac;
    uint8_t buf[512];
} digest;

static void flush(digest *d)
{
    if (d->keyed)
        ov_hmac_update(&d->hmac, d->buf, d->n);
    else
        ov_sha256_update(&d->sha, d->buf, d->n);
    d->n = 0;
}

static void feed(digest *d, const void *p, size_t n)
{
    if (d->n + n > sizeof d->buf) {
        flush(d);
        if (n > sizeof d->buf) {
            if (d->keyed)
                ov_hmac_update(&d->hmac, p, n);
            else
                ov_sha256_update(&d->sha, p, n);
            return;
        }
    }
    memcpy(d->buf + d->n, p, n);
    d->n += n;
}

static void put_field(digest *d, const char *s)
{
    uint8_t len[4];
    uint32_t n = s ? (uint32_t)strlen(s) : NULL_LEN;
    len[0] = (uint8_t)(n >> 24);
    len[1] = (uint8_t)(n >> 16);
    len[2] = (uint8_t)(n >> 8);
    len[3] = (uint8_t)n;
    feed(d, len, 4);
    if (s)
        feed(d, s, n);
}

static void encode_row(digest *d, const char *magic, const ov_audit_row *r)
{
    feed(d, magic, strlen(magic));
    uint8_t id[8];
    for (int i = 0; i < 8; i++)
        id[i] = (uint8_t)((uint64_t)r->id >> (56 - 8 * i));
    feed(d, id, 8);
    put_field(d, r->at);
    put_field(d, r->actor);
    put_field(d, r->role);
    put_field(d, r->action);
    char cid[24];
    if (r->citizen_id) {
        snprintf(cid, sizeof cid, "%lld", (long long)r->citizen_id);
        put_field(d, cid);
    } else {
        put_field(d, NULL);
    }
    put_field(d, r->criterion);
    put_field(d, r->purpose);
    feed(d, r->prev_hash, OV_HASH_BYTES);
    flush(d);
}

void ov_audit_row_hash(const ov_audit_row *r, uint8_t out[OV_HASH_BYTES])
{
    digest d;
    d.keyed = false;
    d.n = 0;
    ov_sha256_init(&d.sha);
    encode_row(&d, "overgang-audit-v1", r);
    ov_sha256_final(&d.sha, out);
}

/* v2 with the key's HMAC pads already hashed into `keyed` (an
 * ov_hmac_init under the audit key, copied, so it serves many rows). */
static void row_mac_from(const ov_hmac_ctx *keyed, const ov_audit_row *r,
                         uint8_t out[OV_HASH_BYTES])
{
    digest d;
    d.keyed = true;
    d.n = 0;
    d.hmac = *keyed;
    encode_row(&d, "overgang-audit-v2", r);
    ov_hmac_final(&d.hmac, out);
}

void ov_audit_row_mac(const uint8_t key[OV_KEY_BYTES], const ov_audit_row *r,
                      uint8_t out[OV_HASH_BYTES])
{
    ov_hmac_ctx keyed;
    ov_hmac_init(&keyed, key);
    row_mac_from(&keyed, r, out);
    ov_hmac_wipe(&keyed);
}

/* The hash a row must carry: keyed from the row the store records, plain
 * SHA-256 before it (rows written before the audit key existed). */
ov_status ov_audit_row_digest(ov_store *s, const ov_audit_row *r,
                            uint8_t out[OV_HASH_BYTES], ov_err *err)
{
    int64_t from = ov_store_audit_keyed_from(s);
    if (!from || r->id < from) {
        ov_audit_row_hash(r, out);
        return OV_OK;
    }
    const uint8_t *key = ov_store_audit_key(s, err);
    if (!key)
        return err->code;
    ov_audit_row_mac(key, r, out);
    return OV_OK;
}

/* ov_audit_row_digest for many rows: the audit key's HMAC pads (two of
 * the five SHA-256 blocks of a keyed row) are hashed once, not per row. */
typedef struct row_hasher {
    ov_store *store;
    int64_t keyed_from;
    bool ready;
    ov_hmac_ctx keyed;
} row_hasher;

static void hasher_init(row_hasher *h, ov_store *s)
{
    h->store = s;
    h->keyed_from = ov_store_audit_keyed_from(s);
    h->ready = false;
}

static ov_status hasher_row(row_hasher *h, const ov_audit_row *r,
                            uint8_t out[OV_HASH_BYTES], ov_err *err)
{
    if (!h->keyed_from || r->id < h->keyed_from) {
        ov_audit_row_hash(r, out);
        return OV_OK;
    }
    if (!h->ready) {
        const uint8_t *key = ov_store_audit_key(h->store, err);
        if (!key)
            return err->code;
        ov_hmac_init(&h->keyed, key);
        h->ready = true;
    }
    row_mac_from(&h->keyed, r, out);
    return OV_OK;
}

static void hasher_wipe(row_hasher *h)
{
    if (h->ready)
        ov_hmac_wipe(&h->keyed);
    h->ready = false;
}

/* The chain's current end: the last row, or the last checkpoint's anchor
 * when pruning removed every row, or the genesis (id 0, zero hash). */
ov_status ov_audit_head(ov_conn *c, int64_t *last_id,
                        uint8_t hash[OV_HASH_BYTES], ov_err *err)
{
    *last_id = 0;
    memset(hash, 0, OV_HASH_BYTES);
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(c, SQL_LAST, &s, err);
    if (st != OV_OK)
        return st;
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        size_t n;
        const void *h = ov_stmt_col_blob(s, 1, &n);
        *last_id = ov_stmt_col_i64(s, 0);
        if (n == OV_HASH_BYTES)
            memcpy(hash, h, n);
        ov_stmt_release(s);
        return OV_OK;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err->code;
    st = ov_stmt_prepare(c, SQL_LAST_CHECKPOINT, &s, err);
    if (st != OV_OK)
        return st;
    r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        size_t n;
        const void *h = ov_stmt_col_blob(s, 1, &n);
        *last_id = ov_stmt_col_i64(s, 0) - 1;
        if (n == OV_HASH_BYTES)
            memcpy(hash, h, n);
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

static ov_status append_now(ov_tx *tx, ov_action action, int64_t citizen_id,
                            const char *criterion, ov_err *err);

/* Add a criterion to a pending read, once, within the cap. */
static void join_criterion(ov_pending_read *p, const char *criterion)
{
    if (!criterion || !*criterion)
        return;
    size_t cl = strlen(criterion), n = strlen(p->criteria);
    /* already there as a whole item? */
    const char *at = p->criteria;
    while ((at = strstr(at, criterion))) {
        bool starts = at == p->criteria || (at >= p->criteria + 2 &&
                                            at[-2] == ',' && at[-1] == ' ');
        bool ends = at[cl] == '\0' || at[cl] == ',';
        if (starts && ends)
            return;
        at += cl;
    }
    if (n + (n ? 2 : 0) + cl > OV_AUDIT_CRITERION_MAX)
        return; /* the row keeps the first criteria; the purpose stands */
    snprintf(p->criteria + n, sizeof p->criteria - n, "%s%s", n ? ", " : "",
             criterion);
}

static ov_status insert_rows(ov_tx *tx, ov_audit_row *rows, size_t n,
                             ov_err *err);

/* The rows of the transaction's actor for n citizens, at one time. */
static ov_audit_row *actor_rows(ov_tx *tx, ov_action action, size_t n,
                                char at[OV_TIME_BUF])
{
    const ov_actor *a = tx->actor;
    ov_audit_row *rows = ov_xcalloc(n ? n : 1, sizeof *rows);
    ov_time_format_utc(ov_time_now(), at);
    for (size_t i = 0; i < n; i++) {
        rows[i].at = at;
        rows[i].actor = a->user;
        rows[i].role = ov_role_code(a->role);
        rows[i].action = ov_action_code(action);
        rows[i].purpose = a->purpose;
    }
    return rows;
}

ov_status ov_audit_flush(ov_tx *tx, ov_err *err)
{
    int n = tx->npending;
    tx->npending = 0;
    if (n == 0)
        return OV_OK;
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    char at[OV_TIME_BUF];
    ov_audit_row *rows = actor_rows(tx, OV_ACT_READ, (size_t)n, at);
    for (int i = 0; i < n; i++) {
        rows[i].citizen_id = tx->pending[i].citizen_id;
        rows[i].criterion =
            tx->pending[i].criteria[0] ? tx->pending[i].criteria : NULL;
    }
    st = insert_rows(tx, rows, (size_t)n, err);
    free(rows);
    return st;
}

ov_status ov_audit_append_many(ov_tx *tx, ov_action action,
                               const int64_t *citizen_ids, size_t n,
                               ov_err *err)
{
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    if ((unsigned)action >= OV_ACT_COUNT || action == OV_ACT_READ)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINTERNAL, NULL,
                                          "audit action %d cannot be "
                                          "appended in bulk",
                                          (int)action), err));
    if (tx->npending && ov_audit_flush(tx, err) != OV_OK)
        return err->code;
    if (n == 0)
        return OV_OK;
    char at[OV_TIME_BUF];
    ov_audit_row *rows = actor_rows(tx, action, n, at);
    for (size_t i = 0; i < n; i++)
        rows[i].citizen_id = citizen_ids[i];
    st = insert_rows(tx, rows, n, err);
    free(rows);
    return st;
}

ov_status ov_audit_append(ov_tx *tx, ov_action action, int64_t citizen_id,
                          const char *criterion, ov_err *err)
{
    ov_status st = action == OV_ACT_READ ? ov_tx_check_audited(tx, err)
                                         : ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    if (criterion && strlen(criterion) > OV_AUDIT_CRITERION_MAX)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "criterion",
                                          audit_criterion_too_long,
                                          OV_AUDIT_CRITERION_MAX),
                               err));
    if (action == OV_ACT_READ) {
        /* one row per citizen per transaction, written at commit */
        for (int i = 0; i < tx->npending; i++)
            if (tx->pending[i].citizen_id == citizen_id) {
                join_criterion(&tx->pending[i], criterion);
                return OV_OK;
            }
        if (tx->npending == tx->pending_cap) {
            if (tx->write) {
                if (ov_audit_flush(tx, err) != OV_OK)
                    return err->code;
            } else {
                /* a read cannot write yet: keep every citizen's row */
                size_t cap = ov_size_mul((size_t)tx->pending_cap, 2);
                ov_pending_read *p =
                    tx->pending == tx->pending_inline
                        ? ov_xmalloc(ov_size_mul(cap, sizeof *p))
                        : ov_xrealloc(tx->pending,
                                      ov_size_mul(cap, sizeof *p));
                if (tx->pending == tx->pending_inline)
                    memcpy(p, tx->pending_inline,
                           sizeof tx->pending_inline);
                tx->pending = p;
                tx->pending_cap = (int)cap;
            }
        }
        ov_pending_read *p = &tx->pending[tx->npending++];
        p->citizen_id = citizen_id;
        p->criteria[0] = '\0';
        join_criterion(p, criterion);
        return OV_OK;
    }
    if (tx->npending && ov_audit_flush(tx, err) != OV_OK)
        return err->code;
    return append_now(tx, action, citizen_id, criterion, err);
}

/* Insert a row whose id and prev_hash are set; `hash` gets its hash. */
static ov_status insert_chained(ov_tx *tx, ov_audit_row *row,
                                uint8_t hash[OV_HASH_BYTES], ov_err *err)
{
    ov_status st = ov_audit_row_digest(tx->store, row, hash, err);
    if (st != OV_OK) {
        ov_err_prefix(err, "writing the audit row (the access was not "
                           "committed)");
        return ov_tx_fail(tx, err);
    }
    ov_stmt *s;
    st = ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, row->id);
    ov_stmt_bind_cstr(s, 2, row->at);
    ov_stmt_bind_cstr(s, 3, row->actor);
    ov_stmt_bind_cstr(s, 4, row->role);
    ov_stmt_bind_cstr(s, 5, row->action);
    if (row->citizen_id)
        ov_stmt_bind_i64(s, 6, row->citizen_id);
    else
        ov_stmt_bind_null(s, 6);
    ov_stmt_bind_cstr(s, 7, row->criterion);
    ov_stmt_bind_cstr(s, 8, row->purpose);
    ov_stmt_bind_blob(s, 9, row->prev_hash, OV_HASH_BYTES);
    ov_stmt_bind_blob(s, 10, hash, OV_HASH_BYTES);
    st = ov_stmt_run(s, err);
    if (st != OV_OK) {
        ov_err_prefix(err, "writing the audit row (the access was not "
                           "committed)");
        return ov_tx_fail(tx, err);
    }
    return OV_OK;
}

/* Chain and insert one row: row->id and prev_hash are filled in here. */
static ov_status insert_row(ov_tx *tx, ov_audit_row *row, ov_err *err)
{
    int64_t last_id;
    ov_status st = ov_audit_head(tx->conn, &last_id, row->prev_hash, err);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    row->id = last_id + 1;
    uint8_t hash[OV_HASH_BYTES];
    return insert_chained(tx, row, hash, err);
}

static ov_status insert_rows_16(ov_tx *tx, row_hasher *h, ov_audit_row *rows,
                                size_t n, int64_t last_id,
                                uint8_t prev[OV_HASH_BYTES], ov_err *err);

/* Chain and insert n rows (their ids and prev_hash are set here): the
 * chain's end is read once, and the rows go in 16 to a statement (the
 * per-statement work of SQLite, not the rows, was most of the cost of
 * 100,000 rows one by one). */
static ov_status insert_rows(ov_tx *tx, ov_audit_row *rows, size_t n,
                             ov_err *err)
{
    int64_t last_id;
    uint8_t prev[OV_HASH_BYTES];
    ov_status st = ov_audit_head(tx->conn, &last_id, prev, err);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    row_hasher h;
    hasher_init(&h, tx->store);
    st = insert_rows_16(tx, &h, rows, n, last_id, prev, err);
    hasher_wipe(&h);
    return st;
}

/* The rows of insert_rows after `*last_id` and `prev`, 16 to a statement
 * and the rest one by one. */
static ov_status insert_rows_16(ov_tx *tx, row_hasher *h, ov_audit_row *rows,
                                size_t n, int64_t last_id,
                                uint8_t prev[OV_HASH_BYTES], ov_err *err)
{
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        uint8_t hash[16][OV_HASH_BYTES];
        ov_stmt *s;
        if (ov_stmt_prepare(tx->conn, SQL_INSERT_16, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        for (int r = 0; r < 16; r++) {
            ov_audit_row *row = &rows[i + (size_t)r];
            row->id = ++last_id;
            memcpy(row->prev_hash, prev, OV_HASH_BYTES);
            /* keyed or plain by the row's id, as insert_chained */
            if (hasher_row(h, row, hash[r], err) != OV_OK) {
                ov_stmt_release(s);
                ov_err_prefix(err, "writing the audit rows (the access "
                                   "was not committed)");
                return ov_tx_fail(tx, err);
            }
            memcpy(prev, hash[r], OV_HASH_BYTES);
            int b = r * 10;
            ov_stmt_bind_i64(s, b + 1, row->id);
            ov_stmt_bind_cstr(s, b + 2, row->at);
            ov_stmt_bind_cstr(s, b + 3, row->actor);
            ov_stmt_bind_cstr(s, b + 4, row->role);
            ov_stmt_bind_cstr(s, b + 5, row->action);
            if (row->citizen_id)
                ov_stmt_bind_i64(s, b + 6, row->citizen_id);
            else
                ov_stmt_bind_null(s, b + 6);
            ov_stmt_bind_cstr(s, b + 7, row->criterion);
            ov_stmt_bind_cstr(s, b + 8, row->purpose);
            ov_stmt_bind_blob(s, b + 9, row->prev_hash, OV_HASH_BYTES);
            ov_stmt_bind_blob(s, b + 10, hash[r], OV_HASH_BYTES);
        }
        if (ov_stmt_run(s, err) != OV_OK) {
            ov_err_prefix(err, "writing the audit rows (the access was not "
                               "committed)");
            return ov_tx_fail(tx, err);
        }
    }
    for (; i < n; i++) {
        ov_audit_row *row = &rows[i];
        row->id = ++last_id;
        memcpy(row->prev_hash, prev, OV_HASH_BYTES);
        if (insert_chained(tx, row, prev, err) != OV_OK)
            return err->code;
    }
    return OV_OK;
}

static ov_status append_now(ov_tx *tx, ov_action action, int64_t citizen_id,
                            const char *criterion, ov_err *err)
{
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    if ((unsigned)action >= OV_ACT_COUNT)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINTERNAL, NULL,
                                          "unknown audit action %d",
                                          (int)action), err));
    if (criterion && strlen(criterion) > OV_AUDIT_CRITERION_MAX)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "criterion",
                                          audit_criterion_too_long,
                                          OV_AUDIT_CRITERION_MAX),
                               err));
    const ov_actor *a = tx->actor;
    ov_audit_row row;
    memset(&row, 0, sizeof row);
    char at[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), at);
    row.at = at;
    row.actor = a->user;
    row.role = ov_role_code(a->role);
    row.action = ov_action_code(action);
    row.citizen_id = citizen_id;
    row.criterion = criterion;
    row.purpose = a->purpose;
    return insert_row(tx, &row, err);
}

ov_status ov_audit_fold(ov_tx *tx, const ov_jrec *r, size_t n,
                        uint64_t *last_seq, ov_err *err)
{
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    /* the chain's end once; each row then follows the one before */
    ov_audit_row row;
    memset(&row, 0, sizeof row);
    int64_t id;
    st = ov_audit_head(tx->conn, &id, row.prev_hash, err);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    /* exactly the n taken: the next pointer of the last one may be written
     * by an append meanwhile, so it is never read */
    for (size_t i = 0; i < n; i++, r = i < n ? r->next : r) {
        char at[OV_TIME_BUF];
        ov_time_format_utc(r->at, at);
        row.id = ++id;
        row.at = at;
        row.actor = r->actor;
        row.role = r->role;
        row.action = ov_action_code(r->action);
        row.citizen_id = r->citizen_id;
        row.criterion = r->criterion;
        row.purpose = r->purpose;
        uint8_t hash[OV_HASH_BYTES];
        if (insert_chained(tx, &row, hash, err) != OV_OK)
            return err->code;
        memcpy(row.prev_hash, hash, OV_HASH_BYTES);
        *last_seq = r->seq;
    }
    return OV_OK;
}
