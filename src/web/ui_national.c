/*
 * ui_national.c - the national analyst's board `/national` (issue 12,
 * sections 3 and 4): every municipality side by side on the indicators,
 * the national total, and the rollout month by month (a chart and a
 * table). The national analyst's start page.
 *
 * Never a person: the page shows figures only, each built on at least k
 * citizens (the setting suppress_k) or shown as "<k", with secondary
 * suppression (model/national.h); no figure links anywhere (no
 * drill-down), and no name, CPR number, course or free text is read for
 * it. Imported municipalities are marked with the day of their latest
 * import; a caseload an extract cannot give is "not available".
 *
 * Filters (GET query): from, to (dates, widened to whole months; default
 * the 12 whole months before this one, as the API). A bad date or a period whose end is before its
 * start is shown next to its field (400) and nothing is read.
 *
 * Layout: the table scrolls inside its own box on a narrow screen (the
 * page never scrolls sideways); print fits it on A4 landscape.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/svg.h"
#include "web/chart.h"
#include "web/handlers.h"
#include "web/indicators.h"
#include "web/national.h"

static const ov_field query_spec[] = {
    {.name = "from", .type = OV_F_DATE, .label = "ind.from"},
    {.name = "to", .type = OV_F_DATE, .label = "ind.to"},
};

/* The indicator groups as the table shows them: core elements 1-6,
 * results, caseloads. */
static const struct {
    ov_ind_group group;
    const char *title;
} groups[] = {
    {OV_IND_GROUP_START, "board.el1"},     {OV_IND_GROUP_PLAN, "board.el2"},
    {OV_IND_GROUP_FOLLOWUP, "board.el3"},  {OV_IND_GROUP_MATCH, "board.el4"},
    {OV_IND_GROUP_CTI, "board.el5"},       {OV_IND_GROUP_AGREEMENT, "board.el6"},
    {OV_IND_GROUP_RESULTS, "board.results"},
    {OV_IND_GROUP_CASELOAD, "board.caseloads"},
};

/* An indicator's figure in the reader's language, as the board shows
 * it (web/indicators.h). */
static const char *fmt_value(ov_ctx *c, ov_ind_unit unit, double v)
{
    return ov_ind_figure(c->req->arena, c->lang, unit, v);
}

static const char *status_key(ov_ind_status s)
{
    switch (s) {
    case OV_IND_STATUS_GREEN: return "board.status.green";
    case OV_IND_STATUS_YELLOW: return "board.status.yellow";
    case OV_IND_STATUS_RED: return "board.status.red";
    default: return "board.status.none";
    }
}

/* A catalogue text with "%1" replaced by the argument. */
static const char *subst1(ov_ctx *c, const char *key, const char *a1)
{
    const char *t = ov_msg(c->lang, key);
    ov_buf b;
    ov_buf_init(&b, c->req->arena, 512);
    for (const char *p = t; *p; p++) {
        if (p[0] == '%' && p[1] == '1') {
            ov_buf_append_c(&b, a1);
            p++;
        } else {
            ov_buf_append_byte(&b, (uint8_t)*p);
        }
    }
    return ov_arena_memdup0(c->req->arena, ov_buf_str(&b).ptr,
                            ov_buf_str(&b).len);
}

static const char *lt_k(ov_ctx *c, int k)
{
    return ov_arena_printf(c->req->arena, "<%d", k);
}

/* One cell: the value in its status colour, the status in words for a
 * screen reader and the pointer, and numerator / denominator below. */
static void cell(ov_ctx *c, const ov_nat_board *b, const ov_nat_cell *x)
{
    ov_response *res = c->res;
    if (x->unavailable) {
        ov_html_printf(res, "<td class=\"na\" title=\"%t\">\xe2\x80\x93"
                            "<small>%t</small></td>",
                       "nat.na_long", "nat.na");
        return;
    }
    if (x->suppressed) {
        ov_html_printf(res, "<td class=\"sup\" title=\"%t\">%h</td>",
                       "nat.suppressed", ov_str_c(lt_k(c, b->k)));
        return;
    }
    const ov_indicator *i = &x->ind;
    const char *st = ov_ind_status_code(i->status);
    if (!i->has_value) {
        ov_html_printf(res, "<td class=\"st-none\" title=\"%t\">"
                            "\xe2\x80\x93</td>",
                       "nat.no_value");
        return;
    }
    const char *num = ov_ind_count(c->req->arena, c->lang, i->numerator);
    const char *den = ov_ind_count(c->req->arena, c->lang, i->denominator);
    ov_html_printf(res, "<td class=\"st-%h\" title=\"%t\">%h", ov_str_c(st),
                   status_key(i->status),
                   ov_str_c(fmt_value(c, i->unit, i->value)));
    if (i->unit == OV_IND_PERCENT)
        ov_html_printf(res, "<small>%h %t %h</small>", ov_str_c(num),
                       "board.of", ov_str_c(den));
    else
        ov_html_printf(res, "<small>n = %h</small>",
                       ov_str_c(ov_ind_count(c->req->arena, c->lang,
                                             (double)x->citizens)));
    ov_html_lit(res, "</td>");
}

static void indicator_table(ov_ctx *c, const ov_national *n)
{
    ov_response *res = c->res;
    const ov_nat_board *b = &n->b;
    ov_html_printf(res,
                   "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                   "aria-label=\"%t\"><table class=\"nat\"><caption>%t"
                   "</caption><thead><tr><th scope=\"col\">%t</th>",
                   "nat.indicators", "nat.indicators", "board.col.label");
    for (int i = 0; i < n->nsrc; i++) {
        const ov_nat_source *s = &n->src[i];
        const char *name = s->name[0]
                               ? s->name
                               : ov_arena_printf(c->req->arena, "%s %d",
                                                 ov_msg(c->lang, "nat.muni"),
                                                 s->code);
        ov_html_printf(res, "<th scope=\"col\">%h<small>%d", ov_str_c(name),
                       s->code);
        if (s->imported) {
            char d[OV_DATE_BUF];
            ov_date_format_dk(s->imported_on, d);
            ov_html_printf(res, " \xc2\xb7 <span class=\"imp\">%t %h</span>",
                           "nat.imported", ov_str_c(d));
        }
        ov_html_lit(res, "</small></th>");
    }
    ov_html_printf(res, "<th scope=\"col\" class=\"tot\">%t</th></tr></thead>"
                        "<tbody>",
                   "nat.total");
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        ov_html_printf(res,
                       "<tr class=\"grp\"><th scope=\"colgroup\" "
                       "colspan=\"%d\">%t</th></tr>",
                       n->nsrc + 2, groups[g].title);
        for (int id = 0; id < OV_IND_COUNT; id++) {
            if (ov_ind_group_of((ov_ind_id)id) != groups[g].group)
                continue;
            ov_html_printf(res, "<tr><th scope=\"row\">%h</th>",
                           ov_str_c(ov_ind_label(c->lang, (ov_ind_id)id)));
            for (int r = 0; r <= b->n; r++)
                cell(c, b, ov_nat_at(b, r, (ov_ind_id)id));
            ov_html_lit(res, "</tr>");
        }
    }
    ov_html_lit(res, "</tbody></table></div>");
    ov_html_printf(res,
                   "<p class=\"legend\"><span class=\"chip st-green\">%t"
                   "</span> <span class=\"chip st-yellow\">%t</span> "
                   "<span class=\"chip st-red\">%t</span> "
                   "<span class=\"chip st-none\">%t</span></p>",
                   "board.status.green", "board.status.yellow",
                   "board.status.red", "board.status.none");
}

static void count_td(ov_ctx *c, const ov_nat_board *b, int64_t v, bool hide)
{
    if (hide)
        ov_html_printf(c->res, "<td class=\"sup\" title=\"%t\">%h</td>",
                       "nat.suppressed", ov_str_c(lt_k(c, b->k)));
    else
        ov_html_printf(c->res, "<td>%D</td>", v);
}

static void rollout(ov_ctx *c, const ov_national *n)
{
    ov_response *res = c->res;
    const ov_nat_board *b = &n->b;
    ov_html_printf(res, "<h2>%t</h2>", "nat.rollout");
    if (b->nmonths == 0)
        return;
    ov_arena *a = c->req->arena;
    int nm = b->nmonths;
    double *yd = OV_NEW_N(a, double, (size_t)nm);
    double *ya = OV_NEW_N(a, double, (size_t)nm);
    double *ye = OV_NEW_N(a, double, (size_t)nm);
    const char **xl = OV_NEW_N(a, const char *, (size_t)nm);
    double top = 1;
    for (int m = 0; m < nm; m++) {
        const ov_nat_month *x = &b->months[m];
        /* a hidden figure is no point on the chart either */
        yd[m] = x->drawn_hidden ? (double)NAN : (double)x->drawn;
        ya[m] = x->active_hidden ? (double)NAN : (double)x->active;
        ye[m] = x->ended_hidden ? (double)NAN : (double)x->ended;
        for (int s = 0; s < 3; s++) {
            double v = s == 0 ? yd[m] : s == 1 ? ya[m] : ye[m];
            if (!isnan(v) && v > top)
                top = v;
        }
        char *d = ov_arena_alloc(a, OV_DATE_BUF);
        ov_date_format_iso(x->month, d);
        d[7] = '\0';
        xl[m] = d;
    }
    ov_series s[3] = {{ov_msg(c->lang, "nat.col.active"), ya, "s1"},
                      {ov_msg(c->lang, "nat.col.drawn"), yd, "s2"},
                      {ov_msg(c->lang, "nat.col.ended"), ye, "s3"}};
    ov_chart ch = {ov_msg(c->lang, "nat.rollout"), nm, xl, 0, top, 3, s,
                   false};
    ov_chart_svg(res, &ch);
    ov_html_printf(res,
                   "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                   "aria-label=\"%t\"><table class=\"nat roll\"><thead><tr>"
                   "<th scope=\"col\">%t</th><th scope=\"col\">%t</th>"
                   "<th scope=\"col\">%t</th><th scope=\"col\">%t</th>"
                   "<th scope=\"col\">%t</th></tr></thead><tbody>",
                   "nat.rollout", "nat.col.month", "nat.col.munis",
                   "nat.col.drawn", "nat.col.active", "nat.col.ended");
    for (int m = 0; m < nm; m++) {
        const ov_nat_month *x = &b->months[m];
        ov_html_printf(res, "<tr><th scope=\"row\">%h</th><td>%d</td>",
                       ov_str_c(xl[m]), x->municipalities);
        count_td(c, b, x->drawn, x->drawn_hidden);
        count_td(c, b, x->active, x->active_hidden);
        count_td(c, b, x->ended, x->ended_hidden);
        ov_html_lit(res, "</tr>");
    }
    ov_html_printf(res, "</tbody><tfoot><tr><th scope=\"row\">%t</th>"
                        "<td></td>",
                   "nat.total");
    count_td(c, b, b->drawn_total, b->drawn_total_hidden);
    ov_html_lit(res, "<td></td>");
    count_td(c, b, b->ended_total, b->ended_total_hidden);
    ov_html_lit(res, "</tr></tfoot></table></div>");
}

static void filter_form(ov_ctx *c, const ov_form *f, ov_date from, ov_date to,
                        bool valid)
{
    ov_page_form_errors(c->res, f);
    ov_html_lit(c->res, "<form method=\"get\" action=\"/national\" "
                        "class=\"filter board-filter\"><div class=\"row\">");
    for (int k = 0; k < 2; k++) {
        const char *name = k ? "to" : "from";
        char iso[OV_DATE_BUF];
        ov_date_format_iso(k ? to : from, iso);
        bool bad = false;
        for (int e = 0; e < f->nerrors; e++)
            if (strcmp(f->errors[e].field, name) == 0)
                bad = true;
        ov_html_printf(c->res,
                       "<div class=\"field%h\"><label for=\"f-%h\">%t</label>"
                       "<input id=\"f-%h\" name=\"%h\" type=\"date\" "
                       "value=\"%h\"></div>",
                       ov_str_c(bad ? " has-error" : ""), ov_str_c(name),
                       k ? "ind.to" : "ind.from", ov_str_c(name),
                       ov_str_c(name),
                       valid ? ov_str_c(iso) : ov_form_str(f, name));
    }
    ov_html_printf(c->res,
                   "</div><div class=\"actions\"><button type=\"submit\">%t"
                   "</button></div></form>",
                   "common.filter");
}

void ov_h_national(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_form f;
    ov_form_init(&f, query_spec, 2, c.lang, req->arena);
    bool valid = ov_form_parse_urlencoded(&f, req->query, NULL) == OV_OK;
    ov_date from, to;
    ov_national_period(&f, c.today, &from, &to);
    if (valid && ov_ind_period_validate(from, to, &err) != OV_OK) {
        ov_form_fail_err(&f, &err);
        valid = false;
    }
    const char *title = ov_msg(c.lang, "nat.title");
    if (!valid) {
        /* bad input: the form with the error next to its field, nothing
         * read (dispatch rolls the transaction back) */
        ov_page_begin(res, req, 400, ov_str_c(title));
        ov_html_lit(res, "<div class=\"national\">");
        filter_form(&c, &f, from, to, false);
        ov_html_lit(res, "</div>");
        ov_page_end(res);
        return;
    }
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_national n;
    bool ok = ov_national_read(tx, from, to, ov_national_k(app->suppress_k),
                               req->arena, &n, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    ov_page_begin(res, req, 200, ov_str_c(title));
    char fd[OV_DATE_BUF], td[OV_DATE_BUF];
    ov_date_format_dk(from, fd);
    ov_date_format_dk(to, td);
    ov_html_printf(res,
                   "<div class=\"national\"><p class=\"period\">%h\xe2\x80\x93"
                   "%h \xc2\xb7 %d %t</p>",
                   ov_str_c(fd), ov_str_c(td), n.nsrc, "nat.munis");
    filter_form(&c, &f, from, to, true);
    ov_html_printf(res, "<p class=\"note\">%h</p>",
                   ov_str_c(subst1(&c, "nat.note", lt_k(&c, n.b.k))));
    if (n.nsrc == 0)
        ov_html_printf(res, "<p>%t</p>", "nat.none");
    else
        indicator_table(&c, &n);
    rollout(&c, &n);
    ov_html_printf(res, "<p class=\"note\">%t</p>", "nat.rules");
    /* the national business case (ui_econ.c, issue 15) */
    if (ov_may_do(&req->viewer, OV_OP_ECONOMICS))
        ov_html_printf(res,
                       "<p class=\"econ-link\"><a href=\"/oekonomi\">%t</a>"
                       "</p>",
                       "econ.home_link");
    ov_html_lit(res, "</div>");
    ov_page_end(res);
}
