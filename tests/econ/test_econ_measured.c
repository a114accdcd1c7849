/* Measured inputs of the business case (econ/econ.h): an evaluation's
 * result.json read as effects with standard errors (evaldir.c), and the
 * running cost priced from registered activity (activity_cost.c). The
 * result.json fixtures are written here, in the shape
 * src/report/evaluation.c writes (docs/register-format.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "econ/econ.h"

#define NEAR(a, b, eps)                                                    \
    do {                                                                   \
        double a_ = (a), b_ = (b);                                         \
        if (!(fabs(a_ - b_) <= (eps)))                                     \
            fail_msg("%s = %.12g, expected %.12g", #a, a_, b_);            \
    } while (0)

typedef struct fixture {
    char dir[64];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/ov-econ-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/result.json", f->dir);
    unlink(path);
    rmdir(f->dir);
    free(f);
    return 0;
}

static void write_result(const fixture *f, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/result.json", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* An evaluation with five outcomes: benefit months 1-12 and 13-24, an
 * ordinary-employment window over 18 months, a mean (not a count) and a
 * count of two statuses (not one state); 200 bootstrap replicates, the
 * second outcome with a bootstrap interval. */
static const char result_json[] =
    "{\"n_treated\": 40, \"n_control\": 80, \"n_pairs\": 40,\n"
    " \"options\": {\"bootstrap\": 200},\n"
    " \"outcomes\": [\n"
    "  {\"name\": \"b1\", \"spec\": \"count:benefit:1-12\", \"att\": -2.4,"
    "   \"se\": 0.6, \"bootstrap_low\": null, \"bootstrap_high\": null},\n"
    "  {\"name\": \"b2\", \"spec\": \"count:benefit:13-24\", \"att\": -3.6,"
    "   \"se\": 0.7, \"bootstrap_low\": -5.56, \"bootstrap_high\": -1.64},\n"
    "  {\"name\": \"o\", \"spec\": \"count:ordinary:1-18\", \"att\": 1.8,"
    "   \"se\": 0.9},\n"
    "  {\"name\": \"w\", \"spec\": \"mean:who5\", \"att\": 4, \"se\": 1},\n"
    "  {\"name\": \"two\", \"spec\": \"count:benefit,ordinary:1-12\","
    "   \"att\": 1, \"se\": 1},\n"
    "  {\"name\": \"again\", \"spec\": \"count:benefit:1-24\", \"att\": -6,"
    "   \"se\": 1}\n"
    " ]}\n";

static void scenario(ov_econ_scenario *s, int horizon)
{
    ov_econ_scenario_init(s);
    s->horizon = horizon;
    s->citizens = (ov_econ_value){40, OV_ECON_ENTERED, NULL};
    s->establishment = (ov_econ_value){0, OV_ECON_ENTERED, NULL};
    s->running_per_citizen = (ov_econ_value){50000, OV_ECON_ENTERED, NULL};
    s->discount_rate = (ov_econ_value){0, OV_ECON_ENTERED, NULL};
    for (int p = 0; p < OV_PAYER_N; p++) {
        s->price[OV_ESTATE_BENEFIT][p] =
            (ov_econ_value){p == 0 ? 90000 : p == 1 ? 17000 : 0,
                            OV_ECON_ENTERED, NULL};
        s->price[OV_ESTATE_ORDINARY][p] =
            (ov_econ_value){p == 0 ? -55000 : p == 1 ? -50000 : 0,
                            OV_ECON_ENTERED, NULL};
    }
    /* an assumed effect the evaluation does not measure */
    s->effect[0][OV_ESTATE_EDUCATION] =
        (ov_econ_value){0.05, OV_ECON_ENTERED, NULL};
    for (int p = 0; p < OV_PAYER_N; p++)
        s->price[OV_ESTATE_EDUCATION][p] =
            (ov_econ_value){1000, OV_ECON_ENTERED, NULL};
}

static void an_evaluation_is_read_with_its_outcomes(void **state)
{
    fixture *f = *state;
    write_result(f, result_json);
    ov_econ_evaluation ev;
    ov_err err;
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_OK);
    assert_int_equal(ev.n_treated, 40);
    assert_int_equal(ev.n_control, 80);
    assert_int_equal(ev.bootstrap, 200);
    assert_int_equal(ev.noutcomes, 6);
    assert_true(ev.outcome[0].used);
    assert_int_equal(ev.outcome[0].state, OV_ESTATE_BENEFIT);
    assert_int_equal(ev.outcome[2].from, 1);
    assert_int_equal(ev.outcome[2].to, 18);
    assert_false(ev.outcome[3].used); /* a mean */
    assert_false(ev.outcome[4].used); /* two statuses */
    assert_true(isnan(ev.outcome[0].boot_low));
    NEAR(ev.outcome[1].boot_high, -1.64, 1e-12);
}

static void measured_months_become_effects_of_the_years_they_fall_in(
    void **state)
{
    fixture *f = *state;
    write_result(f, result_json);
    ov_econ_evaluation ev;
    ov_err err;
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_OK);
    ov_econ_scenario s;
    scenario(&s, 3);
    assert_int_equal(ov_econ_apply_evaluation(&s, &ev, &err), OV_OK);
    /* -2.4 months in year 1 = -0.2 of the year, se 0.6 / 12 */
    NEAR(s.effect[0][OV_ESTATE_BENEFIT].v, -0.2, 1e-12);
    assert_int_equal(s.effect[0][OV_ESTATE_BENEFIT].origin, OV_ECON_MEASURED);
    NEAR(s.effect_se[0][OV_ESTATE_BENEFIT], 0.05, 1e-12);
    /* year 2 from the bootstrap interval: se (5.56 - 1.64) / 3.92 = 1 */
    NEAR(s.effect[1][OV_ESTATE_BENEFIT].v, -0.3, 1e-12);
    NEAR(s.effect_se[1][OV_ESTATE_BENEFIT], 1.0 / 12, 1e-12);
    /* 1.8 months over 18: 1.2 in year 1 (0.1), 0.6 in year 2 (0.05) */
    NEAR(s.effect[0][OV_ESTATE_ORDINARY].v, 0.1, 1e-12);
    NEAR(s.effect[1][OV_ESTATE_ORDINARY].v, 0.05, 1e-12);
    NEAR(s.effect_se[0][OV_ESTATE_ORDINARY], 0.9 * 12 / 18 / 12, 1e-12);
    /* the overlapping benefit window 1-24 came after 1-12 and 13-24: not
     * added; year 3 has no measurement */
    assert_int_equal(s.effect[2][OV_ESTATE_BENEFIT].origin, OV_ECON_MISSING);
    /* the assumed education effect stays */
    assert_int_equal(s.effect[0][OV_ESTATE_EDUCATION].origin,
                     OV_ECON_ENTERED);
    NEAR(s.effect[0][OV_ESTATE_EDUCATION].v, 0.05, 0);
}

static void the_interval_of_a_measured_result_covers_its_estimate(
    void **state)
{
    fixture *f = *state;
    write_result(f, result_json);
    ov_econ_evaluation ev;
    ov_err err;
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_OK);
    ov_econ_scenario s;
    scenario(&s, 2);
    assert_int_equal(ov_econ_apply_evaluation(&s, &ev, &err), OV_OK);
    ov_econ_result r;
    assert_int_equal(ov_econ_compute(&s, &r, &err), OV_OK);
    assert_true(r.interval.present);
    /* kommune se per citizen (r = 0): 90,000 x (0.05 + 1/12) + 55,000 x
     * 0.9/12 (ordinary's year 1 and year 2 parts add up to 0.9/12) */
    double se = 90000 * (0.05 + 1.0 / 12) + 55000 * 0.9 / 12;
    NEAR(r.interval.high[OV_PAYER_KOMMUNE] - r.per_citizen[OV_PAYER_KOMMUNE],
         1.96 * se, 1e-6);
    for (int p = 0; p <= OV_PAYER_N; p++) {
        assert_true(r.interval.low[p] <= r.per_citizen[p]);
        assert_true(r.per_citizen[p] <= r.interval.high[p]);
    }
}

static void a_short_horizon_leaves_later_months_out(void **state)
{
    fixture *f = *state;
    write_result(f, result_json);
    ov_econ_evaluation ev;
    ov_err err;
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_OK);
    ov_econ_scenario s;
    scenario(&s, 1);
    assert_int_equal(ov_econ_apply_evaluation(&s, &ev, &err), OV_OK);
    NEAR(s.effect[0][OV_ESTATE_BENEFIT].v, -0.2, 1e-12);
    assert_int_equal(s.effect[0][OV_ESTATE_ORDINARY].origin, OV_ECON_MISSING);
    assert_int_equal(s.effect[1][OV_ESTATE_BENEFIT].origin, OV_ECON_MISSING);
}

static void a_missing_folder_is_refused_by_name(void **state)
{
    (void)state;
    ov_econ_evaluation ev;
    ov_err err;
    assert_int_equal(
        ov_econ_evaluation_read("/tmp/ov-econ-no-such-folder", &ev, &err),
        OV_EINVAL);
    assert_string_equal(err.field, "evaluation");
    assert_non_null(strstr(err.msg, "/tmp/ov-econ-no-such-folder"));
    assert_non_null(strstr(err.msg, "no result.json"));
}

static void a_folder_without_result_json_is_refused(void **state)
{
    fixture *f = *state;
    ov_econ_evaluation ev;
    ov_err err;
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, f->dir));
    assert_non_null(strstr(err.msg, "no result.json"));
}

static void a_result_json_that_is_not_an_evaluation_is_refused(void **state)
{
    fixture *f = *state;
    ov_econ_evaluation ev;
    ov_err err;
    write_result(f, "{\"per_citizen\": {}}");
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "result.json"));
    assert_non_null(strstr(err.msg, "outcomes"));
    write_result(f, "{\"n_treated\": 3, ");
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "not an evaluation"));
}

static void an_evaluation_without_a_usable_outcome_names_the_spec(
    void **state)
{
    fixture *f = *state;
    write_result(f, "{\"n_treated\": 3, \"n_control\": 3, \"outcomes\": ["
                    "{\"name\": \"w\", \"spec\": \"mean:who5\", \"att\": 1,"
                    " \"se\": 1},"
                    "{\"name\": \"b\", \"spec\": \"count:benefit:1-12\","
                    " \"att\": null, \"se\": null}]}");
    ov_econ_evaluation ev;
    ov_err err;
    assert_int_equal(ov_econ_evaluation_read(f->dir, &ev, &err), OV_OK);
    ov_econ_scenario s;
    scenario(&s, 2);
    assert_int_equal(ov_econ_apply_evaluation(&s, &ev, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "count:benefit:1-12"));
    assert_non_null(strstr(err.msg, "--outcome"));
}

/* ---- the running cost from registered activity ---- */

static ov_econ_activity_prices prices(void)
{
    ov_econ_activity_prices p;
    for (int r = 0; r < OV_ACT_ROLE_N; r++)
        p.hour_rate[r] = (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
    for (int k = 0; k < OV_ACT_N; k++)
        p.minutes[k] = (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
    p.hour_rate[OV_ACT_ROLE_JOB] = (ov_econ_value){600, OV_ECON_ENTERED, 0};
    p.hour_rate[OV_ACT_ROLE_SOCIAL] =
        (ov_econ_value){500, OV_ECON_ENTERED, 0};
    p.hour_rate[OV_ACT_ROLE_CTI] = (ov_econ_value){450, OV_ECON_ENTERED, 0};
    p.minutes[OV_ACT_START_MEETING] = (ov_econ_value){90, OV_ECON_ENTERED, 0};
    p.minutes[OV_ACT_FOLLOWUP] = (ov_econ_value){60, OV_ECON_ENTERED, 0};
    return p;
}

static void activity_is_priced_by_role_and_minutes(void **state)
{
    (void)state;
    ov_activity_summary a;
    memset(&a, 0, sizeof a);
    a.citizens = 4;
    /* 2 start meetings with a job and a social caseworker each: 4 x 1.5
     * hours: 2 x 1.5 x 600 + 2 x 1.5 x 500 = 3,300 */
    a.events[OV_ACT_START_MEETING] = 2;
    a.staff[OV_ACT_START_MEETING][OV_ACT_ROLE_JOB] = 2;
    a.staff[OV_ACT_START_MEETING][OV_ACT_ROLE_SOCIAL] = 2;
    /* 3 follow-ups with the job caseworker: 3 x 1 x 600 = 1,800 */
    a.events[OV_ACT_FOLLOWUP] = 3;
    a.staff[OV_ACT_FOLLOWUP][OV_ACT_ROLE_JOB] = 3;
    /* 10 CTI contacts, 400 recorded minutes: 400 / 60 x 450 = 3,000 */
    a.events[OV_ACT_CTI_CONTACT] = 10;
    a.staff[OV_ACT_CTI_CONTACT][OV_ACT_ROLE_CTI] = 10;
    a.recorded_minutes[OV_ACT_CTI_CONTACT] = 400;
    ov_econ_activity_prices p = prices();
    ov_econ_value v;
    ov_err err;
    assert_int_equal(ov_econ_running_from_activity(&a, &p, &v, &err), OV_OK);
    NEAR(v.v, (3300 + 1800 + 3000) / 4.0, 1e-9);
    assert_int_equal(v.origin, OV_ECON_MEASURED);
    assert_non_null(v.note);
}

static void activity_without_its_price_names_the_missing_one(void **state)
{
    (void)state;
    ov_activity_summary a;
    memset(&a, 0, sizeof a);
    a.citizens = 2;
    a.events[OV_ACT_PLACEMENT_WEEK] = 8;
    a.staff[OV_ACT_PLACEMENT_WEEK][OV_ACT_ROLE_COMPANY] = 8;
    ov_econ_activity_prices p = prices();
    ov_econ_value v;
    ov_err err;
    assert_int_equal(ov_econ_running_from_activity(&a, &p, &v, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "activity_prices.minutes.placement_week");
    assert_non_null(strstr(err.msg, "8 events"));
    p.minutes[OV_ACT_PLACEMENT_WEEK] = (ov_econ_value){30, OV_ECON_ENTERED, 0};
    assert_int_equal(ov_econ_running_from_activity(&a, &p, &v, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "activity_prices.hour_rate.company");
    p.hour_rate[OV_ACT_ROLE_COMPANY] = (ov_econ_value){520, OV_ECON_ENTERED, 0};
    assert_int_equal(ov_econ_running_from_activity(&a, &p, &v, &err), OV_OK);
    NEAR(v.v, 8 * 0.5 * 520 / 2.0, 1e-9);
    /* kinds without events need no price */
    assert_int_equal(p.minutes[OV_ACT_PROPOSAL].origin, OV_ECON_MISSING);
}

static void activity_without_citizens_is_refused(void **state)
{
    (void)state;
    ov_activity_summary a;
    memset(&a, 0, sizeof a);
    ov_econ_activity_prices p = prices();
    ov_econ_value v;
    ov_err err;
    assert_int_equal(ov_econ_running_from_activity(&a, &p, &v, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "citizens");
}

static void activity_keys_name_roles_and_kinds(void **state)
{
    (void)state;
    assert_string_equal(ov_act_role_key(OV_ACT_ROLE_COMPANY), "company");
    assert_string_equal(ov_act_kind_key(OV_ACT_PLACEMENT_WEEK),
                        "placement_week");
    assert_null(ov_act_role_key(OV_ACT_ROLE_N));
    assert_null(ov_act_kind_key(OV_ACT_N));
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(an_evaluation_is_read_with_its_outcomes),
        T(measured_months_become_effects_of_the_years_they_fall_in),
        T(the_interval_of_a_measured_result_covers_its_estimate),
        T(a_short_horizon_leaves_later_months_out),
        T(a_missing_folder_is_refused_by_name),
        T(a_folder_without_result_json_is_refused),
        T(a_result_json_that_is_not_an_evaluation_is_refused),
        T(an_evaluation_without_a_usable_outcome_names_the_spec),
        cmocka_unit_test(activity_is_priced_by_role_and_minutes),
        cmocka_unit_test(activity_without_its_price_names_the_missing_one),
        cmocka_unit_test(activity_without_citizens_is_refused),
        cmocka_unit_test(activity_keys_name_roles_and_kinds),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
