/* CTI: legal basis and length, three equal phases, contact rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/cti.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

static void legal_basis_gives_the_default_length(void **state)
{
    (void)state;
    int m = 0;
    ov_err err;
    assert_int_equal(ov_cti_length(OV_BASIS_OTHER, 0, &m, &err), OV_OK);
    assert_int_equal(m, 9);
    assert_int_equal(ov_cti_length(OV_BASIS_SEL82B, 0, &m, &err), OV_OK);
    assert_int_equal(m, 6);
    assert_int_equal(ov_cti_length(OV_BASIS_LAB31B, 0, &m, &err), OV_OK);
    assert_int_equal(m, 6);
    assert_int_equal(ov_cti_length(OV_BASIS_LAB31B, 9, &m, &err), OV_OK);
    assert_int_equal(m, 9);
}

static void sel_85_requires_an_explicit_length(void **state)
{
    (void)state;
    int m = 0;
    ov_err err;
    assert_int_equal(ov_cti_length(OV_BASIS_SEL85, 0, &m, &err), OV_EINVAL);
    assert_string_equal(err.field, "length_months");
    assert_non_null(strstr(err.msg, "individual decision"));
    assert_int_equal(ov_cti_length(OV_BASIS_SEL85, 12, &m, &err), OV_OK);
    assert_int_equal(m, 12);
    assert_int_equal(ov_cti_length(OV_BASIS_SEL85, 2, &m, &err), OV_EINVAL);
    assert_int_equal(ov_cti_length(OV_BASIS_SEL85, 25, &m, &err), OV_EINVAL);
    ov_legal_basis b;
    assert_int_equal(ov_legal_basis_parse(OV_STR_LIT("sel_82b"), &b, &err),
                     OV_OK);
    assert_int_equal(b, OV_BASIS_SEL82B);
    assert_string_equal(ov_legal_basis_label_da(OV_BASIS_SEL85), "SEL § 85");
}

static void nine_month_phases_from_31_january_end_on_month_ends(void **state)
{
    (void)state;
    ov_cti_course c;
    ov_cti_phases(D(2026, 1, 31), 9, &c);
    assert_int_equal(c.phase_start[1], D(2026, 4, 30));
    assert_int_equal(c.phase_start[2], D(2026, 7, 31));
    assert_int_equal(c.end, D(2026, 10, 31));
    assert_int_equal(ov_cti_phase_of(&c, D(2026, 1, 30)), 0);
    assert_int_equal(ov_cti_phase_of(&c, D(2026, 1, 31)), 1);
    assert_int_equal(ov_cti_phase_of(&c, D(2026, 4, 29)), 1);
    assert_int_equal(ov_cti_phase_of(&c, D(2026, 4, 30)), 2);
    assert_int_equal(ov_cti_phase_of(&c, D(2026, 7, 31)), 3);
    assert_int_equal(ov_cti_phase_of(&c, D(2026, 10, 30)), 3);
    assert_int_equal(ov_cti_phase_of(&c, D(2026, 10, 31)), 4);
}

static void six_month_phases_over_29_february_and_30_november(void **state)
{
    (void)state;
    ov_cti_course c;
    ov_cti_phases(D(2024, 2, 29), 6, &c);
    assert_int_equal(c.phase_start[1], D(2024, 4, 29));
    assert_int_equal(c.phase_start[2], D(2024, 6, 29));
    assert_int_equal(c.end, D(2024, 8, 29));
    ov_cti_phases(D(2025, 11, 30), 6, &c);
    assert_int_equal(c.phase_start[1], D(2026, 1, 30));
    assert_int_equal(c.phase_start[2], D(2026, 3, 30));
    assert_int_equal(c.end, D(2026, 5, 30));
    ov_cti_phases(D(2023, 12, 31), 6, &c); /* via 29 Feb 2024 */
    assert_int_equal(c.phase_start[1], D(2024, 2, 29));
    assert_int_equal(c.phase_start[2], D(2024, 4, 30));
}

static void dst_change_days_are_ordinary_days(void **state)
{
    (void)state;
    ov_cti_course c;
    ov_cti_phases(D(2026, 3, 29), 9, &c);
    assert_int_equal(c.phase_start[1], D(2026, 6, 29));
    assert_int_equal(c.end, D(2026, 12, 29));
    ov_cti_phases(D(2026, 10, 25), 6, &c);
    assert_int_equal(c.phase_start[1], D(2026, 12, 25));
}

static void uneven_lengths_split_the_days_evenly(void **state)
{
    (void)state;
    ov_cti_course c;
    ov_cti_phases(D(2026, 1, 1), 7, &c); /* 1 Jan - 1 Aug: 212 days */
    assert_int_equal(c.end - c.start, 212);
    int l1 = c.phase_start[1] - c.phase_start[0];
    int l2 = c.phase_start[2] - c.phase_start[1];
    int l3 = c.end - c.phase_start[2];
    assert_int_equal(l1 + l2 + l3, 212);
    assert_int_equal(l1, 71);
    assert_int_equal(l2, 71);
    assert_int_equal(l3, 70);
}

static void planned_intensity_must_not_rise(void **state)
{
    (void)state;
    ov_cti_rules r = ov_cti_rules_default();
    ov_err err;
    assert_int_equal(ov_cti_rules_validate(&r, &err), OV_OK);
    assert_int_equal(r.interval_days[0], 7);
    assert_int_equal(r.interval_days[2], 28);
    r.interval_days[2] = 10;
    assert_int_equal(ov_cti_rules_validate(&r, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "must decrease"));
    r = ov_cti_rules_default();
    r.interval_days[1] = 7; /* equal is allowed */
    assert_int_equal(ov_cti_rules_validate(&r, &err), OV_OK);
}

static void contacts_are_validated_and_focus_areas_counted(void **state)
{
    (void)state;
    ov_cti_course c;
    ov_cti_phases(D(2026, 3, 2), 9, &c);
    ov_err err;
    ov_cti_contact k = {D(2026, 3, 5), OV_FORM_WORKPLACE, 45,
                        OV_STR_LIT("Mødestabilitet"), OV_STR_NULL};
    assert_int_equal(ov_cti_contact_validate(&c, &k, D(2026, 11, 22), &err),
                     OV_OK);
    /* a note on the contact within its cap; a longer one is refused */
    static char long_note[OV_CTI_NOTE_MAX + 2];
    memset(long_note, 'x', OV_CTI_NOTE_MAX + 1);
    k.note = (ov_str){long_note, OV_CTI_NOTE_MAX};
    assert_int_equal(ov_cti_contact_validate(&c, &k, D(2026, 11, 22), &err),
                     OV_OK);
    k.note = (ov_str){long_note, OV_CTI_NOTE_MAX + 1};
    assert_int_equal(ov_cti_contact_validate(&c, &k, D(2026, 11, 22), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "note");
    k.note = OV_STR_NULL;
    k.date = D(2026, 3, 1);
    assert_int_equal(ov_cti_contact_validate(&c, &k, D(2026, 11, 22), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "date");
    k.date = D(2026, 3, 5);
    k.minutes = 0;
    assert_int_equal(ov_cti_contact_validate(&c, &k, D(2026, 11, 22), &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "minutes");
    k.minutes = 30;
    assert_int_equal(ov_cti_contact_validate(&c, &k, D(2026, 3, 4), &err),
                     OV_EINVAL);
    ov_str areas[] = {OV_STR_LIT("Økonomi"), OV_STR_LIT("Søvn"),
                      OV_STR_LIT("Økonomi")};
    assert_int_equal(ov_cti_focus_validate(areas, 2, 1, &err), OV_OK);
    assert_int_equal(ov_cti_focus_validate(areas, 3, 1, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "twice"));
    assert_int_equal(ov_cti_focus_validate(areas, 0, 2, &err), OV_EINVAL);
    ov_contact_form f;
    assert_int_equal(ov_contact_form_parse(OV_STR_LIT("network"), &f, &err),
                     OV_OK);
    assert_string_equal(ov_contact_form_label_da(f), "Med netværket");
}

static int has(const ov_cti_warning *w, int n, ov_cti_warning_code c)
{
    for (int i = 0; i < n; i++)
        if (w[i].code == c)
            return 1;
    return 0;
}

static void cti_start_is_checked_against_the_placement(void **state)
{
    (void)state;
    ov_cti_rules r = ov_cti_rules_default();
    ov_cti_course c;
    ov_cti_warning w[8];
    ov_cti_facts f = {true, D(2026, 3, 16), 0};
    ov_cti_contact k[] = {{D(2026, 3, 2), OV_FORM_MEETING, 60, OV_STR_NULL, OV_STR_NULL},
                          {D(2026, 3, 9), OV_FORM_PHONE, 20, OV_STR_NULL, OV_STR_NULL}};
    ov_date today = D(2026, 3, 20);
    ov_cti_phases(D(2026, 3, 2), 9, &c); /* exactly 14 days before */
    assert_int_equal(ov_cti_check(&c, &r, &f, k, 2, today, w, 8), 0);
    ov_cti_phases(D(2026, 3, 1), 9, &c); /* 15 days before */
    int n = ov_cti_check(&c, &r, &f, k, 2, today, w, 8);
    assert_true(has(w, n, OV_CTI_TOO_EARLY));
    ov_cti_phases(D(2026, 3, 16), 9, &c); /* same day */
    n = ov_cti_check(&c, &r, &f, NULL, 0, today, w, 8);
    assert_false(has(w, n, OV_CTI_TOO_EARLY) ||
                 has(w, n, OV_CTI_AFTER_PLACEMENT));
    ov_cti_phases(D(2026, 3, 17), 9, &c); /* a day after */
    n = ov_cti_check(&c, &r, &f, NULL, 0, today, w, 8);
    assert_true(has(w, n, OV_CTI_AFTER_PLACEMENT));
    assert_string_equal(ov_cti_warning_code_str(OV_CTI_AFTER_PLACEMENT),
                        "cti_after_placement");
}

static void rising_intensity_is_flagged_falling_is_not(void **state)
{
    (void)state;
    ov_cti_rules r = ov_cti_rules_default();
    ov_cti_course c;
    ov_cti_phases(D(2026, 1, 5), 6, &c); /* phase 2 from 5 March */
    ov_cti_facts f = {false, 0, 0};
    ov_cti_contact k[40];
    int n = 0;
    /* phase 1: every 14 days */
    for (ov_date d = c.phase_start[0]; d < c.phase_start[1]; d += 14)
        k[n++] = (ov_cti_contact){d, OV_FORM_MEETING, 30, OV_STR_NULL,
                                   OV_STR_NULL};
    int n1 = n;
    /* phase 2: weekly (more than phase 1) */
    for (ov_date d = c.phase_start[1]; d < c.phase_start[1] + 28; d += 7)
        k[n++] = (ov_cti_contact){d, OV_FORM_PHONE, 15, OV_STR_NULL,
                                   OV_STR_NULL};
    ov_cti_warning w[8];
    int nw = ov_cti_check(&c, &r, &f, k, n, c.phase_start[1] + 27, w, 8);
    assert_true(has(w, nw, OV_CTI_INTENSITY_RISING));
    /* the Danish text writes the contacts per week with a decimal comma */
    for (int i = 0; i < nw; i++)
        if (w[i].code == OV_CTI_INTENSITY_RISING) {
            const char *t = w[i].text_da;
            assert_non_null(strstr(t, ",")); /* "0,5 pr. uge" */
            for (size_t j = 1; t[j] && t[j + 1]; j++) /* never "0.5" */
                assert_false(t[j] == '.' && t[j - 1] >= '0' &&
                             t[j - 1] <= '9' && t[j + 1] >= '0' &&
                             t[j + 1] <= '9');
        }
    /* phase 2 monthly instead: falling, no warning */
    n = n1;
    k[n++] = (ov_cti_contact){c.phase_start[1] + 3, OV_FORM_PHONE, 15,
                              OV_STR_NULL, OV_STR_NULL};
    nw = ov_cti_check(&c, &r, &f, k, n, c.phase_start[1] + 27, w, 8);
    assert_false(has(w, nw, OV_CTI_INTENSITY_RISING));
    ov_cti_intensity in[3];
    ov_cti_intensity_of(&c, &r, k, n, c.phase_start[1] + 27, in);
    assert_int_equal(in[0].actual, n1);
    assert_int_equal(in[1].elapsed_days, 28);
    assert_int_equal(in[1].actual, 1);
    assert_true(in[1].planned > 1.99 && in[1].planned < 2.01);
    assert_int_equal(in[2].elapsed_days, 0);
}

static void first_month_needs_two_contacts_once_it_is_over(void **state)
{
    (void)state;
    ov_cti_rules r = ov_cti_rules_default();
    ov_cti_course c;
    ov_cti_phases(D(2026, 1, 31), 9, &c); /* first month: 31 Jan - 27 Feb */
    ov_cti_facts f = {false, 0, 0};
    ov_cti_contact k[] = {{D(2026, 2, 2), OV_FORM_MEETING, 60, OV_STR_NULL, OV_STR_NULL},
                          {D(2026, 2, 28), OV_FORM_MEETING, 60, OV_STR_NULL, OV_STR_NULL}};
    ov_cti_warning w[8];
    /* the month is not over on 27 Feb */
    int n = ov_cti_check(&c, &r, &f, k, 1, D(2026, 2, 27), w, 8);
    assert_false(has(w, n, OV_CTI_TOO_FEW_FIRST_MONTH));
    /* on 28 Feb it is, with one contact in it (28 Feb is outside) */
    n = ov_cti_check(&c, &r, &f, k, 2, D(2026, 2, 28), w, 8);
    assert_true(has(w, n, OV_CTI_TOO_FEW_FIRST_MONTH));
    k[1].date = D(2026, 2, 27);
    n = ov_cti_check(&c, &r, &f, k, 2, D(2026, 2, 28), w, 8);
    assert_false(has(w, n, OV_CTI_TOO_FEW_FIRST_MONTH));
}

static void caseload_over_20_is_flagged(void **state)
{
    (void)state;
    ov_cti_rules r = ov_cti_rules_default();
    ov_cti_course c;
    ov_cti_phases(D(2026, 1, 5), 9, &c);
    ov_cti_warning w[8];
    ov_cti_facts f = {false, 0, 20};
    assert_false(has(w, ov_cti_check(&c, &r, &f, NULL, 0, D(2026, 1, 6), w, 8),
                     OV_CTI_CASELOAD));
    f.worker_caseload = 21;
    int n = ov_cti_check(&c, &r, &f, NULL, 0, D(2026, 1, 6), w, 8);
    assert_true(has(w, n, OV_CTI_CASELOAD));
    assert_non_null(strstr(w[n - 1].text_da, "21 aktive borgere"));
    /* the values as text, for a page in another language */
    assert_int_equal(w[n - 1].nargs, 2);
    assert_string_equal(w[n - 1].args[0], "21");
    assert_string_equal(w[n - 1].args[1], "20");
}

/* Each warning carries its values in the order of the catalogue's
 * "ctiwarn.<code>" (issue 13: English mode showed the Danish text). */
static void a_warning_carries_its_values_for_any_language(void **state)
{
    (void)state;
    ov_cti_rules r = ov_cti_rules_default();
    ov_cti_course c;
    ov_cti_warning w[8];
    ov_cti_facts f = {true, D(2026, 3, 16), 0};
    ov_cti_phases(D(2026, 3, 1), 9, &c); /* 15 days before */
    int n = ov_cti_check(&c, &r, &f, NULL, 0, D(2026, 3, 20), w, 8);
    assert_true(n >= 1);
    assert_int_equal(w[0].code, OV_CTI_TOO_EARLY);
    assert_int_equal(w[0].nargs, 4);
    assert_string_equal(w[0].args[0], "01-03-2026");
    assert_string_equal(w[0].args[1], "15");
    assert_string_equal(w[0].args[2], "16-03-2026");
    assert_string_equal(w[0].args[3], "14");
    /* past the cap nothing is written, not even a value */
    ov_cti_warning one[1];
    f.worker_caseload = 99;
    assert_int_equal(ov_cti_check(&c, &r, &f, NULL, 0, D(2026, 3, 20), one,
                                  1),
                     1);
    assert_int_equal(one[0].code, OV_CTI_TOO_EARLY);
    assert_int_equal(one[0].nargs, 4);
    assert_string_equal(one[0].args[1], "15");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(legal_basis_gives_the_default_length),
        cmocka_unit_test(sel_85_requires_an_explicit_length),
        cmocka_unit_test(nine_month_phases_from_31_january_end_on_month_ends),
        cmocka_unit_test(six_month_phases_over_29_february_and_30_november),
        cmocka_unit_test(dst_change_days_are_ordinary_days),
        cmocka_unit_test(uneven_lengths_split_the_days_evenly),
        cmocka_unit_test(planned_intensity_must_not_rise),
        cmocka_unit_test(contacts_are_validated_and_focus_areas_counted),
        cmocka_unit_test(cti_start_is_checked_against_the_placement),
        cmocka_unit_test(rising_intensity_is_flagged_falling_is_not),
        cmocka_unit_test(first_month_needs_two_contacts_once_it_is_over),
        cmocka_unit_test(caseload_over_20_is_flagged),
        cmocka_unit_test(a_warning_carries_its_values_for_any_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
