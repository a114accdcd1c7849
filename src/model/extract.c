/*
 * extract.c - the national monitoring extract (see extract.h).
 */
#include "model/extract.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "OVMX"
#define FILE_FORMAT "overgang-monitoring-extract"

/* ---- little-endian helpers ---- */

static void put_u16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static unsigned get_u16(const uint8_t *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint32_t ymd_of(ov_date d)
{
    ov_ymd t = ov_date_to_ymd(d);
    return (uint32_t)(t.year * 10000 + t.month * 100 + t.day);
}

static bool date_of(uint32_t v, ov_date *d)
{
    int y = (int)(v / 10000), m = (int)(v / 100 % 100), dd = (int)(v % 100);
    if (!ov_ymd_valid(y, m, dd))
        return false;
    *d = ov_date_from_ymd(y, m, dd);
    return true;
}

/* ---- small pieces ---- */

void ov_mx_pseudonym(const uint8_t key[OV_KEY_BYTES], const char cpr[10],
                     uint8_t out[OV_PSEUDONYM_BYTES])
{
    ov_pseudonym(key, cpr, 10, out);
}

int ov_mx_birth_band(int birth_year)
{
    return birth_year - birth_year % OV_MX_BIRTH_BAND;
}

int ov_mx_month(ov_date d)
{
    if (d == 0)
        return 0;
    ov_ymd t = ov_date_to_ymd(d);
    return t.year * 100 + t.month;
}

ov_status ov_mx_period_check(ov_date from, ov_date to, const char *field,
                             ov_err *err)
{
    if (to < from) {
        char f[OV_DATE_BUF], t[OV_DATE_BUF];
        ov_date_format_iso(from, f);
        ov_date_format_iso(to, t);
        return ov_err_msg(err, OV_EINVAL, field, extract_period_order, field,
                          t, f);
    }
    return OV_OK;
}

/* ---- records from and to the indicators' facts ---- */

/* The month of d when it happened by `to`, else 0. */
static int cut(ov_date d, ov_date to)
{
    return d == OV_IND_NO_DATE || d > to ? 0 : ov_mx_month(d);
}

static ov_date day_of(int ym)
{
    return ym == 0 ? OV_IND_NO_DATE
                   : ov_date_from_ymd(ym / 100, ym % 100, 1);
}

void ov_mx_from_facts(const ov_ind_facts *f, ov_date to, ov_arena *a,
                      ov_mx_record *r)
{
    r->municipality = f->municipality_code;
    r->started = cut(f->started_on, to);
    r->drawn = cut(f->drawn_on, to);
    r->in_job = cut(f->in_job_on, to);
    r->ended = f->ended_on != OV_IND_NO_DATE && f->ended_on <= to;
    r->ended_month = r->ended ? ov_mx_month(f->ended_on) : 0;
    r->end_reason = r->ended ? f->end_reason : 0;
    r->start_meeting = cut(f->start_meeting_on, to);
    r->start_present = r->start_meeting ? f->start_present : 0;
    r->start_complete = cut(f->start_complete_on, to);
    r->nplans = 0;
    r->plans = ov_arena_alloc(a, sizeof *r->plans * (size_t)(f->nplans + 1));
    for (int i = 0; i < f->nplans; i++)
        if (cut(f->plans[i].made_on, to))
            r->plans[r->nplans++] = (ov_mx_plan){
                ov_mx_month(f->plans[i].made_on), f->plans[i].has_job_goal,
                f->plans[i].with_citizen};
    r->nfollowups = 0;
    r->followups = ov_arena_alloc(a, sizeof *r->followups *
                                         (size_t)(f->nfollowups + 1));
    for (int i = 0; i < f->nfollowups; i++)
        if (cut(f->followups[i].held_on, to))
            r->followups[r->nfollowups++] = (ov_mx_meeting){
                ov_mx_month(f->followups[i].held_on),
                f->followups[i].present};
    r->nplacements = 0;
    r->placements = ov_arena_alloc(a, sizeof *r->placements *
                                          (size_t)(f->nplacements + 1));
    for (int i = 0; i < f->nplacements; i++) {
        const ov_ind_placement *p = &f->placements[i];
        if (!cut(p->start_on, to))
            continue;
        r->placements[r->nplacements++] = (ov_mx_placement){
            .start = ov_mx_month(p->start_on),
            .end = cut(p->end_on, to),
            .type = p->type,
            .ordinary_possible = p->ordinary_possible,
            .agreement = p->has_agreement,
            .signed_all = p->signed_all,
            .hours_start = p->has_agreement ? p->ordinary_x10_start : -1,
            .hours_now = p->has_agreement ? p->ordinary_x10_now : -1};
    }
    r->has_cti = f->has_cti && cut(f->cti_start_on, to);
    r->ncontacts = 0;
    if (r->has_cti) {
        r->cti_start = ov_mx_month(f->cti_start_on);
        r->cti_months = f->cti_months;
        for (int i = 0; i < 3; i++)
            r->cti_interval_days[i] = f->cti_interval_days[i];
        r->contacts =
            ov_arena_alloc(a, sizeof(int) * (size_t)(f->ncontacts + 1));
        for (int i = 0; i < f->ncontacts; i++)
            if (cut(f->contacts[i], to))
                r->contacts[r->ncontacts++] = ov_mx_month(f->contacts[i]);
    }
    r->nemployment = 0;
    r->employment = ov_arena_alloc(a, sizeof *r->employment *
                                          (size_t)(f->nemployment + 1));
    for (int i = 0; i < f->nemployment; i++)
        if (cut(f->employment[i].from_on, to))
            r->employment[r->nemployment++] = (ov_mx_employment){
                ov_mx_month(f->employment[i].from_on),
                f->employment[i].ordinary_x10};
    /* the first and the latest score by `to` */
    r->nwho5 = 0;
    for (int i = 0; i < f->nwho5; i++) {
        if (!cut(f->who5[i].on, to))
            continue;
        ov_mx_score sc = {ov_mx_month(f->who5[i].on), f->who5[i].score};
        if (r->nwho5 == 0)
            r->who5[r->nwho5++] = sc;
        else {
            r->who5[1] = sc;
            r->nwho5 = 2;
        }
    }
}

void ov_mx_to_facts(const ov_mx_record *r, int64_t course_id, ov_arena *a,
                    ov_ind_facts *f)
{
    memset(f, 0, sizeof *f);
    f->course_id = course_id;
    f->municipality_code = r->municipality;
    f->started_on = day_of(r->started);
    f->drawn_on = day_of(r->drawn);
    f->start_meeting_on = day_of(r->start_meeting);
    f->start_present = r->start_present;
    f->start_complete_on = day_of(r->start_complete);
    ov_ind_plan *pl = ov_arena_alloc(a, sizeof *pl * (size_t)(r->nplans + 1));
    for (int i = 0; i < r->nplans; i++)
        pl[i] = (ov_ind_plan){i + 1, day_of(r->plans[i].month),
                              r->plans[i].job_goal, r->plans[i].with_citizen};
    f->nplans = r->nplans;
    f->plans = pl;
    ov_ind_meeting *fu =
        ov_arena_alloc(a, sizeof *fu * (size_t)(r->nfollowups + 1));
    for (int i = 0; i < r->nfollowups; i++)
        fu[i] = (ov_ind_meeting){day_of(r->followups[i].month),
                                 r->followups[i].present};
    f->nfollowups = r->nfollowups;
    f->followups = fu;
    ov_ind_placement *pc =
        ov_arena_alloc(a, sizeof *pc * (size_t)(r->nplacements + 1));
    for (int i = 0; i < r->nplacements; i++) {
        const ov_mx_placement *p = &r->placements[i];
        pc[i] = (ov_ind_placement){
            .start_on = day_of(p->start),
            .end_on = day_of(p->end),
            .type = p->type,
            .ordinary_possible = p->ordinary_possible,
            .has_agreement = p->agreement,
            .signed_all = p->signed_all,
            .ordinary_x10_start = p->hours_start < 0 ? 0 : p->hours_start,
            .ordinary_x10_now = p->hours_now < 0 ? 0 : p->hours_now};
    }
    f->nplacements = r->nplacements;
    f->placements = pc;
    f->has_cti = r->has_cti;
    f->cti_start_on = r->has_cti ? day_of(r->cti_start) : OV_IND_NO_DATE;
    f->cti_months = r->cti_months;
    for (int i = 0; i < 3; i++)
        f->cti_interval_days[i] = r->cti_interval_days[i];
    ov_date *ct = ov_arena_alloc(a, sizeof *ct * (size_t)(r->ncontacts + 1));
    for (int i = 0; i < r->ncontacts; i++)
        ct[i] = day_of(r->contacts[i]);
    f->ncontacts = r->ncontacts;
    f->contacts = ct;
    ov_ind_employment *em =
        ov_arena_alloc(a, sizeof *em * (size_t)(r->nemployment + 1));
    for (int i = 0; i < r->nemployment; i++)
        em[i] = (ov_ind_employment){day_of(r->employment[i].from),
                                    r->employment[i].ordinary_x10};
    f->nemployment = r->nemployment;
    f->employment = em;
    ov_ind_score *w = ov_arena_alloc(a, sizeof *w * 2);
    for (int i = 0; i < r->nwho5 && i < 2; i++)
        w[i] = (ov_ind_score){day_of(r->who5[i].month), r->who5[i].score};
    f->nwho5 = r->nwho5;
    f->who5 = w;
    f->in_job_on = day_of(r->in_job);
    f->ended_on = r->ended ? day_of(r->ended_month) : OV_IND_NO_DATE;
    f->end_reason = r->end_reason;
}

/* ---- records as JSON lines ---- */

static json_t *jmonth(int ym)
{
    if (ym == 0)
        return json_null();
    char s[16];
    snprintf(s, sizeof s, "%04d-%02d", ym / 100, ym % 100);
    return json_string(s);
}

static json_t *jopt(int v)
{
    return v < 0 ? json_null() : json_integer(v);
}

static json_t *jroles(ov_attendees a)
{
    json_t *arr = json_array();
    for (int r = 0; r < OV_ROLE_COUNT; r++)
        if (ov_attendees_has(a, (ov_role)r))
            json_array_append_new(arr, json_string(ov_role_code((ov_role)r)));
    return arr;
}

/* Keys in the order they are written; "set" adds them. */
#define SET(o, k, v) json_object_set_new(o, k, v)

ov_status ov_mx_record_json(const ov_mx_record *r, ov_buf *b, ov_err *err)
{
    char hex[2 * OV_PSEUDONYM_BYTES + 1];
    ov_hex_encode(r->pseudonym, OV_PSEUDONYM_BYTES, hex);
    json_t *o = json_object();
    SET(o, "pseudonym", json_string(hex));
    SET(o, "municipality", json_integer(r->municipality));
    SET(o, "birth_band", json_integer(r->birth_band));
    SET(o, "sex", json_string(r->sex == 'F' ? "F" : "M"));
    SET(o, "stage", json_string(ov_stage_code(r->stage)));
    SET(o, "end_reason", r->ended ? json_string(ov_end_reason_code(
                                        r->end_reason))
                                  : json_null());
    SET(o, "started", jmonth(r->started));
    SET(o, "drawn", jmonth(r->drawn));
    SET(o, "start_meeting", jmonth(r->start_meeting));
    SET(o, "start_present", jroles(r->start_present));
    SET(o, "start_complete", jmonth(r->start_complete));
    json_t *arr = json_array();
    for (int i = 0; i < r->nplans; i++) {
        json_t *x = json_object();
        SET(x, "month", jmonth(r->plans[i].month));
        SET(x, "job_goal", json_boolean(r->plans[i].job_goal));
        SET(x, "with_citizen", json_boolean(r->plans[i].with_citizen));
        json_array_append_new(arr, x);
    }
    SET(o, "plans", arr);
    arr = json_array();
    for (int i = 0; i < r->nfollowups; i++) {
        json_t *x = json_object();
        SET(x, "month", jmonth(r->followups[i].month));
        SET(x, "present", jroles(r->followups[i].present));
        json_array_append_new(arr, x);
    }
    SET(o, "followups", arr);
    arr = json_array();
    for (int i = 0; i < r->nplacements; i++) {
        const ov_mx_placement *p = &r->placements[i];
        json_t *x = json_object();
        SET(x, "start", jmonth(p->start));
        SET(x, "end", jmonth(p->end));
        SET(x, "type", json_string(ov_placement_type_code(p->type)));
        SET(x, "ordinary_possible", json_boolean(p->ordinary_possible));
        SET(x, "agreement", json_boolean(p->agreement));
        SET(x, "signed_all", json_boolean(p->signed_all));
        SET(x, "hours_start", jopt(p->hours_start));
        SET(x, "hours_now", jopt(p->hours_now));
        json_array_append_new(arr, x);
    }
    SET(o, "placements", arr);
    if (r->has_cti) {
        json_t *x = json_object();
        SET(x, "start", jmonth(r->cti_start));
        SET(x, "months", json_integer(r->cti_months));
        json_t *iv = json_array();
        for (int i = 0; i < 3; i++)
            json_array_append_new(iv, json_integer(r->cti_interval_days[i]));
        SET(x, "interval_days", iv);
        json_t *c = json_array();
        for (int i = 0; i < r->ncontacts; i++)
            json_array_append_new(c, jmonth(r->contacts[i]));
        SET(x, "contacts", c);
        SET(o, "cti", x);
    } else {
        SET(o, "cti", json_null());
    }
    arr = json_array();
    for (int i = 0; i < r->nemployment; i++) {
        json_t *x = json_object();
        SET(x, "from", jmonth(r->employment[i].from));
        SET(x, "ordinary_hours", json_integer(r->employment[i].ordinary_x10));
        json_array_append_new(arr, x);
    }
    SET(o, "employment", arr);
    arr = json_array();
    for (int i = 0; i < r->nwho5 && i < 2; i++) {
        json_t *x = json_object();
        SET(x, "month", jmonth(r->who5[i].month));
        SET(x, "score", json_integer(r->who5[i].score));
        json_array_append_new(arr, x);
    }
    SET(o, "who5", arr);
    SET(o, "in_job", jmonth(r->in_job));
    SET(o, "ended", jmonth(r->ended_month));
    char *txt = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    ov_status st = txt ? ov_buf_append_c(b, txt) : OV_ETOOBIG;
    free(txt);
    if (st != OV_OK)
        return ov_err_msg(err, OV_ETOOBIG, NULL, extract_record_too_big,
                          b->max);
    return OV_OK;
}

/* ---- parsing, strictly: every key known and present, every value of
 * its type and range ---- */

typedef struct parser {
    ov_arena *a;
    ov_err *err;
    bool failed;
} parser;

static void bad(parser *p, const char *key, const char *why)
{
    if (!p->failed)
        ov_err_set(p->err, OV_ECORRUPT, key, "record: '%s' %s", key, why);
    p->failed = true;
}

/* Exactly these keys. */
static json_t *object(parser *p, json_t *o, const char *what,
                      const char *const *keys, int n)
{
    if (!json_is_object(o)) {
        bad(p, what, "is not an object");
        return NULL;
    }
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        bool known = false;
        for (int i = 0; i < n && !known; i++)
            known = strcmp(key, keys[i]) == 0;
        if (!known) {
            bad(p, key, "is not a field of format version 1");
            return NULL;
        }
    }
    for (int i = 0; i < n; i++)
        if (!json_object_get(o, keys[i])) {
            bad(p, keys[i], "is missing");
            return NULL;
        }
    return o;
}

static int month(parser *p, json_t *o, const char *key, bool nullable)
{
    json_t *v = json_object_get(o, key);
    if (nullable && json_is_null(v))
        return 0;
    const char *s = json_string_value(v);
    int y, m;
    char tail;
    if (!s || strlen(s) != 7 || sscanf(s, "%4d-%2d%c", &y, &m, &tail) != 2 ||
        y < 1800 || y > 9999 || m < 1 || m > 12) {
        bad(p, key, nullable ? "is not a month YYYY-MM or null"
                             : "is not a month YYYY-MM");
        return 0;
    }
    return y * 100 + m;
}

static bool flag(parser *p, json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_boolean(v))
        bad(p, key, "is not true or false");
    return json_is_true(v);
}

static int integer(parser *p, json_t *v, const char *key, bool nullable,
                   int lo, int hi)
{
    if (nullable && json_is_null(v))
        return -1;
    if (!json_is_integer(v) || json_integer_value(v) < lo ||
        json_integer_value(v) > hi) {
        bad(p, key, "is not a whole number in its range");
        return 0;
    }
    return (int)json_integer_value(v);
}

static ov_attendees roles(parser *p, json_t *o, const char *key)
{
    json_t *arr = json_object_get(o, key);
    ov_attendees a = 0;
    if (!json_is_array(arr) || json_array_size(arr) > OV_ROLE_COUNT) {
        bad(p, key, "is not a list of roles");
        return 0;
    }
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        ov_role r;
        const char *code = json_string_value(v);
        if (!code || ov_role_parse(ov_str_c(code), key, &r, NULL) != OV_OK) {
            bad(p, key, "holds something that is not a role");
            return 0;
        }
        a |= OV_ATTEND(r);
    }
    return a;
}

/* The array under key, at most OV_MX_MAX_ITEMS long; *n its length and
 * the return an arena block of n items of `size` bytes. */
static void *items(parser *p, json_t *o, const char *key, size_t size,
                   int *n, json_t **arr)
{
    *arr = json_object_get(o, key);
    *n = 0;
    if (!json_is_array(*arr) || json_array_size(*arr) > OV_MX_MAX_ITEMS) {
        bad(p, key, "is not a list (of at most 10,000)");
        return NULL;
    }
    *n = (int)json_array_size(*arr);
    return *n ? ov_arena_zalloc(p->a, ov_size_mul((size_t)*n, size)) : NULL;
}

static const char *const K_RECORD[] = {
    "pseudonym", "municipality", "birth_band", "sex", "stage", "end_reason",
    "started", "drawn", "start_meeting", "start_present", "start_complete",
    "plans", "followups", "placements", "cti", "employment", "who5",
    "in_job", "ended"};
static const char *const K_PLAN[] = {"month", "job_goal", "with_citizen"};
static const char *const K_MEETING[] = {"month", "present"};
static const char *const K_PLACEMENT[] = {
    "start", "end", "type", "ordinary_possible", "agreement", "signed_all",
    "hours_start", "hours_now"};
static const char *const K_CTI[] = {"start", "months", "interval_days",
                                    "contacts"};
static const char *const K_EMPLOYMENT[] = {"from", "ordinary_hours"};
static const char *const K_SCORE[] = {"month", "score"};
#define NK(k) ((int)(sizeof k / sizeof k[0]))

static void parse_arrays(parser *p, json_t *o, ov_mx_record *r)
{
    json_t *arr, *v;
    size_t i;
    r->plans = items(p, o, "plans", sizeof *r->plans, &r->nplans, &arr);
    json_array_foreach(arr, i, v)
    {
        if (p->failed || !object(p, v, "plans", K_PLAN, NK(K_PLAN)))
            return;
        r->plans[i].month = month(p, v, "month", false);
        r->plans[i].job_goal = flag(p, v, "job_goal");
        r->plans[i].with_citizen = flag(p, v, "with_citizen");
    }
    r->followups = items(p, o, "followups", sizeof *r->followups,
                         &r->nfollowups, &arr);
    json_array_foreach(arr, i, v)
    {
        if (p->failed || !object(p, v, "followups", K_MEETING, NK(K_MEETING)))
            return;
        r->followups[i].month = month(p, v, "month", false);
        r->followups[i].present = roles(p, v, "present");
    }
    r->placements = items(p, o, "placements", sizeof *r->placements,
                          &r->nplacements, &arr);
    json_array_foreach(arr, i, v)
    {
        if (p->failed ||
            !object(p, v, "placements", K_PLACEMENT, NK(K_PLACEMENT)))
            return;
        ov_mx_placement *x = &r->placements[i];
        x->start = month(p, v, "start", false);
        x->end = month(p, v, "end", true);
        const char *type = json_string_value(json_object_get(v, "type"));
        if (!type ||
            ov_placement_type_parse(ov_str_c(type), &x->type, NULL) != OV_OK)
            bad(p, "type", "is not a placement type");
        x->ordinary_possible = flag(p, v, "ordinary_possible");
        x->agreement = flag(p, v, "agreement");
        x->signed_all = flag(p, v, "signed_all");
        x->hours_start = integer(p, json_object_get(v, "hours_start"),
                                 "hours_start", true, 0, 600);
        x->hours_now = integer(p, json_object_get(v, "hours_now"),
                               "hours_now", true, 0, 600);
    }
    json_t *cti = json_object_get(o, "cti");
    if (!p->failed && !json_is_null(cti) &&
        object(p, cti, "cti", K_CTI, NK(K_CTI))) {
        r->has_cti = true;
        r->cti_start = month(p, cti, "start", false);
        r->cti_months = integer(p, json_object_get(cti, "months"), "months",
                                false, 1, 120);
        json_t *iv = json_object_get(cti, "interval_days");
        if (!json_is_array(iv) || json_array_size(iv) != 3)
            bad(p, "interval_days", "is not a list of three");
        for (size_t k = 0; !p->failed && k < 3; k++)
            r->cti_interval_days[k] = integer(p, json_array_get(iv, k),
                                              "interval_days", false, 1, 366);
        r->contacts = items(p, cti, "contacts", sizeof *r->contacts,
                            &r->ncontacts, &arr);
        json_array_foreach(arr, i, v)
        {
            const char *s = json_string_value(v);
            int y, m;
            char tail;
            if (!s || strlen(s) != 7 ||
                sscanf(s, "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 ||
                m > 12) {
                bad(p, "contacts", "holds something that is not a month");
                return;
            }
            r->contacts[i] = y * 100 + m;
        }
    }
    r->employment = items(p, o, "employment", sizeof *r->employment,
                          &r->nemployment, &arr);
    json_array_foreach(arr, i, v)
    {
        if (p->failed ||
            !object(p, v, "employment", K_EMPLOYMENT, NK(K_EMPLOYMENT)))
            return;
        r->employment[i].from = month(p, v, "from", false);
        r->employment[i].ordinary_x10 =
            integer(p, json_object_get(v, "ordinary_hours"),
                    "ordinary_hours", false, 0, 600);
    }
    arr = json_object_get(o, "who5");
    if (!json_is_array(arr) || json_array_size(arr) > 2) {
        bad(p, "who5", "is not a list of the first and latest score");
        return;
    }
    r->nwho5 = (int)json_array_size(arr);
    json_array_foreach(arr, i, v)
    {
        if (p->failed || !object(p, v, "who5", K_SCORE, NK(K_SCORE)))
            return;
        r->who5[i].month = month(p, v, "month", false);
        r->who5[i].score = integer(p, json_object_get(v, "score"), "score",
                                   false, 0, 100);
    }
}

ov_status ov_mx_record_parse(ov_str line, ov_arena *a, ov_mx_record *r,
                             ov_err *err)
{
    memset(r, 0, sizeof *r);
    parser p = {.a = a, .err = err};
    json_error_t je;
    json_t *o = json_loadb(line.ptr, line.len, JSON_REJECT_DUPLICATES, &je);
    if (!o)
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "record: not JSON (%s)", je.text);
    if (!object(&p, o, "record", K_RECORD, NK(K_RECORD))) {
        json_decref(o);
        return err->code;
    }
    const char *hex = json_string_value(json_object_get(o, "pseudonym"));
    if (!hex || ov_hex_decode(ov_str_c(hex), r->pseudonym,
                              OV_PSEUDONYM_BYTES) != OV_OK)
        bad(&p, "pseudonym", "is not 64 hexadecimal digits");
    r->municipality = integer(&p, json_object_get(o, "municipality"),
                              "municipality", false, 101, 860);
    r->birth_band = integer(&p, json_object_get(o, "birth_band"),
                            "birth_band", false, 1800, 2100);
    if (r->birth_band % OV_MX_BIRTH_BAND != 0)
        bad(&p, "birth_band", "is not the first year of a 5-year band");
    const char *sex = json_string_value(json_object_get(o, "sex"));
    if (!sex || (strcmp(sex, "F") != 0 && strcmp(sex, "M") != 0))
        bad(&p, "sex", "is not F or M");
    else
        r->sex = sex[0];
    const char *stage = json_string_value(json_object_get(o, "stage"));
    if (!stage || ov_stage_parse(ov_str_c(stage), &r->stage, NULL) != OV_OK)
        bad(&p, "stage", "is not a course stage");
    json_t *er = json_object_get(o, "end_reason");
    r->ended = r->stage == OV_STAGE_ENDED;
    if (r->ended != !json_is_null(er))
        bad(&p, "end_reason", "must be given exactly when ended");
    else if (r->ended &&
             (!json_string_value(er) ||
              ov_end_reason_parse(ov_str_c(json_string_value(er)),
                                  &r->end_reason, NULL) != OV_OK))
        bad(&p, "end_reason", "is not an end reason");
    r->started = month(&p, o, "started", false);
    r->drawn = month(&p, o, "drawn", true);
    r->start_meeting = month(&p, o, "start_meeting", true);
    r->start_present = roles(&p, o, "start_present");
    r->start_complete = month(&p, o, "start_complete", true);
    r->in_job = month(&p, o, "in_job", true);
    r->ended_month = month(&p, o, "ended", true);
    if (r->ended != (r->ended_month != 0))
        bad(&p, "ended", "must be given exactly when the stage is ended");
    if (!p.failed)
        parse_arrays(&p, o, r);
    json_decref(o);
    return p.failed ? err->code : OV_OK;
}

/* ---- the file ---- */

static void header_bytes(uint8_t h[OV_MX_HEADER_BYTES], int muni,
                         ov_date from, ov_date to, uint32_t records,
                         const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                         const uint8_t sign_pk[OV_SIGN_PUBLIC_BYTES])
{
    memcpy(h, MAGIC, 4);
    put_u32(h + 4, OV_MX_VERSION);
    ov_key_id(agency_pk, OV_BOX_PUBLIC_BYTES, h + 8);
    memcpy(h + 24, sign_pk, OV_SIGN_PUBLIC_BYTES);
    put_u16(h + 56, (unsigned)muni);
    put_u32(h + 58, ymd_of(from));
    put_u32(h + 62, ymd_of(to));
    put_u32(h + 66, records);
}

/* The plaintext is pushed in chunks of OV_MX_CHUNK as it fills. */
typedef struct pusher {
    ov_stream st;
    const uint8_t *ad;
    ov_buf *out;
    uint8_t plain[OV_MX_CHUNK];
    size_t n;
    uint8_t cipher[OV_MX_CHUNK + OV_STREAM_ABYTES];
} pusher;

static ov_status push_chunk(pusher *p, bool final)
{
    uint8_t len[4];
    put_u32(len, (uint32_t)(p->n + OV_STREAM_ABYTES));
    ov_stream_push(&p->st, p->plain, p->n, p->ad, OV_MX_HEADER_BYTES, final,
                   p->cipher);
    ov_status st = ov_buf_append(p->out, len, 4);
    if (st == OV_OK)
        st = ov_buf_append(p->out, p->cipher, p->n + OV_STREAM_ABYTES);
    p->n = 0;
    return st;
}

static ov_status push(pusher *p, const char *s, size_t n)
{
    while (n) {
        if (p->n == OV_MX_CHUNK && push_chunk(p, false) != OV_OK)
            return OV_ETOOBIG;
        size_t take = OV_MX_CHUNK - p->n < n ? OV_MX_CHUNK - p->n : n;
        memcpy(p->plain + p->n, s, take);
        p->n += take;
        s += take;
        n -= take;
    }
    return OV_OK;
}

ov_status ov_mx_write(int muni, ov_date from, ov_date to,
                      const ov_mx_record *r, size_t n,
                      const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                      const uint8_t sign_pk[OV_SIGN_PUBLIC_BYTES],
                      const uint8_t sign_sk[OV_SIGN_SECRET_BYTES],
                      ov_buf *out, ov_err *err)
{
    memset(out, 0, sizeof *out); /* nothing to free until it is made */
    if (muni < 101 || muni > 860)
        return ov_err_msg(err, OV_EINVAL, "--municipality",
                          extract_municipality_code, muni);
    if (ov_mx_period_check(from, to, "--period", err) != OV_OK)
        return err->code;
    if (n > OV_MX_MAX_RECORDS)
        return ov_err_msg(err, OV_ETOOBIG, "--period",
                          extract_period_records, n, OV_MX_MAX_RECORDS);
    for (size_t i = 0; i < n; i++)
        if (r[i].municipality != muni)
            return ov_err_set(err, OV_EINTERNAL, NULL,
                              "record %zu belongs to municipality %d, not "
                              "%d (a bug)",
                              i, r[i].municipality, muni);
    ov_buf_init(out, NULL, OV_MX_MAX_BYTES);
    uint8_t key[OV_KEY_BYTES];
    ov_random_bytes(key, sizeof key);
    uint8_t head[OV_MX_HEADER_BYTES];
    header_bytes(head, muni, from, to, (uint32_t)n, agency_pk, sign_pk);
    ov_sealed_key_seal(agency_pk, key, head + 70);
    pusher *p = ov_xmalloc(sizeof *p);
    p->n = 0;
    p->ad = head;
    p->out = out;
    ov_stream_push_init(&p->st, key, head + 150);
    ov_wipe(key, sizeof key);
    ov_status st = ov_buf_append(out, head, sizeof head);
    /* the plaintext: a header line, then one line per record */
    char f[OV_DATE_BUF], t[OV_DATE_BUF], line[256];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    int w = snprintf(line, sizeof line,
                     "{\"format\":\"" FILE_FORMAT "\",\"version\":%d,"
                     "\"municipality\":%d,\"from\":\"%s\",\"to\":\"%s\","
                     "\"records\":%zu}\n",
                     OV_MX_VERSION, muni, f, t, n);
    if (st == OV_OK)
        st = push(p, line, (size_t)w);
    ov_buf rec;
    ov_buf_init(&rec, NULL, OV_MX_RECORD_MAX);
    for (size_t i = 0; st == OV_OK && i < n; i++) {
        ov_buf_reset(&rec);
        st = ov_mx_record_json(&r[i], &rec, err);
        if (st == OV_OK)
            st = ov_buf_append_byte(&rec, '\n');
        if (st == OV_OK)
            st = push(p, rec.data, rec.len);
    }
    ov_buf_free(&rec);
    if (st == OV_OK)
        st = push_chunk(p, true);
    ov_wipe(p, sizeof *p);
    free(p);
    if (st == OV_OK) {
        uint8_t sig[OV_SIGNATURE_BYTES];
        ov_sign_ctx c;
        ov_sign_init(&c);
        ov_sign_update(&c, out->data, out->len);
        ov_sign_final(&c, sign_sk, sig);
        st = ov_buf_append(out, sig, sizeof sig);
    }
    if (st != OV_OK) {
        ov_buf_free(out);
        if (err->code == OV_OK || st == OV_ETOOBIG)
            ov_err_msg(err, OV_ETOOBIG, "--period", extract_period_too_big);
        return err->code;
    }
    return OV_OK;
}

static ov_status damaged(ov_err *err, const char *what)
{
    return ov_err_set(err, OV_ECORRUPT, "--file",
                      "--file: %s; the file was changed or damaged after "
                      "the municipality signed it: ask for it again",
                      what);
}

ov_status ov_mx_read_header(const uint8_t *file, size_t n, ov_mx_header *h,
                            ov_err *err)
{
    memset(h, 0, sizeof *h);
    if (n < 4 || memcmp(file, MAGIC, 4) != 0)
        return ov_err_msg(err, OV_EINVAL, "--file",
                          extract_file_not_extract);
    if (n < OV_MX_HEADER_BYTES + 4 + OV_STREAM_ABYTES + OV_SIGNATURE_BYTES)
        return damaged(err, "the file is cut short");
    h->version = get_u32(file + 4);
    memcpy(h->agency_id, file + 8, 16);
    memcpy(h->signer, file + 24, OV_SIGN_PUBLIC_BYTES);
    /* the signature first: every byte below is vouched for by it */
    ov_sign_ctx c;
    ov_sign_init(&c);
    ov_sign_update(&c, file, n - OV_SIGNATURE_BYTES);
    if (!ov_sign_verify(&c, file + n - OV_SIGNATURE_BYTES, h->signer))
        return damaged(err, "the signature does not match its contents");
    if (h->version != OV_MX_VERSION)
        return ov_err_msg(err, OV_EINVAL, "--file", extract_file_version,
                          (unsigned)h->version, OV_MX_VERSION);
    h->municipality = (int)get_u16(file + 56);
    h->records = get_u32(file + 66);
    if (!date_of(get_u32(file + 58), &h->from) ||
        !date_of(get_u32(file + 62), &h->to) || h->to < h->from ||
        h->municipality < 101 || h->municipality > 860 ||
        h->records > OV_MX_MAX_RECORDS)
        return damaged(err, "the header's period, municipality or count is "
                            "out of range");
    return OV_OK;
}

/* Check the plaintext's header line against the file's header. */
static ov_status check_first_line(ov_str line, const ov_mx_header *h,
                                  ov_err *err)
{
    json_t *o = json_loadb(line.ptr, line.len, JSON_REJECT_DUPLICATES, NULL);
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(h->from, f);
    ov_date_format_iso(h->to, t);
    bool ok = o && json_is_object(o) && json_object_size(o) == 6;
    const char *fmt = ok ? json_string_value(json_object_get(o, "format"))
                         : NULL;
    const char *from = ok ? json_string_value(json_object_get(o, "from"))
                          : NULL;
    const char *to = ok ? json_string_value(json_object_get(o, "to")) : NULL;
    ok = ok && fmt && !strcmp(fmt, FILE_FORMAT) && from && !strcmp(from, f) &&
         to && !strcmp(to, t) &&
         json_integer_value(json_object_get(o, "version")) == OV_MX_VERSION &&
         json_integer_value(json_object_get(o, "municipality")) ==
             h->municipality &&
         json_integer_value(json_object_get(o, "records")) ==
             (json_int_t)h->records;
    json_decref(o);
    if (!ok)
        return damaged(err, "the encrypted header does not match the file's "
                            "header");
    return OV_OK;
}

ov_status ov_mx_open(const uint8_t *file, size_t n, const ov_mx_header *h,
                     const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                     const uint8_t agency_sk[OV_BOX_SECRET_BYTES],
                     ov_arena *a, ov_mx_record **out, ov_err *err)
{
    *out = NULL;
    uint8_t id[16];
    ov_key_id(agency_pk, OV_BOX_PUBLIC_BYTES, id);
    if (memcmp(id, h->agency_id, sizeof id) != 0) {
        char want[33], have[33];
        ov_hex_encode(h->agency_id, 16, want);
        ov_hex_encode(id, 16, have);
        return ov_err_msg(err, OV_EPERM, "--key", extract_key_other_agency,
                          want, have);
    }
    uint8_t key[OV_KEY_BYTES];
    if (ov_sealed_key_open(agency_pk, agency_sk, file + 70, key, err) !=
        OV_OK)
        return ov_err_msg(err, OV_EPERM, "--key", extract_key_wrong);
    ov_stream *ss = ov_xmalloc(sizeof *ss);
    ov_stream_pull_init(ss, key, file + 150);
    ov_wipe(key, sizeof key);
    ov_buf plain;
    ov_buf_init(&plain, NULL, OV_MX_MAX_BYTES);
    uint8_t *chunk = ov_xmalloc(OV_MX_CHUNK);
    size_t pos = OV_MX_HEADER_BYTES, end = n - OV_SIGNATURE_BYTES;
    bool final = false;
    ov_status st = OV_OK;
    while (st == OV_OK && !final) {
        if (end - pos < 4) {
            st = damaged(err, "the encrypted part is cut short");
            break;
        }
        uint32_t len = get_u32(file + pos);
        pos += 4;
        if (len < OV_STREAM_ABYTES || len > OV_MX_CHUNK + OV_STREAM_ABYTES ||
            len > end - pos) {
            st = damaged(err, "a chunk's length is out of range");
            break;
        }
        if (ov_stream_pull(ss, file + pos, len, file, OV_MX_HEADER_BYTES,
                           chunk, &final, err) != OV_OK) {
            st = damaged(err, "an encrypted chunk does not authenticate");
            break;
        }
        pos += len;
        if (ov_buf_append(&plain, chunk, len - OV_STREAM_ABYTES) != OV_OK)
            st = damaged(err, "the plaintext is too large");
    }
    if (st == OV_OK && pos != end)
        st = damaged(err, "bytes follow the final chunk");
    ov_wipe(ss, sizeof *ss);
    free(ss);
    free(chunk);
    ov_mx_record *rec = NULL;
    if (st == OV_OK)
        rec = ov_arena_zalloc(a, ov_size_mul(h->records ? h->records : 1,
                                             sizeof *rec));
    ov_str rest = ov_buf_str(&plain);
    uint32_t got = 0;
    bool first = true;
    while (st == OV_OK && rest.ptr && rest.len) {
        ov_str line;
        rest = ov_str_cut(rest, '\n', &line);
        if (first) {
            st = check_first_line(line, h, err);
            first = false;
            continue;
        }
        if (got == h->records) {
            st = damaged(err, "more records than the header says");
            break;
        }
        if (ov_mx_record_parse(line, a, &rec[got], err) != OV_OK) {
            ov_err_prefix(err, "--file: record %u", (unsigned)got + 1);
            st = err->code;
            break;
        }
        if (rec[got].municipality != h->municipality) {
            st = damaged(err, "a record belongs to another municipality");
            break;
        }
        got++;
    }
    if (st == OV_OK && (first || got != h->records))
        st = damaged(err, "fewer records than the header says");
    ov_wipe(plain.data, plain.len);
    ov_buf_free(&plain);
    if (st != OV_OK)
        return st;
    *out = rec;
    return OV_OK;
}
