#include "cli/cli.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "core/path.h"

static const cli_opt_def global_opts[] = {
    {"--config", true, OV_SET_COUNT, "read settings from FILE"},
    {"--db", true, OV_SET_DB, "the database file"},
    {"--key-file", true, OV_SET_KEY_FILE, "the CPR key file"},
    {"--log-level", true, OV_SET_LOG_LEVEL, "error, warn, info or debug"},
    {"--file-group", true, OV_SET_FILE_GROUP,
     "give files with personal data to GROUP (mode 0640)"},
};
#define N_GLOBAL ((int)(sizeof global_opts / sizeof global_opts[0]))

int cli_fail(const ov_err *err)
{
    fprintf(stderr, "overgang: %s\n",
            err->msg[0] ? err->msg : ov_status_name(err->code));
    return ov_status_exit_code(err->code);
}

ov_status cli_parse(cli_ctx *c, const char *command, const cli_opt_def *defs,
                    int ndefs, int argc, char **argv, ov_err *err)
{
    memset(c, 0, sizeof *c);
    c->command = command;
    c->defs = defs;
    c->ndefs = ndefs;
    ov_config_init(&c->cfg);
    const char *global_vals[N_GLOBAL] = {0};

    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        const char *eq = strchr(arg, '=');
        size_t namelen = eq ? (size_t)(eq - arg) : strlen(arg);
        const cli_opt_def *d = NULL;
        const char **slot = NULL;
        for (int k = 0; k < N_GLOBAL && !d; k++)
            if (strlen(global_opts[k].name) == namelen &&
                strncmp(global_opts[k].name, arg, namelen) == 0) {
                d = &global_opts[k];
                slot = &global_vals[k];
            }
        for (int k = 0; k < ndefs && !d; k++)
            if (strlen(defs[k].name) == namelen &&
                strncmp(defs[k].name, arg, namelen) == 0) {
                d = &defs[k];
                slot = &c->values[k];
            }
        if (!d)
            return ov_err_set(err, OV_EINVAL, arg,
                              "%s: unknown %s '%s'; see 'overgang help %s'",
                              command, arg[0] == '-' ? "option" : "argument",
                              arg, command);
        const char *val = "1";
        if (d->takes_value) {
            if (eq) {
                val = eq + 1;
            } else if (i + 1 < argc) {
                val = argv[++i];
            } else {
                return ov_err_set(err, OV_EINVAL, d->name,
                                  "%s: %s needs a value; see 'overgang help "
                                  "%s'",
                                  command, d->name, command);
            }
        } else if (eq) {
            return ov_err_set(err, OV_EINVAL, d->name,
                              "%s: %s takes no value", command, d->name);
        }
        if (*slot)
            return ov_err_set(err, OV_EINVAL, d->name,
                              "%s: %s given twice; give it once", command,
                              d->name);
        *slot = val;
    }

    /* defaults < file < environment < flags */
    const char *cfgfile = global_vals[0] ? global_vals[0]
                                         : getenv("OVERGANG_CONFIG");
    ov_status st;
    if (cfgfile && (st = ov_config_load_file(&c->cfg, cfgfile, err)) != OV_OK)
        return st;
    if ((st = ov_config_load_env(&c->cfg, err)) != OV_OK)
        return st;
    for (int k = 1; k < N_GLOBAL; k++) {
        if (!global_vals[k])
            continue;
        st = ov_config_set(&c->cfg, global_opts[k].setting, global_vals[k],
                           OV_SRC_FLAG, global_opts[k].name, err);
        if (st != OV_OK)
            return st;
    }
    for (int k = 0; k < ndefs; k++) {
        if (!c->values[k] || defs[k].setting == OV_SET_COUNT)
            continue;
        st = ov_config_set(&c->cfg, defs[k].setting, c->values[k],
                           OV_SRC_FLAG, defs[k].name, err);
        if (st != OV_OK)
            return st;
    }
    ov_config_finish(&c->cfg);
    /* before any file is made: a group that does not exist, or that this
     * user may not give files to, stops every command */
    if ((st = ov_file_group_use(ov_config_get(&c->cfg, OV_SET_FILE_GROUP),
                                err)) != OV_OK)
        return st;
    ov_log_level level;
    if (ov_log_level_parse(ov_config_get(&c->cfg, OV_SET_LOG_LEVEL),
                           &level) == OV_OK)
        ov_log_set_level(level);
    return OV_OK;
}

const char *cli_opt(const cli_ctx *c, const char *name)
{
    for (int k = 0; k < c->ndefs; k++)
        if (strcmp(c->defs[k].name, name) == 0)
            return c->values[k];
    return NULL;
}

const ov_actor *cli_actor(cli_ctx *c, const char *purpose)
{
    const char *user = NULL;
    struct passwd *pw = getpwuid(geteuid());
    if (pw && pw->pw_name)
        user = pw->pw_name;
    if (!user)
        user = getenv("USER");
    if (!user)
        user = "unknown";
    snprintf(c->actor_name, sizeof c->actor_name, "cli:%s", user);
    c->actor.user = c->actor_name;
    c->actor.role = OV_ROLE_SYSTEM;
    c->actor.purpose = purpose;
    return &c->actor;
}

bool cli_parse_count(const char *s, uint64_t max, uint64_t *out)
{
    if (!s || !*s)
        return false;
    uint64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        if (v > (max - (uint64_t)(*p - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    *out = v;
    return true;
}

ov_status cli_read_file(const char *path, size_t max, const char *too_big,
                        ov_arena *a, ov_buf *b, ov_err *err)
{
    ov_buf_init(b, a, max);
    FILE *f = fopen(path, "rb");
    if (!f)
        return ov_err_set(err, OV_EIO, "--file", "--file: cannot open '%s': %s",
                          path, strerror(errno));
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (ov_buf_append(b, chunk, n) != OV_OK)
            break;
    bool bad = ferror(f);
    fclose(f);
    if (b->failed)
        return ov_err_set(err, OV_ETOOBIG, "--file",
                          "--file: '%s' is larger than %s", path, too_big);
    if (bad)
        return ov_err_set(err, OV_EIO, "--file", "--file: cannot read '%s'",
                          path);
    return OV_OK;
}
