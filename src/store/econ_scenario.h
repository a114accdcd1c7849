/*
 * econ_scenario.h - saved business-case scenarios (issue 15 section 3):
 * a leader's, for their own municipality, or the national analyst's
 * (municipality 0: the national ones, stored as NULL).
 *
 * Why a store of its own: a scenario is the leader's working document
 * (its figures, their origins and sources), shared with the colleagues of
 * the municipality and kept with its author and date, so that a decision
 * can be traced to the figures it rested on.
 *
 * Format: the scenario column holds the JSON of docs/economics-format.md
 * as econ/econ.h's ov_econ_scenario_write wrote it; the store keeps it as
 * text (it is below the econ layer and never parses it: the caller has
 * parsed and written it, so only a valid scenario reaches here).
 *
 * History: saving under a name that exists adds a row; rows are never
 * changed or deleted. The list shows the newest row per name, with how
 * many versions the name has; the history of one name lists them all.
 *
 * Access: every function takes the municipality of the caller; a
 * scenario of another municipality (or a national one for a
 * municipality, and the reverse) answers OV_ENOTFOUND exactly as an id
 * that does not exist. Writes are one transaction with their audit row.
 */
#ifndef OV_STORE_ECON_SCENARIO_H
#define OV_STORE_ECON_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

#define OV_ECON_SAVED_NAME_MAX 120    /* bytes, as econ.h's names */
#define OV_ECON_SAVED_JSON_MAX 200000 /* bytes of one scenario's JSON */
#define OV_ECON_SAVED_LIST_CAP 200    /* rows of one list */

typedef struct ov_econ_saved {
    int64_t id;
    int municipality_code; /* 0: national */
    ov_str name;
    int64_t author_id;
    ov_str author;        /* the author's full name (username if none) */
    ov_str created_at;    /* UTC, ISO 8601 */
    int versions;         /* rows saved under this name (list only) */
} ov_econ_saved;

/* Save `json` (a written scenario) under `name` for the municipality (0:
 * national) by the user `author_id`; *id the new row. A name that is
 * empty, too long or holds control characters, or an empty or oversized
 * scenario, is refused naming the field ("name", "scenario"). Audited
 * (create). */
ov_status ov_econ_saved_add(ov_tx *tx, int municipality_code,
                            int64_t author_id, ov_str name, ov_str json,
                            int64_t *id, ov_err *err);

/* The municipality's saved scenarios, the newest row of each name, newest
 * first, at most OV_ECON_SAVED_LIST_CAP (the list convention). With a
 * name (ptr not NULL): every row of that name, newest first. */
ov_status ov_econ_saved_list(ov_tx *tx, int municipality_code, ov_str name,
                             ov_arena *a, ov_econ_saved **out,
                             ov_list_info *li, ov_err *err);

/* One saved scenario and its JSON (in the arena); OV_ENOTFOUND for an id
 * that does not exist or is not the municipality's. */
ov_status ov_econ_saved_get(ov_tx *tx, int municipality_code, int64_t id,
                            ov_arena *a, ov_econ_saved *out, ov_str *json,
                            ov_err *err);

#endif
