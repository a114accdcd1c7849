/*
 * table.h - one table, written as CSV or as an Excel workbook (XLSX).
 *
 * Why: the leader's board, its drill-down lists, the national board and
 * the `indicators` command all hand their figures on as spreadsheets. A
 * page builds an ov_table once (a title, column headings, rows of typed
 * cells) and the writers here turn it into a CSV file or a sheet of an
 * XLSX workbook, so the two downloads can never disagree.
 *
 * Cells are typed, so a spreadsheet gets numbers it can sum, not text:
 *  - OV_CELL_TEXT     text (UTF-8);
 *  - OV_CELL_NUMBER   a number shown with `decimals` places;
 *  - OV_CELL_PERCENT  a share 0..1 shown as a percentage (one decimal);
 *  - OV_CELL_DATE     a date (core/date.h), shown DD-MM-YYYY;
 *  - OV_CELL_EMPTY    nothing;
 *  - OV_CELL_SUPPRESSED a figure held back by small-cell suppression:
 *                     written as the text "<5" (the threshold in `text`),
 *                     never as its value.
 *
 * Safety: text that a spreadsheet would read as a formula (= + - @) is
 * written as text: in CSV with a leading apostrophe (core/csv.h), in XLSX
 * as a string cell, which Excel never evaluates. CSV uses ';' as separator
 * and a decimal comma, as Danish Excel reads it; the XLSX has real numbers
 * and the number formats show them the Danish way in a Danish Excel.
 */
#ifndef OV_REPORT_TABLE_H
#define OV_REPORT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef enum ov_cell_kind {
    OV_CELL_EMPTY = 0,
    OV_CELL_TEXT,
    OV_CELL_NUMBER,
    OV_CELL_PERCENT,
    OV_CELL_DATE,
    OV_CELL_SUPPRESSED
} ov_cell_kind;

typedef struct ov_cell {
    ov_cell_kind kind;
    ov_str text;   /* TEXT; SUPPRESSED: what to show instead ("<5") */
    double number; /* NUMBER, PERCENT (a share 0..1) */
    int decimals;  /* NUMBER: 0-6 places */
    ov_date date;  /* DATE */
} ov_cell;

#define OV_TABLE_MAX_COLS 64
#define OV_TABLE_MAX_ROWS 1048575 /* an XLSX sheet's rows, less the header */

typedef struct ov_table {
    const char *name;  /* the sheet's name: at most 31 characters */
    const char *title; /* a line above the table (may be NULL) */
    const char *note;  /* a line below it: source, period (may be NULL) */
    int ncols;
    const char *headers[OV_TABLE_MAX_COLS];
    int nrows;
    int cap_rows;
    ov_cell *cells; /* nrows * ncols, row by row; arena-grown */
    ov_arena *arena;
} ov_table;

/* An empty table with `ncols` column headings (1..OV_TABLE_MAX_COLS). */
void ov_table_init(ov_table *t, ov_arena *a, const char *name,
                   const char *title, int ncols, const char *const *headers);

/* A new row of empty cells; returns its first cell (ncols of them). */
ov_cell *ov_table_row(ov_table *t);

/* Cell constructors. */
ov_cell ov_cell_text(ov_str s);
ov_cell ov_cell_textc(const char *s);
ov_cell ov_cell_number(double v, int decimals);
ov_cell ov_cell_percent(double share);
ov_cell ov_cell_date(ov_date d);
ov_cell ov_cell_suppressed(const char *shown);

/* The table as CSV (';', decimal comma, CRLF line ends, UTF-8 with a
 * byte-order mark so Excel reads the æøå), appended to b: the title line,
 * the headings, the rows, the note. */
void ov_table_csv(const ov_table *t, ov_buf *b);

/* The tables as one XLSX workbook, a sheet per table, written to path
 * (created 0600). Sheet names must be distinct, at most 31 characters,
 * without []:*?/\ (OV_EINVAL names the bad one). */
ov_status ov_xlsx_write(const char *path, const ov_table *tables, int n,
                        ov_err *err);

/* The same workbook in memory (arena-owned bytes): libxlsxwriter writes
 * files only, so it is written to a private temporary file in tmpdir
 * (NULL: $TMPDIR or /tmp), read back and removed. */
ov_status ov_xlsx_bytes(const ov_table *tables, int n, const char *tmpdir,
                        ov_arena *a, ov_str *out, ov_err *err);

#endif
