/*
 * svg.c - the SVG toolkit (see core/svg.h).
 *
 * Coordinates are written with two decimals and a decimal point (cf());
 * numbers for readers go through core/fmt.h. All output goes through
 * core/html.h, so a label cannot carry markup.
 */
#include "core/svg.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/html.h"

#define DASH "–"
#define MAX_TICKS 60

/* An SVG coordinate: two decimals and a decimal point in any locale. */
typedef struct coord {
    char s[40];
} coord;

static coord cf(double v)
{
    coord c;
    snprintf(c.s, sizeof c.s, "%.2f", isfinite(v) ? v : 0.0);
    for (char *q = c.s; *q; q++)
        if (*q == ',')
            *q = '.';
    return c;
}

double ov_svg_map(ov_svg_scale s, double v)
{
    double span = s.d1 - s.d0;
    if (!(span != 0) || !isfinite(v))
        return s.p0;
    return s.p0 + (v - s.d0) / span * (s.p1 - s.p0);
}

ov_svg_axis ov_svg_nice(double lo, double hi, int n)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (lo > hi) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (n < 1)
        n = 1;
    if (hi - lo < 1e-12)
        hi = lo + (fabs(lo) > 0 ? fabs(lo) : 1);
    double raw = (hi - lo) / n, p = pow(10, floor(log10(raw))), f = raw / p;
    double m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    ov_svg_axis a;
    a.step = m * p;
    a.lo = floor(lo / a.step + 1e-9) * a.step;
    a.hi = ceil(hi / a.step - 1e-9) * a.step;
    return a;
}

double ov_svg_tick(ov_svg_axis a, int k)
{
    double v = a.lo + k * a.step;
    if (k < 0 || k > MAX_TICKS || v > a.hi + a.step * 1e-6)
        return (double)NAN;
    return fabs(v) < a.step * 1e-6 ? 0 : v;
}

void ov_svg_tick_label(double v, double step, bool pct, char out[OV_FMT_BUF])
{
    double shown = pct ? v * 100 : v, st = pct ? step * 100 : step;
    int d = 0;
    while (d < 4 && fabs(st * pow(10, d) - round(st * pow(10, d))) > 1e-6)
        d++;
    if (!isfinite(shown)) {
        snprintf(out, OV_FMT_BUF, DASH);
        return;
    }
    ov_fmt_decimal_dk(shown, d, out);
    if (pct) {
        size_t n = strlen(out);
        snprintf(out + n, OV_FMT_BUF - n, " %%");
    }
}

void ov_svg_value(double v, int max_decimals, char out[OV_FMT_BUF])
{
    if (!isfinite(v)) {
        snprintf(out, OV_FMT_BUF, DASH);
        return;
    }
    ov_fmt_decimal_dk(v, max_decimals, out);
    char *comma = strchr(out, ',');
    if (!comma)
        return;
    size_t n = strlen(out);
    while (n > 0 && out[n - 1] == '0')
        out[--n] = '\0';
    if (out[n - 1] == ',')
        out[n - 1] = '\0';
}

/* ---- the drawing ---- */

static ov_buf *B(ov_svg *s)
{
    return s->b;
}

void ov_svg_begin(ov_svg *s, ov_buf *b, double w, double h,
                  const char *fig_class, bool sized, const char *label)
{
    s->b = b;
    s->w = w;
    s->h = h;
    s->font = 11;
    s->english = false;
    if (fig_class)
        ov_html_bprintf(b, "<figure class=\"%h\">", fig_class);
    else
        ov_html_blit(b, "<figure>");
    ov_html_bprintf(b, "<svg viewBox=\"0 0 %h %h\"", cf(w).s, cf(h).s);
    if (sized)
        ov_html_bprintf(b, " width=\"%h\" height=\"%h\"", cf(w).s, cf(h).s);
    ov_html_bprintf(b,
                    " role=\"img\" aria-label=\"%h\"><title>%h</title>\n",
                    label, label);
}

void ov_svg_end_svg(ov_svg *s)
{
    ov_html_blit(B(s), "</svg>");
}

void ov_svg_end(ov_svg *s, const char *caption)
{
    ov_svg_end_svg(s);
    if (caption)
        ov_html_bprintf(B(s), "<figcaption>%h</figcaption>", caption);
    ov_html_blit(B(s), "</figure>\n");
}

void ov_svg_line(ov_svg *s, const char *cls, double x1, double y1,
                 double x2, double y2)
{
    ov_html_bprintf(B(s),
                    "<line class=\"%h\" x1=\"%h\" y1=\"%h\" x2=\"%h\" "
                    "y2=\"%h\"/>",
                    cls, cf(x1).s, cf(y1).s, cf(x2).s, cf(y2).s);
}

static void tip_or_close(ov_svg *s, const char *tag, const char *tip)
{
    if (tip)
        ov_html_bprintf(B(s), "><title>%h</title></%h>", tip, tag);
    else
        ov_html_blit(B(s), "/>");
}

void ov_svg_rect(ov_svg *s, const char *cls, double x, double y, double w,
                 double h, const char *tip)
{
    ov_html_bprintf(B(s),
                    "<rect class=\"%h\" x=\"%h\" y=\"%h\" width=\"%h\" "
                    "height=\"%h\"",
                    cls, cf(x).s, cf(y).s, cf(w > 0 ? w : 0).s,
                    cf(h > 0 ? h : 0).s);
    tip_or_close(s, "rect", tip);
}

void ov_svg_circle(ov_svg *s, const char *cls, double x, double y, double r,
                   const char *tip)
{
    ov_html_bprintf(B(s), "<circle class=\"%h\" cx=\"%h\" cy=\"%h\" r=\"%h\">",
                    cls, cf(x).s, cf(y).s, cf(r).s);
    if (tip)
        ov_html_bprintf(B(s), "<title>%h</title>", tip);
    ov_html_blit(B(s), "</circle>");
}

/* Characters, not bytes: a UTF-8 continuation byte adds nothing. */
double ov_svg_text_width(const ov_svg *s, const char *text)
{
    size_t n = 0;
    for (const char *p = text ? text : ""; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    return (double)n * (s->font > 0 ? s->font : 11) * 0.6;
}

void ov_svg_text(ov_svg *s, const char *cls, ov_svg_anchor anchor, double x,
                 double y, const char *text)
{
    static const char *const names[] = {"start", "middle", "end"};
    static const double share[] = {0, 0.5, 1};
    double font = s->font > 0 ? s->font : 11;
    double w = ov_svg_text_width(s, text);
    double left = x - w * share[anchor];
    if (left + w > s->w)
        x -= left + w - s->w;
    left = x - w * share[anchor];
    if (left < 0)
        x -= left;
    if (y < font * 0.8)
        y = font * 0.8;
    if (y > s->h - font * 0.25)
        y = s->h - font * 0.25;
    ov_html_bprintf(B(s),
                    "<text class=\"%h\" x=\"%h\" y=\"%h\" "
                    "text-anchor=\"%h\">%h</text>",
                    cls, cf(x).s, cf(y).s, names[anchor], text);
}

void ov_svg_polyline(ov_svg *s, const char *cls, ov_svg_scale sx,
                     ov_svg_scale sy, double x0, double dx, const double *y,
                     int n, bool join)
{
    bool open = false; /* a non-finite value breaks the line */
    for (int i = 0; i < n; i++) {
        if (!isfinite(y[i])) {
            if (join)
                continue;
            if (open)
                ov_html_blit(B(s), "\"/>");
            open = false;
            continue;
        }
        if (!open)
            ov_html_bprintf(B(s), "<polyline class=\"%h\" points=\"", cls);
        ov_html_bprintf(B(s), "%h%h,%h", open ? " " : "",
                        cf(ov_svg_map(sx, x0 + i * dx)).s,
                        cf(ov_svg_map(sy, y[i])).s);
        open = true;
    }
    if (open)
        ov_html_blit(B(s), "\"/>");
}

/* A Danish tick label in the drawing's language: English swaps the
 * thousands and decimal signs and writes a percentage without the space
 * ("1.234,5" -> "1,234.5", "12,5 %" -> "12.5%"). */
static void axis_label(const ov_svg *s, double v, double step, bool pct,
                       char out[OV_FMT_BUF])
{
    ov_svg_tick_label(v, step, pct, out);
    if (!s->english)
        return;
    for (char *c = out; *c; c++)
        *c = *c == '.' ? ',' : *c == ',' ? '.' : *c;
    size_t n = strlen(out);
    if (pct && n >= 2 && out[n - 2] == ' ') {
        out[n - 2] = '%';
        out[n - 1] = '\0';
    }
}

void ov_svg_xaxis(ov_svg *s, ov_svg_scale sx, ov_svg_axis a, double ytop,
                  double ybot, bool pct, const char *tick_cls)
{
    for (int k = 0; !isnan(ov_svg_tick(a, k)); k++) {
        double v = ov_svg_tick(a, k), x = ov_svg_map(sx, v);
        char lab[OV_FMT_BUF];
        axis_label(s, v, a.step, pct, lab);
        ov_svg_line(s, "grid", x, ytop, x, ybot);
        ov_svg_text(s, tick_cls, OV_SVG_MIDDLE, x, ybot + 14, lab);
    }
    ov_svg_line(s, "ax", sx.p0, ybot, sx.p1, ybot);
}

void ov_svg_yaxis(ov_svg *s, ov_svg_scale sy, ov_svg_axis a, double xl,
                  double xr, bool pct, const char *tick_cls)
{
    for (int k = 0; !isnan(ov_svg_tick(a, k)); k++) {
        double v = ov_svg_tick(a, k), y = ov_svg_map(sy, v);
        char lab[OV_FMT_BUF];
        axis_label(s, v, a.step, pct, lab);
        ov_svg_line(s, "grid", xl, y, xr, y);
        ov_svg_text(s, tick_cls, OV_SVG_END, xl - 6, y + 4, lab);
    }
}

void ov_svg_key(ov_svg *s, double x, double y, ov_svg_key_kind kind,
                const char *cls, const char *text)
{
    if (kind == OV_SVG_KEY_RECT)
        ov_svg_rect(s, cls, x, y - 9, 12, 10, NULL);
    else if (kind == OV_SVG_KEY_LINE)
        ov_svg_line(s, cls, x - 2, y - 4, x + 18, y - 4);
    else
        ov_svg_circle(s, cls, x + 6, y - 4, 4.5, NULL);
    ov_svg_text(s, "key", OV_SVG_START, x + 22, y, text);
}

void ov_svg_href(ov_svg *s, const char *cls, ov_svg_scale sy, double v,
                 double x0, double x1, const char *label)
{
    double y = ov_svg_map(sy, v);
    ov_svg_line(s, cls, x0, y, x1, y);
    if (label)
        ov_svg_text(s, cls, OV_SVG_END, x1, y - 4, label);
}

void ov_svg_vref(ov_svg *s, const char *cls, ov_svg_scale sx, double v,
                 double y0, double y1, const char *label)
{
    double x = ov_svg_map(sx, v);
    ov_svg_line(s, cls, x, y0, x, y1);
    if (label)
        ov_svg_text(s, cls, OV_SVG_MIDDLE, x, (y0 < y1 ? y0 : y1) - 4,
                    label);
}

void ov_svg_sparkline(ov_buf *b, double w, double h, const char *cls,
                      const double *y, int n, const char *label)
{
    double lo = INFINITY, hi = -INFINITY;
    int last = -1;
    for (int i = 0; i < n; i++)
        if (isfinite(y[i])) {
            lo = fmin(lo, y[i]);
            hi = fmax(hi, y[i]);
            last = i;
        }
    const double pad = 2;
    ov_svg s = {b, w, h, 11, false};
    ov_html_bprintf(b,
                    "<svg class=\"spark\" viewBox=\"0 0 %h %h\" width=\"%h\" "
                    "height=\"%h\" role=\"img\" aria-label=\"%h\">"
                    "<title>%h</title>",
                    cf(w).s, cf(h).s, cf(w).s, cf(h).s, label, label);
    if (last >= 0) {
        /* a flat series (or one point) is drawn across the middle */
        ov_svg_scale sy = {lo, hi, h - pad, pad};
        if (!(hi > lo))
            sy = (ov_svg_scale){lo - 1, lo + 1, h - pad, pad};
        ov_svg_scale sx = {0, n > 1 ? n - 1 : 1, pad, w - pad};
        if (n == 1)
            sx = (ov_svg_scale){-1, 1, pad, w - pad};
        ov_svg_polyline(&s, cls, sx, sy, 0, 1, y, n, true);
        ov_svg_circle(&s, cls, ov_svg_map(sx, last), ov_svg_map(sy, y[last]),
                      pad, NULL);
    }
    ov_html_blit(b, "</svg>");
}
