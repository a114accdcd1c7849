#include "store/plan.h"

#include <string.h>

#include "store/audit.h"
#include "store/course.h"
#include "store/store_int.h"

static const char SQL_LATEST[] =
    "SELECT coalesce(max(version), 0) FROM plan_version WHERE course_id = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO plan_version (course_id, version, content, has_job_goal, "
    "with_citizen, citizen_comment, summary, created_by, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_LOAD[] =
    "SELECT version, content, with_citizen, citizen_comment, summary, "
    "created_by, created_at FROM plan_version WHERE course_id = ?1 AND "
    "version = ?2";

/* The course's head and its latest plan version. */
static ov_status head(ov_tx *tx, int64_t course_id, ov_course_head *h,
                      int *latest, ov_err *err)
{
    if (ov_course_head_load(tx, course_id, h, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_LATEST, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r = ov_stmt_step(s, err);
    *latest = r == OV_STEP_ROW ? (int)ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    return r == OV_STEP_ROW ? OV_OK : err->code;
}

/* The stored form of one version, without audit: used by save (for the
 * diff) and load. */
static ov_status load_raw(ov_tx *tx, int64_t course_id, int version,
                          ov_arena *a, ov_plan *out, ov_plan_meta *meta,
                          ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_LOAD, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        meta->version = (int)ov_stmt_col_i64(s, 0);
        ov_str json = ov_stmt_col_text(s, 1, a);
        meta->with_citizen = ov_stmt_col_i64(s, 2) != 0;
        meta->citizen_comment = ov_stmt_col_text(s, 3, a);
        meta->summary = ov_stmt_col_text(s, 4, a);
        meta->created_by = ov_stmt_col_text(s, 5, a);
        ov_str at = ov_stmt_col_text(s, 6, a);
        st = ov_plan_from_json(json, a, out, err);
        if (st == OV_OK)
            st = ov_time_parse_utc(at, "created_at", &meta->created_at, err);
    } else if (r == OV_STEP_DONE) {
        st = ov_err_msg(err, OV_ENOTFOUND, "version", plan_version_missing,
                        version);
    } else {
        st = err->code;
    }
    ov_stmt_release(s);
    return st;
}

ov_status ov_plan_save(ov_tx *tx, int64_t course_id, int base_version,
                       const ov_plan *p, bool with_citizen,
                       ov_str citizen_comment, int *new_version, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    int latest = 0;
    if (head(tx, course_id, &h, &latest, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (h.stage == OV_STAGE_ENDED)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "course_id",
                                          course_ended),
                               err));
    /* a base that was never saved is not a conflict but a version that
     * does not exist */
    if (base_version > latest)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "base_version",
                                          plan_base_missing,
                                          base_version), err));
    if (ov_plan_check_base(latest, base_version, err) != OV_OK ||
        ov_plan_validate(p, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_str comment = ov_str_trim(citizen_comment);
    if (comment.len > 2000 || !ov_str_is_utf8(comment))
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "citizen_comment",
                                          plan_comment_too_long), err));
    ov_arena *a = ov_arena_new(0);
    ov_buf summary;
    ov_buf_init(&summary, a, 8000);
    if (latest == 0) {
        ov_buf_append_c(&summary, "Første version af planen");
    } else {
        ov_plan prev;
        ov_plan_meta pm;
        if (load_raw(tx, course_id, latest, a, &prev, &pm, err) != OV_OK) {
            ov_arena_destroy(a);
            return ov_tx_fail(tx, err);
        }
        ov_plan_change ch[20];
        int total = 0;
        int n = ov_plan_diff(&prev, p, ch, 20, &total);
        if (total == 0)
            ov_buf_append_c(&summary, "Ingen ændringer i indholdet");
        for (int i = 0; i < n; i++)
            ov_buf_printf(&summary, "%s%s", i ? "\n" : "", ch[i].text_da);
        if (total > n)
            ov_buf_printf(&summary, "\n… og %d ændringer mere", total - n);
    }
    ov_str json = ov_plan_to_json(p, a);
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err);
    if (st == OV_OK) {
        ov_stmt_bind_i64(s, 1, course_id);
        ov_stmt_bind_i64(s, 2, latest + 1);
        ov_stmt_bind_text(s, 3, json);
        ov_stmt_bind_i64(s, 4, ov_plan_has_job_goal(p));
        ov_stmt_bind_i64(s, 5, with_citizen);
        if (comment.len)
            ov_stmt_bind_text(s, 6, comment);
        else
            ov_stmt_bind_null(s, 6);
        ov_stmt_bind_text(s, 7, ov_buf_str(&summary));
        ov_stmt_bind_cstr(s, 8, tx->actor->user);
        ov_stmt_bind_cstr(s, 9, now);
        st = ov_stmt_run(s, err);
    }
    ov_arena_destroy(a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    *new_version = latest + 1;
    if (ov_audit_append(tx, OV_ACT_UPDATE, h.citizen_id, "plan", err) != OV_OK)
        return err->code;
    if (ov_plan_has_job_goal(p) && h.stage < OV_STAGE_PLAN)
        return ov_course_set_stage(tx, course_id, OV_STAGE_PLAN,
                                   ov_today_cph(), err);
    return OV_OK;
}

ov_status ov_plan_load(ov_tx *tx, int64_t course_id, int version,
                       ov_arena *a, ov_plan *out, ov_plan_meta *meta,
                       ov_err *err)
{
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    memset(out, 0, sizeof *out);
    memset(meta, 0, sizeof *meta);
    ov_course_head h;
    int latest = 0;
    if (head(tx, course_id, &h, &latest, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (version == 0)
        version = latest;
    if (version > 0 &&
        load_raw(tx, course_id, version, a, out, meta, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "plan", err);
}

ov_status ov_plan_changes_of(ov_tx *tx, int64_t course_id, int version,
                             ov_arena *a, ov_plan_changes *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    out->version = version;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_plan cur, prev;
    ov_plan_meta m;
    if (load_raw(tx, course_id, version, a, &cur, &m, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (version == 1) {
        out->first = true;
        return OV_OK;
    }
    if (load_raw(tx, course_id, version - 1, a, &prev, &m, err) != OV_OK)
        return ov_tx_fail(tx, err);
    out->ch = OV_NEW_N(a, ov_plan_change, OV_PLAN_CHANGES_CAP);
    out->n = ov_plan_diff(&prev, &cur, out->ch, OV_PLAN_CHANGES_CAP,
                          &out->total);
    return OV_OK;
}

/* ---- reads for the pages and the API ---- */

/* the author by name: the user's full name; an actor that is no user
 * (the command line, "cli:<unix user>") reads as "System" */
static const char SQL_PLAN_VERSIONS[] =
    "SELECT p.version, p.with_citizen, p.citizen_comment, p.summary, "
    "p.created_by, p.created_at, coalesce(u.full_name, CASE WHEN "
    "p.created_by LIKE 'cli:%' THEN 'System' ELSE p.created_by END) "
    "FROM plan_version p LEFT JOIN app_user u ON u.username = p.created_by "
    "WHERE p.course_id = ?1 ORDER BY p.version DESC";

/* ---- plan versions ---- */

static ov_status plan_meta_read(ov_stmt *s, ov_arena *a, void *row,
                                ov_err *err)
{
    ov_plan_meta *m = row;
    m->version = (int)ov_stmt_col_i64(s, 0);
    m->with_citizen = ov_stmt_col_i64(s, 1) != 0;
    m->citizen_comment = ov_stmt_col_text(s, 2, a);
    m->summary = ov_stmt_col_text(s, 3, a);
    m->created_by = ov_stmt_col_text(s, 4, a);
    m->author = ov_stmt_col_text(s, 6, a);
    return ov_time_parse_utc(ov_stmt_col_text(s, 5, a), "created_at",
                             &m->created_at, err);
}

static const ov_list_query PLAN_VERSIONS = {
    .sql = SQL_PLAN_VERSIONS, .row_size = sizeof(ov_plan_meta),
    .bind = ov_list_bind_id, .read = plan_meta_read};

ov_status ov_plan_versions(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_plan_meta **out, ov_list_info *li, ov_err *err)
{
    memset(li, 0, sizeof *li);
    *out = NULL;
    ov_course_head h;
    void *rows;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK ||
        ov_list_read(tx, &PLAN_VERSIONS, &course_id, 500, a, &rows, li,
                     err) != OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "planversioner",
                           err);
}
