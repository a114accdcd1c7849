/*
 * cmd_retention.c - `overgang retention run`: list the courses past their
 * municipality's retention and anonymise them, one transaction per course
 * (store/retention.h; docs/retention.md).
 *
 * Order: the schema is checked against the anonymisation table first (an
 * unclassified column stops the run before anything is written); then per
 * municipality the due courses are listed from one snapshot, and each is
 * anonymised in its own write transaction, which re-checks the rule, so a
 * course that changed meanwhile is refused, not harmed. A failure of one
 * course is reported and the others go on; the exit status is then 1.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/fmt.h"
#include "store/retention.h"
#include "store/store.h"

static const cli_opt_def opts[] = {
    {"--dry-run", false, OV_SET_COUNT,
     "list what would be anonymised; change nothing"},
    {"--municipality", true, OV_SET_COUNT,
     "only this kommunekode (default: every municipality)"},
    {"--today", true, OV_SET_COUNT,
     "the day to judge from, YYYY-MM-DD (default: today in Copenhagen)"},
};
#define NOPTS ((int)(sizeof opts / sizeof opts[0]))

/* The schema against the table: every unclassified column on stderr. */
static ov_status schema_ok(ov_store *s, ov_err *err)
{
    ov_tx *tx;
    if (ov_tx_begin_read(s, &tx, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(0);
    ov_str *miss, *stale;
    int nm = 0, ns = 0;
    ov_status st =
        ov_retention_schema_check(tx, a, &miss, &nm, &stale, &ns, err);
    ov_tx_rollback(tx);
    if (st == OV_OK && nm > 0) {
        for (int i = 0; i < nm; i++)
            fprintf(stderr, "overgang: retention: unclassified column %.*s\n",
                    (int)miss[i].len, miss[i].ptr);
        st = ov_err_msg(err, OV_EINTERNAL, NULL,
                        retention_schema_unclassified,
                        ov_arena_printf(a, "%.*s", (int)miss[0].len,
                                        miss[0].ptr),
                        nm);
    }
    ov_arena_destroy(a);
    return st;
}

/* One municipality: list from a snapshot, then one write per due course.
 * Adds failed courses to *failed. */
static ov_status run_muni(ov_store *s, int muni, ov_date today, bool dry,
                          const ov_actor *actor, int *failed, ov_err *err)
{
    ov_tx *tx;
    if (ov_tx_begin_read(s, &tx, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(0);
    ov_retention_plan p;
    ov_status st = ov_retention_list(tx, muni, today, a, &p, err);
    ov_tx_rollback(tx);
    if (st != OV_OK) {
        ov_arena_destroy(a);
        return st;
    }
    char cut[OV_DATE_BUF], day[OV_DATE_BUF];
    if (!p.years) {
        printf("municipality %d: no retention set; nothing is anonymised "
               "(%d ended courses kept, %d open)\n",
               muni, p.kept, p.open);
        ov_arena_destroy(a);
        return OV_OK;
    }
    ov_date_format_iso(p.cutoff, cut);
    printf("municipality %d: retention %d years: courses that ended before "
           "%s are due: %d due, %d anonymised before, %d kept, %d open "
           "(never touched)\n",
           muni, p.years, cut, p.due, p.done, p.kept, p.open);
    int anonymised = 0, skipped = 0;
    for (int i = 0; i < p.n; i++) {
        ov_retention_item *x = &p.items[i];
        ov_date_format_iso(x->ended_on, day);
        if (x->done) {
            printf("  course %lld ended %s: skipped, anonymised before\n",
                   (long long)x->course_id, day);
            skipped++;
            continue;
        }
        if (dry) {
            printf("  course %lld ended %s: due; the citizen's identity %s\n",
                   (long long)x->course_id, day,
                   x->identity_goes ? "goes with it"
                                    : "stays (another course is kept)");
            continue;
        }
        ov_retention_result res;
        ov_err e2;
        ov_err_clear(&e2);
        ov_status s2 = ov_tx_begin(s, actor, &tx, &e2);
        if (s2 == OV_OK) {
            s2 = ov_retention_anonymise(tx, x->course_id, today, &res, &e2);
            if (s2 == OV_OK)
                s2 = ov_tx_commit(tx, &e2);
            else
                ov_tx_rollback(tx);
        }
        if (s2 != OV_OK) {
            fprintf(stderr, "overgang: retention: course %lld: %s\n",
                    (long long)x->course_id, e2.msg);
            (*failed)++;
            continue;
        }
        if (res.skipped) {
            printf("  course %lld ended %s: skipped, anonymised before\n",
                   (long long)x->course_id, day);
            skipped++;
            continue;
        }
        anonymised++;
        printf("  course %lld ended %s: anonymised: %s; the citizen's "
               "identity %s\n",
               (long long)x->course_id, day, res.summary,
               res.identity_removed ? "removed"
                                    : "kept (another course is kept)");
    }
    if (dry)
        printf("municipality %d: dry run: %d courses would be anonymised; "
               "nothing was changed\n",
               muni, p.due);
    else
        printf("municipality %d: %d courses anonymised, %d skipped\n", muni,
               anonymised, skipped);
    ov_arena_destroy(a);
    return OV_OK;
}

static int retention_run(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "retention run", opts, NOPTS, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    bool dry = cli_opt(&c, "--dry-run") != NULL;
    const char *muni_s = cli_opt(&c, "--municipality");
    uint64_t muni = 0;
    if (muni_s && (!cli_parse_count(muni_s, 999, &muni) || muni == 0)) {
        ov_err_set(&err, OV_EINVAL, "--municipality",
                   "--municipality: give a kommunekode, e.g. 250; got '%s'",
                   muni_s);
        return cli_fail(&err);
    }
    ov_date today = ov_today_cph();
    const char *today_s = cli_opt(&c, "--today");
    if (today_s &&
        ov_date_parse(ov_str_c(today_s), "--today", &today, &err) != OV_OK)
        return cli_fail(&err);
    /* a dry run opens read-only: the files are not touched at all */
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .mode = dry ? OV_OPEN_READONLY : OV_OPEN_MIGRATE};
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK)
        return cli_fail(&err);
    /* the actor of every row: "retention", with the operator in the
     * purpose */
    const ov_actor *op = cli_actor(&c, "");
    char purpose[OV_PURPOSE_MAX];
    snprintf(purpose, sizeof purpose, "opbevaring (retention run af %s)",
             op->user);
    ov_actor actor = {"retention", OV_ROLE_SYSTEM, purpose};
    ov_status st = schema_ok(s, &err);
    int *codes = NULL, n = 0, failed = 0;
    ov_arena *a = ov_arena_new(0);
    if (st == OV_OK && muni) {
        codes = OV_NEW_N(a, int, 1);
        codes[0] = (int)muni;
        n = 1;
    } else if (st == OV_OK) {
        ov_tx *tx;
        st = ov_tx_begin_read(s, &tx, &err);
        if (st == OV_OK) {
            st = ov_retention_municipalities(tx, a, &codes, &n, &err);
            ov_tx_rollback(tx);
        }
    }
    for (int i = 0; st == OV_OK && i < n; i++)
        st = run_muni(s, codes[i], today, dry, &actor, &failed, &err);
    ov_arena_destroy(a);
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    if (failed) {
        fprintf(stderr,
                "overgang: retention: %d courses could not be anonymised "
                "(see above); each is untouched, and a re-run tries them "
                "again\n",
                failed);
        return 1;
    }
    return 0;
}

int cmd_retention(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "run") == 0)
        return retention_run(argc - 1, argv + 1);
    fprintf(stderr, "overgang: retention: give 'run'; see 'overgang help "
                    "retention'\n");
    return 2;
}
