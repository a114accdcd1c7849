/*
 * The calendar's subscription tokens and events (store/calendar.h): a
 * token names its user until it is renewed or revoked; only its hash is
 * stored and no audit row carries it; the events are those of the courses
 * the user is named on, with the citizen's first name only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/calendar.h"
#include "store/meeting.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define TODAY D(2026, 11, 22)

static void renew(tu_world *w, int64_t user, char token[OV_CAL_TOKEN_HEX])
{
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_calendar_token_renew(tx, user, token, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(strlen(token), 64);
}

/* The user a token names, 0 when none. */
static int64_t owner(tu_world *w, const char *token)
{
    ov_tx *tx;
    ov_err err;
    ov_cal_owner o;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_status st = ov_calendar_token_owner(tx, ov_str_c(token), &o, &err);
    ov_tx_rollback(tx);
    if (st == OV_ENOTFOUND)
        return 0;
    assert_int_equal(st, OV_OK);
    return o.viewer.user_id;
}

static void a_token_names_its_user_until_renewed_or_revoked(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    char t1[OV_CAL_TOKEN_HEX], t2[OV_CAL_TOKEN_HEX], t3[OV_CAL_TOKEN_HEX];
    renew(&w, w.job, t1);
    renew(&w, w.cti, t3);
    assert_int_equal(owner(&w, t1), w.job);
    assert_int_equal(owner(&w, t3), w.cti);
    /* renewing: the old address stops working at once */
    renew(&w, w.job, t2);
    assert_string_not_equal(t1, t2);
    assert_int_equal(owner(&w, t1), 0);
    assert_int_equal(owner(&w, t2), w.job);
    /* malformed tokens are unknown, not errors */
    assert_int_equal(owner(&w, ""), 0);
    assert_int_equal(owner(&w, "abc"), 0);
    char bad[OV_CAL_TOKEN_HEX];
    memcpy(bad, t2, sizeof bad);
    bad[63] = 'x';
    assert_int_equal(owner(&w, bad), 0);
    /* revoking */
    ov_tx *tx;
    ov_err err;
    bool had;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_calendar_token_revoke(tx, w.job, &had, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(had);
    assert_int_equal(owner(&w, t2), 0);
    assert_int_equal(owner(&w, t3), w.cti); /* another user's stays */
    bool has;
    ov_time since;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_calendar_token_revoke(tx, w.job, &had, &err), OV_OK);
    assert_false(had);
    assert_int_equal(ov_calendar_token_info(tx, w.job, &has, &since, &err),
                     OV_OK);
    assert_false(has);
    assert_int_equal(ov_calendar_token_info(tx, w.cti, &has, &since, &err),
                     OV_OK);
    assert_true(has);
    assert_true(since > 0);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    /* the token itself is nowhere in the database: only its hash, and
     * the audit rows say what was done, not the token */
    ov_store_close(w.t.store);
    w.t.store = NULL;
    assert_int_equal(tu_sh("! grep -q %s '%s'* && ! grep -q %s '%s'*", t3,
                           w.t.db, t2, w.t.db),
                     0);
    char *rows = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log "
                           "WHERE criterion LIKE 'kalenderadresse%%'\"",
                           w.t.db);
    assert_int_equal(atoi(rows), 5); /* three renewals, two revocations */
    free(rows);
    tu_db_free(&w.t);
}

static void events_are_the_named_staffs_with_first_names_only(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = D(2026, 10, 5),
                           .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                                        OV_ATTEND(OV_ROLE_SOCIAL_CASEWORKER) |
                                        OV_ATTEND(OV_ROLE_CTI_WORKER) |
                                        OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)};
    ov_tx *tx;
    ov_err err;
    int64_t id;
    bool complete;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_meeting_record(tx, course, &in, &d, TODAY, &id,
                                       &complete, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);

    ov_arena *a = ov_arena_new(0);
    ov_cal_event *ev;
    int n;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_calendar_events(tx, w.job, TODAY, 90, 120, a, &ev,
                                        &n, &err),
                     OV_OK);
    assert_int_equal(n, 2);
    assert_int_equal(ev[0].kind, OV_CAL_START_MEETING);
    assert_int_equal(ev[0].on, D(2026, 10, 5));
    assert_int_equal(ev[0].ref, id);
    assert_int_equal(ev[0].course_id, course);
    assert_true(ov_str_eq_c(ev[0].first_name, "Anna"));
    /* the follow-up is due four weeks after the start meeting */
    assert_int_equal(ev[1].kind, OV_CAL_FOLLOWUP_DUE);
    assert_int_equal(ev[1].on, D(2026, 11, 2));
    assert_true(ov_str_eq_c(ev[1].first_name, "Anna"));
    /* a meeting older than the window is left out */
    assert_int_equal(ov_calendar_events(tx, w.job, TODAY, 30, 120, a, &ev,
                                        &n, &err),
                     OV_OK);
    assert_int_equal(n, 1);
    assert_int_equal(ev[0].kind, OV_CAL_FOLLOWUP_DUE);
    /* staff not named on the course see nothing of it */
    assert_int_equal(ov_calendar_events(tx, w.cti_other, TODAY, 90, 120, a,
                                        &ev, &n, &err),
                     OV_OK);
    assert_int_equal(n, 0);
    assert_int_equal(ov_calendar_events(tx, w.leader, TODAY, 90, 120, a, &ev,
                                        &n, &err),
                     OV_OK);
    assert_int_equal(n, 0);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* A citizen's calendar (issue 14): the meetings and due dates of their
 * own course, naming no one, with one audit row of the citizen. */
static void a_citizens_events_are_their_own_courses_without_a_name(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    ov_cal_event *ev;
    int n;
    ov_tx *tx;
    ov_err err;
    /* no course yet: an empty calendar, not an error */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_calendar_events_citizen(tx, w.citizen, TODAY, 90,
                                                120, a, &ev, &n, &err),
                     OV_OK);
    assert_int_equal(n, 0);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = D(2026, 10, 5),
                           .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                                        OV_ATTEND(OV_ROLE_SOCIAL_CASEWORKER) |
                                        OV_ATTEND(OV_ROLE_CTI_WORKER) |
                                        OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)};
    int64_t id;
    bool complete;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_meeting_record(tx, course, &in, &d, TODAY, &id,
                                       &complete, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_calendar_events_citizen(tx, w.citizen, TODAY, 90,
                                                120, a, &ev, &n, &err),
                     OV_OK);
    assert_int_equal(n, 2);
    assert_int_equal(ev[0].kind, OV_CAL_START_MEETING);
    assert_int_equal(ev[0].ref, id);
    assert_int_equal(ev[0].course_id, course);
    assert_int_equal(ev[0].first_name.len, 0);
    assert_int_equal(ev[1].kind, OV_CAL_FOLLOWUP_DUE);
    assert_int_equal(ev[1].on, D(2026, 11, 2));
    assert_int_equal(ev[1].first_name.len, 0);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena_destroy(a);
    assert_int_equal(ov_store_audit_sync(w.t.store, &err), OV_OK);
    char *rows = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log "
                           "WHERE criterion LIKE '%%min kalender%%' AND "
                           "citizen_id = %lld\"",
                           w.t.db, (long long)w.citizen);
    assert_int_equal(atoi(rows), 2);
    free(rows);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_token_names_its_user_until_renewed_or_revoked),
        cmocka_unit_test(events_are_the_named_staffs_with_first_names_only),
        cmocka_unit_test(
            a_citizens_events_are_their_own_courses_without_a_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
