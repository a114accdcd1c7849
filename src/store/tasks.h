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

/* Tasks of all open courses where user_id is named staff, sorted by due
 * date. *tasks is allocated in the arena. One audit row records the
 * listing ("mine opgaver", the number of courses). */
ov_status ov_tasks_for_user(ov_tx *tx, int64_t user_id, ov_date today,
                            int window_days, ov_arena *a, ov_task **tasks,
                            int *n, ov_err *err);

#endif
