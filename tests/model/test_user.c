/* The rules of user administration (model/user.h) and the settings
 * page's table of whole-number settings (model/settings.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/settings.h"
#include "model/user.h"

static void an_administrator_gives_staff_roles_only(void **state)
{
    (void)state;
    ov_err err;
    assert_true(ov_admin_may_give_role(OV_ROLE_ADMINISTRATOR));
    assert_true(ov_admin_may_give_role(OV_ROLE_LEADER));
    assert_true(ov_admin_may_give_role(OV_ROLE_CTI_WORKER));
    assert_false(ov_admin_may_give_role(OV_ROLE_NATIONAL_ANALYST));
    assert_false(ov_admin_may_give_role(OV_ROLE_CITIZEN));
    assert_false(ov_admin_may_give_role(OV_ROLE_EMPLOYER));
    assert_false(ov_admin_may_give_role(OV_ROLE_SYSTEM));
    assert_int_equal(ov_user_validate_role_given(OV_ROLE_NATIONAL_ANALYST,
                                                 &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "role");
}

static void phone_and_email_are_checked_and_may_be_empty(void **state)
{
    (void)state;
    ov_err err;
    assert_int_equal(ov_user_validate_phone(OV_STR_LIT(""), &err), OV_OK);
    assert_int_equal(ov_user_validate_phone(OV_STR_LIT("+45 47 78 40 00"),
                                            &err),
                     OV_OK);
    assert_int_equal(ov_user_validate_phone(OV_STR_LIT("4778-4000"), &err),
                     OV_OK);
    assert_int_equal(ov_user_validate_phone(OV_STR_LIT("12345"), &err),
                     OV_EINVAL);
    assert_int_equal(ov_user_validate_phone(OV_STR_LIT("47 78 40 00 +1"),
                                            &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "phone");
    assert_int_equal(ov_user_validate_email(OV_STR_LIT(""), &err), OV_OK);
    assert_int_equal(ov_user_validate_email(OV_STR_LIT("anna@halsnaes.dk"),
                                            &err),
                     OV_OK);
    const char *bad[] = {"anna", "anna@", "@halsnaes.dk", "anna@halsnaes",
                         "a@b@c.dk", "anna jensen@halsnaes.dk",
                         "anna@halsnaes.", "anna@.dk"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(ov_user_validate_email(ov_str_c(bad[i]), &err),
                         OV_EINVAL);
        assert_string_equal(err.field, "email");
    }
}

static void a_password_has_10_to_256_characters(void **state)
{
    (void)state;
    ov_err err;
    assert_int_equal(ov_user_validate_password(OV_STR_LIT("123456789"), &err),
                     OV_EINVAL);
    assert_string_equal(err.msg, "password: 10-256 characters");
    assert_int_equal(ov_user_validate_password(OV_STR_LIT("1234567890"),
                                               &err),
                     OV_OK);
    char big[258];
    memset(big, 'x', sizeof big);
    assert_int_equal(ov_user_validate_password((ov_str){big, 257}, &err),
                     OV_EINVAL);
}

static void codes_are_random_and_read_back_in_any_case_and_grouping(
    void **state)
{
    (void)state;
    char a[OV_ACTIVATION_CODE_BUF], b[OV_ACTIVATION_CODE_BUF];
    ov_activation_code_new(a);
    ov_activation_code_new(b);
    assert_int_equal((int)strlen(a), 14);
    assert_true(a[4] == '-' && a[9] == '-');
    assert_string_not_equal(a, b);
    char canon[OV_ACTIVATION_CODE_CHARS + 1];
    assert_true(ov_activation_code_canon(ov_str_c(a), canon));
    char lower[32];
    size_t k = 0;
    for (const char *p = a; *p; p++)
        if (*p != '-')
            lower[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
    lower[k] = '\0';
    char again[OV_ACTIVATION_CODE_CHARS + 1];
    assert_true(ov_activation_code_canon(ov_str_c(lower), again));
    assert_string_equal(canon, again);
    /* look-alikes are not in the alphabet; too short or too long is no
     * code */
    assert_false(ov_activation_code_canon(OV_STR_LIT("O0I1-2222-2222"),
                                          canon));
    assert_false(ov_activation_code_canon(OV_STR_LIT("2222-2222-222"),
                                          canon));
    assert_false(ov_activation_code_canon(OV_STR_LIT("2222-2222-22222"),
                                          canon));
}

/* The page's ranges are the validators' ranges: the edges pass, one
 * beyond fails with the setting's own field (as the page names it). */
static void every_setting_s_range_is_the_validator_s(void **state)
{
    (void)state;
    for (int i = 0; i < ov_nsetting_ints; i++) {
        const ov_setting_int *d = &ov_setting_ints[i];
        ov_settings s;
        ov_err err;
        ov_settings_default(&s);
        int def = ov_setting_int_get(&s, d);
        /* an optional setting (retention_years) is empty, 0, by default */
        bool empty_ok = ov_setting_int_empty_ok(d);
        assert_true((def >= d->min && def <= d->max) ||
                    (empty_ok && def == 0));
        /* the CTI intervals must not decrease: move the others along */
        for (int edge = 0; edge < 2; edge++) {
            ov_settings_default(&s);
            int v = edge ? d->max : d->min;
            if (strncmp(d->code, "cti_interval", 12) == 0)
                for (int k = 0; k < 3; k++)
                    s.cti.interval_days[k] = v;
            ov_setting_int_set(&s, d, v);
            if (ov_settings_validate(&s, &err) != OV_OK)
                fail_msg("%s = %d (an edge of %d-%d) refused: %s", d->code,
                         v, d->min, d->max, err.msg);
            /* below an optional setting's range, 0 is "empty": -1 */
            int below = empty_ok ? -1 : d->min - 1;
            ov_setting_int_set(&s, d, edge ? d->max + 1 : below);
            if (strncmp(d->code, "cti_interval", 12) == 0)
                for (int k = 0; k < 3; k++)
                    s.cti.interval_days[k] = edge ? d->max + 1 : d->min - 1;
            assert_int_equal(ov_settings_validate(&s, &err), OV_EINVAL);
            if (strncmp(d->code, "cti_interval", 12) != 0)
                assert_string_equal(ov_setting_field_of(err.field), d->code);
        }
    }
}

/* issue 13 section 4: nobody locks themself out, and a municipality
 * always keeps an active administrator */
static void an_administrator_never_removes_themself_nor_the_last_one(
    void **state)
{
    (void)state;
    ov_err err;
    const ov_role A = OV_ROLE_ADMINISTRATOR, J = OV_ROLE_EMPLOYMENT_CASEWORKER;
    /* self, deactivated: refused even with other administrators */
    ov_admin_change c = {7, 7, A, A, true, false, 3};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_EINVAL);
    assert_int_equal(err.id, OV_EM_user_self_deactivate);
    assert_string_equal(err.field, "user_id");
    /* self, demoted */
    c = (ov_admin_change){7, 7, A, J, true, true, 3};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_EINVAL);
    assert_int_equal(err.id, OV_EM_user_self_demote);
    assert_string_equal(err.field, "role");
    /* the last active administrator, by someone else (a second
     * administrator just made inactive cannot exist, so this is the
     * count of one seen from a national analyst or the CLI) */
    c = (ov_admin_change){1, 7, A, A, true, false, 1};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_EINVAL);
    assert_int_equal(err.id, OV_EM_user_last_admin_deactivate);
    c = (ov_admin_change){1, 7, A, J, true, true, 1};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_EINVAL);
    assert_int_equal(err.id, OV_EM_user_last_admin_demote);
    /* another administrator while two are active: allowed */
    c = (ov_admin_change){1, 7, A, J, true, true, 2};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_OK);
    c = (ov_admin_change){1, 7, A, A, true, false, 2};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_OK);
    /* self, keeping the role (a new phone number): allowed */
    c = (ov_admin_change){7, 7, A, A, true, true, 1};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_OK);
    /* a caseworker deactivating is not an administrator's change */
    c = (ov_admin_change){1, 7, J, J, true, false, 1};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_OK);
    /* promoting someone, and reactivating, never lose an administrator */
    c = (ov_admin_change){7, 8, J, A, true, true, 1};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_OK);
    c = (ov_admin_change){7, 8, A, A, false, true, 1};
    assert_int_equal(ov_admin_change_check(&c, &err), OV_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_administrator_gives_staff_roles_only),
        cmocka_unit_test(
            an_administrator_never_removes_themself_nor_the_last_one),
        cmocka_unit_test(phone_and_email_are_checked_and_may_be_empty),
        cmocka_unit_test(a_password_has_10_to_256_characters),
        cmocka_unit_test(
            codes_are_random_and_read_back_in_any_case_and_grouping),
        cmocka_unit_test(every_setting_s_range_is_the_validator_s),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
