/*
 * The access-control matrix: every route x role x relation (own course,
 * same team, other team, other municipality) with the status it must
 * answer, run through the real dispatch and a real store. A route without
 * rows for every role (and, for routes about one course, every relation)
 * fails this test, and with it the build (`make test`).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/log.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/org.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"

enum { R_NONE = 0, R_OWN, R_SAME_TEAM, R_OTHER_TEAM, R_OTHER_MUNI, NREL };
static const char *const rel_names[] = {"-", "own", "same team", "other team",
                                        "other municipality"};

#define NROLES 9
static const ov_role roles[NROLES] = {
    OV_ROLE_EMPLOYMENT_CASEWORKER, OV_ROLE_SOCIAL_CASEWORKER,
    OV_ROLE_CTI_WORKER,            OV_ROLE_COMPANY_CONSULTANT,
    OV_ROLE_LEADER,                OV_ROLE_ADMINISTRATOR,
    OV_ROLE_NATIONAL_ANALYST,      OV_ROLE_CITIZEN,
    OV_ROLE_EMPLOYER};

typedef struct row {
    ov_method method;
    const char *pattern;
    int status[NROLES]; /* in the order of roles[] */
} row;

/* Routes about no particular course: one row each, relation "-". */
static const row plain[] = {
    {OV_GET, "/api/v1/health", {200, 200, 200, 200, 200, 200, 200, 200, 200}},
    /* a wrong password answers 401 whoever sends it */
    {OV_POST, "/api/v1/session", {401, 401, 401, 401, 401, 401, 401, 401, 401}},
    {OV_DELETE, "/api/v1/session", {200, 200, 200, 200, 200, 200, 200, 200, 200}},
    {OV_GET, "/api/v1/cases", {200, 200, 200, 200, 200, 200, 403, 200, 403}},
    {OV_GET, "/api/v1/openapi.json", {200, 200, 200, 200, 200, 200, 200, 200, 200}},
    {OV_GET, "/api/v1/me/access-log", {403, 403, 403, 403, 403, 403, 403, 200, 403}},
};

/* Routes about one course: a row per relation. */
typedef struct course_row {
    ov_method method;
    const char *pattern;
    int relation;
    int status[NROLES];
} course_row;

static const course_row per_course[] = {
    {OV_GET, "/api/v1/cases/{id}", R_OWN,
     {200, 200, 200, 200, 200, 200, 404, 200, 404}},
    {OV_GET, "/api/v1/cases/{id}", R_SAME_TEAM,
     {200, 200, 200, 200, 200, 200, 404, 404, 404}},
    {OV_GET, "/api/v1/cases/{id}", R_OTHER_TEAM,
     {404, 404, 404, 404, 200, 200, 404, 404, 404}},
    {OV_GET, "/api/v1/cases/{id}", R_OTHER_MUNI,
     {404, 404, 404, 404, 404, 404, 404, 404, 404}},
};

typedef struct fixture {
    tu_world w;
    int64_t users[NROLES];
    int64_t course[NREL];
} fixture;

static int64_t citizen(tu_world *w, const char *name, const char *cpr)
{
    ov_tx *tx;
    ov_err err;
    int64_t id = 0;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_citizen_create(tx, ov_str_c(name), ov_str_c(cpr), &id, &err);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return id;
}

static int64_t course_for(tu_world *w, int64_t cit, int64_t team)
{
    ov_tx *tx;
    ov_err err;
    int64_t id = 0;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_course_create(tx, cit, team, OV_STAGE_DRAWN,
                     ov_date_from_ymd(2026, 9, 1), &id, &err);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return id;
}

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    tu_world_init(&f->w);
    tu_world *w = &f->w;
    f->users[0] = w->job;
    f->users[1] = w->social;
    f->users[2] = w->cti;
    f->users[3] = w->vk;
    f->users[4] = w->leader;
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    f->users[5] = tu_add_user(tx, "admin", OV_ROLE_ADMINISTRATOR, 250, 0);
    f->users[6] = tu_add_user(tx, "national", OV_ROLE_NATIONAL_ANALYST, 0, 0);
    ov_user_input cu = {OV_STR_LIT("borger"), OV_STR_LIT("Anna"),
                        OV_ROLE_CITIZEN, 250, w->citizen, 0};
    assert_int_equal(ov_org_user_create(tx, &cu, &f->users[7], &err), OV_OK);
    ov_user_input eu = {OV_STR_LIT("arbejdsgiver"), OV_STR_LIT("Lager"),
                        OV_ROLE_EMPLOYER, 250, 0, w->company};
    assert_int_equal(ov_org_user_create(tx, &eu, &f->users[8], &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    f->course[R_OWN] = tu_course(w, ov_date_from_ymd(2026, 9, 1));
    f->course[R_SAME_TEAM] =
        course_for(w, citizen(w, "Bo Hansen", "020275-2342"), w->team);
    f->course[R_OTHER_TEAM] =
        course_for(w, citizen(w, "Carl Berg", "030399-1453"), w->other_team);
    f->course[R_OTHER_MUNI] = course_for(
        w, citizen(w, "Dorte Lund", "040470-2564"), w->team_tonder);
}

/* A fresh session for the user (so log-out rows do not affect others). */
static void session(fixture *f, int64_t user, char token[OV_TOKEN_HEX],
                    char csrf[OV_TOKEN_HEX])
{
    ov_tx *tx;
    ov_err err;
    ov_actor a = {"matrix", OV_ROLE_SYSTEM, "test"};
    assert_int_equal(ov_tx_begin(f->w.t.store, &a, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, user, ov_time_now(), token, csrf,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static int request(fixture *f, int role_i, ov_method m, const char *path)
{
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    session(f, f->users[role_i], token, csrf);
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = m;
    req.path = ov_str_c(path);
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s", token))};
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("X-CSRF-Token"),
                    ov_str_c(ov_arena_strdup(a, csrf))};
    /* a different, unknown user per role, so the slow-down for repeated
     * failures does not slow the test */
    if (m == OV_POST)
        req.body = ov_str_c(ov_arena_printf(
            a, "{\"username\":\"nobody%d\",\"password\":\"wrong-one\"}",
            role_i));
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web app = {.store = f->w.t.store};
    ov_web_handle(&app, &req, &res);
    int status = res.status;
    ov_arena_destroy(a);
    return status;
}

static void every_route_has_a_row_for_every_role_and_relation(void **state)
{
    (void)state;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        bool per = strchr(r->pattern, '{') != NULL;
        int found = 0;
        if (per) {
            for (size_t k = 0; k < sizeof per_course / sizeof per_course[0];
                 k++)
                if (per_course[k].method == r->method &&
                    strcmp(per_course[k].pattern, r->pattern) == 0)
                    found |= 1 << per_course[k].relation;
            if (found != ((1 << R_OWN) | (1 << R_SAME_TEAM) |
                          (1 << R_OTHER_TEAM) | (1 << R_OTHER_MUNI)))
                fail_msg("route %s has no access-matrix row for every "
                         "relation; add them to tests/web/"
                         "test_access_matrix.c",
                         r->pattern);
        } else {
            for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++)
                if (plain[k].method == r->method &&
                    strcmp(plain[k].pattern, r->pattern) == 0)
                    found = 1;
            if (!found)
                fail_msg("route %s has no access-matrix row; add one to "
                         "tests/web/test_access_matrix.c",
                         r->pattern);
        }
    }
}

static void every_row_answers_as_the_matrix_says(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    int checked = 0;
    for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++)
        for (int r = 0; r < NROLES; r++) {
            int got = request(&f, r, plain[k].method, plain[k].pattern);
            if (got != plain[k].status[r])
                fail_msg("%s as %s: expected %d, got %d", plain[k].pattern,
                         ov_role_code(roles[r]), plain[k].status[r], got);
            checked++;
        }
    for (size_t k = 0; k < sizeof per_course / sizeof per_course[0]; k++) {
        char path[96];
        snprintf(path, sizeof path, "/api/v1/cases/%lld",
                 (long long)f.course[per_course[k].relation]);
        for (int r = 0; r < NROLES; r++) {
            int got = request(&f, r, per_course[k].method, path);
            if (got != per_course[k].status[r])
                fail_msg("%s (%s) as %s: expected %d, got %d",
                         per_course[k].pattern,
                         rel_names[per_course[k].relation],
                         ov_role_code(roles[r]), per_course[k].status[r],
                         got);
            checked++;
        }
    }
    assert_true(checked >= 9 * 9);
    tu_db_free(&f.w.t);
}

static void without_a_session_every_closed_route_answers_401(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_web app = {.store = f.w.t.store};
    for (int i = 0; i < ov_nroutes; i++) {
        if (ov_routes[i].access == OV_ACCESS_PUBLIC)
            continue;
        ov_arena *a = ov_arena_new(0);
        ov_request req;
        memset(&req, 0, sizeof req);
        req.arena = a;
        req.method = ov_routes[i].method;
        char path[96];
        snprintf(path, sizeof path, "%s", ov_routes[i].pattern);
        char *brace = strchr(path, '{');
        if (brace)
            snprintf(brace, sizeof path - (size_t)(brace - path), "%lld",
                     (long long)f.course[R_OWN]);
        req.path = ov_str_c(path);
        ov_response res;
        ov_response_init(&res, a, 1 << 16);
        ov_web_handle(&app, &req, &res);
        if (res.status != 401)
            fail_msg("%s answered %d without a session", path, res.status);
        ov_arena_destroy(a);
    }
    tu_db_free(&f.w.t);
}

int main(void)
{
    ov_log_set_level(OV_LOG_ERROR); /* the failed log-ins are expected */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_route_has_a_row_for_every_role_and_relation),
        cmocka_unit_test(every_row_answers_as_the_matrix_says),
        cmocka_unit_test(without_a_session_every_closed_route_answers_401),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
