/*
 * routes.c - the route table: every address the server answers, its
 * method, who may call it and its handler or action. Dispatch
 * (dispatch.c), the OpenAPI document (openapi.c) and the access matrix
 * test all read it, so a route exists in one place.
 */
#include "web/handlers.h"

/* Anyone, no session. */
#define PUBLIC(m, p, h, sum)                                               \
    {m, p, OV_ACCESS_PUBLIC, h, sum, NULL, OV_SCOPE_PUBLIC, OV_OP_NONE, NULL}
/* Any logged-in caller; no data beyond their own session. */
#define SESSION(m, p, h, sum)                                              \
    {m, p, OV_ACCESS_SESSION, h, sum, NULL, OV_SCOPE_SESSION, OV_OP_NONE, NULL}
/* A read of the caller's own records or municipality (or a candidate
 * list): dispatch checks the operation, the handler the rest. */
#define READ(m, p, scope, op, h, sum)                                      \
    {m, p, OV_ACCESS_SESSION, h, sum, NULL, OV_SCOPE_##scope, OV_OP_##op,   \
     NULL}
/* A page about one record: dispatch parses {id}, opens the audited read,
 * checks visibility (404) and the operation (403) and hands over the
 * context with the transaction open. */
#define VIEW(m, p, scope, op, fn, sum)                                     \
    {m, p, OV_ACCESS_SESSION, NULL, sum, NULL, OV_SCOPE_##scope,            \
     OV_OP_##op, fn}
/* An action (web/ui.h): its scope and operation are the action's
 * (ov_route_scope, ov_route_op), declared once. */
#define ACTION(m, p, act, sum)                                             \
    {m, p, OV_ACCESS_SESSION, NULL, sum, &act, OV_SCOPE_COURSE, OV_OP_NONE, \
     NULL}

/* What the API and the pages share is declared once: a read or a view
 * under its JSON address and its page address (one handler, which answers
 * JSON under /api/v1), and an action under both (the same fields, checks
 * and audit), with the page's form (GET) where the page has one. Each
 * expands to one row per address. */
#define READS(api, page, scope, op, h, sum)                                \
    READ(OV_GET, api, scope, op, h, sum), READ(OV_GET, page, scope, op, h, sum)
#define VIEWS(api, page, scope, op, fn, sum)                               \
    VIEW(OV_GET, api, scope, op, fn, sum),                                  \
        VIEW(OV_GET, page, scope, op, fn, sum)
#define ACTIONS(api, page, act, sum)                                       \
    ACTION(OV_POST, api, act, sum), ACTION(OV_POST, page, act, sum)
#define ACTIONS_FORM(api, page, act, sum, form_sum)                        \
    ACTIONS(api, page, act, sum), ACTION(OV_GET, page, act, form_sum)

const ov_route ov_routes[] = {
    /* ---- session, language, static files ---- */
    PUBLIC(OV_GET, "/api/v1/health", ov_h_health,
           "liveness: answers {\"status\": \"ok\"} without a log-in"),
    PUBLIC(OV_POST, "/api/v1/session", ov_h_api_login,
           "log in with {\"username\", \"password\"}; sets the session cookie "
           "and answers the CSRF token"),
    SESSION(OV_DELETE, "/api/v1/session", ov_h_api_logout,
         "log out: ends the session on the server"),
    SESSION(OV_GET, "/api/v1/openapi.json", ov_h_openapi,
         "this API as an OpenAPI 3 document"),
    SESSION(OV_GET, "/", ov_h_home, "home: my tasks, or the log-in"),
    PUBLIC(OV_GET, "/login", ov_h_login_page, "log-in page"),
    PUBLIC(OV_POST, "/login", ov_h_login_post, "log in (form)"),
    SESSION(OV_POST, "/logout", ov_h_logout_post, "log out (form)"),
    PUBLIC(OV_GET, "/sprog", ov_h_language,
           "choose the language (?l=da or ?l=en)"),
    PUBLIC(OV_GET, "/static/app.css", ov_h_static_css,
           "style sheet"),
    PUBLIC(OV_GET, "/static/app.js", ov_h_static_js,
           "progressive enhancement"),

    /* ---- courses ---- */
    READ(OV_GET, "/api/v1/cases",
         SELF, COURSE_LIST, ov_h_api_cases, "the courses the caller may see"),
    READ(OV_GET, "/forloeb",
         SELF, COURSE_LIST, ov_h_course_list, "the courses I may see"),
    READS("/api/v1/tasks", "/opgaver", SELF, COURSE_LIST, ov_h_tasks,
          "what is due in the next 14 days on the caller's courses"),
    VIEW(OV_GET, "/api/v1/cases/{id}", COURSE, COURSE_READ, ov_v_api_case,
         "one course, or 404 when the caller may not see it"),
    VIEW(OV_GET, "/forloeb/{id}", COURSE, COURSE_READ, ov_v_course,
         "the course page: the six core elements"),
    ACTIONS("/api/v1/cases/{id}/team", "/forloeb/{id}/team", ov_act_team,
            "name the staff around the citizen: {role: user_id}"),
    ACTIONS_FORM("/api/v1/cases/{id}/start-meeting",
                 "/forloeb/{id}/opstartsmoede", ov_act_start_meeting,
                 "record the start meeting with attendees and the holistic "
                 "assessment",
                 "start meeting form"),
    ACTIONS_FORM("/api/v1/cases/{id}/followups", "/forloeb/{id}/opfoelgning",
                 ov_act_followup, "record a follow-up meeting",
                 "follow-up meeting form"),
    ACTIONS_FORM("/api/v1/cases/{id}/end", "/forloeb/{id}/afslut", ov_act_end,
                 "end the course with a reason and a date",
                 "end-course form"),

    /* ---- the plan ---- */
    VIEWS("/api/v1/cases/{id}/plan", "/forloeb/{id}/plan", COURSE,
          COURSE_READ, ov_v_plan,
          "the plan (?v=N for an older version): canonical JSON, or the "
          "page with versions, changes and the editor"),
    ACTIONS("/api/v1/cases/{id}/plan", "/forloeb/{id}/plan", ov_act_plan,
            "save a new plan version from base_version (409 when stale)"),

    /* ---- matching ---- */
    VIEWS("/api/v1/cases/{id}/match-suggestions", "/forloeb/{id}/match",
          COURSE, COURSE_READ, ov_v_match,
          "ranked openings with explanations for a profile given in the "
          "query (the page: also the course's proposals)"),
    ACTIONS("/api/v1/cases/{id}/proposals", "/forloeb/{id}/forslag",
            ov_act_propose,
            "propose an opening to the citizen (scored by the server)"),
    ACTIONS("/api/v1/proposals/{id}/answer", "/forslag/{id}/svar",
            ov_act_answer,
            "the citizen's answer to a proposal: {\"answer\": \"yes\"|\"no\"}"),

    /* ---- placements and employment ---- */
    ACTIONS_FORM("/api/v1/cases/{id}/placements",
                 "/forloeb/{id}/virksomhedsforloeb", ov_act_placement,
                 "create a company placement", "new placement form"),
    ACTIONS_FORM("/api/v1/cases/{id}/employment",
                 "/forloeb/{id}/beskaeftigelse", ov_act_employment,
                 "record ordinary hours per week from a date",
                 "ordinary employment form"),
    VIEWS("/api/v1/placements/{id}", "/virksomhedsforloeb/{id}", PLACEMENT,
          PLACEMENT_READ, ov_v_placement,
          "a placement with its work agreement, sign-offs and hours log"),
    ACTIONS("/api/v1/placements/{id}/agreement",
            "/virksomhedsforloeb/{id}/aftale", ov_act_agreement,
            "save a new work agreement version from base_version"),
    ACTIONS("/api/v1/placements/{id}/signoffs",
            "/virksomhedsforloeb/{id}/underskrift", ov_act_sign,
            "sign a work agreement version"),
    ACTIONS("/api/v1/placements/{id}/hours", "/virksomhedsforloeb/{id}/timer",
            ov_act_hours, "record the hours of one ISO week"),
    READS("/api/v1/me/agreements", "/arbejdsaftaler", SELF, AGREEMENT_LIST,
          ov_h_my_agreements,
          "an employer contact's work agreements (placements at the "
          "company)"),

    /* ---- CTI and measurements ---- */
    VIEWS("/api/v1/cases/{id}/cti", "/forloeb/{id}/cti", COURSE, COURSE_READ,
          ov_v_cti, "the CTI course with phases and contacts"),
    ACTIONS("/api/v1/cases/{id}/cti", "/forloeb/{id}/cti/start",
            ov_act_cti_start, "start CTI with a legal basis"),
    ACTIONS("/api/v1/cases/{id}/cti/contacts", "/forloeb/{id}/cti/kontakt",
            ov_act_cti_contact, "log a CTI contact"),
    VIEWS("/api/v1/cases/{id}/measurements", "/forloeb/{id}/maalinger",
          COURSE, COURSE_READ, ov_v_measures,
          "WHO-5, self-efficacy and readiness measurements (the page with "
          "forms and charts)"),
    ACTIONS("/api/v1/cases/{id}/measurements", "/forloeb/{id}/maalinger",
            ov_act_measure, "record a measurement (item1..itemN)"),

    /* ---- companies ---- */
    READS("/api/v1/companies", "/virksomheder", MUNICIPALITY, COMPANY_READ,
          ov_h_companies,
          "companies and openings of the caller's municipality"),
    ACTIONS("/api/v1/companies", "/virksomheder", ov_act_company,
            "register a company"),
    ACTIONS("/api/v1/companies/{id}/openings", "/virksomheder/{id}/pladser",
            ov_act_opening, "register an opening at a company"),

    /* ---- screening and the draw ---- */
    READS("/api/v1/screening/batches", "/screening", MUNICIPALITY, SCREENING,
          ov_h_screening, "imported candidate lists (the page also imports)"),
    ACTIONS("/api/v1/screening/batches", "/screening", ov_act_import,
            "import a candidate list (CSV in \"file\"), all or nothing"),
    READS("/api/v1/screening/batches/{id}", "/screening/{id}", BATCH,
          SCREENING, ov_h_batch,
          "a candidate list with the screening per criterion and draws"),
    ACTIONS("/api/v1/screening/batches/{id}/draws",
            "/screening/{id}/lodtraekning", ov_act_draw,
            "draw at random among the eligible; makes courses"),

    /* ---- the audit log ---- */
    READS("/api/v1/audit", "/revision", MUNICIPALITY, AUDIT_VIEW, ov_h_audit,
          "the municipality's audit log (citizen, user, from, to)"),
    READ(OV_GET, "/api/v1/me/access-log", SELF, OWN_LOG, ov_h_api_access_log,
         "the citizen's own access log: when, by which role, what and why"),
    READ(OV_GET, "/min-adgangslog",
         SELF, OWN_LOG, ov_h_my_log, "my access log"),
    READ(OV_GET, "/min-adgangslog.csv", SELF, OWN_LOG, ov_h_my_log_csv,
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
