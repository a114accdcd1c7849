/*
 * placement.h - company placements and the work agreement (core element 6).
 *
 * Placement types: company internship (virksomhedspraktik), wage subsidy
 * (løntilskud), flex job (fleksjob), ordinary job. A placement has a
 * company, a start date, an optional end date and weekly hours. It cannot
 * start before the start meeting has been held: the model's order is start
 * meeting, plan, match, placement (DOMAIN.md).
 *
 * The work agreement (arbejdsaftale) between employer, citizen and company
 * consultant sets internship hours and ordinary paid hours per week, tasks,
 * accommodations (skånehensyn), goals for progression toward ordinary
 * hours, and a review date. It is versioned like the plan; each version is
 * signed off by citizen, consultant and employer. A weekly log of actual
 * internship and ordinary hours (by ISO week) gives the progression series.
 *
 * Hours are held in tenths of an hour (12,5 timer = 125) so sums are exact.
 */
#ifndef OV_MODEL_PLACEMENT_H
#define OV_MODEL_PLACEMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef enum ov_placement_type {
    OV_PLACE_INTERNSHIP = 0, /* virksomhedspraktik */
    OV_PLACE_WAGE_SUBSIDY,   /* løntilskud */
    OV_PLACE_FLEX_JOB,       /* fleksjob */
    OV_PLACE_ORDINARY_JOB,   /* ordinært job */
    OV_PLACE_COUNT
} ov_placement_type;

const char *ov_placement_type_code(ov_placement_type t);
const char *ov_placement_type_label_da(ov_placement_type t);
ov_status ov_placement_type_parse(ov_str code, ov_placement_type *out,
                                  ov_err *err);

#define OV_HOURS_MAX_X10 600 /* 60 hours a week */

/* "12,5" or "12.5" or "12" -> 125; one decimal at most; 0-60 hours. */
ov_status ov_hours_parse(ov_str s, const char *field, int *x10, ov_err *err);
/* 125 -> "12,5"; 120 -> "12". */
void ov_hours_format(int x10, char out[16]);

typedef struct ov_placement {
    ov_placement_type type;
    int64_t company_id;
    ov_date start;
    bool has_end;
    ov_date end;
    int weekly_hours_x10;
} ov_placement;

/* Validate a placement; `start_meeting` is the date of the course's
 * complete start meeting, or has_start_meeting false when there is none. */
ov_status ov_placement_validate(const ov_placement *p, bool has_start_meeting,
                                ov_date start_meeting, ov_err *err);

/* Sign-offs of one work agreement version. */
typedef enum ov_signer {
    OV_SIGN_CITIZEN = 1,
    OV_SIGN_CONSULTANT = 2,
    OV_SIGN_EMPLOYER = 4,
    OV_SIGN_ALL = 7
} ov_signer;
const char *ov_signer_code(ov_signer s); /* "citizen", "consultant", ... */
ov_status ov_signer_parse(ov_str code, ov_signer *out, ov_err *err);

#define OV_AGREEMENT_TEXT_MAX 4000
#define OV_AGREEMENT_GOALS_MAX 20
typedef struct ov_agreement_goal {
    ov_str text;
    bool reached;
} ov_agreement_goal;

typedef struct ov_agreement {
    int internship_hours_x10;
    int ordinary_hours_x10;
    ov_str tasks;
    ov_str accommodations;
    int ngoals;
    ov_agreement_goal goals[OV_AGREEMENT_GOALS_MAX];
    ov_date review_date;
} ov_agreement;

/* Hours within 0-60 each and together; texts capped; at least one goal for
 * progression toward ordinary hours; review date within the placement
 * (on or after its start). */
ov_status ov_agreement_validate(const ov_agreement *a, const ov_placement *p,
                                ov_err *err);

/* One week of the hours log. */
typedef struct ov_hours_week {
    int iso_year, iso_week;
    int internship_x10, ordinary_x10;
} ov_hours_week;

/* A real ISO week (W53 only in long years), within the placement's span,
 * hours in range and together at most 60. */
ov_status ov_hours_week_validate(const ov_hours_week *w, const ov_placement *p,
                                 ov_err *err);
/* The Monday of an ISO week. */
ov_date ov_iso_week_monday(int iso_year, int iso_week);
int ov_iso_weeks_in_year(int iso_year);

/* Progression: sort weeks ascending in place (stable) and report the share
 * of ordinary hours in the first and last logged weeks (0-1), for charts
 * and leaders' dashboards. Returns false when the log is empty. */
bool ov_hours_progression(ov_hours_week *weeks, int n, double *first_share,
                          double *last_share);

#endif
