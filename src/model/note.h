/*
 * note.h - the journal note (journalnotat) of a course.
 *
 * Why: offentlighedsloven § 13 (notatpligt) obliges the authority to note
 * what it learns by word of mouth and what it does that matters for a
 * case, when it is not otherwise in the file. A note has the date the
 * thing happened (not after today), a subject and a text. A note is never
 * changed or removed: a correction is a new note that refers to the one it
 * corrects, so what was written, and what was believed when, stays
 * readable (the store keeps no update or delete of notes).
 */
#ifndef OV_MODEL_NOTE_H
#define OV_MODEL_NOTE_H

#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

#define OV_NOTE_SUBJECT_MAX 200 /* bytes */
#define OV_NOTE_TEXT_MAX 10000  /* bytes */

typedef struct ov_note {
    ov_date date;     /* when it happened; not after today */
    ov_str subject;   /* 1-200 bytes of UTF-8, trimmed */
    ov_str text;      /* 1-10,000 bytes of UTF-8, trimmed */
    int64_t corrects; /* the note it corrects, or 0 */
} ov_note;

/* A note a caseworker may save today: a date not after today, a subject
 * and a text within their caps (after trimming), valid UTF-8; corrects
 * 0 or a positive id. The error names the field and says how to fix it. */
ov_status ov_note_validate(const ov_note *n, ov_date today, ov_err *err);

#endif
