/*
 * log.h - operational logging to stderr.
 *
 * Log lines are for operators: what the program did and what failed, never
 * personal data. Pass ids, not names or CPR numbers. As a safety net the
 * logger masks anything shaped like a CPR number (DDMMYY-SSSS or 10 digits
 * in a row) before it is written, and escapes control characters, so
 * a value from outside (a user name with a newline) cannot forge a line.
 */
#ifndef OV_CORE_LOG_H
#define OV_CORE_LOG_H

#include <stddef.h>

#include "core/err.h"

typedef enum ov_log_level {
    OV_LOG_ERROR = 0,
    OV_LOG_WARN = 1,
    OV_LOG_INFO = 2,
    OV_LOG_DEBUG = 3
} ov_log_level;

void ov_log_set_level(ov_log_level level);
ov_log_level ov_log_get_level(void);
/* "error", "warn", "info", "debug". */
ov_status ov_log_level_parse(const char *name, ov_log_level *out);
const char *ov_log_level_name(ov_log_level level);

void ov_log(ov_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
#define ov_log_error(...) ov_log(OV_LOG_ERROR, __VA_ARGS__)
#define ov_log_warn(...) ov_log(OV_LOG_WARN, __VA_ARGS__)
#define ov_log_info(...) ov_log(OV_LOG_INFO, __VA_ARGS__)
#define ov_log_debug(...) ov_log(OV_LOG_DEBUG, __VA_ARGS__)

/* Escape control characters (newline, carriage return, other C0 and C1
 * controls, DEL, U+2028/U+2029) and the backslash, so one call writes
 * exactly one line whatever its values hold. Writes at most cap - 1 bytes
 * and a NUL; returns the length. ov_log applies it to every message.
 * Exposed for tests. */
size_t ov_log_escape(char *dst, size_t cap, const char *src, size_t len);

/* Mask CPR-shaped digit runs in place: each digit becomes 'X'.
 * Exposed for tests. */
void ov_log_mask_cpr(char *s, size_t len);

#endif
