/*
 * ui_mine.c - the citizen's own pages (issue 14 §1), in plain Danish:
 *  - /mine-spoergeskemaer: the WHO-5, self-efficacy and readiness
 *    questionnaires when they are due, answered by the citizen themselves
 *    (recorded as entered by the citizen), and their own trajectory in
 *    words afterwards; POST /api/v1/me/measurements is the same as JSON;
 *  - /mine-forslag: the company match proposals made to them, answered
 *    yes or no with a comment (the form posts to ov_act_answer in
 *    ui_match.c, which records the answer as the citizen's);
 *  - /mine-data: the download of everything overgang holds about them
 *    (store/export.h) as JSON (GET /api/v1/me/export) and as a PDF
 *    (GET /api/v1/me/export.pdf); each download is audited as an export.
 * Every route here is the citizen's own (OV_OP_OWN_DATA): staff are
 * refused with 403 and use the course's pages.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "model/measure.h"
#include "report/export_pdf.h"
#include "store/course.h"
#include "store/export.h"
#include "store/match.h"
#include "store/measure.h"
#include "store/settings.h"
#include "web/handlers.h"

/* ---- the trajectory in words ---- */

/* The citizen's trajectory of one instrument in plain words: the thing
 * measured as they would say it (catalogue "mine.what.<code>": trivsel,
 * tro på egne evner, parathed til arbejde) and the points before and now
 * ("Din trivsel er steget fra 44 til 56"; the first time: "Det er første
 * gang ..."). Up, down or the same by the points themselves: the sentence
 * tells what happened, not whether it is clinically meaningful. */
const char *ov_mine_trajectory(ov_arena *a, ov_lang l, ov_instrument in,
                               bool has_before, int before, int after)
{
    char what[32], key[32], b[16], n[16];
    snprintf(what, sizeof what, "mine.what.%s", ov_instrument_code(in));
    snprintf(b, sizeof b, "%d", before);
    snprintf(n, sizeof n, "%d", after);
    snprintf(key, sizeof key, "mine.traj.%s",
             !has_before     ? "first"
             : after > before ? "up"
             : after < before ? "down"
                              : "same");
    /* %1 the thing, %2 the points before, %3 the points now */
    const char *t = ov_msg_fill(a, l, key, ov_msg(l, what), b);
    size_t len = strlen(t), nl = strlen(n);
    char *out = ov_arena_alloc(a, len + nl + 1);
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] == '%' && t[i + 1] == '3') {
            memcpy(out + o, n, nl);
            o += nl;
            i++;
        } else {
            out[o++] = t[i];
        }
    }
    out[o] = '\0';
    return out;
}

/* The text of question i (0-based) of an instrument, as the staff's form
 * shows it (web/ui_measure.c): WHO-5's catalogue texts, the readiness
 * question, and for self-efficacy the municipality's item texts (`set`;
 * ov_ui_gse_item_text, the staff form's look-up). */
static const char *item_text(ov_ctx *c, ov_instrument in, int i,
                             const ov_settings *set)
{
    ov_arena *a = c->req->arena;
    if (in == OV_INSTR_WHO5)
        return ov_msg(c->lang, ov_arena_printf(a, "who5.%d", i + 1));
    if (in == OV_INSTR_READINESS)
        return ov_msg(c->lang, "readiness.question");
    return ov_ui_gse_item_text(c->lang, a, set, i);
}

static const char *scale_label(ov_ctx *c, ov_instrument in, int v)
{
    if (in == OV_INSTR_READINESS)
        return c->lang == OV_LANG_EN ? ov_readiness_anchor_en(v)
                                     : ov_readiness_anchor_da(v);
    return ov_msg(c->lang,
                  ov_arena_printf(c->req->arena, "%s.scale.%d",
                                  ov_instrument_code(in), v));
}

/* ---- /mine-spoergeskemaer ---- */

static const char *instr_opt(int i)
{
    return i >= 0 && i < OV_INSTR_COUNT
               ? ov_instrument_code((ov_instrument)i)
               : NULL;
}

static const ov_field q_spec[] = {
    {.name = "instrument", .type = OV_F_CHOICE, .required = true,
     .label = "measure.instrument", .option = instr_opt,
     .noptions = OV_INSTR_COUNT, .option_prefix = "instr"},
    {.name = "item*", .type = OV_F_INT, .min = 0, .max_i = 10,
     .label = "measure.item"},
};
#define NQ 2

/* The citizen's course, checked in the request's transaction (before the
 * handler takes it): its audit purpose becomes the course. *course 0 when
 * they have none. */
static ov_status own_course(ov_ctx *c, int64_t *course, ov_err *err)
{
    if (ov_own_course(c->req->tx, c->req->viewer.citizen_id, course, err) !=
        OV_OK)
        return err->code;
    if (*course == 0)
        return OV_OK;
    return ov_ctx_check_course(c, *course, -1, err);
}

typedef struct q_state {
    ov_course co;
    ov_settings set;
    ov_measurement *m[OV_INSTR_COUNT];
    ov_list_info li[OV_INSTR_COUNT];
    ov_measure_due due[OV_INSTR_COUNT];
    bool today[OV_INSTR_COUNT]; /* answered today already */
} q_state;

/* Read what the page shows: the course, its settings and the citizen's
 * own answers of each instrument with where each stands in its schedule
 * (readiness: the citizen's own ratings). */
static ov_status q_read(ov_ctx *c, ov_tx *tx, int64_t course, q_state *q,
                        ov_err *err)
{
    ov_arena *a = c->req->arena;
    if (ov_course_get(tx, course, a, &q->co, err) != OV_OK ||
        ov_settings_get(tx, q->co.municipality_code, &q->set, err) != OV_OK)
        return err->code;
    for (int i = 0; i < OV_INSTR_COUNT; i++) {
        if (ov_measure_list(tx, course, (ov_instrument)i, 200, a, &q->m[i],
                            &q->li[i], err) != OV_OK)
            return err->code;
        /* only the citizen's own readiness ratings, in place */
        int k = 0;
        for (int j = 0; j < q->li[i].n; j++)
            if (i != OV_INSTR_READINESS ||
                (q->m[i][j].has_rater &&
                 q->m[i][j].rater == OV_RATER_CITIZEN))
                q->m[i][k++] = q->m[i][j];
        q->li[i].n = k;
        ov_date *taken = OV_NEW_N(a, ov_date, (size_t)k + 1);
        for (int j = 0; j < k; j++) {
            taken[j] = q->m[i][j].taken_on;
            if (taken[j] == c->today)
                q->today[i] = true;
        }
        q->due[i] = ov_measure_next_due(q->co.started_on, q->co.ended,
                                        q->co.ended_on, taken, k, c->today,
                                        q->set.measure_tolerance_days);
    }
    return OV_OK;
}

static void q_form(ov_ctx *c, ov_instrument in, ov_form *f,
                   const ov_settings *set)
{
    ov_response *res = c->res;
    const char *code = ov_instrument_code(in);
    bool this_one = f && ov_str_eq_c(ov_form_str(f, "instrument"), code);
    if (this_one)
        ov_page_form_errors(res, f);
    ov_page_form_begin(res, c->req, ov_str_c("/mine-spoergeskemaer"), false);
    ov_html_printf(res,
                   "<input type=\"hidden\" name=\"instrument\" value=\"%h\">",
                   ov_str_c(code));
    ov_html_printf(res, "<p>%t</p>",
                   in == OV_INSTR_WHO5  ? "who5.intro"
                   : in == OV_INSTR_GSE ? "gse.intro"
                                        : "readiness.intro");
    int n = ov_instrument_items(in);
    int lo = in == OV_INSTR_WHO5 ? 0 : 1;
    int hi = in == OV_INSTR_WHO5 ? 5 : in == OV_INSTR_GSE ? 4 : 10;
    for (int i = 0; i < n; i++) {
        char nm[16], vs[8];
        snprintf(nm, sizeof nm, "item%d", i + 1);
        ov_str cur = this_one ? ov_form_str(f, nm) : OV_STR_NULL;
        const char *e = this_one ? ov_form_error_of(f, nm) : NULL;
        /* a real radio group: the question is the legend, every answer a
         * large label the whole of which is the touch target */
        ov_html_printf(res,
                       "<fieldset class=\"mine-item%h\" id=\"q-%h-%h\">"
                       "<legend>%h</legend>",
                       ov_str_c(e ? " has-error" : ""), ov_str_c(code),
                       ov_str_c(nm), ov_str_c(item_text(c, in, i, set)));
        for (int v = lo; v <= hi; v++) {
            snprintf(vs, sizeof vs, "%d", v);
            ov_html_printf(res,
                           "<label class=\"mine-choice\"><input type=\"radio\""
                           " name=\"%h\" value=\"%d\"%h required> "
                           "<span>%h</span></label>",
                           ov_str_c(nm), v,
                           ov_str_c(ov_str_eq_c(cur, vs) ? " checked" : ""),
                           ov_str_c(scale_label(c, in, v)));
        }
        if (e)
            ov_html_printf(res, "<p class=\"error\">%h</p>", ov_str_c(e));
        ov_html_lit(res, "</fieldset>");
    }
    ov_page_form_end(res, "mine.send");
}

/* The page; f holds the answers again after bad input. */
static void q_render(ov_ctx *c, const q_state *q, bool has_course,
                     ov_form *f, int status)
{
    ov_response *res = c->res;
    ov_arena *a = c->req->arena;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "mine.q_title")));
    ov_html_printf(res, "<p>%t</p>", "mine.q_intro");
    if (!has_course) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "mine.no_course");
        ov_page_end(res);
        return;
    }
    /* after an answer: where it leaves them, announced */
    ov_str just = OV_STR_NULL;
    ov_form qf;
    static const ov_field back_spec[] = {
        {.name = "besvaret", .type = OV_F_CHOICE, .option = instr_opt,
         .noptions = OV_INSTR_COUNT, .option_prefix = "instr",
         .label = "measure.instrument"},
    };
    ov_form_init(&qf, back_spec, 1, c->lang, a);
    if (ov_form_parse_urlencoded(&qf, c->req->query, NULL) == OV_OK)
        just = ov_form_str(&qf, "besvaret");
    for (int i = 0; i < OV_INSTR_COUNT; i++) {
        ov_instrument in = (ov_instrument)i;
        const char *code = ov_instrument_code(in);
        int n = q->li[i].n;
        char ik[32];
        snprintf(ik, sizeof ik, "mine.name.%s", code);
        ov_html_printf(res, "<section class=\"mine-q\" id=\"%h\"><h2>%t</h2>",
                       ov_str_c(code), ik);
        if (n > 0) {
            const ov_measurement *last = &q->m[i][n - 1];
            const char *t = ov_mine_trajectory(
                a, c->lang, in, n > 1, n > 1 ? q->m[i][n - 2].score : 0,
                last->score);
            bool now = ov_str_eq_c(just, code);
            if (now)
                ov_html_lit(res, "<p class=\"trajectory notice ok\" "
                                 "role=\"status\">");
            else
                ov_html_lit(res, "<p class=\"trajectory\">");
            ov_html_printf(res, "%h</p>", ov_str_c(t));
        }
        bool open = f && ov_str_eq_c(ov_form_str(f, "instrument"), code);
        if (q->today[i] && !open) {
            ov_html_printf(res, "<p>%t</p></section>", "mine.answered_today");
            continue;
        }
        if (q->due[i].done) {
            ov_html_printf(res, "<p>%t</p></section>", "mine.done");
            continue;
        }
        if (q->due[i].due || open) {
            ov_html_printf(res, "<p class=\"due\"><strong>%t</strong></p>",
                           "mine.due_now");
            q_form(c, in, f, &q->set);
        } else {
            ov_html_printf(res, "<p>%t ", "mine.next");
            ov_page_date(res, q->due[i].due_on);
            ov_html_printf(res, "</p><details><summary>%t</summary>",
                           "mine.answer_anyway");
            q_form(c, in, f, &q->set);
            ov_html_lit(res, "</details>");
        }
        ov_html_lit(res, "</section>");
    }
    ov_page_end(res);
}

void ov_h_mine_questionnaires(ov_web *app, ov_request *req,
                              ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    int64_t course = 0;
    if (own_course(&c, &course, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    q_state q;
    memset(&q, 0, sizeof q);
    bool ok = course == 0 || q_read(&c, tx, course, &q, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    q_render(&c, &q, course != 0, NULL, 200);
}

/* The API body {"instrument", "date", "items": [...]}: every error names
 * its field. */
static ov_status parse_api(ov_ctx *c, ov_measurement *m, ov_err *err)
{
    json_error_t je;
    ov_str body = c->req->body;
    json_t *j = json_loadb(body.ptr ? body.ptr : "", body.len,
                           JSON_REJECT_DUPLICATES, &je);
    if (!j || !json_is_object(j)) {
        json_decref(j);
        return ov_err_msg(err, OV_EINVAL, "body", me_body_not_json);
    }
    ov_status st = OV_OK;
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v)
    {
        if (strcmp(key, "instrument") != 0 && strcmp(key, "date") != 0 &&
            strcmp(key, "items") != 0) {
            char k[OV_ERR_FIELD_MAX];
            snprintf(k, sizeof k, "%s", key);
            st = ov_err_msg(err, OV_EINVAL, k, me_field_unknown, k);
            goto out;
        }
    }
    static const char *const need[] = {"instrument", "date"};
    for (int k = 0; k < 2; k++) {
        json_t *s = json_object_get(j, need[k]);
        if (!s) {
            st = ov_err_msg(err, OV_EINVAL, need[k], json_field_missing,
                            need[k]);
            goto out;
        }
        if (!json_is_string(s)) {
            st = ov_err_msg(err, OV_EINVAL, need[k], json_field_not_string,
                            need[k]);
            goto out;
        }
    }
    ov_str in = {json_string_value(json_object_get(j, "instrument")),
                 json_string_length(json_object_get(j, "instrument"))};
    ov_str d = {json_string_value(json_object_get(j, "date")),
                json_string_length(json_object_get(j, "date"))};
    if ((st = ov_instrument_parse(in, &m->instrument, err)) != OV_OK ||
        (st = ov_date_parse_iso(d, "date", &m->taken_on, err)) != OV_OK)
        goto out;
    json_t *items = json_object_get(j, "items");
    if (!items) {
        st = ov_err_msg(err, OV_EINVAL, "items", json_field_missing, "items");
        goto out;
    }
    if (!json_is_array(items)) {
        st = ov_err_msg(err, OV_EINVAL, "items", me_items_array);
        goto out;
    }
    size_t n = json_array_size(items);
    int want = ov_instrument_items(m->instrument);
    if (n != (size_t)want) {
        /* the model's message: "who5 has 5 items; got 4" */
        int got = n > 1000 ? 1000 : (int)n;
        st = ov_err_msg(err, OV_EINVAL, "items", measure_items_count,
                        ov_instrument_code(m->instrument), want,
                        want == 1 ? "" : "s", got);
        goto out;
    }
    m->nitems = want;
    for (int i = 0; i < want; i++) {
        json_t *x = json_array_get(items, (size_t)i);
        if (!json_is_integer(x)) {
            st = ov_err_msg(err, OV_EINVAL, "items", me_item_not_integer,
                            i + 1);
            goto out;
        }
        json_int_t vi = json_integer_value(x);
        m->items[i] = vi < -1000 ? -1000 : vi > 1000 ? 1000 : (int)vi;
    }
    /* the range, naming the question: "Spørgsmål 3: svaret skal være
     * 0-5" */
    int score;
    st = ov_measure_score(m->instrument, m->items, m->nitems, &score, err);
out:
    json_decref(j);
    (void)c;
    return st;
}

static ov_status parse_form(ov_ctx *c, ov_form *f, ov_measurement *m,
                            ov_err *err)
{
    if (ov_form_parse(f, c->req, "csrf") != OV_OK) {
        ov_form_first_error(f, err);
        return OV_EINVAL;
    }
    if (ov_instrument_parse(ov_form_str(f, "instrument"), &m->instrument,
                            err) != OV_OK)
        return err->code;
    m->taken_on = c->today;
    m->nitems = ov_instrument_items(m->instrument);
    for (int i = 0; i < m->nitems; i++) {
        char nm[16];
        snprintf(nm, sizeof nm, "item%d", i + 1);
        if (ov_str_trim(ov_form_str(f, nm)).len == 0) {
            ov_err_msg(err, OV_EINVAL, nm, me_item_missing, i + 1);
            ov_form_fail_err(f, err);
            return OV_EINVAL;
        }
        m->items[i] = (int)ov_form_int(f, nm, -1);
    }
    return OV_OK;
}

/* POST /mine-spoergeskemaer (form) and POST /api/v1/me/measurements
 * (JSON): the citizen's own answers, for today on the page, for the date
 * given in the API; recorded as entered by the citizen (readiness: rated
 * by the citizen). A questionnaire answered for the date already is
 * refused by the store (409). */
void ov_h_mine_measure_post(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_measurement m;
    memset(&m, 0, sizeof m);
    ov_form f;
    ov_form_init(&f, q_spec, NQ, c.lang, req->arena);
    int64_t course = 0;
    ov_status st = c.api ? parse_api(&c, &m, &err) : parse_form(&c, &f, &m,
                                                                 &err);
    bool parsed = st == OV_OK;
    if (own_course(&c, &course, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    if (parsed && course == 0)
        st = ov_err_msg(&err, OV_ENOTFOUND, NULL, me_no_course);
    int64_t id = 0;
    if (parsed && course != 0) {
        m.entered_by = OV_BY_CITIZEN;
        m.has_rater = m.instrument == OV_INSTR_READINESS;
        m.rater = OV_RATER_CITIZEN;
        st = ov_measure_record(tx, course, &m, c.today, &id, &err);
        /* the API names the date "date" */
        if (st != OV_OK && c.api && strcmp(err.field, "taken_on") == 0)
            snprintf(err.field, sizeof err.field, "date");
    }
    if (st == OV_OK) {
        if (!ov_ctx_finish(&c, tx, true, &err))
            return;
        if (c.api) {
            json_t *j = json_pack("{s:I,s:i}", "id", (json_int_t)id,
                                  "score", m.score);
            ov_response_json(res, 200, ov_json_dump(j, req->arena));
            return;
        }
        ov_page_redirect(res, ov_arena_printf(req->arena,
                                              "/mine-spoergeskemaer?"
                                              "besvaret=%s#%s",
                                              ov_instrument_code(m.instrument),
                                              ov_instrument_code(m.instrument)));
        return;
    }
    if (c.api || course == 0) {
        ov_ctx_finish(&c, tx, false, &err);
        return;
    }
    /* the page again with the answers kept and the error at its
     * question, read in the same transaction with nothing written */
    ov_err e2;
    ov_err_clear(&e2);
    if (ov_tx_undo(tx, &e2) != OV_OK) {
        ov_ctx_fail(&c, &e2);
        return;
    }
    if (f.nerrors == 0)
        ov_form_fail_err(&f, &err);
    q_state q;
    memset(&q, 0, sizeof q);
    bool ok = q_read(&c, tx, course, &q, &e2) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &e2))
        return;
    q_render(&c, &q, true, &f, ov_status_http(err.code));
}

/* ---- /mine-forslag ---- */

/* How well the proposal fits, in words, from the match score (0-100). */
static const char *fit_key(double score)
{
    return score >= 75 ? "mine.fit.high"
           : score >= 50 ? "mine.fit.mid"
                         : "mine.fit.low";
}

void ov_h_mine_proposals(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    int64_t course = 0;
    if (own_course(&c, &course, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_arena *a = req->arena;
    ov_proposal_row *p = NULL;
    ov_list_info li = {0, 0, false};
    bool ok = course == 0 ||
              ov_proposal_list(tx, course, a, &p, &li, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "mine.p_title")));
    ov_html_printf(res, "<p>%t</p>", "mine.p_intro");
    if (li.n == 0)
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "mine.p_none");
    ov_page_list_cut(res, &li, "list.newest");
    for (int i = 0; i < li.n; i++) {
        const ov_proposal_row *r = &p[i];
        ov_html_printf(res,
                       "<section class=\"mine-proposal\" id=\"forslag-%D\">"
                       "<h2>%h</h2><dl class=\"facts\"><dt>%t</dt><dd>%h</dd>"
                       "<dt>%t</dt><dd>",
                       r->id, r->company_name, "mine.p_job", r->opening_tasks,
                       "mine.p_hours");
        ov_html_printf(res, "%d-%d %t</dd><dt>%t</dt><dd>%t ", r->hours_min,
                       r->hours_max, "mine.p_hours_week", "mine.p_why",
                       fit_key(r->score));
        ov_page_date(res, r->proposed_on);
        ov_html_lit(res, ".</dd></dl>");
        if (r->answered) {
            ov_html_printf(res, "<p class=\"notice ok\">%t ",
                           r->agreed ? "mine.p_said_yes" : "mine.p_said_no");
            ov_page_date(res, r->answered_on);
            ov_html_lit(res, ".</p>");
            if (r->comment.len)
                ov_html_printf(res,
                               "<p>%t: &ldquo;%h&rdquo;</p>",
                               "mine.p_your_comment", r->comment);
        } else {
            ov_page_form_begin(res, req,
                               ov_str_c(ov_arena_printf(
                                   a, "/forslag/%lld/svar",
                                   (long long)r->id)),
                               false);
            ov_html_printf(res,
                           "<fieldset class=\"mine-item\"><legend>%t"
                           "</legend><label class=\"mine-choice\"><input "
                           "type=\"radio\" name=\"answer\" value=\"yes\" "
                           "required> <span>%t</span></label><label "
                           "class=\"mine-choice\"><input type=\"radio\" "
                           "name=\"answer\" value=\"no\" required> <span>%t"
                           "</span></label></fieldset>",
                           "mine.p_question", "mine.p_yes", "mine.p_no");
            ov_html_printf(res,
                           "<div class=\"field\"><label for=\"c-%D\">%t"
                           "</label><textarea id=\"c-%D\" name=\"comment\" "
                           "rows=\"3\" maxlength=\"%d\"></textarea></div>",
                           r->id, "mine.proposal_comment", r->id,
                           OV_MATCH_COMMENT_MAX);
            ov_page_form_end(res, "mine.p_send");
        }
        ov_html_lit(res, "</section>");
    }
    ov_page_end(res);
}

/* ---- /mine-data and the downloads ---- */

void ov_h_mine_data(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    if (!ov_ctx_finish(&c, tx, true, &err))
        return;
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "mine.d_title")));
    ov_html_printf(res,
                   "<p>%t</p><p>%t</p><ul class=\"downloads\">"
                   "<li><a class=\"button\" href=\"/mine-data.pdf\" "
                   "download>%t</a></li><li><a class=\"button\" "
                   "href=\"/mine-data.json\" download>%t</a></li></ul>"
                   "<p>%t</p><p><a href=\"/min-adgangslog\">%t</a></p>",
                   "mine.d_intro", "mine.d_what",
                   "mine.d_pdf", "mine.d_json", "mine.d_logged",
                   "nav.my_log");
    ov_page_end(res);
}

static bool read_export(ov_ctx *c, ov_export *x)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return false;
    }
    bool ok = ov_export_citizen(tx, c->req->viewer.citizen_id, c->req->arena,
                                x, &err) == OV_OK;
    return ov_ctx_finish(c, tx, ok, &err);
}

static json_t *value_json(const ov_export_field *f, const ov_export_value *v)
{
    if (v->null)
        return json_null();
    switch (f->kind) {
    case OV_XK_TEXT: return json_stringn(v->text.ptr ? v->text.ptr : "",
                                         v->text.len);
    case OV_XK_INT: return json_integer((json_int_t)v->i);
    case OV_XK_REAL: return json_real(v->r);
    case OV_XK_BOOL: return json_boolean(v->i != 0);
    }
    return json_null();
}

/* The export as JSON (docs/citizen-export.md). */
ov_str ov_mine_export_json(const ov_export *x, ov_date today, ov_arena *a)
{
    char bd[OV_DATE_BUF], td[OV_DATE_BUF];
    ov_date_format_iso(x->birth_date, bd);
    ov_date_format_iso(today, td);
    json_t *j = json_pack("{s:s,s:i,s:s,s:{s:s%,s:s,s:s}}", "format",
                          "overgang-citizen-export", "version", 1,
                          "exported_on", td, "person", "name",
                          x->full_name.ptr ? x->full_name.ptr : "",
                          x->full_name.len, "birth_date", bd, "sex",
                          x->sex ? x->sex : "");
    for (int s = 0; s < x->nsections; s++) {
        const ov_export_section *sec = &x->sections[s];
        json_t *items = json_array();
        for (int r = 0; r < sec->li.n; r++) {
            json_t *o = json_object();
            for (int f = 0; f < sec->nfields; f++)
                json_object_set_new(o, sec->fields[f].name,
                                    value_json(&sec->fields[f],
                                               &sec->rows[r][f]));
            json_array_append_new(items, o);
        }
        json_object_set_new(j, sec->name,
                            json_pack("{s:o,s:i,s:b}", "items", items,
                                      "total", sec->li.total, "truncated",
                                      sec->li.truncated));
    }
    return ov_json_dump(j, a);
}

static void no_store(ov_ctx *c)
{
    /* a person's data: never kept by a shared cache or the browser */
    ov_response_header(c->res, "Cache-Control", "no-store");
}

void ov_h_me_export(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_export x;
    if (!read_export(&c, &x))
        return;
    ov_response_download(res, "application/json", "mine-data.json",
                         ov_mine_export_json(&x, c.today, req->arena));
    no_store(&c);
}

static const char *catalogue(int lang, const char *key)
{
    return ov_msg((ov_lang)lang, key);
}

void ov_h_me_export_pdf(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_export x;
    if (!read_export(&c, &x))
        return;
    ov_err err;
    ov_err_clear(&err);
    ov_str pdf;
    /* a document to read: in the reader's language (the page links it),
     * not the API's English */
    if (ov_export_pdf(&x, req->lang, catalogue, c.today, req->arena, &pdf,
                      NULL, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_response_download(res, "application/pdf", "mine-data.pdf", pdf);
    no_store(&c);
}
