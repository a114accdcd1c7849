/*
 * The citizen's trajectory in plain words (ui_mine.c): the thing measured
 * as they would say it and the points before and now, in Danish and in
 * English, with no staff jargon.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "web/handlers.h"

static void the_trajectory_says_what_happened_in_plain_danish(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_DA, OV_INSTR_WHO5, true, 44, 56),
        "Din trivsel er steget fra 44 til 56.");
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_DA, OV_INSTR_WHO5, true, 56, 44),
        "Din trivsel er faldet fra 56 til 44.");
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_DA, OV_INSTR_WHO5, true, 48, 48),
        "Din trivsel er den samme som sidst: 48.");
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_DA, OV_INSTR_WHO5, false, 0, 52),
        "Det er første gang, du svarer. Din trivsel er 52.");
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_DA, OV_INSTR_GSE, true, 24, 30),
        "Din tro på egne evner er steget fra 24 til 30.");
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_DA, OV_INSTR_READINESS, true, 6, 5),
        "Din parathed til arbejde er faldet fra 6 til 5.");
    ov_arena_destroy(a);
}

static void the_trajectory_in_english(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_EN, OV_INSTR_WHO5, true, 44, 56),
        "Your well-being has risen from 44 to 56.");
    assert_string_equal(
        ov_mine_trajectory(a, OV_LANG_EN, OV_INSTR_GSE, false, 0, 31),
        "This is the first time you answer. Your belief in your own "
        "abilities is 31.");
    ov_arena_destroy(a);
}

/* No jargon: no "point", no instrument code, no id in what they read. */
static void the_trajectory_has_no_staff_jargon(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    for (int l = 0; l < OV_LANG_COUNT; l++)
        for (int i = 0; i < OV_INSTR_COUNT; i++)
            for (int k = 0; k < 4; k++) {
                const char *t = ov_mine_trajectory(
                    a, (ov_lang)l, (ov_instrument)i, k > 0, 40,
                    k == 1 ? 50 : k == 2 ? 30 : 40);
                assert_null(strstr(t, "oint"));
                assert_null(strstr(t, "who5"));
                assert_null(strstr(t, "WHO"));
                assert_null(strstr(t, "GSE"));
                assert_null(strstr(t, "%"));
                assert_null(strstr(t, "["));
            }
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_trajectory_says_what_happened_in_plain_danish),
        cmocka_unit_test(the_trajectory_in_english),
        cmocka_unit_test(the_trajectory_has_no_staff_jargon),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
