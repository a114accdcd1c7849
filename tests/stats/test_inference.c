/*
 * Inference against R (fixtures made by tests/stats/fixtures/
 * make_outcome_fixtures.R and make_balance_fixtures.R):
 *  - with replacement (make_replace_fixtures.R), the SE clustered two-way
 *    by subclass and person, vcovCL(cluster = ~subclass + id);
 *  - the ATT, its cluster-robust standard error (lm + sandwich::vcovCL,
 *    HC1, clustered by matched set), t, p-value and 95% interval, for
 *    1:1, ratio 2 with unequal weights, missing outcomes and a constant
 *    treated outcome;
 *  - pt and qt of the t distribution;
 *  - covariate balance as MatchIt's summary(): means, SMD, variance
 *    ratio and eCDF statistics before and after matching, for 1:1,
 *    ratio 2, a caliper, and ratio 2 with a caliper;
 *  - the pair bootstrap is reproducible for a seed and brackets the
 *    estimate.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "stats/att.h"
#include "stats/balance.h"
#include "stats/dist.h"

#define FIX "tests/stats/fixtures/"

static double num(const char *s)
{
    return strcmp(s, "NA") == 0 ? (double)NAN : strtod(s, NULL);
}

/* Split a CSV line in place (no quotes in these fixtures). */
static int split(char *line, char **f, int cap)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < cap;) {
        f[n++] = p;
        char *c = strchr(p, ',');
        if (!c)
            break;
        *c = '\0';
        p = c + 1;
    }
    return n;
}

static void close_to(double got, double want, double rel, const char *what)
{
    if (isnan(want)) {
        if (!isnan(got)) {
            print_error("%s: got %.17g, R gives NA\n", what, got);
            fail();
        }
        return;
    }
    double tol = rel * fabs(want) + 1e-300;
    if (!(fabs(got - want) <= tol)) {
        print_error("%s: got %.17g, R gives %.17g\n", what, got, want);
        fail();
    }
}

/* ---- ATT and cluster-robust SE ------------------------------------------ */

enum { MAXROWS = 1000 };

static void test_att_and_cluster_robust_se_equal_r(void **state)
{
    (void)state;
    FILE *e = fopen(FIX "outcome_expected.csv", "r");
    assert_non_null(e);
    char line[1024], *f[16];
    assert_non_null(fgets(line, sizeof line, e));
    int cases = 0;
    while (fgets(line, sizeof line, e)) {
        int nf = split(line, f, 16);
        assert_int_equal(nf, 12);
        char name[64];
        snprintf(name, sizeof name, "%s", f[0]);
        double want[11];
        for (int k = 1; k < 12; k++)
            want[k - 1] = num(f[k]);
        /* the case's rows */
        static double y[MAXROWS], w[MAXROWS];
        static unsigned char tr[MAXROWS];
        static size_t cl[MAXROWS];
        size_t n = 0, ncl = 0;
        FILE *d = fopen(FIX "outcome_data.csv", "r");
        assert_non_null(d);
        char dl[256], *g[8];
        assert_non_null(fgets(dl, sizeof dl, d));
        while (fgets(dl, sizeof dl, d)) {
            assert_int_equal(split(dl, g, 8), 5);
            if (strcmp(g[0], name) != 0)
                continue;
            assert_true(n < MAXROWS);
            y[n] = num(g[1]);
            tr[n] = (unsigned char)atoi(g[2]);
            w[n] = num(g[3]);
            cl[n] = (size_t)atol(g[4]) - 1;
            if (cl[n] + 1 > ncl)
                ncl = cl[n] + 1;
            n++;
        }
        fclose(d);
        ov_att a;
        ov_att_estimate(y, tr, w, cl, NULL, n, ncl, &a);
        assert_int_equal(a.n_treated + a.n_control, (size_t)want[0]);
        close_to(a.df, want[1], 0, "df");
        close_to(a.estimate, want[2], 1e-12, "estimate");
        close_to(a.se, want[3], 1e-10, "se");
        close_to(a.t, want[4], 1e-10, "t");
        close_to(a.p_value, want[5], 1e-9, "p-value");
        close_to(a.ci_low, want[6], 1e-10, "ci_low");
        close_to(a.ci_high, want[7], 1e-10, "ci_high");
        close_to(a.treated_mean, want[8], 1e-12, "treated mean");
        close_to(a.control_mean, want[9], 1e-12, "control mean");
        assert_int_equal(a.clusters, (size_t)want[10]);
        cases++;
    }
    fclose(e);
    assert_int_equal(cases, 5);
}

/* Matching with replacement: rows laid out as MatchIt's get_matches()
 * (a reused control once per subclass), clustered two-way by subclass and
 * person as vcovCL(cluster = ~subclass + id) does; the same rows
 * clustered by subclass alone give R's (smaller) one-way SE. */
static void test_two_way_se_with_replacement_equals_r(void **state)
{
    (void)state;
    FILE *e = fopen(FIX "replace_expected.csv", "r");
    assert_non_null(e);
    char line[1024], *f[16];
    assert_non_null(fgets(line, sizeof line, e));
    int cases = 0;
    while (fgets(line, sizeof line, e)) {
        assert_int_equal(split(line, f, 16), 14);
        char name[64];
        snprintf(name, sizeof name, "%s", f[0]);
        double want[13];
        for (int k = 1; k < 14; k++)
            want[k - 1] = num(f[k]);
        static double y[MAXROWS], w[MAXROWS];
        static unsigned char tr[MAXROWS];
        static size_t cl[MAXROWS], id[MAXROWS];
        size_t n = 0, ncl = 0, nid = 0;
        FILE *d = fopen(FIX "replace_data.csv", "r");
        assert_non_null(d);
        char dl[256], *g[8];
        assert_non_null(fgets(dl, sizeof dl, d));
        while (fgets(dl, sizeof dl, d)) {
            assert_int_equal(split(dl, g, 8), 6);
            if (strcmp(g[0], name) != 0)
                continue;
            assert_true(n < MAXROWS);
            y[n] = num(g[1]);
            tr[n] = (unsigned char)atoi(g[2]);
            w[n] = num(g[3]);
            cl[n] = (size_t)atol(g[4]) - 1;
            id[n] = (size_t)atol(g[5]) - 1;
            if (cl[n] + 1 > ncl)
                ncl = cl[n] + 1;
            if (id[n] + 1 > nid)
                nid = id[n] + 1;
            n++;
        }
        fclose(d);
        /* the rows by person, then subclass, as ov_att_estimate wants */
        static size_t perm[MAXROWS], zc[MAXROWS], zi[MAXROWS];
        static double zy[MAXROWS], zw[MAXROWS];
        static unsigned char zt[MAXROWS];
        ov_att_order(cl, id, n, ncl, nid, perm);
        for (size_t i = 0; i < n; i++) {
            size_t p = perm[i];
            zy[i] = y[p], zw[i] = w[p], zt[i] = tr[p];
            zc[i] = cl[p], zi[i] = id[p];
            assert_true(i == 0 || zi[i] > zi[i - 1] ||
                        (zi[i] == zi[i - 1] && zc[i] >= zc[i - 1]));
        }
        ov_att a;
        ov_att_estimate(zy, zt, zw, zc, zi, n, ncl, &a);
        assert_int_equal(a.reason, OV_ATT_COMPLETE);
        assert_int_equal(a.n_treated + a.n_control, (size_t)want[0]);
        close_to(a.df, want[1], 0, "df");
        close_to(a.estimate, want[2], 1e-12, "estimate");
        close_to(a.se, want[3], 1e-10, "two-way se");
        close_to(a.t, want[4], 1e-10, "t");
        close_to(a.p_value, want[5], 1e-9, "p-value");
        close_to(a.ci_low, want[6], 1e-10, "ci_low");
        close_to(a.ci_high, want[7], 1e-10, "ci_high");
        close_to(a.treated_mean, want[8], 1e-12, "treated mean");
        close_to(a.control_mean, want[9], 1e-12, "control mean");
        assert_int_equal(a.clusters, (size_t)want[10]);
        assert_int_equal(a.units, (size_t)want[11]);
        ov_att one;
        ov_att_estimate(y, tr, w, cl, NULL, n, ncl, &one);
        ov_att one_sorted;
        ov_att_estimate(zy, zt, zw, zc, NULL, n, ncl, &one_sorted);
        close_to(one_sorted.se, one.se, 1e-12, "one-way se, rows reordered");
        close_to(one.se, want[12], 1e-10, "one-way se");
        assert_true(one.se < a.se);
        cases++;
    }
    fclose(e);
    assert_int_equal(cases, 4);
}

/* Why an outcome has no estimate or no standard error, first reason
 * first. */
static void test_att_says_why_values_are_missing(void **state)
{
    (void)state;
    double w[] = {1, 1, 1, 1, 1, 1};
    unsigned char tr[] = {1, 1, 1, 0, 0, 0};
    size_t cl[] = {0, 1, 2, 0, 1, 2};
    size_t id[] = {0, 1, 2, 3, 3, 3}; /* one control in all three sets */
    ov_att a;
    double none[] = {NAN, NAN, NAN, NAN, NAN, NAN};
    ov_att_estimate(none, tr, w, cl, NULL, 6, 3, &a);
    assert_int_equal(a.reason, OV_ATT_NO_ROWS);
    assert_true(isnan(a.treated_mean) && isnan(a.estimate) && isnan(a.se));
    double no_t[] = {NAN, NAN, NAN, 1, 0, 1};
    ov_att_estimate(no_t, tr, w, cl, NULL, 6, 3, &a);
    assert_int_equal(a.reason, OV_ATT_NO_TREATED);
    double no_c[] = {1, 0, 1, NAN, NAN, NAN};
    ov_att_estimate(no_c, tr, w, cl, NULL, 6, 3, &a);
    assert_int_equal(a.reason, OV_ATT_NO_CONTROL);
    /* one matched set left */
    double one_set[] = {1, NAN, NAN, 0, NAN, NAN};
    ov_att_estimate(one_set, tr, w, cl, NULL, 6, 3, &a);
    assert_int_equal(a.reason, OV_ATT_FEW_CLUSTERS);
    assert_true(a.estimate == 1 && isnan(a.se));
    /* two-way: three sets but one control person */
    double y2[] = {1, 0, 1, 0, 0, 0};
    ov_att_estimate(y2, tr, w, cl, id, 6, 3, &a);
    assert_int_equal(a.reason, OV_ATT_COMPLETE);
    assert_int_equal(a.units, 4);
    /* persons are counted among the rows used */
    double y3[] = {NAN, NAN, 1, 0, 0, 0};
    ov_att_estimate(y3, tr, w, cl, id, 6, 3, &a);
    assert_int_equal(a.units, 2);
    assert_int_equal(a.clusters, 3);
    /* no variation: 1 for every participant, 0 for every control */
    double flat[] = {1, 1, 1, 0, 0, 0};
    ov_att_estimate(flat, tr, w, cl, NULL, 6, 3, &a);
    assert_int_equal(a.reason, OV_ATT_NO_VARIATION);
    assert_true(a.estimate == 1 && a.se == 0);
    assert_true(isnan(a.t) && isnan(a.p_value) && isnan(a.ci_low));
}

static void test_att_without_controls_is_not_a_number(void **state)
{
    (void)state;
    double y[] = {1, 0, NAN};
    unsigned char tr[] = {1, 1, 0};
    double w[] = {1, 1, 1};
    size_t cl[] = {0, 1, 0};
    ov_att a;
    ov_att_estimate(y, tr, w, cl, NULL, 3, 2, &a);
    assert_true(isnan(a.estimate) && isnan(a.se) && isnan(a.p_value));
    assert_int_equal(a.n_treated, 2);
    assert_int_equal(a.n_control, 0);
}

static void test_pair_bootstrap_is_reproducible_and_brackets_estimate(
    void **state)
{
    (void)state;
    enum { N = 400 };
    static double y[N], w[N];
    static unsigned char tr[N];
    static size_t cl[N];
    for (int i = 0; i < N; i++) {
        tr[i] = (unsigned char)(i % 2);
        cl[i] = (size_t)(i / 2);
        w[i] = 1;
        y[i] = (double)((i * 7919) % 13) / 13.0 + (tr[i] ? 0.3 : 0.0);
    }
    ov_att a;
    ov_att_estimate(y, tr, w, cl, NULL, N, N / 2, &a);
    double lo, hi, lo2, hi2;
    ov_att_bootstrap(y, tr, w, cl, N, N / 2, 999, 42, &lo, &hi);
    ov_att_bootstrap(y, tr, w, cl, N, N / 2, 999, 42, &lo2, &hi2);
    assert_true(lo == lo2 && hi == hi2);
    assert_true(lo < a.estimate && a.estimate < hi);
    /* about as wide as the analytic interval */
    double ratio = (hi - lo) / (a.ci_high - a.ci_low);
    assert_true(ratio > 0.7 && ratio < 1.3);
    ov_att_bootstrap(y, tr, w, cl, N, N / 2, 999, 43, &lo2, &hi2);
    assert_true(lo != lo2 || hi != hi2);
}

/* ---- t distribution ------------------------------------------------------ */

static void test_pt_and_qt_equal_r(void **state)
{
    (void)state;
    FILE *f = fopen(FIX "tdist_expected.csv", "r");
    assert_non_null(f);
    char line[256], *g[8];
    assert_non_null(fgets(line, sizeof line, f));
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        assert_int_equal(split(line, g, 8), 4);
        double q = num(g[0]), df = num(g[1]), p = num(g[2]), x = num(g[3]);
        char what[64];
        if (!isnan(q)) {
            snprintf(what, sizeof what, "pt(%g, %g)", q, df);
            /* R rounds the far tail to 0 below the smallest double */
            if (p == 0)
                assert_true(ov_pt(q, df) < 1e-300);
            else
                close_to(ov_pt(q, df), p, 1e-9, what);
        } else {
            snprintf(what, sizeof what, "qt(%g, %g)", p, df);
            close_to(ov_qt(p, df), x, 1e-9, what);
        }
        rows++;
    }
    fclose(f);
    assert_true(rows > 60);
    assert_true(fabs(ov_qnorm(0.975) - 1.959963984540054) < 1e-15);
    assert_true(ov_qt(0.5, 7) == 0);
}

/* ---- balance --------------------------------------------------------------- */

enum { NB = 300 };

static void test_balance_equals_matchit_summary(void **state)
{
    (void)state;
    static double x[5][NB], w[4][NB], score[NB];
    static unsigned char tr[NB];
    static char cat[NB];
    FILE *d = fopen(FIX "balance_data.csv", "r");
    assert_non_null(d);
    char line[1024], *g[16];
    assert_non_null(fgets(line, sizeof line, d));
    int n = 0;
    while (fgets(line, sizeof line, d)) {
        assert_true(n < NB);
        assert_int_equal(split(line, g, 16), 10);
        tr[n] = (unsigned char)atoi(g[0]);
        x[0][n] = num(g[1]);
        x[1][n] = num(g[2]);
        x[2][n] = num(g[3]);
        cat[n] = g[4][0];
        score[n] = num(g[5]);
        for (int k = 0; k < 4; k++)
            w[k][n] = num(g[6 + k]);
        n++;
    }
    fclose(d);
    assert_int_equal(n, NB);
    static double level[3][NB];
    for (int i = 0; i < NB; i++)
        for (int l = 0; l < 3; l++)
            level[l][i] = cat[i] == 'a' + l ? 1.0 : 0.0;
    const char *cases[] = {"plain", "ratio2", "caliper", "ratio2_caliper"};
    FILE *e = fopen(FIX "balance_expected.csv", "r");
    assert_non_null(e);
    assert_non_null(fgets(line, sizeof line, e));
    int rows = 0;
    while (fgets(line, sizeof line, e)) {
        assert_int_equal(split(line, g, 16), 15);
        int c = -1;
        for (int k = 0; k < 4; k++)
            if (strcmp(g[0], cases[k]) == 0)
                c = k;
        assert_true(c >= 0);
        const double *v;
        if (strcmp(g[1], "distance") == 0)
            v = score;
        else if (strcmp(g[1], "x_num") == 0)
            v = x[0];
        else if (strcmp(g[1], "x_int") == 0)
            v = x[1];
        else if (strcmp(g[1], "x_bin") == 0)
            v = x[2];
        else {
            assert_true(strncmp(g[1], "x_cat", 5) == 0);
            v = level[g[1][5] - 'a'];
        }
        bool bin = ov_balance_is_binary(v, NB);
        assert_int_equal(bin, atoi(g[2]));
        ov_bal b, a;
        ov_balance(v, tr, w[c], NB, bin, &b, &a);
        char what[96];
        const double got[12] = {b.mean_t, b.mean_c, b.smd, b.var_ratio,
                                b.ecdf_mean, b.ecdf_max, a.mean_t, a.mean_c,
                                a.smd, a.var_ratio, a.ecdf_mean, a.ecdf_max};
        const char *names[12] = {"mean_t_before", "mean_c_before",
                                 "smd_before", "var_ratio_before",
                                 "ecdf_mean_before", "ecdf_max_before",
                                 "mean_t_after", "mean_c_after", "smd_after",
                                 "var_ratio_after", "ecdf_mean_after",
                                 "ecdf_max_after"};
        for (int k = 0; k < 12; k++) {
            snprintf(what, sizeof what, "%s %s %s", g[0], g[1], names[k]);
            close_to(got[k], num(g[3 + k]), 1e-9, what);
        }
        rows++;
    }
    fclose(e);
    assert_int_equal(rows, 4 * 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_att_and_cluster_robust_se_equal_r),
        cmocka_unit_test(test_two_way_se_with_replacement_equals_r),
        cmocka_unit_test(test_att_says_why_values_are_missing),
        cmocka_unit_test(test_att_without_controls_is_not_a_number),
        cmocka_unit_test(test_pair_bootstrap_is_reproducible_and_brackets_estimate),
        cmocka_unit_test(test_pt_and_qt_equal_r),
        cmocka_unit_test(test_balance_equals_matchit_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
