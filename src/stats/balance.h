/*
 * balance.h - covariate balance as MatchIt's summary() reports it (its
 * internal qoi(), wm(), wvar() and qqsum() with standardize = TRUE):
 *
 *   means        weighted means per group
 *   SMD          (mean_t - mean_c) / s, where s is the treated group's
 *                standard deviation in the full sample (ATT): for a binary
 *                variable sqrt(p (1 - p)), otherwise the sample SD; when
 *                |mean_t - mean_c| <= sqrt(DBL_EPSILON) the unstandardised
 *                difference is shown
 *   var ratio    weighted variance treated / control (reliability-weight
 *                variance as cov.wt); not reported (NaN) for binary
 *   eCDF         with weights normalised to 1 per group, the absolute
 *                difference of the two empirical CDFs at each distinct
 *                value among ALL units (zero weights included; the last
 *                of a run of ties): its mean and maximum; for a binary
 *                variable both are the absolute difference in means
 *
 * A variable is binary when every value is 0 or 1.
 */
#ifndef OV_STATS_BALANCE_H
#define OV_STATS_BALANCE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ov_bal {
    double mean_t, mean_c, smd, var_ratio, ecdf_mean, ecdf_max;
} ov_bal;

/* Every value 0 or 1. */
bool ov_balance_is_binary(const double *x, size_t n);

/* The SMD denominator for ATT: the treated group's SD over all n units
 * (unweighted); when that is not finite or below sqrt(eps), the pooled SD
 * sqrt((var_t + var_c) / 2), as MatchIt. */
double ov_balance_sd(const double *x, const unsigned char *treat, size_t n,
                     bool binary);

/* Balance of x before matching (every unit weight 1) and after (weights w,
 * 0 for unmatched units; all n units are given: they still mark the
 * values at which the eCDFs are compared). One sort serves both. */
void ov_balance(const double *x, const unsigned char *treat, const double *w,
                size_t n, bool binary, ov_bal *before, ov_bal *after);

#endif
