#include "report/table.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/csv.h"
#include "core/fmt.h"
#include "core/path.h"

void ov_table_init(ov_table *t, ov_arena *a, const char *name,
                   const char *title, int ncols, const char *const *headers)
{
    memset(t, 0, sizeof *t);
    t->arena = a;
    t->name = name;
    t->title = title;
    if (ncols < 1)
        ncols = 1;
    if (ncols > OV_TABLE_MAX_COLS)
        ncols = OV_TABLE_MAX_COLS;
    t->ncols = ncols;
    for (int i = 0; i < ncols; i++)
        t->headers[i] = headers[i] ? headers[i] : "";
}

ov_cell *ov_table_row(ov_table *t)
{
    size_t cap = (size_t)t->cap_rows * (size_t)t->ncols;
    size_t need = ((size_t)t->nrows + 1) * (size_t)t->ncols;
    t->cells = ov_arena_grow(t->arena, t->cells, &cap, need, sizeof *t->cells);
    t->cap_rows = (int)(cap / (size_t)t->ncols);
    ov_cell *row = t->cells + (size_t)t->nrows * (size_t)t->ncols;
    memset(row, 0, (size_t)t->ncols * sizeof *row);
    t->nrows++;
    return row;
}

ov_cell ov_cell_text(ov_str s)
{
    return (ov_cell){.kind = s.ptr ? OV_CELL_TEXT : OV_CELL_EMPTY, .text = s};
}

ov_cell ov_cell_textc(const char *s)
{
    return ov_cell_text(s ? ov_str_c(s) : OV_STR_NULL);
}

ov_cell ov_cell_number(double v, int decimals)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    return (ov_cell){.kind = OV_CELL_NUMBER, .number = v,
                     .decimals = decimals};
}

ov_cell ov_cell_percent(double share)
{
    return (ov_cell){.kind = OV_CELL_PERCENT, .number = share};
}

ov_cell ov_cell_date(ov_date d)
{
    return (ov_cell){.kind = OV_CELL_DATE, .date = d};
}

ov_cell ov_cell_suppressed(const char *shown)
{
    return (ov_cell){.kind = OV_CELL_SUPPRESSED,
                     .text = ov_str_c(shown ? shown : "<5")};
}

/* ---- CSV ---- */

static void csv_cell(ov_buf *b, const ov_cell *c)
{
    char tmp[OV_FMT_BUF];
    switch (c->kind) {
    case OV_CELL_EMPTY: return;
    case OV_CELL_TEXT:
    case OV_CELL_SUPPRESSED: ov_csv_write_field(b, c->text, ';'); return;
    case OV_CELL_NUMBER:
        /* no thousands separator: a spreadsheet reads "1234,5" */
        if (c->number != c->number) /* NaN: no value */
            return;
        ov_fmt_decimal_dk(c->number, c->decimals, tmp);
        for (char *p = tmp, *q = tmp;; p++) {
            if (*p != '.')
                *q++ = *p;
            if (!*p)
                break;
        }
        ov_buf_append(b, tmp, strlen(tmp));
        return;
    case OV_CELL_PERCENT:
        if (c->number != c->number)
            return;
        ov_fmt_percent_dk(c->number, tmp);
        ov_csv_write_field(b, ov_str_c(tmp), ';');
        return;
    case OV_CELL_DATE: {
        char d[OV_DATE_BUF];
        ov_date_format_dk(c->date, d);
        ov_buf_append(b, d, strlen(d));
        return;
    }
    }
}

void ov_table_csv(const ov_table *t, ov_buf *b)
{
    ov_buf_append(b, "\xEF\xBB\xBF", 3); /* UTF-8 byte-order mark */
    if (t->title) {
        ov_csv_write_field(b, ov_str_c(t->title), ';');
        ov_buf_append(b, "\r\n", 2);
    }
    for (int i = 0; i < t->ncols; i++) {
        if (i)
            ov_buf_append(b, ";", 1);
        ov_csv_write_field(b, ov_str_c(t->headers[i]), ';');
    }
    ov_buf_append(b, "\r\n", 2);
    for (int r = 0; r < t->nrows; r++) {
        const ov_cell *row = t->cells + (size_t)r * (size_t)t->ncols;
        for (int i = 0; i < t->ncols; i++) {
            if (i)
                ov_buf_append(b, ";", 1);
            csv_cell(b, &row[i]);
        }
        ov_buf_append(b, "\r\n", 2);
    }
    if (t->note) {
        ov_csv_write_field(b, ov_str_c(t->note), ';');
        ov_buf_append(b, "\r\n", 2);
    }
}

/* ---- XLSX ---- */

static ov_status sheet_name_ok(const ov_table *tables, int n, int i,
                               ov_err *err)
{
    const char *name = tables[i].name;
    size_t len = name ? strlen(name) : 0;
    /* characters, not bytes: count UTF-8 lead bytes */
    size_t chars = 0;
    for (size_t k = 0; k < len; k++)
        chars += ((unsigned char)name[k] & 0xC0) != 0x80;
    if (chars == 0 || chars > 31 || strpbrk(name, "[]:*?/\\"))
        return ov_err_set(err, OV_EINVAL, "sheet",
                          "sheet name '%s': use 1-31 characters without "
                          "[ ] : * ? / \\",
                          name ? name : "");
    for (int j = 0; j < i; j++)
        if (strcmp(tables[j].name, name) == 0)
            return ov_err_set(err, OV_EINVAL, "sheet",
                              "two sheets are named '%s'; sheet names "
                              "must differ",
                              name);
    if (tables[i].nrows > OV_TABLE_MAX_ROWS - 3)
        return ov_err_set(err, OV_ETOOBIG, "sheet",
                          "sheet '%s' has %d rows; an Excel sheet holds "
                          "at most %d",
                          name, tables[i].nrows, OV_TABLE_MAX_ROWS - 3);
    (void)n;
    return OV_OK;
}

/* libxlsxwriter wants NUL-terminated strings: copy an ov_str. */
static const char *cstr(ov_arena *a, ov_str s)
{
    char *p = ov_arena_alloc(a, s.len + 1);
    if (s.len)
        memcpy(p, s.ptr, s.len);
    p[s.len] = '\0';
    return p;
}

typedef struct formats {
    lxw_format *bold, *title, *note, *pct, *date, *num[7], *suppressed;
} formats;

static void make_formats(lxw_workbook *wb, formats *f)
{
    static const char *const num[7] = {"0", "0.0", "0.00", "0.000",
                                       "0.0000", "0.00000", "0.000000"};
    f->bold = workbook_add_format(wb);
    format_set_bold(f->bold);
    format_set_bottom(f->bold, LXW_BORDER_THIN);
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 13);
    f->note = workbook_add_format(wb);
    format_set_italic(f->note);
    f->pct = workbook_add_format(wb);
    format_set_num_format(f->pct, "0.0%");
    f->date = workbook_add_format(wb);
    format_set_num_format(f->date, "dd-mm-yyyy");
    for (int i = 0; i < 7; i++) {
        f->num[i] = workbook_add_format(wb);
        format_set_num_format(f->num[i], num[i]);
    }
    f->suppressed = workbook_add_format(wb);
    format_set_align(f->suppressed, LXW_ALIGN_RIGHT);
}

static lxw_error write_sheet(lxw_workbook *wb, const formats *f,
                             const ov_table *t, ov_arena *a)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
    if (!ws)
        return LXW_ERROR_SHEETNAME_ALREADY_USED;
    lxw_row_t row = 0;
    lxw_error e = LXW_NO_ERROR;
    if (t->title) {
        e = worksheet_write_string(ws, row++, 0, t->title, f->title);
        row++;
    }
    lxw_row_t head = row;
    for (int i = 0; i < t->ncols && !e; i++)
        e = worksheet_write_string(ws, row, (lxw_col_t)i, t->headers[i],
                                   f->bold);
    row++;
    for (int r = 0; r < t->nrows && !e; r++, row++) {
        const ov_cell *cells = t->cells + (size_t)r * (size_t)t->ncols;
        for (int i = 0; i < t->ncols && !e; i++) {
            const ov_cell *c = &cells[i];
            lxw_col_t col = (lxw_col_t)i;
            switch (c->kind) {
            case OV_CELL_EMPTY: break;
            case OV_CELL_TEXT:
                /* a string cell: never a formula, whatever it starts with */
                e = worksheet_write_string(ws, row, col, cstr(a, c->text),
                                           NULL);
                break;
            case OV_CELL_SUPPRESSED:
                e = worksheet_write_string(ws, row, col, cstr(a, c->text),
                                           f->suppressed);
                break;
            case OV_CELL_NUMBER:
                if (c->number == c->number)
                    e = worksheet_write_number(ws, row, col, c->number,
                                               f->num[c->decimals]);
                break;
            case OV_CELL_PERCENT:
                if (c->number == c->number)
                    e = worksheet_write_number(ws, row, col, c->number,
                                               f->pct);
                break;
            case OV_CELL_DATE: {
                ov_ymd d = ov_date_to_ymd(c->date);
                lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};
                e = worksheet_write_datetime(ws, row, col, &dt, f->date);
                break;
            }
            }
        }
    }
    if (!e && t->note)
        e = worksheet_write_string(ws, row + 1, 0, t->note, f->note);
    if (!e)
        e = worksheet_set_column(ws, 0, 0, 28, NULL);
    if (!e && t->ncols > 1)
        e = worksheet_set_column(ws, 1, (lxw_col_t)(t->ncols - 1), 14, NULL);
    if (!e) /* the headings stay in view while scrolling */
        worksheet_freeze_panes(ws, head + 1, 0);
    return e;
}

ov_status ov_xlsx_write(const char *path, const ov_table *tables, int n,
                        ov_err *err)
{
    if (n < 1)
        return ov_err_set(err, OV_EINVAL, NULL, "a workbook needs a sheet");
    for (int i = 0; i < n; i++) {
        ov_status st = sheet_name_ok(tables, n, i, err);
        if (st != OV_OK)
            return st;
    }
    /* created owner-only first: libxlsxwriter's fopen keeps the mode */
    int fd = ov_private_open(path, false);
    if (fd < 0)
        return ov_err_set(err, OV_EIO, "out", "cannot create '%s': %s", path,
                          strerror(errno));
    close(fd);
    lxw_workbook_options o = {.constant_memory = LXW_FALSE,
                              .tmpdir = NULL,
                              .use_zip64 = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &o);
    if (!wb) {
        unlink(path);
        return ov_err_set(err, OV_EIO, "out", "cannot write '%s'", path);
    }
    formats f;
    make_formats(wb, &f);
    ov_arena *a = ov_arena_new(0);
    lxw_error e = LXW_NO_ERROR;
    for (int i = 0; i < n && !e; i++)
        e = write_sheet(wb, &f, &tables[i], a);
    ov_arena_destroy(a);
    lxw_error closed = workbook_close(wb);
    if (!e)
        e = closed;
    if (e) {
        unlink(path);
        return ov_err_set(err, OV_EIO, "out", "cannot write '%s': %s", path,
                          lxw_strerror(e));
    }
    return OV_OK;
}

ov_status ov_xlsx_bytes(const ov_table *tables, int n, const char *tmpdir,
                        ov_arena *a, ov_str *out, ov_err *err)
{
    *out = OV_STR_NULL;
    if (!tmpdir || !*tmpdir)
        tmpdir = getenv("TMPDIR");
    if (!tmpdir || !*tmpdir)
        tmpdir = "/tmp";
    /* a private directory (0700), so no other user can read or swap the
     * file while it is written */
    char dir[4096];
    int k = snprintf(dir, sizeof dir, "%s/overgang-xlsx-XXXXXX", tmpdir);
    if (k < 0 || (size_t)k >= sizeof dir - 16 || !mkdtemp(dir))
        return ov_err_set(err, OV_EIO, NULL,
                          "cannot make a temporary folder in '%s': %s",
                          tmpdir, strerror(errno));
    char path[4112];
    snprintf(path, sizeof path, "%s/book.xlsx", dir);
    ov_status st = ov_xlsx_write(path, tables, n, err);
    if (st == OV_OK) {
        FILE *fp = fopen(path, "rb");
        struct stat sb;
        if (!fp || fstat(fileno(fp), &sb) != 0) {
            st = ov_err_set(err, OV_EIO, NULL, "cannot read back '%s': %s",
                            path, strerror(errno));
        } else {
            char *p = ov_arena_alloc(a, (size_t)sb.st_size + 1);
            size_t got = fread(p, 1, (size_t)sb.st_size, fp);
            if (got != (size_t)sb.st_size)
                st = ov_err_set(err, OV_EIO, NULL, "cannot read back '%s'",
                                path);
            else
                *out = (ov_str){p, got};
        }
        if (fp)
            fclose(fp);
    }
    unlink(path);
    rmdir(dir);
    return st;
}
