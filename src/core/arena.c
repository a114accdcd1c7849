#include "core/arena.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

#define ARENA_DEFAULT_BLOCK (16 * 1024)
#define ARENA_ALIGN (_Alignof(max_align_t))

typedef struct block {
    struct block *next;
    size_t size; /* usable bytes in data */
    size_t used;
    _Alignas(max_align_t) unsigned char data[];
} block;

typedef struct cleanup {
    struct cleanup *next;
    ov_cleanup_fn fn;
    void *ctx;
} cleanup;

struct ov_arena {
    block *head;  /* current block; older blocks follow */
    block *first; /* the block made with the arena, kept by reset */
    size_t block_size;
    size_t used;
    cleanup *cleanups;
};

static block *block_new(size_t size)
{
    block *b = ov_xmalloc(ov_size_add(sizeof(block), size));
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

ov_arena *ov_arena_new(size_t block_size)
{
    ov_arena *a = ov_xcalloc(1, sizeof *a);
    a->block_size = block_size ? block_size : ARENA_DEFAULT_BLOCK;
    a->head = block_new(a->block_size);
    a->first = a->head;
    return a;
}

static void run_cleanups(ov_arena *a)
{
    cleanup *c = a->cleanups;
    a->cleanups = NULL;
    while (c) {
        c->fn(c->ctx);
        c = c->next; /* the records live in the arena: freed with it */
    }
}

void ov_arena_destroy(ov_arena *a)
{
    if (!a)
        return;
    run_cleanups(a);
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void ov_arena_reset(ov_arena *a)
{
    run_cleanups(a);
    block *b = a->head;
    while (b) {
        block *next = b->next;
        if (b != a->first)
            free(b);
        b = next;
    }
    a->first->next = NULL;
    a->first->used = 0;
    a->head = a->first;
    a->used = 0;
}

/* n rounded up to the alignment (aborts if that wraps) */
static size_t aligned(size_t n)
{
    size_t r = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    return r < n ? ov_size_add(n, ARENA_ALIGN) : r;
}

void *ov_arena_alloc(ov_arena *a, size_t n)
{
    size_t need = aligned(n);
    block *b = a->head;
    if (b->size - b->used < need) {
        if (need > a->block_size / 4) {
            /* large: own block, placed behind the current one so the
             * current block keeps serving small requests */
            block *big = block_new(need);
            big->used = need;
            big->next = b->next;
            b->next = big;
            a->used += need;
            return big->data;
        }
        b = block_new(a->block_size);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->used += need;
    return p;
}

void *ov_arena_zalloc(ov_arena *a, size_t n)
{
    void *p = ov_arena_alloc(a, n);
    memset(p, 0, n);
    return p;
}

void *ov_arena_grow(ov_arena *a, void *arr, size_t *cap, size_t need,
                    size_t size)
{
    if (arr && need <= *cap)
        return arr;
    size_t old = arr ? *cap : 0;
    size_t ncap = old ? old : 8;
    while (ncap < need)
        ncap = ov_size_mul(ncap, 2);
    size_t old_bytes = aligned(old * size);
    size_t new_bytes = ov_size_mul(ncap, size);
    block *b = a->head;
    unsigned char *p = arr;
    if (arr && p + old_bytes == b->data + b->used &&
        b->size - (b->used - old_bytes) >= aligned(new_bytes)) {
        /* the newest allocation of the current block: extend in place */
        size_t more = aligned(new_bytes) - old_bytes;
        b->used += more;
        a->used += more;
    } else {
        p = ov_arena_alloc(a, new_bytes);
        if (old)
            memcpy(p, arr, old * size);
    }
    memset(p + old * size, 0, (ncap - old) * size);
    *cap = ncap;
    return p;
}

char *ov_arena_memdup0(ov_arena *a, const void *p, size_t n)
{
    char *s = ov_arena_alloc(a, ov_size_add(n, 1));
    if (n)
        memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

char *ov_arena_strdup(ov_arena *a, const char *s)
{
    return ov_arena_memdup0(a, s, strlen(s));
}

char *ov_arena_printf(ov_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        return ov_arena_strdup(a, "");
    }
    char *s = ov_arena_alloc(a, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

void ov_arena_on_destroy(ov_arena *a, ov_cleanup_fn fn, void *ctx)
{
    cleanup *c = ov_arena_alloc(a, sizeof *c);
    c->fn = fn;
    c->ctx = ctx;
    c->next = a->cleanups;
    a->cleanups = c;
}

size_t ov_arena_used(const ov_arena *a)
{
    return a->used;
}
