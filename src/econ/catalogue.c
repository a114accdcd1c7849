/*
 * catalogue.c - the price catalogue: every figure overgang ships for the
 * business case, with its unit, its year and the public source it was
 * read from (docs/economics.md lists them and how the derived prices
 * follow from them).
 *
 * Rule: a figure is here only with a named public source that states it
 * (publisher, title, year, address). A figure the calculation could use
 * but for which no such source was at hand has the value NaN and a note
 * saying that it must be entered; the calculation then names the input
 * as missing when it is needed. Never a number without a source.
 *
 * The derived prices (the public purse's expense per person-year of cash
 * benefit, and of ordinary employment at a wage) are computed here from
 * the figures, so their formula lives next to the figures they use.
 */
#include "econ/econ.h"
#include "econ/text.h"

#include <math.h>
#include <string.h>

#define SRC_FM_DISCOUNT                                                   \
    "Finansministeriet: Dokumentationsnotat - den samfundsøkonomiske "    \
    "diskonteringsrente, 7. januar 2021 (3,5 pct. i år 0-35); listed on " \
    "https://fm.dk/arbejdsomraader/regnemetoder-og-regnemodeller/"        \
    "vejledning-om-samfundsoekonomiske-konsekvensvurderinger/"
#define SRC_FM_DISCOUNT_DA                                                \
    "Finansministeriet: Dokumentationsnotat - den samfundsøkonomiske "    \
    "diskonteringsrente, 7. januar 2021 (3,5 pct. i år 0-35); findes på " \
    "https://fm.dk/arbejdsomraader/regnemetoder-og-regnemodeller/"        \
    "vejledning-om-samfundsoekonomiske-konsekvensvurderinger/"
#define SRC_NONE "none: no public source at hand"
#define SRC_NONE_DA "ingen: der var ingen offentlig kilde ved hånden"
#define SRC_BM_KONTANTHJAELP                                              \
    "Beskæftigelsesministeriet: Satser for 2021, Kontanthjælp (lov om "   \
    "aktiv socialpolitik § 25, stk. 2, nr. 2: fyldt 30 år, andre), 2021, " \
    "https://bm.dk/satser/satser-for-2021/kontanthjaelp/"
#define SRC_STAR_REFUSION                                                 \
    "Styrelsen for Arbejdsmarked og Rekruttering: Kommunaløkonomiske "    \
    "konsekvenser ved refusionsreformen (refusionstrappen efter lov om "  \
    "kommunernes finansiering af visse offentlige ydelser), "             \
    "https://star.dk/viden-og-tal/noegletal-om-reformer-paa-"             \
    "beskaeftigelsesomraadet/noegletal-for-refusionsreformen/"            \
    "kommunaloekonomiske-konsekvenser/"
#define SRC_SKAT_2021                                                     \
    "Skattestyrelsen: Skattesatser, skatteprocenter og beløbsgrænser, "   \
    "indkomståret 2021, https://skat.dk/data.aspx?oid=2035568"
#define SRC_SKM_KOMMUNESKAT_2020                                          \
    "Skatteministeriet: Kommuneskatteprocenter og grundskyldspromiller - " \
    "Top 20 - 2020 (Brøndby 24,3 pct.), 25. november 2019, "              \
    "https://skm.dk/tal-og-metode/satser/statistik-i-kommunerne/"         \
    "kommuneskatteprocenter-og-grundskyldspromiller-top-20-2020"
#define SRC_BM_FOERTIDSPENSION_2020                                       \
    "Beskæftigelsesministeriet: Satser for 2020, Førtidspension (lov om " \
    "social pension § 49, stk. 1, nr. 9: enlige), 2020, "                 \
    "https://bm.dk/satser/satser-for-2020/foertidspension/"

static const ov_econ_figure figures[] = {
    {"discount_rate", 0.035, "andel pr. år", 2021, SRC_FM_DISCOUNT,
     "the Ministry of Finance's real discount rate for the years 0-35 of "
     "public business cases; the default of every scenario",
     "Finansministeriets reale diskonteringsrente for år 0-35 i "
     "offentlige business cases; bruges i alle scenarier, der ikke angiver "
     "en anden",
     SRC_FM_DISCOUNT_DA},
    {"cash_benefit_month", 11698, "kr./måned", 2021, SRC_BM_KONTANTHJAELP,
     "cash benefit of a person over 30 who does not provide for children "
     "(the rate table was read as quoted from bm.dk's page by "
     "aktivsocialraadgiver.dk; jcenter.dk's table of ATP contributions "
     "for 2021 gives the same 11.698 kr.); the benefit state's price",
     "Kontanthjælp til en person over 30 år uden forsørgerpligt "
     "(satstabellen er læst, som aktivsocialraadgiver.dk citerer bm.dk's "
     "side; jcenter.dk's tabel over ATP-bidrag for 2021 giver de samme "
     "11.698 kr.); grundlaget for prisen på kontanthjælp",
     NULL},
    {"refusion_weeks_1_4", 0.80, "andel", 2016, SRC_STAR_REFUSION,
     "the state's refusion of the benefit in the first 4 weeks on public "
     "support",
     "Statens refusion af ydelsen i de første 4 uger på offentlig "
     "forsørgelse",
     NULL},
    {"refusion_weeks_5_26", 0.40, "andel", 2016, SRC_STAR_REFUSION,
     "the state's refusion in weeks 5-26",
     "Statens refusion i uge 5-26", NULL},
    {"refusion_weeks_27_52", 0.30, "andel", 2016, SRC_STAR_REFUSION,
     "the state's refusion in weeks 27-52",
     "Statens refusion i uge 27-52", NULL},
    {"refusion_after_52_weeks", 0.20, "andel", 2016, SRC_STAR_REFUSION,
     "the state's refusion after 52 weeks; the target group has been on "
     "benefit for years, so the benefit's payer split uses this step",
     "Statens refusion efter 52 uger; målgruppen har været på ydelse i "
     "årevis, så fordelingen af kontanthjælpen mellem kommune og stat "
     "bruger dette trin",
     NULL},
    {"am_contribution", 0.08, "andel", 2021, SRC_SKAT_2021,
     "arbejdsmarkedsbidrag on wages, the state's",
     "Arbejdsmarkedsbidrag af lønnen; det går til staten", NULL},
    {"bottom_tax_rate", 0.1209, "andel", 2021, SRC_SKAT_2021,
     "bundskat, the state's: 12,09 % in skat.dk's table for 2021; pages "
     "written early in 2021 give 12,11 %, the rate before the state "
     "lowered the bottom tax to offset the municipalities' tax increases "
     "of 2021 (Social- og Indenrigsministeriet's press release, as "
     "ekstrabladet.dk reported it in October 2020)",
     "Bundskat, som går til staten: 12,09 % i skat.dk's tabel for 2021. "
     "Sider skrevet tidligt i 2021 angiver 12,11 %, satsen før staten "
     "sænkede bundskatten for at modsvare kommunernes skattestigninger i "
     "2021 (Social- og Indenrigsministeriets pressemeddelelse, som "
     "ekstrabladet.dk omtalte den i oktober 2020)",
     NULL},
    {"personal_allowance", 46700, "kr./år", 2021, SRC_SKAT_2021,
     "personfradrag, a person aged 18 or over",
     "Personfradrag for en person på 18 år eller derover", NULL},
    {"municipal_tax_rate", 0.243, "andel", 2020, SRC_SKM_KOMMUNESKAT_2020,
     "Brøndby's kommuneskat (a pilot municipality) as the example rate; "
     "no national average was at hand: a municipality enters its own "
     "udskrivningsprocent",
     "Brøndbys kommuneskat (en pilotkommune) som eksempel; der var intet "
     "landsgennemsnit ved hånden, så en kommune indtaster sin egen "
     "udskrivningsprocent",
     NULL},
    {"disability_pension_month", 19092, "kr./måned", 2020,
     SRC_BM_FOERTIDSPENSION_2020,
     "førtidspension of a single person; its payer split (refusion) is "
     "not in the catalogue, so the state's price must be entered",
     "Førtidspension til en enlig; fordelingen mellem kommune og stat "
     "(refusionen) er ikke i priskataloget, så priserne for førtidspension "
     "skal indtastes",
     NULL},
    {"wage_month", NAN, "kr./måned", 0,
     SRC_NONE,
     "the wage of the jobs the citizens get; must be entered (it gives "
     "the tax that ordinary employment brings)",
     "Lønnen i de job, borgerne får; skal indtastes (den giver den skat, "
     "som ordinært arbejde bringer)",
     SRC_NONE_DA},
    {"social_support_year", NAN, "kr./personår", 0,
     SRC_NONE,
     "socialpædagogisk støtte (SEL § 85) per person-year; must be entered "
     "(Socialstyrelsen's SØM knowledge base holds prices for it)",
     "Socialpædagogisk støtte (SEL § 85) pr. personår; skal indtastes "
     "(Socialstyrelsens vidensdatabase i SØM har priser på den)",
     SRC_NONE_DA},
    {"resource_course_benefit_month", NAN, "kr./måned", 0,
     SRC_NONE,
     "ressourceforløbsydelse; must be entered",
     "Ressourceforløbsydelse pr. måned; skal indtastes", SRC_NONE_DA},
    {"staff_hour_rate", NAN, "kr./time", 0, SRC_NONE,
     "the hour rate of a caseworker, CTI worker or company consultant "
     "(salary with overhead); must be entered for the running cost from "
     "registered activity",
     "Timeprisen for en sagsbehandler, CTI-medarbejder eller "
     "virksomhedskonsulent (løn med overhead); skal indtastes for at "
     "beregne driftsomkostningen ud fra den registrerede aktivitet",
     SRC_NONE_DA},
};

const ov_econ_figure *ov_econ_catalogue(size_t *n)
{
    *n = sizeof figures / sizeof figures[0];
    return figures;
}

const ov_econ_figure *ov_econ_catalogue_find(const char *key)
{
    for (size_t i = 0; key && i < sizeof figures / sizeof figures[0]; i++)
        if (strcmp(figures[i].key, key) == 0)
            return &figures[i];
    return NULL;
}

static double fig(const char *key)
{
    const ov_econ_figure *f = ov_econ_catalogue_find(key);
    return f ? f->value : (double)NAN;
}

/* Tax on a year's income after AM contribution, above the personal
 * allowance: the kommune's share (kommuneskat) and the state's (bottom
 * tax). Deductions (beskæftigelsesfradrag, jobfradrag), church tax and
 * top tax are left out (docs/economics.md says so). */
static void income_tax(double income, double out[2])
{
    double base = income - fig("personal_allowance");
    if (base < 0)
        base = 0;
    out[0] = fig("municipal_tax_rate") * base;
    out[1] = fig("bottom_tax_rate") * base;
}

void ov_econ_price_benefit(double refusion, ov_econ_value out[OV_PAYER_N])
{
    const char *note = ov_econ_en(OV_ETXT_benefit_derived);
    double b = 12 * fig("cash_benefit_month"), tax[2];
    income_tax(b, tax);
    if (!isfinite(refusion) || refusion < 0 || refusion > 1)
        refusion = NAN;
    out[OV_PAYER_KOMMUNE] =
        (ov_econ_value){(1 - refusion) * b - tax[0], OV_ECON_DERIVED, note};
    out[OV_PAYER_STAT] =
        (ov_econ_value){refusion * b - tax[1], OV_ECON_DERIVED, note};
    out[OV_PAYER_REGION] = (ov_econ_value){
        0, OV_ECON_DERIVED, ov_econ_en(OV_ETXT_benefit_region)};
    for (int p = 0; p < OV_PAYER_N; p++)
        if (!isfinite(out[p].v))
            out[p] = (ov_econ_value){NAN, OV_ECON_MISSING, note};
}

void ov_econ_price_ordinary(double wage_month, ov_econ_value out[OV_PAYER_N])
{
    const char *note = ov_econ_en(OV_ETXT_ordinary_derived);
    double w = 12 * wage_month, tax[2];
    double am = fig("am_contribution") * w;
    income_tax(w - am, tax);
    out[OV_PAYER_KOMMUNE] = (ov_econ_value){-tax[0], OV_ECON_DERIVED, note};
    out[OV_PAYER_STAT] =
        (ov_econ_value){-(am + tax[1]), OV_ECON_DERIVED, note};
    out[OV_PAYER_REGION] = (ov_econ_value){
        0, OV_ECON_DERIVED, ov_econ_en(OV_ETXT_ordinary_region)};
    for (int p = 0; p < OV_PAYER_N; p++)
        if (!isfinite(out[p].v) || !isfinite(wage_month) || wage_month < 0)
            out[p] = (ov_econ_value){NAN, OV_ECON_MISSING,
                                     ov_econ_en(OV_ETXT_ordinary_missing)};
}
