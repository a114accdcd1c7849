/* A municipality's settings: defaults, validation, life domains as text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/settings.h"

static void defaults_are_the_models_and_validate(void **state)
{
    (void)state;
    ov_settings s;
    ov_settings_default(&s);
    ov_err err;
    assert_int_equal(ov_settings_validate(&s, &err), OV_OK);
    assert_int_equal(s.screening.min_age, 30);
    assert_int_equal(s.screening.min_months_unemployed, 12);
    assert_int_equal(s.followup.interval_weeks, 4);
    assert_int_equal(s.cti.interval_days[2], 28);
    assert_int_equal(s.domains.n, 8);
    s.cti.interval_days[1] = 3;
    assert_int_equal(ov_settings_validate(&s, &err), OV_EINVAL);
    assert_string_equal(err.field, "interval_days");
    ov_settings_default(&s);
    s.followup.interval_weeks = 0;
    assert_int_equal(ov_settings_validate(&s, &err), OV_EINVAL);
    assert_string_equal(err.field, "followup_interval_weeks");
}

static void life_domains_round_trip_as_text(void **state)
{
    (void)state;
    ov_life_domains d;
    ov_err err;
    assert_int_equal(ov_life_domains_parse(OV_STR_LIT("housing = Bolig\n\n"
                                                      "work=Arbejde og "
                                                      "uddannelse\n"),
                                           &d, &err),
                     OV_OK);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.label_da[1], "Arbejde og uddannelse");
    char text[256];
    ov_life_domains_format(&d, text, sizeof text);
    assert_string_equal(text, "housing=Bolig\nwork=Arbejde og uddannelse\n");
    assert_int_equal(ov_life_domains_parse(OV_STR_LIT("Bolig\n"), &d, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "line 1"));
    assert_int_equal(ov_life_domains_parse(OV_STR_LIT("a=A\na=B\n"), &d, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "appears twice"));
    assert_int_equal(ov_life_domains_parse(OV_STR_LIT("Bad Code=X\n"), &d,
                                           &err),
                     OV_EINVAL);
    assert_int_equal(ov_life_domains_parse(OV_STR_LIT("\n"), &d, &err),
                     OV_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_are_the_models_and_validate),
        cmocka_unit_test(life_domains_round_trip_as_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
