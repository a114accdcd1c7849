/*
 * meeting.h - the cross-disciplinary start meeting (core element 1) and the
 * follow-up meetings (core element 3).
 *
 * Start meeting (DOMAIN.md 1): the citizen, the CTI worker, the company
 * consultant and the caseworker(s) from the jobcentre and the social side.
 * It is complete only when the citizen, at least one caseworker (either
 * side), the CTI worker and the company consultant took part; otherwise the
 * model names the missing roles. It holds a holistic assessment across life
 * domains, each with the citizen's own words, resources, challenges and an
 * optional 0-4 rating, and the citizen's wishes and competences.
 *
 * Follow-up (DOMAIN.md 3): meetings until the citizen is in a job, due every
 * N weeks (default 4) while the course is active, counted from the latest
 * follow-up or, before the first, from the start meeting. A follow-up is
 * "joint" when both the company consultant and the CTI worker attended.
 */
#ifndef OV_MODEL_MEETING_H
#define OV_MODEL_MEETING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"
#include "model/actor.h"

/* Attendance as a bit set over roles, plus the citizen. */
typedef uint32_t ov_attendees;
#define OV_ATTEND(role) ((ov_attendees)1u << (role))
bool ov_attendees_has(ov_attendees a, ov_role r);

/* Missing roles for a complete start meeting, as a bit set of
 * OV_ATTEND(role); "a caseworker" is represented by
 * OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) when neither caseworker came.
 * Zero means complete. */
ov_attendees ov_start_meeting_missing(ov_attendees present);
/* Danish sentence naming what is missing, e.g. "Mangler: CTI-medarbejder,
 * virksomhedskonsulent"; "Opstartsmødet er fuldt bemandet" when complete. */
void ov_start_meeting_missing_text(ov_attendees missing, char *out,
                                   size_t cap);

/* Life domains of the holistic assessment: a configurable list of codes;
 * the default list has 8 domains. */
#define OV_DOMAINS_MAX 16
#define OV_DOMAIN_CODE_MAX 32
typedef struct ov_life_domains {
    int n;
    char code[OV_DOMAINS_MAX][OV_DOMAIN_CODE_MAX];
    char label_da[OV_DOMAINS_MAX][64];
} ov_life_domains;

void ov_life_domains_default(ov_life_domains *d);
/* Index of a code in the list, or -1. */
int ov_life_domains_find(const ov_life_domains *d, ov_str code);

#define OV_ASSESS_TEXT_MAX 2000
typedef struct ov_assessment_item {
    ov_str domain;     /* a code from the configured list */
    ov_str own_words;  /* the citizen's own words */
    ov_str resources;
    ov_str challenges;
    int rating;        /* 0-4, or -1 when not rated */
} ov_assessment_item;

/* Validate one item; `index` names it in errors ("assessment[2].rating"). */
ov_status ov_assessment_item_validate(const ov_life_domains *d,
                                      const ov_assessment_item *it, int index,
                                      ov_err *err);
/* Validate texts that are free but capped (wishes, competences, notes). */
ov_status ov_meeting_text_validate(ov_str text, const char *field,
                                   size_t max, ov_err *err);

/* Follow-up schedule. */
typedef struct ov_followup_rule {
    int interval_weeks; /* 1-26, default 4 */
} ov_followup_rule;
ov_followup_rule ov_followup_rule_default(void);
ov_status ov_followup_rule_validate(const ov_followup_rule *r, ov_err *err);
/* The next follow-up due date: `last` (latest follow-up, or the start
 * meeting when there has been none) + interval. */
ov_date ov_followup_next_due(const ov_followup_rule *r, ov_date last);
bool ov_followup_is_joint(ov_attendees present);

#endif
