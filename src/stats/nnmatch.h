/*
 * nnmatch.h - greedy nearest-neighbour matching on a score with the
 * semantics of R's MatchIt >= 4.5.4 (method = "nearest", estimand ATT):
 *
 *  - all units are sorted by score ascending, stably (equal scores keep
 *    data order);
 *  - treated units take their turn in decreasing order of score (equal
 *    scores in data order);
 *  - each takes the nearest available control before or after it in the
 *    sorted order; when the two are equally far, the one before;
 *  - a caliper (in standard deviations of the score over all
 *    non-discarded units) allows a distance equal to it;
 *  - with ratio K, every treated unit gets its first match before any gets
 *    its second;
 *  - discard "both" drops units outside the common support (treated
 *    outside the controls' score range and controls outside the treated
 *    units' range);
 *  - exact matching matches only within equal values of a group code;
 *  - with replacement a control may serve several treated units (but not
 *    one treated unit twice).
 *
 * Debian's r-cran-matchit 4.5.1 ignores the caliper and picks the wrong
 * neighbour (an integer abs(); MatchIt issue #163, fixed in 4.5.4); this
 * module follows 4.5.4, not the bug.
 */
#ifndef OV_STATS_NNMATCH_H
#define OV_STATS_NNMATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

typedef struct ov_nn_options {
    int ratio;          /* K >= 1 */
    bool replace;
    bool discard_both;
    bool has_caliper;
    double caliper;     /* in standard deviations of the score */
} ov_nn_options;

typedef struct ov_nn_pair {
    size_t treated;     /* row index */
    size_t control;     /* row index */
} ov_nn_pair;

typedef struct ov_nn_result {
    ov_nn_pair *pairs;  /* malloc'd; in the order they were made */
    size_t npairs;
    size_t ntreated_matched;
    size_t ndiscarded_treated, ndiscarded_control;
    double caliper_abs; /* caliper x sd(score), 0 when none */
    bool *discarded;    /* malloc'd, n; true for discarded units */
} ov_nn_result;

/* score[i], treated[i] (0/1), group[i] (exact-matching code, or NULL for
 * none) for n units. */
ov_status ov_nn_match(const double *score, const unsigned char *treated,
                      const int *group, size_t n, const ov_nn_options *o,
                      ov_nn_result *out, ov_err *err);

void ov_nn_result_free(ov_nn_result *r);

#endif
