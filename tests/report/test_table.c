/*
 * test_table.c - one table written as CSV and as XLSX.
 *
 * The XLSX is opened again as the zip file it is (its central directory,
 * each member inflated with zlib) and its sheet and shared strings are
 * read back, so the tests see what Excel would.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "report/table.h"

/* ---- a minimal zip reader: enough for libxlsxwriter's output ---- */

static unsigned u16(const unsigned char *p) { return p[0] | p[1] << 8; }
static unsigned long u32(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
           (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

/* The member `name` of the zip in buf, inflated (malloc'ed, NUL-ended),
 * or NULL when there is none. */
static char *zip_member(const unsigned char *buf, size_t len,
                        const char *name)
{
    size_t eocd = len;
    for (size_t i = len >= 22 ? len - 22 : 0; i + 22 <= len; i--) {
        if (u32(buf + i) == 0x06054b50) {
            eocd = i;
            break;
        }
        if (i == 0)
            break;
    }
    if (eocd == len)
        return NULL;
    unsigned n = u16(buf + eocd + 10);
    size_t p = u32(buf + eocd + 16);
    for (unsigned k = 0; k < n && p + 46 <= len; k++) {
        if (u32(buf + p) != 0x02014b50)
            return NULL;
        unsigned method = u16(buf + p + 10);
        size_t csize = u32(buf + p + 20), usize = u32(buf + p + 24);
        unsigned nlen = u16(buf + p + 28), xlen = u16(buf + p + 30),
                 clen = u16(buf + p + 32);
        size_t local = u32(buf + p + 42);
        if (nlen == strlen(name) && memcmp(buf + p + 46, name, nlen) == 0) {
            size_t data = local + 30 + u16(buf + local + 26) +
                          u16(buf + local + 28);
            char *out = malloc(usize + 1);
            if (method == 0) {
                memcpy(out, buf + data, usize);
            } else {
                z_stream z = {0};
                inflateInit2(&z, -MAX_WBITS);
                z.next_in = (unsigned char *)(buf + data);
                z.avail_in = (uInt)csize;
                z.next_out = (unsigned char *)out;
                z.avail_out = (uInt)usize;
                int r = inflate(&z, Z_FINISH);
                inflateEnd(&z);
                if (r != Z_STREAM_END) {
                    free(out);
                    return NULL;
                }
            }
            out[usize] = '\0';
            return out;
        }
        p += 46 + nlen + xlen + clen;
    }
    return NULL;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)n);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* A board-like table: text, a share, a count, a suppressed cell, a date,
 * and a text that a spreadsheet would take for a formula. */
static void sample(ov_table *t, ov_arena *a)
{
    static const char *const h[] = {"Indikator", "Andel", "Antal", "Dato"};
    ov_table_init(t, a, "Tavle", "Halsnæs: de seks kerneelementer", 4, h);
    t->note = "Kilde: overgang, 01-01-2026 til 30-06-2026";
    ov_cell *r = ov_table_row(t);
    r[0] = ov_cell_textc("Fuldt bemandet opstartsmøde");
    r[1] = ov_cell_percent(0.875);
    r[2] = ov_cell_number(1234.5, 1);
    r[3] = ov_cell_date(ov_date_from_ymd(2026, 3, 9));
    r = ov_table_row(t);
    r[0] = ov_cell_textc("=HYPERLINK(\"http://x\")");
    r[1] = ov_cell_suppressed("<5");
    r[2] = ov_cell_number(7, 0);
}

static void csv_has_danish_numbers_semicolons_and_neutralised_formulas(
    void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_table t;
    sample(&t, a);
    ov_buf b;
    ov_buf_init(&b, a, 1 << 16);
    ov_table_csv(&t, &b);
    const char *s = b.data;
    assert_memory_equal(s, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(s, "Indikator;Andel;Antal;Dato\r\n"));
    assert_non_null(
        strstr(s, "Fuldt bemandet opstartsmøde;87,5 %;1234,5;09-03-2026\r\n"));
    /* the formula is text: an apostrophe first; the suppressed cell is
     * "<5", never its value */
    assert_non_null(strstr(s, "'=HYPERLINK"));
    assert_non_null(strstr(s, ";<5;7;\r\n"));
    assert_non_null(strstr(s, "Kilde: overgang"));
    ov_arena_destroy(a);
}

static void xlsx_holds_numbers_as_numbers_and_text_as_strings(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_table t[2];
    sample(&t[0], a);
    static const char *const h[] = {"Forløb"};
    ov_table_init(&t[1], a, "Liste", NULL, 1, h);
    ov_table_row(&t[1])[0] = ov_cell_number(42, 0);
    char dir[] = "/tmp/ov-xlsx-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/t.xlsx", dir);
    mode_t old = umask(022);
    ov_err err;
    assert_int_equal(ov_xlsx_write(path, t, 2, &err), OV_OK);
    umask(old);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600); /* whatever the umask */
    size_t len;
    unsigned char *buf = slurp(path, &len);
    char *strings = zip_member(buf, len, "xl/sharedStrings.xml");
    char *sheet1 = zip_member(buf, len, "xl/worksheets/sheet1.xml");
    char *sheet2 = zip_member(buf, len, "xl/worksheets/sheet2.xml");
    char *book = zip_member(buf, len, "xl/workbook.xml");
    assert_non_null(strings);
    assert_non_null(sheet1);
    assert_non_null(sheet2);
    assert_non_null(book);
    assert_non_null(strstr(book, "name=\"Tavle\""));
    assert_non_null(strstr(book, "name=\"Liste\""));
    assert_non_null(strstr(strings, "Fuldt bemandet opstartsmøde"));
    assert_non_null(strstr(strings, "&lt;5"));
    /* the formula-like text is a shared string, and no cell is a formula */
    assert_non_null(strstr(strings, "=HYPERLINK"));
    assert_null(strstr(sheet1, "<f>"));
    /* numbers are numbers (no t="s"), with their values */
    assert_non_null(strstr(sheet1, "<v>0.875</v>"));
    assert_non_null(strstr(sheet1, "<v>1234.5</v>"));
    assert_non_null(strstr(sheet1, "<v>46090</v>")); /* 09-03-2026 */
    assert_non_null(strstr(sheet2, "<v>42</v>"));
    free(strings);
    free(sheet1);
    free(sheet2);
    free(book);
    free(buf);
    unlink(path);
    rmdir(dir);
    ov_arena_destroy(a);
}

static void xlsx_in_memory_leaves_no_file_behind(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_table t;
    sample(&t, a);
    char dir[] = "/tmp/ov-xlsx-mem-XXXXXX";
    assert_non_null(mkdtemp(dir));
    ov_str out;
    ov_err err;
    assert_int_equal(ov_xlsx_bytes(&t, 1, dir, a, &out, &err), OV_OK);
    assert_true(out.len > 1000);
    assert_memory_equal(out.ptr, "PK\x03\x04", 4);
    char *sheet = zip_member((const unsigned char *)out.ptr, out.len,
                             "xl/worksheets/sheet1.xml");
    assert_non_null(sheet);
    free(sheet);
    assert_int_equal(rmdir(dir), 0); /* empty: nothing left in it */
    ov_arena_destroy(a);
}

static void bad_sheet_names_are_refused_and_write_nothing(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    static const char *const h[] = {"A"};
    ov_table t[2];
    ov_table_init(&t[0], a, "Forløb/2026", NULL, 1, h);
    ov_err err;
    assert_int_equal(ov_xlsx_write("/tmp/ov-never.xlsx", t, 1, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "Forløb/2026"));
    ov_table_init(&t[0], a, "En", NULL, 1, h);
    ov_table_init(&t[1], a, "En", NULL, 1, h);
    assert_int_equal(ov_xlsx_write("/tmp/ov-never.xlsx", t, 2, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "two sheets"));
    /* 31 characters is the most; "ø" counts as one */
    ov_table_init(&t[0], a, "øøøøøøøøøøøøøøøøøøøøøøøøøøøøøøøø", NULL, 1, h);
    assert_int_equal(ov_xlsx_write("/tmp/ov-never.xlsx", t, 1, &err),
                     OV_EINVAL);
    assert_int_equal(access("/tmp/ov-never.xlsx", F_OK), -1);
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            csv_has_danish_numbers_semicolons_and_neutralised_formulas),
        cmocka_unit_test(xlsx_holds_numbers_as_numbers_and_text_as_strings),
        cmocka_unit_test(xlsx_in_memory_leaves_no_file_behind),
        cmocka_unit_test(bad_sheet_names_are_refused_and_write_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
