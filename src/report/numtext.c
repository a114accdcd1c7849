/*
 * numtext.c - the figures of numtext.h: core/fmt.h's Danish digits, with
 * the separators exchanged for an English reader ('.' and ',' swap
 * places; a Danish number has no other use of either).
 */
#include "report/numtext.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"
#include "core/svg.h"

#define DASH "\xe2\x80\x93" /* – */

static ov_numtext text(const char *s)
{
    ov_numtext t;
    snprintf(t.s, sizeof t.s, "%s", s);
    return t;
}

/* A Danish number in the reader's form. */
static ov_numtext in_lang(ov_numlang l, const char *dk)
{
    ov_numtext t = text(dk);
    if (l == OV_NUM_EN)
        for (char *c = t.s; *c; c++) {
            if (*c == '.')
                *c = ',';
            else if (*c == ',')
                *c = '.';
        }
    return t;
}

ov_numtext ov_num_int(ov_numlang l, int64_t v)
{
    char f[OV_FMT_BUF];
    ov_fmt_int_dk(v, f);
    return in_lang(l, f);
}

ov_numtext ov_num_dec(ov_numlang l, double v, int decimals)
{
    if (!isfinite(v))
        return text(DASH);
    char f[OV_FMT_BUF];
    ov_fmt_decimal_dk(v, decimals, f);
    return in_lang(l, f);
}

ov_numtext ov_num_kr(ov_numlang l, double kroner, int decimals)
{
    ov_numtext t = ov_num_dec(l, kroner, decimals);
    if (!isfinite(kroner))
        return t;
    size_t n = strlen(t.s);
    snprintf(t.s + n, sizeof t.s - n, " kr.");
    return t;
}

ov_numtext ov_num_pct(ov_numlang l, double share)
{
    if (!isfinite(share))
        return text(DASH);
    char f[OV_FMT_BUF];
    ov_fmt_percent_dk(share, f); /* "20,1 %" */
    ov_numtext t = in_lang(l, f);
    if (l == OV_NUM_EN) { /* "20.1%": no space before the sign */
        size_t n = strlen(t.s);
        if (n >= 2 && t.s[n - 2] == ' ') {
            t.s[n - 2] = '%';
            t.s[n - 1] = '\0';
        }
    }
    return t;
}

ov_numtext ov_num_value(ov_numlang l, double v, int max_decimals)
{
    char f[OV_FMT_BUF];
    ov_svg_value(v, max_decimals, f); /* "–" when not finite */
    return in_lang(l, f);
}

ov_numtext ov_num_percent(ov_numlang l, double percent, int max_decimals)
{
    ov_numtext t = ov_num_value(l, percent, max_decimals);
    if (!isfinite(percent))
        return t;
    size_t n = strlen(t.s);
    snprintf(t.s + n, sizeof t.s - n, "%s", l == OV_NUM_EN ? "%" : " %");
    return t;
}
