/*
 * html.h - the one HTML writer: escape by default, typed arguments.
 *
 * Every HTML the project writes (the web pages, the evaluation report, the
 * SVG charts of both) goes through here, into a capped ov_buf. It lives in
 * core so that src/web and src/report share it; web/html.h wraps it for a
 * response.
 *
 * Markup is written only from string literals: ov_html_blit accepts
 * nothing else (the macro pastes "" around it, so a variable does not
 * compile). Values are written by ov_html_bprintf, whose conversions are
 *   %h  an ov_str or a C string, HTML-escaped (text and attribute values)
 *   %u  an ov_str or a C string, percent-encoded (a URL query value)
 *   %d  an int          %D  an int64_t (or an int)       %%  a percent sign
 *   %t  a catalogue key (C string): its text in the writer's language,
 *       HTML-escaped (only where a look-up is given: web/html.h)
 * There is no raw %s.
 *
 * Arguments are typed at build time: the macros tag each argument with
 * _Generic, which has no default, so an argument that is not an ov_str, an
 * int, an int64_t or a C string (a double, a size_t, a bool, a struct, an
 * unsigned enum) does not compile. scripts/check-source (rule 7) parses
 * every call's format and checks the number of arguments and each one's
 * kind as far as the source shows it, and refuses a literal whose text the
 * escaper would change (markup passed as text, e.g. " inputmode=\"x\"":
 * write markup with the literal macro). At run time the writer checks each
 * conversion against its argument's tag once more: a mismatch, an unknown
 * conversion or a wrong count writes nothing, marks the buffer failed and
 * returns OV_EINVAL, so the caller's one check of `failed` at the end (the
 * web layer answers 500) sees it.
 */
#ifndef OV_CORE_HTML_H
#define OV_CORE_HTML_H

#include <stdint.h>

#include "core/str.h"

/* A tagged argument: the kind is set by OV_HTML_ARG from the C type. */
typedef enum ov_html_kind {
    OV_HK_STR = 1, /* ov_str */
    OV_HK_CSTR,    /* const char * (NULL writes nothing) */
    OV_HK_INT,     /* int */
    OV_HK_I64      /* int64_t */
} ov_html_kind;

typedef struct ov_html_arg {
    ov_html_kind kind;
    ov_str s;
    int64_t i;
} ov_html_arg;

static inline ov_html_arg ov_html_arg_str_(ov_str s)
{
    return (ov_html_arg){OV_HK_STR, s, 0};
}
static inline ov_html_arg ov_html_arg_cstr_(const char *c)
{
    return (ov_html_arg){OV_HK_CSTR, ov_str_c(c), 0};
}
static inline ov_html_arg ov_html_arg_int_(int v)
{
    return (ov_html_arg){OV_HK_INT, {NULL, 0}, v};
}
static inline ov_html_arg ov_html_arg_i64_(int64_t v)
{
    return (ov_html_arg){OV_HK_I64, {NULL, 0}, v};
}

/* No default: any other type is a compile error. */
#define OV_HTML_ARG(x)                                                    \
    _Generic((x), ov_str: ov_html_arg_str_, const char *: ov_html_arg_cstr_, \
             char *: ov_html_arg_cstr_, int: ov_html_arg_int_,            \
             int64_t: ov_html_arg_i64_)(x)

/* The catalogue look-up for %t (web/msg.h's ov_msg); NULL: no %t. */
typedef const char *(*ov_html_msg_fn)(int lang, const char *key);

typedef struct ov_html_out {
    ov_buf *b;
    ov_html_msg_fn msg;
    int lang;
} ov_html_out;

/* The writer behind the macros: nargs tagged arguments for fmt. */
ov_status ov_html_format_(ov_html_out out, const char *fmt,
                          const ov_html_arg *args, int nargs);

/* Escape into a buffer: & < > " ' ` become entities. */
ov_status ov_html_escape(ov_buf *b, ov_str s);
/* Percent-encode everything but A-Z a-z 0-9 - _ . ~ */
ov_status ov_html_url_encode(ov_buf *b, ov_str s);
/* A whole number in decimal. */
ov_status ov_html_put_int(ov_buf *b, int64_t v);

/* Markup from a string literal only. */
#define ov_html_blit(b, s) ov_buf_append_c((b), "" s "")
/* Markup from a file's constant `static const char NAME[] = "..." ...;`
 * too long for one call (a style sheet). scripts/check-source (rule 7)
 * accepts only such a name, initialised with literals in the same file;
 * the length is the array's, so a pointer would not work either. */
#define ov_html_bconst(b, name) ov_buf_append((b), (name), sizeof(name) - 1)

/* ov_html_bprintf(buf, "literal format", args...) into an ov_buf. */
#define ov_html_bprintf(...) \
    OV_HTML_CALL_(ov_html_bout_, OV_HTML_NARG_(__VA_ARGS__), __VA_ARGS__)

static inline ov_html_out ov_html_bout_(ov_buf *b)
{
    return (ov_html_out){b, NULL, 0};
}

/* ---- argument counting and tagging (up to 14 arguments) ---- */

#define OV_HTML_NARG_(...)                                                \
    OV_HTML_NTH_(__VA_ARGS__, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, \
                 3, 2, 1, 0, 0)
#define OV_HTML_NTH_(d, f, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11,  \
                     a12, a13, a14, a15, a16, n, ...)                     \
    n
#define OV_HTML_CAT_(a, b) OV_HTML_CAT2_(a, b)
#define OV_HTML_CAT2_(a, b) a##b
/* out_fn(dest) makes the ov_html_out; the format must be a literal. */
#define OV_HTML_CALL_(out_fn, n, dest, ...) \
    OV_HTML_CAT_(OV_HTML_CALL_, n)(out_fn, dest, __VA_ARGS__)
#define OV_HTML_CALL_0(o, d, f) ov_html_format_(o(d), "" f "", NULL, 0)
#define OV_HTML_CALL_N_(o, d, f, n, ...)                                  \
    ov_html_format_(o(d), "" f "", (const ov_html_arg[]){__VA_ARGS__}, n)
#define OV_HTML_A_(x) OV_HTML_ARG(x)
#define OV_HTML_CALL_1(o, d, f, a) OV_HTML_CALL_N_(o, d, f, 1, OV_HTML_A_(a))
#define OV_HTML_CALL_2(o, d, f, a, b)                                     \
    OV_HTML_CALL_N_(o, d, f, 2, OV_HTML_A_(a), OV_HTML_A_(b))
#define OV_HTML_CALL_3(o, d, f, a, b, c)                                  \
    OV_HTML_CALL_N_(o, d, f, 3, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c))
#define OV_HTML_CALL_4(o, d, f, a, b, c, e)                               \
    OV_HTML_CALL_N_(o, d, f, 4, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e))
#define OV_HTML_CALL_5(o, d, f, a, b, c, e, g)                            \
    OV_HTML_CALL_N_(o, d, f, 5, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g))
#define OV_HTML_CALL_6(o, d, f, a, b, c, e, g, h)                         \
    OV_HTML_CALL_N_(o, d, f, 6, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h))
#define OV_HTML_CALL_7(o, d, f, a, b, c, e, g, h, i)                      \
    OV_HTML_CALL_N_(o, d, f, 7, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i))
#define OV_HTML_CALL_8(o, d, f, a, b, c, e, g, h, i, j)                   \
    OV_HTML_CALL_N_(o, d, f, 8, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i), \
                    OV_HTML_A_(j))
#define OV_HTML_CALL_9(o, d, f, a, b, c, e, g, h, i, j, k)                \
    OV_HTML_CALL_N_(o, d, f, 9, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i), \
                    OV_HTML_A_(j), OV_HTML_A_(k))
#define OV_HTML_CALL_10(o, d, f, a, b, c, e, g, h, i, j, k, l)            \
    OV_HTML_CALL_N_(o, d, f, 10, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i), \
                    OV_HTML_A_(j), OV_HTML_A_(k), OV_HTML_A_(l))
#define OV_HTML_CALL_11(o, d, f, a, b, c, e, g, h, i, j, k, l, m)         \
    OV_HTML_CALL_N_(o, d, f, 11, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i), \
                    OV_HTML_A_(j), OV_HTML_A_(k), OV_HTML_A_(l), OV_HTML_A_(m))
#define OV_HTML_CALL_12(o, d, f, a, b, c, e, g, h, i, j, k, l, m, p)      \
    OV_HTML_CALL_N_(o, d, f, 12, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i), \
                    OV_HTML_A_(j), OV_HTML_A_(k), OV_HTML_A_(l), OV_HTML_A_(m), \
                    OV_HTML_A_(p))
#define OV_HTML_CALL_13(o, d, f, a, b, c, e, g, h, i, j, k, l, m, p, q)   \
    OV_HTML_CALL_N_(o, d, f, 13, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i), \
                    OV_HTML_A_(j), OV_HTML_A_(k), OV_HTML_A_(l), OV_HTML_A_(m), \
                    OV_HTML_A_(p), OV_HTML_A_(q))
#define OV_HTML_CALL_14(o, d, f, a, b, c, e, g, h, i, j, k, l, m, p, q, r) \
    OV_HTML_CALL_N_(o, d, f, 14, OV_HTML_A_(a), OV_HTML_A_(b), OV_HTML_A_(c), \
                    OV_HTML_A_(e), OV_HTML_A_(g), OV_HTML_A_(h), OV_HTML_A_(i), \
                    OV_HTML_A_(j), OV_HTML_A_(k), OV_HTML_A_(l), OV_HTML_A_(m), \
                    OV_HTML_A_(p), OV_HTML_A_(q), OV_HTML_A_(r))

#endif
