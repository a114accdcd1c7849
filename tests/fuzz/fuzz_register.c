/*
 * fuzz_register - the register extract reader (src/stats/register.c).
 *
 * Input: one byte of options (bit 0: --drop-missing, bit 1: exact
 * matching on column "grp", bits 2-4: kmax 0-7, bits 5-6: num_kmax -1-2),
 * then population.csv and months.csv separated by a line "--". Both are
 * written to a temp directory and read with one thread (the reader splits
 * only files of a MiB or more per thread, bigger than fuzz inputs).
 *
 * Invariants: a refused extract names the file and line in the field
 * (or --exact, when there is no column "grp") and says why; an accepted one keeps kmax and num_kmax as asked, has treated
 * 0 or 1, starts that are months, statuses that are codes or "missing",
 * level indices inside their sorted, distinct level names, exact-match
 * groups inside their levels, and no more rows kept than read.
 */
#include "fuzz.h"

#include <math.h>

#include "stats/register.h"

static char pop_path[320], mon_path[320];

static void remove_files(void)
{
    unlink(pop_path);
    unlink(mon_path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(pop_path, sizeof pop_path, "%s/population.csv", fuzz_tmpdir());
    snprintf(mon_path, sizeof mon_path, "%s/months.csv", fuzz_tmpdir());
    atexit(remove_files);
    return 0;
}

static void check_levels(char **levels, int n, const char *what)
{
    FUZZ_CHECK(n >= 0 && n <= OV_REG_MAX_LEVELS, "%s: %d levels", what, n);
    for (int i = 1; i < n; i++)
        FUZZ_CHECK(strcmp(levels[i - 1], levels[i]) < 0,
                   "%s: levels %d and %d are not sorted and distinct", what,
                   i - 1, i);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t opt = data[0];
    ov_str pop, mon;
    fuzz_split(fuzz_str(data + 1, size - 1), &pop, &mon);
    fuzz_write_file(pop_path, pop);
    fuzz_write_file(mon_path, mon);

    ov_register_options o = {.dir = fuzz_tmpdir(),
                             .drop_missing = opt & 1,
                             .exact = opt & 2 ? "grp" : NULL,
                             .kmax = (opt >> 2) & 7,
                             .num_kmax = ((opt >> 5) & 3) - 1,
                             .threads = 1};
    ov_register r;
    ov_err err;
    ov_err_clear(&err);
    if (ov_register_read(&o, &r, &err) != OV_OK) {
        FUZZ_CHECK(err.code == OV_EINVAL && err.msg[0],
                   "refused with code %d: %s", (int)err.code, err.msg);
        FUZZ_CHECK(strncmp(err.field, "population.csv", 14) == 0 ||
                       strncmp(err.field, "months.csv", 10) == 0 ||
                       strcmp(err.field, "--exact") == 0,
                   "the error names '%s', not a file", err.field);
        return 0;
    }
    FUZZ_CHECK(r.kmax == o.kmax, "kmax %d", r.kmax);
    /* the numeric window never exceeds the status window (num_kmax is
     * clamped to kmax, test_numeric_window_never_exceeds_status_window) */
    FUZZ_CHECK(r.nnum == 0 || r.num_kmax == (o.num_kmax < o.kmax ? o.num_kmax
                                                                  : o.kmax),
               "num_kmax %d for %d and kmax %d", r.num_kmax, o.num_kmax,
               o.kmax);
    FUZZ_CHECK(r.month_rows_kept <= r.month_rows, "%zu of %zu rows kept",
               r.month_rows_kept, r.month_rows);
    FUZZ_CHECK(r.persons_without_months <= r.n, "%zu without months of %zu",
               r.persons_without_months, r.n);
    for (size_t i = 0; i < r.n; i++) {
        FUZZ_CHECK(r.treated[i] <= 1, "treated %u", r.treated[i]);
        FUZZ_CHECK(r.id[i].len > 0 && r.id[i].len <= OV_REG_ID_MAX,
                   "id of %zu bytes", r.id[i].len);
        char m[8];
        ov_month_format(r.start[i], m);
        ov_month back;
        FUZZ_CHECK(ov_month_parse(ov_str_c(m), &back) && back == r.start[i],
                   "start %s", m);
        for (int k = 0; k <= r.kmax; k++) {
            unsigned s = ov_register_status(&r, i, k);
            FUZZ_CHECK(s < OV_RS_COUNT || s == OV_RS_MISSING, "status %u", s);
        }
        for (int c = 0; c < r.ncov; c++) {
            const ov_reg_covariate *cv = &r.cov[c];
            if (cv->categorical)
                FUZZ_CHECK(cv->level[i] >= 0 && cv->level[i] < cv->nlevels,
                           "level %d of %d", cv->level[i], cv->nlevels);
            else
                FUZZ_CHECK(isfinite(cv->num[i]) || o.drop_missing == false,
                           "covariate %s is not finite", cv->name);
        }
        if (r.exact_group)
            FUZZ_CHECK(r.exact_group[i] >= 0 &&
                           r.exact_group[i] < r.exact_nlevels,
                       "exact group %d of %d", r.exact_group[i],
                       r.exact_nlevels);
    }
    for (int c = 0; c < r.ncov; c++)
        if (r.cov[c].categorical)
            check_levels(r.cov[c].levels, r.cov[c].nlevels, r.cov[c].name);
    if (r.exact_group)
        check_levels(r.exact_levels, r.exact_nlevels, "exact");
    ov_register_free(&r);
    return 0;
}
