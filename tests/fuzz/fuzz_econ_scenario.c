/*
 * fuzz_econ_scenario - the business case's scenario format
 * (src/econ/econ.c, docs/economics-format.md).
 *
 * Invariants of an accepted scenario: writing it and parsing the text
 * again gives the same text (the round trip is stable); compute either
 * refuses it naming a field (the first one ov_econ_missing lists, when
 * something is missing) or gives finite results whose per-citizen figure
 * is the cumulative result at the horizon divided by the citizens, whose
 * payers add up to the total, and whose interval (when there is one)
 * holds the estimate; economics.json is written for it. A refused
 * scenario says why, in a field and a catalogue message.
 */
#include "fuzz.h"

#include "core/arena.h"
#include "econ/econ.h"

#include <math.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ov_arena *a = ov_arena_new(0);
    static ov_econ_scenario s, t;
    static ov_econ_result r;
    ov_err err;
    ov_err_clear(&err);
    if (ov_econ_scenario_parse((const char *)data, size, a, &s, &err) !=
        OV_OK) {
        FUZZ_CHECK(err.code != OV_OK && err.msg[0] && err.field[0] &&
                       err.id != 0,
                   "a refusal without field or message id: %s", err.msg);
        ov_arena_destroy(a);
        return 0;
    }
    char *j1 = ov_econ_scenario_write(&s);
    FUZZ_CHECK(ov_econ_scenario_parse(j1, strlen(j1), a, &t, &err) == OV_OK,
               "its own text does not parse: %s\n%s", err.msg, j1);
    char *j2 = ov_econ_scenario_write(&t);
    FUZZ_CHECK(strcmp(j1, j2) == 0, "the round trip is not stable:\n%s\n%s",
               j1, j2);
    free(j1);
    free(j2);

    const char *miss[4];
    int nmiss = ov_econ_missing(&s, miss, 4);
    ov_err_clear(&err);
    if (ov_econ_compute(&s, &r, &err) != OV_OK) {
        FUZZ_CHECK(err.field[0] && err.id != 0, "refused without a field");
        if (nmiss > 0)
            FUZZ_CHECK(strcmp(err.field, miss[0]) == 0,
                       "refused %s, but %s is the first missing", err.field,
                       miss[0]);
        ov_arena_destroy(a);
        return 0;
    }
    FUZZ_CHECK(nmiss == 0, "computed with %s missing", miss[0]);
    FUZZ_CHECK(r.horizon == s.horizon && r.horizon >= 1, "horizon %d",
               r.horizon);
    for (int p = 0; p <= OV_PAYER_N; p++) {
        FUZZ_CHECK(isfinite(r.per_citizen[p]), "per citizen not finite");
        double c = r.years[r.horizon - 1].cumulative[p] / r.citizens;
        FUZZ_CHECK(fabs(c - r.per_citizen[p]) <= 1e-6 * (1 + fabs(c)),
                   "per citizen %g is not cumulative / N %g",
                   r.per_citizen[p], c);
        if (r.interval.present)
            FUZZ_CHECK(r.interval.low[p] <= r.per_citizen[p] + 1e-6 &&
                           r.per_citizen[p] <= r.interval.high[p] + 1e-6,
                       "the interval does not hold the estimate");
    }
    double sum = 0;
    for (int p = 0; p < OV_PAYER_N; p++)
        sum += r.per_citizen[p];
    FUZZ_CHECK(fabs(sum - r.per_citizen[OV_PAYER_N]) <=
                   1e-6 * (1 + fabs(sum)),
               "payers %g do not add up to the total %g", sum,
               r.per_citizen[OV_PAYER_N]);
    FUZZ_CHECK(r.break_even_year >= 0 && r.break_even_year <= r.horizon,
               "break-even year %d", r.break_even_year);
    char *out = ov_econ_result_write(&s, &r);
    FUZZ_CHECK(out && out[0] == '{', "no economics.json");
    free(out);
    ov_arena_destroy(a);
    return 0;
}
