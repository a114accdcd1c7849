/*
 * numtext.h - numbers and kroner as a reader of either language reads
 * them, for every report and page that shows figures (the evaluation's
 * report.html, economics.html and the workbook's notes, the economics
 * page).
 *
 * Why one module: the report and the page each had their own copies of
 * "whole kroner with thousands points", and the English page showed
 * Danish numbers. Here the digits come from core/fmt.h (exact rounding
 * half away from zero on the shown digits, never "-0"), and only the
 * separators follow the language:
 *
 *   Danish   1.234.567,8 kr.   -91.800 kr.   57,3   20,1 %
 *   English  1,234,567.8 kr.   -91,800 kr.   57.3   20.1%
 *
 * English keeps "kr." after the amount: the English page's labels say
 * "(kr.)" and "kr. per year", so the unit reads the same in labels and
 * figures. A value that is not finite (a missing figure) is "–" (en
 * dash) in both languages.
 *
 * The values of ov_numlang are web/msg.h's ov_lang's and econ/econ.h's
 * ov_econ_lang's (0 Danish, 1 English), so a page passes its language
 * with a cast; ui_econ.c asserts that at build time.
 */
#ifndef OV_REPORT_NUMTEXT_H
#define OV_REPORT_NUMTEXT_H

#include <stdint.h>

typedef enum ov_numlang { OV_NUM_DA = 0, OV_NUM_EN = 1 } ov_numlang;

/* A formatted figure returned by value: pass `.s` straight to a printf
 * (a temporary lives to the end of the full expression). */
#define OV_NUMTEXT_MAX 128
typedef struct ov_numtext {
    char s[OV_NUMTEXT_MAX];
} ov_numtext;

/* An integer with thousands separators: "1.234.567" / "1,234,567". */
ov_numtext ov_num_int(ov_numlang l, int64_t v);
/* A decimal with `decimals` places (0-6): 57.25, 1 -> "57,3" / "57.3";
 * thousands separated; "–" when not finite. */
ov_numtext ov_num_dec(ov_numlang l, double v, int decimals);
/* Kroner with `decimals` places (0-6) and the unit: -91800, 0 ->
 * "-91.800 kr." / "-91,800 kr."; "–" when not finite. */
ov_numtext ov_num_kr(ov_numlang l, double kroner, int decimals);
/* A share as a percentage with one decimal: 0.201 -> "20,1 %" /
 * "20.1%"; "–" when not finite. */
ov_numtext ov_num_pct(ov_numlang l, double share);

/* The web pages' short figures (the boards, the charts' tooltips, hours):
 * at most max_decimals (0-6), trailing zeros dropped, thousands
 * separated: 12.5, 1 -> "12,5" / "12.5"; 80.0 -> "80"; 1234 -> "1.234" /
 * "1,234"; "–" when not finite (core/svg.h's ov_svg_value in the
 * reader's form). */
ov_numtext ov_num_value(ov_numlang l, double v, int max_decimals);
/* A figure already in per cent, shown as ov_num_value with the sign:
 * 79.8 -> "79,8 %" / "79.8%"; "–" when not finite. */
ov_numtext ov_num_percent(ov_numlang l, double percent, int max_decimals);

#endif
