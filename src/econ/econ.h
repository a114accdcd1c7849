/*
 * econ.h - the budget-economic business case of the intervention, for
 * kommune, stat and region, per year, as Socialstyrelsen's SØM frames it
 * (issue 15, DOMAIN.md "Economics").
 *
 * This header is the specification; econ.c implements it. It is pure C:
 * no I/O, no store, no clock (evaldir.c, beside it, reads an evaluation's
 * result.json; catalogue.c holds the price catalogue; presets.c the
 * published scenarios).
 *
 * The calculation, for a scenario of N citizens over years 1..H:
 *
 *   cost[y][p]        = intervention cost in year y paid by payer p:
 *                       the establishment cost (in year 1) and the running
 *                       cost per citizen (spread evenly over the first
 *                       `running_years` years), times the payer's share
 *                       `cost_share[p]` (default: kommune pays all).
 *   consequence[y][p] = N * sum over states s of
 *                           effect[y][s] * price[s][p]
 *                       where effect[y][s] is the change in the share of
 *                       the citizens in state s in year y (person-years
 *                       per citizen: +0.25 = three more months each) and
 *                       price[s][p] the public expenditure of payer p per
 *                       person-year in state s (positive: an expense such
 *                       as cash benefit; negative: a revenue such as the
 *                       tax that employment brings).
 *   net[y][p]         = -(cost[y][p] + consequence[y][p])
 *                       positive = the public purse gains.
 *   discounted        = net[y][p] * (1 + r)^-(y-1): year 1 is the present
 *                       (r = the discount rate, default the Ministry of
 *                       Finance's, from the catalogue with its source).
 *   cumulative[y][p]  = sum of discounted net over years 1..y.
 *   per citizen       = the cumulative result at the horizon / N.
 *   break-even year   = the first year y whose cumulative total (all
 *                       payers) is >= 0 and stays >= 0 up to the horizon;
 *                       0 when there is none within the horizon.
 *
 * Sensitivity: the per-citizen net result (total and per payer) when the
 * effect is scaled by 0, 0.5, 0.75, 1.25, 1.5 and when each price in use
 * and the running cost vary by -20% and +20%, one at a time.
 *
 * Interval: when effects are measured with standard errors, the net result
 * is linear in the effects, so its standard error follows from theirs. The
 * months of one evaluation are estimated on the same persons and are not
 * independent, and result.json has no covariances, so the errors are added
 * as if perfectly correlated (sum of |weight| * se): a conservative 95%
 * interval (estimate +- 1.96 * se). With a pair bootstrap the bootstrap
 * interval of each outcome gives its se as (high - low) / (2 * 1.96).
 * econ.c documents the method it uses in `interval.method`.
 *
 * Inputs carry their origin, and the output says which inputs are
 * measured and which assumed. A missing input that the calculation needs
 * (a price of a state whose effect is not zero, the running cost, the
 * number of citizens) is an error naming the field; never a default that
 * is not in the catalogue with a source.
 *
 * Bad input (a negative count, a share outside -1..1, a horizon of 0 or
 * above OV_ECON_MAX_YEARS, a discount rate outside 0..0.2, a cost share
 * not summing to 1, an unknown state or payer) is an error naming the
 * field as a JSON path ("effect[2].benefit", "prices.benefit.kommune"),
 * with a message id of core/errmsg.h.
 */
#ifndef OV_ECON_ECON_H
#define OV_ECON_ECON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "model/activity.h"

#define OV_ECON_MAX_YEARS 30
#define OV_ECON_NAME_MAX 120  /* bytes of a scenario's name */
#define OV_ECON_TEXT_MAX 2000 /* bytes of its description */

typedef enum ov_payer {
    OV_PAYER_KOMMUNE = 0,
    OV_PAYER_STAT,
    OV_PAYER_REGION,
    OV_PAYER_N
} ov_payer;

/* "kommune", "stat", "region"; NULL for an unknown payer. */
const char *ov_payer_key(ov_payer p);
bool ov_payer_parse(const char *key, ov_payer *out);

/* The states a citizen can be in during a year. The keys are the status
 * codes of the register extract (docs/register-format.md), so a measured
 * effect maps onto them without translation, plus social_support, which
 * the register has no status for (it comes with any other state). */
typedef enum ov_econ_state {
    OV_ESTATE_ORDINARY = 0,     /* "ordinary": ordinary employment */
    OV_ESTATE_SUBSIDISED,       /* "subsidised": flex job, wage subsidy */
    OV_ESTATE_PLACEMENT,        /* "placement": company internship */
    OV_ESTATE_BENEFIT,          /* "benefit": cash benefit */
    OV_ESTATE_SOCIAL_SUPPORT,   /* "social_support": SEL § 85 support */
    OV_ESTATE_DISABILITY_PENSION, /* "disability_pension" */
    OV_ESTATE_RESOURCE_COURSE,  /* "resource_course": ressourceforløb */
    OV_ESTATE_EDUCATION,        /* "education" */
    OV_ESTATE_N
} ov_econ_state;

const char *ov_econ_state_key(ov_econ_state s);
bool ov_econ_state_parse(const char *key, ov_econ_state *out);

/* Where an input comes from. */
typedef enum ov_econ_origin {
    OV_ECON_MISSING = 0,   /* no value: needed ones are refused by name */
    OV_ECON_ENTERED,       /* typed into the scenario (assumed) */
    OV_ECON_CATALOGUE,     /* the price catalogue: source and year there */
    OV_ECON_RECONSTRUCTED, /* a preset's input solved from a published
                              result, not taken from the publication */
    OV_ECON_MEASURED,      /* the municipality's evaluation or activity */
    OV_ECON_DERIVED        /* computed from other inputs (tax from wage) */
} ov_econ_origin;

/* "missing", "entered", "catalogue", "reconstructed", "measured",
 * "derived". */
const char *ov_econ_origin_key(ov_econ_origin o);

typedef struct ov_econ_value {
    double v;              /* NaN when origin is OV_ECON_MISSING */
    ov_econ_origin origin;
    const char *note;      /* source or explanation (static or arena), or
                              NULL */
} ov_econ_value;

/* ---- The price catalogue (catalogue.c) --------------------------------
 * Every figure overgang ships, with its unit, year and the public source
 * it was taken from. A figure with no public source at hand has value NaN
 * and says so in `note`; a scenario that needs it must enter it. */
typedef struct ov_econ_figure {
    const char *key;    /* "cash_benefit_month", "discount_rate", ... */
    double value;       /* NaN: no public source at hand */
    const char *unit;   /* "kr./måned", "andel", ... */
    int year;           /* the year the figure is for */
    const char *source; /* publisher, title, year, address */
    const char *note;   /* how it is used, or why it is empty */
    /* ADDED: the note, and the source when it has English words in it
     * ("none: ..."), in Danish for the Danish report and page (NULL: the
     * source reads the same in both); ov_econ_text picks the form */
    const char *note_da;
    const char *source_da;
} ov_econ_figure;

const ov_econ_figure *ov_econ_catalogue(size_t *n);
const ov_econ_figure *ov_econ_catalogue_find(const char *key);

/* ---- Derived prices (catalogue.c) -- ADDED to the specification ------
 * The public purse's expense per person-year, by payer, derived from the
 * catalogue's figures (origin DERIVED, the formula in the note;
 * docs/economics.md):
 *  - cash benefit: 12 x cash_benefit_month; the state pays `refusion` of
 *    it (0.2 after 52 weeks on public support), the kommune the rest;
 *    less the kommune's and the state's income tax on it;
 *  - ordinary employment at a monthly wage (no catalogue figure: the
 *    scenario enters it): the tax it brings as revenue (negative): the
 *    kommune's municipal tax, the state's AM contribution and bottom tax.
 * A figure that is NaN gives a missing price. */
void ov_econ_price_benefit(double refusion, ov_econ_value out[OV_PAYER_N]);
void ov_econ_price_ordinary(double wage_month,
                            ov_econ_value out[OV_PAYER_N]);

/* ---- Prices of registered activity ---------------------------------- */
typedef struct ov_econ_activity_prices {
    ov_econ_value hour_rate[OV_ACT_ROLE_N];  /* kr. per hour, by role */
    ov_econ_value minutes[OV_ACT_N];         /* per event without
                                                recorded minutes */
} ov_econ_activity_prices;

/* ---- A scenario ------------------------------------------------------- */
typedef struct ov_econ_scenario {
    char name[OV_ECON_NAME_MAX + 1];
    char description[OV_ECON_TEXT_MAX + 1];
    int price_year;                     /* the prices' year (0 = unknown) */
    int horizon;                        /* years, 1..OV_ECON_MAX_YEARS */
    ov_econ_value citizens;             /* N >= 1 (may be fractional: no) */
    ov_econ_value discount_rate;        /* per year, 0..0.2 */
    ov_econ_value establishment;        /* kr. in all, year 1 */
    ov_econ_value establishment_per_citizen; /* when set: replaces
                                           establishment / citizens */
    ov_econ_value running_per_citizen;  /* kr. per citizen */
    int running_years;                  /* spread over years 1..k, k >= 1 */
    double cost_share[OV_PAYER_N];      /* sums to 1 */
    /* change in the share of citizens in each state, years 1..horizon
     * (index y - 1); origin MISSING or value 0 = no change */
    ov_econ_value effect[OV_ECON_MAX_YEARS][OV_ESTATE_N];
    /* standard error of each measured effect (NaN when not measured) */
    double effect_se[OV_ECON_MAX_YEARS][OV_ESTATE_N];
    /* public expenditure per person-year in each state, by payer */
    ov_econ_value price[OV_ESTATE_N][OV_PAYER_N];
    /* for the running cost derived from registered activity */
    ov_econ_activity_prices activity;
} ov_econ_scenario;

/* An empty scenario: horizon 0, every value missing, kommune pays all
 * costs, the discount rate from the catalogue. */
void ov_econ_scenario_init(ov_econ_scenario *s);

/* Parse the scenario format of docs/economics-format.md (UTF-8 JSON).
 * Strings the scenario keeps (notes) are copied into `a`. On error
 * nothing in *out is to be used and `err` names the field. */
ov_status ov_econ_scenario_parse(const char *json, size_t len, ov_arena *a,
                                 ov_econ_scenario *out, ov_err *err);

/* The scenario in the same format (parse(write(s)) == s). The caller
 * frees the returned string with free(). */
char *ov_econ_scenario_write(const ov_econ_scenario *s);

/* ---- The published scenarios (presets.c) ------------------------------
 * "rambøll-2021-A" .. "rambøll-2021-D" (also spelt "ramboll-2021-a" ..):
 * Rambøll (2021) Slutevaluering, figure 4 as Socialstyrelsen's knowledge
 * base reports it. A is cost without effect; B-D carry inputs
 * reconstructed from the published results (origin RECONSTRUCTED). */
typedef struct ov_econ_preset {
    const char *key;          /* "rambøll-2021-A" */
    const char *title;        /* Danish */
    double published[OV_PAYER_N + 1]; /* per citizen: kommune, stat,
                                         region, total (as published) */
    const char *title_en;     /* ADDED: the title in English */
} ov_econ_preset;

const ov_econ_preset *ov_econ_presets(size_t *n);
ov_status ov_econ_preset_load(const char *key, ov_econ_scenario *out,
                              ov_err *err);

/* ---- The result ------------------------------------------------------- */
typedef struct ov_econ_year {
    int year;                       /* 1..horizon */
    double discount_factor;         /* (1 + r)^-(year - 1) */
    double cost[OV_PAYER_N];        /* kr. in all, undiscounted */
    double consequence[OV_PAYER_N]; /* kr. in all, undiscounted */
    double net[OV_PAYER_N + 1];     /* undiscounted; [OV_PAYER_N] total */
    double net_discounted[OV_PAYER_N + 1];
    double cumulative[OV_PAYER_N + 1]; /* discounted, years 1..year */
} ov_econ_year;

typedef struct ov_econ_interval {
    bool present;                  /* only with measured effects */
    double low[OV_PAYER_N + 1];    /* per citizen, discounted, horizon */
    double high[OV_PAYER_N + 1];
    const char *method;            /* one English sentence */
} ov_econ_interval;

#define OV_ECON_MAX_SENS 64
typedef struct ov_econ_sens_row {
    char what[96];                 /* "effect x 0.5", "price benefit.kommune
                                      -20%", "running cost +20%" */
    double per_citizen[OV_PAYER_N + 1];
} ov_econ_sens_row;

typedef struct ov_econ_result {
    int horizon;
    double citizens;
    double cost_per_citizen;             /* establishment + running */
    ov_econ_year years[OV_ECON_MAX_YEARS];
    double per_citizen[OV_PAYER_N + 1];  /* cumulative at the horizon / N */
    double total[OV_PAYER_N + 1];        /* cumulative at the horizon */
    int break_even_year;                 /* total; 0 = none */
    int break_even_payer[OV_PAYER_N];    /* per payer; 0 = none */
    ov_econ_interval interval;
    ov_econ_sens_row sens[OV_ECON_MAX_SENS];
    int nsens;
} ov_econ_result;

/* Check the scenario and compute. Refuses (OV_EINVAL, the field named)
 * a scenario with a needed input missing or out of range. */
ov_status ov_econ_compute(const ov_econ_scenario *s, ov_econ_result *out,
                          ov_err *err);

/* The fields a computation would refuse as missing, as JSON paths, in a
 * fixed order; returns how many (at most cap are written). */
int ov_econ_missing(const ov_econ_scenario *s, const char **fields,
                    int cap);

/* The result as the `economics.json` of docs/economics-format.md:
 * per_citizen, total, years, break_even_year, break_even_by_payer,
 * interval, sensitivity, inputs (each with value and origin) and
 * measured / assumed (lists of input paths). Caller frees with free(). */
char *ov_econ_result_write(const ov_econ_scenario *s,
                           const ov_econ_result *r);

/* ---- From measured results (evaldir.c) --------------------------------
 * An `overgang evaluate` result folder: DIR/result.json. Outcomes whose
 * spec is `count:S:A-B` with one status S and months A..B in 1..12*H are
 * measured changes in months in state S; they become effects (share of
 * the year) of the years the months fall in, spread evenly over the
 * window, with their standard errors. Other outcomes are ignored and
 * listed. */
#define OV_ECON_MAX_OUTCOMES 256
typedef struct ov_econ_measured {
    char name[64];
    char spec[64];
    bool used;           /* became an effect */
    ov_econ_state state; /* when used */
    int from, to;        /* months, when used */
    double att, se;      /* se NaN when not computed */
    double boot_low, boot_high; /* NaN without a bootstrap */
} ov_econ_measured;

typedef struct ov_econ_evaluation {
    int n_treated, n_control;
    int bootstrap;       /* replicates, 0 = none */
    ov_econ_measured outcome[OV_ECON_MAX_OUTCOMES];
    int noutcomes;
} ov_econ_evaluation;

/* Read DIR/result.json; a folder without it, or a result.json that is not
 * an evaluation's, is an error naming the file. */
ov_status ov_econ_evaluation_read(const char *dir, ov_econ_evaluation *out,
                                  ov_err *err);

/* Replace the scenario's effects by the measured ones (origin MEASURED,
 * with effect_se); states the evaluation does not measure keep their
 * assumed effect. Fails when no outcome is usable, naming the spec the
 * evaluation needs (`--outcome months_benefit_1_12=count:benefit:1-12`). */
ov_status ov_econ_apply_evaluation(ov_econ_scenario *s,
                                   const ov_econ_evaluation *ev, ov_err *err);

/* ---- From registered activity ------------------------------------------
 * The running cost per citizen derived from the activity a municipality
 * registered in a period (model/activity.h, counted by the store), priced
 * by the hour rates per role and the minutes per kind of activity of the
 * scenario's `activity_prices` (entered; no catalogue default exists).
 * Writes the per-citizen cost (origin MEASURED) and, when a rate or a
 * minute figure is missing, fails naming it. */
ov_status ov_econ_running_from_activity(const ov_activity_summary *a,
                                        const ov_econ_activity_prices *p,
                                        ov_econ_value *per_citizen,
                                        ov_err *err);

/* ---- Texts for readers (text.c) -- ADDED ---------------------------
 * The notes the econ layer fills in (derived prices, the presets'
 * reconstructed inputs, measured values), the catalogue's notes and
 * sources, the presets' titles and descriptions and the interval's method
 * are English in the files (the scenario format and economics.json keep
 * them so) and have a Danish form for the Danish report and page.
 * ov_econ_text gives a known text (in either form) in `lang`, and any
 * other text (a note a user wrote) as it is; NULL gives NULL. The values
 * are web/msg.h's ov_lang's. */
typedef enum ov_econ_lang {
    OV_ECON_LANG_DA = 0,
    OV_ECON_LANG_EN = 1
} ov_econ_lang;

const char *ov_econ_text(const char *text, ov_econ_lang lang);

#endif
