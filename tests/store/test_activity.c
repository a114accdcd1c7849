/* The activity a municipality registered in a period (store/activity.h):
 * hand-made courses with meetings and their attendees, CTI contacts,
 * placements and proposals, in and out of the period, on the period's
 * first and last days, and in another municipality; the counts are exact.
 * Everything is written through the store's own functions, so the data is
 * what the application writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/activity.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/cti.h"
#include "store/match.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define TODAY D(2026, 11, 22)
/* the period counted below */
#define FROM D(2026, 3, 1)
#define TO D(2026, 8, 31)

#define A(r) OV_ATTEND(OV_ROLE_##r)
#define FULL (A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(CTI_WORKER) | \
              A(COMPANY_CONSULTANT))

/* The fixture: the world, plus what the hand-made courses need. */
typedef struct fx {
    tu_world w;
    ov_tx *tx;   /* the open write transaction of the set-up */
    ov_err err;
    int64_t company_tonder, opening, opening_tonder;
    int ncitizens;
} fx;

static int64_t new_citizen(fx *f)
{
    /* distinct birth dates, so distinct CPR numbers */
    char cpr[16];
    snprintf(cpr, sizeof cpr, "%02d0185-1234", ++f->ncitizens);
    int64_t id = 0;
    if (ov_citizen_create(f->tx, OV_STR_LIT("Borger"), ov_str_c(cpr), &id,
                          &f->err) != OV_OK)
        fail_msg("citizen %s: %s", cpr, f->err.msg);
    return id;
}

static int64_t course(fx *f, int64_t team, ov_stage stage, ov_date start)
{
    int64_t id = 0;
    if (ov_course_create(f->tx, new_citizen(f), team, stage, start, &id,
                         &f->err) != OV_OK)
        fail_msg("course: %s", f->err.msg);
    return id;
}

static void meeting(fx *f, int64_t c, ov_meeting_kind kind, ov_date on,
                    ov_attendees who)
{
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = kind, .held_on = on, .attendees = who};
    int64_t id;
    bool complete;
    if (ov_meeting_record(f->tx, c, &in, &d, TODAY, &id, &complete,
                          &f->err) != OV_OK)
        fail_msg("meeting: %s", f->err.msg);
}

/* CTI under SEL § 85 for 12 months */
static void cti(fx *f, int64_t c, ov_date start)
{
    ov_cti_rules rules = ov_cti_rules_default();
    if (ov_cti_start(f->tx, c, OV_BASIS_SEL85, 12, start, &rules,
                     &f->err) != OV_OK)
        fail_msg("cti: %s", f->err.msg);
}

static void contact(fx *f, int64_t c, ov_date on, int minutes)
{
    ov_cti_contact k = {on, OV_FORM_MEETING, minutes, OV_STR_LIT("Søvn"),
                        OV_STR_LIT("")};
    int64_t id;
    if (ov_cti_log_contact(f->tx, c, &k, TODAY, &id, &f->err) != OV_OK)
        fail_msg("contact: %s", f->err.msg);
}

static void placement(fx *f, int64_t c, int64_t company, ov_date start,
                      bool has_end, ov_date end)
{
    ov_placement p = {OV_PLACE_INTERNSHIP, company, start, has_end, end, 100};
    int64_t id;
    if (ov_placement_create(f->tx, c, &p, &id, &f->err) != OV_OK)
        fail_msg("placement: %s", f->err.msg);
}

static void propose(fx *f, int64_t c, int64_t opening, ov_date on)
{
    int64_t id;
    if (ov_match_propose(f->tx, c, opening, 0.5, on, &id, &f->err) != OV_OK)
        fail_msg("proposal: %s", f->err.msg);
}

static void end(fx *f, int64_t c, ov_date on)
{
    if (ov_course_end(f->tx, c, OV_END_OTHER_EFFORT, OV_STR_LIT(""), on,
                      TODAY, &f->err) != OV_OK)
        fail_msg("end: %s", f->err.msg);
}

static void begin(fx *f)
{
    assert_int_equal(ov_tx_begin(f->w.t.store, &tu_actor, &f->tx, &f->err),
                     OV_OK);
}

static void commit(fx *f)
{
    if (ov_tx_commit(f->tx, &f->err) != OV_OK)
        fail_msg("commit: %s", f->err.msg);
}

static void setup(fx *f)
{
    memset(f, 0, sizeof *f);
    tu_world_init(&f->w);
    begin(f);
    ov_opening o = {0, OV_STR_LIT("Pasning af dyr"), OV_STR_LIT("9211"), 10,
                    25, 0, OV_ORD_NOW, true, 0, 0};
    if (ov_opening_create(f->tx, f->w.company, &o, &f->err) != OV_OK)
        fail_msg("opening: %s", f->err.msg);
    f->opening = o.id;
    if (ov_org_company_create(f->tx, OV_STR_LIT("23456788"),
                              OV_STR_LIT("Tønder Mejeri A/S"), 550, 6270,
                              &f->company_tonder, &f->err) != OV_OK)
        fail_msg("company: %s", f->err.msg);
    ov_opening t = o;
    if (ov_opening_create(f->tx, f->company_tonder, &t, &f->err) != OV_OK)
        fail_msg("opening: %s", f->err.msg);
    f->opening_tonder = t.id;
    commit(f);
}

static ov_status summary(fx *f, int muni, ov_date from, ov_date to,
                         ov_activity_summary *s, ov_err *err)
{
    ov_tx *tx;
    assert_int_equal(ov_tx_begin_read(f->w.t.store, &tx, err), OV_OK);
    ov_status st = ov_store_activity_summary(tx, muni, from, to, s, err);
    if (st == OV_OK)
        assert_int_equal(ov_tx_commit(tx, err), OV_OK);
    else
        ov_tx_rollback(tx);
    return st;
}

static void counts_are_exact_for_the_period_and_the_municipality(
    void **state)
{
    (void)state;
    fx f;
    setup(&f);
    int64_t nord = f.w.team;
    begin(&f);
    /* A: open, active all period. Start meeting and a placement before
     * the period; a placement that ends in it (from a Sunday, the
     * period's first day, to Wednesday: 2 ISO weeks); follow-ups on the
     * period's first and last days count, the day after does not; one
     * that starts in it and stays open (Thursday 20 to Monday 31 August:
     * 3 weeks). */
    int64_t a = course(&f, nord, OV_STAGE_DRAWN, D(2026, 1, 10));
    meeting(&f, a, OV_MEETING_START, D(2026, 1, 15), FULL);
    cti(&f, a, D(2026, 2, 1));
    contact(&f, a, D(2026, 2, 28), 60);        /* before */
    contact(&f, a, D(2026, 3, 1), 45);         /* first day */
    contact(&f, a, D(2026, 6, 30), 30);
    contact(&f, a, D(2026, 9, 1), 90);         /* after */
    propose(&f, a, f.opening, D(2026, 2, 28)); /* before */
    propose(&f, a, f.opening, D(2026, 3, 1));
    propose(&f, a, f.opening, D(2026, 8, 31));
    placement(&f, a, f.w.company, D(2026, 1, 20), true, D(2026, 2, 10));
    placement(&f, a, f.w.company, D(2026, 2, 16), true, D(2026, 3, 4));
    placement(&f, a, f.w.company, D(2026, 8, 20), false, 0);
    meeting(&f, a, OV_MEETING_FOLLOWUP, D(2026, 3, 1),
            A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(SOCIAL_CASEWORKER) |
                A(CTI_WORKER));
    meeting(&f, a, OV_MEETING_FOLLOWUP, D(2026, 8, 31),
            A(CTI_WORKER) | A(COMPANY_CONSULTANT));
    meeting(&f, a, OV_MEETING_FOLLOWUP, D(2026, 9, 1), FULL); /* after */
    /* E: ends in the period; its open placement stops with the course
     * (Tuesday 10 March to Wednesday 15 April: 6 weeks); a start meeting
     * with the social caseworker too */
    int64_t e = course(&f, nord, OV_STAGE_DRAWN, D(2025, 6, 1));
    meeting(&f, e, OV_MEETING_START, D(2026, 3, 2),
            FULL | A(SOCIAL_CASEWORKER));
    cti(&f, e, D(2026, 3, 2));
    contact(&f, e, D(2026, 4, 10), 20);
    placement(&f, e, f.w.company, D(2026, 3, 10), false, 0);
    end(&f, e, D(2026, 4, 15));
    /* F: ended on the period's first day: active on that day */
    int64_t fc = course(&f, f.w.other_team, OV_STAGE_DRAWN, D(2025, 5, 1));
    end(&f, fc, D(2026, 3, 1));
    /* B: ended the day before the period, with activity while it ran */
    int64_t b = course(&f, nord, OV_STAGE_DRAWN, D(2025, 2, 1));
    meeting(&f, b, OV_MEETING_START, D(2025, 2, 10), FULL);
    placement(&f, b, f.w.company, D(2025, 3, 1), false, 0);
    end(&f, b, D(2026, 2, 28));
    /* C: starts the day after the period */
    course(&f, nord, OV_STAGE_DRAWN, D(2026, 9, 1));
    /* S: screened only, never drawn: no course of the intervention */
    course(&f, nord, OV_STAGE_SCREENED, D(2026, 1, 1));
    /* T: Tønder, everything in the period: counted only for Tønder */
    int64_t t = course(&f, f.w.team_tonder, OV_STAGE_DRAWN, D(2026, 1, 1));
    meeting(&f, t, OV_MEETING_START, D(2026, 4, 1), FULL);
    meeting(&f, t, OV_MEETING_FOLLOWUP, D(2026, 5, 1), FULL);
    cti(&f, t, D(2026, 4, 1));
    contact(&f, t, D(2026, 4, 2), 50);
    propose(&f, t, f.opening_tonder, D(2026, 4, 3));
    placement(&f, t, f.company_tonder, D(2026, 4, 6), true, D(2026, 4, 12));
    commit(&f);

    ov_activity_summary s;
    ov_err err;
    assert_int_equal(summary(&f, 250, FROM, TO, &s, &err), OV_OK);
    assert_int_equal(s.from, FROM);
    assert_int_equal(s.to, TO);
    assert_int_equal(s.citizens, 3); /* A, E, F */
    assert_int_equal(s.events[OV_ACT_START_MEETING], 1);
    assert_int_equal(s.events[OV_ACT_FOLLOWUP], 2);
    assert_int_equal(s.events[OV_ACT_CTI_CONTACT], 3);
    assert_int_equal(s.recorded_minutes[OV_ACT_CTI_CONTACT], 45 + 30 + 20);
    assert_int_equal(s.events[OV_ACT_PLACEMENT_WEEK], 2 + 3 + 6);
    assert_int_equal(s.events[OV_ACT_PROPOSAL], 2);
    /* the start meeting's staff: job, social, CTI, consultant (the
     * citizen is no staff) */
    int64_t start_staff[OV_ACT_ROLE_N] = {1, 1, 1, 1};
    int64_t followup_staff[OV_ACT_ROLE_N] = {1, 1, 2, 1};
    for (int r = 0; r < OV_ACT_ROLE_N; r++) {
        assert_int_equal(s.staff[OV_ACT_START_MEETING][r], start_staff[r]);
        assert_int_equal(s.staff[OV_ACT_FOLLOWUP][r], followup_staff[r]);
    }
    int64_t cti_staff[OV_ACT_ROLE_N] = {0, 0, 3, 0};
    int64_t week_staff[OV_ACT_ROLE_N] = {0, 0, 0, 11};
    int64_t proposal_staff[OV_ACT_ROLE_N] = {0, 0, 0, 2};
    for (int r = 0; r < OV_ACT_ROLE_N; r++) {
        assert_int_equal(s.staff[OV_ACT_CTI_CONTACT][r], cti_staff[r]);
        assert_int_equal(s.staff[OV_ACT_PLACEMENT_WEEK][r], week_staff[r]);
        assert_int_equal(s.staff[OV_ACT_PROPOSAL][r], proposal_staff[r]);
    }
    for (int k = 0; k < OV_ACT_N; k++)
        if (k != OV_ACT_CTI_CONTACT)
            assert_int_equal(s.recorded_minutes[k], 0);

    /* Tønder's own: one course, its week of placement (Monday to Sunday)
     * is one week */
    assert_int_equal(summary(&f, 550, FROM, TO, &s, &err), OV_OK);
    assert_int_equal(s.citizens, 1);
    assert_int_equal(s.events[OV_ACT_START_MEETING], 1);
    assert_int_equal(s.events[OV_ACT_FOLLOWUP], 1);
    assert_int_equal(s.events[OV_ACT_CTI_CONTACT], 1);
    assert_int_equal(s.recorded_minutes[OV_ACT_CTI_CONTACT], 50);
    assert_int_equal(s.events[OV_ACT_PLACEMENT_WEEK], 1);
    assert_int_equal(s.events[OV_ACT_PROPOSAL], 1);
    assert_int_equal(s.staff[OV_ACT_FOLLOWUP][OV_ACT_ROLE_SOCIAL], 0);
    assert_int_equal(s.staff[OV_ACT_FOLLOWUP][OV_ACT_ROLE_COMPANY], 1);

    /* one day: 1 March 2026 holds A's contact, proposal and follow-up, and
     * A's placement's first week (a Sunday) */
    assert_int_equal(summary(&f, 250, FROM, FROM, &s, &err), OV_OK);
    assert_int_equal(s.citizens, 3);
    assert_int_equal(s.events[OV_ACT_START_MEETING], 0);
    assert_int_equal(s.events[OV_ACT_FOLLOWUP], 1);
    assert_int_equal(s.events[OV_ACT_CTI_CONTACT], 1);
    assert_int_equal(s.events[OV_ACT_PROPOSAL], 1);
    assert_int_equal(s.events[OV_ACT_PLACEMENT_WEEK], 1);
    tu_db_free(&f.w.t);
}

/* The meetings are counted by their attendee set (the bit set on the
 * meeting row) and each set's staff multiplied by its meetings: meetings
 * that share a set count each staff member once per meeting, a leader
 * or the citizen is no staff, and a meeting of only non-staff counts as
 * a meeting with no staff. The rows of meeting_attendee say the same. */
static void meetings_with_the_same_attendees_count_their_staff_per_meeting(
    void **state)
{
    (void)state;
    fx f;
    setup(&f);
    begin(&f);
    int64_t a = course(&f, f.w.team, OV_STAGE_DRAWN, D(2026, 1, 10));
    int64_t b = course(&f, f.w.other_team, OV_STAGE_DRAWN, D(2026, 1, 10));
    meeting(&f, a, OV_MEETING_START, D(2026, 3, 2), FULL | A(LEADER));
    meeting(&f, b, OV_MEETING_START, D(2026, 3, 3), FULL | A(LEADER));
    ov_attendees pair = A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) |
                        A(CTI_WORKER);
    for (int i = 0; i < 3; i++) {
        meeting(&f, a, OV_MEETING_FOLLOWUP, D(2026, 4, 1 + i), pair);
        meeting(&f, b, OV_MEETING_FOLLOWUP, D(2026, 5, 1 + i), pair);
    }
    meeting(&f, a, OV_MEETING_FOLLOWUP, D(2026, 6, 1),
            A(CITIZEN) | A(LEADER));
    commit(&f);
    ov_activity_summary s;
    ov_err err;
    assert_int_equal(summary(&f, 250, FROM, TO, &s, &err), OV_OK);
    assert_int_equal(s.events[OV_ACT_START_MEETING], 2);
    assert_int_equal(s.events[OV_ACT_FOLLOWUP], 7);
    int64_t start_staff[OV_ACT_ROLE_N] = {2, 0, 2, 2};
    int64_t followup_staff[OV_ACT_ROLE_N] = {6, 0, 6, 0};
    for (int r = 0; r < OV_ACT_ROLE_N; r++) {
        assert_int_equal(s.staff[OV_ACT_START_MEETING][r], start_staff[r]);
        assert_int_equal(s.staff[OV_ACT_FOLLOWUP][r], followup_staff[r]);
    }
    /* the attendee rows agree: 2 + 2 + 2 staff at the start meetings, 6 +
     * 6 at the follow-ups */
    char *out = tu_sh_out(
        "sqlite3 -readonly '%s' \"SELECT count(*) FROM meeting_attendee "
        "WHERE role IN ('employment_caseworker', 'social_caseworker', "
        "'cti_worker', 'company_consultant')\"",
        f.w.t.db);
    assert_int_equal(atoi(out), 6 + 12);
    free(out);
    tu_db_free(&f.w.t);
}

static void a_municipality_without_courses_counts_nothing(void **state)
{
    (void)state;
    fx f;
    setup(&f);
    ov_activity_summary s;
    ov_err err;
    assert_int_equal(summary(&f, 550, FROM, TO, &s, &err), OV_OK);
    assert_int_equal(s.citizens, 0);
    for (int k = 0; k < OV_ACT_N; k++) {
        assert_int_equal(s.events[k], 0);
        for (int r = 0; r < OV_ACT_ROLE_N; r++)
            assert_int_equal(s.staff[k][r], 0);
    }
    tu_db_free(&f.w.t);
}

static void an_unknown_municipality_is_refused_naming_the_known_ones(
    void **state)
{
    (void)state;
    fx f;
    setup(&f);
    ov_activity_summary s;
    ov_err err;
    assert_int_equal(summary(&f, 101, FROM, TO, &s, &err), OV_ENOTFOUND);
    assert_string_equal(err.field, "municipality");
    assert_non_null(strstr(err.msg, "no municipality 101"));
    assert_non_null(strstr(err.msg, "it has: 250, 550"));
    tu_db_free(&f.w.t);
}

static void a_period_that_ends_before_it_starts_is_refused(void **state)
{
    (void)state;
    fx f;
    setup(&f);
    ov_activity_summary s;
    ov_err err;
    assert_int_equal(summary(&f, 250, TO, FROM, &s, &err), OV_EINVAL);
    assert_string_equal(err.field, "from");
    assert_non_null(strstr(err.msg, "2026-08-31, after its end 2026-03-01"));
    tu_db_free(&f.w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_are_exact_for_the_period_and_the_municipality),
        cmocka_unit_test(
            meetings_with_the_same_attendees_count_their_staff_per_meeting),
        cmocka_unit_test(a_municipality_without_courses_counts_nothing),
        cmocka_unit_test(
            an_unknown_municipality_is_refused_naming_the_known_ones),
        cmocka_unit_test(a_period_that_ends_before_it_starts_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
