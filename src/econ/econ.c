/*
 * econ.c - the budget-economic business case (econ/econ.h is the
 * specification, docs/economics-format.md the file formats,
 * docs/economics.md the method).
 *
 * Why one pure file: the CLI, the leaders' page and the tests compute the
 * same scenario the same way, so the calculation has no I/O, no store and
 * no clock; it reads a scenario (JSON or a struct a form filled in) and
 * writes a result.
 *
 * Checks: the parser and ov_econ_compute share one range check
 * (check_ranges), so a scenario built in C is held to the same rules as a
 * file; ov_econ_compute adds the check for missing inputs
 * (ov_econ_missing), so a scenario being edited can be saved incomplete.
 * Every refusal names its field as a JSON path ("effect[2].benefit",
 * "prices.benefit.kommune") with a message id of core/errmsg.h.
 */
#include "econ/econ.h"

#include "core/err.h"
#include "econ/text.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCENARIO_FORMAT "overgang.economics.scenario/1"
#define RESULT_FORMAT "overgang.economics.result/1"
#define SCENARIO_MAX_BYTES (1u << 20)

/* ---- keys ---------------------------------------------------------- */

static const char *const payer_keys[OV_PAYER_N] = {"kommune", "stat",
                                                   "region"};

static const char *const state_keys[OV_ESTATE_N] = {
    [OV_ESTATE_ORDINARY] = "ordinary",
    [OV_ESTATE_SUBSIDISED] = "subsidised",
    [OV_ESTATE_PLACEMENT] = "placement",
    [OV_ESTATE_BENEFIT] = "benefit",
    [OV_ESTATE_SOCIAL_SUPPORT] = "social_support",
    [OV_ESTATE_DISABILITY_PENSION] = "disability_pension",
    [OV_ESTATE_RESOURCE_COURSE] = "resource_course",
    [OV_ESTATE_EDUCATION] = "education",
};

static const char *const origin_keys[] = {
    [OV_ECON_MISSING] = "missing",
    [OV_ECON_ENTERED] = "entered",
    [OV_ECON_CATALOGUE] = "catalogue",
    [OV_ECON_RECONSTRUCTED] = "reconstructed",
    [OV_ECON_MEASURED] = "measured",
    [OV_ECON_DERIVED] = "derived",
};
#define ORIGIN_N ((int)(sizeof origin_keys / sizeof origin_keys[0]))

/* The JSON paths of the prices, static so ov_econ_missing can hand them
 * out without an arena. */
#define PP(s)                                                          \
    {"prices." s ".kommune", "prices." s ".stat", "prices." s ".region"}
static const char *const price_paths[OV_ESTATE_N][OV_PAYER_N] = {
    PP("ordinary"),       PP("subsidised"),         PP("placement"),
    PP("benefit"),        PP("social_support"),     PP("disability_pension"),
    PP("resource_course"), PP("education"),
};
#undef PP

const char *ov_payer_key(ov_payer p)
{
    return (unsigned)p < OV_PAYER_N ? payer_keys[p] : NULL;
}

bool ov_payer_parse(const char *key, ov_payer *out)
{
    for (int p = 0; key && p < OV_PAYER_N; p++)
        if (strcmp(key, payer_keys[p]) == 0) {
            *out = (ov_payer)p;
            return true;
        }
    return false;
}

const char *ov_econ_state_key(ov_econ_state s)
{
    return (unsigned)s < OV_ESTATE_N ? state_keys[s] : NULL;
}

bool ov_econ_state_parse(const char *key, ov_econ_state *out)
{
    for (int s = 0; key && s < OV_ESTATE_N; s++)
        if (strcmp(key, state_keys[s]) == 0) {
            *out = (ov_econ_state)s;
            return true;
        }
    return false;
}

const char *ov_econ_origin_key(ov_econ_origin o)
{
    return (int)o >= 0 && (int)o < ORIGIN_N ? origin_keys[o] : NULL;
}

static bool origin_parse(const char *key, ov_econ_origin *out)
{
    for (int o = 0; o < ORIGIN_N; o++)
        if (strcmp(key, origin_keys[o]) == 0) {
            *out = (ov_econ_origin)o;
            return true;
        }
    return false;
}

/* ---- the empty scenario ---------------------------------------------- */

static ov_econ_value missing(void)
{
    return (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
}

static bool has(ov_econ_value v)
{
    return v.origin != OV_ECON_MISSING && isfinite(v.v);
}

void ov_econ_scenario_init(ov_econ_scenario *s)
{
    memset(s, 0, sizeof *s);
    s->horizon = 0;
    s->citizens = missing();
    s->establishment = missing();
    s->establishment_per_citizen = missing();
    s->running_per_citizen = missing();
    s->running_years = 1;
    s->cost_share[OV_PAYER_KOMMUNE] = 1;
    for (int y = 0; y < OV_ECON_MAX_YEARS; y++)
        for (int k = 0; k < OV_ESTATE_N; k++) {
            s->effect[y][k] = missing();
            s->effect_se[y][k] = NAN;
        }
    for (int k = 0; k < OV_ESTATE_N; k++)
        for (int p = 0; p < OV_PAYER_N; p++)
            s->price[k][p] = missing();
    for (int r = 0; r < OV_ACT_ROLE_N; r++)
        s->activity.hour_rate[r] = missing();
    for (int k = 0; k < OV_ACT_N; k++)
        s->activity.minutes[k] = missing();
    const ov_econ_figure *f = ov_econ_catalogue_find("discount_rate");
    if (f && isfinite(f->value))
        s->discount_rate = (ov_econ_value){f->value, OV_ECON_CATALOGUE,
                                           f->source};
    else
        s->discount_rate = missing();
}

/* ---- checks ---------------------------------------------------------- */

static const char *fmtnum(char *buf, size_t cap, double v)
{
    snprintf(buf, cap, "%.10g", v);
    return buf;
}

static bool effect_used(const ov_econ_scenario *s, int k)
{
    int h = s->horizon < 1 ? 0 : s->horizon;
    for (int y = 0; y < h && y < OV_ECON_MAX_YEARS; y++)
        if (has(s->effect[y][k]) && s->effect[y][k].v != 0)
            return true;
    return false;
}

/* A value present in the struct must be finite (NaN only with origin
 * missing). */
static ov_status finite_or_missing(ov_econ_value v, const char *path,
                                   ov_err *err)
{
    if (v.origin != OV_ECON_MISSING && !isfinite(v.v))
        return ov_err_msg(err, OV_EINVAL, path, econ_not_finite, path);
    return OV_OK;
}

/* Amounts are bounded so that N x price x years stays far inside a
 * double's range and every result is finite. */
#define AMOUNT_MAX 1e12
#define CITIZENS_MAX 1e7

static ov_status check_amount(ov_econ_value v, const char *path, ov_err *err)
{
    char b[40];
    if (finite_or_missing(v, path, err) != OV_OK)
        return OV_EINVAL;
    if (has(v) && fabs(v.v) > AMOUNT_MAX)
        return ov_err_msg(err, OV_EINVAL, path, econ_amount_too_big, path,
                          fmtnum(b, sizeof b, v.v));
    return OV_OK;
}

static ov_status check_cost(ov_econ_value v, const char *path, ov_err *err)
{
    char b[40];
    if (check_amount(v, path, err) != OV_OK)
        return OV_EINVAL;
    if (has(v) && v.v < 0)
        return ov_err_msg(err, OV_EINVAL, path, econ_amount_negative, path,
                          fmtnum(b, sizeof b, v.v));
    return OV_OK;
}

static ov_status check_ranges(const ov_econ_scenario *s, ov_err *err)
{
    char b[40];
    if (s->horizon < 0 || s->horizon > OV_ECON_MAX_YEARS)
        return ov_err_msg(err, OV_EINVAL, "horizon", econ_horizon_range,
                          "horizon", s->horizon);
    if (s->price_year != 0 && (s->price_year < 2000 || s->price_year > 2100))
        return ov_err_msg(err, OV_EINVAL, "price_year",
                          econ_price_year_range, "price_year",
                          s->price_year);
    if (finite_or_missing(s->citizens, "citizens", err) != OV_OK)
        return OV_EINVAL;
    if (has(s->citizens) &&
        (s->citizens.v < 1 || s->citizens.v != floor(s->citizens.v)))
        return ov_err_msg(err, OV_EINVAL, "citizens", econ_citizens_range,
                          "citizens", fmtnum(b, sizeof b, s->citizens.v));
    if (has(s->citizens) && s->citizens.v > CITIZENS_MAX)
        return ov_err_msg(err, OV_EINVAL, "citizens", econ_amount_too_big,
                          "citizens", fmtnum(b, sizeof b, s->citizens.v));
    if (finite_or_missing(s->discount_rate, "discount_rate", err) != OV_OK)
        return OV_EINVAL;
    if (has(s->discount_rate) &&
        (s->discount_rate.v < 0 || s->discount_rate.v > 0.2))
        return ov_err_msg(err, OV_EINVAL, "discount_rate",
                          econ_discount_range, "discount_rate",
                          fmtnum(b, sizeof b, s->discount_rate.v));
    if (check_cost(s->establishment, "establishment", err) != OV_OK ||
        check_cost(s->establishment_per_citizen, "establishment_per_citizen",
                   err) != OV_OK ||
        check_cost(s->running_per_citizen, "running_per_citizen", err) !=
            OV_OK)
        return OV_EINVAL;
    int maxrun = s->horizon >= 1 ? s->horizon : OV_ECON_MAX_YEARS;
    if (s->running_years < 1 || s->running_years > maxrun)
        return ov_err_msg(err, OV_EINVAL, "running_years",
                          econ_running_years_range, "running_years", maxrun,
                          s->running_years);
    double sum = 0;
    for (int p = 0; p < OV_PAYER_N; p++) {
        char path[48];
        snprintf(path, sizeof path, "cost_share.%s", payer_keys[p]);
        double v = s->cost_share[p];
        if (!isfinite(v))
            return ov_err_msg(err, OV_EINVAL, path, econ_not_finite, path);
        if (v < 0 || v > 1)
            return ov_err_msg(err, OV_EINVAL, path, econ_cost_share_range,
                              path, fmtnum(b, sizeof b, v));
        sum += v;
    }
    if (fabs(sum - 1) > 1e-9)
        return ov_err_msg(err, OV_EINVAL, "cost_share", econ_cost_share_sum,
                          "cost_share", fmtnum(b, sizeof b, sum));
    for (int y = 0; y < OV_ECON_MAX_YEARS; y++)
        for (int k = 0; k < OV_ESTATE_N; k++) {
            char path[64];
            snprintf(path, sizeof path, "effect[%d].%s", y, state_keys[k]);
            ov_econ_value e = s->effect[y][k];
            if (finite_or_missing(e, path, err) != OV_OK)
                return OV_EINVAL;
            if (!has(e))
                continue;
            if (e.v < -1 || e.v > 1)
                return ov_err_msg(err, OV_EINVAL, path, econ_share_range,
                                  path, fmtnum(b, sizeof b, e.v));
            if (s->horizon >= 1 && y >= s->horizon && e.v != 0)
                return ov_err_msg(err, OV_EINVAL, path,
                                  econ_effect_beyond_horizon, path,
                                  s->horizon, y + 1);
            double se = s->effect_se[y][k];
            if (isfinite(se) && se < 0) {
                char sp[72];
                snprintf(sp, sizeof sp, "%s.se", path);
                return ov_err_msg(err, OV_EINVAL, sp, econ_se_negative, sp,
                                  fmtnum(b, sizeof b, se));
            }
        }
    for (int k = 0; k < OV_ESTATE_N; k++)
        for (int p = 0; p < OV_PAYER_N; p++)
            if (check_amount(s->price[k][p], price_paths[k][p], err) !=
                OV_OK)
                return OV_EINVAL;
    for (int r = 0; r < OV_ACT_ROLE_N; r++) {
        char path[64];
        snprintf(path, sizeof path, "activity_prices.hour_rate.%s",
                 ov_act_role_key((ov_act_role)r));
        if (check_cost(s->activity.hour_rate[r], path, err) != OV_OK)
            return OV_EINVAL;
    }
    for (int k = 0; k < OV_ACT_N; k++) {
        char path[64];
        snprintf(path, sizeof path, "activity_prices.minutes.%s",
                 ov_act_kind_key((ov_act_kind)k));
        if (check_cost(s->activity.minutes[k], path, err) != OV_OK)
            return OV_EINVAL;
    }
    return OV_OK;
}

int ov_econ_missing(const ov_econ_scenario *s, const char **fields, int cap)
{
    int n = 0;
#define NOTE(f)                    \
    do {                           \
        if (n < cap && fields)     \
            fields[n] = (f);       \
        n++;                       \
    } while (0)
    if (s->horizon < 1)
        NOTE("horizon");
    if (!has(s->citizens))
        NOTE("citizens");
    if (!has(s->discount_rate))
        NOTE("discount_rate");
    if (!has(s->establishment) && !has(s->establishment_per_citizen))
        NOTE("establishment");
    if (!has(s->running_per_citizen))
        NOTE("running_per_citizen");
    for (int k = 0; k < OV_ESTATE_N; k++)
        if (effect_used(s, k))
            for (int p = 0; p < OV_PAYER_N; p++)
                if (!has(s->price[k][p]))
                    NOTE(price_paths[k][p]);
#undef NOTE
    return n;
}

/* ---- the calculation -------------------------------------------------- */

/* What a sensitivity row changes: the effects scaled, one price or the
 * running cost multiplied. */
typedef struct mods {
    double effect_scale;
    int price_state, price_payer; /* -1: none */
    double price_mult;
    double running_mult;
} mods;

static const mods no_mods = {1, -1, -1, 1, 1};

static double est_per_citizen(const ov_econ_scenario *s)
{
    if (has(s->establishment_per_citizen))
        return s->establishment_per_citizen.v;
    return s->establishment.v / s->citizens.v;
}

static double price_of(const ov_econ_scenario *s, const mods *m, int k,
                       int p)
{
    if (!has(s->price[k][p]))
        return 0; /* only reached with a zero effect (checked) */
    double v = s->price[k][p].v;
    if (k == m->price_state && p == m->price_payer)
        v *= m->price_mult;
    return v;
}

static double effect_of(const ov_econ_scenario *s, const mods *m, int y,
                        int k)
{
    return has(s->effect[y][k]) ? s->effect[y][k].v * m->effect_scale : 0;
}

static void run(const ov_econ_scenario *s, const mods *m, ov_econ_year *ys,
                double per_citizen[OV_PAYER_N + 1])
{
    double n = s->citizens.v, r = s->discount_rate.v;
    double est = est_per_citizen(s);
    double running = s->running_per_citizen.v * m->running_mult;
    double cum[OV_PAYER_N + 1] = {0};
    for (int y = 0; y < s->horizon; y++) {
        ov_econ_year *Y = &ys[y];
        memset(Y, 0, sizeof *Y);
        Y->year = y + 1;
        Y->discount_factor = pow(1 + r, -(double)y);
        double cost_pc = (y == 0 ? est : 0) +
                         (y < s->running_years ? running / s->running_years
                                               : 0);
        for (int p = 0; p < OV_PAYER_N; p++) {
            double c = 0;
            for (int k = 0; k < OV_ESTATE_N; k++) {
                double e = effect_of(s, m, y, k);
                if (e != 0)
                    c += e * price_of(s, m, k, p);
            }
            Y->cost[p] = n * cost_pc * s->cost_share[p];
            Y->consequence[p] = n * c;
            Y->net[p] = -(Y->cost[p] + Y->consequence[p]);
            Y->net_discounted[p] = Y->net[p] * Y->discount_factor;
            Y->net[OV_PAYER_N] += Y->net[p];
            Y->net_discounted[OV_PAYER_N] += Y->net_discounted[p];
            cum[p] += Y->net_discounted[p];
            Y->cumulative[p] = cum[p];
        }
        cum[OV_PAYER_N] += Y->net_discounted[OV_PAYER_N];
        Y->cumulative[OV_PAYER_N] = cum[OV_PAYER_N];
    }
    for (int p = 0; p <= OV_PAYER_N; p++)
        per_citizen[p] = cum[p] / n;
}

/* The first year from which the cumulative result stays >= 0 up to the
 * horizon; 0 when there is none. A result within a thousandth of a krone
 * of zero counts as zero (the sum of discounted years is not exact). */
static int break_even(const ov_econ_year *ys, int h, int p)
{
    int first = 0;
    for (int y = 0; y < h; y++) {
        if (ys[y].cumulative[p] >= -1e-3) {
            if (!first)
                first = y + 1;
        } else
            first = 0;
    }
    return first;
}

static void add_sens(ov_econ_result *r, const ov_econ_scenario *s,
                     const mods *m, const char *what)
{
    if (r->nsens >= OV_ECON_MAX_SENS)
        return;
    ov_econ_sens_row *row = &r->sens[r->nsens++];
    snprintf(row->what, sizeof row->what, "%s", what);
    ov_econ_year ys[OV_ECON_MAX_YEARS];
    run(s, m, ys, row->per_citizen);
}

static void interval(const ov_econ_scenario *s, ov_econ_result *r)
{
    double se[OV_PAYER_N + 1] = {0};
    bool any = false;
    for (int y = 0; y < s->horizon; y++)
        for (int k = 0; k < OV_ESTATE_N; k++) {
            ov_econ_value e = s->effect[y][k];
            double sd = s->effect_se[y][k];
            if (e.origin != OV_ECON_MEASURED || !isfinite(sd))
                continue;
            any = true;
            double d = r->years[y].discount_factor, all = 0;
            for (int p = 0; p < OV_PAYER_N; p++) {
                double pr = has(s->price[k][p]) ? s->price[k][p].v : 0;
                se[p] += fabs(d * pr) * sd;
                all += pr;
            }
            se[OV_PAYER_N] += fabs(d * all) * sd;
        }
    r->interval.present = any;
    if (!any) {
        r->interval.method = NULL;
        for (int p = 0; p <= OV_PAYER_N; p++)
            r->interval.low[p] = r->interval.high[p] = NAN;
        return;
    }
    r->interval.method = ov_econ_en(OV_ETXT_interval_method);
    for (int p = 0; p <= OV_PAYER_N; p++) {
        r->interval.low[p] = r->per_citizen[p] - 1.96 * se[p];
        r->interval.high[p] = r->per_citizen[p] + 1.96 * se[p];
    }
}

ov_status ov_econ_compute(const ov_econ_scenario *s, ov_econ_result *out,
                          ov_err *err)
{
    memset(out, 0, sizeof *out);
    if (check_ranges(s, err) != OV_OK)
        return OV_EINVAL;
    const char *miss[1];
    if (ov_econ_missing(s, miss, 1) > 0)
        return ov_err_msg(err, OV_EINVAL, miss[0], econ_missing, miss[0]);
    out->horizon = s->horizon;
    out->citizens = s->citizens.v;
    out->cost_per_citizen = est_per_citizen(s) + s->running_per_citizen.v;
    run(s, &no_mods, out->years, out->per_citizen);
    for (int p = 0; p <= OV_PAYER_N; p++)
        out->total[p] = out->years[s->horizon - 1].cumulative[p];
    out->break_even_year = break_even(out->years, s->horizon, OV_PAYER_N);
    for (int p = 0; p < OV_PAYER_N; p++)
        out->break_even_payer[p] = break_even(out->years, s->horizon, p);
    interval(s, out);

    static const double scales[] = {0, 0.5, 0.75, 1.25, 1.5};
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        mods m = no_mods;
        m.effect_scale = scales[i];
        char what[40];
        snprintf(what, sizeof what, "effect x %g", scales[i]);
        add_sens(out, s, &m, what);
    }
    for (int k = 0; k < OV_ESTATE_N; k++) {
        if (!effect_used(s, k))
            continue;
        for (int p = 0; p < OV_PAYER_N; p++) {
            if (s->price[k][p].v == 0)
                continue;
            for (int sign = -1; sign <= 1; sign += 2) {
                mods m = no_mods;
                m.price_state = k;
                m.price_payer = p;
                m.price_mult = 1 + sign * 0.2;
                char what[96];
                snprintf(what, sizeof what, "price %s.%s %s20%%",
                         state_keys[k], payer_keys[p], sign < 0 ? "-" : "+");
                add_sens(out, s, &m, what);
            }
        }
    }
    for (int sign = -1; sign <= 1; sign += 2) {
        mods m = no_mods;
        m.running_mult = 1 + sign * 0.2;
        add_sens(out, s, &m, sign < 0 ? "running cost -20%"
                                      : "running cost +20%");
    }
    return OV_OK;
}

/* ---- the scenario format: parse -------------------------------------- */

typedef struct parser {
    ov_arena *a;
    ov_err *err;
} parser;

static ov_status type_err(parser *ps, const char *path, const char *what)
{
    return ov_err_msg(ps->err, OV_EINVAL, path, econ_field_type, path, what);
}

/* An empty key at the top has the empty path; it is named `""`, so the
 * refusal still points at something. */
static ov_status unknown_key(parser *ps, const char *path)
{
    if (!path[0])
        path = "\"\"";
    return ov_err_msg(ps->err, OV_EINVAL, path, econ_field_unknown, path);
}

static ov_status text(parser *ps, json_t *j, const char *path, size_t max,
                      char *out)
{
    if (!json_is_string(j))
        return type_err(ps, path, "a string");
    size_t n = json_string_length(j);
    if (n > max)
        return ov_err_msg(ps->err, OV_EINVAL, path, econ_text_too_long, path,
                          (int)max);
    memcpy(out, json_string_value(j), n);
    out[n] = '\0';
    return OV_OK;
}

/* A whole number; *out is clamped to +-1e6 so a range message can
 * show it. */
static ov_status integer(parser *ps, json_t *j, const char *path, int *out)
{
    if (!json_is_integer(j))
        return type_err(ps, path, "a whole number");
    json_int_t v = json_integer_value(j);
    *out = v < -1000000 ? -1000000 : v > 1000000 ? 1000000 : (int)v;
    return OV_OK;
}

/* A value: a number (entered), null (missing) or an object {"value",
 * "origin", "note"} (with "se" where allow_se). */
static ov_status value(parser *ps, json_t *j, const char *path,
                       ov_econ_value *out, double *se)
{
    char sub[OV_ERR_FIELD_MAX];
    if (json_is_null(j)) {
        *out = missing();
        return OV_OK;
    }
    if (json_is_number(j)) {
        *out = (ov_econ_value){json_number_value(j), OV_ECON_ENTERED, NULL};
        return OV_OK;
    }
    if (!json_is_object(j))
        return type_err(ps, path,
                        se ? "a number, null or an object {\"value\", "
                             "\"origin\", \"note\", \"se\"}"
                           : "a number, null or an object {\"value\", "
                             "\"origin\", \"note\"}");
    ov_econ_value v = missing();
    bool have_origin = false;
    const char *key;
    json_t *x;
    json_object_foreach(j, key, x)
    {
        snprintf(sub, sizeof sub, "%s.%s", path, key);
        if (strcmp(key, "value") == 0) {
            if (json_is_null(x))
                v.v = NAN;
            else if (json_is_number(x))
                v.v = json_number_value(x);
            else
                return type_err(ps, sub, "a number or null");
        } else if (strcmp(key, "origin") == 0) {
            if (!json_is_string(x))
                return type_err(ps, sub, "a string");
            if (!origin_parse(json_string_value(x), &v.origin))
                return ov_err_msg(ps->err, OV_EINVAL, sub,
                                  econ_origin_unknown, sub,
                                  json_string_value(x));
            have_origin = true;
        } else if (strcmp(key, "note") == 0) {
            if (json_is_null(x))
                continue;
            char buf[OV_ECON_TEXT_MAX + 1];
            if (text(ps, x, sub, OV_ECON_TEXT_MAX, buf) != OV_OK)
                return OV_EINVAL;
            v.note = ov_arena_strdup(ps->a, buf);
        } else if (se && strcmp(key, "se") == 0) {
            if (json_is_null(x))
                *se = NAN;
            else if (json_is_number(x))
                *se = json_number_value(x);
            else
                return type_err(ps, sub, "a number or null");
        } else
            return unknown_key(ps, sub);
    }
    if (isnan(v.v))
        v.origin = OV_ECON_MISSING;
    else if (!have_origin || v.origin == OV_ECON_MISSING)
        v.origin = OV_ECON_ENTERED;
    *out = v;
    return OV_OK;
}

static ov_status parse_cost_share(parser *ps, json_t *j, ov_econ_scenario *s)
{
    if (!json_is_object(j))
        return type_err(ps, "cost_share",
                        "an object {\"kommune\", \"stat\", \"region\"}");
    for (int p = 0; p < OV_PAYER_N; p++)
        s->cost_share[p] = 0;
    const char *key;
    json_t *x;
    json_object_foreach(j, key, x)
    {
        char path[64];
        snprintf(path, sizeof path, "cost_share.%.40s", key);
        ov_payer p;
        if (!ov_payer_parse(key, &p))
            return unknown_key(ps, path);
        if (!json_is_number(x))
            return type_err(ps, path, "a number");
        s->cost_share[p] = json_number_value(x);
    }
    return OV_OK;
}

static ov_status parse_effects(parser *ps, json_t *j, ov_econ_scenario *s)
{
    if (!json_is_array(j))
        return type_err(ps, "effect",
                        "an array with one object per year (index 0 is "
                        "year 1)");
    size_t n = json_array_size(j);
    if (n > OV_ECON_MAX_YEARS) {
        char path[32];
        snprintf(path, sizeof path, "effect[%d]", OV_ECON_MAX_YEARS);
        return ov_err_msg(ps->err, OV_EINVAL, path,
                          econ_effect_beyond_horizon, path,
                          OV_ECON_MAX_YEARS, OV_ECON_MAX_YEARS + 1);
    }
    for (size_t y = 0; y < n; y++) {
        json_t *yo = json_array_get(j, y);
        char path[64];
        snprintf(path, sizeof path, "effect[%zu]", y);
        if (!json_is_object(yo))
            return type_err(ps, path, "an object of states and changes in "
                                      "share");
        const char *key;
        json_t *x;
        json_object_foreach(yo, key, x)
        {
            char sub[OV_ERR_FIELD_MAX];
            snprintf(sub, sizeof sub, "effect[%zu].%.40s", y, key);
            ov_econ_state k;
            if (!ov_econ_state_parse(key, &k))
                return unknown_key(ps, sub);
            double se = NAN;
            if (value(ps, x, sub, &s->effect[y][k], &se) != OV_OK)
                return OV_EINVAL;
            s->effect_se[y][k] = se;
        }
    }
    return OV_OK;
}

static ov_status parse_prices(parser *ps, json_t *j, ov_econ_scenario *s)
{
    if (!json_is_object(j))
        return type_err(ps, "prices", "an object of states");
    const char *key;
    json_t *x;
    json_object_foreach(j, key, x)
    {
        char path[64];
        snprintf(path, sizeof path, "prices.%.40s", key);
        ov_econ_state k;
        if (!ov_econ_state_parse(key, &k))
            return unknown_key(ps, path);
        if (!json_is_object(x))
            return type_err(ps, path,
                            "an object {\"kommune\", \"stat\", \"region\"}");
        const char *pk;
        json_t *v;
        json_object_foreach(x, pk, v)
        {
            char sub[OV_ERR_FIELD_MAX];
            snprintf(sub, sizeof sub, "%s.%.20s", path, pk);
            ov_payer p;
            if (!ov_payer_parse(pk, &p))
                return unknown_key(ps, sub);
            if (value(ps, v, sub, &s->price[k][p], NULL) != OV_OK)
                return OV_EINVAL;
        }
    }
    return OV_OK;
}

static ov_status parse_activity(parser *ps, json_t *j, ov_econ_scenario *s)
{
    if (!json_is_object(j))
        return type_err(ps, "activity_prices",
                        "an object {\"hour_rate\", \"minutes\"}");
    const char *key;
    json_t *x;
    json_object_foreach(j, key, x)
    {
        char path[64];
        snprintf(path, sizeof path, "activity_prices.%.30s", key);
        bool rates = strcmp(key, "hour_rate") == 0;
        if (!rates && strcmp(key, "minutes") != 0)
            return unknown_key(ps, path);
        if (!json_is_object(x))
            return type_err(ps, path, rates ? "an object of roles"
                                            : "an object of kinds of "
                                              "activity");
        const char *k2;
        json_t *v;
        json_object_foreach(x, k2, v)
        {
            char sub[OV_ERR_FIELD_MAX];
            snprintf(sub, sizeof sub, "%s.%.30s", path, k2);
            ov_econ_value *dst = NULL;
            if (rates) {
                for (int r = 0; r < OV_ACT_ROLE_N; r++)
                    if (strcmp(k2, ov_act_role_key((ov_act_role)r)) == 0)
                        dst = &s->activity.hour_rate[r];
            } else {
                for (int k = 0; k < OV_ACT_N; k++)
                    if (strcmp(k2, ov_act_kind_key((ov_act_kind)k)) == 0)
                        dst = &s->activity.minutes[k];
            }
            if (!dst)
                return unknown_key(ps, sub);
            if (value(ps, v, sub, dst, NULL) != OV_OK)
                return OV_EINVAL;
        }
    }
    return OV_OK;
}

static ov_status parse_root(parser *ps, json_t *root, ov_econ_scenario *s)
{
    ov_err *err = ps->err;
    if (!json_is_object(root))
        return type_err(ps, "scenario", "a JSON object");
    const char *key;
    json_t *x;
    json_object_foreach(root, key, x)
    {
        char path[64];
        snprintf(path, sizeof path, "%.60s", key);
        ov_status st = OV_OK;
        int iv = 0;
        if (strcmp(key, "format") == 0) {
            if (!json_is_string(x) ||
                strcmp(json_string_value(x), SCENARIO_FORMAT) != 0)
                return type_err(ps, "format", "\"" SCENARIO_FORMAT "\"");
        } else if (strcmp(key, "name") == 0)
            st = text(ps, x, "name", OV_ECON_NAME_MAX, s->name);
        else if (strcmp(key, "description") == 0)
            st = text(ps, x, "description", OV_ECON_TEXT_MAX,
                      s->description);
        else if (strcmp(key, "price_year") == 0) {
            st = integer(ps, x, "price_year", &iv);
            if (st == OV_OK && iv != 0 && (iv < 2000 || iv > 2100))
                return ov_err_msg(err, OV_EINVAL, "price_year",
                                  econ_price_year_range, "price_year", iv);
            s->price_year = iv;
        } else if (strcmp(key, "horizon") == 0) {
            st = integer(ps, x, "horizon", &iv);
            if (st == OV_OK && (iv < 1 || iv > OV_ECON_MAX_YEARS))
                return ov_err_msg(err, OV_EINVAL, "horizon",
                                  econ_horizon_range, "horizon", iv);
            s->horizon = iv;
        } else if (strcmp(key, "running_years") == 0) {
            st = integer(ps, x, "running_years", &iv);
            if (st == OV_OK && (iv < 1 || iv > OV_ECON_MAX_YEARS))
                return ov_err_msg(err, OV_EINVAL, "running_years",
                                  econ_running_years_range, "running_years",
                                  OV_ECON_MAX_YEARS, iv);
            s->running_years = iv;
        } else if (strcmp(key, "citizens") == 0)
            st = value(ps, x, "citizens", &s->citizens, NULL);
        else if (strcmp(key, "discount_rate") == 0)
            st = value(ps, x, "discount_rate", &s->discount_rate, NULL);
        else if (strcmp(key, "establishment") == 0)
            st = value(ps, x, "establishment", &s->establishment, NULL);
        else if (strcmp(key, "establishment_per_citizen") == 0)
            st = value(ps, x, "establishment_per_citizen",
                       &s->establishment_per_citizen, NULL);
        else if (strcmp(key, "running_per_citizen") == 0)
            st = value(ps, x, "running_per_citizen", &s->running_per_citizen,
                       NULL);
        else if (strcmp(key, "cost_share") == 0)
            st = parse_cost_share(ps, x, s);
        else if (strcmp(key, "effect") == 0)
            st = parse_effects(ps, x, s);
        else if (strcmp(key, "prices") == 0)
            st = parse_prices(ps, x, s);
        else if (strcmp(key, "activity_prices") == 0)
            st = parse_activity(ps, x, s);
        else
            return unknown_key(ps, path);
        if (st != OV_OK)
            return OV_EINVAL;
    }
    return check_ranges(s, err);
}

ov_status ov_econ_scenario_parse(const char *json, size_t len, ov_arena *a,
                                 ov_econ_scenario *out, ov_err *err)
{
    if (len > SCENARIO_MAX_BYTES)
        return ov_err_msg(err, OV_ETOOBIG, "scenario", econ_too_big,
                          (int)SCENARIO_MAX_BYTES);
    json_error_t je;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return ov_err_msg(err, OV_EINVAL, "scenario", econ_json_invalid,
                          je.line, je.text);
    ov_econ_scenario_init(out);
    parser ps = {a, err};
    ov_status st = parse_root(&ps, root, out);
    json_decref(root);
    return st;
}

/* ---- the scenario format: write -------------------------------------- */

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static bool present(ov_econ_value v, double se)
{
    return has(v) || v.note || !isnan(se);
}

/* A plain number when entered without a note, else the object form;
 * NULL (left out) when missing without a note. */
static json_t *value_json(ov_econ_value v, double se)
{
    bool plain = v.origin == OV_ECON_ENTERED && !v.note && isnan(se);
    if (!present(v, se))
        return NULL;
    if (plain)
        return json_real(v.v);
    json_t *o = json_object();
    json_object_set_new(o, "value", num(has(v) ? v.v : (double)NAN));
    if (has(v))
        json_object_set_new(o, "origin", json_string(origin_keys[v.origin]));
    if (v.note)
        json_object_set_new(o, "note", json_string(v.note));
    if (!isnan(se))
        json_object_set_new(o, "se", json_real(se));
    return o;
}

static void put_value(json_t *o, const char *key, ov_econ_value v)
{
    json_t *j = value_json(v, NAN);
    if (j)
        json_object_set_new(o, key, j);
}

/* jansson writes a double with a fixed number of digits (17 to round
 * trip: 0.035000000000000003); a person reads and edits these files, so
 * every real number in the text is rewritten as the shortest decimal that
 * reads back as the same double (0.035). Strings are left alone. The
 * text only shrinks, so the rewrite is in place. */
static char *shortest_numbers(char *text)
{
    char *in = text, *out = text;
    bool str = false;
    while (*in) {
        char c = *in;
        if (str) {
            *out++ = *in++;
            if (c == '\\' && *in)
                *out++ = *in++;
            else if (c == '"')
                str = false;
            continue;
        }
        if (c == '"') {
            str = true;
            *out++ = *in++;
            continue;
        }
        if (c != '-' && (c < '0' || c > '9')) {
            *out++ = *in++;
            continue;
        }
        size_t n = strspn(in, "0123456789+-.eE");
        char tok[64];
        bool real = n < sizeof tok && strcspn(in, ".eE") < n;
        if (!real) {
            memmove(out, in, n);
            out += n;
            in += n;
            continue;
        }
        memcpy(tok, in, n);
        tok[n] = '\0';
        double v = strtod(tok, NULL);
        char best[64];
        if (v == floor(v) && fabs(v) < 1e15)
            snprintf(best, sizeof best, "%.0f", v); /* 439900, not 4.399e+05 */
        else
            /* %g drops trailing zeros, so 15 digits give the shortest
             * form of any value that has one of 15 digits or fewer */
            for (int prec = 15; prec <= 17; prec++) {
                snprintf(best, sizeof best, "%.*g", prec, v);
                if (strtod(best, NULL) == v)
                    break;
            }
        if (!strpbrk(best, ".eE"))
            snprintf(best + strlen(best), sizeof best - strlen(best), ".0");
        size_t m = strlen(best);
        if (m > n) { /* cannot happen: %.17g is what jansson wrote */
            memmove(out, in, n);
            out += n;
        } else {
            memcpy(out, best, m);
            out += m;
        }
        in += n;
    }
    *out = '\0';
    return text;
}

char *ov_econ_scenario_write(const ov_econ_scenario *s)
{
    json_t *o = json_object();
    json_object_set_new(o, "format", json_string(SCENARIO_FORMAT));
    json_object_set_new(o, "name", json_string(s->name));
    if (s->description[0])
        json_object_set_new(o, "description", json_string(s->description));
    if (s->price_year)
        json_object_set_new(o, "price_year", json_integer(s->price_year));
    if (s->horizon)
        json_object_set_new(o, "horizon", json_integer(s->horizon));
    put_value(o, "citizens", s->citizens);
    json_t *dr = value_json(s->discount_rate, NAN);
    json_object_set_new(o, "discount_rate", dr ? dr : json_null());
    put_value(o, "establishment", s->establishment);
    put_value(o, "establishment_per_citizen", s->establishment_per_citizen);
    put_value(o, "running_per_citizen", s->running_per_citizen);
    json_object_set_new(o, "running_years", json_integer(s->running_years));
    json_t *cs = json_object();
    for (int p = 0; p < OV_PAYER_N; p++)
        json_object_set_new(cs, payer_keys[p], json_real(s->cost_share[p]));
    json_object_set_new(o, "cost_share", cs);

    int last = 0; /* the years up to the last with anything in it */
    for (int y = 0; y < OV_ECON_MAX_YEARS; y++)
        for (int k = 0; k < OV_ESTATE_N; k++)
            if (present(s->effect[y][k], s->effect_se[y][k]))
                last = y + 1;
    json_t *eff = json_array();
    for (int y = 0; y < last; y++) {
        json_t *yo = json_object();
        for (int k = 0; k < OV_ESTATE_N; k++) {
            json_t *j = value_json(s->effect[y][k], s->effect_se[y][k]);
            if (j)
                json_object_set_new(yo, state_keys[k], j);
        }
        json_array_append_new(eff, yo);
    }
    json_object_set_new(o, "effect", eff);

    json_t *pr = json_object();
    for (int k = 0; k < OV_ESTATE_N; k++) {
        json_t *po = json_object();
        for (int p = 0; p < OV_PAYER_N; p++)
            put_value(po, payer_keys[p], s->price[k][p]);
        if (json_object_size(po))
            json_object_set_new(pr, state_keys[k], po);
        else
            json_decref(po);
    }
    json_object_set_new(o, "prices", pr);

    json_t *ap = json_object(), *hr = json_object(), *mi = json_object();
    for (int r = 0; r < OV_ACT_ROLE_N; r++)
        put_value(hr, ov_act_role_key((ov_act_role)r),
                  s->activity.hour_rate[r]);
    for (int k = 0; k < OV_ACT_N; k++)
        put_value(mi, ov_act_kind_key((ov_act_kind)k),
                  s->activity.minutes[k]);
    json_object_set_new(ap, "hour_rate", hr);
    json_object_set_new(ap, "minutes", mi);
    json_object_set_new(o, "activity_prices", ap);

    char *text_out =
        json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                          JSON_REAL_PRECISION(17));
    json_decref(o);
    if (!text_out)
        abort(); /* out of memory: aborts in one place, as ov_xmalloc */
    return shortest_numbers(text_out);
}

/* ---- the result: economics.json -------------------------------------- */

/* Kroner to the øre: the sums of discounted years carry binary noise
 * (91800.00000000001) that a reader should not see. */
static json_t *kr(double v)
{
    return isfinite(v) ? json_real(round(v * 100) / 100) : json_null();
}

static json_t *by_payer(const double v[OV_PAYER_N + 1], bool with_total)
{
    json_t *o = json_object();
    if (with_total)
        json_object_set_new(o, "total", kr(v[OV_PAYER_N]));
    for (int p = 0; p < OV_PAYER_N; p++)
        json_object_set_new(o, payer_keys[p], kr(v[p]));
    return o;
}

static json_t *year_or_null(int y)
{
    return y > 0 ? json_integer(y) : json_null();
}

typedef struct inputs {
    json_t *all, *measured, *assumed, *missing;
} inputs;

static void input(inputs *in, const char *path, ov_econ_value v,
                  const char *unit)
{
    json_t *o = json_object();
    json_object_set_new(o, "value", num(has(v) ? v.v : (double)NAN));
    json_object_set_new(o, "origin",
                        json_string(origin_keys[has(v) ? v.origin
                                                       : OV_ECON_MISSING]));
    json_object_set_new(o, "note", v.note ? json_string(v.note) : json_null());
    if (unit)
        json_object_set_new(o, "unit", json_string(unit));
    json_object_set_new(in->all, path, o);
    if (!has(v))
        return;
    json_array_append_new(v.origin == OV_ECON_MEASURED ? in->measured
                                                       : in->assumed,
                          json_string(path));
}

static void inputs_of(inputs *in, const ov_econ_scenario *s)
{
    input(in, "citizens", s->citizens, "borgere");
    input(in, "discount_rate", s->discount_rate, "andel pr. år");
    input(in, "establishment", s->establishment, "kr. i alt");
    input(in, "establishment_per_citizen", s->establishment_per_citizen,
          "kr. pr. borger");
    input(in, "running_per_citizen", s->running_per_citizen,
          "kr. pr. borger");
    int h = s->horizon > 0 ? s->horizon : 0;
    for (int y = 0; y < h; y++)
        for (int k = 0; k < OV_ESTATE_N; k++) {
            ov_econ_value e = s->effect[y][k];
            if (!has(e))
                continue;
            char path[64];
            snprintf(path, sizeof path, "effect[%d].%s", y, state_keys[k]);
            input(in, path, e, "andel af året");
            if (isfinite(s->effect_se[y][k])) {
                json_t *o = json_object_get(in->all, path);
                json_object_set_new(o, "se", json_real(s->effect_se[y][k]));
            }
        }
    for (int k = 0; k < OV_ESTATE_N; k++)
        for (int p = 0; p < OV_PAYER_N; p++)
            if (present(s->price[k][p], NAN) || effect_used(s, k))
                input(in, price_paths[k][p], s->price[k][p],
                      "kr. pr. personår");
    for (int r = 0; r < OV_ACT_ROLE_N; r++)
        if (present(s->activity.hour_rate[r], NAN)) {
            char path[64];
            snprintf(path, sizeof path, "activity_prices.hour_rate.%s",
                     ov_act_role_key((ov_act_role)r));
            input(in, path, s->activity.hour_rate[r], "kr. pr. time");
        }
    for (int k = 0; k < OV_ACT_N; k++)
        if (present(s->activity.minutes[k], NAN)) {
            char path[64];
            snprintf(path, sizeof path, "activity_prices.minutes.%s",
                     ov_act_kind_key((ov_act_kind)k));
            input(in, path, s->activity.minutes[k], "minutter");
        }
    const char *miss[64];
    int n = ov_econ_missing(s, miss, 64);
    for (int i = 0; i < n && i < 64; i++)
        json_array_append_new(in->missing, json_string(miss[i]));
}

char *ov_econ_result_write(const ov_econ_scenario *s,
                           const ov_econ_result *r)
{
    json_t *o = json_object();
    json_object_set_new(o, "format", json_string(RESULT_FORMAT));
    json_object_set_new(o, "name", json_string(s->name));
    json_object_set_new(o, "price_year",
                        s->price_year ? json_integer(s->price_year)
                                      : json_null());
    json_object_set_new(o, "horizon", json_integer(r->horizon));
    json_object_set_new(o, "citizens", num(r->citizens));
    json_object_set_new(o, "discount_rate",
                        num(has(s->discount_rate) ? s->discount_rate.v
                                                  : (double)NAN));
    json_object_set_new(o, "cost_per_citizen", kr(r->cost_per_citizen));
    json_object_set_new(o, "per_citizen", by_payer(r->per_citizen, true));
    json_object_set_new(o, "total", by_payer(r->total, true));

    json_t *years = json_array();
    for (int y = 0; y < r->horizon; y++) {
        const ov_econ_year *Y = &r->years[y];
        json_t *j = json_object();
        json_object_set_new(j, "year", json_integer(Y->year));
        json_object_set_new(j, "discount_factor", num(Y->discount_factor));
        for (int p = 0; p < OV_PAYER_N; p++)
            json_object_set_new(j, payer_keys[p], kr(Y->net_discounted[p]));
        json_object_set_new(j, "total", kr(Y->net_discounted[OV_PAYER_N]));
        json_object_set_new(j, "cumulative", kr(Y->cumulative[OV_PAYER_N]));
        json_object_set_new(j, "cumulative_by_payer",
                            by_payer(Y->cumulative, false));
        json_object_set_new(j, "undiscounted", by_payer(Y->net, true));
        double c[OV_PAYER_N + 1] = {0}, q[OV_PAYER_N + 1] = {0};
        for (int p = 0; p < OV_PAYER_N; p++) {
            c[p] = Y->cost[p];
            q[p] = Y->consequence[p];
            c[OV_PAYER_N] += c[p];
            q[OV_PAYER_N] += q[p];
        }
        json_object_set_new(j, "cost", by_payer(c, true));
        json_object_set_new(j, "consequence", by_payer(q, true));
        json_array_append_new(years, j);
    }
    json_object_set_new(o, "years", years);
    json_object_set_new(o, "break_even_year",
                        year_or_null(r->break_even_year));
    json_t *be = json_object();
    for (int p = 0; p < OV_PAYER_N; p++)
        json_object_set_new(be, payer_keys[p],
                            year_or_null(r->break_even_payer[p]));
    json_object_set_new(o, "break_even_by_payer", be);

    json_t *iv = json_object();
    json_object_set_new(iv, "present", json_boolean(r->interval.present));
    json_object_set_new(iv, "method", r->interval.method
                                          ? json_string(r->interval.method)
                                          : json_null());
    json_object_set_new(iv, "low", r->interval.present
                                       ? by_payer(r->interval.low, true)
                                       : json_null());
    json_object_set_new(iv, "high", r->interval.present
                                        ? by_payer(r->interval.high, true)
                                        : json_null());
    json_object_set_new(o, "interval", iv);

    json_t *sens = json_array();
    for (int i = 0; i < r->nsens; i++) {
        json_t *j = json_object();
        json_object_set_new(j, "what", json_string(r->sens[i].what));
        json_object_set_new(j, "per_citizen",
                            by_payer(r->sens[i].per_citizen, true));
        json_array_append_new(sens, j);
    }
    json_object_set_new(o, "sensitivity", sens);

    inputs in = {json_object(), json_array(), json_array(), json_array()};
    inputs_of(&in, s);
    json_object_set_new(o, "inputs", in.all);
    json_object_set_new(o, "measured", in.measured);
    json_object_set_new(o, "assumed", in.assumed);
    json_object_set_new(o, "missing", in.missing);

    char *out = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                  JSON_REAL_PRECISION(17));
    json_decref(o);
    if (!out)
        abort();
    return shortest_numbers(out);
}
