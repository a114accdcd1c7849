/*
 * The error catalogue (core/errmsg.h): every message has a Danish and an
 * English text whose "%N" fit its arguments, every id in the catalogue is
 * raised somewhere in src (an id nobody uses is dead text), and errors
 * carry their id and arguments so either language renders from them.
 * (An id the code uses but the catalogue lacks does not compile.)
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/err.h"
#include "core/errmsg.h"

/* The highest "%N" in a text (0 if none), and which N it uses; false
 * when a '%' is followed by neither a digit 1-9 nor '%'. */
static bool scan(const char *t, int *max, unsigned *used)
{
    *max = 0;
    *used = 0;
    for (const char *p = t; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        if (p[1] < '1' || p[1] > '9')
            return false;
        int k = p[1] - '0';
        *used |= 1u << k;
        if (k > *max)
            *max = k;
        p++;
    }
    return true;
}

static void every_message_has_danish_and_english_that_fit_its_arguments(
    void **state)
{
    (void)state;
    assert_true(OV_EM_COUNT > 1);
    for (int id = 1; id < OV_EM_COUNT; id++) {
        const char *key = ov_errmsg_key(id);
        const char *en = ov_errmsg_en(id), *da = ov_errmsg_da(id);
        int n = ov_errmsg_nargs(id);
        assert_non_null(key);
        if (!en || !en[0])
            fail_msg("error message '%s' has no English text", key);
        if (!da || !da[0])
            fail_msg("error message '%s' has no Danish text", key);
        if (n < 0 || n > OV_ERR_ARGS_MAX)
            fail_msg("error message '%s' has %d arguments (0-%d)", key, n,
                     OV_ERR_ARGS_MAX);
        int max;
        unsigned used;
        if (!scan(en, &max, &used) || max > n)
            fail_msg("error message '%s': the English text has a '%%' that "
                     "is no argument 1-%d (write %%%% for a percent sign)",
                     key, n);
        if (used != ((1u << (n + 1)) - 2))
            fail_msg("error message '%s': the English text does not use "
                     "every one of its %d arguments",
                     key, n);
        if (!scan(da, &max, &used) || max > n)
            fail_msg("error message '%s': the Danish text has a '%%' that "
                     "is no argument 1-%d",
                     key, n);
        for (int j = 1; j < id; j++)
            if (strcmp(ov_errmsg_key(j), key) == 0)
                fail_msg("error message '%s' appears twice", key);
    }
}

/* Every .c and .h file of src/<layer> in one buffer (the tests run from the
 * repository root). */
static char *read_sources(void)
{
    static const char *const layers[] = {"core",  "model", "store", "web",
                                         "stats", "report", "cli", "econ"};
    size_t cap = 1 << 20, len = 0;
    char *all = malloc(cap);
    assert_non_null(all);
    for (size_t l = 0; l < sizeof layers / sizeof layers[0]; l++) {
        char dir[64];
        snprintf(dir, sizeof dir, "src/%s", layers[l]);
        DIR *d = opendir(dir);
        if (!d)
            fail_msg("run the tests from the repository root (%s missing)",
                     dir);
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t n = strlen(e->d_name);
            if (n < 3 || e->d_name[n - 2] != '.' ||
                (e->d_name[n - 1] != 'c' && e->d_name[n - 1] != 'h') ||
                strcmp(e->d_name, "errmsg.h") == 0)
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            FILE *f = fopen(path, "r");
            assert_non_null(f);
            for (;;) {
                if (cap - len < 65536) {
                    cap *= 2;
                    all = realloc(all, cap);
                    assert_non_null(all);
                }
                size_t got = fread(all + len, 1, cap - len - 1, f);
                len += got;
                if (got == 0)
                    break;
            }
            fclose(f);
            all[len++] = '\n';
        }
        closedir(d);
    }
    all[len] = '\0';
    return all;
}

static bool is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

/* Is the name at p (n bytes) an argument, as ov_err_msg takes its id: a
 * comma before it and a comma or ')' after it? (A function of the same
 * name, or a word in a comment, does not count.) */
static bool raised_at(const char *src, const char *p, size_t n)
{
    const char *b = p - 1;
    while (b > src && (*b == ' ' || *b == '\n'))
        b--;
    const char *e = p + n;
    while (*e == ' ' || *e == '\n')
        e++;
    return *b == ',' && (*e == ',' || *e == ')');
}

static void every_message_in_the_catalogue_is_raised_somewhere(void **state)
{
    (void)state;
    char *src = read_sources();
    for (int id = 1; id < OV_EM_COUNT; id++) {
        const char *key = ov_errmsg_key(id);
        size_t n = strlen(key);
        bool found = false;
        for (const char *p = src; !found && (p = strstr(p, key)); p += n)
            found = p > src && !is_word(p[-1]) && !is_word(p[n]) &&
                    raised_at(src, p, n);
        if (!found)
            fail_msg("error message '%s' is in core/errmsg.h but nothing in "
                     "src raises it; remove it",
                     key);
    }
    free(src);
}

static void an_error_keeps_its_id_and_arguments_and_renders_english(
    void **state)
{
    (void)state;
    ov_err e;
    char buf[8] = "abc";
    assert_int_equal(
        ov_err_msg(&e, OV_EINVAL, "note", web_localized, buf), OV_EINVAL);
    assert_int_equal(e.id, OV_EM_web_localized);
    assert_string_equal(e.field, "note");
    assert_int_equal(e.nargs, 1);
    assert_string_equal(ov_err_arg(&e, 0), "abc");
    assert_string_equal(ov_err_arg(&e, 1), "");
    assert_string_equal(e.msg, "abc");
    /* the argument is copied: the caller's buffer may go away */
    buf[0] = 'x';
    assert_string_equal(e.msg, "abc");
    assert_string_equal(ov_err_arg(&e, 0), "abc");
    /* numbers of any width, strings with a length */
    ov_err_msg(&e, OV_EINVAL, NULL, web_localized, (size_t)42);
    assert_string_equal(e.msg, "42");
    ov_err_msg(&e, OV_EINVAL, NULL, web_localized, (long long)-7);
    assert_string_equal(e.msg, "-7");
    ov_err_msg(&e, OV_EINVAL, NULL, web_localized,
               ov_arg_strn("2026-13-01T", 10));
    assert_string_equal(e.msg, "2026-13-01");
    ov_err_msg(&e, OV_EINVAL, NULL, web_localized, (const char *)NULL);
    assert_string_equal(e.msg, "");
    /* ov_err_set leaves no id behind */
    ov_err_set(&e, OV_EIO, NULL, "disk full");
    assert_int_equal(e.id, 0);
    assert_int_equal(e.nargs, 0);
}

static void render_substitutes_arguments_and_cuts_without_overrun(
    void **state)
{
    (void)state;
    const char *args[] = {"7", "weeks"};
    char out[64];
    assert_string_equal(
        ov_errmsg_render("got %1 %2; 100%% of %3", args, 2, out, sizeof out),
        "got 7 weeks; 100% of ");
    char small[6];
    ov_errmsg_render("%2 and %1", args, 2, small, sizeof small);
    assert_string_equal(small, "weeks");
    ov_errmsg_render("abc", args, 2, small, 1);
    assert_string_equal(small, "");
    /* a long argument is cut at the message size, never overrun */
    char big[400];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ov_err e;
    ov_err_msg(&e, OV_EINVAL, NULL, web_localized, big);
    assert_true(strlen(ov_err_arg(&e, 0)) < OV_ERR_ARG_BYTES);
    assert_true(strlen(e.msg) < OV_ERR_MSG_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            every_message_has_danish_and_english_that_fit_its_arguments),
        cmocka_unit_test(every_message_in_the_catalogue_is_raised_somewhere),
        cmocka_unit_test(
            an_error_keeps_its_id_and_arguments_and_renders_english),
        cmocka_unit_test(
            render_substitutes_arguments_and_cuts_without_overrun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
