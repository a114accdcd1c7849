/*
 * draw.h - the random draw of participants, reproducible from its seed.
 *
 * In the pilot, participants were drawn at random among the eligible
 * (DOMAIN.md). Anyone must be able to re-run a draw and get the same
 * people, so the algorithm is fixed and written out here, not left to a C
 * library's rand():
 *
 *  1. The pool is sorted by candidate id ascending (input order does not
 *     matter). Duplicate ids are an error.
 *  2. The generator is xoshiro256** (Blackman and Vigna, 2018) whose four
 *     state words are filled by splitmix64 from the 64-bit seed.
 *  3. A partial Fisher-Yates shuffle: for i = 0 .. N-1, pick j uniformly in
 *     [i, pool size) and swap positions i and j. A uniform integer below
 *     `bound` is drawn by rejection: x = next(); while
 *     x >= 2^64 - (2^64 mod bound), x = next(); the result is x mod bound.
 *     (Unbiased, and simple to re-implement in any language.)
 *  4. The first N positions, in order, are the drawn ids.
 */
#ifndef OV_MODEL_DRAW_H
#define OV_MODEL_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

typedef struct ov_rng {
    uint64_t s[4];
} ov_rng;

void ov_rng_seed(ov_rng *r, uint64_t seed);
uint64_t ov_rng_next(ov_rng *r);
/* Uniform in [0, bound), bound >= 1, by rejection (see above). */
uint64_t ov_rng_below(ov_rng *r, uint64_t bound);
/* Uniform double in [0, 1) from the top 53 bits. */
double ov_rng_unit(ov_rng *r);

/* Draw n of the pool. pool is not modified; out gets n ids in draw order.
 * Errors: n < 1, n larger than the pool, duplicate ids. */
ov_status ov_draw(const int64_t *pool, size_t pool_n, size_t n, uint64_t seed,
                  int64_t *out, ov_err *err);

#endif
