/*
 * cmd_synth.c - `overgang synth-register`: a synthetic register extract
 * with a known truth (src/stats/synth.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "stats/synth.h"

static const cli_opt_def synth_opts[] = {
    {"--persons", true, OV_SET_COUNT, "number of persons"},
    {"--treated", true, OV_SET_COUNT, "how many of them are participants"},
    {"--months", true, OV_SET_COUNT, "months per person from the start"},
    {"--seed", true, OV_SET_COUNT, "random seed"},
    {"--out", true, OV_SET_COUNT, "the folder to write"},
    {"--gzip", false, OV_SET_COUNT, "write .csv.gz"},
};

int cmd_synth(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "synth-register", synth_opts,
                  (int)(sizeof synth_opts / sizeof synth_opts[0]), argc, argv,
                  &err) != OV_OK)
        return cli_fail(&err);
    ov_synth_options o;
    memset(&o, 0, sizeof o);
    uint64_t persons = 0, treated = 0, months = 48, seed = 1;
    const char *ps = cli_opt(&c, "--persons"), *ts = cli_opt(&c, "--treated"),
               *ms = cli_opt(&c, "--months"), *ss = cli_opt(&c, "--seed");
    o.out = cli_opt(&c, "--out");
    if (!ps || !ts || !o.out) {
        ov_err_set(&err, OV_EINVAL, "--persons",
                   "synth-register: give --persons N, --treated T and --out "
                   "DIR (and optionally --months M, --seed S)");
        return cli_fail(&err);
    }
    if (!cli_parse_count(ps, 100000000, &persons)) {
        ov_err_set(&err, OV_EINVAL, "--persons",
                   "--persons: give a whole number, at most 100000000");
        return cli_fail(&err);
    }
    if (!cli_parse_count(ts, 100000000, &treated)) {
        ov_err_set(&err, OV_EINVAL, "--treated",
                   "--treated: give a whole number, at most 100000000");
        return cli_fail(&err);
    }
    if (ms && !cli_parse_count(ms, 600, &months)) {
        ov_err_set(&err, OV_EINVAL, "--months",
                   "--months: give a whole number of months, 1-600");
        return cli_fail(&err);
    }
    if (ss && !cli_parse_count(ss, UINT64_MAX, &seed)) {
        ov_err_set(&err, OV_EINVAL, "--seed",
                   "--seed: give a whole number 0-18446744073709551615");
        return cli_fail(&err);
    }
    o.persons = (size_t)persons;
    o.treated = (size_t)treated;
    o.months = (int)months;
    o.seed = seed;
    o.gzip = cli_opt(&c, "--gzip") != NULL;
    ov_synth_stats st;
    if (ov_synth_write(&o, &st, &err) != OV_OK)
        return cli_fail(&err);
    fprintf(stderr,
            "synth-register: %zu persons (%zu treated), %zu person-months in "
            "%.2f s (%.1f million person-months/s) -> %s\n",
            o.persons, o.treated, st.person_months, st.seconds,
            st.seconds > 0 ? (double)st.person_months / st.seconds / 1e6 : 0.0,
            o.out);
    return 0;
}
