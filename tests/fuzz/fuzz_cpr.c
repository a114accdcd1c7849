/*
 * fuzz_cpr - the CPR number parser (src/core/cpr.c).
 *
 * Invariants of an accepted number: its ten digits are the input's digits
 * in order; it formats back to the input (with the dash) and parses again
 * to the same number; the birth date is the date in the digits, in the
 * century the seventh digit gives; the sex and the modulus-11 flag follow
 * from the digits. A refused number always says why.
 */
#include "fuzz.h"

#include "core/cpr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ov_str in = fuzz_str(data, size);
    ov_cpr c;
    ov_err err;
    ov_err_clear(&err);
    if (ov_cpr_parse(in, "cpr", &c, &err) != OV_OK) {
        FUZZ_CHECK(err.code == OV_EINVAL && err.msg[0], "no reason given");
        FUZZ_CHECK(strcmp(err.field, "cpr") == 0, "field '%s'", err.field);
        return 0;
    }
    /* the digits of the trimmed input, in order */
    ov_str t = ov_str_trim(in);
    char digits[11];
    size_t n = 0;
    for (size_t i = 0; i < t.len; i++) {
        FUZZ_CHECK((t.ptr[i] >= '0' && t.ptr[i] <= '9') ||
                       (t.ptr[i] == '-' && i == 6),
                   "accepted character %zu", i);
        if (t.ptr[i] != '-')
            digits[n++] = t.ptr[i];
        FUZZ_CHECK(n <= 10, "more than 10 digits accepted");
    }
    digits[n] = '\0';
    FUZZ_CHECK(n == 10 && strcmp(digits, c.digits) == 0, "digits differ");

    char out[OV_CPR_BUF];
    ov_cpr_format(&c, out);
    FUZZ_CHECK(strlen(out) == 11 && out[6] == '-' &&
                   memcmp(out, digits, 6) == 0 &&
                   memcmp(out + 7, digits + 6, 4) == 0,
               "formats as %s", out);
    ov_cpr again;
    FUZZ_CHECK(ov_cpr_parse(ov_str_c(out), "cpr", &again, NULL) == OV_OK,
               "%s does not parse", out);
    FUZZ_CHECK(memcmp(&again.digits, &c.digits, sizeof c.digits) == 0 &&
                   again.birth == c.birth && again.sex == c.sex &&
                   again.mod11_ok == c.mod11_ok,
               "%s parses to another number", out);
    char masked[OV_CPR_BUF];
    ov_cpr_format_masked(&c, masked);
    FUZZ_CHECK(memcmp(masked, out, 7) == 0 && strcmp(masked + 7, "XXXX") == 0,
               "masked as %s", masked);

    ov_ymd b = ov_date_to_ymd(c.birth);
    int dd = (digits[0] - '0') * 10 + digits[1] - '0';
    int mm = (digits[2] - '0') * 10 + digits[3] - '0';
    int yy = (digits[4] - '0') * 10 + digits[5] - '0';
    FUZZ_CHECK(b.day == dd && b.month == mm && b.year % 100 == yy &&
                   b.year == ov_cpr_birth_year(yy, digits[6] - '0') &&
                   b.year >= 1858 && b.year <= 2057,
               "born %d-%d-%d", b.year, b.month, b.day);
    FUZZ_CHECK(c.sex == ((digits[9] - '0') % 2 ? OV_SEX_MALE : OV_SEX_FEMALE),
               "sex");
    FUZZ_CHECK(c.mod11_ok == ov_cpr_mod11(digits), "mod11");
    return 0;
}
