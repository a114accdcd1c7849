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

/* eCDF mean and max over all n units in `ord` (sorted by x), before
 * (every weight 1) and after (weights w), in one pass: weights normalised
 * per group, zero weights included as value boundaries, as MatchIt's
 * qqsum(). */
static void ecdf_sorted(const double *x, const unsigned char *treat,
                        const double *w, size_t n, const size_t *ord,
                        ov_bal *before, ov_bal *after)
{
    double N[2] = {0, 0}, W[2] = {0, 0};
    for (size_t i = 0; i < n; i++) {
        N[treat[i] ? 1 : 0] += 1.0;
        W[treat[i] ? 1 : 0] += w[i];
    }
    double cb = 0, sb = 0, mb = 0, ca = 0, sa = 0, ma = 0;
    size_t pts = 0;
    for (size_t r = 0; r < n; r++) {
        size_t i = ord[r];
        if (treat[i]) {
            cb += 1.0 / N[1];
            ca += w[i] / W[1];
        } else {
            cb -= 1.0 / N[0];
            ca -= w[i] / W[0];
        }
        if (r + 1 == n || x[ord[r + 1]] != x[i]) {
            double db = fabs(cb), da = fabs(ca);
            sb += db;
            sa += da;
            if (db > mb)
                mb = db;
            if (da > ma)
                ma = da;
            pts++;
        }
    }
    bool okb = n > 0 && N[0] > 0 && N[1] > 0;
    bool oka = n > 0 && W[0] > 0 && W[1] > 0;
    before->ecdf_mean = okb ? sb / (double)pts : (double)NAN;
    before->ecdf_max = okb ? mb : (double)NAN;
    after->ecdf_mean = oka ? sa / (double)pts : (double)NAN;
    after->ecdf_max = oka ? ma : (double)NAN;
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
                size_t n, bool binary, double sd, ov_bal *out)
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
    one(x, treat, NULL, n, binary, sd, before);
    one(x, treat, w, n, binary, sd, after);
    if (!binary) {
        size_t *ord = ov_xmalloc((n ? n : 1) * sizeof *ord);
        ov_sort_index_by_double(x, n, ord);
        ecdf_sorted(x, treat, w, n, ord, before, after);
        free(ord);
    }
}
