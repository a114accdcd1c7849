/*
 * seen.c - the sessions' "last seen" times, kept in memory and written
 * with the next write batch, so that no request writes to look itself up.
 *
 * Why: a session ends after session_idle_minutes without a request, so
 * its seen time must move on. Writing it was a write transaction of its
 * own on the request path (once a minute per session), taken before the
 * request's own transaction. Now the request notes the time here
 * (ov_seen_note, no transaction) and the store writes all noted times,
 * and the deletions of expired sessions, in the next batch it opens:
 * every write transaction's, or the background thread's empty one within
 * SEEN_FLUSH_MS of the first note (store.c), or at close.
 *
 * Format: an open-addressed hash table keyed by the token's SHA-256 (what
 * the session table stores), each entry with the newest seen time (or
 * "gone": delete the session) and whether the last flush wrote it. A
 * written entry stays one more flush, so a reader whose snapshot began
 * before the batch that wrote it still finds the time here; the flush
 * after that drops it.
 *
 * Crash rules: a time noted but not yet written is lost in a crash, so a
 * restart may lose at most the last SEEN_FLUSH_MS (plus one background
 * tick) of seen times: a session then looks idle that much longer, never
 * shorter-lived than the limits say. A lost deletion leaves an expired
 * session's row, which is refused again (and noted gone again) when it
 * is next presented. A batch that is rolled back loses its seen times the
 * same way.
 *
 * The plan versions citizens were shown ("Mit forløb": what changed
 * since the version you last saw, store/citizen_home.h) ride on the same
 * batches: a page view is a read and must not take the writer, so it
 * notes (user, course, version) here and the next batch writes it into
 * plan_seen, never lowering it. They are few at a time (a citizen opens
 * their home now and then), so they are a small array scanned linearly,
 * capped at OV_SEEN_PLAN_MAX; the crash rule is the sessions': a note not
 * yet written is lost, and the page shows the older version's changes
 * once more.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/store_int.h"

static const char SQL_TOUCH[] =
    "UPDATE session SET seen_ms = ?2 WHERE token_hash = ?1 AND seen_ms < ?2";
static const char SQL_DELETE[] = "DELETE FROM session WHERE token_hash = ?1";
static const char SQL_PLAN_SEEN[] =
    "INSERT INTO plan_seen (user_id, course_id, version) VALUES (?1, ?2, "
    "?3) ON CONFLICT (user_id, course_id) DO UPDATE SET version = "
    "excluded.version WHERE excluded.version > plan_seen.version";

enum { E_FREE = 0, E_NOTED, E_WRITTEN };

typedef struct seen_entry {
    uint8_t hash[OV_HASH_BYTES];
    ov_time seen; /* OV_SEEN_GONE: delete the session */
    uint8_t state;
} seen_entry;

typedef struct plan_entry {
    int64_t user_id, course_id;
    int version;
    uint8_t state;
} plan_entry;

struct ov_seen {
    pthread_mutex_t lock;
    plan_entry *plan; /* the plan versions shown (E_NOTED, E_WRITTEN) */
    size_t nplan, plan_cap;
    seen_entry *e;
    size_t cap;      /* a power of two, or 0 */
    size_t used;     /* entries not free */
    size_t noted;    /* entries not yet written */
    size_t written;  /* entries written by the last flush */
    ov_time first_noted; /* when the oldest unwritten note was made */
};

ov_seen *ov_seen_new(void)
{
    ov_seen *t = ov_xcalloc(1, sizeof *t);
    pthread_mutex_init(&t->lock, NULL);
    return t;
}

void ov_seen_free(ov_seen *t)
{
    if (!t)
        return;
    pthread_mutex_destroy(&t->lock);
    free(t->e);
    free(t->plan);
    free(t);
}

static size_t slot_of(const uint8_t h[OV_HASH_BYTES], size_t cap)
{
    uint64_t v;
    memcpy(&v, h, sizeof v); /* a SHA-256: any 8 bytes are uniform */
    return (size_t)v & (cap - 1);
}

/* The entry of h, or the free slot where it belongs (lock held, cap > 0). */
static seen_entry *find(ov_seen *t, const uint8_t h[OV_HASH_BYTES])
{
    size_t i = slot_of(h, t->cap);
    while (t->e[i].state != E_FREE &&
           memcmp(t->e[i].hash, h, OV_HASH_BYTES) != 0)
        i = (i + 1) & (t->cap - 1);
    return &t->e[i];
}

/* Rebuild into `cap` slots, keeping the entries `keep` says (lock held). */
static void rebuild(ov_seen *t, size_t cap, bool drop_written)
{
    seen_entry *old = t->e;
    size_t oldcap = t->cap;
    t->e = ov_xcalloc(cap, sizeof *t->e);
    t->cap = cap;
    t->used = 0;
    for (size_t i = 0; i < oldcap; i++) {
        if (old[i].state == E_FREE ||
            (drop_written && old[i].state == E_WRITTEN))
            continue;
        seen_entry *d = find(t, old[i].hash);
        *d = old[i];
        t->used++;
    }
    free(old);
}

void ov_seen_note(ov_seen *t, const uint8_t h[OV_HASH_BYTES], ov_time seen)
{
    pthread_mutex_lock(&t->lock);
    if ((t->used + 1) * 2 > t->cap)
        rebuild(t, t->cap ? t->cap * 2 : 64, false);
    seen_entry *e = find(t, h);
    if (e->state == E_FREE) {
        memcpy(e->hash, h, OV_HASH_BYTES);
        e->seen = seen;
        t->used++;
    } else if (e->seen == OV_SEEN_GONE) {
        pthread_mutex_unlock(&t->lock);
        return; /* a deletion stays one */
    } else if (seen == OV_SEEN_GONE || seen > e->seen) {
        e->seen = seen;
    }
    if (e->state != E_NOTED) {
        if (e->state == E_WRITTEN)
            t->written--;
        e->state = E_NOTED;
        if (t->noted++ == 0)
            t->first_noted = ov_time_now();
    }
    pthread_mutex_unlock(&t->lock);
}

/* A state change of an entry, with the counters (lock held). */
static void mark_noted(ov_seen *t, uint8_t *state)
{
    if (*state == E_NOTED)
        return;
    if (*state == E_WRITTEN)
        t->written--;
    *state = E_NOTED;
    if (t->noted++ == 0)
        t->first_noted = ov_time_now();
}

void ov_seen_plan_note(ov_seen *t, int64_t user_id, int64_t course_id,
                       int version)
{
    pthread_mutex_lock(&t->lock);
    plan_entry *e = NULL;
    for (size_t i = 0; i < t->nplan && !e; i++)
        if (t->plan[i].user_id == user_id &&
            t->plan[i].course_id == course_id)
            e = &t->plan[i];
    if (!e) {
        if (t->nplan >= OV_SEEN_PLAN_MAX) {
            pthread_mutex_unlock(&t->lock);
            return;
        }
        if (t->nplan == t->plan_cap) {
            size_t cap = t->plan_cap ? t->plan_cap * 2 : 16;
            plan_entry *p = realloc(t->plan, cap * sizeof *p);
            if (!p) {
                pthread_mutex_unlock(&t->lock);
                return; /* only a note: the page shows the old changes */
            }
            t->plan = p;
            t->plan_cap = cap;
        }
        e = &t->plan[t->nplan++];
        *e = (plan_entry){user_id, course_id, 0, E_FREE};
    }
    if (version > e->version) {
        e->version = version;
        mark_noted(t, &e->state);
    } else if (e->state == E_FREE) {
        mark_noted(t, &e->state);
    }
    pthread_mutex_unlock(&t->lock);
}

int ov_seen_plan_get(ov_seen *t, int64_t user_id, int64_t course_id)
{
    int v = 0;
    pthread_mutex_lock(&t->lock);
    for (size_t i = 0; i < t->nplan; i++)
        if (t->plan[i].user_id == user_id &&
            t->plan[i].course_id == course_id)
            v = t->plan[i].version;
    pthread_mutex_unlock(&t->lock);
    return v;
}

ov_time ov_seen_get(ov_seen *t, const uint8_t h[OV_HASH_BYTES])
{
    ov_time v = 0;
    pthread_mutex_lock(&t->lock);
    if (t->used) {
        seen_entry *e = find(t, h);
        if (e->state != E_FREE)
            v = e->seen;
    }
    pthread_mutex_unlock(&t->lock);
    return v;
}

bool ov_seen_due(ov_seen *t, ov_time now)
{
    pthread_mutex_lock(&t->lock);
    bool due = t->noted && now - t->first_noted >= OV_SEEN_FLUSH_MS;
    pthread_mutex_unlock(&t->lock);
    return due;
}

/* Write one entry's time or deletion. */
static ov_status write_one(ov_conn *c, const seen_entry *e, ov_err *err)
{
    ov_stmt *st;
    bool gone = e->seen == OV_SEEN_GONE;
    ov_status ps = gone ? ov_stmt_prepare(c, SQL_DELETE, &st, err)
                        : ov_stmt_prepare(c, SQL_TOUCH, &st, err);
    if (ps != OV_OK)
        return err->code;
    ov_stmt_bind_blob(st, 1, e->hash, OV_HASH_BYTES);
    if (!gone)
        ov_stmt_bind_i64(st, 2, e->seen);
    return ov_stmt_run(st, err);
}

void ov_seen_flush(ov_store *s, ov_conn *c)
{
    ov_seen *t = s->seen;
    if (!t)
        return;
    pthread_mutex_lock(&t->lock);
    if (!t->noted && !t->written) {
        pthread_mutex_unlock(&t->lock);
        return;
    }
    /* what the last flush wrote is committed (batches run one at a time,
     * and this one just began): drop it */
    if (t->written) {
        if (t->cap)
            rebuild(t, t->cap, true);
        size_t k = 0;
        for (size_t i = 0; i < t->nplan; i++)
            if (t->plan[i].state != E_WRITTEN)
                t->plan[k++] = t->plan[i];
        t->nplan = k;
        t->written = 0;
    }
    ov_status st = OV_OK;
    ov_err err;
    for (size_t i = 0; i < t->cap && st == OV_OK; i++) {
        seen_entry *e = &t->e[i];
        if (e->state != E_NOTED)
            continue;
        st = write_one(c, e, &err);
        if (st == OV_OK) {
            e->state = E_WRITTEN;
            t->noted--;
            t->written++;
        }
    }
    for (size_t i = 0; i < t->nplan && st == OV_OK; i++) {
        plan_entry *e = &t->plan[i];
        if (e->state != E_NOTED)
            continue;
        ov_stmt *ps;
        st = ov_stmt_prepare(c, SQL_PLAN_SEEN, &ps, &err);
        if (st != OV_OK)
            break;
        ov_stmt_bind_i64(ps, 1, e->user_id);
        ov_stmt_bind_i64(ps, 2, e->course_id);
        ov_stmt_bind_i64(ps, 3, e->version);
        st = ov_stmt_run(ps, &err);
        if (st == OV_OK) {
            e->state = E_WRITTEN;
            t->noted--;
            t->written++;
        }
    }
    pthread_mutex_unlock(&t->lock);
    /* not the batch's failure: what is left waits for the next one */
    if (st != OV_OK)
        ov_log_warn("writing the sessions' seen times: %s", err.msg);
}
