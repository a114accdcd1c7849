#include "stats/logit.h"
#include "stats/par.h"

#include <float.h>
#include <math.h>
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

/* R: binomial_dev_resids, y_log_y. */
static double y_log_y(double y, double mu)
{
    return y != 0.0 ? y * log(y / mu) : 0.0;
}

static double dev_resid(double y, double mu)
{
    return 2.0 * (y_log_y(y, mu) + y_log_y(1.0 - y, 1.0 - mu));
}

/* The rows are cut into SUPER fixed ranges; each range's sums (X'WX, X'Wz,
 * deviance) are made by one thread in row order and the ranges are added
 * in order, so the fit is the same whatever the number of threads. */
#define SUPER 64

typedef struct pass {
    const double *const *col; /* p columns of n */
    const unsigned char *const *col8; /* NULL, or per column NULL / 0-1 bytes */
    const double *y;
    size_t n;
    int p;
    const double *coef; /* NULL: keep eta and mu (the first pass) */
    double *eta, *mu;
    double *part;       /* SUPER * (p*p + p + 1) */
    int threads;
} pass;

typedef struct worker {
    pass *ps;
    int id;
} worker;

/* Four lanes of doubles (GCC's vector extension): the sums below keep one
 * partial sum per lane (rows i mod 4) and add the lanes at the end, a
 * fixed order whatever the thread count and instruction set. dots4 is
 * compiled twice, for AVX2 and for plain x86-64 (two SSE2 halves), and the
 * CPU picks at start; without FMA contraction (ISO C mode) both give the
 * same bits. */
typedef double v4d __attribute__((vector_size(32)));

/* an unaligned load (a macro: a function returning v4d would change the
 * ABI between the two builds of dots4) */
#define LD4(v, p) memcpy(&(v), (p), sizeof(v4d))

/* out[q] = sum over the block of wx[i] * x[q][i], q < k <= 4. */
__attribute__((target_clones("avx2", "default")))
static void dots4(const double *wx, const double *const *x, int k, size_t m,
                  double *out)
{
    v4d s0 = {0, 0, 0, 0}, s1 = s0, s2 = s0, s3 = s0;
    size_t i = 0, m4 = m & ~(size_t)3;
    const double *x0 = x[0], *x1 = k > 1 ? x[1] : x[0],
                 *x2 = k > 2 ? x[2] : x[0], *x3 = k > 3 ? x[3] : x[0];
    switch (k) {
    case 4:
        for (; i < m4; i += 4) {
            v4d w, a0, a1, a2, a3;
            LD4(w, wx + i);
            LD4(a0, x0 + i);
            LD4(a1, x1 + i);
            LD4(a2, x2 + i);
            LD4(a3, x3 + i);
            s0 += w * a0;
            s1 += w * a1;
            s2 += w * a2;
            s3 += w * a3;
        }
        break;
    case 3:
        for (; i < m4; i += 4) {
            v4d w, a0, a1, a2;
            LD4(w, wx + i);
            LD4(a0, x0 + i);
            LD4(a1, x1 + i);
            LD4(a2, x2 + i);
            s0 += w * a0;
            s1 += w * a1;
            s2 += w * a2;
        }
        break;
    case 2:
        for (; i < m4; i += 4) {
            v4d w, a0, a1;
            LD4(w, wx + i);
            LD4(a0, x0 + i);
            LD4(a1, x1 + i);
            s0 += w * a0;
            s1 += w * a1;
        }
        break;
    default:
        for (; i < m4; i += 4) {
            v4d w, a0;
            LD4(w, wx + i);
            LD4(a0, x0 + i);
            s0 += w * a0;
        }
    }
    out[0] = (s0[0] + s0[1]) + (s0[2] + s0[3]);
    out[1] = (s1[0] + s1[1]) + (s1[2] + s1[3]);
    out[2] = (s2[0] + s2[1]) + (s2[2] + s2[3]);
    out[3] = (s3[0] + s3[1]) + (s3[2] + s3[3]);
    for (; i < m; i++) {
        out[0] += wx[i] * x0[i];
        out[1] += wx[i] * x1[i];
        out[2] += wx[i] * x2[i];
        out[3] += wx[i] * x3[i];
    }
}

/* Elementwise helpers in four lanes; each element's arithmetic is the
 * same as the scalar loop's, so the bits are too. */
typedef unsigned char v4u8 __attribute__((vector_size(4)));

/* d[i] = b[i] (bytes 0/1 to doubles) */
__attribute__((target_clones("avx2", "default")))
static void widen(double *d, const unsigned char *b, size_t m)
{
    size_t i = 0;
    for (; i + 4 <= m; i += 4) {
        v4u8 v;
        memcpy(&v, b + i, sizeof v);
        v4d x = __builtin_convertvector(v, v4d);
        memcpy(d + i, &x, sizeof x);
    }
    for (; i < m; i++)
        d[i] = b[i];
}

/* y[i] += x[i] * c */
__attribute__((target_clones("avx2", "default")))
static void axpy(double *y, const double *x, double c, size_t m)
{
    size_t i = 0;
    v4d cv = {c, c, c, c};
    for (; i + 4 <= m; i += 4) {
        v4d a, b;
        LD4(a, y + i);
        LD4(b, x + i);
        a += b * cv;
        memcpy(y + i, &a, sizeof a);
    }
    for (; i < m; i++)
        y[i] += x[i] * c;
}

/* d[i] = a[i] * b[i] */
__attribute__((target_clones("avx2", "default")))
static void mul(double *d, const double *a, const double *b, size_t m)
{
    size_t i = 0;
    for (; i + 4 <= m; i += 4) {
        v4d x, y;
        LD4(x, a + i);
        LD4(y, b + i);
        x *= y;
        memcpy(d + i, &x, sizeof x);
    }
    for (; i < m; i++)
        d[i] = a[i] * b[i];
}

static void range_pass(pass *ps, int sb, double *scratch)
{
    int p = ps->p;
    size_t stride = (size_t)p * (size_t)p + (size_t)p + 1;
    double *xtwx = ps->part + (size_t)sb * stride;
    double *xtwz = xtwx + (size_t)p * (size_t)p;
    double *dev = xtwz + p;
    memset(xtwx, 0, stride * sizeof *xtwx);
    size_t per = (ps->n + SUPER - 1) / SUPER;
    size_t from = (size_t)sb * per, to = from + per;
    if (from > ps->n)
        from = ps->n;
    if (to > ps->n)
        to = ps->n;
    double w[BLOCK], wz[BLOCK], wx[BLOCK];
    const double *xc[PMAX];
    for (size_t start = from; start < to; start += BLOCK) {
        size_t m = start + BLOCK < to ? BLOCK : to - start;
        double *eta = ps->eta + start, *mu = ps->mu + start;
        const double *y = ps->y + start;
        for (int a = 0; a < p; a++) {
            const unsigned char *b8 = ps->col8 ? ps->col8[a] : NULL;
            if (!b8) {
                xc[a] = ps->col[a] + start;
                continue;
            }
            /* a 0/1 column kept as bytes: an eighth of the memory traffic */
            double *d = scratch + (size_t)a * BLOCK;
            widen(d, b8 + start, m);
            xc[a] = d;
        }
        double bdev = 0;
        if (ps->coef) {
            for (size_t i = 0; i < m; i++)
                eta[i] = 0;
            for (int a = 0; a < p; a++)
                axpy(eta, xc[a], ps->coef[a], m);
        }
        for (size_t i = 0; i < m; i++) {
            /* R's linkinv and mu.eta from one exp() */
            double e = eta[i], mui, me;
            if (e < MTHRESH || e > THRESH) {
                double t = e < MTHRESH ? DBL_EPSILON : INVEPS;
                mui = t / (1.0 + t);
                me = DBL_EPSILON;
            } else {
                double ex = exp(e), op = 1.0 + ex;
                mui = ex / op;
                me = ex / (op * op);
            }
            if (ps->coef) {
                mu[i] = mui;
                bdev += dev_resid(y[i], mui);
            } else {
                mui = mu[i];
            }
            double var = mui * (1.0 - mui);
            double z = e + (y[i] - mui) / me;
            w[i] = me * me / var;
            wz[i] = w[i] * z;
        }
        /* X'Wz and the lower triangle of X'WX: column dot products */
        for (int a = 0; a < p; a++) {
            mul(wx, w, xc[a], m);
            double sz[4];
            dots4(wz, xc + a, 1, m, sz);
            xtwz[a] += sz[0];
            double *row = xtwx + (size_t)a * (size_t)p;
            for (int c = 0; c <= a; c += 4) {
                int k = a + 1 - c < 4 ? a + 1 - c : 4;
                double s4[4];
                dots4(wx, xc + c, k, m, s4);
                for (int q = 0; q < k; q++)
                    row[c + q] += s4[q];
            }
        }
        *dev += bdev;
    }
}

static void *pass_worker(void *arg)
{
    worker *w = arg;
    double *scratch = w->ps->col8 ? ov_xmalloc((size_t)w->ps->p * BLOCK *
                                               sizeof *scratch)
                                  : NULL;
    for (int sb = w->id; sb < SUPER; sb += w->ps->threads)
        range_pass(w->ps, sb, scratch);
    free(scratch);
    return NULL;
}

/* One pass over the rows: (with coef) eta, mu and the deviance, then the
 * weighted normal equations at that mu. A and b receive the sums; the
 * deviance is returned. */
static double run_pass(pass *ps, double *A, double *b)
{
    worker ws[OV_PAR_MAX];
    for (int t = 0; t < ps->threads; t++)
        ws[t] = (worker){ps, t};
    ov_par_run(pass_worker, ws, sizeof ws[0], ps->threads);
    int p = ps->p;
    size_t stride = (size_t)p * (size_t)p + (size_t)p + 1;
    memset(A, 0, (size_t)p * (size_t)p * sizeof *A);
    memset(b, 0, (size_t)p * sizeof *b);
    double dev = 0;
    for (int sb = 0; sb < SUPER; sb++) {
        const double *base = ps->part + (size_t)sb * stride;
        for (size_t k = 0; k < (size_t)p * (size_t)p; k++)
            A[k] += base[k];
        for (int k = 0; k < p; k++)
            b[k] += base[(size_t)p * (size_t)p + (size_t)k];
        dev += base[(size_t)p * (size_t)p + (size_t)p];
    }
    return dev;
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
    const double *cols[PMAX];
    if (p < 1 || p > PMAX)
        return ov_err_set(err, OV_EINVAL, NULL,
                          "the propensity model needs 1-%d columns, got %d",
                          PMAX, p);
    for (int a = 0; a < p; a++)
        cols[a] = X + (size_t)a * n;
    return ov_logit_fit_cols(cols, NULL, y, n, p, names, threads, out,
                             mu_out, err);
}

ov_status ov_logit_fit_cols(const double *const *X,
                            const unsigned char *const *X8, const double *y,
                            size_t n, int p, const char *const *names,
                            int threads, ov_logit *out, double *mu_out,
                            ov_err *err)
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
    if (threads > OV_PAR_MAX)
        threads = OV_PAR_MAX;
    double *eta = malloc(n * sizeof *eta);
    double *mu = malloc(n * sizeof *mu);
    double *A = malloc((size_t)p * (size_t)p * sizeof *A);
    double *b = malloc((size_t)p * sizeof *b);
    double *part = calloc((size_t)SUPER * ((size_t)p * (size_t)p + (size_t)p + 1),
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
    pass ps = {X, X8, y, n, p, NULL, eta, mu, part, threads};
    run_pass(&ps, A, b); /* the normal equations at the starting mu */
    for (iter = 1; iter <= MAXIT; iter++) {
        int bad = cholesky_solve(A, b, p, out->coef);
        if (bad >= 0) {
            st = ov_err_set(err, OV_EINVAL, names ? names[bad] : NULL,
                            "covariate '%s' is a linear combination of the "
                            "others (collinear); leave it out",
                            names ? names[bad] : "?");
            break;
        }
        /* eta, mu and the deviance at the new coefficients, and the
         * normal equations for the next iteration, in one pass */
        ps.coef = out->coef;
        dev = run_pass(&ps, A, b);
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
