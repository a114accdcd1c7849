/*
 * arena.h - one arena per request or command.
 *
 * Everything a request or CLI command allocates comes from its arena and is
 * freed at once by ov_arena_destroy. Nothing is freed one by one. Allocation
 * failure aborts (see ov_xmalloc), so callers never check for NULL.
 * Cleanup callbacks (close a file, finalize a statement) run on destroy in
 * reverse order of registration.
 */
#ifndef OV_CORE_ARENA_H
#define OV_CORE_ARENA_H

#include <stddef.h>

typedef struct ov_arena ov_arena;

ov_arena *ov_arena_new(size_t block_size); /* 0 = default (16 KiB) */
void ov_arena_destroy(ov_arena *a);        /* NULL is fine */

/* Free everything but keep the first block, for reuse between requests. */
void ov_arena_reset(ov_arena *a);

/* Aligned to max_align_t; never NULL. Zeroed for the z variant. */
void *ov_arena_alloc(ov_arena *a, size_t n);
void *ov_arena_zalloc(ov_arena *a, size_t n);
#define OV_NEW(a, T) ((T *)ov_arena_zalloc((a), sizeof(T)))
#define OV_NEW_N(a, T, n) ((T *)ov_arena_zalloc((a), ov_size_mul((n), sizeof(T))))

/* An array that grows in the arena as rows arrive, instead of a zeroed
 * maximum up front: returns `arr` with room for at least `need` elements
 * of `size` bytes, the new ones zeroed, and updates *cap. A NULL `arr`
 * always gets its first slots (8 or more), so a list is never NULL. The
 * array doubles: in place when it is the newest allocation of its block,
 * else copied (the old copy stays until the arena is reset). */
void *ov_arena_grow(ov_arena *a, void *arr, size_t *cap, size_t need,
                    size_t size);
#define OV_GROW(a, arr, cap, need)                                          \
    ((arr) = ov_arena_grow((a), (arr), &(cap), (need), sizeof *(arr)))

/* Copies with a terminating NUL. */
char *ov_arena_strdup(ov_arena *a, const char *s);
char *ov_arena_memdup0(ov_arena *a, const void *p, size_t n);

/* printf into the arena (vsnprintf underneath, sized exactly). */
char *ov_arena_printf(ov_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

typedef void (*ov_cleanup_fn)(void *ctx);
void ov_arena_on_destroy(ov_arena *a, ov_cleanup_fn fn, void *ctx);

/* Bytes handed out so far (for benchmarks and memory caps). */
size_t ov_arena_used(const ov_arena *a);

#endif
