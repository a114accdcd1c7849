#include "stats/sort.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

static inline uint64_t order_bits(double d)
{
    uint64_t u;
    if (d == 0)
        d = 0.0; /* -0 sorts with +0 */
    memcpy(&u, &d, sizeof u);
    return (u & 0x8000000000000000ull) ? ~u : u | 0x8000000000000000ull;
}

/* LSD radix sort with 11-bit digits (2,048 buckets fit the cache; six
 * passes cover 64 bits), all histograms counted in one pass, and passes
 * whose digit is the same for every key skipped. Keys and indices move
 * together, so each pass is two sequential reads and two scattered
 * writes into 2,048 runs. */
#define RBITS 11
#define RBUCKETS (1u << RBITS)
#define RPASSES 6

typedef struct kv {
    uint64_t k;
    size_t i;
} kv;

void ov_sort_index_by_double(const double *key, size_t n, size_t *idx)
{
    kv *a = ov_xmalloc((n ? n : 1) * sizeof *a);
    kv *b = ov_xmalloc((n ? n : 1) * sizeof *b);
    size_t(*cnt)[RBUCKETS] = ov_xcalloc(RPASSES, sizeof *cnt);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = order_bits(key[i]);
        a[i] = (kv){k, i};
        for (int d = 0; d < RPASSES; d++)
            cnt[d][(k >> (d * RBITS)) & (RBUCKETS - 1)]++;
    }
    for (int d = 0; d < RPASSES; d++) {
        size_t *c = cnt[d];
        uint64_t first = n ? (a[0].k >> (d * RBITS)) & (RBUCKETS - 1) : 0;
        if (c[first] == n)
            continue; /* every key has this digit */
        size_t sum = 0;
        for (size_t q = 0; q < RBUCKETS; q++) {
            size_t t = c[q];
            c[q] = sum;
            sum += t;
        }
        for (size_t i = 0; i < n; i++)
            b[c[(a[i].k >> (d * RBITS)) & (RBUCKETS - 1)]++] = a[i];
        kv *t = a;
        a = b;
        b = t;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = a[i].i;
    free(cnt);
    free(a);
    free(b);
}

void ov_sort_index_by_group(size_t *idx, size_t n, const int *group,
                            int ngroups)
{
    size_t *cnt = ov_xcalloc((size_t)ngroups + 1, sizeof *cnt);
    for (size_t i = 0; i < n; i++)
        cnt[group[idx[i]] + 1]++;
    for (int g = 1; g <= ngroups; g++)
        cnt[g] += cnt[g - 1];
    size_t *out = ov_xmalloc((n ? n : 1) * sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[cnt[group[idx[i]]]++] = idx[i];
    memcpy(idx, out, n * sizeof *idx);
    free(out);
    free(cnt);
}
