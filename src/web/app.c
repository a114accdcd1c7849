#include "web/app.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/crypto.h"
#include "core/log.h"
#include "store/audit.h"
#include "store/course.h"
#include "store/session.h"

#define COOKIE "ov_session"
#define TOUCH_AFTER_MS 60000

/* ---- failed log-ins slow down: a small table per user name ---- */

#define FAIL_SLOTS 256
static struct {
    char user[65];
    int failures;
    ov_time last;
} g_fail[FAIL_SLOTS];
static pthread_mutex_t g_fail_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned slot_of(ov_str user)
{
    uint8_t h[OV_HASH_BYTES];
    ov_sha256(user.ptr, user.len, h);
    return h[0] % FAIL_SLOTS;
}

/* Delay before checking a password: 0 for the first attempts, then
 * doubling from 250 ms up to 8 s after repeated failures (forgotten after
 * 15 minutes). */
static int login_delay_ms(ov_str user)
{
    unsigned k = slot_of(user);
    pthread_mutex_lock(&g_fail_lock);
    int f = 0;
    if (ov_str_eq_c(user, g_fail[k].user) &&
        ov_time_now() - g_fail[k].last < 15 * 60000)
        f = g_fail[k].failures;
    pthread_mutex_unlock(&g_fail_lock);
    if (f < 3)
        return 0;
    int ms = 250 << (f - 3 > 5 ? 5 : f - 3);
    return ms;
}

static void login_result(ov_str user, bool ok)
{
    unsigned k = slot_of(user);
    pthread_mutex_lock(&g_fail_lock);
    if (!ov_str_eq_c(user, g_fail[k].user)) {
        snprintf(g_fail[k].user, sizeof g_fail[k].user, "%.*s",
                 (int)(user.len > 64 ? 64 : user.len), user.ptr);
        g_fail[k].failures = 0;
    }
    g_fail[k].failures = ok ? 0 : g_fail[k].failures + 1;
    g_fail[k].last = ov_time_now();
    int f = g_fail[k].failures;
    pthread_mutex_unlock(&g_fail_lock);
    if (!ok)
        ov_log_warn("failed log-in for user '%.*s' (%d in a row)",
                    (int)(user.len > 64 ? 64 : user.len), user.ptr, f);
}

/* Argon2id uses 64 MiB per hash: at most two at a time. */
static pthread_mutex_t g_hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_hash_cond = PTHREAD_COND_INITIALIZER;
static int g_hashing;

static bool verify_bounded(const char *hash, const char *password)
{
    pthread_mutex_lock(&g_hash_lock);
    while (g_hashing >= 2)
        pthread_cond_wait(&g_hash_cond, &g_hash_lock);
    g_hashing++;
    pthread_mutex_unlock(&g_hash_lock);
    bool ok = ov_password_verify(hash, password);
    pthread_mutex_lock(&g_hash_lock);
    g_hashing--;
    pthread_cond_signal(&g_hash_cond);
    pthread_mutex_unlock(&g_hash_lock);
    return ok;
}

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

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
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
    ov_str user = ov_str_c(v[0]);
    int delay = login_delay_ms(user);
    if (delay)
        sleep_ms(delay);
    ov_tx *tx;
    ov_viewer viewer;
    char hash[OV_PWHASH_MAX] = "";
    bool found = false;
    if (ov_tx_begin_read(app->store, &tx, &err) == OV_OK) {
        found = ov_session_user(tx, user, &viewer, hash, &err) == OV_OK;
        ov_tx_rollback(tx);
    }
    /* verify even for unknown users so timing does not tell them apart */
    pthread_once(&g_dummy_once, make_dummy);
    bool ok = verify_bounded(found ? hash : g_dummy, v[1]) && found;
    login_result(user, ok);
    if (!ok) {
        ov_response_error_status(res, 401, "unauthorized",
                                 "wrong user name or password");
        return;
    }
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    ov_actor actor = {"web", OV_ROLE_SYSTEM, "log-in"};
    ov_status st = ov_tx_begin(app->store, &actor, &tx, &err);
    if (st == OV_OK) {
        ov_session_create(tx, viewer.user_id, ov_time_now(), token, csrf,
                          &err);
        st = ov_tx_commit(tx, &err);
    }
    if (st != OV_OK) {
        ov_response_error(res, &err);
        return;
    }
    char *cookie = ov_arena_printf(req->arena,
                                   COOKIE "=%s; Path=/; HttpOnly; "
                                   "SameSite=Strict%s",
                                   token, app->cookie_secure ? "; Secure" : "");
    ov_response_header(res, "Set-Cookie", cookie);
    ov_response_json(res, 200,
                     dump(json_pack("{s:s}", "csrf_token", csrf), req->arena));
}

static void h_logout(ov_web *app, ov_request *req, ov_response *res)
{
    ov_err err;
    ov_tx *tx;
    ov_actor actor = {"web", OV_ROLE_SYSTEM, "log-out"};
    ov_status st = ov_tx_begin(app->store, &actor, &tx, &err);
    if (st == OV_OK) {
        ov_session_delete(tx, req->token, &err);
        st = ov_tx_commit(tx, &err);
    }
    if (st != OV_OK) {
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
    ov_status st = ov_tx_begin(app->store, &actor, &tx, &err);
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
    ov_status st = ov_tx_begin(app->store, &actor, &tx, &err);
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
    ov_status st = ov_tx_begin(app->store, &actor, &tx, &err);
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

ov_str ov_openapi_json(ov_arena *a)
{
    json_t *paths = json_object();
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
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

const ov_route ov_routes[] = {
    {OV_GET, "/api/v1/health", OV_ACCESS_PUBLIC, h_health,
     "liveness: answers {\"status\": \"ok\"} without a log-in"},
    {OV_POST, "/api/v1/session", OV_ACCESS_PUBLIC, h_login,
     "log in with {\"username\", \"password\"}; sets the session cookie "
     "and answers the CSRF token"},
    {OV_DELETE, "/api/v1/session", OV_ACCESS_SESSION, h_logout,
     "log out: ends the session on the server"},
    {OV_GET, "/api/v1/cases", OV_ACCESS_SESSION, h_cases,
     "the courses the caller may see"},
    {OV_GET, "/api/v1/cases/{id}", OV_ACCESS_SESSION, h_case,
     "one course, or 404 when the caller may not see it"},
    {OV_GET, "/api/v1/me/access-log", OV_ACCESS_SESSION, h_access_log,
     "the citizen's own access log: when, by which role, what and why"},
    {OV_GET, "/api/v1/openapi.json", OV_ACCESS_SESSION, h_openapi,
     "this API as an OpenAPI 3 document"},
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

ov_status ov_web_authorize(ov_web *app, const ov_route *route,
                           ov_request *req, ov_err *err)
{
    if (route->access == OV_ACCESS_PUBLIC)
        return OV_OK;
    /* deny by default: everything else needs a live session */
    ov_str token = session_cookie(req);
    if (!token.ptr || token.len != 64 || !app || !app->store)
        return ov_err_set(err, OV_EPERM, NULL, "log in first");
    ov_session s;
    ov_tx *tx;
    ov_status st = ov_tx_begin_read(app->store, &tx, err);
    if (st != OV_OK)
        return st;
    st = ov_session_get(tx, token, &s, err);
    ov_tx_rollback(tx);
    if (st != OV_OK)
        return ov_err_set(err, OV_EPERM, NULL, "log in first");
    ov_time now = ov_time_now();
    ov_time idle = (ov_time)(app->idle_minutes > 0 ? app->idle_minutes : 30) *
                   60000;
    ov_time absolute =
        (ov_time)(app->absolute_hours > 0 ? app->absolute_hours : 12) *
        3600000;
    bool expired = now - s.seen > idle || now - s.created > absolute;
    if (expired || now - s.seen > TOUCH_AFTER_MS) {
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
    /* state-changing calls need the CSRF token */
    if (req->method != OV_GET) {
        ov_str t = ov_request_header(req, "X-CSRF-Token");
        if (t.len != 64 || !ov_memeq_ct(t.ptr, s.csrf, 64))
            return ov_err_set(err, OV_EINVAL, "X-CSRF-Token",
                              "missing or wrong X-CSRF-Token header; send "
                              "the token from the log-in");
    }
    req->has_session = true;
    req->token = token;
    req->viewer = s.viewer;
    snprintf(req->username, sizeof req->username, "%s", s.username);
    return OV_OK;
}

void ov_web_handle(ov_web *app, ov_request *req, ov_response *res)
{
    ov_response_security_headers(res);
    const ov_route *found = NULL;
    bool path_known = false;
    for (int i = 0; i < ov_nroutes; i++) {
        if (!ov_route_match(ov_routes[i].pattern, req->path, NULL))
            continue;
        path_known = true;
        if (ov_routes[i].method == req->method) {
            found = &ov_routes[i];
            ov_route_match(found->pattern, req->path, req);
            break;
        }
    }
    if (!found) {
        if (path_known) {
            ov_response_header(res, "Allow", "GET, POST, DELETE");
            ov_response_error_status(res, 405, "method_not_allowed",
                                     "this address does not take that "
                                     "method");
        } else {
            ov_response_error_status(res, 404, "not_found",
                                     "no such page or API route");
        }
        return;
    }
    ov_err err;
    ov_err_clear(&err);
    if (ov_web_authorize(app, found, req, &err) != OV_OK) {
        if (err.code == OV_EPERM)
            ov_response_error_status(res, 401, "unauthorized", err.msg);
        else if (err.code == OV_EINVAL && strcmp(err.field, "X-CSRF-Token") == 0)
            ov_response_error_status(res, 403, "forbidden", err.msg);
        else
            ov_response_error(res, &err);
        return;
    }
    found->handler(app, req, res);
}
