/* Course stages move forward only; ending needs a valid reason and date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/course.h"
#include "model/org.h"

static void stage_and_reason_codes_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < OV_STAGE_COUNT; s++) {
        ov_stage out;
        assert_int_equal(ov_stage_parse(ov_str_c(ov_stage_code((ov_stage)s)),
                                        &out, NULL),
                         OV_OK);
        assert_int_equal(out, s);
    }
    for (int r = 0; r < OV_END_COUNT; r++) {
        ov_end_reason out;
        assert_int_equal(
            ov_end_reason_parse(ov_str_c(ov_end_reason_code((ov_end_reason)r)),
                                &out, NULL),
            OV_OK);
        assert_int_equal(out, r);
    }
    ov_err err;
    ov_stage s;
    assert_int_equal(ov_stage_parse(OV_STR_LIT("done"), &s, &err), OV_EINVAL);
    assert_string_equal(err.field, "stage");
    assert_string_equal(ov_stage_label_da(OV_STAGE_IN_JOB), "I job");
}

static void stages_move_forward_and_may_skip(void **state)
{
    (void)state;
    ov_err err;
    assert_int_equal(ov_course_validate_stage_change(OV_STAGE_DRAWN,
                                                     OV_STAGE_START, &err),
                     OV_OK);
    assert_int_equal(ov_course_validate_stage_change(OV_STAGE_START,
                                                     OV_STAGE_PLACEMENT, &err),
                     OV_OK);
    assert_int_equal(ov_course_validate_stage_change(OV_STAGE_PLAN,
                                                     OV_STAGE_START, &err),
                     OV_ECONFLICT);
    assert_non_null(strstr(err.msg, "forward only"));
    assert_int_equal(ov_course_validate_stage_change(OV_STAGE_PLAN,
                                                     OV_STAGE_PLAN, &err),
                     OV_ECONFLICT);
    assert_int_equal(ov_course_validate_stage_change(OV_STAGE_ENDED,
                                                     OV_STAGE_IN_JOB, &err),
                     OV_ECONFLICT);
    assert_int_equal(ov_course_validate_stage_change(OV_STAGE_PLAN,
                                                     OV_STAGE_ENDED, &err),
                     OV_EINVAL);
}

static void ending_checks_dates_reason_and_text(void **state)
{
    (void)state;
    ov_err err;
    ov_date start = ov_date_from_ymd(2026, 1, 10);
    ov_date today = ov_date_from_ymd(2026, 11, 22);
    assert_int_equal(ov_course_validate_end(OV_STAGE_IN_JOB, start, today,
                                            today, OV_END_ORDINARY_JOB,
                                            OV_STR_NULL, &err),
                     OV_OK);
    assert_int_equal(ov_course_validate_end(OV_STAGE_IN_JOB, start, start,
                                            today, OV_END_ORDINARY_JOB,
                                            OV_STR_NULL, &err),
                     OV_OK);
    assert_int_equal(ov_course_validate_end(OV_STAGE_IN_JOB, start, start - 1,
                                            today, OV_END_ORDINARY_JOB,
                                            OV_STR_NULL, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "end_date");
    assert_non_null(strstr(err.msg, "10-01-2026"));
    assert_int_equal(ov_course_validate_end(OV_STAGE_IN_JOB, start, today + 1,
                                            today, OV_END_ORDINARY_JOB,
                                            OV_STR_NULL, &err),
                     OV_EINVAL);
    assert_int_equal(ov_course_validate_end(OV_STAGE_PLAN, start, today,
                                            today, OV_END_OTHER,
                                            OV_STR_LIT("  "), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "end_text");
    assert_int_equal(ov_course_validate_end(OV_STAGE_PLAN, start, today,
                                            today, OV_END_OTHER,
                                            OV_STR_LIT("Flyttet til Norge"),
                                            &err),
                     OV_OK);
    assert_int_equal(ov_course_validate_end(OV_STAGE_ENDED, start, today,
                                            today, OV_END_MOVED, OV_STR_NULL,
                                            &err),
                     OV_ECONFLICT);
}

static void municipality_codes_and_usernames_are_validated(void **state)
{
    (void)state;
    ov_err err;
    assert_int_equal(ov_org_validate_municipality(250, OV_STR_LIT("Halsnæs"),
                                                  &err),
                     OV_OK);
    assert_int_equal(ov_org_validate_municipality(100, OV_STR_LIT("X"), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "municipality_code");
    assert_int_equal(ov_org_validate_municipality(861, OV_STR_LIT("X"), &err),
                     OV_EINVAL);
    assert_int_equal(ov_org_validate_municipality(550, OV_STR_LIT(""), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "municipality_name");
    assert_int_equal(ov_org_validate_username(OV_STR_LIT("job2"), &err), OV_OK);
    assert_int_equal(ov_org_validate_username(OV_STR_LIT("anne.k-b_2"), &err),
                     OV_OK);
    assert_int_equal(ov_org_validate_username(OV_STR_LIT("j"), &err),
                     OV_EINVAL);
    assert_int_equal(ov_org_validate_username(OV_STR_LIT("2job"), &err),
                     OV_EINVAL);
    assert_int_equal(ov_org_validate_username(OV_STR_LIT("Job"), &err),
                     OV_EINVAL);
    assert_int_equal(ov_org_validate_username(OV_STR_LIT("jo b"), &err),
                     OV_EINVAL);
    assert_true(ov_role_is_frontline(OV_ROLE_CTI_WORKER));
    assert_false(ov_role_is_frontline(OV_ROLE_LEADER));
    assert_false(ov_role_has_municipality(OV_ROLE_NATIONAL_ANALYST));
    assert_true(ov_role_has_municipality(OV_ROLE_EMPLOYER));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stage_and_reason_codes_round_trip),
        cmocka_unit_test(stages_move_forward_and_may_skip),
        cmocka_unit_test(ending_checks_dates_reason_and_text),
        cmocka_unit_test(municipality_codes_and_usernames_are_validated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
