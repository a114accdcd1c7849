/* The employer contact's figures for a week of hours (issue 14 section
 * 2): a confirmation or a correction keeps the consultant's figure next
 * to the employer's; a week the consultant has not recorded is refused
 * unless the municipality's setting employer_hours is "enter". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/meeting.h"
#include "store/placement.h"
#include "store/settings.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static int64_t placed(tu_world *w)
{
    int64_t course = tu_course(w, D(2026, 9, 1));
    ov_life_domains dom;
    ov_life_domains_default(&dom);
    ov_meeting_input in = {
        .kind = OV_MEETING_START,
        .held_on = D(2026, 9, 15),
        .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                     OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                     OV_ATTEND(OV_ROLE_CTI_WORKER) |
                     OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)};
    ov_tx *tx;
    ov_err err;
    int64_t id, pid;
    bool complete;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_meeting_record(tx, course, &in, &dom, D(2026, 11, 22), &id, &complete,
                      &err);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_placement p = {OV_PLACE_INTERNSHIP, w->company, D(2026, 10, 1), false,
                      0, 150};
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_placement_create(tx, course, &p, &pid, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return pid;
}

static ov_status employer(tu_world *w, int64_t pid, int week, int in,
                          int ord, ov_err *err)
{
    ov_tx *tx;
    ov_hours_week hw = {2026, week, in, ord};
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, err), OV_OK);
    ov_status st = ov_hours_employer(tx, pid, &hw, err);
    ov_err e2;
    if (st == OV_OK)
        return ov_tx_commit(tx, &e2);
    ov_tx_rollback(tx);
    return st;
}

static char *weeks(tu_world *w)
{
    return tu_sh_out("sqlite3 '%s' \"SELECT iso_week, internship_x10, "
                     "ordinary_x10, coalesce(employer_internship_x10, '-'), "
                     "coalesce(employer_ordinary_x10, '-'), entered_by, "
                     "employer_by IS NOT NULL, employer_at IS NOT NULL FROM "
                     "hours_week ORDER BY iso_week\"",
                     w->t.db);
}

static void the_employer_confirms_or_corrects_and_the_consultants_figure_stays(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t pid = placed(&w);
    ov_tx *tx;
    ov_err err;
    ov_hours_week hw = {2026, 41, 120, 30};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_hours_put(tx, pid, &hw, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* a week the consultant has not recorded: refused, nothing written */
    assert_int_equal(employer(&w, pid, 42, 100, 0, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "has not recorded week 2026-W42"));
    /* a correction: both figures, who and when */
    assert_int_equal(employer(&w, pid, 41, 110, 40, &err), OV_OK);
    char *rows = weeks(&w);
    assert_string_equal(rows, "41|120|30|110|40|consultant|1|1\n");
    free(rows);
    /* a week outside the placement is refused as for the consultant */
    assert_int_equal(employer(&w, pid, 30, 100, 0, &err), OV_EINVAL);
    /* enter: the employer writes a week the consultant has not */
    ov_settings s;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_settings_get(tx, 250, &s, &err), OV_OK);
    assert_int_equal(s.employer_hours, OV_EMPLOYER_HOURS_CONFIRM);
    s.employer_hours = OV_EMPLOYER_HOURS_ENTER;
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(employer(&w, pid, 42, 100, 10, &err), OV_OK);
    rows = weeks(&w);
    assert_string_equal(rows, "41|120|30|110|40|consultant|1|1\n"
                              "42|100|10|100|10|employer|1|1\n");
    free(rows);
    /* the setting's change is in its history */
    rows = tu_sh_out("sqlite3 '%s' \"SELECT field, old_value, new_value "
                     "FROM settings_change\"",
                     w.t.db);
    assert_string_equal(rows, "employer_hours|confirm|enter\n");
    free(rows);
    tu_db_free(&w.t);
}

/* Which hours count (the municipality's "hours_source"): a week the
 * employer corrected counts their figure under the default
 * (employer_where_present), a week they did not answer the consultant's;
 * under "consultant" every week counts the consultant's figure. The
 * setting's change is in its history. */
static void a_corrected_week_counts_the_employers_hours_unless_set_otherwise(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t pid = placed(&w);
    ov_tx *tx;
    ov_err err;
    ov_hours_week w41 = {2026, 41, 120, 30}, w42 = {2026, 42, 100, 50};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_hours_put(tx, pid, &w41, &err), OV_OK);
    assert_int_equal(ov_hours_put(tx, pid, &w42, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* the employer corrects week 41, leaves 42 */
    assert_int_equal(employer(&w, pid, 41, 110, 40, &err), OV_OK);
    for (int round = 0; round < 2; round++) {
        ov_arena *a = ov_arena_new(0);
        ov_settings s;
        ov_placement_row r;
        assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
        assert_int_equal(ov_settings_get(tx, 250, &s, &err), OV_OK);
        assert_int_equal(ov_placement_get(tx, pid, a, &r, &err), OV_OK);
        if (round == 0) {
            assert_int_equal(s.hours_source,
                             OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT);
            s.hours_source = OV_HOURS_SOURCE_CONSULTANT;
            assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_OK);
            s.hours_source = OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT;
        }
        assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
        assert_int_equal(r.nweeks, 2);
        const ov_hours_week *c =
            ov_placement_hours_counted(&r, s.hours_source, a);
        assert_int_equal(c[0].iso_week, 41);
        /* the default: the employer's correction; then the consultant's */
        assert_int_equal(c[0].internship_x10, round == 0 ? 110 : 120);
        assert_int_equal(c[0].ordinary_x10, round == 0 ? 40 : 30);
        /* an unanswered week is the consultant's either way */
        assert_int_equal(c[1].internship_x10, 100);
        assert_int_equal(c[1].ordinary_x10, 50);
        /* the consultant's figure is kept beside it */
        assert_int_equal(r.weeks[0].internship_x10, 120);
        ov_arena_destroy(a);
    }
    char *rows = tu_sh_out("sqlite3 '%s' \"SELECT field, old_value, "
                           "new_value FROM settings_change\"",
                           w.t.db);
    assert_string_equal(rows,
                        "hours_source|employer_where_present|consultant\n");
    free(rows);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            the_employer_confirms_or_corrects_and_the_consultants_figure_stays),
        cmocka_unit_test(
            a_corrected_week_counts_the_employers_hours_unless_set_otherwise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
