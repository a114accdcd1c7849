#include "store/session.h"

#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

static const char SQL_USER[] =
    "SELECT id, role, coalesce(municipality_code, 0), "
    "coalesce(citizen_id, 0), coalesce(company_id, 0), password_hash "
    "FROM app_user WHERE username = ?1 AND active = 1 AND password_hash IS "
    "NOT NULL";
static const char SQL_INSERT[] =
    "INSERT INTO session (token_hash, user_id, csrf, created_ms, seen_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?4)";
static const char SQL_GET[] =
    "SELECT u.id, u.role, coalesce(u.municipality_code, 0), "
    "coalesce(u.citizen_id, 0), coalesce(u.company_id, 0), s.csrf, "
    "s.created_ms, s.seen_ms, u.username, u.full_name FROM session s JOIN "
    "app_user u "
    "ON u.id = "
    "s.user_id WHERE s.token_hash = ?1 AND u.active = 1";
static const char SQL_DELETE[] = "DELETE FROM session WHERE token_hash = ?1";

bool ov_token_hash(ov_str token, uint8_t out[OV_HASH_BYTES])
{
    uint8_t raw[32];
    if (token.len != 64 || ov_hex_decode(token, raw, sizeof raw) != OV_OK)
        return false;
    ov_sha256(raw, sizeof raw, out);
    return true;
}

ov_status ov_viewer_read(ov_stmt *s, int col, ov_arena *a, ov_viewer *v,
                         ov_err *err)
{
    v->user_id = ov_stmt_col_i64(s, col);
    v->municipality_code = (int)ov_stmt_col_i64(s, col + 2);
    v->citizen_id = ov_stmt_col_i64(s, col + 3);
    v->company_id = ov_stmt_col_i64(s, col + 4);
    return ov_role_parse(ov_stmt_col_text(s, col + 1, a), "role", &v->role,
                         err);
}

ov_status ov_session_user(ov_tx *tx, ov_str username, ov_viewer *v,
                          char hash[OV_PWHASH_MAX], ov_err *err)
{
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_USER, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_text(s, 1, username);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(256);
        v->user_id = ov_stmt_col_i64(s, 0);
        st = ov_role_parse(ov_stmt_col_text(s, 1, a), "role", &v->role, err);
        v->municipality_code = (int)ov_stmt_col_i64(s, 2);
        v->citizen_id = ov_stmt_col_i64(s, 3);
        v->company_id = ov_stmt_col_i64(s, 4);
        ov_str h = ov_stmt_col_text(s, 5, a);
        snprintf(hash, OV_PWHASH_MAX, "%.*s", (int)h.len, h.ptr);
        ov_arena_destroy(a);
    } else if (r == OV_STEP_DONE) {
        st = ov_err_msg(err, OV_ENOTFOUND, "username",
                        session_user_not_found);
    } else {
        st = err->code;
    }
    ov_stmt_release(s);
    return st;
}

ov_status ov_session_create(ov_tx *tx, int64_t user_id, ov_time now,
                            char token[OV_TOKEN_HEX], char csrf[OV_TOKEN_HEX],
                            ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    uint8_t raw[32], c[32], h[OV_HASH_BYTES];
    ov_random_bytes(raw, sizeof raw);
    ov_random_bytes(c, sizeof c);
    ov_hex_encode(raw, sizeof raw, token);
    ov_hex_encode(c, sizeof c, csrf);
    ov_sha256(raw, sizeof raw, h);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_blob(s, 1, h, sizeof h);
    ov_stmt_bind_i64(s, 2, user_id);
    ov_stmt_bind_cstr(s, 3, csrf);
    ov_stmt_bind_i64(s, 4, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}

ov_status ov_session_get(ov_tx *tx, ov_str token, ov_session *out,
                         ov_err *err)
{
    memset(out, 0, sizeof *out);
    uint8_t h[OV_HASH_BYTES];
    if (!ov_token_hash(token, h))
        return ov_err_msg(err, OV_ENOTFOUND, "session", session_not_found);
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_GET, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_blob(s, 1, h, sizeof h);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        ov_arena *a = ov_arena_new(256);
        st = ov_viewer_read(s, 0, a, &out->viewer, err);
        ov_str csrf = ov_stmt_col_text(s, 5, a);
        snprintf(out->csrf, OV_TOKEN_HEX, "%.*s", (int)csrf.len, csrf.ptr);
        out->created = ov_stmt_col_i64(s, 6);
        out->seen = ov_stmt_col_i64(s, 7);
        /* a newer time noted but not yet written (seen.c), or an expired
         * session whose deletion waits for the next batch */
        ov_time noted = tx->store->seen ? ov_seen_get(tx->store->seen, h) : 0;
        if (noted == OV_SEEN_GONE)
            r = OV_STEP_DONE;
        else if (noted > out->seen)
            out->seen = noted;
        ov_str un = ov_stmt_col_text(s, 8, a);
        snprintf(out->username, sizeof out->username, "%.*s", (int)un.len,
                 un.ptr);
        ov_str fn = ov_stmt_col_text(s, 9, a);
        snprintf(out->full_name, sizeof out->full_name, "%.*s", (int)fn.len,
                 fn.ptr);
        ov_arena_destroy(a);
    }
    if (r == OV_STEP_DONE) {
        memset(out, 0, sizeof *out);
        st = ov_err_msg(err, OV_ENOTFOUND, "session", session_not_found);
    } else if (r != OV_STEP_ROW) {
        st = err->code;
    }
    ov_stmt_release(s);
    return st;
}

void ov_session_note_seen(ov_tx *tx, ov_str token, ov_time now)
{
    uint8_t h[OV_HASH_BYTES];
    if (tx->store->seen && ov_token_hash(token, h))
        ov_seen_note(tx->store->seen, h, now);
}

ov_status ov_session_expire(ov_tx *tx, ov_str token, ov_err *err)
{
    uint8_t h[OV_HASH_BYTES];
    if (!ov_token_hash(token, h))
        return OV_OK;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    if (tx->store->seen)
        ov_seen_note(tx->store->seen, h, OV_SEEN_GONE);
    return OV_OK;
}

/* Delete now (the log-out, in its write). The seen times and the
 * deletions of expired sessions go through store/seen.c. */
ov_status ov_session_delete(ov_tx *tx, ov_str token, ov_err *err)
{
    uint8_t h[OV_HASH_BYTES];
    if (!ov_token_hash(token, h))
        return OV_OK; /* nothing to do for a malformed token */
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_DELETE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_blob(s, 1, h, sizeof h);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return OV_OK;
}
