/* The random draw is reproducible from its seed and unbiased. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/draw.h"

static void xoshiro_matches_the_reference_sequence(void **state)
{
    (void)state;
    /* reference xoshiro256** from state {1, 2, 3, 4} */
    ov_rng r = {{1, 2, 3, 4}};
    assert_true(ov_rng_next(&r) == 11520ULL);
    assert_true(ov_rng_next(&r) == 0ULL);
    assert_true(ov_rng_next(&r) == 1509978240ULL);
    assert_true(ov_rng_next(&r) == 1215971899390074240ULL);
    /* splitmix64 seeding from 0: the first state word is splitmix64's
     * well-known first output */
    ov_rng_seed(&r, 0);
    assert_true(r.s[0] == 0xe220a8397b1dcdafULL);
}

static void the_same_seed_gives_the_same_people_in_any_input_order(void **state)
{
    (void)state;
    int64_t pool[] = {11, 42, 7, 99, 23, 5, 61, 80, 14, 3};
    int64_t rev[10];
    for (int i = 0; i < 10; i++)
        rev[i] = pool[9 - i];
    int64_t a[4], b[4], c[4];
    ov_err err;
    assert_int_equal(ov_draw(pool, 10, 4, 2026, a, &err), OV_OK);
    assert_int_equal(ov_draw(rev, 10, 4, 2026, b, &err), OV_OK);
    assert_memory_equal(a, b, sizeof a);
    assert_int_equal(ov_draw(pool, 10, 4, 2027, c, &err), OV_OK);
    assert_memory_not_equal(a, c, sizeof a);
    /* drawn ids come from the pool, without repeats */
    for (int i = 0; i < 4; i++) {
        bool in = false;
        for (int k = 0; k < 10; k++)
            in = in || pool[k] == a[i];
        assert_true(in);
        for (int j = 0; j < i; j++)
            assert_true(a[i] != a[j]);
    }
    /* the pool itself is untouched */
    assert_true(pool[0] == 11 && pool[9] == 3);
}

static void a_pinned_draw_never_changes(void **state)
{
    (void)state;
    /* If this fails, the draw algorithm changed and old draws can no longer
     * be re-run: that must never happen silently. */
    int64_t pool[20];
    for (int i = 0; i < 20; i++)
        pool[i] = 1000 + i;
    int64_t out[5];
    ov_err err;
    assert_int_equal(ov_draw(pool, 20, 5, 42, out, &err), OV_OK);
    int64_t again[5];
    assert_int_equal(ov_draw(pool, 20, 5, 42, again, &err), OV_OK);
    assert_memory_equal(out, again, sizeof out);
    static const int64_t pinned[5] = {1002, 1011, 1013, 1018, 1008};
    assert_memory_equal(out, pinned, sizeof out);
}

static void draws_are_uniform_over_many_seeds(void **state)
{
    (void)state;
    int64_t pool[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int counts[10] = {0};
    ov_err err;
    for (uint64_t seed = 0; seed < 20000; seed++) {
        int64_t out[1];
        assert_int_equal(ov_draw(pool, 10, 1, seed, out, &err), OV_OK);
        counts[out[0]]++;
    }
    for (int i = 0; i < 10; i++) {
        assert_true(counts[i] > 1800);
        assert_true(counts[i] < 2200);
    }
    ov_rng r;
    ov_rng_seed(&r, 7);
    for (int i = 0; i < 1000; i++) {
        assert_true(ov_rng_below(&r, 3) < 3);
        double u = ov_rng_unit(&r);
        assert_true(u >= 0.0 && u < 1.0);
    }
}

static void bad_draws_are_refused(void **state)
{
    (void)state;
    int64_t pool[] = {1, 2, 3};
    int64_t out[4];
    ov_err err;
    assert_int_equal(ov_draw(pool, 3, 0, 1, out, &err), OV_EINVAL);
    assert_int_equal(ov_draw(pool, 3, 4, 1, out, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "pool of 3"));
    int64_t dup[] = {1, 2, 2};
    assert_int_equal(ov_draw(dup, 3, 1, 1, out, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "candidate 2 appears twice"));
    assert_int_equal(ov_draw(pool, 3, 3, 1, out, &err), OV_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xoshiro_matches_the_reference_sequence),
        cmocka_unit_test(the_same_seed_gives_the_same_people_in_any_input_order),
        cmocka_unit_test(a_pinned_draw_never_changes),
        cmocka_unit_test(draws_are_uniform_over_many_seeds),
        cmocka_unit_test(bad_draws_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
