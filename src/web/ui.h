/*
 * ui.h - what the page and API handlers share: the request context, the
 * answer for an error (an HTML page or a JSON error, by route), and the
 * action framework.
 *
 * An action is one state change (record a start meeting, save a plan, log
 * a CTI contact ...). It is declared once: its fields (web/form.h), the
 * permission it needs (model/access.h ov_op), what it is about (a course,
 * a placement, a proposal, the caller's municipality), the function that
 * performs it inside one transaction, and for the HTML interface the page
 * that shows its form. The same declaration serves the HTML route (form
 * post, 303 to the result; on bad input the form again with the input kept
 * and each error next to its field, status 400/409) and the JSON route
 * (JSON body, 200 {"id": ...}; errors {"error": {"code", "message",
 * "field"}}). Nothing is written unless everything succeeded.
 */
#ifndef OV_WEB_UI_H
#define OV_WEB_UI_H

#include "model/due.h"
#include "store/store.h"
#include "web/app.h"
#include "web/form.h"
#include "web/page.h"

typedef struct ov_ctx {
    ov_web *app;
    ov_request *req;
    ov_response *res;
    ov_lang lang;
    bool api;          /* a JSON route: answer JSON */
    int64_t id;        /* the route's {id}, 0 when none */
    int64_t course_id; /* the course the request is about, 0 when none */
    ov_date today;     /* Copenhagen */
    void *extra;       /* an action's details for its page (in the arena) */
    /* The actor of the request's transaction (in the arena; dispatch
     * names it from the session), whose purpose a check of a course sets
     * to the course before anything is audited. NULL for public routes. */
    ov_actor *actor;
} ov_ctx;

void ov_ctx_init(ov_ctx *c, ov_web *app, ov_request *req, ov_response *res);

/* The audit purpose for a course ("forløb 17"), in the arena. */
const char *ov_ctx_purpose(ov_ctx *c, int64_t course_id);
ov_actor ov_ctx_actor(ov_ctx *c, const char *purpose);

/* Answer an error: JSON for API routes, an HTML error page otherwise
 * (404 for not found or not visible, 403, 409, 400, 413, 500). */
void ov_ctx_fail(ov_ctx *c, const ov_err *err);
/* Answer 404 "not found" (same for unknown and not visible). */
void ov_ctx_not_found(ov_ctx *c);

/* The request's one transaction (docs/architecture.md, "One transaction
 * per request"): dispatch opens it of the kind the route declares
 * (routes.c), looks the session up and checks access in it, and leaves
 * it in c->req->tx. A handler takes it (once) and finishes it with
 * ov_ctx_finish; no handler begins a transaction of its own
 * (scripts/check-source, tests/web/test_tx_per_request.c). OV_EINTERNAL
 * when the route declares none, or it was taken already. What a handler
 * does not take, dispatch rolls back. */
ov_status ov_ctx_take_tx(ov_ctx *c, ov_tx **tx, ov_err *err);
/* The same for a page about a placement (dispatch checked it with
 * ov_ctx_check_placement). */
ov_status ov_ctx_take_placement_tx(ov_ctx *c, ov_tx **tx, ov_err *err);
/* Check in the request's transaction that the caller may see the course
 * (else OV_ENOTFOUND) and, when op >= 0, may do op (else OV_EPERM); the
 * audit purpose becomes the course. */
ov_status ov_ctx_check_course(ov_ctx *c, int64_t course_id, int op,
                              ov_err *err);
/* Check the placement c->id in the request's transaction: a viewer who
 * sees whole placements must see its course; one who sees only work
 * agreements gets the read, and the page checks ov_may_see_placement on
 * what it read. */
ov_status ov_ctx_check_placement(ov_ctx *c, ov_err *err);

/* An action's scope (ov_scope, web/app.h) is one of COURSE, PLACEMENT,
 * PROPOSAL or MUNICIPALITY. */

typedef struct ov_web_action ov_web_action;
struct ov_web_action {
    const char *name;          /* for the API document */
    const ov_field *spec;
    int nspec;
    ov_op op;
    ov_scope scope;
    /* Perform the change in tx; *out_id gets the id of what was made or
     * changed (for the answer and the redirect). Errors go into err with
     * the field they concern. */
    ov_status (*run)(ov_ctx *c, const ov_form *f, ov_tx *tx,
                     int64_t *out_id, ov_err *err);
    /* HTML: show the form page (GET, and again after bad input). */
    void (*render)(ov_ctx *c, ov_form *f, int status);
    /* HTML: where to go after success (a path; NULL = the course page). */
    const char *(*done)(ov_ctx *c, int64_t out_id);
    /* For municipality actions about a record ({id}: a company, a
     * candidate list): OV_ENOTFOUND unless it is the caller's
     * municipality's. Runs before the body is read, so a stranger's id
     * answers 404 whatever the body. NULL when there is no record. */
    ov_status (*check)(ov_ctx *c, ov_tx *tx, ov_err *err);
};

/* Work an action does on its parsed form before its write transaction
 * begins (parsing and checking an uploaded file), so that other writers
 * do not wait for it; its result goes in c->extra for run. Only for
 * actions without a course or a check. Listed in ov_action_prepares (in
 * ui_screening.c, the one action that has one), ended by {NULL, NULL}. */
typedef struct ov_action_prepare {
    const ov_web_action *action;
    ov_status (*prepare)(ov_ctx *c, const ov_form *f, ov_err *err);
} ov_action_prepare;
extern const ov_action_prepare ov_action_prepares[];

/* An action whose success is answered by its own function, after the
 * commit, instead of the redirect or {"id": ...}: a result shown once (an
 * activation code, store/org.h) that no later page can show again; run
 * leaves it in c->extra. Listed in ov_action_answers (in ui_admin.c),
 * ended by {NULL, NULL}. */
typedef struct ov_action_answer {
    const ov_web_action *action;
    void (*answer)(ov_ctx *c, int64_t out_id);
} ov_action_answer;
extern const ov_action_answer ov_action_answers[];

/* GET of an action's form page (HTML). */
void ov_action_form(ov_ctx *c, const ov_web_action *a);
/* POST of an action, HTML or JSON by c->api. */
void ov_action_post(ov_ctx *c, const ov_web_action *a);

/* Parse {id} (param i) as a positive id; false answers 404. */
bool ov_ctx_param_id(ov_ctx *c, int i, int64_t *out);

/* Finish a transaction: commit when `ok`, else roll back; on failure
 * answer with the error (page or JSON) and return false. */
bool ov_ctx_finish(ov_ctx *c, ov_tx *tx, bool ok, ov_err *err);
/* "/forloeb/<course>/<sub>" for the course the request is about. */
const char *ov_ctx_course_page(ov_ctx *c, const char *sub);
/* Pre-fill a date field with today when the form does not hold it. */
/* A task's text in the reader's language ("todo.<kind>" with its arg as
 * %1), and the path of the step that resolves it: the start meeting, the
 * plan, the follow-up, the measurements, the CTI page, or the placement
 * `placement_id` (the course page when 0). In the arena. */
const char *ov_task_text(ov_ctx *c, const ov_task *t);
const char *ov_task_step(ov_ctx *c, const ov_task *t, int64_t placement_id);
void ov_ctx_default_today(ov_ctx *c, ov_form *f, const char *name);
/* The companies of the caller's municipality with their openings (no
 * citizen data), read in the request's transaction, which it takes and
 * finishes. On failure the error is answered and false returned. */
struct ov_company_row;
bool ov_ctx_companies(ov_ctx *c, struct ov_company_row **rows,
                      ov_list_info *li);

/* Option lists of model enums for form fields. */
/* What changed in plan version `version` of a course against the one
 * before, in the reader's language (web/msg.c "plandiff.*"; lines joined
 * by "\n"; "Første version af planen" for version 1, "" for 0), read in
 * the request's transaction (already audited for the plan). For the plan
 * page, the journal, and the citizen's own plan page. */
ov_status ov_ui_plan_changes(ov_ctx *c, ov_tx *tx, int64_t course_id,
                             int version, const char **out, ov_err *err);
/* The text of self-efficacy item i (0-9) on a form: the municipality's
 * text from its settings (model/settings.h ov_settings_gse_item), or,
 * when it has entered none, "Spørgsmål N (teksten er ikke indtastet i
 * kommunens indstillinger)". Any page that shows the scale calls this
 * (the staff's measurement form, the citizen's questionnaire). */
struct ov_settings;
const char *ov_ui_gse_item_text(ov_lang l, ov_arena *a,
                                const struct ov_settings *s, int i);
const char *ov_opt_role_frontline(int i);
const char *ov_opt_attendee(int i);

#endif
