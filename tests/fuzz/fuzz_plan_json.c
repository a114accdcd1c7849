/*
 * fuzz_plan_json - the plan's JSON (src/model/plan.c).
 *
 * Invariants of an accepted plan: it validates; its canonical JSON parses
 * again, to a plan whose canonical JSON is the same bytes (the round trip
 * is stable); the two have no differences (ov_plan_diff); and the largest
 * id is one the plan uses. A refused plan says why.
 */
#include "fuzz.h"

#include "core/arena.h"
#include "model/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ov_arena *a = ov_arena_new(0);
    ov_plan p;
    ov_err err;
    ov_err_clear(&err);
    if (ov_plan_from_json(fuzz_str(data, size), a, &p, &err) != OV_OK) {
        FUZZ_CHECK(err.code != OV_OK && err.msg[0], "no reason given");
        ov_arena_destroy(a);
        return 0;
    }
    FUZZ_CHECK(ov_plan_validate(&p, &err) == OV_OK,
               "an accepted plan does not validate: %s", err.msg);
    ov_str j1 = ov_plan_to_json(&p, a);
    ov_plan q;
    FUZZ_CHECK(ov_plan_from_json(j1, a, &q, &err) == OV_OK,
               "its canonical JSON does not parse: %s", err.msg);
    ov_str j2 = ov_plan_to_json(&q, a);
    FUZZ_CHECK(ov_str_eq(j1, j2), "the round trip is not stable");
    int total = -1;
    ov_plan_change ch[4];
    int n = ov_plan_diff(&p, &q, ch, 4, &total);
    FUZZ_CHECK(n == 0 && total == 0, "%d differences from itself: %s", total,
               n ? ch[0].text_da : "");
    int max = ov_plan_max_id(&p);
    bool used = max == 0;
    for (int g = 0; g < p.ngoals; g++) {
        const ov_plan_goal *go = &p.goals[g];
        used |= go->id == max;
        for (int s = 0; s < go->nsubgoals; s++) {
            const ov_plan_subgoal *sg = &go->subgoals[s];
            used |= sg->id == max;
            for (int k = 0; k < sg->nactivities; k++)
                used |= sg->activities[k].id == max;
        }
    }
    FUZZ_CHECK(used, "largest id %d is not in the plan", max);
    ov_arena_destroy(a);
    return 0;
}
