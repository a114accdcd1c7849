#include "model/access.h"

#include "model/org.h"
#include "model/placement.h"

bool ov_may_see_course(const ov_viewer *v, const ov_course_scope *c)
{
    switch (v->role) {
    case OV_ROLE_EMPLOYMENT_CASEWORKER:
    case OV_ROLE_SOCIAL_CASEWORKER:
    case OV_ROLE_CTI_WORKER:
    case OV_ROLE_COMPANY_CONSULTANT:
        return v->municipality_code == c->municipality_code &&
               c->viewer_on_team;
    case OV_ROLE_LEADER:
    case OV_ROLE_ADMINISTRATOR:
        return v->municipality_code == c->municipality_code;
    case OV_ROLE_CITIZEN:
        return v->citizen_id != 0 && v->citizen_id == c->citizen_id;
    case OV_ROLE_NATIONAL_ANALYST:
    case OV_ROLE_EMPLOYER:
    case OV_ROLE_SYSTEM:
    case OV_ROLE_COUNT:
        break;
    }
    return false;
}

bool ov_may_list_courses(const ov_viewer *v)
{
    return ov_role_is_frontline(v->role) || v->role == OV_ROLE_LEADER ||
           v->role == OV_ROLE_ADMINISTRATOR || v->role == OV_ROLE_CITIZEN;
}

static const char *const op_codes[OV_OP_COUNT] = {
    "course_write",   "match",          "placement",
    "cti",            "cti_contact",    "company",      "screening",
    "audit_view",     "course_read",    "course_list",  "placement_read",
    "agreement_list", "own_log",        "company_read", "indicators",
    "board_drill",    "national",    "user_admin",   "journal_read",
    "journal_note",   "calendar",    "citizen_search", "occupations",
    "sign",           "hours_confirm", "own_agreement", "own_data",
    "proposal_answer", "own_course", "economics"};

const char *ov_op_code(ov_op op)
{
    return (unsigned)op < OV_OP_COUNT ? op_codes[op] : "?";
}

#define B(r) (1u << (r))
#define FRONTLINE                                                          \
    (B(OV_ROLE_EMPLOYMENT_CASEWORKER) | B(OV_ROLE_SOCIAL_CASEWORKER) |     \
     B(OV_ROLE_CTI_WORKER) | B(OV_ROLE_COMPANY_CONSULTANT))

/* The team works across disciplines (DOMAIN.md): every frontline role may
 * record meetings, plans and measurements. Company work is the
 * consultant's and the jobcentre caseworker's; CTI is the CTI worker's and
 * the social caseworker's; screening and the draw belong to the jobcentre
 * and its leader. */
static const unsigned op_roles[OV_OP_COUNT] = {
    [OV_OP_COURSE_WRITE] = FRONTLINE,
    [OV_OP_MATCH] = B(OV_ROLE_COMPANY_CONSULTANT) |
                    B(OV_ROLE_EMPLOYMENT_CASEWORKER),
    [OV_OP_PLACEMENT] = B(OV_ROLE_COMPANY_CONSULTANT) |
                        B(OV_ROLE_EMPLOYMENT_CASEWORKER),
    [OV_OP_CTI] = B(OV_ROLE_CTI_WORKER) | B(OV_ROLE_SOCIAL_CASEWORKER),
    [OV_OP_CTI_CONTACT] = B(OV_ROLE_CTI_WORKER),
    [OV_OP_COMPANY] = B(OV_ROLE_COMPANY_CONSULTANT) |
                      B(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                      B(OV_ROLE_ADMINISTRATOR),
    [OV_OP_SCREENING] = B(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                        B(OV_ROLE_LEADER) | B(OV_ROLE_ADMINISTRATOR),
    [OV_OP_AUDIT_VIEW] = B(OV_ROLE_LEADER) | B(OV_ROLE_ADMINISTRATOR),
    /* who sees courses at all; which ones is ov_may_see_course's */
    [OV_OP_COURSE_READ] = FRONTLINE | B(OV_ROLE_LEADER) |
                          B(OV_ROLE_ADMINISTRATOR) | B(OV_ROLE_CITIZEN),
    [OV_OP_COURSE_LIST] = FRONTLINE | B(OV_ROLE_LEADER) |
                          B(OV_ROLE_ADMINISTRATOR) | B(OV_ROLE_CITIZEN),
    /* the course's readers, and the employer contact (their company's) */
    [OV_OP_PLACEMENT_READ] = FRONTLINE | B(OV_ROLE_LEADER) |
                             B(OV_ROLE_ADMINISTRATOR) | B(OV_ROLE_CITIZEN) |
                             B(OV_ROLE_EMPLOYER),
    [OV_OP_AGREEMENT_LIST] = B(OV_ROLE_EMPLOYER),
    [OV_OP_OWN_LOG] = B(OV_ROLE_CITIZEN),
    /* who registers companies, and who matches citizens to openings */
    [OV_OP_COMPANY_READ] = B(OV_ROLE_COMPANY_CONSULTANT) |
                           B(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                           B(OV_ROLE_ADMINISTRATOR),
    /* figures, no person: the team and its leaders (issue 12) */
    [OV_OP_INDICATORS] = FRONTLINE | B(OV_ROLE_LEADER) |
                         B(OV_ROLE_ADMINISTRATOR),
    /* the citizens behind a figure: the leader's drill-down on the board,
     * in their own municipality (issue 12) */
    [OV_OP_BOARD_DRILL] = B(OV_ROLE_LEADER) | B(OV_ROLE_ADMINISTRATOR),
    /* the national board: the national analyst only (issue 12) */
    [OV_OP_NATIONAL] = B(OV_ROLE_NATIONAL_ANALYST),
    /* the municipality's staff log-ins and teams (issue 13) */
    [OV_OP_USER_ADMIN] = B(OV_ROLE_ADMINISTRATOR),
    /* the journal is the authority's record of the case: the team and the
     * leaders who see the course; the citizen reads their plan, meetings
     * and data on their own pages, the employer nothing of it */
    [OV_OP_JOURNAL_READ] = FRONTLINE | B(OV_ROLE_LEADER) |
                           B(OV_ROLE_ADMINISTRATOR),
    /* the team writes the notes (offentlighedsloven § 13) */
    [OV_OP_JOURNAL_NOTE] = FRONTLINE,
    /* a calendar of the courses one is named on: the frontline staff;
     * the citizen's of their own course (issue 14) */
    [OV_OP_CALENDAR] = FRONTLINE | B(OV_ROLE_CITIZEN),
    /* staff who see courses find a citizen among them (issue 13); a
     * citizen has only their own, the national analyst and an employer
     * contact no person at all */
    [OV_OP_CITIZEN_SEARCH] = FRONTLINE | B(OV_ROLE_LEADER) |
                             B(OV_ROLE_ADMINISTRATOR),
    /* who chooses an occupation: the plan's job goal and the match
     * profile (frontline), an opening (consultant, caseworker,
     * administrator); the list holds no person (issue 13) */
    [OV_OP_OCCUPATIONS] = FRONTLINE | B(OV_ROLE_ADMINISTRATOR),
    /* the parties of a work agreement, each for themselves (issue 14);
     * which agreement and which party: ov_sign_party */
    [OV_OP_SIGN] = B(OV_ROLE_CITIZEN) | B(OV_ROLE_EMPLOYER) |
                   B(OV_ROLE_COMPANY_CONSULTANT),
    [OV_OP_HOURS_CONFIRM] = B(OV_ROLE_EMPLOYER),
    [OV_OP_OWN_AGREEMENT] = B(OV_ROLE_CITIZEN),
    /* the citizen answers their questionnaires and proposals and takes
     * their data (GDPR art. 15, 20) themselves (issue 14) */
    [OV_OP_OWN_DATA] = B(OV_ROLE_CITIZEN),
    /* the answer to a proposal: the citizen's own, or recorded for them
     * by the staff who match */
    [OV_OP_PROPOSAL_ANSWER] = B(OV_ROLE_COMPANY_CONSULTANT) |
                              B(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                              B(OV_ROLE_CITIZEN),
    /* the citizen's own home and their word on their plan: the citizen
     * alone; the staff read and write the course on their own pages */
    [OV_OP_OWN_COURSE] = B(OV_ROLE_CITIZEN),
    /* the budget-economic business case: the leader for their
     * municipality, the national analyst for the nation (issue 15);
     * figures and assumptions, no person */
    [OV_OP_ECONOMICS] = B(OV_ROLE_LEADER) | B(OV_ROLE_NATIONAL_ANALYST),
};

bool ov_may_do(const ov_viewer *v, ov_op op)
{
    if (!v || (unsigned)op >= OV_OP_COUNT || (unsigned)v->role >= 32)
        return false;
    if ((op == OV_OP_OWN_LOG || op == OV_OP_OWN_DATA ||
         op == OV_OP_OWN_COURSE ||
         (op == OV_OP_CALENDAR && v->role == OV_ROLE_CITIZEN)) &&
        !v->citizen_id)
        return false;
    if ((op == OV_OP_AGREEMENT_LIST || op == OV_OP_HOURS_CONFIRM) &&
        !v->company_id)
        return false;
    if (op == OV_OP_OWN_AGREEMENT && !v->citizen_id)
        return false;
    return (op_roles[op] & B(v->role)) != 0;
}

static const char *const op_refusals[OV_OP_COUNT] = {
    [OV_OP_COURSE_WRITE] = "your role may not do this on the course",
    [OV_OP_MATCH] = "your role may not do this",
    [OV_OP_PLACEMENT] = "your role may not do this",
    [OV_OP_CTI] = "your role may not do this",
    [OV_OP_CTI_CONTACT] = "your role may not do this",
    [OV_OP_COMPANY] = "your role may not do this",
    [OV_OP_SCREENING] = "your role does not screen candidates",
    [OV_OP_AUDIT_VIEW] = "only leaders and administrators see the audit log",
    [OV_OP_COURSE_READ] = "not found, or not a record you may see",
    [OV_OP_COURSE_LIST] = "your role sees no person-level courses",
    [OV_OP_PLACEMENT_READ] = "not found, or not a record you may see",
    [OV_OP_AGREEMENT_LIST] =
        "only an employer contact has work agreements here",
    [OV_OP_OWN_LOG] = "only a citizen has an own access log",
    [OV_OP_COMPANY_READ] = "your role does not work with companies",
    [OV_OP_INDICATORS] = "your role does not see the municipality's figures",
    [OV_OP_BOARD_DRILL] =
        "only leaders and administrators open the courses behind a figure",
    [OV_OP_NATIONAL] = "only the national analyst sees the national board",
    [OV_OP_USER_ADMIN] = "only administrators manage users and teams",
    [OV_OP_JOURNAL_READ] = "the course journal is for the staff of the course",
    [OV_OP_JOURNAL_NOTE] =
        "only the staff of the course write journal notes",
    [OV_OP_CALENDAR] =
        "only staff named on courses, and citizens, have a calendar of "
        "them",
    [OV_OP_CITIZEN_SEARCH] = "your role does not search for citizens",
    [OV_OP_OCCUPATIONS] = "your role does not choose occupations",
    [OV_OP_SIGN] = "only the parties of a work agreement sign it: the "
                   "citizen, the employer contact and the company "
                   "consultant, each for themselves",
    [OV_OP_HOURS_CONFIRM] =
        "only the employer contact confirms the hours at their company",
    [OV_OP_OWN_AGREEMENT] = "only a citizen has an own work agreement here",
    [OV_OP_OWN_DATA] = "only a citizen answers and downloads their own data "
                       "here; staff use the course's pages",
    [OV_OP_PROPOSAL_ANSWER] = "your role may not do this",
    [OV_OP_OWN_COURSE] = "only a citizen has an own course page",
    [OV_OP_ECONOMICS] = "only leaders and the national analyst work with "
                        "the business case",
};

const char *ov_op_refusal(ov_op op)
{
    return (unsigned)op < OV_OP_COUNT ? op_refusals[op] : "not allowed";
}

bool ov_may_see_placement(const ov_viewer *v, const ov_placement_scope *p)
{
    if (v->role == OV_ROLE_EMPLOYER)
        return v->company_id != 0 && v->company_id == p->company_id;
    return ov_may_see_course(v, &p->course);
}

bool ov_sees_whole_placement(const ov_viewer *v)
{
    return v->role != OV_ROLE_EMPLOYER;
}

bool ov_may_see_indicators(const ov_viewer *v, int64_t team_id,
                           bool viewer_on_team, int64_t staff_id)
{
    if (!ov_may_do(v, OV_OP_INDICATORS))
        return false;
    if (v->role == OV_ROLE_LEADER || v->role == OV_ROLE_ADMINISTRATOR)
        return true;
    if (team_id != 0)
        return viewer_on_team;
    return staff_id != 0 && staff_id == v->user_id;
}

int64_t ov_indicators_default_staff(const ov_viewer *v)
{
    return ov_role_is_frontline(v->role) ? v->user_id : 0;
}

int ov_sign_party(const ov_viewer *v, const ov_sign_scope *s)
{
    if (!v || !s)
        return 0;
    switch (v->role) {
    case OV_ROLE_CITIZEN:
        return v->citizen_id != 0 && v->citizen_id == s->citizen_id
                   ? OV_SIGN_CITIZEN
                   : 0;
    case OV_ROLE_EMPLOYER:
        return v->company_id != 0 && v->company_id == s->company_id
                   ? OV_SIGN_EMPLOYER
                   : 0;
    case OV_ROLE_COMPANY_CONSULTANT:
        return v->user_id != 0 && v->user_id == s->consultant_id
                   ? OV_SIGN_CONSULTANT
                   : 0;
    default: break;
    }
    return 0;
}

bool ov_may_record_paper(const ov_viewer *v, const ov_sign_scope *s,
                         int party)
{
    return ov_sign_party(v, s) == OV_SIGN_CONSULTANT &&
           (party == OV_SIGN_CITIZEN || party == OV_SIGN_EMPLOYER);
}
