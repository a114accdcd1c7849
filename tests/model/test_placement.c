/* Placements, the work agreement, sign-offs and the weekly hours log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/crypto.h"
#include "model/placement.h"

static ov_placement sample(void)
{
    ov_placement p = {OV_PLACE_INTERNSHIP, 7, ov_date_from_ymd(2026, 3, 2),
                      true, ov_date_from_ymd(2026, 8, 30), 150};
    return p;
}

static void hours_parse_danish_and_dot_decimals(void **state)
{
    (void)state;
    ov_err err;
    int h;
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12,5"), "h", &h, &err), OV_OK);
    assert_int_equal(h, 125);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12.5"), "h", &h, &err), OV_OK);
    assert_int_equal(h, 125);
    assert_int_equal(ov_hours_parse(OV_STR_LIT(" 37 "), "h", &h, &err), OV_OK);
    assert_int_equal(h, 370);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("60"), "h", &h, &err), OV_OK);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("60,1"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12,25"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT(",5"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("12,"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT("-3"), "h", &h, &err),
                     OV_EINVAL);
    assert_int_equal(ov_hours_parse(OV_STR_LIT(""), "weekly_hours", &h, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "weekly_hours");
    char out[16];
    ov_hours_format(125, out);
    assert_string_equal(out, "12,5");
    ov_hours_format(120, out);
    assert_string_equal(out, "12");
}

static void a_placement_cannot_start_before_the_start_meeting(void **state)
{
    (void)state;
    ov_err err;
    ov_placement p = sample();
    assert_int_equal(ov_placement_validate(&p, true, p.start, &err), OV_OK);
    assert_int_equal(ov_placement_validate(&p, true, p.start + 1, &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "start");
    assert_non_null(strstr(err.msg, "03-03-2026"));
    assert_int_equal(ov_placement_validate(&p, false, 0, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "start meeting"));
    p.end = p.start - 1;
    assert_int_equal(ov_placement_validate(&p, true, p.start, &err), OV_EINVAL);
    assert_string_equal(err.field, "end");
    p = sample();
    p.company_id = 0;
    assert_int_equal(ov_placement_validate(&p, true, p.start, &err), OV_EINVAL);
    assert_string_equal(err.field, "company_id");
}

static void placement_types_have_codes_and_danish_labels(void **state)
{
    (void)state;
    ov_placement_type t;
    assert_int_equal(ov_placement_type_parse(OV_STR_LIT("wage_subsidy"), &t,
                                             NULL),
                     OV_OK);
    assert_int_equal(t, OV_PLACE_WAGE_SUBSIDY);
    assert_string_equal(ov_placement_type_label_da(OV_PLACE_INTERNSHIP),
                        "Virksomhedspraktik");
    ov_err err;
    assert_int_equal(ov_placement_type_parse(OV_STR_LIT("job"), &t, &err),
                     OV_EINVAL);
}

static void work_agreements_need_tasks_a_goal_and_hours_in_range(void **state)
{
    (void)state;
    ov_err err;
    ov_placement p = sample();
    ov_agreement a = {.internship_hours_x10 = 150,
                      .ordinary_hours_x10 = 50,
                      .tasks = OV_STR_LIT("Lager: pluk og pak"),
                      .accommodations = OV_STR_LIT("Ingen kundekontakt"),
                      .ngoals = 1,
                      .review_date = ov_date_from_ymd(2026, 5, 1)};
    a.goals[0] = (ov_agreement_goal){OV_STR_LIT("5 ordinære timer i maj"),
                                     false};
    assert_int_equal(ov_agreement_validate(&a, &p, &err), OV_OK);
    ov_agreement b = a;
    b.ordinary_hours_x10 = 451;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "ordinary_hours");
    b = a;
    b.tasks = OV_STR_LIT(" ");
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "tasks");
    b = a;
    b.ngoals = 0;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "goals");
    b = a;
    b.review_date = p.start - 1;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "review_date");
    b.review_date = p.end + 1;
    assert_int_equal(ov_agreement_validate(&b, &p, &err), OV_EINVAL);
}

static void iso_weeks_of_the_hours_log_are_real_weeks(void **state)
{
    (void)state;
    assert_int_equal(ov_iso_weeks_in_year(2026), 53);
    assert_int_equal(ov_iso_weeks_in_year(2025), 52);
    assert_int_equal(ov_iso_week_monday(2026, 1), ov_date_from_ymd(2025, 12, 29));
    assert_int_equal(ov_iso_week_monday(2026, 53), ov_date_from_ymd(2026, 12, 28));
    ov_err err;
    ov_placement p = {OV_PLACE_INTERNSHIP, 1, ov_date_from_ymd(2025, 12, 1),
                      false, 0, 100};
    ov_hours_week w = {2026, 53, 100, 50};
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_OK);
    w = (ov_hours_week){2025, 53, 100, 50};
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "2025-W53 does not exist"));
    w = (ov_hours_week){2025, 48, 100, 0}; /* 24-30 Nov 2025, before start */
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_EINVAL);
    w = (ov_hours_week){2025, 49, 400, 201};
    assert_int_equal(ov_hours_week_validate(&w, &p, &err), OV_EINVAL);
    assert_string_equal(err.field, "hours");
}

static void progression_sorts_weeks_and_reports_ordinary_share(void **state)
{
    (void)state;
    ov_hours_week w[] = {{2026, 12, 100, 100}, {2026, 2, 150, 0},
                         {2025, 52, 100, 0}, {2026, 20, 0, 200}};
    double first, last;
    assert_true(ov_hours_progression(w, 4, &first, &last));
    assert_int_equal(w[0].iso_year, 2025);
    assert_int_equal(w[1].iso_week, 2);
    assert_int_equal(w[3].iso_week, 20);
    assert_true(first == 0.0);
    assert_true(last == 1.0);
    assert_false(ov_hours_progression(w, 0, &first, &last));
}

/* ---- the signature's hash ---- */

static void sign_sample(ov_placement *p, ov_agreement *a)
{
    memset(p, 0, sizeof *p);
    memset(a, 0, sizeof *a);
    p->type = OV_PLACE_INTERNSHIP;
    p->company_id = 5;
    p->start = ov_date_from_ymd(2026, 3, 2);
    p->weekly_hours_x10 = 150;
    a->internship_hours_x10 = 150;
    a->ordinary_hours_x10 = 20;
    a->tasks = OV_STR_LIT("Pluk og pak");
    a->accommodations = OV_STR_LIT("Pauser");
    a->ngoals = 2;
    a->goals[0] = (ov_agreement_goal){OV_STR_LIT("2 ordinære timer"), false};
    a->goals[1] = (ov_agreement_goal){OV_STR_LIT("Truckcertifikat"), true};
    a->review_date = ov_date_from_ymd(2026, 5, 4);
}

/* The hash is SHA-256 of exactly the canonical form placement.h
 * documents: built here by hand from the documentation. */
static void the_agreement_hash_is_sha256_of_the_documented_form(void **state)
{
    (void)state;
    ov_placement p;
    ov_agreement a;
    sign_sample(&p, &a);
    static const char canon[] =
        "overgang-agreement-v1\n"
        "placement 12\n"
        "version 3\n"
        "type internship\n"
        "company 5\n"
        "start 2026-03-02\n"
        "end -\n"
        "internship_hours_x10 150\n"
        "ordinary_hours_x10 20\n"
        "review 2026-05-04\n"
        "tasks 11:Pluk og pak\n"
        "accommodations 6:Pauser\n"
        "goals 2\n"
        "goal 0 17:2 ordinære timer\n"
        "goal 1 15:Truckcertifikat\n";
    uint8_t want[32], got[32];
    ov_sha256(canon, sizeof canon - 1, want);
    ov_agreement_hash(12, 3, &p, &a, got);
    assert_memory_equal(want, got, 32);
    char hex[65];
    ov_agreement_hash_hex(got, hex);
    assert_int_equal(strlen(hex), 64);
    for (int i = 0; i < 64; i++)
        assert_true((hex[i] >= '0' && hex[i] <= '9') ||
                    (hex[i] >= 'a' && hex[i] <= 'f'));
}

/* The same content gives the same hash; any field changed gives
 * another, and text moved between fields does too. */
static void the_agreement_hash_changes_with_any_field(void **state)
{
    (void)state;
    ov_placement p0;
    ov_agreement a0;
    sign_sample(&p0, &a0);
    uint8_t h0[32], h[32];
    ov_agreement_hash(12, 3, &p0, &a0, h0);
    ov_agreement_hash(12, 3, &p0, &a0, h);
    assert_memory_equal(h0, h, 32);
    /* trailing blanks are not content (the store keeps texts trimmed) */
    ov_placement p = p0;
    ov_agreement a = a0;
    a.tasks = OV_STR_LIT("Pluk og pak  ");
    ov_agreement_hash(12, 3, &p, &a, h);
    assert_memory_equal(h0, h, 32);
    for (int k = 0; k < 17; k++) {
        p = p0;
        a = a0;
        int64_t id = 12;
        int v = 3;
        switch (k) {
        case 0: id = 13; break;
        case 1: v = 4; break;
        case 2: p.type = OV_PLACE_WAGE_SUBSIDY; break;
        case 3: p.company_id = 6; break;
        case 4: p.start += 1; break;
        case 5: p.has_end = true; p.end = p.start + 90; break;
        case 6: a.internship_hours_x10 = 151; break;
        case 7: a.ordinary_hours_x10 = 21; break;
        case 8: a.review_date += 1; break;
        case 9: a.tasks = OV_STR_LIT("Pluk og pakke"); break;
        case 10: a.accommodations = OV_STR_LIT(""); break;
        case 11: a.ngoals = 1; break;
        case 12: a.goals[0].reached = true; break;
        case 13: a.goals[1].text = OV_STR_LIT("Truckcertifikat B"); break;
        /* the same bytes in other fields */
        case 14:
            a.tasks = OV_STR_LIT("Pluk og pakPauser");
            a.accommodations = OV_STR_LIT("");
            break;
        case 15: {
            ov_agreement_goal g = a.goals[0];
            a.goals[0] = a.goals[1];
            a.goals[1] = g;
            break;
        }
        case 16:
            a.tasks = OV_STR_LIT("Pluk og pak\naccommodations 6:Pauser");
            a.accommodations = OV_STR_LIT("");
            break;
        }
        ov_agreement_hash(id, v, &p, &a, h);
        if (memcmp(h0, h, 32) == 0)
            fail_msg("change %d left the hash unchanged", k);
    }
}

static void parties_who_signed_before_must_sign_again(void **state)
{
    (void)state;
    assert_int_equal(ov_sign_again(OV_SIGN_ALL, 0), OV_SIGN_ALL);
    assert_int_equal(ov_sign_again(OV_SIGN_ALL, OV_SIGN_CITIZEN),
                     OV_SIGN_CONSULTANT | OV_SIGN_EMPLOYER);
    assert_int_equal(ov_sign_again(OV_SIGN_CITIZEN, OV_SIGN_EMPLOYER),
                     OV_SIGN_CITIZEN);
    assert_int_equal(ov_sign_again(0, OV_SIGN_ALL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hours_parse_danish_and_dot_decimals),
        cmocka_unit_test(a_placement_cannot_start_before_the_start_meeting),
        cmocka_unit_test(placement_types_have_codes_and_danish_labels),
        cmocka_unit_test(work_agreements_need_tasks_a_goal_and_hours_in_range),
        cmocka_unit_test(iso_weeks_of_the_hours_log_are_real_weeks),
        cmocka_unit_test(progression_sorts_weeks_and_reports_ordinary_share),
        cmocka_unit_test(the_agreement_hash_is_sha256_of_the_documented_form),
        cmocka_unit_test(the_agreement_hash_changes_with_any_field),
        cmocka_unit_test(parties_who_signed_before_must_sign_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
