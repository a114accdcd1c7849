/*
 * The evaluation's standard errors are wired to the right clusters: on a
 * synthetic extract with few controls (so matching with replacement
 * reuses them), every outcome's SE equals ov_att_estimate on the
 * get_matches() layout rebuilt from the result's pairs, clustered by
 * matched set and by person with --replace, by matched set alone
 * without. The SE itself is checked against R in test_inference.c.
 */
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

#include "stats/att.h"
#include "stats/evaluate.h"
#include "stats/synth.h"

static char dir[] = "/tmp/overgang-evalse-XXXXXX";

static int make_extract(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    /* 100 participants, 140 others: with ratio 2 controls serve several */
    ov_synth_options so = {.persons = 240, .treated = 100, .months = 14,
                           .seed = 11, .out = dir};
    ov_err err;
    ov_err_clear(&err);
    return ov_synth_write(&so, NULL, &err) == OV_OK ? 0 : -1;
}

static int remove_extract(void **state)
{
    (void)state;
    const char *files[] = {"population.csv", "months.csv", "truth.json"};
    char p[512];
    for (int k = 0; k < 3; k++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[k]);
        unlink(p);
    }
    rmdir(dir);
    return 0;
}

static bool close_rel(double a, double b)
{
    return fabs(a - b) <= 1e-12 * fabs(b);
}

/* Rebuild the rows (participant 1, control 1/k in a set of k) from the
 * result and compare every outcome's estimate and SE. Returns the number
 * of outcomes whose SE changes between one- and two-way clustering. */
static int check(bool replace)
{
    ov_eval_options o = {.register_dir = dir, .ratio = 2, .threads = 1,
                         .replace = replace};
    ov_eval_result res;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_evaluate(&o, &res, &err), OV_OK);
    size_t n = res.n_persons, np = res.n_pairs;
    size_t *k_of = calloc(np + 1, sizeof *k_of);   /* controls per set */
    size_t *uses = calloc(n, sizeof *uses);
    size_t nsub = 0;
    for (size_t p = 0; p < np; p++) {
        k_of[res.subclass[p]]++;
        uses[res.pair_control[p]]++;
        if (res.subclass[p] + 1 > nsub)
            nsub = res.subclass[p] + 1;
    }
    size_t most = 0;
    for (size_t i = 0; i < n; i++)
        most = uses[i] > most ? uses[i] : most;
    if (replace)
        assert_true(most >= 3);
    else
        assert_int_equal(most, 1);
    size_t rows = nsub + np;
    size_t *cl = malloc(rows * sizeof *cl), *id = malloc(rows * sizeof *id);
    double *w = malloc(rows * sizeof *w), *y = malloc(rows * sizeof *y);
    unsigned char *tr = malloc(rows);
    bool *seen = calloc(nsub, sizeof *seen);
    size_t r = 0;
    for (size_t p = 0; p < np; p++) {
        size_t s = res.subclass[p];
        if (!seen[s]) {
            seen[s] = true;
            cl[r] = s;
            id[r] = res.pair_treated[p];
            w[r] = 1;
            tr[r++] = 1;
        }
        cl[r] = s;
        id[r] = res.pair_control[p];
        w[r] = 1.0 / (double)k_of[s];
        tr[r++] = 0;
    }
    assert_int_equal(r, rows);
    /* by person, then set, as ov_att_estimate wants for two-way */
    size_t *perm = malloc(rows * sizeof *perm);
    ov_att_order(cl, id, rows, nsub, n, perm);
    {
        size_t *zc = malloc(rows * sizeof *zc), *zi = malloc(rows * sizeof *zi);
        double *zw = malloc(rows * sizeof *zw);
        unsigned char *zt = malloc(rows);
        for (size_t q = 0; q < rows; q++) {
            zc[q] = cl[perm[q]];
            zi[q] = id[perm[q]];
            zw[q] = w[perm[q]];
            zt[q] = tr[perm[q]];
        }
        memcpy(cl, zc, rows * sizeof *cl);
        memcpy(id, zi, rows * sizeof *id);
        memcpy(w, zw, rows * sizeof *w);
        memcpy(tr, zt, rows);
        free(zc);
        free(zi);
        free(zw);
        free(zt);
    }
    free(perm);
    int differs = 0, checked = 0;
    for (int s = 0; s < res.noutcomes; s++) {
        const ov_eval_outcome *oc = &res.outcomes[s];
        if (oc->spec.kind == OV_OC_SUM)
            continue;   /* needs the resolved column; the rest suffice */
        for (size_t q = 0; q < rows; q++)
            y[q] = ov_outcome_value(&oc->spec, -1, res.reg, id[q]);
        ov_att one, two;
        ov_att_estimate(y, tr, w, cl, NULL, rows, nsub, &one);
        ov_att_estimate(y, tr, w, cl, id, rows, nsub, &two);
        const ov_att *want = replace ? &two : &one;
        if (!isfinite(want->se))
            continue;
        assert_true(close_rel(oc->att, want->estimate));
        if (!close_rel(oc->se, want->se)) {
            print_error("%s: se %.17g, want %.17g (one-way %.17g)\n",
                        oc->spec.name, oc->se, want->se, one.se);
            fail();
        }
        assert_true(close_rel(oc->ci_low, want->ci_low));
        assert_int_equal(oc->reason, want->reason);
        differs += !close_rel(one.se, two.se);
        checked++;
    }
    assert_true(checked >= 10);
    free(cl);
    free(id);
    free(w);
    free(y);
    free(tr);
    free(seen);
    free(k_of);
    free(uses);
    ov_eval_result_free(&res);
    return differs;
}

static void test_with_replacement_the_se_is_clustered_by_set_and_person(
    void **state)
{
    (void)state;
    /* and the two clusterings really differ there */
    assert_true(check(true) >= 10);
}

static void test_without_replacement_the_se_is_clustered_by_set(
    void **state)
{
    (void)state;
    /* each person in one set: the two-way SE is the one-way SE */
    assert_int_equal(check(false), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            test_with_replacement_the_se_is_clustered_by_set_and_person),
        cmocka_unit_test(test_without_replacement_the_se_is_clustered_by_set),
    };
    return cmocka_run_group_tests(tests, make_extract, remove_extract);
}
