/* The request arena: many allocations over several blocks, max_align_t
 * alignment, large allocations, reset and destroy with cleanup callbacks in
 * reverse order, and printf into the arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/err.h"

#define ALIGN (_Alignof(max_align_t))

static size_t round_up(size_t n)
{
    return (n + ALIGN - 1) / ALIGN * ALIGN;
}

static void many_allocations_across_blocks_keep_their_contents(void **state)
{
    (void)state;
    enum { N = 2000 };
    ov_arena *a = ov_arena_new(256); /* small blocks: many of them */
    unsigned char *p[N];
    size_t sz[N];
    size_t want_used = 0;
    for (int i = 0; i < N; i++) {
        sz[i] = (size_t)(i % 61) + 1; /* 1..61 bytes, all below block/4 */
        p[i] = ov_arena_alloc(a, sz[i]);
        assert_non_null(p[i]);
        memset(p[i], i & 0xff, sz[i]);
        want_used += round_up(sz[i]);
    }
    /* nothing overwrote anything: every allocation is disjoint */
    for (int i = 0; i < N; i++)
        for (size_t k = 0; k < sz[i]; k++)
            assert_int_equal(p[i][k], i & 0xff);
    assert_int_equal(ov_arena_used(a), want_used);
    ov_arena_destroy(a);
}

static void every_allocation_is_aligned_to_max_align_t(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(512);
    for (size_t n = 0; n < 300; n++) {
        void *p = ov_arena_alloc(a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % ALIGN, 0);
        void *z = ov_arena_zalloc(a, n * 3 + 1);
        assert_int_equal((uintptr_t)z % ALIGN, 0);
    }
    /* odd-sized strings do not misalign what follows */
    ov_arena_strdup(a, "abc");
    long double *ld = OV_NEW(a, long double);
    assert_int_equal((uintptr_t)ld % _Alignof(long double), 0);
    *ld = 1.5L;
    assert_true(*ld == 1.5L);
    /* large allocations too */
    void *big = ov_arena_alloc(a, 100001);
    assert_int_equal((uintptr_t)big % ALIGN, 0);
    ov_arena_destroy(a);
}

static void large_allocations_are_usable_and_small_ones_continue(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(1024);
    char *small1 = ov_arena_alloc(a, 10);
    memset(small1, 's', 10);
    /* far larger than a block: it gets a block of its own */
    size_t bign = 1u << 20;
    unsigned char *big = ov_arena_alloc(a, bign);
    for (size_t i = 0; i < bign; i++)
        big[i] = (unsigned char)(i * 7);
    /* the large block did not end the current one: small ones continue
     * right after small1 */
    char *small2 = ov_arena_alloc(a, 10);
    memset(small2, 't', 10);
    assert_ptr_equal(small2, small1 + ALIGN);
    /* over a quarter block but not fitting what is left */
    char *fill = ov_arena_alloc(a, 200);
    memset(fill, 'f', 200);
    char *mid = ov_arena_alloc(a, 1000);
    memset(mid, 'm', 1000);
    for (size_t i = 0; i < bign; i++)
        assert_int_equal(big[i], (unsigned char)(i * 7));
    for (int i = 0; i < 10; i++) {
        assert_int_equal(small1[i], 's');
        assert_int_equal(small2[i], 't');
    }
    for (int i = 0; i < 200; i++)
        assert_int_equal(fill[i], 'f');
    for (int i = 0; i < 1000; i++)
        assert_int_equal(mid[i], 'm');
    assert_int_equal(ov_arena_used(a),
                     round_up(10) + round_up(bign) + round_up(10) +
                         round_up(200) + round_up(1000));
    ov_arena_destroy(a);
}

static void zalloc_and_new_n_return_zeroed_memory_even_after_reuse(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(4096);
    unsigned char *p = ov_arena_alloc(a, 1000);
    memset(p, 0xAA, 1000);
    ov_arena_reset(a);
    unsigned char *z = ov_arena_zalloc(a, 1000);
    assert_ptr_equal(z, p); /* the first block is reused after reset */
    for (int i = 0; i < 1000; i++)
        assert_int_equal(z[i], 0);
    memset(z, 0x55, 1000);
    ov_arena_reset(a);
    int64_t *v = OV_NEW_N(a, int64_t, 100);
    for (int i = 0; i < 100; i++)
        assert_int_equal(v[i], 0);
    ov_arena_destroy(a);
}

static void strdup_and_memdup0_copy_and_terminate(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    const char src[] = "hello";
    char *s = ov_arena_strdup(a, src);
    assert_ptr_not_equal(s, src);
    assert_string_equal(s, "hello");
    char *m = ov_arena_memdup0(a, "abcdef", 3);
    assert_string_equal(m, "abc");
    char *e = ov_arena_memdup0(a, NULL, 0);
    assert_string_equal(e, "");
    char bin[4] = {'x', '\0', 'y', 'z'};
    char *b = ov_arena_memdup0(a, bin, 4);
    assert_memory_equal(b, bin, 4);
    assert_int_equal(b[4], '\0');
    ov_arena_destroy(a);
}

/* Cleanup callbacks append their number to a log. */
typedef struct cleanup_log {
    int order[16];
    int n;
} cleanup_log;

typedef struct cleanup_ctx {
    cleanup_log *log;
    int id;
} cleanup_ctx;

static void record_cleanup(void *p)
{
    cleanup_ctx *c = p;
    assert_true(c->log->n < 16);
    c->log->order[c->log->n++] = c->id;
}

static void destroy_runs_cleanups_in_reverse_order(void **state)
{
    (void)state;
    cleanup_log log = {{0}, 0};
    cleanup_ctx ctx[4];
    ov_arena *a = ov_arena_new(128);
    for (int i = 0; i < 4; i++) {
        ctx[i] = (cleanup_ctx){&log, i + 1};
        ov_arena_on_destroy(a, record_cleanup, &ctx[i]);
        ov_arena_alloc(a, 100); /* spread the records over several blocks */
    }
    assert_int_equal(log.n, 0);
    ov_arena_destroy(a);
    assert_int_equal(log.n, 4);
    assert_int_equal(log.order[0], 4);
    assert_int_equal(log.order[1], 3);
    assert_int_equal(log.order[2], 2);
    assert_int_equal(log.order[3], 1);
    ov_arena_destroy(NULL); /* fine */
}

static void reset_reruns_cleanups_in_reverse_and_keeps_working(void **state)
{
    (void)state;
    cleanup_log log = {{0}, 0};
    cleanup_ctx ctx[6];
    for (int i = 0; i < 6; i++)
        ctx[i] = (cleanup_ctx){&log, i + 1};
    ov_arena *a = ov_arena_new(256);

    /* first "request": three cleanups, several blocks, one large block */
    for (int i = 0; i < 3; i++)
        ov_arena_on_destroy(a, record_cleanup, &ctx[i]);
    for (int i = 0; i < 50; i++)
        memset(ov_arena_alloc(a, 40), 1, 40);
    memset(ov_arena_alloc(a, 5000), 2, 5000);
    ov_arena_reset(a);
    assert_int_equal(log.n, 3);
    assert_int_equal(log.order[0], 3);
    assert_int_equal(log.order[1], 2);
    assert_int_equal(log.order[2], 1);
    assert_int_equal(ov_arena_used(a), 0);

    /* a reset with no cleanups registered runs nothing again */
    ov_arena_reset(a);
    assert_int_equal(log.n, 3);

    /* second "request" on the same arena */
    ov_arena_on_destroy(a, record_cleanup, &ctx[3]);
    char *s = ov_arena_printf(a, "req %d", 2);
    for (int i = 0; i < 50; i++)
        memset(ov_arena_alloc(a, 40), 3, 40);
    ov_arena_on_destroy(a, record_cleanup, &ctx[4]);
    assert_string_equal(s, "req 2");
    assert_true(ov_arena_used(a) >= 50 * 40);
    ov_arena_reset(a);
    assert_int_equal(log.n, 5);
    assert_int_equal(log.order[3], 5);
    assert_int_equal(log.order[4], 4);

    /* third: registered after the last reset, run once by destroy */
    ov_arena_on_destroy(a, record_cleanup, &ctx[5]);
    ov_arena_destroy(a);
    assert_int_equal(log.n, 6);
    assert_int_equal(log.order[5], 6);
}

static void printf_formats_exactly_and_beyond_a_block(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(256);
    char *s = ov_arena_printf(a, "%s-%d-%05.1f-%c", "ab", -42, 3.25, 'z');
    assert_string_equal(s, "ab--42-003.2-z");
    assert_string_equal(ov_arena_printf(a, "%s", ""), "");
    /* longer than a whole block */
    char big[5001];
    memset(big, 'q', 5000);
    big[5000] = '\0';
    char *l = ov_arena_printf(a, "<%s>", big);
    assert_int_equal(strlen(l), 5002);
    assert_int_equal(l[0], '<');
    assert_int_equal(l[5001], '>');
    assert_memory_equal(l + 1, big, 5000);
    /* the earlier strings are intact */
    assert_string_equal(s, "ab--42-003.2-z");
    ov_arena_destroy(a);
}

static void grow_keeps_rows_zeroes_new_slots_and_is_never_null(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(1024);
    size_t cap = 0;
    int64_t *rows = NULL;
    OV_GROW(a, rows, cap, 0);
    assert_non_null(rows);
    assert_true(cap >= 8);
    for (size_t i = 0; i < cap; i++)
        assert_int_equal(rows[i], 0);
    /* far beyond a block: in place while it fits, copied after */
    for (size_t n = 0; n < 5000; n++) {
        OV_GROW(a, rows, cap, n + 1);
        assert_true(cap >= n + 1);
        assert_int_equal(rows[n], 0);
        rows[n] = (int64_t)n * 7;
        /* something else allocated in between must not be overwritten */
        if (n % 100 == 0)
            memset(ov_arena_alloc(a, 40), 0xAB, 40);
    }
    for (size_t n = 0; n < 5000; n++)
        assert_int_equal(rows[n], (int64_t)n * 7);
    ov_arena_destroy(a);
}

static void grow_in_place_does_not_move_the_newest_allocation(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(16 * 1024);
    size_t cap = 0;
    char *p = NULL;
    OV_GROW(a, p, cap, 8);
    char *first = p;
    memcpy(p, "overgang", 8);
    OV_GROW(a, p, cap, 100);
    assert_ptr_equal(p, first);
    assert_memory_equal(p, "overgang", 8);
    for (size_t i = 8; i < cap; i++)
        assert_int_equal(p[i], 0);
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_allocations_across_blocks_keep_their_contents),
        cmocka_unit_test(every_allocation_is_aligned_to_max_align_t),
        cmocka_unit_test(large_allocations_are_usable_and_small_ones_continue),
        cmocka_unit_test(zalloc_and_new_n_return_zeroed_memory_even_after_reuse),
        cmocka_unit_test(strdup_and_memdup0_copy_and_terminate),
        cmocka_unit_test(destroy_runs_cleanups_in_reverse_order),
        cmocka_unit_test(reset_reruns_cleanups_in_reverse_and_keeps_working),
        cmocka_unit_test(printf_formats_exactly_and_beyond_a_block),
        cmocka_unit_test(grow_keeps_rows_zeroes_new_slots_and_is_never_null),
        cmocka_unit_test(grow_in_place_does_not_move_the_newest_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
