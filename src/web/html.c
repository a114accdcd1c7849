#include "web/html.h"

#include "web/msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ov_html_begin(ov_response *res, int status)
{
    res->status = status;
    res->content_type = "text/html; charset=utf-8";
    ov_buf_reset(&res->body);
}

void ov_html_raw_(ov_response *res, const char *literal)
{
    ov_buf_append_c(&res->body, literal);
}

ov_status ov_html_escape(ov_buf *b, ov_str s)
{
    size_t start = 0;
    for (size_t i = 0; i < s.len; i++) {
        const char *rep = NULL;
        switch (s.ptr[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '`': rep = "&#96;"; break;
        default: break;
        }
        if (!rep)
            continue;
        ov_buf_append(b, s.ptr + start, i - start);
        ov_buf_append_c(b, rep);
        start = i + 1;
    }
    ov_buf_append(b, s.ptr + start, s.len - start);
    return b->failed ? OV_ETOOBIG : OV_OK;
}

void ov_html_text(ov_response *res, ov_str s)
{
    ov_html_escape(&res->body, s);
}

void ov_html_attr(ov_response *res, ov_str s)
{
    ov_html_escape(&res->body, s);
}

static void put_int(ov_buf *b, int64_t v);

void ov_html_int(ov_response *res, int64_t v)
{
    put_int(&res->body, v);
}

static void url_encode(ov_buf *b, ov_str s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
            c == '~') {
            ov_buf_append_byte(b, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            ov_buf_append(b, e, 3);
        }
    }
}

/* A whole number in decimal, without printf. */
static void put_int(ov_buf *b, int64_t v)
{
    char d[24];
    int i = (int)sizeof d;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        d[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        d[--i] = '-';
    ov_buf_append(b, d + i, sizeof d - (size_t)i);
}

ov_status ov_html_printf(ov_response *res, const char *fmt, ...)
{
    /* validate first, so a bad format writes nothing */
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (!*p || !strchr("huDdt%", *p))
            return OV_EINVAL;
    }
    va_list ap;
    va_start(ap, fmt);
    const char *run = fmt;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        ov_buf_append(&res->body, run, (size_t)(p - run));
        p++;
        switch (*p) {
        case 'h': ov_html_escape(&res->body, va_arg(ap, ov_str)); break;
        case 'u': url_encode(&res->body, va_arg(ap, ov_str)); break;
        case 'd': put_int(&res->body, va_arg(ap, int)); break;
        case 'D': put_int(&res->body, va_arg(ap, int64_t)); break;
        case 't':
            ov_html_escape(&res->body,
                           ov_str_c(ov_msg((ov_lang)res->lang,
                                           va_arg(ap, const char *))));
            break;
        default: ov_buf_append_byte(&res->body, '%'); break;
        }
        run = p + 1;
    }
    ov_buf_append_c(&res->body, run);
    va_end(ap);
    return res->body.failed ? OV_ETOOBIG : OV_OK;
}
