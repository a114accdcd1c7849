/* The store's one list reader (list.c, ov_list_read) at its edges: an
 * empty list, a list exactly at its cap and one row over it, counted both
 * ways (stepping to the end, and a count query after the first row past
 * the cap). It is internal to src/store, so it is driven through the two
 * readers whose cap is the caller's: a citizen's access log (stepping)
 * and the audit viewer (count query). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/audit.h"
#include "support/world.h"

static const ov_actor JOB = {"job", OV_ROLE_EMPLOYMENT_CASEWORKER,
                             "forløb (test)"};
static const ov_actor LEADER = {"leder", OV_ROLE_LEADER, "revisionslog"};

enum { CITIZEN = 4242 }; /* no other row names this citizen */

/* n rows by "job" about CITIZEN, oldest first as actions 0, 1, ... of
 * the cycle below, so the newest row's action is known. */
static const ov_action CYCLE[] = {OV_ACT_CREATE, OV_ACT_UPDATE,
                                  OV_ACT_EXPORT};
static int added;

static void add_rows(tu_world *w, int n)
{
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &JOB, &tx, &err), OV_OK);
    for (int i = 0; i < n; i++, added++)
        assert_int_equal(ov_audit_append(tx, CYCLE[added % 3], CITIZEN,
                                         NULL, &err),
                         OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static ov_list_info access_log(tu_world *w, int cap, ov_arena *a,
                               ov_access_entry **rows)
{
    ov_tx *tx;
    ov_err err;
    ov_list_info li;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_audit_citizen_log(tx, CITIZEN, cap, a, rows, &li,
                                          &err),
                     OV_OK);
    ov_tx_rollback(tx); /* its own read row is not kept */
    return li;
}

static ov_list_info audit_view(tu_world *w, int limit, ov_arena *a,
                               ov_audit_view_row **rows)
{
    ov_tx *tx;
    ov_err err;
    ov_list_info li;
    ov_audit_filter f = {.municipality_code = 250,
                         .user = OV_STR_LIT("job"),
                         .limit = limit};
    assert_int_equal(ov_tx_begin(w->t.store, &LEADER, &tx, &err), OV_OK);
    assert_int_equal(ov_audit_search(tx, &f, a, rows, &li, &err), OV_OK);
    ov_tx_rollback(tx);
    return li;
}

static void assert_list(ov_list_info li, int n, int total, bool truncated)
{
    assert_int_equal(li.n, n);
    assert_int_equal(li.total, total);
    assert_int_equal(li.truncated, truncated);
}

/* Empty: no rows, an array all the same (a page loops over it without a
 * special case), not truncated. */
static void an_empty_list_has_an_array_and_is_whole(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    added = 0;
    ov_arena *a = ov_arena_new(0);
    ov_access_entry *log = NULL;
    assert_list(access_log(&w, 3, a, &log), 0, 0, false);
    assert_non_null(log);
    ov_audit_view_row *view = NULL;
    assert_list(audit_view(&w, 3, a, &view), 0, 0, false);
    assert_non_null(view);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* Exactly at the cap the list is whole; one row more and it keeps the cap's
 * newest rows, counts all of them and says it was cut. */
static void a_list_at_its_cap_is_whole_and_one_over_is_truncated(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    added = 0;
    ov_arena *a = ov_arena_new(0);
    ov_access_entry *log;
    ov_audit_view_row *view;
    add_rows(&w, 3);
    assert_list(access_log(&w, 3, a, &log), 3, 3, false);
    assert_list(audit_view(&w, 3, a, &view), 3, 3, false);
    add_rows(&w, 1); /* the fourth: CREATE again, the newest */
    assert_list(access_log(&w, 3, a, &log), 3, 4, true);
    assert_int_equal(log[0].action, OV_ACT_CREATE);
    assert_int_equal(log[1].action, OV_ACT_EXPORT);
    assert_int_equal(log[2].action, OV_ACT_UPDATE);
    assert_list(audit_view(&w, 3, a, &view), 3, 4, true);
    assert_int_equal(view[0].action, OV_ACT_CREATE);
    assert_true(view[0].id > view[1].id && view[1].id > view[2].id);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* Far over the cap both ways count every row: stepping to the end, and the
 * count query that the audit viewer runs once its cap is passed (it stops
 * reading rows there). A cap of 0 keeps nothing and still counts. */
static void a_list_far_over_its_cap_counts_every_row(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    added = 0;
    ov_arena *a = ov_arena_new(0);
    ov_access_entry *log;
    ov_audit_view_row *view;
    add_rows(&w, 250);
    assert_list(access_log(&w, 10, a, &log), 10, 250, true);
    assert_list(audit_view(&w, 10, a, &view), 10, 250, true);
    assert_list(access_log(&w, 0, a, &log), 0, 250, true);
    assert_list(audit_view(&w, 5000, a, &view), 250, 250, false);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_empty_list_has_an_array_and_is_whole),
        cmocka_unit_test(
            a_list_at_its_cap_is_whole_and_one_over_is_truncated),
        cmocka_unit_test(a_list_far_over_its_cap_counts_every_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
