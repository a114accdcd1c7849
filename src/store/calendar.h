/*
 * calendar.h (store) - the staff's calendar subscriptions and what their
 * calendar shows.
 *
 * Why: a caseworker subscribes to "their" dates (meetings held,
 * follow-ups due, work-agreement reviews of the courses they are named
 * on) in the calendar program they already use. A calendar program
 * cannot log in, so the feed's address carries a secret: a random token
 * of 32 bytes (64 hex digits), of which only the SHA-256 is stored, as for
 * sessions. One per user; renewing makes a new one (the old address stops
 * working at once), revoking removes it. Both are writes with their audit
 * row; the token itself appears in no table and no audit row.
 *
 * What the calendar shows of a citizen: the first name only (the summary
 * of an event is read on a phone's lock screen), never a CPR number.
 */
#ifndef OV_STORE_CALENDAR_H
#define OV_STORE_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "model/access.h"
#include "model/org.h"
#include "store/store.h"

#define OV_CAL_TOKEN_HEX 65 /* 64 hex digits and a NUL */

/* A new secret address for user_id, replacing any old one; the token
 * (hex) goes to the caller once and is never stored. Audit "update" with
 * the criterion "kalenderadresse fornyet". */
ov_status ov_calendar_token_renew(ov_tx *tx, int64_t user_id,
                                  char token[OV_CAL_TOKEN_HEX], ov_err *err);
/* Remove the user's address (*had: there was one). Audit "delete",
 * "kalenderadresse tilbagekaldt". */
ov_status ov_calendar_token_revoke(ov_tx *tx, int64_t user_id, bool *had,
                                   ov_err *err);
/* Whether the user has an address, and since when. */
ov_status ov_calendar_token_info(ov_tx *tx, int64_t user_id, bool *has,
                                 ov_time *since, ov_err *err);

/* The active user a token names: OV_ENOTFOUND (calendar_token_unknown)
 * for a malformed, unknown or revoked token, or an inactive user. */
typedef struct ov_cal_owner {
    ov_viewer viewer;
    char username[OV_CAL_TOKEN_HEX];
    char full_name[OV_USER_NAME_MAX + 1];
} ov_cal_owner;
ov_status ov_calendar_token_owner(ov_tx *tx, ov_str token, ov_cal_owner *out,
                                  ov_err *err);

/* ---- the feed ---- */
typedef enum ov_cal_kind {
    OV_CAL_START_MEETING = 0, /* a start meeting held */
    OV_CAL_FOLLOWUP_MEETING,  /* a follow-up meeting held */
    OV_CAL_FOLLOWUP_DUE,      /* the next follow-up is due */
    OV_CAL_AGREEMENT_REVIEW,  /* a work agreement's review date */
    OV_CAL_KIND_COUNT
} ov_cal_kind;
const char *ov_cal_kind_code(ov_cal_kind k);

typedef struct ov_cal_event {
    ov_cal_kind kind;
    ov_date on;
    int64_t course_id;
    int64_t ref;          /* the meeting's id; 0 for due dates */
    ov_str first_name;    /* the citizen's first name */
} ov_cal_event;

#define OV_CAL_EVENTS_MAX 5000
/* The events of the courses user_id is named on: meetings held in the
 * last `past_days`, follow-ups due and agreement reviews from the open
 * courses' facts within `ahead_days` after today (overdue ones included),
 * sorted by date; at most OV_CAL_EVENTS_MAX. An audited read: one row
 * records the listing ("kalender: N forløb"). */
ov_status ov_calendar_events(ov_tx *tx, int64_t user_id, ov_date today,
                             int past_days, int ahead_days, ov_arena *a,
                             ov_cal_event **out, int *n, ov_err *err);

/* The same calendar for a citizen: the meetings held and the follow-ups
 * and agreement reviews due on their own course (the newest,
 * store/citizen_home.h), with the same windows; no name on the events
 * (first_name empty: it is the reader's own course). None when they have
 * no course. An audited read of the citizen: one row ("min kalender"). */
ov_status ov_calendar_events_citizen(ov_tx *tx, int64_t citizen_id,
                                     ov_date today, int past_days,
                                     int ahead_days, ov_arena *a,
                                     ov_cal_event **out, int *n,
                                     ov_err *err);

#endif
