/*
 * list.c - the list convention (store.h, ov_list_info) read once for
 * every list of the store (store_int.h, ov_list_query).
 *
 * Why: the readers of meetings, plan versions, proposals, placements,
 * companies, teams, batches, courses and the audit log each repeated the
 * same loop (grow the arena array, count, stop keeping at the cap, fail
 * the transaction on a bad row), and a fix to one was a fix to none of
 * the others. Each reader now says only its query, its parameters and how
 * to read one row; what it does around the list (the audit row, details
 * attached to the rows, a sort) stays with it.
 *
 * Counting: without a count query every row is stepped to the end, so
 * total is exact and the list's own filter (want) applies to the count.
 * With one, the read stops at the first row past the cap and runs the
 * count with the same parameters: a long list (the audit log) costs its
 * cap and one count, and a list within its cap costs no count at all.
 *
 * Memory: the array grows in the caller's arena by doubling (from 8), so
 * a list within its cap takes memory for the rows it has, not for the
 * cap; rows are zeroed before read fills them.
 */
#include <assert.h>
#include <string.h>

#include "store/store_int.h"

void ov_list_bind_id(ov_stmt *s, const void *arg)
{
    ov_stmt_bind_i64(s, 1, *(const int64_t *)arg);
}

/* The count of a list cut at its cap. */
static ov_status count_all(ov_tx *tx, const ov_list_query *q, const void *arg,
                           ov_list_info *li, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, q->count_sql, &s, err) != OV_OK)
        return err->code;
    q->bind(s, arg);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        int64_t total = ov_stmt_col_i64(s, 0);
        /* rows committed between the two statements cannot show: one
         * transaction is one snapshot; never report fewer than were seen */
        li->total = total > li->total ? (total > INT32_MAX ? INT32_MAX
                                                           : (int)total)
                                      : li->total;
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

ov_status ov_list_read(ov_tx *tx, const ov_list_query *q, const void *arg,
                       int cap, ov_arena *a, void **rows, ov_list_info *li,
                       ov_err *err)
{
    assert(q->sql && q->bind && q->read && q->row_size > 0 && cap >= 0);
    assert(!(q->count_sql && q->want));
    memset(li, 0, sizeof *li);
    *rows = NULL;
    size_t room = 0;
    void *arr = ov_arena_grow(a, NULL, &room, 0, q->row_size);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, q->sql, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    q->bind(s, arg);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if (q->want && !q->want(s, arg))
            continue;
        li->total++;
        if (li->n >= cap) {
            li->truncated = true;
            if (q->count_sql)
                break;
            continue;
        }
        arr = ov_arena_grow(a, arr, &room, (size_t)li->n + 1, q->row_size);
        void *row = (char *)arr + (size_t)li->n * q->row_size;
        if (q->read(s, a, row, err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        li->n++;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (li->truncated && q->count_sql &&
        count_all(tx, q, arg, li, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *rows = arr;
    return OV_OK;
}
