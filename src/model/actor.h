/*
 * actor.h - who acts, in which role, and why: the vocabulary of access.
 *
 * Every store operation on a citizen's data runs on behalf of an actor; the
 * audit log records the actor, the role, the action and the purpose. Roles
 * are the people of the intervention model (DOMAIN.md, "Actors"), plus
 * `system` for maintenance commands run by an operator.
 */
#ifndef OV_MODEL_ACTOR_H
#define OV_MODEL_ACTOR_H

#include "core/err.h"
#include "core/str.h"

typedef enum ov_role {
    OV_ROLE_EMPLOYMENT_CASEWORKER = 0, /* sagsbehandler (jobcenter) */
    OV_ROLE_SOCIAL_CASEWORKER,         /* sagsbehandler (socialområdet) */
    OV_ROLE_CTI_WORKER,                /* CTI-medarbejder */
    OV_ROLE_COMPANY_CONSULTANT,        /* virksomhedskonsulent */
    OV_ROLE_LEADER,                    /* leder */
    OV_ROLE_ADMINISTRATOR,             /* administrator */
    OV_ROLE_NATIONAL_ANALYST,          /* national analytiker */
    OV_ROLE_CITIZEN,                   /* borger */
    OV_ROLE_EMPLOYER,                  /* arbejdsgiver (kontaktperson) */
    OV_ROLE_SYSTEM,                    /* operator command, migration */
    OV_ROLE_COUNT
} ov_role;

/* Stable code used in storage and the API: "employment_caseworker", ... */
const char *ov_role_code(ov_role r);
/* Danish label for the UI: "Sagsbehandler (jobcenter)", ... */
const char *ov_role_label_da(ov_role r);
/* Parse a code; the error lists the valid codes. */
ov_status ov_role_parse(ov_str code, const char *field, ov_role *out,
                        ov_err *err);

typedef enum ov_action {
    OV_ACT_CREATE = 0,
    OV_ACT_READ,
    OV_ACT_UPDATE,
    OV_ACT_DELETE,
    OV_ACT_EXPORT,
    OV_ACT_PRUNE, /* audit log retention: rows older than the period removed */
    OV_ACT_COUNT
} ov_action;

const char *ov_action_code(ov_action a); /* "create", "read", ... */
ov_status ov_action_parse(ov_str code, ov_action *out);

#define OV_ACTOR_NAME_MAX 128
#define OV_PURPOSE_MAX 256

/* The acting party. `user` is a login name (or "cli:<unix user>" for
 * operator commands); `purpose` is why the data is touched, normally the
 * course ("forløb 17"). Both must be non-empty and within their caps. */
typedef struct ov_actor {
    const char *user;
    ov_role role;
    const char *purpose;
} ov_actor;

ov_status ov_actor_validate(const ov_actor *a, ov_err *err);

#endif
