/*
 * ui_pdf.c - the plan and the work agreement as PDF downloads
 * (report/plan_pdf.h): /forloeb/{id}/plan.pdf (?version=N),
 * /virksomhedsforloeb/{id}/aftale.pdf and their /api/v1 twins.
 *
 * Both are views (routes.c VIEW): dispatch has checked that the caller
 * may see the course or placement (404 otherwise) in the audited read,
 * whose rows the store writes as it reads; the document is laid out after
 * the transaction is finished, so no reader connection waits for cairo.
 * The citizen may download their own plan (COURSE_READ admits the
 * course's own citizen), the employer contact the agreement of a
 * placement at their company (PLACEMENT_READ).
 *
 * The file name says what the document is and carries no personal data
 * (no name, no CPR number): plan-<course>-v<version>.pdf,
 * arbejdsaftale-<placement>-v<version>.pdf.
 */
#include <stdio.h>
#include <string.h>

#include "report/plan_pdf.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/placement.h"
#include "store/plan.h"
#include "web/handlers.h"

static const char *catalogue(int lang, const char *key)
{
    return ov_msg((ov_lang)lang, key);
}

static const ov_field version_spec[] = {
    {.name = "version", .type = OV_F_INT, .min = 1, .max_i = 1000000,
     .label = "common.version"},
};

static void send_pdf(ov_ctx *c, ov_str pdf, const char *filename)
{
    ov_response_download(c->res, "application/pdf", filename, pdf);
    /* a person's document: never kept by a shared cache or the browser */
    ov_response_header(c->res, "Cache-Control", "no-store");
}

void ov_v_plan_pdf(ov_ctx *c)
{
    ov_err err;
    ov_err_clear(&err);
    ov_arena *a = c->req->arena;
    ov_form q;
    ov_form_init(&q, version_spec, 1, c->lang, a);
    if (ov_form_parse_urlencoded(&q, c->req->query, NULL) != OV_OK) {
        ov_form_first_error(&q, &err);
        ov_ctx_fail(c, &err);
        return;
    }
    int want = (int)ov_form_int(&q, "version", 0);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_course co;
    ov_citizen ci;
    ov_plan plan;
    ov_plan_meta pm;
    bool ok = ov_course_get(tx, c->id, a, &co, &err) == OV_OK &&
              ov_citizen_get(tx, co.citizen_id, a, &ci, &err) == OV_OK &&
              ov_plan_load(tx, c->id, want, a, &plan, &pm, &err) == OV_OK;
    ov_plan_changes changes;
    memset(&changes, 0, sizeof changes);
    if (ok && pm.version > 0)
        ok = ov_plan_changes_of(tx, c->id, pm.version, a, &changes, &err) ==
             OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    ov_doc_person team[4];
    for (int i = 0; i < co.nstaff && i < 4; i++)
        team[i] = (ov_doc_person){co.staff[i].full_name, co.staff[i].role,
                                  OV_STR_NULL};
    ov_plan_doc d = {.lang = c->lang,
                     .msg = catalogue,
                     .citizen_name = ci.full_name,
                     .birth = ci.cpr.birth,
                     .plan = &plan,
                     .meta = &pm,
                     .changes = &changes,
                     .team = team,
                     .nteam = co.nstaff < 4 ? co.nstaff : 4,
                     .printed_on = c->today};
    ov_str pdf;
    if (ov_plan_pdf(&d, a, &pdf, NULL, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    char name[64];
    snprintf(name, sizeof name, "plan-%lld-v%d.pdf", (long long)c->id,
             pm.version);
    send_pdf(c, pdf, name);
}

void ov_v_agreement_pdf(ov_ctx *c)
{
    ov_err err;
    ov_err_clear(&err);
    ov_arena *a = c->req->arena;
    ov_tx *tx;
    if (ov_ctx_take_placement_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_placement_row row;
    ov_signoff_row so[3];
    int nso = 0;
    ov_status st = ov_placement_get(tx, c->id, a, &row, &err);
    /* an employer contact (who sees work agreements, not courses) was let
     * through by dispatch on the placement's course: the placement's
     * company decides, as on the placement page */
    ov_placement_scope ps = {.company_id = row.p.company_id};
    if (st == OV_OK && !ov_sees_whole_placement(&c->req->viewer) &&
        !ov_may_see_placement(&c->req->viewer, &ps)) {
        ov_tx_rollback(tx); /* nothing shown, nothing logged */
        ov_ctx_not_found(c);
        return;
    }
    bool ok = st == OV_OK &&
              ov_agreement_signoffs(tx, &row, a, so, &nso, &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    ov_agreement_doc d = {.lang = c->lang,
                          .msg = catalogue,
                          .row = &row,
                          .signoffs = so,
                          .nsignoffs = nso,
                          .printed_on = c->today};
    ov_str pdf;
    if (ov_agreement_pdf(&d, a, &pdf, NULL, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    char name[64];
    snprintf(name, sizeof name, "arbejdsaftale-%lld-v%d.pdf",
             (long long)c->id, row.agreement_version);
    send_pdf(c, pdf, name);
}

/* The paper bar of the plan and agreement pages: the PDF link (works
 * without script) and a print button app.js reveals and wires to
 * window.print(); in print the bar is hidden and a line names the citizen
 * and the day instead of the navigation (the print section of app.css). */
void ov_ui_paper_bar(ov_ctx *c, const char *pdf_href, ov_str citizen_name)
{
    ov_response *res = c->res;
    ov_html_printf(res,
                   "<p class=\"paper no-print\"><a class=\"button\" "
                   "href=\"%h\" download>%t</a> <button type=\"button\" "
                   "class=\"print\" hidden>%t</button></p>",
                   ov_str_c(pdf_href), "pdf.download", "pdf.print");
    char day[OV_DATE_BUF];
    ov_date_format_dk(c->today, day);
    const char *tpl = ov_msg(c->lang, "pdf.printed_for");
    ov_buf b;
    ov_buf_init(&b, c->req->arena, 1024);
    for (const char *p = tpl; *p; p++) {
        if (p[0] == '%' && p[1] == '1') {
            ov_buf_append_str(&b, citizen_name);
            p++;
        } else if (p[0] == '%' && p[1] == '2') {
            ov_buf_append_c(&b, day);
            p++;
        } else {
            ov_buf_append_byte(&b, *p);
        }
    }
    ov_html_printf(res, "<p class=\"print-only print-for\">%h</p>",
                   ov_buf_str(&b));
}
