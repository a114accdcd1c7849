/* Indicators from the database: on the demo world, the drill-down lists
 * add up to every indicator's numerator and denominator, each list is an
 * audited read of its citizens, and bad queries are refused. */
#include <libgen.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/indicators.h"
#include "support/testutil.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static char binary[512]; /* build/overgang beside build/tests/store/ */
static char dir[256], db[300];
static ov_store *store;

static const ov_actor leader = {"leder", OV_ROLE_LEADER, "tavlemøde"};

/* The demo world of 22 November 2026, built once by the real binary. */
static int demo_up(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ov-ind-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    snprintf(db, sizeof db, "%s/demo.db", dir);
    if (tu_sh("'%s' demo --db '%s' --seed 1 --today 2026-11-22 >/dev/null",
              binary, db) != 0) {
        fprintf(stderr, "could not build the demo world with %s (build the "
                        "binary first: make)\n",
                binary);
        return -1;
    }
    ov_store_options o = {.db_path = db, .mode = OV_OPEN_MIGRATE};
    ov_err err;
    if (ov_store_open(&o, &store, &err) != OV_OK) {
        fprintf(stderr, "open: %s\n", err.msg);
        return -1;
    }
    return 0;
}

static int demo_down(void **state)
{
    (void)state;
    ov_store_close(store);
    tu_sh("rm -rf '%s'", dir);
    return 0;
}

static ov_ind_query year_250(void)
{
    return (ov_ind_query){.municipality_code = 250,
                          .from = D(2025, 11, 23),
                          .to = D(2026, 11, 22)};
}

static double sum(const ov_ind_course_ref *r, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += r[i].count;
    return s;
}

static void drill_down_lists_agree_with_every_numerator_on_the_demo(
    void **state)
{
    (void)state;
    ov_ind_query q = year_250();
    ov_tx *tx;
    ov_err err;
    ov_indicator ind[OV_IND_COUNT];
    int n = 0;
    assert_int_equal(ov_tx_begin_audited(store, &leader, &tx, &err), OV_OK);
    assert_int_equal(ov_ind_read(tx, &q, ind, &n, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(n > 200);
    ov_arena *a = ov_arena_new(0);
    for (int id = 0; id < OV_IND_COUNT; id++) {
        ov_ind_course_ref *num, *den;
        int nn, nd;
        assert_int_equal(ov_tx_begin_audited(store, &leader, &tx, &err),
                         OV_OK);
        assert_int_equal(ov_ind_drill(tx, &q, (ov_ind_id)id, false, a, &num,
                                      &nn, &err),
                         OV_OK);
        assert_int_equal(ov_ind_drill(tx, &q, (ov_ind_id)id, true, a, &den,
                                      &nd, &err),
                         OV_OK);
        assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
        /* every indicator has a value on the demo (docs/indicators.md) */
        if (!ind[id].has_value)
            fail_msg("%s has no value on the demo", ind[id].code);
        double sn = sum(num, nn), sd = sum(den, nd);
        if (sn < ind[id].numerator - 1e-6 || sn > ind[id].numerator + 1e-6)
            fail_msg("%s: the numerator list adds up to %g, the indicator "
                     "says %g",
                     ind[id].code, sn, ind[id].numerator);
        if (ov_ind_group_of((ov_ind_id)id) != OV_IND_GROUP_CASELOAD &&
            id != OV_IND_CTI_CASELOAD_MAX &&
            (sd < ind[id].denominator - 1e-6 ||
             sd > ind[id].denominator + 1e-6))
            fail_msg("%s: the denominator list adds up to %g, the "
                     "indicator says %g",
                     ind[id].code, sd, ind[id].denominator);
        /* the courses of the numerator are among the denominator's */
        if (ind[id].unit == OV_IND_PERCENT)
            for (int i = 0, j = 0; i < nn; i++) {
                while (j < nd && den[j].course_id < num[i].course_id)
                    j++;
                if (j == nd || den[j].course_id != num[i].course_id)
                    fail_msg("%s: course %lld is counted but not in the "
                             "denominator",
                             ind[id].code, (long long)num[i].course_id);
            }
        ov_arena_reset(a);
    }
    ov_arena_destroy(a);
}

static void a_drill_down_is_an_audited_read_of_each_citizen_listed(
    void **state)
{
    (void)state;
    ov_ind_query q = year_250();
    ov_tx *tx;
    ov_err err;
    ov_ind_course_ref *num;
    int nn;
    ov_arena *a = ov_arena_new(0);
    assert_int_equal(ov_tx_begin_audited(store, &leader, &tx, &err), OV_OK);
    assert_int_equal(ov_ind_drill(tx, &q, OV_IND_AGREEMENT_SIGNED, false, a,
                                  &num, &nn, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(nn > 0);
    assert_int_equal(ov_store_audit_sync(store, &err), OV_OK);
    char *out = tu_sh_out(
        "sqlite3 '%s' \"SELECT count(DISTINCT citizen_id) FROM audit_log "
        "WHERE actor = 'leder' AND action = 'read' AND criterion = "
        "'indikator agreement_signed (tæller)'\"",
        db);
    assert_int_equal(atoi(out), nn); /* one citizen per course here */
    free(out);
    ov_arena_destroy(a);
}

static void a_team_narrows_and_bad_queries_are_refused(void **state)
{
    (void)state;
    ov_ind_query q = year_250();
    ov_tx *tx;
    ov_err err;
    ov_indicator all[OV_IND_COUNT], team[OV_IND_COUNT];
    int n_all = 0, n_team = 0;
    assert_int_equal(ov_tx_begin_audited(store, &leader, &tx, &err), OV_OK);
    assert_int_equal(ov_ind_read(tx, &q, all, &n_all, &err), OV_OK);
    char *out = tu_sh_out("sqlite3 '%s' \"SELECT min(id) FROM team WHERE "
                          "municipality_code = 250\"",
                          db);
    q.team_id = atoll(out);
    free(out);
    assert_int_equal(ov_ind_read(tx, &q, team, &n_team, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(n_team > 0 && n_team < n_all);
    assert_true(team[OV_IND_START_MEETING_COMPLETE].denominator <
                all[OV_IND_START_MEETING_COMPLETE].denominator);
    /* Tønder's team: not found, as a team that does not exist */
    out = tu_sh_out("sqlite3 '%s' \"SELECT min(id) FROM team WHERE "
                    "municipality_code = 550\"",
                    db);
    q.team_id = atoll(out);
    free(out);
    assert_int_equal(ov_tx_begin_audited(store, &leader, &tx, &err), OV_OK);
    assert_int_equal(ov_ind_read(tx, &q, team, &n_team, &err), OV_ENOTFOUND);
    assert_string_equal(err.field, "team");
    ov_tx_rollback(tx);
    q.team_id = 0;
    q.to = D(2025, 1, 1); /* before from */
    assert_int_equal(ov_tx_begin_audited(store, &leader, &tx, &err), OV_OK);
    assert_int_equal(ov_ind_read(tx, &q, team, &n_team, &err), OV_EINVAL);
    assert_string_equal(err.field, "to");
    ov_tx_rollback(tx);
}

int main(int argc, char **argv)
{
    (void)argc;
    char self[512];
    snprintf(self, sizeof self, "%s", argv[0]);
    /* build/tests/store/test_indicators -> build/overgang */
    char *d = dirname(dirname(dirname(self)));
    snprintf(binary, sizeof binary, "%s/overgang", d);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            drill_down_lists_agree_with_every_numerator_on_the_demo),
        cmocka_unit_test(
            a_drill_down_is_an_audited_read_of_each_citizen_listed),
        cmocka_unit_test(a_team_narrows_and_bad_queries_are_refused),
    };
    return cmocka_run_group_tests(tests, demo_up, demo_down);
}
