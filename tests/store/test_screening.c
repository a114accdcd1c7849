/* Candidate import (all or nothing, every bad line reported), screening,
 * exclusions and the reproducible draw, in storage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/screening.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static int64_t count(tu_world *w, const char *sql)
{
    char *n = tu_sh_out("sqlite3 '%s' \"%s\"", w->t.db, sql);
    int64_t v = atoll(n);
    free(n);
    return v;
}

/* 6 candidates: 3 eligible (lines 2, 3, 7), one too young (line 4), one
 * not activity-ready (line 5), one excluded: in prison (line 6). */
static const char GOOD[] =
    "cpr;name;activity_ready;months_unemployed;in_prison\n"
    "010180-1231;Anna Jensen;ja;24;nej\n"
    "020275-2342;Bo Hansen;ja;60;nej\n"
    "030399-1453;Carl Berg;ja;30;nej\n"
    "040470-2564;Dorte Lund;nej;80;nej\n"
    "050565-1675;Erik Holm;ja;14;ja\n"
    "\"060660-2786\";\"Fie \"\"Fie\"\" Skov\";ja;12;nej\n";

static ov_status import(tu_world *w, const char *csv, ov_arena *a,
                        int64_t *batch, ov_import_report *rep, ov_err *err)
{
    ov_tx *tx;
    ov_screening_rules r = ov_screening_rules_default();
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, err), OV_OK);
    ov_screening_import(tx, 250, D(2026, 11, 1), &r, ov_str_c(csv), "test.csv",
                        a, batch, rep, err);
    return ov_tx_commit(tx, err);
}

static void a_good_list_is_screened_criterion_by_criterion(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t batch;
    ov_import_report rep;
    ov_err err;
    assert_int_equal(import(&w, GOOD, a, &batch, &rep, &err), OV_OK);
    assert_int_equal(rep.rows, 6);
    assert_int_equal(rep.in_target_group, 4);
    assert_int_equal(rep.eligible, 3);
    assert_int_equal(count(&w, "SELECT count(*) FROM candidate WHERE "
                               "eligible = 1"),
                     3);
    assert_int_equal(count(&w, "SELECT count(*) FROM candidate WHERE "
                               "exclusion_reason = 'prison'"),
                     1);
    /* 6 new citizens beside the world's one */
    assert_int_equal(count(&w, "SELECT count(*) FROM citizen"), 7);
    /* the quoted field's doubled quotes became single quotes */
    assert_int_equal(count(&w, "SELECT count(*) FROM citizen WHERE "
                               "full_name LIKE 'Fie _Fie_ Skov' AND "
                               "length(full_name) = 14"),
                     1);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void every_bad_line_is_reported_and_nothing_written(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    const char bad[] = "cpr,name,activity_ready,months_unemployed\n"
                       "010180-1231,Anna Jensen,ja,24\n"
                       "310480-1231,Bo Hansen,ja,24\n"
                       "020275-2342,Carl Berg,maybe,24\n"
                       "030399-1453,Dorte Lund,ja,-3\n"
                       "0101801231,Erik Holm,ja,24\n"
                       "040470-2564,Fie Skov,ja\n";
    ov_arena *a = ov_arena_new(0);
    int64_t batch;
    ov_import_report rep;
    ov_err err;
    int64_t audit = count(&w, "SELECT count(*) FROM audit_log");
    assert_int_equal(import(&w, bad, a, &batch, &rep, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "5 lines with errors; nothing was "
                                    "imported"));
    assert_int_equal(rep.nerrors, 5);
    assert_int_equal(rep.errors[0].line, 3);
    assert_string_equal(rep.errors[0].field, "cpr");
    assert_non_null(strstr(rep.errors[0].msg, "April"));
    assert_int_equal(rep.errors[1].line, 4);
    assert_string_equal(rep.errors[1].field, "activity_ready");
    assert_int_equal(rep.errors[2].line, 5);
    assert_string_equal(rep.errors[2].field, "months_unemployed");
    assert_int_equal(rep.errors[3].line, 6);
    assert_non_null(strstr(rep.errors[3].msg, "same CPR number as line 2"));
    assert_int_equal(rep.errors[4].line, 7);
    assert_non_null(strstr(rep.errors[4].msg, "3 fields, the header has 4"));
    assert_int_equal(count(&w, "SELECT count(*) FROM citizen"), 1);
    assert_int_equal(count(&w, "SELECT count(*) FROM screening_batch"), 0);
    assert_int_equal(count(&w, "SELECT count(*) FROM audit_log"), audit);
    /* header problems stop at once */
    assert_int_equal(import(&w, "cpr,name,colour\n", a, &batch, &rep, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "unknown column 'colour'"));
    assert_int_equal(import(&w, "cpr,name,activity_ready\n", a, &batch, &rep,
                            &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "'months_unemployed' is missing"));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void the_draw_is_stored_reproducible_and_opens_courses(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t batch;
    ov_import_report rep;
    ov_err err;
    assert_int_equal(import(&w, GOOD, a, &batch, &rep, &err), OV_OK);
    ov_tx *tx;
    int64_t draw_id, out[3];
    /* more than the eligible pool */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_draw_make(tx, batch, 4, 7, w.team, D(2026, 11, 2),
                                  &draw_id, out, NULL, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "3 eligible candidates"));
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_draw_make(tx, batch, 2, 7, w.team, D(2026, 11, 2),
                                  &draw_id, out, NULL, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(count(&w, "SELECT count(*) FROM course WHERE stage = "
                               "'drawn'"),
                     2);
    assert_int_equal(count(&w, "SELECT count(*) FROM draw_pool"), 3);
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_draw_verify(tx, draw_id, &err), OV_OK);
    ov_tx_rollback(tx);
    /* a second draw takes only the one not yet drawn */
    int64_t d2, out2[1];
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_draw_make(tx, batch, 1, 99, w.team, D(2026, 11, 2),
                                  &d2, out2, NULL, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(out2[0] != out[0] && out2[0] != out[1]);
    /* tampering with a stored result is found */
    assert_int_equal(tu_sh("sqlite3 '%s' \"UPDATE draw_member SET "
                           "candidate_id = %lld WHERE draw_id = %lld AND "
                           "position = 1\"",
                           w.t.db, (long long)out2[0], (long long)draw_id),
                     0);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_draw_verify(tx, draw_id, &err), OV_ECORRUPT);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void an_excluded_candidate_leaves_the_pool(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t batch;
    ov_import_report rep;
    ov_err err;
    assert_int_equal(import(&w, GOOD, a, &batch, &rep, &err), OV_OK);
    int64_t cand = count(&w, "SELECT min(id) FROM candidate WHERE eligible = 1");
    ov_tx *tx;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_screening_exclude(tx, cand, OV_EXCL_OTHER,
                                          OV_STR_LIT(""), &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_screening_exclude(tx, cand, OV_EXCL_DECLINED,
                                          OV_STR_NULL, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    int64_t draw_id, out[3];
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_draw_make(tx, batch, 3, 1, w.team, D(2026, 11, 2),
                                  &draw_id, out, NULL, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "has 2 eligible"));
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_good_list_is_screened_criterion_by_criterion),
        cmocka_unit_test(every_bad_line_is_reported_and_nothing_written),
        cmocka_unit_test(the_draw_is_stored_reproducible_and_opens_courses),
        cmocka_unit_test(an_excluded_candidate_leaves_the_pool),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
