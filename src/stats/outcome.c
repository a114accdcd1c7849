#include "stats/outcome.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static bool parse_int(ov_str s, int *out)
{
    if (s.len == 0 || s.len > 4)
        return false;
    int v = 0;
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] < '0' || s.ptr[i] > '9')
            return false;
        v = v * 10 + (s.ptr[i] - '0');
    }
    *out = v;
    return true;
}

static bool valid_name(ov_str s)
{
    if (s.len == 0 || s.len > OV_OUTCOME_NAME_MAX)
        return false;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
            return false;
    }
    return true;
}

static void canonical(ov_outcome_spec *o)
{
    char st[128] = "";
    size_t l = 0;
    for (int s = 0; s < OV_RS_COUNT; s++)
        if (o->statuses & (1u << s)) {
            int w = snprintf(st + l, sizeof st - l, "%s%s", l ? "," : "",
                             ov_regstatus_code((ov_regstatus)s));
            if (w > 0)
                l += (size_t)w;
            if (l >= sizeof st)
                l = sizeof st - 1;
        }
    switch (o->kind) {
    case OV_OC_AT:
        snprintf(o->spec, sizeof o->spec, "at:%s:%d", st, o->a);
        break;
    case OV_OC_EVER:
        snprintf(o->spec, sizeof o->spec, "ever:%s:%d-%d", st, o->a, o->b);
        break;
    case OV_OC_COUNT:
        snprintf(o->spec, sizeof o->spec, "count:%s:%d-%d", st, o->a, o->b);
        break;
    case OV_OC_SUM:
        snprintf(o->spec, sizeof o->spec, "sum:%s:%d-%d", o->column, o->a,
                 o->b);
        break;
    case OV_OC_HAZARD:
        snprintf(o->spec, sizeof o->spec, "hazard:%s:q%d", st, o->quarter);
        break;
    }
}

#define FORMS                                                                 \
    "use NAME=at:STATUS[,STATUS]:K, NAME=ever:STATUS[,STATUS]:A-B, "          \
    "NAME=count:STATUS[,STATUS]:A-B or NAME=sum:COLUMN:A-B"

ov_status ov_outcome_parse(const char *arg, ov_outcome_spec *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    ov_str all = ov_str_c(arg), name;
    ov_str rest = ov_str_cut(all, '=', &name);
    if (!rest.ptr)
        return ov_err_set(err, OV_EINVAL, "--outcome",
                          "--outcome '%s' has no name; " FORMS, arg);
    if (!valid_name(name))
        return ov_err_set(err, OV_EINVAL, "--outcome",
                          "--outcome '%s': the name must be 1-%d letters, "
                          "digits, '_', '-' or '.'",
                          arg, OV_OUTCOME_NAME_MAX);
    memcpy(out->name, name.ptr, name.len);
    ov_str kind, body;
    ov_str tail = ov_str_cut(rest, ':', &kind);
    if (!tail.ptr)
        return ov_err_set(err, OV_EINVAL, "--outcome",
                          "--outcome '%s' is incomplete: after the kind come "
                          "the statuses (or column) and the months; " FORMS,
                          arg);
    ov_str range = ov_str_cut(tail, ':', &body);
    if (!range.ptr || range.len == 0 || body.len == 0)
        return ov_err_set(err, OV_EINVAL, "--outcome",
                          "--outcome '%s' is incomplete; " FORMS, arg);
    if (ov_str_eq_c(kind, "at"))
        out->kind = OV_OC_AT;
    else if (ov_str_eq_c(kind, "ever"))
        out->kind = OV_OC_EVER;
    else if (ov_str_eq_c(kind, "count"))
        out->kind = OV_OC_COUNT;
    else if (ov_str_eq_c(kind, "sum"))
        out->kind = OV_OC_SUM;
    else
        return ov_err_set(err, OV_EINVAL, "--outcome",
                          "--outcome '%s': unknown kind '%.*s'; " FORMS, arg,
                          (int)kind.len, kind.ptr);
    if (out->kind == OV_OC_AT) {
        if (!parse_int(range, &out->a) || out->a > OV_OUTCOME_MONTH_MAX)
            return ov_err_set(err, OV_EINVAL, "--outcome",
                              "--outcome '%s': the month must be a whole "
                              "number 0-%d",
                              arg, OV_OUTCOME_MONTH_MAX);
        out->b = out->a;
    } else {
        ov_str lo;
        ov_str hi = ov_str_cut(range, '-', &lo);
        if (!hi.ptr || !parse_int(lo, &out->a) || !parse_int(hi, &out->b) ||
            out->a > out->b || out->b > OV_OUTCOME_MONTH_MAX)
            return ov_err_set(err, OV_EINVAL, "--outcome",
                              "--outcome '%s': the months must be a range "
                              "A-B with 0 <= A <= B <= %d, e.g. 1-12",
                              arg, OV_OUTCOME_MONTH_MAX);
    }
    if (out->kind == OV_OC_SUM) {
        if (!valid_name(body))
            return ov_err_set(err, OV_EINVAL, "--outcome",
                              "--outcome '%s': '%.*s' is not a column name",
                              arg, (int)body.len, body.ptr);
        memcpy(out->column, body.ptr, body.len);
    } else {
        ov_str s = body;
        while (s.ptr) {
            ov_str one;
            s = ov_str_cut(s, ',', &one);
            int code = ov_regstatus_parse(one);
            if (code < 0)
                return ov_err_set(err, OV_EINVAL, "--outcome",
                                  "--outcome '%s': unknown status '%.*s'; use "
                                  "ordinary, subsidised, placement, benefit, "
                                  "disability_pension, resource_course, "
                                  "education or other",
                                  arg, (int)one.len, one.ptr);
            out->statuses |= 1u << code;
        }
    }
    canonical(out);
    return OV_OK;
}

static void add(ov_outcome_spec *out, int cap, int *n, const char *name,
                ov_oc_kind kind, unsigned st, int a, int b)
{
    if (*n >= cap)
        return;
    ov_outcome_spec *o = &out[(*n)++];
    memset(o, 0, sizeof *o);
    snprintf(o->name, sizeof o->name, "%s", name);
    o->kind = kind;
    o->statuses = st;
    o->a = a;
    o->b = b;
    canonical(o);
}

int ov_outcome_defaults(const char *const *numcols, int nnum,
                        ov_outcome_spec *out, int cap)
{
    int n = 0;
    const unsigned ord = 1u << OV_RS_ORDINARY;
    add(out, cap, &n, "employed_m12", OV_OC_AT, ord, 12, 12);
    add(out, cap, &n, "employed_m24", OV_OC_AT, ord, 24, 24);
    add(out, cap, &n, "employed_m36", OV_OC_AT, ord, 36, 36);
    add(out, cap, &n, "company_directed_12", OV_OC_EVER,
        (1u << OV_RS_PLACEMENT) | (1u << OV_RS_SUBSIDISED), 1, 12);
    add(out, cap, &n, "disability_or_resource_36", OV_OC_AT,
        (1u << OV_RS_DISABILITY) | (1u << OV_RS_RESOURCE), 36, 36);
    add(out, cap, &n, "education_36", OV_OC_AT, 1u << OV_RS_EDUCATION, 36,
        36);
    add(out, cap, &n, "months_ordinary_1_36", OV_OC_COUNT, ord, 1, 36);
    for (int q = 0; q < nnum && n < cap; q++) {
        char nm[OV_OUTCOME_NAME_MAX + 1];
        snprintf(nm, sizeof nm, "%s_1_12", numcols[q]);
        add(out, cap, &n, nm, OV_OC_SUM, 0, 1, 12);
        snprintf(out[n - 1].column, sizeof out[n - 1].column, "%s",
                 numcols[q]);
        canonical(&out[n - 1]);
    }
    for (int q = 1; q <= 12 && n < cap; q++) {
        char nm[OV_OUTCOME_NAME_MAX + 1];
        snprintf(nm, sizeof nm, "entry_hazard_q%02d", q);
        add(out, cap, &n, nm, OV_OC_HAZARD, ord, 3 * q - 2, 3 * q);
        out[n - 1].quarter = q;
        out[n - 1].curve = 1;
        canonical(&out[n - 1]);
    }
    for (int q = 1; q <= 12 && n < cap; q++) {
        char nm[OV_OUTCOME_NAME_MAX + 1];
        snprintf(nm, sizeof nm, "entry_cum_q%02d", q);
        add(out, cap, &n, nm, OV_OC_EVER, ord, 1, 3 * q);
        out[n - 1].quarter = q;
        out[n - 1].curve = 2;
    }
    return n;
}

int ov_outcome_max_month(const ov_outcome_spec *s, int n)
{
    int m = 0;
    for (int i = 0; i < n; i++)
        if (s[i].b > m)
            m = s[i].b;
    return m;
}

int ov_outcome_max_sum_month(const ov_outcome_spec *s, int n)
{
    int m = -1;
    for (int i = 0; i < n; i++)
        if (s[i].kind == OV_OC_SUM && s[i].b > m)
            m = s[i].b;
    return m;
}

ov_status ov_outcome_resolve(const ov_outcome_spec *s, int n,
                             const ov_register *r, int *numcol, ov_err *err)
{
    for (int i = 0; i < n; i++) {
        numcol[i] = -1;
        if (s[i].kind != OV_OC_SUM)
            continue;
        for (int q = 0; q < r->nnum; q++)
            if (strcmp(r->num_name[q], s[i].column) == 0)
                numcol[i] = q;
        if (numcol[i] < 0) {
            char cols[256] = "";
            size_t l = 0;
            for (int q = 0; q < r->nnum; q++) {
                int w = snprintf(cols + l, sizeof cols - l, "%s%s",
                                 q ? ", " : "", r->num_name[q]);
                if (w > 0)
                    l += (size_t)w;
                if (l >= sizeof cols)
                    l = sizeof cols - 1;
            }
            return ov_err_set(err, OV_EINVAL, "--outcome",
                              "--outcome %s: months.csv has no numeric "
                              "column '%s'%s%s",
                              s[i].name, s[i].column,
                              r->nnum ? "; its numeric columns are: "
                                      : " (it has no numeric columns)",
                              cols);
        }
    }
    return OV_OK;
}

double ov_outcome_value(const ov_outcome_spec *s, int numcol,
                        const ov_register *r, size_t i)
{
    if (s->b > r->kmax)
        return NAN;
    const unsigned char *st = r->status + i * (size_t)(r->kmax + 1);
    switch (s->kind) {
    case OV_OC_AT: {
        unsigned v = st[s->a];
        if (v == OV_RS_MISSING)
            return NAN;
        return (s->statuses >> v) & 1u ? 1.0 : 0.0;
    }
    case OV_OC_EVER:
    case OV_OC_COUNT: {
        int cnt = 0;
        for (int k = s->a; k <= s->b; k++) {
            unsigned v = st[k];
            if (v == OV_RS_MISSING)
                return NAN;
            cnt += (int)((s->statuses >> v) & 1u);
        }
        if (s->kind == OV_OC_EVER)
            return cnt > 0 ? 1.0 : 0.0;
        return (double)cnt;
    }
    case OV_OC_HAZARD: {
        for (int k = 1; k < s->a; k++) {
            unsigned v = st[k];
            if (v == OV_RS_MISSING)
                return NAN;
            if ((s->statuses >> v) & 1u)
                return NAN; /* entered earlier: not at risk */
        }
        int hit = 0;
        for (int k = s->a; k <= s->b; k++) {
            unsigned v = st[k];
            if (v == OV_RS_MISSING)
                return NAN;
            hit |= (int)((s->statuses >> v) & 1u);
        }
        return hit ? 1.0 : 0.0;
    }
    case OV_OC_SUM: {
        if (numcol < 0 || s->b > r->num_kmax)
            return NAN;
        const double *x = r->num[numcol] + i * (size_t)(r->num_kmax + 1);
        double sum = 0;
        for (int k = s->a; k <= s->b; k++) {
            if (isnan(x[k]))
                return NAN;
            sum += x[k];
        }
        return sum;
    }
    }
    return NAN;
}
