/*
 * The access-control matrix: every route x role x relation (own course,
 * same team, other team, other municipality) with the status it must
 * answer, run through the real dispatch and a real store. A route without
 * rows for every role (and, for routes with an {id}, every relation)
 * fails this test, and with it the build (`make test`).
 *
 * The rules the rows encode:
 *  - a course is seen by frontline staff on its team, by the leader and
 *    the administrator of its municipality and by its own citizen; the
 *    national analyst and an employer contact see no course. An employer
 *    contact sees the work agreement of a placement at their own company
 *    (a separate rule, model/access.h) and nothing else of the course.
 *  - what the caller may not see answers 404, never 403 (ids cannot be
 *    probed); reading what one may see answers 200.
 *  - an action (web/ui.h) is sent as a POST with an empty body and a valid
 *    CSRF token: 404 when its record is not visible, 403 when the role may
 *    not do its operation (ov_may_do), 400 when both hold (the empty body
 *    fails validation, nothing is written). The GET of an action's form
 *    page answers 404, 403 or 200 by the same rules.
 *  - actions about the caller's municipality answer 403 or 400 by the
 *    operation alone.
 *  - an id in a body (a team, a user, a company, an opening, a plan or
 *    work-agreement version) that is another municipality's answers 404,
 *    byte for byte as an id that does not exist, and writes nothing
 *    (ids_in_bodies; every id field of every action needs a row there).
 *
 * The routes are ov_routes itself: every route of the table needs its rows
 * here. What {id} is, and which record stands for each relation, follows
 * from the route's address (id_kinds below), and must agree with the scope
 * the route declares (routes.c; an action route's is its action's), which
 * is what dispatch checks.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"
#include "core/log.h"
#include "model/meeting.h"
#include "model/screening.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/econ_scenario.h"
#include "store/journal_view.h"
#include "store/match.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/plan.h"
#include "store/screening.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
#include "web/handlers.h"
#include "web/ui.h"

enum { R_NONE = 0, R_OWN, R_SAME_TEAM, R_OTHER_TEAM, R_OTHER_MUNI, NREL };
static const char *const rel_names[] = {"-", "own", "same team", "other team",
                                        "other municipality"};
#define ALL_RELATIONS                                                      \
    ((1 << R_OWN) | (1 << R_SAME_TEAM) | (1 << R_OTHER_TEAM) |             \
     (1 << R_OTHER_MUNI))

#define NROLES 9
static const ov_role roles[NROLES] = {
    OV_ROLE_EMPLOYMENT_CASEWORKER, OV_ROLE_SOCIAL_CASEWORKER,
    OV_ROLE_CTI_WORKER,            OV_ROLE_COMPANY_CONSULTANT,
    OV_ROLE_LEADER,                OV_ROLE_ADMINISTRATOR,
    OV_ROLE_NATIONAL_ANALYST,      OV_ROLE_CITIZEN,
    OV_ROLE_EMPLOYER};

/* ---- what {id} is ---- */

typedef enum id_kind {
    ID_NONE = 0,
    ID_COURSE,    /* the relation's course */
    ID_PLACEMENT, /* a placement on the relation's course */
    ID_PROPOSAL,  /* a match proposal on the relation's course */
    ID_COMPANY,   /* a company of 250 (of 550 for other municipality) */
    ID_BATCH,     /* a screening batch of 250 (of 550 for other m.) */
    ID_USER,      /* a staff user of 250 (of 550 for other m.) */
    ID_TEAM,      /* the relation's team (Tønder's for other m.) */
    ID_SCENARIO,  /* a saved economics scenario of 250 (of 550 for other
                   * m.) */
    NKINDS
} id_kind;

static const struct {
    const char *prefix;
    id_kind kind;
} id_kinds[] = {
    {"/api/v1/cases/{id}", ID_COURSE},
    {"/forloeb/{id}", ID_COURSE},
    {"/api/v1/placements/{id}", ID_PLACEMENT},
    {"/virksomhedsforloeb/{id}", ID_PLACEMENT},
    {"/api/v1/proposals/{id}", ID_PROPOSAL},
    {"/forslag/{id}", ID_PROPOSAL},
    {"/api/v1/companies/{id}", ID_COMPANY},
    {"/virksomheder/{id}", ID_COMPANY},
    {"/api/v1/screening/batches/{id}", ID_BATCH},
    {"/screening/{id}", ID_BATCH},
    {"/api/v1/users/{id}", ID_USER},
    {"/administration/brugere/{id}", ID_USER},
    {"/api/v1/teams/{id}", ID_TEAM},
    {"/administration/teams/{id}", ID_TEAM},
    {"/api/v1/economics/scenarios/{id}", ID_SCENARIO},
};

static id_kind kind_of(const char *pattern)
{
    if (!strchr(pattern, '{'))
        return ID_NONE;
    for (size_t k = 0; k < sizeof id_kinds / sizeof id_kinds[0]; k++) {
        size_t n = strlen(id_kinds[k].prefix);
        if (strncmp(pattern, id_kinds[k].prefix, n) == 0 &&
            (pattern[n] == '\0' || pattern[n] == '/'))
            return id_kinds[k].kind;
    }
    return NKINDS; /* unknown: the coverage test says so */
}

/* ---- the matrix ---- */

typedef struct row {
    ov_method method;
    const char *pattern;
    int relation;
    int status[NROLES]; /* in the order of roles[] */
} row;

/* Status vectors, in the order of roles[]:
 *   job, social, cti, consultant, leader, admin, national, citizen,
 *   employer */
#define ALL(s) {s, s, s, s, s, s, s, s, s}
#define NONE ALL(404)
/* reading a course (or its placement, proposal) */
#define SEE_OWN {200, 200, 200, 200, 200, 200, 404, 200, 404}
#define SEE_TEAM {200, 200, 200, 200, 200, 200, 404, 404, 404}
#define SEE_OTHER {404, 404, 404, 404, 200, 200, 404, 404, 404}
/* the own course's placement is at the employer contact's company */
#define SEE_OWN_EMPLOYER {200, 200, 200, 200, 200, 200, 404, 200, 200}
/* an action on another team's course: only leader and administrator see
 * it, and neither may change it */
#define ACT_OTHER {404, 404, 404, 404, 403, 403, 404, 404, 404}
/* course_write (every frontline role): POST, form GET */
#define CW_OWN {400, 400, 400, 400, 403, 403, 404, 403, 404}
#define CW_TEAM {400, 400, 400, 400, 403, 403, 404, 404, 404}
#define CW_FORM_OWN {200, 200, 200, 200, 403, 403, 404, 403, 404}
#define CW_FORM_TEAM {200, 200, 200, 200, 403, 403, 404, 404, 404}
/* match and placement (jobcentre caseworker, company consultant) */
#define MP_OWN {400, 403, 403, 400, 403, 403, 404, 403, 404}
#define MP_TEAM {400, 403, 403, 400, 403, 403, 404, 404, 404}
#define MP_FORM_OWN {200, 403, 403, 200, 403, 403, 404, 403, 404}
#define MP_FORM_TEAM {200, 403, 403, 200, 403, 403, 404, 404, 404}
/* cti (social caseworker, CTI worker) */
#define CTI_OWN {403, 400, 400, 403, 403, 403, 404, 403, 404}
#define CTI_TEAM {403, 400, 400, 403, 403, 403, 404, 404, 404}
/* cti_contact (CTI worker) */
#define CON_OWN {403, 403, 400, 403, 403, 403, 404, 403, 404}
#define CON_TEAM {403, 403, 400, 403, 403, 403, 404, 404, 404}
/* the caller's municipality: companies (company; match may read) */
#define COMPANY_READ {200, 403, 403, 200, 403, 200, 403, 403, 403}
#define COMPANY_POST {400, 403, 403, 400, 403, 400, 403, 403, 403}
/* another municipality's company: not found for those who may add openings */
#define COMPANY_POST_OTHER {404, 403, 403, 404, 403, 404, 403, 403, 403}
/* screening */
#define SCREEN_READ {200, 403, 403, 403, 200, 200, 403, 403, 403}
#define SCREEN_POST {400, 403, 403, 403, 400, 400, 403, 403, 403}
/* another municipality's candidate list: not found for those who may draw */
#define SCREEN_POST_OTHER {404, 403, 403, 403, 404, 404, 403, 403, 403}
#define BATCH_READ {200, 404, 404, 404, 200, 200, 404, 404, 404}
/* lists of courses: every role that may list courses */
#define LISTS {200, 200, 200, 200, 200, 200, 403, 200, 403}
#define AUDIT {403, 403, 403, 403, 200, 200, 403, 403, 403}
/* the citizen search: staff who see courses; without a query the page is
 * the empty form (200) and the API and the POST answer 400 */
#define SEARCH_FORM {200, 200, 200, 200, 200, 200, 403, 403, 403}
#define SEARCH_EMPTY {400, 400, 400, 400, 400, 400, 403, 403, 403}
/* the DISCO-08 list: the staff who choose an occupation (plan, match
 * profile, opening), not the leader; no q answers 400 */
#define OCCUPATIONS_EMPTY {400, 400, 400, 400, 403, 400, 403, 403, 403}
#define OWN_LOG {403, 403, 403, 403, 403, 403, 403, 200, 403}
/* the citizen's own questionnaires, proposals and data: the citizen
 * alone (staff use the course's pages); an empty answer is refused */
#define OWN_DATA OWN_LOG
#define OWN_DATA_POST {403, 403, 403, 403, 403, 403, 403, 400, 403}
/* the answer to a proposal: the staff who match, and the citizen for
 * their own (another citizen's proposal is not found) */
#define ANSWER_OWN {400, 403, 403, 400, 403, 403, 404, 400, 404}
#define EMPLOYER_ONLY {403, 403, 403, 403, 403, 403, 403, 403, 200}
/* the calendar of the courses one is named on: frontline staff; a POST
 * to the page without "do" is refused (400), the API's renew and revoke
 * need no body (200) */
#define CALENDAR {200, 200, 200, 200, 403, 403, 403, 200, 403}
#define CALENDAR_FORM {400, 400, 400, 400, 403, 403, 403, 400, 403}
/* the citizen's own home and their comment on their plan: the citizen
 * alone (staff read and write the course on their own pages: 403); an
 * empty comment is refused (400) */
#define OWN_COURSE {403, 403, 403, 403, 403, 403, 403, 200, 403}
#define OWN_COURSE_POST {403, 403, 403, 403, 403, 403, 403, 400, 403}
/* home: a redirect to one's start page (the national analyst's is the
 * national board) */
#define HOME ALL(303)
/* the indicators: staff (their own figures by default), leaders and
 * administrators; no one without a municipality's staff role */
#define INDICATORS {200, 200, 200, 200, 200, 200, 403, 403, 403}
/* the courses behind a figure on the board: leaders and administrators
 * (without ind= or list= the query is incomplete: 400) */
#define BOARD_DRILL {403, 403, 403, 403, 400, 400, 403, 403, 403}
/* the national board: the national analyst alone */
#define NATIONAL {403, 403, 403, 403, 403, 403, 200, 403, 403}
/* the municipality's users and teams: the administrator only; another
 * municipality's user or team is not found */
#define ADMIN_READ {403, 403, 403, 403, 403, 200, 403, 403, 403}
#define ADMIN_POST {403, 403, 403, 403, 403, 400, 403, 403, 403}
#define ADMIN_OTHER {403, 403, 403, 403, 403, 404, 403, 403, 403}

/* the course journal: the staff who see the course; not the citizen
 * (403 on their own course: the staff's record), not the employer or the
 * national analyst, who see no course (404) */
#define JOURNAL_OWN {200, 200, 200, 200, 200, 200, 404, 403, 404}
#define JOURNAL_TEAM SEE_TEAM
#define JOURNAL_OTHER SEE_OTHER
/* one entry without ?ref=: 400 for those who may read the journal */
#define JENTRY_OWN {400, 400, 400, 400, 400, 400, 404, 403, 404}
#define JENTRY_TEAM {400, 400, 400, 400, 400, 400, 404, 404, 404}
#define JENTRY_OTHER {404, 404, 404, 404, 400, 400, 404, 404, 404}

/* the placement's actions: the employer contact sees their company's
 * placement (its work agreement), so what they may not do there is 403 */
#define MPP_OWN {400, 403, 403, 400, 403, 403, 404, 403, 403}
#define MPP4(p) REL4(OV_POST, p, MPP_OWN, MP_TEAM, ACT_OTHER, NONE)
/* signing a work agreement (issue 14): the parties, each for
 * themselves: the citizen, the employer contact (their company's), the
 * company consultant; no caseworker, leader or administrator */
#define SIGN_OWN {403, 403, 403, 400, 403, 403, 404, 400, 400}
#define SIGN_TEAM {403, 403, 403, 400, 403, 403, 404, 404, 404}
/* the employer contact confirms the hours at their company */
#define HOURS_OWN {403, 403, 403, 403, 403, 403, 404, 403, 400}
#define HOURS_TEAM {403, 403, 403, 403, 403, 403, 404, 404, 404}
#define OWN_AGREEMENT {403, 403, 403, 403, 403, 403, 403, 200, 403}
/* the business case (issue 15): the leader (their municipality's
 * scenarios) and the national analyst (the national ones); an empty
 * body is refused (400); a saved scenario is seen by its municipality's
 * leader alone, and is not found for anyone else (a record scope) */
#define ECON {403, 403, 403, 403, 200, 403, 200, 403, 403}
#define ECON_POST {403, 403, 403, 403, 400, 403, 400, 403, 403}
#define ECON_SAVED {404, 404, 404, 404, 200, 404, 404, 404, 404}

/* one row per relation */
#define REL4(m, p, own, team, other, muni)                                 \
    {m, p, R_OWN, own}, {m, p, R_SAME_TEAM, team},                         \
        {m, p, R_OTHER_TEAM, other}, {m, p, R_OTHER_MUNI, muni}
/* a read of one course, placement or proposal */
#define READ4(m, p) REL4(m, p, SEE_OWN, SEE_TEAM, SEE_OTHER, NONE)
#define CW4(p) REL4(OV_POST, p, CW_OWN, CW_TEAM, ACT_OTHER, NONE)
#define CW_FORM4(p) REL4(OV_GET, p, CW_FORM_OWN, CW_FORM_TEAM, ACT_OTHER, NONE)
#define MP4(p) REL4(OV_POST, p, MP_OWN, MP_TEAM, ACT_OTHER, NONE)
#define MP_FORM4(p) REL4(OV_GET, p, MP_FORM_OWN, MP_FORM_TEAM, ACT_OTHER, NONE)
#define CTI4(p) REL4(OV_POST, p, CTI_OWN, CTI_TEAM, ACT_OTHER, NONE)
#define CON4(p) REL4(OV_POST, p, CON_OWN, CON_TEAM, ACT_OTHER, NONE)

static const row matrix[] = {
    /* ---- public ---- */
    {OV_GET, "/api/v1/health", R_NONE, ALL(200)},
    /* a wrong password answers 401 whoever sends it */
    {OV_POST, "/api/v1/session", R_NONE, ALL(401)},
    {OV_GET, "/login", R_NONE, ALL(200)},
    /* an empty log-in form */
    {OV_POST, "/login", R_NONE, ALL(400)},
    {OV_GET, "/sprog", R_NONE, ALL(303)},
    {OV_GET, "/static/app.css", R_NONE, ALL(200)},
    {OV_GET, "/static/app.js", R_NONE, ALL(200)},
    {OV_GET, "/static/favicon.svg", R_NONE, ALL(200)},
    {OV_GET, "/tilgaengelighed", R_NONE, ALL(200)},

    /* ---- the session (each request with a session of its own) ---- */
    {OV_DELETE, "/api/v1/session", R_NONE, ALL(200)},
    {OV_POST, "/logout", R_NONE, ALL(303)},
    {OV_GET, "/", R_NONE, HOME},
    {OV_GET, "/api/v1/openapi.json", R_NONE, ALL(200)},

    /* ---- lists, logs ---- */
    {OV_GET, "/api/v1/cases", R_NONE, LISTS},
    {OV_GET, "/forloeb", R_NONE, LISTS},
    {OV_GET, "/api/v1/tasks", R_NONE, LISTS},
    {OV_GET, "/opgaver", R_NONE, LISTS},
    {OV_GET, "/api/v1/citizens", R_NONE, SEARCH_EMPTY},
    {OV_GET, "/api/v1/occupations", R_NONE, OCCUPATIONS_EMPTY},
    {OV_GET, "/soeg", R_NONE, SEARCH_FORM},
    {OV_POST, "/soeg", R_NONE, SEARCH_EMPTY},
    {OV_GET, "/api/v1/me/access-log", R_NONE, OWN_LOG},
    {OV_GET, "/min-adgangslog", R_NONE, OWN_LOG},
    {OV_GET, "/min-adgangslog.csv", R_NONE, OWN_LOG},
    {OV_GET, "/api/v1/audit", R_NONE, AUDIT},
    {OV_GET, "/revision", R_NONE, AUDIT},
    {OV_POST, "/revision", R_NONE, AUDIT},
    {OV_GET, "/api/v1/me/agreements", R_NONE, EMPLOYER_ONLY},
    {OV_GET, "/api/v1/indicators", R_NONE, INDICATORS},
    {OV_GET, "/tavle", R_NONE, INDICATORS},
    {OV_GET, "/tavle/liste", R_NONE, BOARD_DRILL},
    {OV_GET, "/api/v1/national/indicators", R_NONE, NATIONAL},
    {OV_GET, "/national", R_NONE, NATIONAL},
    {OV_GET, "/arbejdsaftaler", R_NONE, EMPLOYER_ONLY},
    {OV_GET, "/min-arbejdsaftale", R_NONE, OWN_AGREEMENT},
    {OV_GET, "/api/v1/me/calendar.ics", R_NONE, CALENDAR},
    {OV_POST, "/api/v1/me/calendar-token", R_NONE, CALENDAR},
    {OV_DELETE, "/api/v1/me/calendar-token", R_NONE, CALENDAR},
    {OV_GET, "/min-kalender", R_NONE, CALENDAR},
    {OV_POST, "/min-kalender", R_NONE, CALENDAR_FORM},
    /* the feed by its secret address: a session opens nothing, a missing
     * token is an address that does not exist */
    {OV_GET, "/kalender.ics", R_NONE, NONE},
    {OV_GET, "/mit-forloeb", R_NONE, OWN_COURSE},
    {OV_POST, "/mit-forloeb/kommentar", R_NONE, OWN_COURSE_POST},
    {OV_POST, "/api/v1/me/plan/comments", R_NONE, OWN_COURSE_POST},

    /* ---- one course: reads ---- */
    READ4(OV_GET, "/api/v1/cases/{id}"),
    READ4(OV_GET, "/forloeb/{id}"),
    READ4(OV_GET, "/api/v1/cases/{id}/plan"),
    READ4(OV_GET, "/forloeb/{id}/plan"),
    READ4(OV_GET, "/api/v1/cases/{id}/match-suggestions"),
    READ4(OV_GET, "/forloeb/{id}/match"),
    READ4(OV_GET, "/api/v1/cases/{id}/cti"),
    READ4(OV_GET, "/forloeb/{id}/cti"),
    READ4(OV_GET, "/api/v1/cases/{id}/measurements"),
    READ4(OV_GET, "/forloeb/{id}/maalinger"),
    REL4(OV_GET, "/api/v1/cases/{id}/journal", JOURNAL_OWN, JOURNAL_TEAM,
         JOURNAL_OTHER, NONE),
    REL4(OV_GET, "/forloeb/{id}/journal", JOURNAL_OWN, JOURNAL_TEAM,
         JOURNAL_OTHER, NONE),
    REL4(OV_GET, "/api/v1/cases/{id}/journal/entry", JENTRY_OWN, JENTRY_TEAM,
         JENTRY_OTHER, NONE),
    REL4(OV_GET, "/forloeb/{id}/journal/post", JENTRY_OWN, JENTRY_TEAM,
         JENTRY_OTHER, NONE),
    /* the plan as PDF: the course's readers, its own citizen included */
    READ4(OV_GET, "/api/v1/cases/{id}/plan.pdf"),
    READ4(OV_GET, "/forloeb/{id}/plan.pdf"),

    /* ---- one course: course_write ---- */
    /* journal notes: every frontline role (as course_write) */
    CW4("/api/v1/cases/{id}/notes"),
    CW4("/forloeb/{id}/journal/notat"),
    CW4("/api/v1/cases/{id}/team"),
    CW4("/forloeb/{id}/team"),
    CW4("/api/v1/cases/{id}/start-meeting"),
    CW4("/forloeb/{id}/opstartsmoede"),
    CW_FORM4("/forloeb/{id}/opstartsmoede"),
    CW4("/api/v1/cases/{id}/followups"),
    CW4("/forloeb/{id}/opfoelgning"),
    CW_FORM4("/forloeb/{id}/opfoelgning"),
    CW4("/api/v1/cases/{id}/end"),
    CW4("/forloeb/{id}/afslut"),
    CW_FORM4("/forloeb/{id}/afslut"),
    CW4("/api/v1/cases/{id}/plan"),
    CW4("/forloeb/{id}/plan"),
    CW4("/api/v1/cases/{id}/measurements"),
    CW4("/forloeb/{id}/maalinger"),

    /* ---- one course: match and placement ---- */
    MP4("/api/v1/cases/{id}/proposals"),
    MP4("/forloeb/{id}/forslag"),
    MP4("/api/v1/cases/{id}/placements"),
    MP4("/forloeb/{id}/virksomhedsforloeb"),
    MP_FORM4("/forloeb/{id}/virksomhedsforloeb"),
    MP4("/api/v1/cases/{id}/employment"),
    MP4("/forloeb/{id}/beskaeftigelse"),
    MP_FORM4("/forloeb/{id}/beskaeftigelse"),

    /* ---- one course: CTI ---- */
    CTI4("/api/v1/cases/{id}/cti"),
    CTI4("/forloeb/{id}/cti/start"),
    CON4("/api/v1/cases/{id}/cti/contacts"),
    CON4("/forloeb/{id}/cti/kontakt"),

    /* ---- one proposal: the answer (the staff who match, the citizen) ---- */
    REL4(OV_POST, "/api/v1/proposals/{id}/answer", ANSWER_OWN, MP_TEAM,
         ACT_OTHER, NONE),
    REL4(OV_POST, "/forslag/{id}/svar", ANSWER_OWN, MP_TEAM, ACT_OTHER,
         NONE),

    /* ---- the citizen's own questionnaires, proposals and data ---- */
    {OV_POST, "/api/v1/me/measurements", R_NONE, OWN_DATA_POST},
    {OV_POST, "/mine-spoergeskemaer", R_NONE, OWN_DATA_POST},
    {OV_GET, "/mine-spoergeskemaer", R_NONE, OWN_DATA},
    {OV_GET, "/mine-forslag", R_NONE, OWN_DATA},
    {OV_GET, "/mine-data", R_NONE, OWN_DATA},
    {OV_GET, "/api/v1/me/export", R_NONE, OWN_DATA},
    {OV_GET, "/api/v1/me/export.pdf", R_NONE, OWN_DATA},
    {OV_GET, "/mine-data.pdf", R_NONE, OWN_DATA},
    {OV_GET, "/mine-data.json", R_NONE, OWN_DATA},

    /* ---- one placement ---- */
    REL4(OV_GET, "/api/v1/placements/{id}", SEE_OWN_EMPLOYER, SEE_TEAM,
         SEE_OTHER, NONE),
    REL4(OV_GET, "/virksomhedsforloeb/{id}", SEE_OWN_EMPLOYER, SEE_TEAM,
         SEE_OTHER, NONE),
    /* the agreement as PDF: the placement's readers; the employer
     * contact only at their own company */
    REL4(OV_GET, "/api/v1/placements/{id}/agreement.pdf", SEE_OWN_EMPLOYER,
         SEE_TEAM, SEE_OTHER, NONE),
    REL4(OV_GET, "/virksomhedsforloeb/{id}/aftale.pdf", SEE_OWN_EMPLOYER,
         SEE_TEAM, SEE_OTHER, NONE),
    MPP4("/api/v1/placements/{id}/agreement"),
    MPP4("/virksomhedsforloeb/{id}/aftale"),
    REL4(OV_POST, "/api/v1/placements/{id}/signoffs", SIGN_OWN, SIGN_TEAM,
         ACT_OTHER, NONE),
    REL4(OV_POST, "/virksomhedsforloeb/{id}/underskrift", SIGN_OWN,
         SIGN_TEAM, ACT_OTHER, NONE),
    REL4(OV_POST, "/api/v1/placements/{id}/hours-confirmations", HOURS_OWN,
         HOURS_TEAM, ACT_OTHER, NONE),
    REL4(OV_POST, "/virksomhedsforloeb/{id}/timer-bekraeft", HOURS_OWN,
         HOURS_TEAM, ACT_OTHER, NONE),
    MPP4("/api/v1/placements/{id}/hours"),
    MPP4("/virksomhedsforloeb/{id}/timer"),

    /* ---- the municipality: companies and openings ---- */
    {OV_GET, "/api/v1/companies", R_NONE, COMPANY_READ},
    {OV_GET, "/virksomheder", R_NONE, COMPANY_READ},
    {OV_POST, "/api/v1/companies", R_NONE, COMPANY_POST},
    {OV_POST, "/virksomheder", R_NONE, COMPANY_POST},
    REL4(OV_POST, "/api/v1/companies/{id}/openings", COMPANY_POST, COMPANY_POST,
         COMPANY_POST, COMPANY_POST_OTHER),
    REL4(OV_POST, "/virksomheder/{id}/pladser", COMPANY_POST, COMPANY_POST,
         COMPANY_POST, COMPANY_POST_OTHER),

    /* ---- the municipality: screening ---- */
    {OV_GET, "/api/v1/screening/batches", R_NONE, SCREEN_READ},
    {OV_GET, "/screening", R_NONE, SCREEN_READ},
    {OV_POST, "/api/v1/screening/batches", R_NONE, SCREEN_POST},
    {OV_POST, "/screening", R_NONE, SCREEN_POST},
    REL4(OV_GET, "/api/v1/screening/batches/{id}", BATCH_READ, BATCH_READ,
         BATCH_READ, NONE),
    REL4(OV_GET, "/screening/{id}", BATCH_READ, BATCH_READ, BATCH_READ, NONE),
    REL4(OV_POST, "/api/v1/screening/batches/{id}/draws", SCREEN_POST, SCREEN_POST,
         SCREEN_POST, SCREEN_POST_OTHER),
    REL4(OV_POST, "/screening/{id}/lodtraekning", SCREEN_POST, SCREEN_POST,
         SCREEN_POST, SCREEN_POST_OTHER),

    /* ---- administration: users and teams; activation (public, an
     * empty form is refused before anything is checked) ---- */
    {OV_POST, "/api/v1/activate", R_NONE, ALL(400)},
    {OV_GET, "/aktiver", R_NONE, ALL(200)},
    {OV_POST, "/aktiver", R_NONE, ALL(400)},
    {OV_GET, "/api/v1/users", R_NONE, ADMIN_READ},
    {OV_GET, "/administration", R_NONE, ADMIN_READ},
    {OV_GET, "/administration/brugere", R_NONE, ADMIN_READ},
    {OV_POST, "/api/v1/users", R_NONE, ADMIN_POST},
    {OV_POST, "/administration/brugere", R_NONE, ADMIN_POST},
    REL4(OV_POST, "/api/v1/users/{id}", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_GET, "/administration/brugere/{id}", ADMIN_READ, ADMIN_READ,
         ADMIN_READ, ADMIN_OTHER),
    REL4(OV_POST, "/administration/brugere/{id}", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/api/v1/users/{id}/deactivate", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/administration/brugere/{id}/deaktiver", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/api/v1/users/{id}/reactivate", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/administration/brugere/{id}/genaktiver", ADMIN_POST,
         ADMIN_POST, ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/api/v1/users/{id}/reset", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/administration/brugere/{id}/kode", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    {OV_GET, "/api/v1/teams", R_NONE, ADMIN_READ},
    {OV_GET, "/administration/teams", R_NONE, ADMIN_READ},
    {OV_POST, "/api/v1/teams", R_NONE, ADMIN_POST},
    {OV_POST, "/administration/teams", R_NONE, ADMIN_POST},
    REL4(OV_POST, "/api/v1/teams/{id}", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/administration/teams/{id}", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    REL4(OV_POST, "/api/v1/teams/{id}/members", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
    {OV_GET, "/api/v1/settings", R_NONE, ADMIN_READ},
    {OV_GET, "/administration/indstillinger", R_NONE, ADMIN_READ},
    {OV_POST, "/api/v1/settings", R_NONE, ADMIN_POST},
    {OV_POST, "/administration/indstillinger", R_NONE, ADMIN_POST},

    /* ---- the business case and its saved scenarios ---- */
    {OV_GET, "/oekonomi", R_NONE, ECON},
    {OV_POST, "/oekonomi", R_NONE, ECON_POST},
    {OV_POST, "/oekonomi/gem", R_NONE, ECON_POST},
    {OV_POST, "/api/v1/economics/compute", R_NONE, ECON_POST},
    {OV_GET, "/api/v1/economics/scenarios", R_NONE, ECON},
    {OV_POST, "/api/v1/economics/scenarios", R_NONE, ECON_POST},
    REL4(OV_GET, "/api/v1/economics/scenarios/{id}", ECON_SAVED, ECON_SAVED,
         ECON_SAVED, NONE),
    REL4(OV_POST, "/administration/teams/{id}/medlemmer", ADMIN_POST, ADMIN_POST,
         ADMIN_POST, ADMIN_OTHER),
};
#define NROWS (sizeof matrix / sizeof matrix[0])

/* What an id in a request body names (ids_in_bodies below). */
typedef enum foreign_kind {
    FX_TEAM,
    FX_USER_JOB,     /* a user of each frontline role */
    FX_USER_SOCIAL,
    FX_USER_CTI,
    FX_USER_VK,
    FX_COMPANY,
    FX_OPENING,
    FX_PLAN_VERSION,      /* a version only another course's plan has */
    FX_AGREEMENT_VERSION, /* a version only another placement's agreement
                           * has */
    FX_NOTE,              /* a journal note of another municipality's
                           * course */
    NFOREIGN
} foreign_kind;

/* ---- the fixture ---- */

typedef struct fixture {
    tu_world w;
    ov_web app;
    int64_t users[NROLES];
    /* one session per role, for every request that does not end it */
    char token[NROLES][OV_TOKEN_HEX];
    char csrf[NROLES][OV_TOKEN_HEX];
    int64_t ids[NKINDS][NREL]; /* by id_kind and relation */
    int64_t opening_550;       /* an opening at Tønder's company */
    int64_t foreign[NFOREIGN]; /* ids_in_bodies: Tønder's records, by kind */
} fixture;

#define A(r) OV_ATTEND(OV_ROLE_##r)
#define FULL                                                               \
    (A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(CTI_WORKER) |               \
     A(COMPANY_CONSULTANT))

static ov_tx *begin(tu_world *w)
{
    ov_tx *tx;
    ov_err err;
    if (ov_tx_begin(w->t.store, &tu_actor, &tx, &err) != OV_OK)
        fail_msg("begin: %s", err.msg);
    return tx;
}

static void commit(ov_tx *tx, ov_status st, const ov_err *err,
                   const char *what)
{
    if (st != OV_OK)
        fail_msg("fixture %s: %s", what, err->msg);
    ov_err e2;
    if (ov_tx_commit(tx, &e2) != OV_OK)
        fail_msg("fixture %s: %s", what, e2.msg);
}

static int64_t citizen(tu_world *w, const char *name, const char *cpr)
{
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id = 0;
    ov_status st = ov_citizen_create(tx, ov_str_c(name), ov_str_c(cpr), &id,
                                     &err);
    commit(tx, st, &err, name);
    return id;
}

static int64_t course_for(tu_world *w, int64_t cit, int64_t team,
                          ov_date start)
{
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id = 0;
    ov_status st = ov_course_create(tx, cit, team, OV_STAGE_DRAWN, start, &id,
                                    &err);
    commit(tx, st, &err, "course");
    return id;
}

static int64_t company(tu_world *w, const char *cvr, const char *name,
                       int muni, int postcode)
{
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id = 0;
    ov_status st = ov_org_company_create(tx, ov_str_c(cvr), ov_str_c(name),
                                         muni, postcode, &id, &err);
    commit(tx, st, &err, name);
    return id;
}

static int64_t opening(tu_world *w, int64_t company_id)
{
    ov_opening o = {.tasks = OV_STR_LIT("Lagerarbejde"),
                    .occupation = OV_STR_LIT("9333"),
                    .hours_min = 10,
                    .hours_max = 25,
                    .accommodations = OV_ACC_BIT(OV_ACC_MENTOR),
                    .ordinary = OV_ORD_NOW};
    ov_tx *tx = begin(w);
    ov_err err;
    ov_status st = ov_opening_create(tx, company_id, &o, &err);
    commit(tx, st, &err, "opening");
    return o.id;
}

/* A complete start meeting, so placements may follow. */
static void start_meeting(tu_world *w, int64_t course, ov_date on,
                          ov_date today)
{
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = OV_MEETING_START, .held_on = on,
                           .attendees = FULL};
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id;
    bool complete = false;
    ov_status st = ov_meeting_record(tx, course, &in, &d, today, &id,
                                     &complete, &err);
    commit(tx, st, &err, "start meeting");
    if (!complete)
        fail_msg("fixture: the start meeting of course %lld is incomplete",
                 (long long)course);
}

static int64_t placement(tu_world *w, int64_t course, int64_t company_id,
                         ov_date start)
{
    ov_placement p = {OV_PLACE_INTERNSHIP, company_id, start, false, 0, 150};
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id = 0;
    ov_status st = ov_placement_create(tx, course, &p, &id, &err);
    commit(tx, st, &err, "placement");
    return id;
}

static int64_t proposal(tu_world *w, int64_t course, int64_t opening_id,
                        ov_date on)
{
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id = 0;
    ov_status st = ov_match_propose(tx, course, opening_id, 50.0, on, &id,
                                    &err);
    commit(tx, st, &err, "proposal");
    return id;
}

static int64_t batch(tu_world *w, int muni, const char *csv, ov_date ref)
{
    ov_arena *a = ov_arena_new(0);
    ov_screening_rules r = ov_screening_rules_default();
    ov_import_report rep;
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t id = 0;
    ov_status st = ov_screening_import(tx, muni, ref, &r, ov_str_c(csv),
                                       "matrix.csv", a, &id, &rep, &err);
    commit(tx, st, &err, "screening import");
    ov_arena_destroy(a);
    return id;
}

static void session(fixture *f, int64_t user, char token[OV_TOKEN_HEX],
                    char csrf[OV_TOKEN_HEX])
{
    ov_tx *tx;
    ov_err err;
    ov_actor a = {"matrix", OV_ROLE_SYSTEM, "test"};
    assert_int_equal(ov_tx_begin(f->w.t.store, &a, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, user, ov_time_now(), token, csrf,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    tu_world_init(&f->w);
    tu_world *w = &f->w;
    f->app.store = w->t.store;
    f->users[0] = w->job;
    f->users[1] = w->social;
    f->users[2] = w->cti;
    f->users[3] = w->vk;
    f->users[4] = w->leader;
    ov_tx *tx;
    ov_err err;
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    f->users[5] = tu_add_user(tx, "admin", OV_ROLE_ADMINISTRATOR, 250, 0);
    f->users[6] = tu_add_user(tx, "national", OV_ROLE_NATIONAL_ANALYST, 0, 0);
    /* the citizen of the own course; the employer contact of w->company */
    ov_user_input cu = {OV_STR_LIT("borger"), OV_STR_LIT("Anna"),
                        OV_ROLE_CITIZEN, 250, w->citizen, 0};
    assert_int_equal(ov_org_user_create(tx, &cu, &f->users[7], &err), OV_OK);
    ov_user_input eu = {OV_STR_LIT("arbejdsgiver"), OV_STR_LIT("Lager"),
                        OV_ROLE_EMPLOYER, 250, 0, w->company};
    assert_int_equal(ov_org_user_create(tx, &eu, &f->users[8], &err), OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);

    /* dates relative to today: meetings may not lie in the future */
    ov_date today = ov_today_cph();
    ov_date start = today - 90;
    int64_t *course = f->ids[ID_COURSE];
    course[R_OWN] = tu_course(w, start);
    course[R_SAME_TEAM] = course_for(
        w, citizen(w, "Bo Hansen", "020275-2342"), w->team, start);
    course[R_OTHER_TEAM] = course_for(
        w, citizen(w, "Carl Berg", "030399-1453"), w->other_team, start);
    course[R_OTHER_MUNI] = course_for(
        w, citizen(w, "Dorte Lund", "040470-2564"), w->team_tonder, start);

    /* companies: the employer contact's (w->company), another of Halsnæs
     * and one of Tønder */
    int64_t other_250 = company(w, "11111114", "Halsnæs Smed ApS", 250, 3300);
    int64_t tonder = company(w, "22222228", "Tønder Gartneri A/S", 550, 6270);
    int64_t open_250 = opening(w, w->company);
    int64_t open_550 = opening(w, tonder);
    f->opening_550 = open_550;
    for (int r = R_OWN; r < NREL; r++)
        f->ids[ID_COMPANY][r] = r == R_OTHER_MUNI ? tonder : w->company;

    /* a placement and a proposal on every course; only the own course's
     * placement is at the employer contact's company */
    for (int r = R_OWN; r < NREL; r++) {
        start_meeting(w, course[r], start + 7, today);
        f->ids[ID_PLACEMENT][r] = placement(
            w, course[r],
            r == R_OWN ? w->company : r == R_OTHER_MUNI ? tonder : other_250,
            start + 14);
        f->ids[ID_PROPOSAL][r] = proposal(
            w, course[r], r == R_OTHER_MUNI ? open_550 : open_250,
            start + 10);
    }

    /* a candidate list of each municipality */
    int64_t b250 = batch(w, 250,
                         "cpr;name;activity_ready;months_unemployed\n"
                         "050565-1675;Erik Holm;ja;14\n"
                         "060660-2786;Fie Skov;ja;12\n",
                         today - 5);
    int64_t b550 = batch(w, 550,
                         "cpr;name;activity_ready;months_unemployed\n"
                         "010180-1231;Gert Lind;ja;24\n",
                         today - 5);
    for (int r = R_OWN; r < NREL; r++)
        f->ids[ID_BATCH][r] = r == R_OTHER_MUNI ? b550 : b250;

    /* users and teams: Halsnæs' (the relation's team), and Tønder's */
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    int64_t staff_550 = tu_add_user(tx, "staff.tonder",
                                    OV_ROLE_CTI_WORKER, 550, w->team_tonder);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    f->ids[ID_USER][R_OWN] = w->job;
    f->ids[ID_USER][R_SAME_TEAM] = w->social;
    f->ids[ID_USER][R_OTHER_TEAM] = w->cti_other;
    f->ids[ID_USER][R_OTHER_MUNI] = staff_550;
    f->ids[ID_TEAM][R_OWN] = w->team;
    f->ids[ID_TEAM][R_SAME_TEAM] = w->team;
    f->ids[ID_TEAM][R_OTHER_TEAM] = w->other_team;
    f->ids[ID_TEAM][R_OTHER_MUNI] = w->team_tonder;

    /* a saved economics scenario of each municipality, by its leader */
    assert_int_equal(ov_tx_begin(w->t.store, &tu_actor, &tx, &err), OV_OK);
    int64_t leader_550 =
        tu_add_user(tx, "leader.tonder", OV_ROLE_LEADER, 550, 0);
    int64_t sc250 = 0, sc550 = 0;
    assert_int_equal(ov_econ_saved_add(tx, 250, w->leader,
                                       OV_STR_LIT("Halsnæs"),
                                       OV_STR_LIT("{\"horizon\":5}"), &sc250,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_econ_saved_add(tx, 550, leader_550,
                                       OV_STR_LIT("Tønder"),
                                       OV_STR_LIT("{\"horizon\":5}"), &sc550,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
    for (int r = R_OWN; r < NREL; r++)
        f->ids[ID_SCENARIO][r] = r == R_OTHER_MUNI ? sc550 : sc250;

    for (int i = 0; i < NROLES; i++)
        session(f, f->users[i], f->token[i], f->csrf[i]);
}

/* ---- requests ---- */

/* The pattern with {id} replaced by the relation's record. */
static void path_of(const fixture *f, const char *pattern, int relation,
                    char *out, size_t cap)
{
    const char *brace = strchr(pattern, '{');
    if (!brace) {
        snprintf(out, cap, "%s", pattern);
        return;
    }
    const char *close = strchr(brace, '}');
    id_kind k = kind_of(pattern);
    assert_non_null(close);
    assert_true(k > ID_NONE && k < NKINDS);
    assert_true(relation > R_NONE && relation < NREL);
    int64_t id = f->ids[k][relation];
    assert_true(id > 0);
    snprintf(out, cap, "%.*s%lld%s", (int)(brace - pattern), pattern,
             (long long)id, close + 1);
}

static bool ends_the_session(ov_method m, const char *pattern)
{
    return (m == OV_DELETE && strcmp(pattern, "/api/v1/session") == 0) ||
           (m == OV_POST && strcmp(pattern, "/logout") == 0);
}

/* One request as the role: the session cookie and the CSRF header, an
 * empty body (wrong credentials for the log-in API). */
static int request(fixture *f, int role_i, ov_method m, const char *pattern,
                   const char *path)
{
    char own_token[OV_TOKEN_HEX], own_csrf[OV_TOKEN_HEX];
    const char *token = f->token[role_i], *csrf = f->csrf[role_i];
    if (ends_the_session(m, pattern)) {
        session(f, f->users[role_i], own_token, own_csrf);
        token = own_token;
        csrf = own_csrf;
    }
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = m;
    req.path = ov_str_c(path);
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s", token))};
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("X-CSRF-Token"),
                    ov_str_c(ov_arena_strdup(a, csrf))};
    /* a different, unknown user per role, so the slow-down for repeated
     * failures does not slow the test */
    if (m == OV_POST && strcmp(pattern, "/api/v1/session") == 0)
        req.body = ov_str_c(ov_arena_printf(
            a, "{\"username\":\"nobody%d\",\"password\":\"wrong-one\"}",
            role_i));
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web_handle(&f->app, &req, &res);
    int status = res.status;
    ov_arena_destroy(a);
    return status;
}

static const char *method_name(ov_method m)
{
    static const char *const n[] = {"GET", "POST", "PUT", "DELETE", "?"};
    return (unsigned)m <= OV_METHOD_OTHER ? n[m] : "?";
}

/* ---- the tests ---- */

static bool is_route(ov_method m, const char *pattern)
{
    for (int i = 0; i < ov_nroutes; i++)
        if (ov_routes[i].method == m &&
            strcmp(ov_routes[i].pattern, pattern) == 0)
            return true;
    return false;
}

static void every_route_has_a_row_for_every_role_and_relation(void **state)
{
    (void)state;
    int missing = 0;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *r = &ov_routes[i];
        id_kind k = kind_of(r->pattern);
        if (k == NKINDS) {
            print_error("%s %s: an {id} the matrix does not know; add its "
                        "address to id_kinds and a record for each relation "
                        "to the fixture in tests/web/test_access_matrix.c\n",
                        method_name(r->method), r->pattern);
            missing++;
            continue;
        }
        /* the address says what {id} is; the scope the route declares
         * (an action route: its action's) must agree, so the rows below
         * test what dispatch checks */
        if (k != ID_NONE) {
            ov_scope sc = ov_route_scope(r);
            bool agrees = (sc == OV_SCOPE_COURSE && k == ID_COURSE) ||
                          (sc == OV_SCOPE_PLACEMENT && k == ID_PLACEMENT) ||
                          (sc == OV_SCOPE_PROPOSAL && k == ID_PROPOSAL) ||
                          (sc == OV_SCOPE_BATCH && k == ID_BATCH) ||
                          (sc == OV_SCOPE_SCENARIO && k == ID_SCENARIO) ||
                          (sc == OV_SCOPE_MUNICIPALITY && r->action &&
                           (k == ID_COMPANY || k == ID_BATCH ||
                            k == ID_USER || k == ID_TEAM));
            if (!agrees) {
                print_error("%s %s: the declared scope (%d) does not match "
                            "what its address says {id} is\n",
                            method_name(r->method), r->pattern, (int)sc);
                missing++;
            }
        }
        int found = 0;
        for (size_t j = 0; j < NROWS; j++)
            if (matrix[j].method == r->method &&
                strcmp(matrix[j].pattern, r->pattern) == 0)
                found |= 1 << matrix[j].relation;
        int want = k == ID_NONE ? 1 << R_NONE : ALL_RELATIONS;
        if (found != want) {
            print_error("%s %s has no access-matrix row for %s; add %s to "
                        "tests/web/test_access_matrix.c\n",
                        method_name(r->method), r->pattern,
                        k == ID_NONE ? "every role" : "every relation",
                        k == ID_NONE ? "one (relation R_NONE)"
                                     : "one per relation (own, same team, "
                                       "other team, other municipality)");
            missing++;
        }
    }
    /* and no row for a route that is gone */
    for (size_t j = 0; j < NROWS; j++)
        if (!is_route(matrix[j].method, matrix[j].pattern)) {
            print_error("the matrix row %s %s names no route; remove it\n",
                        method_name(matrix[j].method), matrix[j].pattern);
            missing++;
        }
    if (missing)
        fail_msg("%d route(s) without complete access-matrix rows", missing);
}

/* The data of every table the actions write (not the audit log, not the
 * sessions), one "== table" section each, to show that the matrix's empty
 * bodies wrote nothing. */
static const char *const data_tables[] = {
    "citizen",         "municipality",      "team",
    "company",         "app_user",          "team_member",
    "course",          "course_stage_history", "course_staff",
    "meeting",         "meeting_attendee",  "assessment_item",
    "placement",       "agreement_version", "agreement_goal",
    "agreement_signoff", "hours_week",      "screening_batch",
    "candidate",       "draw",              "draw_pool",
    "draw_member",     "plan_version",      "cti_course",
    "cti_contact",     "cti_focus",         "network_person",
    "measurement",     "opening",           "match_proposal",
    "employment",      "municipality_settings", "econ_scenario"};
#define NTABLES (sizeof data_tables / sizeof data_tables[0])

static char *snapshot(const fixture *f)
{
    char sql[4096];
    size_t n = 0;
    for (size_t t = 0; t < NTABLES; t++)
        n += (size_t)snprintf(sql + n, sizeof sql - n,
                              "SELECT '== %s'; SELECT * FROM %s; ",
                              data_tables[t], data_tables[t]);
    assert_true(n < sizeof sql);
    return tu_sh_out("sqlite3 -readonly '%s' \"%s\"", f->w.t.db, sql);
}

/* The section of one table in a snapshot. */
static ov_str section(const char *snap, const char *table)
{
    char head[64];
    snprintf(head, sizeof head, "== %s\n", table);
    const char *p = strstr(snap, head);
    if (!p)
        return OV_STR_NULL;
    const char *e = strstr(p + strlen(head) - 1, "\n== ");
    return (ov_str){p, e ? (size_t)(e - p) : strlen(p)};
}

static int tables_changed(const char *before, const char *after)
{
    int changed = 0;
    for (size_t t = 0; t < NTABLES; t++) {
        ov_str b = section(before, data_tables[t]);
        ov_str a = section(after, data_tables[t]);
        if (!b.ptr || !a.ptr || !ov_str_eq(a, b)) {
            print_error("table %s changed during the matrix, whose requests "
                        "all have empty bodies\n",
                        data_tables[t]);
            changed++;
        }
    }
    return changed;
}

static void every_row_answers_as_the_matrix_says(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int checked = 0, wrong = 0;
    char *before = snapshot(f);
    for (size_t k = 0; k < NROWS; k++) {
        const row *r = &matrix[k];
        if (!is_route(r->method, r->pattern))
            continue; /* reported by the coverage test */
        char path[160];
        path_of(f, r->pattern, r->relation, path, sizeof path);
        for (int i = 0; i < NROLES; i++) {
            int got = request(f, i, r->method, r->pattern, path);
            if (got != r->status[i]) {
                print_error("%s %s (%s) as %s: expected %d, got %d\n",
                            method_name(r->method), r->pattern,
                            rel_names[r->relation], ov_role_code(roles[i]),
                            r->status[i], got);
                wrong++;
            }
            checked++;
        }
    }
    char *after = snapshot(f);
    int changed = tables_changed(before, after);
    free(before);
    free(after);
    tu_db_free(&f->w.t);
    if (wrong)
        fail_msg("%d of %d answers differ from the access matrix", wrong,
                 checked);
    if (changed)
        fail_msg("%d table(s) were written by requests that should have "
                 "written nothing", changed);
    assert_true(checked >= ov_nroutes * NROLES);
}

static ov_str header_of(const ov_response *r, const char *name)
{
    for (int i = 0; i < r->nheaders; i++)
        if (ov_str_eq_c(r->headers[i].name, name))
            return r->headers[i].value;
    return OV_STR_NULL;
}

/* Without a session: the API answers 401, a page sends the browser to the
 * log-in (303 to /login...). */
static void without_a_session_every_closed_route_answers_401(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int wrong = 0;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_route *rt = &ov_routes[i];
        if (rt->access == OV_ACCESS_PUBLIC)
            continue;
        id_kind k = kind_of(rt->pattern);
        if (k == NKINDS)
            continue; /* reported by the coverage test */
        char path[160];
        path_of(f, rt->pattern, k == ID_NONE ? R_NONE : R_OWN, path,
                sizeof path);
        ov_arena *a = ov_arena_new(0);
        ov_request req;
        memset(&req, 0, sizeof req);
        req.arena = a;
        req.method = rt->method;
        req.path = ov_str_c(path);
        ov_response res;
        ov_response_init(&res, a, 1 << 16);
        ov_web_handle(&f->app, &req, &res);
        bool api = strncmp(path, "/api/", 5) == 0;
        ov_str loc = header_of(&res, "Location");
        if (rt->access == OV_ACCESS_CALENDAR_TOKEN) {
            /* no session to ask for: without its token the address does
             * not exist */
            if (res.status != 404) {
                print_error("%s %s answered %d without a token; expected "
                            "404\n",
                            method_name(rt->method), path, res.status);
                wrong++;
            }
        } else if (api && res.status != 401) {
            print_error("%s %s answered %d without a session; expected 401\n",
                        method_name(rt->method), path, res.status);
            wrong++;
        } else if (!api && (res.status != 303 || !loc.ptr ||
                            !ov_str_starts_with(loc, OV_STR_LIT("/login")))) {
            print_error("%s %s answered %d (Location %.*s) without a session; "
                        "expected 303 to /login\n",
                        method_name(rt->method), path, res.status,
                        loc.ptr ? (int)loc.len : 1, loc.ptr ? loc.ptr : "-");
            wrong++;
        }
        ov_arena_destroy(a);
    }
    tu_db_free(&f->w.t);
    if (wrong)
        fail_msg("%d closed route(s) answered wrongly without a session",
                 wrong);
}

/* ---- ids in request bodies ----
 *
 * Every id a body carries (a team, a user, a company, an opening, a plan or
 * work-agreement version) is checked against the record it is attached
 * to. A row posts Tønder's record, as a Halsnæs caller who may do the
 * action, to the Halsnæs record the route is about (R_OWN), with a body
 * that is valid but for that id. The answer must be 404 and byte for byte
 * the answer to the same body in a world where that id does not exist:
 * the same fixture built without Tønder's extra records (they are made
 * last, so every other id is the same). Nothing may be written. Every
 * field of every action that carries an id needs a row (or an entry in
 * body_ids_not_records saying why it is not a record's id). */

typedef struct body_row {
    const ov_web_action *action;
    const char *field;
    foreign_kind what;
    /* the body, "{ID}" for the id and "{TODAY}" for today (ISO) */
    const char *json;
    const char *form;
} body_row;

static const body_row ids_in_bodies[] = {
    {&ov_act_team, "employment_caseworker", FX_USER_JOB,
     "{\"employment_caseworker\":{ID}}", "employment_caseworker={ID}"},
    {&ov_act_team, "social_caseworker", FX_USER_SOCIAL,
     "{\"social_caseworker\":{ID}}", "social_caseworker={ID}"},
    {&ov_act_team, "cti_worker", FX_USER_CTI, "{\"cti_worker\":{ID}}",
     "cti_worker={ID}"},
    {&ov_act_team, "company_consultant", FX_USER_VK,
     "{\"company_consultant\":{ID}}", "company_consultant={ID}"},
    {&ov_act_followup, "plan_version", FX_PLAN_VERSION,
     "{\"held_on\":\"{TODAY}\",\"attendees\":[\"citizen\"],"
     "\"plan_version\":{ID}}",
     "held_on={TODAY}&attendees=citizen&plan_version={ID}"},
    {&ov_act_plan, "base_version", FX_PLAN_VERSION,
     "{\"base_version\":{ID},\"job_goal\":\"Lager\"}",
     "base_version={ID}&job_goal=Lager"},
    {&ov_act_propose, "opening_id", FX_OPENING, "{\"opening_id\":{ID}}",
     "opening_id={ID}"},
    {&ov_act_placement, "company_id", FX_COMPANY,
     "{\"type\":\"internship\",\"company_id\":{ID},\"start\":\"{TODAY}\","
     "\"weekly_hours\":15}",
     "type=internship&company_id={ID}&start={TODAY}&weekly_hours=15"},
    {&ov_act_agreement, "base_version", FX_AGREEMENT_VERSION,
     "{\"base_version\":{ID},\"internship_hours\":15,\"ordinary_hours\":0,"
     "\"review_date\":\"{TODAY}\"}",
     "base_version={ID}&internship_hours=15&ordinary_hours=0&"
     "review_date={TODAY}"},
    /* posted as the citizen, who signs their own (post_as) */
    {&ov_act_sign, "version", FX_AGREEMENT_VERSION, "{\"version\":{ID}}",
     "version={ID}"},
    {&ov_act_draw, "team_id", FX_TEAM, "{\"count\":1,\"team_id\":{ID}}",
     "count=1&team_id={ID}"},
    /* the administrator's (posted as the administrator, post_as) */
    {&ov_act_user_create, "team_ids.*", FX_TEAM,
     "{\"username\":\"ny.bruger\",\"full_name\":\"Ny Bruger\","
     "\"role\":\"cti_worker\",\"team_ids\":[{ID}]}",
     "username=ny.bruger&full_name=Ny+Bruger&role=cti_worker&"
     "team_ids.{ID}={ID}"},
    {&ov_act_user_update, "team_ids.*", FX_TEAM,
     "{\"full_name\":\"Ny Bruger\",\"role\":\"cti_worker\","
     "\"team_ids\":[{ID}]}",
     "full_name=Ny+Bruger&role=cti_worker&team_ids.{ID}={ID}"},
    {&ov_act_team_member, "user_id", FX_USER_CTI,
     "{\"user_id\":{ID},\"change\":\"add\"}", "user_id={ID}&change=add"},
    /* the citizen's (posted as the citizen, post_as): a version only
     * another course's plan has */
    {&ov_act_plan_comment, "version", FX_PLAN_VERSION,
     "{\"version\":{ID},\"text\":\"Uenig\",\"agrees\":false}",
     "version={ID}&text=Uenig&agrees=false"},
    {&ov_act_note, "corrects", FX_NOTE,
     "{\"date\":\"{TODAY}\",\"subject\":\"Ret\",\"text\":\"Rettet\","
     "\"corrects\":{ID}}",
     "date={TODAY}&subject=Ret&text=Rettet&corrects={ID}"},
};
#define NBODY (sizeof ids_in_bodies / sizeof ids_in_bodies[0])

/* Fields that look like ids but name no record of their own. */
static const struct {
    const ov_web_action *action;
    const char *field;
    const char *why;
} body_ids_not_records[] = {
    {&ov_act_plan, "goals.*.id",
     "numbers goals inside the plan's own content (ov_plan_validate)"},
    {&ov_act_plan, "goals.*.subgoals.*.id", "as goals.*.id"},
    {&ov_act_plan, "goals.*.subgoals.*.activities.*.id", "as goals.*.id"},
};

/* Whether a field of an action carries an id: an integer (or hidden)
 * field named like an id or a version, or after a role (the team). */
static bool carries_an_id(const ov_field *fd)
{
    if (fd->type != OV_F_INT && fd->type != OV_F_HIDDEN)
        return false;
    size_t n = strlen(fd->name);
    ov_role r;
    ov_err err;
    return (n >= 2 && strcmp(fd->name + n - 2, "id") == 0) ||
           (n >= 6 && strcmp(fd->name + n - 6, "_ids.*") == 0) ||
           (n >= 7 && strcmp(fd->name + n - 7, "version") == 0) ||
           ov_role_parse(ov_str_c(fd->name), fd->name, &r, &err) == OV_OK;
}

static void every_id_in_a_body_has_a_foreign_id_row(void **state)
{
    (void)state;
    int missing = 0, ids = 0;
    for (int i = 0; i < ov_nroutes; i++) {
        const ov_web_action *a = ov_routes[i].action;
        bool first = true; /* each action once */
        for (int j = 0; j < i && first; j++)
            first = ov_routes[j].action != a;
        if (!a || !first)
            continue;
        for (int k = 0; k < a->nspec; k++) {
            const ov_field *fd = &a->spec[k];
            if (!carries_an_id(fd))
                continue;
            ids++;
            bool covered = false;
            for (size_t r = 0; r < NBODY && !covered; r++)
                covered = ids_in_bodies[r].action == a &&
                          strcmp(ids_in_bodies[r].field, fd->name) == 0;
            for (size_t r = 0; r < sizeof body_ids_not_records /
                                       sizeof body_ids_not_records[0] &&
                               !covered;
                 r++)
                covered = body_ids_not_records[r].action == a &&
                          strcmp(body_ids_not_records[r].field, fd->name) ==
                              0;
            if (!covered) {
                print_error("action %s: the body field %s carries an id but "
                            "has no row in ids_in_bodies "
                            "(tests/web/test_access_matrix.c); add one that "
                            "posts another municipality's record\n",
                            a->name, fd->name);
                missing++;
            }
        }
    }
    /* and no row for a field that is gone */
    for (size_t r = 0; r < NBODY; r++) {
        bool found = false;
        for (int k = 0; k < ids_in_bodies[r].action->nspec && !found; k++)
            found = strcmp(ids_in_bodies[r].action->spec[k].name,
                           ids_in_bodies[r].field) == 0;
        if (!found) {
            print_error("ids_in_bodies names %s.%s, which the action does "
                        "not have; remove the row\n",
                        ids_in_bodies[r].action->name,
                        ids_in_bodies[r].field);
            missing++;
        }
    }
    if (missing)
        fail_msg("%d id field(s) in bodies without a foreign-id row",
                 missing);
    assert_true(ids >= (int)NBODY);
}

/* A valid CVR number (modulus 11) no other record of the fixture has. */
#define CVR_TONDER_2 "33333331"

static void save_plan(tu_world *w, int64_t course, int base)
{
    ov_plan p;
    memset(&p, 0, sizeof p);
    p.job_goal = OV_STR_LIT("Lagerarbejde");
    int v;
    ov_tx *tx = begin(w);
    ov_err err;
    ov_status st = ov_plan_save(tx, course, base, &p, true, OV_STR_LIT(""), &v,
                                &err);
    commit(tx, st, &err, "plan");
}

static void save_agreement(tu_world *w, int64_t placement_id, int base,
                           ov_date review)
{
    ov_agreement a;
    memset(&a, 0, sizeof a);
    a.internship_hours_x10 = 150;
    a.tasks = OV_STR_LIT("Pluk og pak");
    a.ngoals = 1;
    a.goals[0] = (ov_agreement_goal){OV_STR_LIT("2 ordinære timer"), false};
    a.review_date = review;
    int v;
    ov_tx *tx = begin(w);
    ov_err err;
    ov_status st = ov_agreement_save(tx, placement_id, base, &a, &v, &err);
    commit(tx, st, &err, "agreement");
}

/* The matrix's fixture, the own course's plan (version 1) and the own
 * placement's work agreement (version 1); with `tonder`, then Tønder's
 * records for ids_in_bodies: a team with one user of each frontline role,
 * a company with an opening, a second plan version and a second agreement
 * version on Tønder's course and placement. */
static void setup_bodies(fixture *f, bool tonder)
{
    setup(f);
    tu_world *w = &f->w;
    ov_date today = ov_today_cph();
    save_plan(w, f->ids[ID_COURSE][R_OWN], 0);
    save_agreement(w, f->ids[ID_PLACEMENT][R_OWN], 0, today + 30);
    f->foreign[FX_PLAN_VERSION] = 2;
    f->foreign[FX_AGREEMENT_VERSION] = 2;
    if (!tonder)
        return;
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t team = 0;
    ov_status st = ov_org_team_create(tx, 550, OV_STR_LIT("Team Syd"), &team,
                                      &err);
    commit(tx, st, &err, "Tønder team");
    f->foreign[FX_TEAM] = team;
    tx = begin(w);
    f->foreign[FX_USER_JOB] =
        tu_add_user(tx, "job.550", OV_ROLE_EMPLOYMENT_CASEWORKER, 550, team);
    f->foreign[FX_USER_SOCIAL] =
        tu_add_user(tx, "social.550", OV_ROLE_SOCIAL_CASEWORKER, 550, team);
    f->foreign[FX_USER_CTI] =
        tu_add_user(tx, "cti.550", OV_ROLE_CTI_WORKER, 550, team);
    f->foreign[FX_USER_VK] =
        tu_add_user(tx, "vk.550", OV_ROLE_COMPANY_CONSULTANT, 550, team);
    commit(tx, OV_OK, &err, "Tønder staff");
    f->foreign[FX_COMPANY] =
        company(w, CVR_TONDER_2, "Tønder Tømrer ApS", 550, 6270);
    f->foreign[FX_OPENING] = opening(w, f->foreign[FX_COMPANY]);
    save_plan(w, f->ids[ID_COURSE][R_OTHER_MUNI], 0);
    save_plan(w, f->ids[ID_COURSE][R_OTHER_MUNI], 1);
    save_agreement(w, f->ids[ID_PLACEMENT][R_OTHER_MUNI], 0, today + 30);
    save_agreement(w, f->ids[ID_PLACEMENT][R_OTHER_MUNI], 1, today + 30);
    ov_note n = {today, OV_STR_LIT("Samtale"), OV_STR_LIT("Tønders notat"), 0};
    tx = begin(w);
    st = ov_note_add(tx, f->ids[ID_COURSE][R_OTHER_MUNI], &n, today,
                     &f->foreign[FX_NOTE], &err);
    commit(tx, st, &err, "Tønder note");
}

/* `tmpl` with {ID} and {TODAY} filled in, in the arena. */
static const char *fill(ov_arena *a, const char *tmpl, int64_t id)
{
    char today[OV_DATE_BUF], num[24];
    ov_date_format_iso(ov_today_cph(), today);
    snprintf(num, sizeof num, "%lld", (long long)id);
    ov_buf b;
    ov_buf_init(&b, a, 4096);
    for (const char *p = tmpl; *p;) {
        if (strncmp(p, "{ID}", 4) == 0) {
            ov_buf_append_c(&b, num);
            p += 4;
        } else if (strncmp(p, "{TODAY}", 7) == 0) {
            ov_buf_append_c(&b, today);
            p += 7;
        } else {
            ov_buf_printf(&b, "%c", *p++);
        }
    }
    ov_str out = ov_buf_str(&b);
    return ov_arena_printf(a, "%.*s", (int)out.len, out.ptr);
}

/* POST the body as the jobcentre caseworker (roles[0], who may do every
 * action with an id in its body); the answer's status, and its body with
 * the session's CSRF token (which differs between fixtures) masked, in a
 * malloc'd string. */
static char *post_body(fixture *f, const char *path, bool api,
                       const char *body, int *status, int as)
{
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_POST;
    req.path = ov_str_c(path);
    req.body = ov_str_c(body);
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s",
                                             f->token[as]))};
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("X-CSRF-Token"),
                    ov_str_c(ov_arena_strdup(a, f->csrf[as]))};
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Content-Type"),
                    api ? OV_STR_LIT("application/json")
                        : OV_STR_LIT("application/x-www-form-urlencoded")};
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web_handle(&f->app, &req, &res);
    *status = res.status;
    ov_str out = ov_buf_str(&res.body);
    char *text = malloc(out.len + 1);
    assert_non_null(text);
    memcpy(text, out.ptr, out.len);
    text[out.len] = '\0';
    size_t tl = strlen(f->csrf[as]);
    for (char *p = strstr(text, f->csrf[as]); p; p = strstr(p + tl, f->csrf[as]))
        memset(p, 'x', tl);
    /* clock times ("15:12"): the two fixtures are made one after the
     * other, and a minute can turn between them (a plan version's time
     * on the citizen's page differed once under ASan) */
    for (char *p = text; p[0] && p[1] && p[2] && p[3] && p[4]; p++)
        if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
            p[2] == ':' && isdigit((unsigned char)p[3]) &&
            isdigit((unsigned char)p[4]))
            p[0] = p[1] = p[3] = p[4] = 'x';
    ov_arena_destroy(a);
    return text;
}

static void another_municipalitys_id_in_a_body_answers_as_a_missing_one(
    void **state)
{
    (void)state;
    static fixture with, without;
    setup_bodies(&with, true);
    setup_bodies(&without, false);
    char *before_with = snapshot(&with), *before_without = snapshot(&without);
    int checked = 0, wrong = 0;
    for (size_t r = 0; r < NBODY; r++) {
        const body_row *b = &ids_in_bodies[r];
        int64_t id = with.foreign[b->what];
        assert_true(id > 0);
        for (int i = 0; i < ov_nroutes; i++) {
            const ov_route *rt = &ov_routes[i];
            if (rt->action != b->action || rt->method != OV_POST)
                continue;
            bool api = strncmp(rt->pattern, "/api/", 5) == 0;
            char path[160];
            path_of(&with, rt->pattern, R_OWN, path, sizeof path);
            ov_arena *a = ov_arena_new(0);
            const char *body = fill(a, api ? b->json : b->form, id);
            int sf, sm;
            /* the jobcentre caseworker may do every action with an id in
             * its body but the administrator's */
            int as = b->action->op == OV_OP_USER_ADMIN   ? 5
                     : b->action->op == OV_OP_SIGN       ? 7
                     : b->action->op == OV_OP_OWN_COURSE ? 7
                                                         : 0;
            char *foreign = post_body(&with, path, api, body, &sf, as);
            char *missing = post_body(&without, path, api, body, &sm, as);
            checked++;
            if (sf != 404 || sm != 404 || strcmp(foreign, missing) != 0) {
                print_error("POST %s with %s = %lld (Tønder's): %d %.300s\n"
                            "  the same where %lld does not exist: %d "
                            "%.300s\n",
                            path, b->field, (long long)id, sf, foreign,
                            (long long)id, sm, missing);
                wrong++;
            }
            free(foreign);
            free(missing);
            ov_arena_destroy(a);
        }
    }
    char *after_with = snapshot(&with), *after_without = snapshot(&without);
    int changed = tables_changed(before_with, after_with) +
                  tables_changed(before_without, after_without);
    free(before_with);
    free(before_without);
    free(after_with);
    free(after_without);
    tu_db_free(&with.w.t);
    tu_db_free(&without.w.t);
    if (wrong)
        fail_msg("%d of %d posts of another municipality's id did not "
                 "answer exactly as a missing id",
                 wrong, checked);
    if (changed)
        fail_msg("%d table(s) were written by posts of ids that are not "
                 "the caller's municipality's",
                 changed);
    assert_true(checked >= (int)NBODY * 2);
}

/* F10: each municipality keeps its own company register. Tønder
 * registers the CVR number Halsnæs registered (w->company): it is
 * registered, and the answer names nothing of Halsnæs'. */
static void a_cvr_another_municipality_registered_can_be_registered_again(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    ov_tx *tx = begin(&f->w);
    ov_err err;
    int64_t admin550 =
        tu_add_user(tx, "admin.550", OV_ROLE_ADMINISTRATOR, 550, 0);
    commit(tx, OV_OK, &err, "Tønder administrator");
    /* the administrator of Tønder, in place of Halsnæs' job caseworker */
    session(f, admin550, f->token[0], f->csrf[0]);
    int status;
    char *out = post_body(f, "/api/v1/companies", true,
                          "{\"cvr\":\"12345674\",\"name\":\"Lager ApS\"}",
                          &status, 0);
    assert_int_equal(status, 200);
    char want[64];
    snprintf(want, sizeof want, "{\"id\":%lld}", (long long)f->w.company);
    assert_string_not_equal(out, want);
    free(out);
    /* a second time in Tønder: a conflict that names Tønder's company */
    out = post_body(f, "/api/v1/companies", true,
                    "{\"cvr\":\"12345674\",\"name\":\"Lager ApS\"}", &status, 0);
    assert_int_equal(status, 409);
    snprintf(want, sizeof want, "(company %lld)", (long long)f->w.company);
    assert_null(strstr(out, want));
    assert_non_null(strstr(out, "already registered in your municipality"));
    free(out);
    /* the form says so in Danish */
    out = post_body(f, "/virksomheder", false,
                    "cvr=12345674&name=Lager+ApS", &status, 0);
    assert_int_equal(status, 409);
    assert_non_null(strstr(out, "CVR-nummer 12345674 er allerede registreret "
                                "i din kommune"));
    free(out);
    tu_db_free(&f->w.t);
}

/* GET path?query as role i: the status and the body (malloc'd). */
static char *get_query(fixture *f, int role_i, const char *path,
                       const char *query, int *status)
{
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_GET;
    req.path = ov_str_c(path);
    req.query = ov_str_c(query);
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s",
                                             f->token[role_i]))};
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web_handle(&f->app, &req, &res);
    *status = res.status;
    ov_str out = ov_buf_str(&res.body);
    char *text = malloc(out.len + 1);
    assert_non_null(text);
    memcpy(text, out.ptr, out.len);
    text[out.len] = '\0';
    ov_arena_destroy(a);
    return text;
}

/* A copy of the body with every occurrence of the decimal id replaced by
 * "ID" (malloc'd; the body is freed). */
static char *blank_id(char *text, int64_t id)
{
    char d[32];
    snprintf(d, sizeof d, "%lld", (long long)id);
    size_t n = strlen(d);
    char *out = malloc(2 * strlen(text) + 1);
    assert_non_null(out);
    size_t o = 0;
    for (const char *p = text; *p;) {
        if (strncmp(p, d, n) == 0) {
            memcpy(out + o, "ID", 2);
            o += 2;
            p += n;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    free(text);
    return out;
}

/* ---- signing a work agreement (issue 14) ----
 *
 * Each party signs in their own log-in, for themselves only: the citizen
 * cannot sign another citizen's agreement (404) or as the employer (403),
 * the employer contact cannot sign another company's (404) or as the
 * citizen (403), no caseworker signs for anyone (403), and the consultant
 * records paper but cannot sign as the employer in the system (403). A
 * version that does not exist is 404, a superseded one or a second
 * signature 409. A refusal writes nothing. */

static int signoff_rows(const fixture *f)
{
    char *out = tu_sh_out("sqlite3 -readonly '%s' 'SELECT count(*) FROM "
                          "agreement_signoff'",
                          f->w.t.db);
    int n = atoi(out);
    free(out);
    return n;
}

static void each_party_signs_the_agreement_only_in_their_own_log_in(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup_bodies(f, false); /* the own placement's agreement, version 1 */
    char own[96], other[96], today[OV_DATE_BUF];
    snprintf(own, sizeof own, "/api/v1/placements/%lld/signoffs",
             (long long)f->ids[ID_PLACEMENT][R_OWN]);
    /* a placement of another citizen, at another company */
    snprintf(other, sizeof other, "/api/v1/placements/%lld/signoffs",
             (long long)f->ids[ID_PLACEMENT][R_SAME_TEAM]);
    save_agreement(&f->w, f->ids[ID_PLACEMENT][R_SAME_TEAM], 0,
                   ov_today_cph() + 30);
    ov_date_format_iso(ov_today_cph(), today);
    enum { JOB = 0, SOCIAL = 1, CTI = 2, VK = 3, LEADER = 4, ADMIN = 5,
           CITIZEN = 7, EMPLOYER = 8 };
    const struct {
        const char *what;
        int as;
        bool other;
        const char *body;
        int status;
        int rows_after;
    } steps[] = {
        {"the jobcentre caseworker signs", JOB, false, "{\"version\":1}",
         403, 0},
        {"the jobcentre caseworker signs for the citizen", JOB, false,
         "{\"version\":1,\"party\":\"citizen\"}", 403, 0},
        {"the social caseworker signs", SOCIAL, false, "{\"version\":1}",
         403, 0},
        {"the CTI worker signs", CTI, false, "{\"version\":1}", 403, 0},
        {"the leader signs", LEADER, false, "{\"version\":1}", 403, 0},
        {"the administrator signs", ADMIN, false, "{\"version\":1}", 403, 0},
        {"the citizen signs another citizen's", CITIZEN, true,
         "{\"version\":1}", 404, 0},
        {"the citizen signs as the employer", CITIZEN, false,
         "{\"version\":1,\"party\":\"employer\"}", 403, 0},
        {"the citizen records paper", CITIZEN, false,
         "{\"version\":1,\"party\":\"citizen\",\"on_paper\":true,"
         "\"paper_date\":\"{TODAY}\"}",
         403, 0},
        {"the employer signs another company's", EMPLOYER, true,
         "{\"version\":1}", 404, 0},
        {"the employer signs as the citizen", EMPLOYER, false,
         "{\"version\":1,\"party\":\"citizen\"}", 403, 0},
        {"the consultant signs as the employer in the system", VK, false,
         "{\"version\":1,\"party\":\"employer\"}", 403, 0},
        {"the consultant records their own signature on paper", VK, false,
         "{\"version\":1,\"party\":\"consultant\",\"on_paper\":true,"
         "\"paper_date\":\"{TODAY}\"}",
         400, 0},
        {"the citizen signs a version that does not exist", CITIZEN, false,
         "{\"version\":2}", 404, 0},
        {"the citizen signs", CITIZEN, false, "{\"version\":1}", 200, 1},
        {"the citizen signs twice", CITIZEN, false, "{\"version\":1}", 409,
         1},
        {"the employer signs", EMPLOYER, false, "{\"version\":1}", 200, 2},
        {"the consultant records the citizen's paper after the citizen "
         "signed", VK, false,
         "{\"version\":1,\"party\":\"citizen\",\"on_paper\":true,"
         "\"paper_date\":\"{TODAY}\"}",
         409, 2},
        {"the consultant signs", VK, false, "{\"version\":1}", 200, 3},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        ov_arena *a = ov_arena_new(0);
        const char *body = fill(a, steps[i].body, 0);
        int st;
        char *out = post_body(f, steps[i].other ? other : own, true, body,
                              &st, steps[i].as);
        int rows = signoff_rows(f);
        if (st != steps[i].status || rows != steps[i].rows_after)
            fail_msg("%s: %d (expected %d), %d signatures (expected %d): "
                     "%.300s",
                     steps[i].what, st, steps[i].status, rows,
                     steps[i].rows_after, out);
        free(out);
        ov_arena_destroy(a);
    }
    (void)today;
    /* a new version: the old signatures do not count for it, a signature
     * of the old one is stale, and the consultant records the employer's
     * paper signature of the new one */
    save_agreement(&f->w, f->ids[ID_PLACEMENT][R_OWN], 1,
                   ov_today_cph() + 40);
    ov_arena *a = ov_arena_new(0);
    int st;
    char *out = post_body(f, own, true, "{\"version\":1}", &st, CITIZEN);
    assert_int_equal(st, 409);
    assert_non_null(strstr(out, "superseded by version 2"));
    free(out);
    out = post_body(f, own, true,
                    fill(a,
                         "{\"version\":2,\"party\":\"employer\","
                         "\"on_paper\":true,\"paper_date\":\"{TODAY}\"}",
                         0),
                    &st, VK);
    assert_int_equal(st, 200);
    free(out);
    ov_arena_destroy(a);
    char *rows = tu_sh_out(
        "sqlite3 -readonly '%s' \"SELECT version, signer, way, signed_by, "
        "signer_name, coalesce(recorded_by_name, '-'), "
        "length(content_hash) FROM agreement_signoff ORDER BY version, "
        "signer\"",
        f->w.t.db);
    assert_string_equal(rows, "1|citizen|system|borger|Anna|-|32\n"
                              "1|consultant|system|vk|vk|-|32\n"
                              "1|employer|system|arbejdsgiver|Lager|-|32\n"
                              "2|employer|paper|vk|Frederiksværk Lager ApS|vk|32\n");
    free(rows);
    /* the hashes of one version agree; another version's differ */
    rows = tu_sh_out("sqlite3 -readonly '%s' \"SELECT count(DISTINCT "
                     "hex(content_hash)) FROM agreement_signoff\"",
                     f->w.t.db);
    assert_string_equal(rows, "2\n");
    free(rows);
    tu_db_free(&f->w.t);
}

static void indicators_of_another_municipalitys_team_or_staff_answer_as_missing(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    ov_tx *tx = begin(&f->w);
    int64_t cti_tonder =
        tu_add_user(tx, "cti.toender", OV_ROLE_CTI_WORKER, 550,
                    f->w.team_tonder);
    commit(tx, OV_OK, NULL, "a CTI worker in Tønder");
    char *before = snapshot(f);
    static const struct {
        const char *param;
        int64_t missing;
    } probes[] = {{"team", 987654}, {"staff", 987655}};
    for (int role_i = 0; role_i <= 5; role_i++)
        for (size_t k = 0; k < 2; k++) {
            int64_t foreign = k == 0 ? f->w.team_tonder : cti_tonder;
            char q1[64], q2[64];
            snprintf(q1, sizeof q1, "%s=%lld", probes[k].param,
                     (long long)foreign);
            snprintf(q2, sizeof q2, "%s=%lld", probes[k].param,
                     (long long)probes[k].missing);
            int s1, s2;
            char *b1 = get_query(f, role_i, "/api/v1/indicators", q1, &s1);
            char *b2 = get_query(f, role_i, "/api/v1/indicators", q2, &s2);
            assert_int_equal(s1, 404);
            assert_int_equal(s2, 404);
            b1 = blank_id(b1, foreign);
            b2 = blank_id(b2, probes[k].missing);
            assert_string_equal(b1, b2);
            free(b1);
            free(b2);
        }
    /* staff: their own team's figures, not another team's or colleague's */
    char q[64];
    int st;
    snprintf(q, sizeof q, "team=%lld", (long long)f->w.team);
    free(get_query(f, 0, "/api/v1/indicators", q, &st));
    assert_int_equal(st, 200);
    snprintf(q, sizeof q, "team=%lld", (long long)f->w.other_team);
    free(get_query(f, 0, "/api/v1/indicators", q, &st));
    assert_int_equal(st, 403);
    free(get_query(f, 4, "/api/v1/indicators", q, &st)); /* the leader */
    assert_int_equal(st, 200);
    snprintf(q, sizeof q, "staff=%lld", (long long)f->w.cti_other);
    free(get_query(f, 0, "/api/v1/indicators", q, &st));
    assert_int_equal(st, 403);
    /* bad input: a clear 400 naming the field */
    char *b = get_query(f, 4, "/api/v1/indicators",
                        "from=2026-02-01&to=2026-01-01", &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(b, "\"field\":\"to\""));
    assert_non_null(strstr(b, "before it begins"));
    free(b);
    b = get_query(f, 4, "/api/v1/indicators", "from=2026-13-01", &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(b, "\"field\":\"from\""));
    free(b);
    b = get_query(f, 4, "/api/v1/indicators", "from=2026-01-01&to=2026-12-31",
                  &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(b, "\"municipality\":250"));
    assert_non_null(strstr(b, "\"id\":\"cti_caseload_max\""));
    assert_non_null(strstr(b, "\"attention\":[")); /* filled: ui_board.c */
    free(b);
    char *after = snapshot(f);
    assert_int_equal(tables_changed(before, after), 0);
    free(before);
    free(after);
    tu_db_free(&f->w.t);
}

int main(void)
{
    ov_log_set_level(OV_LOG_ERROR); /* the failed log-ins are expected */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_route_has_a_row_for_every_role_and_relation),
        cmocka_unit_test(every_row_answers_as_the_matrix_says),
        cmocka_unit_test(without_a_session_every_closed_route_answers_401),
        cmocka_unit_test(every_id_in_a_body_has_a_foreign_id_row),
        cmocka_unit_test(
            each_party_signs_the_agreement_only_in_their_own_log_in),
        cmocka_unit_test(
            another_municipalitys_id_in_a_body_answers_as_a_missing_one),
        cmocka_unit_test(
            a_cvr_another_municipality_registered_can_be_registered_again),
        cmocka_unit_test(
            indicators_of_another_municipalitys_team_or_staff_answer_as_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
