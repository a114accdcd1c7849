/*
 * view.c - the reads the pages and the API need beyond the write modules.
 * Functions that return a citizen's data take a write transaction and
 * append their audit "read" row (audit.c merges one citizen's reads in one
 * transaction into one row, written before COMMIT, so a search of the log
 * never sees its own row). Organisation data (companies, teams, batch
 * counts) and the id look-ups run in read transactions too. Every list is
 * capped; a not-found answer fails the transaction like any other error.
 */
#include "store/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

/* the attendees come with their meeting, as "role,role,..." */
static const char SQL_MEETINGS[] =
    "SELECT id, kind, held_on, complete, notes, wishes, competences, "
    "coalesce(plan_version, 0), created_by, (SELECT group_concat(a.role, "
    "',') FROM meeting_attendee a WHERE a.meeting_id = meeting.id) "
    "FROM meeting WHERE course_id = ?1 ORDER BY held_on, id LIMIT 500";
static const char SQL_ITEMS[] =
    "SELECT i.meeting_id, i.domain, i.own_words, i.resources, i.challenges, "
    "coalesce(i.rating, -1) FROM assessment_item i JOIN meeting m ON m.id = "
    "i.meeting_id WHERE m.course_id = ?1 ORDER BY i.meeting_id, i.rowid";
static const char SQL_PLAN_VERSIONS[] =
    "SELECT version, with_citizen, citizen_comment, summary, created_by, "
    "created_at FROM plan_version WHERE course_id = ?1 ORDER BY version DESC "
    "LIMIT 500";
static const char SQL_PROPOSALS[] =
    "SELECT p.id, p.opening_id, c.id, c.name, o.tasks, p.score, "
    "p.proposed_by, p.proposed_on, p.citizen_agreed, p.answered_on FROM "
    "match_proposal p JOIN opening o ON o.id = p.opening_id JOIN company c "
    "ON c.id = o.company_id WHERE p.course_id = ?1 ORDER BY p.id DESC "
    "LIMIT 200";
static const char SQL_PROPOSAL_COURSE[] =
    "SELECT course_id FROM match_proposal WHERE id = ?1";
static const char SQL_PLACEMENT_COURSE[] =
    "SELECT course_id FROM placement WHERE id = ?1";
static const char SQL_PLACEMENTS[] =
    "SELECT p.id, p.course_id, co.citizen_id, ci.full_name, p.type, "
    "p.company_id, p.start_on, p.end_on, p.weekly_hours_x10, cm.name FROM "
    "placement p JOIN course co ON co.id = p.course_id JOIN citizen ci ON "
    "ci.id = co.citizen_id JOIN company cm ON cm.id = p.company_id WHERE "
    "p.course_id = ?1 ORDER BY p.start_on, p.id LIMIT 50";
static const char SQL_PLACEMENT_ONE[] =
    "SELECT p.id, p.course_id, co.citizen_id, ci.full_name, p.type, "
    "p.company_id, p.start_on, p.end_on, p.weekly_hours_x10, cm.name FROM "
    "placement p JOIN course co ON co.id = p.course_id JOIN citizen ci ON "
    "ci.id = co.citizen_id JOIN company cm ON cm.id = p.company_id WHERE "
    "p.id = ?1";
static const char SQL_PLACEMENTS_COMPANY[] =
    "SELECT p.id, p.course_id, co.citizen_id, ci.full_name, p.type, "
    "p.company_id, p.start_on, p.end_on, p.weekly_hours_x10, cm.name FROM "
    "placement p JOIN course co ON co.id = p.course_id JOIN citizen ci ON "
    "ci.id = co.citizen_id JOIN company cm ON cm.id = p.company_id WHERE "
    "p.company_id = ?1 ORDER BY p.id DESC LIMIT 200";
static const char SQL_AGREEMENT[] =
    "SELECT version, internship_hours_x10, ordinary_hours_x10, tasks, "
    "accommodations, review_on FROM agreement_version WHERE placement_id = "
    "?1 ORDER BY version DESC LIMIT 1";
static const char SQL_GOALS[] =
    "SELECT text, reached FROM agreement_goal WHERE placement_id = ?1 AND "
    "version = ?2 ORDER BY idx";
static const char SQL_SIGNOFFS[] =
    "SELECT signer FROM agreement_signoff WHERE placement_id = ?1 AND "
    "version = ?2";
static const char SQL_WEEKS[] =
    "SELECT iso_year, iso_week, internship_x10, ordinary_x10 FROM hours_week "
    "WHERE placement_id = ?1 ORDER BY iso_year, iso_week LIMIT 260";
static const char SQL_EMPLOYMENT[] =
    "SELECT from_on, ordinary_hours_x10 FROM employment WHERE course_id = ?1 "
    "ORDER BY from_on, id LIMIT 500";
static const char SQL_COMPANIES[] =
    "SELECT id, cvr, name, municipality_code, coalesce(postcode, 0) FROM "
    "company WHERE municipality_code = ?1 ORDER BY name, id LIMIT 2000";
static const char SQL_COMPANY_ONE[] =
    "SELECT id, cvr, name, municipality_code, coalesce(postcode, 0) FROM "
    "company WHERE id = ?1 AND municipality_code = ?2";
static const char SQL_OPENINGS_OF[] =
    "SELECT o.id, o.tasks, o.occupation, o.hours_min, o.hours_max, "
    "o.accommodations, o.ordinary, o.shortage, o.active, o.company_id FROM "
    "opening o JOIN company c ON c.id = o.company_id WHERE "
    "c.municipality_code = ?1 AND (?2 = 0 OR c.id = ?2) ORDER BY o.id DESC";
/* sorted by name in C (member_cmp): a team is small, and SQLite's sorter
 * costs more than the query on every course page */
static const char SQL_MEMBERS[] =
    "SELECT u.id, u.role, u.full_name FROM team_member m JOIN app_user u ON "
    "u.id = m.user_id WHERE m.team_id = ?1 AND u.active = 1 LIMIT 500";
static const char SQL_TEAMS[] =
    "SELECT id, name FROM team WHERE municipality_code = ?1 ORDER BY name, id";
static const char SQL_BATCHES[] =
    "SELECT b.id, b.municipality_code, b.reference_date, b.min_age, "
    "b.min_months_unemployed, b.source_name, b.imported_by, b.imported_at, "
    "(SELECT count(*) FROM candidate c WHERE c.batch_id = b.id), "
    "(SELECT count(*) FROM candidate c WHERE c.batch_id = b.id AND "
    "c.in_target_group = 1), (SELECT count(*) FROM candidate c WHERE "
    "c.batch_id = b.id AND c.eligible = 1), (SELECT count(*) FROM "
    "draw_member m JOIN draw d ON d.id = m.draw_id WHERE d.batch_id = b.id) "
    "FROM screening_batch b WHERE b.municipality_code = ?1 AND (?2 IS NULL "
    "OR b.id = ?2) ORDER BY b.id DESC LIMIT 500";
/* Each candidate with the draw that picked it (at most one: the pool
 * leaves out the drawn) and the course that draw made. ov_draw_make creates
 * it in the draw's transaction after recording drawn_at, and a citizen has
 * no open course when drawn, so it is the citizen's first course created at
 * or after the draw; a later course of the same citizen does not replace
 * it. */
static const char SQL_CANDIDATES[] =
    "SELECT c.id, c.line, c.citizen_id, ci.full_name, ci.birth_date, "
    "c.activity_ready, c.months_unemployed, c.company_activity, "
    "c.in_prison, c.health_exemption, c.declined, c.in_target_group, "
    "c.eligible, coalesce(c.exclusion_reason, ''), "
    "coalesce(c.exclusion_text, ''), coalesce(d.id, 0), coalesce((SELECT "
    "co.id FROM course co WHERE co.citizen_id = c.citizen_id AND "
    "co.created_at >= d.drawn_at ORDER BY co.id LIMIT 1), 0) FROM "
    "candidate c JOIN citizen ci ON ci.id = c.citizen_id LEFT JOIN draw d "
    "ON d.id = (SELECT min(m.draw_id) FROM draw_member m WHERE "
    "m.candidate_id = c.id) WHERE c.batch_id = ?1 ORDER BY c.line, c.id "
    "LIMIT 20000";
static const char SQL_DRAWS[] =
    "SELECT d.id, d.seed, d.count, (SELECT count(*) FROM draw_pool p WHERE "
    "p.draw_id = d.id), d.drawn_by, d.drawn_at FROM draw d WHERE "
    "d.batch_id = ?1 ORDER BY d.id";
static const char SQL_AUDIT[] =
    "SELECT a.id, a.at, a.actor, a.role, a.action, coalesce(a.citizen_id, "
    "0), coalesce(a.criterion, ''), a.purpose FROM audit_log a WHERE "
    "(a.actor IN (SELECT username FROM app_user WHERE municipality_code = "
    "?1) OR a.citizen_id IN (SELECT citizen_id FROM course WHERE "
    "municipality_code = ?1)) AND (?2 = 0 OR a.citizen_id = ?2) AND (?3 = "
    "'' OR a.actor = ?3) AND (?4 = '' OR a.at >= ?4) AND (?5 = '' OR a.at < "
    "?5) ORDER BY a.id DESC LIMIT ?6";

/* ---- small helpers ---- */

static ov_status col_date(ov_stmt *s, int col, ov_arena *a, const char *what,
                          ov_date *out, ov_err *err)
{
    return ov_date_parse_iso(ov_stmt_col_text(s, col, a), what, out, err);
}

/* Finish a read: release, and on a step error fail the transaction. */
static ov_status finish(ov_tx *tx, ov_stmt *s, ov_step r, ov_err *err)
{
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR || err->code != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

static ov_status begin_course(ov_tx *tx, int64_t course_id,
                              ov_course_head *h, ov_err *err)
{
    ov_err_clear(err);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (ov_course_head_load(tx, course_id, h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

/* ---- meetings ---- */

ov_status ov_meeting_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                          ov_meeting_row **out, int *n, ov_err *err)
{
    *n = 0;
    *out = NULL;
    ov_course_head h;
    if (begin_course(tx, course_id, &h, err) != OV_OK)
        return err->code;
    enum { CAP = 500 };
    size_t cap = 0;
    ov_meeting_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MEETINGS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        ov_meeting_row *m = &rows[*n];
        m->id = ov_stmt_col_i64(s, 0);
        ov_str kind = ov_stmt_col_text(s, 1, a);
        if (ov_str_eq_c(kind, "start"))
            m->kind = OV_MEETING_START;
        else if (ov_str_eq_c(kind, "followup"))
            m->kind = OV_MEETING_FOLLOWUP;
        else {
            ov_err_set(err, OV_ECORRUPT, NULL, "meeting %lld: unknown kind",
                       (long long)m->id);
            break;
        }
        if (col_date(s, 2, a, "held_on", &m->held_on, err) != OV_OK)
            break;
        m->complete = ov_stmt_col_i64(s, 3) != 0;
        m->notes = ov_stmt_col_text(s, 4, a);
        m->wishes = ov_stmt_col_text(s, 5, a);
        m->competences = ov_stmt_col_text(s, 6, a);
        m->plan_version = (int)ov_stmt_col_i64(s, 7);
        m->created_by = ov_stmt_col_text(s, 8, a);
        ov_str roles = ov_stmt_col_text(s, 9, a);
        bool bad = false;
        while (roles.len && !bad) {
            ov_str one;
            roles = ov_str_cut(roles, ',', &one);
            ov_role role;
            if (ov_role_parse(one, "role", &role, err) != OV_OK)
                bad = true;
            else
                m->attendees |= OV_ATTEND(role);
        }
        if (bad)
            break;
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    /* assessment items, attached by meeting id */
    if (ov_stmt_prepare(tx->conn, SQL_ITEMS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        int64_t mid = ov_stmt_col_i64(s, 0);
        for (int i = 0; i < *n; i++) {
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
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "møder", err);
}

/* ---- plan versions ---- */

ov_status ov_plan_versions(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_plan_meta **out, int *n, ov_err *err)
{
    *n = 0;
    *out = NULL;
    ov_course_head h;
    if (begin_course(tx, course_id, &h, err) != OV_OK)
        return err->code;
    enum { CAP = 500 };
    size_t cap = 0;
    ov_plan_meta *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PLAN_VERSIONS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        ov_plan_meta *m = &rows[*n];
        m->version = (int)ov_stmt_col_i64(s, 0);
        m->with_citizen = ov_stmt_col_i64(s, 1) != 0;
        m->citizen_comment = ov_stmt_col_text(s, 2, a);
        m->summary = ov_stmt_col_text(s, 3, a);
        m->created_by = ov_stmt_col_text(s, 4, a);
        if (ov_time_parse_utc(ov_stmt_col_text(s, 5, a), "created_at",
                              &m->created_at, err) != OV_OK)
            break;
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "planversioner",
                           err);
}

/* ---- proposals ---- */

ov_status ov_proposal_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_proposal_row **out, int *n, ov_err *err)
{
    *n = 0;
    *out = NULL;
    ov_course_head h;
    if (begin_course(tx, course_id, &h, err) != OV_OK)
        return err->code;
    enum { CAP = 200 };
    size_t cap = 0;
    ov_proposal_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PROPOSALS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        ov_proposal_row *p = &rows[*n];
        p->id = ov_stmt_col_i64(s, 0);
        p->opening_id = ov_stmt_col_i64(s, 1);
        p->company_id = ov_stmt_col_i64(s, 2);
        p->company_name = ov_stmt_col_text(s, 3, a);
        p->opening_tasks = ov_stmt_col_text(s, 4, a);
        p->score = ov_stmt_col_double(s, 5);
        p->proposed_by = ov_stmt_col_text(s, 6, a);
        if (col_date(s, 7, a, "proposed_on", &p->proposed_on, err) != OV_OK)
            break;
        p->answered = !ov_stmt_col_is_null(s, 8);
        p->agreed = p->answered && ov_stmt_col_i64(s, 8) != 0;
        if (!ov_stmt_col_is_null(s, 9) &&
            col_date(s, 9, a, "answered_on", &p->answered_on, err) != OV_OK)
            break;
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "matchforslag",
                           err);
}

enum { OF_PROPOSAL, OF_PLACEMENT };
static const char *const SQL_COURSE_OF[] = {SQL_PROPOSAL_COURSE,
                                            SQL_PLACEMENT_COURSE};

static ov_status course_of(ov_tx *tx, int which, int64_t id,
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
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, field,
                                          "%s: no %s %lld", field, what,
                                          (long long)id), err));
    return OV_OK;
}

ov_status ov_proposal_course(ov_tx *tx, int64_t proposal_id,
                             int64_t *course_id, ov_err *err)
{
    return course_of(tx, OF_PROPOSAL, proposal_id, course_id, "proposal_id",
                     "proposal", err);
}

ov_status ov_placement_course(ov_tx *tx, int64_t placement_id,
                              int64_t *course_id, ov_err *err)
{
    return course_of(tx, OF_PLACEMENT, placement_id, course_id,
                     "placement_id", "placement", err);
}

/* ---- placements ---- */

static ov_status placement_row(ov_stmt *s, ov_arena *a, ov_placement_row *p,
                               ov_err *err)
{
    memset(p, 0, sizeof *p);
    p->id = ov_stmt_col_i64(s, 0);
    p->course_id = ov_stmt_col_i64(s, 1);
    p->citizen_id = ov_stmt_col_i64(s, 2);
    p->citizen_name = ov_stmt_col_text(s, 3, a);
    if (ov_placement_type_parse(ov_stmt_col_text(s, 4, a), &p->p.type, err) !=
        OV_OK)
        return err->code;
    p->p.company_id = ov_stmt_col_i64(s, 5);
    if (col_date(s, 6, a, "start_on", &p->p.start, err) != OV_OK)
        return err->code;
    p->p.has_end = !ov_stmt_col_is_null(s, 7);
    if (p->p.has_end && col_date(s, 7, a, "end_on", &p->p.end, err) != OV_OK)
        return err->code;
    p->p.weekly_hours_x10 = (int)ov_stmt_col_i64(s, 8);
    p->company_name = ov_stmt_col_text(s, 9, a);
    return OV_OK;
}

/* The current agreement version with goals and sign-offs; with `weeks`,
 * the hours log too. */
static ov_status placement_details(ov_tx *tx, ov_placement_row *p,
                                   ov_arena *a, bool weeks, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_AGREEMENT, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, p->id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        ov_agreement *ag = &p->agreement;
        p->agreement_version = (int)ov_stmt_col_i64(s, 0);
        ag->internship_hours_x10 = (int)ov_stmt_col_i64(s, 1);
        ag->ordinary_hours_x10 = (int)ov_stmt_col_i64(s, 2);
        ag->tasks = ov_stmt_col_text(s, 3, a);
        ag->accommodations = ov_stmt_col_text(s, 4, a);
        if (col_date(s, 5, a, "review_on", &ag->review_date, err) != OV_OK)
            r = OV_STEP_ERROR;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err->code ? err->code : OV_EIO;
    if (p->agreement_version > 0) {
        if (ov_stmt_prepare(tx->conn, SQL_GOALS, &s, err) != OV_OK)
            return err->code;
        ov_stmt_bind_i64(s, 1, p->id);
        ov_stmt_bind_i64(s, 2, p->agreement_version);
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW &&
               p->agreement.ngoals < OV_AGREEMENT_GOALS_MAX) {
            ov_agreement_goal *g = &p->agreement.goals[p->agreement.ngoals++];
            g->text = ov_stmt_col_text(s, 0, a);
            g->reached = ov_stmt_col_i64(s, 1) != 0;
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            return err->code;
        if (ov_stmt_prepare(tx->conn, SQL_SIGNOFFS, &s, err) != OV_OK)
            return err->code;
        ov_stmt_bind_i64(s, 1, p->id);
        ov_stmt_bind_i64(s, 2, p->agreement_version);
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
            ov_signer sg;
            if (ov_signer_parse(ov_stmt_col_text(s, 0, a), &sg, err) ==
                OV_OK)
                p->signed_mask |= (unsigned)sg;
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            return err->code;
    }
    if (!weeks)
        return OV_OK;
    enum { WCAP = 260 };
    size_t wcap = 0;
    OV_GROW(a, p->weeks, wcap, 0);
    if (ov_stmt_prepare(tx->conn, SQL_WEEKS, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, p->id);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && p->nweeks < WCAP) {
        OV_GROW(a, p->weeks, wcap, (size_t)p->nweeks + 1);
        ov_hours_week *w = &p->weeks[p->nweeks++];
        w->iso_year = (int)ov_stmt_col_i64(s, 0);
        w->iso_week = (int)ov_stmt_col_i64(s, 1);
        w->internship_x10 = (int)ov_stmt_col_i64(s, 2);
        w->ordinary_x10 = (int)ov_stmt_col_i64(s, 3);
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

enum { BY_COURSE, BY_ID, BY_COMPANY };
static const char *const SQL_PLACEMENTS_BY[] = {
    SQL_PLACEMENTS, SQL_PLACEMENT_ONE, SQL_PLACEMENTS_COMPANY};

static ov_status placements_by(ov_tx *tx, int by, int64_t key,
                               int cap, bool weeks, ov_arena *a,
                               ov_placement_row **out, int *n, ov_err *err)
{
    size_t room = 0;
    ov_placement_row *rows = NULL;
    OV_GROW(a, rows, room, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PLACEMENTS_BY[by], &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, key);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < cap) {
        OV_GROW(a, rows, room, (size_t)*n + 1);
        if (placement_row(s, a, &rows[*n], err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    for (int i = 0; i < *n; i++)
        if (placement_details(tx, &rows[i], a, weeks, err) != OV_OK)
            return ov_tx_fail(tx, err);
    *out = rows;
    return OV_OK;
}

ov_status ov_placement_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                            ov_placement_row **out, int *n, ov_err *err)
{
    *n = 0;
    *out = NULL;
    ov_course_head h;
    if (begin_course(tx, course_id, &h, err) != OV_OK ||
        placements_by(tx, BY_COURSE, course_id, 50, true, a, out, n,
                      err) != OV_OK)
        return err->code;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "virksomhedsforløb",
                           err);
}

ov_status ov_placement_get(ov_tx *tx, int64_t placement_id, ov_arena *a,
                           ov_placement_row *out, ov_err *err)
{
    ov_err_clear(err);
    memset(out, 0, sizeof *out);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_placement_row *rows = NULL;
    int n = 0;
    if (placements_by(tx, BY_ID, placement_id, 1, true, a, &rows,
                      &n, err) != OV_OK)
        return err->code;
    if (n == 0)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "placement_id",
                                          "placement_id: no placement %lld",
                                          (long long)placement_id), err));
    *out = rows[0];
    return ov_audit_append(tx, OV_ACT_READ, out->citizen_id,
                           "virksomhedsforløb", err);
}

ov_status ov_placement_list_company(ov_tx *tx, int64_t company_id,
                                    ov_arena *a, ov_placement_row **out,
                                    int *n, ov_err *err)
{
    ov_err_clear(err);
    *n = 0;
    *out = NULL;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (placements_by(tx, BY_COMPANY, company_id, 200, false, a,
                      out, n, err) != OV_OK)
        return err->code;
    for (int i = 0; i < *n; i++)
        if (ov_audit_append(tx, OV_ACT_READ, (*out)[i].citizen_id,
                            "arbejdsaftale", err) != OV_OK)
            return err->code;
    return OV_OK;
}

/* ---- employment ---- */

ov_status ov_employment_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                             ov_employment_row **out, int *n, ov_err *err)
{
    *n = 0;
    *out = NULL;
    ov_course_head h;
    if (begin_course(tx, course_id, &h, err) != OV_OK)
        return err->code;
    enum { CAP = 500 };
    size_t cap = 0;
    ov_employment_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_EMPLOYMENT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        if (col_date(s, 0, a, "from_on", &rows[*n].from, err) != OV_OK)
            break;
        rows[*n].ordinary_hours_x10 = (int)ov_stmt_col_i64(s, 1);
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "beskæftigelse",
                           err);
}

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
    return finish(tx, s, r, err);
}

static void company_row(ov_stmt *s, ov_arena *a, ov_company_row *c)
{
    memset(c, 0, sizeof *c);
    c->id = ov_stmt_col_i64(s, 0);
    c->cvr = ov_stmt_col_text(s, 1, a);
    c->name = ov_stmt_col_text(s, 2, a);
    c->municipality_code = (int)ov_stmt_col_i64(s, 3);
    c->postcode = (int)ov_stmt_col_i64(s, 4);
}

ov_status ov_company_list(ov_tx *tx, int municipality_code, ov_arena *a,
                          ov_company_row **out, int *n, ov_err *err)
{
    ov_err_clear(err);
    *n = 0;
    *out = NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    enum { CAP = 2000 };
    size_t cap = 0;
    ov_company_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COMPANIES, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        company_row(s, a, &rows[(*n)++]);
    }
    if (finish(tx, s, r, err) != OV_OK ||
        openings_into(tx, municipality_code, 0, rows, *n, a, err) != OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}

ov_status ov_company_get(ov_tx *tx, int64_t company_id, int municipality_code,
                         ov_arena *a, ov_company_row *out, ov_err *err)
{
    ov_err_clear(err);
    memset(out, 0, sizeof *out);
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COMPANY_ONE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, company_id);
    ov_stmt_bind_i64(s, 2, municipality_code);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        company_row(s, a, out);
    if (finish(tx, s, r == OV_STEP_ROW ? OV_STEP_DONE : r, err) != OV_OK)
        return err->code;
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "company_id",
                                          "company_id: no company %lld in "
                                          "your municipality",
                                          (long long)company_id), err));
    return openings_into(tx, municipality_code, company_id, out, 1, a, err);
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

ov_status ov_team_members(ov_tx *tx, int64_t team_id, ov_arena *a,
                          ov_member_row **out, int *n, ov_err *err)
{
    ov_err_clear(err);
    *n = 0;
    *out = NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    enum { CAP = 500 };
    size_t cap = 0;
    ov_member_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MEMBERS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, team_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        ov_member_row *m = &rows[*n];
        m->user_id = ov_stmt_col_i64(s, 0);
        if (ov_role_parse(ov_stmt_col_text(s, 1, a), "role", &m->role, err) !=
            OV_OK)
            break;
        m->full_name = ov_stmt_col_text(s, 2, a);
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    qsort(rows, (size_t)*n, sizeof rows[0], member_cmp);
    *out = rows;
    return OV_OK;
}

ov_status ov_team_list(ov_tx *tx, int municipality_code, ov_arena *a,
                       ov_team_row **out, int *n, ov_err *err)
{
    ov_err_clear(err);
    *n = 0;
    *out = NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    enum { CAP = 200 };
    size_t cap = 0;
    ov_team_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_TEAMS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        rows[*n].id = ov_stmt_col_i64(s, 0);
        rows[*n].name = ov_stmt_col_text(s, 1, a);
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}

/* ---- screening ---- */

static ov_status batches(ov_tx *tx, int municipality_code, int64_t batch_id,
                         ov_arena *a, ov_batch_row **out, int *n, ov_err *err)
{
    enum { CAP = 500 };
    size_t cap = 0;
    ov_batch_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_BATCHES, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    if (batch_id)
        ov_stmt_bind_i64(s, 2, batch_id);
    else
        ov_stmt_bind_null(s, 2);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < CAP) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        ov_batch_row *b = &rows[*n];
        b->id = ov_stmt_col_i64(s, 0);
        b->municipality_code = (int)ov_stmt_col_i64(s, 1);
        if (col_date(s, 2, a, "reference_date", &b->reference_date, err) !=
            OV_OK)
            break;
        b->rules.min_age = (int)ov_stmt_col_i64(s, 3);
        b->rules.min_months_unemployed = (int)ov_stmt_col_i64(s, 4);
        b->source_name = ov_stmt_col_text(s, 5, a);
        b->imported_by = ov_stmt_col_text(s, 6, a);
        if (ov_time_parse_utc(ov_stmt_col_text(s, 7, a), "imported_at",
                              &b->imported_at, err) != OV_OK)
            break;
        b->ncandidates = (int)ov_stmt_col_i64(s, 8);
        b->nin_target = (int)ov_stmt_col_i64(s, 9);
        b->neligible = (int)ov_stmt_col_i64(s, 10);
        b->ndrawn = (int)ov_stmt_col_i64(s, 11);
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    return OV_OK;
}

ov_status ov_batch_list(ov_tx *tx, int municipality_code, ov_arena *a,
                        ov_batch_row **out, int *n, ov_err *err)
{
    ov_err_clear(err);
    *n = 0;
    *out = NULL;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    return batches(tx, municipality_code, 0, a, out, n, err);
}

ov_status ov_batch_get(ov_tx *tx, int64_t batch_id, int municipality_code,
                       ov_arena *a, ov_batch_detail *out, ov_err *err)
{
    ov_err_clear(err);
    memset(out, 0, sizeof *out);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_batch_row *b = NULL;
    int nb = 0;
    if (batch_id <= 0)
        nb = 0;
    else if (batches(tx, municipality_code, batch_id, a, &b, &nb, err) !=
             OV_OK)
        return err->code;
    if (nb == 0)
        return ov_tx_fail(tx, (ov_err_set(err, OV_ENOTFOUND, "batch_id",
                                          "batch_id: no candidate list %lld "
                                          "in your municipality",
                                          (long long)batch_id), err));
    out->batch = b[0];
    enum { CAP = 20000 };
    size_t cap = (size_t)(out->batch.ncandidates < CAP
                              ? out->batch.ncandidates + 1
                              : CAP);
    out->candidates = OV_NEW_N(a, ov_candidate_row, cap);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CANDIDATES, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, batch_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW &&
           (size_t)out->ncandidates < cap) {
        ov_candidate_row *c = &out->candidates[out->ncandidates];
        c->id = ov_stmt_col_i64(s, 0);
        c->line = (int)ov_stmt_col_i64(s, 1);
        c->citizen_id = ov_stmt_col_i64(s, 2);
        c->citizen_name = ov_stmt_col_text(s, 3, a);
        if (col_date(s, 4, a, "birth_date", &c->facts.birth, err) != OV_OK)
            break;
        c->facts.activity_ready = ov_stmt_col_i64(s, 5) != 0;
        c->facts.months_unemployed = (int)ov_stmt_col_i64(s, 6);
        c->facts.company_activity = ov_stmt_col_i64(s, 7) != 0;
        c->facts.in_prison = ov_stmt_col_i64(s, 8) != 0;
        c->facts.health_exemption = ov_stmt_col_i64(s, 9) != 0;
        c->facts.declined = ov_stmt_col_i64(s, 10) != 0;
        c->in_target_group = ov_stmt_col_i64(s, 11) != 0;
        c->eligible = ov_stmt_col_i64(s, 12) != 0;
        c->exclusion_reason = ov_stmt_col_text(s, 13, a);
        c->exclusion_text = ov_stmt_col_text(s, 14, a);
        c->excluded = c->in_target_group && !c->eligible;
        c->draw_id = ov_stmt_col_i64(s, 15);
        c->course_id = ov_stmt_col_i64(s, 16);
        out->ncandidates++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    if (ov_stmt_prepare(tx->conn, SQL_DRAWS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, batch_id);
    /* each draw has at least one member, so ndrawn bounds the draws */
    int dcap = out->batch.ndrawn;
    out->draws = OV_NEW_N(a, ov_draw_row, (size_t)dcap + 1);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && out->ndraws < dcap) {
        ov_draw_row *d = &out->draws[out->ndraws];
        d->id = ov_stmt_col_i64(s, 0);
        d->seed = ov_stmt_col_text(s, 1, a);
        d->count = (int)ov_stmt_col_i64(s, 2);
        d->pool = (int)ov_stmt_col_i64(s, 3);
        d->drawn_by = ov_stmt_col_text(s, 4, a);
        if (ov_time_parse_utc(ov_stmt_col_text(s, 5, a), "drawn_at",
                              &d->drawn_at, err) != OV_OK)
            break;
        out->ndraws++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    for (int i = 0; i < out->ncandidates; i++)
        if (ov_audit_append(tx, OV_ACT_READ, out->candidates[i].citizen_id,
                            "screening", err) != OV_OK)
            return err->code;
    return OV_OK;
}

/* ---- the audit log ---- */

ov_status ov_audit_search(ov_tx *tx, const ov_audit_filter *f, ov_arena *a,
                          ov_audit_view_row **out, int *n, ov_err *err)
{
    ov_err_clear(err);
    *n = 0;
    *out = NULL;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (f->municipality_code <= 0)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL,
                                          "municipality_code",
                                          "municipality_code: the audit log "
                                          "is read per municipality; give "
                                          "its code"), err));
    if (f->limit < 1 || f->limit > 5000)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "limit",
                                          "limit: show 1-5000 rows"), err));
    if (f->has_from && f->has_to && f->from > f->to)
        return ov_tx_fail(tx, (ov_err_set(err, OV_EINVAL, "to",
                                          "to: the period ends before it "
                                          "starts; swap the dates"), err));
    int limit = f->limit;
    char from[OV_TIME_BUF] = "", to[OV_TIME_BUF] = "";
    ov_time t;
    if (f->has_from) {
        if (ov_cph_to_time(f->from, 0, 0, 0, &t, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_time_format_utc(t, from);
    }
    if (f->has_to) {
        if (ov_cph_to_time(f->to + 1, 0, 0, 0, &t, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_time_format_utc(t, to);
    }
    size_t cap = 0;
    ov_audit_view_row *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_AUDIT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, f->municipality_code);
    ov_stmt_bind_i64(s, 2, f->citizen_id);
    ov_stmt_bind_text(s, 3, f->user.ptr ? f->user : OV_STR_LIT(""));
    ov_stmt_bind_cstr(s, 4, from);
    ov_stmt_bind_cstr(s, 5, to);
    ov_stmt_bind_i64(s, 6, limit);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < limit) {
        OV_GROW(a, rows, cap, (size_t)*n + 1);
        ov_audit_view_row *e = &rows[*n];
        e->id = ov_stmt_col_i64(s, 0);
        if (ov_time_parse_utc(ov_stmt_col_text(s, 1, a), "at", &e->at, err) !=
            OV_OK)
            break;
        e->actor = ov_stmt_col_text(s, 2, a);
        if (ov_role_parse(ov_stmt_col_text(s, 3, a), "role", &e->role, err) !=
            OV_OK)
            break;
        if (ov_action_parse(ov_stmt_col_text(s, 4, a), &e->action) != OV_OK) {
            ov_err_set(err, OV_ECORRUPT, NULL, "audit row %lld: bad action",
                       (long long)e->id);
            break;
        }
        e->citizen_id = ov_stmt_col_i64(s, 5);
        e->criterion = ov_stmt_col_text(s, 6, a);
        e->purpose = ov_stmt_col_text(s, 7, a);
        (*n)++;
    }
    if (finish(tx, s, r, err) != OV_OK)
        return err->code;
    *out = rows;
    /* viewing the log is itself logged, after reading */
    return ov_audit_append(tx, OV_ACT_READ, f->citizen_id, "revisionslog",
                           err);
}
