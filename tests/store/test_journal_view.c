/* The course journal (store/journal_view.c): every kind of record written
 * on a course appears, newest first, filtered by kind and period, never
 * another course's; journal notes are corrected by new notes, never
 * changed, and refuse a future date or a note of another course. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/meeting.h"
#include "store/citizen.h"
#include "store/citizen_home.h"
#include "store/course.h"
#include "store/cti.h"
#include "store/journal_view.h"
#include "store/match.h"
#include "store/measure.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/plan.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define TODAY D(2026, 11, 22)

/* writes as the jobcentre caseworker of the world ("job") */
static const ov_actor job_actor = {"job", OV_ROLE_EMPLOYMENT_CASEWORKER,
                                   "test"};

#define OK(call)                                                           \
    do {                                                                   \
        ov_status st_ = (call);                                            \
        if (st_ != OV_OK)                                                  \
            fail_msg("%s: %s", #call, err.msg);                            \
    } while (0)

static ov_tx *begin(tu_world *w, const ov_actor *a)
{
    ov_tx *tx;
    ov_err err;
    OK(ov_tx_begin(w->t.store, a, &tx, &err));
    return tx;
}

static void commit(ov_tx *tx)
{
    ov_err err;
    OK(ov_tx_commit(tx, &err));
}

static int64_t add_note(tu_world *w, int64_t course, ov_date on,
                        const char *subject, int64_t corrects,
                        ov_status want)
{
    ov_tx *tx = begin(w, &job_actor);
    ov_err err;
    int64_t id = 0;
    ov_note n = {on, ov_str_c(subject), OV_STR_LIT("Hvad der skete"),
                 corrects};
    ov_status st = ov_note_add(tx, course, &n, TODAY, &id, &err);
    if (st != want)
        fail_msg("note %s: status %d, want %d (%s)", subject, st, want,
                 err.msg);
    if (st == OV_OK)
        commit(tx);
    else
        ov_tx_rollback(tx);
    return id;
}

static ov_journal_entry *read_journal(tu_world *w, int64_t course,
                                      const ov_journal_filter *f,
                                      ov_arena *a, ov_list_info *li)
{
    ov_tx *tx = begin(w, &tu_actor);
    ov_err err;
    ov_journal_entry *rows = NULL;
    OK(ov_journal_read(tx, course, f, OV_JOURNAL_CAP, a, &rows, li, &err));
    commit(tx);
    return rows;
}

static const ov_journal_filter ALL = {-1, 0, 0, 0, 0};

/* A course with one record of every kind. */
static int64_t full_course(tu_world *w)
{
    ov_err err;
    int64_t course = tu_course(w, D(2026, 6, 1));
    ov_tx *tx = begin(w, &job_actor);
    ov_life_domains dom;
    ov_life_domains_default(&dom);
    ov_assessment_item it = {ov_str_c(dom.code[0]),
                             OV_STR_LIT("Jeg vil gerne arbejde"),
                             OV_STR_LIT("Stabil"), OV_STR_LIT("Søvn"), 2};
    ov_meeting_input sm = {
        .kind = OV_MEETING_START, .held_on = D(2026, 6, 10),
        .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                     OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                     OV_ATTEND(OV_ROLE_CTI_WORKER) |
                     OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT),
        .notes = OV_STR_LIT("Godt første møde"),
        .wishes = OV_STR_LIT("Arbejde med dyr"),
        .competences = OV_STR_LIT("Kørekort"), .nitems = 1, .items = &it};
    int64_t id;
    bool complete;
    OK(ov_meeting_record(tx, course, &sm, &dom, TODAY, &id, &complete, &err));
    ov_plan p;
    memset(&p, 0, sizeof p);
    p.job_goal = OV_STR_LIT("Dyrepasser");
    int v;
    OK(ov_plan_save(tx, course, 0, &p, true, OV_STR_LIT("Godt mål"), &v,
                    &err));
    int64_t comment;
    OK(ov_plan_comment_add(tx, course, v, false,
                           OV_STR_LIT("Hellere med heste end med køer"),
                           &comment, &err));
    ov_meeting_input fu = {.kind = OV_MEETING_FOLLOWUP,
                           .held_on = D(2026, 7, 10),
                           .attendees = OV_ATTEND(OV_ROLE_CITIZEN),
                           .notes = OV_STR_LIT("Opfølgning gik fint"),
                           .plan_version = v};
    OK(ov_meeting_record(tx, course, &fu, &dom, TODAY, &id, &complete, &err));
    ov_opening o = {.tasks = OV_STR_LIT("Fodring af dyr"),
                    .occupation = OV_STR_LIT("9211"),
                    .hours_min = 10,
                    .hours_max = 25,
                    .ordinary = OV_ORD_NOW};
    OK(ov_opening_create(tx, w->company, &o, &err));
    int64_t prop;
    OK(ov_match_propose(tx, course, o.id, 70, D(2026, 7, 12), &prop, &err));
    OK(ov_match_answer(tx, prop, true, OV_BY_CITIZEN, OV_STR_LIT("Jeg vil gerne arbejde med dyr"), D(2026, 7, 14), &err));
    ov_cti_rules rules = ov_cti_rules_default();
    OK(ov_cti_start(tx, course, OV_BASIS_SEL82B, 0, D(2026, 7, 15), &rules,
                    &err));
    ov_cti_contact k = {D(2026, 7, 20), OV_FORM_PHONE, 30,
                        OV_STR_LIT("Økonomi"),
                        OV_STR_LIT("Budget lagt sammen")};
    OK(ov_cti_log_contact(tx, course, &k, TODAY, &id, &err));
    ov_placement pl = {OV_PLACE_INTERNSHIP, w->company, D(2026, 8, 1), false,
                       0, 150};
    int64_t pid;
    OK(ov_placement_create(tx, course, &pl, &pid, &err));
    ov_agreement ag;
    memset(&ag, 0, sizeof ag);
    ag.internship_hours_x10 = 150;
    ag.tasks = OV_STR_LIT("Fodring");
    ag.accommodations = OV_STR_LIT("Rolige opgaver");
    ag.ngoals = 1;
    ag.goals[0] = (ov_agreement_goal){OV_STR_LIT("Møde til tiden"), false};
    ag.review_date = D(2026, 9, 1);
    unsigned mask;
    OK(ov_agreement_save(tx, pid, 0, &ag, &v, &err));
    OK(ov_agreement_sign(tx, pid, v, OV_SIGN_CITIZEN, &mask, &err));
    ov_measurement m = {.instrument = OV_INSTR_WHO5,
                        .taken_on = D(2026, 8, 5), .nitems = 5,
                        .entered_by = OV_BY_CITIZEN};
    for (int i = 0; i < 5; i++)
        m.items[i] = 3;
    OK(ov_measure_record(tx, course, &m, TODAY, &id, &err));
    OK(ov_employment_record(tx, course, D(2026, 10, 1), 100, &err));
    OK(ov_course_end(tx, course, OV_END_ORDINARY_JOB,
                     OV_STR_LIT("Fast job på gården"), D(2026, 11, 1), TODAY,
                     &err));
    commit(tx);
    add_note(w, course, D(2026, 11, 2), "Afsluttende samtale", 0, OV_OK);
    return course;
}

static void every_kind_appears_newest_first_with_its_author(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = full_course(&w);
    ov_arena *a = ov_arena_new(0);
    ov_list_info li;
    ov_journal_entry *e = read_journal(&w, course, &ALL, a, &li);
    bool seen[OV_JK_COUNT] = {false};
    for (int i = 0; i < li.n; i++) {
        seen[e[i].kind] = true;
        if (i > 0 && e[i].at > e[i - 1].at)
            fail_msg("entry %d (%s) is newer than the one before it", i,
                     ov_jkind_code(e[i].kind));
    }
    for (int k = 0; k < OV_JK_COUNT; k++)
        if (!seen[k])
            fail_msg("no %s entry in the journal", ov_jkind_code((ov_jkind)k));
    assert_int_equal(li.total, li.n);
    assert_false(li.truncated);
    /* the note's author is the user, by name and role (plan and
     * agreement versions are dated by when they were saved, the clock's
     * today, after the fixture's) */
    int note = -1;
    for (int i = 0; i < li.n; i++)
        if (e[i].kind == OV_JK_NOTE)
            note = i;
    assert_true(note >= 0);
    assert_true(ov_str_eq_c(e[note].author_user, "job"));
    assert_true(e[note].author_name.len > 0);
    assert_true(ov_str_eq_c(e[note].author_role, "employment_caseworker"));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void filters_by_kind_and_period_and_never_shows_another_course(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = full_course(&w);
    /* another citizen's course on the same team, with a note of its own */
    ov_tx *tx = begin(&w, &tu_actor);
    ov_err err;
    int64_t cit, other;
    OK(ov_citizen_create(tx, OV_STR_LIT("Bo Hansen"),
                         OV_STR_LIT("020275-2342"), &cit, &err));
    OK(ov_course_create(tx, cit, w.team, OV_STAGE_DRAWN, D(2026, 6, 1),
                        &other, &err));
    commit(tx);
    add_note(&w, other, D(2026, 7, 1), "Andet forløbs notat", 0, OV_OK);
    ov_arena *a = ov_arena_new(0);
    ov_list_info li;
    ov_journal_filter notes = {OV_JK_NOTE, 0, 0, 0, 0};
    ov_journal_entry *e = read_journal(&w, course, &notes, a, &li);
    assert_int_equal(li.n, 1);
    assert_true(ov_str_eq_c(e[0].text, "Afsluttende samtale"));
    ov_journal_filter july = {-1, D(2026, 7, 1), D(2026, 7, 31), 0, 0};
    e = read_journal(&w, course, &july, a, &li);
    assert_true(li.n >= 4); /* follow-up, proposal, answer, CTI, contact */
    for (int i = 0; i < li.n; i++) {
        assert_true(e[i].at >= D(2026, 7, 1) && e[i].at <= D(2026, 7, 31));
        assert_false(ov_str_eq_c(e[i].text, "Andet forløbs notat"));
    }
    e = read_journal(&w, other, &ALL, a, &li);
    for (int i = 0; i < li.n; i++)
        assert_false(ov_str_eq_c(e[i].text, "Afsluttende samtale"));
    /* a reversed period is refused */
    ov_journal_filter back = {-1, D(2026, 8, 1), D(2026, 7, 1), 0, 0};
    tx = begin(&w, &tu_actor);
    ov_journal_entry *rows;
    assert_int_equal(ov_journal_read(tx, course, &back, 10, a, &rows, &li,
                                     &err),
                     OV_EINVAL);
    assert_string_equal(err.field, "from");
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void a_start_meetings_entry_holds_everything_written_at_it(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = full_course(&w);
    ov_arena *a = ov_arena_new(0);
    ov_list_info li;
    ov_journal_filter sm = {OV_JK_START_MEETING, 0, 0, 0, 0};
    ov_journal_entry *e = read_journal(&w, course, &sm, a, &li);
    assert_int_equal(li.n, 1);
    ov_tx *tx = begin(&w, &tu_actor);
    ov_err err;
    ov_journal_entry one;
    ov_journal_field *f;
    int nf;
    OK(ov_journal_entry_read(tx, course, OV_JK_START_MEETING, e[0].ref, 0, a,
                             &one, &f, &nf, &err));
    commit(tx);
    const char *want[] = {"Godt første møde", "Arbejde med dyr", "Kørekort",
                          "Jeg vil gerne arbejde", "Stabil", "Søvn"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        bool found = false;
        for (int j = 0; j < nf && !found; j++)
            found = ov_str_eq_c(f[j].value, want[i]);
        if (!found)
            fail_msg("the start meeting's entry lacks '%s'", want[i]);
    }
    /* the same meeting asked for through another course: not found */
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_journal_entry_read(tx, course + 1000,
                                           OV_JK_START_MEETING, e[0].ref, 0,
                                           a, &one, &f, &nf, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void a_correction_is_a_new_note_and_the_old_says_it_was_corrected(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 6, 1));
    int64_t first = add_note(&w, course, D(2026, 11, 1), "Samtale", 0, OV_OK);
    int64_t fix = add_note(&w, course, D(2026, 11, 1),
                           "Rettelse til notat af 01-11-2026", first, OV_OK);
    ov_arena *a = ov_arena_new(0);
    ov_list_info li;
    ov_journal_filter notes = {OV_JK_NOTE, 0, 0, 0, 0};
    ov_journal_entry *e = read_journal(&w, course, &notes, a, &li);
    assert_int_equal(li.n, 2);
    /* newest first: the correction refers to the old note and its date */
    assert_int_equal(e[0].ref, fix);
    assert_int_equal(e[0].ref2, first);
    assert_true(ov_str_eq_c(e[0].code, "2026-11-01"));
    assert_int_equal(e[0].num, 0);
    /* the old note is kept as written and names its correction */
    assert_int_equal(e[1].ref, first);
    assert_true(ov_str_eq_c(e[1].text, "Samtale"));
    assert_int_equal(e[1].num, fix);
    assert_true(ov_str_eq_c(e[1].extra, "2026-11-01"));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void a_note_refuses_a_future_date_empty_text_and_a_foreign_note(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 6, 1));
    add_note(&w, course, TODAY + 1, "I morgen", 0, OV_EINVAL);
    add_note(&w, course, TODAY, "", 0, OV_EINVAL);
    /* a note of another course (here: Tønder's) answers as a missing one */
    ov_tx *tx = begin(&w, &tu_actor);
    ov_err err;
    int64_t cit, tonder;
    OK(ov_citizen_create(tx, OV_STR_LIT("Dorte Lund"),
                         OV_STR_LIT("040470-2564"), &cit, &err));
    OK(ov_course_create(tx, cit, w.team_tonder, OV_STAGE_DRAWN,
                        D(2026, 6, 1), &tonder, &err));
    commit(tx);
    int64_t theirs = add_note(&w, tonder, TODAY, "Tønder", 0, OV_OK);
    add_note(&w, course, TODAY, "Rettelse", theirs, OV_ENOTFOUND);
    add_note(&w, course, TODAY, "Rettelse", theirs + 100, OV_ENOTFOUND);
    /* a subject over its cap */
    char longs[OV_NOTE_SUBJECT_MAX + 2];
    memset(longs, 'x', sizeof longs - 1);
    longs[sizeof longs - 1] = '\0';
    add_note(&w, course, TODAY, longs, 0, OV_EINVAL);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_appears_newest_first_with_its_author),
        cmocka_unit_test(
            filters_by_kind_and_period_and_never_shows_another_course),
        cmocka_unit_test(a_start_meetings_entry_holds_everything_written_at_it),
        cmocka_unit_test(
            a_correction_is_a_new_note_and_the_old_says_it_was_corrected),
        cmocka_unit_test(
            a_note_refuses_a_future_date_empty_text_and_a_foreign_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
