/* A read transaction's data version (store.h ov_tx_data_version) is the
 * one read as it began, before its snapshot: a write that commits while
 * the read runs moves the store's version on but not the transaction's,
 * whose snapshot does not hold that write; so a figure computed in the
 * read may be kept under the transaction's version, never under the
 * store's version read later. A write transaction has none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/activity.h"
#include "store/course.h"
#include "support/world.h"

static int64_t citizens_counted(ov_tx *tx)
{
    ov_activity_summary s;
    ov_err err;
    ov_date d = ov_date_from_ymd(2026, 3, 1);
    assert_int_equal(ov_store_activity_summary(tx, 250, d, d, &s, &err),
                     OV_OK);
    return s.citizens;
}

static void a_read_keeps_the_version_it_began_with(void **state)
{
    (void)state;
    tu_world w;
    tu_world_init(&w);
    ov_err err;
    uint64_t inst0, gen0, inst, gen;
    ov_store_data_version(w.t.store, &inst0, &gen0);
    ov_tx *rd;
    assert_int_equal(ov_tx_begin_read(w.t.store, &rd, &err), OV_OK);
    assert_true(ov_tx_data_version(rd, &inst, &gen));
    assert_true(inst == inst0 && gen == gen0);
    /* the snapshot begins with the first read */
    assert_int_equal(citizens_counted(rd), 0);
    /* a course written meanwhile: the store's version moves on */
    tu_course(&w, ov_date_from_ymd(2026, 1, 10));
    ov_store_data_version(w.t.store, &inst, &gen);
    assert_true(inst == inst0 && gen == gen0 + 1);
    /* the read still has its own version, and does not see the course */
    assert_true(ov_tx_data_version(rd, &inst, &gen));
    assert_true(inst == inst0 && gen == gen0);
    assert_int_equal(citizens_counted(rd), 0);
    assert_int_equal(ov_tx_commit(rd, &err), OV_OK);
    /* the next read has the new version and sees the course */
    assert_int_equal(ov_tx_begin_read(w.t.store, &rd, &err), OV_OK);
    assert_true(ov_tx_data_version(rd, &inst, &gen));
    assert_true(gen == gen0 + 1);
    assert_int_equal(citizens_counted(rd), 1);
    assert_int_equal(ov_tx_commit(rd, &err), OV_OK);
    /* a write transaction has no version to keep figures under */
    ov_tx *wr;
    assert_int_equal(ov_tx_begin(w.t.store, &tu_actor, &wr, &err), OV_OK);
    assert_false(ov_tx_data_version(wr, &inst, &gen));
    ov_tx_rollback(wr);
    tu_db_free(&w.t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_read_keeps_the_version_it_began_with),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
