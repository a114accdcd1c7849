#include "web/page.h"

#include <stdio.h>
#include <string.h>

#include "model/access.h"
#include "model/occupation.h"
#include "model/org.h"
#include "model/placement.h"
#include "report/numtext.h"

static void nav_link(ov_response *res, const char *href, const char *key)
{
    ov_html_printf(res, "<li><a href=\"%h\">%t</a></li>", ov_str_c(href),
                   key);
}

void ov_page_begin(ov_response *res, const ov_request *req, int status,
                   ov_str title)
{
    ov_html_begin(res, status);
    res->lang = req->lang;
    ov_html_printf(res,
                   "<!DOCTYPE html>\n<html lang=\"%h\"><head>"
                   "<meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, "
                   "initial-scale=1\">"
                   "<title>%h - %t</title>"
                   "<link rel=\"stylesheet\" href=\"/static/app.css\">"
                   "<link rel=\"icon\" href=\"/static/favicon.svg\" "
                   "type=\"image/svg+xml\">"
                   "<script src=\"/static/app.js\" defer></script>"
                   "</head><body>"
                   "<a class=\"skip\" href=\"#main\">%t</a>"
                   "<header class=\"top\"><a class=\"brand\" href=\"/\">%t</a>",
                   ov_str_c(ov_lang_code((ov_lang)req->lang)), title,
                   "app.name", "nav.skip", "app.name");
    if (req->has_session) {
        const ov_viewer *v = &req->viewer;
        ov_html_lit(res, "<nav><ul>");
        /* the citizen's own home first; the staff's course list is no
         * page of theirs */
        if (ov_may_do(v, OV_OP_OWN_COURSE))
            nav_link(res, "/mit-forloeb", "nav.my_course");
        if (ov_role_is_frontline(v->role))
            nav_link(res, "/opgaver", "nav.tasks");
        if (ov_may_list_courses(v) && v->role != OV_ROLE_CITIZEN)
            nav_link(res, "/forloeb", "nav.courses");
        if (ov_may_do(v, OV_OP_INDICATORS))
            nav_link(res, "/tavle", "nav.board");
        if (ov_may_do(v, OV_OP_NATIONAL))
            nav_link(res, "/national", "nav.national");
        if (ov_may_do(v, OV_OP_ECONOMICS))
            nav_link(res, "/oekonomi", "nav.economics");
        if (ov_may_do(v, OV_OP_SCREENING))
            nav_link(res, "/screening", "nav.screening");
        if (ov_may_do(v, OV_OP_COMPANY) || ov_may_do(v, OV_OP_MATCH))
            nav_link(res, "/virksomheder", "nav.companies");
        if (ov_may_do(v, OV_OP_AUDIT_VIEW))
            nav_link(res, "/revision", "nav.audit");
        if (ov_may_do(v, OV_OP_USER_ADMIN))
            nav_link(res, "/administration", "nav.admin");
        if (ov_may_do(v, OV_OP_CALENDAR))
            nav_link(res, "/min-kalender", "nav.calendar");
        if (v->role == OV_ROLE_CITIZEN)
            nav_link(res, "/min-adgangslog", "nav.my_log");
        if (ov_may_do(v, OV_OP_OWN_AGREEMENT))
            nav_link(res, "/min-arbejdsaftale", "nav.my_agreement");
        if (ov_may_do(v, OV_OP_OWN_DATA))
            nav_link(res, "/mine-spoergeskemaer", "nav.my_questionnaires");
        if (ov_may_do(v, OV_OP_OWN_DATA))
            nav_link(res, "/mine-forslag", "nav.my_proposals");
        if (ov_may_do(v, OV_OP_OWN_DATA))
            nav_link(res, "/mine-data", "nav.my_data");
        if (v->role == OV_ROLE_EMPLOYER)
            nav_link(res, "/arbejdsaftaler", "nav.agreements");
        ov_html_lit(res, "</ul></nav>");
        /* the citizen search (ui_search.c): POSTed, so a CPR number
         * never stands in an address */
        if (ov_may_do(v, OV_OP_CITIZEN_SEARCH))
            ov_html_printf(res,
                           "<form class=\"search\" role=\"search\" "
                           "method=\"post\" action=\"/soeg\"><input "
                           "type=\"hidden\" name=\"csrf\" value=\"%h\">"
                           "<label for=\"hq\" class=\"sr-only\">%t</label>"
                           "<input type=\"search\" id=\"hq\" name=\"q\" "
                           "maxlength=\"100\" autocomplete=\"off\" "
                           "placeholder=\"%t\"><button type=\"submit\">%t"
                           "</button></form>",
                           ov_str_c(req->csrf), "search.box", "search.title",
                           "search.submit");
        ov_html_lit(res, "<div class=\"who\">");
        char rk[64];
        snprintf(rk, sizeof rk, "role.%s", ov_role_code(v->role));
        /* name over role, in two short lines: the header keeps to one
         * row at 1280 px */
        ov_html_printf(res,
                       "<span class=\"sr-only\">%t:</span> <span "
                       "class=\"who-name\">%h</span> <span "
                       "class=\"who-role\">%t</span>",
                       "nav.logged_in_as",
                       ov_str_c(req->full_name[0] ? req->full_name
                                                  : req->username),
                       rk);
        ov_html_lit(res, "</div>");
    }
    ov_html_printf(res,
                   "<a class=\"lang\" href=\"/sprog?l=%h\">%t</a>",
                   ov_str_c(req->lang == OV_LANG_EN ? "da" : "en"),
                   "nav.language");
    if (req->has_session) {
        ov_html_printf(res,
                       "<form class=\"logout\" method=\"post\" "
                       "action=\"/logout\"><input type=\"hidden\" "
                       "name=\"csrf\" value=\"%h\"><button "
                       "type=\"submit\">%t</button></form>",
                       ov_str_c(req->csrf), "nav.logout");
    }
    ov_html_printf(res, "</header><main id=\"main\"><h1>%h</h1>", title);
    /* the page a saved form returns to says so (ui.c adds "gemt=1") */
    if (req->saved)
        ov_html_printf(res, "<p class=\"notice ok\" role=\"status\">%t</p>",
                       "common.saved");
}

const char *ov_page_with_flag(ov_arena *a, const char *to, const char *name)
{
    const char *hash = strchr(to, '#');
    size_t head = hash ? (size_t)(hash - to) : strlen(to);
    const char *sep = memchr(to, '?', head) ? "&" : "?";
    return ov_arena_printf(a, "%.*s%s%s=1%s", (int)head, to, sep, name,
                           hash ? hash : "");
}

void ov_page_end(ov_response *res)
{
    /* the accessibility statement is linked from every page's footer
     * (webtilgængelighedsloven; ui_a11y.c) */
    ov_html_printf(res,
                   "</main><footer><p>%t</p><p><a "
                   "href=\"/tilgaengelighed\">%t</a></p></footer>"
                   "</body></html>\n",
                   "app.tagline", "a11y.link");
}

void ov_page_error(ov_response *res, const ov_request *req, int status,
                   const char *msg_key, const char *detail)
{
    ov_page_begin(res, req, status,
                  ov_str_c(ov_msg((ov_lang)req->lang, "error.title")));
    ov_html_printf(res, "<p class=\"notice error\">%t</p>", msg_key);
    if (detail && *detail)
        ov_html_printf(res, "<p>%h</p>", ov_str_c(detail));
    ov_html_printf(res, "<p><a href=\"/\">%t</a></p>", "common.back");
    ov_page_end(res);
}

void ov_page_redirect(ov_response *res, const char *location)
{
    ov_html_begin(res, 303);
    ov_response_header(res, "Location", location);
}

void ov_page_form_begin(ov_response *res, const ov_request *req,
                        ov_str action, bool multipart)
{
    ov_html_printf(res, "<form method=\"post\" action=\"%h\"", action);
    if (multipart)
        ov_html_lit(res, " enctype=\"multipart/form-data\"");
    ov_html_printf(res,
                   "><input type=\"hidden\" name=\"csrf\" value=\"%h\">",
                   ov_str_c(req->csrf));
}

void ov_page_form_end(ov_response *res, const char *submit_key)
{
    ov_html_printf(res,
                   "<div class=\"actions\"><button type=\"submit\">%t"
                   "</button></div></form>",
                   submit_key);
}

static ov_str field_label(const ov_form *f, const ov_field *fd)
{
    return ov_str_c(ov_msg(f->lang, fd->label ? fd->label : fd->name));
}

void ov_page_form_errors(ov_response *res, const ov_form *f)
{
    if (f->nerrors == 0)
        return;
    ov_html_printf(res,
                   "<div class=\"notice error\" role=\"alert\" "
                   "id=\"form-errors\"><p>%t</p><ul>",
                   "common.errors_title");
    for (int i = 0; i < f->nerrors; i++) {
        const ov_form_error *e = &f->errors[i];
        ov_str label = OV_STR_NULL;
        for (int k = 0; k < f->nspec && e->field[0]; k++)
            if (ov_form_name_matches(f->spec[k].name, ov_str_c(e->field)))
                label = field_label(f, &f->spec[k]);
        char idbuf[160];
        if (f->id_prefix)
            snprintf(idbuf, sizeof idbuf, "%s-%s", f->id_prefix, e->field);
        else
            snprintf(idbuf, sizeof idbuf, "%s", e->field);
        if (label.ptr)
            ov_html_printf(res, "<li><a href=\"#f-%h\">%h</a>: %h</li>",
                           ov_str_c(idbuf), label, ov_str_c(e->msg));
        else
            ov_html_printf(res, "<li>%h</li>", ov_str_c(e->msg));
    }
    ov_html_lit(res, "</ul></div>");
}

static bool has_value(const ov_form *f, const char *name, const char *code)
{
    for (int i = 0; i < f->n; i++)
        if (ov_str_eq_c(f->names[i], name) &&
            ov_str_eq_c(f->values[i], code))
            return true;
    return false;
}

/* The suggestions of an occupation field: without script, the
 * categories whose title holds what the field says when it is not a
 * code yet (the form came back to pick one: ov_occupation_resolve);
 * app.js fills it as the user types. */
static void occupation_list(ov_response *res, ov_str id, ov_str val)
{
    ov_html_printf(res, "<datalist id=\"f-%h-list\">", id);
    val = ov_str_trim(val);
    /* "title (code)" of a category: chosen already */
    const char *open = NULL;
    for (size_t i = val.len; i > 0 && !open; i--)
        if (val.ptr[i - 1] == '(')
            open = val.ptr + i - 1;
    bool chosen = open && val.ptr[val.len - 1] == ')' &&
                  ov_occupation_title((ov_str){
                      open + 1, (size_t)(val.ptr + val.len - 1 - open - 1)});
    if (val.len && !ov_str_is_digits(val) && !chosen) {
        const ov_occupation *h[OV_OCCUPATION_SEARCH_MAX];
        size_t total;
        size_t n = ov_occupation_search(val, h, OV_OCCUPATION_SEARCH_MAX,
                                        &total);
        for (size_t i = 0; i < n; i++)
            ov_html_printf(res, "<option value=\"%h (%h)\"></option>",
                           ov_str_c(h[i]->title), ov_str_c(h[i]->code));
    }
    ov_html_lit(res, "</datalist>");
}

void ov_page_field(ov_response *res, const ov_form *f, const ov_field *fd,
                   const char *name, const char *label)
{
    if (!name)
        name = fd->name;
    ov_str nm = ov_str_c(name);
    /* the element id: unique on the page even when several forms share
     * field names (f->id_prefix) */
    char idbuf[160];
    if (f->id_prefix)
        snprintf(idbuf, sizeof idbuf, "%s-%s", f->id_prefix, name);
    else
        snprintf(idbuf, sizeof idbuf, "%s", name);
    ov_str id = ov_str_c(idbuf);
    ov_str lab = label ? ov_str_c(label) : field_label(f, fd);
    ov_str val = ov_form_str(f, name);
    const char *err = ov_form_error_of(f, name);
    if (fd->type == OV_F_HIDDEN) {
        ov_html_printf(res, "<input type=\"hidden\" name=\"%h\" value=\"%h\">",
                       nm, val);
        return;
    }
    if (fd->type == OV_F_JSON)
        return;
    ov_html_printf(res, "<div class=\"field%h\">",
                   ov_str_c(err ? " has-error" : ""));
    switch (fd->type) {
    case OV_F_BOOL:
        ov_html_printf(res,
                       "<label class=\"check\"><input type=\"checkbox\" "
                       "id=\"f-%h\" name=\"%h\" value=\"on\"%h> %h</label>",
                       id, nm,
                       ov_str_c(ov_form_bool(f, name) ? " checked" : ""),
                       lab);
        break;
    case OV_F_CHOICES:
        ov_html_printf(res, "<fieldset id=\"f-%h\"><legend>%h</legend>", id,
                       lab);
        for (int i = 0; i < fd->noptions; i++) {
            const char *c = fd->option(i);
            if (!c)
                continue;
            ov_html_printf(res,
                           "<label class=\"check\"><input type=\"checkbox\" "
                           "name=\"%h\" value=\"%h\"%h> %h</label>",
                           nm, ov_str_c(c),
                           ov_str_c(has_value(f, name, c) ? " checked" : ""),
                           ov_str_c(ov_msg2(f->lang, fd->option_prefix, c)));
        }
        ov_html_lit(res, "</fieldset>");
        break;
    case OV_F_CHOICE:
        ov_html_printf(res,
                       "<label for=\"f-%h\">%h</label><select id=\"f-%h\" "
                       "name=\"%h\">",
                       id, lab, id, nm);
        if (!fd->required)
            ov_html_lit(res, "<option value=\"\"></option>");
        for (int i = 0; i < fd->noptions; i++) {
            const char *c = fd->option(i);
            if (!c)
                continue;
            ov_html_printf(res, "<option value=\"%h\"%h>%h</option>",
                           ov_str_c(c),
                           ov_str_c(ov_str_eq_c(val, c) ? " selected" : ""),
                           ov_str_c(ov_msg2(f->lang, fd->option_prefix, c)));
        }
        ov_html_lit(res, "</select>");
        break;
    case OV_F_TEXTAREA:
        ov_html_printf(res,
                       "<label for=\"f-%h\">%h</label><textarea id=\"f-%h\" "
                       "name=\"%h\" rows=\"4\"%h>%h</textarea>",
                       id, lab, id, nm,
                       ov_str_c(fd->required ? " required" : ""), val);
        break;
    case OV_F_FILE:
        ov_html_printf(res,
                       "<label for=\"f-%h\">%h</label><input type=\"file\" "
                       "id=\"f-%h\" name=\"%h\" accept=\".csv,text/csv\"%h>",
                       id, lab, id, nm,
                       ov_str_c(fd->required ? " required" : ""));
        break;
    case OV_F_TEXT:
    case OV_F_INT:
    case OV_F_DATE:
    case OV_F_HOURS:
    case OV_F_HIDDEN:
    case OV_F_JSON: {
        const char *type = fd->type == OV_F_DATE  ? "date"
                           : fd->type == OV_F_INT ? "number"
                                                  : "text";
        /* an occupation: a stored code as "title (code)" */
        if (fd->occupation && ov_occupation_title(ov_str_trim(val)))
            val = ov_str_c(ov_occupation_label(f->arena, ov_str_trim(val)));
        ov_html_printf(res,
                       "<label for=\"f-%h\">%h</label><input type=\"%h\" "
                       "id=\"f-%h\" name=\"%h\" value=\"%h\"",
                       id, lab, ov_str_c(type), id, nm, val);
        /* attributes are markup: literals, never escaped values */
        if (fd->required)
            ov_html_lit(res, " required");
        if (fd->type == OV_F_HOURS)
            ov_html_lit(res, " inputmode=\"decimal\"");
        if (fd->occupation)
            ov_html_printf(res,
                           " list=\"f-%h-list\" autocomplete=\"off\" "
                           "data-occupations=\"/api/v1/occupations\"",
                           id);
        ov_html_lit(res, ">");
        if (fd->occupation)
            occupation_list(res, id, val);
        break;
    }
    }
    if (err)
        ov_html_printf(res, "<p class=\"error\" id=\"e-%h\">%h</p>", nm,
                       ov_str_c(err));
    ov_html_lit(res, "</div>");
}

void ov_page_fields(ov_response *res, const ov_form *f)
{
    for (int k = 0; k < f->nspec; k++) {
        if (strchr(f->spec[k].name, '*') || f->spec[k].type == OV_F_JSON)
            continue;
        ov_page_field(res, f, &f->spec[k], NULL, NULL);
    }
}

void ov_page_date(ov_response *res, ov_date d)
{
    char b[OV_DATE_BUF];
    ov_date_format_dk(d, b);
    ov_html_text(res, ov_str_c(b));
}

void ov_page_hours(ov_response *res, int x10)
{
    /* ov_hours_format's "12,5" in the page's language ("12.5") */
    ov_numlang l = res->lang == OV_LANG_EN ? OV_NUM_EN : OV_NUM_DA;
    ov_html_text(res, ov_str_c(ov_num_value(l, x10 / 10.0, 1).s));
}

void ov_page_notice(ov_response *res, const char *cls, ov_str text)
{
    ov_html_printf(res, "<p class=\"notice %h\">%h</p>", ov_str_c(cls), text);
}

void ov_page_list_cut(ov_response *res, const ov_list_info *li,
                      const char *key)
{
    if (!li->truncated)
        return;
    const char *t = ov_msg((ov_lang)res->lang, key);
    ov_html_lit(res, "<p class=\"list-cut\">");
    const char *run = t;
    for (const char *p = t; *p; p++) {
        if (p[0] != '%' || (p[1] != '1' && p[1] != '2'))
            continue;
        ov_html_text(res, (ov_str){run, (size_t)(p - run)});
        ov_html_int(res, p[1] == '1' ? li->n : li->total);
        run = ++p + 1;
    }
    ov_html_text(res, ov_str_c(run));
    ov_html_lit(res, "</p>");
}
