/*
 * activity.c - the keys of the registered activity's roles and kinds
 * (model/activity.h), used by the scenario format's `activity_prices`
 * (docs/economics-format.md) and the economics output.
 */
#include "model/activity.h"

#include <stddef.h>

static const char *const role_keys[OV_ACT_ROLE_N] = {
    [OV_ACT_ROLE_JOB] = "job",
    [OV_ACT_ROLE_SOCIAL] = "social",
    [OV_ACT_ROLE_CTI] = "cti",
    [OV_ACT_ROLE_COMPANY] = "company",
};

static const char *const kind_keys[OV_ACT_N] = {
    [OV_ACT_START_MEETING] = "start_meeting",
    [OV_ACT_FOLLOWUP] = "followup",
    [OV_ACT_CTI_CONTACT] = "cti_contact",
    [OV_ACT_PLACEMENT_WEEK] = "placement_week",
    [OV_ACT_PROPOSAL] = "proposal",
};

const char *ov_act_role_key(ov_act_role r)
{
    return (unsigned)r < OV_ACT_ROLE_N ? role_keys[r] : NULL;
}

const char *ov_act_kind_key(ov_act_kind k)
{
    return (unsigned)k < OV_ACT_N ? kind_keys[k] : NULL;
}
