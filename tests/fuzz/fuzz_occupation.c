/*
 * fuzz_occupation - what an occupation field may hold
 * (src/model/occupation.c: ov_occupation_resolve, ov_occupation_search).
 *
 * Invariants: an accepted field gives an empty code for an empty field,
 * else a level-4 code of the list, and the code resolves to itself; a
 * refused one says why, on the field. A search answers at most its cap,
 * never more than it counts, only level-4 categories, and for a query of
 * digits only codes that begin with them.
 */
#include "fuzz.h"

#include "core/arena.h"
#include "core/err.h"
#include "core/fold.h"
#include "model/occupation.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ov_str in = fuzz_str(data, size);
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    ov_err_clear(&err);
    ov_str code;
    if (ov_occupation_resolve(in, "occupation", a, &code, &err) == OV_OK) {
        if (ov_str_trim(in).len == 0) {
            FUZZ_CHECK(code.len == 0, "an empty field gave a code");
        } else {
            const ov_occupation *o = ov_occupation_find(code);
            FUZZ_CHECK(o && o->level == OV_OCCUPATION_LEVEL,
                       "'%.*s' is no stillingskategori", (int)code.len,
                       code.ptr);
            ov_str again;
            FUZZ_CHECK(ov_occupation_resolve(code, "occupation", a, &again,
                                             NULL) == OV_OK &&
                           ov_str_eq(again, code),
                       "'%.*s' does not resolve to itself", (int)code.len,
                       code.ptr);
        }
    } else {
        FUZZ_CHECK(err.code == OV_EINVAL && err.msg[0] &&
                       strcmp(err.field, "occupation") == 0,
                   "refused without a reason on the field");
    }
    const ov_occupation *h[OV_OCCUPATION_SEARCH_MAX];
    size_t total = 0;
    size_t cap = size % (OV_OCCUPATION_SEARCH_MAX + 2);
    size_t n = ov_occupation_search(in, h, cap, &total);
    FUZZ_CHECK(n <= cap && n <= total, "%zu hits, cap %zu, total %zu", n, cap,
               total);
    ov_str q = ov_str_trim(in);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(h[i]->level == OV_OCCUPATION_LEVEL, "level %d offered",
                   h[i]->level);
        if (q.len && q.len <= OV_FOLD_QUERY_MAX && ov_str_is_digits(q))
            FUZZ_CHECK(strncmp(h[i]->code, q.ptr, q.len) == 0,
                       "%s for the digits %.*s", h[i]->code, (int)q.len,
                       q.ptr);
    }
    ov_arena_destroy(a);
    return 0;
}
