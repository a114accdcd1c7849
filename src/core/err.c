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
    err->id = 0;
    err->nargs = 0;
}

ov_status ov_err_set(ov_err *err, ov_status code, const char *field,
                     const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->id = 0;
    err->nargs = 0;
    snprintf(err->field, sizeof err->field, "%s", field ? field : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

ov_arg ov_arg_int(long long v)
{
    return (ov_arg){.kind = OV_ARG_INT, .i = v};
}

ov_arg ov_arg_uint(unsigned long long v)
{
    return (ov_arg){.kind = OV_ARG_UINT, .u = v};
}

ov_arg ov_arg_str(const char *s)
{
    return (ov_arg){.kind = OV_ARG_STR, .s = s ? s : "", .n = (size_t)-1};
}

ov_arg ov_arg_strn(const char *s, size_t n)
{
    return (ov_arg){.kind = OV_ARG_STR, .s = s ? s : "", .n = s ? n : 0};
}

ov_arg ov_arg_char(char c)
{
    return (ov_arg){.kind = OV_ARG_CHAR, .i = (unsigned char)c};
}

ov_arg ov_arg_same(ov_arg a)
{
    return a;
}

/* The text of one argument, appended to err->args (cut when full). */
static void put_arg(ov_err *err, size_t *used, const ov_arg *a)
{
    char num[32];
    const char *s = num;
    size_t len;
    switch (a->kind) {
    case OV_ARG_STR:
        s = a->s;
        len = a->n == (size_t)-1 ? strlen(s) : strnlen(s, a->n);
        break;
    case OV_ARG_UINT:
        len = (size_t)snprintf(num, sizeof num, "%llu", a->u);
        break;
    case OV_ARG_CHAR:
        num[0] = (char)a->i;
        num[1] = '\0';
        len = 1;
        break;
    case OV_ARG_INT:
    default:
        len = (size_t)snprintf(num, sizeof num, "%lld", a->i);
        break;
    }
    size_t room = sizeof err->args - *used - 1;
    if (len > room)
        len = room;
    memcpy(err->args + *used, s, len);
    err->args[*used + len] = '\0';
    err->arg[err->nargs++] = (unsigned short)*used;
    *used += len + 1;
}

ov_status ov_err_msg_(ov_err *err, ov_status code, const char *field, int id,
                      const ov_arg *args, int n)
{
    if (!err)
        return code;
    err->code = code;
    err->id = id;
    err->nargs = 0;
    snprintf(err->field, sizeof err->field, "%s", field ? field : "");
    size_t used = 0;
    for (int i = 0; i < n && i < OV_ERR_ARGS_MAX && used < sizeof err->args;
         i++)
        put_arg(err, &used, &args[i + 1]);
    ov_err_render(err, ov_errmsg_en(id), err->msg, sizeof err->msg);
    return code;
}

char *ov_err_render(const ov_err *err, const char *text, char *out,
                    size_t cap)
{
    const char *texts[OV_ERR_ARGS_MAX];
    int n = err->nargs < OV_ERR_ARGS_MAX ? err->nargs : OV_ERR_ARGS_MAX;
    for (int i = 0; i < n; i++)
        texts[i] = err->args + err->arg[i];
    return ov_errmsg_render(text, texts, n, out, cap);
}

const char *ov_err_arg(const ov_err *err, int i)
{
    if (!err || i < 0 || i >= err->nargs)
        return "";
    return err->args + err->arg[i];
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
