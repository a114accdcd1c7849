/*
 * audit_log.c - reading the audit log: verification of the chain against
 * the anchors and the read-audit journal, pruning with a checkpoint, a
 * citizen's own access log. (The chain itself is appended by audit.c.)
 */
#include "store/audit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

static const char SQL_LAST_CHECKPOINT[] =
    "SELECT first_id, anchor_hash FROM audit_checkpoint ORDER BY id DESC "
    "LIMIT 1";
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
    "SELECT at, role, action, purpose, coalesce(criterion, '') FROM "
    "audit_log WHERE citizen_id = ?1 "
    "AND role <> 'system' ORDER BY id DESC";

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
    return ov_err_msg(err, OV_ECONFLICT, NULL, audit_journal_changing);
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
            st = ov_audit_row_digest(store, &row, h, err);
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
            tx, (ov_err_msg(err, OV_EINVAL, "audit_retention_months",
                            audit_retention_too_short,
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

static ov_status access_entry_read(ov_stmt *s, ov_arena *a, void *row,
                                   ov_err *err)
{
    ov_access_entry *e = row;
    if (ov_time_parse_utc(ov_stmt_col_text(s, 0, a), "at", &e->at, err) !=
            OV_OK ||
        ov_role_parse(ov_stmt_col_text(s, 1, a), "role", &e->role, err) !=
            OV_OK ||
        ov_action_parse(ov_stmt_col_text(s, 2, a), &e->action) != OV_OK) {
        if (err->code == OV_OK)
            ov_err_set(err, OV_ECORRUPT, NULL, "an audit row is malformed");
        return err->code;
    }
    e->purpose = ov_stmt_col_text(s, 3, a);
    e->criterion = ov_stmt_col_text(s, 4, a);
    return OV_OK;
}

static const ov_list_query CITIZEN_LOG = {
    .sql = SQL_CITIZEN_LOG, .row_size = sizeof(ov_access_entry),
    .bind = ov_list_bind_id, .read = access_entry_read};

ov_status ov_audit_citizen_log(ov_tx *tx, int64_t citizen_id, int cap,
                               ov_arena *a, ov_access_entry **out,
                               ov_list_info *li, ov_err *err)
{
    *out = NULL;
    memset(li, 0, sizeof *li);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    void *rows;
    if (ov_list_read(tx, &CITIZEN_LOG, &citizen_id, cap, a, &rows, li,
                     err) != OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, citizen_id, "egen adgangslog",
                           err);
}

ov_status ov_audit_citizen_log_each(ov_tx *tx, int64_t citizen_id,
                                    ov_access_page_fn fn, void *ctx,
                                    int64_t *total, ov_err *err)
{
    *total = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CITIZEN_LOG, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_list_bind_id(s, &citizen_id);
    ov_arena *page_arena = ov_arena_new(0);
    ov_access_entry page[OV_ACCESS_PAGE];
    int n = 0;
    ov_status st = OV_OK;
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if ((st = access_entry_read(s, page_arena, &page[n], err)) != OV_OK)
            break;
        if (++n == OV_ACCESS_PAGE) {
            *total += n;
            if ((st = fn(ctx, page, n, err)) != OV_OK)
                break;
            n = 0;
            ov_arena_reset(page_arena);
        }
    }
    if (st == OV_OK && r == OV_STEP_DONE && n > 0) {
        *total += n;
        st = fn(ctx, page, n, err);
    }
    ov_arena_destroy(page_arena);
    if (st != OV_OK) {
        /* fn's own refusal, or a malformed row: the read ends here */
        ov_stmt_release(s);
        return ov_tx_fail(tx, err);
    }
    if (ov_read_finish(tx, s, r, err) != OV_OK)
        return err->code;
    return ov_audit_append(tx, OV_ACT_READ, citizen_id, "egen adgangslog",
                           err);
}

/* ---- reads for the pages and the API ---- */

/* The municipality's rows, newest first; the list stops at the filter's
 * limit and counts the rest with SQL_AUDIT_COUNT (the log is long). */
#define AUDIT_WHERE                                                        \
    "(a.actor IN (SELECT username FROM app_user WHERE municipality_code = " \
    "?1) OR a.citizen_id IN (SELECT citizen_id FROM course WHERE "          \
    "municipality_code = ?1)) AND (?2 = 0 OR a.citizen_id = ?2) AND (?3 = " \
    "'' OR a.actor = ?3) AND (?4 = '' OR a.at >= ?4) AND (?5 = '' OR a.at < " \
    "?5) AND (?6 = '' OR ?6 LIKE '%,' || CAST(a.citizen_id AS TEXT) || " \
    "',%') " \
    "AND (?7 = 0 OR a.id < ?7)"
static const char SQL_AUDIT[] =
    "SELECT a.id, a.at, a.actor, a.role, a.action, coalesce(a.citizen_id, "
    "0), coalesce(a.criterion, ''), a.purpose, coalesce((SELECT z.full_name "
    "FROM citizen z WHERE z.id = a.citizen_id), ''), coalesce((SELECT "
    "u.full_name FROM app_user u WHERE u.username = a.actor), CASE WHEN "
    "a.actor LIKE 'cli:%' THEN 'System' ELSE a.actor END) FROM audit_log a "
    "WHERE " AUDIT_WHERE " ORDER BY a.id DESC";
static const char SQL_AUDIT_COUNT[] =
    "SELECT count(*) FROM audit_log a WHERE " AUDIT_WHERE;

/* ---- the audit log ---- */

/* The filter's parameters, as bound text. */
typedef struct audit_key {
    const ov_audit_filter *f;
    char from[OV_TIME_BUF], to[OV_TIME_BUF];
    /* the citizens as ",id,id,", "" for any (plain SQL matches a row's
     * ",id," in it: no engine's JSON or array functions) */
    char ids[OV_AUDIT_CITIZENS_MAX * 21 + 3];
} audit_key;

static void audit_bind(ov_stmt *s, const void *arg)
{
    const audit_key *k = arg;
    ov_stmt_bind_i64(s, 1, k->f->municipality_code);
    ov_stmt_bind_i64(s, 2, k->f->citizen_id);
    ov_stmt_bind_text(s, 3, k->f->user.ptr ? k->f->user : OV_STR_LIT(""));
    ov_stmt_bind_cstr(s, 4, k->from);
    ov_stmt_bind_cstr(s, 5, k->to);
    ov_stmt_bind_cstr(s, 6, k->ids);
    ov_stmt_bind_i64(s, 7, k->f->before_id);
}

static ov_status audit_row_read(ov_stmt *s, ov_arena *a, void *row,
                                ov_err *err)
{
    ov_audit_view_row *e = row;
    e->id = ov_stmt_col_i64(s, 0);
    if (ov_time_parse_utc(ov_stmt_col_text(s, 1, a), "at", &e->at, err) !=
        OV_OK)
        return err->code;
    e->actor = ov_stmt_col_text(s, 2, a);
    if (ov_role_parse(ov_stmt_col_text(s, 3, a), "role", &e->role, err) !=
        OV_OK)
        return err->code;
    if (ov_action_parse(ov_stmt_col_text(s, 4, a), &e->action) != OV_OK)
        return ov_err_set(err, OV_ECORRUPT, NULL, "audit row %lld: bad action",
                          (long long)e->id);
    e->citizen_id = ov_stmt_col_i64(s, 5);
    e->criterion = ov_stmt_col_text(s, 6, a);
    e->purpose = ov_stmt_col_text(s, 7, a);
    e->citizen_name = ov_stmt_col_text(s, 8, a);
    e->actor_name = ov_stmt_col_text(s, 9, a);
    return OV_OK;
}

static const ov_list_query AUDIT = {
    .sql = SQL_AUDIT, .count_sql = SQL_AUDIT_COUNT,
    .row_size = sizeof(ov_audit_view_row), .bind = audit_bind,
    .read = audit_row_read};

ov_status ov_audit_search(ov_tx *tx, const ov_audit_filter *f, ov_arena *a,
                          ov_audit_view_row **out, ov_list_info *li,
                          ov_err *err)
{
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    *out = NULL;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (f->municipality_code <= 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "municipality_code",
                                          audit_log_needs_municipality), err));
    if (f->limit < 1 || f->limit > 5000)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "limit",
                                          audit_log_limit_range), err));
    if (f->has_from && f->has_to && f->from > f->to)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "to",
                                          audit_log_period_reversed), err));
    if (f->ncitizens < 0 || f->ncitizens > OV_AUDIT_CITIZENS_MAX ||
        f->before_id < 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "citizen",
                                          audit_log_citizens_range,
                                          OV_AUDIT_CITIZENS_MAX), err));
    audit_key k = {.f = f};
    size_t o = 0;
    for (int i = 0; i < f->ncitizens; i++)
        o += (size_t)snprintf(k.ids + o, sizeof k.ids - o, ",%lld",
                              (long long)f->citizen_ids[i]);
    if (f->ncitizens > 0)
        snprintf(k.ids + o, sizeof k.ids - o, ",");
    ov_time t;
    if (f->has_from) {
        if (ov_cph_to_time(f->from, 0, 0, 0, &t, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_time_format_utc(t, k.from);
    }
    if (f->has_to) {
        if (ov_cph_to_time(f->to + 1, 0, 0, 0, &t, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_time_format_utc(t, k.to);
    }
    void *rows;
    if (ov_list_read(tx, &AUDIT, &k, f->limit, a, &rows, li, err) != OV_OK)
        return err->code;
    *out = rows;
    /* viewing the log is itself logged, after reading */
    return ov_audit_append(tx, OV_ACT_READ, f->citizen_id, "revisionslog",
                           err);
}
