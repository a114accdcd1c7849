/*
 * cmd_audit.c - `overgang audit verify` and `overgang audit prune`.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/date.h"
#include "core/fmt.h"
#include "store/audit.h"
#include "store/store.h"

static const cli_opt_def verify_opts[] = {
    {"--anchors", true, OV_SET_COUNT,
     "check against this copy of the anchor file (default: <db>-anchors)"},
    {"--audit-key", true, OV_SET_COUNT,
     "the audit key file (default: <db>.audit-key)"},
    {"--no-anchors", false, OV_SET_COUNT,
     "check the chain alone (a backup): removed newest rows go unnoticed"},
};

static int audit_verify(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "audit verify", verify_opts, 3, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .anchors_path = cli_opt(&c, "--anchors"),
                          .audit_key_path = cli_opt(&c, "--audit-key"),
                          .no_anchors = cli_opt(&c, "--no-anchors") != NULL,
                          .mode = OV_OPEN_READONLY};
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK)
        return cli_fail(&err);
    ov_audit_report rep;
    ov_status st = ov_audit_verify(s, &rep, &err);
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    char head[2 * OV_HASH_BYTES + 1], n[OV_FMT_BUF];
    ov_hex_encode(rep.head, OV_HASH_BYTES, head);
    ov_fmt_int_dk(rep.rows, n);
    printf("audit chain intact: %s rows", n);
    if (rep.rows)
        printf(" (%lld-%lld)", (long long)rep.first_id,
               (long long)rep.last_id);
    if (rep.from_checkpoint)
        printf(", from a pruning checkpoint");
    if (rep.keyed_from)
        printf(", keyed from row %lld", (long long)rep.keyed_from);
    printf("\nhead: row %lld %s\n", (long long)rep.last_id, head);
    if (rep.anchors_skipped)
        printf("anchors: not checked (--no-anchors): rows removed from the "
               "end would go unnoticed\n");
    else if (rep.anchors)
        printf("anchors: %lld checked; the chain reaches the newest, row "
               "%lld at %s\n",
               (long long)rep.anchors, (long long)rep.anchor_id,
               rep.anchor_at);
    else
        printf("anchors: none (a log from before the audit key)\n");
    ov_fmt_int_dk(rep.journal_rows, n);
    printf("journal: %s read rows waiting to be folded, none missing\n", n);
    return 0;
}

static int audit_prune(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "audit prune", NULL, 0, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    int months = (int)ov_config_get_int(&c.cfg, OV_SET_AUDIT_RETENTION);
    if (months < OV_AUDIT_RETENTION_MIN_MONTHS) {
        ov_err_set(&err, OV_EINVAL, "audit_retention_months",
                   "audit prune: audit_retention_months is %d, but audit "
                   "rows are kept at least %d months; set %d or more",
                   months, OV_AUDIT_RETENTION_MIN_MONTHS,
                   OV_AUDIT_RETENTION_MIN_MONTHS);
        return cli_fail(&err);
    }
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .mode = OV_OPEN_MIGRATE};
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK)
        return cli_fail(&err);
    /* cutoff: midnight UTC of the day `months` before today */
    ov_date cut_day = ov_date_add_months(ov_time_utc_date(ov_time_now()),
                                         -months);
    ov_time cutoff = (ov_time)cut_day * 86400000;
    ov_tx *tx;
    int64_t pruned = 0;
    ov_status st =
        ov_tx_begin(s, cli_actor(&c, "audit retention (audit prune)"), &tx,
                    &err);
    if (st == OV_OK) {
        ov_audit_prune(tx, cutoff, &pruned, &err);
        st = ov_tx_commit(tx, &err);
    }
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    char day[OV_DATE_BUF];
    ov_date_format_iso(cut_day, day);
    printf("audit prune: %lld rows before %s removed (retention %d "
           "months); the chain stays verifiable from its checkpoint\n",
           (long long)pruned, day, months);
    return 0;
}

int cmd_audit(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "overgang: audit: give 'verify' or 'prune'; see "
                        "'overgang help audit'\n");
        return 2;
    }
    if (strcmp(argv[0], "verify") == 0)
        return audit_verify(argc - 1, argv + 1);
    if (strcmp(argv[0], "prune") == 0)
        return audit_prune(argc - 1, argv + 1);
    fprintf(stderr,
            "overgang: audit: unknown subcommand '%s'; use 'verify' or "
            "'prune'\n",
            argv[0]);
    return 2;
}
