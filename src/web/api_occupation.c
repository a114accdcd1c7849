/*
 * api_occupation.c - GET /api/v1/occupations?q=...: the DISCO-08
 * occupations whose title holds the query (any part, case and accents
 * ignored) or whose code begins with it, best first, at most
 * OV_OCCUPATION_SEARCH_MAX (model/occupation.h). The forms where an
 * occupation is chosen (plan, match profile, opening) ask it as the user
 * types (static/app.js) and offer the answers in a <datalist>.
 *
 * Format: {"occupations": [{"code", "title"}], "total", "truncated"}.
 * The list is compiled into the program and holds no citizen data: the
 * route's transaction is a plain READ, taken and finished as every
 * handler's is, and nothing is written to the audit log.
 */
#include <jansson.h>
#include <stdlib.h>

#include "model/occupation.h"
#include "web/form.h"
#include "web/handlers.h"
#include "web/ui.h"

static const ov_field occupation_spec[] = {
    {.name = "q", .type = OV_F_TEXT, .max = 200, .label = "occupation.q"},
};

void ov_h_occupations(ov_web *app, ov_request *req, ov_response *res)
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
    ov_form f;
    ov_form_init(&f, occupation_spec, 1, c.lang, req->arena);
    if (ov_form_parse_urlencoded(&f, req->query, NULL) != OV_OK) {
        ov_form_first_error(&f, &err);
        ov_response_error(res, &err);
        return;
    }
    ov_str q = ov_str_trim(ov_form_str(&f, "q"));
    if (!q.len) {
        ov_err_msg(&err, OV_EINVAL, "q", occupation_query_empty);
        ov_response_error(res, &err);
        return;
    }
    const ov_occupation *hits[OV_OCCUPATION_SEARCH_MAX];
    size_t total = 0;
    size_t n = ov_occupation_search(q, hits, OV_OCCUPATION_SEARCH_MAX, &total);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s,s:s}", "code",
                                             hits[i]->code, "title",
                                             hits[i]->title));
    json_t *j = json_pack("{s:o,s:I,s:b}", "occupations", arr, "total",
                          (json_int_t)total, "truncated", total > n);
    char *t = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    ov_response_json(res, 200,
                     ov_str_c(ov_arena_strdup(req->arena, t ? t : "{}")));
    free(t);
}
