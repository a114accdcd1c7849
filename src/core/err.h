/*
 * err.h - status codes and errors a user can act on.
 *
 * Every fallible function returns an ov_status and, when it fails, fills an
 * ov_err whose message names the problem and the fix ("--db: cannot open
 * 'x.db': permission denied"). The optional field names the input that was
 * wrong (a form field, a CLI flag, "population.csv:17"), so a web form can
 * show the message next to the field and a CLI can print it on one line.
 *
 * An error a user can cause carries a message id from the catalogue in
 * core/errmsg.h and its arguments as text, raised with ov_err_msg: the
 * English msg is rendered from the catalogue at once (for the CLI, logs and
 * the JSON API), and the web renders the reader's language from the same
 * entry later (web/msg.h, ov_msg_error). ov_err_set, free English without
 * an id, is for errors only operators read (I/O, corruption, bugs) and for
 * the CLI-only layers; scripts/check-source refuses it for a user-facing
 * code in the layers the web reaches.
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
#define OV_ERR_ARGS_MAX 6     /* arguments of one catalogue message */
#define OV_ERR_ARG_BYTES 512  /* their texts together, each NUL-ended */

typedef struct ov_err {
    ov_status code;
    char field[OV_ERR_FIELD_MAX]; /* empty when not tied to one input */
    char msg[OV_ERR_MSG_MAX];     /* English, for the CLI, logs, JSON */
    int id;    /* an ov_msgid (core/errmsg.h); 0 when the error has none */
    int nargs; /* the arguments, rendered as text: %1 is args + arg[0] */
    unsigned short arg[OV_ERR_ARGS_MAX];
    char args[OV_ERR_ARG_BYTES];
} ov_err;

/* One argument of a catalogue message; OV_ARG picks the constructor by
 * the C type, so the caller passes plain values. */
typedef struct ov_arg {
    enum { OV_ARG_INT = 1, OV_ARG_UINT, OV_ARG_STR, OV_ARG_CHAR } kind;
    long long i;
    unsigned long long u;
    const char *s; /* OV_ARG_STR: n bytes, or up to the NUL when n is -1 */
    size_t n;
} ov_arg;

ov_arg ov_arg_int(long long v);
ov_arg ov_arg_uint(unsigned long long v);
ov_arg ov_arg_str(const char *s); /* NULL gives "" */
ov_arg ov_arg_strn(const char *s, size_t n); /* at most n bytes of s */
ov_arg ov_arg_char(char c);
ov_arg ov_arg_same(ov_arg a);
#define OV_ARG(x)                                                         \
    _Generic((x), char *: ov_arg_str, const char *: ov_arg_str,           \
             char: ov_arg_char, int: ov_arg_int, long: ov_arg_int,        \
             long long: ov_arg_int, unsigned: ov_arg_uint,                \
             unsigned long: ov_arg_uint, unsigned long long: ov_arg_uint, \
             ov_arg: ov_arg_same)(x)

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

/*
 * Record an error with a catalogue message and return its code:
 * `return ov_err_msg(err, OV_EINVAL, "minutes", cti_minutes_range, m);`
 * The id is the catalogue entry's name (core/errmsg.h); the arguments are
 * plain values (ints, sizes, strings; OV_ARG) or ov_arg_strn for a string
 * with a length. The build fails when the id is not in the catalogue or
 * the number of arguments differs from the entry's.
 */
#define ov_err_msg(err, code, field, ...)                                  \
    ((void)sizeof(struct {                                                 \
         _Static_assert(OV_ERR_CAT_(OV_EA_, OV_ERR_ID_(__VA_ARGS__, ~)) == \
                            OV_ERR_NARGS_(__VA_ARGS__) - 1,                \
                        "ov_err_msg: the number of arguments differs "     \
                        "from the catalogue entry (core/errmsg.h)");       \
         int ov_unused;                                                    \
     }),                                                                   \
     ov_err_msg_((err), (code), (field),                                   \
                 OV_ERR_CAT_(OV_EM_, OV_ERR_ID_(__VA_ARGS__, ~)),          \
                 (const ov_arg[]){{0} OV_ERR_CAT_(                         \
                     OV_ERR_WRAP_, OV_ERR_NARGS_(__VA_ARGS__))(__VA_ARGS__)}, \
                 OV_ERR_NARGS_(__VA_ARGS__) - 1))

/* The machinery of ov_err_msg: args[1..n] are the arguments (args[0] is
 * a placeholder, so a message without arguments needs no empty list). */
ov_status ov_err_msg_(ov_err *err, ov_status code, const char *field, int id,
                      const ov_arg *args, int n);
#define OV_ERR_CAT_(a, b) OV_ERR_CAT2_(a, b)
#define OV_ERR_CAT2_(a, b) a##b
#define OV_ERR_ID_(id, ...) id
#define OV_ERR_NARGS_(...) OV_ERR_NARGS_N_(__VA_ARGS__, 7, 6, 5, 4, 3, 2, 1, 0)
#define OV_ERR_NARGS_N_(a1, a2, a3, a4, a5, a6, a7, n, ...) n
#define OV_ERR_WRAP_1(id)
#define OV_ERR_WRAP_2(id, a) , OV_ARG(a)
#define OV_ERR_WRAP_3(id, a, b) , OV_ARG(a), OV_ARG(b)
#define OV_ERR_WRAP_4(id, a, b, c) , OV_ARG(a), OV_ARG(b), OV_ARG(c)
#define OV_ERR_WRAP_5(id, a, b, c, d) \
    , OV_ARG(a), OV_ARG(b), OV_ARG(c), OV_ARG(d)
#define OV_ERR_WRAP_6(id, a, b, c, d, e) \
    , OV_ARG(a), OV_ARG(b), OV_ARG(c), OV_ARG(d), OV_ARG(e)
#define OV_ERR_WRAP_7(id, a, b, c, d, e, f) \
    , OV_ARG(a), OV_ARG(b), OV_ARG(c), OV_ARG(d), OV_ARG(e), OV_ARG(f)

/* A catalogue text (ov_errmsg_da(err->id), ...) with the error's
 * arguments; see ov_errmsg_render. */
char *ov_err_render(const ov_err *err, const char *text, char *out,
                    size_t cap);

/* Argument i (0-based) of a catalogue error, "" past the last. */
const char *ov_err_arg(const ov_err *err, int i);

/* Prefix the existing message with "prefix: " (e.g. a file name and line).
 * Only the English message gets it (CLI and logs); the id stays. */
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

#include "core/errmsg.h" /* the catalogue ov_err_msg names its ids from */

#endif
