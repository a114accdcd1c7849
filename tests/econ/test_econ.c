/* The business case (econ/econ.h): discounting, payer split, cost
 * spreading, break-even, sensitivity, the interval, the scenario format's
 * round trip and refusals, the published presets, economics.json. The
 * expected figures are computed by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "econ/econ.h"

/* cmocka's assert_float_equal compares floats; kroner need doubles */
#define NEAR(a, b, eps)                                                    \
    do {                                                                   \
        double a_ = (a), b_ = (b);                                         \
        if (!(fabs(a_ - b_) <= (eps)))                                     \
            fail_msg("%s = %.12g, expected %.12g", #a, a_, b_);            \
    } while (0)

static ov_econ_value E(double v)
{
    return (ov_econ_value){v, OV_ECON_ENTERED, NULL};
}

/* 10 citizens over 3 years, no establishment, 1,000 kr. running each in
 * year 1, a benefit price of 100,000 for the kommune and 20,000 for the
 * state, and 0 for the region. */
static void base(ov_econ_scenario *s)
{
    ov_econ_scenario_init(s);
    snprintf(s->name, sizeof s->name, "test");
    s->horizon = 3;
    s->citizens = E(10);
    s->discount_rate = E(0.1);
    s->establishment = E(0);
    s->running_per_citizen = E(1000);
    s->price[OV_ESTATE_BENEFIT][OV_PAYER_KOMMUNE] = E(100000);
    s->price[OV_ESTATE_BENEFIT][OV_PAYER_STAT] = E(20000);
    s->price[OV_ESTATE_BENEFIT][OV_PAYER_REGION] = E(0);
}

static void compute_ok(const ov_econ_scenario *s, ov_econ_result *r)
{
    ov_err err;
    ov_err_clear(&err);
    ov_status st = ov_econ_compute(s, r, &err);
    if (st != OV_OK)
        fail_msg("compute refused: %s", err.msg);
}

static void refused(const ov_econ_scenario *s, const char *field)
{
    ov_econ_result r;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_econ_compute(s, &r, &err), OV_EINVAL);
    assert_string_equal(err.field, field);
    /* the English text begins with the path; the id is an econ_ one */
    assert_memory_equal(err.msg, field, strlen(field));
    assert_true(err.id != 0);
    assert_memory_equal(ov_errmsg_key(err.id), "econ_", 5);
}

static void discounting_divides_year_y_by_1_plus_r_to_the_y_minus_1(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    /* 0.1 fewer on benefit in years 2 and 3: each year the kommune saves
     * 10 * 0.1 * 100,000 = 100,000 and the state 20,000 (undiscounted);
     * discounted at 10%: year 2 / 1.1, year 3 / 1.21. */
    s.effect[1][OV_ESTATE_BENEFIT] = E(-0.1);
    s.effect[2][OV_ESTATE_BENEFIT] = E(-0.1);
    ov_econ_result r;
    compute_ok(&s, &r);
    NEAR(r.years[0].discount_factor, 1, 1e-12);
    NEAR(r.years[1].discount_factor, 1 / 1.1, 1e-12);
    NEAR(r.years[2].discount_factor, 1 / 1.21, 1e-12);
    NEAR(r.years[1].net[OV_PAYER_KOMMUNE], 100000, 1e-6);
    NEAR(r.years[1].net_discounted[OV_PAYER_KOMMUNE],
                       100000 / 1.1, 1e-6);
    double k = -10000 + 100000 / 1.1 + 100000 / 1.21;
    double st = 20000 / 1.1 + 20000 / 1.21;
    NEAR(r.total[OV_PAYER_KOMMUNE], k, 1e-6);
    NEAR(r.total[OV_PAYER_STAT], st, 1e-6);
    NEAR(r.total[OV_PAYER_N], k + st, 1e-6);
    NEAR(r.per_citizen[OV_PAYER_KOMMUNE], k / 10, 1e-6);
    NEAR(r.years[2].cumulative[OV_PAYER_N], k + st, 1e-6);
}

static void a_zero_discount_rate_adds_the_years_as_they_are(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.discount_rate = E(0);
    s.effect[2][OV_ESTATE_BENEFIT] = E(-0.1);
    ov_econ_result r;
    compute_ok(&s, &r);
    NEAR(r.total[OV_PAYER_KOMMUNE], -10000 + 100000, 1e-9);
}

static void cost_shares_split_the_cost_between_payers(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.cost_share[OV_PAYER_KOMMUNE] = 0.25;
    s.cost_share[OV_PAYER_STAT] = 0.75;
    ov_econ_result r;
    compute_ok(&s, &r);
    NEAR(r.years[0].cost[OV_PAYER_KOMMUNE], 2500, 1e-9);
    NEAR(r.years[0].cost[OV_PAYER_STAT], 7500, 1e-9);
    NEAR(r.per_citizen[OV_PAYER_KOMMUNE], -250, 1e-9);
    NEAR(r.per_citizen[OV_PAYER_STAT], -750, 1e-9);
    NEAR(r.per_citizen[OV_PAYER_REGION], 0, 1e-9);
}

static void consequences_are_split_by_each_payers_price(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.discount_rate = E(0);
    s.horizon = 1;
    /* 0.25 person-years more in ordinary employment (tax: kommune
     * -40,000, state -30,000 per person-year) instead of benefit */
    s.effect[0][OV_ESTATE_BENEFIT] = E(-0.25);
    s.effect[0][OV_ESTATE_ORDINARY] = E(0.25);
    s.price[OV_ESTATE_ORDINARY][OV_PAYER_KOMMUNE] = E(-40000);
    s.price[OV_ESTATE_ORDINARY][OV_PAYER_STAT] = E(-30000);
    s.price[OV_ESTATE_ORDINARY][OV_PAYER_REGION] = E(0);
    ov_econ_result r;
    compute_ok(&s, &r);
    /* kommune: 10 * (0.25 * 100,000 + 0.25 * 40,000) = 350,000 saved */
    NEAR(r.years[0].consequence[OV_PAYER_KOMMUNE], -350000,
                       1e-6);
    NEAR(r.years[0].consequence[OV_PAYER_STAT], -125000, 1e-6);
    NEAR(r.per_citizen[OV_PAYER_KOMMUNE], 35000 - 1000, 1e-6);
    NEAR(r.per_citizen[OV_PAYER_STAT], 12500, 1e-6);
}

static void running_cost_is_spread_evenly_over_its_years(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.establishment = E(3000);
    s.running_years = 2;
    ov_econ_result r;
    compute_ok(&s, &r);
    /* year 1: establishment 3,000 + half the running 10 * 500 */
    NEAR(r.years[0].cost[OV_PAYER_KOMMUNE], 8000, 1e-9);
    NEAR(r.years[1].cost[OV_PAYER_KOMMUNE], 5000, 1e-9);
    NEAR(r.years[2].cost[OV_PAYER_KOMMUNE], 0, 1e-9);
    NEAR(r.cost_per_citizen, 300 + 1000, 1e-9);
}

static void establishment_per_citizen_replaces_the_total(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.establishment = E(999999);
    s.establishment_per_citizen = E(4300);
    ov_econ_result r;
    compute_ok(&s, &r);
    NEAR(r.years[0].cost[OV_PAYER_KOMMUNE], 10 * 5300, 1e-9);
}

static void break_even_is_the_first_year_that_stays_positive(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.discount_rate = E(0);
    s.horizon = 4;
    s.running_per_citizen = E(15000);
    /* cumulative total: -150,000 + 120,000 (y1) = -30,000; y2 +120,000
     * = 90,000 */
    for (int y = 0; y < 4; y++)
        s.effect[y][OV_ESTATE_BENEFIT] = E(-0.1);
    ov_econ_result r;
    compute_ok(&s, &r);
    assert_int_equal(r.break_even_year, 2);
    assert_int_equal(r.break_even_payer[OV_PAYER_KOMMUNE], 2);
    assert_int_equal(r.break_even_payer[OV_PAYER_STAT], 1);
    assert_int_equal(r.break_even_payer[OV_PAYER_REGION], 1);
}

static void break_even_is_none_when_the_result_stays_negative(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    ov_econ_result r;
    compute_ok(&s, &r);
    assert_int_equal(r.break_even_year, 0);
    assert_int_equal(r.break_even_payer[OV_PAYER_KOMMUNE], 0);
}

static void break_even_ignores_a_year_that_dips_below_zero_again(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.discount_rate = E(0);
    s.horizon = 4;
    s.running_per_citizen = E(0);
    s.establishment = E(0);
    /* per year (10 citizens, 120,000 per share 0.1): +120,000, then
     * -240,000 (cumulative -120,000), then +240,000 (+120,000), then 0 */
    s.effect[0][OV_ESTATE_BENEFIT] = E(-0.1);
    s.effect[1][OV_ESTATE_BENEFIT] = E(0.2);
    s.effect[2][OV_ESTATE_BENEFIT] = E(-0.2);
    ov_econ_result r;
    compute_ok(&s, &r);
    assert_true(r.years[0].cumulative[OV_PAYER_N] > 0);
    assert_true(r.years[1].cumulative[OV_PAYER_N] < 0);
    assert_int_equal(r.break_even_year, 3);
}

static const ov_econ_sens_row *row(const ov_econ_result *r, const char *what)
{
    for (int i = 0; i < r->nsens; i++)
        if (strcmp(r->sens[i].what, what) == 0)
            return &r->sens[i];
    fail_msg("no sensitivity row '%s'", what);
    return &r->sens[0]; /* not reached */
}

static void sensitivity_scales_the_effect_and_varies_each_price(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.discount_rate = E(0);
    s.horizon = 1;
    s.effect[0][OV_ESTATE_BENEFIT] = E(-0.1);
    ov_econ_result r;
    compute_ok(&s, &r);
    /* per citizen: kommune -1,000 + 0.1 * 100,000 = 9,000; state 2,000 */
    NEAR(r.per_citizen[OV_PAYER_KOMMUNE], 9000, 1e-9);
    NEAR(row(&r, "effect x 0")->per_citizen[OV_PAYER_KOMMUNE],
                       -1000, 1e-9);
    NEAR(
        row(&r, "effect x 0.5")->per_citizen[OV_PAYER_KOMMUNE], 4000, 1e-9);
    NEAR(
        row(&r, "effect x 1.5")->per_citizen[OV_PAYER_N], -1000 + 18000,
        1e-9);
    NEAR(row(&r, "price benefit.kommune -20%")
                           ->per_citizen[OV_PAYER_KOMMUNE],
                       -1000 + 8000, 1e-9);
    NEAR(row(&r, "price benefit.stat +20%")
                           ->per_citizen[OV_PAYER_STAT],
                       2400, 1e-9);
    NEAR(
        row(&r, "running cost +20%")->per_citizen[OV_PAYER_KOMMUNE],
        -1200 + 10000, 1e-9);
    /* a price of 0 (the region's) gets no row; 5 + 2 x 2 + 2 rows */
    assert_int_equal(r.nsens, 11);
}

static void interval_adds_the_measured_errors_linearly(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.effect[0][OV_ESTATE_BENEFIT] =
        (ov_econ_value){-0.1, OV_ECON_MEASURED, NULL};
    s.effect_se[0][OV_ESTATE_BENEFIT] = 0.02;
    s.effect[1][OV_ESTATE_BENEFIT] =
        (ov_econ_value){-0.1, OV_ECON_MEASURED, NULL};
    s.effect_se[1][OV_ESTATE_BENEFIT] = 0.03;
    ov_econ_result r;
    compute_ok(&s, &r);
    assert_true(r.interval.present);
    assert_non_null(r.interval.method);
    /* se per citizen, kommune: 0.02 * 100,000 + 0.03 * 100,000 / 1.1 */
    double sek = 2000 + 3000 / 1.1, ses = 400 + 600 / 1.1;
    NEAR(r.interval.low[OV_PAYER_KOMMUNE],
                       r.per_citizen[OV_PAYER_KOMMUNE] - 1.96 * sek, 1e-6);
    NEAR(r.interval.high[OV_PAYER_STAT],
                       r.per_citizen[OV_PAYER_STAT] + 1.96 * ses, 1e-6);
    NEAR(r.interval.high[OV_PAYER_N],
                       r.per_citizen[OV_PAYER_N] + 1.96 * (sek + ses), 1e-6);
    for (int p = 0; p <= OV_PAYER_N; p++) {
        assert_true(r.interval.low[p] <= r.per_citizen[p]);
        assert_true(r.interval.high[p] >= r.per_citizen[p]);
    }
}

static void no_interval_without_a_measured_effect(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.effect[0][OV_ESTATE_BENEFIT] = E(-0.1);
    s.effect_se[0][OV_ESTATE_BENEFIT] = 0.02; /* entered, not measured */
    ov_econ_result r;
    compute_ok(&s, &r);
    assert_false(r.interval.present);
}

static void a_needed_price_that_is_missing_is_named(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.effect[1][OV_ESTATE_ORDINARY] = E(0.1);
    refused(&s, "prices.ordinary.kommune");
    const char *f[8];
    int n = ov_econ_missing(&s, f, 8);
    assert_int_equal(n, 3);
    assert_string_equal(f[1], "prices.ordinary.stat");
    /* a state without an effect needs no price */
    s.effect[1][OV_ESTATE_ORDINARY] = E(0);
    assert_int_equal(ov_econ_missing(&s, f, 8), 0);
}

static void every_missing_input_is_named(void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_econ_scenario_init(&s);
    const char *f[8];
    int n = ov_econ_missing(&s, f, 8);
    assert_int_equal(n, 4);
    assert_string_equal(f[0], "horizon");
    assert_string_equal(f[1], "citizens");
    assert_string_equal(f[2], "establishment");
    assert_string_equal(f[3], "running_per_citizen");
    refused(&s, "horizon");
    base(&s);
    s.citizens.origin = OV_ECON_MISSING;
    refused(&s, "citizens");
    base(&s);
    s.running_per_citizen = (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
    refused(&s, "running_per_citizen");
}

static void the_discount_rate_defaults_to_the_catalogues(void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_econ_scenario_init(&s);
    const ov_econ_figure *f = ov_econ_catalogue_find("discount_rate");
    assert_non_null(f);
    NEAR(s.discount_rate.v, f->value, 0);
    assert_int_equal(s.discount_rate.origin, OV_ECON_CATALOGUE);
    assert_non_null(strstr(f->source, "Finansministeriet"));
}

static void out_of_range_inputs_are_refused_by_field(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.citizens = E(-3);
    refused(&s, "citizens");
    base(&s);
    s.citizens = E(2.5);
    refused(&s, "citizens");
    base(&s);
    s.effect[2][OV_ESTATE_BENEFIT] = E(1.5);
    refused(&s, "effect[2].benefit");
    base(&s);
    s.effect[3][OV_ESTATE_BENEFIT] = E(0.5);
    refused(&s, "effect[3].benefit");
    base(&s);
    s.horizon = 31;
    refused(&s, "horizon");
    base(&s);
    s.discount_rate = E(0.25);
    refused(&s, "discount_rate");
    base(&s);
    s.cost_share[OV_PAYER_STAT] = 0.5;
    refused(&s, "cost_share");
    base(&s);
    s.running_years = 4;
    refused(&s, "running_years");
    base(&s);
    s.running_per_citizen = E(-1);
    refused(&s, "running_per_citizen");
    base(&s);
    s.price[OV_ESTATE_BENEFIT][OV_PAYER_STAT] = E(INFINITY);
    refused(&s, "prices.benefit.stat");
}

/* ---- the scenario format ---- */

static ov_status parse(const char *json, ov_econ_scenario *s, ov_err *err,
                       ov_arena *a)
{
    ov_err_clear(err);
    return ov_econ_scenario_parse(json, strlen(json), a, s, err);
}

static void parse_refuses(const char *json, const char *field,
                          const char *words)
{
    ov_arena *a = ov_arena_new(0);
    ov_econ_scenario s;
    ov_err err;
    if (parse(json, &s, &err, a) == OV_OK)
        fail_msg("accepted: %s", json);
    ov_arena_destroy(a);
    if (strcmp(err.field, field) != 0)
        fail_msg("field '%s', not '%s' (%s) for %s", err.field, field,
                 err.msg, json);
    assert_true(err.id != 0);
    assert_memory_equal(ov_errmsg_key(err.id), "econ_", 5);
    if (words && !strstr(err.msg, words))
        fail_msg("'%s' does not say '%s'", err.msg, words);
}

static void every_bad_input_names_its_field(void **state)
{
    (void)state;
    parse_refuses("{\"horizon\": 0}", "horizon", "1 to 30");
    parse_refuses("{\"horizon\": 31}", "horizon", "got 31");
    parse_refuses("{\"horizon\": 2.5}", "horizon", "whole number");
    parse_refuses("{\"citizens\": -4}", "citizens", "at least 1");
    parse_refuses("{\"citizens\": \"ten\"}", "citizens", "a number");
    parse_refuses("{\"horizon\": 2, \"effect\": [{}, {\"benefit\": 1.2}]}",
                  "effect[1].benefit", "between -1 and 1");
    parse_refuses("{\"horizon\": 1, \"effect\": [{}, {\"benefit\": 0.2}]}",
                  "effect[1].benefit", "no year 2");
    parse_refuses("{\"effect\": [{\"benefits\": 0.2}]}", "effect[0].benefits",
                  "unknown field");
    parse_refuses("{\"horizn\": 3}", "horizn", "unknown field");
    parse_refuses("{\"prices\": {\"benefit\": {\"kommune\": 1, "
                  "\"staat\": 2}}}",
                  "prices.benefit.staat", "unknown field");
    parse_refuses("{\"prices\": {\"benefit\": {\"kommune\": {\"value\": 1, "
                  "\"orign\": \"entered\"}}}}",
                  "prices.benefit.kommune.orign", "unknown field");
    parse_refuses("{\"prices\": {\"benefit\": {\"kommune\": {\"value\": 1, "
                  "\"origin\": \"guessed\"}}}}",
                  "prices.benefit.kommune.origin", "unknown origin");
    parse_refuses("{\"discount_rate\": 0.5}", "discount_rate", "0.2");
    parse_refuses("{\"discount_rate\": -0.01}", "discount_rate", "0.2");
    parse_refuses("{\"cost_share\": {\"kommune\": 0.5, \"stat\": 0.4}}",
                  "cost_share", "add up to 1");
    parse_refuses("{\"cost_share\": {\"kommune\": 1.5, \"stat\": -0.5}}",
                  "cost_share.kommune", "between 0 and 1");
    parse_refuses("{\"cost_share\": {\"kommune\": 1, \"county\": 0}}",
                  "cost_share.county", "unknown field");
    parse_refuses("{\"running_per_citizen\": -5}", "running_per_citizen",
                  "negative");
    parse_refuses("{\"establishment\": -5}", "establishment", "negative");
    parse_refuses("{\"horizon\": 3, \"running_years\": 4}", "running_years",
                  "1 to 3");
    parse_refuses("{\"effect\": [{\"benefit\": {\"value\": 0.1, \"se\": "
                  "-1}}]}",
                  "effect[0].benefit.se", "negative");
    parse_refuses("{\"effect\": {\"benefit\": 0.1}}", "effect", "an array");
    parse_refuses("{\"activity_prices\": {\"hour_rate\": {\"cti\": -1}}}",
                  "activity_prices.hour_rate.cti", "negative");
    parse_refuses("{\"activity_prices\": {\"hour_rates\": {}}}",
                  "activity_prices.hour_rates", "unknown field");
    parse_refuses("{\"format\": \"something/2\"}", "format", "must be");
    parse_refuses("[1, 2]", "scenario", "a JSON object");
    parse_refuses("{\"horizon\": 3,}", "scenario", "not valid JSON");
    parse_refuses("{\"horizon\": 3, \"horizon\": 4}", "scenario",
                  "not valid JSON");
    parse_refuses("{\"citizens\": 1e999}", "scenario", "not valid JSON");
    parse_refuses("{\"price_year\": 1900}", "price_year", "2000");
}

static void the_format_round_trips(void **state)
{
    (void)state;
    ov_econ_scenario s, t;
    ov_err err;
    ov_arena *a = ov_arena_new(0);
    assert_int_equal(ov_econ_preset_load("rambøll-2021-C", &s, &err), OV_OK);
    s.effect_se[1][OV_ESTATE_BENEFIT] = 0.0123;
    s.effect[1][OV_ESTATE_BENEFIT].origin = OV_ECON_MEASURED;
    s.effect[4][OV_ESTATE_EDUCATION] =
        (ov_econ_value){NAN, OV_ECON_MISSING, "unknown yet"};
    s.horizon = 5;
    s.cost_share[OV_PAYER_KOMMUNE] = 0.3;
    s.cost_share[OV_PAYER_STAT] = 0.7;
    s.activity.hour_rate[OV_ACT_ROLE_CTI] = E(523.25);
    s.activity.minutes[OV_ACT_PROPOSAL] =
        (ov_econ_value){20, OV_ECON_ENTERED, "a guess"};
    s.discount_rate = (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
    char *j1 = ov_econ_scenario_write(&s);
    if (ov_econ_scenario_parse(j1, strlen(j1), a, &t, &err) != OV_OK)
        fail_msg("%s\n%s", err.msg, j1);
    char *j2 = ov_econ_scenario_write(&t);
    assert_string_equal(j1, j2);
    /* and the struct is the same, field by field */
    assert_string_equal(s.name, t.name);
    assert_string_equal(s.description, t.description);
    assert_int_equal(s.horizon, t.horizon);
    assert_int_equal(s.price_year, t.price_year);
    assert_int_equal(t.discount_rate.origin, OV_ECON_MISSING);
    for (int y = 0; y < OV_ECON_MAX_YEARS; y++)
        for (int k = 0; k < OV_ESTATE_N; k++) {
            ov_econ_value u = s.effect[y][k], v = t.effect[y][k];
            assert_int_equal(u.origin, v.origin);
            if (u.origin != OV_ECON_MISSING)
                assert_true(u.v == v.v);
            assert_true((u.note == NULL) == (v.note == NULL));
            if (u.note)
                assert_string_equal(u.note, v.note);
            double a1 = s.effect_se[y][k], b1 = t.effect_se[y][k];
            assert_true((isnan(a1) && isnan(b1)) || a1 == b1);
        }
    for (int k = 0; k < OV_ESTATE_N; k++)
        for (int p = 0; p < OV_PAYER_N; p++) {
            assert_int_equal(s.price[k][p].origin, t.price[k][p].origin);
            if (s.price[k][p].origin != OV_ECON_MISSING)
                assert_true(s.price[k][p].v == t.price[k][p].v);
        }
    for (int p = 0; p < OV_PAYER_N; p++)
        assert_true(s.cost_share[p] == t.cost_share[p]);
    assert_true(t.activity.hour_rate[OV_ACT_ROLE_CTI].v == 523.25);
    assert_string_equal(t.activity.minutes[OV_ACT_PROPOSAL].note, "a guess");
    free(j1);
    free(j2);
    ov_arena_destroy(a);
}

static void the_empty_scenario_round_trips(void **state)
{
    (void)state;
    ov_econ_scenario s, t;
    ov_err err;
    ov_arena *a = ov_arena_new(0);
    ov_econ_scenario_init(&s);
    char *j1 = ov_econ_scenario_write(&s);
    assert_int_equal(ov_econ_scenario_parse(j1, strlen(j1), a, &t, &err),
                     OV_OK);
    char *j2 = ov_econ_scenario_write(&t);
    assert_string_equal(j1, j2);
    free(j1);
    free(j2);
    ov_arena_destroy(a);
}

static void a_value_may_be_a_number_or_an_object_with_its_origin(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_err err;
    ov_arena *a = ov_arena_new(0);
    const char *j =
        "{\"horizon\": 2, \"citizens\": 12, \"running_per_citizen\": "
        "{\"value\": 80000, \"origin\": \"measured\", \"note\": \"from "
        "activity\"}, \"establishment\": null}";
    assert_int_equal(parse(j, &s, &err, a), OV_OK);
    assert_int_equal(s.citizens.origin, OV_ECON_ENTERED);
    assert_true(s.citizens.v == 12);
    assert_int_equal(s.running_per_citizen.origin, OV_ECON_MEASURED);
    assert_string_equal(s.running_per_citizen.note, "from activity");
    assert_int_equal(s.establishment.origin, OV_ECON_MISSING);
    assert_int_equal(s.discount_rate.origin, OV_ECON_CATALOGUE);
    ov_arena_destroy(a);
}


static void the_documented_example_parses_and_computes(void **state)
{
    (void)state;
    FILE *f = fopen("docs/economics-format.md", "r");
    if (!f)
        fail_msg("run the tests from the repository root");
    static char doc[65536];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[n] = '\0';
    char *b = strstr(doc, "```json\n");
    assert_non_null(b);
    b += 8;
    char *e = strstr(b, "```");
    assert_non_null(e);
    ov_arena *a = ov_arena_new(0);
    ov_econ_scenario s;
    ov_err err;
    if (ov_econ_scenario_parse(b, (size_t)(e - b), a, &s, &err) != OV_OK)
        fail_msg("the example in docs/economics-format.md: %s", err.msg);
    ov_econ_result r;
    compute_ok(&s, &r);
    assert_int_equal(s.effect[0][OV_ESTATE_BENEFIT].origin, OV_ECON_MEASURED);
    assert_true(r.interval.present);
    ov_arena_destroy(a);
}

/* ---- the presets ---- */

static void preset_a_reproduces_the_published_cost_exactly(void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_err err;
    assert_int_equal(ov_econ_preset_load("rambøll-2021-A", &s, &err), OV_OK);
    ov_econ_result r;
    compute_ok(&s, &r);
    assert_true(r.per_citizen[OV_PAYER_KOMMUNE] == -91800);
    assert_true(r.per_citizen[OV_PAYER_STAT] == 0);
    assert_true(r.per_citizen[OV_PAYER_REGION] == 0);
    assert_true(r.cost_per_citizen == 91800);
    assert_non_null(strstr(s.establishment_per_citizen.note, "102.3"));
}

static void presets_b_to_d_reproduce_the_published_table(void **state)
{
    (void)state;
    size_t n;
    const ov_econ_preset *p = ov_econ_presets(&n);
    assert_int_equal(n, 4);
    for (size_t i = 1; i < n; i++) {
        ov_econ_scenario s;
        ov_err err;
        assert_int_equal(ov_econ_preset_load(p[i].key, &s, &err), OV_OK);
        ov_econ_result r;
        compute_ok(&s, &r);
        for (int q = 0; q < OV_PAYER_N; q++)
            if (fabs(r.per_citizen[q] - p[i].published[q]) > 100)
                fail_msg("%s %s: %.0f, published %.0f", p[i].key,
                         ov_payer_key((ov_payer)q), r.per_citizen[q],
                         p[i].published[q]);
        assert_true(fabs(r.per_citizen[OV_PAYER_N] -
                         p[i].published[OV_PAYER_N]) <= 200);
        /* the reconstructed inputs say so */
        assert_int_equal(s.effect[0][OV_ESTATE_ORDINARY].origin,
                         OV_ECON_RECONSTRUCTED);
        assert_int_equal(s.price[OV_ESTATE_BENEFIT][OV_PAYER_KOMMUNE].origin,
                         OV_ECON_DERIVED);
    }
}

static void preset_names_accept_the_ascii_and_lower_case_spelling(
    void **state)
{
    (void)state;
    ov_econ_scenario s;
    ov_err err;
    assert_int_equal(ov_econ_preset_load("ramboll-2021-a", &s, &err), OV_OK);
    assert_int_equal(ov_econ_preset_load("rambøll-2021-d", &s, &err), OV_OK);
    assert_int_equal(ov_econ_preset_load("ramboll-2021-e", &s, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "preset");
    assert_non_null(strstr(err.msg, "rambøll-2021-A"));
    assert_int_equal(ov_econ_preset_load("rambøll-2021-", &s, &err),
                     OV_EINVAL);
}

/* ---- the catalogue ---- */

static void every_catalogue_figure_has_a_source_or_says_it_has_none(
    void **state)
{
    (void)state;
    size_t n;
    const ov_econ_figure *f = ov_econ_catalogue(&n);
    assert_true(n >= 10);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(f[i].unit);
        assert_non_null(f[i].note);
        assert_non_null(f[i].source);
        if (isfinite(f[i].value)) {
            assert_true(f[i].year >= 2000);
            if (!strstr(f[i].source, "https://"))
                fail_msg("%s has no address in its source", f[i].key);
        } else
            assert_non_null(strstr(f[i].source, "none"));
    }
}

static void derived_prices_follow_from_the_catalogue(void **state)
{
    (void)state;
    ov_econ_value b[OV_PAYER_N], o[OV_PAYER_N];
    ov_econ_price_benefit(0.2, b);
    /* 12 x 11,698 = 140,376; tax base 140,376 - 46,700 = 93,676 */
    NEAR(b[OV_PAYER_KOMMUNE].v, 0.8 * 140376 - 0.243 * 93676,
                       1e-6);
    NEAR(b[OV_PAYER_STAT].v, 0.2 * 140376 - 0.1209 * 93676,
                       1e-6);
    assert_int_equal(b[OV_PAYER_STAT].origin, OV_ECON_DERIVED);
    ov_econ_price_ordinary(25000, o);
    /* 300,000 a year: AM 24,000; base 276,000 - 46,700 = 229,300 */
    NEAR(o[OV_PAYER_KOMMUNE].v, -0.243 * 229300, 1e-6);
    NEAR(o[OV_PAYER_STAT].v, -(24000 + 0.1209 * 229300),
                       1e-6);
    ov_econ_price_ordinary(NAN, o);
    assert_int_equal(o[OV_PAYER_KOMMUNE].origin, OV_ECON_MISSING);
}

/* ---- economics.json ---- */

static void the_result_json_has_every_documented_field(void **state)
{
    (void)state;
    ov_econ_scenario s;
    base(&s);
    s.effect[0][OV_ESTATE_BENEFIT] =
        (ov_econ_value){-0.1, OV_ECON_MEASURED, "evaluation"};
    s.effect_se[0][OV_ESTATE_BENEFIT] = 0.01;
    ov_econ_result r;
    compute_ok(&s, &r);
    char *text = ov_econ_result_write(&s, &r);
    json_error_t je;
    json_t *j = json_loads(text, 0, &je);
    assert_non_null(j);
    const char *top[] = {"per_citizen", "total", "years", "break_even_year",
                         "break_even_by_payer", "interval", "sensitivity",
                         "inputs", "measured", "assumed", "missing"};
    for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
        if (!json_object_get(j, top[i]))
            fail_msg("no %s", top[i]);
    json_t *pc = json_object_get(j, "per_citizen");
    NEAR(json_real_value(json_object_get(pc, "kommune")),
                       round(r.per_citizen[OV_PAYER_KOMMUNE] * 100) / 100,
                       1e-9);
    json_t *y0 = json_array_get(json_object_get(j, "years"), 0);
    const char *yk[] = {"year", "kommune", "stat", "region", "total",
                        "cumulative", "cumulative_by_payer", "undiscounted"};
    for (size_t i = 0; i < sizeof yk / sizeof yk[0]; i++)
        if (!json_object_get(y0, yk[i]))
            fail_msg("no years[0].%s", yk[i]);
    assert_int_equal(json_array_size(json_object_get(j, "years")), 3);
    /* 10 x 0.1 x 120,000 saved against 10,000 of cost: year 1 */
    assert_int_equal(json_integer_value(json_object_get(j, "break_even_year")),
                     1);
    json_t *bp = json_object_get(j, "break_even_by_payer");
    assert_int_equal(json_integer_value(json_object_get(bp, "stat")), 1);
    json_t *iv = json_object_get(j, "interval");
    assert_true(json_is_true(json_object_get(iv, "present")));
    assert_true(json_is_object(json_object_get(iv, "low")));
    json_t *in = json_object_get(json_object_get(j, "inputs"),
                                 "effect[0].benefit");
    assert_string_equal(json_string_value(json_object_get(in, "origin")),
                        "measured");
    assert_string_equal(
        json_string_value(json_array_get(json_object_get(j, "measured"), 0)),
        "effect[0].benefit");
    json_t *as = json_object_get(j, "assumed");
    bool price = false;
    for (size_t i = 0; i < json_array_size(as); i++)
        price |= strcmp(json_string_value(json_array_get(as, i)),
                        "prices.benefit.kommune") == 0;
    assert_true(price);
    json_decref(j);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            discounting_divides_year_y_by_1_plus_r_to_the_y_minus_1),
        cmocka_unit_test(a_zero_discount_rate_adds_the_years_as_they_are),
        cmocka_unit_test(cost_shares_split_the_cost_between_payers),
        cmocka_unit_test(consequences_are_split_by_each_payers_price),
        cmocka_unit_test(running_cost_is_spread_evenly_over_its_years),
        cmocka_unit_test(establishment_per_citizen_replaces_the_total),
        cmocka_unit_test(break_even_is_the_first_year_that_stays_positive),
        cmocka_unit_test(break_even_is_none_when_the_result_stays_negative),
        cmocka_unit_test(break_even_ignores_a_year_that_dips_below_zero_again),
        cmocka_unit_test(sensitivity_scales_the_effect_and_varies_each_price),
        cmocka_unit_test(interval_adds_the_measured_errors_linearly),
        cmocka_unit_test(no_interval_without_a_measured_effect),
        cmocka_unit_test(a_needed_price_that_is_missing_is_named),
        cmocka_unit_test(every_missing_input_is_named),
        cmocka_unit_test(the_discount_rate_defaults_to_the_catalogues),
        cmocka_unit_test(out_of_range_inputs_are_refused_by_field),
        cmocka_unit_test(every_bad_input_names_its_field),
        cmocka_unit_test(the_format_round_trips),
        cmocka_unit_test(the_empty_scenario_round_trips),
        cmocka_unit_test(
            a_value_may_be_a_number_or_an_object_with_its_origin),
        cmocka_unit_test(the_documented_example_parses_and_computes),
        cmocka_unit_test(preset_a_reproduces_the_published_cost_exactly),
        cmocka_unit_test(presets_b_to_d_reproduce_the_published_table),
        cmocka_unit_test(
            preset_names_accept_the_ascii_and_lower_case_spelling),
        cmocka_unit_test(
            every_catalogue_figure_has_a_source_or_says_it_has_none),
        cmocka_unit_test(derived_prices_follow_from_the_catalogue),
        cmocka_unit_test(the_result_json_has_every_documented_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
