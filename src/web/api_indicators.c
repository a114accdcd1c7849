/*
 * api_indicators.c - `GET /api/v1/indicators`: fidelity, results and
 * caseloads of the caller's municipality for a period (issue 12), for
 * frontline staff (their own and their team's figures) and leaders and
 * administrators (the whole municipality, any team or staff member).
 *
 * ?from=YYYY-MM-DD&to=YYYY-MM-DD (default: the 12 months up to today),
 * &team=ID, &staff=ID. Bad input answers 400 naming the field; a team or
 * staff member that is not the municipality's answers 404 exactly as one
 * that does not exist; a filter the caller may not see answers 403. The
 * read is audited (one row for the facts read, store/indicators.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/access.h"
#include "report/numtext.h"
#include "store/indicators.h"
#include "web/board.h"
#include "web/handlers.h"
#include "web/indicators.h"

const char *ov_ind_label(ov_lang lang, ov_ind_id id)
{
    return ov_msg2(lang, "ind", ov_ind_code(id));
}

_Static_assert((int)OV_LANG_DA == (int)OV_NUM_DA &&
                   (int)OV_LANG_EN == (int)OV_NUM_EN,
               "ov_lang and ov_numlang share their values");

const char *ov_ind_figure(ov_arena *a, ov_lang lang, ov_ind_unit unit,
                          double v)
{
    ov_numlang l = (ov_numlang)lang;
    ov_numtext t = ov_num_value(l, v, 1);
    const char *n = t.s;
    switch (unit) {
    case OV_IND_PERCENT: return ov_arena_strdup(a, ov_num_percent(l, v, 1).s);
    case OV_IND_DAYS:
        return ov_arena_printf(a, "%s %s", n, ov_msg(lang, "board.u.days"));
    case OV_IND_HOURS:
        return ov_arena_printf(a, "%s %s", n, ov_msg(lang, "board.u.hours"));
    case OV_IND_PER_WEEK:
        return ov_arena_printf(a, "%s %s", n,
                               ov_msg(lang, "board.u.per_week"));
    case OV_IND_POINTS:
        return ov_arena_printf(a, "%s%s %s", v > 0 ? "+" : "", n,
                               ov_msg(lang, "board.u.points"));
    default: return ov_arena_strdup(a, n);
    }
}

const char *ov_ind_count(ov_arena *a, ov_lang lang, double v)
{
    return ov_arena_strdup(a, ov_num_value((ov_numlang)lang, v, 1).s);
}

static json_t *num(double v)
{
    double r = round(v * 100.0) / 100.0;
    if (r == (double)(json_int_t)r && fabs(r) < 1e15)
        return json_integer((json_int_t)r);
    return json_real(r);
}

json_t *ov_ind_json_one(const ov_indicator *x, ov_lang lang)
{
    json_t *element = x->group <= OV_IND_GROUP_AGREEMENT
                          ? json_integer(x->group)
                          : json_string(ov_ind_group_code(x->group));
    return json_pack("{s:s,s:o,s:s,s:o,s:o,s:o,s:o,s:s}", "id", x->code,
                     "element", element, "label", ov_ind_label(lang, x->id),
                     "numerator", num(x->numerator), "denominator",
                     num(x->denominator), "value",
                     x->has_value ? num(x->value) : json_null(), "target",
                     x->has_target ? num(x->target) : json_null(), "status",
                     ov_ind_status_code(x->status));
}

json_t *ov_ind_json(int municipality, ov_date from, ov_date to,
                    const ov_indicator ind[OV_IND_COUNT], ov_lang lang)
{
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    json_t *arr = json_array();
    for (int i = 0; i < OV_IND_COUNT; i++)
        json_array_append_new(arr, ov_ind_json_one(&ind[i], lang));
    return json_pack("{s:i,s:s,s:s,s:o,s:[]}", "municipality", municipality,
                     "from", f, "to", t, "indicators", arr, "attention");
}

static const ov_field query_spec[] = {
    {.name = "from", .type = OV_F_DATE, .label = "ind.from"},
    {.name = "to", .type = OV_F_DATE, .label = "ind.to"},
    {.name = "team", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "ind.team"},
    {.name = "staff", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "ind.staff"},
};

void ov_h_indicators(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_form f;
    ov_form_init(&f, query_spec, 4, c.lang, req->arena);
    if (ov_form_parse_urlencoded(&f, req->query, NULL) != OV_OK) {
        ov_form_first_error(&f, &err);
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_ind_query q = {.municipality_code = req->viewer.municipality_code};
    q.to = ov_form_has(&f, "to") ? ov_form_date(&f, "to", c.today) : c.today;
    q.from = ov_form_has(&f, "from")
                 ? ov_form_date(&f, "from", c.today)
                 : ov_date_add_months(q.to, -12) + 1;
    q.team_id = ov_form_int(&f, "team", 0);
    q.staff_id = ov_form_int(&f, "staff", 0);
    if (q.team_id == 0 && q.staff_id == 0)
        q.staff_id = ov_indicators_default_staff(&req->viewer);
    /* the request's audited read, for the purpose the route declares */
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_board b;
    json_t *attention = NULL;
    bool on_team = false;
    bool ok = ov_ind_query_check(tx, &q, &err) == OV_OK &&
              (q.team_id == 0 ||
               ov_ind_on_team(tx, req->viewer.user_id, q.team_id, &on_team,
                              &err) == OV_OK);
    if (ok && !ov_may_see_indicators(&req->viewer, q.team_id, on_team,
                                     q.staff_id)) {
        ov_err_msg(&err, OV_EPERM, NULL, ind_api_scope);
        ok = false;
    }
    /* the figures and the courses that need attention (web/board.h), as
     * the board shows them */
    ok = ok &&
         ov_board_read_cached(tx, &q, c.today, false,
                              req->arena, &b, &err) == OV_OK &&
         ov_board_attention_json(tx, &b, req->arena, &attention, &err) ==
             OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err)) {
        json_decref(attention);
        return;
    }
    json_t *j = ov_ind_json(q.municipality_code, q.from, q.to, b.ind, c.lang);
    json_object_set_new(j, "attention", attention);
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    ov_response_json(res, 200,
                     ov_str_c(ov_arena_strdup(req->arena, text ? text : "{}")));
    free(text);
}
