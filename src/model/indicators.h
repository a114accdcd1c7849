/*
 * indicators.h - fidelity to the six core elements, results and caseloads,
 * computed from course facts (issue 12, docs/indicators.md).
 *
 * Why: leaders follow the model at board meetings (tavlemøder) and the
 * national agency monitors implementation and results (DOMAIN.md,
 * "Implementation conditions", "Rollout"). Fidelity is computed from the
 * course data on every read, never from stored copies, so a figure always
 * agrees with the courses behind it.
 *
 * The facts. ov_ind_facts is one course as the indicators see it: dates,
 * flags, counts and staff ids; never a name, a CPR number or free text, so
 * the same struct feeds the pseudonymised national extract. (It is not
 * called ov_course_facts: that name is the due-task snapshot of
 * model/due.h.) Every date is an ov_date; OV_IND_NO_DATE means "did not
 * happen". Every date can be cut to its month with ov_ind_month (the first
 * day of the month): the national extract carries months, not days, and
 * the indicators computed on month-cut facts are coarser in a known way
 * (docs/indicators.md, "Month resolution"): a median of days becomes a
 * difference of month starts (a multiple of 28-31 days), and a window
 * (30 days to a job-goal plan, 14 days of CTI before the placement) is
 * judged on month starts, so a course can move in or out of it by up to a
 * month.
 *
 * Arrays are held by pointer and count; the store allocates them from the
 * read's arena, tests from static arrays. Each array is in ascending date
 * order (plans in version order).
 *
 * The period. Indicators are computed for a period [from, to], both days
 * included. Each indicator says which courses it counts (its denominator)
 * in the table in indicators.c and in docs/indicators.md; "active at d"
 * means started on or before d and not ended before d.
 *
 * The result. Each indicator has a stable id (its code), a group (core
 * element 1-6, results or caseload), a label key for the catalogue
 * ("ind.<code>", Danish and English in web/msg.c), numerator, denominator,
 * value (a share in percent, a median, a mean or a count, by its unit),
 * a target and a status against the municipality's thresholds:
 *  - higher is better: value >= green -> green, >= yellow -> yellow, else
 *    red;
 *  - lower is better: value <= green -> green, <= yellow -> yellow, else
 *    red;
 *  - informational indicators have no target and status none;
 *  - an indicator with denominator 0 has no value and status none.
 */
#ifndef OV_MODEL_INDICATORS_H
#define OV_MODEL_INDICATORS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"
#include "model/course.h"
#include "model/meeting.h"
#include "model/placement.h"

#define OV_IND_NO_DATE ((ov_date)INT32_MIN)

/* The first day of d's month (OV_IND_NO_DATE stays). */
ov_date ov_ind_month(ov_date d);

/* The frontline staff named on a course (course_staff), by role. */
typedef enum ov_ind_staff_role {
    OV_IND_EMPLOYMENT_CASEWORKER = 0,
    OV_IND_SOCIAL_CASEWORKER,
    OV_IND_CTI_WORKER,
    OV_IND_COMPANY_CONSULTANT,
    OV_IND_STAFF_COUNT
} ov_ind_staff_role;

/* One plan version (core element 2). */
typedef struct ov_ind_plan {
    int version;          /* 1, 2, ... */
    ov_date made_on;      /* the day it was saved (Copenhagen) */
    bool has_job_goal;    /* a job goal in the citizen's words */
    bool with_citizen;    /* decided together with the citizen */
} ov_ind_plan;

/* One follow-up meeting (core element 3): who took part (ov_attendees
 * bits by role; OV_ATTEND(OV_ROLE_CITIZEN) for the citizen). */
typedef struct ov_ind_meeting {
    ov_date held_on;
    ov_attendees present;
} ov_ind_meeting;

/* One version of a placement's work agreement. */
typedef struct ov_ind_agreement {
    ov_date made_on;             /* the day it was saved */
    ov_date signed_on;           /* the day its third signature (citizen,
                                    consultant, employer) came, or
                                    OV_IND_NO_DATE */
    int ordinary_x10;            /* ordinary hours a week, tenths */
} ov_ind_agreement;

/* One placement (core elements 4 and 6). */
typedef struct ov_ind_placement {
    ov_date start_on;
    ov_date end_on;              /* OV_IND_NO_DATE while open */
    ov_placement_type type;
    /* Ordinary paid hours are a real possibility: the placement is a flex
     * or ordinary job, an agreed match's opening at the company said
     * "now" or "later", or the work agreement plans ordinary hours. */
    bool ordinary_possible;
    bool has_agreement;
    bool signed_all;             /* a version signed by citizen,
                                    consultant and employer */
    int ordinary_x10_start;      /* ordinary hours a week, tenths: the */
    int ordinary_x10_now;        /* first and the latest agreement version */
    /* The agreement's versions, oldest first, when known (the store reads
     * them; the national extract carries only the four flags above, as
     * they stood at its period's end). The flags then say how things
     * stood at the end of the read's period, and each indicator cuts the
     * versions to its own period with ov_ind_placement_as_of. `id` is
     * the store's placement id, to hang them on (0 elsewhere). */
    int64_t id;
    int nagreements;
    const ov_ind_agreement *agreements;
} ov_ind_placement;

/* Set p's agreement flags (has_agreement, signed_all, ordinary hours at
 * the first and the latest version) to how they stood at the end of day
 * `on`: a version saved later did not exist, a signature given later was
 * not given. Without versions (nagreements 0) the flags are left as they
 * are. */
void ov_ind_placement_as_of(ov_ind_placement *p, ov_date on);

/* A dated score (WHO-5 0-100). */
typedef struct ov_ind_score {
    ov_date on;
    int score;
} ov_ind_score;

/* An employment record: from this day, ordinary hours a week (tenths). */
typedef struct ov_ind_employment {
    ov_date from_on;
    int ordinary_x10;
} ov_ind_employment;

typedef struct ov_ind_facts {
    int64_t course_id;
    int municipality_code;
    int64_t team_id;
    int64_t staff[OV_IND_STAFF_COUNT]; /* user ids; 0 when none named */

    ov_date started_on;          /* the course began (usually the draw) */
    ov_date drawn_on;            /* drawn at random; OV_IND_NO_DATE if not */

    /* Core element 1: the first start meeting and who took part; the
     * first complete one (citizen, a caseworker, CTI worker, company
     * consultant). */
    ov_date start_meeting_on;
    ov_attendees start_present;
    ov_date start_complete_on;

    int nplans;                  /* core element 2 */
    const ov_ind_plan *plans;

    int nfollowups;              /* core element 3 */
    const ov_ind_meeting *followups;

    int nplacements;             /* core elements 4 and 6 */
    const ov_ind_placement *placements;

    /* Core element 5: the CTI course (has_cti false when none). */
    bool has_cti;
    ov_date cti_start_on;
    int cti_months;
    int cti_interval_days[3];    /* planned days between contacts */
    int ncontacts;
    const ov_date *contacts;     /* the dates of CTI contacts */

    /* Results. */
    int nemployment;
    const ov_ind_employment *employment;
    int nwho5;
    const ov_ind_score *who5;
    ov_date in_job_on;           /* stage in_job reached; or NO_DATE */
    ov_date ended_on;            /* OV_IND_NO_DATE while open */
    ov_end_reason end_reason;    /* when ended */
} ov_ind_facts;

/* In ordinary employment on day d: the latest employment record on or
 * before d has ordinary hours, or the course ended with reason
 * ordinary_job on or before d and no later record says otherwise. */
bool ov_ind_ordinary_on(const ov_ind_facts *f, ov_date d);
/* The day the 12-month result is read: 12 months after the start meeting
 * (after started_on when there was none). */
ov_date ov_ind_12m_day(const ov_ind_facts *f);

/* The indicators, in display order. The codes are stable (API, exports,
 * settings); never renumber or rename one. */
typedef enum ov_ind_id {
    OV_IND_START_MEETING_COMPLETE = 0, /* 1 */
    OV_IND_START_MEETING_DAYS,
    OV_IND_PLAN_JOB_GOAL,              /* 2 */
    OV_IND_PLAN_CHANGES_WITH_CITIZEN,
    OV_IND_FOLLOWUP_ON_TIME,           /* 3 */
    OV_IND_FOLLOWUP_JOINT,
    OV_IND_MATCH_DAYS,                 /* 4 */
    OV_IND_PLACEMENT_ORDINARY_POSSIBLE,
    OV_IND_CTI_STARTED_IN_WINDOW,      /* 5 */
    OV_IND_CTI_CONTACTS_PHASE1,
    OV_IND_CTI_CONTACTS_PHASE2,
    OV_IND_CTI_CONTACTS_PHASE3,
    OV_IND_CTI_INTENSITY_DECREASING,
    OV_IND_CTI_FIRST_MONTH_CONTACTS,
    OV_IND_CTI_CASELOAD_MAX,
    OV_IND_AGREEMENT_SIGNED,           /* 6 */
    OV_IND_AGREEMENT_ORDINARY_HOURS,
    OV_IND_ORDINARY_HOURS_START,
    OV_IND_ORDINARY_HOURS_NOW,
    OV_IND_COMPANY_DIRECTED_SHARE,     /* results */
    OV_IND_ORDINARY_EMPLOYMENT_12M,
    OV_IND_WHO5_CHANGE,
    OV_IND_ENDED,
    OV_IND_ENDS_ORDINARY_JOB,          /* one per ov_end_reason, in order */
    OV_IND_ENDS_EDUCATION,
    OV_IND_ENDS_OTHER_EFFORT,
    OV_IND_ENDS_FLEX_JOB,
    OV_IND_ENDS_HEALTH,
    OV_IND_ENDS_MOVED,
    OV_IND_ENDS_WITHDREW,
    OV_IND_ENDS_OTHER,
    OV_IND_CASELOAD_CASEWORKER,        /* caseload */
    OV_IND_CASELOAD_CTI_WORKER,
    OV_IND_CASELOAD_CONSULTANT,
    OV_IND_COUNT
} ov_ind_id;

typedef enum ov_ind_group {
    OV_IND_GROUP_START = 1,    /* core elements 1-6 are 1-6 */
    OV_IND_GROUP_PLAN,
    OV_IND_GROUP_FOLLOWUP,
    OV_IND_GROUP_MATCH,
    OV_IND_GROUP_CTI,
    OV_IND_GROUP_AGREEMENT,
    OV_IND_GROUP_RESULTS,
    OV_IND_GROUP_CASELOAD
} ov_ind_group;

/* "1".."6", "results", "caseload" (the API's "element"). */
const char *ov_ind_group_code(ov_ind_group g);

typedef enum ov_ind_unit {
    OV_IND_PERCENT = 0, /* numerator / denominator x 100 */
    OV_IND_DAYS,        /* a median of days */
    OV_IND_HOURS,       /* a median of hours a week */
    OV_IND_PER_WEEK,    /* contacts per week */
    OV_IND_POINTS,      /* a mean change of a score */
    OV_IND_COUNT_UNIT,  /* a count (courses, citizens) */
    OV_IND_UNIT_COUNT
} ov_ind_unit;
const char *ov_ind_unit_code(ov_ind_unit u); /* "percent", "days", ... */

typedef enum ov_ind_status {
    OV_IND_STATUS_NONE = 0,
    OV_IND_STATUS_GREEN,
    OV_IND_STATUS_YELLOW,
    OV_IND_STATUS_RED
} ov_ind_status;
const char *ov_ind_status_code(ov_ind_status s); /* "none", "green", ... */

typedef enum ov_ind_direction {
    OV_IND_INFO = 0,    /* no target, status none */
    OV_IND_HIGHER,      /* higher is better */
    OV_IND_LOWER        /* lower is better */
} ov_ind_direction;

/* One indicator's thresholds (in the indicator's unit). */
typedef struct ov_ind_threshold {
    double green, yellow;
} ov_ind_threshold;

/* The municipality's indicator settings (model/settings.h holds them):
 * the windows the definitions use and the thresholds, with defaults
 * documented in docs/indicators.md. */
typedef struct ov_ind_rules {
    int plan_days;                 /* job-goal plan within N days of the
                                      start meeting; 30 */
    ov_ind_threshold t[OV_IND_COUNT];
} ov_ind_rules;

ov_ind_rules ov_ind_rules_default(void);
ov_status ov_ind_rules_validate(const ov_ind_rules *r, ov_err *err);
/* As text, one "code=green,yellow" per line (only the thresholds of
 * indicators with a direction), plus "plan_days=N"; parsing accepts any
 * subset and keeps the defaults for the rest. */
ov_status ov_ind_rules_parse(ov_str text, ov_ind_rules *out, ov_err *err);
void ov_ind_rules_format(const ov_ind_rules *r, char *out, size_t cap);

typedef struct ov_indicator {
    ov_ind_id id;
    const char *code;        /* "start_meeting_complete", ... */
    ov_ind_group group;
    ov_ind_unit unit;
    ov_ind_direction direction;
    double numerator, denominator;
    bool has_value;          /* false when the denominator is 0 */
    double value;
    bool has_target;
    double target;           /* the green threshold */
    ov_ind_status status;
} ov_indicator;

const char *ov_ind_code(ov_ind_id id);
ov_status ov_ind_parse(ov_str code, ov_ind_id *out, ov_err *err);
ov_ind_group ov_ind_group_of(ov_ind_id id);

/* The rules the indicators need from the municipality's other settings. */
typedef struct ov_ind_context {
    ov_date from, to;              /* the period, both days included */
    int followup_interval_weeks;   /* settings.followup */
    int cti_early_days;            /* settings.cti */
    int cti_min_first_month;
    ov_ind_rules rules;
} ov_ind_context;

/* Every indicator for the courses f[0..n-1] over the period, in ov_ind_id
 * order into out[OV_IND_COUNT]. Pure: the same facts give the same
 * figures. */
void ov_ind_compute(const ov_ind_facts *f, int n, const ov_ind_context *cx,
                    ov_indicator out[OV_IND_COUNT]);

/* The drill-down: how much each course f[i] adds to the indicator's
 * numerator (num[i]) and denominator (den[i]); 0 when it is not counted.
 * For shares and rates these are what the indicator sums; for medians and
 * means a course with a value adds 1 to both; for ended counts the course
 * adds to the numerator when it ended in the period. For caseloads the
 * numerator lists the courses counted (cti_caseload_max: those of the
 * busiest CTI worker, the lowest user id among equals) and the
 * denominator, a number of staff, lists no course. */
void ov_ind_contributions(ov_ind_id id, const ov_ind_facts *f, int n,
                          const ov_ind_context *cx, double *num, double *den);

/* A period: both dates given, from not after to, at most 20 years. */
ov_status ov_ind_period_validate(ov_date from, ov_date to, ov_err *err);

#endif
