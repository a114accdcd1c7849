/*
 * cmd_screening.c - `overgang screening import` (a candidate list from CSV,
 * screened criterion by criterion) and `overgang draw verify` (re-run a
 * stored draw from its seed and pool).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/fmt.h"
#include "store/screening.h"
#include "store/settings.h"

#define IMPORT_MAX_BYTES (64 * 1024 * 1024)

static const cli_opt_def import_opts[] = {
    {"--file", true, OV_SET_COUNT, "the CSV candidate list"},
    {"--municipality", true, OV_SET_COUNT, "kommunekode, e.g. 250"},
    {"--reference-date", true, OV_SET_COUNT, "screening date (default today)"},
};

static int screening_import(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "screening import", import_opts, 3, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    const char *file = cli_opt(&c, "--file");
    const char *muni_s = cli_opt(&c, "--municipality");
    int64_t muni = 0;
    if (!file || !muni_s) {
        ov_err_set(&err, OV_EINVAL, "--file",
                   "screening import: give --file FILE and --municipality "
                   "CODE");
        return cli_fail(&err);
    }
    if (ov_str_to_i64(ov_str_c(muni_s), &muni) != OV_OK) {
        ov_err_set(&err, OV_EINVAL, "--municipality",
                   "--municipality: give the kommunekode, e.g. 250");
        return cli_fail(&err);
    }
    ov_date ref = ov_today_cph();
    const char *ref_s = cli_opt(&c, "--reference-date");
    if (ref_s && ov_date_parse(ov_str_c(ref_s), "--reference-date", &ref,
                               &err) != OV_OK)
        return cli_fail(&err);
    ov_arena *a = ov_arena_new(0);
    ov_str csv;
    ov_buf buf;
    if (cli_read_file(file, IMPORT_MAX_BYTES, "64 MiB; split it", a, &buf,
                      &err) != OV_OK) {
        ov_arena_destroy(a);
        return cli_fail(&err);
    }
    csv = ov_buf_str(&buf);
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .key_path = ov_config_get(&c.cfg, OV_SET_KEY_FILE),
                          .mode = OV_OPEN_MIGRATE};
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK) {
        ov_arena_destroy(a);
        return cli_fail(&err);
    }
    /* the municipality's rules from a snapshot; parsing, screening and
     * sealing without a transaction; then one short write that inserts */
    ov_tx *tx;
    int64_t batch = 0;
    ov_import_report rep = {0};
    ov_settings set;
    ov_status st = ov_tx_begin_read(s, &tx, &err);
    if (st == OV_OK) {
        st = ov_settings_get(tx, (int)muni, &set, &err);
        ov_tx_rollback(tx);
    }
    ov_import_plan *plan = NULL;
    if (st == OV_OK)
        st = ov_screening_prepare(s, ref, &set.screening, csv, a, &plan, &rep,
                                  &err);
    if (st == OV_OK)
        st = ov_tx_begin(s, cli_actor(&c, "screening (import)"), &tx, &err);
    if (st == OV_OK) {
        ov_screening_write(tx, (int)muni, plan, file, &batch, &rep, &err);
        st = ov_tx_commit(tx, &err);
    }
    ov_store_close(s);
    int rc = 0;
    if (st != OV_OK) {
        for (int i = 0; i < rep.nerrors; i++)
            fprintf(stderr, "%s: %s\n", file, rep.errors[i].msg);
        if (rep.errors_total > rep.nerrors)
            fprintf(stderr, "%s: ... and %d more\n", file,
                    rep.errors_total - rep.nerrors);
        rc = cli_fail(&err);
    } else {
        char r[OV_FMT_BUF], t[OV_FMT_BUF], e[OV_FMT_BUF], d[OV_DATE_BUF];
        ov_fmt_int_dk(rep.rows, r);
        ov_fmt_int_dk(rep.in_target_group, t);
        ov_fmt_int_dk(rep.eligible, e);
        ov_date_format_dk(ref, d);
        printf("screening list %lld: %s candidates screened on %s; %s in "
               "the target group, %s eligible for the draw\n",
               (long long)batch, r, d, t, e);
    }
    ov_arena_destroy(a);
    return rc;
}

int cmd_screening(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "import") == 0)
        return screening_import(argc - 1, argv + 1);
    fprintf(stderr, "overgang: screening: give 'import'; see 'overgang help "
                    "screening'\n");
    return 2;
}

static const cli_opt_def verify_opts[] = {
    {"--draw", true, OV_SET_COUNT, "the draw's number"},
};

int cmd_draw(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "verify") != 0) {
        fprintf(stderr, "overgang: draw: give 'verify'; see 'overgang help "
                        "draw'\n");
        return 2;
    }
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "draw verify", verify_opts, 1, argc - 1, argv + 1,
                  &err) != OV_OK)
        return cli_fail(&err);
    const char *id_s = cli_opt(&c, "--draw");
    int64_t id;
    if (!id_s || ov_str_to_i64(ov_str_c(id_s), &id) != OV_OK) {
        ov_err_set(&err, OV_EINVAL, "--draw",
                   "draw verify: give --draw N (the draw's number)");
        return cli_fail(&err);
    }
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .mode = OV_OPEN_READONLY};
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK)
        return cli_fail(&err);
    ov_tx *tx;
    ov_status st = ov_tx_begin_read(s, &tx, &err);
    if (st == OV_OK) {
        st = ov_draw_verify(tx, id, &err);
        ov_tx_rollback(tx);
    }
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    printf("draw %lld reproduces from its seed and pool\n", (long long)id);
    return 0;
}
