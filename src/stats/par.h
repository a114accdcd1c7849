/*
 * par.h - run a few jobs side by side: one on the calling thread, the
 * others on threads of their own, and wait for all. A job whose thread
 * cannot be started runs on the calling thread afterwards, so the work is
 * always done (only slower).
 */
#ifndef OV_STATS_PAR_H
#define OV_STATS_PAR_H

#include <stddef.h>

#define OV_PAR_MAX 16

/* fn(jobs + i * job_size) for i < n (n <= OV_PAR_MAX). */
void ov_par_run(void *(*fn)(void *), void *jobs, size_t job_size, int n);

#endif
