/*
 * cmd_evaluate.c - `overgang evaluate`: the effect evaluation of a register
 * extract (src/stats/evaluate.h) written to an output folder
 * (src/report/evaluation.h).
 *
 * Exit status: 0 done, 1 the extract or the evaluation failed (the message
 * names file and line), 2 a usage error in the options.
 */
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "report/evaluation.h"
#include "stats/evaluate.h"

static const cli_opt_def eval_opts[] = {
    {"--register", true, OV_SET_COUNT, "the extract folder"},
    {"--out", true, OV_SET_COUNT, "the output folder"},
    {"--covariates", true, OV_SET_COUNT, "a,b,c (default: all)"},
    {"--exact", true, OV_SET_COUNT, "match within equal values of COLUMN"},
    {"--caliper", true, OV_SET_COUNT, "in SDs of the propensity score"},
    {"--ratio", true, OV_SET_COUNT, "controls per participant"},
    {"--replace", false, OV_SET_COUNT, "match with replacement"},
    {"--discard", true, OV_SET_COUNT, "none|both"},
    {"--drop-missing", false, OV_SET_COUNT, "leave out empty covariates"},
    {"--bootstrap", true, OV_SET_COUNT, "pair bootstrap replicates"},
    {"--seed", true, OV_SET_COUNT, "bootstrap seed"},
    {"--threads", true, OV_SET_COUNT, "worker threads (default: CPUs)"},
};
#define N_EVAL_OPTS ((int)(sizeof eval_opts / sizeof eval_opts[0]))
#define MAX_ARGS 256
#define MAX_COVS 256

typedef struct prog {
    double last;
    bool on;
} prog;

static void show_progress(void *ctx, const char *stage, double done,
                          double total)
{
    prog *p = ctx;
    if (!p->on)
        return;
    if (total > 0 && done < total) {
        double pct = 100.0 * done / total;
        if (pct - p->last < 1.0)
            return;
        p->last = pct;
        fprintf(stderr, "\r  %-18s %5.1f %%", stage, pct);
    } else {
        p->last = 0;
        fprintf(stderr, "\r  %-18s done   \n", stage);
    }
    fflush(stderr);
}

/* A right-aligned number of the table, or "–" (3 bytes, one column) when
 * it does not exist. */
static void cell(double v, int width)
{
    if (isfinite(v))
        printf(" %*.4f", width, v);
    else
        printf(" %*s–", width - 1, "");
}

static void ci_cell(double lo, double hi)
{
    if (isfinite(lo) && isfinite(hi))
        printf(" [%9.4f, %9.4f]", lo, hi);
    else
        printf(" %*s–", 20, "");
}

static int usage_fail(ov_err *err, const char *field, const char *msg)
{
    ov_err_set(err, OV_EINVAL, field, "%s", msg);
    return cli_fail(err);
}

int cmd_evaluate(int argc, char **argv)
{
    ov_err err;
    ov_err_clear(&err);
    /* --outcome may repeat: take those out before the common parser */
    static ov_outcome_spec specs[OV_EVAL_MAX_OUTCOMES];
    int nspecs = 0;
    char *rest[MAX_ARGS];
    int nrest = 0;
    if (argc > MAX_ARGS)
        return usage_fail(&err, NULL, "evaluate: too many arguments");
    for (int i = 0; i < argc; i++) {
        const char *val = NULL;
        if (strcmp(argv[i], "--outcome") == 0) {
            if (i + 1 >= argc)
                return usage_fail(&err, "--outcome",
                                  "evaluate: --outcome needs NAME=SPEC");
            val = argv[++i];
        } else if (strncmp(argv[i], "--outcome=", 10) == 0) {
            val = argv[i] + 10;
        } else {
            rest[nrest++] = argv[i];
            continue;
        }
        if (nspecs >= OV_EVAL_MAX_OUTCOMES)
            return usage_fail(&err, "--outcome",
                              "evaluate: at most 128 --outcome options");
        if (ov_outcome_parse(val, &specs[nspecs], &err) != OV_OK)
            return cli_fail(&err);
        for (int k = 0; k < nspecs; k++)
            if (strcmp(specs[k].name, specs[nspecs].name) == 0) {
                ov_err_set(&err, OV_EINVAL, "--outcome",
                           "--outcome: the name '%s' is used twice; give "
                           "each outcome its own name",
                           specs[k].name);
                return cli_fail(&err);
            }
        nspecs++;
    }
    cli_ctx c;
    if (cli_parse(&c, "evaluate", eval_opts, N_EVAL_OPTS, nrest, rest, &err) !=
        OV_OK)
        return cli_fail(&err);

    ov_eval_options o;
    memset(&o, 0, sizeof o);
    o.register_dir = cli_opt(&c, "--register");
    const char *out = cli_opt(&c, "--out");
    if (!o.register_dir || !out)
        return usage_fail(&err, "--register",
                          "evaluate: give --register DIR (the extract) and "
                          "--out DIR (where the results go)");
    o.ratio = 1;
    uint64_t v;
    const char *s;
    if ((s = cli_opt(&c, "--ratio"))) {
        if (!cli_parse_count(s, 100, &v) || v < 1)
            return usage_fail(&err, "--ratio",
                              "--ratio: give a whole number 1-100");
        o.ratio = (int)v;
    }
    if ((s = cli_opt(&c, "--caliper"))) {
        char *end;
        double x = strtod(s, &end);
        if (*s == '\0' || *end != '\0' || !(x > 0) || !isfinite(x))
            return usage_fail(&err, "--caliper",
                              "--caliper: give a positive number of standard "
                              "deviations of the score, e.g. 0.2");
        o.has_caliper = true;
        o.caliper = x;
    }
    if ((s = cli_opt(&c, "--discard"))) {
        if (strcmp(s, "both") == 0)
            o.discard_both = true;
        else if (strcmp(s, "none") != 0)
            return usage_fail(&err, "--discard",
                              "--discard: give none or both");
    }
    o.replace = cli_opt(&c, "--replace") != NULL;
    o.drop_missing = cli_opt(&c, "--drop-missing") != NULL;
    if ((s = cli_opt(&c, "--bootstrap"))) {
        if (!cli_parse_count(s, 100000, &v))
            return usage_fail(&err, "--bootstrap",
                              "--bootstrap: give a number of replicates "
                              "0-100000, e.g. 999");
        o.bootstrap = (int)v;
    }
    o.seed = 1;
    if ((s = cli_opt(&c, "--seed"))) {
        if (!cli_parse_count(s, UINT64_MAX, &v))
            return usage_fail(&err, "--seed",
                              "--seed: give a whole number");
        o.seed = v;
    }
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o.threads = cpus > 0 ? (int)(cpus > 16 ? 16 : cpus) : 1;
    if ((s = cli_opt(&c, "--threads"))) {
        if (!cli_parse_count(s, 16, &v) || v < 1)
            return usage_fail(&err, "--threads",
                              "--threads: give a number 1-16");
        o.threads = (int)v;
    }
    o.exact = cli_opt(&c, "--exact");
    char covbuf[4096];
    const char *covs[MAX_COVS];
    if ((s = cli_opt(&c, "--covariates"))) {
        if (strlen(s) >= sizeof covbuf)
            return usage_fail(&err, "--covariates",
                              "--covariates: the list is too long");
        memcpy(covbuf, s, strlen(s) + 1);
        char *save = NULL;
        for (char *tok = strtok_r(covbuf, ",", &save); tok;
             tok = strtok_r(NULL, ",", &save)) {
            if (o.ncovariates >= MAX_COVS)
                return usage_fail(&err, "--covariates",
                                  "--covariates: at most 256 columns");
            covs[o.ncovariates++] = tok;
        }
        if (o.ncovariates == 0)
            return usage_fail(&err, "--covariates",
                              "--covariates: name at least one column, "
                              "e.g. --covariates age,female");
        o.covariates = covs;
    }
    o.outcomes = nspecs ? specs : NULL;
    o.noutcomes = nspecs;
    prog pr = {0, isatty(2) == 1};
    o.progress = show_progress;
    o.progress_ctx = &pr;

    /* The evaluation allocates and frees arrays of millions of values
     * stage after stage. Keep freed memory in the process (heap up to the
     * 32 MiB mmap limit, no trimming) so that the next stage reuses pages
     * instead of faulting in fresh ones, which costs ten times as much on
     * a virtual machine. Peak memory is set by reading the extract. */
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    ov_eval_result res;
    if (ov_evaluate(&o, &res, &err) != OV_OK) {
        fprintf(stderr, "overgang: %s\n", err.msg);
        return 1;
    }
    struct timespec w0, w1;
    clock_gettime(CLOCK_MONOTONIC, &w0);
    ov_status rc = ov_eval_write(&res, out, &err);
    clock_gettime(CLOCK_MONOTONIC, &w1);
    if (rc != OV_OK) {
        ov_eval_result_free(&res);
        fprintf(stderr, "overgang: %s\n", err.msg);
        return 1;
    }
    printf("evaluate: %zu participants, %zu comparison persons; %zu matched "
           "participants, %zu matched controls (%zu pairs)\n",
           res.n_treated, res.n_control, res.n_treated_matched,
           res.n_control_matched, res.n_pairs);
    printf("%-28s %10s %10s %10s %21s %8s\n", "outcome", "treated",
           "control", "ATT", "95% CI", "p");
    for (int k = 0; k < res.noutcomes; k++) {
        const ov_eval_outcome *x = &res.outcomes[k];
        if (x->spec.curve)
            continue;
        printf("%-28s", x->spec.name);
        cell(x->treated_mean, 10);
        cell(x->control_mean, 10);
        cell(x->att, 10);
        ci_cell(x->ci_low, x->ci_high);
        cell(x->p_value, 8);
        char why[256];
        ov_eval_reason_text(x, why, sizeof why);
        if (why[0])
            printf("  (%s)", why);
        printf("\n");
    }
    printf("results in %s: result.json, pairs.csv, balance.csv, report.html\n",
           out);
    struct rusage ru;
    long rss = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
    fprintf(stderr, "timings (stage, wall seconds, peak RSS so far):\n");
    for (int k = 0; k < res.ntimings; k++)
        fprintf(stderr, "  %-18s %8.3f s %8ld MiB\n", res.timings[k].stage,
                res.timings[k].seconds, res.timings[k].peak_rss_kib / 1024);
    fprintf(stderr, "  %-18s %8.3f s %8ld MiB\n", "write outputs",
            (double)(w1.tv_sec - w0.tv_sec) +
                (double)(w1.tv_nsec - w0.tv_nsec) / 1e9,
            rss / 1024);
    ov_eval_result_free(&res);
    return 0;
}
