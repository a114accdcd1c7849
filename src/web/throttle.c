/*
 * throttle.c - log-in throttling per account and per address (see
 * throttle.h for why it is shaped this way).
 *
 * The table: OV_THROTTLE_BUCKETS buckets of OV_THROTTLE_WAYS places, one
 * allocation, fixed for the process's life (about 320 KiB). A place is
 * empty when its key is all zero (a real key is zero with chance 2^-128).
 */
#include "web/throttle.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/crypto.h"

#define KEY_BYTES 16

enum { KIND_ACCOUNT = 'u', KIND_ADDRESS = 'a' };

typedef struct place {
    uint8_t key[KEY_BYTES];
    uint32_t attempts; /* counted attempts: admitted, not taken back */
    int64_t last_ms;   /* the newest counted attempt */
    int64_t until_ms;  /* attempts before this are refused */
} place;

struct ov_throttle {
    pthread_mutex_t lock;
    ov_throttle_limits lim;
    uint8_t secret[32];
    place *places; /* OV_THROTTLE_BUCKETS * OV_THROTTLE_WAYS */
};

static const ov_throttle_limits defaults = {
    .free_account = 3,
    .free_address = 10,
    .base_ms = 1000,
    .max_ms = 60 * 1000,
    .forget_ms = 15 * 60 * 1000,
};

ov_throttle *ov_throttle_new(const ov_throttle_limits *limits)
{
    ov_throttle *t = ov_xcalloc(1, sizeof *t);
    pthread_mutex_init(&t->lock, NULL);
    t->lim = limits ? *limits : defaults;
    ov_random_bytes(t->secret, sizeof t->secret);
    t->places = ov_xcalloc((size_t)OV_THROTTLE_BUCKETS * OV_THROTTLE_WAYS,
                           sizeof(place));
    return t;
}

void ov_throttle_free(ov_throttle *t)
{
    if (!t)
        return;
    pthread_mutex_destroy(&t->lock);
    free(t->places);
    free(t);
}

static pthread_once_t g_default_once = PTHREAD_ONCE_INIT;
static ov_throttle *g_default;

static void make_default(void) { g_default = ov_throttle_new(NULL); }

ov_throttle *ov_throttle_default(void)
{
    pthread_once(&g_default_once, make_default);
    return g_default;
}

int64_t ov_throttle_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The key of (kind, value): SHA-256(secret || kind || value), cut to 16
 * bytes, never all zero. */
static void key_of(const ov_throttle *t, int kind, ov_str value,
                   uint8_t key[KEY_BYTES])
{
    ov_sha256_ctx c;
    uint8_t h[OV_HASH_BYTES];
    unsigned char k = (unsigned char)kind;
    ov_sha256_init(&c);
    ov_sha256_update(&c, t->secret, sizeof t->secret);
    ov_sha256_update(&c, &k, 1);
    ov_sha256_update(&c, value.ptr ? value.ptr : "", value.len);
    ov_sha256_final(&c, h);
    memcpy(key, h, KEY_BYTES);
    key[KEY_BYTES - 1] |= 1;
}

static bool is_empty(const place *p)
{
    static const uint8_t zero[KEY_BYTES];
    return memcmp(p->key, zero, KEY_BYTES) == 0;
}

/* Still counting: an attempt within forget_ms. */
static bool is_live(const ov_throttle *t, const place *p, int64_t now)
{
    return !is_empty(p) && p->attempts > 0 &&
           now - p->last_ms < t->lim.forget_ms;
}

static place *bucket_of(ov_throttle *t, const uint8_t key[KEY_BYTES])
{
    uint32_t b = (uint32_t)key[0] | (uint32_t)key[1] << 8 |
                 (uint32_t)key[2] << 16;
    return &t->places[(size_t)(b % OV_THROTTLE_BUCKETS) * OV_THROTTLE_WAYS];
}

/* The key's live place, or NULL. */
static place *find(ov_throttle *t, const uint8_t key[KEY_BYTES], int64_t now)
{
    place *b = bucket_of(t, key);
    for (int i = 0; i < OV_THROTTLE_WAYS; i++)
        if (memcmp(b[i].key, key, KEY_BYTES) == 0)
            return is_live(t, &b[i], now) ? &b[i] : NULL;
    return NULL;
}

/* The key's place, made afresh if it was forgotten; NULL when its bucket
 * is full of live keys (*retry_ms: until the oldest is forgotten). Only
 * an empty or forgotten place is ever taken. */
static place *claim(ov_throttle *t, const uint8_t key[KEY_BYTES], int64_t now,
                    int64_t *retry_ms)
{
    place *b = bucket_of(t, key);
    place *spare = NULL;
    int64_t soonest = INT64_MAX;
    for (int i = 0; i < OV_THROTTLE_WAYS; i++) {
        place *p = &b[i];
        if (memcmp(p->key, key, KEY_BYTES) == 0) {
            if (!is_live(t, p, now))
                memset(p, 0, sizeof *p);
            memcpy(p->key, key, KEY_BYTES);
            return p;
        }
        if (!is_live(t, p, now)) {
            if (!spare || is_empty(p))
                spare = spare && is_empty(spare) ? spare : p;
        } else if (p->last_ms + t->lim.forget_ms - now < soonest) {
            soonest = p->last_ms + t->lim.forget_ms - now;
        }
    }
    if (!spare) {
        *retry_ms = soonest;
        return NULL;
    }
    memset(spare, 0, sizeof *spare);
    memcpy(spare->key, key, KEY_BYTES);
    return spare;
}

static int64_t wait_after(const ov_throttle *t, uint32_t attempts, int free)
{
    if ((int64_t)attempts < free)
        return 0;
    int64_t w = t->lim.base_ms;
    for (int64_t i = free; i < (int64_t)attempts && w < t->lim.max_ms; i++)
        w *= 2;
    return w < t->lim.max_ms ? w : t->lim.max_ms;
}

static int seconds(int64_t ms)
{
    int64_t s = (ms + 999) / 1000;
    return s < 1 ? 1 : s > 86400 ? 86400 : (int)s;
}

/* Milliseconds until the key may try again (0: now); a key that has no
 * live place is free. */
static int64_t refused_for(ov_throttle *t, int kind, ov_str value,
                           int64_t now)
{
    uint8_t key[KEY_BYTES];
    key_of(t, kind, value, key);
    place *p = find(t, key, now);
    return p && p->until_ms > now ? p->until_ms - now : 0;
}

int ov_throttle_check(ov_throttle *t, ov_str account, ov_str address,
                      int64_t now_ms)
{
    pthread_mutex_lock(&t->lock);
    int64_t ms = refused_for(t, KIND_ACCOUNT, account, now_ms);
    if (address.len) {
        int64_t a = refused_for(t, KIND_ADDRESS, address, now_ms);
        ms = a > ms ? a : ms;
    }
    pthread_mutex_unlock(&t->lock);
    return ms > 0 ? seconds(ms) : 0;
}

static void count(const ov_throttle *t, place *p, int free, int64_t now)
{
    p->attempts++;
    p->last_ms = now;
    int64_t w = wait_after(t, p->attempts, free);
    if (w && now + w > p->until_ms)
        p->until_ms = now + w;
}

int ov_throttle_admit(ov_throttle *t, ov_str account, ov_str address,
                      int64_t now_ms)
{
    uint8_t ka[KEY_BYTES], kn[KEY_BYTES];
    key_of(t, KIND_ACCOUNT, account, ka);
    bool by_address = address.len > 0;
    if (by_address)
        key_of(t, KIND_ADDRESS, address, kn);
    pthread_mutex_lock(&t->lock);
    int64_t retry = 0, full = 0;
    place *pa = claim(t, ka, now_ms, &full);
    if (!pa)
        retry = full;
    else if (pa->until_ms > now_ms)
        retry = pa->until_ms - now_ms;
    place *pn = NULL;
    if (by_address) {
        pn = claim(t, kn, now_ms, &full);
        if (!pn)
            retry = full > retry ? full : retry;
        else if (pn->until_ms - now_ms > retry)
            retry = pn->until_ms - now_ms;
    }
    if (retry <= 0) {
        count(t, pa, t->lim.free_account, now_ms);
        if (pn)
            count(t, pn, t->lim.free_address, now_ms);
    }
    /* a place claimed but not counted stays empty-equivalent: attempts
     * 0 is not live, so it can be taken by anyone */
    pthread_mutex_unlock(&t->lock);
    return retry > 0 ? seconds(retry) : 0;
}

/* Restart the wait of a counted key from now. */
static void restamp(ov_throttle *t, int kind, ov_str value, int free,
                    int64_t now)
{
    uint8_t key[KEY_BYTES];
    key_of(t, kind, value, key);
    place *p = find(t, key, now);
    if (!p)
        return;
    int64_t w = wait_after(t, p->attempts, free);
    if (w && now + w > p->until_ms)
        p->until_ms = now + w;
    if (now > p->last_ms)
        p->last_ms = now;
}

void ov_throttle_failed(ov_throttle *t, ov_str account, ov_str address,
                        int64_t now_ms)
{
    pthread_mutex_lock(&t->lock);
    restamp(t, KIND_ACCOUNT, account, t->lim.free_account, now_ms);
    if (address.len)
        restamp(t, KIND_ADDRESS, address, t->lim.free_address, now_ms);
    pthread_mutex_unlock(&t->lock);
}

void ov_throttle_succeeded(ov_throttle *t, ov_str account, ov_str address,
                           int64_t now_ms)
{
    uint8_t ka[KEY_BYTES], kn[KEY_BYTES];
    key_of(t, KIND_ACCOUNT, account, ka);
    if (address.len)
        key_of(t, KIND_ADDRESS, address, kn);
    pthread_mutex_lock(&t->lock);
    place *pa = find(t, ka, now_ms);
    if (pa)
        memset(pa, 0, sizeof *pa);
    place *pn = address.len ? find(t, kn, now_ms) : NULL;
    if (pn && pn->attempts > 0) {
        /* this attempt was counted when admitted; earlier failures and
         * the wait they set stay */
        pn->attempts--;
        if (pn->attempts == 0)
            memset(pn, 0, sizeof *pn);
    }
    pthread_mutex_unlock(&t->lock);
}

int ov_throttle_failures(ov_throttle *t, ov_str account, int64_t now_ms)
{
    uint8_t key[KEY_BYTES];
    key_of(t, KIND_ACCOUNT, account, key);
    pthread_mutex_lock(&t->lock);
    place *p = find(t, key, now_ms);
    int n = p ? (int)p->attempts : 0;
    pthread_mutex_unlock(&t->lock);
    return n;
}

/* ---- the bound on log-ins in flight ---- */

static pthread_mutex_t g_inflight_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_inflight;

bool ov_throttle_inflight_take(void)
{
    pthread_mutex_lock(&g_inflight_lock);
    bool ok = g_inflight < OV_THROTTLE_INFLIGHT;
    if (ok)
        g_inflight++;
    pthread_mutex_unlock(&g_inflight_lock);
    return ok;
}

void ov_throttle_inflight_give(void)
{
    pthread_mutex_lock(&g_inflight_lock);
    if (g_inflight > 0)
        g_inflight--;
    pthread_mutex_unlock(&g_inflight_lock);
}
