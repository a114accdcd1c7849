/*
 * routes.c - the route table: every address the server answers, its
 * method, who may call it and its handler or action. Dispatch
 * (dispatch.c), the OpenAPI document (openapi.c) and the access matrix
 * test all read it, so a route exists in one place.
 */
#include "web/handlers.h"

/* Every route also declares its one transaction (store.h ov_tx_kind)
 * and the audit purpose of what it reads: dispatch opens it, looks the
 * session up and checks access in it, and hands it to the handler. */

/* Anyone, no session, no transaction (the log-in opens its own, around
 * the password check: docs/architecture.md). */
#define PUBLIC(m, p, h, sum)                                               \
    {m, p, OV_ACCESS_PUBLIC, h, sum, NULL, OV_SCOPE_PUBLIC, OV_OP_NONE, NULL, \
     OV_TXK_NONE, NULL}
/* Any logged-in caller; no data beyond their own session: a read for the
 * session (or the write that ends it). */
#define SESSION(m, p, tx, h, sum)                                          \
    {m, p, OV_ACCESS_SESSION, h, sum, NULL, OV_SCOPE_SESSION, OV_OP_NONE,   \
     NULL, OV_TXK_##tx, "session"}
/* A read of the caller's own records or municipality (or a candidate
 * list): dispatch checks the operation, the handler the rest, in the
 * transaction declared (READ: no citizen data; AUDITED; AUDIT_LOG: the
 * audit log itself, the journal folded first) for `purpose`. */
#define READ(m, p, scope, op, tx, purpose, h, sum)                         \
    {m, p, OV_ACCESS_SESSION, h, sum, NULL, OV_SCOPE_##scope, OV_OP_##op,   \
     NULL, OV_TXK_##tx, purpose}
/* A page about one record: dispatch parses {id}, opens the audited read,
 * checks visibility (404) and the operation (403) and hands over the
 * context with the transaction open; the purpose names the course. */
#define VIEW(m, p, scope, op, fn, sum)                                     \
    {m, p, OV_ACCESS_SESSION, NULL, sum, NULL, OV_SCOPE_##scope,            \
     OV_OP_##op, fn, OV_TXK_AUDITED, NULL}
/* An action (web/ui.h): its scope and operation are the action's
 * (ov_route_scope, ov_route_op), declared once. Its form page is an
 * audited read, its POST a write (the form shown again after bad input
 * reads in it, the change undone); the purpose is the course, or the
 * action's name. */
#define ACTION(m, p, act, sum)                                             \
    {m, p, OV_ACCESS_SESSION, NULL, sum, &act, OV_SCOPE_COURSE, OV_OP_NONE, \
     NULL, (m) == OV_GET ? OV_TXK_AUDITED : OV_TXK_WRITE, NULL}
/* An action that prepares (web/ui.h ov_action_prepares: the candidate
 * import parses and screens its file) in the request's read, and then
 * writes in a second, short transaction, so no writer waits for the
 * parse: the one route with two transactions. */
#define ACTION_PREPARED(m, p, act, sum)                                    \
    {m, p, OV_ACCESS_SESSION, NULL, sum, &act, OV_SCOPE_COURSE, OV_OP_NONE, \
     NULL, OV_TXK_READ, NULL}

const ov_route ov_routes[] = {
    /* ---- JSON API ---- */
    PUBLIC(OV_GET, "/api/v1/health", ov_h_health,
           "liveness: answers {\"status\": \"ok\"} without a log-in"),
    PUBLIC(OV_POST, "/api/v1/session", ov_h_api_login,
           "log in with {\"username\", \"password\"}; sets the session cookie "
           "and answers the CSRF token"),
    SESSION(OV_DELETE, "/api/v1/session", WRITE, ov_h_api_logout,
         "log out: ends the session on the server"),
    READ(OV_GET, "/api/v1/cases",
         SELF, COURSE_LIST, AUDITED, "sagsliste", ov_h_course_list,
         "the courses the caller may see, a page at a time (sort=start|"
         "name|stage|due, stage, show=mine|team, page, per_page)"),
    VIEW(OV_GET, "/api/v1/cases/{id}", COURSE, COURSE_READ, ov_v_api_case,
         "one course, or 404 when the caller may not see it"),
    READ(OV_GET, "/api/v1/me/access-log", SELF, OWN_LOG, AUDIT_LOG,
         "egen adgangslog", ov_h_api_access_log,
         "the citizen's own access log: when, by which role, what and why"),
    SESSION(OV_GET, "/api/v1/openapi.json", READ, ov_h_openapi,
         "this API as an OpenAPI 3 document"),
    READ(OV_GET, "/api/v1/tasks", SELF, COURSE_LIST, AUDITED, "mine opgaver",
         ov_h_tasks,
         "what is due in the next 14 days on the caller's courses "
         "(show=team: on every course of the caller's teams), each with "
         "the address of the page that resolves it"),
    ACTION(OV_POST, "/api/v1/cases/{id}/team", ov_act_team,
           "name the staff around the citizen: {role: user_id}"),
    ACTION(OV_POST, "/api/v1/cases/{id}/start-meeting", ov_act_start_meeting,
           "record the start meeting with attendees and the holistic "
           "assessment"),
    ACTION(OV_POST, "/api/v1/cases/{id}/followups", ov_act_followup,
           "record a follow-up meeting"),
    ACTION(OV_POST, "/api/v1/cases/{id}/end", ov_act_end,
           "end the course with a reason and a date"),
    VIEW(OV_GET, "/api/v1/cases/{id}/plan", COURSE, COURSE_READ, ov_v_plan,
         "the plan (?v=N for an older version) as canonical JSON"),
    ACTION(OV_POST, "/api/v1/cases/{id}/plan", ov_act_plan,
           "save a new plan version from base_version (409 when stale)"),
    VIEW(OV_GET, "/api/v1/cases/{id}/match-suggestions",
         COURSE, COURSE_READ, ov_v_match,
         "ranked openings with explanations for a profile given in the "
         "query"),
    ACTION(OV_POST, "/api/v1/cases/{id}/proposals", ov_act_propose,
           "propose an opening to the citizen (scored by the server)"),
    ACTION(OV_POST, "/api/v1/proposals/{id}/answer", ov_act_answer,
           "the citizen's answer to a proposal: {\"answer\": \"yes\"|\"no\"}"),
    ACTION(OV_POST, "/api/v1/cases/{id}/placements", ov_act_placement,
           "create a company placement"),
    ACTION(OV_POST, "/api/v1/cases/{id}/employment", ov_act_employment,
           "record ordinary hours per week from a date"),
    VIEW(OV_GET, "/api/v1/placements/{id}",
         PLACEMENT, PLACEMENT_READ, ov_v_placement,
         "a placement with its work agreement and hours log"),
    ACTION(OV_POST, "/api/v1/placements/{id}/agreement", ov_act_agreement,
           "save a new work agreement version from base_version"),
    ACTION(OV_POST, "/api/v1/placements/{id}/signoffs", ov_act_sign,
           "sign a work agreement version"),
    ACTION(OV_POST, "/api/v1/placements/{id}/hours", ov_act_hours,
           "record the hours of one ISO week"),
    VIEW(OV_GET, "/api/v1/cases/{id}/cti", COURSE, COURSE_READ, ov_v_cti,
         "the CTI course with phases and contacts"),
    ACTION(OV_POST, "/api/v1/cases/{id}/cti", ov_act_cti_start,
           "start CTI with a legal basis"),
    ACTION(OV_POST, "/api/v1/cases/{id}/cti/contacts", ov_act_cti_contact,
           "log a CTI contact"),
    VIEW(OV_GET, "/api/v1/cases/{id}/measurements",
         COURSE, COURSE_READ, ov_v_measures,
         "WHO-5, self-efficacy and readiness measurements"),
    ACTION(OV_POST, "/api/v1/cases/{id}/measurements", ov_act_measure,
           "record a measurement (item1..itemN)"),
    READ(OV_GET, "/api/v1/companies",
         MUNICIPALITY, COMPANY_READ, READ, "virksomheder", ov_h_companies,
         "companies and openings of the caller's municipality"),
    ACTION(OV_POST, "/api/v1/companies", ov_act_company,
           "register a company"),
    ACTION(OV_POST, "/api/v1/companies/{id}/openings", ov_act_opening,
           "register an opening at a company"),
    READ(OV_GET, "/api/v1/screening/batches",
         MUNICIPALITY, SCREENING, READ, "screening", ov_h_screening,
         "imported candidate lists"),
    ACTION_PREPARED(OV_POST, "/api/v1/screening/batches", ov_act_import,
           "import a candidate list (CSV in \"file\"), all or nothing"),
    READ(OV_GET, "/api/v1/screening/batches/{id}",
         BATCH, SCREENING, AUDITED, "screening", ov_h_batch,
         "a candidate list with the screening per criterion and draws"),
    ACTION(OV_POST, "/api/v1/screening/batches/{id}/draws", ov_act_draw,
           "draw at random among the eligible; makes courses"),
    READ(OV_GET, "/api/v1/me/agreements",
         SELF, AGREEMENT_LIST, AUDITED, "arbejdsaftaler", ov_h_my_agreements,
         "an employer contact's work agreements (placements at the "
         "company)"),
    READ(OV_GET, "/api/v1/citizens", SELF, CITIZEN_SEARCH, AUDITED,
         "søgning", ov_h_search,
         "find citizens by any part of the name (case and accents "
         "ignored) or by the whole CPR number (q); one per course the "
         "caller may see, at most 50"),
    READ(OV_GET, "/api/v1/audit", MUNICIPALITY, AUDIT_VIEW, AUDIT_LOG,
         "revisionslog", ov_h_audit,
         "the municipality's audit log (citizen, user, from, to)"),
    READ(OV_GET, "/api/v1/indicators", MUNICIPALITY, INDICATORS, AUDITED,
         "indikatorer", ov_h_indicators,
         "fidelity to the six core elements, results and caseloads for a "
         "period (from, to: YYYY-MM-DD; team, staff: ids); staff see their "
         "own and their team's figures, leaders the municipality's"),

    /* ---- HTML pages ---- */
    SESSION(OV_GET, "/", READ, ov_h_home, "home: my tasks, or the log-in"),
    PUBLIC(OV_GET, "/login", ov_h_login_page, "log-in page"),
    PUBLIC(OV_POST, "/login", ov_h_login_post, "log in (form)"),
    SESSION(OV_POST, "/logout", WRITE, ov_h_logout_post, "log out (form)"),
    PUBLIC(OV_GET, "/sprog", ov_h_language,
           "choose the language (?l=da or ?l=en)"),
    PUBLIC(OV_GET, "/static/app.css", ov_h_static_css,
           "style sheet"),
    PUBLIC(OV_GET, "/static/app.js", ov_h_static_js,
           "progressive enhancement"),
    READ(OV_GET, "/opgaver",
         SELF, COURSE_LIST, AUDITED, "mine opgaver", ov_h_tasks, "my tasks and courses"),
    READ(OV_GET, "/soeg", SELF, CITIZEN_SEARCH, AUDITED, "søgning",
         ov_h_search, "find a citizen (?q= a name)"),
    READ(OV_POST, "/soeg", SELF, CITIZEN_SEARCH, AUDITED, "søgning",
         ov_h_search,
         "find a citizen by name or CPR number (the header's search box; "
         "the query in the body, never in an address)"),
    READ(OV_GET, "/forloeb",
         SELF, COURSE_LIST, AUDITED, "sagsliste", ov_h_course_list, "the courses I may see"),
    VIEW(OV_GET, "/forloeb/{id}", COURSE, COURSE_READ, ov_v_course,
         "the course page: the six core elements"),
    ACTION(OV_POST, "/forloeb/{id}/team", ov_act_team,
           "name the team around the citizen"),
    ACTION(OV_GET, "/forloeb/{id}/opstartsmoede", ov_act_start_meeting,
           "start meeting form"),
    ACTION(OV_POST, "/forloeb/{id}/opstartsmoede", ov_act_start_meeting,
           "record the start meeting"),
    ACTION(OV_GET, "/forloeb/{id}/opfoelgning", ov_act_followup,
           "follow-up meeting form"),
    ACTION(OV_POST, "/forloeb/{id}/opfoelgning", ov_act_followup,
           "record a follow-up meeting"),
    ACTION(OV_GET, "/forloeb/{id}/afslut", ov_act_end, "end-course form"),
    ACTION(OV_POST, "/forloeb/{id}/afslut", ov_act_end, "end the course"),
    VIEW(OV_GET, "/forloeb/{id}/plan", COURSE, COURSE_READ, ov_v_plan,
         "the plan with versions, changes and the editor"),
    ACTION(OV_POST, "/forloeb/{id}/plan", ov_act_plan, "save the plan"),
    VIEW(OV_GET, "/forloeb/{id}/match", COURSE, COURSE_READ, ov_v_match,
         "proposals and match suggestions"),
    ACTION(OV_POST, "/forloeb/{id}/forslag", ov_act_propose,
           "propose an opening"),
    ACTION(OV_POST, "/forslag/{id}/svar", ov_act_answer,
           "record the citizen's answer"),
    ACTION(OV_GET, "/forloeb/{id}/virksomhedsforloeb", ov_act_placement,
           "new placement form"),
    ACTION(OV_POST, "/forloeb/{id}/virksomhedsforloeb", ov_act_placement,
           "create a placement"),
    ACTION(OV_GET, "/forloeb/{id}/beskaeftigelse", ov_act_employment,
           "ordinary employment form"),
    ACTION(OV_POST, "/forloeb/{id}/beskaeftigelse", ov_act_employment,
           "record ordinary employment"),
    VIEW(OV_GET, "/virksomhedsforloeb/{id}",
         PLACEMENT, PLACEMENT_READ, ov_v_placement,
         "a placement: work agreement, sign-offs, hours"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/aftale", ov_act_agreement,
           "save the work agreement"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/underskrift", ov_act_sign,
           "sign the work agreement"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/timer", ov_act_hours,
           "record a week's hours"),
    VIEW(OV_GET, "/forloeb/{id}/cti",
         COURSE, COURSE_READ, ov_v_cti, "the CTI course"),
    ACTION(OV_POST, "/forloeb/{id}/cti/start", ov_act_cti_start, "start CTI"),
    ACTION(OV_POST, "/forloeb/{id}/cti/kontakt", ov_act_cti_contact,
           "log a CTI contact"),
    VIEW(OV_GET, "/forloeb/{id}/maalinger", COURSE, COURSE_READ, ov_v_measures,
         "measurements with forms and charts"),
    ACTION(OV_POST, "/forloeb/{id}/maalinger", ov_act_measure,
           "record a measurement"),
    READ(OV_GET, "/virksomheder",
         MUNICIPALITY, COMPANY_READ, READ, "virksomheder", ov_h_companies, "companies and openings"),
    ACTION(OV_POST, "/virksomheder", ov_act_company, "register a company"),
    ACTION(OV_POST, "/virksomheder/{id}/pladser", ov_act_opening,
           "register an opening"),
    READ(OV_GET, "/screening",
         MUNICIPALITY, SCREENING, READ, "screening", ov_h_screening,
         "candidate lists and import"),
    ACTION_PREPARED(OV_POST, "/screening", ov_act_import, "import a candidate list"),
    READ(OV_GET, "/screening/{id}", BATCH, SCREENING, AUDITED, "screening",
         ov_h_batch,
         "screening per criterion and the draw"),
    ACTION(OV_POST, "/screening/{id}/lodtraekning", ov_act_draw,
           "draw at random"),
    READ(OV_GET, "/revision",
         MUNICIPALITY, AUDIT_VIEW, AUDIT_LOG, "revisionslog", ov_h_audit, "the audit viewer"),
    READ(OV_GET, "/arbejdsaftaler", SELF, AGREEMENT_LIST, AUDITED,
         "arbejdsaftaler", ov_h_my_agreements,
         "an employer contact's work agreements"),
    READ(OV_GET, "/tavle", MUNICIPALITY, INDICATORS, AUDITED, "tavlemøde",
         ov_h_board,
         "the leader's board: the six core elements, results, caseloads "
         "and the courses that need attention (team, staff, from, to; "
         "format=csv|xlsx)"),
    READ(OV_GET, "/tavle/liste", MUNICIPALITY, BOARD_DRILL, AUDITED,
         "tavlemøde", ov_h_board_list,
         "the courses behind a figure on the board (ind, part=num|den) or "
         "that need attention (list=attention); format=csv|xlsx"),
    READ(OV_GET, "/min-adgangslog",
         SELF, OWN_LOG, AUDIT_LOG, "egen adgangslog", ov_h_my_log, "my access log"),
    READ(OV_GET, "/min-adgangslog.csv", SELF, OWN_LOG, AUDIT_LOG,
         "egen adgangslog (udlevering)", ov_h_my_log_csv,
         "my access log as CSV"),
};
const int ov_nroutes = (int)(sizeof ov_routes / sizeof ov_routes[0]);

ov_scope ov_route_scope(const ov_route *r)
{
    return r->action ? r->action->scope : r->scope;
}

int ov_route_op(const ov_route *r)
{
    return r->action ? (int)r->action->op : r->op;
}
