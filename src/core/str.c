#include "core/str.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ov_str ov_str_c(const char *s)
{
    if (!s)
        return (ov_str){"", 0};
    return (ov_str){s, strlen(s)};
}

bool ov_str_eq(ov_str a, ov_str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool ov_str_eq_c(ov_str a, const char *s)
{
    return ov_str_eq(a, ov_str_c(s));
}

bool ov_str_starts_with(ov_str s, ov_str prefix)
{
    return s.len >= prefix.len &&
           (prefix.len == 0 || memcmp(s.ptr, prefix.ptr, prefix.len) == 0);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

ov_str ov_str_trim(ov_str s)
{
    while (s.len && is_space(s.ptr[0])) {
        s.ptr++;
        s.len--;
    }
    while (s.len && is_space(s.ptr[s.len - 1]))
        s.len--;
    return s;
}

ov_str ov_str_cut(ov_str s, char sep, ov_str *head)
{
    const char *p = s.len ? memchr(s.ptr, sep, s.len) : NULL;
    if (!p) {
        if (head)
            *head = s;
        return OV_STR_NULL;
    }
    size_t n = (size_t)(p - s.ptr);
    if (head)
        *head = (ov_str){s.ptr, n};
    return (ov_str){p + 1, s.len - n - 1};
}

char *ov_str_dup0(ov_arena *a, ov_str s)
{
    return ov_arena_memdup0(a, s.ptr, s.len);
}

bool ov_str_is_digits(ov_str s)
{
    if (s.len == 0)
        return false;
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] < '0' || s.ptr[i] > '9')
            return false;
    return true;
}

ov_status ov_str_to_i64(ov_str s, int64_t *out)
{
    bool neg = false;
    if (s.len && s.ptr[0] == '-') {
        neg = true;
        s.ptr++;
        s.len--;
    }
    if (!ov_str_is_digits(s) || s.len > 19)
        return OV_EINVAL;
    /* accumulate negatively so INT64_MIN parses */
    int64_t v = 0;
    for (size_t i = 0; i < s.len; i++) {
        int d = s.ptr[i] - '0';
        if (v < (INT64_MIN + d) / 10)
            return OV_EINVAL;
        v = v * 10 - d;
    }
    if (!neg) {
        if (v == INT64_MIN)
            return OV_EINVAL;
        v = -v;
    }
    *out = v;
    return OV_OK;
}

bool ov_str_is_utf8(ov_str s)
{
    const unsigned char *p = (const unsigned char *)s.ptr;
    size_t i = 0;
    while (i < s.len) {
        unsigned c = p[i];
        size_t n;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n >= s.len - i)
            return false;
        for (size_t k = 1; k <= n; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
            (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

void ov_buf_init(ov_buf *b, ov_arena *arena, size_t max)
{
    b->arena = arena;
    b->max = max;
    b->len = 0;
    b->failed = false;
    b->cap = max < 64 ? max : 64;
    b->data = arena ? ov_arena_alloc(arena, b->cap + 1)
                    : ov_xmalloc(b->cap + 1);
    b->data[0] = '\0';
}

void ov_buf_free(ov_buf *b)
{
    if (!b->arena)
        free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void ov_buf_reset(ov_buf *b)
{
    b->len = 0;
    b->failed = false;
    b->data[0] = '\0';
}

/* Make room for n more bytes, within max. */
static ov_status reserve(ov_buf *b, size_t n)
{
    if (b->failed)
        return OV_ETOOBIG;
    if (n > b->max - b->len) {
        b->failed = true;
        return OV_ETOOBIG;
    }
    size_t need = b->len + n;
    if (need <= b->cap)
        return OV_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > b->max / 2 ? b->max : cap * 2;
    if (b->arena) {
        char *d = ov_arena_alloc(b->arena, cap + 1);
        memcpy(d, b->data, b->len + 1);
        b->data = d;
    } else {
        b->data = ov_xrealloc(b->data, cap + 1);
    }
    b->cap = cap;
    return OV_OK;
}

ov_status ov_buf_append(ov_buf *b, const void *p, size_t n)
{
    ov_status st = reserve(b, n);
    if (st != OV_OK)
        return st;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return OV_OK;
}

ov_status ov_buf_append_str(ov_buf *b, ov_str s)
{
    return ov_buf_append(b, s.ptr, s.len);
}

ov_status ov_buf_append_c(ov_buf *b, const char *s)
{
    return ov_buf_append(b, s, strlen(s));
}

ov_status ov_buf_append_byte(ov_buf *b, char c)
{
    return ov_buf_append(b, &c, 1);
}

ov_status ov_buf_printf(ov_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return OV_ETOOBIG;
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    /* straight into the free space when it fits (one pass), else size it,
     * make room and format again */
    size_t room = b->data ? b->cap - b->len : 0;
    int n = vsnprintf(room ? b->data + b->len : NULL, room ? room + 1 : 0,
                      fmt, ap);
    va_end(ap);
    if (n < 0) {
        if (b->data)
            b->data[b->len] = '\0';
        va_end(ap2);
        return OV_EINVAL;
    }
    ov_status st = OV_OK;
    if ((size_t)n <= room && (size_t)n <= b->max - b->len) {
        b->len += (size_t)n;
    } else {
        if (b->data)
            b->data[b->len] = '\0';
        st = reserve(b, (size_t)n);
        if (st == OV_OK) {
            vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
            b->len += (size_t)n;
        }
    }
    va_end(ap2);
    return st;
}

ov_str ov_buf_str(const ov_buf *b)
{
    return (ov_str){b->data, b->len};
}

void ov_hex_encode(const uint8_t *in, size_t n, char *out)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 15];
    }
    out[2 * n] = '\0';
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

ov_status ov_hex_decode(ov_str hex, uint8_t *out, size_t out_len)
{
    if (hex.len != 2 * out_len)
        return OV_EINVAL;
    for (size_t i = 0; i < out_len; i++) {
        int hi = hexval(hex.ptr[2 * i]), lo = hexval(hex.ptr[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return OV_EINVAL;
        out[i] = (uint8_t)(hi << 4 | lo);
    }
    return OV_OK;
}
