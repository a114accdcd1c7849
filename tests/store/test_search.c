/* Finding a citizen (store/search.h): by any part of the name with case,
 * accents and æ/ø/å ignored, or by the whole CPR number through its keyed
 * look-up; only among the courses the caller may see; audited without the
 * query. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/citizen.h"
#include "store/course.h"
#include "store/search.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }

typedef struct fixture {
    tu_world w;
    int64_t aase_s, aase_b, jens_tonder, pia_syd;
    int64_t pia_course;
} fixture;

static int64_t citizen_on(fixture *f, const char *name, const char *cpr,
                          int64_t team, int64_t *course)
{
    ov_tx *tx;
    ov_err err;
    int64_t id = 0, c = 0;
    assert_int_equal(ov_tx_begin(f->w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_citizen_create(tx, ov_str_c(name), ov_str_c(cpr), &id,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_course_create(tx, id, team, OV_STAGE_DRAWN,
                                      D(2026, 9, 1), &c, &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    if (course)
        *course = c;
    return id;
}

static void setup(fixture *f)
{
    tu_world_init(&f->w);
    tu_course(&f->w, D(2026, 8, 1)); /* Anna Jensen, 010190-1234 */
    f->aase_s = citizen_on(f, "Åse Sørensen", "120385-1112", f->w.team, NULL);
    f->aase_b = citizen_on(f, "Aase Bækgård", "230477-2220", f->w.team, NULL);
    f->jens_tonder = citizen_on(f, "Jens Sørensen", "050560-4321",
                                f->w.team_tonder, NULL);
    f->pia_syd = citizen_on(f, "Pia Hansen", "170892-3334", f->w.other_team,
                            &f->pia_course);
}

static ov_viewer staff(const fixture *f, int64_t user, ov_role role)
{
    (void)f;
    return (ov_viewer){user, role, 250, 0, 0};
}

/* The citizens a search finds (sorted by name), or -status on error. */
static int search(fixture *f, const ov_viewer *v, const char *q,
                  int64_t *ids, ov_err *err)
{
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    assert_int_equal(ov_tx_begin(f->w.t.store, &tu_actor, &tx, err), OV_OK);
    ov_search_hit *h;
    ov_list_info li;
    ov_search_by by;
    ov_status st = ov_citizen_search(tx, v, ov_str_c(q), 50, a, &h, &li, &by,
                                     err);
    int n = st == OV_OK ? li.n : -(int)st;
    for (int i = 0; st == OV_OK && i < li.n && ids; i++)
        ids[i] = h[i].citizen_id;
    if (st == OV_OK)
        assert_int_equal(ov_tx_commit(tx, err), OV_OK);
    else
        ov_tx_rollback(tx);
    ov_arena_destroy(a);
    return n;
}

static void a_name_is_found_by_any_part_with_accents_ignored(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_viewer job = staff(&f, f.w.job, OV_ROLE_EMPLOYMENT_CASEWORKER);
    ov_err err;
    int64_t ids[8];
    assert_int_equal(search(&f, &job, "sorensen", ids, &err), 1);
    assert_int_equal(ids[0], f.aase_s);
    assert_int_equal(search(&f, &job, "SØRENS", ids, &err), 1);
    assert_int_equal(search(&f, &job, "soerensen", ids, &err), 1);
    /* "aase" finds Åse and Aase, sorted by name */
    assert_int_equal(search(&f, &job, "aase", ids, &err), 2);
    assert_int_equal(ids[0], f.aase_b);
    assert_int_equal(ids[1], f.aase_s);
    assert_int_equal(search(&f, &job, "baekgard", ids, &err), 1);
    assert_int_equal(search(&f, &job, "sen jen", ids, &err), 1);
    assert_int_equal(ids[0], f.w.citizen);
    assert_int_equal(search(&f, &job, "nobody", ids, &err), 0);
    tu_db_free(&f.w.t);
}

static void only_the_courses_the_caller_may_see_are_searched(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_viewer job = staff(&f, f.w.job, OV_ROLE_EMPLOYMENT_CASEWORKER);
    ov_viewer leader = staff(&f, f.w.leader, OV_ROLE_LEADER);
    ov_viewer syd = staff(&f, f.w.cti_other, OV_ROLE_CTI_WORKER);
    ov_err err;
    int64_t ids[8];
    /* another team's citizen: the leader finds her, Team Nord does not */
    assert_int_equal(search(&f, &job, "hansen", ids, &err), 0);
    assert_int_equal(search(&f, &syd, "hansen", ids, &err), 1);
    assert_int_equal(search(&f, &leader, "hansen", ids, &err), 1);
    assert_int_equal(ids[0], f.pia_syd);
    /* another municipality's citizen: never, by name or by number */
    assert_int_equal(search(&f, &leader, "jens sørensen", ids, &err), 0);
    assert_int_equal(search(&f, &leader, "050560-4321", ids, &err), 0);
    assert_int_equal(search(&f, &leader, "sørensen", ids, &err), 1);
    assert_int_equal(ids[0], f.aase_s);
    /* a citizen, an analyst, an employer contact may not search */
    ov_viewer c = {0, OV_ROLE_CITIZEN, 250, f.w.citizen, 0};
    assert_int_equal(search(&f, &c, "anna", ids, &err), -OV_EPERM);
    ov_viewer nat = {0, OV_ROLE_NATIONAL_ANALYST, 0, 0, 0};
    assert_int_equal(search(&f, &nat, "anna", ids, &err), -OV_EPERM);
    tu_db_free(&f.w.t);
}

static void a_cpr_number_is_found_only_whole_and_exact(void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_viewer job = staff(&f, f.w.job, OV_ROLE_EMPLOYMENT_CASEWORKER);
    ov_err err;
    int64_t ids[8];
    assert_int_equal(search(&f, &job, "010190-1234", ids, &err), 1);
    assert_int_equal(ids[0], f.w.citizen);
    assert_int_equal(search(&f, &job, " 0101901234 ", ids, &err), 1);
    assert_int_equal(search(&f, &job, "010190 1234", ids, &err), 1);
    /* a valid number no one has */
    assert_int_equal(search(&f, &job, "010190-1235", ids, &err), 0);
    /* part of a number is refused, without repeating it */
    assert_int_equal(search(&f, &job, "010190", ids, &err), -OV_EINVAL);
    assert_string_equal(err.field, "q");
    assert_null(strstr(err.msg, "0101"));
    assert_int_equal(search(&f, &job, "1234", ids, &err), -OV_EINVAL);
    assert_int_equal(search(&f, &job, "01019012345", ids, &err), -OV_EINVAL);
    /* ten digits that are no date */
    assert_int_equal(search(&f, &job, "321390-1234", ids, &err), -OV_EINVAL);
    assert_null(strstr(err.msg, "3213"));
    assert_null(strstr(err.msg, "13"));
    /* a name of one letter, an empty query */
    assert_int_equal(search(&f, &job, "a", ids, &err), -OV_EINVAL);
    assert_int_equal(search(&f, &job, "  ", ids, &err), -OV_EINVAL);
    tu_db_free(&f.w.t);
}

static void a_search_is_audited_per_citizen_shown_without_the_query(
    void **state)
{
    (void)state;
    fixture f;
    setup(&f);
    ov_viewer job = staff(&f, f.w.job, OV_ROLE_EMPLOYMENT_CASEWORKER);
    ov_err err;
    int64_t ids[8];
    assert_int_equal(search(&f, &job, "010190-1234", ids, &err), 1);
    assert_int_equal(search(&f, &job, "120385 1112", ids, &err), 1);
    assert_int_equal(search(&f, &job, "010190-9999", ids, &err), 0);
    assert_int_equal(search(&f, &job, "aase", ids, &err), 2);
    /* the read rows folded from the journal into the log */
    assert_int_equal(ov_store_audit_sync(f.w.t.store, &err), OV_OK);
    char *n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log WHERE "
                        "citizen_id = %lld AND criterion = 'søgning på "
                        "CPR-nummer'\"",
                        f.w.t.db, (long long)f.w.citizen);
    assert_int_equal(atoi(n), 1);
    free(n);
    n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log WHERE "
                  "citizen_id IS NULL AND criterion = 'søgning på CPR-nummer: "
                  "ingen fundet'\"",
                  f.w.t.db);
    assert_int_equal(atoi(n), 1);
    free(n);
    n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log WHERE "
                  "criterion = 'søgning på navn'\"",
                  f.w.t.db);
    assert_int_equal(atoi(n), 2);
    free(n);
    /* no digit of a searched number, no name searched for, anywhere in
     * the log's text */
    n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log WHERE "
                  "criterion LIKE '%%0101%%' OR criterion LIKE '%%1234%%' OR "
                  "criterion LIKE '%%9999%%' OR criterion LIKE '%%1112%%' OR "
                  "criterion LIKE '%%aase%%'\"",
                  f.w.t.db);
    assert_int_equal(atoi(n), 0);
    free(n);
    tu_db_free(&f.w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_name_is_found_by_any_part_with_accents_ignored),
        cmocka_unit_test(only_the_courses_the_caller_may_see_are_searched),
        cmocka_unit_test(a_cpr_number_is_found_only_whole_and_exact),
        cmocka_unit_test(
            a_search_is_audited_per_citizen_shown_without_the_query),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
