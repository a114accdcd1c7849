/*
 * monitor.h (store) - the national monitoring extract's two ends in the
 * database (model/extract.h has the file; docs/monitoring-format.md the
 * whole design).
 *
 * In a municipality's database: the facts of every course of one
 * municipality active in a period, read by the indicators' own reader
 * (store/indicators.h, so the national figures rest on the same facts
 * as the municipality's) and cut to months by ov_mx_from_facts, each
 * record with its pseudonym; reading them writes the reader's read row
 * and one "export" audit row per citizen (purpose: national monitoring)
 * in the caller's write transaction.
 *
 * In the agency's national database: the municipalities' registered
 * signing keys, and imported extracts. An import is one write
 * transaction with its audit row: it refuses a file signed by a key not
 * registered for the file's municipality, the same file again (by its
 * SHA-256), and a file whose period overlaps one already imported for
 * that municipality (refuse, never replace: a figure the national board
 * has shown never changes silently; a corrected extract for a period
 * means removing the earlier one by hand, which is audited in the
 * database it is done in). Nothing is written when anything fails.
 */
#ifndef OV_STORE_MONITOR_H
#define OV_STORE_MONITOR_H

#include <stddef.h>
#include <stdint.h>

#include "model/extract.h"
#include "store/store.h"

/* The name of a municipality in this database; OV_ENOTFOUND (naming
 * --municipality and the codes that exist) when there is none. */
ov_status ov_monitor_municipality(ov_tx *tx, int code, char name[201],
                                  ov_err *err);

/* The records of every course of `muni` active in [from, to] (drawn,
 * i.e. past the stage `screened`, as the indicators count courses;
 * started on or before `to`, not ended before `from`), as they stood at
 * the end of
 * `to`: events after it are left out. *out and the records' lists are
 * in the arena; the records are in pseudonym order. */
ov_status ov_monitor_collect(ov_tx *tx, int muni, ov_date from, ov_date to,
                             const uint8_t pseudonym_key[OV_KEY_BYTES],
                             ov_arena *a, ov_mx_record **out, size_t *n,
                             ov_err *err);

/* Register a municipality's public signing key (audit row; OV_ECONFLICT
 * when the municipality has a key already or the key is registered for
 * another one). */
ov_status ov_monitor_register(ov_tx *tx, int muni,
                              const uint8_t pk[OV_SIGN_PUBLIC_BYTES],
                              ov_err *err);

/* The municipality a signing key is registered for; OV_EPERM when none,
 * or when it is registered for another municipality than `muni`. */
ov_status ov_monitor_signer_check(ov_tx *tx, int muni,
                                  const uint8_t pk[OV_SIGN_PUBLIC_BYTES],
                                  ov_err *err);

/* Load an opened extract (its header h, its n records, the SHA-256 of
 * the whole file); *file_id gets the new file's id. */
ov_status ov_monitor_import(ov_tx *tx, const ov_mx_header *h,
                            const uint8_t sha[OV_HASH_BYTES],
                            const ov_mx_record *r, size_t n,
                            int64_t *file_id, ov_err *err);

/* The imported records of a municipality (0: every municipality) from
 * the extracts whose period overlaps [from, to], rebuilt from the facts
 * the files carried, in file and record order: what the national board
 * computes the indicators from when the data was imported rather than
 * live. Records and lists in the arena. */
ov_status ov_monitor_records(ov_tx *tx, int muni, ov_date from, ov_date to,
                             ov_arena *a, ov_mx_record **out, size_t *n,
                             ov_err *err);

/* How many records the national database holds for a municipality
 * (all files). */
ov_status ov_monitor_count(ov_tx *tx, int muni, int64_t *n, ov_err *err);

#endif
