/*
 * svg.h - the one SVG toolkit: inline charts for the web pages, the
 * evaluation report and the dashboards (scales, nice ticks, axes with
 * Danish numbers, shapes, legend keys, reference lines, sparklines).
 *
 * Everything is written through core/html.h into a capped ov_buf: every
 * text (labels, tooltips, titles, class names) is escaped, coordinates are
 * written with a decimal point whatever the locale, and numbers a reader
 * sees have a decimal comma and thousands points (core/fmt.h). Text is
 * kept inside the view box: its width is estimated from its length and
 * the font size, and a label that would stick out at an edge is moved in
 * (so the last x-axis label is never clipped). Inline SVG in HTML needs
 * no namespace attribute, so a document stays free of addresses.
 *
 * Class names and anchors are the caller's (plain words); the look is
 * the page's CSS.
 */
#ifndef OV_CORE_SVG_H
#define OV_CORE_SVG_H

#include <stdbool.h>

#include "core/fmt.h"
#include "core/str.h"

/* Data d0..d1 onto pixels p0..p1 (p1 < p0 for a y axis). */
typedef struct ov_svg_scale {
    double d0, d1, p0, p1;
} ov_svg_scale;

/* The pixel of v; p0 for a non-finite v or an empty domain. */
double ov_svg_map(ov_svg_scale s, double v);

/* An axis from lo to hi in steps of 1, 2, 2.5 or 5 x 10^k. */
typedef struct ov_svg_axis {
    double lo, hi, step;
} ov_svg_axis;

/* About n steps covering [lo, hi] (swapped if reversed; a non-finite
 * bound gives 0..1, an empty range is widened). */
ov_svg_axis ov_svg_nice(double lo, double hi, int n);
/* Tick k (0, 1, ...) or NaN past the end; exactly 0 near zero. */
double ov_svg_tick(ov_svg_axis a, int k);
/* A tick label with as many decimals as the step needs, Danish; `pct`
 * shows a share as a percentage (0.25 -> "25 %"). */
void ov_svg_tick_label(double v, double step, bool pct,
                       char out[OV_FMT_BUF]);
/* A value for a tooltip: Danish, at most max_decimals, trailing zeros
 * dropped (12.5 -> "12,5", 1234 -> "1.234"); "–" when not finite. */
void ov_svg_value(double v, int max_decimals, char out[OV_FMT_BUF]);

/* A drawing: its buffer, view box and text size. */
typedef struct ov_svg {
    ov_buf *b;
    double w, h;
    double font; /* px, for keeping text inside (default 11) */
    /* axis labels in English form ("1,500", "12.5%") for a page read in
     * English; ov_svg_begin sets it false (Danish), the caller after */
    bool english;
} ov_svg;

/* <figure [class]><svg viewBox [width height] role="img" aria-label>
 * <title>label</title>. fig_class NULL: none; sized: width and height
 * attributes (a fixed-size document), else the page's CSS sizes it. */
void ov_svg_begin(ov_svg *s, ov_buf *b, double w, double h,
                  const char *fig_class, bool sized, const char *label);
/* </svg>, then the caption (NULL: none) and </figure>. */
void ov_svg_end(ov_svg *s, const char *caption);
/* </svg> only: the caller writes its own figcaption and </figure>. */
void ov_svg_end_svg(ov_svg *s);

void ov_svg_line(ov_svg *s, const char *cls, double x1, double y1,
                 double x2, double y2);
/* Negative sizes are drawn as 0. tip: a tooltip (plain text) or NULL. */
void ov_svg_rect(ov_svg *s, const char *cls, double x, double y, double w,
                 double h, const char *tip);
void ov_svg_circle(ov_svg *s, const char *cls, double x, double y,
                   double r, const char *tip);

typedef enum ov_svg_anchor {
    OV_SVG_START = 0,
    OV_SVG_MIDDLE,
    OV_SVG_END
} ov_svg_anchor;

/* Text with its anchor at (x, y), moved inside the view box if it would
 * stick out. */
void ov_svg_text(ov_svg *s, const char *cls, ov_svg_anchor anchor, double x,
                 double y, const char *text);
/* The estimated width of a text in this drawing's font. */
double ov_svg_text_width(const ov_svg *s, const char *text);

/* A line through the points (x0 + i*dx, y[i]), i < n, on the scales. A
 * non-finite y breaks it into pieces, or with `join` is skipped (the line
 * goes on to the next value). */
void ov_svg_polyline(ov_svg *s, const char *cls, ov_svg_scale sx,
                     ov_svg_scale sy, double x0, double dx, const double *y,
                     int n, bool join);

/* Grid lines and labels for an x axis (labels below ybot, a base line)
 * and for a y axis (labels left of xl). */
void ov_svg_xaxis(ov_svg *s, ov_svg_scale sx, ov_svg_axis a, double ytop,
                  double ybot, bool pct, const char *tick_cls);
void ov_svg_yaxis(ov_svg *s, ov_svg_scale sy, ov_svg_axis a, double xl,
                  double xr, bool pct, const char *tick_cls);

/* A legend key at (x, y): a marker of class cls, then the text. */
typedef enum ov_svg_key_kind {
    OV_SVG_KEY_RECT = 0,
    OV_SVG_KEY_LINE,
    OV_SVG_KEY_CIRCLE
} ov_svg_key_kind;
void ov_svg_key(ov_svg *s, double x, double y, ov_svg_key_kind kind,
                const char *cls, const char *text);

/* A reference line across the plot at a value (a published figure, a
 * limit): horizontal at sy(v) from x0 to x1 with its label above its
 * right end, or vertical at sx(v) from y0 to y1 with the label above
 * its top. The label (plain text, NULL: none) stays inside. */
void ov_svg_href(ov_svg *s, const char *cls, ov_svg_scale sy, double v,
                 double x0, double x1, const char *label);
void ov_svg_vref(ov_svg *s, const char *cls, ov_svg_scale sx, double v,
                 double y0, double y1, const char *label);

/* A small inline chart of n values without axes (a trend beside a
 * figure): its own <svg> of w x h, the line of class cls scaled to the
 * values' range (a flat series in the middle), the last point marked. */
void ov_svg_sparkline(ov_buf *b, double w, double h, const char *cls,
                      const double *y, int n, const char *label);

#endif
