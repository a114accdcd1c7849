#include "core/csv.h"

#include <stdbool.h>
#include <string.h>

void ov_csv_init(ov_csv *c, const char *data, size_t len, char sep)
{
    c->p = data;
    c->end = data + len;
    c->sep = sep;
    c->line = 0;
    c->next_line = 1;
    c->max_field_len = 4096;
    if (len >= 3 && (unsigned char)data[0] == 0xEF &&
        (unsigned char)data[1] == 0xBB && (unsigned char)data[2] == 0xBF)
        c->p += 3;
}

static ov_status too_long(ov_csv *c, size_t field, ov_err *err)
{
    return ov_err_msg(err, OV_EINVAL, "csv", csv_field_too_long,
                      (long long)c->line, field + 1, c->max_field_len);
}

ov_status ov_csv_next(ov_csv *c, ov_arena *a, ov_str *fields, size_t cap,
                      size_t *n, ov_err *err)
{
    *n = 0;
    /* skip blank lines (LF, CRLF or a lone CR each end one) */
    while (c->p < c->end && (*c->p == '\n' || *c->p == '\r')) {
        if (*c->p == '\n' || c->p + 1 == c->end || c->p[1] != '\n')
            c->next_line++;
        c->p++;
    }
    if (c->p >= c->end)
        return OV_OK;
    c->line = c->next_line;
    size_t k = 0;
    for (;;) {
        if (k >= cap)
            return ov_err_msg(err, OV_EINVAL, "csv", csv_too_many_fields,
                              (long long)c->line, cap);
        const char *s = c->p;
        if (s < c->end && *s == '"') {
            /* quoted: find the closing quote, counting escaped ones */
            const char *q = s + 1;
            size_t escapes = 0;
            for (;;) {
                const char *hit = memchr(q, '"', (size_t)(c->end - q));
                if (!hit)
                    return ov_err_msg(err, OV_EINVAL, "csv",
                                      csv_unterminated_quote,
                                      (long long)c->line, k + 1);
                for (const char *x = q; x < hit; x++)
                    if (*x == '\n')
                        c->next_line++;
                if (hit + 1 < c->end && hit[1] == '"') {
                    escapes++;
                    q = hit + 2;
                    continue;
                }
                q = hit;
                break;
            }
            size_t raw = (size_t)(q - (s + 1));
            if (raw - escapes > c->max_field_len)
                return too_long(c, k, err);
            if (escapes == 0) {
                fields[k] = (ov_str){s + 1, raw};
            } else {
                char *d = ov_arena_alloc(a, raw - escapes + 1);
                size_t o = 0;
                for (const char *x = s + 1; x < q; x++) {
                    d[o++] = *x;
                    if (*x == '"')
                        x++;
                }
                d[o] = '\0';
                fields[k] = (ov_str){d, o};
            }
            c->p = q + 1;
            if (c->p < c->end && *c->p != c->sep && *c->p != '\n' &&
                *c->p != '\r')
                return ov_err_msg(err, OV_EINVAL, "csv", csv_text_after_quote,
                                  (long long)c->line, k + 1);
        } else {
            const char *x = s;
            while (x < c->end && *x != c->sep && *x != '\n' && *x != '\r') {
                if (*x == '"')
                    return ov_err_msg(err, OV_EINVAL, "csv",
                                      csv_quote_inside, (long long)c->line,
                                      k + 1);
                x++;
            }
            if ((size_t)(x - s) > c->max_field_len)
                return too_long(c, k, err);
            fields[k] = (ov_str){s, (size_t)(x - s)};
            c->p = x;
        }
        k++;
        if (c->p < c->end && *c->p == c->sep) {
            c->p++;
            continue;
        }
        /* end of record: LF, CRLF or a lone CR, one line each */
        bool eol = false;
        if (c->p < c->end && *c->p == '\r') {
            c->p++;
            eol = true;
        }
        if (c->p < c->end && *c->p == '\n') {
            c->p++;
            eol = true;
        }
        if (eol)
            c->next_line++;
        break;
    }
    *n = k;
    return OV_OK;
}

void ov_csv_write_field(ov_buf *b, ov_str field, char sep)
{
    bool quote = false;
    for (size_t i = 0; i < field.len; i++) {
        char c = field.ptr[i];
        if (c == sep || c == '"' || c == '\n' || c == '\r')
            quote = true;
    }
    bool formula = field.len > 0 &&
                   (field.ptr[0] == '=' || field.ptr[0] == '+' ||
                    field.ptr[0] == '-' || field.ptr[0] == '@');
    if (quote)
        ov_buf_append_byte(b, '"');
    if (formula)
        ov_buf_append_byte(b, '\'');
    for (size_t i = 0; i < field.len; i++) {
        if (field.ptr[i] == '"')
            ov_buf_append_byte(b, '"');
        ov_buf_append_byte(b, field.ptr[i]);
    }
    if (quote)
        ov_buf_append_byte(b, '"');
}
