/*
 * test_occupation.c - the DISCO-08 list compiled into the program
 * (model/occupation.h): the same rows as the shipped data file, the
 * published count per level, look-up, search by title (accents and case
 * ignored) and by code prefix, and what a form field resolves to.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/err.h"
#include "model/occupation.h"

#define DATA "data/disco08.csv"

/* Danmarks Statistik's published structure of DISCO-08 v1:2010:
 * 10 hovedgrupper, 42 undergrupper, 126 enheder, 429 stillingskategorier,
 * 564 stillinger. */
static void test_count_per_level_is_the_published_one(void **state)
{
    (void)state;
    assert_int_equal(ov_occupation_count_level(1), 10);
    assert_int_equal(ov_occupation_count_level(2), 42);
    assert_int_equal(ov_occupation_count_level(3), 126);
    assert_int_equal(ov_occupation_count_level(4), 429);
    assert_int_equal(ov_occupation_count_level(5), 564);
    assert_int_equal(ov_occupation_count(), 10 + 42 + 126 + 429 + 564);
    assert_int_equal(ov_occupation_count_level(0), 0);
    assert_int_equal(ov_occupation_count_level(6), 0);
}

/* Every row of the data file is in the compiled table, in order, and
 * nothing else: the file read here, not the generator's output. */
static void test_table_is_the_data_file_row_by_row(void **state)
{
    (void)state;
    FILE *f = fopen(DATA, "r");
    assert_non_null(f);
    char line[1024];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "code;level;title\n");
    size_t i = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *code = line, *lvl = strchr(code, ';');
        assert_non_null(lvl);
        *lvl++ = 0;
        char *title = strchr(lvl, ';');
        assert_non_null(title);
        *title++ = 0;
        const ov_occupation *o = ov_occupation_at(i++);
        assert_non_null(o);
        assert_string_equal(o->code, code);
        assert_int_equal(o->level, atoi(lvl));
        assert_string_equal(o->title, title);
    }
    fclose(f);
    assert_int_equal(i, ov_occupation_count());
    assert_null(ov_occupation_at(i));
}

static void test_codes_are_unique_with_parents_and_titles_utf8(void **state)
{
    (void)state;
    size_t n = ov_occupation_count();
    for (size_t i = 0; i < n; i++) {
        const ov_occupation *o = ov_occupation_at(i);
        assert_true(ov_str_is_utf8(ov_str_c(o->title)));
        assert_ptr_equal(ov_occupation_find(ov_str_c(o->code)), o);
        /* its parent is in the list, one level up: the code cut to the
         * parent's digits (level 5 has 6 digits, level 4 has 4) */
        if (o->level > 1) {
            size_t plen = o->level == 5 ? 4 : (size_t)o->level - 1;
            const ov_occupation *up =
                ov_occupation_find((ov_str){o->code, plen});
            assert_non_null(up);
            assert_int_equal(up->level, o->level - 1);
        }
    }
}

/* A known code's title as the data file has it, with its æøå intact. */
static void test_known_code_has_its_title(void **state)
{
    (void)state;
    assert_string_equal(ov_occupation_title(OV_STR_LIT("9321")),
                        "Pakkeriarbejde");
    assert_string_equal(ov_occupation_title(OV_STR_LIT("2221")),
                        "Sygeplejerskearbejde");
    assert_string_equal(ov_occupation_title(OV_STR_LIT("0110")),
                        "Militært arbejde på officersniveau");
    /* a level-5 code is in the list but is not what overgang stores */
    assert_non_null(ov_occupation_find(OV_STR_LIT("932100")));
    assert_null(ov_occupation_title(OV_STR_LIT("932100")));
    assert_null(ov_occupation_title(OV_STR_LIT("9999")));
    assert_null(ov_occupation_title(OV_STR_LIT("")));
    ov_arena *a = ov_arena_new(0);
    assert_string_equal(ov_occupation_label(a, OV_STR_LIT("9321")),
                        "Pakkeriarbejde (9321)");
    assert_string_equal(ov_occupation_label(a, OV_STR_LIT("9999")), "9999");
    assert_string_equal(ov_occupation_label(a, OV_STR_LIT("")), "");
    ov_arena_destroy(a);
}

static bool has(const ov_occupation **h, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(h[i]->code, code) == 0)
            return true;
    return false;
}

/* "rengoring" and "RENGØRING" find the same titles as "rengøring". */
static void test_search_ignores_accents_and_case(void **state)
{
    (void)state;
    const ov_occupation *a[OV_OCCUPATION_SEARCH_MAX],
        *b[OV_OCCUPATION_SEARCH_MAX], *c[OV_OCCUPATION_SEARCH_MAX];
    size_t ta, tb, tc;
    size_t na = ov_occupation_search(OV_STR_LIT("rengøring"), a, 20, &ta);
    size_t nb = ov_occupation_search(OV_STR_LIT("rengoring"), b, 20, &tb);
    size_t nc = ov_occupation_search(OV_STR_LIT("RENGØRING"), c, 20, &tc);
    assert_true(na > 0);
    assert_int_equal(na, nb);
    assert_int_equal(na, nc);
    assert_int_equal(ta, tb);
    for (size_t i = 0; i < na; i++) {
        assert_ptr_equal(a[i], b[i]);
        assert_ptr_equal(a[i], c[i]);
    }
    /* the demo's cleaning job (9112) is among them */
    assert_true(has(a, na, "9112"));
    /* any part of a word: "pakkeri" finds Pakkeriarbejde first */
    size_t t;
    size_t n = ov_occupation_search(OV_STR_LIT("pakkeri"), a, 20, &t);
    assert_true(n >= 1);
    assert_string_equal(a[0]->code, "9321");
    /* every word must occur */
    n = ov_occupation_search(OV_STR_LIT("pakkeri kemi"), a, 20, &t);
    assert_int_equal(n, 0);
    assert_int_equal(t, 0);
}

/* A title that begins with the query comes before one that only
 * contains it. */
static void test_search_ranks_title_start_first(void **state)
{
    (void)state;
    const ov_occupation *h[OV_OCCUPATION_SEARCH_MAX];
    size_t t;
    size_t n = ov_occupation_search(OV_STR_LIT("sygeplejerske"), h, 20, &t);
    assert_true(n >= 1);
    assert_string_equal(h[0]->code, "2221"); /* Sygeplejerskearbejde */
    for (size_t i = 0; i < n; i++)
        assert_int_equal(h[i]->level, OV_OCCUPATION_LEVEL);
}

static void test_search_by_code_prefix(void **state)
{
    (void)state;
    const ov_occupation *h[OV_OCCUPATION_SEARCH_MAX];
    size_t t;
    size_t n = ov_occupation_search(OV_STR_LIT("932"), h, 20, &t);
    assert_true(n >= 2);
    assert_int_equal(n, t);
    for (size_t i = 0; i < n; i++)
        assert_memory_equal(h[i]->code, "932", 3);
    assert_true(has(h, n, "9321"));
    n = ov_occupation_search(OV_STR_LIT("9321"), h, 20, &t);
    assert_int_equal(n, 1);
    assert_string_equal(h[0]->code, "9321");
    /* level 5 is not offered */
    n = ov_occupation_search(OV_STR_LIT("932100"), h, 20, &t);
    assert_int_equal(n, 0);
}

static void test_search_is_capped_and_counts_all(void **state)
{
    (void)state;
    const ov_occupation *h[OV_OCCUPATION_SEARCH_MAX];
    size_t t;
    size_t n = ov_occupation_search(OV_STR_LIT("arbejde"), h, 5, &t);
    assert_int_equal(n, 5);
    assert_true(t > 100);
    n = ov_occupation_search(OV_STR_LIT("9"), h, 1000, &t);
    assert_int_equal(n, OV_OCCUPATION_SEARCH_MAX);
    assert_true(t > OV_OCCUPATION_SEARCH_MAX);
    assert_int_equal(ov_occupation_search(OV_STR_LIT(" - "), h, 5, &t), 0);
    assert_int_equal(ov_occupation_search(OV_STR_LIT(""), h, 5, &t), 0);
}

static void test_resolve_takes_code_suggestion_or_unique_title(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    ov_str code;
    assert_int_equal(ov_occupation_resolve(OV_STR_LIT(" 9321 "), "occupation",
                                           a, &code, &err), OV_OK);
    assert_true(ov_str_eq_c(code, "9321"));
    assert_int_equal(ov_occupation_resolve(
                         OV_STR_LIT("Pakkeriarbejde (9321)"), "occupation",
                         a, &code, &err), OV_OK);
    assert_true(ov_str_eq_c(code, "9321"));
    assert_int_equal(ov_occupation_resolve(OV_STR_LIT("pakkeriarb"),
                                           "occupation", a, &code, &err),
                     OV_OK);
    assert_true(ov_str_eq_c(code, "9321"));
    assert_int_equal(ov_occupation_resolve(OV_STR_LIT(""), "occupation", a,
                                           &code, &err), OV_OK);
    assert_int_equal(code.len, 0);
    ov_arena_destroy(a);
}

static void test_resolve_refuses_with_the_field_named(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    ov_str code;
    assert_int_equal(ov_occupation_resolve(OV_STR_LIT("9999"), "occupation",
                                           a, &code, &err), OV_EINVAL);
    assert_string_equal(err.field, "occupation");
    assert_non_null(strstr(err.msg, "9999 is not a DISCO-08"));
    /* a suggestion whose code is not a category */
    assert_int_equal(ov_occupation_resolve(OV_STR_LIT("Noget (1234)"),
                                           "occupation", a, &code, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "1234 is not"));
    assert_int_equal(ov_occupation_resolve(OV_STR_LIT("xyzzyq"), "occupation",
                                           a, &code, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "no DISCO-08 occupation title"));
    /* several match: named to pick from */
    assert_int_equal(ov_occupation_resolve(OV_STR_LIT("rengøring"),
                                           "occupation", a, &code, &err),
                     OV_EINVAL);
    assert_non_null(strstr(err.msg, "occupations match 'rengøring'"));
    assert_non_null(strstr(err.msg, "("));
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_per_level_is_the_published_one),
        cmocka_unit_test(test_table_is_the_data_file_row_by_row),
        cmocka_unit_test(test_codes_are_unique_with_parents_and_titles_utf8),
        cmocka_unit_test(test_known_code_has_its_title),
        cmocka_unit_test(test_search_ignores_accents_and_case),
        cmocka_unit_test(test_search_ranks_title_start_first),
        cmocka_unit_test(test_search_by_code_prefix),
        cmocka_unit_test(test_search_is_capped_and_counts_all),
        cmocka_unit_test(test_resolve_takes_code_suggestion_or_unique_title),
        cmocka_unit_test(test_resolve_refuses_with_the_field_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
