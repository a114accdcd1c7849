/*
 * national.h (web) - the national analyst's board read once, for the page
 * `/national` and `GET /api/v1/national/indicators`, so both show the
 * same figures (model/national.h computes them, store/national.h reads
 * their sources).
 *
 * Cache: the board of every municipality of a large installation takes
 * most of a second to compute and changes only when the data does, so it
 * is kept while the data version the transaction began with (store.h
 * ov_tx_data_version; a write transaction computes without keeping) is
 * unchanged, keyed
 * on the period and k, as the leader's board is (web/board.h). A reuse
 * writes the facts' audit rows all the same (store/national.h
 * ov_nat_audit).
 */
#ifndef OV_WEB_NATIONAL_H
#define OV_WEB_NATIONAL_H

#include <jansson.h>

#include "model/national.h"
#include "store/national.h"
#include "web/msg.h"

typedef struct ov_national {
    ov_date from, to;
    int nsrc;
    ov_nat_source *src;  /* in the arena; no facts (f NULL) */
    ov_nat_board b;      /* in the arena */
} ov_national;

/* Read (or reuse) the board for [from, to] with threshold k in tx. */
ov_status ov_national_read(ov_tx *tx, ov_date from, ov_date to, int k,
                           ov_arena *a, ov_national *out, ov_err *err);

/* The API's answer: {"from", "to", "k", "municipalities": [{"code",
 * "name", "imported", "indicators"}], "total": {"indicators"},
 * "rollout": [...]}. */
json_t *ov_national_json(const ov_national *n, ov_lang lang);

/* The period of a query (from, to): whole months; by default the 12
 * whole months before today's. */
#include "web/form.h"
void ov_national_period(const ov_form *f, ov_date today, ov_date *from,
                        ov_date *to);

/* suppress_k of the app (0: the default). */
int ov_national_k(int configured);

#endif
