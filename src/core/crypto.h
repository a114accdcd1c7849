/*
 * crypto.h - the project's only door to libsodium.
 *
 * The key file holds two independent 256-bit keys: one for secretbox
 * (XSalsa20-Poly1305) encryption of CPR numbers, one for the keyed hash
 * (HMAC-SHA-256) that lets us look a CPR number up without decrypting.
 * Losing the key file means losing every CPR number in the database: the
 * rest of the data stays readable. Back it up separately from the database.
 */
#ifndef OV_CORE_CRYPTO_H
#define OV_CORE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define OV_KEY_BYTES 32
#define OV_HASH_BYTES 32
#define OV_NONCE_BYTES 24 /* crypto_secretbox_NONCEBYTES */
#define OV_MAC_BYTES 16   /* crypto_secretbox_MACBYTES */

typedef struct ov_keys {
    uint8_t box[OV_KEY_BYTES];
    uint8_t mac[OV_KEY_BYTES];
} ov_keys;

/* sodium_init; call once at start. OV_EINTERNAL when it fails. */
ov_status ov_crypto_init(ov_err *err);

/* Create a new key file with mode 0600; refuses to overwrite one. */
ov_status ov_keyfile_create(const char *path, ov_err *err);
/* Load keys; refuses a file that group or others may read. */
ov_status ov_keyfile_load(const char *path, ov_keys *keys, ov_err *err);
void ov_keys_wipe(ov_keys *keys);

void ov_random_bytes(void *buf, size_t n);
uint32_t ov_random_u32(void);

void ov_sha256(const void *data, size_t n, uint8_t out[OV_HASH_BYTES]);

typedef struct ov_sha256_ctx {
    _Alignas(64) unsigned char opaque[128]; /* crypto_hash_sha256_state */
} ov_sha256_ctx;
void ov_sha256_init(ov_sha256_ctx *c);
void ov_sha256_update(ov_sha256_ctx *c, const void *data, size_t n);
void ov_sha256_final(ov_sha256_ctx *c, uint8_t out[OV_HASH_BYTES]);

/* HMAC-SHA-256 under the lookup key. */
void ov_keyed_hash(const ov_keys *keys, const void *data, size_t n,
                   uint8_t out[OV_HASH_BYTES]);

/* Encrypt n bytes: out gets n + OV_MAC_BYTES bytes; nonce is random. */
void ov_seal(const ov_keys *keys, const void *plain, size_t n,
             uint8_t nonce[OV_NONCE_BYTES], uint8_t *out);
/* ov_seal with a nonce the caller drew with ov_random_bytes (many at
 * once, for many values); each nonce seals one value, never two. */
void ov_seal_nonce(const ov_keys *keys, const void *plain, size_t n,
                   const uint8_t nonce[OV_NONCE_BYTES], uint8_t *out);
/* Decrypt; OV_ECORRUPT when the box does not authenticate (wrong key file
 * or a tampered row). out gets box_len - OV_MAC_BYTES bytes. */
ov_status ov_open(const ov_keys *keys, const uint8_t *box, size_t box_len,
                  const uint8_t nonce[OV_NONCE_BYTES], uint8_t *out,
                  ov_err *err);

/* Argon2id password hashing (libsodium crypto_pwhash_str, interactive
 * limits: 64 MiB and 2 passes). out must hold OV_PWHASH_MAX bytes. */
#define OV_PWHASH_MAX 128
ov_status ov_password_hash(const char *password, char out[OV_PWHASH_MAX],
                           ov_err *err);
/* True when the password matches the stored hash. */
bool ov_password_verify(const char *stored, const char *password);

/* The audit key: one 256-bit key that keys the audit log's chain and its
 * anchors (store/audit.h). It lives in its own file (`<db>.audit-key`,
 * mode 0600), never in the database, so that someone holding only the
 * database (a copy, a backup, a stolen disk image of it) cannot recompute
 * the chain. Created like the key file, refused when group or others may
 * read it; back it up with the key file, apart from database backups. */
ov_status ov_audit_keyfile_create(const char *path, ov_err *err);
ov_status ov_audit_keyfile_load(const char *path, uint8_t key[OV_KEY_BYTES],
                                ov_err *err);

/* HMAC-SHA-256 over data given in pieces (the audit chain's rows). */
typedef struct ov_hmac_ctx {
    _Alignas(64) unsigned char opaque[256]; /* crypto_auth_hmacsha256_state */
} ov_hmac_ctx;
void ov_hmac_init(ov_hmac_ctx *c, const uint8_t key[OV_KEY_BYTES]);
void ov_hmac_update(ov_hmac_ctx *c, const void *data, size_t n);
void ov_hmac_final(ov_hmac_ctx *c, uint8_t out[OV_HASH_BYTES]);
/* A context just initialised under a key may be copied: each copy then
 * hashes one message under that key without hashing the key's two pads
 * again (two of the four SHA-256 blocks of a short message). Wipe the
 * original when done (ov_hmac_final wipes the context it finishes). */
void ov_hmac_wipe(ov_hmac_ctx *c);
/* One-shot HMAC-SHA-256 under any 256-bit key. */
void ov_hmac(const uint8_t key[OV_KEY_BYTES], const void *data, size_t n,
             uint8_t out[OV_HASH_BYTES]);

/* Constant-time comparison. */
int ov_memeq_ct(const void *a, const void *b, size_t n);

#endif
