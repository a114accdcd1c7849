/*
 * activity.c - the activity a municipality registered in a period, counted
 * for the running cost per citizen (store/activity.h, model/activity.h).
 *
 * Why here and why so: the economics (src/econ) prices what the team
 * actually did, and that is six counts over the frontline tables. Every
 * query is plain SQL that PostgreSQL runs as it is (no json_each, no
 * group_concat, no date functions, no WITHOUT ROWID): dates are ISO text,
 * so a period is a string comparison, and the one count that needs date
 * arithmetic (placement weeks) is done here in C from the placements'
 * dates. No row leaves with a citizen in it: the counts are aggregates,
 * so a plain read transaction (no actor, no audit row) may run them.
 *
 * What is counted (period inclusive, one municipality, the course's):
 *  - citizens: courses past `screened` (drawn, as the indicators count
 *    them) that started on or before the period's end and had not ended
 *    before its start;
 *  - meetings (start and follow-up) held in the period, and their staff by
 *    the roles of their attendees (the citizen and others are not staff);
 *  - CTI contacts in the period with their recorded minutes (the CTI
 *    worker);
 *  - placement weeks: for each placement, the ISO weeks (Monday to
 *    Sunday) with at least one day on which it was active within the
 *    period: on or after its start, on or before its end (and the course's
 *    end; an open placement of an ended course stops with the course);
 *    every type of placement counts (the company consultant follows each);
 *  - match proposals made in the period (the company consultant).
 */
#include "store/activity.h"

#include <stdio.h>
#include <string.h>

#include "model/meeting.h"
#include "store/store_int.h"

static const char SQL_MUNI[] =
    "SELECT count(*) FROM municipality WHERE code = ?1";
static const char SQL_MUNI_LIST[] =
    "SELECT code FROM municipality ORDER BY code";
/* ?1 municipality, ?2 the period's first day, ?3 its last (ISO text).
 * The courses are read from the index course_municipality_dates
 * (migration 25), with their stage and dates: no course row is read,
 * here or for the placements' course end. */
static const char SQL_CITIZENS[] =
    "SELECT count(*) FROM course c WHERE c.municipality_code = ?1 AND "
    "c.stage <> 'screened' AND c.started_on <= ?3 AND (c.ended_on IS NULL "
    "OR c.ended_on >= ?2)";
/* The meetings and their staff in one read of the covering index
 * meeting_course_kind (migration 10): who attended is the ov_attendees bit
 * set on the meeting row (store/meeting.c writes it with the
 * meeting_attendee rows; the indicators read it the same way), so each
 * (kind, attendees) group is counted once and its bits give the staff.
 * Joining meeting_attendee instead read 1.3 million rows and the meeting
 * table's pages for a year of a 24,000-citizen municipality
 * (docs/performance.md). The kinds are named so that the index's second
 * column is used: the schema allows no others. */
static const char SQL_MEETINGS[] =
    "SELECT m.kind, m.attendees, count(*) FROM meeting m JOIN course c ON "
    "c.id = m.course_id WHERE c.municipality_code = ?1 AND m.kind IN "
    "('start', 'followup') AND m.held_on >= ?2 AND m.held_on <= ?3 "
    "GROUP BY m.kind, m.attendees";
/* The minutes come from the index cti_contact_minutes (migration 25)
 * with the dates: no contact row is read. */
static const char SQL_CTI[] =
    "SELECT count(*), coalesce(sum(k.minutes), 0) FROM cti_contact k JOIN "
    "course c ON c.id = k.course_id WHERE c.municipality_code = ?1 AND "
    "k.on_date >= ?2 AND k.on_date <= ?3";
static const char SQL_PLACEMENTS[] =
    "SELECT p.start_on, p.end_on, c.ended_on FROM placement p JOIN course c "
    "ON c.id = p.course_id WHERE c.municipality_code = ?1 AND p.start_on "
    "<= ?3 AND (p.end_on IS NULL OR p.end_on >= ?2) AND (c.ended_on IS "
    "NULL OR c.ended_on >= ?2)";
static const char SQL_PROPOSALS[] =
    "SELECT count(*) FROM match_proposal mp JOIN course c ON c.id = "
    "mp.course_id WHERE c.municipality_code = ?1 AND mp.proposed_on >= ?2 "
    "AND mp.proposed_on <= ?3";

/* The statements of the period by job, so helpers take an index. */
enum { Q_CITIZENS, Q_MEETINGS, Q_CTI, Q_PLACEMENTS, Q_PROPOSALS };
static const char *const SQL_PERIOD[] = {SQL_CITIZENS, SQL_MEETINGS,
                                         SQL_CTI, SQL_PLACEMENTS,
                                         SQL_PROPOSALS};

typedef struct period_q {
    ov_tx *tx;
    int muni;
    char from[OV_DATE_BUF], to[OV_DATE_BUF];
    ov_arena *a; /* a row's text */
    ov_err *err;
} period_q;

static ov_status prepare(period_q *q, int which, ov_stmt **s)
{
    if (ov_stmt_prepare(q->tx->conn, SQL_PERIOD[which], s, q->err) != OV_OK)
        return q->err->code;
    ov_stmt_bind_i64(*s, 1, q->muni);
    ov_stmt_bind_cstr(*s, 2, q->from);
    ov_stmt_bind_cstr(*s, 3, q->to);
    return OV_OK;
}

/* A meeting kind of the schema ('start', 'followup'); -1 for none. */
static int meeting_kind(ov_str k)
{
    if (ov_str_eq_c(k, "start"))
        return OV_ACT_START_MEETING;
    if (ov_str_eq_c(k, "followup"))
        return OV_ACT_FOLLOWUP;
    return -1;
}

/* The staff roles of the meeting's ov_attendees bits, in the order of
 * ov_act_role; the citizen and anyone who is no frontline staff are not
 * counted. */
static const ov_role STAFF_ROLE[OV_ACT_ROLE_N] = {
    [OV_ACT_ROLE_JOB] = OV_ROLE_EMPLOYMENT_CASEWORKER,
    [OV_ACT_ROLE_SOCIAL] = OV_ROLE_SOCIAL_CASEWORKER,
    [OV_ACT_ROLE_CTI] = OV_ROLE_CTI_WORKER,
    [OV_ACT_ROLE_COMPANY] = OV_ROLE_COMPANY_CONSULTANT};

/* The Monday of d's ISO week. */
static ov_date monday_of(ov_date d)
{
    return d - (ov_date)(ov_date_weekday(d) - 1);
}

/* Weeks with at least one day in [a, b] (a <= b). */
static int64_t weeks_touched(ov_date a, ov_date b)
{
    return (int64_t)(monday_of(b) - monday_of(a)) / 7 + 1;
}

static ov_status read_meetings(period_q *q, ov_activity_summary *out)
{
    ov_stmt *s;
    if (prepare(q, Q_MEETINGS, &s) != OV_OK)
        return q->err->code;
    ov_step r;
    while ((r = ov_stmt_step(s, q->err)) == OV_STEP_ROW) {
        int k = meeting_kind(ov_stmt_col_text(s, 0, q->a));
        ov_attendees present = (ov_attendees)ov_stmt_col_i64(s, 1);
        int64_t n = ov_stmt_col_i64(s, 2);
        if (k < 0)
            continue;
        out->events[k] += n;
        for (int role = 0; role < OV_ACT_ROLE_N; role++)
            if (ov_attendees_has(present, STAFF_ROLE[role]))
                out->staff[k][role] += n;
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? q->err->code : OV_OK;
}

/* A date column; false when it is NULL. A date the store wrote is always
 * ISO; one that is not fails the read rather than count wrongly. */
static ov_status date_col(period_q *q, ov_stmt *s, int col, bool *has,
                          ov_date *out)
{
    *has = !ov_stmt_col_is_null(s, col);
    if (!*has)
        return OV_OK;
    ov_str t = ov_stmt_col_text(s, col, q->a);
    if (ov_date_parse_iso(t, "placement", out, q->err) != OV_OK)
        return ov_err_set(q->err, OV_ECORRUPT, "placement",
                          "placement: a stored date is not YYYY-MM-DD "
                          "('%.*s'); run overgang check",
                          (int)(t.len > 32 ? 32 : t.len), t.ptr);
    return OV_OK;
}

static ov_status read_placements(period_q *q, ov_date from, ov_date to,
                                 ov_activity_summary *out)
{
    ov_stmt *s;
    if (prepare(q, Q_PLACEMENTS, &s) != OV_OK)
        return q->err->code;
    ov_step r;
    ov_status st = OV_OK;
    while (st == OV_OK && (r = ov_stmt_step(s, q->err)) == OV_STEP_ROW) {
        bool has_start, has_end, has_course_end;
        ov_date start = 0, end = 0, course_end = 0;
        if ((st = date_col(q, s, 0, &has_start, &start)) != OV_OK ||
            (st = date_col(q, s, 1, &has_end, &end)) != OV_OK ||
            (st = date_col(q, s, 2, &has_course_end, &course_end)) != OV_OK)
            break;
        ov_date a = start > from ? start : from;
        ov_date b = to;
        if (has_end && end < b)
            b = end;
        if (has_course_end && course_end < b)
            b = course_end;
        if (has_start && a <= b)
            out->events[OV_ACT_PLACEMENT_WEEK] += weeks_touched(a, b);
    }
    ov_stmt_release(s);
    if (st != OV_OK)
        return st;
    if (r == OV_STEP_ERROR)
        return q->err->code;
    out->staff[OV_ACT_PLACEMENT_WEEK][OV_ACT_ROLE_COMPANY] =
        out->events[OV_ACT_PLACEMENT_WEEK];
    return OV_OK;
}

/* One row of whole numbers: cols of them into v. */
static ov_status read_counts(period_q *q, int which, int64_t *v, int cols)
{
    ov_stmt *s;
    if (prepare(q, which, &s) != OV_OK)
        return q->err->code;
    ov_step r = ov_stmt_step(s, q->err);
    if (r == OV_STEP_ROW)
        for (int i = 0; i < cols; i++)
            v[i] = ov_stmt_col_i64(s, i);
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? q->err->code : OV_OK;
}

/* OV_ENOTFOUND naming the municipalities the database has. */
static ov_status municipality_unknown(period_q *q)
{
    char codes[256] = "none";
    size_t len = 0;
    ov_stmt *s;
    if (ov_stmt_prepare(q->tx->conn, SQL_MUNI_LIST, &s, q->err) != OV_OK)
        return q->err->code;
    ov_step r;
    while ((r = ov_stmt_step(s, q->err)) == OV_STEP_ROW &&
           len + 16 < sizeof codes)
        len += (size_t)snprintf(codes + len, sizeof codes - len, "%s%lld",
                                len ? ", " : "",
                                (long long)ov_stmt_col_i64(s, 0));
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return q->err->code;
    return ov_err_msg(q->err, OV_ENOTFOUND, "municipality",
                      activity_municipality_unknown, q->muni, codes);
}

ov_status ov_store_activity_summary(ov_tx *tx, int municipality_code,
                                    ov_date from, ov_date to,
                                    ov_activity_summary *out, ov_err *err)
{
    ov_status st = ov_tx_check(tx, false, err);
    if (st != OV_OK)
        return st;
    memset(out, 0, sizeof *out);
    out->from = from;
    out->to = to;
    if (from > to) {
        char f[OV_DATE_BUF], t[OV_DATE_BUF];
        ov_date_format_iso(from, f);
        ov_date_format_iso(to, t);
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "from",
                                          activity_period, f, t),
                               err));
    }
    period_q q = {.tx = tx, .muni = municipality_code, .err = err};
    ov_date_format_iso(from, q.from);
    ov_date_format_iso(to, q.to);
    q.a = ov_arena_new(0);
    int64_t n[2] = {0, 0};
    ov_stmt *s;
    if ((st = ov_stmt_prepare(tx->conn, SQL_MUNI, &s, err)) == OV_OK) {
        ov_stmt_bind_i64(s, 1, municipality_code);
        ov_step r = ov_stmt_step(s, err);
        if (r == OV_STEP_ROW)
            n[0] = ov_stmt_col_i64(s, 0);
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            st = err->code;
        else if (n[0] == 0)
            st = municipality_unknown(&q);
    }
    if (st == OV_OK &&
        (st = read_counts(&q, Q_CITIZENS, n, 1)) == OV_OK)
        out->citizens = n[0];
    if (st == OV_OK)
        st = read_meetings(&q, out);
    if (st == OV_OK && (st = read_counts(&q, Q_CTI, n, 2)) == OV_OK) {
        out->events[OV_ACT_CTI_CONTACT] = n[0];
        out->staff[OV_ACT_CTI_CONTACT][OV_ACT_ROLE_CTI] = n[0];
        out->recorded_minutes[OV_ACT_CTI_CONTACT] = n[1];
    }
    if (st == OV_OK)
        st = read_placements(&q, from, to, out);
    if (st == OV_OK && (st = read_counts(&q, Q_PROPOSALS, n, 1)) == OV_OK) {
        out->events[OV_ACT_PROPOSAL] = n[0];
        out->staff[OV_ACT_PROPOSAL][OV_ACT_ROLE_COMPANY] = n[0];
    }
    ov_arena_destroy(q.a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}
