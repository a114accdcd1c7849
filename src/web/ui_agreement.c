/*
 * ui_agreement.c - the citizen's own work agreement, "/min-arbejdsaftale"
 * (issue 14, "Arbejdsaftale"): where, the tasks, the hours, what is taken
 * into account, the goals, who signed when and how, in plain Danish, and
 * the citizen's own sign button (keyboard-only usable: a plain form with
 * one button). The same signatures and sign form as the placement page
 * (ui_placement.c); the signing rules are the model's (ov_sign_party).
 */
#include <stdio.h>

#include "store/placement.h"
#include "web/handlers.h"

static void one_agreement(ov_ctx *c, const ov_placement_row *r,
                          const ov_signoff_row *so, int nso)
{
    ov_response *res = c->res;
    ov_arena *a = c->req->arena;
    ov_html_printf(res, "<section class=\"my-agreement\"><h2>%h</h2>",
                   r->company_name);
    char tk[48];
    snprintf(tk, sizeof tk, "ptype.%s", ov_placement_type_code(r->p.type));
    ov_html_printf(res, "<dl><dt>%t</dt><dd>%t</dd><dt>%t</dt><dd>",
                   "mine.kind", tk, "mine.when");
    ov_page_date(res, r->p.start);
    if (r->p.has_end) {
        ov_html_lit(res, " - ");
        ov_page_date(res, r->p.end);
    }
    ov_html_lit(res, "</dd></dl>");
    if (r->agreement_version == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p></section>",
                       "mine.no_agreement");
        return;
    }
    const ov_agreement *ag = &r->agreement;
    ov_html_printf(res, "<dl><dt>%t</dt><dd>", "mine.hours");
    ov_page_hours(res, ag->internship_hours_x10);
    ov_html_printf(res, " %t, ", "mine.hours_internship");
    ov_page_hours(res, ag->ordinary_hours_x10);
    ov_html_printf(res, " %t</dd><dt>%t</dt><dd>%h</dd><dt>%t</dt><dd>%h"
                        "</dd><dt>%t</dt><dd>",
                   "mine.hours_ordinary", "mine.tasks", ag->tasks,
                   "mine.accommodations",
                   ag->accommodations.len ? ag->accommodations
                                          : ov_str_c(ov_msg(c->lang,
                                                            "mine.none")),
                   "mine.review");
    ov_page_date(res, ag->review_date);
    ov_html_printf(res, "</dd></dl><h3>%t</h3><ul>", "mine.goals");
    for (int i = 0; i < ag->ngoals; i++) {
        ov_html_printf(res, "<li>%h", ag->goals[i].text);
        if (ag->goals[i].reached)
            ov_html_printf(res, " (%t)", "mine.reached");
        ov_html_lit(res, "</li>");
    }
    ov_html_printf(res, "</ul><p>%t %d. <a href=\"/virksomhedsforloeb/%D/"
                        "aftale.pdf\">%t</a></p>",
                   "mine.version", r->agreement_version, r->id,
                   "pdf.download");
    ov_ui_signatures(c, r, so, nso);
    ov_ui_sign_forms(c, r, "mine");
    if (r->consultant_id) {
        ov_html_printf(res, "<p class=\"contact\">%t %h", "mine.contact",
                       r->consultant_name);
        if (r->consultant_phone.len)
            ov_html_printf(res, " · %t <a href=\"tel:%h\">%h</a>",
                           "agreement.phone", r->consultant_phone,
                           r->consultant_phone);
        if (r->consultant_email.len)
            ov_html_printf(res, " · %t <a href=\"mailto:%h\">%h</a>",
                           "agreement.email", r->consultant_email,
                           r->consultant_email);
        ov_html_lit(res, "</p>");
    }
    (void)a;
    ov_html_lit(res, "</section>");
}

void ov_h_my_agreement(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_arena *a = req->arena;
    ov_placement_row *rows = NULL;
    ov_list_info n = {0, 0, false};
    ov_status st = ov_placement_list_citizen(tx, req->viewer.citizen_id, a,
                                             &rows, &n, &err);
    typedef struct sigs {
        ov_signoff_row so[3];
        int n;
    } sigs;
    sigs *sg = OV_NEW_N(a, sigs, (size_t)(n.n > 0 ? n.n : 1));
    for (int i = 0; st == OV_OK && i < n.n; i++)
        if (rows[i].agreement_version > 0)
            st = ov_agreement_signoffs(tx, &rows[i], a, sg[i].so, &sg[i].n,
                                       &err);
    if (!ov_ctx_finish(&c, tx, st == OV_OK, &err))
        return;
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "mine.title")));
    ov_html_printf(res, "<p>%t</p>", "mine.intro");
    if (n.n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "mine.nothing");
    } else {
        ov_page_list_cut(res, &n, "list.newest");
        for (int i = 0; i < n.n; i++)
            one_agreement(&c, &rows[i], sg[i].so, sg[i].n);
    }
    ov_page_end(res);
}
