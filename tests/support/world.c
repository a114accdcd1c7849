#include "world.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "store/citizen.h"
#include "store/course.h"
#include "store/org.h"

int64_t tu_add_user(ov_tx *tx, const char *name, ov_role role, int muni,
                    int64_t team)
{
    ov_err err;
    int64_t id = 0;
    ov_user_input in = {ov_str_c(name), ov_str_c(name), role, muni, 0, 0};
    if (ov_org_user_create(tx, &in, &id, &err) != OV_OK)
        fail_msg("user %s: %s", name, err.msg);
    if (team && ov_org_team_add_member(tx, team, id, &err) != OV_OK)
        fail_msg("member %s: %s", name, err.msg);
    return id;
}

void tu_world_init(tu_world *w)
{
    memset(w, 0, sizeof *w);
    tu_db_init(&w->t);
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_org_municipality_create(tx, 250, OV_STR_LIT("Halsnæs"), &err);
    ov_org_municipality_create(tx, 550, OV_STR_LIT("Tønder"), &err);
    ov_org_team_create(tx, 250, OV_STR_LIT("Team Nord"), &w->team, &err);
    ov_org_team_create(tx, 250, OV_STR_LIT("Team Syd"), &w->other_team, &err);
    ov_org_team_create(tx, 550, OV_STR_LIT("Team Nord"), &w->team_tonder,
                       &err);
    w->job = tu_add_user(tx, "job", OV_ROLE_EMPLOYMENT_CASEWORKER, 250,
                         w->team);
    w->social = tu_add_user(tx, "social", OV_ROLE_SOCIAL_CASEWORKER, 250,
                            w->team);
    w->cti = tu_add_user(tx, "cti", OV_ROLE_CTI_WORKER, 250, w->team);
    w->vk = tu_add_user(tx, "vk", OV_ROLE_COMPANY_CONSULTANT, 250, w->team);
    w->cti_other = tu_add_user(tx, "cti.syd", OV_ROLE_CTI_WORKER, 250,
                               w->other_team);
    w->leader = tu_add_user(tx, "leder", OV_ROLE_LEADER, 250, 0);
    ov_citizen_create(tx, OV_STR_LIT("Anna Jensen"), OV_STR_LIT("010190-1234"),
                      &w->citizen, &err);
    ov_org_company_create(tx, OV_STR_LIT("12345674"),
                          OV_STR_LIT("Frederiksværk Lager ApS"), 250, 3300,
                          &w->company, &err);
    if (ov_tx_commit(tx, &err) != OV_OK)
        fail_msg("world: %s", err.msg);
}

int64_t tu_course(tu_world *w, ov_date start)
{
    ov_tx *tx;
    ov_err err;
    int64_t id = 0;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    ov_course_create(tx, w->citizen, w->team, OV_STAGE_DRAWN, start, &id,
                     &err);
    ov_course_assign(tx, id, OV_ROLE_EMPLOYMENT_CASEWORKER, w->job, &err);
    ov_course_assign(tx, id, OV_ROLE_SOCIAL_CASEWORKER, w->social, &err);
    ov_course_assign(tx, id, OV_ROLE_CTI_WORKER, w->cti, &err);
    ov_course_assign(tx, id, OV_ROLE_COMPANY_CONSULTANT, w->vk, &err);
    if (ov_tx_commit(tx, &err) != OV_OK)
        fail_msg("course: %s", err.msg);
    return id;
}

ov_stage tu_stage(tu_world *w, int64_t course)
{
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err;
    ov_course c;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_course_get(tx, course, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    ov_arena_destroy(a);
    return c.stage;
}
