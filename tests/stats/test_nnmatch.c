/*
 * Nearest-neighbour matching: pairs identical to a reference
 * implementation of the MatchIt 4.5.4 rules (tests/stats/fixtures/
 * make_match_fixtures.R) for plain 1:1, many tied scores, a caliper,
 * ratio 2, discard both, exact groups and replacement.
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

#include "stats/nnmatch.h"

#define FIX "tests/stats/fixtures/"
enum { N = 400 };

static double score[N], tied[N];
static unsigned char treat[N];
static int group[N];

static void load(void)
{
    FILE *f = fopen(FIX "match_data.csv", "r");
    assert_non_null(f);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    for (int i = 0; i < N; i++) {
        int t;
        assert_non_null(fgets(line, sizeof line, f));
        assert_int_equal(sscanf(line, "%d,%lf,%lf,%d", &t, &score[i],
                                &tied[i], &group[i]),
                         4);
        treat[i] = (unsigned char)t;
    }
    fclose(f);
}

static void same_as_reference(const char *name, const double *s,
                              const int *g, ov_nn_options o)
{
    load();
    ov_nn_result r;
    ov_err err;
    assert_int_equal(ov_nn_match(s, treat, g, N, &o, &r, &err), OV_OK);
    char path[128];
    snprintf(path, sizeof path, FIX "match_%s.csv", name);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[64];
    assert_non_null(fgets(line, sizeof line, f));
    size_t k = 0;
    while (fgets(line, sizeof line, f)) {
        size_t t, c;
        assert_int_equal(sscanf(line, "%zu,%zu", &t, &c), 2);
        if (k >= r.npairs)
            fail_msg("%s: R has more pairs than %zu", name, r.npairs);
        if (r.pairs[k].treated + 1 != t || r.pairs[k].control + 1 != c)
            fail_msg("%s: pair %zu is (%zu, %zu), R has (%zu, %zu)", name,
                     k + 1, r.pairs[k].treated + 1, r.pairs[k].control + 1,
                     t, c);
        k++;
    }
    fclose(f);
    if (k != r.npairs)
        fail_msg("%s: %zu pairs, R has %zu", name, r.npairs, k);
    ov_nn_result_free(&r);
}

static void plain_one_to_one_matches_the_reference(void **s)
{
    (void)s;
    same_as_reference("plain", score, NULL, (ov_nn_options){.ratio = 1});
}

static void many_tied_scores_take_the_one_before_and_data_order(void **s)
{
    (void)s;
    same_as_reference("ties", tied, NULL, (ov_nn_options){.ratio = 1});
}

static void a_caliper_leaves_far_treated_unmatched(void **s)
{
    (void)s;
    same_as_reference("caliper", score, NULL,
                      (ov_nn_options){.ratio = 1, .has_caliper = true,
                                      .caliper = 0.05});
}

static void ratio_two_gives_every_first_match_before_any_second(void **s)
{
    (void)s;
    same_as_reference("ratio2", score, NULL, (ov_nn_options){.ratio = 2});
}

static void discard_both_drops_units_outside_common_support(void **s)
{
    (void)s;
    same_as_reference("discard", score, NULL,
                      (ov_nn_options){.ratio = 1, .discard_both = true});
}

static void exact_matching_stays_within_groups(void **s)
{
    (void)s;
    load();
    same_as_reference("exact", tied, group, (ov_nn_options){.ratio = 1});
}

static void replacement_reuses_controls_but_not_for_one_unit(void **s)
{
    (void)s;
    same_as_reference("replace2", tied, NULL,
                      (ov_nn_options){.ratio = 2, .replace = true,
                                      .has_caliper = true, .caliper = 0.1});
}

/* A distance equal to the caliper is allowed. Scores 0, 1, 2, 3 have
 * sd = sqrt(5/3); with caliper c = 1/sd the allowed distance is exactly
 * 1 (up to rounding, checked by the module's own arithmetic). */
static void a_distance_equal_to_the_caliper_is_allowed(void **s)
{
    (void)s;
    double sc[4] = {0, 1, 2.5, 3.5};
    unsigned char tr[4] = {1, 0, 1, 0};
    ov_nn_options o = {.ratio = 1, .has_caliper = true};
    /* sd of {0, 1, 2.5, 3.5} */
    double mean = 1.75, ss = 0;
    for (int i = 0; i < 4; i++)
        ss += (sc[i] - mean) * (sc[i] - mean);
    double sd = sqrt(ss / 3);
    o.caliper = 1.0 / sd;
    ov_nn_result r;
    ov_err err;
    assert_int_equal(ov_nn_match(sc, tr, NULL, 4, &o, &r, &err), OV_OK);
    /* treated 2.5 takes 3.5 (distance 1 = caliper, if the product
     * rounds to exactly 1) or nothing; treated 0 takes 1 (distance 1) */
    if (r.caliper_abs == 1.0)
        assert_int_equal(r.npairs, 2);
    else
        assert_true(r.npairs <= 2);
    ov_nn_result_free(&r);
    /* and a caliper of exactly representable width */
    double sc2[3] = {0, 0.5, 1};
    unsigned char tr2[3] = {1, 0, 0};
    o.caliper = 1.0; /* sd of {0, .5, 1} is 0.5: distance 0.5 allowed */
    assert_int_equal(ov_nn_match(sc2, tr2, NULL, 3, &o, &r, &err), OV_OK);
    assert_true(r.caliper_abs == 0.5);
    assert_int_equal(r.npairs, 1);
    assert_int_equal(r.pairs[0].control, 1);
    ov_nn_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_one_to_one_matches_the_reference),
        cmocka_unit_test(many_tied_scores_take_the_one_before_and_data_order),
        cmocka_unit_test(a_caliper_leaves_far_treated_unmatched),
        cmocka_unit_test(ratio_two_gives_every_first_match_before_any_second),
        cmocka_unit_test(discard_both_drops_units_outside_common_support),
        cmocka_unit_test(exact_matching_stays_within_groups),
        cmocka_unit_test(replacement_reuses_controls_but_not_for_one_unit),
        cmocka_unit_test(a_distance_equal_to_the_caliper_is_allowed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
