/*
 * national.c (store) - the national board's sources (see national.h).
 */
#include "store/national.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/extract.h"
#include "model/national.h"
#include "store/board.h"
#include "store/indicators.h"
#include "store/monitor.h"
#include "store/store_int.h"

/* The municipalities with drawn courses in this database. */
static const char SQL_LIVE[] =
    "SELECT m.code, m.name FROM municipality m WHERE EXISTS (SELECT 1 FROM "
    "course c WHERE c.municipality_code = m.code AND c.stage <> 'screened' "
    "AND c.started_on <= ?1) ORDER BY m.code";
/* The municipalities with imported extracts overlapping the period, the
 * latest import of each, and a name when this database has one. */
static const char SQL_IMPORTED[] =
    "SELECT f.municipality_code, max(f.imported_at), (SELECT m.name FROM "
    "municipality m WHERE m.code = f.municipality_code) FROM monitor_file f "
    "WHERE f.period_from <= ?2 AND f.period_to >= ?1 "
    "GROUP BY f.municipality_code ORDER BY f.municipality_code";

static void copy_name(ov_stmt *s, int col, ov_arena *a, char name[201])
{
    name[0] = '\0';
    if (ov_stmt_col_is_null(s, col))
        return;
    ov_str t = ov_stmt_col_text(s, col, a);
    size_t len = t.len > 200 ? 200 : t.len;
    memcpy(name, t.ptr, len);
    name[len] = '\0';
}

/* One live municipality: the indicators' facts, kept when they count,
 * each cut to months as an extract would carry it, staff ids kept. */
static ov_status read_live(ov_tx *tx, ov_nat_source *src, ov_date from,
                           ov_date to, ov_arena *a, ov_err *err)
{
    ov_ind_query q = {.municipality_code = src->code, .from = from, .to = to};
    ov_arena *work = ov_arena_new(0);
    ov_ind_facts *f;
    int n;
    ov_status st = ov_ind_facts_read(tx, &q, work, &f, &n, err);
    if (st == OV_OK) {
        src->f = OV_NEW_N(a, ov_ind_facts, (size_t)n + 1);
        for (int i = 0; i < n; i++) {
            if (!ov_nat_counts(&f[i], from, to))
                continue;
            ov_mx_record r;
            memset(&r, 0, sizeof r);
            ov_mx_from_facts(&f[i], to, work, &r);
            ov_ind_facts *x = &src->f[src->n];
            ov_mx_to_facts(&r, src->n + 1, a, x);
            x->team_id = f[i].team_id;
            memcpy(x->staff, f[i].staff, sizeof x->staff);
            src->n++;
        }
    }
    ov_arena_destroy(work);
    return st;
}

static ov_status read_imported(ov_tx *tx, ov_nat_source *src, ov_date from,
                               ov_date to, ov_arena *a, ov_err *err)
{
    ov_arena *work = ov_arena_new(0);
    ov_mx_record *r;
    size_t n;
    ov_status st = ov_monitor_records(tx, src->code, from, to, work, &r, &n,
                                      err);
    if (st == OV_OK) {
        src->f = OV_NEW_N(a, ov_ind_facts, n + 1);
        for (size_t i = 0; i < n; i++) {
            ov_ind_facts *x = &src->f[src->n];
            ov_mx_to_facts(&r[i], src->n + 1, a, x);
            /* the records carry months: judge the period on month starts */
            if (ov_nat_counts(x, ov_ind_month(from), to))
                src->n++;
        }
    }
    ov_arena_destroy(work);
    return st;
}

static bool has_code(const ov_nat_source *s, int n, int code)
{
    for (int i = 0; i < n; i++)
        if (s[i].code == code)
            return true;
    return false;
}

static int by_code(const void *x, const void *y)
{
    int a = ((const ov_nat_source *)x)->code;
    int b = ((const ov_nat_source *)y)->code;
    return (a > b) - (a < b);
}

ov_status ov_nat_read(ov_tx *tx, ov_date from, ov_date to, ov_arena *a,
                      ov_nat_source **out, int *n, ov_err *err)
{
    *out = NULL;
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (ov_ind_period_validate(from, to, err) != OV_OK)
        return err->code;
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    ov_arena *scratch = ov_arena_new(1024);
    ov_nat_source *list = NULL;
    size_t cap = 0;
    int count = 0;
    ov_stmt *s;
    ov_step step;
    ov_status st = OV_OK;
    if (ov_stmt_prepare(tx->conn, SQL_LIVE, &s, err) != OV_OK) {
        ov_arena_destroy(scratch);
        return ov_tx_fail(tx, err);
    }
    ov_stmt_bind_cstr(s, 1, t);
    while ((step = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        OV_GROW(a, list, cap, (size_t)count + 1);
        ov_nat_source *x = &list[count++];
        memset(x, 0, sizeof *x);
        x->code = (int)ov_stmt_col_i64(s, 0);
        copy_name(s, 1, scratch, x->name);
    }
    if (ov_read_finish(tx, s, step, err) != OV_OK) {
        ov_arena_destroy(scratch);
        return err->code;
    }
    int nlive = count;
    if (ov_stmt_prepare(tx->conn, SQL_IMPORTED, &s, err) != OV_OK) {
        ov_arena_destroy(scratch);
        return ov_tx_fail(tx, err);
    }
    ov_stmt_bind_cstr(s, 1, f);
    ov_stmt_bind_cstr(s, 2, t);
    while (st == OV_OK && (step = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        int code = (int)ov_stmt_col_i64(s, 0);
        if (has_code(list, nlive, code)) /* live wins */
            continue;
        OV_GROW(a, list, cap, (size_t)count + 1);
        ov_nat_source *x = &list[count++];
        memset(x, 0, sizeof *x);
        x->code = code;
        x->imported = true;
        ov_time at = 0;
        st = ov_time_parse_utc(ov_stmt_col_text(s, 1, scratch),
                               "imported_at", &at, err);
        x->imported_on = ov_time_to_cph(at).date;
        copy_name(s, 2, scratch, x->name);
    }
    if (st != OV_OK) {
        ov_stmt_release(s);
        ov_arena_destroy(scratch);
        return ov_tx_fail(tx, err);
    }
    ov_arena_destroy(scratch);
    if (ov_read_finish(tx, s, step, err) != OV_OK)
        return err->code;
    for (int i = 0; st == OV_OK && i < count; i++)
        st = list[i].imported ? read_imported(tx, &list[i], from, to, a, err)
                              : read_live(tx, &list[i], from, to, a, err);
    if (st != OV_OK)
        return st;
    if (count > 1)
        qsort(list, (size_t)count, sizeof *list, by_code);
    *out = list;
    *n = count;
    return OV_OK;
}

ov_status ov_nat_audit(ov_tx *tx, const ov_nat_source *s, int n,
                       ov_date from, ov_date to, ov_err *err)
{
    for (int i = 0; i < n; i++) {
        if (s[i].imported)
            continue;
        ov_ind_query q = {.municipality_code = s[i].code, .from = from,
                          .to = to};
        if (ov_board_audit_facts(tx, &q, s[i].n, err) != OV_OK)
            return err->code;
    }
    return OV_OK;
}
