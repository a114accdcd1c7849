/* The reads for the pages and the API (store/view.h): meetings, plan
 * versions, proposals, placements with their agreement and hours,
 * employment, companies, teams, screening batches and the municipality's
 * audit log; each read of a citizen's data with its audit row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/audit.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/match.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/plan.h"
#include "store/screening.h"
#include "store/view.h"
#include "support/world.h"

#define A(r) OV_ATTEND(OV_ROLE_##r)
#define FULL (A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(CTI_WORKER) | \
              A(COMPANY_CONSULTANT))

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
static const ov_date TODAY = 20779; /* 2026-11-22 */

static const ov_actor JOB = {"job", OV_ROLE_EMPLOYMENT_CASEWORKER,
                             "forløb (test)"};
static const ov_actor LEADER = {"leder", OV_ROLE_LEADER, "revisionslog"};
static const ov_actor TONDER = {"tonder.job", OV_ROLE_EMPLOYMENT_CASEWORKER,
                                "forløb (test)"};
static const ov_actor CLI = {"cli:root", OV_ROLE_SYSTEM, "drift"};

/* ---- helpers ---- */

static int64_t q_int(tu_world *w, const char *sql)
{
    char *out = tu_sh_out("sqlite3 '%s' \"%s\"", w->t.db, sql);
    int64_t v = atoll(out);
    free(out);
    return v;
}

static int64_t audit_rows(tu_world *w)
{
    return q_int(w, "SELECT count(*) FROM audit_log");
}

/* The newest audit row as "action|citizen|criterion". */
static char *last_audit(tu_world *w)
{
    char *out = tu_sh_out("sqlite3 '%s' \"SELECT action || '|' || "
                          "coalesce(citizen_id, 0) || '|' || "
                          "coalesce(criterion, '') FROM audit_log ORDER BY "
                          "id DESC LIMIT 1\"",
                          w->t.db);
    size_t n = strlen(out);
    while (n && out[n - 1] == '\n')
        out[--n] = '\0';
    return out;
}

static void assert_last_audit(tu_world *w, int64_t citizen,
                              const char *criterion)
{
    char want[300];
    snprintf(want, sizeof want, "read|%lld|%s", (long long)citizen,
             criterion);
    char *got = last_audit(w);
    assert_string_equal(got, want);
    free(got);
}

static ov_tx *begin(tu_world *w, const ov_actor *actor)
{
    ov_tx *tx;
    ov_err err;
    if (ov_tx_begin(w->t.store, actor, &tx, &err) != OV_OK)
        fail_msg("begin: %s", err.msg);
    return tx;
}

static void commit(ov_tx *tx)
{
    ov_err err;
    if (ov_tx_commit(tx, &err) != OV_OK)
        fail_msg("commit: %s", err.msg);
}

static ov_tx *begin_read(tu_world *w)
{
    ov_tx *tx;
    ov_err err;
    if (ov_tx_begin_read(w->t.store, &tx, &err) != OV_OK)
        fail_msg("begin read: %s", err.msg);
    return tx;
}

static void meeting(tu_world *w, int64_t course, ov_meeting_kind kind,
                    ov_date on, ov_attendees who,
                    const ov_assessment_item *items, int nitems,
                    const char *wishes)
{
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = kind,
                           .held_on = on,
                           .attendees = who,
                           .wishes = ov_str_c(wishes),
                           .items = items,
                           .nitems = nitems};
    ov_tx *tx = begin(w, &tu_actor);
    int64_t id;
    bool complete;
    ov_err err;
    if (ov_meeting_record(tx, course, &in, &d, TODAY, &id, &complete, &err) !=
        OV_OK)
        fail_msg("meeting: %s", err.msg);
    commit(tx);
}

/* A course with a complete start meeting on 15-09-2026. */
static int64_t started_course(tu_world *w)
{
    int64_t course = tu_course(w, D(2026, 9, 1));
    meeting(w, course, OV_MEETING_START, D(2026, 9, 15), FULL, NULL, 0, NULL);
    return course;
}

static int64_t placement(tu_world *w, int64_t course, int64_t company,
                         ov_date start)
{
    ov_placement p = {OV_PLACE_INTERNSHIP, company, start, false, 0, 150};
    ov_tx *tx = begin(w, &tu_actor);
    int64_t id = 0;
    ov_err err;
    if (ov_placement_create(tx, course, &p, &id, &err) != OV_OK)
        fail_msg("placement: %s", err.msg);
    commit(tx);
    return id;
}

static int64_t company(tu_world *w, const char *cvr, const char *name,
                       int muni, int postcode)
{
    ov_tx *tx = begin(w, &tu_actor);
    int64_t id = 0;
    ov_err err;
    if (ov_org_company_create(tx, ov_str_c(cvr), ov_str_c(name), muni,
                              postcode, &id, &err) != OV_OK)
        fail_msg("company: %s", err.msg);
    commit(tx);
    return id;
}

static int64_t opening(tu_world *w, int64_t company_id, const char *tasks,
                       unsigned acc, ov_ordinary_hours ord)
{
    ov_opening o = {0, ov_str_c(tasks), OV_STR_LIT("9211"), 10, 25, acc, ord,
                    true, 0, 0};
    ov_tx *tx = begin(w, &tu_actor);
    ov_err err;
    if (ov_opening_create(tx, company_id, &o, &err) != OV_OK)
        fail_msg("opening: %s", err.msg);
    commit(tx);
    return o.id;
}

/* A second citizen with an open course in Tønder, and a Tønder user. */
static int64_t tonder_course(tu_world *w, int64_t *citizen)
{
    ov_tx *tx = begin(w, &tu_actor);
    ov_err err;
    int64_t course = 0;
    if (ov_citizen_create(tx, OV_STR_LIT("Bo Hansen"),
                          OV_STR_LIT("020275-2342"), citizen, &err) != OV_OK ||
        ov_course_create(tx, *citizen, w->team_tonder, OV_STAGE_DRAWN,
                         D(2026, 9, 1), &course, &err) != OV_OK)
        fail_msg("tønder: %s", err.msg);
    tu_add_user(tx, "tonder.job", OV_ROLE_EMPLOYMENT_CASEWORKER, 550,
                w->team_tonder);
    commit(tx);
    return course;
}

/* 6 candidates: 3 eligible (lines 2, 3, 7), one too young (line 4), one
 * not activity-ready (line 5), one excluded: in prison (line 6). */
static const char GOOD[] =
    "cpr;name;activity_ready;months_unemployed;in_prison\n"
    "010180-1231;Anna Berg;ja;24;nej\n"
    "020275-2342;Bo Hansen;ja;60;nej\n"
    "030399-1453;Carl Berg;ja;30;nej\n"
    "040470-2564;Dorte Lund;nej;80;nej\n"
    "050565-1675;Erik Holm;ja;14;ja\n"
    "060660-2786;Fie Skov;ja;12;nej\n";

static int64_t import(tu_world *w, int muni, ov_arena *a)
{
    ov_screening_rules r = ov_screening_rules_default();
    ov_import_report rep;
    int64_t batch = 0;
    ov_err err;
    ov_tx *tx = begin(w, &tu_actor);
    if (ov_screening_import(tx, muni, D(2026, 11, 1), &r, ov_str_c(GOOD),
                            "test.csv", a, &batch, &rep, &err) != OV_OK)
        fail_msg("import: %s", err.msg);
    commit(tx);
    return batch;
}

/* ---- meetings, plans, proposals, employment ---- */

static void meeting_list_returns_attendees_and_assessment_oldest_first(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_assessment_item items[] = {
        {OV_STR_LIT("housing"), OV_STR_LIT("Jeg bor hos min mor"),
         OV_STR_LIT("Stabil adresse"), OV_STR_LIT("For lidt plads"), 2},
        {OV_STR_LIT("mental_health"), OV_STR_LIT("Jeg er ofte nervøs"),
         OV_STR_LIT(""), OV_STR_LIT("Angst"), -1},
    };
    /* recorded out of date order: the list follows the meeting dates */
    meeting(&w, course, OV_MEETING_START, D(2026, 9, 15), FULL, items, 2,
            "Arbejde med dyr");
    meeting(&w, course, OV_MEETING_FOLLOWUP, D(2026, 10, 13),
            A(CITIZEN) | A(CTI_WORKER) | A(COMPANY_CONSULTANT), NULL, 0,
            NULL);
    meeting(&w, course, OV_MEETING_START, D(2026, 9, 8),
            A(CITIZEN) | A(CTI_WORKER), NULL, 0, NULL);
    ov_arena *a = ov_arena_new(0);
    ov_meeting_row *m = NULL;
    ov_list_info li = {0, 0, false};
    ov_err err;
    ov_tx *tx = begin(&w, &JOB);
    assert_int_equal(ov_meeting_list(tx, course, a, &m, &li, &err), OV_OK);
    commit(tx);
    assert_int_equal(li.n, 3);
    assert_int_equal(m[0].held_on, D(2026, 9, 8));
    assert_int_equal(m[0].kind, OV_MEETING_START);
    assert_false(m[0].complete);
    assert_int_equal(m[0].attendees, A(CITIZEN) | A(CTI_WORKER));
    assert_int_equal(m[0].nitems, 0);

    assert_int_equal(m[1].held_on, D(2026, 9, 15));
    assert_int_equal(m[1].kind, OV_MEETING_START);
    assert_true(m[1].complete);
    assert_int_equal(m[1].attendees, FULL);
    assert_true(ov_str_eq_c(m[1].wishes, "Arbejde med dyr"));
    assert_true(ov_str_eq_c(m[1].created_by, "test-user"));
    assert_int_equal(m[1].plan_version, 0);
    assert_int_equal(m[1].nitems, 2);
    assert_true(ov_str_eq_c(m[1].items[0].domain, "housing"));
    assert_true(ov_str_eq_c(m[1].items[0].own_words, "Jeg bor hos min mor"));
    assert_true(ov_str_eq_c(m[1].items[0].challenges, "For lidt plads"));
    assert_int_equal(m[1].items[0].rating, 2);
    assert_true(ov_str_eq_c(m[1].items[1].domain, "mental_health"));
    assert_int_equal(m[1].items[1].rating, -1);

    assert_int_equal(m[2].held_on, D(2026, 10, 13));
    assert_int_equal(m[2].kind, OV_MEETING_FOLLOWUP);
    assert_false(m[2].complete);
    assert_int_equal(m[2].attendees,
                     A(CITIZEN) | A(CTI_WORKER) | A(COMPANY_CONSULTANT));
    assert_int_equal(m[2].nitems, 0);
    assert_last_audit(&w, w.citizen, "møder");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void plan_versions_are_listed_newest_first_with_their_summary(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_plan_activity act = {3, OV_STR_LIT("Morgenrutine"), OV_ROLE_CTI_WORKER,
                            false, 0, OV_ITEM_PLANNED};
    ov_plan_subgoal sub = {2, OV_STR_LIT("Møde op til tiden"),
                           OV_ITEM_PLANNED, 1, &act};
    ov_plan_goal goal = {1, OV_STR_LIT("Komme i praktik"), OV_ITEM_PLANNED, 1,
                         &sub};
    ov_plan p = {OV_STR_LIT(""), OV_STR_LIT(""), 1, &goal};
    ov_err err;
    int v = 0;
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_plan_save(tx, course, 0, &p, false, OV_STR_LIT(""),
                                  &v, &err),
                     OV_OK);
    commit(tx);
    p.job_goal = OV_STR_LIT("Jeg vil arbejde med dyr");
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_plan_save(tx, course, 1, &p, true,
                                  OV_STR_LIT("Det lyder godt"), &v, &err),
                     OV_OK);
    commit(tx);
    ov_arena *a = ov_arena_new(0);
    ov_plan_meta *pv = NULL;
    ov_list_info li = {0, 0, false};
    tx = begin(&w, &JOB);
    assert_int_equal(ov_plan_versions(tx, course, a, &pv, &li, &err), OV_OK);
    commit(tx);
    assert_int_equal(li.n, 2);
    assert_int_equal(pv[0].version, 2);
    assert_true(pv[0].with_citizen);
    assert_true(ov_str_eq_c(pv[0].citizen_comment, "Det lyder godt"));
    assert_non_null(strstr(pv[0].summary.ptr, "Jobmål ændret"));
    assert_true(ov_str_eq_c(pv[0].created_by, "test-user"));
    assert_true(pv[0].created_at > 0);
    assert_int_equal(pv[1].version, 1);
    assert_false(pv[1].with_citizen);
    assert_string_equal(pv[1].summary.ptr, "Første version af planen");
    assert_true(pv[1].created_at <= pv[0].created_at);
    assert_last_audit(&w, w.citizen, "planversioner");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void proposal_list_shows_company_opening_and_answer_newest_first(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    int64_t o1 = opening(&w, w.company, "Pasning af dyr",
                         OV_ACC_BIT(OV_ACC_MENTOR), OV_ORD_NOW);
    int64_t o2 = opening(&w, w.company, "Lager og pakning", 0, OV_ORD_LATER);
    ov_err err;
    int64_t p1, p2;
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_match_propose(tx, course, o1, 80.5, D(2026, 9, 20),
                                      &p1, &err),
                     OV_OK);
    assert_int_equal(ov_match_answer(tx, p1, true, OV_BY_STAFF, OV_STR_NULL, D(2026, 9, 21), &err),
                     OV_OK);
    assert_int_equal(ov_match_propose(tx, course, o2, 61.0, D(2026, 9, 25),
                                      &p2, &err),
                     OV_OK);
    commit(tx);
    ov_arena *a = ov_arena_new(0);
    ov_proposal_row *r = NULL;
    ov_list_info li = {0, 0, false};
    tx = begin(&w, &JOB);
    assert_int_equal(ov_proposal_list(tx, course, a, &r, &li, &err), OV_OK);
    commit(tx);
    assert_int_equal(li.n, 2);
    assert_int_equal(r[0].id, p2);
    assert_int_equal(r[0].opening_id, o2);
    assert_true(ov_str_eq_c(r[0].opening_tasks, "Lager og pakning"));
    assert_false(r[0].answered);
    assert_false(r[0].agreed);
    assert_int_equal(r[1].id, p1);
    assert_int_equal(r[1].opening_id, o1);
    assert_int_equal(r[1].company_id, w.company);
    assert_true(ov_str_eq_c(r[1].company_name, "Frederiksværk Lager ApS"));
    assert_true(r[1].score > 80.49 && r[1].score < 80.51);
    assert_true(ov_str_eq_c(r[1].proposed_by, "test-user"));
    assert_int_equal(r[1].proposed_on, D(2026, 9, 20));
    assert_true(r[1].answered);
    assert_true(r[1].agreed);
    assert_int_equal(r[1].answered_on, D(2026, 9, 21));
    assert_last_audit(&w, w.citizen, "matchforslag");
    /* the course of a proposal: ids only, so a read transaction will do */
    int64_t of = 0;
    tx = begin_read(&w);
    assert_int_equal(ov_proposal_course(tx, p1, &of, &err), OV_OK);
    assert_int_equal(of, course);
    assert_int_equal(ov_proposal_course(tx, p2 + 100, &of, &err),
                     OV_ENOTFOUND);
    assert_int_equal(of, 0);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void employment_list_is_oldest_first(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_err err;
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_employment_record(tx, course, D(2026, 11, 1), 80,
                                          &err),
                     OV_OK);
    assert_int_equal(ov_employment_record(tx, course, D(2026, 10, 1), 40,
                                          &err),
                     OV_OK);
    commit(tx);
    ov_arena *a = ov_arena_new(0);
    ov_employment_row *r = NULL;
    ov_list_info li = {0, 0, false};
    tx = begin(&w, &JOB);
    assert_int_equal(ov_employment_list(tx, course, a, &r, &li, &err), OV_OK);
    commit(tx);
    assert_int_equal(li.n, 2);
    assert_int_equal(r[0].from, D(2026, 10, 1));
    assert_int_equal(r[0].ordinary_hours_x10, 40);
    assert_int_equal(r[1].from, D(2026, 11, 1));
    assert_int_equal(r[1].ordinary_hours_x10, 80);
    assert_last_audit(&w, w.citizen, "beskæftigelse");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* ---- placements ---- */

static void placement_get_returns_current_agreement_with_signoffs_and_hours(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = started_course(&w);
    int64_t pid = placement(&w, course, w.company, D(2026, 10, 1));
    ov_agreement ag = {.internship_hours_x10 = 150,
                       .ordinary_hours_x10 = 0,
                       .tasks = OV_STR_LIT("Pluk og pak på lageret"),
                       .accommodations = OV_STR_LIT("Rolig plads"),
                       .ngoals = 1,
                       .review_date = D(2026, 12, 1)};
    ag.goals[0] = (ov_agreement_goal){OV_STR_LIT("2 ordinære timer"), false};
    ov_err err;
    int v = 0;
    unsigned mask = 0;
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_agreement_save(tx, pid, 0, &ag, &v, &err), OV_OK);
    assert_int_equal(ov_agreement_sign(tx, pid, 1, OV_SIGN_CONSULTANT, &mask,
                                       &err),
                     OV_OK);
    commit(tx);
    /* version 2: the consultant's sign-off of version 1 does not carry */
    ag.ordinary_hours_x10 = 20;
    ag.ngoals = 2;
    ag.goals[0].reached = true;
    ag.goals[1] = (ov_agreement_goal){OV_STR_LIT("4 ordinære timer"), false};
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_agreement_save(tx, pid, 1, &ag, &v, &err), OV_OK);
    assert_int_equal(ov_agreement_sign(tx, pid, 2, OV_SIGN_CITIZEN, &mask,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_agreement_sign(tx, pid, 2, OV_SIGN_EMPLOYER, &mask,
                                       &err),
                     OV_OK);
    ov_hours_week w45 = {2026, 45, 150, 20}, w41 = {2026, 41, 120, 0};
    assert_int_equal(ov_hours_put(tx, pid, &w45, &err), OV_OK);
    assert_int_equal(ov_hours_put(tx, pid, &w41, &err), OV_OK);
    commit(tx);

    ov_arena *a = ov_arena_new(0);
    ov_placement_row r;
    tx = begin(&w, &JOB);
    assert_int_equal(ov_placement_get(tx, pid, a, &r, &err), OV_OK);
    commit(tx);
    assert_int_equal(r.id, pid);
    assert_int_equal(r.course_id, course);
    assert_int_equal(r.citizen_id, w.citizen);
    assert_true(ov_str_eq_c(r.citizen_name, "Anna Jensen"));
    assert_int_equal(r.p.type, OV_PLACE_INTERNSHIP);
    assert_int_equal(r.p.company_id, w.company);
    assert_int_equal(r.p.start, D(2026, 10, 1));
    assert_false(r.p.has_end);
    assert_int_equal(r.p.weekly_hours_x10, 150);
    assert_true(ov_str_eq_c(r.company_name, "Frederiksværk Lager ApS"));
    assert_int_equal(r.agreement_version, 2);
    assert_int_equal(r.agreement.internship_hours_x10, 150);
    assert_int_equal(r.agreement.ordinary_hours_x10, 20);
    assert_true(ov_str_eq_c(r.agreement.tasks, "Pluk og pak på lageret"));
    assert_true(ov_str_eq_c(r.agreement.accommodations, "Rolig plads"));
    assert_int_equal(r.agreement.review_date, D(2026, 12, 1));
    assert_int_equal(r.agreement.ngoals, 2);
    assert_true(ov_str_eq_c(r.agreement.goals[0].text, "2 ordinære timer"));
    assert_true(r.agreement.goals[0].reached);
    assert_true(ov_str_eq_c(r.agreement.goals[1].text, "4 ordinære timer"));
    assert_false(r.agreement.goals[1].reached);
    assert_int_equal(r.signed_mask, OV_SIGN_CITIZEN | OV_SIGN_EMPLOYER);
    assert_int_equal(r.nweeks, 2);
    assert_int_equal(r.weeks[0].iso_week, 41);
    assert_int_equal(r.weeks[0].internship_x10, 120);
    assert_int_equal(r.weeks[1].iso_week, 45);
    assert_int_equal(r.weeks[1].ordinary_x10, 20);
    assert_last_audit(&w, w.citizen, "virksomhedsforløb");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void placement_list_is_oldest_first_and_the_company_list_has_agreements_only(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = started_course(&w);
    int64_t other = company(&w, "11111114", "Aabenraa Auto", 250, 0);
    int64_t later = placement(&w, course, w.company, D(2026, 10, 1));
    int64_t sooner = placement(&w, course, w.company, D(2026, 9, 20));
    int64_t elsewhere = placement(&w, course, other, D(2026, 10, 5));
    ov_agreement ag = {.internship_hours_x10 = 150,
                       .tasks = OV_STR_LIT("Pluk"),
                       .ngoals = 1,
                       .review_date = D(2026, 12, 1)};
    ag.goals[0] = (ov_agreement_goal){OV_STR_LIT("1 ordinær time"), false};
    ov_hours_week wk = {2026, 45, 150, 0};
    ov_err err;
    int v;
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_agreement_save(tx, later, 0, &ag, &v, &err), OV_OK);
    assert_int_equal(ov_hours_put(tx, later, &wk, &err), OV_OK);
    commit(tx);

    ov_arena *a = ov_arena_new(0);
    ov_placement_row *r = NULL;
    ov_list_info li = {0, 0, false};
    tx = begin(&w, &JOB);
    assert_int_equal(ov_placement_list(tx, course, a, &r, &li, &err), OV_OK);
    commit(tx);
    assert_int_equal(li.n, 3);
    assert_int_equal(r[0].id, sooner);
    assert_int_equal(r[0].agreement_version, 0);
    assert_int_equal(r[0].signed_mask, 0);
    assert_int_equal(r[0].nweeks, 0);
    assert_int_equal(r[1].id, later);
    assert_int_equal(r[1].agreement_version, 1);
    assert_int_equal(r[1].nweeks, 1);
    assert_int_equal(r[2].id, elsewhere);
    assert_true(ov_str_eq_c(r[2].company_name, "Aabenraa Auto"));
    assert_last_audit(&w, w.citizen, "virksomhedsforløb");

    /* at one company: newest first, the agreement but not the hours */
    tx = begin(&w, &JOB);
    assert_int_equal(ov_placement_list_company(tx, w.company, a, &r, &li, &err),
                     OV_OK);
    commit(tx);
    assert_int_equal(li.n, 2);
    assert_int_equal(r[0].id, sooner);
    assert_int_equal(r[1].id, later);
    assert_int_equal(r[1].agreement_version, 1);
    assert_true(ov_str_eq_c(r[1].agreement.tasks, "Pluk"));
    assert_int_equal(r[1].nweeks, 0);
    assert_last_audit(&w, w.citizen, "arbejdsaftale");

    /* the course of a placement, in a read transaction */
    int64_t of = 0;
    tx = begin_read(&w);
    assert_int_equal(ov_placement_course(tx, elsewhere, &of, &err), OV_OK);
    assert_int_equal(of, course);
    assert_int_equal(ov_placement_course(tx, elsewhere + 100, &of, &err),
                     OV_ENOTFOUND);
    assert_int_equal(of, 0);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* ---- companies and teams ---- */

static void company_list_is_by_name_with_openings_newest_first(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t aab = company(&w, "11111114", "Aabenraa Auto", 250, 0);
    int64_t tdr = company(&w, "22222228", "Tønder Tømrer", 550, 6270);
    int64_t o1 = opening(&w, w.company, "Pasning af dyr",
                         OV_ACC_BIT(OV_ACC_MENTOR) | OV_ACC_BIT(OV_ACC_BREAKS),
                         OV_ORD_LATER);
    int64_t o2 = opening(&w, w.company, "Lager", 0, OV_ORD_NOT);
    opening(&w, tdr, "Tømrerlærling", 0, OV_ORD_NOW);
    ov_arena *a = ov_arena_new(0);
    ov_company_row *c = NULL;
    ov_list_info li = {0, 0, false};
    ov_err err;
    int64_t audit = audit_rows(&w);
    /* no citizen data: a read transaction will do, and nothing is logged */
    ov_tx *tx = begin_read(&w);
    assert_int_equal(ov_company_list(tx, 250, a, &c, &li, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(audit_rows(&w), audit);
    assert_int_equal(li.n, 2);
    assert_int_equal(c[0].id, aab);
    assert_true(ov_str_eq_c(c[0].cvr, "11111114"));
    assert_int_equal(c[0].postcode, 0);
    assert_int_equal(c[0].nopenings, 0);
    assert_int_equal(c[1].id, w.company);
    assert_true(ov_str_eq_c(c[1].name, "Frederiksværk Lager ApS"));
    assert_int_equal(c[1].municipality_code, 250);
    assert_int_equal(c[1].postcode, 3300);
    assert_int_equal(c[1].nopenings, 2);
    const ov_opening_row *first = &c[1].openings[0], *second =
                                                         &c[1].openings[1];
    assert_int_equal(first->o.id, o2);
    assert_int_equal(first->o.ordinary, OV_ORD_NOT);
    assert_int_equal(first->o.accommodations, 0);
    assert_int_equal(second->o.id, o1);
    assert_true(ov_str_eq_c(second->o.tasks, "Pasning af dyr"));
    assert_true(ov_str_eq_c(second->o.occupation, "9211"));
    assert_int_equal(second->o.hours_min, 10);
    assert_int_equal(second->o.hours_max, 25);
    assert_int_equal(second->o.accommodations,
                     OV_ACC_BIT(OV_ACC_MENTOR) | OV_ACC_BIT(OV_ACC_BREAKS));
    assert_int_equal(second->o.ordinary, OV_ORD_LATER);
    assert_true(second->o.shortage);
    assert_int_equal(second->o.municipality_code, 250);
    assert_int_equal(second->o.postcode, 3300);
    assert_true(second->active);
    /* Tønder's list has only its own */
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_company_list(tx, 550, a, &c, &li, &err), OV_OK);
    commit(tx);
    assert_int_equal(li.n, 1);
    assert_int_equal(c[0].id, tdr);
    assert_int_equal(c[0].nopenings, 1);
    assert_true(ov_str_eq_c(c[0].openings[0].o.tasks, "Tømrerlærling"));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void company_get_of_other_municipality_is_not_found(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t tdr = company(&w, "22222228", "Tønder Tømrer", 550, 6270);
    int64_t o = opening(&w, w.company, "Lager", 0, OV_ORD_NOW);
    opening(&w, tdr, "Tømrerlærling", 0, OV_ORD_NOW);
    ov_arena *a = ov_arena_new(0);
    ov_company_row c;
    ov_err err;
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_company_get(tx, w.company, 250, a, &c, &err), OV_OK);
    commit(tx);
    assert_int_equal(c.id, w.company);
    assert_int_equal(c.nopenings, 1);
    assert_int_equal(c.openings[0].o.id, o);
    /* another municipality's company answers like an unknown id */
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_company_get(tx, tdr, 250, a, &c, &err), OV_ENOTFOUND);
    assert_string_equal(err.field, "company_id");
    ov_tx_rollback(tx);
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_company_get(tx, tdr + 100, 250, a, &c, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    /* no id is no company (the get shares the list's reader) */
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_company_get(tx, 0, 250, a, &c, &err), OV_ENOTFOUND);
    ov_tx_rollback(tx);
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_company_get(tx, tdr, 550, a, &c, &err), OV_OK);
    commit(tx);
    assert_int_equal(c.nopenings, 1);
    assert_int_equal(c.municipality_code, 550);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void team_members_and_teams_are_listed_by_name(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    ov_member_row *m = NULL;
    ov_team_row *t = NULL;
    ov_list_info li = {0, 0, false};
    ov_err err;
    ov_tx *tx = begin_read(&w);
    assert_int_equal(ov_team_members(tx, w.team, a, &m, &li, &err), OV_OK);
    assert_int_equal(li.n, 4);
    const char *names[] = {"cti", "job", "social", "vk"};
    ov_role roles[] = {OV_ROLE_CTI_WORKER, OV_ROLE_EMPLOYMENT_CASEWORKER,
                       OV_ROLE_SOCIAL_CASEWORKER, OV_ROLE_COMPANY_CONSULTANT};
    int64_t ids[] = {w.cti, w.job, w.social, w.vk};
    for (int i = 0; i < 4; i++) {
        assert_true(ov_str_eq_c(m[i].full_name, names[i]));
        assert_int_equal(m[i].role, roles[i]);
        assert_int_equal(m[i].user_id, ids[i]);
    }
    assert_int_equal(ov_team_list(tx, 250, a, &t, &li, &err), OV_OK);
    assert_int_equal(li.n, 2);
    assert_int_equal(t[0].id, w.team);
    assert_true(ov_str_eq_c(t[0].name, "Team Nord"));
    assert_int_equal(t[1].id, w.other_team);
    assert_true(ov_str_eq_c(t[1].name, "Team Syd"));
    assert_int_equal(ov_team_list(tx, 550, a, &t, &li, &err), OV_OK);
    assert_int_equal(li.n, 1);
    assert_int_equal(t[0].id, w.team_tonder);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* The list convention (store.h, ov_list_info): a list over its cap keeps
 * the first rows and says so, with the number of all rows, so a page can
 * say "the first 200 of 201"; at the cap it is whole. */
static void team_list_over_its_cap_says_truncated_and_counts_them_all(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    /* the world has two teams in 250; 198 more make 200, the cap */
    ov_tx *tx = begin(&w, &tu_actor);
    for (int i = 0; i < 199; i++) {
        char name[32];
        snprintf(name, sizeof name, "Team %03d", i);
        int64_t id;
        assert_int_equal(ov_org_team_create(tx, 250, ov_str_c(name), &id,
                                            &err),
                         OV_OK);
        if (i == 197) {
            commit(tx);
            ov_team_row *t = NULL;
            ov_list_info li;
            ov_tx *r = begin_read(&w);
            assert_int_equal(ov_team_list(r, 250, a, &t, &li, &err),
                             OV_OK);
            ov_tx_rollback(r);
            assert_int_equal(li.n, 200);
            assert_int_equal(li.total, 200);
            assert_false(li.truncated);
            tx = begin(&w, &tu_actor);
        }
    }
    commit(tx);
    ov_team_row *t = NULL;
    ov_list_info li;
    tx = begin_read(&w);
    assert_int_equal(ov_team_list(tx, 250, a, &t, &li, &err), OV_OK);
    assert_int_equal(li.n, 200);
    assert_int_equal(li.total, 201);
    assert_true(li.truncated);
    assert_true(ov_str_eq_c(t[0].name, "Team 000")); /* by name */
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* ---- screening ---- */

static void batch_list_counts_per_municipality_newest_first(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t b1 = import(&w, 250, a);
    import(&w, 550, a);
    int64_t b2 = import(&w, 250, a);
    ov_err err;
    int64_t draw_id, out[2];
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_draw_make(tx, b1, 2, 7, w.team, D(2026, 11, 2),
                                  &draw_id, out, NULL, &err),
                     OV_OK);
    commit(tx);
    int64_t audit = audit_rows(&w);
    ov_batch_row *b = NULL;
    ov_list_info li = {0, 0, false};
    tx = begin_read(&w);
    assert_int_equal(ov_batch_list(tx, 250, a, &b, &li, &err), OV_OK);
    ov_tx_rollback(tx);
    assert_int_equal(audit_rows(&w), audit);
    assert_int_equal(li.n, 2);
    assert_int_equal(b[0].id, b2);
    assert_int_equal(b[0].ndrawn, 0);
    assert_int_equal(b[1].id, b1);
    assert_int_equal(b[1].municipality_code, 250);
    assert_int_equal(b[1].reference_date, D(2026, 11, 1));
    assert_int_equal(b[1].rules.min_age, 30);
    assert_int_equal(b[1].rules.min_months_unemployed, 12);
    assert_true(ov_str_eq_c(b[1].source_name, "test.csv"));
    assert_true(ov_str_eq_c(b[1].imported_by, "test-user"));
    assert_true(b[1].imported_at > 0);
    assert_int_equal(b[1].ncandidates, 6);
    assert_int_equal(b[1].nin_target, 4);
    assert_int_equal(b[1].neligible, 3);
    assert_int_equal(b[1].ndrawn, 2);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void batch_get_lists_candidates_with_draw_and_course(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t batch = import(&w, 250, a);
    ov_err err;
    int64_t draw_id, out[2], courses[2];
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_draw_make(tx, batch, 2, 7, w.team, D(2026, 11, 2),
                                  &draw_id, out, courses, &err),
                     OV_OK);
    commit(tx);
    int64_t audit = audit_rows(&w);
    ov_batch_detail d;
    tx = begin(&w, &LEADER);
    assert_int_equal(ov_batch_get(tx, batch, 250, a, &d, &err), OV_OK);
    commit(tx);
    assert_int_equal(d.batch.id, batch);
    assert_int_equal(d.batch.ncandidates, 6);
    assert_int_equal(d.batch.ndrawn, 2);
    assert_int_equal(d.ncandidates, 6);
    for (int i = 0; i < 6; i++)
        assert_int_equal(d.candidates[i].line, i + 2);
    const ov_candidate_row *anna = &d.candidates[0];
    assert_true(ov_str_eq_c(anna->citizen_name, "Anna Berg"));
    assert_int_equal(anna->facts.birth, D(1980, 1, 1));
    assert_true(anna->facts.activity_ready);
    assert_int_equal(anna->facts.months_unemployed, 24);
    assert_true(anna->in_target_group);
    /* line 4: born 1999, too young; line 5: not activity-ready */
    assert_false(d.candidates[2].in_target_group);
    assert_false(d.candidates[2].eligible);
    assert_false(d.candidates[2].excluded);
    assert_false(d.candidates[3].facts.activity_ready);
    assert_int_equal(d.candidates[3].facts.months_unemployed, 80);
    assert_false(d.candidates[3].in_target_group);
    /* line 6: in prison, so excluded */
    const ov_candidate_row *erik = &d.candidates[4];
    assert_true(erik->facts.in_prison);
    assert_true(erik->in_target_group);
    assert_false(erik->eligible);
    assert_true(erik->excluded);
    assert_true(ov_str_eq_c(erik->exclusion_reason, "prison"));
    /* the two drawn have the draw and the course it opened */
    int drawn = 0;
    for (int i = 0; i < d.ncandidates; i++) {
        const ov_candidate_row *c = &d.candidates[i];
        int k = c->id == out[0] ? 0 : c->id == out[1] ? 1 : -1;
        if (k < 0) {
            assert_int_equal(c->draw_id, 0);
            assert_int_equal(c->course_id, 0);
            continue;
        }
        drawn++;
        assert_true(c->eligible);
        assert_int_equal(c->draw_id, draw_id);
        assert_int_equal(c->course_id, courses[k]);
    }
    assert_int_equal(drawn, 2);
    assert_int_equal(d.ndraws, 1);
    assert_int_equal(d.draws[0].id, draw_id);
    assert_true(ov_str_eq_c(d.draws[0].seed, "7"));
    assert_int_equal(d.draws[0].count, 2);
    assert_int_equal(d.draws[0].pool, 3);
    assert_true(ov_str_eq_c(d.draws[0].drawn_by, "test-user"));
    assert_true(d.draws[0].drawn_at > 0);
    /* one audit row for each candidate citizen */
    assert_int_equal(audit_rows(&w), audit + 6);
    assert_int_equal(q_int(&w, "SELECT count(DISTINCT citizen_id) FROM "
                               "audit_log WHERE action = 'read' AND "
                               "criterion = 'screening' AND actor = 'leder'"),
                     6);
    /* a manual exclusion shows with its reason and text */
    int64_t undrawn = 0;
    for (int i = 0; i < d.ncandidates; i++)
        if (d.candidates[i].eligible && !d.candidates[i].draw_id)
            undrawn = d.candidates[i].id;
    assert_true(undrawn > 0);
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_screening_exclude(tx, undrawn, OV_EXCL_OTHER,
                                          OV_STR_LIT("Flyttet"), &err),
                     OV_OK);
    commit(tx);
    tx = begin(&w, &LEADER);
    assert_int_equal(ov_batch_get(tx, batch, 250, a, &d, &err), OV_OK);
    commit(tx);
    bool seen = false;
    for (int i = 0; i < d.ncandidates; i++)
        if (d.candidates[i].id == undrawn) {
            seen = true;
            assert_true(d.candidates[i].excluded);
            assert_false(d.candidates[i].eligible);
            assert_true(ov_str_eq_c(d.candidates[i].exclusion_reason,
                                    "other"));
            assert_true(ov_str_eq_c(d.candidates[i].exclusion_text,
                                    "Flyttet"));
        }
    assert_true(seen);
    assert_int_equal(d.batch.neligible, 2);
    /* another municipality's batch answers like an unknown id */
    tx = begin(&w, &LEADER);
    assert_int_equal(ov_batch_get(tx, batch, 550, a, &d, &err), OV_ENOTFOUND);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void batch_get_keeps_the_course_the_draw_made(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    int64_t batch = import(&w, 250, a);
    ov_err err;
    int64_t draw_id, out[1], courses[1];
    ov_tx *tx = begin(&w, &tu_actor);
    assert_int_equal(ov_draw_make(tx, batch, 1, 7, w.team, D(2026, 11, 2),
                                  &draw_id, out, courses, &err),
                     OV_OK);
    commit(tx);
    int64_t citizen = q_int(&w, "SELECT citizen_id FROM course ORDER BY id "
                                "DESC LIMIT 1");
    /* the drawn course ends and the citizen starts another one */
    int64_t next = 0;
    tx = begin(&w, &tu_actor);
    assert_int_equal(ov_course_end(tx, courses[0], OV_END_MOVED,
                                   OV_STR_LIT(""), D(2026, 11, 10), TODAY,
                                   &err),
                     OV_OK);
    assert_int_equal(ov_course_create(tx, citizen, w.other_team,
                                      OV_STAGE_DRAWN, D(2026, 11, 20), &next,
                                      &err),
                     OV_OK);
    commit(tx);
    ov_batch_detail d;
    tx = begin(&w, &LEADER);
    assert_int_equal(ov_batch_get(tx, batch, 250, a, &d, &err), OV_OK);
    commit(tx);
    int seen = 0;
    for (int i = 0; i < d.ncandidates; i++)
        if (d.candidates[i].id == out[0]) {
            seen++;
            assert_int_equal(d.candidates[i].draw_id, draw_id);
            assert_int_equal(d.candidates[i].course_id, courses[0]);
        }
    assert_int_equal(seen, 1);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void audit_search_refuses_a_bad_filter(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_arena *a = ov_arena_new(0);
    ov_audit_view_row *r = NULL;
    ov_list_info li = {0, 0, false};
    ov_err err;
    int64_t before = audit_rows(&w);
    ov_audit_filter f = {.municipality_code = 250, .limit = 0};
    ov_tx *tx = begin(&w, &LEADER);
    assert_int_equal(ov_audit_search(tx, &f, a, &r, &li, &err), OV_EINVAL);
    assert_string_equal(err.field, "limit");
    assert_int_equal(ov_tx_commit(tx, &err), OV_EINVAL);
    f.limit = 5001;
    tx = begin(&w, &LEADER);
    assert_int_equal(ov_audit_search(tx, &f, a, &r, &li, &err), OV_EINVAL);
    ov_tx_rollback(tx);
    f.limit = 10;
    f.has_from = f.has_to = true;
    f.from = D(2026, 11, 2);
    f.to = D(2026, 11, 1);
    tx = begin(&w, &LEADER);
    assert_int_equal(ov_audit_search(tx, &f, a, &r, &li, &err), OV_EINVAL);
    assert_string_equal(err.field, "to");
    ov_tx_rollback(tx);
    f.has_from = f.has_to = false;
    f.municipality_code = 0;
    tx = begin(&w, &LEADER);
    assert_int_equal(ov_audit_search(tx, &f, a, &r, &li, &err), OV_EINVAL);
    assert_string_equal(err.field, "municipality_code");
    ov_tx_rollback(tx);
    assert_int_equal(audit_rows(&w), before);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* ---- the audit log ---- */

static bool has_row(const ov_audit_view_row *r, int n, const char *actor,
                    int64_t citizen)
{
    for (int i = 0; i < n; i++)
        if (ov_str_eq_c(r[i].actor, actor) && r[i].citizen_id == citizen)
            return true;
    return false;
}

static ov_status search(tu_world *w, const ov_audit_filter *f, ov_arena *a,
                        ov_audit_view_row **r, int *n, ov_err *err)
{
    ov_tx *tx = begin(w, &LEADER);
    ov_list_info li;
    ov_status st = ov_audit_search(tx, f, a, r, &li, err);
    *n = li.n;
    if (st != OV_OK) {
        ov_tx_rollback(tx);
        return st;
    }
    commit(tx);
    return OV_OK;
}

/* Reads by a Halsnæs user, a Tønder user and an operator, about a Halsnæs
 * and a Tønder citizen. */
static void audit_world(tu_world *w, int64_t *course, int64_t *tcourse,
                        int64_t *tcitizen)
{
    *course = tu_course(w, D(2026, 9, 1));
    *tcourse = tonder_course(w, tcitizen);
    ov_arena *a = ov_arena_new(0);
    ov_meeting_row *m;
    ov_list_info li = {0, 0, false};
    ov_err err;
    ov_tx *tx = begin(w, &TONDER);
    assert_int_equal(ov_meeting_list(tx, *tcourse, a, &m, &li, &err), OV_OK);
    commit(tx);
    tx = begin(w, &TONDER);
    assert_int_equal(ov_meeting_list(tx, *course, a, &m, &li, &err), OV_OK);
    commit(tx);
    ov_employment_row *e;
    tx = begin(w, &JOB);
    assert_int_equal(ov_employment_list(tx, *tcourse, a, &e, &li, &err),
                     OV_OK);
    commit(tx);
    tx = begin(w, &CLI);
    assert_int_equal(ov_audit_append(tx, OV_ACT_EXPORT, 0, "eksport", &err),
                     OV_OK);
    commit(tx);
    ov_arena_destroy(a);
}

static void audit_search_is_scoped_to_the_municipality(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course, tcourse, tcitizen;
    audit_world(&w, &course, &tcourse, &tcitizen);
    ov_arena *a = ov_arena_new(0);
    ov_audit_view_row *r = NULL;
    int n = 0;
    ov_err err;
    ov_audit_filter f = {.municipality_code = 250, .limit = 5000};
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    /* a Halsnæs user's reads, whoever they were about */
    assert_true(has_row(r, n, "job", tcitizen));
    /* reads about a citizen with a course in Halsnæs, whoever read */
    assert_true(has_row(r, n, "tonder.job", w.citizen));
    assert_true(has_row(r, n, "test-user", w.citizen));
    /* not: a Tønder user about a Tønder citizen, an operator's export */
    assert_false(has_row(r, n, "tonder.job", tcitizen));
    assert_false(has_row(r, n, "cli:root", 0));
    for (int i = 0; i < n; i++) {
        assert_true(r[i].citizen_id == w.citizen ||
                    ov_str_eq_c(r[i].actor, "job") ||
                    ov_str_eq_c(r[i].actor, "leder"));
        if (i)
            assert_true(r[i].id < r[i - 1].id);
    }
    /* Tønder sees the rows about its citizen, and its user's */
    f.municipality_code = 550;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_true(has_row(r, n, "tonder.job", tcitizen));
    assert_true(has_row(r, n, "tonder.job", w.citizen));
    assert_true(has_row(r, n, "job", tcitizen));
    assert_false(has_row(r, n, "test-user", w.citizen));
    assert_false(has_row(r, n, "cli:root", 0));
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* The audit viewer's set of citizens (the hits of a name search) and its
 * cursor of older rows: only rows about those citizens, each row's
 * citizen named; below the cursor only older rows, and the pages
 * together are the whole list. */
static void audit_search_by_citizens_pages_through_older_rows(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course, tcourse, tcitizen;
    audit_world(&w, &course, &tcourse, &tcitizen);
    ov_arena *a = ov_arena_new(0);
    ov_audit_view_row *r = NULL, *all = NULL;
    int n = 0, nall = 0;
    ov_err err;
    int64_t ids[2] = {w.citizen, tcitizen};
    ov_audit_filter f = {.municipality_code = 250, .citizen_ids = ids,
                         .ncitizens = 1, .limit = 5000};
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        assert_int_equal(r[i].citizen_id, w.citizen);
        assert_true(r[i].citizen_name.len > 0);
    }
    f.ncitizens = 2;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_true(has_row(r, n, "job", tcitizen));
    assert_true(has_row(r, n, "tonder.job", w.citizen));
    f.ncitizens = OV_AUDIT_CITIZENS_MAX + 1;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_EINVAL);
    /* pages of two: newest first, each below the last id of the one
     * before, together the whole list */
    ov_audit_filter g = {.municipality_code = 250, .limit = 5000};
    assert_int_equal(search(&w, &g, a, &all, &nall, &err), OV_OK);
    /* the reads of the search itself are rows too: fix the list first */
    int64_t top = all[0].id + 1;
    g.before_id = top;
    assert_int_equal(search(&w, &g, a, &all, &nall, &err), OV_OK);
    assert_true(nall >= 3);
    g.limit = 2;
    int seen = 0;
    for (int page = 0; seen < nall; page++) {
        ov_tx *tx = begin(&w, &LEADER);
        ov_list_info li;
        assert_int_equal(ov_audit_search(tx, &g, a, &r, &li, &err), OV_OK);
        commit(tx);
        assert_true(li.n > 0);
        assert_int_equal(li.total, nall - seen);
        assert_int_equal(li.truncated, nall - seen > 2);
        for (int i = 0; i < li.n; i++)
            assert_int_equal(r[i].id, all[seen + i].id);
        seen += li.n;
        g.before_id = r[li.n - 1].id;
        assert_true(page < nall);
    }
    assert_int_equal(seen, nall);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void audit_search_filters_by_citizen_user_and_period(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course, tcourse, tcitizen;
    audit_world(&w, &course, &tcourse, &tcitizen);
    ov_arena *a = ov_arena_new(0);
    ov_audit_view_row *r = NULL;
    int n = 0;
    ov_err err;
    ov_audit_filter f = {.municipality_code = 250, .limit = 5000,
                         .citizen_id = tcitizen};
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, 1);
    assert_true(ov_str_eq_c(r[0].actor, "job"));
    assert_int_equal(r[0].role, OV_ROLE_EMPLOYMENT_CASEWORKER);
    assert_int_equal(r[0].action, OV_ACT_READ);
    assert_int_equal(r[0].citizen_id, tcitizen);
    assert_true(ov_str_eq_c(r[0].criterion, "beskæftigelse"));
    assert_true(ov_str_eq_c(r[0].purpose, "forløb (test)"));

    f.citizen_id = w.citizen;
    f.user = OV_STR_LIT("tonder.job");
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, 1);
    assert_true(ov_str_eq_c(r[0].criterion, "møder"));

    f.citizen_id = 0;
    f.user = OV_STR_LIT("job");
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, 1);
    assert_int_equal(r[0].citizen_id, tcitizen);

    /* the period: Copenhagen dates, both ends included */
    f.user = OV_STR_LIT("");
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    int all = n;
    assert_true(all >= 4);
    ov_date newest = ov_time_to_cph(r[0].at).date;
    ov_date oldest = ov_time_to_cph(r[all - 1].at).date;
    f.has_from = f.has_to = true;
    f.from = oldest;
    f.to = newest;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, all + 1); /* the previous search's own row */
    f.from = newest + 1;
    f.to = newest + 30;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, 0);
    f.from = oldest - 30;
    f.to = oldest - 1;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, 0);
    f.has_to = false;
    f.from = newest;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_true(n >= 1);
    /* the limit keeps the newest */
    f.has_from = false;
    f.limit = 2;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, 2);
    assert_true(ov_str_eq_c(r[0].criterion, "revisionslog"));
    assert_true(r[0].id > r[1].id);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void audit_search_logs_itself_after_reading(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    tu_course(&w, D(2026, 9, 1)); /* brings the citizen's rows in scope */
    ov_arena *a = ov_arena_new(0);
    ov_audit_view_row *r = NULL;
    int n = 0, before;
    ov_err err;
    ov_audit_filter f = {.municipality_code = 250, .limit = 5000};
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    for (int i = 0; i < n; i++)
        assert_false(ov_str_eq_c(r[i].criterion, "revisionslog"));
    before = n;
    assert_last_audit(&w, 0, "revisionslog");
    /* the next search shows the first one's row on top */
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_int_equal(n, before + 1);
    assert_true(ov_str_eq_c(r[0].actor, "leder"));
    assert_int_equal(r[0].role, OV_ROLE_LEADER);
    assert_int_equal(r[0].action, OV_ACT_READ);
    assert_int_equal(r[0].citizen_id, 0);
    assert_true(ov_str_eq_c(r[0].criterion, "revisionslog"));
    /* a search about one citizen is logged against that citizen */
    f.citizen_id = w.citizen;
    assert_int_equal(search(&w, &f, a, &r, &n, &err), OV_OK);
    assert_last_audit(&w, w.citizen, "revisionslog");
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* ---- audit rows, not-found, transactions ---- */

static void each_view_writes_one_audit_read_row(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = started_course(&w);
    int64_t pid = placement(&w, course, w.company, D(2026, 10, 1));
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    ov_list_info li = {0, 0, false};
    ov_tx *tx;
    static const char *const crit[] = {
        "møder", "planversioner", "matchforslag", "virksomhedsforløb",
        "virksomhedsforløb", "arbejdsaftale", "beskæftigelse"};
    for (int k = 0; k < 7; k++) {
        int64_t before = audit_rows(&w);
        tx = begin(&w, &JOB);
        ov_status st = OV_EINTERNAL;
        switch (k) {
        case 0: {
            ov_meeting_row *r;
            st = ov_meeting_list(tx, course, a, &r, &li, &err);
            break;
        }
        case 1: {
            ov_plan_meta *r;
            st = ov_plan_versions(tx, course, a, &r, &li, &err);
            break;
        }
        case 2: {
            ov_proposal_row *r;
            st = ov_proposal_list(tx, course, a, &r, &li, &err);
            break;
        }
        case 3: {
            ov_placement_row *r;
            st = ov_placement_list(tx, course, a, &r, &li, &err);
            break;
        }
        case 4: {
            ov_placement_row r;
            st = ov_placement_get(tx, pid, a, &r, &err);
            break;
        }
        case 5: {
            ov_placement_row *r;
            st = ov_placement_list_company(tx, w.company, a, &r, &li, &err);
            break;
        }
        case 6: {
            ov_employment_row *r;
            st = ov_employment_list(tx, course, a, &r, &li, &err);
            break;
        }
        }
        assert_int_equal(st, OV_OK);
        commit(tx);
        assert_int_equal(audit_rows(&w), before + 1);
        assert_last_audit(&w, w.citizen, crit[k]);
    }
    /* several reads of one citizen in one transaction: one row */
    int64_t before = audit_rows(&w);
    ov_meeting_row *m;
    ov_plan_meta *pv;
    tx = begin(&w, &JOB);
    assert_int_equal(ov_meeting_list(tx, course, a, &m, &li, &err), OV_OK);
    assert_int_equal(ov_plan_versions(tx, course, a, &pv, &li, &err), OV_OK);
    commit(tx);
    assert_int_equal(audit_rows(&w), before + 1);
    assert_last_audit(&w, w.citizen, "møder, planversioner");
    /* organisation data is not logged */
    before = audit_rows(&w);
    ov_company_row *c;
    ov_company_row one;
    ov_member_row *mem;
    ov_team_row *t;
    ov_batch_row *b;
    int64_t of;
    tx = begin(&w, &JOB);
    assert_int_equal(ov_company_list(tx, 250, a, &c, &li, &err), OV_OK);
    assert_int_equal(ov_company_get(tx, w.company, 250, a, &one, &err), OV_OK);
    assert_int_equal(ov_team_members(tx, w.team, a, &mem, &li, &err), OV_OK);
    assert_int_equal(ov_team_list(tx, 250, a, &t, &li, &err), OV_OK);
    assert_int_equal(ov_batch_list(tx, 250, a, &b, &li, &err), OV_OK);
    assert_int_equal(ov_placement_course(tx, pid, &of, &err), OV_OK);
    commit(tx);
    assert_int_equal(audit_rows(&w), before);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void unknown_ids_give_not_found_and_nothing_is_logged(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    tu_course(&w, D(2026, 9, 1));
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    ov_list_info li = {0, 0, false};
    int64_t batch = import(&w, 250, a);
    assert_true(batch > 0);
    int64_t before = audit_rows(&w);
    for (int k = 0; k < 9; k++) {
        ov_tx *tx = begin(&w, &JOB);
        ov_status st = OV_OK;
        switch (k) {
        case 0: {
            ov_meeting_row dummy, *r = &dummy;
            st = ov_meeting_list(tx, 999, a, &r, &li, &err);
            assert_null(r);
            break;
        }
        case 1: {
            ov_plan_meta *r;
            st = ov_plan_versions(tx, 999, a, &r, &li, &err);
            break;
        }
        case 2: {
            ov_proposal_row *r;
            st = ov_proposal_list(tx, 999, a, &r, &li, &err);
            break;
        }
        case 3: {
            ov_placement_row *r;
            st = ov_placement_list(tx, 999, a, &r, &li, &err);
            break;
        }
        case 4: {
            ov_employment_row *r;
            st = ov_employment_list(tx, 999, a, &r, &li, &err);
            break;
        }
        case 5: {
            ov_placement_row r;
            st = ov_placement_get(tx, 999, a, &r, &err);
            break;
        }
        case 6: {
            ov_batch_detail d;
            st = ov_batch_get(tx, 999, 250, a, &d, &err);
            break;
        }
        case 7: {
            ov_company_row c;
            st = ov_company_get(tx, 999, 250, a, &c, &err);
            break;
        }
        case 8: {
            /* id 0 is no batch, not "any batch" */
            ov_batch_detail d;
            st = ov_batch_get(tx, 0, 250, a, &d, &err);
            break;
        }
        }
        assert_int_equal(st, OV_ENOTFOUND);
        assert_int_equal(err.code, OV_ENOTFOUND);
        if (k < 5) {
            assert_int_equal(li.n, 0);
            assert_string_equal(err.field, "course_id");
        }
        /* the failure stands: the transaction cannot commit */
        assert_int_equal(ov_tx_commit(tx, &err), OV_ENOTFOUND);
    }
    assert_int_equal(audit_rows(&w), before);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void citizen_views_refuse_a_read_transaction(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_arena *a = ov_arena_new(0);
    ov_err err;
    ov_meeting_row *m;
    ov_list_info li;
    ov_tx *tx = begin_read(&w);
    assert_int_equal(ov_meeting_list(tx, course, a, &m, &li, &err),
                     OV_EINTERNAL);
    assert_non_null(strstr(err.msg, "audit row"));
    ov_tx_rollback(tx);
    ov_audit_view_row *r;
    ov_audit_filter f = {.municipality_code = 250, .limit = 10};
    tx = begin_read(&w);
    assert_int_equal(ov_audit_search(tx, &f, a, &r, &li, &err), OV_EINTERNAL);
    ov_tx_rollback(tx);
    ov_batch_detail d;
    tx = begin_read(&w);
    assert_int_equal(ov_batch_get(tx, 1, 250, a, &d, &err), OV_EINTERNAL);
    ov_tx_rollback(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(meeting_list_returns_attendees_and_assessment_oldest_first),
        cmocka_unit_test(plan_versions_are_listed_newest_first_with_their_summary),
        cmocka_unit_test(proposal_list_shows_company_opening_and_answer_newest_first),
        cmocka_unit_test(employment_list_is_oldest_first),
        cmocka_unit_test(team_list_over_its_cap_says_truncated_and_counts_them_all),
        cmocka_unit_test(placement_get_returns_current_agreement_with_signoffs_and_hours),
        cmocka_unit_test(placement_list_is_oldest_first_and_the_company_list_has_agreements_only),
        cmocka_unit_test(company_list_is_by_name_with_openings_newest_first),
        cmocka_unit_test(company_get_of_other_municipality_is_not_found),
        cmocka_unit_test(team_members_and_teams_are_listed_by_name),
        cmocka_unit_test(batch_list_counts_per_municipality_newest_first),
        cmocka_unit_test(batch_get_lists_candidates_with_draw_and_course),
        cmocka_unit_test(batch_get_keeps_the_course_the_draw_made),
        cmocka_unit_test(audit_search_refuses_a_bad_filter),
        cmocka_unit_test(audit_search_is_scoped_to_the_municipality),
        cmocka_unit_test(audit_search_filters_by_citizen_user_and_period),
        cmocka_unit_test(audit_search_by_citizens_pages_through_older_rows),
        cmocka_unit_test(audit_search_logs_itself_after_reading),
        cmocka_unit_test(each_view_writes_one_audit_read_row),
        cmocka_unit_test(unknown_ids_give_not_found_and_nothing_is_logged),
        cmocka_unit_test(citizen_views_refuse_a_read_transaction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
