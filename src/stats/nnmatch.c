/* qsort_r (glibc) */
#define _GNU_SOURCE
#include "stats/nnmatch.h"
#include "stats/sort.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct ctx {
    const double *score;
    const int *group;
} ctx;

static int grp(const ctx *c, size_t i)
{
    return c->group ? c->group[i] : 0;
}

/* By group, then score ascending, then data order (a stable sort). */
static int cmp_units(const void *a, const void *b, void *arg)
{
    const ctx *c = arg;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int gi = grp(c, i), gj = grp(c, j);
    if (gi != gj)
        return gi < gj ? -1 : 1;
    double si = c->score[i], sj = c->score[j];
    if (si != sj)
        return si < sj ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Treated turn order: score descending, ties in data order. */
static int cmp_turns(const void *a, const void *b, void *arg)
{
    const ctx *c = arg;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    double si = c->score[i], sj = c->score[j];
    if (si != sj)
        return si > sj ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Union-find over sorted positions: the nearest available control at or
 * before (left) / at or after (right) a position; -1 / n when none. */
static ptrdiff_t find_left(ptrdiff_t *L, ptrdiff_t p)
{
    ptrdiff_t r = p;
    while (r >= 0 && L[r] != r)
        r = L[r];
    while (p >= 0 && L[p] != p) { /* compress */
        ptrdiff_t nx = L[p];
        L[p] = r;
        p = nx;
    }
    return r;
}

static ptrdiff_t find_right(ptrdiff_t *R, ptrdiff_t n, ptrdiff_t p)
{
    ptrdiff_t r = p;
    while (r < n && R[r] != r)
        r = R[r];
    while (p < n && R[p] != p) {
        ptrdiff_t nx = R[p];
        R[p] = r;
        p = nx;
    }
    return r;
}

void ov_nn_result_free(ov_nn_result *r)
{
    if (!r)
        return;
    free(r->pairs);
    free(r->discarded);
    memset(r, 0, sizeof *r);
}

ov_status ov_nn_match(const double *score, const unsigned char *treated,
                      const int *group, size_t n, const ov_nn_options *o,
                      ov_nn_result *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    int K = o->ratio < 1 ? 1 : o->ratio;
    if (o->has_caliper && !(o->caliper >= 0))
        return ov_err_set(err, OV_EINVAL, "--caliper",
                          "--caliper: give a number of standard deviations "
                          "0 or more");
    for (size_t i = 0; i < n; i++)
        if (!isfinite(score[i]))
            return ov_err_set(err, OV_EINVAL, NULL,
                              "the score of person %zu is not a number", i + 1);
    out->discarded = calloc(n ? n : 1, sizeof *out->discarded);
    if (!out->discarded)
        return ov_err_set(err, OV_ENOMEM, NULL, "out of memory");
    /* common support */
    if (o->discard_both) {
        double tmin = HUGE_VAL, tmax = -HUGE_VAL, cmin = HUGE_VAL,
               cmax = -HUGE_VAL;
        for (size_t i = 0; i < n; i++) {
            if (treated[i]) {
                tmin = fmin(tmin, score[i]);
                tmax = fmax(tmax, score[i]);
            } else {
                cmin = fmin(cmin, score[i]);
                cmax = fmax(cmax, score[i]);
            }
        }
        for (size_t i = 0; i < n; i++) {
            bool out_of = treated[i] ? (score[i] < cmin || score[i] > cmax)
                                     : (score[i] < tmin || score[i] > tmax);
            out->discarded[i] = out_of;
            if (out_of) {
                if (treated[i])
                    out->ndiscarded_treated++;
                else
                    out->ndiscarded_control++;
            }
        }
    }
    size_t m = 0, nt = 0;
    for (size_t i = 0; i < n; i++)
        if (!out->discarded[i]) {
            m++;
            nt += treated[i] != 0;
        }
    /* the caliper in score units: sd over the units kept */
    if (o->has_caliper) {
        double mean = 0, ss = 0;
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            if (out->discarded[i])
                continue;
            k++;
            double d = score[i] - mean;
            mean += d / (double)k;
            ss += d * (score[i] - mean);
        }
        double sd = k > 1 ? sqrt(ss / (double)(k - 1)) : 0;
        out->caliper_abs = o->caliper * sd;
    }
    size_t *order = malloc((m ? m : 1) * sizeof *order);
    size_t *turns = malloc((nt ? nt : 1) * sizeof *turns);
    ptrdiff_t *pos = malloc((n ? n : 1) * sizeof *pos);
    ptrdiff_t *L = malloc((m ? m : 1) * sizeof *L);
    ptrdiff_t *R = malloc((m ? m : 1) * sizeof *R);
    ptrdiff_t *gs = malloc((m ? m : 1) * sizeof *gs); /* group start */
    ptrdiff_t *ge = malloc((m ? m : 1) * sizeof *ge); /* group end */
    out->pairs = malloc(((nt ? nt : 1) * (size_t)K) * sizeof *out->pairs);
    if (!order || !turns || !pos || !L || !R || !gs || !ge || !out->pairs) {
        free(order), free(turns), free(pos), free(L), free(R), free(gs),
            free(ge);
        ov_nn_result_free(out);
        return ov_err_set(err, OV_ENOMEM, NULL, "out of memory");
    }
    size_t k = 0, t = 0;
    for (size_t i = 0; i < n; i++) {
        if (out->discarded[i])
            continue;
        order[k++] = i;
        if (treated[i])
            turns[t++] = i;
    }
    ctx c = {score, group};
    {
        /* stable radix sort by score, then stably by group: the order of
         * cmp_units (group, score, data order) in linear time */
        double *ks = ov_xcalloc(m ? m : 1, sizeof *ks);
        size_t *ix = ov_xmalloc((m ? m : 1) * sizeof *ix);
        for (size_t q = 0; q < m; q++)
            ks[q] = score[order[q]];
        ov_sort_index_by_double(ks, m, ix);
        for (size_t q = 0; q < m; q++)
            ix[q] = order[ix[q]];
        memcpy(order, ix, m * sizeof *order);
        free(ks);
        free(ix);
        if (group) {
            int gmax = 0;
            bool neg = false;
            for (size_t q = 0; q < m; q++) {
                if (group[order[q]] > gmax)
                    gmax = group[order[q]];
                neg |= group[order[q]] < 0;
            }
            if (neg || gmax > 1000000)
                qsort_r(order, m, sizeof *order, cmp_units, &c);
            else
                ov_sort_index_by_group(order, m, group, gmax + 1);
        }
    }
    qsort_r(turns, nt, sizeof *turns, cmp_turns, &c);
    for (size_t p = 0; p < m; p++) {
        pos[order[p]] = (ptrdiff_t)p;
        bool ctrl = !treated[order[p]];
        L[p] = ctrl ? (ptrdiff_t)p : (ptrdiff_t)p - 1;
        R[p] = ctrl ? (ptrdiff_t)p : (ptrdiff_t)p + 1;
    }
    for (size_t p = 0; p < m;) {
        size_t q = p;
        while (q < m && grp(&c, order[q]) == grp(&c, order[p]))
            q++;
        for (size_t r = p; r < q; r++) {
            gs[r] = (ptrdiff_t)p;
            ge[r] = (ptrdiff_t)q;
        }
        p = q;
    }
    double cal = out->caliper_abs;
    bool *got_any = calloc(nt ? nt : 1, sizeof *got_any);
    unsigned char *done = calloc(nt ? nt : 1, 1); /* no more to find */
    /* with replacement: per treated unit, the two scan fronts */
    ptrdiff_t *lf = malloc((nt ? nt : 1) * sizeof *lf);
    ptrdiff_t *rf = malloc((nt ? nt : 1) * sizeof *rf);
    if (!got_any || !done || !lf || !rf) {
        free(got_any), free(done), free(lf), free(rf);
        free(order), free(turns), free(pos), free(L), free(R), free(gs),
            free(ge);
        ov_nn_result_free(out);
        return ov_err_set(err, OV_ENOMEM, NULL, "out of memory");
    }
    for (size_t i = 0; i < nt; i++) {
        lf[i] = pos[turns[i]] - 1;
        rf[i] = pos[turns[i]] + 1;
    }
    for (int round = 0; round < K; round++) {
        for (size_t ti = 0; ti < nt; ti++) {
            if (done[ti])
                continue;
            size_t tr = turns[ti];
            ptrdiff_t p = pos[tr];
            ptrdiff_t b, a;
            if (o->replace) {
                /* the next nearest on each side not yet taken by this
                 * unit: the fronts move past what it took */
                b = lf[ti];
                while (b >= gs[p] && treated[order[b]])
                    b--;
                a = rf[ti];
                while (a < ge[p] && treated[order[a]])
                    a++;
            } else {
                b = p > 0 ? find_left(L, p - 1) : -1;
                a = find_right(R, (ptrdiff_t)m, p + 1);
            }
            bool hb = b >= gs[p] && b >= 0;
            bool ha = a < ge[p] && a < (ptrdiff_t)m;
            double db = hb ? fabs(score[tr] - score[order[b]]) : HUGE_VAL;
            double da = ha ? fabs(score[order[a]] - score[tr]) : HUGE_VAL;
            if (!hb && !ha) {
                done[ti] = 1;
                continue;
            }
            bool before = db <= da; /* ties go to the one before */
            double d = before ? db : da;
            if (o->has_caliper && d > cal) {
                done[ti] = 1; /* every other control is further away */
                continue;
            }
            ptrdiff_t q = before ? b : a;
            out->pairs[out->npairs++] = (ov_nn_pair){tr, order[q]};
            got_any[ti] = true;
            if (o->replace) {
                if (before)
                    lf[ti] = q - 1;
                else
                    rf[ti] = q + 1;
            } else {
                L[q] = q - 1;
                R[q] = q + 1;
            }
        }
    }
    for (size_t i = 0; i < nt; i++)
        out->ntreated_matched += got_any[i];
    free(got_any), free(done), free(lf), free(rf);
    free(order), free(turns), free(pos), free(L), free(R), free(gs), free(ge);
    return OV_OK;
}
