/* The suppression threshold is a setting: default 5, never below 3,
 * refused with a message that says the minimum, from a flag, the
 * environment or a file alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/config.h"

static void suppress_k_defaults_to_5(void **state)
{
    (void)state;
    unsetenv("OVERGANG_SUPPRESS_K");
    ov_config cfg;
    ov_config_init(&cfg);
    assert_string_equal(ov_config_get(&cfg, OV_SET_SUPPRESS_K), "5");
    assert_int_equal(ov_setting_by_name("suppress_k"), OV_SET_SUPPRESS_K);
}

static void suppress_k_below_3_is_refused_with_the_minimum(void **state)
{
    (void)state;
    ov_config cfg;
    ov_config_init(&cfg);
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_config_set(&cfg, OV_SET_SUPPRESS_K, "2", OV_SRC_FLAG,
                                   "--suppress-k", &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "give 3 or more"));
    assert_string_equal(ov_config_get(&cfg, OV_SET_SUPPRESS_K), "5");
    assert_int_equal(ov_config_set(&cfg, OV_SET_SUPPRESS_K, "few",
                                   OV_SRC_FLAG, "--suppress-k", &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "'few' is not a number of citizens"));
    setenv("OVERGANG_SUPPRESS_K", "1", 1);
    assert_int_equal(ov_config_load_env(&cfg, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "OVERGANG_SUPPRESS_K"));
    unsetenv("OVERGANG_SUPPRESS_K");
    assert_int_equal(ov_config_set(&cfg, OV_SET_SUPPRESS_K, "3", OV_SRC_FLAG,
                                   "--suppress-k", &err),
                     OV_OK);
    assert_string_equal(ov_config_get(&cfg, OV_SET_SUPPRESS_K), "3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suppress_k_defaults_to_5),
        cmocka_unit_test(suppress_k_below_3_is_refused_with_the_minimum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
