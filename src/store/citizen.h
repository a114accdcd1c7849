/*
 * citizen.h - citizens and their personal identity.
 *
 * A citizen is keyed by an internal id; the CPR number is an attribute that
 * can change. It is stored encrypted (secretbox) with a keyed hash for
 * look-up. Every function writes its audit row in the caller's transaction.
 */
#ifndef OV_STORE_CITIZEN_H
#define OV_STORE_CITIZEN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/cpr.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/str.h"
#include "store/store.h"

#define OV_NAME_MAX 200

typedef struct ov_citizen {
    int64_t id;
    ov_str full_name;
    ov_cpr cpr;        /* decrypted and checked against its keyed hash */
    ov_time created_at;
    ov_time updated_at;
    /* anonymised by retention (store/retention.h): full_name is the
     * marker, cpr.digits empty, cpr.birth the year's 1 January */
    bool anonymised;
} ov_citizen;

/* Validate name and CPR, refuse a CPR number already registered (conflict,
 * naming the existing citizen id), store, audit "create". */
ov_status ov_citizen_create(ov_tx *tx, ov_str full_name, ov_str cpr,
                            int64_t *id, ov_err *err);

/* Read one citizen (audit "read"). OV_ENOTFOUND for an unknown id. */
ov_status ov_citizen_get(ov_tx *tx, int64_t id, ov_arena *a, ov_citizen *out,
                         ov_err *err);

/* Find by CPR number (audit "read" with the criterion "CPR-opslag"; the
 * number itself is never written to the log). *id = 0 when not found. */
ov_status ov_citizen_find_by_cpr(ov_tx *tx, ov_str cpr, int64_t *id,
                                 ov_err *err);

/* Change name and/or CPR number (NULL ptr leaves a value unchanged);
 * audit "update". */
ov_status ov_citizen_update(ov_tx *tx, int64_t id, ov_str full_name,
                            ov_str cpr, ov_err *err);

/* Validation shared with importers: trimmed, 1-200 bytes, valid UTF-8,
 * no control characters. */
ov_status ov_citizen_validate_name(ov_str name, const char *field,
                                   ov_err *err);

/* A CPR number made ready for storage without the database: its keyed
 * look-up hash and its sealed box (a fresh nonce). Importers seal every
 * number before they take the writer, so the write transaction only looks
 * up and inserts. */
typedef struct ov_cpr_sealed {
    uint8_t hash[OV_HASH_BYTES];
    uint8_t nonce[OV_NONCE_BYTES];
    uint8_t box[10 + OV_MAC_BYTES];
    char birth[OV_DATE_BUF];
    const char *sex;
} ov_cpr_sealed;

/* Seal a parsed CPR number with the store's keys (no transaction). */
ov_status ov_citizen_seal(ov_store *s, const ov_cpr *cpr, ov_cpr_sealed *out,
                          ov_err *err);
/* Many numbers sealed one after another (an import of 100,000): the
 * look-up key's HMAC pads are hashed once, not per number, and the
 * nonces are drawn 64 at a time instead of one system call each. The
 * result is the same as ov_citizen_seal's. One sealer per thread; wipe it
 * when done. */
typedef struct ov_cpr_sealer {
    const ov_keys *keys;
    ov_hmac_ctx mac;
    uint8_t nonces[64][OV_NONCE_BYTES];
    int used;
} ov_cpr_sealer;
ov_status ov_cpr_sealer_init(ov_store *s, ov_cpr_sealer *z, ov_err *err);
void ov_cpr_sealer_seal(ov_cpr_sealer *z, const ov_cpr *cpr,
                        ov_cpr_sealed *out);
void ov_cpr_sealer_wipe(ov_cpr_sealer *z);
/* ov_citizen_find_by_cpr for a sealed number (audit "read" with
 * `criterion`, only when found). */
ov_status ov_citizen_find_sealed(ov_tx *tx, const ov_cpr_sealed *sc,
                                 const char *criterion, int64_t *id,
                                 ov_err *err);
/* ov_citizen_create for a validated name and a sealed number (audit
 * "create"; OV_ECONFLICT when the number is registered). */
ov_status ov_citizen_create_sealed(ov_tx *tx, ov_str full_name,
                                   const ov_cpr_sealed *sc, int64_t *id,
                                   ov_err *err);
/* The same without its audit row: the caller appends the "create" rows of
 * all the citizens it inserts with ov_audit_append_many in the same
 * transaction (a screening import of 100,000 lines). */
ov_status ov_citizen_insert_sealed(ov_tx *tx, ov_str full_name,
                                   const ov_cpr_sealed *sc, int64_t *id,
                                   ov_err *err);

/* Insert n new citizens (validated names, sealed numbers that the caller
 * looked up and found unregistered), 16 to a statement, with the ids
 * SQLite would give them in order; ids[i] gets the i-th one's. Without
 * audit rows, as ov_citizen_insert_sealed. */
typedef struct ov_citizen_new {
    ov_str name;
    const ov_cpr_sealed *sealed;
} ov_citizen_new;
ov_status ov_citizen_insert_sealed_many(ov_tx *tx, const ov_citizen_new *c,
                                        size_t n, int64_t *ids, ov_err *err);

#endif
