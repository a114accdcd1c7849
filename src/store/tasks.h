/*
 * tasks.h (store) - "what is due" for a staff user: the facts of every open
 * course the user is named on, turned into tasks by model/due.h. Nothing is
 * stored; each call derives the tasks afresh.
 */
#ifndef OV_STORE_TASKS_H
#define OV_STORE_TASKS_H

#include <stdint.h>

#include "model/due.h"
#include "store/store.h"

/* The facts of one course as of today (audit "read" of the citizen). */
ov_status ov_course_facts_get(ov_tx *tx, int64_t course_id, ov_date today,
                              ov_course_facts *out, ov_err *err);

/* The date of the course's next task (overdue ones included), without
 * an audit row (the caller's list records one); *has false when none. */
ov_status ov_course_next_due(ov_tx *tx, int64_t course_id, ov_date today,
                             bool *has, ov_date *due, ov_err *err);

/* Tasks of all open courses where user_id is named staff, sorted by due
 * date. *tasks is allocated in the arena. One audit row records the
 * listing ("mine opgaver", the number of courses). */
ov_status ov_tasks_for_user(ov_tx *tx, int64_t user_id, ov_date today,
                            int window_days, ov_arena *a, ov_task **tasks,
                            int *n, ov_err *err);

/* The courses behind a task list, for the page's names and links. */
typedef struct ov_task_course {
    int64_t id;
    ov_str citizen_name;
    int64_t placement_id; /* the newest placement (its work agreement), 0:
                           * none */
} ov_task_course;

/* "Mine opgaver": the tasks of the open courses where user_id is named
 * staff (team false), or of every open course of the user's teams (team
 * true), sorted by due date, with those courses. One audit row records
 * the listing ("mine opgaver" or "teamets opgaver", the number of
 * courses). */
ov_status ov_tasks_list(ov_tx *tx, int64_t user_id, bool team, ov_date today,
                        int window_days, ov_arena *a, ov_task **tasks, int *n,
                        ov_task_course **courses, int *ncourses, ov_err *err);

#endif
