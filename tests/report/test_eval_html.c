/*
 * report.html of an effect evaluation: one self-contained Danish document
 * with every section, escaped names, Danish numbers, dashes for values
 * that do not exist, and well-formed inline SVG. The result is built by
 * hand (a fake register with a few ids, fields set directly).
 *
 * With OV_EVAL_HTML_SAMPLE=/path/report.html the sample report is also
 * written there, to look at in a browser.
 */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/eval_html.h"

#define EVIL "x<script>&\"'"
#define EVIL_ESCAPED "x&lt;script&gt;&amp;&quot;&#39;"

enum { NP = 6, NB = 5, NCOEF = 4, MAXOC = 64 };

static ov_str ids[NP] = {OV_STR_LIT("P1"), OV_STR_LIT("P2"),
                         OV_STR_LIT("P3"), OV_STR_LIT("P4"),
                         OV_STR_LIT("P5"), OV_STR_LIT("P6")};
static unsigned char treated[NP] = {1, 1, 0, 0, 0, 0};
static char cov_age[] = "age", cov_sex[] = "sex", cov_evil[] = EVIL;
static ov_reg_covariate covs[3];
static ov_register reg;
static ov_eval_balance bal[NB];
static ov_eval_outcome oc[MAXOC];
static ov_eval_coef coef[NCOEF];
static char bal_names[NB][32] = {"age", "sex=kvinde", EVIL,
                                 "education=grundskole", "ledighed"};
static char coef_names[NCOEF][32] = {"(Intercept)", "age", "sex=kvinde",
                                     EVIL};
static ov_eval_result res;

static void set_outcome(ov_eval_outcome *o, double mt, double mc, double se)
{
    o->treated_mean = mt;
    o->control_mean = mc;
    o->att = mt - mc;
    o->se = se;
    o->t = o->att / se;
    o->df = 1608;
    o->ci_low = o->att - 1.96 * se;
    o->ci_high = o->att + 1.96 * se;
    o->p_value = isnan(o->t) ? (double)NAN : fabs(o->t) > 4 ? 0.00001 : 0.034;
    o->boot_low = o->boot_high = NAN;
    o->naive_treated_mean = mt * 1.05;
    o->naive_control_mean = mc * 0.8;
    o->n_treated = 805;
    o->n_control = 790;
    o->n_treated_excluded = 0;
    o->n_control_excluded = 0;
}

/* A plausible evaluation of 12,345 persons; `boot` adds bootstrap
 * intervals. */
static void build(bool boot)
{
    memset(&res, 0, sizeof res);
    memset(&reg, 0, sizeof reg);
    covs[0] = (ov_reg_covariate){.name = cov_age};
    covs[1] = (ov_reg_covariate){.name = cov_sex, .categorical = true};
    covs[2] = (ov_reg_covariate){.name = cov_evil};
    reg.n = NP;
    reg.id = ids;
    reg.treated = treated;
    reg.ncov = 3;
    reg.cov = covs;
    res.reg = &reg;

    res.n_persons = 12345;
    res.n_dropped_missing = 17;
    res.n_treated = 812;
    res.n_control = 11533;
    res.n_discarded_treated = 3;
    res.n_discarded_control = 410;
    res.n_treated_matched = 805;
    res.n_control_matched = 790;
    res.n_pairs = 805;
    res.month_rows = 583201;
    res.persons_without_months = 4;
    res.caliper_abs = 0.03125;
    res.options.ratio = 1;
    res.options.has_caliper = true;
    res.options.caliper = 0.2;
    res.options.discard_both = true;
    res.options.exact = "kommune";
    res.options.bootstrap = boot ? 999 : 0;

    for (int i = 0; i < NCOEF; i++)
        coef[i] = (ov_eval_coef){coef_names[i], 0.5 - 0.3 * i};
    res.ncoef = NCOEF;
    res.coef = coef;
    res.iterations = 5;
    res.deviance = 5123.456;
    res.null_deviance = 6543.21;

    for (int i = 0; i < NB; i++) {
        ov_eval_balance *b = &bal[i];
        *b = (ov_eval_balance){.covariate = bal_names[i]};
        b->binary = i == 1 || i == 3;
        double mt = b->binary ? 0.55 : 41.2, mc = b->binary ? 0.38 : 37.9;
        b->mean_t_before = mt;
        b->mean_c_before = mc;
        b->smd_before = 0.35 - 0.05 * i;
        b->var_ratio_before = b->binary ? (double)NAN : 1.31;
        b->ecdf_mean_before = 0.08;
        b->ecdf_max_before = 0.17;
        b->mean_t_after = mt;
        b->mean_c_after = mt - 0.01;
        b->smd_after = i == 2 ? 0.15 : 0.02 - 0.01 * i;
        b->var_ratio_after = b->binary ? (double)NAN : 1.02;
        b->ecdf_mean_after = 0.01;
        b->ecdf_max_after = 0.04;
    }
    /* a covariate whose statistics could not be computed */
    bal[4].smd_before = bal[4].smd_after = NAN;
    bal[4].mean_c_after = NAN;
    res.nbalance = NB;
    res.balance = bal;

    const char *numcols[] = {"income"};
    ov_outcome_spec specs[MAXOC];
    int n = ov_outcome_defaults(numcols, 1, specs, MAXOC - 1);
    double cum_t = 0, cum_c = 0;
    for (int i = 0; i < n; i++) {
        ov_eval_outcome *o = &oc[i];
        memset(o, 0, sizeof *o);
        o->spec = specs[i];
        if (strcmp(specs[i].name, "employed_m12") == 0)
            set_outcome(o, 0.301, 0.207, 0.02);
        else if (strcmp(specs[i].name, "months_ordinary_1_36") == 0)
            set_outcome(o, 8.43, 6.12, 0.9);
        else if (strcmp(specs[i].name, "income_1_12") == 0)
            set_outcome(o, 123456.7, 110000.0, 5000.0);
        else if (specs[i].curve == 1) {
            int q = specs[i].quarter;
            set_outcome(o, 0.06 + 0.004 * q, 0.045 + 0.003 * q, 0.01);
            o->n_treated = 805 - 40 * (size_t)q;
            o->n_control = 790 - 45 * (size_t)q;
        } else if (specs[i].curve == 2) {
            int q = specs[i].quarter;
            cum_t = 1 - (1 - cum_t) * (1 - (0.06 + 0.004 * q));
            cum_c = 1 - (1 - cum_c) * (1 - (0.045 + 0.003 * q));
            set_outcome(o, cum_t, cum_c, 0.015);
        } else
            set_outcome(o, 0.12 + 0.01 * i, 0.1 + 0.01 * i, 0.015);
        if (boot) {
            o->boot_low = o->ci_low * 0.98;
            o->boot_high = o->ci_high * 1.02;
        }
    }
    /* the register of a few persons is too short for the last quarters */
    for (int i = 0; i < n; i++)
        if (oc[i].spec.curve && oc[i].spec.quarter >= 11) {
            oc[i].n_treated_excluded = 12;
            oc[i].n_control_excluded = 31;
        }
    /* the last hazard quarter could not be estimated */
    for (int i = 0; i < n; i++)
        if (oc[i].spec.curve == 1 && oc[i].spec.quarter == 12) {
            double nt = oc[i].n_treated, nc = oc[i].n_control;
            set_outcome(&oc[i], NAN, NAN, NAN);
            oc[i].n_treated = (size_t)nt;
            oc[i].n_control = (size_t)nc;
            oc[i].reason = OV_ATT_NO_TREATED;
        }
    /* a user outcome with a hostile name, nothing estimable */
    ov_eval_outcome *e = &oc[n++];
    memset(e, 0, sizeof *e);
    snprintf(e->spec.name, sizeof e->spec.name, "%s", EVIL);
    snprintf(e->spec.column, sizeof e->spec.column, "%s", EVIL);
    e->spec.kind = OV_OC_SUM;
    e->spec.a = 1;
    e->spec.b = 6;
    set_outcome(e, NAN, NAN, NAN);
    e->reason = OV_ATT_NO_ROWS;
    res.noutcomes = n;
    res.outcomes = oc;

    /* score histograms: participants around 0.6, others around 0.25; after
     * matching the controls look like the participants */
    for (int k = 0; k < OV_EVAL_HIST_BINS; k++) {
        double x = (k + 0.5) / OV_EVAL_HIST_BINS;
        double ft = exp(-(x - 0.6) * (x - 0.6) / 0.02);
        double fc = exp(-(x - 0.25) * (x - 0.25) / 0.03);
        res.hist[1][0][k] = round(80 * ft);
        res.hist[0][0][k] = round(1100 * fc);
        res.hist[1][1][k] = round(80 * ft);
        res.hist[0][1][k] = 78 * exp(-(x - 0.58) * (x - 0.58) / 0.02);
    }
}

/* The report of `res` as a malloc'd string. */
static char *render(void)
{
    ov_buf b;
    ov_buf_init(&b, NULL, 64u << 20);
    ov_err err;
    ov_err_clear(&err);
    ov_status st = ov_eval_report_html(&res, &b, &err);
    if (st != OV_OK)
        fail_msg("report failed: %s", err.msg);
    char *s = strdup(b.data);
    ov_buf_free(&b);
    return s;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The part of doc from `from` up to (not including) `to` (or the end). */
static char *slice(const char *doc, const char *from, const char *to)
{
    const char *a = strstr(doc, from);
    assert_non_null(a);
    const char *z = to ? strstr(a + strlen(from), to) : NULL;
    size_t n = z ? (size_t)(z - a) : strlen(a);
    char *s = malloc(n + 1);
    memcpy(s, a, n);
    s[n] = '\0';
    return s;
}

static void the_document_is_self_contained_without_links_or_scripts(
    void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    assert_true(strncmp(doc, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(doc, "<html lang=\"da\">"));
    assert_non_null(strstr(doc, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(doc, "<style>"));
    const char *banned[] = {"http", "src=", "<script", "<link", "url(",
                            "@import", "href=", "<img", "<iframe",
                            "onload", "javascript"};
    for (size_t i = 0; i < sizeof banned / sizeof *banned; i++)
        if (strstr(doc, banned[i]))
            fail_msg("the report contains '%s'", banned[i]);
    size_t n = strlen(doc);
    assert_true(n > 20 && strcmp(doc + n - 8, "</html>\n") == 0);
    assert_int_equal(count(doc, "<html"), 1);
    free(doc);
}

static void every_section_has_its_danish_heading_in_order(void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    const char *headings[] = {
        "<h1>Effektevaluering: Social støtte i overgang til og "
        "fastholdelse i job</h1>",
        "<h2>Design og udvælgelse</h2>",
        "<h2>Balance</h2>",
        "<h2>Overlap i propensity score</h2>",
        "<h2>Effekter</h2>",
        "<h2>Afgang til ordinær beskæftigelse pr. kvartal</h2>",
        "<h2>Propensity score-model</h2>",
        "<h2>Metodenoter</h2>",
    };
    const char *prev = doc;
    for (size_t i = 0; i < sizeof headings / sizeof *headings; i++) {
        const char *p = strstr(doc, headings[i]);
        if (!p)
            fail_msg("heading missing: %s", headings[i]);
        if (p < prev)
            fail_msg("heading out of order: %s", headings[i]);
        prev = p;
    }
    /* the intro names the comparison and the method from the options */
    assert_non_null(strstr(doc, "matchet kontrolgruppe"));
    assert_non_null(strstr(doc, "logistisk regression"));
    assert_non_null(strstr(doc, "uden tilbagelægning"));
    assert_non_null(strstr(doc, "caliper på 0,20 standardafvigelser"));
    assert_non_null(strstr(doc, "discard: both"));
    assert_non_null(strstr(doc, "eksakt på <code>kommune</code>"));
    /* the footer's method notes */
    assert_non_null(strstr(doc, "HC1"));
    assert_non_null(strstr(doc, "t-fordelingen"));
    assert_non_null(strstr(doc, "MatchIt ≥ 4.5.4"));
    free(doc);
}

static void names_from_the_data_are_escaped_everywhere(void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    assert_null(strstr(doc, "<script"));
    assert_null(strstr(doc, EVIL));
    /* covariate list, balance table, love plot, coefficient table,
     * outcome table, outcome definition (the sum's column) */
    assert_true(count(doc, EVIL_ESCAPED) >= 6);
    char *model = slice(doc, "<section id=\"model\"", "</section>");
    assert_non_null(strstr(model, "<td>" EVIL_ESCAPED "</td>"));
    free(model);
    assert_non_null(strstr(doc, "Summen af " EVIL_ESCAPED));
    free(doc);
}

static void values_that_do_not_exist_show_a_dash_never_nan(void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    const char *bad[] = {"nan", "NaN", "NAN", "inf", "Inf"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (strstr(doc, bad[i]))
            fail_msg("the report shows '%s'", bad[i]);
    /* the hostile outcome estimates nothing: every number is a dash */
    char *row = slice(doc, "<tr><td><code>" EVIL_ESCAPED, "</tr>");
    assert_true(count(row, ">–<") >= 6);
    free(row);
    /* variance ratio of a binary covariate */
    char *brow = slice(doc, "<td>sex=kvinde</td>", "</tr>");
    assert_non_null(strstr(brow, "<td>–</td>"));
    free(brow);
    free(doc);
}

/* A dash says why: next to the outcome's definition in the effects
 * table, and under the quarterly table for a quarter. */
static void a_missing_value_says_why_beside_its_dash(void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    char *row = slice(doc, "<tr><td><code>" EVIL_ESCAPED, "</tr>");
    assert_non_null(strstr(row, "<span class=\"note why\">Ingen matchet "
                                "persons register når måned 6; udtrækket er "
                                "for kort til dette udfald.</span>"));
    free(row);
    assert_non_null(strstr(doc, "<p class=\"note why\">Afgangsrate, "
                                "kvartal 12: Ingen matchet deltager er i "
                                "risiko i kvartal 12 med et register, der "
                                "dækker måned 34–36.</p>"));
    /* an estimated outcome has no reason */
    char *ok = slice(doc, "<tr><td><code>employed_<wbr>m12", "</tr>");
    assert_null(strstr(ok, "why"));
    free(ok);
    assert_int_equal(count(doc, "class=\"note why\""), 2);
    free(doc);
}

/* With replacement the method notes say the SE is clustered by matched
 * set and by person; without, they do not. */
static void the_notes_name_two_way_clustering_only_with_replacement(
    void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    char *notes = slice(doc, "<footer id=\"metode\">", "</footer>");
    assert_null(strstr(notes, "~subclass + id"));
    free(notes);
    free(doc);
    res.options.replace = true;
    doc = render();
    notes = slice(doc, "<footer id=\"metode\">", "</footer>");
    assert_non_null(strstr(notes, "<code>cluster = ~subclass + id</code>"));
    assert_non_null(strstr(notes, "efter matchet sæt og efter person"));
    free(notes);
    free(doc);
}

static void numbers_use_danish_decimal_comma_and_thousands_points(
    void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    assert_non_null(strstr(doc, "<td>12.345</td>"));    /* persons */
    assert_non_null(strstr(doc, "<td>583.201</td>"));   /* month rows */
    assert_non_null(strstr(doc, "<td>12.362</td>"));    /* extract */
    assert_non_null(strstr(doc, "<td>8,43</td>"));      /* a count */
    assert_non_null(strstr(doc, "<td>123.457</td>"));   /* a sum */
    assert_non_null(strstr(doc, "<strong>13.457</strong>")); /* its ATT */
    assert_non_null(strstr(doc, "<td>0,0313</td>"));    /* caliper */
    assert_non_null(strstr(doc, "<td>41,20</td>"));     /* a mean */
    assert_non_null(strstr(doc, "<td>0,350</td>"));     /* an SMD */
    assert_non_null(strstr(doc, "&lt; 0,001"));         /* a p-value */
    assert_non_null(strstr(doc, "Deviance 5.123,46"));
    free(doc);
}

static void shares_are_percentages_and_differences_percentage_points(
    void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    char *row = slice(doc, "<tr><td><code>employed_<wbr>m12</code>", "</tr>");
    assert_non_null(strstr(row, "I ordinær beskæftigelse i måned 12"));
    assert_non_null(strstr(row, "<td>30,1 %</td>"));
    assert_non_null(strstr(row, "<td>20,7 %</td>"));
    assert_non_null(strstr(row, "<strong>9,4 procentpoint</strong>"));
    assert_non_null(strstr(row, "<td>[5,5; 13,3]</td>"));
    assert_non_null(strstr(row, "<td>805 / 790</td>"));
    free(row);
    /* binary covariates show their means as shares */
    char *brow = slice(doc, "<td>sex=kvinde</td>", "</tr>");
    assert_non_null(strstr(brow, "<td>55,0 %</td>"));
    free(brow);
    free(doc);
}

static void curve_rows_feed_the_charts_and_stay_out_of_the_main_table(
    void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    char *eff = slice(doc, "<section id=\"effekter\"", "</section>");
    assert_null(strstr(eff, "entry_"));
    assert_non_null(strstr(eff, "<code>months_<wbr>ordinary_<wbr>1_<wbr>36"));
    free(eff);
    char *cur = slice(doc, "<section id=\"afgang\"", "</section>");
    assert_int_equal(count(cur, "<svg"), 2);
    /* one line per group and chart, broken where a quarter is missing:
     * hazard quarter 12 is NaN, so 11 points there, 12 in the other */
    assert_int_equal(count(cur, "<polyline"), 4);
    assert_int_equal(count(cur, "<circle"), 2 * 11 + 2 * 12);
    /* the compact table: one row per quarter, differences in points */
    assert_non_null(strstr(cur, "<tr><td>12</td>"));
    assert_null(strstr(cur, "<tr><td>13</td>"));
    assert_non_null(strstr(cur, "<td>6,4 %</td><td>4,8 %</td><td>1,6</td>"));
    free(cur);
    free(doc);
}

/* Every opened element is closed in order (void elements meta and wbr
 * excepted); every '<' starts a tag (text is escaped). */
static void every_element_is_closed_and_svgs_are_balanced(void **state)
{
    (void)state;
    build(true);
    char *doc = render();
    const char *stack[64];
    int depth = 0;
    const char *p = strstr(doc, "<html");
    assert_non_null(p);
    while ((p = strchr(p, '<')) != NULL) {
        bool closing = p[1] == '/';
        const char *name = p + 1 + closing;
        size_t len = strcspn(name, " >/\n");
        if (len == 0)
            fail_msg("a bare '<' in the text: %.40s", p);
        const char *end = strchr(p, '>');
        assert_non_null(end);
        if (closing) {
            if (depth == 0 || strlen(stack[depth - 1]) < len ||
                strncmp(stack[depth - 1], name, len) != 0 ||
                strcspn(stack[depth - 1], " >/\n") != len)
                fail_msg("</%.*s> closes <%.20s", (int)len, name,
                         depth ? stack[depth - 1] : "(nothing)");
            depth--;
        } else if (end[-1] != '/' &&
                   !(len == 4 && strncmp(name, "meta", 4) == 0) &&
                   !(len == 3 && strncmp(name, "wbr", 3) == 0)) {
            assert_true(depth < 64);
            stack[depth++] = name;
        }
        if (!closing && len == 5 && strncmp(name, "style", 5) == 0)
            end = strstr(end, "</style>") - 1;
        p = end + 1;
    }
    assert_int_equal(depth, 0);
    size_t svgs = count(doc, "<svg ");
    assert_int_equal(svgs, count(doc, "</svg>"));
    /* love plot, overlap, forest for shares, count, sum (the hostile sum
     * has nothing to draw), hazard and cumulative incidence */
    assert_int_equal(svgs, 7);
    free(doc);
}

/* Coordinates are C numbers even when the process runs in a locale with
 * a decimal comma (skipped where no such locale is installed). */
static void svg_coordinates_use_a_decimal_point_in_any_locale(void **state)
{
    (void)state;
    const char *locs[] = {"da_DK.UTF-8", "da_DK.utf8", "de_DE.UTF-8"};
    const char *ok = NULL;
    for (size_t i = 0; i < 3 && !ok; i++)
        ok = setlocale(LC_NUMERIC, locs[i]);
    build(false);
    char *doc = render();
    setlocale(LC_NUMERIC, "C");
    for (const char *p = strstr(doc, " x=\""); p; p = strstr(p + 1, " x=\"")) {
        size_t n = strcspn(p + 4, "\"");
        if (memchr(p + 4, ',', n))
            fail_msg("a coordinate with a comma: %.*s", (int)n, p + 4);
    }
    assert_non_null(strstr(doc, "<td>30,1 %</td>"));
    free(doc);
    if (!ok)
        skip();
}

static void outcome_definitions_read_as_danish_text(void **state)
{
    (void)state;
    struct {
        const char *arg, *want;
    } cases[] = {
        {"a=at:ordinary:12", "I ordinær beskæftigelse i måned 12"},
        {"a=at:benefit,disability_pension:24",
         "På kontanthjælp eller på førtidspension i måned 24"},
        {"a=ever:placement,subsidised:1-12",
         "Mindst én af månederne 1–12 i støttet beskæftigelse (fleksjob, "
         "løntilskud) eller i virksomhedspraktik"},
        {"a=count:ordinary:1-36",
         "Antal af månederne 1–36 i ordinær beskæftigelse"},
        {"a=sum:income:1-12", "Summen af income over månederne 1–12"},
        {"a=at:resource_course,education,other:36",
         "I ressourceforløb, i uddannelse eller i andet i måned 36"},
    };
    char out[320];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ov_outcome_spec s;
        ov_err err;
        assert_int_equal(ov_outcome_parse(cases[i].arg, &s, &err), OV_OK);
        ov_eval_outcome_describe(&s, out, sizeof out);
        assert_string_equal(out, cases[i].want);
    }
    ov_outcome_spec d[40];
    int n = ov_outcome_defaults(NULL, 0, d, 40);
    for (int i = 0; i < n; i++) {
        ov_eval_outcome_describe(&d[i], out, sizeof out);
        if (strcmp(d[i].name, "entry_hazard_q03") == 0)
            assert_string_equal(out,
                                 "Første overgang til ordinær beskæftigelse "
                                 "i kvartal 3 (måned 7–9) blandt dem, der "
                                 "endnu ikke var overgået");
        if (strcmp(d[i].name, "entry_cum_q03") == 0)
            assert_string_equal(out, "Kommet i ordinær beskæftigelse senest "
                                     "i kvartal 3 (måned 1–9)");
    }
    /* a short buffer cuts the text, never a character */
    ov_outcome_spec s;
    assert_int_equal(ov_outcome_parse("a=at:ordinary:12", &s, NULL), OV_OK);
    ov_eval_outcome_describe(&s, out, 8);
    assert_string_equal(out, "I ordin");
    ov_eval_outcome_describe(&s, out, 9); /* 'æ' is two bytes */
    assert_string_equal(out, "I ordin");
}

static void the_bootstrap_column_appears_only_with_bootstrap_intervals(
    void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    assert_null(strstr(doc, "Bootstrap 95 %-interval"));
    assert_null(strstr(doc, "bootstrap-intervaller"));
    free(doc);
    build(true);
    doc = render();
    assert_non_null(strstr(doc, "<th>Bootstrap 95 %-interval</th>"));
    assert_non_null(strstr(doc, "bootstrap-intervaller fra 999 "
                                "gentagelser"));
    char *row = slice(doc, "<tr><td><code>employed_<wbr>m12</code>", "</tr>");
    assert_non_null(strstr(row, "<td>0 / 0</td><td>[5,4; 13,6]</td>"));
    free(row);
    free(doc);
}

static void balance_over_a_tenth_after_matching_is_flagged(void **state)
{
    (void)state;
    build(false);
    char *doc = render();
    assert_int_equal(count(doc, "class=\"flag\""), 1);
    assert_non_null(strstr(doc, "<td class=\"flag\">0,150 *</td>"));
    assert_non_null(strstr(doc, "har 3 af 5 kovariater"));
    char *love = slice(doc, "aria-label=\"Love plot", "</svg>");
    assert_int_equal(count(love, "class=\"solid over\""), 1);
    assert_int_equal(count(love, "class=\"ref\""), 2); /* line and key */
    free(love);
    free(doc);
}

static void a_too_small_buffer_fails_with_etoobig_and_says_what_to_do(
    void **state)
{
    (void)state;
    build(false);
    ov_buf b;
    ov_buf_init(&b, NULL, 4096);
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_eval_report_html(&res, &b, &err), OV_ETOOBIG);
    assert_non_null(strstr(err.msg, "raise its cap"));
    ov_buf_free(&b);
    ov_buf_init(&b, NULL, 4096);
    res.noutcomes = 3;
    res.outcomes = NULL;
    assert_int_equal(ov_eval_report_html(&res, &b, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "incomplete"));
    ov_buf_free(&b);
}

/* Write the sample report (with bootstrap intervals) to path. */
static int write_sample(const char *path)
{
    build(true);
    ov_buf b;
    ov_buf_init(&b, NULL, 64u << 20);
    ov_err err;
    FILE *f = fopen(path, "w");
    if (!f || ov_eval_report_html(&res, &b, &err) != OV_OK ||
        fputs(b.data, f) < 0) {
        fprintf(stderr, "cannot write the sample report to %s\n", path);
        if (f)
            fclose(f);
        ov_buf_free(&b);
        return 1;
    }
    ov_buf_free(&b);
    return fclose(f) == 0 ? 0 : 1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_document_is_self_contained_without_links_or_scripts),
        cmocka_unit_test(every_section_has_its_danish_heading_in_order),
        cmocka_unit_test(names_from_the_data_are_escaped_everywhere),
        cmocka_unit_test(values_that_do_not_exist_show_a_dash_never_nan),
        cmocka_unit_test(a_missing_value_says_why_beside_its_dash),
        cmocka_unit_test(the_notes_name_two_way_clustering_only_with_replacement),
        cmocka_unit_test(numbers_use_danish_decimal_comma_and_thousands_points),
        cmocka_unit_test(shares_are_percentages_and_differences_percentage_points),
        cmocka_unit_test(curve_rows_feed_the_charts_and_stay_out_of_the_main_table),
        cmocka_unit_test(every_element_is_closed_and_svgs_are_balanced),
        cmocka_unit_test(svg_coordinates_use_a_decimal_point_in_any_locale),
        cmocka_unit_test(outcome_definitions_read_as_danish_text),
        cmocka_unit_test(the_bootstrap_column_appears_only_with_bootstrap_intervals),
        cmocka_unit_test(balance_over_a_tenth_after_matching_is_flagged),
        cmocka_unit_test(a_too_small_buffer_fails_with_etoobig_and_says_what_to_do),
    };
    const char *sample = getenv("OV_EVAL_HTML_SAMPLE");
    if (sample && *sample && write_sample(sample) != 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
