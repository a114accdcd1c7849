#include "store/settings.h"

#include <stdio.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_GET[] =
    "SELECT min_age, min_months_unemployed, followup_weeks, cti_interval1, "
    "cti_interval2, cti_interval3, cti_early_days, cti_min_first_month, "
    "cti_caseload_limit, measure_tolerance_days, life_domains, "
    "indicator_rules FROM "
    "municipality_settings WHERE municipality_code = ?1";
static const char SQL_PUT[] =
    "INSERT OR REPLACE INTO municipality_settings (municipality_code, "
    "min_age, min_months_unemployed, followup_weeks, cti_interval1, "
    "cti_interval2, cti_interval3, cti_early_days, cti_min_first_month, "
    "cti_caseload_limit, measure_tolerance_days, life_domains, updated_by, "
    "updated_at, indicator_rules) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11, ?12, ?13, ?14, ?15)";

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
        ov_arena *a = ov_arena_new(0);
        st = ov_life_domains_parse(ov_stmt_col_text(s, 10, a), &out->domains,
                                   err);
        ov_str rules = ov_stmt_col_text(s, 11, a);
        if (st == OV_OK && rules.len > 0)
            st = ov_ind_rules_parse(rules, &out->indicators, err);
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
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    char crit[64];
    snprintf(crit, sizeof crit, "indstillinger for kommune %d", muni);
    return ov_audit_append(tx, OV_ACT_UPDATE, 0, crit, err);
}
