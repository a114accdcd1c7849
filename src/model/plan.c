#include "model/plan.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "model/occupation.h"

static const struct {
    const char *code, *label;
} statuses[OV_ITEM_COUNT] = {
    [OV_ITEM_PLANNED] = {"planned", "Planlagt"},
    [OV_ITEM_IN_PROGRESS] = {"in_progress", "I gang"},
    [OV_ITEM_DONE] = {"done", "Gennemført"},
    [OV_ITEM_CANCELLED] = {"cancelled", "Annulleret"},
};

const char *ov_item_status_code(ov_item_status s)
{
    return (unsigned)s < OV_ITEM_COUNT ? statuses[s].code : "unknown";
}

const char *ov_item_status_label_da(ov_item_status s)
{
    return (unsigned)s < OV_ITEM_COUNT ? statuses[s].label : "Ukendt";
}

static bool responsible_ok(ov_role r)
{
    return r == OV_ROLE_EMPLOYMENT_CASEWORKER ||
           r == OV_ROLE_SOCIAL_CASEWORKER || r == OV_ROLE_CTI_WORKER ||
           r == OV_ROLE_COMPANY_CONSULTANT || r == OV_ROLE_CITIZEN;
}

static ov_status text_ok(ov_str t, const char *path, bool required,
                         ov_err *err)
{
    if (required && ov_str_trim(t).len == 0)
        return ov_err_msg(err, OV_EINVAL, path, plan_text_required,
                          path);
    if (t.len > OV_PLAN_TEXT_MAX)
        return ov_err_msg(err, OV_EINVAL, path, text_too_long,
                          path, OV_PLAN_TEXT_MAX);
    if (!ov_str_is_utf8(t))
        return ov_err_msg(err, OV_EINVAL, path, text_not_utf8_short, path);
    for (size_t i = 0; i < t.len; i++) {
        unsigned char c = (unsigned char)t.ptr[i];
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f)
            return ov_err_msg(err, OV_EINVAL, path,
                              plan_text_control_char, path);
    }
    return OV_OK;
}

/* Ids are checked for uniqueness with a small open list: plans are small
 * (at most 20 + 400 + 12,000 items, in practice a few dozen). */
typedef struct idset {
    int n;
    int ids[OV_PLAN_GOALS_MAX * (1 + OV_PLAN_SUBGOALS_MAX *
                                         (1 + OV_PLAN_ACTIVITIES_MAX))];
} idset;

static ov_status id_ok(idset *s, int id, const char *path, ov_err *err)
{
    if (id <= 0)
        return ov_err_msg(err, OV_EINVAL, path, plan_id_positive, path);
    for (int i = 0; i < s->n; i++)
        if (s->ids[i] == id)
            return ov_err_msg(err, OV_EINVAL, path, plan_id_twice, path,
                              id);
    s->ids[s->n++] = id;
    return OV_OK;
}

ov_status ov_plan_validate(const ov_plan *p, ov_err *err)
{
    if (text_ok(p->job_goal, "job_goal", false, err) != OV_OK)
        return err->code;
    if (p->occupation.len &&
        (p->occupation.len != 4 || !ov_str_is_digits(p->occupation)))
        return ov_err_msg(err, OV_EINVAL, "occupation",
                          plan_occupation_code);
    /* a stillingskategori of the DISCO-08 list shipped (model/occupation.h) */
    if (p->occupation.len && !ov_occupation_title(p->occupation))
        return ov_err_msg(err, OV_EINVAL, "occupation",
                          occupation_code_unknown, "occupation",
                          ov_arg_strn(p->occupation.ptr, p->occupation.len));
    if (p->ngoals < 0 || p->ngoals > OV_PLAN_GOALS_MAX)
        return ov_err_msg(err, OV_EINVAL, "goals", placement_goals_too_many,
                          OV_PLAN_GOALS_MAX);
    static _Thread_local idset ids;
    ids.n = 0;
    char path[96];
    for (int g = 0; g < p->ngoals; g++) {
        const ov_plan_goal *G = &p->goals[g];
        snprintf(path, sizeof path, "goals[%d]", g);
        if (id_ok(&ids, G->id, path, err) != OV_OK)
            return err->code;
        snprintf(path, sizeof path, "goals[%d].text", g);
        if (text_ok(G->text, path, true, err) != OV_OK)
            return err->code;
        if ((unsigned)G->status >= OV_ITEM_COUNT ||
            G->nsubgoals < 0 || G->nsubgoals > OV_PLAN_SUBGOALS_MAX) {
            snprintf(path, sizeof path, "goals[%d]", g);
            return ov_err_msg(err, OV_EINVAL, path, plan_goal_invalid,
                              path, OV_PLAN_SUBGOALS_MAX);
        }
        for (int s = 0; s < G->nsubgoals; s++) {
            const ov_plan_subgoal *S = &G->subgoals[s];
            snprintf(path, sizeof path, "goals[%d].subgoals[%d]", g, s);
            if (id_ok(&ids, S->id, path, err) != OV_OK)
                return err->code;
            snprintf(path, sizeof path, "goals[%d].subgoals[%d].text", g, s);
            if (text_ok(S->text, path, true, err) != OV_OK)
                return err->code;
            if ((unsigned)S->status >= OV_ITEM_COUNT || S->nactivities < 0 ||
                S->nactivities > OV_PLAN_ACTIVITIES_MAX) {
                snprintf(path, sizeof path, "goals[%d].subgoals[%d]", g, s);
                return ov_err_msg(err, OV_EINVAL, path,
                                  plan_subgoal_invalid, path,
                                  OV_PLAN_ACTIVITIES_MAX);
            }
            for (int a = 0; a < S->nactivities; a++) {
                const ov_plan_activity *A = &S->activities[a];
                snprintf(path, sizeof path,
                         "goals[%d].subgoals[%d].activities[%d]", g, s, a);
                if (id_ok(&ids, A->id, path, err) != OV_OK)
                    return err->code;
                char p2[128];
                snprintf(p2, sizeof p2, "%s.text", path);
                if (text_ok(A->text, p2, true, err) != OV_OK)
                    return err->code;
                if (!responsible_ok(A->responsible)) {
                    snprintf(p2, sizeof p2, "%s.responsible", path);
                    return ov_err_msg(err, OV_EINVAL, p2,
                                      plan_responsible_choose, p2);
                }
                if ((unsigned)A->status >= OV_ITEM_COUNT) {
                    snprintf(p2, sizeof p2, "%s.status", path);
                    return ov_err_msg(err, OV_EINVAL, p2, plan_status_unknown,
                                      p2);
                }
            }
        }
    }
    return OV_OK;
}

bool ov_plan_has_job_goal(const ov_plan *p)
{
    return ov_str_trim(p->job_goal).len > 0;
}

int ov_plan_max_id(const ov_plan *p)
{
    int m = 0;
    for (int g = 0; g < p->ngoals; g++) {
        const ov_plan_goal *G = &p->goals[g];
        m = G->id > m ? G->id : m;
        for (int s = 0; s < G->nsubgoals; s++) {
            const ov_plan_subgoal *S = &G->subgoals[s];
            m = S->id > m ? S->id : m;
            for (int a = 0; a < S->nactivities; a++)
                m = S->activities[a].id > m ? S->activities[a].id : m;
        }
    }
    return m;
}

/* ---- JSON ---- */

static json_t *jstr(ov_str s)
{
    return json_stringn(s.ptr ? s.ptr : "", s.len);
}

ov_str ov_plan_to_json(const ov_plan *p, ov_arena *a)
{
    json_t *root = json_object();
    json_object_set_new(root, "job_goal", jstr(p->job_goal));
    json_object_set_new(root, "occupation", jstr(p->occupation));
    json_t *goals = json_array();
    for (int g = 0; g < p->ngoals; g++) {
        const ov_plan_goal *G = &p->goals[g];
        json_t *jg = json_object();
        json_object_set_new(jg, "id", json_integer(G->id));
        json_object_set_new(jg, "text", jstr(G->text));
        json_object_set_new(jg, "status",
                            json_string(ov_item_status_code(G->status)));
        json_t *subs = json_array();
        for (int s = 0; s < G->nsubgoals; s++) {
            const ov_plan_subgoal *S = &G->subgoals[s];
            json_t *js = json_object();
            json_object_set_new(js, "id", json_integer(S->id));
            json_object_set_new(js, "text", jstr(S->text));
            json_object_set_new(js, "status",
                                json_string(ov_item_status_code(S->status)));
            json_t *acts = json_array();
            for (int k = 0; k < S->nactivities; k++) {
                const ov_plan_activity *A = &S->activities[k];
                json_t *ja = json_object();
                json_object_set_new(ja, "id", json_integer(A->id));
                json_object_set_new(ja, "text", jstr(A->text));
                json_object_set_new(ja, "responsible",
                                    json_string(ov_role_code(A->responsible)));
                if (A->has_deadline) {
                    char d[OV_DATE_BUF];
                    ov_date_format_iso(A->deadline, d);
                    json_object_set_new(ja, "deadline", json_string(d));
                } else {
                    json_object_set_new(ja, "deadline", json_null());
                }
                json_object_set_new(ja, "status",
                                    json_string(ov_item_status_code(A->status)));
                json_array_append_new(acts, ja);
            }
            json_object_set_new(js, "activities", acts);
            json_array_append_new(subs, js);
        }
        json_object_set_new(jg, "subgoals", subs);
        json_array_append_new(goals, jg);
    }
    json_object_set_new(root, "goals", goals);
    char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(root);
    ov_str out = OV_STR_NULL;
    if (text) {
        out.len = strlen(text);
        out.ptr = ov_arena_memdup0(a, text, out.len);
        free(text);
    }
    return out;
}

/* Strict object reader: every key must be one of `allowed`. */
static ov_status only_keys(json_t *obj, const char *path,
                           const char *const *allowed, ov_err *err)
{
    if (!json_is_object(obj))
        return ov_err_msg(err, OV_EINVAL, path, plan_json_object, path);
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        bool ok = false;
        for (int i = 0; allowed[i] && !ok; i++)
            ok = strcmp(key, allowed[i]) == 0;
        if (!ok)
            return ov_err_msg(err, OV_EINVAL, path, plan_json_unknown_field,
                              path, ov_arg_strn(key, 40));
    }
    return OV_OK;
}

static ov_status get_str(json_t *obj, const char *key, const char *path,
                         bool required, ov_arena *a, ov_str *out, ov_err *err)
{
    json_t *v = json_object_get(obj, key);
    char p[128];
    snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
    if (!v) {
        if (required)
            return ov_err_msg(err, OV_EINVAL, p, json_field_missing, p);
        *out = (ov_str){"", 0};
        return OV_OK;
    }
    if (!json_is_string(v))
        return ov_err_msg(err, OV_EINVAL, p, json_field_not_string, p);
    size_t n = json_string_length(v);
    *out = (ov_str){ov_arena_memdup0(a, json_string_value(v), n), n};
    return OV_OK;
}

static ov_status get_id(json_t *obj, const char *path, int *out, ov_err *err)
{
    json_t *v = json_object_get(obj, "id");
    if (!json_is_integer(v) || json_integer_value(v) <= 0 ||
        json_integer_value(v) > 1000000000)
        return ov_err_msg(err, OV_EINVAL, path, plan_json_id,
                          path);
    *out = (int)json_integer_value(v);
    return OV_OK;
}

static ov_status get_status(json_t *obj, const char *path,
                            ov_item_status *out, ov_err *err)
{
    json_t *v = json_object_get(obj, "status");
    const char *s = json_string_value(v);
    for (int i = 0; s && i < OV_ITEM_COUNT; i++)
        if (strcmp(s, statuses[i].code) == 0) {
            *out = (ov_item_status)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, path, plan_json_status,
                      path);
}

static ov_status get_array(json_t *obj, const char *key, const char *path,
                           size_t max, json_t **out, ov_err *err)
{
    json_t *v = json_object_get(obj, key);
    char p[128];
    snprintf(p, sizeof p, "%s%s%s", path, path[0] ? "." : "", key);
    if (!v) {
        *out = NULL;
        return OV_OK;
    }
    if (!json_is_array(v))
        return ov_err_msg(err, OV_EINVAL, p, plan_json_array, p);
    if (json_array_size(v) > max)
        return ov_err_msg(err, OV_EINVAL, p, plan_json_too_many, p, max);
    *out = v;
    return OV_OK;
}

static ov_status parse(json_t *root, ov_arena *a, ov_plan *p, ov_err *err)
{
    static const char *const top[] = {"job_goal", "occupation", "goals",
                                      NULL};
    static const char *const gk[] = {"id", "text", "status", "subgoals", NULL};
    static const char *const ak[] = {"id",       "text",   "responsible",
                                     "deadline", "status", NULL};
    memset(p, 0, sizeof *p);
    json_t *goals;
    if (only_keys(root, "plan", top, err) != OV_OK ||
        get_str(root, "job_goal", "", false, a, &p->job_goal, err) != OV_OK ||
        get_str(root, "occupation", "", false, a, &p->occupation, err) !=
            OV_OK ||
        get_array(root, "goals", "", OV_PLAN_GOALS_MAX, &goals, err) != OV_OK)
        return err->code;
    p->ngoals = goals ? (int)json_array_size(goals) : 0;
    p->goals = OV_NEW_N(a, ov_plan_goal, (size_t)p->ngoals + 1);
    char path[96], p2[128];
    for (int g = 0; g < p->ngoals; g++) {
        json_t *jg = json_array_get(goals, (size_t)g);
        ov_plan_goal *G = &p->goals[g];
        snprintf(path, sizeof path, "goals[%d]", g);
        json_t *subs;
        if (only_keys(jg, path, gk, err) != OV_OK ||
            get_id(jg, path, &G->id, err) != OV_OK ||
            get_str(jg, "text", path, true, a, &G->text, err) != OV_OK ||
            get_status(jg, path, &G->status, err) != OV_OK ||
            get_array(jg, "subgoals", path, OV_PLAN_SUBGOALS_MAX, &subs,
                      err) != OV_OK)
            return err->code;
        G->nsubgoals = subs ? (int)json_array_size(subs) : 0;
        G->subgoals = OV_NEW_N(a, ov_plan_subgoal, (size_t)G->nsubgoals + 1);
        for (int s = 0; s < G->nsubgoals; s++) {
            json_t *js = json_array_get(subs, (size_t)s);
            ov_plan_subgoal *S = &G->subgoals[s];
            snprintf(path, sizeof path, "goals[%d].subgoals[%d]", g, s);
            static const char *const sk[] = {"id", "text", "status",
                                             "activities", NULL};
            json_t *acts;
            if (only_keys(js, path, sk, err) != OV_OK ||
                get_id(js, path, &S->id, err) != OV_OK ||
                get_str(js, "text", path, true, a, &S->text, err) != OV_OK ||
                get_status(js, path, &S->status, err) != OV_OK ||
                get_array(js, "activities", path, OV_PLAN_ACTIVITIES_MAX,
                          &acts, err) != OV_OK)
                return err->code;
            S->nactivities = acts ? (int)json_array_size(acts) : 0;
            S->activities =
                OV_NEW_N(a, ov_plan_activity, (size_t)S->nactivities + 1);
            for (int k = 0; k < S->nactivities; k++) {
                json_t *ja = json_array_get(acts, (size_t)k);
                ov_plan_activity *A = &S->activities[k];
                snprintf(path, sizeof path,
                         "goals[%d].subgoals[%d].activities[%d]", g, s, k);
                ov_str resp;
                if (only_keys(ja, path, ak, err) != OV_OK ||
                    get_id(ja, path, &A->id, err) != OV_OK ||
                    get_str(ja, "text", path, true, a, &A->text, err) !=
                        OV_OK ||
                    get_str(ja, "responsible", path, true, a, &resp, err) !=
                        OV_OK ||
                    get_status(ja, path, &A->status, err) != OV_OK)
                    return err->code;
                snprintf(p2, sizeof p2, "%s.responsible", path);
                if (ov_role_parse(resp, p2, &A->responsible, err) != OV_OK)
                    return err->code;
                json_t *dl = json_object_get(ja, "deadline");
                if (dl && !json_is_null(dl)) {
                    snprintf(p2, sizeof p2, "%s.deadline", path);
                    if (!json_is_string(dl))
                        return ov_err_msg(err, OV_EINVAL, p2,
                                          plan_json_date, p2);
                    if (ov_date_parse_iso(ov_str_c(json_string_value(dl)), p2,
                                          &A->deadline, err) != OV_OK)
                        return err->code;
                    A->has_deadline = true;
                }
            }
        }
    }
    return ov_plan_validate(p, err);
}

ov_status ov_plan_from_json(ov_str json, ov_arena *a, ov_plan *out,
                            ov_err *err)
{
    if (json.len > OV_PLAN_JSON_MAX)
        return ov_err_msg(err, OV_ETOOBIG, "plan", plan_json_too_big);
    json_error_t je;
    json_t *root = json_loadb(json.ptr, json.len,
                              JSON_REJECT_DUPLICATES,
                              &je);
    if (!root)
        return ov_err_msg(err, OV_EINVAL, "plan", plan_json_invalid,
                          je.line, je.column, je.text);
    ov_status st = parse(root, a, out, err);
    json_decref(root);
    return st;
}

/* ---- diff ---- */

static const char *const change_codes[OV_PCH_COUNT] = {
    "job_goal", "occupation", "removed",  "text",
    "status",   "responsible", "deadline", "added"};
static const char *const item_codes[] = {"goal", "subgoal", "activity",
                                         "plan"};

const char *ov_plan_change_code(ov_plan_change_kind k)
{
    return (unsigned)k < OV_PCH_COUNT ? change_codes[k] : "?";
}

const char *ov_plan_item_code(ov_plan_item i)
{
    return (unsigned)i <= OV_PITEM_PLAN ? item_codes[i] : "?";
}

typedef struct differ {
    ov_plan_change *out;
    int cap, n;
} differ;

#define SHOW(s) (int)((s).len > OV_PLAN_SHOW ? OV_PLAN_SHOW : (s).len),      \
                (s).ptr ? (s).ptr : ""

/* The next change's slot (NULL past the cap; counted either way). */
static ov_plan_change *next(differ *d, ov_plan_change_kind kind,
                            ov_plan_item item, ov_str subject)
{
    ov_plan_change *c = d->n < d->cap ? &d->out[d->n] : NULL;
    d->n++;
    if (c) {
        memset(c, 0, sizeof *c);
        c->kind = kind;
        c->item = item;
        snprintf(c->subject, sizeof c->subject, "%.*s", SHOW(subject));
    }
    return c;
}

static void values(ov_plan_change *c, ov_str o, ov_str n)
{
    snprintf(c->old_value, sizeof c->old_value, "%.*s", SHOW(o));
    snprintf(c->new_value, sizeof c->new_value, "%.*s", SHOW(n));
}

typedef struct flat_item {
    int kind; /* 0 goal, 1 sub-goal, 2 activity */
    const ov_plan_goal *g;
    const ov_plan_subgoal *s;
    const ov_plan_activity *a;
    int id;
} flat_item;

static int flatten(const ov_plan *p, flat_item *out, int cap)
{
    int n = 0;
    for (int g = 0; g < p->ngoals; g++) {
        const ov_plan_goal *G = &p->goals[g];
        if (n < cap)
            out[n++] = (flat_item){0, G, NULL, NULL, G->id};
        for (int s = 0; s < G->nsubgoals; s++) {
            const ov_plan_subgoal *S = &G->subgoals[s];
            if (n < cap)
                out[n++] = (flat_item){1, G, S, NULL, S->id};
            for (int k = 0; k < S->nactivities; k++)
                if (n < cap)
                    out[n++] = (flat_item){2, G, S, &S->activities[k],
                                           S->activities[k].id};
        }
    }
    return n;
}

static const char *const kind_da[] = {"Mål", "Delmål", "Indsats"};

static ov_str item_text(const flat_item *f)
{
    return f->kind == 0 ? f->g->text : f->kind == 1 ? f->s->text : f->a->text;
}

static ov_item_status item_status(const flat_item *f)
{
    return f->kind == 0 ? f->g->status
                        : f->kind == 1 ? f->s->status : f->a->status;
}

/* The Danish line of a change, as the stored summary has always had it. */
static void line_da(ov_plan_change *c)
{
    char *o = c->text_da;
    size_t cap = sizeof c->text_da;
    const char *k = c->item <= OV_PITEM_ACTIVITY ? kind_da[c->item] : "";
    switch (c->kind) {
    case OV_PCH_JOB_GOAL:
        snprintf(o, cap, "Jobmål ændret: '%s' → '%s'", c->old_value,
                 c->new_value);
        break;
    case OV_PCH_OCCUPATION:
        snprintf(o, cap, "Stillingskode ændret: '%s' → '%s'", c->old_value,
                 c->new_value);
        break;
    case OV_PCH_REMOVED:
        snprintf(o, cap, "%s '%s' fjernet", k, c->subject);
        break;
    case OV_PCH_TEXT:
        snprintf(o, cap, "%s ændret: '%s' → '%s'", k, c->old_value,
                 c->new_value);
        break;
    case OV_PCH_STATUS: {
        ov_item_status a = OV_ITEM_PLANNED, b = OV_ITEM_PLANNED;
        for (int i = 0; i < OV_ITEM_COUNT; i++) {
            if (strcmp(c->old_value, ov_item_status_code(i)) == 0)
                a = (ov_item_status)i;
            if (strcmp(c->new_value, ov_item_status_code(i)) == 0)
                b = (ov_item_status)i;
        }
        snprintf(o, cap, "%s '%s' ændret status: %s → %s", k, c->subject,
                 ov_item_status_label_da(a), ov_item_status_label_da(b));
        break;
    }
    case OV_PCH_RESPONSIBLE: {
        ov_role a = OV_ROLE_CITIZEN, b = OV_ROLE_CITIZEN;
        ov_err ignored;
        ov_role_parse(ov_str_c(c->old_value), "role", &a, &ignored);
        ov_role_parse(ov_str_c(c->new_value), "role", &b, &ignored);
        snprintf(o, cap, "Indsats '%s' ny ansvarlig: %s → %s", c->subject,
                 ov_role_label_da(a), ov_role_label_da(b));
        break;
    }
    case OV_PCH_DEADLINE: {
        char d1[OV_DATE_BUF] = "ingen", d2[OV_DATE_BUF] = "ingen";
        ov_date d;
        ov_err ignored;
        if (c->old_value[0] && ov_date_parse_iso(ov_str_c(c->old_value),
                                                 "deadline", &d,
                                                 &ignored) == OV_OK)
            ov_date_format_dk(d, d1);
        if (c->new_value[0] && ov_date_parse_iso(ov_str_c(c->new_value),
                                                 "deadline", &d,
                                                 &ignored) == OV_OK)
            ov_date_format_dk(d, d2);
        snprintf(o, cap, "Indsats '%s' ny frist: %s → %s", c->subject, d1,
                 d2);
        break;
    }
    case OV_PCH_ADDED:
        snprintf(o, cap, "%s '%s' tilføjet", k, c->subject);
        break;
    default:
        break;
    }
}

int ov_plan_diff(const ov_plan *from, const ov_plan *to, ov_plan_change *out,
                 int cap, int *total)
{
    differ d = {out, cap, 0};
    ov_plan_change *c;
    if (!ov_str_eq(from->job_goal, to->job_goal) &&
        (c = next(&d, OV_PCH_JOB_GOAL, OV_PITEM_PLAN, to->job_goal)))
        values(c, from->job_goal, to->job_goal);
    if (!ov_str_eq(from->occupation, to->occupation) &&
        (c = next(&d, OV_PCH_OCCUPATION, OV_PITEM_PLAN, to->occupation))) {
        /* each side as "title (code)" when the DISCO-08 list has it
         * (the titles are Danish in either language: the list is) */
        const char *tw = ov_occupation_title(from->occupation),
                   *tn = ov_occupation_title(to->occupation);
        snprintf(c->old_value, sizeof c->old_value, "%s%s%.*s%s",
                 tw ? tw : "", tw ? " (" : "", SHOW(from->occupation),
                 tw ? ")" : "");
        snprintf(c->new_value, sizeof c->new_value, "%s%s%.*s%s",
                 tn ? tn : "", tn ? " (" : "", SHOW(to->occupation),
                 tn ? ")" : "");
    }
    enum { MAXF = 2048 };
    static _Thread_local flat_item fa[MAXF], fb[MAXF];
    int na = flatten(from, fa, MAXF), nb = flatten(to, fb, MAXF);
    for (int i = 0; i < na; i++) {
        int j = 0;
        while (j < nb && fb[j].id != fa[i].id)
            j++;
        ov_str ta = item_text(&fa[i]);
        if (j == nb) {
            next(&d, OV_PCH_REMOVED, (ov_plan_item)fa[i].kind, ta);
            continue;
        }
        ov_str tb = item_text(&fb[j]);
        ov_plan_item it = (ov_plan_item)fb[j].kind;
        if (!ov_str_eq(ta, tb) && (c = next(&d, OV_PCH_TEXT, it, tb)))
            values(c, ta, tb);
        if (item_status(&fa[i]) != item_status(&fb[j]) &&
            (c = next(&d, OV_PCH_STATUS, it, tb)))
            values(c, ov_str_c(ov_item_status_code(item_status(&fa[i]))),
                   ov_str_c(ov_item_status_code(item_status(&fb[j]))));
        if (fa[i].kind == 2 && fb[j].kind == 2) {
            const ov_plan_activity *x = fa[i].a, *y = fb[j].a;
            if (x->responsible != y->responsible &&
                (c = next(&d, OV_PCH_RESPONSIBLE, it, tb)))
                values(c, ov_str_c(ov_role_code(x->responsible)),
                       ov_str_c(ov_role_code(y->responsible)));
            if ((x->has_deadline != y->has_deadline ||
                 (x->has_deadline && x->deadline != y->deadline)) &&
                (c = next(&d, OV_PCH_DEADLINE, it, tb))) {
                char d1[OV_DATE_BUF] = "", d2[OV_DATE_BUF] = "";
                if (x->has_deadline)
                    ov_date_format_iso(x->deadline, d1);
                if (y->has_deadline)
                    ov_date_format_iso(y->deadline, d2);
                values(c, ov_str_c(d1), ov_str_c(d2));
            }
        }
    }
    for (int j = 0; j < nb; j++) {
        int i = 0;
        while (i < na && fa[i].id != fb[j].id)
            i++;
        if (i == na)
            next(&d, OV_PCH_ADDED, (ov_plan_item)fb[j].kind,
                 item_text(&fb[j]));
    }
    int n = d.n < cap ? d.n : cap;
    for (int i = 0; i < n; i++)
        line_da(&out[i]);
    if (total)
        *total = d.n;
    return n;
}

/* tpl with %1-%4 replaced by v[0..3] */
static const char *fill4(ov_arena *a, const char *tpl, const char *v[4])
{
    ov_buf b;
    ov_buf_init(&b, a, 4096);
    for (const char *p = tpl; *p; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '4') {
            ov_buf_append_c(&b, v[p[1] - '1'] ? v[p[1] - '1'] : "");
            p++;
        } else {
            ov_buf_append_byte(&b, *p);
        }
    }
    return b.data ? b.data : "";
}

static const char *keyed(ov_plan_msg msg, int lang, ov_arena *a,
                         const char *prefix, const char *code)
{
    return msg(lang, ov_arena_printf(a, "%s.%s", prefix, code));
}

static const char *deadline_of(ov_plan_msg msg, int lang, ov_arena *a,
                               const char *iso)
{
    ov_date d;
    ov_err ignored;
    if (!iso[0] ||
        ov_date_parse_iso(ov_str_c(iso), "deadline", &d, &ignored) != OV_OK)
        return msg(lang, "plandiff.no_deadline");
    char *out = ov_arena_alloc(a, OV_DATE_BUF);
    ov_date_format_dk(d, out);
    return out;
}

const char *ov_plan_change_line(const ov_plan_change *c, ov_plan_msg msg,
                                int lang, ov_arena *a)
{
    const char *v[4] = {keyed(msg, lang, a, "plandiff.item",
                              ov_plan_item_code(c->item)),
                        c->subject, c->old_value, c->new_value};
    if (c->kind == OV_PCH_STATUS) {
        v[2] = keyed(msg, lang, a, "status", c->old_value);
        v[3] = keyed(msg, lang, a, "status", c->new_value);
    } else if (c->kind == OV_PCH_RESPONSIBLE) {
        v[2] = keyed(msg, lang, a, "role", c->old_value);
        v[3] = keyed(msg, lang, a, "role", c->new_value);
    } else if (c->kind == OV_PCH_DEADLINE) {
        v[2] = deadline_of(msg, lang, a, c->old_value);
        v[3] = deadline_of(msg, lang, a, c->new_value);
    }
    return fill4(a, keyed(msg, lang, a, "plandiff",
                          ov_plan_change_code(c->kind)),
                 v);
}

const char *ov_plan_changes_text(const ov_plan_changes *pc, ov_plan_msg msg,
                                 int lang, ov_arena *a)
{
    if (pc->first)
        return msg(lang, "plandiff.first");
    if (pc->total == 0)
        return msg(lang, "plandiff.none");
    ov_buf b;
    ov_buf_init(&b, a, 64 * 1024);
    for (int i = 0; i < pc->n; i++) {
        if (i)
            ov_buf_append_c(&b, "\n");
        ov_buf_append_c(&b, ov_plan_change_line(&pc->ch[i], msg, lang, a));
    }
    if (pc->total > pc->n) {
        char more[16];
        snprintf(more, sizeof more, "%d", pc->total - pc->n);
        const char *v[4] = {more, NULL, NULL, NULL};
        ov_buf_append_c(&b, "\n");
        ov_buf_append_c(&b, fill4(a, msg(lang, "plandiff.more"), v));
    }
    return b.data ? b.data : "";
}

ov_status ov_plan_check_base(int current, int base, ov_err *err)
{
    if (current != base)
        return ov_err_msg(err, OV_ECONFLICT, "base_version",
                          plan_changed_meanwhile, current, base);
    return OV_OK;
}
