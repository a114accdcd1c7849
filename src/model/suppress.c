/*
 * suppress.c - small-cell suppression (see suppress.h for the rules).
 */
#include "model/suppress.h"

#include <stdlib.h>
#include <string.h>

ov_status ov_suppress_k_check(int k, const char *field, ov_err *err)
{
    if (k < OV_SUPPRESS_K_MIN)
        return ov_err_msg(err, OV_EINVAL, field, suppress_k_min,
                          field ? field : "k", k, OV_SUPPRESS_K_MIN,
                          OV_SUPPRESS_K_DEFAULT);
    return OV_OK;
}

void ov_sup_init(ov_sup_table *t, int rows, int cols)
{
    size_t cells = ov_size_mul((size_t)rows + 1, (size_t)cols + 1);
    t->rows = rows;
    t->cols = cols;
    t->n = ov_xcalloc(cells, sizeof *t->n);
    t->hidden = ov_xcalloc(cells, sizeof *t->hidden);
    t->primary = ov_xcalloc(cells, sizeof *t->primary);
}

void ov_sup_free(ov_sup_table *t)
{
    free(t->n);
    free(t->hidden);
    free(t->primary);
    memset(t, 0, sizeof *t);
}

int ov_sup_hidden_count(const ov_sup_table *t)
{
    int n = 0, cells = (t->rows + 1) * (t->cols + 1);
    for (int i = 0; i < cells; i++)
        n += t->hidden[i];
    return n;
}

/* Which of two shown cells to hide next: the smaller count above zero,
 * zeros last, then the lower index. True when a is the better choice. */
static bool better(const ov_sup_table *t, int a, int b)
{
    if (b < 0)
        return true;
    int64_t na = t->n[a], nb = t->n[b];
    if ((na > 0) != (nb > 0))
        return na > 0;
    if (na != nb)
        return na < nb;
    return a < b;
}

/* Rule 1 for one line of `len` cells at idx[]: exactly one hidden cell
 * gets a second one. True when a cell was hidden. */
static bool complete_line(ov_sup_table *t, const int *idx, int len)
{
    int hidden = 0, pick = -1;
    for (int i = 0; i < len; i++) {
        if (t->hidden[idx[i]])
            hidden++;
        else if (better(t, idx[i], pick))
            pick = idx[i];
    }
    if (hidden != 1 || pick < 0)
        return false;
    t->hidden[pick] = true;
    return true;
}

/* Rule 1 over every row and column until stable. */
static void rule_lines(ov_sup_table *t, int *idx)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (int r = 0; r <= t->rows; r++) {
            for (int c = 0; c <= t->cols; c++)
                idx[c] = ov_sup_at(t, r, c);
            changed |= complete_line(t, idx, t->cols + 1);
        }
        for (int c = 0; c <= t->cols; c++) {
            for (int r = 0; r <= t->rows; r++)
                idx[r] = ov_sup_at(t, r, c);
            changed |= complete_line(t, idx, t->rows + 1);
        }
    }
}

/* Union-find over the line graph: node r for row r (0..rows), node
 * rows + 1 + c for column c (0..cols). */
static int find(int *parent, int x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Components of the hidden cells without cell `skip`. */
static void components(const ov_sup_table *t, int skip, int *parent)
{
    int nodes = t->rows + t->cols + 2;
    for (int i = 0; i < nodes; i++)
        parent[i] = i;
    for (int r = 0; r <= t->rows; r++)
        for (int c = 0; c <= t->cols; c++) {
            int i = ov_sup_at(t, r, c);
            if (i == skip || !t->hidden[i])
                continue;
            int a = find(parent, r), b = find(parent, t->rows + 1 + c);
            if (a != b)
                parent[a] = b;
        }
}

/* Rule 2: find one hidden cell that is a bridge and hide the best shown
 * cell joining its two sides. True when a cell was hidden. */
static bool rule_bridge(ov_sup_table *t, int *parent)
{
    for (int r = 0; r <= t->rows; r++)
        for (int c = 0; c <= t->cols; c++) {
            int e = ov_sup_at(t, r, c);
            if (!t->hidden[e])
                continue;
            components(t, e, parent);
            int a = find(parent, r), b = find(parent, t->rows + 1 + c);
            if (a == b)
                continue; /* on a cycle: not determined */
            int pick = -1;
            for (int r2 = 0; r2 <= t->rows; r2++) {
                int side = find(parent, r2);
                if (side != a && side != b)
                    continue;
                int other = side == a ? b : a;
                for (int c2 = 0; c2 <= t->cols; c2++) {
                    int i = ov_sup_at(t, r2, c2);
                    if (!t->hidden[i] &&
                        find(parent, t->rows + 1 + c2) == other &&
                        better(t, i, pick))
                        pick = i;
                }
            }
            if (pick >= 0) {
                t->hidden[pick] = true;
                return true;
            }
        }
    return false;
}

ov_status ov_suppress(ov_sup_table *t, int k, ov_err *err)
{
    if (ov_suppress_k_check(k, "k", err) != OV_OK)
        return err->code;
    if (t->rows < 0 || t->cols < 0 || t->rows > OV_SUPPRESS_MAX_LINES ||
        t->cols > OV_SUPPRESS_MAX_LINES ||
        (int64_t)(t->rows + 1) * (t->cols + 1) > OV_SUPPRESS_MAX_CELLS)
        return ov_err_msg(err, OV_ETOOBIG, "table", suppress_table_too_big,
                          t->rows, t->cols, OV_SUPPRESS_MAX_LINES,
                          OV_SUPPRESS_MAX_CELLS);
    for (int r = 0; r < t->rows; r++)
        for (int c = 0; c < t->cols; c++)
            if (t->n[ov_sup_at(t, r, c)] < 0)
                return ov_err_msg(err, OV_EINVAL, "table",
                                  suppress_negative_count, r, c,
                                  (long long)t->n[ov_sup_at(t, r, c)]);
    int R = t->rows, C = t->cols;
    for (int r = 0; r <= R; r++)
        t->n[ov_sup_at(t, r, C)] = 0;
    for (int c = 0; c < C; c++)
        t->n[ov_sup_at(t, R, c)] = 0;
    for (int r = 0; r < R; r++)
        for (int c = 0; c < C; c++) {
            int64_t v = t->n[ov_sup_at(t, r, c)];
            t->n[ov_sup_at(t, r, C)] += v;
            t->n[ov_sup_at(t, R, c)] += v;
            t->n[ov_sup_at(t, R, C)] += v;
        }
    int cells = (R + 1) * (C + 1);
    for (int i = 0; i < cells; i++)
        t->hidden[i] = t->primary[i] = t->n[i] > 0 && t->n[i] < k;
    int lines = R > C ? R + 1 : C + 1;
    int *idx = ov_xmalloc(ov_size_mul((size_t)lines, sizeof *idx));
    int *parent =
        ov_xmalloc(ov_size_mul((size_t)(R + C + 2), sizeof *parent));
    do
        rule_lines(t, idx);
    while (rule_bridge(t, parent));
    free(idx);
    free(parent);
    return OV_OK;
}
