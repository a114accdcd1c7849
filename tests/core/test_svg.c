/*
 * The SVG toolkit: nice ticks, scaling, Danish numbers on axes and in
 * tooltips, every text escaped, and no label outside the view box.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/svg.h"

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The number after `attr="` in the first element at or after p. */
static double attr(const char *p, const char *name)
{
    char key[32];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *q = strstr(p, key);
    assert_non_null(q);
    return strtod(q + strlen(key), NULL);
}

static void ticks_are_round_steps_covering_the_range(void **state)
{
    (void)state;
    ov_svg_axis a = ov_svg_nice(0, 37, 4);
    assert_true(a.lo == 0 && a.hi == 40 && a.step == 10);
    a = ov_svg_nice(0, 0.33, 5);
    assert_true(fabs(a.step - 0.1) < 1e-12 && fabs(a.hi - 0.4) < 1e-12);
    a = ov_svg_nice(-3.2, 7.9, 5); /* steps of 2.5 */
    assert_true(a.step == 2.5 && a.lo == -5 && a.hi == 10);
    int n = 0;
    while (!isnan(ov_svg_tick(a, n)))
        n++;
    assert_int_equal(n, 7); /* -5 .. 10 */
    assert_true(ov_svg_tick(a, 2) == 0);   /* exactly zero, not -1e-16 */
    /* reversed, empty and non-finite ranges still give an axis */
    a = ov_svg_nice(10, 0, 5);
    assert_true(a.lo == 0 && a.hi == 10);
    a = ov_svg_nice(4, 4, 4);
    assert_true(a.hi > a.lo);
    a = ov_svg_nice(NAN, INFINITY, 4);
    assert_true(a.lo == 0 && a.hi == 1);
}

static void scales_map_data_onto_pixels(void **state)
{
    (void)state;
    ov_svg_scale y = {0, 10, 200, 0}; /* a y axis: up is smaller */
    assert_true(ov_svg_map(y, 2.5) == 150);
    assert_true(ov_svg_map(y, 10) == 0);
    assert_true(ov_svg_map(y, NAN) == 200);
    ov_svg_scale empty = {3, 3, 40, 600};
    assert_true(ov_svg_map(empty, 3) == 40);
}

static void axis_labels_and_values_are_danish(void **state)
{
    (void)state;
    char b[OV_FMT_BUF];
    ov_svg_tick_label(0.5, 0.25, false, b);
    assert_string_equal(b, "0,50");
    ov_svg_tick_label(0.125, 0.025, true, b);
    assert_string_equal(b, "12,5 %");
    ov_svg_tick_label(1500, 500, false, b);
    assert_string_equal(b, "1.500");
    ov_svg_tick_label(-2.5, 2.5, false, b);
    assert_string_equal(b, "-2,5");
    ov_svg_value(12.5, 2, b);
    assert_string_equal(b, "12,5");
    ov_svg_value(37, 2, b);
    assert_string_equal(b, "37");
    ov_svg_value(1234.56, 1, b);
    assert_string_equal(b, "1.234,6");
    ov_svg_value(NAN, 1, b);
    assert_string_equal(b, "–");

    ov_buf out;
    ov_buf_init(&out, NULL, 1 << 16);
    ov_svg s;
    ov_svg_begin(&s, &out, 400, 200, NULL, false, "y");
    ov_svg_yaxis(&s, (ov_svg_scale){0, 0.3, 180, 20},
                 ov_svg_nice(0, 0.3, 3), 50, 390, true, "tk");
    ov_svg_end(&s, NULL);
    assert_non_null(strstr(out.data, ">10 %</text>"));
    assert_non_null(strstr(out.data, ">30 %</text>"));
    assert_null(strstr(out.data, "0.1"));
    ov_buf_free(&out);
}

/* A drawing for a page read in English writes its axes' numbers the
 * English way; the Danish default is unchanged (above). */
static void axis_labels_are_english_in_an_english_drawing(void **state)
{
    (void)state;
    ov_buf out;
    ov_buf_init(&out, NULL, 1 << 16);
    ov_svg s;
    ov_svg_begin(&s, &out, 400, 200, NULL, false, "y");
    s.english = true;
    ov_svg_yaxis(&s, (ov_svg_scale){-2500, 5000, 180, 20},
                 ov_svg_nice(-2500, 5000, 3), 50, 390, false, "tk");
    ov_svg_xaxis(&s, (ov_svg_scale){0, 0.3, 50, 390},
                 ov_svg_nice(0, 0.05, 2), 20, 180, true, "tk");
    ov_svg_xaxis(&s, (ov_svg_scale){0, 1, 50, 390}, ov_svg_nice(0, 1, 4),
                 20, 180, false, "tk");
    ov_svg_end(&s, NULL);
    assert_non_null(strstr(out.data, ">5,000</text>"));
    assert_non_null(strstr(out.data, ">-2,500</text>"));
    assert_non_null(strstr(out.data, ">2.5%</text>"));
    assert_non_null(strstr(out.data, ">0.25</text>"));
    assert_null(strstr(out.data, ">5.000<"));
    assert_null(strstr(out.data, " %<"));
    ov_buf_free(&out);
}

/* A label at the right edge (the last x label of a chart) is moved
 * inside; so is one at the left edge and one below the bottom. */
static void no_label_sticks_out_of_the_view_box(void **state)
{
    (void)state;
    ov_buf out;
    ov_buf_init(&out, NULL, 1 << 16);
    ov_svg s;
    ov_svg_begin(&s, &out, 640, 240, "chart", false, "t");
    const char *lab = "Uge 48 2026";
    double w = ov_svg_text_width(&s, lab);
    assert_true(w > 40);
    size_t at = out.len;
    ov_svg_text(&s, "axis", OV_SVG_MIDDLE, 628, 240, lab);
    double x = attr(out.data + at, "x"), y = attr(out.data + at, "y");
    assert_true(x + w / 2 <= 640 + 1e-9);
    assert_true(x - w / 2 >= 0);
    assert_true(y <= 240 - 11 * 0.25 + 1e-9);
    at = out.len;
    ov_svg_text(&s, "axis", OV_SVG_END, 10, 0, lab);
    x = attr(out.data + at, "x");
    y = attr(out.data + at, "y");
    assert_true(x - w >= -1e-9);
    assert_true(y >= 11 * 0.8 - 1e-9);
    at = out.len;
    ov_svg_text(&s, "axis", OV_SVG_START, 620, 100, "æøå æøå");
    x = attr(out.data + at, "x"); /* 7 characters, not 13 bytes */
    assert_true(x + ov_svg_text_width(&s, "æøå æøå") <= 640 + 1e-9);
    assert_true(ov_svg_text_width(&s, "æøå") == ov_svg_text_width(&s, "abc"));
    /* a label well inside is left where it is */
    at = out.len;
    ov_svg_text(&s, "axis", OV_SVG_MIDDLE, 320, 120, lab);
    assert_true(attr(out.data + at, "x") == 320);
    /* every x label of an axis ending at the right edge is inside */
    at = out.len;
    ov_svg_xaxis(&s, (ov_svg_scale){0, 1000, 40, 640}, ov_svg_nice(0, 1000, 4),
                 10, 200, false, "axis");
    for (const char *p = strstr(out.data + at, "<text"); p;
         p = strstr(p + 1, "<text")) {
        const char *t = strchr(p, '>') + 1;
        char txt[32];
        size_t n = (size_t)(strchr(t, '<') - t);
        memcpy(txt, t, n);
        txt[n] = '\0';
        double tw = ov_svg_text_width(&s, txt);
        assert_true(attr(p, "x") + tw / 2 <= 640 + 1e-9);
    }
    assert_non_null(strstr(out.data + at, ">1.000</text>"));
    ov_svg_end(&s, NULL);
    ov_buf_free(&out);
}

static void every_text_is_escaped(void **state)
{
    (void)state;
    ov_buf out;
    ov_buf_init(&out, NULL, 1 << 16);
    ov_svg s;
    ov_svg_begin(&s, &out, 300, 100, "c\"x", true, "<b>&title");
    ov_svg_text(&s, "a\"b", OV_SVG_START, 10, 50, "<script>'&");
    ov_svg_circle(&s, "pt", 5, 5, 2, "tip <i>");
    ov_svg_rect(&s, "bar", 1, 1, -4, 3, "\"quoted\"");
    ov_svg_key(&s, 10, 20, OV_SVG_KEY_LINE, "lt", "A & B");
    ov_svg_href(&s, "ref", (ov_svg_scale){0, 1, 90, 10}, 0.5, 10, 290,
                "Offentliggjort <tal>");
    ov_svg_end(&s, "cap & <cap>");
    assert_false(out.failed);
    assert_null(strstr(out.data, "<script"));
    assert_null(strstr(out.data, "<b>"));
    assert_null(strstr(out.data, "<i>"));
    assert_null(strstr(out.data, "<tal>"));
    assert_non_null(strstr(out.data, "<figure class=\"c&quot;x\">"));
    assert_non_null(strstr(out.data, "width=\"300.00\" height=\"100.00\""));
    assert_non_null(strstr(out.data, "<title>&lt;b&gt;&amp;title</title>"));
    assert_non_null(strstr(out.data, "class=\"a&quot;b\""));
    assert_non_null(strstr(out.data, "&lt;script&gt;&#39;&amp;</text>"));
    assert_non_null(strstr(out.data, "width=\"0.00\""));
    assert_non_null(strstr(out.data, "<title>&quot;quoted&quot;</title>"));
    assert_non_null(strstr(out.data, ">A &amp; B</text>"));
    assert_non_null(strstr(out.data, ">Offentliggjort &lt;tal&gt;</text>"));
    assert_non_null(strstr(out.data,
                           "<figcaption>cap &amp; &lt;cap&gt;</figcaption>"));
    assert_int_equal(count(out.data, "<svg"), count(out.data, "</svg>"));
    ov_buf_free(&out);
}

/* A missing value breaks a line; a sparkline marks its last point. */
static void lines_break_at_missing_values_and_sparklines_mark_the_last(
    void **state)
{
    (void)state;
    ov_buf out;
    ov_buf_init(&out, NULL, 1 << 16);
    ov_svg s;
    ov_svg_begin(&s, &out, 100, 100, NULL, false, "l");
    const double y[5] = {1, 2, NAN, 4, 5};
    ov_svg_polyline(&s, "s1", (ov_svg_scale){0, 4, 0, 100},
                    (ov_svg_scale){0, 5, 100, 0}, 0, 1, y, 5, false);
    assert_int_equal(count(out.data, "<polyline"), 2);
    assert_non_null(strstr(out.data, "points=\"0.00,80.00 25.00,60.00\""));
    /* joined: one line over the gap */
    ov_svg_polyline(&s, "s2", (ov_svg_scale){0, 4, 0, 100},
                    (ov_svg_scale){0, 5, 100, 0}, 0, 1, y, 5, true);
    assert_int_equal(count(out.data, "<polyline"), 3);
    assert_non_null(strstr(out.data, "points=\"0.00,80.00 25.00,60.00 "
                                     "75.00,20.00 100.00,0.00\""));
    ov_svg_end(&s, NULL);
    ov_buf_reset(&out);
    const double trend[4] = {3, 5, 4, NAN};
    ov_svg_sparkline(&out, 80, 20, "spark1", trend, 4, "Udvikling");
    assert_int_equal(count(out.data, "<polyline"), 1);
    assert_int_equal(count(out.data, "<circle"), 1);
    /* the last finite point (index 2 of 0..3) is marked */
    assert_true(fabs(attr(strstr(out.data, "<circle"), "cx") -
                     (2 + (80 - 4) * 2 / 3.0)) < 0.01);
    const double flat[3] = {7, 7, 7};
    ov_buf_reset(&out);
    ov_svg_sparkline(&out, 80, 20, "spark1", flat, 3, "flad");
    assert_non_null(strstr(out.data, "points=\"2.00,10.00 40.00,10.00 "
                                     "78.00,10.00\""));
    ov_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ticks_are_round_steps_covering_the_range),
        cmocka_unit_test(scales_map_data_onto_pixels),
        cmocka_unit_test(axis_labels_and_values_are_danish),
        cmocka_unit_test(axis_labels_are_english_in_an_english_drawing),
        cmocka_unit_test(no_label_sticks_out_of_the_view_box),
        cmocka_unit_test(every_text_is_escaped),
        cmocka_unit_test(
            lines_break_at_missing_values_and_sparklines_mark_the_last),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
