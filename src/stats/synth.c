#include "stats/synth.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include <jansson.h>

#include "core/path.h"
#include "model/draw.h"

/* ---- the model ------------------------------------------------------------- */

enum { EDU_PRIMARY, EDU_VOCATIONAL, EDU_HIGHER, EDU_N };
static const char *const edu_names[EDU_N] = {"grundskole", "erhvervsfaglig",
                                             "videregaaende"};
enum { REGIONS = 5 };
static const char *const region_names[REGIONS] = {
    "hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"};

/* Per group: [0] comparison persons, [1] participants. */
static const double p_age[2] = {12.0 / 34, 15.0 / 34};   /* 30 + Bin(34,p) */
static const double p_female[2] = {0.48, 0.54};
static const double p_immigrant[2] = {0.22, 0.19};
static const double p_edu[2][EDU_N] = {{0.45, 0.40, 0.15}, {0.57, 0.36, 0.07}};
static const double p_benefit[2] = {2.5 / 14, 4.5 / 14}; /* 1 + Bin(14,p) */
static const double p_disab[2] = {0.05, 0.07};
static const double p_employed[2] = {0.06, 0.02};        /* Bin(24,p) */
static const double p_mental[2] = {0.30, 0.45};
static const double p_substance[2] = {0.15, 0.20};
static const double p_region[2][REGIONS] = {{0.30, 0.15, 0.20, 0.20, 0.15},
                                            {0.25, 0.20, 0.20, 0.15, 0.20}};

/* Participation is active in months 1..ACTIVE_MONTHS. */
enum { ACTIVE_MONTHS = 18 };

typedef struct person {
    int treated;
    int age, female, immigrant, edu, benefit_years, disab, employed_months;
    int mental, substance, region;
    ov_month start;
    int last_k;      /* the register covers months 0..last_k */
    double e;        /* employability */
    double gp, hosp; /* Poisson means of GP visits and hospital contacts */
} person;

static double expit(double x) { return 1.0 / (1.0 + exp(-x)); }

static int bernoulli(ov_rng *g, double p) { return ov_rng_unit(g) < p; }

static int binomial(ov_rng *g, int n, double p)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += bernoulli(g, p);
    return k;
}

static int categorical(ov_rng *g, const double *p, int n)
{
    double u = ov_rng_unit(g), c = 0;
    for (int i = 0; i < n - 1; i++) {
        c += p[i];
        if (u < c)
            return i;
    }
    return n - 1;
}

static void person_draw(person *p, int t, int months, ov_rng *g)
{
    p->treated = t;
    p->age = 30 + binomial(g, 34, p_age[t]);
    p->female = bernoulli(g, p_female[t]);
    p->immigrant = bernoulli(g, p_immigrant[t]);
    p->edu = categorical(g, p_edu[t], EDU_N);
    p->benefit_years = 1 + binomial(g, 14, p_benefit[t]);
    p->disab = bernoulli(g, p_disab[t]);
    p->employed_months = binomial(g, 24, p_employed[t]);
    p->mental = bernoulli(g, p_mental[t]);
    p->substance = bernoulli(g, p_substance[t]);
    p->region = categorical(g, p_region[t], REGIONS);
    /* participants started in the pilot (2017-01..2018-06); others were
     * eligible some time in 2016-2019 */
    p->start = t ? 2017 * 12 + (int)ov_rng_below(g, 18)
                 : 2016 * 12 + (int)ov_rng_below(g, 48);
    p->last_k = months - 1;
    if (months > 6 && bernoulli(g, 0.03))
        p->last_k = 6 + (int)ov_rng_below(g, (uint64_t)(months - 6));
    static const double edu_eff[EDU_N] = {0.0, 0.3, 0.6};
    p->e = 0.6 - 0.03 * (p->age - 45) + 0.05 * p->female -
           0.15 * p->immigrant + edu_eff[p->edu] -
           0.10 * (p->benefit_years - 5) - 0.3 * p->disab +
           0.08 * p->employed_months - 0.4 * p->mental - 0.3 * p->substance;
    p->gp = 0.6 + 0.5 * p->mental + 0.3 * p->substance + 0.01 * (p->age - 45);
    p->hosp = 0.03 + 0.08 * p->mental + 0.04 * p->substance;
}

/* Transition probabilities out of `from` for a person, with participation
 * d (0/1) active this month: row[to]. */
static void transition(const person *p, int from, int d, double row[OV_RS_COUNT])
{
    for (int s = 0; s < OV_RS_COUNT; s++)
        row[s] = 0;
    double e = p->e;
    switch (from) {
    case OV_RS_BENEFIT:
        row[OV_RS_ORDINARY] = expit(-5.3 + e + 0.4 * d);
        row[OV_RS_PLACEMENT] = expit(-3.6 + 0.5 * e + 1.5 * d);
        row[OV_RS_SUBSIDISED] = expit(-4.6 + 0.5 * e + 0.5 * d);
        row[OV_RS_EDUCATION] = expit(-6.0 + 0.2 * e + 0.3 * d);
        row[OV_RS_DISABILITY] =
            expit(-6.2 - 0.6 * e + 0.03 * (p->age - 45) - 0.4 * d);
        row[OV_RS_RESOURCE] = expit(-5.2 - 0.5 * e - 0.3 * d);
        row[OV_RS_OTHER] = 0.004;
        break;
    case OV_RS_PLACEMENT:
        row[OV_RS_ORDINARY] = expit(-3.6 + 0.6 * e + 0.3 * d);
        row[OV_RS_SUBSIDISED] = expit(-3.5 + 0.3 * e + 0.3 * d);
        row[OV_RS_BENEFIT] = 0.18;
        break;
    case OV_RS_SUBSIDISED:
        row[OV_RS_ORDINARY] = 0.015;
        row[OV_RS_BENEFIT] = 0.03;
        break;
    case OV_RS_ORDINARY:
        row[OV_RS_BENEFIT] = expit(-3.2 - 0.4 * e - 0.3 * d);
        break;
    case OV_RS_EDUCATION:
        row[OV_RS_BENEFIT] = 0.03;
        row[OV_RS_ORDINARY] = 0.01;
        break;
    case OV_RS_RESOURCE:
        row[OV_RS_BENEFIT] = 0.02;
        row[OV_RS_DISABILITY] = 0.01;
        break;
    case OV_RS_DISABILITY:
        break;
    case OV_RS_OTHER:
        row[OV_RS_BENEFIT] = 0.25;
        break;
    }
    double out = 0;
    for (int s = 0; s < OV_RS_COUNT; s++)
        out += row[s];
    row[from] = 1.0 - out;
}

static int active(const person *p, int k)
{
    return p->treated && k >= 1 && k <= ACTIVE_MONTHS;
}

/* Expected value of numeric column c in month k given status s. */
static double col_mean(const person *p, int c, int s, int d)
{
    switch (c) {
    case 0: /* hours: uniform on a status's range */
        return s == OV_RS_ORDINARY     ? 120.0
               : s == OV_RS_SUBSIDISED ? 70.0
               : s == OV_RS_PLACEMENT  ? 50.0
                                       : 0.0;
    case 1:
        return p->gp * (1.0 - 0.15 * d);
    default:
        return p->hosp * (1.0 - 0.25 * d);
    }
}

static const char *const col_names[3] = {"hours", "gp_visits",
                                         "hospital_contacts"};

/* ---- exact expectations -------------------------------------------------------- */

/* Expected outcomes for person p with participation on (treated = 1) or
 * off, by propagating the chain exactly: one pass of the state
 * distribution serves every at/count/sum outcome; ever and hazard
 * outcomes share a pass per (statuses, first month) that follows the mass
 * which has not yet entered the statuses. val[j] gets E[Y_j] (for a
 * hazard: the expected first entries in the quarter) and den[j] 1 (for a
 * hazard: the probability of being at risk at the quarter's start). */
static void expected_all(const person *p0, int treated,
                         const ov_outcome_spec *specs, int nspecs, int kmax,
                         double *val, double *den)
{
    person p = *p0;
    p.treated = treated;
    /* dist[k][s]: P(status s in month k) */
    double(*dist)[OV_RS_COUNT] = ov_xcalloc((size_t)kmax + 1, sizeof *dist);
    double *notyet = ov_xmalloc(((size_t)kmax + 1) * sizeof *notyet);
    dist[0][OV_RS_BENEFIT] = 1.0;
    for (int k = 1; k <= kmax; k++) {
        int d = active(&p, k);
        for (int from = 0; from < OV_RS_COUNT; from++) {
            if (dist[k - 1][from] == 0)
                continue;
            double row[OV_RS_COUNT];
            transition(&p, from, d, row);
            for (int to = 0; to < OV_RS_COUNT; to++)
                dist[k][to] += dist[k - 1][from] * row[to];
        }
    }
    unsigned key_st = 0;
    int key_a = -1;
    for (int j = 0; j < nspecs; j++) {
        const ov_outcome_spec *s = &specs[j];
        den[j] = 1.0;
        val[j] = 0;
        if (s->b > kmax) {
            val[j] = NAN;
            continue;
        }
        switch (s->kind) {
        case OV_OC_AT:
        case OV_OC_COUNT:
            for (int k = s->a; k <= s->b; k++)
                for (int st = 0; st < OV_RS_COUNT; st++)
                    if ((s->statuses >> st) & 1u)
                        val[j] += dist[k][st];
            break;
        case OV_OC_SUM: {
            int col = -1;
            for (int c = 0; c < 3; c++)
                if (strcmp(s->column, col_names[c]) == 0)
                    col = c;
            if (col < 0) {
                val[j] = NAN;
                break;
            }
            for (int k = s->a; k <= s->b; k++)
                for (int st = 0; st < OV_RS_COUNT; st++)
                    val[j] += dist[k][st] * col_mean(&p, col, st, active(&p, k));
            break;
        }
        case OV_OC_EVER:
        case OV_OC_HAZARD: {
            int from = s->kind == OV_OC_EVER ? s->a : 1;
            if (key_st != s->statuses || key_a != from) {
                /* notyet[k]: P(no month from..k had one of the statuses) */
                key_st = s->statuses;
                key_a = from;
                double u[OV_RS_COUNT];
                memcpy(u, dist[from > 0 ? from - 1 : 0], sizeof u);
                for (int k = 0; k < from; k++)
                    notyet[k] = 1.0;
                for (int k = from; k <= kmax; k++) {
                    double nu[OV_RS_COUNT] = {0};
                    if (k == 0) {
                        memcpy(nu, dist[0], sizeof nu);
                    } else {
                        int d = active(&p, k);
                        for (int f = 0; f < OV_RS_COUNT; f++) {
                            if (u[f] == 0)
                                continue;
                            double row[OV_RS_COUNT];
                            transition(&p, f, d, row);
                            for (int to = 0; to < OV_RS_COUNT; to++)
                                nu[to] += u[f] * row[to];
                        }
                    }
                    double tot = 0;
                    for (int st = 0; st < OV_RS_COUNT; st++) {
                        if ((key_st >> st) & 1u)
                            nu[st] = 0;
                        tot += nu[st];
                    }
                    memcpy(u, nu, sizeof u);
                    notyet[k] = tot;
                }
            }
            if (s->kind == OV_OC_EVER) {
                val[j] = 1.0 - notyet[s->b];
            } else {
                den[j] = notyet[s->a - 1];
                val[j] = notyet[s->a - 1] - notyet[s->b];
            }
            break;
        }
        }
    }
    free(dist);
    free(notyet);
}

/* ---- persons, deterministic per seed --------------------------------------------- */

static uint64_t mix(uint64_t seed, uint64_t i)
{
    uint64_t z = seed * 0x9E3779B97F4A7C15ull ^ (i + 1) * 0xBF58476D1CE4E5B9ull;
    z ^= z >> 31;
    return z;
}

/* Which persons are participants: selection sampling (Knuth's algorithm
 * S) from the seed, so exactly T of N, in data order. */
static unsigned char *choose_treated(const ov_synth_options *o)
{
    unsigned char *t = ov_xcalloc(o->persons, 1);
    ov_rng g;
    ov_rng_seed(&g, mix(o->seed, UINT64_MAX - 1));
    size_t need = o->treated;
    for (size_t i = 0; i < o->persons && need > 0; i++) {
        size_t left = o->persons - i;
        if (ov_rng_below(&g, left) < need) {
            t[i] = 1;
            need--;
        }
    }
    return t;
}

static ov_status check_options(const ov_synth_options *o, ov_err *err)
{
    if (o->persons < 2 || o->persons > 100000000)
        return ov_err_set(err, OV_EINVAL, "--persons",
                          "--persons must be 2-100000000");
    if (o->treated < 1 || o->treated >= o->persons)
        return ov_err_set(err, OV_EINVAL, "--treated",
                          "--treated must be at least 1 and less than "
                          "--persons (%zu)",
                          o->persons);
    if (o->months < 1 || o->months > 600)
        return ov_err_set(err, OV_EINVAL, "--months",
                          "--months must be 1-600");
    return OV_OK;
}

ov_status ov_synth_truth_of(const ov_synth_options *o,
                            const ov_outcome_spec *specs, int nspecs,
                            ov_synth_truth *out, ov_err *err)
{
    ov_status rc = check_options(o, err);
    if (rc != OV_OK)
        return rc;
    unsigned char *tr = choose_treated(o);
    double *den = ov_xcalloc((size_t)nspecs * 2 + 1, sizeof *den);
    double *v1 = ov_xmalloc(((size_t)nspecs + 1) * 4 * sizeof *v1);
    double *v0 = v1 + nspecs + 1, *d1 = v0 + nspecs + 1, *d0 = d1 + nspecs + 1;
    int kmax = ov_outcome_max_month(specs, nspecs);
    if (kmax > o->months - 1)
        kmax = o->months - 1;
    for (int j = 0; j < nspecs; j++)
        out[j] = (ov_synth_truth){0, 0, 0};
    for (size_t i = 0; i < o->persons; i++) {
        if (!tr[i])
            continue;
        ov_rng g;
        ov_rng_seed(&g, mix(o->seed, i));
        person p;
        person_draw(&p, 1, o->months, &g);
        expected_all(&p, 1, specs, nspecs, kmax, v1, d1);
        expected_all(&p, 0, specs, nspecs, kmax, v0, d0);
        for (int j = 0; j < nspecs; j++) {
            out[j].mean_treated += v1[j];
            out[j].mean_untreated += v0[j];
            den[2 * j] += d1[j];
            den[2 * j + 1] += d0[j];
        }
    }
    free(tr);
    free(v1);
    /* a mean of expectations; for a hazard, expected first entries over
     * the expected number at risk (what the risk-set comparison
     * estimates) */
    for (int j = 0; j < nspecs; j++) {
        bool defined = specs[j].b < o->months && !isnan(out[j].mean_treated) &&
                       den[2 * j] > 0 && den[2 * j + 1] > 0;
        out[j].mean_treated = defined ? out[j].mean_treated / den[2 * j] : (double)NAN;
        out[j].mean_untreated =
            defined ? out[j].mean_untreated / den[2 * j + 1] : (double)NAN;
        out[j].att = out[j].mean_treated - out[j].mean_untreated;
    }
    free(den);
    return OV_OK;
}

/* ---- writing --------------------------------------------------------------------- */

typedef struct sink {
    FILE *f;
    gzFile gz;
    char *buf;
    size_t len, cap;
    bool failed;
} sink;

static void sink_flush(sink *s)
{
    if (s->len == 0 || s->failed)
        return;
    if (s->gz) {
        if (gzwrite(s->gz, s->buf, (unsigned)s->len) != (int)s->len)
            s->failed = true;
    } else if (fwrite(s->buf, 1, s->len, s->f) != s->len) {
        s->failed = true;
    }
    s->len = 0;
}

static inline void sink_need(sink *s, size_t n)
{
    if (s->cap - s->len < n)
        sink_flush(s);
}

static inline void put(sink *s, const char *p, size_t n)
{
    memcpy(s->buf + s->len, p, n);
    s->len += n;
}

static inline void put_uint(sink *s, uint64_t v)
{
    char t[24];
    int n = 0;
    do {
        t[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        s->buf[s->len++] = t[--n];
}

static ov_status sink_open(sink *s, const char *path, bool gzip, ov_err *err)
{
    memset(s, 0, sizeof *s);
    if (gzip) {
        s->gz = gzopen(path, "wb6");
        if (!s->gz)
            return ov_err_set(err, OV_EIO, "--out", "cannot create '%s': %s",
                              path, strerror(errno));
    } else {
        s->f = fopen(path, "wb");
        if (!s->f)
            return ov_err_set(err, OV_EIO, "--out", "cannot create '%s': %s",
                              path, strerror(errno));
    }
    s->cap = 1u << 20;
    s->buf = ov_xmalloc(s->cap);
    return OV_OK;
}

static ov_status sink_close(sink *s, const char *path, ov_err *err)
{
    sink_flush(s);
    bool bad = s->failed;
    if (s->gz)
        bad |= gzclose(s->gz) != Z_OK;
    if (s->f) {
        bad |= fflush(s->f) != 0;
        bad |= fsync(fileno(s->f)) != 0;
        bad |= fclose(s->f) != 0;
    }
    free(s->buf);
    s->buf = NULL;
    if (bad)
        return ov_err_set(err, OV_EIO, "--out",
                          "writing '%s' failed (is the disk full?)", path);
    return OV_OK;
}

static void sample_status(ov_rng *g, const double row[OV_RS_COUNT], int *s)
{
    double u = ov_rng_unit(g), c = 0;
    for (int to = 0; to < OV_RS_COUNT; to++) {
        c += row[to];
        if (u < c) {
            *s = to;
            return;
        }
    }
    /* rounding left u above the total: stay */
}

static int poisson(ov_rng *g, double mu, double emu)
{
    /* inversion; emu = exp(-mu), mu small */
    double u = ov_rng_unit(g), p = emu, c = emu;
    int k = 0;
    while (u >= c && k < 100) {
        k++;
        p *= mu / k;
        c += p;
    }
    return k;
}

static ov_status write_files(const ov_synth_options *o, const char *popp,
                             const char *monp, size_t *pm, ov_err *err)
{
    unsigned char *tr = choose_treated(o);
    sink ps, ms;
    ov_status rc = sink_open(&ps, popp, o->gzip, err);
    if (rc != OV_OK) {
        free(tr);
        return rc;
    }
    rc = sink_open(&ms, monp, o->gzip, err);
    if (rc != OV_OK) {
        free(tr);
        sink_close(&ps, popp, err);
        return rc;
    }
    const char *ph = "id,treated,start,age,female,immigrant,education,"
                     "benefit_years,disability_benefit_2y,employed_months_2y,"
                     "mental_illness,substance_use,region\n";
    put(&ps, ph, strlen(ph));
    const char *mh = "id,month,status,hours,gp_visits,hospital_contacts\n";
    put(&ms, mh, strlen(mh));
    int width = 1;
    for (size_t x = o->persons; x >= 10; x /= 10)
        width++;
    size_t rows = 0;
    for (size_t i = 0; i < o->persons; i++) {
        ov_rng g;
        ov_rng_seed(&g, mix(o->seed, i));
        person p;
        person_draw(&p, tr[i], o->months, &g);
        char id[32];
        int idl = 0;
        id[idl++] = 'P';
        {
            char t[24];
            int n = 0;
            size_t v = i + 1;
            do {
                t[n++] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            for (int z = n; z < width; z++)
                id[idl++] = '0';
            while (n)
                id[idl++] = t[--n];
        }
        char sm[8];
        ov_month_format(p.start, sm);
        sink_need(&ps, 256);
        put(&ps, id, (size_t)idl);
        put(&ps, p.treated ? ",1," : ",0,", 3);
        put(&ps, sm, 7);
        {
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.age);
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.female);
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.immigrant);
            ps.buf[ps.len++] = ',';
            put(&ps, edu_names[p.edu], strlen(edu_names[p.edu]));
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.benefit_years);
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.disab);
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.employed_months);
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.mental);
            ps.buf[ps.len++] = ',';
            put_uint(&ps, (uint64_t)p.substance);
            ps.buf[ps.len++] = ',';
            put(&ps, region_names[p.region], strlen(region_names[p.region]));
            ps.buf[ps.len++] = '\n';
        }
        /* months */
        int s = OV_RS_BENEFIT;
        double mgp[2] = {p.gp, p.gp * 0.85}, mho[2] = {p.hosp, p.hosp * 0.75};
        double egp[2] = {exp(-mgp[0]), exp(-mgp[1])};
        double eho[2] = {exp(-mho[0]), exp(-mho[1])};
        double rows_cache[OV_RS_COUNT][2][OV_RS_COUNT];
        unsigned char have[OV_RS_COUNT][2] = {{0}};
        ov_month m = p.start;
        for (int k = 0; k <= p.last_k; k++, m++) {
            int d = active(&p, k);
            if (k > 0) {
                if (!have[s][d]) {
                    transition(&p, s, d, rows_cache[s][d]);
                    have[s][d] = 1;
                }
                sample_status(&g, rows_cache[s][d], &s);
            }
            int hours = 0;
            if (s == OV_RS_ORDINARY)
                hours = 80 + (int)ov_rng_below(&g, 81);
            else if (s == OV_RS_SUBSIDISED)
                hours = 40 + (int)ov_rng_below(&g, 61);
            else if (s == OV_RS_PLACEMENT)
                hours = 20 + (int)ov_rng_below(&g, 61);
            int gp = poisson(&g, mgp[d], egp[d]);
            int ho = poisson(&g, mho[d], eho[d]);
            sink_need(&ms, 128);
            put(&ms, id, (size_t)idl);
            ms.buf[ms.len++] = ',';
            ov_month_format(m, sm);
            put(&ms, sm, 7);
            ms.buf[ms.len++] = ',';
            const char *code = ov_regstatus_code((ov_regstatus)s);
            put(&ms, code, strlen(code));
            ms.buf[ms.len++] = ',';
            put_uint(&ms, (uint64_t)hours);
            ms.buf[ms.len++] = ',';
            put_uint(&ms, (uint64_t)gp);
            ms.buf[ms.len++] = ',';
            put_uint(&ms, (uint64_t)ho);
            ms.buf[ms.len++] = '\n';
            rows++;
        }
    }
    free(tr);
    ov_status r1 = sink_close(&ps, popp, err);
    ov_status r2 = sink_close(&ms, monp, err);
    *pm = rows;
    return r1 != OV_OK ? r1 : r2;
}

static ov_status write_truth(const ov_synth_options *o, const char *path,
                             ov_err *err)
{
    ov_outcome_spec specs[64];
    const char *cols[3] = {col_names[0], col_names[1], col_names[2]};
    int n = ov_outcome_defaults(cols, 3, specs, 64);
    ov_synth_truth t[64];
    ov_status rc = ov_synth_truth_of(o, specs, n, t, err);
    if (rc != OV_OK)
        return rc;
    json_t *root = json_object();
    json_object_set_new(root, "generator", json_string("overgang synth-register"));
    json_object_set_new(root, "seed", json_integer((json_int_t)o->seed));
    json_object_set_new(root, "persons", json_integer((json_int_t)o->persons));
    json_object_set_new(root, "treated", json_integer((json_int_t)o->treated));
    json_object_set_new(root, "months", json_integer(o->months));
    json_object_set_new(
        root, "estimand",
        json_string("mean over participants of E[Y(1)] - E[Y(0)] given their "
                    "covariates, computed exactly from the model"));
    json_t *arr = json_array();
    for (int j = 0; j < n; j++) {
        json_t *x = json_object();
        json_object_set_new(x, "name", json_string(specs[j].name));
        json_object_set_new(x, "spec", json_string(specs[j].spec));
        bool def = !isnan(t[j].att);
        json_object_set_new(x, "att", def ? json_real(t[j].att) : json_null());
        json_object_set_new(x, "treated_mean_if_treated",
                            def ? json_real(t[j].mean_treated) : json_null());
        json_object_set_new(x, "treated_mean_if_not",
                            def ? json_real(t[j].mean_untreated) : json_null());
        json_array_append_new(arr, x);
    }
    json_object_set_new(root, "outcomes", arr);
    int w = json_dump_file(root, path, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
    json_decref(root);
    if (w != 0)
        return ov_err_set(err, OV_EIO, "--out", "cannot write '%s'", path);
    return OV_OK;
}

ov_status ov_synth_write(const ov_synth_options *o, ov_synth_stats *st,
                         ov_err *err)
{
    ov_status rc = check_options(o, err);
    if (rc != OV_OK)
        return rc;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool created;
    if (ov_mkdir_p(o->out, &created) != 0)
        return ov_err_set(err, OV_EIO, "--out", "--out: cannot create '%s': %s",
                          o->out, strerror(errno));
    const char *ext = o->gzip ? ".csv.gz" : ".csv";
    char popp[4096], monp[4096], trp[4096], popf[4096], monf[4096],
        trf[4096];
    snprintf(popp, sizeof popp, "%s/.population%s.tmp", o->out, ext);
    snprintf(monp, sizeof monp, "%s/.months%s.tmp", o->out, ext);
    snprintf(trp, sizeof trp, "%s/.truth.json.tmp", o->out);
    snprintf(popf, sizeof popf, "%s/population%s", o->out, ext);
    snprintf(monf, sizeof monf, "%s/months%s", o->out, ext);
    snprintf(trf, sizeof trf, "%s/truth.json", o->out);
    size_t pm = 0;
    rc = write_files(o, popp, monp, &pm, err);
    if (rc == OV_OK)
        rc = write_truth(o, trp, err);
    if (rc == OV_OK && (rename(popp, popf) != 0 || rename(monp, monf) != 0 ||
                        rename(trp, trf) != 0))
        rc = ov_err_set(err, OV_EIO, "--out", "cannot rename into '%s': %s",
                        o->out, strerror(errno));
    if (rc != OV_OK) {
        unlink(popp);
        unlink(monp);
        unlink(trp);
        return rc;
    }
    /* the other compression's files would make the extract ambiguous */
    const char *other = o->gzip ? ".csv" : ".csv.gz";
    snprintf(popf, sizeof popf, "%s/population%s", o->out, other);
    snprintf(monf, sizeof monf, "%s/months%s", o->out, other);
    unlink(popf);
    unlink(monf);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (st) {
        st->person_months = pm;
        st->seconds = (double)(t1.tv_sec - t0.tv_sec) +
                      (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    }
    return OV_OK;
}
