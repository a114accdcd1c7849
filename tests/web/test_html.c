/* HTML is escaped by default. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/html.h"

static void text_and_attributes_are_escaped(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    ov_response_init(&res, a, 4096);
    ov_html_begin(&res, 200);
    ov_html_lit(&res, "<p title=\"");
    ov_html_attr(&res, OV_STR_LIT("\" onmouseover=\"x"));
    ov_html_lit(&res, "\">");
    ov_html_text(&res, OV_STR_LIT("<script>alert('æ & ø')</script>`"));
    ov_html_lit(&res, "</p>");
    assert_string_equal(res.body.data,
                        "<p title=\"&quot; onmouseover=&quot;x\">&lt;script"
                        "&gt;alert(&#39;æ &amp; ø&#39;)&lt;/script&gt;&#96;"
                        "</p>");
    assert_string_equal(res.content_type, "text/html; charset=utf-8");
    ov_arena_destroy(a);
}

static void printf_escapes_and_has_no_raw_conversion(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    ov_response_init(&res, a, 4096);
    ov_html_begin(&res, 200);
    assert_int_equal(ov_html_printf(&res, "<a href=\"/s?q=%u\">%h</a> %d %D %%",
                                    OV_STR_LIT("a b&c/ø"),
                                    OV_STR_LIT("<b>"), 7, (int64_t)-9),
                     OV_OK);
    assert_string_equal(res.body.data,
                        "<a href=\"/s?q=a%20b%26c%2F%C3%B8\">&lt;b&gt;</a> "
                        "7 -9 %");
    size_t before = res.body.len;
    assert_int_equal(ov_html_printf(&res, "<p>%s</p>", "raw"), OV_EINVAL);
    assert_int_equal(res.body.len, before);
    assert_int_equal(ov_html_printf(&res, "trailing %"), OV_EINVAL);
    ov_arena_destroy(a);
}

static void printf_writes_whole_numbers_at_their_extremes(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    ov_response_init(&res, a, 4096);
    assert_int_equal(ov_html_printf(&res, "%d|%d|%d|%D|%D|%D", 0, INT_MIN,
                                    INT_MAX, INT64_MIN, INT64_MAX,
                                    (int64_t)-1),
                     OV_OK);
    assert_string_equal(res.body.data,
                        "0|-2147483648|2147483647|-9223372036854775808|"
                        "9223372036854775807|-1");
    ov_arena_destroy(a);
}

static void output_past_the_cap_is_an_error(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    ov_response_init(&res, a, 8);
    ov_html_begin(&res, 200);
    assert_int_equal(ov_html_printf(&res, "%h", OV_STR_LIT("<<<")), OV_ETOOBIG);
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_and_attributes_are_escaped),
        cmocka_unit_test(printf_escapes_and_has_no_raw_conversion),
        cmocka_unit_test(output_past_the_cap_is_an_error),
        cmocka_unit_test(printf_writes_whole_numbers_at_their_extremes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
