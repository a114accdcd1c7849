/* The business case as files (report/econ_report.h): the workbook's
 * sheets, economics.json with what the report adds, economics.html
 * (Danish, self-contained, escaped, with its charts), and the folder
 * written all or nothing. Results are computed by the real calculation
 * from the presets, or built by hand where a case is easier to state so
 * (a break-even year, none). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "econ/econ.h"
#include "report/econ_report.h"
#include "support/testutil.h"

static void preset(const char *key, ov_econ_scenario *s, ov_econ_result *r)
{
    ov_err err;
    if (ov_econ_preset_load(key, s, &err) != OV_OK)
        fail_msg("preset %s: %s", key, err.msg);
    if (ov_econ_compute(s, r, &err) != OV_OK)
        fail_msg("compute %s: %s", key, err.msg);
}

static const ov_econ_preset *find_preset(const char *key)
{
    size_t n = 0;
    const ov_econ_preset *p = ov_econ_presets(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].key, key) == 0)
            return &p[i];
    fail_msg("no preset %s", key);
    return NULL;
}

/* A result of three years by hand: the cumulative total is -100, -20,
 * +50 (break-even in year 3) unless `never`. */
static void by_hand(ov_econ_scenario *s, ov_econ_result *r, bool never)
{
    ov_econ_scenario_init(s);
    snprintf(s->name, sizeof s->name, "Håndlavet");
    s->horizon = 3;
    s->citizens = (ov_econ_value){10, OV_ECON_ENTERED, NULL};
    memset(r, 0, sizeof *r);
    r->horizon = 3;
    r->citizens = 10;
    double net[3] = {-100, 80, never ? 10 : 70};
    double cum = 0;
    for (int y = 0; y < 3; y++) {
        ov_econ_year *e = &r->years[y];
        e->year = y + 1;
        e->discount_factor = 1;
        cum += net[y];
        e->net[OV_PAYER_KOMMUNE] = e->net[OV_PAYER_N] = net[y];
        e->net_discounted[OV_PAYER_KOMMUNE] = net[y];
        e->net_discounted[OV_PAYER_N] = net[y];
        e->cumulative[OV_PAYER_KOMMUNE] = e->cumulative[OV_PAYER_N] = cum;
    }
    r->total[OV_PAYER_KOMMUNE] = r->total[OV_PAYER_N] = cum;
    r->per_citizen[OV_PAYER_KOMMUNE] = r->per_citizen[OV_PAYER_N] = cum / 10;
    r->break_even_year = never ? 0 : 3;
    r->break_even_payer[OV_PAYER_KOMMUNE] = r->break_even_year;
    r->nsens = 2;
    snprintf(r->sens[0].what, sizeof r->sens[0].what, "effect x 0.5");
    r->sens[0].per_citizen[OV_PAYER_N] = -3;
    snprintf(r->sens[1].what, sizeof r->sens[1].what,
             "price benefit.kommune -20%%");
    r->sens[1].per_citizen[OV_PAYER_N] = 4;
}

static char *html_of(const ov_econ_scenario *s, const ov_econ_result *r,
                     const ov_econ_report_extra *x)
{
    ov_buf b;
    ov_buf_init(&b, NULL, 8u << 20);
    ov_err err;
    if (ov_econ_report_html(s, r, x, &b, &err) != OV_OK)
        fail_msg("html: %s", err.msg);
    char *out = strndup(b.data, b.len);
    ov_buf_free(&b);
    return out;
}

static void the_html_is_danish_self_contained_and_shows_the_published_figures(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_econ_result r;
    preset("rambøll-2021-C", &s, &r);
    ov_econ_report_extra x;
    ov_econ_report_extra_init(&x);
    x.source = "preset rambøll-2021-C";
    x.preset = find_preset("rambøll-2021-C");
    char *h = html_of(&s, &r, &x);
    assert_non_null(strstr(h, "<html lang=\"da\">"));
    /* nothing fetched: no script, no link, no image, no style sheet
     * from elsewhere (the catalogue's sources name their addresses as
     * text, never as a reference) */
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "src="));
    assert_null(strstr(h, "href="));
    assert_null(strstr(h, "<link"));
    assert_null(strstr(h, "url("));
    assert_null(strstr(h, "@import"));
    /* the three charts, inline */
    int svgs = 0;
    for (const char *p = h; (p = strstr(p, "<svg")) != NULL; p++)
        svgs++;
    assert_int_equal(svgs, 3);
    assert_non_null(strstr(h, "Nettoresultat pr. år og betaler"));
    assert_non_null(strstr(h, "Kumuleret resultat og break-even"));
    assert_non_null(strstr(h, "Følsomhed"));
    /* the sensitivity in Danish words and numbers */
    assert_non_null(strstr(h, "Effekten gange 0,5"));
    assert_null(strstr(h, "effect x 0.5"));
    /* the published figures beside, as Danish amounts: C's kommune
     * 27.400 and stat 65.400 */
    assert_non_null(strstr(h, "Offentliggjort pr. borger"));
    assert_non_null(strstr(h, "<td>27.400</td>"));
    assert_non_null(strstr(h, "<td>65.400</td>"));
    /* the inputs say they are reconstructed, with the origin in words */
    assert_non_null(strstr(h, "rekonstrueret"));
    assert_non_null(strstr(h, "Forudsætninger"));
    free(h);
}

static void text_from_the_scenario_is_escaped(void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_econ_result r;
    by_hand(&s, &r, false);
    snprintf(s.name, sizeof s.name, "<script>alert(1)</script>");
    snprintf(s.description, sizeof s.description, "\"a\" & 'b'");
    char *h = html_of(&s, &r, NULL);
    assert_null(strstr(h, "<script>"));
    assert_non_null(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(h, "&quot;a&quot; &amp; &#39;b&#39;"));
    free(h);
}

static void the_break_even_year_is_marked_on_the_curve_or_said_to_be_none(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_econ_result r;
    by_hand(&s, &r, false);
    char *h = html_of(&s, &r, NULL);
    assert_non_null(strstr(h, "Break-even: år 3"));
    assert_non_null(strstr(h, "<strong>år 3</strong>"));
    free(h);
    by_hand(&s, &r, true);
    h = html_of(&s, &r, NULL);
    assert_null(strstr(h, "Break-even: år"));
    assert_non_null(strstr(h, "ikke inden for 3 år"));
    assert_non_null(strstr(h, "tjener sig <strong>ikke</strong> ind"));
    free(h);
}

static void sensitivity_rows_read_in_danish(void **state)
{
    (void)state;
    char out[160];
    ov_econ_sens_text("effect x 0.75", OV_ECON_LANG_DA, out, sizeof out);
    assert_string_equal(out, "Effekten gange 0,75");
    ov_econ_sens_text("price benefit.kommune -20%", OV_ECON_LANG_DA, out,
                      sizeof out);
    assert_string_equal(out, "Prisen på kontanthjælp for kommune -20 %");
    ov_econ_sens_text("running cost +20%", OV_ECON_LANG_DA, out, sizeof out);
    assert_string_equal(out, "Driftsomkostningen +20 %");
    /* a form it does not know is kept, not guessed at */
    ov_econ_sens_text("price nothing.kommune -20%", OV_ECON_LANG_DA, out,
                      sizeof out);
    assert_string_equal(out, "price nothing.kommune -20%");
    ov_econ_sens_text("something else", OV_ECON_LANG_DA, out, sizeof out);
    assert_string_equal(out, "something else");
}

static void sensitivity_rows_read_in_english(void **state)
{
    (void)state;
    char out[160];
    ov_econ_sens_text("effect x 0.75", OV_ECON_LANG_EN, out, sizeof out);
    assert_string_equal(out, "The effect times 0.75");
    ov_econ_sens_text("price benefit.kommune -20%", OV_ECON_LANG_EN, out,
                      sizeof out);
    assert_string_equal(out,
                        "The price of cash benefit for municipality -20%");
    ov_econ_sens_text("running cost +20%", OV_ECON_LANG_EN, out, sizeof out);
    assert_string_equal(out, "The running cost +20%");
    ov_econ_sens_text("something else", OV_ECON_LANG_EN, out, sizeof out);
    assert_string_equal(out, "something else");
}

static const ov_table *sheet(const ov_table *t, const char *name)
{
    for (int i = 0; i < OV_ECON_SHEETS; i++)
        if (strcmp(t[i].name, name) == 0)
            return &t[i];
    fail_msg("no sheet %s", name);
    return &t[0];
}

/* The row whose first cell is `first` (the test fails without one). */
static const ov_cell *row_of(const ov_table *t, const char *first)
{
    for (int i = 0; i < t->nrows; i++) {
        const ov_cell *c = &t->cells[i * t->ncols];
        if (c->kind == OV_CELL_TEXT && ov_str_eq_c(c->text, first))
            return c;
    }
    fail_msg("sheet %s has no row %s", t->name, first);
    return t->cells;
}

static void the_sheets_hold_the_result_inputs_years_sensitivity_catalogue(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_econ_result r;
    preset("rambøll-2021-B", &s, &r);
    /* one effect measured, with its standard error */
    s.effect[0][OV_ESTATE_BENEFIT] =
        (ov_econ_value){-0.1, OV_ECON_MEASURED, "evaluation"};
    s.effect_se[0][OV_ESTATE_BENEFIT] = 0.02;
    ov_err err;
    assert_int_equal(ov_econ_compute(&s, &r, &err), OV_OK);
    ov_arena *a = ov_arena_new(0);
    ov_table t[OV_ECON_SHEETS];
    ov_econ_tables(&s, &r, NULL, OV_ECON_LANG_DA, a, t);
    const ov_table *res = sheet(t, "Resultat");
    const ov_cell *pc =
        row_of(res, "Nettoresultat pr. borger (kr., diskonteret)");
    for (int k = 0; k <= OV_PAYER_N; k++) {
        assert_int_equal(pc[k + 1].kind, OV_CELL_NUMBER);
        assert_true(pc[k + 1].number == r.per_citizen[k]);
    }
    const ov_table *yr = sheet(t, "År");
    assert_int_equal(yr->nrows, r.horizon);
    for (int y = 0; y < r.horizon; y++) {
        const ov_cell *c = &yr->cells[y * yr->ncols];
        assert_true(c[0].number == y + 1);
        /* the last column: the cumulative total */
        assert_true(c[yr->ncols - 1].number ==
                    r.years[y].cumulative[OV_PAYER_N]);
    }
    const ov_table *sens = sheet(t, "Følsomhed");
    assert_int_equal(sens->nrows, r.nsens + 1);
    const ov_table *in = sheet(t, "Forudsætninger");
    const ov_cell *eff = row_of(in, "effect[0].benefit");
    assert_true(eff[2].number == -0.1);
    assert_true(eff[4].number == 0.02);
    assert_true(ov_str_eq_c(eff[5].text, "målt"));
    const ov_cell *cit = row_of(in, "citizens");
    assert_true(cit[2].number == s.citizens.v);
    const ov_table *cat = sheet(t, "Priskatalog");
    size_t ncat = 0;
    ov_econ_catalogue(&ncat);
    assert_int_equal(cat->nrows, (int)ncat);
    assert_true(ncat > 0);
    /* the workbook writes */
    ov_str bytes;
    assert_int_equal(ov_xlsx_bytes(t, OV_ECON_SHEETS, NULL, a, &bytes, &err),
                     OV_OK);
    assert_true(bytes.len > 1000 && memcmp(bytes.ptr, "PK", 2) == 0);
    ov_arena_destroy(a);
}

/* Words that show an English text of the econ layer (a note, a source,
 * a description) on a Danish page: the notes the presets carry were
 * English, "derived: 12 x cash_benefit_month ...", "RECONSTRUCTED: ...". */
static const char *const english_telltales[] = {
    "the ",   "The ",      "derived",     "Published", "reconstructed",
    "RECONSTRUCTED", "measured", "per citizen", "none:", " x ",
    "listed on", "must be entered"};

/* The first telltale in text, or NULL. */
static const char *english_in(const char *text)
{
    for (size_t i = 0;
         i < sizeof english_telltales / sizeof english_telltales[0]; i++)
        if (strstr(text, english_telltales[i]))
            return english_telltales[i];
    return NULL;
}

/* The text a reader of the HTML sees: the markup between < and > (class
 * names such as "o-derived" are keys, not text) dropped. */
static char *visible_text(const char *h)
{
    char *out = malloc(strlen(h) + 1);
    size_t o = 0;
    bool tag = false;
    for (const char *c = h; *c; c++) {
        if (*c == '<')
            tag = true;
        else if (*c == '>') {
            tag = false;
            out[o++] = ' ';
        } else if (!tag)
            out[o++] = *c;
    }
    out[o] = '\0';
    return out;
}

static void the_danish_report_of_each_preset_has_no_english_text(
    void **state)
{
    (void)state;
    static const char *const keys[] = {"rambøll-2021-A", "rambøll-2021-B",
                                       "rambøll-2021-C", "rambøll-2021-D"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        ov_econ_scenario s;
        ov_econ_result r;
        preset(keys[k], &s, &r);
        ov_econ_report_extra x;
        ov_econ_report_extra_init(&x);
        x.source = "forudindstillet scenarie";
        x.preset = find_preset(keys[k]);
        /* economics.html: the text a reader sees, the style sheet and
         * the charts' markup aside */
        char *h = html_of(&s, &r, &x);
        char *body = strstr(h, "<body");
        assert_non_null(body);
        char *v = visible_text(body);
        const char *w = english_in(v);
        if (w)
            fail_msg("%s: economics.html shows English (\"%s\") in: %.300s",
                     keys[k], w, strstr(v, w) - 150 > v ? strstr(v, w) - 150
                                                         : v);
        /* the description and the notes are there, in Danish */
        assert_non_null(strstr(v, "Offentliggjort pr. borger"));
        if (k > 0) {
            assert_non_null(strstr(v, "Rekonstrueret:"));
            assert_non_null(strstr(v, "Afledt:"));
        }
        free(v);
        free(h);
        /* economics.xlsx: every text cell of every sheet */
        ov_arena *a = ov_arena_new(0);
        ov_table t[OV_ECON_SHEETS];
        ov_econ_tables(&s, &r, &x, OV_ECON_LANG_DA, a, t);
        for (int i = 0; i < OV_ECON_SHEETS; i++) {
            if (t[i].note && (w = english_in(t[i].note)))
                fail_msg("%s: sheet %s's note shows English (\"%s\"): %s",
                         keys[k], t[i].name, w, t[i].note);
            for (int c = 0; c < t[i].nrows * t[i].ncols; c++) {
                const ov_cell *cell = &t[i].cells[c];
                if (cell->kind != OV_CELL_TEXT || !cell->text.ptr)
                    continue;
                char *txt = strndup(cell->text.ptr, cell->text.len);
                if ((w = english_in(txt)))
                    fail_msg("%s: sheet %s shows English (\"%s\"): %s",
                             keys[k], t[i].name, w, txt);
                free(txt);
            }
        }
        ov_arena_destroy(a);
    }
}

/* Words that show a Danish text in the English workbook: the report's
 * own labels and units, and the Danish forms of the econ layer's notes.
 * (Names of Danish sources, "Rambøll (2021) Slutevaluering", and the
 * scenario format's keys, "cost_share.kommune", stay as they are.) */
static const char *const danish_telltales[] = {
    "borger", " pr. ", "Netto",  "Omkostning", "Konsekvens", "Kumuleret",
    "Forudsætning", "Følsomhed", "Priskatalog", "Kilde", "Mangler",
    "antaget", "målt", "Afledt", "afledt", "Rekonstrueret", "kontanthjælp",
    "beskæftigelse", "gange", "Værdi", "Enhed", "Tidshorisont"};

static const char *danish_in(const char *text)
{
    for (size_t i = 0;
         i < sizeof danish_telltales / sizeof danish_telltales[0]; i++)
        if (strstr(text, danish_telltales[i]))
            return danish_telltales[i];
    return NULL;
}

static void the_english_workbook_has_english_sheets_headings_and_notes(
    void **state)
{
    (void)state;
    static const char *const keys[] = {"rambøll-2021-A", "rambøll-2021-B",
                                       "rambøll-2021-C", "rambøll-2021-D"};
    static const char *const names[OV_ECON_SHEETS] = {
        "Result", "Inputs", "Years", "Sensitivity", "Price catalogue"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        ov_econ_scenario s;
        ov_econ_result r;
        preset(keys[k], &s, &r);
        ov_econ_report_extra x;
        ov_econ_report_extra_init(&x);
        x.source = "preset";
        x.preset = find_preset(keys[k]);
        ov_arena *a = ov_arena_new(0);
        ov_table t[OV_ECON_SHEETS];
        ov_econ_tables(&s, &r, &x, OV_ECON_LANG_EN, a, t);
        for (int i = 0; i < OV_ECON_SHEETS; i++)
            assert_string_equal(t[i].name, names[i]);
        /* the figures are the same numbers, under English labels */
        const ov_cell *pc =
            row_of(&t[0], "Net result per citizen (kr., discounted)");
        for (int q = 0; q <= OV_PAYER_N; q++)
            assert_true(pc[q + 1].number == r.per_citizen[q]);
        assert_string_equal(t[0].headers[1], "Municipality");
        assert_string_equal(t[0].headers[4], "Total");
        assert_string_equal(t[2].headers[t[2].ncols - 1], "Cumulative total");
        assert_non_null(strstr(t[0].note, "Source: preset."));
        row_of(&t[0], "Published per citizen (Rambøll 2021)");
        row_of(&t[3], "The calculation as it is");
        if (k > 0) { /* A has no effect, so no price is needed */
            const ov_cell *ben = row_of(&t[1], "prices.benefit.kommune");
            assert_true(ov_str_eq_c(ben[5].text, "derived"));
            assert_true(strncmp(ben[6].text.ptr,
                                "derived: 12 x cash_benefit", 26) == 0);
        }
        /* no Danish in any text a reader sees: titles, headings, notes,
         * cells (the inputs' and the catalogue's keys aside, and the
         * catalogue's sources: the titles of Danish publications) */
        const char *w;
        for (int i = 0; i < OV_ECON_SHEETS; i++) {
            if ((w = danish_in(t[i].title)))
                fail_msg("%s: sheet %s's title shows Danish (\"%s\"): %s",
                         keys[k], t[i].name, w, t[i].title);
            if (t[i].note && (w = danish_in(t[i].note)))
                fail_msg("%s: sheet %s's note shows Danish (\"%s\"): %s",
                         keys[k], t[i].name, w, t[i].note);
            for (int c = 0; c < t[i].ncols; c++)
                if ((w = danish_in(t[i].headers[c])))
                    fail_msg("%s: sheet %s's heading shows Danish (\"%s\")",
                             keys[k], t[i].name, t[i].headers[c]);
            for (int c = 0; c < t[i].nrows * t[i].ncols; c++) {
                const ov_cell *cell = &t[i].cells[c];
                if (cell->kind != OV_CELL_TEXT || !cell->text.ptr ||
                    ((i == 1 || i == 4) && c % t[i].ncols == 0) ||
                    (i == 4 && c % t[i].ncols == 4))
                    continue;
                char *txt = strndup(cell->text.ptr, cell->text.len);
                if ((w = danish_in(txt)))
                    fail_msg("%s: sheet %s shows Danish (\"%s\"): %s",
                             keys[k], t[i].name, w, txt);
                free(txt);
            }
        }
        ov_arena_destroy(a);
    }
}

static json_t *json_of(const ov_econ_scenario *s, const ov_econ_result *r,
                       const ov_econ_report_extra *x)
{
    char *j = ov_econ_report_json(s, r, x);
    assert_non_null(j);
    json_error_t je;
    json_t *root = json_loads(j, 0, &je);
    free(j);
    assert_non_null(root);
    return root;
}

static void the_json_shows_the_activity_cost_beside_the_entered_one(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_econ_result r;
    preset("rambøll-2021-A", &s, &r);
    ov_econ_report_extra x;
    ov_econ_report_extra_init(&x);
    x.source = "preset rambøll-2021-A";
    x.has_activity = true;
    x.municipality_code = 250;
    x.activity.from = ov_date_from_ymd(2026, 1, 1);
    x.activity.to = ov_date_from_ymd(2026, 6, 30);
    x.activity.citizens = 12;
    x.activity.events[OV_ACT_FOLLOWUP] = 30;
    x.activity.staff[OV_ACT_FOLLOWUP][OV_ACT_ROLE_CTI] = 30;
    x.running_entered = s.running_per_citizen;
    x.running_activity = (ov_econ_value){4321.5, OV_ECON_MEASURED, "act"};
    json_t *root = json_of(&s, &r, &x);
    /* the calculation's own fields are kept */
    assert_true(json_is_object(json_object_get(root, "per_citizen")));
    assert_true(json_is_array(json_object_get(root, "years")));
    assert_string_equal(
        json_string_value(json_object_get(root, "source")),
        "preset rambøll-2021-A");
    json_t *in = json_object_get(root, "inputs");
    json_t *act = json_object_get(in, "running_per_citizen_from_activity");
    assert_true(json_real_value(json_object_get(act, "value")) == 4321.5);
    assert_string_equal(json_string_value(json_object_get(act, "origin")),
                        "measured");
    json_t *ent = json_object_get(in, "running_per_citizen_entered");
    assert_true(json_number_value(json_object_get(ent, "value")) ==
                s.running_per_citizen.v);
    json_t *ac = json_object_get(root, "activity");
    assert_int_equal(json_integer_value(json_object_get(ac, "citizens")), 12);
    assert_string_equal(json_string_value(json_object_get(ac, "from")),
                        "2026-01-01");
    json_t *fu = json_object_get(json_object_get(ac, "events"), "followup");
    assert_int_equal(json_integer_value(json_object_get(fu, "count")), 30);
    assert_int_equal(
        json_integer_value(json_object_get(
            json_object_get(json_object_get(ac, "staff"), "followup"),
            "cti")),
        30);
    json_decref(root);
    /* without an extra: the calculation's document as it is */
    root = json_of(&s, &r, NULL);
    assert_null(json_object_get(root, "activity"));
    assert_null(json_object_get(root, "source"));
    json_decref(root);
}

static bool exists(const char *dir, const char *name)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct stat st;
    return stat(p, &st) == 0;
}

static void the_folder_gets_all_three_files_or_none(void **state)
{
    (void)state;
    char base[] = "/tmp/ov-econ-report-XXXXXX";
    assert_non_null(mkdtemp(base));
    char dir[300];
    snprintf(dir, sizeof dir, "%s/out/deeper", base);
    ov_econ_scenario s;
    ov_econ_result r;
    preset("rambøll-2021-D", &s, &r);
    ov_err err;
    assert_int_equal(ov_econ_report_write(dir, &s, &r, NULL, &err), OV_OK);
    assert_true(exists(dir, "economics.json"));
    assert_true(exists(dir, "economics.xlsx"));
    assert_true(exists(dir, "economics.html"));
    assert_false(exists(dir, ".economics.json.tmp"));
    struct stat st;
    char p[512];
    snprintf(p, sizeof p, "%s/economics.xlsx", dir);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 077, 0); /* owner-only */

    /* the html cannot be made from an incomplete result, after the json
     * and the workbook were: nothing is left, and the folder this call
     * made is gone */
    char dir2[300];
    snprintf(dir2, sizeof dir2, "%s/second", base);
    ov_econ_result bad = r;
    bad.nsens = -1;
    assert_int_equal(ov_econ_report_write(dir2, &s, &bad, NULL, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "economics.html"));
    assert_false(exists(dir2, "."));
    /* into an existing folder: the earlier files stay as they were */
    assert_int_equal(ov_econ_report_write(dir, &s, &bad, NULL, &err),
                     OV_EINVAL);
    assert_true(exists(dir, "economics.json"));
    assert_false(exists(dir, ".economics.json.tmp"));
    assert_false(exists(dir, ".economics.xlsx.tmp"));
    assert_false(exists(dir, ".economics.html.tmp"));
    tu_sh("rm -rf '%s'", base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            the_html_is_danish_self_contained_and_shows_the_published_figures),
        cmocka_unit_test(text_from_the_scenario_is_escaped),
        cmocka_unit_test(
            the_break_even_year_is_marked_on_the_curve_or_said_to_be_none),
        cmocka_unit_test(sensitivity_rows_read_in_danish),
        cmocka_unit_test(sensitivity_rows_read_in_english),
        cmocka_unit_test(the_danish_report_of_each_preset_has_no_english_text),
        cmocka_unit_test(
            the_english_workbook_has_english_sheets_headings_and_notes),
        cmocka_unit_test(
            the_sheets_hold_the_result_inputs_years_sensitivity_catalogue),
        cmocka_unit_test(
            the_json_shows_the_activity_cost_beside_the_entered_one),
        cmocka_unit_test(the_folder_gets_all_three_files_or_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
