/*
 * monitor.c (store) - collecting and importing the national monitoring
 * extract (see monitor.h).
 */
#include "store/monitor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cpr.h"
#include "store/audit.h"
#include "store/indicators.h"
#include "store/store_int.h"

static const char SQL_MUNI[] =
    "SELECT name FROM municipality WHERE code = ?1";
static const char SQL_MUNI_ALL[] =
    "SELECT group_concat(code, ', ') FROM (SELECT code FROM municipality "
    "ORDER BY code)";

/* Who each course of the extract is, and its stage by the period's end;
 * the facts come from the indicators' reader (store/indicators.h) for
 * the same courses (drawn, started by ?3), in the same course id order.
 * The course id is read to pair the two; it never leaves. */
static const char SQL_COLLECT[] =
    "SELECT c.id, c.citizen_id, z.cpr_hash, z.cpr_nonce, z.cpr_box, "
    "z.birth_date, z.sex, "
    "(SELECT group_concat(stage) FROM course_stage_history h "
    "  WHERE h.course_id = c.id AND h.on_date <= ?3), "
    "z.anonymised_at IS NOT NULL "
    "FROM course c JOIN citizen z ON z.id = c.citizen_id "
    "WHERE c.municipality_code = ?1 AND c.stage <> 'screened' "
    "AND c.started_on <= ?3 AND (c.ended_on IS NULL OR c.ended_on >= ?2) "
    "ORDER BY c.id";

static const char SQL_SIGNER_BY_MUNI[] =
    "SELECT public_key FROM monitor_signer WHERE municipality_code = ?1";
static const char SQL_SIGNER_BY_KEY[] =
    "SELECT municipality_code FROM monitor_signer WHERE public_key = ?1";
static const char SQL_SIGNER_INSERT[] =
    "INSERT INTO monitor_signer (municipality_code, public_key, "
    "registered_by, registered_at) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_FILE_BY_HASH[] =
    "SELECT id, imported_at FROM monitor_file WHERE sha256 = ?1";
static const char SQL_FILE_OVERLAP[] =
    "SELECT id, period_from, period_to FROM monitor_file "
    "WHERE municipality_code = ?1 AND period_from <= ?3 AND period_to >= ?2 "
    "ORDER BY period_from LIMIT 1";
static const char SQL_FILE_INSERT[] =
    "INSERT INTO monitor_file (sha256, municipality_code, period_from, "
    "period_to, records, imported_by, imported_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_RECORD_INSERT[] =
    "INSERT INTO monitor_record (file_id, idx, pseudonym, municipality_code, "
    "birth_band, sex, stage, end_reason, started, ended, facts) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_RECORDS[] =
    "SELECT r.facts FROM monitor_record r JOIN monitor_file f "
    "ON f.id = r.file_id WHERE (?1 = 0 OR r.municipality_code = ?1) "
    "AND f.period_from <= ?3 AND f.period_to >= ?2 ORDER BY r.file_id, r.idx";
static const char SQL_COUNT[] =
    "SELECT count(*) FROM monitor_record WHERE municipality_code = ?1";

ov_status ov_monitor_municipality(ov_tx *tx, int code, char name[201],
                                  ov_err *err)
{
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MUNI, &s, err) != OV_OK) {
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    ov_stmt_bind_i64(s, 1, code);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        ov_str n = ov_stmt_col_text(s, 0, a);
        size_t len = n.len > 200 ? 200 : n.len;
        memcpy(name, n.ptr, len);
        name[len] = '\0';
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR) {
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    if (r == OV_STEP_DONE) {
        char codes[256] = "none";
        if (ov_stmt_prepare(tx->conn, SQL_MUNI_ALL, &s, err) == OV_OK) {
            if (ov_stmt_step(s, err) == OV_STEP_ROW &&
                !ov_stmt_col_is_null(s, 0)) {
                ov_str c = ov_stmt_col_text(s, 0, a);
                snprintf(codes, sizeof codes, "%.*s", (int)c.len, c.ptr);
            }
            ov_stmt_release(s);
        }
        ov_err_msg(err, OV_ENOTFOUND, "--municipality",
                   monitor_municipality_unknown, code, codes);
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    ov_arena_destroy(a);
    return OV_OK;
}

static int by_pseudonym(const void *a, const void *b)
{
    return memcmp(((const ov_mx_record *)a)->pseudonym,
                  ((const ov_mx_record *)b)->pseudonym, OV_PSEUDONYM_BYTES);
}

/* One row of SQL_COLLECT into the record's person and stage; the CPR
 * number lives only in `digits` for the time of the hash. */
static ov_status row_to_record(ov_stmt *s, const ov_keys *k,
                               const uint8_t pkey[OV_KEY_BYTES],
                               ov_arena *tmp, ov_mx_record *m, ov_err *err)
{
    size_t hn, nn, bn;
    const uint8_t *hash = ov_stmt_col_blob(s, 2, &hn);
    const uint8_t *nonce = ov_stmt_col_blob(s, 3, &nn);
    const uint8_t *box = ov_stmt_col_blob(s, 4, &bn);
    int64_t cid = ov_stmt_col_i64(s, 1);
    if (hn != OV_HASH_BYTES || nn != OV_NONCE_BYTES ||
        bn != 10 + OV_MAC_BYTES)
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "citizen %lld: the stored CPR fields are damaged",
                          (long long)cid);
    char digits[11] = {0};
    ov_status st = OV_OK;
    /* anonymised by retention (store/retention.h): no CPR number is left;
     * the course still counts, under a one-time random pseudonym that
     * links to no one (docs/retention.md) */
    bool anonymised = ov_stmt_col_i64(s, 8) != 0;
    if (anonymised)
        ov_random_bytes(m->pseudonym, OV_PSEUDONYM_BYTES);
    else
        st = ov_open(k, box, bn, nonce, (uint8_t *)digits, err);
    if (st == OV_OK && !anonymised) {
        uint8_t check[OV_HASH_BYTES];
        ov_keyed_hash(k, digits, 10, check);
        if (!ov_memeq_ct(check, hash, OV_HASH_BYTES))
            st = ov_err_set(err, OV_ECORRUPT, NULL,
                            "citizen %lld: the CPR number does not match "
                            "its look-up hash (rows swapped?)",
                            (long long)cid);
    }
    if (st == OV_OK && !anonymised)
        ov_mx_pseudonym(pkey, digits, m->pseudonym);
    ov_wipe(digits, sizeof digits);
    if (st != OV_OK)
        return st;
    ov_str birth = ov_stmt_col_text(s, 5, tmp);
    int64_t year = 0;
    if (birth.len >= 4)
        ov_str_to_i64((ov_str){birth.ptr, 4}, &year);
    m->birth_band = ov_mx_birth_band((int)year);
    ov_str sex = ov_stmt_col_text(s, 6, tmp);
    m->sex = sex.len && sex.ptr[0] == 'F' ? 'F' : 'M';
    /* the stage as of the period's end: the furthest one reached by then */
    m->stage = OV_STAGE_DRAWN;
    ov_str stages = ov_stmt_col_text(s, 7, tmp);
    while (stages.ptr && stages.len) {
        ov_str one;
        ov_stage g;
        stages = ov_str_cut(stages, ',', &one);
        if (ov_stage_parse(one, &g, NULL) == OV_OK && g > m->stage &&
            g != OV_STAGE_ENDED)
            m->stage = g;
    }
    if (m->ended)
        m->stage = OV_STAGE_ENDED;
    return OV_OK;
}

ov_status ov_monitor_collect(ov_tx *tx, int muni, ov_date from, ov_date to,
                             const uint8_t pseudonym_key[OV_KEY_BYTES],
                             ov_arena *a, ov_mx_record **out, size_t *n,
                             ov_err *err)
{
    *out = NULL;
    *n = 0;
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_mx_period_check(from, to, "--period", err) != OV_OK)
        return ov_tx_fail(tx, err);
    const ov_keys *k;
    if (ov_store_keys(tx->store, &k, err) != OV_OK)
        return ov_tx_fail(tx, err);
    /* the facts, as the indicators read them (one audited read) */
    ov_ind_query q = {.municipality_code = muni, .from = from, .to = to};
    ov_ind_facts *facts;
    int nf;
    if (ov_ind_facts_read(tx, &q, a, &facts, &nf, err) != OV_OK)
        return err->code;
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COLLECT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_stmt_bind_cstr(s, 2, f);
    ov_stmt_bind_cstr(s, 3, t);
    ov_mx_record *rec =
        ov_arena_zalloc(a, ov_size_mul((size_t)nf + 1, sizeof *rec));
    int64_t *cit = ov_xmalloc(ov_size_mul((size_t)nf + 1, sizeof *cit));
    ov_arena *tmp = ov_arena_new(0);
    size_t cnt = 0;
    int fi = 0;
    ov_step r;
    ov_status st = OV_OK;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        int64_t course = ov_stmt_col_i64(s, 0);
        /* both in course id order: the facts of this course */
        while (fi < nf && facts[fi].course_id < course)
            fi++;
        if (fi == nf || facts[fi].course_id != course) {
            st = ov_err_set(err, OV_EINTERNAL, NULL,
                            "course %lld has no facts (the two reads "
                            "disagree; a bug)",
                            (long long)course);
            break;
        }
        ov_mx_record *m = &rec[cnt];
        ov_mx_from_facts(&facts[fi], to, a, m);
        m->municipality = muni;
        cit[cnt] = ov_stmt_col_i64(s, 1);
        st = row_to_record(s, k, pseudonym_key, tmp, m, err);
        ov_arena_reset(tmp);
        if (st != OV_OK)
            break;
        cnt++;
    }
    ov_stmt_release(s);
    ov_arena_destroy(tmp);
    if (st == OV_OK && r == OV_STEP_ERROR)
        st = err->code;
    if (st == OV_OK && cnt > OV_MX_MAX_RECORDS)
        st = ov_err_msg(err, OV_ETOOBIG, "--period", monitor_period_records,
                        OV_MX_MAX_RECORDS);
    /* every citizen in the file: one export row each, in this transaction */
    if (st == OV_OK)
        st = ov_audit_append_many(tx, OV_ACT_EXPORT, cit, cnt, err);
    free(cit);
    if (st != OV_OK) {
        ov_wipe(rec, cnt * sizeof *rec);
        return ov_tx_fail(tx, err);
    }
    /* the order of the records says nothing about the database's ids */
    if (cnt)
        qsort(rec, cnt, sizeof *rec, by_pseudonym);
    *out = rec;
    *n = cnt;
    return OV_OK;
}

static void hex_id(const uint8_t *pk, char out[33])
{
    uint8_t id[16];
    ov_key_id(pk, OV_SIGN_PUBLIC_BYTES, id);
    ov_hex_encode(id, 16, out);
}

ov_status ov_monitor_register(ov_tx *tx, int muni,
                              const uint8_t pk[OV_SIGN_PUBLIC_BYTES],
                              ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (muni < 101 || muni > 860)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "--municipality",
                                          extract_municipality_code, muni),
                               err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SIGNER_BY_MUNI, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_step r = ov_stmt_step(s, err);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_ROW)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT,
                                          "--municipality",
                                          monitor_key_registered, muni),
                               err));
    if (ov_stmt_prepare(tx->conn, SQL_SIGNER_BY_KEY, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_blob(s, 1, pk, OV_SIGN_PUBLIC_BYTES);
    r = ov_stmt_step(s, err);
    int other = r == OV_STEP_ROW ? (int)ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_ROW)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "--signing-key",
                                          monitor_key_taken, other),
                               err));
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_SIGNER_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_stmt_bind_blob(s, 2, pk, OV_SIGN_PUBLIC_BYTES);
    ov_stmt_bind_cstr(s, 3, tx->actor->user);
    ov_stmt_bind_cstr(s, 4, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    char id[33], crit[128];
    hex_id(pk, id);
    snprintf(crit, sizeof crit, "monitoring signing key %s for %d", id, muni);
    return ov_audit_append(tx, OV_ACT_CREATE, 0, crit, err);
}

ov_status ov_monitor_signer_check(ov_tx *tx, int muni,
                                  const uint8_t pk[OV_SIGN_PUBLIC_BYTES],
                                  ov_err *err)
{
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SIGNER_BY_KEY, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_blob(s, 1, pk, OV_SIGN_PUBLIC_BYTES);
    ov_step r = ov_stmt_step(s, err);
    int owner = r == OV_STEP_ROW ? (int)ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    char id[33];
    hex_id(pk, id);
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, "--file",
                                          monitor_signer_unknown, id),
                               err));
    if (owner != muni)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, "--file",
                                          monitor_signer_mismatch, muni,
                                          owner),
                               err));
    return OV_OK;
}

ov_status ov_monitor_import(ov_tx *tx, const ov_mx_header *h,
                            const uint8_t sha[OV_HASH_BYTES],
                            const ov_mx_record *r, size_t n,
                            int64_t *file_id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_monitor_signer_check(tx, h->municipality, h->signer, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_FILE_BY_HASH, &s, err) != OV_OK) {
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    ov_stmt_bind_blob(s, 1, sha, OV_HASH_BYTES);
    ov_step st = ov_stmt_step(s, err);
    if (st == OV_STEP_ROW) {
        ov_str at = ov_stmt_col_text(s, 1, a);
        ov_err_msg(err, OV_ECONFLICT, "--file", monitor_already_imported,
                   (long long)ov_stmt_col_i64(s, 0),
                   ov_arg_strn(at.ptr, at.len));
    }
    ov_stmt_release(s);
    if (st != OV_STEP_DONE) {
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(h->from, f);
    ov_date_format_iso(h->to, t);
    if (ov_stmt_prepare(tx->conn, SQL_FILE_OVERLAP, &s, err) != OV_OK) {
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    ov_stmt_bind_i64(s, 1, h->municipality);
    ov_stmt_bind_cstr(s, 2, f);
    ov_stmt_bind_cstr(s, 3, t);
    st = ov_stmt_step(s, err);
    if (st == OV_STEP_ROW) {
        ov_str pf = ov_stmt_col_text(s, 1, a), pt = ov_stmt_col_text(s, 2, a);
        ov_err_msg(err, OV_ECONFLICT, "--file", monitor_overlap,
                   h->municipality, f, t, (long long)ov_stmt_col_i64(s, 0),
                   ov_arg_strn(pf.ptr, pf.len), ov_arg_strn(pt.ptr, pt.len));
    }
    ov_stmt_release(s);
    ov_arena_destroy(a);
    if (st != OV_STEP_DONE)
        return ov_tx_fail(tx, err);
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_FILE_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_blob(s, 1, sha, OV_HASH_BYTES);
    ov_stmt_bind_i64(s, 2, h->municipality);
    ov_stmt_bind_cstr(s, 3, f);
    ov_stmt_bind_cstr(s, 4, t);
    ov_stmt_bind_i64(s, 5, (int64_t)n);
    ov_stmt_bind_cstr(s, 6, tx->actor->user);
    ov_stmt_bind_cstr(s, 7, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *file_id = ov_conn_last_insert_id(tx->conn);
    ov_buf facts;
    ov_buf_init(&facts, NULL, OV_MX_RECORD_MAX);
    ov_status st2 = OV_OK;
    for (size_t i = 0; st2 == OV_OK && i < n; i++) {
        const ov_mx_record *m = &r[i];
        ov_buf_reset(&facts);
        if (ov_mx_record_json(m, &facts, err) != OV_OK ||
            ov_stmt_prepare(tx->conn, SQL_RECORD_INSERT, &s, err) != OV_OK) {
            st2 = err->code;
            break;
        }
        char started[16], ended[16];
        snprintf(started, sizeof started, "%04d-%02d", m->started / 100,
                 m->started % 100);
        snprintf(ended, sizeof ended, "%04d-%02d", m->ended_month / 100,
                 m->ended_month % 100);
        ov_stmt_bind_i64(s, 1, *file_id);
        ov_stmt_bind_i64(s, 2, (int64_t)i);
        ov_stmt_bind_blob(s, 3, m->pseudonym, OV_PSEUDONYM_BYTES);
        ov_stmt_bind_i64(s, 4, m->municipality);
        ov_stmt_bind_i64(s, 5, m->birth_band);
        ov_stmt_bind_cstr(s, 6, m->sex == 'F' ? "F" : "M");
        ov_stmt_bind_cstr(s, 7, ov_stage_code(m->stage));
        ov_stmt_bind_cstr(s, 8,
                          m->ended ? ov_end_reason_code(m->end_reason) : NULL);
        ov_stmt_bind_cstr(s, 9, started);
        ov_stmt_bind_cstr(s, 10, m->ended ? ended : NULL);
        ov_stmt_bind_text(s, 11, ov_buf_str(&facts));
        st2 = ov_stmt_run(s, err);
    }
    ov_buf_free(&facts);
    if (st2 != OV_OK)
        return ov_tx_fail(tx, err);
    char crit[160];
    snprintf(crit, sizeof crit,
             "monitoring extract %lld: municipality %d, %s..%s, %zu records",
             (long long)*file_id, h->municipality, f, t, n);
    return ov_audit_append(tx, OV_ACT_CREATE, 0, crit, err);
}

ov_status ov_monitor_count(ov_tx *tx, int muni, int64_t *n, ov_err *err)
{
    *n = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COUNT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *n = ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return r == OV_STEP_ROW ? OV_OK : ov_tx_fail(tx, err);
}

ov_status ov_monitor_records(ov_tx *tx, int muni, ov_date from, ov_date to,
                             ov_arena *a, ov_mx_record **out, size_t *n,
                             ov_err *err)
{
    *out = NULL;
    *n = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_RECORDS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_stmt_bind_cstr(s, 2, f);
    ov_stmt_bind_cstr(s, 3, t);
    ov_arena *tmp = ov_arena_new(0);
    size_t cap = 0;
    ov_mx_record *rec = NULL;
    ov_step r;
    ov_status st = OV_OK;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        OV_GROW(a, rec, cap, *n + 1);
        st = ov_mx_record_parse(ov_stmt_col_text(s, 0, tmp), a, &rec[*n],
                                err);
        ov_arena_reset(tmp);
        if (st != OV_OK) {
            ov_err_prefix(err, "national record %zu", *n + 1);
            break;
        }
        (*n)++;
    }
    ov_stmt_release(s);
    ov_arena_destroy(tmp);
    if (st == OV_OK && r == OV_STEP_ERROR)
        st = err->code;
    if (st != OV_OK) {
        *n = 0;
        return ov_tx_fail(tx, err);
    }
    *out = rec;
    return OV_OK;
}
