#include "store/indicators.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/settings.h"
#include "store/store_int.h"

/* The courses of a query, the same in every statement below: ?1 the
 * municipality, ?2 a team or 0, ?3 a staff member or 0, ?4 the period's
 * end (ISO). A literal, so every statement stays one constant string. */
#define IND_COURSES                                                          \
    "c.municipality_code = ?1 AND (?2 = 0 OR c.team_id = ?2) AND (?3 = 0 " \
    "OR c.id IN (SELECT x.course_id FROM course_staff x WHERE x.user_id = " \
    "?3)) AND c.stage <> 'screened' AND c.started_on <= ?4"

static const char SQL_COURSES[] =
    "SELECT c.id, c.citizen_id, c.team_id, c.started_on, c.ended_on, "
    "c.end_reason FROM course c WHERE " IND_COURSES " ORDER BY c.id";
/* The staff and the stage dates in queries of their own: six correlated
 * look-ups per course cost more than the two joins. */
static const char SQL_STAFF[] =
    "SELECT s.course_id, s.role, s.user_id FROM course_staff s JOIN course "
    "c ON c.id = s.course_id WHERE " IND_COURSES;
static const char SQL_STAGES[] =
    "SELECT h.course_id, h.stage = 'drawn', h.on_date FROM "
    "course_stage_history h JOIN course c ON c.id = h.course_id WHERE "
    "h.stage IN ('drawn', 'in_job') AND " IND_COURSES;
/* Who attended: the ov_attendees bit set the meeting row carries
 * (migration 10 filled it from meeting_attendee with these values, checked
 * against the enum below; store/meeting.c keeps it), read from the
 * covering index: looking up meeting_attendee for each meeting was a third
 * of the read. */
static const char SQL_MEETINGS[] =
    "SELECT m.course_id, m.kind = 'start', m.held_on, "
    "coalesce(m.plan_version, 0), m.attendees "
    "FROM meeting m JOIN course c ON c.id = m.course_id WHERE " IND_COURSES;
_Static_assert(OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) == 1 &&
                   OV_ATTEND(OV_ROLE_SOCIAL_CASEWORKER) == 2 &&
                   OV_ATTEND(OV_ROLE_CTI_WORKER) == 4 &&
                   OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT) == 8 &&
                   OV_ATTEND(OV_ROLE_CITIZEN) == 128,
               "migration 10 sums the ov_attendees bits by role");
static const char SQL_PLANS[] =
    "SELECT p.course_id, p.version, p.created_at, p.has_job_goal, "
    "p.with_citizen FROM plan_version p JOIN course c ON c.id = p.course_id "
    "WHERE " IND_COURSES;
/* Ordinary hours are possible: a flex or ordinary job, an agreed match
 * whose opening at the same company said now or later, or an agreement
 * version that plans ordinary hours (read_placements adds that one from
 * the versions, as they stood at the period's end). */
static const char SQL_PLACEMENTS[] =
    "SELECT p.course_id, p.type, p.start_on, p.end_on, p.id, "
    "p.type IN ('flex_job', 'ordinary_job') OR EXISTS (SELECT 1 FROM "
    "match_proposal mp JOIN opening o ON o.id = mp.opening_id WHERE "
    "mp.course_id = p.course_id AND mp.citizen_agreed = 1 AND o.company_id "
    "= p.company_id AND o.ordinary IN ('now', 'later')) "
    "FROM placement p JOIN course c ON c.id = p.course_id WHERE "
    IND_COURSES;
/* Every work agreement version with when it was saved and when its third
 * signature came (NULL: not signed by all three; the signers are the
 * primary key's, so three rows are the three of them), so each period
 * sees the agreement as it stood at its end. */
static const char SQL_AGREEMENTS[] =
    "SELECT p.course_id, v.placement_id, v.version, v.created_at, "
    "v.ordinary_hours_x10, (SELECT CASE WHEN count(*) = 3 THEN "
    "max(g.signed_at) END FROM agreement_signoff g WHERE g.placement_id = "
    "v.placement_id AND g.version = v.version) FROM agreement_version v "
    "JOIN placement p ON p.id = v.placement_id JOIN course c ON c.id = "
    "p.course_id WHERE " IND_COURSES;
static const char SQL_CTI[] =
    "SELECT t.course_id, t.start_on, t.months, t.interval1, t.interval2, "
    "t.interval3 FROM cti_course t JOIN course c ON c.id = t.course_id "
    "WHERE " IND_COURSES;
static const char SQL_CONTACTS[] =
    "SELECT k.course_id, k.on_date FROM cti_contact k JOIN course c ON c.id "
    "= k.course_id WHERE " IND_COURSES;
static const char SQL_EMPLOYMENT[] =
    "SELECT e.course_id, e.from_on, e.ordinary_hours_x10 FROM employment e "
    "JOIN course c ON c.id = e.course_id WHERE " IND_COURSES;
static const char SQL_WHO5[] =
    "SELECT m.course_id, m.taken_on, m.score FROM measurement m JOIN course "
    "c ON c.id = m.course_id WHERE m.instrument = 'who5' AND " IND_COURSES;
static const char SQL_TEAM_OF_MUNI[] =
    "SELECT count(*) FROM team WHERE id = ?1 AND municipality_code = ?2";
static const char SQL_ON_TEAM[] =
    "SELECT count(*) FROM team_member WHERE user_id = ?1 AND team_id = ?2";
static const char SQL_USER_OF_MUNI[] =
    "SELECT count(*) FROM app_user WHERE id = ?1 AND municipality_code = ?2";

/* The statements by job, so helpers take an index, never a string. */
enum { Q_COURSES, Q_MEETINGS, Q_PLANS, Q_PLACEMENTS, Q_CTI, Q_CONTACTS,
       Q_EMPLOYMENT, Q_WHO5, Q_STAFF, Q_STAGES, Q_AGREEMENTS };
static const char *const SQL_READ[] = {
    SQL_COURSES, SQL_MEETINGS,   SQL_PLANS, SQL_PLACEMENTS, SQL_CTI,
    SQL_CONTACTS, SQL_EMPLOYMENT, SQL_WHO5, SQL_STAFF,      SQL_STAGES,
    SQL_AGREEMENTS};
enum { C_TEAM_OF_MUNI, C_USER_OF_MUNI, C_ON_TEAM };
static const char *const SQL_COUNT[] = {SQL_TEAM_OF_MUNI, SQL_USER_OF_MUNI,
                                        SQL_ON_TEAM};

/* One read of the query's courses and what hangs on them. */
typedef struct reader {
    ov_tx *tx;
    const ov_ind_query *q;
    ov_arena *a;       /* the result */
    ov_arena *scratch; /* a row's text */
    ov_arena *work;    /* rows before grouping; gone after the read */
    ov_ind_facts *f;
    int64_t *citizen;  /* by course, for the drill-down's audit rows */
    int n;
    ov_err *err;
    /* meetings that followed up on a plan version: when it existed */
    struct plan_seen {
        int course, version;
        ov_date on;
    } *seen;
    size_t nseen, seen_cap;
    ov_ind_placement *placements; /* every course's, grouped by course */
} reader;

static ov_status prepare(reader *r, int which, ov_stmt **s)
{
    if (ov_stmt_prepare(r->tx->conn, SQL_READ[which], s, r->err) != OV_OK)
        return r->err->code;
    char to[OV_DATE_BUF];
    ov_date_format_iso(r->q->to, to);
    ov_stmt_bind_i64(*s, 1, r->q->municipality_code);
    ov_stmt_bind_i64(*s, 2, r->q->team_id);
    ov_stmt_bind_i64(*s, 3, r->q->staff_id);
    ov_stmt_bind_cstr(*s, 4, to);
    return OV_OK;
}

/* The index of a course in r->f (ids ascending), or -1. */
static int course_index(const reader *r, int64_t id)
{
    int lo = 0, hi = r->n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (r->f[mid].course_id == id)
            return mid;
        if (r->f[mid].course_id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static ov_date col_date_or_none(reader *r, ov_stmt *s, int col,
                                const char *what, ov_status *st)
{
    if (ov_stmt_col_is_null(s, col))
        return OV_IND_NO_DATE;
    ov_date d = OV_IND_NO_DATE;
    if (*st == OV_OK)
        *st = ov_col_date(s, col, r->scratch, what, &d, r->err);
    return d;
}

static ov_status read_courses(reader *r)
{
    ov_stmt *s;
    if (prepare(r, Q_COURSES, &s) != OV_OK)
        return r->err->code;
    size_t cap = 0, ccap = 0;
    ov_step step;
    ov_status st = OV_OK;
    while (st == OV_OK && (step = ov_stmt_step(s, r->err)) == OV_STEP_ROW) {
        ov_arena_reset(r->scratch);
        OV_GROW(r->a, r->f, cap, (size_t)r->n + 1);
        OV_GROW(r->a, r->citizen, ccap, (size_t)r->n + 1);
        ov_ind_facts *f = &r->f[r->n];
        memset(f, 0, sizeof *f);
        f->course_id = ov_stmt_col_i64(s, 0);
        r->citizen[r->n] = ov_stmt_col_i64(s, 1);
        f->municipality_code = r->q->municipality_code;
        f->team_id = ov_stmt_col_i64(s, 2);
        f->started_on = col_date_or_none(r, s, 3, "started_on", &st);
        f->ended_on = col_date_or_none(r, s, 4, "ended_on", &st);
        if (f->ended_on != OV_IND_NO_DATE && st == OV_OK)
            st = ov_end_reason_parse(ov_stmt_col_text(s, 5, r->scratch),
                                     &f->end_reason, r->err);
        f->drawn_on = f->in_job_on = OV_IND_NO_DATE;
        f->start_meeting_on = f->start_complete_on = OV_IND_NO_DATE;
        f->cti_start_on = OV_IND_NO_DATE;
        r->n++;
    }
    return st != OV_OK ? (ov_stmt_release(s), st)
                       : ov_read_finish(r->tx, s, step, r->err);
}

/* The staff named on each course, and the days it was drawn and reached
 * in_job. */
static ov_status read_staff_stages(reader *r)
{
    static const struct {
        const char *code;
        ov_ind_staff_role role;
    } roles[] = {{"employment_caseworker", OV_IND_EMPLOYMENT_CASEWORKER},
                 {"social_caseworker", OV_IND_SOCIAL_CASEWORKER},
                 {"cti_worker", OV_IND_CTI_WORKER},
                 {"company_consultant", OV_IND_COMPANY_CONSULTANT}};
    ov_stmt *s;
    if (prepare(r, Q_STAFF, &s) != OV_OK)
        return r->err->code;
    ov_step step;
    while ((step = ov_stmt_step(s, r->err)) == OV_STEP_ROW) {
        ov_arena_reset(r->scratch);
        int c = course_index(r, ov_stmt_col_i64(s, 0));
        ov_str role = ov_stmt_col_text(s, 1, r->scratch);
        for (size_t k = 0; c >= 0 && k < sizeof roles / sizeof roles[0]; k++)
            if (ov_str_eq_c(role, roles[k].code))
                r->f[c].staff[roles[k].role] = ov_stmt_col_i64(s, 2);
    }
    if (ov_read_finish(r->tx, s, step, r->err) != OV_OK)
        return r->err->code;
    if (prepare(r, Q_STAGES, &s) != OV_OK)
        return r->err->code;
    ov_status st = OV_OK;
    while (st == OV_OK && (step = ov_stmt_step(s, r->err)) == OV_STEP_ROW) {
        ov_arena_reset(r->scratch);
        int c = course_index(r, ov_stmt_col_i64(s, 0));
        if (c < 0)
            continue;
        ov_date d = col_date_or_none(r, s, 2, "on_date", &st);
        if (ov_stmt_col_i64(s, 1))
            r->f[c].drawn_on = d;
        else
            r->f[c].in_job_on = d;
    }
    return st != OV_OK ? (ov_stmt_release(s), st)
                       : ov_read_finish(r->tx, s, step, r->err);
}

/* Rows of one kind as the statement gave them (no ORDER BY: sorting 180,000
 * meetings in SQLite cost more than the rest of the read), each with its
 * course's index: grouped by course in O(n), then each course's few rows
 * sorted by `cmp`. Returns the grouped copy (in the result arena) and
 * *first, where course i's rows are [first[i], first[i + 1]). */
static void *group_by_course(reader *r, const void *rows, const int *ci,
                             size_t nrows, size_t size,
                             int (*cmp)(const void *, const void *),
                             int **first_out)
{
    int *first = OV_NEW_N(r->a, int, (size_t)r->n + 1);
    for (size_t i = 0; i < nrows; i++)
        first[ci[i] + 1]++;
    for (int i = 0; i < r->n; i++)
        first[i + 1] += first[i];
    int *at = OV_NEW_N(r->work, int, (size_t)r->n + 1);
    memcpy(at, first, ((size_t)r->n + 1) * sizeof *at);
    char *out = ov_arena_alloc(r->a, ov_size_mul(nrows + 1, size));
    for (size_t i = 0; i < nrows; i++)
        memcpy(out + (size_t)at[ci[i]]++ * size, (const char *)rows + i * size,
               size);
    for (int i = 0; i < r->n; i++)
        if (first[i + 1] - first[i] > 1)
            qsort(out + (size_t)first[i] * size,
                  (size_t)(first[i + 1] - first[i]), size, cmp);
    *first_out = first;
    return out;
}

static int by_date(const void *a, const void *b)
{
    ov_date x = *(const ov_date *)a, y = *(const ov_date *)b;
    return (x > y) - (x < y);
}
static int meeting_by_date(const void *a, const void *b)
{
    return by_date(&((const ov_ind_meeting *)a)->held_on,
                   &((const ov_ind_meeting *)b)->held_on);
}
static int plan_by_version(const void *a, const void *b)
{
    int x = ((const ov_ind_plan *)a)->version;
    int y = ((const ov_ind_plan *)b)->version;
    return (x > y) - (x < y);
}
static int placement_by_start(const void *a, const void *b)
{
    return by_date(&((const ov_ind_placement *)a)->start_on,
                   &((const ov_ind_placement *)b)->start_on);
}
static int employment_by_date(const void *a, const void *b)
{
    return by_date(&((const ov_ind_employment *)a)->from_on,
                   &((const ov_ind_employment *)b)->from_on);
}
static int score_by_date(const void *a, const void *b)
{
    return by_date(&((const ov_ind_score *)a)->on,
                   &((const ov_ind_score *)b)->on);
}

/* Start meetings (the first, and the first complete one) and follow-ups;
 * the plan versions meetings followed up on. */
/* One kind of child row of the courses (meetings, plans, placements, CTI
 * contacts, employment, WHO-5): run query `which`, let row() fill one
 * element of `size` bytes for course index c from the statement (false:
 * the row adds no element, as a start meeting, which row() records on the
 * course itself), then group the elements by course and sort each group
 * with cmp (group_by_course). */
typedef bool (*child_row)(reader *r, ov_stmt *s, int c, void *elem,
                          ov_status *st);

static ov_status read_children(reader *r, int which, size_t size,
                               child_row row,
                               int (*cmp)(const void *, const void *),
                               void **out, int **first)
{
    ov_stmt *s;
    if (prepare(r, which, &s) != OV_OK)
        return r->err->code;
    char *rows = NULL;
    int *ci = NULL;
    size_t cap = 0, cap2 = 0, n = 0;
    ov_step step;
    ov_status st = OV_OK;
    while (st == OV_OK && (step = ov_stmt_step(s, r->err)) == OV_STEP_ROW) {
        ov_arena_reset(r->scratch);
        int c = course_index(r, ov_stmt_col_i64(s, 0));
        if (c < 0)
            continue;
        rows = ov_arena_grow(r->work, rows, &cap, n + 1, size);
        memset(rows + n * size, 0, size);
        if (!row(r, s, c, rows + n * size, &st))
            continue;
        OV_GROW(r->work, ci, cap2, n + 1);
        ci[n++] = c;
    }
    if (st != OV_OK) {
        ov_stmt_release(s);
        return st;
    }
    if (ov_read_finish(r->tx, s, step, r->err) != OV_OK)
        return r->err->code;
    *out = group_by_course(r, rows, ci, n, size, cmp, first);
    return OV_OK;
}

/* A meeting: the first start meeting and the first complete one go on the
 * course; follow-ups become elements, and a meeting that names a plan
 * version is kept for read_plans (r->seen). */
static bool meeting_row(reader *r, ov_stmt *s, int c, void *elem,
                        ov_status *st)
{
    ov_ind_facts *f = &r->f[c];
    bool start = ov_stmt_col_i64(s, 1) != 0;
    ov_date on = col_date_or_none(r, s, 2, "held_on", st);
    int version = (int)ov_stmt_col_i64(s, 3);
    ov_attendees present = (ov_attendees)ov_stmt_col_i64(s, 4);
    if (version > 0) {
        OV_GROW(r->work, r->seen, r->seen_cap, r->nseen + 1);
        r->seen[r->nseen++] = (struct plan_seen){c, version, on};
    }
    if (start) {
        if (f->start_meeting_on == OV_IND_NO_DATE || on < f->start_meeting_on) {
            f->start_meeting_on = on;
            f->start_present = present;
        }
        if (ov_start_meeting_missing(present) == 0 &&
            (f->start_complete_on == OV_IND_NO_DATE ||
             on < f->start_complete_on))
            f->start_complete_on = on;
        return false;
    }
    *(ov_ind_meeting *)elem = (ov_ind_meeting){on, present};
    return true;
}

static ov_status read_meetings(reader *r)
{
    void *g;
    int *first;
    if (read_children(r, Q_MEETINGS, sizeof(ov_ind_meeting), meeting_row,
                      meeting_by_date, &g, &first) != OV_OK)
        return r->err->code;
    for (int i = 0; i < r->n; i++) {
        r->f[i].followups = (ov_ind_meeting *)g + first[i];
        r->f[i].nfollowups = first[i + 1] - first[i];
    }
    return OV_OK;
}

static bool plan_row(reader *r, ov_stmt *s, int c, void *elem, ov_status *st)
{
    (void)c;
    ov_time at = 0;
    *st = ov_time_parse_utc(ov_stmt_col_text(s, 2, r->scratch), "created_at",
                            &at, r->err);
    *(ov_ind_plan *)elem = (ov_ind_plan){(int)ov_stmt_col_i64(s, 1),
                                         ov_time_to_cph(at).date,
                                         ov_stmt_col_i64(s, 3) != 0,
                                         ov_stmt_col_i64(s, 4) != 0};
    return true;
}

static ov_status read_plans(reader *r)
{
    void *gv;
    int *first;
    if (read_children(r, Q_PLANS, sizeof(ov_ind_plan), plan_row,
                      plan_by_version, &gv, &first) != OV_OK)
        return r->err->code;
    ov_ind_plan *g = gv;
    for (int i = 0; i < r->n; i++) {
        r->f[i].plans = g + first[i];
        r->f[i].nplans = first[i + 1] - first[i];
    }
    /* A plan version existed no later than the first meeting that
     * followed up on it or on a later version (a plan typed in after the
     * meeting that made it). */
    for (size_t k = 0; k < r->nseen; k++) {
        const struct plan_seen *m = &r->seen[k];
        ov_ind_plan *mine = g + first[m->course];
        for (int i = 0; i < r->f[m->course].nplans; i++)
            if (mine[i].version <= m->version && m->on < mine[i].made_on)
                mine[i].made_on = m->on;
    }
    return OV_OK;
}

static bool placement_row(reader *r, ov_stmt *s, int c, void *elem,
                          ov_status *st)
{
    (void)c;
    ov_ind_placement *x = elem;
    *st = ov_placement_type_parse(ov_stmt_col_text(s, 1, r->scratch),
                                  &x->type, r->err);
    x->start_on = col_date_or_none(r, s, 2, "start_on", st);
    x->end_on = col_date_or_none(r, s, 3, "end_on", st);
    x->id = ov_stmt_col_i64(s, 4);
    x->ordinary_possible = ov_stmt_col_i64(s, 5) != 0;
    return true;
}

/* One agreement version, before it is hung on its placement. */
typedef struct agreement_row {
    int64_t placement_id;
    int version;
    ov_ind_agreement v;
} agreement_row;

static int agreement_by_version(const void *a, const void *b)
{
    const agreement_row *x = a, *y = b;
    if (x->placement_id != y->placement_id)
        return (x->placement_id > y->placement_id) -
               (x->placement_id < y->placement_id);
    return (x->version > y->version) - (x->version < y->version);
}

static bool agreement_row_read(reader *r, ov_stmt *s, int c, void *elem,
                               ov_status *st)
{
    (void)c;
    agreement_row *x = elem;
    x->placement_id = ov_stmt_col_i64(s, 1);
    x->version = (int)ov_stmt_col_i64(s, 2);
    ov_time at = 0;
    *st = ov_time_parse_utc(ov_stmt_col_text(s, 3, r->scratch), "created_at",
                            &at, r->err);
    x->v.made_on = ov_time_to_cph(at).date;
    x->v.ordinary_x10 = (int)ov_stmt_col_i64(s, 4);
    x->v.signed_on = OV_IND_NO_DATE;
    if (*st == OV_OK && !ov_stmt_col_is_null(s, 5)) {
        *st = ov_time_parse_utc(ov_stmt_col_text(s, 5, r->scratch),
                                "signed_at", &at, r->err);
        x->v.signed_on = ov_time_to_cph(at).date;
    }
    return true;
}

/* Hang each course's agreement versions on their placements and set the
 * placements' flags to how they stood at the end of the read's period. */
static ov_status read_agreements(reader *r)
{
    void *g;
    int *first;
    if (read_children(r, Q_AGREEMENTS, sizeof(agreement_row),
                      agreement_row_read, agreement_by_version, &g,
                      &first) != OV_OK)
        return r->err->code;
    const agreement_row *rows = g;
    for (int c = 0; c < r->n; c++) {
        ov_ind_placement *ps =
            r->placements + (r->f[c].placements - r->placements);
        for (int i = 0; i < r->f[c].nplacements; i++) {
            ov_ind_placement *p = &ps[i];
            int k = first[c], end = first[c + 1];
            while (k < end && rows[k].placement_id != p->id)
                k++;
            int n = 0;
            while (k + n < end && rows[k + n].placement_id == p->id)
                n++;
            if (n == 0)
                continue;
            ov_ind_agreement *v = OV_NEW_N(r->a, ov_ind_agreement, (size_t)n);
            for (int j = 0; j < n; j++) {
                v[j] = rows[k + j].v;
                if (v[j].made_on <= r->q->to && v[j].ordinary_x10 > 0)
                    p->ordinary_possible = true;
            }
            p->agreements = v;
            p->nagreements = n;
            ov_ind_placement_as_of(p, r->q->to);
        }
    }
    return OV_OK;
}

static ov_status read_placements(reader *r)
{
    void *g;
    int *first;
    if (read_children(r, Q_PLACEMENTS, sizeof(ov_ind_placement),
                      placement_row, placement_by_start, &g, &first) != OV_OK)
        return r->err->code;
    for (int i = 0; i < r->n; i++) {
        r->f[i].placements = (ov_ind_placement *)g + first[i];
        r->f[i].nplacements = first[i + 1] - first[i];
    }
    r->placements = g;
    return OV_OK;
}

static ov_status read_cti(reader *r)
{
    ov_stmt *s;
    if (prepare(r, Q_CTI, &s) != OV_OK)
        return r->err->code;
    ov_step step;
    ov_status st = OV_OK;
    while (st == OV_OK && (step = ov_stmt_step(s, r->err)) == OV_STEP_ROW) {
        ov_arena_reset(r->scratch);
        int c = course_index(r, ov_stmt_col_i64(s, 0));
        if (c < 0)
            continue;
        ov_ind_facts *f = &r->f[c];
        f->has_cti = true;
        f->cti_start_on = col_date_or_none(r, s, 1, "start_on", &st);
        f->cti_months = (int)ov_stmt_col_i64(s, 2);
        for (int k = 0; k < 3; k++)
            f->cti_interval_days[k] = (int)ov_stmt_col_i64(s, 3 + k);
    }
    return st != OV_OK ? (ov_stmt_release(s), st)
                       : ov_read_finish(r->tx, s, step, r->err);
}

static bool contact_row(reader *r, ov_stmt *s, int c, void *elem,
                        ov_status *st)
{
    (void)c;
    *(ov_date *)elem = col_date_or_none(r, s, 1, "on_date", st);
    return true;
}

static ov_status read_contacts(reader *r)
{
    void *g;
    int *first;
    if (read_children(r, Q_CONTACTS, sizeof(ov_date), contact_row, by_date,
                      &g, &first) != OV_OK)
        return r->err->code;
    for (int i = 0; i < r->n; i++) {
        r->f[i].contacts = (ov_date *)g + first[i];
        r->f[i].ncontacts = first[i + 1] - first[i];
    }
    return OV_OK;
}

static bool employment_row(reader *r, ov_stmt *s, int c, void *elem,
                           ov_status *st)
{
    (void)c;
    ov_ind_employment *e = elem;
    e->from_on = col_date_or_none(r, s, 1, "from_on", st);
    e->ordinary_x10 = (int)ov_stmt_col_i64(s, 2);
    return true;
}

static ov_status read_employment(reader *r)
{
    void *g;
    int *first;
    if (read_children(r, Q_EMPLOYMENT, sizeof(ov_ind_employment),
                      employment_row, employment_by_date, &g,
                      &first) != OV_OK)
        return r->err->code;
    for (int i = 0; i < r->n; i++) {
        r->f[i].employment = (ov_ind_employment *)g + first[i];
        r->f[i].nemployment = first[i + 1] - first[i];
    }
    return OV_OK;
}

static bool who5_row(reader *r, ov_stmt *s, int c, void *elem, ov_status *st)
{
    (void)c;
    ov_ind_score *w = elem;
    w->on = col_date_or_none(r, s, 1, "taken_on", st);
    w->score = (int)ov_stmt_col_i64(s, 2);
    return true;
}

static ov_status read_who5(reader *r)
{
    void *g;
    int *first;
    if (read_children(r, Q_WHO5, sizeof(ov_ind_score), who5_row,
                      score_by_date, &g, &first) != OV_OK)
        return r->err->code;
    for (int i = 0; i < r->n; i++) {
        r->f[i].who5 = (ov_ind_score *)g + first[i];
        r->f[i].nwho5 = first[i + 1] - first[i];
    }
    return OV_OK;
}

static ov_status count_is_one(ov_tx *tx, int which, int64_t id,
                              int64_t other, bool *yes, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COUNT[which], &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, id);
    ov_stmt_bind_i64(s, 2, other);
    ov_step r = ov_stmt_step(s, err);
    *yes = r == OV_STEP_ROW && ov_stmt_col_i64(s, 0) == 1;
    return ov_read_finish(tx, s, r, err);
}

ov_status ov_ind_query_check(ov_tx *tx, const ov_ind_query *q, ov_err *err)
{
    ov_err_clear(err);
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    if (ov_ind_period_validate(q->from, q->to, err) != OV_OK)
        return err->code;
    if (ov_municipality_require(tx, q->municipality_code, err) != OV_OK)
        return err->code;
    bool yes = true;
    if (q->team_id != 0 &&
        (count_is_one(tx, C_TEAM_OF_MUNI, q->team_id,
                      q->municipality_code, &yes, err) != OV_OK ||
         !yes))
        return err->code != OV_OK
                   ? err->code
                   : ov_err_msg(err, OV_ENOTFOUND, "team", ind_team_not_found,
                                (long long)q->team_id, q->municipality_code);
    if (q->staff_id != 0 &&
        (count_is_one(tx, C_USER_OF_MUNI, q->staff_id,
                      q->municipality_code, &yes, err) != OV_OK ||
         !yes))
        return err->code != OV_OK
                   ? err->code
                   : ov_err_msg(err, OV_ENOTFOUND, "staff",
                                ind_staff_not_found, (long long)q->staff_id,
                                q->municipality_code);
    return OV_OK;
}

ov_status ov_ind_on_team(ov_tx *tx, int64_t user_id, int64_t team_id,
                         bool *yes, ov_err *err)
{
    *yes = false;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    return count_is_one(tx, C_ON_TEAM, user_id, team_id, yes, err);
}

/* Read the facts without an audit row (the callers write theirs). */
static ov_status read_all(ov_tx *tx, const ov_ind_query *q, ov_arena *a,
                          reader *r, ov_err *err)
{
    memset(r, 0, sizeof *r);
    r->tx = tx;
    r->q = q;
    r->a = a;
    r->err = err;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (ov_ind_query_check(tx, q, err) != OV_OK)
        return err->code;
    r->scratch = ov_arena_new(1024);
    r->work = ov_arena_new(0);
    ov_status st = read_courses(r);
    if (st == OV_OK && r->n > 0)
        st = read_staff_stages(r);
    if (st == OV_OK && r->n > 0)
        st = read_meetings(r);
    if (st == OV_OK && r->n > 0)
        st = read_plans(r);
    if (st == OV_OK && r->n > 0)
        st = read_placements(r);
    if (st == OV_OK && r->n > 0)
        st = read_agreements(r);
    if (st == OV_OK && r->n > 0)
        st = read_cti(r);
    if (st == OV_OK && r->n > 0)
        st = read_contacts(r);
    if (st == OV_OK && r->n > 0)
        st = read_employment(r);
    if (st == OV_OK && r->n > 0)
        st = read_who5(r);
    ov_arena_destroy(r->scratch);
    ov_arena_destroy(r->work);
    r->scratch = r->work = NULL;
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

ov_status ov_ind_facts_read(ov_tx *tx, const ov_ind_query *q, ov_arena *a,
                            ov_ind_facts **out, int *n, ov_err *err)
{
    *out = NULL;
    *n = 0;
    reader r;
    if (read_all(tx, q, a, &r, err) != OV_OK)
        return err->code;
    *out = r.f;
    *n = r.n;
    char crit[OV_AUDIT_CRITERION_MAX], from[OV_DATE_BUF], to[OV_DATE_BUF];
    ov_date_format_iso(q->from, from);
    ov_date_format_iso(q->to, to);
    snprintf(crit, sizeof crit,
             "indikatorer: %d forløb, kommune %d, team %lld, medarbejder "
             "%lld, %s..%s",
             r.n, q->municipality_code, (long long)q->team_id,
             (long long)q->staff_id, from, to);
    return ov_audit_append(tx, OV_ACT_READ, 0, crit, err);
}

ov_status ov_ind_read(ov_tx *tx, const ov_ind_query *q,
                      ov_indicator out[OV_IND_COUNT], int *ncourses,
                      ov_err *err)
{
    ov_settings set;
    if (ov_settings_get(tx, q->municipality_code, &set, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(0);
    ov_ind_facts *f;
    int n;
    ov_status st = ov_ind_facts_read(tx, q, a, &f, &n, err);
    if (st == OV_OK) {
        ov_ind_context cx = ov_settings_ind_context(&set, q->from, q->to);
        ov_ind_compute(f, n, &cx, out);
        *ncourses = n;
    }
    ov_arena_destroy(a);
    return st;
}

ov_status ov_ind_drill(ov_tx *tx, const ov_ind_query *q, ov_ind_id id,
                       bool denominator, ov_arena *a,
                       ov_ind_course_ref **out, int *n, ov_err *err)
{
    *out = NULL;
    *n = 0;
    if ((unsigned)id >= OV_IND_COUNT)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "indicator",
                                          ind_unknown_id),
                               err));
    ov_settings set;
    if (ov_settings_get(tx, q->municipality_code, &set, err) != OV_OK)
        return err->code;
    ov_arena *work = ov_arena_new(0);
    reader r;
    ov_status st = read_all(tx, q, work, &r, err);
    if (st != OV_OK) {
        ov_arena_destroy(work);
        return st;
    }
    ov_ind_context cx = ov_settings_ind_context(&set, q->from, q->to);
    double *num = OV_NEW_N(work, double, (size_t)r.n + 1);
    double *den = OV_NEW_N(work, double, (size_t)r.n + 1);
    ov_ind_contributions(id, r.f, r.n, &cx, num, den);
    ov_ind_course_ref *list = NULL;
    size_t cap = 0;
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "indikator %s (%s)", ov_ind_code(id),
             denominator ? "nævner" : "tæller");
    for (int i = 0; i < r.n && st == OV_OK; i++) {
        double c = denominator ? den[i] : num[i];
        if (c == 0)
            continue;
        OV_GROW(a, list, cap, (size_t)*n + 1);
        list[*n] = (ov_ind_course_ref){r.f[i].course_id, c};
        (*n)++;
        st = ov_audit_append(tx, OV_ACT_READ, r.citizen[i], crit, err);
    }
    ov_arena_destroy(work);
    *out = list;
    return st;
}
