#include "core/crypto.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/str.h"

_Static_assert(sizeof(ov_sha256_ctx) >= sizeof(crypto_hash_sha256_state),
               "ov_sha256_ctx too small");
_Static_assert(OV_NONCE_BYTES == crypto_secretbox_NONCEBYTES, "nonce size");
_Static_assert(OV_MAC_BYTES == crypto_secretbox_MACBYTES, "mac size");
_Static_assert(OV_KEY_BYTES == crypto_secretbox_KEYBYTES, "key size");
_Static_assert(OV_KEY_BYTES == crypto_auth_hmacsha256_KEYBYTES, "hmac key");

#define KEYFILE_MAGIC "overgang-keys-v1"
#define AUDIT_KEY_MAGIC "overgang-audit-key-v1"
_Static_assert(sizeof(ov_hmac_ctx) >= sizeof(crypto_auth_hmacsha256_state),
               "ov_hmac_ctx too small");

ov_status ov_crypto_init(ov_err *err)
{
    if (sodium_init() < 0)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "libsodium failed to initialise (no entropy?)");
    return OV_OK;
}

ov_status ov_keyfile_create(const char *path, ov_err *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return ov_err_set(err, OV_ECONFLICT, "--key-file",
                              "--key-file: '%s' already exists; keep it (it "
                              "decrypts the CPR numbers) or give another path",
                              path);
        return ov_err_set(err, OV_EIO, "--key-file",
                          "--key-file: cannot create '%s': %s", path,
                          strerror(errno));
    }
    ov_keys k;
    crypto_secretbox_keygen(k.box);
    crypto_auth_hmacsha256_keygen(k.mac);
    char hbox[2 * OV_KEY_BYTES + 1], hmac[2 * OV_KEY_BYTES + 1];
    ov_hex_encode(k.box, OV_KEY_BYTES, hbox);
    ov_hex_encode(k.mac, OV_KEY_BYTES, hmac);
    char text[512];
    int n = snprintf(text, sizeof text,
                     "# overgang key file: encrypts the CPR numbers in the "
                     "database.\n"
                     "# Losing this file means losing the CPR numbers. Keep "
                     "it secret (mode 0600)\n"
                     "# and back it up separately from the database.\n"
                     "%s\nsecretbox=%s\nhmac=%s\n",
                     KEYFILE_MAGIC, hbox, hmac);
    ov_keys_wipe(&k);
    sodium_memzero(hbox, sizeof hbox);
    sodium_memzero(hmac, sizeof hmac);
    ov_status st = OV_OK;
    if (n < 0 || (size_t)n >= sizeof text ||
        write(fd, text, (size_t)n) != (ssize_t)n || fsync(fd) != 0)
        st = ov_err_set(err, OV_EIO, "--key-file",
                        "--key-file: cannot write '%s': %s", path,
                        strerror(errno));
    sodium_memzero(text, sizeof text);
    if (close(fd) != 0 && st == OV_OK)
        st = ov_err_set(err, OV_EIO, "--key-file",
                        "--key-file: cannot write '%s': %s", path,
                        strerror(errno));
    if (st != OV_OK)
        unlink(path);
    return st;
}

static ov_status bad_keyfile(ov_err *err, const char *path, const char *why)
{
    return ov_err_set(err, OV_ECORRUPT, "--key-file",
                      "--key-file: '%s' is not an overgang key file (%s); "
                      "restore it from your key backup",
                      path, why);
}

/* Read a whole key file from its open descriptor (closed here) into
 * text (NUL-terminated), refusing a file that group or others may read:
 * the same rules and messages for the key file and the audit key, named
 * by the option (`flag`) that gives its path. */
static ov_status read_private(int fd, const char *path, const char *flag,
                              char *text, size_t cap, ssize_t *n,
                              ov_err *err)
{
    struct stat stt;
    if (fstat(fd, &stt) != 0) {
        close(fd);
        return ov_err_set(err, OV_EIO, flag, "%s: cannot stat '%s': %s",
                          flag, path, strerror(errno));
    }
    if (stt.st_mode & (S_IRWXG | S_IRWXO)) {
        close(fd);
        return ov_err_set(err, OV_EPERM, flag,
                          "%s: '%s' may be read by other users "
                          "(mode %03o); run: chmod 600 '%s'",
                          flag, path, (unsigned)(stt.st_mode & 0777), path);
    }
    *n = read(fd, text, cap - 1);
    close(fd);
    if (*n < 0)
        return ov_err_set(err, OV_EIO, flag, "%s: cannot read '%s': %s",
                          flag, path, strerror(errno));
    text[*n] = '\0';
    return OV_OK;
}

ov_status ov_keyfile_load(const char *path, ov_keys *keys, ov_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return ov_err_set(err, OV_EIO, "--key-file",
                              "--key-file: '%s' does not exist; without it "
                              "the CPR numbers cannot be read. Restore it from "
                              "backup, or give --key-file PATH",
                              path);
        return ov_err_set(err, OV_EIO, "--key-file",
                          "--key-file: cannot open '%s': %s", path,
                          strerror(errno));
    }
    char text[1024];
    ssize_t n;
    if (read_private(fd, path, "--key-file", text, sizeof text, &n, err) != OV_OK)
        return err->code;
    bool have_magic = false, have_box = false, have_mac = false;
    ov_str rest = {text, (size_t)n};
    ov_status st = OV_OK;
    while (rest.ptr && rest.len) {
        ov_str line;
        rest = ov_str_cut(rest, '\n', &line);
        line = ov_str_trim(line);
        if (line.len == 0 || line.ptr[0] == '#')
            continue;
        if (ov_str_eq_c(line, KEYFILE_MAGIC)) {
            have_magic = true;
            continue;
        }
        ov_str name;
        ov_str val = ov_str_cut(line, '=', &name);
        if (val.ptr && ov_str_eq_c(name, "secretbox"))
            have_box = ov_hex_decode(val, keys->box, OV_KEY_BYTES) == OV_OK;
        else if (val.ptr && ov_str_eq_c(name, "hmac"))
            have_mac = ov_hex_decode(val, keys->mac, OV_KEY_BYTES) == OV_OK;
    }
    sodium_memzero(text, sizeof text);
    if (!have_magic)
        st = bad_keyfile(err, path, "no " KEYFILE_MAGIC " line");
    else if (!have_box || !have_mac)
        st = bad_keyfile(err, path, "a key is missing or malformed");
    if (st != OV_OK)
        ov_keys_wipe(keys);
    return st;
}

void ov_keys_wipe(ov_keys *keys)
{
    sodium_memzero(keys, sizeof *keys);
}

void ov_random_bytes(void *buf, size_t n)
{
    randombytes_buf(buf, n);
}

uint32_t ov_random_u32(void)
{
    return randombytes_random();
}

void ov_sha256(const void *data, size_t n, uint8_t out[OV_HASH_BYTES])
{
    crypto_hash_sha256(out, data, n);
}

void ov_sha256_init(ov_sha256_ctx *c)
{
    crypto_hash_sha256_init((crypto_hash_sha256_state *)(void *)c->opaque);
}

void ov_sha256_update(ov_sha256_ctx *c, const void *data, size_t n)
{
    crypto_hash_sha256_update((crypto_hash_sha256_state *)(void *)c->opaque,
                              data, n);
}

void ov_sha256_final(ov_sha256_ctx *c, uint8_t out[OV_HASH_BYTES])
{
    crypto_hash_sha256_final((crypto_hash_sha256_state *)(void *)c->opaque,
                             out);
}

void ov_keyed_hash(const ov_keys *keys, const void *data, size_t n,
                   uint8_t out[OV_HASH_BYTES])
{
    crypto_auth_hmacsha256(out, data, n, keys->mac);
}

void ov_seal(const ov_keys *keys, const void *plain, size_t n,
             uint8_t nonce[OV_NONCE_BYTES], uint8_t *out)
{
    randombytes_buf(nonce, OV_NONCE_BYTES);
    crypto_secretbox_easy(out, plain, n, nonce, keys->box);
}

void ov_seal_nonce(const ov_keys *keys, const void *plain, size_t n,
                   const uint8_t nonce[OV_NONCE_BYTES], uint8_t *out)
{
    crypto_secretbox_easy(out, plain, n, nonce, keys->box);
}

ov_status ov_open(const ov_keys *keys, const uint8_t *box, size_t box_len,
                  const uint8_t nonce[OV_NONCE_BYTES], uint8_t *out,
                  ov_err *err)
{
    if (box_len < OV_MAC_BYTES ||
        crypto_secretbox_open_easy(out, box, box_len, nonce, keys->box) != 0)
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "an encrypted CPR number does not decrypt: the key "
                          "file does not belong to this database, or the row "
                          "was altered");
    return OV_OK;
}

ov_status ov_audit_keyfile_create(const char *path, ov_err *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return ov_err_set(err, OV_ECONFLICT, "--audit-key",
                              "--audit-key: '%s' already exists; keep it (it "
                              "keys the audit log) or give another path",
                              path);
        return ov_err_set(err, OV_EIO, "--audit-key",
                          "--audit-key: cannot create '%s': %s", path,
                          strerror(errno));
    }
    uint8_t k[OV_KEY_BYTES];
    crypto_auth_hmacsha256_keygen(k);
    char hex[2 * OV_KEY_BYTES + 1];
    ov_hex_encode(k, OV_KEY_BYTES, hex);
    sodium_memzero(k, sizeof k);
    char text[512];
    int n = snprintf(text, sizeof text,
                     "# overgang audit key: keys the audit log's hash chain "
                     "and its anchors.\n"
                     "# Without it the audit log cannot be verified or "
                     "written. Keep it secret\n"
                     "# (mode 0600), never inside the database, and back it "
                     "up with the key file.\n"
                     "%s\naudit=%s\n",
                     AUDIT_KEY_MAGIC, hex);
    sodium_memzero(hex, sizeof hex);
    ov_status st = OV_OK;
    if (n < 0 || (size_t)n >= sizeof text ||
        write(fd, text, (size_t)n) != (ssize_t)n || fsync(fd) != 0)
        st = ov_err_set(err, OV_EIO, "--audit-key",
                        "--audit-key: cannot write '%s': %s", path,
                        strerror(errno));
    sodium_memzero(text, sizeof text);
    if (close(fd) != 0 && st == OV_OK)
        st = ov_err_set(err, OV_EIO, "--audit-key",
                        "--audit-key: cannot write '%s': %s", path,
                        strerror(errno));
    if (st != OV_OK)
        unlink(path);
    return st;
}

/* The lines of a key file: '#' comments, the magic line, and
 * "name=hex" lines; each of f[0..n-1] (at most 16) takes the first line
 * of its name whose hex decodes to its length. Returns how many did;
 * *have_magic says whether the magic line was there. */
static int key_lines(ov_str text, const char *magic, ov_key_field *f, int n,
                     bool *have_magic)
{
    *have_magic = false;
    int found = 0;
    bool seen[16] = {false};
    ov_str rest = text;
    while (rest.ptr && rest.len) {
        ov_str line;
        rest = ov_str_cut(rest, '\n', &line);
        line = ov_str_trim(line);
        if (line.len == 0 || line.ptr[0] == '#')
            continue;
        if (ov_str_eq_c(line, magic)) {
            *have_magic = true;
            continue;
        }
        ov_str name;
        ov_str val = ov_str_cut(line, '=', &name);
        for (int i = 0; val.ptr && i < n && i < 16; i++)
            if (!seen[i] && ov_str_eq_c(name, f[i].name) &&
                ov_hex_decode(val, f[i].bytes, f[i].len) == OV_OK) {
                seen[i] = true;
                found++;
            }
    }
    return found;
}

ov_status ov_audit_keyfile_load(const char *path, uint8_t key[OV_KEY_BYTES],
                                ov_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ov_err_set(err, OV_EIO, "--audit-key",
                          "--audit-key: cannot open '%s': %s; restore it "
                          "from your key backup, or give --audit-key PATH",
                          path, strerror(errno));
    char text[1024];
    ssize_t n;
    if (read_private(fd, path, "--audit-key", text, sizeof text, &n, err) != OV_OK)
        return err->code;
    ov_key_field f = {"audit", key, OV_KEY_BYTES};
    bool have_magic;
    bool have_key =
        key_lines((ov_str){text, (size_t)n}, AUDIT_KEY_MAGIC, &f, 1,
                  &have_magic) == 1;
    sodium_memzero(text, sizeof text);
    if (have_magic && have_key)
        return OV_OK;
    sodium_memzero(key, OV_KEY_BYTES);
    return ov_err_set(err, OV_ECORRUPT, "--audit-key",
                      "--audit-key: '%s' is not an overgang audit key (%s); "
                      "restore it from your key backup",
                      path,
                      !have_magic ? "no " AUDIT_KEY_MAGIC " line"
                                  : "the key is missing or malformed");
}

void ov_hmac_init(ov_hmac_ctx *c, const uint8_t key[OV_KEY_BYTES])
{
    crypto_auth_hmacsha256_init(
        (crypto_auth_hmacsha256_state *)(void *)c->opaque, key,
        OV_KEY_BYTES);
}

void ov_hmac_update(ov_hmac_ctx *c, const void *data, size_t n)
{
    crypto_auth_hmacsha256_update(
        (crypto_auth_hmacsha256_state *)(void *)c->opaque, data, n);
}

void ov_hmac_final(ov_hmac_ctx *c, uint8_t out[OV_HASH_BYTES])
{
    crypto_auth_hmacsha256_final(
        (crypto_auth_hmacsha256_state *)(void *)c->opaque, out);
    sodium_memzero(c, sizeof *c);
}

void ov_hmac_wipe(ov_hmac_ctx *c)
{
    sodium_memzero(c, sizeof *c);
}

void ov_hmac(const uint8_t key[OV_KEY_BYTES], const void *data, size_t n,
             uint8_t out[OV_HASH_BYTES])
{
    crypto_auth_hmacsha256(out, data, n, key);
}

int ov_memeq_ct(const void *a, const void *b, size_t n)
{
    return sodium_memcmp(a, b, n) == 0;
}

_Static_assert(OV_PWHASH_MAX >= crypto_pwhash_STRBYTES, "pwhash size");

ov_status ov_password_hash(const char *password, char out[OV_PWHASH_MAX],
                           ov_err *err)
{
    size_t n = strlen(password);
    if (n < 8 || n > 256)
        return ov_err_set(err, OV_EINVAL, "password",
                          "password: use 8-256 characters");
    if (crypto_pwhash_str(out, password, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return ov_err_set(err, OV_EIO, "password",
                          "password hashing ran out of memory (it needs 64 "
                          "MiB); try again");
    return OV_OK;
}

bool ov_password_verify(const char *stored, const char *password)
{
    return crypto_pwhash_str_verify(stored, password, strlen(password)) == 0;
}

/* ---- the national monitoring extract ---- */

_Static_assert(OV_SEALED_KEY_BYTES == OV_KEY_BYTES + crypto_box_SEALBYTES,
               "sealed key size");
_Static_assert(OV_BOX_PUBLIC_BYTES == crypto_box_PUBLICKEYBYTES, "box pk");
_Static_assert(OV_BOX_SECRET_BYTES == crypto_box_SECRETKEYBYTES, "box sk");
_Static_assert(OV_SIGN_PUBLIC_BYTES == crypto_sign_PUBLICKEYBYTES, "sign pk");
_Static_assert(OV_SIGN_SECRET_BYTES == crypto_sign_SECRETKEYBYTES, "sign sk");
_Static_assert(OV_SIGNATURE_BYTES == crypto_sign_BYTES, "signature");
_Static_assert(OV_STREAM_HEADER_BYTES ==
                   crypto_secretstream_xchacha20poly1305_HEADERBYTES,
               "stream header");
_Static_assert(OV_STREAM_ABYTES == crypto_secretstream_xchacha20poly1305_ABYTES,
               "stream abytes");
_Static_assert(OV_KEY_BYTES == crypto_secretstream_xchacha20poly1305_KEYBYTES,
               "stream key");
_Static_assert(sizeof(ov_stream) >=
                   sizeof(crypto_secretstream_xchacha20poly1305_state),
               "ov_stream too small");
_Static_assert(sizeof(ov_sign_ctx) >= sizeof(crypto_sign_state),
               "ov_sign_ctx too small");

#define KEYFILE_TEXT_MAX 4096

ov_status ov_keyfile_write(const char *path, const char *flag,
                           const char *about, const char *magic,
                           const ov_key_field *f, int n, bool secret,
                           ov_err *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                  secret ? 0600 : 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            return ov_err_set(err, OV_ECONFLICT, flag,
                              "%s: '%s' already exists; keys are never "
                              "overwritten: move it away or give another "
                              "folder",
                              flag, path);
        return ov_err_set(err, OV_EIO, flag, "%s: cannot create '%s': %s",
                          flag, path, strerror(errno));
    }
    char text[KEYFILE_TEXT_MAX];
    size_t o = 0;
    int w = snprintf(text, sizeof text, "%s%s\n", about, magic);
    bool fits = w > 0 && (size_t)w < sizeof text;
    o = fits ? (size_t)w : 0;
    for (int i = 0; fits && i < n; i++) {
        size_t need = strlen(f[i].name) + 2 + 2 * f[i].len + 1;
        if (o + need >= sizeof text) {
            fits = false;
            break;
        }
        size_t nl = strlen(f[i].name);
        memcpy(text + o, f[i].name, nl);
        o += nl;
        text[o++] = '=';
        ov_hex_encode(f[i].bytes, f[i].len, text + o);
        o += 2 * f[i].len;
        text[o++] = '\n';
    }
    ov_status st = OV_OK;
    /* fchmod: neither the umask nor a group default decides the mode */
    if (!fits)
        st = ov_err_set(err, OV_EINTERNAL, flag, "%s: key file too long",
                        flag);
    else if (fchmod(fd, secret ? 0600 : 0644) != 0 ||
             write(fd, text, o) != (ssize_t)o || fsync(fd) != 0)
        st = ov_err_set(err, OV_EIO, flag, "%s: cannot write '%s': %s",
                        flag, path, strerror(errno));
    sodium_memzero(text, sizeof text);
    if (close(fd) != 0 && st == OV_OK)
        st = ov_err_set(err, OV_EIO, flag, "%s: cannot write '%s': %s",
                        flag, path, strerror(errno));
    if (st != OV_OK)
        unlink(path);
    return st;
}

ov_status ov_keyfile_read(const char *path, const char *flag,
                          const char *magic, bool secret, ov_key_field *f,
                          int n, ov_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ov_err_set(err, OV_EIO, flag,
                          "%s: cannot open '%s': %s; give the path of the "
                          "key file",
                          flag, path, strerror(errno));
    char text[KEYFILE_TEXT_MAX];
    ssize_t len;
    if (secret) {
        if (read_private(fd, path, flag, text, sizeof text, &len, err) !=
            OV_OK)
            return err->code;
    } else {
        len = read(fd, text, sizeof text - 1);
        close(fd);
        if (len < 0)
            return ov_err_set(err, OV_EIO, flag, "%s: cannot read '%s': %s",
                              flag, path, strerror(errno));
        text[len] = '\0';
    }
    bool have_magic;
    int found = key_lines((ov_str){text, (size_t)len}, magic, f, n,
                          &have_magic);
    sodium_memzero(text, sizeof text);
    if (have_magic && found == n)
        return OV_OK;
    for (int i = 0; i < n; i++)
        sodium_memzero(f[i].bytes, f[i].len);
    return ov_err_set(err, OV_ECORRUPT, flag,
                      "%s: '%s' is not the right kind of key file (%s); "
                      "expected a file whose first key line is '%s'",
                      flag, path,
                      !have_magic ? "its magic line is missing"
                                  : "a key is missing or malformed",
                      magic);
}

void ov_box_keypair(uint8_t pk[OV_BOX_PUBLIC_BYTES],
                    uint8_t sk[OV_BOX_SECRET_BYTES])
{
    crypto_box_keypair(pk, sk);
}

void ov_sign_keypair(uint8_t pk[OV_SIGN_PUBLIC_BYTES],
                     uint8_t sk[OV_SIGN_SECRET_BYTES])
{
    crypto_sign_keypair(pk, sk);
}

void ov_key_id(const uint8_t *pk, size_t n, uint8_t out[16])
{
    crypto_generichash(out, 16, pk, n, NULL, 0);
}

void ov_pseudonym(const uint8_t key[OV_KEY_BYTES], const void *data,
                  size_t n, uint8_t out[OV_PSEUDONYM_BYTES])
{
    crypto_generichash(out, OV_PSEUDONYM_BYTES, data, n, key, OV_KEY_BYTES);
}

void ov_sealed_key_seal(const uint8_t pk[OV_BOX_PUBLIC_BYTES],
                        const uint8_t key[OV_KEY_BYTES],
                        uint8_t out[OV_SEALED_KEY_BYTES])
{
    crypto_box_seal(out, key, OV_KEY_BYTES, pk);
}

ov_status ov_sealed_key_open(const uint8_t pk[OV_BOX_PUBLIC_BYTES],
                             const uint8_t sk[OV_BOX_SECRET_BYTES],
                             const uint8_t in[OV_SEALED_KEY_BYTES],
                             uint8_t key[OV_KEY_BYTES], ov_err *err)
{
    if (crypto_box_seal_open(key, in, OV_SEALED_KEY_BYTES, pk, sk) != 0)
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "the sealed key does not open with this agency "
                          "key");
    return OV_OK;
}

#define SS_STATE(st) \
    ((crypto_secretstream_xchacha20poly1305_state *)(void *)(st)->opaque)

void ov_stream_push_init(ov_stream *st, const uint8_t key[OV_KEY_BYTES],
                         uint8_t header[OV_STREAM_HEADER_BYTES])
{
    crypto_secretstream_xchacha20poly1305_init_push(SS_STATE(st), header,
                                                    key);
}

void ov_stream_push(ov_stream *st, const void *m, size_t n, const void *ad,
                    size_t adn, bool final, uint8_t *out)
{
    crypto_secretstream_xchacha20poly1305_push(
        SS_STATE(st), out, NULL, m, n, ad, adn,
        final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
              : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
}

void ov_stream_pull_init(ov_stream *st, const uint8_t key[OV_KEY_BYTES],
                         const uint8_t header[OV_STREAM_HEADER_BYTES])
{
    crypto_secretstream_xchacha20poly1305_init_pull(SS_STATE(st), header,
                                                    key);
}

ov_status ov_stream_pull(ov_stream *st, const uint8_t *c, size_t n,
                         const void *ad, size_t adn, uint8_t *out,
                         bool *final, ov_err *err)
{
    unsigned char tag = 0;
    if (n < OV_STREAM_ABYTES ||
        crypto_secretstream_xchacha20poly1305_pull(SS_STATE(st), out, NULL,
                                                   &tag, c, n, ad, adn) != 0)
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "an encrypted chunk does not authenticate");
    *final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    return OV_OK;
}

void ov_sign_init(ov_sign_ctx *c)
{
    crypto_sign_init((crypto_sign_state *)(void *)c->opaque);
}

void ov_sign_update(ov_sign_ctx *c, const void *data, size_t n)
{
    crypto_sign_update((crypto_sign_state *)(void *)c->opaque, data, n);
}

void ov_sign_final(ov_sign_ctx *c, const uint8_t sk[OV_SIGN_SECRET_BYTES],
                   uint8_t sig[OV_SIGNATURE_BYTES])
{
    crypto_sign_final_create((crypto_sign_state *)(void *)c->opaque, sig,
                             NULL, sk);
    sodium_memzero(c, sizeof *c);
}

bool ov_sign_verify(ov_sign_ctx *c, const uint8_t sig[OV_SIGNATURE_BYTES],
                    const uint8_t pk[OV_SIGN_PUBLIC_BYTES])
{
    /* libsodium takes a non-const signature */
    uint8_t s[OV_SIGNATURE_BYTES];
    memcpy(s, sig, sizeof s);
    bool ok = crypto_sign_final_verify(
                  (crypto_sign_state *)(void *)c->opaque, s, pk) == 0;
    sodium_memzero(c, sizeof *c);
    return ok;
}

void ov_wipe(void *p, size_t n)
{
    sodium_memzero(p, n);
}
