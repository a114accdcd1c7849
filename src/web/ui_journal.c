/*
 * ui_journal.c - the course journal (issue 13 §2): everything written on
 * a course, newest first, each entry linking to a page with its full
 * text; journal notes (journalnotat, offentlighedsloven § 13) and their
 * corrections.
 *
 * The list and its filters (kind, period) are one audited read
 * (store/journal_view.h); the author is shown as the person's name and
 * role in words, an operator command as "System (indlæsning)", never a
 * login name. A note is never changed: "Ret" opens the form as a new note
 * that corrects the old one.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <stdlib.h>

#include "model/note.h"
#include "model/occupation.h"
#include "model/settings.h"
#include "store/journal_view.h"
#include "store/settings.h"
#include "web/handlers.h"

/* ---- the query: kind, from, to; ref for one entry; corrects ---- */

static const ov_field query_spec[] = {
    {.name = "kind", .type = OV_F_TEXT, .max = 32, .label = "journal.kind"},
    {.name = "from", .type = OV_F_DATE, .label = "journal.from"},
    {.name = "to", .type = OV_F_DATE, .label = "journal.to"},
    {.name = "ref", .type = OV_F_TEXT, .max = 64, .label = "journal.ref"},
    {.name = "corrects", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "note.corrects"},
    {.name = "gemt", .type = OV_F_INT, .min = 0, .max_i = INT64_MAX / 2,
     .label = "common.saved"},
};
#define NQUERY ((int)(sizeof query_spec / sizeof query_spec[0]))

static const ov_field note_spec[] = {
    {.name = "date", .type = OV_F_DATE, .required = true,
     .label = "common.date"},
    {.name = "subject", .type = OV_F_TEXT, .required = true,
     .max = OV_NOTE_SUBJECT_MAX, .label = "note.subject"},
    {.name = "text", .type = OV_F_TEXTAREA, .required = true,
     .max = OV_NOTE_TEXT_MAX, .label = "note.text"},
    {.name = "corrects", .type = OV_F_HIDDEN, .min = 1,
     .max_i = INT64_MAX / 2, .label = "note.corrects"},
};
#define NNOTE ((int)(sizeof note_spec / sizeof note_spec[0]))

static ov_status note_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                          int64_t *out_id, ov_err *err)
{
    ov_note n = {ov_form_date(f, "date", c->today), ov_form_str(f, "subject"),
                 ov_form_str(f, "text"), ov_form_int(f, "corrects", 0)};
    return ov_note_add(tx, c->course_id, &n, c->today, out_id, err);
}

static const char *note_done(ov_ctx *c, int64_t id)
{
    return ov_arena_printf(c->req->arena, "/forloeb/%lld/journal?gemt=%lld",
                           (long long)c->course_id, (long long)id);
}

static void journal_page(ov_ctx *c, ov_form *f, int status);

const ov_web_action ov_act_note = {
    "journal_note", note_spec, NNOTE, OV_OP_JOURNAL_NOTE, OV_SCOPE_COURSE,
    note_run, journal_page, note_done, NULL};

/* ---- texts ---- */

/* The author in words: "Lise Jensen (Sagsbehandler (jobcenter))", the
 * system for an operator command, the citizen for an answer. */
static const char *author_of(ov_ctx *c, const ov_journal_entry *e)
{
    ov_arena *a = c->req->arena;
    if (e->author_name.len)
        return ov_arena_printf(a, "%.*s (%s)", (int)e->author_name.len,
                               e->author_name.ptr,
                               ov_msg2(c->lang, "role",
                                       ov_arena_printf(
                                           a, "%.*s",
                                           (int)e->author_role.len,
                                           e->author_role.ptr)));
    if (e->author_user.len >= 4 && memcmp(e->author_user.ptr, "cli:", 4) == 0)
        return ov_msg(c->lang, "journal.author_system");
    if (e->kind == OV_JK_ANSWER)
        return ov_msg(c->lang, "role.citizen");
    if (e->author_user.len)
        return ov_msg(c->lang, "journal.author_unknown");
    return ov_msg(c->lang, "journal.author_none");
}

static const char *cstr(ov_arena *a, ov_str s)
{
    return ov_arena_printf(a, "%.*s", (int)s.len, s.ptr ? s.ptr : "");
}

static const char *date_dk(ov_arena *a, ov_date d)
{
    char b[OV_DATE_BUF];
    ov_date_format_dk(d, b);
    return ov_arena_strdup(a, b);
}

/* A date text (YYYY-MM-DD) as DD-MM-YYYY; empty when it is not one. */
static const char *iso_dk(ov_arena *a, ov_str iso)
{
    ov_date d;
    ov_err err;
    if (iso.len == 0 || ov_date_parse_iso(iso, "date", &d, &err) != OV_OK)
        return "";
    return date_dk(a, d);
}

/* One line that says what the entry is, in the reader's language. */
static const char *summary_of(ov_ctx *c, const ov_journal_entry *e)
{
    ov_arena *a = c->req->arena;
    ov_lang l = c->lang;
    const char *code = cstr(a, e->code);
    const char *t = cstr(a, e->text), *t2 = cstr(a, e->text2);
    switch (e->kind) {
    case OV_JK_START_MEETING:
    case OV_JK_FOLLOWUP: {
        const char *what = e->text.len ? t : t2;
        return ov_arena_printf(a, "%s%s%s",
                               strcmp(code, "incomplete") == 0
                                   ? ov_msg(l, "journal.incomplete")
                                   : "",
                               strcmp(code, "incomplete") == 0 && *what
                                   ? ". "
                                   : "",
                               what);
    }
    case OV_JK_PLAN:
        return ov_arena_printf(a, "%s %lld: %s", ov_msg(l, "journal.version"),
                               (long long)e->num, t);
    case OV_JK_PROPOSAL:
        /* the opening's occupation as "title (code)", when it has one */
        return ov_arena_printf(a, "%s, %s%s%s (%s %lld)", t, t2,
                               *code ? ", " : "",
                               ov_occupation_label(a, e->code),
                               ov_msg(l, "journal.score"), (long long)e->num);
    case OV_JK_ANSWER:
        /* the citizen's comment, in their words, follows the answer */
        if (e->extra.len)
            return ov_arena_printf(a, "%s: %s, %s. %s: \u201c%s\u201d",
                                   ov_msg2(l, "janswer", code), t, t2,
                                   ov_msg(l, "jfield.citizen_comment"),
                                   cstr(a, e->extra));
        return ov_arena_printf(a, "%s: %s, %s",
                               ov_msg2(l, "janswer", code), t, t2);
    case OV_JK_PLACEMENT:
        return ov_arena_printf(a, "%s, %s, %lld,%lld %s",
                               ov_msg2(l, "ptype", code), t,
                               (long long)(e->num / 10),
                               (long long)(e->num % 10),
                               ov_msg(l, "journal.hours_week"));
    case OV_JK_AGREEMENT:
        return ov_arena_printf(a, "%s %lld, %s: %s",
                               ov_msg(l, "journal.version"),
                               (long long)e->num, t2, t);
    case OV_JK_SIGNOFF:
        return ov_arena_printf(a, "%s, %s %lld, %s",
                               ov_msg2(l, "signer", code),
                               ov_msg(l, "journal.version"),
                               (long long)e->num, t);
    case OV_JK_CTI_START:
        return ov_arena_printf(a, "%s, %lld %s", ov_msg2(l, "basis", code),
                               (long long)e->num,
                               ov_msg(l, "cti.months_unit"));
    case OV_JK_CTI_CONTACT:
        return ov_arena_printf(a, "%s, %lld min.: %s%s%s",
                               ov_msg2(l, "cform", code), (long long)e->num,
                               t, e->text2.len ? ". " : "", t2);
    case OV_JK_MEASUREMENT:
        return ov_arena_printf(a, "%s: %lld", ov_msg2(l, "instr", code),
                               (long long)e->num);
    case OV_JK_EMPLOYMENT:
        return ov_arena_printf(a, "%lld,%lld %s", (long long)(e->num / 10),
                               (long long)(e->num % 10),
                               ov_msg(l, "journal.hours_week"));
    case OV_JK_STAGE:
        return ov_msg2(l, "stage", code);
    case OV_JK_END:
        return ov_arena_printf(a, "%s%s%s", ov_msg2(l, "endr", code),
                               e->text.len ? ": " : "", t);
    case OV_JK_NOTE: {
        const char *s = t;
        /* a correction names the note it corrects, unless its subject
         * already does (the form suggests "Rettelse til notat af ...") */
        const char *pre = ov_msg(l, "journal.correction_of");
        if (e->ref2 && strncmp(s, pre, strlen(pre)) != 0)
            s = ov_arena_printf(a, "%s %s: %s", pre, iso_dk(a, e->code), s);
        if (e->num)
            s = ov_arena_printf(a, "%s (%s %s)", s,
                                ov_msg(l, "journal.corrected_by"),
                                iso_dk(a, e->extra));
        return s;
    }
    case OV_JK_PLAN_COMMENT:
        return ov_arena_printf(a, "%s %lld: %s", ov_msg2(l, "jcomment", code),
                               (long long)e->num, t);
    case OV_JK_COUNT:
        break;
    }
    return "";
}

/* The same, cut to about 300 bytes at a character boundary. */
static const char *short_of(ov_ctx *c, const char *s)
{
    size_t n = strlen(s);
    if (n <= 300)
        return s;
    n = 300;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return ov_arena_printf(c->req->arena, "%.*s …", (int)n, s);
}

/* "start_meeting:12", "agreement:3:2": the entry's address. */
static const char *ref_of(ov_arena *a, const ov_journal_entry *e)
{
    if (e->kind == OV_JK_AGREEMENT || e->kind == OV_JK_SIGNOFF)
        return ov_arena_printf(a, "%s:%lld:%lld", ov_jkind_code(e->kind),
                               (long long)e->ref, (long long)e->ref2);
    return ov_arena_printf(a, "%s:%lld", ov_jkind_code(e->kind),
                           (long long)e->ref);
}

/* Parse a ref: false when it is not kind:id[:id]. */
static bool parse_ref(ov_str s, ov_jkind *k, int64_t *ref, int64_t *ref2)
{
    const char *p = s.ptr, *end = s.ptr + s.len;
    const char *colon = memchr(p, ':', s.len);
    ov_err err;
    if (!colon || ov_jkind_parse((ov_str){p, (size_t)(colon - p)}, k, &err) !=
                      OV_OK)
        return false;
    const char *n1 = colon + 1;
    const char *c2 = memchr(n1, ':', (size_t)(end - n1));
    *ref2 = 0;
    if (ov_str_to_i64((ov_str){n1, (size_t)((c2 ? c2 : end) - n1)}, ref) !=
            OV_OK ||
        *ref <= 0)
        return false;
    if (c2 && (ov_str_to_i64((ov_str){c2 + 1, (size_t)(end - c2 - 1)},
                             ref2) != OV_OK ||
               *ref2 <= 0))
        return false;
    return true;
}

/* ---- the journal page and its JSON ---- */

static void answer_json(ov_ctx *c, json_t *j)
{
    char *t = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    ov_response_json(c->res, 200,
                     ov_str_c(ov_arena_strdup(c->req->arena, t ? t : "{}")));
    free(t);
}

static void journal_json(ov_ctx *c, const ov_journal_entry *rows,
                         const ov_list_info *li)
{
    ov_arena *a = c->req->arena;
    json_t *arr = json_array();
    for (int i = 0; i < li->n; i++) {
        char d[OV_DATE_BUF];
        ov_date_format_iso(rows[i].at, d);
        const char *ref = ref_of(a, &rows[i]);
        json_array_append_new(
            arr,
            json_pack("{s:s,s:s,s:s,s:s,s:s,s:s}", "at", d, "kind",
                      ov_jkind_code(rows[i].kind), "author",
                      author_of(c, &rows[i]), "summary",
                      summary_of(c, &rows[i]), "ref", ref, "href",
                      ov_arena_printf(a,
                                      "/api/v1/cases/%lld/journal/entry?ref=%s",
                                      (long long)c->id, ref)));
    }
    answer_json(c, json_pack("{s:o,s:i,s:b}", "entries", arr, "total",
                             li->total, "truncated", li->truncated));
}

static void kind_select(ov_ctx *c, int chosen)
{
    ov_response *res = c->res;
    ov_html_printf(res,
                   "<div class=\"field\"><label for=\"f-kind\">%t</label>"
                   "<select id=\"f-kind\" name=\"kind\"><option value=\"\">%t"
                   "</option>",
                   "journal.kind", "journal.all_kinds");
    for (int k = 0; k < OV_JK_COUNT; k++) {
        const char *code = ov_jkind_code((ov_jkind)k);
        if (k == chosen)
            ov_html_printf(res, "<option value=\"%h\" selected>%t</option>",
                           code,
                           ov_arena_printf(c->req->arena, "jkind.%s", code));
        else
            ov_html_printf(res, "<option value=\"%h\">%t</option>", code,
                           ov_arena_printf(c->req->arena, "jkind.%s", code));
    }
    ov_html_lit(res, "</select></div>");
}

static void date_input(ov_ctx *c, const char *name, const char *label,
                       ov_date d)
{
    char v[OV_DATE_BUF] = "";
    if (d)
        ov_date_format_iso(d, v);
    ov_html_printf(c->res,
                   "<div class=\"field\"><label for=\"f-%h\">%t</label>"
                   "<input type=\"date\" id=\"f-%h\" name=\"%h\" "
                   "value=\"%h\"></div>",
                   name, label, name, name, v);
}

static void journal_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_arena *a = c->req->arena;
    ov_form q;
    ov_form_init(&q, query_spec, NQUERY, c->lang, a);
    bool qok = ov_form_parse_urlencoded(&q, c->req->query, NULL) == OV_OK;
    if (!qok) /* a date that is not one: the form says which */
        ov_form_first_error(&q, &err);
    ov_journal_filter flt = {-1, 0, 0, 0, 0};
    ov_str kind = ov_str_trim(ov_form_str(&q, "kind"));
    ov_jkind jk;
    if (qok && kind.len) {
        if (ov_jkind_parse(kind, &jk, &err) == OV_OK)
            flt.kind = (int)jk;
        else
            qok = false;
    }
    if (qok && ov_form_str(&q, "from").len)
        flt.from = ov_form_date(&q, "from", 0);
    if (qok && ov_form_str(&q, "to").len)
        flt.to = ov_form_date(&q, "to", 0);
    if (!qok) {
        if (err.code == OV_OK)
            ov_err_msg(&err, OV_EINVAL, "kind", journal_kind_unknown,
                       ov_arg_strn(kind.ptr, kind.len));
        ov_ctx_finish(c, tx, false, &err);
        return;
    }
    ov_journal_entry *rows = NULL;
    ov_list_info li;
    bool ok = ov_journal_read(tx, c->id, &flt, OV_JOURNAL_CAP, a, &rows, &li,
                              &err) == OV_OK;
    /* a plan version's changes in the reader's language (the stored
     * summary is Danish) */
    for (int i = 0; ok && i < li.n; i++) {
        const char *t;
        if (rows[i].kind != OV_JK_PLAN)
            continue;
        ok = ov_ui_plan_changes(c, tx, c->id, (int)rows[i].num, &t, &err) ==
             OV_OK;
        rows[i].text = ov_str_c(t);
    }
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        journal_json(c, rows, &li);
        return;
    }
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "journal.title")));
    ov_html_printf(res, "<p><a href=\"/forloeb/%D\">%t</a></p>", c->id,
                   "common.back");
    if (!f && ov_form_int(&q, "gemt", 0) > 0)
        ov_page_notice(res, "ok", ov_str_c(ov_msg(c->lang, "common.saved")));

    /* filters */
    ov_html_printf(res,
                   "<form method=\"get\" class=\"filters\" action=\"/forloeb/"
                   "%D/journal\"><div class=\"row\">",
                   c->id);
    kind_select(c, flt.kind);
    date_input(c, "from", "journal.from", flt.from);
    date_input(c, "to", "journal.to", flt.to);
    ov_html_printf(res,
                   "</div><button type=\"submit\">%t</button></form>",
                   "journal.filter");

    ov_page_list_cut(res, &li, "list.newest");
    if (li.n == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "journal.empty");
    else
        ov_html_lit(res, "<ol class=\"journal\">");
    int64_t corrects = f ? ov_form_int(f, "corrects", 0)
                         : ov_form_int(&q, "corrects", 0);
    ov_date corrects_on = 0;
    for (int i = 0; i < li.n; i++) {
        const ov_journal_entry *e = &rows[i];
        if (e->kind == OV_JK_NOTE && e->ref == corrects)
            corrects_on = e->at;
        const char *ref = ref_of(a, e);
        ov_html_lit(res, "<li><div class=\"jhead\"><span class=\"jdate\">");
        ov_page_date(res, e->at);
        ov_html_printf(
            res,
            "</span> <strong>%t</strong> <span class=\"jauthor\">%h</span>"
            "</div><p>%h</p><p class=\"jlinks\"><a href=\"/forloeb/%D/"
            "journal/post?ref=%u\">%t</a>",
            ov_arena_printf(a, "jkind.%s", ov_jkind_code(e->kind)),
            author_of(c, e), short_of(c, summary_of(c, e)), c->id, ref,
            "journal.open");
        if (e->kind == OV_JK_NOTE && !e->num &&
            ov_may_do(&c->req->viewer, OV_OP_JOURNAL_NOTE))
            ov_html_printf(res,
                           " &middot; <a href=\"/forloeb/%D/journal?"
                           "corrects=%D#note\">%t</a>",
                           c->id, e->ref, "journal.correct");
        ov_html_lit(res, "</p></li>");
    }
    if (li.n)
        ov_html_lit(res, "</ol>");

    /* a new note, or a correction */
    if (ov_may_do(&c->req->viewer, OV_OP_JOURNAL_NOTE)) {
        ov_form nf;
        ov_form_init(&nf, note_spec, NNOTE, c->lang, a);
        ov_form *use = f ? f : &nf;
        ov_ctx_default_today(c, use, "date");
        if (!f && corrects > 0) {
            char num[24];
            snprintf(num, sizeof num, "%lld", (long long)corrects);
            ov_form_set(use, a, "corrects", ov_str_c(ov_arena_strdup(a, num)));
            if (corrects_on)
                ov_form_set(use, a, "subject",
                            ov_str_c(ov_arena_printf(
                                a, "%s %s",
                                ov_msg(c->lang, "journal.correction_of"),
                                date_dk(a, corrects_on))));
        }
        ov_html_printf(res, "<h2 id=\"note\">%t</h2>",
                       corrects > 0 ? "journal.note_correct"
                                    : "journal.note_new");
        if (corrects > 0)
            ov_html_printf(res, "<p>%t</p>", "journal.note_correct_help");
        ov_page_form_errors(res, use);
        ov_page_form_begin(res, c->req,
                           ov_str_c(ov_arena_printf(
                               a, "/forloeb/%lld/journal/notat",
                               (long long)c->id)),
                           false);
        ov_page_fields(res, use);
        ov_page_form_end(res, "common.save");
    }
    ov_page_end(res);
}

void ov_v_journal(ov_ctx *c)
{
    journal_page(c, NULL, 200);
}

/* ---- one entry with everything written in it ---- */

static const char *field_label(ov_ctx *c, ov_str label)
{
    return ov_msg2(c->lang, "jfield", cstr(c->req->arena, label));
}

/* A field's value in words where it is a code. */
static const char *field_value(ov_ctx *c, const ov_journal_field *fd)
{
    ov_arena *a = c->req->arena;
    const char *v = cstr(a, fd->value);
    if (ov_str_eq_c(fd->label, "attendee"))
        return ov_msg2(c->lang, "role", v);
    if (ov_str_eq_c(fd->label, "occupation"))
        return ov_occupation_label(a, fd->value);
    if (ov_str_eq_c(fd->label, "answered_by"))
        return ov_msg2(c->lang, "answered_by", v);
    if (ov_str_eq_c(fd->label, "network_person"))
        return ov_arena_printf(a, "%s (%.*s)", v, (int)fd->group.len,
                               fd->group.ptr);
    if (ov_str_eq_c(fd->label, "focus_area"))
        return ov_arena_printf(a, "%s %.*s: %s", ov_msg(c->lang, "cti.phase"),
                               (int)fd->group.len, fd->group.ptr, v);
    return v;
}

void ov_v_journal_entry(ov_ctx *c)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_arena *a = c->req->arena;
    ov_form q;
    ov_form_init(&q, query_spec, NQUERY, c->lang, a);
    ov_jkind k = OV_JK_NOTE;
    int64_t ref = 0, ref2 = 0;
    ov_str rs = ov_form_str(&q, "ref");
    if (ov_form_parse_urlencoded(&q, c->req->query, NULL) != OV_OK ||
        !parse_ref(rs = ov_str_trim(ov_form_str(&q, "ref")), &k, &ref,
                   &ref2)) {
        ov_err_msg(&err, OV_EINVAL, "ref", journal_ref_invalid,
                   ov_arg_strn(rs.ptr, rs.len));
        ov_ctx_finish(c, tx, false, &err);
        return;
    }
    ov_journal_entry e;
    ov_journal_field *fields = NULL;
    int nf = 0;
    ov_settings set;
    bool ok = ov_journal_entry_read(tx, c->id, k, ref, ref2, a, &e, &fields,
                                    &nf, &err) == OV_OK &&
              ov_settings_get(tx, c->req->viewer.municipality_code, &set,
                              &err) == OV_OK;
    if (ok && e.kind == OV_JK_PLAN) {
        /* the changes in the reader's language, in the summary and in
         * the "changes" field */
        const char *t;
        ok = ov_ui_plan_changes(c, tx, c->id, (int)e.num, &t, &err) == OV_OK;
        e.text = ov_str_c(t);
        for (int i = 0; ok && i < nf; i++)
            if (ov_str_eq_c(fields[i].label, "changes"))
                fields[i].value = ov_str_c(t);
    }
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        json_t *arr = json_array();
        for (int i = 0; i < nf; i++)
            json_array_append_new(
                arr, json_pack("{s:s,s:s,s:s}", "label",
                               cstr(a, fields[i].label), "group",
                               cstr(a, fields[i].group), "value",
                               cstr(a, fields[i].value)));
        char d[OV_DATE_BUF];
        ov_date_format_iso(e.at, d);
        answer_json(c, json_pack("{s:s,s:s,s:s,s:s,s:s,s:o}", "at", d,
                                 "kind", ov_jkind_code(e.kind), "author",
                                 author_of(c, &e), "summary",
                                 summary_of(c, &e), "ref", ref_of(a, &e),
                                 "fields", arr));
        return;
    }
    ov_response *res = c->res;
    const char *kind_key = ov_arena_printf(a, "jkind.%s", ov_jkind_code(k));
    ov_page_begin(res, c->req, 200, ov_str_c(ov_msg(c->lang, kind_key)));
    ov_html_printf(res, "<p><a href=\"/forloeb/%D/journal\">%t</a></p>", c->id,
                   "journal.back");
    ov_html_printf(res, "<dl class=\"jentry\"><dt>%t</dt><dd>", "common.date");
    ov_page_date(res, e.at);
    ov_html_printf(res,
                   "</dd><dt>%t</dt><dd>%h</dd><dt>%t</dt><dd>%h</dd></dl>",
                   "journal.author", author_of(c, &e), "journal.summary",
                   summary_of(c, &e));
    /* the fields, a heading per life domain */
    ov_str group = OV_STR_LIT("");
    bool open = false;
    for (int i = 0; i < nf; i++) {
        const ov_journal_field *fd = &fields[i];
        bool domain = ov_str_eq_c(fd->label, "own_words") ||
                      ov_str_eq_c(fd->label, "resources") ||
                      ov_str_eq_c(fd->label, "challenges") ||
                      ov_str_eq_c(fd->label, "rating");
        if (domain && !ov_str_eq(fd->group, group)) {
            if (open)
                ov_html_lit(res, "</dl>");
            int di = ov_life_domains_find(&set.domains, fd->group);
            ov_html_printf(res, "<h2>%h</h2><dl class=\"jentry\">",
                           di >= 0 ? ov_str_c(set.domains.label_da[di])
                                   : fd->group);
            group = fd->group;
            open = true;
        } else if (!domain && (!open || group.len)) {
            if (open)
                ov_html_lit(res, "</dl>");
            ov_html_lit(res, "<dl class=\"jentry\">");
            group = OV_STR_LIT("");
            open = true;
        }
        ov_html_printf(res, "<dt>%h</dt><dd class=\"text\">%h</dd>",
                       field_label(c, fd->label), field_value(c, fd));
    }
    if (open)
        ov_html_lit(res, "</dl>");

    /* where the record lives */
    ov_html_lit(res, "<p class=\"jlinks\">");
    switch (e.kind) {
    case OV_JK_PLAN:
        ov_html_printf(res, "<a href=\"/forloeb/%D/plan?v=%D\">%t</a>", c->id,
                       e.ref, "journal.open_plan");
        break;
    case OV_JK_PLAN_COMMENT:
        ov_html_printf(res, "<a href=\"/forloeb/%D/plan?v=%D\">%t</a>", c->id,
                       e.ref2, "journal.open_plan");
        break;
    case OV_JK_PLACEMENT:
    case OV_JK_AGREEMENT:
    case OV_JK_SIGNOFF:
        ov_html_printf(res, "<a href=\"/virksomhedsforloeb/%D\">%t</a>",
                       e.ref, "journal.open_placement");
        break;
    case OV_JK_CTI_START:
    case OV_JK_CTI_CONTACT:
        ov_html_printf(res, "<a href=\"/forloeb/%D/cti\">%t</a>", c->id,
                       "journal.open_cti");
        break;
    case OV_JK_MEASUREMENT:
        ov_html_printf(res, "<a href=\"/forloeb/%D/maalinger\">%t</a>", c->id,
                       "journal.open_measures");
        break;
    case OV_JK_NOTE:
        if (e.ref2)
            ov_html_printf(res,
                           "<a href=\"/forloeb/%D/journal/post?ref=note:%D\">"
                           "%t</a> &middot; ",
                           c->id, e.ref2, "journal.open_corrected");
        if (e.num)
            ov_html_printf(res,
                           "<a href=\"/forloeb/%D/journal/post?ref=note:%D\">"
                           "%t</a>",
                           c->id, e.num, "journal.open_correction");
        else if (ov_may_do(&c->req->viewer, OV_OP_JOURNAL_NOTE))
            ov_html_printf(res,
                           "<a href=\"/forloeb/%D/journal?corrects=%D#note\">"
                           "%t</a>",
                           c->id, e.ref, "journal.correct");
        break;
    default:
        ov_html_printf(res, "<a href=\"/forloeb/%D\">%t</a>", c->id,
                       "journal.open_course");
        break;
    }
    ov_html_lit(res, "</p>");
    ov_page_end(res);
}
