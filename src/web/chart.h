/*
 * chart.h - charts as inline SVG, drawn by the server (no script, no
 * external files): a line chart of one or more series over the same
 * x positions, used for WHO-5 and readiness trajectories, the hours
 * progression and CTI intensity.
 */
#ifndef OV_WEB_CHART_H
#define OV_WEB_CHART_H

#include "web/html.h"

typedef struct ov_series {
    const char *label;    /* plain text (escaped) */
    const double *y;      /* n values; NaN = no point */
    const char *cls;      /* CSS class: "s1", "s2", ... */
} ov_series;

typedef struct ov_chart {
    const char *title;    /* plain text, for the accessible name */
    int n;                /* x positions */
    const char *const *xlabels; /* n labels (plain text), or NULL */
    double ymin, ymax;
    int nseries;
    const ov_series *series;
    bool bars;            /* stacked bars instead of lines */
} ov_chart;

/* The chart into res's body; its numbers (axis labels, tooltips) in
 * res->lang, the language the page's catalogue texts are in. */
void ov_chart_svg(ov_response *res, const ov_chart *c);

#endif
