/*
 * app.c - log-in, log-out and the session cookie: the asynchronous
 * password check (web/throttle.h decides who may try) and the API's
 * session routes. The route table is in routes.c, matching, the access
 * check and dispatch in dispatch.c, the OpenAPI document in openapi.c.
 */
#include "web/app.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/crypto.h"
#include "core/log.h"
#include "store/session.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/msg.h"
#include "web/throttle.h"


/* A hash of a random password, verified against for unknown users. */
static pthread_once_t g_dummy_once = PTHREAD_ONCE_INIT;
static char g_dummy[OV_PWHASH_MAX];

static void make_dummy(void)
{
    uint8_t r[16];
    char pw[33];
    ov_random_bytes(r, sizeof r);
    ov_hex_encode(r, sizeof r, pw);
    if (ov_password_hash(pw, g_dummy, NULL) != OV_OK)
        g_dummy[0] = '\0';
}

/* ---- JSON helpers ---- */

ov_str ov_json_dump(json_t *j, ov_arena *a)
{
    char *t = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    ov_str out = ov_str_c(ov_arena_strdup(a, t ? t : "{}"));
    free(t);
    return out;
}

/* Parse a JSON object body that may hold exactly the listed string fields,
 * each at most `max` bytes. */
static ov_status json_strings(ov_str body, const char *const *names, int n,
                              size_t max, const char **out, ov_arena *a,
                              ov_err *err)
{
    json_error_t je;
    json_t *j = json_loadb(body.ptr ? body.ptr : "", body.len,
                           JSON_REJECT_DUPLICATES, &je);
    if (!j)
        return ov_err_msg(err, OV_EINVAL, "body", api_body_not_json, je.line,
                          je.text);
    ov_status st = OV_OK;
    if (!json_is_object(j))
        st = ov_err_msg(err, OV_EINVAL, "body", api_body_not_object);
    const char *key;
    json_t *v;
    if (st == OV_OK)
        json_object_foreach(j, key, v) {
            int k = 0;
            while (k < n && strcmp(key, names[k]) != 0)
                k++;
            if (k == n) {
                st = ov_err_msg(err, OV_EINVAL, "body", api_body_unknown_field,
                                ov_arg_strn(key, 40));
                break;
            }
            if (!json_is_string(v)) {
                st = ov_err_msg(err, OV_EINVAL, names[k],
                                json_field_not_string, names[k]);
                break;
            }
            if (json_string_length(v) > max) {
                st = ov_err_msg(err, OV_EINVAL, names[k], api_field_too_long,
                                names[k], max);
                break;
            }
            out[k] = ov_arena_strdup(a, json_string_value(v));
        }
    for (int k = 0; st == OV_OK && k < n; k++)
        if (!out[k])
            st = ov_err_msg(err, OV_EINVAL, names[k], json_field_missing,
                            names[k]);
    json_decref(j);
    return st;
}

/* ---- handlers ---- */

/* A log-in admitted by ov_web_login_start, in the request's arena. */
typedef struct login_job {
    ov_web *app;
    ov_request *req;
    ov_response *res;
    ov_str user;
    const char *password;
    ov_login_done done;
    void *ctx;
} login_job;

/* The later half of a log-in, on a log-in thread (or at once without the
 * server): read the user, check the password (even for unknown users, so
 * timing does not tell them apart), record the outcome with the throttle,
 * create the session, and let done render. */
static void login_run(void *arg)
{
    login_job *j = arg;
    ov_web *app = j->app;
    ov_throttle *t = app->throttle ? app->throttle : ov_throttle_default();
    ov_str addr = ov_str_c(j->req->remote);
    int shown = (int)(j->user.len > 64 ? 64 : j->user.len);
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    ov_viewer viewer;
    char hash[OV_PWHASH_MAX] = "";
    bool found = false;
    if (ov_tx_begin_read(app->store, &tx, &err) == OV_OK) {
        found = ov_session_user(tx, j->user, &viewer, hash, &err) == OV_OK;
        ov_tx_rollback(tx);
    }
    pthread_once(&g_dummy_once, make_dummy);
    bool ok = ov_password_verify(found ? hash : g_dummy, j->password) &&
              found;
    ov_throttle_inflight_give();
    int64_t now = ov_throttle_now_ms();
    if (!ok) {
        ov_throttle_failed(t, j->user, addr, now);
        ov_log_warn("failed log-in for user '%.*s' from %s (%d counted)",
                    shown, j->user.ptr, addr.len ? addr.ptr : "-",
                    ov_throttle_failures(t, j->user, now));
        ov_err_msg(&err, OV_EPERM, NULL, login_wrong);
        j->done(app, j->req, j->res, OV_LOGIN_WRONG, 0, NULL, NULL, &err,
                j->ctx);
        return;
    }
    ov_throttle_succeeded(t, j->user, addr, now);
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    ov_err_clear(&err);
    ov_actor actor = {"web", OV_ROLE_SYSTEM, "log-in"};
    ov_status st = ov_tx_begin(app->store, &actor, &tx, &err);
    if (st == OV_OK) {
        ov_session_create(tx, viewer.user_id, ov_time_now(), token, csrf,
                          &err);
        st = ov_tx_commit(tx, &err);
    }
    j->done(app, j->req, j->res, st == OV_OK ? OV_LOGIN_OK : OV_LOGIN_ERROR,
            0, token, csrf, &err, j->ctx);
}

/* Order: the cheap check (counts nothing), a place among the log-ins in
 * flight, then admit (which counts the attempt, atomically with its
 * check, so parallel attempts cannot pass the limit together). See
 * web/throttle.h. */
ov_login_outcome ov_web_login_start(ov_web *app, ov_request *req,
                                    ov_response *res, ov_str user,
                                    ov_str password, ov_login_done done,
                                    void *ctx, int *retry_after)
{
    *retry_after = 0;
    ov_throttle *t = app->throttle ? app->throttle : ov_throttle_default();
    ov_str addr = ov_str_c(req->remote);
    int shown = (int)(user.len > 64 ? 64 : user.len);
    int64_t now = ov_throttle_now_ms();
    int wait = ov_throttle_check(t, user, addr, now);
    if (wait == 0 && !ov_throttle_inflight_take()) {
        *retry_after = 1;
        ov_log_debug("log-in for user '%.*s' refused: too many log-ins in "
                     "flight", shown, user.ptr);
        return OV_LOGIN_BUSY;
    }
    if (wait == 0) {
        wait = ov_throttle_admit(t, user, addr, now);
        if (wait)
            ov_throttle_inflight_give();
    }
    if (wait) {
        /* debug: refusals cost nothing and an attack makes many */
        *retry_after = wait;
        ov_log_debug("log-in for user '%.*s' from %s refused for %d s",
                     shown, user.ptr, addr.len ? addr.ptr : "-", wait);
        return OV_LOGIN_THROTTLED;
    }
    login_job *j = OV_NEW(req->arena, login_job);
    *j = (login_job){app, req, res, ov_str_c(ov_str_dup0(req->arena, user)),
                     ov_str_dup0(req->arena, password), done, ctx};
    res->later = login_run;
    res->later_ctx = j;
    return OV_LOGIN_PENDING;
}

void ov_web_login_refused(ov_response *res, ov_login_outcome why,
                          int retry_after)
{
    char secs[16];
    snprintf(secs, sizeof secs, "%d", retry_after > 0 ? retry_after : 1);
    /* the value must outlive this call: the arena has the body's */
    ov_response_header(res, "Retry-After",
                       res->body.arena ? ov_arena_strdup(res->body.arena, secs)
                                       : "1");
    if (why == OV_LOGIN_BUSY) {
        res->status = 503;
        return;
    }
    res->status = 429;
}

void ov_web_set_session_cookie(ov_web *app, ov_request *req,
                               ov_response *res, const char *token)
{
    char *cookie = ov_arena_printf(req->arena,
                                   OV_SESSION_COOKIE "=%s; Path=/; HttpOnly; "
                                   "SameSite=Strict%s",
                                   token, app->cookie_secure ? "; Secure" : "");
    ov_response_header(res, "Set-Cookie", cookie);
}

ov_status ov_web_logout(ov_ctx *c, ov_err *err)
{
    ov_err_clear(err);
    ov_tx *tx;
    ov_status st = ov_ctx_take_tx(c, &tx, err);
    if (st != OV_OK)
        return st;
    if (ov_session_delete(tx, c->req->token, err) != OV_OK) {
        ov_tx_rollback(tx);
        return err->code;
    }
    return ov_tx_commit(tx, err);
}

/* The API's log-in answer: the CSRF token and the cookie, or the error. */
static void api_login_done(ov_web *app, ov_request *req, ov_response *res,
                           ov_login_outcome out, int wait, const char *token,
                           const char *csrf, const ov_err *err, void *ctx)
{
    (void)ctx;
    if (out == OV_LOGIN_THROTTLED || out == OV_LOGIN_BUSY) {
        char msg[160];
        if (out == OV_LOGIN_THROTTLED)
            snprintf(msg, sizeof msg,
                     "too many failed log-ins for this user name or from "
                     "this address; wait %d seconds (Retry-After) and try "
                     "again",
                     wait);
        else
            snprintf(msg, sizeof msg,
                     "the server is checking other passwords right now; "
                     "try again in %d second (Retry-After)",
                     wait);
        ov_response_error_status(res, out == OV_LOGIN_BUSY ? 503 : 429,
                                 out == OV_LOGIN_BUSY ? "busy"
                                                      : "too_many_attempts",
                                 msg);
        ov_web_login_refused(res, out, wait);
        return;
    }
    if (out == OV_LOGIN_WRONG) {
        ov_response_error_status(res, 401, "unauthorized",
                                 "wrong user name or password");
        return;
    }
    if (out != OV_LOGIN_OK) {
        ov_response_error(res, err);
        return;
    }
    ov_web_set_session_cookie(app, req, res, token);
    ov_response_json(res, 200,
                     ov_json_dump(json_pack("{s:s}", "csrf_token", csrf), req->arena));
}

void ov_h_api_login(ov_web *app, ov_request *req, ov_response *res)
{
    static const char *const names[] = {"username", "password"};
    const char *v[2] = {NULL, NULL};
    ov_err err;
    ov_err_clear(&err);
    if (json_strings(req->body, names, 2, 256, v, req->arena, &err) !=
        OV_OK) {
        ov_response_error(res, &err);
        return;
    }
    int wait = 0;
    ov_login_outcome out =
        ov_web_login_start(app, req, res, ov_str_c(v[0]), ov_str_c(v[1]),
                           api_login_done, NULL, &wait);
    if (out != OV_LOGIN_PENDING)
        api_login_done(app, req, res, out, wait, NULL, NULL, &err, NULL);
}

void ov_h_api_logout(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    if (ov_web_logout(&c, &err) != OV_OK) {
        ov_response_error(res, &err);
        return;
    }
    ov_response_header(res, "Set-Cookie",
                       OV_SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; "
                              "Max-Age=0");
    ov_response_json(res, 200, OV_STR_LIT("{\"status\":\"logged_out\"}"));
}
