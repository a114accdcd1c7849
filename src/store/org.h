/*
 * org.h - storage of the organisation: municipalities, teams, users,
 * companies. Every write is audited (criterion names the record; these are
 * not citizen data, but who changed the organisation matters).
 */
#ifndef OV_STORE_ORG_H
#define OV_STORE_ORG_H

#include <stdint.h>

#include "core/str.h"
#include "model/actor.h"
#include "model/match.h"
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

#endif
