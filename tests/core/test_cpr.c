/* CPR numbers: the century table, impossible dates, form, sex, modulus 11,
 * formatting, and error messages that never echo the number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/cpr.h"

/* Parse a C string as field "cpr"; the error is cleared first. */
static ov_status parse(const char *s, ov_cpr *out, ov_err *err)
{
    ov_err_clear(err);
    return ov_cpr_parse(ov_str_c(s), "cpr", out, err);
}

static int birth_year_of(const ov_cpr *c)
{
    return ov_date_to_ymd(c->birth).year;
}

/* The weighted sum computed here, independently of ov_cpr_mod11. */
static bool own_mod11(const char d[10])
{
    static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 10; i++)
        sum += (d[i] - '0') * w[i];
    return sum % 11 == 0;
}

typedef struct century_case {
    int yy, d7, year;
} century_case;

/* Every boundary of the official table. */
static const century_case century_table[] = {
    /* 0-3: always 1900s */
    {0, 0, 1900}, {36, 0, 1936}, {37, 0, 1937}, {57, 0, 1957},
    {58, 0, 1958}, {99, 0, 1999}, {0, 1, 1900}, {99, 1, 1999},
    {0, 2, 1900}, {99, 2, 1999}, {0, 3, 1900}, {57, 3, 1957},
    {58, 3, 1958}, {99, 3, 1999},
    /* 4 and 9: 00-36 -> 2000s, 37-99 -> 1900s */
    {0, 4, 2000}, {36, 4, 2036}, {37, 4, 1937}, {99, 4, 1999},
    {0, 9, 2000}, {36, 9, 2036}, {37, 9, 1937}, {99, 9, 1999},
    /* 5-8: 00-57 -> 2000s, 58-99 -> 1800s */
    {0, 5, 2000}, {57, 5, 2057}, {58, 5, 1858}, {99, 5, 1899},
    {0, 6, 2000}, {57, 6, 2057}, {58, 6, 1858}, {99, 6, 1899},
    {0, 7, 2000}, {57, 7, 2057}, {58, 7, 1858}, {99, 7, 1899},
    {0, 8, 2000}, {57, 8, 2057}, {58, 8, 1858}, {99, 8, 1899},
};

static void birth_year_follows_the_century_table_at_every_boundary(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof century_table / sizeof century_table[0];
         i++) {
        const century_case *c = &century_table[i];
        int got = ov_cpr_birth_year(c->yy, c->d7);
        if (got != c->year)
            fail_msg("yy %02d, 7th digit %d: got %d, want %d", c->yy, c->d7,
                     got, c->year);
    }
}

static void cpr_7th_digit_4_year_36_is_2036_and_37_is_1937(void **state)
{
    (void)state;
    assert_int_equal(ov_cpr_birth_year(36, 4), 2036);
    assert_int_equal(ov_cpr_birth_year(37, 4), 1937);
    assert_int_equal(ov_cpr_birth_year(57, 5), 2057);
    assert_int_equal(ov_cpr_birth_year(58, 5), 1858);
}

static void birth_year_is_0_for_inputs_out_of_range(void **state)
{
    (void)state;
    assert_int_equal(ov_cpr_birth_year(-1, 0), 0);
    assert_int_equal(ov_cpr_birth_year(100, 0), 0);
    assert_int_equal(ov_cpr_birth_year(50, -1), 0);
    assert_int_equal(ov_cpr_birth_year(50, 10), 0);
}

static void parsed_birth_date_follows_the_century_table_at_every_boundary(
    void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof century_table / sizeof century_table[0];
         i++) {
        const century_case *c = &century_table[i];
        char s[16];
        snprintf(s, sizeof s, "1503%02d-%d321", c->yy, c->d7);
        ov_cpr cpr;
        ov_err err;
        if (parse(s, &cpr, &err) != OV_OK)
            fail_msg("%s rejected: %s", s, err.msg);
        if (cpr.birth != ov_date_from_ymd(c->year, 3, 15))
            fail_msg("%s: birth year %d, want %d", s, birth_year_of(&cpr),
                     c->year);
    }
}

static void birth_date_is_day_month_and_year_from_the_first_six_digits(
    void **state)
{
    (void)state;
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("241298-1234", &c, &err), OV_OK);
    ov_ymd y = ov_date_to_ymd(c.birth);
    assert_int_equal(y.year, 1998);
    assert_int_equal(y.month, 12);
    assert_int_equal(y.day, 24);
}

static void numbers_without_a_valid_check_digit_are_accepted_with_mod11_false(
    void **state)
{
    (void)state;
    ov_cpr c;
    ov_err err;
    /* 4*0+3*1+2*0+7*1+6*9+5*0+4*1+3*2+2*3+1*4 = 84, not divisible by 11 */
    assert_false(own_mod11("0101901234"));
    assert_int_equal(parse("010190-1234", &c, &err), OV_OK);
    assert_false(c.mod11_ok);
    assert_false(ov_cpr_mod11("0101901234"));
}

static void numbers_with_a_valid_check_digit_give_mod11_true(void **state)
{
    (void)state;
    /* a well-known valid example: 070761-4285 (weighted sum 154 = 14*11) */
    assert_true(own_mod11("0707614285"));
    assert_true(ov_cpr_mod11("0707614285"));
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("070761-4285", &c, &err), OV_OK);
    assert_true(c.mod11_ok);

    /* search candidates; ov_cpr_mod11 must agree with the sum computed here,
     * and parse must report the same */
    int valid = 0, invalid = 0;
    for (int serial = 0; serial < 2000; serial++) {
        char d[11];
        snprintf(d, sizeof d, "120385%04d", serial);
        bool want = own_mod11(d);
        if (ov_cpr_mod11(d) != want)
            fail_msg("ov_cpr_mod11(%s) = %d, want %d", d, !want, want);
        assert_int_equal(parse(d, &c, &err), OV_OK);
        if (c.mod11_ok != want)
            fail_msg("%s: mod11_ok %d, want %d", d, c.mod11_ok, want);
        if (want)
            valid++;
        else
            invalid++;
    }
    /* about one in eleven passes */
    assert_in_range(valid, 100, 250);
    assert_true(invalid > valid);
}

static void assert_rejected(const char *s)
{
    ov_cpr c;
    ov_err err;
    ov_status st = parse(s, &c, &err);
    if (st != OV_EINVAL)
        fail_msg("'%s': status %d, want OV_EINVAL", s, (int)st);
    if (strcmp(err.field, "cpr") != 0)
        fail_msg("'%s': err.field '%s', want 'cpr'", s, err.field);
    if (err.msg[0] == '\0')
        fail_msg("'%s': empty error message", s);
}

static void day_31_in_april_is_rejected_with_field_cpr(void **state)
{
    (void)state;
    assert_rejected("310490-1234");
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("310490-1234", &c, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "April"));
    /* 30 April and 31 March exist */
    assert_int_equal(parse("300490-1234", &c, &err), OV_OK);
    assert_int_equal(parse("310390-1234", &c, &err), OV_OK);
}

static void feb_29_in_a_common_year_is_rejected(void **state)
{
    (void)state;
    assert_rejected("290201-1234"); /* 1901 */
    assert_rejected("290223-4234"); /* 2023 */
    assert_rejected("290258-5234"); /* 1858 */
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("290201-1234", &c, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "1901"));
}

static void feb_29_1900_is_rejected_because_yy_00_with_7th_digit_0_to_3_is_1900(
    void **state)
{
    (void)state;
    assert_rejected("290200-0234");
    assert_rejected("290200-1234");
    assert_rejected("290200-3234");
    /* 28 February 1900 exists */
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("280200-1234", &c, &err), OV_OK);
    assert_int_equal(c.birth, ov_date_from_ymd(1900, 2, 28));
}

static void feb_29_2000_with_7th_digit_4_is_accepted(void **state)
{
    (void)state;
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("290200-4234", &c, &err), OV_OK);
    assert_int_equal(c.birth, ov_date_from_ymd(2000, 2, 29));
    assert_int_equal(parse("290200-5234", &c, &err), OV_OK);
    assert_int_equal(c.birth, ov_date_from_ymd(2000, 2, 29));
    assert_int_equal(parse("290296-1234", &c, &err), OV_OK); /* 1996 */
    assert_int_equal(c.birth, ov_date_from_ymd(1996, 2, 29));
    assert_int_equal(parse("290296-5234", &c, &err), OV_OK); /* 1896 */
    assert_int_equal(c.birth, ov_date_from_ymd(1896, 2, 29));
}

static void day_00_month_00_and_month_13_are_rejected(void **state)
{
    (void)state;
    assert_rejected("000190-1234");
    assert_rejected("010090-1234");
    assert_rejected("011390-1234");
    assert_rejected("320190-1234");
    assert_rejected("311190-1234");
}

static void with_and_without_dash_give_the_same_digits(void **state)
{
    (void)state;
    ov_cpr a, b;
    ov_err err;
    assert_int_equal(parse("010190-1234", &a, &err), OV_OK);
    assert_int_equal(parse("0101901234", &b, &err), OV_OK);
    assert_string_equal(a.digits, "0101901234");
    assert_string_equal(b.digits, "0101901234");
    assert_int_equal(a.birth, b.birth);
    assert_int_equal(a.birth, ov_date_from_ymd(1990, 1, 1));
    assert_int_equal(a.sex, b.sex);
    assert_int_equal(a.mod11_ok, b.mod11_ok);
}

static void dash_in_the_wrong_place_is_rejected(void **state)
{
    (void)state;
    assert_rejected("01019-01234");
    assert_rejected("0101-901234");
    assert_rejected("0101901-234");
    assert_rejected("010190--1234");
    assert_rejected("-0101901234");
    assert_rejected("0101901234-");
    assert_rejected("010190 1234");
}

static void nine_and_eleven_digits_are_rejected(void **state)
{
    (void)state;
    assert_rejected("010190123");
    assert_rejected("010190-123");
    assert_rejected("01019012345");
    assert_rejected("010190-12345");
}

static void letters_and_empty_input_are_rejected(void **state)
{
    (void)state;
    assert_rejected("01019O-1234");
    assert_rejected("010190-12a4");
    assert_rejected("abcdefghij");
    assert_rejected("");
    assert_rejected("   ");
    ov_cpr c;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_cpr_parse(OV_STR_NULL, "cpr", &c, &err), OV_EINVAL);
    assert_string_equal(err.field, "cpr");
}

static void errors_name_the_given_field(void **state)
{
    (void)state;
    ov_cpr c;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(
        ov_cpr_parse(ov_str_c("310490-1234"), "borger_cpr", &c, &err),
        OV_EINVAL);
    assert_string_equal(err.field, "borger_cpr");
    assert_non_null(strstr(err.msg, "borger_cpr"));
}

static void surrounding_blanks_are_ignored(void **state)
{
    (void)state;
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("  010190-1234\t\r\n", &c, &err), OV_OK);
    assert_string_equal(c.digits, "0101901234");
    assert_int_equal(parse(" 0101901234 ", &c, &err), OV_OK);
    assert_string_equal(c.digits, "0101901234");
}

static void sex_is_male_for_an_odd_last_digit_and_female_for_even(void **state)
{
    (void)state;
    for (int last = 0; last <= 9; last++) {
        char s[16];
        snprintf(s, sizeof s, "010190-123%d", last);
        ov_cpr c;
        ov_err err;
        assert_int_equal(parse(s, &c, &err), OV_OK);
        ov_sex want = last % 2 ? OV_SEX_MALE : OV_SEX_FEMALE;
        if (c.sex != want)
            fail_msg("%s: sex %d, want %d", s, (int)c.sex, (int)want);
    }
}

static void format_gives_ddmmyy_dash_ssss_and_masked_gives_xxxx(void **state)
{
    (void)state;
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("0101901234", &c, &err), OV_OK);
    char out[OV_CPR_BUF];
    memset(out, '#', sizeof out);
    ov_cpr_format(&c, out);
    assert_string_equal(out, "010190-1234");
    memset(out, '#', sizeof out);
    ov_cpr_format_masked(&c, out);
    assert_string_equal(out, "010190-XXXX");
}

static void error_messages_never_contain_the_full_number(void **state)
{
    (void)state;
    /* ten-digit inputs that fail for different reasons */
    static const char *const bad[] = {
        "310490-1234", "3104901234", "290201-1234", "2902011234",
        "000190-1234", "0113901234", "010190-12345", "01019012345",
        "0101901234x", "01-01901234",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ov_cpr c;
        ov_err err;
        assert_int_equal(parse(bad[i], &c, &err), OV_EINVAL);
        /* no run of ten digits, with or without the dash */
        char digits[16];
        size_t n = 0;
        for (const char *p = bad[i]; *p && n < 10; p++)
            if (*p >= '0' && *p <= '9')
                digits[n++] = *p;
        digits[n] = '\0';
        char dashed[16];
        snprintf(dashed, sizeof dashed, "%.6s-%.4s", digits, digits + 6);
        if (strstr(err.msg, digits) || strstr(err.msg, dashed) ||
            strstr(err.msg, bad[i]))
            fail_msg("message for '%s' echoes the number: %s", bad[i],
                     err.msg);
        int run = 0, longest = 0;
        for (const char *p = err.msg; *p; p++) {
            run = (*p >= '0' && *p <= '9') ? run + 1 : 0;
            if (run > longest)
                longest = run;
        }
        if (longest >= 6)
            fail_msg("message for '%s' has %d digits in a row: %s", bad[i],
                     longest, err.msg);
    }
}

static void wrong_length_message_says_how_many_digits_were_given(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        const char *got;
    } cases[] = {
        {"010190-123", "got 9"},
        {"010190123", "got 9"},
        {"01019012345", "got 11"},
        {"010190-12345", "got 11"},
        {"", "got 0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ov_cpr c;
        ov_err err;
        assert_int_equal(parse(cases[i].s, &c, &err), OV_EINVAL);
        if (!strstr(err.msg, cases[i].got) ||
            !strstr(err.msg, "10 digits (DDMMYY-SSSS)"))
            fail_msg("'%s': %s", cases[i].s, err.msg);
    }
}

static void a_non_digit_or_misplaced_dash_is_reported_by_position(
    void **state)
{
    (void)state;
    ov_cpr c;
    ov_err err;
    assert_int_equal(parse("01019O-1234", &c, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "character 6 is not a digit"));
    assert_int_equal(parse("0101901-234", &c, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "character 8 is a dash"));
    /* positions count in the trimmed value */
    assert_int_equal(parse("  010190 1234", &c, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "character 7 is not a digit"));
}

/* The boundaries of the century table, one named case each. */
static void cpr_7th_digit_3_year_00_is_1900(void **state)
{
    (void)state;
    assert_int_equal(ov_cpr_birth_year(0, 3), 1900);
    assert_int_equal(ov_cpr_birth_year(99, 0), 1999);
}

static void cpr_7th_digit_9_year_36_is_2036_and_37_is_1937(void **state)
{
    (void)state;
    assert_int_equal(ov_cpr_birth_year(36, 9), 2036);
    assert_int_equal(ov_cpr_birth_year(37, 9), 1937);
    assert_int_equal(ov_cpr_birth_year(0, 9), 2000);
    assert_int_equal(ov_cpr_birth_year(99, 9), 1999);
}

static void cpr_7th_digit_5_to_8_year_57_is_2057_and_58_is_1858(void **state)
{
    (void)state;
    for (int d7 = 5; d7 <= 8; d7++) {
        assert_int_equal(ov_cpr_birth_year(0, d7), 2000);
        assert_int_equal(ov_cpr_birth_year(57, d7), 2057);
        assert_int_equal(ov_cpr_birth_year(58, d7), 1858);
        assert_int_equal(ov_cpr_birth_year(99, d7), 1899);
    }
}

static void every_yy_and_7th_digit_gives_a_year_in_the_table_range(
    void **state)
{
    (void)state;
    for (int d7 = 0; d7 <= 9; d7++)
        for (int yy = 0; yy <= 99; yy++) {
            int y = ov_cpr_birth_year(yy, d7);
            if (y % 100 != yy || y < 1858 || y > 2057)
                fail_msg("yy %02d, 7th digit %d: %d", yy, d7, y);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(birth_year_follows_the_century_table_at_every_boundary),
        cmocka_unit_test(cpr_7th_digit_4_year_36_is_2036_and_37_is_1937),
        cmocka_unit_test(birth_year_is_0_for_inputs_out_of_range),
        cmocka_unit_test(
            parsed_birth_date_follows_the_century_table_at_every_boundary),
        cmocka_unit_test(
            birth_date_is_day_month_and_year_from_the_first_six_digits),
        cmocka_unit_test(
            numbers_without_a_valid_check_digit_are_accepted_with_mod11_false),
        cmocka_unit_test(numbers_with_a_valid_check_digit_give_mod11_true),
        cmocka_unit_test(day_31_in_april_is_rejected_with_field_cpr),
        cmocka_unit_test(feb_29_in_a_common_year_is_rejected),
        cmocka_unit_test(
            feb_29_1900_is_rejected_because_yy_00_with_7th_digit_0_to_3_is_1900),
        cmocka_unit_test(feb_29_2000_with_7th_digit_4_is_accepted),
        cmocka_unit_test(day_00_month_00_and_month_13_are_rejected),
        cmocka_unit_test(with_and_without_dash_give_the_same_digits),
        cmocka_unit_test(dash_in_the_wrong_place_is_rejected),
        cmocka_unit_test(nine_and_eleven_digits_are_rejected),
        cmocka_unit_test(letters_and_empty_input_are_rejected),
        cmocka_unit_test(errors_name_the_given_field),
        cmocka_unit_test(surrounding_blanks_are_ignored),
        cmocka_unit_test(
            sex_is_male_for_an_odd_last_digit_and_female_for_even),
        cmocka_unit_test(format_gives_ddmmyy_dash_ssss_and_masked_gives_xxxx),
        cmocka_unit_test(error_messages_never_contain_the_full_number),
        cmocka_unit_test(wrong_length_message_says_how_many_digits_were_given),
        cmocka_unit_test(a_non_digit_or_misplaced_dash_is_reported_by_position),
        cmocka_unit_test(cpr_7th_digit_3_year_00_is_1900),
        cmocka_unit_test(cpr_7th_digit_9_year_36_is_2036_and_37_is_1937),
        cmocka_unit_test(cpr_7th_digit_5_to_8_year_57_is_2057_and_58_is_1858),
        cmocka_unit_test(
            every_yy_and_7th_digit_gives_a_year_in_the_table_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
