/*
 * draw.h - the random draw of participants, reproducible from its seed.
 *
 * In the pilot, participants were drawn at random within each municipality
 * (DOMAIN.md, "Target group"). The draw pool is the candidates who are in
 * the target group and not excluded (`eligible` in model/screening.h).
 * Anyone must be able to re-run a draw from its seed and pool and get the
 * same people in the same order, in any language, so the algorithm is
 * written out in full here and never left to a C library's rand(). All
 * arithmetic is on unsigned 64-bit integers modulo 2^64; `>>` is a logical
 * shift; rotl(x, k) = (x << k) | (x >> (64 - k)).
 *
 *  1. Seeding: splitmix64 (Steele, Lea, Flood 2014). With x = seed, each
 *     call does
 *         x = x + 0x9e3779b97f4a7c15
 *         z = x
 *         z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
 *         z = (z ^ (z >> 27)) * 0x94d049bb133111eb
 *         return z ^ (z >> 31)
 *     and four calls give the state words s[0], s[1], s[2], s[3] in order.
 *
 *  2. Generator: xoshiro256** 1.0 (Blackman and Vigna 2018). Each call does
 *         result = rotl(s[1] * 5, 7) * 9
 *         t = s[1] << 17
 *         s[2] ^= s[0];  s[3] ^= s[1];  s[1] ^= s[2];  s[0] ^= s[3]
 *         s[2] ^= t;     s[3] = rotl(s[3], 45)
 *         return result
 *
 *  3. Unbiased integer in [0, bound) by REJECTION SAMPLING (not Lemire's
 *     multiply-shift): with bound = 1 the answer is 0 and no output is
 *     used. Otherwise let r = 2^64 mod bound and limit = 2^64 - r; draw
 *     x = next() until x < limit (when r = 0 nothing is rejected) and
 *     return x mod bound.
 *
 *  4. The draw of N from a pool of P distinct ids: sort the ids ascending
 *     (so the order the pool was given in does not matter), then a partial
 *     Fisher-Yates shuffle: for i = 0, 1, ..., N-1: j = i + below(P - i);
 *     swap positions i and j. Positions 0..N-1 are the drawn ids, in draw
 *     order (the first drawn first).
 *
 * Example: 5 from the ids 1000..1019 with seed 42 gives 1002, 1011, 1013,
 * 1018, 1008. tests/model/test_draw.c pins this and more (checked against
 * an independent implementation of the text above), so a change to the
 * algorithm cannot pass unnoticed: stored draws would no longer verify.
 */
#ifndef OV_MODEL_DRAW_H
#define OV_MODEL_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* The generator state of step 2; seed it with ov_rng_seed. */
typedef struct ov_rng {
    uint64_t s[4];
} ov_rng;

/* Step 1: fill the state from a 64-bit seed with splitmix64. */
void ov_rng_seed(ov_rng *r, uint64_t seed);
/* Step 2: the next xoshiro256** output. */
uint64_t ov_rng_next(ov_rng *r);
/* Step 3: uniform in [0, bound) by rejection; bound 0 or 1 gives 0 and
 * uses no output. */
uint64_t ov_rng_below(ov_rng *r, uint64_t bound);
/* Uniform double in [0, 1) from the top 53 bits of one output (for
 * simulations; the draw itself uses integers only). */
double ov_rng_unit(ov_rng *r);

/*
 * Step 4: draw n ids from the pool of pool_n ids with `seed`; out receives
 * n ids in draw order. The pool is sorted ascending IN PLACE, its canonical
 * order, and is left sorted (also on error): so the draw needs no memory of
 * its own. Errors (OV_EINVAL): n < 1 or n greater than the pool (field
 * "count"; the message gives the pool size), an id that occurs twice
 * (field "pool").
 */
ov_status ov_draw(int64_t *pool, size_t pool_n, size_t n, uint64_t seed,
                  int64_t *out, ov_err *err);

#endif
