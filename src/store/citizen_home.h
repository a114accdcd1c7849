/*
 * citizen_home.h - what the citizen's own home page "Mit forløb" reads
 * and writes (issue 14 section 1): which course is theirs, their
 * comments on a plan version (agreeing or not), the plan version they
 * last saw, and the staff on their course with phone and e-mail.
 *
 * Why a module of its own: the staff read a course by its id; a citizen
 * has no id to give, their log-in names them (ov_viewer.citizen_id), and
 * every function here starts from that. A comment is the citizen's own
 * word on the plan that the team decided with them; it is recorded on the
 * plan version, append-only, and shown to the team on the plan page and
 * in the course journal (store/journal_view.h, kind "plan_comment").
 */
#ifndef OV_STORE_CITIZEN_HOME_H
#define OV_STORE_CITIZEN_HOME_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/actor.h"
#include "store/store.h"

#define OV_PLAN_COMMENT_MAX 2000 /* bytes of a comment's text */
#define OV_PLAN_COMMENTS_CAP 200 /* comments read for one course */

/* The course a citizen's home shows: their newest course (a citizen who
 * came back has an ended one and a new one). OV_ENOTFOUND
 * (citizen_home_no_course) when they have none. Ids only, no audit row:
 * what is then read of the course records its own. */
ov_status ov_citizen_home_course(ov_tx *tx, int64_t citizen_id,
                                 int64_t *course_id, ov_err *err);

typedef struct ov_plan_comment {
    int64_t id;
    int version;
    bool agrees;
    ov_str text;
    ov_str author_user; /* the log-in name as recorded */
    ov_str author_name; /* the user's full name; "" when unknown */
    ov_str author_role; /* the user's role code; "" when unknown */
    ov_time created_at;
} ov_plan_comment;

/* Record the caller's comment on plan version `version` of the course:
 * the text (trimmed; required, at most OV_PLAN_COMMENT_MAX bytes:
 * OV_EINVAL naming "text") and whether they agree. A version the course
 * does not have is OV_ENOTFOUND naming "version" (another course's
 * version answers the same). One audit "create" row of the citizen. */
ov_status ov_plan_comment_add(ov_tx *tx, int64_t course_id, int version,
                              bool agrees, ov_str text, int64_t *id,
                              ov_err *err);

/* The comments on the course's plan, newest first, at most cap (the list
 * convention). An audited read: one row ("plankommentarer"). */
ov_status ov_plan_comments(ov_tx *tx, int64_t course_id, int cap,
                           ov_arena *a, ov_plan_comment **out,
                           ov_list_info *li, ov_err *err);

/* The newest plan version of the course that user_id was shown (0: none
 * yet): what is written, or what a request noted and the next batch
 * will write (store/seen.c). No audit row: it says nothing of the
 * citizen beyond a number the user saw. */
ov_status ov_plan_seen_get(ov_tx *tx, int64_t user_id, int64_t course_id,
                           int *version, ov_err *err);
/* Note that user_id was shown `version` of the course's plan; written
 * with the next write batch, never lowered. Needs no write transaction
 * (a page read notes it). A read-only store forgets it. */
void ov_plan_seen_note(ov_tx *tx, int64_t user_id, int64_t course_id,
                       int version);

/* Who saved plan version `version` of the course: the user's full name
 * and role code ("" for both when it was an operator command or the
 * user is gone). No audit row: the plan's read records it. */
ov_status ov_plan_author(ov_tx *tx, int64_t course_id, int version,
                         ov_arena *a, ov_str *full_name, ov_str *role,
                         ov_err *err);

/* A member of the course's team, for the citizen to reach. */
typedef struct ov_team_contact {
    ov_role role;
    ov_str full_name;
    ov_str phone, email; /* "" when not given */
} ov_team_contact;

/* The staff named on the course (at most one per frontline role), in the
 * order of the roles, with their phone and e-mail. An audited read: one
 * row ("mit team"). */
ov_status ov_course_team_contacts(ov_tx *tx, int64_t course_id, ov_arena *a,
                                  ov_team_contact **out, int *n,
                                  ov_err *err);

#endif
