/*
 * cti.h - Critical Time Intervention, core element 5 (DOMAIN.md).
 *
 * Legal basis and length: 9 months by default (the guide); 6 months by
 * default under SEL § 82 B and LAB § 31 B; under SEL § 85 the length is an
 * individual decision and must be given. Explicit lengths are 3-24 months.
 *
 * Three phases of equal length from the start date. The course ends at
 * end = start + L months (exclusive: the last day is end - 1). When L is a
 * multiple of 3, the phase boundaries are start + L/3 and start + 2L/3
 * months, each computed from the start date (so 31 January + 3 months is
 * 30 April and + 6 months is 31 July, never chained); otherwise the days
 * are split as evenly as possible, earlier phases taking the extra day.
 *
 * Contact intensity decreases: planned contact every 7, 14 and 28 days in
 * phases 1-3 by default (weekly, every two weeks, monthly), configurable,
 * but the interval may never shrink from one phase to the next.
 *
 * Rules that give warnings (not errors), each with a stable code:
 *  - cti_after_placement / cti_too_early: CTI should start shortly before
 *    the placement: after its start, or more than 14 days (configurable)
 *    before, is flagged;
 *  - intensity_rising: actual contacts per week rose from one phase to the
 *    next;
 *  - too_few_first_month: fewer than 2 contacts in the first month, once
 *    that month is over;
 *  - caseload_over_limit: a CTI worker with more than 20 active citizens.
 */
#ifndef OV_MODEL_CTI_H
#define OV_MODEL_CTI_H

#include <stdbool.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef enum ov_legal_basis {
    OV_BASIS_SEL85 = 0,
    OV_BASIS_SEL82B,
    OV_BASIS_LAB31B,
    OV_BASIS_OTHER,
    OV_BASIS_COUNT
} ov_legal_basis;

const char *ov_legal_basis_code(ov_legal_basis b);     /* "sel_85", ... */
const char *ov_legal_basis_label_da(ov_legal_basis b); /* "SEL § 85", ... */
ov_status ov_legal_basis_parse(ov_str code, ov_legal_basis *out, ov_err *err);

/* Resolve the length: explicit_months 0 means "not given". */
ov_status ov_cti_length(ov_legal_basis b, int explicit_months, int *months,
                        ov_err *err);

typedef struct ov_cti_course {
    ov_date start;
    int months;
    ov_date phase_start[3]; /* phase_start[0] == start */
    ov_date end;            /* exclusive */
} ov_cti_course;

void ov_cti_phases(ov_date start, int months, ov_cti_course *out);
/* 0 before the start, 1-3 inside, 4 from the end on. */
int ov_cti_phase_of(const ov_cti_course *c, ov_date d);

typedef struct ov_cti_rules {
    int interval_days[3];   /* planned days between contacts; 7, 14, 28 */
    int early_days;         /* CTI may start this many days before the
                               placement; 14 */
    int min_first_month;    /* contacts in the first month; 2 */
    int caseload_limit;     /* active citizens per CTI worker; 20 */
} ov_cti_rules;

ov_cti_rules ov_cti_rules_default(void);
ov_status ov_cti_rules_validate(const ov_cti_rules *r, ov_err *err);

typedef enum ov_contact_form {
    OV_FORM_MEETING = 0,
    OV_FORM_PHONE,
    OV_FORM_VIDEO,
    OV_FORM_WORKPLACE,
    OV_FORM_NETWORK,
    OV_FORM_COUNT
} ov_contact_form;

const char *ov_contact_form_code(ov_contact_form f);
const char *ov_contact_form_label_da(ov_contact_form f);
ov_status ov_contact_form_parse(ov_str code, ov_contact_form *out,
                                ov_err *err);

typedef struct ov_cti_contact {
    ov_date date;
    ov_contact_form form;
    int minutes;      /* 1-600 */
    ov_str focus;     /* focus area, at most 200 bytes */
    ov_str note;      /* what happened, at most OV_CTI_NOTE_MAX bytes */
} ov_cti_contact;

#define OV_CTI_NOTE_MAX 4000

/* A contact within the course (start .. end - 1, not after today). */
ov_status ov_cti_contact_validate(const ov_cti_course *c,
                                  const ov_cti_contact *k, ov_date today,
                                  ov_err *err);

/* 1-3 focus areas for a phase, chosen by the citizen: non-empty, at most
 * 200 bytes, no duplicates. */
ov_status ov_cti_focus_validate(const ov_str *areas, int n, int phase,
                                ov_err *err);

typedef struct ov_cti_intensity {
    int phase;
    int elapsed_days;     /* of the phase, as of today */
    double planned;       /* contacts planned over the elapsed days */
    int actual;
    double per_week;      /* actual contacts per week in the elapsed part */
} ov_cti_intensity;

/* Planned against actual per phase, as of today (for charts). */
void ov_cti_intensity_of(const ov_cti_course *c, const ov_cti_rules *r,
                         const ov_cti_contact *k, int n, ov_date today,
                         ov_cti_intensity out[3]);

typedef enum ov_cti_warning_code {
    OV_CTI_AFTER_PLACEMENT = 0,
    OV_CTI_TOO_EARLY,
    OV_CTI_INTENSITY_RISING,
    OV_CTI_TOO_FEW_FIRST_MONTH,
    OV_CTI_CASELOAD,
    OV_CTI_WARNING_COUNT
} ov_cti_warning_code;

/* A warning: its code, its Danish text, and the values in it as text
 * (dates DD-MM-YYYY, counts, decimals with a comma) in the order of the
 * catalogue's "ctiwarn.<code>" %1..%4, so a page renders it in its
 * language. */
typedef struct ov_cti_warning {
    ov_cti_warning_code code;
    char text_da[200];
    int nargs;
    char args[4][32];
} ov_cti_warning;

const char *ov_cti_warning_code_str(ov_cti_warning_code c);

typedef struct ov_cti_facts {
    bool has_placement;
    ov_date placement_start;
    int worker_caseload;   /* active citizens of the CTI worker; 0 unknown */
} ov_cti_facts;

/* All warnings for a course as of today; returns how many (<= cap). */
int ov_cti_check(const ov_cti_course *c, const ov_cti_rules *r,
                 const ov_cti_facts *f, const ov_cti_contact *k, int n,
                 ov_date today, ov_cti_warning *out, int cap);

#endif
