#include "model/meeting.h"

#include <stdio.h>
#include <string.h>

bool ov_attendees_has(ov_attendees a, ov_role r)
{
    return (unsigned)r < OV_ROLE_COUNT && (a & OV_ATTEND(r));
}

ov_attendees ov_start_meeting_missing(ov_attendees p)
{
    ov_attendees m = 0;
    if (!ov_attendees_has(p, OV_ROLE_CITIZEN))
        m |= OV_ATTEND(OV_ROLE_CITIZEN);
    if (!ov_attendees_has(p, OV_ROLE_EMPLOYMENT_CASEWORKER) &&
        !ov_attendees_has(p, OV_ROLE_SOCIAL_CASEWORKER))
        m |= OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER);
    if (!ov_attendees_has(p, OV_ROLE_CTI_WORKER))
        m |= OV_ATTEND(OV_ROLE_CTI_WORKER);
    if (!ov_attendees_has(p, OV_ROLE_COMPANY_CONSULTANT))
        m |= OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT);
    return m;
}

void ov_start_meeting_missing_text(ov_attendees missing, char *out, size_t cap)
{
    if (!missing) {
        snprintf(out, cap, "Opstartsmødet er fuldt bemandet");
        return;
    }
    static const struct {
        ov_role role;
        const char *text;
    } parts[] = {
        {OV_ROLE_CITIZEN, "borgeren"},
        {OV_ROLE_EMPLOYMENT_CASEWORKER, "en sagsbehandler (jobcenter eller "
                                        "socialområdet)"},
        {OV_ROLE_CTI_WORKER, "CTI-medarbejderen"},
        {OV_ROLE_COMPANY_CONSULTANT, "virksomhedskonsulenten"},
    };
    size_t o = (size_t)snprintf(out, cap, "Mangler: ");
    bool first = true;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && o < cap; i++) {
        if (!(missing & OV_ATTEND(parts[i].role)))
            continue;
        int n = snprintf(out + o, cap - o, "%s%s", first ? "" : ", ",
                         parts[i].text);
        if (n < 0)
            break;
        o += (size_t)n;
        first = false;
    }
}

void ov_life_domains_default(ov_life_domains *d)
{
    static const char *const def[][2] = {
        {"work_education", "Arbejde og uddannelse"},
        {"physical_health", "Fysisk helbred"},
        {"mental_health", "Psykisk helbred"},
        {"housing", "Bolig"},
        {"economy", "Økonomi"},
        {"network_family", "Netværk og familie"},
        {"substance_use", "Rusmidler"},
        {"daily_living", "Hverdagsliv"},
    };
    memset(d, 0, sizeof *d);
    d->n = (int)(sizeof def / sizeof def[0]);
    for (int i = 0; i < d->n; i++) {
        snprintf(d->code[i], OV_DOMAIN_CODE_MAX, "%s", def[i][0]);
        snprintf(d->label_da[i], sizeof d->label_da[i], "%s", def[i][1]);
    }
}

int ov_life_domains_find(const ov_life_domains *d, ov_str code)
{
    for (int i = 0; i < d->n; i++)
        if (ov_str_eq_c(code, d->code[i]))
            return i;
    return -1;
}

ov_status ov_meeting_text_validate(ov_str text, const char *field,
                                   size_t max, ov_err *err)
{
    if (text.len > max)
        return ov_err_msg(err, OV_EINVAL, field, text_too_long,
                          field, max);
    if (!ov_str_is_utf8(text))
        return ov_err_msg(err, OV_EINVAL, field, text_not_utf8,
                          field);
    for (size_t i = 0; i < text.len; i++) {
        unsigned char c = (unsigned char)text.ptr[i];
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
            return ov_err_msg(err, OV_EINVAL, field,
                              text_control_char, field);
    }
    return OV_OK;
}

ov_status ov_assessment_item_validate(const ov_life_domains *d,
                                      const ov_assessment_item *it, int index,
                                      ov_err *err)
{
    char field[64];
    snprintf(field, sizeof field, "assessment[%d].domain", index);
    int di = ov_life_domains_find(d, it->domain);
    if (di < 0)
        return ov_err_msg(err, OV_EINVAL, field, meeting_domain_unknown,
                          field,
                          ov_arg_strn(it->domain.ptr, it->domain.len > 32
                                                          ? 32
                                                          : it->domain.len),
                          d->n ? d->code[0] : "none configured");
    static const char *const names[] = {"own_words", "resources",
                                        "challenges"};
    const ov_str *texts[] = {&it->own_words, &it->resources, &it->challenges};
    for (int i = 0; i < 3; i++) {
        snprintf(field, sizeof field, "assessment[%d].%s", index, names[i]);
        if (ov_meeting_text_validate(*texts[i], field, OV_ASSESS_TEXT_MAX,
                                     err) != OV_OK)
            return err->code;
    }
    if (it->rating < -1 || it->rating > 4) {
        snprintf(field, sizeof field, "assessment[%d].rating", index);
        return ov_err_msg(err, OV_EINVAL, field, meeting_rating_range,
                          field, it->rating, d->label_da[di]);
    }
    return OV_OK;
}

ov_followup_rule ov_followup_rule_default(void)
{
    return (ov_followup_rule){4};
}

ov_status ov_followup_rule_validate(const ov_followup_rule *r, ov_err *err)
{
    if (r->interval_weeks < 1 || r->interval_weeks > 26)
        return ov_err_msg(err, OV_EINVAL, "followup_interval_weeks",
                          meeting_followup_interval_range,
                          r->interval_weeks);
    return OV_OK;
}

ov_date ov_followup_next_due(const ov_followup_rule *r, ov_date last)
{
    return last + 7 * r->interval_weeks;
}

bool ov_followup_is_joint(ov_attendees p)
{
    return ov_attendees_has(p, OV_ROLE_COMPANY_CONSULTANT) &&
           ov_attendees_has(p, OV_ROLE_CTI_WORKER);
}
