/*
 * csv.h - a strict, fast CSV reader over a buffer in memory (RFC 4180).
 *
 * Fields are separated by `sep` (',' or ';' for Danish spreadsheets),
 * records by LF, CRLF or a lone CR (each one line in messages). A field
 * may be quoted with '"'; inside quotes the separator and line breaks are
 * data and '""' is one quote. A UTF-8 byte order mark at the start is
 * skipped. Unquoted fields are views into the buffer (no copy); quoted
 * fields with escaped quotes are unescaped into the
 * arena. Every field has a cap and every record a maximum number of fields,
 * and errors name the line: "line 17: unterminated quoted field".
 * Blank lines are skipped.
 */
#ifndef OV_CORE_CSV_H
#define OV_CORE_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "core/str.h"

typedef struct ov_csv {
    const char *p, *end;
    char sep;
    int64_t line;         /* line where the last record started (1-based) */
    int64_t next_line;    /* line where the next record starts */
    size_t max_field_len; /* default 4096 */
} ov_csv;

void ov_csv_init(ov_csv *c, const char *data, size_t len, char sep);

/* Read the next record. Returns OV_OK with *n fields (n >= 1), or OV_OK
 * with *n == 0 at the end of the input, or an error naming the line.
 * More than `cap` fields is an error. The arena holds unescaped copies. */
ov_status ov_csv_next(ov_csv *c, ov_arena *a, ov_str *fields, size_t cap,
                      size_t *n, ov_err *err);

/* Append one field to a CSV line being written: quoted when it holds the
 * separator, a quote or a line break; a leading = + - @ (a spreadsheet
 * formula) is neutralised with an apostrophe. */
void ov_csv_write_field(ov_buf *b, ov_str field, char sep);

#endif
