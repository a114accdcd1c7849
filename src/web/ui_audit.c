/*
 * ui_audit.c - the audit viewer for leaders and administrators (scoped to
 * their municipality, filtered by citizen, user and period) and the
 * citizen's own access log with its export (GDPR art. 15).
 */
#include <stdio.h>
#include <string.h>

#include "core/csv.h"
#include "store/audit.h"
#include "store/search.h"
#include "store/view.h"
#include "web/handlers.h"

/* The filter. A citizen is found by name or CPR number (q) through the
 * header search's keyed look-up (store/search.h), never by an internal id
 * typed in; so that a CPR number never stands in an address the form
 * POSTs, like the header search, and the older rows' form carries the
 * query in the body too (a CPR number as the one citizen it found, never
 * as the number). "citizen" (an id) is the API's and that form's; the
 * page shows no id. "before" is the cursor of older rows: the last id
 * shown. */
static const ov_field filter_spec[] = {
    {.name = "q", .type = OV_F_TEXT, .max = 200, .label = "audit.q"},
    {.name = "user", .type = OV_F_TEXT, .max = 64, .label = "audit.user"},
    {.name = "from", .type = OV_F_DATE, .label = "audit.from"},
    {.name = "to", .type = OV_F_DATE, .label = "audit.to"},
    {.name = "citizen", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "audit.citizen"},
    {.name = "before", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "audit.before"},
};
#define NFILTER ((int)(sizeof filter_spec / sizeof filter_spec[0]))

enum { AUDIT_LIMIT = 500 };

/* The citizens a query names, distinct, into ids (at most
 * OV_AUDIT_CITIZENS_MAX); for the page, the hit of each in who (its name,
 * birth date and the course's start tell two of one name apart). */
static int distinct_citizens(const ov_search_hit *h, int n, int64_t *ids,
                             const ov_search_hit **who)
{
    int k = 0;
    for (int i = 0; i < n && k < OV_AUDIT_CITIZENS_MAX; i++) {
        int j = 0;
        while (j < k && ids[j] != h[i].citizen_id)
            j++;
        if (j < k)
            continue;
        ids[k] = h[i].citizen_id;
        who[k++] = &h[i];
    }
    return k;
}

static void hidden(ov_response *res, const char *name, ov_str value)
{
    if (value.len)
        ov_html_printf(res,
                       "<input type=\"hidden\" name=\"%h\" value=\"%h\">",
                       ov_str_c(name), value);
}

void ov_h_audit(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_arena *a = req->arena;
    ov_form f;
    ov_form_init(&f, filter_spec, NFILTER, c.lang, a);
    ov_audit_view_row *rows = NULL;
    ov_list_info n = {0, 0, false};
    bool posted = req->method == OV_POST;
    bool valid = (posted ? ov_form_parse(&f, req, "csrf")
                         : ov_form_parse_urlencoded(&f, req->query, NULL)) ==
                 OV_OK;
    ov_str q = ov_str_trim(ov_form_str(&f, "q"));
    ov_search_by by = OV_SEARCH_NAME;
    int64_t *ids = OV_NEW_N(a, int64_t, OV_AUDIT_CITIZENS_MAX);
    const ov_search_hit **who =
        OV_NEW_N(a, const ov_search_hit *, OV_AUDIT_CITIZENS_MAX);
    int nids = 0;
    bool nobody = false; /* a query that found no citizen */
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_status st = OV_OK;
    if (valid && q.len) {
        ov_search_hit *hits = NULL;
        ov_list_info hl;
        st = ov_citizen_search(tx, &req->viewer, q, OV_AUDIT_CITIZENS_MAX, a,
                               &hits, &hl, &by, &err);
        if (st == OV_OK) {
            nids = distinct_citizens(hits, hl.n, ids, who);
            nobody = nids == 0;
        }
    }
    if (valid && st == OV_OK && !nobody) {
        ov_audit_filter flt = {
            .municipality_code = req->viewer.municipality_code,
            .citizen_id = ov_form_int(&f, "citizen", 0),
            .citizen_ids = ids,
            .ncitizens = nids,
            .user = ov_str_trim(ov_form_str(&f, "user")),
            .has_from = ov_form_has(&f, "from") &&
                        ov_str_trim(ov_form_str(&f, "from")).len,
            .has_to = ov_form_has(&f, "to") &&
                      ov_str_trim(ov_form_str(&f, "to")).len,
            .from = ov_form_date(&f, "from", 0),
            .to = ov_form_date(&f, "to", 0),
            .before_id = ov_form_int(&f, "before", 0),
            .limit = AUDIT_LIMIT,
        };
        st = ov_audit_search(tx, &flt, a, &rows, &n, &err);
    }
    if (st == OV_EINVAL && !c.api) {
        /* a filter refused (a CPR number that is none, the period
         * backwards): said next to its field */
        ov_tx_rollback(tx);
        if (strcmp(err.field, "citizen") == 0)
            snprintf(err.field, sizeof err.field, "q");
        ov_form_fail_err(&f, &err);
        valid = false;
    } else if (!valid) {
        ov_tx_rollback(tx);
    } else if (!ov_ctx_finish(&c, tx, st == OV_OK, &err)) {
        return;
    }
    if (c.api) {
        if (!valid) {
            ov_form_first_error(&f, &err);
            ov_response_error(res, &err);
            return;
        }
        ov_api_audit(&c, rows, &n);
        return;
    }
    ov_page_begin(res, req, valid ? 200 : 400,
                  ov_str_c(ov_msg(c.lang, "audit.title")));
    ov_page_form_errors(res, &f);
    /* the query back in the box, never a CPR number */
    if (by == OV_SEARCH_CPR)
        ov_form_set(&f, a, "q", OV_STR_LIT(""));
    ov_page_form_begin(res, req, OV_STR_LIT("/revision"), false);
    ov_html_lit(res, "<div class=\"filter\"><div class=\"row\">");
    for (int i = 0; i < 4; i++)
        ov_page_field(res, &f, &filter_spec[i], NULL, NULL);
    ov_html_printf(res, "</div><p class=\"hint\">%t</p></div>",
                   "audit.q_hint");
    ov_page_form_end(res, "common.filter");
    if (valid && nids > 0) {
        ov_html_printf(res, "<p id=\"audit-who\">%t ", by == OV_SEARCH_CPR
                                                           ? "audit.for_cpr"
                                                           : "audit.for");
        /* the name, the birth date (from the CPR number, never the
         * number) and the course's start: two of one name apart */
        for (int i = 0; i < nids; i++) {
            char born[OV_DATE_BUF], from[OV_DATE_BUF];
            ov_date_format_dk(who[i]->birth_date, born);
            ov_date_format_dk(who[i]->started_on, from);
            ov_html_printf(res, "%h%h (%t %h, %t %h)",
                           ov_str_c(i ? "; " : ""), who[i]->name,
                           "audit.born", ov_str_c(born), "audit.course_from",
                           ov_str_c(from));
        }
        ov_html_lit(res, "</p>");
    }
    if (valid && nobody)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "audit.nobody");
    else if (valid && n.n == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "audit.none");
    if (n.n > 0) {
        if (ov_form_int(&f, "before", 0) > 0)
            ov_html_printf(res, "<p class=\"list-cut\">%t</p>",
                           "audit.older_shown");
        ov_page_list_cut(res, &n, "list.newest");
        ov_html_printf(res,
                       "<div class=\"table-wrap\"><table class=\"audit\">"
                       "<thead><tr><th>%t</th><th>%t</th><th>%t</th>"
                       "<th>%t</th><th>%t</th><th>%t</th></tr></thead>"
                       "<tbody>",
                       "audit.when", "audit.user", "audit.role",
                       "audit.action", "audit.citizen", "audit.purpose");
        for (int i = 0; i < n.n; i++) {
            char when[OV_TIME_BUF], rk[48], ak[48];
            ov_time_format_dk(rows[i].at, when);
            snprintf(rk, sizeof rk, "role.%s", ov_role_code(rows[i].role));
            snprintf(ak, sizeof ak, "action.%s",
                     ov_action_code(rows[i].action));
            ov_html_printf(res, "<tr><td>%h</td><td>%h</td><td>%t</td>"
                                "<td>%t</td><td>%h</td><td>%h",
                           ov_str_c(when), rows[i].actor_name, rk, ak,
                           rows[i].citizen_name, rows[i].purpose);
            if (rows[i].criterion.len)
                ov_html_printf(res, " (%h)", rows[i].criterion);
            ov_html_lit(res, "</td></tr>");
        }
        ov_html_lit(res, "</tbody></table></div>");
    }
    if (n.truncated) {
        /* the next page: the same filter below the last id shown, in a
         * POSTed form (a name query as typed; a CPR number as the one
         * citizen it found) */
        ov_page_form_begin(res, req, OV_STR_LIT("/revision"), false);
        if (by == OV_SEARCH_CPR && nids == 1)
            hidden(res, "citizen",
                   ov_str_c(ov_arena_printf(a, "%lld", (long long)ids[0])));
        else
            hidden(res, "q", q);
        if (by != OV_SEARCH_CPR && ov_form_int(&f, "citizen", 0) > 0)
            hidden(res, "citizen", ov_form_str(&f, "citizen"));
        hidden(res, "user", ov_str_trim(ov_form_str(&f, "user")));
        hidden(res, "from", ov_str_trim(ov_form_str(&f, "from")));
        hidden(res, "to", ov_str_trim(ov_form_str(&f, "to")));
        hidden(res, "before",
               ov_str_c(ov_arena_printf(a, "%lld",
                                        (long long)rows[n.n - 1].id)));
        ov_page_form_end(res, "audit.older");
    }
    ov_page_end(res);
}

/* ---- the citizen's own log in words ---- */

/* What was read or written, by the criterion the store recorded: its
 * words for the citizen. A criterion that begins with `crit` (a
 * questionnaire's name, "kalender: 3 forløb") counts as it. */
static const struct {
    const char *crit, *key;
} crit_words[] = {
    {"plan", "alog.c.plan"},
    {"planversioner", "alog.c.plan_versions"},
    {"plankommentarer", "alog.c.plan_comments"},
    {"kommentar til plan", "alog.c.plan_comment"},
    {"uenig i plan", "alog.c.plan_comment"},
    {"møder", "alog.c.meetings"},
    {"opstartsmøde", "alog.c.start_meeting"},
    {"opfølgningsmøde", "alog.c.followup"},
    {"journal", "alog.c.journal"},
    {"journalpost", "alog.c.journal"},
    {"journalnotat", "alog.c.note"},
    {"matchforslag", "alog.c.proposals"},
    {"borgeren sagde", "alog.c.answer"},
    {"virksomhedsforløb", "alog.c.placement"},
    {"arbejdsaftale", "alog.c.agreement"},
    {"underskrift", "alog.c.agreement"},
    {"timelog", "alog.c.hours"},
    {"beskæftigelse", "alog.c.employment"},
    {"ordinære timer", "alog.c.employment"},
    {"CTI", "alog.c.cti"},
    {"netværksperson", "alog.c.cti"},
    {"opgaver", "alog.c.next_steps"},
    {"mit team", "alog.c.team"},
    {"forløbets medarbejdere", "alog.c.team"},
    {"min kalender", "alog.c.calendar"},
    {"kalender", "alog.c.calendar"},
    {"egen adgangslog", "alog.c.own_log"},
    {"forløb oprettet", "alog.c.course"},
    {"forløbets fase", "alog.c.stage"},
    {"forløb afsluttet", "alog.c.stage"},
    {"WHO-5", "alog.c.measurement"},
    {"mestring", "alog.c.measurement"},
    {"parathed", "alog.c.measurement"},
    {"måling", "alog.c.measurement"},
    {"udelukket", "alog.c.screening"},
    {"screening", "alog.c.screening"},
    {"lodtrækning", "alog.c.screening"},
};

/* Why, by the purpose the route declared: a course ("forløb 17"), or a
 * list or page by its name. */
static const struct {
    const char *purpose, *key;
} why_words[] = {
    {"sagsliste", "alog.why.list"},
    {"mine opgaver", "alog.why.tasks"},
    {"teamets opgaver", "alog.why.tasks"},
    {"søgning", "alog.why.search"},
    {"tavlemøde", "alog.why.board"},
    {"kalender", "alog.why.calendar"},
    {"kalender (abonnement)", "alog.why.calendar"},
    {"egen adgangslog", "alog.why.own_log"},
    {"egen adgangslog (udlevering)", "alog.why.own_log"},
    {"mit forløb", "alog.why.home"},
    {"revisionslog", "alog.why.audit"},
    {"arbejdsaftaler", "alog.why.agreements"},
    {"screening", "alog.why.screening"},
    {"Du hentede dine data", "alog.why.export"},
    {"mine spørgeskemaer", "alog.why.questionnaires"},
    {"mine forslag", "alog.why.proposals"},
    {"mine data", "alog.why.data"},
    {"egen arbejdsaftale", "alog.why.agreement"},
};

static bool starts(ov_str s, const char *p)
{
    size_t n = strlen(p);
    return s.len >= n && memcmp(s.ptr, p, n) == 0;
}

/* "Sagsbehandler (jobcenter) læste din plan og dine møder i forbindelse
 * med dit forløb": who (the role, or "Du"), what was done (the action),
 * to what (the criteria in words; "dine oplysninger" when none is
 * known) and why (the purpose in words; left out when unknown). No
 * course number, no route, no internal code. */
const char *ov_access_text(ov_lang l, ov_arena *a, const ov_access_entry *e)
{
    const char *who = e->role == OV_ROLE_CITIZEN
                          ? ov_msg(l, "alog.you")
                          : ov_msg2(l, "role", ov_role_code(e->role));
    const char *verb = ov_msg2(l, "averb", ov_action_code(e->action));
    /* the criteria, ", "-separated, each in words once */
    const char *keys[8];
    int nk = 0;
    ov_str rest = e->criterion;
    while (rest.len && nk < 8) {
        size_t cut = 0;
        while (cut < rest.len &&
               !(rest.ptr[cut] == ',' && cut + 1 < rest.len &&
                 rest.ptr[cut + 1] == ' '))
            cut++;
        ov_str item = ov_str_trim((ov_str){rest.ptr, cut});
        rest = cut + 2 <= rest.len ? (ov_str){rest.ptr + cut + 2,
                                              rest.len - cut - 2}
                                   : OV_STR_NULL;
        const char *key = NULL;
        size_t best = 0;
        for (size_t i = 0; i < sizeof crit_words / sizeof crit_words[0]; i++)
            if (starts(item, crit_words[i].crit) &&
                strlen(crit_words[i].crit) > best) {
                key = crit_words[i].key;
                best = strlen(crit_words[i].crit);
            }
        bool dup = false;
        for (int k = 0; k < nk && key; k++)
            dup = dup || strcmp(keys[k], key) == 0;
        if (key && !dup)
            keys[nk++] = key;
    }
    const char *what = nk ? ov_msg(l, keys[0]) : ov_msg(l, "alog.c.data");
    for (int k = 1; k < nk; k++)
        what = ov_arena_printf(a, "%s%s%s", what,
                               k == nk - 1 ? ov_msg(l, "alog.and") : ", ",
                               ov_msg(l, keys[k]));
    const char *why = NULL;
    if (starts(e->purpose, "forløb "))
        why = ov_msg(l, "alog.why.course");
    for (size_t i = 0; i < sizeof why_words / sizeof why_words[0] && !why;
         i++)
        if (ov_str_eq_c(e->purpose, why_words[i].purpose))
            why = ov_msg(l, why_words[i].key);
    return ov_arena_printf(a, "%s %s %s%s%s", who, verb, what,
                           why ? " " : "", why ? why : "");
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
                       "<table><thead><tr><th>%t</th><th>%t</th>"
                       "</tr></thead><tbody>",
                       "audit.when", "alog.what");
        for (int i = 0; i < n.n; i++) {
            char when[OV_TIME_BUF];
            ov_time_format_dk(rows[i].at, when);
            ov_html_printf(res, "<tr><td>%h</td><td>%h</td></tr>",
                           ov_str_c(when),
                           ov_access_text(c.lang, req->arena, &rows[i]));
        }
        ov_html_lit(res, "</tbody></table>");
    }
    ov_page_end(res);
}

/* A catalogue text with %1 and %2 filled in, as a CSV field. */
static void csv_note(ov_buf *b, ov_lang lang, const char *key, int64_t n,
                     int64_t total)
{
    const char *t = ov_msg(lang, key);
    ov_buf line;
    ov_buf_init(&line, b->arena, 1024);
    const char *run = t;
    for (const char *p = t; *p; p++) {
        if (p[0] != '%' || (p[1] != '1' && p[1] != '2'))
            continue;
        ov_buf_append(&line, run, (size_t)(p - run));
        ov_buf_printf(&line, "%lld", (long long)(p[1] == '1' ? n : total));
        run = ++p + 1;
    }
    ov_buf_append_c(&line, run);
    ov_csv_write_field(b, ov_buf_str(&line), ';');
    ov_buf_append_c(b, "\r\n");
}

/* The export as it is written: the rows go straight into the response,
 * page by page, until it has no room for another (a row is at most about
 * 700 bytes: a 256-byte purpose, its quotes doubled, and short texts). */
typedef struct csv_out {
    ov_buf *b;
    ov_lang lang;
    int64_t written;
    bool full;
} csv_out;

enum { CSV_ROW_ROOM = 4096 };

static ov_status csv_page(void *ctx, const ov_access_entry *rows, int n,
                          ov_err *err)
{
    (void)err;
    csv_out *o = ctx;
    /* the rows' texts in words: a page at a time, so memory holds one
     * page however long the log */
    ov_arena *words = ov_arena_new(16384);
    for (int i = 0; i < n && !o->full; i++) {
        if (o->b->len + CSV_ROW_ROOM > o->b->max) {
            o->full = true;
            break;
        }
        char when[OV_TIME_BUF];
        ov_time_format_dk(rows[i].at, when);
        ov_csv_write_field(o->b, ov_str_c(when), ';');
        ov_buf_append_byte(o->b, ';');
        ov_csv_write_field(
            o->b, ov_str_c(ov_msg2(o->lang, "role", ov_role_code(rows[i].role))),
            ';');
        ov_buf_append_byte(o->b, ';');
        ov_csv_write_field(o->b,
                           ov_str_c(ov_msg2(o->lang, "action",
                                            ov_action_code(rows[i].action))),
                           ';');
        ov_buf_append_byte(o->b, ';');
        ov_csv_write_field(o->b, rows[i].purpose, ';');
        ov_buf_append_byte(o->b, ';');
        ov_csv_write_field(o->b,
                           ov_str_c(ov_access_text(o->lang, words,
                                                   &rows[i])),
                           ';');
        ov_buf_append_c(o->b, "\r\n");
        o->written++;
    }
    ov_arena_destroy(words);
    return OV_OK;
}

/* The citizen's whole access log as CSV (GDPR art. 15): every row, read
 * in pages and written straight into the response, not the page's newest
 * 5,000. Should the log outgrow the response (16 MiB, some 150,000 rows)
 * the file holds the newest that fit and its last line says so, as it
 * says "all M rows" when nothing was left out. */
void ov_h_my_log_csv(ov_web *app, ov_request *req, ov_response *res)
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
    ov_buf *b = &res->body;
    ov_buf_reset(b);
    const char *head[] = {"audit.when", "audit.role", "audit.action",
                          "audit.purpose", "alog.what"};
    for (int k = 0; k < 5; k++) {
        if (k)
            ov_buf_append_byte(b, ';');
        ov_csv_write_field(b, ov_str_c(ov_msg(c.lang, head[k])), ';');
    }
    ov_buf_append_c(b, "\r\n");
    csv_out o = {b, c.lang, 0, false};
    int64_t total = 0;
    bool ok = ov_audit_citizen_log_each(tx, req->viewer.citizen_id, csv_page,
                                        &o, &total, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    csv_note(b, c.lang, o.full ? "access.file_cut" : "access.file_all",
             o.written, total);
    /* the body is written; the download's headers as
     * ov_response_download sets them */
    res->status = 200;
    res->content_type = "text/csv; charset=utf-8";
    ov_response_header(res, "Content-Disposition",
                       "attachment; filename=\"adgangslog.csv\"");
}
