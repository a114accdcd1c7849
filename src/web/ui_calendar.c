/*
 * ui_calendar.c - "Min kalender": a staff user's calendar feed
 * (iCalendar, report/ical.h) of the courses they are named on, and the
 * page that makes, renews and revokes its secret subscription address.
 *
 * Addresses:
 *  - GET /kalender.ics?t=<token>: the feed for a calendar program, without
 *    a session (routes.c TOKEN: dispatch looks the token up, answers 404
 *    for an unknown or revoked one and throttles guessing);
 *  - GET /api/v1/me/calendar.ics: the same feed with a session;
 *  - GET /min-kalender: the page; POST /min-kalender (do=renew|revoke);
 *  - POST and DELETE /api/v1/me/calendar-token: renew (the new address in
 *    the answer, once) and revoke.
 * The token is shown once, right after it is made, and is stored only as
 * its hash (store/calendar.h); it is never written to a log line (it
 * travels in the query, which nothing logs).
 *
 * An event carries the citizen's first name only, never a CPR number; the
 * course number lets the user find the course in the system. A citizen's
 * own calendar (their course, issue 14) names no one: "Opfølgningsmøde
 * med dit team".
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "report/ical.h"
#include "store/calendar.h"
#include "web/handlers.h"

#define CAL_PAST_DAYS 90
#define CAL_AHEAD_DAYS 120
#define CAL_BYTES_MAX (4 * 1024 * 1024)

/* The catalogue text of a key with %1 replaced. */
static ov_str fill1(ov_ctx *c, const char *key, ov_str arg)
{
    ov_buf b;
    ov_buf_init(&b, c->req->arena, 2048);
    for (const char *p = ov_msg(c->lang, key); *p; p++) {
        if (p[0] == '%' && p[1] == '1') {
            ov_buf_append_str(&b, arg);
            p++;
        } else {
            ov_buf_append_byte(&b, *p);
        }
    }
    return ov_buf_str(&b);
}

void ov_h_calendar_feed(ov_web *app, ov_request *req, ov_response *res)
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
    ov_cal_event *ev = NULL;
    int n = 0;
    /* a citizen's calendar is their own course's (issue 14) */
    bool own = req->viewer.role == OV_ROLE_CITIZEN;
    bool ok = (own ? ov_calendar_events_citizen(tx, req->viewer.citizen_id,
                                                c.today, CAL_PAST_DAYS,
                                                CAL_AHEAD_DAYS, a, &ev, &n,
                                                &err)
                   : ov_calendar_events(tx, req->viewer.user_id, c.today,
                                        CAL_PAST_DAYS, CAL_AHEAD_DAYS, a, &ev,
                                        &n, &err)) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    ov_ical cal;
    ov_ical_begin(&cal, a, CAL_BYTES_MAX,
                  fill1(&c, "cal.name", ov_str_c(req->full_name)));
    ov_time stamp = ov_time_now();
    for (int i = 0; i < n; i++) {
        const ov_cal_event *e = &ev[i];
        char key[48];
        snprintf(key, sizeof key, own ? "cal.own.%s" : "cal.%s",
                 ov_cal_kind_code(e->kind));
        ov_str who = e->first_name.len ? e->first_name
                                       : ov_str_c(ov_msg(c.lang, "cal.someone"));
        /* a due date moves with the rules: one UID per course and kind,
         * so a subscribed calendar moves the event instead of adding one */
        const char *uid =
            e->ref ? ov_arena_printf(a, "%s-%lld@overgang",
                                     ov_cal_kind_code(e->kind),
                                     (long long)e->ref)
                   : ov_arena_printf(a, "%s-course-%lld@overgang",
                                     ov_cal_kind_code(e->kind),
                                     (long long)e->course_id);
        char num[24];
        snprintf(num, sizeof num, "%lld", (long long)e->course_id);
        ov_ical_event ie = {
            .uid = ov_str_c(uid),
            .date = e->on,
            .summary = fill1(&c, key, who),
            .description = own ? ov_str_c(ov_msg(c.lang, "cal.own.desc"))
                               : fill1(&c, "cal.course", ov_str_c(num)),
            .category = ov_str_c(ov_msg(c.lang, "cal.category")),
        };
        ov_ical_event_add(&cal, &ie, stamp);
    }
    ov_str body;
    if (ov_ical_end(&cal, &body, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_response_download(res, "text/calendar; charset=utf-8", "overgang.ics",
                         body);
    ov_response_header(res, "Cache-Control", "private, no-store");
}

/* ---- the page ---- */

/* The feed's address for a token, on the host the page was asked on. */
static const char *feed_url(ov_ctx *c, const char *scheme, const char *token)
{
    ov_str host = ov_request_header(c->req, "Host");
    if (!host.len)
        host = OV_STR_LIT("localhost");
    return ov_arena_printf(c->req->arena, "%s://%.*s/kalender.ics?t=%s",
                           scheme, (int)host.len, host.ptr, token);
}

static const char *http_scheme(ov_ctx *c)
{
    ov_str p = ov_request_header(c->req, "X-Forwarded-Proto");
    return ov_str_eq_c(p, "https") ? "https" : "http";
}

static void page(ov_ctx *c, bool has, ov_time since, const char *token,
                 bool revoked, int status)
{
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "cal.title")));
    ov_html_printf(res, "<div class=\"calendar-page\"><p>%t</p>",
                   "cal.intro");
    if (token) {
        const char *url = feed_url(c, http_scheme(c), token);
        const char *webcal = feed_url(c, "webcal", token);
        ov_html_printf(res,
                       "<div class=\"notice\"><p><strong>%t</strong></p>"
                       "<p><label for=\"cal-url\">%t</label><br>"
                       "<input id=\"cal-url\" class=\"cal-url\" type=\"text\" "
                       "readonly value=\"%h\"></p><p><a class=\"button\" "
                       "href=\"%h\">%t</a></p></div>",
                       "cal.new_address", "cal.address", ov_str_c(url),
                       ov_str_c(webcal), "cal.subscribe");
    } else if (revoked) {
        ov_html_printf(res, "<p class=\"notice\">%t</p>", "cal.revoked");
    }
    if (has && !token) {
        char when[OV_TIME_BUF];
        ov_time_format_dk(since, when);
        ov_html_printf(res, "<p>%t %h.</p><p class=\"empty\">%t</p>",
                       "cal.has_since", ov_str_c(when), "cal.lost_hint");
    } else if (!has) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "cal.none");
    }
    /* a citizen's calendar is their own course's, and names no one */
    ov_html_printf(res, "<h2>%t</h2><ul><li>%t</li><li>%t</li><li>%t</li>"
                        "</ul><p>%t</p>",
                   "cal.what", "cal.what_meetings", "cal.what_followups",
                   "cal.what_reviews",
                   c->req->viewer.role == OV_ROLE_CITIZEN ? "cal.own.privacy"
                                                          : "cal.privacy");
    ov_html_lit(res, "<div class=\"row\">");
    ov_page_form_begin(res, c->req, OV_STR_LIT("/min-kalender"), false);
    ov_html_lit(res, "<input type=\"hidden\" name=\"do\" value=\"renew\">");
    ov_page_form_end(res, has ? "cal.renew" : "cal.make");
    if (has) {
        ov_page_form_begin(res, c->req, OV_STR_LIT("/min-kalender"), false);
        ov_html_lit(res,
                    "<input type=\"hidden\" name=\"do\" value=\"revoke\">");
        ov_html_printf(res,
                       "<div class=\"actions\"><button type=\"submit\" "
                       "class=\"danger\">%t</button></div></form>",
                       "cal.revoke");
    }
    ov_html_lit(res, "</div></div>");
    ov_page_end(res);
}

void ov_h_calendar_page(ov_web *app, ov_request *req, ov_response *res)
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
    bool has = false;
    ov_time since = 0;
    bool ok = ov_calendar_token_info(tx, req->viewer.user_id, &has, &since,
                                     &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    page(&c, has, since, NULL, false, 200);
}

static const ov_field do_spec[] = {
    {.name = "do", .type = OV_F_TEXT, .max = 16, .label = "cal.title"},
};

/* Renew or revoke: one write with its audit row; the new token is shown
 * (page) or answered (API) only after the commit. */
void ov_h_calendar_post(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    bool renew;
    if (c.api) {
        renew = req->method == OV_POST;
    } else {
        ov_form f;
        ov_form_init(&f, do_spec, 1, c.lang, req->arena);
        ov_str what = ov_form_parse(&f, req, "csrf") == OV_OK
                          ? ov_str_trim(ov_form_str(&f, "do"))
                          : OV_STR_NULL;
        if (!ov_str_eq_c(what, "renew") && !ov_str_eq_c(what, "revoke")) {
            ov_err_msg(&err, OV_EINVAL, "do", calendar_do_invalid);
            ov_ctx_fail(&c, &err);
            return;
        }
        renew = ov_str_eq_c(what, "renew");
    }
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    char token[OV_CAL_TOKEN_HEX] = "";
    bool had = false;
    ov_status st =
        renew ? ov_calendar_token_renew(tx, req->viewer.user_id, token, &err)
              : ov_calendar_token_revoke(tx, req->viewer.user_id, &had, &err);
    if (st == OV_OK)
        st = ov_tx_commit(tx, &err);
    else
        ov_tx_rollback(tx);
    if (st != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    if (c.api) {
        json_t *j = renew ? json_pack("{s:s}", "url",
                                      feed_url(&c, http_scheme(&c), token))
                          : json_pack("{s:b}", "revoked", had);
        ov_response_json(res, 200, ov_json_dump(j, req->arena));
        return;
    }
    page(&c, renew, ov_time_now(), renew ? token : NULL, !renew, 200);
}
