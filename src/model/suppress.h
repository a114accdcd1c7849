/*
 * suppress.h - small-cell suppression of a published table (issue 12,
 * national monitoring; DOMAIN.md "Small numbers in statistics").
 *
 * Why: a figure built on one or two citizens of a small municipality
 * points at those citizens. The national board and the national API
 * publish figures per municipality and in total; any figure built on
 * fewer than k citizens is hidden ("<5" on a page, absent from an API
 * answer), and enough other figures are hidden with it that no hidden
 * figure can be worked out from what is shown.
 *
 * The table. `rows` x `cols` inner cells (rows: municipalities or other
 * groups; columns: categories or indicators whose counts add up), plus a
 * totals column (each row's total), a totals row (each column's total)
 * and the grand total in the corner: (rows + 1) x (cols + 1) cells,
 * row-major, cell (r, c) at index r * (cols + 1) + c; r == rows is the
 * totals row, c == cols the totals column. Each cell holds the number of
 * citizens its figure is built on. ov_suppress computes the totals from
 * the inner cells (so they always add up) and sets `hidden`.
 *
 * Primary suppression: a cell (totals included) with 0 < n < k is hidden.
 * A zero is shown: it is built on no citizen, and hiding every zero would
 * hide most of a sparse table (the usual practice of statistical
 * offices). k is a setting: default 5, never below 3
 * (ov_suppress_k_check refuses a lower value).
 *
 * Secondary suppression. Every row (its cells and its total) and every
 * column (its cells and its total) is an equation: the cells add up to
 * the total; the totals row and the totals column are equations too
 * (the column totals, and the row totals, add up to the grand total). A
 * line with exactly one hidden cell gives that cell away by subtraction.
 * Rule 1: in every such line hide one more cell: the smallest shown cell
 * of the line with n > 0 (a zero only when no other is left; ties: the
 * lowest index, so the result is deterministic), repeated over all lines
 * until none has exactly one hidden cell.
 *
 * Rule 1 alone is not enough: two rows that each hide two cells can be
 * joined by one hidden cell whose row and column both have two hidden
 * cells, and that cell is still found by combining equations. In the
 * graph whose nodes are the lines (rows, the totals row, columns, the
 * totals column) and whose edges are the hidden cells (a cell joins its
 * row and its column), a hidden cell's value is determined by the shown
 * cells exactly when its edge lies on no cycle (a bridge): along a cycle
 * one can add x to every other edge and subtract it from the others
 * without changing any equation. Rule 2: for every bridge, hide the
 * smallest shown cell that joins the two sides the bridge separates
 * (which closes a cycle through it); then rule 1 again, until there is
 * neither a line with one hidden cell nor a bridge. So no hidden cell can
 * be computed exactly from the table, whatever combination of rows,
 * columns and totals is used (tests/model/test_suppress.c tries).
 *
 * Limits (say them where the figures are published):
 *  - Exact recovery only. Since counts are not negative, an attacker can
 *    still bound a hidden cell: it lies between 0 and the smallest total
 *    of its lines less the shown cells. A hidden complement of 4 beside a
 *    hidden 3 in a row total of 7 says "both below 8". No protection
 *    interval is enforced.
 *  - One table. Two tables published from the same data (a share's
 *    numerator and denominator, or the same counts cut two ways, or this
 *    month and last month) can be combined; suppress each published
 *    table with the others' hidden pattern in mind, or publish only
 *    tables of one cut.
 *  - Derived figures. A median or mean of a hidden cell's citizens is
 *    hidden with the cell; the caller hides every figure of a hidden cell.
 */
#ifndef OV_MODEL_SUPPRESS_H
#define OV_MODEL_SUPPRESS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "core/err.h"

/* k comes from the setting suppress_k (core/config.h), which refuses a
 * value below the same minimum. */
#define OV_SUPPRESS_K_DEFAULT 5
#define OV_SUPPRESS_K_MIN OV_CONFIG_SUPPRESS_K_MIN
#define OV_SUPPRESS_MAX_LINES 4096  /* rows or columns of one table */
#define OV_SUPPRESS_MAX_CELLS 65536 /* the bridge search is quadratic */

/* OV_OK for k >= OV_SUPPRESS_K_MIN, else OV_EINVAL saying why and what to
 * use. `field` names the setting or option that gave k. */
ov_status ov_suppress_k_check(int k, const char *field, ov_err *err);

typedef struct ov_sup_table {
    int rows, cols;   /* inner cells */
    int64_t *n;       /* (rows + 1) * (cols + 1) counts of citizens */
    bool *hidden;     /* the same shape: set by ov_suppress */
    bool *primary;    /* the same shape: hidden because n < k */
} ov_sup_table;

/* A table of rows x cols inner cells, all zero and shown (ov_xcalloc;
 * free with ov_sup_free). */
void ov_sup_init(ov_sup_table *t, int rows, int cols);
void ov_sup_free(ov_sup_table *t);

/* Index of cell (r, c); r == rows is the totals row, c == cols the totals
 * column. */
static inline int ov_sup_at(const ov_sup_table *t, int r, int c)
{
    return r * (t->cols + 1) + c;
}

/* Fill the totals from the inner cells and hide by the rules above.
 * OV_EINVAL for a k below the minimum, a negative count or a table
 * larger than OV_SUPPRESS_MAX_LINES lines or OV_SUPPRESS_MAX_CELLS cells; the table is then unchanged. */
ov_status ov_suppress(ov_sup_table *t, int k, ov_err *err);

/* How many cells are hidden (totals included). */
int ov_sup_hidden_count(const ov_sup_table *t);

#endif
