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

/* ---- The national monitoring extract (docs/monitoring-format.md) ----
 *
 * Three kinds of keys, each in a text key file like the ones above (a
 * magic line, then name=hex lines; secret ones 0600 and refused when
 * group or others may read them):
 *  - the agency's box key pair (X25519; crypto_box): extracts are
 *    sealed to its public half, only the agency decrypts;
 *  - the pseudonym key (32 random bytes): keys the BLAKE2b hash that
 *    turns a CPR number into a pseudonym; the agency distributes it to
 *    the municipalities, so the same person gets the same pseudonym
 *    everywhere;
 *  - a municipality's signing key pair (Ed25519): it signs its extracts;
 *    the agency registers the public half. */
#define OV_BOX_PUBLIC_BYTES 32
#define OV_BOX_SECRET_BYTES 32
#define OV_SEALED_KEY_BYTES (OV_KEY_BYTES + 48) /* crypto_box_SEALBYTES */
#define OV_SIGN_PUBLIC_BYTES 32
#define OV_SIGN_SECRET_BYTES 64
#define OV_SIGNATURE_BYTES 64
#define OV_STREAM_HEADER_BYTES 24 /* secretstream xchacha20poly1305 */
#define OV_STREAM_ABYTES 17
#define OV_PSEUDONYM_BYTES 32

/* One name=hex line of a key file. */
typedef struct ov_key_field {
    const char *name;
    uint8_t *bytes;
    size_t len;
} ov_key_field;

/* Write a new key file (refuses to overwrite): `about` comment lines,
 * the magic line, then the fields. Mode 0600 when `secret`, else 0644.
 * Errors name `flag` (the option that gave the path). */
ov_status ov_keyfile_write(const char *path, const char *flag,
                           const char *about, const char *magic,
                           const ov_key_field *f, int n, bool secret,
                           ov_err *err);
/* Read the fields of a key file with this magic line; a secret one is
 * refused when group or others may read it. Missing or malformed fields
 * are an error naming the file and the flag. */
ov_status ov_keyfile_read(const char *path, const char *flag,
                          const char *magic, bool secret, ov_key_field *f,
                          int n, ov_err *err);

void ov_box_keypair(uint8_t pk[OV_BOX_PUBLIC_BYTES],
                    uint8_t sk[OV_BOX_SECRET_BYTES]);
void ov_sign_keypair(uint8_t pk[OV_SIGN_PUBLIC_BYTES],
                     uint8_t sk[OV_SIGN_SECRET_BYTES]);
/* A short public id of a public key: BLAKE2b-128 of its bytes. */
void ov_key_id(const uint8_t *pk, size_t n, uint8_t out[16]);
/* BLAKE2b-256 of data keyed with the pseudonym key. */
void ov_pseudonym(const uint8_t key[OV_KEY_BYTES], const void *data,
                  size_t n, uint8_t out[OV_PSEUDONYM_BYTES]);

/* Seal a 32-byte key to a box public key (anonymous sender), and open it
 * with the key pair (OV_ECORRUPT when it does not open). */
void ov_sealed_key_seal(const uint8_t pk[OV_BOX_PUBLIC_BYTES],
                        const uint8_t key[OV_KEY_BYTES],
                        uint8_t out[OV_SEALED_KEY_BYTES]);
ov_status ov_sealed_key_open(const uint8_t pk[OV_BOX_PUBLIC_BYTES],
                             const uint8_t sk[OV_BOX_SECRET_BYTES],
                             const uint8_t in[OV_SEALED_KEY_BYTES],
                             uint8_t key[OV_KEY_BYTES], ov_err *err);

/* crypto_secretstream_xchacha20poly1305: a stream of authenticated
 * chunks, in order, the last one marked final. */
typedef struct ov_stream {
    _Alignas(16) unsigned char opaque[64];
} ov_stream;
void ov_stream_push_init(ov_stream *st, const uint8_t key[OV_KEY_BYTES],
                         uint8_t header[OV_STREAM_HEADER_BYTES]);
/* out gets n + OV_STREAM_ABYTES bytes. */
void ov_stream_push(ov_stream *st, const void *m, size_t n, const void *ad,
                    size_t adn, bool final, uint8_t *out);
void ov_stream_pull_init(ov_stream *st, const uint8_t key[OV_KEY_BYTES],
                         const uint8_t header[OV_STREAM_HEADER_BYTES]);
/* out gets n - OV_STREAM_ABYTES bytes; OV_ECORRUPT when the chunk does
 * not authenticate. */
ov_status ov_stream_pull(ov_stream *st, const uint8_t *c, size_t n,
                         const void *ad, size_t adn, uint8_t *out,
                         bool *final, ov_err *err);

/* Ed25519ph over data given in pieces. */
typedef struct ov_sign_ctx {
    _Alignas(64) unsigned char opaque[256]; /* crypto_sign_state */
} ov_sign_ctx;
void ov_sign_init(ov_sign_ctx *c);
void ov_sign_update(ov_sign_ctx *c, const void *data, size_t n);
void ov_sign_final(ov_sign_ctx *c, const uint8_t sk[OV_SIGN_SECRET_BYTES],
                   uint8_t sig[OV_SIGNATURE_BYTES]);
bool ov_sign_verify(ov_sign_ctx *c, const uint8_t sig[OV_SIGNATURE_BYTES],
                    const uint8_t pk[OV_SIGN_PUBLIC_BYTES]);

void ov_wipe(void *p, size_t n);

#endif
