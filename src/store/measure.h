/*
 * measure.h (store) - WHO-5, self-efficacy and readiness answers of a
 * course, each with its date, who rated (readiness) and who entered it.
 */
#ifndef OV_STORE_MEASURE_H
#define OV_STORE_MEASURE_H

#include <stdint.h>

#include "model/measure.h"
#include "store/store.h"

typedef struct ov_measurement {
    int64_t id;
    ov_instrument instrument;
    ov_date taken_on;
    int nitems;
    int items[10];
    int score;
    bool has_rater;
    ov_rater rater;        /* readiness only */
    ov_entered_by entered_by;
} ov_measurement;

/* Validate (items, date within the course and not in the future; readiness
 * needs a rater) and store; m->score is computed. */
ov_status ov_measure_record(ov_tx *tx, int64_t course_id, ov_measurement *m,
                            ov_date today, int64_t *id, ov_err *err);

/* The measurements of one instrument, oldest first, at most cap (the
 * list convention, store/store.h). */
ov_status ov_measure_list(ov_tx *tx, int64_t course_id, ov_instrument instr,
                          int cap, ov_arena *a, ov_measurement **out,
                          ov_list_info *li, ov_err *err);

#endif
