/*
 * export_pdf.c - the citizen's data as a PDF (report/export_pdf.h).
 */
#include "report/export_pdf.h"

#include <stdio.h>
#include <string.h>

#include "report/pdf.h"

/* A catalogue text, or NULL when the catalogue has none ("[key]"). */
static const char *text_of(ov_doc_msg msg, int lang, const char *key)
{
    const char *t = msg(lang, key);
    return t && t[0] != '[' ? t : NULL;
}

/* The catalogue prefix of a field whose values are codes. */
static const char *code_prefix(const char *field)
{
    static const struct {
        const char *field, *prefix;
    } m[] = {
        {"stage", "stage"},         {"role", "role"},
        {"type", "ptype"},          {"party", "signer"},
        {"instrument", "instr"},    {"entered_by", "by"},
        {"answered_by", "answered_by"}, {"action", "action"},
        {"end_reason", "endr"},     {"legal_basis", "basis"},
        {"domain", "domain"},       {"way", "way"},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strcmp(field, m[i].field) == 0)
            return m[i].prefix;
    return NULL;
}

static ov_str value_text(ov_arena *a, ov_doc_msg msg, int lang,
                         const ov_export_field *f, const ov_export_value *v)
{
    switch (f->kind) {
    case OV_XK_INT:
        return ov_str_c(ov_arena_printf(a, "%lld", (long long)v->i));
    case OV_XK_REAL:
        return ov_str_c(ov_arena_printf(a, "%.0f", v->r));
    case OV_XK_BOOL:
        return ov_str_c(msg(lang, v->i ? "common.yes" : "common.no"));
    case OV_XK_TEXT: break;
    }
    /* dates as the pages write them: 22-11-2026 (13:05 UTC) */
    ov_str t = v->text;
    if (t.len >= 10 && t.ptr[4] == '-' && t.ptr[7] == '-' &&
        (t.len == 10 || (t.len >= 16 && t.ptr[10] == 'T'))) {
        if (t.len == 10)
            return ov_str_c(ov_arena_printf(a, "%.2s-%.2s-%.4s", t.ptr + 8,
                                            t.ptr + 5, t.ptr));
        return ov_str_c(ov_arena_printf(a, "%.2s-%.2s-%.4s %.5s UTC",
                                        t.ptr + 8, t.ptr + 5, t.ptr,
                                        t.ptr + 11));
    }
    const char *p = code_prefix(f->name);
    if (p && v->text.len && v->text.len < 40) {
        const char *w = text_of(msg, lang,
                                ov_arena_printf(a, "%s.%.*s", p,
                                                (int)v->text.len,
                                                v->text.ptr));
        if (w)
            return ov_str_c(w);
    }
    return v->text;
}

static ov_str label_of(ov_arena *a, ov_doc_msg msg, int lang,
                       const char *field)
{
    const char *t = text_of(msg, lang, ov_arena_printf(a, "xf.%s", field));
    return ov_str_c(t ? t : field);
}

static void access_table(ov_pdf *p, ov_arena *a, ov_doc_msg msg, int lang,
                         const ov_export_section *s)
{
    static const char *const cols[] = {"at", "name", "action", "purpose"};
    static const double widths[] = {2.2, 2.4, 1.4, 4.0};
    ov_str head[4];
    for (int k = 0; k < 4; k++)
        head[k] = label_of(a, msg, lang, cols[k]);
    ov_pdf_table(p, 4, widths, head);
    for (int r = 0; r < s->li.n; r++) {
        ov_str row[4];
        for (int k = 0; k < 4; k++) {
            const ov_export_value *v = ov_export_get(s, r, cols[k]);
            int f = 0;
            while (f < s->nfields && strcmp(s->fields[f].name, cols[k]) != 0)
                f++;
            row[k] = !v || v->null ? OV_STR_LIT("\xe2\x80\x94")
                                   : value_text(a, msg, lang, &s->fields[f],
                                                v);
        }
        ov_pdf_table_row(p, row);
    }
}

ov_status ov_export_pdf(const ov_export *x, int lang, ov_doc_msg msg,
                        ov_date printed_on, ov_arena *a, ov_str *out,
                        int *pages, ov_err *err)
{
    const char *name = ov_arena_memdup0(a, x->full_name.ptr
                                               ? x->full_name.ptr
                                               : "",
                                        x->full_name.len);
    const char *title = ov_arena_printf(a, "%s: %s",
                                        msg(lang, "mine.d_title"), name);
    ov_pdf *p = ov_pdf_new(a, ov_str_c(title));
    char day[OV_DATE_BUF], bd[OV_DATE_BUF];
    ov_date_format_dk(printed_on, day);
    ov_date_format_dk(x->birth_date, bd);
    ov_pdf_footer(p,
                  ov_str_c(ov_arena_printf(a, "%s \xc2\xb7 %s", name, day)),
                  ov_str_c(msg(lang, "pdf.page")));
    ov_pdf_heading(p, 1, ov_str_c(title));
    ov_pdf_para(p, 0, ov_str_c(msg(lang, "mine.pdf_intro")));
    ov_pdf_field(p, ov_str_c(msg(lang, "pdf.citizen")), x->full_name);
    ov_pdf_field(p, ov_str_c(msg(lang, "pdf.birth")),
                 ov_str_c(ov_arena_strdup(a, bd)));
    for (int s = 0; s < x->nsections; s++) {
        const ov_export_section *sec = &x->sections[s];
        const char *h = text_of(msg, lang,
                                ov_arena_printf(a, "xs.%s", sec->name));
        ov_pdf_heading(p, 2, ov_str_c(h ? h : sec->name));
        if (sec->li.n == 0) {
            ov_pdf_note(p, 0, ov_str_c(msg(lang, "mine.pdf_none")));
            continue;
        }
        if (sec->li.truncated) {
            char n[16], t[16];
            snprintf(n, sizeof n, "%d", sec->li.n);
            snprintf(t, sizeof t, "%d", sec->li.total);
            const char *tpl = msg(lang, "list.newest");
            ov_buf b;
            ov_buf_init(&b, a, 512);
            for (const char *q = tpl; *q; q++) {
                if (q[0] == '%' && (q[1] == '1' || q[1] == '2')) {
                    ov_buf_append_c(&b, q[1] == '1' ? n : t);
                    q++;
                } else {
                    ov_buf_append_byte(&b, *q);
                }
            }
            ov_pdf_note(p, 0, ov_buf_str(&b));
        }
        if (strcmp(sec->name, "access_log") == 0) {
            access_table(p, a, msg, lang, sec);
            continue;
        }
        for (int r = 0; r < sec->li.n; r++) {
            if (r > 0)
                ov_pdf_space(p, 6);
            for (int f = 0; f < sec->nfields; f++) {
                const ov_export_value *v = &sec->rows[r][f];
                const char *fn = sec->fields[f].name;
                /* ids tie the sections together in the JSON; the plan
                 * itself is on the plan PDF */
                if (v->null || strcmp(fn, "content") == 0 ||
                    strcmp(fn, "id") == 0 ||
                    (sec->fields[f].kind == OV_XK_TEXT && v->text.len == 0))
                    continue;
                ov_pdf_field(p, label_of(a, msg, lang, fn),
                             value_text(a, msg, lang, &sec->fields[f], v));
            }
        }
    }
    return ov_pdf_finish(p, out, pages, err);
}
