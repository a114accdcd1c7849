/*
 * screening.h - candidate import, screening, exclusions and the random
 * draw, in storage.
 *
 * Import format (docs/screening-import.md): CSV with a header row, comma or
 * semicolon separated, UTF-8. Columns, in any order:
 *   cpr                DDMMYY-SSSS or 10 digits           required
 *   name               the citizen's name                 required
 *   activity_ready     ja/nej (or 1/0, yes/no)           required
 *   months_unemployed  whole months, 0-600                required
 *   company_activity   ja/nej                             optional (nej)
 *   in_prison          ja/nej                             optional (nej)
 *   health_exemption   ja/nej                             optional (nej)
 *   declined           ja/nej                             optional (nej)
 * Unknown columns are errors. The import is all or nothing: every bad line
 * is reported (up to 200 messages) and nothing is written unless all lines
 * are good. Citizens are found by CPR number or created.
 *
 * Two steps, so that a large list does not hold the writer: everything
 * that needs no database (parsing, the duplicate check, screening, the CPR
 * numbers' keyed hashes and sealed boxes) is done by ov_screening_prepare
 * outside any transaction, in O(n log n) (the duplicate check sorts); then
 * ov_screening_write looks up and inserts in one short write transaction.
 * A file of more than OV_IMPORT_MAX_ROWS records is refused while it is
 * parsed, before any screening or sealing.
 */
#ifndef OV_STORE_SCREENING_H
#define OV_STORE_SCREENING_H

#include <stdint.h>

#include "core/arena.h"
#include "model/screening.h"
#include "store/store.h"

#define OV_IMPORT_MAX_ROWS 100000
#define OV_IMPORT_MAX_ERRORS 200

/* A refused line: `msg` is the English line the CLI and the API print
 * ("line 3: cpr: ..."); `why` the error with its message id
 * (core/errmsg.h), for a page in the reader's language (ov_msg_error). */
typedef struct ov_line_error {
    int64_t line;
    char field[32];
    char msg[200];
    ov_err why;
} ov_line_error;

typedef struct ov_import_report {
    int64_t rows;
    int64_t in_target_group;
    int64_t eligible;
    int nerrors;        /* listed */
    int errors_total;   /* found */
    ov_line_error *errors;
} ov_import_report;

/* A candidate list parsed, checked, screened and sealed (in the arena). */
typedef struct ov_import_plan ov_import_plan;

/* Step 1, without a transaction: validate the rules, parse and screen the
 * list at `reference` and seal its CPR numbers with the store's keys. On
 * bad lines: OV_EINVAL and the report lists them (in line order). */
ov_status ov_screening_prepare(ov_store *s, ov_date reference,
                               const ov_screening_rules *rules, ov_str csv,
                               ov_arena *a, ov_import_plan **plan,
                               ov_import_report *rep, ov_err *err);

/* Step 2, in a write transaction: the batch, a citizen found or created
 * for each line, its candidate row and the audit rows. rep gets the
 * counts. */
ov_status ov_screening_write(ov_tx *tx, int municipality_code,
                             const ov_import_plan *plan,
                             const char *source_name, int64_t *batch_id,
                             ov_import_report *rep, ov_err *err);

/* Both steps in the caller's write transaction (small lists: the demo,
 * tests). On bad lines: OV_EINVAL, nothing written, the report lists
 * them. */
ov_status ov_screening_import(ov_tx *tx, int municipality_code,
                              ov_date reference,
                              const ov_screening_rules *rules,
                              ov_str csv, const char *source_name,
                              ov_arena *a, int64_t *batch_id,
                              ov_import_report *rep, ov_err *err);

/* Exclude a screened candidate with a reason (after screening, e.g. on
 * meeting the person). */
ov_status ov_screening_exclude(ov_tx *tx, int64_t candidate_id,
                               ov_exclusion_reason reason, ov_str text,
                               ov_err *err);

/* Draw `count` of the batch's eligible candidates who were not drawn
 * before, from `seed`; store pool, seed and result, and open a course in
 * stage `drawn` in `team_id` for each drawn citizen. out (capacity count)
 * gets the drawn candidate ids in draw order; courses (may be NULL) the
 * ids of the courses opened for them, in the same order. The team must
 * be one of the batch's municipality's: another municipality's team
 * answers OV_ENOTFOUND exactly as a team that does not exist. */
ov_status ov_draw_make(ov_tx *tx, int64_t batch_id, int count, uint64_t seed,
                       int64_t team_id, ov_date on, int64_t *draw_id,
                       int64_t *out, int64_t *courses, ov_err *err);

/* Citizens of the batch's eligible candidates not drawn so far (at most
 * cap), in candidate order. */
ov_status ov_screening_undrawn(ov_tx *tx, int64_t batch_id, int64_t *citizens,
                               int cap, int *n, ov_err *err);

/* Re-run a stored draw from its stored pool and seed; OV_ECORRUPT when the
 * result differs from the stored one. */
ov_status ov_draw_verify(ov_tx *tx, int64_t draw_id, ov_err *err);

/* ---- screening batches and draws ---- */
typedef struct ov_batch_row {
    int64_t id;
    int municipality_code;
    ov_date reference_date;
    ov_screening_rules rules;
    ov_str source_name, imported_by;
    ov_time imported_at;
    int ncandidates, nin_target, neligible, ndrawn;
} ov_batch_row;

/* Batches of a municipality, newest first, at most 500 (no citizen data:
 * counts only). */
ov_status ov_batch_list(ov_tx *tx, int municipality_code, ov_arena *a,
                        ov_batch_row **out, ov_list_info *li, ov_err *err);
/* One batch of a municipality (counts only); *found false for an unknown
 * id and for another municipality's alike. */
ov_status ov_batch_head(ov_tx *tx, int64_t batch_id, int municipality_code,
                        ov_arena *a, ov_batch_row *out, bool *found,
                        ov_err *err);

typedef struct ov_candidate_row {
    int64_t id;
    int line;
    int64_t citizen_id;
    ov_str citizen_name;
    ov_candidate facts;       /* birth, activity_ready, months, ... */
    bool in_target_group;
    bool eligible;            /* may be drawn */
    bool excluded;
    ov_str exclusion_reason;  /* code, or empty */
    ov_str exclusion_text;
    int64_t draw_id;          /* 0 when not drawn */
    int64_t course_id;        /* the course made by the draw, or 0 */
} ov_candidate_row;

typedef struct ov_draw_row {
    int64_t id;
    ov_str seed;
    int count, pool;
    ov_str drawn_by;
    ov_time drawn_at;
} ov_draw_row;

typedef struct ov_batch_detail {
    ov_batch_row batch;
    int ncandidates;
    ov_candidate_row *candidates; /* by line; at most 20,000 */
    int ndraws;
    ov_draw_row *draws;           /* oldest first */
} ov_batch_detail;

/* One batch with its candidates and draws; OV_ENOTFOUND also for another
 * municipality's batch. One audit row per candidate citizen (criterion
 * "screening"). */
ov_status ov_batch_get(ov_tx *tx, int64_t batch_id, int municipality_code,
                       ov_arena *a, ov_batch_detail *out, ov_err *err);

#endif
