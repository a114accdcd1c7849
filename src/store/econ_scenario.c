/*
 * econ_scenario.c - saved business-case scenarios (see econ_scenario.h).
 *
 * The national analyst's scenarios have municipality_code NULL (no
 * municipality row stands for the nation); every query compares
 * coalesce(municipality_code, 0) with the caller's code, so one bound
 * parameter serves both and the SQL stays plain (no IS with a parameter,
 * which PostgreSQL spells differently).
 */
#include "store/econ_scenario.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_ADD[] =
    "INSERT INTO econ_scenario (municipality_code, name, scenario, "
    "author_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)";

/* the newest row of each name */
static const char SQL_LIST[] =
    "SELECT e.id, coalesce(e.municipality_code, 0), e.name, e.author_id, "
    "u.full_name, u.username, e.created_at, (SELECT count(*) FROM "
    "econ_scenario v WHERE coalesce(v.municipality_code, 0) = ?1 AND v.name "
    "= e.name) FROM econ_scenario e JOIN app_user u ON u.id = e.author_id "
    "WHERE coalesce(e.municipality_code, 0) = ?1 AND e.id = (SELECT max(x.id) "
    "FROM econ_scenario x WHERE coalesce(x.municipality_code, 0) = ?1 AND "
    "x.name = e.name) ORDER BY e.id DESC";
static const char SQL_LIST_COUNT[] =
    "SELECT count(DISTINCT name) FROM econ_scenario WHERE "
    "coalesce(municipality_code, 0) = ?1";

/* every row of one name */
static const char SQL_HISTORY[] =
    "SELECT e.id, coalesce(e.municipality_code, 0), e.name, e.author_id, "
    "u.full_name, u.username, e.created_at, (SELECT count(*) FROM "
    "econ_scenario v WHERE coalesce(v.municipality_code, 0) = ?1 AND v.name "
    "= e.name) FROM econ_scenario e JOIN app_user u ON u.id = e.author_id "
    "WHERE coalesce(e.municipality_code, 0) = ?1 AND e.name = ?2 ORDER BY "
    "e.id DESC";
static const char SQL_HISTORY_COUNT[] =
    "SELECT count(*) FROM econ_scenario WHERE coalesce(municipality_code, 0) "
    "= ?1 AND name = ?2";

static const char SQL_GET[] =
    "SELECT e.id, coalesce(e.municipality_code, 0), e.name, e.author_id, "
    "u.full_name, u.username, e.created_at, (SELECT count(*) FROM "
    "econ_scenario v WHERE coalesce(v.municipality_code, 0) = ?1 AND v.name "
    "= e.name), e.scenario FROM econ_scenario e JOIN app_user u ON u.id = "
    "e.author_id WHERE coalesce(e.municipality_code, 0) = ?1 AND e.id = ?2";

/* A name a reader can tell apart and a page can show on one line. */
static ov_status check_name(ov_str name, ov_err *err)
{
    if (!name.ptr || name.len == 0)
        return ov_err_msg(err, OV_EINVAL, "name", econ_saved_name_missing);
    if (name.len > OV_ECON_SAVED_NAME_MAX)
        return ov_err_msg(err, OV_EINVAL, "name", econ_saved_name_too_long,
                          OV_ECON_SAVED_NAME_MAX);
    if (!ov_str_is_utf8(name))
        return ov_err_msg(err, OV_EINVAL, "name", econ_saved_name_chars);
    for (size_t i = 0; i < name.len; i++)
        if ((unsigned char)name.ptr[i] < 0x20 || name.ptr[i] == 0x7f)
            return ov_err_msg(err, OV_EINVAL, "name", econ_saved_name_chars);
    if (name.ptr[0] == ' ' || name.ptr[name.len - 1] == ' ')
        return ov_err_msg(err, OV_EINVAL, "name", econ_saved_name_chars);
    return OV_OK;
}

ov_status ov_econ_saved_add(ov_tx *tx, int municipality_code,
                            int64_t author_id, ov_str name, ov_str json,
                            int64_t *id, ov_err *err)
{
    *id = 0;
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (check_name(name, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (!json.ptr || json.len < 2) {
        ov_err_msg(err, OV_EINVAL, "scenario", econ_saved_scenario_missing);
        return ov_tx_fail(tx, err);
    }
    if (json.len > OV_ECON_SAVED_JSON_MAX) {
        ov_err_msg(err, OV_EINVAL, "scenario", econ_saved_scenario_too_big,
                   OV_ECON_SAVED_JSON_MAX);
        return ov_tx_fail(tx, err);
    }
    if (municipality_code != 0 &&
        ov_municipality_require(tx, municipality_code, err) != OV_OK)
        return ov_tx_fail(tx, err);
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_ADD, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (municipality_code != 0)
        ov_stmt_bind_i64(s, 1, municipality_code);
    else
        ov_stmt_bind_null(s, 1);
    ov_stmt_bind_text(s, 2, name);
    ov_stmt_bind_text(s, 3, json);
    ov_stmt_bind_i64(s, 4, author_id);
    ov_stmt_bind_cstr(s, 5, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    char crit[OV_AUDIT_CRITERION_MAX];
    if (municipality_code != 0)
        snprintf(crit, sizeof crit, "økonomisk scenarie %lld \"%.*s\" for "
                                    "kommune %d",
                 (long long)*id, (int)(name.len > 120 ? 120 : name.len),
                 name.ptr, municipality_code);
    else
        snprintf(crit, sizeof crit, "økonomisk scenarie %lld \"%.*s\", "
                                    "nationalt",
                 (long long)*id, (int)(name.len > 120 ? 120 : name.len),
                 name.ptr);
    return ov_audit_append(tx, OV_ACT_CREATE, 0, crit, err);
}

static ov_status saved_read(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    (void)err;
    ov_econ_saved *r = row;
    r->id = ov_stmt_col_i64(s, 0);
    r->municipality_code = (int)ov_stmt_col_i64(s, 1);
    r->name = ov_stmt_col_text(s, 2, a);
    r->author_id = ov_stmt_col_i64(s, 3);
    r->author = ov_stmt_col_text(s, 4, a);
    if (!r->author.ptr || r->author.len == 0)
        r->author = ov_stmt_col_text(s, 5, a);
    r->created_at = ov_stmt_col_text(s, 6, a);
    r->versions = (int)ov_stmt_col_i64(s, 7);
    return OV_OK;
}

typedef struct list_arg {
    int64_t municipality_code;
    ov_str name;
} list_arg;

static void bind_list(ov_stmt *s, const void *arg)
{
    const list_arg *l = arg;
    ov_stmt_bind_i64(s, 1, l->municipality_code);
    if (l->name.ptr)
        ov_stmt_bind_text(s, 2, l->name);
}

static const ov_list_query LIST = {.sql = SQL_LIST,
                                   .count_sql = SQL_LIST_COUNT,
                                   .row_size = sizeof(ov_econ_saved),
                                   .bind = bind_list,
                                   .read = saved_read};
static const ov_list_query HISTORY = {.sql = SQL_HISTORY,
                                      .count_sql = SQL_HISTORY_COUNT,
                                      .row_size = sizeof(ov_econ_saved),
                                      .bind = bind_list,
                                      .read = saved_read};

ov_status ov_econ_saved_list(ov_tx *tx, int municipality_code, ov_str name,
                             ov_arena *a, ov_econ_saved **out,
                             ov_list_info *li, ov_err *err)
{
    void *rows;
    list_arg arg = {municipality_code, name};
    *out = NULL;
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    if (ov_tx_check(tx, false, err) != OV_OK ||
        ov_list_read(tx, name.ptr ? &HISTORY : &LIST, &arg,
                     OV_ECON_SAVED_LIST_CAP, a, &rows, li, err) != OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}

ov_status ov_econ_saved_get(ov_tx *tx, int municipality_code, int64_t id,
                            ov_arena *a, ov_econ_saved *out, ov_str *json,
                            ov_err *err)
{
    memset(out, 0, sizeof *out);
    *json = OV_STR_NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_GET, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    ov_stmt_bind_i64(s, 2, id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        saved_read(s, a, out, err);
        *json = ov_stmt_col_text(s, 8, a);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_err_msg(err, OV_ENOTFOUND, "id", econ_saved_not_found);
    return OV_OK;
}
