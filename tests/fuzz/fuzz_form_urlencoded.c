/*
 * fuzz_form_urlencoded - application/x-www-form-urlencoded bodies
 * (src/web/form.c), against the field list of form_fuzz.h.
 *
 * The first byte picks the language of the messages; the rest is the
 * body. Invariants (form_fuzz.h): the result is consistent, an accepted
 * form holds only allowed values, and written again as urlencoded and as
 * multipart it parses to the same pairs.
 */
#include "form_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    ov_lang lang = data[0] & 1 ? OV_LANG_EN : OV_LANG_DA;
    ov_arena *a = ov_arena_new(0);
    ov_form f;
    ff_init(&f, a, lang);
    ov_status st =
        ov_form_parse_urlencoded(&f, fuzz_str(data + 1, size - 1), "csrf");
    ff_check(&f, st);
    if (st == OV_OK) {
        ov_form g;
        ff_init(&g, a, lang);
        ov_form_parse_urlencoded(&g, ff_urlencoded(&f, a), "csrf");
        ff_same(&f, &g, "urlencoded");
        ov_str body, bnd;
        if (ff_multipart(&f, a, &body, &bnd)) {
            ff_init(&g, a, lang);
            ov_form_parse_multipart(&g, body, bnd, "csrf");
            ff_same(&f, &g, "multipart");
        }
    }
    ov_arena_destroy(a);
    return 0;
}
