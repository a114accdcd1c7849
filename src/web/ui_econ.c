/*
 * ui_econ.c - the business case for leaders and the national analyst
 * (issue 15 section 3): `/oekonomi` and `/api/v1/economics/...`.
 *
 * Why a page: the SØM frame (costs, effects, prices per payer over the
 * years) is what a leader takes to the budget talks; here it is filled
 * from the published scenarios (Rambøll 2021, A-D), from a scenario the
 * municipality saved, or from the leader's own figures, and computed by
 * the one calculation the CLI uses (econ/econ.h). The leader also sees
 * the running cost per citizen that the municipality's registered
 * activity gives (store/activity.h), beside the figure entered.
 *
 * Who: the operation ECONOMICS (model/access.c): a leader works with
 * their own municipality's scenarios, the national analyst with the
 * national ones (municipality 0 in store/econ_scenario.h) and never a
 * municipality's activity. A saved scenario of anyone else answers as
 * one that does not exist, in an address or in a body.
 *
 * The form: every value is a text field (Danish numbers: "91.800",
 * "0,035"), named by its JSON path in the scenario format
 * (docs/economics-format.md) with the brackets as dots ("effect.0.
 * benefit", "prices.benefit.kommune"), so the calculation's error about
 * a field lands next to that field. The form carries its base (the
 * preset or the saved scenario it started from, "base"); a value equal
 * to the base's keeps the base's origin and source (a catalogue figure
 * stays a catalogue figure), a changed one becomes "entered". The edited
 * scenario is written and parsed again (ov_econ_scenario_write, _parse),
 * so the page checks exactly what the API and the CLI check.
 *
 * Transactions: the page and the computation are plain reads (READ: no
 * person, only figures and counts); saving is one write with its audit
 * row (store/econ_scenario.c).
 */
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/svg.h"
#include "econ/econ.h"
#include "model/access.h"
#include "report/econ_report.h"
#include "report/numtext.h"
#include "report/table.h"
#include "store/activity.h"
#include "store/econ_scenario.h"
#include "web/handlers.h"
#include "web/ui.h"

/* ---- numbers ---------------------------------------------------------- */

/* A value for an input field: up to six decimals, trailing zeros
 * dropped, no thousands separators, a decimal comma in Danish; "" when
 * missing. */
static void fmt_input(ov_lang l, double v, char *out, size_t cap)
{
    if (!isfinite(v)) {
        out[0] = '\0';
        return;
    }
    snprintf(out, cap, "%.6f", v);
    char *dot = strchr(out, '.');
    if (dot) {
        char *e = out + strlen(out) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
        else if (l == OV_LANG_DA)
            *dot = ',';
    }
    if (strcmp(out, "-0") == 0)
        snprintf(out, cap, "0");
}

/* A number typed by a person: Danish ("91.800", "0,035", "-1.234,5") or
 * English ("91800", "0.035", "1,234.5"), by the page's language; a lone
 * point in Danish that is not followed by exactly three digits is a
 * decimal point ("0.25"). False when it is no number. */
static bool parse_number(ov_lang l, ov_str s, double *out)
{
    char buf[48];
    size_t n = 0;
    s = ov_str_trim(s);
    if (s.len == 0 || s.len >= sizeof buf)
        return false;
    char dec = l == OV_LANG_DA ? ',' : '.';
    char thou = l == OV_LANG_DA ? '.' : ',';
    const char *d = memchr(s.ptr, dec, s.len);
    const char *t = memchr(s.ptr, thou, s.len);
    if (l == OV_LANG_DA && !d && t &&
        !memchr(t + 1, '.', s.len - (size_t)(t + 1 - s.ptr))) {
        size_t after = s.len - (size_t)(t + 1 - s.ptr);
        bool zero_int = t == s.ptr || (t - s.ptr == 1 && s.ptr[0] == '0') ||
                        (t - s.ptr == 2 && s.ptr[0] == '-' && s.ptr[1] == '0');
        if (after != 3 || zero_int) {
            dec = '.';
            thou = ',';
        }
    }
    for (size_t i = 0; i < s.len; i++) {
        char ch = s.ptr[i];
        if (ch == thou || ch == ' ')
            continue;
        if (ch == dec)
            ch = '.';
        else if (ch == '\xe2' && i + 2 < s.len && s.ptr[i + 1] == '\x88' &&
                 s.ptr[i + 2] == '\x92') { /* U+2212 minus */
            ch = '-';
            i += 2;
        } else if (!(ch >= '0' && ch <= '9') && ch != '-' && ch != '+')
            return false;
        buf[n++] = ch;
    }
    buf[n] = '\0';
    char *end;
    double v = strtod(buf, &end);
    if (n == 0 || *end != '\0' || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* The page's language for report/numtext.h and the econ layer: the
 * enums share their values (0 Danish, 1 English). */
_Static_assert((int)OV_LANG_DA == (int)OV_NUM_DA &&
                   (int)OV_LANG_EN == (int)OV_NUM_EN &&
                   (int)OV_LANG_DA == (int)OV_ECON_LANG_DA &&
                   (int)OV_LANG_EN == (int)OV_ECON_LANG_EN,
               "ov_lang, ov_numlang and ov_econ_lang share their values");

/* Kroner for a reader: "-91.800 kr." / "-91,800 kr." */
static const char *kr(ov_arena *a, ov_lang l, double v)
{
    return ov_arena_strdup(a, ov_num_kr((ov_numlang)l, v, 0).s);
}

/* A figure for a reader: "0,035" / "0.035", "1.234" / "1,234" */
static const char *num(ov_arena *a, ov_lang l, double v, int decimals)
{
    return ov_arena_strdup(a, ov_num_dec((ov_numlang)l, v, decimals).s);
}

/* A word of the catalogue's group "econ.<group>.<code>": a payer, a
 * state, an origin. */
static const char *econ_word(ov_lang l, const char *group, const char *code)
{
    char k[96];
    snprintf(k, sizeof k, "econ.%s.%s", group, code ? code : "");
    return ov_msg(l, k);
}

/* A text of the econ layer (a note, a source, a preset's title or
 * description, the interval's method) in the reader's language; a text
 * of the user's own as it is (econ.h, ov_econ_text). */
static const char *econ_text(ov_lang l, const char *text)
{
    return ov_econ_text(text, l == OV_LANG_DA ? OV_ECON_LANG_DA
                                              : OV_ECON_LANG_EN);
}

/* ---- the page's state ------------------------------------------------- */

#define BASE_MAX 64
#define MAX_NOTES 24

typedef struct econ_page {
    ov_ctx *c;
    int muni;            /* 0: the national analyst's */
    ov_tx *tx;
    /* what the form started from */
    char base[BASE_MAX]; /* "preset:<key>", "scenario:<id>" or "" */
    const ov_econ_preset *preset;
    bool have_saved;
    ov_econ_saved saved;
    ov_econ_scenario *base_s; /* as loaded; NULL when nothing chosen */
    ov_econ_scenario *s;      /* as edited (or the base) */
    ov_econ_result *r;        /* when computed */
    bool computed;
    bool compute_tried;
    ov_err compute_err;
    ov_form f;
    ov_str name;              /* the name to save under */
    /* the saved list, and one name's history */
    ov_econ_saved *list;
    ov_list_info li;
    ov_str history;
    ov_econ_saved *hist;
    ov_list_info hli;
    /* the registered activity (a leader's municipality) */
    ov_date from, to;
    bool act_read;
    ov_activity_summary act;
    bool act_ok;
    ov_econ_value act_running;
    ov_err act_err;
    /* the notes of the table being written (render_notes) */
    const char *notes[MAX_NOTES];
    int nnotes;
} econ_page;

static int econ_muni(const ov_ctx *c)
{
    return c->req->viewer.role == OV_ROLE_NATIONAL_ANALYST
               ? 0
               : c->req->viewer.municipality_code;
}

/* ---- the form --------------------------------------------------------- */

#define NUM(n, label) {n, OV_F_TEXT, false, 32, 0, 0, label, NULL, 0, NULL, false}
static const ov_field form_spec[] = {
    {"base", OV_F_TEXT, false, BASE_MAX, 0, 0, "econ.f.base", NULL, 0, NULL,
     false},
    {"name", OV_F_TEXT, false, 400, 0, 0, "econ.f.name", NULL, 0, NULL,
     false},
    {"do", OV_F_TEXT, false, 16, 0, 0, "econ.f.do", NULL, 0, NULL, false},
    NUM("citizens", "econ.f.citizens"),
    NUM("horizon", "econ.f.horizon"),
    NUM("discount_rate", "econ.f.discount_rate"),
    NUM("establishment", "econ.f.establishment"),
    NUM("establishment_per_citizen", "econ.f.establishment_per_citizen"),
    NUM("running_per_citizen", "econ.f.running_per_citizen"),
    NUM("running_years", "econ.f.running_years"),
    NUM("effect.*.*", "econ.f.effect"),
    NUM("prices.*.*", "econ.f.price"),
    NUM("activity_prices.hour_rate.*", "econ.f.hour_rate"),
    NUM("activity_prices.minutes.*", "econ.f.minutes"),
    {"from", OV_F_DATE, false, 0, 0, 0, "econ.f.from", NULL, 0, NULL, false},
    {"to", OV_F_DATE, false, 0, 0, 0, "econ.f.to", NULL, 0, NULL, false},
};
#define NFORM ((int)(sizeof form_spec / sizeof form_spec[0]))

static const ov_field query_spec[] = {
    {"preset", OV_F_TEXT, false, BASE_MAX, 0, 0, "econ.f.base", NULL, 0, NULL,
     false},
    {"scenario", OV_F_INT, false, 0, 1, INT64_MAX, "econ.f.base", NULL, 0,
     NULL, false},
    {"history", OV_F_TEXT, false, 400, 0, 0, "econ.f.name", NULL, 0, NULL,
     false},
    {"from", OV_F_DATE, false, 0, 0, 0, "econ.f.from", NULL, 0, NULL, false},
    {"to", OV_F_DATE, false, 0, 0, 0, "econ.f.to", NULL, 0, NULL, false},
};
#define NQUERY ((int)(sizeof query_spec / sizeof query_spec[0]))

/* The form's name of a calculation's field: "effect[2].benefit" ->
 * "effect.2.benefit"; others as they are. */
static const char *form_name(ov_arena *a, const char *path)
{
    ov_buf b;
    ov_buf_init(&b, a, 256);
    for (const char *p = path; *p; p++) {
        if (*p == '[')
            ov_buf_append_c(&b, ".");
        else if (*p != ']')
            ov_buf_printf(&b, "%c", *p);
    }
    ov_str s = ov_buf_str(&b);
    return ov_arena_printf(a, "%.*s", (int)s.len, s.ptr);
}

static void fail_field(econ_page *p, const ov_err *err)
{
    char buf[OV_ERR_MSG_MAX];
    ov_form_fail(&p->f, form_name(p->c->req->arena, err->field),
                 ov_msg_error(p->c->lang, err, buf, sizeof buf));
}

/* One value of the form onto the scenario: absent keeps the base's, empty
 * is missing, equal to the base's keeps its origin and source, else
 * entered. False (the field's error recorded) when it is no number. */
static bool apply_value(econ_page *p, const char *name,
                        const ov_econ_value *base, ov_econ_value *out)
{
    if (!ov_form_has(&p->f, name))
        return true;
    ov_str s = ov_str_trim(ov_form_str(&p->f, name));
    if (s.len == 0) {
        *out = (ov_econ_value){NAN, OV_ECON_MISSING,
                               base && base->origin == OV_ECON_MISSING
                                   ? base->note
                                   : NULL};
        return true;
    }
    double v;
    if (!parse_number(p->c->lang, s, &v)) {
        ov_form_fail(&p->f, name, ov_msg(p->c->lang, "econ.err.number"));
        return false;
    }
    char a[48], b[48];
    fmt_input(OV_LANG_EN, v, a, sizeof a);
    if (base && base->origin != OV_ECON_MISSING) {
        fmt_input(OV_LANG_EN, base->v, b, sizeof b);
        if (strcmp(a, b) == 0) {
            *out = *base;
            return true;
        }
    }
    *out = (ov_econ_value){v, OV_ECON_ENTERED, NULL};
    return true;
}

static bool apply_int(econ_page *p, const char *name, int *out)
{
    if (!ov_form_has(&p->f, name))
        return true;
    ov_str s = ov_str_trim(ov_form_str(&p->f, name));
    double v;
    if (s.len == 0) {
        *out = 0;
        return true;
    }
    if (!parse_number(p->c->lang, s, &v) || v != floor(v) || v < -1e6 ||
        v > 1e6) {
        ov_form_fail(&p->f, name, ov_msg(p->c->lang, "econ.err.integer"));
        return false;
    }
    *out = (int)v;
    return true;
}

/* The form's values onto a copy of the base. */
static bool apply_form(econ_page *p)
{
    ov_econ_scenario *b = p->base_s, *s = p->s;
    *s = *b;
    bool ok = apply_int(p, "horizon", &s->horizon);
    ok &= apply_int(p, "running_years", &s->running_years);
    ok &= apply_value(p, "citizens", &b->citizens, &s->citizens);
    ok &= apply_value(p, "discount_rate", &b->discount_rate,
                      &s->discount_rate);
    ok &= apply_value(p, "establishment", &b->establishment,
                      &s->establishment);
    ok &= apply_value(p, "establishment_per_citizen",
                      &b->establishment_per_citizen,
                      &s->establishment_per_citizen);
    ok &= apply_value(p, "running_per_citizen", &b->running_per_citizen,
                      &s->running_per_citizen);
    ov_arena *a = p->c->req->arena;
    for (int y = 0; y < OV_ECON_MAX_YEARS; y++)
        for (int k = 0; k < OV_ESTATE_N; k++)
            ok &= apply_value(
                p,
                ov_arena_printf(a, "effect.%d.%s", y,
                                ov_econ_state_key((ov_econ_state)k)),
                &b->effect[y][k], &s->effect[y][k]);
    for (int k = 0; k < OV_ESTATE_N; k++)
        for (int q = 0; q < OV_PAYER_N; q++)
            ok &= apply_value(
                p,
                ov_arena_printf(a, "prices.%s.%s",
                                ov_econ_state_key((ov_econ_state)k),
                                ov_payer_key((ov_payer)q)),
                &b->price[k][q], &s->price[k][q]);
    for (int r = 0; r < OV_ACT_ROLE_N; r++)
        ok &= apply_value(p,
                          ov_arena_printf(a, "activity_prices.hour_rate.%s",
                                          ov_act_role_key((ov_act_role)r)),
                          &b->activity.hour_rate[r],
                          &s->activity.hour_rate[r]);
    for (int k = 0; k < OV_ACT_N; k++)
        ok &= apply_value(p,
                          ov_arena_printf(a, "activity_prices.minutes.%s",
                                          ov_act_kind_key((ov_act_kind)k)),
                          &b->activity.minutes[k], &s->activity.minutes[k]);
    /* a shorter horizon drops the years after it (their fields are no
     * longer on the form) */
    if (s->horizon >= 1 && s->horizon < OV_ECON_MAX_YEARS)
        for (int y = s->horizon; y < OV_ECON_MAX_YEARS; y++)
            for (int k = 0; k < OV_ESTATE_N; k++) {
                s->effect[y][k] = (ov_econ_value){NAN, OV_ECON_MISSING, NULL};
                s->effect_se[y][k] = NAN;
            }
    return ok;
}

/* ---- loading ---------------------------------------------------------- */

static const ov_econ_preset *find_preset(ov_str key)
{
    size_t n;
    const ov_econ_preset *ps = ov_econ_presets(&n);
    for (size_t i = 0; i < n; i++)
        if (ov_str_eq_c(key, ps[i].key))
            return &ps[i];
    return NULL;
}

/* Load the base named "preset:<key>" or "scenario:<id>": OV_ENOTFOUND
 * for a saved scenario that is not the caller's (as for one that does not
 * exist), OV_EINVAL for anything else. */
static ov_status load_base(econ_page *p, ov_str base, ov_err *err)
{
    ov_arena *a = p->c->req->arena;
    snprintf(p->base, sizeof p->base, "%.*s", (int)base.len, base.ptr);
    p->base_s = OV_NEW(a, ov_econ_scenario);
    p->s = OV_NEW(a, ov_econ_scenario);
    ov_str head, rest = ov_str_cut(base, ':', &head);
    if (rest.ptr && ov_str_eq_c(head, "preset")) {
        p->preset = find_preset(rest);
        if (p->preset &&
            ov_econ_preset_load(p->preset->key, p->base_s, err) == OV_OK) {
            *p->s = *p->base_s;
            return OV_OK;
        }
        p->base_s = NULL;
        return ov_err_msg(err, OV_EINVAL, "base", econ_web_base_unknown);
    }
    int64_t id = 0;
    if (rest.ptr && ov_str_eq_c(head, "scenario") && rest.len > 0 &&
        rest.len < 19) {
        for (size_t i = 0; i < rest.len; i++) {
            if (rest.ptr[i] < '0' || rest.ptr[i] > '9') {
                id = 0;
                break;
            }
            id = id * 10 + (rest.ptr[i] - '0');
        }
    }
    if (id <= 0) {
        p->base_s = NULL;
        return ov_err_msg(err, OV_EINVAL, "base", econ_web_base_unknown);
    }
    ov_str json;
    if (ov_econ_saved_get(p->tx, p->muni, id, a, &p->saved, &json, err) !=
        OV_OK) {
        p->base_s = NULL;
        return err->code;
    }
    p->have_saved = true;
    if (ov_econ_scenario_parse(json.ptr, json.len, a, p->base_s, err) !=
        OV_OK) {
        p->base_s = NULL;
        return err->code;
    }
    *p->s = *p->base_s;
    p->name = p->saved.name;
    return OV_OK;
}

/* The scenario carries the name it is saved under (a name that does not
 * fit is refused by the store, which names the field). */
static void set_name(ov_econ_scenario *s, ov_str name)
{
    name = ov_str_trim(name);
    if (name.ptr && name.len > 0 && name.len <= OV_ECON_NAME_MAX)
        snprintf(s->name, sizeof s->name, "%.*s", (int)name.len, name.ptr);
}

/* Check the edited scenario as the API would (write it, parse it back)
 * and compute it. The calculation's refusal is kept for the page, next to
 * its field. Returns the written scenario (malloc'd) or NULL. */
static char *check_and_compute(econ_page *p)
{
    ov_arena *a = p->c->req->arena;
    p->compute_tried = true;
    char *js = ov_econ_scenario_write(p->s);
    if (!js) {
        ov_err_msg(&p->compute_err, OV_EINVAL, "scenario",
                   econ_web_base_unknown);
        return NULL;
    }
    ov_econ_scenario *back = OV_NEW(a, ov_econ_scenario);
    if (ov_econ_scenario_parse(js, strlen(js), a, back, &p->compute_err) !=
        OV_OK) {
        fail_field(p, &p->compute_err);
        free(js);
        return NULL;
    }
    *p->s = *back;
    p->r = OV_NEW(a, ov_econ_result);
    if (ov_econ_compute(p->s, p->r, &p->compute_err) == OV_OK)
        p->computed = true;
    return js;
}

/* The registered activity of the last pages viewed, kept while the
 * store's data version is unchanged (store.h ov_tx_data_version), as the
 * board is: every view of a leader's page counts the same year of
 * meetings, contacts, placements and proposals (a quarter of a second
 * of processor time for 24,000 citizens, docs/performance.md), and no
 * count changes until someone writes. Keyed by store, version,
 * municipality and period; the least recently used entry gives way. The
 * counts are aggregates (no citizen), read in a plain read: nothing is
 * audited either way. Two views that miss together both count; the last
 * one's result is kept. */
enum { ACT_KEPT_N = 8 };
static struct act_kept {
    uint64_t tick; /* 0: free */
    uint64_t instance, gen;
    int muni;
    ov_date from, to;
    ov_activity_summary act;
} act_kept[ACT_KEPT_N];
static uint64_t act_tick;
static pthread_mutex_t act_lock = PTHREAD_MUTEX_INITIALIZER;

static ov_status activity_kept(econ_page *p, ov_err *err)
{
    uint64_t instance = 0, gen = 0;
    bool keep = ov_tx_data_version(p->tx, &instance, &gen);
    struct act_kept *e = NULL, *slot = act_kept;
    pthread_mutex_lock(&act_lock);
    for (int i = 0; keep && i < ACT_KEPT_N; i++) {
        struct act_kept *k = &act_kept[i];
        if (k->tick && k->instance == instance && k->gen == gen &&
            k->muni == p->muni && k->from == p->from && k->to == p->to)
            e = k;
    }
    if (e) {
        e->tick = ++act_tick;
        p->act = e->act;
    }
    pthread_mutex_unlock(&act_lock);
    if (e)
        return OV_OK;
    if (ov_store_activity_summary(p->tx, p->muni, p->from, p->to, &p->act,
                                  err) != OV_OK)
        return err->code;
    if (!keep)
        return OV_OK;
    pthread_mutex_lock(&act_lock);
    for (int i = 1; i < ACT_KEPT_N; i++)
        if (act_kept[i].tick < slot->tick)
            slot = &act_kept[i];
    *slot = (struct act_kept){++act_tick, instance, gen, p->muni, p->from,
                              p->to, p->act};
    pthread_mutex_unlock(&act_lock);
    return OV_OK;
}

/* The leader's registered activity in the period, priced by the
 * scenario's activity prices (when it has them). */
static ov_status read_activity(econ_page *p, ov_err *err)
{
    if (p->muni == 0)
        return OV_OK;
    if (activity_kept(p, err) != OV_OK)
        return err->code;
    p->act_read = true;
    ov_err_clear(&p->act_err);
    if (p->s)
        p->act_ok = ov_econ_running_from_activity(&p->act, &p->s->activity,
                                                  &p->act_running,
                                                  &p->act_err) == OV_OK;
    return OV_OK;
}

static ov_status read_lists(econ_page *p, ov_err *err)
{
    ov_arena *a = p->c->req->arena;
    if (ov_econ_saved_list(p->tx, p->muni, OV_STR_NULL, a, &p->list, &p->li,
                           err) != OV_OK)
        return err->code;
    if (p->history.ptr && p->history.len > 0 &&
        ov_econ_saved_list(p->tx, p->muni, p->history, a, &p->hist, &p->hli,
                           err) != OV_OK)
        return err->code;
    return OV_OK;
}

/* The default period of the activity: the last twelve months. */
static void default_period(econ_page *p)
{
    p->to = p->c->today;
    p->from = ov_date_add_months(p->c->today, -12) + 1;
}

/* ---- rendering: the choice --------------------------------------------- */

static void render_choice(econ_page *p)
{
    ov_response *res = p->c->res;
    ov_arena *a = p->c->req->arena;
    ov_lang l = p->c->lang;
    size_t n;
    const ov_econ_preset *ps = ov_econ_presets(&n);
    ov_html_printf(res,
                   "<section class=\"econ-choose\"><h2>%t</h2><p>%t</p>"
                   "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                   "aria-label=\"%t\"><table><caption class=\"sr-only\">%t"
                   "</caption><thead><tr><th scope=\"col\">%t</th>"
                   "<th scope=\"col\" class=\"n\">%t</th><th scope=\"col\" "
                   "class=\"n\">%t</th><th scope=\"col\" class=\"n\">%t</th>"
                   "</tr></thead><tbody>",
                   "econ.presets", "econ.presets_intro", "econ.presets",
                   "econ.presets", "econ.preset", "econ.pub_kommune",
                   "econ.pub_stat", "econ.pub_total");
    for (size_t i = 0; i < n; i++) {
        const ov_econ_preset *x = &ps[i];
        bool chosen = p->preset == x;
        ov_html_printf(res,
                       "<tr class=\"%h\"><th scope=\"row\"><a "
                       "href=\"/oekonomi?preset=%u\"",
                       ov_str_c(chosen ? "chosen" : ""), ov_str_c(x->key));
        if (chosen)
            ov_html_lit(res, " aria-current=\"true\"");
        ov_html_printf(res,
                       ">%h</a></th><td class=\"n\">%h</td><td "
                       "class=\"n\">%h</td><td class=\"n\">%h</td></tr>",
                       ov_str_c(p->c->lang == OV_LANG_DA ? x->title
                                                         : x->title_en),
                       ov_str_c(kr(a, l, x->published[OV_PAYER_KOMMUNE])),
                       ov_str_c(kr(a, l, x->published[OV_PAYER_STAT])),
                       ov_str_c(kr(a, l, x->published[OV_PAYER_N])));
    }
    ov_html_printf(res, "</tbody></table></div><p class=\"note\">%t</p>",
                   "econ.presets_source");
    /* the saved scenarios: the newest per name, with author and date */
    ov_html_printf(res, "<h2 id=\"gemte\">%t</h2>",
                   p->muni ? "econ.saved" : "econ.saved_national");
    if (p->li.n == 0) {
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "econ.saved_none");
    } else {
        ov_page_list_cut(res, &p->li, "list.newest");
        ov_html_printf(res,
                       "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                       "aria-label=\"%t\"><table class=\"saved\"><thead><tr>"
                       "<th scope=\"col\">%t</th><th scope=\"col\">%t</th>"
                       "<th scope=\"col\">%t</th><th scope=\"col\">%t</th>"
                       "</tr></thead><tbody>",
                       "econ.saved", "econ.f.name", "econ.author",
                       "econ.saved_at", "econ.versions");
        for (int i = 0; i < p->li.n; i++) {
            const ov_econ_saved *x = &p->list[i];
            char when[OV_DATE_BUF + 8];
            snprintf(when, sizeof when, "%.10s", x->created_at.ptr);
            ov_date d;
            ov_err e2;
            if (ov_date_parse_iso(ov_str_c(when), "at", &d, &e2) == OV_OK)
                ov_date_format_dk(d, when);
            ov_html_printf(res,
                           "<tr><th scope=\"row\"><a href=\"/oekonomi?"
                           "scenario=%D\">%h</a></th><td>%h</td><td>%h</td>"
                           "<td>%d",
                           x->id, x->name, x->author, ov_str_c(when),
                           x->versions);
            if (x->versions > 1)
                ov_html_printf(res,
                               " <a href=\"/oekonomi?history=%u#historik\">"
                               "%t</a>",
                               x->name, "econ.show_older");
            ov_html_lit(res, "</td></tr>");
        }
        ov_html_lit(res, "</tbody></table></div>");
    }
    if (p->hist && p->hli.n > 0) {
        ov_html_printf(res, "<h3 id=\"historik\">%h</h3>",
                       ov_str_c(ov_msg_fill(a, p->c->lang, "econ.history",
                                            ov_arena_printf(a, "%.*s",
                                                            (int)p->history
                                                                .len,
                                                            p->history.ptr),
                                            NULL)));
        ov_page_list_cut(res, &p->hli, "list.newest");
        ov_html_lit(res, "<ul class=\"plain history\">");
        for (int i = 0; i < p->hli.n; i++) {
            const ov_econ_saved *x = &p->hist[i];
            ov_html_printf(res,
                           "<li><a href=\"/oekonomi?scenario=%D\">%h</a> "
                           "%t %h</li>",
                           x->id, ov_str_c(ov_arena_printf(
                                      a, "%.16s",
                                      x->created_at.ptr ? x->created_at.ptr
                                                        : "")),
                           "common.by", x->author);
        }
        ov_html_lit(res, "</ul>");
    }
    ov_html_lit(res, "</section>");
}

/* ---- rendering: the result ---------------------------------------------- */

static const char *const series_cls[] = {"s1", "s2", "s3"};

static const char *payer_label(ov_lang l, int q)
{
    return q == OV_PAYER_N ? ov_msg(l, "common.total")
                           : econ_word(l, "payer",
                                     ov_payer_key((ov_payer)q));
}

/* The net result per year and payer: bars around zero. */
static void chart_years(econ_page *p)
{
    const ov_econ_result *r = p->r;
    ov_lang l = p->c->lang;
    enum { W = 640, H = 260, ML = 64, MR = 12, MT = 12, MB = 36 };
    double lo = 0, hi = 0;
    for (int y = 0; y < r->horizon; y++)
        for (int q = 0; q < OV_PAYER_N; q++) {
            lo = fmin(lo, r->years[y].net[q]);
            hi = fmax(hi, r->years[y].net[q]);
        }
    ov_svg s;
    ov_svg_begin(&s, &p->c->res->body, W, H, "chart", false,
                 ov_msg(l, "econ.chart_years"));
    s.english = l == OV_LANG_EN;
    ov_svg_axis ay = ov_svg_nice(lo, hi, 4);
    ov_svg_scale sy = {ay.lo, ay.hi, H - MB, MT};
    ov_svg_yaxis(&s, sy, ay, ML - 4, W - MR, false, "axis");
    double slot = (double)(W - ML - MR) / (r->horizon > 0 ? r->horizon : 1);
    double bw = slot * 0.8 / OV_PAYER_N;
    double y0 = ov_svg_map(sy, 0);
    char tip[160];
    for (int y = 0; y < r->horizon; y++) {
        double x0 = ML + slot * y + slot * 0.1;
        for (int q = 0; q < OV_PAYER_N; q++) {
            double val = r->years[y].net[q];
            double yv = ov_svg_map(sy, val);
            snprintf(tip, sizeof tip, "%s %d, %s: %s",
                     ov_msg(l, "econ.year"), y + 1, payer_label(l, q),
                     ov_num_kr((ov_numlang)l, val, 0).s);
            ov_svg_rect(&s, series_cls[q], x0 + bw * q, fmin(y0, yv), bw,
                        fabs(yv - y0) > 1 ? fabs(yv - y0) : 1, tip);
        }
        char lab[16];
        snprintf(lab, sizeof lab, "%d", y + 1);
        int step = r->horizon > 12 ? (r->horizon + 11) / 12 : 1;
        if (y % step == 0)
            ov_svg_text(&s, "axis", OV_SVG_MIDDLE, ML + slot * (y + 0.5),
                        H - MB + 16, lab);
    }
    ov_svg_line(&s, "zero", ML, y0, W - MR, y0);
    ov_svg_end_svg(&s);
    ov_html_lit(p->c->res, "<figcaption>");
    for (int q = 0; q < OV_PAYER_N; q++)
        ov_html_printf(p->c->res, "<span class=\"key %h\">%h</span> ",
                       ov_str_c(series_cls[q]),
                       ov_str_c(payer_label(l, q)));
    ov_html_printf(p->c->res, "<span>%t</span></figcaption></figure>",
                   "econ.chart_years_x");
}

/* The cumulative discounted result per citizen, all payers, with the
 * break-even year. */
static void chart_cumulative(econ_page *p)
{
    const ov_econ_result *r = p->r;
    ov_lang l = p->c->lang;
    ov_arena *a = p->c->req->arena;
    enum { W = 640, H = 260, ML = 64, MR = 12, MT = 16, MB = 36 };
    double *yv = ov_arena_alloc(a, sizeof(double) * (size_t)(r->horizon + 1));
    double lo = 0, hi = 0;
    yv[0] = 0;
    for (int y = 0; y < r->horizon; y++) {
        yv[y + 1] = r->years[y].cumulative[OV_PAYER_N] /
                    (r->citizens > 0 ? r->citizens : 1);
        lo = fmin(lo, yv[y + 1]);
        hi = fmax(hi, yv[y + 1]);
    }
    ov_svg s;
    ov_svg_begin(&s, &p->c->res->body, W, H, "chart", false,
                 ov_msg(l, "econ.chart_cumulative"));
    s.english = l == OV_LANG_EN;
    ov_svg_axis ay = ov_svg_nice(lo, hi, 4);
    ov_svg_scale sy = {ay.lo, ay.hi, H - MB, MT};
    ov_svg_scale sx = {0, r->horizon > 0 ? r->horizon : 1, ML, W - MR};
    ov_svg_yaxis(&s, sy, ay, ML - 4, W - MR, false, "axis");
    ov_svg_href(&s, "zero", sy, 0, ML, W - MR, NULL);
    if (r->break_even_year > 0) {
        char lab[64];
        snprintf(lab, sizeof lab, "%s %d", ov_msg(l, "econ.break_even_short"),
                 r->break_even_year);
        ov_svg_vref(&s, "breakeven", sx, r->break_even_year, MT, H - MB, lab);
    }
    ov_svg_polyline(&s, "line s1", sx, sy, 0, 1, yv, r->horizon + 1, true);
    char tip[160];
    for (int y = 0; y <= r->horizon; y++) {
        snprintf(tip, sizeof tip, "%s %d: %s", ov_msg(l, "econ.year"), y,
                 ov_num_kr((ov_numlang)l, yv[y], 0).s);
        ov_svg_circle(&s, "s1", ov_svg_map(sx, y), ov_svg_map(sy, yv[y]), 4,
                      tip);
        char lab[16];
        snprintf(lab, sizeof lab, "%d", y);
        int step = r->horizon > 12 ? (r->horizon + 11) / 12 : 1;
        if (y % step == 0)
            ov_svg_text(&s, "axis", OV_SVG_MIDDLE, ov_svg_map(sx, y),
                        H - MB + 16, lab);
    }
    ov_svg_end_svg(&s);
    ov_html_printf(p->c->res,
                   "<figcaption><span class=\"key s1\">%t</span> <span>%t"
                   "</span></figcaption></figure>",
                   "econ.cumulative_per_citizen", "econ.chart_years_x");
}

/* A sensitivity row's "what" in the reader's language: "effect x 0.5",
 * "price benefit.kommune -20%", "running cost +20%". */
static const char *sens_label(econ_page *p, const char *what)
{
    ov_arena *a = p->c->req->arena;
    ov_lang l = p->c->lang;
    double x;
    char st[48], py[16], sign[4];
    if (sscanf(what, "effect x %lf", &x) == 1)
        return ov_msg_fill(a, l, "econ.sens.effect", num(a, l, x, 2), NULL);
    if (sscanf(what, "price %47[a-z_].%15[a-z] %3[-+]20%%", st, py, sign) ==
        3)
        return ov_msg_fill(a, l,
                           sign[0] == '-' ? "econ.sens.price_down"
                                          : "econ.sens.price_up",
                           econ_word(l, "state", st),
                           econ_word(l, "payer", py));
    if (strcmp(what, "running cost -20%") == 0)
        return ov_msg(l, "econ.sens.running_down");
    if (strcmp(what, "running cost +20%") == 0)
        return ov_msg(l, "econ.sens.running_up");
    return what;
}

static void render_sensitivity(econ_page *p)
{
    const ov_econ_result *r = p->r;
    ov_response *res = p->c->res;
    ov_arena *a = p->c->req->arena;
    ov_lang l = p->c->lang;
    if (r->nsens == 0)
        return;
    ov_html_printf(res, "<h3>%t</h3><p>%t</p>", "econ.sens_title",
                   "econ.sens_intro");
    /* bars of the total per citizen, one per row; the labels' margin
     * as wide as the longest label (the English ones are longer), so
     * none is pushed into the bars, and at most 70 % of the width */
    enum { W = 640, RH = 22, MR = 12, MT = 8, MB = 28 };
    int H = MT + MB + RH * r->nsens;
    double lo = fmin(0, r->per_citizen[OV_PAYER_N]),
           hi = fmax(0, r->per_citizen[OV_PAYER_N]);
    for (int i = 0; i < r->nsens; i++) {
        lo = fmin(lo, r->sens[i].per_citizen[OV_PAYER_N]);
        hi = fmax(hi, r->sens[i].per_citizen[OV_PAYER_N]);
    }
    ov_svg s;
    ov_svg_begin(&s, &res->body, W, H, "chart sens", false,
                 ov_msg(l, "econ.sens_title"));
    s.english = l == OV_LANG_EN;
    double ML = 250;
    for (int i = 0; i < r->nsens; i++)
        ML = fmax(ML, ov_svg_text_width(&s, sens_label(p, r->sens[i].what)) +
                          12);
    ML = fmin(ML, W * 0.7);
    ov_svg_axis ax = ov_svg_nice(lo, hi, 4);
    ov_svg_scale sx = {ax.lo, ax.hi, ML, W - MR};
    ov_svg_xaxis(&s, sx, ax, MT, H - MB, false, "axis");
    double x0 = ov_svg_map(sx, 0);
    char tip[200];
    for (int i = 0; i < r->nsens; i++) {
        double val = r->sens[i].per_citizen[OV_PAYER_N];
        double xv = ov_svg_map(sx, val);
        double y = MT + RH * i;
        const char *lab = sens_label(p, r->sens[i].what);
        snprintf(tip, sizeof tip, "%s: %s", lab,
                 ov_num_kr((ov_numlang)l, val, 0).s);
        ov_svg_rect(&s, val >= 0 ? "s3" : "s2", fmin(x0, xv), y + 3,
                    fabs(xv - x0) > 1 ? fabs(xv - x0) : 1, RH - 6, tip);
        ov_svg_text(&s, "axis", OV_SVG_END, ML - 6, y + RH - 7, lab);
    }
    {
        double xb = ov_svg_map(sx, r->per_citizen[OV_PAYER_N]);
        ov_svg_line(&s, "base", xb, MT, xb, H - MB);
    }
    ov_svg_end_svg(&s);
    ov_html_printf(res, "<figcaption>%t</figcaption></figure>",
                   "econ.sens_caption");
    /* the same as a table */
    ov_html_printf(res,
                   "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                   "aria-label=\"%t\"><table class=\"num\"><thead><tr><th "
                   "scope=\"col\">%t</th>",
                   "econ.sens_title", "econ.sens_what");
    for (int q = 0; q <= OV_PAYER_N; q++)
        ov_html_printf(res, "<th scope=\"col\" class=\"n\">%h</th>",
                       ov_str_c(payer_label(l, q)));
    ov_html_lit(res, "</tr></thead><tbody>");
    for (int i = 0; i < r->nsens; i++) {
        ov_html_printf(res, "<tr><th scope=\"row\">%h</th>",
                       ov_str_c(sens_label(p, r->sens[i].what)));
        for (int q = 0; q <= OV_PAYER_N; q++)
            ov_html_printf(res, "<td class=\"n\">%h</td>",
                           ov_str_c(kr(a, l, r->sens[i].per_citizen[q])));
        ov_html_lit(res, "</tr>");
    }
    ov_html_lit(res, "</tbody></table></div>");
}

static void render_result(econ_page *p)
{
    ov_response *res = p->c->res;
    ov_arena *a = p->c->req->arena;
    ov_lang l = p->c->lang;
    const ov_econ_result *r = p->r;
    ov_html_printf(res, "<section class=\"econ-result\" id=\"resultat\">"
                        "<h2>%t</h2>",
                   "econ.result");
    if (!p->computed) {
        char buf[OV_ERR_MSG_MAX];
        ov_html_printf(res,
                       "<p class=\"notice error\" role=\"alert\">%t %h</p>",
                       "econ.not_computed",
                       ov_str_c(ov_msg_error(l, &p->compute_err, buf,
                                             sizeof buf)));
        ov_html_lit(res, "</section>");
        return;
    }
    /* per citizen, per payer, beside the published figures of a preset */
    ov_html_printf(res,
                   "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                   "aria-label=\"%t\"><table class=\"num percit\"><caption>"
                   "%h</caption><thead><tr><th scope=\"col\">%t</th><th "
                   "scope=\"col\" class=\"n\">%t</th>",
                   "econ.per_citizen",
                   ov_str_c(ov_msg_fill(a, l, "econ.per_citizen_caption",
                                        num(a, l, r->horizon, 0),
                                        num(a, l, r->citizens, 0))),
                   "econ.payer_col", "econ.per_citizen");
    bool pub = p->preset != NULL && !p->have_saved;
    if (pub)
        ov_html_printf(res, "<th scope=\"col\" class=\"n\">%t</th>",
                       "econ.published");
    if (r->interval.present)
        ov_html_printf(res, "<th scope=\"col\" class=\"n\">%t</th>",
                       "econ.interval");
    ov_html_printf(res, "<th scope=\"col\" class=\"n\">%t</th></tr></thead>"
                        "<tbody>",
                   "econ.break_even");
    for (int q = 0; q <= OV_PAYER_N; q++) {
        ov_html_printf(res,
                       "<tr class=\"%h\"><th scope=\"row\">%h</th><td "
                       "class=\"n\" data-payer=\"%h\">%h</td>",
                       ov_str_c(q == OV_PAYER_N ? "tot" : ""),
                       ov_str_c(payer_label(l, q)),
                       ov_str_c(q == OV_PAYER_N ? "total"
                                                : ov_payer_key((ov_payer)q)),
                       ov_str_c(kr(a, l, r->per_citizen[q])));
        if (pub)
            ov_html_printf(res, "<td class=\"n\">%h</td>",
                           ov_str_c(kr(a, l, p->preset->published[q])));
        if (r->interval.present)
            ov_html_printf(res, "<td class=\"n\">%h \xe2\x80\x93 %h</td>",
                           ov_str_c(kr(a, l, r->interval.low[q])),
                           ov_str_c(kr(a, l, r->interval.high[q])));
        int be = q == OV_PAYER_N ? r->break_even_year
                                 : r->break_even_payer[q];
        if (be > 0)
            ov_html_printf(res, "<td class=\"n\">%h</td></tr>",
                           ov_str_c(ov_msg_fill(a, l, "econ.year_n",
                                                num(a, l, be, 0), NULL)));
        else
            ov_html_printf(res, "<td class=\"n\">%t</td></tr>",
                           "econ.no_break_even");
    }
    ov_html_lit(res, "</tbody></table></div>");
    if (pub)
        ov_html_printf(res, "<p class=\"note\">%t</p>", "econ.pub_note");
    if (r->interval.present && r->interval.method)
        ov_html_printf(res, "<p class=\"note\">%h</p>",
                       ov_str_c(econ_text(l, r->interval.method)));
    if (r->break_even_year > 0)
        ov_html_printf(res, "<p class=\"breakeven\">%h</p>",
                       ov_str_c(ov_msg_fill(a, l, "econ.break_even_text",
                                            num(a, l, r->break_even_year, 0),
                                            NULL)));
    else
        ov_html_printf(res, "<p class=\"breakeven\">%t</p>",
                       "econ.no_break_even_text");
    /* the charts */
    ov_html_printf(res, "<h3>%t</h3>", "econ.chart_years");
    chart_years(p);
    ov_html_printf(res, "<h3>%t</h3>", "econ.chart_cumulative");
    chart_cumulative(p);
    /* the yearly table */
    ov_html_printf(res,
                   "<h3>%t</h3><div class=\"scroll\" tabindex=\"0\" "
                   "role=\"region\" aria-label=\"%t\"><table class=\"num "
                   "years\"><thead><tr><th scope=\"col\">%t</th><th "
                   "scope=\"col\" class=\"n\">%t</th><th scope=\"col\" "
                   "class=\"n\">%t</th>",
                   "econ.years", "econ.years", "econ.year", "econ.cost",
                   "econ.consequence");
    for (int q = 0; q <= OV_PAYER_N; q++)
        ov_html_printf(res, "<th scope=\"col\" class=\"n\">%h</th>",
                       ov_str_c(ov_msg_fill(a, l, "econ.net_of",
                                            payer_label(l, q), NULL)));
    ov_html_printf(res, "<th scope=\"col\" class=\"n\">%t</th></tr></thead>"
                        "<tbody>",
                   "econ.cumulative");
    for (int y = 0; y < r->horizon; y++) {
        const ov_econ_year *yr = &r->years[y];
        double cost = 0, cons = 0;
        for (int q = 0; q < OV_PAYER_N; q++) {
            cost += yr->cost[q];
            cons += yr->consequence[q];
        }
        ov_html_printf(res,
                       "<tr><th scope=\"row\">%d</th><td class=\"n\">%h</td>"
                       "<td class=\"n\">%h</td>",
                       yr->year, ov_str_c(kr(a, l, cost)),
                       ov_str_c(kr(a, l, cons)));
        for (int q = 0; q <= OV_PAYER_N; q++)
            ov_html_printf(res, "<td class=\"n\">%h</td>",
                           ov_str_c(kr(a, l, yr->net[q])));
        ov_html_printf(res, "<td class=\"n\">%h</td></tr>",
                       ov_str_c(kr(a, l, yr->cumulative[OV_PAYER_N])));
    }
    ov_html_printf(res, "</tbody></table></div><p class=\"note\">%t</p>",
                   "econ.years_note");
    render_sensitivity(p);
    ov_html_lit(res, "</section>");
}

/* The leader's running cost from the registered activity. */
static void render_activity(econ_page *p)
{
    ov_response *res = p->c->res;
    ov_arena *a = p->c->req->arena;
    ov_lang l = p->c->lang;
    if (!p->act_read)
        return;
    char fd[OV_DATE_BUF], td[OV_DATE_BUF];
    ov_date_format_dk(p->from, fd);
    ov_date_format_dk(p->to, td);
    ov_html_printf(res,
                   "<section class=\"econ-activity\" id=\"aktivitet\"><h2>%t"
                   "</h2><p>%h</p>",
                   "econ.activity",
                   ov_str_c(ov_msg_fill(
                       a, l, "econ.activity_period",
                       ov_arena_printf(a, "%s\xe2\x80\x93%s", fd, td),
                       num(a, l, (double)p->act.citizens, 0))));
    ov_html_printf(res, "<ul class=\"plain\">");
    for (int k = 0; k < OV_ACT_N; k++)
        ov_html_printf(res, "<li>%t: %h</li>",
                       ov_arena_printf(a, "econ.kind.%s",
                                       ov_act_kind_key((ov_act_kind)k)),
                       ov_str_c(num(a, l, (double)p->act.events[k], 0)));
    ov_html_lit(res, "</ul>");
    const ov_econ_value *entered = &p->s->running_per_citizen;
    if (p->act_ok) {
        ov_html_printf(res,
                       "<p class=\"derived\"><strong>%t</strong> <span "
                       "id=\"derived-running\">%h</span> \xc2\xb7 %t %h</p>",
                       "econ.derived_running",
                       ov_str_c(kr(a, l, p->act_running.v)),
                       "econ.entered_running",
                       ov_str_c(kr(a, l, entered->v)));
    } else {
        char buf[OV_ERR_MSG_MAX];
        /* the price that is missing by its label in the form (the
         * message's own text names it only by its JSON path, which the
         * English keeps) */
        const char *f = p->act_err.field;
        const char *label = NULL;
        if (strncmp(f, "activity_prices.hour_rate.", 26) == 0)
            label = ov_arena_printf(a, "econ.rate.%s", f + 26);
        else if (strncmp(f, "activity_prices.minutes.", 24) == 0)
            label = ov_arena_printf(a, "econ.minutes.%s", f + 24);
        if (label && l == OV_LANG_DA)
            ov_html_printf(res,
                           "<p class=\"notice warn\">%t <strong>%t"
                           "</strong> %t. %h</p>",
                           "econ.activity_missing", label, "econ.is_missing",
                           ov_str_c(ov_msg_error(l, &p->act_err, buf,
                                                 sizeof buf)));
        else if (label)
            ov_html_printf(res, "<p class=\"notice warn\">%t %h</p>",
                           "econ.activity_missing",
                           ov_str_c(ov_msg_error(l, &p->act_err, buf,
                                                 sizeof buf)));
        else /* no active course in the period: no price is missing */
            ov_html_printf(res, "<p class=\"notice warn\">%h</p>",
                           ov_str_c(ov_msg_error(l, &p->act_err, buf,
                                                 sizeof buf)));
    }
    ov_html_lit(res, "</section>");
}

/* ---- rendering: the form ------------------------------------------------- */

static const char *origin_text(econ_page *p, const ov_econ_value *v)
{
    ov_arena *a = p->c->req->arena;
    const char *o = econ_word(p->c->lang, "origin",
                            ov_econ_origin_key(v->origin));
    if (v->note && v->note[0])
        return ov_arena_printf(a, "%s: %s", o,
                               econ_text(p->c->lang, v->note));
    return o;
}

/* The value shown in a field: the form's own after a post, else the
 * scenario's. */
static const char *field_value(econ_page *p, const char *name,
                               const ov_econ_value *v)
{
    if (ov_form_has(&p->f, name)) {
        ov_str s = ov_form_str(&p->f, name);
        return ov_arena_printf(p->c->req->arena, "%.*s", (int)s.len, s.ptr);
    }
    char b[48];
    fmt_input(p->c->lang, v ? v->v : (double)NAN, b, sizeof b);
    return ov_arena_strdup(p->c->req->arena, b);
}

/* One labelled field with its origin and source below, and its error. */
static void num_field(econ_page *p, const char *name, const char *label_key,
                      const char *hint_key, const ov_econ_value *v,
                      const char *int_value)
{
    ov_response *res = p->c->res;
    const char *err = ov_form_error_of(&p->f, name);
    ov_html_printf(res,
                   "<div class=\"field%h\"><label for=\"f-econ-%h\">%t</label>",
                   ov_str_c(err ? " has-error" : ""), ov_str_c(name),
                   label_key);
    if (hint_key)
        ov_html_printf(res, "<small class=\"hint\" id=\"h-econ-%h\">%t</small>",
                       ov_str_c(name), hint_key);
    ov_html_printf(res,
                   "<input type=\"text\" inputmode=\"decimal\" "
                   "id=\"f-econ-%h\" name=\"%h\" value=\"%h\"",
                   ov_str_c(name), ov_str_c(name),
                   ov_str_c(int_value ? int_value : field_value(p, name, v)));
    if (hint_key)
        ov_html_printf(res, " aria-describedby=\"h-econ-%h\"", ov_str_c(name));
    if (err)
        ov_html_lit(res, " aria-invalid=\"true\"");
    ov_html_lit(res, ">");
    if (err)
        ov_html_printf(res, "<p class=\"error\">%h</p>", ov_str_c(err));
    if (v)
        ov_html_printf(res, "<small class=\"origin\">%h</small>",
                       ov_str_c(origin_text(p, v)));
    ov_html_lit(res, "</div>");
}

/* The number (1, 2, ...) of a value's note among the notes of the table
 * being written, added when new; 0 when it has none (or too many). */
static int note_index(econ_page *p, const ov_econ_value *v)
{
    if (!v->note || !v->note[0])
        return 0;
    for (int i = 0; i < p->nnotes; i++)
        if (strcmp(p->notes[i], v->note) == 0)
            return i + 1;
    if (p->nnotes >= MAX_NOTES)
        return 0;
    p->notes[p->nnotes++] = v->note;
    return p->nnotes;
}

/* A field in a table cell: a hidden label, the value, the origin (when
 * it is not simply entered) and the error. */
static void cell_field(econ_page *p, const char *name, const char *label,
                       const ov_econ_value *v)
{
    ov_response *res = p->c->res;
    const char *err = ov_form_error_of(&p->f, name);
    ov_html_printf(res,
                   "<td class=\"%h\"><label class=\"sr-only\" "
                   "for=\"f-econ-%h\">%h"
                   "</label><input type=\"text\" inputmode=\"decimal\" "
                   "id=\"f-econ-%h\" name=\"%h\" value=\"%h\"",
                   ov_str_c(err ? "has-error" : ""),
                   ov_str_c(name), ov_str_c(label), ov_str_c(name),
                   ov_str_c(name), ov_str_c(field_value(p, name, v)));
    if (err)
        ov_html_lit(res, " aria-invalid=\"true\"");
    ov_html_lit(res, ">");
    if (err)
        ov_html_printf(res, "<p class=\"error\">%h</p>", ov_str_c(err));
    if (v && v->origin != OV_ECON_MISSING && v->origin != OV_ECON_ENTERED) {
        int k = note_index(p, v);
        if (k > 0)
            ov_html_printf(res, "<small class=\"origin\">%h (%d)</small>",
                           ov_str_c(econ_word(p->c->lang, "origin",
                                            ov_econ_origin_key(v->origin))),
                           k);
        else
            ov_html_printf(res, "<small class=\"origin\">%h</small>",
                           ov_str_c(origin_text(p, v)));
    }
    ov_html_lit(res, "</td>");
}

/* The notes a table's cells refer to by number, once each, below it. */
static void render_notes(econ_page *p)
{
    if (p->nnotes == 0)
        return;
    ov_html_printf(p->c->res, "<ol class=\"notes\" aria-label=\"%t\">",
                   "econ.sources");
    for (int i = 0; i < p->nnotes; i++)
        ov_html_printf(p->c->res, "<li>%h</li>",
                       ov_str_c(econ_text(p->c->lang, p->notes[i])));
    ov_html_lit(p->c->res, "</ol>");
    p->nnotes = 0;
}

static void render_form(econ_page *p)
{
    ov_response *res = p->c->res;
    ov_arena *a = p->c->req->arena;
    ov_lang l = p->c->lang;
    const ov_econ_scenario *s = p->s;
    ov_html_printf(res, "<section class=\"econ-form\" id=\"scenarie\"><h2>%t"
                        "</h2><p>%t</p>",
                   "econ.form", "econ.form_intro");
    if (s->description[0])
        ov_html_printf(res, "<p class=\"note\">%h</p>",
                       ov_str_c(econ_text(l, s->description)));
    ov_page_form_errors(res, &p->f);
    ov_page_form_begin(res, p->c->req, ov_str_c("/oekonomi#resultat"), false);
    ov_html_printf(res, "<input type=\"hidden\" name=\"base\" value=\"%h\">",
                   ov_str_c(p->base));
    /* the figures */
    ov_html_printf(res, "<fieldset><legend>%t</legend><div class=\"row\">",
                   "econ.basics");
    char hz[16], ry[16];
    snprintf(hz, sizeof hz, "%d", s->horizon);
    snprintf(ry, sizeof ry, "%d", s->running_years);
    num_field(p, "citizens", "econ.f.citizens", NULL, &s->citizens, NULL);
    num_field(p, "horizon", "econ.f.horizon", "econ.h.horizon", NULL,
              ov_form_has(&p->f, "horizon") ? field_value(p, "horizon", NULL)
                                            : hz);
    num_field(p, "discount_rate", "econ.f.discount_rate",
              "econ.h.discount_rate", &s->discount_rate, NULL);
    ov_html_lit(res, "</div><div class=\"row\">");
    num_field(p, "establishment", "econ.f.establishment", NULL,
              &s->establishment, NULL);
    num_field(p, "establishment_per_citizen",
              "econ.f.establishment_per_citizen",
              "econ.h.establishment_per_citizen",
              &s->establishment_per_citizen, NULL);
    num_field(p, "running_per_citizen", "econ.f.running_per_citizen", NULL,
              &s->running_per_citizen, NULL);
    num_field(p, "running_years", "econ.f.running_years",
              "econ.h.running_years", NULL,
              ov_form_has(&p->f, "running_years")
                  ? field_value(p, "running_years", NULL)
                  : ry);
    ov_html_lit(res, "</div></fieldset>");
    /* the effect per year and state */
    int years = s->horizon >= 1 && s->horizon <= OV_ECON_MAX_YEARS
                    ? s->horizon
                    : 1;
    ov_html_printf(res,
                   "<fieldset><legend>%t</legend><p class=\"hint\">%t</p>"
                   "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                   "aria-label=\"%t\"><table class=\"grid-in\"><thead><tr>"
                   "<th scope=\"col\">%t</th>",
                   "econ.effect", "econ.effect_intro", "econ.effect",
                   "econ.year");
    for (int k = 0; k < OV_ESTATE_N; k++)
        ov_html_printf(res, "<th scope=\"col\">%h</th>",
                       ov_str_c(econ_word(l, "state",
                                        ov_econ_state_key(
                                            (ov_econ_state)k))));
    ov_html_lit(res, "</tr></thead><tbody>");
    for (int y = 0; y < years; y++) {
        ov_html_printf(res, "<tr><th scope=\"row\">%d</th>", y + 1);
        for (int k = 0; k < OV_ESTATE_N; k++) {
            const char *sk = ov_econ_state_key((ov_econ_state)k);
            cell_field(p, ov_arena_printf(a, "effect.%d.%s", y, sk),
                       ov_arena_printf(a, "%s %d, %s", ov_msg(l, "econ.year"),
                                       y + 1,
                                       econ_word(l, "state", sk)),
                       &s->effect[y][k]);
        }
        ov_html_lit(res, "</tr>");
    }
    ov_html_lit(res, "</tbody></table></div>");
    render_notes(p);
    ov_html_lit(res, "</fieldset>");
    /* the prices per state and payer */
    ov_html_printf(res,
                   "<fieldset><legend>%t</legend><p class=\"hint\">%t</p>"
                   "<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
                   "aria-label=\"%t\"><table class=\"grid-in\"><thead><tr>"
                   "<th scope=\"col\">%t</th>",
                   "econ.prices", "econ.prices_intro", "econ.prices",
                   "econ.state_col");
    for (int q = 0; q < OV_PAYER_N; q++)
        ov_html_printf(res, "<th scope=\"col\">%h</th>",
                       ov_str_c(payer_label(l, q)));
    ov_html_lit(res, "</tr></thead><tbody>");
    for (int k = 0; k < OV_ESTATE_N; k++) {
        const char *sk = ov_econ_state_key((ov_econ_state)k);
        ov_html_printf(res, "<tr><th scope=\"row\">%h</th>",
                       ov_str_c(econ_word(l, "state", sk)));
        for (int q = 0; q < OV_PAYER_N; q++)
            cell_field(p,
                       ov_arena_printf(a, "prices.%s.%s", sk,
                                       ov_payer_key((ov_payer)q)),
                       ov_arena_printf(a, "%s, %s",
                                       econ_word(l, "state", sk),
                                       payer_label(l, q)),
                       &s->price[k][q]);
        ov_html_lit(res, "</tr>");
    }
    ov_html_lit(res, "</tbody></table></div>");
    render_notes(p);
    ov_html_lit(res, "</fieldset>");
    /* the activity prices: the running cost from registered activity */
    ov_html_printf(res,
                   "<fieldset><legend>%t</legend><p class=\"hint\">%t</p>"
                   "<div class=\"row\">",
                   "econ.activity_prices", "econ.activity_prices_intro");
    for (int r = 0; r < OV_ACT_ROLE_N; r++) {
        const char *rk = ov_act_role_key((ov_act_role)r);
        num_field(p,
                  ov_arena_printf(a, "activity_prices.hour_rate.%s", rk),
                  ov_arena_printf(a, "econ.rate.%s", rk), NULL,
                  &s->activity.hour_rate[r], NULL);
    }
    ov_html_lit(res, "</div><div class=\"row\">");
    for (int k = 0; k < OV_ACT_N; k++) {
        const char *kk = ov_act_kind_key((ov_act_kind)k);
        num_field(p, ov_arena_printf(a, "activity_prices.minutes.%s", kk),
                  ov_arena_printf(a, "econ.minutes.%s", kk), NULL,
                  &s->activity.minutes[k], NULL);
    }
    ov_html_lit(res, "</div>");
    if (p->muni) {
        char fd[OV_DATE_BUF], td[OV_DATE_BUF];
        ov_date_format_iso(p->from, fd);
        ov_date_format_iso(p->to, td);
        ov_html_printf(res,
                       "<div class=\"row\"><div class=\"field\"><label "
                       "for=\"f-econ-from\">%t</label><input type=\"date\" "
                       "id=\"f-econ-from\" name=\"from\" value=\"%h\"></div>"
                       "<div class=\"field\"><label for=\"f-econ-to\">%t"
                       "</label><input type=\"date\" id=\"f-econ-to\" "
                       "name=\"to\" value=\"%h\"></div></div>",
                       "econ.f.from", ov_str_c(fd), "econ.f.to",
                       ov_str_c(td));
    }
    ov_html_lit(res, "</fieldset>");
    /* compute, download, save */
    ov_html_printf(res,
                   "<div class=\"actions\"><button type=\"submit\" "
                   "name=\"do\" value=\"compute\">%t</button> <button "
                   "type=\"submit\" name=\"do\" value=\"xlsx\" "
                   "class=\"secondary\">%t</button></div>",
                   "econ.compute", "econ.xlsx");
    const char *nerr = ov_form_error_of(&p->f, "name");
    ov_html_printf(res,
                   "<fieldset class=\"save\"><legend>%t</legend><div "
                   "class=\"field%h\"><label for=\"f-econ-name\">%t</label>"
                   "<input type=\"text\" id=\"f-econ-name\" name=\"name\" "
                   "maxlength=\"120\" value=\"%h\"",
                   "econ.save_title", ov_str_c(nerr ? " has-error" : ""),
                   "econ.f.name",
                   ov_form_has(&p->f, "name") ? ov_form_str(&p->f, "name")
                                              : p->name);
    if (nerr)
        ov_html_lit(res, " aria-invalid=\"true\"");
    ov_html_lit(res, ">");
    if (nerr)
        ov_html_printf(res, "<p class=\"error\">%h</p>", ov_str_c(nerr));
    ov_html_printf(res,
                   "</div><button type=\"submit\" formaction=\"/oekonomi/gem\""
                   " name=\"do\" value=\"save\">%t</button></fieldset>",
                   "econ.save");
    ov_html_lit(res, "</form></section>");
}

static void render_page(econ_page *p, int status)
{
    ov_ctx *c = p->c;
    ov_response *res = c->res;
    ov_page_begin(res, c->req, status,
                  ov_str_c(ov_msg(c->lang, p->muni ? "econ.title"
                                                   : "econ.title_national")));
    ov_html_printf(res, "<div class=\"econ\"><p class=\"lead\">%t</p>",
                   p->muni ? "econ.intro" : "econ.intro_national");
    if (p->have_saved && status == 200)
        ov_html_printf(res, "<p class=\"notice\">%h</p>",
                       ov_str_c(ov_msg_fill(c->req->arena, c->lang,
                                            "econ.saved_shown",
                                            ov_arena_printf(
                                                c->req->arena, "%.*s",
                                                (int)p->saved.name.len,
                                                p->saved.name.ptr),
                                            ov_arena_printf(
                                                c->req->arena, "%.*s",
                                                (int)p->saved.author.len,
                                                p->saved.author.ptr))));
    if (!p->base_s)
        ov_page_form_errors(res, &p->f);
    render_choice(p);
    if (p->base_s) {
        if (p->compute_tried)
            render_result(p);
        render_activity(p);
        render_form(p);
    }
    ov_html_lit(res, "</div>");
    ov_page_end(res);
}

/* ---- the XLSX ------------------------------------------------------------ */

/* The workbook of report/econ_report.h (inputs, years, sensitivity), as
 * the CLI writes it. False when it cannot be made (the page is shown with
 * the error). */
static bool send_xlsx(econ_page *p)
{
    ov_arena *a = p->c->req->arena;
    ov_econ_report_extra x;
    ov_econ_report_extra_init(&x);
    x.preset = p->have_saved ? NULL : p->preset;
    bool en = p->c->lang == OV_LANG_EN;
    x.source = p->have_saved
                   ? ov_arena_printf(a, "%s %.*s",
                                     en ? "saved scenario" : "gemt scenarie",
                                     (int)p->saved.name.len,
                                     p->saved.name.ptr)
               : p->preset
                   ? ov_arena_printf(a, "%s %s",
                                     en ? "preset"
                                        : "forudindstillet scenarie",
                                     p->preset->key)
                   : NULL;
    x.running_entered = p->s->running_per_citizen;
    if (p->act_read) {
        x.has_activity = true;
        x.municipality_code = p->muni;
        x.activity = p->act;
        if (p->act_ok)
            x.running_activity = p->act_running;
    }
    ov_table t[OV_ECON_SHEETS];
    ov_econ_tables(p->s, p->r, &x, (ov_econ_lang)p->c->lang, a, t);
    ov_str bytes;
    ov_err err;
    ov_err_clear(&err);
    if (ov_xlsx_bytes(t, OV_ECON_SHEETS, NULL, a, &bytes, &err) != OV_OK) {
        p->compute_err = err;
        p->computed = false;
        return false;
    }
    ov_response_download(p->c->res,
                         "application/vnd.openxmlformats-officedocument."
                         "spreadsheetml.sheet",
                         "economics.xlsx", bytes);
    return true;
}

/* ---- handlers ------------------------------------------------------------ */

static void page_init(econ_page *p, ov_ctx *c)
{
    memset(p, 0, sizeof *p);
    p->c = c;
    p->muni = econ_muni(c);
    ov_form_init(&p->f, form_spec, NFORM, c->lang, c->req->arena);
    p->f.id_prefix = "econ";
    default_period(p);
}

void ov_h_econ_page(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    econ_page p;
    page_init(&p, &c);
    ov_err err;
    ov_err_clear(&err);
    ov_form q;
    ov_form_init(&q, query_spec, NQUERY, c.lang, req->arena);
    if (ov_form_parse_urlencoded(&q, req->query, NULL) != OV_OK) {
        ov_form_first_error(&q, &err);
        ov_ctx_fail(&c, &err);
        return;
    }
    p.from = ov_form_date(&q, "from", p.from);
    p.to = ov_form_date(&q, "to", p.to);
    if (p.to < p.from) {
        ov_err_msg(&err, OV_EINVAL, "to", econ_web_period);
        ov_ctx_fail(&c, &err);
        return;
    }
    if (ov_form_has(&q, "history"))
        p.history = ov_form_str(&q, "history");
    if (ov_ctx_take_tx(&c, &p.tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_status st = read_lists(&p, &err);
    if (st == OV_OK && ov_form_has(&q, "preset"))
        st = load_base(&p, ov_str_c(ov_arena_printf(
                               req->arena, "preset:%.*s",
                               (int)ov_form_str(&q, "preset").len,
                               ov_form_str(&q, "preset").ptr)),
                       &err);
    else if (st == OV_OK && ov_form_has(&q, "scenario"))
        st = load_base(&p, ov_str_c(ov_arena_printf(
                               req->arena, "scenario:%lld",
                               (long long)ov_form_int(&q, "scenario", 0))),
                       &err);
    if (st == OV_OK && p.base_s) {
        free(check_and_compute(&p));
        st = read_activity(&p, &err);
    }
    if (!ov_ctx_finish(&c, p.tx, st == OV_OK, &err))
        return;
    render_page(&p, 200);
}

/* The form of a POST: its base loaded, its values applied, checked and
 * computed, all in the request's transaction. False when the answer is
 * given (a base that is not the caller's: 404). */
static bool post_common(econ_page *p, ov_status *st, ov_err *err,
                        char **written)
{
    ov_ctx *c = p->c;
    *written = NULL;
    bool parsed = ov_form_parse(&p->f, c->req, "csrf") == OV_OK;
    if (ov_ctx_take_tx(c, &p->tx, err) != OV_OK) {
        ov_ctx_fail(c, err);
        return false;
    }
    *st = read_lists(p, err);
    if (*st != OV_OK)
        return true;
    p->from = ov_form_date(&p->f, "from", p->from);
    p->to = ov_form_date(&p->f, "to", p->to);
    ov_str base = ov_form_str(&p->f, "base");
    if (!base.ptr || base.len == 0) {
        ov_err e2;
        ov_err_msg(&e2, OV_EINVAL, "base", econ_web_base_unknown);
        fail_field(p, &e2);
        return true;
    }
    ov_err lerr;
    ov_err_clear(&lerr);
    if (load_base(p, base, &lerr) != OV_OK) {
        if (lerr.code == OV_ENOTFOUND) {
            ov_ctx_finish(c, p->tx, false, &lerr);
            return false;
        }
        fail_field(p, &lerr);
        return true;
    }
    if (ov_form_has(&p->f, "name"))
        p->name = ov_form_str(&p->f, "name");
    bool applied = parsed && apply_form(p);
    set_name(p->s, p->name);
    if (applied && p->f.nerrors == 0)
        *written = check_and_compute(p);
    if (p->to < p->from) {
        ov_err e2;
        ov_err_msg(&e2, OV_EINVAL, "to", econ_web_period);
        fail_field(p, &e2);
    } else if (*st == OV_OK) {
        *st = read_activity(p, err);
    }
    return true;
}

void ov_h_econ_post(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    econ_page p;
    page_init(&p, &c);
    ov_err err;
    ov_err_clear(&err);
    ov_status st = OV_OK;
    char *written = NULL;
    if (!post_common(&p, &st, &err, &written))
        return;
    free(written);
    bool xlsx = ov_str_eq_c(ov_form_str(&p.f, "do"), "xlsx");
    if (!ov_ctx_finish(&c, p.tx, st == OV_OK, &err))
        return;
    bool ok = p.base_s && p.f.nerrors == 0 && p.computed;
    if (ok && xlsx && send_xlsx(&p))
        return;
    render_page(&p, ok                         ? 200
                    : p.base_s && p.f.nerrors == 0 ? 422
                                                   : 400);
}

void ov_h_econ_save(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    econ_page p;
    page_init(&p, &c);
    ov_err err;
    ov_err_clear(&err);
    ov_status st = OV_OK;
    char *written = NULL;
    if (!post_common(&p, &st, &err, &written))
        return;
    int64_t id = 0;
    ov_status saved = OV_EINVAL;
    if (st == OV_OK && written && p.f.nerrors == 0) {
        ov_err serr;
        ov_err_clear(&serr);
        saved = ov_econ_saved_add(p.tx, p.muni, req->viewer.user_id,
                                  ov_str_trim(p.name), ov_str_c(written), &id,
                                  &serr);
        if (saved != OV_OK) {
            fail_field(&p, &serr);
            /* the transaction failed with the refusal: nothing is saved;
             * the page is shown from what was read */
            st = OV_OK;
        }
    }
    free(written);
    if (saved == OV_OK) {
        if (!ov_ctx_finish(&c, p.tx, true, &err))
            return;
        ov_page_redirect(res, ov_page_with_flag(
                                  req->arena,
                                  ov_arena_printf(req->arena,
                                                  "/oekonomi?scenario=%lld",
                                                  (long long)id),
                                  "gemt"));
        return;
    }
    /* nothing saved: roll back, and the form again with its errors */
    if (st != OV_OK) {
        ov_ctx_finish(&c, p.tx, false, &err);
        return;
    }
    ov_tx_rollback(p.tx);
    p.tx = NULL;
    render_page(&p, p.base_s && p.f.nerrors == 0 && !p.computed ? 422 : 400);
}

/* ---- the API ---------------------------------------------------------- */

/* The API's bodies, read by the one input layer (web/form.h) as every
 * other API handler's: an unknown key, a value of the wrong JSON type or
 * over its cap is refused naming the field. The scenario object is
 * handed on whole (OV_F_JSON) to the econ layer's own parser, which
 * names the JSON path of what is wrong inside it ("effect[0].benefit"). */
static const ov_field compute_spec[] = {
    {"scenario", OV_F_JSON, false, 0, 0, 0, "econ.f.scenario", NULL, 0, NULL,
     false},
    {"preset", OV_F_TEXT, false, BASE_MAX, 0, 0, "econ.f.base", NULL, 0,
     NULL, false},
    {"scenario_id", OV_F_INT, false, 0, 1, INT64_MAX, "econ.f.base", NULL, 0,
     NULL, false},
};
static const ov_field save_spec[] = {
    {"name", OV_F_TEXT, true, 400, 0, 0, "econ.f.name", NULL, 0, NULL,
     false},
    {"scenario", OV_F_JSON, true, 0, 0, 0, "econ.f.scenario", NULL, 0, NULL,
     false},
};

/* The body parsed by `spec` into *f; OV_OK, or the first error in err,
 * its message beginning with the field it names when it does not name it
 * already ("preset: must be a JSON string"), as the econ layer's begin
 * with their path ("horizon: ..."). */
static ov_status api_body(ov_ctx *c, const ov_field *spec, int n, ov_form *f,
                          ov_err *err)
{
    ov_form_init(f, spec, n, c->lang, c->req->arena);
    if (ov_form_parse_json(f, c->req->body) == OV_OK)
        return OV_OK;
    const ov_form_error *e = &f->errors[0];
    if (f->nerrors > 0 && e->field[0] && !strstr(e->msg, e->field)) {
        char m[OV_ERR_MSG_MAX];
        snprintf(m, sizeof m, "%s: %s", e->field, e->msg);
        return ov_err_msg(err, OV_EINVAL, e->field, web_localized, m);
    }
    ov_form_first_error(f, err);
    return err->code;
}

/* The scenario of an API body: {"scenario": {...}}, {"preset": "key"}
 * or {"scenario_id": N} (the caller's own saved one; anyone else's is not
 * found), exactly one of them. In p->s. */
static ov_status api_scenario(econ_page *p, const ov_form *f, ov_err *err)
{
    ov_arena *a = p->c->req->arena;
    bool sc = ov_form_has(f, "scenario"), pr = ov_form_has(f, "preset"),
         id = ov_form_has(f, "scenario_id");
    if (sc + pr + id != 1)
        return ov_err_msg(err, OV_EINVAL, "body", econ_web_body,
                          "one of scenario, preset or scenario_id");
    if (pr) {
        ov_str key = ov_form_str(f, "preset");
        if (!find_preset(key))
            return ov_err_msg(err, OV_EINVAL, "preset", econ_web_base_unknown);
        return load_base(p,
                         ov_str_c(ov_arena_printf(a, "preset:%.*s",
                                                  (int)key.len, key.ptr)),
                         err);
    }
    if (id)
        return load_base(p,
                         ov_str_c(ov_arena_printf(
                             a, "scenario:%lld",
                             (long long)ov_form_int(f, "scenario_id", 0))),
                         err);
    ov_str text = ov_form_str(f, "scenario");
    p->base_s = OV_NEW(a, ov_econ_scenario);
    p->s = OV_NEW(a, ov_econ_scenario);
    ov_status st = ov_econ_scenario_parse(text.ptr, text.len, a, p->s, err);
    if (st != OV_OK)
        return st;
    *p->base_s = *p->s;
    return OV_OK;
}

static void api_json(ov_ctx *c, char *text)
{
    ov_response_json(c->res, 200,
                     ov_str_c(ov_arena_strdup(c->req->arena, text)));
    free(text);
}

void ov_h_econ_api_compute(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    econ_page p;
    page_init(&p, &c);
    ov_err err;
    ov_err_clear(&err);
    ov_form body;
    ov_status st = api_body(&c, compute_spec,
                            (int)(sizeof compute_spec / sizeof compute_spec[0]),
                            &body, &err);
    if (ov_ctx_take_tx(&c, &p.tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    if (st == OV_OK)
        st = api_scenario(&p, &body, &err);
    if (st == OV_OK) {
        p.r = OV_NEW(req->arena, ov_econ_result);
        st = ov_econ_compute(p.s, p.r, &err);
    }
    if (!ov_ctx_finish(&c, p.tx, st == OV_OK, &err))
        return;
    api_json(&c, ov_econ_result_write(p.s, p.r));
}

static json_t *saved_json(const ov_econ_saved *x)
{
    return json_pack("{s:I,s:s%,s:s%,s:I,s:s%,s:i}", "id", (json_int_t)x->id,
                     "name", x->name.ptr ? x->name.ptr : "", x->name.len,
                     "author", x->author.ptr ? x->author.ptr : "",
                     x->author.len, "author_id", (json_int_t)x->author_id,
                     "created_at",
                     x->created_at.ptr ? x->created_at.ptr : "",
                     x->created_at.len, "versions", x->versions);
}

void ov_h_econ_api_list(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    econ_page p;
    page_init(&p, &c);
    ov_err err;
    ov_err_clear(&err);
    static const ov_field spec[] = {{"name", OV_F_TEXT, false, 400, 0, 0,
                                     "econ.f.name", NULL, 0, NULL, false}};
    ov_form q;
    ov_form_init(&q, spec, 1, c.lang, req->arena);
    if (ov_form_parse_urlencoded(&q, req->query, NULL) != OV_OK) {
        ov_form_first_error(&q, &err);
        ov_ctx_fail(&c, &err);
        return;
    }
    if (ov_form_has(&q, "name"))
        p.history = ov_form_str(&q, "name");
    if (ov_ctx_take_tx(&c, &p.tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_econ_saved *rows = NULL;
    ov_list_info li;
    ov_status st = ov_econ_saved_list(p.tx, p.muni,
                                      p.history.ptr ? p.history : OV_STR_NULL,
                                      req->arena, &rows, &li, &err);
    if (!ov_ctx_finish(&c, p.tx, st == OV_OK, &err))
        return;
    json_t *arr = json_array();
    for (int i = 0; i < li.n; i++)
        json_array_append_new(arr, saved_json(&rows[i]));
    json_t *out = json_pack("{s:o,s:i,s:b}", "scenarios", arr, "total",
                            li.total, "truncated", li.truncated);
    ov_response_json(res, 200, ov_json_dump(out, req->arena));
}

void ov_h_econ_api_save(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    econ_page p;
    page_init(&p, &c);
    ov_err err;
    ov_err_clear(&err);
    ov_form body;
    ov_status st = api_body(&c, save_spec,
                            (int)(sizeof save_spec / sizeof save_spec[0]),
                            &body, &err);
    if (ov_ctx_take_tx(&c, &p.tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    if (st == OV_OK)
        st = api_scenario(&p, &body, &err);
    int64_t id = 0;
    if (st == OV_OK) {
        ov_str name = ov_form_str(&body, "name");
        set_name(p.s, name);
        char *text = ov_econ_scenario_write(p.s);
        st = ov_econ_saved_add(p.tx, p.muni, req->viewer.user_id, name,
                               ov_str_c(text ? text : ""), &id, &err);
        free(text);
    }
    if (!ov_ctx_finish(&c, p.tx, st == OV_OK, &err))
        return;
    json_t *out = json_pack("{s:I}", "id", (json_int_t)id);
    ov_response_json(res, 200, ov_json_dump(out, req->arena));
}

void ov_h_econ_api_get(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    econ_page p;
    page_init(&p, &c);
    ov_err err;
    ov_err_clear(&err);
    int64_t id;
    if (!ov_ctx_param_id(&c, 0, &id))
        return;
    if (ov_ctx_take_tx(&c, &p.tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_econ_saved x;
    ov_str json;
    ov_status st = ov_econ_saved_get(p.tx, p.muni, id, req->arena, &x, &json,
                                     &err);
    if (!ov_ctx_finish(&c, p.tx, st == OV_OK, &err))
        return;
    json_error_t je;
    json_t *sc = json_loadb(json.ptr, json.len, 0, &je);
    json_t *out = saved_json(&x);
    json_object_set_new(out, "scenario", sc ? sc : json_null());
    ov_response_json(res, 200, ov_json_dump(out, req->arena));
}
