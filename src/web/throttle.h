/*
 * throttle.h - log-in throttling: failed attempts are counted per account
 * and per client address, and an attempt over the limit is refused at
 * once (429 with Retry-After), never delayed on a worker thread.
 *
 * Why this shape. The first version counted failures in 256 slots chosen
 * by a byte of SHA-256(user name), and another name in the same slot reset
 * the count (alternating "admin" with "x7" gave 20 guesses in 19 s); it
 * also slept on the worker thread, so six parallel wrong log-ins froze the
 * server. Here:
 *
 * - Keys are whole: a key is 16 bytes of SHA-256(secret, kind, value) over
 *   the full account name or the full address, with a secret drawn when
 *   the table is made, so nobody can aim names at another key's bucket.
 *   Two names share a counter only if SHA-256 collides.
 * - No other key can reset a counter. A bucket holds OV_THROTTLE_WAYS
 *   keys; a new key takes an empty place or one whose key has been quiet
 *   for forget_ms. A key that still counts is never evicted: when its
 *   bucket is full of counting keys, the new key is refused (fail closed)
 *   until the oldest of them is forgotten. With a secret hash and the
 *   address counter, filling a bucket takes failed attempts from many
 *   addresses; the table has OV_THROTTLE_BUCKETS * OV_THROTTLE_WAYS places.
 * - An attempt counts from the moment it is admitted (ov_throttle_admit),
 *   before the password is checked, so parallel attempts cannot slip past
 *   a limit together; a right password then takes the attempt back:
 *   it forgets the account's failures and un-counts itself from the
 *   address (other failures from the address stay).
 * - The first free_* attempts of a key pass; each further one sets a wait
 *   of base_ms doubling up to max_ms, from its admission and again from
 *   the moment its password proved wrong (ov_throttle_failed). A key with no
 *   attempt for forget_ms starts afresh. Refused attempts are not counted
 *   (they cost nothing: the password is never evaluated).
 *
 * Time is passed in (milliseconds of a monotonic clock) so tests control
 * it. All functions are thread-safe; each holds one mutex for a few
 * comparisons and never waits for anything else.
 */
#ifndef OV_WEB_THROTTLE_H
#define OV_WEB_THROTTLE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/str.h"

#define OV_THROTTLE_BUCKETS 1024
#define OV_THROTTLE_WAYS 8

typedef struct ov_throttle_limits {
    int free_account;  /* attempts an account has before it waits: 3 */
    int free_address;  /* attempts an address has before it waits: 10 */
    int64_t base_ms;   /* the first wait: 1 s, doubling per attempt */
    int64_t max_ms;    /* the longest wait: 60 s */
    int64_t forget_ms; /* quiet this long, a key starts afresh: 15 min */
} ov_throttle_limits;

typedef struct ov_throttle ov_throttle;

/* A table with the given limits (NULL: the defaults above). */
ov_throttle *ov_throttle_new(const ov_throttle_limits *limits);
void ov_throttle_free(ov_throttle *t);

/* The process's table with the default limits, made at first use (the
 * server's, when ov_web.throttle is NULL). */
ov_throttle *ov_throttle_default(void);

/* Milliseconds of the monotonic clock (never jumps with the wall clock). */
int64_t ov_throttle_now_ms(void);

/* Would an attempt for account from address be refused now? 0 when it may
 * go ahead, else the seconds to wait (at least 1). Counts nothing: a cheap
 * first check before an Argon2id slot is taken. An empty address is not
 * counted (in-process callers without a network peer). */
int ov_throttle_check(ov_throttle *t, ov_str account, ov_str address,
                      int64_t now_ms);

/* Admit an attempt: 0 and the attempt is counted for both keys, or the
 * seconds to wait (at least 1) and nothing is counted. */
int ov_throttle_admit(ov_throttle *t, ov_str account, ov_str address,
                      int64_t now_ms);

/* The admitted attempt had a wrong password, known at now_ms (after the
 * check): the waits its count set start again from now, so a slow check
 * does not use up the wait before the client even has its answer. */
void ov_throttle_failed(ov_throttle *t, ov_str account, ov_str address,
                        int64_t now_ms);

/* The admitted attempt had the right password: the account's failures are
 * forgotten, and the attempt no longer counts for the address. */
void ov_throttle_succeeded(ov_throttle *t, ov_str account, ov_str address,
                           int64_t now_ms);

/* The failures counted for an account now (0 when unknown or forgotten);
 * for the log line and tests. */
int ov_throttle_failures(ov_throttle *t, ov_str account, int64_t now_ms);

/* Argon2id takes 64 MiB and tens of milliseconds per check. The server
 * runs the checks on OV_THROTTLE_HASHES log-in threads of its own (so at
 * most that many at a time, and never on a worker thread), and at most
 * OV_THROTTLE_INFLIGHT log-ins may be running or queued for them,
 * process-wide. Take a place without waiting: false when all are taken
 * (the caller answers 503 with Retry-After instead of queueing more);
 * give it back when the check is done. */
#define OV_THROTTLE_HASHES 2
#define OV_THROTTLE_INFLIGHT 8
bool ov_throttle_inflight_take(void);
void ov_throttle_inflight_give(void);

#endif
