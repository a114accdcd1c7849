/* Company match: each component at its edges, explanations, ranking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/match.h"

static ov_opening opening(void)
{
    ov_opening o = {1, OV_STR_LIT("Pasning af DYR og rengøring af stalde"),
                    OV_STR_LIT("9211"), 10, 25,
                    OV_ACC_BIT(OV_ACC_QUIET_WORKPLACE) |
                        OV_ACC_BIT(OV_ACC_MENTOR),
                    OV_ORD_NOW, true, 250, 3300};
    return o;
}

static ov_match_profile profile(void)
{
    ov_match_profile p = {0};
    p.occupation = OV_STR_LIT("9211");
    p.nwishes = 2;
    p.wishes[0] = OV_STR_LIT("dyr");
    p.wishes[1] = OV_STR_LIT("udendørs");
    p.needs = OV_ACC_BIT(OV_ACC_QUIET_WORKPLACE) | OV_ACC_BIT(OV_ACC_MENTOR);
    p.wanted_hours = 15;
    p.municipality_code = 250;
    p.postcode = 3300;
    p.travel = OV_TRAVEL_ANYWHERE;
    return p;
}

static void a_perfect_fit_scores_100(void **state)
{
    (void)state;
    ov_match_weights w = ov_match_weights_default();
    ov_match_profile p = profile();
    ov_opening o = opening();
    ov_match_score s;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.total > 99.999 && s.total < 100.001);
    assert_string_equal(s.parts[OV_MC_GOAL].text_da,
                        "Samme stilling som jobmålet: Manuelt arbejde inden for agerbrug (9211)");
    assert_string_equal(s.parts[OV_MC_GOAL].code, "goal");
}

static void goal_partial_by_group_or_wishes(void **state)
{
    (void)state;
    ov_match_weights w = ov_match_weights_default();
    ov_match_profile p = profile();
    ov_opening o = opening();
    ov_match_score s;
    o.occupation = OV_STR_LIT("9214");
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_GOAL].points == 17.5);
    o.occupation = OV_STR_LIT("5223");
    ov_match_score_of(&w, &p, &o, &s);
    /* 1 of 2 wishes ("dyr", matched case-insensitively) = a quarter */
    assert_true(s.parts[OV_MC_GOAL].points == 35 * 0.25);
    assert_string_equal(s.parts[OV_MC_GOAL].text_da,
                        "1 af 2 ønsker passer til opgaverne (dyr)");
    p.nwishes = 0;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_GOAL].points == 0);
}

static void danish_letters_match_regardless_of_case(void **state)
{
    (void)state;
    ov_match_weights w = ov_match_weights_default();
    ov_match_profile p = profile();
    p.occupation = OV_STR_LIT("");
    p.nwishes = 1;
    p.wishes[0] = OV_STR_LIT("ÆBLER");
    ov_opening o = opening();
    o.tasks = OV_STR_LIT("Plukning af æbler");
    ov_match_score s;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_GOAL].points == 17.5);
}

static void unmet_accommodation_needs_are_named(void **state)
{
    (void)state;
    ov_match_weights w = ov_match_weights_default();
    ov_match_profile p = profile();
    p.needs |= OV_ACC_BIT(OV_ACC_NO_CUSTOMERS);
    ov_opening o = opening();
    ov_match_score s;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_ACCOMMODATION].points > 13.33 &&
                s.parts[OV_MC_ACCOMMODATION].points < 13.34);
    assert_string_equal(s.parts[OV_MC_ACCOMMODATION].text_da,
                        "Arbejdspladsen kan tilbyde 2 af 3 skånebehov; "
                        "mangler: Ingen kundekontakt");
    p.needs = 0;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_ACCOMMODATION].points == 20);
}

static void ordinary_hours_shortage_location_and_hours(void **state)
{
    (void)state;
    ov_match_weights w = ov_match_weights_default();
    ov_match_profile p = profile();
    ov_opening o = opening();
    ov_match_score s;
    o.ordinary = OV_ORD_LATER;
    o.shortage = false;
    o.postcode = 3390;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_ORDINARY].points == 10);
    assert_true(s.parts[OV_MC_SHORTAGE].points == 0);
    assert_true(s.parts[OV_MC_LOCATION].points == 7);
    o.ordinary = OV_ORD_NOT;
    o.municipality_code = 260;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_ORDINARY].points == 0);
    assert_true(s.parts[OV_MC_LOCATION].points == 3);
    p.travel = OV_TRAVEL_SAME_MUNICIPALITY;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_LOCATION].points == 0);
    /* hours: 2 below the range loses two fifths; 5 or more loses all */
    p.wanted_hours = 8;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_HOURS].points == 3);
    p.wanted_hours = 30;
    ov_match_score_of(&w, &p, &o, &s);
    assert_true(s.parts[OV_MC_HOURS].points == 0);
    assert_non_null(strstr(s.parts[OV_MC_HOURS].text_da, "tilbyder 10-25"));
}

static void weights_must_sum_to_100(void **state)
{
    (void)state;
    ov_err err;
    ov_match_weights w = ov_match_weights_default();
    assert_int_equal(ov_match_weights_validate(&w, &err), OV_OK);
    w.w[0] = 40;
    assert_int_equal(ov_match_weights_validate(&w, &err), OV_EINVAL);
    assert_non_null(strstr(err.msg, "sum to 105"));
}

static void ranking_is_by_score_then_id(void **state)
{
    (void)state;
    ov_match_score s[3] = {{3, 50.0, {{0}}}, {1, 70.0, {{0}}},
                           {2, 50.0, {{0}}}};
    ov_match_rank(s, 3);
    assert_int_equal(s[0].opening_id, 1);
    assert_int_equal(s[1].opening_id, 2);
    assert_int_equal(s[2].opening_id, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_perfect_fit_scores_100),
        cmocka_unit_test(goal_partial_by_group_or_wishes),
        cmocka_unit_test(danish_letters_match_regardless_of_case),
        cmocka_unit_test(unmet_accommodation_needs_are_named),
        cmocka_unit_test(ordinary_hours_shortage_location_and_hours),
        cmocka_unit_test(weights_must_sum_to_100),
        cmocka_unit_test(ranking_is_by_score_then_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
