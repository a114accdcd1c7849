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

/* Course i of municipality 250, made by hand: each field varies, the
 * lists included (arrays in the arena). */
static void fill(ov_mx_record *r, int i, const keys *k, ov_arena *a)
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
    r->end_reason = r->ended ? (ov_end_reason)(i % OV_END_COUNT) : 0;
    r->ended_month = r->ended ? 202611 : 0;
    r->started = 202501 + i % 12;
    r->drawn = i % 5 ? r->started : 0;
    r->in_job = i % 7 == 6 ? 202609 : 0;
    r->start_meeting = i % 3 ? 202502 + i % 10 : 0;
    r->start_present = r->start_meeting
                           ? OV_ATTEND(OV_ROLE_CITIZEN) |
                                 OV_ATTEND(OV_ROLE_CTI_WORKER) |
                                 (i % 4 ? OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)
                                        : 0)
                           : 0;
    r->start_complete = i % 4 && r->start_meeting ? r->start_meeting : 0;
    r->nplans = i % 4;
    r->plans = ov_arena_zalloc(a, sizeof *r->plans * 4);
    for (int j = 0; j < r->nplans; j++)
        r->plans[j] = (ov_mx_plan){202503 + j, j > 0, (i + j) % 2 == 0};
    r->nfollowups = i % 6;
    r->followups = ov_arena_zalloc(a, sizeof *r->followups * 6);
    for (int j = 0; j < r->nfollowups; j++)
        r->followups[j] = (ov_mx_meeting){
            202504 + j, OV_ATTEND(OV_ROLE_CTI_WORKER) |
                            (j % 2 ? OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)
                                   : OV_ATTEND(OV_ROLE_SOCIAL_CASEWORKER))};
    r->nplacements = i % 3;
    r->placements = ov_arena_zalloc(a, sizeof *r->placements * 3);
    for (int j = 0; j < r->nplacements; j++)
        r->placements[j] = (ov_mx_placement){
            .start = 202601 + j, .end = j ? 0 : 202603,
            .type = (ov_placement_type)(j % 4), .ordinary_possible = j % 2,
            .agreement = true, .signed_all = i % 2,
            .hours_start = j ? 0 : -1, .hours_now = 10 * (i % 7)};
    r->has_cti = i % 2;
    if (r->has_cti) {
        r->cti_start = 202601;
        r->cti_months = 9;
        r->cti_interval_days[0] = 7;
        r->cti_interval_days[1] = 14;
        r->cti_interval_days[2] = 28;
        r->ncontacts = i % 20;
        r->contacts = ov_arena_zalloc(a, sizeof(int) * 20);
        for (int j = 0; j < r->ncontacts; j++)
            r->contacts[j] = 202601 + j / 4;
    }
    r->nemployment = i % 7 == 3;
    r->employment = ov_arena_zalloc(a, sizeof *r->employment);
    r->employment[0] = (ov_mx_employment){202609, 150};
    r->nwho5 = i % 3;
    r->who5[0] = (ov_mx_score){202502, 4 * (i % 26)};
    r->who5[1] = (ov_mx_score){202610, 4 * ((i + 3) % 26)};
}

/* Two records are the same when their lines are. */
static void assert_same(const ov_mx_record *x, const ov_mx_record *y)
{
    ov_buf a, b;
    ov_err err;
    ov_buf_init(&a, NULL, 1 << 20);
    ov_buf_init(&b, NULL, 1 << 20);
    assert_int_equal(ov_mx_record_json(x, &a, &err), OV_OK);
    assert_int_equal(ov_mx_record_json(y, &b, &err), OV_OK);
    assert_string_equal(a.data, b.data);
    ov_buf_free(&a);
    ov_buf_free(&b);
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
    ov_arena *a = ov_arena_new(0);
    ov_status st = ov_mx_read_header(p, n, h, err);
    if (st == OV_OK)
        st = ov_mx_open(p, n, h, k->apk, k->ask, a, out, err);
    if (*out) {
        /* a heap copy of the records for the caller (lists dropped) */
        ov_mx_record *c = malloc(sizeof *c * (h->records + 1));
        memcpy(c, *out, sizeof *c * h->records);
        *out = c;
    }
    ov_arena_destroy(a);
    return st;
}

/* The same, keeping the records and their lists in the caller's arena. */
static ov_status read_in(const uint8_t *p, size_t n, const keys *k,
                         ov_arena *a, ov_mx_header *h, ov_mx_record **out,
                         ov_err *err)
{
    ov_status st = ov_mx_read_header(p, n, h, err);
    if (st == OV_OK)
        st = ov_mx_open(p, n, h, k->apk, k->ask, a, out, err);
    return st;
}

static void records_survive_the_round_trip_across_chunks(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    size_t n = 600; /* several 64 KiB chunks */
    ov_arena *a = ov_arena_new(0);
    ov_mx_record *r = calloc(n, sizeof *r);
    for (size_t i = 0; i < n; i++)
        fill(&r[i], (int)i, &k, a);
    ov_buf f = write_file(&k, r, n);
    assert_true(f.len > 3 * OV_MX_CHUNK);
    ov_mx_header h;
    ov_mx_record *back;
    ov_err err;
    assert_int_equal(read_in((uint8_t *)f.data, f.len, &k, a, &h, &back,
                             &err),
                     OV_OK);
    assert_int_equal(h.municipality, 250);
    assert_int_equal(h.from, D(2025, 1, 1));
    assert_int_equal(h.to, D(2026, 6, 30));
    assert_int_equal(h.records, n);
    assert_memory_equal(h.signer, k.spk, OV_SIGN_PUBLIC_BYTES);
    for (size_t i = 0; i < n; i++)
        assert_same(&back[i], &r[i]);
    /* a few fields by hand, so equal lines cannot hide a lost field */
    assert_int_equal(back[5].nfollowups, 5);
    assert_int_equal(back[5].followups[1].present,
                     OV_ATTEND(OV_ROLE_CTI_WORKER) |
                         OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT));
    assert_int_equal(back[5].ncontacts, 5);
    assert_int_equal(back[5].contacts[4], 202602);
    assert_int_equal(back[2].nplacements, 2);
    assert_int_equal(back[2].placements[1].hours_start, 0);
    assert_int_equal(back[2].placements[0].hours_start, -1);
    assert_int_equal(back[8].nwho5, 2);
    assert_int_equal(back[8].who5[1].score, 4 * 11);
    ov_buf_free(&f);
    free(r);
    ov_arena_destroy(a);
}

/* A long course (every list near its cap) is one record like any other. */
static void a_course_with_long_lists_fits_in_a_record(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_arena *a = ov_arena_new(0);
    ov_mx_record r;
    fill(&r, 1, &k, a);
    r.ncontacts = 5000;
    r.contacts = ov_arena_zalloc(a, sizeof(int) * 5000);
    for (int j = 0; j < r.ncontacts; j++)
        r.contacts[j] = 202001 + (j / 100) % 12;
    r.nfollowups = 2000;
    r.followups = ov_arena_zalloc(a, sizeof *r.followups * 2000);
    for (int j = 0; j < r.nfollowups; j++)
        r.followups[j] = (ov_mx_meeting){202001,
                                         OV_ATTEND(OV_ROLE_CTI_WORKER)};
    ov_buf f = write_file(&k, &r, 1);
    ov_mx_header h;
    ov_mx_record *back;
    ov_err err;
    assert_int_equal(read_in((uint8_t *)f.data, f.len, &k, a, &h, &back,
                             &err),
                     OV_OK);
    assert_same(&r, back);
    ov_buf_free(&f);
    ov_arena_destroy(a);
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
    ov_arena *a = ov_arena_new(0);
    ov_mx_record r[3];
    for (int i = 0; i < 3; i++)
        fill(&r[i], i + 1, &k, a);
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
    ov_arena_destroy(a);
}

static void a_cut_or_extended_file_is_refused(void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_arena *a = ov_arena_new(0);
    ov_mx_record r[2];
    fill(&r[0], 1, &k, a);
    fill(&r[1], 2, &k, a);
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
    ov_arena_destroy(a);
}

static void another_agency_key_cannot_open_the_file(void **state)
{
    (void)state;
    keys k, other;
    make_keys(&k);
    make_keys(&other);
    ov_arena *a = ov_arena_new(0);
    ov_mx_record r;
    fill(&r, 1, &k, a);
    ov_buf f = write_file(&k, &r, 1);
    ov_mx_header h;
    ov_mx_record *back = NULL;
    ov_err err;
    assert_int_equal(ov_mx_read_header((uint8_t *)f.data, f.len, &h, &err),
                     OV_OK);
    assert_int_equal(ov_mx_open((uint8_t *)f.data, f.len, &h, other.apk,
                                other.ask, a, &back, &err),
                     OV_EPERM);
    assert_null(back);
    assert_string_equal(err.field, "--key");
    assert_non_null(strstr(err.msg, "encrypted for another agency key"));
    /* the right public key with a wrong secret half: the box stays shut */
    assert_int_equal(ov_mx_open((uint8_t *)f.data, f.len, &h, k.apk,
                                other.ask, a, &back, &err),
                     OV_EPERM);
    assert_non_null(strstr(err.msg, "does not open"));
    ov_buf_free(&f);
    ov_arena_destroy(a);
}

static void a_file_signed_by_another_key_names_that_key(void **state)
{
    (void)state;
    keys k, other;
    make_keys(&k);
    make_keys(&other);
    ov_arena *a = ov_arena_new(0);
    ov_mx_record r;
    fill(&r, 1, &k, a);
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
    ov_arena_destroy(a);
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
    ov_arena *a = ov_arena_new(0);
    ov_mx_record r, back;
    fill(&r, 5, &k, a);
    ov_buf b;
    ov_buf_init(&b, NULL, 1 << 20);
    ov_err err;
    assert_int_equal(ov_mx_record_json(&r, &b, &err), OV_OK);
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&b), a, &back, &err),
                     OV_OK);
    assert_same(&r, &back);
    /* months only: no day anywhere */
    for (const char *p = b.data; (p = strchr(p, '"')) != NULL; p++) {
        int y, m, d;
        assert_false(sscanf(p, "\"%4d-%2d-%2d\"", &y, &m, &d) == 3);
    }
    ov_buf x;
    ov_buf_init(&x, NULL, 1 << 20);
    /* a name smuggled in as an extra field of the record */
    ov_buf_append(&x, b.data, b.len - 1);
    ov_buf_append_c(&x, ",\"name\":\"Anna Jensen\"}");
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&x), a, &back, &err),
                     OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "'name' is not a field"));
    /* ... or of a list's item */
    ov_buf_reset(&x);
    const char *at = strstr(b.data, "\"present\":[");
    assert_non_null(at);
    ov_buf_append(&x, b.data, (size_t)(at - b.data));
    ov_buf_append_c(&x, "\"notes\":\"syg\",");
    ov_buf_append_c(&x, at);
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&x), a, &back, &err),
                     OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "'notes' is not a field"));
    /* a day where a month belongs */
    ov_buf_reset(&x);
    at = strstr(b.data, "\"started\":\"");
    assert_non_null(at);
    at += 11 + 7; /* after YYYY-MM */
    ov_buf_append(&x, b.data, (size_t)(at - b.data));
    ov_buf_append_c(&x, "-14");
    ov_buf_append_c(&x, at);
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&x), a, &back, &err),
                     OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "'started' is not a month"));
    /* more than the first and latest WHO-5 */
    ov_buf_reset(&x);
    at = strstr(b.data, "\"who5\":[");
    assert_non_null(at);
    at += 8;
    ov_buf_append(&x, b.data, (size_t)(at - b.data));
    ov_buf_append_c(&x, "{\"month\":\"2025-03\",\"score\":40},"
                        "{\"month\":\"2025-04\",\"score\":44},");
    ov_buf_append_c(&x, at);
    assert_int_equal(ov_mx_record_parse(ov_buf_str(&x), a, &back, &err),
                     OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "'who5'"));
    ov_buf_free(&x);
    ov_buf_free(&b);
    ov_arena_destroy(a);
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

/* Hand-made facts of two courses, with an event after the period. */
static const ov_ind_plan PLANS[] = {{1, 0, false, true}, {2, 0, true, true}};
static const ov_ind_meeting FUPS[] = {{0, 0}, {0, 0}};
static ov_ind_placement PLACES[1];
static ov_date CONTACTS[4];
static const ov_ind_employment EMP[] = {{0, 150}};
static ov_ind_score WHO[3];

static void two_courses(ov_ind_facts f[2])
{
    memset(f, 0, sizeof(ov_ind_facts) * 2);
    static ov_ind_plan plans[2];
    static ov_ind_meeting fups[2];
    static ov_ind_employment emp[1];
    memcpy(plans, PLANS, sizeof plans);
    memcpy(fups, FUPS, sizeof fups);
    memcpy(emp, EMP, sizeof emp);
    plans[0].made_on = D(2026, 2, 10);
    plans[1].made_on = D(2026, 3, 31);
    fups[0] = (ov_ind_meeting){D(2026, 3, 5),
                               OV_ATTEND(OV_ROLE_CTI_WORKER) |
                                   OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)};
    fups[1] = (ov_ind_meeting){D(2026, 7, 2), OV_ATTEND(OV_ROLE_CTI_WORKER)};
    PLACES[0] = (ov_ind_placement){.start_on = D(2026, 4, 1),
                                   .end_on = OV_IND_NO_DATE,
                                   .type = OV_PLACE_INTERNSHIP,
                                   .ordinary_possible = true,
                                   .has_agreement = true,
                                   .signed_all = true,
                                   .ordinary_x10_start = 0,
                                   .ordinary_x10_now = 50};
    CONTACTS[0] = D(2026, 3, 20);
    CONTACTS[1] = D(2026, 3, 27);
    CONTACTS[2] = D(2026, 4, 3);
    CONTACTS[3] = D(2026, 8, 1); /* after the period */
    emp[0].from_on = D(2026, 5, 4);
    WHO[0] = (ov_ind_score){D(2026, 1, 20), 40};
    WHO[1] = (ov_ind_score){D(2026, 4, 2), 48};
    WHO[2] = (ov_ind_score){D(2026, 6, 1), 60};
    for (int i = 0; i < 2; i++) {
        ov_ind_facts *x = &f[i];
        x->course_id = 100 + i;
        x->municipality_code = 250;
        x->team_id = 7;
        x->started_on = D(2026, 1, 12 + i);
        x->drawn_on = x->started_on;
        x->start_meeting_on = D(2026, 1, 26);
        x->start_present = OV_ATTEND(OV_ROLE_CITIZEN) |
                           OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                           OV_ATTEND(OV_ROLE_CTI_WORKER) |
                           OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT);
        x->start_complete_on = x->start_meeting_on;
        x->nplans = 2;
        x->plans = plans;
        x->nfollowups = 2;
        x->followups = fups;
        x->nplacements = i;
        x->placements = PLACES;
        x->has_cti = i == 1;
        x->cti_start_on = i == 1 ? D(2026, 3, 16) : OV_IND_NO_DATE;
        x->cti_months = 9;
        x->cti_interval_days[0] = 7;
        x->cti_interval_days[1] = 14;
        x->cti_interval_days[2] = 28;
        x->ncontacts = i == 1 ? 4 : 0;
        x->contacts = CONTACTS;
        x->nemployment = i;
        x->employment = emp;
        x->nwho5 = 3;
        x->who5 = WHO;
        x->in_job_on = i == 1 ? D(2026, 5, 4) : OV_IND_NO_DATE;
        x->ended_on = i == 0 ? D(2026, 9, 1) : OV_IND_NO_DATE; /* later */
        x->end_reason = OV_END_MOVED;
    }
}

static void a_record_holds_the_facts_by_the_period_end_in_months(
    void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_ind_facts f[2];
    two_courses(f);
    ov_mx_record r;
    memset(&r, 0, sizeof r);
    ov_mx_from_facts(&f[1], D(2026, 6, 30), a, &r);
    assert_int_equal(r.started, 202601);
    assert_int_equal(r.start_complete, 202601);
    assert_int_equal(r.nplans, 2);
    assert_int_equal(r.plans[1].month, 202603);
    assert_int_equal(r.nfollowups, 1); /* July's is after the period */
    assert_int_equal(r.ncontacts, 3);  /* so is August's contact */
    assert_int_equal(r.contacts[2], 202604);
    assert_int_equal(r.nwho5, 2);
    assert_int_equal(r.who5[0].score, 40);
    assert_int_equal(r.who5[1].score, 60); /* the latest, not the middle */
    assert_int_equal(r.in_job, 202605);
    assert_false(r.ended);
    memset(&r, 0, sizeof r);
    ov_mx_from_facts(&f[0], D(2026, 6, 30), a, &r);
    assert_false(r.ended); /* it ends in September */
    ov_mx_from_facts(&f[0], D(2026, 9, 30), a, &r);
    assert_true(r.ended);
    assert_int_equal(r.ended_month, 202609);
    assert_int_equal(r.end_reason, OV_END_MOVED);
    /* and back: each month its first day, as ov_ind_month cuts a day */
    ov_ind_facts g;
    ov_mx_to_facts(&r, 1, a, &g);
    assert_int_equal(g.started_on, ov_ind_month(f[0].started_on));
    assert_int_equal(g.plans[1].made_on, ov_ind_month(f[0].plans[1].made_on));
    assert_int_equal(g.ended_on, D(2026, 9, 1));
    assert_int_equal(g.team_id, 0);
    ov_arena_destroy(a);
}

/* What the national board computes from imported records is what the
 * indicators give on the same facts cut to months: the file carries
 * everything the indicators use. */
static void imported_records_give_the_indicators_of_the_month_cut_facts(
    void **state)
{
    (void)state;
    keys k;
    make_keys(&k);
    ov_arena *a = ov_arena_new(0);
    ov_ind_facts f[2];
    two_courses(f);
    ov_date to = D(2026, 6, 30);
    ov_mx_record r[2];
    ov_ind_facts cut[2];
    for (int i = 0; i < 2; i++) {
        memset(&r[i], 0, sizeof r[i]);
        ov_mx_from_facts(&f[i], to, a, &r[i]);
        r[i].municipality = 250;
        r[i].sex = 'F';
        r[i].birth_band = 1970;
        r[i].stage = r[i].ended ? OV_STAGE_ENDED : OV_STAGE_PLACEMENT;
        ov_mx_pseudonym(k.pkey, i ? "0101701235" : "0101701234",
                        r[i].pseudonym);
        ov_mx_to_facts(&r[i], f[i].course_id, a, &cut[i]);
    }
    ov_buf file = write_file(&k, r, 2);
    ov_mx_header h;
    ov_mx_record *back;
    ov_err err;
    assert_int_equal(read_in((uint8_t *)file.data, file.len, &k, a, &h,
                             &back, &err),
                     OV_OK);
    ov_ind_facts imported[2];
    for (int i = 0; i < 2; i++)
        ov_mx_to_facts(&back[i], (int64_t)i + 1, a, &imported[i]);
    ov_ind_context cx = {.from = D(2026, 1, 1), .to = to,
                         .followup_interval_weeks = 4, .cti_early_days = 14,
                         .cti_min_first_month = 2,
                         .rules = ov_ind_rules_default()};
    ov_indicator want[OV_IND_COUNT], got[OV_IND_COUNT];
    ov_ind_compute(cut, 2, &cx, want);
    ov_ind_compute(imported, 2, &cx, got);
    int with_value = 0;
    for (int i = 0; i < OV_IND_COUNT; i++) {
        if (want[i].group == OV_IND_GROUP_CASELOAD)
            continue; /* staff ids are not in the file */
        assert_true(want[i].numerator == got[i].numerator);
        assert_true(want[i].denominator == got[i].denominator);
        assert_int_equal(want[i].has_value, got[i].has_value);
        if (want[i].has_value) {
            assert_true(want[i].value == got[i].value);
            with_value++;
        }
    }
    assert_true(with_value >= 10);
    ov_buf_free(&file);
    ov_arena_destroy(a);
}

int main(void)
{
    if (ov_crypto_init(NULL) != OV_OK)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_survive_the_round_trip_across_chunks),
        cmocka_unit_test(a_course_with_long_lists_fits_in_a_record),
        cmocka_unit_test(an_empty_extract_is_a_valid_file),
        cmocka_unit_test(a_flipped_bit_anywhere_is_refused),
        cmocka_unit_test(a_cut_or_extended_file_is_refused),
        cmocka_unit_test(another_agency_key_cannot_open_the_file),
        cmocka_unit_test(a_file_signed_by_another_key_names_that_key),
        cmocka_unit_test(a_period_that_ends_before_it_starts_is_refused),
        cmocka_unit_test(a_record_may_hold_only_the_formats_fields),
        cmocka_unit_test(
            pseudonyms_are_stable_per_key_and_differ_between_keys),
        cmocka_unit_test(a_record_holds_the_facts_by_the_period_end_in_months),
        cmocka_unit_test(
            imported_records_give_the_indicators_of_the_month_cut_facts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
