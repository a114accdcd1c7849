/*
 * api.c - JSON renderings for the API routes that share a handler with a
 * page (the page handler reads, then calls these when c->api).
 *
 * A list read under the store's list convention (store/store.h) answers
 * {"<name>": [...], "total": <all rows>, "truncated": <the cap cut it>},
 * so a client sees what a page says as "the newest n of total".
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/measure.h"
#include "store/audit.h"
#include "store/course.h"
#include "store/cti.h"
#include "store/measure.h"
#include "store/search.h"
#include "store/view.h"
#include "web/handlers.h"

static void answer(ov_ctx *c, json_t *j)
{
    char *t = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    ov_response_json(c->res, 200,
                     ov_str_c(ov_arena_strdup(c->req->arena, t ? t : "{}")));
    free(t);
}

/* A list with its total and whether its cap cut it. */
static json_t *jlist(const char *name, json_t *arr, const ov_list_info *li)
{
    return json_pack("{s:o,s:i,s:b}", name, arr, "total", li->total,
                     "truncated", li->truncated);
}

void ov_api_tasks(ov_ctx *c, const ov_task *tasks, int n,
                  const ov_str *names, const char *const *hrefs)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        char d[OV_DATE_BUF];
        ov_date_format_iso(tasks[i].due, d);
        json_array_append_new(
            arr, json_pack("{s:I,s:s,s:s,s:b,s:s,s:s%,s:s}", "course_id",
                           (json_int_t)tasks[i].course_id, "kind",
                           ov_task_kind_code(tasks[i].kind), "due", d,
                           "overdue", tasks[i].overdue, "text",
                           tasks[i].text, "citizen_name", names[i].ptr,
                           names[i].len, "href", hrefs[i]));
    }
    /* every task of the caller's courses: never cut */
    ov_list_info whole = {n, n, false};
    answer(c, jlist("tasks", arr, &whole));
}

static json_t *jstr(ov_str s)
{
    return json_stringn(s.ptr ? s.ptr : "", s.len);
}

static json_t *jdate(ov_date d)
{
    char b[OV_DATE_BUF];
    ov_date_format_iso(d, b);
    return json_string(b);
}

void ov_api_companies(ov_ctx *c)
{
    ov_company_row *rows = NULL;
    ov_list_info li;
    if (!ov_ctx_companies(c, &rows, &li))
        return;
    json_t *arr = json_array();
    for (int i = 0; i < li.n; i++) {
        json_t *ops = json_array();
        for (int k = 0; k < rows[i].nopenings; k++) {
            const ov_opening *o = &rows[i].openings[k].o;
            json_t *acc = json_array();
            for (int b = 0; b < OV_ACC_COUNT; b++)
                if (o->accommodations & OV_ACC_BIT(b))
                    json_array_append_new(
                        acc, json_string(ov_accommodation_code(
                                 (ov_accommodation)b)));
            json_array_append_new(
                ops, json_pack("{s:I,s:o,s:o,s:i,s:i,s:o,s:s,s:b,s:b}", "id",
                               (json_int_t)o->id, "tasks", jstr(o->tasks),
                               "occupation", jstr(o->occupation), "hours_min",
                               o->hours_min, "hours_max", o->hours_max,
                               "accommodations", acc, "ordinary",
                               ov_ordinary_hours_code(o->ordinary), "shortage",
                               o->shortage, "active",
                               rows[i].openings[k].active));
        }
        json_array_append_new(
            arr, json_pack("{s:I,s:o,s:o,s:i,s:o}", "id",
                           (json_int_t)rows[i].id, "cvr", jstr(rows[i].cvr),
                           "name", jstr(rows[i].name), "postcode",
                           rows[i].postcode, "openings", ops));
    }
    answer(c, jlist("companies", arr, &li));
}

void ov_api_suggestions(ov_ctx *c, const ov_match_score *s, int n)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        json_t *parts = json_array();
        for (int k = 0; k < OV_MC_COUNT; k++)
            json_array_append_new(
                parts, json_pack("{s:s,s:f,s:f,s:s}", "component",
                                 s[i].parts[k].code, "points",
                                 s[i].parts[k].points, "max",
                                 s[i].parts[k].max, "explanation",
                                 s[i].parts[k].text_da));
        json_array_append_new(
            arr, json_pack("{s:I,s:f,s:o}", "opening_id",
                           (json_int_t)s[i].opening_id, "score", s[i].total,
                           "parts", parts));
    }
    answer(c, json_pack("{s:o}", "suggestions", arr));
}

void ov_api_placement(ov_ctx *c, const ov_placement_row *r,
                      const ov_signoff_row *so, int nso, ov_hours_source src)
{
    json_t *sigs = json_array();
    for (int i = 0; i < nso; i++) {
        char when[OV_TIME_BUF], hex[2 * OV_AGREEMENT_HASH_BYTES + 1];
        ov_time_format_utc(so[i].at, when);
        json_t *s = json_pack("{s:s,s:o,s:o,s:s}", "party",
                              ov_signer_code(so[i].signer), "name",
                              jstr(so[i].name), "way", jstr(so[i].way),
                              "at", when);
        if (so[i].has_paper_date) {
            json_object_set_new(s, "paper_date", jdate(so[i].paper_date));
            json_object_set_new(s, "recorded_by", jstr(so[i].recorded_by));
        }
        if (so[i].has_hash) {
            for (int k = 0; k < OV_AGREEMENT_HASH_BYTES; k++)
                snprintf(hex + 2 * k, 3, "%02x", so[i].hash[k]);
            json_object_set_new(s, "content_sha256", json_string(hex));
        }
        json_array_append_new(sigs, s);
    }
    json_t *goals = json_array();
    for (int i = 0; i < r->agreement.ngoals; i++)
        json_array_append_new(
            goals, json_pack("{s:o,s:b}", "text",
                             jstr(r->agreement.goals[i].text), "reached",
                             r->agreement.goals[i].reached));
    json_t *signed_ = json_array();
    for (int k = 0; k < 3; k++)
        if (r->signed_mask & (1u << k))
            json_array_append_new(
                signed_, json_string(ov_signer_code((ov_signer)(1 << k))));
    /* each week: the hours that count, then both figures */
    json_t *weeks = json_array();
    const ov_hours_week *counted =
        ov_placement_hours_counted(r, src, c->req->arena);
    for (int i = 0; i < r->nweeks; i++) {
        const struct ov_hours_employer_row *e =
            r->employer_weeks ? &r->employer_weeks[i] : NULL;
        json_array_append_new(
            weeks,
            json_pack("{s:i,s:i,s:f,s:f,s:{s:f,s:f},s:o}", "iso_year",
                      counted[i].iso_year, "iso_week", counted[i].iso_week,
                      "internship", counted[i].internship_x10 / 10.0,
                      "ordinary", counted[i].ordinary_x10 / 10.0,
                      "consultant", "internship",
                      r->weeks[i].internship_x10 / 10.0, "ordinary",
                      r->weeks[i].ordinary_x10 / 10.0, "employer",
                      e && e->has
                          ? json_pack("{s:f,s:f}", "internship",
                                      e->internship_x10 / 10.0, "ordinary",
                                      e->ordinary_x10 / 10.0)
                          : json_null()));
    }
    json_t *ag = json_null();
    if (r->agreement_version > 0)
        ag = json_pack("{s:i,s:f,s:f,s:o,s:o,s:o,s:o,s:o}", "version",
                       r->agreement_version, "internship_hours",
                       r->agreement.internship_hours_x10 / 10.0,
                       "ordinary_hours",
                       r->agreement.ordinary_hours_x10 / 10.0, "tasks",
                       jstr(r->agreement.tasks), "accommodations",
                       jstr(r->agreement.accommodations), "review_date",
                       jdate(r->agreement.review_date), "goals", goals,
                       "signed_by", signed_);
    else {
        json_decref(goals);
        json_decref(signed_);
    }
    if (json_is_object(ag))
        json_object_set_new(ag, "signoffs", sigs);
    else
        json_decref(sigs);
    answer(c, json_pack("{s:I,s:I,s:s,s:I,s:o,s:o,s:o,s:f,s:o,s:o,s:s}", "id",
                        (json_int_t)r->id, "course_id",
                        (json_int_t)r->course_id, "type",
                        ov_placement_type_code(r->p.type), "company_id",
                        (json_int_t)r->p.company_id, "company_name",
                        jstr(r->company_name), "start", jdate(r->p.start),
                        "end", r->p.has_end ? jdate(r->p.end) : json_null(),
                        "weekly_hours", r->p.weekly_hours_x10 / 10.0,
                        "agreement", ag, "hours", weeks,
                        "hours_source", ov_hours_source_code(src)));
}

void ov_api_cti(ov_ctx *c, const ov_cti_state *s)
{
    if (!s->started) {
        answer(c, json_pack("{s:b}", "started", 0));
        return;
    }
    json_t *contacts = json_array();
    for (int i = 0; i < s->ncontacts; i++)
        json_array_append_new(
            contacts,
            json_pack("{s:o,s:s,s:i,s:o,s:o}", "date",
                      jdate(s->contacts[i].date), "form",
                      ov_contact_form_code(s->contacts[i].form), "minutes",
                      s->contacts[i].minutes, "focus",
                      jstr(s->contacts[i].focus), "note",
                      jstr(s->contacts[i].note)));
    json_t *phases = json_array();
    for (int p = 0; p < 3; p++)
        json_array_append_new(
            phases, json_pack("{s:i,s:o,s:i}", "phase", p + 1, "start",
                              jdate(s->course.phase_start[p]),
                              "planned_interval_days",
                              s->rules.interval_days[p]));
    answer(c, json_pack("{s:b,s:s,s:i,s:o,s:o,s:o,s:o}", "started", 1,
                        "legal_basis", ov_legal_basis_code(s->basis),
                        "months", s->course.months, "start",
                        jdate(s->course.start), "end", jdate(s->course.end),
                        "phases", phases, "contacts", contacts));
}

/* The instruments' lists in one: total and truncated over all of them. */
void ov_api_measurements(ov_ctx *c, ov_measurement *const *m,
                         const ov_list_info *li)
{
    json_t *arr = json_array();
    ov_list_info all = {0, 0, false};
    for (int i = 0; i < OV_INSTR_COUNT; i++) {
        all.n += li[i].n;
        all.total += li[i].total;
        all.truncated = all.truncated || li[i].truncated;
        for (int k = 0; k < li[i].n; k++) {
            json_t *items = json_array();
            for (int j = 0; j < m[i][k].nitems; j++)
                json_array_append_new(items, json_integer(m[i][k].items[j]));
            json_t *o = json_pack(
                "{s:I,s:s,s:o,s:i,s:o,s:s}", "id", (json_int_t)m[i][k].id,
                "instrument", ov_instrument_code((ov_instrument)i), "taken_on",
                jdate(m[i][k].taken_on), "score", m[i][k].score, "items",
                items, "entered_by", ov_entered_by_code(m[i][k].entered_by));
            if (m[i][k].has_rater)
                json_object_set_new(o, "rater",
                                    json_string(ov_rater_code(m[i][k].rater)));
            json_array_append_new(arr, o);
        }
    }
    answer(c, jlist("measurements", arr, &all));
}

void ov_api_batches(ov_ctx *c, const ov_batch_row *r, const ov_list_info *li)
{
    json_t *arr = json_array();
    for (int i = 0; i < li->n; i++)
        json_array_append_new(
            arr, json_pack("{s:I,s:o,s:o,s:i,s:i,s:i,s:i}", "id",
                           (json_int_t)r[i].id, "reference_date",
                           jdate(r[i].reference_date), "source_name",
                           jstr(r[i].source_name), "candidates",
                           r[i].ncandidates, "in_target_group",
                           r[i].nin_target, "eligible", r[i].neligible,
                           "drawn", r[i].ndrawn));
    answer(c, jlist("batches", arr, li));
}

void ov_api_batch(ov_ctx *c, const ov_batch_detail *d)
{
    json_t *cands = json_array();
    for (int i = 0; i < d->ncandidates; i++) {
        const ov_candidate_row *r = &d->candidates[i];
        ov_screening sc;
        ov_screen(&d->batch.rules, &r->facts, d->batch.reference_date, &sc);
        json_t *crit = json_object();
        for (int k = 0; k < OV_CRIT_COUNT; k++)
            json_object_set_new(
                crit, ov_criterion_code((ov_criterion)k),
                json_string(ov_outcome_code(sc.results[k].outcome)));
        json_array_append_new(
            cands,
            json_pack("{s:I,s:i,s:I,s:o,s:b,s:b,s:b,s:o,s:I,s:I}", "id",
                      (json_int_t)r->id, "line", r->line, "citizen_id",
                      (json_int_t)r->citizen_id, "citizen_name",
                      jstr(r->citizen_name), "in_target_group",
                      r->in_target_group, "eligible", r->eligible, "excluded",
                      r->excluded, "criteria", crit, "draw_id",
                      (json_int_t)r->draw_id, "course_id",
                      (json_int_t)r->course_id));
    }
    json_t *draws = json_array();
    for (int i = 0; i < d->ndraws; i++)
        json_array_append_new(
            draws, json_pack("{s:I,s:o,s:i,s:i,s:o}", "id",
                             (json_int_t)d->draws[i].id, "seed",
                             jstr(d->draws[i].seed), "count",
                             d->draws[i].count, "pool", d->draws[i].pool,
                             "drawn_by", jstr(d->draws[i].drawn_by)));
    /* the candidates are the list (the store stops at its cap, the batch
     * counts them all, as the page says); the draws are never cut: each
     * has a member, so the batch's drawn bound them */
    ov_list_info li = {d->ncandidates, d->batch.ncandidates,
                       d->ncandidates < d->batch.ncandidates};
    json_t *j = jlist("candidates", cands, &li);
    json_object_set_new(j, "id", json_integer((json_int_t)d->batch.id));
    json_object_set_new(j, "reference_date",
                        jdate(d->batch.reference_date));
    json_object_set_new(j, "draws", draws);
    answer(c, j);
}

void ov_api_audit(ov_ctx *c, const ov_audit_view_row *r,
                  const ov_list_info *li)
{
    json_t *arr = json_array();
    for (int i = 0; i < li->n; i++) {
        char when[OV_TIME_BUF];
        ov_time_format_utc(r[i].at, when);
        json_array_append_new(
            arr, json_pack("{s:I,s:s,s:o,s:s,s:s,s:I,s:o,s:o}", "id",
                           (json_int_t)r[i].id, "at", when, "actor",
                           jstr(r[i].actor), "role", ov_role_code(r[i].role),
                           "action", ov_action_code(r[i].action), "citizen_id",
                           (json_int_t)r[i].citizen_id, "criterion",
                           jstr(r[i].criterion), "purpose",
                           jstr(r[i].purpose)));
    }
    answer(c, jlist("audit", arr, li));
}

void ov_api_agreements(ov_ctx *c, const ov_placement_row *r,
                       const ov_list_info *li)
{
    json_t *arr = json_array();
    for (int i = 0; i < li->n; i++) {
        json_t *signed_ = json_array();
        for (int k = 0; k < 3; k++)
            if (r[i].signed_mask & (1u << k))
                json_array_append_new(
                    signed_,
                    json_string(ov_signer_code((ov_signer)(1 << k))));
        json_array_append_new(
            arr, json_pack("{s:I,s:o,s:s,s:o,s:i,s:o}", "placement_id",
                           (json_int_t)r[i].id, "citizen_name",
                           jstr(r[i].citizen_name), "type",
                           ov_placement_type_code(r[i].p.type), "start",
                           jdate(r[i].p.start), "agreement_version",
                           r[i].agreement_version, "signed_by", signed_));
    }
    answer(c, jlist("agreements", arr, li));
}

/* The citizens a search found: one per course, with its stage. */
void ov_api_citizens(ov_ctx *c, const ov_search_hit *h,
                     const ov_list_info *li)
{
    json_t *arr = json_array();
    for (int i = 0; i < li->n; i++)
        json_array_append_new(
            arr, json_pack("{s:I,s:o,s:I,s:s,s:o,s:b}", "citizen_id",
                           (json_int_t)h[i].citizen_id, "name",
                           jstr(h[i].name), "course_id",
                           (json_int_t)h[i].course_id, "stage",
                           ov_stage_code(h[i].stage), "started_on",
                           jdate(h[i].started_on), "ended", h[i].ended));
    answer(c, jlist("citizens", arr, li));
}

/* ---- JSON-only routes ----
 *
 * They work as the pages do: the request's audited read, which dispatch
 * opened (ov_ctx_take_tx), finished with ov_ctx_finish, which hands the audit ticket to
 * the response, so no worker waits for the journal's sync. */

/* A page of the course list (ui_course.c reads it). */
void ov_api_cases(ov_ctx *c, const ov_case_item *items,
                  const ov_list_info *li, int page, int per_page)
{
    json_t *arr = json_array();
    for (int i = 0; i < li->n; i++) {
        json_t *o = json_pack(
            "{s:I,s:s%,s:s,s:o,s:b,s:b}", "id", (json_int_t)items[i].id,
            "citizen_name", items[i].citizen_name.ptr,
            items[i].citizen_name.len, "stage",
            ov_stage_code(items[i].stage), "started_on",
            jdate(items[i].started_on), "ended", items[i].ended, "mine",
            items[i].mine);
        json_object_set_new(o, "next_due", items[i].has_due
                                               ? jdate(items[i].next_due)
                                               : json_null());
        json_array_append_new(arr, o);
    }
    json_t *j = jlist("cases", arr, li);
    json_object_set_new(j, "page", json_integer(page));
    json_object_set_new(j, "per_page", json_integer(per_page));
    answer(c, j);
}

/* The citizen's own access log: dates (Copenhagen time), the role, what
 * was done and why. */
void ov_h_api_access_log(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    enum { CAP = 1000 };
    ov_access_entry *rows = NULL;
    ov_list_info li;
    ov_tx *tx;
    /* the log itself: the route's AUDIT_LOG read folded the journal */
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    bool ok = ov_audit_citizen_log(tx, req->viewer.citizen_id, CAP,
                                   req->arena, &rows, &li, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    json_t *arr = json_array();
    for (int i = 0; i < li.n; i++) {
        char when[OV_TIME_BUF];
        ov_time_format_dk(rows[i].at, when);
        json_array_append_new(
            arr, json_pack("{s:s,s:s,s:s,s:s%,s:s}", "when", when, "role",
                           ov_role_label_da(rows[i].role), "action",
                           ov_action_code(rows[i].action), "purpose",
                           rows[i].purpose.ptr, rows[i].purpose.len, "text",
                           ov_access_text(c.lang, req->arena, &rows[i])));
    }
    answer(&c, jlist("access_log", arr, &li));
}

/* One course: dispatch has checked it and opened its audited read. */
void ov_v_api_case(ov_ctx *c)
{
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    ov_course k;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    bool ok = ov_course_get(tx, c->id, c->req->arena, &k, &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    char started[OV_DATE_BUF], ended[OV_DATE_BUF] = "";
    ov_date_format_iso(k.started_on, started);
    if (k.ended)
        ov_date_format_iso(k.ended_on, ended);
    json_t *staff = json_array();
    for (int i = 0; i < k.nstaff; i++)
        json_array_append_new(
            staff, json_pack("{s:s,s:I,s:s%}", "role",
                             ov_role_code(k.staff[i].role), "user_id",
                             (json_int_t)k.staff[i].user_id, "name",
                             k.staff[i].full_name.ptr,
                             k.staff[i].full_name.len));
    json_t *j = json_pack("{s:I,s:I,s:i,s:I,s:s,s:s,s:s,s:o}", "id",
                          (json_int_t)k.id, "citizen_id",
                          (json_int_t)k.citizen_id, "municipality_code",
                          k.municipality_code, "team_id",
                          (json_int_t)k.team_id, "stage",
                          ov_stage_code(k.stage), "started_on", started,
                          "ended_on", ended, "staff", staff);
    answer(c, j);
}

void ov_h_health(ov_web *app, ov_request *req, ov_response *res)
{
    (void)app;
    (void)req;
    ov_response_json(res, 200, OV_STR_LIT("{\"status\":\"ok\"}"));
}
