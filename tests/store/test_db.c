/* The store's SQLite layer (src/store/db.c), white-box: what the process-
 * wide settings and the VFS in db.c promise. The one test file outside
 * src/store that may include store/db.h (check-source rule 2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/db.h"
#include "support/testutil.h"

/* A statement that journals more than the 32 MiB the statement journal
 * keeps in memory moves it to a temporary file. SQLite wrote the block in
 * one call and the unix VFS writes at most 128 KiB per call: the move
 * answered "database or disk is full" (migration 12 failed so on a
 * database with 900,000 audit rows). 48 MiB of rows whose CHECK calls a
 * function, all rewritten by one statement inside a transaction. */
static void a_statement_journal_past_its_memory_moves_to_a_file(void **state)
{
    (void)state;
    tu_db t;
    tu_db_init(&t);
    char path[320];
    snprintf(path, sizeof path, "%s.big", t.db);
    ov_conn *c = NULL;
    ov_err err;
    assert_int_equal(ov_conn_open(path, true, false, &c, &err), OV_OK);
    assert_int_equal(
        ov_conn_exec(c,
                     "CREATE TABLE big (id INTEGER PRIMARY KEY, b BLOB NOT "
                     "NULL CHECK (length(b) = 4000));"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                     "FROM n WHERE i < 12000) INSERT INTO big SELECT i, "
                     "zeroblob(4000) FROM n;",
                     &err),
        OV_OK);
    ov_status st = ov_conn_exec(c,
                                "BEGIN; UPDATE big SET b = randomblob(4000); "
                                "COMMIT;",
                                &err);
    if (st != OV_OK)
        fail_msg("the big statement failed: %s", err.msg);
    ov_conn_close(c);
    char *n = tu_sh_out("sqlite3 '%s' 'SELECT count(*) FROM big WHERE b "
                        "<> zeroblob(4000)'",
                        path);
    assert_string_equal(n, "12000\n");
    free(n);
    unlink(path);
    tu_db_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_statement_journal_past_its_memory_moves_to_a_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
