/*
 * evaluation.h - the output folder of an effect evaluation:
 *
 *   result.json   sample flow, options, propensity model, outcomes, balance
 *   pairs.csv     treated_id,control_id,treated_score,control_score
 *   balance.csv   balance per covariate before and after matching
 *   report.html   the self-contained Danish report (eval_html.h)
 *
 * All four are written under temporary names and renamed into place only
 * when every one is complete, so a failure leaves no partial output.
 */
#ifndef OV_REPORT_EVALUATION_H
#define OV_REPORT_EVALUATION_H

#include "core/err.h"
#include "stats/evaluate.h"

ov_status ov_eval_write(const ov_eval_result *r, const char *outdir,
                        ov_err *err);

#endif
