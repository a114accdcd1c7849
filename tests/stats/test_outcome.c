/*
 * Outcomes: --outcome specs parsed into kind, statuses and months (and
 * rejected with the form to use), the default set, and each person's value
 * on a small register, undefined (NaN) when a month it needs is missing.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "stats/outcome.h"

#define ST(s) (1u << (s))

static ov_outcome_spec parse_ok(const char *arg)
{
    ov_outcome_spec o;
    ov_err err;
    ov_err_clear(&err);
    if (ov_outcome_parse(arg, &o, &err) != OV_OK)
        fail_msg("'%s' rejected: %s", arg, err.msg);
    return o;
}

static void expect_reject(const char *arg, const char *need1,
                          const char *need2)
{
    ov_outcome_spec o;
    ov_err err;
    ov_err_clear(&err);
    if (ov_outcome_parse(arg, &o, &err) == OV_OK)
        fail_msg("'%s' accepted as %s", arg, o.spec);
    assert_int_equal(err.code, OV_EINVAL);
    assert_string_equal(err.field, "--outcome");
    if (!strstr(err.msg, arg))
        fail_msg("message does not quote '%s': %s", arg, err.msg);
    if (need1 && !strstr(err.msg, need1))
        fail_msg("message lacks '%s': %s", need1, err.msg);
    if (need2 && !strstr(err.msg, need2))
        fail_msg("message lacks '%s': %s", need2, err.msg);
}

/* ---- parsing ------------------------------------------------------------- */

static void test_parse_at_takes_statuses_and_one_month(void **s)
{
    (void)s;
    ov_outcome_spec o = parse_ok("job=at:ordinary:12");
    assert_string_equal(o.name, "job");
    assert_int_equal(o.kind, OV_OC_AT);
    assert_int_equal(o.statuses, ST(OV_RS_ORDINARY));
    assert_int_equal(o.a, 12);
    assert_int_equal(o.b, 12);
    assert_string_equal(o.column, "");
    assert_string_equal(o.spec, "at:ordinary:12");
    assert_int_equal(o.quarter, 0);
    assert_int_equal(o.curve, 0);

    o = parse_ok("a.b-c_1=at:other:0");
    assert_string_equal(o.name, "a.b-c_1");
    assert_int_equal(o.a, 0);
    assert_int_equal(o.statuses, ST(OV_RS_OTHER));
}

static void test_parse_ever_sets_a_bit_per_status_in_code_order(void **s)
{
    (void)s;
    ov_outcome_spec o = parse_ok("cd=ever:placement,subsidised:1-12");
    assert_string_equal(o.name, "cd");
    assert_int_equal(o.kind, OV_OC_EVER);
    assert_int_equal(o.statuses, ST(OV_RS_PLACEMENT) | ST(OV_RS_SUBSIDISED));
    assert_int_equal(o.a, 1);
    assert_int_equal(o.b, 12);
    /* the canonical text lists the statuses in code order, once each */
    assert_string_equal(o.spec, "ever:subsidised,placement:1-12");
    o = parse_ok("cd=ever:placement,subsidised,placement:1-12");
    assert_string_equal(o.spec, "ever:subsidised,placement:1-12");

    o = parse_ok("all=ever:other,education,resource_course,"
                 "disability_pension,benefit,placement,subsidised,"
                 "ordinary:600-600");
    assert_int_equal(o.statuses, (1u << OV_RS_COUNT) - 1);
    assert_int_equal(o.a, 600);
    assert_string_equal(o.spec,
                        "ever:ordinary,subsidised,placement,benefit,"
                        "disability_pension,resource_course,education,"
                        "other:600-600");
}

static void test_parse_count_and_sum(void **s)
{
    (void)s;
    ov_outcome_spec o = parse_ok("n=count:ordinary:1-36");
    assert_int_equal(o.kind, OV_OC_COUNT);
    assert_int_equal(o.statuses, ST(OV_RS_ORDINARY));
    assert_int_equal(o.a, 1);
    assert_int_equal(o.b, 36);
    assert_string_equal(o.spec, "count:ordinary:1-36");

    o = parse_ok("h=sum:hours:1-12");
    assert_string_equal(o.name, "h");
    assert_int_equal(o.kind, OV_OC_SUM);
    assert_int_equal(o.statuses, 0);
    assert_string_equal(o.column, "hours");
    assert_int_equal(o.a, 1);
    assert_int_equal(o.b, 12);
    assert_string_equal(o.spec, "sum:hours:1-12");

    o = parse_ok("z=count:benefit:0-0");
    assert_int_equal(o.a, 0);
    assert_int_equal(o.b, 0);
}

static void test_parse_without_equals_names_the_forms(void **s)
{
    (void)s;
    expect_reject("at:ordinary:12", "has no name",
                  "NAME=at:STATUS[,STATUS]:K");
}

static void test_parse_bad_name_says_which_characters(void **s)
{
    (void)s;
    expect_reject("job!=at:ordinary:12", "the name must be 1-64 letters",
                  "'_', '-' or '.'");
    expect_reject("=at:ordinary:12", "the name must be", NULL);
    expect_reject("my job=at:ordinary:12", "the name must be", NULL);
    char arg[128];
    snprintf(arg, sizeof arg, "%s=at:ordinary:12",
             "n234567890123456789012345678901234567890123456789012345678901234"
             "5");
    expect_reject(arg, "the name must be", NULL);
    /* 64 is fine */
    snprintf(arg, sizeof arg, "%s=at:ordinary:12",
             "n234567890123456789012345678901234567890123456789012345678901234");
    ov_outcome_spec o = parse_ok(arg);
    assert_int_equal(strlen(o.name), 64);
}

static void test_parse_unknown_kind_names_it_and_the_forms(void **s)
{
    (void)s;
    expect_reject("x=often:ordinary:1-12", "unknown kind 'often'",
                  "NAME=ever:STATUS[,STATUS]:A-B");
    expect_reject("x=AT:ordinary:12", "unknown kind 'AT'", NULL);
    /* hazard is in the default set only */
    expect_reject("x=hazard:ordinary:1-3", "unknown kind 'hazard'", NULL);
}

static void test_parse_unknown_status_lists_the_codes(void **s)
{
    (void)s;
    expect_reject("x=at:job:12", "unknown status 'job'",
                  "use ordinary, subsidised, placement, benefit, "
                  "disability_pension, resource_course, education or other");
    expect_reject("x=ever:ordinary,:1-12", "unknown status ''", NULL);
    expect_reject("x=ever:,ordinary:1-12", "unknown status ''", NULL);
    expect_reject("x=count:ordinary;benefit:1-12",
                  "unknown status 'ordinary;benefit'", NULL);
}

static void test_parse_months_must_be_an_ordered_range_up_to_600(void **s)
{
    (void)s;
    const char *range = "the months must be a range A-B with 0 <= A <= B "
                        "<= 600";
    expect_reject("x=ever:ordinary:12-1", range, "e.g. 1-12");
    expect_reject("x=count:ordinary:1-601", range, NULL);
    expect_reject("x=sum:hours:0-9999", range, NULL);
    expect_reject("x=ever:ordinary:5", range, NULL);
    expect_reject("x=ever:ordinary:1-", range, NULL);
    expect_reject("x=ever:ordinary:-5", range, NULL);
    expect_reject("x=ever:ordinary:1-2-3", range, NULL);
    expect_reject("x=ever:ordinary: 1-12", range, NULL);
    const char *month = "the month must be a whole number 0-600";
    expect_reject("x=at:ordinary:601", month, NULL);
    expect_reject("x=at:ordinary:-1", month, NULL);
    expect_reject("x=at:ordinary:1-2", month, NULL);
    expect_reject("x=at:ordinary:12.0", month, NULL);
    expect_reject("x=at:ordinary:12:13", month, NULL);
}

static void test_parse_missing_parts_names_the_forms(void **s)
{
    (void)s;
    const char *forms = "NAME=sum:COLUMN:A-B";
    expect_reject("x=", forms, NULL);
    expect_reject("x=at", forms, NULL);
    expect_reject("x=at:ordinary", "is incomplete", forms);
    expect_reject("x=at::12", "is incomplete", forms);
    expect_reject("x=at:ordinary:", "is incomplete", forms);
    expect_reject("x=sum::1-12", "is incomplete", forms);
}

static void test_parse_sum_column_must_be_a_name(void **s)
{
    (void)s;
    expect_reject("x=sum:ho urs:1-12", "'ho urs' is not a column name", NULL);
    expect_reject("x=sum:a,b:1-12", "'a,b' is not a column name", NULL);
}

/* ---- the default set --------------------------------------------------------- */

static void test_defaults_cover_status_sums_and_entry_curves(void **s)
{
    (void)s;
    const char *const num[] = {"hours", "gp_visits"};
    ov_outcome_spec o[64];
    int n = ov_outcome_defaults(num, 2, o, 64);
    assert_int_equal(n, 33);
    const char *head[] = {"employed_m12",
                          "employed_m24",
                          "employed_m36",
                          "company_directed_12",
                          "disability_or_resource_36",
                          "education_36",
                          "months_ordinary_1_36",
                          "hours_1_12",
                          "gp_visits_1_12"};
    const char *spec[] = {"at:ordinary:12",
                          "at:ordinary:24",
                          "at:ordinary:36",
                          "ever:subsidised,placement:1-12",
                          "at:disability_pension,resource_course:36",
                          "at:education:36",
                          "count:ordinary:1-36",
                          "sum:hours:1-12",
                          "sum:gp_visits:1-12"};
    for (int i = 0; i < 9; i++) {
        assert_string_equal(o[i].name, head[i]);
        assert_string_equal(o[i].spec, spec[i]);
        assert_int_equal(o[i].curve, 0);
    }
    assert_int_equal(o[0].kind, OV_OC_AT);
    assert_int_equal(o[3].kind, OV_OC_EVER);
    assert_int_equal(o[4].statuses, ST(OV_RS_DISABILITY) | ST(OV_RS_RESOURCE));
    assert_int_equal(o[6].kind, OV_OC_COUNT);
    assert_int_equal(o[7].kind, OV_OC_SUM);
    assert_string_equal(o[7].column, "hours");
    assert_string_equal(o[8].column, "gp_visits");
    for (int q = 1; q <= 12; q++) {
        const ov_outcome_spec *h = &o[8 + q], *c = &o[20 + q];
        char nm[32], sp[32];
        snprintf(nm, sizeof nm, "entry_hazard_q%02d", q);
        assert_string_equal(h->name, nm);
        assert_int_equal(h->kind, OV_OC_HAZARD);
        assert_int_equal(h->statuses, ST(OV_RS_ORDINARY));
        assert_int_equal(h->a, 3 * q - 2);
        assert_int_equal(h->b, 3 * q);
        assert_int_equal(h->quarter, q);
        assert_int_equal(h->curve, 1);
        snprintf(sp, sizeof sp, "hazard:ordinary:q%d", q);
        assert_string_equal(h->spec, sp);

        snprintf(nm, sizeof nm, "entry_cum_q%02d", q);
        assert_string_equal(c->name, nm);
        assert_int_equal(c->kind, OV_OC_EVER);
        assert_int_equal(c->statuses, ST(OV_RS_ORDINARY));
        assert_int_equal(c->a, 1);
        assert_int_equal(c->b, 3 * q);
        assert_int_equal(c->quarter, q);
        assert_int_equal(c->curve, 2);
        snprintf(sp, sizeof sp, "ever:ordinary:1-%d", 3 * q);
        assert_string_equal(c->spec, sp);
    }
    assert_int_equal(ov_outcome_max_month(o, n), 36);
    assert_int_equal(ov_outcome_max_sum_month(o, n), 12);
}

static void test_defaults_without_numeric_columns_have_no_sums(void **s)
{
    (void)s;
    ov_outcome_spec o[64];
    int n = ov_outcome_defaults(NULL, 0, o, 64);
    assert_int_equal(n, 31);
    assert_string_equal(o[7].name, "entry_hazard_q01");
    assert_int_equal(ov_outcome_max_month(o, n), 36);
    assert_int_equal(ov_outcome_max_sum_month(o, n), -1);
}

static void test_defaults_stop_at_the_cap(void **s)
{
    (void)s;
    const char *const num[] = {"hours"};
    ov_outcome_spec o[10];
    memset(o, 0x5a, sizeof o);
    assert_int_equal(ov_outcome_defaults(num, 1, o, 9), 9);
    assert_string_equal(o[7].name, "hours_1_12");
    assert_string_equal(o[8].name, "entry_hazard_q01");
    assert_int_equal(o[9].name[0], 0x5a); /* untouched */
    assert_int_equal(ov_outcome_defaults(num, 1, o, 0), 0);
}

static void test_max_months_of_parsed_specs(void **s)
{
    (void)s;
    ov_outcome_spec o[3] = {parse_ok("a=at:ordinary:48"),
                            parse_ok("b=sum:hours:0-6"),
                            parse_ok("c=sum:gp:3-9")};
    assert_int_equal(ov_outcome_max_month(o, 3), 48);
    assert_int_equal(ov_outcome_max_sum_month(o, 3), 9);
    assert_int_equal(ov_outcome_max_sum_month(o, 1), -1);
    assert_int_equal(ov_outcome_max_month(o, 0), 0);
}

/* ---- values on a hand-built register ----------------------------------------- */

enum { NP = 8, KMAX = 12, NUMK = 3 };

/* One character a month, months 0..12: o ordinary, s subsidised,
 * p placement, b benefit, d disability_pension, r resource_course,
 * e education, x other, . no row. */
static const char *const course[NP] = {
    "bbbbboooooooo", /* 0: first ordinary month 5 (quarter 2) */
    "bbbbbbbbbbbbb", /* 1: never */
    "obbbbbbbbbbbb", /* 2: ordinary in month 0 only */
    "bb.bbbbbbbbbb", /* 3: a gap in month 2 */
    "bbbbbbbbbb...", /* 4: the register ends after month 9 */
    "bpbsbb.boooox", /* 5: placement 1, subsidised 3, gap 6, ordinary 8-11 */
    "bbbb.bbbbbbbb", /* 6: a gap in month 4 */
    "bob.bbbbbbbbb", /* 7: ordinary in month 1, a gap in month 3 */
};

/* hours in months 0..3 (NaN: no row) */
static const double hours[NP][NUMK + 1] = {
    {0, 1.5, 2.5, 4},   {1, 1, 1, 1}, {0, 0, 0, 0}, {1, NAN, 2, 3},
    {7, 7, 7, 7},       {0, 0, 0, 0}, {0, 0, 0, 0}, {NAN, 1, 1, 1},
};

typedef struct hand {
    ov_register r;
    unsigned char status[NP * (KMAX + 1)];
    double h[NP * (NUMK + 1)], gp[NP * (NUMK + 1)];
    double *num[2];
    char *names[2];
} hand;

static unsigned code_of(char c)
{
    switch (c) {
    case 'o': return OV_RS_ORDINARY;
    case 's': return OV_RS_SUBSIDISED;
    case 'p': return OV_RS_PLACEMENT;
    case 'b': return OV_RS_BENEFIT;
    case 'd': return OV_RS_DISABILITY;
    case 'r': return OV_RS_RESOURCE;
    case 'e': return OV_RS_EDUCATION;
    case 'x': return OV_RS_OTHER;
    default: return OV_RS_MISSING;
    }
}

static char name_hours[] = "hours", name_gp[] = "gp_visits";

static void hand_init(hand *h)
{
    memset(h, 0, sizeof *h);
    for (size_t i = 0; i < NP; i++) {
        assert_int_equal(strlen(course[i]), KMAX + 1);
        for (int k = 0; k <= KMAX; k++)
            h->status[i * (KMAX + 1) + (size_t)k] = (unsigned char)code_of(
                course[i][k]);
        for (int k = 0; k <= NUMK; k++) {
            h->h[i * (NUMK + 1) + (size_t)k] = hours[i][k];
            h->gp[i * (NUMK + 1) + (size_t)k] = (double)(i + 1);
        }
    }
    h->num[0] = h->h;
    h->num[1] = h->gp;
    h->names[0] = name_hours;
    h->names[1] = name_gp;
    h->r.n = NP;
    h->r.kmax = KMAX;
    h->r.status = h->status;
    h->r.nnum = 2;
    h->r.num_name = h->names;
    h->r.num_kmax = NUMK;
    h->r.num = h->num;
}

/* Values for every person of one spec; NAN = undefined. */
static void expect_values(const hand *h, const ov_outcome_spec *o, int numcol,
                          const double want[NP])
{
    for (size_t i = 0; i < NP; i++) {
        double v = ov_outcome_value(o, numcol, &h->r, i);
        bool same = isnan(want[i]) ? isnan(v) : v == want[i];
        if (!same)
            fail_msg("%s=%s, person %zu (%s): %g, expected %g", o->name,
                     o->spec, i, course[i], v, want[i]);
    }
}

static void expect_spec(const hand *h, const char *arg, const double want[NP])
{
    ov_outcome_spec o = parse_ok(arg);
    expect_values(h, &o, -1, want);
}

static void test_at_is_one_for_the_statuses_and_nan_without_the_month(
    void **s)
{
    (void)s;
    hand h;
    hand_init(&h);
    expect_spec(&h, "x=at:ordinary:12",
                (double[NP]){1, 0, 0, 0, NAN, 0, 0, 0});
    expect_spec(&h, "x=at:ordinary:0", (double[NP]){0, 0, 1, 0, 0, 0, 0, 0});
    expect_spec(&h, "x=at:benefit,other:12",
                (double[NP]){0, 1, 1, 1, NAN, 1, 1, 1});
    /* a gap in the middle */
    expect_spec(&h, "x=at:benefit:2",
                (double[NP]){1, 1, 1, NAN, 1, 1, 1, 1});
    /* beyond the register's window: undefined for everyone */
    ov_outcome_spec o = parse_ok("x=at:ordinary:13");
    expect_values(&h, &o, -1,
                  (double[NP]){NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN});
}

static void test_ever_needs_every_month_of_the_range(void **s)
{
    (void)s;
    hand h;
    hand_init(&h);
    expect_spec(&h, "x=ever:placement,subsidised:1-5",
                (double[NP]){0, 0, 0, NAN, 0, 1, NAN, NAN});
    /* person 5 was in placement in month 1, but month 6 is missing */
    expect_spec(&h, "x=ever:placement,subsidised:1-12",
                (double[NP]){0, 0, 0, NAN, NAN, NAN, NAN, NAN});
    expect_spec(&h, "x=ever:ordinary:5-5",
                (double[NP]){1, 0, 0, 0, 0, 0, 0, 0});
}

static void test_count_counts_months_and_nan_when_one_is_missing(void **s)
{
    (void)s;
    hand h;
    hand_init(&h);
    expect_spec(&h, "x=count:ordinary:1-12",
                (double[NP]){8, 0, 0, NAN, NAN, NAN, NAN, NAN});
    expect_spec(&h, "x=count:ordinary:7-12",
                (double[NP]){6, 0, 0, 0, NAN, 4, 0, 0});
    expect_spec(&h, "x=count:ordinary:0-2",
                (double[NP]){0, 0, 1, NAN, 0, 0, 0, 1});
    expect_spec(&h, "x=count:benefit,other:0-0",
                (double[NP]){1, 1, 0, 1, 1, 1, 1, 1});
}

static void test_sum_adds_a_column_and_nan_when_a_month_is_missing(void **s)
{
    (void)s;
    hand h;
    hand_init(&h);
    ov_outcome_spec o[4] = {parse_ok("a=sum:hours:1-3"),
                            parse_ok("b=sum:hours:0-0"),
                            parse_ok("c=sum:gp_visits:0-3"),
                            parse_ok("d=sum:hours:1-4")};
    int col[4];
    ov_err err;
    assert_int_equal(ov_outcome_resolve(o, 4, &h.r, col, &err), OV_OK);
    assert_int_equal(col[0], 0);
    assert_int_equal(col[2], 1);
    expect_values(&h, &o[0], col[0],
                  (double[NP]){8, 3, 0, NAN, 21, 0, 0, 3});
    expect_values(&h, &o[1], col[1], (double[NP]){0, 1, 0, 1, 7, 0, 0, NAN});
    expect_values(&h, &o[2], col[2], (double[NP]){4, 8, 12, 16, 20, 24, 28, 32});
    /* month 4 is beyond the numeric window */
    expect_values(&h, &o[3], col[3],
                  (double[NP]){NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN});
    /* an unresolved column */
    expect_values(&h, &o[0], -1,
                  (double[NP]){NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN});
}

static const ov_outcome_spec *find(const ov_outcome_spec *o, int n,
                                   const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(o[i].name, name) == 0)
            return &o[i];
    fail_msg("no default outcome '%s'", name);
    return NULL;
}

/* The discrete hazard of first entry into ordinary employment by quarter:
 * 1 in the quarter of the first entry since month 1, 0 before it, NaN
 * after it (not at risk) and NaN when a month it needs is missing. */
static void test_hazard_is_one_in_the_quarter_of_first_entry(void **s)
{
    (void)s;
    hand h;
    hand_init(&h);
    ov_outcome_spec o[64];
    int n = ov_outcome_defaults(NULL, 0, o, 64);
    const double X = NAN;
    expect_values(&h, find(o, n, "entry_hazard_q01"), -1,
                  (double[NP]){0, 0, 0, X, 0, 0, 0, X});
    /* person 5: month 6 is missing; 7: entered in month 1 */
    expect_values(&h, find(o, n, "entry_hazard_q02"), -1,
                  (double[NP]){1, 0, 0, X, 0, X, X, X});
    expect_values(&h, find(o, n, "entry_hazard_q03"), -1,
                  (double[NP]){X, 0, 0, X, 0, X, X, X});
    expect_values(&h, find(o, n, "entry_hazard_q04"), -1,
                  (double[NP]){X, 0, 0, X, X, X, X, X});
    /* month 13 and later are beyond the register */
    expect_values(&h, find(o, n, "entry_hazard_q05"), -1,
                  (double[NP]){X, X, X, X, X, X, X, X});
    /* the cumulative incidence to the end of quarter 2 */
    expect_values(&h, find(o, n, "entry_cum_q02"), -1,
                  (double[NP]){1, 0, 0, X, 0, X, X, X});
}

/* Person 7 entered in month 1: 1 in quarter 1 when the rest of the
 * quarter is known, not at risk afterwards. */
static void test_hazard_entry_in_the_first_month_counts(void **s)
{
    (void)s;
    hand h;
    hand_init(&h);
    h.status[7 * (KMAX + 1) + 3] = OV_RS_BENEFIT; /* fill the gap */
    ov_outcome_spec o[64];
    int n = ov_outcome_defaults(NULL, 0, o, 64);
    assert_true(ov_outcome_value(find(o, n, "entry_hazard_q01"), -1, &h.r,
                                 7) == 1.0);
    assert_true(isnan(
        ov_outcome_value(find(o, n, "entry_hazard_q02"), -1, &h.r, 7)));
}

static void test_resolve_unknown_column_names_the_columns_there_are(void **s)
{
    (void)s;
    hand h;
    hand_init(&h);
    ov_outcome_spec o[2] = {parse_ok("a=at:ordinary:1"),
                            parse_ok("inc=sum:income:1-12")};
    int col[2];
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_outcome_resolve(o, 2, &h.r, col, &err), OV_EINVAL);
    assert_string_equal(err.field, "--outcome");
    if (!strstr(err.msg, "--outcome inc: months.csv has no numeric column "
                         "'income'; its numeric columns are: hours, "
                         "gp_visits"))
        fail_msg("message: %s", err.msg);

    h.r.nnum = 0;
    ov_err_clear(&err);
    assert_int_equal(ov_outcome_resolve(o, 2, &h.r, col, &err), OV_EINVAL);
    if (!strstr(err.msg, "no numeric column 'income' (it has no numeric "
                         "columns)"))
        fail_msg("message: %s", err.msg);

    /* no sums: every column -1 */
    ov_err_clear(&err);
    assert_int_equal(ov_outcome_resolve(o, 1, &h.r, col, &err), OV_OK);
    assert_int_equal(col[0], -1);
}

/* ---- on a register read from an extract -------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

static void remove_extract(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        assert_int_equal(unlink(p), 0);
    }
    closedir(d);
    assert_int_equal(rmdir(dir), 0);
}

/* Months count from each person's own start; the register is read with
 * the windows the specs need. */
static void test_values_on_a_register_read_from_an_extract(void **s)
{
    (void)s;
    char dir[] = "/tmp/overgang-outcome-XXXXXX";
    assert_non_null(mkdtemp(dir));
    write_file(dir, "population.csv",
               "id,treated,start\n"
               "a,1,2019-11\n"
               "b,0,2020-01\n");
    write_file(dir, "months.csv",
               "id,month,status,hours\n"
               "a,2019-11,benefit,0\n"
               "a,2019-12,benefit,5\n"
               "a,2020-01,ordinary,30\n"
               "a,2020-02,ordinary,30\n"
               "b,2020-01,benefit,1\n"
               "b,2020-02,placement,2\n"
               "b,2020-03,benefit,3\n");
    ov_outcome_spec o[4] = {parse_ok("emp=at:ordinary:2"),
                            parse_ok("ever=ever:placement:1-2"),
                            parse_ok("h=sum:hours:1-2"),
                            parse_ok("n=count:ordinary:0-3")};
    ov_register_options ro = {.dir = dir,
                              .kmax = ov_outcome_max_month(o, 4),
                              .num_kmax = ov_outcome_max_sum_month(o, 4),
                              .threads = 1};
    ov_register r;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_register_read(&ro, &r, &err), OV_OK);
    assert_int_equal(r.kmax, 3);
    assert_int_equal(r.num_kmax, 2);
    int col[4];
    assert_int_equal(ov_outcome_resolve(o, 4, &r, col, &err), OV_OK);
    assert_true(ov_outcome_value(&o[0], col[0], &r, 0) == 1);
    assert_true(ov_outcome_value(&o[0], col[0], &r, 1) == 0);
    assert_true(ov_outcome_value(&o[1], col[1], &r, 0) == 0);
    assert_true(ov_outcome_value(&o[1], col[1], &r, 1) == 1);
    assert_true(ov_outcome_value(&o[2], col[2], &r, 0) == 35);
    assert_true(ov_outcome_value(&o[2], col[2], &r, 1) == 5);
    /* a's month 3 (2020-02) is there, b's (2020-04) is not */
    assert_true(ov_outcome_value(&o[3], col[3], &r, 0) == 2);
    assert_true(isnan(ov_outcome_value(&o[3], col[3], &r, 1)));
    ov_register_free(&r);
    remove_extract(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_at_takes_statuses_and_one_month),
        cmocka_unit_test(test_parse_ever_sets_a_bit_per_status_in_code_order),
        cmocka_unit_test(test_parse_count_and_sum),
        cmocka_unit_test(test_parse_without_equals_names_the_forms),
        cmocka_unit_test(test_parse_bad_name_says_which_characters),
        cmocka_unit_test(test_parse_unknown_kind_names_it_and_the_forms),
        cmocka_unit_test(test_parse_unknown_status_lists_the_codes),
        cmocka_unit_test(test_parse_months_must_be_an_ordered_range_up_to_600),
        cmocka_unit_test(test_parse_missing_parts_names_the_forms),
        cmocka_unit_test(test_parse_sum_column_must_be_a_name),
        cmocka_unit_test(test_defaults_cover_status_sums_and_entry_curves),
        cmocka_unit_test(test_defaults_without_numeric_columns_have_no_sums),
        cmocka_unit_test(test_defaults_stop_at_the_cap),
        cmocka_unit_test(test_max_months_of_parsed_specs),
        cmocka_unit_test(
            test_at_is_one_for_the_statuses_and_nan_without_the_month),
        cmocka_unit_test(test_ever_needs_every_month_of_the_range),
        cmocka_unit_test(
            test_count_counts_months_and_nan_when_one_is_missing),
        cmocka_unit_test(
            test_sum_adds_a_column_and_nan_when_a_month_is_missing),
        cmocka_unit_test(test_hazard_is_one_in_the_quarter_of_first_entry),
        cmocka_unit_test(test_hazard_entry_in_the_first_month_counts),
        cmocka_unit_test(
            test_resolve_unknown_column_names_the_columns_there_are),
        cmocka_unit_test(test_values_on_a_register_read_from_an_extract),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
