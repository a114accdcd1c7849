/*
 * ui_match.c - companies and openings, match suggestions with their
 * explanations, proposals to the citizen and the citizen's answer (core
 * element 4).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/cvr.h"
#include "core/fmt.h"
#include "model/match.h"
#include "model/occupation.h"
#include "report/numtext.h"
#include "store/match.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/plan.h"
#include "store/view.h"
#include "web/handlers.h"

static const char *acc_opt(int i)
{
    return i >= 0 && i < OV_ACC_COUNT
               ? ov_accommodation_code((ov_accommodation)i)
               : NULL;
}

static const char *ord_opt(int i)
{
    return i >= 0 && i < OV_ORD_COUNT
               ? ov_ordinary_hours_code((ov_ordinary_hours)i)
               : NULL;
}

static const char *travel_opt(int i)
{
    static const char *const t[] = {"same_municipality", "anywhere"};
    return i >= 0 && i < 2 ? t[i] : NULL;
}

static unsigned acc_bits(const ov_form *f, const char *name)
{
    ov_str v[OV_ACC_COUNT];
    int n = ov_form_values(f, name, v, OV_ACC_COUNT);
    unsigned bits = 0;
    for (int i = 0; i < n; i++) {
        ov_accommodation a;
        if (ov_accommodation_parse(v[i], &a, NULL) == OV_OK)
            bits |= OV_ACC_BIT(a);
    }
    return bits;
}

/* ---- companies and openings ---- */

static const ov_field company_spec[] = {
    {.name = "cvr", .type = OV_F_TEXT, .required = true, .max = 12,
     .label = "company.cvr"},
    {.name = "name", .type = OV_F_TEXT, .required = true, .max = 200,
     .label = "company.name"},
    {.name = "postcode", .type = OV_F_INT, .min = 1000, .max_i = 9999,
     .label = "company.postcode"},
};

static ov_status company_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                             int64_t *out_id, ov_err *err)
{
    return ov_org_company_create(tx, ov_str_trim(ov_form_str(f, "cvr")),
                                 ov_str_trim(ov_form_str(f, "name")),
                                 c->req->viewer.municipality_code,
                                 (int)ov_form_int(f, "postcode", 0), out_id,
                                 err);
}

static const ov_field opening_spec[] = {
    {.name = "tasks", .type = OV_F_TEXTAREA, .required = true, .max = 2000,
     .label = "opening.tasks"},
    {.name = "occupation", .type = OV_F_TEXT, .max = 200,
     .label = "occupation.field", .occupation = true},
    {.name = "hours_min", .type = OV_F_INT, .required = true, .min = 0,
     .max_i = 60, .label = "opening.hours_min"},
    {.name = "hours_max", .type = OV_F_INT, .required = true, .min = 0,
     .max_i = 60, .label = "opening.hours_max"},
    {.name = "accommodations", .type = OV_F_CHOICES, .max = OV_ACC_COUNT,
     .label = "opening.accommodations", .option = acc_opt,
     .noptions = OV_ACC_COUNT, .option_prefix = "acc"},
    {.name = "ordinary", .type = OV_F_CHOICE, .required = true,
     .label = "opening.ordinary", .option = ord_opt, .noptions = OV_ORD_COUNT,
     .option_prefix = "ordinary"},
    {.name = "shortage", .type = OV_F_BOOL, .label = "opening.shortage"},
};

static ov_status opening_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                             int64_t *out_id, ov_err *err)
{
    /* the company must be one of the caller's municipality */
    ov_company_row co;
    if (ov_company_get(tx, c->id, c->req->viewer.municipality_code,
                       c->req->arena, &co, err) != OV_OK)
        return err->code;
    ov_opening o;
    memset(&o, 0, sizeof o);
    o.tasks = ov_form_str(f, "tasks");
    /* chosen by title: "title (code)", a code, or a unique part */
    if (ov_occupation_resolve(ov_form_str(f, "occupation"), "occupation",
                              c->req->arena, &o.occupation, err) != OV_OK)
        return err->code;
    o.hours_min = (int)ov_form_int(f, "hours_min", 0);
    o.hours_max = (int)ov_form_int(f, "hours_max", 0);
    o.accommodations = acc_bits(f, "accommodations");
    if (ov_ordinary_hours_parse(ov_form_str(f, "ordinary"), &o.ordinary,
                                err) != OV_OK)
        return err->code;
    o.shortage = ov_form_bool(f, "shortage");
    if (o.hours_min > o.hours_max)
        return ov_err_msg(err, OV_EINVAL, "hours_max",
                          match_hours_max_below_min, o.hours_min);
    ov_status st = ov_opening_create(tx, c->id, &o, err);
    *out_id = o.id;
    return st;
}

static ov_status company_mine(ov_ctx *c, ov_tx *tx, ov_err *err)
{
    ov_company_row co;
    return ov_company_get(tx, c->id, c->req->viewer.municipality_code,
                          c->req->arena, &co, err);
}

static const char *companies_done(ov_ctx *c, int64_t id)
{
    (void)c;
    (void)id;
    return "/virksomheder";
}

static void companies_page(ov_ctx *c, ov_form *f, int status);

const ov_web_action ov_act_company = {
    "company", company_spec, 3, OV_OP_COMPANY, OV_SCOPE_MUNICIPALITY,
    company_run, companies_page, companies_done, NULL};
const ov_web_action ov_act_opening = {
    "opening", opening_spec, 7, OV_OP_COMPANY, OV_SCOPE_MUNICIPALITY,
    opening_run, companies_page, companies_done, company_mine};

static void companies_page(ov_ctx *c, ov_form *f, int status)
{
    ov_company_row *rows = NULL;
    ov_list_info n;
    if (!ov_ctx_companies(c, &rows, &n))
        return;
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "company.title")));
    bool may = ov_may_do(&c->req->viewer, OV_OP_COMPANY);
    /* the form that failed shows its errors where it is */
    bool company_form = f && f->spec == company_spec;
    if (n.n == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "company.none");
    ov_page_list_cut(res, &n, "list.first");
    for (int i = 0; i < n.n; i++) {
        const ov_company_row *r = &rows[i];
        ov_html_printf(res,
                       "<section class=\"company\" id=\"company-%D\"><h2>%h "
                       "<small>CVR %h</small></h2>",
                       r->id, r->name, r->cvr);
        if (r->nopenings) {
            ov_html_printf(res,
                           "<table><thead><tr><th>%t</th><th>%t</th>"
                           "<th>%t</th><th>%t</th></tr></thead><tbody>",
                           "opening.tasks", "opening.occupation",
                           "placement.weekly_hours", "opening.ordinary");
            for (int k = 0; k < r->nopenings; k++) {
                const ov_opening *o = &r->openings[k].o;
                char ok_[48];
                snprintf(ok_, sizeof ok_, "ordinary.%s",
                         ov_ordinary_hours_code(o->ordinary));
                ov_html_printf(res,
                               "<tr><td>%h</td><td>%h</td><td>%d-%d</td>"
                               "<td>%t</td></tr>",
                               o->tasks,
                               ov_str_c(ov_occupation_label(c->req->arena,
                                                            o->occupation)),
                               o->hours_min,
                               o->hours_max, ok_);
            }
            ov_html_lit(res, "</tbody></table>");
        }
        if (may) {
            bool this_one = f && f->spec == opening_spec && c->id == r->id;
            ov_form of;
            ov_form_init(&of, opening_spec, 7, c->lang, c->req->arena);
            ov_form *use = this_one ? f : &of;
            /* one form per company on the page: element ids
             * "f-c<company>-<field>", so each label names its own field */
            use->id_prefix =
                ov_arena_printf(c->req->arena, "c%lld", (long long)r->id);
            ov_html_printf(res, "<details%h><summary>%t</summary>",
                           ov_str_c(this_one ? " open" : ""), "opening.new");
            ov_page_form_errors(res, use);
            ov_page_form_begin(res, c->req,
                               ov_str_c(ov_arena_printf(
                                   c->req->arena, "/virksomheder/%lld/pladser",
                                   (long long)r->id)),
                               false);
            ov_page_fields(res, use);
            ov_page_form_end(res, "common.save");
            ov_html_lit(res, "</details>");
        }
        ov_html_lit(res, "</section>");
    }
    if (may) {
        ov_form cf;
        ov_form_init(&cf, company_spec, 3, c->lang, c->req->arena);
        ov_form *use = company_form ? f : &cf;
        ov_html_printf(res, "<h2>%t</h2>", "company.new");
        ov_page_form_errors(res, use);
        ov_page_form_begin(res, c->req, OV_STR_LIT("/virksomheder"), false);
        ov_page_fields(res, use);
        ov_page_form_end(res, "common.save");
    }
    ov_page_end(res);
}

void ov_h_companies(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    if (c.api) {
        ov_api_companies(&c);
        return;
    }
    companies_page(&c, NULL, 200);
}

/* ---- suggestions and proposals ---- */

static const ov_field profile_spec[] = {
    {.name = "occupation", .type = OV_F_TEXT, .max = 200,
     .label = "occupation.field", .occupation = true},
    {.name = "wishes", .type = OV_F_TEXT, .max = 400, .label = "match.wishes"},
    {.name = "needs", .type = OV_F_CHOICES, .max = OV_ACC_COUNT,
     .label = "match.needs", .option = acc_opt, .noptions = OV_ACC_COUNT,
     .option_prefix = "acc"},
    {.name = "wanted_hours", .type = OV_F_INT, .min = 1, .max_i = 60,
     .label = "match.wanted_hours"},
    {.name = "postcode", .type = OV_F_INT, .min = 1000, .max_i = 9999,
     .label = "match.postcode"},
    {.name = "travel", .type = OV_F_CHOICE, .label = "match.travel",
     .option = travel_opt, .noptions = 2, .option_prefix = "travel"},
    {.name = "opening_id", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "match.opening"},
};
#define NPROFILE 7

static ov_status profile_of(ov_ctx *c, const ov_form *f,
                            ov_match_profile *p, ov_err *err)
{
    memset(p, 0, sizeof *p);
    if (ov_occupation_resolve(ov_form_str(f, "occupation"), "occupation",
                              c->req->arena, &p->occupation, err) != OV_OK)
        return err->code;
    ov_str w = ov_form_str(f, "wishes");
    while (w.ptr && w.len && p->nwishes < OV_WISHES_MAX) {
        ov_str one;
        w = ov_str_cut(w, ',', &one);
        one = ov_str_trim(one);
        if (one.len)
            p->wishes[p->nwishes++] = one;
    }
    p->needs = acc_bits(f, "needs");
    p->wanted_hours = (int)ov_form_int(f, "wanted_hours", 15);
    p->municipality_code = c->req->viewer.municipality_code;
    p->postcode = (int)ov_form_int(f, "postcode", 0);
    p->travel = ov_str_eq_c(ov_form_str(f, "travel"), "anywhere")
                    ? OV_TRAVEL_ANYWHERE
                    : OV_TRAVEL_SAME_MUNICIPALITY;
    return OV_OK;
}

static ov_status propose_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                             int64_t *out_id, ov_err *err)
{
    int64_t opening = ov_form_int(f, "opening_id", 0);
    if (opening <= 0)
        return ov_err_msg(err, OV_EINVAL, "opening_id",
                          match_opening_choose);
    /* the score is computed here, never taken from the caller */
    ov_match_profile p;
    if (profile_of(c, f, &p, err) != OV_OK)
        return err->code;
    ov_match_weights w = ov_match_weights_default();
    enum { CAP = 2000 };
    ov_match_score *sc = OV_NEW_N(c->req->arena, ov_match_score, CAP);
    int n = 0;
    if (ov_match_suggest(tx, c->course_id, &p, &w, c->req->arena, sc, CAP, &n,
                         err) != OV_OK)
        return err->code;
    for (int i = 0; i < n; i++)
        if (sc[i].opening_id == opening) {
            /* the match page after the proposal keeps the profile: the
             * form's fields but the opening, as the page's query */
            const char *q = "";
            for (int k = 0; k < f->n; k++)
                if (!ov_str_eq_c(f->names[k], "opening_id"))
                    q = ov_arena_printf(
                        c->req->arena, "%s%s%s=%s", q, *q ? "&" : "",
                        ov_url_encode(c->req->arena, f->names[k], ""),
                        ov_url_encode(c->req->arena, f->values[k], ""));
            c->extra = (void *)q;
            return ov_match_propose(tx, c->course_id, opening, sc[i].total,
                                    c->today, out_id, err);
        }
    /* the suggestions hold only the course's municipality's openings;
     * the same answer as the store's for one that does not exist */
    return ov_err_msg(err, OV_ENOTFOUND, "opening_id",
                      match_opening_not_found,
                      (long long)opening);
}

static const char *match_done(ov_ctx *c, int64_t id)
{
    (void)id;
    const char *q = c->extra;
    if (q && *q)
        return ov_arena_printf(c->req->arena, "%s?%s",
                               ov_ctx_course_page(c, "match"), q);
    return ov_ctx_course_page(c, "match");
}

/* A profile form that starts from what the course knows: the occupation
 * of the latest plan's job goal and the wishes of the latest start
 * meeting that has them (the citizen's own words, cut to the field's
 * 400 characters at a comma), and the defaults an empty field is
 * searched with. Read in the page's transaction. */
static ov_status profile_carry(ov_ctx *c, ov_tx *tx, ov_form *f, ov_err *err)
{
    ov_arena *a = c->req->arena;
    ov_plan plan;
    ov_plan_meta meta;
    if (ov_plan_load(tx, c->id, 0, a, &plan, &meta, err) != OV_OK)
        return err->code;
    if (plan.occupation.len)
        ov_form_set(f, a, "occupation", plan.occupation);
    ov_meeting_row *m = NULL;
    ov_list_info li;
    if (ov_meeting_list(tx, c->id, a, &m, &li, err) != OV_OK)
        return err->code;
    for (int i = li.n - 1; i >= 0; i--) {
        if (m[i].kind != OV_MEETING_START || !m[i].wishes.len)
            continue;
        ov_str w = ov_str_trim(m[i].wishes);
        if (w.len > 400) {
            size_t cut = 400;
            while (cut > 0 && w.ptr[cut] != ',')
                cut--;
            w.len = cut ? cut : 400;
        }
        ov_form_set(f, a, "wishes", w);
        break;
    }
    /* what an empty field is searched as (profile_of), shown */
    ov_form_set(f, a, "wanted_hours", OV_STR_LIT("15"));
    ov_form_set(f, a, "travel", OV_STR_LIT("same_municipality"));
    return OV_OK;
}

static void match_page(ov_ctx *c, ov_form *f, int status);

const ov_web_action ov_act_propose = {
    "propose", profile_spec, NPROFILE, OV_OP_MATCH, OV_SCOPE_COURSE,
    propose_run, match_page, match_done, NULL};

static const char *answer_opt(int i)
{
    static const char *const a[] = {"yes", "no"};
    return i >= 0 && i < 2 ? a[i] : NULL;
}

static const ov_field answer_spec[] = {
    {.name = "answer", .type = OV_F_CHOICE, .required = true,
     .label = "match.answer", .option = answer_opt, .noptions = 2,
     .option_prefix = "common"},
    {.name = "comment", .type = OV_F_TEXTAREA, .max = OV_MATCH_COMMENT_MAX,
     .label = "mine.proposal_comment"},
};

/* The citizen answers their own proposal in their own log-in (dispatch
 * found it on their course, else 404); the staff who match record an
 * answer the citizen gave them. Which of the two is recorded with it. */
static ov_status answer_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                            int64_t *out_id, ov_err *err)
{
    *out_id = c->id;
    bool citizen = c->req->viewer.role == OV_ROLE_CITIZEN;
    return ov_match_answer(tx, c->id,
                           ov_str_eq_c(ov_form_str(f, "answer"), "yes"),
                           citizen ? OV_BY_CITIZEN : OV_BY_STAFF,
                           ov_form_str(f, "comment"), c->today, err);
}

static const char *answer_done(ov_ctx *c, int64_t id)
{
    if (c->req->viewer.role == OV_ROLE_CITIZEN)
        return ov_arena_printf(c->req->arena, "/mine-forslag#forslag-%lld",
                               (long long)id);
    return match_done(c, id);
}

const ov_web_action ov_act_answer = {
    "answer", answer_spec, 2, OV_OP_PROPOSAL_ANSWER, OV_SCOPE_PROPOSAL,
    answer_run, NULL, answer_done, NULL};

static void parts(ov_response *res, int lang, const ov_match_score *s)
{
    ov_html_lit(res, "<ul class=\"why\">");
    for (int k = 0; k < OV_MC_COUNT; k++) {
        /* "7,5/10" in Danish, "7.5/10" in English */
        char b[2 * OV_NUMTEXT_MAX + 2];
        ov_numtext pts = ov_num_dec((ov_numlang)lang, s->parts[k].points, 1),
                   max = ov_num_dec((ov_numlang)lang, s->parts[k].max, 0);
        snprintf(b, sizeof b, "%s/%s", pts.s, max.s);
        ov_html_printf(res, "<li>%h: %h</li>", ov_str_c(b),
                       ov_str_c(s->parts[k].text_da));
    }
    ov_html_lit(res, "</ul>");
}

static void match_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    /* a GET carries the profile in the query */
    ov_form q;
    ov_form_init(&q, profile_spec, NPROFILE, c->lang, c->req->arena);
    bool searched = false;
    if (f->n == 0 && f->nerrors == 0 && c->req->query.len) {
        if (ov_form_parse_urlencoded(&q, c->req->query, NULL) == OV_OK)
            searched = true;
        f = &q;
    } else if (f->n) {
        searched = f->nerrors == 0;
    }
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_arena *a = c->req->arena;
    ov_proposal_row *props = NULL;
    ov_list_info nprops;
    enum { CAP = 20 };
    ov_match_score sc[CAP];
    int n = 0;
    bool ok = ov_proposal_list(tx, c->id, a, &props, &nprops, &err) == OV_OK;
    if (ok && !searched && f->n == 0 && f->nerrors == 0 &&
        ov_may_do(&c->req->viewer, OV_OP_MATCH))
        ok = profile_carry(c, tx, f, &err) == OV_OK;
    if (ok && searched && ov_may_do(&c->req->viewer, OV_OP_MATCH)) {
        ov_match_profile p;
        if (profile_of(c, f, &p, &err) != OV_OK) {
            /* an occupation the list does not know: said next to the
             * field, with the titles to pick from (page.c) */
            ov_form_fail_err(f, &err);
            ov_err_clear(&err);
            searched = false;
        } else {
            ov_match_weights w = ov_match_weights_default();
            ok = ov_match_suggest(tx, c->id, &p, &w, a, sc, CAP, &n, &err) ==
                 OV_OK;
        }
    }
    /* the companies, to name the openings suggested */
    ov_company_row *cos = NULL;
    ov_list_info nco = {0, 0, false};
    if (ok && n > 0)
        ok = ov_company_list(tx, c->req->viewer.municipality_code, a, &cos,
                             &nco, &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        ov_api_suggestions(c, sc, n);
        return;
    }
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status, ov_str_c(ov_msg(c->lang, "match.title")));
    ov_html_printf(res, "<p><a href=\"/forloeb/%D\">%t</a></p>", c->id,
                   "common.back");
    ov_html_printf(res, "<h2>%t</h2>", "match.proposals");
    if (nprops.n == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>",
                       "element.match_missing");
    ov_page_list_cut(res, &nprops, "list.newest");
    for (int i = 0; i < nprops.n; i++) {
        const ov_proposal_row *p = &props[i];
        char sc1[16];
        snprintf(sc1, sizeof sc1, "%.0f", p->score);
        ov_html_printf(res, "<div class=\"proposal\"><strong>%h</strong>: %h "
                            "(%h %t) &middot; %t ",
                       p->company_name, p->opening_tasks, ov_str_c(sc1),
                       "match.score", "match.proposed_on");
        ov_page_date(res, p->proposed_on);
        if (p->answered) {
            ov_html_printf(res, " &middot; <span class=\"badge\">%t</span>",
                           p->agreed ? "match.agreed" : "match.declined");
            /* who recorded it, and the citizen's own words */
            ov_html_printf(res, " <small>%t</small>",
                           p->answered_by_citizen ? "match.answered_citizen"
                                                  : "match.answered_staff");
            if (p->comment.len)
                ov_html_printf(res,
                               "<p class=\"citizen-comment\">%t: "
                               "&ldquo;%h&rdquo;</p>",
                               "match.citizen_comment", p->comment);
        } else if (ov_may_do(&c->req->viewer, OV_OP_MATCH)) {
            ov_html_printf(res, " &middot; <span class=\"badge warn\">%t</span>",
                           "match.pending");
            for (int k = 0; k < 2; k++) {
                ov_page_form_begin(res, c->req,
                                   ov_str_c(ov_arena_printf(
                                       a, "/forslag/%lld/svar",
                                       (long long)p->id)),
                                   false);
                ov_html_printf(res,
                               "<input type=\"hidden\" name=\"answer\" "
                               "value=\"%h\"><button type=\"submit\">%t"
                               "</button></form>",
                               ov_str_c(k == 0 ? "yes" : "no"),
                               k == 0 ? "match.agreed" : "match.declined");
            }
        }
        ov_html_lit(res, "</div>");
    }
    if (ov_may_do(&c->req->viewer, OV_OP_MATCH)) {
        ov_html_printf(res, "<h2>%t</h2>", "match.profile");
        ov_page_form_errors(res, f);
        ov_html_printf(res,
                       "<form method=\"get\" action=\"/forloeb/%D/match\">",
                       c->id);
        for (int k = 0; k < NPROFILE - 1; k++)
            ov_page_field(res, f, &profile_spec[k], NULL, NULL);
        ov_html_printf(res,
                       "<div class=\"actions\"><button type=\"submit\">%t"
                       "</button></div></form>",
                       "match.suggest");
    }
    if (searched) {
        ov_html_printf(res, "<h2>%t</h2>", "match.suggestions");
        if (n == 0)
            ov_html_printf(res, "<p class=\"empty\">%t</p>", "match.none");
        for (int i = 0; i < n; i++) {
            char tot[16];
            snprintf(tot, sizeof tot, "%.0f", sc[i].total);
            ov_str cname = OV_STR_LIT(""), tasks = OV_STR_LIT("");
            for (int k = 0; k < nco.n && !cname.len; k++)
                for (int o = 0; o < cos[k].nopenings; o++)
                    if (cos[k].openings[o].o.id == sc[i].opening_id) {
                        cname = cos[k].name;
                        tasks = cos[k].openings[o].o.tasks;
                    }
            ov_html_printf(res,
                           "<div class=\"suggestion\"><h3>%h: %h (%h %t)</h3>",
                           cname, tasks, ov_str_c(tot), "match.score");
            parts(res, c->lang, &sc[i]);
            ov_page_form_begin(res, c->req,
                               ov_str_c(ov_arena_printf(
                                   a, "/forloeb/%lld/forslag",
                                   (long long)c->id)),
                               false);
            /* the profile goes along so the server can score again */
            for (int k = 0; k < f->n; k++)
                if (!ov_str_eq_c(f->names[k], "opening_id"))
                    ov_html_printf(res,
                                   "<input type=\"hidden\" name=\"%h\" "
                                   "value=\"%h\">",
                                   f->names[k], f->values[k]);
            ov_html_printf(res,
                           "<input type=\"hidden\" name=\"opening_id\" "
                           "value=\"%D\"><button type=\"submit\">%t</button>"
                           "</form></div>",
                           sc[i].opening_id, "match.propose");
        }
    }
    ov_page_end(res);
}

void ov_v_match(ov_ctx *c)
{
    ov_form f;
    ov_form_init(&f, profile_spec, NPROFILE, c->lang, c->req->arena);
    match_page(c, &f, 200);
}
