/*
 * dispatch.c - one request's way: find its route, check access (deny by
 * default: a live session, the CSRF token for changes), hand it to the
 * handler or action, and hold the response for its audit rows.
 */
#include "web/app.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "store/calendar.h"
#include "store/session.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/msg.h"
#include "web/throttle.h"
#include "web/ui.h"

#define TOUCH_AFTER_MS 60000

bool ov_route_match(const char *pattern, ov_str path, ov_request *req)
{
    ov_str p = ov_str_c(pattern);
    int np = 0;
    size_t i = 0, j = 0;
    while (i < p.len && j < path.len) {
        if (p.ptr[i] == '{') {
            const char *close = memchr(p.ptr + i, '}', p.len - i);
            if (!close || np >= 4)
                return false;
            i = (size_t)(close - p.ptr) + 1;
            size_t start = j;
            while (j < path.len && path.ptr[j] != '/')
                j++;
            if (j == start)
                return false;
            if (req)
                req->params[np] = (ov_str){path.ptr + start, j - start};
            np++;
            continue;
        }
        if (p.ptr[i] != path.ptr[j])
            return false;
        i++;
        j++;
    }
    if (i != p.len || j != path.len)
        return false;
    if (req)
        req->nparams = np;
    return true;
}

/* The session cookie's value, or OV_STR_NULL. */
static ov_str session_cookie(const ov_request *req)
{
    ov_str c = ov_request_header(req, "Cookie");
    while (c.ptr && c.len) {
        ov_str one;
        c = ov_str_cut(c, ';', &one);
        one = ov_str_trim(one);
        ov_str name;
        ov_str value = ov_str_cut(one, '=', &name);
        if (value.ptr && ov_str_eq_c(name, OV_SESSION_COOKIE))
            return value;
    }
    return OV_STR_NULL;
}

/* Whether a session is past its idle or absolute limit (settings
 * session_idle_minutes, session_absolute_hours). */
static bool session_expired(const ov_web *app, const ov_session *s,
                            ov_time now)
{
    ov_time idle = (ov_time)(app->idle_minutes > 0 ? app->idle_minutes : 30) *
                   60000;
    ov_time absolute =
        (ov_time)(app->absolute_hours > 0 ? app->absolute_hours : 12) *
        3600000;
    return now - s->seen > idle || now - s->created > absolute;
}

/* The live session of a token, looked up in tx: OV_OK and *s, or
 * OV_EPERM. An expired session is refused and ended (deleted with the
 * next write batch, and not found from now on). A live one whose seen
 * time is over a minute old has the time noted, without a write: the
 * store writes it with its next batch (store/session.h). */
static ov_status session_in(ov_web *app, ov_tx *tx, ov_str token,
                            ov_session *s, ov_err *err)
{
    if (!token.ptr || token.len != 64 || !tx)
        return ov_err_msg(err, OV_EPERM, NULL, login_first);
    if (ov_session_get(tx, token, s, err) != OV_OK)
        return ov_err_msg(err, OV_EPERM, NULL, login_first);
    ov_time now = ov_time_now();
    if (session_expired(app, s, now)) {
        ov_err ignored;
        ov_session_expire(tx, token, &ignored);
        return ov_err_msg(err, OV_EPERM, NULL, login_session_expired);
    }
    if (now - s->seen > TOUCH_AFTER_MS)
        ov_session_note_seen(tx, token, now);
    return OV_OK;
}

/* The calendar token of the query (?t=<64 hex digits>), or OV_STR_NULL.
 * It is in the query, not the path, because the path reaches log lines
 * (dispatch's own and the audit viewer's); the query reaches none. */
static ov_str calendar_token(const ov_request *req)
{
    ov_str q = req->query;
    while (q.ptr && q.len) {
        ov_str one;
        q = ov_str_cut(q, '&', &one);
        if (one.len > 2 && one.ptr[0] == 't' && one.ptr[1] == '=')
            return (ov_str){one.ptr + 2, one.len - 2};
    }
    return OV_STR_NULL;
}

/* Throttling of calendar tokens, by client address: the account key is
 * the address too (a guesser has no account), so a wrong guess counts
 * for the address and one address cannot lock out another. */
static ov_str calendar_throttle_key(ov_request *req)
{
    return ov_str_c(ov_arena_printf(req->arena, "kalender:%s", req->remote));
}

/* A calendar feed by its secret token: the token's user becomes the
 * request's viewer (no session, no CSRF: the route is a GET). A token
 * that is malformed, unknown or revoked answers 404, like an address
 * that does not exist; more than a few from one client address wait,
 * as wrong passwords do (web/throttle.h). */
static ov_status calendar_token_in(ov_web *app, ov_request *req, ov_tx *tx,
                                   ov_err *err)
{
    if (!tx)
        return ov_err_msg(err, OV_ENOTFOUND, NULL, calendar_token_unknown);
    /* in-process callers without a network peer (tests) are not counted,
     * as for log-ins; the server always knows the address */
    ov_throttle *t = !req->remote[0]       ? NULL
                     : app && app->throttle ? app->throttle
                                            : ov_throttle_default();
    ov_str key = calendar_throttle_key(req);
    ov_str addr = ov_str_c(req->remote);
    int wait = t ? ov_throttle_admit(t, key, addr, ov_throttle_now_ms()) : 0;
    if (wait > 0)
        return ov_err_msg(err, OV_EPERM, NULL, calendar_throttled, wait);
    ov_cal_owner o;
    if (ov_calendar_token_owner(tx, calendar_token(req), &o, err) != OV_OK) {
        if (t)
            ov_throttle_failed(t, key, addr, ov_throttle_now_ms());
        return err->code == OV_ENOTFOUND ? err->code
                                         : ov_err_msg(err, OV_ENOTFOUND, NULL,
                                                      calendar_token_unknown);
    }
    if (t)
        ov_throttle_succeeded(t, key, addr, ov_throttle_now_ms());
    req->viewer = o.viewer;
    snprintf(req->username, sizeof req->username, "%s", o.username);
    snprintf(req->full_name, sizeof req->full_name, "%s", o.full_name);
    return OV_OK;
}

ov_status ov_web_authorize(ov_web *app, const ov_route *route,
                           ov_request *req, ov_tx *tx, ov_err *err)
{
    if (route->access == OV_ACCESS_PUBLIC)
        return OV_OK;
    if (route->access == OV_ACCESS_CALENDAR_TOKEN)
        return route->method == OV_GET
                   ? calendar_token_in(app, req, tx, err)
                   : ov_err_msg(err, OV_ENOTFOUND, NULL,
                                calendar_token_unknown);
    /* deny by default: everything else needs a live session */
    ov_str token = session_cookie(req);
    ov_session s;
    ov_status st = session_in(app, tx, token, &s, err);
    if (st != OV_OK)
        return st;
    /* state-changing calls need the CSRF token: the header (API) or the
     * form's hidden field (HTML) */
    if (req->method != OV_GET) {
        ov_str t = ov_request_header(req, "X-CSRF-Token");
        if (!t.ptr)
            t = ov_form_peek(req, "csrf");
        if (t.len != 64 || !ov_memeq_ct(t.ptr, s.csrf, 64))
            return ov_err_msg(err, OV_EINVAL, "X-CSRF-Token",
                              csrf_wrong);
    }
    req->has_session = true;
    req->token = token;
    req->viewer = s.viewer;
    snprintf(req->username, sizeof req->username, "%s", s.username);
    snprintf(req->full_name, sizeof req->full_name, "%s", s.full_name);
    snprintf(req->csrf, sizeof req->csrf, "%s", s.csrf);
    return OV_OK;
}

/* The language: the ov_lang cookie, else Danish. */
static ov_lang request_lang(const ov_request *req)
{
    ov_str c = ov_request_header(req, "Cookie");
    while (c.ptr && c.len) {
        ov_str one;
        c = ov_str_cut(c, ';', &one);
        one = ov_str_trim(one);
        ov_str name;
        ov_str value = ov_str_cut(one, '=', &name);
        ov_lang l;
        if (value.ptr && ov_str_eq_c(name, "ov_lang") &&
            ov_lang_parse(value, &l))
            return l;
    }
    return OV_LANG_DA;
}

static bool is_api(const ov_request *req)
{
    return ov_str_starts_with(req->path, OV_STR_LIT("/api/"));
}

/* The audit rows of what the response shows could not be written: it
 * must not leave; answer 503 instead. */
void ov_web_audit_failed(ov_request *req, ov_response *res, const ov_err *err)
{
    size_t max = res->body.max;
    int lang = res->lang;
    ov_response_init(res, req->arena, max);
    ov_response_security_headers(res);
    res->lang = lang;
    ov_log_error("%.*s: %s", (int)req->path.len, req->path.ptr, err->msg);
    if (is_api(req))
        ov_response_error_status(res, 503, "audit_unavailable", err->msg);
    else
        ov_page_error(res, req, 503, "error.title", err->msg);
}

static void dispatch(ov_web *app, ov_request *req, ov_response *res);

/* The route of the request's method and path, or NULL (*path_known: the
 * path has a route for another method). */
static const ov_route *find_route(const ov_request *req, bool *path_known)
{
    *path_known = false;
    for (int i = 0; i < ov_nroutes; i++) {
        if (!ov_route_match(ov_routes[i].pattern, req->path, NULL))
            continue;
        *path_known = true;
        if (ov_routes[i].method == req->method)
            return &ov_routes[i];
    }
    return NULL;
}

ov_body_class ov_web_body_class(ov_web *app, ov_request *req,
                                bool *answer_now)
{
    *answer_now = false;
    bool path_known;
    const ov_route *r = find_route(req, &path_known);
    if (!r) {
        /* 404 or 405: nothing to read */
        *answer_now = true;
        return OV_BODY_SMALL;
    }
    if (r->access == OV_ACCESS_PUBLIC)
        return OV_BODY_SMALL; /* the log-in: a few hundred bytes */
    /* A read of its own, before the request's transaction: the body is
     * not read yet, and the request's transaction cannot wait for it (a
     * slow client would hold a reader, or the writer, while it uploads).
     * Only requests with a body come here (server.c), and dispatch looks
     * the session up again in the request's transaction, since it may
     * end while the body arrives. */
    ov_session s;
    ov_err err;
    ov_tx *tx = NULL;
    ov_str token = session_cookie(req);
    ov_status st = app && app->store && token.len == 64
                       ? ov_tx_begin_read(app->store, &tx, &err)
                       : ov_err_msg(&err, OV_EPERM, NULL, login_first);
    if (st == OV_OK) {
        st = session_in(app, tx, token, &s, &err);
        ov_tx_rollback(tx);
    }
    if (st != OV_OK) {
        /* the access check fails whatever the body holds: answer it (401,
         * or back to the log-in) without reading any */
        *answer_now = true;
        return OV_BODY_SMALL;
    }
    /* the import route, for a role that may import: candidate lists */
    if (r->action == &ov_act_import && ov_may_do(&s.viewer, r->action->op))
        return OV_BODY_IMPORT;
    return OV_BODY_NORMAL;
}

/* The page's writer failed (past the body's cap, or an ov_html_printf
 * call whose arguments did not fit its format): a half-written page must
 * not leave. Answer 500 in a fresh body with room for the message. */
static void body_failed(ov_request *req, ov_response *res)
{
    size_t max = res->body.max < 16384 ? 16384 : res->body.max;
    int lang = res->lang;
    uint64_t ticket = res->audit_ticket;
    ov_log_error("%.*s: the response could not be written (over %zu bytes, "
                 "or an HTML call that does not match its format)",
                 (int)req->path.len, req->path.ptr, res->body.max);
    ov_response_init(res, req->arena, max);
    ov_response_security_headers(res);
    res->lang = lang;
    res->audit_ticket = ticket;
    if (is_api(req))
        ov_response_error_status(res, 500, "internal",
                                 "the response could not be written");
    else
        ov_page_error(res, req, 500, "error.internal", NULL);
}

void ov_web_handle(ov_web *app, ov_request *req, ov_response *res)
{
    dispatch(app, req, res);
    if (res->later) {
        if (app && app->async_later)
            return; /* the server runs it, then holds for the audit */
        void (*later)(void *) = res->later;
        res->later = NULL;
        later(res->later_ctx);
    }
    if (res->body.failed)
        body_failed(req, res);
    if (!res->audit_ticket || (app && app->async_audit))
        return;
    ov_err err;
    if (ov_store_audit_wait(app->store, res->audit_ticket, &err) != OV_OK)
        ov_web_audit_failed(req, res, &err);
    res->audit_ticket = 0;
}

/* The access a route declares (routes.c), checked before its handler
 * runs; false when the answer is given. Deny by default: a scope not
 * named here answers 500.
 *  - public and session routes: the session check was all;
 *  - the caller's own records and municipality: the operation, else 403
 *    saying why (ov_op_refusal);
 *  - one record ({id}): an id that is no number, or an operation the role
 *    may not do, is a record the caller may not see: 404;
 *  - a view of a course or a placement: visibility (404) and the
 *    operation (403), checked in the request's audited read, which the
 *    view then takes (ov_ctx_take_tx). */
static bool route_gate(ov_ctx *c, const ov_route *r)
{
    ov_err err;
    ov_err_clear(&err);
    const ov_viewer *v = &c->req->viewer;
    switch (r->scope) {
    case OV_SCOPE_PUBLIC:
    case OV_SCOPE_SESSION: return true;
    case OV_SCOPE_SELF:
    case OV_SCOPE_MUNICIPALITY:
        if (ov_may_do(v, (ov_op)r->op))
            return true;
        ov_err_msg(&err, OV_EPERM, NULL, access_refused,
                   ov_op_refusal((ov_op)r->op));
        ov_ctx_fail(c, &err);
        return false;
    case OV_SCOPE_COURSE:
    case OV_SCOPE_PLACEMENT:
    case OV_SCOPE_PROPOSAL:
    case OV_SCOPE_BATCH:
    case OV_SCOPE_SCENARIO: break;
    }
    if (r->scope > OV_SCOPE_PUBLIC) {
        ov_err_set(&err, OV_EINTERNAL, NULL, "the route declares no access");
        ov_ctx_fail(c, &err);
        return false;
    }
    if (!ov_ctx_param_id(c, 0, &c->id))
        return false;
    if (r->scope == OV_SCOPE_COURSE && r->page) {
        if (ov_ctx_check_course(c, c->id, r->op, &err) == OV_OK)
            return true;
        ov_ctx_fail(c, &err);
        return false;
    }
    if (!ov_may_do(v, (ov_op)r->op)) {
        ov_ctx_not_found(c);
        return false;
    }
    if (r->scope == OV_SCOPE_PLACEMENT && r->page &&
        ov_ctx_check_placement(c, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return false;
    }
    return true;
}

/* Answer a request the access check refused: 403 for a wrong CSRF token,
 * otherwise 401 (API) or back to the log-in (pages). */
static void refused(ov_web *app, ov_request *req, ov_response *res,
                    const ov_err *err)
{
    if (err->id == OV_EM_calendar_throttled) {
        ov_throttle *t = app && app->throttle ? app->throttle
                                              : ov_throttle_default();
        int wait = ov_throttle_check(t, calendar_throttle_key(req),
                                     ov_str_c(req->remote),
                                     ov_throttle_now_ms());
        char ra[16];
        snprintf(ra, sizeof ra, "%d", wait > 0 ? wait : 1);
        ov_response_header(res, "Retry-After", ra);
        ov_response_error_status(res, 429, "too_many_requests", err->msg);
        return;
    }
    bool csrf = err->code == OV_EINVAL &&
                strcmp(err->field, "X-CSRF-Token") == 0;
    if (!is_api(req)) {
        if (csrf) {
            ov_page_error(res, req, 403, "error.csrf", NULL);
        } else if (err->code == OV_EPERM) {
            /* back to the log-in, and then to where the user was */
            /* the path as libmicrohttpd decoded it: encoded again
             * as a query value (non-ASCII, '&', '#', '%') */
            const char *to =
                req->method == OV_GET && req->path.len < 200
                    ? ov_arena_printf(
                          req->arena, "/login?next=%s",
                          ov_url_encode(req->arena, req->path, "/"))
                    : "/login?udlobet=1";
            if (err->id == OV_EM_login_session_expired &&
                req->method == OV_GET)
                to = "/login?udlobet=1";
            ov_page_redirect(res, to);
        } else {
            char buf[OV_ERR_MSG_MAX];
            ov_page_error(res, req, ov_status_http(err->code), "error.title",
                          ov_msg_error((ov_lang)req->lang, err, buf,
                                       sizeof buf));
        }
        return;
    }
    if (err->code == OV_EPERM)
        ov_response_error_status(res, 401, "unauthorized", err->msg);
    else if (csrf)
        ov_response_error_status(res, 403, "forbidden", err->msg);
    else
        ov_response_error(res, err);
}

static void dispatch(ov_web *app, ov_request *req, ov_response *res)
{
    ov_response_security_headers(res);
    req->lang = (int)request_lang(req);
    res->lang = req->lang;
    bool path_known = false;
    const ov_route *found = find_route(req, &path_known);
    if (found)
        ov_route_match(found->pattern, req->path, req);
    if (!found) {
        if (path_known) {
            ov_response_header(res, "Allow", "GET, POST, DELETE");
            ov_response_error_status(res, 405, "method_not_allowed",
                                     "this address does not take that "
                                     "method");
        } else if (!is_api(req)) {
            ov_page_error(res, req, 404, "error.not_found", NULL);
        } else {
            ov_response_error_status(res, 404, "not_found",
                                     "no such page or API route");
        }
        return;
    }
    ov_err err;
    ov_err_clear(&err);
    /* the request's one transaction, of the kind its route declares: the
     * session is looked up and access checked in it, and the handler
     * takes it (a request without a session cookie opens none) */
    ov_tx *tx = NULL;
    ov_actor *actor = NULL;
    ov_status st = OV_OK;
    if (found->access != OV_ACCESS_PUBLIC && found->tx != OV_TXK_NONE &&
        app && app->store &&
        (found->access == OV_ACCESS_CALENDAR_TOKEN
             ? calendar_token(req).len == 64
             : session_cookie(req).len == 64))
        st = ov_tx_begin_request(app->store, found->tx, &tx, &err);
    if (st == OV_OK)
        st = ov_web_authorize(app, found, req, tx, &err);
    if (st == OV_OK && tx) {
        actor = OV_NEW(req->arena, ov_actor);
        *actor = (ov_actor){req->username, req->viewer.role,
                            found->action    ? found->action->name
                            : found->purpose ? found->purpose
                                             : "web"};
        st = ov_tx_name_actor(tx, found->tx, actor, &err);
    }
    if (st != OV_OK) {
        ov_tx_rollback(tx);
        refused(app, req, res, &err);
        return;
    }
    req->tx = tx;
    req->actor = actor;
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    if (found->action) {
        if (req->method == OV_GET)
            ov_action_form(&c, found->action);
        else
            ov_action_post(&c, found->action);
    } else if (route_gate(&c, found)) {
        if (found->page)
            found->page(&c);
        else
            found->handler(app, req, res);
    }
    /* what the handler did not take (it answered before it read) */
    if (req->tx) {
        ov_tx_rollback(req->tx);
        req->tx = NULL;
    }
}
