/*
 * api_national.c - `GET /api/v1/national/indicators`: every municipality
 * side by side on the indicators of `GET /api/v1/indicators`, the
 * national total and the rollout month by month, for the national
 * analyst (issue 12, sections 3 and 4; docs/indicators.md, "The national
 * board").
 *
 * ?from=YYYY-MM-DD&to=YYYY-MM-DD, widened to whole months (default: the
 * 12 whole months before this one; model/national.h ov_nat_period).
 * Bad input answers 400 naming the field. A figure built on fewer than k
 * citizens (the setting suppress_k), or hidden so that it cannot be
 * worked out from the totals, has "suppressed": true and null value,
 * numerator and denominator (and status "none"); a caseload that cannot
 * be computed from an imported extract has "available": false and the
 * same nulls. Nothing names a person or a course.
 *
 * Also the board's cache (web/national.h), shared with the page.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model/suppress.h"
#include "web/handlers.h"
#include "web/indicators.h"
#include "web/national.h"

int ov_national_k(int configured)
{
    return configured > 0 ? configured : OV_SUPPRESS_K_DEFAULT;
}

/* ---- the cache ---- */

enum { CACHE_N = 4 };

typedef struct cache_entry {
    bool used, computing;
    uint64_t instance, gen, tick;
    ov_date from, to;
    int k;
    int nsrc;
    ov_nat_source *src; /* malloc'ed, no facts */
    ov_nat_board b;     /* malloc'ed (model/national.h) */
} cache_entry;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cache_cond = PTHREAD_COND_INITIALIZER;
static cache_entry cache[CACHE_N];
static uint64_t cache_tick;

/* A copy of a board and its sources in the arena. */
static void copy_out(ov_arena *a, const ov_nat_source *src, int nsrc,
                     const ov_nat_board *b, ov_national *out)
{
    out->nsrc = nsrc;
    out->src = OV_NEW_N(a, ov_nat_source, (size_t)nsrc + 1);
    for (int i = 0; i < nsrc; i++) {
        out->src[i] = src[i];
        out->src[i].f = NULL;
    }
    out->b = *b;
    size_t cells = ((size_t)b->n + 1) * OV_IND_COUNT;
    out->b.cell = OV_NEW_N(a, ov_nat_cell, cells);
    memcpy(out->b.cell, b->cell, cells * sizeof *b->cell);
    out->b.months = OV_NEW_N(a, ov_nat_month, (size_t)b->nmonths + 1);
    if (b->nmonths > 0)
        memcpy(out->b.months, b->months,
               (size_t)b->nmonths * sizeof *b->months);
}

static void entry_free(cache_entry *e)
{
    free(e->src);
    ov_nat_free(&e->b);
    memset(e, 0, sizeof *e);
}

static ov_status compute(ov_tx *tx, ov_date from, ov_date to, int k,
                         ov_arena *a, ov_nat_source **src, int *nsrc,
                         ov_nat_board *b, ov_err *err)
{
    if (ov_nat_read(tx, from, to, a, src, nsrc, err) != OV_OK)
        return err->code;
    /* every municipality on the same rules (model/national.h) */
    ov_ind_context cx = ov_nat_context(from, to);
    ov_nat_input *in = OV_NEW_N(a, ov_nat_input, (size_t)*nsrc + 1);
    for (int i = 0; i < *nsrc; i++)
        in[i] = (ov_nat_input){(*src)[i].code, (*src)[i].f, (*src)[i].n,
                               !(*src)[i].imported};
    return ov_nat_compute(in, *nsrc, &cx, k, b, err);
}

ov_status ov_national_read(ov_tx *tx, ov_date from, ov_date to, int k,
                           ov_arena *a, ov_national *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    out->from = from;
    out->to = to;
    uint64_t instance, gen;
    bool keep = ov_tx_data_version(tx, &instance, &gen);
    pthread_mutex_lock(&cache_lock);
    cache_entry *slot = NULL;
    for (; keep;) {
        cache_entry *hit = NULL;
        for (int i = 0; i < CACHE_N; i++) {
            cache_entry *e = &cache[i];
            if (e->used && e->instance == instance && e->gen == gen &&
                e->from == from && e->to == to && e->k == k)
                hit = e;
        }
        /* the same board being computed: wait for it, not compute again */
        if (hit && hit->computing) {
            pthread_cond_wait(&cache_cond, &cache_lock);
            continue;
        }
        if (hit) {
            hit->tick = ++cache_tick;
            copy_out(a, hit->src, hit->nsrc, &hit->b, out);
            pthread_mutex_unlock(&cache_lock);
            return ov_nat_audit(tx, out->src, out->nsrc, from, to, err);
        }
        /* a free slot, or the least recently used one not being computed */
        for (int i = 0; i < CACHE_N; i++) {
            cache_entry *e = &cache[i];
            if (e->computing)
                continue;
            if (!slot || !e->used || (slot->used && e->tick < slot->tick))
                slot = e;
        }
        break;
    }
    if (slot) {
        if (slot->used)
            entry_free(slot);
        slot->used = slot->computing = true;
        slot->instance = instance;
        slot->gen = gen;
        slot->from = from;
        slot->to = to;
        slot->k = k;
    }
    pthread_mutex_unlock(&cache_lock);
    ov_arena *work = ov_arena_new(0);
    ov_nat_source *src = NULL;
    int nsrc = 0;
    ov_nat_board b;
    memset(&b, 0, sizeof b);
    ov_status st = compute(tx, from, to, k, work, &src, &nsrc, &b, err);
    if (st == OV_OK)
        copy_out(a, src, nsrc, &b, out);
    pthread_mutex_lock(&cache_lock);
    if (slot && st == OV_OK) {
        slot->computing = false;
        slot->nsrc = nsrc;
        slot->src = ov_xcalloc((size_t)nsrc + 1, sizeof *slot->src);
        for (int i = 0; i < nsrc; i++) {
            slot->src[i] = src[i];
            slot->src[i].f = NULL;
        }
        slot->b = b; /* the entry owns the board now */
        slot->tick = ++cache_tick;
    } else {
        if (slot)
            memset(slot, 0, sizeof *slot);
        ov_nat_free(&b);
    }
    pthread_cond_broadcast(&cache_cond);
    pthread_mutex_unlock(&cache_lock);
    ov_arena_destroy(work);
    return st;
}

/* ---- JSON ---- */

static json_t *cell_json(const ov_nat_cell *x, ov_lang lang)
{
    json_t *o = ov_ind_json_one(&x->ind, lang);
    bool hide = x->suppressed || x->unavailable;
    if (hide) {
        json_object_set_new(o, "numerator", json_null());
        json_object_set_new(o, "denominator", json_null());
        json_object_set_new(o, "value", json_null());
        json_object_set_new(o, "status", json_string("none"));
    }
    json_object_set_new(o, "suppressed", json_boolean(x->suppressed &&
                                                      !x->unavailable));
    json_object_set_new(o, "available", json_boolean(!x->unavailable));
    return o;
}

static json_t *row_json(const ov_nat_board *b, int row, ov_lang lang)
{
    json_t *arr = json_array();
    for (int i = 0; i < OV_IND_COUNT; i++)
        json_array_append_new(arr, cell_json(ov_nat_at(b, row, i), lang));
    return arr;
}

static json_t *count_or_null(int64_t v, bool hidden)
{
    return hidden ? json_null() : json_integer((json_int_t)v);
}

json_t *ov_national_json(const ov_national *n, ov_lang lang)
{
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(n->from, f);
    ov_date_format_iso(n->to, t);
    json_t *munis = json_array();
    for (int i = 0; i < n->nsrc; i++) {
        const ov_nat_source *s = &n->src[i];
        char on[OV_DATE_BUF];
        ov_date_format_iso(s->imported_on, on);
        json_array_append_new(
            munis,
            json_pack("{s:i,s:s,s:o,s:o}", "code", s->code, "name", s->name,
                      "imported", s->imported ? json_string(on) : json_null(),
                      "indicators", row_json(&n->b, i, lang)));
    }
    json_t *months = json_array();
    for (int m = 0; m < n->b.nmonths; m++) {
        const ov_nat_month *x = &n->b.months[m];
        char d[OV_DATE_BUF];
        ov_date_format_iso(x->month, d);
        d[7] = '\0'; /* YYYY-MM */
        json_array_append_new(
            months,
            json_pack("{s:s,s:i,s:o,s:o,s:o}", "month", d, "municipalities",
                      x->municipalities, "drawn",
                      count_or_null(x->drawn, x->drawn_hidden), "active",
                      count_or_null(x->active, x->active_hidden), "ended",
                      count_or_null(x->ended, x->ended_hidden)));
    }
    return json_pack(
        "{s:s,s:s,s:i,s:o,s:{s:o},s:o,s:{s:o,s:o}}", "from", f, "to", t, "k",
        n->b.k, "municipalities", munis, "total", "indicators",
        row_json(&n->b, n->b.n, lang), "rollout", months, "rollout_total",
        "drawn", count_or_null(n->b.drawn_total, n->b.drawn_total_hidden),
        "ended", count_or_null(n->b.ended_total, n->b.ended_total_hidden));
}

/* ---- the handler ---- */

void ov_national_period(const ov_form *f, ov_date today, ov_date *from,
                        ov_date *to)
{
    bool has_to = ov_form_has(f, "to") && ov_form_str(f, "to").len;
    bool has_from = ov_form_has(f, "from") && ov_form_str(f, "from").len;
    /* default: the 12 whole months before this one */
    ov_date t = has_to ? ov_form_date(f, "to", today)
                       : ov_ind_month(today) - 1;
    ov_date fr = has_from ? ov_form_date(f, "from", today)
                          : ov_date_add_months(ov_ind_month(t), -11);
    /* whole months (model/national.h); a period given backwards stays
     * backwards, for ov_ind_period_validate to say so */
    if (fr <= t) {
        ov_nat_period(fr, t, from, to);
    } else {
        *from = fr;
        *to = t;
    }
}

static const ov_field query_spec[] = {
    {.name = "from", .type = OV_F_DATE, .label = "ind.from"},
    {.name = "to", .type = OV_F_DATE, .label = "ind.to"},
};

void ov_h_national_api(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    ov_form f;
    ov_form_init(&f, query_spec, 2, c.lang, req->arena);
    ov_date to = c.today, from = 0;
    if (ov_form_parse_urlencoded(&f, req->query, NULL) != OV_OK) {
        ov_form_first_error(&f, &err);
    } else {
        ov_national_period(&f, c.today, &from, &to);
        ov_ind_period_validate(from, to, &err);
    }
    /* bad input: nothing read (dispatch rolls the transaction back) */
    ov_tx *tx;
    if (err.code != OV_OK || ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_national n;
    bool ok = ov_national_read(tx, from, to, ov_national_k(app->suppress_k),
                               req->arena, &n, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    json_t *j = ov_national_json(&n, c.lang);
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    ov_response_json(res, 200,
                     ov_str_c(ov_arena_strdup(req->arena, text ? text : "{}")));
    free(text);
}
