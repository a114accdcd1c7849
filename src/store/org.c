#include "store/org.h"

#include <stdio.h>
#include <string.h>

#include "core/cvr.h"
#include "core/date.h"
#include "model/org.h"
#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_MUNI_INSERT[] =
    "INSERT INTO municipality (code, name) VALUES (?1, ?2)";
static const char SQL_MUNI_EXISTS[] =
    "SELECT count(*) FROM municipality WHERE code = ?1";
static const char SQL_TEAM_INSERT[] =
    "INSERT INTO team (municipality_code, name) VALUES (?1, ?2)";
static const char SQL_TEAM_MUNI[] =
    "SELECT municipality_code FROM team WHERE id = ?1";
static const char SQL_USER_INSERT[] =
    "INSERT INTO app_user (username, full_name, role, municipality_code, "
    "citizen_id, company_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_USER_BY_ID[] =
    "SELECT municipality_code, role FROM app_user WHERE id = ?1";
static const char SQL_USER_BY_NAME[] =
    "SELECT id, username, full_name, role, municipality_code, citizen_id, "
    "company_id, active FROM app_user WHERE username = ?1";
static const char SQL_USER_PASSWORD[] =
    "UPDATE app_user SET password_hash = ?2 WHERE id = ?1";
static const char SQL_MEMBER_INSERT[] =
    "INSERT OR IGNORE INTO team_member (team_id, user_id) VALUES (?1, ?2)";
static const char SQL_COMPANY_INSERT[] =
    "INSERT INTO company (cvr, name, municipality_code, postcode, "
    "created_at) VALUES (?1, ?2, ?3, ?4, ?5)";
/* Each municipality keeps its own company register: the same CVR number
 * may be registered by several, once by each. */
static const char SQL_COMPANY_BY_CVR[] =
    "SELECT id FROM company WHERE cvr = ?1 AND municipality_code = ?2";

/* Single-integer look-ups, by index so that SQL stays a constant. */
enum { Q_MUNI_EXISTS, Q_TEAM_MUNI, Q_USER_MUNI };
static const char *const SQL_INT_QUERY[] = {SQL_MUNI_EXISTS, SQL_TEAM_MUNI,
                                            SQL_USER_BY_ID};

/* One integer from a one-row query with one bound integer; *found false
 * when there is no row. */
static ov_status query_int(ov_tx *tx, int which, int64_t arg, int64_t *out,
                           bool *found, ov_err *err)
{
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(tx->conn, SQL_INT_QUERY[which], &s, err);
    if (st != OV_OK)
        return st;
    ov_stmt_bind_i64(s, 1, arg);
    ov_step r = ov_stmt_step(s, err);
    *found = r == OV_STEP_ROW;
    if (*found)
        *out = ov_stmt_col_is_null(s, 0) ? 0 : ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

/* Organisation writes are logged with the record they touched, e.g.
 * "team 3" (no citizen). */
static ov_status audit_org(ov_tx *tx, ov_action act, const char *what,
                           long long id, ov_err *err)
{
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "%s %lld", what, id);
    return ov_audit_append(tx, act, 0, crit, err);
}

ov_status ov_org_municipality_create(ov_tx *tx, int code, ov_str name,
                                     ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_org_validate_municipality(code, name, err) != OV_OK)
        return ov_tx_fail(tx, err);
    int64_t n;
    bool found;
    if (query_int(tx, Q_MUNI_EXISTS, code, &n, &found, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (n > 0)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ECONFLICT,
                                          "municipality_code",
                                          "municipality_code: %d already "
                                          "exists",
                                          code), err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MUNI_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, code);
    ov_stmt_bind_text(s, 2, ov_str_trim(name));
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return audit_org(tx, OV_ACT_CREATE, "kommune", code, err);
}

ov_status ov_municipality_require(ov_tx *tx, int code, ov_err *err)
{
    int64_t n;
    bool found;
    if (query_int(tx, Q_MUNI_EXISTS, code, &n, &found, err) != OV_OK)
        return err->code;
    if (n == 0)
        return ov_err_set(err, OV_EINVAL, "municipality_code",
                          "municipality_code: %d is not registered; create "
                          "the municipality first",
                          code);
    return OV_OK;
}

ov_status ov_org_team_create(ov_tx *tx, int municipality_code, ov_str name,
                             int64_t *id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_org_validate_team_name(name, err) != OV_OK ||
        ov_municipality_require(tx, municipality_code, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_TEAM_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    ov_stmt_bind_text(s, 2, ov_str_trim(name));
    if (ov_stmt_run(s, err) != OV_OK) {
        if (err->code == OV_ECONFLICT)
            ov_err_set(err, OV_ECONFLICT, "team_name",
                       "team_name: the municipality already has a team with "
                       "this name");
        return ov_tx_fail(tx, err);
    }
    *id = ov_conn_last_insert_id(tx->conn);
    return audit_org(tx, OV_ACT_CREATE, "team", (long long)*id, err);
}

ov_status ov_org_user_create(ov_tx *tx, const ov_user_input *in, int64_t *id,
                             ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_org_validate_username(in->username, err) != OV_OK ||
        ov_org_validate_name(in->full_name, "full_name", err) != OV_OK)
        return ov_tx_fail(tx, err);
    if ((unsigned)in->role >= OV_ROLE_COUNT || in->role == OV_ROLE_SYSTEM)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "role",
                                          "role: not a role a user can "
                                          "have"), err));
    if (ov_role_has_municipality(in->role)) {
        if (ov_municipality_require(tx, in->municipality_code, err) != OV_OK)
            return ov_tx_fail(tx, err);
    } else if (in->municipality_code) {
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL,
                                          "municipality_code",
                                          "municipality_code: the national "
                                          "analyst belongs to no "
                                          "municipality"), err));
    }
    if ((in->role == OV_ROLE_CITIZEN) != (in->citizen_id != 0))
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "citizen_id",
                                          "citizen_id: required for role "
                                          "citizen and only for it"), err));
    if ((in->role == OV_ROLE_EMPLOYER) != (in->company_id != 0))
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "company_id",
                                          "company_id: required for role "
                                          "employer and only for it"), err));
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_USER_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_text(s, 1, in->username);
    ov_stmt_bind_text(s, 2, ov_str_trim(in->full_name));
    ov_stmt_bind_cstr(s, 3, ov_role_code(in->role));
    if (in->municipality_code)
        ov_stmt_bind_i64(s, 4, in->municipality_code);
    else
        ov_stmt_bind_null(s, 4);
    if (in->citizen_id)
        ov_stmt_bind_i64(s, 5, in->citizen_id);
    else
        ov_stmt_bind_null(s, 5);
    if (in->company_id)
        ov_stmt_bind_i64(s, 6, in->company_id);
    else
        ov_stmt_bind_null(s, 6);
    ov_stmt_bind_cstr(s, 7, now);
    if (ov_stmt_run(s, err) != OV_OK) {
        if (err->code == OV_ECONFLICT)
            ov_err_set(err, OV_ECONFLICT, "username",
                       "username: '%.*s' is taken, or the linked citizen or "
                       "company does not exist; choose another",
                       (int)in->username.len, in->username.ptr);
        return ov_tx_fail(tx, err);
    }
    *id = ov_conn_last_insert_id(tx->conn);
    if (in->citizen_id)
        return ov_audit_append(tx, OV_ACT_CREATE, in->citizen_id,
                               "borgerlogin oprettet", err);
    return audit_org(tx, OV_ACT_CREATE, "bruger", (long long)*id, err);
}

ov_status ov_org_team_add_member(ov_tx *tx, int64_t team_id, int64_t user_id,
                                 ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    int64_t team_muni = 0, user_muni = 0;
    bool found;
    if (query_int(tx, Q_TEAM_MUNI, team_id, &team_muni, &found, err) !=
        OV_OK)
        return ov_tx_fail(tx, err);
    if (!found)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "team_id",
                                          "team_id: no team %lld",
                                          (long long)team_id), err));
    if (query_int(tx, Q_USER_MUNI, user_id, &user_muni, &found, err) !=
        OV_OK)
        return ov_tx_fail(tx, err);
    /* another municipality's user answers as one that does not exist */
    if (!found || user_muni != team_muni)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "user_id",
                                          "user_id: no user %lld",
                                          (long long)user_id), err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MEMBER_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, team_id);
    ov_stmt_bind_i64(s, 2, user_id);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return audit_org(tx, OV_ACT_UPDATE, "teammedlem tilføjet, team",
                     (long long)team_id, err);
}

ov_status ov_org_user_set_password(ov_tx *tx, int64_t user_id,
                                   const char *hash, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (!hash || strncmp(hash, "$argon2id$", 10) != 0)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "password",
                                          "password: not an Argon2id hash "
                                          "(a bug)"), err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_USER_PASSWORD, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_cstr(s, 2, hash);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (ov_conn_changes(tx->conn) == 0)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "user_id",
                                          "user_id: no user %lld",
                                          (long long)user_id), err));
    return audit_org(tx, OV_ACT_UPDATE, "adgangskode sat, bruger",
                     (long long)user_id, err);
}

ov_status ov_org_user_by_username(ov_tx *tx, ov_str username, ov_arena *a,
                                  ov_user *out, ov_err *err)
{
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_USER_BY_NAME, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_text(s, 1, username);
    ov_step r = ov_stmt_step(s, err);
    if (r != OV_STEP_ROW) {
        ov_stmt_release(s);
        if (r == OV_STEP_DONE)
            ov_err_set(err, OV_ENOTFOUND, "username", "username: no such user");
        return ov_tx_fail(tx, err);
    }
    out->id = ov_stmt_col_i64(s, 0);
    out->username = ov_stmt_col_text(s, 1, a);
    out->full_name = ov_stmt_col_text(s, 2, a);
    ov_str role = ov_stmt_col_text(s, 3, a);
    out->municipality_code = (int)ov_stmt_col_i64(s, 4);
    out->citizen_id = ov_stmt_col_i64(s, 5);
    out->company_id = ov_stmt_col_i64(s, 6);
    out->active = ov_stmt_col_i64(s, 7) != 0;
    ov_stmt_release(s);
    if (ov_role_parse(role, "role", &out->role, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

ov_status ov_org_company_create(ov_tx *tx, ov_str cvr_in, ov_str name,
                                int municipality_code, int postcode,
                                int64_t *id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    char cvr[OV_CVR_BUF];
    if (ov_cvr_parse(cvr_in, "cvr", cvr, err) != OV_OK ||
        ov_org_validate_name(name, "company_name", err) != OV_OK ||
        ov_municipality_require(tx, municipality_code, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (postcode && (postcode < 1000 || postcode > 9999))
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "postcode",
                                          "postcode: a Danish postcode has "
                                          "four digits (1000-9999)"), err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COMPANY_BY_CVR, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_cstr(s, 1, cvr);
    ov_stmt_bind_i64(s, 2, municipality_code);
    ov_step r = ov_stmt_step(s, err);
    int64_t existing = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (existing)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ECONFLICT, "cvr",
                                          "cvr: CVR %s is already registered "
                                          "in your municipality (company "
                                          "%lld)",
                                          cvr, (long long)existing), err));
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_COMPANY_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_cstr(s, 1, cvr);
    ov_stmt_bind_text(s, 2, ov_str_trim(name));
    ov_stmt_bind_i64(s, 3, municipality_code);
    if (postcode)
        ov_stmt_bind_i64(s, 4, postcode);
    else
        ov_stmt_bind_null(s, 4);
    ov_stmt_bind_cstr(s, 5, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    return audit_org(tx, OV_ACT_CREATE, "virksomhed", (long long)*id,
                     err);
}
