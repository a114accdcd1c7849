#include "stats/att.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/draw.h"
#include "stats/dist.h"

void ov_att_estimate(const double *y, const unsigned char *treat,
                     const double *w, const size_t *cluster, size_t n,
                     size_t ncluster, ov_att *out)
{
    memset(out, 0, sizeof *out);
    double W[2] = {0, 0}, S[2] = {0, 0};
    size_t cnt[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            continue;
        int t = treat[i] ? 1 : 0;
        W[t] += w[i];
        S[t] += w[i] * y[i];
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
    if (!cnt[0] || !cnt[1])
        return;
    /* cluster sums of w * residual, per group */
    double *B = ov_xcalloc(ncluster * 2 + 2, sizeof *B);
    unsigned char *hit = ov_xcalloc(ncluster + 1, 1);
    const double mean[2] = {out->control_mean, out->treated_mean};
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            continue;
        int t = treat[i] ? 1 : 0;
        B[cluster[i] * 2 + (size_t)t] += w[i] * (y[i] - mean[t]);
        hit[cluster[i]] = 1;
    }
    size_t G = 0;
    double sum = 0;
    for (size_t g = 0; g < ncluster; g++) {
        if (!hit[g])
            continue;
        G++;
        double u = B[g * 2 + 1] / W[1] - B[g * 2] / W[0];
        sum += u * u;
    }
    free(B);
    free(hit);
    out->clusters = G;
    if (G < 2 || used < 3)
        return;
    double adj = (double)G / (double)(G - 1) * (double)(used - 1) /
                 (double)(used - 2);
    out->se = sqrt(adj * sum);
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
