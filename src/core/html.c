/*
 * html.c - the escape-by-default HTML writer (see core/html.h).
 *
 * A call is checked whole before anything is written: every conversion
 * must be known and match its argument's tag, and the count must agree.
 * A bad call writes nothing and marks the buffer failed, so a page with
 * a wrong call never leaves half-written or with a value shown in the
 * wrong form.
 */
#include "core/html.h"

#include <string.h>

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

ov_status ov_html_url_encode(ov_buf *b, ov_str s)
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
    return b->failed ? OV_ETOOBIG : OV_OK;
}

/* A whole number in decimal, without printf. */
ov_status ov_html_put_int(ov_buf *b, int64_t v)
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
    return ov_buf_append(b, d + i, sizeof d - (size_t)i);
}

/* Does an argument of this kind fit the conversion? */
static bool fits(char conv, ov_html_kind k, bool have_msg)
{
    switch (conv) {
    case 'h':
    case 'u': return k == OV_HK_STR || k == OV_HK_CSTR;
    case 'd': return k == OV_HK_INT;
    case 'D': return k == OV_HK_INT || k == OV_HK_I64;
    case 't': return k == OV_HK_CSTR && have_msg;
    default: return false;
    }
}

ov_status ov_html_format_(ov_html_out out, const char *fmt,
                          const ov_html_arg *args, int nargs)
{
    ov_buf *b = out.b;
    /* check the whole call first, so a bad one writes nothing */
    int k = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        if (!*p || k >= nargs || !fits(*p, args[k].kind, out.msg != NULL)) {
            b->failed = true;
            return OV_EINVAL;
        }
        k++;
    }
    if (k != nargs) {
        b->failed = true;
        return OV_EINVAL;
    }
    const char *run = fmt;
    k = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        ov_buf_append(b, run, (size_t)(p - run));
        p++;
        run = p + 1;
        if (*p == '%') {
            ov_buf_append_byte(b, '%');
            continue;
        }
        const ov_html_arg *a = &args[k++];
        switch (*p) {
        case 'h': ov_html_escape(b, a->s); break;
        case 'u': ov_html_url_encode(b, a->s); break;
        case 't':
            ov_html_escape(b, ov_str_c(out.msg(out.lang, a->s.ptr)));
            break;
        default: ov_html_put_int(b, a->i); break;
        }
    }
    ov_buf_append_c(b, run);
    return b->failed ? OV_ETOOBIG : OV_OK;
}
