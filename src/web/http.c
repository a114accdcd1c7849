#include "web/http.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

ov_method ov_method_parse(const char *m)
{
    if (strcmp(m, "GET") == 0)
        return OV_GET;
    if (strcmp(m, "POST") == 0)
        return OV_POST;
    if (strcmp(m, "PUT") == 0)
        return OV_PUT;
    if (strcmp(m, "DELETE") == 0)
        return OV_DELETE;
    return OV_METHOD_OTHER;
}

ov_str ov_request_header(const ov_request *r, const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; i < r->nheaders; i++)
        if (r->headers[i].name.len == n &&
            strncasecmp(r->headers[i].name.ptr, name, n) == 0)
            return r->headers[i].value;
    return OV_STR_NULL;
}

void ov_response_init(ov_response *res, ov_arena *a, size_t max)
{
    memset(res, 0, sizeof *res);
    res->status = 200;
    res->content_type = "text/plain; charset=utf-8";
    ov_buf_init(&res->body, a, max);
}

char *ov_url_encode(ov_arena *a, ov_str s, const char *keep)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = ov_arena_alloc(a, s.len * 3 + 1);
    size_t o = 0;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
            c == '~' || (c && keep && strchr(keep, c))) {
            out[o++] = (char)c;
        } else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
    return out;
}

/* A Location value with every byte outside printable ASCII (and the
 * space) percent-encoded; the value itself when there is none. Existing
 * escapes ("%2F") are kept as they are. */
static const char *location_value(ov_response *res, const char *value)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(value), bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)value[i];
        bad += c <= 0x20 || c >= 0x7f;
    }
    if (!bad)
        return value;
    if (!res->body.arena)
        return "/"; /* no arena to encode into: never a broken header */
    char *out = ov_arena_alloc(res->body.arena, n + 2 * bad + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)value[i];
        if (c <= 0x20 || c >= 0x7f) {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return out;
}

void ov_response_header(ov_response *res, const char *name, const char *value)
{
    if (strcasecmp(name, "Location") == 0)
        value = location_value(res, value);
    for (int i = 0; i < res->nheaders; i++)
        if (ov_str_eq_c(res->headers[i].name, name)) {
            res->headers[i].value = ov_str_c(value);
            return;
        }
    if (res->nheaders < OV_HTTP_MAX_HEADERS)
        res->headers[res->nheaders++] =
            (ov_header){ov_str_c(name), ov_str_c(value)};
}

void ov_response_security_headers(ov_response *res)
{
    ov_response_header(res, "Content-Security-Policy",
                       "default-src 'self'; script-src 'self'; "
                       "style-src 'self'; img-src 'self' data:; "
                       "object-src 'none'; base-uri 'none'; "
                       "form-action 'self'; frame-ancestors 'none'");
    ov_response_header(res, "X-Content-Type-Options", "nosniff");
    ov_response_header(res, "Referrer-Policy", "no-referrer");
    ov_response_header(res, "X-Frame-Options", "DENY");
    ov_response_header(res, "Cache-Control", "no-store");
}

void ov_response_json(ov_response *res, int status, ov_str json)
{
    res->status = status;
    res->content_type = "application/json";
    ov_buf_reset(&res->body);
    if (ov_buf_append_str(&res->body, json) != OV_OK) {
        ov_buf_reset(&res->body);
        res->status = 500;
        ov_buf_append_c(&res->body,
                        "{\"error\":{\"code\":\"too_large\",\"message\":"
                        "\"the response is larger than its cap\"}}");
    }
}

int ov_status_http(ov_status code)
{
    switch (code) {
    case OV_OK: return 200;
    case OV_EINVAL: return 400;
    case OV_ENOTFOUND: return 404;
    case OV_ECONFLICT: return 409;
    case OV_EPERM: return 403;
    case OV_ETOOBIG: return 413;
    default: return 500;
    }
}

void ov_response_error_status(ov_response *res, int status, const char *code,
                              const char *message)
{
    json_t *e = json_pack("{s:{s:s,s:s}}", "error", "code", code, "message",
                          message);
    char *text = e ? json_dumps(e, JSON_COMPACT) : NULL;
    json_decref(e);
    ov_response_json(res, status, ov_str_c(text ? text : "{}"));
    free(text);
}

void ov_response_error(ov_response *res, const ov_err *err)
{
    if (!err->field[0]) {
        ov_response_error_status(res, ov_status_http(err->code),
                                 ov_status_name(err->code),
                                 err->msg[0] ? err->msg
                                             : ov_status_name(err->code));
        return;
    }
    /* the field lets an integration show the message next to its input */
    json_t *e = json_pack("{s:{s:s,s:s,s:s}}", "error", "code",
                          ov_status_name(err->code), "message",
                          err->msg[0] ? err->msg : ov_status_name(err->code),
                          "field", err->field);
    char *text = e ? json_dumps(e, JSON_COMPACT) : NULL;
    json_decref(e);
    ov_response_json(res, ov_status_http(err->code),
                     ov_str_c(text ? text : "{}"));
    free(text);
}

void ov_response_static(ov_response *res, const char *content_type,
                        ov_str body)
{
    res->status = 200;
    res->content_type = content_type;
    ov_buf_reset(&res->body);
    ov_buf_append_str(&res->body, body);
    /* the files are built into the binary: cache them for an hour */
    ov_response_header(res, "Cache-Control", "public, max-age=3600");
}

void ov_response_download(ov_response *res, const char *content_type,
                          const char *filename, ov_str body)
{
    res->status = 200;
    res->content_type = content_type;
    ov_buf_reset(&res->body);
    ov_buf_append_str(&res->body, body);
    if (!res->body.arena) {
        ov_response_header(res, "Content-Disposition", "attachment");
        return;
    }
    char *cd = ov_arena_printf(res->body.arena,
                               "attachment; filename=\"%s\"", filename);
    ov_response_header(res, "Content-Disposition", cd);
}
