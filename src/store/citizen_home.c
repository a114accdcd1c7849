/*
 * citizen_home.c - the citizen's course, comments on the plan, the plan
 * version last seen and the team's contact details (citizen_home.h).
 *
 * Format: plan_comment (migration 18) holds course_id and version (a
 * reference to plan_version, so a comment names a version that exists),
 * agrees 0/1, the text, the author's log-in name and the time (UTC).
 * plan_seen holds per user and course the newest version shown; the
 * writes go through store/seen.c with the next write batch.
 *
 * Crash rules: a comment is one INSERT with its audit row in the
 * caller's write transaction: after a crash it is there with its row, or
 * neither. A seen version noted but not yet written is lost in a crash;
 * the page then says again what changed since the older version, which
 * is harmless.
 */
#include "store/citizen_home.h"

#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_HOME_COURSE[] =
    "SELECT id FROM course WHERE citizen_id = ?1 ORDER BY id DESC LIMIT 1";
static const char SQL_VERSION_EXISTS[] =
    "SELECT 1 FROM plan_version WHERE course_id = ?1 AND version = ?2";
static const char SQL_COMMENT_INSERT[] =
    "INSERT INTO plan_comment (course_id, version, agrees, text, "
    "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_COMMENTS[] =
    "SELECT c.id, c.version, c.agrees, c.text, c.created_by, "
    "coalesce(u.full_name, ''), coalesce(u.role, ''), c.created_at FROM "
    "plan_comment c LEFT JOIN app_user u ON u.username = c.created_by "
    "WHERE c.course_id = ?1 ORDER BY c.id DESC";
static const char SQL_SEEN[] =
    "SELECT version FROM plan_seen WHERE user_id = ?1 AND course_id = ?2";
static const char SQL_AUTHOR[] =
    "SELECT coalesce(u.full_name, ''), coalesce(u.role, '') FROM "
    "plan_version p LEFT JOIN app_user u ON u.username = p.created_by "
    "WHERE p.course_id = ?1 AND p.version = ?2";
static const char SQL_TEAM[] =
    "SELECT s.role, u.full_name, coalesce(u.phone, ''), "
    "coalesce(u.email, '') FROM course_staff s JOIN app_user u ON u.id = "
    "s.user_id WHERE s.course_id = ?1 ORDER BY CASE s.role WHEN "
    "'employment_caseworker' THEN 1 WHEN 'social_caseworker' THEN 2 WHEN "
    "'cti_worker' THEN 3 ELSE 4 END";

ov_status ov_citizen_home_course(ov_tx *tx, int64_t citizen_id,
                                 int64_t *course_id, ov_err *err)
{
    *course_id = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_HOME_COURSE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, citizen_id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *course_id = ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (!*course_id)
        return ov_err_msg(err, OV_ENOTFOUND, NULL, citizen_home_no_course);
    return OV_OK;
}

ov_status ov_plan_comment_add(ov_tx *tx, int64_t course_id, int version,
                              bool agrees, ov_str text, int64_t *id,
                              ov_err *err)
{
    *id = 0;
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    text = ov_str_trim(text);
    if (text.len == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "text",
                                          plan_comment_text_missing),
                               err));
    if (text.len > OV_PLAN_COMMENT_MAX)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "text",
                                          plan_comment_text_too_long,
                                          OV_PLAN_COMMENT_MAX),
                               err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_VERSION_EXISTS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_step r = ov_stmt_step(s, err);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r != OV_STEP_ROW)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "version",
                                          plan_comment_version_unknown,
                                          version),
                               err));
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_tx_now(tx), now);
    if (ov_stmt_prepare(tx->conn, SQL_COMMENT_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_stmt_bind_i64(s, 3, agrees ? 1 : 0);
    ov_stmt_bind_text(s, 4, text);
    ov_stmt_bind_cstr(s, 5, tx->actor->user);
    ov_stmt_bind_cstr(s, 6, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    return ov_audit_append(tx, OV_ACT_CREATE, h.citizen_id,
                           agrees ? "kommentar til plan"
                                  : "uenig i plan (kommentar)",
                           err);
}

static ov_status read_comment(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    ov_plan_comment *c = row;
    c->id = ov_stmt_col_i64(s, 0);
    c->version = (int)ov_stmt_col_i64(s, 1);
    c->agrees = ov_stmt_col_i64(s, 2) != 0;
    c->text = ov_stmt_col_text(s, 3, a);
    c->author_user = ov_stmt_col_text(s, 4, a);
    c->author_name = ov_stmt_col_text(s, 5, a);
    c->author_role = ov_stmt_col_text(s, 6, a);
    return ov_time_parse_utc(ov_stmt_col_text(s, 7, a), "created_at",
                             &c->created_at, err);
}

static const ov_list_query comments_q = {SQL_COMMENTS, NULL,
                                         sizeof(ov_plan_comment),
                                         ov_list_bind_id, NULL,
                                         read_comment};

ov_status ov_plan_comments(ov_tx *tx, int64_t course_id, int cap,
                           ov_arena *a, ov_plan_comment **out,
                           ov_list_info *li, ov_err *err)
{
    *out = NULL;
    memset(li, 0, sizeof *li);
    ov_course_head h;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK)
        return err->code;
    void *rows;
    if (ov_list_read(tx, &comments_q, &course_id, cap, a, &rows, li, err) !=
        OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "plankommentarer",
                           err);
}

ov_status ov_plan_seen_get(ov_tx *tx, int64_t user_id, int64_t course_id,
                           int *version, ov_err *err)
{
    *version = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SEEN, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_i64(s, 2, course_id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *version = (int)ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    /* a newer one noted by an earlier request, not yet written */
    int noted = tx->store->seen
                    ? ov_seen_plan_get(tx->store->seen, user_id, course_id)
                    : 0;
    if (noted > *version)
        *version = noted;
    return OV_OK;
}

void ov_plan_seen_note(ov_tx *tx, int64_t user_id, int64_t course_id,
                       int version)
{
    if (tx && tx->store->seen && version > 0)
        ov_seen_plan_note(tx->store->seen, user_id, course_id, version);
}

ov_status ov_plan_author(ov_tx *tx, int64_t course_id, int version,
                         ov_arena *a, ov_str *full_name, ov_str *role,
                         ov_err *err)
{
    *full_name = OV_STR_LIT("");
    *role = OV_STR_LIT("");
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_AUTHOR, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        *full_name = ov_stmt_col_text(s, 0, a);
        *role = ov_stmt_col_text(s, 1, a);
    }
    return ov_read_finish(tx, s, r, err);
}

ov_status ov_course_team_contacts(ov_tx *tx, int64_t course_id, ov_arena *a,
                                  ov_team_contact **out, int *n, ov_err *err)
{
    *out = NULL;
    *n = 0;
    ov_course_head h;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_TEAM, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_team_contact *rows = OV_NEW_N(a, ov_team_contact, 4);
    int k = 0;
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && k < 4) {
        ov_team_contact *t = &rows[k];
        if (ov_role_parse(ov_stmt_col_text(s, 0, a), "role", &t->role, err) !=
            OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        t->full_name = ov_stmt_col_text(s, 1, a);
        t->phone = ov_stmt_col_text(s, 2, a);
        t->email = ov_stmt_col_text(s, 3, a);
        k++;
    }
    if (ov_read_finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    *n = k;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "mit team", err);
}
