/*
 * plan.h - storage of plan versions. Each save makes a new immutable
 * version with who, when, a change summary, whether it was decided with the
 * citizen and the citizen's comment. Saving from a stale version is refused
 * (never a silent overwrite).
 */
#ifndef OV_STORE_PLAN_H
#define OV_STORE_PLAN_H

#include <stdint.h>

#include "model/plan.h"
#include "store/store.h"

typedef struct ov_plan_meta {
    int version;
    bool with_citizen;
    ov_str citizen_comment;
    ov_str summary;       /* the diff against the previous version */
    ov_str created_by;
    ov_str author;        /* for people to read: the user's full name,
                           * "System" for the command line (versions list
                           * only; empty elsewhere) */
    ov_time created_at;
} ov_plan_meta;

/* Save a new version. base_version is the version the user edited (0 for
 * the first). The summary is computed from the diff. Moving to the `plan`
 * stage happens when the first version with a job goal is saved. */
ov_status ov_plan_save(ov_tx *tx, int64_t course_id, int base_version,
                       const ov_plan *p, bool with_citizen,
                       ov_str citizen_comment, int *new_version,
                       ov_err *err);

/* Read a version (0 = the latest). *found false when the course has no
 * plan yet (then the plan is empty and meta.version 0). */
ov_status ov_plan_load(ov_tx *tx, int64_t course_id, int version,
                       ov_arena *a, ov_plan *out, ov_plan_meta *meta,
                       ov_err *err);

/* ---- plan versions (criterion "planversioner") ---- */
/* Newest first: version, with_citizen, citizen_comment, summary,
 * created_by, created_at. At most 500. */
ov_status ov_plan_versions(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_plan_meta **out, ov_list_info *li,
                           ov_err *err);

/* The changes that made `version` (1..latest) from the one before, at
 * most OV_PLAN_CHANGES_CAP of them (out->total counts all), in the arena,
 * for each reader to render in their language (model/plan.h
 * ov_plan_changes_text). A read of the plan inside a transaction already
 * audited for it (the plan page, the journal, the PDF): no audit row of
 * its own. */
#define OV_PLAN_CHANGES_CAP 20
ov_status ov_plan_changes_of(ov_tx *tx, int64_t course_id, int version,
                             ov_arena *a, ov_plan_changes *out, ov_err *err);

#endif
