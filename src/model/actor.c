#include "model/actor.h"

#include <string.h>

static const struct {
    const char *code;
    const char *label_da;
} roles[OV_ROLE_COUNT] = {
    [OV_ROLE_EMPLOYMENT_CASEWORKER] = {"employment_caseworker",
                                       "Sagsbehandler (jobcenter)"},
    [OV_ROLE_SOCIAL_CASEWORKER] = {"social_caseworker",
                                   "Sagsbehandler (socialområdet)"},
    [OV_ROLE_CTI_WORKER] = {"cti_worker", "CTI-medarbejder"},
    [OV_ROLE_COMPANY_CONSULTANT] = {"company_consultant",
                                    "Virksomhedskonsulent"},
    [OV_ROLE_LEADER] = {"leader", "Leder"},
    [OV_ROLE_ADMINISTRATOR] = {"administrator", "Administrator"},
    [OV_ROLE_NATIONAL_ANALYST] = {"national_analyst", "National analytiker"},
    [OV_ROLE_CITIZEN] = {"citizen", "Borger"},
    [OV_ROLE_EMPLOYER] = {"employer", "Arbejdsgiver"},
    [OV_ROLE_SYSTEM] = {"system", "System"},
};

static const char *const actions[OV_ACT_COUNT] = {
    "create", "read", "update", "delete", "export", "prune",
};

const char *ov_role_code(ov_role r)
{
    return (unsigned)r < OV_ROLE_COUNT ? roles[r].code : "unknown";
}

const char *ov_role_label_da(ov_role r)
{
    return (unsigned)r < OV_ROLE_COUNT ? roles[r].label_da : "Ukendt";
}

ov_status ov_role_parse(ov_str code, const char *field, ov_role *out,
                        ov_err *err)
{
    for (int i = 0; i < OV_ROLE_COUNT; i++) {
        if (ov_str_eq_c(code, roles[i].code)) {
            *out = (ov_role)i;
            return OV_OK;
        }
    }
    return ov_err_msg(err, OV_EINVAL, field, actor_role_unknown_code,
                      field ? field : "role",
                      ov_arg_strn(code.ptr, code.len > 64 ? 64 : code.len));
}

const char *ov_action_code(ov_action a)
{
    return (unsigned)a < OV_ACT_COUNT ? actions[a] : "unknown";
}

ov_status ov_action_parse(ov_str code, ov_action *out)
{
    for (int i = 0; i < OV_ACT_COUNT; i++) {
        if (ov_str_eq_c(code, actions[i])) {
            *out = (ov_action)i;
            return OV_OK;
        }
    }
    return OV_EINVAL;
}

ov_status ov_actor_validate(const ov_actor *a, ov_err *err)
{
    if (!a || !a->user || !a->user[0])
        return ov_err_msg(err, OV_EINVAL, "actor", actor_user_missing);
    if (strlen(a->user) > OV_ACTOR_NAME_MAX)
        return ov_err_msg(err, OV_EINVAL, "actor", actor_user_too_long,
                          OV_ACTOR_NAME_MAX);
    if ((unsigned)a->role >= OV_ROLE_COUNT)
        return ov_err_msg(err, OV_EINVAL, "role", actor_role_unknown,
                          (int)a->role);
    if (!a->purpose || !a->purpose[0])
        return ov_err_msg(err, OV_EINVAL, "purpose",
                          actor_purpose_missing);
    if (strlen(a->purpose) > OV_PURPOSE_MAX)
        return ov_err_msg(err, OV_EINVAL, "purpose",
                          actor_purpose_too_long, OV_PURPOSE_MAX);
    return OV_OK;
}
