/*
 * openapi.c - the OpenAPI 3 document of the route table's /api/ routes
 * (served at /api/v1/openapi.json); an action's request body is derived
 * from its fields, so the document cannot drift from what is checked.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/handlers.h"

static const char *const method_names[] = {"get", "post", "put", "delete",
                                           "other"};

/* The lists (the store's list convention, store/store.h): the answer
 * holds the array under `name`, at most its cap of rows, with "total",
 * every row there is, and "truncated", true when the cap cut the list. */
static const struct {
    const char *pattern, *name;
} lists[] = {
    {"/api/v1/cases", "cases"},
    {"/api/v1/me/access-log", "access_log"},
    {"/api/v1/me/agreements", "agreements"},
    {"/api/v1/companies", "companies"},
    {"/api/v1/screening/batches", "batches"},
    {"/api/v1/screening/batches/{id}", "candidates"},
    {"/api/v1/audit", "audit"},
    {"/api/v1/cases/{id}/measurements", "measurements"},
    {"/api/v1/tasks", "tasks"},
    {"/api/v1/users", "users"},
    {"/api/v1/teams", "teams"},
    {"/api/v1/citizens", "citizens"},
    {"/api/v1/economics/scenarios", "scenarios"},
};

static json_t *list_response(const char *name)
{
    json_t *props = json_pack(
        "{s:{s:s},s:{s:s,s:s},s:{s:s,s:s}}", name, "type", "array", "total",
        "type", "integer", "description",
        "every row there is; the array holds at most the list's cap of them",
        "truncated", "type", "boolean", "description",
        "true when the cap cut the list (a page then says \"the newest n of "
        "total\")");
    return json_pack("{s:s,s:{s:{s:{s:s,s:o,s:[s,s,s]}}}}", "description",
                     "ok", "content", "application/json", "schema", "type",
                     "object", "properties", props, "required", name, "total",
                     "truncated");
}

/* The JSON schema of one field. */
static json_t *field_schema(const ov_field *fd)
{
    switch (fd->type) {
    case OV_F_INT:
    case OV_F_HIDDEN: {
        json_t *s = json_pack("{s:s}", "type", "integer");
        if (fd->min || fd->max_i) {
            json_object_set_new(s, "minimum", json_integer(fd->min));
            json_object_set_new(s, "maximum", json_integer(fd->max_i));
        }
        return s;
    }
    case OV_F_BOOL: return json_pack("{s:s}", "type", "boolean");
    case OV_F_DATE:
        return json_pack("{s:s,s:s}", "type", "string", "format", "date");
    case OV_F_HOURS:
        return json_pack("{s:[s,s],s:s}", "type", "number", "string",
                         "description", "hours 0-60, one decimal");
    case OV_F_JSON: return json_pack("{s:s}", "type", "object");
    case OV_F_CHOICE:
    case OV_F_CHOICES: {
        json_t *en = json_array();
        for (int i = 0; i < fd->noptions; i++)
            if (fd->option(i))
                json_array_append_new(en, json_string(fd->option(i)));
        json_t *s = json_pack("{s:s,s:o}", "type", "string", "enum", en);
        if (fd->type == OV_F_CHOICES)
            return json_pack("{s:s,s:o}", "type", "array", "items", s);
        return s;
    }
    case OV_F_TEXT:
    case OV_F_TEXTAREA:
    case OV_F_FILE: break;
    }
    json_t *s = json_pack("{s:s}", "type", "string");
    if (fd->max)
        json_object_set_new(s, "maxLength", json_integer((json_int_t)fd->max));
    return s;
}

/* The request body of an action: its fields; nested fields ("goals.*.x")
 * are listed by their dotted names in the description of their top-level
 * property. Unknown fields are refused. */
static json_t *action_body(const ov_web_action *act)
{
    json_t *props = json_object(), *req = json_array();
    for (int k = 0; k < act->nspec; k++) {
        const ov_field *fd = &act->spec[k];
        const char *dot = strchr(fd->name, '.');
        const char *star = strchr(fd->name, '*');
        if (!dot && !star) {
            json_object_set_new(props, fd->name, field_schema(fd));
            if (fd->required)
                json_array_append_new(req, json_string(fd->name));
            continue;
        }
        char top[64];
        size_t n = (size_t)((dot ? dot : star) - fd->name);
        snprintf(top, sizeof top, "%.*s", (int)n, fd->name);
        json_t *p = json_object_get(props, top);
        if (!p) {
            p = json_pack("{s:[s,s],s:s}", "type", "object", "array",
                          "description", "nested fields:");
            json_object_set_new(props, top, p);
        }
        const char *d = json_string_value(json_object_get(p, "description"));
        char *nd = NULL;
        size_t L = strlen(d) + strlen(fd->name) + 2;
        nd = malloc(L);
        if (nd) {
            snprintf(nd, L, "%s %s", d, fd->name);
            json_object_set_new(p, "description", json_string(nd));
            free(nd);
        }
    }
    json_t *schema = json_pack("{s:s,s:o,s:b}", "type", "object",
                               "properties", props, "additionalProperties", 0);
    if (json_array_size(req))
        json_object_set_new(schema, "required", req);
    else
        json_decref(req);
    return json_pack("{s:b,s:{s:{s:o}}}", "required", 1, "content",
                     "application/json", "schema", schema);
}

/* The national board's query and answer (api_national.c): a suppressed
 * or unavailable figure is null, never a number. */
static void national_doc(json_t *op)
{
    json_object_set_new(
        op, "parameters",
        json_pack("[{s:s,s:s,s:{s:s,s:s}},{s:s,s:s,s:{s:s,s:s}}]", "name",
                  "from", "in", "query", "schema", "type", "string",
                  "format", "date", "name", "to", "in", "query", "schema",
                  "type", "string", "format", "date"));
    json_t *ind = json_pack(
        "{s:s,s:{s:{s:s},s:{s:s,s:b},s:{s:s,s:b},s:{s:s,s:b},s:{s:s},"
        "s:{s:s,s:s},s:{s:s,s:s}}}",
        "type", "object", "properties", "id", "type", "string", "numerator",
        "type", "number", "nullable", 1, "denominator", "type", "number",
        "nullable", 1, "value", "type", "number", "nullable", 1, "status",
        "type", "string", "suppressed", "type", "boolean", "description",
        "built on fewer than k citizens, or hidden so that it cannot be "
        "worked out from the totals: value, numerator and denominator are "
        "null",
        "available", "type", "boolean", "description",
        "false for a caseload of a municipality known only from imported "
        "extracts (they carry no staff): the figures are null");
    json_t *schema = json_pack(
        "{s:s,s:{s:{s:s},s:{s:s},s:{s:s},s:{s:s,s:{s:s,s:{s:{s:s},"
        "s:{s:s},s:{s:s,s:b},s:{s:s,s:O}}}},s:{s:s,s:{s:{s:s,s:O}}},"
        "s:{s:s}}}",
        "type", "object", "properties", "from", "type", "string", "to",
        "type", "string", "k", "type", "integer", "municipalities", "type",
        "array", "items", "type", "object", "properties", "code", "type",
        "integer", "name", "type", "string", "imported", "type", "string",
        "nullable", 1, "indicators", "type", "array", "items", ind, "total",
        "type", "object", "properties", "indicators", "type", "array",
        "items", ind, "rollout", "type", "array");
    json_decref(ind);
    json_object_set_new(
        json_object_get(op, "responses"), "200",
        json_pack("{s:s,s:{s:{s:o}}}", "description", "ok", "content",
                  "application/json", "schema", schema));
    json_object_set_new(json_object_get(op, "responses"), "403",
                        json_pack("{s:s}", "description",
                                  "any role but the national analyst"));
}

/* The business case's bodies (ui_econ.c): a scenario in the format of
 * docs/economics-format.md, a preset's key or a saved scenario's id; a
 * save names it. */
static void econ_doc(const ov_route *r, json_t *op)
{
    json_t *schema = NULL;
    if (strcmp(r->pattern, "/api/v1/economics/compute") == 0)
        schema = json_pack(
            "{s:s,s:{s:{s:s,s:s},s:{s:s,s:s},s:{s:s}},s:s}", "type",
            "object", "properties", "scenario", "type", "object",
            "description", "docs/economics-format.md", "preset", "type",
            "string", "description", "rambøll-2021-A .. rambøll-2021-D",
            "scenario_id", "type", "integer", "description",
            "exactly one of scenario, preset and scenario_id");
    else if (strcmp(r->pattern, "/api/v1/economics/scenarios") == 0 &&
             r->method == OV_POST)
        schema = json_pack("{s:s,s:{s:{s:s,s:i},s:{s:s,s:s}},s:[s,s]}",
                           "type", "object", "properties", "name", "type",
                           "string", "maxLength", 120, "scenario", "type",
                           "object", "description",
                           "docs/economics-format.md", "required", "name",
                           "scenario");
    if (schema)
        json_object_set_new(op, "requestBody",
                            json_pack("{s:b,s:{s:{s:o}}}", "required", 1,
                                      "content", "application/json",
                                      "schema", schema));
}

ov_str ov_openapi_json(ov_arena *a)
{
    json_t *paths = json_object();
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        /* the API; the HTML pages are documented in the manual */
        if (strncmp(r->pattern, "/api/", 5) != 0)
            continue;
        json_t *item = json_object_get(paths, r->pattern);
        if (!item) {
            item = json_object();
            json_object_set_new(paths, r->pattern, item);
        }
        json_t *op = json_pack("{s:s,s:{s:{s:s},s:{s:s}}}", "summary",
                               r->summary, "responses", "200", "description",
                               "ok", "default", "description",
                               "{\"error\": {\"code\", \"message\"}}");
        if (r->access == OV_ACCESS_SESSION)
            json_object_set_new(op, "security",
                                json_pack("[{s:[]}]", "session"));
        else
            json_object_set_new(op, "security", json_array());
        if (strchr(r->pattern, '{'))
            json_object_set_new(
                op, "parameters",
                json_pack("[{s:s,s:s,s:b,s:{s:s}}]", "name", "id", "in",
                          "path", "required", 1, "schema", "type",
                          "integer"));
        if (r->action && r->method == OV_POST)
            json_object_set_new(op, "requestBody", action_body(r->action));
        for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++)
            if (r->method == OV_GET &&
                strcmp(r->pattern, lists[k].pattern) == 0)
                json_object_set_new(json_object_get(op, "responses"), "200",
                                    list_response(lists[k].name));
        if (strcmp(r->pattern, "/api/v1/national/indicators") == 0)
            national_doc(op);
        if (r->method == OV_POST)
            econ_doc(r, op);
        json_object_set_new(item, method_names[r->method], op);
    }
    json_t *doc = json_pack(
        "{s:s,s:{s:s,s:s},s:o,s:{s:{s:{s:s,s:s,s:s}}}}", "openapi", "3.0.3",
        "info", "title", "overgang", "version", OV_VERSION, "paths", paths,
        "components", "securitySchemes", "session", "type", "apiKey", "in",
        "cookie", "name", OV_SESSION_COOKIE);
    return ov_json_dump(doc, a);
}

void ov_h_openapi(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    ov_response_json(res, 200, ov_openapi_json(req->arena));
}
