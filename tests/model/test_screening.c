/* Target-group screening, criterion by criterion, and exclusions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/screening.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static ov_candidate ok(void)
{
    ov_candidate c = {D(1980, 5, 17), true, 24, false, false, false, false};
    return c;
}

static void a_typical_candidate_is_eligible_with_reasons(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_candidate c = ok();
    ov_screening s;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_true(s.in_target_group);
    assert_false(s.excluded);
    assert_true(s.eligible);
    assert_int_equal(s.age, 46);
    for (int i = 0; i < OV_CRIT_COUNT; i++)
        assert_true(s.results[i].pass);
    assert_string_equal(s.results[OV_CRIT_AGE].text_da,
                        "Alder 46 år på referencedatoen 22-11-2026; kræver "
                        "mindst 30 år: opfyldt");
    assert_string_equal(s.results[OV_CRIT_UNEMPLOYMENT].text_da,
                        "Ledig i 24 måneder; kræver mindst 12 måneder: "
                        "opfyldt");
    assert_string_equal(ov_criterion_code(OV_CRIT_UNEMPLOYMENT),
                        "unemployment");
}

static void eligible_on_the_30th_birthday_not_the_day_before(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_candidate c = ok();
    c.birth = D(1996, 11, 22);
    ov_screening s;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_true(s.eligible);
    assert_int_equal(s.results[OV_CRIT_AGE].observed, 30);
    ov_screen(&r, &c, D(2026, 11, 21), &s);
    assert_false(s.eligible);
    assert_false(s.in_target_group);
    assert_false(s.results[OV_CRIT_AGE].pass);
    assert_int_equal(s.results[OV_CRIT_AGE].observed, 29);
    assert_non_null(strstr(s.results[OV_CRIT_AGE].text_da, "ikke opfyldt"));
}

static void born_29_february_turns_30_on_1_march_in_common_years(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_candidate c = ok();
    c.birth = D(1996, 2, 29);
    ov_screening s;
    ov_screen(&r, &c, D(2026, 2, 28), &s);
    assert_false(s.results[OV_CRIT_AGE].pass);
    ov_screen(&r, &c, D(2026, 3, 1), &s);
    assert_true(s.results[OV_CRIT_AGE].pass);
}

static void exactly_12_months_unemployed_is_enough_11_is_not(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_candidate c = ok();
    ov_screening s;
    c.months_unemployed = 12;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_true(s.eligible);
    c.months_unemployed = 11;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_false(s.eligible);
    assert_false(s.results[OV_CRIT_UNEMPLOYMENT].pass);
    assert_int_equal(s.results[OV_CRIT_UNEMPLOYMENT].required, 12);
    /* configurable */
    r.min_months_unemployed = 6;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_true(s.eligible);
}

static void not_activity_ready_is_outside_the_target_group(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_candidate c = ok();
    c.activity_ready = false;
    ov_screening s;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_false(s.in_target_group);
    assert_false(s.eligible);
    assert_false(s.excluded);
}

static void exclusions_keep_the_target_group_but_remove_eligibility(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_screening s;
    for (int k = 0; k < 4; k++) {
        ov_candidate c = ok();
        if (k == 0)
            c.company_activity = true;
        if (k == 1)
            c.in_prison = true;
        if (k == 2)
            c.health_exemption = true;
        if (k == 3)
            c.declined = true;
        ov_screen(&r, &c, D(2026, 11, 22), &s);
        assert_true(s.in_target_group);
        assert_true(s.excluded);
        assert_false(s.eligible);
        ov_criterion crit = (ov_criterion)(OV_CRIT_COMPANY_ACTIVITY + k);
        assert_true(ov_criterion_is_exclusion(crit));
        assert_false(s.results[crit].pass);
        assert_non_null(strstr(s.results[crit].text_da, "udelukket"));
    }
}

static void rules_and_manual_exclusions_are_validated(void **state)
{
    (void)state;
    ov_err err;
    ov_screening_rules r = {17, 12};
    assert_int_equal(ov_screening_rules_validate(&r, &err), OV_EINVAL);
    assert_string_equal(err.field, "min_age");
    r = (ov_screening_rules){30, 121};
    assert_int_equal(ov_screening_rules_validate(&r, &err), OV_EINVAL);
    assert_string_equal(err.field, "min_months_unemployed");
    r = ov_screening_rules_default();
    assert_int_equal(ov_screening_rules_validate(&r, &err), OV_OK);
    ov_exclusion_reason x;
    assert_int_equal(ov_exclusion_parse(OV_STR_LIT("prison"), &x, &err), OV_OK);
    assert_int_equal(x, OV_EXCL_PRISON);
    assert_int_equal(ov_exclusion_parse(OV_STR_LIT("bored"), &x, &err),
                     OV_EINVAL);
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER, OV_STR_LIT(" "),
                                           &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "reason_text");
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER,
                                           OV_STR_LIT("Flytter til Sverige"),
                                           &err),
                     OV_OK);
    assert_int_equal(ov_exclusion_validate(OV_EXCL_HEALTH, OV_STR_NULL, &err),
                     OV_OK);
    assert_string_equal(ov_exclusion_label_da(OV_EXCL_DECLINED), "Takket nej");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_typical_candidate_is_eligible_with_reasons),
        cmocka_unit_test(eligible_on_the_30th_birthday_not_the_day_before),
        cmocka_unit_test(born_29_february_turns_30_on_1_march_in_common_years),
        cmocka_unit_test(exactly_12_months_unemployed_is_enough_11_is_not),
        cmocka_unit_test(not_activity_ready_is_outside_the_target_group),
        cmocka_unit_test(exclusions_keep_the_target_group_but_remove_eligibility),
        cmocka_unit_test(rules_and_manual_exclusions_are_validated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
