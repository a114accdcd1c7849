/*
 * national.c - the national analyst's board (see national.h).
 */
#include "model/national.h"

#include <stdlib.h>
#include <string.h>

#include "model/settings.h"
#include "model/suppress.h"

bool ov_nat_needs_staff(ov_ind_id id)
{
    return id == OV_IND_CTI_CASELOAD_MAX ||
           ov_ind_group_of(id) == OV_IND_GROUP_CASELOAD;
}

bool ov_nat_counts(const ov_ind_facts *f, ov_date from, ov_date to)
{
    return f->started_on != OV_IND_NO_DATE && f->started_on <= to &&
           (f->ended_on == OV_IND_NO_DATE || f->ended_on >= from);
}

void ov_nat_period(ov_date from, ov_date to, ov_date *out_from,
                   ov_date *out_to)
{
    *out_from = ov_ind_month(from);
    *out_to = ov_date_add_months(ov_ind_month(to), 1) - 1;
}

ov_ind_context ov_nat_context(ov_date from, ov_date to)
{
    ov_settings set;
    ov_settings_default(&set);
    ov_ind_context cx = ov_settings_ind_context(&set, from, to);
    cx.followup_interval_weeks += 4;
    return cx;
}

/* The courses each indicator rests on, for one municipality: those that
 * add to its numerator or denominator. */
static void citizens_of(const ov_ind_facts *f, int n, const ov_ind_context *cx,
                        double *num, double *den, int64_t out[OV_IND_COUNT])
{
    for (int i = 0; i < OV_IND_COUNT; i++) {
        out[i] = 0;
        if (n == 0)
            continue;
        ov_ind_contributions((ov_ind_id)i, f, n, cx, num, den);
        /* a count (the courses ended) rests on what it counts */
        bool counted = i == OV_IND_ENDED;
        for (int c = 0; c < n; c++)
            if (num[c] != 0 || (!counted && den[c] != 0))
                out[i]++;
    }
}

/* Suppress one indicator's column: municipalities as rows, the national
 * total as the totals row. */
static ov_status suppress_column(ov_nat_board *b, ov_ind_id id, int k,
                                 ov_err *err)
{
    ov_sup_table t;
    ov_sup_init(&t, b->n, 1);
    for (int r = 0; r < b->n; r++)
        t.n[ov_sup_at(&t, r, 0)] = ov_nat_at(b, r, id)->citizens;
    ov_status st = ov_suppress(&t, k, err);
    for (int r = 0; st == OV_OK && r <= b->n; r++) {
        ov_nat_cell *x = ov_nat_at(b, r, id);
        /* a row's cell and its row total are the same figure */
        x->suppressed = t.hidden[ov_sup_at(&t, r, 0)] ||
                        t.hidden[ov_sup_at(&t, r, 1)];
    }
    ov_sup_free(&t);
    return st;
}

/* The ends by reason are one table of counts: municipalities as rows,
 * the reasons as columns, the courses ended (OV_IND_ENDED) as each row's
 * total and the national figures as the totals row. A reason counted for
 * one or two citizens points at them however many ended in all (a
 * municipality where one citizen ended for health reasons), so each
 * reason's count is a cell of its own, and a share is hidden with its
 * count. */
static ov_status suppress_ends(ov_nat_board *b, int k, ov_err *err)
{
    const int C = OV_IND_ENDS_OTHER - OV_IND_ENDS_ORDINARY_JOB + 1;
    ov_sup_table t;
    ov_sup_init(&t, b->n, C);
    for (int r = 0; r < b->n; r++)
        for (int c = 0; c < C; c++) {
            const ov_nat_cell *x =
                ov_nat_at(b, r, (ov_ind_id)(OV_IND_ENDS_ORDINARY_JOB + c));
            t.n[ov_sup_at(&t, r, c)] = (int64_t)x->ind.numerator;
        }
    ov_status st = ov_suppress(&t, k, err);
    for (int r = 0; st == OV_OK && r <= b->n; r++) {
        for (int c = 0; c < C; c++)
            ov_nat_at(b, r, (ov_ind_id)(OV_IND_ENDS_ORDINARY_JOB + c))
                ->suppressed = t.hidden[ov_sup_at(&t, r, c)];
        ov_nat_at(b, r, OV_IND_ENDED)->suppressed =
            t.hidden[ov_sup_at(&t, r, C)];
    }
    ov_sup_free(&t);
    return st;
}

/* One count column of the rollout (months as rows, the period's sum as
 * the totals row): hide[m] and *total_hidden. */
static ov_status suppress_months(const int64_t *v, int nm, int k, bool *hide,
                                 bool *total_hidden, ov_err *err)
{
    ov_sup_table t;
    ov_sup_init(&t, nm, 1);
    for (int m = 0; m < nm; m++)
        t.n[ov_sup_at(&t, m, 0)] = v[m];
    ov_status st = ov_suppress(&t, k, err);
    for (int m = 0; st == OV_OK && m < nm; m++)
        hide[m] = t.hidden[ov_sup_at(&t, m, 0)] ||
                  t.hidden[ov_sup_at(&t, m, 1)];
    if (st == OV_OK)
        *total_hidden = t.hidden[ov_sup_at(&t, nm, 0)] ||
                        t.hidden[ov_sup_at(&t, nm, 1)];
    ov_sup_free(&t);
    return st;
}

static ov_date first_drawn(const ov_ind_facts *f)
{
    return f->drawn_on != OV_IND_NO_DATE ? f->drawn_on : f->started_on;
}

static ov_status rollout(ov_nat_board *b, const ov_nat_input *in, int n,
                         const ov_ind_context *cx, int k, ov_err *err)
{
    ov_date m0 = ov_ind_month(cx->from), m1 = ov_ind_month(cx->to);
    int nm = 0;
    for (ov_date m = m0; m <= m1; m = ov_date_add_months(m, 1))
        nm++;
    if (nm > OV_NAT_MAX_MONTHS) {
        m0 = ov_date_add_months(m1, -(OV_NAT_MAX_MONTHS - 1));
        nm = OV_NAT_MAX_MONTHS;
    }
    b->nmonths = nm;
    b->months = ov_xcalloc((size_t)nm + 1, sizeof *b->months);
    /* each municipality's first draw */
    ov_date *start = ov_xcalloc((size_t)n + 1, sizeof *start);
    for (int i = 0; i < n; i++) {
        start[i] = OV_IND_NO_DATE;
        for (int c = 0; c < in[i].n; c++) {
            ov_date d = first_drawn(&in[i].f[c]);
            if (d != OV_IND_NO_DATE &&
                (start[i] == OV_IND_NO_DATE || d < start[i]))
                start[i] = d;
        }
    }
    int64_t *drawn = ov_xcalloc((size_t)nm + 1, sizeof *drawn);
    int64_t *ended = ov_xcalloc((size_t)nm + 1, sizeof *ended);
    bool *hd = ov_xcalloc((size_t)nm + 1, sizeof *hd);
    bool *he = ov_xcalloc((size_t)nm + 1, sizeof *he);
    for (int m = 0; m < nm; m++) {
        ov_nat_month *x = &b->months[m];
        x->month = ov_date_add_months(m0, m);
        ov_date last = ov_date_add_months(x->month, 1) - 1;
        for (int i = 0; i < n; i++) {
            if (start[i] != OV_IND_NO_DATE && start[i] <= last)
                x->municipalities++;
            for (int c = 0; c < in[i].n; c++) {
                const ov_ind_facts *f = &in[i].f[c];
                ov_date d = first_drawn(f);
                if (d != OV_IND_NO_DATE && d >= x->month && d <= last)
                    x->drawn++;
                if (f->ended_on != OV_IND_NO_DATE && f->ended_on >= x->month &&
                    f->ended_on <= last)
                    x->ended++;
                if (ov_nat_counts(f, x->month, last))
                    x->active++;
            }
        }
        drawn[m] = x->drawn;
        ended[m] = x->ended;
        x->active_hidden = x->active > 0 && x->active < k;
        b->drawn_total += x->drawn;
        b->ended_total += x->ended;
    }
    ov_status st = suppress_months(drawn, nm, k, hd, &b->drawn_total_hidden,
                                   err);
    if (st == OV_OK)
        st = suppress_months(ended, nm, k, he, &b->ended_total_hidden, err);
    for (int m = 0; st == OV_OK && m < nm; m++) {
        b->months[m].drawn_hidden = hd[m];
        b->months[m].ended_hidden = he[m];
    }
    free(start);
    free(drawn);
    free(ended);
    free(hd);
    free(he);
    return st;
}

ov_status ov_nat_compute(const ov_nat_input *in, int n,
                         const ov_ind_context *cx, int k, ov_nat_board *out,
                         ov_err *err)
{
    memset(out, 0, sizeof *out);
    if (ov_suppress_k_check(k, "suppress_k", err) != OV_OK)
        return err->code;
    if (n < 0 || n >= OV_SUPPRESS_MAX_LINES)
        return ov_err_msg(err, OV_ETOOBIG, "table", suppress_table_too_big,
                          n, OV_IND_COUNT, OV_SUPPRESS_MAX_LINES,
                          OV_SUPPRESS_MAX_CELLS);
    out->k = k;
    out->n = n;
    out->cell = ov_xcalloc(((size_t)n + 1) * OV_IND_COUNT, sizeof *out->cell);
    /* every course of every municipality, for the national total */
    size_t all = 0, biggest = 0;
    bool any_imported = false;
    for (int i = 0; i < n; i++) {
        all += (size_t)in[i].n;
        if ((size_t)in[i].n > biggest)
            biggest = (size_t)in[i].n;
        any_imported = any_imported || !in[i].has_staff;
    }
    ov_ind_facts *f = ov_xcalloc(all + 1, sizeof *f);
    double *num = ov_xcalloc(biggest + 1, sizeof *num);
    double *den = ov_xcalloc(biggest + 1, sizeof *den);
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        if (in[i].n > 0)
            memcpy(f + at, in[i].f, (size_t)in[i].n * sizeof *f);
        at += (size_t)in[i].n;
        ov_indicator ind[OV_IND_COUNT];
        int64_t cit[OV_IND_COUNT];
        ov_ind_compute(in[i].f, in[i].n, cx, ind);
        citizens_of(in[i].f, in[i].n, cx, num, den, cit);
        for (int j = 0; j < OV_IND_COUNT; j++) {
            ov_nat_cell *x = ov_nat_at(out, i, (ov_ind_id)j);
            x->ind = ind[j];
            x->unavailable = !in[i].has_staff && ov_nat_needs_staff(j);
            /* a figure not published rests on no one here */
            x->citizens = x->unavailable ? 0 : cit[j];
        }
    }
    ov_indicator tot[OV_IND_COUNT];
    ov_ind_compute(f, (int)all, cx, tot);
    for (int j = 0; j < OV_IND_COUNT; j++) {
        ov_nat_cell *x = ov_nat_at(out, n, (ov_ind_id)j);
        x->ind = tot[j];
        x->unavailable = any_imported && ov_nat_needs_staff(j);
    }
    free(f);
    free(num);
    free(den);
    ov_status st = OV_OK;
    for (int j = 0; st == OV_OK && j < OV_IND_COUNT; j++)
        if (j < OV_IND_ENDED || j > OV_IND_ENDS_OTHER)
            st = suppress_column(out, (ov_ind_id)j, k, err);
    if (st == OV_OK)
        st = suppress_ends(out, k, err);
    /* the total's citizens: the column's sum (suppress.h computed it) */
    for (int j = 0; j < OV_IND_COUNT; j++) {
        int64_t sum = 0;
        for (int i = 0; i < n; i++)
            sum += ov_nat_at(out, i, (ov_ind_id)j)->citizens;
        ov_nat_at(out, n, (ov_ind_id)j)->citizens = sum;
    }
    if (st == OV_OK)
        st = rollout(out, in, n, cx, k, err);
    if (st != OV_OK)
        ov_nat_free(out);
    return st;
}

void ov_nat_free(ov_nat_board *b)
{
    free(b->cell);
    free(b->months);
    b->cell = NULL;
    b->months = NULL;
    b->n = b->nmonths = 0;
}
