/*
 * screening.h - who belongs to the target group, criterion by criterion.
 *
 * DOMAIN.md, "Target group": activity-ready cash-benefit recipients
 * (aktivitetsparate kontanthjælpsmodtagere) "over 30 years old" with at
 * least one year of unemployment; read here as at least `min_age` (default
 * 30) completed years on the reference date and at least
 * `min_months_unemployed` (default 12) months. In the pilot the
 * municipality drew at random and then excluded people already in a
 * company-directed activity, people in prison and people who for health
 * reasons could not take part. The knowledge base notes that there was no
 * screening tool and no clear exclusion criteria: this module is that tool.
 * Each criterion gives an outcome with the observed and the required value
 * and a Danish explanation, so a caseworker sees exactly why.
 *
 * Three results, kept apart:
 *   - not in the target group: a target criterion (activity_ready, age,
 *     unemployment) fails; the exclusion criteria are then
 *     "not_applicable" (their observed values are still recorded);
 *   - in the target group but excluded: every target criterion passes and
 *     an exclusion applies (company_activity, prison, health, declined),
 *     or a caseworker excludes the person by hand (ov_exclusion_validate);
 *   - eligible: in the target group and not excluded.
 * THE DRAW POOL IS THE ELIGIBLE CANDIDATES (in the target group and not
 * excluded): unlike the pilot, exclusions are applied before the draw, so
 * nobody is drawn only to be taken out again. (`eligible` therefore means
 * "may be drawn"; "meets the target-group criteria" is `in_target_group`.)
 */
#ifndef OV_MODEL_SCREENING_H
#define OV_MODEL_SCREENING_H

#include <stdbool.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef struct ov_screening_rules {
    int min_age;               /* default 30, allowed 18-67 */
    int min_months_unemployed; /* default 12, allowed 0-120 */
} ov_screening_rules;

/* The rules of DOMAIN.md: 30 years, 12 months. */
ov_screening_rules ov_screening_rules_default(void);
/* Configured rules must stay inside the ranges above (working age; at most
 * ten years of unemployment). */
ov_status ov_screening_rules_validate(const ov_screening_rules *r,
                                      ov_err *err);

#define OV_MONTHS_UNEMPLOYED_MAX 1200

typedef struct ov_candidate {
    ov_date birth;            /* derived by the caller from the CPR number */
    bool activity_ready;      /* aktivitetsparat kontanthjælpsmodtager */
    int months_unemployed;    /* 0-1200 */
    bool company_activity;    /* already in a company-directed activity */
    bool in_prison;
    bool health_exemption;    /* cannot take part for health reasons */
    bool declined;            /* said no to taking part */
} ov_candidate;

/* Facts that cannot be true (born after the reference date, negative
 * months) are input errors, not a failed criterion. */
ov_status ov_candidate_validate(const ov_candidate *c, ov_date reference,
                                ov_err *err);

typedef enum ov_criterion {
    OV_CRIT_ACTIVITY_READY = 0,
    OV_CRIT_AGE,
    OV_CRIT_UNEMPLOYMENT,
    OV_CRIT_COMPANY_ACTIVITY, /* exclusion criteria from here */
    OV_CRIT_PRISON,
    OV_CRIT_HEALTH,
    OV_CRIT_DECLINED,
    OV_CRIT_COUNT
} ov_criterion;

/* "activity_ready", "age", "unemployment", "company_activity", "prison",
 * "health", "declined" */
const char *ov_criterion_code(ov_criterion c);
const char *ov_criterion_label_da(ov_criterion c); /* "Alder", ... */
bool ov_criterion_is_exclusion(ov_criterion c);

typedef enum ov_outcome {
    OV_OUTCOME_PASS = 0,       /* target: met; exclusion: does not apply */
    OV_OUTCOME_FAIL,           /* target: not met; exclusion: applies */
    OV_OUTCOME_NOT_APPLICABLE, /* exclusion of someone not in the group */
    OV_OUTCOME_COUNT
} ov_outcome;

const char *ov_outcome_code(ov_outcome o); /* "pass", "fail", "not_applicable" */
const char *ov_outcome_label_da(ov_outcome o);

#define OV_CRITERION_TEXT_MAX 192

typedef struct ov_criterion_result {
    ov_criterion criterion;
    bool pass;          /* outcome != OV_OUTCOME_FAIL */
    int observed;       /* age in years, months, or 0/1 */
    int required;       /* the minimum, or 1 (must hold) / 0 (must not) */
    char text_da[OV_CRITERION_TEXT_MAX];
    char text_en[OV_CRITERION_TEXT_MAX]; /* the same in English */
    ov_outcome outcome;
} ov_criterion_result;

/* Reasons for an exclusion: the four exclusion criteria, or `other` (only
 * by hand, with a text). */
typedef enum ov_exclusion_reason {
    OV_EXCL_COMPANY_ACTIVITY = 0,
    OV_EXCL_PRISON,
    OV_EXCL_HEALTH,
    OV_EXCL_DECLINED,
    OV_EXCL_OTHER,
    OV_EXCL_COUNT
} ov_exclusion_reason;

typedef struct ov_screening {
    bool in_target_group; /* activity_ready, age and unemployment pass */
    bool excluded;        /* in_target_group and an exclusion applies */
    bool eligible;        /* in_target_group && !excluded: the draw pool */
    int age;
    ov_exclusion_reason reason; /* the first exclusion that applies, in
                                   criterion order; valid when excluded */
    ov_criterion_result results[OV_CRIT_COUNT]; /* indexed by ov_criterion */
} ov_screening;

/* Screen one candidate at the reference date: every criterion is
 * evaluated, none short-circuits, so the caseworker sees all of them. */
void ov_screen(const ov_screening_rules *r, const ov_candidate *c,
               ov_date reference, ov_screening *out);

/* The decision of ov_screen without its explanations (in_target_group,
 * excluded, eligible, age and reason; results left empty): what an
 * import of 100,000 lines stores, without formatting 700,000 texts. */
void ov_screen_decide(const ov_screening_rules *r, const ov_candidate *c,
                      ov_date reference, ov_screening *out);

/* "not_in_target_group", "excluded" or "eligible", and the Danish label. */
const char *ov_screening_status_code(const ov_screening *s);
const char *ov_screening_status_label_da(const ov_screening *s);

const char *ov_exclusion_code(ov_exclusion_reason r);
const char *ov_exclusion_label_da(ov_exclusion_reason r);
ov_status ov_exclusion_parse(ov_str code, ov_exclusion_reason *out,
                             ov_err *err);
#define OV_EXCLUSION_TEXT_MAX 500
/* A manual exclusion: `other` needs a text of 1-500 bytes after trimming
 * (what is stored); the others may carry one. */
ov_status ov_exclusion_validate(ov_exclusion_reason r, ov_str text,
                                ov_err *err);

#endif
