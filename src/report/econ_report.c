/*
 * econ_report.c - the business case's workbook sheets, its JSON and its
 * output folder (econ_report.h); economics.html is econ_html.c (a file
 * that writes HTML writes nothing else: scripts/check-source rule 6).
 *
 * The folder is written as `evaluate` writes its own (report/
 * evaluation.c): each file under a hidden temporary name in DIR, synced,
 * and renamed into place only when all three are complete; on a failure
 * the temporary files are removed, and so is DIR when this call made it.
 * A crash in between leaves at most hidden ".economics.*.tmp" files,
 * never a half-written economics.* file.
 */
#include "report/econ_report.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/path.h"

#define OUT_MAX ((size_t)64 << 20) /* a report is some hundred KiB */

/* ---- words in the reader's language --------------------------------- */

/* The Danish or the English of a pair. */
static const char *in_lang(ov_econ_lang l, const char *da, const char *en)
{
    return l == OV_ECON_LANG_EN ? en : da;
}

const char *ov_econ_state_word(ov_econ_state st, ov_econ_lang l)
{
    static const char *const w[OV_ESTATE_N][2] = {
        {"ordinær beskæftigelse", "ordinary employment"},
        {"støttet beskæftigelse (fleksjob, løntilskud)",
         "subsidised employment (flexi-job, wage subsidy)"},
        {"virksomhedspraktik", "company internship"},
        {"kontanthjælp", "cash benefit"},
        {"socialpædagogisk støtte (SEL § 85)",
         "social-pedagogical support (SEL § 85)"},
        {"førtidspension", "disability pension"},
        {"ressourceforløb", "resource course"},
        {"uddannelse", "education"},
    };
    return (unsigned)st < OV_ESTATE_N ? in_lang(l, w[st][0], w[st][1]) : "?";
}

const char *ov_econ_payer_word(ov_payer p, ov_econ_lang l)
{
    static const char *const w[OV_PAYER_N][2] = {
        {"kommune", "municipality"}, {"stat", "state"}, {"region", "region"}};
    return (unsigned)p < OV_PAYER_N ? in_lang(l, w[p][0], w[p][1]) : "?";
}

const char *ov_econ_origin_word(ov_econ_origin o, ov_econ_lang l)
{
    static const char *const w[][2] = {
        {"mangler", "missing"},         {"antaget", "entered"},
        {"katalog", "catalogue"},       {"rekonstrueret", "reconstructed"},
        {"målt", "measured"},           {"afledt", "derived"}};
    return (unsigned)o < sizeof w / sizeof w[0] ? in_lang(l, w[o][0], w[o][1])
                                                : "?";
}

const char *ov_econ_act_kind_word(ov_act_kind k, ov_econ_lang l)
{
    static const char *const w[OV_ACT_N][2] = {
        {"opstartsmøde", "start meeting"},
        {"opfølgningsmøde", "follow-up meeting"},
        {"CTI-kontakt", "CTI contact"},
        {"uge i virksomhedspraktik eller job",
         "week in a company internship or job"},
        {"matchforslag", "match proposal"}};
    return (unsigned)k < OV_ACT_N ? in_lang(l, w[k][0], w[k][1]) : "?";
}

const char *ov_econ_act_role_word(ov_act_role r, ov_econ_lang l)
{
    static const char *const w[OV_ACT_ROLE_N][2] = {
        {"jobcentersagsbehandler", "employment caseworker"},
        {"socialfaglig sagsbehandler", "social caseworker"},
        {"CTI-medarbejder", "CTI worker"},
        {"virksomhedskonsulent", "company consultant"}};
    return (unsigned)r < OV_ACT_ROLE_N ? in_lang(l, w[r][0], w[r][1]) : "?";
}

/* The English key of a payer or state for a path; "?" when unknown. */
static const char *pkey(ov_payer p)
{
    const char *k = ov_payer_key(p);
    return k ? k : "?";
}

static const char *skey(ov_econ_state st)
{
    const char *k = ov_econ_state_key(st);
    return k ? k : "?";
}

void ov_econ_report_extra_init(ov_econ_report_extra *x)
{
    memset(x, 0, sizeof *x);
    x->running_entered = (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
    x->running_activity = (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
}

/* ---- the inputs ------------------------------------------------------ */

typedef struct inputs {
    ov_econ_input *rows;
    int n, cap;
} inputs;

__attribute__((format(printf, 5, 6)))
static void add(inputs *in, ov_econ_value v, const char *unit, double se,
                const char *label_fmt, ...);

/* path and label: the path first, then the label's format */
static ov_econ_input *put(inputs *in, const char *path)
{
    if (in->n >= in->cap)
        return NULL;
    ov_econ_input *r = &in->rows[in->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->path, sizeof r->path, "%s", path);
    r->se = NAN;
    return r;
}

static void add(inputs *in, ov_econ_value v, const char *unit, double se,
                const char *label_fmt, ...)
{
    ov_econ_input *r = &in->rows[in->n - 1];
    va_list ap;
    va_start(ap, label_fmt);
    vsnprintf(r->label, sizeof r->label, label_fmt, ap);
    va_end(ap);
    r->v = v;
    r->unit = unit;
    r->se = se;
}

static bool set(ov_econ_value v)
{
    return v.origin != OV_ECON_MISSING && isfinite(v.v);
}

static ov_econ_value entered(double v)
{
    return (ov_econ_value){v, OV_ECON_ENTERED, NULL};
}

int ov_econ_inputs(const ov_econ_scenario *s, const ov_econ_report_extra *x,
                   ov_econ_lang l, ov_econ_input *rows, int cap)
{
    inputs in = {rows, 0, cap};
    char p[64];
    bool en = l == OV_ECON_LANG_EN;
    const char *kr = "kr.";
    const char *years = in_lang(l, "år", "years");
#define ROW(path_expr, ...)                                                 \
    do {                                                                    \
        if (put(&in, (path_expr)))                                          \
            add(&in, __VA_ARGS__);                                          \
    } while (0)
    ROW("citizens", s->citizens, in_lang(l, "borgere", "citizens"), NAN,
        "%s", in_lang(l, "Antal borgere", "Number of citizens"));
    ROW("horizon", entered(s->horizon), years, NAN, "%s",
        in_lang(l, "Tidshorisont", "Horizon"));
    ROW("discount_rate", s->discount_rate,
        in_lang(l, "andel pr. år", "share per year"), NAN, "%s",
        in_lang(l, "Diskonteringsrente", "Discount rate"));
    if (set(s->establishment_per_citizen))
        ROW("establishment_per_citizen", s->establishment_per_citizen, kr,
            NAN, "%s",
            in_lang(l, "Etableringsomkostning pr. borger",
                    "Establishment cost per citizen"));
    else
        ROW("establishment", s->establishment, kr, NAN, "%s",
            in_lang(l, "Etableringsomkostning i alt (år 1)",
                    "Establishment costs in all (year 1)"));
    ov_econ_value run = s->running_per_citizen;
    if (x && x->activity_used)
        run = x->running_entered;
    ROW("running_per_citizen", run, kr, NAN, "%s",
        in_lang(l, "Driftsomkostning pr. borger (indtastet)",
                "Running cost per citizen (entered)"));
    if (x && (x->has_activity || set(x->running_activity)))
        ROW("running_per_citizen_from_activity", x->running_activity, kr,
            NAN, "%s%s",
            in_lang(l, "Driftsomkostning pr. borger ud fra registreret "
                       "aktivitet",
                    "Running cost per citizen from registered activity"),
            !x->activity_used ? ""
            : en              ? " (used in the calculation)"
                              : " (brugt i beregningen)");
    ROW("running_years", entered(s->running_years), years, NAN, "%s",
        in_lang(l, "Driftsomkostningen fordelt over de første",
                "Running cost spread over the first"));
    for (int k = 0; k < OV_PAYER_N; k++) {
        snprintf(p, sizeof p, "cost_share.%s", pkey((ov_payer)k));
        ROW(p, entered(s->cost_share[k]), in_lang(l, "andel", "share"), NAN,
            "%s: %s",
            in_lang(l, "Andel af omkostningen", "Share of the cost"),
            ov_econ_payer_word((ov_payer)k, l));
    }
    bool needed[OV_ESTATE_N] = {false};
    for (int y = 0; y < s->horizon && y < OV_ECON_MAX_YEARS; y++)
        for (int st = 0; st < OV_ESTATE_N; st++) {
            ov_econ_value e = s->effect[y][st];
            if (!set(e) || e.v == 0)
                continue;
            needed[st] = true;
            /* the format's array: index 0 is year 1 */
            snprintf(p, sizeof p, "effect[%d].%s", y,
                     skey((ov_econ_state)st));
            ROW(p, e,
                in_lang(l, "andel af året pr. borger",
                        "share of the year per citizen"),
                s->effect_se[y][st], "%s %d: %s",
                in_lang(l, "Effekt år", "Effect year"), y + 1,
                ov_econ_state_word((ov_econ_state)st, l));
        }
    for (int st = 0; st < OV_ESTATE_N; st++)
        for (int k = 0; k < OV_PAYER_N; k++) {
            ov_econ_value v = s->price[st][k];
            if (!set(v) && !needed[st])
                continue;
            snprintf(p, sizeof p, "prices.%s.%s", skey((ov_econ_state)st),
                     pkey((ov_payer)k));
            ROW(p, v, in_lang(l, "kr. pr. personår", "kr. per person-year"),
                NAN, "%s: %s, %s", in_lang(l, "Pris", "Price"),
                ov_econ_state_word((ov_econ_state)st, l),
                ov_econ_payer_word((ov_payer)k, l));
        }
    bool all = x && x->has_activity;
    for (int r = 0; r < OV_ACT_ROLE_N; r++) {
        ov_econ_value v = s->activity.hour_rate[r];
        if (!set(v) && !all)
            continue;
        const char *k = ov_act_role_key((ov_act_role)r);
        snprintf(p, sizeof p, "activity_prices.hour_rate.%s", k ? k : "?");
        ROW(p, v, in_lang(l, "kr. pr. time", "kr. per hour"), NAN, "%s: %s",
            in_lang(l, "Timepris", "Hour rate"),
            ov_econ_act_role_word((ov_act_role)r, l));
    }
    for (int a = 0; a < OV_ACT_N; a++) {
        ov_econ_value v = s->activity.minutes[a];
        if (!set(v) && !all)
            continue;
        const char *k = ov_act_kind_key((ov_act_kind)a);
        snprintf(p, sizeof p, "activity_prices.minutes.%s", k ? k : "?");
        ROW(p, v, in_lang(l, "minutter", "minutes"), NAN, "%s %s",
            in_lang(l, "Minutter pr.", "Minutes per"),
            ov_econ_act_kind_word((ov_act_kind)a, l));
    }
#undef ROW
    return in.n;
}

/* ---- the workbook ---------------------------------------------------- */

static ov_cell num(double v, int decimals)
{
    return isfinite(v) ? ov_cell_number(v, decimals) : ov_cell_textc("");
}

/* The sheets' texts are chosen by language here, one pair per text, so a
 * Danish and an English workbook have the same rows and columns. */
#define T(da, en) in_lang(l, (da), (en))

static void result_sheet(ov_table *t, const ov_econ_scenario *s,
                         const ov_econ_result *r,
                         const ov_econ_report_extra *x, ov_econ_lang l,
                         ov_arena *a)
{
    const char *h[] = {"", T("Kommune", "Municipality"), T("Stat", "State"),
                       "Region", T("I alt", "Total")};
    ov_table_init(
        t, a, T("Resultat", "Result"),
        ov_arena_printf(a, "%s: %s",
                        T("Budgetøkonomisk business case",
                          "Budget-economic business case"),
                        s->name[0] ? ov_econ_text(s->name, l)
                                   : T("scenarie", "scenario")),
        5, h);
    ov_cell *row = ov_table_row(t);
    row[0] = ov_cell_textc(T("Nettoresultat pr. borger (kr., diskonteret)",
                             "Net result per citizen (kr., discounted)"));
    for (int k = 0; k <= OV_PAYER_N; k++)
        row[k + 1] = num(r->per_citizen[k], 0);
    row = ov_table_row(t);
    row[0] = ov_cell_textc(
        l == OV_ECON_LANG_EN
            ? ov_arena_printf(a, "Net result in all for %g citizens (kr.)",
                              r->citizens)
            : ov_arena_printf(a, "Nettoresultat i alt for %g borgere (kr.)",
                              r->citizens));
    for (int k = 0; k <= OV_PAYER_N; k++)
        row[k + 1] = num(r->total[k], 0);
    if (r->interval.present) {
        row = ov_table_row(t);
        row[0] = ov_cell_textc(T("95 %-interval pr. borger, nedre",
                                 "95% interval per citizen, lower"));
        for (int k = 0; k <= OV_PAYER_N; k++)
            row[k + 1] = num(r->interval.low[k], 0);
        row = ov_table_row(t);
        row[0] = ov_cell_textc(T("95 %-interval pr. borger, øvre",
                                 "95% interval per citizen, upper"));
        for (int k = 0; k <= OV_PAYER_N; k++)
            row[k + 1] = num(r->interval.high[k], 0);
    }
    if (x && x->preset) {
        row = ov_table_row(t);
        row[0] = ov_cell_textc(T("Offentliggjort pr. borger (Rambøll 2021)",
                                 "Published per citizen (Rambøll 2021)"));
        for (int k = 0; k <= OV_PAYER_N; k++)
            row[k + 1] = num(x->preset->published[k], 0);
    }
    row = ov_table_row(t);
    row[0] = ov_cell_textc(T("Break-even-år (0 = ikke inden for horisonten)",
                             "Break-even year (0 = not within the horizon)"));
    for (int k = 0; k < OV_PAYER_N; k++)
        row[k + 1] = ov_cell_number(r->break_even_payer[k], 0);
    row[OV_PAYER_N + 1] = ov_cell_number(r->break_even_year, 0);
    row = ov_table_row(t);
    row[0] = ov_cell_textc(
        T("Omkostning pr. borger (etablering og drift, kr.)",
          "Cost per citizen (establishment and running, kr.)"));
    row[OV_PAYER_N + 1] = num(r->cost_per_citizen, 0);
    const char *how =
        r->interval.present
            ? T("Intervallet: 95 % fra de målte effekters standardfejl, lagt "
                "sammen som fuldt korrelerede (forsigtigt); omkostninger og "
                "priser regnes for kendte.",
                "The interval: 95% from the measured effects' standard "
                "errors, added as fully correlated (cautious); costs and "
                "prices are taken as known.")
            : T("Uden målte effekter: intet interval.",
                "Without measured effects: no interval.");
    t->note = ov_arena_printf(a, "%s: %s. %s", T("Kilde", "Source"),
                              x && x->source ? x->source
                                             : T("scenariet", "the scenario"),
                              how);
}

static void inputs_sheet(ov_table *t, const ov_econ_scenario *s,
                         const ov_econ_report_extra *x, ov_econ_lang l,
                         ov_arena *a)
{
    const char *h[] = {T("Felt", "Field"),
                       T("Forudsætning", "Assumption"),
                       T("Værdi", "Value"),
                       T("Enhed", "Unit"),
                       T("Standardfejl", "Standard error"),
                       T("Oprindelse", "Origin"),
                       T("Kilde eller note", "Source or note")};
    ov_table_init(t, a, T("Forudsætninger", "Inputs"),
                  T("Forudsætninger: hvad der er målt, antaget, "
                    "rekonstrueret eller hentet fra priskataloget",
                    "Inputs: what is measured, entered, reconstructed or "
                    "taken from the price catalogue"),
                  7, h);
    ov_econ_input *rows = ov_arena_alloc(a, sizeof *rows * OV_ECON_MAX_INPUTS);
    int n = ov_econ_inputs(s, x, l, rows, OV_ECON_MAX_INPUTS);
    for (int i = 0; i < n; i++) {
        const ov_econ_input *in = &rows[i];
        ov_cell *row = ov_table_row(t);
        row[0] = ov_cell_textc(ov_arena_strdup(a, in->path));
        row[1] = ov_cell_textc(ov_arena_strdup(a, in->label));
        row[2] = num(in->v.v, fabs(in->v.v) < 10 ? 4 : 0);
        row[3] = ov_cell_textc(in->unit);
        row[4] = num(in->se, 4);
        row[5] = ov_cell_textc(ov_econ_origin_word(in->v.origin, l));
        row[6] = ov_cell_textc(in->v.note ? ov_econ_text(in->v.note, l) : "");
    }
}

static void years_sheet(ov_table *t, const ov_econ_result *r, ov_econ_lang l,
                        ov_arena *a)
{
    /* "Netto kommune", "Net municipality", ...: a group word and a payer */
    static const char *const group[5][2] = {
        {"Omkostning", "Cost"},
        {"Konsekvens", "Consequence"},
        {"Netto", "Net"},
        {"Netto diskonteret", "Net discounted"},
        {"Kumuleret", "Cumulative"}};
    static const int payers[5] = {OV_PAYER_N, OV_PAYER_N, OV_PAYER_N + 1,
                                  OV_PAYER_N + 1, OV_PAYER_N + 1};
    const char **h = ov_arena_alloc(a, sizeof *h * 20);
    int nh = 0;
    h[nh++] = T("År", "Year");
    h[nh++] = T("Diskonteringsfaktor", "Discount factor");
    for (int g = 0; g < 5; g++)
        for (int k = 0; k < payers[g]; k++)
            h[nh++] = ov_arena_printf(
                a, "%s %s", in_lang(l, group[g][0], group[g][1]),
                k == OV_PAYER_N ? T("i alt", "total")
                                : ov_econ_payer_word((ov_payer)k, l));
    ov_table_init(t, a, T("År", "Years"),
                  T("Pr. år og betaler, alle borgere (kr.); netto: positiv "
                    "= gevinst for de offentlige kasser; kumuleret er "
                    "diskonteret",
                    "Per year and payer, all citizens (kr.); net: positive "
                    "= a gain for the public purse; cumulative is "
                    "discounted"),
                  nh, h);
    for (int y = 0; y < r->horizon && y < OV_ECON_MAX_YEARS; y++) {
        const ov_econ_year *e = &r->years[y];
        ov_cell *row = ov_table_row(t);
        int c = 0;
        row[c++] = ov_cell_number(e->year, 0);
        row[c++] = num(e->discount_factor, 4);
        for (int k = 0; k < OV_PAYER_N; k++)
            row[c++] = num(e->cost[k], 0);
        for (int k = 0; k < OV_PAYER_N; k++)
            row[c++] = num(e->consequence[k], 0);
        for (int k = 0; k <= OV_PAYER_N; k++)
            row[c++] = num(e->net[k], 0);
        for (int k = 0; k <= OV_PAYER_N; k++)
            row[c++] = num(e->net_discounted[k], 0);
        for (int k = 0; k <= OV_PAYER_N; k++)
            row[c++] = num(e->cumulative[k], 0);
    }
}

static void sens_sheet(ov_table *t, const ov_econ_result *r, ov_econ_lang l,
                       ov_arena *a)
{
    const char *h[] = {T("Variation", "Variation"),
                       T("Kommune", "Municipality"), T("Stat", "State"),
                       "Region", T("I alt", "Total")};
    ov_table_init(t, a, T("Følsomhed", "Sensitivity"),
                  T("Nettoresultat pr. borger (kr., diskonteret), når én "
                    "forudsætning ændres ad gangen",
                    "Net result per citizen (kr., discounted) when one "
                    "input changes at a time"),
                  5, h);
    ov_cell *row = ov_table_row(t);
    row[0] = ov_cell_textc(T("Beregningen som den er", "The calculation as it is"));
    for (int k = 0; k <= OV_PAYER_N; k++)
        row[k + 1] = num(r->per_citizen[k], 0);
    for (int i = 0; i < r->nsens && i < OV_ECON_MAX_SENS; i++) {
        row = ov_table_row(t);
        char what[160];
        ov_econ_sens_text(r->sens[i].what, l, what, sizeof what);
        row[0] = ov_cell_textc(ov_arena_strdup(a, what));
        for (int k = 0; k <= OV_PAYER_N; k++)
            row[k + 1] = num(r->sens[i].per_citizen[k], 0);
    }
}

/* A unit of the price catalogue (catalogue.c writes them in Danish) in
 * the reader's language; a unit not listed here is shown as it is. */
static const char *unit_word(const char *unit, ov_econ_lang l)
{
    static const char *const w[][2] = {
        {"andel pr. år", "share per year"}, {"andel", "share"},
        {"kr./måned", "kr./month"},         {"kr./år", "kr./year"},
        {"kr./personår", "kr./person-year"}, {"kr./time", "kr./hour"}};
    if (!unit)
        return "";
    for (size_t i = 0; l == OV_ECON_LANG_EN && i < sizeof w / sizeof w[0];
         i++)
        if (strcmp(unit, w[i][0]) == 0)
            return w[i][1];
    return unit;
}

static void catalogue_sheet(ov_table *t, ov_econ_lang l, ov_arena *a)
{
    const char *h[] = {T("Nøgle", "Key"),   T("Værdi", "Value"),
                       T("Enhed", "Unit"),  T("År", "Year"),
                       T("Kilde", "Source"), "Note"};
    ov_table_init(t, a, T("Priskatalog", "Price catalogue"),
                  T("Priskataloget: hvert tal med sin offentlige kilde; "
                    "tomt = ingen offentlig kilde ved hånden (scenariet skal "
                    "angive tallet)",
                    "The price catalogue: every figure with its public "
                    "source; empty = no public source at hand (the scenario "
                    "must give the figure)"),
                  6, h);
    size_t n = 0;
    const ov_econ_figure *f = ov_econ_catalogue(&n);
    for (size_t i = 0; f && i < n; i++) {
        ov_cell *row = ov_table_row(t);
        row[0] = ov_cell_textc(f[i].key);
        row[1] = num(f[i].value, fabs(f[i].value) < 10 ? 4 : 0);
        row[2] = ov_cell_textc(unit_word(f[i].unit, l));
        row[3] = f[i].year > 0 ? ov_cell_number(f[i].year, 0)
                               : ov_cell_textc("");
        /* the catalogue's own Danish note and source for a Danish
         * workbook where it has them; its English (the file's) otherwise */
        const char *src = l == OV_ECON_LANG_DA && f[i].source_da
                              ? f[i].source_da
                              : f[i].source;
        const char *note = l == OV_ECON_LANG_DA && f[i].note_da ? f[i].note_da
                                                                : f[i].note;
        row[4] = ov_cell_textc(src ? src : "");
        row[5] = ov_cell_textc(note ? note : "");
    }
}

#undef T

void ov_econ_tables(const ov_econ_scenario *s, const ov_econ_result *r,
                    const ov_econ_report_extra *x, ov_econ_lang lang,
                    ov_arena *a, ov_table out[OV_ECON_SHEETS])
{
    result_sheet(&out[0], s, r, x, lang, a);
    inputs_sheet(&out[1], s, x, lang, a);
    years_sheet(&out[2], r, lang, a);
    sens_sheet(&out[3], r, lang, a);
    catalogue_sheet(&out[4], lang, a);
}

/* ---- the sensitivity rows in words ---------------------------------- */

/* "effect x 0.5" -> "Effekten gange 0,5" / "The effect times 0.5";
 * "price benefit.kommune -20%" -> "Prisen på kontanthjælp for kommune
 * -20 %" / "The price of cash benefit for municipality -20%"; "running
 * cost +20%" -> "Driftsomkostningen +20 %" / "The running cost +20%".
 * Anything else is kept as it is. */
void ov_econ_sens_text(const char *what, ov_econ_lang l, char *out,
                       size_t cap)
{
    if (cap == 0)
        return;
    char tail[64] = "";
    const char *rest = NULL;
    char head[128] = "";
    if (strncmp(what, "effect x ", 9) == 0) {
        /* in words, as the page says it: no "x" for times */
        snprintf(head, sizeof head, "%s",
                 in_lang(l, "Effekten gange ", "The effect times "));
        rest = what + 9;
    } else if (strncmp(what, "running cost", 12) == 0) {
        snprintf(head, sizeof head, "%s",
                 in_lang(l, "Driftsomkostningen", "The running cost"));
        rest = what + 12;
    } else if (strncmp(what, "price ", 6) == 0) {
        const char *k = what + 6, *dot = strchr(k, '.');
        const char *sp = dot ? strchr(dot, ' ') : NULL;
        ov_econ_state st;
        ov_payer py;
        char sk[48], pk[48];
        if (dot && sp && (size_t)(dot - k) < sizeof sk &&
            (size_t)(sp - dot - 1) < sizeof pk) {
            memcpy(sk, k, (size_t)(dot - k));
            sk[dot - k] = '\0';
            memcpy(pk, dot + 1, (size_t)(sp - dot - 1));
            pk[sp - dot - 1] = '\0';
            if (ov_econ_state_parse(sk, &st) && ov_payer_parse(pk, &py)) {
                snprintf(head, sizeof head, "%s %s %s %s",
                         in_lang(l, "Prisen på", "The price of"),
                         ov_econ_state_word(st, l), in_lang(l, "for", "for"),
                         ov_econ_payer_word(py, l));
                rest = sp;
            }
        }
    }
    if (!rest) {
        snprintf(out, cap, "%s", what);
        return;
    }
    if (l == OV_ECON_LANG_EN) { /* the rest as it is: "0.5", "-20%" */
        snprintf(out, cap, "%s%s", head, rest);
        return;
    }
    /* the rest: a decimal comma, a space before the per cent sign */
    size_t o = 0;
    for (const char *c = rest; *c && o + 4 < sizeof tail; c++) {
        if (*c == '.')
            tail[o++] = ',';
        else if (*c == '%') {
            tail[o++] = ' ';
            tail[o++] = '%';
        } else
            tail[o++] = *c;
    }
    tail[o] = '\0';
    snprintf(out, cap, "%s%s", head, tail);
}

/* ---- economics.json -------------------------------------------------- */

static json_t *jnum(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *value_json(ov_econ_value v)
{
    json_t *o = json_object();
    json_object_set_new(o, "value", jnum(v.v));
    json_object_set_new(o, "origin",
                        json_string(ov_econ_origin_key(v.origin)
                                        ? ov_econ_origin_key(v.origin)
                                        : "missing"));
    if (v.note)
        json_object_set_new(o, "note", json_string(v.note));
    return o;
}

static json_t *activity_json(const ov_econ_report_extra *x)
{
    const ov_activity_summary *a = &x->activity;
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(a->from, f);
    ov_date_format_iso(a->to, t);
    json_t *o = json_object();
    json_object_set_new(o, "municipality", json_integer(x->municipality_code));
    json_object_set_new(o, "from", json_string(f));
    json_object_set_new(o, "to", json_string(t));
    json_object_set_new(o, "citizens", json_integer(a->citizens));
    json_t *ev = json_object(), *staff = json_object();
    for (int k = 0; k < OV_ACT_N; k++) {
        const char *key = ov_act_kind_key((ov_act_kind)k);
        if (!key)
            continue;
        json_t *e = json_object();
        json_object_set_new(e, "count", json_integer(a->events[k]));
        if (k == OV_ACT_CTI_CONTACT)
            json_object_set_new(e, "recorded_minutes",
                                json_integer(a->recorded_minutes[k]));
        json_object_set_new(ev, key, e);
        json_t *s = json_object();
        for (int r = 0; r < OV_ACT_ROLE_N; r++) {
            const char *rk = ov_act_role_key((ov_act_role)r);
            if (rk && a->staff[k][r])
                json_object_set_new(s, rk, json_integer(a->staff[k][r]));
        }
        json_object_set_new(staff, key, s);
    }
    json_object_set_new(o, "events", ev);
    json_object_set_new(o, "staff", staff);
    json_object_set_new(o, "running_per_citizen",
                        value_json(x->running_activity));
    json_object_set_new(o, "used", json_boolean(x->activity_used));
    return o;
}

static json_t *evaluation_json(const ov_econ_report_extra *x)
{
    const ov_econ_evaluation *ev = x->evaluation;
    json_t *o = json_object();
    if (x->evaluation_dir)
        json_object_set_new(o, "folder", json_string(x->evaluation_dir));
    json_object_set_new(o, "n_treated", json_integer(ev->n_treated));
    json_object_set_new(o, "n_control", json_integer(ev->n_control));
    json_object_set_new(o, "bootstrap", json_integer(ev->bootstrap));
    json_t *used = json_array(), *ignored = json_array();
    for (int i = 0; i < ev->noutcomes && i < OV_ECON_MAX_OUTCOMES; i++) {
        const ov_econ_measured *m = &ev->outcome[i];
        json_t *j = json_object();
        json_object_set_new(j, "name", json_string(m->name));
        json_object_set_new(j, "spec", json_string(m->spec));
        if (m->used) {
            json_object_set_new(j, "state",
                                json_string(skey(m->state)));
            json_object_set_new(j, "from", json_integer(m->from));
            json_object_set_new(j, "to", json_integer(m->to));
            json_object_set_new(j, "att", jnum(m->att));
            json_object_set_new(j, "se", jnum(m->se));
            json_object_set_new(j, "bootstrap_low", jnum(m->boot_low));
            json_object_set_new(j, "bootstrap_high", jnum(m->boot_high));
        }
        json_array_append_new(m->used ? used : ignored, j);
    }
    json_object_set_new(o, "outcomes_used", used);
    json_object_set_new(o, "outcomes_ignored", ignored);
    return o;
}

char *ov_econ_report_json(const ov_econ_scenario *s, const ov_econ_result *r,
                          const ov_econ_report_extra *x)
{
    char *base = ov_econ_result_write(s, r);
    if (!base)
        return NULL;
    json_error_t je;
    json_t *root = json_loads(base, 0, &je);
    free(base);
    if (!json_is_object(root)) {
        json_decref(root);
        return NULL;
    }
    if (x && x->source)
        json_object_set_new(root, "source", json_string(x->source));
    if (x && x->preset) {
        json_t *p = json_object();
        for (int k = 0; k < OV_PAYER_N; k++)
            json_object_set_new(p, pkey((ov_payer)k),
                                jnum(x->preset->published[k]));
        json_object_set_new(p, "total", jnum(x->preset->published[OV_PAYER_N]));
        json_object_set_new(root, "published_per_citizen", p);
    }
    if (x && x->evaluation)
        json_object_set_new(root, "evaluation", evaluation_json(x));
    if (x && x->has_activity) {
        json_object_set_new(root, "activity", activity_json(x));
        json_t *in = json_object_get(root, "inputs");
        if (!json_is_object(in)) {
            in = json_object();
            json_object_set_new(root, "inputs", in);
        }
        /* beside the entered figure, which the calculation's own
         * "running_per_citizen" shows as used */
        json_object_set_new(in, "running_per_citizen_entered",
                            value_json(x->running_entered));
        json_object_set_new(in, "running_per_citizen_from_activity",
                            value_json(x->running_activity));
    }
    char *out = json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    json_decref(root);
    return out;
}

/* ---- the folder ------------------------------------------------------ */

static ov_status write_all(const char *path, const char *data, size_t len,
                           ov_err *err)
{
    int fd = ov_private_open(path, false);
    if (fd < 0)
        return ov_err_set(err, OV_EIO, "--out", "cannot create '%s': %s",
                          path, strerror(errno));
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            return ov_err_set(err, OV_EIO, "--out",
                              "writing '%s' failed: %s", path, strerror(e));
        }
        done += (size_t)w;
    }
    bool bad = fsync(fd) != 0;
    bad |= close(fd) != 0;
    if (bad)
        return ov_err_set(err, OV_EIO, "--out",
                          "writing '%s' failed (is the disk full?)", path);
    return OV_OK;
}

/* libxlsxwriter closes its file without a sync: sync it before renaming */
static ov_status sync_file(const char *path, ov_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool bad = fd < 0 || fsync(fd) != 0;
    if (fd >= 0)
        bad |= close(fd) != 0;
    if (bad)
        return ov_err_set(err, OV_EIO, "--out", "cannot sync '%s': %s", path,
                          strerror(errno));
    return OV_OK;
}

enum { F_JSON, F_XLSX, F_HTML, NFILES };
static const char *const file_names[NFILES] = {
    "economics.json", "economics.xlsx", "economics.html"};

ov_status ov_econ_report_write(const char *dir, const ov_econ_scenario *s,
                               const ov_econ_result *r,
                               const ov_econ_report_extra *x, ov_err *err)
{
    bool created = false;
    if (ov_mkdir_p(dir, &created) != 0)
        return ov_err_set(err, OV_EIO, "--out", "--out: cannot create '%s': %s",
                          dir, strerror(errno));
    char tmp[NFILES][4096], fin[NFILES][4096];
    for (int k = 0; k < NFILES; k++) {
        snprintf(tmp[k], sizeof tmp[k], "%s/.%s.tmp", dir, file_names[k]);
        snprintf(fin[k], sizeof fin[k], "%s/%s", dir, file_names[k]);
    }
    ov_status rc = OV_OK;
    int written = 0;
    ov_arena *a = ov_arena_new(0);
    for (int k = 0; k < NFILES && rc == OV_OK; k++) {
        written = k + 1;
        if (k == F_JSON) {
            char *j = ov_econ_report_json(s, r, x);
            if (!j)
                rc = ov_err_set(err, OV_EINTERNAL, "--out",
                                "economics.json could not be made from the "
                                "result (a bug)");
            else
                rc = write_all(tmp[k], j, strlen(j), err);
            free(j);
        } else if (k == F_XLSX) {
            ov_table t[OV_ECON_SHEETS];
            ov_econ_tables(s, r, x, OV_ECON_LANG_DA, a, t);
            rc = ov_xlsx_write(tmp[k], t, OV_ECON_SHEETS, err);
            if (rc == OV_OK)
                rc = sync_file(tmp[k], err);
        } else {
            ov_buf b;
            ov_buf_init(&b, a, OUT_MAX);
            rc = ov_econ_report_html(s, r, x, &b, err);
            if (rc == OV_OK)
                rc = write_all(tmp[k], b.data, b.len, err);
        }
    }
    ov_arena_destroy(a);
    if (rc == OV_OK)
        for (int k = 0; k < NFILES; k++)
            if (rename(tmp[k], fin[k]) != 0) {
                rc = ov_err_set(err, OV_EIO, "--out",
                                "cannot rename into '%s': %s", dir,
                                strerror(errno));
                /* the ones already renamed go too: all or nothing */
                for (int j = 0; j < k; j++)
                    unlink(fin[j]);
                break;
            }
    if (rc != OV_OK) {
        for (int k = 0; k < written; k++)
            unlink(tmp[k]);
        if (created)
            rmdir(dir);
    }
    return rc;
}
