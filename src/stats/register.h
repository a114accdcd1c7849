/*
 * register.h - the register extract of an effect evaluation, read into
 * columns (docs/register-format.md is the user's description):
 *
 *   population.csv   id, treated (0/1), start (YYYY-MM), covariates...
 *   months.csv       id, month (YYYY-MM), status, numeric columns...
 *
 * Either file may be gzip-compressed (population.csv.gz). population.csv
 * is read whole into memory (mapped, or inflated with zlib: the ids point
 * into it); months.csv is mapped, or, compressed, inflated a chunk of
 * whole lines at a time (16 MiB), so memory does not grow with its
 * inflated size. It is parsed by several threads, each over a range of
 * whole lines (of the chunk); the first error by line number wins, so the
 * message is the same whatever the thread count or chunk size.
 *
 * Month k of a person is k months after their start. Statuses are kept for
 * k = 0..kmax (the window the outcomes need) as one byte per person-month;
 * numeric month columns are kept for k = 0..num_kmax as doubles. Rows
 * outside the window are checked (id known, month, status and numbers
 * valid) but not stored, and duplicate months are detected inside it.
 *
 * Every error is OV_EINVAL with the field "population.csv:17" (file and
 * line) and a message saying what is wrong and how to fix it.
 */
#ifndef OV_STATS_REGISTER_H
#define OV_STATS_REGISTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"

typedef enum ov_regstatus {
    OV_RS_ORDINARY = 0,   /* ordinary employment */
    OV_RS_SUBSIDISED,     /* flex job, wage subsidy */
    OV_RS_PLACEMENT,      /* company internship */
    OV_RS_BENEFIT,        /* cash benefit */
    OV_RS_DISABILITY,     /* disability_pension */
    OV_RS_RESOURCE,       /* resource_course */
    OV_RS_EDUCATION,
    OV_RS_OTHER,
    OV_RS_COUNT
} ov_regstatus;

#define OV_RS_MISSING 255u
#define OV_REG_ID_MAX 64
#define OV_REG_MAX_COLUMNS 256
#define OV_REG_MAX_LEVELS 1000

/* The register's code for a status ("ordinary", ...). */
const char *ov_regstatus_code(ov_regstatus s);
/* Parse a status code; -1 when unknown. */
int ov_regstatus_parse(ov_str s);

/* A calendar month as a count: year * 12 + (month - 1). */
typedef int32_t ov_month;
/* Strict YYYY-MM, years 1900-2199; false when malformed. */
bool ov_month_parse(ov_str s, ov_month *out);
void ov_month_format(ov_month m, char out[8]);

typedef struct ov_reg_covariate {
    char *name;
    bool categorical;
    double *num;          /* n values when numeric */
    int32_t *level;       /* n level indices when categorical */
    char **levels;        /* nlevels names, sorted by bytes (R in C locale) */
    int nlevels;
} ov_reg_covariate;

typedef struct ov_register_options {
    const char *dir;
    /* Covariates to read, in this order; NULL or empty = every column of
     * population.csv other than id, treated and start. */
    const char *const *covariates;
    int ncovariates;
    const char *exact;    /* a population column for exact matching, or NULL */
    bool drop_missing;    /* drop persons with an empty covariate cell */
    int kmax;             /* keep statuses for months 0..kmax (>= 0) */
    int num_kmax;         /* keep numeric columns for months 0..num_kmax
                             (-1: none) */
    int threads;          /* parsing threads, >= 1 */
    /* months.csv.gz is inflated and parsed this many bytes at a time
     * (whole lines; a longer line grows the chunk); 0 = 16 MiB. A chunk
     * ends at a line break, like the threads' ranges, so a quoted field
     * holding a line break may not span two of them. */
    size_t gz_chunk;
    /* Called now and then from the calling thread while months.csv is
     * parsed: bytes done of total. NULL for quiet. */
    void (*progress)(void *ctx, const char *stage, double done, double total);
    void *progress_ctx;
} ov_register_options;

typedef struct ov_register {
    size_t n;             /* persons kept (after --drop-missing) */
    size_t n_dropped;     /* persons dropped for an empty covariate cell */
    ov_str *id;           /* n ids */
    unsigned char *treated;
    ov_month *start;
    int ncov;
    ov_reg_covariate *cov;
    int32_t *exact_group; /* n codes, or NULL without --exact */
    char **exact_levels;  /* the values behind the codes */
    int exact_nlevels;

    int kmax;
    unsigned char *status;     /* n * (kmax + 1): status[i * (kmax+1) + k] */
    int nnum;
    char **num_name;           /* numeric month columns, in file order */
    int num_kmax;              /* -1 when none are kept */
    double **num;              /* nnum arrays of n * (num_kmax + 1); NaN =
                                  no row for that month */
    size_t month_rows;         /* data rows in months.csv */
    size_t month_rows_kept;    /* rows inside the window */
    size_t persons_without_months;

    /* owned storage */
    ov_arena *arena;
    void *pop_data; size_t pop_len; bool pop_mapped;
} ov_register;

ov_status ov_register_read(const ov_register_options *o, ov_register *r,
                           ov_err *err);
void ov_register_free(ov_register *r);

/* Status of person i in month k (OV_RS_MISSING outside the window). */
static inline unsigned ov_register_status(const ov_register *r, size_t i, int k)
{
    if (k < 0 || k > r->kmax)
        return OV_RS_MISSING;
    return r->status[i * (size_t)(r->kmax + 1) + (size_t)k];
}

/* Strict number: optional '-', digits, optional fraction, optional
 * exponent; no spaces, no inf/nan, finite. */
bool ov_reg_parse_number(ov_str s, double *out);

#endif
