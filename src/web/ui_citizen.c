/*
 * ui_citizen.c - the citizen's own home "Mit forløb" (issue 14 section
 * 1): their plan, their team, their meetings, short summaries of what
 * waits for them, and their access log; and their comment on the plan.
 *
 * Why a page of its own: the staff's course page speaks the staff's
 * language (stages, core elements, ids). The citizen reads about
 * themselves in plain Danish (English second): what happens next in a
 * sentence, the job goal first, who does what by when, who decided the
 * plan, and how to reach each person on their team. The page links only
 * to the citizen's own pages (the plan PDF, their calendar, their access
 * log), never to a staff page.
 *
 * Addresses:
 *  - GET /mit-forloeb: the page (an audited read of the citizen's newest
 *    course, store/citizen_home.h);
 *  - POST /mit-forloeb/kommentar and POST /api/v1/me/plan/comments
 *    {"version", "text", "agrees"}: the citizen's comment on a version of
 *    their own plan (one write with its audit row; the team reads it on
 *    the plan page and in the journal).
 * Seeing the page notes the newest plan version as seen (store/seen.c),
 * so the next visit says what changed since.
 *
 * The summaries of questionnaires, proposals and the work agreement are
 * one function each (summary_*), without links: the pages they lead to
 * are built elsewhere and linked from here when they exist.
 */
#include <stdio.h>
#include <string.h>

#include "model/plan.h"
#include "model/placement.h"
#include "store/calendar.h"
#include "store/citizen_home.h"
#include "store/course.h"
#include "store/match.h"
#include "store/placement.h"
#include "store/plan.h"
#include "store/tasks.h"
#include "web/handlers.h"

#define HOME_PAST_DAYS 90
#define HOME_AHEAD_DAYS 120
#define HOME_CHANGES_MAX 40

/* Everything the page shows, read in the request's one transaction. */
typedef struct home {
    int64_t course_id;
    ov_course course;
    ov_plan plan;           /* the newest version (pm.version 0: none) */
    ov_plan_meta pm;
    ov_str decider, decider_role;
    int seen;               /* the version seen before this visit */
    ov_plan_change changes[HOME_CHANGES_MAX];
    int nchanges, changes_total;
    ov_plan_comment *comments;
    ov_list_info nc;
    ov_team_contact *team;
    int nteam;
    ov_cal_event *events;
    int nevents;
    ov_task tasks[OV_TASKS_PER_COURSE];
    int ntasks;
    ov_proposal_row *proposals;
    ov_list_info np;
    ov_placement_row *placements;
    ov_list_info npl;
} home;

/* Read the home in tx; false with err set. A citizen without a course
 * reads nothing more (h->course_id 0, no error). */
static bool home_read(ov_ctx *c, ov_tx *tx, home *h, ov_err *err)
{
    ov_arena *a = c->req->arena;
    const ov_viewer *v = &c->req->viewer;
    memset(h, 0, sizeof *h);
    ov_status st = ov_citizen_home_course(tx, v->citizen_id, &h->course_id,
                                          err);
    if (st == OV_ENOTFOUND) {
        ov_err_clear(err);
        h->course_id = 0;
        return true;
    }
    if (st != OV_OK)
        return false;
    /* the purpose of the audit rows: the citizen's own course */
    if (c->actor)
        c->actor->purpose = "mit forløb";
    c->course_id = h->course_id;
    if (ov_course_get(tx, h->course_id, a, &h->course, err) != OV_OK ||
        ov_plan_load(tx, h->course_id, 0, a, &h->plan, &h->pm, err) !=
            OV_OK ||
        ov_plan_seen_get(tx, v->user_id, h->course_id, &h->seen, err) !=
            OV_OK)
        return false;
    if (h->pm.version > 0) {
        if (ov_plan_author(tx, h->course_id, h->pm.version, a, &h->decider,
                           &h->decider_role, err) != OV_OK)
            return false;
        if (h->seen > 0 && h->seen < h->pm.version) {
            ov_plan old;
            ov_plan_meta om;
            if (ov_plan_load(tx, h->course_id, h->seen, a, &old, &om, err) !=
                OV_OK)
                return false;
            h->nchanges = ov_plan_diff(&old, &h->plan, h->changes,
                                       HOME_CHANGES_MAX, &h->changes_total);
        }
    }
    ov_course_facts f;
    if (ov_plan_comments(tx, h->course_id, OV_PLAN_COMMENTS_CAP, a,
                         &h->comments, &h->nc, err) != OV_OK ||
        ov_course_team_contacts(tx, h->course_id, a, &h->team, &h->nteam,
                                err) != OV_OK ||
        ov_calendar_events_citizen(tx, v->citizen_id, c->today,
                                   HOME_PAST_DAYS, HOME_AHEAD_DAYS, a,
                                   &h->events, &h->nevents, err) != OV_OK ||
        ov_course_facts_get(tx, h->course_id, c->today, &f, err) != OV_OK ||
        ov_proposal_list(tx, h->course_id, a, &h->proposals, &h->np, err) !=
            OV_OK ||
        ov_placement_list(tx, h->course_id, a, &h->placements, &h->npl,
                          err) != OV_OK)
        return false;
    if (!h->course.ended)
        h->ntasks = ov_due_tasks(&f, c->today, HOME_AHEAD_DAYS, h->tasks,
                                 OV_TASKS_PER_COURSE);
    /* seen: the next visit says what changed since this version */
    if (h->pm.version > 0)
        ov_plan_seen_note(tx, v->user_id, h->course_id, h->pm.version);
    return true;
}

/* ---- Min plan ---- */

/* "Du" for the citizen, else the role in words ("CTI-medarbejderen"). */
static const char *who_does(ov_ctx *c, ov_role r)
{
    if (r == OV_ROLE_CITIZEN)
        return ov_msg(c->lang, "home.you");
    const char *w = ov_msg2(c->lang, "mrole", ov_role_code(r));
    /* a sentence begins with a capital: the Danish and English role
     * words are ASCII-initial */
    char *s = ov_arena_strdup(c->req->arena, w);
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
    return s;
}

static void plan_items(ov_ctx *c, const ov_plan *p)
{
    ov_response *res = c->res;
    if (p->ngoals == 0)
        return;
    ov_html_printf(res, "<h4>%t</h4><ol class=\"home-goals\">",
                   "home.goals");
    for (int g = 0; g < p->ngoals; g++) {
        const ov_plan_goal *G = &p->goals[g];
        ov_html_printf(res, "<li><strong>%h</strong> <span class=\"badge\">"
                            "%t</span>",
                       G->text,
                       ov_arena_printf(c->req->arena, "status.%s",
                                       ov_item_status_code(G->status)));
        if (G->nsubgoals)
            ov_html_lit(res, "<ul>");
        for (int s = 0; s < G->nsubgoals; s++) {
            const ov_plan_subgoal *S = &G->subgoals[s];
            ov_html_printf(res, "<li>%h", S->text);
            if (S->nactivities)
                ov_html_lit(res, "<ul class=\"home-activities\">");
            for (int k = 0; k < S->nactivities; k++) {
                const ov_plan_activity *A = &S->activities[k];
                ov_html_printf(res, "<li>%h: %h", who_does(c, A->responsible),
                               A->text);
                if (A->has_deadline) {
                    ov_html_printf(res, ", %t ", "home.by");
                    ov_page_date(res, A->deadline);
                }
                ov_html_printf(res, " <span class=\"badge\">%t</span></li>",
                               ov_arena_printf(c->req->arena, "status.%s",
                                               ov_item_status_code(
                                                   A->status)));
            }
            if (S->nactivities)
                ov_html_lit(res, "</ul>");
            ov_html_lit(res, "</li>");
        }
        if (G->nsubgoals)
            ov_html_lit(res, "</ul>");
        ov_html_lit(res, "</li>");
    }
    ov_html_lit(res, "</ol>");
}

/* What changed since the version the citizen last saw. */
/* The catalogue for the plan's change lines (model/plan.h ov_plan_msg):
 * each change in the reader's language. */
static const char *catalogue(int lang, const char *key)
{
    return ov_msg((ov_lang)lang, key);
}

static void plan_changes(ov_ctx *c, const home *h)
{
    ov_response *res = c->res;
    if (h->seen == 0) {
        ov_html_printf(res, "<p class=\"notice\">%t</p>", "home.plan_first");
        return;
    }
    if (h->seen >= h->pm.version) {
        ov_html_printf(res, "<p>%t</p>", "home.plan_unchanged");
        return;
    }
    ov_html_printf(res, "<div class=\"notice\"><p>%h</p>",
                   ov_msg_fill(c->req->arena, c->lang, "home.plan_changed",
                               ov_arena_printf(c->req->arena, "%d", h->seen),
                               NULL));
    if (h->nchanges) {
        ov_html_lit(res, "<ul>");
        for (int i = 0; i < h->nchanges; i++)
            ov_html_printf(res, "<li>%h</li>",
                           ov_plan_change_line(&h->changes[i], catalogue,
                                               c->lang, c->req->arena));
        ov_html_lit(res, "</ul>");
    }
    ov_html_lit(res, "</div>");
}

static void plan_comments(ov_ctx *c, const home *h)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<h4>%t</h4>", "home.comments");
    if (h->nc.n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "home.no_comments");
        return;
    }
    ov_page_list_cut(res, &h->nc, "list.newest");
    ov_html_lit(res, "<ul class=\"home-comments\">");
    for (int i = 0; i < h->nc.n; i++) {
        const ov_plan_comment *k = &h->comments[i];
        char when[OV_TIME_BUF];
        ov_time_format_dk(k->created_at, when);
        ov_html_printf(res,
                       "<li><p><strong>%t</strong> &middot; %h &middot; "
                       "%t %d</p><p class=\"text\">%h</p></li>",
                       k->agrees ? "home.agrees" : "home.disagrees",
                       ov_str_c(when), "home.version", k->version, k->text);
    }
    ov_html_lit(res, "</ul>");
}

static const ov_field comment_spec[] = {
    {.name = "version", .type = OV_F_HIDDEN, .required = true,
     .label = "home.version"},
    {.name = "text", .type = OV_F_TEXTAREA, .required = true,
     .max = OV_PLAN_COMMENT_MAX, .label = "home.comment_text"},
    {.name = "agrees", .type = OV_F_BOOL, .required = true,
     .label = "home.agrees_q"},
};
#define NCOMMENT ((int)(sizeof comment_spec / sizeof comment_spec[0]))

/* The comment form: agree or not (two radio buttons), a text, the
 * version it is about. */
static void comment_form(ov_ctx *c, ov_form *f, const home *h)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<h4 id=\"kommentar\">%t</h4><p>%t</p>",
                   "home.comment_title", "home.comment_intro");
    ov_page_form_errors(res, f);
    ov_page_form_begin(res, c->req, OV_STR_LIT("/mit-forloeb/kommentar"),
                       false);
    ov_html_printf(res, "<input type=\"hidden\" name=\"version\" "
                        "value=\"%d\">",
                   h->pm.version);
    ov_str agrees = ov_form_str(f, "agrees");
    const char *err = ov_form_error_of(f, "agrees");
    ov_html_printf(res,
                   "<fieldset class=\"field%h\" id=\"f-agrees\"><legend>%t"
                   "</legend>",
                   ov_str_c(err ? " has-error" : ""), "home.agrees_q");
    ov_html_printf(res,
                   "<label class=\"check\"><input type=\"radio\" "
                   "name=\"agrees\" value=\"true\"%h> %t</label>"
                   "<label class=\"check\"><input type=\"radio\" "
                   "name=\"agrees\" value=\"false\"%h> %t</label>",
                   ov_str_c(ov_str_eq_c(agrees, "true") ? " checked" : ""),
                   "home.agree_yes",
                   ov_str_c(ov_str_eq_c(agrees, "false") ? " checked" : ""),
                   "home.agree_no");
    if (err)
        ov_html_printf(res, "<p class=\"error\" id=\"e-agrees\">%h</p>",
                       ov_str_c(err));
    ov_html_lit(res, "</fieldset>");
    ov_page_field(res, f, &comment_spec[1], NULL, NULL);
    ov_page_form_end(res, "home.comment_send");
}

static void section_plan(ov_ctx *c, ov_form *f, const home *h)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<section id=\"plan\"><h2>%t</h2>", "home.plan");
    if (h->pm.version == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p></section>",
                       "home.plan_none");
        return;
    }
    ov_html_printf(res, "<h3>%t</h3><p class=\"job-goal\">%h</p>",
                   "home.job_goal",
                   h->plan.job_goal.len
                       ? h->plan.job_goal
                       : ov_str_c(ov_msg(c->lang, "home.job_goal_none")));
    plan_changes(c, h);
    plan_items(c, &h->plan);
    /* who decided it, when, and whether with the citizen */
    char when[OV_TIME_BUF];
    ov_time_format_dk(h->pm.created_at, when);
    const char *who =
        h->decider.len
            ? ov_arena_printf(c->req->arena, "%.*s (%s)",
                              (int)h->decider.len, h->decider.ptr,
                              ov_msg2(c->lang, "role",
                                      ov_arena_printf(
                                          c->req->arena, "%.*s",
                                          (int)h->decider_role.len,
                                          h->decider_role.ptr)))
            : ov_msg(c->lang, "home.decided_system");
    ov_html_printf(res, "<p class=\"decided\">%h</p>",
                   ov_msg_fill(c->req->arena, c->lang,
                               h->pm.with_citizen ? "home.decided_with"
                                                  : "home.decided",
                               who, when));
    if (h->pm.citizen_comment.len)
        ov_html_printf(res, "<p><strong>%t:</strong> %h</p>",
                       "home.your_words", h->pm.citizen_comment);
    ov_html_printf(res,
                   "<p><a class=\"button\" href=\"/forloeb/%D/plan.pdf\">%t"
                   "</a></p>",
                   h->course_id, "home.plan_pdf");
    plan_comments(c, h);
    if (!h->course.ended)
        comment_form(c, f, h);
    ov_html_lit(res, "</section>");
}

/* ---- Mit team ---- */

static void section_team(ov_ctx *c, const home *h)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<section id=\"team\"><h2>%t</h2>", "home.team");
    if (h->nteam == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p></section>",
                       "home.team_none");
        return;
    }
    ov_html_lit(res, "<ul class=\"home-team\">");
    for (int i = 0; i < h->nteam; i++) {
        const ov_team_contact *t = &h->team[i];
        const char *code = ov_role_code(t->role);
        ov_html_printf(res,
                       "<li><p><strong>%h</strong><br>%t</p><p>%t</p>",
                       t->full_name,
                       ov_arena_printf(c->req->arena, "home.role.%s", code),
                       ov_arena_printf(c->req->arena, "home.does.%s", code));
        if (t->phone.len || t->email.len) {
            ov_html_lit(res, "<p class=\"contact\">");
            if (t->phone.len)
                ov_html_printf(res, "%t: <a href=\"tel:%h\">%h</a>",
                               "home.phone", t->phone, t->phone);
            if (t->phone.len && t->email.len)
                ov_html_lit(res, "<br>");
            if (t->email.len)
                ov_html_printf(res, "%t: <a href=\"mailto:%h\">%h</a>",
                               "home.email", t->email, t->email);
            ov_html_lit(res, "</p>");
        }
        ov_html_lit(res, "</li>");
    }
    ov_html_lit(res, "</ul></section>");
}

/* ---- Mine møder ---- */

static void event_line(ov_ctx *c, const ov_cal_event *e)
{
    ov_response *res = c->res;
    ov_html_lit(res, "<li>");
    ov_page_date(res, e->on);
    ov_html_printf(res, ": %t",
                   ov_arena_printf(c->req->arena, "home.cal.%s",
                                   ov_cal_kind_code(e->kind)));
    /* a date due that has passed: it is still to come, only late */
    if ((e->kind == OV_CAL_FOLLOWUP_DUE ||
         e->kind == OV_CAL_AGREEMENT_REVIEW) &&
        e->on < c->today)
        ov_html_printf(res, " <span class=\"badge\">%t</span>",
                       "home.late");
    ov_html_lit(res, "</li>");
}

static void section_meetings(ov_ctx *c, const home *h)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<section id=\"moeder\"><h2>%t</h2><h3>%t</h3>",
                   "home.meetings", "home.upcoming");
    int up = 0, past = 0;
    for (int i = 0; i < h->nevents; i++) {
        bool due = h->events[i].kind == OV_CAL_FOLLOWUP_DUE ||
                   h->events[i].kind == OV_CAL_AGREEMENT_REVIEW;
        if (due)
            up++;
        else
            past++;
    }
    if (up == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "home.upcoming_none");
    } else {
        ov_html_lit(res, "<ul>");
        for (int i = 0; i < h->nevents; i++)
            if (h->events[i].kind == OV_CAL_FOLLOWUP_DUE ||
                h->events[i].kind == OV_CAL_AGREEMENT_REVIEW)
                event_line(c, &h->events[i]);
        ov_html_lit(res, "</ul>");
    }
    if (past) {
        ov_html_printf(res, "<h3>%t</h3><ul>", "home.held");
        /* newest first */
        for (int i = h->nevents - 1; i >= 0; i--)
            if (h->events[i].kind == OV_CAL_START_MEETING ||
                h->events[i].kind == OV_CAL_FOLLOWUP_MEETING)
                event_line(c, &h->events[i]);
        ov_html_lit(res, "</ul>");
    }
    ov_html_printf(res,
                   "<p class=\"row\"><a class=\"button\" "
                   "href=\"/api/v1/me/calendar.ics\">%t</a> "
                   "<a class=\"button\" href=\"/min-kalender\">%t</a></p>"
                   "</section>",
                   "home.ics", "home.subscribe");
}

/* ---- summaries (the pages they lead to are other pages' work) ---- */

/* Questionnaires due, by the due rules (model/due.h). */
static void summary_questionnaires(ov_ctx *c, const home *h)
{
    ov_response *res = c->res;
    bool any = false;
    for (int i = 0; i < h->ntasks; i++) {
        const ov_task *t = &h->tasks[i];
        if (t->kind != OV_TASK_MEASUREMENT)
            continue;
        char d[OV_DATE_BUF];
        ov_date_format_dk(t->due, d);
        ov_html_printf(res, "<p>%h</p>",
                       ov_msg_fill(c->req->arena, c->lang,
                                   t->overdue ? "home.q_overdue" : "home.q_due",
                                   t->arg, d));
        any = true;
    }
    if (!any)
        ov_html_printf(res, "<p>%t</p>", "home.q_none");
}

/* Proposals of a company waiting for the citizen's answer. */
static void summary_proposals(ov_ctx *c, const home *h)
{
    int waiting = 0;
    for (int i = 0; i < h->np.n; i++)
        if (!h->proposals[i].answered)
            waiting++;
    if (waiting == 0)
        ov_html_printf(c->res, "<p>%t</p>", "home.p_none");
    else
        ov_html_printf(c->res, "<p>%h</p>",
                       ov_msg_fill(c->req->arena, c->lang,
                                   waiting == 1 ? "home.p_one" : "home.p_many",
                                   ov_arena_printf(c->req->arena, "%d",
                                                   waiting),
                                   NULL));
}

/* The signing state of the work agreement of each placement. */
static void summary_agreement(ov_ctx *c, const home *h)
{
    int shown = 0;
    for (int i = 0; i < h->npl.n; i++) {
        const ov_placement_row *p = &h->placements[i];
        if (p->agreement_version == 0)
            continue;
        const char *company = ov_arena_printf(c->req->arena, "%.*s",
                                              (int)p->company_name.len,
                                              p->company_name.ptr);
        const char *key = p->signed_mask == OV_SIGN_ALL ? "home.a_all"
                          : (p->signed_mask & OV_SIGN_CITIZEN)
                              ? "home.a_others"
                              : "home.a_yours";
        ov_html_printf(c->res, "<p>%h</p>",
                       ov_msg_fill(c->req->arena, c->lang, key, company,
                                   NULL));
        shown++;
    }
    if (!shown)
        ov_html_printf(c->res, "<p>%t</p>", "home.a_none");
}

static void section_waiting(ov_ctx *c, const home *h)
{
    ov_html_printf(c->res, "<section id=\"venter\"><h2>%t</h2><h3>%t</h3>",
                   "home.waiting", "home.questionnaires");
    summary_questionnaires(c, h);
    ov_html_printf(c->res, "<p><a href=\"/mine-spoergeskemaer\">%t</a></p>",
                   "home.q_link");
    ov_html_printf(c->res, "<h3>%t</h3>", "home.proposals");
    summary_proposals(c, h);
    ov_html_printf(c->res, "<p><a href=\"/mine-forslag\">%t</a></p>",
                   "home.p_link");
    ov_html_printf(c->res, "<h3>%t</h3>", "home.agreement");
    summary_agreement(c, h);
    ov_html_printf(c->res, "<p><a href=\"/min-arbejdsaftale\">%t</a></p>",
                   "home.a_link");
    ov_html_printf(c->res, "<h3>%t</h3><p>%t</p><p><a href=\"/mine-data\">"
                           "%t</a></p>",
                   "home.data", "home.data_help", "home.data_link");
    ov_html_lit(c->res, "</section>");
}

/* ---- the page ---- */

/* What happens next, in one sentence: the stage in words, and the next
 * follow-up when one is due. */
static void next_step(ov_ctx *c, const home *h)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<p class=\"lead\">%t</p>",
                   ov_arena_printf(c->req->arena, "home.stage.%s",
                                   ov_stage_code(h->course.stage)));
    for (int i = 0; i < h->ntasks; i++)
        if (h->tasks[i].kind == OV_TASK_FOLLOWUP) {
            char d[OV_DATE_BUF];
            ov_date_format_dk(h->tasks[i].due, d);
            ov_html_printf(res, "<p>%h</p>",
                           ov_msg_fill(c->req->arena, c->lang,
                                       h->tasks[i].overdue
                                           ? "home.next_followup_late"
                                           : "home.next_followup",
                                       d, NULL));
            break;
        }
}

static void home_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    home *h = OV_NEW(c->req->arena, home);
    bool ok = home_read(c, tx, h, &err);
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "home.title")));
    ov_html_lit(res, "<div class=\"citizen-home\">");
    if (!h->course_id) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "home.no_course");
    } else {
        next_step(c, h);
        section_plan(c, f, h);
        section_team(c, h);
        section_meetings(c, h);
        section_waiting(c, h);
    }
    ov_html_printf(res,
                   "<section id=\"adgangslog\"><h2>%t</h2><p>%t</p><p><a "
                   "href=\"/min-adgangslog\">%t</a></p></section></div>",
                   "home.log", "home.log_intro", "home.log_open");
    ov_page_end(res);
}

void ov_h_citizen_home(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_form f;
    ov_form_init(&f, comment_spec, NCOMMENT, c.lang, req->arena);
    home_page(&c, &f, 200);
}

/* ---- the comment ---- */

static ov_status comment_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                             int64_t *out_id, ov_err *err)
{
    int64_t course = 0;
    if (ov_citizen_home_course(tx, c->req->viewer.citizen_id, &course,
                               err) != OV_OK)
        return err->code;
    c->course_id = course;
    if (c->actor)
        c->actor->purpose = "mit forløb";
    int64_t version = ov_form_int(f, "version", 0);
    if (version <= 0 || version > 1000000)
        return ov_err_msg(err, OV_ENOTFOUND, "version",
                          plan_comment_version_unknown, version);
    return ov_plan_comment_add(tx, course, (int)version,
                               ov_form_bool(f, "agrees"),
                               ov_form_str(f, "text"), out_id, err);
}

static const char *comment_done(ov_ctx *c, int64_t id)
{
    (void)c;
    (void)id;
    return "/mit-forloeb#plan";
}

const ov_web_action ov_act_plan_comment = {
    "plan_comment", comment_spec, NCOMMENT, OV_OP_OWN_COURSE,
    OV_SCOPE_MUNICIPALITY, comment_run, home_page, comment_done, NULL};
