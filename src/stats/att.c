#include "stats/att.h"

#include <assert.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/draw.h"
#include "stats/dist.h"

void ov_att_order(const size_t *cluster, const size_t *unit, size_t n,
                  size_t ncluster, size_t nunit, size_t *perm)
{
    /* LSD radix: by cluster, then stably by unit */
    size_t m = (ncluster > nunit ? ncluster : nunit) + 1;
    size_t *cnt = ov_xmalloc(m * sizeof *cnt);
    size_t *tmp = ov_xmalloc((n + 1) * sizeof *tmp);
    memset(cnt, 0, m * sizeof *cnt);
    for (size_t i = 0; i < n; i++)
        cnt[cluster[i]]++;
    for (size_t g = 0, at = 0; g < ncluster; g++) {
        size_t c = cnt[g];
        cnt[g] = at;
        at += c;
    }
    for (size_t i = 0; i < n; i++)
        tmp[cnt[cluster[i]]++] = i;
    memset(cnt, 0, m * sizeof *cnt);
    for (size_t i = 0; i < n; i++)
        cnt[unit[i]]++;
    for (size_t u = 0, at = 0; u < nunit; u++) {
        size_t c = cnt[u];
        cnt[u] = at;
        at += c;
    }
    for (size_t j = 0; j < n; j++)
        perm[cnt[unit[tmp[j]]]++] = tmp[j];
    free(tmp);
    free(cnt);
}

void ov_att_estimate(const double *y, const unsigned char *treat,
                     const double *w, const size_t *cluster,
                     const size_t *unit, size_t n, size_t ncluster,
                     ov_att *out)
{
    memset(out, 0, sizeof *out);
    double W[2] = {0, 0}, S[2] = {0, 0};
    size_t cnt[2] = {0, 0};
    double first[2] = {NAN, NAN};
    bool varies[2] = {false, false};
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            continue;
        int t = treat[i] ? 1 : 0;
        W[t] += w[i];
        S[t] += w[i] * y[i];
        if (cnt[t] == 0)
            first[t] = y[i];
        else if (y[i] != first[t])
            varies[t] = true;
        cnt[t]++;
    }
    out->n_treated = cnt[1];
    out->n_control = cnt[0];
    out->treated_mean = cnt[1] ? S[1] / W[1] : (double)NAN;
    out->control_mean = cnt[0] ? S[0] / W[0] : (double)NAN;
    out->estimate = out->treated_mean - out->control_mean;
    size_t used = cnt[0] + cnt[1];
    out->df = used >= 2 ? (double)(used - 2) : (double)NAN;
    out->se = out->t = out->p_value = out->ci_low = out->ci_high = NAN;
    if (!cnt[0] || !cnt[1]) {
        out->reason = used == 0   ? OV_ATT_NO_ROWS
                      : !cnt[1]   ? OV_ATT_NO_TREATED
                                  : OV_ATT_NO_CONTROL;
        return;
    }
    /* a_i; the cluster sums A_g of the subclasses; with units, the sums
     * over each unit and each unit-and-subclass run (rows are ordered by
     * unit, then subclass: ov_att_order) */
    double *A = ov_xcalloc(ncluster + 1, sizeof *A);
    unsigned char *hit = ov_xcalloc(ncluster + 1, 1);
    const double mean[2] = {out->control_mean, out->treated_mean};
    double su = 0, sx = 0, au = 0, ax = 0;
    size_t gu = 0, gx = 0, pu = SIZE_MAX, pc = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            continue;
        int t = treat[i] ? 1 : 0;
        double ai = w[i] * (y[i] - mean[t]) / (t ? W[1] : -W[0]);
        A[cluster[i]] += ai;
        hit[cluster[i]] = 1;
        if (!unit)
            continue;
        assert(pu == SIZE_MAX || unit[i] > pu ||
               (unit[i] == pu && cluster[i] >= pc));
        if (unit[i] != pu || cluster[i] != pc) {
            if (pu != SIZE_MAX) {
                sx += ax * ax;
                gx++;
            }
            ax = 0;
            if (unit[i] != pu && pu != SIZE_MAX) {
                su += au * au;
                gu++;
            }
            if (unit[i] != pu)
                au = 0;
            pu = unit[i];
            pc = cluster[i];
        }
        au += ai;
        ax += ai;
    }
    if (unit && pu != SIZE_MAX) {
        sx += ax * ax;
        su += au * au;
        gx++;
        gu++;
        out->units = gu;
    }
    size_t G = 0;
    double ss = 0;
    for (size_t g = 0; g < ncluster; g++) {
        if (!hit[g])
            continue;
        G++;
        ss += A[g] * A[g];
    }
    free(A);
    free(hit);
    out->clusters = G;
    if (G < 2 || used < 3 || (unit && gu < 2)) {
        out->reason = OV_ATT_FEW_CLUSTERS;
        return;
    }
    if (!varies[0] && !varies[1]) {
        /* every residual is zero; the rounding of the means would give
         * a meaningless tiny standard error */
        out->se = 0;
        out->reason = OV_ATT_NO_VARIATION;
        return;
    }
    double c = (double)(used - 1) / (double)(used - 2);
    double V = c * (double)G / (double)(G - 1) * ss;
    if (unit)
        V += c * ((double)gu / (double)(gu - 1) * su -
                  (double)gx / (double)(gx - 1) * sx);
    if (!(V > 0)) {
        out->reason = OV_ATT_VARIANCE_NOT_POSITIVE;
        return;
    }
    out->se = sqrt(V);
    out->t = out->estimate / out->se;
    out->p_value = 2.0 * ov_pt(-fabs(out->t), out->df);
    double q = ov_qt(0.975, out->df);
    out->ci_low = out->estimate - q * out->se;
    out->ci_high = out->estimate + q * out->se;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* R's quantile(type = 7) of sorted v[0..n-1]. */
static double quantile7(const double *v, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t lo = (size_t)floor(h);
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    return v[lo] + (h - (double)lo) * (v[hi] - v[lo]);
}

void ov_att_bootstrap(const double *y, const unsigned char *treat,
                      const double *w, const size_t *cluster, size_t n,
                      size_t ncluster, int reps, uint64_t seed, double *lo,
                      double *hi)
{
    *lo = *hi = NAN;
    if (reps < 1 || ncluster == 0)
        return;
    /* per cluster: weight and weighted sum, per group */
    double *c = ov_xcalloc(ncluster * 4 + 4, sizeof *c);
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            continue;
        size_t t = treat[i] ? 1 : 0;
        c[cluster[i] * 4 + t * 2] += w[i];
        c[cluster[i] * 4 + t * 2 + 1] += w[i] * y[i];
    }
    double *est = ov_xmalloc((size_t)reps * sizeof *est);
    size_t ne = 0;
    ov_rng g;
    ov_rng_seed(&g, seed);
    for (int r = 0; r < reps; r++) {
        double W0 = 0, S0 = 0, W1 = 0, S1 = 0;
        for (size_t k = 0; k < ncluster; k++) {
            size_t j = (size_t)ov_rng_below(&g, ncluster);
            W0 += c[j * 4];
            S0 += c[j * 4 + 1];
            W1 += c[j * 4 + 2];
            S1 += c[j * 4 + 3];
        }
        if (W0 > 0 && W1 > 0)
            est[ne++] = S1 / W1 - S0 / W0;
    }
    if (ne > 0) {
        qsort(est, ne, sizeof *est, cmp_double);
        *lo = quantile7(est, ne, 0.025);
        *hi = quantile7(est, ne, 0.975);
    }
    free(est);
    free(c);
}
