/*
 * org.h - the organisation around a course: municipalities (tenants), teams,
 * users (staff, citizens and employer contacts who log in) and companies.
 *
 * Rules encoded here (pure validation, no storage):
 * - A municipality is identified by its kommunekode, three digits 101-860
 *   (Halsnæs 250, Tønder 550), and has a name.
 * - A team belongs to one municipality; its name is 1-100 bytes.
 * - A user name is 2-64 bytes of a-z, 0-9, '.', '_' and '-', starting with
 *   a letter (log-in names like "job2" or "anne.k").
 * - Every user except the national analyst belongs to a municipality; the
 *   national analyst sees no person-level data in any municipality.
 */
#ifndef OV_MODEL_ORG_H
#define OV_MODEL_ORG_H

#include <stdbool.h>

#include "core/err.h"
#include "core/str.h"
#include "model/actor.h"

#define OV_ORG_NAME_MAX 100
#define OV_USERNAME_MIN 2
#define OV_USERNAME_MAX 64
#define OV_USER_NAME_MAX 200 /* a display name, bytes (ov_org_validate_name) */

ov_status ov_org_validate_municipality(int code, ov_str name, ov_err *err);
ov_status ov_org_validate_team_name(ov_str name, ov_err *err);
ov_status ov_org_validate_username(ov_str username, ov_err *err);
/* A display name (person or company): 1-200 bytes of UTF-8 without control
 * characters, after trimming. */
ov_status ov_org_validate_name(ov_str name, const char *field, ov_err *err);

/* True for the roles of the frontline team who can be named on a course. */
bool ov_role_is_frontline(ov_role r);
/* True for roles that belong to one municipality (all but the national
 * analyst and the system). */
bool ov_role_has_municipality(ov_role r);

#endif
