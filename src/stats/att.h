/*
 * att.h - the average treatment effect on the treated in a matched
 * sample, with the standard error R gives for
 *
 *     fit <- lm(y ~ treat, data = matched, weights = weights)
 *     sandwich::vcovCL(fit, cluster = ~subclass, type = "HC1")
 *
 * and the t test and interval of lmtest::coeftest / coefci with that
 * covariance (t distribution with the residual degrees of freedom n - 2).
 *
 * With one binary regressor the fit has a closed form: the intercept is
 * the controls' weighted mean and the slope is the difference of the
 * weighted means. The sandwich reduces to
 *
 *     V = G/(G-1) * (n-1)/(n-2) * sum_g (B_g / W1 - C_g / W0)^2
 *
 * where W1, W0 are the treated and control weight totals and B_g, C_g the
 * sums of w * residual over cluster g's treated and control rows. Rows
 * with y = NaN are left out first (R's na.omit); n and G count what is
 * left.
 */
#ifndef OV_STATS_ATT_H
#define OV_STATS_ATT_H

#include <stddef.h>
#include <stdint.h>

typedef struct ov_att {
    double estimate, se, t, df, p_value, ci_low, ci_high;
    double treated_mean, control_mean;
    size_t n_treated, n_control;    /* rows used */
    size_t clusters;
} ov_att;

/* Rows i < n: outcome y[i] (NaN = left out), treat[i] 0/1, weight w[i] > 0
 * and cluster[i] in 0..ncluster-1. Values that cannot be estimated
 * (no treated or no control row, fewer than two clusters) are NaN. */
void ov_att_estimate(const double *y, const unsigned char *treat,
                     const double *w, const size_t *cluster, size_t n,
                     size_t ncluster, ov_att *out);

/* Pair bootstrap: resample the clusters with replacement `reps` times
 * (xoshiro256** from `seed`), recompute the difference in weighted means,
 * and give the 2.5% and 97.5% quantiles (R's quantile type 7). Replicates
 * without a treated or control row are skipped. */
void ov_att_bootstrap(const double *y, const unsigned char *treat,
                      const double *w, const size_t *cluster, size_t n,
                      size_t ncluster, int reps, uint64_t seed, double *lo,
                      double *hi);

#endif
