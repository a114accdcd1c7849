/* The monitoring extract in the database: a municipality's courses
 * become pseudonymised records as of the period's end, each citizen with
 * an export audit row; the national database loads an extract only from
 * a registered key, never the same file or an overlapping period twice,
 * and writes nothing when it refuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/measure.h"
#include "store/monitor.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

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

static void who5(tu_world *w, int64_t course, ov_date on, int item)
{
    ov_tx *tx;
    ov_err err;
    int64_t id;
    ov_measurement m = {.instrument = OV_INSTR_WHO5, .taken_on = on,
                        .nitems = 5, .items = {item, item, item, item, item},
                        .entered_by = OV_BY_CITIZEN};
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &m, D(2026, 11, 22), &id,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static ov_arena *arena;

static ov_status collect(tu_world *w, int muni, ov_date from, ov_date to,
                         const keys *k, ov_mx_record **r, size_t *n,
                         ov_err *err)
{
    ov_tx *tx;
    char name[201];
    *r = NULL;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, err), OV_OK);
    if (ov_monitor_municipality(tx, muni, name, err) == OV_OK)
        ov_monitor_collect(tx, muni, from, to, k->pkey, arena, r, n, err);
    return ov_tx_commit(tx, err);
}

static int64_t sql_count(tu_db *t, const char *sql)
{
    char *out = tu_sh_out("sqlite3 '%s' \"%s\"", t->db, sql);
    int64_t v = atoll(out);
    free(out);
    return v;
}

static void a_course_becomes_a_record_as_of_the_period_end(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 3, 10));
    who5(&w, course, D(2026, 3, 20), 2); /* 40 */
    who5(&w, course, D(2026, 5, 4), 3);  /* 60 */
    who5(&w, course, D(2026, 9, 1), 4);  /* 80: after the period */
    keys k;
    make_keys(&k);
    ov_mx_record *r = NULL;
    size_t n = 0;
    ov_err err;
    int64_t exports = sql_count(&w.t, "SELECT count(*) FROM audit_log WHERE "
                                      "action = 'export'");
    assert_int_equal(collect(&w, 250, D(2026, 1, 1), D(2026, 6, 30), &k, &r,
                             &n, &err),
                     OV_OK);
    assert_int_equal(n, 1);
    /* 010190-1234: born 1990, the 5-year band 1990-1994 */
    assert_int_equal(r[0].birth_band, 1990);
    assert_int_equal(r[0].municipality, 250);
    assert_int_equal(r[0].started, 202603);
    assert_int_equal(r[0].stage, OV_STAGE_DRAWN);
    assert_int_equal(r[0].nwho5, 2);
    assert_int_equal(r[0].who5[0].score, 40);
    assert_int_equal(r[0].who5[0].month, 202603);
    assert_int_equal(r[0].who5[1].score, 60); /* not the September one */
    assert_int_equal(r[0].who5[1].month, 202605);
    uint8_t p[OV_PSEUDONYM_BYTES];
    ov_mx_pseudonym(k.pkey, "0101901234", p);
    assert_memory_equal(r[0].pseudonym, p, sizeof p);
    /* one export row for the citizen, in the same transaction */
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(sql_count(&w.t, "SELECT count(*) FROM audit_log WHERE "
                                     "action = 'export'"),
                     exports + 1);
    /* a period before the course: nothing */
    assert_int_equal(collect(&w, 250, D(2025, 1, 1), D(2025, 12, 31), &k, &r,
                             &n, &err),
                     OV_OK);
    assert_int_equal(n, 0);
    tu_db_free(&w.t);
}

/* A plan saved at 00:30 on 1 July in Copenhagen (22:30 UTC on 30 June)
 * belongs to July, as the indicators count its day: it is not in an
 * extract that ends on 30 June, and it is July's in one that goes on. */
static void a_plan_counts_on_its_copenhagen_day(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 3, 10));
    assert_int_equal(
        tu_sh("sqlite3 '%s' \"INSERT INTO plan_version (course_id, version, "
              "content, has_job_goal, with_citizen, summary, created_by, "
              "created_at) VALUES (%lld, 1, '{}', 1, 1, 'x', 'test', "
              "'2026-06-30T22:30:00.000Z')\"",
              w.t.db, (long long)course),
        0);
    keys k;
    make_keys(&k);
    ov_mx_record *r;
    size_t n;
    ov_err err;
    assert_int_equal(collect(&w, 250, D(2026, 1, 1), D(2026, 6, 30), &k, &r,
                             &n, &err),
                     OV_OK);
    assert_int_equal(n, 1);
    assert_int_equal(r[0].nplans, 0);
    assert_int_equal(collect(&w, 250, D(2026, 1, 1), D(2026, 7, 31), &k, &r,
                             &n, &err),
                     OV_OK);
    assert_int_equal(r[0].nplans, 1);
    assert_int_equal(r[0].plans[0].month, 202607);
    assert_true(r[0].plans[0].job_goal);
    tu_db_free(&w.t);
}

static void an_unknown_municipality_is_named_with_the_known_ones(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    keys k;
    make_keys(&k);
    ov_mx_record *r = NULL;
    size_t n = 0;
    ov_err err;
    assert_int_equal(collect(&w, 999, D(2026, 1, 1), D(2026, 6, 30), &k, &r,
                             &n, &err),
                     OV_ENOTFOUND);
    assert_string_equal(err.field, "--municipality");
    assert_non_null(strstr(err.msg, "no municipality 999"));
    assert_non_null(strstr(err.msg, "250, 550"));
    assert_null(r);
    tu_db_free(&w.t);
}

/* An extract of n made-up records for the national tests. */
static ov_buf extract(const keys *k, int muni, ov_date from, ov_date to,
                      int n)
{
    ov_mx_record *r = ov_arena_zalloc(arena, sizeof *r * ((size_t)n + 1));
    for (int i = 0; i < n; i++) {
        char cpr[11];
        snprintf(cpr, sizeof cpr, "%010d", 2000000 + i);
        ov_mx_pseudonym(k->pkey, cpr, r[i].pseudonym);
        r[i].municipality = muni;
        r[i].birth_band = 1970;
        r[i].sex = 'F';
        r[i].stage = OV_STAGE_START;
        r[i].started = 202601;
    }
    ov_buf f;
    ov_err err;
    assert_int_equal(ov_mx_write(muni, from, to, r, (size_t)n, k->apk,
                                 k->spk, k->ssk, &f, &err),
                     OV_OK);
    return f;
}

static ov_status load(tu_db *t, const keys *k, ov_buf *f, ov_err *err)
{
    ov_mx_header h;
    ov_mx_record *r = NULL;
    ov_status st = ov_mx_read_header((uint8_t *)f->data, f->len, &h, err);
    if (st == OV_OK)
        st = ov_mx_open((uint8_t *)f->data, f->len, &h, k->apk, k->ask, arena,
                        &r, err);
    if (st != OV_OK)
        return st;
    uint8_t sha[OV_HASH_BYTES];
    ov_sha256(f->data, f->len, sha);
    ov_tx *tx;
    int64_t id;
    assert_int_equal(ov_tx_begin(t->store, &tu_actor, &tx, err), OV_OK);
    ov_monitor_import(tx, &h, sha, r, h.records, &id, err);
    st = ov_tx_commit(tx, err);
    return st;
}

static ov_status enrol(tu_db *t, int muni, const uint8_t *pk, ov_err *err)
{
    ov_tx *tx;
    assert_int_equal(ov_tx_begin(t->store, &tu_actor, &tx, err), OV_OK);
    ov_monitor_register(tx, muni, pk, err);
    return ov_tx_commit(tx, err);
}

static int64_t national_records(tu_db *t, int muni)
{
    ov_tx *tx;
    ov_err err;
    int64_t n;
    assert_int_equal(ov_tx_begin_read(t->store, &tx, &err), OV_OK);
    assert_int_equal(ov_monitor_count(tx, muni, &n, &err), OV_OK);
    ov_tx_rollback(tx);
    return n;
}

static void an_extract_from_an_unregistered_key_writes_nothing(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    keys k, stranger;
    make_keys(&k);
    make_keys(&stranger);
    memcpy(stranger.apk, k.apk, sizeof k.apk); /* sealed to the agency */
    memcpy(stranger.ask, k.ask, sizeof k.ask);
    ov_err err;
    assert_int_equal(enrol(&t, 250, k.spk, &err), OV_OK);
    ov_buf f = extract(&stranger, 250, D(2026, 1, 1), D(2026, 6, 30), 7);
    assert_int_equal(load(&t, &stranger, &f, &err), OV_EPERM);
    assert_non_null(strstr(err.msg, "not registered"));
    ov_buf_free(&f);
    /* Tønder's registered key signing a file that says Halsnæs */
    assert_int_equal(enrol(&t, 550, stranger.spk, &err), OV_OK);
    f = extract(&stranger, 250, D(2026, 1, 1), D(2026, 6, 30), 7);
    assert_int_equal(load(&t, &stranger, &f, &err), OV_EPERM);
    assert_non_null(strstr(err.msg, "signed by the key of municipality 550"));
    ov_buf_free(&f);
    assert_int_equal(national_records(&t, 250), 0);
    assert_int_equal(sql_count(&t, "SELECT count(*) FROM monitor_file"), 0);
    tu_db_free(&t);
}

static void the_same_file_or_an_overlapping_period_is_refused(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    keys k;
    make_keys(&k);
    ov_err err;
    assert_int_equal(enrol(&t, 250, k.spk, &err), OV_OK);
    ov_buf f = extract(&k, 250, D(2026, 1, 1), D(2026, 6, 30), 12);
    assert_int_equal(load(&t, &k, &f, &err), OV_OK);
    assert_int_equal(national_records(&t, 250), 12);
    /* the same file again */
    assert_int_equal(load(&t, &k, &f, &err), OV_ECONFLICT);
    assert_non_null(strstr(err.msg, "imported already"));
    ov_buf_free(&f);
    /* another file overlapping by one day */
    f = extract(&k, 250, D(2026, 6, 30), D(2026, 12, 31), 5);
    assert_int_equal(load(&t, &k, &f, &err), OV_ECONFLICT);
    assert_non_null(strstr(err.msg, "overlaps extract 1 "
                                    "(2026-01-01..2026-06-30)"));
    ov_buf_free(&f);
    assert_int_equal(national_records(&t, 250), 12);
    /* the next period is fine */
    f = extract(&k, 250, D(2026, 7, 1), D(2026, 12, 31), 5);
    assert_int_equal(load(&t, &k, &f, &err), OV_OK);
    ov_buf_free(&f);
    assert_int_equal(national_records(&t, 250), 17);
    /* each import and registration has its audit row */
    tu_db_reopen(&t, OV_OPEN_MIGRATE);
    assert_int_equal(sql_count(&t, "SELECT count(*) FROM audit_log WHERE "
                                   "criterion LIKE 'monitoring %'"),
                     3);
    tu_db_free(&t);
}

static void the_national_board_reads_back_the_records_the_file_carried(
    void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    keys k;
    make_keys(&k);
    ov_err err;
    assert_int_equal(enrol(&t, 550, k.spk, &err), OV_OK);
    /* three courses with lists of every kind */
    ov_mx_record r[3];
    memset(r, 0, sizeof r);
    static ov_mx_plan plans[] = {{202602, false, true}, {202604, true, true}};
    static ov_mx_meeting fu[] = {
        {202605, OV_ATTEND(OV_ROLE_CTI_WORKER) |
                     OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)}};
    static ov_mx_placement pl[] = {{202606, 0, OV_PLACE_INTERNSHIP, true,
                                    true, false, 0, 50}};
    static int contacts[] = {202605, 202605, 202606};
    static ov_mx_employment emp[] = {{202609, 150}, {202611, 0}};
    for (int i = 0; i < 3; i++) {
        char cpr[11];
        snprintf(cpr, sizeof cpr, "%010d", 3000000 + i);
        ov_mx_pseudonym(k.pkey, cpr, r[i].pseudonym);
        r[i].municipality = 550;
        r[i].birth_band = 1965;
        r[i].sex = 'M';
        r[i].stage = OV_STAGE_PLACEMENT;
        r[i].started = 202601;
        r[i].nplans = 2;
        r[i].plans = plans;
        r[i].nfollowups = 1;
        r[i].followups = fu;
        r[i].nplacements = 1;
        r[i].placements = pl;
        r[i].has_cti = true;
        r[i].cti_start = 202605;
        r[i].cti_months = 6;
        r[i].cti_interval_days[0] = 7;
        r[i].cti_interval_days[1] = 14;
        r[i].cti_interval_days[2] = 28;
        r[i].ncontacts = 3;
        r[i].contacts = contacts;
        r[i].nemployment = i;
        r[i].employment = emp;
        r[i].nwho5 = 2;
        r[i].who5[0] = (ov_mx_score){202602, 40};
        r[i].who5[1] = (ov_mx_score){202610, 60 + i};
    }
    ov_buf f;
    assert_int_equal(ov_mx_write(550, D(2026, 1, 1), D(2026, 12, 31), r, 3,
                                 k.apk, k.spk, k.ssk, &f, &err),
                     OV_OK);
    if (load(&t, &k, &f, &err) != OV_OK)
        fail_msg("%s", err.msg);
    ov_buf_free(&f);
    ov_tx *tx;
    ov_mx_record *back;
    size_t n;
    assert_int_equal(ov_tx_begin_read(t.store, &tx, &err), OV_OK);
    if (ov_monitor_records(tx, 550, D(2026, 6, 1), D(2026, 6, 30), arena,
                           &back, &n, &err) != OV_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        ov_buf x, y;
        ov_buf_init(&x, NULL, 1 << 16);
        ov_buf_init(&y, NULL, 1 << 16);
        ov_mx_record_json(&r[i], &x, &err);
        ov_mx_record_json(&back[i], &y, &err);
        assert_string_equal(x.data, y.data);
        ov_buf_free(&x);
        ov_buf_free(&y);
    }
    assert_int_equal(back[2].nemployment, 2);
    assert_int_equal(back[1].followups[0].present, fu[0].present);
    /* another period or municipality: nothing */
    assert_int_equal(ov_monitor_records(tx, 550, D(2027, 1, 1),
                                        D(2027, 6, 30), arena, &back, &n,
                                        &err),
                     OV_OK);
    assert_int_equal(n, 0);
    assert_int_equal(ov_monitor_records(tx, 250, D(2026, 1, 1),
                                        D(2026, 6, 30), arena, &back, &n,
                                        &err),
                     OV_OK);
    assert_int_equal(n, 0);
    ov_tx_rollback(tx);
    tu_db_free(&t);
}

static void a_municipality_registers_one_key_and_a_key_one_municipality(
    void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    keys k, other;
    make_keys(&k);
    make_keys(&other);
    ov_err err;
    assert_int_equal(enrol(&t, 250, k.spk, &err), OV_OK);
    assert_int_equal(enrol(&t, 250, other.spk, &err), OV_ECONFLICT);
    assert_non_null(strstr(err.msg, "already has a registered signing key"));
    assert_int_equal(enrol(&t, 550, k.spk, &err), OV_ECONFLICT);
    assert_non_null(strstr(err.msg, "registered for municipality 250"));
    assert_int_equal(enrol(&t, 99, other.spk, &err), OV_EINVAL);
    tu_db_free(&t);
}

static int setup(void **state)
{
    (void)state;
    arena = ov_arena_new(0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ov_arena_destroy(arena);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_course_becomes_a_record_as_of_the_period_end),
        cmocka_unit_test(a_plan_counts_on_its_copenhagen_day),
        cmocka_unit_test(an_unknown_municipality_is_named_with_the_known_ones),
        cmocka_unit_test(an_extract_from_an_unregistered_key_writes_nothing),
        cmocka_unit_test(the_same_file_or_an_overlapping_period_is_refused),
        cmocka_unit_test(
            the_national_board_reads_back_the_records_the_file_carried),
        cmocka_unit_test(
            a_municipality_registers_one_key_and_a_key_one_municipality),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
