#include "model/screening.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>

static const struct {
    const char *code, *label;
} crit[OV_CRIT_COUNT] = {
    [OV_CRIT_ACTIVITY_READY] = {"activity_ready",
                                "Aktivitetsparat kontanthjælpsmodtager"},
    [OV_CRIT_AGE] = {"age", "Alder"},
    [OV_CRIT_UNEMPLOYMENT] = {"unemployment", "Ledighed"},
    [OV_CRIT_COMPANY_ACTIVITY] = {"company_activity",
                                  "Virksomhedsrettet indsats"},
    [OV_CRIT_PRISON] = {"prison", "Afsoning"},
    [OV_CRIT_HEALTH] = {"health", "Helbred"},
    [OV_CRIT_DECLINED] = {"declined", "Takket nej"},
};

static const struct {
    const char *code, *label;
} outcomes[OV_OUTCOME_COUNT] = {
    [OV_OUTCOME_PASS] = {"pass", "Opfyldt"},
    [OV_OUTCOME_FAIL] = {"fail", "Ikke opfyldt"},
    [OV_OUTCOME_NOT_APPLICABLE] = {"not_applicable", "Ikke relevant"},
};

const char *ov_criterion_code(ov_criterion c)
{
    return (unsigned)c < OV_CRIT_COUNT ? crit[c].code : "unknown";
}

const char *ov_criterion_label_da(ov_criterion c)
{
    return (unsigned)c < OV_CRIT_COUNT ? crit[c].label : "Ukendt";
}

bool ov_criterion_is_exclusion(ov_criterion c)
{
    return c >= OV_CRIT_COMPANY_ACTIVITY && c < OV_CRIT_COUNT;
}

const char *ov_outcome_code(ov_outcome o)
{
    return (unsigned)o < OV_OUTCOME_COUNT ? outcomes[o].code : "unknown";
}

const char *ov_outcome_label_da(ov_outcome o)
{
    return (unsigned)o < OV_OUTCOME_COUNT ? outcomes[o].label : "Ukendt";
}

ov_screening_rules ov_screening_rules_default(void)
{
    return (ov_screening_rules){30, 12};
}

ov_status ov_screening_rules_validate(const ov_screening_rules *r, ov_err *err)
{
    if (r->min_age < 18 || r->min_age > 67)
        return ov_err_msg(err, OV_EINVAL, "min_age",
                          screening_min_age_range, r->min_age);
    if (r->min_months_unemployed < 0 || r->min_months_unemployed > 120)
        return ov_err_msg(err, OV_EINVAL, "min_months_unemployed",
                          screening_min_months_range,
                          r->min_months_unemployed);
    return OV_OK;
}

ov_status ov_candidate_validate(const ov_candidate *c, ov_date reference,
                                ov_err *err)
{
    if (c->birth > reference) {
        char b[OV_DATE_BUF], ref[OV_DATE_BUF];
        ov_date_format_dk(c->birth, b);
        ov_date_format_dk(reference, ref);
        return ov_err_msg(err, OV_EINVAL, "birth",
                          screening_birth_after_reference, b, ref);
    }
    if (c->months_unemployed < 0 ||
        c->months_unemployed > OV_MONTHS_UNEMPLOYED_MAX)
        return ov_err_msg(err, OV_EINVAL, "months_unemployed",
                          screening_months_range,
                          OV_MONTHS_UNEMPLOYED_MAX, c->months_unemployed);
    return OV_OK;
}

/* The explanations (Danish, and English for a reader who chose it) are
 * built with snprintf into a fixed field; the assert documents that none
 * of them is ever cut short. */
static void put_text(char out[OV_CRITERION_TEXT_MAX], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void put_text(char out[OV_CRITERION_TEXT_MAX], const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, OV_CRITERION_TEXT_MAX, fmt, ap);
    va_end(ap);
    assert(n >= 0 && n < OV_CRITERION_TEXT_MAX);
    (void)n;
}
#define set_text(res, ...) put_text((res)->text_da, __VA_ARGS__)
#define set_text_en(res, ...) put_text((res)->text_en, __VA_ARGS__)

static void target(ov_criterion_result *res, ov_criterion c, bool met,
                   int observed, int required)
{
    res->criterion = c;
    res->outcome = met ? OV_OUTCOME_PASS : OV_OUTCOME_FAIL;
    res->pass = met;
    res->observed = observed;
    res->required = required;
}

static const char *months_word(int n)
{
    return n == 1 || n == -1 ? "måned" : "måneder";
}
static const char *months_word_en(int n)
{
    return n == 1 || n == -1 ? "month" : "months";
}

/* An exclusion criterion: "fail" when it applies to someone in the target
 * group; for anyone else it is recorded but not applicable. */
static void exclusion(ov_criterion_result *res, ov_criterion c, bool applies,
                      bool in_group, const char *yes, const char *no,
                      const char *yes_en, const char *no_en)
{
    res->criterion = c;
    res->outcome = !in_group  ? OV_OUTCOME_NOT_APPLICABLE
                   : applies ? OV_OUTCOME_FAIL
                             : OV_OUTCOME_PASS;
    res->pass = res->outcome != OV_OUTCOME_FAIL;
    res->observed = applies;
    res->required = 0;
    if (!in_group)
        set_text(res, "%s; ikke relevant, da personen ikke er i målgruppen",
                 applies ? yes : no);
    else
        set_text(res, "%s%s", applies ? yes : no, applies ? ": udelukket" : "");
    if (!in_group)
        set_text_en(res, "%s; not relevant, as the person is not in the "
                         "target group",
                    applies ? yes_en : no_en);
    else
        set_text_en(res, "%s%s", applies ? yes_en : no_en,
                    applies ? ": excluded" : "");
}

void ov_screen(const ov_screening_rules *r, const ov_candidate *c,
               ov_date reference, ov_screening *out)
{
    char ref[OV_DATE_BUF];
    ov_date_format_dk(reference, ref);
    ov_criterion_result *res = out->results;

    bool ready = c->activity_ready;
    target(&res[OV_CRIT_ACTIVITY_READY], OV_CRIT_ACTIVITY_READY, ready, ready,
           1);
    set_text(&res[OV_CRIT_ACTIVITY_READY], "%s",
             ready ? "Aktivitetsparat kontanthjælpsmodtager: opfyldt"
                   : "Ikke aktivitetsparat kontanthjælpsmodtager: ikke "
                     "opfyldt");
    set_text_en(&res[OV_CRIT_ACTIVITY_READY], "%s",
                ready ? "Activity-ready recipient of cash benefit: met"
                      : "Not an activity-ready recipient of cash benefit: "
                        "not met");

    out->age = ov_age_on(c->birth, reference);
    bool age_ok = out->age >= r->min_age;
    target(&res[OV_CRIT_AGE], OV_CRIT_AGE, age_ok, out->age, r->min_age);
    set_text(&res[OV_CRIT_AGE],
             "Alder %d år på referencedatoen %s; kræver mindst %d år: %s",
             out->age, ref, r->min_age, age_ok ? "opfyldt" : "ikke opfyldt");
    set_text_en(&res[OV_CRIT_AGE],
                "Age %d on the reference date %s; at least %d required: %s",
                out->age, ref, r->min_age, age_ok ? "met" : "not met");

    int m = c->months_unemployed;
    bool unemp_ok = m >= r->min_months_unemployed;
    target(&res[OV_CRIT_UNEMPLOYMENT], OV_CRIT_UNEMPLOYMENT, unemp_ok, m,
           r->min_months_unemployed);
    set_text(&res[OV_CRIT_UNEMPLOYMENT],
             "Ledig i %d %s; kræver mindst %d %s: %s", m, months_word(m),
             r->min_months_unemployed, months_word(r->min_months_unemployed),
             unemp_ok ? "opfyldt" : "ikke opfyldt");
    set_text_en(&res[OV_CRIT_UNEMPLOYMENT],
                "Unemployed for %d %s; at least %d %s required: %s", m,
                months_word_en(m), r->min_months_unemployed,
                months_word_en(r->min_months_unemployed),
                unemp_ok ? "met" : "not met");

    bool in = ready && age_ok && unemp_ok;
    exclusion(&res[OV_CRIT_COMPANY_ACTIVITY], OV_CRIT_COMPANY_ACTIVITY,
              c->company_activity, in,
              "Er allerede i en virksomhedsrettet indsats",
              "Ikke i virksomhedsrettet indsats",
              "Already in a company-directed activity",
              "Not in a company-directed activity");
    exclusion(&res[OV_CRIT_PRISON], OV_CRIT_PRISON, c->in_prison, in,
              "Afsoner dom", "Afsoner ikke", "Serving a sentence",
              "Not serving a sentence");
    exclusion(&res[OV_CRIT_HEALTH], OV_CRIT_HEALTH, c->health_exemption, in,
              "Kan af helbredsmæssige årsager ikke deltage",
              "Ingen helbredsmæssig fritagelse",
              "Cannot take part for health reasons",
              "No exemption for health reasons");
    exclusion(&res[OV_CRIT_DECLINED], OV_CRIT_DECLINED, c->declined, in,
              "Har takket nej til at deltage", "Har ikke takket nej",
              "Has declined to take part", "Has not declined");

    out->in_target_group = in;
    out->excluded = false;
    out->reason = OV_EXCL_OTHER;
    static const ov_exclusion_reason reason_of[] = {
        OV_EXCL_COMPANY_ACTIVITY, OV_EXCL_PRISON, OV_EXCL_HEALTH,
        OV_EXCL_DECLINED};
    for (int k = OV_CRIT_COMPANY_ACTIVITY; k < OV_CRIT_COUNT; k++)
        if (res[k].outcome == OV_OUTCOME_FAIL) {
            out->excluded = true;
            out->reason = reason_of[k - OV_CRIT_COMPANY_ACTIVITY];
            break;
        }
    out->eligible = in && !out->excluded;
}

void ov_screen_decide(const ov_screening_rules *r, const ov_candidate *c,
                      ov_date reference, ov_screening *out)
{
    out->age = ov_age_on(c->birth, reference);
    bool in = c->activity_ready && out->age >= r->min_age &&
              c->months_unemployed >= r->min_months_unemployed;
    /* the first exclusion that applies, in criterion order */
    const bool applies[] = {c->company_activity, c->in_prison,
                            c->health_exemption, c->declined};
    static const ov_exclusion_reason reason_of[] = {
        OV_EXCL_COMPANY_ACTIVITY, OV_EXCL_PRISON, OV_EXCL_HEALTH,
        OV_EXCL_DECLINED};
    out->in_target_group = in;
    out->excluded = false;
    out->reason = OV_EXCL_OTHER;
    for (int k = 0; in && k < 4; k++)
        if (applies[k]) {
            out->excluded = true;
            out->reason = reason_of[k];
            break;
        }
    out->eligible = in && !out->excluded;
}

const char *ov_screening_status_code(const ov_screening *s)
{
    return !s->in_target_group ? "not_in_target_group"
           : s->excluded      ? "excluded"
                              : "eligible";
}

const char *ov_screening_status_label_da(const ov_screening *s)
{
    return !s->in_target_group ? "Ikke i målgruppen"
           : s->excluded      ? "I målgruppen, men udelukket"
                              : "I målgruppen og kan udtrækkes";
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
    return ov_err_msg(err, OV_EINVAL, "reason",
                      screening_reason_unknown_code,
                      ov_arg_strn(code.ptr, code.len > 64 ? 64 : code.len));
}

ov_status ov_exclusion_validate(ov_exclusion_reason r, ov_str text,
                                ov_err *err)
{
    if ((unsigned)r >= OV_EXCL_COUNT)
        return ov_err_msg(err, OV_EINVAL, "reason",
                          screening_reason_unknown);
    ov_str t = ov_str_trim(text);
    if (r == OV_EXCL_OTHER && t.len == 0)
        return ov_err_msg(err, OV_EINVAL, "reason_text",
                          screening_reason_text_needed);
    if (t.len > OV_EXCLUSION_TEXT_MAX)
        return ov_err_msg(err, OV_EINVAL, "reason_text",
                          screening_reason_text_too_long, t.len,
                          OV_EXCLUSION_TEXT_MAX);
    if (!ov_str_is_utf8(t))
        return ov_err_msg(err, OV_EINVAL, "reason_text",
                          screening_reason_text_utf8);
    return OV_OK;
}
