#include "model/access.h"

#include "model/org.h"

bool ov_may_see_course(const ov_viewer *v, const ov_course_scope *c)
{
    switch (v->role) {
    case OV_ROLE_EMPLOYMENT_CASEWORKER:
    case OV_ROLE_SOCIAL_CASEWORKER:
    case OV_ROLE_CTI_WORKER:
    case OV_ROLE_COMPANY_CONSULTANT:
        return v->municipality_code == c->municipality_code &&
               c->viewer_on_team;
    case OV_ROLE_LEADER:
    case OV_ROLE_ADMINISTRATOR:
        return v->municipality_code == c->municipality_code;
    case OV_ROLE_CITIZEN:
        return v->citizen_id != 0 && v->citizen_id == c->citizen_id;
    case OV_ROLE_NATIONAL_ANALYST:
    case OV_ROLE_EMPLOYER:
    case OV_ROLE_SYSTEM:
    case OV_ROLE_COUNT:
        break;
    }
    return false;
}

bool ov_may_list_courses(const ov_viewer *v)
{
    return ov_role_is_frontline(v->role) || v->role == OV_ROLE_LEADER ||
           v->role == OV_ROLE_ADMINISTRATOR || v->role == OV_ROLE_CITIZEN;
}
