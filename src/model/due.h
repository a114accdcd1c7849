/*
 * due.h - "what is due": tasks derived from the rules, never stored.
 *
 * The store gathers a snapshot of one course (the facts below); this module
 * turns it into tasks with a due date and a Danish text. Because tasks are
 * computed on every read they can never go stale or contradict the data.
 *
 * Task kinds and when they arise (DOMAIN.md, the six core elements):
 *  - start_meeting_incomplete: the course is past screening and has no
 *    complete start meeting (due from the day the course started);
 *  - plan_without_job_goal: a start meeting was held but the plan has no
 *    job goal in the citizen's words (due 14 days after the start meeting);
 *  - followup_due: the course is active (start meeting held, not in job or
 *    ended) and the next follow-up date has arrived or is within the
 *    look-ahead window;
 *  - measurement_due: the caller's next due measurement date (WHO-5 etc.);
 *  - cti_phase_change: a CTI phase boundary falls within the window (the
 *    time to lower contact intensity and move tasks to the citizen);
 *  - agreement_review: a work agreement's review date is within the window;
 *  - cti_not_aligned: CTI started after the placement or too early before
 *    it (the caller passes the CTI rule's verdict);
 *  - proposal_answered: the citizen answered the course's newest match
 *    proposal in their own log-in (due the day they answered): yes until
 *    a placement is made after it, no until a new proposal is made.
 * Tasks due within `window_days` after today (default 14) are listed, as
 * are overdue ones; the list is sorted by due date, then kind.
 */
#ifndef OV_MODEL_DUE_H
#define OV_MODEL_DUE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "model/course.h"

typedef enum ov_task_kind {
    OV_TASK_START_MEETING = 0,
    OV_TASK_PLAN_JOB_GOAL,
    OV_TASK_FOLLOWUP,
    OV_TASK_MEASUREMENT,
    OV_TASK_CTI_PHASE,
    OV_TASK_AGREEMENT_REVIEW,
    OV_TASK_CTI_ALIGNMENT,
    OV_TASK_PROPOSAL_ANSWERED,
    OV_TASK_COUNT
} ov_task_kind;

const char *ov_task_kind_code(ov_task_kind k);

typedef struct ov_course_facts {
    int64_t course_id;
    ov_stage stage;
    ov_date started_on;
    bool has_start_meeting;      /* a complete one */
    ov_date start_meeting_on;
    bool plan_has_job_goal;
    bool has_followup;
    ov_date last_followup_on;
    int followup_interval_weeks; /* 0: default 4 */
    bool has_measurement_due;
    ov_date measurement_due_on;
    const char *measurement_name; /* "WHO-5", ... */
    int n_phase_changes;
    ov_date phase_change_on[2];  /* starts of CTI phases 2 and 3 */
    bool has_agreement_review;
    ov_date agreement_review_on;
    bool cti_misaligned;         /* the CTI rule flagged the start */
    ov_date cti_start_on;
    bool has_citizen_answer;     /* an answer not yet acted on (above) */
    ov_date citizen_answer_on;
    bool citizen_answer_yes;
    char citizen_answer_company[40]; /* the company proposed */
} ov_course_facts;

typedef struct ov_task {
    int64_t course_id;
    ov_task_kind kind;
    ov_date due;
    bool overdue;
    char text[160]; /* Danish */
    char arg[48];   /* what the text names: the instrument, the CTI phase,
                     * the CTI start date (DD-MM-YYYY); "" for the others */
} ov_task;

#define OV_TASKS_PER_COURSE (OV_TASK_COUNT + 1)

/* Append the course's tasks to out (capacity cap); returns how many were
 * added (at most OV_TASKS_PER_COURSE). */
int ov_due_tasks(const ov_course_facts *f, ov_date today, int window_days,
                 ov_task *out, int cap);

/* Sort tasks by due date, then kind, then course id. */
void ov_due_sort(ov_task *tasks, int n);

#endif
