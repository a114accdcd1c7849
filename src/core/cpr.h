/*
 * cpr.h - Danish personal identity numbers (CPR-nummer).
 *
 * Form: DDMMYY-SSSS, the dash optional. The century comes from the 7th digit
 * (the first of SSSS) by the official table (CPR-kontoret):
 *   7th digit 0-3: 1900-1999
 *   7th digit 4 or 9: YY 00-36 -> 2000-2036, YY 37-99 -> 1937-1999
 *   7th digit 5-8: YY 00-57 -> 2000-2057, YY 58-99 -> 1858-1899
 * Sex from the last digit: odd = male, even = female.
 * Modulus 11 (weights 4,3,2,7,6,5,4,3,2,1) is reported, not required: since
 * 2007 numbers are issued without a valid check digit when a date runs out.
 * Impossible dates (31-04, 29-02 in a common year, day or month 00) are
 * rejected. No check against today: a parser checks form, callers decide
 * what a future birth date means.
 *
 * CPR numbers are personal data: never log them, never use them as keys.
 */
#ifndef OV_CORE_CPR_H
#define OV_CORE_CPR_H

#include <stdbool.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef enum ov_sex { OV_SEX_FEMALE = 0, OV_SEX_MALE = 1 } ov_sex;

typedef struct ov_cpr {
    char digits[11];  /* the 10 digits, normalised, NUL-terminated */
    ov_date birth;
    ov_sex sex;
    bool mod11_ok;    /* informational only */
} ov_cpr;

/* Parse and validate; errors name `field` (e.g. "cpr") and say what is
 * wrong ("day 31 does not exist in April"). Surrounding blanks are ignored. */
ov_status ov_cpr_parse(ov_str s, const char *field, ov_cpr *out, ov_err *err);

/* The birth year for two-digit year yy and 7th digit d7, or 0 when the
 * inputs are outside 0-99 / 0-9. */
int ov_cpr_birth_year(int yy, int d7);

/* True when the 10 digits pass the modulus-11 test. */
bool ov_cpr_mod11(const char digits[10]);

#define OV_CPR_BUF 12
void ov_cpr_format(const ov_cpr *c, char out[OV_CPR_BUF]); /* DDMMYY-SSSS */
/* Masked for display where the full number is not needed: DDMMYY-XXXX. */
void ov_cpr_format_masked(const ov_cpr *c, char out[OV_CPR_BUF]);

#endif
