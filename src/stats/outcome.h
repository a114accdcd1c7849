/*
 * outcome.h - outcomes of an effect evaluation, defined on the monthly
 * register (month k = k months after the person's start):
 *
 *   at:S[,S...]:K       1 when the status in month K is one of S, else 0
 *   ever:S[,S...]:A-B   1 when any month A..B has one of S
 *   count:S[,S...]:A-B  the number of months A..B with one of S
 *   sum:COLUMN:A-B      the sum of a numeric months.csv column over A..B
 *
 * and, in the default set only, the discrete hazard of first entry into a
 * status by quarter Q (months 3Q-2..3Q): 1 when the first month with the
 * status since month 1 lies in the quarter, 0 when none does, undefined
 * (not at risk) when it came earlier.
 *
 * A person's value is undefined (NaN) when their register does not cover
 * every month the outcome needs; such persons are left out of that
 * outcome and counted.
 */
#ifndef OV_STATS_OUTCOME_H
#define OV_STATS_OUTCOME_H

#include <stddef.h>

#include "core/err.h"
#include "stats/register.h"

#define OV_OUTCOME_NAME_MAX 64
#define OV_OUTCOME_SPEC_MAX 160
#define OV_OUTCOME_MONTH_MAX 600

typedef enum ov_oc_kind {
    OV_OC_AT,
    OV_OC_EVER,
    OV_OC_COUNT,
    OV_OC_SUM,
    OV_OC_HAZARD
} ov_oc_kind;

typedef struct ov_outcome_spec {
    char name[OV_OUTCOME_NAME_MAX + 1];
    char spec[OV_OUTCOME_SPEC_MAX + 1];  /* canonical text, "at:ordinary:12" */
    ov_oc_kind kind;
    unsigned statuses;   /* bit s set for status s */
    int a, b;            /* months (at: a = b = K) */
    char column[OV_OUTCOME_NAME_MAX + 1]; /* sum: the column */
    int quarter;         /* hazard and cumulative-incidence rows: 1..12 */
    int curve;           /* 0; 1 = hazard curve, 2 = cumulative incidence */
} ov_outcome_spec;

/* Parse "NAME=SPEC" (an --outcome argument). Errors name the flag and say
 * which form is expected. */
ov_status ov_outcome_parse(const char *arg, ov_outcome_spec *out,
                           ov_err *err);

/* The default set for numeric month columns `numcols`: at most `cap`
 * specs; returns how many. */
int ov_outcome_defaults(const char *const *numcols, int nnum,
                        ov_outcome_spec *out, int cap);

/* The last month any of the specs needs. */
int ov_outcome_max_month(const ov_outcome_spec *s, int n);
/* The last month any sum needs (-1 when there is no sum). */
int ov_outcome_max_sum_month(const ov_outcome_spec *s, int n);

/* Resolve sum columns against the register; an unknown column is an error
 * naming the columns there are. */
ov_status ov_outcome_resolve(const ov_outcome_spec *s, int n,
                             const ov_register *r, int *numcol, ov_err *err);

/* Person i's value, or NaN when undefined. numcol from ov_outcome_resolve
 * (ignored unless the spec is a sum). */
double ov_outcome_value(const ov_outcome_spec *s, int numcol,
                        const ov_register *r, size_t i);

#endif
