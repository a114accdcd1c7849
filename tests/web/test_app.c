/* The web application without sockets: routing, the access check,
 * security headers and JSON errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <jansson.h>

#include "model/meeting.h"
#include "store/meeting.h"
#include "model/access.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
#include "web/throttle.h"

static ov_str header(const ov_response *r, const char *name)
{
    for (int i = 0; i < r->nheaders; i++)
        if (ov_str_eq_c(r->headers[i].name, name))
            return r->headers[i].value;
    return OV_STR_NULL;
}

static void call(ov_arena *a, ov_method m, const char *path, ov_response *res)
{
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = m;
    req.path = ov_str_c(path);
    ov_response_init(res, a, 65536);
    ov_web app = {.store = NULL};
    ov_web_handle(&app, &req, res);
}

static void health_answers_ok_without_a_session(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    call(a, OV_GET, "/api/v1/health", &res);
    assert_int_equal(res.status, 200);
    assert_string_equal(res.content_type, "application/json");
    assert_true(ov_str_eq_c(ov_buf_str(&res.body), "{\"status\":\"ok\"}"));
    ov_arena_destroy(a);
}

static void every_response_carries_the_security_headers(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    const char *paths[] = {"/api/v1/health", "/nope"};
    for (int i = 0; i < 2; i++) {
        call(a, OV_GET, paths[i], &res);
        ov_str csp = header(&res, "Content-Security-Policy");
        assert_non_null(csp.ptr);
        assert_non_null(strstr(csp.ptr, "frame-ancestors 'none'"));
        assert_null(strstr(csp.ptr, "unsafe-inline"));
        assert_true(ov_str_eq_c(header(&res, "X-Content-Type-Options"),
                                "nosniff"));
        assert_true(ov_str_eq_c(header(&res, "Referrer-Policy"),
                                "no-referrer"));
    }
    ov_arena_destroy(a);
}

static void unknown_paths_and_methods_get_json_errors(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    call(a, OV_GET, "/api/v1/nothing", &res);
    assert_int_equal(res.status, 404);
    assert_non_null(strstr(res.body.data,
                           "{\"error\":{\"code\":\"not_found\",\"message\":"));
    call(a, OV_DELETE, "/api/v1/health", &res);
    assert_int_equal(res.status, 405);
    assert_non_null(strstr(res.body.data, "method_not_allowed"));
    ov_arena_destroy(a);
}

static void route_patterns_capture_their_parameters(void **state)
{
    (void)state;
    ov_request req;
    memset(&req, 0, sizeof req);
    assert_true(ov_route_match("/api/v1/cases/{id}",
                               OV_STR_LIT("/api/v1/cases/17"), &req));
    assert_int_equal(req.nparams, 1);
    assert_true(ov_str_eq_c(req.params[0], "17"));
    assert_true(ov_route_match("/a/{x}/b/{y}", OV_STR_LIT("/a/1/b/2"), &req));
    assert_true(ov_str_eq_c(req.params[1], "2"));
    assert_false(ov_route_match("/api/v1/cases/{id}",
                                OV_STR_LIT("/api/v1/cases/"), &req));
    assert_false(ov_route_match("/api/v1/cases/{id}",
                                OV_STR_LIT("/api/v1/cases/1/x"), &req));
    assert_false(ov_route_match("/api/v1/health",
                                OV_STR_LIT("/api/v1/healthz"), &req));
}

/* The access check as dispatch runs it: in a read transaction of the
 * request (none without a store). */
static ov_status authorize(ov_web *app, const ov_route *r, ov_request *req,
                           ov_err *err)
{
    ov_tx *tx = NULL;
    if (app->store &&
        ov_tx_begin_request(app->store, OV_TXK_READ, &tx, err) != OV_OK)
        return err->code;
    ov_status st = ov_web_authorize(app, r, req, tx, err);
    ov_tx_rollback(tx);
    return st;
}

static void the_access_check_denies_by_default(void **state)
{
    (void)state;
    ov_route closed = {OV_GET, "/x", OV_ACCESS_SESSION, NULL, "test", NULL,
                       OV_SCOPE_SESSION, OV_OP_NONE, NULL,
                       OV_TXK_READ, "test"};
    ov_route open = {OV_GET, "/y", OV_ACCESS_PUBLIC, NULL, "test", NULL,
                     OV_SCOPE_PUBLIC, OV_OP_NONE, NULL,
                     OV_TXK_NONE, NULL};
    ov_request req;
    memset(&req, 0, sizeof req);
    ov_err err;
    ov_web app = {.store = NULL};
    assert_int_equal(authorize(&app, &closed, &req, &err), OV_EPERM);
    assert_int_equal(authorize(&app, &open, &req, &err), OV_OK);
    /* every route in the table is either public on purpose or closed */
    static const char *const open_ok[] = {
        "/api/v1/health", "/login", "/sprog", "/static/app.css",
        "/static/app.js", "/static/favicon.svg",
        /* a new user sets their password with a one-time code */
        "/aktiver", "/api/v1/activate",
        /* the accessibility statement, which the law says anyone may read */
        "/tilgaengelighed"};
    for (int i = 0; i < ov_nroutes; i++) {
        /* a plain handler, a view or an action: exactly one */
        assert_int_equal((ov_routes[i].handler != NULL) +
                             (ov_routes[i].page != NULL) +
                             (ov_routes[i].action != NULL),
                         1);
        assert_non_null(ov_routes[i].summary);
        /* only health, the log-in itself, the language switch and the
         * static files are open */
        if (ov_routes[i].access != OV_ACCESS_PUBLIC)
            continue;
        bool ok = strcmp(ov_routes[i].pattern, "/api/v1/session") == 0 &&
                  ov_routes[i].method == OV_POST;
        for (size_t k = 0; k < sizeof open_ok / sizeof open_ok[0]; k++)
            ok = ok || strcmp(ov_routes[i].pattern, open_ok[k]) == 0;
        if (!ok)
            fail_msg("route %s is public", ov_routes[i].pattern);
    }
}

/* Every route declares who may call it (its scope and the operation it
 * needs), and the declaration fits its address: public exactly when open
 * without a session; an {id} names a record (course, placement, proposal,
 * candidate list, or for an action a record of the municipality); every
 * scope that shows data names an operation; a view (handed an open
 * transaction) is about a course or a placement. */
static bool record_scope(ov_scope sc)
{
    return sc == OV_SCOPE_COURSE || sc == OV_SCOPE_PLACEMENT ||
           sc == OV_SCOPE_PROPOSAL || sc == OV_SCOPE_BATCH ||
           sc == OV_SCOPE_SCENARIO;
}

static void every_route_declares_its_scope_and_operation(void **state)
{
    (void)state;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        ov_scope sc = ov_route_scope(r);
        int op = ov_route_op(r);
        bool has_id = strchr(r->pattern, '{') != NULL;
        const char *why = NULL;
        if ((r->access == OV_ACCESS_PUBLIC) != (sc == OV_SCOPE_PUBLIC))
            why = "public access and the public scope go together";
        else if (sc == OV_SCOPE_PUBLIC || sc == OV_SCOPE_SESSION) {
            if (op != OV_OP_NONE || has_id)
                why = "a public or session route has no operation and no id";
        } else if (op < 0 || op >= OV_OP_COUNT)
            why = "a route that shows or changes data names its operation";
        else if (record_scope(sc) ? !has_id
                 : has_id && !(sc == OV_SCOPE_MUNICIPALITY && r->action))
            why = "an {id} needs a record scope (or a municipality action "
                  "with a check), and a record scope an {id}";
        else if (r->page && sc != OV_SCOPE_COURSE && sc != OV_SCOPE_PLACEMENT)
            why = "a view is about a course or a placement";
        if (why)
            fail_msg("%s %s: %s", r->method == OV_GET ? "GET" : "POST",
                     r->pattern, why);
    }
}

/* Every operation of the access table (model/access.h) is what some
 * route needs: an operation no route names grants nothing anyone can use,
 * and a row in the table that looks like a right is dead weight (the
 * consultant signs with OV_OP_SIGN as their own party, issue 14). */
static void every_operation_is_needed_by_some_route(void **state)
{
    (void)state;
    bool used[OV_OP_COUNT] = {false};
    for (int i = 0; i < ov_nroutes; i++) {
        int op = ov_route_op(&ov_routes[i]);
        if (op >= 0 && op < OV_OP_COUNT)
            used[op] = true;
    }
    for (int op = 0; op < OV_OP_COUNT; op++)
        if (!used[op])
            fail_msg("no route needs the operation %s (model/access.h): "
                     "use it or remove it",
                     ov_op_code((ov_op)op));
}

static void errors_map_to_http_status_codes(void **state)
{
    (void)state;
    assert_int_equal(ov_status_http(OV_EINVAL), 400);
    assert_int_equal(ov_status_http(OV_ENOTFOUND), 404);
    assert_int_equal(ov_status_http(OV_ECONFLICT), 409);
    assert_int_equal(ov_status_http(OV_EPERM), 403);
    assert_int_equal(ov_status_http(OV_ETOOBIG), 413);
    assert_int_equal(ov_status_http(OV_EIO), 500);
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    ov_response_init(&res, a, 4096);
    ov_err err;
    ov_err_set(&err, OV_ECONFLICT, "base_version", "say \"stale\"");
    ov_response_error(&res, &err);
    assert_int_equal(res.status, 409);
    /* the field lets an integration show the message next to its input */
    assert_string_equal(res.body.data,
                        "{\"error\":{\"code\":\"conflict\",\"message\":"
                        "\"say \\\"stale\\\"\",\"field\":\"base_version\"}}");
    ov_arena_destroy(a);
}

static void the_openapi_document_and_the_routes_agree(void **state)
{
    (void)state;
    static const char *const m[] = {"get", "post", "put", "delete"};
    ov_arena *a = ov_arena_new(0);
    ov_str doc = ov_openapi_json(a);
    json_error_t je;
    json_t *j = json_loadb(doc.ptr, doc.len, 0, &je);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "openapi")),
                        "3.0.3");
    json_t *paths = json_object_get(j, "paths");
    /* every route is documented, with its access */
    int ops = 0;
    for (int i = 0; i < ov_nroutes; i++) {
        if (strncmp(ov_routes[i].pattern, "/api/", 5) != 0)
            continue; /* HTML pages are not part of the API document */
        json_t *op = json_object_get(json_object_get(paths,
                                                     ov_routes[i].pattern),
                                     m[ov_routes[i].method]);
        if (!op)
            fail_msg("route %s %s is not in the OpenAPI document",
                     m[ov_routes[i].method], ov_routes[i].pattern);
        bool secured = json_array_size(json_object_get(op, "security")) > 0;
        assert_int_equal(secured, ov_routes[i].access == OV_ACCESS_SESSION);
    }
    /* and the document has nothing the server does not serve */
    const char *path;
    json_t *item;
    json_object_foreach(paths, path, item) {
        const char *meth;
        json_t *op;
        json_object_foreach(item, meth, op) {
            (void)op;
            ops++;
            bool served = false;
            for (int i = 0; i < ov_nroutes && !served; i++)
                served = strcmp(ov_routes[i].pattern, path) == 0 &&
                         strcmp(m[ov_routes[i].method], meth) == 0;
            if (!served)
                fail_msg("%s %s is documented but not served", meth, path);
        }
    }
    int api = 0;
    for (int i = 0; i < ov_nroutes; i++)
        api += strncmp(ov_routes[i].pattern, "/api/", 5) == 0;
    assert_int_equal(ops, api);
    json_decref(j);
    ov_arena_destroy(a);
}

/* A redirect to a path with æøå (as libmicrohttpd decodes it) must stay a
 * valid, ASCII header. */
static void location_is_percent_encoded(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    ov_response_init(&res, a, 4096);
    ov_response_header(&res, "Location", "/forl\xc3\xb8" "b?x=a b");
    assert_true(ov_str_eq_c(header(&res, "Location"),
                            "/forl%C3%B8b?x=a%20b"));
    ov_response_header(&res, "Location", "/login?next=%2Fa");
    assert_true(ov_str_eq_c(header(&res, "Location"), "/login?next=%2Fa"));
    /* back to the log-in: the path is a query value, '&' included */
    call(a, OV_GET, "/forloeb/\xc3\xb8&udlobet=1", &res);
    assert_int_equal(res.status, 303);
    assert_true(ov_str_eq_c(header(&res, "Location"),
                            "/login?next=/forloeb/%C3%B8%26udlobet%3D1"));
    ov_arena_destroy(a);
}

/* The body limit is decided from the route and session alone: without a
 * live session a closed route is answered at once and gets the small
 * limit, whatever its path says ("/screening" included). */
static void bodies_before_authentication_stay_small(void **state)
{
    (void)state;
    ov_web app = {.store = NULL};
    static const struct {
        ov_method m;
        const char *path;
        ov_body_class cls;
        bool now;
    } cases[] = {
        {OV_POST, "/api/v1/session", OV_BODY_SMALL, false},
        {OV_POST, "/login", OV_BODY_SMALL, false},
        {OV_POST, "/screening", OV_BODY_SMALL, true},
        {OV_POST, "/api/v1/screening/batches", OV_BODY_SMALL, true},
        {OV_POST, "/forloeb/1/plan", OV_BODY_SMALL, true},
        {OV_POST, "/nothing/screening", OV_BODY_SMALL, true},
        {OV_POST, "/api/v1/health", OV_BODY_SMALL, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ov_request req;
        memset(&req, 0, sizeof req);
        req.method = cases[i].m;
        req.path = ov_str_c(cases[i].path);
        bool now = !cases[i].now;
        assert_int_equal(ov_web_body_class(&app, &req, &now), cases[i].cls);
        if (now != cases[i].now)
            fail_msg("%s: answer_now %d", cases[i].path, now);
    }
}

static void post_login(ov_web *app, ov_arena *a, const char *body,
                       ov_response *res)
{
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_POST;
    req.path = OV_STR_LIT("/api/v1/session");
    req.body = ov_str_c(body);
    snprintf(req.remote, sizeof req.remote, "192.0.2.1");
    ov_response_init(res, a, 65536);
    ov_web_handle(app, &req, res);
}

/* A throttled log-in is refused at once with 429 and Retry-After; the
 * password is never evaluated (there is not even a store to read the
 * user from: reaching it would fail). */
static void a_throttled_login_answers_429_without_checking(void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    int64_t now = ov_throttle_now_ms();
    for (int i = 0; i < 3; i++)
        ov_throttle_admit(t, OV_STR_LIT("admin"), OV_STR_LIT(""), now);
    ov_web app = {.store = NULL, .throttle = t};
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    post_login(&app, a, "{\"username\":\"admin\",\"password\":\"x\"}",
               &res);
    assert_int_equal(res.status, 429);
    assert_true(ov_str_eq_c(header(&res, "Retry-After"), "1"));
    assert_non_null(strstr(res.body.data, "\"code\":\"too_many_attempts\""));
    assert_non_null(header(&res, "Content-Security-Policy").ptr);
    /* the HTML form too, with the wait in words */
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_POST;
    req.path = OV_STR_LIT("/login");
    req.body = OV_STR_LIT("username=admin&password=x");
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Content-Type"),
                    OV_STR_LIT("application/x-www-form-urlencoded")};
    ov_response_init(&res, a, 65536);
    ov_web_handle(&app, &req, &res);
    assert_int_equal(res.status, 429);
    assert_true(ov_str_eq_c(header(&res, "Retry-After"), "1"));
    assert_non_null(strstr(res.body.data, "Prøv igen om 1 sekund."));
    ov_arena_destroy(a);
    ov_throttle_free(t);
}

/* As many log-ins in flight as allowed (running and queued for the two
 * password-check threads): 503 with Retry-After, not one more waiting. */
static void a_login_finding_the_log_ins_in_flight_full_answers_503(
    void **state)
{
    (void)state;
    ov_throttle *t = ov_throttle_new(NULL);
    ov_web app = {.store = NULL, .throttle = t};
    int taken = 0;
    while (ov_throttle_inflight_take())
        taken++;
    assert_int_equal(taken, OV_THROTTLE_INFLIGHT);
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    post_login(&app, a, "{\"username\":\"job\",\"password\":\"x\"}", &res);
    assert_int_equal(res.status, 503);
    assert_true(ov_str_eq_c(header(&res, "Retry-After"), "1"));
    assert_non_null(strstr(res.body.data, "\"code\":\"busy\""));
    /* refused before it was counted */
    assert_int_equal(ov_throttle_failures(t, OV_STR_LIT("job"),
                                          ov_throttle_now_ms()),
                     0);
    for (int i = 0; i < taken; i++)
        ov_throttle_inflight_give();
    assert_true(ov_throttle_inflight_take());
    ov_throttle_inflight_give();
    ov_arena_destroy(a);
    ov_throttle_free(t);
}

/* A session for user, made `ago_ms` ago (created and last seen then). */
static void old_session(tu_world *w, int64_t user, ov_time ago_ms,
                        char token[OV_TOKEN_HEX])
{
    char csrf[OV_TOKEN_HEX];
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, user, ov_time_now() - ago_ms,
                                       token, csrf, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static ov_request with_cookie(ov_arena *a, ov_method m, const char *path,
                              const char *token)
{
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = m;
    req.path = ov_str_c(path);
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s", token))};
    return req;
}

/* session_idle_minutes and session_absolute_hours reach the access check:
 * a session last used two hours ago is live with 180 idle minutes, and
 * over with 60, or with an absolute limit of one hour. */
static void the_session_timeouts_come_from_the_settings(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    ov_route closed = {OV_GET, "/x", OV_ACCESS_SESSION, NULL, "test", NULL,
                       OV_SCOPE_SESSION, OV_OP_NONE, NULL,
                       OV_TXK_READ, "test"};
    char t1[OV_TOKEN_HEX], t2[OV_TOKEN_HEX], t3[OV_TOKEN_HEX];
    old_session(&w, w.job, 2 * 3600000, t1);
    old_session(&w, w.job, 2 * 3600000, t2);
    old_session(&w, w.job, 2 * 3600000, t3);
    ov_err err;
    ov_web app = {.store = w.t.store, .idle_minutes = 180,
                  .absolute_hours = 12};
    ov_request req = with_cookie(a, OV_GET, "/x", t1);
    assert_int_equal(authorize(&app, &closed, &req, &err), OV_OK);
    app.idle_minutes = 60;
    req = with_cookie(a, OV_GET, "/x", t2);
    assert_int_equal(authorize(&app, &closed, &req, &err), OV_EPERM);
    assert_non_null(strstr(err.msg, "expired"));
    app.idle_minutes = 180;
    app.absolute_hours = 1;
    req = with_cookie(a, OV_GET, "/x", t3);
    assert_int_equal(authorize(&app, &closed, &req, &err), OV_EPERM);
    assert_non_null(strstr(err.msg, "expired"));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* With a live session the body limit follows the route and the role: the
 * import route gets the large limit only for a role that may import. */
static void the_import_limit_needs_a_role_that_may_import(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    char job[OV_TOKEN_HEX], vk[OV_TOKEN_HEX];
    old_session(&w, w.job, 0, job);
    old_session(&w, w.vk, 0, vk);
    ov_web app = {.store = w.t.store};
    static const struct {
        const char *path;
        ov_body_class job_cls, vk_cls;
    } cases[] = {
        {"/api/v1/screening/batches", OV_BODY_IMPORT, OV_BODY_NORMAL},
        {"/screening", OV_BODY_IMPORT, OV_BODY_NORMAL},
        {"/screening/1/lodtraekning", OV_BODY_NORMAL, OV_BODY_NORMAL},
        {"/forloeb/1/plan", OV_BODY_NORMAL, OV_BODY_NORMAL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool now = true;
        ov_request req = with_cookie(a, OV_POST, cases[i].path, job);
        assert_int_equal(ov_web_body_class(&app, &req, &now),
                         cases[i].job_cls);
        assert_false(now);
        req = with_cookie(a, OV_POST, cases[i].path, vk);
        assert_int_equal(ov_web_body_class(&app, &req, &now),
                         cases[i].vk_cls);
        assert_false(now);
    }
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* The reads of citizen data, the JSON-only routes included, leave their
 * audit rows' sync to the response: the handler commits without waiting
 * and hands the ticket to the response (which the server holds, not a
 * worker thread), so res.audit_ticket is set when ov_web_handle returns
 * under async_audit. A handler that waits in its own thread leaves 0. */
static void reads_hand_their_audit_ticket_to_the_response(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t course = tu_course(&w, ov_today_cph() - 30);
    int64_t citizen_user = 0, employer_user = 0;
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    ov_user_input cu = {OV_STR_LIT("borger"), OV_STR_LIT("Anna"),
                        OV_ROLE_CITIZEN, 250, w.citizen, 0};
    assert_int_equal(ov_org_user_create(tx, &cu, &citizen_user, &err), OV_OK);
    ov_user_input eu = {OV_STR_LIT("arbejdsgiver"), OV_STR_LIT("Lager"),
                        OV_ROLE_EMPLOYER, 250, 0, w.company};
    assert_int_equal(ov_org_user_create(tx, &eu, &employer_user, &err),
                     OV_OK);
    /* a placement at the employer's company (after the start meeting),
     * for its agreements list */
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {
        .kind = OV_MEETING_START,
        .held_on = ov_today_cph() - 20,
        .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                     OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                     OV_ATTEND(OV_ROLE_CTI_WORKER) |
                     OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)};
    int64_t meeting = 0;
    bool complete = false;
    assert_int_equal(ov_meeting_record(tx, course, &in, &d, ov_today_cph(),
                                       &meeting, &complete, &err),
                     OV_OK);
    ov_placement p = {OV_PLACE_INTERNSHIP, w.company, ov_today_cph() - 10,
                      false, 0, 150};
    int64_t placement = 0;
    assert_int_equal(ov_placement_create(tx, course, &p, &placement, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    char job[OV_TOKEN_HEX], leader[OV_TOKEN_HEX], cit[OV_TOKEN_HEX],
        emp[OV_TOKEN_HEX];
    old_session(&w, w.job, 0, job);
    old_session(&w, w.leader, 0, leader);
    old_session(&w, citizen_user, 0, cit);
    old_session(&w, employer_user, 0, emp);
    const char *case_path =
        ov_arena_printf(a, "/api/v1/cases/%lld", (long long)course);
    const struct {
        const char *path;
        const char *token;
    } reads[] = {
        {"/api/v1/cases", job},      {case_path, job},
        {"/api/v1/tasks", job},      {"/opgaver", job},
        {"/forloeb", job},           {"/api/v1/me/access-log", cit},
        {"/min-adgangslog", cit},    {"/revision", leader},
        {"/api/v1/me/agreements", emp},
    };
    ov_web app = {.store = w.t.store, .async_audit = true};
    for (size_t i = 0; i < sizeof reads / sizeof reads[0]; i++) {
        ov_request req = with_cookie(a, OV_GET, reads[i].path, reads[i].token);
        ov_response res;
        ov_response_init(&res, a, 1 << 20);
        ov_web_handle(&app, &req, &res);
        if (res.status != 200 || res.audit_ticket == 0)
            fail_msg("%s: status %d, audit ticket %llu", reads[i].path,
                     res.status, (unsigned long long)res.audit_ticket);
        assert_int_equal(
            ov_store_audit_wait(w.t.store, res.audit_ticket, &err), OV_OK);
    }
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(health_answers_ok_without_a_session),
        cmocka_unit_test(every_response_carries_the_security_headers),
        cmocka_unit_test(unknown_paths_and_methods_get_json_errors),
        cmocka_unit_test(route_patterns_capture_their_parameters),
        cmocka_unit_test(the_access_check_denies_by_default),
        cmocka_unit_test(every_route_declares_its_scope_and_operation),
        cmocka_unit_test(every_operation_is_needed_by_some_route),
        cmocka_unit_test(errors_map_to_http_status_codes),
        cmocka_unit_test(the_openapi_document_and_the_routes_agree),
        cmocka_unit_test(location_is_percent_encoded),
        cmocka_unit_test(bodies_before_authentication_stay_small),
        cmocka_unit_test(a_throttled_login_answers_429_without_checking),
        cmocka_unit_test(
            a_login_finding_the_log_ins_in_flight_full_answers_503),
        cmocka_unit_test(the_session_timeouts_come_from_the_settings),
        cmocka_unit_test(the_import_limit_needs_a_role_that_may_import),
        cmocka_unit_test(reads_hand_their_audit_ticket_to_the_response),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
