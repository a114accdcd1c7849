/*
 * ui_search.c - finding a citizen: the search box in the header of every
 * staff page (page.c), its results page, and GET /api/v1/citizens.
 *
 * Why the box POSTs: a CPR number must never stand in an address (it
 * would be in the browser's history, a proxy's log and the Referer of
 * the next click). The header form sends the query in the body, and the
 * results are the answer to that POST, so neither the query nor the
 * number reaches a URL. GET /soeg?q= works too (a bookmark of a name
 * search); a CPR number that arrives that way is searched, but the page
 * does not repeat it, and the server logs no query string. The API takes
 * q in the query string as its contract says; nothing logs it, and the
 * audit row says "søgning på CPR-nummer", never the number
 * (store/search.h).
 */
#include <stdio.h>

#include "store/search.h"
#include "web/handlers.h"

enum { SEARCH_CAP = 50 };

static const ov_field search_spec[] = {
    {.name = "q", .type = OV_F_TEXT, .max = 200, .label = "search.q"},
};

/* The search form of the results page (the header has its own box). */
static void search_form(ov_ctx *c, ov_form *f, ov_str shown)
{
    ov_response *res = c->res;
    ov_page_form_errors(res, f);
    const char *e = ov_form_error_of(f, "q");
    ov_page_form_begin(res, c->req, OV_STR_LIT("/soeg"), false);
    ov_html_printf(res,
                   "<div class=\"field%h\"><label for=\"f-q\">%t</label>"
                   "<input type=\"search\" id=\"f-q\" name=\"q\" "
                   "maxlength=\"100\" value=\"%h\" autocomplete=\"off\" "
                   "aria-describedby=\"q-hint\">",
                   ov_str_c(e ? " has-error" : ""), "search.q", shown);
    if (e)
        ov_html_printf(res, "<p class=\"error\">%h</p>", ov_str_c(e));
    ov_html_printf(res, "<p class=\"hint\" id=\"q-hint\">%t</p></div>",
                   "search.hint");
    ov_page_form_end(res, "search.submit");
}

static void results(ov_ctx *c, const ov_search_hit *h, const ov_list_info *li,
                    ov_search_by by)
{
    ov_response *res = c->res;
    ov_html_printf(res, "<h2>%t</h2>", "search.results");
    if (by == OV_SEARCH_CPR)
        ov_html_printf(res, "<p>%t</p>", "search.by_cpr");
    if (li->n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "search.none");
        return;
    }
    if (li->truncated) {
        ov_page_list_cut(res, li, "list.newest");
        ov_html_printf(res, "<p>%t</p>", "search.refine");
    }
    ov_html_printf(res,
                   "<table class=\"search\"><thead><tr><th>%t</th>"
                   "<th>%t</th><th>%t</th></tr></thead><tbody>",
                   "courses.citizen", "courses.stage", "courses.start");
    for (int i = 0; i < li->n; i++) {
        char key[48];
        snprintf(key, sizeof key, "stage.%s", ov_stage_code(h[i].stage));
        ov_html_printf(res,
                       "<tr><td><a href=\"/forloeb/%D\">%h</a></td>"
                       "<td>%t",
                       h[i].course_id, h[i].name, key);
        /* an ended course whose stage does not say so already */
        if (h[i].ended && h[i].stage != OV_STAGE_ENDED)
            ov_html_printf(res, " <span class=\"badge\">%t</span>",
                           "search.ended");
        ov_html_lit(res, "</td><td>");
        ov_page_date(res, h[i].started_on);
        ov_html_lit(res, "</td></tr>");
    }
    ov_html_lit(res, "</tbody></table>");
}

void ov_h_search(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_form f;
    ov_form_init(&f, search_spec, 1, c.lang, req->arena);
    bool posted = req->method == OV_POST;
    bool valid = (posted ? ov_form_parse(&f, req, "csrf")
                         : ov_form_parse_urlencoded(&f, req->query, NULL)) ==
                 OV_OK;
    /* a page without a query is the empty form; the API needs one */
    bool asked = valid && (c.api || posted || ov_form_has(&f, "q"));
    ov_search_hit *hits = NULL;
    ov_list_info li = {0, 0, false};
    ov_search_by by = OV_SEARCH_NAME;
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    if (asked) {
        ov_status st = ov_citizen_search(tx, &req->viewer,
                                         ov_form_str(&f, "q"), SEARCH_CAP,
                                         req->arena, &hits, &li, &by, &err);
        if (st == OV_EINVAL) {
            /* a query the store refused: said next to the field */
            ov_tx_rollback(tx);
            ov_form_fail_err(&f, &err);
            valid = asked = false;
        } else if (!ov_ctx_finish(&c, tx, st == OV_OK, &err)) {
            return;
        }
    } else {
        ov_tx_rollback(tx);
    }
    if (c.api) {
        if (!valid) {
            ov_form_first_error(&f, &err);
            ov_response_error(res, &err);
            return;
        }
        ov_api_citizens(&c, hits, &li);
        return;
    }
    ov_page_begin(res, req, valid ? 200 : 400,
                  ov_str_c(ov_msg(c.lang, "search.title")));
    /* the query back in the box, but never a CPR number */
    ov_str shown = asked && by == OV_SEARCH_NAME
                       ? ov_str_trim(ov_form_str(&f, "q"))
                       : OV_STR_LIT("");
    search_form(&c, &f, shown);
    if (asked)
        results(&c, hits, &li, by);
    ov_page_end(res);
}
