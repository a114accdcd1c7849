#include "store/screening.h"

#include <inttypes.h>
#include <pthread.h>
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
static const char SQL_CANDIDATE_INSERT_16[] =
    "INSERT INTO candidate (batch_id, line, citizen_id, activity_ready, "
    "months_unemployed, company_activity, in_prison, health_exemption, "
    "declined, in_target_group, eligible, exclusion_reason) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12), "
    "(?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24), "
    "(?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36), "
    "(?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46, ?47, ?48), "
    "(?49, ?50, ?51, ?52, ?53, ?54, ?55, ?56, ?57, ?58, ?59, ?60), "
    "(?61, ?62, ?63, ?64, ?65, ?66, ?67, ?68, ?69, ?70, ?71, ?72), "
    "(?73, ?74, ?75, ?76, ?77, ?78, ?79, ?80, ?81, ?82, ?83, ?84), "
    "(?85, ?86, ?87, ?88, ?89, ?90, ?91, ?92, ?93, ?94, ?95, ?96), "
    "(?97, ?98, ?99, ?100, ?101, ?102, ?103, ?104, ?105, ?106, ?107, ?108), "
    "(?109, ?110, ?111, ?112, ?113, ?114, "
    "?115, ?116, ?117, ?118, ?119, ?120), "
    "(?121, ?122, ?123, ?124, ?125, ?126, "
    "?127, ?128, ?129, ?130, ?131, ?132), "
    "(?133, ?134, ?135, ?136, ?137, ?138, "
    "?139, ?140, ?141, ?142, ?143, ?144), "
    "(?145, ?146, ?147, ?148, ?149, ?150, "
    "?151, ?152, ?153, ?154, ?155, ?156), "
    "(?157, ?158, ?159, ?160, ?161, ?162, "
    "?163, ?164, ?165, ?166, ?167, ?168), "
    "(?169, ?170, ?171, ?172, ?173, ?174, "
    "?175, ?176, ?177, ?178, ?179, ?180), "
    "(?181, ?182, ?183, ?184, ?185, ?186, ?187, ?188, ?189, ?190, ?191, ?192)";
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

/* One line of the list: what the write needs, nothing more (the Danish
 * explanations of ov_screening are rebuilt when a page shows them, so a
 * row stays small: 100,000 rows are about 20 MB, not 150). */
typedef struct row {
    int64_t line;
    ov_str name;
    ov_cpr cpr;
    ov_candidate cand;
    bool in_target_group, eligible, excluded;
    ov_exclusion_reason reason;
    ov_cpr_sealed sealed;
} row;

struct ov_import_plan {
    ov_screening_rules rules;
    ov_date reference;
    row *rows;
    int64_t nrows;
    int64_t in_target_group, eligible;
};

/* List a refused line (the first OV_IMPORT_MAX_ERRORS; every one is
 * counted). The English line is "line N: " and why's text, or why's text
 * alone when it names the line itself (a broken CSV structure). */
static void line_error(ov_import_report *rep, int64_t line, const char *field,
                       const ov_err *why, bool prefix)
{
    rep->errors_total++;
    if (rep->nerrors >= OV_IMPORT_MAX_ERRORS)
        return;
    ov_line_error *e = &rep->errors[rep->nerrors++];
    e->line = line;
    snprintf(e->field, sizeof e->field, "%s", field ? field : "");
    if (prefix)
        snprintf(e->msg, sizeof e->msg, "line %lld: %s", (long long)line,
                 why->msg);
    else
        snprintf(e->msg, sizeof e->msg, "%s", why->msg);
    e->why = *why;
}

/* A listed line again, as it was (merging in line order). */
static void line_error_again(ov_import_report *rep, const ov_line_error *old)
{
    rep->errors_total++;
    if (rep->nerrors < OV_IMPORT_MAX_ERRORS)
        rep->errors[rep->nerrors++] = *old;
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

/* Parse every line; collect every error. Returns the good rows in *rows.
 * Only parsing happens here, so an oversized file is refused at its
 * 100,001st record before any other work. */
static ov_status parse_csv(ov_str csv, ov_arena *a, row **rows_out,
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
        return ov_err_msg(err, OV_EINVAL, "file", screening_file_empty);
    int pos[NCOLS];
    for (int k = 0; k < NCOLS; k++)
        pos[k] = -1;
    for (size_t i = 0; i < n; i++) {
        ov_str h = ov_str_trim(f[i]);
        int k = 0;
        while (k < NCOLS && !ov_str_eq_c(h, col_names[k]))
            k++;
        if (k == NCOLS)
            return ov_err_msg(err, OV_EINVAL, "file",
                              screening_column_unknown,
                              ov_arg_strn(h.ptr, h.len > 40 ? 40 : h.len));
        if (pos[k] >= 0)
            return ov_err_msg(err, OV_EINVAL, "file",
                              screening_column_twice, col_names[k]);
        pos[k] = (int)i;
    }
    for (int k = 0; k <= COL_MONTHS; k++)
        if (pos[k] < 0)
            return ov_err_msg(err, OV_EINVAL, "file",
                              screening_column_missing, col_names[k]);
    size_t ncols = n;
    /* room for every line at once: growing by doubling copied the rows
     * and touched twice the memory */
    size_t cap = 1;
    for (const char *q = c.p; q < c.end && cap <= OV_IMPORT_MAX_ROWS;
         cap++) {
        q = memchr(q, '\n', (size_t)(c.end - q));
        if (!q)
            break;
        q++;
    }
    row *rows = OV_NEW_N(a, row, cap);
    int64_t nr = 0, records = 0;
    for (;;) {
        ov_err lerr;
        ov_err_clear(&lerr);
        if (ov_csv_next(&c, a, f, 16, &n, &lerr) != OV_OK) {
            /* a broken CSV structure stops the parse: lines after it
             * cannot be trusted */
            line_error(rep, c.line, "file", &lerr, false);
            break;
        }
        if (n == 0)
            break;
        if (++records > OV_IMPORT_MAX_ROWS)
            return ov_err_msg(err, OV_ETOOBIG, "file",
                              screening_too_many,
                              OV_IMPORT_MAX_ROWS);
        if (n != ncols) {
            ov_err_msg(&lerr, OV_EINVAL, "file", screening_line_fields, n,
                       ncols);
            line_error(rep, c.line, "file", &lerr, true);
            continue;
        }
        OV_GROW(a, rows, cap, (size_t)nr + 1);
        row *r = &rows[nr];
        memset(r, 0, sizeof *r);
        r->line = c.line;
        bool bad = false;
        if (ov_cpr_parse(f[pos[COL_CPR]], "cpr", &r->cpr, &lerr) != OV_OK) {
            line_error(rep, c.line, "cpr", &lerr, true);
            bad = true;
        }
        r->name = ov_str_trim(f[pos[COL_NAME]]);
        if (ov_citizen_validate_name(r->name, "name", &lerr) != OV_OK) {
            line_error(rep, c.line, "name", &lerr, true);
            bad = true;
        }
        int64_t months;
        if (ov_str_to_i64(ov_str_trim(f[pos[COL_MONTHS]]), &months) != OV_OK ||
            months < 0 || months > 600) {
            ov_err_msg(&lerr, OV_EINVAL, "months_unemployed",
                       screening_line_months);
            line_error(rep, c.line, "months_unemployed", &lerr, true);
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
                ov_err_msg(&lerr, OV_EINVAL, col_names[cols[k]],
                           screening_line_yes_no, col_names[cols[k]]);
                line_error(rep, c.line, col_names[cols[k]], &lerr, true);
                bad = true;
            }
            *flags[k] = b == 1;
        }
        if (!bad)
            nr++;
    }
    *rows_out = rows;
    *nrows = nr;
    return OV_OK;
}

/* A repeated CPR number: `line` repeats the number of `first`. */
typedef struct dup {
    int64_t line, first;
} dup;

/* The 10 digits as one number (below 2^34), for the set below. */
static uint64_t cpr_number(const ov_cpr *c)
{
    uint64_t v = 0;
    for (int i = 0; i < 10; i++)
        v = v * 10 + (uint64_t)(c->digits[i] - '0');
    return v;
}

/* Find repeated CPR numbers with a hash set of the numbers seen, in line
 * order (O(n); comparing every pair took 20 s for 100,000 rows, and
 * sorting was still 5% of the import). Each repeat is reported against
 * the first line with the number, merged into the report in line order as
 * if found while parsing, and dropped from the rows. */
static void find_duplicates(row *rows, int64_t *nrows, ov_import_report *rep)
{
    size_t n = (size_t)*nrows;
    if (n < 2)
        return;
    /* open addressing, at most half full; a slot holds number + 1 (0 is
     * empty) and the index of the first row with it */
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    uint64_t *key = ov_xcalloc(cap, sizeof *key);
    size_t *first = ov_xmalloc(ov_size_mul(cap, sizeof *first));
    dup *d = NULL;
    size_t nd = 0, capd = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = cpr_number(&rows[i].cpr) + 1;
        size_t h = (size_t)((v * 0x9E3779B97F4A7C15u) >> 20) & (cap - 1);
        while (key[h] && key[h] != v)
            h = (h + 1) & (cap - 1);
        if (!key[h]) {
            key[h] = v;
            first[h] = i;
            continue;
        }
        if (nd == capd) {
            capd = capd ? 2 * capd : 64;
            d = ov_xrealloc(d, ov_size_mul(capd, sizeof *d));
        }
        d[nd++] = (dup){rows[i].line, rows[first[h]].line};
        rows[i].line = -rows[i].line; /* marked: dropped below */
    }
    free(key);
    free(first);
    if (nd == 0)
        return;
    /* d is in line order, as the rows are */
    /* merge with the parse errors already listed (in line order, the
     * first OV_IMPORT_MAX_ERRORS of them) */
    ov_line_error *old = ov_xmalloc(ov_size_mul((size_t)rep->nerrors + 1,
                                                sizeof *old));
    int nold = rep->nerrors;
    memcpy(old, rep->errors, (size_t)nold * sizeof *old);
    int total = rep->errors_total;
    rep->nerrors = 0;
    rep->errors_total = 0;
    int i = 0;
    size_t k = 0;
    while (i < nold || k < nd) {
        if (k == nd || (i < nold && old[i].line < d[k].line)) {
            line_error_again(rep, &old[i]);
            i++;
        } else {
            ov_err why;
            ov_err_msg(&why, OV_EINVAL, "cpr", screening_line_cpr_repeated,
                       (long long)d[k].first);
            line_error(rep, d[k].line, "cpr", &why, true);
            k++;
        }
    }
    rep->errors_total = total + (int)nd;
    free(old);
    free(d);
    size_t w = 0;
    for (size_t r = 0; r < n; r++)
        if (rows[r].line > 0)
            rows[w++] = rows[r];
    *nrows = (int64_t)w;
}

/* Screen and seal rows [from, to) of a plan. */
typedef struct screen_job {
    ov_store *store;
    ov_import_plan *plan;
    int64_t from, to;
    int64_t in_target_group, eligible;
    ov_status st;
    ov_err err;
} screen_job;

static void *screen_rows(void *arg)
{
    screen_job *j = arg;
    const ov_import_plan *p = j->plan;
    ov_cpr_sealer z;
    if ((j->st = ov_cpr_sealer_init(j->store, &z, &j->err)) != OV_OK)
        return NULL;
    for (int64_t i = j->from; i < j->to; i++) {
        row *r = &p->rows[i];
        ov_screening sc;
        r->cand.birth = r->cpr.birth;
        ov_screen_decide(&p->rules, &r->cand, p->reference, &sc);
        r->in_target_group = sc.in_target_group;
        r->eligible = sc.eligible;
        r->excluded = sc.excluded;
        r->reason = sc.reason;
        j->in_target_group += sc.in_target_group;
        j->eligible += sc.eligible;
        ov_cpr_sealer_seal(&z, &r->cpr, &r->sealed);
    }
    ov_cpr_sealer_wipe(&z);
    return NULL;
}

ov_status ov_screening_prepare(ov_store *s, ov_date reference,
                               const ov_screening_rules *rules, ov_str csv,
                               ov_arena *a, ov_import_plan **plan,
                               ov_import_report *rep, ov_err *err)
{
    memset(rep, 0, sizeof *rep);
    rep->errors = OV_NEW_N(a, ov_line_error, OV_IMPORT_MAX_ERRORS);
    *plan = NULL;
    if (ov_screening_rules_validate(rules, err) != OV_OK)
        return err->code;
    const ov_keys *keys;
    if (ov_store_keys(s, &keys, err) != OV_OK)
        return err->code;
    ov_import_plan *p = OV_NEW(a, ov_import_plan);
    p->rules = *rules;
    p->reference = reference;
    if (parse_csv(csv, a, &p->rows, &p->nrows, rep, err) != OV_OK)
        return err->code;
    find_duplicates(p->rows, &p->nrows, rep);
    if (rep->errors_total)
        return ov_err_msg(err, OV_EINVAL, "file", screening_file_errors,
                          rep->errors_total,
                          rep->errors_total == 1 ? "" : "s");
    if (p->nrows == 0)
        return ov_err_msg(err, OV_EINVAL, "file",
                          screening_no_candidates);
    /* screening and sealing, the larger part of the work, on two threads
     * (the keys are only read; each thread has its own rows) */
    screen_job jobs[2] = {{s, p, 0, p->nrows / 2, 0, 0, OV_OK, {0}},
                          {s, p, p->nrows / 2, p->nrows, 0, 0, OV_OK, {0}}};
    pthread_t th;
    bool threaded = p->nrows >= 1000 &&
                    pthread_create(&th, NULL, screen_rows, &jobs[1]) == 0;
    screen_rows(&jobs[0]);
    if (threaded)
        pthread_join(th, NULL);
    else
        screen_rows(&jobs[1]);
    for (int k = 0; k < 2; k++) {
        if (jobs[k].st != OV_OK) {
            *err = jobs[k].err;
            return jobs[k].st;
        }
        p->in_target_group += jobs[k].in_target_group;
        p->eligible += jobs[k].eligible;
    }
    *plan = p;
    return OV_OK;
}

/* A candidate row's 12 values from parameter base + 1 on. */
static void bind_candidate(ov_stmt *s, int base, int64_t batch_id,
                           const row *w, int64_t citizen_id)
{
    /* the model decided whether and why someone in the target group is
     * excluded */
    const char *excl = w->excluded ? ov_exclusion_code(w->reason) : NULL;
    ov_stmt_bind_i64(s, base + 1, batch_id);
    ov_stmt_bind_i64(s, base + 2, w->line);
    ov_stmt_bind_i64(s, base + 3, citizen_id);
    ov_stmt_bind_i64(s, base + 4, w->cand.activity_ready);
    ov_stmt_bind_i64(s, base + 5, w->cand.months_unemployed);
    ov_stmt_bind_i64(s, base + 6, w->cand.company_activity);
    ov_stmt_bind_i64(s, base + 7, w->cand.in_prison);
    ov_stmt_bind_i64(s, base + 8, w->cand.health_exemption);
    ov_stmt_bind_i64(s, base + 9, w->cand.declined);
    ov_stmt_bind_i64(s, base + 10, w->in_target_group);
    ov_stmt_bind_i64(s, base + 11, w->eligible);
    ov_stmt_bind_cstr(s, base + 12, excl);
}

ov_status ov_screening_write(ov_tx *tx, int municipality_code,
                             const ov_import_plan *p,
                             const char *source_name, int64_t *batch_id,
                             ov_import_report *rep, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_municipality_require(tx, municipality_code, err) != OV_OK)
        return ov_tx_fail(tx, err);
    char ref[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(p->reference, ref);
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_BATCH_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    ov_stmt_bind_cstr(s, 2, ref);
    ov_stmt_bind_i64(s, 3, p->rules.min_age);
    ov_stmt_bind_i64(s, 4, p->rules.min_months_unemployed);
    ov_stmt_bind_cstr(s, 5, source_name ? source_name : "");
    ov_stmt_bind_cstr(s, 6, tx->actor->user);
    ov_stmt_bind_cstr(s, 7, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *batch_id = ov_conn_last_insert_id(tx->conn);
    rep->rows = rep->in_target_group = rep->eligible = 0;
    /* each line's citizen, found or created; the ones created get their
     * "create" audit rows in one go */
    size_t n = (size_t)p->nrows;
    int64_t *cid = ov_xmalloc(ov_size_mul(n, sizeof *cid));
    int64_t *created = ov_xmalloc(ov_size_mul(n, sizeof *created));
    ov_citizen_new *fresh = ov_xmalloc(ov_size_mul(n, sizeof *fresh));
    size_t *at = ov_xmalloc(ov_size_mul(n, sizeof *at));
    size_t ncreated = 0;
    ov_status st = OV_OK;
    for (size_t i = 0; i < n && st == OV_OK; i++) {
        const row *w = &p->rows[i];
        if ((st = ov_citizen_find_sealed(tx, &w->sealed, "CPR-opslag",
                                         &cid[i], err)) == OV_OK &&
            !cid[i]) {
            fresh[ncreated] = (ov_citizen_new){w->name, &w->sealed};
            at[ncreated++] = i;
        }
    }
    /* the new ones in file order, 16 to a statement */
    if (st == OV_OK)
        st = ov_citizen_insert_sealed_many(tx, fresh, ncreated, created, err);
    for (size_t k = 0; st == OV_OK && k < ncreated; k++)
        cid[at[k]] = created[k];
    free(fresh);
    free(at);
    /* the candidates, 16 to a statement */
    for (size_t i = 0; i < n && st == OV_OK;) {
        size_t k = n - i >= 16 ? 16 : 1;
        ov_status ps =
            k == 16 ? ov_stmt_prepare(tx->conn, SQL_CANDIDATE_INSERT_16, &s,
                                      err)
                    : ov_stmt_prepare(tx->conn, SQL_CANDIDATE_INSERT, &s, err);
        if (ps != OV_OK) {
            st = ov_tx_fail(tx, err);
            break;
        }
        for (size_t r = 0; r < k; r++)
            bind_candidate(s, (int)r * 12, *batch_id, &p->rows[i + r],
                           cid[i + r]);
        if (ov_stmt_run(s, err) != OV_OK)
            st = ov_tx_fail(tx, err);
        i += k;
    }
    if (st == OV_OK)
        st = ov_audit_append_many(tx, OV_ACT_CREATE, created, ncreated, err);
    free(cid);
    free(created);
    if (st != OV_OK)
        return st;
    rep->rows = p->nrows;
    rep->in_target_group = p->in_target_group;
    rep->eligible = p->eligible;
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "screeningliste %lld: %lld kandidater",
             (long long)*batch_id, (long long)rep->rows);
    return ov_audit_append(tx, OV_ACT_CREATE, 0, crit, err);
}

ov_status ov_screening_import(ov_tx *tx, int municipality_code,
                              ov_date reference,
                              const ov_screening_rules *rules, ov_str csv,
                              const char *source_name, ov_arena *a,
                              int64_t *batch_id, ov_import_report *rep,
                              ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK) {
        memset(rep, 0, sizeof *rep);
        return err->code;
    }
    if (ov_municipality_require(tx, municipality_code, err) != OV_OK) {
        memset(rep, 0, sizeof *rep);
        return ov_tx_fail(tx, err);
    }
    ov_import_plan *p;
    if (ov_screening_prepare(tx->store, reference, rules, csv, a, &p, rep,
                             err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_screening_write(tx, municipality_code, p, source_name, batch_id,
                              rep, err);
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "candidate_id",
                                          screening_candidate_not_found,
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "team_id",
                                          course_team_not_found,
                                          (long long)team_id), err));
    int64_t *pool = NULL;
    size_t npool = 0;
    if (id_list(tx, Q_POOL, batch_id, &pool, &npool, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (count < 1 || (size_t)count > npool) {
        free(pool);
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "count",
                                          screening_draw_count_range,
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "draw_id",
                                          screening_draw_not_found,
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

/* ---- reads for the pages and the API ---- */

static const char SQL_BATCHES[] =
    "SELECT b.id, b.municipality_code, b.reference_date, b.min_age, "
    "b.min_months_unemployed, b.source_name, b.imported_by, b.imported_at, "
    "(SELECT count(*) FROM candidate c WHERE c.batch_id = b.id), "
    "(SELECT count(*) FROM candidate c WHERE c.batch_id = b.id AND "
    "c.in_target_group = 1), (SELECT count(*) FROM candidate c WHERE "
    "c.batch_id = b.id AND c.eligible = 1), (SELECT count(*) FROM "
    "draw_member m JOIN draw d ON d.id = m.draw_id WHERE d.batch_id = b.id) "
    "FROM screening_batch b WHERE b.municipality_code = ?1 AND (?2 IS NULL "
    "OR b.id = ?2) ORDER BY b.id DESC";
/* Each candidate with the draw that picked it (at most one: the pool
 * leaves out the drawn) and the course that draw made. ov_draw_make creates
 * it in the draw's transaction after recording drawn_at, and a citizen has
 * no open course when drawn, so it is the citizen's first course created at
 * or after the draw; a later course of the same citizen does not replace
 * it. */
static const char SQL_CANDIDATES[] =
    "SELECT c.id, c.line, c.citizen_id, ci.full_name, ci.birth_date, "
    "c.activity_ready, c.months_unemployed, c.company_activity, "
    "c.in_prison, c.health_exemption, c.declined, c.in_target_group, "
    "c.eligible, coalesce(c.exclusion_reason, ''), "
    "coalesce(c.exclusion_text, ''), coalesce(d.id, 0), coalesce((SELECT "
    "co.id FROM course co WHERE co.citizen_id = c.citizen_id AND "
    "co.created_at >= d.drawn_at ORDER BY co.id LIMIT 1), 0) FROM "
    "candidate c JOIN citizen ci ON ci.id = c.citizen_id LEFT JOIN draw d "
    "ON d.id = (SELECT min(m.draw_id) FROM draw_member m WHERE "
    "m.candidate_id = c.id) WHERE c.batch_id = ?1 ORDER BY c.line, c.id "
    "LIMIT 20000";
static const char SQL_DRAWS[] =
    "SELECT d.id, d.seed, d.count, (SELECT count(*) FROM draw_pool p WHERE "
    "p.draw_id = d.id), d.drawn_by, d.drawn_at FROM draw d WHERE "
    "d.batch_id = ?1 ORDER BY d.id";

/* ---- screening ---- */

typedef struct batch_key {
    int64_t municipality_code, batch_id; /* batch_id 0: all of them */
} batch_key;

static void batch_bind(ov_stmt *s, const void *arg)
{
    const batch_key *k = arg;
    ov_stmt_bind_i64(s, 1, k->municipality_code);
    if (k->batch_id)
        ov_stmt_bind_i64(s, 2, k->batch_id);
    else
        ov_stmt_bind_null(s, 2);
}

static ov_status batch_read(ov_stmt *s, ov_arena *a, void *out, ov_err *err)
{
    ov_batch_row *b = out;
    b->id = ov_stmt_col_i64(s, 0);
    b->municipality_code = (int)ov_stmt_col_i64(s, 1);
    if (ov_col_date(s, 2, a, "reference_date", &b->reference_date, err) !=
        OV_OK)
        return err->code;
    b->rules.min_age = (int)ov_stmt_col_i64(s, 3);
    b->rules.min_months_unemployed = (int)ov_stmt_col_i64(s, 4);
    b->source_name = ov_stmt_col_text(s, 5, a);
    b->imported_by = ov_stmt_col_text(s, 6, a);
    if (ov_time_parse_utc(ov_stmt_col_text(s, 7, a), "imported_at",
                          &b->imported_at, err) != OV_OK)
        return err->code;
    b->ncandidates = (int)ov_stmt_col_i64(s, 8);
    b->nin_target = (int)ov_stmt_col_i64(s, 9);
    b->neligible = (int)ov_stmt_col_i64(s, 10);
    b->ndrawn = (int)ov_stmt_col_i64(s, 11);
    return OV_OK;
}

static const ov_list_query BATCHES = {
    .sql = SQL_BATCHES, .row_size = sizeof(ov_batch_row),
    .bind = batch_bind, .read = batch_read};

static ov_status batches(ov_tx *tx, int municipality_code, int64_t batch_id,
                         ov_arena *a, ov_batch_row **out, ov_list_info *li,
                         ov_err *err)
{
    batch_key k = {municipality_code, batch_id};
    void *rows;
    if (ov_list_read(tx, &BATCHES, &k, 500, a, &rows, li, err) != OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}

ov_status ov_batch_list(ov_tx *tx, int municipality_code, ov_arena *a,
                        ov_batch_row **out, ov_list_info *li, ov_err *err)
{
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    *out = NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    return batches(tx, municipality_code, 0, a, out, li, err);
}

ov_status ov_batch_head(ov_tx *tx, int64_t batch_id, int municipality_code,
                        ov_arena *a, ov_batch_row *out, bool *found,
                        ov_err *err)
{
    ov_err_clear(err);
    memset(out, 0, sizeof *out);
    *found = false;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_batch_row *b = NULL;
    ov_list_info li = {0, 0, false};
    if (batch_id <= 0)
        return OV_OK;
    if (batches(tx, municipality_code, batch_id, a, &b, &li, err) != OV_OK)
        return err->code;
    *found = li.n > 0;
    if (*found)
        *out = b[0];
    return OV_OK;
}

ov_status ov_batch_get(ov_tx *tx, int64_t batch_id, int municipality_code,
                       ov_arena *a, ov_batch_detail *out, ov_err *err)
{
    ov_err_clear(err);
    memset(out, 0, sizeof *out);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_batch_row *b = NULL;
    ov_list_info nb = {0, 0, false};
    if (batch_id > 0 &&
        batches(tx, municipality_code, batch_id, a, &b, &nb, err) != OV_OK)
        return err->code;
    if (nb.n == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "batch_id",
                                          screening_batch_not_found,
                                          (long long)batch_id), err));
    out->batch = b[0];
    enum { CAP = 20000 };
    size_t cap = (size_t)(out->batch.ncandidates < CAP
                              ? out->batch.ncandidates + 1
                              : CAP);
    out->candidates = OV_NEW_N(a, ov_candidate_row, cap);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CANDIDATES, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, batch_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW &&
           (size_t)out->ncandidates < cap) {
        ov_candidate_row *c = &out->candidates[out->ncandidates];
        c->id = ov_stmt_col_i64(s, 0);
        c->line = (int)ov_stmt_col_i64(s, 1);
        c->citizen_id = ov_stmt_col_i64(s, 2);
        c->citizen_name = ov_stmt_col_text(s, 3, a);
        if (ov_col_date(s, 4, a, "birth_date", &c->facts.birth, err) != OV_OK)
            break;
        c->facts.activity_ready = ov_stmt_col_i64(s, 5) != 0;
        c->facts.months_unemployed = (int)ov_stmt_col_i64(s, 6);
        c->facts.company_activity = ov_stmt_col_i64(s, 7) != 0;
        c->facts.in_prison = ov_stmt_col_i64(s, 8) != 0;
        c->facts.health_exemption = ov_stmt_col_i64(s, 9) != 0;
        c->facts.declined = ov_stmt_col_i64(s, 10) != 0;
        c->in_target_group = ov_stmt_col_i64(s, 11) != 0;
        c->eligible = ov_stmt_col_i64(s, 12) != 0;
        c->exclusion_reason = ov_stmt_col_text(s, 13, a);
        c->exclusion_text = ov_stmt_col_text(s, 14, a);
        c->excluded = c->in_target_group && !c->eligible;
        c->draw_id = ov_stmt_col_i64(s, 15);
        c->course_id = ov_stmt_col_i64(s, 16);
        out->ncandidates++;
    }
    if (ov_read_finish(tx, s, r, err) != OV_OK)
        return err->code;
    if (ov_stmt_prepare(tx->conn, SQL_DRAWS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, batch_id);
    /* each draw has at least one member, so ndrawn bounds the draws */
    int dcap = out->batch.ndrawn;
    out->draws = OV_NEW_N(a, ov_draw_row, (size_t)dcap + 1);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && out->ndraws < dcap) {
        ov_draw_row *d = &out->draws[out->ndraws];
        d->id = ov_stmt_col_i64(s, 0);
        d->seed = ov_stmt_col_text(s, 1, a);
        d->count = (int)ov_stmt_col_i64(s, 2);
        d->pool = (int)ov_stmt_col_i64(s, 3);
        d->drawn_by = ov_stmt_col_text(s, 4, a);
        if (ov_time_parse_utc(ov_stmt_col_text(s, 5, a), "drawn_at",
                              &d->drawn_at, err) != OV_OK)
            break;
        out->ndraws++;
    }
    if (ov_read_finish(tx, s, r, err) != OV_OK)
        return err->code;
    for (int i = 0; i < out->ncandidates; i++)
        if (ov_audit_append(tx, OV_ACT_READ, out->candidates[i].citizen_id,
                            "screening", err) != OV_OK)
            return err->code;
    return OV_OK;
}
