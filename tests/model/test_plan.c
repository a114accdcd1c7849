/* The individual plan: validation with paths, canonical JSON, diff, and
 * the stale-version conflict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/plan.h"

static const char SAMPLE[] =
    "{\"job_goal\":\"Jeg vil arbejde med dyr\",\"occupation\":\"9211\","
    "\"goals\":[{\"id\":1,\"text\":\"Komme i praktik\",\"status\":"
    "\"in_progress\",\"subgoals\":[{\"id\":2,\"text\":\"Møde op til "
    "tiden\",\"status\":\"planned\",\"activities\":[{\"id\":3,\"text\":"
    "\"Vækkeur og morgenrutine\",\"responsible\":\"cti_worker\","
    "\"deadline\":\"2026-12-01\",\"status\":\"planned\"}]}]}]}";

static void json_round_trips_exactly(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p;
    ov_err err;
    assert_int_equal(ov_plan_from_json(OV_STR_LIT(SAMPLE), a, &p, &err),
                     OV_OK);
    assert_true(ov_plan_has_job_goal(&p));
    assert_int_equal(p.ngoals, 1);
    assert_int_equal(p.goals[0].subgoals[0].activities[0].responsible,
                     OV_ROLE_CTI_WORKER);
    assert_true(p.goals[0].subgoals[0].activities[0].has_deadline);
    assert_true(ov_str_eq_c(p.goals[0].subgoals[0].text, "Møde op til tiden"));
    assert_int_equal(ov_plan_max_id(&p), 3);
    ov_str j = ov_plan_to_json(&p, a);
    assert_true(ov_str_eq_c(j, SAMPLE));
    ov_arena_destroy(a);
}

static void unknown_fields_and_wrong_types_name_the_path(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p;
    ov_err err;
    assert_int_equal(ov_plan_from_json(OV_STR_LIT("{\"job_goal\":\"x\","
                                                  "\"colour\":1}"),
                                       a, &p, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "unknown field 'colour'"));
    assert_int_equal(
        ov_plan_from_json(OV_STR_LIT("{\"goals\":[{\"id\":1,\"text\":\"a\","
                                     "\"status\":\"planned\",\"subgoals\":[{"
                                     "\"id\":2,\"text\":\"b\",\"status\":"
                                     "\"planned\",\"activities\":[{\"id\":3,"
                                     "\"text\":\"c\",\"responsible\":"
                                     "\"leader\",\"status\":\"planned\"}]}]"
                                     "}]}"),
                          a, &p, &err),
        OV_EINVAL);
    assert_string_equal(err.field,
                        "goals[0].subgoals[0].activities[0].responsible");
    assert_int_equal(ov_plan_from_json(OV_STR_LIT("{\"goals\":{}}"), a, &p,
                                       &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "goals");
    assert_int_equal(ov_plan_from_json(OV_STR_LIT("{\"job_goal\":"), a, &p,
                                       &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "not valid JSON"));
    assert_int_equal(
        ov_plan_from_json(OV_STR_LIT("{\"goals\":[{\"id\":1,\"text\":\"a\","
                                     "\"status\":\"planned\"},{\"id\":1,"
                                     "\"text\":\"b\",\"status\":\"done\"}]}"),
                          a, &p, &err),
        OV_EINVAL);
    assert_non_null(strstr(err.msg, "used twice"));
    assert_int_equal(ov_plan_from_json(OV_STR_LIT("{\"occupation\":\"92\"}"),
                                       a, &p, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "occupation");
    ov_arena_destroy(a);
}

static void occupation_outside_the_disco08_list_is_refused(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p;
    ov_err err;
    /* four digits, but no DISCO-08 stillingskategori has the code */
    assert_int_equal(ov_plan_from_json(OV_STR_LIT("{\"occupation\":\"9999\"}"),
                                       a, &p, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "occupation");
    assert_non_null(strstr(err.msg, "9999 is not a DISCO-08"));
    assert_int_equal(ov_plan_from_json(OV_STR_LIT("{\"occupation\":\"9321\"}"),
                                       a, &p, &err),
                     OV_OK);
    ov_arena_destroy(a);
}

static void caps_are_enforced(void **state)
{
    (void)state;
    ov_plan_goal goals[OV_PLAN_GOALS_MAX + 1];
    memset(goals, 0, sizeof goals);
    for (int i = 0; i <= OV_PLAN_GOALS_MAX; i++) {
        goals[i].id = i + 1;
        goals[i].text = OV_STR_LIT("mål");
    }
    ov_plan p = {OV_STR_LIT("x"), OV_STR_LIT(""), OV_PLAN_GOALS_MAX, goals};
    ov_err err;
    assert_int_equal(ov_plan_validate(&p, &err), OV_OK);
    p.ngoals++;
    assert_int_equal(ov_plan_validate(&p, &err), OV_EINVAL);
    p.ngoals = 1;
    char big[OV_PLAN_TEXT_MAX + 1];
    memset(big, 'x', sizeof big);
    goals[0].text = (ov_str){big, sizeof big};
    assert_int_equal(ov_plan_validate(&p, &err), OV_EINVAL);
    assert_string_equal(err.field, "goals[0].text");
    goals[0].text = (ov_str){big, OV_PLAN_TEXT_MAX};
    assert_int_equal(ov_plan_validate(&p, &err), OV_OK);
}

static void diff_finds_each_kind_of_change(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p1, p2;
    ov_err err;
    assert_int_equal(ov_plan_from_json(OV_STR_LIT(SAMPLE), a, &p1, &err),
                     OV_OK);
    assert_int_equal(ov_plan_from_json(OV_STR_LIT(SAMPLE), a, &p2, &err),
                     OV_OK);
    ov_plan_change ch[16];
    int total = -1;
    assert_int_equal(ov_plan_diff(&p1, &p2, ch, 16, &total), 0);
    assert_int_equal(total, 0);
    /* change status, deadline, responsible, and the job goal */
    ov_plan_activity *act = &p2.goals[0].subgoals[0].activities[0];
    p2.goals[0].subgoals[0].status = OV_ITEM_DONE;
    act->deadline += 7;
    act->responsible = OV_ROLE_CITIZEN;
    p2.job_goal = OV_STR_LIT("Jeg vil arbejde i en dyrehandel");
    int n = ov_plan_diff(&p1, &p2, ch, 16, &total);
    assert_int_equal(n, 4);
    assert_string_equal(ch[0].text_da,
                        "Jobmål ændret: 'Jeg vil arbejde med dyr' → 'Jeg vil "
                        "arbejde i en dyrehandel'");
    assert_string_equal(ch[1].text_da,
                        "Delmål 'Møde op til tiden' ændret status: Planlagt → "
                        "Gennemført");
    assert_non_null(strstr(ch[2].text_da, "ny ansvarlig: CTI-medarbejder → "
                                          "Borger"));
    assert_non_null(strstr(ch[3].text_da, "ny frist: 01-12-2026 → "
                                          "08-12-2026"));
    /* removed and added items, by id */
    p2.goals[0].subgoals[0].nactivities = 0;
    ov_plan_goal extra[2] = {p2.goals[0], {9, OV_STR_LIT("Fast job"),
                                           OV_ITEM_PLANNED, 0, NULL}};
    p2.goals = extra;
    p2.ngoals = 2;
    n = ov_plan_diff(&p1, &p2, ch, 16, &total);
    int removed = 0, added = 0;
    for (int i = 0; i < n; i++) {
        removed += strstr(ch[i].text_da, "Indsats 'Vækkeur og morgenrutine' "
                                         "fjernet") != NULL;
        added += strstr(ch[i].text_da, "Mål 'Fast job' tilføjet") != NULL;
    }
    assert_int_equal(removed, 1);
    assert_int_equal(added, 1);
    /* the cap on output is respected, the total still counted */
    n = ov_plan_diff(&p1, &p2, ch, 2, &total);
    assert_int_equal(n, 2);
    assert_true(total > 2);
    ov_arena_destroy(a);
}

/* The diff is structured (issue 13: English mode): each change says its
 * kind, the item, the item's text and the old and new value as codes and
 * ISO dates, so any language renders it; the Danish line is unchanged. */
static void diff_is_structured_kind_item_old_and_new(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p1, p2;
    ov_err err;
    assert_int_equal(ov_plan_from_json(OV_STR_LIT(SAMPLE), a, &p1, &err),
                     OV_OK);
    assert_int_equal(ov_plan_from_json(OV_STR_LIT(SAMPLE), a, &p2, &err),
                     OV_OK);
    ov_plan_activity *act = &p2.goals[0].subgoals[0].activities[0];
    p2.goals[0].subgoals[0].status = OV_ITEM_DONE;
    act->responsible = OV_ROLE_CITIZEN;
    act->has_deadline = false;
    p2.goals[0].text = OV_STR_LIT("Et nyt mål");
    p2.occupation = OV_STR_LIT("5164");
    ov_plan_change ch[16];
    int total = 0;
    int n = ov_plan_diff(&p1, &p2, ch, 16, &total);
    assert_int_equal(n, 5);
    assert_int_equal(ch[0].kind, OV_PCH_OCCUPATION);
    assert_int_equal(ch[0].item, OV_PITEM_PLAN);
    /* an occupation as "title (code)" from the DISCO-08 list */
    assert_non_null(strstr(ch[0].new_value, "(5164)"));
    assert_true(strlen(ch[0].new_value) > strlen("(5164)"));
    assert_int_equal(ch[1].kind, OV_PCH_TEXT);
    assert_int_equal(ch[1].item, OV_PITEM_GOAL);
    assert_string_equal(ch[1].new_value, "Et nyt mål");
    assert_string_equal(ch[1].subject, "Et nyt mål");
    assert_int_equal(ch[2].kind, OV_PCH_STATUS);
    assert_int_equal(ch[2].item, OV_PITEM_SUBGOAL);
    assert_string_equal(ch[2].subject, "Møde op til tiden");
    assert_string_equal(ch[2].old_value, "planned");
    assert_string_equal(ch[2].new_value, "done");
    assert_int_equal(ch[3].kind, OV_PCH_RESPONSIBLE);
    assert_int_equal(ch[3].item, OV_PITEM_ACTIVITY);
    assert_string_equal(ch[3].old_value, "cti_worker");
    assert_string_equal(ch[3].new_value, "citizen");
    assert_int_equal(ch[4].kind, OV_PCH_DEADLINE);
    assert_string_equal(ch[4].old_value, "2026-12-01");
    assert_string_equal(ch[4].new_value, "");
    assert_non_null(strstr(ch[4].text_da, "ny frist: 01-12-2026 → ingen"));
    assert_string_equal(ov_plan_change_code(ch[4].kind), "deadline");
    assert_string_equal(ov_plan_item_code(ch[4].item), "activity");
    /* a long text is cut at OV_PLAN_SHOW bytes in the values too */
    char big[200];
    memset(big, 'y', sizeof big);
    p2 = p1;
    p2.job_goal = (ov_str){big, sizeof big};
    n = ov_plan_diff(&p1, &p2, ch, 16, &total);
    assert_int_equal(n, 1);
    assert_int_equal((int)strlen(ch[0].new_value), OV_PLAN_SHOW);
    ov_arena_destroy(a);
}

static void editing_a_stale_version_is_a_conflict(void **state)
{
    (void)state;
    ov_err err;
    assert_int_equal(ov_plan_check_base(3, 3, &err), OV_OK);
    assert_int_equal(ov_plan_check_base(4, 3, &err), OV_ECONFLICT);
    assert_string_equal(err.msg,
                        "base_version: the plan was changed by someone else "
                        "(now version 4, you edited version 3); reload and "
                        "apply your change again");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_round_trips_exactly),
        cmocka_unit_test(unknown_fields_and_wrong_types_name_the_path),
        cmocka_unit_test(occupation_outside_the_disco08_list_is_refused),
        cmocka_unit_test(caps_are_enforced),
        cmocka_unit_test(diff_finds_each_kind_of_change),
        cmocka_unit_test(diff_is_structured_kind_item_old_and_new),
        cmocka_unit_test(editing_a_stale_version_is_a_conflict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
