/*
 * att.h - the average treatment effect on the treated in a matched
 * sample, with the standard error R gives for
 *
 *     fit <- lm(y ~ treat, data = matched, weights = weights)
 *     sandwich::vcovCL(fit, cluster = ~subclass, type = "HC1")
 *
 * without replacement, and with replacement (get_matches() layout: a
 * control reused by several treated units has one row per use, in each
 * treated unit's subclass) the two-way clustering MatchIt's vignette
 * "estimating-effects" prescribes:
 *
 *     sandwich::vcovCL(fit, cluster = ~subclass + id, type = "HC1")
 *
 * and the t test and interval of lmtest::coeftest / coefci with that
 * covariance (t distribution with the residual degrees of freedom n - 2,
 * for both: coeftest uses the lm's df.residual whatever the vcov).
 *
 * With one binary regressor the fit has a closed form: the intercept is
 * the controls' weighted mean and the slope is the difference of the
 * weighted means. Row i's contribution to the slope's estimating
 * function (bread times estfun) is
 *
 *     a_i = w_i e_i (t_i / W1 - (1 - t_i) / W0)
 *
 * (e_i = y_i - its group's weighted mean, W1, W0 the treated and control
 * weight totals), and the sandwich reduces to
 *
 *     one-way:  V = c * G/(G-1) * sum_g A_g^2
 *     two-way:  V = c * [ Gs/(Gs-1) sum_s A_s^2 + Gu/(Gu-1) sum_u A_u^2
 *                         - Gx/(Gx-1) sum_x A_x^2 ]
 *
 * with c = (n-1)/(n-2) (HC1), A_g the sum of a_i over cluster g, s the
 * subclasses, u the units (ids), x the subclass-and-unit intersections
 * (each with its own G/(G-1), as sandwich's meatCL applies cadjust per
 * dimension with multi0 = FALSE). Rows with y = NaN are left out first
 * (R's na.omit); n and every G count what is left (the fixtures use
 * integer cluster variables, for which R counts the same). The two-way V
 * can come out zero or negative in small samples; then there is no
 * standard error (OV_ATT_VARIANCE_NOT_POSITIVE), as sandwich without
 * fix = TRUE would give a NaN.
 */
#ifndef OV_STATS_ATT_H
#define OV_STATS_ATT_H

#include <stddef.h>
#include <stdint.h>

/* Why values are NaN, the first that applies (OV_ATT_COMPLETE: none). */
typedef enum ov_att_reason {
    OV_ATT_COMPLETE = 0,
    OV_ATT_NO_ROWS,        /* no row has the outcome: everything NaN */
    OV_ATT_NO_TREATED,     /* no treated row: no estimate */
    OV_ATT_NO_CONTROL,     /* no control row: no estimate */
    OV_ATT_FEW_CLUSTERS,   /* < 2 clusters (either dimension) or < 3
                              rows: estimate, no standard error */
    OV_ATT_NO_VARIATION,   /* y constant within each group: estimate,
                              se 0, no t, p or interval */
    OV_ATT_VARIANCE_NOT_POSITIVE /* two-way V <= 0: estimate, no se */
} ov_att_reason;

typedef struct ov_att {
    double estimate, se, t, df, p_value, ci_low, ci_high;
    double treated_mean, control_mean;
    size_t n_treated, n_control;    /* rows used */
    size_t clusters;                /* subclasses used */
    size_t units;                   /* two-way: units (ids) used, else 0 */
    ov_att_reason reason;
} ov_att;

/* Rows i < n: outcome y[i] (NaN = left out), treat[i] 0/1, weight w[i] > 0
 * and cluster[i] in 0..ncluster-1. unit == NULL: cluster by subclass
 * only; else unit[i] is the row's person (the `id` of
 * get_matches()), the rows are ordered by unit and within a unit by
 * cluster (ov_att_order; asserted), and the SE is clustered two-way by
 * subclass and unit in one pass without allocation per unit.
 * Values that cannot be estimated are NaN and `reason` says why. */
void ov_att_estimate(const double *y, const unsigned char *treat,
                     const double *w, const size_t *cluster,
                     const size_t *unit, size_t n, size_t ncluster,
                     ov_att *out);

/* perm[0..n) = the rows ordered by unit, then cluster (stable; two
 * counting sorts, O(n + ncluster + nunit)). Sort once per evaluation: the
 * order does not depend on the outcome. */
void ov_att_order(const size_t *cluster, const size_t *unit, size_t n,
                  size_t ncluster, size_t nunit, size_t *perm);

/* Pair bootstrap: resample the clusters with replacement `reps` times
 * (xoshiro256** from `seed`), recompute the difference in weighted means,
 * and give the 2.5% and 97.5% quantiles (R's quantile type 7). Replicates
 * without a treated or control row are skipped. */
void ov_att_bootstrap(const double *y, const unsigned char *treat,
                      const double *w, const size_t *cluster, size_t n,
                      size_t ncluster, int reps, uint64_t seed, double *lo,
                      double *hi);

#endif
