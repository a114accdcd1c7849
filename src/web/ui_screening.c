/*
 * ui_screening.c - candidate import (CSV upload, all or nothing), the
 * screening result per criterion, and the random draw that makes courses.
 */
#include <stdio.h>
#include <string.h>

#include "core/crypto.h"
#include "model/screening.h"
#include "model/settings.h"
#include "store/screening.h"
#include "store/settings.h"
#include "store/view.h"
#include "web/handlers.h"

/* ---- import ---- */

static const ov_field import_spec[] = {
    {.name = "file", .type = OV_F_FILE, .required = true,
     .max = OV_HTTP_IMPORT_MAX, .label = "screening.file"},
    {.name = "reference_date", .type = OV_F_DATE, .required = true,
     .label = "screening.reference_date"},
    {.name = "source_name", .type = OV_F_TEXT, .required = true, .max = 200,
     .label = "screening.source_name"},
};

/* What the import's prepare step hands to run, and its report to the
 * page (c->extra). */
typedef struct import_state {
    ov_import_report rep;
    ov_import_plan *plan;
} import_state;

/* The API gets the first bad lines in the message (English, as the CLI
 * prints them); the page keeps the store's count of them, in the reader's
 * language, over its table of the lines. */
static void import_errors(ov_ctx *c, const ov_import_report *rep, ov_err *err)
{
    ov_buf b;
    ov_buf_init(&b, c->req->arena, OV_ERR_MSG_MAX - 1);
    for (int i = 0; i < rep->nerrors && i < 5; i++)
        ov_buf_printf(&b, " line %lld: %s: %s;",
                      (long long)rep->errors[i].line, rep->errors[i].field,
                      rep->errors[i].msg);
    ov_err_msg(err, OV_EINVAL, "file", screening_import_failed,
               rep->errors_total, ov_arg_strn(b.data, b.len));
}

/* Parse, check, screen and seal the list before the write transaction:
 * the municipality's rules come from the request's read (its route
 * declares a read, ACTION_PREPARED), and no writer waits while a
 * 100,000-line file is read. */
static ov_status import_prepare(ov_ctx *c, const ov_form *f, ov_err *err)
{
    import_state *is = OV_NEW(c->req->arena, import_state);
    c->extra = &is->rep;
    ov_settings set;
    if (!c->req->tx)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "the import's route declares no read (a bug)");
    ov_status st = ov_settings_get(c->req->tx,
                                   c->req->viewer.municipality_code, &set,
                                   err);
    if (st != OV_OK)
        return st;
    st = ov_screening_prepare(c->app->store,
                              ov_form_date(f, "reference_date", c->today),
                              &set.screening, ov_form_str(f, "file"),
                              c->req->arena, &is->plan, &is->rep, err);
    if (st != OV_OK && is->rep.nerrors > 0 && c->api)
        import_errors(c, &is->rep, err);
    return st;
}

/* The prepared list, in the action's write transaction: inserts only. */
static ov_status import_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                            int64_t *out_id, ov_err *err)
{
    import_state *is = (import_state *)c->extra;
    if (!is || !is->plan)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "the candidate list was not prepared (a bug)");
    return ov_screening_write(
        tx, c->req->viewer.municipality_code, is->plan,
        ov_str_dup0(c->req->arena, ov_str_trim(ov_form_str(f, "source_name"))),
        out_id, &is->rep, err);
}

static const char *batch_done(ov_ctx *c, int64_t id)
{
    return ov_arena_printf(c->req->arena, "/screening/%lld", (long long)id);
}

static void screening_page(ov_ctx *c, ov_form *f, int status);

const ov_web_action ov_act_import = {
    "screening_import", import_spec, 3, OV_OP_SCREENING,
    OV_SCOPE_MUNICIPALITY, import_run, screening_page, batch_done, NULL};

const ov_action_prepare ov_action_prepares[] = {
    {&ov_act_import, import_prepare},
    {NULL, NULL},
};

static void screening_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    ov_batch_row *rows = NULL;
    ov_list_info n;
    /* counts only, no citizen data: the request's read (or, shown again
     * after an import failed, its read or its undone write) */
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    bool ok = ov_batch_list(tx, c->req->viewer.municipality_code,
                            c->req->arena, &rows, &n, &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        ov_api_batches(c, rows, &n);
        return;
    }
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "screening.title")));
    ov_html_printf(res, "<h2>%t</h2>", "screening.batches");
    if (n.n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "screening.none");
    } else {
        ov_page_list_cut(res, &n, "list.newest");
        ov_html_printf(res,
                       "<table><thead><tr><th>%t</th><th>%t</th><th>%t</th>"
                       "<th>%t</th><th>%t</th><th>%t</th></tr></thead><tbody>",
                       "screening.reference_date", "screening.source_name",
                       "screening.candidates", "screening.in_target",
                       "screening.eligible", "screening.drawn");
        for (int i = 0; i < n.n; i++) {
            ov_html_printf(res, "<tr><td><a href=\"/screening/%D\">",
                           rows[i].id);
            ov_page_date(res, rows[i].reference_date);
            ov_html_printf(res,
                           "</a></td><td>%h</td><td>%d</td><td>%d</td>"
                           "<td>%d</td><td>%d</td></tr>",
                           rows[i].source_name, rows[i].ncandidates,
                           rows[i].nin_target, rows[i].neligible,
                           rows[i].ndrawn);
        }
        ov_html_lit(res, "</tbody></table>");
    }
    ov_form own;
    ov_form_init(&own, import_spec, 3, c->lang, c->req->arena);
    ov_form *use = f ? f : &own;
    ov_ctx_default_today(c, use, "reference_date");
    ov_html_printf(res, "<h2>%t</h2>", "screening.import");
    ov_page_form_errors(res, use);
    const ov_import_report *rep = c->extra;
    if (rep && rep->nerrors) {
        ov_html_printf(res,
                       "<div class=\"notice error\"><p>%t</p><table><thead>"
                       "<tr><th>%t</th><th>%t</th><th>%t</th></tr></thead>"
                       "<tbody>",
                       "screening.errors", "screening.line",
                       "screening.criterion", "error.title");
        for (int i = 0; i < rep->nerrors; i++) {
            /* each line's reason in the reader's language (its message
             * id, core/errmsg.h); the column is the file's own name */
            char why[OV_ERR_MSG_MAX];
            ov_msg_error(c->lang, &rep->errors[i].why, why, sizeof why);
            ov_html_printf(res, "<tr><td>%D</td><td>%h</td><td>%h</td></tr>",
                           rep->errors[i].line,
                           ov_str_c(rep->errors[i].field), ov_str_c(why));
        }
        ov_html_lit(res, "</tbody></table></div>");
    }
    ov_page_form_begin(res, c->req, OV_STR_LIT("/screening"), true);
    ov_page_fields(res, use);
    ov_page_form_end(res, "screening.import");
    ov_page_end(res);
}

void ov_h_screening(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    screening_page(&c, NULL, 200);
}

/* ---- the draw ---- */

static const ov_field draw_spec[] = {
    {.name = "count", .type = OV_F_INT, .required = true, .min = 1,
     .max_i = 10000, .label = "screening.count"},
    {.name = "seed", .type = OV_F_TEXT, .max = 20, .label = "screening.seed"},
    {.name = "team_id", .type = OV_F_INT, .required = true, .min = 1,
     .max_i = INT64_MAX / 2, .label = "screening.team"},
};

static ov_status draw_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                          int64_t *out_id, ov_err *err)
{
    /* batch_mine (the action's check) found the list in the caller's
     * municipality before the body was read */
    uint64_t seed;
    ov_str s = ov_str_trim(ov_form_str(f, "seed"));
    if (s.len == 0) {
        ov_random_bytes(&seed, sizeof seed);
        seed &= 0x7fffffffffffffffULL; /* shown and stored as a number */
    } else {
        int64_t v;
        if (!ov_str_is_digits(s) || ov_str_to_i64(s, &v) != OV_OK || v < 0)
            return ov_err_msg(err, OV_EINVAL, "seed",
                              screening_seed,
                              (long long)INT64_MAX);
        seed = (uint64_t)v;
    }
    int count = (int)ov_form_int(f, "count", 0);
    int64_t *out = OV_NEW_N(c->req->arena, int64_t, (size_t)count);
    int64_t *courses = OV_NEW_N(c->req->arena, int64_t, (size_t)count);
    int64_t draw_id = 0;
    ov_status st = ov_draw_make(tx, c->id, count, seed,
                                ov_form_int(f, "team_id", 0), c->today,
                                &draw_id, out, courses, err);
    *out_id = c->id;
    return st;
}

static void batch_page(ov_ctx *c, ov_form *f, int status);

static ov_status batch_mine(ov_ctx *c, ov_tx *tx, ov_err *err)
{
    /* the batch itself, not a search of the municipality's list: that
     * list stops at its cap, and an older batch is no less the caller's */
    ov_batch_row b;
    bool found;
    if (ov_batch_head(tx, c->id, c->req->viewer.municipality_code,
                      c->req->arena, &b, &found, err) != OV_OK)
        return err->code;
    if (found)
        return OV_OK;
    return ov_err_msg(err, OV_ENOTFOUND, NULL,
                      screening_list_not_found, (long long)c->id);
}

const ov_web_action ov_act_draw = {
    "draw", draw_spec, 3, OV_OP_SCREENING, OV_SCOPE_MUNICIPALITY, draw_run,
    batch_page, batch_done, batch_mine};

/* Who imported or drew: the user name, or "System" for an operator's
 * command on the server ("cli:<account>", the audit log's actor), which
 * is no one's name (the audit viewer says the same). */
static ov_str person(ov_ctx *c, ov_str user)
{
    if (user.len >= 4 && memcmp(user.ptr, "cli:", 4) == 0)
        return ov_str_c(ov_msg(c->lang, "role.system"));
    return user;
}

static void batch_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    ov_batch_detail d;
    ov_team_row *teams = NULL;
    ov_list_info nteams = {0, 0, false};
    /* the request's audited read (or, after a refused draw, its undone
     * write) */
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    bool ok = ov_batch_get(tx, c->id, c->req->viewer.municipality_code,
                           c->req->arena, &d, &err) == OV_OK &&
              ov_team_list(tx, c->req->viewer.municipality_code,
                           c->req->arena, &teams, &nteams, &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        ov_api_batch(c, &d);
        return;
    }
    ov_response *res = c->res;
    ov_arena *a = c->req->arena;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "screening.candidates")));
    ov_html_printf(res, "<p><a href=\"/screening\">%t</a></p><p>%t: ",
                   "common.back", "screening.reference_date");
    ov_page_date(res, d.batch.reference_date);
    ov_html_printf(res, " &middot; %h &middot; %t %h</p>",
                   d.batch.source_name, "screening.imported_by",
                   person(c, d.batch.imported_by));
    /* the draw */
    ov_html_printf(res, "<h2>%t</h2>", "screening.draw");
    if (d.ndraws) {
        ov_html_printf(res, "<table><thead><tr><th>%t</th><th>%t</th>"
                            "<th>%t</th><th>%t</th></tr></thead><tbody>",
                       "screening.draws", "screening.count", "screening.seed",
                       "audit.user");
        for (int i = 0; i < d.ndraws; i++)
            ov_html_printf(res,
                           "<tr><td>%D</td><td>%d / %d</td><td>%h</td>"
                           "<td>%h</td></tr>",
                           d.draws[i].id, d.draws[i].count, d.draws[i].pool,
                           d.draws[i].seed, person(c, d.draws[i].drawn_by));
        ov_html_lit(res, "</tbody></table>");
    }
    if (d.batch.neligible > d.batch.ndrawn) {
        ov_form own;
        ov_form_init(&own, draw_spec, 3, c->lang, a);
        ov_form *use = f ? f : &own;
        ov_page_form_errors(res, use);
        ov_page_form_begin(res, c->req,
                           ov_str_c(ov_arena_printf(
                               a, "/screening/%lld/lodtraekning",
                               (long long)c->id)),
                           false);
        ov_page_field(res, use, &draw_spec[0], NULL, NULL);
        ov_page_field(res, use, &draw_spec[1], NULL, NULL);
        ov_str cur = ov_form_str(use, "team_id");
        ov_html_printf(res,
                       "<div class=\"field\"><label for=\"f-team_id\">%t"
                       "</label><select id=\"f-team_id\" name=\"team_id\">",
                       "screening.team");
        for (int i = 0; i < nteams.n; i++) {
            char id[24];
            snprintf(id, sizeof id, "%lld", (long long)teams[i].id);
            ov_html_printf(res, "<option value=\"%h\"%h>%h</option>",
                           ov_str_c(id),
                           ov_str_c(ov_str_eq_c(cur, id) ? " selected" : ""),
                           teams[i].name);
        }
        ov_html_lit(res, "</select>");
        ov_page_list_cut(res, &nteams, "list.first");
        ov_html_lit(res, "</div>");
        ov_page_form_end(res, "screening.do_draw");
    }
    /* candidates with the result per criterion (the batch counts them
     * all, so a list cut at the store's cap says so too) */
    ov_list_info cands = {d.ncandidates, d.batch.ncandidates,
                          d.ncandidates < d.batch.ncandidates};
    ov_html_printf(res, "<h2>%t</h2>", "screening.criteria");
    ov_page_list_cut(res, &cands, "list.first");
    ov_html_printf(res,
                   "<table class=\"screening\"><thead><tr>"
                   "<th>%t</th><th>%t</th>",
                   "screening.line", "courses.citizen");
    for (int k = 0; k < OV_CRIT_COUNT; k++) {
        char ck[48];
        snprintf(ck, sizeof ck, "crit.%s", ov_criterion_code((ov_criterion)k));
        ov_html_printf(res, "<th>%t</th>", ck);
    }
    ov_html_printf(res, "<th>%t</th></tr></thead><tbody>", "courses.stage");
    for (int i = 0; i < d.ncandidates; i++) {
        const ov_candidate_row *r = &d.candidates[i];
        ov_screening sc;
        ov_screen(&d.batch.rules, &r->facts, d.batch.reference_date, &sc);
        ov_html_printf(res, "<tr><td>%d</td><td>", r->line);
        if (r->course_id)
            ov_html_printf(res, "<a href=\"/forloeb/%D\">%h</a>", r->course_id,
                           r->citizen_name);
        else
            ov_html_text(res, r->citizen_name);
        ov_html_lit(res, "</td>");
        for (int k = 0; k < OV_CRIT_COUNT; k++) {
            char ok_[48];
            snprintf(ok_, sizeof ok_, "outcome.%s",
                     ov_outcome_code(sc.results[k].outcome));
            ov_html_printf(res, "<td class=\"%h\" title=\"%h\">%t</td>",
                           ov_str_c(ov_outcome_code(sc.results[k].outcome)),
                           ov_str_c(c->lang == OV_LANG_EN
                                        ? sc.results[k].text_en
                                        : sc.results[k].text_da),
                           ok_);
        }
        ov_html_printf(res, "<td>%t</td></tr>",
                       r->draw_id        ? "screening.drawn"
                       : r->eligible     ? "screening.eligible"
                       : r->excluded     ? "screening.excluded"
                       : r->in_target_group ? "screening.in_target"
                                            : "outcome.fail");
    }
    ov_html_lit(res, "</tbody></table>");
    ov_page_end(res);
}

void ov_h_batch(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    if (!ov_ctx_param_id(&c, 0, &c.id))
        return;
    batch_page(&c, NULL, 200);
}
