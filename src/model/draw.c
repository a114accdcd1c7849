#include "model/draw.h"

#include <assert.h>
#include <stdlib.h>

/* One splitmix64 step (draw.h, step 1). */
static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void ov_rng_seed(ov_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t ov_rng_next(ov_rng *r)
{
    uint64_t *s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Rejection keeps every residue equally likely: the top 2^64 mod bound
 * values, which would favour the small residues, are thrown away. */
uint64_t ov_rng_below(ov_rng *r, uint64_t bound)
{
    if (bound <= 1)
        return 0;
    /* 2^64 mod bound without 128-bit arithmetic: (2^64 - bound) mod bound */
    uint64_t rem = (0 - bound) % bound;
    uint64_t limit = 0 - rem; /* 2^64 - rem; 0 means "no rejection" */
    uint64_t x;
    do
        x = ov_rng_next(r);
    while (limit != 0 && x >= limit);
    return x % bound;
}

double ov_rng_unit(ov_rng *r)
{
    return (double)(ov_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void swap_i64(int64_t *v, size_t i, size_t j)
{
    int64_t t = v[i];
    v[i] = v[j];
    v[j] = t;
}

/* The shuffle runs on the caller's sorted pool and is then undone, so no
 * copy is needed: out[i] first remembers the j of step i, and the swaps are
 * reversed last to first, each reversal taking the drawn id at position i
 * (positions below i are never touched by a later step). */
ov_status ov_draw(int64_t *pool, size_t pool_n, size_t n, uint64_t seed,
                  int64_t *out, ov_err *err)
{
    if (n < 1)
        return ov_err_msg(err, OV_EINVAL, "count", draw_count_none);
    if (n > pool_n)
        return ov_err_msg(err, OV_EINVAL, "count", draw_count_too_many, n,
                          pool_n, pool_n);
    assert(pool && out);
    qsort(pool, pool_n, sizeof *pool, cmp_i64);
    for (size_t i = 1; i < pool_n; i++)
        if (pool[i] == pool[i - 1])
            return ov_err_msg(err, OV_EINVAL, "pool",
                              draw_pool_twice, (long long)pool[i]);
    ov_rng r;
    ov_rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++) {
        size_t j = i + (size_t)ov_rng_below(&r, pool_n - i);
        swap_i64(pool, i, j);
        out[i] = (int64_t)j;
    }
    for (size_t i = n; i-- > 0;) {
        size_t j = (size_t)out[i];
        out[i] = pool[i];
        swap_i64(pool, i, j);
    }
    return OV_OK;
}
