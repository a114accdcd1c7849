/*
 * course.h - the course (forløb): its stages and how it ends.
 *
 * A course links one citizen to a team in one municipality. It moves
 * through the stages of the model (DOMAIN.md "The model"):
 *   screened -> drawn -> start (start meeting) -> plan (individual plan)
 *   -> match (company match) -> placement -> in_job -> ended
 * Stages move forward (a step may be skipped, e.g. straight to placement
 * when a match was found at the start meeting); they never move back, so
 * the stage history is a timeline. Any stage but `ended` can end, with a
 * reason and a date; an ended course changes no more.
 */
#ifndef OV_MODEL_COURSE_H
#define OV_MODEL_COURSE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef enum ov_stage {
    OV_STAGE_SCREENED = 0,
    OV_STAGE_DRAWN,
    OV_STAGE_START,
    OV_STAGE_PLAN,
    OV_STAGE_MATCH,
    OV_STAGE_PLACEMENT,
    OV_STAGE_IN_JOB,
    OV_STAGE_ENDED,
    OV_STAGE_COUNT
} ov_stage;

const char *ov_stage_code(ov_stage s);     /* "screened", ... */
const char *ov_stage_label_da(ov_stage s); /* "Screenet", ... */
ov_status ov_stage_parse(ov_str code, ov_stage *out, ov_err *err);

typedef enum ov_end_reason {
    OV_END_ORDINARY_JOB = 0, /* i ordinært job */
    OV_END_EDUCATION,        /* påbegyndt uddannelse */
    OV_END_OTHER_EFFORT,     /* overgået til anden indsats */
    OV_END_FLEX_JOB,         /* fleksjob */
    OV_END_HEALTH,           /* helbred */
    OV_END_MOVED,            /* fraflyttet kommunen */
    OV_END_WITHDREW,         /* borgeren ønskede at stoppe */
    OV_END_OTHER,            /* andet (tekst påkrævet) */
    OV_END_COUNT
} ov_end_reason;

const char *ov_end_reason_code(ov_end_reason r);
const char *ov_end_reason_label_da(ov_end_reason r);
ov_status ov_end_reason_parse(ov_str code, ov_end_reason *out, ov_err *err);

/* Moving from `from` to `to`: forward only; never out of ended; ending goes
 * through ov_course_validate_end. */
ov_status ov_course_validate_stage_change(ov_stage from, ov_stage to,
                                          ov_err *err);

/* Ending: not already ended; the end date not before the course started
 * and not after today; reason `other` needs a text (1-500 bytes). */
ov_status ov_course_validate_end(ov_stage current, ov_date started,
                                 ov_date end, ov_date today,
                                 ov_end_reason reason, ov_str text,
                                 ov_err *err);

#endif
