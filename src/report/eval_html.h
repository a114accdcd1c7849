/*
 * eval_html.h - the report of an effect evaluation (report.html): one
 * self-contained HTML document in Danish, with inline CSS and inline SVG
 * charts drawn here; no script, no external files, nothing fetched.
 *
 * Sections: the design and method, the sample flow, covariate balance
 * (table and love plot), score overlap, effects (table and forest plot),
 * the quarterly exit to ordinary employment (hazard and cumulative
 * incidence, the analogue of the published Figure 3), the propensity score
 * model and notes on the method.
 *
 * Every text that comes from the data (covariate, level, outcome and
 * column names) is HTML-escaped. Numbers in text use Danish formats
 * (core/fmt.h: "20,1 %", "12.345"); a value that does not exist (NaN) is
 * shown as "–". SVG coordinates use a decimal point whatever the locale.
 */
#ifndef OV_REPORT_EVAL_HTML_H
#define OV_REPORT_EVAL_HTML_H

#include <stddef.h>

#include "core/err.h"
#include "core/str.h"
#include "stats/evaluate.h"
#include "stats/outcome.h"

/* Append the whole document to `out`. Fails with OV_ETOOBIG (nothing
 * useful in `out`) when the buffer's cap is too small, OV_EINVAL when the
 * result is inconsistent (a count without its array). */
ov_status ov_eval_report_html(const ov_eval_result *r, ov_buf *out,
                              ov_err *err);

/* A Danish description of an outcome definition as plain text (not
 * escaped), e.g. "I ordinær beskæftigelse i måned 12" for at:ordinary:12.
 * Always NUL-terminated within cap; truncated if it does not fit. */
void ov_eval_outcome_describe(const ov_outcome_spec *s, char *out,
                              size_t cap);

#endif
