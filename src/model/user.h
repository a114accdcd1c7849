/*
 * user.h - the rules of user administration (issue 13 section 4), pure
 * validation without storage:
 * - which roles a municipality's administrator gives: the frontline
 *   roles, leader and administrator. Not the national analyst (the
 *   agency's, no municipality) and not citizens or employer contacts:
 *   they would log in with MitID in a real installation, and a citizen's
 *   log-in is made for the citizen's own record (store/org.h
 *   ov_org_user_create), not typed in by an administrator;
 * - staff contact details: a phone number (digits, spaces, '+', '-',
 *   6-20 bytes) and an e-mail address (one '@' with text on both sides
 *   and a dot in the domain, at most 254 bytes); both optional;
 * - a new password: 10-256 bytes (the log-in form takes up to 256);
 * - an activation code: OV_ACTIVATION_CODE_CHARS characters of an
 *   alphabet without look-alikes (no 0/O, 1/I/L), shown in groups of
 *   four; typed in any case, with or without the dashes and spaces.
 */
#ifndef OV_MODEL_USER_H
#define OV_MODEL_USER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/str.h"
#include "model/actor.h"

#define OV_PHONE_MAX 20
#define OV_EMAIL_MAX 254
#define OV_PASSWORD_MIN 10
#define OV_PASSWORD_MAX 256
/* An activation code is valid this long after it is issued. */
#define OV_ACTIVATION_HOURS 72
#define OV_ACTIVATION_CODE_CHARS 12 /* of 30 letters: about 59 bits */
/* "ABCD-EFGH-JKMN" and a NUL */
#define OV_ACTIVATION_CODE_BUF (OV_ACTIVATION_CODE_CHARS + 3)

/* May an administrator give this role? */
bool ov_admin_may_give_role(ov_role r);
ov_status ov_user_validate_role_given(ov_role r, ov_err *err);
/* An empty value is allowed (no phone, no e-mail). */
ov_status ov_user_validate_phone(ov_str phone, ov_err *err);
ov_status ov_user_validate_email(ov_str email, ov_err *err);
ov_status ov_user_validate_password(ov_str password, ov_err *err);

/* A fresh random code, formatted "ABCD-EFGH-JKMN". */
void ov_activation_code_new(char out[OV_ACTIVATION_CODE_BUF]);
/* The canonical form of a typed code (capitals, no dashes or spaces) into
 * out (OV_ACTIVATION_CODE_CHARS + 1 bytes); false when it cannot be a
 * code (the caller answers as for a wrong code). */
bool ov_activation_code_canon(ov_str typed,
                              char out[OV_ACTIVATION_CODE_CHARS + 1]);

/* ---- who may change an administrator (issue 13 section 4) ----
 * A municipality always keeps an active administrator, and nobody locks
 * themself out: an administrator may not deactivate themself nor take
 * their own administrator role away (another administrator does it), and
 * the last active administrator of a municipality is neither deactivated
 * nor given another role. The caller gives the change as it would be:
 * the target's current role and state, the role and state after, and how
 * many active administrators the municipality has now (the target
 * included when they are one). Errors are OV_EINVAL naming "user_id"
 * (deactivation) or "role" (a role change). */
typedef struct ov_admin_change {
    int64_t self;          /* the administrator making the change */
    int64_t target;        /* the user changed */
    ov_role role_before, role_after;
    bool active_before, active_after;
    int active_admins;     /* in the municipality, before the change */
} ov_admin_change;
ov_status ov_admin_change_check(const ov_admin_change *c, ov_err *err);

#endif
