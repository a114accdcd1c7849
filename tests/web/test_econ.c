/*
 * The business case's page and API (ui_econ.c) through the real dispatch
 * and a real store: a saved scenario of another municipality, named in
 * an address or in a body, answers byte for byte as one that does not
 * exist and writes nothing; the national analyst has the national
 * scenarios and no municipality's; bad input is refused next to its
 * field with nothing saved; a figure left as the preset gave it keeps
 * its origin and source while a changed one becomes entered, in Danish
 * numbers; a name saved again keeps its history; the published figures
 * of a preset stand beside the computed ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/log.h"
#include "econ/econ.h"
#include "store/econ_scenario.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
#include "web/handlers.h"

enum { LEADER = 0, LEADER_550, NATIONAL, JOB, NUSERS };

typedef struct fixture {
    tu_world w;
    ov_web app;
    int64_t users[NUSERS];
    char token[NUSERS][OV_TOKEN_HEX];
    char csrf[NUSERS][OV_TOKEN_HEX];
    int64_t sc250, sc550, national;
} fixture;

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    tu_world_init(&f->w);
    f->app.store = f->w.t.store;
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(f->w.t.store, &tu_actor, &tx, &err), OV_OK);
    f->users[LEADER] = f->w.leader;
    f->users[LEADER_550] =
        tu_add_user(tx, "leader.550", OV_ROLE_LEADER, 550, 0);
    f->users[NATIONAL] =
        tu_add_user(tx, "national", OV_ROLE_NATIONAL_ANALYST, 0, 0);
    f->users[JOB] = f->w.job;
    assert_int_equal(ov_econ_saved_add(tx, 250, f->w.leader,
                                       OV_STR_LIT("Halsnæs"),
                                       OV_STR_LIT("{\"horizon\":5}"),
                                       &f->sc250, &err),
                     OV_OK);
    assert_int_equal(ov_econ_saved_add(tx, 550, f->users[LEADER_550],
                                       OV_STR_LIT("Tønder"),
                                       OV_STR_LIT("{\"horizon\":5}"),
                                       &f->sc550, &err),
                     OV_OK);
    assert_int_equal(ov_econ_saved_add(tx, 0, f->users[NATIONAL],
                                       OV_STR_LIT("Landet"),
                                       OV_STR_LIT("{\"horizon\":5}"),
                                       &f->national, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* ids no other number of a page has (a page's "initial-scale=1"),
     * so an id can be blanked out of an answer */
    assert_int_equal(tu_sh("sqlite3 '%s' 'UPDATE econ_scenario SET id = id "
                           "+ 500000'",
                           f->w.t.db),
                     0);
    f->sc250 += 500000;
    f->sc550 += 500000;
    f->national += 500000;
    ov_actor sys = {"test", OV_ROLE_SYSTEM, "test"};
    for (int i = 0; i < NUSERS; i++) {
        assert_int_equal(ov_tx_begin(f->w.t.store, &sys, &tx, &err), OV_OK);
        assert_int_equal(ov_session_create(tx, f->users[i], ov_time_now(),
                                           f->token[i], f->csrf[i], &err),
                         OV_OK);
        assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    }
}

/* A request as user `as` reading in `lang` ("da", "en"; NULL: the
 * default): the status and the body (malloc'd), the CSRF token masked. A
 * body starting with '{' is JSON, else a form. */
static char *request_len(fixture *f, int as, const char *lang, ov_method m,
                         const char *path, const char *query,
                         const char *body, int *status, size_t *len)
{
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = m;
    req.path = ov_str_c(path);
    req.query = ov_str_c(query ? query : "");
    req.body = ov_str_c(body ? body : "");
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("Cookie"),
        ov_str_c(lang ? ov_arena_printf(a, "ov_session=%s; ov_lang=%s",
                                        f->token[as], lang)
                      : ov_arena_printf(a, "ov_session=%s", f->token[as]))};
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("X-CSRF-Token"),
                    ov_str_c(ov_arena_strdup(a, f->csrf[as]))};
    req.headers[req.nheaders++] = (ov_header){
        OV_STR_LIT("Content-Type"),
        body && body[0] == '{'
            ? OV_STR_LIT("application/json")
            : OV_STR_LIT("application/x-www-form-urlencoded")};
    ov_response res;
    ov_response_init(&res, a, 4 << 20);
    ov_web_handle(&f->app, &req, &res);
    *status = res.status;
    ov_str out = ov_buf_str(&res.body);
    char *text = malloc(out.len + 1);
    assert_non_null(text);
    memcpy(text, out.ptr, out.len);
    text[out.len] = '\0';
    *len = out.len;
    size_t tl = strlen(f->csrf[as]);
    for (char *p = strstr(text, f->csrf[as]); p; p = strstr(p + tl, f->csrf[as]))
        memset(p, 'x', tl);
    ov_arena_destroy(a);
    return text;
}

static char *request_in(fixture *f, int as, const char *lang, ov_method m,
                        const char *path, const char *query,
                        const char *body, int *status)
{
    size_t len;
    return request_len(f, as, lang, m, path, query, body, status, &len);
}

static char *request(fixture *f, int as, ov_method m, const char *path,
                     const char *query, const char *body, int *status)
{
    return request_in(f, as, NULL, m, path, query, body, status);
}

static int saved_rows(const fixture *f)
{
    char *out = tu_sh_out("sqlite3 -readonly '%s' 'SELECT count(*) FROM "
                          "econ_scenario'",
                          f->w.t.db);
    int n = atoi(out);
    free(out);
    return n;
}

/* The decimal id in text replaced by "ID" (text freed, malloc'd copy). */
static char *blank(char *text, int64_t id)
{
    char d[32];
    snprintf(d, sizeof d, "%lld", (long long)id);
    size_t n = strlen(d);
    char *out = malloc(2 * strlen(text) + 1);
    assert_non_null(out);
    size_t o = 0;
    for (const char *p = text; *p;) {
        if (strncmp(p, d, n) == 0) {
            memcpy(out + o, "ID", 2);
            o += 2;
            p += n;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    free(text);
    return out;
}

static void another_municipalitys_scenario_answers_as_a_missing_one(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    const int64_t missing = 987654;
    int rows = saved_rows(f);
    /* as the leader of Halsnæs: Tønder's scenario and the national one,
     * in paths, queries and bodies; then the national analyst with
     * Halsnæs' */
    const struct {
        int as;
        int64_t foreign;
    } who[] = {{LEADER, 0}, {LEADER, 1}, {NATIONAL, 2}};
    for (size_t w = 0; w < sizeof who / sizeof who[0]; w++) {
        int64_t foreign = who[w].foreign == 0   ? f->sc550
                          : who[w].foreign == 1 ? f->national
                                                : f->sc250;
        int as = who[w].as;
        for (int k = 0; k < 5; k++) {
            char *out[2];
            int st[2];
            for (int j = 0; j < 2; j++) {
                int64_t id = j == 0 ? foreign : missing;
                char path[96], q[64], body[256];
                snprintf(path, sizeof path,
                         "/api/v1/economics/scenarios/%lld", (long long)id);
                snprintf(q, sizeof q, "scenario=%lld", (long long)id);
                switch (k) {
                case 0:
                    out[j] = request(f, as, OV_GET, path, NULL, NULL, &st[j]);
                    break;
                case 1:
                    snprintf(body, sizeof body, "{\"scenario_id\":%lld}",
                             (long long)id);
                    out[j] = request(f, as, OV_POST,
                                     "/api/v1/economics/compute", NULL, body,
                                     &st[j]);
                    break;
                case 2:
                    out[j] = request(f, as, OV_GET, "/oekonomi", q, NULL,
                                     &st[j]);
                    break;
                case 3:
                    snprintf(body, sizeof body,
                             "base=scenario%%3A%lld&citizens=10",
                             (long long)id);
                    out[j] = request(f, as, OV_POST, "/oekonomi", NULL, body,
                                     &st[j]);
                    break;
                default:
                    snprintf(body, sizeof body,
                             "base=scenario%%3A%lld&name=Kopi",
                             (long long)id);
                    out[j] = request(f, as, OV_POST, "/oekonomi/gem", NULL,
                                     body, &st[j]);
                    break;
                }
                out[j] = blank(out[j], id);
            }
            if (st[0] != 404 || st[1] != 404 || strcmp(out[0], out[1]) != 0)
                fail_msg("probe %d as %d: %d %.200s\n  missing: %d %.200s", k,
                         as, st[0], out[0], st[1], out[1]);
            free(out[0]);
            free(out[1]);
        }
    }
    assert_int_equal(saved_rows(f), rows);
    /* their own: the leader reads Halsnæs', the analyst the nation's */
    int st;
    char path[96];
    snprintf(path, sizeof path, "/api/v1/economics/scenarios/%lld",
             (long long)f->sc250);
    free(request(f, LEADER, OV_GET, path, NULL, NULL, &st));
    assert_int_equal(st, 200);
    snprintf(path, sizeof path, "/api/v1/economics/scenarios/%lld",
             (long long)f->national);
    char *out = request(f, NATIONAL, OV_GET, path, NULL, NULL, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(out, "\"name\":\"Landet\""));
    free(out);
    /* the lists: each sees their own only */
    out = request(f, NATIONAL, OV_GET, "/api/v1/economics/scenarios", NULL,
                  NULL, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(out, "Landet"));
    assert_null(strstr(out, "Halsnæs"));
    assert_non_null(strstr(out, "\"total\":1"));
    free(out);
    out = request(f, LEADER, OV_GET, "/oekonomi", NULL, NULL, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(out, "Halsnæs"));
    assert_null(strstr(out, "Tønder"));
    assert_null(strstr(out, "Landet"));
    free(out);
    tu_db_free(&f->w.t);
}

/* The value and origin of one input of a saved scenario's JSON, as
 * "value|origin" (a plain number is entered). */
static void input_of(const char *json, const char *path, char *out,
                     size_t cap)
{
    json_error_t je;
    json_t *root = json_loads(json, 0, &je);
    assert_non_null(root);
    json_t *x = json_object_get(root, "scenario");
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *k = strtok(buf, "."); k && x; k = strtok(NULL, "."))
        x = k[0] >= '0' && k[0] <= '9' ? json_array_get(x, (size_t)atoi(k))
                                       : json_object_get(x, k);
    assert_non_null(x);
    if (json_is_object(x)) {
        json_t *o = json_object_get(x, "origin");
        snprintf(out, cap, "%g|%s",
                 json_number_value(json_object_get(x, "value")),
                 o ? json_string_value(o) : "entered");
    } else {
        snprintf(out, cap, "%g|entered", json_number_value(x));
    }
    json_decref(root);
}

static void a_saved_form_keeps_the_presets_origins_and_its_own_figures(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int st;
    /* preset C, the effect of year 1 changed in Danish form, the running
     * cost in Danish thousands, saved twice under one name */
    const char *body =
        "base=preset%3Aramb%C3%B8ll-2021-C&name=Vores+C&"
        "effect.0.ordinary=0%2C5&running_per_citizen=90.000&do=save";
    char *out = request(f, LEADER, OV_POST, "/oekonomi/gem", NULL, body, &st);
    assert_int_equal(st, 303);
    free(out);
    out = request(f, LEADER, OV_POST, "/oekonomi/gem", NULL, body, &st);
    assert_int_equal(st, 303);
    free(out);
    out = request(f, LEADER, OV_GET, "/api/v1/economics/scenarios", NULL,
                  NULL, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(out, "\"name\":\"Vores C\""));
    assert_non_null(strstr(out, "\"versions\":2"));
    char *idp = strstr(out, "\"id\":");
    assert_non_null(idp);
    long long id = atoll(idp + 5);
    free(out);
    char path[96];
    snprintf(path, sizeof path, "/api/v1/economics/scenarios/%lld", id);
    char *json = request(f, LEADER, OV_GET, path, NULL, NULL, &st);
    assert_int_equal(st, 200);
    char v[256];
    /* the catalogue's discount rate was left: still the catalogue's */
    input_of(json, "discount_rate", v, sizeof v);
    assert_string_equal(v, "0.035|catalogue");
    /* the changed figures are entered, read as Danish numbers */
    input_of(json, "effect.0.ordinary", v, sizeof v);
    assert_string_equal(v, "0.5|entered");
    input_of(json, "running_per_citizen", v, sizeof v);
    assert_string_equal(v, "90000|entered");
    /* a preset figure left as it was keeps its origin */
    input_of(json, "effect.0.benefit", v, sizeof v);
    assert_non_null(strstr(v, "|reconstructed"));
    free(json);
    tu_db_free(&f->w.t);
}

static void bad_input_is_refused_next_to_its_field_and_nothing_is_saved(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int rows = saved_rows(f), st;
    /* a share outside -1..1: the calculation's message at the field */
    char *out = request(f, LEADER, OV_POST, "/oekonomi/gem", NULL,
                        "base=preset%3Aramb%C3%B8ll-2021-C&name=Forkert&"
                        "effect.0.ordinary=2",
                        &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(out, "href=\"#f-econ-effect.0.ordinary\""));
    assert_non_null(strstr(out, "mellem -1 og 1"));
    free(out);
    /* no number */
    out = request(f, LEADER, OV_POST, "/oekonomi", NULL,
                  "base=preset%3Aramb%C3%B8ll-2021-C&prices.benefit.kommune="
                  "mange",
                  &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(out, "Skriv et tal"));
    free(out);
    /* no name */
    out = request(f, LEADER, OV_POST, "/oekonomi/gem", NULL,
                  "base=preset%3Aramb%C3%B8ll-2021-C&name=", &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(out, "Giv scenariet et navn"));
    free(out);
    /* the API: a horizon of 0 names the field in English */
    out = request(f, LEADER, OV_POST, "/api/v1/economics/scenarios", NULL,
                  "{\"name\":\"API\",\"scenario\":{\"horizon\":0}}", &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(out, "\"field\":\"horizon\""));
    free(out);
    out = request(f, LEADER, OV_POST, "/api/v1/economics/compute", NULL,
                  "{\"preset\":\"rambøll-2021-Z\"}", &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(out, "\"field\":\"preset\""));
    free(out);
    assert_int_equal(saved_rows(f), rows);
    tu_db_free(&f->w.t);
}

static void preset_c_shows_the_published_figures_beside_the_computed(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int st;
    char *out = request(f, LEADER, OV_GET, "/oekonomi",
                        "preset=ramb%C3%B8ll-2021-C", NULL, &st);
    assert_int_equal(st, 200);
    /* computed within 100 kr. of the published 27.400 and 65.400 */
    char *k = strstr(out, "data-payer=\"kommune\">");
    assert_non_null(k);
    assert_true(strncmp(k + 21, "27.3", 4) == 0 ||
                strncmp(k + 21, "27.4", 4) == 0 ||
                strncmp(k + 21, "27.5", 4) == 0);
    assert_non_null(strstr(out, "27.400 kr."));
    assert_non_null(strstr(out, "65.400 kr."));
    /* charts and the sensitivity, and the registered activity */
    assert_non_null(strstr(out, "<svg"));
    assert_non_null(strstr(out, "Følsomhed"));
    assert_non_null(strstr(out, "id=\"aktivitet\""));
    free(out);
    /* the national analyst: the same page, no municipality's activity */
    out = request(f, NATIONAL, OV_GET, "/oekonomi",
                  "preset=ramb%C3%B8ll-2021-C", NULL, &st);
    assert_int_equal(st, 200);
    assert_null(strstr(out, "id=\"aktivitet\""));
    assert_non_null(strstr(out, "Gemte nationale scenarier"));
    free(out);
    /* the download */
    out = request(f, LEADER, OV_POST, "/oekonomi", NULL,
                  "base=preset%3Aramb%C3%B8ll-2021-C&do=xlsx", &st);
    assert_int_equal(st, 200);
    assert_true(out[0] == 'P' && out[1] == 'K'); /* a zip: the workbook */
    free(out);
    tu_db_free(&f->w.t);
}

/* The first of the words in text, or NULL. */
static const char *first_of(const char *text, const char *const *words,
                            size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(text, words[i]))
            return words[i];
    return NULL;
}

#define NOT_IN(text, words)                                                \
    do {                                                                   \
        const char *w_ = first_of(text, words, sizeof words / sizeof *words); \
        if (w_)                                                            \
            fail_msg("the page shows \"%s\": %.200s", w_, strstr(text, w_)); \
    } while (0)

/* The notes the econ layer fills in (a preset's description and title,
 * the reconstructed effects, the derived prices, the catalogue's source)
 * read in Danish on the Danish page and in English on the English one,
 * also from a saved scenario, whose file keeps them in English. */
static void the_notes_of_the_econ_layer_follow_the_readers_language(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    static const char *const english[] = {
        "RECONSTRUCTED", "derived:", "Published per citizen",
        "reconstructed from", "the kommune", "the state's",
        "listed on",     "scenario C: medium effect"};
    static const char *const danish[] = {
        "Rekonstrueret:", "Afledt:", "Offentliggjort pr. borger",
        "regnet baglæns", "kommunens", "findes på", "scenarie C: mellem"};
    int st;
    char *out = request_in(f, LEADER, "da", OV_GET, "/oekonomi",
                           "preset=ramb%C3%B8ll-2021-C", NULL, &st);
    assert_int_equal(st, 200);
    NOT_IN(out, english);
    assert_non_null(strstr(out, "Rekonstrueret: de måneder"));
    assert_non_null(strstr(out, "Afledt: et års kontanthjælp"));
    assert_non_null(strstr(out, "Rambøll 2021, scenarie C. Offentliggjort "
                                "pr. borger: kommunen 27.400 kr."));
    assert_non_null(strstr(out, "Rambøll 2021, scenarie C: mellem effekt"));
    /* no active course in the period: said as it is, not as a missing
     * price */
    assert_non_null(strstr(out, "<p class=\"notice warn\">Der var ingen "
                                "aktive forløb i perioden"));
    free(out);
    out = request_in(f, LEADER, "en", OV_GET, "/oekonomi",
                     "preset=ramb%C3%B8ll-2021-C", NULL, &st);
    assert_int_equal(st, 200);
    NOT_IN(out, danish);
    assert_non_null(strstr(out, "RECONSTRUCTED: the archetype"));
    assert_non_null(strstr(out, "derived: 12 x cash_benefit_month"));
    assert_non_null(strstr(out, "rambøll-2021-C. Published per citizen"));
    assert_non_null(strstr(out, "Rambøll 2021, scenario C: medium effect"));
    free(out);
    /* a saved scenario: its file holds the English notes */
    ov_econ_scenario s;
    ov_err err;
    assert_int_equal(ov_econ_preset_load("rambøll-2021-D", &s, &err), OV_OK);
    char *json = ov_econ_scenario_write(&s);
    assert_non_null(strstr(json, "RECONSTRUCTED: the archetype"));
    ov_tx *tx;
    int64_t id;
    assert_int_equal(ov_tx_begin(f->w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_econ_saved_add(tx, 250, f->w.leader,
                                       OV_STR_LIT("Fra D"), ov_str_c(json),
                                       &id, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    free(json);
    char q[64];
    snprintf(q, sizeof q, "scenario=%lld", (long long)id);
    out = request_in(f, LEADER, "da", OV_GET, "/oekonomi", q, NULL, &st);
    assert_int_equal(st, 200);
    NOT_IN(out, english);
    assert_non_null(strstr(out, "Rekonstrueret: de måneder"));
    assert_non_null(strstr(out, "Rambøll 2021, scenarie D. Offentliggjort"));
    free(out);
    out = request_in(f, LEADER, "en", OV_GET, "/oekonomi", q, NULL, &st);
    assert_int_equal(st, 200);
    NOT_IN(out, danish);
    assert_non_null(strstr(out, "RECONSTRUCTED: the archetype"));
    free(out);
    tu_db_free(&f->w.t);
}

/* In the sensitivity chart of a page, every row's label ends at the same
 * x, left of the bars: none was pushed right into them because it was
 * too long for the margin. */
static void sensitivity_labels_end_left_of_the_bars(const char *page)
{
    const char *svg = strstr(page, "class=\"chart sens\"");
    assert_non_null(svg);
    const char *end = strstr(svg, "</svg>");
    assert_non_null(end);
    char first[32] = "";
    int n = 0;
    for (const char *t = strstr(svg, "<text class=\"axis\" x=\"");
         t && t < end; t = strstr(t + 1, "<text class=\"axis\" x=\"")) {
        const char *x = t + 22;
        const char *q = strchr(x, '"');
        if (!strstr(t, "text-anchor=\"end\"") ||
            strstr(t, "text-anchor=\"end\"") > strchr(t, '>'))
            continue; /* the axis' numbers are centred */
        char v[32];
        snprintf(v, sizeof v, "%.*s", (int)(q - x), x);
        if (n++ == 0)
            snprintf(first, sizeof first, "%s", v);
        else if (strcmp(v, first) != 0)
            fail_msg("a sensitivity label ends at x=%s, the first at x=%s: "
                     "%.120s", v, first, t);
    }
    assert_true(n >= 5);
}

/* The workbook the page offers in `lang`, saved in the test's folder;
 * its member `member` (an XML file of the zip) as text, malloc'd. */
static char *workbook_member(fixture *f, const char *lang, const char *member)
{
    int st;
    size_t len;
    char *xlsx = request_len(f, LEADER, lang, OV_POST, "/oekonomi", NULL,
                             "base=preset%3Aramb%C3%B8ll-2021-C&do=xlsx",
                             &st, &len);
    assert_int_equal(st, 200);
    assert_true(len > 1000 && memcmp(xlsx, "PK", 2) == 0);
    char path[400];
    snprintf(path, sizeof path, "%s/economics-%s.xlsx", f->w.t.dir, lang);
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(xlsx, 1, len, out), len);
    assert_int_equal(fclose(out), 0);
    free(xlsx);
    return tu_sh_out("unzip -p '%s' '%s'", path, member);
}

static void the_english_page_and_its_workbook_read_in_english(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int st;
    /* the published figures of scenario C in English numbers */
    char *out = request_in(f, LEADER, "en", OV_GET, "/oekonomi",
                           "preset=ramb%C3%B8ll-2021-C", NULL, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(out, "27,400 kr."));
    assert_non_null(strstr(out, "65,400 kr."));
    assert_null(strstr(out, "27.400 kr."));
    char *k = strstr(out, "data-payer=\"kommune\">");
    assert_non_null(k);
    assert_true(strncmp(k + 21, "27,3", 4) == 0 ||
                strncmp(k + 21, "27,4", 4) == 0 ||
                strncmp(k + 21, "27,5", 4) == 0);
    /* the charts' axes and tooltips too */
    assert_non_null(strstr(out, ">2,500,000</text>"));
    assert_null(strstr(out, ">2.500.000</text>"));
    assert_non_null(strstr(out, "<title>Year 1, Municipality: -5,"));
    sensitivity_labels_end_left_of_the_bars(out);
    free(out);
    /* the Danish page keeps the Danish form */
    out = request_in(f, LEADER, "da", OV_GET, "/oekonomi",
                     "preset=ramb%C3%B8ll-2021-C", NULL, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(out, "27.400 kr."));
    assert_null(strstr(out, "27,400 kr."));
    assert_non_null(strstr(out, ">2.500.000</text>"));
    sensitivity_labels_end_left_of_the_bars(out);
    free(out);
    /* the workbook downloaded from each page is in its language */
    char *wb = workbook_member(f, "en", "xl/workbook.xml");
    assert_non_null(strstr(wb, "name=\"Result\""));
    assert_non_null(strstr(wb, "name=\"Price catalogue\""));
    assert_null(strstr(wb, "name=\"Resultat\""));
    free(wb);
    char *strings = workbook_member(f, "en", "xl/sharedStrings.xml");
    assert_non_null(strstr(strings, "Net result per citizen"));
    assert_non_null(strstr(strings, "Source: preset rambøll-2021-C"));
    assert_null(strstr(strings, "Nettoresultat"));
    free(strings);
    wb = workbook_member(f, "da", "xl/workbook.xml");
    assert_non_null(strstr(wb, "name=\"Resultat\""));
    assert_null(strstr(wb, "name=\"Result\""));
    free(wb);
    tu_db_free(&f->w.t);
}

/* An API call the leader makes is refused with 400, naming `field`, with
 * `text` in its message. */
static void api_refuses(fixture *f, const char *path, const char *body,
                        const char *field, const char *text)
{
    int st;
    char *out = request(f, LEADER, OV_POST, path, NULL, body, &st);
    char want[96];
    snprintf(want, sizeof want, "\"field\":\"%s\"", field);
    if (st != 400 || !strstr(out, want) || !strstr(out, text))
        fail_msg("%s %s: %d %s; wanted 400 naming %s with \"%s\"", path,
                 body, st, out, field, text);
    free(out);
}

static void the_api_refuses_unknown_keys_and_wrong_types_naming_the_field(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int rows = saved_rows(f);
    static const char compute[] = "/api/v1/economics/compute";
    static const char save[] = "/api/v1/economics/scenarios";
    /* an unknown top-level key, as every API handler says it */
    api_refuses(f, compute, "{\"preset\":\"rambøll-2021-C\",\"bogus\":1}",
                "bogus", "unknown field 'bogus'; remove it");
    api_refuses(f, save,
                "{\"name\":\"x\",\"scenario\":{\"horizon\":5},"
                "\"scenario_id\":1}",
                "scenario_id", "unknown field 'scenario_id'; remove it");
    /* wrong JSON types */
    api_refuses(f, compute, "{\"preset\":5}", "preset",
                "preset: must be a JSON string");
    api_refuses(f, compute, "{\"scenario_id\":\"7\"}", "scenario_id",
                "scenario_id: must be a JSON integer");
    api_refuses(f, compute, "{\"scenario\":[1]}", "scenario",
                "scenario: must be a JSON object");
    api_refuses(f, save, "{\"name\":[\"x\"],\"scenario\":{\"horizon\":5}}",
                "name", "name: must be a JSON string");
    api_refuses(f, save, "{\"name\":\"x\",\"scenario\":\"horizon 5\"}",
                "scenario", "scenario: must be a JSON object");
    /* a missing field, a value over its cap, a control character */
    api_refuses(f, save, "{\"scenario\":{\"horizon\":5}}", "name",
                "name: is required");
    api_refuses(f, save, "{\"name\":\"x\"}", "scenario",
                "scenario: is required");
    api_refuses(f, compute,
                "{\"preset\":\"rambøll-2021-C-and-a-key-far-longer-than-any-"
                "preset-has-ever-been\"}",
                "preset", "preset: must be at most 64 bytes");
    api_refuses(f, save,
                "{\"name\":\"a\\u0007b\",\"scenario\":{\"horizon\":5}}",
                "name", "control character");
    /* inside the scenario the econ layer still names the JSON path */
    api_refuses(f, save,
                "{\"name\":\"x\",\"scenario\":{\"horizon\":5,"
                "\"effect\":[{\"benefit\":2}]}}",
                "effect[0].benefit", "between -1 and 1");
    assert_int_equal(saved_rows(f), rows);
    tu_db_free(&f->w.t);
}

int main(void)
{
    ov_log_set_level(OV_LOG_ERROR);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_english_page_and_its_workbook_read_in_english),
        cmocka_unit_test(
            the_api_refuses_unknown_keys_and_wrong_types_naming_the_field),
        cmocka_unit_test(
            another_municipalitys_scenario_answers_as_a_missing_one),
        cmocka_unit_test(
            a_saved_form_keeps_the_presets_origins_and_its_own_figures),
        cmocka_unit_test(
            bad_input_is_refused_next_to_its_field_and_nothing_is_saved),
        cmocka_unit_test(
            preset_c_shows_the_published_figures_beside_the_computed),
        cmocka_unit_test(
            the_notes_of_the_econ_layer_follow_the_readers_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
