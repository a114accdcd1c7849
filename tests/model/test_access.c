/* Who may see a course: every role against own / same team / other team /
 * other municipality. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/access.h"

enum { OWN, SAME_TEAM, OTHER_TEAM, OTHER_MUNI, NREL };

static ov_course_scope scope(int rel, const ov_viewer *v)
{
    ov_course_scope s = {250, 900, false};
    if (rel == OWN)
        s.citizen_id = v->citizen_id ? v->citizen_id : 900;
    if (rel == OWN || rel == SAME_TEAM)
        s.viewer_on_team = v->role != OV_ROLE_CITIZEN;
    if (rel == OTHER_MUNI)
        s.municipality_code = 550;
    return s;
}

static void the_access_matrix_holds_for_every_role(void **state)
{
    (void)state;
    static const struct {
        ov_role role;
        bool see[NREL]; /* own, same team, other team, other municipality */
        bool list;
    } m[] = {
        {OV_ROLE_EMPLOYMENT_CASEWORKER, {true, true, false, false}, true},
        {OV_ROLE_SOCIAL_CASEWORKER, {true, true, false, false}, true},
        {OV_ROLE_CTI_WORKER, {true, true, false, false}, true},
        {OV_ROLE_COMPANY_CONSULTANT, {true, true, false, false}, true},
        {OV_ROLE_LEADER, {true, true, true, false}, true},
        {OV_ROLE_ADMINISTRATOR, {true, true, true, false}, true},
        {OV_ROLE_NATIONAL_ANALYST, {false, false, false, false}, false},
        {OV_ROLE_CITIZEN, {true, false, false, false}, true},
        {OV_ROLE_EMPLOYER, {false, false, false, false}, false},
        {OV_ROLE_SYSTEM, {false, false, false, false}, false},
    };
    _Static_assert(sizeof m / sizeof m[0] == OV_ROLE_COUNT,
                   "a row for every role");
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        ov_viewer v = {1, m[i].role,
                       m[i].role == OV_ROLE_NATIONAL_ANALYST ? 0 : 250,
                       m[i].role == OV_ROLE_CITIZEN ? 77 : 0,
                       m[i].role == OV_ROLE_EMPLOYER ? 5 : 0};
        for (int rel = 0; rel < NREL; rel++) {
            ov_course_scope s = scope(rel, &v);
            if (ov_may_see_course(&v, &s) != m[i].see[rel])
                fail_msg("role %s, relation %d: expected %d",
                         ov_role_code(m[i].role), rel, m[i].see[rel]);
        }
        assert_int_equal(ov_may_list_courses(&v), m[i].list);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_access_matrix_holds_for_every_role),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
