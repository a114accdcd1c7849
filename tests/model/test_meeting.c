/* Start meeting completeness, the holistic assessment, follow-up rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/meeting.h"

#define A(r) OV_ATTEND(OV_ROLE_##r)

static void start_meeting_is_complete_with_citizen_caseworker_cti_and_consultant(void **state)
{
    (void)state;
    assert_int_equal(ov_start_meeting_missing(A(CITIZEN) |
                                              A(EMPLOYMENT_CASEWORKER) |
                                              A(CTI_WORKER) |
                                              A(COMPANY_CONSULTANT)),
                     0);
    /* the social caseworker counts as "a caseworker" too */
    assert_int_equal(ov_start_meeting_missing(A(CITIZEN) |
                                              A(SOCIAL_CASEWORKER) |
                                              A(CTI_WORKER) |
                                              A(COMPANY_CONSULTANT)),
                     0);
    char text[200];
    ov_start_meeting_missing_text(0, text, sizeof text);
    assert_string_equal(text, "Opstartsmødet er fuldt bemandet");
}

static void start_meeting_names_each_missing_role(void **state)
{
    (void)state;
    ov_attendees m = ov_start_meeting_missing(A(CITIZEN) |
                                              A(EMPLOYMENT_CASEWORKER));
    assert_int_equal(m, A(CTI_WORKER) | A(COMPANY_CONSULTANT));
    char text[200];
    ov_start_meeting_missing_text(m, text, sizeof text);
    assert_string_equal(text,
                        "Mangler: CTI-medarbejderen, virksomhedskonsulenten");
    m = ov_start_meeting_missing(A(CTI_WORKER) | A(COMPANY_CONSULTANT) |
                                 A(LEADER));
    assert_int_equal(m, A(CITIZEN) | A(EMPLOYMENT_CASEWORKER));
    ov_start_meeting_missing_text(m, text, sizeof text);
    assert_string_equal(text, "Mangler: borgeren, en sagsbehandler "
                              "(jobcenter eller socialområdet)");
    assert_int_equal(ov_start_meeting_missing(0),
                     A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(CTI_WORKER) |
                         A(COMPANY_CONSULTANT));
}

static void default_life_domains_are_the_eight_of_the_model(void **state)
{
    (void)state;
    ov_life_domains d;
    ov_life_domains_default(&d);
    assert_int_equal(d.n, 8);
    assert_int_equal(ov_life_domains_find(&d, OV_STR_LIT("housing")), 3);
    assert_string_equal(d.label_da[3], "Bolig");
    assert_int_equal(ov_life_domains_find(&d, OV_STR_LIT("hobby")), -1);
}

static void assessment_items_are_validated_with_their_path(void **state)
{
    (void)state;
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_err err;
    ov_assessment_item it = {OV_STR_LIT("mental_health"),
                             OV_STR_LIT("Jeg sover dårligt"),
                             OV_STR_LIT("Min søster"), OV_STR_LIT("Angst"), 2};
    assert_int_equal(ov_assessment_item_validate(&d, &it, 0, &err), OV_OK);
    it.rating = -1;
    assert_int_equal(ov_assessment_item_validate(&d, &it, 0, &err), OV_OK);
    it.rating = 4;
    assert_int_equal(ov_assessment_item_validate(&d, &it, 0, &err), OV_OK);
    it.rating = 5;
    assert_int_equal(ov_assessment_item_validate(&d, &it, 2, &err), OV_EINVAL);
    assert_string_equal(err.field, "assessment[2].rating");
    it.rating = 1;
    it.domain = OV_STR_LIT("hobby");
    assert_int_equal(ov_assessment_item_validate(&d, &it, 1, &err), OV_EINVAL);
    assert_string_equal(err.field, "assessment[1].domain");
    it.domain = OV_STR_LIT("housing");
    it.challenges = OV_STR_LIT("a\x01");
    assert_int_equal(ov_assessment_item_validate(&d, &it, 0, &err), OV_EINVAL);
    assert_string_equal(err.field, "assessment[0].challenges");
    char big[OV_ASSESS_TEXT_MAX + 1];
    memset(big, 'x', sizeof big);
    it.challenges = (ov_str){big, sizeof big};
    assert_int_equal(ov_assessment_item_validate(&d, &it, 0, &err), OV_EINVAL);
    it.challenges = (ov_str){big, OV_ASSESS_TEXT_MAX};
    assert_int_equal(ov_assessment_item_validate(&d, &it, 0, &err), OV_OK);
}

static void followups_are_due_every_n_weeks_from_the_latest(void **state)
{
    (void)state;
    ov_followup_rule r = ov_followup_rule_default();
    assert_int_equal(r.interval_weeks, 4);
    ov_date start = ov_date_from_ymd(2026, 12, 14);
    assert_int_equal(ov_followup_next_due(&r, start),
                     ov_date_from_ymd(2027, 1, 11));
    r.interval_weeks = 2;
    assert_int_equal(ov_followup_next_due(&r, ov_date_from_ymd(2024, 2, 20)),
                     ov_date_from_ymd(2024, 3, 5));
    ov_err err;
    assert_int_equal(ov_followup_rule_validate(&r, &err), OV_OK);
    r.interval_weeks = 0;
    assert_int_equal(ov_followup_rule_validate(&r, &err), OV_EINVAL);
    r.interval_weeks = 27;
    assert_int_equal(ov_followup_rule_validate(&r, &err), OV_EINVAL);
    assert_string_equal(err.field, "followup_interval_weeks");
}

static void a_followup_is_joint_with_consultant_and_cti_worker(void **state)
{
    (void)state;
    assert_true(ov_followup_is_joint(A(COMPANY_CONSULTANT) | A(CTI_WORKER)));
    assert_true(ov_followup_is_joint(A(COMPANY_CONSULTANT) | A(CTI_WORKER) |
                                     A(CITIZEN)));
    assert_false(ov_followup_is_joint(A(COMPANY_CONSULTANT) | A(CITIZEN)));
    assert_false(ov_followup_is_joint(A(CTI_WORKER)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(start_meeting_is_complete_with_citizen_caseworker_cti_and_consultant),
        cmocka_unit_test(start_meeting_names_each_missing_role),
        cmocka_unit_test(default_life_domains_are_the_eight_of_the_model),
        cmocka_unit_test(assessment_items_are_validated_with_their_path),
        cmocka_unit_test(followups_are_due_every_n_weeks_from_the_latest),
        cmocka_unit_test(a_followup_is_joint_with_consultant_and_cti_worker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
