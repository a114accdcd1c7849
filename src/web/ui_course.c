/*
 * ui_course.c - "Mine opgaver", the course list, the course page with the
 * six core elements, naming the team around the citizen, ending a course.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/cti.h"
#include "model/due.h"
#include "model/measure.h"
#include "model/org.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/cti.h"
#include "store/measure.h"
#include "store/plan.h"
#include "store/tasks.h"
#include "store/view.h"
#include "web/chart.h"
#include "web/handlers.h"

/* ---- Mine opgaver ---- */

/* The page where a task is resolved (web/ui.h ov_task_step): the form
 * that records what is due, or the page it belongs on; an agreement
 * review the course's placement. */
static const char *task_href(ov_ctx *c, const ov_task *t,
                             const ov_task_course *co)
{
    return ov_task_step(c, t, co ? co->placement_id : 0);
}

static const ov_field show_spec[] = {
    {.name = "show", .type = OV_F_TEXT, .max = 8, .label = "courses.show"},
};

/* show=mine|team (absent: dflt_team); false with the error in err. */
static bool parse_show(ov_form *f, bool dflt_team, bool *team, ov_err *err)
{
    *team = dflt_team;
    if (!ov_form_has(f, "show"))
        return true;
    ov_str v = ov_str_trim(ov_form_str(f, "show"));
    if (v.len == 0)
        return true;
    if (ov_str_eq_c(v, "mine") || ov_str_eq_c(v, "team")) {
        *team = ov_str_eq_c(v, "team");
        return true;
    }
    char shown[16];
    snprintf(shown, sizeof shown, "%.*s", (int)(v.len < 8 ? v.len : 8),
             v.ptr);
    ov_err_msg(err, OV_EINVAL, "show", courses_show_unknown, shown);
    return false;
}

/* The two views of a list, mine and the team's, as links. */
static void show_toggle(ov_response *res, const char *path, bool team,
                        const char *mine_key, const char *team_key)
{
    ov_html_printf(res,
                   "<p class=\"toggle\" role=\"group\" aria-label=\"%t\">",
                   "courses.show");
    for (int i = 0; i < 2; i++) {
        bool on = (i == 1) == team;
        ov_html_printf(res, "<a href=\"%h?show=%h\"", ov_str_c(path),
                       ov_str_c(i ? "team" : "mine"));
        if (on)
            ov_html_lit(res, " aria-current=\"page\" class=\"on\"");
        ov_html_printf(res, ">%t</a> ", i ? team_key : mine_key);
    }
    ov_html_lit(res, "</p>");
}

void ov_h_tasks(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_form q;
    ov_form_init(&q, show_spec, 1, c.lang, req->arena);
    bool team = false;
    if (ov_form_parse_urlencoded(&q, req->query, NULL) != OV_OK) {
        ov_form_first_error(&q, &err);
        ov_ctx_fail(&c, &err);
        return;
    }
    if (!parse_show(&q, false, &team, &err)) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_tx *tx;
    ov_task *tasks = NULL;
    int ntasks = 0, ncourses = 0;
    ov_task_course *courses = NULL;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    bool ok = ov_tasks_list(tx, req->viewer.user_id, team, c.today, 14,
                            req->arena, &tasks, &ntasks, &courses, &ncourses,
                            &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    const char **hrefs = OV_NEW_N(req->arena, const char *,
                                  (size_t)ntasks + 1);
    ov_str *names = OV_NEW_N(req->arena, ov_str, (size_t)ntasks + 1);
    for (int i = 0; i < ntasks; i++) {
        const ov_task_course *co = NULL;
        for (int k = 0; k < ncourses && !co; k++)
            if (courses[k].id == tasks[i].course_id)
                co = &courses[k];
        names[i] = co ? co->citizen_name : OV_STR_LIT("");
        hrefs[i] = task_href(&c, &tasks[i], co);
    }
    if (c.api) {
        ov_api_tasks(&c, tasks, ntasks, names, hrefs);
        return;
    }
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "tasks.title")));
    show_toggle(res, "/opgaver", team, "tasks.show_mine", "tasks.show_team");
    ov_html_printf(res, "<h2>%t</h2>", team ? "tasks.due_team" : "tasks.due");
    ov_html_printf(res, "<p class=\"hint\">%t</p>",
                   team ? "tasks.about_team" : "tasks.about_mine");
    if (ntasks == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "tasks.none");
    } else {
        ov_html_printf(res,
                       "<table class=\"tasks\"><thead><tr><th>%t</th>"
                       "<th>%t</th><th>%t</th></tr></thead><tbody>",
                       "tasks.deadline", "tasks.kind", "tasks.citizen");
        for (int i = 0; i < ntasks; i++) {
            const ov_task *t = &tasks[i];
            ov_html_printf(res, "<tr class=\"%h\"><td>",
                           ov_str_c(t->overdue ? "overdue" : ""));
            ov_page_date(res, t->due);
            if (t->overdue)
                ov_html_printf(res, " <span class=\"badge warn\">%t</span>",
                               "tasks.overdue");
            char key[64];
            snprintf(key, sizeof key, "task.%s", ov_task_kind_code(t->kind));
            ov_html_printf(res,
                           "</td><td><a href=\"%h\">%t</a><br><small>"
                           "%h</small></td><td><a href=\"/forloeb/%D\">%h"
                           "</a></td></tr>",
                           ov_str_c(hrefs[i]), key,
                           ov_str_c(ov_task_text(&c, t)),
                           t->course_id, names[i]);
        }
        ov_html_lit(res, "</tbody></table>");
    }
    ov_html_printf(res,
                   "<p><a href=\"/forloeb?show=%h&amp;sort=due\">%t</a></p>",
                   ov_str_c(team ? "team" : "mine"),
                   team ? "tasks.all_team_courses" : "tasks.all_my_courses");
    ov_page_end(res);
}

void ov_ui_course_table(ov_ctx *c, const ov_case_item *items,
                        const ov_list_info *li)
{
    ov_response *res = c->res;
    if (li->n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "courses.none");
        return;
    }
    ov_page_list_cut(res, li, "list.newest");
    ov_html_printf(res,
                   "<table class=\"courses\"><thead><tr><th>%t</th>"
                   "<th>%t</th></tr></thead><tbody>",
                   "courses.citizen", "courses.stage");
    for (int i = 0; i < li->n; i++) {
        char key[48];
        snprintf(key, sizeof key, "stage.%s", ov_stage_code(items[i].stage));
        ov_html_printf(res,
                       "<tr><td><a href=\"/forloeb/%D\">%h</a></td>"
                       "<td>%t</td></tr>",
                       items[i].id, items[i].citizen_name, key);
    }
    ov_html_lit(res, "</tbody></table>");
}

/* ---- the course list: sort, filter, pages ---- */

enum { COURSES_PER_PAGE = 50, COURSES_MAX_PAGE = 100000 };

static const ov_field list_spec[] = {
    {.name = "sort", .type = OV_F_TEXT, .max = 16, .label = "courses.sort"},
    {.name = "stage", .type = OV_F_TEXT, .max = 32, .label = "courses.stage"},
    {.name = "show", .type = OV_F_TEXT, .max = 8, .label = "courses.show"},
    {.name = "page", .type = OV_F_INT, .min = 1, .max_i = COURSES_MAX_PAGE,
     .label = "courses.page"},
    {.name = "per_page", .type = OV_F_INT, .min = 1,
     .max_i = OV_COURSE_PAGE_MAX, .label = "courses.per_page"},
};

/* The list's parameters, validated; false with the error in err. */
static bool parse_list(ov_ctx *c, ov_form *f, ov_course_filter *flt,
                       bool *team, ov_err *err)
{
    memset(flt, 0, sizeof *flt);
    flt->today = c->today;
    if (ov_form_parse_urlencoded(f, c->req->query, NULL) != OV_OK) {
        ov_form_first_error(f, err);
        return false;
    }
    ov_str sort = ov_str_trim(ov_form_str(f, "sort"));
    if (sort.len && ov_course_sort_parse(sort, &flt->sort, err) != OV_OK)
        return false;
    ov_str stage = ov_str_trim(ov_form_str(f, "stage"));
    if (stage.len) {
        ov_err ignored;
        if (ov_stage_parse(stage, &flt->stage, &ignored) != OV_OK) {
            char shown[40];
            snprintf(shown, sizeof shown, "%.*s",
                     (int)(stage.len < 32 ? stage.len : 32), stage.ptr);
            ov_err_msg(err, OV_EINVAL, "stage", courses_stage_unknown,
                       shown);
            return false;
        }
        flt->has_stage = true;
    }
    if (!parse_show(f, true, team, err))
        return false;
    flt->mine = !*team;
    flt->limit = (int)ov_form_int(f, "per_page", COURSES_PER_PAGE);
    flt->offset = (int)(ov_form_int(f, "page", 1) - 1) * flt->limit;
    return true;
}

/* The list's address with one parameter changed (NULL: as it is). */
static void list_href(ov_response *res, const ov_course_filter *f, bool team,
                      const char *sort, int page)
{
    ov_html_printf(res, "/forloeb?sort=%u&amp;show=%u",
                   ov_str_c(sort ? sort : ov_course_sort_code(f->sort)),
                   ov_str_c(team ? "team" : "mine"));
    if (f->has_stage)
        ov_html_printf(res, "&amp;stage=%u",
                       ov_str_c(ov_stage_code(f->stage)));
    if (page > 1)
        ov_html_printf(res, "&amp;page=%d", page);
}

static void list_filters(ov_ctx *c, const ov_course_filter *f, bool team)
{
    ov_response *res = c->res;
    bool frontline = ov_role_is_frontline(c->req->viewer.role);
    ov_html_lit(res, "<form method=\"get\" action=\"/forloeb\" "
                     "class=\"filter\"><div class=\"row\">");
    ov_html_printf(res,
                   "<div class=\"field\"><label for=\"f-stage\">%t</label>"
                   "<select id=\"f-stage\" name=\"stage\"><option "
                   "value=\"\">%t</option>",
                   "courses.stage", "courses.all_stages");
    for (int s = 0; s < OV_STAGE_COUNT; s++) {
        char key[48];
        snprintf(key, sizeof key, "stage.%s", ov_stage_code((ov_stage)s));
        ov_html_printf(res, "<option value=\"%h\"%h>%t</option>",
                       ov_str_c(ov_stage_code((ov_stage)s)),
                       ov_str_c(f->has_stage && (int)f->stage == s ? " selected"
                                                               : ""),
                       key);
    }
    ov_html_lit(res, "</select></div>");
    if (frontline)
        ov_html_printf(res,
                       "<div class=\"field\"><label for=\"f-show\">%t</label>"
                       "<select id=\"f-show\" name=\"show\">"
                       "<option value=\"team\"%h>%t</option>"
                       "<option value=\"mine\"%h>%t</option></select></div>",
                       "courses.show", ov_str_c(team ? " selected" : ""),
                       "courses.show_team", ov_str_c(team ? "" : " selected"),
                       "courses.show_mine");
    else
        ov_html_lit(res, "<input type=\"hidden\" name=\"show\" "
                         "value=\"team\">");
    ov_html_printf(res,
                   "<div class=\"field\"><label for=\"f-sort\">%t</label>"
                   "<select id=\"f-sort\" name=\"sort\">",
                   "courses.sort");
    for (int s = 0; s < OV_COURSE_SORT_COUNT; s++) {
        char key[48];
        snprintf(key, sizeof key, "courses.sort_%s",
                 ov_course_sort_code((ov_course_sort)s));
        ov_html_printf(res, "<option value=\"%h\"%h>%t</option>",
                       ov_str_c(ov_course_sort_code((ov_course_sort)s)),
                       ov_str_c(f->sort == (ov_course_sort)s ? " selected"
                                                             : ""),
                       key);
    }
    ov_html_printf(res,
                   "</select></div></div><div class=\"actions\"><button "
                   "type=\"submit\">%t</button></div></form>",
                   "common.show");
}

/* A column head that sorts by its key. */
static void sort_head(ov_response *res, const ov_course_filter *f, bool team,
                      ov_course_sort key, const char *label)
{
    bool on = f->sort == key;
    if (on)
        ov_html_lit(res, "<th aria-sort=\"ascending\"><a href=\"");
    else
        ov_html_lit(res, "<th><a href=\"");
    list_href(res, f, team, ov_course_sort_code(key), 1);
    ov_html_printf(res, "\">%t%h</a></th>", label,
                   ov_str_c(on ? " \xe2\x96\xbe" : ""));
}

/* "Viser de første 50 af 130", "Viser 51-100 af 130". */
static void list_count(ov_response *res, const ov_course_filter *f,
                       const ov_list_info *li)
{
    if (f->offset == 0 && !li->truncated)
        return;
    ov_html_lit(res, "<p class=\"list-cut\">");
    if (f->offset == 0) {
        ov_page_list_cut(res, li, "list.first");
        ov_html_lit(res, "</p>");
        return;
    }
    const char *t = ov_msg((ov_lang)res->lang, "list.range");
    const char *run = t;
    for (const char *p = t; *p; p++) {
        if (p[0] != '%' || p[1] < '1' || p[1] > '3')
            continue;
        ov_html_text(res, (ov_str){run, (size_t)(p - run)});
        ov_html_int(res, p[1] == '1'   ? f->offset + 1
                         : p[1] == '2' ? f->offset + li->n
                                       : li->total);
        run = ++p + 1;
    }
    ov_html_text(res, ov_str_c(run));
    ov_html_lit(res, "</p>");
}

void ov_h_course_list(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_form f;
    ov_form_init(&f, list_spec, 5, c.lang, req->arena);
    ov_course_filter flt;
    bool team = true;
    if (!parse_list(&c, &f, &flt, &team, &err)) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_tx *tx;
    ov_case_item *items = NULL;
    ov_list_info n;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    bool ok = ov_course_list_page(tx, &req->viewer, &flt, req->arena, &items,
                                  &n, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    int per = flt.limit, page = flt.offset / per + 1;
    if (c.api) {
        ov_api_cases(&c, items, &n, page, per);
        return;
    }
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "courses.title")));
    list_filters(&c, &flt, team);
    if (n.n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "courses.none");
        ov_page_end(res);
        return;
    }
    list_count(res, &flt, &n);
    ov_html_lit(res, "<table class=\"courses\"><thead><tr>");
    sort_head(res, &flt, team, OV_COURSE_SORT_NAME, "courses.citizen");
    sort_head(res, &flt, team, OV_COURSE_SORT_STAGE, "courses.stage");
    sort_head(res, &flt, team, OV_COURSE_SORT_START, "courses.start");
    sort_head(res, &flt, team, OV_COURSE_SORT_DUE, "courses.next_due");
    ov_html_lit(res, "</tr></thead><tbody>");
    for (int i = 0; i < n.n; i++) {
        char key[48];
        snprintf(key, sizeof key, "stage.%s", ov_stage_code(items[i].stage));
        ov_html_printf(res, "<tr><td><a href=\"/forloeb/%D\">%h</a>",
                       items[i].id, items[i].citizen_name);
        if (items[i].mine && team)
            ov_html_printf(res, " <span class=\"badge\">%t</span>",
                           "courses.mine_badge");
        ov_html_printf(res, "</td><td>%t</td><td>", key);
        ov_page_date(res, items[i].started_on);
        ov_html_lit(res, "</td><td>");
        if (items[i].has_due)
            ov_page_date(res, items[i].next_due);
        else if (items[i].ended)
            ov_html_printf(res, "%t", "search.ended");
        ov_html_lit(res, "</td></tr>");
    }
    ov_html_lit(res, "</tbody></table>");
    if (flt.offset > 0 || n.truncated) {
        ov_html_printf(res, "<nav class=\"pager\" aria-label=\"%t\">",
                       "courses.pages");
        if (flt.offset > 0) {
            ov_html_lit(res, "<a rel=\"prev\" href=\"");
            list_href(res, &flt, team, NULL, page - 1);
            ov_html_printf(res, "\">%t</a> ", "courses.prev");
        }
        if (n.truncated) {
            ov_html_lit(res, "<a rel=\"next\" href=\"");
            list_href(res, &flt, team, NULL, page + 1);
            ov_html_printf(res, "\">%t</a>", "courses.next");
        }
        ov_html_lit(res, "</nav>");
    }
    ov_page_end(res);
}

/* ---- the course page ---- */

static void element(ov_response *res, const char *key, bool done,
                    ov_str detail, const char *href, const char *action_key)
{
    ov_html_printf(res,
                   "<li class=\"element %h\"><span class=\"mark\">%h</span>"
                   "<div><h3>%t</h3><p>%h</p>",
                   ov_str_c(done ? "done" : "missing"),
                   ov_str_c(done ? "\xe2\x9c\x93" : "\xe2\x80\x94"), key,
                   detail);
    if (href)
        ov_html_printf(res, "<a class=\"button\" href=\"%h\">%t</a>",
                       ov_str_c(href), action_key);
    ov_html_lit(res, "</div></li>");
}

static ov_str fmt1(ov_ctx *c, const char *key, const char *arg1,
                   const char *arg2)
{
    return ov_str_c(ov_msg_fill(c->req->arena, c->lang, key, arg1, arg2));
}

/* The course page: dispatch has checked the course and opened its audited
 * read. */
void ov_v_course(ov_ctx *cx)
{
    ov_request *req = cx->req;
    ov_response *res = cx->res;
    int64_t id = cx->id;
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(cx, &tx, &err) != OV_OK) {
        ov_ctx_fail(cx, &err);
        return;
    }
    ov_arena *a = req->arena;
    ov_course co;
    ov_citizen ci;
    ov_meeting_row *meetings = NULL;
    ov_list_info nmeet;
    ov_plan plan;
    ov_plan_meta pm;
    ov_proposal_row *props = NULL;
    ov_list_info nprops;
    ov_placement_row *places = NULL;
    ov_list_info nplaces;
    ov_cti_state cti;
    ov_measurement *who5 = NULL;
    ov_list_info nwho5;
    ov_course_facts facts;
    ov_member_row *members = NULL;
    ov_list_info nmembers;
    bool ok = ov_course_get(tx, id, a, &co, &err) == OV_OK &&
              ov_citizen_get(tx, co.citizen_id, a, &ci, &err) == OV_OK &&
              ov_meeting_list(tx, id, a, &meetings, &nmeet, &err) == OV_OK &&
              ov_plan_load(tx, id, 0, a, &plan, &pm, &err) == OV_OK &&
              ov_proposal_list(tx, id, a, &props, &nprops, &err) == OV_OK &&
              ov_placement_list(tx, id, a, &places, &nplaces, &err) ==
                  OV_OK &&
              ov_cti_load(tx, id, a, &cti, &err) == OV_OK &&
              ov_measure_list(tx, id, OV_INSTR_WHO5, 64, a, &who5, &nwho5,
                              &err) == OV_OK &&
              ov_course_facts_get(tx, id, cx->today, &facts, &err) == OV_OK &&
              ov_team_members(tx, co.team_id, a, &members, &nmembers,
                              &err) == OV_OK;
    if (!ov_ctx_finish(cx, tx, ok, &err))
        return;
    bool may_write = ov_may_do(&req->viewer, OV_OP_COURSE_WRITE) && !co.ended;
    char stage_key[48];
    snprintf(stage_key, sizeof stage_key, "stage.%s", ov_stage_code(co.stage));
    ov_page_begin(res, req, 200, ci.full_name);
    ov_html_printf(res,
                   "<p class=\"meta\"><span class=\"badge\">%t</span> %t ",
                   stage_key, "course.started");
    ov_page_date(res, co.started_on);
    if (co.ended) {
        ov_html_printf(res, " &middot; %t ", "course.ended");
        ov_page_date(res, co.ended_on);
        char rk[48];
        snprintf(rk, sizeof rk, "endr.%s", ov_end_reason_code(co.end_reason));
        ov_html_printf(res, " (%t)", rk);
    }
    ov_html_lit(res, "</p>");
    /* everything written on the course, for the staff (issue 13 §2) */
    if (ov_may_do(&req->viewer, OV_OP_JOURNAL_READ))
        ov_html_printf(res,
                       "<p class=\"journal-link\"><a href=\"/forloeb/%D/"
                       "journal\">%t</a></p>",
                       id, "journal.link");

    /* what is due on this course */
    ov_task due[OV_TASKS_PER_COURSE];
    int ndue = co.ended ? 0
                        : ov_due_tasks(&facts, cx->today, 14, due,
                                       OV_TASKS_PER_COURSE);
    if (ndue > 0) {
        /* by due date, each task a link to the step that resolves it (an
         * agreement review to the newest placement) */
        ov_due_sort(due, ndue);
        int64_t newest_placement = nplaces.n ? places[nplaces.n - 1].id : 0;
        ov_html_printf(res, "<section class=\"due\"><h2>%t</h2><ul>",
                       "tasks.due");
        for (int i = 0; i < ndue; i++) {
            ov_html_printf(res, "<li class=\"%h\">",
                           ov_str_c(due[i].overdue ? "overdue" : ""));
            ov_page_date(res, due[i].due);
            ov_html_printf(res, ": <a href=\"%h\">%h</a></li>",
                           ov_str_c(ov_task_step(cx, &due[i],
                                                 newest_placement)),
                           ov_str_c(ov_task_text(cx, &due[i])));
        }
        ov_html_lit(res, "</ul></section>");
    }

    /* the six core elements as a timeline */
    char buf[64], buf2[64];
    const char *base = ov_arena_printf(a, "/forloeb/%lld", (long long)id);
    ov_html_printf(res, "<h2>%t</h2><ol class=\"timeline\">",
                   "course.elements");
    if (facts.has_start_meeting) {
        ov_date_format_dk(facts.start_meeting_on, buf);
        element(res, "element.1", true,
                fmt1(cx, "element.start_done", buf, ""), NULL, NULL);
    } else {
        /* an incomplete start meeting names who was missing */
        ov_str what = ov_str_c(ov_msg(cx->lang, "element.start_missing"));
        for (int i = nmeet.n - 1; i >= 0; i--) {
            if (meetings[i].kind != OV_MEETING_START)
                continue;
            ov_attendees miss =
                ov_start_meeting_missing(meetings[i].attendees);
            const char *who = "";
            static const ov_role roles[] = {
                OV_ROLE_CITIZEN, OV_ROLE_EMPLOYMENT_CASEWORKER,
                OV_ROLE_CTI_WORKER, OV_ROLE_COMPANY_CONSULTANT};
            for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++)
                if (miss & OV_ATTEND(roles[k]))
                    who = ov_arena_printf(
                        a, "%s%s%s", who, *who ? ", " : "",
                        ov_msg2(cx->lang, "mrole",
                                ov_role_code(roles[k])));
            ov_date_format_dk(meetings[i].held_on, buf);
            what = fmt1(cx, "element.start_incomplete", buf, who);
            break;
        }
        element(res, "element.1", false, what,
                may_write ? ov_arena_printf(a, "%s/opstartsmoede", base)
                          : NULL,
                "act.start_meeting");
    }
    snprintf(buf, sizeof buf, "%d", pm.version);
    element(res, "element.2", pm.version > 0 && ov_plan_has_job_goal(&plan),
            pm.version == 0 ? ov_str_c(ov_msg(cx->lang, "element.plan_missing"))
            : ov_plan_has_job_goal(&plan)
                ? fmt1(cx, "element.plan_done", buf, "")
                : ov_str_c(ov_msg(cx->lang, "element.plan_no_goal")),
            ov_arena_printf(a, "%s/plan", base),
            may_write ? "act.plan" : "plan.title");
    int nfollow = 0;
    for (int i = 0; i < nmeet.n; i++)
        nfollow += meetings[i].kind == OV_MEETING_FOLLOWUP;
    snprintf(buf, sizeof buf, "%d", nfollow);
    element(res, "element.3", nfollow > 0,
            nfollow ? fmt1(cx, "element.followups", buf, "")
                    : ov_str_c(ov_msg(cx->lang, "element.followup_missing")),
            may_write && facts.has_start_meeting
                ? ov_arena_printf(a, "%s/opfoelgning", base)
                : NULL,
            "act.followup");
    snprintf(buf, sizeof buf, "%d", nprops.total);
    element(res, "element.4", nprops.total > 0,
            nprops.total ? fmt1(cx, "element.match_done", buf, "")
                   : ov_str_c(ov_msg(cx->lang, "element.match_missing")),
            ov_arena_printf(a, "%s/match", base), "act.match");
    if (cti.started) {
        ov_date_format_dk(cti.course.start, buf);
        int ph = ov_cti_phase_of(&cti.course, cx->today);
        /* the phase now, before the start "starts <date>", after the end
         * "ended <date>" (the end is exclusive: its last day is shown) */
        ov_str what;
        if (ph >= 4) {
            ov_date_format_dk(cti.course.end - 1, buf2);
            what = fmt1(cx, "element.cti_ended", buf, buf2);
        } else if (ph < 1) {
            what = fmt1(cx, "element.cti_planned", buf, "");
        } else {
            snprintf(buf2, sizeof buf2, "%d", ph);
            what = fmt1(cx, "element.cti_done", buf, buf2);
        }
        element(res, "element.5", true, what,
                ov_arena_printf(a, "%s/cti", base), "act.cti");
    } else {
        element(res, "element.5", false,
                ov_str_c(ov_msg(cx->lang, "element.cti_missing")),
                ov_arena_printf(a, "%s/cti", base), "act.cti");
    }
    snprintf(buf, sizeof buf, "%d", nplaces.total);
    element(res, "element.6", nplaces.total > 0,
            nplaces.total ? fmt1(cx, "element.placement_done", buf, "")
                    : ov_str_c(ov_msg(cx->lang, "element.placement_missing")),
            ov_may_do(&req->viewer, OV_OP_PLACEMENT) && !co.ended &&
                    facts.has_start_meeting
                ? ov_arena_printf(a, "%s/virksomhedsforloeb", base)
                : NULL,
            "act.placement");
    ov_html_lit(res, "</ol>");

    /* placements */
    if (nplaces.n > 0) {
        ov_html_printf(res, "<h2>%t</h2>", "placement.list");
        ov_page_list_cut(res, &nplaces, "list.first");
        ov_html_lit(res, "<ul class=\"plain\">");
        for (int i = 0; i < nplaces.n; i++) {
            char tk[48];
            snprintf(tk, sizeof tk, "ptype.%s",
                     ov_placement_type_code(places[i].p.type));
            ov_html_printf(res,
                           "<li><a href=\"/virksomhedsforloeb/%D\">%t, %h</a> "
                           "",
                           places[i].id, tk, places[i].company_name);
            ov_page_date(res, places[i].p.start);
            ov_html_lit(res, "</li>");
        }
        ov_html_lit(res, "</ul>");
    }

    /* WHO-5 trajectory */
    ov_html_printf(res, "<h2>%t</h2>", "measure.title");
    ov_page_list_cut(res, &nwho5, "list.first");
    if (nwho5.n > 1) {
        double *y = OV_NEW_N(a, double, (size_t)nwho5.n);
        const char **xl = OV_NEW_N(a, const char *, (size_t)nwho5.n);
        for (int i = 0; i < nwho5.n; i++) {
            y[i] = who5[i].score;
            char *d = ov_arena_alloc(a, OV_DATE_BUF);
            ov_date_format_dk(who5[i].taken_on, d);
            xl[i] = d;
        }
        ov_series s = {ov_msg(cx->lang, "instr.who5"), y, "s1"};
        ov_chart ch = {ov_msg(cx->lang, "instr.who5"), nwho5.n, xl, 0, 100, 1,
                       &s, false};
        ov_chart_svg(res, &ch);
    }
    ov_html_printf(res, "<p><a class=\"button\" href=\"%h/maalinger\">%t</a></p>",
                   ov_str_c(base), "act.measure");

    /* meetings */
    if (nmeet.n > 0) {
        ov_html_printf(res, "<h2>%t</h2>", "meeting.list");
        ov_page_list_cut(res, &nmeet, "list.first");
        ov_html_printf(res,
                       "<table><thead><tr><th>%t</th><th>%t</th>"
                       "<th>%t</th></tr></thead><tbody>",
                       "common.date", "courses.stage", "meeting.attendees");
        for (int i = 0; i < nmeet.n; i++) {
            const ov_meeting_row *m = &meetings[i];
            ov_html_lit(res, "<tr><td>");
            ov_page_date(res, m->held_on);
            ov_html_printf(res, "</td><td>%t", m->kind == OV_MEETING_START
                                                   ? "meeting.kind.start"
                                                   : "meeting.kind.followup");
            if (m->kind == OV_MEETING_START)
                ov_html_printf(res, " (%t)", m->complete
                                                 ? "meeting.complete"
                                                 : "meeting.incomplete");
            else if (ov_followup_is_joint(m->attendees))
                ov_html_printf(res, " (%t)", "meeting.joint");
            ov_html_lit(res, "</td><td>");
            bool first = true;
            for (int k = 0; k < 5; k++) {
                const char *code = ov_opt_attendee(k);
                ov_role r;
                if (ov_role_parse(ov_str_c(code), "role", &r, NULL) != OV_OK ||
                    !ov_attendees_has(m->attendees, r))
                    continue;
                char rk[48];
                snprintf(rk, sizeof rk, "role.%s", code);
                ov_html_printf(res, "%h%t", ov_str_c(first ? "" : ", "), rk);
                first = false;
            }
            ov_html_lit(res, "</td></tr>");
        }
        ov_html_lit(res, "</tbody></table>");
    }

    /* the team around the citizen */
    ov_html_printf(res, "<h2>%t</h2>", "course.staff");
    if (co.nstaff == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "course.no_staff");
    else {
        ov_html_lit(res, "<ul class=\"plain\">");
        for (int i = 0; i < co.nstaff; i++) {
            char rk[48];
            snprintf(rk, sizeof rk, "role.%s", ov_role_code(co.staff[i].role));
            ov_html_printf(res, "<li>%t: %h", rk, co.staff[i].full_name);
            /* the staff member's phone and e-mail (the administrator
             * keeps them, ui_admin.c), from the team's member list */
            for (int m = 0; m < nmembers.n; m++) {
                const ov_member_row *mr = &members[m];
                if (mr->user_id != co.staff[i].user_id)
                    continue;
                if (mr->phone.len)
                    ov_html_printf(res, " · <a href=\"tel:%h\">%h</a>",
                                   mr->phone, mr->phone);
                if (mr->email.len)
                    ov_html_printf(res, " · <a href=\"mailto:%h\">%h</a>",
                                   mr->email, mr->email);
            }
            ov_html_lit(res, "</li>");
        }
        ov_html_lit(res, "</ul>");
    }
    if (may_write && nmembers.n > 0) {
        ov_page_form_begin(res, req, ov_str_c(ov_arena_printf(a, "%s/team", base)),
                           false);
        ov_html_lit(res, "<div class=\"row\">");
        for (int r = 0; r < 4; r++) {
            ov_role role = (ov_role)r;
            int64_t cur = 0;
            for (int i = 0; i < co.nstaff; i++)
                if (co.staff[i].role == role)
                    cur = co.staff[i].user_id;
            char rk[48];
            snprintf(rk, sizeof rk, "role.%s", ov_role_code(role));
            ov_html_printf(res,
                           "<div class=\"field\"><label for=\"f-%h\">%t</label>"
                           "<select id=\"f-%h\" name=\"%h\"><option "
                           "value=\"\"></option>",
                           ov_str_c(ov_role_code(role)), rk,
                           ov_str_c(ov_role_code(role)),
                           ov_str_c(ov_role_code(role)));
            for (int i = 0; i < nmembers.n; i++) {
                if (members[i].role != role)
                    continue;
                ov_html_printf(res, "<option value=\"%D\"%h>%h</option>",
                               members[i].user_id,
                               ov_str_c(members[i].user_id == cur ? " selected"
                                                                  : ""),
                               members[i].full_name);
            }
            ov_html_lit(res, "</select></div>");
        }
        ov_html_lit(res, "</div>");
        ov_page_list_cut(res, &nmembers, "list.first");
        ov_page_form_end(res, "common.save");
    }
    if (may_write)
        ov_html_printf(res,
                       "<p><a class=\"button danger\" href=\"%h/afslut\">%t"
                       "</a></p>",
                       ov_str_c(base), "act.end");
    ov_page_end(res);
}

/* ---- the team around the citizen ---- */

static const ov_field team_spec[] = {
    {.name = "employment_caseworker", .type = OV_F_INT, .min = 1,
     .max_i = INT64_MAX / 2, .label = "role.employment_caseworker"},
    {.name = "social_caseworker", .type = OV_F_INT, .min = 1,
     .max_i = INT64_MAX / 2, .label = "role.social_caseworker"},
    {.name = "cti_worker", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "role.cti_worker"},
    {.name = "company_consultant", .type = OV_F_INT, .min = 1,
     .max_i = INT64_MAX / 2, .label = "role.company_consultant"},
};

static ov_status team_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                          int64_t *out_id, ov_err *err)
{
    *out_id = c->course_id;
    bool any = false;
    for (int r = 0; r < 4; r++)
        any = any || ov_form_int(f, team_spec[r].name, 0) > 0;
    if (!any)
        return ov_err_msg(err, OV_EINVAL, "", course_team_empty);
    for (int r = 0; r < 4; r++) {
        int64_t uid = ov_form_int(f, team_spec[r].name, 0);
        if (uid <= 0)
            continue;
        if (ov_course_assign(tx, c->course_id, (ov_role)r, uid, err) != OV_OK) {
            /* the form's field, not the store's "user_id" */
            snprintf(err->field, sizeof err->field, "%s", team_spec[r].name);
            return err->code;
        }
    }
    return OV_OK;
}

const ov_web_action ov_act_team = {
    "team", team_spec, 4, OV_OP_COURSE_WRITE, OV_SCOPE_COURSE, team_run, NULL,
    NULL, NULL};

/* ---- ending a course ---- */

static const char *end_reason_opt(int i)
{
    return i >= 0 && i < OV_END_COUNT ? ov_end_reason_code((ov_end_reason)i)
                                      : NULL;
}

static const ov_field end_spec[] = {
    {.name = "reason", .type = OV_F_CHOICE, .required = true,
     .label = "end.reason", .option = end_reason_opt,
     .noptions = OV_END_COUNT, .option_prefix = "endr"},
    {.name = "text", .type = OV_F_TEXTAREA, .max = 500, .label = "end.text"},
    {.name = "end_date", .type = OV_F_DATE, .required = true,
     .label = "end.date"},
};

static ov_status end_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                         int64_t *out_id, ov_err *err)
{
    ov_end_reason r;
    if (ov_end_reason_parse(ov_form_str(f, "reason"), &r, err) != OV_OK)
        return err->code;
    *out_id = c->course_id;
    return ov_course_end(tx, c->course_id, r, ov_form_str(f, "text"),
                         ov_form_date(f, "end_date", c->today), c->today,
                         err);
}

static void end_render(ov_ctx *c, ov_form *f, int status)
{
    ov_ctx_default_today(c, f, "end_date");
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "end.title")));
    ov_page_form_errors(c->res, f);
    ov_page_form_begin(c->res, c->req,
                       ov_str_c(ov_arena_printf(c->req->arena,
                                                "/forloeb/%lld/afslut",
                                                (long long)c->id)),
                       false);
    ov_page_fields(c->res, f);
    ov_page_form_end(c->res, "end.confirm");
    ov_html_printf(c->res, "<p><a href=\"/forloeb/%D\">%t</a></p>", c->id,
                   "common.back");
    ov_page_end(c->res);
}

const ov_web_action ov_act_end = {
    "end", end_spec, 3, OV_OP_COURSE_WRITE, OV_SCOPE_COURSE, end_run,
    end_render, NULL, NULL};
