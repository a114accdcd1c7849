#include "model/due.h"

#include <stdio.h>
#include <stdlib.h>

#include "model/meeting.h"

static const char *const kind_codes[OV_TASK_COUNT] = {
    "start_meeting_incomplete", "plan_without_job_goal", "followup_due",
    "measurement_due", "cti_phase_change", "agreement_review",
    "cti_not_aligned", "proposal_answered",
};

const char *ov_task_kind_code(ov_task_kind k)
{
    return (unsigned)k < OV_TASK_COUNT ? kind_codes[k] : "unknown";
}

typedef struct acc {
    const ov_course_facts *f;
    ov_date today;
    int window;
    ov_task *out;
    int cap, n;
} acc;

/* Add a task when it is overdue or due within the window. */
static void add_arg(acc *a, ov_task_kind k, ov_date due, const char *text,
                    const char *arg)
{
    if (due > a->today + a->window || a->n >= a->cap)
        return;
    ov_task *t = &a->out[a->n++];
    t->course_id = a->f->course_id;
    t->kind = k;
    t->due = due;
    t->overdue = due < a->today;
    snprintf(t->text, sizeof t->text, "%s", text);
    snprintf(t->arg, sizeof t->arg, "%s", arg);
}

static void add(acc *a, ov_task_kind k, ov_date due, const char *text)
{
    add_arg(a, k, due, text, "");
}

int ov_due_tasks(const ov_course_facts *f, ov_date today, int window_days,
                 ov_task *out, int cap)
{
    acc a = {f, today, window_days, out, cap, 0};
    if (f->stage == OV_STAGE_ENDED || f->stage == OV_STAGE_SCREENED)
        return 0;
    char buf[160], d[OV_DATE_BUF];
    if (!f->has_start_meeting) {
        add(&a, OV_TASK_START_MEETING, f->started_on,
            "Hold et fuldt bemandet tværfagligt opstartsmøde");
        return a.n; /* the rest of the model follows the start meeting */
    }
    if (!f->plan_has_job_goal)
        add(&a, OV_TASK_PLAN_JOB_GOAL, f->start_meeting_on + 14,
            "Skriv borgerens jobmål i planen (med borgerens egne ord)");
    if (f->stage != OV_STAGE_IN_JOB) {
        ov_followup_rule r = {f->followup_interval_weeks > 0
                                  ? f->followup_interval_weeks
                                  : 4};
        ov_date last = f->has_followup ? f->last_followup_on
                                       : f->start_meeting_on;
        add(&a, OV_TASK_FOLLOWUP, ov_followup_next_due(&r, last),
            "Tværfagligt opfølgningsmøde på planen");
    }
    if (f->has_measurement_due) {
        snprintf(buf, sizeof buf, "Måling: %s",
                 f->measurement_name ? f->measurement_name : "trivsel");
        add_arg(&a, OV_TASK_MEASUREMENT, f->measurement_due_on, buf,
                f->measurement_name ? f->measurement_name : "trivsel");
    }
    for (int i = 0; i < f->n_phase_changes && i < 2; i++) {
        /* only upcoming or just-passed boundaries matter: a boundary more
         * than a window in the past is history, not a task */
        if (f->phase_change_on[i] + window_days < today)
            continue;
        snprintf(buf, sizeof buf,
                 "CTI fase %d begynder: aftal lavere intensitet og overdrag "
                 "opgaver til borgeren og netværket",
                 i + 2);
        char ph[8];
        snprintf(ph, sizeof ph, "%d", i + 2);
        add_arg(&a, OV_TASK_CTI_PHASE, f->phase_change_on[i], buf, ph);
    }
    if (f->has_agreement_review)
        add(&a, OV_TASK_AGREEMENT_REVIEW, f->agreement_review_on,
            "Opfølgning på arbejdsaftalen: timer og progression mod "
            "ordinære timer");
    if (f->cti_misaligned) {
        ov_date_format_dk(f->cti_start_on, d);
        snprintf(buf, sizeof buf,
                 "CTI-start (%s) passer ikke med virksomhedsforløbets start",
                 d);
        add_arg(&a, OV_TASK_CTI_ALIGNMENT, f->cti_start_on, buf, d);
    }
    if (f->has_citizen_answer) {
        snprintf(buf, sizeof buf,
                 "Borgeren har svaret %s til forslaget om %s: læs svaret og "
                 "kommentaren",
                 f->citizen_answer_yes ? "ja" : "nej",
                 f->citizen_answer_company);
        add_arg(&a, OV_TASK_PROPOSAL_ANSWERED, f->citizen_answer_on, buf,
                f->citizen_answer_company);
    }
    return a.n;
}

static int cmp_task(const void *pa, const void *pb)
{
    const ov_task *x = pa, *y = pb;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->course_id != y->course_id)
        return x->course_id < y->course_id ? -1 : 1;
    return 0;
}

void ov_due_sort(ov_task *tasks, int n)
{
    if (n > 1)
        qsort(tasks, (size_t)n, sizeof *tasks, cmp_task);
}
