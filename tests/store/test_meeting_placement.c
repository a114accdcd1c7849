/* Start meetings, follow-ups, placements, versioned work agreements with
 * sign-offs and the hours log, in storage. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/course.h"
#include "store/meeting.h"
#include "store/placement.h"
#include "support/world.h"

#define A(r) OV_ATTEND(OV_ROLE_##r)
#define FULL (A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(CTI_WORKER) | \
              A(COMPANY_CONSULTANT))

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
static const ov_date TODAY = 20779; /* 2026-11-22 */

static int64_t count(tu_world *w, const char *table)
{
    char *n = tu_sh_out("sqlite3 '%s' 'SELECT count(*) FROM %s'", w->t.db,
                        table);
    int64_t v = atoll(n);
    free(n);
    return v;
}


static ov_status record(tu_world *w, int64_t course, ov_meeting_input *in,
                        bool *complete, ov_err *err)
{
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_tx *tx;
    int64_t id;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, err), OV_OK);
    ov_meeting_record(tx, course, in, &d, TODAY, &id, complete, err);
    return ov_tx_commit(tx, err);
}

static void an_incomplete_start_meeting_is_kept_but_does_not_start_the_course(void **state)
{
    (void)state;
    assert_int_equal(TODAY, D(2026, 11, 22));
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = D(2026, 9, 8),
                           .attendees = A(CITIZEN) | A(CTI_WORKER)};
    bool complete = true;
    ov_err err;
    assert_int_equal(record(&w, course, &in, &complete, &err), OV_OK);
    assert_false(complete);
    assert_int_equal(tu_stage(&w, course), OV_STAGE_DRAWN);
    ov_assessment_item items[] = {
        {OV_STR_LIT("housing"), OV_STR_LIT("Jeg bor hos min mor"),
         OV_STR_LIT("Stabil adresse"), OV_STR_LIT("For lidt plads"), 2},
        {OV_STR_LIT("mental_health"), OV_STR_LIT("Jeg er ofte nervøs"),
         OV_STR_LIT(""), OV_STR_LIT("Angst"), -1},
    };
    in.attendees = FULL;
    in.held_on = D(2026, 9, 15);
    in.wishes = OV_STR_LIT("Arbejde med dyr");
    in.items = items;
    in.nitems = 2;
    assert_int_equal(record(&w, course, &in, &complete, &err), OV_OK);
    assert_true(complete);
    assert_int_equal(tu_stage(&w, course), OV_STAGE_START);
    assert_int_equal(count(&w, "assessment_item"), 2);
    assert_int_equal(count(&w, "meeting_attendee"), 2 + 4);
    tu_db_free(&w.t);
}

static void bad_meetings_write_nothing(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    int64_t audit_before = count(&w, "audit_log");
    bool complete;
    ov_err err;
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = TODAY + 1,
                           .attendees = FULL};
    assert_int_equal(record(&w, course, &in, &complete, &err), OV_EINVAL);
    assert_string_equal(err.field, "held_on");
    in.held_on = D(2026, 8, 31);
    assert_int_equal(record(&w, course, &in, &complete, &err), OV_EINVAL);
    in.held_on = D(2026, 9, 2);
    ov_assessment_item bad[] = {{OV_STR_LIT("hobby"), OV_STR_LIT(""),
                                 OV_STR_LIT(""), OV_STR_LIT(""), 1}};
    in.items = bad;
    in.nitems = 1;
    assert_int_equal(record(&w, course, &in, &complete, &err), OV_EINVAL);
    assert_string_equal(err.field, "assessment[0].domain");
    ov_assessment_item twice[] = {
        {OV_STR_LIT("housing"), OV_STR_LIT(""), OV_STR_LIT(""), OV_STR_LIT(""), 1},
        {OV_STR_LIT("housing"), OV_STR_LIT(""), OV_STR_LIT(""), OV_STR_LIT(""), 2}};
    in.items = twice;
    in.nitems = 2;
    assert_int_equal(record(&w, course, &in, &complete, &err), OV_EINVAL);
    /* a follow-up before any complete start meeting */
    ov_meeting_input f = {.kind = OV_MEETING_FOLLOWUP, .held_on = D(2026, 9, 9),
                          .attendees = FULL};
    assert_int_equal(record(&w, course, &f, &complete, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "start meeting before follow-ups"));
    assert_int_equal(count(&w, "meeting"), 0);
    assert_int_equal(count(&w, "audit_log"), audit_before);
    tu_db_free(&w.t);
}

static void a_placement_needs_the_start_meeting_first(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_tx *tx;
    ov_err err;
    int64_t pid;
    ov_placement p = {OV_PLACE_INTERNSHIP, w.company, D(2026, 10, 1), false, 0,
                      150};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_placement_create(tx, course, &p, &pid, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "start");
    ov_tx_rollback(tx);
    bool complete;
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = D(2026, 9, 15),
                           .attendees = FULL};
    assert_int_equal(record(&w, course, &in, &complete, &err), OV_OK);
    p.start = D(2026, 9, 14);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_placement_create(tx, course, &p, &pid, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "15-09-2026"));
    ov_tx_rollback(tx);
    p.start = D(2026, 10, 1);
    p.company_id = 999;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_placement_create(tx, course, &p, &pid, &err),
                     OV_ENOTFOUND);
    assert_string_equal(err.field, "company_id");
    ov_tx_rollback(tx);
    p.company_id = w.company;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_placement_create(tx, course, &p, &pid, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(tu_stage(&w, course), OV_STAGE_PLACEMENT);
    tu_db_free(&w.t);
}

static int64_t placed(tu_world *w)
{
    int64_t course = tu_course(w, D(2026, 9, 1));
    bool complete;
    ov_err err;
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = D(2026, 9, 15),
                           .attendees = FULL};
    assert_int_equal(record(w, course, &in, &complete, &err), OV_OK);
    ov_placement p = {OV_PLACE_INTERNSHIP, w->company, D(2026, 10, 1), false,
                      0, 150};
    ov_tx *tx;
    int64_t pid;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_placement_create(tx, course, &p, &pid, &err);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return pid;
}

static void work_agreements_are_versioned_and_stale_edits_conflict(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t pid = placed(&w);
    ov_agreement a = {.internship_hours_x10 = 150,
                      .ordinary_hours_x10 = 0,
                      .tasks = OV_STR_LIT("Pluk og pak på lageret"),
                      .accommodations = OV_STR_LIT("Rolig plads"),
                      .ngoals = 1,
                      .review_date = D(2026, 12, 1)};
    a.goals[0] = (ov_agreement_goal){OV_STR_LIT("2 ordinære timer"), false};
    ov_tx *tx;
    ov_err err;
    int v = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_agreement_save(tx, pid, 0, &a, &v, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(v, 1);
    a.ordinary_hours_x10 = 20;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_agreement_save(tx, pid, 1, &a, &v, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(v, 2);
    /* someone else still editing version 1 */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_agreement_save(tx, pid, 1, &a, &v, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    assert_non_null(strstr(err.msg, "now version 2, you edited version 1"));
    assert_int_equal(count(&w, "agreement_version"), 2);
    assert_int_equal(count(&w, "agreement_goal"), 2);
    /* sign-offs on the current version only */
    unsigned mask = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_agreement_sign(tx, pid, 1, OV_SIGN_CITIZEN, &mask,
                                       &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_agreement_sign(tx, pid, 2, OV_SIGN_CITIZEN, &mask,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_agreement_sign(tx, pid, 2, OV_SIGN_EMPLOYER, &mask,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(mask, OV_SIGN_CITIZEN | OV_SIGN_EMPLOYER);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_agreement_sign(tx, pid, 2, OV_SIGN_CONSULTANT, &mask,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(mask, OV_SIGN_ALL);
    /* an invalid agreement writes nothing */
    a.ngoals = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_agreement_save(tx, pid, 2, &a, &v, &err), OV_EINVAL);
    assert_int_equal(ov_tx_commit(tx, &err), OV_EINVAL);
    assert_int_equal(count(&w, "agreement_version"), 2);
    tu_db_free(&w.t);
}

static void the_hours_log_is_per_iso_week_and_corrects_in_place(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t pid = placed(&w);
    ov_tx *tx;
    ov_err err;
    ov_hours_week weeks[] = {{2026, 45, 150, 0}, {2026, 41, 120, 0},
                             {2026, 45, 150, 30}};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    for (int i = 0; i < 3; i++)
        assert_int_equal(ov_hours_put(tx, pid, &weeks[i], &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_hours_week out[8];
    int n = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_hours_list(tx, pid, out, 8, &n, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(n, 2);
    assert_int_equal(out[0].iso_week, 41);
    assert_int_equal(out[1].ordinary_x10, 30);
    /* a week before the placement started (W39 = 21-27 Sep) is refused */
    ov_hours_week early = {2026, 39, 100, 0};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_hours_put(tx, pid, &early, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    assert_int_equal(count(&w, "hours_week"), 2);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_incomplete_start_meeting_is_kept_but_does_not_start_the_course),
        cmocka_unit_test(bad_meetings_write_nothing),
        cmocka_unit_test(a_placement_needs_the_start_meeting_first),
        cmocka_unit_test(work_agreements_are_versioned_and_stale_edits_conflict),
        cmocka_unit_test(the_hours_log_is_per_iso_week_and_corrects_in_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
