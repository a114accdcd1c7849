/*
 * plan.h - the citizen's individual plan (core element 2).
 *
 * One plan version holds the job goal in the citizen's own words ("mål for
 * en hverdag med job"), an optional occupation code (DISCO-08, 4 digits),
 * and goals (mål) with sub-goals (delmål) with activities (indsatser). Each
 * activity has a responsible role, an optional deadline and a status. Every
 * goal, sub-goal and activity carries an id that is unique in the plan and
 * kept across versions, so two versions can be compared item by item.
 *
 * Versions are immutable (the store keeps them); this module validates a
 * version, serialises it to canonical JSON and back (strict: unknown keys
 * and wrong types are errors naming the path), diffs two versions
 * (structured, with the Danish line of each change for the stored
 * summary), and refuses edits of a stale version.
 *
 * Caps: 20 goals, 20 sub-goals per goal, 30 activities per sub-goal, texts
 * at most 1000 bytes, the JSON at most 1 MiB.
 */
#ifndef OV_MODEL_PLAN_H
#define OV_MODEL_PLAN_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/str.h"
#include "model/actor.h"

#define OV_PLAN_GOALS_MAX 20
#define OV_PLAN_SUBGOALS_MAX 20
#define OV_PLAN_ACTIVITIES_MAX 30
#define OV_PLAN_TEXT_MAX 1000
#define OV_PLAN_JSON_MAX (1024 * 1024)

typedef enum ov_item_status {
    OV_ITEM_PLANNED = 0,
    OV_ITEM_IN_PROGRESS,
    OV_ITEM_DONE,
    OV_ITEM_CANCELLED,
    OV_ITEM_COUNT
} ov_item_status;

const char *ov_item_status_code(ov_item_status s);
const char *ov_item_status_label_da(ov_item_status s);

typedef struct ov_plan_activity {
    int id;
    ov_str text;
    ov_role responsible;
    bool has_deadline;
    ov_date deadline;
    ov_item_status status;
} ov_plan_activity;

typedef struct ov_plan_subgoal {
    int id;
    ov_str text;
    ov_item_status status;
    int nactivities;
    ov_plan_activity *activities;
} ov_plan_subgoal;

typedef struct ov_plan_goal {
    int id;
    ov_str text;
    ov_item_status status;
    int nsubgoals;
    ov_plan_subgoal *subgoals;
} ov_plan_goal;

typedef struct ov_plan {
    ov_str job_goal;    /* empty until the citizen has defined it */
    ov_str occupation;  /* "" or 4 digits */
    int ngoals;
    ov_plan_goal *goals;
} ov_plan;

/* Caps, texts, statuses, roles (staff or citizen), unique ids > 0.
 * Errors name the path: "goals[1].subgoals[0].activities[2].text". */
ov_status ov_plan_validate(const ov_plan *p, ov_err *err);
bool ov_plan_has_job_goal(const ov_plan *p);

/* Canonical JSON (keys in fixed order) into the arena. */
ov_str ov_plan_to_json(const ov_plan *p, ov_arena *a);
/* Parse and validate; the plan's strings live in the arena. */
ov_status ov_plan_from_json(ov_str json, ov_arena *a, ov_plan *out,
                            ov_err *err);

/* Largest id in use (for assigning new ids: max + 1). */
int ov_plan_max_id(const ov_plan *p);

/* ---- the diff between two versions ----
 * Structured, so that each reader renders it in their language (the web
 * through its message catalogue, the PDF in Danish): what kind of
 * change, which item (goal, sub-goal, activity; the plan itself for the
 * job goal and occupation), the item's text, and the old and new value.
 * Texts are cut at OV_PLAN_SHOW bytes as the summary always did; a status
 * is its code (ov_item_status_code), a responsible role its code
 * (ov_role_code), a deadline an ISO date or "" for none. text_da is the
 * Danish line the version's stored summary is made of, unchanged. */
#define OV_PLAN_SHOW 80

typedef enum ov_plan_change_kind {
    OV_PCH_JOB_GOAL = 0, /* old, new: the job goal's texts */
    OV_PCH_OCCUPATION,   /* old, new: the occupation codes */
    OV_PCH_REMOVED,      /* item, subject */
    OV_PCH_TEXT,         /* item, old, new: the item's texts */
    OV_PCH_STATUS,       /* item, subject, old, new: status codes */
    OV_PCH_RESPONSIBLE,  /* an activity, subject, old, new: role codes */
    OV_PCH_DEADLINE,     /* an activity, subject, old, new: ISO or "" */
    OV_PCH_ADDED,        /* item, subject */
    OV_PCH_COUNT
} ov_plan_change_kind;

typedef enum ov_plan_item {
    OV_PITEM_GOAL = 0,
    OV_PITEM_SUBGOAL,
    OV_PITEM_ACTIVITY,
    OV_PITEM_PLAN /* the job goal and occupation */
} ov_plan_item;

const char *ov_plan_change_code(ov_plan_change_kind k); /* "text", ... */
const char *ov_plan_item_code(ov_plan_item i); /* "goal", "subgoal", ... */

typedef struct ov_plan_change {
    ov_plan_change_kind kind;
    ov_plan_item item;
    char subject[OV_PLAN_SHOW + 1];
    char old_value[OV_PLAN_SHOW + 1];
    char new_value[OV_PLAN_SHOW + 1];
    char text_da[300];
} ov_plan_change;

/* Changes from `from` to `to`; returns how many (<= cap; the count of all
 * changes is returned in *total when not NULL). */
int ov_plan_diff(const ov_plan *from, const ov_plan *to, ov_plan_change *out,
                 int cap, int *total);

/* A version's changes against the one before: version 1 is the first
 * (no changes, "Første version af planen"); total may exceed n (the
 * summary says "… og N ændringer mere"). */
typedef struct ov_plan_changes {
    int version;
    bool first;
    int n, total;
    ov_plan_change *ch;
} ov_plan_changes;

/* The catalogue text of a key in a language (web/msg.h ov_msg), handed
 * in so that the renderers below serve the web and the PDF alike without
 * this layer knowing either. */
typedef const char *(*ov_plan_msg)(int lang, const char *key);

/* One change as a line in the reader's language: the catalogue's
 * "plandiff.<kind>" with %1 the item ("plandiff.item.<item>"), %2 the
 * item's text, %3 and %4 the old and new value (a status through
 * "status.<code>", a role through "role.<code>", a deadline as a date or
 * "plandiff.no_deadline"). */
const char *ov_plan_change_line(const ov_plan_change *c, ov_plan_msg msg,
                                int lang, ov_arena *a);
/* The summary of a version in the reader's language, lines joined by
 * "\n": "plandiff.first", or "plandiff.none", or the lines and
 * "plandiff.more" with the count not shown. */
const char *ov_plan_changes_text(const ov_plan_changes *pc, ov_plan_msg msg,
                                 int lang, ov_arena *a);

/* Editing version `base` while `current` is the latest: OV_ECONFLICT. */
ov_status ov_plan_check_base(int current, int base, ov_err *err);

#endif
