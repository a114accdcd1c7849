/* The retention rule (model/retention.h): a course is due only when it has
 * ended more than the municipality's years before today; an open course
 * never, whatever its dates; no setting, never; an anonymised course is
 * done; the setting accepts 1-100 years or empty; a plan keeps its
 * structure and loses its texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/retention.h"
#include "model/settings.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static void a_course_is_due_only_after_more_than_its_years(void **state)
{
    (void)state;
    ov_date today = D(2030, 6, 15);
    assert_int_equal(ov_retention_cutoff(today, 5), D(2025, 6, 15));
    /* ended exactly five years ago: kept one more day */
    assert_int_equal(ov_retention_judge(true, D(2025, 6, 15), false, 5, today),
                     OV_RET_KEPT);
    assert_int_equal(ov_retention_judge(true, D(2025, 6, 14), false, 5, today),
                     OV_RET_DUE);
    assert_int_equal(ov_retention_judge(true, D(2025, 6, 15), false, 5,
                                        D(2030, 6, 16)),
                     OV_RET_DUE);
    /* the years count: ten years keep what five let go */
    assert_int_equal(ov_retention_judge(true, D(2021, 1, 1), false, 10, today),
                     OV_RET_KEPT);
    assert_int_equal(ov_retention_judge(true, D(2020, 6, 14), false, 10,
                                        today),
                     OV_RET_DUE);
    /* 29 February: the cutoff a year later is 28 February */
    assert_int_equal(ov_retention_cutoff(D(2029, 2, 28), 1), D(2028, 2, 28));
    assert_int_equal(ov_retention_judge(true, D(2028, 2, 28), false, 1,
                                        D(2029, 2, 28)),
                     OV_RET_KEPT);
    assert_int_equal(ov_retention_judge(true, D(2028, 2, 27), false, 1,
                                        D(2029, 2, 28)),
                     OV_RET_DUE);
}

static void an_open_course_is_never_due(void **state)
{
    (void)state;
    /* however old its dates, and even if marked */
    assert_int_equal(ov_retention_judge(false, 0, false, 1, D(2090, 1, 1)),
                     OV_RET_OPEN);
    assert_int_equal(ov_retention_judge(false, D(1990, 1, 1), true, 1,
                                        D(2090, 1, 1)),
                     OV_RET_OPEN);
}

static void no_setting_keeps_everything_and_done_is_done(void **state)
{
    (void)state;
    assert_int_equal(ov_retention_judge(true, D(1990, 1, 1), false, 0,
                                        D(2090, 1, 1)),
                     OV_RET_NEVER);
    assert_int_equal(ov_retention_judge(true, D(1990, 1, 1), true, 5,
                                        D(2090, 1, 1)),
                     OV_RET_DONE);
    assert_string_equal(ov_retention_verdict_code(OV_RET_DUE), "due");
}

static void the_setting_is_empty_or_1_to_100_years(void **state)
{
    (void)state;
    ov_settings s;
    ov_err err;
    ov_settings_default(&s);
    assert_int_equal(s.retention_years, 0); /* never, until set */
    assert_int_equal(ov_settings_validate(&s, &err), OV_OK);
    s.retention_years = 1;
    assert_int_equal(ov_settings_validate(&s, &err), OV_OK);
    s.retention_years = 100;
    assert_int_equal(ov_settings_validate(&s, &err), OV_OK);
    s.retention_years = 101;
    assert_int_equal(ov_settings_validate(&s, &err), OV_EINVAL);
    assert_string_equal(err.field, "retention_years");
    assert_non_null(strstr(err.msg, "1-100 years"));
    s.retention_years = -1;
    assert_int_equal(ov_settings_validate(&s, &err), OV_EINVAL);
    /* on the settings page as an optional whole number */
    int found = 0;
    for (int i = 0; i < ov_nsetting_ints; i++)
        if (strcmp(ov_setting_ints[i].code, "retention_years") == 0) {
            found = 1;
            assert_true(ov_setting_int_empty_ok(&ov_setting_ints[i]));
            assert_int_equal(ov_setting_ints[i].min, 1);
            assert_int_equal(ov_setting_ints[i].max, 100);
        } else {
            assert_false(ov_setting_int_empty_ok(&ov_setting_ints[i]));
        }
    assert_true(found);
}

static void a_plan_keeps_its_structure_and_loses_its_texts(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    ov_plan p;
    const char *json =
        "{\"job_goal\":\"Arbejde med dyr hos Hanne\",\"occupation\":\"9211\","
        "\"goals\":[{\"id\":1,\"text\":\"Stabil hverdag\",\"status\":"
        "\"in_progress\",\"subgoals\":[{\"id\":2,\"text\":\"Sove bedre\","
        "\"status\":\"done\",\"activities\":[{\"id\":3,\"text\":\"Tale med "
        "lægen om søvn\",\"responsible\":\"social_caseworker\",\"deadline\":"
        "\"2026-03-01\",\"status\":\"done\"}]}]}]}";
    assert_int_equal(ov_plan_from_json(ov_str_c(json), a, &p, &err), OV_OK);
    assert_int_equal(ov_plan_anonymise(&p), 4);
    ov_str out = ov_plan_to_json(&p, a);
    assert_null(strstr(out.ptr, "Hanne"));
    assert_null(strstr(out.ptr, "lægen"));
    assert_non_null(strstr(out.ptr, "9211"));
    assert_non_null(strstr(out.ptr, "2026-03-01"));
    ov_plan back;
    assert_int_equal(ov_plan_from_json(out, a, &back, &err), OV_OK);
    assert_int_equal(back.goals[0].subgoals[0].activities[0].status,
                     OV_ITEM_DONE);
    assert_string_equal(back.goals[0].text.ptr, OV_ANON_MARKER);
    /* an empty job goal stays empty */
    back.job_goal = OV_STR_LIT("");
    back.ngoals = 0;
    assert_int_equal(ov_plan_anonymise(&back), 0);
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_course_is_due_only_after_more_than_its_years),
        cmocka_unit_test(an_open_course_is_never_due),
        cmocka_unit_test(no_setting_keeps_everything_and_done_is_done),
        cmocka_unit_test(the_setting_is_empty_or_1_to_100_years),
        cmocka_unit_test(a_plan_keeps_its_structure_and_loses_its_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
