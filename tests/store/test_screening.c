/* Candidate import (all or nothing, every bad line reported), screening,
 * exclusions and the reproducible draw, in storage. */
#define _GNU_SOURCE /* pthread_timedjoin_np */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/str.h"
#include "store/audit.h"
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

/* n distinct valid candidates (the CPR numbers differ in date and
 * serial), in the arena. */
static ov_str big_list(ov_arena *a, int n)
{
    ov_buf b;
    ov_buf_init(&b, a, (size_t)n * 64 + 128);
    ov_buf_printf(&b, "cpr;name;activity_ready;months_unemployed\n");
    for (int i = 0; i < n; i++)
        ov_buf_printf(&b, "%02d%02d%02d-%04d;Person %d;%s;%d\n", 1 + i % 28,
                      1 + (i / 28) % 12, 50 + (i / 336) % 40,
                      (i / 13440) * 7 + 1, i, i % 5 ? "ja" : "nej", i % 40);
    return ov_buf_str(&b);
}

typedef struct prep {
    ov_store *store;
    ov_str csv;
    ov_arena *a;
    ov_import_plan *plan;
    ov_import_report rep;
    ov_err err;
    ov_status st;
} prep;

static void *run_prepare(void *arg)
{
    prep *p = arg;
    ov_screening_rules r = ov_screening_rules_default();
    p->st = ov_screening_prepare(p->store, D(2026, 11, 1), &r, p->csv, p->a,
                                 &p->plan, &p->rep, &p->err);
    return NULL;
}

static void a_list_is_prepared_while_another_writer_holds_the_lock(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    prep p = {.store = w.t.store, .csv = big_list(a, 20000), .a = a};
    int64_t creates = count(&w, "SELECT count(*) FROM audit_log WHERE "
                                "action = 'create'");
    ov_tx *writer;
    ov_err err;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &writer, &err), OV_OK);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, run_prepare, &p), 0);
    /* parsing, the duplicate check, screening and sealing need no
     * writer: they finish while it is held (the bound is generous; a
     * prepare that waited for the writer would never finish) */
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 60;
    bool done = pthread_timedjoin_np(t, NULL, &until) == 0;
    ov_tx_rollback(writer);
    if (!done)
        pthread_join(t, NULL);
    assert_true(done);
    assert_int_equal(p.st, OV_OK);
    /* the write then only inserts */
    int64_t batch;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &writer, &err), OV_OK);
    assert_int_equal(ov_screening_write(writer, 250, p.plan, "big.csv", &batch,
                                        &p.rep, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(writer, &err), OV_OK);
    assert_int_equal(p.rep.rows, 20000);
    assert_int_equal(count(&w, "SELECT count(*) FROM candidate"), 20000);
    assert_int_equal(count(&w, "SELECT count(*) FROM citizen"), 20001);
    /* one creation row per citizen and one for the list */
    assert_int_equal(count(&w, "SELECT count(*) FROM audit_log WHERE "
                               "action = 'create'") -
                         creates,
                     20001);
    /* the same list again finds every citizen (one read row each) and
     * creates none */
    prep again = {.store = w.t.store, .csv = p.csv, .a = a};
    run_prepare(&again);
    assert_int_equal(again.st, OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &writer, &err), OV_OK);
    assert_int_equal(ov_screening_write(writer, 250, again.plan, "big.csv",
                                        &batch, &again.rep, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(writer, &err), OV_OK);
    assert_int_equal(count(&w, "SELECT count(*) FROM citizen"), 20001);
    assert_int_equal(count(&w, "SELECT count(*) FROM candidate"), 40000);
    /* one read row per citizen found, and the chain of all of them (rows
     * written 16 to a statement) is intact */
    assert_int_equal(count(&w, "SELECT count(DISTINCT citizen_id) FROM "
                               "audit_log WHERE action = 'read' AND "
                               "criterion = 'CPR-opslag'"),
                     20000);
    ov_audit_report ar;
    assert_int_equal(ov_audit_verify(w.t.store, &ar, &err), OV_OK);
    assert_int_equal(ar.bad_id, 0);
    assert_true(ar.rows > 40000);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void repeated_cpr_numbers_are_reported_in_line_order(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    /* the number of line 2 comes back on lines 4 and 6; line 3 repeats
     * at line 7; bad lines between them keep their places */
    const char csv[] = "cpr,name,activity_ready,months_unemployed\n"
                       "010180-1231,Anna Jensen,ja,24\n"
                       "020275-2342,Bo Hansen,ja,24\n"
                       "0101801231,Carl Berg,ja,24\n"
                       "030399-1453,Dorte Lund,nej,x\n"
                       "010180-1231,Erik Holm,ja,24\n"
                       "020275-2342,Fie Skov,ja,24\n"
                       "040470-2564,Gert Bo,ja,24\n";
    ov_arena *a = ov_arena_new(0);
    int64_t batch;
    ov_import_report rep;
    ov_err err;
    assert_int_equal(import(&w, csv, a, &batch, &rep, &err), OV_EINVAL);
    assert_int_equal(rep.errors_total, 4);
    assert_int_equal(rep.nerrors, 4);
    const int64_t lines[] = {4, 5, 6, 7};
    const char *const says[] = {"same CPR number as line 2",
                                "months_unemployed",
                                "same CPR number as line 2",
                                "same CPR number as line 3"};
    for (int i = 0; i < 4; i++) {
        assert_int_equal(rep.errors[i].line, lines[i]);
        assert_non_null(strstr(rep.errors[i].msg, says[i]));
    }
    assert_int_equal(count(&w, "SELECT count(*) FROM citizen"), 1);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void a_list_over_the_row_cap_is_refused_whole(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    ov_str csv = big_list(a, OV_IMPORT_MAX_ROWS + 1);
    int64_t batch;
    ov_import_report rep;
    ov_err err;
    assert_int_equal(import(&w, csv.ptr, a, &batch, &rep, &err), OV_ETOOBIG);
    assert_non_null(strstr(err.msg, "more than 100000 candidates; split"));
    assert_int_equal(count(&w, "SELECT count(*) FROM screening_batch"), 0);
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
        cmocka_unit_test(
            a_list_is_prepared_while_another_writer_holds_the_lock),
        cmocka_unit_test(repeated_cpr_numbers_are_reported_in_line_order),
        cmocka_unit_test(a_list_over_the_row_cap_is_refused_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
