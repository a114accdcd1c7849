/*
 * indicators.h (web) - the indicators' JSON, the fixed contract of
 * `GET /api/v1/indicators` (issue 12), shared by the API handler and the
 * CLI (`overgang indicators --format json`), so both write one format.
 */
#ifndef OV_WEB_INDICATORS_H
#define OV_WEB_INDICATORS_H

#include <jansson.h>

#include "model/indicators.h"
#include "web/msg.h"

/* {"municipality", "from", "to", "indicators": [{"id", "element",
 * "label", "numerator", "denominator", "value", "target", "status"}],
 * "attention": []}. A value without a denominator, and a target of an
 * informational indicator, are null. Values are rounded to 2 decimals. */
json_t *ov_ind_json(int municipality, ov_date from, ov_date to,
                    const ov_indicator ind[OV_IND_COUNT], ov_lang lang);

/* One indicator's object of that array (the national API's too). */
json_t *ov_ind_json_one(const ov_indicator *x, ov_lang lang);

/* The label of an indicator in a language ("ind.<id>" in msg.c). */
const char *ov_ind_label(ov_lang lang, ov_ind_id id);

#endif
