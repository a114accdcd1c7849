/*
 * "Mine data" (store/export.c): every table of the schema is covered by
 * the export or left out with a reason, and a table that holds a
 * citizen's data (a course, citizen, meeting or placement id) is covered;
 * the export holds the citizen's own rows, the staff by name, no other
 * citizen, and is itself audited as an export.
 */
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
#include "store/export.h"
#include "store/match.h"
#include "store/measure.h"
#include "support/world.h"

static ov_date D(int y, int m, int d) { return ov_date_from_ymd(y, m, d); }
#define TODAY D(2026, 11, 22)

static const ov_export_table *entry(const char *table)
{
    for (const ov_export_table *t = ov_export_tables; t->table; t++)
        if (strcmp(t->table, table) == 0)
            return t;
    return NULL;
}

/* The schema of a freshly migrated database, walked table by table: a
 * table added without a line in ov_export_tables fails here. */
static void every_table_is_covered_or_left_out_with_a_reason(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    char *names = tu_sh_out(
        "sqlite3 '%s' \"SELECT name FROM sqlite_schema WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%%' ORDER BY name\"",
        t.db);
    int n = 0;
    for (char *save = NULL, *name = strtok_r(names, "\n", &save); name;
         name = strtok_r(NULL, "\n", &save), n++) {
        const ov_export_table *e = entry(name);
        if (!e) {
            fail_msg("table %s: add it to ov_export_tables (store/export.c):"
                     " the section that covers it, or why it is left out",
                     name);
            return;
        }
        if (!e->section && (!e->why || !e->why[0]))
            fail_msg("table %s is left out without a reason", name);
        /* citizen data: a table that hangs on a course, a citizen, a
         * meeting or a placement is exported */
        char *cols = tu_sh_out(
            "sqlite3 '%s' \"SELECT count(*) FROM pragma_table_info('%s') "
            "WHERE name IN ('course_id', 'citizen_id', 'meeting_id', "
            "'placement_id')\"",
            t.db, name);
        if (atoi(cols) > 0 && !e->section)
            fail_msg("table %s holds a citizen's data (it has a course, "
                     "citizen, meeting or placement id) but is left out of "
                     "the export",
                     name);
        free(cols);
    }
    assert_true(n >= 40);
    /* and no line names a table the schema does not have */
    for (const ov_export_table *e = ov_export_tables; e->table; e++) {
        char *c = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM "
                            "sqlite_schema WHERE type = 'table' AND name = "
                            "'%s'\"",
                            t.db, e->table);
        if (atoi(c) != 1)
            fail_msg("ov_export_tables names %s, which the schema lacks",
                     e->table);
        free(c);
    }
    free(names);
    tu_db_free(&t);
}

static const ov_export_section *section(const ov_export *x, const char *n)
{
    for (int i = 0; i < x->nsections; i++)
        if (strcmp(x->sections[i].name, n) == 0)
            return &x->sections[i];
    fail_msg("no section %s", n);
    abort();
}

static void the_export_is_the_citizens_own_and_audited(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    int64_t course = tu_course(&w, D(2026, 9, 1));
    ov_tx *tx;
    ov_err err;
    int64_t id, other, other_course;
    ov_measurement m = {.instrument = OV_INSTR_WHO5, .taken_on = D(2026, 9, 2),
                        .nitems = 5, .items = {2, 3, 2, 3, 2},
                        .entered_by = OV_BY_CITIZEN};
    ov_opening o = {0, OV_STR_LIT("Pasning af dyr"), OV_STR_LIT("9211"), 10,
                    20, 0, OV_ORD_LATER, false, 0, 0};
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_measure_record(tx, course, &m, TODAY, &id, &err),
                     OV_OK);
    assert_int_equal(ov_opening_create(tx, w.company, &o, &err), OV_OK);
    assert_int_equal(ov_match_propose(tx, course, o.id, 80, D(2026, 10, 1),
                                      &id, &err),
                     OV_OK);
    assert_int_equal(ov_match_answer(tx, id, true, OV_BY_CITIZEN,
                                     OV_STR_LIT("Jeg elsker dyr"),
                                     D(2026, 10, 2), &err),
                     OV_OK);
    /* another citizen, on the same team, with answers of their own */
    assert_int_equal(ov_citizen_create(tx, OV_STR_LIT("Bent Andersen"),
                                       OV_STR_LIT("020285-1237"), &other,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_course_create(tx, other, w.team, OV_STAGE_DRAWN,
                                      D(2026, 9, 1), &other_course, &err),
                     OV_OK);
    m.items[0] = 5;
    assert_int_equal(ov_measure_record(tx, other_course, &m, TODAY, &id,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);

    ov_arena *a = ov_arena_new(0);
    ov_export x;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &tx, &err), OV_OK);
    assert_int_equal(ov_export_citizen(tx, w.citizen, a, &x, &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    assert_true(x.full_name.len > 0);
    const ov_export_section *c = section(&x, "courses");
    assert_int_equal(c->li.n, 1);
    assert_int_equal(ov_export_get(c, 0, "id")->i, course);
    assert_true(ov_str_eq_c(ov_export_get(c, 0, "municipality")->text,
                            "Halsnæs"));
    const ov_export_section *ms = section(&x, "measurements");
    assert_int_equal(ms->li.n, 1);
    assert_int_equal(ov_export_get(ms, 0, "score")->i, 48);
    const ov_export_section *p = section(&x, "proposals");
    assert_int_equal(p->li.n, 1);
    assert_true(ov_str_eq_c(ov_export_get(p, 0, "comment")->text,
                            "Jeg elsker dyr"));
    assert_true(ov_str_eq_c(ov_export_get(p, 0, "answered_by")->text,
                            "citizen"));
    assert_int_equal(ov_export_get(p, 0, "agreed")->i, 1);
    /* the staff by name, not by log-in */
    const ov_export_section *st = section(&x, "staff");
    assert_int_equal(st->li.n, 4);
    for (int i = 0; i < st->li.n; i++)
        assert_true(ov_export_get(st, i, "name")->text.len > 0);
    /* the download itself is in the access log, newest first */
    const ov_export_section *log = section(&x, "access_log");
    assert_true(log->li.n > 0);
    assert_true(ov_str_eq_c(ov_export_get(log, 0, "action")->text,
                            "export"));
    /* no other citizen: nothing of Bent Andersen's course */
    for (int s = 0; s < x.nsections; s++) {
        const ov_export_section *sec = &x.sections[s];
        for (int r = 0; r < sec->li.n; r++) {
            const ov_export_value *v = ov_export_get(sec, r, "course_id");
            if (v && !v->null)
                assert_int_equal(v->i, course);
            for (int f = 0; f < sec->nfields; f++)
                if (sec->fields[f].kind == OV_XK_TEXT &&
                    sec->rows[r][f].text.len)
                    assert_false(ov_str_eq_c(sec->rows[r][f].text,
                                             "Bent Andersen"));
        }
    }
    ov_arena_destroy(a);
    char *n = tu_sh_out("sqlite3 '%s' \"SELECT count(*) FROM audit_log WHERE "
                        "citizen_id = %lld AND action = 'export'\"",
                        w.t.db, (long long)w.citizen);
    assert_int_equal(atoi(n), 1);
    free(n);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_table_is_covered_or_left_out_with_a_reason),
        cmocka_unit_test(the_export_is_the_citizens_own_and_audited),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
