/* Length-carrying strings (trim, cut, eq, strict integer parse, UTF-8
 * validation, hex) and the capped buffer: an append past the maximum fails,
 * appends nothing, and leaves the buffer failed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/str.h"

/* ---- ov_str ---------------------------------------------------------- */

static void trim_removes_ascii_whitespace_at_both_ends_only(void **state)
{
    (void)state;
    ov_str t = ov_str_trim(ov_str_c(" \t\r\n a b \v\f\n"));
    assert_int_equal(t.len, 3);
    assert_memory_equal(t.ptr, "a b", 3);
    assert_int_equal(ov_str_trim(ov_str_c("   \t\n")).len, 0);
    assert_int_equal(ov_str_trim(ov_str_c("")).len, 0);
    assert_true(ov_str_eq_c(ov_str_trim(ov_str_c("x")), "x"));
    /* non-ASCII bytes (NBSP in UTF-8) are not whitespace */
    assert_true(ov_str_eq_c(ov_str_trim(ov_str_c("\xc2\xa0x")), "\xc2\xa0x"));
    /* a view that is not NUL-terminated is trimmed within its length */
    ov_str v = {"  ab  cd", 5};
    assert_true(ov_str_eq_c(ov_str_trim(v), "ab"));
}

static void cut_splits_at_the_first_separator(void **state)
{
    (void)state;
    ov_str head;
    ov_str rest = ov_str_cut(ov_str_c("key=val=ue"), '=', &head);
    assert_true(ov_str_eq_c(head, "key"));
    assert_true(ov_str_eq_c(rest, "val=ue"));

    /* separator last: the rest is empty but present (ptr not NULL) */
    rest = ov_str_cut(ov_str_c("key="), '=', &head);
    assert_true(ov_str_eq_c(head, "key"));
    assert_non_null(rest.ptr);
    assert_int_equal(rest.len, 0);

    /* separator first */
    rest = ov_str_cut(ov_str_c("=v"), '=', &head);
    assert_int_equal(head.len, 0);
    assert_true(ov_str_eq_c(rest, "v"));

    /* absent: head is the whole string and the result is OV_STR_NULL */
    ov_str s = ov_str_c("novalue");
    rest = ov_str_cut(s, '=', &head);
    assert_null(rest.ptr);
    assert_int_equal(rest.len, 0);
    assert_ptr_equal(head.ptr, s.ptr);
    assert_int_equal(head.len, s.len);

    /* empty input, and a separator beyond the view's length is not seen */
    rest = ov_str_cut(ov_str_c(""), '=', &head);
    assert_null(rest.ptr);
    assert_int_equal(head.len, 0);
    ov_str v = {"ab=cd", 2};
    rest = ov_str_cut(v, '=', NULL);
    assert_null(rest.ptr);
}

static void eq_compares_length_and_bytes(void **state)
{
    (void)state;
    assert_true(ov_str_eq(OV_STR_LIT("abc"), ov_str_c("abc")));
    assert_false(ov_str_eq(OV_STR_LIT("abc"), OV_STR_LIT("abd")));
    assert_false(ov_str_eq(OV_STR_LIT("abc"), OV_STR_LIT("ab")));
    assert_false(ov_str_eq(OV_STR_LIT("ab"), OV_STR_LIT("abc")));
    /* the empty views are all equal, whatever their pointer */
    assert_true(ov_str_eq(OV_STR_NULL, OV_STR_LIT("")));
    assert_true(ov_str_eq_c(OV_STR_NULL, NULL));
    assert_true(ov_str_eq_c(ov_str_c(NULL), ""));
    assert_non_null(ov_str_c(NULL).ptr);
    /* embedded NUL bytes count */
    ov_str a = {"a\0b", 3}, b = {"a\0c", 3};
    assert_false(ov_str_eq(a, b));
    assert_false(ov_str_eq_c(a, "a"));
    assert_true(ov_str_starts_with(OV_STR_LIT("overgang"), OV_STR_LIT("over")));
    assert_true(ov_str_starts_with(OV_STR_LIT("x"), OV_STR_NULL));
    assert_false(ov_str_starts_with(OV_STR_LIT("ov"), OV_STR_LIT("over")));
}

static void dup0_and_is_digits(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_str v = {"abcdef", 3};
    char *d = ov_str_dup0(a, v);
    assert_string_equal(d, "abc");
    assert_string_equal(ov_str_dup0(a, OV_STR_NULL), "");
    ov_arena_destroy(a);
    assert_true(ov_str_is_digits(OV_STR_LIT("0123456789")));
    assert_false(ov_str_is_digits(OV_STR_LIT("")));
    assert_false(ov_str_is_digits(OV_STR_LIT("12a")));
    assert_false(ov_str_is_digits(OV_STR_LIT("-1")));
    assert_false(ov_str_is_digits(OV_STR_LIT(" 1")));
}

static void to_i64_parses_the_full_range(void **state)
{
    (void)state;
    int64_t v = 7;
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("0"), &v), OV_OK);
    assert_true(v == 0);
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("-0"), &v), OV_OK);
    assert_true(v == 0);
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("42"), &v), OV_OK);
    assert_true(v == 42);
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("-42"), &v), OV_OK);
    assert_true(v == -42);
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("007"), &v), OV_OK);
    assert_true(v == 7);
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("9223372036854775807"), &v),
                     OV_OK);
    assert_true(v == INT64_MAX);
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("-9223372036854775808"), &v),
                     OV_OK);
    assert_true(v == INT64_MIN);
    assert_int_equal(ov_str_to_i64(OV_STR_LIT("9223372036854775806"), &v),
                     OV_OK);
    assert_true(v == INT64_MAX - 1);
    /* only the view's length is parsed */
    ov_str part = {"12345", 3};
    assert_int_equal(ov_str_to_i64(part, &v), OV_OK);
    assert_true(v == 123);
}

static void to_i64_rejects_overflow_and_malformed_input(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "9223372036854775808",  /* INT64_MAX + 1 */
        "-9223372036854775809", /* INT64_MIN - 1 */
        "9223372036854775810",
        "99999999999999999999",
        "18446744073709551616",
        "-",
        "",
        "+1",
        "--1",
        " 1",
        "1 ",
        "1a",
        "0x10",
        "1.0",
        "1e3",
        "\xd9\xa1", /* ARABIC-INDIC DIGIT ONE */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t v = 12345;
        if (ov_str_to_i64(ov_str_c(bad[i]), &v) != OV_EINVAL)
            fail_msg("'%s' was accepted", bad[i]);
        if (v != 12345)
            fail_msg("'%s' changed the output on failure", bad[i]);
    }
    int64_t v;
    assert_int_equal(ov_str_to_i64(OV_STR_NULL, &v), OV_EINVAL);
}

static void is_utf8_accepts_valid_text(void **state)
{
    (void)state;
    static const char *const good[] = {
        "",
        "plain ASCII",
        "R\xc3\xb8" "dovre \xc3\xa6\xc3\xb8\xc3\xa5 \xc3\x86\xc3\x98\xc3\x85",
        "\xc2\x80",             /* U+0080, smallest 2-byte */
        "\xdf\xbf",             /* U+07FF */
        "\xe0\xa0\x80",         /* U+0800, smallest 3-byte */
        "\xe2\x82\xac",         /* euro sign */
        "\xed\x9f\xbf",         /* U+D7FF, just below the surrogates */
        "\xee\x80\x80",         /* U+E000, just above */
        "\xef\xbf\xbf",         /* U+FFFF */
        "\xf0\x90\x80\x80",     /* U+10000, smallest 4-byte */
        "\xf0\x9d\x84\x9e",     /* musical G clef */
        "\xf4\x8f\xbf\xbf",     /* U+10FFFF, the last code point */
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        if (!ov_str_is_utf8(ov_str_c(good[i])))
            fail_msg("valid UTF-8 #%zu was rejected", i);
    ov_str nul = {"a\0b", 3};
    assert_true(ov_str_is_utf8(nul));
}

static void is_utf8_rejects_overlong_surrogate_and_truncated(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\xc0\x80",             /* overlong NUL */
        "\xc0\xaf",             /* overlong '/' */
        "\xc1\xbf",             /* overlong U+007F */
        "\xe0\x80\x80",         /* overlong 3-byte */
        "\xe0\x9f\xbf",         /* overlong U+07FF */
        "\xf0\x80\x80\x80",     /* overlong 4-byte */
        "\xf0\x8f\xbf\xbf",     /* overlong U+FFFF */
        "\xed\xa0\x80",         /* U+D800, high surrogate */
        "\xed\xbf\xbf",         /* U+DFFF, low surrogate */
        "\xed\xa0\xbd\xed\xb8\x80", /* CESU-8 surrogate pair */
        "\xf4\x90\x80\x80",     /* U+110000, past the last code point */
        "\xf5\x80\x80\x80",
        "\xf8\x88\x80\x80\x80", /* 5-byte form */
        "\xfc\x84\x80\x80\x80\x80",
        "\xfe",
        "\xff",
        "\x80",                 /* lone continuation byte */
        "a\xbf" "b",
        "\xc3",                 /* truncated at the end of the string */
        "\xe2\x82",
        "\xf0\x9d\x84",
        "abc\xc3",
        "\xc3" "A",             /* truncated by an ASCII byte */
        "\xe2\x82" "A",
        "\xf0\x9d\x84" "A",
        "\xe2" "A" "\xac",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (ov_str_is_utf8(ov_str_c(bad[i])))
            fail_msg("invalid UTF-8 #%zu was accepted", i);
    /* a sequence cut by the view's length is truncated, even when the
     * bytes after the view would complete it */
    ov_str cut = {"\xe2\x82\xac", 2};
    assert_false(ov_str_is_utf8(cut));
    ov_str cut4 = {"x\xf0\x9d\x84\x9e", 4};
    assert_false(ov_str_is_utf8(cut4));
}

static void hex_encodes_and_decodes_both_cases(void **state)
{
    (void)state;
    const uint8_t in[] = {0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    char out[2 * sizeof in + 1];
    memset(out, '#', sizeof out);
    ov_hex_encode(in, sizeof in, out);
    assert_string_equal(out, "00017f80abff");
    char empty[1] = {'#'};
    ov_hex_encode(in, 0, empty);
    assert_int_equal(empty[0], '\0');

    uint8_t dec[sizeof in];
    assert_int_equal(ov_hex_decode(ov_str_c(out), dec, sizeof dec), OV_OK);
    assert_memory_equal(dec, in, sizeof in);
    memset(dec, 0, sizeof dec);
    assert_int_equal(ov_hex_decode(OV_STR_LIT("00017F80ABFF"), dec, sizeof dec),
                     OV_OK);
    assert_memory_equal(dec, in, sizeof in);
    assert_int_equal(ov_hex_decode(OV_STR_LIT(""), dec, 0), OV_OK);

    /* wrong length (odd, short, long) and non-hex characters */
    assert_int_equal(ov_hex_decode(OV_STR_LIT("00017f80abf"), dec, 6),
                     OV_EINVAL);
    assert_int_equal(ov_hex_decode(OV_STR_LIT("00017f80ab"), dec, 6),
                     OV_EINVAL);
    assert_int_equal(ov_hex_decode(OV_STR_LIT("00017f80abff00"), dec, 6),
                     OV_EINVAL);
    assert_int_equal(ov_hex_decode(OV_STR_LIT("00017f80abfg"), dec, 6),
                     OV_EINVAL);
    assert_int_equal(ov_hex_decode(OV_STR_LIT(" 0017f80abff"), dec, 6),
                     OV_EINVAL);
    assert_int_equal(ov_hex_decode(OV_STR_LIT("0x017f80abff"), dec, 6),
                     OV_EINVAL);
}

/* ---- ov_buf ---------------------------------------------------------- */

static void assert_unchanged(const ov_buf *b, const char *want)
{
    size_t n = strlen(want);
    assert_int_equal(b->len, n);
    assert_memory_equal(b->data, want, n);
    assert_int_equal(b->data[n], '\0'); /* nothing written past len */
}

static void exceeding_the_max_appends_nothing_and_fails_the_buffer(void **state)
{
    (void)state;
    ov_buf b;
    ov_buf_init(&b, NULL, 10);
    assert_int_equal(ov_buf_append_c(&b, "12345678"), OV_OK);
    assert_false(b.failed);
    /* 8 + 3 > 10: nothing of "abc" is appended, not even the part that
     * would fit */
    assert_int_equal(ov_buf_append_c(&b, "abc"), OV_ETOOBIG);
    assert_true(b.failed);
    assert_unchanged(&b, "12345678");
    /* the buffer stays failed: even an append that would fit fails */
    assert_int_equal(ov_buf_append_byte(&b, 'x'), OV_ETOOBIG);
    assert_int_equal(ov_buf_append(&b, "", 0), OV_ETOOBIG);
    assert_int_equal(ov_buf_append_str(&b, OV_STR_LIT("y")), OV_ETOOBIG);
    assert_int_equal(ov_buf_printf(&b, "%d", 1), OV_ETOOBIG);
    assert_unchanged(&b, "12345678");
    assert_true(b.failed);
    /* reset clears the failure */
    ov_buf_reset(&b);
    assert_false(b.failed);
    assert_unchanged(&b, "");
    assert_int_equal(ov_buf_append_c(&b, "0123456789"), OV_OK);
    assert_unchanged(&b, "0123456789");
    ov_buf_free(&b);
}

static void exactly_reaching_the_max_succeeds_and_one_more_fails(void **state)
{
    (void)state;
    ov_buf b;
    ov_buf_init(&b, NULL, 10);
    assert_int_equal(ov_buf_append_c(&b, "0123456789"), OV_OK);
    assert_false(b.failed);
    assert_unchanged(&b, "0123456789");
    assert_int_equal(ov_buf_append(&b, "", 0), OV_OK); /* nothing is fine */
    assert_int_equal(ov_buf_append_byte(&b, 'x'), OV_ETOOBIG);
    assert_unchanged(&b, "0123456789");
    ov_buf_free(&b);

    /* byte by byte, through several growth steps, up to a larger max */
    ov_buf_init(&b, NULL, 1000);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(ov_buf_append_byte(&b, (char)('a' + i % 26)), OV_OK);
    assert_int_equal(b.len, 1000);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(b.data[i], 'a' + i % 26);
    assert_int_equal(b.data[1000], '\0');
    assert_true(b.cap <= b.max); /* never allocated past the cap */
    assert_int_equal(ov_buf_append_byte(&b, 'z'), OV_ETOOBIG);
    assert_int_equal(b.len, 1000);
    assert_int_equal(b.data[1000], '\0');
    ov_buf_free(&b);

    /* a one-shot append of exactly max into an empty buffer */
    ov_buf_init(&b, NULL, 300);
    char big[300];
    memset(big, 'k', sizeof big);
    assert_int_equal(ov_buf_append(&b, big, sizeof big), OV_OK);
    assert_int_equal(b.len, 300);
    assert_memory_equal(b.data, big, 300);
    assert_int_equal(b.data[300], '\0');
    ov_buf_free(&b);
}

static void a_huge_append_does_not_wrap_the_size_check(void **state)
{
    (void)state;
    ov_buf b;
    ov_buf_init(&b, NULL, 16);
    assert_int_equal(ov_buf_append_c(&b, "abc"), OV_OK);
    /* n so large that len + n wraps around: must still be refused */
    assert_int_equal(ov_buf_append(&b, "x", SIZE_MAX - 1), OV_ETOOBIG);
    assert_unchanged(&b, "abc");
    ov_buf_free(&b);
}

static void printf_respects_the_max(void **state)
{
    (void)state;
    ov_buf b;
    ov_buf_init(&b, NULL, 16);
    assert_int_equal(ov_buf_printf(&b, "%s=%d;", "ab", 12), OV_OK);
    assert_unchanged(&b, "ab=12;");
    /* 6 + 11 > 16: refused, nothing of it written */
    assert_int_equal(ov_buf_printf(&b, "%011d", 7), OV_ETOOBIG);
    assert_true(b.failed);
    assert_unchanged(&b, "ab=12;");
    assert_int_equal(ov_buf_printf(&b, "%s", ""), OV_ETOOBIG);
    ov_buf_reset(&b);
    /* exactly 16 fits */
    assert_int_equal(ov_buf_printf(&b, "%s%s", "01234567", "89abcdef"),
                     OV_OK);
    assert_unchanged(&b, "0123456789abcdef");
    assert_int_equal(ov_buf_printf(&b, "%c", 'x'), OV_ETOOBIG);
    assert_unchanged(&b, "0123456789abcdef");
    ov_buf_free(&b);

    /* printf that grows the buffer past its initial capacity */
    ov_buf_init(&b, NULL, 10000);
    for (int i = 0; i < 500; i++)
        assert_int_equal(ov_buf_printf(&b, "%04d,", i), OV_OK);
    assert_int_equal(b.len, 2500);
    assert_memory_equal(b.data, "0000,0001,0002,", 15);
    assert_memory_equal(b.data + 2495, "0499,", 5);
    assert_int_equal(b.data[2500], '\0');
    ov_buf_free(&b);
}

static void a_small_max_limits_the_first_allocation(void **state)
{
    (void)state;
    ov_buf b;
    ov_buf_init(&b, NULL, 3);
    assert_true(b.cap <= 3);
    assert_int_equal(ov_buf_append_c(&b, "abc"), OV_OK);
    assert_unchanged(&b, "abc");
    assert_int_equal(ov_buf_append_c(&b, "d"), OV_ETOOBIG);
    assert_unchanged(&b, "abc");
    ov_buf_free(&b);
    assert_null(b.data);
}

static void arena_backed_buffers_grow_and_keep_their_content(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(512);
    ov_buf b;
    ov_buf_init(&b, a, 5000);
    assert_ptr_equal(b.arena, a);
    char chunk[100];
    for (int i = 0; i < 50; i++) {
        memset(chunk, 'A' + i % 26, sizeof chunk);
        assert_int_equal(ov_buf_append(&b, chunk, sizeof chunk), OV_OK);
    }
    assert_int_equal(b.len, 5000);
    for (int i = 0; i < 50; i++)
        for (int k = 0; k < 100; k++)
            assert_int_equal(b.data[i * 100 + k], 'A' + i % 26);
    assert_int_equal(b.data[5000], '\0');
    assert_int_equal(ov_buf_append_byte(&b, '!'), OV_ETOOBIG);
    assert_int_equal(b.len, 5000);
    assert_int_equal(b.data[5000], '\0');

    /* a second buffer in the same arena is independent */
    ov_buf c;
    ov_buf_init(&c, a, 8);
    assert_int_equal(ov_buf_printf(&c, "%s", "toolongvalue"), OV_ETOOBIG);
    assert_unchanged(&c, "");
    assert_true(c.failed);
    assert_false(ov_str_eq_c(ov_buf_str(&b), ""));
    ov_buf_free(&b); /* a no-op for arena memory: the arena frees it */
    ov_buf_free(&c);
    ov_arena_destroy(a);
}

static void buf_str_views_the_content_including_nul_bytes(void **state)
{
    (void)state;
    ov_buf b;
    ov_buf_init(&b, NULL, 100);
    assert_int_equal(ov_buf_append(&b, "a\0b", 3), OV_OK);
    ov_str s = ov_buf_str(&b);
    assert_int_equal(s.len, 3);
    assert_memory_equal(s.ptr, "a\0b", 3);
    assert_int_equal(b.data[3], '\0');
    ov_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(trim_removes_ascii_whitespace_at_both_ends_only),
        cmocka_unit_test(cut_splits_at_the_first_separator),
        cmocka_unit_test(eq_compares_length_and_bytes),
        cmocka_unit_test(dup0_and_is_digits),
        cmocka_unit_test(to_i64_parses_the_full_range),
        cmocka_unit_test(to_i64_rejects_overflow_and_malformed_input),
        cmocka_unit_test(is_utf8_accepts_valid_text),
        cmocka_unit_test(is_utf8_rejects_overlong_surrogate_and_truncated),
        cmocka_unit_test(hex_encodes_and_decodes_both_cases),
        cmocka_unit_test(exceeding_the_max_appends_nothing_and_fails_the_buffer),
        cmocka_unit_test(exactly_reaching_the_max_succeeds_and_one_more_fails),
        cmocka_unit_test(a_huge_append_does_not_wrap_the_size_check),
        cmocka_unit_test(printf_respects_the_max),
        cmocka_unit_test(a_small_max_limits_the_first_allocation),
        cmocka_unit_test(arena_backed_buffers_grow_and_keep_their_content),
        cmocka_unit_test(buf_str_views_the_content_including_nul_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
