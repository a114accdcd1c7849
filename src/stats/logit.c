#include "stats/logit.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define THRESH 30.0
#define MTHRESH (-30.0)
#define INVEPS (1.0 / DBL_EPSILON)
#define MAXIT 25
#define EPSILON 1e-8
#define PMAX 256
#define BLOCK 1024

/* R: src/library/stats/src/family.c, logit_linkinv. */
double ov_logit_linkinv(double eta)
{
    double tmp = eta < MTHRESH ? DBL_EPSILON
                 : eta > THRESH ? INVEPS
                                : exp(eta);
    return tmp / (1.0 + tmp);
}

/* R: logit_mu_eta. */
static double mu_eta(double eta)
{
    double opexp = 1.0 + exp(eta);
    return (eta > THRESH || eta < MTHRESH) ? DBL_EPSILON
                                           : exp(eta) / (opexp * opexp);
}

/* R: binomial_dev_resids, y_log_y. */
static double y_log_y(double y, double mu)
{
    return y != 0.0 ? y * log(y / mu) : 0.0;
}

static double dev_resid(double y, double mu)
{
    return 2.0 * (y_log_y(y, mu) + y_log_y(1.0 - y, 1.0 - mu));
}

typedef struct job {
    const double *X, *y;
    size_t n, from, to;
    int p;
    const double *eta, *mu;
    double *xtwx; /* p*p, lower triangle used */
    double *xtwz; /* p */
} job;

/* Accumulate X'WX and X'Wz over rows [from, to) in blocks, so that long
 * sums add numbers of similar size. */
static void *accumulate(void *arg)
{
    job *j = arg;
    int p = j->p;
    double *bx = calloc((size_t)p * (size_t)p, sizeof *bx);
    double *bz = calloc((size_t)p, sizeof *bz);
    double xr[PMAX];
    for (size_t start = j->from; start < j->to; start += BLOCK) {
        size_t end = start + BLOCK < j->to ? start + BLOCK : j->to;
        memset(bx, 0, (size_t)p * (size_t)p * sizeof *bx);
        memset(bz, 0, (size_t)p * sizeof *bz);
        for (size_t i = start; i < end; i++) {
            double me = mu_eta(j->eta[i]);
            double mu = j->mu[i];
            double var = mu * (1.0 - mu);
            double z = j->eta[i] + (j->y[i] - mu) / me;
            double w = me * me / var;
            for (int a = 0; a < p; a++)
                xr[a] = j->X[(size_t)a * j->n + i];
            for (int a = 0; a < p; a++) {
                double wa = w * xr[a];
                bz[a] += wa * z;
                double *row = bx + (size_t)a * (size_t)p;
                for (int b = 0; b <= a; b++)
                    row[b] += wa * xr[b];
            }
        }
        for (int a = 0; a < p; a++) {
            j->xtwz[a] += bz[a];
            for (int b = 0; b <= a; b++)
                j->xtwx[(size_t)a * (size_t)p + b] +=
                    bx[(size_t)a * (size_t)p + b];
        }
    }
    free(bx);
    free(bz);
    return NULL;
}

/* Solve A beta = b for symmetric positive definite A (lower triangle) by
 * Cholesky; returns the first column found dependent, or -1. */
static int cholesky_solve(double *A, double *b, int p, double *beta)
{
    for (int j = 0; j < p; j++) {
        double d = A[(size_t)j * (size_t)p + j];
        for (int k = 0; k < j; k++)
            d -= A[(size_t)j * (size_t)p + k] * A[(size_t)j * (size_t)p + k];
        /* relative to the column's own scale: R's QR uses tol 1e-11 */
        double scale = fabs(A[(size_t)j * (size_t)p + j]);
        if (!(d > 1e-11 * (scale > 0 ? scale : 1.0)))
            return j;
        double l = sqrt(d);
        A[(size_t)j * (size_t)p + j] = l;
        for (int i = j + 1; i < p; i++) {
            double s = A[(size_t)i * (size_t)p + j];
            for (int k = 0; k < j; k++)
                s -= A[(size_t)i * (size_t)p + k] *
                     A[(size_t)j * (size_t)p + k];
            A[(size_t)i * (size_t)p + j] = s / l;
        }
    }
    for (int i = 0; i < p; i++) {
        double s = b[i];
        for (int k = 0; k < i; k++)
            s -= A[(size_t)i * (size_t)p + k] * beta[k];
        beta[i] = s / A[(size_t)i * (size_t)p + i];
    }
    for (int i = p - 1; i >= 0; i--) {
        double s = beta[i];
        for (int k = i + 1; k < p; k++)
            s -= A[(size_t)k * (size_t)p + i] * beta[k];
        beta[i] = s / A[(size_t)i * (size_t)p + i];
    }
    return -1;
}

ov_status ov_logit_fit(const double *X, const double *y, size_t n, int p,
                       const char *const *names, int threads, ov_logit *out,
                       double *mu_out, ov_err *err)
{
    if (p < 1 || p > PMAX)
        return ov_err_set(err, OV_EINVAL, NULL,
                          "the propensity model needs 1-%d columns, got %d",
                          PMAX, p);
    if (n <= (size_t)p)
        return ov_err_set(err, OV_EINVAL, NULL,
                          "the propensity model has %zu persons for %d "
                          "coefficients; it needs more persons",
                          n, p);
    for (size_t i = 0; i < n; i++)
        if (y[i] != 0.0 && y[i] != 1.0)
            return ov_err_set(err, OV_EINVAL, "treated",
                              "treated must be 0 or 1 (row %zu)", i + 1);
    if (threads < 1)
        threads = 1;
    if (threads > 16)
        threads = 16;
    double *eta = malloc(n * sizeof *eta);
    double *mu = malloc(n * sizeof *mu);
    double *A = malloc((size_t)p * (size_t)p * sizeof *A);
    double *b = malloc((size_t)p * sizeof *b);
    double *part = calloc((size_t)threads * ((size_t)p * (size_t)p + (size_t)p),
                          sizeof *part);
    if (!eta || !mu || !A || !b || !part) {
        free(eta), free(mu), free(A), free(b), free(part);
        return ov_err_set(err, OV_ENOMEM, NULL, "out of memory");
    }
    /* binomial initialize: mustart = (weights * y + 0.5) / (weights + 1) */
    double ybar = 0, devold = 0;
    for (size_t i = 0; i < n; i++) {
        mu[i] = (y[i] + 0.5) / 2.0;
        eta[i] = log(mu[i] / (1.0 - mu[i]));
        devold += dev_resid(y[i], mu[i]);
        ybar += y[i];
    }
    ybar /= (double)n;
    double nulldev = 0;
    for (size_t i = 0; i < n; i++)
        nulldev += dev_resid(y[i], ybar);
    ov_status st = OV_OK;
    int iter = 0;
    bool conv = false;
    double dev = devold;
    for (iter = 1; iter <= MAXIT; iter++) {
        memset(part, 0,
               (size_t)threads * ((size_t)p * (size_t)p + (size_t)p) *
                   sizeof *part);
        job jobs[16];
        pthread_t th[16];
        size_t chunk = (n + (size_t)threads - 1) / (size_t)threads;
        for (int t = 0; t < threads; t++) {
            double *base = part + (size_t)t * ((size_t)p * (size_t)p + (size_t)p);
            size_t from = (size_t)t * chunk;
            size_t to = from + chunk < n ? from + chunk : n;
            jobs[t] = (job){X, y, n, from < n ? from : n, to, p, eta, mu,
                            base, base + (size_t)p * (size_t)p};
            if (t > 0)
                pthread_create(&th[t], NULL, accumulate, &jobs[t]);
        }
        accumulate(&jobs[0]);
        for (int t = 1; t < threads; t++)
            pthread_join(th[t], NULL);
        memset(A, 0, (size_t)p * (size_t)p * sizeof *A);
        memset(b, 0, (size_t)p * sizeof *b);
        for (int t = 0; t < threads; t++) {
            const double *base =
                part + (size_t)t * ((size_t)p * (size_t)p + (size_t)p);
            for (size_t k = 0; k < (size_t)p * (size_t)p; k++)
                A[k] += base[k];
            for (int k = 0; k < p; k++)
                b[k] += base[(size_t)p * (size_t)p + (size_t)k];
        }
        int bad = cholesky_solve(A, b, p, out->coef);
        if (bad >= 0) {
            st = ov_err_set(err, OV_EINVAL, names ? names[bad] : NULL,
                            "covariate '%s' is a linear combination of the "
                            "others (collinear); leave it out",
                            names ? names[bad] : "?");
            break;
        }
        dev = 0;
        for (size_t i = 0; i < n; i++) {
            double e = 0;
            for (int a = 0; a < p; a++)
                e += X[(size_t)a * n + i] * out->coef[a];
            eta[i] = e;
            mu[i] = ov_logit_linkinv(e);
            dev += dev_resid(y[i], mu[i]);
        }
        if (!isfinite(dev)) {
            st = ov_err_set(err, OV_EINVAL, NULL,
                            "the propensity model diverged (infinite "
                            "deviance); check the covariates for extreme "
                            "values");
            break;
        }
        if (fabs(dev - devold) / (fabs(dev) + 0.1) < EPSILON) {
            conv = true;
            break;
        }
        devold = dev;
    }
    if (st == OV_OK && !conv)
        st = ov_err_set(err, OV_EINVAL, NULL,
                        "the propensity model did not converge in %d "
                        "iterations (deviance %.6g); often a sign of "
                        "separation: drop or coarsen covariates that "
                        "predict participation almost exactly",
                        MAXIT, dev);
    if (st == OV_OK) {
        /* R warns "fitted probabilities numerically 0 or 1 occurred" */
        double eps = 10 * DBL_EPSILON;
        size_t at = n;
        for (size_t i = 0; i < n && at == n; i++)
            if (mu[i] > 1 - eps || mu[i] < eps)
                at = i;
        if (at < n)
            st = ov_err_set(err, OV_EINVAL, NULL,
                            "perfect separation: the fitted probability of "
                            "person %zu is numerically %d; a covariate (or "
                            "a combination) predicts participation exactly; "
                            "drop it, coarsen it or match exactly on it "
                            "(--exact)",
                            at + 1, mu[at] > 0.5 ? 1 : 0);
    }
    if (st == OV_OK) {
        out->p = p;
        out->iterations = iter;
        out->deviance = dev;
        out->null_deviance = nulldev;
        out->converged = 1;
        if (mu_out)
            memcpy(mu_out, mu, n * sizeof *mu);
    }
    free(eta);
    free(mu);
    free(A);
    free(b);
    free(part);
    return st;
}
