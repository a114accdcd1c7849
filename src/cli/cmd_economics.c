/*
 * cmd_economics.c - `overgang economics`: the budget-economic business
 * case of a scenario (a file or a published preset), optionally with the
 * effects an evaluation measured and the running cost the municipality's
 * registered activity implies, written to an output folder as
 * economics.json, economics.xlsx and economics.html (report/
 * econ_report.h).
 *
 * Order: every input is read and checked, and the whole calculation done,
 * before anything is written; the folder's three files then appear
 * together or not at all. The database is opened read-only and read in
 * one plain read transaction (the activity counts are aggregates: no
 * citizen leaves the store, so there is no audit row to write).
 *
 * Exit status: 0 done; 2 a usage error or bad input (the message names
 * the option, the file or the field); 1 a failure of the disk or the
 * database.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "econ/econ.h"
#include "report/econ_report.h"
#include "store/activity.h"

#define SCENARIO_MAX (1u << 20) /* the format's cap (econ_too_big) */

static const cli_opt_def opts[] = {
    {"--scenario", true, OV_SET_COUNT,
     "the scenario, a JSON file (docs/economics-format.md)"},
    {"--preset", true, OV_SET_COUNT,
     "a published scenario: rambøll-2021-A, -B, -C or -D"},
    {"--evaluation", true, OV_SET_COUNT,
     "an `overgang evaluate` output folder: its measured effects"},
    {"--municipality", true, OV_SET_COUNT,
     "count this municipality's registered activity (with --db, --from, "
     "--to)"},
    {"--from", true, OV_SET_COUNT, "first day of the activity, YYYY-MM-DD"},
    {"--to", true, OV_SET_COUNT, "last day of the activity, YYYY-MM-DD"},
    {"--out", true, OV_SET_COUNT, "the output folder"},
};
#define NOPTS ((int)(sizeof opts / sizeof opts[0]))

/* Bad input exits 2 whatever its code (a missing file, an unknown
 * municipality); the disk, the database or a bug 1. */
static int fail(const ov_err *err)
{
    int rc = cli_fail(err);
    switch (err->code) {
    case OV_EIO:
    case OV_ECORRUPT:
    case OV_EINTERNAL:
    case OV_ENOMEM:
        return rc;
    default:
        return 2;
    }
}

static int usage(ov_err *err, const char *field, const char *msg)
{
    ov_err_set(err, OV_EINVAL, field, "economics: %s; see 'overgang help "
                                      "economics'",
               msg);
    return fail(err);
}

/* The scenario file, whole, into a heap buffer the caller frees. */
static ov_status read_scenario(const char *path, char **out, size_t *len,
                               ov_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ov_err_set(err, OV_EINVAL, "--scenario",
                          "--scenario: cannot open '%s': %s", path,
                          strerror(errno));
    char *buf = malloc(SCENARIO_MAX + 1);
    size_t n = buf ? fread(buf, 1, SCENARIO_MAX + 1, f) : 0;
    bool bad = !buf || ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return ov_err_set(err, OV_EINVAL, "--scenario",
                          "--scenario: cannot read '%s'", path);
    }
    if (n > SCENARIO_MAX) {
        free(buf);
        return ov_err_set(err, OV_EINVAL, "--scenario",
                          "--scenario: '%s' is larger than 1 MiB; a "
                          "scenario is a few KiB",
                          path);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return OV_OK;
}

/* The activity of --municipality in --from..--to, read-only. */
static ov_status count_activity(cli_ctx *c, int muni, ov_date from,
                                ov_date to, ov_activity_summary *out,
                                ov_err *err)
{
    ov_store_options o = {.db_path = ov_config_get(&c->cfg, OV_SET_DB),
                          .mode = OV_OPEN_READONLY};
    ov_store *st_;
    ov_status st = ov_store_open(&o, &st_, err);
    if (st != OV_OK) {
        ov_err_prefix(err, "--db");
        return st;
    }
    ov_tx *tx;
    if ((st = ov_tx_begin_read(st_, &tx, err)) == OV_OK) {
        st = ov_store_activity_summary(tx, muni, from, to, out, err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, err);
        else
            ov_tx_rollback(tx);
    }
    ov_store_close(st_);
    if (st != OV_OK && err->field[0] &&
        strcmp(err->field, "municipality") == 0)
        snprintf(err->field, sizeof err->field, "--municipality");
    return st;
}

static void print_kr(const char *label, const double v[OV_PAYER_N + 1])
{
    printf("  %-28s kommune %12.0f  stat %12.0f  region %10.0f  total "
           "%12.0f\n",
           label, v[OV_PAYER_KOMMUNE], v[OV_PAYER_STAT], v[OV_PAYER_REGION],
           v[OV_PAYER_N]);
}

int cmd_economics(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "economics", opts, NOPTS, argc, argv, &err) != OV_OK)
        return fail(&err);
    const char *scen = cli_opt(&c, "--scenario");
    const char *pre = cli_opt(&c, "--preset");
    const char *evdir = cli_opt(&c, "--evaluation");
    const char *muni_s = cli_opt(&c, "--municipality");
    const char *from_s = cli_opt(&c, "--from");
    const char *to_s = cli_opt(&c, "--to");
    const char *out = cli_opt(&c, "--out");
    if (!scen == !pre)
        return usage(&err, "--scenario",
                     "give the scenario: --scenario FILE.json or --preset "
                     "rambøll-2021-A..D (one of them)");
    if (!out || !*out)
        return usage(&err, "--out", "give --out DIR, the folder for "
                                    "economics.json, .xlsx and .html");
    if (!muni_s && (from_s || to_s))
        return usage(&err, "--municipality",
                     "--from and --to are the period of a municipality's "
                     "registered activity: give --municipality CODE too");
    uint64_t muni = 0;
    ov_date from = 0, to = 0;
    if (muni_s) {
        if (!cli_parse_count(muni_s, 999, &muni) || muni < 101 || muni > 860)
            return usage(&err, "--municipality",
                         "--municipality: give the kommunekode, 101-860 "
                         "(e.g. 250)");
        if (!from_s || !to_s)
            return usage(&err, !from_s ? "--from" : "--to",
                         "--municipality counts the activity of a period: "
                         "give --from YYYY-MM-DD and --to YYYY-MM-DD");
        if (ov_date_parse_iso(ov_str_c(from_s), "--from", &from, &err) !=
                OV_OK ||
            ov_date_parse_iso(ov_str_c(to_s), "--to", &to, &err) != OV_OK)
            return fail(&err);
    }

    /* the scenario */
    static ov_econ_scenario s; /* large: 30 years x 8 states of values */
    ov_econ_report_extra x;
    ov_econ_report_extra_init(&x);
    ov_arena *a = ov_arena_new(0);
    ov_status st = OV_OK;
    char source[600];
    if (pre) {
        st = ov_econ_preset_load(pre, &s, &err);
        /* which of them, for its published figures: the one that loads
         * the same scenario (the key may be spelt "ramboll-2021-c") */
        static ov_econ_scenario same;
        size_t n = 0;
        const ov_econ_preset *p = ov_econ_presets(&n);
        ov_err ignored;
        for (size_t i = 0; st == OV_OK && i < n && !x.preset; i++)
            if (ov_econ_preset_load(p[i].key, &same, &ignored) == OV_OK &&
                strcmp(same.name, s.name) == 0)
                x.preset = &p[i];
        snprintf(source, sizeof source, "forudindstillet scenarie %s",
                 x.preset ? x.preset->key : pre);
    } else {
        char *text = NULL;
        size_t len = 0;
        st = read_scenario(scen, &text, &len, &err);
        if (st == OV_OK) {
            st = ov_econ_scenario_parse(text, len, a, &s, &err);
            if (st != OV_OK)
                ov_err_prefix(&err, "--scenario %s", scen);
        }
        free(text);
        snprintf(source, sizeof source, "scenariefilen %s", scen);
    }
    x.source = source;

    /* the measured effects */
    static ov_econ_evaluation ev;
    if (st == OV_OK && evdir) {
        st = ov_econ_evaluation_read(evdir, &ev, &err);
        if (st == OV_OK)
            st = ov_econ_apply_evaluation(&s, &ev, &err);
        if (st != OV_OK)
            ov_err_prefix(&err, "--evaluation %s", evdir);
        x.evaluation = &ev;
        x.evaluation_dir = evdir;
    }

    /* the registered activity, beside the entered running cost */
    x.running_entered = s.running_per_citizen;
    if (st == OV_OK && muni_s) {
        x.has_activity = true;
        x.municipality_code = (int)muni;
        st = count_activity(&c, (int)muni, from, to, &x.activity, &err);
        if (st == OV_OK) {
            st = ov_econ_running_from_activity(&x.activity, &s.activity,
                                               &x.running_activity, &err);
            if (st != OV_OK)
                ov_err_prefix(&err, "registered activity of municipality "
                                    "%d",
                              (int)muni);
        }
        if (st == OV_OK && (s.running_per_citizen.origin == OV_ECON_MISSING ||
                            !isfinite(s.running_per_citizen.v))) {
            s.running_per_citizen = x.running_activity;
            x.activity_used = true;
        }
    }

    static ov_econ_result r;
    if (st == OV_OK) {
        st = ov_econ_compute(&s, &r, &err);
        if (st != OV_OK)
            ov_err_prefix(&err, "%s %s", pre ? "--preset" : "--scenario",
                          pre ? pre : scen);
    }
    if (st == OV_OK)
        st = ov_econ_report_write(out, &s, &r, &x, &err);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return fail(&err);

    printf("economics: %s, %g citizens, %d years%s\n",
           s.name[0] ? s.name : "(no name)", r.citizens, r.horizon,
           evdir ? ", measured effects" : "");
    print_kr("per citizen (kr.)", r.per_citizen);
    print_kr("in all (kr.)", r.total);
    if (r.interval.present) {
        print_kr("95% interval, low", r.interval.low);
        print_kr("95% interval, high", r.interval.high);
    }
    if (r.break_even_year > 0)
        printf("  break-even in year %d\n", r.break_even_year);
    else
        printf("  no break-even within %d years\n", r.horizon);
    if (x.has_activity && x.activity_used)
        printf("  running cost per citizen from the registered activity: "
               "%.0f kr. (used: the scenario entered none)\n",
               x.running_activity.v);
    else if (x.has_activity)
        printf("  running cost per citizen: entered %.0f kr., from the "
               "registered activity %.0f kr. (the entered one is used)\n",
               x.running_entered.v, x.running_activity.v);
    printf("wrote %s/economics.json, economics.xlsx, economics.html\n", out);
    return 0;
}
