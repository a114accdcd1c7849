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
static const char SQL_ALL[] =
    "SELECT id, at, actor, role, action, citizen_id, criterion, purpose, "
    "prev_hash, hash FROM audit_log ORDER BY id";
static const char SQL_PRUNE_LAST[] =
    "SELECT id, hash FROM audit_log WHERE at < ?1 ORDER BY id DESC LIMIT 1";
static const char SQL_PRUNE_COUNT[] =
    "SELECT count(*) FROM audit_log WHERE id <= ?1";
static const char SQL_CHECKPOINT_INSERT[] =
    "INSERT INTO audit_checkpoint (first_id, anchor_hash, pruned_rows, "
    "cutoff, made_at) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_PRUNE_DELETE[] = "DELETE FROM audit_log WHERE id <= ?1";

static const char SQL_CITIZEN_LOG[] =
    "SELECT at, role, action, purpose FROM audit_log WHERE citizen_id = ?1 "
    "AND role <> 'system' ORDER BY id DESC LIMIT ?2";

#define NULL_LEN 0xFFFFFFFFu

/* Where a row's canonical encoding goes: SHA-256 (v1) or HMAC-SHA-256
 * under the audit key (v2). */
typedef struct digest {
    bool keyed;
    ov_sha256_ctx sha;
    ov_hmac_ctx hmac;
} digest;

static void feed(digest *d, const void *p, size_t n)
{
    if (d->keyed)
        ov_hmac_update(&d->hmac, p, n);
    else
        ov_sha256_update(&d->sha, p, n);
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
}

void ov_audit_row_hash(const ov_audit_row *r, uint8_t out[OV_HASH_BYTES])
{
    digest d = {.keyed = false};
    ov_sha256_init(&d.sha);
    encode_row(&d, "overgang-audit-v1", r);
    ov_sha256_final(&d.sha, out);
}

void ov_audit_row_mac(const uint8_t key[OV_KEY_BYTES], const ov_audit_row *r,
                      uint8_t out[OV_HASH_BYTES])
{
    digest d = {.keyed = true};
    ov_hmac_init(&d.hmac, key);
    encode_row(&d, "overgang-audit-v2", r);
    ov_hmac_final(&d.hmac, out);
}

/* The hash a row must carry: keyed from the row the store records, plain
 * SHA-256 before it (rows written before the audit key existed). */
static ov_status row_digest(ov_store *s, const ov_audit_row *r,
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
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "criterion",
                                          "audit criterion longer than %d "
                                          "bytes", OV_AUDIT_CRITERION_MAX),
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
    ov_status st = row_digest(tx->store, row, hash, err);
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
            if (row_digest(tx->store, row, hash[r], err) != OV_OK) {
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
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "criterion",
                                          "audit criterion longer than %d "
                                          "bytes", OV_AUDIT_CRITERION_MAX),
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

/* ---- anchors ---- */

#define ANCHOR_LABEL "overgang-anchor-v1"

static void anchor_mac(const uint8_t key[OV_KEY_BYTES], const char *body,
                       size_t n, char hex[2 * OV_HASH_BYTES + 1])
{
    uint8_t mac[OV_HASH_BYTES];
    ov_hmac_ctx c;
    ov_hmac_init(&c, key);
    ov_hmac_update(&c, ANCHOR_LABEL " ", sizeof ANCHOR_LABEL);
    ov_hmac_update(&c, body, n);
    ov_hmac_final(&c, mac);
    ov_hex_encode(mac, OV_HASH_BYTES, hex);
}

size_t ov_anchor_format(const uint8_t key[OV_KEY_BYTES], const ov_anchor *a,
                        char *out, size_t cap)
{
    char hash[2 * OV_HASH_BYTES + 1], mac[2 * OV_HASH_BYTES + 1];
    ov_hex_encode(a->hash, OV_HASH_BYTES, hash);
    int n = snprintf(out, cap, "%lld %s %llu %s", (long long)a->id, hash,
                     (unsigned long long)a->jseq, a->at);
    if (n < 0 || (size_t)n + 2 * OV_HASH_BYTES + 3 > cap)
        return 0;
    anchor_mac(key, out, (size_t)n, mac);
    int m = snprintf(out + n, cap - (size_t)n, " %s\n", mac);
    return (size_t)n + (size_t)m;
}

/* One line without its newline; false when it does not parse or its MAC
 * does not check. */
static bool anchor_parse(const uint8_t key[OV_KEY_BYTES], const char *line,
                         size_t len, ov_anchor *a)
{
    char buf[256];
    if (len >= sizeof buf || len < 2 * OV_HASH_BYTES + 2)
        return false;
    memcpy(buf, line, len);
    buf[len] = '\0';
    size_t body = len - 2 * OV_HASH_BYTES - 1;
    if (buf[body] != ' ')
        return false;
    char want[2 * OV_HASH_BYTES + 1];
    anchor_mac(key, buf, body, want);
    if (!ov_memeq_ct(want, buf + body + 1, 2 * OV_HASH_BYTES))
        return false;
    buf[body] = '\0';
    long long id;
    unsigned long long jseq;
    char hash[2 * OV_HASH_BYTES + 2];
    int used = 0;
    memset(a, 0, sizeof *a);
    if (sscanf(buf, "%lld %65s %llu %31s%n", &id, hash, &jseq, a->at,
               &used) != 4 ||
        (size_t)used != body || id < 0 ||
        ov_hex_decode(ov_str_c(hash), a->hash, OV_HASH_BYTES) != OV_OK)
        return false;
    a->id = id;
    a->jseq = jseq;
    return true;
}

ov_status ov_anchors_read(const char *path, const uint8_t key[OV_KEY_BYTES],
                          bool tail_only, ov_anchor_file *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return OV_OK;
        return ov_err_set(err, OV_EIO, "--anchors",
                          "--anchors: cannot read '%s': %s", path,
                          strerror(errno));
    }
    bool skip_first = false;
    if (tail_only && fseeko(f, 0, SEEK_END) == 0 && ftello(f) > 65536) {
        fseeko(f, -65536, SEEK_END);
        skip_first = true; /* it may start mid-line */
    } else {
        rewind(f);
    }
    char line[512];
    ov_status st = OV_OK;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        if (skip_first) {
            skip_first = false;
            continue;
        }
        out->lines++;
        if (line[n - 1] != '\n') {
            int c = fgetc(f);
            if (c == EOF && n < sizeof line - 1)
                break; /* a line a crash cut short: never relied on */
            st = ov_err_set(err, OV_ECORRUPT, "--anchors",
                            "--anchors: '%s' line %lld is too long: not an "
                            "anchor file",
                            path, (long long)out->lines);
            break;
        }
        ov_anchor a;
        if (!anchor_parse(key, line, n - 1, &a)) {
            st = ov_err_set(err, OV_ECORRUPT, "--anchors",
                            "--anchors: '%s' line %lld: not an anchor "
                            "made with this audit key (forged or damaged)",
                            path, (long long)out->lines);
            break;
        }
        if (!out->have || a.id >= out->newest.id) {
            out->newest = a;
            out->newest_line = out->lines;
        }
        out->have = true;
        if (a.jseq > out->max_jseq)
            out->max_jseq = a.jseq;
    }
    if (st == OV_OK && ferror(f))
        st = ov_err_set(err, OV_EIO, "--anchors",
                        "--anchors: cannot read '%s': %s", path,
                        strerror(errno));
    fclose(f);
    return st;
}

static void hex_short(const uint8_t *h, char out[17])
{
    ov_hex_encode(h, 8, out);
}

/* The rows still in the read-audit journal: read without opening it (a
 * server may own it), between the anchors and the folded number, so that
 * a fold meanwhile cannot look like a loss (journal.h). */
static ov_status verify_journal(ov_store *store, uint64_t acknowledged,
                                ov_audit_report *rep, ov_err *err)
{
    for (int attempt = 0; attempt < 5; attempt++) {
        uint64_t before, after;
        ov_journal_state js;
        ov_status st = ov_store_folded_seq(store, &before, err);
        if (st == OV_OK)
            st = ov_journal_scan(ov_store_path(store), before, acknowledged,
                                 &js, err);
        if (st == OV_OK)
            st = ov_store_folded_seq(store, &after, err);
        if (st != OV_OK)
            return st;
        if (after != before)
            continue; /* a fold ran meanwhile: read again */
        if (js.lost)
            return ov_err_set(err, OV_ECORRUPT, NULL,
                              "the read-audit journal has lost %llu "
                              "acknowledged rows (%s; newest acknowledged "
                              "record %llu); keep copies of %s-audit and "
                              "%s-audit2, then restore them or start "
                              "'overgang serve --accept-audit-loss' to go "
                              "on without those rows (the loss is audited)",
                              (unsigned long long)js.lost,
                              js.damage[0] ? js.damage : "records cut off",
                              (unsigned long long)js.upto,
                              ov_store_path(store), ov_store_path(store));
        rep->journal_rows = (int64_t)js.waiting;
        return OV_OK;
    }
    return ov_err_set(err, OV_ECONFLICT, NULL,
                      "the read-audit journal kept changing while it was "
                      "read; run audit verify again");
}

/* The prune row's cutoff ("rows before <time>: ...") must lie at least
 * OV_AUDIT_RETENTION_MIN_MONTHS before the row itself. */
static bool prune_within_retention(const ov_audit_row *row)
{
    static const char pre[] = "rows before ";
    if (!row->criterion || strncmp(row->criterion, pre, sizeof pre - 1) != 0)
        return false;
    const char *cut = row->criterion + sizeof pre - 1;
    const char *colon = strchr(cut, ':') ? strstr(cut, "Z:") : NULL;
    ov_time c, at;
    ov_err ignored;
    if (!colon ||
        ov_time_parse_utc((ov_str){cut, (size_t)(colon + 1 - cut)}, "cut", &c,
                          &ignored) != OV_OK ||
        ov_time_parse_utc(ov_str_c(row->at), "at", &at, &ignored) != OV_OK)
        return false;
    ov_date latest = ov_date_add_months(ov_time_utc_date(at),
                                        -OV_AUDIT_RETENTION_MIN_MONTHS);
    return c <= (ov_time)latest * 86400000;
}

ov_status ov_audit_verify(ov_store *store, ov_audit_report *rep, ov_err *err)
{
    memset(rep, 0, sizeof *rep);
    ov_status st = ov_store_audit_sync(store, err);
    if (st != OV_OK)
        return st;
    int64_t keyed_from = ov_store_audit_keyed_from(store);
    rep->keyed_from = keyed_from;
    ov_err why;
    ov_err_clear(&why);
    const uint8_t *key = ov_store_audit_key(store, &why);
    if (keyed_from && !key)
        return ov_err_set(err, why.code, why.field,
                          "audit rows from %lld are keyed with the audit "
                          "key, which is needed to verify them: %s",
                          (long long)keyed_from, why.msg);
    if (!keyed_from && key && ov_store_audit_rows_exist(store))
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "the database no longer records where its keyed "
                          "audit chain starts, but its audit key exists: "
                          "store_meta was altered; restore from a backup");
    /* the anchors first (see verify_journal) */
    ov_anchor_file anchors;
    memset(&anchors, 0, sizeof anchors);
    const char *apath = ov_store_anchors_path(store);
    rep->anchors_skipped = !apath;
    if (key && apath) {
        st = ov_anchors_read(apath, key, false, &anchors, err);
        if (st != OV_OK)
            return st;
    }
    if (keyed_from && apath && !anchors.have)
        return ov_err_set(err, OV_ECORRUPT, "--anchors",
                          "--anchors: '%s' holds no anchor, but the chain is "
                          "keyed from row %lld and overgang anchors it at "
                          "every close: the file was removed or emptied; "
                          "give --anchors FILE with a copy kept elsewhere "
                          "(or --no-anchors for a backup, which has none)",
                          apath, (long long)keyed_from);
    rep->anchors = anchors.lines;
    if (anchors.have) {
        rep->anchor_id = anchors.newest.id;
        memcpy(rep->anchor_at, anchors.newest.at, sizeof rep->anchor_at);
    }
    st = verify_journal(store, anchors.max_jseq, rep, err);
    if (st != OV_OK)
        return st;

    ov_tx *tx;
    st = ov_tx_begin_read(store, &tx, err);
    if (st != OV_OK)
        return st;
    ov_arena *a = ov_arena_new(0);
    uint8_t expect_prev[OV_HASH_BYTES] = {0};
    int64_t expect_id = 1;
    bool have_checkpoint = false;

    ov_stmt *s;
    st = ov_stmt_prepare(tx->conn, SQL_LAST_CHECKPOINT, &s, err);
    if (st == OV_OK) {
        ov_step r = ov_stmt_step(s, err);
        if (r == OV_STEP_ROW) {
            size_t n;
            const void *h = ov_stmt_col_blob(s, 1, &n);
            expect_id = ov_stmt_col_i64(s, 0);
            if (n == OV_HASH_BYTES)
                memcpy(expect_prev, h, n);
            have_checkpoint = true;
        } else if (r == OV_STEP_ERROR) {
            st = err->code;
        }
        ov_stmt_release(s);
    }
    rep->from_checkpoint = have_checkpoint;
    memcpy(rep->head, expect_prev, OV_HASH_BYTES);
    rep->last_id = expect_id - 1;
    /* the text a prune row must carry to vouch for this checkpoint */
    char vouch[64 + 2 * OV_HASH_BYTES];
    bool vouched = !have_checkpoint;
    if (have_checkpoint) {
        char hex[2 * OV_HASH_BYTES + 1];
        ov_hex_encode(expect_prev, OV_HASH_BYTES, hex);
        snprintf(vouch, sizeof vouch, "checkpoint %lld %s",
                 (long long)expect_id, hex);
    }
    int64_t checkpoint_first = expect_id;
    bool anchor_seen = false;
    uint8_t at_anchor[OV_HASH_BYTES];
    /* the anchor row itself was pruned: the chain must still reach it */
    if (anchors.have && anchors.newest.id < expect_id)
        anchor_seen = true;
    if (anchors.have && anchors.newest.id == expect_id - 1) {
        anchor_seen = true;
        memcpy(at_anchor, expect_prev, OV_HASH_BYTES);
        if (memcmp(at_anchor, anchors.newest.hash, OV_HASH_BYTES) != 0)
            anchor_seen = false;
    }
    if (st == OV_OK)
        st = ov_stmt_prepare(tx->conn, SQL_ALL, &s, err);
    if (st == OV_OK) {
        ov_step r;
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
            ov_arena_reset(a);
            ov_audit_row row;
            row.id = ov_stmt_col_i64(s, 0);
            row.at = ov_stmt_col_text(s, 1, a).ptr;
            row.actor = ov_stmt_col_text(s, 2, a).ptr;
            row.role = ov_stmt_col_text(s, 3, a).ptr;
            row.action = ov_stmt_col_text(s, 4, a).ptr;
            row.citizen_id =
                ov_stmt_col_is_null(s, 5) ? 0 : ov_stmt_col_i64(s, 5);
            row.criterion = ov_stmt_col_text(s, 6, a).ptr;
            row.purpose = ov_stmt_col_text(s, 7, a).ptr;
            size_t pn, hn;
            const void *prev = ov_stmt_col_blob(s, 8, &pn);
            uint8_t stored_prev[OV_HASH_BYTES] = {0};
            if (pn == OV_HASH_BYTES)
                memcpy(stored_prev, prev, pn);
            const void *hp = ov_stmt_col_blob(s, 9, &hn);
            uint8_t stored[OV_HASH_BYTES] = {0};
            if (hn == OV_HASH_BYTES)
                memcpy(stored, hp, hn);
            memcpy(row.prev_hash, stored_prev, OV_HASH_BYTES);

            if (rep->rows == 0)
                rep->first_id = row.id;
            rep->rows++;
            rep->last_id = row.id;
            if (row.id != expect_id) {
                rep->bad_id = row.id;
                if (row.id > expect_id)
                    st = ov_err_set(err, OV_ECORRUPT, NULL,
                                    "audit row %lld: rows %lld to %lld are "
                                    "missing (deleted?)",
                                    (long long)row.id, (long long)expect_id,
                                    (long long)(row.id - 1));
                else
                    st = ov_err_set(err, OV_ECORRUPT, NULL,
                                    "audit row %lld: out of sequence after "
                                    "row %lld (inserted?)",
                                    (long long)row.id,
                                    (long long)(expect_id - 1));
                break;
            }
            if (!row.at || !row.actor || !row.role || !row.action ||
                !row.purpose || pn != OV_HASH_BYTES || hn != OV_HASH_BYTES) {
                rep->bad_id = row.id;
                st = ov_err_set(err, OV_ECORRUPT, NULL,
                                "audit row %lld: a required field is missing",
                                (long long)row.id);
                break;
            }
            if (memcmp(stored_prev, expect_prev, OV_HASH_BYTES) != 0) {
                char want[17], got[17];
                hex_short(expect_prev, want);
                hex_short(stored_prev, got);
                rep->bad_id = row.id;
                st = ov_err_set(err, OV_ECORRUPT, NULL,
                                "audit row %lld: does not follow the row "
                                "before it (previous hash %s..., expected "
                                "%s...; a row was inserted, deleted or "
                                "replaced)",
                                (long long)row.id, got, want);
                break;
            }
            uint8_t h[OV_HASH_BYTES];
            st = row_digest(store, &row, h, err);
            if (st != OV_OK)
                break;
            if (memcmp(h, stored, OV_HASH_BYTES) != 0) {
                rep->bad_id = row.id;
                st = ov_err_set(err, OV_ECORRUPT, NULL,
                                "audit row %lld: content does not match its "
                                "%s (the row was edited or forged)",
                                (long long)row.id,
                                keyed_from && row.id >= keyed_from
                                    ? "keyed hash"
                                    : "hash");
                break;
            }
            if (keyed_from && row.id >= keyed_from &&
                strcmp(row.action, "prune") == 0 &&
                !prune_within_retention(&row)) {
                rep->bad_id = row.id;
                st = ov_err_set(err, OV_ECORRUPT, NULL,
                                "audit row %lld: a pruning removed rows "
                                "younger than %d months (%s)",
                                (long long)row.id,
                                OV_AUDIT_RETENTION_MIN_MONTHS,
                                row.criterion ? row.criterion : "no cutoff");
                break;
            }
            if (!vouched && strcmp(row.action, "prune") == 0 &&
                row.criterion && strstr(row.criterion, vouch))
                vouched = true;
            if (anchors.have && row.id == anchors.newest.id) {
                if (memcmp(stored, anchors.newest.hash, OV_HASH_BYTES) != 0) {
                    rep->bad_id = row.id;
                    st = ov_err_set(err, OV_ECORRUPT, NULL,
                                    "audit row %lld: its hash differs from "
                                    "the one anchored at %s (%s line %lld): "
                                    "the chain was rewritten",
                                    (long long)row.id, anchors.newest.at,
                                    apath, (long long)anchors.newest_line);
                    break;
                }
                anchor_seen = true;
            }
            memcpy(expect_prev, stored, OV_HASH_BYTES);
            memcpy(rep->head, stored, OV_HASH_BYTES);
            expect_id = row.id + 1;
        }
        if (r == OV_STEP_ERROR)
            st = err->code;
        ov_stmt_release(s);
    }
    if (st == OV_OK && !vouched) {
        rep->bad_id = checkpoint_first;
        st = ov_err_set(err, OV_ECORRUPT, NULL,
                        "audit row %lld: the log starts at a pruning "
                        "checkpoint that no prune row in the chain records "
                        "(rows were removed by hand?)",
                        (long long)checkpoint_first);
    }
    if (st == OV_OK && keyed_from && rep->last_id < keyed_from - 1) {
        rep->bad_id = rep->last_id + 1;
        st = ov_err_set(err, OV_ECORRUPT, NULL,
                        "audit row %lld: the chain ends at row %lld, before "
                        "its first keyed row %lld (rows were deleted)",
                        (long long)(rep->last_id + 1),
                        (long long)rep->last_id, (long long)keyed_from);
    }
    if (st == OV_OK && anchors.have && !anchor_seen) {
        rep->bad_id = rep->last_id + 1;
        st = ov_err_set(err, OV_ECORRUPT, NULL,
                        "audit row %lld: the chain ends at row %lld, but "
                        "row %lld was anchored at %s (%s line %lld): rows "
                        "%lld to %lld were removed",
                        (long long)(rep->last_id + 1),
                        (long long)rep->last_id,
                        (long long)anchors.newest.id, anchors.newest.at,
                        apath, (long long)anchors.newest_line,
                        (long long)(rep->last_id + 1),
                        (long long)anchors.newest.id);
    }
    ov_arena_destroy(a);
    ov_tx_rollback(tx);
    return st;
}

ov_status ov_audit_prune(ov_tx *tx, ov_time cutoff, int64_t *pruned,
                         ov_err *err)
{
    *pruned = 0;
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    char cut[OV_TIME_BUF], now[OV_TIME_BUF];
    ov_time t_now = ov_time_now();
    ov_time_format_utc(cutoff, cut);
    ov_time_format_utc(t_now, now);
    /* whatever the setting: never rows younger than the minimum */
    ov_date latest = ov_date_add_months(ov_time_utc_date(t_now),
                                        -OV_AUDIT_RETENTION_MIN_MONTHS);
    if (cutoff > (ov_time)latest * 86400000) {
        char day[OV_DATE_BUF];
        ov_date_format_iso(latest, day);
        return ov_tx_fail(
            tx, (ov_err_set(err, OV_EINVAL, "audit_retention_months",
                            "audit_retention_months: audit rows are kept at "
                            "least %d months; the cutoff %s is later than %s; "
                            "set a retention of %d months or more",
                            OV_AUDIT_RETENTION_MIN_MONTHS, cut, day,
                            OV_AUDIT_RETENTION_MIN_MONTHS),
                 err));
    }

    /* the newest row older than the cutoff; everything up to it goes */
    ov_stmt *s;
    st = ov_stmt_prepare(tx->conn, SQL_PRUNE_LAST, &s, err);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_cstr(s, 1, cut);
    ov_step r = ov_stmt_step(s, err);
    int64_t last = 0;
    uint8_t anchor[OV_HASH_BYTES];
    if (r == OV_STEP_ROW) {
        size_t n;
        const void *h = ov_stmt_col_blob(s, 1, &n);
        last = ov_stmt_col_i64(s, 0);
        memset(anchor, 0, sizeof anchor);
        if (n == OV_HASH_BYTES)
            memcpy(anchor, h, n);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (last > 0) {
        st = ov_stmt_prepare(tx->conn, SQL_PRUNE_COUNT, &s, err);
        if (st != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, last);
        if (ov_stmt_step(s, err) != OV_STEP_ROW) {
            ov_stmt_release(s);
            return ov_tx_fail(tx, err);
        }
        *pruned = ov_stmt_col_i64(s, 0);
        ov_stmt_release(s);

        st = ov_stmt_prepare(tx->conn, SQL_CHECKPOINT_INSERT, &s, err);
        if (st != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, last + 1);
        ov_stmt_bind_blob(s, 2, anchor, sizeof anchor);
        ov_stmt_bind_i64(s, 3, *pruned);
        ov_stmt_bind_cstr(s, 4, cut);
        ov_stmt_bind_cstr(s, 5, now);
        st = ov_stmt_run(s, err);
        if (st != OV_OK)
            return ov_tx_fail(tx, err);

        st = ov_stmt_prepare(tx->conn, SQL_PRUNE_DELETE, &s, err);
        if (st != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, last);
        st = ov_stmt_run(s, err);
        if (st != OV_OK)
            return ov_tx_fail(tx, err);
    }
    /* the prune row vouches for the checkpoint: verification refuses a
     * checkpoint that no prune row in the chain names */
    char criterion[OV_AUDIT_CRITERION_MAX], anchor_hex[2 * OV_HASH_BYTES + 1];
    if (last > 0) {
        ov_hex_encode(anchor, OV_HASH_BYTES, anchor_hex);
        snprintf(criterion, sizeof criterion,
                 "rows before %s: %lld removed; checkpoint %lld %s", cut,
                 (long long)*pruned, (long long)(last + 1), anchor_hex);
    } else {
        snprintf(criterion, sizeof criterion,
                 "rows before %s: none removed", cut);
    }
    return ov_audit_append(tx, OV_ACT_PRUNE, 0, criterion, err);
}

ov_status ov_audit_citizen_log(ov_tx *tx, int64_t citizen_id, ov_arena *a,
                               ov_access_entry *out, int cap, int *n,
                               ov_err *err)
{
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CITIZEN_LOG, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, citizen_id);
    ov_stmt_bind_i64(s, 2, cap);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < cap) {
        ov_access_entry *e = &out[*n];
        if (ov_time_parse_utc(ov_stmt_col_text(s, 0, a), "at", &e->at, err) !=
                OV_OK ||
            ov_role_parse(ov_stmt_col_text(s, 1, a), "role", &e->role, err) !=
                OV_OK ||
            ov_action_parse(ov_stmt_col_text(s, 2, a), &e->action) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        e->purpose = ov_stmt_col_text(s, 3, a);
        (*n)++;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR) {
        if (err->code == OV_OK)
            ov_err_set(err, OV_ECORRUPT, NULL, "an audit row is malformed");
        return ov_tx_fail(tx, err);
    }
    return ov_audit_append(tx, OV_ACT_READ, citizen_id, "egen adgangslog",
                           err);
}
