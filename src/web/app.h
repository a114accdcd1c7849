/*
 * app.h - the web application: the route table (routes.c), the one access
 * check every route passes and dispatch (dispatch.c), log-in and log-out
 * (app.c), the OpenAPI document (openapi.c). Handlers are thin: check
 * access, call the model and store, render.
 */
#ifndef OV_WEB_APP_H
#define OV_WEB_APP_H

#include "store/store.h"
#include "web/http.h"

struct ov_throttle;

/* The session cookie's name. */
#define OV_SESSION_COOKIE "ov_session"

typedef struct ov_web {
    ov_store *store;
    /* log-in throttling (web/throttle.h); NULL: the process's table */
    struct ov_throttle *throttle;
    bool cookie_secure;     /* add Secure to the cookie (behind TLS) */
    int idle_minutes;       /* 0 = 30 */
    int absolute_hours;     /* 0 = 12 */
    /* The server holds each response until its audit ticket is on disk
     * (suspending the connection, not the thread); without it,
     * ov_web_handle waits before it returns. */
    bool async_audit;
    /* The server runs a response's later work (ov_response.later) on its
     * log-in threads; without it, ov_web_handle runs it at once. */
    bool async_later;
    /* national figures: hide cells built on fewer than this many
     * citizens (the setting suppress_k); 0 = 5 */
    int suppress_k;
    /* the accessibility statement's contact for feedback (the setting
     * a11y_contact, web/ui_a11y.c); NULL or "": none set */
    const char *a11y_contact;
} ov_web;

typedef enum ov_access {
    OV_ACCESS_PUBLIC = 0,  /* anyone, no session (health, log-in) */
    OV_ACCESS_SESSION,     /* a logged-in user; finer rules per record */
    OV_ACCESS_CALENDAR_TOKEN /* no session: the secret token in the query
                              * (?t=) names the user (store/calendar.h);
                              * unknown answers 404, guesses are throttled
                              * by client address */
} ov_access;

typedef void (*ov_handler)(ov_web *app, ov_request *req, ov_response *res);

/* What a route (or an action, web/ui.h) is about: what its {id} names,
 * and so how dispatch finds the course or municipality to check. */
typedef enum ov_scope {
    OV_SCOPE_COURSE = 0,   /* {id} is a course */
    OV_SCOPE_PLACEMENT,    /* {id} is a placement (its course is checked) */
    OV_SCOPE_PROPOSAL,     /* {id} is a match proposal */
    OV_SCOPE_MUNICIPALITY, /* the caller's municipality (an action's {id},
                            * a company or a candidate list, is checked by
                            * its `check`) */
    OV_SCOPE_BATCH,        /* {id} is a candidate list of the caller's
                            * municipality (checked by the page) */
    OV_SCOPE_SCENARIO,     /* {id} is a saved economics scenario of the
                            * caller's municipality, or the nation's for
                            * the national analyst (checked by the
                            * handler through the store) */
    OV_SCOPE_SELF,         /* the caller's own records: tasks, courses,
                            * their access log, their work agreements */
    OV_SCOPE_SESSION,      /* any logged-in caller; no data */
    OV_SCOPE_PUBLIC        /* anyone, no session */
} ov_scope;

struct ov_ctx;
/* A handler that gets the request's context from dispatch, with its {id}
 * parsed, its access checked and, for a course, its transaction open
 * (ui.h: ov_ctx_take_tx). */
typedef void (*ov_page_fn)(struct ov_ctx *c);

/* Replace a response whose audit rows could not be written with 503. */
void ov_web_audit_failed(ov_request *req, ov_response *res,
                         const ov_err *err);

struct ov_web_action;

/* A route declares who may call it: its scope and the operation
 * (model/access.h) it needs. Dispatch checks both before the handler
 * runs (routes.c says which routes have which; an action route takes its
 * action's). */
typedef struct ov_route {
    ov_method method;
    const char *pattern;   /* "/api/v1/cases/{id}" */
    ov_access access;
    ov_handler handler;    /* NULL for an action route or a page */
    const char *summary;
    /* An action route (web/ui.h): GET shows its form, POST performs it. */
    const struct ov_web_action *action;
    ov_scope scope;        /* for action routes: the action's */
    int op;                /* ov_op; OV_OP_NONE for public and session
                            * scopes; for action routes: the action's */
    ov_page_fn page;       /* instead of handler: gets the context */
    /* The request's one transaction (store.h ov_tx_kind): dispatch opens
     * it, looks the session up and checks access in it, and hands it to
     * the handler (web/ui.h ov_ctx_take_tx). NONE only for public routes. */
    ov_tx_kind tx;
    /* The audit purpose of what the route reads or writes ("mine
     * opgaver"); a route about one course names the course instead, an
     * action its name. */
    const char *purpose;
} ov_route;

/* The scope and operation a route needs (an action route's are its
 * action's). */
ov_scope ov_route_scope(const ov_route *r);
int ov_route_op(const ov_route *r);

/* The route table (for dispatch, the OpenAPI document and the access
 * matrix test). */
extern const ov_route ov_routes[];
extern const int ov_nroutes;

/* Match a path against a pattern; {name} segments are captured into
 * req->params. */
bool ov_route_match(const char *pattern, ov_str path, ov_request *req);

/* The one access check, in the request's transaction tx (NULL: none
 * could be opened): deny by default. A public route passes; any other
 * needs a live session (looked up in tx; an expired one is ended) and,
 * to change state, its CSRF token. OV_OK fills the request's session
 * fields; otherwise the error to answer with (OV_EPERM: 401 or the
 * log-in). */
ov_status ov_web_authorize(ov_web *app, const ov_route *route,
                           ov_request *req, ov_tx *tx, ov_err *err);

/* The OpenAPI 3 document of the route table (served at
 * /api/v1/openapi.json). */
ov_str ov_openapi_json(ov_arena *a);

/* How a log-in attempt ended. */
typedef enum ov_login_outcome {
    OV_LOGIN_OK = 0,
    OV_LOGIN_WRONG,     /* wrong user name or password (401) */
    OV_LOGIN_THROTTLED, /* too many failures: refused unchecked (429) */
    OV_LOGIN_BUSY,      /* too many log-ins in flight: refused (503) */
    OV_LOGIN_ERROR,     /* the store failed: err says why */
    OV_LOGIN_PENDING    /* admitted: the check runs later, then done */
} ov_login_outcome;

/* The end of a log-in: render the answer. token and csrf (64 hex digits)
 * only for OV_LOGIN_OK; retry_after (seconds) for THROTTLED and BUSY. */
typedef void (*ov_login_done)(ov_web *app, ov_request *req, ov_response *res,
                              ov_login_outcome out, int retry_after,
                              const char *token, const char *csrf,
                              const ov_err *err, void *ctx);

/* Start a log-in without ever waiting: refuse at once when the account or
 * the client address (req->remote; "" is not counted) is throttled
 * (THROTTLED) or too many log-ins are in flight (BUSY), with the seconds
 * to wait in *retry_after, and render nothing. Otherwise the attempt is
 * counted and the password check (Argon2id) and the session are left to
 * res->later (PENDING), which calls done with the outcome; the server runs
 * it on its log-in threads, so a worker never waits for a check. user and
 * password are copied; ctx must live in the request's arena. */
ov_login_outcome ov_web_login_start(ov_web *app, ov_request *req,
                                    ov_response *res, ov_str user,
                                    ov_str password, ov_login_done done,
                                    void *ctx, int *retry_after);
/* Give a refused log-in its status (429, or 503 when busy) and the
 * Retry-After header; the caller writes the body. */
void ov_web_login_refused(ov_response *res, ov_login_outcome why,
                          int retry_after);
/* End the caller's session in the request's write transaction (takes and
 * commits it). */
ov_status ov_web_logout(struct ov_ctx *c, ov_err *err);
void ov_web_set_session_cookie(ov_web *app, ov_request *req,
                               ov_response *res, const char *token);

/* How much of a request's body the server may buffer, decided from the
 * method, path and headers alone, before any of the body is read:
 * SMALL for public routes (the log-in), for requests whose access check
 * fails whatever the body (no live session) and for unknown routes;
 * IMPORT only for the candidate-list import route with a session whose
 * role may import; NORMAL for other requests with a live session.
 * *answer_now: the answer does not depend on the body (401, 404, 405),
 * so the server answers at once and reads none of it. Takes one read of
 * the session table of its own (the request's transaction opens only
 * once the body is in, and looks the session up again: it may end while
 * the body arrives); never writes. */
typedef enum ov_body_class {
    OV_BODY_SMALL = 0, /* OV_HTTP_ANON_MAX */
    OV_BODY_NORMAL,    /* the server's body limit (1 MiB) */
    OV_BODY_IMPORT     /* OV_HTTP_IMPORT_MAX */
} ov_body_class;
ov_body_class ov_web_body_class(ov_web *app, ov_request *req,
                                bool *answer_now);

/* Route, authorize, handle; always fills res (404, 405, 401 included) and
 * adds the security headers. */
void ov_web_handle(ov_web *app, ov_request *req, ov_response *res);

#endif
