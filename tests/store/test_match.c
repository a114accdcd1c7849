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
#include "store/tasks.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define TODAY D(2026, 11, 22)


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
    /* an occupation code that is no DISCO-08 stillingskategori */
    ov_opening unknown = good;
    unknown.occupation = OV_STR_LIT("9999");
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_opening_create(tx, w.company, &unknown, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "occupation");
    assert_non_null(strstr(err.msg, "9999 is not a DISCO-08"));
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

/* The citizen answers in their own log-in with a comment: recorded as
 * theirs, listed with the proposal, and a task for the course's staff
 * until it is acted on (a yes: a placement made after it). */
static void the_citizens_own_answer_keeps_its_comment_and_makes_a_task(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_tx *tx;
    ov_err err;
    ov_opening o = {0, OV_STR_LIT("Pasning af dyr"), OV_STR_LIT("9211"), 10,
                    20, 0, OV_ORD_LATER, false, 0, 0};
    int64_t prop, other;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_opening_create(tx, w.company, &o, &err), OV_OK);
    assert_int_equal(ov_match_propose(tx, course, o.id, 80, D(2026, 9, 20),
                                      &other, &err),
                     OV_OK);
    assert_int_equal(ov_match_answer(tx, other, false, OV_BY_STAFF,
                                     OV_STR_NULL, D(2026, 9, 21), &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_course_facts f;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_facts_get(tx, course, TODAY, &f, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_false(f.has_citizen_answer); /* staff recorded it: no news */
    /* a comment over the cap is refused, naming the field */
    char big[OV_MATCH_COMMENT_MAX + 2];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_match_propose(tx, course, o.id, 80, D(2026, 10, 1),
                                      &prop, &err),
                     OV_OK);
    assert_int_equal(ov_match_answer(tx, prop, true, OV_BY_CITIZEN,
                                     ov_str_c(big), D(2026, 10, 2), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "comment");
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_match_propose(tx, course, o.id, 80, D(2026, 10, 1),
                                      &prop, &err),
                     OV_OK);
    assert_int_equal(ov_match_answer(tx, prop, true, OV_BY_CITIZEN,
                                     OV_STR_LIT("  Jeg elsker dyr  "),
                                     D(2026, 10, 2), &err),
                     OV_OK);
    assert_int_equal(ov_course_facts_get(tx, course, TODAY, &f, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(f.has_citizen_answer);
    assert_true(f.citizen_answer_yes);
    assert_int_equal(f.citizen_answer_on, D(2026, 10, 2));
    ov_arena *a = ov_arena_new(0);
    ov_proposal_row *rows;
    ov_list_info li;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_proposal_list(tx, course, a, &rows, &li, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(li.n, 2);
    assert_int_equal(rows[0].id, prop);
    assert_true(rows[0].answered_by_citizen);
    assert_true(ov_str_eq_c(rows[0].comment, "Jeg elsker dyr"));
    assert_false(rows[1].answered_by_citizen);
    assert_int_equal(rows[1].comment.len, 0);
    /* a newer proposal: the answer is acted on */
    int64_t next;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_match_propose(tx, course, o.id, 80, D(2026, 10, 5),
                                      &next, &err),
                     OV_OK);
    assert_int_equal(ov_course_facts_get(tx, course, TODAY, &f, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_false(f.has_citizen_answer);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suggestions_rank_openings_and_proposals_move_the_course),
        cmocka_unit_test(
            the_citizens_own_answer_keeps_its_comment_and_makes_a_task),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
