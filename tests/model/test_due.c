/* "What is due" is derived from the course's facts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/due.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static ov_course_facts active(void)
{
    ov_course_facts f = {0};
    f.course_id = 17;
    f.stage = OV_STAGE_PLACEMENT;
    f.started_on = D(2026, 9, 1);
    f.has_start_meeting = true;
    f.start_meeting_on = D(2026, 9, 10);
    f.plan_has_job_goal = true;
    f.has_followup = true;
    f.last_followup_on = D(2026, 11, 5); /* next due 3 Dec */
    return f;
}

static int find(const ov_task *t, int n, ov_task_kind k)
{
    for (int i = 0; i < n; i++)
        if (t[i].kind == k)
            return i;
    return -1;
}

static void without_a_start_meeting_only_that_is_due(void **state)
{
    (void)state;
    ov_course_facts f = active();
    f.has_start_meeting = false;
    f.plan_has_job_goal = false;
    ov_task t[OV_TASKS_PER_COURSE];
    int n = ov_due_tasks(&f, D(2026, 11, 22), 14, t, OV_TASKS_PER_COURSE);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].kind, OV_TASK_START_MEETING);
    assert_true(t[0].overdue);
    assert_int_equal(t[0].course_id, 17);
    assert_string_equal(ov_task_kind_code(t[0].kind),
                        "start_meeting_incomplete");
}

static void followup_is_due_n_weeks_after_the_latest(void **state)
{
    (void)state;
    ov_course_facts f = active();
    ov_task t[OV_TASKS_PER_COURSE];
    /* 3 Dec is 11 days after 22 Nov: inside a 14-day window */
    int n = ov_due_tasks(&f, D(2026, 11, 22), 14, t, OV_TASKS_PER_COURSE);
    int i = find(t, n, OV_TASK_FOLLOWUP);
    assert_true(i >= 0);
    assert_int_equal(t[i].due, D(2026, 12, 3));
    assert_false(t[i].overdue);
    /* outside a 10-day window */
    n = ov_due_tasks(&f, D(2026, 11, 22), 10, t, OV_TASKS_PER_COURSE);
    assert_int_equal(find(t, n, OV_TASK_FOLLOWUP), -1);
    /* with no follow-up yet, counted from the start meeting */
    f.has_followup = false;
    n = ov_due_tasks(&f, D(2026, 11, 22), 0, t, OV_TASKS_PER_COURSE);
    i = find(t, n, OV_TASK_FOLLOWUP);
    assert_int_equal(t[i].due, D(2026, 10, 8));
    assert_true(t[i].overdue);
    /* in a job: no more follow-ups */
    f.stage = OV_STAGE_IN_JOB;
    n = ov_due_tasks(&f, D(2026, 11, 22), 14, t, OV_TASKS_PER_COURSE);
    assert_int_equal(find(t, n, OV_TASK_FOLLOWUP), -1);
}

static void missing_job_goal_measurement_review_and_cti_tasks(void **state)
{
    (void)state;
    ov_course_facts f = active();
    f.plan_has_job_goal = false;
    f.has_measurement_due = true;
    f.measurement_due_on = D(2026, 11, 20);
    f.measurement_name = "WHO-5";
    f.n_phase_changes = 2;
    f.phase_change_on[0] = D(2026, 9, 1);  /* long past: history */
    f.phase_change_on[1] = D(2026, 11, 30);
    f.has_agreement_review = true;
    f.agreement_review_on = D(2026, 12, 1);
    f.cti_misaligned = true;
    f.cti_start_on = D(2026, 10, 1);
    ov_task t[OV_TASKS_PER_COURSE];
    int n = ov_due_tasks(&f, D(2026, 11, 22), 14, t, OV_TASKS_PER_COURSE);
    int i = find(t, n, OV_TASK_PLAN_JOB_GOAL);
    assert_int_equal(t[i].due, D(2026, 9, 24));
    i = find(t, n, OV_TASK_MEASUREMENT);
    assert_string_equal(t[i].text, "Måling: WHO-5");
    assert_true(t[i].overdue);
    i = find(t, n, OV_TASK_CTI_PHASE);
    assert_int_equal(t[i].due, D(2026, 11, 30));
    assert_non_null(strstr(t[i].text, "CTI fase 3"));
    assert_true(find(t, n, OV_TASK_AGREEMENT_REVIEW) >= 0);
    i = find(t, n, OV_TASK_CTI_ALIGNMENT);
    assert_non_null(strstr(t[i].text, "01-10-2026"));
    assert_int_equal(n, 6);
    ov_due_sort(t, n);
    for (int k = 1; k < n; k++)
        assert_true(t[k - 1].due <= t[k].due);
    assert_int_equal(t[0].kind, OV_TASK_PLAN_JOB_GOAL);
}

static void ended_and_screened_courses_have_no_tasks(void **state)
{
    (void)state;
    ov_course_facts f = active();
    ov_task t[OV_TASKS_PER_COURSE];
    f.stage = OV_STAGE_ENDED;
    assert_int_equal(ov_due_tasks(&f, D(2026, 11, 22), 14, t,
                                  OV_TASKS_PER_COURSE),
                     0);
    f.stage = OV_STAGE_SCREENED;
    assert_int_equal(ov_due_tasks(&f, D(2026, 11, 22), 14, t,
                                  OV_TASKS_PER_COURSE),
                     0);
}

static void the_output_capacity_is_respected(void **state)
{
    (void)state;
    ov_course_facts f = active();
    f.plan_has_job_goal = false;
    ov_task t[1];
    assert_int_equal(ov_due_tasks(&f, D(2026, 11, 22), 14, t, 1), 1);
}

/* The citizen's own answer to a proposal is the consultant's to read:
 * a task due the day they answered, naming the company. */
static void a_citizens_answer_to_a_proposal_is_a_task(void **state)
{
    (void)state;
    ov_course_facts f = active();
    f.has_citizen_answer = true;
    f.citizen_answer_on = D(2026, 11, 20);
    f.citizen_answer_yes = false;
    snprintf(f.citizen_answer_company, sizeof f.citizen_answer_company,
             "Gården ApS");
    ov_task t[OV_TASKS_PER_COURSE];
    int n = ov_due_tasks(&f, D(2026, 11, 22), 14, t, OV_TASKS_PER_COURSE);
    int k = -1;
    for (int i = 0; i < n; i++)
        if (t[i].kind == OV_TASK_PROPOSAL_ANSWERED)
            k = i;
    assert_true(k >= 0);
    assert_int_equal(t[k].due, D(2026, 11, 20));
    assert_string_equal(t[k].arg, "Gården ApS");
    assert_non_null(strstr(t[k].text, "svaret nej"));
    assert_string_equal(ov_task_kind_code(t[k].kind), "proposal_answered");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(without_a_start_meeting_only_that_is_due),
        cmocka_unit_test(followup_is_due_n_weeks_after_the_latest),
        cmocka_unit_test(missing_job_goal_measurement_review_and_cti_tasks),
        cmocka_unit_test(ended_and_screened_courses_have_no_tasks),
        cmocka_unit_test(the_output_capacity_is_respected),
        cmocka_unit_test(a_citizens_answer_to_a_proposal_is_a_task),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
