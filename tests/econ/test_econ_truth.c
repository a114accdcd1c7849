/* The business case from a measured effect covers the truth (issue 15,
 * "an evaluation on a synthetic register (truth known) gives a net result
 * whose interval covers the net result computed from the truth").
 *
 * The real binary makes a synthetic register (`synth-register`), evaluates
 * it with the months in ordinary employment and on cash benefit in years 1
 * and 2 as outcomes (`evaluate`), and computes a scenario from the
 * measured effects (`economics --evaluation`), as a user would. The truth
 * is the model's exact effect of the same outcomes (ov_synth_truth_of),
 * put through the same mapping from months to effects
 * (ov_econ_apply_evaluation) and the same calculation. The 95% interval
 * in economics.json must hold the true net result for every payer; and a
 * truth moved by a plausible error (the effects 30% larger, or the
 * cash-benefit months 1.5 months fewer a year) must fall outside it, so
 * the test would notice an interval that is wrong or too wide to mean
 * anything. */
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "econ/econ.h"
#include "stats/outcome.h"
#include "stats/synth.h"
#include "support/testutil.h"

static char binary[512]; /* build/overgang beside build/tests/econ/ */
static char dir[256];

/* the register: as large as a municipality's pilot could be, and its
 * comparison population */
#define PERSONS 20000
#define TREATED 1000
#define MONTHS 30
#define SEED 7

static const char *const outcomes[] = {
    "ord1=count:ordinary:1-12", "ben1=count:benefit:1-12",
    "ord2=count:ordinary:13-24", "ben2=count:benefit:13-24"};
#define NOUT 4

/* Prices as the example of docs/economics-format.md; the effect is left
 * to the evaluation. */
static const char scenario[] =
    "{\"format\": \"overgang.economics.scenario/1\",\n"
    " \"name\": \"Syntetisk register, målt effekt\",\n"
    " \"horizon\": 2, \"citizens\": 100,\n"
    " \"establishment\": 439900, \"running_per_citizen\": 87500,\n"
    " \"prices\": {\n"
    "  \"benefit\": {\"kommune\": 89537.53, \"stat\": 16749.77, "
    "\"region\": 0},\n"
    "  \"ordinary\": {\"kommune\": -55719.9, \"stat\": -51722.37, "
    "\"region\": 0}}}\n";

static int up(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ov-econ-truth-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    char path[400];
    snprintf(path, sizeof path, "%s/S.json", dir);
    FILE *f = fopen(path, "w");
    if (!f || fputs(scenario, f) < 0 || fclose(f) != 0)
        return -1;
    if (tu_sh("cd '%s' && '%s' synth-register --persons %d --treated %d "
              "--months %d --seed %d --out reg 2>/dev/null && '%s' evaluate "
              "--register reg --out ev --outcome %s --outcome %s --outcome %s "
              "--outcome %s --threads 2 >/dev/null 2>&1 && '%s' economics "
              "--scenario S.json --evaluation ev --out econ >/dev/null",
              dir, binary, PERSONS, TREATED, MONTHS, SEED, binary,
              outcomes[0], outcomes[1], outcomes[2], outcomes[3],
              binary) != 0) {
        fprintf(stderr, "synth-register, evaluate or economics failed with "
                        "%s (build the binary first: make)\n",
                binary);
        return -1;
    }
    return 0;
}

static int down(void **state)
{
    (void)state;
    tu_sh("rm -rf '%s'", dir);
    return 0;
}

static const char *const keys[OV_PAYER_N + 1] = {"kommune", "stat", "region",
                                                 "total"};

/* per_citizen and interval.low/high of economics.json */
static void read_result(double est[OV_PAYER_N + 1], double lo[OV_PAYER_N + 1],
                        double hi[OV_PAYER_N + 1])
{
    char path[400];
    snprintf(path, sizeof path, "%s/econ/economics.json", dir);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root)
        fail_msg("%s: %s", path, je.text);
    json_t *iv = json_object_get(root, "interval");
    assert_true(json_is_true(json_object_get(iv, "present")));
    for (int k = 0; k <= OV_PAYER_N; k++) {
        est[k] = json_number_value(
            json_object_get(json_object_get(root, "per_citizen"), keys[k]));
        lo[k] = json_number_value(
            json_object_get(json_object_get(iv, "low"), keys[k]));
        hi[k] = json_number_value(
            json_object_get(json_object_get(iv, "high"), keys[k]));
    }
    json_decref(root);
}

/* The net result per citizen of the scenario with the evaluation's
 * outcomes replaced by the true effects times `scale`, plus `shift`
 * months on cash benefit in each year. */
static void truth_net(double scale, double shift, double out[OV_PAYER_N + 1])
{
    ov_err err;
    ov_outcome_spec specs[NOUT];
    for (int i = 0; i < NOUT; i++)
        if (ov_outcome_parse(outcomes[i], &specs[i], &err) != OV_OK)
            fail_msg("%s: %s", outcomes[i], err.msg);
    ov_synth_options o = {.persons = PERSONS, .treated = TREATED,
                          .months = MONTHS, .seed = SEED};
    ov_synth_truth truth[NOUT];
    if (ov_synth_truth_of(&o, specs, NOUT, truth, &err) != OV_OK)
        fail_msg("truth: %s", err.msg);
    static ov_econ_evaluation ev;
    char path[400];
    snprintf(path, sizeof path, "%s/ev", dir);
    if (ov_econ_evaluation_read(path, &ev, &err) != OV_OK)
        fail_msg("evaluation: %s", err.msg);
    assert_int_equal(ev.noutcomes, NOUT);
    for (int i = 0; i < NOUT; i++) {
        ov_econ_measured *m = &ev.outcome[i];
        assert_string_equal(m->spec, specs[i].spec);
        assert_true(m->used);
        m->att = truth[i].att * scale +
                 (m->state == OV_ESTATE_BENEFIT ? shift : 0);
        m->se = NAN;
        m->boot_low = m->boot_high = NAN;
    }
    static ov_econ_scenario s;
    ov_arena *a = ov_arena_new(0);
    if (ov_econ_scenario_parse(scenario, strlen(scenario), a, &s, &err) !=
        OV_OK)
        fail_msg("scenario: %s", err.msg);
    if (ov_econ_apply_evaluation(&s, &ev, &err) != OV_OK)
        fail_msg("apply: %s", err.msg);
    static ov_econ_result r;
    if (ov_econ_compute(&s, &r, &err) != OV_OK)
        fail_msg("compute: %s", err.msg);
    assert_false(r.interval.present); /* the truth has no error */
    for (int k = 0; k <= OV_PAYER_N; k++)
        out[k] = r.per_citizen[k];
    ov_arena_destroy(a);
}

static bool covers(const double lo[], const double hi[], const double v[],
                   int k)
{
    return lo[k] <= v[k] && v[k] <= hi[k];
}

static void the_interval_of_the_measured_net_result_covers_the_truth(
    void **state)
{
    (void)state;
    double est[OV_PAYER_N + 1], lo[OV_PAYER_N + 1], hi[OV_PAYER_N + 1];
    read_result(est, lo, hi);
    double truth[OV_PAYER_N + 1];
    truth_net(1, 0, truth);
    for (int k = 0; k <= OV_PAYER_N; k++) {
        print_message("%-8s estimate %10.0f  interval [%10.0f, %10.0f]  "
                      "truth %10.0f\n",
                      keys[k], est[k], lo[k], hi[k], truth[k]);
        if (k == OV_PAYER_REGION) /* the region pays nothing here */
            continue;
        assert_true(lo[k] < est[k] && est[k] < hi[k]);
        if (!covers(lo, hi, truth, k))
            fail_msg("%s: the 95%% interval [%.0f, %.0f] does not cover "
                     "the true net result %.0f",
                     keys[k], lo[k], hi[k], truth[k]);
    }
}

static void a_truth_moved_by_a_plausible_error_falls_outside(void **state)
{
    (void)state;
    double est[OV_PAYER_N + 1], lo[OV_PAYER_N + 1], hi[OV_PAYER_N + 1];
    read_result(est, lo, hi);
    double wrong[OV_PAYER_N + 1];
    /* the effects 30% larger than they are */
    truth_net(1.3, 0, wrong);
    assert_false(covers(lo, hi, wrong, OV_PAYER_N));
    /* 1.5 months fewer on cash benefit each year than is true */
    truth_net(1, -1.5, wrong);
    assert_false(covers(lo, hi, wrong, OV_PAYER_N));
    assert_false(covers(lo, hi, wrong, OV_PAYER_KOMMUNE));
}

int main(int argc, char **argv)
{
    (void)argc;
    char self[512];
    snprintf(self, sizeof self, "%s", argv[0]);
    /* build/tests/econ/test_econ_truth -> build/overgang */
    char *d = dirname(dirname(dirname(self)));
    char abs[PATH_MAX];
    /* absolute: the set-up runs it from the test's own folder */
    snprintf(binary, sizeof binary, "%s/overgang",
             realpath(d, abs) ? abs : d);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            the_interval_of_the_measured_net_result_covers_the_truth),
        cmocka_unit_test(a_truth_moved_by_a_plausible_error_falls_outside),
    };
    return cmocka_run_group_tests(tests, up, down);
}
