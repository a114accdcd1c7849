/*
 * access.h - who may see a course (DOMAIN.md "Actors"; issue 4).
 *
 *  - frontline staff: courses of their own municipality whose team they
 *    are on;
 *  - leaders and administrators: every course of their municipality;
 *  - the national analyst: no person-level data at all;
 *  - a citizen: only their own course(s);
 *  - an employer contact: no course; only the work agreements of
 *    placements at their company (a separate rule).
 * A course the caller may not see is answered as not found, so ids cannot
 * be probed.
 *
 * Every rule of who may see and do what lives here: the web routes
 * declare the ov_op they need (src/web/routes.c) and dispatch asks these
 * functions; no handler checks a role by hand.
 */
#ifndef OV_MODEL_ACCESS_H
#define OV_MODEL_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "model/actor.h"

typedef struct ov_viewer {
    int64_t user_id;
    ov_role role;
    int municipality_code;
    int64_t citizen_id;  /* role citizen */
    int64_t company_id;  /* role employer */
} ov_viewer;

typedef struct ov_course_scope {
    int municipality_code;
    int64_t citizen_id;
    bool viewer_on_team;  /* the viewer is a member of the course's team */
} ov_course_scope;

bool ov_may_see_course(const ov_viewer *v, const ov_course_scope *c);
/* May the viewer list courses at all (person-level data)? */
bool ov_may_list_courses(const ov_viewer *v);

/* What a caller wants to do. Reading a course needs ov_may_see_course;
 * everything that changes data also needs ov_may_do for the role (a
 * leader sees every course of the municipality but changes none). */
typedef enum ov_op {
    OV_OP_NONE = -1,        /* nothing to check (public and session routes) */
    OV_OP_COURSE_WRITE = 0, /* meetings, plan, measurements, end */
    OV_OP_MATCH,            /* suggestions, proposals, answers */
    OV_OP_PLACEMENT,        /* placements, work agreements, hours log */
    OV_OP_CTI,              /* start CTI, focus areas, network */
    OV_OP_CTI_CONTACT,      /* log a CTI contact */
    OV_OP_COMPANY,          /* register companies and openings */
    OV_OP_SCREENING,        /* import candidates, exclude, draw */
    OV_OP_AUDIT_VIEW,       /* the municipality's audit log */
    /* reads */
    OV_OP_COURSE_READ,      /* one course and what hangs on it (which
                             * course: ov_may_see_course) */
    OV_OP_COURSE_LIST,      /* lists of courses and of tasks */
    OV_OP_PLACEMENT_READ,   /* one placement (which: ov_may_see_placement) */
    OV_OP_AGREEMENT_LIST,   /* an employer contact's work agreements */
    OV_OP_OWN_LOG,          /* a citizen's own access log */
    OV_OP_COMPANY_READ,     /* the municipality's companies and openings */
    OV_OP_INDICATORS,       /* fidelity, results and caseload figures
                             * (which: ov_may_see_indicators) */
    OV_OP_BOARD_DRILL,      /* the courses behind a figure on the board,
                             * and the courses that need attention */
    OV_OP_NATIONAL,         /* every municipality's figures side by side,
                             * suppressed, never a person (issue 12) */
    OV_OP_USER_ADMIN,       /* the municipality's users and teams */
    OV_OP_JOURNAL_READ,     /* the course journal: the staff's record of
                             * the course (not the citizen, issue 13) */
    OV_OP_JOURNAL_NOTE,     /* add a journal note (notatpligt) */
    OV_OP_CALENDAR,         /* the caller's calendar feed and its secret
                             * address (the courses they are named on; a
                             * citizen's: their own course) */
    OV_OP_CITIZEN_SEARCH,   /* find a citizen by name or CPR number among
                             * the courses the caller may see */
    OV_OP_OCCUPATIONS,      /* search the DISCO-08 occupation list (the
                             * staff who choose an occupation) */
    OV_OP_SIGN,             /* sign a work agreement as one's own party
                             * (which: ov_sign_party), or record a
                             * signature on paper (ov_may_record_paper) */
    OV_OP_HOURS_CONFIRM,    /* the employer contact confirms, corrects or
                             * enters a week of hours (issue 14) */
    OV_OP_OWN_AGREEMENT,    /* a citizen's own work agreements */
    OV_OP_OWN_DATA,         /* a citizen's own questionnaires, proposals
                             * and the download of their data (issue 14) */
    OV_OP_PROPOSAL_ANSWER,  /* record the answer to a match proposal: the
                             * citizen their own, the matching staff for
                             * them (which: ov_may_see_course) */
    OV_OP_OWN_COURSE,       /* a citizen's own home "Mit forløb" and their
                             * comments on their plan (issue 14) */
    OV_OP_ECONOMICS,        /* the business case and its saved scenarios:
                             * a leader's of their municipality, the
                             * national analyst's national ones (issue 15) */
    OV_OP_COUNT
} ov_op;

const char *ov_op_code(ov_op op);
/* The role may perform the operation (within what it may see). The
 * operations on one's own records need that record: OWN_LOG, OWN_COURSE
 * and a citizen's CALENDAR a citizen id, AGREEMENT_LIST a company. */
bool ov_may_do(const ov_viewer *v, ov_op op);
/* Why a caller who may not do op is refused, for the error message
 * (English; "your role ..."). */
const char *ov_op_refusal(ov_op op);

/* A placement: its course, and the company it is at. */
typedef struct ov_placement_scope {
    ov_course_scope course;
    int64_t company_id;
} ov_placement_scope;

/* The employer rule: an employer contact sees the placements at their own
 * company (their work agreements) and nothing else; everyone else sees a
 * placement when they may see its course. */
bool ov_may_see_placement(const ov_viewer *v, const ov_placement_scope *p);
/* Does the viewer see all of a placement they may see (the hours log, the
 * way back to the course), or only its work agreement (an employer
 * contact)? */
bool ov_sees_whole_placement(const ov_viewer *v);

/* Who signs a work agreement as which party (issue 14): each party in
 * their own log-in, never one for another. */
typedef struct ov_sign_scope {
    int64_t citizen_id;    /* the citizen of the placement's course */
    int64_t company_id;    /* the placement's company */
    int64_t consultant_id; /* the user named company consultant on the
                            * course; 0 when none is named */
} ov_sign_scope;
/* The party (model/placement.h ov_signer) the viewer signs as in their own
 * log-in: the course's citizen as the citizen, an employer contact of the
 * placement's company as the employer, the consultant named on the course
 * as the consultant; 0 for anyone else (a caseworker, a leader, another
 * citizen, another company's contact, a consultant not named). */
int ov_sign_party(const ov_viewer *v, const ov_sign_scope *s);
/* May the viewer record that `party` signed on paper? Only the
 * consultant named on the course, and only for the citizen or the
 * employer (the consultant signs in their own log-in). */
bool ov_may_record_paper(const ov_viewer *v, const ov_sign_scope *s,
                         int party);

/* The indicators (aggregates of the municipality's courses): leaders and
 * administrators see the whole municipality, any team, any staff member;
 * frontline staff see their own figures (staff_id their own) and their
 * team's (team_id a team they are on, viewer_on_team). */
bool ov_may_see_indicators(const ov_viewer *v, int64_t team_id,
                           bool viewer_on_team, int64_t staff_id);
/* The staff member whose figures a caller sees when they name neither a
 * team nor a staff member: frontline staff their own, others 0 (the whole
 * municipality). */
int64_t ov_indicators_default_staff(const ov_viewer *v);

#endif
