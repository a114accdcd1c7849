#include "store/settings.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_GET[] =
    "SELECT min_age, min_months_unemployed, followup_weeks, cti_interval1, "
    "cti_interval2, cti_interval3, cti_early_days, cti_min_first_month, "
    "cti_caseload_limit, measure_tolerance_days, life_domains, "
    "indicator_rules, attention_no_placement_months, gse_items, "
    "employer_hours, retention_years, hours_source FROM "
    "municipality_settings WHERE municipality_code = ?1";
static const char SQL_PUT[] =
    "INSERT OR REPLACE INTO municipality_settings (municipality_code, "
    "min_age, min_months_unemployed, followup_weeks, cti_interval1, "
    "cti_interval2, cti_interval3, cti_early_days, cti_min_first_month, "
    "cti_caseload_limit, measure_tolerance_days, life_domains, updated_by, "
    "updated_at, indicator_rules, attention_no_placement_months, gse_items, "
    "employer_hours, retention_years, hours_source) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
    "?20)";

static const char SQL_CHANGE[] =
    "INSERT INTO settings_change (municipality_code, field, old_value, "
    "new_value, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_HISTORY[] =
    "SELECT id, field, old_value, new_value, changed_by, changed_at FROM "
    "settings_change WHERE municipality_code = ?1 ORDER BY id DESC";

ov_status ov_settings_get(ov_tx *tx, int muni, ov_settings *out, ov_err *err)
{
    ov_settings_default(out);
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_GET, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        out->screening.min_age = (int)ov_stmt_col_i64(s, 0);
        out->screening.min_months_unemployed = (int)ov_stmt_col_i64(s, 1);
        out->followup.interval_weeks = (int)ov_stmt_col_i64(s, 2);
        for (int i = 0; i < 3; i++)
            out->cti.interval_days[i] = (int)ov_stmt_col_i64(s, 3 + i);
        out->cti.early_days = (int)ov_stmt_col_i64(s, 6);
        out->cti.min_first_month = (int)ov_stmt_col_i64(s, 7);
        out->cti.caseload_limit = (int)ov_stmt_col_i64(s, 8);
        out->measure_tolerance_days = (int)ov_stmt_col_i64(s, 9);
        out->attention_no_placement_months = (int)ov_stmt_col_i64(s, 12);
        /* NULL (never) reads as 0 */
        out->retention_years = (int)ov_stmt_col_i64(s, 15);
        ov_arena *a = ov_arena_new(0);
        st = ov_life_domains_parse(ov_stmt_col_text(s, 10, a), &out->domains,
                                   err);
        ov_str rules = ov_stmt_col_text(s, 11, a);
        if (st == OV_OK && rules.len > 0)
            st = ov_ind_rules_parse(rules, &out->indicators, err);
        ov_gse_items_parse(ov_stmt_col_text(s, 13, a), out);
        if (st == OV_OK)
            st = ov_employer_hours_parse(ov_stmt_col_text(s, 14, a),
                                         &out->employer_hours, err);
        if (st == OV_OK)
            st = ov_hours_source_parse(ov_stmt_col_text(s, 16, a),
                                       &out->hours_source, err);
        ov_arena_destroy(a);
    } else if (r == OV_STEP_ERROR) {
        st = err->code;
    }
    ov_stmt_release(s);
    return st == OV_OK ? OV_OK : ov_tx_fail(tx, err);
}

ov_status ov_settings_set(ov_tx *tx, int muni, const ov_settings *v,
                          ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_settings_validate(v, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (ov_municipality_require(tx, muni, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_settings old;
    if (ov_settings_get(tx, muni, &old, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    char domains[OV_DOMAINS_MAX * 100], now[OV_TIME_BUF];
    char rules[OV_IND_COUNT * 64];
    ov_life_domains_format(&v->domains, domains, sizeof domains);
    ov_ind_rules_format(&v->indicators, rules, sizeof rules);
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_PUT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_stmt_bind_i64(s, 2, v->screening.min_age);
    ov_stmt_bind_i64(s, 3, v->screening.min_months_unemployed);
    ov_stmt_bind_i64(s, 4, v->followup.interval_weeks);
    for (int i = 0; i < 3; i++)
        ov_stmt_bind_i64(s, 5 + i, v->cti.interval_days[i]);
    ov_stmt_bind_i64(s, 8, v->cti.early_days);
    ov_stmt_bind_i64(s, 9, v->cti.min_first_month);
    ov_stmt_bind_i64(s, 10, v->cti.caseload_limit);
    ov_stmt_bind_i64(s, 11, v->measure_tolerance_days);
    ov_stmt_bind_cstr(s, 12, domains);
    ov_stmt_bind_cstr(s, 13, tx->actor->user);
    ov_stmt_bind_cstr(s, 14, now);
    ov_stmt_bind_cstr(s, 15, rules);
    ov_stmt_bind_i64(s, 16, v->attention_no_placement_months);
    char gse[OV_GSE_ITEMS * (OV_GSE_ITEM_MAX + 1) + 1];
    ov_gse_items_format(v, gse, sizeof gse);
    ov_stmt_bind_cstr(s, 17, gse);
    ov_stmt_bind_cstr(s, 18, ov_employer_hours_code(v->employer_hours));
    if (v->retention_years)
        ov_stmt_bind_i64(s, 19, v->retention_years);
    else
        ov_stmt_bind_null(s, 19);
    ov_stmt_bind_cstr(s, 20, ov_hours_source_code(v->hours_source));
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    /* the history: each value that changed, old and new */
    char crit[OV_AUDIT_CRITERION_MAX];
    size_t n = (size_t)snprintf(crit, sizeof crit,
                                "indstillinger for kommune %d", muni);
    char od[OV_DOMAINS_MAX * 100], orules[OV_IND_COUNT * 64];
    ov_life_domains_format(&old.domains, od, sizeof od);
    ov_ind_rules_format(&old.indicators, orules, sizeof orules);
    /* the ints, the two texts, employer_hours, the self-efficacy items,
     * then hours_source */
    for (int i = 0; i < ov_nsetting_ints + 4 + OV_GSE_ITEMS; i++) {
        char ov[32], nv[32], gfield[16];
        const char *field, *o = ov, *nw = nv;
        bool whole = false; /* the history says old and new in the audit */
        if (i == ov_nsetting_ints + 3 + OV_GSE_ITEMS) {
            field = "hours_source";
            o = ov_hours_source_code(old.hours_source);
            nw = ov_hours_source_code(v->hours_source);
            whole = true;
        } else if (i >= ov_nsetting_ints + 3) {
            /* a self-efficacy item: its own row, the texts old and new */
            int k = i - ov_nsetting_ints - 3;
            snprintf(gfield, sizeof gfield, "gse_item%d", k + 1);
            field = gfield;
            o = old.gse_items[k];
            nw = v->gse_items[k];
        } else if (i < ov_nsetting_ints) {
            const ov_setting_int *d = &ov_setting_ints[i];
            field = d->code;
            snprintf(ov, sizeof ov, "%d", ov_setting_int_get(&old, d));
            snprintf(nv, sizeof nv, "%d", ov_setting_int_get(v, d));
            /* "not set" is the empty value, in the history as on the page */
            if (ov_setting_int_empty_ok(d) && ov_setting_int_get(&old, d) == 0)
                ov[0] = '\0';
            if (ov_setting_int_empty_ok(d) && ov_setting_int_get(v, d) == 0)
                nv[0] = '\0';
        } else if (i == ov_nsetting_ints) {
            field = "life_domains";
            o = od;
            nw = domains;
        } else if (i == ov_nsetting_ints + 1) {
            field = "indicator_rules";
            o = orules;
            nw = rules;
        } else {
            field = "employer_hours";
            o = ov_employer_hours_code(old.employer_hours);
            nw = ov_employer_hours_code(v->employer_hours);
        }
        if (strcmp(o, nw) == 0)
            continue;
        if (ov_stmt_prepare(tx->conn, SQL_CHANGE, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, muni);
        ov_stmt_bind_cstr(s, 2, field);
        ov_stmt_bind_cstr(s, 3, o);
        ov_stmt_bind_cstr(s, 4, nw);
        ov_stmt_bind_cstr(s, 5, tx->actor->user);
        ov_stmt_bind_cstr(s, 6, now);
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        if (n < sizeof crit) {
            if (i < ov_nsetting_ints || i == ov_nsetting_ints + 2 || whole)
                n += (size_t)snprintf(crit + n, sizeof crit - n,
                                      "; %s %s -> %s", field, o, nw);
            else
                n += (size_t)snprintf(crit + n, sizeof crit - n,
                                      "; %s ændret", field);
        }
    }
    return ov_audit_append(tx, OV_ACT_UPDATE, 0, crit, err);
}

static ov_status change_read(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    (void)err;
    ov_settings_change *c = row;
    c->id = ov_stmt_col_i64(s, 0);
    c->field = ov_stmt_col_text(s, 1, a);
    c->old_value = ov_stmt_col_text(s, 2, a);
    c->new_value = ov_stmt_col_text(s, 3, a);
    c->changed_by = ov_stmt_col_text(s, 4, a);
    c->changed_at = ov_stmt_col_text(s, 5, a);
    return OV_OK;
}

static const ov_list_query HISTORY = {
    .sql = SQL_HISTORY, .row_size = sizeof(ov_settings_change),
    .bind = ov_list_bind_id, .read = change_read};

ov_status ov_settings_history(ov_tx *tx, int municipality_code, ov_arena *a,
                              ov_settings_change **out, ov_list_info *li,
                              ov_err *err)
{
    void *rows;
    int64_t key = municipality_code;
    *out = NULL;
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    if (ov_tx_check(tx, false, err) != OV_OK ||
        ov_list_read(tx, &HISTORY, &key, 200, a, &rows, li, err) != OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}
