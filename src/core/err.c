#include "core/err.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ov_err_clear(ov_err *err)
{
    if (!err)
        return;
    err->code = OV_OK;
    err->field[0] = '\0';
    err->msg[0] = '\0';
}

ov_status ov_err_set(ov_err *err, ov_status code, const char *field,
                     const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->field, sizeof err->field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

void ov_err_prefix(ov_err *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[OV_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    char old[OV_ERR_MSG_MAX];
    memcpy(old, err->msg, sizeof old);
    snprintf(err->msg, sizeof err->msg, "%s: %s", prefix, old);
}

const char *ov_status_name(ov_status code)
{
    switch (code) {
    case OV_OK: return "ok";
    case OV_EINVAL: return "invalid";
    case OV_ENOTFOUND: return "not_found";
    case OV_ECONFLICT: return "conflict";
    case OV_EPERM: return "forbidden";
    case OV_ETOOBIG: return "too_large";
    case OV_EIO: return "io_error";
    case OV_ECORRUPT: return "corrupt";
    case OV_ENOMEM: return "out_of_memory";
    case OV_EINTERNAL: return "internal";
    }
    return "internal";
}

int ov_status_exit_code(ov_status code)
{
    switch (code) {
    case OV_OK: return 0;
    case OV_EINVAL:
    case OV_ETOOBIG: return 2;
    default: return 1;
    }
}

static void oom(size_t n)
{
    fprintf(stderr, "overgang: out of memory allocating %zu bytes\n", n);
    abort();
}

void *ov_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom(n);
    return p;
}

void *ov_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        oom(count * size);
    return p;
}

void *ov_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom(n);
    return q;
}

size_t ov_size_add(size_t a, size_t b)
{
    if (a > SIZE_MAX - b) {
        fprintf(stderr, "overgang: size overflow\n");
        abort();
    }
    return a + b;
}

size_t ov_size_mul(size_t a, size_t b)
{
    if (b && a > SIZE_MAX / b) {
        fprintf(stderr, "overgang: size overflow\n");
        abort();
    }
    return a * b;
}
