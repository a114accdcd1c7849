/*
 * Ids that arrive in a request body, checked in the store against the
 * record they are attached to: a team against the candidate list's
 * municipality, a user against the course's, a company and an opening
 * against the course's, a plan or agreement version against the course's
 * plan or the placement's agreement. Another municipality's id answers
 * exactly as an id that does not exist (same code, field and message but
 * for the number), and nothing is written. Each municipality keeps its own
 * company register.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/meeting.h"
#include "model/screening.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/match.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/plan.h"
#include "store/screening.h"
#include "support/world.h"

#define MISSING 999999

#define A(r) OV_ATTEND(OV_ROLE_##r)
#define FULL                                                               \
    (A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(CTI_WORKER) |               \
     A(COMPANY_CONSULTANT))

typedef struct fixture {
    tu_world w;
    ov_date today, start;
    int64_t course;                /* Halsnæs, Team Nord, start meeting held */
    int64_t tonder_job, tonder_cti; /* Tønder staff on Tønder's team */
    int64_t tonder_company, tonder_opening, own_opening;
    int64_t batch;                 /* a Halsnæs candidate list */
} fixture;

static int64_t count(fixture *f, const char *sql)
{
    char *n = tu_sh_out("sqlite3 '%s' \"%s\"", f->w.t.db, sql);
    int64_t v = atoll(n);
    free(n);
    return v;
}

static ov_tx *begin(fixture *f)
{
    ov_tx *tx;
    ov_err err;
    if (ov_tx_begin(f->w.t.store, &tu_actor, &tx, &err) != OV_OK)
        fail_msg("begin: %s", err.msg);
    return tx;
}

static void commit(ov_tx *tx, ov_status st, const ov_err *err,
                   const char *what)
{
    if (st != OV_OK)
        fail_msg("fixture %s: %s", what, err->msg);
    ov_err e2;
    if (ov_tx_commit(tx, &e2) != OV_OK)
        fail_msg("fixture %s: %s", what, e2.msg);
}

static int64_t opening_at(fixture *f, int64_t company)
{
    ov_opening o = {.tasks = OV_STR_LIT("Lagerarbejde"),
                    .occupation = OV_STR_LIT("9333"),
                    .hours_min = 10,
                    .hours_max = 25,
                    .ordinary = OV_ORD_NOW};
    ov_tx *tx = begin(f);
    ov_err err;
    ov_status st = ov_opening_create(tx, company, &o, &err);
    commit(tx, st, &err, "opening");
    return o.id;
}

static void setup(fixture *f)
{
    tu_world *w = &f->w;
    tu_world_init(w);
    f->today = ov_today_cph();
    f->start = f->today - 60;
    ov_tx *tx = begin(f);
    ov_err err;
    f->tonder_job = tu_add_user(tx, "job2", OV_ROLE_EMPLOYMENT_CASEWORKER,
                                550, w->team_tonder);
    f->tonder_cti = tu_add_user(tx, "cti2", OV_ROLE_CTI_WORKER, 550,
                                w->team_tonder);
    ov_status st = ov_org_company_create(tx, OV_STR_LIT("22222228"),
                                         OV_STR_LIT("Tønder Gartneri A/S"),
                                         550, 6270, &f->tonder_company, &err);
    commit(tx, st, &err, "Tønder");
    f->tonder_opening = opening_at(f, f->tonder_company);
    f->own_opening = opening_at(f, w->company);
    f->course = tu_course(w, f->start);
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = OV_MEETING_START,
                           .held_on = f->start + 7,
                           .attendees = FULL};
    int64_t mid;
    bool complete;
    tx = begin(f);
    st = ov_meeting_record(tx, f->course, &in, &d, f->today, &mid, &complete,
                           &err);
    commit(tx, st, &err, "start meeting");
    ov_arena *a = ov_arena_new(0);
    ov_screening_rules r = ov_screening_rules_default();
    ov_import_report rep;
    tx = begin(f);
    st = ov_screening_import(tx, 250, f->today - 5, &r,
                             OV_STR_LIT("cpr;name;activity_ready;"
                                        "months_unemployed\n"
                                        "050565-1675;Erik Holm;ja;14\n"
                                        "060660-2786;Fie Skov;ja;12\n"),
                             "ids.csv", a, &f->batch, &rep, &err);
    commit(tx, st, &err, "screening import");
    ov_arena_destroy(a);
}

/* The message with the first occurrence of the id replaced by "#". */
static void without_id(const char *msg, int64_t id, char *out, size_t cap)
{
    char num[24];
    snprintf(num, sizeof num, "%lld", (long long)id);
    const char *p = strstr(msg, num);
    if (!p) {
        snprintf(out, cap, "%s", msg);
        return;
    }
    snprintf(out, cap, "%.*s#%s", (int)(p - msg), msg, p + strlen(num));
}

/* One attempt with an id from the body, in its own transaction (rolled
 * back by the failure). */
typedef ov_status (*attempt_fn)(fixture *f, ov_tx *tx, int64_t id,
                                ov_err *err);

static ov_status attempt(fixture *f, attempt_fn fn, int64_t id, ov_err *err)
{
    ov_tx *tx = begin(f);
    ov_status st = fn(f, tx, id, err);
    if (st == OV_OK)
        return ov_tx_commit(tx, err);
    ov_tx_rollback(tx);
    return st;
}

/* The foreign id and a missing one answer alike, OV_ENOTFOUND, and
 * `table` (counted by `count_sql`) is unchanged. */
static void answers_like_a_missing_id(fixture *f, attempt_fn fn,
                                      int64_t foreign, const char *field,
                                      const char *count_sql)
{
    int64_t before = count(f, count_sql);
    ov_err ef, em;
    ov_status sf = attempt(f, fn, foreign, &ef);
    ov_status sm = attempt(f, fn, MISSING, &em);
    assert_int_equal(count(f, count_sql), before);
    if (sf != OV_ENOTFOUND)
        fail_msg("the foreign id %lld answered %d (%s), not not-found",
                 (long long)foreign, (int)sf, sf == OV_OK ? "ok" : ef.msg);
    assert_int_equal(sm, OV_ENOTFOUND);
    assert_string_equal(ef.field, field);
    assert_string_equal(em.field, field);
    char a[OV_ERR_MSG_MAX], b[OV_ERR_MSG_MAX];
    without_id(ef.msg, foreign, a, sizeof a);
    without_id(em.msg, MISSING, b, sizeof b);
    assert_string_equal(a, b);
}

/* ---- a draw's team ---- */

static ov_status draw_into_team(fixture *f, ov_tx *tx, int64_t team,
                                ov_err *err)
{
    int64_t out[1], courses[1], draw;
    return ov_draw_make(tx, f->batch, 1, 42, team, f->today, &draw, out,
                        courses, err);
}

static void a_draw_into_another_municipalitys_team_answers_as_a_missing_team(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    answers_like_a_missing_id(&f, draw_into_team, f.w.team_tonder, "team_id",
                              "SELECT count(*) FROM course");
    assert_int_equal(count(&f, "SELECT count(*) FROM draw"), 0);
    assert_int_equal(count(&f, "SELECT count(*) FROM course WHERE "
                               "municipality_code = 550"),
                     0);
    /* the own municipality's other team is fine */
    ov_err err;
    assert_int_equal(attempt(&f, draw_into_team, f.w.other_team, &err), OV_OK);
    assert_int_equal(count(&f, "SELECT count(*) FROM course WHERE team_id = "
                               "(SELECT id FROM team WHERE name = 'Team Syd')"),
                     1);
    tu_db_free(&f.w.t);
}

/* ---- the team around a citizen ---- */

static ov_status assign_job(fixture *f, ov_tx *tx, int64_t user, ov_err *err)
{
    return ov_course_assign(tx, f->course, OV_ROLE_EMPLOYMENT_CASEWORKER,
                            user, err);
}

static ov_status assign_cti(fixture *f, ov_tx *tx, int64_t user, ov_err *err)
{
    return ov_course_assign(tx, f->course, OV_ROLE_CTI_WORKER, user, err);
}

static void naming_another_municipalitys_user_on_a_course_answers_as_a_missing_user(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    /* who is named on the course: unchanged */
    const char *staff = "SELECT 1000 * count(*) + sum(user_id) FROM "
                        "course_staff";
    /* the right role: neither "not on the course's team" */
    answers_like_a_missing_id(&f, assign_job, f.tonder_job, "user_id", staff);
    /* the wrong role: nor "the user is a ..., not a ..." */
    answers_like_a_missing_id(&f, assign_cti, f.tonder_job, "user_id", staff);
    tu_db_free(&f.w.t);
}

static ov_status add_to_team(fixture *f, ov_tx *tx, int64_t user, ov_err *err)
{
    return ov_org_team_add_member(tx, f->w.team, user, err);
}

static void adding_another_municipalitys_user_to_a_team_answers_as_a_missing_user(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    answers_like_a_missing_id(&f, add_to_team, f.tonder_cti, "user_id",
                              "SELECT count(*) FROM team_member");
    tu_db_free(&f.w.t);
}

/* ---- companies and openings ---- */

static ov_status place_at(fixture *f, ov_tx *tx, int64_t company, ov_err *err)
{
    ov_placement p = {OV_PLACE_INTERNSHIP, company, f->start + 14, false, 0,
                      150};
    int64_t id;
    return ov_placement_create(tx, f->course, &p, &id, err);
}

static void a_placement_at_another_municipalitys_company_answers_as_a_missing_company(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    answers_like_a_missing_id(&f, place_at, f.tonder_company, "company_id",
                              "SELECT count(*) FROM placement");
    ov_err err;
    assert_int_equal(attempt(&f, place_at, f.w.company, &err), OV_OK);
    tu_db_free(&f.w.t);
}

static ov_status propose(fixture *f, ov_tx *tx, int64_t opening, ov_err *err)
{
    int64_t id;
    return ov_match_propose(tx, f->course, opening, 0.5, f->today, &id, err);
}

static void proposing_another_municipalitys_opening_answers_as_a_missing_opening(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    answers_like_a_missing_id(&f, propose, f.tonder_opening, "opening_id",
                              "SELECT count(*) FROM match_proposal");
    ov_err err;
    assert_int_equal(attempt(&f, propose, f.own_opening, &err), OV_OK);
    tu_db_free(&f.w.t);
}

static ov_status register_cvr(ov_tx *tx, const char *cvr, int muni,
                              int64_t *id, ov_err *err)
{
    return ov_org_company_create(tx, ov_str_c(cvr), OV_STR_LIT("Firma ApS"),
                                 muni, 0, id, err);
}

static void each_municipality_keeps_its_own_company_register(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_err err;
    int64_t id = 0;
    /* Halsnæs registered 12345674 (the world's company): Tønder may too,
     * and is told nothing about Halsnæs' */
    ov_tx *tx = begin(&f);
    assert_int_equal(register_cvr(tx, "12345674", 550, &id, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(id != f.w.company);
    /* a second time in one municipality is a conflict naming its own */
    tx = begin(&f);
    assert_int_equal(register_cvr(tx, "12345674", 550, &id, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    assert_string_equal(err.field, "cvr");
    char want[OV_ERR_MSG_MAX];
    snprintf(want, sizeof want,
             "cvr: CVR 12345674 is already registered in your municipality "
             "(company %lld)",
             (long long)id);
    assert_string_equal(err.msg, want);
    tx = begin(&f);
    assert_int_equal(register_cvr(tx, "12345674", 250, &id, &err),
                     OV_ECONFLICT);
    ov_tx_rollback(tx);
    snprintf(want, sizeof want,
             "cvr: CVR 12345674 is already registered in your municipality "
             "(company %lld)",
             (long long)f.w.company);
    assert_string_equal(err.msg, want);
    assert_int_equal(count(&f, "SELECT count(*) FROM company WHERE cvr = "
                               "'12345674'"),
                     2);
    tu_db_free(&f.w.t);
}

/* ---- versions ---- */

static ov_status followup_naming(fixture *f, ov_tx *tx, int64_t version,
                                 ov_err *err)
{
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = OV_MEETING_FOLLOWUP,
                           .held_on = f->today,
                           .attendees = FULL,
                           .plan_version = (int)version};
    int64_t id;
    bool complete;
    return ov_meeting_record(tx, f->course, &in, &d, f->today, &id, &complete,
                             err);
}

static ov_status save_plan(fixture *f, int64_t course, int base, ov_err *err)
{
    ov_plan_goal goal = {1, OV_STR_LIT("Komme i praktik"), OV_ITEM_PLANNED, 0,
                         NULL};
    ov_plan p = {OV_STR_LIT(""), OV_STR_LIT(""), 1, &goal};
    int v;
    ov_tx *tx = begin(f);
    ov_plan_save(tx, course, base, &p, true, OV_STR_LIT(""), &v, err);
    return ov_tx_commit(tx, err);
}

static void a_followup_may_name_only_a_plan_version_of_its_own_course(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_err err;
    /* the course has version 1; another course has versions 1 and 2 */
    assert_int_equal(save_plan(&f, f.course, 0, &err), OV_OK);
    ov_tx *tx = begin(&f);
    int64_t cit = 0, other = 0;
    ov_status st = ov_citizen_create(tx, OV_STR_LIT("Bo Hansen"),
                                     OV_STR_LIT("020275-2342"), &cit, &err);
    if (st == OV_OK)
        st = ov_course_create(tx, cit, f.w.team, OV_STAGE_DRAWN, f.start,
                              &other, &err);
    commit(tx, st, &err, "other course");
    assert_int_equal(save_plan(&f, other, 0, &err), OV_OK);
    assert_int_equal(save_plan(&f, other, 1, &err), OV_OK);
    answers_like_a_missing_id(&f, followup_naming, 2, "plan_version",
                              "SELECT count(*) FROM meeting");
    ov_err e9;
    assert_int_equal(attempt(&f, followup_naming, 9, &e9), OV_ENOTFOUND);
    assert_string_equal(e9.msg, "plan_version: the plan has no version 9");
    assert_int_equal(attempt(&f, followup_naming, 1, &err), OV_OK);
    assert_int_equal(count(&f, "SELECT count(*) FROM meeting WHERE kind = "
                               "'followup' AND plan_version = 1"),
                     1);
    tu_db_free(&f.w.t);
}

static void a_plan_edited_from_a_version_never_saved_is_not_found(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_err err;
    assert_int_equal(save_plan(&f, f.course, 0, &err), OV_OK);
    assert_int_equal(save_plan(&f, f.course, 9, &err), OV_ENOTFOUND);
    assert_string_equal(err.field, "base_version");
    assert_string_equal(err.msg, "base_version: the plan has no version 9");
    /* an older version is still a conflict (someone else saved) */
    assert_int_equal(save_plan(&f, f.course, 1, &err), OV_OK);
    assert_int_equal(save_plan(&f, f.course, 1, &err), OV_ECONFLICT);
    assert_int_equal(count(&f, "SELECT count(*) FROM plan_version"), 2);
    tu_db_free(&f.w.t);
}

static void an_agreement_version_that_does_not_exist_is_not_found(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_err err;
    int64_t pid;
    ov_placement p = {OV_PLACE_INTERNSHIP, f.w.company, f.start + 14, false,
                      0, 150};
    ov_tx *tx = begin(&f);
    ov_status st = ov_placement_create(tx, f.course, &p, &pid, &err);
    commit(tx, st, &err, "placement");
    ov_agreement a = {.internship_hours_x10 = 150,
                      .tasks = OV_STR_LIT("Pluk og pak"),
                      .ngoals = 1,
                      .review_date = f.start + 60};
    a.goals[0] = (ov_agreement_goal){OV_STR_LIT("2 ordinære timer"), false};
    int v;
    tx = begin(&f);
    st = ov_agreement_save(tx, pid, 0, &a, &v, &err);
    commit(tx, st, &err, "agreement");
    tx = begin(&f);
    assert_int_equal(ov_agreement_save(tx, pid, 5, &a, &v, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    assert_string_equal(err.field, "base_version");
    assert_string_equal(err.msg,
                        "base_version: the work agreement has no version 5");
    unsigned mask;
    tx = begin(&f);
    assert_int_equal(ov_agreement_sign(tx, pid, 5, OV_SIGN_CITIZEN, &mask,
                                       &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    assert_string_equal(err.field, "version");
    assert_string_equal(err.msg, "version: the work agreement has no version 5");
    assert_int_equal(count(&f, "SELECT count(*) FROM agreement_version"), 1);
    assert_int_equal(count(&f, "SELECT count(*) FROM agreement_signoff"), 0);
    tu_db_free(&f.w.t);
}

/* ---- the migration to one company register per municipality ---- */

/* Take the database back to schema version 8: the company table with its
 * CVR unique across the database (the sqlite3 shell has foreign keys
 * off), and what later migrations added undone. */
static void back_to_version_8(fixture *f)
{
    ov_store_close(f->w.t.store);
    f->w.t.store = NULL;
    assert_int_equal(
        tu_sh("sqlite3 '%s' \"BEGIN; CREATE TABLE company_old (id INTEGER "
              "PRIMARY KEY, cvr TEXT NOT NULL UNIQUE CHECK (length(cvr) = "
              "8), name TEXT NOT NULL, municipality_code INTEGER NOT NULL "
              "REFERENCES municipality (code), postcode INTEGER CHECK "
              "(postcode BETWEEN 1000 AND 9999), created_at TEXT NOT NULL); "
              "INSERT INTO company_old SELECT * FROM company; DROP TABLE "
              "company; ALTER TABLE company_old RENAME TO company; "
              /* what later migrations made: a version-8 file has none
               * (the monitoring tables of migration 13), and without
               * migrations 10 (the indicators') and 11 (the attention
               * setting) */
              "DROP TABLE monitor_record; DROP TABLE monitor_file; "
              "DROP TABLE monitor_signer; DROP TABLE calendar_token; "
              "ALTER TABLE municipality_settings DROP COLUMN "
              "attention_no_placement_months; ALTER TABLE "
              "municipality_settings DROP COLUMN "
              "indicator_rules; DROP INDEX meeting_course_kind; CREATE "
              "INDEX meeting_course ON meeting (course_id, kind, held_on); "
              "ALTER TABLE meeting DROP COLUMN attendees; "
              "DROP INDEX measurement_course_score; CREATE INDEX "
              "measurement_course ON measurement (course_id, instrument, "
              "taken_on); DROP INDEX plan_version_facts; DELETE "
              "FROM schema_migrations WHERE version > 8; PRAGMA "
              "user_version = 8; COMMIT;\"",
              f->w.t.db),
        0);
}

static const char COMPANIES[] =
    "SELECT c.id, c.cvr, c.municipality_code, (SELECT count(*) FROM opening "
    "o WHERE o.company_id = c.id), (SELECT count(*) FROM app_user u WHERE "
    "u.company_id = c.id) FROM company c ORDER BY c.id";

static void the_company_register_migration_keeps_ids_and_references(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    /* an employer contact refers to a company too */
    ov_tx *tx = begin(&f);
    ov_err err;
    int64_t uid;
    ov_user_input eu = {OV_STR_LIT("arbejdsgiver"), OV_STR_LIT("Lager"),
                        OV_ROLE_EMPLOYER, 250, 0, f.w.company};
    ov_status st = ov_org_user_create(tx, &eu, &uid, &err);
    commit(tx, st, &err, "employer");
    char *before = tu_sh_out("sqlite3 '%s' \"%s\"", f.w.t.db, COMPANIES);
    back_to_version_8(&f);
    char *old = tu_sh_out("sqlite3 '%s' \"SELECT sql FROM sqlite_schema "
                          "WHERE name = 'company'\"",
                          f.w.t.db);
    assert_non_null(strstr(old, "cvr TEXT NOT NULL UNIQUE"));
    tu_db_reopen(&f.w.t, OV_OPEN_MIGRATE);
    assert_int_equal(ov_store_schema_version(f.w.t.store),
                     ov_store_latest_schema_version());
    char *after = tu_sh_out("sqlite3 '%s' \"%s\"", f.w.t.db, COMPANIES);
    assert_string_equal(before, after);
    char *check = tu_sh_out("sqlite3 '%s' \"PRAGMA foreign_key_check; "
                            "SELECT sql FROM sqlite_schema WHERE name = "
                            "'company'\"",
                            f.w.t.db);
    assert_null(strstr(check, "cvr TEXT NOT NULL UNIQUE"));
    assert_non_null(strstr(check, "UNIQUE (municipality_code, cvr)"));
    assert_int_equal(strncmp(check, "CREATE TABLE", 12), 0); /* no FK row */
    /* foreign keys are on again after the migration: SQLite itself
     * refuses an employer contact of a company that does not exist */
    eu.username = OV_STR_LIT("arbejdsgiver2");
    eu.company_id = MISSING;
    tx = begin(&f);
    assert_int_equal(ov_org_user_create(tx, &eu, &uid, &err), OV_ECONFLICT);
    ov_tx_rollback(tx);
    free(before);
    free(after);
    free(old);
    free(check);
    tu_db_free(&f.w.t);
}

static void a_rebuild_that_would_leave_a_dangling_reference_changes_nothing(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    back_to_version_8(&f);
    assert_int_equal(tu_sh("sqlite3 '%s' \"UPDATE opening SET company_id = "
                           "999 WHERE id = %lld\"",
                           f.w.t.db, (long long)f.own_opening),
                     0);
    char *before = tu_sh_out("sqlite3 '%s' .dump", f.w.t.db);
    ov_store_options o = {.db_path = f.w.t.db, .key_path = f.w.t.key,
                          .mode = OV_OPEN_MIGRATE};
    ov_store *s = NULL;
    ov_err err;
    assert_int_equal(ov_store_open(&o, &s, &err), OV_ECORRUPT);
    assert_null(s);
    assert_non_null(strstr(err.msg, "migration 9"));
    assert_non_null(strstr(err.msg, "a row of opening refers to a missing "
                                    "row of company"));
    char *after = tu_sh_out("sqlite3 '%s' .dump", f.w.t.db);
    assert_string_equal(before, after);
    free(before);
    free(after);
    tu_db_free(&f.w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            a_draw_into_another_municipalitys_team_answers_as_a_missing_team),
        cmocka_unit_test(
            naming_another_municipalitys_user_on_a_course_answers_as_a_missing_user),
        cmocka_unit_test(
            adding_another_municipalitys_user_to_a_team_answers_as_a_missing_user),
        cmocka_unit_test(
            a_placement_at_another_municipalitys_company_answers_as_a_missing_company),
        cmocka_unit_test(
            proposing_another_municipalitys_opening_answers_as_a_missing_opening),
        cmocka_unit_test(each_municipality_keeps_its_own_company_register),
        cmocka_unit_test(
            a_followup_may_name_only_a_plan_version_of_its_own_course),
        cmocka_unit_test(
            a_plan_edited_from_a_version_never_saved_is_not_found),
        cmocka_unit_test(
            an_agreement_version_that_does_not_exist_is_not_found),
        cmocka_unit_test(
            the_company_register_migration_keeps_ids_and_references),
        cmocka_unit_test(
            a_rebuild_that_would_leave_a_dangling_reference_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
