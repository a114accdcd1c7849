/*
 * str.h - length-carrying strings and capped growable buffers.
 *
 * ov_str is a view {ptr, len}: anything from the network or a file is an
 * ov_str, never a bare char *. ptr need not be NUL-terminated.
 *
 * ov_buf is a growable byte buffer with a hard maximum given at init. An
 * append that would pass the maximum fails with OV_ETOOBIG, appends nothing,
 * and makes the buffer "failed" so later appends fail too (one check at the
 * end suffices). The content is always NUL-terminated for convenience.
 */
#ifndef OV_CORE_STR_H
#define OV_CORE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

typedef struct ov_str {
    const char *ptr;
    size_t len;
} ov_str;

#define OV_STR_LIT(s) ((ov_str){(s), sizeof(s) - 1})
#define OV_STR_NULL ((ov_str){NULL, 0})

ov_str ov_str_c(const char *s); /* NULL gives the empty string */
bool ov_str_eq(ov_str a, ov_str b);
bool ov_str_eq_c(ov_str a, const char *s);
bool ov_str_starts_with(ov_str s, ov_str prefix);
ov_str ov_str_trim(ov_str s); /* ASCII whitespace at both ends */
/* Split at the first `sep`: head is before it, the return value is after it;
 * when sep is absent head = s and the result is OV_STR_NULL (ptr NULL). */
ov_str ov_str_cut(ov_str s, char sep, ov_str *head);
char *ov_str_dup0(ov_arena *a, ov_str s); /* NUL-terminated copy */
/* Strict decimal parse of the whole string (optional leading '-'). */
ov_status ov_str_to_i64(ov_str s, int64_t *out);
/* True when every byte is an ASCII digit and len > 0. */
bool ov_str_is_digits(ov_str s);
/* True when s is valid UTF-8 (no overlongs, no surrogates). */
bool ov_str_is_utf8(ov_str s);

typedef struct ov_buf {
    char *data;     /* NUL-terminated; owned by the arena or the heap */
    size_t len;
    size_t cap;     /* allocated bytes, excluding the NUL */
    size_t max;     /* hard cap on len */
    ov_arena *arena; /* NULL: heap, release with ov_buf_free */
    bool failed;
} ov_buf;

/* max must be > 0. With arena NULL the buffer lives on the heap. */
void ov_buf_init(ov_buf *b, ov_arena *arena, size_t max);
void ov_buf_free(ov_buf *b); /* heap buffers; no-op for arena buffers */
void ov_buf_reset(ov_buf *b); /* len = 0, failed = false */

ov_status ov_buf_append(ov_buf *b, const void *p, size_t n);
ov_status ov_buf_append_str(ov_buf *b, ov_str s);
ov_status ov_buf_append_c(ov_buf *b, const char *s);
ov_status ov_buf_append_byte(ov_buf *b, char c);
ov_status ov_buf_printf(ov_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
ov_str ov_buf_str(const ov_buf *b);

/* Hex encoding of binary data into a caller buffer of 2*n+1 bytes. */
void ov_hex_encode(const uint8_t *in, size_t n, char *out);
/* Decode exactly out_len bytes from 2*out_len hex chars. */
ov_status ov_hex_decode(ov_str hex, uint8_t *out, size_t out_len);

#endif
