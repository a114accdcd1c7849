/* Who may see a course: every role against own / same team / other team /
 * other municipality; who may do each operation; who sees a placement
 * (the employer rule). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/access.h"
#include "model/placement.h"

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

/* The viewer the tables below mean by a role: of Halsnæs (250), the
 * citizen 77, the employer contact of company 5. */
static ov_viewer viewer_of(ov_role r)
{
    return (ov_viewer){1, r, r == OV_ROLE_NATIONAL_ANALYST ? 0 : 250,
                       r == OV_ROLE_CITIZEN ? 77 : 0,
                       r == OV_ROLE_EMPLOYER ? 5 : 0};
}

/* Every operation against every role, in the order of ov_role: job,
 * social, cti, consultant, leader, admin, national, citizen, employer,
 * system. */
static void every_operation_names_the_roles_that_may_do_it(void **state)
{
    (void)state;
    static const struct {
        ov_op op;
        bool may[OV_ROLE_COUNT];
    } m[] = {
        {OV_OP_COURSE_WRITE, {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}},
        {OV_OP_MATCH, {1, 0, 0, 1, 0, 0, 0, 0, 0, 0}},
        {OV_OP_PLACEMENT, {1, 0, 0, 1, 0, 0, 0, 0, 0, 0}},
        {OV_OP_CTI, {0, 1, 1, 0, 0, 0, 0, 0, 0, 0}},
        {OV_OP_CTI_CONTACT, {0, 0, 1, 0, 0, 0, 0, 0, 0, 0}},
        {OV_OP_COMPANY, {1, 0, 0, 1, 0, 1, 0, 0, 0, 0}},
        {OV_OP_SCREENING, {1, 0, 0, 0, 1, 1, 0, 0, 0, 0}},
        {OV_OP_AUDIT_VIEW, {0, 0, 0, 0, 1, 1, 0, 0, 0, 0}},
        {OV_OP_COURSE_READ, {1, 1, 1, 1, 1, 1, 0, 1, 0, 0}},
        {OV_OP_COURSE_LIST, {1, 1, 1, 1, 1, 1, 0, 1, 0, 0}},
        {OV_OP_PLACEMENT_READ, {1, 1, 1, 1, 1, 1, 0, 1, 1, 0}},
        {OV_OP_AGREEMENT_LIST, {0, 0, 0, 0, 0, 0, 0, 0, 1, 0}},
        {OV_OP_OWN_LOG, {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}},
        {OV_OP_COMPANY_READ, {1, 0, 0, 1, 0, 1, 0, 0, 0, 0}},
        {OV_OP_INDICATORS, {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}},
        {OV_OP_BOARD_DRILL, {0, 0, 0, 0, 1, 1, 0, 0, 0, 0}},
        {OV_OP_NATIONAL, {0, 0, 0, 0, 0, 0, 1, 0, 0, 0}},
        {OV_OP_USER_ADMIN, {0, 0, 0, 0, 0, 1, 0, 0, 0, 0}},
        {OV_OP_JOURNAL_READ, {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}},
        {OV_OP_JOURNAL_NOTE, {1, 1, 1, 1, 0, 0, 0, 0, 0, 0}},
        {OV_OP_CALENDAR, {1, 1, 1, 1, 0, 0, 0, 1, 0, 0}},
        {OV_OP_CITIZEN_SEARCH, {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}},
        {OV_OP_OCCUPATIONS, {1, 1, 1, 1, 0, 1, 0, 0, 0, 0}},
        {OV_OP_SIGN, {0, 0, 0, 1, 0, 0, 0, 1, 1, 0}},
        {OV_OP_HOURS_CONFIRM, {0, 0, 0, 0, 0, 0, 0, 0, 1, 0}},
        {OV_OP_OWN_AGREEMENT, {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}},
        {OV_OP_OWN_DATA, {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}},
        {OV_OP_PROPOSAL_ANSWER, {1, 0, 0, 1, 0, 0, 0, 1, 0, 0}},
        {OV_OP_OWN_COURSE, {0, 0, 0, 0, 0, 0, 0, 1, 0, 0}},
        {OV_OP_ECONOMICS, {0, 0, 0, 0, 1, 0, 1, 0, 0, 0}},
    };
    _Static_assert(sizeof m / sizeof m[0] == OV_OP_COUNT,
                   "a row for every operation");
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        assert_int_equal(m[i].op, (ov_op)i);
        assert_non_null(ov_op_refusal(m[i].op));
        for (int r = 0; r < OV_ROLE_COUNT; r++) {
            ov_viewer v = viewer_of((ov_role)r);
            if (ov_may_do(&v, m[i].op) != m[i].may[r])
                fail_msg("%s by %s: expected %d", ov_op_code(m[i].op),
                         ov_role_code((ov_role)r), m[i].may[r]);
        }
    }
    /* the operations on one's own records need the record */
    ov_viewer c = viewer_of(OV_ROLE_CITIZEN);
    c.citizen_id = 0;
    assert_false(ov_may_do(&c, OV_OP_OWN_LOG));
    assert_false(ov_may_do(&c, OV_OP_OWN_DATA));
    assert_false(ov_may_do(&c, OV_OP_OWN_COURSE));
    assert_false(ov_may_do(&c, OV_OP_CALENDAR));
    ov_viewer e = viewer_of(OV_ROLE_EMPLOYER);
    e.company_id = 0;
    assert_false(ov_may_do(&e, OV_OP_AGREEMENT_LIST));
    assert_false(ov_may_do(&e, OV_OP_HOURS_CONFIRM));
    assert_false(ov_may_do(&c, OV_OP_OWN_AGREEMENT));
}

/* Who signs a work agreement as which party, and who records paper: the
 * placement of citizen 77 at company 5, consultant 9 named on its
 * course. Each party signs only for themselves, in their own log-in. */
static void each_party_signs_only_as_itself(void **state)
{
    (void)state;
    const ov_sign_scope sc = {77, 5, 9};
    enum { C = OV_SIGN_CITIZEN, K = OV_SIGN_CONSULTANT, E = OV_SIGN_EMPLOYER };
    static const struct {
        const char *who;
        ov_viewer v;
        int party;         /* ov_sign_party */
        bool paper_c, paper_e, paper_k; /* ov_may_record_paper */
    } m[] = {
        {"the course's citizen", {1, OV_ROLE_CITIZEN, 250, 77, 0}, C, 0, 0, 0},
        {"another citizen", {1, OV_ROLE_CITIZEN, 250, 78, 0}, 0, 0, 0, 0},
        {"the company's contact", {2, OV_ROLE_EMPLOYER, 250, 0, 5}, E, 0, 0,
         0},
        {"another company's contact", {2, OV_ROLE_EMPLOYER, 250, 0, 6}, 0, 0,
         0, 0},
        {"the named consultant", {9, OV_ROLE_COMPANY_CONSULTANT, 250, 0, 0},
         K, 1, 1, 0},
        {"a consultant not named", {10, OV_ROLE_COMPANY_CONSULTANT, 250, 0, 0},
         0, 0, 0, 0},
        {"the jobcentre caseworker",
         {9, OV_ROLE_EMPLOYMENT_CASEWORKER, 250, 0, 0}, 0, 0, 0, 0},
        {"the social caseworker", {9, OV_ROLE_SOCIAL_CASEWORKER, 250, 0, 0}, 0,
         0, 0, 0},
        {"the leader", {9, OV_ROLE_LEADER, 250, 0, 0}, 0, 0, 0, 0},
        {"the administrator", {9, OV_ROLE_ADMINISTRATOR, 250, 0, 0}, 0, 0, 0,
         0},
        /* an employer user that somehow carries the citizen's id signs as
         * the employer only, never as the citizen */
        {"an employer with a citizen id", {2, OV_ROLE_EMPLOYER, 250, 77, 5}, E,
         0, 0, 0},
        {"a citizen with a company id", {1, OV_ROLE_CITIZEN, 250, 77, 5}, C, 0,
         0, 0},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        if (ov_sign_party(&m[i].v, &sc) != m[i].party)
            fail_msg("%s signs as %d, expected %d", m[i].who,
                     ov_sign_party(&m[i].v, &sc), m[i].party);
        if (ov_may_record_paper(&m[i].v, &sc, C) != m[i].paper_c ||
            ov_may_record_paper(&m[i].v, &sc, E) != m[i].paper_e ||
            ov_may_record_paper(&m[i].v, &sc, K) != m[i].paper_k)
            fail_msg("%s: paper rights wrong", m[i].who);
    }
    /* no consultant named on the course: no consultant signs */
    const ov_sign_scope none = {77, 5, 0};
    ov_viewer k0 = {0, OV_ROLE_COMPANY_CONSULTANT, 250, 0, 0};
    assert_int_equal(ov_sign_party(&k0, &none), 0);
    assert_false(ov_may_record_paper(&k0, &none, C));
}

/* The employer rule: an employer contact sees a placement at their own
 * company (its work agreement only), whatever its course, and no other;
 * everyone else sees a placement when they see its course. */
static void an_employer_sees_the_placements_at_their_own_company(void **state)
{
    (void)state;
    enum { AT_OWN_COMPANY, AT_OTHER_COMPANY, NPL };
    static const struct {
        ov_role role;
        /* by relation of the course, then by company */
        bool see[NREL][NPL];
        bool whole;
    } m[] = {
        {OV_ROLE_EMPLOYMENT_CASEWORKER,
         {{1, 1}, {1, 1}, {0, 0}, {0, 0}}, true},
        {OV_ROLE_SOCIAL_CASEWORKER, {{1, 1}, {1, 1}, {0, 0}, {0, 0}}, true},
        {OV_ROLE_CTI_WORKER, {{1, 1}, {1, 1}, {0, 0}, {0, 0}}, true},
        {OV_ROLE_COMPANY_CONSULTANT, {{1, 1}, {1, 1}, {0, 0}, {0, 0}}, true},
        {OV_ROLE_LEADER, {{1, 1}, {1, 1}, {1, 1}, {0, 0}}, true},
        {OV_ROLE_ADMINISTRATOR, {{1, 1}, {1, 1}, {1, 1}, {0, 0}}, true},
        {OV_ROLE_NATIONAL_ANALYST, {{0, 0}, {0, 0}, {0, 0}, {0, 0}}, true},
        {OV_ROLE_CITIZEN, {{1, 1}, {0, 0}, {0, 0}, {0, 0}}, true},
        {OV_ROLE_EMPLOYER, {{1, 0}, {1, 0}, {1, 0}, {1, 0}}, false},
        {OV_ROLE_SYSTEM, {{0, 0}, {0, 0}, {0, 0}, {0, 0}}, true},
    };
    _Static_assert(sizeof m / sizeof m[0] == OV_ROLE_COUNT,
                   "a row for every role");
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
        ov_viewer v = viewer_of(m[i].role);
        for (int rel = 0; rel < NREL; rel++)
            for (int pl = 0; pl < NPL; pl++) {
                ov_placement_scope p = {scope(rel, &v),
                                        pl == AT_OWN_COMPANY ? 5 : 6};
                if (ov_may_see_placement(&v, &p) != m[i].see[rel][pl])
                    fail_msg("role %s, relation %d, company %lld: "
                             "expected %d",
                             ov_role_code(m[i].role), rel,
                             (long long)p.company_id, m[i].see[rel][pl]);
            }
        assert_int_equal(ov_sees_whole_placement(&v), m[i].whole);
    }
    /* an employer contact without a company sees none */
    ov_viewer e = viewer_of(OV_ROLE_EMPLOYER);
    e.company_id = 0;
    ov_placement_scope none = {scope(OWN, &e), 0};
    assert_false(ov_may_see_placement(&e, &none));
}

static void staff_see_their_own_and_their_teams_figures_leaders_all(
    void **state)
{
    (void)state;
    ov_viewer cti = viewer_of(OV_ROLE_CTI_WORKER); /* user 1 */
    assert_true(ov_may_see_indicators(&cti, 0, false, 1));
    assert_false(ov_may_see_indicators(&cti, 0, false, 2));  /* a colleague */
    assert_false(ov_may_see_indicators(&cti, 0, false, 0));  /* everyone */
    assert_true(ov_may_see_indicators(&cti, 9, true, 0));    /* own team */
    assert_false(ov_may_see_indicators(&cti, 9, false, 0));  /* another */
    assert_int_equal(ov_indicators_default_staff(&cti), 1);
    ov_viewer leader = viewer_of(OV_ROLE_LEADER);
    assert_true(ov_may_see_indicators(&leader, 0, false, 0));
    assert_true(ov_may_see_indicators(&leader, 9, false, 2));
    assert_int_equal(ov_indicators_default_staff(&leader), 0);
    ov_viewer admin = viewer_of(OV_ROLE_ADMINISTRATOR);
    assert_true(ov_may_see_indicators(&admin, 0, false, 0));
    static const ov_role never[] = {OV_ROLE_NATIONAL_ANALYST, OV_ROLE_CITIZEN,
                                    OV_ROLE_EMPLOYER, OV_ROLE_SYSTEM};
    for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
        ov_viewer v = viewer_of(never[i]);
        assert_false(ov_may_see_indicators(&v, 0, false, 0));
        assert_false(ov_may_see_indicators(&v, 9, true, 1));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_access_matrix_holds_for_every_role),
        cmocka_unit_test(
            staff_see_their_own_and_their_teams_figures_leaders_all),
        cmocka_unit_test(every_operation_names_the_roles_that_may_do_it),
        cmocka_unit_test(each_party_signs_only_as_itself),
        cmocka_unit_test(
            an_employer_sees_the_placements_at_their_own_company),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
