#include "web/ui.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/meeting.h"
#include "model/org.h"
#include "store/course.h"
#include "store/view.h"

void ov_ctx_init(ov_ctx *c, ov_web *app, ov_request *req, ov_response *res)
{
    memset(c, 0, sizeof *c);
    c->app = app;
    c->req = req;
    c->res = res;
    c->api = ov_str_starts_with(req->path, OV_STR_LIT("/api/"));
    /* integrations read English messages; people their own language */
    c->lang = c->api ? OV_LANG_EN : (ov_lang)req->lang;
    c->today = ov_today_cph();
    c->actor = req->actor; /* dispatch's, for handlers that init their own */
    res->lang = req->lang;
}

const char *ov_ctx_purpose(ov_ctx *c, int64_t course_id)
{
    return ov_arena_printf(c->req->arena, "forløb %lld", (long long)course_id);
}

ov_actor ov_ctx_actor(ov_ctx *c, const char *purpose)
{
    return (ov_actor){c->req->username, c->req->viewer.role, purpose};
}

void ov_ctx_not_found(ov_ctx *c)
{
    ov_err e;
    ov_err_msg(&e, OV_ENOTFOUND, NULL, not_found_or_hidden);
    ov_ctx_fail(c, &e);
}

void ov_ctx_fail(ov_ctx *c, const ov_err *err)
{
    if (c->api) {
        ov_response_error(c->res, err);
        return;
    }
    int status = ov_status_http(err->code);
    const char *key = "error.internal";
    const char *detail = NULL;
    char buf[OV_ERR_MSG_MAX];
    switch (err->code) {
    case OV_ENOTFOUND: key = "error.not_found"; break;
    case OV_EPERM: key = "error.forbidden"; break;
    case OV_ETOOBIG: key = "error.too_big"; break;
    case OV_EINVAL:
    case OV_ECONFLICT:
        key = err->code == OV_ECONFLICT ? "error.conflict" : "error.title";
        detail = ov_msg_error(c->lang, err, buf, sizeof buf);
        break;
    default: break;
    }
    ov_page_error(c->res, c->req, status, key, detail);
}

bool ov_ctx_param_id(ov_ctx *c, int i, int64_t *out)
{
    int64_t id;
    if (i >= c->req->nparams ||
        ov_str_to_i64(c->req->params[i], &id) != OV_OK || id <= 0) {
        ov_ctx_not_found(c);
        return false;
    }
    *out = id;
    return true;
}

/* Check, in the request's transaction, the record `id` of `scope` (a
 * course, or a placement or a proposal whose course is found in the same
 * transaction, so no read of its own comes before it): that the caller
 * may see the course (else OV_ENOTFOUND, the same for a record that does
 * not exist) and, when op >= 0, do op (else OV_EPERM). The audit purpose
 * names the course before any audit row. On failure the transaction stays
 * with the request; dispatch rolls it back. */
static ov_status record_check(ov_ctx *c, ov_scope scope, int64_t id, int op,
                              ov_err *err)
{
    ov_err_clear(err);
    ov_tx *tx = c->req->tx;
    if (!tx)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "the route declares no transaction (a bug)");
    if (c->actor)
        c->actor->purpose = ov_ctx_purpose(c, id);
    int64_t course = id;
    if (scope == OV_SCOPE_PLACEMENT) {
        /* by its course, or for an employer contact by its company
         * (model/access.h ov_may_see_placement) */
        if (ov_placement_check_visible(tx, &c->req->viewer, id, &course,
                                       err) != OV_OK)
            ov_err_msg(err, OV_ENOTFOUND, NULL, not_found_or_hidden);
        else if (c->actor)
            c->actor->purpose = ov_ctx_purpose(c, course);
    } else if (scope == OV_SCOPE_PROPOSAL) {
        if (ov_proposal_course(tx, id, &course, err) != OV_OK)
            ov_err_msg(err, OV_ENOTFOUND, NULL, not_found_or_hidden);
        else if (c->actor)
            c->actor->purpose = ov_ctx_purpose(c, course);
    }
    if (err->code == OV_OK && scope != OV_SCOPE_PLACEMENT)
        ov_course_check_visible(tx, &c->req->viewer, course, err);
    if (err->code == OV_OK && op >= 0 && !ov_may_do(&c->req->viewer, (ov_op)op))
        ov_err_msg(err, OV_EPERM, NULL, role_may_not_on_course);
    if (err->code != OV_OK)
        return err->code;
    c->course_id = course;
    return OV_OK;
}

ov_status ov_ctx_check_course(ov_ctx *c, int64_t course_id, int op,
                              ov_err *err)
{
    return record_check(c, OV_SCOPE_COURSE, course_id, op, err);
}

ov_status ov_ctx_take_tx(ov_ctx *c, ov_tx **tx, ov_err *err)
{
    *tx = c->req->tx;
    c->req->tx = NULL;
    if (!*tx)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "the route declares no transaction, or it was "
                          "taken twice (a bug)");
    return OV_OK;
}

/* Check the placement c->id in the request's audited read. A viewer who
 * sees whole placements must see its course (record_check); one who sees
 * only work agreements (an employer contact) is let through to the read,
 * on behalf of the placement's course, and the page decides on the
 * placement's company (ov_may_see_placement) before it shows anything. */
ov_status ov_ctx_check_placement(ov_ctx *c, ov_err *err)
{
    ov_err_clear(err);
    if (ov_sees_whole_placement(&c->req->viewer))
        return record_check(c, OV_SCOPE_PLACEMENT, c->id, -1, err);
    ov_tx *tx = c->req->tx;
    if (!tx)
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "the route declares no transaction (a bug)");
    if (c->actor)
        c->actor->purpose = ov_ctx_purpose(c, c->id);
    int64_t course = 0;
    if (ov_placement_course(tx, c->id, &course, err) != OV_OK)
        return ov_err_msg(err, OV_ENOTFOUND, NULL, placement_none);
    if (c->actor)
        c->actor->purpose = ov_ctx_purpose(c, course);
    return OV_OK;
}

ov_status ov_ctx_take_placement_tx(ov_ctx *c, ov_tx **tx, ov_err *err)
{
    return ov_ctx_take_tx(c, tx, err);
}

void ov_action_form(ov_ctx *c, const ov_web_action *a)
{
    if ((a->scope != OV_SCOPE_MUNICIPALITY || c->req->nparams > 0) &&
        !ov_ctx_param_id(c, 0, &c->id))
        return;
    ov_err err;
    ov_err_clear(&err);
    if (a->scope != OV_SCOPE_MUNICIPALITY) {
        /* in the request's audited read, which the form page reads in */
        if (record_check(c, a->scope, c->id, (int)a->op, &err) != OV_OK) {
            ov_ctx_fail(c, &err);
            return;
        }
    } else if (!ov_may_do(&c->req->viewer, a->op)) {
        ov_err_msg(&err, OV_EPERM, NULL, role_may_not);
        ov_ctx_fail(c, &err);
        return;
    }
    ov_form f;
    ov_form_init(&f, a->spec, a->nspec, c->lang, c->req->arena);
    a->render(c, &f, 200);
}

static void answer_form_error(ov_ctx *c, const ov_web_action *a, ov_form *f,
                              ov_status code)
{
    if (c->api) {
        ov_err e;
        ov_form_first_error(f, &e);
        e.code = code;
        ov_response_error(c->res, &e);
        return;
    }
    if (a->render)
        a->render(c, f, ov_status_http(code));
    else {
        ov_err e;
        ov_form_first_error(f, &e);
        e.code = code;
        ov_ctx_fail(c, &e);
    }
}

void ov_action_post(ov_ctx *c, const ov_web_action *a)
{
    ov_err err;
    ov_err_clear(&err);
    if (a->scope != OV_SCOPE_MUNICIPALITY) {
        if (!ov_ctx_param_id(c, 0, &c->id))
            return;
    } else if (c->req->nparams > 0 && !ov_ctx_param_id(c, 0, &c->id)) {
        return;
    }
    if (!ov_may_do(&c->req->viewer, a->op)) {
        /* do not tell whether the record exists: check it first */
        if (a->scope != OV_SCOPE_MUNICIPALITY &&
            record_check(c, a->scope, c->id, -1, &err) != OV_OK) {
            ov_ctx_fail(c, &err);
            return;
        }
        ov_err_msg(&err, OV_EPERM, NULL, role_may_not);
        ov_ctx_fail(c, &err);
        return;
    }
    bool course = a->scope != OV_SCOPE_MUNICIPALITY;
    ov_form f;
    ov_form_init(&f, a->spec, a->nspec, c->lang, c->req->arena);
    /* heavy work that needs no writer comes before the transaction */
    ov_status (*prepare)(ov_ctx *, const ov_form *, ov_err *) = NULL;
    for (const ov_action_prepare *p = ov_action_prepares; p->action; p++)
        if (p->action == a && !course && !a->check)
            prepare = p->prepare;
    bool prepared = prepare != NULL;
    if (prepared) {
        /* the request's read (its session, and what prepare reads) stays
         * open through the parse, so a form shown again reads in it */
        if (ov_form_parse(&f, c->req, "csrf") != OV_OK) {
            answer_form_error(c, a, &f, OV_EINVAL);
            return;
        }
        if (prepare(c, &f, &err) != OV_OK) {
            if (err.code == OV_EINVAL || err.code == OV_ECONFLICT) {
                ov_form_fail_err(&f, &err);
                answer_form_error(c, a, &f, err.code);
            } else {
                ov_ctx_fail(c, &err);
            }
            return;
        }
        /* the write is a second, short transaction: the one documented
         * exception (docs/architecture.md), so that no writer waits while
         * a large file is parsed and screened */
        ov_tx_rollback(c->req->tx);
        c->req->tx = NULL;
        if (ov_tx_begin(c->app->store, c->actor, &c->req->tx, &err) != OV_OK) {
            ov_ctx_fail(c, &err);
            return;
        }
    }
    ov_tx *tx = c->req->tx;
    if (!tx || !ov_tx_writes(tx)) {
        ov_err_set(&err, OV_EINTERNAL, NULL,
                   "the action's route declares no write transaction (a "
                   "bug)");
        ov_ctx_fail(c, &err);
        return;
    }
    /* visibility before validation, so a stranger learns nothing */
    if (course && record_check(c, a->scope, c->id, (int)a->op, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    if (a->check && a->check(c, tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    if (!prepared && ov_form_parse(&f, c->req, "csrf") != OV_OK) {
        /* the form again, read in the same transaction, nothing written */
        if (ov_tx_undo(tx, &err) != OV_OK) {
            c->req->tx = NULL;
            ov_ctx_fail(c, &err);
            return;
        }
        answer_form_error(c, a, &f, OV_EINVAL);
        return;
    }
    int64_t out_id = 0;
    ov_status st = a->run(c, &f, tx, &out_id, &err);
    if (st == OV_OK) {
        c->req->tx = NULL;
        st = ov_tx_commit(tx, &err);
        if (st != OV_OK) {
            /* nothing was written, and the transaction is over: no form
             * page to read in */
            ov_ctx_fail(c, &err);
            return;
        }
    }
    if (st != OV_OK) {
        /* an id in the body that is not found (or is another
         * municipality's, which answers the same) is an error next to its
         * field, status 404 */
        if (err.code == OV_EINVAL || err.code == OV_ECONFLICT ||
            (err.code == OV_ENOTFOUND && err.field[0])) {
            /* the form again, in the same transaction with the change
             * undone: still one transaction */
            ov_err e2;
            if (ov_tx_undo(tx, &e2) != OV_OK) {
                c->req->tx = NULL;
                ov_ctx_fail(c, &e2);
                return;
            }
            ov_form_fail_err(&f, &err);
            answer_form_error(c, a, &f, err.code);
        } else {
            ov_ctx_fail(c, &err);
        }
        return;
    }
    for (const ov_action_answer *x = ov_action_answers; x->action; x++)
        if (x->action == a) {
            x->answer(c, out_id);
            return;
        }
    if (c->api) {
        char body[64];
        snprintf(body, sizeof body, "{\"id\":%lld}", (long long)out_id);
        ov_response_json(c->res, 200,
                         ov_str_c(ov_arena_strdup(c->req->arena, body)));
        return;
    }
    const char *to = a->done ? a->done(c, out_id) : NULL;
    if (!to)
        to = ov_arena_printf(c->req->arena, "/forloeb/%lld",
                             (long long)(course ? c->course_id : out_id));
    /* every save ends with "Gemt." on the page it returns to */
    ov_page_redirect(c->res, ov_page_with_flag(c->req->arena, to, "gemt"));
}

bool ov_ctx_finish(ov_ctx *c, ov_tx *tx, bool ok, ov_err *err)
{
    ov_status st;
    if (ok) {
        /* an audited read's rows sync while the page renders; the
         * response waits for them (ov_web_handle, or the server) */
        uint64_t ticket = 0;
        st = ov_tx_commit_deferred(tx, &ticket, err);
        if (ticket > c->res->audit_ticket)
            c->res->audit_ticket = ticket;
    } else {
        ov_tx_rollback(tx);
        st = err->code != OV_OK ? err->code : OV_EINTERNAL;
    }
    if (st != OV_OK) {
        ov_ctx_fail(c, err);
        return false;
    }
    return true;
}

const char *ov_ctx_course_page(ov_ctx *c, const char *sub)
{
    return ov_arena_printf(c->req->arena, "/forloeb/%lld/%s",
                           (long long)c->course_id, sub);
}

const char *ov_task_text(ov_ctx *c, const ov_task *t)
{
    char k[64];
    snprintf(k, sizeof k, "todo.%s", ov_task_kind_code(t->kind));
    return ov_msg_fill(c->req->arena, c->lang, k, t->arg, NULL);
}

const char *ov_task_step(ov_ctx *c, const ov_task *t, int64_t placement_id)
{
    static const char *const step[OV_TASK_COUNT] = {
        [OV_TASK_START_MEETING] = "opstartsmoede",
        [OV_TASK_PLAN_JOB_GOAL] = "plan",
        [OV_TASK_FOLLOWUP] = "opfoelgning",
        [OV_TASK_MEASUREMENT] = "maalinger",
        [OV_TASK_CTI_PHASE] = "cti",
        [OV_TASK_CTI_ALIGNMENT] = "cti",
        [OV_TASK_PROPOSAL_ANSWERED] = "match",
    };
    ov_arena *a = c->req->arena;
    if (t->kind == OV_TASK_AGREEMENT_REVIEW && placement_id > 0)
        return ov_arena_printf(a, "/virksomhedsforloeb/%lld",
                               (long long)placement_id);
    const char *sub = (unsigned)t->kind < OV_TASK_COUNT ? step[t->kind] : NULL;
    if (!sub)
        return ov_arena_printf(a, "/forloeb/%lld", (long long)t->course_id);
    return ov_arena_printf(a, "/forloeb/%lld/%s", (long long)t->course_id,
                           sub);
}

void ov_ctx_default_today(ov_ctx *c, ov_form *f, const char *name)
{
    if (ov_form_has(f, name))
        return;
    char d[OV_DATE_BUF];
    ov_date_format_iso(c->today, d);
    ov_form_set(f, c->req->arena, name,
                ov_str_c(ov_arena_strdup(c->req->arena, d)));
}

bool ov_ctx_companies(ov_ctx *c, ov_company_row **rows, ov_list_info *li)
{
    ov_err err;
    ov_err_clear(&err);
    *rows = NULL;
    *li = (ov_list_info){0, 0, false};
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return false;
    }
    bool ok = ov_company_list(tx, c->req->viewer.municipality_code,
                              c->req->arena, rows, li, &err) == OV_OK;
    return ov_ctx_finish(c, tx, ok, &err);
}

/* ---- option lists ---- */

const char *ov_opt_role_frontline(int i)
{
    static const ov_role r[] = {
        OV_ROLE_EMPLOYMENT_CASEWORKER, OV_ROLE_SOCIAL_CASEWORKER,
        OV_ROLE_CTI_WORKER, OV_ROLE_COMPANY_CONSULTANT, OV_ROLE_CITIZEN};
    return i >= 0 && i < 5 ? ov_role_code(r[i]) : NULL;
}

const char *ov_opt_attendee(int i)
{
    static const ov_role r[] = {
        OV_ROLE_CITIZEN, OV_ROLE_EMPLOYMENT_CASEWORKER,
        OV_ROLE_SOCIAL_CASEWORKER, OV_ROLE_CTI_WORKER,
        OV_ROLE_COMPANY_CONSULTANT};
    return i >= 0 && i < 5 ? ov_role_code(r[i]) : NULL;
}
