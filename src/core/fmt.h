/*
 * fmt.h - numbers and money in Danish formats.
 *
 * Thousands separator '.', decimal comma: 91.800 kr., 1.234,50 kr., 57,3.
 * Money is held in øre (int64) so sums are exact.
 */
#ifndef OV_CORE_FMT_H
#define OV_CORE_FMT_H

#include <stddef.h>
#include <stdint.h>

#define OV_FMT_BUF 48
/* "1.234.567", "-91.800", "0". */
void ov_fmt_int_dk(int64_t v, char out[OV_FMT_BUF]);
/* Kroner from øre: whole amounts without decimals ("91.800 kr."),
 * others with two ("1.234,50 kr."); negative amounts "-91.800 kr.". */
void ov_fmt_kr(int64_t ore, char out[OV_FMT_BUF]);
/* A decimal with `decimals` places (0-6), rounded half away from zero:
 * ov_fmt_decimal_dk(57.25, 1) = "57,3"; thousands separated. */
void ov_fmt_decimal_dk(double v, int decimals, char out[OV_FMT_BUF]);
/* A percentage with one decimal: 0.2 -> "20,0 %". */
void ov_fmt_percent_dk(double share, char out[OV_FMT_BUF]);

#endif
