/* The national monitoring extract: records survive the round trip; a
 * flipped bit anywhere, a cut, a wrong agency key or a record with a
 * field the format does not have is refused; pseudonyms are stable per
 * key and differ between keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/extract.h"

typedef struct keys {
    uint8_t apk[OV_BOX_PUBLIC_BYTES], ask[OV_BOX_SECRET_BYTES];
    uint8_t spk[OV_SIGN_PUBLIC_BYTES], ssk[OV_SIGN_SECRET_BYTES];
    uint8_t pkey[OV_KEY_BYTES];
} keys;

static void make_keys(keys *k)
{
    ov_box_keypair(k->apk, k->ask);
    ov_sign_keypair(k->spk, k->ssk);
    ov_random_bytes(k->pkey, sizeof k->pkey);
}

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

/* Course i of municipality 250, made by hand: each field varies. */
static void fill(ov_mx_record *r, int i, const keys *k)
{
    memset(r, 0, sizeof *r);
    char cpr[11];
    snprintf(cpr, sizeof cpr, "%010d", 1000000 + i);
    ov_mx_pseudonym(k->pkey, cpr, r->pseudonym);
    r->municipality = 250;
    r->birth_band = ov_mx_birth_band(1960 + i % 30);
    r->sex = i % 2 ? 'F' : 'M';
    r->stage = (ov_stage)(1 + i % 7);
    r->ended = r->stage == OV_STAGE_ENDED;
    r->end_reason = r->ended ? OV_END_ORDINARY_JOB : 0;
    r->ended_month = r->ended ? 202611 : 0;
    r->drawn = 202501 + i % 12;
    r->start_meeting = i % 3 ? 202502 + i % 10 : 0;
    r->start_meeting_complete = i % 4 != 0;
    r->plan_job_goal = i % 5 ? 202503 : 0;
    r->plan_versions = i % 4;
    r->plan_versions_with_citizen = i % 3;
    r->followups = i % 9;
    r->followups_joint = i % 4;
    r->last_followup = i % 9 ? 202610 : 0;
    r->first_placement = i % 2 ? 202605 : 0;
    r->placements = i % 2;
    r->company_directed = i % 2;
    r->agreement_signed = i % 6 == 1;
    r->ordinary_hours_start = i % 2 ? 0 : -1;
    r->ordinary_hours_now = i % 2 ? 10 * (i % 7) : -1;
    r->cti_start = i % 2 ? 202604 : 0;
    r->cti_months = i % 2 ? 9 : 0;
    r->cti_contacts = i % 20;
    r->cti_contacts_first_month = i % 5;
    r->employed = i % 7 == 3 ? 202609 : 0;
    r->who5_first = i % 8 ? 4 * (i % 26) : -1;
    r->who5_first_month = i % 8 ? 202502 : 0;
    r->who5_latest = i % 8 ? 4 * ((i + 3) % 26) : -1;
    r->who5_latest_month = i % 8 ? 202610 : 0;
}

static ov_buf write_file(const keys *k, const ov_mx_record *r, size_t n)
{
    ov_buf f;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_mx_write(250, D(2025, 1, 1), D(2026, 6, 30), r, n,
                                 k->apk, k->spk, k->ssk, &f, &err),
                     OV_OK);
    return f;
}

/* Read the header and open: the status of the first step that fails. */
static ov_status read_all(const uint8_t *p, size_t n, const keys *k,
                          ov_mx_header *h, ov_mx_record **out, ov_err *err)
{
    *out = NULL;
    ov_status st = ov_mx_read_header(p, n, h, err);
    if (st == OV_OK)
        st = ov_mx_open(p, n, h, k->apk, k->ask, out, err);
    return st;
}

static void records_survive_the_round_trip_across_chunks(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    size_t n = 600; /* several 64 KiB chunks */
    ov_mx_record *r = calloc(n, sizeof *r);
    for (size_t i = 0; i < n; i++)
        fill(&r[i], (int)i, &k);
    ov_buf f = write_file(&k, r, n);
    assert_true(f.len > 3 * OV_MX_CHUNK);
    ov_mx_header h;
    ov_mx_record *back;
    ov_err err;
    assert_int_equal(read_all((uint8_t *)f.data, f.len, &k, &h, &back, &err),
                     OV_OK);
    assert_int_equal(h.municipality, 250);
    assert_int_equal(h.from, D(2025, 1, 1));
    assert_int_equal(h.to, D(2026, 6, 30));
    assert_int_equal(h.records, n);
    assert_memory_equal(h.signer, k.spk, OV_SIGN_PUBLIC_BYTES);
    for (size_t i = 0; i < n; i++)
        assert_memory_equal(&back[i], &r[i], sizeof r[i]);
    free(back);
    ov_buf_free(&f);
    free(r);
}

static void an_empty_extract_is_a_valid_file(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_buf f = write_file(&k, NULL, 0);
    ov_mx_header h;
    ov_mx_record *back;
    ov_err err;
    assert_int_equal(read_all((uint8_t *)f.data, f.len, &k, &h, &back, &err),
                     OV_OK);
    assert_int_equal(h.records, 0);
    free(back);
    ov_buf_free(&f);
}

static void a_flipped_bit_anywhere_is_refused(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_mx_record r[3];
    for (int i = 0; i < 3; i++)
        fill(&r[i], i, &k);
    ov_buf f = write_file(&k, r, 3);
    uint8_t *p = (uint8_t *)f.data;
    int refused = 0, tried = 0;
    for (size_t at = 0; at < f.len; at++)
        for (int bit = 0; bit < 8; bit++) {
            p[at] ^= (uint8_t)(1u << bit);
            ov_mx_header h;
            ov_mx_record *back;
            ov_err err;
            ov_err_clear(&err);
            ov_status st = read_all(p, f.len, &k, &h, &back, &err);
            free(back);
            p[at] ^= (uint8_t)(1u << bit);
            tried++;
            if (st != OV_OK)
                refused++;
            else
                fail_msg("a flip of bit %d of byte %zu was accepted", bit,
                         at);
            /* the signature is checked first: the message says altered
             * (except a changed magic, which is "not an extract") */
            if (at >= 4)
                assert_non_null(strstr(err.msg, "changed or damaged"));
        }
    assert_int_equal(refused, tried);
    ov_buf_free(&f);
}

static void a_cut_or_extended_file_is_refused(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_mx_record r[2];
    fill(&r[0], 1, &k);
    fill(&r[1], 2, &k);
    ov_buf f = write_file(&k, r, 2);
    ov_mx_header h;
    ov_mx_record *back;
    ov_err err;
    for (size_t cut = 1; cut < f.len; cut += 97) {
        assert_int_not_equal(read_all((uint8_t *)f.data, f.len - cut, &k, &h,
                                      &back, &err),
                             OV_OK);
        free(back);
    }
    uint8_t *longer = malloc(f.len + 1);
    memcpy(longer, f.data, f.len);
    longer[f.len] = 0;
    assert_int_not_equal(read_all(longer, f.len + 1, &k, &h, &back, &err),
                         OV_OK);
    free(back);
    free(longer);
    ov_buf_free(&f);
}

static void another_agency_key_cannot_open_the_file(void **state)
{
    (void)state;
    keys k, other;
    make_keys(&k);
    make_keys(&other);
    ov_mx_record r;
    fill(&r, 1, &k);
    ov_buf f = write_file(&k, &r, 1);
    ov_mx_header h;
    ov_mx_record *back = NULL;
    ov_err err;
    assert_int_equal(ov_mx_read_header((uint8_t *)f.data, f.len, &h, &err),
                     OV_OK);
    assert_int_equal(ov_mx_open((uint8_t *)f.data, f.len, &h, other.apk,
                                other.ask, &back, &err),
                     OV_EPERM);
    assert_null(back);
    assert_string_equal(err.field, "--key");
    assert_non_null(strstr(err.msg, "encrypted for another agency key"));
    /* the right public key with a wrong secret half: the box stays shut */
    assert_int_equal(ov_mx_open((uint8_t *)f.data, f.len, &h, k.apk,
                                other.ask, &back, &err),
                     OV_EPERM);
    assert_non_null(strstr(err.msg, "does not open"));
    ov_buf_free(&f);
}

static void a_file_signed_by_another_key_names_that_key(void **state)
{
    (void)state;
    keys k, other;
    make_keys(&k);
    make_keys(&other);
    ov_mx_record r;
    fill(&r, 1, &k);
    ov_buf f;
    ov_err err;
    assert_int_equal(ov_mx_write(250, D(2025, 1, 1), D(2025, 12, 31), &r, 1,
                                 k.apk, other.spk, other.ssk, &f, &err),
                     OV_OK);
    ov_mx_header h;
    assert_int_equal(ov_mx_read_header((uint8_t *)f.data, f.len, &h, &err),
                     OV_OK);
    /* valid, but by the other key: the caller checks the registration */
    assert_memory_equal(h.signer, other.spk, OV_SIGN_PUBLIC_BYTES);
    assert_memory_not_equal(h.signer, k.spk, OV_SIGN_PUBLIC_BYTES);
    /* re-signing someone else's file with one's own key changes the
     * header's key, and the old signature no longer matches */
    memcpy((uint8_t *)f.data + 24, k.spk, OV_SIGN_PUBLIC_BYTES);
    assert_int_equal(ov_mx_read_header((uint8_t *)f.data, f.len, &h, &err),
                     OV_ECORRUPT);
    ov_buf_free(&f);
}

static void a_period_that_ends_before_it_starts_is_refused(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_buf f;
    ov_err err;
    assert_int_equal(ov_mx_write(250, D(2026, 6, 30), D(2026, 1, 1), NULL, 0,
                                 k.apk, k.spk, k.ssk, &f, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "--period");
    assert_non_null(strstr(err.msg, "ends (2026-01-01) before it starts "
                                    "(2026-06-30)"));
    assert_int_equal(ov_mx_period_check(D(2026, 1, 1), D(2026, 1, 1),
                                        "--period", &err),
                     OV_OK);
}

static void a_record_may_hold_only_the_formats_fields(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_mx_record r, back;
    fill(&r, 5, &k);
    ov_buf b;
    ov_buf_init(&b, NULL, 4096);
    ov_err err;
    assert_int_equal(ov_mx_record_json(&r, &b, &err), OV_OK);
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&b), &back, &err), OV_OK);
    assert_memory_equal(&r, &back, sizeof r);
    /* months only: no day anywhere */
    assert_null(strstr(b.data, "-01\""));
    /* a name smuggled in as an extra field */
    ov_buf x;
    ov_buf_init(&x, NULL, 8192);
    ov_buf_append(&x, b.data, b.len - 1);
    ov_buf_append_c(&x, ",\"name\":\"Anna Jensen\"}");
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&x), &back, &err),
                     OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "'name' is not a field"));
    /* a day where a month belongs */
    ov_buf_reset(&x);
    char *at = strstr(b.data, "\"drawn\":\"");
    assert_non_null(at);
    at += 9 + 7; /* after YYYY-MM */
    ov_buf_append(&x, b.data, (size_t)(at - b.data));
    ov_buf_append_c(&x, "-14");
    ov_buf_append_c(&x, at);
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&x), &back, &err),
                     OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "'drawn' is not a month"));
    ov_buf_free(&x);
    ov_buf_free(&b);
}

static void pseudonyms_are_stable_per_key_and_differ_between_keys(
    void **state)
{
    (void)state;
    uint8_t k1[OV_KEY_BYTES], k2[OV_KEY_BYTES];
    ov_random_bytes(k1, sizeof k1);
    ov_random_bytes(k2, sizeof k2);
    uint8_t a[OV_PSEUDONYM_BYTES], b[OV_PSEUDONYM_BYTES],
        c[OV_PSEUDONYM_BYTES], d[OV_PSEUDONYM_BYTES];
    ov_mx_pseudonym(k1, "0101701234", a);
    ov_mx_pseudonym(k1, "0101701234", b);
    ov_mx_pseudonym(k2, "0101701234", c);
    ov_mx_pseudonym(k1, "0101701235", d);
    assert_memory_equal(a, b, sizeof a);
    assert_memory_not_equal(a, c, sizeof a);
    assert_memory_not_equal(a, d, sizeof a);
    assert_int_equal(ov_mx_birth_band(1977), 1975);
    assert_int_equal(ov_mx_birth_band(1975), 1975);
    assert_int_equal(ov_mx_birth_band(1859), 1855);
    assert_int_equal(ov_mx_month(D(2026, 3, 31)), 202603);
}

int main(void)
{
    if (ov_crypto_init(NULL) != OV_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_survive_the_round_trip_across_chunks),
        cmocka_unit_test(an_empty_extract_is_a_valid_file),
        cmocka_unit_test(a_flipped_bit_anywhere_is_refused),
        cmocka_unit_test(a_cut_or_extended_file_is_refused),
        cmocka_unit_test(another_agency_key_cannot_open_the_file),
        cmocka_unit_test(a_file_signed_by_another_key_names_that_key),
        cmocka_unit_test(a_period_that_ends_before_it_starts_is_refused),
        cmocka_unit_test(a_record_may_hold_only_the_formats_fields),
        cmocka_unit_test(
            pseudonyms_are_stable_per_key_and_differ_between_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
