/* Roles and actions: stable codes, Danish labels, validation of actors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/actor.h"

static void every_role_code_parses_back_to_its_role(void **state)
{
    (void)state;
    for (int r = 0; r < OV_ROLE_COUNT; r++) {
        ov_role out;
        assert_int_equal(ov_role_parse(ov_str_c(ov_role_code((ov_role)r)),
                                       "role", &out, NULL),
                         OV_OK);
        assert_int_equal(out, r);
        assert_true(strlen(ov_role_label_da((ov_role)r)) > 0);
    }
    assert_string_equal(ov_role_label_da(OV_ROLE_COMPANY_CONSULTANT),
                        "Virksomhedskonsulent");
}

static void an_unknown_role_is_an_error_listing_the_valid_ones(void **state)
{
    (void)state;
    ov_err err;
    ov_role out;
    assert_int_equal(ov_role_parse(OV_STR_LIT("boss"), "role", &out, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "role");
    assert_non_null(strstr(err.msg, "unknown role 'boss'"));
    assert_non_null(strstr(err.msg, "cti_worker"));
}

static void every_action_code_parses_back(void **state)
{
    (void)state;
    for (int a = 0; a < OV_ACT_COUNT; a++) {
        ov_action out;
        assert_int_equal(ov_action_parse(ov_str_c(ov_action_code((ov_action)a)),
                                         &out),
                         OV_OK);
        assert_int_equal(out, a);
    }
    ov_action out;
    assert_int_equal(ov_action_parse(OV_STR_LIT("peek"), &out), OV_EINVAL);
}

static void an_actor_needs_a_user_a_role_and_a_purpose(void **state)
{
    (void)state;
    ov_err err;
    ov_actor ok = {"job", OV_ROLE_EMPLOYMENT_CASEWORKER, "forløb 3"};
    assert_int_equal(ov_actor_validate(&ok, &err), OV_OK);
    ov_actor a = ok;
    a.user = "";
    assert_int_equal(ov_actor_validate(&a, &err), OV_EINVAL);
    assert_string_equal(err.field, "actor");
    a = ok;
    a.purpose = NULL;
    assert_int_equal(ov_actor_validate(&a, &err), OV_EINVAL);
    assert_string_equal(err.field, "purpose");
    a = ok;
    a.role = OV_ROLE_COUNT;
    assert_int_equal(ov_actor_validate(&a, &err), OV_EINVAL);
    char big[OV_PURPOSE_MAX + 2];
    memset(big, 'p', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    a = ok;
    a.purpose = big;
    assert_int_equal(ov_actor_validate(&a, &err), OV_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_role_code_parses_back_to_its_role),
        cmocka_unit_test(an_unknown_role_is_an_error_listing_the_valid_ones),
        cmocka_unit_test(every_action_code_parses_back),
        cmocka_unit_test(an_actor_needs_a_user_a_role_and_a_purpose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
