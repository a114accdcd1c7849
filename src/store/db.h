/*
 * db.h - INTERNAL to src/store: the thin layer over the SQL engine.
 *
 * Only files in src/store include this header (checked by
 * scripts/check-source). SQL text passed to ov_stmt_prepare must be a string
 * literal: values are always bound, never pasted in. Prepared statements are
 * cached per connection by their SQL text, so a hot query is parsed once.
 *
 * A later PostgreSQL backend implements the same functions over libpq;
 * callers above this header do not change.
 */
#ifndef OV_STORE_DB_H
#define OV_STORE_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"

typedef struct ov_conn ov_conn;
typedef struct ov_stmt ov_stmt;

/* Open a connection with the project's pragmas (WAL, synchronous=FULL,
 * foreign keys, busy timeout). readonly opens an existing file only. */
ov_status ov_conn_open(const char *path, bool create, bool readonly,
                       ov_conn **out, ov_err *err);
void ov_conn_close(ov_conn *c);
const char *ov_conn_path(const ov_conn *c);

/* Run a constant SQL script (migrations, BEGIN/COMMIT). Never input. */
ov_status ov_conn_exec(ov_conn *c, const char *sql, ov_err *err);

/* Prepare (or fetch from the cache) a statement for a literal SQL text. */
ov_status ov_stmt_prepare(ov_conn *c, const char *sql, ov_stmt **out,
                          ov_err *err);
/* Binding, 1-based like SQL. Text is bound as a copy. */
void ov_stmt_bind_i64(ov_stmt *s, int idx, int64_t v);
void ov_stmt_bind_null(ov_stmt *s, int idx);
void ov_stmt_bind_double(ov_stmt *s, int idx, double v);
void ov_stmt_bind_text(ov_stmt *s, int idx, ov_str v);
void ov_stmt_bind_cstr(ov_stmt *s, int idx, const char *v); /* NULL = NULL */
void ov_stmt_bind_blob(ov_stmt *s, int idx, const void *p, size_t n);

typedef enum ov_step { OV_STEP_ERROR = -1, OV_STEP_DONE = 0, OV_STEP_ROW = 1 } ov_step;
/* Errors: constraint violations become OV_ECONFLICT with the engine's
 * message; other failures OV_EIO. */
ov_step ov_stmt_step(ov_stmt *s, ov_err *err);
/* Step a statement that returns no rows; then release it. */
ov_status ov_stmt_run(ov_stmt *s, ov_err *err);
/* Reset and clear bindings so the cached statement can be reused. */
void ov_stmt_release(ov_stmt *s);

bool ov_stmt_col_is_null(ov_stmt *s, int col);
int64_t ov_stmt_col_i64(ov_stmt *s, int col);
double ov_stmt_col_double(ov_stmt *s, int col);
/* Text copied into the arena (NUL-terminated); NULL column gives ptr NULL. */
ov_str ov_stmt_col_text(ov_stmt *s, int col, ov_arena *a);
/* Blob view valid until the next step/release; len via *n. */
const void *ov_stmt_col_blob(ov_stmt *s, int col, size_t *n);

int64_t ov_conn_last_insert_id(ov_conn *c);
/* True while the connection is inside a transaction (SQLite may end one by
 * itself after an I/O error, a full disk or out of memory). */
bool ov_conn_in_tx(ov_conn *c);
int ov_conn_changes(ov_conn *c);

/* Online backup of `from` into a new database file at `to_path`. */
ov_status ov_conn_backup_to(ov_conn *from, const char *to_path, ov_err *err);

#endif
