/*
 * fuzz_form_multipart - multipart/form-data bodies (src/web/form.c),
 * against the field list of form_fuzz.h.
 *
 * Input: the boundary up to the first newline (at most 70 bytes), then
 * the body. Invariants (form_fuzz.h): the result is consistent, an
 * accepted form holds only allowed values, and written again as
 * urlencoded it parses to the same pairs.
 */
#include "form_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ov_str in = fuzz_str(data, size);
    ov_str bnd;
    ov_str body = ov_str_cut(in, '\n', &bnd);
    if (!body.ptr || bnd.len > 70)
        return 0;
    ov_arena *a = ov_arena_new(0);
    ov_form f;
    ff_init(&f, a, OV_LANG_DA);
    ov_status st = ov_form_parse_multipart(&f, body, bnd, "csrf");
    ff_check(&f, st);
    if (st == OV_OK) {
        ov_form g;
        ff_init(&g, a, OV_LANG_DA);
        ov_form_parse_urlencoded(&g, ff_urlencoded(&f, a), "csrf");
        ff_same(&f, &g, "urlencoded");
    }
    ov_arena_destroy(a);
    return 0;
}
