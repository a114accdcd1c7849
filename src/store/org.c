#include "store/org.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cvr.h"
#include "core/crypto.h"
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

static const char SQL_ACTIVE_ADMINS[] =
    "SELECT count(*) FROM app_user WHERE municipality_code = ?1 AND "
    "role = 'administrator' AND active = 1";

/* Single-integer look-ups, by index so that SQL stays a constant. */
enum { Q_MUNI_EXISTS, Q_TEAM_MUNI, Q_USER_MUNI, Q_ACTIVE_ADMINS };
static const char *const SQL_INT_QUERY[] = {SQL_MUNI_EXISTS, SQL_TEAM_MUNI,
                                            SQL_USER_BY_ID,
                                            SQL_ACTIVE_ADMINS};

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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT,
                                          "municipality_code",
                                          org_municipality_exists,
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
        return ov_err_msg(err, OV_EINVAL, "municipality_code",
                          org_municipality_missing, code);
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
            ov_err_msg(err, OV_ECONFLICT, "team_name",
                       org_team_name_taken);
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "role",
                                          org_role_not_user), err));
    if (ov_role_has_municipality(in->role)) {
        if (ov_municipality_require(tx, in->municipality_code, err) != OV_OK)
            return ov_tx_fail(tx, err);
    } else if (in->municipality_code) {
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "municipality_code",
                                          org_analyst_no_municipality), err));
    }
    if ((in->role == OV_ROLE_CITIZEN) != (in->citizen_id != 0))
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "citizen_id",
                                          org_citizen_id_role), err));
    if ((in->role == OV_ROLE_EMPLOYER) != (in->company_id != 0))
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "company_id",
                                          org_company_id_role), err));
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
            ov_err_msg(err, OV_ECONFLICT, "username",
                       org_username_taken,
                       ov_arg_strn(in->username.ptr, in->username.len));
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "team_id",
                                          course_team_not_found,
                                          (long long)team_id), err));
    if (query_int(tx, Q_USER_MUNI, user_id, &user_muni, &found, err) !=
        OV_OK)
        return ov_tx_fail(tx, err);
    /* another municipality's user answers as one that does not exist */
    if (!found || user_muni != team_muni)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "user_id",
                                          course_user_not_found,
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "password",
                                          org_password_hash_bug), err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_USER_PASSWORD, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_cstr(s, 2, hash);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (ov_conn_changes(tx->conn) == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "user_id",
                                          course_user_not_found,
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
            ov_err_msg(err, OV_ENOTFOUND, "username", org_user_not_found);
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "postcode",
                                          org_postcode), err));
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
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "cvr",
                                          org_cvr_exists, cvr,
                                          (long long)existing), err));
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

/* ---- reads for the pages and the API ---- */

static const char SQL_COMPANIES[] =
    "SELECT id, cvr, name, municipality_code, coalesce(postcode, 0) FROM "
    "company WHERE municipality_code = ?1 ORDER BY name, id";
static const char SQL_COMPANY_ONE[] =
    "SELECT id, cvr, name, municipality_code, coalesce(postcode, 0) FROM "
    "company WHERE municipality_code = ?1 AND id = ?2";
static const char SQL_OPENINGS_OF[] =
    "SELECT o.id, o.tasks, o.occupation, o.hours_min, o.hours_max, "
    "o.accommodations, o.ordinary, o.shortage, o.active, o.company_id FROM "
    "opening o JOIN company c ON c.id = o.company_id WHERE "
    "c.municipality_code = ?1 AND (?2 = 0 OR c.id = ?2) ORDER BY o.id DESC";
/* sorted by name in C (member_cmp): a team is small, and SQLite's sorter
 * costs more than the query on every course page */
static const char SQL_MEMBERS[] =
    "SELECT u.id, u.role, u.full_name, coalesce(u.phone, ''), "
    "coalesce(u.email, '') FROM team_member m JOIN app_user u ON "
    "u.id = m.user_id WHERE m.team_id = ?1 AND u.active = 1";
static const char SQL_TEAMS[] =
    "SELECT id, name FROM team WHERE municipality_code = ?1 ORDER BY name, id";

/* ---- companies ---- */

typedef struct company_ix {
    int64_t id;
    int at;
} company_ix;

static int company_ix_cmp(const void *x, const void *y)
{
    int64_t a = ((const company_ix *)x)->id, b = ((const company_ix *)y)->id;
    return (a > b) - (a < b);
}

/* Attach the openings of the municipality's companies (one company when
 * company_id != 0), newest first. */
static ov_status openings_into(ov_tx *tx, int municipality_code,
                               int64_t company_id, ov_company_row *rows,
                               int n, ov_arena *a, ov_err *err)
{
    company_ix *ix = OV_NEW_N(a, company_ix, (size_t)n + 1);
    for (int i = 0; i < n; i++)
        ix[i] = (company_ix){rows[i].id, i};
    qsort(ix, (size_t)n, sizeof *ix, company_ix_cmp);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_OPENINGS_OF, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    ov_stmt_bind_i64(s, 2, company_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        company_ix key = {ov_stmt_col_i64(s, 9), 0};
        const company_ix *hit =
            bsearch(&key, ix, (size_t)n, sizeof *ix, company_ix_cmp);
        if (!hit)
            continue;
        ov_company_row *c = &rows[hit->at];
        /* capacity is the next power of two from 8 */
        int k = c->nopenings;
        if (k == 0) {
            c->openings = OV_NEW_N(a, ov_opening_row, 8);
        } else if (k >= 8 && (k & (k - 1)) == 0) {
            ov_opening_row *more = OV_NEW_N(a, ov_opening_row, 2 * (size_t)k);
            memcpy(more, c->openings, (size_t)k * sizeof *more);
            c->openings = more;
        }
        ov_opening_row *o = &c->openings[k];
        memset(o, 0, sizeof *o);
        o->o.id = ov_stmt_col_i64(s, 0);
        o->o.tasks = ov_stmt_col_text(s, 1, a);
        o->o.occupation = ov_stmt_col_text(s, 2, a);
        o->o.hours_min = (int)ov_stmt_col_i64(s, 3);
        o->o.hours_max = (int)ov_stmt_col_i64(s, 4);
        /* "code,code" as match.c writes it */
        ov_str acc = ov_stmt_col_text(s, 5, a);
        while (acc.ptr && acc.len) {
            ov_str one;
            acc = ov_str_cut(acc, ',', &one);
            ov_accommodation x;
            if (one.len && ov_accommodation_parse(one, &x, NULL) == OV_OK)
                o->o.accommodations |= OV_ACC_BIT(x);
        }
        if (ov_ordinary_hours_parse(ov_stmt_col_text(s, 6, a), &o->o.ordinary,
                                    err) != OV_OK)
            break;
        o->o.shortage = ov_stmt_col_i64(s, 7) != 0;
        o->active = ov_stmt_col_i64(s, 8) != 0;
        o->o.municipality_code = c->municipality_code;
        o->o.postcode = c->postcode;
        c->nopenings++;
    }
    return ov_read_finish(tx, s, r, err);
}

/* The companies of a municipality: by name, or the one with an id (the
 * same columns, so one reader serves the list and the get). */
typedef struct company_key {
    int64_t municipality_code, company_id;
    bool one; /* the company with company_id, else all of them */
} company_key;

static void company_bind(ov_stmt *s, const void *arg)
{
    const company_key *k = arg;
    ov_stmt_bind_i64(s, 1, k->municipality_code);
    if (k->one)
        ov_stmt_bind_i64(s, 2, k->company_id);
}

static ov_status company_read(ov_stmt *s, ov_arena *a, void *row,
                              ov_err *err)
{
    (void)err;
    ov_company_row *c = row;
    c->id = ov_stmt_col_i64(s, 0);
    c->cvr = ov_stmt_col_text(s, 1, a);
    c->name = ov_stmt_col_text(s, 2, a);
    c->municipality_code = (int)ov_stmt_col_i64(s, 3);
    c->postcode = (int)ov_stmt_col_i64(s, 4);
    return OV_OK;
}

static const ov_list_query COMPANIES = {
    .sql = SQL_COMPANIES, .row_size = sizeof(ov_company_row),
    .bind = company_bind, .read = company_read};
static const ov_list_query COMPANY_ONE = {
    .sql = SQL_COMPANY_ONE, .row_size = sizeof(ov_company_row),
    .bind = company_bind, .read = company_read};

/* The companies of k (at most cap), each with its openings. */
static ov_status companies(ov_tx *tx, const company_key *k, int cap,
                           ov_arena *a, ov_company_row **out,
                           ov_list_info *li, ov_err *err)
{
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    *out = NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    void *rows;
    if (ov_list_read(tx, k->one ? &COMPANY_ONE : &COMPANIES, k, cap, a,
                     &rows, li, err) != OV_OK ||
        (li->n > 0 &&
         openings_into(tx, (int)k->municipality_code, k->company_id, rows,
                       li->n, a, err) != OV_OK))
        return err->code;
    *out = rows;
    return OV_OK;
}

ov_status ov_company_list(ov_tx *tx, int municipality_code, ov_arena *a,
                          ov_company_row **out, ov_list_info *li, ov_err *err)
{
    company_key k = {municipality_code, 0, false};
    return companies(tx, &k, 2000, a, out, li, err);
}

ov_status ov_company_get(ov_tx *tx, int64_t company_id, int municipality_code,
                         ov_arena *a, ov_company_row *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    company_key k = {municipality_code, company_id, true};
    ov_company_row *rows;
    ov_list_info li;
    if (companies(tx, &k, 1, a, &rows, &li, err) != OV_OK)
        return err->code;
    if (li.n == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "company_id",
                                          org_company_not_found,
                                          (long long)company_id), err));
    *out = rows[0];
    return OV_OK;
}


/* ---- teams ---- */

/* As SQLite orders TEXT (bytes, then length), then by id. */
static int member_cmp(const void *x, const void *y)
{
    const ov_member_row *a = x, *b = y;
    size_t n = a->full_name.len < b->full_name.len ? a->full_name.len
                                                   : b->full_name.len;
    int c = n ? memcmp(a->full_name.ptr, b->full_name.ptr, n) : 0;
    if (c)
        return c;
    if (a->full_name.len != b->full_name.len)
        return a->full_name.len < b->full_name.len ? -1 : 1;
    return (a->user_id > b->user_id) - (a->user_id < b->user_id);
}

static ov_status member_read(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    ov_member_row *m = row;
    m->user_id = ov_stmt_col_i64(s, 0);
    if (ov_role_parse(ov_stmt_col_text(s, 1, a), "role", &m->role, err) !=
        OV_OK)
        return err->code;
    m->full_name = ov_stmt_col_text(s, 2, a);
    m->phone = ov_stmt_col_text(s, 3, a);
    m->email = ov_stmt_col_text(s, 4, a);
    return OV_OK;
}

static ov_status team_read(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    (void)err;
    ov_team_row *t = row;
    t->id = ov_stmt_col_i64(s, 0);
    t->name = ov_stmt_col_text(s, 1, a);
    return OV_OK;
}

static const ov_list_query MEMBERS = {
    .sql = SQL_MEMBERS, .row_size = sizeof(ov_member_row),
    .bind = ov_list_bind_id, .read = member_read};
static const ov_list_query TEAMS = {
    .sql = SQL_TEAMS, .row_size = sizeof(ov_team_row),
    .bind = ov_list_bind_id, .read = team_read};

/* A list of the organisation (no citizen data, no audit row). */
static ov_status org_list(ov_tx *tx, const ov_list_query *q, int64_t key,
                          int cap, ov_arena *a, void **rows,
                          ov_list_info *li, ov_err *err)
{
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    *rows = NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    return ov_list_read(tx, q, &key, cap, a, rows, li, err);
}

ov_status ov_team_members(ov_tx *tx, int64_t team_id, ov_arena *a,
                          ov_member_row **out, ov_list_info *li, ov_err *err)
{
    void *rows;
    *out = NULL;
    if (org_list(tx, &MEMBERS, team_id, 500, a, &rows, li, err) != OV_OK)
        return err->code;
    *out = rows;
    qsort(*out, (size_t)li->n, sizeof **out, member_cmp);
    return OV_OK;
}

ov_status ov_team_list(ov_tx *tx, int municipality_code, ov_arena *a,
                       ov_team_row **out, ov_list_info *li, ov_err *err)
{
    void *rows;
    *out = NULL;
    if (org_list(tx, &TEAMS, municipality_code, 200, a, &rows, li, err) !=
        OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}

/* ---- user administration ---- */

/* Staff only: citizens' and employer contacts' log-ins are not the
 * administrator's (model/user.h). */
static const char SQL_USERS[] =
    "SELECT u.id, u.username, u.full_name, u.role, coalesce(u.phone, ''), "
    "coalesce(u.email, ''), u.active, u.password_hash IS NOT NULL, "
    "coalesce((SELECT group_concat(name, ', ') FROM (SELECT t.name AS name "
    "FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.user_id = "
    "u.id ORDER BY t.name)), ''), "
    "coalesce((SELECT group_concat(team_id, ',') FROM (SELECT m.team_id AS "
    "team_id FROM team_member m WHERE m.user_id = u.id ORDER BY "
    "m.team_id)), ''), "
    "coalesce((SELECT CASE WHEN a.expires_ms > ?2 THEN 1 ELSE 2 END FROM "
    "activation_code a WHERE a.user_id = u.id), 0), "
    "(SELECT count(*) FROM course_staff s JOIN course c ON c.id = "
    "s.course_id WHERE s.user_id = u.id AND c.stage <> 'ended') "
    "FROM app_user u WHERE u.municipality_code = ?1 AND u.role NOT IN "
    "('citizen', 'employer') AND (?3 = 0 OR u.id = ?3) "
    "ORDER BY u.full_name, u.id";
static const char SQL_USER_CONTACT[] =
    "UPDATE app_user SET phone = nullif(?2, ''), email = nullif(?3, '') "
    "WHERE id = ?1";
static const char SQL_USER_UPDATE[] =
    "UPDATE app_user SET full_name = ?2, role = ?3 WHERE id = ?1";
static const char SQL_USER_DEACTIVATE[] =
    "UPDATE app_user SET active = 0 WHERE id = ?1";
static const char SQL_USER_REACTIVATE[] =
    "UPDATE app_user SET active = 1, password_hash = NULL WHERE id = ?1";
static const char SQL_SESSIONS_END[] = "DELETE FROM session WHERE user_id = ?1";
static const char SQL_CODE_DELETE[] =
    "DELETE FROM activation_code WHERE user_id = ?1";
static const char SQL_CODE_PUT[] =
    "INSERT OR REPLACE INTO activation_code (user_id, code_hash, "
    "expires_ms, issued_by, issued_at) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_CODE_OF[] =
    "SELECT a.code_hash, a.expires_ms FROM activation_code a JOIN app_user u "
    "ON u.id = a.user_id WHERE u.username = ?1 AND u.active = 1";
static const char SQL_MEMBERS_CLEAR[] =
    "DELETE FROM team_member WHERE user_id = ?1";
static const char SQL_MEMBER_DELETE[] =
    "DELETE FROM team_member WHERE team_id = ?1 AND user_id = ?2";
static const char SQL_TEAM_RENAME[] = "UPDATE team SET name = ?2 WHERE id = ?1";

typedef struct user_key {
    int64_t municipality_code;
    ov_time now;
    int64_t user_id; /* 0: all */
} user_key;

static void user_bind(ov_stmt *s, const void *arg)
{
    const user_key *k = arg;
    ov_stmt_bind_i64(s, 1, k->municipality_code);
    ov_stmt_bind_i64(s, 2, k->now);
    ov_stmt_bind_i64(s, 3, k->user_id);
}

static ov_status user_read(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    ov_user_row *u = row;
    u->id = ov_stmt_col_i64(s, 0);
    u->username = ov_stmt_col_text(s, 1, a);
    u->full_name = ov_stmt_col_text(s, 2, a);
    if (ov_role_parse(ov_stmt_col_text(s, 3, a), "role", &u->role, err) !=
        OV_OK)
        return err->code;
    u->phone = ov_stmt_col_text(s, 4, a);
    u->email = ov_stmt_col_text(s, 5, a);
    u->active = ov_stmt_col_i64(s, 6) != 0;
    u->has_password = ov_stmt_col_i64(s, 7) != 0;
    u->teams = ov_stmt_col_text(s, 8, a);
    u->team_ids = ov_stmt_col_text(s, 9, a);
    u->code = (ov_code_state)ov_stmt_col_i64(s, 10);
    u->open_courses = (int)ov_stmt_col_i64(s, 11);
    return OV_OK;
}

static const ov_list_query USERS = {
    .sql = SQL_USERS, .row_size = sizeof(ov_user_row), .bind = user_bind,
    .read = user_read};

ov_status ov_user_list(ov_tx *tx, int municipality_code, ov_time now,
                       ov_arena *a, ov_user_row **out, ov_list_info *li,
                       ov_err *err)
{
    user_key k = {municipality_code, now, 0};
    void *rows;
    *out = NULL;
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    if (ov_tx_check(tx, false, err) != OV_OK ||
        ov_list_read(tx, &USERS, &k, 2000, a, &rows, li, err) != OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}

ov_status ov_user_get(ov_tx *tx, int municipality_code, int64_t user_id,
                      ov_time now, ov_arena *a, ov_user_row *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    ov_err_clear(err);
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    user_key k = {municipality_code, now, user_id};
    void *rows;
    ov_list_info li;
    if (user_id <= 0)
        return ov_err_msg(err, OV_ENOTFOUND, "user_id", user_not_found,
                          (long long)user_id);
    if (ov_list_read(tx, &USERS, &k, 1, a, &rows, &li, err) != OV_OK)
        return err->code;
    if (li.n == 0)
        return ov_err_msg(err, OV_ENOTFOUND, "user_id", user_not_found,
                          (long long)user_id);
    *out = *(ov_user_row *)rows;
    return OV_OK;
}

/* Statements with an id and up to two more bound values, by index so
 * that SQL stays a constant. */
enum { R_CONTACT, R_MEMBERS_CLEAR, R_DEACTIVATE, R_SESSIONS_END,
       R_CODE_DELETE, R_TEAM_RENAME, R_REACTIVATE };
static const char *const SQL_RUN3[] = {
    SQL_USER_CONTACT, SQL_MEMBERS_CLEAR, SQL_USER_DEACTIVATE,
    SQL_SESSIONS_END, SQL_CODE_DELETE,   SQL_TEAM_RENAME,
    SQL_USER_REACTIVATE};

static ov_status run3(ov_tx *tx, int which, int64_t id, ov_str a, ov_str b,
                      int nstr, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_RUN3[which], &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, id);
    if (nstr > 0)
        ov_stmt_bind_text(s, 2, a);
    if (nstr > 1)
        ov_stmt_bind_text(s, 3, b);
    return ov_stmt_run(s, err);
}

ov_status ov_team_require(ov_tx *tx, int municipality_code, int64_t team_id,
                          ov_err *err)
{
    int64_t muni = 0;
    bool found = false;
    if (team_id > 0 &&
        query_int(tx, Q_TEAM_MUNI, team_id, &muni, &found, err) != OV_OK)
        return err->code;
    if (!found || muni != municipality_code)
        return ov_err_msg(err, OV_ENOTFOUND, "team_id", user_team_not_found,
                          (long long)team_id);
    return OV_OK;
}

/* Validate what an administrator gives (model/user.h) and that every
 * team is the municipality's. */
static ov_status admin_input_check(ov_tx *tx, int muni,
                                   const ov_user_admin_input *in, ov_err *err)
{
    if (ov_org_validate_name(in->full_name, "full_name", err) != OV_OK ||
        ov_user_validate_role_given(in->role, err) != OV_OK ||
        ov_user_validate_phone(in->phone, err) != OV_OK ||
        ov_user_validate_email(in->email, err) != OV_OK)
        return err->code;
    if (in->nteams < 0 || in->nteams > OV_USER_TEAMS_MAX)
        return ov_err_msg(err, OV_EINVAL, "team_ids", user_team_not_found,
                          0LL);
    for (int i = 0; i < in->nteams; i++)
        if (ov_team_require(tx, muni, in->team_ids[i], err) != OV_OK) {
            snprintf(err->field, sizeof err->field, "team_ids");
            return err->code;
        }
    return OV_OK;
}

/* Contact details and the team list (replacing the user's teams). */
ov_status ov_org_user_set_contact(ov_tx *tx, int64_t user_id, ov_str phone,
                                  ov_str email, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_user_validate_phone(ov_str_trim(phone), err) != OV_OK ||
        ov_user_validate_email(ov_str_trim(email), err) != OV_OK ||
        run3(tx, R_CONTACT, user_id, ov_str_trim(phone), ov_str_trim(email),
             2, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

static ov_status admin_details(ov_tx *tx, int64_t id,
                               const ov_user_admin_input *in, ov_err *err)
{
    if (run3(tx, R_CONTACT, id, ov_str_trim(in->phone),
             ov_str_trim(in->email), 2, err) != OV_OK ||
        run3(tx, R_MEMBERS_CLEAR, id, OV_STR_LIT(""), OV_STR_LIT(""), 0,
             err) != OV_OK)
        return err->code;
    for (int i = 0; i < in->nteams; i++) {
        ov_stmt *s;
        if (ov_stmt_prepare(tx->conn, SQL_MEMBER_INSERT, &s, err) != OV_OK)
            return err->code;
        ov_stmt_bind_i64(s, 1, in->team_ids[i]);
        ov_stmt_bind_i64(s, 2, id);
        if (ov_stmt_run(s, err) != OV_OK)
            return err->code;
    }
    return OV_OK;
}

static ov_status put_code(ov_tx *tx, int64_t user_id, ov_time now,
                          char code[OV_ACTIVATION_CODE_BUF], ov_err *err)
{
    char canon[OV_ACTIVATION_CODE_CHARS + 1];
    ov_activation_code_new(code);
    if (!ov_activation_code_canon(ov_str_c(code), canon))
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "an activation code that is not one (a bug)");
    uint8_t h[OV_HASH_BYTES];
    ov_sha256(canon, strlen(canon), h);
    char at[OV_TIME_BUF];
    ov_time_format_utc(now, at);
    const ov_actor *who = ov_tx_actor(tx);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CODE_PUT, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_blob(s, 2, h, sizeof h);
    ov_stmt_bind_i64(s, 3, now + (ov_time)OV_ACTIVATION_HOURS * 3600 * 1000);
    ov_stmt_bind_cstr(s, 4, who && who->user ? who->user : "?");
    ov_stmt_bind_cstr(s, 5, at);
    if (ov_stmt_run(s, err) != OV_OK)
        return err->code;
    return audit_org(tx, OV_ACT_CREATE, "aktiveringskode udstedt, bruger",
                     (long long)user_id, err);
}

ov_status ov_user_admin_create(ov_tx *tx, int municipality_code,
                               const ov_user_admin_input *in, ov_time now,
                               int64_t *id, char code[OV_ACTIVATION_CODE_BUF],
                               ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_org_validate_username(in->username, err) != OV_OK ||
        admin_input_check(tx, municipality_code, in, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_user_input ui = {in->username, in->full_name, in->role,
                        municipality_code, 0, 0};
    if (ov_org_user_create(tx, &ui, id, err) != OV_OK ||
        admin_details(tx, *id, in, err) != OV_OK ||
        put_code(tx, *id, now, code, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

/* The administrator rules of model/user.h for a change of `u` to
 * role_after/active_after by `self`, with the municipality's count of
 * active administrators read in the same transaction. */
static ov_status admin_change_check(ov_tx *tx, int municipality_code,
                                    const ov_user_row *u, int64_t self,
                                    ov_role role_after, bool active_after,
                                    ov_err *err)
{
    int64_t admins = 0;
    bool found = false;
    if (query_int(tx, Q_ACTIVE_ADMINS, municipality_code, &admins, &found,
                  err) != OV_OK)
        return err->code;
    ov_admin_change c = {self, u->id, u->role, role_after, u->active,
                         active_after, (int)admins};
    return ov_admin_change_check(&c, err);
}

ov_status ov_user_admin_update(ov_tx *tx, int municipality_code,
                               int64_t user_id, const ov_user_admin_input *in,
                               ov_err *err)
{
    return ov_user_admin_update_by(tx, municipality_code, user_id, 0, in,
                                   err);
}

ov_status ov_user_admin_update_by(ov_tx *tx, int municipality_code,
                                  int64_t user_id, int64_t self,
                                  const ov_user_admin_input *in, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(1024);
    ov_user_row old;
    ov_status st = ov_user_get(tx, municipality_code, user_id, 0, a, &old,
                               err);
    if (st == OV_OK)
        st = admin_input_check(tx, municipality_code, in, err);
    if (st == OV_OK)
        st = admin_change_check(tx, municipality_code, &old, self, in->role,
                                old.active, err);
    if (st == OV_OK) {
        ov_stmt *s;
        st = ov_stmt_prepare(tx->conn, SQL_USER_UPDATE, &s, err);
        if (st == OV_OK) {
            ov_stmt_bind_i64(s, 1, user_id);
            ov_stmt_bind_text(s, 2, ov_str_trim(in->full_name));
            ov_stmt_bind_cstr(s, 3, ov_role_code(in->role));
            st = ov_stmt_run(s, err);
        }
    }
    if (st == OV_OK)
        st = admin_details(tx, user_id, in, err);
    if (st == OV_OK) {
        /* the role change is what matters later: old and new in the row */
        char crit[OV_AUDIT_CRITERION_MAX];
        snprintf(crit, sizeof crit, "bruger %lld ændret, rolle %s -> %s",
                 (long long)user_id, ov_role_code(old.role),
                 ov_role_code(in->role));
        st = ov_audit_append(tx, OV_ACT_UPDATE, 0, crit, err);
    }
    ov_arena_destroy(a);
    return st == OV_OK ? OV_OK : ov_tx_fail(tx, err);
}

ov_status ov_user_deactivate(ov_tx *tx, int municipality_code,
                             int64_t user_id, int64_t self, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(1024);
    ov_user_row u;
    ov_status st = ov_user_get(tx, municipality_code, user_id, 0, a, &u, err);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    if (user_id == self)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "user_id",
                                          user_self_deactivate), err));
    if (admin_change_check(tx, municipality_code, &u, self, u.role, false,
                           err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_str none = OV_STR_LIT("");
    /* the sessions end in the same write: ov_session_get also refuses an
     * inactive user's session, so none outlives the commit */
    if (run3(tx, R_DEACTIVATE, user_id, none, none, 0, err) != OV_OK ||
        run3(tx, R_SESSIONS_END, user_id, none, none, 0, err) != OV_OK ||
        run3(tx, R_CODE_DELETE, user_id, none, none, 0, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return audit_org(tx, OV_ACT_UPDATE, "bruger deaktiveret, bruger",
                     (long long)user_id, err);
}

ov_status ov_user_reactivate(ov_tx *tx, int municipality_code,
                             int64_t user_id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(1024);
    ov_user_row u;
    ov_status st = ov_user_get(tx, municipality_code, user_id, 0, a, &u, err);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    if (u.active)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "user_id",
                                          user_already_active), err));
    /* the old password does not come back: whoever holds the account
     * now proves it with a new activation code */
    ov_str none = OV_STR_LIT("");
    if (run3(tx, R_REACTIVATE, user_id, none, none, 0, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return audit_org(tx, OV_ACT_UPDATE, "bruger genaktiveret, bruger",
                     (long long)user_id, err);
}

ov_status ov_user_issue_code(ov_tx *tx, int municipality_code,
                             int64_t user_id, ov_time now,
                             char code[OV_ACTIVATION_CODE_BUF], ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(1024);
    ov_user_row u;
    ov_status st = ov_user_get(tx, municipality_code, user_id, now, a, &u,
                               err);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    if (!u.active)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "user_id",
                                          user_inactive), err));
    if (put_code(tx, user_id, now, code, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

ov_status ov_user_activate(ov_tx *tx, ov_str username, ov_str code,
                           const char *password_hash, ov_time now,
                           ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    /* a code that cannot be one is compared against a hash of nothing,
     * so every wrong answer takes the same path */
    char canon[OV_ACTIVATION_CODE_CHARS + 1] = "";
    bool wellformed = ov_activation_code_canon(code, canon);
    uint8_t typed[OV_HASH_BYTES], stored[OV_HASH_BYTES];
    ov_sha256(canon, strlen(canon), typed);
    memset(stored, 0, sizeof stored);
    ov_time expires = 0;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CODE_OF, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_text(s, 1, username);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        size_t n = 0;
        const void *b = ov_stmt_col_blob(s, 0, &n);
        if (b && n == sizeof stored)
            memcpy(stored, b, n);
        expires = ov_stmt_col_i64(s, 1);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    bool same = ov_memeq_ct(typed, stored, sizeof typed);
    if (r != OV_STEP_ROW || !wellformed || !same || now >= expires)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, "activation_code",
                                          user_activation_wrong), err));
    ov_arena *a = ov_arena_new(512);
    ov_user u;
    ov_status st = ov_org_user_by_username(tx, username, a, &u, err);
    int64_t id = u.id;
    ov_arena_destroy(a);
    if (st != OV_OK)
        return err->code;
    ov_str none = OV_STR_LIT("");
    if (run3(tx, R_CODE_DELETE, id, none, none, 0, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_org_user_set_password(tx, id, password_hash, err);
}

ov_status ov_org_team_rename(ov_tx *tx, int municipality_code,
                             int64_t team_id, ov_str name, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_team_require(tx, municipality_code, team_id, err) != OV_OK ||
        ov_org_validate_team_name(name, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (run3(tx, R_TEAM_RENAME, team_id, ov_str_trim(name), OV_STR_LIT(""), 1,
             err) != OV_OK) {
        if (err->code == OV_ECONFLICT)
            ov_err_msg(err, OV_ECONFLICT, "team_name", org_team_name_taken);
        return ov_tx_fail(tx, err);
    }
    return audit_org(tx, OV_ACT_UPDATE, "team omdøbt, team",
                     (long long)team_id, err);
}

ov_status ov_org_team_member(ov_tx *tx, int municipality_code,
                             int64_t team_id, int64_t user_id, bool add,
                             ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (ov_team_require(tx, municipality_code, team_id, err) != OV_OK)
        return ov_tx_fail(tx, err);
    /* a staff member of the municipality (ov_user_get: no citizens or
     * employer contacts, nobody of another municipality) */
    ov_arena *a = ov_arena_new(1024);
    ov_user_row u;
    ov_status st = ov_user_get(tx, municipality_code, user_id, 0, a, &u, err);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    if (add)
        return ov_org_team_add_member(tx, team_id, user_id, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MEMBER_DELETE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, team_id);
    ov_stmt_bind_i64(s, 2, user_id);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return audit_org(tx, OV_ACT_UPDATE, "teammedlem fjernet, team",
                     (long long)team_id, err);
}
