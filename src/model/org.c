#include "model/org.h"

ov_status ov_org_validate_municipality(int code, ov_str name, ov_err *err)
{
    if (code < 101 || code > 860)
        return ov_err_msg(err, OV_EINVAL, "municipality_code",
                          org_municipality_code, code);
    return ov_org_validate_name(name, "municipality_name", err);
}

ov_status ov_org_validate_name(ov_str name, const char *field, ov_err *err)
{
    name = ov_str_trim(name);
    if (name.len == 0)
        return ov_err_msg(err, OV_EINVAL, field, org_name_empty, field);
    if (name.len > OV_USER_NAME_MAX)
        return ov_err_msg(err, OV_EINVAL, field, text_too_long,
                          field, OV_USER_NAME_MAX);
    if (!ov_str_is_utf8(name))
        return ov_err_msg(err, OV_EINVAL, field, text_not_utf8,
                          field);
    for (size_t i = 0; i < name.len; i++)
        if ((unsigned char)name.ptr[i] < 0x20 || name.ptr[i] == 0x7f)
            return ov_err_msg(err, OV_EINVAL, field,
                              text_control_char, field);
    return OV_OK;
}

ov_status ov_org_validate_team_name(ov_str name, ov_err *err)
{
    ov_status st = ov_org_validate_name(name, "team_name", err);
    if (st == OV_OK && ov_str_trim(name).len > OV_ORG_NAME_MAX)
        return ov_err_msg(err, OV_EINVAL, "team_name",
                          org_team_name_too_long, OV_ORG_NAME_MAX);
    return st;
}

ov_status ov_org_validate_username(ov_str u, ov_err *err)
{
    if (u.len < OV_USERNAME_MIN || u.len > OV_USERNAME_MAX)
        return ov_err_msg(err, OV_EINVAL, "username", org_username_length,
                          OV_USERNAME_MIN, OV_USERNAME_MAX);
    if (u.ptr[0] < 'a' || u.ptr[0] > 'z')
        return ov_err_msg(err, OV_EINVAL, "username",
                          org_username_first);
    for (size_t i = 0; i < u.len; i++) {
        char c = u.ptr[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-'))
            return ov_err_msg(err, OV_EINVAL, "username", org_username_chars);
    }
    return OV_OK;
}

bool ov_role_is_frontline(ov_role r)
{
    return r == OV_ROLE_EMPLOYMENT_CASEWORKER ||
           r == OV_ROLE_SOCIAL_CASEWORKER || r == OV_ROLE_CTI_WORKER ||
           r == OV_ROLE_COMPANY_CONSULTANT;
}

bool ov_role_has_municipality(ov_role r)
{
    return r != OV_ROLE_NATIONAL_ANALYST && r != OV_ROLE_SYSTEM &&
           r < OV_ROLE_COUNT;
}
