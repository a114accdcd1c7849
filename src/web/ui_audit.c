/*
 * ui_audit.c - the audit viewer for leaders and administrators (scoped to
 * their municipality, filtered by citizen, user and period) and the
 * citizen's own access log with its export (GDPR art. 15).
 */
#include <stdio.h>
#include <string.h>

#include "core/csv.h"
#include "store/audit.h"
#include "store/view.h"
#include "web/handlers.h"

static const ov_field filter_spec[] = {
    {.name = "citizen", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "audit.citizen"},
    {.name = "user", .type = OV_F_TEXT, .max = 64, .label = "audit.user"},
    {.name = "from", .type = OV_F_DATE, .label = "audit.from"},
    {.name = "to", .type = OV_F_DATE, .label = "audit.to"},
};

enum { AUDIT_LIMIT = 500 };

void ov_h_audit(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_form f;
    ov_form_init(&f, filter_spec, 4, c.lang, req->arena);
    ov_audit_view_row *rows = NULL;
    ov_list_info n = {0, 0, false};
    bool valid = ov_form_parse_urlencoded(&f, req->query, NULL) == OV_OK;
    if (valid) {
        ov_audit_filter flt = {
            .municipality_code = req->viewer.municipality_code,
            .citizen_id = ov_form_int(&f, "citizen", 0),
            .user = ov_str_trim(ov_form_str(&f, "user")),
            .has_from = ov_form_has(&f, "from") &&
                        ov_str_trim(ov_form_str(&f, "from")).len,
            .has_to = ov_form_has(&f, "to") &&
                      ov_str_trim(ov_form_str(&f, "to")).len,
            .from = ov_form_date(&f, "from", 0),
            .to = ov_form_date(&f, "to", 0),
            .limit = AUDIT_LIMIT,
        };
        ov_tx *tx;
        ov_status st = ov_ctx_take_tx(&c, &tx, &err);
        if (st == OV_OK) {
            st = ov_audit_search(tx, &flt, req->arena, &rows, &n, &err);
            if (st == OV_EINVAL && !c.api) {
                /* a filter the store refused (the period backwards): show
                 * it next to its field */
                ov_tx_rollback(tx);
                ov_form_fail_err(&f, &err);
                valid = false;
            } else if (!ov_ctx_finish(&c, tx, st == OV_OK, &err)) {
                return;
            }
        } else {
            ov_ctx_fail(&c, &err);
            return;
        }
    } else if (c.api) {
        ov_form_first_error(&f, &err);
        ov_response_error(res, &err);
        return;
    }
    if (c.api) {
        ov_api_audit(&c, rows, &n);
        return;
    }
    ov_page_begin(res, req, valid ? 200 : 400,
                  ov_str_c(ov_msg(c.lang, "audit.title")));
    ov_page_form_errors(res, &f);
    ov_html_lit(res, "<form method=\"get\" action=\"/revision\" "
                     "class=\"filter\"><div class=\"row\">");
    ov_page_fields(res, &f);
    ov_html_printf(res,
                   "</div><div class=\"actions\"><button type=\"submit\">%t"
                   "</button></div></form>",
                   "common.filter");
    if (valid && n.n == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "audit.none");
    if (n.n > 0) {
        ov_page_list_cut(res, &n, "list.newest");
        ov_html_printf(res,
                       "<table class=\"audit\"><thead><tr><th>%t</th>"
                       "<th>%t</th><th>%t</th><th>%t</th><th>%t</th>"
                       "<th>%t</th></tr></thead><tbody>",
                       "audit.when", "audit.user", "audit.role",
                       "audit.action", "audit.citizen", "audit.purpose");
        for (int i = 0; i < n.n; i++) {
            char when[OV_TIME_BUF], rk[48], ak[48];
            ov_time_format_dk(rows[i].at, when);
            snprintf(rk, sizeof rk, "role.%s", ov_role_code(rows[i].role));
            snprintf(ak, sizeof ak, "action.%s",
                     ov_action_code(rows[i].action));
            ov_html_printf(res, "<tr><td>%h</td><td>%h</td><td>%t</td>"
                                "<td>%t</td><td>",
                           ov_str_c(when), rows[i].actor, rk, ak);
            if (rows[i].citizen_id)
                ov_html_printf(res, "<a href=\"/revision?citizen=%D\">%D</a>",
                               rows[i].citizen_id, rows[i].citizen_id);
            ov_html_printf(res, "</td><td>%h", rows[i].purpose);
            if (rows[i].criterion.len)
                ov_html_printf(res, " (%h)", rows[i].criterion);
            ov_html_lit(res, "</td></tr>");
        }
        ov_html_lit(res, "</tbody></table>");
    }
    ov_page_end(res);
}

/* The citizen's own log, read in the request's transaction (itself
 * audited, for the purpose its route declares; the journal folded
 * first). */
static bool my_log(ov_ctx *c, ov_access_entry **rows, ov_list_info *n)
{
    ov_err err;
    ov_err_clear(&err);
    enum { CAP = 5000 };
    *rows = NULL;
    *n = (ov_list_info){0, 0, false};
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return false;
    }
    bool ok = ov_audit_citizen_log(tx, c->req->viewer.citizen_id, CAP,
                                   c->req->arena, rows, n, &err) == OV_OK;
    return ov_ctx_finish(c, tx, ok, &err);
}

void ov_h_my_log(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_access_entry *rows;
    ov_list_info n;
    if (!my_log(&c, &rows, &n))
        return;
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "access.title")));
    ov_html_printf(res,
                   "<p>%t</p><p><a class=\"button\" "
                   "href=\"/min-adgangslog.csv\">%t</a></p>",
                   "access.intro", "common.export_csv");
    if (n.n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "access.none");
    } else {
        ov_page_list_cut(res, &n, "list.newest");
        ov_html_printf(res,
                       "<table><thead><tr><th>%t</th><th>%t</th><th>%t</th>"
                       "<th>%t</th></tr></thead><tbody>",
                       "audit.when", "audit.role", "audit.action",
                       "audit.purpose");
        for (int i = 0; i < n.n; i++) {
            char when[OV_TIME_BUF], rk[48], ak[48];
            ov_time_format_dk(rows[i].at, when);
            snprintf(rk, sizeof rk, "role.%s", ov_role_code(rows[i].role));
            snprintf(ak, sizeof ak, "action.%s",
                     ov_action_code(rows[i].action));
            ov_html_printf(res,
                           "<tr><td>%h</td><td>%t</td><td>%t</td><td>%h"
                           "</td></tr>",
                           ov_str_c(when), rk, ak, rows[i].purpose);
        }
        ov_html_lit(res, "</tbody></table>");
    }
    ov_page_end(res);
}

void ov_h_my_log_csv(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_access_entry *rows;
    ov_list_info n;
    if (!my_log(&c, &rows, &n))
        return;
    ov_buf b;
    ov_buf_init(&b, req->arena, 8 * 1024 * 1024);
    const char *head[] = {"audit.when", "audit.role", "audit.action",
                          "audit.purpose"};
    for (int k = 0; k < 4; k++) {
        if (k)
            ov_buf_append_byte(&b, ';');
        ov_csv_write_field(&b, ov_str_c(ov_msg(c.lang, head[k])), ';');
    }
    ov_buf_append_c(&b, "\r\n");
    for (int i = 0; i < n.n; i++) {
        char when[OV_TIME_BUF];
        ov_time_format_dk(rows[i].at, when);
        ov_csv_write_field(&b, ov_str_c(when), ';');
        ov_buf_append_byte(&b, ';');
        ov_csv_write_field(&b, ov_str_c(ov_msg2(c.lang, "role",
                                                 ov_role_code(rows[i].role))),
                           ';');
        ov_buf_append_byte(&b, ';');
        ov_csv_write_field(&b,
                           ov_str_c(ov_msg2(c.lang, "action",
                                            ov_action_code(rows[i].action))),
                           ';');
        ov_buf_append_byte(&b, ';');
        ov_csv_write_field(&b, rows[i].purpose, ';');
        ov_buf_append_c(&b, "\r\n");
    }
    ov_response_download(res, "text/csv; charset=utf-8", "adgangslog.csv",
                         ov_buf_str(&b));
}
