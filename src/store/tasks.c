#include "store/tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"

#include "model/cti.h"
#include "model/measure.h"
#include "store/audit.h"
#include "store/course.h"
#include "store/settings.h"
#include "store/store_int.h"

static const char SQL_START[] =
    "SELECT max(held_on) FROM meeting WHERE course_id = ?1 AND kind = "
    "'start' AND complete = 1";
static const char SQL_FOLLOWUP[] =
    "SELECT max(held_on) FROM meeting WHERE course_id = ?1 AND kind = "
    "'followup'";
static const char SQL_JOB_GOAL[] =
    "SELECT has_job_goal FROM plan_version WHERE course_id = ?1 ORDER BY "
    "version DESC LIMIT 1";
static const char SQL_WHO5[] =
    "SELECT taken_on FROM measurement WHERE course_id = ?1 AND instrument = "
    "'who5' ORDER BY taken_on";
static const char SQL_CTI[] =
    "SELECT months, start_on FROM cti_course WHERE course_id = ?1";
static const char SQL_PLACEMENT[] =
    "SELECT min(start_on) FROM placement WHERE course_id = ?1";
static const char SQL_REVIEW[] =
    "SELECT v.review_on FROM agreement_version v JOIN placement p ON p.id = "
    "v.placement_id WHERE p.course_id = ?1 ORDER BY p.id DESC, v.version "
    "DESC LIMIT 1";
/* The citizen's own answer to the course's newest proposal, until it is
 * acted on (model/due.h proposal_answered): a yes until a placement is
 * made after it, a no until a newer proposal (then it is not the newest). */
static const char SQL_ANSWER[] =
    "SELECT mp.answered_on, mp.citizen_agreed, c.name FROM match_proposal "
    "mp JOIN opening o ON o.id = mp.opening_id JOIN company c ON c.id = "
    "o.company_id WHERE mp.course_id = ?1 AND mp.answered_by = 'citizen' "
    "AND mp.id = (SELECT max(id) FROM match_proposal WHERE course_id = ?1) "
    "AND NOT (mp.citizen_agreed = 1 AND EXISTS (SELECT 1 FROM placement p "
    "WHERE p.course_id = ?1 AND substr(p.created_at, 1, 10) >= "
    "mp.answered_on))";
/* the open courses where ?1 is named staff, or (?2 = 1) of ?1's teams */
static const char SQL_MY_COURSES[] =
    "SELECT c.id, z.full_name, (SELECT max(p.id) FROM placement p WHERE "
    "p.course_id = c.id) FROM course c JOIN citizen z ON z.id = "
    "c.citizen_id WHERE c.ended_on IS NULL AND ?2 = 0 AND c.id IN (SELECT "
    "s.course_id FROM course_staff s WHERE s.user_id = ?1) UNION ALL "
    "SELECT c.id, z.full_name, (SELECT max(p.id) FROM placement p WHERE "
    "p.course_id = c.id) FROM team_member m CROSS JOIN course c ON "
    "c.team_id = m.team_id JOIN citizen z ON z.id = c.citizen_id WHERE "
    "m.user_id = ?1 AND ?2 = 1 AND c.ended_on IS NULL ORDER BY 1";

enum { Q_START, Q_FOLLOWUP, Q_PLACEMENT, Q_REVIEW };
static const char *const SQL_ONE_DATE[] = {SQL_START, SQL_FOLLOWUP,
                                           SQL_PLACEMENT, SQL_REVIEW};

/* A single date (or none) from a query bound to the course id. */
static ov_status one_date(ov_tx *tx, int which, int64_t course, bool *found,
                          ov_date *out, ov_err *err)
{
    *found = false;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_ONE_DATE[which], &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW && !ov_stmt_col_is_null(s, 0)) {
        ov_arena *a = ov_arena_new(128);
        st = ov_date_parse_iso(ov_stmt_col_text(s, 0, a), "date", out, err);
        ov_arena_destroy(a);
        *found = st == OV_OK;
    } else if (r == OV_STEP_ERROR) {
        st = err->code;
    }
    ov_stmt_release(s);
    return st;
}

/* The facts without the audit row (shared by both entry points). */
static ov_status facts(ov_tx *tx, int64_t course_id, ov_date today,
                       ov_course_facts *f, int64_t *citizen, ov_err *err)
{
    memset(f, 0, sizeof *f);
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK)
        return err->code;
    *citizen = h.citizen_id;
    ov_settings set;
    if (ov_settings_get(tx, h.municipality_code, &set, err) != OV_OK)
        return err->code;
    f->course_id = course_id;
    f->followup_interval_weeks = set.followup.interval_weeks;
    f->stage = h.stage;
    f->started_on = h.started_on;
    bool found;
    if (one_date(tx, Q_START, course_id, &f->has_start_meeting,
                 &f->start_meeting_on, err) != OV_OK ||
        one_date(tx, Q_FOLLOWUP, course_id, &f->has_followup,
                 &f->last_followup_on, err) != OV_OK ||
        one_date(tx, Q_REVIEW, course_id, &f->has_agreement_review,
                 &f->agreement_review_on, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_JOB_GOAL, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r = ov_stmt_step(s, err);
    f->plan_has_job_goal = r == OV_STEP_ROW && ov_stmt_col_i64(s, 0) != 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err->code;

    /* the citizen's answer to a proposal */
    if (ov_stmt_prepare(tx->conn, SQL_ANSWER, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        ov_arena *aa = ov_arena_new(256);
        ov_str co = ov_stmt_col_text(s, 2, aa);
        snprintf(f->citizen_answer_company, sizeof f->citizen_answer_company,
                 "%.*s", (int)co.len, co.ptr ? co.ptr : "");
        f->citizen_answer_yes = ov_stmt_col_i64(s, 1) != 0;
        f->has_citizen_answer =
            ov_date_parse_iso(ov_stmt_col_text(s, 0, aa), "answered_on",
                              &f->citizen_answer_on, err) == OV_OK;
        ov_arena_destroy(aa);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR || (r == OV_STEP_ROW && !f->has_citizen_answer))
        return err->code;

    /* WHO-5 schedule */
    if (ov_stmt_prepare(tx->conn, SQL_WHO5, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_date taken[64];
    int nt = 0;
    ov_arena *a = ov_arena_new(0);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && nt < 64)
        if (ov_date_parse_iso(ov_stmt_col_text(s, 0, a), "taken_on",
                              &taken[nt], err) == OV_OK)
            nt++;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR) {
        ov_arena_destroy(a);
        return err->code;
    }
    ov_measure_due md = ov_measure_next_due(f->started_on, false, 0, taken, nt,
                                            today, set.measure_tolerance_days);
    f->has_measurement_due = md.due;
    f->measurement_due_on = md.due_on;
    f->measurement_name = "WHO-5";

    /* CTI phases and alignment with the first placement */
    if (ov_stmt_prepare(tx->conn, SQL_CTI, &s, err) != OV_OK) {
        ov_arena_destroy(a);
        return err->code;
    }
    ov_stmt_bind_i64(s, 1, course_id);
    r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        int months = (int)ov_stmt_col_i64(s, 0);
        ov_date start;
        st = ov_date_parse_iso(ov_stmt_col_text(s, 1, a), "start_on", &start,
                               err);
        if (st == OV_OK) {
            ov_cti_course c;
            ov_cti_phases(start, months, &c);
            f->n_phase_changes = 2;
            f->phase_change_on[0] = c.phase_start[1];
            f->phase_change_on[1] = c.phase_start[2];
            ov_date pstart;
            ov_stmt_release(s);
            s = NULL;
            st = one_date(tx, Q_PLACEMENT, course_id, &found, &pstart, err);
            if (st == OV_OK && found) {
                ov_cti_rules rules = set.cti;
                ov_cti_facts cf = {true, pstart, 0};
                ov_cti_warning w[OV_CTI_WARNING_COUNT];
                int nw = ov_cti_check(&c, &rules, &cf, NULL, 0, today, w,
                                      OV_CTI_WARNING_COUNT);
                for (int i = 0; i < nw; i++)
                    if (w[i].code == OV_CTI_AFTER_PLACEMENT ||
                        w[i].code == OV_CTI_TOO_EARLY) {
                        f->cti_misaligned = true;
                        f->cti_start_on = start;
                    }
            }
        }
    } else if (r == OV_STEP_ERROR) {
        st = err->code;
    }
    if (s)
        ov_stmt_release(s);
    ov_arena_destroy(a);
    return st;
}

ov_status ov_course_facts_get(ov_tx *tx, int64_t course_id, ov_date today,
                              ov_course_facts *out, ov_err *err)
{
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    int64_t citizen;
    if (facts(tx, course_id, today, out, &citizen, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, citizen, "opgaver", err);
}

ov_status ov_course_next_due(ov_tx *tx, int64_t course_id, ov_date today,
                             bool *has, ov_date *due, ov_err *err)
{
    *has = false;
    ov_course_facts f;
    int64_t citizen;
    if (facts(tx, course_id, today, &f, &citizen, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_task t[OV_TASKS_PER_COURSE];
    /* every task to come, not only the next 14 days' */
    int n = ov_due_tasks(&f, today, 3660, t, OV_TASKS_PER_COURSE);
    for (int i = 0; i < n; i++)
        if (!*has || t[i].due < *due) {
            *has = true;
            *due = t[i].due;
        }
    return OV_OK;
}

ov_status ov_tasks_for_user(ov_tx *tx, int64_t user_id, ov_date today,
                            int window_days, ov_arena *a, ov_task **tasks,
                            int *n, ov_err *err)
{
    ov_task_course *courses;
    int nc;
    return ov_tasks_list(tx, user_id, false, today, window_days, a, tasks, n,
                         &courses, &nc, err);
}

ov_status ov_tasks_list(ov_tx *tx, int64_t user_id, bool team, ov_date today,
                        int window_days, ov_arena *a, ov_task **tasks, int *n,
                        ov_task_course **courses, int *ncourses, ov_err *err)
{
    *n = 0;
    *tasks = NULL;
    *courses = NULL;
    *ncourses = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MY_COURSES, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_stmt_bind_i64(s, 2, team);
    size_t room = 0, k = 0;
    ov_task_course *cs = ov_arena_grow(a, NULL, &room, 0, sizeof *cs);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        cs = ov_arena_grow(a, cs, &room, k + 1, sizeof *cs);
        cs[k].id = ov_stmt_col_i64(s, 0);
        cs[k].citizen_name = ov_stmt_col_text(s, 1, a);
        cs[k].placement_id = ov_stmt_col_i64(s, 2);
        k++;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    ov_task *out = ov_arena_alloc(a, (k + 1) * OV_TASKS_PER_COURSE *
                                         sizeof *out);
    int total = 0;
    for (size_t i = 0; i < k; i++) {
        ov_course_facts f;
        int64_t citizen;
        if (facts(tx, cs[i].id, today, &f, &citizen, err) != OV_OK)
            return ov_tx_fail(tx, err);
        total += ov_due_tasks(&f, today, window_days, out + total,
                              OV_TASKS_PER_COURSE);
    }
    ov_due_sort(out, total);
    *tasks = out;
    *n = total;
    *courses = cs;
    *ncourses = (int)k;
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "%s: %zu forløb",
             team ? "teamets opgaver" : "mine opgaver", k);
    return ov_audit_append(tx, OV_ACT_READ, 0, crit, err);
}

/* ---- the course list: sort, filters, pages (course.h) ----
 *
 * Here and not in course.c because sorting by the next task needs the
 * tasks, and course.c is below this file (docs/architecture.md, "Inside
 * src/store, files call each other one way"). */

static int cmp_start(const void *pa, const void *pb)
{
    const ov_case_item *a = pa, *b = pb;
    if (a->started_on != b->started_on)
        return a->started_on < b->started_on ? 1 : -1;
    return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

static int cmp_name(const void *pa, const void *pb)
{
    const ov_case_item *a = pa, *b = pb;
    int c = strcmp(a->sort_key.ptr, b->sort_key.ptr);
    return c ? c : cmp_start(pa, pb);
}

static int cmp_stage(const void *pa, const void *pb)
{
    const ov_case_item *a = pa, *b = pb;
    if (a->stage != b->stage)
        return a->stage < b->stage ? -1 : 1;
    return cmp_start(pa, pb);
}

static int cmp_due(const void *pa, const void *pb)
{
    const ov_case_item *a = pa, *b = pb;
    if (a->has_due != b->has_due)
        return a->has_due ? -1 : 1;
    if (a->has_due && a->next_due != b->next_due)
        return a->next_due < b->next_due ? -1 : 1;
    return cmp_start(pa, pb);
}

static int (*const sorts[OV_COURSE_SORT_COUNT])(const void *,
                                                  const void *) = {
    cmp_start, cmp_name, cmp_stage, cmp_due};

/* The next task's date of each open course in items[0..n). */
static ov_status next_dues(ov_tx *tx, ov_case_item *items, int n,
                           ov_date today, ov_err *err)
{
    for (int i = 0; i < n; i++)
        if (!items[i].ended &&
            ov_course_next_due(tx, items[i].id, today, &items[i].has_due,
                               &items[i].next_due, err) != OV_OK)
            return err->code;
    return OV_OK;
}

ov_status ov_course_list_page(ov_tx *tx, const ov_viewer *v,
                              const ov_course_filter *f, ov_arena *a,
                              ov_case_item **items, ov_list_info *li,
                              ov_err *err)
{
    *items = NULL;
    memset(li, 0, sizeof *li);
    int limit = f->limit > 0 && f->limit <= OV_COURSE_PAGE_MAX ? f->limit
                                                                : 50;
    int offset = f->offset > 0 ? f->offset : 0;
    ov_case_item *it;
    ov_list_info all;
    if (ov_course_list_rows(tx, v, f, a, &it, &all, err) != OV_OK)
        return err->code;
    int n = all.n;
    if (f->sort == OV_COURSE_SORT_DUE) {
        if (n > OV_COURSE_DUE_SORT_MAX)
            return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "sort",
                                              courses_due_too_many,
                                              OV_COURSE_DUE_SORT_MAX),
                                   err));
        if (next_dues(tx, it, n, f->today, err) != OV_OK)
            return err->code;
    }
    if (f->sort == OV_COURSE_SORT_NAME)
        for (int i = 0; i < n; i++) {
            char *key = ov_arena_alloc(a, it[i].citizen_name.len + 1);
            size_t kn = ov_fold(it[i].citizen_name, OV_FOLD_SPELL, key,
                                it[i].citizen_name.len + 1);
            it[i].sort_key = (ov_str){key, kn};
        }
    if (n > 1)
        qsort(it, (size_t)n, sizeof *it,
              sorts[(unsigned)f->sort < OV_COURSE_SORT_COUNT ? f->sort : 0]);
    if (offset > 0 && offset >= n) {
        int pages = n == 0 ? 1 : (n + limit - 1) / limit;
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "page",
                                          courses_page_range, pages),
                               err));
    }
    int shown = n - offset < limit ? n - offset : limit;
    *items = it + offset;
    li->n = shown;
    li->total = n;
    li->truncated = offset + shown < n;
    if (f->sort != OV_COURSE_SORT_DUE &&
        next_dues(tx, *items, shown, f->today, err) != OV_OK)
        return err->code;
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit, "sagsliste: %d forløb", li->n);
    return ov_audit_append(tx, OV_ACT_READ, 0, crit, err);
}
