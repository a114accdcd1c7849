/*
 * export.h (store) - everything overgang holds about one citizen, for
 * "Mine data" (issue 14; GDPR art. 15, the right of access, and art. 20,
 * data portability): read once, in one transaction, and recorded as one
 * "export" row of the audit log, which the citizen then sees in their own
 * access log.
 *
 * The export is a list of sections ("courses", "meetings", ...), each a
 * list of rows of named fields. The names are the stable English field
 * names of the JSON document (docs/citizen-export.md); the web layer
 * writes the JSON, the report layer the PDF, from the same reading.
 * store/export.c lists every table of the schema: the section that covers
 * it, or why it is left out (ov_export_tables; tests/store/test_export.c
 * fails when a table is added without a line there).
 */
#ifndef OV_STORE_EXPORT_H
#define OV_STORE_EXPORT_H

#include <stdint.h>

#include "core/date.h"
#include "store/store.h"

typedef enum ov_export_kind {
    OV_XK_TEXT = 0, /* a string, or null */
    OV_XK_INT,      /* an integer, or null */
    OV_XK_REAL,     /* a number, or null */
    OV_XK_BOOL      /* 0/1 stored: true/false, or null */
} ov_export_kind;

typedef struct ov_export_field {
    const char *name;
    ov_export_kind kind;
} ov_export_field;

typedef struct ov_export_value {
    bool null;
    ov_str text; /* OV_XK_TEXT */
    int64_t i;   /* OV_XK_INT, OV_XK_BOOL */
    double r;    /* OV_XK_REAL */
} ov_export_value;

typedef struct ov_export_section {
    const char *name;             /* "courses", ... */
    const ov_export_field *fields;
    int nfields;
    ov_export_value **rows;       /* rows[i][f] */
    ov_list_info li;              /* the list convention (store.h) */
} ov_export_section;

/* The rows of one section at most (the access log may be long; the list
 * says "total" and "truncated"). */
#define OV_EXPORT_ROWS_MAX 5000

typedef struct ov_export {
    ov_str full_name;
    ov_date birth_date;   /* from the CPR number; never the number */
    const char *sex;      /* "F", "M" */
    int nsections;
    ov_export_section *sections; /* in the arena */
} ov_export;

/* Read everything about the citizen, in the arena, in the transaction
 * (a write: the export's audit row goes in with it). OV_ENOTFOUND for an
 * unknown citizen. */
ov_status ov_export_citizen(ov_tx *tx, int64_t citizen_id, ov_arena *a,
                            ov_export *out, ov_err *err);

/* Every table of the schema and how the export treats it: covered by the
 * section `section`, or left out (section NULL) for `why`. Ended by a
 * NULL table. */
typedef struct ov_export_table {
    const char *table;
    const char *section;
    const char *why;
} ov_export_table;
extern const ov_export_table ov_export_tables[];

/* The citizen's course their own pages are about: the newest open one,
 * else the newest; *course_id 0 when they have none. No audit (an id). */
ov_status ov_own_course(ov_tx *tx, int64_t citizen_id, int64_t *course_id,
                        ov_err *err);

/* A section's value by field name, or NULL (for tests and the PDF). */
const ov_export_value *ov_export_get(const ov_export_section *s, int row,
                                     const char *field);

#endif
