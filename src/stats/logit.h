/*
 * logit.h - logistic regression by iteratively reweighted least squares,
 * converging as R's glm.fit does for binomial(link = "logit"):
 *
 *   start    mu = (y + 0.5) / 2, eta = log(mu / (1 - mu))
 *   iterate  z = eta + (y - mu) / mu.eta(eta), w = mu.eta(eta)^2 / (mu (1-mu))
 *            beta = weighted least squares of z on X with weights w
 *            eta = X beta, mu = linkinv(eta), dev = binomial deviance
 *   stop     |dev - dev_old| / (|dev| + 0.1) < 1e-8, at most 25 iterations
 *
 * with R's C implementations of linkinv and mu.eta (thresholds at |eta| =
 * 30 and DBL_EPSILON). The weighted least squares use the normal equations
 * accumulated in blocks (X is tall and thin: millions of rows, tens of
 * columns) and a Cholesky factorisation; collinear columns are an error
 * naming the column, like R's aliased (NA) coefficients would be.
 *
 * Errors (OV_EINVAL, with the message saying what to do): no
 * convergence in 25 iterations, perfect or quasi-complete separation
 * (fitted probabilities numerically 0 or 1, R's warning), collinear
 * columns, an outcome that is not 0/1, fewer rows than columns.
 */
#ifndef OV_STATS_LOGIT_H
#define OV_STATS_LOGIT_H

#include <stddef.h>

#include "core/err.h"

typedef struct ov_logit {
    int p;              /* columns (coefficients) */
    double *coef;       /* p, caller's storage */
    int iterations;
    double deviance;
    double null_deviance;
    int converged;
} ov_logit;

/* X is column-major: column j is X[j * n .. j * n + n - 1]; the first
 * column is normally all ones (the intercept). names[j] names column j in
 * errors. mu (n, may be NULL) receives the fitted probabilities. `threads`
 * (1 or more) splits the accumulation. */
ov_status ov_logit_fit(const double *X, const double *y, size_t n, int p,
                       const char *const *names, int threads, ov_logit *out,
                       double *mu, ov_err *err);

/* The same with the columns given one by one: column j is X8[j] (n bytes
 * 0 or 1) when X8 and X8[j] are not NULL, else X[j] (n doubles). Keeping
 * 0/1 columns as bytes cuts the memory read per iteration; the fit is the
 * same bit for bit. */
ov_status ov_logit_fit_cols(const double *const *X,
                            const unsigned char *const *X8, const double *y,
                            size_t n, int p, const char *const *names,
                            int threads, ov_logit *out, double *mu,
                            ov_err *err);

/* R's binomial()$linkinv as its C code computes it. */
double ov_logit_linkinv(double eta);

#endif
