#include "store/course.h"

#include <stdio.h>
#include <string.h>

#include "model/org.h"
#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_OPEN_COURSE[] =
    "SELECT id FROM course WHERE citizen_id = ?1 AND ended_on IS NULL";
static const char SQL_CITIZEN_EXISTS[] =
    "SELECT count(*) FROM citizen WHERE id = ?1";
static const char SQL_TEAM[] =
    "SELECT municipality_code FROM team WHERE id = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO course (citizen_id, municipality_code, team_id, stage, "
    "started_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char SQL_HISTORY[] =
    "INSERT OR REPLACE INTO course_stage_history (course_id, stage, on_date, "
    "by_user) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_HEAD[] =
    "SELECT citizen_id, team_id, stage, started_on, municipality_code, "
    "anonymised_at IS NOT NULL FROM course WHERE id = ?1";
/* Only users of the course's municipality are found: another
 * municipality's user answers as one that does not exist (neither their
 * role nor their team may show through). */
static const char SQL_USER_FIT[] =
    "SELECT u.role, (SELECT count(*) FROM team_member m WHERE m.team_id = ?2 "
    "AND m.user_id = u.id), u.active FROM app_user u WHERE u.id = ?1 "
    "AND u.municipality_code = ?3";
static const char SQL_ASSIGN[] =
    "INSERT OR REPLACE INTO course_staff (course_id, role, user_id) "
    "VALUES (?1, ?2, ?3)";
static const char SQL_SET_STAGE[] =
    "UPDATE course SET stage = ?2, updated_at = ?3 WHERE id = ?1";
static const char SQL_END[] =
    "UPDATE course SET stage = 'ended', ended_on = ?2, end_reason = ?3, "
    "end_text = ?4, updated_at = ?5 WHERE id = ?1";
static const char SQL_GET[] =
    "SELECT citizen_id, municipality_code, team_id, stage, started_on, "
    "ended_on, end_reason, end_text FROM course WHERE id = ?1";
static const char SQL_STAFF[] =
    "SELECT s.role, s.user_id, u.full_name FROM course_staff s "
    "JOIN app_user u ON u.id = s.user_id WHERE s.course_id = ?1 "
    "ORDER BY s.role";
static const char SQL_STAGES[] =
    "SELECT stage, on_date FROM course_stage_history WHERE course_id = ?1";

static ov_status not_found(ov_err *err, int64_t id)
{
    return ov_err_msg(err, OV_ENOTFOUND, "course_id", course_not_found,
                      (long long)id);
}

ov_status ov_course_head_load(ov_tx *tx, int64_t id, ov_course_head *h,
                              ov_err *err)
{
    if (!tx->write && tx->head && tx->head_id == id) {
        *h = *tx->head;
        return OV_OK;
    }
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_HEAD, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, id);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(256);
        h->citizen_id = ov_stmt_col_i64(s, 0);
        h->team_id = ov_stmt_col_i64(s, 1);
        h->municipality_code = (int)ov_stmt_col_i64(s, 4);
        /* anonymised by retention (store/retention.h): nothing more is
         * written to it, or a new text would outlive the anonymisation */
        if (tx->write && ov_stmt_col_i64(s, 5) != 0)
            st = ov_err_msg(err, OV_ECONFLICT, "course_id",
                            retention_course_anonymised, (long long)id);
        if (st == OV_OK)
            st = ov_stage_parse(ov_stmt_col_text(s, 2, a), &h->stage, err);
        if (st == OV_OK)
            st = ov_date_parse_iso(ov_stmt_col_text(s, 3, a), "started_on",
                                   &h->started_on, err);
        ov_arena_destroy(a);
    } else if (r == OV_STEP_DONE) {
        st = not_found(err, id);
    } else {
        st = err->code;
    }
    ov_stmt_release(s);
    if (st == OV_OK && !tx->write) {
        tx->head_cache = *h;
        tx->head = &tx->head_cache;
        tx->head_id = id;
    }
    return st;
}

ov_status ov_course_head_open(ov_tx *tx, int64_t id, ov_course_head *h,
                              ov_err *err)
{
    ov_status st = ov_course_head_load(tx, id, h, err);
    if (st == OV_OK && h->stage == OV_STAGE_ENDED)
        st = ov_err_msg(err, OV_ECONFLICT, "course_id",
                        course_ended);
    return st;
}

static ov_status record_stage(ov_tx *tx, int64_t course_id, ov_stage stage,
                              ov_date on, ov_err *err)
{
    char d[OV_DATE_BUF];
    ov_date_format_iso(on, d);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_HISTORY, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_stage_code(stage));
    ov_stmt_bind_cstr(s, 3, d);
    ov_stmt_bind_cstr(s, 4, tx->actor->user);
    return ov_stmt_run(s, err);
}

ov_status ov_course_create(ov_tx *tx, int64_t citizen_id, int64_t team_id,
                           ov_stage stage, ov_date started_on, int64_t *id,
                           ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if ((unsigned)stage >= OV_STAGE_ENDED)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "stage",
                                          course_stage_new_open), err));
    ov_stmt *s;
    /* the citizen exists and has no open course */
    if (ov_stmt_prepare(tx->conn, SQL_CITIZEN_EXISTS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, citizen_id);
    ov_step r = ov_stmt_step(s, err);
    int64_t n = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (n == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "citizen_id",
                                          course_citizen_not_found,
                                          (long long)citizen_id), err));
    if (ov_stmt_prepare(tx->conn, SQL_OPEN_COURSE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, citizen_id);
    r = ov_stmt_step(s, err);
    int64_t open = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (open)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "citizen_id",
                                          course_citizen_has_open,
                                          (long long)open), err));
    if (ov_stmt_prepare(tx->conn, SQL_TEAM, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, team_id);
    r = ov_stmt_step(s, err);
    int64_t muni = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "team_id",
                                          course_team_not_found,
                                          (long long)team_id), err));
    char d[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(started_on, d);
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, citizen_id);
    ov_stmt_bind_i64(s, 2, muni);
    ov_stmt_bind_i64(s, 3, team_id);
    ov_stmt_bind_cstr(s, 4, ov_stage_code(stage));
    ov_stmt_bind_cstr(s, 5, d);
    ov_stmt_bind_cstr(s, 6, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    if (record_stage(tx, *id, stage, started_on, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_CREATE, citizen_id, "forløb oprettet",
                           err);
}

ov_status ov_course_assign(ov_tx *tx, int64_t course_id, ov_role role,
                           int64_t user_id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    if (!ov_role_is_frontline(role))
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "role",
                                          course_staff_role), err));
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (h.stage == OV_STAGE_ENDED)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "course_id",
                                          course_ended),
                               err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_USER_FIT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_i64(s, 2, h.team_id);
    ov_stmt_bind_i64(s, 3, h.municipality_code);
    ov_step r = ov_stmt_step(s, err);
    ov_arena *a = ov_arena_new(256);
    ov_str urole = OV_STR_NULL;
    int64_t member = 0, active = 0;
    if (r == OV_STEP_ROW) {
        urole = ov_stmt_col_text(s, 0, a);
        member = ov_stmt_col_i64(s, 1);
        active = ov_stmt_col_i64(s, 2);
    }
    ov_stmt_release(s);
    ov_status st = OV_OK;
    if (r == OV_STEP_ERROR)
        st = err->code;
    else if (r == OV_STEP_DONE)
        st = ov_err_msg(err, OV_ENOTFOUND, "user_id", course_user_not_found,
                        (long long)user_id);
    else if (!ov_str_eq_c(urole, ov_role_code(role)))
        st = ov_err_msg(err, OV_EINVAL, "user_id", course_user_wrong_role,
                        ov_arg_strn(urole.ptr, urole.len), ov_role_code(role));
    else if (!member)
        st = ov_err_msg(err, OV_EINVAL, "user_id", course_user_not_on_team);
    else if (!active)
        st = ov_err_msg(err, OV_EINVAL, "user_id", course_user_deactivated);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    if (ov_stmt_prepare(tx->conn, SQL_ASSIGN, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_role_code(role));
    ov_stmt_bind_i64(s, 3, user_id);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, h.citizen_id,
                           "forløbets medarbejdere", err);
}

ov_status ov_course_set_stage(ov_tx *tx, int64_t course_id, ov_stage stage,
                              ov_date on, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK ||
        ov_course_validate_stage_change(h.stage, stage, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (on < h.started_on)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "date",
                                          course_date_before_start),
                               err));
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SET_STAGE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_stage_code(stage));
    ov_stmt_bind_cstr(s, 3, now);
    if (ov_stmt_run(s, err) != OV_OK ||
        record_stage(tx, course_id, stage, on, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, h.citizen_id, "forløbets fase",
                           err);
}

ov_status ov_course_end(ov_tx *tx, int64_t course_id, ov_end_reason reason,
                        ov_str text, ov_date end, ov_date today, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK ||
        ov_course_validate_end(h.stage, h.started_on, end, today, reason,
                               text, err) != OV_OK)
        return ov_tx_fail(tx, err);
    char d[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(end, d);
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_END, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, d);
    ov_stmt_bind_cstr(s, 3, ov_end_reason_code(reason));
    ov_str t = ov_str_trim(text);
    if (t.len)
        ov_stmt_bind_text(s, 4, t);
    else
        ov_stmt_bind_null(s, 4);
    ov_stmt_bind_cstr(s, 5, now);
    if (ov_stmt_run(s, err) != OV_OK ||
        record_stage(tx, course_id, OV_STAGE_ENDED, end, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, h.citizen_id,
                           "forløb afsluttet", err);
}

ov_status ov_course_get(ov_tx *tx, int64_t id, ov_arena *a, ov_course *out,
                        ov_err *err)
{
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    memset(out, 0, sizeof *out);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_GET, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, id);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        out->id = id;
        out->citizen_id = ov_stmt_col_i64(s, 0);
        out->municipality_code = (int)ov_stmt_col_i64(s, 1);
        out->team_id = ov_stmt_col_i64(s, 2);
        st = ov_stage_parse(ov_stmt_col_text(s, 3, a), &out->stage, err);
        if (st == OV_OK)
            st = ov_date_parse_iso(ov_stmt_col_text(s, 4, a), "started_on",
                                   &out->started_on, err);
        if (st == OV_OK && !ov_stmt_col_is_null(s, 5)) {
            out->ended = true;
            st = ov_date_parse_iso(ov_stmt_col_text(s, 5, a), "ended_on",
                                   &out->ended_on, err);
            if (st == OV_OK)
                st = ov_end_reason_parse(ov_stmt_col_text(s, 6, a),
                                         &out->end_reason, err);
            out->end_text = ov_stmt_col_text(s, 7, a);
        }
    } else if (r == OV_STEP_DONE) {
        st = not_found(err, id);
    } else {
        st = err->code;
    }
    ov_stmt_release(s);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);

    if (ov_stmt_prepare(tx->conn, SQL_STAFF, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, id);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && out->nstaff < 4) {
        ov_course_staff *cs = &out->staff[out->nstaff];
        if (ov_role_parse(ov_stmt_col_text(s, 0, a), "role", &cs->role,
                          err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        cs->user_id = ov_stmt_col_i64(s, 1);
        cs->full_name = ov_stmt_col_text(s, 2, a);
        out->nstaff++;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);

    if (ov_stmt_prepare(tx->conn, SQL_STAGES, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, id);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        ov_stage stg;
        ov_date d;
        if (ov_stage_parse(ov_stmt_col_text(s, 0, a), &stg, err) != OV_OK ||
            ov_date_parse_iso(ov_stmt_col_text(s, 1, a), "on_date", &d,
                              err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        out->stage_reached[stg] = true;
        out->stage_dates[stg] = d;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, out->citizen_id, NULL, err);
}

/* Every list query binds ?1 (the user, or the citizen for their own),
 * ?2 (the municipality), ?3 (a stage code or NULL), ?4 (1: only courses
 * where ?5, the viewer, is named staff) and ?5; one that needs fewer
 * compares the rest to themselves. Column 7: the viewer is named staff. */
#define LIST_COLUMNS                                                       \
    "c.id, z.full_name, c.stage, c.municipality_code, c.citizen_id, "      \
    "c.started_on, c.ended_on, EXISTS (SELECT 1 FROM course_staff s "      \
    "WHERE s.course_id = c.id AND s.user_id = ?5) "
#define LIST_FILTERS                                                       \
    "AND (?3 IS NULL OR c.stage = ?3) AND (?4 = 0 OR EXISTS (SELECT 1 "    \
    "FROM course_staff s WHERE s.course_id = c.id AND s.user_id = ?5)) "
static const char SQL_LIST_TEAM[] =
    "SELECT " LIST_COLUMNS
    "FROM team_member m CROSS JOIN course c ON c.team_id = m.team_id "
    "JOIN citizen z ON z.id = c.citizen_id "
    "WHERE m.user_id = ?1 AND +c.municipality_code = ?2 " LIST_FILTERS
    "ORDER BY c.id DESC";
/* (CROSS JOIN: start from the user's teams, not from every course of the
 * municipality) */
static const char SQL_LIST_MUNI[] =
    "SELECT " LIST_COLUMNS
    "FROM course c JOIN citizen z ON z.id = c.citizen_id "
    "WHERE c.municipality_code = ?2 AND ?1 = ?1 " LIST_FILTERS
    "ORDER BY c.id DESC";
static const char SQL_LIST_OWN[] =
    "SELECT " LIST_COLUMNS
    "FROM course c JOIN citizen z ON z.id = c.citizen_id "
    "WHERE c.citizen_id = ?1 AND ?2 = ?2 " LIST_FILTERS
    "ORDER BY c.id DESC";
static const char SQL_SCOPE[] =
    "SELECT c.municipality_code, c.citizen_id, (SELECT count(*) FROM "
    "team_member m WHERE m.team_id = c.team_id AND m.user_id = ?2) FROM "
    "course c WHERE c.id = ?1";

enum { L_TEAM, L_MUNI, L_OWN };

/* The parameters of a course list and the rule it applies on every row. */
typedef struct course_list_key {
    const ov_viewer *v;
    int which;
    const ov_course_filter *f; /* NULL: every course */
} course_list_key;

static void course_list_bind(ov_stmt *s, const void *arg)
{
    const course_list_key *k = arg;
    ov_stmt_bind_i64(s, 1,
                     k->which == L_OWN ? k->v->citizen_id : k->v->user_id);
    ov_stmt_bind_i64(s, 2, k->v->municipality_code);
    if (k->f && k->f->has_stage)
        ov_stmt_bind_cstr(s, 3, ov_stage_code(k->f->stage));
    else
        ov_stmt_bind_null(s, 3);
    ov_stmt_bind_i64(s, 4, k->f && k->f->mine);
    ov_stmt_bind_i64(s, 5, k->v->user_id);
}

/* the rule itself, once more, on every row */
static bool course_list_want(ov_stmt *s, const void *arg)
{
    const course_list_key *k = arg;
    ov_course_scope sc = {(int)ov_stmt_col_i64(s, 3), ov_stmt_col_i64(s, 4),
                          k->which == L_TEAM};
    return ov_may_see_course(k->v, &sc);
}

static ov_status case_item_read(ov_stmt *s, ov_arena *a, void *row,
                                ov_err *err)
{
    ov_case_item *it = row;
    it->id = ov_stmt_col_i64(s, 0);
    it->citizen_name = ov_stmt_col_text(s, 1, a);
    it->ended = !ov_stmt_col_is_null(s, 6);
    it->mine = ov_stmt_col_i64(s, 7) != 0;
    if (ov_stage_parse(ov_stmt_col_text(s, 2, a), &it->stage, err) != OV_OK)
        return err->code;
    return ov_col_date(s, 5, a, "started_on", &it->started_on, err);
}

static const ov_list_query COURSE_LISTS[] = {
    [L_TEAM] = {.sql = SQL_LIST_TEAM, .row_size = sizeof(ov_case_item),
                .bind = course_list_bind, .want = course_list_want,
                .read = case_item_read},
    [L_MUNI] = {.sql = SQL_LIST_MUNI, .row_size = sizeof(ov_case_item),
                .bind = course_list_bind, .want = course_list_want,
                .read = case_item_read},
    [L_OWN] = {.sql = SQL_LIST_OWN, .row_size = sizeof(ov_case_item),
               .bind = course_list_bind, .want = course_list_want,
               .read = case_item_read},
};

/* Which list a viewer reads: their own, their municipality's, their
 * teams'. */
static int list_of(const ov_viewer *v)
{
    return v->role == OV_ROLE_CITIZEN ? L_OWN
           : (v->role == OV_ROLE_LEADER || v->role == OV_ROLE_ADMINISTRATOR)
               ? L_MUNI
               : L_TEAM;
}

ov_status ov_course_list_visible(ov_tx *tx, const ov_viewer *v, ov_arena *a,
                                 ov_case_item **items, ov_list_info *li,
                                 ov_err *err)
{
    *items = NULL;
    memset(li, 0, sizeof *li);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (!ov_may_list_courses(v))
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, NULL,
                                          course_list_no_persons), err));
    course_list_key k = {v, list_of(v), NULL};
    void *rows;
    if (ov_list_read(tx, &COURSE_LISTS[k.which], &k, 5000, a, &rows, li,
                     err) != OV_OK)
        return err->code;
    *items = rows;
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "sagsliste: %d forløb", li->n);
    return ov_audit_append(tx, OV_ACT_READ, 0, crit, err);
}

static const char *const sort_codes[OV_COURSE_SORT_COUNT] = {
    "start", "name", "stage", "due"};

const char *ov_course_sort_code(ov_course_sort s)
{
    return (unsigned)s < OV_COURSE_SORT_COUNT ? sort_codes[s] : "?";
}

ov_status ov_course_sort_parse(ov_str code, ov_course_sort *out, ov_err *err)
{
    for (int i = 0; i < OV_COURSE_SORT_COUNT; i++)
        if (ov_str_eq_c(code, sort_codes[i])) {
            *out = (ov_course_sort)i;
            return OV_OK;
        }
    char shown[32];
    snprintf(shown, sizeof shown, "%.*s", (int)(code.len < 24 ? code.len : 24),
             code.ptr ? code.ptr : "");
    return ov_err_msg(err, OV_EINVAL, "sort", courses_sort_unknown, shown);
}

ov_status ov_course_list_rows(ov_tx *tx, const ov_viewer *v,
                             const ov_course_filter *f, ov_arena *a,
                             ov_case_item **items, ov_list_info *li,
                             ov_err *err)
{
    *items = NULL;
    memset(li, 0, sizeof *li);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (!ov_may_list_courses(v))
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, NULL,
                                          course_list_no_persons), err));
    course_list_key k = {v, list_of(v), f};
    void *rows;
    if (ov_list_read(tx, &COURSE_LISTS[k.which], &k, INT32_MAX, a, &rows, li,
                     err) != OV_OK)
        return err->code;
    *items = rows;
    return OV_OK;
}

ov_status ov_course_check_visible(ov_tx *tx, const ov_viewer *v,
                                  int64_t course_id, ov_err *err)
{
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SCOPE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, v->user_id);
    ov_step r = ov_stmt_step(s, err);
    bool ok = false;
    if (r == OV_STEP_ROW) {
        ov_course_scope sc = {(int)ov_stmt_col_i64(s, 0),
                              ov_stmt_col_i64(s, 1),
                              ov_stmt_col_i64(s, 2) > 0};
        ok = ov_may_see_course(v, &sc);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (!ok)
        return ov_err_msg(err, OV_ENOTFOUND, "id", course_not_visible,
                          (long long)course_id);
    return OV_OK;
}

static const char SQL_PROPOSAL_COURSE[] =
    "SELECT course_id FROM match_proposal WHERE id = ?1";
static const char SQL_PLACEMENT_COURSE[] =
    "SELECT course_id FROM placement WHERE id = ?1";
static const char *const SQL_COURSE_OF[] = {SQL_PROPOSAL_COURSE,
                                            SQL_PLACEMENT_COURSE};


ov_status ov_course_of(ov_tx *tx, ov_course_of_kind which, int64_t id,
                       int64_t *course_id, const char *field,
                       const char *what, ov_err *err)
{
    ov_err_clear(err);
    *course_id = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COURSE_OF[which], &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *course_id = ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, field,
                                          course_record_not_found, field,
                                          what, (long long)id),
                               err));
    return OV_OK;
}
