/*
 * econ_html.c - economics.html: the business case as one self-contained
 * Danish document, inline CSS and inline SVG drawn here (no script, no
 * external files, nothing fetched), as report.html of an evaluation is
 * (eval_html.c).
 *
 * Sections: the result per payer (with the published figures of a preset
 * and the interval of measured effects), net result per year and payer
 * (bars), the cumulative result with the break-even year, the sensitivity
 * (bars), the yearly table, the inputs with what is measured, assumed,
 * reconstructed or from the catalogue and their sources, the registered
 * activity and the evaluation when given, and the method.
 *
 * Markup comes only from literals; every text, from the scenario or ours,
 * is escaped (%h). Amounts a reader sees are Danish ("-91.800 kr.");
 * SVG coordinates have a decimal point (core/svg.h).
 */
#include "report/econ_report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/html.h"
#include "core/svg.h"
#include "report/numtext.h"

#define DASH "–"
/* the document's language: economics.html is Danish */
#define DA OV_ECON_LANG_DA
#define lit(b, s) ov_html_blit((b), s)

/* A short formatted text returned by value (C11 temporary lifetime), for
 * a printf argument; escaped where it is written. Numbers come from
 * report/numtext.h, in Danish: this document is Danish. */
typedef ov_numtext txt;

static txt t_str(const char *s)
{
    txt t;
    snprintf(t.s, sizeof t.s, "%s", s ? s : "");
    return t;
}

/* whole kroner without the unit: -91800 -> "-91.800" */
static txt t_kr(double v) { return ov_num_dec(OV_NUM_DA, v, 0); }
static txt t_dec(double v, int d) { return ov_num_dec(OV_NUM_DA, v, d); }
static txt t_int(int64_t v) { return ov_num_int(OV_NUM_DA, v); }

/* a value by its size: shares with 4 decimals, amounts whole */
static txt t_value(double v)
{
    if (!isfinite(v))
        return t_str(DASH);
    double m = fabs(v);
    return m < 10 && m != floor(m) ? t_dec(v, 4) : t_kr(v);
}

/* ---- style and head -------------------------------------------------- */

static const char CSS[] =
    ":root{--k:#1d5a9a;--s:#c2621a;--r:#3f7f3a;--t:#1e1e1e;--ink:#1e1e1e;"
    "--mute:#5b5b5b;--line:#d5d5d5;--warn:#a4161a}\n*{box-sizing:border-box}"
    "\nbody{font:15px/1.5 'Segoe UI',Helvetica,Arial,sans-serif;"
    "color:var(--ink);margin:0;background:#f4f4f2}\n"
    "main{max-width:1120px;margin:0 auto;padding:24px 32px 40px;"
    "background:#fff;overflow-wrap:break-word}\n"
    "h1{font-size:1.6em;line-height:1.25;margin:.2em 0 .5em}\n"
    "h2{font-size:1.25em;margin:1.8em 0 .5em;padding-bottom:.2em;"
    "border-bottom:2px solid var(--k)}\np,li{max-width:80ch}\n"
    ".wide{overflow-x:auto;max-width:100%}\n"
    "table{border-collapse:collapse;margin:.5em 0 1em;font-size:.88em;"
    "font-variant-numeric:tabular-nums}\nth,td{padding:.25em .45em;"
    "border-bottom:1px solid var(--line);text-align:right;vertical-align:top}"
    "\nth{background:#eef2f7;font-weight:600}\n"
    "th:first-child,td:first-child,.txt{text-align:left}\n"
    "td.txt{min-width:10em}\ntd.src{text-align:left;color:var(--mute);"
    "font-size:.92em;min-width:14em}\n"
    ".o-measured{color:#1d5a9a;font-weight:600}"
    ".o-missing{color:var(--warn);font-weight:600}\n"
    ".big{font-size:1.15em}.note{color:var(--mute);font-size:.88em}\n"
    "figure{margin:.8em 0 1.4em}\n"
    "figure svg{width:100%;max-width:760px;height:auto;display:block}\n"
    "figcaption{color:var(--mute);font-size:.85em;margin-top:.3em;"
    "max-width:80ch}\nsvg text{font-family:Helvetica,Arial,sans-serif;"
    "font-size:11px;fill:var(--ink)}\n"
    "svg text.tk{fill:var(--mute);font-size:10px}\n"
    "svg .grid{stroke:#e6e6e6}svg .zero{stroke:#444}\n"
    "svg line.ref{stroke:var(--warn);stroke-width:1.4;stroke-dasharray:5 3}"
    "svg text.ref{fill:var(--warn);font-weight:600}\n"
    "svg line.base{stroke:#444;stroke-width:1.2;stroke-dasharray:3 3}\n"
    "svg .bk{fill:var(--k)}svg .bs{fill:var(--s)}svg .br{fill:var(--r)}\n"
    "svg .bpos{fill:var(--r)}svg .bneg{fill:var(--warn)}\n"
    "svg .lk{fill:none;stroke:var(--k);stroke-width:2}"
    "svg .ls{fill:none;stroke:var(--s);stroke-width:2;stroke-dasharray:6 3}"
    "svg .lr{fill:none;stroke:var(--r);stroke-width:2;stroke-dasharray:2 3}"
    "svg .lt{fill:none;stroke:var(--t);stroke-width:2.6}\n"
    "svg .pt{fill:var(--t)}\n"
    "footer{margin-top:2.2em;border-top:1px solid var(--line);"
    "font-size:.9em}\n"
    "@media (max-width:600px){main{padding:12px 10px 24px}"
    "h1{font-size:1.3em}table{font-size:.8em}}\n"
    "@page{size:A4;margin:14mm 12mm}\n"
    "@media print{body{background:#fff;font-size:10pt}"
    "main{max-width:none;padding:0}figure,tr{break-inside:avoid}"
    ".wide{overflow:visible}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

#define TITLE "Budgetøkonomisk business case: Social støtte i overgang til " \
              "og fastholdelse i job"

static void doc_head(ov_buf *b)
{
    lit(b, "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n"
           "<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\">\n<title>" TITLE "</title>\n<style>\n");
    ov_html_bconst(b, CSS);
    lit(b, "</style>\n</head>\n<body>\n<main>\n");
}

/* ---- the result ------------------------------------------------------ */

static const char *const payer_cls_bar[OV_PAYER_N] = {"bk", "bs", "br"};
static const char *const payer_cls_line[OV_PAYER_N] = {"lk", "ls", "lr"};

static const char *payer_title(int k)
{
    static const char *const w[OV_PAYER_N + 1] = {"Kommune", "Stat",
                                                  "Region", "I alt"};
    return k >= 0 && k <= OV_PAYER_N ? w[k] : "?";
}

/* "år 3" or "ikke inden for 10 år" */
static txt t_year(int y, int horizon)
{
    txt t;
    if (y > 0)
        snprintf(t.s, sizeof t.s, "år %d", y);
    else
        snprintf(t.s, sizeof t.s, "ikke inden for %d år", horizon);
    return t;
}

static void sec_intro(ov_buf *b, const ov_econ_scenario *s,
                      const ov_econ_result *r, const ov_econ_report_extra *x)
{
    lit(b, "<header><h1>" TITLE "</h1>\n");
    ov_html_bprintf(b, "<p class=\"big\"><strong>%h</strong></p>\n",
                    s->name[0] ? ov_econ_text(s->name, DA)
                               : "Scenarie uden navn");
    if (s->description[0])
        ov_html_bprintf(b, "<p>%h</p>\n",
                        ov_econ_text(s->description, DA));
    if (x && x->source)
        ov_html_bprintf(b, "<p class=\"note\">Kilde til scenariet: %h.</p>\n",
                        x->source);
    double pc = r->per_citizen[OV_PAYER_N];
    ov_html_bprintf(b,
                    "<p>For <strong>%h borgere</strong> over <strong>%d "
                    "år</strong> giver indsatsen et samlet nettoresultat "
                    "for de offentlige kasser på <strong>%h kr. pr. "
                    "borger</strong> (%h kr. i alt), diskonteret. %h</p>\n",
                    t_value(r->citizens).s, r->horizon, t_kr(pc).s,
                    t_kr(r->total[OV_PAYER_N]).s,
                    pc >= 0 ? "Et positivt tal er en gevinst."
                            : "Et negativt tal er en udgift.");
    if (r->break_even_year > 0)
        ov_html_bprintf(b,
                        "<p>Indsatsen tjener sig ind (break-even) i "
                        "<strong>år %d</strong>: fra da er det kumulerede "
                        "resultat for alle betalere mindst 0 og forbliver "
                        "det.</p>\n",
                        r->break_even_year);
    else
        ov_html_bprintf(b,
                        "<p>Indsatsen tjener sig <strong>ikke</strong> ind "
                        "inden for de %d år (intet break-even-år).</p>\n",
                        r->horizon);
    lit(b, "</header>\n<section id=\"resultat\">\n<h2>Resultat pr. "
           "betaler</h2>\n<div class=\"wide\"><table>\n<thead><tr>"
           "<th>Betaler</th><th>Pr. borger (kr.)</th><th>I alt (kr.)</th>");
    if (r->interval.present)
        lit(b, "<th>95 %-interval pr. borger (kr.)</th>");
    if (x && x->preset)
        lit(b, "<th>Offentliggjort pr. borger (kr.)</th>");
    lit(b, "<th>Break-even</th></tr></thead>\n<tbody>\n");
    for (int k = 0; k <= OV_PAYER_N; k++) {
        ov_html_bprintf(b, "<tr><td>%h</td><td>%h</td><td>%h</td>",
                        payer_title(k), t_kr(r->per_citizen[k]).s,
                        t_kr(r->total[k]).s);
        if (r->interval.present)
            ov_html_bprintf(b, "<td>%h til %h</td>",
                            t_kr(r->interval.low[k]).s,
                            t_kr(r->interval.high[k]).s);
        if (x && x->preset)
            ov_html_bprintf(b, "<td>%h</td>",
                            t_kr(x->preset->published[k]).s);
        int be = k < OV_PAYER_N ? r->break_even_payer[k] : r->break_even_year;
        ov_html_bprintf(b, "<td>%h</td></tr>\n", t_year(be, r->horizon).s);
    }
    lit(b, "</tbody>\n</table></div>\n");
    ov_html_bprintf(b,
                    "<p class=\"note\">Omkostning pr. borger (etablering og "
                    "drift): %h kr. Alle beløb i scenariets priser%h; "
                    "fremtidige år er diskonteret.</p>\n",
                    t_kr(r->cost_per_citizen).s,
                    s->price_year > 0 ? "" : " (prisår ikke angivet)");
    if (s->price_year > 0)
        ov_html_bprintf(b, "<p class=\"note\">Prisår: %d.</p>\n",
                        s->price_year);
    if (r->interval.present)
        lit(b, "<p class=\"note\">Intervallet er et 95 %-interval fra de "
               "målte effekters standardfejl (evalueringens klyngerobuste "
               "fejl, eller dens bootstrap-interval), lagt sammen, som var "
               "de fuldt korrelerede: et forsigtigt interval. Omkostninger "
               "og priser regnes for kendte.</p>\n");
    if (x && x->preset)
        lit(b, "<p class=\"note\">Offentliggjort: Rambøll (2021), "
               "Slutevaluering, som Socialstyrelsens vidensportal gengiver "
               "den. Scenarie A er omkostningen uden effekt; B-D's "
               "forudsætninger er rekonstrueret ud fra de offentliggjorte "
               "resultater, ikke taget fra rapporten.</p>\n");
    lit(b, "</section>\n");
}

/* ---- charts ---------------------------------------------------------- */

static bool region_used(const ov_econ_result *r)
{
    for (int y = 0; y < r->horizon && y < OV_ECON_MAX_YEARS; y++)
        if (r->years[y].net_discounted[OV_PAYER_REGION] != 0 ||
            r->years[y].cumulative[OV_PAYER_REGION] != 0)
            return true;
    return false;
}

/* Net result per year and payer, discounted: grouped bars. */
static void svg_years(ov_buf *out, const ov_econ_result *r)
{
    const double W = 720, H = 300, L = 70, R = 16, T = 34, B = 40;
    int n = r->horizon < OV_ECON_MAX_YEARS ? r->horizon : OV_ECON_MAX_YEARS;
    int np = region_used(r) ? OV_PAYER_N : OV_PAYER_REGION;
    double lo = 0, hi = 0;
    for (int y = 0; y < n; y++)
        for (int k = 0; k < np; k++) {
            double v = r->years[y].net_discounted[k];
            if (isfinite(v)) {
                lo = fmin(lo, v);
                hi = fmax(hi, v);
            }
        }
    ov_svg_axis ay = ov_svg_nice(lo, hi, 5);
    ov_svg_scale sy = {ay.lo, ay.hi, H - B, T};
    ov_svg s;
    ov_svg_begin(&s, out, W, H, NULL, true,
                 "Nettoresultat pr. år og betaler, diskonteret, alle "
                 "borgere");
    for (int k = 0; k < np; k++)
        ov_svg_key(&s, L + 110.0 * k, 14, OV_SVG_KEY_RECT, payer_cls_bar[k],
                   payer_title(k));
    ov_svg_yaxis(&s, sy, ay, L - 6, W - R, false, "tk");
    double slot = (W - L - R) / (n > 0 ? n : 1);
    double bw = slot * 0.8 / np;
    double y0 = ov_svg_map(sy, 0);
    for (int y = 0; y < n; y++) {
        double x0 = L + slot * y + slot * 0.1;
        for (int k = 0; k < np; k++) {
            double v = r->years[y].net_discounted[k];
            if (!isfinite(v))
                continue;
            double yv = ov_svg_map(sy, v);
            char tip[160];
            snprintf(tip, sizeof tip, "År %d, %s: %s kr.", y + 1,
                     ov_econ_payer_word((ov_payer)k, DA), t_kr(v).s);
            ov_svg_rect(&s, payer_cls_bar[k], x0 + bw * k, fmin(y0, yv), bw,
                        fabs(yv - y0), tip);
        }
        char lab[16];
        snprintf(lab, sizeof lab, "%d", y + 1);
        if (n <= 15 || y % 2 == 0)
            ov_svg_text(&s, "tk", OV_SVG_MIDDLE, L + slot * (y + 0.5),
                        H - B + 15, lab);
    }
    ov_svg_line(&s, "zero", L, y0, W - R, y0);
    ov_svg_text(&s, "", OV_SVG_MIDDLE, (L + W - R) / 2, H - 6, "År");
    ov_svg_end(&s, np < OV_PAYER_N
                       ? "Kr. pr. år for alle borgere, diskonteret; over 0 "
                         "er en gevinst. Regionen betaler og sparer intet "
                         "i dette scenarie og er udeladt."
                       : "Kr. pr. år for alle borgere, diskonteret; over 0 "
                         "er en gevinst.");
}

/* The cumulative result, discounted: a line per payer and the total,
 * the break-even year marked. */
static void svg_cumulative(ov_buf *out, const ov_econ_result *r)
{
    const double W = 720, H = 300, L = 70, R = 16, T = 34, B = 40;
    int n = r->horizon < OV_ECON_MAX_YEARS ? r->horizon : OV_ECON_MAX_YEARS;
    int np = region_used(r) ? OV_PAYER_N : OV_PAYER_REGION;
    double lo = 0, hi = 0;
    double y[OV_PAYER_N + 1][OV_ECON_MAX_YEARS + 1];
    for (int k = 0; k <= OV_PAYER_N; k++) {
        y[k][0] = 0; /* before year 1 */
        for (int i = 0; i < n; i++) {
            y[k][i + 1] = r->years[i].cumulative[k];
            if (isfinite(y[k][i + 1]) && (k < np || k == OV_PAYER_N)) {
                lo = fmin(lo, y[k][i + 1]);
                hi = fmax(hi, y[k][i + 1]);
            }
        }
    }
    ov_svg_axis ay = ov_svg_nice(lo, hi, 5);
    ov_svg_scale sy = {ay.lo, ay.hi, H - B, T};
    ov_svg_scale sx = {0, n > 0 ? n : 1, L, W - R};
    ov_svg s;
    ov_svg_begin(&s, out, W, H, NULL, true,
                 "Kumuleret nettoresultat, diskonteret, med break-even-år");
    ov_svg_key(&s, L, 14, OV_SVG_KEY_LINE, "lt", "I alt");
    for (int k = 0; k < np; k++)
        ov_svg_key(&s, L + 90.0 * (k + 1), 14, OV_SVG_KEY_LINE,
                   payer_cls_line[k], payer_title(k));
    ov_svg_yaxis(&s, sy, ay, L - 6, W - R, false, "tk");
    for (int i = 0; i <= n; i++) {
        char lab[16];
        snprintf(lab, sizeof lab, "%d", i);
        if (n <= 15 || i % 2 == 0)
            ov_svg_text(&s, "tk", OV_SVG_MIDDLE, ov_svg_map(sx, i),
                        H - B + 15, lab);
    }
    double y0 = ov_svg_map(sy, 0);
    ov_svg_line(&s, "zero", L, y0, W - R, y0);
    for (int k = 0; k < np; k++)
        ov_svg_polyline(&s, payer_cls_line[k], sx, sy, 0, 1, y[k], n + 1,
                        false);
    ov_svg_polyline(&s, "lt", sx, sy, 0, 1, y[OV_PAYER_N], n + 1, false);
    for (int i = 1; i <= n; i++) {
        char tip[160];
        snprintf(tip, sizeof tip, "Efter år %d: %s kr. i alt", i,
                 t_kr(y[OV_PAYER_N][i]).s);
        if (isfinite(y[OV_PAYER_N][i]))
            ov_svg_circle(&s, "pt", ov_svg_map(sx, i),
                          ov_svg_map(sy, y[OV_PAYER_N][i]), 3, tip);
    }
    if (r->break_even_year > 0) {
        char lab[48];
        snprintf(lab, sizeof lab, "Break-even: år %d", r->break_even_year);
        ov_svg_vref(&s, "ref", sx, r->break_even_year, T, H - B, lab);
    }
    ov_svg_text(&s, "", OV_SVG_MIDDLE, (L + W - R) / 2, H - 6,
                "Efter år");
    ov_svg_end(&s, r->break_even_year > 0
                       ? "Kr. i alt for alle borgere, diskonteret og lagt "
                         "sammen år for år; den stiplede røde linje er "
                         "break-even-året, hvor det samlede resultat bliver "
                         "og forbliver mindst 0."
                       : "Kr. i alt for alle borgere, diskonteret og lagt "
                         "sammen år for år; det samlede resultat når ikke "
                         "0 inden for horisonten (intet break-even-år).");
}

/* The sensitivity: the total per citizen of each variation as a bar from
 * zero, the calculation as it is as a dashed line. */
static void svg_sensitivity(ov_buf *out, const ov_econ_result *r)
{
    int n = r->nsens < OV_ECON_MAX_SENS ? r->nsens : OV_ECON_MAX_SENS;
    const double W = 720, L = 290, R = 20, T = 30, ROW = 20, B = 40;
    double H = T + ROW * n + B;
    double base = r->per_citizen[OV_PAYER_N];
    double lo = fmin(0, base), hi = fmax(0, base);
    for (int i = 0; i < n; i++) {
        double v = r->sens[i].per_citizen[OV_PAYER_N];
        if (isfinite(v)) {
            lo = fmin(lo, v);
            hi = fmax(hi, v);
        }
    }
    ov_svg_axis ax = ov_svg_nice(lo, hi, 5);
    ov_svg_scale sx = {ax.lo, ax.hi, L, W - R};
    ov_svg s;
    ov_svg_begin(&s, out, W, H, NULL, true,
                 "Følsomhed: nettoresultat i alt pr. borger, når én "
                 "forudsætning ændres ad gangen");
    double ybot = T + ROW * n;
    ov_svg_xaxis(&s, sx, ax, T - 4, ybot, false, "tk");
    double x0 = ov_svg_map(sx, 0);
    for (int i = 0; i < n; i++) {
        double v = r->sens[i].per_citizen[OV_PAYER_N];
        double yy = T + ROW * i;
        char what[160], tip[240];
        ov_econ_sens_text(r->sens[i].what, DA, what, sizeof what);
        ov_svg_text(&s, "", OV_SVG_END, L - 6, yy + ROW * 0.7, what);
        if (!isfinite(v))
            continue;
        double xv = ov_svg_map(sx, v);
        snprintf(tip, sizeof tip, "%s: %s kr. pr. borger", what, t_kr(v).s);
        ov_svg_rect(&s, v >= 0 ? "bpos" : "bneg", fmin(x0, xv), yy + 3,
                    fabs(xv - x0), ROW - 6, tip);
    }
    ov_svg_line(&s, "zero", x0, T - 4, x0, ybot);
    char lab[64];
    snprintf(lab, sizeof lab, "Som beregnet: %s", t_kr(base).s);
    ov_svg_vref(&s, "base", sx, base, T - 4, ybot, NULL);
    ov_svg_text(&s, "", OV_SVG_MIDDLE, (L + W - R) / 2, H - 8,
                "Kr. pr. borger, i alt for alle betalere");
    ov_svg_key(&s, L, 14, OV_SVG_KEY_LINE, "base", lab);
    ov_svg_end(&s, "Grøn: gevinst; rød: udgift. Den stiplede linje er "
                   "beregningen, som den er.");
}

/* The same figures as a table, per payer (readable on a phone, and
 * without the chart). */
static void sens_table(ov_buf *b, const ov_econ_result *r)
{
    lit(b, "<div class=\"wide\"><table>\n<thead><tr><th>Variation</th>"
           "<th>Kommune</th><th>Stat</th><th>Region</th><th>I alt</th>"
           "</tr></thead>\n<tbody>\n");
    ov_html_bprintf(b,
                    "<tr><td>Beregningen, som den er</td><td>%h</td>"
                    "<td>%h</td><td>%h</td><td>%h</td></tr>\n",
                    t_kr(r->per_citizen[OV_PAYER_KOMMUNE]).s,
                    t_kr(r->per_citizen[OV_PAYER_STAT]).s,
                    t_kr(r->per_citizen[OV_PAYER_REGION]).s,
                    t_kr(r->per_citizen[OV_PAYER_N]).s);
    for (int i = 0; i < r->nsens && i < OV_ECON_MAX_SENS; i++) {
        char what[160];
        ov_econ_sens_text(r->sens[i].what, DA, what, sizeof what);
        const double *v = r->sens[i].per_citizen;
        ov_html_bprintf(b,
                        "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                        "<td>%h</td></tr>\n",
                        what, t_kr(v[OV_PAYER_KOMMUNE]).s,
                        t_kr(v[OV_PAYER_STAT]).s,
                        t_kr(v[OV_PAYER_REGION]).s, t_kr(v[OV_PAYER_N]).s);
    }
    lit(b, "</tbody>\n</table></div>\n<p class=\"note\">Kr. pr. borger, "
           "diskonteret.</p>\n");
}

static void sec_charts(ov_buf *b, const ov_econ_result *r)
{
    lit(b, "<section id=\"aar\">\n<h2>Nettoresultat pr. år og betaler</h2>"
           "\n");
    svg_years(b, r);
    lit(b, "</section>\n<section id=\"kumuleret\">\n<h2>Kumuleret "
           "resultat og break-even</h2>\n");
    svg_cumulative(b, r);
    lit(b, "</section>\n<section id=\"foelsomhed\">\n<h2>Følsomhed</h2>\n");
    if (r->nsens > 0) {
        svg_sensitivity(b, r);
        sens_table(b, r);
    } else
        lit(b, "<p>Ingen følsomhedsberegning.</p>\n");
    lit(b, "</section>\n");
}

/* ---- tables ---------------------------------------------------------- */

static void sec_years(ov_buf *b, const ov_econ_result *r)
{
    lit(b, "<section id=\"tabel\">\n<h2>År for år</h2>\n<p>Alle borgere, "
           "kr. Omkostning er indsatsens udgift; konsekvens er ændringen i "
           "offentlige udgifter og indtægter (negativ: en besparelse eller "
           "en indtægt); netto = −(omkostning + konsekvens).</p>\n"
           "<div class=\"wide\"><table>\n<thead><tr><th>År</th>"
           "<th>Omkostning</th><th>Konsekvens</th><th>Netto kommune</th>"
           "<th>Netto stat</th><th>Netto region</th><th>Netto i alt</th>"
           "<th>Diskonteret i alt</th><th>Kumuleret i alt</th></tr></thead>"
           "\n<tbody>\n");
    for (int y = 0; y < r->horizon && y < OV_ECON_MAX_YEARS; y++) {
        const ov_econ_year *e = &r->years[y];
        double cost = 0, cons = 0;
        for (int k = 0; k < OV_PAYER_N; k++) {
            cost += e->cost[k];
            cons += e->consequence[k];
        }
        ov_html_bprintf(b,
                        "<tr><td>%d</td><td>%h</td><td>%h</td><td>%h</td>"
                        "<td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                        "<td>%h</td></tr>\n",
                        e->year, t_kr(cost).s, t_kr(cons).s,
                        t_kr(e->net[OV_PAYER_KOMMUNE]).s,
                        t_kr(e->net[OV_PAYER_STAT]).s,
                        t_kr(e->net[OV_PAYER_REGION]).s,
                        t_kr(e->net[OV_PAYER_N]).s,
                        t_kr(e->net_discounted[OV_PAYER_N]).s,
                        t_kr(e->cumulative[OV_PAYER_N]).s);
    }
    lit(b, "</tbody>\n</table></div>\n</section>\n");
}

static void sec_inputs(ov_buf *b, const ov_econ_scenario *s,
                       const ov_econ_report_extra *x)
{
    ov_econ_input *rows = malloc(sizeof *rows * OV_ECON_MAX_INPUTS);
    if (!rows) {
        b->failed = true;
        return;
    }
    int n = ov_econ_inputs(s, x, DA, rows, OV_ECON_MAX_INPUTS);
    int count[8] = {0};
    for (int i = 0; i < n; i++)
        if ((unsigned)rows[i].v.origin < 8)
            count[rows[i].v.origin]++;
    lit(b, "<section id=\"forudsaetninger\">\n<h2>Forudsætninger</h2>\n");
    ov_html_bprintf(b,
                    "<p>Hvad beregningen bygger på, og hvor det kommer fra: "
                    "<strong>%d målt</strong> (kommunens egen evaluering "
                    "eller registrerede aktivitet), %d antaget (indtastet "
                    "i scenariet), %d rekonstrueret (løst ud fra et "
                    "offentliggjort resultat), %d fra priskataloget, %d "
                    "afledt af andre tal%h.</p>\n",
                    count[OV_ECON_MEASURED], count[OV_ECON_ENTERED],
                    count[OV_ECON_RECONSTRUCTED], count[OV_ECON_CATALOGUE],
                    count[OV_ECON_DERIVED],
                    count[OV_ECON_MISSING] ? "; nogle mangler" : "");
    lit(b, "<div class=\"wide\"><table>\n<thead><tr><th>Forudsætning</th>"
           "<th>Værdi</th><th>Enhed</th><th>Oprindelse</th>"
           "<th>Kilde eller note</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < n; i++) {
        const ov_econ_input *in = &rows[i];
        txt v = t_value(in->v.v);
        if (isfinite(in->se)) {
            txt w;
            snprintf(w.s, sizeof w.s, "%s (SE %s)", v.s, t_dec(in->se, 4).s);
            v = w;
        }
        ov_html_bprintf(b, "<tr><td class=\"txt\">%h<br><code class=\"note\">"
                           "%h</code></td><td>%h</td><td class=\"txt\">%h"
                           "</td><td class=\"txt o-%h\">%h</td>"
                           "<td class=\"src\">%h</td></tr>\n",
                        in->label, in->path, v.s, in->unit ? in->unit : "",
                        ov_econ_origin_key(in->v.origin)
                            ? ov_econ_origin_key(in->v.origin)
                            : "missing",
                        ov_econ_origin_word(in->v.origin, DA),
                        in->v.note ? ov_econ_text(in->v.note,
                                                  OV_ECON_LANG_DA)
                                   : "");
    }
    lit(b, "</tbody>\n</table></div>\n</section>\n");
    free(rows);
}

static void sec_activity(ov_buf *b, const ov_econ_report_extra *x)
{
    if (!x || !x->has_activity)
        return;
    const ov_activity_summary *a = &x->activity;
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_dk(a->from, f);
    ov_date_format_dk(a->to, t);
    lit(b, "<section id=\"aktivitet\">\n<h2>Registreret aktivitet</h2>\n");
    ov_html_bprintf(b,
                    "<p>Kommune %d registrerede i perioden %h til %h "
                    "aktivitet for <strong>%h aktive forløb</strong>. "
                    "Prissat med scenariets timepriser og minutter giver "
                    "det en driftsomkostning på <strong>%h kr. pr. "
                    "borger</strong> i perioden.",
                    x->municipality_code, f, t, t_int(a->citizens).s,
                    t_kr(x->running_activity.v).s);
    if (x->activity_used)
        lit(b, " Scenariet angav ingen driftsomkostning, så beregningen "
               "bruger den målte.</p>\n");
    else
        ov_html_bprintf(b,
                        " Scenariet angav %h kr. pr. borger; beregningen "
                        "bruger den indtastede, og den målte står ved "
                        "siden af.</p>\n",
                        t_kr(x->running_entered.v).s);
    lit(b, "<div class=\"wide\"><table>\n<thead><tr><th>Aktivitet</th>"
           "<th>Antal</th><th>Jobcenter</th><th>Socialfaglig</th>"
           "<th>CTI</th><th>Virksomhedskonsulent</th><th>Registrerede "
           "minutter</th></tr></thead>\n<tbody>\n");
    for (int k = 0; k < OV_ACT_N; k++)
        ov_html_bprintf(b,
                        "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                        "<td>%h</td><td>%h</td><td>%h</td></tr>\n",
                        ov_econ_act_kind_word((ov_act_kind)k, DA),
                        t_int(a->events[k]).s,
                        t_int(a->staff[k][OV_ACT_ROLE_JOB]).s,
                        t_int(a->staff[k][OV_ACT_ROLE_SOCIAL]).s,
                        t_int(a->staff[k][OV_ACT_ROLE_CTI]).s,
                        t_int(a->staff[k][OV_ACT_ROLE_COMPANY]).s,
                        k == OV_ACT_CTI_CONTACT
                            ? t_int(a->recorded_minutes[k]).s
                            : DASH);
    lit(b, "</tbody>\n</table></div>\n<p class=\"note\">Medarbejderkolonnerne "
           "tæller medarbejdere pr. hændelse (et møde med tre fagpersoner "
           "tæller tre). En uge i praktik eller job er en ISO-uge med "
           "mindst én dag i perioden.</p>\n</section>\n");
}

static void sec_evaluation(ov_buf *b, const ov_econ_report_extra *x)
{
    if (!x || !x->evaluation)
        return;
    const ov_econ_evaluation *ev = x->evaluation;
    lit(b, "<section id=\"evaluering\">\n<h2>Målt effekt</h2>\n");
    ov_html_bprintf(b,
                    "<p>Effekterne er målt i kommunens egen evaluering "
                    "(%h deltagere, %h matchede kontrolpersoner%h): den "
                    "gennemsnitlige effekt for deltagerne (ATT) på antal "
                    "måneder i hver tilstand, omregnet til andele af "
                    "året.</p>\n",
                    t_int(ev->n_treated).s, t_int(ev->n_control).s,
                    ev->bootstrap > 0 ? ", med bootstrap" : "");
    lit(b, "<div class=\"wide\"><table>\n<thead><tr><th>Udfald</th>"
           "<th>Tilstand</th><th>Måneder</th><th>ATT (måneder)</th>"
           "<th>Standardfejl</th></tr></thead>\n<tbody>\n");
    int ignored = 0;
    for (int i = 0; i < ev->noutcomes && i < OV_ECON_MAX_OUTCOMES; i++) {
        const ov_econ_measured *m = &ev->outcome[i];
        if (!m->used) {
            ignored++;
            continue;
        }
        char months[32];
        snprintf(months, sizeof months, "%d–%d", m->from, m->to);
        ov_html_bprintf(b,
                        "<tr><td><code>%h</code></td><td>%h</td><td>%h</td>"
                        "<td>%h</td><td>%h</td></tr>\n",
                        m->spec, ov_econ_state_word(m->state, DA), months,
                        t_dec(m->att, 3).s, t_dec(m->se, 3).s);
    }
    lit(b, "</tbody>\n</table></div>\n");
    if (ignored)
        ov_html_bprintf(b,
                        "<p class=\"note\">%d udfald tæller ikke måneder i "
                        "én tilstand og indgår ikke.</p>\n",
                        ignored);
    lit(b, "</section>\n");
}

static void sec_method(ov_buf *b, const ov_econ_scenario *s)
{
    lit(b, "<footer id=\"metode\">\n<h2>Metode</h2>\n<ul>\n"
           "<li>Rammen er Socialstyrelsens SØM: omkostninger, effekter som "
           "ændrede andele af borgerne i hver tilstand, og priserne pr. "
           "personår i hver tilstand for hver betaler (kommune, stat, "
           "region).</li>\n"
           "<li>Konsekvens pr. år og betaler = antal borgere × summen over "
           "tilstande af (ændret andel × pris). Netto = −(omkostning + "
           "konsekvens); positiv er en gevinst for de offentlige "
           "kasser.</li>\n");
    ov_html_bprintf(b,
                    "<li>Diskontering: år 1 er nutid; år t ganges med (1 + "
                    "r)<sup>−(t−1)</sup>, r = %h pr. år.</li>\n",
                    t_dec(s->discount_rate.v, 4).s);
    lit(b, "<li>Break-even-året er det første år, hvor det kumulerede "
           "resultat for alle betalere er mindst 0 og forbliver det til "
           "horisonten.</li>\n"
           "<li>Følsomhed: nettoresultatet pr. borger, når effekten skaleres "
           "eller én pris eller driftsomkostningen ændres ±20 %, én ad "
           "gangen.</li>\n"
           "<li>Målte effekter har et 95 %-interval fra evalueringens "
           "standardfejl. Månederne i én evaluering er målt på de samme "
           "personer, så fejlene lægges sammen, som var de fuldt "
           "korrelerede: et forsigtigt interval.</li>\n"
           "<li>Priskataloget har en offentlig kilde for hvert tal; hvor "
           "ingen er ved hånden, er tallet tomt, og beregningen siger, "
           "hvilken forudsætning der mangler.</li>\n</ul>\n</footer>\n");
}

ov_status ov_econ_report_html(const ov_econ_scenario *s,
                              const ov_econ_result *r,
                              const ov_econ_report_extra *x, ov_buf *out,
                              ov_err *err)
{
    if (!s || !r || !out)
        return ov_err_set(err, OV_EINVAL, NULL,
                          "economics.html: no scenario, result or output "
                          "buffer was given (a bug in the caller)");
    if (r->horizon < 1 || r->horizon > OV_ECON_MAX_YEARS ||
        r->nsens < 0 || r->nsens > OV_ECON_MAX_SENS)
        return ov_err_set(err, OV_EINVAL, NULL,
                          "economics.html: the result is incomplete "
                          "(horizon %d); compute it first",
                          r->horizon);
    if (out->failed)
        return ov_err_set(err, OV_ETOOBIG, NULL,
                          "economics.html: the output buffer is already "
                          "full; start with an empty buffer");
    doc_head(out);
    sec_intro(out, s, r, x);
    sec_charts(out, r);
    sec_years(out, r);
    sec_inputs(out, s, x);
    sec_activity(out, x);
    sec_evaluation(out, x);
    sec_method(out, s);
    lit(out, "</main>\n</body>\n</html>\n");
    if (out->failed)
        return ov_err_set(err, OV_ETOOBIG, NULL,
                          "economics.html does not fit in the output "
                          "buffer of %zu bytes; raise its cap",
                          out->max);
    return OV_OK;
}
