#include "stats/dist.h"

#include <float.h>
#include <math.h>

double ov_pnorm(double x) { return 0.5 * erfc(-x / M_SQRT2); }

double ov_qnorm(double p)
{
    if (!(p > 0 && p < 1))
        return p == 0 ? -INFINITY : p == 1 ? INFINITY : NAN;
    double q = p - 0.5, r, val;
    if (fabs(q) <= 0.425) {
        r = 0.180625 - q * q;
        val = q *
              (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r +
                    67265.770927008700853) * r +
                   45921.953931549871457) * r +
                  13731.693765509461125) * r +
                 1971.5909503065514427) * r +
                133.14166789178437745) * r +
               3.387132872796366608) /
              (((((((r * 5226.495278852545925 + 28729.085735721942674) * r +
                    39307.89580009271061) * r +
                   21213.794301586595867) * r +
                  5394.1960214247511077) * r +
                 687.1870074920579083) * r +
                42.313330701600911252) * r +
               1.0);
        return val;
    }
    r = q < 0 ? p : 1.0 - p;
    r = sqrt(-log(r));
    if (r <= 5.0) {
        r -= 1.6;
        val = (((((((r * 7.7454501427834140764e-4 +
                     0.0227238449892691845833) * r +
                    0.24178072517745061177) * r +
                   1.27045825245236838258) * r +
                  3.64784832476320460504) * r +
                 5.7694972214606914055) * r +
                4.6303378461565452959) * r +
               1.42343711074968357734) /
              (((((((r * 1.05075007164441684324e-9 +
                     5.475938084995344946e-4) * r +
                    0.0151986665636164571966) * r +
                   0.14810397642748007459) * r +
                  0.68976733498510000455) * r +
                 1.6763848301838038494) * r +
                2.05319162663775882187) * r +
               1.0);
    } else {
        r -= 5.0;
        val = (((((((r * 2.01033439929228813265e-7 +
                     2.71155556874348757815e-5) * r +
                    0.0012426609473880784386) * r +
                   0.026532189526576123093) * r +
                  0.29656057182850489123) * r +
                 1.7848265399172913358) * r +
                5.4637849111641143699) * r +
               6.6579046435011037772) /
              (((((((r * 2.04426310338993978564e-15 +
                     1.4215117583164458887e-7) * r +
                    1.8463183175100546818e-5) * r +
                   7.868691311456132591e-4) * r +
                  0.0148753612908506148525) * r +
                 0.13692988092273580531) * r +
                0.59983220655588793769) * r +
               1.0);
    }
    return q < 0 ? -val : val;
}

/* Stirling's correction: lgamma(x) - ((x - 0.5) log x - x + log(2 pi)/2),
 * for x >= 10. */
static double stirlerr(double x)
{
    double x2 = 1.0 / (x * x);
    return (1.0 / 12 -
            x2 * (1.0 / 360 - x2 * (1.0 / 1260 - x2 * (1.0 / 1680 -
                                                     x2 * (1.0 / 1188))))) /
           x;
}

/* log B(a, b) without the cancellation of lgamma differences when one
 * argument is large. */
static double lbeta(double a, double b)
{
    double p = a < b ? a : b, q = a < b ? b : a;
    if (q < 10)
        return lgamma(p) + lgamma(q) - lgamma(p + q);
    /* lgamma(q) - lgamma(p + q) by Stirling, differences taken exactly */
    double d = -(q - 0.5) * log1p(p / q) - p * log(p + q) + p + stirlerr(q) -
               stirlerr(p + q);
    if (p >= 10) {
        /* both large: lgamma(p) by Stirling as well */
        double lp = (p - 0.5) * log(p) - p + 0.5 * log(2 * M_PI) + stirlerr(p);
        return lp + d;
    }
    return lgamma(p) + d;
}

/* Continued fraction of the incomplete beta function (modified Lentz). */
static double betacf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (fabs(d) < tiny)
        d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 1000000; m++) {
        double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (fabs(d) < tiny)
            d = tiny;
        c = 1 + aa / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1) < 1e-16)
            break;
    }
    return h;
}

/* I_x(a, b), given x, y = 1 - x and their logarithms (all accurate). */
static double ibeta(double a, double b, double x, double y, double lx,
                    double ly)
{
    if (x <= 0)
        return 0;
    if (y <= 0)
        return 1;
    double front = exp(a * lx + b * ly - lbeta(a, b));
    if (x < (a + 1) / (a + b + 2))
        return front * betacf(a, b, x) / a;
    return 1 - front * betacf(b, a, y) / b;
}

/* P(T > |t|) for T ~ t(df), accurate in the far tail. */
static double pt_upper(double t, double df)
{
    t = fabs(t);
    if (isinf(df))
        return 0.5 * erfc(t / M_SQRT2);
    double t2 = t * t;
    /* x = df / (df + t^2), y = t^2 / (df + t^2) */
    double x, y, lx, ly;
    if (t2 < df) {
        double r = t2 / df;
        x = 1 / (1 + r);
        y = r / (1 + r);
        lx = -log1p(r);
        ly = log(r) - log1p(r);
    } else {
        double r = df / t2;
        x = r / (1 + r);
        y = 1 / (1 + r);
        lx = log(r) - log1p(r);
        ly = -log1p(r);
    }
    return 0.5 * ibeta(df / 2, 0.5, x, y, lx, ly);
}

double ov_pt(double t, double df)
{
    if (isnan(t) || isnan(df) || df <= 0)
        return NAN;
    if (isinf(t))
        return t > 0 ? 1.0 : 0.0;
    double up = pt_upper(t, df);
    return t > 0 ? 1.0 - up : up;
}

/* density of t(df) */
static double dt(double t, double df)
{
    if (isinf(df) || df > 1e15)
        return exp(-0.5 * t * t) / sqrt(2 * M_PI);
    return exp(-lbeta(df / 2, 0.5) - 0.5 * log(df) -
               (df + 1) / 2 * log1p(t * t / df));
}

double ov_qt(double p, double df)
{
    if (isnan(p) || isnan(df) || df <= 0 || p <= 0 || p >= 1)
        return p == 0 ? -INFINITY : p == 1 ? INFINITY : NAN;
    if (p == 0.5)
        return 0.0;
    double tail = p > 0.5 ? 1.0 - p : p; /* wanted P(T > x), x > 0 */
    double x;
    if (df == 1) {
        x = tan(M_PI * (0.5 - tail));
    } else if (df == 2) {
        double a = 1.0 - 2.0 * tail;
        x = a * sqrt(2.0 / (1.0 - a * a));
    } else {
        double z = -ov_qnorm(tail);
        x = z + (z * z * z + z) / (4 * df);
    }
    /* Newton on the upper tail, safeguarded by a bracket */
    double lo = 0, hi = INFINITY;
    for (int it = 0; it < 100; it++) {
        double f = pt_upper(x, df) - tail; /* decreasing in x */
        if (f > 0)
            lo = x;
        else
            hi = x;
        double step = f / dt(x, df);
        double nx = x + step;
        if (!(nx > lo && nx < hi))
            nx = isinf(hi) ? 2 * x + 1 : 0.5 * (lo + hi);
        if (fabs(nx - x) <= 4 * DBL_EPSILON * fabs(nx))
            return p > 0.5 ? nx : -nx;
        x = nx;
    }
    return p > 0.5 ? x : -x;
}
