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
 *
 * What {id} is, and which record stands for each relation, follows from
 * the route's address (id_kinds below; for actions it must agree with the
 * action's scope).
 */
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
#include "store/match.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/screening.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
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
#define OWN_LOG {403, 403, 403, 403, 403, 403, 403, 200, 403}
#define EMPLOYER_ONLY {403, 403, 403, 403, 403, 403, 403, 403, 200}
/* home: a redirect to one's start page; the national analyst has none
 * (no person-level data) and gets the welcome page */
#define HOME {303, 303, 303, 303, 303, 303, 200, 303, 303}

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
    {OV_GET, "/api/v1/me/access-log", R_NONE, OWN_LOG},
    {OV_GET, "/min-adgangslog", R_NONE, OWN_LOG},
    {OV_GET, "/min-adgangslog.csv", R_NONE, OWN_LOG},
    {OV_GET, "/api/v1/audit", R_NONE, AUDIT},
    {OV_GET, "/revision", R_NONE, AUDIT},
    {OV_GET, "/api/v1/me/agreements", R_NONE, EMPLOYER_ONLY},
    {OV_GET, "/arbejdsaftaler", R_NONE, EMPLOYER_ONLY},

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

    /* ---- one course: course_write ---- */
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

    /* ---- one proposal: the answer (match) ---- */
    MP4("/api/v1/proposals/{id}/answer"),
    MP4("/forslag/{id}/svar"),

    /* ---- one placement ---- */
    REL4(OV_GET, "/api/v1/placements/{id}", SEE_OWN_EMPLOYER, SEE_TEAM,
         SEE_OTHER, NONE),
    REL4(OV_GET, "/virksomhedsforloeb/{id}", SEE_OWN_EMPLOYER, SEE_TEAM,
         SEE_OTHER, NONE),
    MP4("/api/v1/placements/{id}/agreement"),
    MP4("/virksomhedsforloeb/{id}/aftale"),
    MP4("/api/v1/placements/{id}/signoffs"),
    MP4("/virksomhedsforloeb/{id}/underskrift"),
    MP4("/api/v1/placements/{id}/hours"),
    MP4("/virksomhedsforloeb/{id}/timer"),

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
};
#define NROWS (sizeof matrix / sizeof matrix[0])

/* ---- the fixture ---- */

typedef struct fixture {
    tu_world w;
    ov_web app;
    int64_t users[NROLES];
    /* one session per role, for every request that does not end it */
    char token[NROLES][OV_TOKEN_HEX];
    char csrf[NROLES][OV_TOKEN_HEX];
    int64_t ids[NKINDS][NREL]; /* by id_kind and relation */
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
        /* the address says what {id} is; an action's scope must agree */
        if (r->action && k != ID_NONE) {
            ov_scope sc = r->action->scope;
            bool agrees = (sc == OV_SCOPE_COURSE && k == ID_COURSE) ||
                          (sc == OV_SCOPE_PLACEMENT && k == ID_PLACEMENT) ||
                          (sc == OV_SCOPE_PROPOSAL && k == ID_PROPOSAL) ||
                          (sc == OV_SCOPE_MUNICIPALITY &&
                           (k == ID_COMPANY || k == ID_BATCH));
            if (!agrees) {
                print_error("%s %s: the action's scope (%d) does not match "
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
    "employment",      "municipality_settings"};
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
        if (api && res.status != 401) {
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

int main(void)
{
    ov_log_set_level(OV_LOG_ERROR); /* the failed log-ins are expected */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_route_has_a_row_for_every_role_and_relation),
        cmocka_unit_test(every_row_answers_as_the_matrix_says),
        cmocka_unit_test(without_a_session_every_closed_route_answers_401),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
