#include "model/org.h"

ov_status ov_org_validate_municipality(int code, ov_str name, ov_err *err)
{
    if (code < 101 || code > 860)
        return ov_err_set(err, OV_EINVAL, "municipality_code",
                          "municipality_code: %d is not a kommunekode; use "
                          "the three-digit code 101-860 (Halsnæs 250, "
                          "Tønder 550)",
                          code);
    return ov_org_validate_name(name, "municipality_name", err);
}

ov_status ov_org_validate_name(ov_str name, const char *field, ov_err *err)
{
    name = ov_str_trim(name);
    if (name.len == 0)
        return ov_err_set(err, OV_EINVAL, field, "%s: is empty; give a name",
                          field);
    if (name.len > OV_USER_NAME_MAX)
        return ov_err_set(err, OV_EINVAL, field,
                          "%s: longer than %d bytes; shorten it", field,
                          OV_USER_NAME_MAX);
    if (!ov_str_is_utf8(name))
        return ov_err_set(err, OV_EINVAL, field,
                          "%s: not valid UTF-8; save the input as UTF-8",
                          field);
    for (size_t i = 0; i < name.len; i++)
        if ((unsigned char)name.ptr[i] < 0x20 || name.ptr[i] == 0x7f)
            return ov_err_set(err, OV_EINVAL, field,
                              "%s: contains a control character; remove it",
                              field);
    return OV_OK;
}

ov_status ov_org_validate_team_name(ov_str name, ov_err *err)
{
    ov_status st = ov_org_validate_name(name, "team_name", err);
    if (st == OV_OK && ov_str_trim(name).len > OV_ORG_NAME_MAX)
        return ov_err_set(err, OV_EINVAL, "team_name",
                          "team_name: longer than %d bytes; shorten it",
                          OV_ORG_NAME_MAX);
    return st;
}

ov_status ov_org_validate_username(ov_str u, ov_err *err)
{
    if (u.len < OV_USERNAME_MIN || u.len > OV_USERNAME_MAX)
        return ov_err_set(err, OV_EINVAL, "username",
                          "username: must be %d-%d characters", OV_USERNAME_MIN,
                          OV_USERNAME_MAX);
    if (u.ptr[0] < 'a' || u.ptr[0] > 'z')
        return ov_err_set(err, OV_EINVAL, "username",
                          "username: must start with a lower-case letter a-z");
    for (size_t i = 0; i < u.len; i++) {
        char c = u.ptr[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-'))
            return ov_err_set(err, OV_EINVAL, "username",
                              "username: use only a-z, 0-9, '.', '_' and '-'");
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
