#include "model/screening.h"

#include <stdio.h>

static const char *const crit_codes[OV_CRIT_COUNT] = {
    "activity_ready", "age", "unemployment", "company_activity",
    "prison", "health", "declined",
};

const char *ov_criterion_code(ov_criterion c)
{
    return (unsigned)c < OV_CRIT_COUNT ? crit_codes[c] : "unknown";
}

bool ov_criterion_is_exclusion(ov_criterion c)
{
    return c >= OV_CRIT_COMPANY_ACTIVITY && c < OV_CRIT_COUNT;
}

ov_screening_rules ov_screening_rules_default(void)
{
    return (ov_screening_rules){30, 12};
}

ov_status ov_screening_rules_validate(const ov_screening_rules *r, ov_err *err)
{
    if (r->min_age < 18 || r->min_age > 67)
        return ov_err_set(err, OV_EINVAL, "min_age",
                          "min_age: use 18-67 years (default 30); got %d",
                          r->min_age);
    if (r->min_months_unemployed < 0 || r->min_months_unemployed > 120)
        return ov_err_set(err, OV_EINVAL, "min_months_unemployed",
                          "min_months_unemployed: use 0-120 months (default "
                          "12); got %d",
                          r->min_months_unemployed);
    return OV_OK;
}

static void flag(ov_criterion_result *res, ov_criterion c, bool applies,
                 const char *yes, const char *no)
{
    res->criterion = c;
    res->pass = !applies;
    res->observed = applies;
    res->required = 0;
    snprintf(res->text_da, sizeof res->text_da, "%s", applies ? yes : no);
}

void ov_screen(const ov_screening_rules *r, const ov_candidate *c,
               ov_date reference, ov_screening *out)
{
    char ref[OV_DATE_BUF];
    ov_date_format_dk(reference, ref);
    ov_criterion_result *res = out->results;

    res[OV_CRIT_ACTIVITY_READY] = (ov_criterion_result){
        OV_CRIT_ACTIVITY_READY, c->activity_ready, c->activity_ready, 1, ""};
    snprintf(res[OV_CRIT_ACTIVITY_READY].text_da, sizeof res->text_da, "%s",
             c->activity_ready
                 ? "Aktivitetsparat kontanthjælpsmodtager: opfyldt"
                 : "Ikke aktivitetsparat kontanthjælpsmodtager: ikke i "
                   "målgruppen");

    out->age = ov_age_on(c->birth, reference);
    bool age_ok = out->age >= r->min_age;
    res[OV_CRIT_AGE] = (ov_criterion_result){OV_CRIT_AGE, age_ok, out->age,
                                             r->min_age, ""};
    snprintf(res[OV_CRIT_AGE].text_da, sizeof res->text_da,
             "Alder %d år på referencedatoen %s; kræver mindst %d år: %s",
             out->age, ref, r->min_age, age_ok ? "opfyldt" : "ikke opfyldt");

    bool unemp_ok = c->months_unemployed >= r->min_months_unemployed;
    res[OV_CRIT_UNEMPLOYMENT] = (ov_criterion_result){
        OV_CRIT_UNEMPLOYMENT, unemp_ok, c->months_unemployed,
        r->min_months_unemployed, ""};
    snprintf(res[OV_CRIT_UNEMPLOYMENT].text_da, sizeof res->text_da,
             "Ledig i %d måneder; kræver mindst %d måneder: %s",
             c->months_unemployed, r->min_months_unemployed,
             unemp_ok ? "opfyldt" : "ikke opfyldt");

    flag(&res[OV_CRIT_COMPANY_ACTIVITY], OV_CRIT_COMPANY_ACTIVITY,
         c->company_activity,
         "Er allerede i en virksomhedsrettet indsats: udelukket",
         "Ikke i virksomhedsrettet indsats");
    flag(&res[OV_CRIT_PRISON], OV_CRIT_PRISON, c->in_prison,
         "Afsoner dom: udelukket", "Afsoner ikke");
    flag(&res[OV_CRIT_HEALTH], OV_CRIT_HEALTH, c->health_exemption,
         "Kan af helbredsmæssige årsager ikke deltage: udelukket",
         "Ingen helbredsmæssig fritagelse");
    flag(&res[OV_CRIT_DECLINED], OV_CRIT_DECLINED, c->declined,
         "Har takket nej til at deltage: udelukket", "Har ikke takket nej");

    out->in_target_group = c->activity_ready && age_ok && unemp_ok;
    out->excluded = c->company_activity || c->in_prison ||
                    c->health_exemption || c->declined;
    out->eligible = out->in_target_group && !out->excluded;
}

static const struct {
    const char *code, *label;
} excl[OV_EXCL_COUNT] = {
    [OV_EXCL_COMPANY_ACTIVITY] = {"company_activity",
                                  "Allerede i virksomhedsrettet indsats"},
    [OV_EXCL_PRISON] = {"prison", "Afsoner dom"},
    [OV_EXCL_HEALTH] = {"health", "Helbredsmæssige årsager"},
    [OV_EXCL_DECLINED] = {"declined", "Takket nej"},
    [OV_EXCL_OTHER] = {"other", "Andet"},
};

const char *ov_exclusion_code(ov_exclusion_reason r)
{
    return (unsigned)r < OV_EXCL_COUNT ? excl[r].code : "unknown";
}

const char *ov_exclusion_label_da(ov_exclusion_reason r)
{
    return (unsigned)r < OV_EXCL_COUNT ? excl[r].label : "Ukendt";
}

ov_status ov_exclusion_parse(ov_str code, ov_exclusion_reason *out,
                             ov_err *err)
{
    for (int i = 0; i < OV_EXCL_COUNT; i++)
        if (ov_str_eq_c(code, excl[i].code)) {
            *out = (ov_exclusion_reason)i;
            return OV_OK;
        }
    return ov_err_set(err, OV_EINVAL, "reason",
                      "reason: use company_activity, prison, health, "
                      "declined or other");
}

ov_status ov_exclusion_validate(ov_exclusion_reason r, ov_str text,
                                ov_err *err)
{
    if ((unsigned)r >= OV_EXCL_COUNT)
        return ov_err_set(err, OV_EINVAL, "reason", "reason: unknown reason");
    ov_str t = ov_str_trim(text);
    if (r == OV_EXCL_OTHER && t.len == 0)
        return ov_err_set(err, OV_EINVAL, "reason_text",
                          "reason_text: reason 'other' needs a short "
                          "description");
    if (t.len > 500)
        return ov_err_set(err, OV_EINVAL, "reason_text",
                          "reason_text: longer than 500 bytes; shorten it");
    if (!ov_str_is_utf8(t))
        return ov_err_set(err, OV_EINVAL, "reason_text",
                          "reason_text: not valid UTF-8");
    return OV_OK;
}
