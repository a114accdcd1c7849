/* HTML is escaped by default. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/app.h"
#include "web/html.h"
#include "web/page.h"

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

/* The agreement form's hours field: inputmode is an attribute the browser
 * sees, not text with &quot; in it (the value was once passed through %h,
 * which escaped its quotes). */
static void an_hours_field_carries_a_real_inputmode_attribute(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    static const ov_field spec[] = {
        {.name = "hours", .type = OV_F_HOURS, .required = true,
         .label = "hours.ordinary"},
    };
    ov_form f;
    ov_form_init(&f, spec, 1, OV_LANG_DA, a);
    ov_form_set(&f, a, "hours", OV_STR_LIT("12,5\" x=\"y"));
    ov_response res;
    ov_response_init(&res, a, 4096);
    ov_html_begin(&res, 200);
    ov_page_field(&res, &f, &spec[0], NULL, NULL);
    assert_false(res.body.failed);
    assert_non_null(strstr(res.body.data,
                           "value=\"12,5&quot; x=&quot;y\" required "
                           "inputmode=\"decimal\">"));
    assert_null(strstr(res.body.data, "&quot;decimal"));
    ov_arena_destroy(a);
}

/* Each conversion takes only its own kinds of argument; a call that does
 * not fit writes nothing and marks the body failed, so the page is not
 * sent. A C string is escaped like an ov_str. */
static void an_argument_of_the_wrong_kind_writes_nothing_and_fails_the_body(
    void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    ov_response_init(&res, a, 4096);
    ov_html_begin(&res, 200);
    assert_int_equal(ov_html_printf(&res, "<b>%h</b>", "a<b"), OV_OK);
    assert_string_equal(res.body.data, "<b>a&lt;b</b>");
    size_t len = res.body.len;
    assert_int_equal(ov_html_printf(&res, "<i>%d</i>", OV_STR_LIT("7")),
                     OV_EINVAL);
    assert_true(res.body.failed);
    assert_int_equal(res.body.len, len);
    ov_status bad[4];
    ov_html_begin(&res, 200);
    bad[0] = ov_html_printf(&res, "%t", OV_STR_LIT("common.back"));
    ov_html_begin(&res, 200);
    bad[1] = ov_html_printf(&res, "%d", (int64_t)1 << 40);
    ov_html_begin(&res, 200);
    bad[2] = ov_html_printf(&res, "%h and %h", OV_STR_LIT("one"));
    ov_html_begin(&res, 200);
    bad[3] = ov_html_printf(&res, "%D", 5, 6);
    for (int i = 0; i < 4; i++)
        assert_int_equal(bad[i], OV_EINVAL);
    assert_int_equal(res.body.len, 0);
    ov_html_begin(&res, 200);
    assert_int_equal(ov_html_printf(&res, "%D/%D", 5, (int64_t)1 << 40),
                     OV_OK);
    assert_string_equal(res.body.data, "5/1099511627776");
    ov_arena_destroy(a);
}

/* A page whose body could not be written (here: past its cap) is answered
 * with 500 and a whole error page, never sent cut off. */
static void a_page_that_could_not_be_written_is_answered_with_500(
    void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_GET;
    req.path = ov_str_c("/no-such-page");
    ov_response res;
    ov_response_init(&res, a, 200);
    ov_web app = {.store = NULL};
    ov_web_handle(&app, &req, &res);
    assert_int_equal(res.status, 500);
    assert_false(res.body.failed);
    assert_non_null(strstr(res.body.data, "</html>"));
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_and_attributes_are_escaped),
        cmocka_unit_test(printf_escapes_and_has_no_raw_conversion),
        cmocka_unit_test(output_past_the_cap_is_an_error),
        cmocka_unit_test(printf_writes_whole_numbers_at_their_extremes),
        cmocka_unit_test(an_hours_field_carries_a_real_inputmode_attribute),
        cmocka_unit_test(
            an_argument_of_the_wrong_kind_writes_nothing_and_fails_the_body),
        cmocka_unit_test(a_page_that_could_not_be_written_is_answered_with_500),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
