/*
 * fuzz_csv - the CSV reader (src/core/csv.c).
 *
 * Input: the first byte picks the separator (',' ';' or tab), the rest is
 * the CSV text. Invariants: fields stay inside their caps; line numbers
 * never go back; and the records read, written again with
 * ov_csv_write_field, read back to the same fields (a leading = + - @
 * comes back behind the apostrophe the writer adds).
 */
#include "fuzz.h"

#include "core/arena.h"
#include "core/csv.h"

#define CAP 64
#define MAX_LEN 256

typedef struct record {
    size_t n;
    ov_str f[CAP];
} record;

static bool formula(ov_str s)
{
    return s.len > 0 && (s.ptr[0] == '=' || s.ptr[0] == '+' ||
                         s.ptr[0] == '-' || s.ptr[0] == '@');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char seps[3] = {',', ';', '\t'};
    char sep = seps[data[0] % 3];
    ov_str in = fuzz_str(data + 1, size - 1);
    ov_arena *a = ov_arena_new(0);
    record *recs = NULL;
    size_t nrec = 0, cap = 0;
    ov_csv c;
    ov_csv_init(&c, in.ptr, in.len, sep);
    c.max_field_len = MAX_LEN;
    int64_t last_line = 0;
    for (;;) {
        OV_GROW(a, recs, cap, nrec + 1);
        record *r = &recs[nrec];
        ov_err err;
        ov_err_clear(&err);
        if (ov_csv_next(&c, a, r->f, CAP, &r->n, &err) != OV_OK) {
            FUZZ_CHECK(err.msg[0] != '\0', "an error without a message");
            break;
        }
        if (r->n == 0)
            break;
        FUZZ_CHECK(r->n <= CAP, "%zu fields", r->n);
        FUZZ_CHECK(c.line > last_line && c.line <= c.next_line,
                   "line %lld after %lld", (long long)c.line,
                   (long long)last_line);
        last_line = c.line;
        for (size_t i = 0; i < r->n; i++) {
            FUZZ_CHECK(r->f[i].len <= MAX_LEN, "field of %zu bytes",
                       r->f[i].len);
            FUZZ_CHECK(r->f[i].len == 0 || r->f[i].ptr != NULL, "NULL field");
        }
        nrec++;
    }

    /* write what was read, with a byte order mark (which the reader skips,
     * so a field that itself starts with one survives), and read it back */
    ov_buf b;
    ov_buf_init(&b, a, 64u << 20);
    ov_buf_append(&b, "\xEF\xBB\xBF", 3);
    for (size_t k = 0; k < nrec; k++) {
        const record *r = &recs[k];
        if (r->n == 1 && r->f[0].len == 0) {
            ov_buf_append_c(&b, "\"\"\n"); /* else a blank line */
            continue;
        }
        for (size_t i = 0; i < r->n; i++) {
            if (i)
                ov_buf_append_byte(&b, sep);
            ov_csv_write_field(&b, r->f[i], sep);
        }
        ov_buf_append_byte(&b, '\n');
    }
    FUZZ_CHECK(!b.failed, "the written CSV passed its cap");
    ov_csv_init(&c, b.data, b.len, sep);
    c.max_field_len = MAX_LEN + 1; /* room for the apostrophe */
    for (size_t k = 0; k <= nrec; k++) {
        ov_str f[CAP];
        size_t n;
        ov_err err;
        ov_err_clear(&err);
        FUZZ_CHECK(ov_csv_next(&c, a, f, CAP, &n, &err) == OV_OK,
                   "record %zu written back does not read: %s", k + 1,
                   err.msg);
        if (k == nrec) {
            FUZZ_CHECK(n == 0, "%zu fields after the last record", n);
            break;
        }
        FUZZ_CHECK(n == recs[k].n, "record %zu: %zu fields, wrote %zu", k + 1,
                   n, recs[k].n);
        for (size_t i = 0; i < n; i++) {
            ov_str want = recs[k].f[i];
            ov_str got = f[i];
            if (formula(want)) {
                FUZZ_CHECK(got.len == want.len + 1 && got.ptr[0] == '\'',
                           "record %zu field %zu: no apostrophe", k + 1,
                           i + 1);
                got = (ov_str){got.ptr + 1, got.len - 1};
            }
            FUZZ_CHECK(ov_str_eq(got, want),
                       "record %zu field %zu differs after a round trip",
                       k + 1, i + 1);
        }
    }
    ov_arena_destroy(a);
    return 0;
}
