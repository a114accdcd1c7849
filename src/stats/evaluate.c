#include "stats/evaluate.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/arena.h"
#include "stats/att.h"
#include "stats/balance.h"
#include "stats/logit.h"
#include "stats/nnmatch.h"
#include "stats/par.h"

_Static_assert(sizeof(int) == sizeof(int32_t), "exact groups are int32");

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void timing(ov_eval_result *res, const char *stage, double t0)
{
    struct rusage ru;
    long rss = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
    if (res->ntimings < (int)(sizeof res->timings / sizeof res->timings[0]))
        res->timings[res->ntimings++] =
            (ov_eval_timing){stage, now() - t0, rss};
}

static void progress(const ov_eval_options *o, const char *stage)
{
    if (o->progress)
        o->progress(o->progress_ctx, stage, 1, 1);
}

/* "name=level" */
static char *dupf(ov_arena *a, const char *x, const char *y)
{
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s=%s", x, y);
    return ov_str_dup0(a, ov_str_c(tmp));
}

/* ---- the design matrix --------------------------------------------------- */

/* Columns: intercept, then per covariate its value (numeric) or the
 * indicators of levels 2..L (categorical). The intercept, the indicators
 * and numeric 0/1 covariates are kept as bytes (`bytes`, made here); other
 * numeric columns are used in place. */
static ov_status design(const ov_register *r, ov_arena *a,
                        const double ***cols_out,
                        const unsigned char ***cols8_out,
                        unsigned char **bytes_out, int *pout,
                        char ***names_out, ov_err *err)
{
    int p = 1, made = 1;
    bool *bin = ov_xcalloc((size_t)r->ncov + 1, sizeof *bin);
    for (int k = 0; k < r->ncov; k++) {
        const ov_reg_covariate *cv = &r->cov[k];
        int d = cv->categorical ? cv->nlevels - 1 : 1;
        p += d;
        if (!cv->categorical)
            bin[k] = ov_balance_is_binary(cv->num, r->n);
        if (cv->categorical || bin[k])
            made += d;
    }
    if (p > 256) {
        free(bin);
        return ov_err_set(err, OV_EINVAL, "--covariates",
                          "the propensity model would have %d columns "
                          "(categorical covariates count one per level); "
                          "choose fewer with --covariates",
                          p);
    }
    size_t n = r->n;
    unsigned char *store = ov_xmalloc(n * (size_t)made);
    const double **cols = ov_arena_zalloc(a, (size_t)p * sizeof *cols);
    const unsigned char **cols8 =
        ov_arena_zalloc(a, (size_t)p * sizeof *cols8);
    char **names = ov_arena_alloc(a, (size_t)p * sizeof *names);
    names[0] = ov_str_dup0(a, OV_STR_LIT("(Intercept)"));
    memset(store, 1, n);
    cols8[0] = store;
    int c = 1, s = 1;
    for (int k = 0; k < r->ncov; k++) {
        const ov_reg_covariate *cv = &r->cov[k];
        if (!cv->categorical) {
            if (bin[k]) {
                unsigned char *col = store + (size_t)s++ * n;
                for (size_t i = 0; i < n; i++)
                    col[i] = cv->num[i] != 0.0;
                cols8[c] = col;
            } else {
                cols[c] = cv->num;
            }
            names[c++] = cv->name;
            continue;
        }
        for (int l = 1; l < cv->nlevels; l++) {
            unsigned char *col = store + (size_t)s++ * n;
            for (size_t i = 0; i < n; i++)
                col[i] = cv->level[i] == l;
            cols8[c] = col;
            names[c++] = dupf(a, cv->name, cv->levels[l]);
        }
    }
    free(bin);
    *cols_out = cols;
    *cols8_out = cols8;
    *bytes_out = store;
    *pout = p;
    *names_out = names;
    return OV_OK;
}

/* ---- balance ------------------------------------------------------------------ */

typedef struct bal_job {
    const ov_register *r;
    const double *w;
    ov_eval_balance *rows;
    int first, count;       /* balance rows of this job */
    const int *row_cov;     /* balance row -> covariate */
    const int *row_level;   /* -1 numeric, else level */
    atomic_int *next;       /* the next row to take (rows differ in cost:
                               a numeric covariate needs a sort) */
} bal_job;

static void *bal_worker(void *arg)
{
    bal_job *j = arg;
    const ov_register *r = j->r;
    size_t n = r->n;
    double *ind = NULL;
    for (;;) {
        int q = atomic_fetch_add(j->next, 1);
        if (q >= j->first + j->count)
            break;
        const ov_reg_covariate *cv = &r->cov[j->row_cov[q]];
        const double *x = cv->num;
        if (j->row_level[q] >= 0) {
            if (!ind)
                ind = ov_xmalloc(n * sizeof *ind);
            for (size_t i = 0; i < n; i++)
                ind[i] = cv->level[i] == j->row_level[q] ? 1.0 : 0.0;
            x = ind;
        }
        bool bin = j->row_level[q] >= 0 || ov_balance_is_binary(x, n);
        ov_bal before, after;
        ov_balance(x, r->treated, j->w, n, bin, &before, &after);
        ov_eval_balance *b = &j->rows[q];
        b->binary = bin;
        b->mean_t_before = before.mean_t;
        b->mean_c_before = before.mean_c;
        b->smd_before = before.smd;
        b->var_ratio_before = before.var_ratio;
        b->ecdf_mean_before = before.ecdf_mean;
        b->ecdf_max_before = before.ecdf_max;
        b->mean_t_after = after.mean_t;
        b->mean_c_after = after.mean_c;
        b->smd_after = after.smd;
        b->var_ratio_after = after.var_ratio;
        b->ecdf_mean_after = after.ecdf_mean;
        b->ecdf_max_after = after.ecdf_max;
    }
    free(ind);
    return NULL;
}

static void balance_all(const ov_register *r, const double *w, int threads,
                        ov_arena *a, ov_eval_result *res)
{
    int rows = 0;
    for (int k = 0; k < r->ncov; k++)
        rows += r->cov[k].categorical ? r->cov[k].nlevels : 1;
    res->balance = ov_xcalloc((size_t)rows + 1, sizeof *res->balance);
    res->nbalance = rows;
    int *row_cov = ov_xmalloc(((size_t)rows + 1) * sizeof *row_cov);
    int *row_level = ov_xmalloc(((size_t)rows + 1) * sizeof *row_level);
    int q = 0;
    for (int k = 0; k < r->ncov; k++) {
        const ov_reg_covariate *cv = &r->cov[k];
        if (!cv->categorical) {
            res->balance[q].covariate = cv->name;
            row_cov[q] = k;
            row_level[q++] = -1;
            continue;
        }
        for (int l = 0; l < cv->nlevels; l++) {
            res->balance[q].covariate =
                dupf(a, cv->name, cv->levels[l]);
            row_cov[q] = k;
            row_level[q++] = l;
        }
    }
    if (threads < 1)
        threads = 1;
    if (threads > rows)
        threads = rows > 0 ? rows : 1;
    bal_job jobs[OV_PAR_MAX];
    if (threads > OV_PAR_MAX)
        threads = OV_PAR_MAX;
    atomic_int next = 0;
    for (int t = 0; t < threads; t++)
        jobs[t] = (bal_job){r, w, res->balance, 0, rows, row_cov, row_level,
                            &next};
    ov_par_run(bal_worker, jobs, sizeof jobs[0], threads);
    free(row_cov);
    free(row_level);
}

/* ---- naive (unmatched) means of every outcome, in parallel ------------------- */

typedef struct naive_job {
    const ov_register *r;
    const ov_outcome_spec *specs;
    const int *numcol;
    int nspecs;
    size_t from, to;
    double *sum;   /* nspecs * 2 */
    double *cnt;   /* nspecs * 2 */
} naive_job;

static void *naive_worker(void *arg)
{
    naive_job *j = arg;
    for (size_t i = j->from; i < j->to; i++) {
        int t = j->r->treated[i] ? 1 : 0;
        for (int s = 0; s < j->nspecs; s++) {
            double v = ov_outcome_value(&j->specs[s], j->numcol[s], j->r, i);
            if (isnan(v))
                continue;
            j->sum[s * 2 + t] += v;
            j->cnt[s * 2 + t] += 1;
        }
    }
    return NULL;
}

static void naive_means(const ov_register *r, const ov_outcome_spec *specs,
                        const int *numcol, int nspecs, int threads,
                        ov_eval_outcome *out)
{
    if (threads < 1)
        threads = 1;
    if (threads > OV_PAR_MAX)
        threads = OV_PAR_MAX;
    naive_job jobs[OV_PAR_MAX];
    size_t per = (r->n + (size_t)threads - 1) / (size_t)threads;
    for (int t = 0; t < threads; t++) {
        size_t from = (size_t)t * per, to = from + per;
        if (from > r->n)
            from = r->n;
        if (to > r->n)
            to = r->n;
        jobs[t] = (naive_job){r, specs, numcol, nspecs, from, to,
                              ov_xcalloc((size_t)nspecs * 2 + 2, sizeof(double)),
                              ov_xcalloc((size_t)nspecs * 2 + 2, sizeof(double))};
    }
    ov_par_run(naive_worker, jobs, sizeof jobs[0], threads);
    for (int s = 0; s < nspecs; s++) {
        double sum[2] = {0, 0}, cnt[2] = {0, 0};
        for (int t = 0; t < threads; t++)
            for (int g = 0; g < 2; g++) {
                sum[g] += jobs[t].sum[s * 2 + g];
                cnt[g] += jobs[t].cnt[s * 2 + g];
            }
        out[s].naive_treated_mean = cnt[1] > 0 ? sum[1] / cnt[1] : (double)NAN;
        out[s].naive_control_mean = cnt[0] > 0 ? sum[0] / cnt[0] : (double)NAN;
    }
    for (int t = 0; t < threads; t++) {
        free(jobs[t].sum);
        free(jobs[t].cnt);
    }
}

/* ---- the whole evaluation ------------------------------------------------------ */

ov_status ov_evaluate(const ov_eval_options *o, ov_eval_result *res,
                      ov_err *err)
{
    memset(res, 0, sizeof *res);
    if (o->ratio < 1)
        return ov_err_set(err, OV_EINVAL, "--ratio",
                          "--ratio must be a whole number of at least 1");
    if (o->has_caliper && !(o->caliper > 0 && isfinite(o->caliper)))
        return ov_err_set(err, OV_EINVAL, "--caliper",
                          "--caliper must be a positive number of standard "
                          "deviations, e.g. 0.2");
    res->options = *o;
    ov_arena *a = ov_arena_new(0);
    ov_register *reg = ov_xcalloc(1, sizeof *reg);
    res->reg = reg;
    unsigned char *X = NULL;
    ov_nn_result m;
    memset(&m, 0, sizeof m);
    ov_status rc;


    /* 1. the extract, with the months the outcomes need */
    ov_outcome_spec *specs = NULL;
    int nspecs = 0;
    int kmax = 36, num_kmax = 12;
    if (o->noutcomes > 0) {
        kmax = ov_outcome_max_month(o->outcomes, o->noutcomes);
        num_kmax = ov_outcome_max_sum_month(o->outcomes, o->noutcomes);
    }
    ov_register_options ro = {
        .dir = o->register_dir,
        .covariates = o->covariates,
        .ncovariates = o->ncovariates,
        .exact = o->exact,
        .drop_missing = o->drop_missing,
        .kmax = kmax,
        .num_kmax = num_kmax,
        .threads = o->threads,
        .progress = o->progress,
        .progress_ctx = o->progress_ctx,
    };
    double t0 = now();
    rc = ov_register_read(&ro, reg, err);
    if (rc != OV_OK)
        goto fail;
    timing(res, "read", t0);
    size_t n = reg->n;
    res->n_persons = n;
    res->n_dropped_missing = reg->n_dropped;
    res->month_rows = reg->month_rows;
    res->persons_without_months = reg->persons_without_months;
    for (size_t i = 0; i < n; i++)
        res->n_treated += reg->treated[i];
    res->n_control = n - res->n_treated;

    if (o->noutcomes > 0) {
        nspecs = o->noutcomes;
        specs = ov_xmalloc((size_t)nspecs * sizeof *specs);
        memcpy(specs, o->outcomes, (size_t)nspecs * sizeof *specs);
    } else {
        specs = ov_xmalloc(OV_EVAL_MAX_OUTCOMES * sizeof *specs);
        nspecs = ov_outcome_defaults((const char *const *)reg->num_name,
                                     reg->nnum, specs, OV_EVAL_MAX_OUTCOMES);
    }
    int *numcol = ov_xmalloc(((size_t)nspecs + 1) * sizeof *numcol);
    rc = ov_outcome_resolve(specs, nspecs, reg, numcol, err);
    if (rc != OV_OK) {
        free(numcol);
        free(specs);
        goto fail;
    }

    /* 2. propensity score */
    t0 = now();
    int p = 0;
    char **names = NULL;
    const double **cols = NULL;
    const unsigned char **cols8 = NULL;
    rc = design(reg, a, &cols, &cols8, &X, &p, &names, err);
    if (rc != OV_OK)
        goto fail_specs;
    double *y = ov_xmalloc(n * sizeof *y);
    for (size_t i = 0; i < n; i++)
        y[i] = reg->treated[i];
    res->score = ov_xmalloc(n * sizeof *res->score);
    res->coef = ov_xcalloc((size_t)p, sizeof *res->coef);
    double *coef = ov_xmalloc((size_t)p * sizeof *coef);
    ov_logit fit = {.p = p, .coef = coef};
    rc = ov_logit_fit_cols(cols, cols8, y, n, p, (const char *const *)names,
                           o->threads, &fit, res->score, err);

    free(y);
    free(X);
    X = NULL;
    if (rc != OV_OK) {
        free(coef);
        goto fail_specs;
    }
    res->ncoef = p;
    for (int j = 0; j < p; j++)
        res->coef[j] = (ov_eval_coef){names[j], coef[j]};
    free(coef);
    res->iterations = fit.iterations;
    res->deviance = fit.deviance;
    res->null_deviance = fit.null_deviance;
    timing(res, "propensity score", t0);
    progress(o, "propensity score");

    /* 3. matching */
    t0 = now();
    ov_nn_options nno = {.ratio = o->ratio,
                         .replace = o->replace,
                         .discard_both = o->discard_both,
                         .has_caliper = o->has_caliper,
                         .caliper = o->caliper};
    rc = ov_nn_match(res->score, reg->treated, (const int *)reg->exact_group,
                     n, &nno, &m, err);
    if (rc != OV_OK)
        goto fail_specs;
    if (m.npairs == 0) {
        rc = ov_err_set(err, OV_EINVAL, "--caliper",
                        "no participant found a match; widen --caliper, "
                        "use --discard none, or check --exact");
        goto fail_specs;
    }
    res->caliper_abs = m.caliper_abs;
    res->n_discarded_treated = m.ndiscarded_treated;
    res->n_discarded_control = m.ndiscarded_control;
    res->discarded = m.discarded;
    m.discarded = NULL;
    res->n_pairs = m.npairs;
    res->pair_treated = ov_xmalloc(m.npairs * sizeof(size_t));
    res->pair_control = ov_xmalloc(m.npairs * sizeof(size_t));
    res->subclass = ov_xmalloc(m.npairs * sizeof(size_t));
    /* subclass per treated unit, numbered in the order of first match */
    size_t *sub_of = ov_xmalloc(n * sizeof *sub_of);
    for (size_t i = 0; i < n; i++)
        sub_of[i] = SIZE_MAX;
    size_t nsub = 0;
    for (size_t k = 0; k < m.npairs; k++) {
        size_t t = m.pairs[k].treated;
        if (sub_of[t] == SIZE_MAX)
            sub_of[t] = nsub++;
        res->pair_treated[k] = t;
        res->pair_control[k] = m.pairs[k].control;
        res->subclass[k] = sub_of[t];
    }
    /* MatchIt's weights: treated 1; a control 1/k for each subclass of k
     * controls it is in, then controls rescaled to sum to their number */
    size_t *ksub = ov_xcalloc(nsub + 1, sizeof *ksub);
    for (size_t k = 0; k < m.npairs; k++)
        ksub[res->subclass[k]]++;
    res->weight = ov_xcalloc(n, sizeof *res->weight);
    double *roww = ov_xmalloc(m.npairs * sizeof *roww);
    for (size_t k = 0; k < m.npairs; k++) {
        roww[k] = 1.0 / (double)ksub[res->subclass[k]];
        res->weight[res->pair_control[k]] += roww[k];
    }
    double csum = 0;
    size_t ncm = 0;
    for (size_t i = 0; i < n; i++)
        if (!reg->treated[i] && res->weight[i] > 0) {
            csum += res->weight[i];
            ncm++;
        }
    double scale = (double)ncm / csum;
    for (size_t i = 0; i < n; i++)
        if (!reg->treated[i])
            res->weight[i] *= scale;
    for (size_t k = 0; k < m.npairs; k++)
        roww[k] *= scale;
    for (size_t i = 0; i < n; i++)
        if (reg->treated[i] && sub_of[i] != SIZE_MAX)
            res->weight[i] = 1.0;
    res->n_treated_matched = nsub;
    res->n_control_matched = ncm;
    free(ksub);
    timing(res, "matching", t0);
    progress(o, "matching");

    /* 4. balance and score overlap */
    t0 = now();
    balance_all(reg, res->weight, o->threads, a, res);
    for (size_t i = 0; i < n; i++) {
        int b = (int)(res->score[i] * OV_EVAL_HIST_BINS);
        if (b >= OV_EVAL_HIST_BINS)
            b = OV_EVAL_HIST_BINS - 1;
        if (b < 0)
            b = 0;
        int g = reg->treated[i] ? 1 : 0;
        res->hist[g][0][b] += 1;
        res->hist[g][1][b] += res->weight[i];
    }
    timing(res, "balance", t0);
    progress(o, "balance");

    /* 5. outcomes: rows = matched treated + one per pair */
    t0 = now();
    size_t nrows = nsub + m.npairs;
    size_t *unit = ov_xmalloc(nrows * sizeof *unit);
    size_t *cl = ov_xmalloc(nrows * sizeof *cl);
    double *w = ov_xmalloc(nrows * sizeof *w);
    unsigned char *tr = ov_xmalloc(nrows);
    double *yy = ov_xmalloc(nrows * sizeof *yy);
    size_t q = 0;
    for (size_t i = 0; i < n; i++)
        if (reg->treated[i] && sub_of[i] != SIZE_MAX) {
            unit[q] = i;
            cl[q] = sub_of[i];
            w[q] = 1.0;
            tr[q++] = 1;
        }
    for (size_t k = 0; k < m.npairs; k++) {
        unit[q] = res->pair_control[k];
        cl[q] = res->subclass[k];
        w[q] = roww[k];
        tr[q++] = 0;
    }
    free(roww);
    free(sub_of);
    /* with replacement a control can be in several subclasses: cluster by
     * person as well (MatchIt's guidance); persons numbered 0..nunit-1 */
    size_t *uid = NULL, nunit = 0;
    if (o->replace) {
        size_t *id_of = ov_xmalloc(n * sizeof *id_of);
        for (size_t i = 0; i < n; i++)
            id_of[i] = SIZE_MAX;
        uid = ov_xmalloc(nrows * sizeof *uid);
        for (size_t r2 = 0; r2 < nrows; r2++) {
            if (id_of[unit[r2]] == SIZE_MAX)
                id_of[unit[r2]] = nunit++;
            uid[r2] = id_of[unit[r2]];
        }
        free(id_of);
        /* ov_att_estimate wants the rows by person, then subclass */
        size_t *perm = ov_xmalloc(nrows * sizeof *perm);
        ov_att_order(cl, uid, nrows, nsub, nunit, perm);
        size_t *z = ov_xmalloc(nrows * sizeof *z);
        double *zw = ov_xmalloc(nrows * sizeof *zw);
        unsigned char *zt = ov_xmalloc(nrows);
        size_t *const keep[3] = {unit, cl, uid};
        for (int c = 0; c < 3; c++) {
            for (size_t r2 = 0; r2 < nrows; r2++)
                z[r2] = keep[c][perm[r2]];
            memcpy(keep[c], z, nrows * sizeof *z);
        }
        for (size_t r2 = 0; r2 < nrows; r2++) {
            zw[r2] = w[perm[r2]];
            zt[r2] = tr[perm[r2]];
        }
        memcpy(w, zw, nrows * sizeof *w);
        memcpy(tr, zt, nrows);
        free(zt);
        free(zw);
        free(z);
        free(perm);
    }
    res->outcomes = ov_xcalloc((size_t)nspecs, sizeof *res->outcomes);
    res->noutcomes = nspecs;
    naive_means(reg, specs, numcol, nspecs, o->threads, res->outcomes);
    for (int s = 0; s < nspecs; s++) {
        ov_eval_outcome *oc = &res->outcomes[s];
        oc->spec = specs[s];
        size_t ex[2] = {0, 0};
        for (size_t r2 = 0; r2 < nrows; r2++) {
            yy[r2] = ov_outcome_value(&specs[s], numcol[s], reg, unit[r2]);
            if (isnan(yy[r2]))
                ex[tr[r2]]++;
        }
        ov_att at;
        ov_att_estimate(yy, tr, w, cl, uid, nrows, nsub, &at);
        oc->treated_mean = at.treated_mean;
        oc->control_mean = at.control_mean;
        oc->att = at.estimate;
        oc->se = at.se;
        oc->t = at.t;
        oc->df = at.df;
        oc->p_value = at.p_value;
        oc->ci_low = at.ci_low;
        oc->ci_high = at.ci_high;
        oc->n_treated = at.n_treated;
        oc->n_control = at.n_control;
        oc->n_treated_excluded = ex[1];
        oc->n_control_excluded = ex[0];
        oc->reason = at.reason;
        oc->boot_low = oc->boot_high = NAN;
        if (o->bootstrap > 0)
            ov_att_bootstrap(yy, tr, w, cl, nrows, nsub, o->bootstrap,
                             o->seed + (uint64_t)s, &oc->boot_low,
                             &oc->boot_high);
    }
    free(uid);
    free(unit);
    free(cl);
    free(w);
    free(tr);
    free(yy);
    timing(res, "outcomes", t0);
    progress(o, "outcomes");
    ov_nn_result_free(&m);
    free(numcol);
    free(specs);
    res->options.outcomes = NULL;
    res->options.noutcomes = 0;
    res->arena = a; /* names the result points to */
    return OV_OK;

fail_specs:
    free(numcol);
    free(specs);
fail:
    free(X);
    ov_nn_result_free(&m);
    ov_eval_result_free(res);
    ov_arena_destroy(a);
    return rc;
}

void ov_eval_result_free(ov_eval_result *res)
{
    if (!res)
        return;
    if (res->reg) {
        ov_register_free((ov_register *)res->reg);
        free((void *)res->reg);
    }
    free(res->score);
    free(res->weight);
    free(res->discarded);
    free(res->pair_treated);
    free(res->pair_control);
    free(res->subclass);
    free(res->coef);
    free(res->balance);
    free(res->outcomes);
    ov_arena_destroy(res->arena);
    memset(res, 0, sizeof *res);
}

const char *ov_eval_reason_code(ov_att_reason r)
{
    switch (r) {
    case OV_ATT_COMPLETE:
        return NULL;
    case OV_ATT_NO_ROWS:
        return "no_data";
    case OV_ATT_NO_TREATED:
        return "no_treated";
    case OV_ATT_NO_CONTROL:
        return "no_control";
    case OV_ATT_FEW_CLUSTERS:
        return "too_few_clusters";
    case OV_ATT_NO_VARIATION:
        return "no_variation";
    case OV_ATT_VARIANCE_NOT_POSITIVE:
        return "variance_not_positive";
    }
    return NULL;
}

void ov_eval_reason_text(const ov_eval_outcome *o, char *out, size_t cap)
{
    if (cap == 0)
        return;
    out[0] = '\0';
    const char *who = o->reason == OV_ATT_NO_TREATED   ? "participant"
                      : o->reason == OV_ATT_NO_CONTROL ? "control"
                                                       : "person";
    switch (o->reason) {
    case OV_ATT_COMPLETE:
        break;
    case OV_ATT_NO_ROWS:
    case OV_ATT_NO_TREATED:
    case OV_ATT_NO_CONTROL:
        if (o->spec.kind == OV_OC_HAZARD)
            snprintf(out, cap,
                     "no matched %s is at risk in quarter %d with a "
                     "register covering months %d-%d",
                     who, o->spec.quarter, o->spec.a, o->spec.b);
        else
            snprintf(out, cap,
                     "no matched %s's register reaches month %d; the "
                     "extract is too short for this outcome",
                     who, o->spec.b);
        break;
    case OV_ATT_FEW_CLUSTERS:
        snprintf(out, cap, "no standard error: fewer than two matched sets "
                           "have this outcome");
        break;
    case OV_ATT_NO_VARIATION:
        snprintf(out, cap, "no test: the outcome does not vary among the "
                           "participants nor among the controls");
        break;
    case OV_ATT_VARIANCE_NOT_POSITIVE:
        snprintf(out, cap, "no standard error: the two-way clustered "
                           "variance is not positive in this small sample");
        break;
    }
}
