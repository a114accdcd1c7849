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

/* ---- the signature of a work agreement version (issue 14) ----
 *
 * Each party signs their own part in their own log-in (who may sign as
 * which party: model/access.h ov_sign_party); the company consultant
 * named on the course may record that the citizen or the employer signed
 * on paper. A signature names the exact version it is for and the
 * SHA-256 of that version's canonical content, so a signature can be
 * checked against the text it was given for, and a new version (another
 * hash) needs new signatures.
 *
 * The canonical content (version 1 of the form) is the bytes below, in
 * this order, each line ended by one LF (0x0A), numbers in decimal ASCII
 * without leading zeros or signs, dates ISO 8601 (YYYY-MM-DD), texts as
 * they are stored (trimmed UTF-8), each prefixed by its length in bytes
 * so that no text can imitate a following field:
 *
 *     overgang-agreement-v1
 *     placement <placement id>
 *     version <version>
 *     type <placement type code: internship, wage_subsidy, ...>
 *     company <company id>
 *     start <start date>
 *     end <end date, or "-" when open-ended>
 *     internship_hours_x10 <tenths of an hour a week>
 *     ordinary_hours_x10 <tenths of an hour a week>
 *     review <review date>
 *     tasks <length>:<text>
 *     accommodations <length>:<text>
 *     goals <count>
 *     goal <0|1 reached> <length>:<text>      (one line per goal, in order)
 *
 * Changing the form is a new first line ("-v2"); stored hashes keep the
 * form they were made with. */
#define OV_AGREEMENT_HASH_BYTES 32
typedef enum ov_sign_way {
    OV_SIGN_IN_SYSTEM = 0, /* in the party's own log-in */
    OV_SIGN_ON_PAPER = 1   /* on paper, recorded by the consultant */
} ov_sign_way;
const char *ov_sign_way_code(ov_sign_way w); /* "system", "paper" */
ov_status ov_sign_way_parse(ov_str code, ov_sign_way *out, ov_err *err);

/* The canonical content above, hashed with SHA-256. */
void ov_agreement_hash(int64_t placement_id, int version,
                       const ov_placement *p, const ov_agreement *a,
                       uint8_t out[OV_AGREEMENT_HASH_BYTES]);
/* The hash as 64 lower-case hex digits and a NUL. */
void ov_agreement_hash_hex(const uint8_t h[OV_AGREEMENT_HASH_BYTES],
                           char out[2 * OV_AGREEMENT_HASH_BYTES + 1]);

/* The parties who signed an earlier version (`before`) but not the
 * current one (`now`): they must sign again. */
unsigned ov_sign_again(unsigned before, unsigned now);

/* How the employer contact takes part in the hours log, as the
 * municipality sets it ("employer_hours"): they confirm or correct the
 * weeks the consultant recorded (the default), or enter weeks
 * themselves. */
typedef enum ov_employer_hours {
    OV_EMPLOYER_HOURS_CONFIRM = 0,
    OV_EMPLOYER_HOURS_ENTER = 1
} ov_employer_hours;
const char *ov_employer_hours_code(ov_employer_hours m);
ov_status ov_employer_hours_parse(ov_str code, ov_employer_hours *out,
                                  ov_err *err);

/* Which figure of a week counts, as the municipality sets it
 * ("hours_source"): the employer contact's where they gave one (their
 * confirmation, correction or entry; the default), or always the
 * consultant's. The other figure is kept and shown beside it. */
typedef enum ov_hours_source {
    OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT = 0,
    OV_HOURS_SOURCE_CONSULTANT = 1
} ov_hours_source;
const char *ov_hours_source_code(ov_hours_source s);
ov_status ov_hours_source_parse(ov_str code, ov_hours_source *out,
                                ov_err *err);

/* One week of the hours log. */
typedef struct ov_hours_week {
    int iso_year, iso_week;
    int internship_x10, ordinary_x10;
} ov_hours_week;

/* The hours of a week that count (the hours chart, the placement's
 * JSON): the employer's figure (`employer`, NULL when they gave none)
 * under OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT, else the consultant's.
 * The week's year and number are the consultant's. */
ov_hours_week ov_hours_counted(const ov_hours_week *consultant,
                               const ov_hours_week *employer,
                               ov_hours_source src);

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
