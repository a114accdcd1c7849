/* Retention (store/retention.h): the anonymisation table classifies every
 * TEXT and BLOB column of the live schema (and a column added later is
 * caught); a course past retention loses every name, CPR field and free
 * text while its facts stay; an open course is refused and untouched; a
 * citizen with another course kept keeps their identity; a re-run skips;
 * a process that dies in the middle of a course leaves it untouched and
 * the courses before it whole; the setting is stored, empty by default,
 * and its changes are in the history. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/course.h"
#include "store/cti.h"
#include "store/citizen.h"
#include "store/journal_view.h"
#include "store/retention.h"
#include "store/settings.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define LATER D(2040, 1, 1) /* far past every course's retention */

#define OK(call)                                                           \
    do {                                                                   \
        ov_status st_ = (call);                                            \
        if (st_ != OV_OK)                                                  \
            fail_msg("%s: %s", #call, err.msg);                            \
    } while (0)

static const ov_actor retention_actor = {"retention", OV_ROLE_SYSTEM,
                                         "opbevaring (test)"};

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

static void set_years(tu_world *w, int muni, int years)
{
    ov_tx *tx = begin(w, &tu_actor);
    ov_err err;
    ov_settings s;
    OK(ov_settings_get(tx, muni, &s, &err));
    s.retention_years = years;
    OK(ov_settings_set(tx, muni, &s, &err));
    commit(tx);
}

/* A course of `citizen` with free texts everywhere this test can reach:
 * a journal note, a network person, the end text when ended. */
static int64_t course_with_texts(tu_world *w, int64_t citizen, bool end,
                                 const char *tag)
{
    int64_t saved = w->citizen;
    w->citizen = citizen;
    int64_t id = tu_course(w, D(2026, 1, 5));
    w->citizen = saved;
    ov_tx *tx = begin(w, &tu_actor);
    ov_err err;
    char subject[64], text[128], person[64];
    snprintf(subject, sizeof subject, "Samtale %s", tag);
    snprintf(text, sizeof text, "Hemmelig note %s om helbred", tag);
    snprintf(person, sizeof person, "Netværksperson %s", tag);
    ov_note n = {D(2026, 2, 1), ov_str_c(subject), ov_str_c(text), 0};
    int64_t nid;
    OK(ov_note_add(tx, id, &n, D(2026, 3, 1), &nid, &err));
    OK(ov_cti_add_network_person(tx, id, ov_str_c(person),
                                 OV_STR_LIT("Søster"), &nid, &err));
    if (end) {
        char why[64];
        snprintf(why, sizeof why, "Sluttekst %s", tag);
        OK(ov_course_end(tx, id, OV_END_HEALTH, ov_str_c(why),
                         D(2026, 3, 1), D(2026, 3, 1), &err));
    }
    commit(tx);
    return id;
}

static char *dump(tu_world *w)
{
    return tu_sh_out("sqlite3 '%s' .dump", w->t.db);
}

static bool has(const char *hay, const char *needle)
{
    return strstr(hay, needle) != NULL;
}

static ov_status anonymise(tu_world *w, int64_t course,
                           ov_retention_result *res, ov_err *err)
{
    ov_tx *tx = begin(w, &retention_actor);
    ov_status st = ov_retention_anonymise(tx, course, LATER, res, err);
    if (st == OV_OK)
        st = ov_tx_commit(tx, err);
    else
        ov_tx_rollback(tx);
    return st;
}

static void every_text_column_of_the_schema_is_classified(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    ov_tx *tx;
    ov_err err;
    OK(ov_tx_begin_read(t.store, &tx, &err));
    ov_arena *a = ov_arena_new(0);
    ov_str *miss, *stale;
    int nm, ns;
    OK(ov_retention_schema_check(tx, a, &miss, &nm, &stale, &ns, &err));
    ov_tx_rollback(tx);
    for (int i = 0; i < nm; i++)
        print_error("unclassified column %.*s: add it to SQL_COLUMNS in "
                    "src/store/retention.c (marker, clear, fact, ...), with "
                    "its statement when anonymising changes it\n",
                    (int)miss[i].len, miss[i].ptr);
    for (int i = 0; i < ns; i++)
        print_error("SQL_COLUMNS in src/store/retention.c names %.*s, which "
                    "the schema does not have\n",
                    (int)stale[i].len, stale[i].ptr);
    assert_int_equal(nm, 0);
    assert_int_equal(ns, 0);
    /* each statement names its own table and column */
    for (int i = 0; i < ov_nretention_columns; i++) {
        const ov_ret_column *c = &ov_retention_columns[i];
        if (!c->sql)
            continue;
        assert_non_null(strstr(c->sql, c->table));
        if (c->action != OV_RA_DELETE)
            assert_non_null(strstr(c->sql, c->column));
    }
    /* a column another engineer adds later is caught */
    assert_int_equal(tu_sh("sqlite3 '%s' 'ALTER TABLE meeting ADD COLUMN "
                           "mood TEXT; ALTER TABLE course ADD COLUMN n "
                           "INTEGER'",
                           t.db),
                     0);
    tu_db_reopen(&t, OV_OPEN_MIGRATE);
    OK(ov_tx_begin_read(t.store, &tx, &err));
    OK(ov_retention_schema_check(tx, a, &miss, &nm, &stale, &ns, &err));
    ov_tx_rollback(tx);
    assert_int_equal(nm, 1); /* the TEXT column; the INTEGER is a number */
    assert_int_equal((int)miss[0].len, (int)strlen("meeting.mood"));
    assert_memory_equal(miss[0].ptr, "meeting.mood", miss[0].len);
    ov_arena_destroy(a);
    tu_db_free(&t);
}

static void an_expired_course_loses_names_cpr_and_texts_keeps_facts(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    set_years(&w, 250, 5);
    int64_t c1 = course_with_texts(&w, w.citizen, true, "A");
    char *before = dump(&w);
    assert_true(has(before, "Anna Jensen"));
    assert_true(has(before, "Hemmelig note A"));
    char *hash = tu_sh_out("sqlite3 '%s' \"SELECT hex(cpr_hash) FROM "
                           "citizen WHERE id = %lld\"",
                           w.t.db, (long long)w.citizen);
    hash[strcspn(hash, "\n")] = '\0';
    assert_int_equal((int)strlen(hash), 64);

    /* still within retention on the day after it ended */
    ov_tx *tx = begin(&w, &retention_actor);
    ov_retention_result res;
    assert_int_equal(ov_retention_anonymise(tx, c1, D(2026, 3, 2), &res,
                                            &err),
                     OV_ECONFLICT);
    assert_true(has(err.msg, "within its municipality's retention"));
    ov_tx_rollback(tx);

    /* the listing names it on a day past retention */
    OK(ov_tx_begin_read(w.t.store, &tx, &err));
    ov_arena *a = ov_arena_new(0);
    ov_retention_plan p;
    OK(ov_retention_list(tx, 250, D(2031, 3, 2), a, &p, &err));
    ov_tx_rollback(tx);
    assert_int_equal(p.years, 5);
    assert_int_equal(p.due, 1);
    assert_int_equal(p.items[0].course_id, c1);
    assert_true(p.items[0].identity_goes);
    /* exactly five years after: not yet */
    OK(ov_tx_begin_read(w.t.store, &tx, &err));
    OK(ov_retention_list(tx, 250, D(2031, 3, 1), a, &p, &err));
    ov_tx_rollback(tx);
    assert_int_equal(p.due, 0);
    assert_int_equal(p.kept, 1);
    /* Tønder set nothing: nothing listed */
    OK(ov_tx_begin_read(w.t.store, &tx, &err));
    OK(ov_retention_list(tx, 550, LATER, a, &p, &err));
    ov_tx_rollback(tx);
    assert_int_equal(p.years, 0);
    assert_int_equal(p.n, 0);
    OK(ov_tx_begin_read(w.t.store, &tx, &err));
    assert_int_equal(ov_retention_list(tx, 101, LATER, a, &p, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);

    OK(anonymise(&w, c1, &res, &err));
    assert_false(res.skipped);
    assert_true(res.identity_removed);
    char *after = dump(&w);
    assert_false(has(after, "Anna Jensen"));
    assert_false(has(after, "Hemmelig note"));
    assert_false(has(after, "Samtale A"));
    assert_false(has(after, "Netværksperson A"));
    assert_false(has(after, "Søster"));
    assert_false(has(after, "Sluttekst A"));
    assert_false(has(after, hash));
    assert_true(has(after, OV_ANON_MARKER));
    /* the facts stay: dates, the end reason, the year of birth */
    char *facts = tu_sh_out(
        "sqlite3 '%s' \"SELECT c.started_on, c.ended_on, c.end_reason, "
        "z.birth_date, z.sex, (SELECT count(*) FROM journal_note j WHERE "
        "j.course_id = c.id AND j.on_date = '2026-02-01') FROM course c "
        "JOIN citizen z ON z.id = c.citizen_id WHERE c.id = %lld\"",
        w.t.db, (long long)c1);
    assert_string_equal(facts, "2026-01-05|2026-03-01|health|1990-01-01|F|1\n");
    /* the audit row: actor retention, the counts, never the data */
    char *row = tu_sh_out("sqlite3 '%s' \"SELECT actor || '|' || action || "
                          "'|' || criterion FROM audit_log WHERE actor = "
                          "'retention'\"",
                          w.t.db);
    assert_true(has(row, "retention|delete|opbevaring: forløb"));
    assert_true(has(row, "identitet fjernet"));
    assert_true(has(row, "journal_note 2"));
    assert_false(has(row, "Hemmelig"));
    assert_false(has(row, "Anna"));
    /* nothing more is written to it: a new note would outlive it */
    tx = begin(&w, &tu_actor);
    ov_note n = {D(2026, 3, 1), OV_STR_LIT("Efter"), OV_STR_LIT("Ny tekst"),
                 0};
    int64_t nid = 0;
    assert_int_equal(ov_note_add(tx, c1, &n, D(2026, 3, 2), &nid, &err),
                     OV_ECONFLICT);
    assert_true(has(err.msg, "was anonymised by retention"));
    ov_tx_rollback(tx);
    /* a re-run skips it: no write, no audit row */
    OK(anonymise(&w, c1, &res, &err));
    assert_true(res.skipped);
    char *again = dump(&w);
    assert_string_equal(again, after);
    free(before);
    free(after);
    free(again);
    free(facts);
    free(row);
    free(hash);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static void an_open_course_is_refused_and_keeps_the_identity(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    set_years(&w, 250, 1);
    /* Anna: one ended course, then an open one */
    int64_t ended = course_with_texts(&w, w.citizen, true, "A");
    int64_t open = course_with_texts(&w, w.citizen, false, "B");
    ov_retention_result res;
    char *before = dump(&w);
    assert_int_equal(anonymise(&w, open, &res, &err), OV_ECONFLICT);
    assert_true(has(err.msg, "is still open"));
    assert_int_equal(anonymise(&w, 999999, &res, &err), OV_ENOTFOUND);
    char *same = dump(&w);
    assert_string_equal(same, before);
    /* the listing says the identity stays */
    ov_tx *tx;
    OK(ov_tx_begin_read(w.t.store, &tx, &err));
    ov_arena *a = ov_arena_new(0);
    ov_retention_plan p;
    OK(ov_retention_list(tx, 250, LATER, a, &p, &err));
    ov_tx_rollback(tx);
    assert_int_equal(p.n, 1);
    assert_int_equal(p.open, 1);
    assert_false(p.items[0].identity_goes);
    /* the ended course loses its texts; Anna and the open course keep
     * theirs */
    OK(anonymise(&w, ended, &res, &err));
    assert_false(res.identity_removed);
    char *after = dump(&w);
    assert_false(has(after, "Hemmelig note A"));
    assert_false(has(after, "Sluttekst A"));
    assert_true(has(after, "Anna Jensen"));
    assert_true(has(after, "Hemmelig note B"));
    assert_true(has(after, "Netværksperson B"));
    /* her CPR number still finds her */
    tx = begin(&w, &tu_actor);
    int64_t found = 0;
    OK(ov_citizen_find_by_cpr(tx, OV_STR_LIT("010190-1234"), &found, &err));
    assert_int_equal(found, w.citizen);
    commit(tx);
    /* the second course ends and expires: now the identity goes */
    tx = begin(&w, &tu_actor);
    OK(ov_course_end(tx, open, OV_END_HEALTH, OV_STR_LIT("Sluttekst B"),
                     D(2026, 3, 1), D(2026, 3, 1), &err));
    commit(tx);
    OK(anonymise(&w, open, &res, &err));
    assert_true(res.identity_removed);
    char *gone = dump(&w);
    assert_false(has(gone, "Anna Jensen"));
    assert_false(has(gone, "Hemmelig note B"));
    tx = begin(&w, &tu_actor);
    OK(ov_citizen_find_by_cpr(tx, OV_STR_LIT("010190-1234"), &found, &err));
    assert_int_equal(found, 0);
    ov_tx_rollback(tx);
    free(before);
    free(same);
    free(after);
    free(gone);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

/* A process that dies holding a course's transaction: that course stays
 * untouched, the one committed before it stays whole, and a re-run
 * finishes the rest and skips the done. */
static void a_crash_mid_run_leaves_each_course_whole_or_untouched(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    set_years(&w, 250, 1);
    int64_t c[3];
    int64_t cit[3] = {w.citizen, 0, 0};
    ov_tx *tx = begin(&w, &tu_actor);
    OK(ov_citizen_create(tx, OV_STR_LIT("Bo Hansen"),
                         OV_STR_LIT("020285-1235"), &cit[1], &err));
    OK(ov_citizen_create(tx, OV_STR_LIT("Carla Dahl"),
                         OV_STR_LIT("030380-1236"), &cit[2], &err));
    commit(tx);
    const char *tag[3] = {"A", "B", "C"};
    for (int i = 0; i < 3; i++)
        c[i] = course_with_texts(&w, cit[i], true, tag[i]);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    char *untouched = tu_sh_out(
        "sqlite3 '%s' \"SELECT full_name FROM citizen WHERE id = %lld; "
        "SELECT text FROM journal_note WHERE course_id = %lld\"",
        w.t.db, (long long)cit[1], (long long)c[1]);
    ov_store_close(w.t.store);
    w.t.store = NULL;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ov_store_options o = {.db_path = w.t.db, .key_path = w.t.key,
                              .mode = OV_OPEN_MIGRATE};
        ov_store *s;
        ov_retention_result res;
        if (ov_store_open(&o, &s, &err) != OV_OK)
            _exit(3);
        ov_tx *t1;
        if (ov_tx_begin(s, &retention_actor, &t1, &err) != OV_OK ||
            ov_retention_anonymise(t1, c[0], LATER, &res, &err) != OV_OK ||
            ov_tx_commit(t1, &err) != OV_OK)
            _exit(4);
        if (ov_tx_begin(s, &retention_actor, &t1, &err) != OV_OK ||
            ov_retention_anonymise(t1, c[1], LATER, &res, &err) != OV_OK)
            _exit(5);
        _exit(0); /* dies here, the second course's writes uncommitted */
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    char *now = tu_sh_out(
        "sqlite3 '%s' \"SELECT full_name FROM citizen WHERE id = %lld; "
        "SELECT text FROM journal_note WHERE course_id = %lld\"",
        w.t.db, (long long)cit[1], (long long)c[1]);
    assert_string_equal(now, untouched); /* B: untouched */
    char *d = dump(&w);
    assert_false(has(d, "Hemmelig note A")); /* A: whole */
    assert_false(has(d, "Anna Jensen"));
    assert_true(has(d, "Carla Dahl")); /* C: not reached */
    free(d);
    char *n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM course WHERE "
                        "anonymised_at IS NOT NULL\"",
                        w.t.db);
    assert_string_equal(n, "1\n");
    free(n);
    /* the re-run: A skipped, B and C done */
    ov_retention_result res;
    OK(anonymise(&w, c[0], &res, &err));
    assert_true(res.skipped);
    OK(anonymise(&w, c[1], &res, &err));
    assert_false(res.skipped);
    OK(anonymise(&w, c[2], &res, &err));
    d = dump(&w);
    assert_false(has(d, "Bo Hansen"));
    assert_false(has(d, "Carla Dahl"));
    assert_false(has(d, "Hemmelig note"));
    n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log WHERE "
                  "actor = 'retention'\"",
                  w.t.db);
    assert_string_equal(n, "3\n"); /* one row per course, none twice */
    free(n);
    free(d);
    free(now);
    free(untouched);
    tu_db_free(&w.t);
}

static void the_setting_is_stored_and_its_changes_recorded(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    ov_tx *tx = begin(&w, &tu_actor);
    ov_settings s;
    OK(ov_settings_get(tx, 250, &s, &err));
    assert_int_equal(s.retention_years, 0);
    commit(tx);
    set_years(&w, 250, 10);
    set_years(&w, 250, 0);
    tx = begin(&w, &tu_actor);
    OK(ov_settings_get(tx, 250, &s, &err));
    assert_int_equal(s.retention_years, 0);
    s.retention_years = 101;
    assert_int_equal(ov_settings_set(tx, 250, &s, &err), OV_EINVAL);
    assert_string_equal(err.field, "retention_years");
    ov_tx_rollback(tx);
    char *h = tu_sh_out("sqlite3 '%s' \"SELECT field || ':' || old_value || "
                        "':' || new_value FROM settings_change ORDER BY id\"",
                        w.t.db);
    assert_string_equal(h, "retention_years::10\nretention_years:10:\n");
    free(h);
    char *col = tu_sh_out("sqlite3 '%s' \"SELECT quote(retention_years) FROM "
                          "municipality_settings\"",
                          w.t.db);
    assert_string_equal(col, "NULL\n");
    free(col);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_text_column_of_the_schema_is_classified),
        cmocka_unit_test(
            an_expired_course_loses_names_cpr_and_texts_keeps_facts),
        cmocka_unit_test(an_open_course_is_refused_and_keeps_the_identity),
        cmocka_unit_test(
            a_crash_mid_run_leaves_each_course_whole_or_untouched),
        cmocka_unit_test(the_setting_is_stored_and_its_changes_recorded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
