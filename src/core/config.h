/*
 * config.h - effective settings from defaults, a file, the environment and
 * command-line flags, in that order of precedence (a flag wins).
 *
 * The file is given by --config FILE or OVERGANG_CONFIG; it holds lines
 * `key = value`, with `#` comments and blank lines. Every setting has an
 * environment variable OVERGANG_<KEY upper-case>. Unknown keys and bad
 * values are errors that name the file and line or the variable.
 */
#ifndef OV_CORE_CONFIG_H
#define OV_CORE_CONFIG_H

#include <stdint.h>
#include <stdio.h>

#include "core/err.h"

typedef enum ov_config_source {
    OV_SRC_DEFAULT = 0,
    OV_SRC_FILE,
    OV_SRC_ENV,
    OV_SRC_FLAG,
    OV_SRC_DERIVED /* computed from another setting (key_file from db) */
} ov_config_source;

typedef enum ov_setting {
    OV_SET_DB = 0,          /* database path */
    OV_SET_KEY_FILE,        /* CPR key file; default: <db>.key */
    OV_SET_LOG_LEVEL,       /* error|warn|info|debug */
    OV_SET_AUDIT_RETENTION, /* audit retention in months, 1-120 */
    OV_SET_COOKIE_SECURE,   /* yes|no: Secure session cookie (behind TLS) */
    OV_SET_SESSION_IDLE,    /* minutes without a request, 1-1440 */
    OV_SET_SESSION_ABSOLUTE, /* hours after log-in, 1-168 */
    OV_SET_AUDIT_SYSLOG,    /* yes|no: each audit anchor also to syslog */
    OV_SET_FILE_GROUP,      /* group of files with personal data; "" none */
    OV_SET_SUPPRESS_K,      /* national figures: hide cells below k, >= 3 */
    OV_SET_A11Y_CONTACT,    /* the accessibility statement's contact */
    OV_SET_COUNT
} ov_setting;

#define OV_CONFIG_VALUE_MAX 1024

/* The smallest suppression threshold a setting may give (model/suppress.h:
 * a figure built on fewer citizens is never published). */
#define OV_CONFIG_SUPPRESS_K_MIN 3

typedef struct ov_config {
    char value[OV_SET_COUNT][OV_CONFIG_VALUE_MAX];
    ov_config_source source[OV_SET_COUNT];
    char file[OV_CONFIG_VALUE_MAX]; /* the config file read, or "" */
} ov_config;

/* Defaults only. */
void ov_config_init(ov_config *cfg);

/* Setting by name ("db", "key_file", ...); OV_SET_COUNT when unknown. */
ov_setting ov_setting_by_name(const char *name);
const char *ov_setting_name(ov_setting s);
const char *ov_setting_env(ov_setting s);
const char *ov_setting_help(ov_setting s);
const char *ov_config_source_name(ov_config_source src);

/* Validate and set one value; `where` names its origin for errors
 * ("--db", "OVERGANG_DB", "overgang.conf:3"). */
ov_status ov_config_set(ov_config *cfg, ov_setting s, const char *value,
                        ov_config_source src, const char *where, ov_err *err);

/* Read `key = value` lines from path (source OV_SRC_FILE). */
ov_status ov_config_load_file(ov_config *cfg, const char *path, ov_err *err);

/* Apply OVERGANG_* variables from the environment. */
ov_status ov_config_load_env(ov_config *cfg, ov_err *err);

/* Fill derived values (key_file beside db when not set). Call after all
 * sources are applied. */
void ov_config_finish(ov_config *cfg);

const char *ov_config_get(const ov_config *cfg, ov_setting s);
int64_t ov_config_get_int(const ov_config *cfg, ov_setting s);

/* "key = value  # source" lines, one per setting. */
void ov_config_print(const ov_config *cfg, FILE *out);

#endif
