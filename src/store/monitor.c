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
 * dates. The course id is read to fetch its lists; it never leaves. */
static const char SQL_COLLECT[] =
    "SELECT c.id, c.citizen_id, z.cpr_hash, z.cpr_nonce, z.cpr_box, "
    "z.birth_date, z.sex, c.started_on, "
    "(SELECT group_concat(stage) FROM course_stage_history h "
    "  WHERE h.course_id = c.id AND h.on_date <= ?3), "
    "CASE WHEN c.ended_on <= ?3 THEN c.ended_on END, "
    "CASE WHEN c.ended_on <= ?3 THEN c.end_reason END, "
    "(SELECT min(on_date) FROM course_stage_history h "
    "  WHERE h.course_id = c.id AND h.stage = 'drawn' AND h.on_date <= ?3), "
    "(SELECT min(on_date) FROM course_stage_history h "
    "  WHERE h.course_id = c.id AND h.stage = 'in_job' AND h.on_date <= ?3), "
    "(SELECT held_on FROM meeting m WHERE m.course_id = c.id "
    "  AND m.kind = 'start' AND m.held_on <= ?3 ORDER BY held_on, id "
    "  LIMIT 1), "
    "(SELECT (SELECT group_concat(a.role) FROM meeting_attendee a "
    "  WHERE a.meeting_id = m.id) FROM meeting m WHERE m.course_id = c.id "
    "  AND m.kind = 'start' AND m.held_on <= ?3 ORDER BY held_on, id "
    "  LIMIT 1), "
    "(SELECT min(held_on) FROM meeting m WHERE m.course_id = c.id "
    "  AND m.kind = 'start' AND m.complete = 1 AND m.held_on <= ?3), "
    "t.start_on, t.months, t.interval1, t.interval2, t.interval3 "
    "FROM course c JOIN citizen z ON z.id = c.citizen_id "
    "LEFT JOIN cti_course t ON t.course_id = c.id AND t.start_on <= ?3 "
    "WHERE c.municipality_code = ?1 AND c.stage <> 'screened' "
    "AND c.started_on <= ?3 AND (c.ended_on IS NULL OR c.ended_on >= ?2)";
/* a plan's day is its Copenhagen day (as model/indicators.h has it): the
 * UTC timestamp is converted in C; the filter takes the day after `to` in
 * UTC and row_plan drops what is past `to` in Copenhagen */
static const char SQL_PLANS[] =
    "SELECT created_at, has_job_goal, with_citizen "
    "FROM plan_version WHERE course_id = ?1 "
    "AND substr(created_at, 1, 10) <= date(?2, '+1 day') ORDER BY version";
static const char SQL_FOLLOWUPS[] =
    "SELECT held_on, (SELECT group_concat(a.role) FROM meeting_attendee a "
    "WHERE a.meeting_id = m.id) FROM meeting m WHERE m.course_id = ?1 "
    "AND m.kind = 'followup' AND m.held_on <= ?2 ORDER BY held_on, id";
/* ordinary_possible as model/indicators.h defines it: a flex or ordinary
 * job, an agreed match's opening at the company with ordinary hours now
 * or later, or a work agreement that plans ordinary hours */
static const char SQL_PLACEMENTS[] =
    "SELECT p.start_on, CASE WHEN p.end_on <= ?2 THEN p.end_on END, p.type, "
    "p.type IN ('flex_job', 'ordinary_job') "
    "  OR EXISTS (SELECT 1 FROM match_proposal mp JOIN opening o "
    "    ON o.id = mp.opening_id WHERE mp.course_id = p.course_id "
    "    AND mp.citizen_agreed = 1 AND o.company_id = p.company_id "
    "    AND o.ordinary IN ('now', 'later') AND mp.proposed_on <= ?2) "
    "  OR EXISTS (SELECT 1 FROM agreement_version v WHERE v.placement_id = "
    "    p.id AND v.ordinary_hours_x10 > 0 "
    "    AND substr(v.created_at, 1, 10) <= ?2), "
    "EXISTS (SELECT 1 FROM agreement_version v WHERE v.placement_id = p.id "
    "  AND substr(v.created_at, 1, 10) <= ?2), "
    "EXISTS (SELECT 1 FROM agreement_version v WHERE v.placement_id = p.id "
    "  AND (SELECT count(DISTINCT signer) FROM agreement_signoff s "
    "    WHERE s.placement_id = v.placement_id AND s.version = v.version "
    "    AND substr(s.signed_at, 1, 10) <= ?2) = 3), "
    "(SELECT v.ordinary_hours_x10 FROM agreement_version v "
    "  WHERE v.placement_id = p.id AND substr(v.created_at, 1, 10) <= ?2 "
    "  ORDER BY v.version LIMIT 1), "
    "(SELECT v.ordinary_hours_x10 FROM agreement_version v "
    "  WHERE v.placement_id = p.id AND substr(v.created_at, 1, 10) <= ?2 "
    "  ORDER BY v.version DESC LIMIT 1) "
    "FROM placement p WHERE p.course_id = ?1 AND p.start_on <= ?2 "
    "ORDER BY p.start_on, p.id";
static const char SQL_CONTACTS[] =
    "SELECT on_date FROM cti_contact WHERE course_id = ?1 AND on_date <= ?2 "
    "ORDER BY on_date, id";
static const char SQL_EMPLOYMENT[] =
    "SELECT from_on, ordinary_hours_x10 FROM employment WHERE course_id = ?1 "
    "AND from_on <= ?2 ORDER BY from_on, id";
static const char SQL_WHO5[] =
    "SELECT taken_on, score FROM measurement WHERE course_id = ?1 "
    "AND instrument = 'who5' AND taken_on <= ?2 ORDER BY taken_on, id";

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
    return ov_stmt_col_is_null(s, col)
               ? 0
               : month_of_text(ov_stmt_col_text(s, col, a));
}

static int col_int_or(ov_stmt *s, int col, int none)
{
    return ov_stmt_col_is_null(s, col) ? none : (int)ov_stmt_col_i64(s, col);
}

static ov_attendees col_roles(ov_stmt *s, int col, ov_arena *a)
{
    ov_attendees present = 0;
    ov_str rest = ov_stmt_col_text(s, col, a);
    while (rest.ptr && rest.len) {
        ov_str one;
        ov_role r;
        rest = ov_str_cut(rest, ',', &one);
        if (ov_role_parse(one, "role", &r, NULL) == OV_OK)
            present |= OV_ATTEND(r);
    }
    return present;
}

static int by_pseudonym(const void *a, const void *b)
{
    return memcmp(((const ov_mx_record *)a)->pseudonym,
                  ((const ov_mx_record *)b)->pseudonym, OV_PSEUDONYM_BYTES);
}

/* The lists of a course, each a constant statement. */
enum { L_PLANS, L_FOLLOWUPS, L_PLACEMENTS, L_CONTACTS, L_EMPLOYMENT, L_WHO5 };
static const char *const SQL_LISTS[] = {
    [L_PLANS] = SQL_PLANS,           [L_FOLLOWUPS] = SQL_FOLLOWUPS,
    [L_PLACEMENTS] = SQL_PLACEMENTS, [L_CONTACTS] = SQL_CONTACTS,
    [L_EMPLOYMENT] = SQL_EMPLOYMENT, [L_WHO5] = SQL_WHO5,
};

/* A list of one course: run statement `which` with the course id and the
 * period's end, and hand each row to `row`, into an arena array grown as
 * rows arrive. */
typedef bool (*row_fn)(ov_stmt *s, ov_arena *tmp, ov_date to, void *item);

static ov_status list(ov_tx *tx, int which, int64_t course,
                      ov_date to, ov_arena *a, ov_arena *tmp,
                      size_t size, row_fn row, void **out, int *n,
                      ov_err *err)
{
    *out = NULL;
    *n = 0;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_LISTS[which], &s, err) != OV_OK)
        return err->code;
    char t[OV_DATE_BUF];
    ov_date_format_iso(to, t);
    ov_stmt_bind_i64(s, 1, course);
    ov_stmt_bind_cstr(s, 2, t);
    size_t cap = 0;
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if (*n == OV_MX_MAX_ITEMS)
            continue; /* more than any real course; the cap is the format's */
        *out = ov_arena_grow(a, *out, &cap, (size_t)*n + 1, size);
        void *item = (char *)*out + (size_t)*n * size;
        memset(item, 0, size);
        if (row(s, tmp, to, item))
            (*n)++;
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

static bool row_plan(ov_stmt *s, ov_arena *tmp, ov_date to, void *item)
{
    ov_mx_plan *p = item;
    ov_time at;
    if (ov_time_parse_utc(ov_stmt_col_text(s, 0, tmp), "created_at", &at,
                          NULL) != OV_OK)
        return false; /* not a timestamp: never written so */
    ov_date day = ov_time_to_cph(at).date;
    if (day > to)
        return false;
    p->month = ov_mx_month(day);
    p->job_goal = ov_stmt_col_i64(s, 1) != 0;
    p->with_citizen = ov_stmt_col_i64(s, 2) != 0;
    return true;
}

static bool row_meeting(ov_stmt *s, ov_arena *tmp, ov_date to, void *item)
{
    (void)to;
    ov_mx_meeting *m = item;
    m->month = col_month(s, 0, tmp);
    m->present = col_roles(s, 1, tmp);
    return true;
}

static bool row_placement(ov_stmt *s, ov_arena *tmp, ov_date to, void *item)
{
    (void)to;
    ov_mx_placement *p = item;
    p->start = col_month(s, 0, tmp);
    p->end = col_month(s, 1, tmp);
    ov_placement_type_parse(ov_stmt_col_text(s, 2, tmp), &p->type, NULL);
    p->ordinary_possible = ov_stmt_col_i64(s, 3) != 0;
    p->agreement = ov_stmt_col_i64(s, 4) != 0;
    p->signed_all = ov_stmt_col_i64(s, 5) != 0;
    p->hours_start = col_int_or(s, 6, -1);
    p->hours_now = col_int_or(s, 7, -1);
    return true;
}

static bool row_contact(ov_stmt *s, ov_arena *tmp, ov_date to, void *item)
{
    (void)to;
    *(int *)item = col_month(s, 0, tmp);
    return true;
}

static bool row_employment(ov_stmt *s, ov_arena *tmp, ov_date to, void *item)
{
    (void)to;
    ov_mx_employment *e = item;
    e->from = col_month(s, 0, tmp);
    e->ordinary_x10 = (int)ov_stmt_col_i64(s, 1);
    return true;
}

static bool row_score(ov_stmt *s, ov_arena *tmp, ov_date to, void *item)
{
    (void)to;
    ov_mx_score *w = item;
    w->month = col_month(s, 0, tmp);
    w->score = (int)ov_stmt_col_i64(s, 1);
    return true;
}

/* One row of SQL_COLLECT into a record; the CPR number lives only in
 * `digits` for the time of the hash. */
static ov_status row_to_record(ov_stmt *s, const ov_keys *k,
                               const uint8_t pkey[OV_KEY_BYTES], int muni,
                               ov_arena *tmp, ov_mx_record *m, ov_err *err)
{
    memset(m, 0, sizeof *m);
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
    ov_str birth = ov_stmt_col_text(s, 5, tmp);
    int64_t year = 0;
    if (birth.len >= 4)
        ov_str_to_i64((ov_str){birth.ptr, 4}, &year);
    m->birth_band = ov_mx_birth_band((int)year);
    ov_str sex = ov_stmt_col_text(s, 6, tmp);
    m->sex = sex.len && sex.ptr[0] == 'F' ? 'F' : 'M';
    m->started = col_month(s, 7, tmp);
    /* the stage as of the period's end: the furthest one reached by then */
    m->stage = OV_STAGE_DRAWN;
    ov_str stages = ov_stmt_col_text(s, 8, tmp);
    while (stages.ptr && stages.len) {
        ov_str one;
        ov_stage g;
        stages = ov_str_cut(stages, ',', &one);
        if (ov_stage_parse(one, &g, NULL) == OV_OK && g > m->stage &&
            g != OV_STAGE_ENDED)
            m->stage = g;
    }
    if (!ov_stmt_col_is_null(s, 9)) {
        m->ended = true;
        m->stage = OV_STAGE_ENDED;
        m->ended_month = col_month(s, 9, tmp);
        if (ov_end_reason_parse(ov_stmt_col_text(s, 10, tmp), &m->end_reason,
                                err) != OV_OK)
            return err->code;
    }
    m->drawn = col_month(s, 11, tmp);
    m->in_job = col_month(s, 12, tmp);
    m->start_meeting = col_month(s, 13, tmp);
    m->start_present = col_roles(s, 14, tmp);
    m->start_complete = col_month(s, 15, tmp);
    if (!ov_stmt_col_is_null(s, 16)) {
        m->has_cti = true;
        m->cti_start = col_month(s, 16, tmp);
        m->cti_months = (int)ov_stmt_col_i64(s, 17);
        for (int i = 0; i < 3; i++)
            m->cti_interval_days[i] = (int)ov_stmt_col_i64(s, 18 + i);
    }
    return OV_OK;
}

/* The lists of one course (its id never leaves this function). */
static ov_status lists(ov_tx *tx, int64_t course, ov_date to,
                       ov_arena *a, ov_arena *tmp, ov_mx_record *m,
                       ov_err *err)
{
    void *p;
    ov_status st = list(tx, L_PLANS, course, to, a, tmp, sizeof(ov_mx_plan),
                        row_plan, &p, &m->nplans, err);
    m->plans = p;
    if (st == OV_OK) {
        st = list(tx, L_FOLLOWUPS, course, to, a, tmp,
                  sizeof(ov_mx_meeting), row_meeting, &p, &m->nfollowups,
                  err);
        m->followups = p;
    }
    if (st == OV_OK) {
        st = list(tx, L_PLACEMENTS, course, to, a, tmp,
                  sizeof(ov_mx_placement), row_placement, &p,
                  &m->nplacements, err);
        m->placements = p;
    }
    if (st == OV_OK && m->has_cti) {
        st = list(tx, L_CONTACTS, course, to, a, tmp, sizeof(int),
                  row_contact, &p, &m->ncontacts, err);
        m->contacts = p;
    }
    if (st == OV_OK) {
        st = list(tx, L_EMPLOYMENT, course, to, a, tmp,
                  sizeof(ov_mx_employment), row_employment, &p,
                  &m->nemployment, err);
        m->employment = p;
    }
    int nw = 0;
    if (st == OV_OK)
        st = list(tx, L_WHO5, course, to, tmp, tmp, sizeof(ov_mx_score),
                  row_score, &p, &nw, err);
    /* the first and the latest only */
    if (st == OV_OK && nw > 0) {
        const ov_mx_score *w = p;
        m->who5[0] = w[0];
        m->nwho5 = 1;
        if (nw > 1) {
            m->who5[1] = w[nw - 1];
            m->nwho5 = 2;
        }
    }
    return st;
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
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    /* the courses first (the lists run their own statements) */
    typedef struct pending {
        int64_t course, citizen;
    } pending;
    size_t cap = 0, cnt = 0;
    pending *ids = NULL;
    ov_mx_record *rec = NULL;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COLLECT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_stmt_bind_cstr(s, 2, f);
    ov_stmt_bind_cstr(s, 3, t);
    ov_arena *tmp = ov_arena_new(0);
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
            cap = cap ? 2 * cap : 256;
            rec = ov_xrealloc(rec, ov_size_mul(cap, sizeof *rec));
            ids = ov_xrealloc(ids, ov_size_mul(cap, sizeof *ids));
        }
        ids[cnt].course = ov_stmt_col_i64(s, 0);
        ids[cnt].citizen = ov_stmt_col_i64(s, 1);
        st = row_to_record(s, k, pseudonym_key, muni, tmp, &rec[cnt], err);
        ov_arena_reset(tmp);
        if (st != OV_OK)
            break;
        cnt++;
    }
    ov_stmt_release(s);
    if (st == OV_OK && r == OV_STEP_ERROR)
        st = err->code;
    for (size_t i = 0; st == OV_OK && i < cnt; i++) {
        st = lists(tx, ids[i].course, to, a, tmp, &rec[i], err);
        ov_arena_reset(tmp);
    }
    ov_arena_destroy(tmp);
    /* every citizen in the file: one export row each, in this transaction */
    int64_t *cit = ov_xmalloc(ov_size_mul(cnt ? cnt : 1, sizeof *cit));
    for (size_t i = 0; i < cnt; i++)
        cit[i] = ids[i].citizen;
    free(ids);
    if (st == OV_OK)
        st = ov_audit_append_many(tx, OV_ACT_EXPORT, cit, cnt, err);
    free(cit);
    if (st != OV_OK) {
        if (rec)
            ov_wipe(rec, cap * sizeof *rec);
        free(rec);
        return ov_tx_fail(tx, err);
    }
    /* the order of the records says nothing about the database's ids */
    if (cnt)
        qsort(rec, cnt, sizeof *rec, by_pseudonym);
    ov_mx_record *copy =
        ov_arena_alloc(a, ov_size_mul(cnt ? cnt : 1, sizeof *copy));
    if (cnt)
        memcpy(copy, rec, cnt * sizeof *rec);
    ov_wipe(rec, cap * sizeof *rec);
    free(rec);
    *out = copy;
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
