/*
 * presets.c - the published scenarios: Rambøll (2021) Slutevaluering,
 * figure 4, as Socialstyrelsen's knowledge base reports it (DOMAIN.md,
 * "Economics"): four archetypes of citizens with increasing effect and
 * the net result per citizen for the kommune and the state.
 *
 * What is published and what is not: the costs (establishment 439,900
 * kr. on average, running 87,500 kr. per citizen, 91,800 kr. in all per
 * participating citizen) and the four results. The archetypes' inputs
 * are not published where we can read them, so:
 *  - A (cost, no effect) needs none: it reproduces -91,800 / 0 exactly.
 *    The 4,300 kr. of establishment per citizen is 91,800 - 87,500; the
 *    report's citizen count behind it is not published (439,900 / 4,300
 *    = 102.3), so A enters establishment_per_citizen, not a count.
 *  - B-D carry inputs RECONSTRUCTED from the published results: the
 *    months each citizen spends in ordinary employment instead of on cash
 *    benefit (spread evenly over a horizon of PRESET_YEARS years), and
 *    the kommune's price of the social-pedagogical support that comes
 *    with those months, solved so that the calculation gives the
 *    published kommune and stat results (within 100 kr.; the test
 *    checks it). The prices come from the catalogue (cash benefit with
 *    the refusion after 52 weeks, the taxes of a wage); the wage itself
 *    has no public source and is an assumption (WAGE_MONTH), which the
 *    reconstruction depends on. docs/economics.md shows the equations and
 *    the solved figures.
 */
#include "econ/econ.h"
#include "econ/text.h"

#include "core/err.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define PRESET_YEARS 3
#define PRESET_CITIZENS 100
#define WAGE_MONTH 25000.0
#define REFUSION 0.20

static const ov_econ_preset presets[] = {
    {"rambøll-2021-A", "Rambøll 2021, scenarie A: omkostning uden effekt",
     {-91800, 0, 0, -91800},
     "Rambøll 2021, scenario A: cost without effect"},
    {"rambøll-2021-B", "Rambøll 2021, scenarie B: lille effekt",
     {-26600, 39200, 0, 12600},
     "Rambøll 2021, scenario B: small effect"},
    {"rambøll-2021-C", "Rambøll 2021, scenarie C: mellem effekt",
     {27400, 65400, 0, 92800},
     "Rambøll 2021, scenario C: medium effect"},
    {"rambøll-2021-D", "Rambøll 2021, scenarie D: stor effekt",
     {59700, 78400, 0, 138100},
     "Rambøll 2021, scenario D: large effect"},
};
#define NPRESETS ((int)(sizeof presets / sizeof presets[0]))

/* The reconstructed inputs of B-D (docs/economics.md, "Presets"): months
 * of ordinary employment instead of cash benefit per citizen over the
 * horizon, and the kommune's price per person-year of the support that
 * comes with those months. */
static const struct {
    double months;
    double support_price;
} solved[NPRESETS] = {
    {0, 0},
    {7.108, 31370},
    {11.858, 20460},
    {14.215, 12940},
};

const ov_econ_preset *ov_econ_presets(size_t *n)
{
    *n = NPRESETS;
    return presets;
}

/* "rambøll-2021-A", "ramboll-2021-a", "RAMBØLL-2021-a": the letter and
 * the name's case and ø/o spelling are free. */
static int preset_index(const char *key)
{
    static const char *const prefixes[] = {"rambøll-2021-", "ramboll-2021-",
                                           "RAMBØLL-2021-", "Rambøll-2021-",
                                           "Ramboll-2021-", "RAMBOLL-2021-"};
    if (!key)
        return -1;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(key, prefixes[i], n) != 0 || strlen(key) != n + 1)
            continue;
        int c = toupper((unsigned char)key[n]);
        if (c >= 'A' && c < 'A' + NPRESETS)
            return c - 'A';
    }
    return -1;
}

/* Each preset's description (econ/text.h: English and Danish, like the
 * notes of its inputs). */
static const ov_econ_text_id desc[NPRESETS] = {
    OV_ETXT_preset_desc_a, OV_ETXT_preset_desc_b, OV_ETXT_preset_desc_c,
    OV_ETXT_preset_desc_d};

ov_status ov_econ_preset_load(const char *key, ov_econ_scenario *out,
                              ov_err *err)
{
    int i = preset_index(key);
    if (i < 0)
        return ov_err_msg(err, OV_EINVAL, "preset", econ_preset_unknown,
                          key ? key : "");
    ov_econ_scenario_init(out);
    snprintf(out->name, sizeof out->name, "%s", presets[i].title);
    snprintf(out->description, sizeof out->description, "%s",
             ov_econ_en(desc[i]));
    const char *note_citizens = ov_econ_en(OV_ETXT_preset_citizens);
    const char *note_est = ov_econ_en(OV_ETXT_preset_est);
    const char *note_est_pc = ov_econ_en(OV_ETXT_preset_est_per_citizen);
    const char *note_costs = ov_econ_en(OV_ETXT_preset_costs);
    const char *note_effect = ov_econ_en(OV_ETXT_preset_effect);
    const char *note_support = ov_econ_en(OV_ETXT_preset_support);
    const char *note_ordinary = ov_econ_en(OV_ETXT_preset_ordinary);
    const char *note_zero = ov_econ_en(OV_ETXT_preset_zero);
    out->price_year = 2021;
    out->horizon = i == 0 ? 1 : PRESET_YEARS;
    out->citizens =
        (ov_econ_value){PRESET_CITIZENS, OV_ECON_ENTERED, note_citizens};
    out->establishment = (ov_econ_value){439900, OV_ECON_ENTERED, note_est};
    out->establishment_per_citizen =
        (ov_econ_value){4300, OV_ECON_DERIVED, note_est_pc};
    out->running_per_citizen =
        (ov_econ_value){87500, OV_ECON_ENTERED, note_costs};
    out->running_years = 1;
    if (i == 0)
        return OV_OK;

    double share = solved[i].months / 12.0 / PRESET_YEARS;
    for (int y = 0; y < PRESET_YEARS; y++) {
        out->effect[y][OV_ESTATE_ORDINARY] =
            (ov_econ_value){share, OV_ECON_RECONSTRUCTED, note_effect};
        out->effect[y][OV_ESTATE_BENEFIT] =
            (ov_econ_value){-share, OV_ECON_RECONSTRUCTED, note_effect};
        out->effect[y][OV_ESTATE_SOCIAL_SUPPORT] =
            (ov_econ_value){share, OV_ECON_RECONSTRUCTED, note_support};
    }
    ov_econ_price_benefit(REFUSION, out->price[OV_ESTATE_BENEFIT]);
    ov_econ_price_ordinary(WAGE_MONTH, out->price[OV_ESTATE_ORDINARY]);
    for (int p = 0; p < OV_PAYER_N; p++)
        out->price[OV_ESTATE_ORDINARY][p].note = note_ordinary;
    out->price[OV_ESTATE_SOCIAL_SUPPORT][OV_PAYER_KOMMUNE] =
        (ov_econ_value){solved[i].support_price, OV_ECON_RECONSTRUCTED,
                        note_support};
    out->price[OV_ESTATE_SOCIAL_SUPPORT][OV_PAYER_STAT] =
        (ov_econ_value){0, OV_ECON_ENTERED, note_zero};
    out->price[OV_ESTATE_SOCIAL_SUPPORT][OV_PAYER_REGION] =
        (ov_econ_value){0, OV_ECON_ENTERED, note_zero};
    return OV_OK;
}
