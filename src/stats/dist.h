/*
 * dist.h - the normal and Student t distributions as R computes them
 * (to about 1e-14 relative): pt and qt for p-values and confidence
 * intervals of regression coefficients.
 */
#ifndef OV_STATS_DIST_H
#define OV_STATS_DIST_H

/* P(Z <= x), Z standard normal. */
double ov_pnorm(double x);
/* The p-quantile of the standard normal (Wichura's AS 241, as R's qnorm). */
double ov_qnorm(double p);
/* P(T <= t), T Student t with df > 0 degrees of freedom (df may be
 * fractional; +Inf is the normal). */
double ov_pt(double t, double df);
/* The p-quantile of Student t with df degrees of freedom, 0 < p < 1. */
double ov_qt(double p, double df);

#endif
