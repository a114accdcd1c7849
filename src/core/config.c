#include "core/config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/str.h"

typedef ov_status (*validate_fn)(const char *value, const char *where,
                                 ov_err *err);

typedef struct setting_def {
    const char *name;
    const char *env;
    const char *def; /* NULL: derived */
    validate_fn validate;
    const char *help;
} setting_def;

static ov_status v_path(const char *value, const char *where, ov_err *err)
{
    if (value[0] == '\0')
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: a path is required; give a file name", where);
    return OV_OK;
}

static ov_status v_level(const char *value, const char *where, ov_err *err)
{
    ov_log_level l;
    if (ov_log_level_parse(value, &l) != OV_OK)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: unknown log level '%s'; use error, warn, "
                          "info or debug", where, value);
    return OV_OK;
}

static ov_status v_retention(const char *value, const char *where, ov_err *err)
{
    int64_t v;
    if (ov_str_to_i64(ov_str_c(value), &v) != OV_OK || v < 1 || v > 120)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: '%s' is not a number of months from 1 to 120 "
                          "(default 6)", where, value);
    return OV_OK;
}

static ov_status v_yesno(const char *value, const char *where, ov_err *err)
{
    if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: '%s' is not yes or no", where, value);
    return OV_OK;
}

static ov_status v_idle(const char *value, const char *where, ov_err *err)
{
    int64_t v;
    if (ov_str_to_i64(ov_str_c(value), &v) != OV_OK || v < 1 || v > 1440)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: '%s' is not a number of minutes from 1 to "
                          "1440 (default 30)", where, value);
    return OV_OK;
}

static ov_status v_absolute(const char *value, const char *where,
                            ov_err *err)
{
    int64_t v;
    if (ov_str_to_i64(ov_str_c(value), &v) != OV_OK || v < 1 || v > 168)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: '%s' is not a number of hours from 1 to 168 "
                          "(default 12)", where, value);
    return OV_OK;
}

static ov_status v_group(const char *value, const char *where, ov_err *err)
{
    for (const char *c = value; *c; c++)
        if (*c <= ' ' || *c == '/' || *c == ':' || *c == 0x7f)
            return ov_err_set(err, OV_EINVAL, where,
                              "%s: '%s' is not a group name; give a group "
                              "of this system (getent group), or nothing",
                              where, value);
    return OV_OK;
}

/* The accessibility statement's contact (web/ui_a11y.c): one line of
 * plain text, shown escaped; printable, so a log line or a header cannot
 * be forged with it. */
static ov_status v_contact(const char *value, const char *where, ov_err *err)
{
    size_t n = strlen(value);
    if (n > 300)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: %zu bytes is too long for the contact; give "
                          "at most 300 (a telephone number and where to "
                          "write)", where, n);
    for (const char *c = value; *c; c++)
        if ((unsigned char)*c < ' ' || *c == 0x7f)
            return ov_err_set(err, OV_EINVAL, where,
                              "%s: the contact holds a control character; "
                              "give one line of plain text", where);
    return OV_OK;
}

static ov_status v_suppress_k(const char *value, const char *where,
                              ov_err *err)
{
    int64_t v;
    if (ov_str_to_i64(ov_str_c(value), &v) != OV_OK || v > 100)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: '%s' is not a number of citizens from %d to "
                          "100 (default 5)",
                          where, value, OV_CONFIG_SUPPRESS_K_MIN);
    if (v < OV_CONFIG_SUPPRESS_K_MIN)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: %lld is below the smallest allowed threshold; "
                          "figures built on fewer than %d citizens are always "
                          "hidden: give %d or more (default 5)",
                          where, (long long)v, OV_CONFIG_SUPPRESS_K_MIN,
                          OV_CONFIG_SUPPRESS_K_MIN);
    return OV_OK;
}

static const setting_def defs[OV_SET_COUNT] = {
    [OV_SET_DB] = {"db", "OVERGANG_DB", "overgang.db", v_path,
                   "the database file (SQLite)"},
    [OV_SET_KEY_FILE] = {"key_file", "OVERGANG_KEY_FILE", NULL, v_path,
                         "the CPR key file; default: the database path + .key"},
    [OV_SET_LOG_LEVEL] = {"log_level", "OVERGANG_LOG_LEVEL", "info", v_level,
                          "error, warn, info or debug"},
    [OV_SET_AUDIT_RETENTION] = {"audit_retention_months",
                                "OVERGANG_AUDIT_RETENTION_MONTHS", "6",
                                v_retention,
                                "months the audit log is kept before pruning"},
    [OV_SET_COOKIE_SECURE] = {"cookie_secure", "OVERGANG_COOKIE_SECURE", "no",
                              v_yesno,
                              "yes behind TLS: the session cookie is Secure"},
    [OV_SET_SESSION_IDLE] = {"session_idle_minutes",
                             "OVERGANG_SESSION_IDLE_MINUTES", "30", v_idle,
                             "a web session ends after this many minutes "
                             "without a request"},
    [OV_SET_SESSION_ABSOLUTE] = {"session_absolute_hours",
                                 "OVERGANG_SESSION_ABSOLUTE_HOURS", "12",
                                 v_absolute,
                                 "a web session ends this many hours after "
                                 "the log-in, in use or not"},
    [OV_SET_AUDIT_SYSLOG] = {"audit_syslog", "OVERGANG_AUDIT_SYSLOG", "no",
                             v_yesno,
                             "yes: serve also sends each audit anchor to "
                             "syslog (authpriv), so a copy can leave the "
                             "machine"},
    [OV_SET_FILE_GROUP] = {"file_group", "OVERGANG_FILE_GROUP", "", v_group,
                           "a group that may read the database, its "
                           "backups and exports: they are then created 0640 "
                           "for that group (the keys stay 0600); empty: "
                           "0600"},
    [OV_SET_SUPPRESS_K] = {"suppress_k", "OVERGANG_SUPPRESS_K", "5",
                           v_suppress_k,
                           "national figures built on fewer citizens are "
                           "hidden (small-cell suppression); 3 or more"},
    [OV_SET_A11Y_CONTACT] = {"a11y_contact", "OVERGANG_A11Y_CONTACT", "",
                             v_contact,
                             "the accessibility statement's contact for "
                             "feedback: a telephone number and where to "
                             "write, one line; empty: the statement asks "
                             "the reader to contact their municipality"},
};

static void copy_value(char *dst, const char *src)
{
    snprintf(dst, OV_CONFIG_VALUE_MAX, "%s", src);
}

void ov_config_init(ov_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    for (int i = 0; i < OV_SET_COUNT; i++) {
        copy_value(cfg->value[i], defs[i].def ? defs[i].def : "");
        cfg->source[i] = defs[i].def ? OV_SRC_DEFAULT : OV_SRC_DERIVED;
    }
}

ov_setting ov_setting_by_name(const char *name)
{
    for (int i = 0; i < OV_SET_COUNT; i++)
        if (strcmp(defs[i].name, name) == 0)
            return (ov_setting)i;
    return OV_SET_COUNT;
}

const char *ov_setting_name(ov_setting s) { return defs[s].name; }
const char *ov_setting_env(ov_setting s) { return defs[s].env; }
const char *ov_setting_help(ov_setting s) { return defs[s].help; }

const char *ov_config_source_name(ov_config_source src)
{
    switch (src) {
    case OV_SRC_DEFAULT: return "default";
    case OV_SRC_FILE: return "file";
    case OV_SRC_ENV: return "environment";
    case OV_SRC_FLAG: return "flag";
    case OV_SRC_DERIVED: return "derived";
    }
    return "?";
}

ov_status ov_config_set(ov_config *cfg, ov_setting s, const char *value,
                        ov_config_source src, const char *where, ov_err *err)
{
    if ((unsigned)s >= OV_SET_COUNT)
        return ov_err_set(err, OV_EINTERNAL, where, "%s: unknown setting",
                          where);
    if (strlen(value) >= OV_CONFIG_VALUE_MAX)
        return ov_err_set(err, OV_EINVAL, where,
                          "%s: value longer than %d bytes; shorten it", where,
                          OV_CONFIG_VALUE_MAX - 1);
    ov_status st = defs[s].validate(value, where, err);
    if (st != OV_OK)
        return st;
    copy_value(cfg->value[s], value);
    cfg->source[s] = src;
    return OV_OK;
}

/* Load into a copy so that a bad line leaves the configuration as it was. */
static ov_status load_file(ov_config *cfg, const char *path, ov_err *err);

ov_status ov_config_load_file(ov_config *cfg, const char *path, ov_err *err)
{
    ov_config *tmp = ov_xmalloc(sizeof *tmp);
    *tmp = *cfg;
    ov_status st = load_file(tmp, path, err);
    if (st == OV_OK)
        *cfg = *tmp;
    free(tmp);
    return st;
}

static ov_status load_file(ov_config *cfg, const char *path, ov_err *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return ov_err_set(err, OV_EIO, "--config",
                          "--config: cannot open '%s': %s", path,
                          strerror(errno));
    char line[OV_CONFIG_VALUE_MAX + 128];
    int lineno = 0;
    ov_status st = OV_OK;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char where[OV_CONFIG_VALUE_MAX + 32];
        snprintf(where, sizeof where, "%s:%d", path, lineno);
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            st = ov_err_set(err, OV_EINVAL, where,
                            "%s: line too long; values are at most %d bytes",
                            where, OV_CONFIG_VALUE_MAX - 1);
            break;
        }
        ov_str s = ov_str_trim(ov_str_c(line));
        if (s.len == 0 || s.ptr[0] == '#')
            continue;
        ov_str key;
        ov_str val = ov_str_cut(s, '=', &key);
        if (!val.ptr) {
            st = ov_err_set(err, OV_EINVAL, where,
                            "%s: expected 'key = value'", where);
            break;
        }
        key = ov_str_trim(key);
        val = ov_str_trim(val);
        if (val.len >= OV_CONFIG_VALUE_MAX || key.len >= 64) {
            st = ov_err_set(err, OV_EINVAL, where,
                            "%s: value longer than %d bytes; shorten it",
                            where, OV_CONFIG_VALUE_MAX - 1);
            break;
        }
        char keybuf[64], valbuf[OV_CONFIG_VALUE_MAX];
        snprintf(keybuf, sizeof keybuf, "%.*s", (int)key.len, key.ptr);
        snprintf(valbuf, sizeof valbuf, "%.*s", (int)val.len, val.ptr);
        ov_setting set = ov_setting_by_name(keybuf);
        if (set == OV_SET_COUNT) {
            st = ov_err_set(err, OV_EINVAL, where,
                            "%s: unknown setting '%s'; see 'overgang config' "
                            "for the settings", where, keybuf);
            break;
        }
        st = ov_config_set(cfg, set, valbuf, OV_SRC_FILE, where, err);
        if (st != OV_OK)
            break;
    }
    fclose(f);
    if (st == OV_OK)
        copy_value(cfg->file, path);
    return st;
}

ov_status ov_config_load_env(ov_config *cfg, ov_err *err)
{
    for (int i = 0; i < OV_SET_COUNT; i++) {
        const char *v = getenv(defs[i].env);
        if (!v)
            continue;
        ov_status st =
            ov_config_set(cfg, (ov_setting)i, v, OV_SRC_ENV, defs[i].env, err);
        if (st != OV_OK)
            return st;
    }
    return OV_OK;
}

void ov_config_finish(ov_config *cfg)
{
    if (cfg->source[OV_SET_KEY_FILE] == OV_SRC_DERIVED) {
        char buf[OV_CONFIG_VALUE_MAX + 8];
        snprintf(buf, sizeof buf, "%s.key", cfg->value[OV_SET_DB]);
        snprintf(cfg->value[OV_SET_KEY_FILE], OV_CONFIG_VALUE_MAX, "%s", buf);
    }
}

const char *ov_config_get(const ov_config *cfg, ov_setting s)
{
    return cfg->value[s];
}

int64_t ov_config_get_int(const ov_config *cfg, ov_setting s)
{
    int64_t v = 0;
    if (ov_str_to_i64(ov_str_c(cfg->value[s]), &v) != OV_OK)
        return 0; /* validated on set; unreachable for integer settings */
    return v;
}

void ov_config_print(const ov_config *cfg, FILE *out)
{
    if (cfg->file[0])
        fprintf(out, "# config file: %s\n", cfg->file);
    else
        fprintf(out, "# config file: none (use --config FILE or "
                     "OVERGANG_CONFIG)\n");
    for (int i = 0; i < OV_SET_COUNT; i++)
        fprintf(out, "%s = %s  # %s; %s; %s\n", defs[i].name, cfg->value[i],
                ov_config_source_name(cfg->source[i]), defs[i].env,
                defs[i].help);
}
