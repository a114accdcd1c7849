/*
 * sort.h - stable index sorts for millions of units: LSD radix sorts on
 * the order-preserving bit pattern of doubles (16-bit digits, digits where
 * every key agrees are skipped: integer-valued covariates take one pass)
 * and a counting sort by small group codes.
 */
#ifndef OV_STATS_SORT_H
#define OV_STATS_SORT_H

#include <stddef.h>

/* idx receives 0..n-1 ordered by key ascending, equal keys in index order
 * (-0 equals +0; no NaN). */
void ov_sort_index_by_double(const double *key, size_t n, size_t *idx);

/* Reorder idx[0..n-1] stably by group[idx[i]] ascending; codes are
 * 0..ngroups-1. */
void ov_sort_index_by_group(size_t *idx, size_t n, const int *group,
                            int ngroups);

#endif
