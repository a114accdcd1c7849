/* Small-cell suppression: primary cells below k, and secondary cells so
 * that no hidden cell can be worked out from the rest of the table. The
 * attacker here is independent of the rules: it solves the table's
 * equations (every row and column adds up to its total) for the hidden
 * cells and reports any it can determine exactly. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/suppress.h"

/* A table from inner counts given row by row. */
static void make(ov_sup_table *t, int rows, int cols, const int64_t *inner)
{
    ov_sup_init(t, rows, cols);
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            t->n[ov_sup_at(t, r, c)] = inner[r * cols + c];
}

static bool H(const ov_sup_table *t, int r, int c)
{
    return t->hidden[ov_sup_at(t, r, c)];
}

/* Rank of an m x n matrix (row-major, modified in place). */
static int rank_of(double *a, int m, int n)
{
    int rank = 0;
    for (int col = 0; col < n && rank < m; col++) {
        int piv = -1;
        for (int i = rank; i < m; i++)
            if (fabs(a[i * n + col]) > 1e-9 &&
                (piv < 0 || fabs(a[i * n + col]) > fabs(a[piv * n + col])))
                piv = i;
        if (piv < 0)
            continue;
        for (int j = 0; j < n; j++) {
            double tmp = a[rank * n + j];
            a[rank * n + j] = a[piv * n + j];
            a[piv * n + j] = tmp;
        }
        for (int i = 0; i < m; i++) {
            if (i == rank)
                continue;
            double f = a[i * n + col] / a[rank * n + col];
            for (int j = 0; j < n; j++)
                a[i * n + j] -= f * a[rank * n + j];
        }
        rank++;
    }
    return rank;
}

/* How many hidden cells the attacker can determine exactly: unknown x_i
 * is determined when the unit vector e_i lies in the row space of the
 * equations' coefficients over the hidden cells. */
static int recoverable(const ov_sup_table *t)
{
    int R = t->rows, C = t->cols, cells = (R + 1) * (C + 1);
    int *var = calloc((size_t)cells, sizeof *var);
    int nv = 0;
    for (int i = 0; i < cells; i++)
        var[i] = t->hidden[i] ? nv++ : -1;
    if (nv == 0) {
        free(var);
        return 0;
    }
    int lines = R + 1 + C + 1;
    double *a = calloc((size_t)(lines + 1) * (size_t)nv, sizeof *a);
    for (int r = 0; r <= R; r++)
        for (int c = 0; c <= C; c++) {
            int i = ov_sup_at(t, r, c);
            if (var[i] < 0)
                continue;
            /* row r: cells - total = 0; column c likewise */
            a[r * nv + var[i]] += c == C ? -1.0 : 1.0;
            a[(R + 1 + c) * nv + var[i]] += r == R ? -1.0 : 1.0;
        }
    double *w = malloc(sizeof *w * (size_t)(lines + 1) * (size_t)nv);
    memcpy(w, a, sizeof *w * (size_t)lines * (size_t)nv);
    int base = rank_of(w, lines, nv);
    int found = 0;
    for (int v = 0; v < nv; v++) {
        memcpy(w, a, sizeof *w * (size_t)lines * (size_t)nv);
        memset(w + (size_t)lines * (size_t)nv, 0, sizeof *w * (size_t)nv);
        w[lines * nv + v] = 1.0;
        if (rank_of(w, lines + 1, nv) == base)
            found++;
    }
    free(w);
    free(a);
    free(var);
    return found;
}

/* Whether every row and column has zero or at least two hidden cells. */
static bool no_line_with_one(const ov_sup_table *t)
{
    for (int r = 0; r <= t->rows; r++) {
        int h = 0;
        for (int c = 0; c <= t->cols; c++)
            h += H(t, r, c);
        if (h == 1)
            return false;
    }
    for (int c = 0; c <= t->cols; c++) {
        int h = 0;
        for (int r = 0; r <= t->rows; r++)
            h += H(t, r, c);
        if (h == 1)
            return false;
    }
    return true;
}

static void k_below_three_is_refused_with_the_minimum(void **state)
{
    (void)state;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_suppress_k_check(2, "suppress_k", &err), OV_EINVAL);
    assert_string_equal(err.field, "suppress_k");
    assert_non_null(strstr(err.msg, "give 3 or more"));
    assert_int_equal(ov_suppress_k_check(3, "suppress_k", &err), OV_OK);
    ov_sup_table t;
    int64_t inner[] = {1, 9};
    make(&t, 1, 2, inner);
    assert_int_equal(ov_suppress(&t, 2, &err), OV_EINVAL);
    assert_int_equal(ov_sup_hidden_count(&t), 0);
    ov_sup_free(&t);
}

static void cells_below_k_are_hidden_and_zeros_and_k_are_shown(void **state)
{
    (void)state;
    ov_err err;
    /* row 0: 4 | 5 | 0 | 30; row 1: 40 | 50 | 60 | 70 */
    int64_t inner[] = {4, 5, 0, 30, 40, 50, 60, 70};
    ov_sup_table t;
    make(&t, 2, 4, inner);
    assert_int_equal(ov_suppress(&t, 5, &err), OV_OK);
    assert_true(t.primary[ov_sup_at(&t, 0, 0)]);
    assert_false(t.primary[ov_sup_at(&t, 0, 1)]); /* exactly k */
    assert_false(H(&t, 0, 2));                      /* zero: shown */
    assert_int_equal(t.n[ov_sup_at(&t, 0, 4)], 39); /* row total */
    assert_int_equal(t.n[ov_sup_at(&t, 2, 4)], 259); /* grand total */
    assert_int_equal(recoverable(&t), 0);
    ov_sup_free(&t);
}

static void a_cell_cannot_be_recovered_by_subtracting_from_its_row_total(
    void **state)
{
    (void)state;
    ov_err err;
    /* Halsnæs: 3 citizens ended in a job, 20 moved, 30 still active */
    int64_t inner[] = {3, 20, 30, 25, 22, 40};
    ov_sup_table t;
    make(&t, 2, 3, inner);
    assert_int_equal(ov_suppress(&t, 5, &err), OV_OK);
    assert_true(H(&t, 0, 0));
    /* The attack: row total minus the shown cells of the row. Had only
     * the small cell been hidden, that gives it: 53 - 20 - 30 = 3. */
    int64_t total = t.n[ov_sup_at(&t, 0, 3)];
    assert_int_equal(total, 53);
    assert_false(H(&t, 0, 3));
    int64_t rest = 0;
    int hidden_in_row = 0;
    for (int c = 0; c < 3; c++) {
        if (H(&t, 0, c))
            hidden_in_row++;
        else
            rest += t.n[ov_sup_at(&t, 0, c)];
    }
    /* But another cell of the row is hidden with it (the smallest: 20),
     * so the subtraction gives the sum of two hidden cells, 23. */
    assert_int_equal(hidden_in_row, 2);
    assert_true(H(&t, 0, 1));
    assert_int_equal(total - rest, 23);
    assert_int_not_equal(total - rest, t.n[ov_sup_at(&t, 0, 0)]);
    /* The columns of both hidden cells hide a second cell too. */
    assert_true(H(&t, 1, 0) && H(&t, 1, 1));
    assert_true(no_line_with_one(&t));
    assert_int_equal(recoverable(&t), 0);
    ov_sup_free(&t);
}

static void a_cell_cannot_be_recovered_from_its_column_total(void **state)
{
    (void)state;
    ov_err err;
    /* one column: the national share built on three municipalities */
    int64_t inner[] = {12, 2, 30};
    ov_sup_table t;
    make(&t, 3, 1, inner);
    assert_int_equal(ov_suppress(&t, 5, &err), OV_OK);
    assert_true(H(&t, 1, 0));
    /* the row total of the small row equals the cell: hidden too */
    assert_true(H(&t, 1, 1));
    /* the column: total - shown would give the cell; a second is hidden */
    int hidden = 0;
    int64_t shown = 0;
    for (int r = 0; r < 3; r++) {
        if (H(&t, r, 0))
            hidden++;
        else
            shown += t.n[ov_sup_at(&t, r, 0)];
    }
    assert_int_equal(hidden, 2);
    assert_true(H(&t, 0, 0)); /* the smallest other: 12 */
    assert_int_not_equal(t.n[ov_sup_at(&t, 3, 0)] - shown, 2);
    assert_int_equal(recoverable(&t), 0);
    ov_sup_free(&t);
}

static void secondary_suppression_follows_a_chain_until_stable(void **state)
{
    (void)state;
    ov_err err;
    /* A diagonal of small cells: each complement opens another line. */
    int64_t inner[] = {
        2,  50, 60, 70, /**/
        40, 3,  60, 70, /**/
        40, 50, 4,  70, /**/
        40, 50, 60, 1,
    };
    ov_sup_table t;
    make(&t, 4, 4, inner);
    assert_int_equal(ov_suppress(&t, 5, &err), OV_OK);
    for (int i = 0; i < 4; i++)
        assert_true(H(&t, i, i));
    assert_true(no_line_with_one(&t));
    assert_int_equal(recoverable(&t), 0);
    ov_sup_free(&t);
}

static void a_single_small_cell_in_a_large_table_is_not_recoverable(
    void **state)
{
    (void)state;
    ov_err err;
    /* 5 municipalities x 4 categories, one small cell: the complements
     * form a rectangle (2 rows x 2 columns), and no total is hidden */
    int64_t inner[] = {
        30, 31, 32, 33, /**/
        40, 41, 2,  43, /**/
        50, 51, 52, 53, /**/
        60, 61, 62, 63, /**/
        70, 71, 72, 73,
    };
    ov_sup_table t;
    make(&t, 5, 4, inner);
    assert_int_equal(ov_suppress(&t, 5, &err), OV_OK);
    assert_int_equal(ov_sup_hidden_count(&t), 4);
    assert_true(H(&t, 1, 2) && H(&t, 0, 2) && H(&t, 1, 0) && H(&t, 0, 0));
    assert_false(H(&t, 5, 4)); /* the national total stays shown */
    assert_int_equal(recoverable(&t), 0);
    ov_sup_free(&t);
}

static void a_bridge_between_two_rectangles_is_protected(void **state)
{
    (void)state;
    ov_err err;
    /* Rows 0-1 x columns 0-1 and rows 2-3 x columns 2-3 are two hidden
     * rectangles, once (1, 2) is hidden too, the equations give it
     * away unless a cycle runs through it. Build it with small cells so
     * rule 1 alone would stop with a bridge. */
    int64_t inner[] = {
        1,  2,  90, 90, 90, /**/
        2,  2,  1,  90, 90, /**/
        90, 90, 2,  1,  90, /**/
        90, 90, 1,  2,  90, /**/
        90, 90, 90, 90, 90,
    };
    ov_sup_table t;
    make(&t, 5, 5, inner);
    assert_int_equal(ov_suppress(&t, 3, &err), OV_OK);
    assert_true(no_line_with_one(&t));
    assert_int_equal(recoverable(&t), 0);
    ov_sup_free(&t);
}

static void small_row_totals_and_the_national_total_are_protected(
    void **state)
{
    (void)state;
    ov_err err;
    /* Two small municipalities: their row totals are below k, and the
     * national total would give the last one away. */
    int64_t inner[] = {1, 1, 2, 0, 30, 40};
    ov_sup_table t;
    make(&t, 3, 2, inner);
    assert_int_equal(ov_suppress(&t, 5, &err), OV_OK);
    assert_true(H(&t, 0, 2) && H(&t, 1, 2)); /* totals 2 and 2 */
    assert_true(no_line_with_one(&t));
    assert_int_equal(recoverable(&t), 0);
    ov_sup_free(&t);
}

/* Many random tables: whatever the pattern, the attacker finds nothing
 * and every primary cell is hidden. */
static void random_tables_never_leave_a_recoverable_cell(void **state)
{
    (void)state;
    ov_err err;
    unsigned seed = 12345;
    for (int round = 0; round < 300; round++) {
        seed = seed * 1103515245u + 12345u;
        int rows = 1 + (int)(seed >> 16) % 6;
        seed = seed * 1103515245u + 12345u;
        int cols = 1 + (int)(seed >> 16) % 5;
        int64_t inner[36];
        for (int i = 0; i < rows * cols; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned v = (seed >> 16) % 100;
            inner[i] = v < 25 ? (int64_t)(v % 5) : (int64_t)v;
        }
        ov_sup_table t;
        make(&t, rows, cols, inner);
        int k = 3 + round % 4;
        assert_int_equal(ov_suppress(&t, k, &err), OV_OK);
        for (int i = 0; i < (rows + 1) * (cols + 1); i++)
            if (t.n[i] > 0 && t.n[i] < k)
                assert_true(t.hidden[i]);
        assert_true(no_line_with_one(&t));
        assert_int_equal(recoverable(&t), 0);
        ov_sup_free(&t);
    }
}

static void a_negative_count_is_refused(void **state)
{
    (void)state;
    ov_err err;
    int64_t inner[] = {7, -1};
    ov_sup_table t;
    make(&t, 1, 2, inner);
    assert_int_equal(ov_suppress(&t, 5, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "negative"));
    ov_sup_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(k_below_three_is_refused_with_the_minimum),
        cmocka_unit_test(cells_below_k_are_hidden_and_zeros_and_k_are_shown),
        cmocka_unit_test(
            a_cell_cannot_be_recovered_by_subtracting_from_its_row_total),
        cmocka_unit_test(a_cell_cannot_be_recovered_from_its_column_total),
        cmocka_unit_test(secondary_suppression_follows_a_chain_until_stable),
        cmocka_unit_test(
            a_single_small_cell_in_a_large_table_is_not_recoverable),
        cmocka_unit_test(a_bridge_between_two_rectangles_is_protected),
        cmocka_unit_test(
            small_row_totals_and_the_national_total_are_protected),
        cmocka_unit_test(random_tables_never_leave_a_recoverable_cell),
        cmocka_unit_test(a_negative_count_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
