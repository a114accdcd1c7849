#include "core/log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"

static _Atomic int g_level = OV_LOG_INFO;

static const char *const level_names[] = {"error", "warn", "info", "debug"};

void ov_log_set_level(ov_log_level level) { g_level = (int)level; }

ov_log_level ov_log_get_level(void) { return (ov_log_level)g_level; }

ov_status ov_log_level_parse(const char *name, ov_log_level *out)
{
    for (int i = 0; i < 4; i++) {
        if (strcmp(name, level_names[i]) == 0) {
            *out = (ov_log_level)i;
            return OV_OK;
        }
    }
    return OV_EINVAL;
}

const char *ov_log_level_name(ov_log_level level)
{
    return (unsigned)level < 4 ? level_names[level] : "?";
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

void ov_log_mask_cpr(char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) {
            i++;
            continue;
        }
        size_t run = 0;
        while (i + run < len && is_digit(s[i + run]))
            run++;
        size_t end = i + run;
        /* DDMMYY-SSSS: six digits, a dash, four digits */
        if (run == 6 && end + 5 <= len && s[end] == '-' &&
            is_digit(s[end + 1]) && is_digit(s[end + 2]) &&
            is_digit(s[end + 3]) && is_digit(s[end + 4]) &&
            (end + 5 == len || !is_digit(s[end + 5]))) {
            for (size_t k = i; k < end + 5; k++)
                if (is_digit(s[k]))
                    s[k] = 'X';
            i = end + 5;
            continue;
        }
        if (run == 10)
            memset(s + i, 'X', run);
        i = end;
    }
}

void ov_log(ov_log_level level, const char *fmt, ...)
{
    if ((int)level > g_level)
        return;
    char line[1024];
    char ts[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), ts);
    int off = snprintf(line, sizeof line, "%s overgang[%s]: ", ts,
                       ov_log_level_name(level));
    if (off < 0 || (size_t)off >= sizeof line)
        off = 0;
    va_list ap;
    va_start(ap, fmt);
    int want = vsnprintf(line + off, sizeof line - (size_t)off, fmt, ap);
    va_end(ap);
    size_t len = strlen(line);
    ov_log_mask_cpr(line + off, len - (size_t)off);
    /* a truncated line may end in part of a CPR number that is no longer
     * CPR-shaped: mask any digits the cut runs through */
    if (want >= 0 && (size_t)want >= sizeof line - (size_t)off)
        for (size_t i = len; i > (size_t)off; i--) {
            char ch = line[i - 1];
            if (ch == '-')
                continue;
            if (ch < '0' || ch > '9')
                break;
            line[i - 1] = 'X';
        }
    /* one write per line so concurrent threads do not interleave */
    fprintf(stderr, "%s\n", line);
}
