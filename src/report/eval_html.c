/*
 * eval_html.c - report.html of an effect evaluation: Danish text, inline
 * CSS, inline SVG drawn here (no script, no external files).
 *
 * The document is written section by section into the caller's capped
 * buffer through the project's one HTML writer (core/html.h) and SVG
 * toolkit (core/svg.h); the buffer's "failed" flag is checked once at the
 * end. Markup comes only from literals (lit, ov_html_bprintf formats);
 * every text, from the data or ours, is escaped (%h, esc()). Numbers shown
 * to readers use report/numtext.h (Danish: decimal comma, thousands
 * points); SVG coordinates always have a decimal point (core/svg.h).
 */
#include "report/eval_html.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/html.h"
#include "core/svg.h"
#include "report/numtext.h"

#define DASH "–"            /* a value that does not exist */
#define SMD_LIMIT 0.1       /* |SMD| above this after matching is flagged */
#define MAX_QUARTER 12

/* ---------------------------------------------------------------------
 * Text helpers
 * ------------------------------------------------------------------- */

/* A short formatted text returned by value, so it can be used directly as
 * a printf argument (C11 temporary lifetime). Texts are plain: they are
 * escaped where they are written. */
typedef ov_numtext txt;

/* Markup: string literals only (core/html.h). */
#define lit(b, s) ov_html_blit((b), s)

/* Append n bytes of s escaped. */
static void esc_n(ov_buf *b, const char *s, size_t n)
{
    ov_html_escape(b, (ov_str){s, n});
}

static void esc(ov_buf *b, const char *s)
{
    if (s)
        esc_n(b, s, strlen(s));
}

/* A name escaped, with a line-break opportunity after each '_' so that
 * long names ("disability_or_resource_36") wrap in narrow columns. */
static void esc_name(ov_buf *b, const char *s)
{
    for (const char *u; s && (u = strchr(s, '_')) != NULL; s = u + 1) {
        esc_n(b, s, (size_t)(u - s) + 1);
        lit(b, "<wbr>");
    }
    esc(b, s);
}

/* A bounded writer into a caller's char array (always NUL-terminated; a
 * text that does not fit is cut at a UTF-8 character boundary, and
 * nothing is added after the cut). */
typedef struct sbuf {
    char *p;
    size_t cap, len;
    bool cut;
} sbuf;

static void sb_add(sbuf *s, const char *t)
{
    size_t n = strlen(t);
    if (s->cut)
        return;
    if (s->len + n + 1 > s->cap) {
        s->cut = true;
        n = s->cap - 1 - s->len;
        while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(s->p + s->len, t, n);
    s->len += n;
    s->p[s->len] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void sb_fmt(sbuf *s, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    sb_add(s, tmp);
}

/* ---------------------------------------------------------------------
 * Danish numbers; NaN and infinities are "–"
 * ------------------------------------------------------------------- */

static txt t_str(const char *s)
{
    txt t;
    snprintf(t.s, sizeof t.s, "%s", s);
    return t;
}

static txt t_int(size_t v) { return ov_num_int(OV_NUM_DA, (int64_t)v); }
static txt t_dec(double v, int d) { return ov_num_dec(OV_NUM_DA, v, d); }
/* A share as a percentage with one decimal: 0.201 -> "20,1 %". */
static txt t_pct(double share) { return ov_num_pct(OV_NUM_DA, share); }

/* A difference of shares in percentage points without the unit: 0.094 ->
 * "9,4" (the percent digits, so no binary rounding surprises). */
static txt t_pp_num(double diff)
{
    txt t = t_pct(diff);
    size_t n = strlen(t.s);
    if (n > 2 && strcmp(t.s + n - 2, " %") == 0)
        t.s[n - 2] = '\0';
    return t;
}

static txt t_p_value(double p)
{
    if (!isfinite(p))
        return t_str(DASH);
    if (p < 0.001)
        return t_str("< 0,001");
    return t_dec(p, 3);
}

/* A name cut to about 30 characters for chart labels (UTF-8 aware). */
static txt t_short(const char *s)
{
    txt t;
    size_t i = 0, chars = 0, o = 0;
    if (!s)
        s = "";
    while (s[i]) {
        size_t len = 1;
        while (s[i + len] && ((unsigned char)s[i + len] & 0xC0) == 0x80)
            len++;
        if (chars == 30 || o + len > 88) {
            memcpy(t.s + o, "…", 3);
            o += 3;
            break;
        }
        memcpy(t.s + o, s + i, len);
        o += len;
        i += len;
        chars++;
    }
    t.s[o] = '\0';
    return t;
}

/* ---------------------------------------------------------------------
 * Outcomes in Danish
 * ------------------------------------------------------------------- */

static const char *const status_dk[OV_RS_COUNT] = {
    "ordinær beskæftigelse",
    "støttet beskæftigelse (fleksjob, løntilskud)",
    "virksomhedspraktik",
    "kontanthjælp",
    "førtidspension",
    "ressourceforløb",
    "uddannelse",
    "andet",
};
/* the preposition Danish uses with each status ("på kontanthjælp") */
static const char *const status_prep[OV_RS_COUNT] = {
    "i", "i", "i", "på", "på", "i", "i", "i",
};

static void sb_statuses(sbuf *s, unsigned st, bool prep)
{
    int total = 0, k = 0;
    for (int i = 0; i < OV_RS_COUNT; i++)
        total += (st >> i) & 1u;
    if (total == 0) {
        sb_add(s, "(ingen status)");
        return;
    }
    for (int i = 0; i < OV_RS_COUNT; i++) {
        if (!((st >> i) & 1u))
            continue;
        if (k > 0)
            sb_add(s, k == total - 1 ? " eller " : ", ");
        if (prep) {
            sb_add(s, status_prep[i]);
            sb_add(s, " ");
        }
        sb_add(s, status_dk[i]);
        k++;
    }
}

void ov_eval_outcome_describe(const ov_outcome_spec *o, char *out,
                              size_t cap)
{
    if (cap == 0)
        return;
    out[0] = '\0';
    sbuf s = {out, cap, 0, false};
    switch (o->kind) {
    case OV_OC_AT:
        sb_statuses(&s, o->statuses, true);
        sb_fmt(&s, " i måned %d", o->a);
        break;
    case OV_OC_EVER:
        if (o->curve == 2) {
            sb_add(&s, "Kommet ");
            sb_statuses(&s, o->statuses, true);
            sb_fmt(&s, " senest i kvartal %d (måned %d–%d)", o->quarter,
                   o->a, o->b);
        } else {
            sb_fmt(&s, "Mindst én af månederne %d–%d ", o->a, o->b);
            sb_statuses(&s, o->statuses, true);
        }
        break;
    case OV_OC_COUNT:
        sb_fmt(&s, "Antal af månederne %d–%d ", o->a, o->b);
        sb_statuses(&s, o->statuses, true);
        break;
    case OV_OC_SUM:
        sb_add(&s, "Summen af ");
        sb_add(&s, o->column);
        sb_fmt(&s, " over månederne %d–%d", o->a, o->b);
        break;
    case OV_OC_HAZARD:
        sb_add(&s, "Første overgang til ");
        sb_statuses(&s, o->statuses, false);
        sb_fmt(&s, " i kvartal %d (måned %d–%d) blandt dem, der endnu ikke "
                   "var overgået", o->quarter, o->a, o->b);
        break;
    }
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');
}

/* Binary outcomes (shares): at, ever, hazard. */
static bool is_share(const ov_outcome_spec *s)
{
    return s->kind == OV_OC_AT || s->kind == OV_OC_EVER ||
           s->kind == OV_OC_HAZARD;
}

/* How an outcome's values are shown: shares as percentages and their
 * differences in percentage points; other values with decimals by size. */
typedef struct vfmt {
    bool share;
    int dec;
} vfmt;

static vfmt value_format(const ov_eval_outcome *o)
{
    vfmt f = {is_share(&o->spec), 1};
    if (!f.share) {
        double m = 0;
        if (isfinite(o->treated_mean))
            m = fabs(o->treated_mean);
        if (isfinite(o->control_mean) && fabs(o->control_mean) > m)
            m = fabs(o->control_mean);
        f.dec = m >= 1000 ? 0 : m >= 10 ? 1 : 2;
    }
    return f;
}

static txt t_level(vfmt f, double v)
{
    return f.share ? t_pct(v) : t_dec(v, f.dec);
}

static txt t_diff(vfmt f, double v)
{
    if (!f.share || !isfinite(v))
        return t_dec(v, f.dec);
    txt t;
    snprintf(t.s, sizeof t.s, "%s procentpoint", t_pp_num(v).s);
    return t;
}

static txt t_ci(vfmt f, double lo, double hi)
{
    if (!isfinite(lo) || !isfinite(hi))
        return t_str(DASH);
    txt a = f.share ? t_pp_num(lo) : t_dec(lo, f.dec);
    txt b = f.share ? t_pp_num(hi) : t_dec(hi, f.dec);
    txt t;
    snprintf(t.s, sizeof t.s, "[%s; %s]", a.s, b.s);
    return t;
}

/* "412 / 1.236" */
static txt t_pair(size_t a, size_t b)
{
    txt t;
    snprintf(t.s, sizeof t.s, "%s / %s", t_int(a).s, t_int(b).s);
    return t;
}

/* ---------------------------------------------------------------------
 * SVG: the toolkit (core/svg.h) under the short names used below. A
 * drawing function takes the document as `out` and calls its drawing `b`.
 * ------------------------------------------------------------------- */

typedef ov_svg_axis axis;
typedef ov_svg_scale scale;

#define sc ov_svg_map
#define tick ov_svg_tick

static axis nice_axis(double lo, double hi, int n)
{
    return ov_svg_nice(lo, hi, n);
}

static txt tick_label(double v, double step, bool pct)
{
    txt t;
    ov_svg_tick_label(v, step, pct, t.s);
    return t;
}

static void svg_open(ov_svg *b, ov_buf *out, double w, double h,
                     const char *label)
{
    ov_svg_begin(b, out, w, h, NULL, true, label);
}

/* caption NULL: none */
static void svg_close(ov_svg *b, const char *caption)
{
    ov_svg_end(b, caption);
}

static void svg_line(ov_svg *b, const char *cls, double xa, double ya,
                     double xb, double yb)
{
    ov_svg_line(b, cls, xa, ya, xb, yb);
}

static void svg_rect(ov_svg *b, const char *cls, double x, double y,
                     double w, double h)
{
    ov_svg_rect(b, cls, x, y, w, h, NULL);
}

/* A circle with a tooltip (plain text). */
static void svg_circle(ov_svg *b, const char *cls, double x, double y,
                       double rad, const char *tip)
{
    ov_svg_circle(b, cls, x, y, rad, tip);
}

/* anchor: "start", "middle" or "end"; text is plain, escaped there */
static void svg_text(ov_svg *b, const char *cls, const char *anchor,
                     double x, double y, const char *text)
{
    ov_svg_text(b, cls,
                strcmp(anchor, "middle") == 0 ? OV_SVG_MIDDLE
                : strcmp(anchor, "end") == 0  ? OV_SVG_END
                                              : OV_SVG_START,
                x, y, text);
}

/* Vertical grid lines with labels below, for an x axis. */
static void svg_xticks(ov_svg *b, scale sx, axis a, double ytop,
                       double ybot, bool pct)
{
    ov_svg_xaxis(b, sx, a, ytop, ybot, pct, "tk");
}

/* Horizontal grid lines with labels to the left, for a y axis. */
static void svg_yticks(ov_svg *b, scale sy, axis a, double xl, double xr,
                       bool pct)
{
    ov_svg_yaxis(b, sy, a, xl, xr, pct, "tk");
}

/* Legend entry: a marker drawn by the caller's class, then the text. */
static void svg_key(ov_svg *b, double x, double y, const char *kind,
                    const char *cls, const char *text)
{
    ov_svg_key(b, x, y,
               strcmp(kind, "rect") == 0   ? OV_SVG_KEY_RECT
               : strcmp(kind, "line") == 0 ? OV_SVG_KEY_LINE
                                           : OV_SVG_KEY_CIRCLE,
               cls, text);
}

/* ---------------------------------------------------------------------
 * Document and sections
 * ------------------------------------------------------------------- */

static const char CSS[] =
    ":root{--t:#1d5a9a;--c:#c2621a;--ink:#1e1e1e;--mute:#5b5b5b;"
    "--line:#d5d5d5;--warn:#a4161a}\n*{box-sizing:border-box}\n"
    "body{font:15px/1.5 'Segoe UI',Helvetica,Arial,sans-serif;"
    "color:var(--ink);margin:0;background:#f4f4f2}\n"
    "main{max-width:1120px;margin:0 auto;padding:24px 32px 40px;"
    "background:#fff}\nh1{font-size:1.6em;line-height:1.25;margin:.2em 0 .5em}"
    "\nh2{font-size:1.25em;margin:1.8em 0 .5em;padding-bottom:.2em;"
    "border-bottom:2px solid var(--t)}\n"
    "h3{font-size:1.05em;margin:1.2em 0 .3em}\np,li{max-width:80ch}\n"
    ".wide{overflow-x:auto}\n"
    "table{border-collapse:collapse;margin:.5em 0 1em;font-size:.88em;"
    "font-variant-numeric:tabular-nums}\nth,td{padding:.25em .45em;"
    "border-bottom:1px solid var(--line);text-align:right;vertical-align:top}"
    "\nth{background:#eef2f7;font-weight:600}\n"
    "th:first-child,td:first-child,.txt{text-align:left}\n"
    "td{white-space:nowrap}td:first-child,td.txt,td.u{white-space:normal}\n"
    "td.txt{min-width:12em}\ntr.grp th{text-align:center;border-bottom:0}\n"
    "table.balance{font-size:.8em}\ntd.flag{color:var(--warn);font-weight:700}"
    "\ncode{font-size:.92em}\n.note{color:var(--mute);font-size:.88em}\n"
    "span.why{display:block}\n"
    "figure{margin:.8em 0 1.4em}\n"
    "figure svg{width:100%;max-width:760px;height:auto;display:block}\n"
    "figcaption{color:var(--mute);font-size:.85em;margin-top:.3em;"
    "max-width:80ch}\nsvg text{font-family:Helvetica,Arial,sans-serif;"
    "font-size:11px;fill:var(--ink)}\n"
    "svg text.tk{fill:var(--mute);font-size:10px}svg text.ttl{font-weight:600}"
    "\nsvg .ax{stroke:#777}svg .grid{stroke:#e6e6e6}svg .zero{stroke:#444}\n"
    "svg .ref{stroke:var(--warn);stroke-width:1.2;stroke-dasharray:5 3}\n"
    "svg .bt{fill:var(--t);opacity:.85}svg .bc{fill:var(--c);opacity:.85}\n"
    "svg .lt{fill:none;stroke:var(--t);stroke-width:2.2}\n"
    "svg .lc{fill:none;stroke:var(--c);stroke-width:2.2;stroke-dasharray:6 3}"
    "\nsvg .pt,svg .solid{fill:var(--t)}svg .pc{fill:var(--c)}\n"
    "svg .hollow{fill:#fff;stroke:#555;stroke-width:1.4}\n"
    "svg .solid.over{fill:var(--warn)}svg .ci{stroke:var(--t);stroke-width:2}"
    "\nfooter{margin-top:2.2em;border-top:1px solid var(--line);"
    "font-size:.9em}\n@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{background:#fff;font-size:10pt}"
    "main{max-width:none;padding:0}"
    "h2,h3{break-after:avoid;page-break-after:avoid}"
    "figure,tr{break-inside:avoid;page-break-inside:avoid}"
    ".wide{overflow:visible}table{font-size:7.5pt}td{white-space:normal}"
    "td.txt{min-width:8em}code,td:first-child{overflow-wrap:anywhere}"
    "th,td{padding:.2em .3em}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

#define TITLE "Effektevaluering: Social støtte i overgang til og " \
              "fastholdelse i job"

static void doc_head(ov_buf *b)
{
    lit(b, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n"
           "<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\">\n<title>" TITLE "</title>\n<style>\n");
    ov_html_bconst(b, CSS);
    lit(b, "</style>\n</head>\n<body>\n<main>\n");
}

/* Covariate names for the method text: from the register, else the
 * balance rows. */
static void covariate_list(ov_buf *b, const ov_eval_result *r)
{
    bool reg = r->reg && r->reg->ncov > 0 && r->reg->cov;
    int n = reg ? r->reg->ncov : r->nbalance;
    for (int i = 0; i < n; i++) {
        if (i)
            lit(b, ", ");
        esc(b, reg ? r->reg->cov[i].name : r->balance[i].covariate);
    }
    if (n == 0)
        lit(b, "(ingen)");
}

static void sec_intro(ov_buf *b, const ov_eval_result *r)
{
    const ov_eval_options *o = &r->options;
    int k = o->ratio >= 1 ? o->ratio : 1;
    ov_html_bprintf(b,
                    "<header><h1>" TITLE "</h1>\n<p>Rapporten sammenligner "
                    "<strong>%h deltagere</strong> i indsatsen med en "
                    "<strong>matchet kontrolgruppe på %h personer</strong> "
                    "fra registerdata. Effekten er den gennemsnitlige "
                    "effekt for deltagerne (ATT): forskellen mellem "
                    "deltagernes udfald og kontrolgruppens udfald efter "
                    "matching.</p>\n",
                    t_int(r->n_treated_matched).s,
                    t_int(r->n_control_matched).s);
    lit(b, "<p>Metode: Sandsynligheden for at deltage (propensity score) "
           "er estimeret ved logistisk regression af deltagelse på "
           "kovariaterne ");
    covariate_list(b, r);
    char with[48] = "én kontrolperson";
    if (k > 1)
        snprintf(with, sizeof with, "op til %d kontrolpersoner", k);
    ov_html_bprintf(b,
                    ". Hver deltager er matchet med %h ved "
                    "nærmeste-nabo-matching på scoren %h tilbagelægning "
                    "(ratio %d)",
                    with, o->replace ? "med" : "uden", k);
    if (o->has_caliper)
        ov_html_bprintf(b,
                        ", med en caliper på %h standardafvigelser af "
                        "scoren (%h på scoreskalaen)",
                        t_dec(o->caliper, 2).s, t_dec(r->caliper_abs, 4).s);
    else
        lit(b, ", uden caliper");
    if (o->discard_both)
        lit(b, "; personer uden for det fælles støtteområde er fjernet "
               "før matching (discard: both)");
    else
        lit(b, "; ingen personer er fjernet uden for fælles støtte "
               "(discard: none)");
    if (o->exact && o->exact[0]) {
        lit(b, "; matchingen er eksakt på <code>");
        esc(b, o->exact);
        lit(b, "</code>");
    }
    lit(b, ".");
    if (o->bootstrap > 0)
        ov_html_bprintf(b,
                        " Ud over de klyngerobuste intervaller er der "
                        "bootstrap-intervaller fra %h gentagelser.",
                        t_int((size_t)o->bootstrap).s);
    lit(b, "</p>\n</header>\n");
}

/* a - b - c, or -1 when the counts do not add up */
static long long rest3(size_t a, size_t b, size_t c)
{
    return a >= b + c ? (long long)(a - b - c) : -1;
}

static txt t_opt(long long v)
{
    return v < 0 ? t_str(DASH) : t_int((size_t)v);
}

static void flow_row(ov_buf *b, const char *label, txt t, txt c, txt all)
{
    ov_html_bprintf(b, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                    "</tr>\n", label, t.s, c.s, all.s);
}

static void sec_flow(ov_buf *b, const ov_eval_result *r)
{
    lit(b, "<section id=\"design\">\n<h2>Design og udvælgelse</h2>\n"
           "<p>Personernes vej fra registerudtrækket til den matchede "
           "stikprøve.</p>\n<table class=\"flow\">\n<thead><tr>"
           "<th>Trin</th><th>Deltagere</th><th>Mulige kontrolpersoner</th>"
           "<th>I alt</th></tr></thead>\n<tbody>\n");
    txt none = t_str("");
    flow_row(b, "Personer i udtrækket (population.csv)", none, none,
             t_int(r->n_persons + r->n_dropped_missing));
    flow_row(b, "Udeladt på grund af manglende værdier", none, none,
             t_int(r->n_dropped_missing));
    flow_row(b, "Personer i analysen", t_int(r->n_treated),
             t_int(r->n_control), t_int(r->n_persons));
    flow_row(b, "Fjernet uden for fælles støtte (discard)",
             t_int(r->n_discarded_treated), t_int(r->n_discarded_control),
             t_int(r->n_discarded_treated + r->n_discarded_control));
    long long ut = rest3(r->n_treated, r->n_discarded_treated,
                         r->n_treated_matched);
    long long uc = rest3(r->n_control, r->n_discarded_control,
                         r->n_control_matched);
    flow_row(b, "Ikke matchet / ikke brugt", t_opt(ut), t_opt(uc),
             ut < 0 || uc < 0 ? t_str(DASH) : t_int((size_t)(ut + uc)));
    ov_html_bprintf(b,
                    "<tr><td><strong>Matchet</strong></td><td><strong>%h"
                    "</strong></td><td><strong>%h</strong></td><td><strong>"
                    "%h</strong></td></tr>\n</tbody>\n</table>\n",
                    t_int(r->n_treated_matched).s,
                    t_int(r->n_control_matched).s,
                    t_int(r->n_treated_matched + r->n_control_matched).s);
    lit(b, "<table class=\"flow\">\n<tbody>\n");
    ov_html_bprintf(b,
                    "<tr><td>Matchede par (én række pr. matchet "
                    "kontrolperson i hvert sæt)</td><td>%h</td></tr>\n"
                    "<tr><td>Rækker i months.csv</td><td>%h</td></tr>\n"
                    "<tr><td>Personer uden rækker i months.csv</td>"
                    "<td>%h</td></tr>\n",
                    t_int(r->n_pairs).s, t_int(r->month_rows).s,
                    t_int(r->persons_without_months).s);
    if (r->options.has_caliper)
        ov_html_bprintf(b,
                        "<tr><td>Caliper på scoreskalaen</td><td>%h</td>"
                        "</tr>\n",
                        t_dec(r->caliper_abs, 4).s);
    lit(b, "</tbody>\n</table>\n</section>\n");
}

/* ---- balance ---- */

static txt t_cov_mean(const ov_eval_balance *x, double v)
{
    return x->binary ? t_pct(v) : t_dec(v, 2);
}

static void balance_cells(ov_buf *b, const ov_eval_balance *x, bool after)
{
    double mt = after ? x->mean_t_after : x->mean_t_before;
    double mc = after ? x->mean_c_after : x->mean_c_before;
    double smd = after ? x->smd_after : x->smd_before;
    double vr = after ? x->var_ratio_after : x->var_ratio_before;
    double em = after ? x->ecdf_mean_after : x->ecdf_mean_before;
    double ex = after ? x->ecdf_max_after : x->ecdf_max_before;
    bool over = after && isfinite(smd) && fabs(smd) > SMD_LIMIT;
    ov_html_bprintf(b, "<td>%h</td><td>%h</td><td", t_cov_mean(x, mt).s,
                    t_cov_mean(x, mc).s);
    if (over) /* markup: a literal, never an escaped value */
        lit(b, " class=\"flag\"");
    ov_html_bprintf(b, ">%h%h</td><td>%h</td><td>%h</td><td>%h</td>",
                    t_dec(smd, 3).s, over ? " *" : "", t_dec(vr, 2).s,
                    t_dec(em, 3).s, t_dec(ex, 3).s);
}

static void svg_love(ov_buf *out, const ov_eval_result *r)
{
    ov_svg sv, *b = &sv;
    const double W = 680, L = 230, R = 24, T = 40, ROW = 18, B = 44;
    int n = r->nbalance;
    double mx = 0.12;
    for (int i = 0; i < n; i++) {
        double s[2] = {fabs(r->balance[i].smd_before),
                       fabs(r->balance[i].smd_after)};
        for (int j = 0; j < 2; j++)
            if (isfinite(s[j]) && s[j] > mx)
                mx = s[j];
    }
    axis ax = nice_axis(0, mx * 1.04, 5);
    scale sx = {ax.lo, ax.hi, L, W - R};
    double ybot = T + ROW * n;
    svg_open(b, out, W, ybot + B,
             "Love plot: absolut standardiseret middelforskel pr. "
             "kovariat før og efter matching");
    svg_key(b, L, 16, "circle", "hollow", "Før matching");
    svg_key(b, L + 120, 16, "circle", "solid", "Efter matching");
    svg_key(b, L + 250, 16, "line", "ref", "Grænse 0,1");
    svg_xticks(b, sx, ax, T - 6, ybot, false);
    svg_line(b, "ref", sc(sx, SMD_LIMIT), T - 6, sc(sx, SMD_LIMIT), ybot);
    for (int i = 0; i < n; i++) {
        const ov_eval_balance *x = &r->balance[i];
        double y = T + ROW * (i + 0.5);
        double sb = fabs(x->smd_before), sa = fabs(x->smd_after);
        svg_text(b, "", "end", L - 8, y + 4, t_short(x->covariate).s);
        char tip[256];
        snprintf(tip, sizeof tip, "%s: |SMD| før %s, efter %s",
                 t_short(x->covariate).s, t_dec(sb, 3).s, t_dec(sa, 3).s);
        if (isfinite(sb))
            svg_circle(b, "hollow", sc(sx, sb), y, 4.5, tip);
        if (isfinite(sa))
            svg_circle(b, sa > SMD_LIMIT ? "solid over" : "solid",
                       sc(sx, sa), y, 4.5, tip);
    }
    svg_text(b, "", "middle", (L + W - R) / 2, ybot + 34,
             "|Standardiseret middelforskel|");
    svg_close(b, "Åben cirkel: før matching; fyldt cirkel: efter matching "
                 "(rød når over 0,1). Stiplet linje ved 0,1.");
}

static void sec_balance(ov_buf *b, const ov_eval_result *r)
{
    lit(b, "<section id=\"balance\">\n<h2>Balance</h2>\n");
    if (r->nbalance == 0) {
        lit(b, "<p>Ingen kovariater at vise.</p>\n</section>\n");
        return;
    }
    int over = 0, known = 0;
    double worst = NAN;
    for (int i = 0; i < r->nbalance; i++) {
        double s = fabs(r->balance[i].smd_after);
        if (!isfinite(s))
            continue;
        known++;
        over += s > SMD_LIMIT;
        if (isnan(worst) || s > worst)
            worst = s;
    }
    ov_html_bprintf(b,
                    "<p>Efter matching har %d af %d kovariater en absolut "
                    "standardiseret middelforskel (SMD) på højst 0,1; den "
                    "største er %h. Gennemsnit for binære kovariater er "
                    "vist som andele.</p>\n",
                    known - over, r->nbalance, t_dec(worst, 3).s);
    lit(b, "<div class=\"wide\"><table class=\"balance\">\n<thead>\n"
           "<tr class=\"grp\"><th></th><th colspan=\"6\">Før matching</th>"
           "<th colspan=\"6\">Efter matching</th></tr>\n<tr><th>Kovariat"
           "</th>");
    for (int k = 0; k < 2; k++)
        lit(b, "<th>Deltagere</th><th>Kontrol</th><th>SMD</th>"
               "<th>Varians&shy;kvotient</th><th>eCDF middel</th>"
               "<th>eCDF maks</th>");
    lit(b, "</tr>\n</thead>\n<tbody>\n");
    for (int i = 0; i < r->nbalance; i++) {
        lit(b, "<tr><td>");
        esc(b, r->balance[i].covariate);
        lit(b, "</td>");
        balance_cells(b, &r->balance[i], false);
        balance_cells(b, &r->balance[i], true);
        lit(b, "</tr>\n");
    }
    lit(b, "</tbody>\n</table></div>\n<p class=\"note\">* |SMD| over 0,1 "
           "efter matching. SMD: forskellen i gennemsnit divideret med "
           "deltagernes standardafvigelse før matching. Varianskvotienten "
           "findes ikke for binære kovariater.</p>\n");
    svg_love(b, r);
    lit(b, "</section>\n");
}

/* ---- score overlap ---- */

static void svg_overlap(ov_buf *out, const ov_eval_result *r)
{
    ov_svg sv, *b = &sv;
    enum { NB = OV_EVAL_HIST_BINS };
    double share[2][2][NB], ymax[2] = {0, 0}; /* per panel */
    for (int g = 0; g < 2; g++)
        for (int a = 0; a < 2; a++) {
            double tot = 0;
            for (int k = 0; k < NB; k++)
                if (isfinite(r->hist[g][a][k]) && r->hist[g][a][k] > 0)
                    tot += r->hist[g][a][k];
            for (int k = 0; k < NB; k++) {
                double h = r->hist[g][a][k];
                share[g][a][k] =
                    tot > 0 && isfinite(h) && h > 0 ? h / tot : 0;
                if (share[g][a][k] > ymax[a])
                    ymax[a] = share[g][a][k];
            }
        }
    if (!(ymax[0] > 0) && !(ymax[1] > 0)) {
        lit(out, "<p>Ingen scorer at vise.</p>\n");
        return;
    }
    const double W = 680, H = 300, PW = 270, T = 50, HALF = 100;
    const double x0[2] = {70, 390}, mid = T + HALF;
    svg_open(b, out, W, H,
             "Fordeling af propensity score for deltagere og "
             "kontrolpersoner før og efter matching");
    svg_key(b, 70, 14, "rect", "bt", "Deltagere (opad)");
    svg_key(b, 240, 14, "rect", "bc", "Kontrolpersoner (nedad)");
    const char *title[2] = {"Før matching", "Efter matching (vægtet)"};
    for (int a = 0; a < 2; a++) {
        axis ay = nice_axis(0, ymax[a] > 0 ? ymax[a] : 0.1, 2);
        scale sy = {0, ay.hi, 0, HALF};
        svg_text(b, "ttl", "middle", x0[a] + PW / 2, T - 12, title[a]);
        for (int k = 0; !isnan(tick(ay, k)); k++) {
            double v = tick(ay, k), d = sc(sy, v);
            txt lab = tick_label(v, ay.step, true);
            svg_line(b, "grid", x0[a], mid - d, x0[a] + PW, mid - d);
            svg_line(b, "grid", x0[a], mid + d, x0[a] + PW, mid + d);
            svg_text(b, "tk", "end", x0[a] - 5, mid - d + 4, lab.s);
            if (v > 0)
                svg_text(b, "tk", "end", x0[a] - 5, mid + d + 4, lab.s);
        }
        double bw = PW / NB;
        for (int k = 0; k < NB; k++) {
            double ht = sc(sy, share[1][a][k]), hc = sc(sy, share[0][a][k]);
            if (ht > 0)
                svg_rect(b, "bt", x0[a] + k * bw + 0.4, mid - ht, bw - 0.8,
                         ht);
            if (hc > 0)
                svg_rect(b, "bc", x0[a] + k * bw + 0.4, mid, bw - 0.8, hc);
        }
        svg_line(b, "zero", x0[a], mid, x0[a] + PW, mid);
        svg_line(b, "ax", x0[a], mid + HALF, x0[a] + PW, mid + HALF);
        for (int q = 0; q <= 4; q++) {
            double x = x0[a] + PW * q / 4;
            svg_line(b, "ax", x, mid + HALF, x, mid + HALF + 4);
            svg_text(b, "tk", "middle", x, mid + HALF + 16,
                     tick_label(q / 4.0, 0.25, false).s);
        }
        svg_text(b, "", "middle", x0[a] + PW / 2, mid + HALF + 36,
                 "Propensity score");
    }
    svg_close(b, "Andel af hver gruppe i 40 lige brede intervaller af "
                 "scoren; hvert panel har sin egen lodrette skala. Efter "
                 "matching er kontrolpersonerne vægtet med "
                 "matchingvægtene.");
}

static void sec_overlap(ov_buf *b, const ov_eval_result *r)
{
    lit(b, "<section id=\"overlap\">\n<h2>Overlap i propensity score</h2>\n"
           "<p>Deltagernes og kontrolpersonernes scorer før og efter "
           "matching. Efter en god matching har de to grupper næsten "
           "samme fordeling.</p>\n");
    svg_overlap(b, r);
    lit(b, "</section>\n");
}

/* ---- effects ---- */

/* A forest plot of the outcomes idx[0..n) on one axis; shares in
 * percentage points. */
static void svg_forest(ov_buf *out, const ov_eval_result *r,
                       const int *idx, int n, bool share, const char *xtitle,
                       const char *caption)
{
    ov_svg sv, *b = &sv;
    const double W = 680, L = 230, R = 24, T = 14, ROW = 26, B = 46;
    double f = share ? 100 : 1, lo = 0, hi = 0;
    int drawn = 0;
    for (int i = 0; i < n; i++) {
        const ov_eval_outcome *o = &r->outcomes[idx[i]];
        double v[3] = {o->att, o->ci_low, o->ci_high};
        for (int j = 0; j < 3; j++)
            if (isfinite(v[j])) {
                lo = fmin(lo, v[j] * f);
                hi = fmax(hi, v[j] * f);
            }
        drawn += isfinite(o->att);
    }
    if (drawn == 0)
        return;
    axis ax = nice_axis(lo, hi, 5);
    scale sx = {ax.lo, ax.hi, L, W - R};
    double ybot = T + ROW * n;
    svg_open(b, out, W, ybot + B, xtitle);
    svg_xticks(b, sx, ax, T, ybot, false);
    svg_line(b, "zero", sc(sx, 0), T, sc(sx, 0), ybot);
    for (int i = 0; i < n; i++) {
        const ov_eval_outcome *o = &r->outcomes[idx[i]];
        vfmt vf = value_format(o);
        double y = T + ROW * (i + 0.5);
        svg_text(b, "", "end", L - 8, y + 4, t_short(o->spec.name).s);
        if (isfinite(o->ci_low) && isfinite(o->ci_high))
            svg_line(b, "ci", sc(sx, o->ci_low * f), y,
                     sc(sx, o->ci_high * f), y);
        if (!isfinite(o->att))
            continue;
        char tip[256];
        snprintf(tip, sizeof tip, "%s: %s, 95 %%-KI %s",
                 t_short(o->spec.name).s, t_diff(vf, o->att).s,
                 t_ci(vf, o->ci_low, o->ci_high).s);
        svg_circle(b, "solid", sc(sx, o->att * f), y, 5, tip);
    }
    svg_text(b, "", "middle", (L + W - R) / 2, ybot + 34, xtitle);
    svg_close(b, caption);
}

#define FOREST_KEY "Punkt: effekten (ATT); linje: 95 %-konfidensinterval; " \
                   "lodret linje: ingen effekt."

/* Why an outcome's values are "–" (att.h's reasons), in Danish; "" when
 * nothing is missing. */
static void reason_dk(const ov_eval_outcome *o, char *out, size_t cap)
{
    const ov_outcome_spec *s = &o->spec;
    const char *who = o->reason == OV_ATT_NO_TREATED   ? "deltager"
                      : o->reason == OV_ATT_NO_CONTROL ? "kontrolperson"
                                                       : "person";
    out[0] = '\0';
    switch (o->reason) {
    case OV_ATT_COMPLETE:
        break;
    case OV_ATT_NO_ROWS:
    case OV_ATT_NO_TREATED:
    case OV_ATT_NO_CONTROL:
        if (s->kind == OV_OC_HAZARD)
            snprintf(out, cap,
                     "Ingen matchet %s er i risiko i kvartal %d med et "
                     "register, der dækker måned %d–%d.",
                     who, s->quarter, s->a, s->b);
        else
            snprintf(out, cap,
                     "Ingen matchet %ss register når måned %d; "
                     "udtrækket er for kort til dette udfald.",
                     who, s->b);
        break;
    case OV_ATT_FEW_CLUSTERS:
        snprintf(out, cap, "Ingen standardfejl: færre end to matchede sæt "
                           "har udfaldet.");
        break;
    case OV_ATT_NO_VARIATION:
        snprintf(out, cap, "Ingen test: udfaldet varierer hverken blandt "
                           "deltagerne eller blandt kontrolpersonerne.");
        break;
    case OV_ATT_VARIANCE_NOT_POSITIVE:
        snprintf(out, cap, "Ingen standardfejl: den tovejs klyngerobuste "
                           "varians er ikke positiv i denne lille "
                           "stikprøve.");
        break;
    }
}

/* The reason under a row whose values are "–". */
static void reason_note(ov_buf *b, const ov_eval_outcome *o)
{
    char why[256];
    reason_dk(o, why, sizeof why);
    if (!why[0])
        return;
    lit(b, " <span class=\"note why\">");
    esc(b, why);
    lit(b, "</span>");
}

static void outcome_row(ov_buf *b, const ov_eval_outcome *o, bool boot)
{
    vfmt vf = value_format(o);
    char desc[320];
    ov_eval_outcome_describe(&o->spec, desc, sizeof desc);
    lit(b, "<tr><td><code>");
    esc_name(b, o->spec.name);
    lit(b, "</code></td><td class=\"txt\">");
    esc(b, desc);
    reason_note(b, o);
    ov_html_bprintf(b,
                    "</td><td>%h</td><td>%h</td><td class=\"u\"><strong>%h"
                    "</strong></td><td>%h</td><td>%h</td><td class=\"u\">%h"
                    "</td><td>%h</td><td>%h</td>",
                    t_level(vf, o->treated_mean).s,
                    t_level(vf, o->control_mean).s, t_diff(vf, o->att).s,
                    t_ci(vf, o->ci_low, o->ci_high).s,
                    t_p_value(o->p_value).s,
                    t_diff(vf,
                           o->naive_treated_mean - o->naive_control_mean).s,
                    t_pair(o->n_treated, o->n_control).s,
                    t_pair(o->n_treated_excluded, o->n_control_excluded).s);
    if (boot)
        ov_html_bprintf(b, "<td>%h</td>",
                        t_ci(vf, o->boot_low, o->boot_high).s);
    lit(b, "</tr>\n");
}

static void sec_effects(ov_buf *b, const ov_eval_result *r)
{
    lit(b, "<section id=\"effekter\">\n<h2>Effekter</h2>\n");
    int nmain = 0, nshare = 0;
    bool boot = false;
    int main_idx[OV_EVAL_MAX_OUTCOMES], share_idx[OV_EVAL_MAX_OUTCOMES];
    for (int i = 0; i < r->noutcomes && nmain < OV_EVAL_MAX_OUTCOMES; i++) {
        const ov_eval_outcome *o = &r->outcomes[i];
        if (o->spec.curve != 0)
            continue;
        main_idx[nmain++] = i;
        if (is_share(&o->spec))
            share_idx[nshare++] = i;
        boot = boot || isfinite(o->boot_low) || isfinite(o->boot_high);
    }
    if (nmain == 0) {
        lit(b, "<p>Ingen udfald ud over de kvartalsvise kurver.</p>\n"
               "</section>\n");
        return;
    }
    lit(b, "<p>Andele er vist i procent og forskelle i andele i "
           "procentpoint; antal og summer som tal. Effekten er forskellen "
           "mellem deltagere og matchet kontrolgruppe; \"Forskel før "
           "matching\" er den rå forskel mellem alle deltagere og alle "
           "mulige kontrolpersoner. n og Udeladt er deltagere / "
           "kontrolpersoner; udeladt er personer, hvis register ikke "
           "dækker udfaldets måneder.</p>\n");
    lit(b, "<div class=\"wide\"><table class=\"effects\">\n<thead><tr>"
           "<th>Udfald</th><th class=\"txt\">Definition</th>"
           "<th>Deltagere</th><th>Kontrol&shy;gruppe</th>"
           "<th>Effekt (ATT)</th><th>95 %-konfidens&shy;interval</th>"
           "<th>p-værdi</th><th>Forskel før matching</th><th>n</th>"
           "<th>Udeladt</th>");
    if (boot)
        lit(b, "<th>Bootstrap 95 %-interval</th>");
    lit(b, "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < nmain; i++)
        outcome_row(b, &r->outcomes[main_idx[i]], boot);
    lit(b, "</tbody>\n</table></div>\n");
    if (nshare > 0) {
        lit(b, "<h3>Effekter på andele</h3>\n");
        svg_forest(b, r, share_idx, nshare, true,
                   "Effekt (ATT) i procentpoint", FOREST_KEY);
    }
    bool other_heading = false;
    for (int i = 0; i < nmain; i++) {
        const ov_eval_outcome *o = &r->outcomes[main_idx[i]];
        if (is_share(&o->spec))
            continue;
        if (!other_heading) {
            lit(b, "<h3>Effekter på antal og summer</h3>\n");
            other_heading = true;
        }
        char t[160];
        snprintf(t, sizeof t, "Effekt (ATT) på %s", o->spec.name);
        svg_forest(b, r, &main_idx[i], 1, false, t, NULL);
    }
    if (other_heading)
        lit(b, "<p class=\"note\">" FOREST_KEY " Hvert udfald har sin egen "
               "skala.</p>\n");
    lit(b, "</section>\n");
}

/* ---- quarterly exit curves ---- */

/* One line chart of the treated and control means by quarter. */
static void svg_curve(ov_buf *out, double yv[2][MAX_QUARTER + 1],
                      int nq, const char *label)
{
    ov_svg sv, *b = &sv;
    const double W = 680, H = 300, L = 64, R = 24, T = 40, B = 52;
    double ymax = 0;
    for (int s = 0; s < 2; s++)
        for (int q = 1; q <= nq; q++)
            if (isfinite(yv[s][q]) && yv[s][q] > ymax)
                ymax = yv[s][q];
    axis ay = nice_axis(0, ymax > 0 ? ymax : 0.1, 5);
    scale sy = {0, ay.hi, H - B, T};
    scale sx = {1, nq, L + 16, W - R - 16};
    if (nq <= 1)
        sx = (scale){0, 2, L + 16, W - R - 16};
    svg_open(b, out, W, H, label);
    svg_key(b, L, 16, "line", "lt", "Deltagere");
    svg_key(b, L + 120, 16, "line", "lc", "Kontrolgruppe");
    svg_yticks(b, sy, ay, L, W - R, true);
    svg_line(b, "ax", L, H - B, W - R, H - B);
    for (int q = 1; q <= nq; q++) {
        char s[16];
        snprintf(s, sizeof s, "%d", q);
        svg_text(b, "tk", "middle", sc(sx, q), H - B + 16, s);
    }
    svg_text(b, "", "middle", (L + W - R) / 2, H - B + 38,
             "Kvartal efter start");
    const char *line_cls[2] = {"lt", "lc"}, *pt_cls[2] = {"pt", "pc"};
    const char *who[2] = {"Deltagere", "Kontrolgruppe"};
    for (int s = 0; s < 2; s++) {
        /* a NaN breaks the line */
        ov_svg_polyline(b, line_cls[s], sx, sy, 1, 1, &yv[s][1], nq, false);
        for (int q = 1; q <= nq; q++) {
            if (!isfinite(yv[s][q]))
                continue;
            char tip[96];
            snprintf(tip, sizeof tip, "%s, kvartal %d: %s", who[s], q,
                     t_pct(yv[s][q]).s);
            svg_circle(b, pt_cls[s], sc(sx, q), sc(sy, yv[s][q]), 3.5, tip);
        }
    }
    svg_close(b, label);
}

static void curve_cells(ov_buf *b, const ov_eval_result *r, int i)
{
    if (i < 0) {
        lit(b, "<td>" DASH "</td><td>" DASH "</td><td>" DASH "</td><td>"
               DASH "</td><td>" DASH "</td>");
        return;
    }
    const ov_eval_outcome *o = &r->outcomes[i];
    vfmt vf = {true, 1};
    ov_html_bprintf(b, "<td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                    "<td>%h</td>",
                    t_pct(o->treated_mean).s, t_pct(o->control_mean).s,
                    t_pp_num(o->att).s, t_ci(vf, o->ci_low, o->ci_high).s,
                    t_pair(o->n_treated, o->n_control).s);
}

static void sec_curves(ov_buf *b, const ov_eval_result *r)
{
    lit(b, "<section id=\"afgang\">\n<h2>Afgang til ordinær beskæftigelse "
           "pr. kvartal</h2>\n");
    int idx[2][MAX_QUARTER + 1], nq = 0;
    double yv[2][2][MAX_QUARTER + 1]; /* [curve][group][quarter] */
    for (int c = 0; c < 2; c++)
        for (int q = 0; q <= MAX_QUARTER; q++) {
            idx[c][q] = -1;
            yv[c][0][q] = yv[c][1][q] = NAN;
        }
    for (int i = 0; i < r->noutcomes; i++) {
        const ov_outcome_spec *s = &r->outcomes[i].spec;
        int q = s->quarter;
        if (s->curve < 1 || s->curve > 2 || q < 1 || q > MAX_QUARTER)
            continue;
        idx[s->curve - 1][q] = i;
        yv[s->curve - 1][0][q] = r->outcomes[i].treated_mean;
        yv[s->curve - 1][1][q] = r->outcomes[i].control_mean;
        if (q > nq)
            nq = q;
    }
    if (nq == 0) {
        lit(b, "<p>Evalueringen har ingen kvartalsvise udfald (de indgår "
               "kun i standardsættet af udfald).</p>\n</section>\n");
        return;
    }
    lit(b, "<p>Afgangsraten i et kvartal er andelen, der for første gang "
           "kommer i ordinær beskæftigelse i kvartalets måneder, blandt "
           "dem, der endnu ikke var kommet i ordinær beskæftigelse "
           "(diskret hazard). Den kumulerede andel er andelen, der er "
           "kommet i ordinær beskæftigelse senest i kvartalet.</p>\n");
    lit(b, "<h3>Afgangsrate pr. kvartal</h3>\n");
    svg_curve(b, yv[0], nq,
              "Afgangsrate til ordinær beskæftigelse pr. kvartal, "
              "deltagere og kontrolgruppe");
    lit(b, "<h3>Kumuleret andel i ordinær beskæftigelse</h3>\n");
    svg_curve(b, yv[1], nq,
              "Kumuleret andel, der er kommet i ordinær beskæftigelse, "
              "deltagere og kontrolgruppe");
    lit(b, "<div class=\"wide\"><table class=\"curves\">\n<thead>"
           "<tr class=\"grp\"><th></th><th colspan=\"5\">Afgangsrate</th>"
           "<th colspan=\"5\">Kumuleret andel</th></tr>\n<tr>"
           "<th>Kvartal</th>");
    for (int c = 0; c < 2; c++)
        lit(b, "<th>Deltagere</th><th>Kontrol</th><th>Forskel "
               "(procentpoint)</th><th>95 %-interval</th><th>n</th>");
    lit(b, "</tr>\n</thead>\n<tbody>\n");
    for (int q = 1; q <= nq; q++) {
        ov_html_bprintf(b, "<tr><td>%d</td>", q);
        curve_cells(b, r, idx[0][q]);
        curve_cells(b, r, idx[1][q]);
        lit(b, "</tr>\n");
    }
    lit(b, "</tbody>\n</table></div>\n");
    for (int q = 1; q <= nq; q++)
        for (int c = 0; c < 2; c++) {
            if (idx[c][q] < 0)
                continue;
            char why[256];
            reason_dk(&r->outcomes[idx[c][q]], why, sizeof why);
            if (!why[0])
                continue;
            ov_html_bprintf(b, "<p class=\"note why\">%h, kvartal %d: %h</p>\n",
                            c == 0 ? "Afgangsrate" : "Kumuleret andel", q,
                            why);
        }
    lit(b, "<p class=\"note\">n for afgangsraten "
           "er de personer, der stadig var i risiko i kvartalet "
           "(deltagere / kontrolpersoner).</p>\n</section>\n");
}

/* ---- propensity score model ---- */

static void sec_model(ov_buf *b, const ov_eval_result *r)
{
    lit(b, "<section id=\"model\">\n<h2>Propensity score-model</h2>\n");
    double r2 = r->null_deviance > 0 && isfinite(r->deviance)
                    ? 1 - r->deviance / r->null_deviance
                    : (double)NAN;
    ov_html_bprintf(b,
                    "<p>Logistisk regression af deltagelse på kovariaterne, "
                    "estimeret som R's glm (IRLS). Modellen konvergerede "
                    "efter %d iterationer. Deviance %h; nuldeviance %h; "
                    "McFaddens pseudo-R² %h.</p>\n",
                    r->iterations, t_dec(r->deviance, 2).s,
                    t_dec(r->null_deviance, 2).s, t_dec(r2, 3).s);
    lit(b, "<table class=\"coef\">\n<thead><tr><th>Variabel</th>"
           "<th>Koefficient (log-odds)</th><th>Odds-ratio</th></tr></thead>"
           "\n<tbody>\n");
    for (int i = 0; i < r->ncoef; i++) {
        const ov_eval_coef *c = &r->coef[i];
        bool icpt = c->name && strcmp(c->name, "(Intercept)") == 0;
        lit(b, "<tr><td>");
        if (icpt)
            lit(b, "Konstantled");
        else
            esc(b, c->name);
        ov_html_bprintf(b, "</td><td>%h</td><td>%h</td></tr>\n",
                        t_dec(c->estimate, 4).s,
                        icpt ? DASH : t_dec(exp(c->estimate), 3).s);
    }
    lit(b, "</tbody>\n</table>\n</section>\n");
}

/* ---- method notes ---- */

static void sec_notes(ov_buf *b, const ov_eval_result *r)
{
    size_t ext = 0, exc = 0;
    for (int i = 0; i < r->noutcomes; i++) {
        if (r->outcomes[i].n_treated_excluded > ext)
            ext = r->outcomes[i].n_treated_excluded;
        if (r->outcomes[i].n_control_excluded > exc)
            exc = r->outcomes[i].n_control_excluded;
    }
    lit(b, "<footer id=\"metode\">\n<h2>Metodenoter</h2>\n<ul>\n"
           "<li>Effekten (ATT) er forskellen mellem deltagernes og "
           "kontrolgruppens vægtede gennemsnit i den matchede stikprøve. "
           "Deltagere har vægt 1; en kontrolperson 1/k for hvert matchet "
           "sæt med k kontrolpersoner, den indgår i, skaleret så "
           "kontrolvægtene summerer til antallet af kontrolpersoner (som "
           "MatchIt).</li>\n"
           "<li>Standardfejlen er klyngerobust efter matchet sæt (par), "
           "som R's <code>lm(y ~ treat, weights = weights)</code> med "
           "<code>sandwich::vcovCL(type = &quot;HC1&quot;)</code>.</li>\n");
    if (r->options.replace)
        lit(b, "<li>Matchingen er med tilbagelægning: en kontrolperson kan "
               "indgå i flere matchede sæt og tælles én gang pr. sæt (som "
               "MatchIts <code>get_matches()</code>). Standardfejlen er "
               "derfor klyngerobust i to dimensioner, efter matchet sæt og "
               "efter person (<code>cluster = ~subclass + id</code>), som "
               "MatchIts vejledning anbefaler; en genbrugt kontrolpersons "
               "rækker er ikke uafhængige, og klynger efter sæt alene "
               "ville give for små standardfejl.</li>\n");
    lit(b, "<li>95 %-konfidensintervaller og p-værdier bygger på "
           "t-fordelingen med modellens residualfrihedsgrader (som "
           "<code>lmtest::coeftest</code>).</li>\n");
    if (r->options.bootstrap > 0)
        ov_html_bprintf(b,
                        "<li>Bootstrap-intervallet er et percentilinterval "
                        "fra %h gentagelser, hvor matchede sæt trækkes med "
                        "tilbagelægning.</li>\n",
                        t_int((size_t)r->options.bootstrap).s);
    ov_html_bprintf(b,
                    "<li>Personer, hvis register ikke når en måned, som et "
                    "udfald kræver, er udeladt af det udfald (som "
                    "<code>lm</code> udelader en manglende værdi); antallet "
                    "står i kolonnen Udeladt. Flest udeladte ved ét udfald: "
                    "%h deltagere og %h kontrolpersoner. %h personer har "
                    "ingen rækker i months.csv.</li>\n",
                    t_int(ext).s, t_int(exc).s,
                    t_int(r->persons_without_months).s);
    lit(b, "<li>Matchingen følger reglerne i R-pakken MatchIt ≥ 4.5.4 "
           "(<code>method = &quot;nearest&quot;</code>, estimand ATT). "
           "Debians r-cran-matchit 4.5.1 har en fejl (MatchIt issue #163), "
           "der ignorerer caliperen og vælger forkerte naboer; den er "
           "rettet i 4.5.4.</li>\n"
           "<li>Balance som MatchIts <code>summary()</code>: SMD er "
           "forskellen i gennemsnit divideret med deltagernes "
           "standardafvigelse i hele stikprøven (√(p(1−p)) for binære "
           "variable); eCDF er middel og maksimum af afstanden mellem "
           "gruppernes empiriske fordelingsfunktioner.</li>\n"
           "</ul>\n</footer>\n");
}

/* ---------------------------------------------------------------------
 * The document
 * ------------------------------------------------------------------- */

ov_status ov_eval_report_html(const ov_eval_result *r, ov_buf *out,
                              ov_err *err)
{
    if (!r || !out)
        return ov_err_set(err, OV_EINVAL, NULL,
                          "report.html: no evaluation result or no output "
                          "buffer was given (a bug in the caller)");
    if (r->nbalance < 0 || r->noutcomes < 0 || r->ncoef < 0 ||
        (r->nbalance > 0 && !r->balance) ||
        (r->noutcomes > 0 && !r->outcomes) || (r->ncoef > 0 && !r->coef))
        return ov_err_set(err, OV_EINVAL, NULL,
                          "report.html: the evaluation result is "
                          "incomplete (a count without its rows); run the "
                          "evaluation again");
    if (out->failed)
        return ov_err_set(err, OV_ETOOBIG, NULL,
                          "report.html: the output buffer is already full; "
                          "start with an empty buffer");
    doc_head(out);
    sec_intro(out, r);
    sec_flow(out, r);
    sec_balance(out, r);
    sec_overlap(out, r);
    sec_effects(out, r);
    sec_curves(out, r);
    sec_model(out, r);
    sec_notes(out, r);
    lit(out, "</main>\n</body>\n</html>\n");
    if (out->failed)
        return ov_err_set(err, OV_ETOOBIG, NULL,
                          "report.html does not fit in the output buffer "
                          "of %zu bytes; raise its cap",
                          out->max);
    return OV_OK;
}
