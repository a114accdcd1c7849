/*
 * screening.h - who belongs to the target group, criterion by criterion.
 *
 * DOMAIN.md, "Target group": activity-ready cash-benefit recipients
 * (aktivitetsparate kontanthjælpsmodtagere) aged at least 30 with at least
 * one year of unemployment. In the pilot the municipality then excluded
 * people already in a company-directed activity, people in prison and
 * people who for health reasons could not take part. The knowledge base
 * notes that no screening tool existed: this module is that tool. Each
 * criterion gives pass or fail with the observed and the required value and
 * a Danish explanation, so a caseworker sees exactly why.
 *
 * Eligible = in the target group (the three target criteria pass) and not
 * excluded (none of the exclusion criteria apply). The random draw uses the
 * eligible candidates only.
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

ov_screening_rules ov_screening_rules_default(void);
ov_status ov_screening_rules_validate(const ov_screening_rules *r,
                                      ov_err *err);

typedef struct ov_candidate {
    ov_date birth;            /* from the CPR number */
    bool activity_ready;      /* aktivitetsparat kontanthjælpsmodtager */
    int months_unemployed;
    bool company_activity;    /* already in a company-directed activity */
    bool in_prison;
    bool health_exemption;    /* cannot take part for health reasons */
    bool declined;            /* said no to taking part */
} ov_candidate;

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

const char *ov_criterion_code(ov_criterion c);
bool ov_criterion_is_exclusion(ov_criterion c);

typedef struct ov_criterion_result {
    ov_criterion criterion;
    bool pass;          /* target criteria: met; exclusions: does not apply */
    int observed;       /* age in years, months, or 0/1 */
    int required;       /* minimum, or 0/1 */
    char text_da[160];
} ov_criterion_result;

typedef struct ov_screening {
    bool in_target_group;
    bool excluded;
    bool eligible;      /* in_target_group && !excluded */
    int age;
    ov_criterion_result results[OV_CRIT_COUNT];
} ov_screening;

/* Screen one candidate at the reference date. */
void ov_screen(const ov_screening_rules *r, const ov_candidate *c,
               ov_date reference, ov_screening *out);

/* Manual exclusion after screening, with a reason. */
typedef enum ov_exclusion_reason {
    OV_EXCL_COMPANY_ACTIVITY = 0,
    OV_EXCL_PRISON,
    OV_EXCL_HEALTH,
    OV_EXCL_DECLINED,
    OV_EXCL_OTHER,
    OV_EXCL_COUNT
} ov_exclusion_reason;

const char *ov_exclusion_code(ov_exclusion_reason r);
const char *ov_exclusion_label_da(ov_exclusion_reason r);
ov_status ov_exclusion_parse(ov_str code, ov_exclusion_reason *out,
                             ov_err *err);
/* `other` needs a text of 1-500 bytes; the others may carry one. */
ov_status ov_exclusion_validate(ov_exclusion_reason r, ov_str text,
                                ov_err *err);

#endif
