/*
 * calendar.c - calendar subscription tokens and the calendar's events
 * (calendar.h).
 *
 * Format: calendar_token (migration 14) holds user_id, the SHA-256 of the
 * 32 random bytes of the token, and when it was made. The token is hex
 * in the address; a malformed one is refused before any look-up.
 *
 * Crash rules: renewing is one statement (INSERT ... ON CONFLICT DO
 * UPDATE) with its audit row in the caller's write transaction, so after
 * a crash either the old address works or the new one, never both or
 * none; the new token is shown only after the commit returned.
 */
#include "store/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/due.h"
#include "store/audit.h"
#include "store/citizen_home.h"
#include "store/store_int.h"
#include "store/tasks.h"

static const char SQL_RENEW[] =
    "INSERT INTO calendar_token (user_id, token_hash, created_at) VALUES "
    "(?1, ?2, ?3) ON CONFLICT (user_id) DO UPDATE SET token_hash = "
    "excluded.token_hash, created_at = excluded.created_at";
static const char SQL_REVOKE[] =
    "DELETE FROM calendar_token WHERE user_id = ?1";
static const char SQL_INFO[] =
    "SELECT created_at FROM calendar_token WHERE user_id = ?1";
static const char SQL_OWNER[] =
    "SELECT u.id, u.role, coalesce(u.municipality_code, 0), "
    "coalesce(u.citizen_id, 0), coalesce(u.company_id, 0), u.username, "
    "u.full_name FROM calendar_token t JOIN app_user u ON u.id = t.user_id "
    "WHERE t.token_hash = ?1 AND u.active = 1";
static const char SQL_NAMES[] =
    "SELECT DISTINCT c.id, ci.full_name FROM course_staff s JOIN course c ON "
    "c.id = s.course_id JOIN citizen ci ON ci.id = c.citizen_id WHERE "
    "s.user_id = ?1 ORDER BY c.id";
static const char SQL_MEETINGS[] =
    "SELECT DISTINCT m.id, m.course_id, m.kind, m.held_on FROM meeting m "
    "JOIN course_staff s ON s.course_id = m.course_id WHERE s.user_id = ?1 "
    "AND m.held_on >= ?2 ORDER BY m.held_on DESC, m.id DESC LIMIT 5000";

static const char SQL_COURSE_MEETINGS[] =
    "SELECT m.id, m.kind, m.held_on FROM meeting m WHERE m.course_id = ?1 "
    "AND m.held_on >= ?2 ORDER BY m.held_on DESC, m.id DESC LIMIT 5000";

static const char *const kind_codes[OV_CAL_KIND_COUNT] = {
    "start_meeting", "followup_meeting", "followup_due", "agreement_review"};

const char *ov_cal_kind_code(ov_cal_kind k)
{
    return (unsigned)k < OV_CAL_KIND_COUNT ? kind_codes[k] : "?";
}

ov_status ov_calendar_token_renew(ov_tx *tx, int64_t user_id,
                                  char token[OV_CAL_TOKEN_HEX], ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    uint8_t raw[32], h[OV_HASH_BYTES];
    ov_random_bytes(raw, sizeof raw);
    ov_sha256(raw, sizeof raw, h);
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_RENEW, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_blob(s, 2, h, sizeof h);
    ov_stmt_bind_cstr(s, 3, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (ov_audit_append(tx, OV_ACT_UPDATE, 0, "kalenderadresse fornyet",
                        err) != OV_OK)
        return err->code;
    ov_hex_encode(raw, sizeof raw, token);
    return OV_OK;
}

ov_status ov_calendar_token_revoke(ov_tx *tx, int64_t user_id, bool *had,
                                   ov_err *err)
{
    *had = false;
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_REVOKE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *had = ov_conn_changes(tx->conn) > 0;
    return ov_audit_append(tx, OV_ACT_DELETE, 0,
                           "kalenderadresse tilbagekaldt", err);
}

ov_status ov_calendar_token_info(ov_tx *tx, int64_t user_id, bool *has,
                                 ov_time *since, ov_err *err)
{
    *has = false;
    *since = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_INFO, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(256);
        *has = true;
        st = ov_time_parse_utc(ov_stmt_col_text(s, 0, a), "created_at",
                               since, err);
        ov_arena_destroy(a);
    } else if (r == OV_STEP_ERROR) {
        st = err->code ? err->code : OV_EIO;
    }
    ov_stmt_release(s);
    return st;
}

ov_status ov_calendar_token_owner(ov_tx *tx, ov_str token, ov_cal_owner *out,
                                  ov_err *err)
{
    memset(out, 0, sizeof *out);
    uint8_t h[OV_HASH_BYTES];
    if (!ov_token_hash(token, h))
        return ov_err_msg(err, OV_ENOTFOUND, NULL, calendar_token_unknown);
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_OWNER, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_blob(s, 1, h, sizeof h);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(512);
        st = ov_viewer_read(s, 0, a, &out->viewer, err);
        ov_str u = ov_stmt_col_text(s, 5, a);
        snprintf(out->username, sizeof out->username, "%.*s", (int)u.len,
                 u.ptr);
        ov_str f = ov_stmt_col_text(s, 6, a);
        snprintf(out->full_name, sizeof out->full_name, "%.*s", (int)f.len,
                 f.ptr);
        ov_arena_destroy(a);
    } else if (r == OV_STEP_DONE) {
        st = ov_err_msg(err, OV_ENOTFOUND, NULL, calendar_token_unknown);
    } else {
        st = err->code ? err->code : OV_EIO;
    }
    ov_stmt_release(s);
    return st;
}

/* ---- the feed ---- */

typedef struct name_row {
    int64_t course_id;
    ov_str first;
} name_row;

/* The first name: up to the first blank ("Anne Marie Hansen" gives
 * "Anne"; a name without blanks is itself). */
static ov_str first_name(ov_str full)
{
    full = ov_str_trim(full);
    for (size_t i = 0; i < full.len; i++)
        if (full.ptr[i] == ' ')
            return (ov_str){full.ptr, i};
    return full;
}

static ov_str name_of(const name_row *names, int n, int64_t course_id)
{
    for (int i = 0; i < n; i++)
        if (names[i].course_id == course_id)
            return names[i].first;
    return OV_STR_NULL;
}

static void add(ov_arena *a, ov_cal_event **ev, size_t *cap, int *n,
                ov_cal_event e)
{
    if (*n >= OV_CAL_EVENTS_MAX)
        return;
    OV_GROW(a, *ev, *cap, (size_t)*n + 1);
    (*ev)[(*n)++] = e;
}

static int by_date(const void *x, const void *y)
{
    const ov_cal_event *a = x, *b = y;
    if (a->on != b->on)
        return a->on < b->on ? -1 : 1;
    if (a->course_id != b->course_id)
        return a->course_id < b->course_id ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->ref < b->ref ? -1 : a->ref > b->ref;
}

ov_status ov_calendar_events(ov_tx *tx, int64_t user_id, ov_date today,
                             int past_days, int ahead_days, ov_arena *a,
                             ov_cal_event **out, int *n, ov_err *err)
{
    *out = NULL;
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    /* the first names of the courses the user is named on */
    name_row *names = NULL;
    size_t ncap = 0;
    int nn = 0;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_NAMES, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        OV_GROW(a, names, ncap, (size_t)nn + 1);
        names[nn].course_id = ov_stmt_col_i64(s, 0);
        names[nn].first = first_name(ov_stmt_col_text(s, 1, a));
        nn++;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);

    ov_cal_event *ev = NULL;
    size_t cap = 0;
    int k = 0;
    /* meetings held */
    char from[OV_DATE_BUF];
    ov_date_format_iso(today - past_days, from);
    if (ov_stmt_prepare(tx->conn, SQL_MEETINGS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_cstr(s, 2, from);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        ov_cal_event e = {0};
        e.ref = ov_stmt_col_i64(s, 0);
        e.course_id = ov_stmt_col_i64(s, 1);
        e.kind = ov_str_eq_c(ov_stmt_col_text(s, 2, a), "start")
                     ? OV_CAL_START_MEETING
                     : OV_CAL_FOLLOWUP_MEETING;
        if (ov_col_date(s, 3, a, "held_on", &e.on, err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        e.first_name = name_of(names, nn, e.course_id);
        add(a, &ev, &cap, &k, e);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);

    /* follow-ups due and agreement reviews: the rules' own dates
     * (model/due.h), so the calendar and "Mine opgaver" agree */
    ov_task *tasks = NULL;
    int nt = 0;
    if (ov_tasks_for_user(tx, user_id, today, ahead_days, a, &tasks, &nt,
                          err) != OV_OK)
        return err->code;
    for (int i = 0; i < nt; i++) {
        ov_cal_event e = {0};
        if (tasks[i].kind == OV_TASK_FOLLOWUP)
            e.kind = OV_CAL_FOLLOWUP_DUE;
        else if (tasks[i].kind == OV_TASK_AGREEMENT_REVIEW)
            e.kind = OV_CAL_AGREEMENT_REVIEW;
        else
            continue;
        e.on = tasks[i].due;
        e.course_id = tasks[i].course_id;
        e.first_name = name_of(names, nn, e.course_id);
        add(a, &ev, &cap, &k, e);
    }
    if (k > 1)
        qsort(ev, (size_t)k, sizeof *ev, by_date);
    *out = ev;
    *n = k;
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "kalender: %d forløb", nn);
    return ov_audit_append(tx, OV_ACT_READ, 0, crit, err);
}

ov_status ov_calendar_events_citizen(ov_tx *tx, int64_t citizen_id,
                                     ov_date today, int past_days,
                                     int ahead_days, ov_arena *a,
                                     ov_cal_event **out, int *n,
                                     ov_err *err)
{
    *out = NULL;
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    int64_t course = 0;
    ov_status st = ov_citizen_home_course(tx, citizen_id, &course, err);
    if (st == OV_ENOTFOUND) {
        ov_err_clear(err);
        return ov_audit_append(tx, OV_ACT_READ, citizen_id, "min kalender",
                               err);
    }
    if (st != OV_OK)
        return st;
    ov_cal_event *ev = NULL;
    size_t cap = 0;
    int k = 0;
    char from[OV_DATE_BUF];
    ov_date_format_iso(today - past_days, from);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COURSE_MEETINGS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course);
    ov_stmt_bind_cstr(s, 2, from);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        ov_cal_event e = {0};
        e.ref = ov_stmt_col_i64(s, 0);
        e.course_id = course;
        e.kind = ov_str_eq_c(ov_stmt_col_text(s, 1, a), "start")
                     ? OV_CAL_START_MEETING
                     : OV_CAL_FOLLOWUP_MEETING;
        if (ov_col_date(s, 2, a, "held_on", &e.on, err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        add(a, &ev, &cap, &k, e);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    /* the rules' own dates (model/due.h), as the staff's calendar */
    ov_course_facts f;
    if (ov_course_facts_get(tx, course, today, &f, err) != OV_OK)
        return err->code;
    ov_task tasks[OV_TASKS_PER_COURSE];
    int nt = f.stage == OV_STAGE_ENDED
                 ? 0
                 : ov_due_tasks(&f, today, ahead_days, tasks,
                                OV_TASKS_PER_COURSE);
    for (int i = 0; i < nt; i++) {
        ov_cal_event e = {0};
        if (tasks[i].kind == OV_TASK_FOLLOWUP)
            e.kind = OV_CAL_FOLLOWUP_DUE;
        else if (tasks[i].kind == OV_TASK_AGREEMENT_REVIEW)
            e.kind = OV_CAL_AGREEMENT_REVIEW;
        else
            continue;
        e.on = tasks[i].due;
        e.course_id = course;
        add(a, &ev, &cap, &k, e);
    }
    if (k > 1)
        qsort(ev, (size_t)k, sizeof *ev, by_date);
    *out = ev;
    *n = k;
    return ov_audit_append(tx, OV_ACT_READ, citizen_id, "min kalender",
                           err);
}
