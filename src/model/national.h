/*
 * national.h - the national analyst's board: every municipality side by
 * side on the indicators of model/indicators.h, the national total, and
 * the rollout month by month, with small cells suppressed (issue 12,
 * section 3; docs/indicators.md, "The national board").
 *
 * Why: the national agency monitors the rollout across municipalities
 * and must never see a person. So the board is computed from the same
 * per-course facts as a municipality's own board (ov_ind_facts), never
 * shows anything about one course, and hides every figure built on fewer
 * than k citizens, plus enough other figures (model/suppress.h) that no
 * hidden one can be worked out from the totals.
 *
 * Comparability. Every municipality is computed with the same rules: the
 * documented defaults (model/settings.h ov_settings_default), not each
 * municipality's own thresholds and windows, so a column means the same
 * in every municipality and the national total is the sum of its parts
 * (for shares, counts and rates: numerator and denominator add up). And
 * every municipality's facts are cut to months (ov_ind_month) whether
 * they are live or imported from an extract (model/extract.h carries
 * months), so a live municipality and an imported one are measured
 * alike; the figures may differ from the municipality's own board by the
 * month resolution (docs/indicators.md, "Month resolution").
 *
 * Citizens behind a figure: the courses that add to its numerator or
 * denominator (ov_ind_contributions), one course a citizen. A cell is
 * suppressed when that count is between 1 and k-1, or when suppress.h's
 * secondary rules hide it; one table per indicator, municipalities as
 * rows, the national total as the totals row. A suppressed figure
 * publishes nothing: no value, numerator, denominator or status.
 *
 * Caseloads need staff identities, which an extract does not carry: an
 * imported municipality's caseloads are "not available" (never a zero),
 * and so is the national total's while any municipality is imported.
 */
#ifndef OV_MODEL_NATIONAL_H
#define OV_MODEL_NATIONAL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "model/indicators.h"

/* The rollout chart covers at most this many months (the period is cut
 * to its last OV_NAT_MAX_MONTHS months). */
#define OV_NAT_MAX_MONTHS 120

/* One municipality's facts (live or imported). */
typedef struct ov_nat_input {
    int code;
    const ov_ind_facts *f;
    int n;
    bool has_staff; /* false: imported, caseloads not available */
} ov_nat_input;

typedef struct ov_nat_cell {
    ov_indicator ind;   /* as ov_ind_compute gives it */
    int64_t citizens;   /* the courses the figure rests on */
    bool suppressed;    /* hidden: fewer than k, or secondary */
    bool unavailable;   /* a caseload that cannot be computed */
} ov_nat_cell;

typedef struct ov_nat_month {
    ov_date month;          /* its first day */
    int municipalities;     /* started: a course drawn by the month's end */
    int64_t drawn, active, ended; /* citizens drawn, courses active at
                                     any time in the month, ended in it */
    bool drawn_hidden, active_hidden, ended_hidden;
} ov_nat_month;

typedef struct ov_nat_board {
    int k;
    int n;                 /* municipalities, in the input's order */
    ov_nat_cell *cell;     /* (n + 1) x OV_IND_COUNT, row-major; row n is
                              the national total */
    int nmonths;
    ov_nat_month *months;  /* oldest first */
    int64_t drawn_total, ended_total; /* over the months */
    bool drawn_total_hidden, ended_total_hidden;
} ov_nat_board;

static inline ov_nat_cell *ov_nat_at(const ov_nat_board *b, int row,
                                     ov_ind_id id)
{
    return &b->cell[(size_t)row * OV_IND_COUNT + (size_t)id];
}

/* Whether an indicator needs staff identities (the caseloads,
 * cti_caseload_max included). */
bool ov_nat_needs_staff(ov_ind_id id);

/* Whether a course counts on the national board for [from, to]: drawn
 * and started by `to`, not ended before `from` (the courses an extract
 * carries, store/monitor.h). */
bool ov_nat_counts(const ov_ind_facts *f, ov_date from, ov_date to);

/* The board's period: whole months, from the first day of from's month
 * to the last day of to's month (which period an event falls in is then
 * exact on month-cut facts, docs/indicators.md "Month resolution"). */
void ov_nat_period(ov_date from, ov_date to, ov_date *out_from,
                   ov_date *out_to);

/* The rules every municipality is computed with: the documented defaults
 * (model/settings.h) for the period, with the follow-up interval
 * widened by 4 weeks: a follow-up cut to the first day of its month lies
 * up to 30 days before it happened, so on months a course followed up in
 * the period's last month (with the default interval of 4 weeks) counts
 * as followed up on time, and one last followed up the month before
 * does not. */
ov_ind_context ov_nat_context(ov_date from, ov_date to);

/* Compute the board of in[0..n-1] for cx's period with suppression
 * threshold k (OV_EINVAL below OV_SUPPRESS_K_MIN). The arrays are
 * malloc'ed: free with ov_nat_free. */
ov_status ov_nat_compute(const ov_nat_input *in, int n,
                         const ov_ind_context *cx, int k, ov_nat_board *out,
                         ov_err *err);
void ov_nat_free(ov_nat_board *b);

#endif
