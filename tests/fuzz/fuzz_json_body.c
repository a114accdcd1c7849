/*
 * fuzz_json_body - JSON request bodies, flattened into the same pairs as
 * a form (src/web/form.c), against the field list of form_fuzz.h.
 *
 * Invariants (form_fuzz.h): the result is consistent, an accepted body
 * holds only allowed values, and (unless it carries a raw JSON field,
 * which a form cannot) written again as an urlencoded form it parses to
 * the same pairs: the two inputs of one action agree.
 */
#include "form_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ov_arena *a = ov_arena_new(0);
    ov_form f;
    ff_init(&f, a, OV_LANG_EN);
    ov_status st = ov_form_parse_json(&f, fuzz_str(data, size));
    ff_check(&f, st);
    if (st == OV_OK && !ff_has_json_field(&f)) {
        ov_form g;
        ff_init(&g, a, OV_LANG_EN);
        ov_form_parse_urlencoded(&g, ff_urlencoded(&f, a), NULL);
        ff_same(&f, &g, "urlencoded");
    }
    ov_arena_destroy(a);
    return 0;
}
