/*
 * ui_cti.c - the CTI course (core element 5): legal basis and phases, the
 * contact log, planned against actual intensity per phase, warnings.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/cti.h"
#include "model/settings.h"
#include "store/cti.h"
#include "store/settings.h"
#include "store/view.h"
#include "web/chart.h"
#include "web/handlers.h"

static const char *basis_opt(int i)
{
    return i >= 0 && i < OV_BASIS_COUNT
               ? ov_legal_basis_code((ov_legal_basis)i)
               : NULL;
}

static const char *form_opt(int i)
{
    return i >= 0 && i < OV_FORM_COUNT
               ? ov_contact_form_code((ov_contact_form)i)
               : NULL;
}

static const ov_field start_spec[] = {
    {.name = "legal_basis", .type = OV_F_CHOICE, .required = true,
     .label = "cti.legal_basis", .option = basis_opt,
     .noptions = OV_BASIS_COUNT, .option_prefix = "basis"},
    {.name = "length_months", .type = OV_F_INT, .min = 0, .max_i = 24,
     .label = "cti.months"},
    {.name = "start", .type = OV_F_DATE, .required = true,
     .label = "cti.start_date"},
};

static const ov_field contact_spec[] = {
    {.name = "date", .type = OV_F_DATE, .required = true,
     .label = "common.date"},
    {.name = "form", .type = OV_F_CHOICE, .required = true,
     .label = "cti.form", .option = form_opt, .noptions = OV_FORM_COUNT,
     .option_prefix = "cform"},
    {.name = "minutes", .type = OV_F_INT, .required = true, .min = 1,
     .max_i = 600, .label = "cti.minutes"},
    {.name = "focus", .type = OV_F_TEXT, .required = true, .max = 200,
     .label = "cti.focus"},
    {.name = "note", .type = OV_F_TEXTAREA, .max = OV_CTI_NOTE_MAX,
     .label = "cti.note"},
};

static ov_status start_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                           int64_t *out_id, ov_err *err)
{
    ov_legal_basis b;
    if (ov_legal_basis_parse(ov_form_str(f, "legal_basis"), &b, err) != OV_OK)
        return err->code;
    ov_settings set;
    if (ov_settings_get(tx, c->req->viewer.municipality_code, &set, err) !=
        OV_OK)
        return err->code;
    *out_id = c->course_id;
    return ov_cti_start(tx, c->course_id, b,
                        (int)ov_form_int(f, "length_months", 0),
                        ov_form_date(f, "start", c->today), &set.cti, err);
}

static ov_status contact_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                             int64_t *out_id, ov_err *err)
{
    ov_cti_contact k;
    memset(&k, 0, sizeof k);
    k.date = ov_form_date(f, "date", c->today);
    if (ov_contact_form_parse(ov_form_str(f, "form"), &k.form, err) != OV_OK)
        return err->code;
    k.minutes = (int)ov_form_int(f, "minutes", 0);
    k.focus = ov_str_trim(ov_form_str(f, "focus"));
    k.note = ov_str_trim(ov_form_str(f, "note"));
    return ov_cti_log_contact(tx, c->course_id, &k, c->today, out_id, err);
}

static const char *cti_done(ov_ctx *c, int64_t id)
{
    (void)id;
    return ov_ctx_course_page(c, "cti");
}

static void cti_page(ov_ctx *c, ov_form *f, int status);

const ov_web_action ov_act_cti_start = {
    "cti_start", start_spec, 3, OV_OP_CTI, OV_SCOPE_COURSE, start_run,
    cti_page, cti_done, NULL};
const ov_web_action ov_act_cti_contact = {
    "cti_contact", contact_spec, 5, OV_OP_CTI_CONTACT, OV_SCOPE_COURSE,
    contact_run, cti_page, cti_done, NULL};

/* A warning in the reader's language: the catalogue's "ctiwarn.<code>"
 * with the warning's values for %1..%4 (model/cti.h). */
static const char *warning_text(ov_ctx *c, const ov_cti_warning *w)
{
    char key[64];
    snprintf(key, sizeof key, "ctiwarn.%s", ov_cti_warning_code_str(w->code));
    const char *tpl = ov_msg(c->lang, key);
    ov_buf b;
    ov_buf_init(&b, c->req->arena, 1024);
    for (const char *p = tpl; *p; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '4') {
            int k = p[1] - '1';
            ov_buf_append_c(&b, k < w->nargs ? w->args[k] : "");
            p++;
        } else {
            ov_buf_append_byte(&b, *p);
        }
    }
    return b.data ? b.data : w->text_da;
}

static void cti_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_arena *a = c->req->arena;
    ov_cti_state s;
    ov_placement_row *places = NULL;
    ov_list_info nplaces;
    bool ok = ov_cti_load(tx, c->id, a, &s, &err) == OV_OK &&
              ov_placement_list(tx, c->id, a, &places, &nplaces, &err) ==
                  OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        ov_api_cti(c, &s);
        return;
    }
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status, ov_str_c(ov_msg(c->lang, "cti.title")));
    ov_html_printf(res, "<p><a href=\"/forloeb/%D\">%t</a></p>", c->id,
                   "common.back");
    const char *base = ov_arena_printf(a, "/forloeb/%lld/cti", (long long)c->id);
    if (!s.started) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "cti.not_started");
        if (ov_may_do(&c->req->viewer, OV_OP_CTI)) {
            ov_form sf;
            ov_form_init(&sf, start_spec, 3, c->lang, a);
            ov_form *use = f && f->spec == start_spec ? f : &sf;
            ov_ctx_default_today(c, use, "start");
            ov_html_printf(res, "<h2>%t</h2>", "cti.start");
            ov_page_form_errors(res, use);
            ov_page_form_begin(res, c->req,
                               ov_str_c(ov_arena_printf(a, "%s/start", base)),
                               false);
            ov_page_fields(res, use);
            ov_page_form_end(res, "cti.start");
        }
        ov_page_end(res);
        return;
    }
    char bk[48];
    snprintf(bk, sizeof bk, "basis.%s", ov_legal_basis_code(s.basis));
    ov_html_printf(res, "<p>%t: %t &middot; %d %t</p><h2>%t</h2><ol>",
                   "cti.legal_basis", bk, s.course.months, "cti.months_unit",
                   "cti.phases");
    int now = ov_cti_phase_of(&s.course, c->today);
    for (int p = 0; p < 3; p++) {
        ov_html_printf(res, "<li class=\"%h\">%t %d %t ",
                       ov_str_c(now == p + 1 ? "current" : ""), "cti.phase",
                       p + 1, "cti.phase_from");
        ov_page_date(res, s.course.phase_start[p]);
        ov_html_printf(res, " (%t %d %t)</li>", "cti.planned_every",
                       s.rules.interval_days[p], "cti.days");
    }
    ov_html_printf(res, "</ol><p>%t: ", "cti.end");
    ov_page_date(res, s.course.end);
    ov_html_lit(res, "</p>");

    /* intensity: planned against actual per phase */
    ov_cti_intensity in[3];
    ov_cti_intensity_of(&s.course, &s.rules, s.contacts, s.ncontacts, c->today,
                        in);
    double planned[3], actual[3];
    const char *xl[3];
    double top = 1;
    for (int p = 0; p < 3; p++) {
        planned[p] = round(in[p].planned * 10) / 10;
        actual[p] = in[p].actual;
        if (planned[p] > top)
            top = planned[p];
        if (actual[p] > top)
            top = actual[p];
        xl[p] = ov_arena_printf(a, "%s %d", ov_msg(c->lang, "cti.phase"),
                                p + 1);
    }
    ov_html_printf(res, "<h2>%t</h2>", "cti.intensity");
    ov_series se[2] = {{ov_msg(c->lang, "cti.planned"), planned, "s2"},
                       {ov_msg(c->lang, "cti.actual"), actual, "s1"}};
    ov_chart ch = {ov_msg(c->lang, "cti.intensity"), 3, xl, 0, ceil(top),
                   2, se, false};
    ov_chart_svg(res, &ch);

    /* warnings */
    ov_cti_facts facts = {false, 0, 0};
    for (int i = 0; i < nplaces.n; i++)
        if (!facts.has_placement || places[i].p.start < facts.placement_start) {
            facts.has_placement = true;
            facts.placement_start = places[i].p.start;
        }
    ov_cti_warning w[OV_CTI_WARNING_COUNT];
    int nw = ov_cti_check(&s.course, &s.rules, &facts, s.contacts, s.ncontacts,
                          c->today, w, OV_CTI_WARNING_COUNT);
    if (nw > 0) {
        ov_html_printf(res, "<h2>%t</h2>", "cti.warnings");
        for (int i = 0; i < nw; i++)
            ov_page_notice(res, "warn", ov_str_c(warning_text(c, &w[i])));
    }

    /* the contact log */
    ov_html_printf(res, "<h2>%t</h2>", "cti.contacts");
    if (s.ncontacts == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "cti.no_contacts");
    } else {
        ov_html_printf(res,
                       "<table><thead><tr><th>%t</th><th>%t</th><th>%t</th>"
                       "<th>%t</th><th>%t</th></tr></thead><tbody>",
                       "common.date", "cti.form", "cti.minutes", "cti.focus",
                       "cti.note");
        for (int i = s.ncontacts - 1; i >= 0; i--) {
            char fk[48];
            snprintf(fk, sizeof fk, "cform.%s",
                     ov_contact_form_code(s.contacts[i].form));
            ov_html_lit(res, "<tr><td>");
            ov_page_date(res, s.contacts[i].date);
            ov_html_printf(res,
                           "</td><td>%t</td><td>%d</td><td>%h</td><td>%h</td>"
                           "</tr>",
                           fk, s.contacts[i].minutes, s.contacts[i].focus,
                           s.contacts[i].note);
        }
        ov_html_lit(res, "</tbody></table>");
    }
    /* after the CTI course's end no contact can be logged (the model
     * refuses its date): say so instead of offering the form */
    bool over = ov_cti_phase_of(&s.course, c->today) >= 4;
    if (over && ov_may_do(&c->req->viewer, OV_OP_CTI_CONTACT)) {
        char d[OV_DATE_BUF];
        ov_date_format_dk(s.course.end - 1, d);
        ov_html_printf(res, "<p class=\"notice\">%h</p>",
                       ov_str_c(ov_msg_fill(a, c->lang, "cti.over", d, NULL)));
    } else if (ov_may_do(&c->req->viewer, OV_OP_CTI_CONTACT)) {
        ov_form cf;
        ov_form_init(&cf, contact_spec, 5, c->lang, a);
        ov_form *use = f && f->spec == contact_spec ? f : &cf;
        ov_ctx_default_today(c, use, "date");
        ov_html_printf(res, "<h2>%t</h2>", "cti.contact_new");
        ov_page_form_errors(res, use);
        ov_page_form_begin(res, c->req,
                           ov_str_c(ov_arena_printf(a, "%s/kontakt", base)),
                           false);
        ov_html_lit(res, "<div class=\"row\">");
        ov_page_fields(res, use);
        ov_html_lit(res, "</div>");
        ov_page_form_end(res, "common.save");
    }
    ov_page_end(res);
}

void ov_v_cti(ov_ctx *c)
{
    cti_page(c, NULL, 200);
}
