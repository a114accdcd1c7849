/*
 * cli.h - shared pieces of the command-line interface: option parsing, the
 * effective configuration, the operator actor and error printing.
 *
 * Every CLI error is one line on stderr, "overgang: <what is wrong and how
 * to fix it>", with exit status 2 for usage/input errors and 1 for failures.
 */
#ifndef OV_CLI_CLI_H
#define OV_CLI_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "core/err.h"
#include "model/actor.h"

#define CLI_MAX_OPTS 16

/* One option a command accepts. `setting` maps it to a configuration
 * setting (OV_SET_COUNT: a command-specific option read via cli_opt). */
typedef struct cli_opt_def {
    const char *name;   /* "--to" */
    bool takes_value;
    ov_setting setting;
    const char *help;
} cli_opt_def;

typedef struct cli_ctx {
    const char *command;       /* "init", "audit verify", ... */
    ov_config cfg;
    const char *values[CLI_MAX_OPTS]; /* command-specific option values */
    const cli_opt_def *defs;
    int ndefs;
    char actor_name[OV_ACTOR_NAME_MAX + 1];
    ov_actor actor;
} cli_ctx;

/* Parse argv (after the command words) against defs plus the global
 * options (--config, --db, --key-file, --log-level), then build the
 * effective configuration: defaults < file < environment < flags. */
ov_status cli_parse(cli_ctx *c, const char *command, const cli_opt_def *defs,
                    int ndefs, int argc, char **argv, ov_err *err);
/* Value of a command-specific option, or NULL. */
const char *cli_opt(const cli_ctx *c, const char *name);
/* The operator acting from the command line: "cli:<unix user>", role
 * system, with the given purpose. */
const ov_actor *cli_actor(cli_ctx *c, const char *purpose);

/* Print "overgang: <msg>" and return the exit status for the error. */
int cli_fail(const ov_err *err);

/* Commands: each returns the process exit status. */
int cmd_init(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_config(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_screening(int argc, char **argv);
int cmd_draw(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_synth(int argc, char **argv);
int cmd_evaluate(int argc, char **argv);
int cmd_monitor(int argc, char **argv);
int cmd_indicators(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_municipality(int argc, char **argv);
int cmd_retention(int argc, char **argv);
int cmd_economics(int argc, char **argv);

/* Read the whole file named by --file into b (initialised here: in the
 * arena a, or on the heap when a is NULL; at most max bytes). Too large:
 * OV_ETOOBIG "--file: 'PATH' is larger than <too_big>". */
ov_status cli_read_file(const char *path, size_t max, const char *too_big,
                        ov_arena *a, ov_buf *b, ov_err *err);

/* A whole non-negative number up to max; false when malformed. */
bool cli_parse_count(const char *s, uint64_t max, uint64_t *out);

#endif
