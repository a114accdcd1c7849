/*
 * meeting.h - storage of start meetings (with the holistic assessment) and
 * follow-up meetings. Recording a complete start meeting moves a course
 * that has not yet reached the `start` stage to it.
 */
#ifndef OV_STORE_MEETING_H
#define OV_STORE_MEETING_H

#include <stdint.h>

#include "model/meeting.h"
#include "store/store.h"

typedef enum ov_meeting_kind {
    OV_MEETING_START = 0,
    OV_MEETING_FOLLOWUP
} ov_meeting_kind;

typedef struct ov_meeting_input {
    ov_meeting_kind kind;
    ov_date held_on;
    ov_attendees attendees;  /* OV_ATTEND(role) bits, citizen included */
    ov_str notes;            /* up to 4000 bytes */
    ov_str wishes;           /* start meeting: the citizen's wishes */
    ov_str competences;      /* start meeting: competences */
    int plan_version;        /* follow-up: the plan version it produced
                              * (0 for none; else it must exist on the
                              * course, OV_ENOTFOUND otherwise) */
    int nitems;
    const ov_assessment_item *items; /* start meeting only */
} ov_meeting_input;

/* Validate (dates not before the course start nor after today, texts,
 * assessment items against `domains`, follow-ups only after a complete
 * start meeting) and store. *complete says whether a start meeting had
 * everyone it needs. */
ov_status ov_meeting_record(ov_tx *tx, int64_t course_id,
                            const ov_meeting_input *in,
                            const ov_life_domains *domains, ov_date today,
                            int64_t *id, bool *complete, ov_err *err);

/* The latest complete start meeting's date; *found false when none. */
ov_status ov_meeting_start_done(ov_tx *tx, int64_t course_id, bool *found,
                                ov_date *on, ov_err *err);

/* ---- meetings of a course (criterion "møder") ---- */
typedef struct ov_meeting_row {
    int64_t id;
    ov_meeting_kind kind;
    ov_date held_on;
    bool complete;
    ov_attendees attendees;   /* OV_ATTEND(role) bits; citizen included */
    ov_str notes, wishes, competences;
    int plan_version;         /* 0 when none */
    ov_str created_by;
    int nitems;
    ov_assessment_item *items; /* start meetings; in the arena */
} ov_meeting_row;

/* Oldest first, at most 500. */
ov_status ov_meeting_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                          ov_meeting_row **out, ov_list_info *li,
                          ov_err *err);

#endif
