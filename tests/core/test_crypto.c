/* Key files (mode, no overwrite, refusal of readable or broken files),
 * sealing and opening, the keyed hash and SHA-256. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/crypto.h"
#include "core/str.h"

typedef struct fixture {
    char dir[64];
    char a[128]; /* a key file path */
    char b[128]; /* another */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/ov-test-crypto-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->a, sizeof f->a, "%s/a.key", f->dir);
    snprintf(f->b, sizeof f->b, "%s/b.key", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->a);
    unlink(f->b);
    int rc = rmdir(f->dir); /* fails if a test left anything else */
    free(f);
    return rc;
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(chmod(path, mode), 0);
}

static bool all_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

static void key_file_is_created_with_mode_0600(void **state)
{
    fixture *f = *state;
    ov_err err;
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_OK);
    struct stat st;
    assert_int_equal(stat(f->a, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_true(S_ISREG(st.st_mode));
    assert_true(st.st_size > 2 * 2 * OV_KEY_BYTES);
}

static void key_file_create_refuses_to_overwrite(void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys before, after;
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->a, &before, &err), OV_OK);
    ov_err_clear(&err);
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_ECONFLICT);
    assert_non_null(strstr(err.msg, f->a));
    assert_int_equal(ov_keyfile_load(f->a, &after, &err), OV_OK);
    assert_memory_equal(&before, &after, sizeof before);
}

static void key_file_create_in_a_missing_directory_is_an_io_error(
    void **state)
{
    fixture *f = *state;
    char path[200];
    snprintf(path, sizeof path, "%s/no/such/dir.key", f->dir);
    ov_err err;
    assert_int_equal(ov_keyfile_create(path, &err), OV_EIO);
    assert_string_equal(err.field, "--key-file");
}

static void key_file_load_round_trips_two_distinct_keys(void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys k1, k2;
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->a, &k1, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->a, &k2, &err), OV_OK);
    assert_memory_equal(&k1, &k2, sizeof k1);
    assert_false(all_zero(k1.box, OV_KEY_BYTES));
    assert_false(all_zero(k1.mac, OV_KEY_BYTES));
    assert_memory_not_equal(k1.box, k1.mac, OV_KEY_BYTES);
    /* a second file has other keys */
    ov_keys k3;
    assert_int_equal(ov_keyfile_create(f->b, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->b, &k3, &err), OV_OK);
    assert_memory_not_equal(k1.box, k3.box, OV_KEY_BYTES);
    assert_memory_not_equal(k1.mac, k3.mac, OV_KEY_BYTES);
    ov_keys_wipe(&k1);
    assert_true(all_zero((const uint8_t *)&k1, sizeof k1));
}

static void key_file_readable_by_others_is_refused_with_chmod_advice(
    void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys k;
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_OK);
    static const mode_t bad[] = {0644, 0640, 0604, 0660, 0601};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(chmod(f->a, bad[i]), 0);
        ov_err_clear(&err);
        if (ov_keyfile_load(f->a, &k, &err) != OV_EPERM)
            fail_msg("mode %03o accepted", (unsigned)bad[i]);
        assert_non_null(strstr(err.msg, "chmod 600"));
        assert_string_equal(err.field, "--key-file");
    }
    assert_int_equal(chmod(f->a, 0400), 0);
    assert_int_equal(ov_keyfile_load(f->a, &k, &err), OV_OK);
    assert_int_equal(chmod(f->a, 0600), 0);
}

static void garbage_key_file_is_corrupt(void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys k;
    write_file(f->a, "hello, this is not a key file\n", 0600);
    assert_int_equal(ov_keyfile_load(f->a, &k, &err), OV_ECORRUPT);
    assert_true(all_zero((const uint8_t *)&k, sizeof k));

    write_file(f->a, "", 0600);
    assert_int_equal(ov_keyfile_load(f->a, &k, &err), OV_ECORRUPT);

    /* the magic line but a short key */
    write_file(f->a,
               "overgang-keys-v1\nsecretbox=00ff\nhmac="
               "000102030405060708090a0b0c0d0e0f"
               "101112131415161718191a1b1c1d1e1f\n",
               0600);
    assert_int_equal(ov_keyfile_load(f->a, &k, &err), OV_ECORRUPT);

    /* both keys but no magic line */
    write_file(f->a,
               "secretbox=000102030405060708090a0b0c0d0e0f"
               "101112131415161718191a1b1c1d1e1f\n"
               "hmac=000102030405060708090a0b0c0d0e0f"
               "101112131415161718191a1b1c1d1e1f\n",
               0600);
    assert_int_equal(ov_keyfile_load(f->a, &k, &err), OV_ECORRUPT);
}

static void missing_key_file_is_an_io_error(void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys k;
    assert_int_equal(ov_keyfile_load(f->a, &k, &err), OV_EIO);
    assert_non_null(strstr(err.msg, f->a));
    assert_string_equal(err.field, "--key-file");
}

static void seal_and_open_round_trip(void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys k;
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->a, &k, &err), OV_OK);
    const char plain[] = "0101901234";
    const size_t n = sizeof plain - 1;
    uint8_t nonce[OV_NONCE_BYTES], box[64], out[64];
    ov_seal(&k, plain, n, nonce, box);
    assert_memory_not_equal(box, plain, n);
    memset(out, 0, sizeof out);
    assert_int_equal(ov_open(&k, box, n + OV_MAC_BYTES, nonce, out, &err),
                     OV_OK);
    assert_memory_equal(out, plain, n);

    /* sealing again uses a fresh nonce and gives another box */
    uint8_t nonce2[OV_NONCE_BYTES], box2[64];
    ov_seal(&k, plain, n, nonce2, box2);
    assert_memory_not_equal(nonce, nonce2, OV_NONCE_BYTES);
    assert_memory_not_equal(box, box2, n + OV_MAC_BYTES);

    /* empty plaintext */
    uint8_t ebox[OV_MAC_BYTES];
    ov_seal(&k, "", 0, nonce, ebox);
    assert_int_equal(ov_open(&k, ebox, OV_MAC_BYTES, nonce, out, &err), OV_OK);
}

static void open_with_another_key_or_a_flipped_byte_is_corrupt(void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys ka, kb;
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_OK);
    assert_int_equal(ov_keyfile_create(f->b, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->a, &ka, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->b, &kb, &err), OV_OK);
    const char plain[] = "2902004234";
    const size_t n = sizeof plain - 1, blen = n + OV_MAC_BYTES;
    uint8_t nonce[OV_NONCE_BYTES], box[64], out[64];
    ov_seal(&ka, plain, n, nonce, box);

    ov_err_clear(&err);
    assert_int_equal(ov_open(&kb, box, blen, nonce, out, &err), OV_ECORRUPT);
    assert_true(strlen(err.msg) > 0);
    assert_null(strstr(err.msg, plain));

    for (size_t i = 0; i < blen; i++) {
        box[i] ^= 0x01;
        if (ov_open(&ka, box, blen, nonce, out, &err) != OV_ECORRUPT)
            fail_msg("flipped box byte %zu still opens", i);
        box[i] ^= 0x01;
    }
    nonce[3] ^= 0x80;
    assert_int_equal(ov_open(&ka, box, blen, nonce, out, &err), OV_ECORRUPT);
    nonce[3] ^= 0x80;
    assert_int_equal(ov_open(&ka, box, blen - 1, nonce, out, &err),
                     OV_ECORRUPT);
    assert_int_equal(ov_open(&ka, box, OV_MAC_BYTES - 1, nonce, out, &err),
                     OV_ECORRUPT);
    /* unharmed, it still opens */
    assert_int_equal(ov_open(&ka, box, blen, nonce, out, &err), OV_OK);
    assert_memory_equal(out, plain, n);
}

static void keyed_hash_is_deterministic_and_differs_between_key_files(
    void **state)
{
    fixture *f = *state;
    ov_err err;
    ov_keys ka, ka2, kb;
    assert_int_equal(ov_keyfile_create(f->a, &err), OV_OK);
    assert_int_equal(ov_keyfile_create(f->b, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->a, &ka, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->a, &ka2, &err), OV_OK);
    assert_int_equal(ov_keyfile_load(f->b, &kb, &err), OV_OK);
    uint8_t h1[OV_HASH_BYTES], h2[OV_HASH_BYTES], h3[OV_HASH_BYTES],
        h4[OV_HASH_BYTES], plain[OV_HASH_BYTES];
    ov_keyed_hash(&ka, "0101901234", 10, h1);
    ov_keyed_hash(&ka2, "0101901234", 10, h2);
    ov_keyed_hash(&kb, "0101901234", 10, h3);
    ov_keyed_hash(&ka, "0101901235", 10, h4);
    ov_sha256("0101901234", 10, plain);
    assert_memory_equal(h1, h2, OV_HASH_BYTES);
    assert_memory_not_equal(h1, h3, OV_HASH_BYTES);
    assert_memory_not_equal(h1, h4, OV_HASH_BYTES);
    assert_memory_not_equal(h1, plain, OV_HASH_BYTES);
}

static void keyed_hash_is_hmac_sha256_under_the_mac_key(void **state)
{
    (void)state;
    /* RFC 4231 test cases 1 and 2. HMAC zero-pads a short key to the block
     * size, so "Jefe" followed by 28 zero bytes is the same key. The box key
     * is set to something else: it must not be used. */
    ov_keys k;
    memset(&k, 0x5a, sizeof k);
    memset(k.mac, 0, sizeof k.mac);
    memset(k.mac, 0x0b, 20);
    uint8_t h[OV_HASH_BYTES];
    char hex[2 * OV_HASH_BYTES + 1];
    ov_keyed_hash(&k, "Hi There", 8, h);
    ov_hex_encode(h, OV_HASH_BYTES, hex);
    assert_string_equal(
        hex,
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    memset(k.mac, 0, sizeof k.mac);
    memcpy(k.mac, "Jefe", 4);
    const char *msg = "what do ya want for nothing?";
    ov_keyed_hash(&k, msg, strlen(msg), h);
    ov_hex_encode(h, OV_HASH_BYTES, hex);
    assert_string_equal(
        hex,
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void audit_key_file_is_0600_distinct_and_round_trips(void **state)
{
    fixture *f = *state;
    ov_err err;
    uint8_t k1[OV_KEY_BYTES], k2[OV_KEY_BYTES], k3[OV_KEY_BYTES];
    assert_int_equal(ov_audit_keyfile_create(f->a, &err), OV_OK);
    struct stat st;
    assert_int_equal(stat(f->a, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(ov_audit_keyfile_load(f->a, k1, &err), OV_OK);
    assert_int_equal(ov_audit_keyfile_load(f->a, k2, &err), OV_OK);
    assert_memory_equal(k1, k2, OV_KEY_BYTES);
    assert_false(all_zero(k1, OV_KEY_BYTES));
    assert_int_equal(ov_audit_keyfile_create(f->a, &err), OV_ECONFLICT);
    assert_string_equal(err.field, "--audit-key");
    assert_int_equal(ov_audit_keyfile_create(f->b, &err), OV_OK);
    assert_int_equal(ov_audit_keyfile_load(f->b, k3, &err), OV_OK);
    assert_memory_not_equal(k1, k3, OV_KEY_BYTES);
    /* a CPR key file is not an audit key, nor the other way round */
    unlink(f->b);
    assert_int_equal(ov_keyfile_create(f->b, &err), OV_OK);
    assert_int_equal(ov_audit_keyfile_load(f->b, k3, &err), OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "not an overgang audit key"));
    ov_keys keys;
    assert_int_equal(ov_keyfile_load(f->a, &keys, &err), OV_ECORRUPT);
}

static void audit_key_readable_by_others_or_missing_is_refused(void **state)
{
    fixture *f = *state;
    ov_err err;
    uint8_t k[OV_KEY_BYTES];
    assert_int_equal(ov_audit_keyfile_create(f->a, &err), OV_OK);
    assert_int_equal(chmod(f->a, 0640), 0);
    assert_int_equal(ov_audit_keyfile_load(f->a, k, &err), OV_EPERM);
    assert_non_null(strstr(err.msg, "chmod 600"));
    assert_int_equal(ov_audit_keyfile_load(f->b, k, &err), OV_EIO);
    assert_non_null(strstr(err.msg, "restore it from your key backup"));
}

static void hmac_in_pieces_is_rfc_4231_hmac_sha256(void **state)
{
    (void)state;
    /* RFC 4231 test case 2, fed in three pieces and in one */
    uint8_t key[OV_KEY_BYTES] = {0};
    memcpy(key, "Jefe", 4);
    const char *msg = "what do ya want for nothing?";
    uint8_t h[OV_HASH_BYTES], h1[OV_HASH_BYTES];
    char hex[2 * OV_HASH_BYTES + 1];
    ov_hmac_ctx c;
    ov_hmac_init(&c, key);
    ov_hmac_update(&c, msg, 4);
    ov_hmac_update(&c, msg + 4, 10);
    ov_hmac_update(&c, msg + 14, strlen(msg) - 14);
    ov_hmac_final(&c, h);
    ov_hex_encode(h, OV_HASH_BYTES, hex);
    assert_string_equal(
        hex,
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ov_hmac(key, msg, strlen(msg), h1);
    assert_memory_equal(h, h1, OV_HASH_BYTES);
}

static void open_depends_on_the_box_key_only(void **state)
{
    (void)state;
    ov_keys k;
    ov_random_bytes(&k, sizeof k);
    uint8_t nonce[OV_NONCE_BYTES], box[32], out[32];
    ov_seal(&k, "0101901234", 10, nonce, box);
    /* another lookup key does not matter */
    ov_random_bytes(k.mac, sizeof k.mac);
    assert_int_equal(ov_open(&k, box, 10 + OV_MAC_BYTES, nonce, out, NULL),
                     OV_OK);
    assert_memory_equal(out, "0101901234", 10);
    /* another box key does */
    k.box[0] ^= 1;
    assert_int_equal(ov_open(&k, box, 10 + OV_MAC_BYTES, nonce, out, NULL),
                     OV_ECORRUPT);
}

static void sha256_of_abc_matches_the_standard_vector(void **state)
{
    (void)state;
    uint8_t h[OV_HASH_BYTES];
    char hex[2 * OV_HASH_BYTES + 1];
    ov_sha256("abc", 3, h);
    ov_hex_encode(h, OV_HASH_BYTES, hex);
    assert_string_equal(
        hex,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    ov_sha256("", 0, h);
    ov_hex_encode(h, OV_HASH_BYTES, hex);
    assert_string_equal(
        hex,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void incremental_sha256_equals_one_shot(void **state)
{
    (void)state;
    uint8_t data[5000];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i * 131 + 7);
    uint8_t one[OV_HASH_BYTES], inc[OV_HASH_BYTES];
    ov_sha256(data, sizeof data, one);
    ov_sha256_ctx c;
    ov_sha256_init(&c);
    size_t pos = 0, step = 1;
    while (pos < sizeof data) {
        size_t n = step < sizeof data - pos ? step : sizeof data - pos;
        ov_sha256_update(&c, data + pos, n);
        pos += n;
        step = step % 97 + 13;
    }
    ov_sha256_final(&c, inc);
    assert_memory_equal(one, inc, OV_HASH_BYTES);

    ov_sha256_init(&c);
    ov_sha256_update(&c, "a", 1);
    ov_sha256_update(&c, "", 0);
    ov_sha256_update(&c, "bc", 2);
    ov_sha256_final(&c, inc);
    ov_sha256("abc", 3, one);
    assert_memory_equal(one, inc, OV_HASH_BYTES);
}

static void random_bytes_differ_and_memeq_ct_compares(void **state)
{
    (void)state;
    uint8_t a[32], b[32];
    ov_random_bytes(a, sizeof a);
    ov_random_bytes(b, sizeof b);
    assert_memory_not_equal(a, b, sizeof a);
    assert_true(ov_memeq_ct(a, a, sizeof a));
    assert_false(ov_memeq_ct(a, b, sizeof a));
    uint32_t r1 = ov_random_u32(), r2 = ov_random_u32(), r3 = ov_random_u32();
    assert_false(r1 == r2 && r2 == r3);
}

int main(void)
{
    ov_err err;
    if (ov_crypto_init(&err) != OV_OK) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(key_file_is_created_with_mode_0600),
        T(key_file_create_refuses_to_overwrite),
        T(key_file_create_in_a_missing_directory_is_an_io_error),
        T(key_file_load_round_trips_two_distinct_keys),
        T(key_file_readable_by_others_is_refused_with_chmod_advice),
        T(garbage_key_file_is_corrupt),
        T(missing_key_file_is_an_io_error),
        T(seal_and_open_round_trip),
        T(open_with_another_key_or_a_flipped_byte_is_corrupt),
        T(keyed_hash_is_deterministic_and_differs_between_key_files),
        cmocka_unit_test(keyed_hash_is_hmac_sha256_under_the_mac_key),
        cmocka_unit_test(open_depends_on_the_box_key_only),
        T(audit_key_file_is_0600_distinct_and_round_trips),
        T(audit_key_readable_by_others_or_missing_is_refused),
        cmocka_unit_test(hmac_in_pieces_is_rfc_4231_hmac_sha256),
        cmocka_unit_test(sha256_of_abc_matches_the_standard_vector),
        cmocka_unit_test(incremental_sha256_equals_one_shot),
        cmocka_unit_test(random_bytes_differ_and_memeq_ct_compares),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
