#include "web/form.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/placement.h"

void ov_form_init(ov_form *f, const ov_field *spec, int nspec, ov_lang lang,
                  ov_arena *a)
{
    memset(f, 0, sizeof *f);
    f->spec = spec;
    f->nspec = nspec;
    f->lang = lang;
    f->arena = a;
    f->names = OV_NEW_N(a, ov_str, OV_FORM_MAX_PAIRS);
    f->values = OV_NEW_N(a, ov_str, OV_FORM_MAX_PAIRS);
    f->field_of = OV_NEW_N(a, int, OV_FORM_MAX_PAIRS);
}

/* ---- errors ---- */

const char *ov_form_error_of(const ov_form *f, const char *field)
{
    for (int i = 0; i < f->nerrors; i++)
        if (strcmp(f->errors[i].field, field) == 0)
            return f->errors[i].msg;
    return NULL;
}

ov_status ov_form_fail(ov_form *f, const char *field, const char *msg)
{
    if (!field)
        field = "";
    if (ov_form_error_of(f, field) || f->nerrors >= OV_FORM_MAX_ERRORS)
        return OV_EINVAL;
    ov_form_error *e = &f->errors[f->nerrors++];
    snprintf(e->field, sizeof e->field, "%s", field);
    snprintf(e->msg, sizeof e->msg, "%s", msg);
    return OV_EINVAL;
}

ov_status ov_form_fail_err(ov_form *f, const ov_err *err)
{
    char buf[OV_ERR_MSG_MAX];
    ov_form_fail(f, err->field, ov_msg_error(f->lang, err, buf, sizeof buf));
    return err->code == OV_OK ? OV_EINVAL : err->code;
}

void ov_form_first_error(const ov_form *f, ov_err *err)
{
    if (f->nerrors == 0) {
        ov_err_msg(err, OV_EINVAL, NULL, form_invalid);
        return;
    }
    ov_err_msg(err, OV_EINVAL,
               f->errors[0].field[0] ? f->errors[0].field : NULL,
               web_localized, f->errors[0].msg);
}

/* An error whose text is a catalogue pattern with the field label. */
static ov_status fail_fmt(ov_form *f, const char *field, const char *key,
                          const char *arg)
{
    char msg[OV_ERR_MSG_MAX];
    const char *t = ov_msg(f->lang, key);
    /* the catalogue text has at most one "%1" for the argument */
    const char *p = strstr(t, "%1");
    if (p)
        snprintf(msg, sizeof msg, "%.*s%s%s", (int)(p - t), t, arg ? arg : "",
                 p + 2);
    else
        snprintf(msg, sizeof msg, "%s", t);
    return ov_form_fail(f, field, msg);
}

/* ---- names ---- */

static bool key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool ov_form_name_matches(const char *pattern, ov_str name)
{
    size_t i = 0;
    const char *p = pattern;
    while (*p) {
        if (*p == '*') {
            size_t start = i;
            while (i < name.len && key_char(name.ptr[i]))
                i++;
            if (i == start || i - start > 32)
                return false;
            p++;
            continue;
        }
        if (i >= name.len || name.ptr[i] != *p)
            return false;
        i++;
        p++;
    }
    return i == name.len;
}

static int spec_of(const ov_form *f, ov_str name)
{
    for (int k = 0; k < f->nspec; k++)
        if (ov_form_name_matches(f->spec[k].name, name))
            return k;
    return -1;
}

static char *name0(ov_str name, char *buf, size_t cap)
{
    snprintf(buf, cap, "%.*s", (int)(name.len < cap ? name.len : cap - 1),
             name.ptr ? name.ptr : "");
    return buf;
}

/* ---- value checks ---- */

static size_t text_max(const ov_field *fd)
{
    if (fd->type == OV_F_CHOICES || fd->type == OV_F_CHOICE)
        return OV_FORM_TEXT_DEFAULT; /* max counts values, not bytes */
    if (fd->max)
        return fd->max;
    return fd->type == OV_F_TEXTAREA ? OV_FORM_TEXTAREA_DEFAULT
           : fd->type == OV_F_FILE   ? OV_HTTP_BODY_MAX * 16
                                     : OV_FORM_TEXT_DEFAULT;
}

static bool option_ok(const ov_field *fd, ov_str v)
{
    for (int i = 0; i < fd->noptions; i++) {
        const char *c = fd->option(i);
        if (c && ov_str_eq_c(v, c))
            return true;
    }
    return false;
}

static void option_list(const ov_field *fd, char *out, size_t cap)
{
    ov_buf b;
    ov_buf_init(&b, NULL, cap - 1);
    for (int i = 0; i < fd->noptions; i++) {
        const char *c = fd->option(i);
        if (!c)
            continue;
        if (b.len)
            ov_buf_append_c(&b, ", ");
        ov_buf_append_c(&b, c);
    }
    snprintf(out, cap, "%.*s", (int)b.len, b.data ? b.data : "");
    ov_buf_free(&b);
}

/* Check one value against its field. */
static ov_status check_value(ov_form *f, const ov_field *fd, const char *nm,
                             ov_str v)
{
    char arg[64];
    switch (fd->type) {
    case OV_F_TEXT:
    case OV_F_TEXTAREA:
    case OV_F_FILE:
    case OV_F_CHOICE:
    case OV_F_CHOICES:
        if (v.len > text_max(fd)) {
            snprintf(arg, sizeof arg, "%zu", text_max(fd));
            return fail_fmt(f, nm, "err.too_long", arg);
        }
        if (!ov_str_is_utf8(v))
            return fail_fmt(f, nm, "err.utf8", NULL);
        for (size_t i = 0; i < v.len; i++) {
            unsigned char c = (unsigned char)v.ptr[i];
            bool nl = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !(nl && fd->type != OV_F_TEXT &&
                               fd->type != OV_F_CHOICE)) ||
                c == 0x7f)
                return fail_fmt(f, nm, "err.control", NULL);
        }
        if ((fd->type == OV_F_CHOICE || fd->type == OV_F_CHOICES) &&
            v.len > 0 && !option_ok(fd, v)) {
            char list[400];
            option_list(fd, list, sizeof list);
            return fail_fmt(f, nm, "err.choice", list);
        }
        return OV_OK;
    case OV_F_INT:
    case OV_F_HIDDEN: {
        int64_t x;
        ov_str t = ov_str_trim(v);
        if (t.len == 0)
            return OV_OK; /* absent; required is checked later */
        if (t.len > 18 || ov_str_to_i64(t, &x) != OV_OK)
            return fail_fmt(f, nm, "err.int", NULL);
        if ((fd->min || fd->max_i) && (x < fd->min || x > fd->max_i)) {
            snprintf(arg, sizeof arg, "%lld-%lld", (long long)fd->min,
                     (long long)fd->max_i);
            return fail_fmt(f, nm, "err.range", arg);
        }
        return OV_OK;
    }
    case OV_F_DATE: {
        ov_date d;
        ov_str t = ov_str_trim(v);
        if (t.len == 0)
            return OV_OK;
        if (ov_date_parse(t, nm, &d, NULL) != OV_OK)
            return fail_fmt(f, nm, "err.date", NULL);
        return OV_OK;
    }
    case OV_F_HOURS: {
        int x;
        ov_str t = ov_str_trim(v);
        if (t.len == 0)
            return OV_OK;
        if (ov_hours_parse(t, nm, &x, NULL) != OV_OK)
            return fail_fmt(f, nm, "err.hours", NULL);
        return OV_OK;
    }
    case OV_F_BOOL:
        if (f->from_json || v.len == 0 || ov_str_eq_c(v, "on") ||
            ov_str_eq_c(v, "1") || ov_str_eq_c(v, "true") ||
            ov_str_eq_c(v, "0") || ov_str_eq_c(v, "false"))
            return OV_OK;
        return fail_fmt(f, nm, "err.bool", NULL);
    case OV_F_JSON:
        if (!f->from_json)
            return fail_fmt(f, nm, "err.unknown_field", nm);
        return OV_OK;
    }
    return OV_OK;
}

static ov_status add_pair(ov_form *f, ov_str name, ov_str value, int k)
{
    if (f->n >= OV_FORM_MAX_PAIRS)
        return fail_fmt(f, "", "err.too_many_fields", NULL);
    f->names[f->n] = name;
    f->values[f->n] = value;
    f->field_of[f->n] = k;
    f->n++;
    return OV_OK;
}

static int count_name(const ov_form *f, ov_str name)
{
    int c = 0;
    for (int i = 0; i < f->n; i++)
        if (ov_str_eq(f->names[i], name))
            c++;
    return c;
}

/* Add a parsed pair after matching its name. */
static ov_status accept(ov_form *f, ov_str name, ov_str value)
{
    char nm[OV_ERR_FIELD_MAX];
    name0(name, nm, sizeof nm);
    int k = spec_of(f, name);
    if (k < 0)
        return fail_fmt(f, nm, "err.unknown_field", nm);
    const ov_field *fd = &f->spec[k];
    if (fd->type != OV_F_CHOICES && count_name(f, name) > 0)
        return fail_fmt(f, nm, "err.repeated", nm);
    if (fd->type == OV_F_CHOICES) {
        size_t cap = fd->max ? fd->max : 64;
        if ((size_t)count_name(f, name) >= cap) {
            char arg[32];
            snprintf(arg, sizeof arg, "%zu", cap);
            return fail_fmt(f, nm, "err.too_many", arg);
        }
    }
    if (check_value(f, fd, nm, value) != OV_OK) {
        /* keep what the user typed, so the form shows it again next to
         * its error (never text that is not UTF-8 or over the cap) */
        if (ov_str_is_utf8(value) && value.len <= text_max(fd))
            add_pair(f, name, value, k);
        return OV_EINVAL;
    }
    return add_pair(f, name, value, k);
}

/* Required fields (not patterns) must be present and non-empty. */
static void check_required(ov_form *f)
{
    for (int k = 0; k < f->nspec; k++) {
        const ov_field *fd = &f->spec[k];
        if (!fd->required || strchr(fd->name, '*'))
            continue;
        ov_str v = ov_form_str(f, fd->name);
        if (!ov_form_has(f, fd->name) ||
            (fd->type != OV_F_JSON && ov_str_trim(v).len == 0))
            fail_fmt(f, fd->name, "err.required", NULL);
    }
}

/* ---- application/x-www-form-urlencoded ---- */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static ov_str header_param(ov_str header, const char *param)
{
    size_t plen = strlen(param);
    ov_str rest = header;
    while (rest.ptr && rest.len) {
        ov_str one;
        rest = ov_str_cut(rest, ';', &one);
        one = ov_str_trim(one);
        if (one.len > plen && strncasecmp(one.ptr, param, plen) == 0 &&
            one.ptr[plen] == '=') {
            ov_str v = {one.ptr + plen + 1, one.len - plen - 1};
            if (v.len >= 2 && v.ptr[0] == '"' && v.ptr[v.len - 1] == '"')
                v = (ov_str){v.ptr + 1, v.len - 2};
            return v;
        }
    }
    return OV_STR_NULL;
}

/* Percent-decode into the arena; false on a bad escape. */
static bool url_decode(ov_str in, ov_arena *a, ov_str *out)
{
    char *o = ov_arena_alloc(a, in.len + 1);
    size_t n = 0;
    for (size_t i = 0; i < in.len; i++) {
        char c = in.ptr[i];
        if (c == '+') {
            o[n++] = ' ';
        } else if (c == '%') {
            if (in.len - i < 3)
                return false;
            int h = hexval(in.ptr[i + 1]), l = hexval(in.ptr[i + 2]);
            if (h < 0 || l < 0)
                return false;
            o[n++] = (char)(h * 16 + l);
            i += 2;
        } else {
            o[n++] = c;
        }
    }
    o[n] = '\0';
    *out = (ov_str){o, n};
    return true;
}

ov_status ov_form_parse_urlencoded(ov_form *f, ov_str body, const char *extra)
{
    ov_str rest = body;
    while (rest.ptr && rest.len) {
        ov_str one;
        rest = ov_str_cut(rest, '&', &one);
        if (one.len == 0)
            continue;
        ov_str rawname;
        ov_str rawval = ov_str_cut(one, '=', &rawname);
        if (!rawval.ptr)
            rawval = (ov_str){"", 0};
        ov_str name, value;
        if (!url_decode(rawname, f->arena, &name) ||
            !url_decode(rawval, f->arena, &value)) {
            fail_fmt(f, "", "err.encoding", NULL);
            continue;
        }
        if (extra && ov_str_eq_c(name, extra))
            continue;
        accept(f, name, value);
    }
    check_required(f);
    return f->nerrors ? OV_EINVAL : OV_OK;
}

/* ---- application/json ---- */

static ov_str jname(ov_arena *a, ov_str prefix, const char *key)
{
    if (prefix.len == 0)
        return ov_str_c(ov_arena_strdup(a, key));
    return ov_str_c(ov_arena_printf(a, "%.*s.%s", (int)prefix.len,
                                    prefix.ptr, key));
}

static ov_str jstr(ov_arena *a, json_t *v)
{
    return (ov_str){ov_arena_memdup0(a, json_string_value(v),
                                     json_string_length(v)),
                    json_string_length(v)};
}

/* Flatten one JSON value at `name`, type-checked against the field. */
static void flatten(ov_form *f, ov_str name, json_t *v, int depth)
{
    char nm[OV_ERR_FIELD_MAX];
    name0(name, nm, sizeof nm);
    if (depth > 8) {
        fail_fmt(f, nm, "err.too_deep", NULL);
        return;
    }
    int k = spec_of(f, name);
    if (k >= 0) {
        const ov_field *fd = &f->spec[k];
        char buf[32];
        switch (fd->type) {
        case OV_F_INT:
        case OV_F_HIDDEN:
            if (!json_is_integer(v)) {
                fail_fmt(f, nm, "err.json_int", NULL);
                return;
            }
            snprintf(buf, sizeof buf, "%lld",
                     (long long)json_integer_value(v));
            accept(f, name, ov_str_c(ov_arena_strdup(f->arena, buf)));
            return;
        case OV_F_BOOL:
            if (!json_is_boolean(v)) {
                fail_fmt(f, nm, "err.json_bool", NULL);
                return;
            }
            accept(f, name, ov_str_c(json_is_true(v) ? "true" : "false"));
            return;
        case OV_F_HOURS:
            if (json_is_number(v) && !json_is_integer(v)) {
                double d = json_real_value(v);
                if (!(d >= 0 && d <= 1000)) {
                    fail_fmt(f, nm, "err.hours", NULL);
                    return;
                }
snprintf(buf, sizeof buf, "%.6g", d);
                accept(f, name, ov_str_c(ov_arena_strdup(f->arena, buf)));
                return;
            }
            if (json_is_integer(v)) {
                snprintf(buf, sizeof buf, "%lld",
                         (long long)json_integer_value(v));
                accept(f, name, ov_str_c(ov_arena_strdup(f->arena, buf)));
                return;
            }
            if (!json_is_string(v)) {
                fail_fmt(f, nm, "err.hours", NULL);
                return;
            }
            accept(f, name, jstr(f->arena, v));
            return;
        case OV_F_CHOICES: {
            if (!json_is_array(v)) {
                fail_fmt(f, nm, "err.json_list", NULL);
                return;
            }
            size_t i;
            json_t *e;
            json_array_foreach(v, i, e) {
                if (!json_is_string(e)) {
                    fail_fmt(f, nm, "err.json_list", NULL);
                    return;
                }
                accept(f, name, jstr(f->arena, e));
            }
            if (json_array_size(v) == 0)
                add_pair(f, name, (ov_str){"", 0}, k);
            return;
        }
        case OV_F_JSON: {
            if (!json_is_object(v)) {
                fail_fmt(f, nm, "err.json_object", NULL);
                return;
            }
            char *t = json_dumps(v, JSON_COMPACT);
            accept(f, name, ov_str_c(ov_arena_strdup(f->arena, t ? t : "{}")));
            free(t);
            return;
        }
        case OV_F_TEXT:
        case OV_F_TEXTAREA:
        case OV_F_DATE:
        case OV_F_CHOICE:
        case OV_F_FILE:
            if (json_is_null(v) && !fd->required)
                return;
            if (!json_is_string(v)) {
                fail_fmt(f, nm, "err.json_string", NULL);
                return;
            }
            accept(f, name, jstr(f->arena, v));
            return;
        }
        return;
    }
    if (json_is_object(v)) {
        const char *key;
        json_t *e;
        json_object_foreach(v, key, e) {
            flatten(f, jname(f->arena, name, key), e, depth + 1);
        }
        return;
    }
    if (json_is_array(v)) {
        if (json_array_size(v) > 64) {
            fail_fmt(f, nm, "err.too_many", "64");
            return;
        }
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            char idx[24];
            snprintf(idx, sizeof idx, "%zu", i);
            flatten(f, jname(f->arena, name, idx), e, depth + 1);
        }
        return;
    }
    fail_fmt(f, nm, "err.unknown_field", nm);
}

ov_status ov_form_parse_json(ov_form *f, ov_str body)
{
    f->from_json = true;
    json_error_t je;
    json_t *j = json_loadb(body.ptr ? body.ptr : "", body.len,
                           JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        char arg[200];
        snprintf(arg, sizeof arg, "%d: %s", je.line, je.text);
        fail_fmt(f, "", "err.json", arg);
        return OV_EINVAL;
    }
    if (!json_is_object(j))
        fail_fmt(f, "", "err.json_object", NULL);
    else
        flatten(f, (ov_str){"", 0}, j, 0);
    json_decref(j);
    check_required(f);
    return f->nerrors ? OV_EINVAL : OV_OK;
}

/* ---- multipart/form-data (file uploads) ---- */

static const char *find_mem(const char *h, size_t hl, const char *n, size_t nl)
{
    if (nl == 0 || hl < nl)
        return NULL;
    for (size_t i = 0; i + nl <= hl; i++)
        if (h[i] == n[0] && memcmp(h + i, n, nl) == 0)
            return h + i;
    return NULL;
}

ov_status ov_form_parse_multipart(ov_form *f, ov_str body, ov_str boundary,
                                  const char *extra)
{
    char *delim = ov_arena_printf(f->arena, "--%.*s", (int)boundary.len,
                                  boundary.ptr);
    size_t dl = strlen(delim);
    const char *p = body.ptr ? body.ptr : "";
    const char *end = p + body.len;
    const char *at = find_mem(p, body.len, delim, dl);
    if (!at) {
        fail_fmt(f, "", "err.multipart", NULL);
        return OV_EINVAL;
    }
    at += dl;
    int parts = 0;
    for (;;) {
        if (end - at >= 2 && at[0] == '-' && at[1] == '-')
            break; /* the closing delimiter */
        if (end - at < 2 || at[0] != '\r' || at[1] != '\n' || ++parts > 64) {
            fail_fmt(f, "", "err.multipart", NULL);
            return OV_EINVAL;
        }
        at += 2;
        const char *hend = find_mem(at, (size_t)(end - at), "\r\n\r\n", 4);
        if (!hend) {
            fail_fmt(f, "", "err.multipart", NULL);
            return OV_EINVAL;
        }
        ov_str headers = {at, (size_t)(hend - at)};
        const char *data = hend + 4;
        char *d2 = ov_arena_printf(f->arena, "\r\n%s", delim);
        const char *next = find_mem(data, (size_t)(end - data), d2, dl + 2);
        if (!next) {
            fail_fmt(f, "", "err.multipart", NULL);
            return OV_EINVAL;
        }
        ov_str name = OV_STR_NULL;
        ov_str rest = headers;
        while (rest.ptr && rest.len) {
            ov_str line;
            rest = ov_str_cut(rest, '\n', &line);
            line = ov_str_trim(line);
            if (line.len > 20 &&
                strncasecmp(line.ptr, "Content-Disposition:", 20) == 0)
                name = header_param((ov_str){line.ptr + 20, line.len - 20},
                                    "name");
        }
        if (!name.ptr) {
            fail_fmt(f, "", "err.multipart", NULL);
            return OV_EINVAL;
        }
        ov_str value = {ov_arena_memdup0(f->arena, data,
                                         (size_t)(next - data)),
                        (size_t)(next - data)};
        name = ov_str_c(ov_str_dup0(f->arena, name));
        if (!(extra && ov_str_eq_c(name, extra)))
            accept(f, name, value);
        at = next + 2 + dl;
    }
    check_required(f);
    return f->nerrors ? OV_EINVAL : OV_OK;
}

/* ---- the request ---- */

static bool ctype_is(ov_str ct, const char *type)
{
    size_t n = strlen(type);
    return ct.len >= n && strncasecmp(ct.ptr, type, n) == 0 &&
           (ct.len == n || ct.ptr[n] == ';' || ct.ptr[n] == ' ');
}

ov_status ov_form_parse(ov_form *f, const ov_request *req, const char *extra)
{
    ov_str ct = ov_request_header(req, "Content-Type");
    if (ctype_is(ct, "application/json"))
        return ov_form_parse_json(f, req->body);
    if (ctype_is(ct, "multipart/form-data")) {
        ov_str b = header_param(ct, "boundary");
        if (!b.ptr || b.len == 0 || b.len > 70) {
            fail_fmt(f, "", "err.multipart", NULL);
            return OV_EINVAL;
        }
        return ov_form_parse_multipart(f, req->body, b, extra);
    }
    if (ctype_is(ct, "application/x-www-form-urlencoded") ||
        (ct.len == 0 && req->body.len == 0))
        return ov_form_parse_urlencoded(f, req->body, extra);
    fail_fmt(f, "", "err.content_type", NULL);
    return OV_EINVAL;
}

/* ---- values ---- */

static int find(const ov_form *f, const char *name)
{
    for (int i = 0; i < f->n; i++)
        if (ov_str_eq_c(f->names[i], name))
            return i;
    return -1;
}

bool ov_form_has(const ov_form *f, const char *name)
{
    return find(f, name) >= 0;
}

ov_str ov_form_str(const ov_form *f, const char *name)
{
    int i = find(f, name);
    return i < 0 ? (ov_str){"", 0} : f->values[i];
}

int64_t ov_form_int(const ov_form *f, const char *name, int64_t dflt)
{
    int64_t x;
    ov_str v = ov_str_trim(ov_form_str(f, name));
    if (v.len == 0 || ov_str_to_i64(v, &x) != OV_OK)
        return dflt;
    return x;
}

ov_date ov_form_date(const ov_form *f, const char *name, ov_date dflt)
{
    ov_date d;
    ov_str v = ov_str_trim(ov_form_str(f, name));
    if (v.len == 0 || ov_date_parse(v, name, &d, NULL) != OV_OK)
        return dflt;
    return d;
}

bool ov_form_bool(const ov_form *f, const char *name)
{
    ov_str v = ov_form_str(f, name);
    return ov_str_eq_c(v, "on") || ov_str_eq_c(v, "1") ||
           ov_str_eq_c(v, "true");
}

int ov_form_hours(const ov_form *f, const char *name, int dflt)
{
    int x;
    ov_str v = ov_str_trim(ov_form_str(f, name));
    if (v.len == 0 || ov_hours_parse(v, name, &x, NULL) != OV_OK)
        return dflt;
    return x;
}

int ov_form_values(const ov_form *f, const char *name, ov_str *out, int cap)
{
    int n = 0;
    for (int i = 0; i < f->n && n < cap; i++)
        if (ov_str_eq_c(f->names[i], name) && f->values[i].len)
            out[n++] = f->values[i];
    return n;
}

int ov_form_keys(const ov_form *f, const char *pattern, ov_str *out, int cap)
{
    const char *star = strchr(pattern, '*');
    if (!star)
        return 0;
    size_t pre = (size_t)(star - pattern);
    int n = 0;
    for (int i = 0; i < f->n && n < cap; i++) {
        ov_str nm = f->names[i];
        if (!ov_form_name_matches(pattern, nm))
            continue;
        size_t j = pre;
        while (j < nm.len && key_char(nm.ptr[j]))
            j++;
        ov_str key = {nm.ptr + pre, j - pre};
        bool seen = false;
        for (int k = 0; k < n && !seen; k++)
            seen = ov_str_eq(out[k], key);
        if (!seen)
            out[n++] = key;
    }
    return n;
}

void ov_form_set(ov_form *f, ov_arena *a, const char *name, ov_str value)
{
    ov_str n = ov_str_c(ov_arena_strdup(a, name));
    int i = find(f, name);
    if (i >= 0) {
        f->values[i] = value;
        return;
    }
    add_pair(f, n, value, spec_of(f, n));
}

ov_str ov_form_peek(const ov_request *req, const char *name)
{
    ov_str ct = ov_request_header(req, "Content-Type");
    size_t nl = strlen(name);
    if (ctype_is(ct, "application/x-www-form-urlencoded")) {
        ov_str rest = req->body;
        while (rest.ptr && rest.len) {
            ov_str one;
            rest = ov_str_cut(rest, '&', &one);
            if (one.len > nl && memcmp(one.ptr, name, nl) == 0 &&
                one.ptr[nl] == '=')
                return (ov_str){one.ptr + nl + 1, one.len - nl - 1};
        }
        return OV_STR_NULL;
    }
    if (ctype_is(ct, "multipart/form-data")) {
        char pat[80];
        snprintf(pat, sizeof pat, "name=\"%s\"\r\n\r\n", name);
        const char *b = req->body.ptr ? req->body.ptr : "";
        const char *p = find_mem(b, req->body.len, pat, strlen(pat));
        if (!p)
            return OV_STR_NULL;
        p += strlen(pat);
        const char *e = find_mem(p, req->body.len - (size_t)(p - b), "\r\n", 2);
        return e ? (ov_str){p, (size_t)(e - p)} : OV_STR_NULL;
    }
    return OV_STR_NULL;
}
