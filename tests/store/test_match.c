/* Openings, match suggestions, proposals with the citizen's answer, and
 * employment, in storage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/course.h"
#include "store/match.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }


static void suggestions_rank_openings_and_proposals_move_the_course(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_tx *tx;
    ov_err err;
    ov_opening good = {0, OV_STR_LIT("Pasning af dyr"), OV_STR_LIT("9211"), 10,
                       25, OV_ACC_BIT(OV_ACC_MENTOR), OV_ORD_NOW, true, 0, 0};
    ov_opening poor = {0, OV_STR_LIT("Kassearbejde"), OV_STR_LIT("5230"), 30,
                       37, 0, OV_ORD_NOT, false, 0, 0};
    ov_opening bad = poor;
    bad.hours_min = 40;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_opening_create(tx, w.company, &poor, &err), OV_OK);
    assert_int_equal(ov_opening_create(tx, w.company, &good, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_opening_create(tx, w.company, &bad, &err), OV_EINVAL);
    assert_string_equal(err.field, "hours_max");
    ov_tx_rollback(tx);
    assert_int_equal(good.municipality_code, 250);
    ov_match_profile p = {0};
    p.occupation = OV_STR_LIT("9211");
    p.needs = OV_ACC_BIT(OV_ACC_MENTOR);
    p.wanted_hours = 15;
    p.municipality_code = 250;
    p.postcode = 3300;
    ov_match_weights wt = ov_match_weights_default();
    ov_arena *a = ov_arena_new(0);
    ov_match_score sc[5];
    int n = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_match_suggest(tx, course, &p, &wt, a, sc, 5, &n, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(n, 2);
    assert_int_equal(sc[0].opening_id, good.id);
    assert_true(sc[0].total > 99.9);
    assert_true(sc[1].total < sc[0].total);
    int64_t prop;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_match_propose(tx, course, good.id, sc[0].total,
                                      D(2026, 9, 20), &prop, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(tu_stage(&w, course), OV_STAGE_MATCH);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_match_answer(tx, prop, true, OV_BY_STAFF, OV_STR_NULL, D(2026, 9, 21), &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_match_answer(tx, prop, false, OV_BY_STAFF, OV_STR_NULL, D(2026, 9, 22), &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    /* ordinary hours put the citizen in a job */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_employment_record(tx, course, D(2026, 11, 1), 80,
                                          &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(tu_stage(&w, course), OV_STAGE_IN_JOB);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_employment_record(tx, course, D(2026, 11, 1), 601,
                                          &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suggestions_rank_openings_and_proposals_move_the_course),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
