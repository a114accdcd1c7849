/* "Mine opgaver": tasks derived from stored facts for the named staff. */
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
#include "store/cti.h"
#include "store/meeting.h"
#include "store/placement.h"
#include "store/tasks.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define TODAY D(2026, 11, 22)

static int find(const ov_task *t, int n, ov_task_kind k)
{
    for (int i = 0; i < n; i++)
        if (t[i].kind == k)
            return i;
    return -1;
}

static int tasks(tu_world *w, int64_t user, ov_arena *a, ov_task **t)
{
    ov_tx *tx;
    ov_err err;
    int n = 0;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_tasks_for_user(tx, user, TODAY, 14, a, t, &n, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return n;
}

static void tasks_follow_the_course_through_the_model(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    ov_arena *a = ov_arena_new(0);
    ov_task *t;
    int n = tasks(&w, w.job, a, &t);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].kind, OV_TASK_START_MEETING);
    assert_int_equal(t[0].course_id, course);
    /* the leader is on no course: no tasks */
    assert_int_equal(tasks(&w, w.leader, a, &t), 0);
    /* a complete start meeting on 5 October */
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
    /* CTI started 20 days before a placement: misaligned */
    ov_cti_rules rules = ov_cti_rules_default();
    assert_int_equal(ov_cti_start(tx, course, OV_BASIS_OTHER, 0,
                                  D(2026, 10, 10), &rules, &err),
                     OV_OK);
    ov_placement p = {OV_PLACE_INTERNSHIP, w.company, D(2026, 10, 30), false,
                      0, 100};
    assert_int_equal(ov_placement_create(tx, course, &p, &id, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    n = tasks(&w, w.cti, a, &t);
    assert_int_equal(find(t, n, OV_TASK_START_MEETING), -1);
    int i = find(t, n, OV_TASK_PLAN_JOB_GOAL);
    assert_true(i >= 0);
    assert_true(t[i].overdue);
    i = find(t, n, OV_TASK_FOLLOWUP);
    assert_int_equal(t[i].due, D(2026, 11, 2));
    i = find(t, n, OV_TASK_MEASUREMENT);
    assert_int_equal(t[i].due, D(2026, 10, 1));
    assert_true(find(t, n, OV_TASK_CTI_ALIGNMENT) >= 0);
    for (int k = 1; k < n; k++)
        assert_true(t[k - 1].due <= t[k].due);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* Mine opgaver: the courses where I am named by default; every open
 * course of my teams on request; another team's never. */
static void my_tasks_are_my_courses_and_the_teams_on_request(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t mine = tu_course(&w, D(2026, 10, 1)); /* job is named */
    ov_tx *tx;
    ov_err err;
    int64_t cz, unnamed = 0, other = 0;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_create(tx, OV_STR_LIT("Bo Holm"),
                                       OV_STR_LIT("120385-1112"), &cz, &err),
                     OV_OK);
    assert_int_equal(ov_course_create(tx, cz, w.team, OV_STAGE_DRAWN,
                                      D(2026, 10, 2), &unnamed, &err),
                     OV_OK);
    assert_int_equal(ov_citizen_create(tx, OV_STR_LIT("Eva Lund"),
                                       OV_STR_LIT("230477-2220"), &cz, &err),
                     OV_OK);
    assert_int_equal(ov_course_create(tx, cz, w.other_team, OV_STAGE_DRAWN,
                                      D(2026, 10, 3), &other, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena *a = ov_arena_new(0);
    for (int team = 0; team < 2; team++) {
        ov_task *t;
        ov_task_course *c;
        int n, nc;
        assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
        assert_int_equal(ov_tasks_list(tx, w.job, team, TODAY, 14, a, &t, &n,
                                       &c, &nc, &err),
                         OV_OK);
        assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
        assert_int_equal(nc, team ? 2 : 1);
        assert_int_equal(c[0].id, mine);
        assert_string_equal(c[0].citizen_name.ptr, "Anna Jensen");
        if (team)
            assert_int_equal(c[1].id, unnamed);
        /* each course has its start meeting due */
        assert_int_equal(n, team ? 2 : 1);
        for (int i = 0; i < n; i++)
            assert_int_not_equal(t[i].course_id, other);
    }
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tasks_follow_the_course_through_the_model),
        cmocka_unit_test(my_tasks_are_my_courses_and_the_teams_on_request),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
