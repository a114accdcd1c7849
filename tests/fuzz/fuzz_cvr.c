/*
 * fuzz_cvr - the CVR number parser (src/core/cvr.c).
 *
 * Invariants of an accepted number: 8 digits, the first not 0, passing
 * the modulus-11 check, the input's digits in order (spaces dropped), and
 * parsing the result again gives it back. A refused number says why.
 */
#include "fuzz.h"

#include "core/cvr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ov_str in = fuzz_str(data, size);
    char out[OV_CVR_BUF];
    ov_err err;
    ov_err_clear(&err);
    if (ov_cvr_parse(in, "cvr", out, &err) != OV_OK) {
        FUZZ_CHECK(err.code == OV_EINVAL && err.msg[0], "no reason given");
        return 0;
    }
    FUZZ_CHECK(strlen(out) == 8 && out[0] != '0', "normalised to '%s'", out);
    for (int i = 0; i < 8; i++)
        FUZZ_CHECK(out[i] >= '0' && out[i] <= '9', "'%s'", out);
    FUZZ_CHECK(ov_cvr_check(out), "%s fails modulus 11", out);
    char digits[9];
    size_t n = 0;
    for (size_t i = 0; i < in.len; i++) {
        char c = in.ptr[i];
        if (c >= '0' && c <= '9') {
            FUZZ_CHECK(n < 8, "more than 8 digits accepted");
            digits[n++] = c;
        } else {
            FUZZ_CHECK(c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                           c == '\v' || c == '\f',
                       "accepted byte 0x%02x", (unsigned char)c);
        }
    }
    digits[n] = '\0';
    FUZZ_CHECK(strcmp(digits, out) == 0, "digits differ");
    char again[OV_CVR_BUF];
    FUZZ_CHECK(ov_cvr_parse(ov_str_c(out), "cvr", again, NULL) == OV_OK &&
                   strcmp(again, out) == 0,
               "%s does not parse to itself", out);
    return 0;
}
