/* The citizen's home (store/citizen_home.c): a comment is recorded on a
 * version of the course's own plan with its audit row, never on a
 * version the course does not have, and refuses an empty or too long
 * text with nothing written; the team reads it in the journal; the plan
 * version a user saw is noted at once, written with the next batch and
 * never lowered; the citizen's course is their newest; the team comes
 * with phone and e-mail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/citizen_home.h"
#include "store/course.h"
#include "store/journal_view.h"
#include "store/org.h"
#include "store/plan.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

/* the citizen of the world, in their own log-in */
static const ov_actor citizen_actor = {"borger", OV_ROLE_CITIZEN, "test"};
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

static ov_tx *begin_read(tu_world *w, const ov_actor *a)
{
    ov_tx *tx;
    ov_err err;
    OK(ov_tx_begin_audited(w->t.store, a, &tx, &err));
    return tx;
}

static void commit(ov_tx *tx)
{
    ov_err err;
    OK(ov_tx_commit(tx, &err));
}

/* A new plan version of the course with the job goal `goal`. */
static int save_plan(tu_world *w, int64_t course, int base, const char *goal)
{
    ov_tx *tx = begin(w, &job_actor);
    ov_plan p = {0};
    p.job_goal = ov_str_c(goal);
    int v = 0;
    ov_err err;
    OK(ov_plan_save(tx, course, base, &p, true, OV_STR_LIT(""), &v, &err));
    commit(tx);
    return v;
}

static int count(tu_world *w, const char *sql)
{
    ov_err err;
    OK(ov_store_audit_sync(w->t.store, &err));
    char *n = tu_sh_out("sqlite3 '%s' \"%s\"", w->t.db, sql);
    int v = atoi(n);
    free(n);
    return v;
}

/* End the course (one open course per citizen: the next is new). */
static void end(tu_world *w, int64_t course)
{
    ov_tx *tx = begin(w, &job_actor);
    ov_err err;
    OK(ov_course_end(tx, course, OV_END_OTHER_EFFORT, OV_STR_LIT(""),
                     D(2026, 10, 20), D(2026, 10, 20), &err));
    commit(tx);
}

static ov_status add(tu_world *w, int64_t course, int version, bool agrees,
                     const char *text, ov_err *err)
{
    ov_tx *tx = begin(w, &citizen_actor);
    int64_t id = 0;
    ov_status st = ov_plan_comment_add(tx, course, version, agrees,
                                       ov_str_c(text), &id, err);
    ov_err e2;
    if (st == OV_OK)
        st = ov_tx_commit(tx, &e2);
    else
        ov_tx_rollback(tx);
    return st;
}

static void a_comment_is_recorded_on_the_version_with_its_audit_row(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    save_plan(&w, course, 0, "Arbejde på et lager");
    int v2 = save_plan(&w, course, 1, "Arbejde i en butik");
    ov_err err;
    OK(add(&w, course, v2, false, "  Jeg vil hellere på lager  ", &err));
    OK(add(&w, course, 1, true, "Den første var god", &err));
    ov_tx *tx = begin_read(&w, &job_actor);
    ov_arena *a = ov_arena_new(0);
    ov_plan_comment *c;
    ov_list_info li;
    OK(ov_plan_comments(tx, course, OV_PLAN_COMMENTS_CAP, a, &c, &li, &err));
    commit(tx);
    assert_int_equal(li.n, 2);
    assert_int_equal(li.total, 2);
    /* newest first, the text trimmed, the author as recorded */
    assert_int_equal(c[0].version, 1);
    assert_true(c[0].agrees);
    assert_int_equal(c[1].version, v2);
    assert_false(c[1].agrees);
    assert_true(ov_str_eq_c(c[1].text, "Jeg vil hellere på lager"));
    assert_true(ov_str_eq_c(c[1].author_user, "borger"));
    assert_true(c[1].created_at > 0);
    ov_arena_destroy(a);
    /* each comment with its row, in the citizen's name */
    assert_int_equal(count(&w, "SELECT count(*) FROM audit_log WHERE "
                               "action = 'create' AND actor = 'borger' AND "
                               "criterion IN ('kommentar til plan', "
                               "'uenig i plan (kommentar)')"),
                     2);
    tu_db_free(&w.t);
}

static void a_version_the_course_does_not_have_is_not_found_and_nothing_is_written(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t other = tu_course(&w, D(2026, 9, 1));
    save_plan(&w, other, 0, "Butik");
    int v2 = save_plan(&w, other, 1, "Butik og lager");
    end(&w, other);
    int64_t mine = tu_course(&w, D(2026, 10, 21));
    save_plan(&w, mine, 0, "Lager");
    ov_err err;
    /* version 2 is the other course's only */
    assert_int_equal(add(&w, mine, v2, false, "Uenig", &err), OV_ENOTFOUND);
    assert_string_equal(err.field, "version");
    assert_non_null(strstr(err.msg, "your plan has no version 2"));
    assert_int_equal(add(&w, mine, 0, true, "Enig", &err), OV_ENOTFOUND);
    assert_int_equal(count(&w, "SELECT count(*) FROM plan_comment"), 0);
    tu_db_free(&w.t);
}

static void an_empty_or_too_long_text_is_refused_naming_the_text(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    save_plan(&w, course, 0, "Lager");
    ov_err err;
    assert_int_equal(add(&w, course, 1, true, "   ", &err), OV_EINVAL);
    assert_string_equal(err.field, "text");
    char *longer = malloc(OV_PLAN_COMMENT_MAX + 2);
    memset(longer, 'x', OV_PLAN_COMMENT_MAX + 1);
    longer[OV_PLAN_COMMENT_MAX + 1] = '\0';
    assert_int_equal(add(&w, course, 1, true, longer, &err), OV_EINVAL);
    assert_string_equal(err.field, "text");
    assert_non_null(strstr(err.msg, "at most 2000 bytes"));
    /* exactly the cap is fine */
    longer[OV_PLAN_COMMENT_MAX] = '\0';
    OK(add(&w, course, 1, true, longer, &err));
    free(longer);
    assert_int_equal(count(&w, "SELECT count(*) FROM plan_comment"), 1);
    tu_db_free(&w.t);
}

static void the_team_reads_the_comment_in_the_journal(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    save_plan(&w, course, 0, "Lager");
    ov_err err;
    OK(add(&w, course, 1, false, "Jeg vil hellere arbejde med dyr", &err));
    ov_tx *tx = begin_read(&w, &job_actor);
    ov_arena *a = ov_arena_new(0);
    ov_journal_filter f = {OV_JK_PLAN_COMMENT, 0, 0, 0, 0};
    ov_journal_entry *rows;
    ov_list_info li;
    OK(ov_journal_read(tx, course, &f, OV_JOURNAL_CAP, a, &rows, &li, &err));
    assert_int_equal(li.n, 1);
    assert_int_equal(rows[0].kind, OV_JK_PLAN_COMMENT);
    assert_true(ov_str_eq_c(rows[0].code, "disagrees"));
    assert_int_equal(rows[0].num, 1);
    assert_true(ov_str_eq_c(rows[0].text, "Jeg vil hellere arbejde med dyr"));
    assert_true(ov_str_eq_c(rows[0].author_user, "borger"));
    /* and the entry in full */
    ov_journal_entry e;
    ov_journal_field *fields;
    int nf;
    OK(ov_journal_entry_read(tx, course, OV_JK_PLAN_COMMENT, rows[0].ref, 0,
                             a, &e, &fields, &nf, &err));
    assert_int_equal(nf, 1);
    assert_true(ov_str_eq_c(fields[0].label, "comment"));
    assert_true(ov_str_eq_c(fields[0].value,
                            "Jeg vil hellere arbejde med dyr"));
    commit(tx);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

static int seen(tu_world *w, int64_t user, int64_t course)
{
    ov_tx *tx;
    ov_err err;
    OK(ov_tx_begin_read(w->t.store, &tx, &err));
    int v = -1;
    OK(ov_plan_seen_get(tx, user, course, &v, &err));
    ov_tx_rollback(tx);
    return v;
}

static void note(tu_world *w, int64_t user, int64_t course, int version)
{
    ov_tx *tx;
    ov_err err;
    OK(ov_tx_begin_read(w->t.store, &tx, &err));
    ov_plan_seen_note(tx, user, course, version);
    ov_tx_rollback(tx);
}

static void a_seen_version_is_noted_at_once_written_with_the_next_batch_and_never_lowered(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 10, 1));
    save_plan(&w, course, 0, "Lager");
    save_plan(&w, course, 1, "Lager og butik");
    save_plan(&w, course, 2, "Butik");
    assert_int_equal(seen(&w, w.job, course), 0);
    note(&w, w.job, course, 2);
    assert_int_equal(seen(&w, w.job, course), 2);
    assert_int_equal(count(&w, "SELECT count(*) FROM plan_seen"), 0);
    /* the next write batch writes it */
    ov_tx *tx = begin(&w, &job_actor);
    commit(tx);
    assert_int_equal(count(&w, "SELECT version FROM plan_seen"), 2);
    /* an older version shown later does not lower it */
    note(&w, w.job, course, 1);
    assert_int_equal(seen(&w, w.job, course), 2);
    tx = begin(&w, &job_actor);
    commit(tx);
    assert_int_equal(count(&w, "SELECT version FROM plan_seen"), 2);
    /* a newer one is written at close too; another user is apart */
    note(&w, w.job, course, 3);
    tu_db_reopen(&w.t, OV_OPEN_MIGRATE);
    assert_int_equal(seen(&w, w.job, course), 3);
    assert_int_equal(seen(&w, w.cti, course), 0);
    tu_db_free(&w.t);
}

static void the_citizens_course_is_their_newest_and_the_team_has_contacts(
    void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_tx *tx = begin(&w, &tu_actor);
    int64_t course = 0;
    ov_err err;
    assert_int_equal(ov_citizen_home_course(tx, w.citizen, &course, &err),
                     OV_ENOTFOUND);
    ov_tx_rollback(tx);
    end(&w, tu_course(&w, D(2026, 9, 1)));
    int64_t newest = tu_course(&w, D(2026, 10, 21));
    tx = begin(&w, &tu_actor);
    OK(ov_citizen_home_course(tx, w.citizen, &course, &err));
    assert_int_equal(course, newest);
    OK(ov_org_user_set_contact(tx, w.cti, OV_STR_LIT("+45 40 00 00 05"),
                               OV_STR_LIT("cti@halsnaes.dk"), &err));
    commit(tx);
    tx = begin_read(&w, &citizen_actor);
    ov_arena *a = ov_arena_new(0);
    ov_team_contact *t;
    int n;
    OK(ov_course_team_contacts(tx, newest, a, &t, &n, &err));
    commit(tx);
    /* the four frontline roles in a fixed order */
    assert_int_equal(n, 4);
    assert_int_equal(t[0].role, OV_ROLE_EMPLOYMENT_CASEWORKER);
    assert_int_equal(t[2].role, OV_ROLE_CTI_WORKER);
    assert_true(ov_str_eq_c(t[2].phone, "+45 40 00 00 05"));
    assert_true(ov_str_eq_c(t[2].email, "cti@halsnaes.dk"));
    assert_int_equal(t[0].phone.len, 0);
    ov_arena_destroy(a);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            a_comment_is_recorded_on_the_version_with_its_audit_row),
        cmocka_unit_test(
            a_version_the_course_does_not_have_is_not_found_and_nothing_is_written),
        cmocka_unit_test(an_empty_or_too_long_text_is_refused_naming_the_text),
        cmocka_unit_test(the_team_reads_the_comment_in_the_journal),
        cmocka_unit_test(
            a_seen_version_is_noted_at_once_written_with_the_next_batch_and_never_lowered),
        cmocka_unit_test(
            the_citizens_course_is_their_newest_and_the_team_has_contacts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
