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

/* An indicator's figure with its unit as a page in `lang` shows it (the
 * board, its drill-downs and the national board): at most one decimal,
 * "79,8 %", "53,6 dage", "+2,5 point" in Danish and "79.8%", "53.6
 * days", "+2.5 points" in English (report/numtext.h); in the arena. */
const char *ov_ind_figure(ov_arena *a, ov_lang lang, ov_ind_unit unit,
                          double v);
/* A count or sum shown next to it: "1.234,5" / "1,234.5". */
const char *ov_ind_count(ov_arena *a, ov_lang lang, double v);

#endif
