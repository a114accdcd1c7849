/* Citizens: internal ids, encrypted CPR numbers with keyed look-up, and one
 * audit row per access. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/audit.h"
#include "store/citizen.h"
#include "support/testutil.h"

static int64_t audit_rows(tu_db *t)
{
    ov_store_stats s;
    ov_err err;
    assert_int_equal(ov_store_stats_get(t->store, &s, &err), OV_OK);
    return s.audit_rows;
}

static int64_t create(tu_db *t, const char *name, const char *cpr)
{
    ov_tx *tx;
    ov_err err;
    int64_t id = 0;
    assert_int_equal(ov_tx_begin(t->store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_create(tx, ov_str_c(name), ov_str_c(cpr), &id,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    return id;
}

static void create_then_get_round_trips_name_cpr_birth_and_sex(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    int64_t id = create(&t, "  Anna Jensen ", "010190-1234");
    assert_true(id > 0);
    assert_int_equal(audit_rows(&t), 1);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err;
    ov_citizen c;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_get(tx, id, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(audit_rows(&t), 2);
    assert_string_equal(c.full_name.ptr, "Anna Jensen");
    assert_string_equal(c.cpr.digits, "0101901234");
    assert_int_equal(c.cpr.birth, ov_date_from_ymd(1990, 1, 1));
    assert_int_equal(c.cpr.sex, OV_SEX_FEMALE);
    assert_true(c.created_at > 0 && c.created_at <= ov_time_now());
    ov_arena_destroy(a);
    /* stored columns: derived birth date and sex; no CPR digits in clear */
    char *row = tu_sh_out("sqlite3 '%s' \"SELECT birth_date, sex FROM "
                          "citizen\"", t.db);
    assert_string_equal(row, "1990-01-01|F\n");
    free(row);
    ov_store_close(t.store);
    t.store = NULL;
    assert_int_equal(tu_sh("grep -c 0101901234 '%s' >/dev/null", t.db), 1);
    assert_int_equal(tu_sh("grep -c 010190-1234 '%s' >/dev/null", t.db), 1);
    tu_db_free(&t);
}

static void a_duplicate_cpr_is_a_conflict_naming_the_existing_citizen(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    int64_t id = create(&t, "Anna Jensen", "010190-1234");
    ov_tx *tx;
    ov_err err;
    int64_t id2;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_create(tx, OV_STR_LIT("Other"),
                                       OV_STR_LIT("0101901234"), &id2, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    char want[32];
    snprintf(want, sizeof want, "(id %lld)", (long long)id);
    assert_non_null(strstr(err.msg, want));
    assert_null(strstr(err.msg, "0101901234"));
    tu_db_free(&t);
}

static void find_by_cpr_logs_a_read_without_the_number(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    int64_t id = create(&t, "Anna Jensen", "010190-1234");
    ov_tx *tx;
    ov_err err;
    int64_t found = -1;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_find_by_cpr(tx, OV_STR_LIT("0101901234"),
                                            &found, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(found, id);
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_find_by_cpr(tx, OV_STR_LIT("020290-1235"),
                                            &found, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(found, 0);
    char *rows = tu_sh_out("sqlite3 '%s' \"SELECT action, "
                           "coalesce(citizen_id, '-'), criterion FROM "
                           "audit_log WHERE id > 1 ORDER BY id\"", t.db);
    char want[200];
    snprintf(want, sizeof want,
             "read|%lld|CPR-opslag\nread|-|CPR-opslag: ingen fundet\n",
             (long long)id);
    assert_string_equal(rows, want);
    free(rows);
    char *all = tu_sh_out("sqlite3 '%s' .dump", t.db);
    assert_null(strstr(all, "0101901234"));
    assert_null(strstr(all, "0202901235"));
    free(all);
    tu_db_free(&t);
}

static void update_changes_name_and_cpr_and_is_audited(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    int64_t id = create(&t, "Anna Jensen", "010190-1234");
    int64_t other = create(&t, "Bo Hansen", "020290-1235");
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_update(tx, id, OV_STR_LIT("Anna Holm"),
                                       OV_STR_LIT("150591-2346"), &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(audit_rows(&t), 3);
    /* the old number no longer finds her; the new one does */
    int64_t found;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    ov_citizen_find_by_cpr(tx, OV_STR_LIT("010190-1234"), &found, &err);
    assert_int_equal(found, 0);
    ov_citizen_find_by_cpr(tx, OV_STR_LIT("150591-2346"), &found, &err);
    assert_int_equal(found, id);
    ov_arena *a = ov_arena_new(0);
    ov_citizen c;
    assert_int_equal(ov_citizen_get(tx, id, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_string_equal(c.full_name.ptr, "Anna Holm");
    assert_int_equal(c.cpr.birth, ov_date_from_ymd(1991, 5, 15));
    ov_arena_destroy(a);
    /* taking another citizen's number is refused */
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_update(tx, id, OV_STR_NULL,
                                       OV_STR_LIT("020290-1235"), &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    char want[32];
    snprintf(want, sizeof want, "(id %lld)", (long long)other);
    assert_non_null(strstr(err.msg, want));
    /* an unknown id is not found, nothing written */
    int64_t before = audit_rows(&t);
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_update(tx, 999, OV_STR_LIT("X"), OV_STR_NULL,
                                       &err),
                     OV_ENOTFOUND);
    assert_int_equal(ov_tx_commit(tx, &err), OV_ENOTFOUND);
    assert_int_equal(audit_rows(&t), before);
    tu_db_free(&t);
}

static void get_of_an_unknown_id_is_not_found(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err;
    ov_citizen c;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_get(tx, 42, a, &c, &err), OV_ENOTFOUND);
    assert_string_equal(err.field, "id");
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&t);
}

static void swapped_cpr_boxes_are_detected_on_read(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    int64_t a_id = create(&t, "Anna Jensen", "010190-1234");
    create(&t, "Bo Hansen", "020290-1235");
    ov_store_close(t.store);
    t.store = NULL;
    assert_int_equal(tu_sh("sqlite3 '%s' \"UPDATE citizen SET (cpr_nonce, "
                           "cpr_box) = (SELECT cpr_nonce, cpr_box FROM "
                           "citizen WHERE id = 2) WHERE id = 1\"", t.db), 0);
    tu_db_reopen(&t, OV_OPEN_MIGRATE);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err;
    ov_citizen c;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_get(tx, a_id, a, &c, &err), OV_ECORRUPT);
    assert_non_null(strstr(err.msg, "look-up hash"));
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&t);
}

static void names_are_validated(void **state)
{
    (void)state;
    ov_err err;
    assert_int_equal(ov_citizen_validate_name(OV_STR_LIT("Søren Ærø"), "name",
                                              &err),
                     OV_OK);
    assert_int_equal(ov_citizen_validate_name(OV_STR_LIT(""), "name", &err),
                     OV_EINVAL);
    assert_int_equal(ov_citizen_validate_name(OV_STR_LIT("a\tb"), "name",
                                              &err),
                     OV_EINVAL);
    assert_int_equal(ov_citizen_validate_name(OV_STR_LIT("\xC3\x28"), "name",
                                              &err),
                     OV_EINVAL);
    char longname[OV_NAME_MAX + 2];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_int_equal(ov_citizen_validate_name(ov_str_c(longname), "name",
                                              &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "name");
    longname[OV_NAME_MAX] = '\0';
    assert_int_equal(ov_citizen_validate_name(ov_str_c(longname), "name",
                                              &err),
                     OV_OK);
}

/* The audit rows of the accesses, oldest first: "action|citizen_id". */
static char *audit_actions(tu_db *t)
{
    return tu_sh_out("sqlite3 '%s' \"SELECT action || '|' || "
                     "coalesce(citizen_id, '-') FROM audit_log ORDER BY "
                     "id\"", t->db);
}

static void every_access_is_audited_in_its_tx_and_reads_of_a_citizen_share_a_row(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    ov_tx *tx;
    ov_err err;
    int64_t id = 0, found = 0;
    ov_arena *a = ov_arena_new(0);
    ov_citizen c;
    assert_int_equal(audit_rows(&t), 0);

    /* create, get, find, update, all in one transaction: the two reads of
     * the same citizen share one row (written at commit, after the
     * create, before nothing else needs it: the update flushes it first) */
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_create(tx, OV_STR_LIT("Anna Jensen"),
                                       OV_STR_LIT("010190-1234"), &id, &err),
                     OV_OK);
    assert_int_equal(ov_citizen_get(tx, id, a, &c, &err), OV_OK);
    assert_int_equal(ov_citizen_find_by_cpr(tx, OV_STR_LIT("0101901234"),
                                            &found, &err),
                     OV_OK);
    assert_int_equal(ov_citizen_update(tx, id, OV_STR_LIT("Anna Holm"),
                                       OV_STR_NULL, &err),
                     OV_OK);
    /* not visible to other connections before commit */
    assert_int_equal(audit_rows(&t), 0);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(audit_rows(&t), 3);
    char want[128];
    snprintf(want, sizeof want, "create|%lld\nread|%lld\nupdate|%lld\n",
             (long long)id, (long long)id, (long long)id);
    char *got = audit_actions(&t);
    assert_string_equal(got, want);
    free(got);

    /* a rolled-back access leaves neither data nor audit row */
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_update(tx, id, OV_STR_LIT("Someone Else"),
                                       OV_STR_NULL, &err),
                     OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(audit_rows(&t), 3);

    /* a failed validation on update writes nothing either */
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_update(tx, id, OV_STR_NULL,
                                       OV_STR_LIT("310490-1234"), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "cpr");
    assert_int_equal(ov_tx_commit(tx, &err), OV_EINVAL);
    assert_int_equal(audit_rows(&t), 3);

    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_get(tx, id, a, &c, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_string_equal(c.full_name.ptr, "Anna Holm");
    assert_string_equal(c.cpr.digits, "0101901234");
    assert_int_equal(audit_rows(&t), 4);
    ov_arena_destroy(a);
    tu_db_free(&t);
}

/* Several reads of one citizen in one transaction are one row with the
 * criteria joined; reads of two citizens are two rows. */
static void reads_in_one_tx_share_a_row_per_citizen_with_joined_criteria(
    void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    ov_tx *tx;
    ov_err err;
    int64_t a1 = 0, a2 = 0;
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    ov_citizen_create(tx, OV_STR_LIT("Anna Jensen"), OV_STR_LIT("010190-1234"),
                      &a1, &err);
    ov_citizen_create(tx, OV_STR_LIT("Bo Berg"), OV_STR_LIT("020275-2342"),
                      &a2, &err);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_int_equal(ov_tx_begin(t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_audit_append(tx, OV_ACT_READ, a1, "plan", &err),
                     OV_OK);
    assert_int_equal(ov_audit_append(tx, OV_ACT_READ, a2, "plan", &err),
                     OV_OK);
    assert_int_equal(ov_audit_append(tx, OV_ACT_READ, a1, "CTI", &err), OV_OK);
    assert_int_equal(ov_audit_append(tx, OV_ACT_READ, a1, "plan", &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    char *got = tu_sh_out("sqlite3 '%s' \"SELECT citizen_id || '|' || "
                          "criterion FROM audit_log WHERE action = 'read' "
                          "ORDER BY id\"", t.db);
    char want[96];
    snprintf(want, sizeof want, "%lld|plan, CTI\n%lld|plan\n", (long long)a1,
             (long long)a2);
    assert_string_equal(got, want);
    free(got);
    ov_audit_report rep;
    assert_int_equal(ov_audit_verify(t.store, &rep, &err), OV_OK);
    tu_db_free(&t);
}

/* The import's sealer gives what ov_citizen_seal gives (the same look-up
 * hash, a box that opens to the number under the key file) and a nonce
 * of its own to every number, also past its batch of 64 nonces. */
static void the_sealer_seals_like_one_at_a_time_with_a_nonce_each(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    ov_err err;
    const ov_keys *k;
    assert_int_equal(ov_store_keys(t.store, &k, &err), OV_OK);
    ov_cpr_sealer z;
    assert_int_equal(ov_cpr_sealer_init(t.store, &z, &err), OV_OK);
    enum { N = 150 };
    static ov_cpr_sealed many[N];
    for (int i = 0; i < N; i++) {
        char cpr[12];
        snprintf(cpr, sizeof cpr, "0101%02d-%04d", 50 + i % 40, 1000 + i);
        ov_cpr c;
        assert_int_equal(ov_cpr_parse(ov_str_c(cpr), "cpr", &c, &err), OV_OK);
        ov_cpr_sealed one;
        assert_int_equal(ov_citizen_seal(t.store, &c, &one, &err), OV_OK);
        ov_cpr_sealer_seal(&z, &c, &many[i]);
        assert_memory_equal(many[i].hash, one.hash, OV_HASH_BYTES);
        assert_string_equal(many[i].birth, one.birth);
        assert_string_equal(many[i].sex, one.sex);
        uint8_t plain[10];
        assert_int_equal(ov_open(k, many[i].box, sizeof many[i].box,
                                 many[i].nonce, plain, &err),
                         OV_OK);
        assert_memory_equal(plain, c.digits, 10);
        for (int j = 0; j < i; j++)
            assert_memory_not_equal(many[i].nonce, many[j].nonce,
                                    OV_NONCE_BYTES);
    }
    ov_cpr_sealer_wipe(&z);
    tu_db_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(create_then_get_round_trips_name_cpr_birth_and_sex),
        cmocka_unit_test(a_duplicate_cpr_is_a_conflict_naming_the_existing_citizen),
        cmocka_unit_test(find_by_cpr_logs_a_read_without_the_number),
        cmocka_unit_test(every_access_is_audited_in_its_tx_and_reads_of_a_citizen_share_a_row),
        cmocka_unit_test(
            reads_in_one_tx_share_a_row_per_citizen_with_joined_criteria),
        cmocka_unit_test(update_changes_name_and_cpr_and_is_audited),
        cmocka_unit_test(get_of_an_unknown_id_is_not_found),
        cmocka_unit_test(swapped_cpr_boxes_are_detected_on_read),
        cmocka_unit_test(names_are_validated),
        cmocka_unit_test(the_sealer_seals_like_one_at_a_time_with_a_nonce_each),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
