/* The candidate import's report on the page: each refused line's reason in
 * the reader's language (its message id, core/errmsg.h), Danish first;
 * the API and the CLI keep the English lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/screening.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
#include "web/msg.h"

/* Line 3 repeats line 2's CPR number, line 4 has a day that does not
 * exist, line 5 no yes or no, line 6 months that are no number, line 7
 * a field too few. */
static const char bad_csv[] =
    "cpr;name;activity_ready;months_unemployed\n"
    "010180-1231;Anna Berg;ja;24\n"
    "010180-1231;Anna Igen;ja;24\n"
    "310480-1231;Dorte Lund;ja;24\n"
    "040470-2564;Erik Holm;kanske;24\n"
    "050570-1234;Frida Dal;ja;mange\n"
    "060670-1234;Gorm Ask;ja\n";

/* POST the bad list to path as the caseworker, in lang; the response. */
static ov_response import(tu_world *w, ov_arena *a, const char *path,
                          const char *token, const char *csrf, ov_lang lang)
{
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_POST;
    req.path = ov_str_c(path);
    bool api = strncmp(path, "/api/", 5) == 0;
    char *body;
    if (api) {
        ov_buf b;
        ov_buf_init(&b, a, 1 << 16);
        ov_buf_append_c(&b, "{\"file\": \"");
        for (const char *p = bad_csv; *p; p++)
            ov_buf_append_c(&b, *p == '\n' ? "\\n" : (char[2]){*p, 0});
        ov_buf_append_c(&b, "\", \"reference_date\": \"2026-11-01\", "
                            "\"source_name\": \"test\"}");
        body = b.data;
    } else {
        body = ov_arena_printf(
            a, "file=%s&reference_date=2026-11-01&source_name=test",
            ov_url_encode(a, ov_str_c(bad_csv), ""));
    }
    req.body = ov_str_c(body);
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("Cookie"),
        ov_str_c(ov_arena_printf(a, "ov_session=%s; ov_lang=%s", token,
                                 ov_lang_code(lang)))};
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("X-CSRF-Token"), ov_str_c(ov_arena_strdup(a, csrf))};
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("Content-Type"),
        api ? OV_STR_LIT("application/json")
            : OV_STR_LIT("application/x-www-form-urlencoded")};
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web app = {.store = w->t.store};
    ov_web_handle(&app, &req, &res);
    ov_buf_append_byte(&res.body, '\0');
    return res;
}

static void expect(const ov_response *res, const char *text)
{
    if (!strstr(res->body.data, text))
        fail_msg("'%s' is not in the answer: %.3000s", text, res->body.data);
}

static void the_import_report_is_in_the_readers_language(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    char job[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, w.job, ov_time_now(), job, csrf,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);

    ov_response da = import(&w, a, "/screening", job, csrf, OV_LANG_DA);
    assert_int_equal(da.status, 400);
    expect(&da, "Samme CPR-nummer som linje 2");
    expect(&da, "Dag 31 findes ikke i den måned");
    expect(&da, "Skriv ja eller nej i kolonnen activity_ready");
    expect(&da, "Måneder uden arbejde: skriv et helt antal måneder, 0-600");
    expect(&da, "Linjen har 3 felter, men linjen med kolonnenavne har 4");
    /* the count above the table, in Danish too */
    expect(&da, "Linjer med fejl: 5; intet er indlæst");
    assert_null(strstr(da.body.data, "write ja or nej"));

    ov_response en = import(&w, a, "/screening", job, csrf, OV_LANG_EN);
    assert_int_equal(en.status, 400);
    expect(&en, "the same CPR number as line 2");
    expect(&en, "activity_ready: write ja or nej");
    expect(&en, "3 fields, the header has 4");

    /* the API keeps the English lines, as the CLI prints them */
    ov_response api =
        import(&w, a, "/api/v1/screening/batches", job, csrf, OV_LANG_DA);
    assert_int_equal(api.status, 400);
    expect(&api, "line 3: the same CPR number as line 2");
    expect(&api, "line 5: activity_ready: write ja or nej");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* GET path in lang as the session's user; the body. */
static const char *get(tu_world *w, ov_arena *a, const char *path,
                       const char *token, ov_lang lang)
{
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_GET;
    req.path = ov_str_c(path);
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("Cookie"),
        ov_str_c(ov_arena_printf(a, "ov_session=%s; ov_lang=%s", token,
                                 ov_lang_code(lang)))};
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web app = {.store = w->t.store};
    ov_web_handle(&app, &req, &res);
    assert_int_equal(res.status, 200);
    ov_buf_append_byte(&res.body, '\0');
    return res.body.data;
}

/* Why a candidate is in or out: each criterion's explanation (the cell's
 * title) in the reader's language. */
static void a_candidates_criteria_are_explained_in_the_readers_language(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    static const char csv[] =
        "cpr;name;activity_ready;months_unemployed;in_prison\n"
        "010180-1231;Anna Berg;ja;24;ja\n";
    ov_screening_rules rules = ov_screening_rules_default();
    ov_import_report rep;
    int64_t batch = 0;
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_screening_import(tx, 250, ov_today_cph() - 1, &rules,
                                         ov_str_c(csv), "test.csv", a,
                                         &batch, &rep, &err),
                     OV_OK);
    char job[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    assert_int_equal(ov_session_create(tx, w.job, ov_time_now(), job, csrf,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    const char *path =
        ov_arena_printf(a, "/screening/%lld", (long long)batch);
    const char *da = get(&w, a, path, job, OV_LANG_DA);
    assert_non_null(strstr(da, "title=\"Afsoner dom: udelukket\""));
    const char *en = get(&w, a, path, job, OV_LANG_EN);
    assert_non_null(strstr(en, "title=\"Serving a sentence: excluded\""));
    assert_null(strstr(en, "Afsoner dom"));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_import_report_is_in_the_readers_language),
        cmocka_unit_test(
            a_candidates_criteria_are_explained_in_the_readers_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
