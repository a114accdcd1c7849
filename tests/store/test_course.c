/* Organisation and courses in storage: validation, the named staff, stage
 * history, ending, and an audit row for every access. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/citizen.h"
#include "store/course.h"
#include "store/org.h"
#include "support/world.h"

static int64_t citizen_audit_rows(tu_world *w)
{
    char *n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log "
                        "WHERE citizen_id = %lld\"",
                        w->t.db, (long long)w->citizen);
    int64_t v = atoll(n);
    free(n);
    return v;
}

static void organisation_rules_are_enforced(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_tx *tx;
    ov_err err;
    int64_t id;
    /* a duplicate municipality, a team in an unknown one, a taken name */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_municipality_create(tx, 250, OV_STR_LIT("X"),
                                                &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_team_create(tx, 101, OV_STR_LIT("T"), &id, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "create the municipality first"));
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_team_create(tx, 250, OV_STR_LIT("Team Nord"), &id,
                                        &err),
                     OV_ECONFLICT);
    assert_string_equal(err.field, "team_name");
    ov_tx_rollback(tx);
    /* users: unique names, municipality rules, links by role */
    ov_user_input in = {OV_STR_LIT("job"), OV_STR_LIT("Dup"),
                        OV_ROLE_LEADER, 250, 0, 0};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_user_create(tx, &in, &id, &err), OV_ECONFLICT);
    assert_string_equal(err.field, "username");
    ov_tx_rollback(tx);
    in = (ov_user_input){OV_STR_LIT("national"), OV_STR_LIT("N"),
                         OV_ROLE_NATIONAL_ANALYST, 250, 0, 0};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_user_create(tx, &in, &id, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    in.municipality_code = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_user_create(tx, &in, &id, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    in = (ov_user_input){OV_STR_LIT("borger"), OV_STR_LIT("B"),
                         OV_ROLE_CITIZEN, 250, 0, 0};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_user_create(tx, &in, &id, &err), OV_EINVAL);
    assert_string_equal(err.field, "citizen_id");
    ov_tx_rollback(tx);
    /* a Tønder user cannot join a Halsnæs team (and is not found there) */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    int64_t t2 = tu_add_user(tx, "job2", OV_ROLE_EMPLOYMENT_CASEWORKER, 550, 0);
    assert_int_equal(ov_org_team_add_member(tx, w.team, t2, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    /* companies: CVR check digit and uniqueness */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_company_create(tx, OV_STR_LIT("12345678"),
                                           OV_STR_LIT("Firma"), 250, 3300,
                                           &id, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "cvr");
    ov_tx_rollback(tx);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_company_create(tx, OV_STR_LIT("10000009"),
                                           OV_STR_LIT("Firma"), 250, 3300,
                                           &id, &err),
                     OV_OK);
    assert_int_equal(ov_org_company_create(tx, OV_STR_LIT("1000 0009"),
                                           OV_STR_LIT("Firma 2"), 250, 3300,
                                           &id, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    ov_arena *a = ov_arena_new(0);
    ov_user u;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_org_user_by_username(tx, OV_STR_LIT("cti"), a, &u,
                                             &err),
                     OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(u.role, OV_ROLE_CTI_WORKER);
    assert_int_equal(u.municipality_code, 250);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void a_course_is_created_staffed_moved_and_ended(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_tx *tx;
    ov_err err;
    int64_t course;
    int64_t before = citizen_audit_rows(&w);
    ov_date d0 = ov_date_from_ymd(2026, 3, 2);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_create(tx, w.citizen, w.team, OV_STAGE_DRAWN,
                                      d0, &course, &err),
                     OV_OK);
    assert_int_equal(ov_course_assign(tx, course,
                                      OV_ROLE_EMPLOYMENT_CASEWORKER, w.job,
                                      &err),
                     OV_OK);
    assert_int_equal(ov_course_assign(tx, course, OV_ROLE_CTI_WORKER, w.cti,
                                      &err),
                     OV_OK);
    assert_int_equal(ov_course_set_stage(tx, course, OV_STAGE_START, d0 + 10,
                                         &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(citizen_audit_rows(&w), before + 4);

    ov_arena *a = ov_arena_new(0);
    ov_course c;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_get(tx, course, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(citizen_audit_rows(&w), before + 5);
    assert_int_equal(c.citizen_id, w.citizen);
    assert_int_equal(c.municipality_code, 250);
    assert_int_equal(c.stage, OV_STAGE_START);
    assert_int_equal(c.started_on, d0);
    assert_true(c.stage_reached[OV_STAGE_DRAWN]);
    assert_int_equal(c.stage_dates[OV_STAGE_START], d0 + 10);
    assert_false(c.stage_reached[OV_STAGE_PLAN]);
    assert_int_equal(c.nstaff, 2);
    assert_false(c.ended);

    /* a second open course for the same citizen is refused */
    int64_t c2;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_create(tx, w.citizen, w.team, OV_STAGE_DRAWN,
                                      d0, &c2, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    /* backwards is refused */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_set_stage(tx, course, OV_STAGE_DRAWN, d0 + 11,
                                         &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    /* end it, then nothing changes any more */
    ov_date today = ov_date_from_ymd(2026, 11, 22);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_end(tx, course, OV_END_ORDINARY_JOB,
                                   OV_STR_NULL, today - 1, today, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_get(tx, course, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(c.ended);
    assert_int_equal(c.stage, OV_STAGE_ENDED);
    assert_int_equal(c.end_reason, OV_END_ORDINARY_JOB);
    assert_int_equal(c.ended_on, today - 1);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_set_stage(tx, course, OV_STAGE_IN_JOB, today,
                                         &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    /* after it ended, a new course may start */
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_create(tx, w.citizen, w.team, OV_STAGE_DRAWN,
                                      today, &c2, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void only_team_members_with_the_role_can_be_named(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_tx *tx;
    ov_err err;
    int64_t course;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_create(tx, w.citizen, w.team, OV_STAGE_DRAWN,
                                      ov_date_from_ymd(2026, 3, 2), &course,
                                      &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    struct {
        ov_role role;
        int64_t user;
        ov_status want;
        const char *msg;
    } cases[] = {
        {OV_ROLE_CTI_WORKER, w.cti_other, OV_EINVAL, "not on the course's team"},
        {OV_ROLE_CTI_WORKER, w.job, OV_EINVAL, "not a cti_worker"},
        {OV_ROLE_LEADER, w.leader, OV_EINVAL, "only caseworkers"},
        {OV_ROLE_CTI_WORKER, 9999, OV_ENOTFOUND, "no user"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
        assert_int_equal(ov_course_assign(tx, course, cases[i].role,
                                          cases[i].user, &err),
                         cases[i].want);
        assert_non_null(strstr(err.msg, cases[i].msg));
        assert_int_equal(ov_tx_commit(tx, &err), cases[i].want);
    }
    ov_arena *a = ov_arena_new(0);
    ov_course c;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_get(tx, course, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(c.nstaff, 0);
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_get(tx, 777, a, &c, &err), OV_ENOTFOUND);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(organisation_rules_are_enforced),
        cmocka_unit_test(a_course_is_created_staffed_moved_and_ended),
        cmocka_unit_test(only_team_members_with_the_role_can_be_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
