/* Municipality settings in storage change the derived tasks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "store/meeting.h"
#include "store/settings.h"
#include "store/tasks.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static ov_date followup_due(tu_world *w, ov_arena *a)
{
    ov_tx *tx;
    ov_err err;
    ov_task *t;
    int n;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_tasks_for_user(tx, w->job, D(2026, 11, 22), 60, a, &t,
                                       &n, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    for (int i = 0; i < n; i++)
        if (t[i].kind == OV_TASK_FOLLOWUP)
            return t[i].due;
    fail_msg("no follow-up task");
    return 0;
}

static void settings_default_then_stored_values_drive_the_tasks(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    ov_tx *tx;
    ov_err err;
    ov_settings s;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_get(tx, 250, &s, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(s.followup.interval_weeks, 4);
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = D(2026, 11, 2),
                           .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                                        OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                                        OV_ATTEND(OV_ROLE_CTI_WORKER) |
                                        OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)};
    int64_t id;
    bool complete;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_meeting_record(tx, course, &in, &d, D(2026, 11, 22),
                                       &id, &complete, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena *a = ov_arena_new(0);
    assert_int_equal(followup_due(&w, a), D(2026, 11, 30));
    /* Halsnæs follows up every two weeks */
    s.followup.interval_weeks = 2;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(followup_due(&w, a), D(2026, 11, 16));
    /* bad values and unknown municipalities are refused, nothing stored */
    s.cti.interval_days[2] = 7;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    s.cti = ov_cti_rules_default();
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 101, &s, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    ov_settings back;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_get(tx, 250, &back, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(back.followup.interval_weeks, 2);
    assert_int_equal(back.cti.interval_days[2], 28);
    assert_int_equal(back.domains.n, 8);
    assert_string_equal(back.domains.label_da[3], "Bolig");
    /* the indicator thresholds are kept; unchanged ones stay defaults */
    assert_true(back.indicators.t[OV_IND_AGREEMENT_SIGNED].green == 90);
    back.indicators.t[OV_IND_AGREEMENT_SIGNED].green = 95;
    back.indicators.plan_days = 45;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &back, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* green below yellow when higher is better: refused */
    back.indicators.t[OV_IND_AGREEMENT_SIGNED].green = 50;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_set(tx, 250, &back, &err), OV_EINVAL);
    assert_string_equal(err.field, "agreement_signed");
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_get(tx, 250, &s, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_true(s.indicators.t[OV_IND_AGREEMENT_SIGNED].green == 95);
    assert_true(s.indicators.t[OV_IND_AGREEMENT_SIGNED].yellow == 75);
    assert_int_equal(s.indicators.plan_days, 45);
    assert_true(s.indicators.t[OV_IND_CTI_CASELOAD_MAX].green == 20);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(settings_default_then_stored_values_drive_the_tasks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
