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

#include "core/err.h"
#include "model/cti.h"
#include "model/indicators.h"
#include "model/meeting.h"
#include "model/screening.h"

typedef struct ov_settings {
    ov_screening_rules screening;
    ov_followup_rule followup;
    ov_cti_rules cti;
    int measure_tolerance_days;  /* default 14 */
    ov_life_domains domains;
    ov_ind_rules indicators;     /* thresholds; defaults in indicators.c */
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

/* The indicators' context for a period, from the settings. */
ov_ind_context ov_settings_ind_context(const ov_settings *s, ov_date from,
                                       ov_date to);

#endif
