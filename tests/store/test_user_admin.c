/* User administration in the store (store/org.h, issue 13 section 4):
 * activation codes are stored only as a hash, work once and expire;
 * deactivation ends the sessions at once; another municipality's users
 * and teams answer as missing ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/crypto.h"
#include "store/org.h"
#include "store/session.h"
#include "support/world.h"

static ov_tx *begin(tu_world *w)
{
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    return tx;
}

static void done(ov_tx *tx, ov_status st, const ov_err *err)
{
    if (st != OV_OK)
        fail_msg("%s", err->msg);
    ov_err e2;
    assert_int_equal(ov_tx_commit(tx, &e2), OV_OK);
}

/* Create "anna" in Halsnæs on Team Nord; her first code in `code`. */
static int64_t anna(tu_world *w, ov_time now, char code[OV_ACTIVATION_CODE_BUF])
{
    ov_user_admin_input in = {.username = OV_STR_LIT("anna"),
                              .full_name = OV_STR_LIT("Anna Jensen"),
                              .role = OV_ROLE_SOCIAL_CASEWORKER,
                              .phone = OV_STR_LIT("+45 47 78 40 00"),
                              .email = OV_STR_LIT("anna@halsnaes.dk"),
                              .team_ids = {w->team},
                              .nteams = 1};
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id = 0;
    done(tx, ov_user_admin_create(tx, 250, &in, now, &id, code, &err), &err);
    return id;
}

static ov_status activate(tu_world *w, const char *user, const char *code,
                          ov_time now, ov_err *err)
{
    char hash[OV_PWHASH_MAX];
    assert_int_equal(ov_password_hash("a-new-password", hash, err), OV_OK);
    ov_tx *tx = begin(w);
    ov_status st = ov_user_activate(tx, ov_str_c(user), ov_str_c(code), hash,
                                    now, err);
    if (st == OV_OK) {
        ov_err e2;
        assert_int_equal(ov_tx_commit(tx, &e2), OV_OK);
    } else {
        ov_tx_rollback(tx);
    }
    return st;
}

static void code_is_stored_only_as_its_hash_and_works_once(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_time now = ov_time_now();
    char code[OV_ACTIVATION_CODE_BUF];
    int64_t id = anna(&w, now, code);
    assert_int_equal((int)strlen(code), OV_ACTIVATION_CODE_CHARS + 2);
    /* the database holds the SHA-256 of the code without dashes, nothing
     * else of it */
    char canon[OV_ACTIVATION_CODE_CHARS + 1];
    assert_true(ov_activation_code_canon(ov_str_c(code), canon));
    uint8_t h[OV_HASH_BYTES];
    char hex[2 * OV_HASH_BYTES + 1];
    ov_sha256(canon, strlen(canon), h);
    ov_hex_encode(h, sizeof h, hex);
    char *stored = tu_sh_out("sqlite3 '%s' \"SELECT lower(hex(code_hash)) "
                             "FROM activation_code WHERE user_id = %lld\"",
                             w.t.db, (long long)id);
    assert_non_null(strstr(stored, hex));
    free(stored);
    assert_int_not_equal(tu_sh("sqlite3 '%s' .dump | grep -q -e '%s' -e '%s'",
                               w.t.db, code, canon),
                         0);
    /* no password yet: no log-in */
    ov_viewer v;
    char pw[OV_PWHASH_MAX];
    ov_err err;
    ov_tx *tx;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_session_user(tx, OV_STR_LIT("anna"), &v, pw, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    /* typed in lower case with spaces: the same code */
    char typed[64];
    size_t k = 0;
    for (const char *p = code; *p; p++)
        typed[k++] = *p == '-' ? ' ' : (char)(*p >= 'A' && *p <= 'Z'
                                                  ? *p - 'A' + 'a'
                                                  : *p);
    typed[k] = '\0';
    assert_int_equal(activate(&w, "anna", typed, now + 1000, &err), OV_OK);
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_session_user(tx, OV_STR_LIT("anna"), &v, pw, &err),
                     OV_OK);
    ov_tx_rollback(tx);
    assert_true(ov_password_verify(pw, "a-new-password"));
    assert_int_equal(v.user_id, id);
    /* single use */
    assert_int_equal(activate(&w, "anna", code, now + 2000, &err), OV_EPERM);
    assert_string_equal(err.field, "activation_code");
    tu_db_free(&w.t);
}

static void code_expires_and_a_wrong_code_answers_as_an_unknown_user(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_time now = ov_time_now();
    char code[OV_ACTIVATION_CODE_BUF];
    anna(&w, now, code);
    ov_err e1, e2, e3;
    assert_int_equal(activate(&w, "anna", "2222-2222-2222", now, &e1),
                     OV_EPERM);
    assert_int_equal(activate(&w, "nobody", code, now, &e2), OV_EPERM);
    assert_string_equal(e1.msg, e2.msg);
    assert_string_equal(e1.field, e2.field);
    /* one millisecond after OV_ACTIVATION_HOURS: expired */
    ov_time after = now + (ov_time)OV_ACTIVATION_HOURS * 3600 * 1000;
    assert_int_equal(activate(&w, "anna", code, after, &e3), OV_EPERM);
    assert_string_equal(e1.msg, e3.msg);
    /* the page sees it as expired and unused */
    ov_arena *a = ov_arena_new(0);
    ov_user_row *rows;
    ov_list_info li;
    ov_tx *tx;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &e1), OV_OK);
    assert_int_equal(ov_user_list(tx, 250, after, a, &rows, &li, &e1), OV_OK);
    ov_tx_rollback(tx);
    bool seen = false;
    for (int i = 0; i < li.n; i++)
        if (ov_str_eq_c(rows[i].username, "anna")) {
            seen = true;
            assert_int_equal(rows[i].code, OV_CODE_EXPIRED);
            assert_true(ov_str_eq_c(rows[i].teams, "Team Nord"));
            assert_true(ov_str_eq_c(rows[i].phone, "+45 47 78 40 00"));
        }
    assert_true(seen);
    /* a reset gives a new code that works */
    tx = begin(&w);
    int64_t id = rows[0].id;
    for (int i = 0; i < li.n; i++)
        if (ov_str_eq_c(rows[i].username, "anna"))
            id = rows[i].id;
    char code2[OV_ACTIVATION_CODE_BUF];
    done(tx, ov_user_issue_code(tx, 250, id, after, code2, &e1), &e1);
    assert_string_not_equal(code, code2);
    assert_int_equal(activate(&w, "anna", code2, after + 1, &e1), OV_OK);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void deactivation_ends_the_sessions_at_once(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    ov_tx *tx = begin(&w);
    done(tx, ov_session_create(tx, w.job, ov_time_now(), token, csrf, &err),
         &err);
    ov_session s;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_session_get(tx, ov_str_c(token), &s, &err), OV_OK);
    ov_tx_rollback(tx);
    /* Tønder's administrator: as if the user did not exist */
    tx = begin(&w);
    assert_int_equal(ov_user_deactivate(tx, 550, w.job, 0, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    /* one may not deactivate oneself */
    tx = begin(&w);
    assert_int_equal(ov_user_deactivate(tx, 250, w.job, w.job, &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    tx = begin(&w);
    done(tx, ov_user_deactivate(tx, 250, w.job, w.leader, &err), &err);
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_session_get(tx, ov_str_c(token), &s, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    char *n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM session WHERE "
                        "user_id = %lld\"",
                        w.t.db, (long long)w.job);
    assert_int_equal(atoi(n), 0);
    free(n);
    /* and no new code for a deactivated user */
    char code[OV_ACTIVATION_CODE_BUF];
    tx = begin(&w);
    assert_int_equal(ov_user_issue_code(tx, 250, w.job, ov_time_now(), code,
                                        &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    tu_db_free(&w.t);
}

static void another_municipality_s_team_or_user_answers_as_missing(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err e1, e2;
    char code[OV_ACTIVATION_CODE_BUF];
    int64_t id = 0;
    ov_user_admin_input in = {.username = OV_STR_LIT("bo"),
                              .full_name = OV_STR_LIT("Bo Berg"),
                              .role = OV_ROLE_CTI_WORKER,
                              .team_ids = {w.team_tonder},
                              .nteams = 1};
    ov_tx *tx = begin(&w);
    assert_int_equal(ov_user_admin_create(tx, 250, &in, ov_time_now(), &id,
                                          code, &e1),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    in.team_ids[0] = 999999;
    tx = begin(&w);
    assert_int_equal(ov_user_admin_create(tx, 250, &in, ov_time_now(), &id,
                                          code, &e2),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    assert_string_equal(e1.field, "team_ids");
    assert_string_equal(e2.field, "team_ids");
    /* the national analyst is not the administrator's to give */
    in.nteams = 0;
    in.role = OV_ROLE_NATIONAL_ANALYST;
    tx = begin(&w);
    assert_int_equal(ov_user_admin_create(tx, 250, &in, ov_time_now(), &id,
                                          code, &e1),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    assert_string_equal(e1.field, "role");
    /* Tønder's team cannot take Halsnæs staff, nor be renamed by 250 */
    tx = begin(&w);
    assert_int_equal(ov_org_team_member(tx, 550, w.team_tonder, w.job, true,
                                        &e1),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    tx = begin(&w);
    assert_int_equal(ov_org_team_rename(tx, 250, w.team_tonder,
                                        OV_STR_LIT("X"), &e1),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    tu_db_free(&w.t);
}

/* issue 13 section 4: a municipality keeps an active administrator; an
 * administrator takes neither their own role nor their own access away */
static void the_last_administrator_stays_and_nobody_demotes_themself(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    ov_tx *tx = begin(&w);
    int64_t admin = tu_add_user(tx, "admin", OV_ROLE_ADMINISTRATOR, 250, 0);
    done(tx, OV_OK, &err);
    ov_user_admin_input demote = {.full_name = OV_STR_LIT("Ada Admin"),
                                  .role = OV_ROLE_LEADER};
    /* alone: neither demoted nor deactivated, by themself or anyone */
    tx = begin(&w);
    assert_int_equal(ov_user_admin_update_by(tx, 250, admin, admin, &demote,
                                             &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    assert_int_equal(err.id, OV_EM_user_self_demote);
    assert_string_equal(err.field, "role");
    tx = begin(&w);
    assert_int_equal(ov_user_admin_update(tx, 250, admin, &demote, &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    assert_int_equal(err.id, OV_EM_user_last_admin_demote);
    tx = begin(&w);
    assert_int_equal(ov_user_deactivate(tx, 250, admin, 0, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    assert_int_equal(err.id, OV_EM_user_last_admin_deactivate);
    /* Tønder's administrator does not count for Halsnæs */
    tx = begin(&w);
    tu_add_user(tx, "admin2", OV_ROLE_ADMINISTRATOR, 550, 0);
    done(tx, OV_OK, &err);
    tx = begin(&w);
    assert_int_equal(ov_user_deactivate(tx, 250, admin, 0, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    /* a second administrator in Halsnæs: the first may go, by them */
    tx = begin(&w);
    int64_t second = tu_add_user(tx, "admin3", OV_ROLE_ADMINISTRATOR, 250, 0);
    done(tx, OV_OK, &err);
    tx = begin(&w);
    assert_int_equal(ov_user_admin_update_by(tx, 250, admin, admin, &demote,
                                             &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    tx = begin(&w);
    done(tx, ov_user_admin_update_by(tx, 250, admin, second, &demote, &err),
         &err);
    /* now `second` is the last one */
    tx = begin(&w);
    assert_int_equal(ov_user_deactivate(tx, 250, second, admin, &err),
                     OV_EINVAL);
    ov_tx_rollback(tx);
    assert_int_equal(err.id, OV_EM_user_last_admin_deactivate);
    tu_db_free(&w.t);
}

/* A reactivated user is active again but logs in only with a new code:
 * the old password is gone, and the reactivation is audited. */
static void reactivation_needs_a_new_code(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    ov_time now = ov_time_now();
    char code[OV_ACTIVATION_CODE_BUF];
    int64_t id = anna(&w, now, code);
    assert_int_equal(activate(&w, "anna", code, now, &err), OV_OK);
    ov_tx *tx = begin(&w);
    /* active already */
    assert_int_equal(ov_user_reactivate(tx, 250, id, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    assert_int_equal(err.id, OV_EM_user_already_active);
    tx = begin(&w);
    done(tx, ov_user_deactivate(tx, 250, id, w.leader, &err), &err);
    /* another municipality's administrator: as if missing */
    tx = begin(&w);
    assert_int_equal(ov_user_reactivate(tx, 550, id, &err), OV_ENOTFOUND);
    ov_tx_rollback(tx);
    tx = begin(&w);
    done(tx, ov_user_reactivate(tx, 250, id, &err), &err);
    ov_arena *a = ov_arena_new(0);
    ov_user_row u;
    assert_int_equal(ov_tx_begin_read(w.t.store, &tx, &err), OV_OK);
    assert_int_equal(ov_user_get(tx, 250, id, now, a, &u, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_true(u.active);
    assert_false(u.has_password);
    char *n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log WHERE "
                        "criterion = 'bruger genaktiveret, bruger %lld'\"",
                        w.t.db, (long long)id);
    assert_int_equal(atoi(n), 1);
    free(n);
    /* a new code works */
    tx = begin(&w);
    done(tx, ov_user_issue_code(tx, 250, id, now, code, &err), &err);
    assert_int_equal(activate(&w, "anna", code, now, &err), OV_OK);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(code_is_stored_only_as_its_hash_and_works_once),
        cmocka_unit_test(
            code_expires_and_a_wrong_code_answers_as_an_unknown_user),
        cmocka_unit_test(deactivation_ends_the_sessions_at_once),
        cmocka_unit_test(
            the_last_administrator_stays_and_nobody_demotes_themself),
        cmocka_unit_test(reactivation_needs_a_new_code),
        cmocka_unit_test(
            another_municipality_s_team_or_user_answers_as_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
