/*
 * Logistic regression against R's glm (fixtures made by
 * tests/stats/fixtures/make_fixtures.R), and its clear errors.
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

#include "stats/logit.h"

#define FIX "tests/stats/fixtures/"

static void assert_rel(double got, double want, double tol, const char *what)
{
    double rel = fabs(got - want) / (fabs(want) > 1e-300 ? fabs(want) : 1);
    if (!(rel <= tol))
        fail_msg("%s: got %.17g, R has %.17g (relative difference %.3g)",
                 what, got, want, rel);
}

static double fixture_value(const char *name)
{
    FILE *f = fopen(FIX "logit_coef.csv", "r");
    assert_non_null(f);
    char line[256];
    double v = NAN;
    while (fgets(line, sizeof line, f)) {
        char *comma = strchr(line, ',');
        if (!comma)
            continue;
        *comma = '\0';
        if (strcmp(line, name) == 0)
            v = strtod(comma + 1, NULL);
    }
    fclose(f);
    if (isnan(v))
        fail_msg("fixture value %s missing", name);
    return v;
}

static void coefficients_deviance_and_fitted_match_r_glm(void **state)
{
    (void)state;
    FILE *f = fopen(FIX "logit_data.csv", "r");
    assert_non_null(f);
    enum { N = 3000, P = 4 };
    double *X = calloc((size_t)N * P, sizeof *X), *y = calloc(N, sizeof *y);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    size_t n = 0;
    while (n < N && fgets(line, sizeof line, f)) {
        double t, x1, x2, x3;
        assert_int_equal(sscanf(line, "%lf,%lf,%lf,%lf", &t, &x1, &x2, &x3),
                         4);
        y[n] = t;
        X[0 * N + n] = 1;
        X[1 * N + n] = x1;
        X[2 * N + n] = x2;
        X[3 * N + n] = x3;
        n++;
    }
    fclose(f);
    assert_int_equal(n, N);
    const char *names[] = {"(Intercept)", "x1", "x2", "x3"};
    double coef[P], *mu = calloc(N, sizeof *mu);
    for (int threads = 1; threads <= 2; threads++) {
        ov_logit fit = {.coef = coef};
        ov_err err;
        assert_int_equal(ov_logit_fit(X, y, N, P, names, threads, &fit, mu,
                                      &err),
                         OV_OK);
        for (int j = 0; j < P; j++)
            assert_rel(coef[j], fixture_value(names[j]), 1e-8, names[j]);
        assert_rel(fit.deviance, fixture_value("deviance"), 1e-10,
                   "deviance");
        assert_rel(fit.null_deviance, fixture_value("null_deviance"), 1e-12,
                   "null deviance");
        assert_int_equal(fit.iterations, (int)fixture_value("iterations"));
        FILE *g = fopen(FIX "logit_fitted.csv", "r");
        assert_non_null(g);
        assert_non_null(fgets(line, sizeof line, g));
        for (int i = 0; i < 10 && fgets(line, sizeof line, g); i++)
            assert_rel(mu[i], strtod(line, NULL), 1e-8, "fitted");
        fclose(g);
    }
    free(X);
    free(y);
    free(mu);
}

static void perfect_separation_is_a_clear_error(void **state)
{
    (void)state;
    enum { N = 40 };
    double X[2 * N], y[N], coef[2];
    for (int i = 0; i < N; i++) {
        X[i] = 1;
        X[N + i] = i;
        y[i] = i >= N / 2; /* x > 19.5 predicts treatment exactly */
    }
    const char *names[] = {"(Intercept)", "age"};
    ov_logit fit = {.coef = coef};
    ov_err err;
    assert_int_equal(ov_logit_fit(X, y, N, 2, names, 1, &fit, NULL, &err),
                     OV_EINVAL);
    assert_true(strstr(err.msg, "separation") != NULL);
}

static void collinear_columns_are_named(void **state)
{
    (void)state;
    enum { N = 50 };
    double X[3 * N], y[N], coef[3];
    for (int i = 0; i < N; i++) {
        X[i] = 1;
        X[N + i] = i % 7;
        X[2 * N + i] = 2 * (i % 7) + 1; /* = 2 x + intercept */
        y[i] = (i * 7919) % 3 == 0;
    }
    const char *names[] = {"(Intercept)", "a", "b"};
    ov_logit fit = {.coef = coef};
    ov_err err;
    assert_int_equal(ov_logit_fit(X, y, N, 3, names, 1, &fit, NULL, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "b");
    assert_true(strstr(err.msg, "collinear") != NULL);
}

static void the_inverse_link_is_rs(void **state)
{
    (void)state;
    /* thresholds of R's logit_linkinv */
    assert_true(ov_logit_linkinv(-31) == 2.220446049250313e-16 /
                                             (1 + 2.220446049250313e-16));
    assert_true(ov_logit_linkinv(0) == 0.5);
    assert_rel(ov_logit_linkinv(2), 1 / (1 + exp(-2)), 1e-15, "linkinv(2)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(coefficients_deviance_and_fitted_match_r_glm),
        cmocka_unit_test(perfect_separation_is_a_clear_error),
        cmocka_unit_test(collinear_columns_are_named),
        cmocka_unit_test(the_inverse_link_is_rs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
