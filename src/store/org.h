/*
 * org.h - storage of the organisation: municipalities, teams, users,
 * companies. Every write is audited (criterion names the record; these are
 * not citizen data, but who changed the organisation matters).
 */
#ifndef OV_STORE_ORG_H
#define OV_STORE_ORG_H

#include <stdint.h>

#include "core/date.h"
#include "core/str.h"
#include "model/actor.h"
#include "model/match.h"
#include "model/user.h"
#include "store/store.h"

ov_status ov_org_municipality_create(ov_tx *tx, int code, ov_str name,
                                     ov_err *err);
ov_status ov_org_team_create(ov_tx *tx, int municipality_code, ov_str name,
                             int64_t *id, ov_err *err);

typedef struct ov_user_input {
    ov_str username;
    ov_str full_name;
    ov_role role;
    int municipality_code; /* 0 for the national analyst */
    int64_t citizen_id;    /* role citizen only */
    int64_t company_id;    /* role employer only */
} ov_user_input;

ov_status ov_org_user_create(ov_tx *tx, const ov_user_input *in, int64_t *id,
                             ov_err *err);
/* A user's phone and e-mail ("" for none), validated as on the
 * administrator's page (model/user.h); the demo names its staff so. */
ov_status ov_org_user_set_contact(ov_tx *tx, int64_t user_id, ov_str phone,
                                  ov_str email, ov_err *err);
/* The user must belong to the team's municipality: another
 * municipality's user answers OV_ENOTFOUND as one that does not exist. */
ov_status ov_org_team_add_member(ov_tx *tx, int64_t team_id, int64_t user_id,
                                 ov_err *err);

typedef struct ov_user {
    int64_t id;
    ov_str username;
    ov_str full_name;
    ov_role role;
    int municipality_code;
    int64_t citizen_id;
    int64_t company_id;
    bool active;
} ov_user;

/* Store a password hash (from ov_password_hash) for a user. */
ov_status ov_org_user_set_password(ov_tx *tx, int64_t user_id,
                                   const char *hash, ov_err *err);

ov_status ov_org_user_by_username(ov_tx *tx, ov_str username, ov_arena *a,
                                  ov_user *out, ov_err *err);

/* CVR validated (modulus 11). Each municipality keeps its own register:
 * a CVR number the municipality has registered already is a conflict
 * naming its own company; other municipalities' registers are neither
 * consulted nor revealed. */
ov_status ov_org_company_create(ov_tx *tx, ov_str cvr, ov_str name,
                                int municipality_code, int postcode,
                                int64_t *id, ov_err *err);

/* ---- companies and openings of a municipality (no citizen data) ---- */
typedef struct ov_opening_row {
    ov_opening o;             /* id, tasks, occupation, hours, ... */
    bool active;
} ov_opening_row;

typedef struct ov_company_row {
    int64_t id;
    ov_str cvr, name;
    int municipality_code;
    int postcode;             /* 0 when unknown */
    int nopenings;
    ov_opening_row *openings; /* newest first */
} ov_company_row;

/* Companies registered in a municipality, by name, at most 2000, each with
 * its openings. */
ov_status ov_company_list(ov_tx *tx, int municipality_code, ov_arena *a,
                          ov_company_row **out, ov_list_info *li,
                          ov_err *err);
/* One company; OV_ENOTFOUND (also when it is in another municipality than
 * `municipality_code`, so ids cannot be probed). */
ov_status ov_company_get(ov_tx *tx, int64_t company_id, int municipality_code,
                         ov_arena *a, ov_company_row *out, ov_err *err);

/* ---- staff of a team (for naming the team around a citizen) ---- */
typedef struct ov_member_row {
    int64_t user_id;
    ov_role role;
    ov_str full_name;
    ov_str phone, email; /* "" when not given */
} ov_member_row;
ov_status ov_team_members(ov_tx *tx, int64_t team_id, ov_arena *a,
                          ov_member_row **out, ov_list_info *li,
                          ov_err *err);
typedef struct ov_team_row {
    int64_t id;
    ov_str name;
} ov_team_row;
ov_status ov_team_list(ov_tx *tx, int municipality_code, ov_arena *a,
                       ov_team_row **out, ov_list_info *li, ov_err *err);

/* ---- user administration (issue 13 section 4; model/user.h) ----
 *
 * An administrator manages the staff of their own municipality: every
 * function takes the caller's municipality, and a user or team of
 * another municipality (or a citizen's or employer contact's log-in)
 * answers OV_ENOTFOUND exactly as one that does not exist. Users are
 * never deleted (the audit log names them): a deactivated user cannot
 * log in, and their sessions and activation code end in the same write.
 *
 * An activation code lets a new user (or one who forgot the password)
 * set their own password: shown once, stored only as SHA-256 of its
 * canonical form (ov_activation_code_canon; ~59 random bits, and the
 * attempts are throttled like log-ins), compared in constant time, valid
 * OV_ACTIVATION_HOURS, used once. A new code replaces the old one. */

#define OV_USER_TEAMS_MAX 16

typedef struct ov_user_admin_input {
    ov_str username; /* create only */
    ov_str full_name;
    ov_role role;
    ov_str phone, email;
    int64_t team_ids[OV_USER_TEAMS_MAX];
    int nteams;
} ov_user_admin_input;

typedef enum ov_code_state {
    OV_CODE_NONE = 0, /* no code waiting */
    OV_CODE_PENDING,  /* issued, not used, still valid */
    OV_CODE_EXPIRED   /* issued, never used, expired */
} ov_code_state;

typedef struct ov_user_row {
    int64_t id;
    ov_str username, full_name, phone, email;
    ov_role role;
    bool active;
    bool has_password;
    ov_str teams;      /* team names, ", " between */
    ov_str team_ids;   /* "3,5" */
    ov_code_state code;
    int open_courses;  /* courses not ended that name the user */
} ov_user_row;

/* The staff of a municipality (no citizen or employer log-ins), by name,
 * at most 2000; `now` decides which codes have expired. */
ov_status ov_user_list(ov_tx *tx, int municipality_code, ov_time now,
                       ov_arena *a, ov_user_row **out, ov_list_info *li,
                       ov_err *err);
ov_status ov_user_get(ov_tx *tx, int municipality_code, int64_t user_id,
                      ov_time now, ov_arena *a, ov_user_row *out,
                      ov_err *err);
/* Create a staff user of the municipality with their teams, and issue
 * the first activation code (into `code`). */
ov_status ov_user_admin_create(ov_tx *tx, int municipality_code,
                               const ov_user_admin_input *in, ov_time now,
                               int64_t *id,
                               char code[OV_ACTIVATION_CODE_BUF],
                               ov_err *err);
/* Change name, role, contact details and teams (the team list replaces
 * the user's teams); the user name stays. */
ov_status ov_user_admin_update(ov_tx *tx, int municipality_code,
                               int64_t user_id,
                               const ov_user_admin_input *in, ov_err *err);
/* The same by the administrator `self`, who may not take their own
 * administrator role away; nobody takes the last active administrator's
 * role (model/user.h ov_admin_change_check; ov_user_admin_update is this
 * with no caller, the CLI). */
ov_status ov_user_admin_update_by(ov_tx *tx, int municipality_code,
                                  int64_t user_id, int64_t self,
                                  const ov_user_admin_input *in, ov_err *err);
/* Deactivate; `self` (the caller) may not deactivate themselves, and the
 * municipality's last active administrator is not deactivated. */
ov_status ov_user_deactivate(ov_tx *tx, int municipality_code,
                             int64_t user_id, int64_t self, ov_err *err);
/* Make a deactivated user active again. Their old password is cleared:
 * they log in only after a new activation code (ov_user_issue_code). */
ov_status ov_user_reactivate(ov_tx *tx, int municipality_code,
                             int64_t user_id, ov_err *err);
/* A new activation code for an active user (a forgotten password). */
ov_status ov_user_issue_code(ov_tx *tx, int municipality_code,
                             int64_t user_id, ov_time now,
                             char code[OV_ACTIVATION_CODE_BUF], ov_err *err);
/* Use a code: the active user `username` with a valid code gets the
 * password hash (ov_password_hash; computed before the write) and the
 * code is gone. A wrong user name, a wrong, used or expired code all
 * answer the same OV_EPERM (user_activation_wrong). */
ov_status ov_user_activate(ov_tx *tx, ov_str username, ov_str code,
                           const char *password_hash, ov_time now,
                           ov_err *err);

/* The team must be the municipality's (else OV_ENOTFOUND, field
 * "team_id"). */
ov_status ov_team_require(ov_tx *tx, int municipality_code, int64_t team_id,
                          ov_err *err);
ov_status ov_org_team_rename(ov_tx *tx, int municipality_code,
                             int64_t team_id, ov_str name, ov_err *err);
/* Add or remove a staff member of the municipality. */
ov_status ov_org_team_member(ov_tx *tx, int municipality_code,
                             int64_t team_id, int64_t user_id, bool add,
                             ov_err *err);

#endif
