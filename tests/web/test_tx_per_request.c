/*
 * One transaction per request, counted: every route of ov_routes, called
 * by every kind of demo log-in on the demo world (`overgang demo`), on
 * records of their own team and on the citizen's, the employer's and the
 * other municipality's, opens exactly one transaction in dispatch, on
 * every path (200, 303, 400 with the form shown again, 403, 404), and
 * none without a session. The store counts the transactions a thread
 * begins (ov_tx_begun).
 *
 * The documented exceptions (docs/architecture.md, "One transaction per
 * request"):
 *  - the log-in (public): a read of the user, then the write of the
 *    session, around the password check, which must not hold either;
 *  - the candidate import (ACTION_PREPARED): the request's read (the
 *    session and the municipality's rules) while the file is parsed and
 *    screened, then the short write;
 *  - before the body of a request is read, the server looks the session
 *    up in a read of its own (ov_web_body_class) to decide how much body
 *    it may buffer; only requests with a body, and dispatch looks it up
 *    again in the request's transaction.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"
#include "store/econ_scenario.h"
#include "store/session.h"
#include "support/testutil.h"
#include "web/app.h"
#include "web/handlers.h"
#include "web/ui.h"

static const char *g_argv0;

/* The demo log-ins, one of each kind, and one of the other municipality. */
static const char *const logins[] = {"job",    "social", "cti",
                                     "vk",     "leder",  "admin",
                                     "borger", "arbejdsgiver", "national",
                                     "job2"};
#define NUSERS (sizeof logins / sizeof logins[0])

/* What {id} is, by the address's start (as the access matrix has it). */
enum { K_COURSE, K_PLACEMENT, K_PROPOSAL, K_COMPANY, K_BATCH, K_USER,
       K_TEAM, K_SCENARIO, NK };
static const struct {
    const char *prefix;
    int kind;
} kinds[] = {
    {"/api/v1/cases/{id}", K_COURSE},
    {"/forloeb/{id}", K_COURSE},
    {"/api/v1/placements/{id}", K_PLACEMENT},
    {"/virksomhedsforloeb/{id}", K_PLACEMENT},
    {"/api/v1/proposals/{id}", K_PROPOSAL},
    {"/forslag/{id}", K_PROPOSAL},
    {"/api/v1/companies/{id}", K_COMPANY},
    {"/virksomheder/{id}", K_COMPANY},
    {"/api/v1/screening/batches/{id}", K_BATCH},
    {"/screening/{id}", K_BATCH},
    {"/api/v1/users/{id}", K_USER},
    {"/administration/brugere/{id}", K_USER},
    {"/api/v1/teams/{id}", K_TEAM},
    {"/administration/teams/{id}", K_TEAM},
    {"/api/v1/economics/scenarios/{id}", K_SCENARIO},
};

/* Two sets of records: the first team's (job's), and those of the
 * citizen's own course, the employer's placement and Tønder. */
#define NSETS 2

typedef struct fixture {
    tu_db t;
    ov_web app;
    int64_t user[NUSERS];
    char token[NUSERS][OV_TOKEN_HEX], csrf[NUSERS][OV_TOKEN_HEX];
    int64_t ids[NSETS][NK];
    int64_t company_250; /* for a placement that is made */
} fixture;

static fixture F;

static int64_t query(const char *sql)
{
    char *out = tu_sh_out("sqlite3 '%s' \"%s\"", F.t.db, sql);
    int64_t v = atoll(out);
    free(out);
    if (v <= 0)
        fail_msg("the demo world has no record for: %s", sql);
    return v;
}

static int64_t saved_scenario(int muni, const char *leader)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM app_user WHERE username = '%s'",
             leader);
    int64_t author = query(sql), id = 0;
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(F.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_econ_saved_add(tx, muni, author,
                                       OV_STR_LIT("Scenarie"),
                                       OV_STR_LIT("{\"horizon\":3}"), &id,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return id;
}

static void session_for(int64_t user, char token[OV_TOKEN_HEX],
                        char csrf[OV_TOKEN_HEX], ov_time created)
{
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(F.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, user, created, token, csrf, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static int setup(void **state)
{
    (void)state;
    memset(&F, 0, sizeof F);
    assert_int_equal(ov_crypto_init(NULL), OV_OK);
    snprintf(F.t.dir, sizeof F.t.dir, "/tmp/overgang-test-XXXXXX");
    assert_non_null(mkdtemp(F.t.dir));
    snprintf(F.t.db, sizeof F.t.db, "%s/t.db", F.t.dir);
    snprintf(F.t.key, sizeof F.t.key, "%s/t.db.key", F.t.dir);
    /* the binary beside this test's build directory: build/tests/web/x
     * -> build/overgang (build/asan too) */
    char bin[512];
    snprintf(bin, sizeof bin, "%s", g_argv0);
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(bin, '/');
        if (!slash)
            fail_msg("cannot find the overgang binary from %s", g_argv0);
        *slash = '\0';
    }
    if (tu_sh("'%s/overgang' demo --db '%s' --seed 7 >/dev/null", bin,
              F.t.db) != 0)
        fail_msg("overgang demo failed (%s/overgang)", bin);
    tu_db_reopen(&F.t, OV_OPEN_MIGRATE);
    F.app.store = F.t.store;

    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin_read(F.t.store, &tx, &err), OV_OK);
    for (size_t i = 0; i < NUSERS; i++) {
        ov_viewer v;
        char hash[OV_PWHASH_MAX];
        if (ov_session_user(tx, ov_str_c(logins[i]), &v, hash, &err) != OV_OK)
            fail_msg("demo log-in %s: %s", logins[i], err.msg);
        F.user[i] = v.user_id;
    }
    ov_tx_rollback(tx);
    for (size_t i = 0; i < NUSERS; i++)
        session_for(F.user[i], F.token[i], F.csrf[i], ov_time_now());

    /* set 0: a course of the first team with a placement and a proposal */
    int64_t course = query(
        "SELECT c.id FROM course c WHERE c.team_id IN (SELECT team_id FROM "
        "team_member WHERE user_id = (SELECT id FROM app_user WHERE "
        "username = 'job')) AND EXISTS (SELECT 1 FROM placement p WHERE "
        "p.course_id = c.id) AND EXISTS (SELECT 1 FROM match_proposal m "
        "WHERE m.course_id = c.id) ORDER BY c.id LIMIT 1");
    char sql[512];
    F.ids[0][K_COURSE] = course;
    snprintf(sql, sizeof sql,
             "SELECT id FROM placement WHERE course_id = %lld ORDER BY id "
             "LIMIT 1",
             (long long)course);
    F.ids[0][K_PLACEMENT] = query(sql);
    snprintf(sql, sizeof sql,
             "SELECT id FROM match_proposal WHERE course_id = %lld ORDER BY "
             "id LIMIT 1",
             (long long)course);
    F.ids[0][K_PROPOSAL] = query(sql);
    F.ids[0][K_COMPANY] = F.company_250 = query(
        "SELECT id FROM company WHERE municipality_code = 250 ORDER BY id "
        "LIMIT 1");
    F.ids[0][K_BATCH] = query("SELECT id FROM screening_batch WHERE "
                              "municipality_code = 250 ORDER BY id LIMIT 1");
    /* a staff user and a team of Halsnæs (set 0), of Tønder (set 1) */
    F.ids[0][K_USER] = query("SELECT id FROM app_user WHERE username = "
                             "'social'");
    F.ids[0][K_TEAM] = query("SELECT id FROM team WHERE municipality_code "
                             "= 250 ORDER BY id LIMIT 1");
    F.ids[1][K_USER] = query("SELECT id FROM app_user WHERE username = "
                             "'social2'");
    F.ids[1][K_TEAM] = query("SELECT id FROM team WHERE municipality_code "
                             "= 550 ORDER BY id LIMIT 1");
    /* set 1: the citizen's own course, the employer's placement, a
     * proposal of the other team, Tønder's company and candidate list */
    F.ids[1][K_COURSE] = query(
        "SELECT c.id FROM course c JOIN app_user u ON u.citizen_id = "
        "c.citizen_id WHERE u.username = 'borger' ORDER BY c.id LIMIT 1");
    F.ids[1][K_PLACEMENT] = query(
        "SELECT p.id FROM placement p JOIN app_user u ON u.company_id = "
        "p.company_id WHERE u.username = 'arbejdsgiver' ORDER BY p.id "
        "LIMIT 1");
    F.ids[1][K_PROPOSAL] = query(
        "SELECT m.id FROM match_proposal m JOIN course c ON c.id = "
        "m.course_id WHERE c.municipality_code = 250 AND c.team_id NOT IN "
        "(SELECT team_id FROM team_member WHERE user_id = (SELECT id FROM "
        "app_user WHERE username = 'job')) ORDER BY m.id LIMIT 1");
    F.ids[1][K_COMPANY] = query("SELECT id FROM company WHERE "
                                "municipality_code = 550 ORDER BY id LIMIT 1");
    F.ids[1][K_BATCH] = query("SELECT id FROM screening_batch WHERE "
                              "municipality_code = 550 ORDER BY id LIMIT 1");
    /* a saved economics scenario of each municipality, by its leader */
    F.ids[0][K_SCENARIO] = saved_scenario(250, "leder");
    F.ids[1][K_SCENARIO] = saved_scenario(550, "leder2");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    tu_db_free(&F.t);
    return 0;
}

static int kind_of(const char *pattern)
{
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t n = strlen(kinds[k].prefix);
        if (strncmp(pattern, kinds[k].prefix, n) == 0 &&
            (pattern[n] == '\0' || pattern[n] == '/'))
            return kinds[k].kind;
    }
    fail_msg("%s: this test does not know what its {id} is", pattern);
    return -1;
}

static const char *path_of(ov_arena *a, const char *pattern, int set)
{
    const char *brace = strchr(pattern, '{');
    if (!brace)
        return pattern;
    const char *close = strchr(brace, '}');
    return ov_arena_printf(a, "%.*s%lld%s", (int)(brace - pattern), pattern,
                           (long long)F.ids[set][kind_of(pattern)],
                           close + 1);
}

static const char *method_name(ov_method m)
{
    return m == OV_GET ? "GET" : m == OV_POST ? "POST" : "DELETE";
}

static bool ends_the_session(const ov_route *r)
{
    return (r->method == OV_DELETE &&
            strcmp(r->pattern, "/api/v1/session") == 0) ||
           (r->method == OV_POST && strcmp(r->pattern, "/logout") == 0);
}

/* How many transactions dispatch may open for the route with a session:
 * one, or two for the documented exceptions (*min: at least). */
static int allowed(const ov_route *r, int *min)
{
    *min = 1;
    if (r->access == OV_ACCESS_PUBLIC) {
        bool login = r->method == OV_POST &&
                     (strcmp(r->pattern, "/login") == 0 ||
                      strcmp(r->pattern, "/api/v1/session") == 0);
        *min = 0;
        return login ? 2 : 0;
    }
    if (r->action && r->tx == OV_TXK_READ)
        return 2; /* ACTION_PREPARED: the import */
    if (r->access == OV_ACCESS_CALENDAR_TOKEN)
        *min = 0; /* without its token (a session does not count): none */
    return 1;
}

typedef struct answer {
    int status;
    uint64_t body_class; /* transactions before the body */
    uint64_t dispatch;   /* transactions in dispatch */
} answer;

/* One request as the server makes it: the body class first when there is
 * a body, then dispatch. token NULL: no session. */
static answer call(ov_method m, const char *path, const char *token,
                   const char *csrf, const char *body, bool json)
{
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = m;
    req.path = ov_str_c(path);
    const char *q = strchr(path, '?');
    if (q) {
        req.path = (ov_str){path, (size_t)(q - path)};
        req.query = ov_str_c(q + 1);
    }
    if (token)
        req.headers[req.nheaders++] =
            (ov_header){OV_STR_LIT("Cookie"),
                        ov_str_c(ov_arena_printf(a, "ov_session=%s", token))};
    if (csrf)
        req.headers[req.nheaders++] = (ov_header){
            OV_STR_LIT("X-CSRF-Token"), ov_str_c(ov_arena_strdup(a, csrf))};
    if (json)
        req.headers[req.nheaders++] = (ov_header){
            OV_STR_LIT("Content-Type"), OV_STR_LIT("application/json")};
    else if (body)
        req.headers[req.nheaders++] =
            (ov_header){OV_STR_LIT("Content-Type"),
                        OV_STR_LIT("application/x-www-form-urlencoded")};
    if (body)
        req.body = ov_str_c(ov_arena_strdup(a, body));
    answer ans = {0, 0, 0};
    uint64_t before = ov_tx_begun();
    if (m != OV_GET) {
        bool now;
        ov_web_body_class(&F.app, &req, &now);
    }
    ans.body_class = ov_tx_begun() - before;
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    before = ov_tx_begun();
    ov_web_handle(&F.app, &req, &res);
    ans.dispatch = ov_tx_begun() - before;
    ans.status = res.status;
    ov_arena_destroy(a);
    return ans;
}

static void every_route_declares_its_one_transaction(void **state)
{
    (void)state;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        const char *what = NULL;
        if (r->access == OV_ACCESS_PUBLIC && r->tx != OV_TXK_NONE)
            what = "a public route opens no transaction of the request";
        else if (r->access != OV_ACCESS_PUBLIC && r->tx == OV_TXK_NONE)
            what = "a closed route needs a transaction for its session";
        else if (r->page && r->tx != OV_TXK_AUDITED)
            what = "a view reads a course: an audited read";
        else if (r->action && r->method == OV_GET &&
                 r->tx != OV_TXK_AUDITED)
            what = "an action's form page reads its course: an audited read";
        else if (r->action && r->method != OV_GET && r->tx != OV_TXK_WRITE &&
                 r->tx != OV_TXK_READ)
            what = "an action writes (or prepares in a read, then writes)";
        else if (r->action && r->tx == OV_TXK_READ) {
            bool prepares = false;
            for (const ov_action_prepare *p = ov_action_prepares; p->action;
                 p++)
                prepares |= p->action == r->action;
            if (!prepares)
                what = "only an action that prepares may begin in a read";
        } else if (r->handler && r->access != OV_ACCESS_PUBLIC &&
                   r->scope != OV_SCOPE_SESSION &&
                   (!r->purpose || !r->purpose[0]))
            what = "a read of records names its audit purpose";
        if (what)
            fail_msg("%s %s: %s", method_name(r->method), r->pattern, what);
    }
}

static void every_request_opens_one_transaction(void **state)
{
    (void)state;
    int requests = 0, failures = 0;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        int min, max = allowed(r, &min);
        bool has_id = strchr(r->pattern, '{') != NULL;
        for (int set = 0; set < (has_id ? NSETS : 1); set++) {
            for (size_t u = 0; u < NUSERS; u++) {
                ov_arena *a = ov_arena_new(0);
                const char *path = path_of(a, r->pattern, set);
                const char *token = F.token[u], *csrf = F.csrf[u];
                char own_t[OV_TOKEN_HEX], own_c[OV_TOKEN_HEX];
                if (ends_the_session(r)) {
                    session_for(F.user[u], own_t, own_c, ov_time_now());
                    token = own_t;
                    csrf = own_c;
                }
                const char *body =
                    r->method == OV_GET ? NULL
                    : strcmp(r->pattern, "/api/v1/session") == 0
                        ? "{\"username\":\"nobody\",\"password\":\"x\"}"
                        : "";
                answer ans = call(r->method, path, token, csrf, body,
                                  strncmp(r->pattern, "/api/", 5) == 0);
                requests++;
                if ((int)ans.dispatch > max || (int)ans.dispatch < min ||
                    ans.body_class > 1 ||
                    (r->access == OV_ACCESS_PUBLIC && ans.body_class)) {
                    failures++;
                    print_error("%s %s as %s: %d; %llu transaction(s) in "
                                "dispatch (%d-%d allowed), %llu before the "
                                "body\n",
                                method_name(r->method), path, logins[u],
                                ans.status, (unsigned long long)ans.dispatch,
                                min, max,
                                (unsigned long long)ans.body_class);
                }
                ov_arena_destroy(a);
            }
        }
    }
    assert_true(requests > 1000);
    if (failures)
        fail_msg("%d of %d requests opened more transactions than their "
                 "route declares",
                 failures, requests);
}

/* A request without a session opens none: it is refused before. */
static void without_a_session_no_transaction_is_opened(void **state)
{
    (void)state;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        if (r->access == OV_ACCESS_PUBLIC)
            continue;
        ov_arena *a = ov_arena_new(0);
        answer ans = call(r->method, path_of(a, r->pattern, 0), NULL, NULL,
                          r->method == OV_GET ? NULL : "", false);
        if (ans.dispatch || ans.body_class)
            fail_msg("%s %s without a session: %llu transaction(s)",
                     method_name(r->method), r->pattern,
                     (unsigned long long)(ans.dispatch + ans.body_class));
        ov_arena_destroy(a);
    }
}

/* Changes that succeed, forms shown again after an id that is not found,
 * the log-in with the right password and a candidate list imported: each
 * as its route declares. */
static void changes_and_forms_shown_again_are_one_transaction(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    char today[OV_DATE_BUF];
    ov_date_format_iso(ov_today_cph(), today);
    const char *job_t = F.token[0], *job_c = F.csrf[0];
    struct {
        ov_method m;
        const char *path, *body;
        bool json;
        int status;
        uint64_t tx;
    } rows[] = {
        /* a company registered: one write */
        {OV_POST, "/api/v1/companies",
         "{\"cvr\":\"31415926\",\"name\":\"Talt ApS\",\"postcode\":3300}",
         true, 200, 1},
        {OV_POST, "/virksomheder",
         "cvr=16180335&name=Form+ApS&postcode=3300", false, 303, 1},
        /* a placement made on the course */
        {OV_POST,
         ov_arena_printf(a, "/api/v1/cases/%lld/placements",
                         (long long)F.ids[0][K_COURSE]),
         ov_arena_printf(a,
                         "{\"type\":\"internship\",\"company_id\":%lld,"
                         "\"start\":\"%s\",\"weekly_hours\":15}",
                         (long long)F.company_250, today),
         true, 200, 1},
        /* the same with a company that does not exist: the form again,
         * with the error at its field, read in the undone write */
        {OV_POST,
         ov_arena_printf(a, "/forloeb/%lld/virksomhedsforloeb",
                         (long long)F.ids[0][K_COURSE]),
         ov_arena_printf(a,
                         "type=internship&company_id=999999&start=%s&"
                         "weekly_hours=15",
                         today),
         false, 404, 1},
        /* a plan saved from a version that does not exist: the plan page
         * again, the error at base_version */
        {OV_POST,
         ov_arena_printf(a, "/forloeb/%lld/plan",
                         (long long)F.ids[0][K_COURSE]),
         "base_version=999&job_goal=Lager", false, 404, 1},
        /* a candidate list: the documented read, then the write */
        {OV_POST, "/api/v1/screening/batches",
         ov_arena_printf(a,
                         "{\"file\":\"cpr;name;activity_ready;"
                         "months_unemployed\\n050565-1675;Erik Holm;ja;14\\n"
                         "\",\"reference_date\":\"%s\",\"source_name\":"
                         "\"talt.csv\"}",
                         today),
         true, 200, 2},
        /* one that fails its check: the read only, the page again */
        {OV_POST, "/api/v1/screening/batches",
         "{\"file\":\"cpr;name\\nx;y\\n\",\"reference_date\":\"2026-01-01\","
         "\"source_name\":\"bad.csv\"}",
         true, 400, 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        answer ans =
            call(rows[i].m, rows[i].path, job_t, job_c, rows[i].body,
                 rows[i].json);
        if (ans.status != rows[i].status || ans.dispatch != rows[i].tx)
            fail_msg("%s %s: %d with %llu transaction(s); want %d with %llu",
                     method_name(rows[i].m), rows[i].path, ans.status,
                     (unsigned long long)ans.dispatch, rows[i].status,
                     (unsigned long long)rows[i].tx);
    }
    /* the log-in with the right password: a read of the user, the write
     * of the session (the password is checked between them) */
    answer ans = call(OV_POST, "/api/v1/session", NULL, NULL,
                      "{\"username\":\"job\",\"password\":\"overgang-demo\"}",
                      true);
    assert_int_equal(ans.status, 200);
    assert_int_equal(ans.dispatch, 2);
    ov_arena_destroy(a);
}

static ov_time seen_of(const char *token)
{
    ov_tx *tx;
    ov_err err;
    ov_session s;
    assert_int_equal(ov_tx_begin_read(F.t.store, &tx, &err), OV_OK);
    ov_status st = ov_session_get(tx, ov_str_c(token), &s, &err);
    ov_tx_rollback(tx);
    return st == OV_OK ? s.seen : -1;
}

/* A session last seen minutes ago moves on without a write of its own:
 * the page is still one transaction (it was three: the session's read,
 * the write that touched it, the page's read), and the next request sees
 * the new time. */
static void a_session_seen_minutes_ago_moves_on_in_one_transaction(
    void **state)
{
    (void)state;
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    ov_time then = ov_time_now() - 5 * 60000;
    session_for(F.user[0], token, csrf, then);
    assert_int_equal(seen_of(token), then);
    answer ans = call(OV_GET, "/opgaver", token, NULL, NULL, false);
    assert_int_equal(ans.status, 200);
    assert_int_equal(ans.dispatch, 1);
    assert_true(seen_of(token) >= ov_time_now() - 60000);
    /* and the next, within the minute, notes nothing new */
    ans = call(OV_GET, "/api/v1/tasks", token, NULL, NULL, true);
    assert_int_equal(ans.status, 200);
    assert_int_equal(ans.dispatch, 1);
}

/* An expired session is refused in the request's one transaction and is
 * gone from then on (its row is deleted with the next write batch:
 * tests/store/test_session_seen.c). */
static void an_expired_session_is_refused_and_ended(void **state)
{
    (void)state;
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    session_for(F.user[0], token, csrf, ov_time_now() - 13 * 3600000LL);
    answer ans = call(OV_GET, "/opgaver", token, NULL, NULL, false);
    assert_int_equal(ans.status, 303);
    assert_int_equal(ans.dispatch, 1);
    assert_int_equal(seen_of(token), -1);
    ans = call(OV_GET, "/api/v1/tasks", token, NULL, NULL, true);
    assert_int_equal(ans.status, 401);
}

int main(int argc, char **argv)
{
    (void)argc;
    g_argv0 = argv[0];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_route_declares_its_one_transaction),
        cmocka_unit_test(every_request_opens_one_transaction),
        cmocka_unit_test(without_a_session_no_transaction_is_opened),
        cmocka_unit_test(changes_and_forms_shown_again_are_one_transaction),
        cmocka_unit_test(a_session_seen_minutes_ago_moves_on_in_one_transaction),
        cmocka_unit_test(an_expired_session_is_refused_and_ended),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
