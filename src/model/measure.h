/*
 * measure.h - the measurements of the model (DOMAIN.md "Measurements").
 *
 * WHO-5 Well-Being Index: 5 items 0-5 (the last two weeks); raw 0-25,
 * score = raw x 4 (0-100). Score <= 50: poor wellbeing; <= 28: likely
 * depression. A change of 10 points or more between two measurements is
 * meaningful, up or down.
 *
 * General Self-Efficacy Scale ("tro på egne evner"): 10 items 1-4, sum
 * 10-40.
 *
 * Labour-market readiness (arbejdsmarkedsparathed), rated by the citizen
 * and by the CTI worker (rater "citizen" / "cti_worker") on this 1-10
 * scale:
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
 * Each measurement records its date and who typed it in (entered_by
 * "citizen" or "staff"). WHO-5 and GSE are the citizen's own answers.
 *
 * Schedule: measurements are due at the start of the course, every 3
 * months after it (counted from the start, clamped at month ends: 31
 * January gives 30 April, 31 July, 31 October) and at the end. A
 * measurement within +/- the tolerance (default 14 days) of a due point
 * satisfies it; a late one, taken before the next point's window opens,
 * satisfies it too (late). A point still unmeasured when the next point's
 * window opens is missed: it is counted, but no longer asked for, so one
 * missed measurement never blocks the rest of the schedule.
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

const char *ov_instrument_code(ov_instrument i); /* "who5", "gse", "readiness" */
const char *ov_instrument_label_da(ov_instrument i);
ov_status ov_instrument_parse(ov_str code, ov_instrument *out, ov_err *err);
int ov_instrument_items(ov_instrument i); /* 5, 10, 1 */

#define OV_MEASURE_MAX_ITEMS 10

typedef enum ov_entered_by { OV_BY_CITIZEN = 0, OV_BY_STAFF } ov_entered_by;
typedef enum ov_rater { OV_RATER_CITIZEN = 0, OV_RATER_CTI_WORKER } ov_rater;

const char *ov_entered_by_code(ov_entered_by e);     /* "citizen", "staff" */
const char *ov_entered_by_label_da(ov_entered_by e); /* "Borger", ... */
ov_status ov_entered_by_parse(ov_str code, ov_entered_by *out, ov_err *err);
const char *ov_rater_code(ov_rater r);     /* "citizen", "cti_worker" */
const char *ov_rater_label_da(ov_rater r); /* "Borger", "CTI-medarbejder" */
ov_status ov_rater_parse(ov_str code, ov_rater *out, ov_err *err);

/* Validate items and compute the score: WHO-5 0-100, GSE 10-40,
 * readiness 1-10 (one item). Errors name the item: "who5_item_3: must be
 * 0-5, got 6". */
ov_status ov_measure_score(ov_instrument instr, const int *items, int n,
                           int *score, ov_err *err);

/* Readiness anchor text for a rating 1-10, Danish (the scale above) and
 * English; "" outside 1-10. */
const char *ov_readiness_anchor_da(int rating);
const char *ov_readiness_anchor_en(int rating);

typedef struct ov_who5_flags {
    bool poor_wellbeing;     /* score <= 50 */
    bool likely_depression;  /* score <= 28 */
} ov_who5_flags;
ov_who5_flags ov_who5_flags_of(int score);

/* +1 meaningful rise, -1 meaningful fall, 0 no meaningful change (less
 * than 10 points either way). Scores are WHO-5 scores 0-100. */
int ov_who5_change(int before, int after);
/* "up", "down", "none" for +1, -1, 0, and the Danish label. */
const char *ov_who5_change_code(int change);
const char *ov_who5_change_label_da(int change);

#define OV_MEASURE_TOLERANCE_DEFAULT 14
#define OV_MEASURE_TOLERANCE_MAX 44 /* windows of 3-month points never meet */

/* A configured tolerance must be 0-44 days. */
ov_status ov_measure_tolerance_validate(int days, ov_err *err);

/* Where one instrument stands in its schedule. */
typedef struct ov_measure_due {
    bool due;        /* take it now: the window of due_on is open or past */
    ov_date due_on;  /* the next due point not yet satisfied (also when it
                        is not yet due); 0 when done */
    bool overdue;    /* today > due_on + tolerance */
    bool done;       /* the course has ended and no point is outstanding */
    bool at_end;     /* due_on is the end of the course */
    int missed;      /* earlier points never measured (now skipped) */
} ov_measure_due;

/* start: course start; has_end/end: when the course ends or ended (the
 * end is then the last due point; an end before the start counts as the
 * start); taken: dates of this instrument's measurements (any order; dates
 * after today are ignored); tolerance_days: validated with
 * ov_measure_tolerance_validate (negative means the default, larger than
 * the maximum is capped). */
ov_measure_due ov_measure_next_due(ov_date start, bool has_end, ov_date end,
                                   const ov_date *taken, int ntaken,
                                   ov_date today, int tolerance_days);

#endif
