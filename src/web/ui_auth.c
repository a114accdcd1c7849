/*
 * ui_auth.c - the log-in page, log-out, the language switch, the home
 * redirect and the static files (served from the binary: no CDN).
 */
#include <stdio.h>
#include <string.h>

#include "model/org.h"
#include "web/handlers.h"

static const ov_field login_spec[] = {
    {.name = "username", .type = OV_F_TEXT, .required = true, .max = 64,
     .label = "login.username"},
    {.name = "password", .type = OV_F_TEXT, .required = true, .max = 256,
     .label = "login.password"},
    {.name = "next", .type = OV_F_TEXT, .max = 200, .label = "login.title"},
};

/* The log-in page's query: where to go next, and why the user is here. */
static const ov_field query_spec[] = {
    {.name = "next", .type = OV_F_TEXT, .max = 200, .label = "login.title"},
    {.name = "udlobet", .type = OV_F_TEXT, .max = 1, .label = "login.expired"},
    {.name = "ud", .type = OV_F_TEXT, .max = 1, .label = "login.logged_out"},
    {.name = "aktiveret", .type = OV_F_TEXT, .max = 1,
     .label = "login.activated"},
};

/* A local path to return to after log-in: "/..." but never "//host". */
static bool safe_next(ov_str next)
{
    if (next.len < 1 || next.ptr[0] != '/' ||
        (next.len > 1 && (next.ptr[1] == '/' || next.ptr[1] == '\\')))
        return false;
    for (size_t i = 0; i < next.len; i++)
        if ((unsigned char)next.ptr[i] < 0x21 || next.ptr[i] == '"')
            return false;
    return true;
}

/* The log-in page; notice: a catalogue key shown above the form; alert:
 * one shown as an error, followed by "N seconds" when wait_s > 0. */
static void login_page(ov_ctx *c, ov_form *f, int status, const char *notice,
                       const char *alert, int wait_s)
{
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "login.title")));
    if (notice)
        ov_html_printf(c->res, "<p class=\"notice\">%t</p>", notice);
    if (alert && wait_s > 0)
        ov_html_printf(c->res,
                       "<p class=\"notice error\" role=\"alert\">%t %d %t"
                       "</p>",
                       alert, wait_s,
                       wait_s == 1 ? "login.second" : "login.seconds");
    else if (alert)
        ov_html_printf(c->res,
                       "<p class=\"notice error\" role=\"alert\">%t</p>",
                       alert);
    if (f->nerrors && !ov_form_error_of(f, "username") &&
        !ov_form_error_of(f, "password"))
        ov_html_printf(c->res, "<p class=\"notice error\" role=\"alert\">%h</p>",
                       ov_str_c(f->errors[0].msg));
    ov_html_lit(c->res, "<form method=\"post\" action=\"/login\" "
                        "class=\"login\">");
    ov_page_field(c->res, f, &login_spec[0], NULL, NULL);
    ov_str pw_err = ov_str_c(ov_form_error_of(f, "password"));
    ov_html_printf(c->res,
                   "<div class=\"field\"><label for=\"f-password\">%t</label>"
                   "<input type=\"password\" id=\"f-password\" "
                   "name=\"password\" required autocomplete="
                   "\"current-password\">",
                   "login.password");
    if (pw_err.len)
        ov_html_printf(c->res, "<p class=\"error\">%h</p>", pw_err);
    ov_html_lit(c->res, "</div>");
    ov_str next = ov_form_str(f, "next");
    if (next.len && safe_next(next))
        ov_html_printf(c->res,
                       "<input type=\"hidden\" name=\"next\" value=\"%h\">",
                       next);
    ov_html_printf(c->res,
                   "<div class=\"actions\"><button type=\"submit\">%t"
                   "</button></div></form>",
                   "login.submit");
    ov_page_end(c->res);
}

void ov_h_login_page(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_form f;
    ov_form_init(&f, login_spec, 3, c.lang, req->arena);
    /* unknown or bad parameters are ignored: the page shows anyway, and a
     * bad "next" is never used (safe_next) */
    ov_form q;
    ov_form_init(&q, query_spec, 4, c.lang, req->arena);
    ov_form_parse_urlencoded(&q, req->query, NULL);
    const char *notice = ov_form_has(&q, "udlobet")     ? "login.expired"
                         : ov_form_has(&q, "ud")        ? "login.logged_out"
                         : ov_form_has(&q, "aktiveret") ? "login.activated"
                                                        : NULL;
    if (ov_form_has(&q, "next"))
        ov_form_set(&f, req->arena, "next", ov_form_str(&q, "next"));
    login_page(&c, &f, 200, notice, NULL, 0);
}

/* The form's log-in answer: back where the user was going, or the page
 * again with why not. */
static void form_login_done(ov_web *app, ov_request *req, ov_response *res,
                            ov_login_outcome out, int wait, const char *token,
                            const char *csrf, const ov_err *err, void *ctx)
{
    (void)csrf;
    ov_form *f = ctx;
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    if (out == OV_LOGIN_THROTTLED || out == OV_LOGIN_BUSY) {
        /* the password was not checked: say when to try again */
        login_page(&c, f, out == OV_LOGIN_BUSY ? 503 : 429, NULL,
                   out == OV_LOGIN_BUSY ? "login.busy" : "login.throttled",
                   out == OV_LOGIN_BUSY ? 0 : wait);
        ov_web_login_refused(res, out, wait);
        return;
    }
    if (out == OV_LOGIN_WRONG) {
        ov_form_fail(f, "password", ov_msg(c.lang, "login.failed"));
        login_page(&c, f, 401, NULL, NULL, 0);
        return;
    }
    if (out != OV_LOGIN_OK) {
        ov_ctx_fail(&c, err);
        return;
    }
    ov_web_set_session_cookie(app, req, res, token);
    ov_str next = ov_form_str(f, "next");
    ov_page_redirect(res, next.len && safe_next(next)
                              ? ov_str_dup0(req->arena, next)
                              : "/");
}

void ov_h_login_post(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_form f;
    ov_form_init(&f, login_spec, 3, c.lang, req->arena);
    if (ov_form_parse(&f, req, NULL) != OV_OK) {
        login_page(&c, &f, 400, NULL, NULL, 0);
        return;
    }
    int wait = 0;
    ov_form *kept = OV_NEW(req->arena, ov_form);
    *kept = f;
    ov_login_outcome out = ov_web_login_start(
        app, req, res, ov_form_str(&f, "username"),
        ov_form_str(&f, "password"), form_login_done, kept, &wait);
    if (out != OV_LOGIN_PENDING)
        form_login_done(app, req, res, out, wait, NULL, NULL, NULL, kept);
}

void ov_h_logout_post(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    if (ov_web_logout(&c, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_response_header(res, "Set-Cookie",
                       "ov_session=; Path=/; HttpOnly; SameSite=Strict; "
                       "Max-Age=0");
    ov_page_redirect(res, "/login?ud=1");
}

void ov_h_language(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    ov_lang l = OV_LANG_DA;
    ov_str q = req->query;
    while (q.ptr && q.len) {
        ov_str one;
        q = ov_str_cut(q, '&', &one);
        if (one.len > 2 && one.ptr[0] == 'l' && one.ptr[1] == '=')
            ov_lang_parse((ov_str){one.ptr + 2, one.len - 2}, &l);
    }
    ov_response_header(res, "Set-Cookie",
                       l == OV_LANG_EN
                           ? "ov_lang=en; Path=/; SameSite=Strict; "
                             "Max-Age=31536000"
                           : "ov_lang=da; Path=/; SameSite=Strict; "
                             "Max-Age=31536000");
    ov_page_redirect(res, "/");
}

void ov_h_home(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    const ov_viewer *v = &req->viewer;
    if (!req->has_session)
        ov_page_redirect(res, "/login");
    /* the first page the caller may use: the team's tasks, the courses
     * one sees, an employer contact's agreements (model/access.h) */
    else if (ov_may_do(v, OV_OP_COURSE_WRITE))
        ov_page_redirect(res, "/opgaver");
    /* the administrator's work is the municipality's users and teams */
    else if (ov_may_do(v, OV_OP_USER_ADMIN))
        ov_page_redirect(res, "/administration");
    /* leaders (and administrators) start at the board: the figures of
     * the municipality, not a list of every name in it */
    else if (ov_may_do(v, OV_OP_BOARD_DRILL))
        ov_page_redirect(res, "/tavle");
    /* the national analyst: every municipality's figures */
    else if (ov_may_do(v, OV_OP_NATIONAL))
        ov_page_redirect(res, "/national");
    /* the citizen: their own home, in their words (ui_citizen.c) */
    else if (ov_may_do(v, OV_OP_OWN_COURSE))
        ov_page_redirect(res, "/mit-forloeb");
    else if (ov_may_do(v, OV_OP_COURSE_LIST))
        ov_page_redirect(res, "/forloeb");
    else if (ov_may_do(v, OV_OP_AGREEMENT_LIST))
        ov_page_redirect(res, "/arbejdsaftaler");
    else {
        ov_ctx c;
        ov_ctx_init(&c, app, req, res);
        ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "app.name")));
        ov_html_printf(res, "<p>%t</p>", "app.tagline");
        ov_page_end(res);
    }
}

/* ---- static files ---- */

static const char css[] =
    ":root{--ink:#1d2733;--muted:#5b6776;--line:#d5dbe3;--bg:#f6f8fa;"
    "--accent:#0b5fa5;--ok:#1e7b34;--warn:#a34700;--err:#b00020}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',"
    "Roboto,sans-serif;color:var(--ink);background:var(--bg)}\n"
    ".skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;"
    "background:#fff;padding:4px}\n"
    "header.top{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;"
    "background:#fff;border-bottom:1px solid var(--line);padding:.5rem 1rem}\n"
    "header .brand{font-weight:700;color:var(--accent);text-decoration:none;"
    "font-size:1.2rem}\n"
    "header nav ul{display:flex;gap:.8rem;list-style:none;margin:0;"
    "padding:0}\nheader .who{margin-left:auto;color:var(--muted);"
    "font-size:.8rem;line-height:1.2;display:flex;flex-direction:column;"
    "text-align:right}header .who .who-name{color:var(--ink)}\n"
    "form.logout{display:inline}form.logout button{background:none;"
    "border:1px solid var(--line);color:var(--ink);padding:.2rem .6rem}\n"
    "main{max-width:1100px;margin:1rem auto;background:#fff;padding:1rem 2rem;"
    "border:1px solid var(--line);border-radius:6px;"
    /* a long Danish compound ("Tilgængelighedserklæring") breaks rather
     * than widen a 390 px phone */
    "overflow-wrap:break-word}\n"
    "footer{text-align:center;color:var(--muted);font-size:.85rem;"
    "padding:1rem}footer p{margin:.2rem 0}\n"
    "a{color:var(--accent)}\n"
    /* where the keyboard is (WCAG 2.4.7): one clear ring on every
     * focusable thing, offset so it shows on a blue button too; a field
     * has it whenever it has the focus (a date field's calendar button
     * takes the focus inside it, matching neither :focus-visible nor
     * :focus on the field, only :focus-within) */
    ":focus-visible{outline:3px solid var(--accent);outline-offset:2px}"
    "input:focus,input:focus-within,select:focus,textarea:focus{outline:"
    "3px solid var(--accent);outline-offset:1px}\n"
    "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\n"
    "th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid "
    "var(--line);vertical-align:top}\nth{background:var(--bg)}\n"
    "tr.overdue td{background:#fff4e5}\n"
    ".badge{display:inline-block;background:#e7f0fa;color:var(--accent);"
    "border-radius:10px;padding:0 .5rem;font-size:.85rem}\n"
    ".badge.warn{background:#fde7d1;color:var(--warn)}\n"
    ".notice{padding:.6rem 1rem;border-left:4px solid var(--accent);"
    "background:#eef5fc}\n.notice.error{border-color:var(--err);"
    "background:#fdecee}\n.notice.warn{border-color:var(--warn);"
    "background:#fff4e5}\n.notice.ok{border-color:var(--ok);"
    "background:#e9f5ec}\n"
    ".field{margin:.6rem 0}.field label{display:block;font-weight:600}\n"
    ".field input[type=text],.field input[type=number],.field input[type="
    "date],.field input[type=password],.field select,.field textarea{"
    "width:100%;max-width:36rem;padding:.4rem;border:1px solid #9aa5b1;"
    "border-radius:4px;font:inherit}\n"
    ".field.has-error input,.field.has-error select,.field.has-error "
    "textarea{border-color:var(--err)}\n.error{color:var(--err);margin:.2rem "
    "0}\n"
    "label.check{display:block;font-weight:400}\n"
    "label.scale{display:inline-block;margin:.15rem .8rem .15rem 0;"
    "font-weight:400}label.scale small{color:#52606d}\n"
    "label.scale.line{display:block}\n"
    "fieldset{border:1px solid var(--line);border-radius:4px;margin:.8rem 0}\n"
    "button,.button{display:inline-block;background:var(--accent);color:#fff;"
    "border:0;border-radius:4px;padding:.45rem 1rem;font:inherit;cursor:"
    "pointer;text-decoration:none}\n.button.danger{background:var(--err)}\n"
    ".row{display:flex;flex-wrap:wrap;gap:1rem}.row .field{flex:1 1 14rem}\n"
    "ol.timeline{list-style:none;padding:0}\n"
    "ol.timeline li{display:flex;gap:1rem;border-left:3px solid var(--line);"
    "padding:.3rem 1rem;margin-left:.8rem}\n"
    "ol.timeline li.done{border-color:var(--ok)}\n"
    "ol.timeline .mark{font-weight:700;width:1.5rem}\n"
    "ol.timeline li.done .mark{color:var(--ok)}ol.timeline li.missing .mark"
    "{color:var(--warn)}\nol.timeline h3{margin:0;font-size:1rem}\n"
    "ol.timeline p{margin:.1rem 0 .3rem}\n"
    "ul.plain{list-style:none;padding:0}\n.empty{color:var(--muted)}\n"
    ".list-cut{color:var(--muted);font-style:italic}\n"
    "figure.chart{margin:1rem 0}figure.chart svg{width:100%;max-width:"
    "640px;height:auto;background:#fff}\n"
    ".grid{stroke:#e3e7ec}.axis{font-size:11px;fill:var(--muted)}\n"
    ".line{fill:none;stroke-width:2}\npolyline.s1{stroke:#0b5fa5}"
    "circle.s1,rect.s1{fill:#0b5fa5}\npolyline.s2{stroke:#c05600}"
    "circle.s2,rect.s2{fill:#e08a3c}\npolyline.s3{stroke:#1e7b34}"
    "circle.s3,rect.s3{fill:#1e7b34}\n"
    ".key::before{content:'\\25A0 ';}.key.s1::before{color:#0b5fa5}"
    ".key.s2::before{color:#e08a3c}.key.s3::before{color:#1e7b34}\n"
    ".diff li{margin:.2rem 0}pre{white-space:pre-wrap;overflow-wrap:anywhere}\n"
    /* a phone (390 px): the card fills the width, the menu wraps, and a
     * wide table scrolls inside itself instead of widening the page */
    "@media (max-width:40rem){header.top{gap:.4rem .8rem}"
    "header nav ul{flex-wrap:wrap;gap:.2rem .9rem}"
    "main{margin:.5rem 0;padding:.5rem .75rem;border-left:0;border-right:0;"
    "border-radius:0}h1{font-size:1.6rem}"
    "table{display:block;overflow-x:auto}th,td{padding:.3rem .35rem}}\n"
    "@media print{header.top,footer,.actions,form{display:none}main{border:0}}"
    "\n"
    /* the leader's board (ui_board.c): tiles readable from across the
     * room on a wall screen, status in colour and in words, one A4
     * landscape page in print */
    ".board .tiles{display:grid;grid-template-columns:repeat(auto-fill,"
    "minmax(18rem,1fr));gap:.8rem}\n"
    ".board .tile{border:1px solid var(--line);border-left:.5rem solid "
    "var(--line);border-radius:6px;padding:.5rem .8rem;background:#fff}\n"
    ".board .tile.wide{grid-column:1/-1}\n"
    ".board .tile.st-green{border-left-color:var(--ok)}"
    ".board .tile.st-yellow{border-left-color:#b58900}"
    ".board .tile.st-red{border-left-color:var(--err)}\n"
    ".board .tile h3{margin:0;font-size:1rem}.board .what{margin:0;"
    "color:var(--muted);font-size:.85rem}\n"
    ".board .big{margin:.2rem 0;font-size:2.2rem;font-weight:700;"
    "line-height:1.1}.board .big a{text-decoration-thickness:.06em;"
    "text-underline-offset:.12em}\n"
    ".board .sub{margin:0;font-size:.9rem}.board .tg{color:var(--muted)}\n"
    ".chip{display:inline-block;font-size:.8rem;font-weight:600;"
    "padding:.05rem .45rem;border-radius:1rem;border:1px solid;"
    "vertical-align:middle}\n"
    ".chip.st-green{color:var(--ok)}.chip.st-yellow{color:#7a5c00}"
    ".chip.st-red{color:var(--err)}.chip.st-none{color:var(--muted)}\n"
    ".board ul.more{list-style:none;margin:.3rem 0 0;padding:0;"
    "font-size:.85rem}.board ul.more li{margin:.15rem 0}\n"
    ".board figure.spark{margin:.3rem 0}.board figure.spark svg{width:100%;"
    "height:auto;max-height:6rem}\n"
    "svg .trend{fill:none;stroke:var(--accent);stroke-width:2}"
    "circle.trend{fill:var(--accent);stroke:none}"
    "svg .target{stroke:var(--ok);stroke-dasharray:4 3}"
    "svg .ref{stroke:#7a5c00;stroke-dasharray:2 2}"
    "svg .ref.low{stroke:var(--muted)}"
    "svg text{font-size:9px;fill:var(--muted)}\n"
    ".board figcaption{font-size:.75rem;color:var(--muted);line-height:1.3}"
    ".key.target::before{color:var(--ok)}.key.ref::before{color:#7a5c00}"
    ".key.ref.low::before{color:var(--muted)}\n"
    ".board .board-filter .row{display:flex;flex-wrap:wrap;gap:.5rem 1rem}\n"
    /* the national board (ui_national.c): a wide table that scrolls in
     * its own box, the status as the cell's left edge */
    ".national .scroll{max-width:100%;overflow-x:auto}"
    ".national table.nat{border-collapse:collapse;font-size:.9rem}"
    ".national table.nat th,.national table.nat td{padding:.25rem .5rem;"
    "border-bottom:1px solid var(--line);vertical-align:top}"
    ".national table.nat td{text-align:right;white-space:nowrap;"
    "border-left:.3rem solid transparent}"
    ".national table.nat td small,.national table.nat th small{display:"
    "block;color:var(--muted);font-size:.75rem;font-weight:400}"
    ".national table.nat td.st-green{border-left-color:var(--ok)}"
    ".national table.nat td.st-yellow{border-left-color:#b58900}"
    ".national table.nat td.st-red{border-left-color:var(--err);"
    "color:var(--err)}"
    ".national td.sup,.national td.na{color:var(--muted)}"
    ".national tr.grp th{text-align:left;background:var(--bg)}"
    /* the indicator's name stays in view while the columns scroll */
    ".national table.nat tbody th[scope=row]{position:sticky;left:0;"
    "background:#fff;min-width:9rem}"
    ".national th.tot,.national td:last-child{font-weight:600}"
    ".national .filter .row{display:flex;flex-wrap:wrap;gap:.5rem 1rem}"
    "@media print{.national .scroll{overflow:visible}"
    ".national table.nat{font-size:8px}}\n"
    /* the business case (ui_econ.c): wide tables scroll inside
     * themselves, figures right-aligned, each field's origin under it */
    ".econ .scroll{max-width:100%;overflow-x:auto;position:relative}"
    ".econ fieldset{min-width:0}"
    ".econ td.n,.econ th.n{text-align:right;white-space:nowrap}"
    ".econ tr.tot td,.econ tr.tot th{font-weight:600}"
    ".econ tr.chosen th,.econ tr.chosen td{background:#eef5fc}"
    ".econ small.origin,.econ small.hint{display:block;color:var(--muted);"
    "font-size:.8rem;font-weight:400}"
    ".econ table.grid-in td{min-width:6rem}.econ table.grid-in input{"
    "width:6rem;padding:.25rem;border:1px solid #9aa5b1;border-radius:4px;"
    "font:inherit}.econ td.has-error input{border-color:var(--err)}"
    ".econ ol.notes{font-size:.85rem;color:var(--muted)}"
    ".econ .actions{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem}"
    ".econ button.secondary{background:#fff;color:var(--accent);border:1px "
    "solid var(--accent)}"
    ".econ .breakeven{font-weight:600}line.zero{stroke:#52606d}"
    "line.breakeven{stroke:#1e7b34;stroke-dasharray:4 3}"
    "line.base{stroke:#1d2733;stroke-dasharray:3 3}"
    "text.breakeven{fill:#1e7b34;font-size:11px}\n"
    "@media (min-width:100rem){main:has(.board){max-width:none;"
    "margin:1rem}.board .tiles{grid-template-columns:repeat(6,1fr)}"
    ".board .big{font-size:3rem}}\n"
    "@media print{@page{size:A4 landscape;margin:8mm}"
    "html{font-size:9px}body{font-size:9px;background:#fff}"
    "main{max-width:none;margin:0;"
    "padding:0}.board .tiles{grid-template-columns:repeat(6,1fr);gap:.3rem}"
    ".board .tile{padding:.2rem .35rem;break-inside:avoid}"
    ".board .big{font-size:2rem;margin:0}"
    ".board figure.spark{margin:0}.board figure.spark svg{max-height:3rem}"
    ".board ul.more{font-size:8px;margin:0}.board ul.more li{margin:0}"
    ".board h2{font-size:9px;margin:.2rem 0}main>h1{font-size:12px;margin:0}"
    ".board .period{margin:0}.board .tiles.results{grid-template-columns:"
    "repeat(4,1fr)}.board .tile.wide{grid-column:auto}"
    ".exports,.board-filter,#attention,table.attention,.board .att-more"
    "{display:none}"
    "a{color:inherit;text-decoration:none}}\n"
    /* paper (ui_pdf.c): the plan and the agreement print with the
     * citizen's name and the day, without navigation or buttons */
    ".print-only{display:none}\n"
    "@media print{.print-only{display:block}.no-print,header.top nav,"
    ".skip{display:none}.print-for{font-weight:600;border-bottom:1px solid "
    "#000;padding-bottom:.2rem}body{background:#fff}main{margin:0;"
    "max-width:none;padding:0}main:has(.paper){page:paper}"
    "html:has(.paper),body:has(.paper){font-size:11pt}"
    "main:has(.paper)>h1{font-size:1.6rem;margin:0 0 .3rem}}\n"
    ".cal-url{width:100%;max-width:48rem;font:inherit;font-family:"
    "monospace;padding:.3rem}\nbutton.danger{background:var(--err)}\n"
    "@page paper{size:A4 portrait;margin:15mm}\n"
    /* the citizen search box in the header (page.c) */
    ".sr-only{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}\n"
    "form.search{display:flex;gap:.3rem}form.search input{width:10rem;"
    "max-width:100%;padding:.3rem .4rem;border:1px solid #9aa5b1;"
    "border-radius:4px;font:inherit}form.search button{padding:.3rem .7rem}"
    "\n.field input[type=search]{width:100%;max-width:36rem;padding:.4rem;"
    "border:1px solid #9aa5b1;border-radius:4px;font:inherit}\n"
    ".hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}\n"
    "@media (max-width:40rem){form.search{flex:1 1 100%}"
    "form.search input{flex:1;width:auto}}\n"
    /* mine or the team's (Mine opgaver), as two buttons of one switch */
    "p.toggle{display:flex;flex-wrap:wrap;gap:.4rem}p.toggle a{padding:"
    ".25rem .8rem;border:1px solid var(--accent);border-radius:1rem;"
    "text-decoration:none}p.toggle a.on{background:var(--accent);"
    "color:#fff}\nnav.pager{display:flex;gap:1rem;margin:.5rem 0}\n"
    /* the citizen's questionnaires and proposals (ui_mine.c): every
     * answer a whole-width touch target of at least 44 px */
    "fieldset.mine-item{border:1px solid var(--line);border-radius:6px;"
    "margin:0 0 1rem;padding:.5rem .75rem}"
    "fieldset.mine-item legend{font-weight:600;padding:0 .25rem}"
    "label.mine-choice{display:flex;align-items:center;gap:.6rem;"
    "min-height:44px;padding:.35rem .5rem;margin:.2rem 0;border-radius:6px;"
    "font-weight:400;cursor:pointer}"
    "label.mine-choice:hover{background:var(--bg)}"
    "label.mine-choice input{width:1.3rem;height:1.3rem;margin:0;"
    "flex:none}"
    "label.mine-choice:has(input:checked){background:#e6f0f9}"
    "label.mine-choice:focus-within{outline:3px solid var(--accent);"
    "outline-offset:1px}"
    "section.mine-q,section.mine-proposal{margin-bottom:2rem}"
    "ul.downloads{list-style:none;padding:0;display:flex;flex-wrap:wrap;"
    "gap:.75rem}ul.downloads a.button{padding:.6rem 1rem;min-height:44px}\n";

static const char js[] =
    "/* Progressive enhancement only: every page works without it. */\n"
    "/* A table that scrolls sideways (narrow screens: the style sheet makes\n"
    " * it a scroll box) takes the keyboard's focus, so its hidden columns\n"
    " * can be scrolled to with the arrow keys (WCAG 2.1.1); it is named by\n"
    " * its caption or the heading before it. */\n"
    "function ovScrollFocus() {\n"
    "  document.querySelectorAll('main table, .table-wrap, .scroll')"
    ".forEach(function (e) {\n"
    "    var wide = e.scrollWidth > e.clientWidth + 1;\n"
    "    if (wide && !e.hasAttribute('tabindex')) {\n"
    "      e.setAttribute('tabindex', '0'); e.dataset.ovScroll = '1';\n"
    "      if (!e.hasAttribute('aria-label')) {\n"
    "        var c = e.querySelector('caption'), h = e.previousElementSibling;\n"
    "        while (h && !/^H[1-6]$/.test(h.tagName)) h = h.previousElementSibling;\n"
    "        var n = c ? c.textContent : h ? h.textContent : '';\n"
    "        if (n) { e.setAttribute('aria-label', n.trim()); e.dataset.ovLabel = '1';\n"
    "          if (e.tagName !== 'TABLE') e.setAttribute('role', 'region'); }\n"
    "      }\n"
    "    } else if (!wide && e.dataset.ovScroll) {\n"
    "      e.removeAttribute('tabindex'); delete e.dataset.ovScroll;\n"
    "      if (e.dataset.ovLabel) { e.removeAttribute('aria-label'); delete e.dataset.ovLabel; }\n"
    "    }\n"
    "  });\n"
    "}\n"
    "window.addEventListener('load', ovScrollFocus);\n"
    "window.addEventListener('resize', ovScrollFocus);\n"
    "document.addEventListener('DOMContentLoaded', function () {\n"
    "  var box = document.getElementById('form-errors');\n"
    "  if (box) { var f = document.querySelector('.has-error input, "
    ".has-error select, .has-error textarea'); if (f) f.focus(); }\n"
    "  document.querySelectorAll('a.button.danger').forEach(function (a) {\n"
    "    a.setAttribute('rel', 'nofollow');\n"
    "  });\n"
    "  document.querySelectorAll('button.print').forEach(function (b) {\n"
    "    b.hidden = false;\n"
    "    b.addEventListener('click', function () { window.print(); });\n"
    "  });\n"
    "  /* an occupation field: titles of the DISCO-08 list as one types\n"
    "   * (GET /api/v1/occupations), offered in the field's <datalist>; the\n"
    "   * server resolves what is chosen, with or without this */\n"
    "  document.querySelectorAll('input[data-occupations]').forEach(function (inp) {\n"
    "    var list = document.getElementById(inp.getAttribute('list'));\n"
    "    var timer = 0, last = '';\n"
    "    if (!list) return;\n"
    "    inp.addEventListener('input', function () {\n"
    "      clearTimeout(timer);\n"
    "      timer = setTimeout(function () {\n"
    "        var q = inp.value.trim();\n"
    "        if (q.length < 2 || q === last || /\\(\\d+\\)$/.test(q)) return;\n"
    "        last = q;\n"
    "        fetch(inp.getAttribute('data-occupations') + '?q=' +\n"
    "              encodeURIComponent(q), {credentials: 'same-origin'})\n"
    "          .then(function (r) { return r.ok ? r.json() : null; })\n"
    "          .then(function (j) {\n"
    "            if (!j || inp.value.trim() !== q) return;\n"
    "            list.textContent = '';\n"
    "            j.occupations.forEach(function (o) {\n"
    "              var op = document.createElement('option');\n"
    "              op.value = o.title + ' (' + o.code + ')';\n"
    "              list.appendChild(op);\n"
    "            });\n"
    "            list.setAttribute('data-for', q); /* what it answers */\n"
    "          })\n"
    "          .catch(function () {});\n"
    "      }, 150);\n"
    "    });\n"
    "  });\n"
    "});\n";

void ov_h_static_css(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    (void)req;
    ov_response_static(res, "text/css; charset=utf-8",
                       (ov_str){css, sizeof css - 1});
}

/* The favicon: the brand's colour with a white "o", as SVG (every
 * browser the municipalities use reads it; no binary .ico to keep). */
static const char favicon[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
    "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0b5fa5\"/>"
    "<circle cx=\"16\" cy=\"17\" r=\"8\" fill=\"none\" stroke=\"#fff\" "
    "stroke-width=\"4\"/></svg>\n";

void ov_h_static_favicon(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    (void)req;
    ov_response_static(res, "image/svg+xml",
                       (ov_str){favicon, sizeof favicon - 1});
}

void ov_h_static_js(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    (void)req;
    ov_response_static(res, "text/javascript; charset=utf-8",
                       (ov_str){js, sizeof js - 1});
}
