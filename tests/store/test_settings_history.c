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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_change_is_recorded_with_old_and_new_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
