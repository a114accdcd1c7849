/* CTI course, contact log, focus areas and measurements in storage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/cti.h"
#include "store/measure.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define TODAY D(2026, 11, 22)

static void cti_starts_with_its_legal_basis_and_logs_contacts(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_cti_rules rules = ov_cti_rules_default();
    ov_tx *tx;
    ov_err err;
    /* § 85 without a length is refused, nothing written */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_cti_start(tx, course, OV_BASIS_SEL85, 0,
                                  D(2026, 9, 20), &rules, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "length_months");
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_cti_start(tx, course, OV_BASIS_SEL82B, 0,
                                  D(2026, 9, 20), &rules, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_cti_start(tx, course, OV_BASIS_SEL82B, 0,
                                  D(2026, 9, 20), &rules, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    int64_t id;
    ov_cti_contact k = {D(2026, 9, 22), OV_FORM_MEETING, 60,
                        OV_STR_LIT("Mødestabilitet"),
                        OV_STR_LIT("Borgeren kom til tiden")};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_cti_log_contact(tx, course, &k, TODAY, &id, &err),
                     OV_OK);
    k.date = D(2026, 10, 1);
    k.form = OV_FORM_WORKPLACE;
    assert_int_equal(ov_cti_log_contact(tx, course, &k, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    k.date = D(2026, 9, 19); /* before CTI started */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_cti_log_contact(tx, course, &k, TODAY, &id, &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    ov_str areas[] = {OV_STR_LIT("Økonomi"), OV_STR_LIT("Søvn")};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_cti_set_focus(tx, course, 1, areas, 2, &err), OV_OK);
    assert_int_equal(ov_cti_add_network_person(tx, course, OV_STR_LIT("Lise"),
                                               OV_STR_LIT("Søster"), &id,
                                               &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena *a = ov_arena_new(0);
    ov_cti_state cs;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_cti_load(tx, course, a, &cs, &err), OV_OK);
    int load = 0;
    assert_int_equal(ov_cti_caseload(tx, w.cti, &load, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(cs.started);
    assert_int_equal(cs.basis, OV_BASIS_SEL82B);
    assert_int_equal(cs.course.months, 6);
    assert_int_equal(cs.course.phase_start[1], D(2026, 11, 20));
    assert_int_equal(cs.ncontacts, 2);
    /* the contact's note is kept and read back with it */
    assert_true(ov_str_eq_c(cs.contacts[0].note, "Borgeren kom til tiden"));
    assert_int_equal(cs.contacts[1].form, OV_FORM_WORKPLACE);
    assert_int_equal(load, 1);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void measurements_are_scored_dated_and_listed(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_tx *tx;
    ov_err err;
    int64_t id;
    ov_measurement m = {.instrument = OV_INSTR_WHO5, .taken_on = D(2026, 9, 2),
                        .nitems = 5, .items = {2, 3, 2, 3, 2},
                        .entered_by = OV_BY_CITIZEN};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &m, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(m.score, 48);
    m.taken_on = D(2026, 11, 20);
    m.items[0] = 4;
    m.items[1] = 4;
    m.items[2] = 3;
    assert_int_equal(ov_measure_record(tx, course, &m, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* bad item, future date, missing rater: refused */
    m.items[2] = 6;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &m, TODAY, &id, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "who5_item_3");
    ov_tx_rollback(tx);
    m.items[2] = 3;
    m.taken_on = TODAY + 1;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &m, TODAY, &id, &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    ov_measurement r = {.instrument = OV_INSTR_READINESS,
                        .taken_on = D(2026, 9, 2), .nitems = 1, .items = {4},
                        .entered_by = OV_BY_STAFF};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &r, TODAY, &id, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "rater");
    ov_tx_rollback(tx);
    ov_measurement *list = NULL;
    ov_list_info li;
    ov_arena *a = ov_arena_new(0);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_list(tx, course, OV_INSTR_WHO5, 8, a, &list,
                                     &li, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(li.n, 2);
    assert_int_equal(li.total, 2);
    assert_false(li.truncated);
    assert_int_equal(list[0].instrument, OV_INSTR_WHO5);
    assert_int_equal(list[0].score, 48);
    assert_int_equal(list[1].score, 64);
    assert_int_equal(list[1].items[0], 4);
    assert_int_equal(list[1].entered_by, OV_BY_CITIZEN);
    assert_int_equal(ov_who5_change(list[0].score, list[1].score), 1);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* A questionnaire answered for a date is not answered again for it, by
 * the citizen or by staff (issue 14); readiness rated by the citizen and
 * by the CTI worker on the same day are two answers. */
static void a_questionnaire_is_answered_once_per_date(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_tx *tx;
    ov_err err;
    int64_t id, first;
    ov_measurement m = {.instrument = OV_INSTR_WHO5, .taken_on = D(2026, 9, 2),
                        .nitems = 5, .items = {2, 3, 2, 3, 2},
                        .entered_by = OV_BY_CITIZEN};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &m, TODAY, &first, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_measurement again = m;
    again.entered_by = OV_BY_STAFF;
    again.items[0] = 5;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &again, TODAY, &id, &err),
                     OV_ECONFLICT);
    assert_string_equal(err.field, "taken_on");
    assert_non_null(strstr(err.msg, "already answered"));
    ov_tx_rollback(tx);
    /* another day, or another instrument the same day: fine */
    again.taken_on = D(2026, 9, 3);
    ov_measurement gse = {.instrument = OV_INSTR_GSE,
                          .taken_on = D(2026, 9, 2), .nitems = 10,
                          .items = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2},
                          .entered_by = OV_BY_CITIZEN};
    ov_measurement r1 = {.instrument = OV_INSTR_READINESS,
                         .taken_on = D(2026, 9, 2), .nitems = 1, .items = {4},
                         .has_rater = true, .rater = OV_RATER_CITIZEN,
                         .entered_by = OV_BY_CITIZEN};
    ov_measurement r2 = r1;
    r2.rater = OV_RATER_CTI_WORKER;
    r2.entered_by = OV_BY_STAFF;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &again, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &gse, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &r1, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &r2, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* the citizen's own rating twice: refused */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &r1, TODAY, &id, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cti_starts_with_its_legal_basis_and_logs_contacts),
        cmocka_unit_test(measurements_are_scored_dated_and_listed),
        cmocka_unit_test(a_questionnaire_is_answered_once_per_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
