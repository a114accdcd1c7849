#include "core/fmt.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copy n decimal digits to out with '.' every three from the right; out is
 * always NUL-terminated within cap. */
static void group_digits(const char *dig, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0 && o + 2 < cap)
            out[o++] = '.';
        out[o++] = dig[i];
    }
    out[o] = '\0';
}

static void group(uint64_t v, char *out, size_t cap)
{
    char tmp[24];
    int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    group_digits(tmp, (size_t)n, out, cap);
}

/* |v| without overflow: INT64_MIN has no positive int64. */
static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
}

void ov_fmt_int_dk(int64_t v, char out[OV_FMT_BUF])
{
    char g[OV_FMT_BUF];
    group(magnitude(v), g, sizeof g);
    snprintf(out, OV_FMT_BUF, "%s%s", v < 0 ? "-" : "", g);
}

void ov_fmt_kr(int64_t ore, char out[OV_FMT_BUF])
{
    uint64_t m = magnitude(ore);
    char g[OV_FMT_BUF];
    group(m / 100, g, sizeof g);
    if (m % 100 == 0)
        snprintf(out, OV_FMT_BUF, "%s%s kr.", ore < 0 ? "-" : "", g);
    else
        snprintf(out, OV_FMT_BUF, "%s%s,%02u kr.", ore < 0 ? "-" : "", g,
                 (unsigned)(m % 100));
}

/*
 * A finite, non-negative double as significant digits: value =
 * 0.dig[0]dig[1]..dig[n-1] x 10^point. The digits are the shortest decimal
 * (15, 16 or 17 significant digits, trailing zeros dropped) that reads back
 * as exactly a, i.e. what a person sees when the number is printed. Rounding
 * those digits, not the binary value, makes 0.285 round to 0,29 and 1.005 to
 * 1,01, as a reader expects. Returns n (0 for zero).
 */
#define SIG_MAX 17

static int decimal_digits(double a, char dig[SIG_MAX], int *point)
{
    *point = 0;
    if (a == 0)
        return 0;
    char buf[40];
    for (int p = 15; p <= SIG_MAX; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, a);
        if (p == SIG_MAX || strtod(buf, NULL) == a)
            break;
    }
    /* "d.ddde[+-]xx"; the decimal point may be another character in some
     * locale, so take the digits before the 'e' and the exponent after */
    int n = 0;
    const char *q = buf;
    for (; *q && *q != 'e' && *q != 'E'; q++)
        if (*q >= '0' && *q <= '9' && n < SIG_MAX)
            dig[n++] = *q;
    int exp10 = *q ? atoi(q + 1) : 0;
    while (n > 0 && dig[n - 1] == '0')
        n--;
    *point = exp10 + 1;
    return n;
}

/* Round the digits to `decimals` places after the point, half away from
 * zero (on the magnitude, so half up). */
static int round_digits(char dig[SIG_MAX], int n, int *point, int decimals)
{
    int keep = *point + decimals; /* digits that stay */
    if (keep >= n)
        return n;
    if (keep < 0)
        return 0;
    bool up = dig[keep] >= '5';
    n = keep;
    if (!up) {
        while (n > 0 && dig[n - 1] == '0')
            n--;
        return n;
    }
    while (n > 0 && dig[n - 1] == '9')
        n--;
    if (n == 0) { /* 9.99 -> 10.0: one digit, the point moves right */
        dig[0] = '1';
        (*point)++;
        return 1;
    }
    dig[n - 1]++;
    return n;
}

/* The longest integer part shown in full: 30 digits and 9 dots, a sign, a
 * comma and 6 decimals still fit OV_FMT_BUF. Beyond it, scientific form. */
#define INT_DIGITS_MAX 30

/* v x 10^shift with `decimals` places in Danish form. */
static void fmt_decimal(double v, int shift, int decimals,
                        char out[OV_FMT_BUF])
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (isnan(v)) {
        snprintf(out, OV_FMT_BUF, "-");
        return;
    }
    if (isinf(v)) {
        snprintf(out, OV_FMT_BUF, "%s", v > 0 ? "∞" : "-∞");
        return;
    }
    char dig[SIG_MAX];
    int point;
    int n = decimal_digits(fabs(v), dig, &point);
    point += shift;
    n = round_digits(dig, n, &point, decimals);
    if (n == 0)
        point = 0; /* zero, or rounded to zero */
    /* no "-0,0": the sign only for a value that is non-zero when shown */
    const char *sign = (v < 0 && n > 0) ? "-" : "";
    if (n > 0 && point > INT_DIGITS_MAX) {
        /* d,ddde+X in Danish style; only for absurd magnitudes */
        snprintf(out, OV_FMT_BUF, "%s%c,%.*se+%d", sign, dig[0],
                 n > 1 ? n - 1 : 1, n > 1 ? dig + 1 : "0", point - 1);
        return;
    }
    /* integer part: dig[0..point-1], zero-padded; "0" when point <= 0 */
    char ip[INT_DIGITS_MAX];
    size_t ni = 0;
    for (int i = 0; i < point; i++)
        ip[ni++] = i < n ? dig[i] : '0';
    if (ni == 0)
        ip[ni++] = '0';
    char g[OV_FMT_BUF];
    group_digits(ip, ni, g, sizeof g);
    char fp[8];
    for (int i = 0; i < decimals; i++) {
        int k = point + i;
        fp[i] = k >= 0 && k < n ? dig[k] : '0';
    }
    fp[decimals] = '\0';
    snprintf(out, OV_FMT_BUF, "%s%s%s%s", sign, g, decimals ? "," : "", fp);
}

void ov_fmt_decimal_dk(double v, int decimals, char out[OV_FMT_BUF])
{
    fmt_decimal(v, 0, decimals, out);
}

/* The share's digits with the point moved two places, so 0.1225 is 12,25
 * before rounding (share * 100 in binary could give 12.249999...). */
void ov_fmt_percent_dk(double share, char out[OV_FMT_BUF])
{
    char d[OV_FMT_BUF];
    fmt_decimal(share, 2, 1, d);
    snprintf(out, OV_FMT_BUF, "%s %%", d);
}
