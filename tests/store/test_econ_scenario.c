/* Saved economics scenarios (store/econ_scenario.h): a name saved twice
 * keeps both rows and the list shows the newest with the author and the
 * number of versions; another municipality's scenario, and a national one
 * for a municipality, answers as one that does not exist; a bad name
 * writes nothing; each save has its audit row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/econ_scenario.h"
#include "support/world.h"

static int64_t save(tu_world *w, int muni, int64_t author, const char *name,
                    const char *json)
{
    ov_tx *tx;
    ov_err err;
    int64_t id = 0;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_status st = ov_econ_saved_add(tx, muni, author, ov_str_c(name),
                                     ov_str_c(json), &id, &err);
    if (st != OV_OK)
        fail_msg("save %s: %s", name, err.msg);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return id;
}

static int rows(const tu_world *w)
{
    char *out = tu_sh_out("sqlite3 -readonly '%s' 'SELECT count(*) FROM "
                          "econ_scenario'",
                          w->t.db);
    int n = atoi(out);
    free(out);
    return n;
}

static void a_name_saved_again_keeps_its_history_and_lists_the_newest(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t a1 = save(&w, 250, w.leader, "Scenarie C", "{\"horizon\":5}");
    int64_t b = save(&w, 250, w.leader, "Andet", "{\"horizon\":3}");
    int64_t a2 = save(&w, 250, w.job, "Scenarie C", "{\"horizon\":6}");
    assert_true(a1 < b && b < a2);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err;
    ov_econ_saved *l;
    ov_list_info li;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_econ_saved_list(tx, 250, OV_STR_NULL, a, &l, &li,
                                        &err),
                     OV_OK);
    /* the newest per name, newest first */
    assert_int_equal(li.n, 2);
    assert_int_equal(li.total, 2);
    assert_false(li.truncated);
    assert_int_equal(l[0].id, a2);
    assert_true(ov_str_eq_c(l[0].name, "Scenarie C"));
    assert_int_equal(l[0].versions, 2);
    assert_int_equal(l[0].author_id, w.job);
    assert_true(l[0].author.len > 0);
    assert_int_equal(l[0].created_at.len >= 19, 1);
    assert_int_equal(l[1].id, b);
    assert_int_equal(l[1].versions, 1);
    /* the history of one name: both rows */
    assert_int_equal(ov_econ_saved_list(tx, 250, OV_STR_LIT("Scenarie C"), a,
                                        &l, &li, &err),
                     OV_OK);
    assert_int_equal(li.n, 2);
    assert_int_equal(l[0].id, a2);
    assert_int_equal(l[1].id, a1);
    /* each row keeps its own scenario */
    ov_econ_saved one;
    ov_str json;
    assert_int_equal(ov_econ_saved_get(tx, 250, a1, a, &one, &json, &err),
                     OV_OK);
    assert_true(ov_str_eq_c(json, "{\"horizon\":5}"));
    assert_int_equal(one.author_id, w.leader);
    ov_tx_rollback(tx);
    /* one audit row per save, naming the scenario */
    char *out = tu_sh_out("sqlite3 -readonly '%s' \"SELECT count(*) FROM "
                          "audit_log WHERE action = 'create' AND criterion "
                          "LIKE 'økonomisk scenarie %%'\"",
                          w.t.db);
    assert_string_equal(out, "3\n");
    free(out);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void another_municipalitys_scenario_answers_as_a_missing_one(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t halsnaes = save(&w, 250, w.leader, "Halsnæs", "{}");
    int64_t national = save(&w, 0, w.leader, "Nationalt", "{}");
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err, missing;
    ov_econ_saved one;
    ov_str json;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_econ_saved_get(tx, 250, 987654, a, &one, &json,
                                       &missing),
                     OV_ENOTFOUND);
    /* Tønder asks for Halsnæs' scenario; a municipality for a national
     * one; the nation for a municipality's: each as the missing id */
    const struct {
        int muni;
        int64_t id;
    } probes[] = {{550, halsnaes}, {250, national}, {0, halsnaes}};
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        assert_int_equal(ov_econ_saved_get(tx, probes[i].muni, probes[i].id,
                                           a, &one, &json, &err),
                         OV_ENOTFOUND);
        assert_string_equal(err.msg, missing.msg);
        assert_null(json.ptr);
    }
    ov_econ_saved *l;
    ov_list_info li;
    assert_int_equal(ov_econ_saved_list(tx, 550, OV_STR_NULL, a, &l, &li,
                                        &err),
                     OV_OK);
    assert_int_equal(li.n, 0);
    assert_int_equal(ov_econ_saved_list(tx, 0, OV_STR_NULL, a, &l, &li, &err),
                     OV_OK);
    assert_int_equal(li.n, 1);
    assert_int_equal(l[0].id, national);
    assert_int_equal(l[0].municipality_code, 0);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void a_bad_name_or_scenario_is_refused_by_field_and_writes_nothing(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    char longname[OV_ECON_SAVED_NAME_MAX + 2];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    const struct {
        const char *name, *json, *field;
    } bad[] = {
        {"", "{}", "name"},
        {longname, "{}", "name"},
        {"to\nlinjer", "{}", "name"},
        {" foran", "{}", "name"},
        {"Tomt", "", "scenario"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ov_tx *tx;
        ov_err err;
        int64_t id = 1;
        assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
        assert_int_equal(ov_econ_saved_add(tx, 250, w.leader,
                                           ov_str_c(bad[i].name),
                                           ov_str_c(bad[i].json), &id, &err),
                         OV_EINVAL);
        assert_string_equal(err.field, bad[i].field);
        assert_int_equal(id, 0);
        assert_int_not_equal(ov_tx_commit(tx, &err), OV_OK);
    }
    assert_int_equal(rows(&w), 0);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            a_name_saved_again_keeps_its_history_and_lists_the_newest),
        cmocka_unit_test(
            another_municipalitys_scenario_answers_as_a_missing_one),
        cmocka_unit_test(
            a_bad_name_or_scenario_is_refused_by_field_and_writes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
