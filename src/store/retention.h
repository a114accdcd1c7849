/*
 * retention.h (store) - anonymising courses past their municipality's
 * retention (model/retention.h has the rule; docs/retention.md the legal
 * basis and what is kept).
 *
 * Every column that can hold personal data or free text is classified
 * once, in ov_retention_columns (retention.c): cleared, replaced by the
 * marker, replaced by random bytes, cut to the year, its rows deleted, or
 * kept (a fact the indicators and the national monitoring count, or data
 * that is not the citizen's). ov_retention_schema_check walks the live
 * schema and names every TEXT or BLOB column the table does not classify:
 * the run refuses to start then, and tests/store/test_retention.c fails,
 * so a column added later cannot be forgotten.
 *
 * Crash rules: one course is one write transaction (its texts, the
 * citizen's identity when no other course keeps it, the course's mark and
 * its audit row), so a crash leaves each course either fully anonymised
 * or untouched; a re-run skips the marked ones. Audit rows are never
 * changed or deleted here: they follow the audit log's own retention
 * (`overgang audit prune`).
 */
#ifndef OV_STORE_RETENTION_H
#define OV_STORE_RETENTION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/date.h"
#include "model/retention.h"
#include "store/store.h"

/* What anonymising does to a column. */
typedef enum ov_ret_action {
    OV_RA_FACT = 0,  /* kept: a fact the indicators or monitoring count */
    OV_RA_NOT_CITIZEN, /* kept: the organisation's, staff's or system's */
    OV_RA_AUDIT,     /* kept: the audit log (its own retention, prune) */
    OV_RA_MARKER,    /* a non-empty text becomes OV_ANON_MARKER */
    OV_RA_ACTOR,     /* a user name: the marker where it is the citizen's
                      * own log-in, kept where it is staff's */
    OV_RA_CLEAR,     /* NULL */
    OV_RA_RANDOM,    /* random bytes of the same length (CPR fields) */
    OV_RA_YEAR,      /* a date cut to 1 January of its year */
    OV_RA_DELETE,    /* the citizen's rows deleted (sessions, codes) */
    OV_RA_PLAN,      /* the plan's JSON with every text marked
                      * (ov_plan_anonymise) */
    OV_RA_COUNT
} ov_ret_action;

/* When: with the course (its rows), with the citizen's identity (only
 * when no other course of the citizen is still kept), or never. */
typedef enum ov_ret_scope {
    OV_RS_NONE = 0,
    OV_RS_COURSE,  /* ?1 = the course id */
    OV_RS_CITIZEN  /* ?1 = the citizen id */
} ov_ret_scope;

typedef struct ov_ret_column {
    const char *table, *column;
    ov_ret_action action;
    ov_ret_scope scope;
    size_t bytes;     /* OV_RA_RANDOM: the length */
    const char *sql;  /* the statement that does it; NULL when kept */
    const char *why;
} ov_ret_column;
extern const ov_ret_column *const ov_retention_columns;
extern const int ov_nretention_columns;
const char *ov_ret_action_code(ov_ret_action a); /* "marker", ... */

/* The live schema against the table: every TEXT or BLOB column (declared
 * type with TEXT, CHAR, CLOB or BLOB, or none) of every table that the
 * table does not classify ("table.column", in *missing), and every row of
 * the table naming a column that does not exist (*stale). A plain read. */
ov_status ov_retention_schema_check(ov_tx *tx, ov_arena *a, ov_str **missing,
                                    int *nmissing, ov_str **stale,
                                    int *nstale, ov_err *err);

/* One course of a municipality past its retention. */
typedef struct ov_retention_item {
    int64_t course_id;
    ov_date ended_on;
    bool done;          /* anonymised already: a run skips it */
    /* the citizen's identity goes with this course: every other course of
     * the citizen is anonymised or due in this municipality (a course in
     * another municipality counts as kept here; the run decides per
     * course, in its transaction) */
    bool identity_goes;
} ov_retention_item;

typedef struct ov_retention_plan {
    int municipality_code;
    int years;          /* 0: the municipality set none; nothing is due */
    ov_date today, cutoff;
    int open, kept;     /* open courses, ended ones still kept */
    int due, done;      /* to anonymise; anonymised already */
    int n;              /* items: due and done, by course id */
    ov_retention_item *items;
} ov_retention_plan;

/* The municipality's courses as retention sees them on `today`: counts,
 * and the due and done ones (course ids and dates only; no personal data
 * is read). OV_ENOTFOUND (retention_municipality_unknown) for a code that
 * is not a municipality. A plain read suffices. */
ov_status ov_retention_list(ov_tx *tx, int municipality_code, ov_date today,
                            ov_arena *a, ov_retention_plan *out,
                            ov_err *err);

/* Every municipality's code, in order (a plain read). */
ov_status ov_retention_municipalities(ov_tx *tx, ov_arena *a, int **codes,
                                      int *n, ov_err *err);

typedef struct ov_retention_result {
    bool skipped;           /* anonymised before: nothing written */
    bool identity_removed;  /* the citizen's identity went too */
    int64_t citizen_id;
    int fields;             /* values replaced, cleared or deleted */
    char summary[200];      /* per table, as in the audit row */
} ov_retention_result;

/* Anonymise one course in tx (a write transaction; the caller commits):
 * refused with OV_ECONFLICT for an open course (retention_course_open)
 * and one still within its retention (retention_course_kept), with
 * OV_ENOTFOUND for an unknown one; skipped, without a write, when it is
 * anonymised already. Writes one audit row ("delete", the citizen, what
 * was anonymised and the counts, never the removed data). */
ov_status ov_retention_anonymise(ov_tx *tx, int64_t course_id, ov_date today,
                                 ov_retention_result *out, ov_err *err);

#endif
