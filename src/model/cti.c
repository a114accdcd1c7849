#include "model/cti.h"

#include "core/fmt.h"

#include <stdio.h>

static const struct {
    const char *code, *label;
    int default_months; /* 0: must be given */
} bases[OV_BASIS_COUNT] = {
    [OV_BASIS_SEL85] = {"sel_85", "SEL § 85", 0},
    [OV_BASIS_SEL82B] = {"sel_82b", "SEL § 82 B", 6},
    [OV_BASIS_LAB31B] = {"lab_31b", "LAB § 31 B", 6},
    [OV_BASIS_OTHER] = {"other", "Andet", 9},
};

const char *ov_legal_basis_code(ov_legal_basis b)
{
    return (unsigned)b < OV_BASIS_COUNT ? bases[b].code : "unknown";
}

const char *ov_legal_basis_label_da(ov_legal_basis b)
{
    return (unsigned)b < OV_BASIS_COUNT ? bases[b].label : "Ukendt";
}

ov_status ov_legal_basis_parse(ov_str code, ov_legal_basis *out, ov_err *err)
{
    for (int i = 0; i < OV_BASIS_COUNT; i++)
        if (ov_str_eq_c(code, bases[i].code)) {
            *out = (ov_legal_basis)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "legal_basis", cti_legal_basis_choose);
}

ov_status ov_cti_length(ov_legal_basis b, int explicit_months, int *months,
                        ov_err *err)
{
    if ((unsigned)b >= OV_BASIS_COUNT)
        return ov_err_msg(err, OV_EINVAL, "legal_basis",
                          cti_legal_basis_unknown);
    if (explicit_months == 0) {
        if (bases[b].default_months == 0)
            return ov_err_msg(err, OV_EINVAL, "length_months",
                              cti_length_needed_sel85);
        *months = bases[b].default_months;
        return OV_OK;
    }
    if (explicit_months < 3 || explicit_months > 24)
        return ov_err_msg(err, OV_EINVAL, "length_months", cti_length_range,
                          explicit_months);
    *months = explicit_months;
    return OV_OK;
}

void ov_cti_phases(ov_date start, int months, ov_cti_course *out)
{
    out->start = start;
    out->months = months;
    out->end = ov_date_add_months(start, months);
    out->phase_start[0] = start;
    if (months % 3 == 0) {
        out->phase_start[1] = ov_date_add_months(start, months / 3);
        out->phase_start[2] = ov_date_add_months(start, 2 * months / 3);
    } else {
        int total = out->end - start;
        int base = total / 3, rem = total % 3;
        out->phase_start[1] = start + base + (rem > 0);
        out->phase_start[2] = out->phase_start[1] + base + (rem > 1);
    }
}

int ov_cti_phase_of(const ov_cti_course *c, ov_date d)
{
    if (d < c->start)
        return 0;
    if (d >= c->end)
        return 4;
    if (d >= c->phase_start[2])
        return 3;
    if (d >= c->phase_start[1])
        return 2;
    return 1;
}

ov_cti_rules ov_cti_rules_default(void)
{
    return (ov_cti_rules){{7, 14, 28}, 14, 2, 20};
}

ov_status ov_cti_rules_validate(const ov_cti_rules *r, ov_err *err)
{
    for (int i = 0; i < 3; i++) {
        if (r->interval_days[i] < 1 || r->interval_days[i] > 90)
            return ov_err_msg(err, OV_EINVAL, "interval_days",
                              cti_interval_range, i + 1);
        if (i > 0 && r->interval_days[i] < r->interval_days[i - 1])
            return ov_err_msg(err, OV_EINVAL, "interval_days",
                              cti_interval_decreasing, i + 1, i);
    }
    if (r->early_days < 0 || r->early_days > 90)
        return ov_err_msg(err, OV_EINVAL, "early_days", cti_early_days_range);
    if (r->min_first_month < 0 || r->min_first_month > 31)
        return ov_err_msg(err, OV_EINVAL, "min_first_month",
                          cti_first_month_range);
    if (r->caseload_limit < 1 || r->caseload_limit > 200)
        return ov_err_msg(err, OV_EINVAL, "caseload_limit",
                          cti_caseload_range);
    return OV_OK;
}

static const struct {
    const char *code, *label;
} forms[OV_FORM_COUNT] = {
    [OV_FORM_MEETING] = {"meeting", "Møde"},
    [OV_FORM_PHONE] = {"phone", "Telefon"},
    [OV_FORM_VIDEO] = {"video", "Video"},
    [OV_FORM_WORKPLACE] = {"workplace", "På arbejdspladsen"},
    [OV_FORM_NETWORK] = {"network", "Med netværket"},
};

const char *ov_contact_form_code(ov_contact_form f)
{
    return (unsigned)f < OV_FORM_COUNT ? forms[f].code : "unknown";
}

const char *ov_contact_form_label_da(ov_contact_form f)
{
    return (unsigned)f < OV_FORM_COUNT ? forms[f].label : "Ukendt";
}

ov_status ov_contact_form_parse(ov_str code, ov_contact_form *out, ov_err *err)
{
    for (int i = 0; i < OV_FORM_COUNT; i++)
        if (ov_str_eq_c(code, forms[i].code)) {
            *out = (ov_contact_form)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "form", cti_form_choose);
}

ov_status ov_cti_contact_validate(const ov_cti_course *c,
                                  const ov_cti_contact *k, ov_date today,
                                  ov_err *err)
{
    char d[OV_DATE_BUF];
    if (k->date < c->start) {
        ov_date_format_dk(c->start, d);
        return ov_err_msg(err, OV_EINVAL, "date", cti_date_before_start, d);
    }
    if (k->date >= c->end) {
        ov_date_format_dk(c->end - 1, d);
        return ov_err_msg(err, OV_EINVAL, "date", cti_date_after_end, d);
    }
    if (k->date > today)
        return ov_err_msg(err, OV_EINVAL, "date", cti_date_in_future);
    if ((unsigned)k->form >= OV_FORM_COUNT)
        return ov_err_msg(err, OV_EINVAL, "form", cti_form_unknown);
    if (k->minutes < 1 || k->minutes > 600)
        return ov_err_msg(err, OV_EINVAL, "minutes", cti_minutes_range,
                          k->minutes);
    if (k->focus.len > 200 || !ov_str_is_utf8(k->focus))
        return ov_err_msg(err, OV_EINVAL, "focus", cti_focus_too_long);
    if (k->note.len > OV_CTI_NOTE_MAX || !ov_str_is_utf8(k->note))
        return ov_err_msg(err, OV_EINVAL, "note", cti_note_too_long,
                          OV_CTI_NOTE_MAX);
    return OV_OK;
}

ov_status ov_cti_focus_validate(const ov_str *areas, int n, int phase,
                                ov_err *err)
{
    if (n < 1 || n > 3)
        return ov_err_msg(err, OV_EINVAL, "focus_areas",
                          cti_focus_areas_count, phase, n);
    for (int i = 0; i < n; i++) {
        ov_str a = ov_str_trim(areas[i]);
        if (a.len == 0 || a.len > 200 || !ov_str_is_utf8(a))
            return ov_err_msg(err, OV_EINVAL, "focus_areas",
                              cti_focus_area_length, i + 1, phase);
        for (int j = 0; j < i; j++)
            if (ov_str_eq(a, ov_str_trim(areas[j])))
                return ov_err_msg(err, OV_EINVAL, "focus_areas",
                                  cti_focus_area_twice,
                                  ov_arg_strn(a.ptr, a.len), phase);
    }
    return OV_OK;
}

static ov_date phase_end(const ov_cti_course *c, int p)
{
    return p < 3 ? c->phase_start[p] : c->end;
}

void ov_cti_intensity_of(const ov_cti_course *c, const ov_cti_rules *r,
                         const ov_cti_contact *k, int n, ov_date today,
                         ov_cti_intensity out[3])
{
    for (int p = 1; p <= 3; p++) {
        ov_cti_intensity *x = &out[p - 1];
        ov_date s = c->phase_start[p - 1], e = phase_end(c, p);
        ov_date upto = today + 1 < e ? today + 1 : e; /* today counts */
        x->phase = p;
        x->elapsed_days = upto > s ? upto - s : 0;
        x->planned = (double)x->elapsed_days / r->interval_days[p - 1];
        x->actual = 0;
        for (int i = 0; i < n; i++)
            if (k[i].date >= s && k[i].date < upto)
                x->actual++;
        x->per_week = x->elapsed_days ? x->actual * 7.0 / x->elapsed_days : 0.0;
    }
}

const char *ov_cti_warning_code_str(ov_cti_warning_code c)
{
    static const char *const codes[OV_CTI_WARNING_COUNT] = {
        "cti_after_placement", "cti_too_early", "intensity_rising",
        "too_few_first_month", "caseload_over_limit"};
    return (unsigned)c < OV_CTI_WARNING_COUNT ? codes[c] : "unknown";
}

int ov_cti_check(const ov_cti_course *c, const ov_cti_rules *r,
                 const ov_cti_facts *f, const ov_cti_contact *k, int n,
                 ov_date today, ov_cti_warning *out, int cap)
{
    int w = 0;
    char d1[OV_DATE_BUF], d2[OV_DATE_BUF];
    bool added = false;
#define WARN(code_, ...)                                                      \
    do {                                                                      \
        added = w < cap;                                                      \
        if (added) {                                                          \
            out[w].code = (code_);                                            \
            out[w].nargs = 0;                                                 \
            snprintf(out[w].text_da, sizeof out[w].text_da, __VA_ARGS__);     \
            w++;                                                              \
        }                                                                     \
    } while (0)
    /* the values of the warning just added, as text */
#define ARG(fmt_, v_)                                                         \
    do {                                                                      \
        if (added && out[w - 1].nargs < 4) {                                  \
            ov_cti_warning *o_ = &out[w - 1];                                 \
            snprintf(o_->args[o_->nargs], sizeof o_->args[0], fmt_, v_);      \
            o_->nargs++;                                                      \
        }                                                                     \
    } while (0)
    if (f->has_placement) {
        ov_date_format_dk(c->start, d1);
        ov_date_format_dk(f->placement_start, d2);
        if (c->start > f->placement_start) {
            WARN(OV_CTI_AFTER_PLACEMENT,
                 "CTI startede %s, efter virksomhedsforløbet (%s); CTI skal "
                 "starte kort før",
                 d1, d2);
            ARG("%s", d1);
            ARG("%s", d2);
        } else if (f->placement_start - c->start > r->early_days) {
            WARN(OV_CTI_TOO_EARLY,
                 "CTI startede %s, %d dage før virksomhedsforløbet (%s); "
                 "højst %d dage før",
                 d1, f->placement_start - c->start, d2, r->early_days);
            ARG("%s", d1);
            ARG("%d", f->placement_start - c->start);
            ARG("%s", d2);
            ARG("%d", r->early_days);
        }
    }
    ov_cti_intensity in[3];
    ov_cti_intensity_of(c, r, k, n, today, in);
    for (int p = 1; p < 3; p++) {
        if (in[p].elapsed_days >= 7 && in[p - 1].elapsed_days >= 7 &&
            in[p].per_week > in[p - 1].per_week + 1e-9) {
            char before[OV_FMT_BUF], after[OV_FMT_BUF];
            ov_fmt_decimal_dk(in[p - 1].per_week, 1, before);
            ov_fmt_decimal_dk(in[p].per_week, 1, after);
            WARN(OV_CTI_INTENSITY_RISING,
                 "Kontakten steg fra fase %d (%s pr. uge) til fase %d "
                 "(%s pr. uge); intensiteten skal aftage",
                 p, before, p + 1, after);
            ARG("%d", p);
            ARG("%s", before);
            ARG("%d", p + 1);
            ARG("%s", after);
        }
    }
    ov_date first_month_end = ov_date_add_months(c->start, 1);
    if (today >= first_month_end) {
        int cnt = 0;
        for (int i = 0; i < n; i++)
            if (k[i].date >= c->start && k[i].date < first_month_end)
                cnt++;
        if (cnt < r->min_first_month)
            WARN(OV_CTI_TOO_FEW_FIRST_MONTH,
                 "Kun %d kontakter i første måned; mindst %d", cnt,
                 r->min_first_month);
        if (cnt < r->min_first_month) {
            ARG("%d", cnt);
            ARG("%d", r->min_first_month);
        }
    }
    if (f->worker_caseload > r->caseload_limit)
        WARN(OV_CTI_CASELOAD,
             "CTI-medarbejderen har %d aktive borgere; højst %d",
             f->worker_caseload, r->caseload_limit);
    if (f->worker_caseload > r->caseload_limit) {
        ARG("%d", f->worker_caseload);
        ARG("%d", r->caseload_limit);
    }
#undef WARN
#undef ARG
    return w;
}
