#include "store/screening.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cpr.h"
#include "core/csv.h"
#include "model/draw.h"
#include "store/audit.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/store_int.h"

static const char SQL_BATCH_INSERT[] =
    "INSERT INTO screening_batch (municipality_code, reference_date, min_age, "
    "min_months_unemployed, source_name, imported_by, imported_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_CANDIDATE_INSERT[] =
    "INSERT INTO candidate (batch_id, line, citizen_id, activity_ready, "
    "months_unemployed, company_activity, in_prison, health_exemption, "
    "declined, in_target_group, eligible, exclusion_reason) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char SQL_CANDIDATE[] =
    "SELECT citizen_id, in_target_group FROM candidate WHERE id = ?1";
static const char SQL_EXCLUDE[] =
    "UPDATE candidate SET eligible = 0, exclusion_reason = ?2, "
    "exclusion_text = ?3 WHERE id = ?1";
static const char SQL_POOL[] =
    "SELECT c.id FROM candidate c WHERE c.batch_id = ?1 AND c.eligible = 1 "
    "AND NOT EXISTS (SELECT 1 FROM draw_member m JOIN draw d ON d.id = "
    "m.draw_id WHERE d.batch_id = ?1 AND m.candidate_id = c.id) ORDER BY c.id";
static const char SQL_UNDRAWN[] =
    "SELECT c.citizen_id FROM candidate c WHERE c.batch_id = ?1 AND "
    "c.eligible = 1 AND NOT EXISTS (SELECT 1 FROM draw_member m JOIN draw d "
    "ON d.id = m.draw_id WHERE d.batch_id = ?1 AND m.candidate_id = c.id) "
    "ORDER BY c.id";
static const char SQL_DRAW_INSERT[] =
    "INSERT INTO draw (batch_id, seed, count, drawn_by, drawn_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_POOL_INSERT[] =
    "INSERT INTO draw_pool (draw_id, candidate_id) VALUES (?1, ?2)";
static const char SQL_MEMBER_INSERT[] =
    "INSERT INTO draw_member (draw_id, position, candidate_id) "
    "VALUES (?1, ?2, ?3)";
static const char SQL_CANDIDATE_CITIZEN[] =
    "SELECT citizen_id FROM candidate WHERE id = ?1";
static const char SQL_DRAW[] = "SELECT seed, count FROM draw WHERE id = ?1";
/* The team a draw opens its courses in must be one of the batch's own
 * municipality's (1 when it is, no row otherwise). */
static const char SQL_TEAM_OF_BATCH[] =
    "SELECT 1 FROM team t JOIN screening_batch b ON b.municipality_code = "
    "t.municipality_code WHERE t.id = ?1 AND b.id = ?2";
static const char SQL_DRAW_POOL[] =
    "SELECT candidate_id FROM draw_pool WHERE draw_id = ?1 ORDER BY "
    "candidate_id";
static const char SQL_DRAW_MEMBERS[] =
    "SELECT candidate_id FROM draw_member WHERE draw_id = ?1 ORDER BY "
    "position";

enum {
    COL_CPR, COL_NAME, COL_READY, COL_MONTHS, COL_COMPANY, COL_PRISON,
    COL_HEALTH, COL_DECLINED, NCOLS
};
static const char *const col_names[NCOLS] = {
    "cpr", "name", "activity_ready", "months_unemployed", "company_activity",
    "in_prison", "health_exemption", "declined"};

typedef struct row {
    int64_t line;
    ov_str name;
    ov_str cpr_text;
    ov_cpr cpr;
    ov_candidate cand;
    ov_screening result;
} row;

static void line_error(ov_import_report *rep, int64_t line, const char *field,
                       const char *msg)
{
    rep->errors_total++;
    if (rep->nerrors >= OV_IMPORT_MAX_ERRORS)
        return;
    ov_line_error *e = &rep->errors[rep->nerrors++];
    e->line = line;
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    snprintf(e->msg, sizeof e->msg, "%s", msg);
}

static int parse_bool(ov_str s)
{
    s = ov_str_trim(s);
    static const char *const yes[] = {"ja", "j", "1", "yes", "y", "true",
                                      "Ja", "JA"};
    static const char *const no[] = {"nej", "n", "0", "no", "false", "",
                                     "Nej", "NEJ"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (ov_str_eq_c(s, yes[i]))
            return 1;
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (ov_str_eq_c(s, no[i]))
            return 0;
    return -1;
}

/* Parse every line; collect every error. Returns the rows in *rows. */
static ov_status parse_csv(ov_str csv, const ov_screening_rules *rules,
                           ov_date reference, ov_arena *a, row **rows_out,
                           int64_t *nrows, ov_import_report *rep, ov_err *err)
{
    /* separator: whichever of ';' and ',' the header line has */
    const char *nl = memchr(csv.ptr, '\n', csv.len);
    size_t hlen = nl ? (size_t)(nl - csv.ptr) : csv.len;
    char sep = memchr(csv.ptr, ';', hlen) ? ';' : ',';
    ov_csv c;
    ov_csv_init(&c, csv.ptr, csv.len, sep);
    c.max_field_len = 512;
    ov_str f[16];
    size_t n;
    if (ov_csv_next(&c, a, f, 16, &n, err) != OV_OK)
        return err->code;
    if (n == 0)
        return ov_err_set(err, OV_EINVAL, "file",
                          "file: empty; the first line must name the "
                          "columns (cpr, name, activity_ready, "
                          "months_unemployed, ...)");
    int pos[NCOLS];
    for (int k = 0; k < NCOLS; k++)
        pos[k] = -1;
    for (size_t i = 0; i < n; i++) {
        ov_str h = ov_str_trim(f[i]);
        int k = 0;
        while (k < NCOLS && !ov_str_eq_c(h, col_names[k]))
            k++;
        if (k == NCOLS)
            return ov_err_set(err, OV_EINVAL, "file",
                              "line 1: unknown column '%.*s'; the columns are "
                              "cpr, name, activity_ready, months_unemployed, "
                              "company_activity, in_prison, "
                              "health_exemption, declined",
                              (int)(h.len > 40 ? 40 : h.len), h.ptr);
        if (pos[k] >= 0)
            return ov_err_set(err, OV_EINVAL, "file",
                              "line 1: column '%s' appears twice",
                              col_names[k]);
        pos[k] = (int)i;
    }
    for (int k = 0; k <= COL_MONTHS; k++)
        if (pos[k] < 0)
            return ov_err_set(err, OV_EINVAL, "file",
                              "line 1: the required column '%s' is missing",
                              col_names[k]);
    size_t ncols = n;
    size_t cap = 256;
    row *rows = ov_arena_alloc(a, cap * sizeof *rows);
    int64_t nr = 0;
    for (;;) {
        ov_err lerr;
        ov_err_clear(&lerr);
        if (ov_csv_next(&c, a, f, 16, &n, &lerr) != OV_OK) {
            /* a broken CSV structure stops the parse: lines after it
             * cannot be trusted */
            line_error(rep, c.line, "file", lerr.msg);
            break;
        }
        if (n == 0)
            break;
        if (nr >= OV_IMPORT_MAX_ROWS)
            return ov_err_set(err, OV_ETOOBIG, "file",
                              "file: more than %d candidates; split the list",
                              OV_IMPORT_MAX_ROWS);
        char msg[200];
        if (n != ncols) {
            snprintf(msg, sizeof msg,
                     "line %lld: %zu fields, the header has %zu",
                     (long long)c.line, n, ncols);
            line_error(rep, c.line, "file", msg);
            continue;
        }
        if ((size_t)nr == cap) {
            row *bigger = ov_arena_alloc(a, 2 * cap * sizeof *rows);
            memcpy(bigger, rows, cap * sizeof *rows);
            rows = bigger;
            cap *= 2;
        }
        row *r = &rows[nr];
        memset(r, 0, sizeof *r);
        r->line = c.line;
        bool bad = false;
        r->cpr_text = f[pos[COL_CPR]];
        if (ov_cpr_parse(r->cpr_text, "cpr", &r->cpr, &lerr) != OV_OK) {
            snprintf(msg, sizeof msg, "line %lld: %s", (long long)c.line,
                     lerr.msg);
            line_error(rep, c.line, "cpr", msg);
            bad = true;
        }
        r->name = ov_str_trim(f[pos[COL_NAME]]);
        if (ov_citizen_validate_name(r->name, "name", &lerr) != OV_OK) {
            snprintf(msg, sizeof msg, "line %lld: %s", (long long)c.line,
                     lerr.msg);
            line_error(rep, c.line, "name", msg);
            bad = true;
        }
        int64_t months;
        if (ov_str_to_i64(ov_str_trim(f[pos[COL_MONTHS]]), &months) != OV_OK ||
            months < 0 || months > 600) {
            snprintf(msg, sizeof msg,
                     "line %lld: months_unemployed: give whole months 0-600",
                     (long long)c.line);
            line_error(rep, c.line, "months_unemployed", msg);
            bad = true;
        }
        r->cand.months_unemployed = (int)months;
        bool *flags[] = {&r->cand.activity_ready, &r->cand.company_activity,
                         &r->cand.in_prison, &r->cand.health_exemption,
                         &r->cand.declined};
        int cols[] = {COL_READY, COL_COMPANY, COL_PRISON, COL_HEALTH,
                      COL_DECLINED};
        for (int k = 0; k < 5; k++) {
            if (pos[cols[k]] < 0)
                continue;
            int b = parse_bool(f[pos[cols[k]]]);
            if (b < 0) {
                snprintf(msg, sizeof msg, "line %lld: %s: write ja or nej",
                         (long long)c.line, col_names[cols[k]]);
                line_error(rep, c.line, col_names[cols[k]], msg);
                bad = true;
            }
            *flags[k] = b == 1;
        }
        if (bad)
            continue;
        for (int64_t j = 0; j < nr; j++)
            if (memcmp(rows[j].cpr.digits, r->cpr.digits, 10) == 0) {
                snprintf(msg, sizeof msg,
                         "line %lld: the same CPR number as line %lld",
                         (long long)c.line, (long long)rows[j].line);
                line_error(rep, c.line, "cpr", msg);
                bad = true;
                break;
            }
        if (bad)
            continue;
        r->cand.birth = r->cpr.birth;
        ov_screen(rules, &r->cand, reference, &r->result);
        nr++;
    }
    *rows_out = rows;
    *nrows = nr;
    if (rep->errors_total)
        return ov_err_set(err, OV_EINVAL, "file",
                          "%d line%s with errors; nothing was imported. Fix "
                          "them and import the whole file again",
                          rep->errors_total, rep->errors_total == 1 ? "" : "s");
    if (nr == 0)
        return ov_err_set(err, OV_EINVAL, "file",
                          "file: no candidates after the header line");
    return OV_OK;
}

ov_status ov_screening_import(ov_tx *tx, int municipality_code,
                              ov_date reference,
                              const ov_screening_rules *rules, ov_str csv,
                              const char *source_name, ov_arena *a,
                              int64_t *batch_id, ov_import_report *rep,
                              ov_err *err)
{
    memset(rep, 0, sizeof *rep);
    rep->errors = ov_arena_zalloc(a, OV_IMPORT_MAX_ERRORS * sizeof *rep->errors);
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_screening_rules_validate(rules, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (ov_municipality_require(tx, municipality_code, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    row *rows = NULL;
    int64_t nrows = 0;
    if (parse_csv(csv, rules, reference, a, &rows, &nrows, rep, err) != OV_OK)
        return ov_tx_fail(tx, err);

    char ref[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(reference, ref);
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_BATCH_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    ov_stmt_bind_cstr(s, 2, ref);
    ov_stmt_bind_i64(s, 3, rules->min_age);
    ov_stmt_bind_i64(s, 4, rules->min_months_unemployed);
    ov_stmt_bind_cstr(s, 5, source_name ? source_name : "");
    ov_stmt_bind_cstr(s, 6, tx->actor->user);
    ov_stmt_bind_cstr(s, 7, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *batch_id = ov_conn_last_insert_id(tx->conn);

    for (int64_t i = 0; i < nrows; i++) {
        row *w = &rows[i];
        int64_t cid = 0;
        ov_str digits = {w->cpr.digits, 10};
        if (ov_citizen_find_by_cpr(tx, digits, &cid, err) != OV_OK)
            return err->code;
        if (!cid && ov_citizen_create(tx, w->name, digits, &cid, err) != OV_OK)
            return err->code;
        const ov_screening *res = &w->result;
        /* the model decides whether and why someone in the target group
         * is excluded */
        const char *excl =
            res->excluded ? ov_exclusion_code(res->reason) : NULL;
        if (ov_stmt_prepare(tx->conn, SQL_CANDIDATE_INSERT, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, *batch_id);
        ov_stmt_bind_i64(s, 2, w->line);
        ov_stmt_bind_i64(s, 3, cid);
        ov_stmt_bind_i64(s, 4, w->cand.activity_ready);
        ov_stmt_bind_i64(s, 5, w->cand.months_unemployed);
        ov_stmt_bind_i64(s, 6, w->cand.company_activity);
        ov_stmt_bind_i64(s, 7, w->cand.in_prison);
        ov_stmt_bind_i64(s, 8, w->cand.health_exemption);
        ov_stmt_bind_i64(s, 9, w->cand.declined);
        ov_stmt_bind_i64(s, 10, res->in_target_group);
        ov_stmt_bind_i64(s, 11, res->eligible);
        ov_stmt_bind_cstr(s, 12, excl);
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        rep->rows++;
        rep->in_target_group += res->in_target_group;
        rep->eligible += res->eligible;
    }
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "screeningliste %lld: %lld kandidater",
             (long long)*batch_id, (long long)rep->rows);
    return ov_audit_append(tx, OV_ACT_CREATE, 0, crit, err);
}

ov_status ov_screening_exclude(ov_tx *tx, int64_t candidate_id,
                               ov_exclusion_reason reason, ov_str text,
                               ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_exclusion_validate(reason, text, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CANDIDATE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, candidate_id);
    ov_step r = ov_stmt_step(s, err);
    int64_t citizen = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "candidate_id",
                                          "candidate_id: no candidate %lld",
                                          (long long)candidate_id), err));
    if (ov_stmt_prepare(tx->conn, SQL_EXCLUDE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, candidate_id);
    ov_stmt_bind_cstr(s, 2, ov_exclusion_code(reason));
    ov_str t = ov_str_trim(text);
    if (t.len)
        ov_stmt_bind_text(s, 3, t);
    else
        ov_stmt_bind_null(s, 3);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, citizen, "udelukket fra "
                                                       "lodtrækning",
                           err);
}

/* Candidate ids from a one-column query with one bound id. */
enum { Q_POOL, Q_DRAW_POOL, Q_DRAW_MEMBERS };
static const char *const SQL_ID_LIST[] = {SQL_POOL, SQL_DRAW_POOL,
                                          SQL_DRAW_MEMBERS};

static ov_status id_list(ov_tx *tx, int which, int64_t arg, int64_t **out,
                         size_t *n, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_ID_LIST[which], &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, arg);
    size_t cap = 64, k = 0;
    int64_t *v = ov_xmalloc(cap * sizeof *v);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if (k == cap) {
            cap *= 2;
            v = ov_xrealloc(v, cap * sizeof *v);
        }
        v[k++] = ov_stmt_col_i64(s, 0);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR) {
        free(v);
        return err->code;
    }
    *out = v;
    *n = k;
    return OV_OK;
}

ov_status ov_draw_make(ov_tx *tx, int64_t batch_id, int count, uint64_t seed,
                       int64_t team_id, ov_date on, int64_t *draw_id,
                       int64_t *out, int64_t *courses, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    /* Another municipality's team answers exactly as a team that does not
     * exist (the message ov_course_create gives), so a draw can neither
     * write into another municipality nor tell its team ids apart. */
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_TEAM_OF_BATCH, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, team_id);
    ov_stmt_bind_i64(s, 2, batch_id);
    ov_step tr = ov_stmt_step(s, err);
    ov_stmt_release(s);
    if (tr == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (tr == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "team_id",
                                          "team_id: no team %lld",
                                          (long long)team_id), err));
    int64_t *pool = NULL;
    size_t npool = 0;
    if (id_list(tx, Q_POOL, batch_id, &pool, &npool, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (count < 1 || (size_t)count > npool) {
        free(pool);
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "count",
                                          "count: the screening list %lld "
                                          "has %zu eligible candidates not "
                                          "yet drawn; draw 1-%zu",
                                          (long long)batch_id, npool, npool),
                               err));
    }
    ov_status st = ov_draw(pool, npool, (size_t)count, seed, out, err);
    char seedtxt[24], now[OV_TIME_BUF];
    snprintf(seedtxt, sizeof seedtxt, "%" PRIu64, seed);
    ov_time_format_utc(ov_time_now(), now);
    if (st == OV_OK && ov_stmt_prepare(tx->conn, SQL_DRAW_INSERT, &s, err) ==
                           OV_OK) {
        ov_stmt_bind_i64(s, 1, batch_id);
        ov_stmt_bind_cstr(s, 2, seedtxt);
        ov_stmt_bind_i64(s, 3, count);
        ov_stmt_bind_cstr(s, 4, tx->actor->user);
        ov_stmt_bind_cstr(s, 5, now);
        st = ov_stmt_run(s, err);
    } else if (st == OV_OK) {
        st = err->code;
    }
    if (st == OV_OK)
        *draw_id = ov_conn_last_insert_id(tx->conn);
    for (size_t i = 0; st == OV_OK && i < npool; i++) {
        if ((st = ov_stmt_prepare(tx->conn, SQL_POOL_INSERT, &s, err)) != OV_OK)
            break;
        ov_stmt_bind_i64(s, 1, *draw_id);
        ov_stmt_bind_i64(s, 2, pool[i]);
        st = ov_stmt_run(s, err);
    }
    free(pool);
    for (int i = 0; st == OV_OK && i < count; i++) {
        if ((st = ov_stmt_prepare(tx->conn, SQL_MEMBER_INSERT, &s, err)) !=
            OV_OK)
            break;
        ov_stmt_bind_i64(s, 1, *draw_id);
        ov_stmt_bind_i64(s, 2, i + 1);
        ov_stmt_bind_i64(s, 3, out[i]);
        st = ov_stmt_run(s, err);
    }
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    /* a course in stage "drawn" for each drawn citizen */
    for (int i = 0; i < count; i++) {
        if (ov_stmt_prepare(tx->conn, SQL_CANDIDATE_CITIZEN, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, out[i]);
        ov_step r = ov_stmt_step(s, err);
        int64_t citizen = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
        ov_stmt_release(s);
        if (r != OV_STEP_ROW)
            return ov_tx_fail(tx, err);
        int64_t course;
        if (ov_course_create(tx, citizen, team_id, OV_STAGE_DRAWN, on, &course,
                             err) != OV_OK)
            return err->code;
        if (courses)
            courses[i] = course;
    }
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "lodtrækning %lld: %d af %zu, seed %s",
             (long long)*draw_id, count, npool, seedtxt);
    return ov_audit_append(tx, OV_ACT_CREATE, 0, crit, err);
}

ov_status ov_screening_undrawn(ov_tx *tx, int64_t batch_id, int64_t *citizens,
                               int cap, int *n, ov_err *err)
{
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_UNDRAWN, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, batch_id);
    ov_step r = OV_STEP_DONE;
    while (*n < cap && (r = ov_stmt_step(s, err)) == OV_STEP_ROW)
        citizens[(*n)++] = ov_stmt_col_i64(s, 0);
    if (*n < cap && r == OV_STEP_ERROR) {
        ov_stmt_release(s);
        return ov_tx_fail(tx, err);
    }
    ov_stmt_release(s);
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "ikke udtrukne på screeningliste %lld",
             (long long)batch_id);
    return ov_audit_append(tx, OV_ACT_READ, 0, crit, err);
}

ov_status ov_draw_verify(ov_tx *tx, int64_t draw_id, ov_err *err)
{
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_DRAW, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, draw_id);
    ov_step r = ov_stmt_step(s, err);
    uint64_t seed = 0;
    int count = 0;
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(128);
        ov_str t = ov_stmt_col_text(s, 0, a);
        seed = strtoull(t.ptr, NULL, 10);
        count = (int)ov_stmt_col_i64(s, 1);
        ov_arena_destroy(a);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "draw_id",
                                          "draw_id: no draw %lld",
                                          (long long)draw_id), err));
    int64_t *pool = NULL, *members = NULL;
    size_t npool = 0, nmem = 0;
    ov_status st = id_list(tx, Q_DRAW_POOL, draw_id, &pool, &npool, err);
    if (st == OV_OK)
        st = id_list(tx, Q_DRAW_MEMBERS, draw_id, &members, &nmem, err);
    int64_t *again = NULL;
    if (st == OV_OK) {
        again = ov_xmalloc(((size_t)count + 1) * sizeof *again);
        st = ov_draw(pool, npool, (size_t)count, seed, again, err);
    }
    if (st == OV_OK && (nmem != (size_t)count ||
                        memcmp(again, members, nmem * sizeof *again) != 0))
        st = ov_err_set(err, OV_ECORRUPT, "draw_id",
                        "draw %lld does not reproduce from its seed and pool: "
                        "the stored result was changed",
                        (long long)draw_id);
    free(pool);
    free(members);
    free(again);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}
