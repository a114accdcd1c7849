/*
 * match.h - the individual company match (core element 4).
 *
 * The company consultant looks for a workplace that fits the citizen's job
 * goal, wishes, needs and strengths, where ordinary paid hours are a real
 * possibility (DOMAIN.md 4). This module scores an opening for a citizen,
 * 0-100, as a weighted sum of six components, and explains every component
 * in Danish so the consultant and the citizen can see why:
 *
 *   job goal and wishes   35  same 4-digit occupation = full; same 2-digit
 *                             group = half; else the share of the citizen's
 *                             wish words found in the tasks text, up to half
 *   accommodation         20  share of the citizen's needs the workplace can
 *                             offer (no needs = full); unmet needs are named
 *   ordinary hours        20  possible now = full, later = half, not = 0
 *   labour shortage       10  shortage occupation = full
 *   location              10  same postcode = full; same municipality = 7;
 *                             elsewhere = 3; outside the citizen's travel
 *                             preference = 0
 *   hours fit              5  wanted hours within the opening's range = full;
 *                             otherwise falls by a fifth per hour outside
 *
 * Weights are configurable and must sum to 100. The consultant proposes;
 * the citizen agrees (recorded by the store).
 */
#ifndef OV_MODEL_MATCH_H
#define OV_MODEL_MATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "core/str.h"

typedef enum ov_accommodation {
    OV_ACC_REDUCED_HOURS = 0, /* Nedsat tid */
    OV_ACC_FLEXIBLE_HOURS,    /* Fleksible mødetider */
    OV_ACC_QUIET_WORKPLACE,   /* Rolig arbejdsplads */
    OV_ACC_MENTOR,            /* Fast kontaktperson/mentor */
    OV_ACC_PHYSICAL,          /* Skånehensyn, fysisk */
    OV_ACC_BREAKS,            /* Ekstra pauser */
    OV_ACC_CLEAR_TASKS,       /* Klare og faste opgaver */
    OV_ACC_NO_CUSTOMERS,      /* Ingen kundekontakt */
    OV_ACC_COUNT
} ov_accommodation;

const char *ov_accommodation_code(ov_accommodation a);
const char *ov_accommodation_label_da(ov_accommodation a);
ov_status ov_accommodation_parse(ov_str code, ov_accommodation *out,
                                 ov_err *err);
#define OV_ACC_BIT(a) (1u << (a))

typedef enum ov_ordinary_hours {
    OV_ORD_NOW = 0,
    OV_ORD_LATER,
    OV_ORD_NOT,
    OV_ORD_COUNT
} ov_ordinary_hours;
const char *ov_ordinary_hours_code(ov_ordinary_hours o);
ov_status ov_ordinary_hours_parse(ov_str code, ov_ordinary_hours *out,
                                  ov_err *err);

typedef enum ov_travel {
    OV_TRAVEL_SAME_MUNICIPALITY = 0,
    OV_TRAVEL_ANYWHERE,
} ov_travel;

typedef struct ov_opening {
    int64_t id;
    ov_str tasks;          /* free text describing the tasks */
    ov_str occupation;     /* DISCO-08, 4 digits, or empty */
    int hours_min, hours_max; /* possible weekly hours */
    unsigned accommodations; /* OV_ACC_BIT set the workplace can offer */
    ov_ordinary_hours ordinary;
    bool shortage;
    int municipality_code;
    int postcode;
} ov_opening;

#define OV_WISHES_MAX 16
typedef struct ov_match_profile {
    ov_str occupation;      /* the job goal's occupation code, or empty */
    int nwishes;
    ov_str wishes[OV_WISHES_MAX]; /* wish words, e.g. "dyr", "lager" */
    unsigned needs;         /* OV_ACC_BIT set the citizen needs */
    int wanted_hours;
    int municipality_code;
    int postcode;
    ov_travel travel;
} ov_match_profile;

typedef enum ov_match_component {
    OV_MC_GOAL = 0,
    OV_MC_ACCOMMODATION,
    OV_MC_ORDINARY,
    OV_MC_SHORTAGE,
    OV_MC_LOCATION,
    OV_MC_HOURS,
    OV_MC_COUNT
} ov_match_component;

typedef struct ov_match_weights {
    int w[OV_MC_COUNT];
} ov_match_weights;

ov_match_weights ov_match_weights_default(void);
ov_status ov_match_weights_validate(const ov_match_weights *w, ov_err *err);

typedef struct ov_match_part {
    ov_match_component component;
    const char *code;     /* "goal", "accommodation", ... */
    double points, max;
    char text_da[200];
} ov_match_part;

typedef struct ov_match_score {
    int64_t opening_id;
    double total;         /* 0-100 */
    ov_match_part parts[OV_MC_COUNT];
} ov_match_score;

void ov_match_score_of(const ov_match_weights *w, const ov_match_profile *p,
                       const ov_opening *o, ov_match_score *out);

/* Sort by total descending; ties by opening id ascending. */
void ov_match_rank(ov_match_score *scores, int n);

#endif
