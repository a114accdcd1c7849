/*
 * national.h (store) - what the national analyst's board is computed
 * from (model/national.h): every municipality of this database, live or
 * imported, with its per-course facts cut to months.
 *
 * Sources. A municipality whose courses live in this database (the demo
 * holds Halsnæs and Tønder; a shared installation holds several) is read
 * by the indicators' own reader (store/indicators.h), so the national
 * figures rest on the same facts as the municipality's board, and then
 * cut to months exactly as an extract cuts them (ov_mx_from_facts, as of
 * the period's end, then ov_mx_to_facts; the staff ids are kept, so
 * caseloads can be computed). A municipality whose extracts were
 * imported (store/monitor.h) is rebuilt from the records of every file
 * whose period overlaps the board's.
 *
 * Both: a municipality with live courses here is shown from the live
 * data, and its imported records are not read: the live data is the
 * source the extracts were made from, complete to today and with the
 * staff identities caseloads need. Each imported municipality carries
 * the day of its latest import ("importeret <dato>" on the page).
 *
 * Which courses: drawn, started by the period's end and not ended before
 * its start (model/national.h ov_nat_counts; for imported records on
 * month starts). Audit: one "read" row per live municipality (the
 * facts' reader writes it); imported records are pseudonymous and read
 * without one.
 */
#ifndef OV_STORE_NATIONAL_H
#define OV_STORE_NATIONAL_H

#include <stdbool.h>

#include "model/indicators.h"
#include "store/store.h"

typedef struct ov_nat_source {
    int code;
    char name[201];          /* "" when this database has no name for it */
    bool imported;
    ov_date imported_on;     /* the latest import (Copenhagen day) */
    ov_ind_facts *f;         /* in the arena */
    int n;
} ov_nat_source;

/* Every municipality with courses or imported records for [from, to], by
 * code; *out and the facts in the arena. */
ov_status ov_nat_read(ov_tx *tx, ov_date from, ov_date to, ov_arena *a,
                      ov_nat_source **out, int *n, ov_err *err);

/* The audit rows of a read whose figures came from a cache (web), one per
 * live municipality, as ov_nat_read writes them. */
ov_status ov_nat_audit(ov_tx *tx, const ov_nat_source *s, int n,
                       ov_date from, ov_date to, ov_err *err);

#endif
