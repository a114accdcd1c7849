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

/* A rule that a page and its API twin share, said once: the scope, the
 * operation, the transaction and the audit purpose of a READ. A row
 * names it with READ_AS(m, p, RULE_X, h, sum); each address keeps its
 * own row (and may keep its own handler: JSON or HTML). */
#define RULE_TASKS        SELF, COURSE_LIST, AUDITED, "mine opgaver"
#define RULE_COURSE_LIST  SELF, COURSE_LIST, AUDITED, "sagsliste"
#define RULE_OWN_LOG      SELF, OWN_LOG, AUDIT_LOG, "egen adgangslog"
#define RULE_COMPANIES    MUNICIPALITY, COMPANY_READ, READ, "virksomheder"
#define RULE_SCREENING    MUNICIPALITY, SCREENING, READ, "screening"
#define RULE_BATCH        BATCH, SCREENING, AUDITED, "screening"
#define RULE_AGREEMENTS   SELF, AGREEMENT_LIST, AUDITED, "arbejdsaftaler"
#define RULE_SEARCH       SELF, CITIZEN_SEARCH, AUDITED, "søgning"
#define RULE_AUDIT        MUNICIPALITY, AUDIT_VIEW, AUDIT_LOG, "revisionslog"
#define RULE_OWN_COURSE   SELF, OWN_COURSE, AUDITED, "mit forløb"
/* The rule is expanded before READ sees its arguments. */
#define READ_AS(m, p, rule, h, sum) READ_ARGS(m, p, rule, h, sum)
#define READ_ARGS(...) READ(__VA_ARGS__)
/* The views of one course or one placement: the rule of every such page
 * and its API twin (the record by {id}, the right to read it). */
#define COURSE_VIEW(m, p, fn, sum) VIEW(m, p, COURSE, COURSE_READ, fn, sum)
#define PLACEMENT_VIEW(m, p, fn, sum)                                      \
    VIEW(m, p, PLACEMENT, PLACEMENT_READ, fn, sum)
/* The calendar feed by its secret address, for a calendar program that
 * cannot log in: no session; dispatch finds the user by the token in the
 * query (?t=), answers 404 for an unknown or revoked one, throttles
 * guessing by client address, and opens the audited read as that user,
 * whose operation is then checked like any other. */
#define TOKEN(m, p, op, purpose, h, sum)                                   \
    {m, p, OV_ACCESS_CALENDAR_TOKEN, h, sum, NULL, OV_SCOPE_SELF,           \
     OV_OP_##op, NULL, OV_TXK_AUDITED, purpose}

/* One saved economics scenario by {id} (issue 15): dispatch parses the
 * id and checks the operation (404 without it); the handler reads it
 * through the store, which answers another municipality's scenario, or a
 * national one for a municipality, as one that does not exist. */
#define SCENARIO_READ(m, p, h, sum)                                        \
    {m, p, OV_ACCESS_SESSION, h, sum, NULL, OV_SCOPE_SCENARIO,              \
     OV_OP_ECONOMICS, NULL, OV_TXK_READ, "økonomi"}

const ov_route ov_routes[] = {
    /* ---- JSON API ---- */
    PUBLIC(OV_GET, "/api/v1/health", ov_h_health,
           "liveness: answers {\"status\": \"ok\"} without a log-in"),
    PUBLIC(OV_POST, "/api/v1/session", ov_h_api_login,
           "log in with {\"username\", \"password\"}; sets the session cookie "
           "and answers the CSRF token"),
    SESSION(OV_DELETE, "/api/v1/session", WRITE, ov_h_api_logout,
         "log out: ends the session on the server"),
    READ_AS(OV_GET, "/api/v1/cases", RULE_COURSE_LIST, ov_h_course_list,
            "the courses the caller may see, a page at a time (sort=start|"
            "name|stage|due, stage, show=mine|team, page, per_page)"),
    COURSE_VIEW(OV_GET, "/api/v1/cases/{id}", ov_v_api_case,
                "one course, or 404 when the caller may not see it"),
    READ_AS(OV_GET, "/api/v1/me/access-log", RULE_OWN_LOG,
            ov_h_api_access_log,
            "the citizen's own access log: when, by which role, what and why"),
    SESSION(OV_GET, "/api/v1/openapi.json", READ, ov_h_openapi,
         "this API as an OpenAPI 3 document"),
    READ_AS(OV_GET, "/api/v1/tasks", RULE_TASKS, ov_h_tasks,
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
    COURSE_VIEW(OV_GET, "/api/v1/cases/{id}/plan", ov_v_plan,
                "the plan (?v=N for an older version) as canonical JSON"),
    ACTION(OV_POST, "/api/v1/cases/{id}/plan", ov_act_plan,
           "save a new plan version from base_version (409 when stale)"),
    COURSE_VIEW(OV_GET, "/api/v1/cases/{id}/match-suggestions", ov_v_match,
                "ranked openings with explanations for a profile given in "
                "the query"),
    ACTION(OV_POST, "/api/v1/cases/{id}/proposals", ov_act_propose,
           "propose an opening to the citizen (scored by the server)"),
    ACTION(OV_POST, "/api/v1/proposals/{id}/answer", ov_act_answer,
           "the citizen's answer to a proposal: {\"answer\": \"yes\"|\"no\"}"),
    ACTION(OV_POST, "/api/v1/cases/{id}/placements", ov_act_placement,
           "create a company placement"),
    ACTION(OV_POST, "/api/v1/cases/{id}/employment", ov_act_employment,
           "record ordinary hours per week from a date"),
    PLACEMENT_VIEW(OV_GET, "/api/v1/placements/{id}", ov_v_placement,
                   "a placement with its work agreement (and its signoffs: party, "
                   "name, way, at, paper_date, recorded_by, content_sha256) "
                   "and hours log"),
    ACTION(OV_POST, "/api/v1/placements/{id}/agreement", ov_act_agreement,
           "save a new work agreement version from base_version"),
    ACTION(OV_POST, "/api/v1/placements/{id}/signoffs", ov_act_sign,
           "sign a work agreement version as the caller's own party: "
           "{\"version\": N} (the citizen, the employer contact of the "
           "company or the company consultant named on the course; 403 for "
           "anyone else, 409 for a superseded version or a second "
           "signature); the consultant records a paper signature with "
           "{\"version\": N, \"party\": \"citizen\"|\"employer\", "
           "\"on_paper\": true, \"paper_date\": \"YYYY-MM-DD\"}"),
    ACTION(OV_POST, "/api/v1/placements/{id}/hours-confirmations",
           ov_act_hours_confirm,
           "the employer contact confirms or corrects a week of hours the "
           "consultant recorded, or (municipality setting employer_hours = "
           "enter) enters it: {\"iso_year\", \"iso_week\", \"internship\", "
           "\"ordinary\"}; the consultant's figure is kept next to the "
           "employer's"),
    ACTION(OV_POST, "/api/v1/placements/{id}/hours", ov_act_hours,
           "record the hours of one ISO week"),
    COURSE_VIEW(OV_GET, "/api/v1/cases/{id}/cti", ov_v_cti,
                "the CTI course with phases and contacts"),
    ACTION(OV_POST, "/api/v1/cases/{id}/cti", ov_act_cti_start,
           "start CTI with a legal basis"),
    ACTION(OV_POST, "/api/v1/cases/{id}/cti/contacts", ov_act_cti_contact,
           "log a CTI contact"),
    COURSE_VIEW(OV_GET, "/api/v1/cases/{id}/measurements", ov_v_measures,
                "WHO-5, self-efficacy and readiness measurements"),
    ACTION(OV_POST, "/api/v1/cases/{id}/measurements", ov_act_measure,
           "record a measurement (item1..itemN)"),
    VIEW(OV_GET, "/api/v1/cases/{id}/journal", COURSE, JOURNAL_READ,
         ov_v_journal,
         "the course journal, newest first: {\"entries\": [{\"at\", "
         "\"kind\", \"author\", \"summary\", \"ref\"}], \"total\", "
         "\"truncated\"} (kind, from, to filter)"),
    VIEW(OV_GET, "/api/v1/cases/{id}/journal/entry", COURSE, JOURNAL_READ,
         ov_v_journal_entry,
         "one journal entry (?ref=kind:id) with everything written in it"),
    ACTION(OV_POST, "/api/v1/cases/{id}/notes", ov_act_note,
           "add a journal note {\"date\", \"subject\", \"text\", "
           "\"corrects\"?}; a correction is a new note"),
    READ_AS(OV_GET, "/api/v1/companies", RULE_COMPANIES, ov_h_companies,
            "companies and openings of the caller's municipality"),
    ACTION(OV_POST, "/api/v1/companies", ov_act_company,
           "register a company"),
    ACTION(OV_POST, "/api/v1/companies/{id}/openings", ov_act_opening,
           "register an opening at a company"),
    READ_AS(OV_GET, "/api/v1/screening/batches", RULE_SCREENING,
            ov_h_screening, "imported candidate lists"),
    ACTION_PREPARED(OV_POST, "/api/v1/screening/batches", ov_act_import,
           "import a candidate list (CSV in \"file\"), all or nothing"),
    READ_AS(OV_GET, "/api/v1/screening/batches/{id}", RULE_BATCH, ov_h_batch,
            "a candidate list with the screening per criterion and draws"),
    ACTION(OV_POST, "/api/v1/screening/batches/{id}/draws", ov_act_draw,
           "draw at random among the eligible; makes courses"),
    READ_AS(OV_GET, "/api/v1/me/agreements", RULE_AGREEMENTS,
            ov_h_my_agreements,
            "an employer contact's work agreements (placements at the "
            "company)"),
    READ_AS(OV_GET, "/api/v1/citizens", RULE_SEARCH, ov_h_search,
         "find citizens by any part of the name (case and accents "
         "ignored) or by the whole CPR number (q); one per course the "
         "caller may see, at most 50"),
    READ(OV_GET, "/api/v1/occupations", SELF, OCCUPATIONS, READ,
         "stillinger", ov_h_occupations,
         "DISCO-08 occupations whose title holds q (any part, case and "
         "accents ignored) or whose code begins with it, best first: "
         "{\"occupations\": [{\"code\", \"title\"}], \"total\", "
         "\"truncated\"}"),
    READ_AS(OV_GET, "/api/v1/audit", RULE_AUDIT, ov_h_audit,
            "the municipality's audit log (q: a citizen's name or CPR "
            "number; citizen, user, from, to; before: the last id of the "
            "page before, for older rows)"),
    VIEW(OV_GET, "/api/v1/cases/{id}/plan.pdf", COURSE, COURSE_READ,
         ov_v_plan_pdf,
         "the plan as a PDF document (?version=N for an older version); "
         "the citizen may download their own"),
    VIEW(OV_GET, "/api/v1/placements/{id}/agreement.pdf",
         PLACEMENT, PLACEMENT_READ, ov_v_agreement_pdf,
         "the current work agreement as a PDF document with its sign-offs"),
    READ(OV_GET, "/api/v1/me/calendar.ics", SELF, CALENDAR, AUDITED,
         "kalender", ov_h_calendar_feed,
         "the caller's calendar (iCalendar): meetings, follow-ups due and "
         "work-agreement reviews of the courses they are named on"),
    READ(OV_POST, "/api/v1/me/calendar-token", SELF, CALENDAR, WRITE,
         "kalender", ov_h_calendar_post,
         "a new secret calendar address (answered once as {\"url\"}); "
         "the old one stops working"),
    READ(OV_DELETE, "/api/v1/me/calendar-token", SELF, CALENDAR, WRITE,
         "kalender", ov_h_calendar_post,
         "revoke the secret calendar address"),
    READ(OV_GET, "/api/v1/indicators", MUNICIPALITY, INDICATORS, AUDITED,
         "indikatorer", ov_h_indicators,
         "fidelity to the six core elements, results and caseloads for a "
         "period (from, to: YYYY-MM-DD; team, staff: ids); staff see their "
         "own and their team's figures, leaders the municipality's"),
    READ(OV_GET, "/api/v1/national/indicators", SELF, NATIONAL, AUDITED,
         "national overvågning", ov_h_national_api,
         "every municipality side by side on the indicators, the national "
         "total and the rollout by month (from, to: YYYY-MM-DD), for the "
         "national analyst; a figure built on fewer than k citizens is "
         "null with \"suppressed\": true"),

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
    PUBLIC(OV_GET, "/static/favicon.svg", ov_h_static_favicon, "favicon"),
    PUBLIC(OV_GET, "/tilgaengelighed", ov_h_a11y_statement,
           "the accessibility statement (webtilgængelighedsloven)"),
    READ_AS(OV_GET, "/opgaver", RULE_TASKS, ov_h_tasks,
            "my tasks and courses"),
    READ_AS(OV_GET, "/soeg", RULE_SEARCH, ov_h_search,
            "find a citizen (?q= a name)"),
    READ_AS(OV_POST, "/soeg", RULE_SEARCH, ov_h_search,
         "find a citizen by name or CPR number (the header's search box; "
         "the query in the body, never in an address)"),
    READ_AS(OV_GET, "/forloeb", RULE_COURSE_LIST, ov_h_course_list,
            "the courses I may see"),
    COURSE_VIEW(OV_GET, "/forloeb/{id}", ov_v_course,
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
    COURSE_VIEW(OV_GET, "/forloeb/{id}/plan", ov_v_plan,
                "the plan with versions, changes and the editor"),
    ACTION(OV_POST, "/forloeb/{id}/plan", ov_act_plan, "save the plan"),
    COURSE_VIEW(OV_GET, "/forloeb/{id}/match", ov_v_match,
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
    PLACEMENT_VIEW(OV_GET, "/virksomhedsforloeb/{id}", ov_v_placement,
                   "a placement: work agreement, sign-offs, hours"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/aftale", ov_act_agreement,
           "save the work agreement"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/underskrift", ov_act_sign,
           "sign the work agreement"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/timer-bekraeft",
           ov_act_hours_confirm,
           "the employer contact confirms, corrects or enters a week of "
           "hours"),
    ACTION(OV_POST, "/virksomhedsforloeb/{id}/timer", ov_act_hours,
           "record a week's hours"),
    COURSE_VIEW(OV_GET, "/forloeb/{id}/cti", ov_v_cti, "the CTI course"),
    ACTION(OV_POST, "/forloeb/{id}/cti/start", ov_act_cti_start, "start CTI"),
    VIEW(OV_GET, "/forloeb/{id}/journal", COURSE, JOURNAL_READ, ov_v_journal,
         "the course journal with the journal note form"),
    VIEW(OV_GET, "/forloeb/{id}/journal/post", COURSE, JOURNAL_READ,
         ov_v_journal_entry, "one journal entry in full"),
    ACTION(OV_POST, "/forloeb/{id}/journal/notat", ov_act_note,
           "add a journal note"),
    ACTION(OV_POST, "/forloeb/{id}/cti/kontakt", ov_act_cti_contact,
           "log a CTI contact"),
    COURSE_VIEW(OV_GET, "/forloeb/{id}/maalinger", ov_v_measures,
                "measurements with forms and charts"),
    ACTION(OV_POST, "/forloeb/{id}/maalinger", ov_act_measure,
           "record a measurement"),
    READ_AS(OV_GET, "/virksomheder", RULE_COMPANIES, ov_h_companies,
            "companies and openings"),
    ACTION(OV_POST, "/virksomheder", ov_act_company, "register a company"),
    ACTION(OV_POST, "/virksomheder/{id}/pladser", ov_act_opening,
           "register an opening"),
    READ_AS(OV_GET, "/screening", RULE_SCREENING, ov_h_screening,
            "candidate lists and import"),
    ACTION_PREPARED(OV_POST, "/screening", ov_act_import, "import a candidate list"),
    READ_AS(OV_GET, "/screening/{id}", RULE_BATCH, ov_h_batch,
            "screening per criterion and the draw"),
    ACTION(OV_POST, "/screening/{id}/lodtraekning", ov_act_draw,
           "draw at random"),
    READ_AS(OV_GET, "/revision", RULE_AUDIT, ov_h_audit, "the audit viewer"),
    READ_AS(OV_POST, "/revision", RULE_AUDIT, ov_h_audit,
            "the audit viewer filtered by a citizen's name or CPR number (in "
            "the body, never the address) and its older rows"),
    READ(OV_GET, "/min-arbejdsaftale", SELF, OWN_AGREEMENT, AUDITED,
         "egen arbejdsaftale", ov_h_my_agreement,
         "the citizen's own work agreements in plain Danish, with who "
         "signed when and how, and their own sign button"),
    READ_AS(OV_GET, "/arbejdsaftaler", RULE_AGREEMENTS, ov_h_my_agreements,
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
    READ(OV_GET, "/national", SELF, NATIONAL, AUDITED,
         "national overvågning", ov_h_national,
         "the national analyst's board: every municipality side by side, "
         "the national total and the rollout (from, to)"),
    READ_AS(OV_GET, "/min-adgangslog", RULE_OWN_LOG, ov_h_my_log,
            "my access log"),
    VIEW(OV_GET, "/forloeb/{id}/plan.pdf", COURSE, COURSE_READ,
         ov_v_plan_pdf, "the plan as PDF (?version=N)"),
    VIEW(OV_GET, "/virksomhedsforloeb/{id}/aftale.pdf",
         PLACEMENT, PLACEMENT_READ, ov_v_agreement_pdf,
         "the work agreement as PDF"),
    READ(OV_GET, "/min-kalender", SELF, CALENDAR, READ, "kalender",
         ov_h_calendar_page,
         "my calendar subscription: make, renew or revoke its address"),
    READ(OV_POST, "/min-kalender", SELF, CALENDAR, WRITE, "kalender",
         ov_h_calendar_post, "renew or revoke the calendar address (do)"),
    TOKEN(OV_GET, "/kalender.ics", CALENDAR, "kalender (abonnement)",
          ov_h_calendar_feed,
          "the calendar feed by its secret address (?t=), no session"),
    READ(OV_GET, "/min-adgangslog.csv", SELF, OWN_LOG, AUDIT_LOG,
         "egen adgangslog (udlevering)", ov_h_my_log_csv,
         "my access log as CSV"),

    /* ---- administration (issue 13 section 4): the administrator's
     * users and teams, and the public activation ---- */
    PUBLIC(OV_POST, "/api/v1/activate", ov_h_activate,
           "set one's password with a one-time activation code: "
           "{\"username\", \"activation_code\", \"password\"} (throttled "
           "like the log-in)"),
    READ(OV_GET, "/api/v1/users", MUNICIPALITY, USER_ADMIN, READ,
         "administration", ov_h_admin_users,
         "the municipality's staff users with role, teams and contact "
         "details"),
    ACTION(OV_POST, "/api/v1/users", ov_act_user_create,
           "create a staff user {\"username\", \"full_name\", \"role\", "
           "\"team_ids\", \"phone\", \"email\"}; answers {\"id\", "
           "\"activation_code\"} (shown once)"),
    ACTION(OV_POST, "/api/v1/users/{id}", ov_act_user_update,
           "change a user's name, role, teams and contact details"),
    ACTION(OV_POST, "/api/v1/users/{id}/deactivate", ov_act_user_deactivate,
           "deactivate a user {\"confirm\": \"yes\"}: no log-in, sessions "
           "end"),
    ACTION(OV_POST, "/api/v1/users/{id}/reactivate", ov_act_user_reactivate,
           "reactivate a deactivated user {\"confirm\": \"yes\"}; the old "
           "password is cleared: issue a new activation code"),
    ACTION(OV_POST, "/api/v1/users/{id}/reset", ov_act_user_reset,
           "a new one-time activation code {\"confirm\": \"yes\"}; answers "
           "{\"id\", \"activation_code\"}"),
    READ(OV_GET, "/api/v1/teams", MUNICIPALITY, USER_ADMIN, READ,
         "administration", ov_h_admin_teams,
         "the municipality's teams with their members"),
    ACTION(OV_POST, "/api/v1/teams", ov_act_team_create,
           "create a team {\"name\"}"),
    ACTION(OV_POST, "/api/v1/teams/{id}", ov_act_team_rename,
           "rename a team {\"name\"}"),
    ACTION(OV_POST, "/api/v1/teams/{id}/members", ov_act_team_member,
           "add or remove a member {\"user_id\", \"change\": "
           "\"add\"|\"remove\"}"),
    PUBLIC(OV_GET, "/aktiver", ov_h_activate_page,
           "activation: set one's password with a code"),
    PUBLIC(OV_POST, "/aktiver", ov_h_activate, "activate (form)"),
    READ(OV_GET, "/administration", MUNICIPALITY, USER_ADMIN, READ,
         "administration", ov_h_admin_home,
         "the administrator's home: users, teams, what needs attention"),
    READ(OV_GET, "/administration/brugere", MUNICIPALITY, USER_ADMIN, READ,
         "administration", ov_h_admin_users, "users and the new-user form"),
    ACTION(OV_POST, "/administration/brugere", ov_act_user_create,
           "create a user; the page shows the activation code once"),
    ACTION(OV_GET, "/administration/brugere/{id}", ov_act_user_update,
           "one user: change, new code, deactivate"),
    ACTION(OV_POST, "/administration/brugere/{id}", ov_act_user_update,
           "change a user"),
    ACTION(OV_POST, "/administration/brugere/{id}/deaktiver",
           ov_act_user_deactivate, "deactivate a user"),
    ACTION(OV_POST, "/administration/brugere/{id}/genaktiver",
           ov_act_user_reactivate,
           "reactivate a user (a new activation code follows)"),
    ACTION(OV_POST, "/administration/brugere/{id}/kode", ov_act_user_reset,
           "a new activation code, shown once"),
    READ(OV_GET, "/administration/teams", MUNICIPALITY, USER_ADMIN, READ,
         "administration", ov_h_admin_teams, "teams and members"),
    ACTION(OV_POST, "/administration/teams", ov_act_team_create,
           "create a team"),
    ACTION(OV_POST, "/administration/teams/{id}", ov_act_team_rename,
           "rename a team"),
    ACTION(OV_POST, "/administration/teams/{id}/medlemmer", ov_act_team_member,
           "add or remove a team member"),
    READ(OV_GET, "/api/v1/settings", MUNICIPALITY, USER_ADMIN, READ,
         "administration", ov_h_admin_settings,
         "the municipality's settings and the history of their changes"),
    ACTION(OV_POST, "/api/v1/settings", ov_act_settings,
           "change settings (any subset of the fields GET returns); each "
           "change is recorded with its old and new value"),
    READ(OV_GET, "/administration/indstillinger", MUNICIPALITY, USER_ADMIN,
         READ, "administration", ov_h_admin_settings,
         "the municipality's settings with ranges, defaults and history"),
    ACTION(OV_POST, "/administration/indstillinger", ov_act_settings,
           "change the settings"),

    /* ---- the citizen's own questionnaires, proposals and data (issue
     * 14 section 1); the answer to a proposal is ov_act_answer above ---- */
    READ(OV_POST, "/api/v1/me/measurements", SELF, OWN_DATA, WRITE,
         "mine spørgeskemaer", ov_h_mine_measure_post,
         "the citizen answers a questionnaire themselves: {\"instrument\": "
         "\"who5\"|\"gse\"|\"readiness\", \"date\": \"YYYY-MM-DD\", "
         "\"items\": [...]}; answers {\"id\", \"score\"}; 409 when it was "
         "answered for that date"),
    READ(OV_GET, "/api/v1/me/export", SELF, OWN_DATA, WRITE,
         "Du hentede dine data", ov_h_me_export,
         "everything overgang holds about the citizen as JSON "
         "(docs/citizen-export.md; GDPR art. 15 and 20); the download is "
         "audited as an export"),
    READ(OV_GET, "/api/v1/me/export.pdf", SELF, OWN_DATA, WRITE,
         "Du hentede dine data", ov_h_me_export_pdf,
         "the same as a readable PDF document"),
    READ(OV_GET, "/mine-spoergeskemaer", SELF, OWN_DATA, AUDITED,
         "mine spørgeskemaer", ov_h_mine_questionnaires,
         "the citizen's questionnaires when due, and their trajectory"),
    READ(OV_POST, "/mine-spoergeskemaer", SELF, OWN_DATA, WRITE,
         "mine spørgeskemaer", ov_h_mine_measure_post,
         "answer a questionnaire (form)"),
    READ(OV_GET, "/mine-forslag", SELF, OWN_DATA, AUDITED, "mine forslag",
         ov_h_mine_proposals,
         "the match proposals made to the citizen, to answer yes or no "
         "with a comment"),
    READ(OV_GET, "/mine-data", SELF, OWN_DATA, READ, "mine data",
         ov_h_mine_data, "download everything overgang holds about me"),
    READ(OV_GET, "/mine-data.pdf", SELF, OWN_DATA, WRITE,
         "Du hentede dine data", ov_h_me_export_pdf,
         "my data as PDF (the page's download; audited)"),
    READ(OV_GET, "/mine-data.json", SELF, OWN_DATA, WRITE,
         "Du hentede dine data", ov_h_me_export,
         "my data as JSON (the page's download; audited)"),
    /* ---- the citizen's own home (issue 14 section 1) ---- */
    READ_AS(OV_GET, "/mit-forloeb", RULE_OWN_COURSE, ov_h_citizen_home,
            "the citizen's home: their plan (what changed since they last "
            "saw it, who decided it, their comments), their team with "
            "phone and e-mail, their meetings, what waits for them"),
    ACTION(OV_POST, "/mit-forloeb/kommentar", ov_act_plan_comment,
           "comment on one's own plan, agreeing or not (form)"),
    ACTION(OV_POST, "/api/v1/me/plan/comments", ov_act_plan_comment,
           "the citizen's comment on a version of their own plan: "
           "{\"version\": N, \"text\", \"agrees\": true|false} answers "
           "{\"id\"}; a version their course does not have is 404"),

    /* ---- the business case (issue 15 section 3): leaders for their
     * municipality, the national analyst for the nation; figures and
     * counts, no person: plain reads, and one audited write to save ---- */
    READ(OV_GET, "/oekonomi", SELF, ECONOMICS, READ, "økonomi",
         ov_h_econ_page,
         "the business case: the published scenarios and the saved ones, "
         "the chosen one computed (?preset=KEY or ?scenario=ID; history=NAME "
         "lists a name's older versions; from, to: the period of the "
         "registered activity)"),
    READ(OV_POST, "/oekonomi", SELF, ECONOMICS, READ, "økonomi",
         ov_h_econ_post,
         "compute the scenario of the form (do=compute), or download it as "
         "XLSX (do=xlsx)"),
    READ(OV_POST, "/oekonomi/gem", SELF, ECONOMICS, WRITE, "økonomi",
         ov_h_econ_save, "save the scenario of the form under a name"),
    READ(OV_POST, "/api/v1/economics/compute", SELF, ECONOMICS, READ,
         "økonomi", ov_h_econ_api_compute,
         "compute a business case: {\"scenario\": {...}} (the format of "
         "docs/economics-format.md), {\"preset\": \"rambøll-2021-C\"} or "
         "{\"scenario_id\": N} (a saved one of the caller's); answers "
         "economics.json"),
    READ(OV_GET, "/api/v1/economics/scenarios", SELF, ECONOMICS, READ,
         "økonomi", ov_h_econ_api_list,
         "the saved scenarios, the newest per name: {\"scenarios\": [{\"id\", "
         "\"name\", \"author\", \"author_id\", \"created_at\", "
         "\"versions\"}], \"total\", \"truncated\"} (name=NAME: every version "
         "of that name)"),
    READ(OV_POST, "/api/v1/economics/scenarios", SELF, ECONOMICS, WRITE,
         "økonomi", ov_h_econ_api_save,
         "save a scenario: {\"name\", \"scenario\": {...}} answers {\"id\"}; "
         "a name saved again keeps the older versions"),
    SCENARIO_READ(OV_GET, "/api/v1/economics/scenarios/{id}",
                  ov_h_econ_api_get,
                  "one saved scenario with its author and date and the "
                  "scenario itself; another municipality's is 404"),
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
