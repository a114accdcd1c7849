/*
 * text.h - the texts the econ layer hands to readers, in English and
 * Danish: the notes of the values it fills in (derived prices, the
 * presets' reconstructed inputs, measured effects and running costs),
 * the presets' descriptions and the interval's method.
 *
 * Why here and not in web/msg.c: the report (src/report) shows them too
 * and may not include src/web, and the values carry them into the
 * scenario file. The files keep the English (it is the file format:
 * a scenario written and read again keeps its notes); what a reader sees
 * follows the reader's language through ov_econ_text (econ.h), which
 * finds a known text by either form, so a scenario saved or written to a
 * file still reads in Danish on a Danish page.
 *
 * Format: one X(id, english, danish) per text. The Danish is for a
 * municipal leader: plain words, no formulas with "x", Danish numbers
 * ("87.500 kr."), the fields named in words, not by their JSON keys.
 * Both forms must differ from every other text's (tests/econ/
 * test_econ_text.c checks that the lookup is unambiguous).
 *
 * The catalogue's notes and sources have their Danish in the catalogue
 * (ov_econ_figure.note_da, source_da), the presets' titles in the presets
 * (ov_econ_preset.title_en); ov_econ_text looks there too.
 */
#ifndef OV_ECON_TEXT_H
#define OV_ECON_TEXT_H

/* clang-format off */
#define OV_ECON_TEXTS(X) \
    /* catalogue.c: the derived prices */ \
    X(benefit_derived, \
      "derived: 12 x cash_benefit_month, the kommune pays (1 - refusion) " \
      "and the state refusion of it, less the tax the recipient pays on " \
      "it (municipal_tax_rate and bottom_tax_rate above the " \
      "personal_allowance)", \
      "Afledt: et års kontanthjælp (12 måneders sats). Staten betaler " \
      "refusionen, kommunen resten; fratrukket den skat, modtageren " \
      "betaler af ydelsen (kommuneskat og bundskat af det, der ligger " \
      "over personfradraget)") \
    X(benefit_region, \
      "derived: the regions pay no cash benefit", \
      "Afledt: regionerne betaler ikke kontanthjælp") \
    X(ordinary_derived, \
      "derived: the tax 12 x wage_month brings, as revenue (negative): " \
      "the kommune's municipal_tax_rate and the state's am_contribution " \
      "and bottom_tax_rate, above the personal_allowance", \
      "Afledt: skatten af et års løn (12 måneders løn) som en indtægt " \
      "(derfor negativ): kommunens kommuneskat og statens " \
      "arbejdsmarkedsbidrag og bundskat af det, der ligger over " \
      "personfradraget") \
    X(ordinary_region, \
      "derived: the regions levy no income tax", \
      "Afledt: regionerne opkræver ikke indkomstskat") \
    X(ordinary_missing, \
      "missing: enter wage_month (no public source in the catalogue)", \
      "Mangler: indtast månedslønnen (priskataloget har ingen offentlig " \
      "kilde til den)") \
    /* presets.c: the published scenarios */ \
    X(preset_costs, \
      "Rambøll (2021) Slutevaluering, as Socialstyrelsen's knowledge base " \
      "reports it: running cost 87,500 kr. per citizen", \
      "Rambøll (2021), Slutevaluering, som Socialstyrelsens vidensdatabase " \
      "gengiver den: driftsomkostning 87.500 kr. pr. borger") \
    X(preset_est_per_citizen, \
      "91,800 (published total per citizen) - 87,500 (published running " \
      "cost) = 4,300 kr.; the report's citizen count behind it is not " \
      "published (439,900 / 4,300 = 102.3), so the preset enters the " \
      "per-citizen figure", \
      "De offentliggjorte 91.800 kr. i alt pr. borger minus den " \
      "offentliggjorte driftsomkostning på 87.500 kr. giver 4.300 kr. " \
      "Antallet af borgere bag tallet er ikke offentliggjort (439.900 kr. " \
      "delt med 4.300 kr. giver 102,3 borgere), så scenariet angiver " \
      "beløbet pr. borger") \
    X(preset_est, \
      "Rambøll (2021): establishment cost 439,900 kr. on average; replaced " \
      "by establishment_per_citizen, as the count behind it is not " \
      "published", \
      "Rambøll (2021): etableringsomkostning på 439.900 kr. i gennemsnit; " \
      "erstattet af etableringsomkostningen pr. borger, fordi antallet af " \
      "borgere bag den ikke er offentliggjort") \
    X(preset_citizens, \
      "any number gives the same per-citizen result; the pilot's count " \
      "behind the published figures is not published", \
      "Ethvert antal giver samme resultat pr. borger; antallet af borgere " \
      "bag de offentliggjorte tal er ikke offentliggjort") \
    X(preset_effect, \
      "RECONSTRUCTED: the archetype's months in ordinary employment " \
      "instead of cash benefit, solved so that the published kommune and " \
      "stat results are reproduced; not taken from the report " \
      "(docs/economics.md, Presets)", \
      "Rekonstrueret: de måneder, borgeren i scenariet er i ordinært " \
      "arbejde i stedet for på kontanthjælp, er regnet baglæns, så " \
      "kommunens og statens offentliggjorte resultater genskabes; tallet " \
      "står ikke i rapporten") \
    X(preset_support, \
      "RECONSTRUCTED: the support comes with the months in employment; " \
      "its kommune price per person-year is solved so that the published " \
      "kommune result is reproduced; not taken from the report", \
      "Rekonstrueret: støtten følger med månederne i arbejde; kommunens " \
      "pris pr. personår er regnet baglæns, så kommunens offentliggjorte " \
      "resultat genskabes; tallet står ikke i rapporten") \
    X(preset_ordinary, \
      "derived from the catalogue's tax figures at an ASSUMED wage of " \
      "25,000 kr. a month (no public source; the reconstruction depends " \
      "on it): the kommune's municipal tax, the state's AM contribution " \
      "and bottom tax, above the personal allowance, as revenue", \
      "Afledt af priskatalogets skattesatser ved en ANTAGET løn på " \
      "25.000 kr. om måneden (ingen offentlig kilde; rekonstruktionen " \
      "afhænger af den): kommunens kommuneskat og statens " \
      "arbejdsmarkedsbidrag og bundskat af det, der ligger over " \
      "personfradraget, som indtægt") \
    X(preset_zero, \
      "the state and the regions do not pay social-pedagogical support " \
      "(SEL § 85 is the kommune's)", \
      "Staten og regionerne betaler ikke socialpædagogisk støtte (støtte " \
      "efter SEL § 85 er kommunens)") \
    X(preset_desc_a, \
      "rambøll-2021-A. Published per citizen: kommune -91800, stat 0 kr. " \
      "Costs only, no effect.", \
      "Rambøll 2021, scenarie A. Offentliggjort pr. borger: kommunen " \
      "−91.800 kr., staten 0 kr. Kun omkostninger, ingen effekt.") \
    X(preset_desc_b, \
      "rambøll-2021-B. Published per citizen: kommune -26600, stat 39200 " \
      "kr. The effect and the support are reconstructed from the " \
      "published result, not taken from the report.", \
      "Rambøll 2021, scenarie B. Offentliggjort pr. borger: kommunen " \
      "−26.600 kr., staten 39.200 kr. Effekten og støtten er regnet " \
      "baglæns fra det offentliggjorte resultat; de står ikke i " \
      "rapporten.") \
    X(preset_desc_c, \
      "rambøll-2021-C. Published per citizen: kommune 27400, stat 65400 " \
      "kr. The effect and the support are reconstructed from the " \
      "published result, not taken from the report.", \
      "Rambøll 2021, scenarie C. Offentliggjort pr. borger: kommunen " \
      "27.400 kr., staten 65.400 kr. Effekten og støtten er regnet " \
      "baglæns fra det offentliggjorte resultat; de står ikke i " \
      "rapporten.") \
    X(preset_desc_d, \
      "rambøll-2021-D. Published per citizen: kommune 59700, stat 78400 " \
      "kr. The effect and the support are reconstructed from the " \
      "published result, not taken from the report.", \
      "Rambøll 2021, scenarie D. Offentliggjort pr. borger: kommunen " \
      "59.700 kr., staten 78.400 kr. Effekten og støtten er regnet " \
      "baglæns fra det offentliggjorte resultat; de står ikke i " \
      "rapporten.") \
    /* activity_cost.c, evaldir.c: measured inputs */ \
    X(activity_measured, \
      "measured: the registered activity of the period (meetings, " \
      "follow-ups, CTI contacts, placement weeks, proposals) priced by " \
      "the scenario's activity_prices, per citizen with an active course", \
      "Målt: periodens registrerede aktivitet (møder, opfølgninger, " \
      "CTI-kontakter, uger i praktik eller job og matchforslag) prissat " \
      "med scenariets aktivitetspriser, pr. borger med et aktivt forløb") \
    X(effect_measured, \
      "measured: the ATT of an evaluation outcome count:STATE:A-B, spread " \
      "evenly over its months A..B (overgang evaluate, result.json)", \
      "Målt: effekten fra evalueringen (den gennemsnitlige ændring i " \
      "måneder i tilstanden for deltagerne), fordelt ligeligt over de " \
      "måneder, udfaldet tæller") \
    /* econ.c: the interval */ \
    X(interval_method, \
      "95% interval: the per-citizen result +- 1.96 standard errors; the " \
      "result is linear in the measured effects, whose standard errors " \
      "(the evaluation's HC1 errors, or (high - low) / (2 * 1.96) of its " \
      "pair bootstrap interval when it has one) are added as if perfectly " \
      "correlated (result.json has no covariances), so the interval is " \
      "conservative; costs and prices are taken as known", \
      "95 %-intervallet: resultatet pr. borger plus og minus 1,96 " \
      "standardfejl. Standardfejlene på de målte effekter (fra " \
      "evalueringen, eller fra dens bootstrap, når den har en) er lagt " \
      "sammen, som om de svinger helt i takt, så intervallet er hellere " \
      "for bredt end for smalt. Omkostninger og priser regnes for " \
      "kendte.")
/* clang-format on */

typedef enum ov_econ_text_id {
#define OV_ECON_TEXT_ENUM_(id, en, da) OV_ETXT_##id,
    OV_ECON_TEXTS(OV_ECON_TEXT_ENUM_)
#undef OV_ECON_TEXT_ENUM_
    OV_ETXT_COUNT
} ov_econ_text_id;

/* The English form of a text: what the econ layer puts into a value's
 * note (and so into the files). */
const char *ov_econ_en(ov_econ_text_id id);

#endif
