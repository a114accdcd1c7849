/*
 * fuzz_screening_import - the screening import (src/store/screening.c:
 * the CSV, each line's CPR number, name, flags and months, then the
 * screening of src/model/screening.c).
 *
 * A store on a temp database is opened once, with one municipality; each
 * input is imported in a write transaction that is rolled back, so the
 * database stays small and every run starts from the same state.
 *
 * Input: two bytes of rules (minimum age 18-67, months 0-120), then the
 * CSV file. Invariants: an accepted import counts one candidate per data
 * line, no more in the target group than candidates and no more eligible
 * than in the target group, and lists no errors; a refused one says why
 * and lists its bad lines (at most OV_IMPORT_MAX_ERRORS, each with a line
 * number after the header and a message).
 */
#include "fuzz.h"

#include "core/crypto.h"
#include "core/csv.h"
#include "store/org.h"
#include "store/screening.h"

static ov_store *store;
static char db[300], key[300];
static const ov_actor actor = {"fuzz", OV_ROLE_EMPLOYMENT_CASEWORKER,
                               "fuzzing the screening import"};

static void remove_store(void)
{
    ov_store_close(store);
    const char *suffix[] = {"", "-wal", "-shm", "-audit", "-audit2"};
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        char p[320];
        snprintf(p, sizeof p, "%s%s", db, suffix[i]);
        unlink(p);
    }
    unlink(key);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ov_err err;
    FUZZ_CHECK(ov_crypto_init(&err) == OV_OK, "%s", err.msg);
    snprintf(db, sizeof db, "%s/screening.db", fuzz_tmpdir());
    snprintf(key, sizeof key, "%s/screening.db.key", fuzz_tmpdir());
    ov_store_options o = {.db_path = db, .key_path = key,
                          .mode = OV_OPEN_INIT};
    FUZZ_CHECK(ov_store_open(&o, &store, &err) == OV_OK, "%s", err.msg);
    atexit(remove_store);
    ov_tx *tx;
    FUZZ_CHECK(ov_tx_begin(store, &actor, &tx, &err) == OV_OK, "%s", err.msg);
    ov_org_municipality_create(tx, 250, OV_STR_LIT("Halsnæs"), &err);
    FUZZ_CHECK(ov_tx_commit(tx, &err) == OV_OK, "%s", err.msg);
    return 0;
}

/* Data lines: records after the header, as the import reads them. */
static int64_t data_lines(ov_str csv, ov_arena *a)
{
    const char *nl = memchr(csv.ptr, '\n', csv.len);
    size_t hlen = nl ? (size_t)(nl - csv.ptr) : csv.len;
    char sep = memchr(csv.ptr, ';', hlen) ? ';' : ',';
    ov_csv c;
    ov_csv_init(&c, csv.ptr, csv.len, sep);
    c.max_field_len = 512;
    ov_str f[16];
    size_t n;
    int64_t lines = -1;
    while (ov_csv_next(&c, a, f, 16, &n, NULL) == OV_OK && n > 0)
        lines++;
    return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    ov_screening_rules rules = {.min_age = 18 + data[0] % 50,
                                .min_months_unemployed = data[1] % 121};
    ov_str csv = fuzz_str(data + 2, size - 2);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_err err;
    ov_err_clear(&err);
    FUZZ_CHECK(ov_tx_begin(store, &actor, &tx, &err) == OV_OK, "%s", err.msg);
    int64_t batch = 0;
    ov_import_report rep;
    ov_status st = ov_screening_import(
        tx, 250, ov_date_from_ymd(2026, 11, 1), &rules, csv, "fuzz.csv", a,
        &batch, &rep, &err);
    ov_tx_rollback(tx);
    FUZZ_CHECK(rep.nerrors >= 0 && rep.nerrors <= OV_IMPORT_MAX_ERRORS &&
                   rep.nerrors <= rep.errors_total,
               "%d errors listed of %d", rep.nerrors, rep.errors_total);
    if (st == OV_OK) {
        FUZZ_CHECK(rep.errors_total == 0 && batch > 0, "accepted with errors");
        FUZZ_CHECK(rep.rows >= 1 && rep.rows == data_lines(csv, a),
                   "%lld candidates", (long long)rep.rows);
        FUZZ_CHECK(rep.in_target_group <= rep.rows &&
                       rep.eligible <= rep.in_target_group &&
                       rep.eligible >= 0,
                   "%lld in the group, %lld eligible of %lld",
                   (long long)rep.in_target_group, (long long)rep.eligible,
                   (long long)rep.rows);
    } else {
        FUZZ_CHECK(err.msg[0] != '\0', "refused without a reason");
        for (int i = 0; i < rep.nerrors; i++)
            FUZZ_CHECK(rep.errors[i].line >= 2 && rep.errors[i].msg[0],
                       "error %d on line %lld", i,
                       (long long)rep.errors[i].line);
    }
    ov_arena_destroy(a);
    return 0;
}
