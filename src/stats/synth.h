/*
 * synth.h - synthetic register extracts with a known truth, for testing
 * and benchmarking the effect evaluation.
 *
 * Persons: participants (treated) follow the pilot profile of the
 * intervention (DOMAIN.md: mean age 45, 54% women, 57% primary school
 * only, long cash-benefit histories, little recent work, more mental
 * illness); comparison persons come from a broader, less vulnerable
 * population of cash-benefit recipients. Each covariate is drawn from an
 * exponential-family distribution per group, so the log odds of being a
 * participant are linear in the covariates and a logistic propensity
 * score is correctly specified.
 *
 * Months: everyone is on cash benefit in month 0; each following month the
 * status moves by a Markov chain whose transition probabilities depend on
 * an employability index (a linear function of the covariates, lower for
 * participants: a naive comparison is biased) and, for participants in
 * months 1-18, on participation (more company placements, subsidised jobs
 * and ordinary jobs, less disability pension). Numeric columns: hours
 * worked, GP visits and hospital contacts. A few registers end early
 * (emigration, death) independently of everything else.
 *
 * Truth: for every participant the chain is propagated exactly (no
 * simulation) with and without participation; the true effect of an
 * outcome is the mean over participants of the difference in expected
 * outcome (the conditional average effect on the treated, which the
 * matched comparison estimates).
 */
#ifndef OV_STATS_SYNTH_H
#define OV_STATS_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "stats/outcome.h"

typedef struct ov_synth_options {
    size_t persons;     /* N >= 2 */
    size_t treated;     /* 1 <= T < N */
    int months;         /* months per person, 1-600 */
    uint64_t seed;
    const char *out;    /* the folder to write (created if missing) */
    bool gzip;          /* write .csv.gz instead of .csv */
} ov_synth_options;

typedef struct ov_synth_stats {
    size_t person_months;
    double seconds;
} ov_synth_stats;

/* Write OUT/population.csv, OUT/months.csv and OUT/truth.json. Files are
 * written under temporary names and renamed when complete. */
ov_status ov_synth_write(const ov_synth_options *o, ov_synth_stats *st,
                         ov_err *err);

/* The true effect (mean over participants of E[Y(1)] - E[Y(0)]) and the
 * participants' mean of E[Y(1)] and E[Y(0)] for one outcome, computed
 * exactly from the model, for a register made with these options. */
typedef struct ov_synth_truth {
    double att, mean_treated, mean_untreated;
} ov_synth_truth;

ov_status ov_synth_truth_of(const ov_synth_options *o,
                            const ov_outcome_spec *specs, int nspecs,
                            ov_synth_truth *out, ov_err *err);

#endif
