#include "web/app.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/crypto.h"
#include "core/log.h"
#include "store/audit.h"
#include "store/course.h"
#include "store/session.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/msg.h"
#include "web/throttle.h"

#define COOKIE "ov_session"
#define TOUCH_AFTER_MS 60000

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

static ov_str dump(json_t *j, ov_arena *a)
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
        return ov_err_set(err, OV_EINVAL, "body",
                          "the body is not valid JSON (line %d: %s)", je.line,
                          je.text);
    ov_status st = OV_OK;
    if (!json_is_object(j))
        st = ov_err_set(err, OV_EINVAL, "body", "send a JSON object");
    const char *key;
    json_t *v;
    if (st == OV_OK)
        json_object_foreach(j, key, v) {
            int k = 0;
            while (k < n && strcmp(key, names[k]) != 0)
                k++;
            if (k == n) {
                st = ov_err_set(err, OV_EINVAL, "body",
                                "unknown field '%.40s'", key);
                break;
            }
            if (!json_is_string(v)) {
                st = ov_err_set(err, OV_EINVAL, names[k],
                                "%s: expected a string", names[k]);
                break;
            }
            if (json_string_length(v) > max) {
                st = ov_err_set(err, OV_EINVAL, names[k],
                                "%s: longer than %zu bytes", names[k], max);
                break;
            }
            out[k] = ov_arena_strdup(a, json_string_value(v));
        }
    for (int k = 0; st == OV_OK && k < n; k++)
        if (!out[k])
            st = ov_err_set(err, OV_EINVAL, names[k], "%s: missing",
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
        ov_err_set(&err, OV_EPERM, NULL, "wrong user name or password");
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
                                   COOKIE "=%s; Path=/; HttpOnly; "
                                   "SameSite=Strict%s",
                                   token, app->cookie_secure ? "; Secure" : "");
    ov_response_header(res, "Set-Cookie", cookie);
}

ov_status ov_web_logout(ov_web *app, ov_str token, ov_err *err)
{
    ov_err_clear(err);
    ov_tx *tx;
    ov_actor actor = {"web", OV_ROLE_SYSTEM, "log-out"};
    ov_status st = ov_tx_begin(app->store, &actor, &tx, err);
    if (st == OV_OK) {
        ov_session_delete(tx, token, err);
        st = ov_tx_commit(tx, err);
    }
    return st;
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
                     dump(json_pack("{s:s}", "csrf_token", csrf), req->arena));
}

static void h_login(ov_web *app, ov_request *req, ov_response *res)
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

static void h_logout(ov_web *app, ov_request *req, ov_response *res)
{
    ov_err err;
    if (ov_web_logout(app, req->token, &err) != OV_OK) {
        ov_response_error(res, &err);
        return;
    }
    ov_response_header(res, "Set-Cookie",
                       COOKIE "=; Path=/; HttpOnly; SameSite=Strict; "
                              "Max-Age=0");
    ov_response_json(res, 200, OV_STR_LIT("{\"status\":\"logged_out\"}"));
}

static ov_actor actor_of(ov_request *req, const char *purpose)
{
    return (ov_actor){req->username, req->viewer.role, purpose};
}

static void h_cases(ov_web *app, ov_request *req, ov_response *res)
{
    ov_err err;
    ov_tx *tx;
    ov_actor actor = actor_of(req, "sagsliste");
    ov_case_item *items = NULL;
    int n = 0;
    ov_status st = ov_tx_begin_audited(app->store, &actor, &tx, &err);
    if (st == OV_OK) {
        ov_course_list_visible(tx, &req->viewer, req->arena, &items, &n,
                               &err);
        st = ov_tx_commit(tx, &err);
    }
    if (st != OV_OK) {
        ov_response_error(res, &err);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(
            arr, json_pack("{s:I,s:s%,s:s}", "id", (json_int_t)items[i].id,
                           "citizen_name", items[i].citizen_name.ptr,
                           items[i].citizen_name.len, "stage",
                           ov_stage_code(items[i].stage)));
    ov_response_json(res, 200,
                     dump(json_pack("{s:o}", "cases", arr), req->arena));
}

/* The citizen's own access log: dates (Copenhagen time), the role, what
 * was done and why. */
static void h_access_log(ov_web *app, ov_request *req, ov_response *res)
{
    if (req->viewer.role != OV_ROLE_CITIZEN || !req->viewer.citizen_id) {
        ov_response_error_status(res, 403, "forbidden",
                                 "only a citizen has an own access log");
        return;
    }
    ov_err err;
    ov_err_clear(&err);
    ov_actor actor = actor_of(req, "egen adgangslog");
    enum { CAP = 1000 };
    ov_access_entry *rows = OV_NEW_N(req->arena, ov_access_entry, CAP);
    int n = 0;
    ov_tx *tx;
    ov_status st = ov_tx_begin_audit_log(app->store, &actor, &tx, &err);
    if (st == OV_OK) {
        ov_audit_citizen_log(tx, req->viewer.citizen_id, req->arena, rows,
                             CAP, &n, &err);
        st = ov_tx_commit(tx, &err);
    }
    if (st != OV_OK) {
        ov_response_error(res, &err);
        return;
    }
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        char when[OV_TIME_BUF];
        ov_time_format_dk(rows[i].at, when);
        json_array_append_new(
            arr, json_pack("{s:s,s:s,s:s,s:s%}", "when", when, "role",
                           ov_role_label_da(rows[i].role), "action",
                           ov_action_code(rows[i].action), "purpose",
                           rows[i].purpose.ptr, rows[i].purpose.len));
    }
    ov_response_json(res, 200,
                     dump(json_pack("{s:o}", "access_log", arr), req->arena));
}

static void h_case(ov_web *app, ov_request *req, ov_response *res)
{
    ov_err err;
    ov_err_clear(&err);
    int64_t id;
    if (ov_str_to_i64(req->params[0], &id) != OV_OK || id <= 0) {
        ov_response_error_status(res, 404, "not_found",
                                 "no course with that id that you may see");
        return;
    }
    char purpose[48];
    snprintf(purpose, sizeof purpose, "forløb %lld", (long long)id);
    ov_actor actor = actor_of(req, purpose);
    ov_tx *tx;
    ov_course c;
    ov_status st = ov_tx_begin_audited(app->store, &actor, &tx, &err);
    if (st == OV_OK) {
        if (ov_course_check_visible(tx, &req->viewer, id, &err) == OV_OK)
            ov_course_get(tx, id, req->arena, &c, &err);
        if (err.code != OV_OK) {
            ov_tx_rollback(tx);
            st = err.code;
        } else {
            st = ov_tx_commit(tx, &err);
        }
    }
    if (st != OV_OK) {
        ov_response_error(res, &err);
        return;
    }
    char started[OV_DATE_BUF], ended[OV_DATE_BUF] = "";
    ov_date_format_iso(c.started_on, started);
    if (c.ended)
        ov_date_format_iso(c.ended_on, ended);
    json_t *staff = json_array();
    for (int i = 0; i < c.nstaff; i++)
        json_array_append_new(
            staff, json_pack("{s:s,s:I,s:s%}", "role",
                             ov_role_code(c.staff[i].role), "user_id",
                             (json_int_t)c.staff[i].user_id, "name",
                             c.staff[i].full_name.ptr,
                             c.staff[i].full_name.len));
    json_t *j = json_pack("{s:I,s:I,s:i,s:I,s:s,s:s,s:s,s:o}", "id",
                          (json_int_t)c.id, "citizen_id",
                          (json_int_t)c.citizen_id, "municipality_code",
                          c.municipality_code, "team_id",
                          (json_int_t)c.team_id, "stage",
                          ov_stage_code(c.stage), "started_on", started,
                          "ended_on", ended, "staff", staff);
    ov_response_json(res, 200, dump(j, req->arena));
}

static void h_health(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    (void)req;
    ov_response_json(res, 200, OV_STR_LIT("{\"status\":\"ok\"}"));
}

static const char *const method_names[] = {"get", "post", "put", "delete",
                                           "other"};

/* The JSON schema of one field. */
static json_t *field_schema(const ov_field *fd)
{
    switch (fd->type) {
    case OV_F_INT:
    case OV_F_HIDDEN: {
        json_t *s = json_pack("{s:s}", "type", "integer");
        if (fd->min || fd->max_i) {
            json_object_set_new(s, "minimum", json_integer(fd->min));
            json_object_set_new(s, "maximum", json_integer(fd->max_i));
        }
        return s;
    }
    case OV_F_BOOL: return json_pack("{s:s}", "type", "boolean");
    case OV_F_DATE:
        return json_pack("{s:s,s:s}", "type", "string", "format", "date");
    case OV_F_HOURS:
        return json_pack("{s:[s,s],s:s}", "type", "number", "string",
                         "description", "hours 0-60, one decimal");
    case OV_F_JSON: return json_pack("{s:s}", "type", "object");
    case OV_F_CHOICE:
    case OV_F_CHOICES: {
        json_t *en = json_array();
        for (int i = 0; i < fd->noptions; i++)
            if (fd->option(i))
                json_array_append_new(en, json_string(fd->option(i)));
        json_t *s = json_pack("{s:s,s:o}", "type", "string", "enum", en);
        if (fd->type == OV_F_CHOICES)
            return json_pack("{s:s,s:o}", "type", "array", "items", s);
        return s;
    }
    case OV_F_TEXT:
    case OV_F_TEXTAREA:
    case OV_F_FILE: break;
    }
    json_t *s = json_pack("{s:s}", "type", "string");
    if (fd->max)
        json_object_set_new(s, "maxLength", json_integer((json_int_t)fd->max));
    return s;
}

/* The request body of an action: its fields; nested fields ("goals.*.x")
 * are listed by their dotted names in the description of their top-level
 * property. Unknown fields are refused. */
static json_t *action_body(const ov_web_action *act)
{
    json_t *props = json_object(), *req = json_array();
    for (int k = 0; k < act->nspec; k++) {
        const ov_field *fd = &act->spec[k];
        const char *dot = strchr(fd->name, '.');
        const char *star = strchr(fd->name, '*');
        if (!dot && !star) {
            json_object_set_new(props, fd->name, field_schema(fd));
            if (fd->required)
                json_array_append_new(req, json_string(fd->name));
            continue;
        }
        char top[64];
        size_t n = (size_t)((dot ? dot : star) - fd->name);
        snprintf(top, sizeof top, "%.*s", (int)n, fd->name);
        json_t *p = json_object_get(props, top);
        if (!p) {
            p = json_pack("{s:[s,s],s:s}", "type", "object", "array",
                          "description", "nested fields:");
            json_object_set_new(props, top, p);
        }
        const char *d = json_string_value(json_object_get(p, "description"));
        char *nd = NULL;
        size_t L = strlen(d) + strlen(fd->name) + 2;
        nd = malloc(L);
        if (nd) {
            snprintf(nd, L, "%s %s", d, fd->name);
            json_object_set_new(p, "description", json_string(nd));
            free(nd);
        }
    }
    json_t *schema = json_pack("{s:s,s:o,s:b}", "type", "object",
                               "properties", props, "additionalProperties", 0);
    if (json_array_size(req))
        json_object_set_new(schema, "required", req);
    else
        json_decref(req);
    return json_pack("{s:b,s:{s:{s:o}}}", "required", 1, "content",
                     "application/json", "schema", schema);
}

ov_str ov_openapi_json(ov_arena *a)
{
    json_t *paths = json_object();
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        /* the API; the HTML pages are documented in the manual */
        if (strncmp(r->pattern, "/api/", 5) != 0)
            continue;
        json_t *item = json_object_get(paths, r->pattern);
        if (!item) {
            item = json_object();
            json_object_set_new(paths, r->pattern, item);
        }
        json_t *op = json_pack("{s:s,s:{s:{s:s},s:{s:s}}}", "summary",
                               r->summary, "responses", "200", "description",
                               "ok", "default", "description",
                               "{\"error\": {\"code\", \"message\"}}");
        if (r->access == OV_ACCESS_SESSION)
            json_object_set_new(op, "security",
                                json_pack("[{s:[]}]", "session"));
        else
            json_object_set_new(op, "security", json_array());
        if (strchr(r->pattern, '{'))
            json_object_set_new(
                op, "parameters",
                json_pack("[{s:s,s:s,s:b,s:{s:s}}]", "name", "id", "in",
                          "path", "required", 1, "schema", "type",
                          "integer"));
        if (r->action && r->method == OV_POST)
            json_object_set_new(op, "requestBody", action_body(r->action));
        json_object_set_new(item, method_names[r->method], op);
    }
    json_t *doc = json_pack(
        "{s:s,s:{s:s,s:s},s:o,s:{s:{s:{s:s,s:s,s:s}}}}", "openapi", "3.0.3",
        "info", "title", "overgang", "version", OV_VERSION, "paths", paths,
        "components", "securitySchemes", "session", "type", "apiKey", "in",
        "cookie", "name", COOKIE);
    return dump(doc, a);
}

static void h_openapi(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    ov_response_json(res, 200, ov_openapi_json(req->arena));
}

#define PAGE(m, p, h, sum) {m, p, OV_ACCESS_SESSION, h, sum, NULL}
#define ACTION(m, p, act, sum) {m, p, OV_ACCESS_SESSION, NULL, sum, &act}

const ov_route ov_routes[] = {
    /* ---- JSON API ---- */
    {OV_GET, "/api/v1/health", OV_ACCESS_PUBLIC, h_health,
     "liveness: answers {\"status\": \"ok\"} without a log-in", NULL},
    {OV_POST, "/api/v1/session", OV_ACCESS_PUBLIC, h_login,
     "log in with {\"username\", \"password\"}; sets the session cookie "
     "and answers the CSRF token", NULL},
    PAGE(OV_DELETE, "/api/v1/session", h_logout,
         "log out: ends the session on the server"),
    PAGE(OV_GET, "/api/v1/cases", h_cases, "the courses the caller may see"),
    PAGE(OV_GET, "/api/v1/cases/{id}", h_case,
         "one course, or 404 when the caller may not see it"),
    PAGE(OV_GET, "/api/v1/me/access-log", h_access_log,
         "the citizen's own access log: when, by which role, what and why"),
    PAGE(OV_GET, "/api/v1/openapi.json", h_openapi,
         "this API as an OpenAPI 3 document"),
    PAGE(OV_GET, "/api/v1/tasks", ov_h_tasks,
         "what is due in the next 14 days on the caller's courses"),
    ACTION(OV_POST, "/api/v1/cases/{id}/team", ov_act_team,
           "name the staff around the citizen: {role: user_id}"),
    ACTION(OV_POST, "/api/v1/cases/{id}/start-meeting", ov_act_start_meeting,
           "record the start meeting with attendees and the holistic "
           "assessment"),
    ACTION(OV_POST, "/api/v1/cases/{id}/followups", ov_act_followup,
           "record a follow-up meeting"),
    ACTION(OV_POST, "/api/v1/cases/{id}/end", ov_act_end,
           "end the course with a reason and a date"),
    PAGE(OV_GET, "/api/v1/cases/{id}/plan", ov_h_plan,
         "the plan (?v=N for an older version) as canonical JSON"),
    ACTION(OV_POST, "/api/v1/cases/{id}/plan", ov_act_plan,
           "save a new plan version from base_version (409 when stale)"),
    PAGE(OV_GET, "/api/v1/cases/{id}/match-suggestions", ov_h_match,
         "ranked openings with explanations for a profile given in the "
         "query"),
    ACTION(OV_POST, "/api/v1/cases/{id}/proposals", ov_act_propose,
           "propose an opening to the citizen (scored by the server)"),
    ACTION(OV_POST, "/api/v1/proposals/{id}/answer", ov_act_answer,
           "the citizen's answer to a proposal: {\"answer\": \"yes\"|\"no\"}"),
    ACTION(OV_POST, "/api/v1/cases/{id}/placements", ov_act_placement,
           "create a company placement"),
    ACTION(OV_POST, "/api/v1/cases/{id}/employment", ov_act_employment,
           "record ordinary hours per week from a date"),
    PAGE(OV_GET, "/api/v1/placements/{id}", ov_h_placement,
         "a placement with its work agreement and hours log"),
    ACTION(OV_POST, "/api/v1/placements/{id}/agreement", ov_act_agreement,
           "save a new work agreement version from base_version"),
    ACTION(OV_POST, "/api/v1/placements/{id}/signoffs", ov_act_sign,
           "sign a work agreement version"),
    ACTION(OV_POST, "/api/v1/placements/{id}/hours", ov_act_hours,
           "record the hours of one ISO week"),
    PAGE(OV_GET, "/api/v1/cases/{id}/cti", ov_h_cti,
         "the CTI course with phases and contacts"),
    ACTION(OV_POST, "/api/v1/cases/{id}/cti", ov_act_cti_start,
           "start CTI with a legal basis"),
    ACTION(OV_POST, "/api/v1/cases/{id}/cti/contacts", ov_act_cti_contact,
           "log a CTI contact"),
    PAGE(OV_GET, "/api/v1/cases/{id}/measurements", ov_h_measures,
         "WHO-5, self-efficacy and readiness measurements"),
    ACTION(OV_POST, "/api/v1/cases/{id}/measurements", ov_act_measure,
           "record a measurement (item1..itemN)"),
    PAGE(OV_GET, "/api/v1/companies", ov_h_companies,
         "companies and openings of the caller's municipality"),
    ACTION(OV_POST, "/api/v1/companies", ov_act_company,
           "register a company"),
    ACTION(OV_POST, "/api/v1/companies/{id}/openings", ov_act_opening,
           "register an opening at a company"),
    PAGE(OV_GET, "/api/v1/screening/batches", ov_h_screening,
         "imported candidate lists"),
    ACTION(OV_POST, "/api/v1/screening/batches", ov_act_import,
           "import a candidate list (CSV in \"file\"), all or nothing"),
    PAGE(OV_GET, "/api/v1/screening/batches/{id}", ov_h_batch,
         "a candidate list with the screening per criterion and draws"),
    ACTION(OV_POST, "/api/v1/screening/batches/{id}/draws", ov_act_draw,
           "draw at random among the eligible; makes courses"),
    PAGE(OV_GET, "/api/v1/me/agreements", ov_h_my_agreements,
         "an employer contact's work agreements (placements at the "
         "company)"),
    PAGE(OV_GET, "/api/v1/audit", ov_h_audit,
         "the municipality's audit log (citizen, user, from, to)"),

    /* ---- HTML pages ---- */
    PAGE(OV_GET, "/", ov_h_home, "home: my tasks, or the log-in"),
    {OV_GET, "/login", OV_ACCESS_PUBLIC, ov_h_login_page, "log-in page",
     NULL},
    {OV_POST, "/login", OV_ACCESS_PUBLIC, ov_h_login_post, "log in (form)",
     NULL},
    PAGE(OV_POST, "/logout", ov_h_logout_post, "log out (form)"),
    {OV_GET, "/sprog", OV_ACCESS_PUBLIC, ov_h_language,
     "choose the language (?l=da or ?l=en)", NULL},
    {OV_GET, "/static/app.css", OV_ACCESS_PUBLIC, ov_h_static_css,
     "style sheet", NULL},
    {OV_GET, "/static/app.js", OV_ACCESS_PUBLIC, ov_h_static_js,
     "progressive enhancement", NULL},
    PAGE(OV_GET, "/opgaver", ov_h_tasks, "my tasks and courses"),
    PAGE(OV_GET, "/forloeb", ov_h_course_list, "the courses I may see"),
    PAGE(OV_GET, "/forloeb/{id}", ov_h_course,
         "the course page: the six core elements"),
    ACTION(OV_POST, "/forloeb/{id}/team", ov_act_team,
           "name the team around the citizen"),
    ACTION(OV_GET, "/forloeb/{id}/opstartsmoede", ov_act_start_meeting,
           "start meeting form"),
    ACTION(OV_POST, "/forloeb/{id}/opstartsmoede", ov_act_start_meeting,
           "record the start meeting"),
    ACTION(OV_GET, "/forloeb/{id}/opfoelgning", ov_act_followup,
           "follow-up meeting form"),
    ACTION(OV_POST, "/forloeb/{id}/opfoelgning", ov_act_followup,
           "record a follow-up meeting"),
    ACTION(OV_GET, "/forloeb/{id}/afslut", ov_act_end, "end-course form"),
    ACTION(OV_POST, "/forloeb/{id}/afslut", ov_act_end, "end the course"),
    PAGE(OV_GET, "/forloeb/{id}/plan", ov_h_plan,
         "the plan with versions, changes and the editor"),
    ACTION(OV_POST, "/forloeb/{id}/plan", ov_act_plan, "save the plan"),
    PAGE(OV_GET, "/forloeb/{id}/match", ov_h_match,
         "proposals and match suggestions"),
    ACTION(OV_POST, "/forloeb/{id}/forslag", ov_act_propose,
           "propose an opening"),
    ACTION(OV_POST, "/forslag/{id}/svar", ov_act_answer,
           "record the citizen's answer"),
    ACTION(OV_GET, "/forloeb/{id}/virksomhedsforloeb", ov_act_placement,
           "new placement form"),
    ACTION(OV_POST, "/forloeb/{id}/virksomhedsforloeb", ov_act_placement,
           "create a placement"),
    ACTION(OV_GET, "/forloeb/{id}/beskaeftigelse", ov_act_employment,
           "ordinary employment form"),
    ACTION(OV_POST, "/forloeb/{id}/beskaeftigelse", ov_act_employment,
           "record ordinary employment"),
    PAGE(OV_GET, "/virksomhedsforloeb/{id}", ov_h_placement,
         "a placement: work agreement, sign-offs, hours"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/aftale", ov_act_agreement,
           "save the work agreement"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/underskrift", ov_act_sign,
           "sign the work agreement"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/timer", ov_act_hours,
           "record a week's hours"),
    PAGE(OV_GET, "/forloeb/{id}/cti", ov_h_cti, "the CTI course"),
    ACTION(OV_POST, "/forloeb/{id}/cti/start", ov_act_cti_start, "start CTI"),
    ACTION(OV_POST, "/forloeb/{id}/cti/kontakt", ov_act_cti_contact,
           "log a CTI contact"),
    PAGE(OV_GET, "/forloeb/{id}/maalinger", ov_h_measures,
         "measurements with forms and charts"),
    ACTION(OV_POST, "/forloeb/{id}/maalinger", ov_act_measure,
           "record a measurement"),
    PAGE(OV_GET, "/virksomheder", ov_h_companies, "companies and openings"),
    ACTION(OV_POST, "/virksomheder", ov_act_company, "register a company"),
    ACTION(OV_POST, "/virksomheder/{id}/pladser", ov_act_opening,
           "register an opening"),
    PAGE(OV_GET, "/screening", ov_h_screening, "candidate lists and import"),
    ACTION(OV_POST, "/screening", ov_act_import, "import a candidate list"),
    PAGE(OV_GET, "/screening/{id}", ov_h_batch,
         "screening per criterion and the draw"),
    ACTION(OV_POST, "/screening/{id}/lodtraekning", ov_act_draw,
           "draw at random"),
    PAGE(OV_GET, "/revision", ov_h_audit, "the audit viewer"),
    PAGE(OV_GET, "/arbejdsaftaler", ov_h_my_agreements,
         "an employer contact's work agreements"),
    PAGE(OV_GET, "/min-adgangslog", ov_h_my_log, "my access log"),
    PAGE(OV_GET, "/min-adgangslog.csv", ov_h_my_log_csv,
         "my access log as CSV"),
};
const int ov_nroutes = (int)(sizeof ov_routes / sizeof ov_routes[0]);

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
        if (value.ptr && ov_str_eq_c(name, COOKIE))
            return value;
    }
    return OV_STR_NULL;
}

/* The live session of a token: OV_OK and *s, or OV_EPERM. *expired says
 * whether a session was found but is past its idle or absolute limit
 * (settings session_idle_minutes, session_absolute_hours). */
static ov_status session_of(ov_web *app, ov_str token, ov_session *s,
                            bool *expired, ov_err *err)
{
    *expired = false;
    if (!token.ptr || token.len != 64 || !app || !app->store)
        return ov_err_set(err, OV_EPERM, NULL, "log in first");
    ov_tx *tx;
    ov_status st = ov_tx_begin_read(app->store, &tx, err);
    if (st != OV_OK)
        return st;
    st = ov_session_get(tx, token, s, err);
    ov_tx_rollback(tx);
    if (st != OV_OK)
        return ov_err_set(err, OV_EPERM, NULL, "log in first");
    ov_time now = ov_time_now();
    ov_time idle = (ov_time)(app->idle_minutes > 0 ? app->idle_minutes : 30) *
                   60000;
    ov_time absolute =
        (ov_time)(app->absolute_hours > 0 ? app->absolute_hours : 12) *
        3600000;
    *expired = now - s->seen > idle || now - s->created > absolute;
    return OV_OK;
}

ov_status ov_web_authorize(ov_web *app, const ov_route *route,
                           ov_request *req, ov_err *err)
{
    if (route->access == OV_ACCESS_PUBLIC)
        return OV_OK;
    /* deny by default: everything else needs a live session */
    ov_str token = session_cookie(req);
    ov_session s;
    bool expired;
    ov_status st = session_of(app, token, &s, &expired, err);
    if (st != OV_OK)
        return st;
    ov_time now = ov_time_now();
    if (expired || now - s.seen > TOUCH_AFTER_MS) {
        ov_tx *tx;
        ov_actor actor = {"web", OV_ROLE_SYSTEM, "session"};
        ov_err e2;
        if (ov_tx_begin(app->store, &actor, &tx, &e2) == OV_OK) {
            if (expired)
                ov_session_delete(tx, token, &e2);
            else
                ov_session_touch(tx, token, now, &e2);
            ov_tx_commit(tx, &e2);
        }
    }
    if (expired)
        return ov_err_set(err, OV_EPERM, NULL,
                          "the session has expired; log in again");
    /* state-changing calls need the CSRF token: the header (API) or the
     * form's hidden field (HTML) */
    if (req->method != OV_GET) {
        ov_str t = ov_request_header(req, "X-CSRF-Token");
        if (!t.ptr)
            t = ov_form_peek(req, "csrf");
        if (t.len != 64 || !ov_memeq_ct(t.ptr, s.csrf, 64))
            return ov_err_set(err, OV_EINVAL, "X-CSRF-Token",
                              "missing or wrong X-CSRF-Token header; send "
                              "the token from the log-in");
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
    ov_session s;
    bool expired;
    ov_err err;
    if (session_of(app, session_cookie(req), &s, &expired, &err) != OV_OK ||
        expired) {
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
    if (ov_web_authorize(app, found, req, &err) != OV_OK) {
        bool csrf = err.code == OV_EINVAL &&
                    strcmp(err.field, "X-CSRF-Token") == 0;
        if (!is_api(req)) {
            if (csrf) {
                ov_page_error(res, req, 403, "error.csrf", NULL);
            } else if (err.code == OV_EPERM) {
                /* back to the log-in, and then to where the user was */
                /* the path as libmicrohttpd decoded it: encoded again
                 * as a query value (non-ASCII, '&', '#', '%') */
                const char *to =
                    req->method == OV_GET && req->path.len < 200
                        ? ov_arena_printf(
                              req->arena, "/login?next=%s",
                              ov_url_encode(req->arena, req->path, "/"))
                        : "/login?udlobet=1";
                if (strstr(err.msg, "expired") && req->method == OV_GET)
                    to = "/login?udlobet=1";
                ov_page_redirect(res, to);
            } else {
                ov_page_error(res, req, ov_status_http(err.code),
                              "error.title", err.msg);
            }
            return;
        }
        if (err.code == OV_EPERM)
            ov_response_error_status(res, 401, "unauthorized", err.msg);
        else if (csrf)
            ov_response_error_status(res, 403, "forbidden", err.msg);
        else
            ov_response_error(res, &err);
        return;
    }
    if (found->action) {
        ov_ctx c;
        ov_ctx_init(&c, app, req, res);
        if (req->method == OV_GET)
            ov_action_form(&c, found->action);
        else
            ov_action_post(&c, found->action);
        return;
    }
    found->handler(app, req, res);
}
