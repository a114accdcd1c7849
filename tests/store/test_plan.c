/* Plan versions in storage: immutable versions, summaries from the diff,
 * stale edits refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/course.h"
#include "store/plan.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static ov_status save(tu_world *w, int64_t course, int base, const ov_plan *p,
                      int *v, ov_err *err)
{
    ov_tx *tx;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, err), OV_OK);
    ov_plan_save(tx, course, base, p, true, OV_STR_LIT("Det lyder godt"), v,
                 err);
    return ov_tx_commit(tx, err);
}

static void versions_are_kept_with_a_summary_of_the_change(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_plan_activity act = {3, OV_STR_LIT("Morgenrutine"), OV_ROLE_CTI_WORKER,
                            false, 0, OV_ITEM_PLANNED};
    ov_plan_subgoal sub = {2, OV_STR_LIT("Møde op til tiden"),
                           OV_ITEM_PLANNED, 1, &act};
    ov_plan_goal goal = {1, OV_STR_LIT("Komme i praktik"), OV_ITEM_PLANNED, 1,
                         &sub};
    ov_plan p = {OV_STR_LIT(""), OV_STR_LIT(""), 1, &goal};
    ov_err err;
    int v = 0;
    assert_int_equal(save(&w, course, 0, &p, &v, &err), OV_OK);
    assert_int_equal(v, 1);
    /* no job goal yet: the course does not reach the plan stage */
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_course c;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    ov_course_get(tx, course, a, &c, &err);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(c.stage, OV_STAGE_DRAWN);
    p.job_goal = OV_STR_LIT("Jeg vil arbejde med dyr");
    sub.status = OV_ITEM_DONE;
    assert_int_equal(save(&w, course, 1, &p, &v, &err), OV_OK);
    assert_int_equal(v, 2);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    ov_course_get(tx, course, a, &c, &err);
    ov_plan got;
    ov_plan_meta meta;
    assert_int_equal(ov_plan_load(tx, course, 0, a, &got, &meta, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(c.stage, OV_STAGE_PLAN);
    assert_int_equal(meta.version, 2);
    assert_true(meta.with_citizen);
    assert_true(ov_str_eq_c(meta.citizen_comment, "Det lyder godt"));
    assert_true(ov_str_eq_c(meta.created_by, "test-user"));
    assert_non_null(strstr(meta.summary.ptr, "Jobmål ændret"));
    assert_non_null(strstr(meta.summary.ptr, "Planlagt → Gennemført"));
    assert_true(ov_str_eq_c(got.job_goal, "Jeg vil arbejde med dyr"));
    /* version 1 is unchanged */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_plan_load(tx, course, 1, a, &got, &meta, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(got.job_goal.len, 0);
    assert_string_equal(meta.summary.ptr, "Første version af planen");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void a_stale_edit_is_refused_and_writes_nothing(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_plan p = {OV_STR_LIT("Lager"), OV_STR_LIT("9321"), 0, NULL};
    ov_err err;
    int v;
    assert_int_equal(save(&w, course, 0, &p, &v, &err), OV_OK);
    assert_int_equal(save(&w, course, 1, &p, &v, &err), OV_OK);
    assert_int_equal(save(&w, course, 1, &p, &v, &err), OV_ECONFLICT);
    assert_non_null(strstr(err.msg, "now version 2, you edited version 1"));
    assert_int_equal(save(&w, course, 0, &p, &v, &err), OV_ECONFLICT);
    p.occupation = OV_STR_LIT("93");
    assert_int_equal(save(&w, course, 2, &p, &v, &err), OV_EINVAL);
    char *n = tu_sh_out("sqlite3 '%s' 'SELECT count(*) FROM plan_version'",
                        w.t.db);
    assert_string_equal(n, "2\n");
    free(n);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_plan got;
    ov_plan_meta meta;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_plan_load(tx, course, 7, a, &got, &meta, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(versions_are_kept_with_a_summary_of_the_change),
        cmocka_unit_test(a_stale_edit_is_refused_and_writes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
