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
    OV_OP_COURSE_WRITE = 0, /* meetings, plan, measurements, end */
    OV_OP_MATCH,            /* suggestions, proposals, answers */
    OV_OP_PLACEMENT,        /* placements, work agreements, hours log */
    OV_OP_SIGN_CONSULTANT,  /* sign a work agreement as the consultant */
    OV_OP_CTI,              /* start CTI, focus areas, network */
    OV_OP_CTI_CONTACT,      /* log a CTI contact */
    OV_OP_COMPANY,          /* register companies and openings */
    OV_OP_SCREENING,        /* import candidates, exclude, draw */
    OV_OP_AUDIT_VIEW,       /* the municipality's audit log */
    OV_OP_COUNT
} ov_op;

const char *ov_op_code(ov_op op);
/* The role may perform the operation (within what it may see). */
bool ov_may_do(const ov_viewer *v, ov_op op);

#endif
