/* The CSV reader: quoting, line numbers, caps and clear errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/csv.h"

static void reads_plain_quoted_and_escaped_fields(void **state)
{
    (void)state;
    const char data[] = "\xEF\xBB\xBF" "a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\n"
                        "\n\"multi\nline\",2,3\n";
    ov_csv c;
    ov_csv_init(&c, data, sizeof data - 1, ',');
    ov_arena *a = ov_arena_new(0);
    ov_str f[8];
    size_t n;
    ov_err err;
    assert_int_equal(ov_csv_next(&c, a, f, 8, &n, &err), OV_OK);
    assert_int_equal(n, 3);
    assert_true(ov_str_eq_c(f[0], "a") && ov_str_eq_c(f[2], "c"));
    assert_int_equal(c.line, 1);
    assert_int_equal(ov_csv_next(&c, a, f, 8, &n, &err), OV_OK);
    assert_int_equal(n, 3);
    assert_true(ov_str_eq_c(f[0], "x,y"));
    assert_true(ov_str_eq_c(f[1], "say \"hi\""));
    assert_true(ov_str_eq_c(f[2], ""));
    assert_int_equal(c.line, 2);
    assert_int_equal(ov_csv_next(&c, a, f, 8, &n, &err), OV_OK);
    assert_int_equal(n, 3);
    assert_true(ov_str_eq_c(f[0], "multi\nline"));
    assert_int_equal(c.line, 4); /* the blank line 3 is skipped */
    assert_int_equal(ov_csv_next(&c, a, f, 8, &n, &err), OV_OK);
    assert_int_equal(n, 0);
    ov_arena_destroy(a);
}

static void semicolon_separated_files_work(void **state)
{
    (void)state;
    const char data[] = "cpr;navn\n010190-1234;Anna Jensen";
    ov_csv c;
    ov_csv_init(&c, data, sizeof data - 1, ';');
    ov_str f[4];
    size_t n;
    ov_err err;
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_OK);
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_OK);
    assert_int_equal(n, 2);
    assert_true(ov_str_eq_c(f[1], "Anna Jensen"));
    assert_int_equal(c.line, 2);
}

static void errors_name_the_line(void **state)
{
    (void)state;
    ov_str f[4];
    size_t n;
    ov_err err;
    ov_csv c;
    const char unterminated[] = "a,b\nc,\"open\n";
    ov_csv_init(&c, unterminated, sizeof unterminated - 1, ',');
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_OK);
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "line 2: unterminated quoted field 2"));
    const char stray[] = "a,b\"c\n";
    ov_csv_init(&c, stray, sizeof stray - 1, ',');
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "line 1: a quote inside unquoted field 2"));
    const char after[] = "\"a\"b,c\n";
    ov_csv_init(&c, after, sizeof after - 1, ',');
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_EINVAL);
    const char many[] = "1,2,3,4,5\n";
    ov_csv_init(&c, many, sizeof many - 1, ',');
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "more than 4 fields"));
}

static void a_field_over_the_cap_is_refused(void **state)
{
    (void)state;
    char data[64];
    memset(data, 'x', sizeof data);
    ov_csv c;
    ov_csv_init(&c, data, sizeof data, ',');
    c.max_field_len = 63;
    ov_str f[2];
    size_t n;
    ov_err err;
    assert_int_equal(ov_csv_next(&c, NULL, f, 2, &n, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "longer than 63 bytes"));
    ov_csv_init(&c, data, sizeof data, ',');
    c.max_field_len = 64;
    assert_int_equal(ov_csv_next(&c, NULL, f, 2, &n, &err), OV_OK);
    assert_int_equal(f[0].len, 64);
}

/* Found by tests/fuzz/fuzz_csv: a lone CR ends a record, so it must also
 * count as a line, or every record of a file with old Mac line ends is
 * "line 1" in the error messages. */
static void a_lone_carriage_return_ends_a_line(void **state)
{
    (void)state;
    ov_str f[4];
    size_t n;
    ov_err err;
    ov_csv c;
    const char mac[] = "a,b\rc,d\r\r\"e\"x,f\r";
    ov_csv_init(&c, mac, sizeof mac - 1, ',');
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_OK);
    assert_int_equal(c.line, 1);
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_OK);
    assert_int_equal(n, 2);
    assert_int_equal(c.line, 2);
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "line 4: text after the closing quote"));
    /* CRLF is still one line end */
    const char dos[] = "a\r\nb\r\n";
    ov_csv_init(&c, dos, sizeof dos - 1, ',');
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_OK);
    assert_int_equal(ov_csv_next(&c, NULL, f, 4, &n, &err), OV_OK);
    assert_int_equal(c.line, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_plain_quoted_and_escaped_fields),
        cmocka_unit_test(semicolon_separated_files_work),
        cmocka_unit_test(errors_name_the_line),
        cmocka_unit_test(a_field_over_the_cap_is_refused),
        cmocka_unit_test(a_lone_carriage_return_ends_a_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
