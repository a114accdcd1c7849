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
#include "store/store_int.h"

static const char SQL_MUNI[] =
    "SELECT name FROM municipality WHERE code = ?1";
static const char SQL_MUNI_ALL[] =
    "SELECT group_concat(code, ', ') FROM (SELECT code FROM municipality "
    "ORDER BY code)";

/* One row per course active in the period, its facts as of ?3. Dates are
 * ISO text, timestamps ISO UTC: the first 10 characters compare as
 * dates. */
static const char SQL_COLLECT[] =
    "SELECT c.citizen_id, z.cpr_hash, z.cpr_nonce, z.cpr_box, z.birth_date, "
    "z.sex, c.started_on, "
    "(SELECT group_concat(stage) FROM course_stage_history h "
    "  WHERE h.course_id = c.id AND h.on_date <= ?3), "
    "CASE WHEN c.ended_on <= ?3 THEN c.ended_on END, "
    "CASE WHEN c.ended_on <= ?3 THEN c.end_reason END, "
    "(SELECT min(on_date) FROM course_stage_history h "
    "  WHERE h.course_id = c.id AND h.stage = 'drawn' AND h.on_date <= ?3), "
    "(SELECT min(held_on) FROM meeting m WHERE m.course_id = c.id "
    "  AND m.kind = 'start' AND m.held_on <= ?3), "
    "(SELECT coalesce(max(complete), 0) FROM meeting m "
    "  WHERE m.course_id = c.id AND m.kind = 'start' AND m.held_on <= ?3), "
    "(SELECT min(substr(created_at, 1, 10)) FROM plan_version p "
    "  WHERE p.course_id = c.id AND p.has_job_goal "
    "  AND substr(p.created_at, 1, 10) <= ?3), "
    "(SELECT count(*) FROM plan_version p WHERE p.course_id = c.id "
    "  AND substr(p.created_at, 1, 10) <= ?3), "
    "(SELECT count(*) FROM plan_version p WHERE p.course_id = c.id "
    "  AND p.with_citizen = 1 AND substr(p.created_at, 1, 10) <= ?3), "
    "(SELECT count(*) FROM meeting m WHERE m.course_id = c.id "
    "  AND m.kind = 'followup' AND m.held_on <= ?3), "
    "(SELECT count(*) FROM meeting m WHERE m.course_id = c.id "
    "  AND m.kind = 'followup' AND m.held_on <= ?3 "
    "  AND EXISTS (SELECT 1 FROM meeting_attendee a WHERE a.meeting_id = "
    "    m.id AND a.role = 'cti_worker') "
    "  AND EXISTS (SELECT 1 FROM meeting_attendee a WHERE a.meeting_id = "
    "    m.id AND a.role = 'company_consultant')), "
    "(SELECT max(held_on) FROM meeting m WHERE m.course_id = c.id "
    "  AND m.kind = 'followup' AND m.held_on <= ?3), "
    "(SELECT min(start_on) FROM placement p WHERE p.course_id = c.id "
    "  AND p.start_on <= ?3), "
    "(SELECT count(*) FROM placement p WHERE p.course_id = c.id "
    "  AND p.start_on <= ?3), "
    "(SELECT count(*) FROM agreement_version v JOIN placement p "
    "  ON p.id = v.placement_id WHERE p.course_id = c.id "
    "  AND (SELECT count(DISTINCT signer) FROM agreement_signoff s "
    "    WHERE s.placement_id = v.placement_id AND s.version = v.version "
    "    AND substr(s.signed_at, 1, 10) <= ?3) = 3), "
    "(SELECT v.ordinary_hours_x10 FROM agreement_version v JOIN placement p "
    "  ON p.id = v.placement_id WHERE p.course_id = c.id "
    "  AND substr(v.created_at, 1, 10) <= ?3 "
    "  ORDER BY p.start_on, p.id, v.version LIMIT 1), "
    "(SELECT v.ordinary_hours_x10 FROM agreement_version v JOIN placement p "
    "  ON p.id = v.placement_id WHERE p.course_id = c.id "
    "  AND substr(v.created_at, 1, 10) <= ?3 "
    "  ORDER BY p.start_on DESC, p.id DESC, v.version DESC LIMIT 1), "
    "(SELECT start_on FROM cti_course t WHERE t.course_id = c.id "
    "  AND t.start_on <= ?3), "
    "(SELECT months FROM cti_course t WHERE t.course_id = c.id "
    "  AND t.start_on <= ?3), "
    "(SELECT count(*) FROM cti_contact k WHERE k.course_id = c.id "
    "  AND k.on_date <= ?3), "
    "(SELECT count(*) FROM cti_contact k JOIN cti_course t "
    "  ON t.course_id = k.course_id WHERE k.course_id = c.id "
    "  AND k.on_date <= ?3 AND k.on_date < date(t.start_on, '+1 month')), "
    "(SELECT min(from_on) FROM employment e WHERE e.course_id = c.id "
    "  AND e.ordinary_hours_x10 > 0 AND e.from_on <= ?3), "
    "(SELECT score FROM measurement w WHERE w.course_id = c.id "
    "  AND w.instrument = 'who5' AND w.taken_on <= ?3 "
    "  ORDER BY taken_on, id LIMIT 1), "
    "(SELECT taken_on FROM measurement w WHERE w.course_id = c.id "
    "  AND w.instrument = 'who5' AND w.taken_on <= ?3 "
    "  ORDER BY taken_on, id LIMIT 1), "
    "(SELECT score FROM measurement w WHERE w.course_id = c.id "
    "  AND w.instrument = 'who5' AND w.taken_on <= ?3 "
    "  ORDER BY taken_on DESC, id DESC LIMIT 1), "
    "(SELECT taken_on FROM measurement w WHERE w.course_id = c.id "
    "  AND w.instrument = 'who5' AND w.taken_on <= ?3 "
    "  ORDER BY taken_on DESC, id DESC LIMIT 1) "
    "FROM course c JOIN citizen z ON z.id = c.citizen_id "
    "WHERE c.municipality_code = ?1 AND c.started_on <= ?3 "
    "AND (c.ended_on IS NULL OR c.ended_on >= ?2)";

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
    "birth_band, sex, stage, end_reason, drawn, start_meeting, "
    "start_meeting_complete, plan_job_goal, plan_versions, "
    "plan_versions_with_citizen, followups, followups_joint, last_followup, "
    "first_placement, placements, company_directed, agreement_signed, "
    "ordinary_hours_start_x10, ordinary_hours_now_x10, cti_start, "
    "cti_months, cti_contacts, cti_contacts_first_month, employed, "
    "who5_first, who5_first_month, who5_latest, who5_latest_month, ended) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
    "?29, ?30, ?31, ?32, ?33)";
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
        ov_err_set(err, OV_ENOTFOUND, "--municipality",
                   "--municipality: no municipality %d in this database "
                   "(it has: %s); give one of those kommunekoder",
                   code, codes);
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    ov_arena_destroy(a);
    return OV_OK;
}

static int month_of_text(ov_str s)
{
    ov_date d;
    if (!s.ptr || s.len < 10 ||
        ov_date_parse_iso((ov_str){s.ptr, 10}, "date", &d, NULL) != OV_OK)
        return 0;
    return ov_mx_month(d);
}

static int col_month(ov_stmt *s, int col, ov_arena *a)
{
    return ov_stmt_col_is_null(s, col) ? 0
                                       : month_of_text(ov_stmt_col_text(s, col, a));
}

static int col_int_or(ov_stmt *s, int col, int none)
{
    return ov_stmt_col_is_null(s, col) ? none : (int)ov_stmt_col_i64(s, col);
}

static int by_pseudonym(const void *a, const void *b)
{
    return memcmp(((const ov_mx_record *)a)->pseudonym,
                  ((const ov_mx_record *)b)->pseudonym, OV_PSEUDONYM_BYTES);
}

/* One row of SQL_COLLECT into a record; the CPR number lives only in
 * `digits` for the time of the hash. */
static ov_status row_to_record(ov_stmt *s, const ov_keys *k,
                               const uint8_t pkey[OV_KEY_BYTES], int muni,
                               ov_arena *a, ov_mx_record *m, ov_err *err)
{
    memset(m, 0, sizeof *m);
    size_t hn, nn, bn;
    const uint8_t *hash = ov_stmt_col_blob(s, 1, &hn);
    const uint8_t *nonce = ov_stmt_col_blob(s, 2, &nn);
    const uint8_t *box = ov_stmt_col_blob(s, 3, &bn);
    int64_t cid = ov_stmt_col_i64(s, 0);
    if (hn != OV_HASH_BYTES || nn != OV_NONCE_BYTES ||
        bn != 10 + OV_MAC_BYTES)
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "citizen %lld: the stored CPR fields are damaged",
                          (long long)cid);
    char digits[11] = {0};
    ov_status st = ov_open(k, box, bn, nonce, (uint8_t *)digits, err);
    if (st == OV_OK) {
        uint8_t check[OV_HASH_BYTES];
        ov_keyed_hash(k, digits, 10, check);
        if (!ov_memeq_ct(check, hash, OV_HASH_BYTES))
            st = ov_err_set(err, OV_ECORRUPT, NULL,
                            "citizen %lld: the CPR number does not match "
                            "its look-up hash (rows swapped?)",
                            (long long)cid);
    }
    if (st == OV_OK)
        ov_mx_pseudonym(pkey, digits, m->pseudonym);
    ov_wipe(digits, sizeof digits);
    if (st != OV_OK)
        return st;
    m->municipality = muni;
    ov_str birth = ov_stmt_col_text(s, 4, a);
    int64_t year = 0;
    if (birth.len >= 4)
        ov_str_to_i64((ov_str){birth.ptr, 4}, &year);
    m->birth_band = ov_mx_birth_band((int)year);
    ov_str sex = ov_stmt_col_text(s, 5, a);
    m->sex = sex.len && sex.ptr[0] == 'F' ? 'F' : 'M';
    /* the stage as of the period's end: the furthest one reached by then */
    m->stage = OV_STAGE_DRAWN;
    ov_str stages = ov_stmt_col_text(s, 7, a);
    while (stages.ptr && stages.len) {
        ov_str one;
        ov_stage g;
        stages = ov_str_cut(stages, ',', &one);
        if (ov_stage_parse(one, &g, NULL) == OV_OK && g > m->stage &&
            g != OV_STAGE_ENDED)
            m->stage = g;
    }
    if (!ov_stmt_col_is_null(s, 8)) {
        m->ended = true;
        m->stage = OV_STAGE_ENDED;
        m->ended_month = col_month(s, 8, a);
        if (ov_end_reason_parse(ov_stmt_col_text(s, 9, a), &m->end_reason,
                                err) != OV_OK)
            return err->code;
    }
    m->drawn = ov_stmt_col_is_null(s, 10) ? col_month(s, 6, a)
                                          : col_month(s, 10, a);
    m->start_meeting = col_month(s, 11, a);
    m->start_meeting_complete = ov_stmt_col_i64(s, 12) != 0;
    m->plan_job_goal = col_month(s, 13, a);
    m->plan_versions = col_int_or(s, 14, 0);
    m->plan_versions_with_citizen = col_int_or(s, 15, 0);
    m->followups = col_int_or(s, 16, 0);
    m->followups_joint = col_int_or(s, 17, 0);
    m->last_followup = col_month(s, 18, a);
    m->first_placement = col_month(s, 19, a);
    m->placements = col_int_or(s, 20, 0);
    m->company_directed = m->placements > 0;
    m->agreement_signed = ov_stmt_col_i64(s, 21) > 0;
    m->ordinary_hours_start = col_int_or(s, 22, -1);
    m->ordinary_hours_now = col_int_or(s, 23, -1);
    m->cti_start = col_month(s, 24, a);
    m->cti_months = col_int_or(s, 25, 0);
    m->cti_contacts = col_int_or(s, 26, 0);
    m->cti_contacts_first_month = col_int_or(s, 27, 0);
    m->employed = col_month(s, 28, a);
    m->who5_first = col_int_or(s, 29, -1);
    m->who5_first_month = col_month(s, 30, a);
    m->who5_latest = col_int_or(s, 31, -1);
    m->who5_latest_month = col_month(s, 32, a);
    return OV_OK;
}

ov_status ov_monitor_collect(ov_tx *tx, int muni, ov_date from, ov_date to,
                             const uint8_t pseudonym_key[OV_KEY_BYTES],
                             ov_mx_record **out, size_t *n, ov_err *err)
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
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COLLECT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_stmt_bind_cstr(s, 2, f);
    ov_stmt_bind_cstr(s, 3, t);
    ov_arena *a = ov_arena_new(0);
    size_t cap = 256, cnt = 0;
    ov_mx_record *rec = ov_xmalloc(cap * sizeof *rec);
    int64_t *ids = ov_xmalloc(cap * sizeof *ids);
    ov_step r;
    ov_status st = OV_OK;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if (cnt == OV_MX_MAX_RECORDS) {
            st = ov_err_set(err, OV_ETOOBIG, "--period",
                            "--period: more than %d courses; give a shorter "
                            "period",
                            OV_MX_MAX_RECORDS);
            break;
        }
        if (cnt == cap) {
            cap *= 2;
            rec = ov_xrealloc(rec, ov_size_mul(cap, sizeof *rec));
            ids = ov_xrealloc(ids, ov_size_mul(cap, sizeof *ids));
        }
        ids[cnt] = ov_stmt_col_i64(s, 0);
        st = row_to_record(s, k, pseudonym_key, muni, a, &rec[cnt], err);
        ov_arena_reset(a);
        if (st != OV_OK)
            break;
        cnt++;
    }
    ov_stmt_release(s);
    ov_arena_destroy(a);
    if (st == OV_OK && r == OV_STEP_ERROR)
        st = err->code;
    /* every citizen in the file: one export row each, in this transaction */
    if (st == OV_OK)
        st = ov_audit_append_many(tx, OV_ACT_EXPORT, ids, cnt, err);
    free(ids);
    if (st != OV_OK) {
        ov_wipe(rec, cap * sizeof *rec);
        free(rec);
        return ov_tx_fail(tx, err);
    }
    /* the order of the records says nothing about the database's ids */
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
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "--municipality",
                                          "--municipality: %d is not a "
                                          "kommunekode (101-860)",
                                          muni),
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
        return ov_tx_fail(tx, (ov_err_set(err, OV_ECONFLICT,
                                          "--municipality",
                                          "--municipality: %d already has "
                                          "a registered signing key; a key "
                                          "is registered once",
                                          muni),
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
        return ov_tx_fail(tx, (ov_err_set(err, OV_ECONFLICT, "--signing-key",
                                          "--signing-key: this key is "
                                          "registered for municipality %d; "
                                          "each municipality makes its own "
                                          "(monitor keygen --municipality)",
                                          other),
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
        return ov_tx_fail(tx, (ov_err_set(err, OV_EPERM, "--file",
                                          "--file: signed by key %s, which "
                                          "is not registered for any "
                                          "municipality; register the "
                                          "municipality's public signing "
                                          "key first (monitor register)",
                                          id),
                               err));
    if (owner != muni)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EPERM, "--file",
                                          "--file: says municipality %d "
                                          "but is signed by the key of "
                                          "municipality %d; refused",
                                          muni, owner),
                               err));
    return OV_OK;
}

static void bind_month(ov_stmt *s, int idx, int ym)
{
    if (ym == 0) {
        ov_stmt_bind_null(s, idx);
        return;
    }
    char m[16];
    snprintf(m, sizeof m, "%04d-%02d", ym / 100, ym % 100);
    ov_stmt_bind_cstr(s, idx, m);
}

static void bind_opt(ov_stmt *s, int idx, int v)
{
    if (v < 0)
        ov_stmt_bind_null(s, idx);
    else
        ov_stmt_bind_i64(s, idx, v);
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
        ov_err_set(err, OV_ECONFLICT, "--file",
                   "--file: this file was imported already (extract %lld, "
                   "on %.*s); nothing was loaded twice",
                   (long long)ov_stmt_col_i64(s, 0), (int)at.len, at.ptr);
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
        ov_err_set(err, OV_ECONFLICT, "--file",
                   "--file: municipality %d's period %s..%s overlaps extract "
                   "%lld (%.*s..%.*s) imported before; a course would be "
                   "counted twice. Ask for an extract of the months not yet "
                   "imported",
                   h->municipality, f, t, (long long)ov_stmt_col_i64(s, 0),
                   (int)pf.len, pf.ptr, (int)pt.len, pt.ptr);
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
    for (size_t i = 0; i < n; i++) {
        const ov_mx_record *m = &r[i];
        if (ov_stmt_prepare(tx->conn, SQL_RECORD_INSERT, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, *file_id);
        ov_stmt_bind_i64(s, 2, (int64_t)i);
        ov_stmt_bind_blob(s, 3, m->pseudonym, OV_PSEUDONYM_BYTES);
        ov_stmt_bind_i64(s, 4, m->municipality);
        ov_stmt_bind_i64(s, 5, m->birth_band);
        ov_stmt_bind_cstr(s, 6, m->sex == 'F' ? "F" : "M");
        ov_stmt_bind_cstr(s, 7, ov_stage_code(m->stage));
        ov_stmt_bind_cstr(s, 8,
                          m->ended ? ov_end_reason_code(m->end_reason) : NULL);
        bind_month(s, 9, m->drawn);
        bind_month(s, 10, m->start_meeting);
        ov_stmt_bind_i64(s, 11, m->start_meeting_complete);
        bind_month(s, 12, m->plan_job_goal);
        ov_stmt_bind_i64(s, 13, m->plan_versions);
        ov_stmt_bind_i64(s, 14, m->plan_versions_with_citizen);
        ov_stmt_bind_i64(s, 15, m->followups);
        ov_stmt_bind_i64(s, 16, m->followups_joint);
        bind_month(s, 17, m->last_followup);
        bind_month(s, 18, m->first_placement);
        ov_stmt_bind_i64(s, 19, m->placements);
        ov_stmt_bind_i64(s, 20, m->company_directed);
        ov_stmt_bind_i64(s, 21, m->agreement_signed);
        bind_opt(s, 22, m->ordinary_hours_start);
        bind_opt(s, 23, m->ordinary_hours_now);
        bind_month(s, 24, m->cti_start);
        ov_stmt_bind_i64(s, 25, m->cti_months);
        ov_stmt_bind_i64(s, 26, m->cti_contacts);
        ov_stmt_bind_i64(s, 27, m->cti_contacts_first_month);
        bind_month(s, 28, m->employed);
        bind_opt(s, 29, m->who5_first);
        bind_month(s, 30, m->who5_first_month);
        bind_opt(s, 31, m->who5_latest);
        bind_month(s, 32, m->who5_latest_month);
        bind_month(s, 33, m->ended_month);
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
    }
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
