/*
 * One input layer for forms and JSON: strict, the same rules for both,
 * errors naming the field in the user's language.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/cti.h"
#include "web/form.h"

static const char *color_opt(int i)
{
    static const char *const c[] = {"red", "green"};
    return i >= 0 && i < 2 ? c[i] : NULL;
}

static const ov_field spec[] = {
    {.name = "name", .type = OV_F_TEXT, .required = true, .max = 10,
     .label = "company.name"},
    {.name = "notes", .type = OV_F_TEXTAREA, .max = 50,
     .label = "meeting.notes"},
    {.name = "n", .type = OV_F_INT, .min = 1, .max_i = 9,
     .label = "cti.minutes"},
    {.name = "on", .type = OV_F_DATE, .label = "common.date"},
    {.name = "ok", .type = OV_F_BOOL, .label = "plan.with_citizen"},
    {.name = "color", .type = OV_F_CHOICE, .option = color_opt, .noptions = 2,
     .option_prefix = "color", .label = "plan.status"},
    {.name = "tags", .type = OV_F_CHOICES, .max = 2, .option = color_opt,
     .noptions = 2, .option_prefix = "color", .label = "plan.status"},
    {.name = "hours", .type = OV_F_HOURS, .label = "hours.ordinary"},
    {.name = "a.*.text", .type = OV_F_TEXT, .max = 20, .label = "plan.goal"},
    {.name = "a.*.b.*.x", .type = OV_F_INT, .min = 0, .max_i = 4,
     .label = "plan.goal"},
};
#define NSPEC ((int)(sizeof spec / sizeof spec[0]))

typedef struct fx {
    ov_arena *a;
    ov_form f;
} fx;

static int setup(void **state)
{
    fx *x = calloc(1, sizeof *x);
    x->a = ov_arena_new(0);
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_EN, x->a);
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    fx *x = *state;
    ov_arena_destroy(x->a);
    free(x);
    return 0;
}

static void urlencoded_values_are_decoded_and_typed(void **state)
{
    fx *x = *state;
    assert_int_equal(
        ov_form_parse_urlencoded(&x->f,
                                 OV_STR_LIT("name=%C3%86bleg%C3%A5rd&n=3&"
                                            "on=2026-11-23&ok=on&tags=red&"
                                            "tags=green&hours=12%2C5&"
                                            "csrf=abc&notes=a+b"),
                                 "csrf"),
        OV_OK);
    assert_true(ov_str_eq_c(ov_form_str(&x->f, "name"), "Æblegård"));
    assert_true(ov_str_eq_c(ov_form_str(&x->f, "notes"), "a b"));
    assert_int_equal(ov_form_int(&x->f, "n", 0), 3);
    assert_int_equal(ov_form_date(&x->f, "on", 0),
                     ov_date_from_ymd(2026, 11, 23));
    assert_true(ov_form_bool(&x->f, "ok"));
    assert_int_equal(ov_form_hours(&x->f, "hours", 0), 125);
    ov_str tags[4];
    assert_int_equal(ov_form_values(&x->f, "tags", tags, 4), 2);
    assert_false(ov_form_has(&x->f, "csrf"));
}

static void each_bad_value_gets_an_error_on_its_field(void **state)
{
    fx *x = *state;
    assert_int_equal(
        ov_form_parse_urlencoded(&x->f,
                                 OV_STR_LIT("name=abcdefghijkl&n=12&on=23-13-"
                                            "2026x&color=blue&hours=99&"
                                            "bogus=1"),
                                 NULL),
        OV_EINVAL);
    assert_non_null(ov_form_error_of(&x->f, "name"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "name"), "at most 10"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "n"), "between 1-9"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "on"), "YYYY-MM-DD"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "color"), "red, green"));
    assert_non_null(ov_form_error_of(&x->f, "hours"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "bogus"), "unknown field"));
}

static void a_missing_required_field_is_named(void **state)
{
    fx *x = *state;
    assert_int_equal(ov_form_parse_urlencoded(&x->f, OV_STR_LIT("n=2"), NULL),
                     OV_EINVAL);
    assert_string_equal(ov_form_error_of(&x->f, "name"), "is required");
    ov_err e;
    ov_form_first_error(&x->f, &e);
    assert_string_equal(e.field, "name");
}

static void a_field_sent_twice_and_control_characters_are_refused(void **state)
{
    fx *x = *state;
    assert_int_equal(ov_form_parse_urlencoded(
                         &x->f, OV_STR_LIT("name=a&name=b&notes=x%00y"), NULL),
                     OV_EINVAL);
    assert_non_null(strstr(ov_form_error_of(&x->f, "name"), "more than once"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "notes"), "control"));
}

static void bad_percent_escapes_and_invalid_utf8_are_refused(void **state)
{
    fx *x = *state;
    assert_int_equal(
        ov_form_parse_urlencoded(&x->f, OV_STR_LIT("name=%ZZ"), NULL),
        OV_EINVAL);
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_EN, x->a);
    assert_int_equal(
        ov_form_parse_urlencoded(&x->f, OV_STR_LIT("name=%FF%FE"), NULL),
        OV_EINVAL);
    assert_non_null(strstr(ov_form_error_of(&x->f, "name"), "UTF-8"));
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_EN, x->a);
    assert_int_equal(ov_form_parse_urlencoded(&x->f, OV_STR_LIT("name=%4"),
                                              NULL),
                     OV_EINVAL);
}

static void json_nests_into_dotted_names(void **state)
{
    fx *x = *state;
    assert_int_equal(
        ov_form_parse_json(&x->f,
                           OV_STR_LIT("{\"name\":\"x\",\"ok\":true,\"n\":4,"
                                      "\"tags\":[\"red\"],\"hours\":7.5,"
                                      "\"a\":[{\"text\":\"first\",\"b\":[{"
                                      "\"x\":2}]},{\"text\":\"second\"}]}")),
        OV_OK);
    assert_true(ov_form_bool(&x->f, "ok"));
    assert_int_equal(ov_form_hours(&x->f, "hours", 0), 75);
    assert_true(ov_str_eq_c(ov_form_str(&x->f, "a.1.text"), "second"));
    assert_int_equal(ov_form_int(&x->f, "a.0.b.0.x", -1), 2);
    ov_str keys[4];
    assert_int_equal(ov_form_keys(&x->f, "a.*.text", keys, 4), 2);
    assert_true(ov_str_eq_c(keys[0], "0"));
}

static void json_wrong_types_and_unknown_fields_are_refused(void **state)
{
    fx *x = *state;
    assert_int_equal(
        ov_form_parse_json(&x->f, OV_STR_LIT("{\"name\":5,\"n\":\"4\","
                                             "\"ok\":\"yes\",\"tags\":\"red\","
                                             "\"extra\":1}")),
        OV_EINVAL);
    assert_non_null(strstr(ov_form_error_of(&x->f, "name"), "JSON string"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "n"), "JSON integer"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "ok"), "true or false"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "tags"), "list"));
    assert_non_null(strstr(ov_form_error_of(&x->f, "extra"), "unknown"));
}

static void malformed_json_and_duplicate_keys_are_refused(void **state)
{
    fx *x = *state;
    assert_int_equal(ov_form_parse_json(&x->f, OV_STR_LIT("{\"name\":")),
                     OV_EINVAL);
    assert_non_null(strstr(x->f.errors[0].msg, "not valid JSON"));
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_EN, x->a);
    assert_int_equal(ov_form_parse_json(
                         &x->f, OV_STR_LIT("{\"name\":\"a\",\"name\":\"b\"}")),
                     OV_EINVAL);
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_EN, x->a);
    assert_int_equal(ov_form_parse_json(&x->f, OV_STR_LIT("[1,2]")),
                     OV_EINVAL);
}

static void multipart_parts_become_fields(void **state)
{
    fx *x = *state;
    const char body[] =
        "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
        "tok\r\n--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n"
        "\r\nfirm\r\n--XyZ\r\nContent-Disposition: form-data; "
        "name=\"notes\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        "a;b\r\nc;d\r\n--XyZ--\r\n";
    assert_int_equal(ov_form_parse_multipart(&x->f,
                                             (ov_str){body, sizeof body - 1},
                                             OV_STR_LIT("XyZ"), "csrf"),
                     OV_OK);
    assert_true(ov_str_eq_c(ov_form_str(&x->f, "name"), "firm"));
    assert_true(ov_str_eq_c(ov_form_str(&x->f, "notes"), "a;b\r\nc;d"));
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_EN, x->a);
    assert_int_equal(ov_form_parse_multipart(&x->f, OV_STR_LIT("garbage"),
                                             OV_STR_LIT("XyZ"), NULL),
                     OV_EINVAL);
}

static void errors_are_in_the_users_language(void **state)
{
    fx *x = *state;
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_DA, x->a);
    assert_int_equal(ov_form_parse_urlencoded(&x->f, OV_STR_LIT("n=x"), NULL),
                     OV_EINVAL);
    assert_string_equal(ov_form_error_of(&x->f, "n"), "skal være et helt tal");
    assert_string_equal(ov_form_error_of(&x->f, "name"), "skal udfyldes");
}

static void a_model_error_shows_next_to_its_field_in_the_users_language(
    void **state)
{
    fx *x = *state;
    ov_err e;
    int months;
    assert_int_equal(ov_cti_length(OV_BASIS_SEL85, 30, &months, &e),
                     OV_EINVAL);
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_DA, x->a);
    assert_int_equal(ov_form_fail_err(&x->f, &e), OV_EINVAL);
    assert_string_equal(ov_form_error_of(&x->f, "length_months"),
                        "Længden skal være 3-24 måneder; du skrev 30");
    ov_form_init(&x->f, spec, NSPEC, OV_LANG_EN, x->a);
    ov_form_fail_err(&x->f, &e);
    assert_string_equal(ov_form_error_of(&x->f, "length_months"),
                        "length_months: use 3-24 months; got 30");
}

static void the_csrf_field_can_be_peeked_before_parsing(void **state)
{
    (void)state;
    ov_request req;
    memset(&req, 0, sizeof req);
    req.nheaders = 1;
    req.headers[0] = (ov_header){OV_STR_LIT("Content-Type"),
                                 OV_STR_LIT("application/x-www-form-urlencoded")};
    req.body = OV_STR_LIT("a=1&csrf=deadbeef&b=2");
    assert_true(ov_str_eq_c(ov_form_peek(&req, "csrf"), "deadbeef"));
    req.body = OV_STR_LIT("a=1");
    assert_null(ov_form_peek(&req, "csrf").ptr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(urlencoded_values_are_decoded_and_typed,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            each_bad_value_gets_an_error_on_its_field, setup, teardown),
        cmocka_unit_test_setup_teardown(a_missing_required_field_is_named,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            a_field_sent_twice_and_control_characters_are_refused, setup,
            teardown),
        cmocka_unit_test_setup_teardown(
            bad_percent_escapes_and_invalid_utf8_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(json_nests_into_dotted_names, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            json_wrong_types_and_unknown_fields_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(
            malformed_json_and_duplicate_keys_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(multipart_parts_become_fields, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            a_model_error_shows_next_to_its_field_in_the_users_language, setup,
            teardown),
        cmocka_unit_test_setup_teardown(errors_are_in_the_users_language,
                                        setup, teardown),
        cmocka_unit_test(the_csrf_field_can_be_peeked_before_parsing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
