/*
 * err.h - status codes and errors a user can act on.
 *
 * Every fallible function returns an ov_status and, when it fails, fills an
 * ov_err whose message names the problem and the fix ("--db: cannot open
 * 'x.db': permission denied"). The optional field names the input that was
 * wrong (a form field, a CLI flag, "population.csv:17"), so a web form can
 * show the message next to the field and a CLI can print it on one line.
 */
#ifndef OV_CORE_ERR_H
#define OV_CORE_ERR_H

#include <stddef.h>

typedef enum ov_status {
    OV_OK = 0,
    OV_EINVAL,    /* bad input: the caller can fix it (HTTP 400/422, exit 2) */
    OV_ENOTFOUND, /* no such record, or one the caller may not see (404) */
    OV_ECONFLICT, /* stale version, duplicate key (409) */
    OV_EPERM,     /* not allowed (403) */
    OV_ETOOBIG,   /* a cap was exceeded (413) */
    OV_EIO,       /* file system or database failure (500, exit 1) */
    OV_ECORRUPT,  /* integrity check or audit chain failed (exit 1) */
    OV_ENOMEM,    /* reserved: allocation failures abort in ov_xmalloc */
    OV_EINTERNAL  /* a bug: an invariant did not hold */
} ov_status;

#define OV_ERR_MSG_MAX 512
#define OV_ERR_FIELD_MAX 96

typedef struct ov_err {
    ov_status code;
    char field[OV_ERR_FIELD_MAX]; /* empty when not tied to one input */
    char msg[OV_ERR_MSG_MAX];
} ov_err;

/* Reset to OV_OK with empty field and message. */
void ov_err_clear(ov_err *err);

/*
 * Record an error and return its code, so that callers can write
 * `return ov_err_set(err, OV_EINVAL, "date", "use YYYY-MM-DD");`.
 * err may be NULL (the code is still returned). field may be NULL.
 * The message is truncated, never overflowed, at OV_ERR_MSG_MAX.
 */
ov_status ov_err_set(ov_err *err, ov_status code, const char *field,
                     const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Prefix the existing message with "prefix: " (e.g. a file name and line). */
void ov_err_prefix(ov_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A stable lower-case name for the code ("invalid", "not_found", ...),
 * used as the machine-readable error code in JSON. */
const char *ov_status_name(ov_status code);

/* The CLI exit status for an error: 2 for usage/input errors, 1 otherwise. */
int ov_status_exit_code(ov_status code);

/* Allocation that never returns NULL: out of memory aborts in one place. */
void *ov_xmalloc(size_t n);
void *ov_xcalloc(size_t count, size_t size);
void *ov_xrealloc(void *p, size_t n);

/* Checked arithmetic for sizes; abort on overflow (a bug, not input). */
size_t ov_size_add(size_t a, size_t b);
size_t ov_size_mul(size_t a, size_t b);

#endif
