/*
 * cvr.h - Danish company registration numbers (CVR-nummer).
 *
 * 8 digits, the first not 0, with a modulus-11 check: the weighted sum with
 * weights 2,7,6,5,4,3,2,1 is divisible by 11. Spaces are tolerated on input
 * ("DK 12 34 56 78" style prefixes are not: give the 8 digits).
 */
#ifndef OV_CORE_CVR_H
#define OV_CORE_CVR_H

#include <stdbool.h>

#include "core/err.h"
#include "core/str.h"

#define OV_CVR_BUF 9
bool ov_cvr_check(const char digits[8]);
/* Normalise to 8 digits in out; errors name `field`. */
ov_status ov_cvr_parse(ov_str s, const char *field, char out[OV_CVR_BUF], ov_err *err);

#endif
