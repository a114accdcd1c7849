/*
 * The register extract reader: a small extract read into columns (ids,
 * starts, numeric and categorical covariates, statuses at month offsets,
 * numeric month columns), the same extract gzip-compressed, every input
 * error named by file and line with its fix, the first error by line
 * winning whatever the thread count, and the strict month and number
 * parsers.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "stats/register.h"

/* ---- a temporary extract ------------------------------------------------ */

typedef struct ext {
    char dir[64];
} ext;

static void ext_new(ext *e)
{
    snprintf(e->dir, sizeof e->dir, "/tmp/overgang-register-XXXXXX");
    assert_non_null(mkdtemp(e->dir));
}

static void ext_put_len(const ext *e, const char *name, const char *text,
                        size_t len)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", e->dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void ext_put(const ext *e, const char *name, const char *text)
{
    ext_put_len(e, name, text, strlen(text));
}

/* Write NAME.gz with zlib. */
static void ext_put_gz(const ext *e, const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s.gz", e->dir, name);
    gzFile gz = gzopen(p, "wb");
    assert_non_null(gz);
    size_t len = strlen(text);
    if (len > 0)
        assert_int_equal(gzwrite(gz, text, (unsigned)len), (int)len);
    assert_int_equal(gzclose(gz), Z_OK);
}

/* Remove every file in the folder, then the folder. */
static void ext_rm(const ext *e)
{
    DIR *d = opendir(e->dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char p[512];
        snprintf(p, sizeof p, "%s/%s", e->dir, de->d_name);
        assert_int_equal(unlink(p), 0);
    }
    closedir(d);
    assert_int_equal(rmdir(e->dir), 0);
}

static ov_register_options opts(const ext *e)
{
    return (ov_register_options){
        .dir = e->dir, .kmax = 4, .num_kmax = 2, .threads = 1};
}

/* After an error the register is freed and zeroed. */
static void assert_freed(const ov_register *r)
{
    assert_null(r->arena);
    assert_null(r->id);
    assert_null(r->status);
    assert_null(r->cov);
    assert_null(r->num);
    assert_null(r->pop_data);
    assert_int_equal(r->n, 0);
}

/* After population.csv failed to load. */
static void assert_freed_after_population_load_error(ov_register *r)
{
    assert_freed(r);
}

static void expect_msg(const ov_err *err, const char *field,
                       const char *need1, const char *need2)
{
    assert_int_equal(err->code, OV_EINVAL);
    if (strcmp(err->field, field) != 0)
        fail_msg("field '%s', expected '%s' (message: %s)", err->field, field,
                 err->msg);
    if (need1 && !strstr(err->msg, need1))
        fail_msg("message lacks '%s': %s", need1, err->msg);
    if (need2 && !strstr(err->msg, need2))
        fail_msg("message lacks '%s': %s", need2, err->msg);
}

/* Read an extract of the two texts (NULL: no such file) with options
 * `o` (dir filled in); expect OV_EINVAL with `field` and a message holding
 * need1 and need2, and a freed register. */
static void expect_error_o(const char *pop, const char *mon,
                           ov_register_options o, const char *field,
                           const char *need1, const char *need2)
{
    ext e;
    ext_new(&e);
    if (pop)
        ext_put(&e, "population.csv", pop);
    if (mon)
        ext_put(&e, "months.csv", mon);
    o.dir = e.dir;
    ov_register r;
    ov_err err;
    ov_err_clear(&err);
    ov_status rc = ov_register_read(&o, &r, &err);
    ext_rm(&e);
    assert_int_equal(rc, OV_EINVAL);
    expect_msg(&err, field, need1, need2);
    if (!pop || !*pop)
        assert_freed_after_population_load_error(&r);
    else
        assert_freed(&r);
}

static void expect_error(const char *pop, const char *mon, const char *field,
                         const char *need1, const char *need2)
{
    ov_register_options o = {.kmax = 4, .num_kmax = 2, .threads = 1};
    expect_error_o(pop, mon, o, field, need1, need2);
}

/* ---- the small extract -------------------------------------------------- */

/* age is numeric; sex, region and grp are categorical ("10" < "9" and
 * "Syd" < "nord" by bytes). */
static const char POP[] =
    "id,treated,start,age,sex,region,grp\n"
    "a,1,2019-03,34,m,nord,10\n"
    "b,0,2019-01,51.5,f,Syd,9\n"
    "c,0,2018-12,-2,f,\"Hovedstaden\",x\n"
    "d,1,2019-03,1e2,m,nord,9\n";

/* kmax 4, num_kmax 2: a's rows in 2019-02 (k = -1) and 2019-08 (k = 5)
 * are checked but not kept; a's 2019-06 row (k = 3) keeps its status but
 * not its numbers; d has no rows. */
static const char MON[] =
    "id,month,status,hours,gp_visits\n"
    "a,2019-03,benefit,0,1\n"
    "a,2019-04,placement,10.5,0\n"
    "a,2019-06,ordinary,37,2\n"
    "a,2019-02,benefit,0,0\n"
    "a,2019-08,ordinary,37,0\n"
    "b,2019-01,subsidised,20,3\n"
    "b,2019-05,disability_pension,0,0\n"
    "c,2019-01,resource_course,1e1,0\n"
    "c,2018-12,education,0,0\n"
    "c,2019-02,other,2.25,1\n";

enum { M = OV_RS_MISSING };

static const unsigned char want_status[4][5] = {
    {OV_RS_BENEFIT, OV_RS_PLACEMENT, M, OV_RS_ORDINARY, M},
    {OV_RS_SUBSIDISED, M, M, M, OV_RS_DISABILITY},
    {OV_RS_EDUCATION, OV_RS_RESOURCE, OV_RS_OTHER, M, M},
    {M, M, M, M, M},
};

/* NAN marks "no row for that month" */
static const double want_hours[4][3] = {
    {0, 10.5, NAN}, {20, NAN, NAN}, {0, 10, 2.25}, {NAN, NAN, NAN}};
static const double want_gp[4][3] = {
    {1, 0, NAN}, {3, NAN, NAN}, {0, 0, 1}, {NAN, NAN, NAN}};

static void assert_same_double(double got, double want)
{
    if (isnan(want)) {
        if (!isnan(got))
            fail_msg("got %g, expected NaN", got);
    } else if (got != want) {
        fail_msg("got %.17g, expected %.17g", got, want);
    }
}

static void check_small_extract(const ov_register *r)
{
    assert_int_equal(r->n, 4);
    assert_int_equal(r->n_dropped, 0);
    const char *ids[] = {"a", "b", "c", "d"};
    const unsigned char tr[] = {1, 0, 0, 1};
    const int year[] = {2019, 2019, 2018, 2019}, mon[] = {3, 1, 12, 3};
    for (size_t i = 0; i < 4; i++) {
        assert_true(ov_str_eq_c(r->id[i], ids[i]));
        assert_int_equal(r->treated[i], tr[i]);
        assert_int_equal(r->start[i], year[i] * 12 + mon[i] - 1);
    }

    assert_int_equal(r->ncov, 4);
    const ov_reg_covariate *age = &r->cov[0], *sex = &r->cov[1],
                           *reg = &r->cov[2], *grp = &r->cov[3];
    assert_string_equal(age->name, "age");
    assert_false(age->categorical);
    assert_non_null(age->num);
    assert_null(age->level);
    const double ages[] = {34, 51.5, -2, 100};
    for (int i = 0; i < 4; i++)
        assert_true(age->num[i] == ages[i]);

    assert_string_equal(sex->name, "sex");
    assert_true(sex->categorical);
    assert_null(sex->num);
    assert_int_equal(sex->nlevels, 2);
    assert_string_equal(sex->levels[0], "f");
    assert_string_equal(sex->levels[1], "m");
    const int32_t sexes[] = {1, 0, 0, 1};
    for (int i = 0; i < 4; i++)
        assert_int_equal(sex->level[i], sexes[i]);

    assert_string_equal(reg->name, "region");
    assert_true(reg->categorical);
    assert_int_equal(reg->nlevels, 3);
    assert_string_equal(reg->levels[0], "Hovedstaden");
    assert_string_equal(reg->levels[1], "Syd");
    assert_string_equal(reg->levels[2], "nord");
    const int32_t regions[] = {2, 1, 0, 2};
    for (int i = 0; i < 4; i++)
        assert_int_equal(reg->level[i], regions[i]);

    assert_string_equal(grp->name, "grp");
    assert_true(grp->categorical);
    assert_int_equal(grp->nlevels, 3);
    assert_string_equal(grp->levels[0], "10");
    assert_string_equal(grp->levels[1], "9");
    assert_string_equal(grp->levels[2], "x");
    const int32_t grps[] = {0, 1, 2, 1};
    for (int i = 0; i < 4; i++)
        assert_int_equal(grp->level[i], grps[i]);

    assert_null(r->exact_group);

    assert_int_equal(r->kmax, 4);
    for (size_t i = 0; i < 4; i++)
        for (int k = 0; k <= 4; k++)
            if (ov_register_status(r, i, k) != want_status[i][k])
                fail_msg("person %zu month %d: status %u, expected %u", i, k,
                         ov_register_status(r, i, k), want_status[i][k]);
    assert_int_equal(ov_register_status(r, 0, -1), OV_RS_MISSING);
    assert_int_equal(ov_register_status(r, 0, 5), OV_RS_MISSING);

    assert_int_equal(r->nnum, 2);
    assert_string_equal(r->num_name[0], "hours");
    assert_string_equal(r->num_name[1], "gp_visits");
    assert_int_equal(r->num_kmax, 2);
    for (size_t i = 0; i < 4; i++)
        for (int k = 0; k <= 2; k++) {
            assert_same_double(r->num[0][i * 3 + (size_t)k],
                               want_hours[i][k]);
            assert_same_double(r->num[1][i * 3 + (size_t)k], want_gp[i][k]);
        }

    assert_int_equal(r->month_rows, 10);
    assert_int_equal(r->month_rows_kept, 8);
    assert_int_equal(r->persons_without_months, 1);
}

static void test_valid_extract_reads_persons_covariates_and_months(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    check_small_extract(&r);
    ov_register_free(&r);
    ext_rm(&e);
}

static void test_crlf_lines_and_a_byte_order_mark_read_the_same(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    char pop[sizeof POP * 2 + 3], mon[sizeof MON * 2 + 3];
    size_t lp = 0, lm = 0;
    memcpy(pop, "\xEF\xBB\xBF", 3);
    lp = 3;
    for (const char *p = POP; *p; p++) {
        if (*p == '\n')
            pop[lp++] = '\r';
        pop[lp++] = *p;
    }
    for (const char *p = MON; *p; p++) {
        if (*p == '\n')
            mon[lm++] = '\r';
        mon[lm++] = *p;
    }
    ext_put_len(&e, "population.csv", pop, lp);
    ext_put_len(&e, "months.csv", mon, lm);
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    check_small_extract(&r);
    ov_register_free(&r);
    ext_rm(&e);
}

static void test_covariates_option_picks_columns_in_its_order(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    const char *const cov[] = {"region", "age"};
    o.covariates = cov;
    o.ncovariates = 2;
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.ncov, 2);
    assert_string_equal(r.cov[0].name, "region");
    assert_true(r.cov[0].categorical);
    assert_int_equal(r.cov[0].nlevels, 3);
    assert_int_equal(r.cov[0].level[2], 0);
    assert_string_equal(r.cov[1].name, "age");
    assert_false(r.cov[1].categorical);
    assert_true(r.cov[1].num[1] == 51.5);
    ov_register_free(&r);
    ext_rm(&e);
}

/* Only the covariates in use are checked: an empty cell in a column left
 * out with --covariates is no error. */
static void test_empty_cell_in_unused_column_is_accepted(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv",
            "id,treated,start,age,note\n"
            "a,1,2019-01,30,\n"
            "b,0,2019-01,40,x\n");
    ext_put(&e, "months.csv", "id,month,status\n");
    ov_register_options o = opts(&e);
    const char *const cov[] = {"age"};
    o.covariates = cov;
    o.ncovariates = 1;
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.n, 2);
    assert_int_equal(r.ncov, 1);
    ov_register_free(&r);
    ext_rm(&e);
}

static void test_exact_column_gives_codes_of_sorted_values(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    o.exact = "grp"; /* "10" < "9" < "x" by bytes, though 10 and 9 look
                        like numbers */
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_non_null(r.exact_group);
    assert_int_equal(r.exact_nlevels, 3);
    assert_string_equal(r.exact_levels[0], "10");
    assert_string_equal(r.exact_levels[1], "9");
    assert_string_equal(r.exact_levels[2], "x");
    const int32_t want[] = {0, 1, 2, 1};
    for (int i = 0; i < 4; i++)
        assert_int_equal(r.exact_group[i], want[i]);
    assert_int_equal(r.ncov, 4); /* still a covariate as well */
    ov_register_free(&r);

    o.exact = "sex";
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.exact_nlevels, 2);
    assert_string_equal(r.exact_levels[0], "f");
    assert_int_equal(r.exact_group[0], 1);
    assert_int_equal(r.exact_group[1], 0);
    ov_register_free(&r);
    ext_rm(&e);
}

static void test_no_numeric_month_columns_keeps_none(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv",
            "status,month,id\n"
            "ordinary,2019-03,a\n");
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.nnum, 0);
    assert_int_equal(r.num_kmax, -1);
    assert_int_equal(ov_register_status(&r, 0, 0), OV_RS_ORDINARY);
    assert_int_equal(r.persons_without_months, 3);
    ov_register_free(&r);
    ext_rm(&e);
}

/* A header-only months.csv is a register without any months: every
 * person is counted as without months (their outcomes are undefined). */
static void test_months_header_only_leaves_every_person_without_months(
    void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv", "id,month,status,hours\n");
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.month_rows, 0);
    assert_int_equal(r.month_rows_kept, 0);
    assert_int_equal(r.persons_without_months, 4);
    assert_int_equal(ov_register_status(&r, 3, 0), OV_RS_MISSING);
    assert_true(isnan(r.num[0][0]));
    ov_register_free(&r);
    ext_rm(&e);
}

/* num_kmax is capped at kmax. */
static void test_numeric_window_never_exceeds_status_window(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    o.kmax = 1;
    o.num_kmax = 10;
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.kmax, 1);
    assert_int_equal(r.num_kmax, 1);
    assert_true(r.num[0][0 * 2 + 1] == 10.5);
    assert_true(r.num[0][2 * 2 + 1] == 10);
    assert_int_equal(r.month_rows_kept, 5);
    ov_register_free(&r);
    ext_rm(&e);
}

/* ---- gzip ------------------------------------------------------------------ */

static void test_gzip_extract_reads_the_same_as_plain(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put_gz(&e, "population.csv", POP);
    ext_put_gz(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    ov_err_clear(&err);
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    check_small_extract(&r);
    ov_register_free(&r);
    ext_rm(&e);

    /* one of each */
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put_gz(&e, "months.csv", MON);
    o = opts(&e);
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    check_small_extract(&r);
    ov_register_free(&r);
    /* streamed in chunks of 1 to 9 bytes, shorter than any line (each
     * chunk grows to hold a whole line) */
    for (size_t chunk = 1; chunk < 10; chunk++) {
        o.gz_chunk = chunk;
        assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
        check_small_extract(&r);
        ov_register_free(&r);
    }
    ext_rm(&e);
}

static void test_gzip_errors_name_the_file_and_line(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put_gz(&e, "population.csv", POP);
    ext_put_gz(&e, "months.csv",
               "id,month,status,hours,gp_visits\n"
               "a,2019-03,job,0,1\n");
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_EINVAL);
    expect_msg(&err, "months.csv.gz:2", "status 'job' is unknown", "ordinary");
    assert_freed(&r);
    ext_rm(&e);
}

static void test_plain_and_gzip_population_together_is_an_error(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put_gz(&e, "population.csv", POP);
    ext_put(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_EINVAL);
    expect_msg(&err, "--register", "population.csv.gz", "keep one");
    assert_freed_after_population_load_error(&r);
    ext_rm(&e);
}

static void test_plain_and_gzip_months_together_is_an_error(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv", MON);
    ext_put_gz(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_EINVAL);
    expect_msg(&err, "--register", "months.csv.gz", "keep one");
    assert_freed(&r);
    ext_rm(&e);
}

/* ---- errors: files ------------------------------------------------------- */

static void test_missing_files_name_the_extract_layout(void **s)
{
    (void)s;
    expect_error(NULL, MON, "--register", "no population.csv",
                 "docs/register-format.md");
    expect_error(POP, NULL, "--register", "no months.csv",
                 "docs/register-format.md");
}

static void test_empty_files_need_a_header_row(void **s)
{
    (void)s;
    expect_error("", MON, "population.csv", "population.csv is empty",
                 "header row");
    expect_error(POP, "", "months.csv", "months.csv is empty", "header row");
}

static void test_empty_gzip_population_needs_a_header_row(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put_gz(&e, "population.csv", "");
    ext_put(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_EINVAL);
    expect_msg(&err, "population.csv.gz", "is empty", "header row");
    assert_freed(&r);
    ext_rm(&e);
}

static void test_population_header_only_has_no_persons(void **s)
{
    (void)s;
    expect_error("id,treated,start,age\n", MON, "population.csv",
                 "has a header but no persons", NULL);
    expect_error("id,treated,start,age\n\n\n", MON, "population.csv",
                 "has a header but no persons", NULL);
}

/* ---- errors: population.csv ---------------------------------------------- */

static void test_population_missing_column_names_it_and_the_columns(void **s)
{
    (void)s;
    expect_error("id,start,age\na,2019-01,3\n", MON, "population.csv:1",
                 "required column 'treated' is missing",
                 "the columns are: id, start, age");
    expect_error("treated,start\n1,2019-01\n", MON, "population.csv:1",
                 "'id'", "needs id, treated and start");
    expect_error("id,treated\na,1\n", MON, "population.csv:1", "'start'",
                 NULL);
}

static void test_population_bad_header_names_line_one(void **s)
{
    (void)s;
    expect_error("id,treated,start,age,age\na,1,2019-01,3,4\n", MON,
                 "population.csv:1", "column 'age' appears twice", NULL);
    expect_error("id,treated,start,,x\na,1,2019-01,3,4\n", MON,
                 "population.csv:1", "column 4 has no name", NULL);
}

static void test_population_duplicate_id_names_both_lines(void **s)
{
    (void)s;
    expect_error("id,treated,start\n"
                 "a,1,2019-01\n"
                 "b,0,2019-01\n"
                 "a,0,2019-02\n",
                 MON, "population.csv:4", "id 'a' is already on line 2",
                 "unique id");
}

static void test_population_malformed_start_names_line_and_form(void **s)
{
    (void)s;
    const char *bad[] = {"2019-13", "2019-3", "19-03", "2019-00",
                         "1899-12", "2019/03", "", "march"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char pop[256], want[64];
        snprintf(pop, sizeof pop,
                 "id,treated,start\na,1,2019-01\nb,0,%s\nc,0,2019-01\n",
                 bad[i]);
        snprintf(want, sizeof want, "start '%s' is not a month", bad[i]);
        expect_error(pop, MON, "population.csv:3", want, "YYYY-MM");
    }
}

static void test_population_treated_must_be_zero_or_one(void **s)
{
    (void)s;
    const char *bad[] = {"2", "yes", "", "01", " 1", "-1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char pop[256], want[64];
        snprintf(pop, sizeof pop,
                 "id,treated,start\na,1,2019-01\nb,%s,2019-01\n", bad[i]);
        snprintf(want, sizeof want, "treated is '%s'", bad[i]);
        expect_error(pop, MON, "population.csv:3", want,
                     "write 1 for a participant and 0");
    }
}

/* A NUL byte in a categorical cell is refused with its line: a level's
 * name is a C string, so "m\0x" would become a second level "m" and split
 * one value's cells between levels (found by the register fuzz target). */
static void test_a_nul_byte_in_a_categorical_cell_names_its_line(void **s)
{
    (void)s;
    static const char pop[] = "id,treated,start,sex\n"
                              "a,1,2019-03,m\n"
                              "b,0,2019-01,m\0x\n"
                              "c,0,2019-01,f\n";
    ext e;
    ext_new(&e);
    ext_put_len(&e, "population.csv", pop, sizeof pop - 1);
    ext_put(&e, "months.csv", "id,month,status\na,2019-03,benefit\n");
    ov_register_options o = {.kmax = 4, .num_kmax = 2, .threads = 1};
    o.dir = e.dir;
    ov_register r;
    ov_err err;
    ov_err_clear(&err);
    ov_status rc = ov_register_read(&o, &r, &err);
    ext_rm(&e);
    assert_int_equal(rc, OV_EINVAL);
    expect_msg(&err, "population.csv:3", "column 'sex' holds a NUL byte",
               "must be text");
    assert_freed(&r);
}

static void test_population_bad_id_names_line(void **s)
{
    (void)s;
    expect_error("id,treated,start\na,1,2019-01\n,0,2019-01\n", MON,
                 "population.csv:3", "id '' is empty", "printable id");
    char pop[256];
    snprintf(pop, sizeof pop, "id,treated,start\na,1,2019-01\n%065d,0,2019-01\n",
             7);
    expect_error(pop, MON, "population.csv:3", "longer than 64 bytes", NULL);
}

static void test_population_wrong_field_count_names_line(void **s)
{
    (void)s;
    expect_error("id,treated,start,age\n"
                 "a,1,2019-01,3\n"
                 "b,0,2019-01\n",
                 MON, "population.csv:3", "3 fields, but the header has 4",
                 "one value per column");
    expect_error("id,treated,start,age\n"
                 "a,1,2019-01,3,\n",
                 MON, "population.csv:2", "5 fields, but the header has 4",
                 NULL);
}

static void test_population_csv_syntax_error_names_line(void **s)
{
    (void)s;
    expect_error("id,treated,start\n"
                 "a,1,2019-01\n"
                 "b,0,\"2019-01\n",
                 MON, "population.csv:3", "unterminated quoted field", NULL);
}

static void test_population_empty_covariate_cell_suggests_drop_missing(
    void **s)
{
    (void)s;
    expect_error("id,treated,start,age,sex\n"
                 "a,1,2019-01,30,m\n"
                 "b,0,2019-01,,f\n",
                 MON, "population.csv:3", "column 'age' is empty",
                 "--drop-missing");
    ov_register_options o = {.kmax = 4, .num_kmax = 2, .threads = 1,
                             .exact = "sex"};
    expect_error_o("id,treated,start,age,sex\n"
                   "a,1,2019-01,30,m\n"
                   "b,0,2019-01,31,\n",
                   MON, o, "population.csv:3", "column 'sex' is empty",
                   "--drop-missing");
}

/* With --drop-missing the person is left out and counted; their rows in
 * months.csv are checked but not stored. */
static void test_drop_missing_drops_the_person_and_skips_their_months(
    void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv",
            "id,treated,start,age\n"
            "a,1,2019-01,30\n"
            "b,0,2019-01,\n"
            "c,0,2019-01,50\n"
            "d,1,2019-01,60\n");
    ext_put(&e, "months.csv",
            "id,month,status,hours\n"
            "a,2019-01,benefit,1\n"
            "b,2019-01,ordinary,2\n"
            "b,2019-02,ordinary,3\n"
            "c,2019-02,education,4\n");
    ov_register_options o = opts(&e);
    o.drop_missing = true;
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.n, 3);
    assert_int_equal(r.n_dropped, 1);
    assert_true(ov_str_eq_c(r.id[0], "a"));
    assert_true(ov_str_eq_c(r.id[1], "c"));
    assert_true(ov_str_eq_c(r.id[2], "d"));
    assert_true(r.cov[0].num[1] == 50);
    assert_int_equal(ov_register_status(&r, 0, 0), OV_RS_BENEFIT);
    assert_int_equal(ov_register_status(&r, 1, 0), OV_RS_MISSING);
    assert_int_equal(ov_register_status(&r, 1, 1), OV_RS_EDUCATION);
    assert_true(r.num[0][1 * 3 + 1] == 4);
    assert_int_equal(r.month_rows, 4);
    assert_int_equal(r.month_rows_kept, 2);
    assert_int_equal(r.persons_without_months, 1); /* d, not b */
    ov_register_free(&r);

    /* their rows are still checked */
    ext_put(&e, "months.csv",
            "id,month,status,hours\n"
            "a,2019-01,benefit,1\n"
            "b,2019-01,job,2\n");
    assert_int_equal(ov_register_read(&o, &r, &err), OV_EINVAL);
    expect_msg(&err, "months.csv:3", "status 'job' is unknown", NULL);
    assert_freed(&r);
    ext_rm(&e);
}

static void test_no_treated_or_no_controls_names_the_file(void **s)
{
    (void)s;
    expect_error("id,treated,start\na,0,2019-01\nb,0,2019-01\n", MON,
                 "population.csv", "no treated persons",
                 "both participants (treated = 1) and comparison persons");
    expect_error("id,treated,start\na,1,2019-01\nb,1,2019-01\n", MON,
                 "population.csv", "no controls", "treated = 0");
    /* and counted after --drop-missing */
    ov_register_options o = {.kmax = 4, .threads = 1, .drop_missing = true};
    expect_error_o("id,treated,start,age\na,1,2019-01,\nb,0,2019-01,3\n",
                   MON, o, "population.csv", "no treated persons",
                   "kept after --drop-missing");
}

static void test_unknown_covariate_or_exact_column_names_the_flag(void **s)
{
    (void)s;
    ov_register_options o = {.kmax = 4, .threads = 1};
    const char *const cov[] = {"age", "income"};
    o.covariates = cov;
    o.ncovariates = 2;
    expect_error_o(POP, MON, o, "--covariates", "no column 'income'",
                   "its columns are: id, treated, start, age, sex, region, "
                   "grp");
    const char *const cov2[] = {"treated"};
    o.covariates = cov2;
    o.ncovariates = 1;
    expect_error_o(POP, MON, o, "--covariates", "'treated' is not a covariate",
                   NULL);
    const char *const cov3[] = {"age", "age"};
    o.covariates = cov3;
    o.ncovariates = 2;
    expect_error_o(POP, MON, o, "--covariates", "'age' is named twice", NULL);

    o.covariates = NULL;
    o.ncovariates = 0;
    o.exact = "kommune";
    expect_error_o(POP, MON, o, "--exact", "no covariate column 'kommune'",
                   "its columns are: id, treated");
    o.exact = "start";
    expect_error_o(POP, MON, o, "--exact", "'start'", NULL);
}

static void test_too_many_levels_names_the_column(void **s)
{
    (void)s;
    size_t cap = 64 * 1024;
    char *pop = malloc(cap);
    assert_non_null(pop);
    size_t l = (size_t)snprintf(pop, cap, "id,treated,start,kommune\n");
    for (int i = 0; i <= OV_REG_MAX_LEVELS; i++)
        l += (size_t)snprintf(pop + l, cap - l, "p%d,%d,2019-01,k%d\n", i,
                              i % 2, i);
    expect_error(pop, MON, "population.csv:1002", "column 'kommune'",
                 "more than 1000 different values");
    free(pop);
}

/* ---- errors: months.csv ---------------------------------------------------- */

static void test_months_missing_column_names_it_and_the_columns(void **s)
{
    (void)s;
    expect_error(POP, "id,month,hours\na,2019-03,1\n", "months.csv:1",
                 "required column 'status' is missing",
                 "the columns are: id, month, hours");
    expect_error(POP, "id,status\na,ordinary\n", "months.csv:1", "'month'",
                 "needs id, month and status");
    expect_error(POP, "month,status\n2019-01,ordinary\n", "months.csv:1",
                 "'id'", NULL);
    expect_error(POP, "id,month,status,x,x\n", "months.csv:1",
                 "column 'x' appears twice", NULL);
}

static void test_months_unknown_status_names_file_and_line(void **s)
{
    (void)s;
    expect_error(POP,
                 "id,month,status\n"
                 "a,2019-03,benefit\n"
                 "a,2019-04,placement\n"
                 "a,2019-05,job\n",
                 "months.csv:4", "status 'job' is unknown",
                 "use ordinary, subsidised, placement, benefit, "
                 "disability_pension, resource_course, education or other");
    /* codes are case-sensitive and exact */
    expect_error(POP, "id,month,status\na,2019-03,Ordinary\n", "months.csv:2",
                 "status 'Ordinary'", NULL);
    expect_error(POP, "id,month,status\na,2019-03,\n", "months.csv:2",
                 "status ''", NULL);
}

static void test_months_malformed_month_names_line_and_form(void **s)
{
    (void)s;
    const char *bad[] = {"2019-13", "2019-3", "19-03", "2019-00",
                         "2200-01", "2019-03-01", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char mon[256], want[64];
        snprintf(mon, sizeof mon,
                 "id,month,status\na,2019-03,benefit\n\nb,%s,benefit\n",
                 bad[i]);
        snprintf(want, sizeof want, "month '%s' is not a month", bad[i]);
        /* the blank line 3 counts */
        expect_error(POP, mon, "months.csv:4", want, "YYYY-MM, e.g. 2019-03");
    }
}

static void test_months_unknown_person_names_the_id(void **s)
{
    (void)s;
    expect_error(POP,
                 "id,month,status\n"
                 "a,2019-03,benefit\n"
                 "zz,2019-03,benefit\n",
                 "months.csv:3", "id 'zz' is not in population.csv",
                 "needs a row there");
}

static void test_months_non_numeric_value_names_the_column(void **s)
{
    (void)s;
    const char *bad[] = {"12h", "1,5", "", "NA", "1.", ".5", "inf"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char mon[256], want[64];
        bool comma = strchr(bad[i], ',') != NULL;
        snprintf(mon, sizeof mon,
                 "id,month,status,hours,gp_visits\n"
                 "a,2019-03,benefit,1,0\n"
                 "a,2019-04,benefit,2,%s%s%s\n",
                 comma ? "\"" : "", bad[i], comma ? "\"" : "");
        snprintf(want, sizeof want, "column 'gp_visits' has '%s'", bad[i]);
        expect_error(POP, mon, "months.csv:3", want,
                     "'.' as the decimal point");
    }
}

static void test_months_wrong_field_count_names_line(void **s)
{
    (void)s;
    expect_error(POP,
                 "id,month,status,hours\n"
                 "a,2019-03,benefit,1\n"
                 "a,2019-04,benefit\n",
                 "months.csv:3", "3 fields, but the header has 4",
                 "one value per column");
    expect_error(POP,
                 "id,month,status\n"
                 "a,2019-03,benefit,1\n",
                 "months.csv:2", "4 fields, but the header has 3", NULL);
}

static void test_months_same_person_and_month_twice_is_an_error(void **s)
{
    (void)s;
    expect_error(POP,
                 "id,month,status\n"
                 "a,2019-03,benefit\n"
                 "b,2019-03,benefit\n"
                 "a,2019-04,benefit\n"
                 "a,2019-03,ordinary\n",
                 "months.csv:5", "person 'a' has month 2019-03 twice",
                 "one row per person and month");
}

/* Duplicates are detected inside the window only (documented). */
static void test_months_duplicate_outside_the_window_is_not_stored(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv",
            "id,month,status\n"
            "a,2018-01,benefit\n"
            "a,2018-01,ordinary\n"
            "a,2019-03,benefit\n");
    ov_register_options o = opts(&e);
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.month_rows, 3);
    assert_int_equal(r.month_rows_kept, 1);
    ov_register_free(&r);
    ext_rm(&e);
}

static void test_months_csv_syntax_error_names_absolute_line(void **s)
{
    (void)s;
    expect_error(POP,
                 "id,month,status\n"
                 "a,2019-03,benefit\n"
                 "\n"
                 "a,2019-04,\"bene\"fit\n",
                 "months.csv:4", "text after the closing quote", NULL);
}

/* ---- several threads ------------------------------------------------------ */

enum { BIG_PERSONS = 10000, BIG_MONTHS = 12, BIG_LINE = 30 };

typedef struct big {
    char *pop;
    char *mon;
    size_t mon_len;
    size_t hdr_len;
} big;

/* 10,000 persons x 12 months, every data line 30 bytes:
 * "p00042,2019-05,placement,37.5\n" (3.6 MB: two and three threads each
 * get more than the 1 MiB minimum). Data line L (1-based, the header is
 * line 1) starts at hdr_len + (L - 2) * 30. */
static void big_make(big *b)
{
    size_t pcap = (size_t)BIG_PERSONS * 32 + 64;
    b->pop = malloc(pcap);
    assert_non_null(b->pop);
    size_t l = (size_t)snprintf(b->pop, pcap, "id,treated,start\n");
    for (int i = 0; i < BIG_PERSONS; i++)
        l += (size_t)snprintf(b->pop + l, pcap - l, "p%05d,%d,2019-01\n", i,
                              i % 3 == 0);
    static const char hdr[] = "id,month,status,hours\n";
    b->hdr_len = sizeof hdr - 1;
    size_t mcap = b->hdr_len + (size_t)BIG_PERSONS * BIG_MONTHS * BIG_LINE + 1;
    b->mon = malloc(mcap);
    assert_non_null(b->mon);
    memcpy(b->mon, hdr, b->hdr_len);
    size_t m = b->hdr_len;
    for (int i = 0; i < BIG_PERSONS; i++)
        for (int k = 0; k < BIG_MONTHS; k++) {
            int w = snprintf(b->mon + m, mcap - m, "p%05d,2019-%02d,%s,%02d.5\n",
                             i, k + 1,
                             (i + k) % 3 ? "placement" : "education",
                             (i * 7 + k) % 100);
            assert_int_equal(w, BIG_LINE);
            m += (size_t)w;
        }
    b->mon_len = m;
}

static void big_free(big *b)
{
    free(b->pop);
    free(b->mon);
}

static char *big_line(big *b, long line)
{
    return b->mon + b->hdr_len + (size_t)(line - 2) * BIG_LINE;
}

/* The last line of the first of two chunks (register.c's split rule:
 * the line holding the middle byte of the data ends the first chunk). */
static long big_split_line(const big *b)
{
    size_t total = b->mon_len - b->hdr_len;
    return (long)((total / 2) / BIG_LINE) + 2;
}

static ov_status big_read(const big *b, int threads, ov_register *r,
                          ov_err *err)
{
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", b->pop);
    ext_put_len(&e, "months.csv", b->mon, b->mon_len);
    ov_register_options o = {.dir = e.dir, .kmax = 11, .num_kmax = 11,
                             .threads = threads};
    ov_err_clear(err);
    ov_status rc = ov_register_read(&o, r, err);
    ext_rm(&e);
    return rc;
}

static void test_threads_give_identical_registers(void **s)
{
    (void)s;
    big b;
    big_make(&b);
    ov_register r1, r2, r3;
    ov_err err;
    assert_int_equal(big_read(&b, 1, &r1, &err), OV_OK);
    assert_int_equal(big_read(&b, 2, &r2, &err), OV_OK);
    assert_int_equal(big_read(&b, 3, &r3, &err), OV_OK);
    size_t cells = (size_t)BIG_PERSONS * BIG_MONTHS;
    assert_int_equal(r1.n, BIG_PERSONS);
    assert_int_equal(r1.month_rows, cells);
    assert_int_equal(r1.month_rows_kept, cells);
    assert_int_equal(r1.persons_without_months, 0);
    const ov_register *o[2] = {&r2, &r3};
    for (int t = 0; t < 2; t++) {
        assert_int_equal(o[t]->n, r1.n);
        assert_int_equal(o[t]->month_rows, r1.month_rows);
        assert_int_equal(o[t]->month_rows_kept, r1.month_rows_kept);
        assert_int_equal(o[t]->persons_without_months, 0);
        assert_memory_equal(o[t]->status, r1.status, cells);
        assert_memory_equal(o[t]->num[0], r1.num[0], cells * sizeof(double));
    }
    /* spot checks against the generator */
    assert_int_equal(ov_register_status(&r1, 0, 0), OV_RS_EDUCATION);
    assert_int_equal(ov_register_status(&r1, 0, 1), OV_RS_PLACEMENT);
    assert_true(r1.num[0][7 * 12 + 5] == (double)((7 * 7 + 5) % 100) + 0.5);
    assert_int_equal(ov_register_status(&r2, 9999, 11),
                     (9999 + 11) % 3 ? OV_RS_PLACEMENT : OV_RS_EDUCATION);
    ov_register_free(&r1);
    ov_register_free(&r2);
    ov_register_free(&r3);
    big_free(&b);
}

static void test_first_error_by_line_wins_whatever_the_thread_count(void **s)
{
    (void)s;
    big b;
    big_make(&b);
    long early = 12, late = big_split_line(&b) + 5000;
    memcpy(big_line(&b, early) + 15, "placemen!", 9); /* unknown status */
    memcpy(big_line(&b, late) + 7, "2019-13", 7);     /* bad month */
    char want[32];
    snprintf(want, sizeof want, "months.csv:%ld", early);
    for (int t = 1; t <= 3; t++) {
        ov_register r;
        ov_err err;
        assert_int_equal(big_read(&b, t, &r, &err), OV_EINVAL);
        expect_msg(&err, want, "status 'placemen!' is unknown", NULL);
        assert_freed(&r);
    }
    big_free(&b);
}

/* An error in a later chunk is reported on its line in the whole file. */
static void test_late_error_names_its_absolute_line_with_threads(void **s)
{
    (void)s;
    big b;
    big_make(&b);
    long late = big_split_line(&b) + 5000;
    memcpy(big_line(&b, late) + 7, "2019-13", 7);
    char want[32];
    snprintf(want, sizeof want, "months.csv:%ld", late);
    char msg[64];
    snprintf(msg, sizeof msg, "months.csv line %ld: month '2019-13'", late);
    for (int t = 1; t <= 3; t++) {
        ov_register r;
        ov_err err;
        assert_int_equal(big_read(&b, t, &r, &err), OV_EINVAL);
        expect_msg(&err, want, msg, NULL);
        assert_freed(&r);
    }
    big_free(&b);
}

/* The same person and month on the last line of the first chunk and the
 * first line of the second is found whatever the thread count. */
static void test_duplicate_month_across_chunks_is_found(void **s)
{
    (void)s;
    big b;
    big_make(&b);
    long l1 = big_split_line(&b), l2 = l1 + 1;
    memcpy(big_line(&b, l2), big_line(&b, l1), BIG_LINE);
    char at1[32], at2[32], what[64];
    snprintf(at1, sizeof at1, "months.csv:%ld", l1);
    snprintf(at2, sizeof at2, "months.csv:%ld", l2);
    snprintf(what, sizeof what, "person '%.6s' has month %.7s twice",
             big_line(&b, l1), big_line(&b, l1) + 7);
    for (int t = 1; t <= 3; t++) {
        ov_register r;
        ov_err err;
        assert_int_equal(big_read(&b, t, &r, &err), OV_EINVAL);
        if (strcmp(err.field, at1) != 0 && strcmp(err.field, at2) != 0)
            fail_msg("threads %d: %s (expected line %ld or %ld)", t, err.msg,
                     l1, l2);
        expect_msg(&err, err.field, what, NULL);
        if (t == 1)
            assert_string_equal(err.field, at2);
        assert_freed(&r);
    }
    big_free(&b);
}

/* ... and, as with one thread, on the later line: the thread that stores
 * the month first must not decide which line is reported. */
static void test_duplicate_month_across_chunks_names_the_later_line(void **s)
{
    (void)s;
    big b;
    big_make(&b);
    long l1 = big_split_line(&b), l2 = l1 + 1;
    memcpy(big_line(&b, l2), big_line(&b, l1), BIG_LINE);
    char want[32];
    snprintf(want, sizeof want, "months.csv:%ld", l2);
    for (int t = 1; t <= 3; t++) {
        ov_register r;
        ov_err err;
        assert_int_equal(big_read(&b, t, &r, &err), OV_EINVAL);
        if (strcmp(err.field, want) != 0)
            fail_msg("threads %d: %s (expected line %ld)", t, err.msg, l2);
        assert_freed(&r);
    }
    big_free(&b);
}

/* ---- months.csv.gz streamed in chunks --------------------------------------- */

/* The big extract with months.csv.gz inflated `chunk` bytes at a time. */
static ov_status big_read_gz(const big *b, int threads, size_t chunk,
                             ov_register *r, ov_err *err)
{
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", b->pop);
    char *mon = malloc(b->mon_len + 1);
    assert_non_null(mon);
    memcpy(mon, b->mon, b->mon_len);
    mon[b->mon_len] = '\0';
    ext_put_gz(&e, "months.csv", mon);
    free(mon);
    ov_register_options o = {.dir = e.dir, .kmax = 11, .num_kmax = 11,
                             .threads = threads, .gz_chunk = chunk};
    ov_err_clear(err);
    ov_status rc = ov_register_read(&o, r, err);
    ext_rm(&e);
    return rc;
}

/* Chunks that cut lines anywhere, and larger than a thread's range: the
 * same register as the plain file, whatever the thread count. */
static void test_streamed_gzip_in_any_chunk_size_reads_the_same_as_plain(
    void **s)
{
    (void)s;
    big b;
    big_make(&b);
    ov_register plain;
    ov_err err;
    assert_int_equal(big_read(&b, 1, &plain, &err), OV_OK);
    size_t cells = (size_t)BIG_PERSONS * BIG_MONTHS;
    const size_t chunks[] = {40009, (size_t)3 << 20};
    for (int c = 0; c < 2; c++)
        for (int t = 1; t <= 3; t += 2) {
            ov_register r;
            assert_int_equal(big_read_gz(&b, t, chunks[c], &r, &err), OV_OK);
            assert_int_equal(r.n, plain.n);
            assert_int_equal(r.month_rows, plain.month_rows);
            assert_int_equal(r.month_rows_kept, plain.month_rows_kept);
            assert_int_equal(r.persons_without_months, 0);
            assert_memory_equal(r.status, plain.status, cells);
            assert_memory_equal(r.num[0], plain.num[0],
                                cells * sizeof(double));
            ov_register_free(&r);
        }
    ov_register_free(&plain);
    big_free(&b);
}

/* Errors in a later chunk name their line in the whole file; a month
 * repeated across a chunk boundary names the later line. */
static void test_streamed_gzip_errors_name_the_absolute_line(void **s)
{
    (void)s;
    big b;
    big_make(&b);
    long late = big_split_line(&b) + 5000;
    memcpy(big_line(&b, late) + 7, "2019-13", 7);
    char want[40];
    snprintf(want, sizeof want, "months.csv.gz:%ld", late);
    for (int t = 1; t <= 3; t += 2) {
        ov_register r;
        ov_err err;
        assert_int_equal(big_read_gz(&b, t, 4099, &r, &err), OV_EINVAL);
        expect_msg(&err, want, "month '2019-13' is not a month", NULL);
        assert_freed(&r);
    }
    big_free(&b);
    /* the first 4099-byte chunk ends after line 136 (a 21-byte header and
     * 135 lines of 30 bytes): repeat line 130, 133, 136 (across the cut)
     * and 139 on its next line */
    for (long l1 = 130; l1 < 140; l1 += 3) {
        big_make(&b);
        long l2 = l1 + 1;
        memcpy(big_line(&b, l2), big_line(&b, l1), BIG_LINE);
        snprintf(want, sizeof want, "months.csv.gz:%ld", l2);
        for (int t = 1; t <= 3; t += 2) {
            ov_register r;
            ov_err err;
            assert_int_equal(big_read_gz(&b, t, 4099, &r, &err), OV_EINVAL);
            expect_msg(&err, want, "twice", NULL);
            assert_freed(&r);
        }
        big_free(&b);
    }
    /* one chunk split between two threads at the line big_split_line:
     * parsed again from the start in one thread, the later line */
    big_make(&b);
    long l1 = big_split_line(&b), l2 = l1 + 1;
    memcpy(big_line(&b, l2), big_line(&b, l1), BIG_LINE);
    snprintf(want, sizeof want, "months.csv.gz:%ld", l2);
    ov_register r;
    ov_err err;
    assert_int_equal(big_read_gz(&b, 2, (size_t)8 << 20, &r, &err),
                     OV_EINVAL);
    expect_msg(&err, want, "twice", NULL);
    assert_freed(&r);
    big_free(&b);
}

static double progress_last_done, progress_last_total;
static int progress_calls;

static void progress(void *ctx, const char *stage, double done, double total)
{
    (void)ctx;
    assert_string_equal(stage, "months.csv");
    assert_true(done <= total);
    progress_last_done = done;
    progress_last_total = total;
    progress_calls++;
}

static void test_progress_ends_at_the_total(void **s)
{
    (void)s;
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", POP);
    ext_put(&e, "months.csv", MON);
    ov_register_options o = opts(&e);
    o.progress = progress;
    progress_calls = 0;
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_true(progress_calls >= 1);
    assert_true(progress_last_total > 0);
    assert_true(progress_last_done == progress_last_total);
    ov_register_free(&r);
    ext_rm(&e);
}

/* ---- months and numbers ----------------------------------------------------- */

static void test_progress_of_a_streamed_gzip_ends_at_its_size(void **s)
{
    (void)s;
    big b;
    big_make(&b);
    ext e;
    ext_new(&e);
    ext_put(&e, "population.csv", b.pop);
    b.mon[b.mon_len - 1] = '\0'; /* the last line without its newline */
    ext_put_gz(&e, "months.csv", b.mon);
    ov_register_options o = {.dir = e.dir, .kmax = 11, .num_kmax = 11,
                             .threads = 2, .gz_chunk = 100000,
                             .progress = progress};
    progress_calls = 0;
    ov_register r;
    ov_err err;
    assert_int_equal(ov_register_read(&o, &r, &err), OV_OK);
    assert_int_equal(r.month_rows, (size_t)BIG_PERSONS * BIG_MONTHS);
    assert_true(progress_calls > 3);
    assert_true(progress_last_done == progress_last_total);
    ov_register_free(&r);
    ext_rm(&e);
    big_free(&b);
}

static void test_month_format_and_parse_round_trip(void **s)
{
    (void)s;
    for (ov_month m = 1900 * 12; m <= 2199 * 12 + 11; m++) {
        char t[8];
        ov_month_format(m, t);
        ov_month back = -1;
        if (!ov_month_parse(ov_str_c(t), &back) || back != m)
            fail_msg("month %d formats as '%s' and does not parse back", m,
                     t);
    }
    char t[8];
    ov_month_format(2019 * 12 + 2, t);
    assert_string_equal(t, "2019-03");
    ov_month m;
    assert_true(ov_month_parse(ov_str_c("2019-03"), &m));
    assert_int_equal(m, 2019 * 12 + 2);
    assert_true(ov_month_parse(ov_str_c("1900-01"), &m));
    assert_int_equal(m, 1900 * 12);
    assert_true(ov_month_parse(ov_str_c("2199-12"), &m));
    assert_int_equal(m, 2199 * 12 + 11);
}

static void test_month_parse_rejects_other_forms(void **s)
{
    (void)s;
    const char *bad[] = {"2019-13", "2019-00", "2019-3",  "19-03",
                         "1899-12", "2200-01", "2019/03", "2019-03 ",
                         " 2019-03", "2019-0a", "201a-03", "",
                         "2019-03-01", "2019_03", "+019-03", "2019--3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ov_month m = 77;
        if (ov_month_parse(ov_str_c(bad[i]), &m))
            fail_msg("'%s' parsed as a month", bad[i]);
        assert_int_equal(m, 77);
    }
    /* a length-carrying view: only its bytes count */
    ov_month m;
    assert_false(ov_month_parse((ov_str){"2019-031", 6}, &m));
    assert_true(ov_month_parse((ov_str){"2019-031", 7}, &m));
    assert_int_equal(m, 2019 * 12 + 2);
}

static void test_number_parse_accepts_strict_decimals(void **s)
{
    (void)s;
    struct {
        const char *t;
        double v;
    } ok[] = {
        {"12", 12},         {"-3.5", -3.5},       {"1e3", 1000},
        {"0.1", 0.1},       {"0.3", 0.3},         {"0", 0},
        {"007", 7},         {"1E-2", 0.01},       {"2.5e+2", 250},
        {"-0.25", -0.25},   {"123456789", 123456789},
        {"1234567890123", 1234567890123.0},
        {"3.141592653589793", 3.141592653589793},
        {"0.1000000000000000055511151231257827", 0.1},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        double v = -99;
        if (!ov_reg_parse_number(ov_str_c(ok[i].t), &v))
            fail_msg("'%s' rejected", ok[i].t);
        if (v != ok[i].v)
            fail_msg("'%s' gave %.17g, expected %.17g", ok[i].t, v, ok[i].v);
    }
    double v;
    assert_true(ov_reg_parse_number(ov_str_c("-0"), &v));
    assert_true(v == 0 && signbit(v));
}

/* Every string of the grammar gives exactly strtod's double. */
static void test_number_parse_agrees_with_strtod(void **s)
{
    (void)s;
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int it = 0; it < 200000; it++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char t[64];
        size_t l = 0;
        uint64_t y = x;
        if (y & 1)
            t[l++] = '-';
        y >>= 1;
        int ndig = 1 + (int)(y % 20);
        y /= 20;
        int point = (int)(y % (unsigned)(ndig + 1));
        y /= (unsigned)(ndig + 1);
        uint64_t z = x * 0x2545F4914F6CDD1Dull;
        for (int d = 0; d < ndig; d++) {
            if (d == point && d > 0)
                t[l++] = '.';
            t[l++] = (char)('0' + z % 10);
            z /= 10;
            if (z == 0)
                z = x ^ (uint64_t)d * 0x9E3779B97F4A7C15ull;
        }
        if (y % 4 == 0)
            l += (size_t)snprintf(t + l, sizeof t - l, "e%d",
                                  (int)(y / 4 % 61) - 30);
        t[l] = '\0';
        double got = -99;
        if (!ov_reg_parse_number((ov_str){t, l}, &got))
            fail_msg("'%s' rejected", t);
        double want = strtod(t, NULL);
        if (memcmp(&got, &want, sizeof got) != 0)
            fail_msg("'%s' gave %.17g, strtod %.17g", t, got, want);
    }
}

static void test_number_parse_rejects_other_forms(void **s)
{
    (void)s;
    const char *bad[] = {"",     "1.",   ".5",   "1e",   "abc",  "1,5",
                         " 1",   "1 ",   "inf",  "nan",  "0x10", "+1",
                         "-",    "--1",  "1e+",  "1e400", "-inf", "1.2.3",
                         "1e3.5", "12a", "NaN",  "1_000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = 42;
        if (ov_reg_parse_number(ov_str_c(bad[i]), &v))
            fail_msg("'%s' accepted as %g", bad[i], v);
        assert_true(v == 42);
    }
    /* only the view's bytes count */
    double v;
    assert_false(ov_reg_parse_number((ov_str){"12", 0}, &v));
    assert_true(ov_reg_parse_number((ov_str){"12x", 2}, &v));
    assert_true(v == 12);
}

static void test_status_codes_parse_and_print(void **s)
{
    (void)s;
    for (int k = 0; k < OV_RS_COUNT; k++)
        assert_int_equal(
            ov_regstatus_parse(ov_str_c(ov_regstatus_code((ov_regstatus)k))),
            k);
    assert_string_equal(ov_regstatus_code(OV_RS_DISABILITY),
                        "disability_pension");
    assert_int_equal(ov_regstatus_parse(ov_str_c("ordinar")), -1);
    assert_int_equal(ov_regstatus_parse(ov_str_c("ordinaryx")), -1);
    assert_int_equal(ov_regstatus_parse(ov_str_c("")), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_extract_reads_persons_covariates_and_months),
        cmocka_unit_test(test_crlf_lines_and_a_byte_order_mark_read_the_same),
        cmocka_unit_test(test_covariates_option_picks_columns_in_its_order),
        cmocka_unit_test(test_empty_cell_in_unused_column_is_accepted),
        cmocka_unit_test(test_exact_column_gives_codes_of_sorted_values),
        cmocka_unit_test(test_no_numeric_month_columns_keeps_none),
        cmocka_unit_test(
            test_months_header_only_leaves_every_person_without_months),
        cmocka_unit_test(test_numeric_window_never_exceeds_status_window),
        cmocka_unit_test(test_gzip_extract_reads_the_same_as_plain),
        cmocka_unit_test(test_gzip_errors_name_the_file_and_line),
        cmocka_unit_test(test_plain_and_gzip_population_together_is_an_error),
        cmocka_unit_test(test_plain_and_gzip_months_together_is_an_error),
        cmocka_unit_test(test_missing_files_name_the_extract_layout),
        cmocka_unit_test(test_empty_files_need_a_header_row),
        cmocka_unit_test(test_empty_gzip_population_needs_a_header_row),
        cmocka_unit_test(test_population_header_only_has_no_persons),
        cmocka_unit_test(
            test_population_missing_column_names_it_and_the_columns),
        cmocka_unit_test(test_population_bad_header_names_line_one),
        cmocka_unit_test(test_population_duplicate_id_names_both_lines),
        cmocka_unit_test(test_population_malformed_start_names_line_and_form),
        cmocka_unit_test(test_population_treated_must_be_zero_or_one),
        cmocka_unit_test(test_population_bad_id_names_line),
        cmocka_unit_test(test_a_nul_byte_in_a_categorical_cell_names_its_line),
        cmocka_unit_test(test_population_wrong_field_count_names_line),
        cmocka_unit_test(test_population_csv_syntax_error_names_line),
        cmocka_unit_test(
            test_population_empty_covariate_cell_suggests_drop_missing),
        cmocka_unit_test(
            test_drop_missing_drops_the_person_and_skips_their_months),
        cmocka_unit_test(test_no_treated_or_no_controls_names_the_file),
        cmocka_unit_test(
            test_unknown_covariate_or_exact_column_names_the_flag),
        cmocka_unit_test(test_too_many_levels_names_the_column),
        cmocka_unit_test(test_months_missing_column_names_it_and_the_columns),
        cmocka_unit_test(test_months_unknown_status_names_file_and_line),
        cmocka_unit_test(test_months_malformed_month_names_line_and_form),
        cmocka_unit_test(test_months_unknown_person_names_the_id),
        cmocka_unit_test(test_months_non_numeric_value_names_the_column),
        cmocka_unit_test(test_months_wrong_field_count_names_line),
        cmocka_unit_test(test_months_same_person_and_month_twice_is_an_error),
        cmocka_unit_test(
            test_months_duplicate_outside_the_window_is_not_stored),
        cmocka_unit_test(test_months_csv_syntax_error_names_absolute_line),
        cmocka_unit_test(test_threads_give_identical_registers),
        cmocka_unit_test(
            test_first_error_by_line_wins_whatever_the_thread_count),
        cmocka_unit_test(test_late_error_names_its_absolute_line_with_threads),
        cmocka_unit_test(test_duplicate_month_across_chunks_is_found),
        cmocka_unit_test(
            test_duplicate_month_across_chunks_names_the_later_line),
        cmocka_unit_test(test_progress_ends_at_the_total),
        cmocka_unit_test(
            test_streamed_gzip_in_any_chunk_size_reads_the_same_as_plain),
        cmocka_unit_test(test_streamed_gzip_errors_name_the_absolute_line),
        cmocka_unit_test(test_progress_of_a_streamed_gzip_ends_at_its_size),
        cmocka_unit_test(test_month_format_and_parse_round_trip),
        cmocka_unit_test(test_month_parse_rejects_other_forms),
        cmocka_unit_test(test_number_parse_accepts_strict_decimals),
        cmocka_unit_test(test_number_parse_agrees_with_strtod),
        cmocka_unit_test(test_number_parse_rejects_other_forms),
        cmocka_unit_test(test_status_codes_parse_and_print),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
