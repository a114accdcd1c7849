#include "stats/att.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "model/draw.h"
#include "stats/dist.h"

/* Sum over the units of A_u^2 and over the unit-and-subclass
 * intersections of A_x^2, for the used rows (y not NaN) with
 * contributions a[i]; the counts go to *gu and *gx. Rows are bucketed by
 * unit (counting sort, O(n)); within a unit, typically a handful of rows,
 * by subclass (insertion sort). */
static void unit_sums(const double *y, const double *a, const size_t *cluster,
                      const size_t *unit, size_t n, size_t nunit,
                      double *su, size_t *gu, double *sx, size_t *gx)
{
    size_t *start = ov_xcalloc(nunit + 2, sizeof *start);
    for (size_t i = 0; i < n; i++)
        if (!isnan(y[i]))
            start[unit[i] + 1]++;
    for (size_t u = 0; u < nunit; u++)
        start[u + 1] += start[u];
    size_t used = start[nunit];
    size_t *order = ov_xmalloc((used + 1) * sizeof *order);
    size_t *pos = ov_xmalloc((nunit + 1) * sizeof *pos);
    memcpy(pos, start, (nunit + 1) * sizeof *pos);
    for (size_t i = 0; i < n; i++)
        if (!isnan(y[i]))
            order[pos[unit[i]]++] = i;
    *su = *sx = 0;
    *gu = *gx = 0;
    for (size_t u = 0; u < nunit; u++) {
        size_t lo = start[u], hi = start[u + 1];
        if (lo == hi)
            continue;
        for (size_t j = lo + 1; j < hi; j++) {
            size_t r = order[j], k = j;
            for (; k > lo && cluster[order[k - 1]] > cluster[r]; k--)
                order[k] = order[k - 1];
            order[k] = r;
        }
        double au = 0, ax = 0;
        for (size_t j = lo; j < hi; j++) {
            au += a[order[j]];
            ax += a[order[j]];
            if (j + 1 == hi || cluster[order[j + 1]] != cluster[order[j]]) {
                *sx += ax * ax;
                (*gx)++;
                ax = 0;
            }
        }
        *su += au * au;
        (*gu)++;
    }
    free(order);
    free(pos);
    free(start);
}

void ov_att_estimate(const double *y, const unsigned char *treat,
                     const double *w, const size_t *cluster,
                     const size_t *unit, size_t n, size_t ncluster,
                     size_t nunit, ov_att *out)
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
    /* a_i, and the cluster sums A_g of the subclasses */
    double *a = ov_xmalloc((n + 1) * sizeof *a);
    double *A = ov_xcalloc(ncluster + 1, sizeof *A);
    unsigned char *hit = ov_xcalloc(ncluster + 1, 1);
    const double mean[2] = {out->control_mean, out->treated_mean};
    for (size_t i = 0; i < n; i++) {
        if (isnan(y[i]))
            continue;
        int t = treat[i] ? 1 : 0;
        a[i] = w[i] * (y[i] - mean[t]) / (t ? W[1] : -W[0]);
        A[cluster[i]] += a[i];
        hit[cluster[i]] = 1;
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
    double su = 0, sx = 0;
    size_t gu = 0, gx = 0;
    if (unit) {
        unit_sums(y, a, cluster, unit, n, nunit, &su, &gu, &sx, &gx);
        out->units = gu;
    }
    free(a);
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
