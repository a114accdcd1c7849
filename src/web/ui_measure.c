/*
 * ui_measure.c - measurement forms (WHO-5, self-efficacy, readiness) and
 * their trajectories as charts.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/measure.h"
#include "model/settings.h"
#include "store/measure.h"
#include "store/settings.h"
#include "web/chart.h"
#include "web/handlers.h"

static const char *instr_opt(int i)
{
    return i >= 0 && i < OV_INSTR_COUNT
               ? ov_instrument_code((ov_instrument)i)
               : NULL;
}

static const char *rater_opt(int i)
{
    return i >= 0 && i < 2 ? ov_rater_code((ov_rater)i) : NULL;
}

static const char *by_opt(int i)
{
    return i >= 0 && i < 2 ? ov_entered_by_code((ov_entered_by)i) : NULL;
}

static const ov_field measure_spec[] = {
    {.name = "instrument", .type = OV_F_CHOICE, .required = true,
     .label = "measure.instrument", .option = instr_opt,
     .noptions = OV_INSTR_COUNT, .option_prefix = "instr"},
    {.name = "taken_on", .type = OV_F_DATE, .required = true,
     .label = "measure.taken_on"},
    {.name = "rater", .type = OV_F_CHOICE, .label = "measure.rater",
     .option = rater_opt, .noptions = 2, .option_prefix = "rater"},
    {.name = "entered_by", .type = OV_F_CHOICE, .label = "measure.entered_by",
     .option = by_opt, .noptions = 2, .option_prefix = "by"},
    {.name = "item*", .type = OV_F_INT, .min = 0, .max_i = 10,
     .label = "measure.item"},
};
#define NMEASURE 5

/* The answers are item1..itemN, in a form and as JSON integers alike. */
static ov_status measure_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                             int64_t *out_id, ov_err *err)
{
    ov_measurement m;
    memset(&m, 0, sizeof m);
    if (ov_instrument_parse(ov_form_str(f, "instrument"), &m.instrument,
                            err) != OV_OK)
        return err->code;
    m.taken_on = ov_form_date(f, "taken_on", c->today);
    m.nitems = ov_instrument_items(m.instrument);
    for (int i = 0; i < m.nitems; i++) {
        char nm[16];
        snprintf(nm, sizeof nm, "item%d", i + 1);
        if (!ov_form_has(f, nm) || ov_str_trim(ov_form_str(f, nm)).len == 0)
            return ov_err_msg(err, OV_EINVAL, nm,
                              measure_answer_all, nm);
        m.items[i] = (int)ov_form_int(f, nm, -1);
    }
    ov_str r = ov_form_str(f, "rater");
    m.has_rater = r.len > 0;
    if (m.has_rater && ov_rater_parse(r, &m.rater, err) != OV_OK)
        return err->code;
    m.entered_by = OV_BY_STAFF;
    ov_str by = ov_form_str(f, "entered_by");
    if (by.len && ov_entered_by_parse(by, &m.entered_by, err) != OV_OK)
        return err->code;
    return ov_measure_record(tx, c->course_id, &m, c->today, out_id, err);
}

static const char *measure_done(ov_ctx *c, int64_t id)
{
    (void)id;
    return ov_ctx_course_page(c, "maalinger");
}

static void measure_page(ov_ctx *c, ov_form *f, int status);

const ov_web_action ov_act_measure = {
    "measurement", measure_spec, NMEASURE, OV_OP_COURSE_WRITE,
    OV_SCOPE_COURSE, measure_run, measure_page, measure_done, NULL};

static void trajectory(ov_ctx *c, ov_instrument in, const ov_measurement *m,
                       const ov_list_info *li)
{
    ov_arena *a = c->req->arena;
    ov_response *res = c->res;
    int n = li->n;
    char ik[32];
    snprintf(ik, sizeof ik, "instr.%s", ov_instrument_code(in));
    ov_html_printf(res, "<h3>%t</h3>", ik);
    if (n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "measure.none");
        return;
    }
    ov_page_list_cut(res, li, "list.first");
    double *y1 = OV_NEW_N(a, double, (size_t)n);
    double *y2 = OV_NEW_N(a, double, (size_t)n);
    const char **xl = OV_NEW_N(a, const char *, (size_t)n);
    bool two = false;
    for (int i = 0; i < n; i++) {
        char *d = ov_arena_alloc(a, OV_DATE_BUF);
        ov_date_format_dk(m[i].taken_on, d);
        xl[i] = d;
        y1[i] = y2[i] = NAN;
        if (in == OV_INSTR_READINESS && m[i].has_rater &&
            m[i].rater == OV_RATER_CTI_WORKER) {
            y2[i] = m[i].score;
            two = true;
        } else {
            y1[i] = m[i].score;
        }
    }
    double lo = in == OV_INSTR_WHO5 ? 0 : in == OV_INSTR_GSE ? 10 : 1;
    double hi = in == OV_INSTR_WHO5 ? 100 : in == OV_INSTR_GSE ? 40 : 10;
    ov_series s[2] = {
        {in == OV_INSTR_READINESS ? ov_msg(c->lang, "rater.citizen")
                                  : ov_msg(c->lang, ik),
         y1, "s1"},
        {ov_msg(c->lang, "rater.cti_worker"), y2, "s2"}};
    ov_chart ch = {ov_msg(c->lang, ik), n, xl, lo, hi, two ? 2 : 1, s, false};
    ov_chart_svg(res, &ch);
    ov_html_printf(res,
                   "<table><thead><tr><th>%t</th><th>%t</th><th>%t</th>"
                   "</tr></thead><tbody>",
                   "measure.taken_on", "measure.score", "measure.entered_by");
    for (int i = n - 1; i >= 0; i--) {
        char bk[32];
        snprintf(bk, sizeof bk, "by.%s", ov_entered_by_code(m[i].entered_by));
        ov_html_lit(res, "<tr><td>");
        ov_page_date(res, m[i].taken_on);
        ov_html_printf(res, "</td><td>%d</td><td>%t</td></tr>", m[i].score,
                       bk);
    }
    ov_html_lit(res, "</tbody></table>");
}

const char *ov_ui_gse_item_text(ov_lang l, ov_arena *a,
                                const ov_settings *s, int i)
{
    const char *t = ov_settings_gse_item(s, i);
    if (t)
        return t;
    return ov_msg_fill(a, l, "gse.item_missing",
                       ov_arena_printf(a, "%d", i + 1), NULL);
}

/* One form per instrument, with its questions (the self-efficacy items'
 * texts from the municipality's settings). */
static void instrument_form(ov_ctx *c, ov_form *f, ov_instrument in,
                            const ov_settings *set)
{
    ov_response *res = c->res;
    ov_arena *a = c->req->arena;
    char ik[32];
    snprintf(ik, sizeof ik, "instr.%s", ov_instrument_code(in));
    bool this_one = ov_str_eq_c(ov_form_str(f, "instrument"),
                                ov_instrument_code(in));
    ov_form own;
    ov_form_init(&own, measure_spec, NMEASURE, c->lang, a);
    ov_form *use = this_one ? f : &own;
    use->id_prefix = ov_instrument_code(in); /* three forms on one page */
    ov_ctx_default_today(c, use, "taken_on");
    /* what an empty "Indtastet af" is saved as (staff typed it in), shown
     * as the choice rather than an empty field */
    if (!ov_form_has(use, "entered_by"))
        ov_form_set(use, a, "entered_by",
                    ov_str_c(ov_entered_by_code(OV_BY_STAFF)));
    ov_html_printf(res, "<details class=\"measure\"%h id=\"form-%h\">"
                        "<summary>%t: %t</summary>",
                   ov_str_c(this_one ? " open" : ""),
                   ov_str_c(ov_instrument_code(in)), "measure.new", ik);
    if (this_one)
        ov_page_form_errors(res, use);
    ov_page_form_begin(res, c->req,
                       ov_str_c(ov_arena_printf(a, "/forloeb/%lld/maalinger",
                                                (long long)c->id)),
                       false);
    ov_html_printf(res,
                   "<input type=\"hidden\" name=\"instrument\" value=\"%h\">",
                   ov_str_c(ov_instrument_code(in)));
    ov_page_field(res, use, &measure_spec[1], NULL, NULL);
    if (in == OV_INSTR_READINESS)
        ov_page_field(res, use, &measure_spec[2], NULL, NULL);
    ov_page_field(res, use, &measure_spec[3], NULL, NULL);
    int n = ov_instrument_items(in);
    int lo = in == OV_INSTR_WHO5 ? 0 : 1;
    int hi = in == OV_INSTR_WHO5 ? 5 : in == OV_INSTR_GSE ? 4 : 10;
    ov_html_printf(res, "<p>%t</p>",
                   in == OV_INSTR_WHO5  ? "who5.intro"
                   : in == OV_INSTR_GSE ? "gse.intro"
                                        : "readiness.intro");
    for (int i = 0; i < n; i++) {
        char nm[16];
        snprintf(nm, sizeof nm, "item%d", i + 1);
        ov_str cur = ov_form_str(use, nm);
        const char *err = ov_form_error_of(use, nm);
        ov_html_printf(res,
                       "<fieldset class=\"item%h\" id=\"f-%h-%h\"><legend>",
                       ov_str_c(err ? " has-error" : ""),
                       ov_str_c(ov_instrument_code(in)), ov_str_c(nm));
        if (in == OV_INSTR_WHO5) {
            char qk[16];
            snprintf(qk, sizeof qk, "who5.%d", i + 1);
            ov_html_printf(res, "%t", qk);
        } else if (in == OV_INSTR_READINESS) {
            ov_html_printf(res, "%t", "readiness.question");
        } else {
            ov_html_printf(res, "%d. %h", i + 1,
                           ov_str_c(ov_ui_gse_item_text(c->lang, a, set, i)));
        }
        ov_html_lit(res, "</legend>");
        /* every scale point with its label: WHO-5's six and readiness's
         * ten anchors one per line, GSE's four short ones in a row */
        for (int v = lo; v <= hi; v++) {
            char vs[8], lk[24];
            snprintf(vs, sizeof vs, "%d", v);
            const char *label;
            if (in == OV_INSTR_READINESS) {
                label = c->lang == OV_LANG_EN ? ov_readiness_anchor_en(v)
                                              : ov_readiness_anchor_da(v);
            } else {
                snprintf(lk, sizeof lk, "%s.scale.%d",
                         ov_instrument_code(in), v);
                label = ov_msg(c->lang, lk);
            }
            ov_html_printf(res,
                           "<label class=\"scale%h\"><input type=\"radio\" "
                           "name=\"%h\" value=\"%d\"%h> %d <small>%h</small>"
                           "</label>",
                           ov_str_c(in == OV_INSTR_GSE ? "" : " line"),
                           ov_str_c(nm), v,
                           ov_str_c(ov_str_eq_c(cur, vs) ? " checked" : ""),
                           v, ov_str_c(label));
        }
        if (err)
            ov_html_printf(res, "<p class=\"error\">%h</p>", ov_str_c(err));
        ov_html_lit(res, "</fieldset>");
    }
    ov_page_form_end(res, "common.save");
    ov_html_lit(res, "</details>");
}

static void measure_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    enum { CAP = 200 };
    ov_measurement *m[OV_INSTR_COUNT];
    ov_list_info n[OV_INSTR_COUNT];
    ov_settings set;
    bool ok = ov_settings_get(tx, c->req->viewer.municipality_code, &set,
                              &err) == OV_OK;
    for (int i = 0; i < OV_INSTR_COUNT && ok; i++)
        ok = ov_measure_list(tx, c->id, (ov_instrument)i, CAP, c->req->arena,
                             &m[i], &n[i], &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        ov_api_measurements(c, m, n);
        return;
    }
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "measure.title")));
    ov_html_printf(res, "<p><a href=\"/forloeb/%D\">%t</a></p>", c->id,
                   "common.back");
    if (ov_may_do(&c->req->viewer, OV_OP_COURSE_WRITE)) {
        ov_form empty;
        ov_form_init(&empty, measure_spec, NMEASURE, c->lang, c->req->arena);
        for (int i = 0; i < OV_INSTR_COUNT; i++)
            instrument_form(c, f ? f : &empty, (ov_instrument)i, &set);
    }
    ov_html_printf(res, "<h2>%t</h2>", "measure.trajectory");
    for (int i = 0; i < OV_INSTR_COUNT; i++)
        trajectory(c, (ov_instrument)i, m[i], &n[i]);
    ov_page_end(res);
}

void ov_v_measures(ov_ctx *c)
{
    measure_page(c, NULL, 200);
}
