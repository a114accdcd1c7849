#include "store/meeting.h"

#include <string.h>

#include "store/audit.h"
#include "store/course.h"
#include "store/store_int.h"

#define MEETING_TEXT_MAX 4000

static const char SQL_INSERT[] =
    "INSERT INTO meeting (course_id, kind, held_on, complete, notes, wishes, "
    "competences, plan_version, created_by, created_at, attendees) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char SQL_ATTENDEE[] =
    "INSERT INTO meeting_attendee (meeting_id, role) VALUES (?1, ?2)";
static const char SQL_ITEM[] =
    "INSERT INTO assessment_item (meeting_id, domain, own_words, resources, "
    "challenges, rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_START_DONE[] =
    "SELECT max(held_on) FROM meeting WHERE course_id = ?1 AND kind = "
    "'start' AND complete = 1";

static const char SQL_PLAN_VERSION[] =
    "SELECT count(*) FROM plan_version WHERE course_id = ?1 AND version = ?2";

/* A meeting may name a version of its own course's plan, and only one that
 * exists. */
static ov_status plan_version_exists(ov_tx *tx, int64_t course_id,
                                     int version, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PLAN_VERSION, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_step r = ov_stmt_step(s, err);
    int64_t n = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err->code;
    if (n == 0)
        return ov_err_msg(err, OV_ENOTFOUND, "plan_version",
                          meeting_plan_version_missing, version);
    return OV_OK;
}

static void bind_opt_text(ov_stmt *s, int idx, ov_str t)
{
    t = ov_str_trim(t);
    if (t.len)
        ov_stmt_bind_text(s, idx, t);
    else
        ov_stmt_bind_null(s, idx);
}

ov_status ov_meeting_start_done(ov_tx *tx, int64_t course_id, bool *found,
                                ov_date *on, ov_err *err)
{
    *found = false;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_START_DONE, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW && !ov_stmt_col_is_null(s, 0)) {
        ov_arena *a = ov_arena_new(256);
        st = ov_date_parse_iso(ov_stmt_col_text(s, 0, a), "held_on", on, err);
        ov_arena_destroy(a);
        *found = st == OV_OK;
    } else if (r == OV_STEP_ERROR) {
        st = err->code;
    }
    ov_stmt_release(s);
    return st;
}

ov_status ov_meeting_record(ov_tx *tx, int64_t course_id,
                            const ov_meeting_input *in,
                            const ov_life_domains *domains, ov_date today,
                            int64_t *id, bool *complete, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    int64_t citizen = h.citizen_id;
    ov_stage stage = h.stage;
    ov_date started = h.started_on;
    ov_stmt *s;
    ov_status st = OV_OK;

    /* validation: nothing is written unless all of it holds */
    if (stage == OV_STAGE_ENDED)
        st = ov_err_msg(err, OV_ECONFLICT, "course_id",
                        course_ended);
    else if (in->kind != OV_MEETING_START && in->kind != OV_MEETING_FOLLOWUP)
        st = ov_err_msg(err, OV_EINVAL, "kind", meeting_kind_choose);
    else if (in->held_on < started)
        st = ov_err_msg(err, OV_EINVAL, "held_on",
                        meeting_before_course);
    else if (in->held_on > today)
        st = ov_err_msg(err, OV_EINVAL, "held_on",
                        meeting_in_future);
    else if (in->attendees == 0)
        st = ov_err_msg(err, OV_EINVAL, "attendees",
                        meeting_attendees_none);
    if (st == OV_OK)
        st = ov_meeting_text_validate(in->notes, "notes", MEETING_TEXT_MAX,
                                      err);
    if (st == OV_OK)
        st = ov_meeting_text_validate(in->wishes, "wishes", MEETING_TEXT_MAX,
                                      err);
    if (st == OV_OK)
        st = ov_meeting_text_validate(in->competences, "competences",
                                      MEETING_TEXT_MAX, err);
    if (st == OV_OK && in->kind == OV_MEETING_FOLLOWUP && in->nitems > 0)
        st = ov_err_msg(err, OV_EINVAL, "assessment",
                        meeting_assessment_start_only);
    for (int i = 0; st == OV_OK && i < in->nitems; i++) {
        st = ov_assessment_item_validate(domains, &in->items[i], i, err);
        for (int j = 0; st == OV_OK && j < i; j++)
            if (ov_str_eq(in->items[i].domain, in->items[j].domain))
                st = ov_err_msg(err, OV_EINVAL, "assessment",
                                meeting_domain_twice, i,
                                ov_arg_strn(in->items[i].domain.ptr,
                                            in->items[i].domain.len));
    }
    if (st == OV_OK && in->plan_version != 0)
        st = plan_version_exists(tx, course_id, in->plan_version, err);
    bool started_done = false;
    ov_date start_on = 0;
    if (st == OV_OK && in->kind == OV_MEETING_FOLLOWUP) {
        st = ov_meeting_start_done(tx, course_id, &started_done, &start_on,
                                   err);
        if (st == OV_OK && !started_done)
            st = ov_err_msg(err, OV_EINVAL, "kind",
                            meeting_followup_needs_start);
        else if (st == OV_OK && in->held_on < start_on)
            st = ov_err_msg(err, OV_EINVAL, "held_on",
                            meeting_before_start_meeting);
    }
    if (st != OV_OK)
        return ov_tx_fail(tx, err);

    *complete = in->kind == OV_MEETING_START &&
                ov_start_meeting_missing(in->attendees) == 0;
    char d[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(in->held_on, d);
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, in->kind == OV_MEETING_START ? "start"
                                                         : "followup");
    ov_stmt_bind_cstr(s, 3, d);
    ov_stmt_bind_i64(s, 4, *complete);
    bind_opt_text(s, 5, in->notes);
    bind_opt_text(s, 6, in->wishes);
    bind_opt_text(s, 7, in->competences);
    if (in->plan_version > 0)
        ov_stmt_bind_i64(s, 8, in->plan_version);
    else
        ov_stmt_bind_null(s, 8);
    ov_stmt_bind_cstr(s, 9, tx->actor->user);
    ov_stmt_bind_cstr(s, 10, now);
    /* the attendees also as a bit set on the row (for the indicators) */
    ov_stmt_bind_i64(s, 11, in->attendees & ((1u << OV_ROLE_COUNT) - 1));
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    for (int r2 = 0; r2 < OV_ROLE_COUNT; r2++) {
        if (!ov_attendees_has(in->attendees, (ov_role)r2))
            continue;
        if (ov_stmt_prepare(tx->conn, SQL_ATTENDEE, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, *id);
        ov_stmt_bind_cstr(s, 2, ov_role_code((ov_role)r2));
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
    }
    for (int i = 0; i < in->nitems; i++) {
        const ov_assessment_item *it = &in->items[i];
        if (ov_stmt_prepare(tx->conn, SQL_ITEM, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, *id);
        ov_stmt_bind_text(s, 2, it->domain);
        ov_stmt_bind_text(s, 3, ov_str_trim(it->own_words));
        ov_stmt_bind_text(s, 4, ov_str_trim(it->resources));
        ov_stmt_bind_text(s, 5, ov_str_trim(it->challenges));
        if (it->rating >= 0)
            ov_stmt_bind_i64(s, 6, it->rating);
        else
            ov_stmt_bind_null(s, 6);
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
    }
    if (ov_audit_append(tx, OV_ACT_CREATE, citizen,
                        in->kind == OV_MEETING_START ? "opstartsmøde"
                                                     : "opfølgningsmøde",
                        err) != OV_OK)
        return err->code;
    if (*complete && stage < OV_STAGE_START)
        return ov_course_set_stage(tx, course_id, OV_STAGE_START, in->held_on,
                                   err);
    return OV_OK;
}

/* ---- reads for the pages and the API ---- */

/* the attendees come with their meeting, as "role,role,..." */
static const char SQL_MEETINGS[] =
    "SELECT id, kind, held_on, complete, notes, wishes, competences, "
    "coalesce(plan_version, 0), created_by, (SELECT group_concat(a.role, "
    "',') FROM meeting_attendee a WHERE a.meeting_id = meeting.id) "
    "FROM meeting WHERE course_id = ?1 ORDER BY held_on, id";
static const char SQL_ITEMS[] =
    "SELECT i.meeting_id, i.domain, i.own_words, i.resources, i.challenges, "
    "coalesce(i.rating, -1) FROM assessment_item i JOIN meeting m ON m.id = "
    "i.meeting_id WHERE m.course_id = ?1 ORDER BY i.meeting_id, i.rowid";

/* ---- meetings ---- */

static ov_status meeting_read(ov_stmt *s, ov_arena *a, void *row,
                              ov_err *err)
{
    ov_meeting_row *m = row;
    m->id = ov_stmt_col_i64(s, 0);
    ov_str kind = ov_stmt_col_text(s, 1, a);
    if (ov_str_eq_c(kind, "start"))
        m->kind = OV_MEETING_START;
    else if (ov_str_eq_c(kind, "followup"))
        m->kind = OV_MEETING_FOLLOWUP;
    else
        return ov_err_set(err, OV_ECORRUPT, NULL, "meeting %lld: unknown kind",
                          (long long)m->id);
    if (ov_col_date(s, 2, a, "held_on", &m->held_on, err) != OV_OK)
        return err->code;
    m->complete = ov_stmt_col_i64(s, 3) != 0;
    m->notes = ov_stmt_col_text(s, 4, a);
    m->wishes = ov_stmt_col_text(s, 5, a);
    m->competences = ov_stmt_col_text(s, 6, a);
    m->plan_version = (int)ov_stmt_col_i64(s, 7);
    m->created_by = ov_stmt_col_text(s, 8, a);
    ov_str roles = ov_stmt_col_text(s, 9, a);
    while (roles.len) {
        ov_str one;
        roles = ov_str_cut(roles, ',', &one);
        ov_role role;
        if (ov_role_parse(one, "role", &role, err) != OV_OK)
            return err->code;
        m->attendees |= OV_ATTEND(role);
    }
    return OV_OK;
}

static const ov_list_query MEETINGS = {
    .sql = SQL_MEETINGS, .row_size = sizeof(ov_meeting_row),
    .bind = ov_list_bind_id, .read = meeting_read};

ov_status ov_meeting_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                          ov_meeting_row **out, ov_list_info *li, ov_err *err)
{
    memset(li, 0, sizeof *li);
    *out = NULL;
    ov_course_head h;
    void *list;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK ||
        ov_list_read(tx, &MEETINGS, &course_id, 500, a, &list, li, err) !=
            OV_OK)
        return err->code;
    ov_meeting_row *rows = list;
    /* assessment items, attached by meeting id */
    ov_stmt *s;
    ov_step r;
    if (ov_stmt_prepare(tx->conn, SQL_ITEMS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        int64_t mid = ov_stmt_col_i64(s, 0);
        for (int i = 0; i < li->n; i++) {
            ov_meeting_row *m = &rows[i];
            if (m->id != mid)
                continue;
            if (!m->items)
                m->items = OV_NEW_N(a, ov_assessment_item, OV_DOMAINS_MAX);
            if (m->nitems >= OV_DOMAINS_MAX)
                break;
            ov_assessment_item *it = &m->items[m->nitems++];
            it->domain = ov_stmt_col_text(s, 1, a);
            it->own_words = ov_stmt_col_text(s, 2, a);
            it->resources = ov_stmt_col_text(s, 3, a);
            it->challenges = ov_stmt_col_text(s, 4, a);
            it->rating = (int)ov_stmt_col_i64(s, 5);
        }
    }
    if (ov_read_finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "møder", err);
}
