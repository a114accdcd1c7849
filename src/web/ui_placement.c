/*
 * ui_placement.c - company placements, the versioned work agreement with
 * sign-offs, the weekly hours log with its progression chart (core
 * element 6), and ordinary employment.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/placement.h"
#include "report/numtext.h"
#include "store/match.h"
#include "store/placement.h"
#include "store/settings.h"
#include "store/view.h"
#include "web/chart.h"
#include "web/handlers.h"

static const char *type_opt(int i)
{
    return i >= 0 && i < OV_PLACE_COUNT
               ? ov_placement_type_code((ov_placement_type)i)
               : NULL;
}

/* ---- creating a placement ---- */

static const ov_field placement_spec[] = {
    {.name = "type", .type = OV_F_CHOICE, .required = true,
     .label = "placement.type", .option = type_opt, .noptions = OV_PLACE_COUNT,
     .option_prefix = "ptype"},
    {.name = "company_id", .type = OV_F_INT, .required = true, .min = 1,
     .max_i = INT64_MAX / 2, .label = "placement.company"},
    {.name = "start", .type = OV_F_DATE, .required = true,
     .label = "placement.start"},
    {.name = "end", .type = OV_F_DATE, .label = "placement.end"},
    {.name = "weekly_hours", .type = OV_F_HOURS, .required = true,
     .label = "placement.weekly_hours"},
};

static ov_status placement_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                               int64_t *out_id, ov_err *err)
{
    ov_placement p;
    memset(&p, 0, sizeof p);
    if (ov_placement_type_parse(ov_form_str(f, "type"), &p.type, err) != OV_OK)
        return err->code;
    /* the store finds the company only in the course's municipality */
    p.company_id = ov_form_int(f, "company_id", 0);
    p.start = ov_form_date(f, "start", c->today);
    p.has_end = ov_str_trim(ov_form_str(f, "end")).len > 0;
    p.end = ov_form_date(f, "end", 0);
    p.weekly_hours_x10 = ov_form_hours(f, "weekly_hours", 0);
    return ov_placement_create(tx, c->course_id, &p, out_id, err);
}

static const char *placement_done(ov_ctx *c, int64_t id)
{
    (void)c;
    return ov_arena_printf(c->req->arena, "/virksomhedsforloeb/%lld",
                           (long long)id);
}

/* The opening of the course's newest proposal the citizen said yes to
 * (NULL when none), found among the municipality's companies. */
static const ov_opening *accepted_opening(const ov_proposal_row *props,
                                          int nprops,
                                          const ov_company_row *rows,
                                          int nrows)
{
    for (int i = 0; i < nprops; i++) {
        if (!props[i].answered || !props[i].agreed)
            continue;
        for (int k = 0; k < nrows; k++)
            for (int o = 0; o < rows[k].nopenings; o++)
                if (rows[k].openings[o].o.id == props[i].opening_id)
                    return &rows[k].openings[o].o;
        return NULL;
    }
    return NULL;
}

static void placement_form(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_arena *a = c->req->arena;
    ov_company_row *rows = NULL;
    ov_list_info n = {0, 0, false};
    ov_proposal_row *props = NULL;
    ov_list_info np = {0, 0, false};
    bool ok = ov_company_list(tx, c->req->viewer.municipality_code, a, &rows,
                              &n, &err) == OV_OK &&
              ov_proposal_list(tx, c->id, a, &props, &np, &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    /* a new form starts from the proposal the citizen said yes to: its
     * company, and the opening's fewest weekly hours; today as the start */
    if (f->n == 0 && f->nerrors == 0) {
        const ov_opening *o = accepted_opening(props, np.n, rows, n.n);
        for (int k = 0; o && k < n.n; k++)
            for (int j = 0; j < rows[k].nopenings; j++)
                if (&rows[k].openings[j].o == o) {
                    char b[24];
                    snprintf(b, sizeof b, "%lld", (long long)rows[k].id);
                    ov_form_set(f, a, "company_id",
                                ov_str_c(ov_arena_strdup(a, b)));
                    snprintf(b, sizeof b, "%d", o->hours_min);
                    ov_form_set(f, a, "weekly_hours",
                                ov_str_c(ov_arena_strdup(a, b)));
                }
        ov_ctx_default_today(c, f, "start");
    }
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "act.placement")));
    ov_page_form_errors(res, f);
    ov_page_form_begin(res, c->req,
                       ov_str_c(ov_arena_printf(c->req->arena,
                                                "/forloeb/%lld/"
                                                "virksomhedsforloeb",
                                                (long long)c->id)),
                       false);
    ov_page_field(res, f, &placement_spec[0], NULL, NULL);
    /* the company as a list of the municipality's companies */
    ov_str cur = ov_form_str(f, "company_id");
    const char *cerr = ov_form_error_of(f, "company_id");
    ov_html_printf(res,
                   "<div class=\"field%h\"><label for=\"f-company_id\">%t"
                   "</label><select id=\"f-company_id\" name=\"company_id\" "
                   "required><option value=\"\"></option>",
                   ov_str_c(cerr ? " has-error" : ""), "placement.company");
    for (int i = 0; i < n.n; i++) {
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)rows[i].id);
        ov_html_printf(res, "<option value=\"%h\"%h>%h</option>",
                       ov_str_c(id),
                       ov_str_c(ov_str_eq_c(cur, id) ? " selected" : ""),
                       rows[i].name);
    }
    ov_html_lit(res, "</select>");
    ov_page_list_cut(res, &n, "list.first");
    if (cerr)
        ov_html_printf(res, "<p class=\"error\">%h</p>", ov_str_c(cerr));
    ov_html_lit(res, "</div>");
    for (int k = 2; k < 5; k++)
        ov_page_field(res, f, &placement_spec[k], NULL, NULL);
    ov_page_form_end(res, "common.save");
    ov_page_end(res);
}

const ov_web_action ov_act_placement = {
    "placement", placement_spec, 5, OV_OP_PLACEMENT, OV_SCOPE_COURSE,
    placement_run, placement_form, placement_done, NULL};

/* ---- the work agreement ---- */

static const ov_field agreement_spec[] = {
    {.name = "base_version", .type = OV_F_HIDDEN, .label = "common.version"},
    {.name = "internship_hours", .type = OV_F_HOURS, .required = true,
     .label = "agreement.internship_hours"},
    {.name = "ordinary_hours", .type = OV_F_HOURS, .required = true,
     .label = "agreement.ordinary_hours"},
    {.name = "tasks", .type = OV_F_TEXTAREA, .max = OV_AGREEMENT_TEXT_MAX,
     .label = "agreement.tasks"},
    {.name = "accommodations", .type = OV_F_TEXTAREA,
     .max = OV_AGREEMENT_TEXT_MAX, .label = "agreement.accommodations"},
    {.name = "review_date", .type = OV_F_DATE, .required = true,
     .label = "agreement.review_date"},
    {.name = "goals.*.text", .type = OV_F_TEXT, .max = 500,
     .label = "agreement.goal"},
    {.name = "goals.*.reached", .type = OV_F_BOOL,
     .label = "agreement.reached"},
};
#define NAGREE 8

static ov_status agreement_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                               int64_t *out_id, ov_err *err)
{
    ov_agreement a;
    memset(&a, 0, sizeof a);
    a.internship_hours_x10 = ov_form_hours(f, "internship_hours", 0);
    a.ordinary_hours_x10 = ov_form_hours(f, "ordinary_hours", 0);
    a.tasks = ov_form_str(f, "tasks");
    a.accommodations = ov_form_str(f, "accommodations");
    a.review_date = ov_form_date(f, "review_date", c->today);
    ov_str keys[OV_AGREEMENT_GOALS_MAX + 4];
    int nk = ov_form_keys(f, "goals.*.text", keys, OV_AGREEMENT_GOALS_MAX + 4);
    for (int i = 0; i < nk; i++) {
        char nm[96];
        snprintf(nm, sizeof nm, "goals.%.*s.text", (int)keys[i].len,
                 keys[i].ptr);
        ov_str t = ov_str_trim(ov_form_str(f, nm));
        if (!t.len)
            continue;
        if (a.ngoals >= OV_AGREEMENT_GOALS_MAX)
            return ov_err_msg(err, OV_EINVAL, "goals",
                              agreement_goals_max, OV_AGREEMENT_GOALS_MAX);
        snprintf(nm, sizeof nm, "goals.%.*s.reached", (int)keys[i].len,
                 keys[i].ptr);
        a.goals[a.ngoals].text = t;
        a.goals[a.ngoals].reached = ov_form_bool(f, nm);
        a.ngoals++;
    }
    int version = 0;
    ov_status st = ov_agreement_save(tx, c->id,
                                     (int)ov_form_int(f, "base_version", 0),
                                     &a, &version, err);
    if (st == OV_ECONFLICT && !c->api)
        ov_err_msg(err, OV_ECONFLICT, "", web_localized,
                   ov_msg(c->lang, "agreement.stale"));
    *out_id = c->id;
    return st;
}

static const char *back_to_placement(ov_ctx *c, int64_t id)
{
    (void)id;
    return ov_arena_printf(c->req->arena, "/virksomhedsforloeb/%lld",
                           (long long)c->id);
}

static void placement_page(ov_ctx *c, ov_form *f, int status);

const ov_web_action ov_act_agreement = {
    "agreement", agreement_spec, NAGREE, OV_OP_PLACEMENT, OV_SCOPE_PLACEMENT,
    agreement_run, placement_page, back_to_placement, NULL};

/* ---- signatures (issue 14): each party in their own log-in ---- */

static const char *signer_opt(int i)
{
    static const ov_signer s[] = {OV_SIGN_CITIZEN, OV_SIGN_CONSULTANT,
                                  OV_SIGN_EMPLOYER};
    return i >= 0 && i < 3 ? ov_signer_code(s[i]) : NULL;
}

/* {"version": N} signs as the caller's own party; {"version": N,
 * "party": "citizen", "on_paper": true, "paper_date": "..."} records a
 * signature on paper (the consultant named on the course). "back"
 * "mine" returns to the citizen's own page. */
static const ov_field sign_spec[] = {
    {.name = "version", .type = OV_F_INT, .required = true, .min = 1,
     .max_i = 100000, .label = "common.version"},
    {.name = "party", .type = OV_F_CHOICE, .label = "sign.party",
     .option = signer_opt, .noptions = 3, .option_prefix = "signer"},
    {.name = "on_paper", .type = OV_F_BOOL, .label = "sign.on_paper"},
    {.name = "paper_date", .type = OV_F_DATE, .label = "sign.paper_date"},
    {.name = "back", .type = OV_F_TEXT, .max = 16, .label = "common.back"},
};

static ov_status sign_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                          int64_t *out_id, ov_err *err)
{
    ov_sign_request rq = {.version = (int)ov_form_int(f, "version", 0),
                          .on_paper = ov_form_bool(f, "on_paper"),
                          .paper_date = ov_form_date(f, "paper_date", 0)};
    ov_str party = ov_str_trim(ov_form_str(f, "party"));
    if (party.len) {
        ov_signer s;
        if (ov_signer_parse(party, &s, err) != OV_OK)
            return err->code;
        rq.party = (int)s;
    }
    if (ov_str_eq_c(ov_form_str(f, "back"), "mine"))
        c->extra = (void *)"/min-arbejdsaftale";
    unsigned mask = 0;
    *out_id = c->id;
    /* the model decides who signs as which party (ov_sign_party) */
    return ov_agreement_sign_as(tx, &c->req->viewer, c->id, &rq, &mask, err);
}

static const char *sign_done(ov_ctx *c, int64_t id)
{
    (void)id;
    if (c->extra)
        return (const char *)c->extra;
    return ov_arena_printf(c->req->arena, "/virksomhedsforloeb/%lld",
                           (long long)c->id);
}

const ov_web_action ov_act_sign = {
    "sign", sign_spec, 5, OV_OP_SIGN, OV_SCOPE_PLACEMENT, sign_run,
    placement_page, sign_done, NULL};

/* Every party's signature of the current version: name, date and way,
 * the version and its hash; a party who signed the previous version but
 * not this one must sign again. */
void ov_ui_signatures(ov_ctx *c, const ov_placement_row *r,
                      const ov_signoff_row *so, int nso)
{
    ov_response *res = c->res;
    static const ov_signer order[3] = {OV_SIGN_CITIZEN, OV_SIGN_EMPLOYER,
                                       OV_SIGN_CONSULTANT};
    ov_html_printf(res, "<h3>%t</h3><ul class=\"signatures\">",
                   "agreement.signoffs");
    for (int k = 0; k < 3; k++) {
        char sk[48];
        snprintf(sk, sizeof sk, "signer.%s", ov_signer_code(order[k]));
        const ov_signoff_row *o = NULL;
        for (int i = 0; i < nso; i++)
            if (so[i].signer == order[k])
                o = &so[i];
        ov_html_printf(res, "<li><strong>%t</strong>: ", sk);
        if (!o) {
            ov_html_printf(res, "%t</li>",
                           (r->prev_signed_mask & order[k]) ? "sign.again"
                                                            : "sign.missing");
            continue;
        }
        char when[OV_TIME_BUF];
        ov_time_format_dk(o->at, when);
        if (ov_str_eq_c(o->way, "paper")) {
            char pd[OV_DATE_BUF] = "";
            if (o->has_paper_date)
                ov_date_format_dk(o->paper_date, pd);
            ov_html_printf(res, "%h, %t %h, %t %h %h", o->name,
                           "sign.way_paper", ov_str_c(pd),
                           "sign.recorded_by", o->recorded_by,
                           ov_str_c(when));
        } else {
            ov_html_printf(res, "%h, %t %h", o->name, "sign.way_system",
                           ov_str_c(when));
        }
        if (o->has_hash) {
            char hex[2 * OV_AGREEMENT_HASH_BYTES + 1];
            ov_agreement_hash_hex(o->hash, hex);
            ov_str head = {hex, 12};
            ov_html_printf(res,
                           ". %t %d (<abbr title=\"SHA-256 %h\">%t "
                           "<code>%h\xe2\x80\xa6</code></abbr>)",
                           "sign.signed_version", r->agreement_version,
                           ov_str_c(hex), "sign.hash", head);
        }
        ov_html_lit(res, "</li>");
    }
    ov_html_lit(res, "</ul>");
    unsigned again = ov_sign_again(r->prev_signed_mask, r->signed_mask);
    if (again)
        ov_html_printf(res, "<p class=\"notice\">%t</p>", "sign.new_version");
}

/* The caller's own sign button, and for the consultant named on the
 * course the form that records a paper signature. `back` "mine" for the
 * citizen's own page. */
void ov_ui_sign_forms(ov_ctx *c, const ov_placement_row *r, const char *back)
{
    ov_response *res = c->res;
    ov_arena *a = c->req->arena;
    if (r->agreement_version == 0)
        return;
    const ov_sign_scope sc = ov_placement_sign_scope(r);
    int own = ov_sign_party(&c->req->viewer, &sc);
    const char *to = ov_arena_printf(a, "/virksomhedsforloeb/%lld/underskrift",
                                     (long long)r->id);
    if (own && !(r->signed_mask & (unsigned)own)) {
        char sk[48];
        snprintf(sk, sizeof sk, "signer.%s", ov_signer_code((ov_signer)own));
        ov_page_form_begin(res, c->req, ov_str_c(to), false);
        ov_html_printf(res,
                       "<input type=\"hidden\" name=\"version\" value=\"%d\">",
                       r->agreement_version);
        if (back)
            ov_html_printf(res,
                           "<input type=\"hidden\" name=\"back\" "
                           "value=\"%h\">",
                           ov_str_c(back));
        ov_html_printf(res,
                       "<p class=\"hint\">%t</p><button type=\"submit\" "
                       "class=\"sign\">%t %d (%t)</button></form>",
                       "sign.explain", "sign.button", r->agreement_version,
                       sk);
    }
    bool paper_c = ov_may_record_paper(&c->req->viewer, &sc, OV_SIGN_CITIZEN) &&
                   !(r->signed_mask & OV_SIGN_CITIZEN);
    bool paper_e = ov_may_record_paper(&c->req->viewer, &sc,
                                       OV_SIGN_EMPLOYER) &&
                   !(r->signed_mask & OV_SIGN_EMPLOYER);
    if (!paper_c && !paper_e)
        return;
    char today[OV_DATE_BUF];
    ov_date_format_iso(c->today, today);
    ov_html_printf(res, "<details class=\"paper\"><summary>%t</summary>",
                   "sign.paper_title");
    ov_page_form_begin(res, c->req, ov_str_c(to), false);
    ov_html_printf(res,
                   "<input type=\"hidden\" name=\"version\" value=\"%d\">"
                   "<input type=\"hidden\" name=\"on_paper\" value=\"true\">"
                   "<div class=\"field\"><label for=\"paper-party\">%t</label>"
                   "<select id=\"paper-party\" name=\"party\" required>",
                   r->agreement_version, "sign.party");
    if (paper_c)
        ov_html_printf(res, "<option value=\"citizen\">%t</option>",
                       "signer.citizen");
    if (paper_e)
        ov_html_printf(res, "<option value=\"employer\">%t</option>",
                       "signer.employer");
    ov_html_printf(res,
                   "</select></div><div class=\"field\"><label "
                   "for=\"paper-date\">%t</label><input type=\"date\" "
                   "id=\"paper-date\" name=\"paper_date\" value=\"%h\" "
                   "max=\"%h\" required></div>",
                   "sign.paper_date", ov_str_c(today), ov_str_c(today));
    ov_page_form_end(res, "sign.paper_save");
    ov_html_lit(res, "</details>");
}

/* ---- the employer contact's hours (issue 14 section 2) ---- */

/* The week a form names, the same four fields as the consultant's hours
 * log (hours_spec below). */
static ov_hours_week hours_week_of(const ov_form *f)
{
    return (ov_hours_week){(int)ov_form_int(f, "iso_year", 0),
                           (int)ov_form_int(f, "iso_week", 0),
                           ov_form_hours(f, "internship", 0),
                           ov_form_hours(f, "ordinary", 0)};
}

static const ov_field hours_spec[] = {
    {.name = "iso_year", .type = OV_F_INT, .required = true, .min = 2000,
     .max_i = 2100, .label = "hours.iso_year"},
    {.name = "iso_week", .type = OV_F_INT, .required = true, .min = 1,
     .max_i = 53, .label = "hours.iso_week"},
    {.name = "internship", .type = OV_F_HOURS, .required = true,
     .label = "hours.internship"},
    {.name = "ordinary", .type = OV_F_HOURS, .required = true,
     .label = "hours.ordinary"},
};

static ov_status hours_confirm_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                                   int64_t *out_id, ov_err *err)
{
    ov_hours_week w = hours_week_of(f);
    *out_id = c->id;
    return ov_hours_employer(tx, c->id, &w, err);
}

const ov_web_action ov_act_hours_confirm = {
    "hours_confirm", hours_spec, 4, OV_OP_HOURS_CONFIRM,
    OV_SCOPE_PLACEMENT, hours_confirm_run, placement_page, back_to_placement,
    NULL};

/* ---- the hours log ---- */

static ov_status hours_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                           int64_t *out_id, ov_err *err)
{
    ov_hours_week w = hours_week_of(f);
    *out_id = c->id;
    return ov_hours_put(tx, c->id, &w, err);
}

const ov_web_action ov_act_hours = {
    "hours", hours_spec, 4, OV_OP_PLACEMENT, OV_SCOPE_PLACEMENT, hours_run,
    placement_page, back_to_placement, NULL};

/* ---- ordinary employment ---- */

static const ov_field employment_spec[] = {
    {.name = "from", .type = OV_F_DATE, .required = true,
     .label = "employment.from"},
    {.name = "ordinary_hours", .type = OV_F_HOURS, .required = true,
     .label = "employment.hours"},
};

static ov_status employment_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                                int64_t *out_id, ov_err *err)
{
    *out_id = c->course_id;
    return ov_employment_record(tx, c->course_id,
                                ov_form_date(f, "from", c->today),
                                ov_form_hours(f, "ordinary_hours", 0), err);
}

static void employment_form(ov_ctx *c, ov_form *f, int status)
{
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "employment.title")));
    ov_page_form_errors(c->res, f);
    ov_page_form_begin(c->res, c->req,
                       ov_str_c(ov_arena_printf(c->req->arena,
                                                "/forloeb/%lld/beskaeftigelse",
                                                (long long)c->id)),
                       false);
    ov_page_fields(c->res, f);
    ov_page_form_end(c->res, "common.save");
    ov_page_end(c->res);
}

const ov_web_action ov_act_employment = {
    "employment", employment_spec, 2, OV_OP_PLACEMENT, OV_SCOPE_COURSE,
    employment_run, employment_form, NULL, NULL};

/* ---- the placement page ---- */

/* The first agreement starts from what is known: the placement's weekly
 * hours as the internship hours, and the tasks and the accommodations the
 * workplace offers from the opening of the proposal the citizen said yes
 * to (`o`, NULL when there is none). */
/* Hours for a form's field in the page's language: "7,5" / "7.5" (the
 * parser takes either; below 1000, so never a thousands sign). */
static ov_str hours_value(ov_arena *a, ov_lang lang, int x10)
{
    ov_numlang l = lang == OV_LANG_EN ? OV_NUM_EN : OV_NUM_DA;
    return ov_str_c(ov_arena_strdup(a, ov_num_value(l, x10 / 10.0, 1).s));
}

static void fill_first_agreement(ov_form *f, ov_arena *a, ov_lang lang,
                                 const ov_placement_row *r,
                                 const ov_opening *o)
{
    ov_form_set(f, a, "internship_hours",
                hours_value(a, lang, r->p.weekly_hours_x10));
    if (!o)
        return;
    ov_form_set(f, a, "tasks", o->tasks);
    const char *acc = "";
    for (int i = 0; i < OV_ACC_COUNT; i++)
        if (o->accommodations & OV_ACC_BIT(i))
            acc = ov_arena_printf(
                a, "%s%s%s", acc, *acc ? ", " : "",
                ov_msg2(lang, "acc",
                        ov_accommodation_code((ov_accommodation)i)));
    if (*acc)
        ov_form_set(f, a, "accommodations", ov_str_c(acc));
}

static void fill_agreement(ov_form *f, ov_arena *a, ov_lang lang,
                           const ov_placement_row *r, const ov_opening *o)
{
    char b[32];
    snprintf(b, sizeof b, "%d", r->agreement_version);
    ov_form_set(f, a, "base_version", ov_str_c(ov_arena_strdup(a, b)));
    if (r->agreement_version == 0) {
        fill_first_agreement(f, a, lang, r, o);
        return;
    }
    const ov_agreement *ag = &r->agreement;
    ov_form_set(f, a, "internship_hours",
                hours_value(a, lang, ag->internship_hours_x10));
    ov_form_set(f, a, "ordinary_hours",
                hours_value(a, lang, ag->ordinary_hours_x10));
    ov_form_set(f, a, "tasks", ag->tasks);
    ov_form_set(f, a, "accommodations", ag->accommodations);
    char d[OV_DATE_BUF];
    ov_date_format_iso(ag->review_date, d);
    ov_form_set(f, a, "review_date", ov_str_c(ov_arena_strdup(a, d)));
    for (int i = 0; i < ag->ngoals; i++) {
        char nm[64];
        snprintf(nm, sizeof nm, "goals.%d.text", i);
        ov_form_set(f, a, nm, ag->goals[i].text);
        snprintf(nm, sizeof nm, "goals.%d.reached", i);
        ov_form_set(f, a, nm, ov_str_c(ag->goals[i].reached ? "on" : ""));
    }
}

/* The chart of the weeks that count (the municipality's "hours_source":
 * the employer's figure where present, or the consultant's), with a line
 * that says which. */
static void hours_chart(ov_ctx *c, const ov_placement_row *r,
                        ov_hours_source src)
{
    ov_arena *a = c->req->arena;
    int n = r->nweeks;
    const ov_hours_week *wk = ov_placement_hours_counted(r, src, a);
    double *in = OV_NEW_N(a, double, (size_t)n + 1);
    double *ord = OV_NEW_N(a, double, (size_t)n + 1);
    const char **xl = OV_NEW_N(a, const char *, (size_t)n + 1);
    double top = 10;
    for (int i = 0; i < n; i++) {
        in[i] = wk[i].internship_x10 / 10.0;
        ord[i] = wk[i].ordinary_x10 / 10.0;
        if (in[i] + ord[i] > top)
            top = in[i] + ord[i];
        xl[i] = ov_arena_printf(a, "%d/%02d", wk[i].iso_week,
                                wk[i].iso_year % 100);
    }
    ov_series s[2] = {{ov_msg(c->lang, "hours.ordinary"), ord, "s3"},
                      {ov_msg(c->lang, "hours.internship"), in, "s1"}};
    ov_chart ch = {ov_msg(c->lang, "hours.chart"), n, xl, 0, ceil(top / 5) * 5,
                   2, s, true};
    ov_chart_svg(c->res, &ch);
    ov_html_printf(c->res, "<p class=\"hint\">%t</p>",
                   src == OV_HOURS_SOURCE_CONSULTANT ? "hours.counts_consultant"
                                                     : "hours.counts_employer");
}

/* The consultant named on the course, for the employer contact: name,
 * phone and e-mail. */
static void contact_line(ov_ctx *c, const ov_placement_row *r)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<h2>%t</h2>", "agreement.contact");
    if (!r->consultant_id) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>",
                       "agreement.no_contact");
        return;
    }
    ov_html_printf(res, "<p class=\"contact\">%h", r->consultant_name);
    if (r->consultant_phone.len)
        ov_html_printf(res, " · %t <a href=\"tel:%h\">%h</a>", "agreement.phone",
                       r->consultant_phone, r->consultant_phone);
    if (r->consultant_email.len)
        ov_html_printf(res, " · %t <a href=\"mailto:%h\">%h</a>",
                       "agreement.email", r->consultant_email,
                       r->consultant_email);
    ov_html_lit(res, "</p>");
}

/* The hours log as a table: the consultant's figure, and the employer
 * contact's next to it (confirmed, corrected, or entered by them). */
static void hours_table(ov_ctx *c, const ov_placement_row *r)
{
    ov_response *res = c->res;
    ov_html_printf(res,
                   "<div class=\"table-wrap\"><table><thead><tr><th>%t</th>"
                   "<th>%t</th><th>%t</th><th>%t</th></tr></thead><tbody>",
                   "hours.iso_week", "hours.internship", "hours.ordinary",
                   "hours.employer");
    for (int i = 0; i < r->nweeks; i++) {
        const ov_hours_week *w = &r->weeks[i];
        ov_html_printf(res, "<tr><td>%d-W%d</td><td>", w->iso_year,
                       w->iso_week);
        ov_page_hours(res, w->internship_x10);
        ov_html_lit(res, "</td><td>");
        ov_page_hours(res, w->ordinary_x10);
        ov_html_lit(res, "</td><td>");
        const struct ov_hours_employer_row *e =
            r->employer_weeks ? &r->employer_weeks[i] : NULL;
        if (!e || !e->has) {
            ov_html_printf(res, "%t", "hours.unconfirmed");
        } else {
            ov_time t = 0;
            char when[OV_TIME_BUF] = "";
            ov_err e2;
            if (ov_time_parse_utc(e->at, "employer_at", &t, &e2) == OV_OK)
                ov_time_format_dk(t, when);
            bool same = e->internship_x10 == w->internship_x10 &&
                        e->ordinary_x10 == w->ordinary_x10;
            if (e->entered || same) {
                ov_html_printf(res, "%t", e->entered ? "hours.entered"
                                                     : "hours.confirmed");
            } else {
                ov_html_printf(res, "%t ", "hours.corrected");
                ov_page_hours(res, e->internship_x10);
                ov_html_lit(res, " + ");
                ov_page_hours(res, e->ordinary_x10);
            }
            ov_html_printf(res, " (%h, %h)", e->by, ov_str_c(when));
        }
        ov_html_lit(res, "</td></tr>");
    }
    ov_html_lit(res, "</tbody></table></div>");
}

/* The employer contact's part of the hours log: the weeks the
 * consultant recorded, and the form that confirms or corrects one (or,
 * as the municipality sets it, enters one). */
static void employer_hours(ov_ctx *c, const ov_placement_row *r,
                           const ov_settings *set, ov_form *f)
{
    ov_response *res = c->res;
    ov_arena *a = c->req->arena;
    bool enter = set->employer_hours == OV_EMPLOYER_HOURS_ENTER;
    ov_html_printf(res, "<h2>%t</h2><p class=\"hint\">%t</p>",
                   "hours.title", enter ? "hours.employer_enter_help"
                                        : "hours.employer_confirm_help");
    if (r->nweeks == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "hours.none");
    else
        hours_table(c, r);
    if (!ov_may_do(&c->req->viewer, OV_OP_HOURS_CONFIRM) ||
        (!enter && r->nweeks == 0))
        return;
    ov_form hf;
    ov_form_init(&hf, hours_spec, 4, c->lang, a);
    ov_form *use = f && f->spec == hours_spec ? f : &hf;
    if (use->n == 0) {
        /* the first week the employer has not answered, with the
         * consultant's figures; in enter mode this week */
        int y = 0, wk = 0, in = 0, ord = 0;
        for (int i = 0; i < r->nweeks && !y; i++)
            if (!r->employer_weeks || !r->employer_weeks[i].has) {
                y = r->weeks[i].iso_year;
                wk = r->weeks[i].iso_week;
                in = r->weeks[i].internship_x10;
                ord = r->weeks[i].ordinary_x10;
            }
        if (!y && enter)
            ov_date_iso_week(c->today, &y, &wk);
        if (y) {
            ov_form_set(use, a, "iso_year",
                        ov_str_c(ov_arena_printf(a, "%d", y)));
            ov_form_set(use, a, "iso_week",
                        ov_str_c(ov_arena_printf(a, "%d", wk)));
            ov_form_set(use, a, "internship", hours_value(a, c->lang, in));
            ov_form_set(use, a, "ordinary", hours_value(a, c->lang, ord));
        }
    }
    ov_html_printf(res, "<h3>%t</h3>",
                   enter ? "hours.employer_enter" : "hours.employer_confirm");
    ov_page_form_errors(res, use);
    ov_page_form_begin(res, c->req,
                       ov_str_c(ov_arena_printf(
                           a, "/virksomhedsforloeb/%lld/timer-bekraeft",
                           (long long)r->id)),
                       false);
    ov_html_lit(res, "<div class=\"row\">");
    ov_page_fields(res, use);
    ov_html_lit(res, "</div>");
    ov_page_form_end(res, enter ? "hours.employer_enter_save"
                                : "hours.employer_confirm_save");
}

static void placement_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    bool employer = !ov_sees_whole_placement(&c->req->viewer);
    if (ov_ctx_take_placement_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_arena *a = c->req->arena;
    ov_placement_row r;
    ov_status st = ov_placement_get(tx, c->id, a, &r, &err);
    /* the course does not count for a viewer of the agreement only: its
     * company decides */
    ov_placement_scope ps = {.company_id = r.p.company_id};
    if (st == OV_OK && employer && !ov_may_see_placement(&c->req->viewer, &ps)) {
        /* not their company: nothing was shown, nothing is logged */
        ov_tx_rollback(tx);
        ov_ctx_not_found(c);
        return;
    }
    /* before the first agreement: the opening the citizen said yes to */
    const ov_opening *accepted = NULL;
    if (st == OV_OK && !employer && r.agreement_version == 0) {
        ov_proposal_row *props = NULL;
        ov_list_info np = {0, 0, false};
        st = ov_proposal_list(tx, r.course_id, a, &props, &np, &err);
        for (int i = 0; st == OV_OK && i < np.n; i++) {
            if (!props[i].answered || !props[i].agreed ||
                props[i].company_id != r.p.company_id)
                continue;
            ov_company_row co;
            st = ov_company_get(tx, r.p.company_id,
                                c->req->viewer.municipality_code, a, &co,
                                &err);
            for (int k = 0; st == OV_OK && k < co.nopenings; k++)
                if (co.openings[k].o.id == props[i].opening_id)
                    accepted = &co.openings[k].o;
            break;
        }
    }
    /* every signature of the current version, with name, date and way */
    ov_signoff_row so[3];
    int nso = 0;
    if (st == OV_OK && r.agreement_version > 0)
        st = ov_agreement_signoffs(tx, &r, a, so, &nso, &err);
    ov_settings set;
    ov_settings_default(&set);
    /* how the employer takes part in the hours log, and which figure
     * counts */
    if (st == OV_OK)
        st = ov_settings_get(tx, c->req->viewer.municipality_code, &set, &err);
    if (!ov_ctx_finish(c, tx, st == OV_OK, &err))
        return;
    if (c->api) {
        ov_api_placement(c, &r, so, nso, set.hours_source);
        return;
    }
    ov_response *res = c->res;
    char tk[48];
    snprintf(tk, sizeof tk, "ptype.%s", ov_placement_type_code(r.p.type));
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_arena_printf(a, "%s: %.*s",
                                           ov_msg(c->lang, tk),
                                           (int)r.citizen_name.len,
                                           r.citizen_name.ptr)));
    if (!employer)
        ov_html_printf(res, "<p><a href=\"/forloeb/%D\">%t</a></p>",
                       r.course_id, "common.back");
    ov_html_printf(res, "<dl><dt>%t</dt><dd>%h</dd><dt>%t</dt><dd>",
                   "placement.company", r.company_name, "placement.start");
    ov_page_date(res, r.p.start);
    if (r.p.has_end) {
        ov_html_lit(res, " - ");
        ov_page_date(res, r.p.end);
    }
    ov_html_printf(res, "</dd><dt>%t</dt><dd>", "placement.weekly_hours");
    ov_page_hours(res, r.p.weekly_hours_x10);
    ov_html_lit(res, "</dd></dl>");

    bool may = ov_may_do(&c->req->viewer, OV_OP_PLACEMENT);
    const char *base = ov_arena_printf(a, "/virksomhedsforloeb/%lld",
                                       (long long)c->id);
    /* the agreement */
    ov_html_printf(res, "<h2>%t</h2>", "agreement.title");
    if (r.agreement_version == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "agreement.none");
    } else {
        const ov_agreement *ag = &r.agreement;
        ov_ui_paper_bar(c, ov_arena_printf(a, "%s/aftale.pdf", base),
                        r.citizen_name);
        ov_html_printf(res, "<p>%t %d</p><dl><dt>%t</dt><dd>",
                       "common.version", r.agreement_version,
                       "agreement.internship_hours");
        ov_page_hours(res, ag->internship_hours_x10);
        ov_html_printf(res, "</dd><dt>%t</dt><dd>",
                       "agreement.ordinary_hours");
        ov_page_hours(res, ag->ordinary_hours_x10);
        ov_html_printf(res,
                       "</dd><dt>%t</dt><dd>%h</dd><dt>%t</dt><dd>%h</dd>"
                       "<dt>%t</dt><dd>",
                       "agreement.tasks", ag->tasks,
                       "agreement.accommodations", ag->accommodations,
                       "agreement.review_date");
        ov_page_date(res, ag->review_date);
        ov_html_printf(res, "</dd></dl><h3>%t</h3><ul>", "agreement.goal");
        for (int i = 0; i < ag->ngoals; i++)
            ov_html_printf(res, "<li>%h%h</li>", ag->goals[i].text,
                           ov_str_c(ag->goals[i].reached ? " \xe2\x9c\x93"
                                                         : ""));
        ov_html_lit(res, "</ul>");
        if (f && f->spec == sign_spec && f->nerrors)
            ov_page_form_errors(res, f);
        ov_ui_signatures(c, &r, so, nso);
        ov_ui_sign_forms(c, &r, NULL);
    }
    if (employer)
        contact_line(c, &r);
    if (may) {
        ov_form af;
        ov_form_init(&af, agreement_spec, NAGREE, c->lang, a);
        ov_form *use = f && f->spec == agreement_spec ? f : &af;
        if (use->n == 0)
            fill_agreement(use, a, c->lang, &r, accepted);
        ov_html_printf(res, "<details%h><summary>%t</summary>",
                       ov_str_c(use == f || r.agreement_version == 0 ? " open"
                                                                     : ""),
                       "agreement.save");
        ov_page_form_errors(res, use);
        ov_page_form_begin(res, c->req,
                           ov_str_c(ov_arena_printf(a, "%s/aftale", base)),
                           false);
        for (int k = 0; k < 6; k++)
            ov_page_field(res, use, &agreement_spec[k], NULL, NULL);
        ov_html_printf(res, "<fieldset><legend>%t</legend>",
                       "agreement.goals");
        ov_str keys[OV_AGREEMENT_GOALS_MAX + 2];
        int nk = ov_form_keys(use, "goals.*.text", keys,
                              OV_AGREEMENT_GOALS_MAX + 2);
        for (int i = 0; i <= nk && i < OV_AGREEMENT_GOALS_MAX; i++) {
            char nm[64];
            snprintf(nm, sizeof nm, "goals.%d.text", i);
            ov_html_lit(res, "<div class=\"row\">");
            ov_page_field(res, use, &agreement_spec[6], nm, NULL);
            snprintf(nm, sizeof nm, "goals.%d.reached", i);
            ov_page_field(res, use, &agreement_spec[7], nm, NULL);
            ov_html_lit(res, "</div>");
        }
        ov_html_lit(res, "</fieldset>");
        ov_page_form_end(res, "agreement.save");
        ov_html_lit(res, "</details>");
    }
    if (employer) {
        employer_hours(c, &r, &set, f);
        ov_page_end(res);
        return;
    }
    /* hours */
    ov_html_printf(res, "<h2>%t</h2>", "hours.title");
    if (r.nweeks == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "hours.none");
    } else {
        hours_chart(c, &r, set.hours_source);
        hours_table(c, &r);
    }
    if (may) {
        ov_form hf;
        ov_form_init(&hf, hours_spec, 4, c->lang, a);
        ov_form *use = f && f->spec == hours_spec ? f : &hf;
        if (use->n == 0) {
            int y, w;
            ov_date_iso_week(c->today, &y, &w);
            ov_form_set(use, a, "iso_year",
                        ov_str_c(ov_arena_printf(a, "%d", y)));
            ov_form_set(use, a, "iso_week",
                        ov_str_c(ov_arena_printf(a, "%d", w)));
        }
        ov_page_form_errors(res, use);
        ov_page_form_begin(res, c->req,
                           ov_str_c(ov_arena_printf(a, "%s/timer", base)),
                           false);
        ov_html_lit(res, "<div class=\"row\">");
        ov_page_fields(res, use);
        ov_html_lit(res, "</div>");
        ov_page_form_end(res, "hours.save");
    }
    ov_page_end(res);
}

void ov_v_placement(ov_ctx *c)
{
    placement_page(c, NULL, 200);
}

/* An employer contact's work agreements: the placements at their company. */
void ov_h_my_agreements(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    ov_placement_row *rows = NULL;
    ov_list_info n;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    bool ok = ov_placement_list_company(tx, req->viewer.company_id,
                                        req->arena, &rows, &n,
                                        &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    if (c.api) {
        ov_api_agreements(&c, rows, &n);
        return;
    }
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "agreement.mine")));
    if (n.n == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "agreement.none");
    else {
        ov_page_list_cut(res, &n, "list.newest");
        ov_html_printf(res,
                       "<table><thead><tr><th>%t</th><th>%t</th><th>%t</th>"
                       "<th>%t</th></tr></thead><tbody>",
                       "courses.citizen", "placement.type", "placement.start",
                       "agreement.signoffs");
        for (int i = 0; i < n.n; i++) {
            char tk[48], so[200];
            snprintf(tk, sizeof tk, "ptype.%s",
                     ov_placement_type_code(rows[i].p.type));
            ov_msg_signoff(c.lang, rows[i].signed_mask, so, sizeof so);
            ov_html_printf(res,
                           "<tr><td><a href=\"/virksomhedsforloeb/%D\">%h</a>"
                           "</td><td>%t</td><td>",
                           rows[i].id, rows[i].citizen_name, tk);
            ov_page_date(res, rows[i].p.start);
            ov_html_printf(res, "</td><td>%h</td></tr>",
                           ov_str_c(rows[i].agreement_version ? so : ""));
        }
        ov_html_lit(res, "</tbody></table>");
    }
    ov_page_end(res);
}
