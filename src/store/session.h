/*
 * session.h - log-in sessions. The token (256 random bits) is given to the
 * browser once; only its SHA-256 is stored, so a copy of the database does
 * not give anyone a session. Expiry rules live in the web layer.
 */
#ifndef OV_STORE_SESSION_H
#define OV_STORE_SESSION_H

#include <stdint.h>

#include "core/crypto.h"
#include "core/date.h"
#include "model/access.h"
#include "model/org.h"
#include "store/store.h"

#define OV_TOKEN_HEX 65 /* 64 hex digits and a NUL */

/* The viewer and password hash of an active user, for a log-in attempt.
 * OV_ENOTFOUND for an unknown or deactivated user or one without a
 * password. */
ov_status ov_session_user(ov_tx *tx, ov_str username, ov_viewer *v,
                          char hash[OV_PWHASH_MAX], ov_err *err);

/* A new session for the user; token and csrf are fresh random hex. */
ov_status ov_session_create(ov_tx *tx, int64_t user_id, ov_time now,
                            char token[OV_TOKEN_HEX], char csrf[OV_TOKEN_HEX],
                            ov_err *err);

typedef struct ov_session {
    ov_viewer viewer;
    char username[OV_TOKEN_HEX];
    char full_name[OV_USER_NAME_MAX + 1]; /* shown in the page header */
    char csrf[OV_TOKEN_HEX];
    ov_time created, seen;
} ov_session;

/* Look up a token (hex); OV_ENOTFOUND when there is no such session. */
ov_status ov_session_get(ov_tx *tx, ov_str token, ov_session *out,
                         ov_err *err);
/* Delete the session now (log-out), in a write transaction. */
ov_status ov_session_delete(ov_tx *tx, ov_str token, ov_err *err);
/* Note that the session was used at `now`, without writing: the store
 * writes the newest noted time with its next write batch, or within about
 * 30 s (store/seen.c; a crash loses at most those), and ov_session_get
 * sees it meanwhile. Any transaction, reads included. */
void ov_session_note_seen(ov_tx *tx, ov_str token, ov_time now);
/* End an expired session, from any transaction, reads included: noted
 * for deletion with the store's next write batch (store/seen.c), and
 * ov_session_get finds it no more from now on. (Not deleted in the
 * caller's write: a refused request rolls its transaction back.) */
ov_status ov_session_expire(ov_tx *tx, ov_str token, ov_err *err);

#endif
