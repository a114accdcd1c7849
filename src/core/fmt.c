#include "core/fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Digits of an unsigned magnitude with '.' every three from the right. */
static void group(uint64_t v, char *out, size_t cap)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)v);
    size_t o = 0;
    for (int i = 0; i < n && o + 1 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0 && o + 1 < cap)
            out[o++] = '.';
        if (o + 1 < cap)
            out[o++] = tmp[i];
    }
    out[o] = '\0';
}

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

void ov_fmt_decimal_dk(double v, int decimals, char out[OV_FMT_BUF])
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (!isfinite(v)) {
        snprintf(out, OV_FMT_BUF, "%s", isnan(v) ? "-" : v > 0 ? "∞" : "-∞");
        return;
    }
    double scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    double r = round(fabs(v) * scale); /* half away from zero */
    if (r > 9.0e18) {
        snprintf(out, OV_FMT_BUF, "%.*g", 6, v);
        return;
    }
    uint64_t scaled = (uint64_t)r;
    uint64_t ip = scaled / (uint64_t)scale;
    uint64_t fp = scaled % (uint64_t)scale;
    char g[OV_FMT_BUF];
    group(ip, g, sizeof g);
    const char *sign = (v < 0 && scaled != 0) ? "-" : "";
    if (decimals == 0)
        snprintf(out, OV_FMT_BUF, "%s%s", sign, g);
    else
        snprintf(out, OV_FMT_BUF, "%s%s,%0*llu", sign, g, decimals,
                 (unsigned long long)fp);
}

void ov_fmt_percent_dk(double share, char out[OV_FMT_BUF])
{
    char d[OV_FMT_BUF];
    ov_fmt_decimal_dk(share * 100, 1, d);
    snprintf(out, OV_FMT_BUF, "%s %%", d);
}
