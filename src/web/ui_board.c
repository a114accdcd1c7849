/*
 * ui_board.c - the leader's board "Tavlemøde" (issue 12, section 2):
 * fidelity to the six core elements as six tiles, then results and
 * caseloads, the courses that need attention, the drill-down behind every
 * number, and the exports.
 *
 * Routes (routes.c): `/tavle` (the board; ?format=csv|xlsx downloads it)
 * for staff (their own and their team's figures, model/access.h
 * ov_may_see_indicators) and leaders and administrators (the whole
 * municipality, any team, any staff member); `/tavle/liste` (the courses
 * behind a figure: ?ind=CODE&part=num|den, or ?list=attention; the same
 * filters and formats) for leaders and administrators (OV_OP_BOARD_DRILL).
 *
 * Filters (GET query): team, staff (ids), from, to (dates; default the 12
 * months up to today, as the API). A team or staff id of another
 * municipality answers 404 exactly as one that does not exist; a period
 * whose end is before its start is shown next to the field (400) and
 * nothing is read.
 *
 * Audit: the board reads the facts as one row (store/indicators.h); the
 * attention list and every drill-down name citizens, so each is an
 * audited read of those citizens with its purpose in words. The board
 * page shows the ATT_SHOWN oldest attention items (and reads only those);
 * the whole list is one click away.
 *
 * Layout: a wall screen reads the tiles from across the room (large
 * values, status in colour and in words); @media print fits the board on
 * one A4 landscape page (app.css, ui_auth.c).
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/svg.h"
#include "model/access.h"
#include "model/settings.h"
#include "report/table.h"
#include "store/org.h"
#include "store/settings.h"
#include "web/board.h"
#include "web/handlers.h"
#include "web/indicators.h"

enum { ATT_SHOWN = 50 };

/* ---- the read ---- */

ov_status ov_board_read(ov_tx *tx, const ov_ind_query *q, ov_date today,
                        bool trend, ov_arena *a, ov_board *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    out->q = *q;
    out->on = q->to < today ? q->to : today;
    ov_settings set;
    if (ov_settings_get(tx, q->municipality_code, &set, err) != OV_OK)
        return err->code;
    ov_ind_facts *f;
    int n;
    if (ov_ind_facts_read(tx, q, a, &f, &n, err) != OV_OK)
        return err->code;
    out->ncourses = n;
    ov_ind_context cx = ov_settings_ind_context(&set, q->from, q->to);
    ov_ind_compute(f, n, &cx, out->ind);
    if (trend) {
        out->has_trend = true;
        ov_date m0 = ov_ind_month(q->to);
        for (int k = 0; k < OV_BOARD_MONTHS; k++) {
            ov_date from = ov_date_add_months(m0, k - (OV_BOARD_MONTHS - 1));
            ov_date to = ov_date_add_months(from, 1) - 1;
            out->month[k] = from;
            ov_ind_context mx = ov_settings_ind_context(&set, from, to);
            ov_indicator m[OV_IND_COUNT];
            ov_ind_compute(f, n, &mx, m);
            for (int i = 0; i < OV_IND_COUNT; i++)
                out->trend[k][i] = m[i].has_value ? m[i].value : (double)NAN;
        }
    }
    out->rules = ov_att_rules_from_settings(&set);
    ov_att_item *att = NULL;
    int natt = ov_att_compute(f, n, &out->rules, out->on, &att);
    out->att = OV_NEW_N(a, ov_att_item, (size_t)natt + 1);
    if (natt > 0)
        memcpy(out->att, att, (size_t)natt * sizeof *att);
    out->natt = natt;
    free(att);
    return OV_OK;
}

/* ---- the cache ---- */

enum { CACHE_N = 16 };

typedef struct cache_entry {
    bool used, computing;
    uint64_t instance, gen, tick;
    ov_ind_query q;
    ov_date on;
    ov_board b; /* b.att malloc'ed */
} cache_entry;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cache_cond = PTHREAD_COND_INITIALIZER;
static cache_entry cache[CACHE_N];
static uint64_t cache_tick;

static bool same_query(const ov_ind_query *x, const ov_ind_query *y)
{
    return x->municipality_code == y->municipality_code &&
           x->team_id == y->team_id && x->staff_id == y->staff_id &&
           x->from == y->from && x->to == y->to;
}

static void board_copy(ov_board *to, const ov_board *from, ov_arena *a)
{
    *to = *from;
    to->att = a ? OV_NEW_N(a, ov_att_item, (size_t)from->natt + 1)
                : ov_xmalloc(ov_size_mul((size_t)from->natt + 1,
                                         sizeof *to->att));
    if (from->natt > 0)
        memcpy(to->att, from->att, (size_t)from->natt * sizeof *to->att);
}

ov_status ov_board_read_cached(ov_tx *tx, const ov_ind_query *q,
                               ov_date today, bool trend, ov_arena *a,
                               ov_board *out, ov_err *err)
{
    uint64_t instance, gen;
    if (!ov_tx_data_version(tx, &instance, &gen))
        return ov_board_read(tx, q, today, trend, a, out, err);
    ov_date on = q->to < today ? q->to : today;
    pthread_mutex_lock(&cache_lock);
    cache_entry *slot = NULL;
    for (;;) {
        cache_entry *hit = NULL;
        for (int i = 0; i < CACHE_N; i++) {
            cache_entry *e = &cache[i];
            if (e->used && e->instance == instance && e->gen == gen &&
                e->on == on && same_query(&e->q, q) &&
                (e->b.has_trend || !trend || e->computing))
                hit = e;
        }
        if (hit && hit->computing) {
            pthread_cond_wait(&cache_cond, &cache_lock);
            continue;
        }
        if (hit) {
            hit->tick = ++cache_tick;
            board_copy(out, &hit->b, a);
            pthread_mutex_unlock(&cache_lock);
            return ov_board_audit_facts(tx, q, out->ncourses, err);
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
    if (!slot) { /* every slot is being computed: compute without keeping */
        pthread_mutex_unlock(&cache_lock);
        return ov_board_read(tx, q, today, trend, a, out, err);
    }
    if (slot->used)
        free(slot->b.att);
    memset(slot, 0, sizeof *slot);
    slot->used = slot->computing = true;
    slot->instance = instance;
    slot->gen = gen;
    slot->q = *q;
    slot->on = on;
    pthread_mutex_unlock(&cache_lock);
    ov_status st = ov_board_read(tx, q, today, true, a, out, err);
    pthread_mutex_lock(&cache_lock);
    slot->computing = false;
    if (st == OV_OK) {
        board_copy(&slot->b, out, NULL);
        slot->tick = ++cache_tick;
    } else {
        slot->used = false;
    }
    pthread_cond_broadcast(&cache_cond);
    pthread_mutex_unlock(&cache_lock);
    return st;
}

/* The citizens behind the first n attention items, read for `purpose`. */
static ov_status att_courses(ov_tx *tx, const ov_board *b, int n,
                             const char *purpose, ov_arena *a,
                             ov_board_course **out, ov_err *err)
{
    int64_t *ids = OV_NEW_N(a, int64_t, (size_t)n + 1);
    for (int i = 0; i < n; i++)
        ids[i] = b->att[i].course_id;
    return ov_board_courses(tx, b->q.municipality_code, ids, n, purpose, a,
                            out, err);
}

ov_status ov_board_attention_json(ov_tx *tx, const ov_board *b,
                                  ov_arena *a, json_t **out, ov_err *err)
{
    *out = NULL;
    ov_board_course *cs;
    if (att_courses(tx, b, b->natt, "indikatorer: kræver opmærksomhed", a,
                    &cs, err) != OV_OK)
        return err->code;
    json_t *arr = json_array();
    for (int i = 0; i < b->natt; i++) {
        char d[OV_DATE_BUF];
        ov_date_format_iso(b->att[i].since, d);
        json_array_append_new(
            arr, json_pack("{s:I,s:s,s:s}", "course_id",
                           (json_int_t)b->att[i].course_id, "reason",
                           ov_att_reason_code(b->att[i].reason), "since", d));
    }
    *out = arr;
    return OV_OK;
}

/* ---- the query ---- */

static const ov_field query_spec[] = {
    {.name = "team", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "ind.team"},
    {.name = "staff", .type = OV_F_INT, .min = 1, .max_i = INT64_MAX / 2,
     .label = "ind.staff"},
    {.name = "from", .type = OV_F_DATE, .label = "ind.from"},
    {.name = "to", .type = OV_F_DATE, .label = "ind.to"},
    {.name = "format", .type = OV_F_TEXT, .max = 8, .label = "board.format"},
    {.name = "ind", .type = OV_F_TEXT, .max = 64, .label = "board.indicator"},
    {.name = "part", .type = OV_F_TEXT, .max = 8, .label = "board.part"},
    {.name = "list", .type = OV_F_TEXT, .max = 16, .label = "board.list"},
};
#define NQUERY ((int)(sizeof query_spec / sizeof query_spec[0]))

typedef enum fmt { F_HTML = 0, F_CSV, F_XLSX } fmt;

typedef struct req_q {
    ov_form f;
    ov_ind_query q;
    fmt format;
    bool valid;       /* parsed, and the period is a period */
    ov_str filter;    /* "team=..&staff=..&from=..&to=.." for links */
} req_q;

static ov_str filter_query(ov_arena *a, const ov_ind_query *q, bool team,
                           bool staff)
{
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(q->from, f);
    ov_date_format_iso(q->to, t);
    return ov_str_c(ov_arena_printf(
        a, "%s%s%s%s%sfrom=%s&to=%s",
        team && q->team_id ? "team=" : "",
        team && q->team_id ? ov_arena_printf(a, "%lld", (long long)q->team_id)
                           : "",
        team && q->team_id ? "&" : "",
        staff && q->staff_id
            ? ov_arena_printf(a, "staff=%lld", (long long)q->staff_id)
            : "",
        staff && q->staff_id ? "&" : "", f, t));
}

/* An error of a query field (a catalogue message, core/errmsg.h, so the
 * form shows it in the reader's language); false, for r->valid. */
static bool fail_field(ov_form *f, const ov_err *err)
{
    ov_form_fail_err(f, err);
    return false;
}

/* Parse the query: false with the error in the form (400 on the page). */
static void parse_query(ov_ctx *c, req_q *r)
{
    memset(r, 0, sizeof *r);
    ov_form_init(&r->f, query_spec, NQUERY, c->lang, c->req->arena);
    r->valid = ov_form_parse_urlencoded(&r->f, c->req->query, NULL) == OV_OK;
    ov_ind_query *q = &r->q;
    q->municipality_code = c->req->viewer.municipality_code;
    q->to = ov_form_has(&r->f, "to") && ov_form_str(&r->f, "to").len
                ? ov_form_date(&r->f, "to", c->today)
                : c->today;
    q->from = ov_form_has(&r->f, "from") && ov_form_str(&r->f, "from").len
                  ? ov_form_date(&r->f, "from", c->today)
                  : ov_date_add_months(q->to, -12) + 1;
    q->team_id = ov_form_int(&r->f, "team", 0);
    q->staff_id = ov_form_int(&r->f, "staff", 0);
    if (q->team_id == 0 && q->staff_id == 0)
        q->staff_id = ov_indicators_default_staff(&c->req->viewer);
    ov_err err;
    ov_err_clear(&err);
    ov_str fm = ov_str_trim(ov_form_str(&r->f, "format"));
    if (fm.len == 0 || ov_str_eq_c(fm, "html"))
        r->format = F_HTML;
    else if (ov_str_eq_c(fm, "csv"))
        r->format = F_CSV;
    else if (ov_str_eq_c(fm, "xlsx"))
        r->format = F_XLSX;
    else if (r->valid)
        r->valid = fail_field(
            &r->f, (ov_err_msg(&err, OV_EINVAL, "format", board_format), &err));
    if (r->valid && ov_ind_period_validate(q->from, q->to, &err) != OV_OK) {
        ov_form_fail_err(&r->f, &err);
        r->valid = false;
    }
    r->filter = filter_query(c->req->arena, q, true, true);
}

/* Check the filter in tx: the team and staff member of the municipality
 * (404 as missing), and that the viewer may see those figures (403). */
static ov_status check_scope(ov_ctx *c, ov_tx *tx, const ov_ind_query *q,
                             ov_err *err)
{
    bool on_team = false;
    if (ov_ind_query_check(tx, q, err) != OV_OK ||
        (q->team_id != 0 && ov_ind_on_team(tx, c->req->viewer.user_id,
                                           q->team_id, &on_team,
                                           err) != OV_OK))
        return err->code;
    if (!ov_may_see_indicators(&c->req->viewer, q->team_id, on_team,
                               q->staff_id))
        return ov_err_msg(err, OV_EPERM, NULL, board_scope);
    return OV_OK;
}

/* The filter's choices, read in the request's transaction: the teams the
 * viewer may filter by (a leader every team of the municipality, staff
 * the teams they are on) and, for a leader, the frontline staff. */
typedef struct choices {
    ov_team_row *teams;
    int nteams;
    ov_board_staff *staff; /* the municipality's frontline staff (names) */
    int nstaff;
    ov_member_row *members; /* the chosen team's: the staff filter's */
    int nmembers;
} choices;

/* ---- formatting ---- */

/* An indicator's figure and a count in the reader's language (see
 * web/indicators.h; the national board shows the same forms). */
static const char *fmt_value(ov_arena *a, ov_lang lang, ov_ind_unit unit,
                             double v)
{
    return ov_ind_figure(a, lang, unit, v);
}

static const char *fmt_count(ov_arena *a, ov_lang lang, double v)
{
    return ov_ind_count(a, lang, v);
}

/* A catalogue text with "%1" and "%2" replaced by the arguments. */
static const char *subst(ov_ctx *c, const char *key, const char *a1,
                         const char *a2)
{
    return ov_msg_fill(c->req->arena, c->lang, key, a1, a2);
}

static const char *itoa_(ov_ctx *c, int64_t v)
{
    return ov_arena_printf(c->req->arena, "%lld", (long long)v);
}

static const char *status_key(ov_ind_status s)
{
    switch (s) {
    case OV_IND_STATUS_GREEN: return "board.status.green";
    case OV_IND_STATUS_YELLOW: return "board.status.yellow";
    case OV_IND_STATUS_RED: return "board.status.red";
    default: return "board.status.none";
    }
}

/* "mål: mindst 90 %" / "mål: højst 20" / "" */
static const char *fmt_target(ov_ctx *c, const ov_indicator *x)
{
    if (!x->has_target)
        return NULL;
    return ov_arena_printf(
        c->req->arena, "%s %s",
        ov_msg(c->lang, x->direction == OV_IND_LOWER ? "board.target_max"
                                                     : "board.target_min"),
        fmt_value(c->req->arena, c->lang, x->unit, x->target));
}

/* A reason in words; "no placement N months after" names its N, a
 * caseload its staff member. */
static const char *reason_text(ov_ctx *c, const ov_board *b,
                               const ov_att_item *it, const choices *ch)
{
    char key[64];
    snprintf(key, sizeof key, "attention.%s", ov_att_reason_code(it->reason));
    if (it->reason == OV_ATT_NO_PLACEMENT)
        return subst(c, key, itoa_(c, b->rules.no_placement_months), NULL);
    if (it->reason == OV_ATT_CASELOAD_OVER) {
        const char *who = itoa_(c, it->staff_id);
        for (int i = 0; ch && i < ch->nstaff; i++)
            if (ch->staff[i].id == it->staff_id)
                who = ch->staff[i].name.ptr;
        return subst(c, key, who, NULL);
    }
    return ov_msg(c->lang, key);
}

/* ---- the tiles ---- */

/* A published figure drawn as a labelled reference line (DOMAIN.md,
 * "Published results"). */
typedef struct ref {
    ov_ind_id id;
    double v;
    const char *label_key;
} ref;

static const ref refs[] = {
    {OV_IND_COMPANY_DIRECTED_SHARE, 80, "board.ref.cd_final"},
    {OV_IND_COMPANY_DIRECTED_SHARE, 41, "board.ref.cd_control"},
    {OV_IND_COMPANY_DIRECTED_SHARE, 88, "board.ref.cd_mid"},
    {OV_IND_ORDINARY_EMPLOYMENT_12M, 20, "board.ref.emp_final"},
    {OV_IND_ORDINARY_EMPLOYMENT_12M, 11, "board.ref.emp_control"},
    {OV_IND_WHO5_CHANGE, 8, "board.ref.who5_pilot"},
    {OV_IND_CTI_CASELOAD_MAX, 20, "board.ref.cti_20"},
};
#define NREFS ((int)(sizeof refs / sizeof refs[0]))

/* The trend of one indicator over the 12 months as a small line, with the
 * target and the published figures as reference lines. */
static void sparkline(ov_ctx *c, const ov_board *b, const ov_indicator *x)
{
    double y[OV_BOARD_MONTHS];
    double lo = INFINITY, hi = -INFINITY;
    for (int k = 0; k < OV_BOARD_MONTHS; k++) {
        y[k] = b->trend[k][x->id];
        if (isfinite(y[k])) {
            lo = fmin(lo, y[k]);
            hi = fmax(hi, y[k]);
        }
    }
    bool with_refs = false;
    for (int i = 0; i < NREFS; i++)
        if (refs[i].id == x->id) {
            lo = fmin(lo, refs[i].v);
            hi = fmax(hi, refs[i].v);
            with_refs = true;
        }
    if (x->has_target) {
        lo = fmin(lo, x->target);
        hi = fmax(hi, x->target);
    }
    if (x->unit == OV_IND_PERCENT) {
        lo = 0;
        hi = 100;
    }
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi - lo < 1e-9)
        hi = lo + 1;
    double W = 240, H = with_refs ? 96 : 56, top = with_refs ? 6 : 4;
    char label[256];
    snprintf(label, sizeof label, "%s: %s", ov_ind_label(c->lang, x->id),
             ov_msg(c->lang, "board.trend"));
    ov_svg s;
    ov_svg_begin(&s, &c->res->body, W, H, "spark", false, label);
    s.english = c->lang == OV_LANG_EN;
    ov_svg_scale sx = {0, OV_BOARD_MONTHS - 1, 4, W - 4};
    ov_svg_scale sy = {lo, hi, H - 4, top};
    if (x->has_target)
        ov_svg_href(&s, "target", sy, x->target, 4, W - 4, NULL);
    for (int i = 0; i < NREFS; i++)
        if (refs[i].id == x->id) {
            ov_svg_href(&s, refs[i].v < (x->has_target ? x->target : 0)
                                ? "ref low"
                                : "ref",
                        sy, refs[i].v, 4, W - 4, NULL);
        }
    ov_svg_polyline(&s, "trend", sx, sy, 0, 1, y, OV_BOARD_MONTHS, true);
    for (int k = 0; k < OV_BOARD_MONTHS; k++)
        if (isfinite(y[k])) {
            char d[OV_DATE_BUF], t[64];
            ov_date_format_iso(b->month[k], d);
            d[7] = '\0';
            snprintf(t, sizeof t, "%s: %s", d,
                     ov_ind_count(c->req->arena, c->lang, y[k]));
            ov_svg_circle(&s, "trend", ov_svg_map(sx, k), ov_svg_map(sy, y[k]),
                          2.5, t);
        }
    ov_svg_end_svg(&s);
    /* the reference lines named below the line, so close ones never
     * overlap: the target, then each published figure with its source */
    ov_html_lit(c->res, "<figcaption>");
    if (x->has_target)
        ov_html_printf(c->res, "<span class=\"key target\">%h</span> ",
                       ov_str_c(fmt_target(c, x)));
    for (int i = 0; i < NREFS; i++)
        if (refs[i].id == x->id)
            ov_html_printf(
                c->res, "<span class=\"key %h\">%t %h</span> ",
                ov_str_c(refs[i].v < (x->has_target ? x->target : 0)
                             ? "ref low"
                             : "ref"),
                refs[i].label_key,
                ov_str_c(fmt_value(c->req->arena, c->lang, x->unit,
                                   refs[i].v)));
    /* the months' figures as text for a screen reader (WCAG 1.1.1; the
     * curve is a picture with a title), oldest first, "12-2025: 45 %" */
    ov_html_printf(c->res, "<span class=\"sr-only\">%t</span>"
                           "<ul class=\"sr-only\">",
                   "board.trend_values");
    for (int k = 0; k < OV_BOARD_MONTHS; k++) {
        char d[OV_DATE_BUF];
        ov_date_format_dk(b->month[k], d);
        ov_html_printf(c->res, "<li>%h: %h</li>", ov_str_c(d + 3),
                       ov_str_c(isfinite(y[k])
                                    ? fmt_value(c->req->arena, c->lang,
                                                x->unit, y[k])
                                    : ov_msg(c->lang, "board.no_figure")));
    }
    ov_html_lit(c->res, "</ul></figcaption></figure>");
}

/* "12 af 15" with each number a link to its courses (leaders). */
static void num_den(ov_ctx *c, const req_q *r, const ov_indicator *x,
                    bool drill)
{
    ov_arena *a = c->req->arena;
    const char *num = fmt_count(a, c->lang, x->numerator);
    const char *den = fmt_count(a, c->lang, x->denominator);
    bool is_load = x->group == OV_IND_GROUP_CASELOAD ||
                   x->id == OV_IND_CTI_CASELOAD_MAX;
    if (is_load) {
        /* "432 forløb hos 8 medarbejdere": the courses can be listed, the
         * staff are a count */
        const char *t =
            subst(c,
                  x->id == OV_IND_CTI_CASELOAD_MAX ? "board.load_max_nd"
                                                   : "board.load_nd",
                  "\x01", den);
        const char *mark = strchr(t, '\x01');
        ov_html_lit(c->res, "<span class=\"nd\">");
        ov_str head = {t, (size_t)(mark - t)};
        ov_html_printf(c->res, "%h", head);
        if (drill && x->numerator > 0)
            ov_html_printf(c->res,
                           "<a href=\"/tavle/liste?ind=%u&amp;part=num&amp;"
                           "%h\" title=\"%t\">%h</a>",
                           ov_str_c(x->code), r->filter, "board.drill_num",
                           num);
        else
            ov_html_printf(c->res, "%h", num);
        ov_html_printf(c->res, "%h</span>", ov_str_c(mark + 1));
        return;
    }
    ov_html_lit(c->res, "<span class=\"nd\">");
    if (drill && x->numerator > 0)
        ov_html_printf(c->res,
                       "<a href=\"/tavle/liste?ind=%u&amp;part=num&amp;%h\" "
                       "title=\"%t\">%h</a>",
                       ov_str_c(x->code), r->filter, "board.drill_num", num);
    else
        ov_html_printf(c->res, "%h", num);
    ov_html_printf(c->res, " %t ", "board.of");
    if (drill && x->denominator > 0)
        ov_html_printf(c->res,
                       "<a href=\"/tavle/liste?ind=%u&amp;part=den&amp;%h\" "
                       "title=\"%t\">%h</a>",
                       ov_str_c(x->code), r->filter, "board.drill_den", den);
    else
        ov_html_printf(c->res, "%h", den);
    ov_html_lit(c->res, "</span>");
}

static void status_chip(ov_ctx *c, ov_ind_status s)
{
    ov_html_printf(c->res, "<span class=\"chip st-%h\">%t</span>",
                   ov_str_c(ov_ind_status_code(s)), status_key(s));
}

/* One indicator as a line inside a tile or a section. */
static void ind_line(ov_ctx *c, const req_q *r, const ov_board *b,
                     ov_ind_id id, bool drill)
{
    const ov_indicator *x = &b->ind[id];
    ov_html_printf(c->res,
                   "<li data-ind=\"%h\"><span class=\"lbl\">%h</span> "
                   "<strong class=\"v\">%h</strong> ",
                   ov_str_c(x->code), ov_str_c(ov_ind_label(c->lang, id)),
                   ov_str_c(x->has_value
                                ? fmt_value(c->req->arena, c->lang, x->unit,
                                            x->value)
                                : "\xe2\x80\x93"));
    num_den(c, r, x, drill);
    const char *t = fmt_target(c, x);
    if (t)
        ov_html_printf(c->res, " <span class=\"tg\">%h</span> ", ov_str_c(t));
    if (x->direction != OV_IND_INFO)
        status_chip(c, x->status);
    ov_html_lit(c->res, "</li>");
}

/* A tile: the headline indicator large, its trend, the others below. */
static void tile(ov_ctx *c, const req_q *r, const ov_board *b,
                 const char *title_key, ov_ind_id head, const ov_ind_id *more,
                 int nmore, bool drill)
{
    const ov_indicator *x = &b->ind[head];
    ov_html_printf(c->res,
                   "<section class=\"tile st-%h\" data-ind=\"%h\">"
                   "<h3>%t</h3><p class=\"what\">%h</p><p class=\"big\">",
                   ov_str_c(ov_ind_status_code(x->status)), ov_str_c(x->code),
                   title_key, ov_str_c(ov_ind_label(c->lang, head)));
    const char *v = x->has_value
                        ? fmt_value(c->req->arena, c->lang, x->unit, x->value)
                        : "\xe2\x80\x93";
    if (drill && x->numerator > 0)
        ov_html_printf(c->res,
                       "<a class=\"value\" href=\"/tavle/liste?ind=%u&amp;"
                       "part=num&amp;%h\">%h</a>",
                       ov_str_c(x->code), r->filter, ov_str_c(v));
    else
        ov_html_printf(c->res, "<span class=\"value\">%h</span>",
                       ov_str_c(v));
    ov_html_lit(c->res, " ");
    status_chip(c, x->status);
    ov_html_lit(c->res, "</p><p class=\"sub\">");
    num_den(c, r, x, drill);
    const char *t = fmt_target(c, x);
    if (t)
        ov_html_printf(c->res, " \xc2\xb7 <span class=\"tg\">%h</span>",
                       ov_str_c(t));
    ov_html_lit(c->res, "</p>");
    if (b->has_trend)
        sparkline(c, b, x);
    if (nmore > 0) {
        ov_html_lit(c->res, "<ul class=\"more\">");
        for (int i = 0; i < nmore; i++)
            ind_line(c, r, b, more[i], drill);
        ov_html_lit(c->res, "</ul>");
    }
    ov_html_lit(c->res, "</section>");
}

/* ---- the filter form ---- */

static ov_status load_choices(ov_ctx *c, ov_tx *tx, const ov_ind_query *q,
                              bool checked, choices *ch, ov_err *err)
{
    memset(ch, 0, sizeof *ch);
    const ov_viewer *v = &c->req->viewer;
    bool leader = ov_may_do(v, OV_OP_BOARD_DRILL);
    ov_list_info li;
    if (ov_team_list(tx, v->municipality_code, c->req->arena, &ch->teams,
                     &li, err) != OV_OK)
        return err->code;
    ch->nteams = li.n;
    if (ov_board_staff_list(tx, v->municipality_code, c->req->arena,
                            &ch->staff, &ch->nstaff, err) != OV_OK)
        return err->code;
    /* a leader picks a staff member within a team (a large municipality
     * has hundreds); the team was checked to be the municipality's */
    if (leader && checked && q->team_id != 0) {
        if (ov_team_members(tx, q->team_id, c->req->arena, &ch->members, &li,
                            err) != OV_OK)
            return err->code;
        ch->nmembers = li.n;
    }
    if (!leader) {
        int k = 0;
        for (int i = 0; i < ch->nteams; i++) {
            bool on = false;
            if (ov_ind_on_team(tx, v->user_id, ch->teams[i].id, &on, err) !=
                OV_OK)
                return err->code;
            if (on)
                ch->teams[k++] = ch->teams[i];
        }
        ch->nteams = k;
    }
    return OV_OK;
}

static void filter_form(ov_ctx *c, const choices *ch, const req_q *r)
{
    const ov_viewer *v = &c->req->viewer;
    bool leader = ov_may_do(v, OV_OP_BOARD_DRILL);
    const ov_team_row *teams = ch->teams;
    int nteams = ch->nteams;
    const ov_member_row *members = ch->members;
    int nmembers = leader ? ch->nmembers : 0; /* staff: only themselves */
    ov_page_form_errors(c->res, &r->f);
    ov_html_lit(c->res, "<form method=\"get\" action=\"/tavle\" "
                        "class=\"filter board-filter\"><div class=\"row\">");
    ov_html_printf(c->res,
                   "<div class=\"field\"><label for=\"f-team\">%t</label>"
                   "<select id=\"f-team\" name=\"team\"><option value=\"\">"
                   "%t</option>",
                   "ind.team", leader ? "board.all_teams" : "board.no_team");
    for (int i = 0; i < nteams; i++) {
        if (teams[i].id == r->q.team_id)
            ov_html_printf(c->res,
                           "<option value=\"%D\" selected>%h</option>",
                           teams[i].id, teams[i].name);
        else
            ov_html_printf(c->res, "<option value=\"%D\">%h</option>",
                           teams[i].id, teams[i].name);
    }
    ov_html_printf(c->res,
                   "</select></div><div class=\"field\"><label "
                   "for=\"f-staff\">%t</label><select id=\"f-staff\" "
                   "name=\"staff\"><option value=\"\">%t</option>",
                   "ind.staff", "board.all_staff");
    if (!leader) {
        if (r->q.staff_id == v->user_id)
            ov_html_printf(c->res,
                           "<option value=\"%D\" selected>%t</option>",
                           v->user_id, "board.me");
        else
            ov_html_printf(c->res, "<option value=\"%D\">%t</option>",
                           v->user_id, "board.me");
    }
    bool listed = !leader || r->q.staff_id == 0;
    for (int i = 0; i < nmembers; i++) {
        if (!ov_role_is_frontline(members[i].role))
            continue;
        char rk[48];
        snprintf(rk, sizeof rk, "role.%s", ov_role_code(members[i].role));
        bool sel = members[i].user_id == r->q.staff_id;
        listed = listed || sel;
        if (sel)
            ov_html_printf(c->res,
                           "<option value=\"%D\" selected>%h (%t)</option>",
                           members[i].user_id, members[i].full_name, rk);
        else
            ov_html_printf(c->res, "<option value=\"%D\">%h (%t)</option>",
                           members[i].user_id, members[i].full_name, rk);
    }
    /* the staff member chosen, when not of the chosen team's list */
    for (int i = 0; !listed && i < ch->nstaff; i++)
        if (ch->staff[i].id == r->q.staff_id) {
            char rk[48];
            snprintf(rk, sizeof rk, "role.%s",
                     ov_role_code(ch->staff[i].role));
            ov_html_printf(c->res,
                           "<option value=\"%D\" selected>%h (%t)</option>",
                           ch->staff[i].id, ch->staff[i].name, rk);
            listed = true;
        }
    ov_html_lit(c->res, "</select>");
    if (leader && r->q.team_id == 0)
        ov_html_printf(c->res, "<small>%t</small>", "board.staff_hint");
    ov_html_lit(c->res, "</div>");
    for (int k = 0; k < 2; k++) {
        const char *name = k ? "to" : "from";
        ov_str kept = ov_form_str(&r->f, name);
        char iso[OV_DATE_BUF];
        ov_date_format_iso(k ? r->q.to : r->q.from, iso);
        bool bad = false;
        for (int e = 0; e < r->f.nerrors; e++)
            if (strcmp(r->f.errors[e].field, name) == 0)
                bad = true;
        ov_html_printf(c->res,
                       "<div class=\"field%h\"><label for=\"f-%h\">%t</label>"
                       "<input id=\"f-%h\" name=\"%h\" type=\"date\" "
                       "value=\"%h\"></div>",
                       ov_str_c(bad ? " has-error" : ""), ov_str_c(name),
                       k ? "ind.to" : "ind.from", ov_str_c(name),
                       ov_str_c(name),
                       bad || !r->valid ? kept : ov_str_c(iso));
    }
    ov_html_printf(c->res,
                   "</div><div class=\"actions\"><button type=\"submit\">%t"
                   "</button></div></form>",
                   "common.filter");
}

/* ---- the exports ---- */

static const char *const board_heads[] = {
    "board.col.element", "board.col.id",     "board.col.label",
    "board.col.numerator", "board.col.denominator", "board.col.value",
    "board.col.unit",    "board.col.target", "board.col.status"};

static void board_table(ov_ctx *c, const ov_board *b, ov_table *t)
{
    const char *h[9];
    for (int i = 0; i < 9; i++)
        h[i] = ov_msg(c->lang, board_heads[i]);
    char f[OV_DATE_BUF], to[OV_DATE_BUF];
    ov_date_format_dk(b->q.from, f);
    ov_date_format_dk(b->q.to, to);
    ov_table_init(t, c->req->arena, ov_msg(c->lang, "board.sheet"),
                  ov_arena_printf(c->req->arena, "%s %s..%s",
                                  ov_msg(c->lang, "board.title"), f, to),
                  9, h);
    t->note = ov_msg(c->lang, "board.note");
    for (int i = 0; i < OV_IND_COUNT; i++) {
        const ov_indicator *x = &b->ind[i];
        ov_cell *row = ov_table_row(t);
        row[0] = ov_cell_textc(ov_ind_group_code(x->group));
        row[1] = ov_cell_textc(x->code);
        row[2] = ov_cell_textc(ov_ind_label(c->lang, x->id));
        row[3] = ov_cell_number(x->numerator, 1);
        row[4] = ov_cell_number(x->denominator, 0);
        bool pct = x->unit == OV_IND_PERCENT;
        if (x->has_value)
            row[5] = pct ? ov_cell_percent(x->value / 100.0)
                         : ov_cell_number(x->value, 1);
        row[6] = ov_cell_textc(ov_ind_unit_code(x->unit));
        if (x->has_target)
            row[7] = pct ? ov_cell_percent(x->target / 100.0)
                         : ov_cell_number(x->target, 1);
        row[8] = ov_cell_textc(ov_msg(c->lang, status_key(x->status)));
    }
}

static void attention_table(ov_ctx *c, const ov_board *b,
                            const ov_board_course *cs, int n,
                            const choices *ch, ov_table *t)
{
    const char *h[6] = {
        ov_msg(c->lang, "board.col.course"), ov_msg(c->lang, "board.col.citizen"),
        ov_msg(c->lang, "board.col.team"),   ov_msg(c->lang, "board.col.reason"),
        ov_msg(c->lang, "board.col.since"),  ov_msg(c->lang, "board.col.staff")};
    ov_table_init(t, c->req->arena, ov_msg(c->lang, "board.att_sheet"),
                  ov_msg(c->lang, "board.attention"), 6, h);
    for (int i = 0; i < n; i++) {
        ov_cell *row = ov_table_row(t);
        row[0] = ov_cell_number((double)b->att[i].course_id, 0);
        if (cs[i].found) {
            row[1] = ov_cell_text(cs[i].citizen_name);
            row[2] = ov_cell_text(cs[i].team);
        }
        row[3] = ov_cell_textc(reason_text(c, b, &b->att[i], ch));
        row[4] = ov_cell_date(b->att[i].since);
        if (b->att[i].staff_id)
            row[5] = ov_cell_number((double)b->att[i].staff_id, 0);
    }
}

static void send_tables(ov_ctx *c, fmt format, const ov_table *t, int n,
                        const char *base)
{
    ov_arena *a = c->req->arena;
    if (format == F_CSV) {
        ov_buf buf;
        ov_buf_init(&buf, a, 32 * 1024 * 1024);
        ov_table_csv(&t[0], &buf);
        ov_response_download(c->res, "text/csv; charset=utf-8",
                             ov_arena_printf(a, "%s.csv", base),
                             ov_buf_str(&buf));
        return;
    }
    ov_str bytes;
    ov_err err;
    ov_err_clear(&err);
    if (ov_xlsx_bytes(t, n, NULL, a, &bytes, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_response_download(c->res,
                         "application/vnd.openxmlformats-officedocument."
                         "spreadsheetml.sheet",
                         ov_arena_printf(a, "%s.xlsx", base), bytes);
}

/* ---- the board ---- */

static const ov_ind_id el_more1[] = {OV_IND_START_MEETING_DAYS};
static const ov_ind_id el_more2[] = {OV_IND_PLAN_CHANGES_WITH_CITIZEN};
static const ov_ind_id el_more3[] = {OV_IND_FOLLOWUP_JOINT};
static const ov_ind_id el_more4[] = {OV_IND_MATCH_DAYS};
static const ov_ind_id el_more5[] = {
    OV_IND_CTI_FIRST_MONTH_CONTACTS, OV_IND_CTI_INTENSITY_DECREASING,
    OV_IND_CTI_CONTACTS_PHASE1,      OV_IND_CTI_CONTACTS_PHASE2,
    OV_IND_CTI_CONTACTS_PHASE3,      OV_IND_CTI_CASELOAD_MAX};
static const ov_ind_id el_more6[] = {OV_IND_AGREEMENT_ORDINARY_HOURS,
                                     OV_IND_ORDINARY_HOURS_START,
                                     OV_IND_ORDINARY_HOURS_NOW};

static const struct {
    const char *title;
    ov_ind_id head;
    const ov_ind_id *more;
    int nmore;
} elements[6] = {
    {"board.el1", OV_IND_START_MEETING_COMPLETE, el_more1, 1},
    {"board.el2", OV_IND_PLAN_JOB_GOAL, el_more2, 1},
    {"board.el3", OV_IND_FOLLOWUP_ON_TIME, el_more3, 1},
    {"board.el4", OV_IND_PLACEMENT_ORDINARY_POSSIBLE, el_more4, 1},
    {"board.el5", OV_IND_CTI_STARTED_IN_WINDOW, el_more5, 6},
    {"board.el6", OV_IND_AGREEMENT_SIGNED, el_more6, 3},
};

static void attention_list(ov_ctx *c, const ov_board *b,
                           const ov_board_course *cs, int n, bool full,
                           const choices *ch)
{
    if (b->natt == 0) {
        ov_html_printf(c->res, "<p class=\"empty\">%t</p>", "board.att_none");
        return;
    }
    if (!full && n < b->natt)
        ov_html_printf(c->res, "<p class=\"att-more\">%h</p>",
                       ov_str_c(subst(c, "board.att_shown", itoa_(c, n),
                                      itoa_(c, b->natt))));
    ov_html_printf(c->res,
                   "<table class=\"attention\"><thead><tr><th>%t</th>"
                   "<th>%t</th><th>%t</th><th>%t</th><th>%t</th></tr>"
                   "</thead><tbody>",
                   "board.col.course", "board.col.citizen", "board.col.team",
                   "board.col.reason", "board.col.since");
    for (int i = 0; i < n; i++) {
        const ov_att_item *it = &b->att[i];
        char since[OV_DATE_BUF];
        ov_date_format_dk(it->since, since);
        ov_html_printf(c->res,
                       "<tr data-reason=\"%h\"><td><a href=\"/forloeb/%D\">"
                       "%D</a></td><td>%h</td><td>%h</td><td>%h</td>"
                       "<td>%h</td></tr>",
                       ov_str_c(ov_att_reason_code(it->reason)), it->course_id,
                       it->course_id, cs[i].citizen_name, cs[i].team,
                       ov_str_c(reason_text(c, b, it, ch)), ov_str_c(since));
    }
    ov_html_lit(c->res, "</tbody></table>");
}

static void exports(ov_ctx *c, const req_q *r, const char *path,
                    ov_str extra)
{
    ov_html_printf(c->res,
                   "<p class=\"exports\"><a class=\"button\" "
                   "href=\"%h?%h%h&amp;format=xlsx\" download>%t</a> "
                   "<a class=\"button\" href=\"%h?%h%h&amp;format=csv\" "
                   "download>%t</a></p>",
                   ov_str_c(path), extra, r->filter, "board.export_xlsx",
                   ov_str_c(path), extra, r->filter, "common.export_csv");
}

void ov_h_board(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    req_q r;
    parse_query(&c, &r);
    bool drill = ov_may_do(&req->viewer, OV_OP_BOARD_DRILL);
    /* the request's audited read, for the purpose the route declares */
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    if (!r.valid) {
        /* bad input: the form with the error next to its field, nothing
         * read but the form's choices */
        if (r.format != F_HTML) {
            ov_tx_rollback(tx);
            ov_form_first_error(&r.f, &err);
            ov_response_error(res, &err);
            return;
        }
        choices ch;
        bool got = load_choices(&c, tx, &r.q, false, &ch, &err) == OV_OK;
        ov_tx_rollback(tx);
        if (!got) {
            ov_ctx_fail(&c, &err);
            return;
        }
        ov_page_begin(res, req, 400, ov_str_c(ov_msg(c.lang, "board.title")));
        ov_html_lit(res, "<div class=\"board\">");
        filter_form(&c, &ch, &r);
        ov_html_lit(res, "</div>");
        ov_page_end(res);
        return;
    }
    ov_board b;
    bool ok = check_scope(&c, tx, &r.q, &err) == OV_OK &&
              ov_board_read_cached(tx, &r.q, c.today, r.format == F_HTML,
                                   req->arena, &b,
                                   &err) == OV_OK;
    int shown = 0;
    ov_board_course *cs = NULL;
    choices ch;
    memset(&ch, 0, sizeof ch);
    if (ok)
        ok = load_choices(&c, tx, &r.q, true, &ch, &err) == OV_OK;
    if (ok) {
        shown = r.format == F_XLSX ? b.natt
                                   : (b.natt < ATT_SHOWN ? b.natt : ATT_SHOWN);
        if (r.format == F_CSV)
            shown = 0;
        ok = att_courses(tx, &b, shown, "tavlemøde: kræver opmærksomhed",
                         req->arena, &cs, &err) == OV_OK;
    }
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    if (r.format == F_HTML) {
        ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "board.title")));
        char f[OV_DATE_BUF], t[OV_DATE_BUF];
        ov_date_format_dk(r.q.from, f);
        ov_date_format_dk(r.q.to, t);
        ov_html_printf(res,
                       "<div class=\"board\"><p class=\"period\">"
                       "%h\xe2\x80\x93%h \xc2\xb7 %h</p>",
                       ov_str_c(f), ov_str_c(t),
                       ov_str_c(subst(&c, "board.ncourses",
                                      itoa_(&c, b.ncourses), NULL)));
        filter_form(&c, &ch, &r);
    } else {
        ov_table t[2];
        board_table(&c, &b, &t[0]);
        attention_table(&c, &b, cs, shown, &ch, &t[1]);
        send_tables(&c, r.format, t, r.format == F_XLSX ? 2 : 1, "tavle");
        return;
    }
    ov_html_printf(res, "<h2>%t</h2><div class=\"tiles\">", "board.elements");
    for (int i = 0; i < 6; i++)
        tile(&c, &r, &b, elements[i].title, elements[i].head,
             elements[i].more, elements[i].nmore, drill);
    ov_html_printf(res, "</div><h2>%t</h2><div class=\"tiles results\">",
                   "board.results");
    static const ov_ind_id ends[] = {
        OV_IND_ENDED,         OV_IND_ENDS_ORDINARY_JOB, OV_IND_ENDS_EDUCATION,
        OV_IND_ENDS_OTHER_EFFORT, OV_IND_ENDS_FLEX_JOB, OV_IND_ENDS_HEALTH,
        OV_IND_ENDS_MOVED,    OV_IND_ENDS_WITHDREW,     OV_IND_ENDS_OTHER};
    tile(&c, &r, &b, "board.r_company", OV_IND_COMPANY_DIRECTED_SHARE, NULL,
         0, drill);
    tile(&c, &r, &b, "board.r_employment", OV_IND_ORDINARY_EMPLOYMENT_12M,
         NULL, 0, drill);
    tile(&c, &r, &b, "board.r_who5", OV_IND_WHO5_CHANGE, NULL, 0, drill);
    ov_html_printf(res, "<section class=\"tile wide\"><h3>%t</h3>"
                        "<ul class=\"more\">",
                   "board.r_ends");
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
        ind_line(&c, &r, &b, ends[i], drill);
    ov_html_printf(res, "</ul></section></div><h2>%t</h2>"
                        "<section class=\"tile wide caseload\"><ul "
                        "class=\"more\">",
                   "board.caseloads");
    ind_line(&c, &r, &b, OV_IND_CASELOAD_CASEWORKER, drill);
    ind_line(&c, &r, &b, OV_IND_CASELOAD_CTI_WORKER, drill);
    ind_line(&c, &r, &b, OV_IND_CASELOAD_CONSULTANT, drill);
    ind_line(&c, &r, &b, OV_IND_CTI_CASELOAD_MAX, drill);
    ov_html_lit(res, "</ul></section>");
    char on[OV_DATE_BUF];
    ov_date_format_dk(b.on, on);
    ov_html_printf(res, "<h2 id=\"attention\">%t</h2><p class=\"att-more\">%h"
                        "</p>",
                   "board.attention",
                   ov_str_c(subst(&c, "board.att_on", on, NULL)));
    attention_list(&c, &b, cs, shown, false, &ch);
    if (drill && b.natt > 0)
        ov_html_printf(res,
                       "<p class=\"att-more\"><a href=\"/tavle/liste?"
                       "list=attention&amp;%h\">%t</a></p>",
                       r.filter, "board.att_all");
    exports(&c, &r, "/tavle", ov_str_c(""));
    /* the leader's business case (ui_econ.c, issue 15) */
    if (ov_may_do(&req->viewer, OV_OP_ECONOMICS))
        ov_html_printf(res,
                       "<p class=\"econ-link\"><a href=\"/oekonomi\">%t</a>"
                       "</p>",
                       "econ.home_link");
    ov_html_lit(res, "</div>");
    ov_page_end(res);
}

/* ---- the drill-down ---- */

static const char *part_key(bool den)
{
    return den ? "board.part_den" : "board.part_num";
}

void ov_h_board_list(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_err err;
    ov_err_clear(&err);
    req_q r;
    parse_query(&c, &r);
    ov_str list = ov_str_trim(ov_form_str(&r.f, "list"));
    ov_str part = ov_str_trim(ov_form_str(&r.f, "part"));
    bool attention = ov_str_eq_c(list, "attention");
    bool den = ov_str_eq_c(part, "den");
    ov_ind_id id = OV_IND_COUNT;
    if (r.valid && list.len && !attention)
        r.valid = fail_field(
            &r.f, (ov_err_msg(&err, OV_EINVAL, "list", board_list), &err));
    if (r.valid && !attention) {
        if (ov_ind_parse(ov_str_trim(ov_form_str(&r.f, "ind")), &id, &err) !=
            OV_OK)
            r.valid = ov_form_fail_err(&r.f, &err) == OV_OK;
        else if (!den && !ov_str_eq_c(part, "num") && part.len)
            r.valid = fail_field(
                &r.f, (ov_err_msg(&err, OV_EINVAL, "part", board_part), &err));
    }
    if (!r.valid) {
        ov_form_first_error(&r.f, &err);
        if (err.code == OV_OK)
            ov_err_msg(&err, OV_EINVAL, NULL, board_query_bad);
        ov_ctx_fail(&c, &err);
        return;
    }
    const char *purpose =
        attention ? "tavlemøde: kræver opmærksomhed"
                  : ov_arena_printf(req->arena, "tavlemøde: %s (%s)",
                                    ov_ind_code(id),
                                    den ? "nævner" : "tæller");
    /* the request's audited read, its purpose named by the list (the
     * route declares the general one) before anything is read */
    if (c.actor)
        c.actor->purpose = purpose;
    ov_tx *tx;
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    choices ch;
    bool ok = check_scope(&c, tx, &r.q, &err) == OV_OK &&
              load_choices(&c, tx, &r.q, true, &ch, &err) == OV_OK;
    ov_board b;
    ov_ind_course_ref *refs_ = NULL;
    int n = 0;
    ov_board_course *cs = NULL;
    if (ok && attention) {
        ok = ov_board_read_cached(tx, &r.q, c.today, false,
                                  req->arena, &b, &err) == OV_OK &&
             att_courses(tx, &b, b.natt, purpose, req->arena, &cs, &err) ==
                 OV_OK;
        n = ok ? b.natt : 0;
    } else if (ok) {
        ok = ov_ind_drill(tx, &r.q, id, den, req->arena, &refs_, &n, &err) ==
             OV_OK;
        int64_t *ids = OV_NEW_N(req->arena, int64_t, (size_t)n + 1);
        for (int i = 0; i < n; i++)
            ids[i] = refs_[i].course_id;
        ok = ok && ov_board_courses(tx, r.q.municipality_code, ids, n,
                                    purpose, req->arena, &cs, &err) == OV_OK;
    }
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_dk(r.q.from, f);
    ov_date_format_dk(r.q.to, t);
    const char *title =
        attention ? ov_msg(c.lang, "board.attention")
                  : ov_arena_printf(req->arena, "%s: %s",
                                    ov_ind_label(c.lang, id),
                                    ov_msg(c.lang, part_key(den)));
    if (r.format != F_HTML) {
        ov_table tb;
        if (attention) {
            attention_table(&c, &b, cs, n, &ch, &tb);
        } else {
            const char *h[5] = {ov_msg(c.lang, "board.col.course"),
                                ov_msg(c.lang, "board.col.citizen"),
                                ov_msg(c.lang, "board.col.team"),
                                ov_msg(c.lang, "board.col.stage"),
                                ov_msg(c.lang, "board.col.count")};
            ov_table_init(&tb, req->arena, ov_msg(c.lang, "board.list_sheet"),
                          ov_arena_printf(req->arena, "%s %s..%s", title, f,
                                          t),
                          5, h);
            for (int i = 0; i < n; i++) {
                ov_cell *row = ov_table_row(&tb);
                row[0] = ov_cell_number((double)refs_[i].course_id, 0);
                if (cs[i].found) {
                    row[1] = ov_cell_text(cs[i].citizen_name);
                    row[2] = ov_cell_text(cs[i].team);
                    row[3] = ov_cell_textc(ov_msg2(
                        c.lang, "stage", ov_stage_code(cs[i].stage)));
                }
                row[4] = ov_cell_number(refs_[i].count, 1);
            }
        }
        send_tables(&c, r.format, &tb, 1,
                    attention ? "tavle-opmaerksomhed" : "tavle-liste");
        return;
    }
    ov_page_begin(res, req, 200, ov_str_c(title));
    ov_html_printf(res,
                   "<div class=\"board\"><p><a href=\"/tavle?%h\">%t</a></p>"
                   "<p class=\"period\">%h\xe2\x80\x93%h</p>",
                   r.filter, "board.back", ov_str_c(f), ov_str_c(t));
    ov_str extra = attention
                       ? ov_str_c("list=attention&")
                       : ov_str_c(ov_arena_printf(req->arena,
                                                  "ind=%s&part=%s&",
                                                  ov_ind_code(id),
                                                  den ? "den" : "num"));
    if (attention) {
        attention_list(&c, &b, cs, n, true, &ch);
    } else {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += refs_[i].count;
        ov_html_printf(res, "<p class=\"sum\" data-sum=\"%h\">%h</p>",
                       ov_str_c(fmt_count(req->arena, c.lang, sum)),
                       ov_str_c(subst(&c, "board.list_sum", itoa_(&c, n),
                                      fmt_count(req->arena, c.lang, sum))));
        if (n == 0)
            ov_html_printf(res, "<p class=\"empty\">%t</p>",
                           "board.list_none");
        else {
            ov_html_printf(res,
                           "<table class=\"drill\"><thead><tr><th>%t</th>"
                           "<th>%t</th><th>%t</th><th>%t</th><th>%t</th>"
                           "</tr></thead><tbody>",
                           "board.col.course", "board.col.citizen",
                           "board.col.team", "board.col.stage",
                           "board.col.count");
            for (int i = 0; i < n; i++) {
                char sk[48];
                snprintf(sk, sizeof sk, "stage.%s",
                         ov_stage_code(cs[i].stage));
                ov_html_printf(res,
                               "<tr><td><a href=\"/forloeb/%D\">%D</a></td>"
                               "<td>%h</td><td>%h</td><td>%t</td>"
                               "<td>%h</td></tr>",
                               refs_[i].course_id, refs_[i].course_id,
                               cs[i].citizen_name, cs[i].team, sk,
                               ov_str_c(fmt_count(req->arena, c.lang,
                                                  refs_[i].count)));
            }
            ov_html_lit(res, "</tbody></table>");
        }
    }
    exports(&c, &r, "/tavle/liste", extra);
    ov_html_lit(res, "</div>");
    ov_page_end(res);
}
