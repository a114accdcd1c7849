#include "web/chart.h"

#include <math.h>
#include <stdio.h>

#define W 640
#define H 240
#define ML 40
#define MR 12
#define MT 12
#define MB 40

static int px(const ov_chart *c, int i)
{
    int w = W - ML - MR;
    if (c->n <= 1)
        return ML + w / 2;
    return ML + (int)((double)w * i / (c->n - 1) + 0.5);
}

static int py(const ov_chart *c, double v)
{
    double span = c->ymax - c->ymin;
    if (!(span > 0))
        span = 1;
    double t = (v - c->ymin) / span;
    if (t < 0)
        t = 0;
    if (t > 1)
        t = 1;
    return MT + (int)((H - MT - MB) * (1 - t) + 0.5);
}

static void num(ov_response *res, double v)
{
    char b[32];
    snprintf(b, sizeof b, "%g", v);
    ov_html_text(res, ov_str_c(b));
}

void ov_chart_svg(ov_response *res, const ov_chart *c)
{
    ov_html_printf(res,
                   "<figure class=\"chart\"><svg viewBox=\"0 0 %d %d\" "
                   "role=\"img\" aria-label=\"%h\" "
                   "xmlns=\"http://www.w3.org/2000/svg\">",
                   W, H, ov_str_c(c->title));
    /* grid: 5 horizontal lines with values */
    for (int k = 0; k <= 4; k++) {
        double v = c->ymin + (c->ymax - c->ymin) * k / 4;
        int y = py(c, v);
        ov_html_printf(res,
                       "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
                       "y2=\"%d\"/><text class=\"axis\" x=\"%d\" y=\"%d\" "
                       "text-anchor=\"end\">",
                       ML, y, W - MR, y, ML - 4, y + 4);
        num(res, round(v * 10) / 10);
        ov_html_lit(res, "</text>");
    }
    /* x labels: at most about 12 shown */
    int step = c->n > 12 ? (c->n + 11) / 12 : 1;
    for (int i = 0; c->xlabels && i < c->n; i += step)
        ov_html_printf(res,
                       "<text class=\"axis\" x=\"%d\" y=\"%d\" "
                       "text-anchor=\"middle\">%h</text>",
                       px(c, i), H - MB + 16, ov_str_c(c->xlabels[i]));
    if (c->bars) {
        int w = c->n > 0 ? (W - ML - MR) / (c->n + 1) : 10;
        if (w < 2)
            w = 2;
        for (int i = 0; i < c->n; i++) {
            double base = 0;
            for (int s = 0; s < c->nseries; s++) {
                double v = c->series[s].y[i];
                if (isnan(v) || v <= 0)
                    continue;
                int y0 = py(c, base), y1 = py(c, base + v);
                ov_html_printf(res,
                               "<rect class=\"%h\" x=\"%d\" y=\"%d\" "
                               "width=\"%d\" height=\"%d\"><title>%h: ",
                               ov_str_c(c->series[s].cls), px(c, i) - w / 2,
                               y1, w, y0 - y1 > 0 ? y0 - y1 : 1,
                               ov_str_c(c->series[s].label));
                num(res, v);
                ov_html_lit(res, "</title></rect>");
                base += v;
            }
        }
    } else {
        for (int s = 0; s < c->nseries; s++) {
            const ov_series *se = &c->series[s];
            ov_html_printf(res, "<polyline class=\"line %h\" points=\"",
                           ov_str_c(se->cls));
            for (int i = 0; i < c->n; i++)
                if (!isnan(se->y[i]))
                    ov_html_printf(res, "%d,%d ", px(c, i), py(c, se->y[i]));
            ov_html_lit(res, "\"/>");
            for (int i = 0; i < c->n; i++) {
                if (isnan(se->y[i]))
                    continue;
                ov_html_printf(res,
                               "<circle class=\"%h\" cx=\"%d\" cy=\"%d\" "
                               "r=\"4\"><title>%h: ",
                               ov_str_c(se->cls), px(c, i), py(c, se->y[i]),
                               ov_str_c(se->label));
                num(res, se->y[i]);
                ov_html_lit(res, "</title></circle>");
            }
        }
    }
    ov_html_lit(res, "</svg><figcaption>");
    for (int s = 0; s < c->nseries; s++)
        ov_html_printf(res, "<span class=\"key %h\">%h</span> ",
                       ov_str_c(c->series[s].cls),
                       ov_str_c(c->series[s].label));
    ov_html_lit(res, "</figcaption></figure>");
}
