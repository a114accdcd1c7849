/*
 * The citizen's access log in words (web/ui_audit.c ov_access_text): who,
 * what was done, to what and why, in Danish and English; never a course
 * number, a route or a catalogue key, also for criteria and purposes it
 * does not know; every audit action has a verb.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "store/audit.h"
#include "web/handlers.h"

static const char *text(ov_lang l, ov_arena *a, ov_role role,
                        ov_action action, const char *purpose,
                        const char *criterion)
{
    ov_access_entry e = {0};
    e.role = role;
    e.action = action;
    e.purpose = ov_str_c(purpose);
    e.criterion = ov_str_c(criterion);
    return ov_access_text(l, a, &e);
}

static void a_read_of_the_course_says_who_what_and_why(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    assert_string_equal(text(OV_LANG_DA, a, OV_ROLE_EMPLOYMENT_CASEWORKER,
                             OV_ACT_READ, "forløb 17", "plan, møder"),
                        "Sagsbehandler (jobcenter) læste din plan og dine "
                        "møder i forbindelse med dit forløb");
    assert_string_equal(text(OV_LANG_EN, a, OV_ROLE_CTI_WORKER, OV_ACT_CREATE,
                             "forløb 17", "opfølgningsmøde"),
                        "CTI worker wrote a follow-up meeting in connection "
                        "with your course");
    /* three criteria: commas, then "og"; a repeated meaning once */
    assert_string_equal(text(OV_LANG_DA, a, OV_ROLE_LEADER, OV_ACT_READ,
                             "tavlemøde",
                             "journal, journalpost, mit team, timelog"),
                        "Leder læste journalen om dit forløb, dit team og "
                        "dine timer på virksomheden til et tavlemøde");
    ov_arena_destroy(a);
}

static void the_citizen_is_you(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    assert_string_equal(text(OV_LANG_DA, a, OV_ROLE_CITIZEN, OV_ACT_CREATE,
                             "mit forløb", "uenig i plan (kommentar)"),
                        "Du skrev en kommentar til din plan på din side Mit "
                        "forløb");
    assert_string_equal(text(OV_LANG_EN, a, OV_ROLE_CITIZEN, OV_ACT_READ,
                             "egen adgangslog", "egen adgangslog"),
                        "You read your access log when you looked at your "
                        "access log");
    ov_arena_destroy(a);
}

static void what_it_does_not_know_is_still_words_without_codes(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    /* an unknown criterion and purpose: "dine oplysninger", no why */
    assert_string_equal(text(OV_LANG_DA, a, OV_ROLE_SOCIAL_CASEWORKER,
                             OV_ACT_UPDATE, "noget nyt", "x_internal: 4"),
                        "Sagsbehandler (socialområdet) ændrede dine "
                        "oplysninger");
    /* a measurement's name and a calendar with its count */
    assert_string_equal(text(OV_LANG_EN, a, OV_ROLE_CTI_WORKER, OV_ACT_READ,
                             "kalender (abonnement)",
                             "WHO-5 trivselsindeks, kalender: 3 forløb"),
                        "CTI worker read a questionnaire about you and your "
                        "meetings in the calendar in a calendar");
    /* every action has a verb, in both languages, and no text holds a
     * course number, a route or a missing key */
    for (int act = 0; act < OV_ACT_COUNT; act++)
        for (int l = 0; l < OV_LANG_COUNT; l++) {
            const char *t = text((ov_lang)l, a, OV_ROLE_LEADER,
                                 (ov_action)act, "forløb 42",
                                 "forløb oprettet");
            assert_null(strchr(t, '['));
            assert_null(strstr(t, "42"));
            assert_null(strstr(t, "/forloeb"));
        }
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_read_of_the_course_says_who_what_and_why),
        cmocka_unit_test(the_citizen_is_you),
        cmocka_unit_test(what_it_does_not_know_is_still_words_without_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
