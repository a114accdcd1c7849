/*
 * ui_plan.c - the citizen's plan (core element 2): the current version,
 * older versions with what changed, and the editor. A save from a stale
 * version is refused and the user's input is shown again.
 *
 * The form and the JSON API share one shape: job_goal, occupation, goals
 * with sub-goals with activities (the plan's canonical JSON keys), plus
 * base_version, with_citizen and citizen_comment. In a form the nesting is
 * spelled in the names: goals.0.subgoals.1.activities.2.text.
 */
#include <stdio.h>
#include <string.h>

#include "model/occupation.h"
#include "model/plan.h"
#include "store/citizen.h"
#include "store/citizen_home.h"
#include "store/course.h"
#include "store/plan.h"
#include "store/view.h"
#include "web/handlers.h"

static const char *status_opt(int i)
{
    return i >= 0 && i < OV_ITEM_COUNT ? ov_item_status_code((ov_item_status)i)
                                       : NULL;
}

#define G "goals.*."
#define S "goals.*.subgoals.*."
#define A "goals.*.subgoals.*.activities.*."

static const ov_field plan_spec[] = {
    {.name = "base_version", .type = OV_F_HIDDEN, .required = true,
     .label = "common.version"},
    {.name = "job_goal", .type = OV_F_TEXTAREA, .max = OV_PLAN_TEXT_MAX,
     .label = "plan.job_goal"},
    {.name = "occupation", .type = OV_F_TEXT, .max = 200,
     .label = "occupation.field", .occupation = true},
    {.name = "with_citizen", .type = OV_F_BOOL, .label = "plan.with_citizen"},
    {.name = "citizen_comment", .type = OV_F_TEXTAREA, .max = 2000,
     .label = "plan.citizen_comment"},
    {.name = G "id", .type = OV_F_HIDDEN, .label = "plan.goal"},
    {.name = G "text", .type = OV_F_TEXTAREA, .max = OV_PLAN_TEXT_MAX,
     .label = "plan.goal"},
    {.name = G "status", .type = OV_F_CHOICE, .label = "plan.status",
     .option = status_opt, .noptions = OV_ITEM_COUNT,
     .option_prefix = "status"},
    {.name = S "id", .type = OV_F_HIDDEN, .label = "plan.subgoal"},
    {.name = S "text", .type = OV_F_TEXTAREA, .max = OV_PLAN_TEXT_MAX,
     .label = "plan.subgoal"},
    {.name = S "status", .type = OV_F_CHOICE, .label = "plan.status",
     .option = status_opt, .noptions = OV_ITEM_COUNT,
     .option_prefix = "status"},
    {.name = A "id", .type = OV_F_HIDDEN, .label = "plan.activity"},
    {.name = A "text", .type = OV_F_TEXTAREA, .max = OV_PLAN_TEXT_MAX,
     .label = "plan.activity"},
    {.name = A "status", .type = OV_F_CHOICE, .label = "plan.status",
     .option = status_opt, .noptions = OV_ITEM_COUNT,
     .option_prefix = "status"},
    {.name = A "responsible", .type = OV_F_CHOICE,
     .label = "plan.responsible", .option = ov_opt_role_frontline,
     .noptions = 5, .option_prefix = "role"},
    {.name = A "deadline", .type = OV_F_DATE, .label = "plan.deadline"},
};
#define NPLAN ((int)(sizeof plan_spec / sizeof plan_spec[0]))
enum { F_BASE, F_JOB, F_OCC, F_WITH, F_COMMENT, F_GID, F_GTEXT, F_GSTAT,
       F_SID, F_STEXT, F_SSTAT, F_AID, F_ATEXT, F_ASTAT, F_ARESP, F_ADEAD };

static ov_item_status status_of(const ov_form *f, const char *name)
{
    ov_str v = ov_form_str(f, name);
    for (int i = 0; i < OV_ITEM_COUNT; i++)
        if (ov_str_eq_c(v, ov_item_status_code((ov_item_status)i)))
            return (ov_item_status)i;
    return OV_ITEM_PLANNED;
}

/* The keys of one level: "<prefix>*.text" and "<prefix>*.id". */
static int level_keys(const ov_form *f, ov_arena *a, const char *prefix,
                      ov_str *out, int cap)
{
    char pat[200];
    int n = 0;
    const char *tails[] = {"text", "id"};
    for (int t = 0; t < 2; t++) {
        snprintf(pat, sizeof pat, "%s*.%s", prefix, tails[t]);
        ov_str some[64];
        int k = ov_form_keys(f, pat, some, 64);
        for (int i = 0; i < k; i++) {
            bool seen = false;
            for (int j = 0; j < n && !seen; j++)
                seen = ov_str_eq(out[j], some[i]);
            if (!seen && n < cap)
                out[n++] = some[i];
        }
    }
    (void)a;
    return n;
}

/* Build the plan from the form; empty new rows are skipped. */
static ov_status plan_from_form(const ov_form *f, ov_arena *a, ov_plan *p,
                                ov_err *err)
{
    memset(p, 0, sizeof *p);
    p->job_goal = ov_str_trim(ov_form_str(f, "job_goal"));
    /* chosen by title: "title (code)", a code, or a unique part */
    if (ov_occupation_resolve(ov_form_str(f, "occupation"), "occupation", a,
                              &p->occupation, err) != OV_OK)
        return err->code;
    /* ids: keep given ones, number new ones after the largest */
    int next_id = 1;
    for (int i = 0; i < f->n; i++) {
        ov_str nm = f->names[i];
        if (nm.len > 3 && memcmp(nm.ptr + nm.len - 3, ".id", 3) == 0) {
            int64_t v;
            if (ov_str_to_i64(f->values[i], &v) == OV_OK && v >= next_id &&
                v < 1000000)
                next_id = (int)v + 1;
        }
    }
    ov_str gk[OV_PLAN_GOALS_MAX + 2];
    int ng = level_keys(f, a, "goals.", gk, OV_PLAN_GOALS_MAX + 2);
    p->goals = OV_NEW_N(a, ov_plan_goal, (size_t)ng + 1);
    for (int g = 0; g < ng; g++) {
        char base[64], nm[200];
        snprintf(base, sizeof base, "goals.%.*s.", (int)gk[g].len, gk[g].ptr);
        snprintf(nm, sizeof nm, "%stext", base);
        ov_str text = ov_str_trim(ov_form_str(f, nm));
        snprintf(nm, sizeof nm, "%sid", base);
        int id = (int)ov_form_int(f, nm, 0);
        if (text.len == 0 && id == 0)
            continue;
        if (p->ngoals >= OV_PLAN_GOALS_MAX)
            return ov_err_msg(err, OV_EINVAL, "goals",
                              placement_goals_too_many, OV_PLAN_GOALS_MAX);
        ov_plan_goal *G_ = &p->goals[p->ngoals++];
        G_->id = id ? id : next_id++;
        G_->text = text;
        snprintf(nm, sizeof nm, "%sstatus", base);
        G_->status = status_of(f, nm);
        char sp[96];
        snprintf(sp, sizeof sp, "%ssubgoals.", base);
        ov_str sk[OV_PLAN_SUBGOALS_MAX + 2];
        int ns = level_keys(f, a, sp, sk, OV_PLAN_SUBGOALS_MAX + 2);
        G_->subgoals = OV_NEW_N(a, ov_plan_subgoal, (size_t)ns + 1);
        for (int s = 0; s < ns; s++) {
            char sb[128];
            snprintf(sb, sizeof sb, "%s%.*s.", sp, (int)sk[s].len, sk[s].ptr);
            snprintf(nm, sizeof nm, "%stext", sb);
            ov_str st = ov_str_trim(ov_form_str(f, nm));
            snprintf(nm, sizeof nm, "%sid", sb);
            int sid = (int)ov_form_int(f, nm, 0);
            if (st.len == 0 && sid == 0)
                continue;
            if (G_->nsubgoals >= OV_PLAN_SUBGOALS_MAX)
                return ov_err_msg(err, OV_EINVAL, "goals",
                                  plan_subgoals_max, OV_PLAN_SUBGOALS_MAX);
            ov_plan_subgoal *S_ = &G_->subgoals[G_->nsubgoals++];
            S_->id = sid ? sid : next_id++;
            S_->text = st;
            snprintf(nm, sizeof nm, "%sstatus", sb);
            S_->status = status_of(f, nm);
            char ap[160];
            snprintf(ap, sizeof ap, "%sactivities.", sb);
            ov_str ak[OV_PLAN_ACTIVITIES_MAX + 2];
            int na = level_keys(f, a, ap, ak, OV_PLAN_ACTIVITIES_MAX + 2);
            S_->activities = OV_NEW_N(a, ov_plan_activity, (size_t)na + 1);
            for (int k = 0; k < na; k++) {
                char ab[192];
                snprintf(ab, sizeof ab, "%s%.*s.", ap, (int)ak[k].len,
                         ak[k].ptr);
                snprintf(nm, sizeof nm, "%stext", ab);
                ov_str at = ov_str_trim(ov_form_str(f, nm));
                snprintf(nm, sizeof nm, "%sid", ab);
                int aid = (int)ov_form_int(f, nm, 0);
                if (at.len == 0 && aid == 0)
                    continue;
                if (S_->nactivities >= OV_PLAN_ACTIVITIES_MAX)
                    return ov_err_msg(err, OV_EINVAL, "goals",
                                      plan_activities_too_many,
                                      OV_PLAN_ACTIVITIES_MAX);
                ov_plan_activity *A_ = &S_->activities[S_->nactivities++];
                A_->id = aid ? aid : next_id++;
                A_->text = at;
                snprintf(nm, sizeof nm, "%sstatus", ab);
                A_->status = status_of(f, nm);
                snprintf(nm, sizeof nm, "%sresponsible", ab);
                ov_str r = ov_form_str(f, nm);
                A_->responsible = OV_ROLE_EMPLOYMENT_CASEWORKER;
                if (r.len &&
                    ov_role_parse(r, nm, &A_->responsible, err) != OV_OK)
                    return err->code;
                snprintf(nm, sizeof nm, "%sdeadline", ab);
                A_->has_deadline = ov_str_trim(ov_form_str(f, nm)).len > 0;
                if (A_->has_deadline)
                    A_->deadline = ov_form_date(f, nm, 0);
            }
        }
    }
    return OV_OK;
}

static ov_status plan_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                          int64_t *out_id, ov_err *err)
{
    ov_plan p;
    if (plan_from_form(f, c->req->arena, &p, err) != OV_OK)
        return err->code;
    int version = 0;
    ov_status st = ov_plan_save(tx, c->course_id,
                                (int)ov_form_int(f, "base_version", 0), &p,
                                ov_form_bool(f, "with_citizen"),
                                ov_form_str(f, "citizen_comment"), &version,
                                err);
    if (st == OV_ECONFLICT && !c->api) {
        ov_err_msg(err, OV_ECONFLICT, "", web_localized,
                   ov_msg(c->lang, "plan.stale"));
    }
    *out_id = version;
    return st;
}

static const char *plan_done(ov_ctx *c, int64_t version)
{
    (void)version;
    return ov_ctx_course_page(c, "plan");
}

/* Fill the form from a stored plan (first showing of the editor). */
static void fill_from_plan(ov_form *f, ov_arena *a, const ov_plan *p,
                           int version)
{
    char nm[200], v[32];
    snprintf(v, sizeof v, "%d", version);
    ov_form_set(f, a, "base_version", ov_str_c(ov_arena_strdup(a, v)));
    ov_form_set(f, a, "job_goal", p->job_goal);
    ov_form_set(f, a, "occupation", p->occupation);
    for (int g = 0; g < p->ngoals; g++) {
        const ov_plan_goal *G_ = &p->goals[g];
        snprintf(nm, sizeof nm, "goals.%d.id", g);
        snprintf(v, sizeof v, "%d", G_->id);
        ov_form_set(f, a, nm, ov_str_c(ov_arena_strdup(a, v)));
        snprintf(nm, sizeof nm, "goals.%d.text", g);
        ov_form_set(f, a, nm, G_->text);
        snprintf(nm, sizeof nm, "goals.%d.status", g);
        ov_form_set(f, a, nm, ov_str_c(ov_item_status_code(G_->status)));
        for (int s = 0; s < G_->nsubgoals; s++) {
            const ov_plan_subgoal *S_ = &G_->subgoals[s];
            snprintf(nm, sizeof nm, "goals.%d.subgoals.%d.id", g, s);
            snprintf(v, sizeof v, "%d", S_->id);
            ov_form_set(f, a, nm, ov_str_c(ov_arena_strdup(a, v)));
            snprintf(nm, sizeof nm, "goals.%d.subgoals.%d.text", g, s);
            ov_form_set(f, a, nm, S_->text);
            snprintf(nm, sizeof nm, "goals.%d.subgoals.%d.status", g, s);
            ov_form_set(f, a, nm, ov_str_c(ov_item_status_code(S_->status)));
            for (int k = 0; k < S_->nactivities; k++) {
                const ov_plan_activity *A_ = &S_->activities[k];
                char b[96];
                snprintf(b, sizeof b, "goals.%d.subgoals.%d.activities.%d.", g,
                         s, k);
                snprintf(nm, sizeof nm, "%sid", b);
                snprintf(v, sizeof v, "%d", A_->id);
                ov_form_set(f, a, nm, ov_str_c(ov_arena_strdup(a, v)));
                snprintf(nm, sizeof nm, "%stext", b);
                ov_form_set(f, a, nm, A_->text);
                snprintf(nm, sizeof nm, "%sstatus", b);
                ov_form_set(f, a, nm,
                            ov_str_c(ov_item_status_code(A_->status)));
                snprintf(nm, sizeof nm, "%sresponsible", b);
                ov_form_set(f, a, nm, ov_str_c(ov_role_code(A_->responsible)));
                if (A_->has_deadline) {
                    char d[OV_DATE_BUF];
                    ov_date_format_iso(A_->deadline, d);
                    snprintf(nm, sizeof nm, "%sdeadline", b);
                    ov_form_set(f, a, nm, ov_str_c(ov_arena_strdup(a, d)));
                }
            }
        }
    }
}

/* How many rows of a level the form holds (for the extra empty row). */
static int count_level(const ov_form *f, const char *prefix)
{
    ov_str keys[64];
    int n = level_keys(f, NULL, prefix, keys, 64);
    int max = -1;
    for (int i = 0; i < n; i++) {
        int64_t v;
        if (ov_str_to_i64(keys[i], &v) == OV_OK && v > max && v < 1000)
            max = (int)v;
    }
    return max + 1;
}

static void item_fields(ov_ctx *c, ov_form *f, const char *base, int fid,
                        int ftext, int fstat, const char *label_key)
{
    char nm[200];
    snprintf(nm, sizeof nm, "%sid", base);
    ov_page_field(c->res, f, &plan_spec[fid], nm, NULL);
    snprintf(nm, sizeof nm, "%stext", base);
    ov_page_field(c->res, f, &plan_spec[ftext], nm,
                  ov_msg(c->lang, label_key));
    snprintf(nm, sizeof nm, "%sstatus", base);
    ov_page_field(c->res, f, &plan_spec[fstat], nm, NULL);
}

static void editor(ov_ctx *c, ov_form *f)
{
    ov_response *res = c->res;
    ov_page_form_errors(res, f);
    ov_page_form_begin(res, c->req,
                       ov_str_c(ov_arena_printf(c->req->arena,
                                                "/forloeb/%lld/plan",
                                                (long long)c->id)),
                       false);
    for (int k = 0; k <= F_COMMENT; k++)
        if (k != F_WITH && k != F_COMMENT)
            ov_page_field(res, f, &plan_spec[k], NULL, NULL);
    ov_html_printf(res, "<h2>%t</h2><p class=\"empty\">%t</p>", "plan.goals",
                   "plan.new_hint");
    int ng = count_level(f, "goals.");
    for (int g = 0; g <= ng; g++) {
        char gb[64];
        snprintf(gb, sizeof gb, "goals.%d.", g);
        ov_html_printf(res, "<fieldset class=\"goal\"><legend>%t</legend>",
                       g < ng ? "plan.goal" : "plan.new_goal");
        item_fields(c, f, gb, F_GID, F_GTEXT, F_GSTAT, "plan.goal");
        char sp[96];
        snprintf(sp, sizeof sp, "%ssubgoals.", gb);
        int ns = count_level(f, sp);
        for (int s = 0; s <= ns; s++) {
            char sb[128];
            snprintf(sb, sizeof sb, "%s%d.", sp, s);
            ov_html_printf(res,
                           "<fieldset class=\"subgoal\"><legend>%t</legend>",
                           s < ns ? "plan.subgoal" : "plan.new_subgoal");
            item_fields(c, f, sb, F_SID, F_STEXT, F_SSTAT, "plan.subgoal");
            char ap[160];
            snprintf(ap, sizeof ap, "%sactivities.", sb);
            int na = count_level(f, ap);
            for (int k = 0; k <= na; k++) {
                char ab[192], nm[220];
                snprintf(ab, sizeof ab, "%s%d.", ap, k);
                ov_html_printf(res,
                               "<fieldset class=\"activity\"><legend>%t"
                               "</legend><div class=\"row\">",
                               k < na ? "plan.activity" : "plan.new_activity");
                item_fields(c, f, ab, F_AID, F_ATEXT, F_ASTAT,
                            "plan.activity");
                snprintf(nm, sizeof nm, "%sresponsible", ab);
                ov_page_field(res, f, &plan_spec[F_ARESP], nm, NULL);
                snprintf(nm, sizeof nm, "%sdeadline", ab);
                ov_page_field(res, f, &plan_spec[F_ADEAD], nm, NULL);
                ov_html_lit(res, "</div></fieldset>");
            }
            ov_html_lit(res, "</fieldset>");
        }
        ov_html_lit(res, "</fieldset>");
    }
    ov_page_field(res, f, &plan_spec[F_WITH], NULL, NULL);
    ov_page_field(res, f, &plan_spec[F_COMMENT], NULL, NULL);
    ov_page_form_end(res, "common.save");
}

static void show_plan(ov_response *res, const ov_plan *p)
{
    ov_html_printf(res, "<dl><dt>%t</dt><dd>%h</dd>", "plan.job_goal",
                   p->job_goal);
    /* the occupation as "title (code)" (model/occupation.h) */
    const char *title = ov_occupation_title(p->occupation);
    if (title)
        ov_html_printf(res, "<dt>%t</dt><dd>%h (%h)</dd>", "plan.occupation",
                       ov_str_c(title), p->occupation);
    else if (p->occupation.len)
        ov_html_printf(res, "<dt>%t</dt><dd>%h</dd>", "plan.occupation",
                       p->occupation);
    ov_html_lit(res, "</dl><ul class=\"plan\">");
    for (int g = 0; g < p->ngoals; g++) {
        const ov_plan_goal *G_ = &p->goals[g];
        char sk[48];
        snprintf(sk, sizeof sk, "status.%s", ov_item_status_code(G_->status));
        ov_html_printf(res, "<li><strong>%h</strong> <span class=\"badge\">%t"
                            "</span><ul>",
                       G_->text, sk);
        for (int s = 0; s < G_->nsubgoals; s++) {
            const ov_plan_subgoal *S_ = &G_->subgoals[s];
            snprintf(sk, sizeof sk, "status.%s",
                     ov_item_status_code(S_->status));
            ov_html_printf(res, "<li>%h <span class=\"badge\">%t</span><ul>",
                           S_->text, sk);
            for (int k = 0; k < S_->nactivities; k++) {
                const ov_plan_activity *A_ = &S_->activities[k];
                char rk[48];
                snprintf(sk, sizeof sk, "status.%s",
                         ov_item_status_code(A_->status));
                snprintf(rk, sizeof rk, "role.%s",
                         ov_role_code(A_->responsible));
                ov_html_printf(res, "<li>%h (%t", A_->text, rk);
                if (A_->has_deadline) {
                    ov_html_lit(res, ", ");
                    ov_page_date(res, A_->deadline);
                }
                ov_html_printf(res, ") <span class=\"badge\">%t</span></li>",
                               sk);
            }
            ov_html_lit(res, "</ul></li>");
        }
        ov_html_lit(res, "</ul></li>");
    }
    ov_html_lit(res, "</ul>");
}

static const char *catalogue(int lang, const char *key)
{
    return ov_msg((ov_lang)lang, key);
}

ov_status ov_ui_plan_changes(ov_ctx *c, ov_tx *tx, int64_t course_id,
                             int version, const char **out, ov_err *err)
{
    ov_plan_changes pc;
    *out = "";
    if (version < 1)
        return OV_OK;
    if (ov_plan_changes_of(tx, course_id, version, c->req->arena, &pc,
                           err) != OV_OK)
        return err->code;
    *out = ov_plan_changes_text(&pc, catalogue, c->lang, c->req->arena);
    return OV_OK;
}

/* The plan page; the editor is the action's form (also after errors). */
static void plan_page(ov_ctx *c, ov_form *f, int status)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_arena *a = c->req->arena;
    /* ?v=N shows an older version */
    int want = 0;
    ov_str q = c->req->query;
    if (q.len > 2 && q.ptr[0] == 'v' && q.ptr[1] == '=') {
        int64_t v;
        if (ov_str_to_i64((ov_str){q.ptr + 2, q.len - 2}, &v) == OV_OK &&
            v > 0 && v < 1000000)
            want = (int)v;
    }
    ov_plan p, latest;
    ov_plan_meta pm, lm;
    ov_plan_meta *versions = NULL;
    ov_list_info nv = {0, 0, false};
    ov_course co;
    ov_citizen ci;
    ov_plan_comment *comments = NULL;
    ov_list_info nc = {0, 0, false};
    /* the citizen's name for the print line (ov_ui_paper_bar); the JSON
     * answer is the plan alone */
    bool ok = (c->api ||
               (ov_course_get(tx, c->id, a, &co, &err) == OV_OK &&
                ov_citizen_get(tx, co.citizen_id, a, &ci, &err) == OV_OK)) &&
              ov_plan_load(tx, c->id, 0, a, &latest, &lm, &err) == OV_OK &&
              ov_plan_load(tx, c->id, want, a, &p, &pm, &err) == OV_OK &&
              ov_plan_versions(tx, c->id, a, &versions, &nv, &err) == OV_OK &&
              (c->api || ov_plan_comments(tx, c->id, OV_PLAN_COMMENTS_CAP, a,
                                          &comments, &nc, &err) == OV_OK);
    /* what changed, in the reader's language: the shown version's and
     * each listed version's (the stored summary is Danish) */
    const char *shown_changes = "";
    const char **changes = OV_NEW_N(a, const char *, nv.n > 0 ? nv.n : 1);
    if (ok && !c->api) {
        ok = ov_ui_plan_changes(c, tx, c->id, pm.version, &shown_changes,
                                &err) == OV_OK;
        for (int i = 0; ok && i < nv.n; i++)
            ok = ov_ui_plan_changes(c, tx, c->id, versions[i].version,
                                    &changes[i], &err) == OV_OK;
    }
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        ov_response_json(c->res, 200, ov_plan_to_json(&p, a));
        return;
    }
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status, ov_str_c(ov_msg(c->lang, "plan.title")));
    ov_html_printf(res, "<p class=\"no-print\"><a href=\"/forloeb/%D\">%t"
                        "</a></p>",
                   c->id, "common.back");
    if (pm.version == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "plan.none");
    } else {
        ov_ui_paper_bar(c,
                        want ? ov_arena_printf(a, "/forloeb/%lld/plan.pdf?"
                                                  "version=%d",
                                               (long long)c->id, want)
                             : ov_arena_printf(a, "/forloeb/%lld/plan.pdf",
                                               (long long)c->id),
                        ci.full_name);
        ov_html_printf(res, "<h2>%t %d</h2>", "common.version", pm.version);
        show_plan(res, &p);
        if (*shown_changes)
            ov_html_printf(res, "<h3>%t</h3><pre class=\"diff\">%h</pre>",
                           "plan.changes", ov_str_c(shown_changes));
        if (pm.with_citizen)
            ov_html_printf(res, "<p>%t</p>", "plan.with_citizen");
        if (pm.citizen_comment.len)
            ov_html_printf(res, "<p><strong>%t:</strong> %h</p>",
                           "plan.citizen_comment", pm.citizen_comment);
    }
    /* the citizen's own word on the plan (ui_citizen.c), newest first */
    if (nc.n > 0) {
        ov_html_printf(res, "<h2 id=\"kommentarer\">%t</h2>",
                       "plan.comments");
        ov_page_list_cut(res, &nc, "list.newest");
        ov_html_lit(res, "<ul class=\"plan-comments\">");
        for (int i = 0; i < nc.n; i++) {
            char when[OV_TIME_BUF];
            ov_time_format_dk(comments[i].created_at, when);
            ov_html_printf(res,
                           "<li><p><strong>%t</strong> &middot; %t %d "
                           "&middot; %h &middot; %h</p><p class=\"text\">%h"
                           "</p></li>",
                           comments[i].agrees ? "plan.comment_agrees"
                                              : "plan.comment_disagrees",
                           "common.version", comments[i].version,
                           ov_str_c(when),
                           comments[i].author_name.len
                               ? comments[i].author_name
                               : comments[i].author_user,
                           comments[i].text);
        }
        ov_html_lit(res, "</ul>");
    }
    if (nv.n > 0) {
        ov_html_printf(res, "<h2>%t</h2>", "plan.versions");
        ov_page_list_cut(res, &nv, "list.newest");
        ov_html_printf(res, "<table><thead><tr><th>%t</th>"
                            "<th>%t</th><th>%t</th></tr></thead><tbody>",
                       "common.version", "audit.user", "plan.changes");
        for (int i = 0; i < nv.n; i++)
            ov_html_printf(res,
                           "<tr><td><a href=\"/forloeb/%D/plan?v=%d\">%d</a>"
                           "</td><td>%h</td><td>%h</td></tr>",
                           c->id, versions[i].version, versions[i].version,
                           versions[i].author, ov_str_c(changes[i]));
        ov_html_lit(res, "</tbody></table>");
    }
    if (ov_may_do(&c->req->viewer, OV_OP_COURSE_WRITE)) {
        ov_html_printf(res, "<h2 class=\"no-print\">%t</h2>", "plan.edit");
        if (f->n == 0)
            fill_from_plan(f, a, &latest, lm.version);
        editor(c, f);
    }
    ov_page_end(res);
}

void ov_v_plan(ov_ctx *c)
{
    ov_form f;
    ov_form_init(&f, plan_spec, NPLAN, c->lang, c->req->arena);
    plan_page(c, &f, 200);
}

const ov_web_action ov_act_plan = {
    "plan", plan_spec, NPLAN, OV_OP_COURSE_WRITE, OV_SCOPE_COURSE, plan_run,
    plan_page, plan_done, NULL};
