/*
 * evaluate.h - the effect evaluation as one call: register extract ->
 * propensity score (logit.h) -> nearest-neighbour matching (nnmatch.h) ->
 * balance (balance.h) -> outcomes with ATT, cluster-robust standard errors
 * and intervals (att.h). Writing the results is src/report/evaluation.h.
 *
 * Design choices a reader of the results needs (also in
 * docs/register-format.md and the report):
 *  - numeric covariates enter the score as they are; a categorical one as
 *    indicators of every level but the first (levels sorted by bytes), as
 *    R's model.matrix does with treatment contrasts;
 *  - balance is shown per numeric covariate and per level of a
 *    categorical one, as MatchIt's summary() does;
 *  - an outcome is estimated on the matched units whose register covers
 *    it, with the matching weights; units without it are left out as R's
 *    lm does with NA (na.omit) and counted;
 *  - with --replace the rows are laid out as MatchIt's get_matches() (a
 *    reused control once per matched set) and the SE is clustered by
 *    matched set and by person (vcovCL(cluster = ~subclass + id)), as
 *    MatchIt's vignette "estimating-effects" says; without, by matched set;
 *  - a value that cannot be computed is NaN and ov_eval_outcome.reason
 *    says why (att.h); the outputs show "–" or null with that reason.
 */
#ifndef OV_STATS_EVALUATE_H
#define OV_STATS_EVALUATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "stats/att.h"
#include "stats/outcome.h"
#include "stats/register.h"

#define OV_EVAL_MAX_OUTCOMES 128
#define OV_EVAL_HIST_BINS 40

typedef struct ov_eval_options {
    const char *register_dir;
    const char *const *covariates;  /* NULL = all */
    int ncovariates;
    const char *exact;              /* column or NULL */
    bool has_caliper;
    double caliper;                 /* in SDs of the score */
    int ratio;                      /* >= 1 */
    bool replace;
    bool discard_both;
    bool drop_missing;
    const ov_outcome_spec *outcomes; /* user specs, or NULL for defaults */
    int noutcomes;
    int bootstrap;                  /* replicates, 0 = none */
    uint64_t seed;
    int threads;                    /* >= 1 */
    /* progress on stderr (called from the calling thread) */
    void (*progress)(void *ctx, const char *stage, double done, double total);
    void *progress_ctx;
} ov_eval_options;

typedef struct ov_eval_balance {
    char *covariate;      /* "age", or "education=grundskole" for a level */
    bool binary;
    double mean_t_before, mean_c_before, smd_before, var_ratio_before,
        ecdf_mean_before, ecdf_max_before;
    double mean_t_after, mean_c_after, smd_after, var_ratio_after,
        ecdf_mean_after, ecdf_max_after;   /* var ratio NaN for binary */
} ov_eval_balance;

typedef struct ov_eval_outcome {
    ov_outcome_spec spec;
    double treated_mean, control_mean;  /* weighted, matched sample */
    double att, se, t, ci_low, ci_high, p_value;
    double df;                          /* residual degrees of freedom */
    double boot_low, boot_high;         /* NaN without --bootstrap */
    double naive_treated_mean, naive_control_mean; /* before matching */
    size_t n_treated, n_control;        /* matched units used */
    size_t n_treated_excluded, n_control_excluded; /* register too short */
    ov_att_reason reason;   /* why values above are NaN (att.h) */
} ov_eval_outcome;

typedef struct ov_eval_coef {
    char *name;                         /* "(Intercept)", "age", ... */
    double estimate;
} ov_eval_coef;

typedef struct ov_eval_timing {
    const char *stage;
    double seconds;
    long peak_rss_kib;  /* the process's peak resident set after the stage */
} ov_eval_timing;

typedef struct ov_eval_result {
    /* sample flow */
    size_t n_persons;         /* rows in population.csv kept */
    size_t n_dropped_missing; /* left out by --drop-missing */
    size_t n_treated, n_control;
    size_t n_discarded_treated, n_discarded_control;
    size_t n_treated_matched, n_control_matched; /* distinct units */
    size_t n_pairs;           /* rows of pairs.csv: one per matched control */
    size_t month_rows;
    size_t persons_without_months;
    double caliper_abs;       /* caliper x sd(score); 0 without caliper */

    /* propensity score model */
    int ncoef;
    ov_eval_coef *coef;
    int iterations;
    double deviance, null_deviance;

    /* per person (n_persons): score and matching */
    const ov_register *reg;   /* ids etc.; owned by the result */
    double *score;
    double *weight;           /* matching weight, 0 when unmatched */
    bool *discarded;
    /* pairs in the order made */
    size_t *pair_treated, *pair_control; /* row indices */
    size_t *subclass;         /* per pair: the treated unit's subclass no. */

    /* score overlap: histograms of the score in OV_EVAL_HIST_BINS equal
     * bins over [0, 1]: [group 0 control / 1 treated][before 0 / after 1] */
    double hist[2][2][OV_EVAL_HIST_BINS];

    int nbalance;
    ov_eval_balance *balance;
    int noutcomes;
    ov_eval_outcome *outcomes;

    int ntimings;
    ov_eval_timing timings[16];

    /* the options as run (for the report); outcomes are in `outcomes` */
    ov_eval_options options;

    ov_arena *arena;          /* owns the names above */
} ov_eval_result;

ov_status ov_evaluate(const ov_eval_options *o, ov_eval_result *res,
                      ov_err *err);

/* Why an outcome's values are missing, for the terminal and result.json
 * (the report has its own Danish words): a stable code ("no_data",
 * "no_treated", "no_control", "too_few_clusters", "no_variation",
 * "variance_not_positive"), NULL when nothing is missing; and an English
 * sentence naming the months or quarter, "" when nothing is missing. */
const char *ov_eval_reason_code(ov_att_reason r);
void ov_eval_reason_text(const ov_eval_outcome *o, char *out, size_t cap);
void ov_eval_result_free(ov_eval_result *res);

#endif
