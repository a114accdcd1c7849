/*
 * journal_view.h - the course journal: everything written on a course,
 * read back as one chronological list, and the journal notes
 * (journalnotat) staff add to it.
 *
 * Not store/journal.h, which is the audit log's read journal.
 */
#ifndef OV_STORE_JOURNAL_VIEW_H
#define OV_STORE_JOURNAL_VIEW_H

#include <stdint.h>

#include "core/arena.h"
#include "core/date.h"
#include "model/note.h"
#include "store/store.h"

/* The kinds of entries, in a stable order (codes in the API and the
 * filter: "start_meeting", "followup", ...). */
typedef enum ov_jkind {
    OV_JK_START_MEETING = 0,
    OV_JK_FOLLOWUP,
    OV_JK_PLAN,
    OV_JK_PROPOSAL,
    OV_JK_ANSWER,
    OV_JK_PLACEMENT,
    OV_JK_AGREEMENT,
    OV_JK_SIGNOFF,
    OV_JK_CTI_START,
    OV_JK_CTI_CONTACT,
    OV_JK_MEASUREMENT,
    OV_JK_EMPLOYMENT,
    OV_JK_STAGE,
    OV_JK_END,
    OV_JK_NOTE,
    OV_JK_PLAN_COMMENT, /* the citizen's comment on a plan version */
    OV_JK_COUNT
} ov_jkind;

const char *ov_jkind_code(ov_jkind k);
/* Parse a kind code; OV_EINVAL (journal_kind_unknown) for another. */
ov_status ov_jkind_parse(ov_str code, ov_jkind *out, ov_err *err);

/* One entry. What the fields hold depends on the kind (the page and the
 * API compose the summary from them):
 *   ref, ref2  the record: a meeting, plan version, proposal, placement
 *              (ref2: agreement version), CTI contact, measurement,
 *              employment, stage-history row or note id (ref2: the note
 *              it corrects); the course for cti_start and end; a
 *              plan comment's id (ref2: its plan version)
 *   code       an enum value: meeting complete/incomplete, plan
 *              with/without the citizen, answer yes/no, placement type,
 *              signer, legal basis, contact form, instrument, stage, end
 *              reason, a plan comment's agrees/disagrees; for a note the
 *              date of the note it corrects
 *   num        a number: plan version, score, minutes, hours x10, months;
 *              for a note the id of the note that corrected it (0: none)
 *   text       the written text (notes of a meeting, what changed in a
 *              plan, tasks, focus, a note's subject ...)
 *   text2      more text (a company's name, a CTI contact's note, a
 *              note's text)
 *   extra      for a note: the date of the note that corrected it
 *   author_*   who wrote it: the login name as recorded, the user's full
 *              name and role code when it is a user; "cli:..." is an
 *              operator command (the demo, an import); empty when the
 *              record names no author (a placement, an answer) */
typedef struct ov_journal_entry {
    ov_date at;
    ov_jkind kind;
    int64_t ref, ref2;
    ov_str code;
    int64_t num;
    ov_str text, text2, extra;
    ov_str author_user, author_name, author_role;
} ov_journal_entry;

typedef struct ov_journal_filter {
    int kind;            /* an ov_jkind, or -1 for all */
    ov_date from, to;    /* 0 = open */
    int64_t ref, ref2;   /* 0 = any (one entry: its kind and ref) */
} ov_journal_filter;

#define OV_JOURNAL_CAP 500 /* entries on one page */

/* The course's journal, newest first (by date, then as written), within
 * the filter; at most cap entries, the list convention (store.h). One
 * audit "read" row. OV_ENOTFOUND for an unknown course; OV_EINVAL when
 * the period is reversed. */
ov_status ov_journal_read(ov_tx *tx, int64_t course_id,
                          const ov_journal_filter *f, int cap, ov_arena *a,
                          ov_journal_entry **rows, ov_list_info *li,
                          ov_err *err);

/* One field of an entry's detail: a label code ("notes", "wishes",
 * "own_words", "attendee", "focus_area" ...), a group (a life domain's
 * code, a CTI phase; empty when none) and the full text. */
typedef struct ov_journal_field {
    ov_str label, group, value;
} ov_journal_field;

/* One entry of the course with everything written in it (the detail
 * page): the entry and its fields in the order written. OV_ENOTFOUND
 * (journal_entry_unknown) when the course has no such entry. One audit
 * "read" row. */
ov_status ov_journal_entry_read(ov_tx *tx, int64_t course_id, ov_jkind kind,
                                int64_t ref, int64_t ref2, ov_arena *a,
                                ov_journal_entry *entry,
                                ov_journal_field **fields, int *nfields,
                                ov_err *err);

/* Add a journal note to the course (an ended course too: notatpligt
 * outlives the course). n->corrects, when not 0, must be a note of the
 * same course (else OV_ENOTFOUND, worded as for a missing note). One
 * audit "create" row. */
ov_status ov_note_add(ov_tx *tx, int64_t course_id, const ov_note *n,
                      ov_date today, int64_t *id, ov_err *err);

#endif
