/*
 * settings.h - a municipality's configurable values, in one place.
 *
 * The rules take every configurable value as a parameter; this struct is
 * what a municipality sets (DOMAIN.md leaves these to local practice):
 * screening rules, the follow-up interval, the life domains of the
 * holistic assessment, the CTI contact intervals and limits, and the
 * measurement tolerance, and the indicators' windows and thresholds
 * (model/indicators.h, docs/indicators.md). Defaults are the model's
 * defaults.
 */
#ifndef OV_MODEL_SETTINGS_H
#define OV_MODEL_SETTINGS_H

#include <stdbool.h>

#include "core/err.h"
#include "model/cti.h"
#include "model/indicators.h"
#include "model/meeting.h"
#include "model/placement.h"
#include "model/screening.h"

/* The General Self-Efficacy Scale's ten item texts, as the municipality
 * enters them (the project ships no Danish items: no licence). Each is
 * 0-300 bytes of UTF-8 without control characters; empty until entered. */
#define OV_GSE_ITEMS 10
#define OV_GSE_ITEM_MAX 300

typedef struct ov_settings {
    ov_screening_rules screening;
    ov_followup_rule followup;
    ov_cti_rules cti;
    int measure_tolerance_days;  /* default 14 */
    ov_life_domains domains;
    ov_ind_rules indicators;     /* thresholds; defaults in indicators.c */
    /* "needs attention" (model/attention.h): no placement this many months
     * after the start meeting; 1-36, default 6 */
    int attention_no_placement_months;
    char gse_items[OV_GSE_ITEMS][OV_GSE_ITEM_MAX + 1];
    /* how the employer contact takes part in the hours log (issue 14):
     * "confirm" (the default) or "enter" (model/placement.h) */
    ov_employer_hours employer_hours;
    /* which figure of a week counts (issue 14): the employer's where
     * present (the default) or the consultant's (model/placement.h) */
    ov_hours_source hours_source;
    /* retention (docs/retention.md, model/retention.h): a course is
     * anonymised this many years after it ended; 1-100, or 0 = never (the
     * setting left empty, the default) */
    int retention_years;
} ov_settings;

void ov_settings_default(ov_settings *s);
/* Every part validated; the error names the setting. */
ov_status ov_settings_validate(const ov_settings *s, ov_err *err);

/* Life domains as text, one "code=Dansk label" per line, and back. Codes
 * are 1-31 bytes of a-z, 0-9 and '_'; labels 1-63 bytes; 1-16 domains,
 * no code twice. */
ov_status ov_life_domains_parse(ov_str text, ov_life_domains *out,
                                ov_err *err);
void ov_life_domains_format(const ov_life_domains *d, char *out, size_t cap);

/* Item i (0-9) of the self-efficacy scale as entered; NULL when the
 * municipality has not entered it (the form then names the item by its
 * number and says the text is missing). */
const char *ov_settings_gse_item(const ov_settings *s, int i);
/* How many of the ten item texts are entered. */
int ov_settings_gse_entered(const ov_settings *s);
/* Set item i (0-9) from what a user typed (trimmed); an error names the
 * field "gse_item<i+1>". */
ov_status ov_settings_gse_set(ov_settings *s, int i, ov_str text,
                              ov_err *err);
/* The ten texts as stored: one line each, ten lines; and back (a stored
 * text of fewer lines leaves the rest empty). */
void ov_gse_items_format(const ov_settings *s, char *out, size_t cap);
void ov_gse_items_parse(ov_str stored, ov_settings *s);

/* ---- the settings page (issue 13 section 4) ----
 * Every whole-number setting once: its code (the form field, the API
 * field and the name in the change history), unit, allowed range (the
 * validators above enforce the same ranges and name the field), where it
 * lives in ov_settings, and the field name the validator's error carries.
 * The two text settings are "life_domains" (ov_life_domains_format) and
 * "indicator_rules" (ov_ind_rules_format); the self-efficacy items are
 * "gse_item1".."gse_item10", each its own change in the history. */
typedef struct ov_setting_int {
    const char *code;        /* "followup_weeks" */
    const char *unit;        /* "years", "months", "weeks", "days", "count" */
    int min, max;
    size_t offset;           /* of the int in ov_settings */
    const char *model_field; /* the field a validator's error names */
} ov_setting_int;
/* True for a setting whose 0 stands for "not set" (shown and recorded
 * empty; the default): retention_years. */
bool ov_setting_int_empty_ok(const ov_setting_int *d);
extern const ov_setting_int ov_setting_ints[];
extern const int ov_nsetting_ints;
int ov_setting_int_get(const ov_settings *s, const ov_setting_int *d);
void ov_setting_int_set(ov_settings *s, const ov_setting_int *d, int v);
/* The form field of a validator's error field ("followup_interval_weeks"
 * -> "followup_weeks"); the field itself when it is one already. */
const char *ov_setting_field_of(const char *model_field);

/* The indicators' context for a period, from the settings. */
ov_ind_context ov_settings_ind_context(const ov_settings *s, ov_date from,
                                       ov_date to);

#endif
