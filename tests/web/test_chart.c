/*
 * The web pages' charts: numbers in labels and tooltips in the page's
 * language (Danish by default, English on an English page), the last x
 * label inside the view box, every text escaped.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "web/chart.h"
#include "web/msg.h"

static const char *const weeks[] = {"Uge 45", "Uge 46", "Uge 47",
                                    "Uge 48 <b>"};

static void render(ov_arena *a, ov_response *res, bool bars)
{
    static const double hours[] = {7.5, 12.25, NAN, 18};
    static const double goal[] = {10, 15, 20, 25};
    const ov_series s[2] = {{"Timer", hours, "s1"}, {"Mål & <i>", goal, "s2"}};
    ov_chart c = {"Progression <mod> timer", 4, weeks, 0, 25, 2, s, bars};
    ov_response_init(res, a, 1 << 16);
    ov_html_begin(res, 200);
    ov_chart_svg(res, &c);
    assert_false(res->body.failed);
}

static void numbers_in_charts_have_a_decimal_comma(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    render(a, &res, false);
    assert_non_null(strstr(res.body.data, "<title>Timer: 7,5</title>"));
    assert_non_null(strstr(res.body.data, "<title>Timer: 12,25</title>"));
    assert_null(strstr(res.body.data, "12.25"));
    assert_null(strstr(res.body.data, ">7.5<"));
    /* y ticks 0, 10, 20, 30 (a nice step over 0..25) */
    assert_non_null(strstr(res.body.data, ">10</text>"));
    render(a, &res, true);
    assert_non_null(strstr(res.body.data, "<title>Timer: 12,25</title>"));
    ov_arena_destroy(a);
}

/* The same chart on an English page (the response's language), with
 * thousands on its y axis: 1,000 and 7.5, no Danish sign. */
static void numbers_in_charts_on_an_english_page_are_english(void **state)
{
    (void)state;
    static const double hours[] = {7.5, 12.25, NAN, 1234.5};
    const ov_series s[1] = {{"Hours", hours, "s1"}};
    ov_chart c = {"Hours", 4, weeks, 0, 2500, 1, s, false};
    ov_arena *a = ov_arena_new(0);
    for (int bars = 0; bars <= 1; bars++) {
        ov_response res;
        ov_response_init(&res, a, 1 << 16);
        res.lang = OV_LANG_EN;
        ov_html_begin(&res, 200);
        c.bars = bars;
        ov_chart_svg(&res, &c);
        assert_false(res.body.failed);
        const char *b = res.body.data;
        assert_non_null(strstr(b, "<title>Hours: 7.5</title>"));
        assert_non_null(strstr(b, "<title>Hours: 12.25</title>"));
        assert_non_null(strstr(b, "<title>Hours: 1,234.5</title>"));
        assert_non_null(strstr(b, ">1,000</text>"));
        assert_null(strstr(b, ">1.000</text>"));
        assert_null(strstr(b, "7,5"));
        assert_null(strstr(b, "12,25"));
        /* the Danish page of the same chart */
        ov_response_init(&res, a, 1 << 16);
        res.lang = OV_LANG_DA;
        ov_html_begin(&res, 200);
        ov_chart_svg(&res, &c);
        assert_non_null(strstr(res.body.data, "<title>Hours: 1.234,5</title>"));
        assert_non_null(strstr(res.body.data, ">1.000</text>"));
    }
    ov_arena_destroy(a);
}

static void the_last_x_label_is_inside_the_view_box(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    render(a, &res, false);
    const char *p = strstr(res.body.data, ">Uge 48 &lt;b&gt;</text>");
    assert_non_null(p);
    while (p > res.body.data && strncmp(p, "<text", 5) != 0)
        p--;
    double x = strtod(strstr(p, " x=\"") + 4, NULL);
    /* 10 characters of 11 px text, centred on x: about 33 px each side */
    assert_true(x + 10 * 11 * 0.6 / 2 <= 640);
    ov_arena_destroy(a);
}

static void chart_texts_are_escaped(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_response res;
    render(a, &res, false);
    assert_null(strstr(res.body.data, "<b>"));
    assert_null(strstr(res.body.data, "<i>"));
    assert_null(strstr(res.body.data, "<mod>"));
    assert_non_null(strstr(res.body.data,
                           "aria-label=\"Progression &lt;mod&gt; timer\""));
    assert_non_null(strstr(res.body.data,
                           "<span class=\"key s2\">Mål &amp; &lt;i&gt;</span>"));
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_in_charts_have_a_decimal_comma),
        cmocka_unit_test(numbers_in_charts_on_an_english_page_are_english),
        cmocka_unit_test(the_last_x_label_is_inside_the_view_box),
        cmocka_unit_test(chart_texts_are_escaped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
