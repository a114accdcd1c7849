/*
 * The econ layer's texts for readers (econ/text.h, ov_econ_text): every
 * text has an English and a Danish form, the Danish is Danish (none of
 * the English words the notes were written in, no "x" for times), the
 * lookup is unambiguous, and a note read back from a scenario file (an
 * arena copy, not the econ layer's pointer) still finds its Danish.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "core/arena.h"
#include "econ/econ.h"
#include "econ/text.h"

/* Words that give an English note away in a Danish text. */
static const char *const telltales[] = {
    "the ",      "The ",          "derived",  "Published",
    "reconstructed", "RECONSTRUCTED", "measured", "per citizen",
    "none:",     " x ",           "listed on", "must be entered",
    "missing"};

static void assert_danish(const char *what, const char *da)
{
    if (!da || !da[0])
        fail_msg("%s: no Danish text", what);
    for (size_t i = 0; i < sizeof telltales / sizeof telltales[0]; i++)
        if (strstr(da, telltales[i]))
            fail_msg("%s: the Danish has \"%s\": %s", what, telltales[i], da);
}

static const struct {
    const char *id, *en, *da;
} table[] = {
#define ROW_(id, en, da) {#id, en, da},
    OV_ECON_TEXTS(ROW_)
#undef ROW_
};
#define NTABLE (sizeof table / sizeof table[0])

static void every_text_has_a_danish_form_that_reads_as_danish(void **state)
{
    (void)state;
    for (size_t i = 0; i < NTABLE; i++) {
        assert_true(table[i].en[0] != '\0');
        assert_danish(table[i].id, table[i].da);
        assert_string_equal(ov_econ_text(table[i].en, OV_ECON_LANG_DA),
                            table[i].da);
        assert_string_equal(ov_econ_text(table[i].da, OV_ECON_LANG_EN),
                            table[i].en);
        assert_string_equal(ov_econ_en((ov_econ_text_id)i), table[i].en);
    }
    size_t n = 0;
    const ov_econ_figure *f = ov_econ_catalogue(&n);
    for (size_t i = 0; i < n; i++) {
        assert_danish(f[i].key, f[i].note_da);
        assert_string_equal(ov_econ_text(f[i].note, OV_ECON_LANG_DA),
                            f[i].note_da);
        const char *src = ov_econ_text(f[i].source, OV_ECON_LANG_DA);
        assert_danish(f[i].key, src);
    }
    const ov_econ_preset *p = ov_econ_presets(&n);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(p[i].title_en);
        assert_string_equal(ov_econ_text(p[i].title, OV_ECON_LANG_EN),
                            p[i].title_en);
        assert_string_equal(ov_econ_text(p[i].title_en, OV_ECON_LANG_DA),
                            p[i].title);
    }
}

/* No two texts share a form, or the lookup would pick one of them. */
static void no_two_texts_share_a_form(void **state)
{
    (void)state;
    const char *all[512];
    size_t k = 0, n = 0;
    for (size_t i = 0; i < NTABLE; i++) {
        all[k++] = table[i].en;
        all[k++] = table[i].da;
    }
    const ov_econ_figure *f = ov_econ_catalogue(&n);
    for (size_t i = 0; i < n; i++) {
        all[k++] = f[i].note;
        all[k++] = f[i].note_da;
    }
    const ov_econ_preset *p = ov_econ_presets(&n);
    for (size_t i = 0; i < n; i++) {
        all[k++] = p[i].title;
        all[k++] = p[i].title_en;
    }
    assert_true(k < sizeof all / sizeof all[0]);
    for (size_t i = 0; i < k; i++)
        for (size_t j = i + 1; j < k; j++)
            if (strcmp(all[i], all[j]) == 0)
                fail_msg("two texts read \"%s\"", all[i]);
}

/* Every note and the description of every preset, written to a scenario
 * file and read back, reads in Danish; the file keeps the English. */
static void a_presets_notes_read_back_from_its_file_find_their_danish(
    void **state)
{
    (void)state;
    size_t n = 0;
    const ov_econ_preset *p = ov_econ_presets(&n);
    for (size_t i = 0; i < n; i++) {
        ov_econ_scenario s, back;
        ov_err err;
        assert_int_equal(ov_econ_preset_load(p[i].key, &s, &err), OV_OK);
        char *json = ov_econ_scenario_write(&s);
        assert_non_null(json);
        assert_null(strstr(json, "Rekonstrueret"));
        assert_null(strstr(json, "Afledt"));
        ov_arena *a = ov_arena_new(0);
        assert_int_equal(ov_econ_scenario_parse(json, strlen(json), a, &back,
                                                &err),
                         OV_OK);
        free(json);
        assert_danish(p[i].key, ov_econ_text(back.description,
                                             OV_ECON_LANG_DA));
        assert_string_equal(ov_econ_text(back.description, OV_ECON_LANG_EN),
                            back.description);
        const ov_econ_value *v[] = {&back.citizens, &back.discount_rate,
                                    &back.establishment,
                                    &back.establishment_per_citizen,
                                    &back.running_per_citizen};
        for (size_t j = 0; j < sizeof v / sizeof v[0]; j++)
            if (v[j]->note)
                assert_danish(p[i].key,
                              ov_econ_text(v[j]->note, OV_ECON_LANG_DA));
        for (int y = 0; y < back.horizon; y++)
            for (int st = 0; st < OV_ESTATE_N; st++)
                if (back.effect[y][st].note)
                    assert_danish(p[i].key,
                                  ov_econ_text(back.effect[y][st].note,
                                               OV_ECON_LANG_DA));
        for (int st = 0; st < OV_ESTATE_N; st++)
            for (int q = 0; q < OV_PAYER_N; q++)
                if (back.price[st][q].note)
                    assert_danish(p[i].key,
                                  ov_econ_text(back.price[st][q].note,
                                               OV_ECON_LANG_DA));
        ov_arena_destroy(a);
    }
}

/* A note a user wrote is shown as written, in either language. */
static void a_users_own_note_is_shown_as_written(void **state)
{
    (void)state;
    const char *mine = "Vores egen løn fra 2025";
    assert_ptr_equal(ov_econ_text(mine, OV_ECON_LANG_DA), mine);
    assert_ptr_equal(ov_econ_text(mine, OV_ECON_LANG_EN), mine);
    assert_null(ov_econ_text(NULL, OV_ECON_LANG_DA));
    assert_string_equal(ov_econ_text("", OV_ECON_LANG_EN), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_text_has_a_danish_form_that_reads_as_danish),
        cmocka_unit_test(no_two_texts_share_a_form),
        cmocka_unit_test(
            a_presets_notes_read_back_from_its_file_find_their_danish),
        cmocka_unit_test(a_users_own_note_is_shown_as_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
