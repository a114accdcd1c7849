/* CVR numbers: the modulus-11 check, spaces, length, letters, leading 0. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/cvr.h"

static const int weights[8] = {2, 7, 6, 5, 4, 3, 2, 1};

/* Complete a 7-digit prefix with the check digit computed here, independently
 * of the code under test; false when no digit 0-9 fits (remainder 10). */
static bool make_cvr(int prefix, char out[OV_CVR_BUF])
{
    snprintf(out, OV_CVR_BUF, "%07d0", prefix);
    int sum = 0;
    for (int i = 0; i < 7; i++)
        sum += (out[i] - '0') * weights[i];
    int check = (11 - sum % 11) % 11;
    if (check == 10)
        return false;
    out[7] = (char)('0' + check);
    return true;
}

static ov_status parse(const char *s, char out[OV_CVR_BUF], ov_err *err)
{
    ov_err_clear(err);
    return ov_cvr_parse(ov_str_c(s), "cvr", out, err);
}

static void known_cvr_numbers_pass(void **state)
{
    (void)state;
    /* Novo Nordisk, Carlsberg, A.P. Møller - Mærsk */
    static const char *const known[] = {"24256790", "61056416", "22756214"};
    for (size_t i = 0; i < 3; i++) {
        assert_true(ov_cvr_check(known[i]));
        char out[OV_CVR_BUF];
        ov_err err;
        assert_int_equal(parse(known[i], out, &err), OV_OK);
        assert_string_equal(out, known[i]);
    }
}

static void constructed_valid_numbers_pass_check_and_parse(void **state)
{
    (void)state;
    int made = 0;
    for (int prefix = 1000000; prefix <= 9999999; prefix += 7919) {
        char cvr[OV_CVR_BUF];
        if (!make_cvr(prefix, cvr))
            continue;
        made++;
        if (!ov_cvr_check(cvr))
            fail_msg("%s has a valid check digit but ov_cvr_check says no",
                     cvr);
        char out[OV_CVR_BUF];
        ov_err err;
        if (parse(cvr, out, &err) != OV_OK)
            fail_msg("%s rejected: %s", cvr, err.msg);
        assert_string_equal(out, cvr);
    }
    assert_true(made > 900);
}

static void every_single_changed_digit_fails_the_check(void **state)
{
    (void)state;
    char cvr[OV_CVR_BUF] = "24256790";
    for (int pos = 0; pos < 8; pos++) {
        char orig = cvr[pos];
        for (char d = '0'; d <= '9'; d++) {
            if (d == orig)
                continue;
            cvr[pos] = d;
            if (ov_cvr_check(cvr))
                fail_msg("%s passes the check after changing digit %d", cvr,
                         pos + 1);
            char out[OV_CVR_BUF];
            ov_err err;
            assert_int_equal(parse(cvr, out, &err), OV_EINVAL);
            assert_string_equal(err.field, "cvr");
        }
        cvr[pos] = orig;
    }
    assert_true(ov_cvr_check(cvr));
}

static void a_changed_digit_is_reported_as_a_check_digit_failure(void **state)
{
    (void)state;
    char out[OV_CVR_BUF];
    ov_err err;
    assert_int_equal(parse("24256791", out, &err), OV_EINVAL);
    assert_string_equal(err.field, "cvr");
    assert_non_null(strstr(err.msg, "check digit"));
}

static void spaces_are_tolerated(void **state)
{
    (void)state;
    char out[OV_CVR_BUF];
    ov_err err;
    assert_int_equal(parse("2425 6790", out, &err), OV_OK);
    assert_string_equal(out, "24256790");
    assert_int_equal(parse(" 24 25 67 90 ", out, &err), OV_OK);
    assert_string_equal(out, "24256790");
    /* "1234 5678" is read as 12345678, which fails only the check digit */
    assert_int_equal(parse("1234 5678", out, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "check digit"));
}

static void assert_rejected(const char *s)
{
    char out[OV_CVR_BUF];
    ov_err err;
    ov_status st = parse(s, out, &err);
    if (st != OV_EINVAL)
        fail_msg("'%s': status %d, want OV_EINVAL", s, (int)st);
    if (strcmp(err.field, "cvr") != 0)
        fail_msg("'%s': err.field '%s', want 'cvr'", s, err.field);
    if (err.msg[0] == '\0')
        fail_msg("'%s': empty message", s);
}

static void seven_and_nine_digits_are_rejected(void **state)
{
    (void)state;
    assert_rejected("2425679");
    assert_rejected("242567901");
    assert_rejected("2425 67901");
    assert_rejected("");
    assert_rejected("   ");
}

static void letters_are_rejected(void **state)
{
    (void)state;
    assert_rejected("DK24256790");
    assert_rejected("2425679O");
    assert_rejected("24-25-67-90");
    assert_rejected("24256790\t");
    assert_false(ov_cvr_check("2425679a"));
}

static void a_leading_zero_is_rejected_even_with_a_valid_sum(void **state)
{
    (void)state;
    /* 0123456x: 7+12+15+16+15+12 = 77, so x = 0 makes the sum divisible */
    char cvr[OV_CVR_BUF];
    assert_true(make_cvr(123456, cvr));
    assert_string_equal(cvr, "01234560");
    assert_false(ov_cvr_check(cvr));
    assert_rejected(cvr);
    char out[OV_CVR_BUF];
    ov_err err;
    assert_int_equal(parse(cvr, out, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "start with 0"));
}

static void errors_name_the_given_field(void **state)
{
    (void)state;
    char out[OV_CVR_BUF];
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(
        ov_cvr_parse(ov_str_c("123"), "arbejdsgiver_cvr", out, &err),
        OV_EINVAL);
    assert_string_equal(err.field, "arbejdsgiver_cvr");
    ov_err_clear(&err);
    assert_int_equal(ov_cvr_parse(ov_str_c("123"), NULL, out, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "cvr");
}

/* 1*2 + 0*7 + 1*6 + 5*5 + 0*4 + 8*3 + 1*2 + 7*1 = 66 = 6 * 11 */
static void cvr_10150817_has_weighted_sum_66_and_passes(void **state)
{
    (void)state;
    assert_true(ov_cvr_check("10150817"));
    char out[OV_CVR_BUF];
    ov_err err;
    assert_int_equal(parse("1015 0817", out, &err), OV_OK);
    assert_string_equal(out, "10150817");
    assert_false(ov_cvr_check("10150818"));
    assert_false(ov_cvr_check("10150871")); /* transposed digits */
}

static void wrong_length_message_says_how_many_digits_were_given(void **state)
{
    (void)state;
    char out[OV_CVR_BUF];
    ov_err err;
    assert_int_equal(parse("2425679", out, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "8 digits; got 7"));
    assert_int_equal(parse("24 25 67 90 1", out, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "8 digits; got 9"));
    assert_int_equal(parse("DK24256790", out, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "character 1 is not a digit"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_cvr_numbers_pass),
        cmocka_unit_test(constructed_valid_numbers_pass_check_and_parse),
        cmocka_unit_test(every_single_changed_digit_fails_the_check),
        cmocka_unit_test(a_changed_digit_is_reported_as_a_check_digit_failure),
        cmocka_unit_test(spaces_are_tolerated),
        cmocka_unit_test(seven_and_nine_digits_are_rejected),
        cmocka_unit_test(letters_are_rejected),
        cmocka_unit_test(a_leading_zero_is_rejected_even_with_a_valid_sum),
        cmocka_unit_test(errors_name_the_given_field),
        cmocka_unit_test(cvr_10150817_has_weighted_sum_66_and_passes),
        cmocka_unit_test(wrong_length_message_says_how_many_digits_were_given),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
