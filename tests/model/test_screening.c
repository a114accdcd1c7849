/* Target-group screening, criterion by criterion, and exclusions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/screening.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static ov_candidate typical(void)
{
    ov_candidate c = {D(1980, 5, 17), true, 24, false, false, false, false};
    return c;
}

static ov_screening screen(const ov_candidate *c, ov_date ref)
{
    ov_screening_rules r = ov_screening_rules_default();
    ov_screening s;
    memset(&s, 0xa5, sizeof s); /* every field must be written */
    ov_screen(&r, c, ref, &s);
    return s;
}

static void a_typical_candidate_is_eligible_with_reasons(void **state)
{
    (void)state;
    ov_candidate c = typical();
    ov_screening s = screen(&c, D(2026, 11, 22));
    assert_true(s.in_target_group);
    assert_false(s.excluded);
    assert_true(s.eligible);
    assert_int_equal(s.age, 46);
    assert_string_equal(ov_screening_status_code(&s), "eligible");
    for (int i = 0; i < OV_CRIT_COUNT; i++) {
        assert_int_equal(s.results[i].criterion, i);
        assert_int_equal(s.results[i].outcome, OV_OUTCOME_PASS);
        assert_true(s.results[i].pass);
    }
    assert_string_equal(s.results[OV_CRIT_ACTIVITY_READY].text_da,
                        "Aktivitetsparat kontanthjælpsmodtager: opfyldt");
    assert_string_equal(s.results[OV_CRIT_AGE].text_da,
                        "Alder 46 år på referencedatoen 22-11-2026; kræver "
                        "mindst 30 år: opfyldt");
    assert_int_equal(s.results[OV_CRIT_AGE].observed, 46);
    assert_int_equal(s.results[OV_CRIT_AGE].required, 30);
    assert_string_equal(s.results[OV_CRIT_UNEMPLOYMENT].text_da,
                        "Ledig i 24 måneder; kræver mindst 12 måneder: "
                        "opfyldt");
    assert_string_equal(s.results[OV_CRIT_PRISON].text_da, "Afsoner ikke");
    /* the same explanations in English, for a reader who chose it */
    assert_string_equal(s.results[OV_CRIT_AGE].text_en,
                        "Age 46 on the reference date 22-11-2026; at least "
                        "30 required: met");
    assert_string_equal(s.results[OV_CRIT_UNEMPLOYMENT].text_en,
                        "Unemployed for 24 months; at least 12 months "
                        "required: met");
    assert_string_equal(s.results[OV_CRIT_PRISON].text_en,
                        "Not serving a sentence");
    assert_int_equal(s.results[OV_CRIT_PRISON].observed, 0);
}

static void every_criterion_has_a_stable_code_and_a_danish_label(void **state)
{
    (void)state;
    static const char *const codes[OV_CRIT_COUNT] = {
        "activity_ready", "age", "unemployment", "company_activity",
        "prison", "health", "declined"};
    for (int i = 0; i < OV_CRIT_COUNT; i++) {
        assert_string_equal(ov_criterion_code((ov_criterion)i), codes[i]);
        assert_true(strlen(ov_criterion_label_da((ov_criterion)i)) > 0);
        assert_int_equal(ov_criterion_is_exclusion((ov_criterion)i), i >= 3);
    }
    assert_string_equal(ov_criterion_code(OV_CRIT_COUNT), "unknown");
    assert_string_equal(ov_outcome_code(OV_OUTCOME_NOT_APPLICABLE),
                        "not_applicable");
    assert_string_equal(ov_outcome_label_da(OV_OUTCOME_FAIL), "Ikke opfyldt");
}

static void eligible_on_the_30th_birthday_not_the_day_before(void **state)
{
    (void)state;
    ov_candidate c = typical();
    c.birth = D(1996, 11, 22);
    ov_screening s = screen(&c, D(2026, 11, 22));
    assert_true(s.eligible);
    assert_int_equal(s.results[OV_CRIT_AGE].observed, 30);
    s = screen(&c, D(2026, 11, 21));
    assert_false(s.eligible);
    assert_false(s.in_target_group);
    assert_int_equal(s.results[OV_CRIT_AGE].outcome, OV_OUTCOME_FAIL);
    assert_int_equal(s.results[OV_CRIT_AGE].observed, 29);
    assert_string_equal(s.results[OV_CRIT_AGE].text_da,
                        "Alder 29 år på referencedatoen 21-11-2026; kræver "
                        "mindst 30 år: ikke opfyldt");
}

static void born_29_february_turns_30_on_1_march_in_common_years(void **state)
{
    (void)state;
    ov_candidate c = typical();
    c.birth = D(1996, 2, 29);
    ov_screening s = screen(&c, D(2026, 2, 28));
    assert_int_equal(s.results[OV_CRIT_AGE].observed, 29);
    assert_false(s.results[OV_CRIT_AGE].pass);
    s = screen(&c, D(2026, 3, 1));
    assert_int_equal(s.results[OV_CRIT_AGE].observed, 30);
    assert_true(s.results[OV_CRIT_AGE].pass);
    /* in a leap year the birthday itself counts */
    c.birth = D(1996, 2, 29);
    ov_screening_rules r = {32, 12};
    ov_screen(&r, &c, D(2028, 2, 29), &s);
    assert_int_equal(s.age, 32);
    assert_true(s.results[OV_CRIT_AGE].pass);
    ov_screen(&r, &c, D(2028, 2, 28), &s);
    assert_int_equal(s.age, 31);
}

static void exactly_12_months_unemployed_is_enough_11_is_not(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_candidate c = typical();
    ov_screening s;
    c.months_unemployed = 12;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_true(s.eligible);
    assert_string_equal(s.results[OV_CRIT_UNEMPLOYMENT].text_da,
                        "Ledig i 12 måneder; kræver mindst 12 måneder: "
                        "opfyldt");
    c.months_unemployed = 11;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_false(s.eligible);
    assert_int_equal(s.results[OV_CRIT_UNEMPLOYMENT].outcome, OV_OUTCOME_FAIL);
    assert_int_equal(s.results[OV_CRIT_UNEMPLOYMENT].observed, 11);
    assert_int_equal(s.results[OV_CRIT_UNEMPLOYMENT].required, 12);
    c.months_unemployed = 1;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_string_equal(s.results[OV_CRIT_UNEMPLOYMENT].text_da,
                        "Ledig i 1 måned; kræver mindst 12 måneder: ikke "
                        "opfyldt");
    /* configurable */
    r.min_months_unemployed = 1;
    ov_screen(&r, &c, D(2026, 11, 22), &s);
    assert_true(s.eligible);
    assert_string_equal(s.results[OV_CRIT_UNEMPLOYMENT].text_da,
                        "Ledig i 1 måned; kræver mindst 1 måned: opfyldt");
}

static void a_configured_minimum_age_moves_the_birthday_edge(void **state)
{
    (void)state;
    ov_screening_rules r = {25, 12};
    ov_candidate c = typical();
    c.birth = D(2001, 6, 30);
    ov_screening s;
    ov_screen(&r, &c, D(2026, 6, 30), &s);
    assert_true(s.eligible);
    ov_screen(&r, &c, D(2026, 6, 29), &s);
    assert_false(s.eligible);
    assert_int_equal(s.results[OV_CRIT_AGE].required, 25);
}

static void not_activity_ready_is_outside_the_target_group_not_excluded(void **state)
{
    (void)state;
    ov_candidate c = typical();
    c.activity_ready = false;
    c.in_prison = true;
    ov_screening s = screen(&c, D(2026, 11, 22));
    assert_false(s.in_target_group);
    assert_false(s.excluded);
    assert_false(s.eligible);
    assert_string_equal(ov_screening_status_code(&s), "not_in_target_group");
    assert_string_equal(ov_screening_status_label_da(&s), "Ikke i målgruppen");
    assert_int_equal(s.results[OV_CRIT_ACTIVITY_READY].outcome,
                     OV_OUTCOME_FAIL);
    assert_int_equal(s.results[OV_CRIT_ACTIVITY_READY].observed, 0);
    assert_int_equal(s.results[OV_CRIT_ACTIVITY_READY].required, 1);
    /* the other target criteria are still evaluated */
    assert_int_equal(s.results[OV_CRIT_AGE].outcome, OV_OUTCOME_PASS);
    /* exclusions do not apply to someone outside the group, but the fact
     * is kept */
    for (int k = OV_CRIT_COMPANY_ACTIVITY; k < OV_CRIT_COUNT; k++) {
        assert_int_equal(s.results[k].outcome, OV_OUTCOME_NOT_APPLICABLE);
        assert_true(s.results[k].pass);
    }
    assert_int_equal(s.results[OV_CRIT_PRISON].observed, 1);
    assert_string_equal(s.results[OV_CRIT_PRISON].text_da,
                        "Afsoner dom; ikke relevant, da personen ikke er i "
                        "målgruppen");
}

static void each_exclusion_keeps_the_group_but_removes_eligibility(void **state)
{
    (void)state;
    for (int k = 0; k < 4; k++) {
        ov_candidate c = typical();
        if (k == 0)
            c.company_activity = true;
        if (k == 1)
            c.in_prison = true;
        if (k == 2)
            c.health_exemption = true;
        if (k == 3)
            c.declined = true;
        ov_screening s = screen(&c, D(2026, 11, 22));
        assert_true(s.in_target_group);
        assert_true(s.excluded);
        assert_false(s.eligible);
        assert_int_equal(s.reason, (ov_exclusion_reason)k);
        assert_string_equal(ov_screening_status_code(&s), "excluded");
        assert_string_equal(ov_screening_status_label_da(&s),
                            "I målgruppen, men udelukket");
        ov_criterion cr = (ov_criterion)(OV_CRIT_COMPANY_ACTIVITY + k);
        assert_int_equal(s.results[cr].outcome, OV_OUTCOME_FAIL);
        assert_false(s.results[cr].pass);
        assert_int_equal(s.results[cr].observed, 1);
        assert_int_equal(s.results[cr].required, 0);
        assert_non_null(strstr(s.results[cr].text_da, ": udelukket"));
    }
    /* several exclusions: the reason is the first in criterion order */
    ov_candidate c = typical();
    c.health_exemption = true;
    c.declined = true;
    ov_screening s = screen(&c, D(2026, 11, 22));
    assert_int_equal(s.reason, OV_EXCL_HEALTH);
    assert_string_equal(ov_exclusion_code(s.reason), "health");
    assert_int_equal(s.results[OV_CRIT_DECLINED].outcome, OV_OUTCOME_FAIL);
}

static void impossible_candidate_facts_are_input_errors(void **state)
{
    (void)state;
    ov_err err;
    ov_candidate c = typical();
    assert_int_equal(ov_candidate_validate(&c, D(2026, 11, 22), &err), OV_OK);
    c.birth = D(2026, 11, 23);
    assert_int_equal(ov_candidate_validate(&c, D(2026, 11, 22), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "birth");
    assert_non_null(strstr(err.msg, "23-11-2026 is after the reference date"));
    c = typical();
    c.months_unemployed = -1;
    assert_int_equal(ov_candidate_validate(&c, D(2026, 11, 22), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "months_unemployed");
    c.months_unemployed = OV_MONTHS_UNEMPLOYED_MAX + 1;
    assert_int_equal(ov_candidate_validate(&c, D(2026, 11, 22), &err),
                     OV_EINVAL);
    c.months_unemployed = 0;
    assert_int_equal(ov_candidate_validate(&c, D(2026, 11, 22), &err), OV_OK);
}

static void rule_configuration_is_checked_at_its_bounds(void **state)
{
    (void)state;
    ov_err err;
    ov_screening_rules d = ov_screening_rules_default();
    assert_int_equal(d.min_age, 30);
    assert_int_equal(d.min_months_unemployed, 12);
    assert_int_equal(ov_screening_rules_validate(&d, &err), OV_OK);
    static const struct {
        int age, months;
        ov_status want;
        const char *field;
    } cases[] = {
        {18, 0, OV_OK, NULL},
        {67, 120, OV_OK, NULL},
        {17, 12, OV_EINVAL, "min_age"},
        {68, 12, OV_EINVAL, "min_age"},
        {30, -1, OV_EINVAL, "min_months_unemployed"},
        {30, 121, OV_EINVAL, "min_months_unemployed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ov_screening_rules r = {cases[i].age, cases[i].months};
        ov_err_clear(&err);
        assert_int_equal(ov_screening_rules_validate(&r, &err), cases[i].want);
        if (cases[i].field)
            assert_string_equal(err.field, cases[i].field);
    }
    ov_screening_rules r = {68, 12};
    ov_screening_rules_validate(&r, &err);
    assert_string_equal(err.msg, "min_age: use 18-67 years (default 30); got 68");
}

static void manual_exclusions_need_a_known_reason_and_other_a_text(void **state)
{
    (void)state;
    ov_err err;
    ov_exclusion_reason x;
    static const char *const codes[OV_EXCL_COUNT] = {
        "company_activity", "prison", "health", "declined", "other"};
    for (int i = 0; i < OV_EXCL_COUNT; i++) {
        assert_int_equal(ov_exclusion_parse(ov_str_c(codes[i]), &x, &err),
                         OV_OK);
        assert_int_equal(x, i);
        assert_string_equal(ov_exclusion_code(x), codes[i]);
        assert_true(strlen(ov_exclusion_label_da(x)) > 0);
    }
    assert_int_equal(ov_exclusion_parse(OV_STR_LIT("bored"), &x, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "reason");
    assert_non_null(strstr(err.msg, "unknown reason 'bored'"));

    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER, OV_STR_NULL, &err),
                     OV_EINVAL);
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER, OV_STR_LIT(" \t"),
                                           &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "reason_text");
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER,
                                           OV_STR_LIT("Flytter til Sverige"),
                                           &err),
                     OV_OK);
    assert_int_equal(ov_exclusion_validate(OV_EXCL_HEALTH, OV_STR_NULL, &err),
                     OV_OK);
    char text[OV_EXCLUSION_TEXT_MAX + 3];
    memset(text, 'x', sizeof text);
    ov_str t500 = {text, OV_EXCLUSION_TEXT_MAX};
    ov_str t501 = {text, OV_EXCLUSION_TEXT_MAX + 1};
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER, t500, &err), OV_OK);
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER, t501, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "reason_text");
    assert_non_null(strstr(err.msg, "501 bytes is longer than 500"));
    /* the cap is on the trimmed text, which is what is stored */
    text[0] = ' ';
    text[OV_EXCLUSION_TEXT_MAX + 1] = ' ';
    ov_str padded = {text, OV_EXCLUSION_TEXT_MAX + 2};
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER, padded, &err), OV_OK);
    assert_int_equal(ov_exclusion_validate(OV_EXCL_OTHER,
                                           OV_STR_LIT("bad \xff byte"), &err),
                     OV_EINVAL);
    assert_int_equal(ov_exclusion_validate(OV_EXCL_COUNT, OV_STR_NULL, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "reason");
    assert_string_equal(ov_exclusion_label_da(OV_EXCL_DECLINED), "Takket nej");
}

/* The import stores ov_screen_decide's decision and pages show
 * ov_screen's: they agree for every combination of facts around the
 * age and unemployment edges. */
static void the_decision_without_texts_is_the_screening_decision(void **state)
{
    (void)state;
    ov_screening_rules r = ov_screening_rules_default();
    ov_date ref = ov_date_from_ymd(2026, 11, 1);
    const ov_date births[] = {ov_date_from_ymd(1996, 11, 1),
                              ov_date_from_ymd(1996, 11, 2),
                              ov_date_from_ymd(1960, 2, 29),
                              ov_date_from_ymd(2008, 1, 1)};
    const int months[] = {0, 11, 12, 13, 600};
    int n = 0;
    for (int b = 0; b < 4; b++)
        for (int m = 0; m < 5; m++)
            for (unsigned f = 0; f < 32; f++) {
                ov_candidate c = {births[b], f & 1, months[m], f & 2, f & 4,
                                  f & 8, f & 16};
                ov_screening full, quick;
                ov_screen(&r, &c, ref, &full);
                memset(&quick, 0x5a, sizeof quick);
                ov_screen_decide(&r, &c, ref, &quick);
                assert_int_equal(quick.in_target_group, full.in_target_group);
                assert_int_equal(quick.excluded, full.excluded);
                assert_int_equal(quick.eligible, full.eligible);
                assert_int_equal(quick.age, full.age);
                if (full.excluded)
                    assert_int_equal(quick.reason, full.reason);
                n += full.excluded;
            }
    assert_true(n > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_typical_candidate_is_eligible_with_reasons),
        cmocka_unit_test(every_criterion_has_a_stable_code_and_a_danish_label),
        cmocka_unit_test(eligible_on_the_30th_birthday_not_the_day_before),
        cmocka_unit_test(born_29_february_turns_30_on_1_march_in_common_years),
        cmocka_unit_test(exactly_12_months_unemployed_is_enough_11_is_not),
        cmocka_unit_test(a_configured_minimum_age_moves_the_birthday_edge),
        cmocka_unit_test(not_activity_ready_is_outside_the_target_group_not_excluded),
        cmocka_unit_test(each_exclusion_keeps_the_group_but_removes_eligibility),
        cmocka_unit_test(impossible_candidate_facts_are_input_errors),
        cmocka_unit_test(rule_configuration_is_checked_at_its_bounds),
        cmocka_unit_test(manual_exclusions_need_a_known_reason_and_other_a_text),
        cmocka_unit_test(the_decision_without_texts_is_the_screening_decision),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
