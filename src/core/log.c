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

/* Copy src into dst with every control character written as an escape,
 * so that a value from outside (a user name with a newline) cannot start
 * a line of its own or hide what follows: \n \r \t, \\ for the
 * backslash itself (so an escape in the log is never ambiguous), \xNN for
 * the other C0 controls and DEL, \u0085 \u2028 \u2029 for the UTF-8
 * line breaks some viewers honour and \xC2\xNN for the other C1 controls.
 * Other bytes (UTF-8 letters such as æøå) are kept. Always NUL-terminates;
 * cuts only between whole escapes. Returns the length written. */
size_t ov_log_escape(char *dst, size_t cap, const char *src, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        char e[12];
        size_t n = 0;
        if (c == '\n' || c == '\r' || c == '\t' || c == '\\') {
            e[n++] = '\\';
            e[n++] = c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't'
                                                              : '\\';
        } else if (c < 0x20 || c == 0x7f) {
            e[n++] = '\\';
            e[n++] = 'x';
            e[n++] = hex[c >> 4];
            e[n++] = hex[c & 15];
        } else if (c == 0xc2 && i + 1 < len &&
                   (unsigned char)src[i + 1] >= 0x80 &&
                   (unsigned char)src[i + 1] <= 0x9f) {
            /* U+0080..U+009F, the C1 controls (U+0085 is NEL) */
            unsigned char d = (unsigned char)src[++i];
            memcpy(e, "\\u00", 4);
            n = 4;
            e[n++] = hex[d >> 4];
            e[n++] = hex[d & 15];
        } else if (c == 0xe2 && i + 2 < len &&
                   (unsigned char)src[i + 1] == 0x80 &&
                   ((unsigned char)src[i + 2] == 0xa8 ||
                    (unsigned char)src[i + 2] == 0xa9)) {
            /* U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR */
            memcpy(e, (unsigned char)src[i + 2] == 0xa8 ? "\\u2028"
                                                        : "\\u2029",
                   6);
            n = 6;
            i += 2;
        } else {
            e[n++] = (char)c;
        }
        if (o + n >= cap)
            break;
        memcpy(dst + o, e, n);
        o += n;
    }
    dst[o] = '\0';
    return o;
}

void ov_log(ov_log_level level, const char *fmt, ...)
{
    if ((int)level > g_level)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    int want = vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t len = strlen(msg);
    ov_log_mask_cpr(msg, len);
    /* a truncated message may end in part of a CPR number that is no
     * longer CPR-shaped: mask any digits the cut runs through */
    if (want >= 0 && (size_t)want >= sizeof msg)
        for (size_t i = len; i > 0; i--) {
            char ch = msg[i - 1];
            if (ch == '-')
                continue;
            if (ch < '0' || ch > '9')
                break;
            msg[i - 1] = 'X';
        }
    /* masked first, escaped second: an escape adds no digits to a CPR
     * number and a control character never sits inside one */
    char line[4 * sizeof msg + 64];
    char ts[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), ts);
    int off = snprintf(line, sizeof line, "%s overgang[%s]: ", ts,
                       ov_log_level_name(level));
    if (off < 0 || (size_t)off >= sizeof line)
        off = 0;
    ov_log_escape(line + off, sizeof line - (size_t)off, msg, len);
    /* one write per line so concurrent threads do not interleave */
    fprintf(stderr, "%s\n", line);
}
