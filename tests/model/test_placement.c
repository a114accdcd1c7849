/* Placements, the work agreement, sign-offs and the weekly hours log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/placement.h"

static ov_placement sample(void)
{
    ov_placement p = {OV_PLACE_INTERNSHIP, 7, ov_date_from_ymd(2026, 3, 2),
                      true, ov_date_from_ymd(2026, 8, 30), 150};
    return p;
}

static void hours_parse_danish_and_dot_decimals(void **state)
{
    (void)state;
    ov_err err;
    int h;
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12,5"), "h", &h, &err), OV_OK);
    assert_int_equal(h, 125);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12.5"), "h", &h, &err), OV_OK);
    assert_int_equal(h, 125);
    assert_int_equal(ov_hours_parse(OV_STR_LIT(" 37 "), "h", &h, &err), OV_OK);
    assert_int_equal(h, 370);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("60"), "h", &h, &err), OV_OK);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("60,1"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12,25"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT(",5"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12,"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("-3"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT(""), "weekly_hours", &h, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "weekly_hours");
    char out[16];
    ov_hours_format(125, out);
    assert_string_equal(out, "12,5");
    ov_hours_format(120, out);
    assert_string_equal(out, "12");
}

static void a_placement_cannot_start_before_the_start_meeting(void **state)
{
    (void)state;
    ov_err err;
    ov_placement p = sample();
    assert_int_equal(ov_placement_validate(&p, true, p.start, &err), OV_OK);
    assert_int_equal(ov_placement_validate(&p, true, p.start + 1, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "start");
    assert_non_null(strstr(err.msg, "03-03-2026"));
    assert_int_equal(ov_placement_validate(&p, false, 0, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "start meeting"));
    p.end = p.start - 1;
    assert_int_equal(ov_placement_validate(&p, true, p.start, &err), OV_EINVAL);
    assert_string_equal(err.field, "end");
    p = sample();
    p.company_id = 0;
    assert_int_equal(ov_placement_validate(&p, true, p.start, &err), OV_EINVAL);
    assert_string_equal(err.field, "company_id");
}

static void placement_types_have_codes_and_danish_labels(void **state)
{
    (void)state;
    ov_placement_type t;
    assert_int_equal(ov_placement_type_parse(OV_STR_LIT("wage_subsidy"), &t,
                                             NULL),
                     OV_OK);
    assert_int_equal(t, OV_PLACE_WAGE_SUBSIDY);
    assert_string_equal(ov_placement_type_label_da(OV_PLACE_INTERNSHIP),
                        "Virksomhedspraktik");
    ov_err err;
    assert_int_equal(ov_placement_type_parse(OV_STR_LIT("job"), &t, &err),
                     OV_EINVAL);
}

static void work_agreements_need_tasks_a_goal_and_hours_in_range(void **state)
{
    (void)state;
    ov_err err;
    ov_placement p = sample();
    ov_agreement a = {.internship_hours_x10 = 150,
                      .ordinary_hours_x10 = 50,
                      .tasks = OV_STR_LIT("Lager: pluk og pak"),
                      .accommodations = OV_STR_LIT("Ingen kundekontakt"),
                      .ngoals = 1,
                      .review_date = ov_date_from_ymd(2026, 5, 1)};
    a.goals[0] = (ov_agreement_goal){OV_STR_LIT("5 ordinære timer i maj"),
                                     false};
    assert_int_equal(ov_agreement_validate(&a, &p, &err), OV_OK);
    ov_agreement b = a;
    b.ordinary_hours_x10 = 451;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "ordinary_hours");
    b = a;
    b.tasks = OV_STR_LIT(" ");
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "tasks");
    b = a;
    b.ngoals = 0;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "goals");
    b = a;
    b.review_date = p.start - 1;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "review_date");
    b.review_date = p.end + 1;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
}

static void iso_weeks_of_the_hours_log_are_real_weeks(void **state)
{
    (void)state;
    assert_int_equal(ov_iso_weeks_in_year(2026), 53);
    assert_int_equal(ov_iso_weeks_in_year(2025), 52);
    assert_int_equal(ov_iso_week_monday(2026, 1), ov_date_from_ymd(2025, 12, 29));
    assert_int_equal(ov_iso_week_monday(2026, 53), ov_date_from_ymd(2026, 12, 28));
    ov_err err;
    ov_placement p = {OV_PLACE_INTERNSHIP, 1, ov_date_from_ymd(2025, 12, 1),
                      false, 0, 100};
    ov_hours_week w = {2026, 53, 100, 50};
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_OK);
    w = (ov_hours_week){2025, 53, 100, 50};
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "2025-W53 does not exist"));
    w = (ov_hours_week){2025, 48, 100, 0}; /* 24-30 Nov 2025, before start */
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_EINVAL);
    w = (ov_hours_week){2025, 49, 400, 201};
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "hours");
}

static void progression_sorts_weeks_and_reports_ordinary_share(void **state)
{
    (void)state;
    ov_hours_week w[] = {{2026, 12, 100, 100}, {2026, 2, 150, 0},
                         {2025, 52, 100, 0}, {2026, 20, 0, 200}};
    double first, last;
    assert_true(ov_hours_progression(w, 4, &first, &last));
    assert_int_equal(w[0].iso_year, 2025);
    assert_int_equal(w[1].iso_week, 2);
    assert_int_equal(w[3].iso_week, 20);
    assert_true(first == 0.0);
    assert_true(last == 1.0);
    assert_false(ov_hours_progression(w, 0, &first, &last));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hours_parse_danish_and_dot_decimals),
        cmocka_unit_test(a_placement_cannot_start_before_the_start_meeting),
        cmocka_unit_test(placement_types_have_codes_and_danish_labels),
        cmocka_unit_test(work_agreements_need_tasks_a_goal_and_hours_in_range),
        cmocka_unit_test(iso_weeks_of_the_hours_log_are_real_weeks),
        cmocka_unit_test(progression_sorts_weeks_and_reports_ordinary_share),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
