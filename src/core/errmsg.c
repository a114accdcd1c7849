/*
 * errmsg.c - the error catalogue's tables and its renderer (errmsg.h).
 */
#include "core/errmsg.h"

#include <string.h>

typedef struct entry {
    const char *key;
    int n;
    const char *en, *da;
} entry;

static const entry cat[OV_EM_COUNT] = {
    [OV_EM_NONE] = {NULL, -1, NULL, NULL},
#define OV_ERRMSG_ROW_(id, n_, en_, da_) [OV_EM_##id] = {#id, n_, en_, da_},
    OV_ERRMSGS(OV_ERRMSG_ROW_)
#undef OV_ERRMSG_ROW_
};

static const entry *at(int id)
{
    return id > 0 && id < OV_EM_COUNT ? &cat[id] : NULL;
}

const char *ov_errmsg_key(int id)
{
    return at(id) ? at(id)->key : NULL;
}

int ov_errmsg_nargs(int id)
{
    return at(id) ? at(id)->n : -1;
}

const char *ov_errmsg_en(int id)
{
    return at(id) ? at(id)->en : NULL;
}

const char *ov_errmsg_da(int id)
{
    return at(id) ? at(id)->da : NULL;
}

char *ov_errmsg_render(const char *text, const char *const *args, int nargs,
                       char *out, size_t cap)
{
    if (!cap)
        return out;
    size_t o = 0;
    for (const char *p = text ? text : ""; *p && o + 1 < cap; p++) {
        if (*p == '%' && p[1] == '%') {
            out[o++] = '%';
            p++;
        } else if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            const char *a = k < nargs && args[k] ? args[k] : "";
            size_t len = strlen(a);
            if (len > cap - 1 - o)
                len = cap - 1 - o;
            memcpy(out + o, a, len);
            o += len;
            p++;
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    return out;
}
