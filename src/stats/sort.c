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

void ov_sort_index_by_double(const double *key, size_t n, size_t *idx)
{
    uint64_t *k = ov_xmalloc((n ? n : 1) * sizeof *k);
    uint64_t *k2 = ov_xmalloc((n ? n : 1) * sizeof *k2);
    size_t *i2 = ov_xmalloc((n ? n : 1) * sizeof *i2);
    uint64_t all_or = 0, all_and = ~0ull;
    for (size_t i = 0; i < n; i++) {
        k[i] = order_bits(key[i]);
        idx[i] = i;
        all_or |= k[i];
        all_and &= k[i];
    }
    uint64_t differ = all_or ^ all_and;
    /* 16-bit digits; skip digits where every key agrees */
    for (int shift = 0; shift < 64; shift += 16) {
        if (((differ >> shift) & 0xFFFF) == 0)
            continue;
        size_t *cnt = ov_xcalloc(65537, sizeof *cnt);
        for (size_t i = 0; i < n; i++)
            cnt[((k[i] >> shift) & 0xFFFF) + 1]++;
        for (size_t b = 1; b <= 65536; b++)
            cnt[b] += cnt[b - 1];
        for (size_t i = 0; i < n; i++) {
            size_t d = cnt[(k[i] >> shift) & 0xFFFF]++;
            k2[d] = k[i];
            i2[d] = idx[i];
        }
        free(cnt);
        uint64_t *tk = k;
        k = k2;
        k2 = tk;
        memcpy(idx, i2, n * sizeof *idx);
    }
    free(k);
    free(k2);
    free(i2);
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
