/*
 * course.h - storage of courses (forløb): creation, the named staff, stage
 * changes with their history, ending, reading. Every function writes the
 * audit row for the course's citizen in the caller's transaction.
 */
#ifndef OV_STORE_COURSE_H
#define OV_STORE_COURSE_H

#include <stdint.h>

#include "core/date.h"
#include "model/access.h"
#include "model/course.h"
#include "store/store.h"

/* A new course for a citizen in a team (the municipality is the team's).
 * Refused when the citizen already has an open course (conflict naming it). */
ov_status ov_course_create(ov_tx *tx, int64_t citizen_id, int64_t team_id,
                           ov_stage stage, ov_date started_on, int64_t *id,
                           ov_err *err);

/* Name the user who fills a frontline role on the course. The user must
 * have that role and be a member of the course's team. Replaces an earlier
 * assignment for the same role. A user of another municipality answers
 * OV_ENOTFOUND "user_id: no user N", as a user that does not exist. */
ov_status ov_course_assign(ov_tx *tx, int64_t course_id, ov_role role,
                           int64_t user_id, ov_err *err);

/* Move the course forward (model/course.h rules), recording the date. */
ov_status ov_course_set_stage(ov_tx *tx, int64_t course_id, ov_stage stage,
                              ov_date on, ov_err *err);

ov_status ov_course_end(ov_tx *tx, int64_t course_id, ov_end_reason reason,
                        ov_str text, ov_date end, ov_date today, ov_err *err);

typedef struct ov_course_staff {
    ov_role role;
    int64_t user_id;
    ov_str full_name;
} ov_course_staff;

typedef struct ov_course {
    int64_t id;
    int64_t citizen_id;
    int municipality_code;
    int64_t team_id;
    ov_stage stage;
    ov_date started_on;
    ov_date ended_on;       /* 0 when open (1970-01-01 is never an end) */
    bool ended;
    ov_end_reason end_reason;
    ov_str end_text;
    int nstaff;
    ov_course_staff staff[4];
    ov_date stage_dates[OV_STAGE_COUNT]; /* when each stage was reached */
    bool stage_reached[OV_STAGE_COUNT];
} ov_course;

/* Read a course with its staff and stage history (audit "read"). */
ov_status ov_course_get(ov_tx *tx, int64_t id, ov_arena *a, ov_course *out,
                        ov_err *err);

/* Courses the viewer may see (model/access.h), newest first, at most
 * 5,000; one audit row records the listing. */
typedef struct ov_case_item {
    int64_t id;
    ov_str citizen_name;
    ov_stage stage;
    ov_date started_on;
    bool ended;
    bool mine;       /* the viewer is named on the course's staff */
    bool has_due;    /* ov_course_list_page: the next task's date */
    ov_date next_due;
    ov_str sort_key; /* (the folded name, when sorted by name) */
} ov_case_item;
ov_status ov_course_list_visible(ov_tx *tx, const ov_viewer *v, ov_arena *a,
                                 ov_case_item **items, ov_list_info *li,
                                 ov_err *err);

/* The course list with sort, filters and pages (issue 13): the courses
 * the viewer may see, as ov_course_list_visible, those of one stage
 * and/or only those where the viewer is named staff ("mine"), sorted by
 *   start  the start date, newest first (the default)
 *   name   the citizen's name A-Z, case and accents ignored (core/fold.h)
 *   stage  the stage, screened first
 *   due    the date of the course's next task (model/due.h), soonest
 *          first, courses with none last; refused (OV_EINVAL, field
 *          "sort") for more than OV_COURSE_DUE_SORT_MAX courses, as it
 *          derives the tasks of every one
 * then the page of `limit` rows (at most OV_COURSE_PAGE_MAX) from
 * `offset`. li->total counts every course that matches, li->n the page,
 * li->truncated says more follow. The page's open courses get their next
 * task's date (has_due, next_due). One audit row records the listing.
 * (Defined in store/tasks.c, which knows the tasks.) */
#define OV_COURSE_PAGE_MAX 500
#define OV_COURSE_DUE_SORT_MAX 2000
typedef enum ov_course_sort {
    OV_COURSE_SORT_START = 0,
    OV_COURSE_SORT_NAME,
    OV_COURSE_SORT_STAGE,
    OV_COURSE_SORT_DUE,
    OV_COURSE_SORT_COUNT
} ov_course_sort;
const char *ov_course_sort_code(ov_course_sort s);
/* OV_EINVAL (field "sort", courses_sort_unknown) for an unknown key. */
ov_status ov_course_sort_parse(ov_str code, ov_course_sort *out,
                               ov_err *err);
typedef struct ov_course_filter {
    ov_course_sort sort;
    bool has_stage;
    ov_stage stage;
    bool mine;
    int offset, limit;
    ov_date today;  /* for the next task's date */
} ov_course_filter;
ov_status ov_course_list_page(ov_tx *tx, const ov_viewer *v,
                              const ov_course_filter *f, ov_arena *a,
                              ov_case_item **items, ov_list_info *li,
                              ov_err *err);

/* OV_ENOTFOUND unless the course exists and the viewer may see it: the
 * same answer either way, so ids cannot be probed. */
ov_status ov_course_check_visible(ov_tx *tx, const ov_viewer *v,
                                  int64_t course_id, ov_err *err);

#endif
