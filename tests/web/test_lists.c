/* The list convention end to end (store/store.h, ov_list_info): a list
 * over its cap says so above it on the page ("Viser de første 2000 af
 * 2001", "Viser de nyeste 500 af ...") and its JSON answer carries "total"
 * and "truncated" beside the array; a list at its cap says nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <jansson.h>

#include "store/audit.h"
#include "store/org.h"
#include "store/screening.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
#include "web/msg.h"

static void session_of(tu_world *w, int64_t user, char token[OV_TOKEN_HEX])
{
    char csrf[OV_TOKEN_HEX];
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, user, ov_time_now(), token, csrf,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static const char *get_capped(tu_world *w, ov_arena *a, const char *path,
                              const char *token, int lang, size_t max);

/* GET path as the session's user; the body as a C string. */
static const char *get(tu_world *w, ov_arena *a, const char *path,
                       const char *token, int lang)
{
    return get_capped(w, a, path, token, lang, 16 << 20);
}

/* The same with the response capped at max bytes. */
static const char *get_capped(tu_world *w, ov_arena *a, const char *path,
                              const char *token, int lang, size_t max)
{
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_GET;
    const char *q = strchr(path, '?');
    req.path = q ? (ov_str){path, (size_t)(q - path)} : ov_str_c(path);
    req.query = q ? ov_str_c(q + 1) : OV_STR_NULL;
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("Cookie"),
        ov_str_c(ov_arena_printf(a, "ov_session=%s; ov_lang=%s", token,
                                 ov_lang_code((ov_lang)lang)))};
    ov_response res;
    ov_response_init(&res, a, max);
    ov_web app = {.store = w->t.store};
    ov_web_handle(&app, &req, &res);
    if (res.status != 200)
        fail_msg("%s: status %d", path, res.status);
    return ov_arena_memdup0(a, res.body.data, res.body.len);
}

/* The list's array, "total" and "truncated" of a JSON answer. */
static void json_list(const char *body, const char *name, size_t *n,
                      int *total, bool *truncated)
{
    json_error_t e;
    json_t *j = json_loads(body, 0, &e);
    if (!j)
        fail_msg("not JSON: %s", e.text);
    json_t *arr = json_object_get(j, name);
    json_t *t = json_object_get(j, "total");
    json_t *tr = json_object_get(j, "truncated");
    assert_true(json_is_array(arr));
    assert_true(json_is_integer(t));
    assert_true(json_is_boolean(tr));
    *n = json_array_size(arr);
    *total = (int)json_integer_value(t);
    *truncated = json_is_true(tr);
    json_decref(j);
}

/* n companies in Halsnæs with valid CVR numbers (modulus 11), from seq. */
static void add_companies(tu_world *w, int n, int *seq)
{
    static const int wt[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    for (int made = 0; made < n; (*seq)++) {
        char cvr[9];
        snprintf(cvr, sizeof cvr, "3%06d0", *seq);
        int sum = 0;
        for (int i = 0; i < 7; i++)
            sum += (cvr[i] - '0') * wt[i];
        int check = (11 - sum % 11) % 11;
        if (check == 10)
            continue;
        cvr[7] = (char)('0' + check);
        char name[32];
        snprintf(name, sizeof name, "Firma %06d", *seq);
        int64_t id;
        assert_int_equal(ov_org_company_create(tx, ov_str_c(cvr),
                                               ov_str_c(name), 250, 3300, &id,
                                               &err),
                         OV_OK);
        made++;
    }
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

/* The companies (cap 2000, by name): at the cap the page and the API say
 * nothing is missing; one more and both say the list was cut. */
static void companies_over_their_cap_say_the_first_n_of_m(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w); /* one company in Halsnæs */
    ov_arena *a = ov_arena_new(0);
    char vk[OV_TOKEN_HEX];
    session_of(&w, w.vk, vk);
    int seq = 0;
    add_companies(&w, 1999, &seq);
    size_t n;
    int total;
    bool truncated;
    const char *page = get(&w, a, "/virksomheder", vk, OV_LANG_DA);
    assert_null(strstr(page, "list-cut"));
    json_list(get(&w, a, "/api/v1/companies", vk, OV_LANG_DA), "companies",
              &n, &total, &truncated);
    assert_int_equal(n, 2000);
    assert_int_equal(total, 2000);
    assert_false(truncated);

    add_companies(&w, 1, &seq);
    page = get(&w, a, "/virksomheder", vk, OV_LANG_DA);
    assert_non_null(strstr(page, "<p class=\"list-cut\">Viser de første 2000 "
                                 "af 2001</p>"));
    page = get(&w, a, "/virksomheder", vk, OV_LANG_EN);
    assert_non_null(strstr(page, "Showing the first 2000 of 2001"));
    json_list(get(&w, a, "/api/v1/companies", vk, OV_LANG_DA), "companies",
              &n, &total, &truncated);
    assert_int_equal(n, 2000);
    assert_int_equal(total, 2001);
    assert_true(truncated);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* The audit viewer (limit 500, newest first) over its limit names how many
 * rows the filter matched, on the page and in the API, and they agree; it
 * used to print "Viser de nyeste %1 rækker." */
static void the_audit_log_over_its_limit_says_the_newest_n_of_m(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    static const ov_actor job = {"job", OV_ROLE_EMPLOYMENT_CASEWORKER,
                                 "forløb (test)"};
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w.t.store, &job, &tx, &err), OV_OK);
    for (int i = 0; i < 600; i++)
        assert_int_equal(ov_audit_append(tx, OV_ACT_UPDATE, 0, "test", &err),
                         OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    char leader[OV_TOKEN_HEX];
    session_of(&w, w.leader, leader);
    /* only job's rows: the viewer's own reads are the leader's */
    size_t n;
    int total;
    bool truncated;
    json_list(get(&w, a, "/api/v1/audit?user=job", leader, OV_LANG_DA),
              "audit", &n, &total, &truncated);
    assert_int_equal(n, 500);
    assert_int_equal(total, 600);
    assert_true(truncated);
    const char *page = get(&w, a, "/revision?user=job", leader, OV_LANG_DA);
    assert_non_null(strstr(page, "<p class=\"list-cut\">Viser de nyeste 500 "
                                 "af 600</p>"));
    assert_null(strstr(page, "%1"));
    /* within the limit: whole, and the page says nothing */
    json_list(get(&w, a, "/api/v1/audit?user=leder", leader, OV_LANG_DA),
              "audit", &n, &total, &truncated);
    assert_int_equal((int)n, total);
    assert_false(truncated);
    assert_null(strstr(get(&w, a, "/revision?user=leder", leader, OV_LANG_DA),
                       "list-cut"));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* The candidate lists (cap 500, newest first): the 501st says so, and the
 * oldest list, cut from the page, is still the municipality's to draw in
 * (the draw's check looked for it in the capped list and answered 404;
 * with an empty body it now gets as far as validation, 400). */
static void an_old_batch_past_the_cap_is_listed_as_cut_and_still_drawable(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    static const char csv[] =
        "cpr;name;activity_ready;months_unemployed;in_prison\n"
        "010180-1231;Anna Berg;ja;24;nej\n";
    ov_screening_rules rules = ov_screening_rules_default();
    int64_t first = 0;
    ov_tx *tx;
    ov_err err;
    for (int i = 0; i < 501; i++) {
        ov_import_report rep;
        int64_t batch = 0;
        assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
        if (ov_screening_import(tx, 250, ov_today_cph() - 1, &rules,
                                ov_str_c(csv), "test.csv", a, &batch, &rep,
                                &err) != OV_OK)
            fail_msg("import: %s", err.msg);
        assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
        if (!first)
            first = batch;
    }
    char job[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, w.job, ov_time_now(), job, csrf,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    size_t n;
    int total;
    bool truncated;
    json_list(get(&w, a, "/api/v1/screening/batches", job, OV_LANG_DA),
              "batches", &n, &total, &truncated);
    assert_int_equal(n, 500);
    assert_int_equal(total, 501);
    assert_true(truncated);
    assert_non_null(strstr(get(&w, a, "/screening", job, OV_LANG_DA),
                           "Viser de nyeste 500 af 501"));
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_POST;
    req.path = ov_str_c(ov_arena_printf(
        a, "/api/v1/screening/batches/%lld/draws", (long long)first));
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s", job))};
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("X-CSRF-Token"), ov_str_c(ov_arena_strdup(a, csrf))};
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web app = {.store = w.t.store};
    ov_web_handle(&app, &req, &res);
    assert_int_equal(res.status, 400);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* Every JSON list answers its total and whether it was cut, and the
 * OpenAPI document says so for each of them. */
static void every_json_list_carries_total_and_truncated(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t course = tu_course(&w, ov_today_cph() - 30);
    const char *measurements =
        ov_arena_printf(a, "/api/v1/cases/%lld/measurements",
                        (long long)course);
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
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* a candidate list of one line */
    static const char csv[] =
        "cpr;name;activity_ready;months_unemployed;in_prison\n"
        "010180-1231;Anna Berg;ja;24;nej\n";
    ov_screening_rules rules = ov_screening_rules_default();
    ov_import_report rep;
    int64_t batch = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    if (ov_screening_import(tx, 250, ov_today_cph() - 1, &rules,
                            ov_str_c(csv), "test.csv", a, &batch, &rep,
                            &err) != OV_OK)
        fail_msg("import: %s", err.msg);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    const char *candidates = ov_arena_printf(
        a, "/api/v1/screening/batches/%lld", (long long)batch);
    char job[OV_TOKEN_HEX], vk[OV_TOKEN_HEX], leader[OV_TOKEN_HEX],
        cit[OV_TOKEN_HEX], emp[OV_TOKEN_HEX];
    session_of(&w, w.job, job);
    session_of(&w, w.vk, vk);
    session_of(&w, w.leader, leader);
    session_of(&w, citizen_user, cit);
    session_of(&w, employer_user, emp);
    const struct {
        const char *pattern, *path, *name, *token;
    } lists[] = {
        {"/api/v1/cases", "/api/v1/cases", "cases", job},
        {"/api/v1/me/access-log", "/api/v1/me/access-log", "access_log", cit},
        {"/api/v1/me/agreements", "/api/v1/me/agreements", "agreements", emp},
        {"/api/v1/companies", "/api/v1/companies", "companies", vk},
        {"/api/v1/screening/batches", "/api/v1/screening/batches", "batches",
         job},
        {"/api/v1/audit", "/api/v1/audit", "audit", leader},
        {"/api/v1/cases/{id}/measurements", measurements, "measurements",
         job},
        {"/api/v1/tasks", "/api/v1/tasks", "tasks", job},
        {"/api/v1/screening/batches/{id}", candidates, "candidates", job},
    };
    json_error_t e;
    json_t *doc = json_loads(get(&w, a, "/api/v1/openapi.json", job,
                                 OV_LANG_DA),
                             0, &e);
    assert_non_null(doc);
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        size_t n;
        int total;
        bool truncated;
        json_list(get(&w, a, lists[i].path, lists[i].token, OV_LANG_DA),
                  lists[i].name, &n, &total, &truncated);
        assert_int_equal((int)n, total);
        assert_false(truncated);
        json_t *props = json_object_get(
            json_object_get(
                json_object_get(
                    json_object_get(
                        json_object_get(
                            json_object_get(
                                json_object_get(
                                    json_object_get(
                                        json_object_get(doc, "paths"),
                                        lists[i].pattern),
                                    "get"),
                                "responses"),
                            "200"),
                        "content"),
                    "application/json"),
                "schema"),
            "properties");
        if (!json_object_get(props, lists[i].name) ||
            !json_object_get(props, "total") ||
            !json_object_get(props, "truncated"))
            fail_msg("%s: the OpenAPI document does not describe the list",
                     lists[i].path);
    }
    json_decref(doc);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* Lines of a body (CRLF or LF ends). */
static int lines_of(const char *body)
{
    int n = 0;
    for (const char *p = body; *p; p++)
        n += *p == '\n';
    return n;
}

/* The citizen's access log over the page's cap of 5,000: the page shows
 * the newest 5,000 and says so; the CSV export holds every row (GDPR art.
 * 15 is a right to all of it) and its last line says it is all; a
 * response too small for all of them holds the newest that fit and says
 * "the newest n of m". */
static void the_access_log_file_holds_every_row_past_the_pages_cap(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err;
    int64_t citizen_user = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    ov_user_input cu = {OV_STR_LIT("borger"), OV_STR_LIT("Anna"),
                        OV_ROLE_CITIZEN, 250, w.citizen, 0};
    assert_int_equal(ov_org_user_create(tx, &cu, &citizen_user, &err), OV_OK);
    /* changes: a read of one citizen in one transaction is one row */
    for (int i = 0; i < 6000; i++)
        assert_int_equal(ov_audit_append(tx, OV_ACT_UPDATE, w.citizen,
                                         "forløb (test)", &err),
                         OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    char cit[OV_TOKEN_HEX];
    session_of(&w, citizen_user, cit);
    /* the rows there are: the page says how many */
    const char *page = get(&w, a, "/min-adgangslog", cit, OV_LANG_DA);
    const char *cut = strstr(page, "Viser de nyeste 5000 af ");
    if (!cut)
        fail_msg("the page does not say it is cut: %.600s", page);
    int total = atoi(cut + strlen("Viser de nyeste 5000 af "));
    assert_true(total >= 6000);
    const char *csv = get(&w, a, "/min-adgangslog.csv", cit, OV_LANG_DA);
    /* the heading, every row (the page's read of it came after, and is
     * in the file too), the line that says it is all */
    int rows = lines_of(csv) - 2;
    assert_true(rows == total + 1);
    char all[96];
    snprintf(all, sizeof all, "Filen indeholder hele loggen, alle %d rækker",
             rows);
    assert_non_null(strstr(csv, all));
    /* a response with room for some: the newest that fit, and it says so */
    const char *part = get_capped(&w, a, "/min-adgangslog.csv", cit,
                                  OV_LANG_EN, 64 * 1024);
    int kept = lines_of(part) - 2;
    assert_true(kept > 100 && kept < rows);
    char some[96];
    snprintf(some, sizeof some, "The file holds the newest %d of %d rows",
             kept, rows + 1);
    assert_non_null(strstr(part, some));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(companies_over_their_cap_say_the_first_n_of_m),
        cmocka_unit_test(the_audit_log_over_its_limit_says_the_newest_n_of_m),
        cmocka_unit_test(every_json_list_carries_total_and_truncated),
        cmocka_unit_test(
            the_access_log_file_holds_every_row_past_the_pages_cap),
        cmocka_unit_test(
            an_old_batch_past_the_cap_is_listed_as_cut_and_still_drawable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
