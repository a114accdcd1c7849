/*
 * main.c - the overgang binary: dispatch to subcommands.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/crypto.h"
#include "core/log.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
    const char *summary;
} command;

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const command commands[] = {
    {"help", cmd_help, "help [COMMAND]", "show the commands, or one command"},
    {"version", cmd_version, "version", "print the version"},
    {"config", cmd_config, "config [--config FILE] [--db PATH] ...",
     "print the effective settings and where each comes from"},
    {"init", cmd_init,
     "init --db PATH [--key-file PATH] [--accept-audit-loss]",
     "create a database, its CPR key file and audit key, or migrate one"},
    {"status", cmd_status, "status --db PATH",
     "print schema version, counts, integrity and audit chain state"},
    {"check", cmd_check, "check --db PATH",
     "run the integrity check and print the schema version"},
    {"backup", cmd_backup, "backup --db PATH --to FILE",
     "online backup to a new file (the key file is not included)"},
    {"restore", cmd_restore, "restore --from FILE --db PATH",
     "restore a backup into a new database file"},
    {"serve", cmd_serve,
     "serve --db PATH [--listen HOST:PORT] [--threads N] "
     "[--accept-audit-loss]",
     "run the web application (graceful stop on SIGTERM)"},
    {"screening", cmd_screening,
     "screening import --db PATH --municipality CODE --file FILE "
     "[--reference-date DATE]",
     "import and screen a candidate list (all or nothing)"},
    {"draw", cmd_draw, "draw verify --db PATH --draw N",
     "re-run a stored draw from its seed and pool"},
    {"demo", cmd_demo, "demo --db PATH [--seed N] [--today YYYY-MM-DD] [--scale N]",
     "build a new database with a realistic synthetic world"},
    {"synth-register", cmd_synth,
     "synth-register --persons N --treated T --out DIR [--months M] "
     "[--seed S] [--gzip]",
     "write a synthetic register extract with known effects (truth.json)"},
    {"evaluate", cmd_evaluate,
     "evaluate --register DIR --out DIR [--covariates a,b] [--exact COL] "
     "[--caliper X] [--ratio K] [--replace] [--discard none|both] "
     "[--drop-missing] [--outcome NAME=SPEC]... [--bootstrap R] [--seed S] "
     "[--threads N]",
     "effect evaluation: propensity score, matching, balance and outcomes"},
    {"indicators", cmd_indicators,
     "indicators --db PATH --municipality CODE [--from DATE] [--to DATE] "
     "[--team ID] [--staff ID] [--format json|csv|xlsx] [--out FILE] "
     "[--lang da|en] [--drill ID]",
     "fidelity to the six core elements, results and caseloads for a "
     "period"},
    {"audit", cmd_audit,
     "audit verify|prune --db PATH [--anchors FILE] [--audit-key FILE] "
     "[--no-anchors]",
     "verify the keyed audit chain against its anchors and the journal, or "
     "prune rows past retention (at least 6 months)"},
    {"monitor", cmd_monitor,
     "monitor keygen --out DIR [--municipality CODE] | monitor register "
     "--db NATIONAL.db --municipality CODE --signing-key FILE.pub | monitor "
     "export --db PATH --municipality CODE --period FROM..TO --agency-key "
     "agency.pub --pseudonym-key pseudonym.key --signing-key "
     "signing-CODE.key --out FILE | monitor import --db NATIONAL.db --key "
     "agency.key --file FILE | monitor show --key agency.key --file FILE "
     "| monitor board --db PATH [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
     "the pseudonymised national monitoring extract: keys, export, import; "
     "the national board"},
    {"municipality", cmd_municipality,
     "municipality add --db PATH --code CODE --name NAME",
     "register a municipality (the first step of a new installation)"},
    {"user", cmd_user,
     "user add --db PATH --municipality CODE --username NAME --full-name "
     "\"NAME\" --role ROLE [--teams ID,ID] [--phone P] [--email E] | user "
     "list --db PATH --municipality CODE | user deactivate|reset --db PATH "
     "--username NAME",
     "staff users: add prints a one-time activation code (the first "
     "administrator of a new installation), reset issues a new one"},
    {"retention", cmd_retention,
     "retention run --db PATH [--dry-run] [--municipality CODE] "
     "[--today YYYY-MM-DD]",
     "anonymise the ended courses past their municipality's retention "
     "(one transaction per course; --dry-run lists them)"},
    {"economics", cmd_economics,
     "economics (--scenario FILE.json | --preset rambøll-2021-A..D) "
     "[--evaluation DIR] [--db PATH --municipality CODE --from YYYY-MM-DD "
     "--to YYYY-MM-DD] --out DIR",
     "the budget-economic business case per year and payer: "
     "economics.json, .xlsx and .html (measured effects, registered "
     "activity)"},
};
#define N_COMMANDS ((int)(sizeof commands / sizeof commands[0]))

static const command *find_command(const char *name)
{
    for (int i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv)
{
    if (argc > 0) {
        const command *c = find_command(argv[0]);
        if (!c) {
            fprintf(stderr,
                    "overgang: unknown command '%s'; run 'overgang help' "
                    "for the list\n",
                    argv[0]);
            return 2;
        }
        printf("usage: overgang %s\n  %s\n", c->usage, c->summary);
        printf("\nglobal options: --config FILE, --db PATH, --key-file PATH, "
               "--log-level LEVEL, --file-group GROUP\n(see 'overgang config' and the overgang(1) "
               "manual page)\n");
        return 0;
    }
    printf("overgang - case management, monitoring and evaluation for "
           "\"Social støtte i overgang\ntil og fastholdelse i job\".\n\n"
           "usage: overgang COMMAND [OPTIONS]\n\ncommands:\n");
    for (int i = 0; i < N_COMMANDS; i++)
        printf("  %-14s %s\n", commands[i].name, commands[i].summary);
    printf("\nRun 'overgang help COMMAND' for a command's options; 'man "
           "overgang' for the manual.\n");
    return 0;
}

static int cmd_version(int argc, char **argv)
{
    (void)argv;
    if (argc > 0) {
        fprintf(stderr, "overgang: 'version' takes no arguments\n");
        return 2;
    }
    printf("overgang %s (%s)\n", OV_VERSION, OV_GIT_REV);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cmd_help(0, NULL);
        return 2;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return cmd_help(argc - 2, argv + 2);
    if (strcmp(name, "--version") == 0)
        return cmd_version(0, NULL);
    const command *c = find_command(name);
    if (!c) {
        fprintf(stderr,
                "overgang: unknown command '%s'; run 'overgang help' for the "
                "list\n",
                name);
        return 2;
    }
    ov_err err;
    ov_err_clear(&err);
    if (ov_crypto_init(&err) != OV_OK)
        return cli_fail(&err);
    return c->run(argc - 2, argv + 2);
}
