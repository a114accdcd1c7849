#include "stats/balance.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "stats/sort.h"

bool ov_balance_is_binary(const double *x, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (x[i] != 0.0 && x[i] != 1.0)
            return false;
    return true;
}

/* wvar(): weights normalised to sum 1; binary p(1-p), else
 * sum w (x - m)^2 / (1 - sum w^2). */
static double wvar(const double *x, const unsigned char *treat, int group,
                   const double *w, size_t n, bool binary)
{
    double sw = 0, swx = 0;
    for (size_t i = 0; i < n; i++) {
        if ((treat[i] != 0) != (group != 0))
            continue;
        double wi = w ? w[i] : 1.0;
        if (wi <= 0)
            continue;
        sw += wi;
        swx += wi * x[i];
    }
    if (sw <= 0)
        return NAN;
    double m = swx / sw;
    if (binary)
        return m * (1 - m);
    double ss = 0, sw2 = 0;
    for (size_t i = 0; i < n; i++) {
        if ((treat[i] != 0) != (group != 0))
            continue;
        double wi = w ? w[i] : 1.0;
        if (wi <= 0)
            continue;
        double v = wi / sw;
        ss += v * (x[i] - m) * (x[i] - m);
        sw2 += v * v;
    }
    return ss / (1 - sw2);
}

/* eCDF mean and max over all n units in `ord` (sorted by x): weights
 * normalised per group (w NULL = 1), zero weights included as value
 * boundaries, as MatchIt's qqsum(). */
static void ecdf_sorted(const double *x, const unsigned char *treat,
                        const double *w, size_t n, const size_t *ord,
                        double *mean_out, double *max_out)
{
    double W[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
        W[treat[i] ? 1 : 0] += w ? w[i] : 1.0;
    if (n == 0 || W[0] <= 0 || W[1] <= 0) {
        *mean_out = *max_out = NAN;
        return;
    }
    double cum = 0, sum = 0, mx = 0;
    size_t pts = 0;
    for (size_t r = 0; r < n; r++) {
        size_t i = ord[r];
        double wi = w ? w[i] : 1.0;
        cum += treat[i] ? wi / W[1] : -wi / W[0];
        if (r + 1 == n || x[ord[r + 1]] != x[i]) {
            double d = fabs(cum);
            sum += d;
            if (d > mx)
                mx = d;
            pts++;
        }
    }
    *mean_out = sum / (double)pts;
    *max_out = mx;
}

static void means(const double *x, const unsigned char *treat,
                  const double *w, size_t n, ov_bal *out)
{
    double sw[2] = {0, 0}, swx[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        double wi = w ? w[i] : 1.0;
        if (wi <= 0)
            continue;
        int t = treat[i] ? 1 : 0;
        sw[t] += wi;
        swx[t] += wi * x[i];
    }
    out->mean_t = sw[1] > 0 ? swx[1] / sw[1] : (double)NAN;
    out->mean_c = sw[0] > 0 ? swx[0] / sw[0] : (double)NAN;
}

static void one(const double *x, const unsigned char *treat, const double *w,
                size_t n, bool binary, double sd, const size_t *ord,
                ov_bal *out)
{
    means(x, treat, w, n, out);
    double diff = out->mean_t - out->mean_c;
    /* MatchIt: below sqrt(eps) the unstandardised difference is shown */
    out->smd = fabs(diff) <= sqrt(DBL_EPSILON) ? diff : diff / sd;
    if (binary) {
        out->var_ratio = NAN;
        out->ecdf_mean = out->ecdf_max = fabs(diff);
    } else {
        out->var_ratio = wvar(x, treat, 1, w, n, false) /
                         wvar(x, treat, 0, w, n, false);
        ecdf_sorted(x, treat, w, n, ord, &out->ecdf_mean, &out->ecdf_max);
    }
}

double ov_balance_sd(const double *x, const unsigned char *treat, size_t n,
                     bool binary)
{
    double sd = sqrt(wvar(x, treat, 1, NULL, n, binary));
    if (!isfinite(sd) || sd < sqrt(DBL_EPSILON)) {
        /* MatchIt falls back to the pooled SD */
        double v1 = wvar(x, treat, 1, NULL, n, binary);
        double v0 = wvar(x, treat, 0, NULL, n, binary);
        sd = sqrt((v1 + v0) / 2);
    }
    return sd;
}

void ov_balance(const double *x, const unsigned char *treat, const double *w,
                size_t n, bool binary, ov_bal *before, ov_bal *after)
{
    double sd = ov_balance_sd(x, treat, n, binary);
    size_t *ord = NULL;
    if (!binary) {
        ord = ov_xmalloc((n ? n : 1) * sizeof *ord);
        ov_sort_index_by_double(x, n, ord);
    }
    one(x, treat, NULL, n, binary, sd, ord, before);
    one(x, treat, w, n, binary, sd, ord, after);
    free(ord);
}
