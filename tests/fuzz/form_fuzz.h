/*
 * form_fuzz.h - what the three body targets (fuzz_form_urlencoded,
 * fuzz_form_multipart, fuzz_json_body) share: one field list with every
 * field type, the checks a parsed form must pass, and the form written
 * again as another body.
 *
 * Invariants: a parse returns OV_OK exactly when it recorded no error;
 * every error names a field and says something; every pair kept names a
 * declared field that matches it; an accepted form holds only values its
 * fields allow (caps, UTF-8, no control characters, integers in range,
 * dates and hours that parse); and an accepted form written again as a
 * urlencoded or multipart body parses to the same pairs.
 */
#ifndef OV_TESTS_FORM_FUZZ_H
#define OV_TESTS_FORM_FUZZ_H

#include "fuzz.h"

#include "core/arena.h"
#include "model/placement.h"
#include "web/form.h"

static inline const char *ff_color(int i)
{
    static const char *const c[] = {"red", "green", "blå"};
    return i >= 0 && i < 3 ? c[i] : NULL;
}

/* The labels are catalogue keys of src/web/msg.c. */
static const ov_field ff_spec[] = {
    {.name = "name", .type = OV_F_TEXT, .required = true, .max = 40,
     .label = "company.name"},
    {.name = "notes", .type = OV_F_TEXTAREA, .max = 300,
     .label = "meeting.notes"},
    {.name = "n", .type = OV_F_INT, .min = -5, .max_i = 99,
     .label = "cti.minutes"},
    {.name = "version", .type = OV_F_HIDDEN, .label = "cti.minutes"},
    {.name = "on", .type = OV_F_DATE, .label = "common.date"},
    {.name = "ok", .type = OV_F_BOOL, .label = "plan.with_citizen"},
    {.name = "color", .type = OV_F_CHOICE, .option = ff_color, .noptions = 3,
     .option_prefix = "color", .label = "plan.status"},
    {.name = "tags", .type = OV_F_CHOICES, .max = 3, .option = ff_color,
     .noptions = 3, .option_prefix = "color", .label = "plan.status"},
    {.name = "hours", .type = OV_F_HOURS, .label = "hours.ordinary"},
    {.name = "file", .type = OV_F_FILE, .label = "company.name"},
    {.name = "raw", .type = OV_F_JSON, .label = "plan.goal"},
    {.name = "goals.*.text", .type = OV_F_TEXT, .max = 30,
     .label = "plan.goal"},
    {.name = "goals.*.subgoals.*.n", .type = OV_F_INT, .min = 0, .max_i = 4,
     .label = "plan.goal"},
    {.name = "assessment.*.rating", .type = OV_F_CHOICE, .option = ff_color,
     .noptions = 3, .option_prefix = "color", .label = "plan.status"},
};
#define FF_NSPEC ((int)(sizeof ff_spec / sizeof ff_spec[0]))

static inline void ff_init(ov_form *f, ov_arena *a, ov_lang lang)
{
    ov_form_init(f, ff_spec, FF_NSPEC, lang, a);
}

/* The checks every parse result passes (see the header). */
static inline void ff_check(const ov_form *f, ov_status st)
{
    FUZZ_CHECK((st == OV_OK) == (f->nerrors == 0), "status %d, %d errors",
               (int)st, f->nerrors);
    FUZZ_CHECK(st == OV_OK || st == OV_EINVAL, "status %d", (int)st);
    FUZZ_CHECK(f->n >= 0 && f->n <= OV_FORM_MAX_PAIRS, "%d pairs", f->n);
    FUZZ_CHECK(f->nerrors <= OV_FORM_MAX_ERRORS, "%d errors", f->nerrors);
    for (int i = 0; i < f->nerrors; i++)
        FUZZ_CHECK(f->errors[i].msg[0] != '\0', "error %d says nothing", i);
    for (int i = 0; i < f->n; i++) {
        int k = f->field_of[i];
        FUZZ_CHECK(k >= 0 && k < FF_NSPEC, "pair %d of field %d", i, k);
        FUZZ_CHECK(ov_form_name_matches(ff_spec[k].name, f->names[i]),
                   "pair %d does not match %s", i, ff_spec[k].name);
        FUZZ_CHECK(ov_str_is_utf8(f->values[i]) || ff_spec[k].type == OV_F_INT ||
                       ff_spec[k].type == OV_F_HIDDEN ||
                       ff_spec[k].type == OV_F_DATE ||
                       ff_spec[k].type == OV_F_HOURS ||
                       ff_spec[k].type == OV_F_BOOL,
                   "pair %d of %s kept a value that is not UTF-8", i,
                   ff_spec[k].name);
    }
    if (st != OV_OK)
        return;
    for (int i = 0; i < f->n; i++) {
        const ov_field *fd = &ff_spec[f->field_of[i]];
        ov_str v = f->values[i];
        ov_str t = ov_str_trim(v);
        switch (fd->type) {
        case OV_F_TEXT:
        case OV_F_CHOICE:
            FUZZ_CHECK(v.len <= (fd->max ? fd->max : OV_FORM_TEXT_DEFAULT),
                       "%s: %zu bytes", fd->name, v.len);
            for (size_t j = 0; j < v.len; j++)
                FUZZ_CHECK((unsigned char)v.ptr[j] >= 0x20 && v.ptr[j] != 0x7f,
                           "%s: a control character", fd->name);
            break;
        case OV_F_TEXTAREA:
            FUZZ_CHECK(v.len <= fd->max, "%s: %zu bytes", fd->name, v.len);
            break;
        case OV_F_INT:
        case OV_F_HIDDEN: {
            int64_t x;
            if (t.len == 0)
                break;
            FUZZ_CHECK(ov_str_to_i64(t, &x) == OV_OK, "%s", fd->name);
            FUZZ_CHECK(!(fd->min || fd->max_i) ||
                           (x >= fd->min && x <= fd->max_i),
                       "%s = %lld", fd->name, (long long)x);
            FUZZ_CHECK(ov_form_int(f, fd->name, 0) == x ||
                           strchr(fd->name, '*'),
                       "%s reads back as another number", fd->name);
            break;
        }
        case OV_F_DATE:
            FUZZ_CHECK(t.len == 0 ||
                           ov_date_parse(t, "d", &(ov_date){0}, NULL) == OV_OK,
                       "%s", fd->name);
            break;
        case OV_F_HOURS:
            FUZZ_CHECK(t.len == 0 ||
                           ov_hours_parse(t, "h", &(int){0}, NULL) == OV_OK,
                       "%s", fd->name);
            break;
        case OV_F_CHOICES:
            FUZZ_CHECK(ov_form_values(f, fd->name, (ov_str[8]){{0}}, 8) <= 3,
                       "more than 3 %s", fd->name);
            break;
        case OV_F_BOOL:
        case OV_F_FILE:
        case OV_F_JSON:
            break;
        }
    }
}

/* Does any kept pair belong to a field a form body cannot carry? */
static inline bool ff_has_json_field(const ov_form *f)
{
    for (int i = 0; i < f->n; i++)
        if (ff_spec[f->field_of[i]].type == OV_F_JSON)
            return true;
    return false;
}

static inline void ff_percent(ov_buf *b, ov_str s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
            ov_buf_append_byte(b, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            ov_buf_append(b, e, 3);
        }
    }
}

/* The pairs as an urlencoded body. */
static inline ov_str ff_urlencoded(const ov_form *f, ov_arena *a)
{
    ov_buf b;
    ov_buf_init(&b, a, 64u << 20);
    for (int i = 0; i < f->n; i++) {
        if (i)
            ov_buf_append_byte(&b, '&');
        ff_percent(&b, f->names[i]);
        ov_buf_append_byte(&b, '=');
        ff_percent(&b, f->values[i]);
    }
    FUZZ_CHECK(!b.failed, "urlencoded body too big");
    return ov_buf_str(&b);
}

static inline bool ff_contains(ov_str h, const char *n)
{
    size_t nl = strlen(n);
    for (size_t i = 0; i + nl <= h.len; i++)
        if (memcmp(h.ptr + i, n, nl) == 0)
            return true;
    return false;
}

/* The pairs as a multipart body; false when no boundary fits (a value
 * holds every candidate). */
static inline bool ff_multipart(const ov_form *f, ov_arena *a, ov_str *body,
                                ov_str *boundary)
{
    char bnd[40];
    bool found = false;
    for (int tries = 0; tries < 16 && !found; tries++) {
        snprintf(bnd, sizeof bnd, "fuzzbound%dxq", tries * 7919);
        found = true;
        for (int i = 0; i < f->n && found; i++)
            if (ff_contains(f->values[i], bnd) ||
                ff_contains(f->names[i], bnd))
                found = false;
    }
    if (!found)
        return false;
    ov_buf b;
    ov_buf_init(&b, a, 64u << 20);
    for (int i = 0; i < f->n; i++) {
        ov_buf_printf(&b, "--%s\r\nContent-Disposition: form-data; "
                          "name=\"",
                      bnd);
        ov_buf_append_str(&b, f->names[i]);
        ov_buf_append_c(&b, "\"\r\n\r\n");
        ov_buf_append_str(&b, f->values[i]);
        ov_buf_append_c(&b, "\r\n");
    }
    ov_buf_printf(&b, "--%s--\r\n", bnd);
    FUZZ_CHECK(!b.failed, "multipart body too big");
    *body = ov_buf_str(&b);
    *boundary = ov_str_c(ov_arena_strdup(a, bnd));
    return true;
}

/* Two parses kept the same pairs, in the same order. */
static inline void ff_same(const ov_form *want, const ov_form *got,
                           const char *how)
{
    FUZZ_CHECK(got->nerrors == 0, "%s: written again, it fails: %s: %s", how,
               got->errors[0].field, got->errors[0].msg);
    FUZZ_CHECK(got->n == want->n, "%s: %d pairs, wrote %d", how, got->n,
               want->n);
    for (int i = 0; i < want->n; i++) {
        FUZZ_CHECK(ov_str_eq(got->names[i], want->names[i]),
                   "%s: pair %d's name differs", how, i);
        FUZZ_CHECK(ov_str_eq(got->values[i], want->values[i]),
                   "%s: pair %d's value differs", how, i);
    }
}

#endif
