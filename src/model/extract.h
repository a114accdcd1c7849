/*
 * extract.h - the pseudonymised national monitoring extract: one record
 * per course, encrypted to the national agency and signed by the
 * municipality (issue 12, section 3; docs/monitoring-format.md has the
 * format byte by byte and who holds which key).
 *
 * Why: when each municipality runs its own server, the agency can only
 * monitor from files the municipalities send. The file must tell the
 * agency what the indicators need and nothing that names a person: a
 * pseudonym instead of the CPR number (the same person gets the same
 * pseudonym in every municipality, so a person who moves is counted
 * once), the birth year in 5-year bands, sex, the month (never the day)
 * of each event, counts and flags the indicators are computed from,
 * WHO-5 first and latest, and the outcome. No name, CPR number, free
 * text, internal id, company or staff member. Only the agency can read
 * it; only a registered municipality can have made it; any change to
 * it, one flipped bit included, is refused.
 *
 * Format (all integers little-endian):
 *   0    8  magic "OVMX" and format version 1 as u32
 *   8   16  the agency key's id: BLAKE2b-128 of agency.pub
 *   24  32  the signer's public key (Ed25519)
 *   56   2  municipality code (u16)
 *   58   4  period from as YYYYMMDD (u32)
 *   62   4  period to as YYYYMMDD (u32)
 *   66   4  number of records (u32)
 *   70  80  the stream key sealed to the agency (crypto_box_seal)
 *   150 24  the secretstream header
 *   174     chunks, each: ciphertext length (u32, at most 65,553), then
 *           the ciphertext (crypto_secretstream_xchacha20poly1305, the
 *           174 header bytes as additional data, the last chunk tagged
 *           final); the plaintext is JSON lines: a header object, then
 *           one object per record
 *   end-64 64  Ed25519ph signature over every byte before it
 *
 * Crash rules: the writer builds the whole file in memory; the CLI
 * writes it to a new file (never over one) and removes it on failure.
 */
#ifndef OV_MODEL_EXTRACT_H
#define OV_MODEL_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/crypto.h"
#include "core/date.h"
#include "core/err.h"
#include "core/str.h"
#include "core/arena.h"
#include "model/course.h"
#include "model/indicators.h"
#include "model/meeting.h"
#include "model/placement.h"

#define OV_MX_VERSION 1
#define OV_MX_HEADER_BYTES 174
#define OV_MX_CHUNK 65536
#define OV_MX_MAX_RECORDS 1000000
#define OV_MX_MAX_BYTES ((size_t)1 << 30)
#define OV_MX_BIRTH_BAND 5

/* One course: the facts the indicators are computed from (the per-course
 * facts of model/indicators.h, ov_ind_facts), each date cut to its month,
 * without the staff and team ids and without the WHO-5 measurements
 * between the first and the latest. A month is YYYYMM (202503 = March
 * 2025), 0 = none (did not happen by the period's end); a WHO-5 score is
 * 0-100; hours are tenths a week, -1 = none. Arrays are in date order and
 * live in the arena of whoever made the record. */
typedef struct ov_mx_plan {
    int month;
    bool job_goal, with_citizen;
} ov_mx_plan;

typedef struct ov_mx_meeting {
    int month;
    ov_attendees present; /* OV_ATTEND(role) bits (model/meeting.h) */
} ov_mx_meeting;

typedef struct ov_mx_placement {
    int start, end;           /* end 0: open */
    ov_placement_type type;
    bool ordinary_possible;   /* ov_ind_placement's definition */
    bool agreement, signed_all;
    int hours_start, hours_now; /* ordinary hours, first and latest
                                   agreement version; -1: none */
} ov_mx_placement;

typedef struct ov_mx_employment {
    int from;
    int ordinary_x10;
} ov_mx_employment;

typedef struct ov_mx_score {
    int month;
    int score;
} ov_mx_score;

#define OV_MX_MAX_ITEMS 10000 /* in any one array of a record */
/* One record's JSON line at most (10,000 items in each list fit). */
#define OV_MX_RECORD_MAX ((size_t)16 << 20)

typedef struct ov_mx_record {
    uint8_t pseudonym[OV_PSEUDONYM_BYTES];
    int municipality;
    int birth_band; /* first year of the band: 1975 = born 1975-1979 */
    char sex;       /* 'F' or 'M' */
    ov_stage stage; /* the furthest stage reached by the period's end */
    bool ended;
    ov_end_reason end_reason; /* when ended */
    int started, drawn, in_job, ended_month;
    /* 1 start meeting: the first one, who took part, the first complete */
    int start_meeting;
    ov_attendees start_present;
    int start_complete;
    int nplans;                  /* 2 */
    ov_mx_plan *plans;
    int nfollowups;              /* 3 */
    ov_mx_meeting *followups;
    int nplacements;             /* 4 and 6 */
    ov_mx_placement *placements;
    bool has_cti;                /* 5 */
    int cti_start, cti_months, cti_interval_days[3];
    int ncontacts;
    int *contacts;               /* the month of each contact */
    int nemployment;             /* results */
    ov_mx_employment *employment;
    int nwho5;                   /* 0, 1 (first = latest) or 2 */
    ov_mx_score who5[2];         /* first and latest */
} ov_mx_record;

/* What the unencrypted header says (after ov_mx_read_header, checked
 * against the signature). */
typedef struct ov_mx_header {
    uint32_t version;
    uint8_t agency_id[16];
    uint8_t signer[OV_SIGN_PUBLIC_BYTES];
    int municipality;
    ov_date from, to;
    uint32_t records;
} ov_mx_header;

/* The pseudonym of a CPR number (10 digits) under the pseudonym key. */
void ov_mx_pseudonym(const uint8_t key[OV_KEY_BYTES], const char cpr[10],
                     uint8_t out[OV_PSEUDONYM_BYTES]);
/* The first year of the 5-year band of a birth year (1977 -> 1975). */
int ov_mx_birth_band(int birth_year);
/* YYYYMM of a date; 0 for 0 (no date). */
int ov_mx_month(ov_date d);

/* Check a period for an extract: from <= to (else OV_EINVAL naming
 * `field` and how to fix it). */
ov_status ov_mx_period_check(ov_date from, ov_date to, const char *field,
                             ov_err *err);

/* Build the file: *out (heap ov_buf, free with ov_buf_free) gets the
 * whole extract of n records for municipality `muni` and the period,
 * sealed to agency_pk and signed with the municipality's key pair. Every
 * record must carry `muni`. On failure *out holds nothing to free. */
ov_status ov_mx_write(int muni, ov_date from, ov_date to,
                      const ov_mx_record *r, size_t n,
                      const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                      const uint8_t sign_pk[OV_SIGN_PUBLIC_BYTES],
                      const uint8_t sign_sk[OV_SIGN_SECRET_BYTES],
                      ov_buf *out, ov_err *err);

/* Read and check the header and the signature (made by the key the
 * header names; whether that key is registered is the caller's
 * question). OV_ECORRUPT when the file is not an extract, is cut short
 * or was changed anywhere. */
ov_status ov_mx_read_header(const uint8_t *file, size_t n, ov_mx_header *h,
                            ov_err *err);

/* Decrypt and parse a file whose header passed ov_mx_read_header: the
 * agency key must be the one the file was sealed to (else OV_EPERM
 * saying so). *out (in the arena, with the records' arrays) gets
 * h->records records, each checked (known fields only, types, ranges,
 * the municipality of the header). */
ov_status ov_mx_open(const uint8_t *file, size_t n, const ov_mx_header *h,
                     const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                     const uint8_t agency_sk[OV_BOX_SECRET_BYTES],
                     ov_arena *a, ov_mx_record **out, ov_err *err);

/* A course's facts (model/indicators.h, as the store reads them) as a
 * record as of the end of `to`: every date cut to its month, what
 * happened after `to` left out, the WHO-5 scores reduced to the first and
 * the latest, staff and team ids dropped. Sets every field but the
 * pseudonym, birth band, sex and stage (which need the citizen and the
 * stage history); lists in the arena. */
void ov_mx_from_facts(const ov_ind_facts *f, ov_date to, ov_arena *a,
                      ov_mx_record *r);
/* And back, for the national board: each month becomes its first day (as
 * ov_ind_month cuts a day), course_id is the caller's (a record's
 * position), team and staff ids are 0. Lists in the arena. */
void ov_mx_to_facts(const ov_mx_record *r, int64_t course_id, ov_arena *a,
                    ov_ind_facts *f);

/* One record as its JSON line (without the newline) into b, and back;
 * exposed for the tests and for docs/monitoring-format.md's example. */
ov_status ov_mx_record_json(const ov_mx_record *r, ov_buf *b, ov_err *err);
ov_status ov_mx_record_parse(ov_str line, ov_arena *a, ov_mx_record *r,
                             ov_err *err);

#endif
