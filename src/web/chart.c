/*
 * chart.c - the web pages' line and bar charts, drawn with the SVG
 * toolkit (core/svg.h): nice y ticks, x labels kept inside the view box,
 * tooltips with the figure. Numbers follow the response's language (the
 * one its catalogue texts are in): "12,5" and "1.500" on a Danish page,
 * "12.5" and "1,500" on an English one (report/numtext.h).
 */
#include "web/chart.h"

#include <math.h>
#include <stdio.h>

#include "core/svg.h"
#include "report/numtext.h"
#include "web/msg.h"

#define W 640
#define H 240
#define ML 40
#define MR 12
#define MT 12
#define MB 40

static double px(const ov_chart *c, int i)
{
    double w = W - ML - MR;
    if (c->n <= 1)
        return ML + w / 2;
    return ML + w * i / (c->n - 1);
}

_Static_assert((int)OV_LANG_DA == (int)OV_NUM_DA &&
                   (int)OV_LANG_EN == (int)OV_NUM_EN,
               "ov_lang and ov_numlang share their values");

/* "label: 12,5" (Danish) or "label: 12.5" (English) for a tooltip */
static void tip(char *out, size_t cap, ov_lang l, const char *label,
                double v)
{
    snprintf(out, cap, "%s: %s", label ? label : "",
             ov_num_value((ov_numlang)l, v, 2).s);
}

void ov_chart_svg(ov_response *res, const ov_chart *c)
{
    ov_svg s;
    ov_svg_begin(&s, &res->body, W, H, "chart", false, c->title);
    ov_lang l = res->lang == OV_LANG_EN ? OV_LANG_EN : OV_LANG_DA;
    s.english = l == OV_LANG_EN;
    ov_svg_axis ay = ov_svg_nice(c->ymin, c->ymax, 4);
    ov_svg_scale sy = {ay.lo, ay.hi, H - MB, MT};
    ov_svg_yaxis(&s, sy, ay, ML + 2, W - MR, false, "axis");
    /* x labels: at most about 12 shown */
    int step = c->n > 12 ? (c->n + 11) / 12 : 1;
    for (int i = 0; c->xlabels && i < c->n; i += step)
        ov_svg_text(&s, "axis", OV_SVG_MIDDLE, px(c, i), H - MB + 16,
                    c->xlabels[i]);
    char t[256];
    if (c->bars) {
        double w = c->n > 0 ? (W - ML - MR) / (c->n + 1) : 10;
        if (w < 2)
            w = 2;
        for (int i = 0; i < c->n; i++) {
            double base = 0;
            for (int k = 0; k < c->nseries; k++) {
                double v = c->series[k].y[i];
                if (isnan(v) || v <= 0)
                    continue;
                double y0 = ov_svg_map(sy, fmin(base, ay.hi));
                double y1 = ov_svg_map(sy, fmin(base + v, ay.hi));
                tip(t, sizeof t, l, c->series[k].label, v);
                ov_svg_rect(&s, c->series[k].cls, px(c, i) - w / 2, y1, w,
                            y0 - y1 > 1 ? y0 - y1 : 1, t);
                base += v;
            }
        }
    } else {
        ov_svg_scale sx = {0, c->n > 1 ? c->n - 1 : 1, px(c, 0),
                           px(c, c->n > 1 ? c->n - 1 : 1)};
        for (int k = 0; k < c->nseries; k++) {
            const ov_series *se = &c->series[k];
            char cls[64];
            snprintf(cls, sizeof cls, "line %s", se->cls ? se->cls : "");
            ov_svg_polyline(&s, cls, sx, sy, 0, 1, se->y, c->n, true);
            for (int i = 0; i < c->n; i++) {
                if (!isfinite(se->y[i]))
                    continue;
                double v = fmax(ay.lo, fmin(ay.hi, se->y[i]));
                tip(t, sizeof t, l, se->label, se->y[i]);
                ov_svg_circle(&s, se->cls, px(c, i), ov_svg_map(sy, v), 4, t);
            }
        }
    }
    ov_svg_end_svg(&s);
    ov_html_lit(res, "<figcaption>");
    for (int k = 0; k < c->nseries; k++)
        ov_html_printf(res, "<span class=\"key %h\">%h</span> ",
                       c->series[k].cls, c->series[k].label);
    ov_html_lit(res, "</figcaption></figure>");
}
