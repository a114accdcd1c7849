#include "model/settings.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "model/measure.h"

void ov_settings_default(ov_settings *s)
{
    memset(s, 0, sizeof *s);
    s->screening = ov_screening_rules_default();
    s->followup = ov_followup_rule_default();
    s->cti = ov_cti_rules_default();
    s->measure_tolerance_days = 14;
    ov_life_domains_default(&s->domains);
    s->indicators = ov_ind_rules_default();
    s->attention_no_placement_months = 6;
    s->employer_hours = OV_EMPLOYER_HOURS_CONFIRM;
    s->hours_source = OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT;
}

ov_ind_context ov_settings_ind_context(const ov_settings *s, ov_date from,
                                       ov_date to)
{
    ov_ind_context cx;
    memset(&cx, 0, sizeof cx);
    cx.from = from;
    cx.to = to;
    cx.followup_interval_weeks = s->followup.interval_weeks;
    cx.cti_early_days = s->cti.early_days;
    cx.cti_min_first_month = s->cti.min_first_month;
    cx.rules = s->indicators;
    return cx;
}

ov_status ov_settings_validate(const ov_settings *s, ov_err *err)
{
    if (ov_screening_rules_validate(&s->screening, err) != OV_OK ||
        ov_followup_rule_validate(&s->followup, err) != OV_OK ||
        ov_cti_rules_validate(&s->cti, err) != OV_OK ||
        ov_measure_tolerance_validate(s->measure_tolerance_days, err) !=
            OV_OK ||
        ov_ind_rules_validate(&s->indicators, err) != OV_OK)
        return err->code;
    if (s->attention_no_placement_months < 1 ||
        s->attention_no_placement_months > 36)
        return ov_err_msg(err, OV_EINVAL, "attention_no_placement_months",
                          settings_no_placement_months,
                          s->attention_no_placement_months);
    if (s->employer_hours != OV_EMPLOYER_HOURS_CONFIRM &&
        s->employer_hours != OV_EMPLOYER_HOURS_ENTER)
        return ov_err_msg(err, OV_EINVAL, "employer_hours",
                          settings_employer_hours);
    if (s->hours_source != OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT &&
        s->hours_source != OV_HOURS_SOURCE_CONSULTANT)
        return ov_err_msg(err, OV_EINVAL, "hours_source",
                          settings_hours_source);
    if (s->retention_years != 0 &&
        (s->retention_years < 1 || s->retention_years > 100))
        return ov_err_msg(err, OV_EINVAL, "retention_years",
                          settings_retention_years, s->retention_years);
    if (s->domains.n < 1 || s->domains.n > OV_DOMAINS_MAX)
        return ov_err_msg(err, OV_EINVAL, "life_domains",
                          settings_domains_count, OV_DOMAINS_MAX);
    for (int i = 0; i < OV_GSE_ITEMS; i++) {
        ov_settings copy;
        if (ov_settings_gse_set(&copy, i, ov_str_c(s->gse_items[i]), err) !=
            OV_OK)
            return err->code;
    }
    return OV_OK;
}

const char *ov_settings_gse_item(const ov_settings *s, int i)
{
    if (i < 0 || i >= OV_GSE_ITEMS || s->gse_items[i][0] == '\0')
        return NULL;
    return s->gse_items[i];
}

int ov_settings_gse_entered(const ov_settings *s)
{
    int n = 0;
    for (int i = 0; i < OV_GSE_ITEMS; i++)
        n += s->gse_items[i][0] != '\0';
    return n;
}

ov_status ov_settings_gse_set(ov_settings *s, int i, ov_str text,
                              ov_err *err)
{
    char field[16];
    snprintf(field, sizeof field, "gse_item%d", i + 1);
    if (i < 0 || i >= OV_GSE_ITEMS)
        return ov_err_msg(err, OV_EINVAL, field, settings_gse_item, i + 1,
                          OV_GSE_ITEM_MAX);
    text = ov_str_trim(text);
    bool ok = text.len <= OV_GSE_ITEM_MAX && ov_str_is_utf8(text);
    for (size_t k = 0; ok && k < text.len; k++)
        ok = (unsigned char)text.ptr[k] >= 0x20 && text.ptr[k] != 0x7f;
    if (!ok)
        return ov_err_msg(err, OV_EINVAL, field, settings_gse_item, i + 1,
                          OV_GSE_ITEM_MAX);
    snprintf(s->gse_items[i], sizeof s->gse_items[i], "%.*s", (int)text.len,
             text.ptr ? text.ptr : "");
    return OV_OK;
}

void ov_gse_items_format(const ov_settings *s, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < OV_GSE_ITEMS && o < cap; i++) {
        int n = snprintf(out + o, cap - o, "%s\n", s->gse_items[i]);
        if (n < 0)
            break;
        o += (size_t)n;
    }
}

void ov_gse_items_parse(ov_str stored, ov_settings *s)
{
    for (int i = 0; i < OV_GSE_ITEMS; i++) {
        ov_str line = OV_STR_NULL;
        if (stored.ptr && stored.len)
            stored = ov_str_cut(stored, '\n', &line);
        snprintf(s->gse_items[i], sizeof s->gse_items[i], "%.*s",
                 (int)(line.len > OV_GSE_ITEM_MAX ? OV_GSE_ITEM_MAX
                                                   : line.len),
                 line.ptr ? line.ptr : "");
    }
}

static bool code_ok(ov_str c)
{
    if (c.len < 1 || c.len >= OV_DOMAIN_CODE_MAX)
        return false;
    for (size_t i = 0; i < c.len; i++) {
        char ch = c.ptr[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '_'))
            return false;
    }
    return true;
}

ov_status ov_life_domains_parse(ov_str text, ov_life_domains *out,
                                ov_err *err)
{
    ov_life_domains d;
    memset(&d, 0, sizeof d);
    int line = 0;
    while (text.ptr && text.len) {
        ov_str l;
        text = ov_str_cut(text, '\n', &l);
        line++;
        l = ov_str_trim(l);
        if (l.len == 0)
            continue;
        ov_str code;
        ov_str label = ov_str_cut(l, '=', &code);
        code = ov_str_trim(code);
        label = ov_str_trim(label);
        if (!label.ptr || !code_ok(code))
            return ov_err_msg(err, OV_EINVAL, "life_domains",
                              settings_domain_syntax, line);
        if (label.len == 0 || label.len >= sizeof d.label_da[0] ||
            !ov_str_is_utf8(label))
            return ov_err_msg(err, OV_EINVAL, "life_domains",
                              settings_domain_label, line);
        if (ov_life_domains_find(&d, code) >= 0)
            return ov_err_msg(err, OV_EINVAL, "life_domains",
                              settings_domain_twice, line,
                              ov_arg_strn(code.ptr, code.len));
        if (d.n == OV_DOMAINS_MAX)
            return ov_err_msg(err, OV_EINVAL, "life_domains",
                              settings_domains_too_many, OV_DOMAINS_MAX);
        snprintf(d.code[d.n], OV_DOMAIN_CODE_MAX, "%.*s", (int)code.len,
                 code.ptr);
        snprintf(d.label_da[d.n], sizeof d.label_da[0], "%.*s",
                 (int)label.len, label.ptr);
        d.n++;
    }
    if (d.n == 0)
        return ov_err_msg(err, OV_EINVAL, "life_domains",
                          settings_domains_none);
    *out = d;
    return OV_OK;
}

void ov_life_domains_format(const ov_life_domains *d, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < d->n && o < cap; i++) {
        int n = snprintf(out + o, cap - o, "%s=%s\n", d->code[i],
                         d->label_da[i]);
        if (n < 0)
            break;
        o += (size_t)n;
    }
}

#define AT(member) offsetof(ov_settings, member)
const ov_setting_int ov_setting_ints[] = {
    {"min_age", "years", 18, 67, AT(screening.min_age), "min_age"},
    {"min_months_unemployed", "months", 0, 120,
     AT(screening.min_months_unemployed), "min_months_unemployed"},
    {"followup_weeks", "weeks", 1, 26, AT(followup.interval_weeks),
     "followup_interval_weeks"},
    {"cti_interval1", "days", 1, 90, AT(cti.interval_days[0]),
     "interval_days"},
    {"cti_interval2", "days", 1, 90, AT(cti.interval_days[1]), NULL},
    {"cti_interval3", "days", 1, 90, AT(cti.interval_days[2]), NULL},
    {"cti_early_days", "days", 0, 90, AT(cti.early_days), "early_days"},
    {"cti_min_first_month", "count", 0, 31, AT(cti.min_first_month),
     "min_first_month"},
    {"cti_caseload_limit", "count", 1, 200, AT(cti.caseload_limit),
     "caseload_limit"},
    {"measure_tolerance_days", "days", 0, OV_MEASURE_TOLERANCE_MAX,
     AT(measure_tolerance_days), "measure_tolerance_days"},
    {"attention_no_placement_months", "months", 1, 36,
     AT(attention_no_placement_months), "attention_no_placement_months"},
    {"plan_days", "days", 1, 365, AT(indicators.plan_days), "plan_days"},
    {"retention_years", "years", 1, 100, AT(retention_years),
     "retention_years"},
};
const int ov_nsetting_ints =
    (int)(sizeof ov_setting_ints / sizeof ov_setting_ints[0]);

int ov_setting_int_get(const ov_settings *s, const ov_setting_int *d)
{
    int v;
    memcpy(&v, (const char *)s + d->offset, sizeof v);
    return v;
}

void ov_setting_int_set(ov_settings *s, const ov_setting_int *d, int v)
{
    memcpy((char *)s + d->offset, &v, sizeof v);
}

const char *ov_setting_field_of(const char *model_field)
{
    for (int i = 0; i < ov_nsetting_ints; i++)
        if (ov_setting_ints[i].model_field &&
            strcmp(ov_setting_ints[i].model_field, model_field) == 0)
            return ov_setting_ints[i].code;
    return model_field;
}

bool ov_setting_int_empty_ok(const ov_setting_int *d)
{
    return strcmp(d->code, "retention_years") == 0;
}
