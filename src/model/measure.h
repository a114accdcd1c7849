/*
 * measure.h - the measurements of the model (DOMAIN.md "Measurements").
 *
 * WHO-5 Well-Being Index: 5 items 0-5 (the last two weeks); raw 0-25,
 * score = raw x 4 (0-100). Score <= 50: poor wellbeing; <= 28: likely
 * depression. A change of 10 points or more is meaningful.
 *
 * General Self-Efficacy Scale ("tro på egne evner"): 10 items 1-4, sum
 * 10-40.
 *
 * Labour-market readiness (arbejdsmarkedsparathed), rated by the citizen
 * and by the CTI worker on this 1-10 scale:
 *   1  Langt fra arbejdsmarkedet; hverdagen fylder det hele
 *   2  Kan overskue korte aftaler med støtte
 *   3  Kan møde op til aftaler de fleste gange
 *   4  Kan være få timer på en arbejdsplads med tæt støtte
 *   5  Kan klare faste, enkle opgaver nogle timer om ugen
 *   6  Kan klare et virksomhedsforløb med støtte
 *   7  Kan klare flere timer og nye opgaver med lidt støtte
 *   8  Tæt på ordinære timer; støtten kan trappes ned
 *   9  Klar til ordinære timer med lidt opfølgning
 *   10 Klar til ordinært job uden støtte
 *
 * Measurements are due at the start of the course, every 3 months after it
 * and at the end; a measurement within +/- the tolerance (default 14 days)
 * of a due point counts for it.
 */
#ifndef OV_MODEL_MEASURE_H
#define OV_MODEL_MEASURE_H

#include <stdbool.h>

#include "core/date.h"
#include "core/err.h"
#include "core/str.h"

typedef enum ov_instrument {
    OV_INSTR_WHO5 = 0,
    OV_INSTR_GSE,
    OV_INSTR_READINESS,
    OV_INSTR_COUNT
} ov_instrument;

const char *ov_instrument_code(ov_instrument i); /* "who5", "gse", ... */
const char *ov_instrument_label_da(ov_instrument i);
ov_status ov_instrument_parse(ov_str code, ov_instrument *out, ov_err *err);
int ov_instrument_items(ov_instrument i); /* 5, 10, 1 */

typedef enum ov_entered_by { OV_BY_CITIZEN = 0, OV_BY_STAFF } ov_entered_by;
typedef enum ov_rater { OV_RATER_CITIZEN = 0, OV_RATER_CTI_WORKER } ov_rater;

/* Validate items and compute the score: WHO-5 0-100, GSE 10-40,
 * readiness 1-10 (one item). Errors name the item: "who5_item_3". */
ov_status ov_measure_score(ov_instrument instr, const int *items, int n,
                           int *score, ov_err *err);

/* Readiness anchor text for a rating 1-10 (Danish). */
const char *ov_readiness_anchor_da(int rating);

typedef struct ov_who5_flags {
    bool poor_wellbeing;     /* score <= 50 */
    bool likely_depression;  /* score <= 28 */
} ov_who5_flags;
ov_who5_flags ov_who5_flags_of(int score);
/* +1 meaningful rise, -1 meaningful fall, 0 no meaningful change. */
int ov_who5_change(int before, int after);

/* The due schedule of one instrument. */
typedef struct ov_measure_due {
    bool due;          /* false when every due point is satisfied */
    ov_date due_on;    /* the earliest unsatisfied due point */
    bool overdue;      /* due_on + tolerance < today */
} ov_measure_due;

/* start: course start; has_end/end: when the course ended (then the end is
 * a due point and nothing after it); taken: dates of measurements already
 * made (any order); tolerance_days: default 14. Only due points up to today
 * + tolerance are considered. */
ov_measure_due ov_measure_next_due(ov_date start, bool has_end, ov_date end,
                                   const ov_date *taken, int ntaken,
                                   ov_date today, int tolerance_days);

#endif
