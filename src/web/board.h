/*
 * board.h (web) - the leader's board read once, for the page `/tavle`,
 * its exports and the "attention" array of `GET /api/v1/indicators`, so
 * the page, the files and the API show the same figures.
 *
 * One read: the municipality's settings, the facts of the query's courses
 * (store/indicators.h: one audit row), the indicators for the period, the
 * trend of every indicator over the 12 calendar months ending with the
 * period's end month, and the "needs attention" items (model/attention.h)
 * as of the period's end or today, whichever is earlier.
 */
#ifndef OV_WEB_BOARD_H
#define OV_WEB_BOARD_H

#include <jansson.h>

#include "model/attention.h"
#include "model/indicators.h"
#include "store/board.h"
#include "store/indicators.h"

#define OV_BOARD_MONTHS 12

typedef struct ov_board {
    ov_ind_query q;
    ov_date on;        /* the attention list's day */
    int ncourses;
    ov_indicator ind[OV_IND_COUNT];
    bool has_trend;
    ov_date month[OV_BOARD_MONTHS];                 /* first days */
    double trend[OV_BOARD_MONTHS][OV_IND_COUNT];    /* NaN: no value */
    ov_att_rules rules; /* the settings the attention list used */
    int natt;
    ov_att_item *att;  /* in the arena */
} ov_board;

/* Read the board for q (checked by the caller: ov_ind_query_check and
 * ov_may_see_indicators) in tx; trend: also the 12 months. */
ov_status ov_board_read(ov_tx *tx, const ov_ind_query *q, ov_date today,
                        bool trend, ov_arena *a, ov_board *out, ov_err *err);

/* The same, reused while the data version tx began with (store.h
 * ov_tx_data_version) is unchanged: a board of a large municipality takes
 * seconds to compute and the same figures are shown to many screens.
 * Concurrent requests for the same board wait for one computation. A
 * reuse writes the facts' audit row all the same. The version is tx's own,
 * never the store's read after tx began: that can be newer than what tx
 * sees, and would keep old figures under the new version. A write
 * transaction (no version) computes without keeping. */
ov_status ov_board_read_cached(ov_tx *tx, const ov_ind_query *q,
                               ov_date today, bool trend, ov_arena *a,
                               ov_board *out, ov_err *err);

/* The attention items as the API's array [{"course_id", "reason",
 * "since"}], reading the n citizens behind them as an audited read
 * (criterion: the list's purpose). */
ov_status ov_board_attention_json(ov_tx *tx, const ov_board *b,
                                  ov_arena *a, json_t **out, ov_err *err);

#endif
