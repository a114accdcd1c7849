/* Each change of a municipality setting is kept with its old and new
 * value, who made it and when, and the audit row of the same write names
 * it (store/settings.h ov_settings_history). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/settings.h"
#include "support/world.h"

static void a_change_is_recorded_with_old_and_new_value(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_tx *tx;
    ov_err err;
    ov_settings s;
    ov_settings_default(&s);
    s.followup.interval_weeks = 6;
    s.cti.caseload_limit = 25;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* the same values again: no change, no history row */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* a refused value leaves no trace */
    s.followup.interval_weeks = 27;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    ov_arena *a = ov_arena_new(0);
    ov_settings_change *h;
    ov_list_info li;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_history(tx, 250, a, &h, &li, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(li.n, 2);
    bool weeks = false, limit = false;
    for (int i = 0; i < li.n; i++) {
        if (ov_str_eq_c(h[i].field, "followup_weeks")) {
            weeks = ov_str_eq_c(h[i].old_value, "4") &&
                    ov_str_eq_c(h[i].new_value, "6");
        }
        if (ov_str_eq_c(h[i].field, "cti_caseload_limit"))
            limit = ov_str_eq_c(h[i].old_value, "20") &&
                    ov_str_eq_c(h[i].new_value, "25");
        assert_true(ov_str_eq_c(h[i].changed_by, tu_actor.user));
    }
    assert_true(weeks);
    assert_true(limit);
    /* Tønder has no history of Halsnæs' */
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_history(tx, 550, a, &h, &li, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(li.n, 0);
    /* the audit row names the change */
    char *row = tu_sh_out("sqlite3 '%s' \"SELECT criterion FROM audit_log "
                          "WHERE criterion LIKE 'indstillinger%%' ORDER BY "
                          "id LIMIT 1\"",
                          w.t.db);
    assert_non_null(strstr(row, "followup_weeks 4 -> 6"));
    free(row);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* The self-efficacy items' texts (issue 13 section 3): empty by
 * default, stored and read back, each change a history row with the old
 * and new text, and a text over the cap or over two lines refused with
 * the item's field named. */
static void self_efficacy_texts_are_stored_with_their_history(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_tx *tx;
    ov_err err;
    ov_settings s;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_get(tx, 250, &s, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(ov_settings_gse_entered(&s), 0);
    assert_null(ov_settings_gse_item(&s, 0));
    assert_int_equal(ov_settings_gse_set(&s, 0,
                                         OV_STR_LIT("  Jeg klarer det  "),
                                         &err),
                     OV_OK);
    assert_int_equal(ov_settings_gse_set(&s, 9, OV_STR_LIT("Det sidste"),
                                         &err),
                     OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* change one: one more history row, old and new text */
    assert_int_equal(ov_settings_gse_set(&s, 0, OV_STR_LIT("Jeg kan"), &err),
                     OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_settings back, tonder;
    ov_arena *a = ov_arena_new(0);
    ov_settings_change *h;
    ov_list_info li;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_get(tx, 250, &back, &err), OV_OK);
    assert_int_equal(ov_settings_get(tx, 550, &tonder, &err), OV_OK);
    assert_int_equal(ov_settings_history(tx, 250, a, &h, &li, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_string_equal(ov_settings_gse_item(&back, 0), "Jeg kan");
    assert_null(ov_settings_gse_item(&back, 1));
    assert_string_equal(ov_settings_gse_item(&back, 9), "Det sidste");
    assert_int_equal(ov_settings_gse_entered(&back), 2);
    assert_int_equal(ov_settings_gse_entered(&tonder), 0);
    assert_int_equal(li.n, 3); /* newest first */
    assert_true(ov_str_eq_c(h[0].field, "gse_item1"));
    assert_true(ov_str_eq_c(h[0].old_value, "Jeg klarer det"));
    assert_true(ov_str_eq_c(h[0].new_value, "Jeg kan"));
    assert_true(ov_str_eq_c(h[1].field, "gse_item10") ||
                ov_str_eq_c(h[2].field, "gse_item10"));
    /* refused: too long, or a line break */
    char longer[OV_GSE_ITEM_MAX + 2];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_int_equal(ov_settings_gse_set(&s, 3, ov_str_c(longer), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "gse_item4");
    assert_int_equal(ov_settings_gse_set(&s, 4, OV_STR_LIT("to\nlinjer"),
                                         &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "gse_item5");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_change_is_recorded_with_old_and_new_value),
        cmocka_unit_test(self_efficacy_texts_are_stored_with_their_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
