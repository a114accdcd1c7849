/*
 * The leader's board (/tavle) through the real dispatch and a real store:
 * its figures are the API's, every drill-down list adds up to the figure
 * it explains, the attention list is the API's and names its reasons, a
 * write shows on the next view (the board is reused only while the data
 * is unchanged), bad input is a clear error that reads nothing, a
 * foreign team answers like a missing one, and the board and the national
 * board show their figures in the reader's language.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/date.h"
#include "model/indicators.h"
#include "model/meeting.h"
#include "model/settings.h"
#include "store/audit.h"
#include "store/citizen.h"
#include "store/course.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/session.h"
#include "support/world.h"
#include "web/app.h"
#include "web/board.h"
#include "web/handlers.h"

#define A(r) OV_ATTEND(OV_ROLE_##r)
#define FULL                                                               \
    (A(CITIZEN) | A(EMPLOYMENT_CASEWORKER) | A(CTI_WORKER) |               \
     A(COMPANY_CONSULTANT))

typedef struct fixture {
    tu_world w;
    ov_web app;
    ov_date today;
    int64_t c_unsigned, c_overdue, c_no_placement, c_tonder;
    int64_t cit_overdue;
    char leader[OV_TOKEN_HEX], leader_csrf[OV_TOKEN_HEX];
    char job[OV_TOKEN_HEX], job_csrf[OV_TOKEN_HEX];
    char query[128]; /* from=..&to=.. */
} fixture;

static ov_tx *begin(tu_world *w)
{
    ov_tx *tx;
    ov_err err;
    if (ov_tx_begin(w->t.store, &tu_actor, &tx, &err) != OV_OK)
        fail_msg("begin: %s", err.msg);
    return tx;
}

static void commit(ov_tx *tx, ov_status st, const ov_err *err,
                   const char *what)
{
    if (st != OV_OK)
        fail_msg("fixture %s: %s", what, err->msg);
    ov_err e2;
    if (ov_tx_commit(tx, &e2) != OV_OK)
        fail_msg("fixture %s: %s", what, e2.msg);
}

static int64_t course_for(tu_world *w, const char *name, const char *cpr,
                          int64_t team, ov_date start, int64_t *cit)
{
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t c = 0, id = 0;
    ov_status st = ov_citizen_create(tx, ov_str_c(name), ov_str_c(cpr), &c,
                                     &err);
    if (st == OV_OK)
        st = ov_course_create(tx, c, team, OV_STAGE_DRAWN, start, &id, &err);
    commit(tx, st, &err, name);
    if (cit)
        *cit = c;
    return id;
}

static void meeting(fixture *f, int64_t course, ov_meeting_kind kind,
                    ov_date on)
{
    ov_life_domains d;
    ov_life_domains_default(&d);
    ov_meeting_input in = {.kind = kind, .held_on = on, .attendees = FULL};
    ov_tx *tx = begin(&f->w);
    ov_err err;
    int64_t id;
    bool complete = false;
    ov_status st = ov_meeting_record(tx, course, &in, &d, f->today, &id,
                                     &complete, &err);
    commit(tx, st, &err, "meeting");
}

static void session(fixture *f, int64_t user, char token[OV_TOKEN_HEX],
                    char csrf[OV_TOKEN_HEX])
{
    ov_tx *tx;
    ov_err err;
    ov_actor a = {"board", OV_ROLE_SYSTEM, "test"};
    assert_int_equal(ov_tx_begin(f->w.t.store, &a, &tx, &err), OV_OK);
    assert_int_equal(ov_session_create(tx, user, ov_time_now(), token, csrf,
                                       &err),
                     OV_OK);
    assert_int_equal(ov_tx_commit(tx, &err), OV_OK);
}

/* Halsnæs: a course with a placement whose work agreement nobody signed,
 * one whose last follow-up is overdue, one without a placement eight
 * months after its start meeting; Tønder: one overdue too. */
static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    tu_world_init(&f->w);
    tu_world *w = &f->w;
    f->app.store = w->t.store;
    f->today = ov_today_cph();
    ov_date t = f->today;
    f->c_unsigned = tu_course(w, t - 90);
    meeting(f, f->c_unsigned, OV_MEETING_START, t - 83);
    ov_placement p = {OV_PLACE_INTERNSHIP, w->company, t - 76, false, 0, 150};
    ov_tx *tx = begin(w);
    ov_err err;
    int64_t pid = 0;
    commit(tx, ov_placement_create(tx, f->c_unsigned, &p, &pid, &err), &err,
           "placement");
    f->c_overdue = course_for(w, "Bo Hansen", "020275-2342", w->team, t - 120,
                              &f->cit_overdue);
    meeting(f, f->c_overdue, OV_MEETING_START, t - 110);
    meeting(f, f->c_overdue, OV_MEETING_FOLLOWUP, t - 80);
    f->c_no_placement = course_for(w, "Carl Berg", "030399-1453",
                                   w->other_team, t - 260, NULL);
    meeting(f, f->c_no_placement, OV_MEETING_START, t - 250);
    meeting(f, f->c_no_placement, OV_MEETING_FOLLOWUP, t - 10);
    f->c_tonder = course_for(w, "Dorte Lund", "040470-2564", w->team_tonder,
                             t - 120, NULL);
    meeting(f, f->c_tonder, OV_MEETING_START, t - 110);
    session(f, w->leader, f->leader, f->leader_csrf);
    session(f, w->job, f->job, f->job_csrf);
    char from[OV_DATE_BUF], to[OV_DATE_BUF];
    ov_date_format_iso(t - 364, from);
    ov_date_format_iso(t, to);
    snprintf(f->query, sizeof f->query, "from=%s&to=%s", from, to);
}

static void teardown(fixture *f) { tu_db_free(&f->w.t); }

/* GET path?query with a session, in lang ("da", "en") or the default
 * (NULL): the status and the body (malloc'd). */
static char *get_in(fixture *f, const char *token, const char *lang,
                    const char *path, const char *query, int *status)
{
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_GET;
    req.path = ov_str_c(path);
    req.query = ov_str_c(query);
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s%s%s", token,
                                             lang ? "; ov_lang=" : "",
                                             lang ? lang : ""))};
    ov_response res;
    ov_response_init(&res, a, 8 << 20);
    ov_web_handle(&f->app, &req, &res);
    *status = res.status;
    ov_str out = ov_buf_str(&res.body);
    char *text = malloc(out.len + 1);
    assert_non_null(text);
    memcpy(text, out.ptr, out.len);
    text[out.len] = '\0';
    ov_arena_destroy(a);
    return text;
}

static char *get(fixture *f, const char *token, const char *path,
                 const char *query, int *status)
{
    return get_in(f, token, NULL, path, query, status);
}

static bool digit(char c) { return c >= '0' && c <= '9'; }

/* The first figure in html's text (outside tags; a tooltip's <title> is
 * text) written the other language's way, or NULL. Danish: a decimal
 * comma ("79,8": a comma not followed by exactly three digits) or a
 * space before the per cent sign ("80 %"). English: a decimal point
 * ("79.8": one or two digits after it) or no space before the sign. */
static const char *foreign_figure(const char *html, bool english_page)
{
    bool in_tag = false;
    for (const char *p = html; *p; p++) {
        if (*p == '<')
            in_tag = true;
        else if (*p == '>')
            in_tag = false;
        if (in_tag || !digit(*p))
            continue;
        if (english_page) {
            if (p[1] == ' ' && p[2] == '%')
                return p;
            if (p[1] == ',' && digit(p[2]) &&
                !(digit(p[3]) && digit(p[4]) && !digit(p[5])))
                return p;
        } else {
            if (p[1] == '%')
                return p;
            if (p[1] == '.' && digit(p[2]) && !(digit(p[3]) && digit(p[4])))
                return p;
        }
    }
    return NULL;
}

static json_t *api(fixture *f, const char *query)
{
    int st;
    char *b = get(f, f->leader, "/api/v1/indicators", query, &st);
    assert_int_equal(st, 200);
    json_error_t e;
    json_t *j = json_loads(b, 0, &e);
    if (!j)
        fail_msg("API answer is not JSON: %s", b);
    free(b);
    return j;
}

static json_t *api_indicator(json_t *j, const char *code)
{
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(j, "indicators"), i, x)
    if (strcmp(json_string_value(json_object_get(x, "id")), code) == 0)
        return x;
    fail_msg("the API has no indicator %s", code);
    return NULL;
}

/* A CSV number written the Danish way ("1234,5", "76,7 %"). */
static double dk_number(const char *s, size_t n)
{
    char buf[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
        if (s[i] != '.' && s[i] != '"' && s[i] != ' ' && s[i] != '%')
            buf[k++] = s[i] == ',' ? '.' : s[i];
    buf[k] = '\0';
    return k ? strtod(buf, NULL) : 0;
}

/* Field i (0-based) of the CSV line starting at p. */
static double csv_field(const char *p, int i)
{
    for (int k = 0; k < i; k++) {
        p = strchr(p, ';');
        assert_non_null(p);
        p++;
    }
    size_t n = strcspn(p, ";\r\n");
    return dk_number(p, n);
}

/* The board of Halsnæs for the fixture's year, read (or reused) in tx. */
static int board_courses(fixture *f, ov_tx *tx)
{
    ov_ind_query q = {.municipality_code = 250,
                      .from = f->today - 364,
                      .to = f->today};
    ov_arena *a = ov_arena_new(0);
    ov_board b;
    ov_err err;
    if (ov_board_read_cached(tx, &q, f->today, false, a, &b, &err) != OV_OK)
        fail_msg("board: %s", err.msg);
    int n = b.ncourses;
    ov_arena_destroy(a);
    return n;
}

static ov_tx *begin_read(fixture *f)
{
    ov_tx *tx;
    ov_err err;
    if (ov_tx_begin_audited(f->w.t.store, &tu_actor, &tx, &err) != OV_OK)
        fail_msg("begin: %s", err.msg);
    return tx;
}

/* A request's snapshot begins (dispatch) before its handler reads the
 * board; a write committed in between is not in that snapshot. The board
 * it computes must be kept under the version its snapshot has, not under
 * the store's newer one, or the next request (which sees the write) would
 * be shown the board without it until the following write. */
static void a_board_from_a_snapshot_older_than_the_store_is_not_kept_as_newer(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    ov_tx *before = begin_read(f);
    int n0 = board_courses(f, before);
    assert_int_equal(ov_tx_commit(before, &(ov_err){0}), OV_OK);
    ov_tx *old = begin_read(f); /* the snapshot, as dispatch begins it */
    course_for(&f->w, "Eva Holm", "050580-1234", f->w.team, f->today - 30,
               NULL); /* another user's write, committed meanwhile */
    assert_int_equal(board_courses(f, old), n0);
    assert_int_equal(ov_tx_commit(old, &(ov_err){0}), OV_OK);
    ov_tx *now = begin_read(f);
    assert_int_equal(board_courses(f, now), n0 + 1);
    assert_int_equal(ov_tx_commit(now, &(ov_err){0}), OV_OK);
    teardown(f);
}

static void the_boards_figures_are_the_apis(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    json_t *j = api(f, f->query);
    int st;
    char q[256];
    snprintf(q, sizeof q, "%s&format=csv", f->query);
    char *csv = get(f, f->leader, "/tavle", q, &st);
    assert_int_equal(st, 200);
    for (int i = 0; i < OV_IND_COUNT; i++) {
        const char *code = ov_ind_code((ov_ind_id)i);
        char key[80];
        snprintf(key, sizeof key, ";%s;", code);
        const char *line = strstr(csv, key);
        if (!line)
            fail_msg("the board's CSV has no row %s", code);
        while (line > csv && line[-1] != '\n')
            line--;
        json_t *x = api_indicator(j, code);
        double num = json_number_value(json_object_get(x, "numerator"));
        double den = json_number_value(json_object_get(x, "denominator"));
        if (csv_field(line, 3) != num || csv_field(line, 4) != den)
            fail_msg("%s: board %g/%g, API %g/%g", code, csv_field(line, 3),
                     csv_field(line, 4), num, den);
        json_t *v = json_object_get(x, "value");
        if (json_is_number(v)) {
            double b = csv_field(line, 5), a = json_number_value(v);
            if (b < a - 0.051 || b > a + 0.051)
                fail_msg("%s: board value %g, API %g", code, b, a);
        }
    }
    /* the page: the six core elements and three results as tiles, each
     * with its status in words */
    char *html = get(f, f->leader, "/tavle", f->query, &st);
    assert_int_equal(st, 200);
    int tiles = 0;
    for (const char *p = html; (p = strstr(p, "<section class=\"tile st-"));
         p++)
        tiles++;
    assert_int_equal(tiles, 9);
    assert_non_null(strstr(html, "data-ind=\"start_meeting_complete\""));
    assert_non_null(strstr(html, "<svg"));
    assert_non_null(strstr(html, "Slutevaluering 2021, deltagere:"));
    free(html);
    free(csv);
    json_decref(j);
    teardown(f);
}

static void every_drill_down_adds_up_to_its_figure(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    json_t *j = api(f, f->query);
    int checked = 0;
    for (int i = 0; i < OV_IND_COUNT; i++) {
        const char *code = ov_ind_code((ov_ind_id)i);
        ov_ind_group g = ov_ind_group_of((ov_ind_id)i);
        json_t *x = api_indicator(j, code);
        for (int part = 0; part < 2; part++) {
            /* a caseload's denominator counts staff, not courses */
            if (part == 1 && (g == OV_IND_GROUP_CASELOAD ||
                              i == OV_IND_CTI_CASELOAD_MAX))
                continue;
            double want = json_number_value(
                json_object_get(x, part ? "denominator" : "numerator"));
            char q[256];
            snprintf(q, sizeof q, "%s&ind=%s&part=%s&format=csv", f->query,
                     code, part ? "den" : "num");
            int st;
            char *csv = get(f, f->leader, "/tavle/liste", q, &st);
            assert_int_equal(st, 200);
            /* rows after the heading: course;citizen;team;stage;count */
            double sum = 0;
            const char *p = strstr(csv, "\r\n");
            assert_non_null(p);
            p = strstr(p + 2, "\r\n");
            assert_non_null(p);
            for (p += 2; *p; p = strstr(p, "\r\n") + 2) {
                if (*p < '0' || *p > '9')
                    break;
                sum += csv_field(p, 4);
                if (!strstr(p, "\r\n"))
                    break;
            }
            if (sum < want - 0.01 || sum > want + 0.01)
                fail_msg("%s %s: the list adds up to %g, the figure is %g",
                         code, part ? "den" : "num", sum, want);
            checked += want > 0;
            free(csv);
        }
    }
    assert_true(checked >= 5); /* the fixture gives non-trivial figures */
    json_decref(j);
    teardown(f);
}

/* The attention reasons of the API's answer, "course:reason" joined. */
static void api_attention(fixture *f, char *out, size_t cap)
{
    json_t *j = api(f, f->query);
    size_t i, n = 0;
    json_t *x;
    out[0] = '\0';
    json_array_foreach(json_object_get(j, "attention"), i, x)
    {
        n += (size_t)snprintf(
            out + n, cap - n, "%lld:%s ",
            (long long)json_integer_value(json_object_get(x, "course_id")),
            json_string_value(json_object_get(x, "reason")));
        assert_non_null(json_string_value(json_object_get(x, "since")));
    }
    json_decref(j);
}

static void the_attention_list_names_each_reason_and_follows_the_data(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    char before[2048], after[2048], want[128];
    api_attention(f, before, sizeof before);
    snprintf(want, sizeof want, "%lld:agreement_unsigned",
             (long long)f->c_unsigned);
    assert_non_null(strstr(before, want));
    snprintf(want, sizeof want, "%lld:followup_overdue",
             (long long)f->c_overdue);
    assert_non_null(strstr(before, want));
    snprintf(want, sizeof want, "%lld:no_placement",
             (long long)f->c_no_placement);
    assert_non_null(strstr(before, want));
    snprintf(want, sizeof want, "%lld:", (long long)f->c_tonder);
    assert_null(strstr(before, want)); /* another municipality's */
    /* the oldest first: the unsigned agreement since the placement 76
     * days ago, no placement 6 months after the meeting 250 days ago, the
     * follow-ups due 28 days after the meetings 83 and 80 days ago */
    char order[256];
    snprintf(order, sizeof order,
             "%lld:agreement_unsigned %lld:no_placement %lld:followup_overdue "
             "%lld:followup_overdue ",
             (long long)f->c_unsigned, (long long)f->c_no_placement,
             (long long)f->c_unsigned, (long long)f->c_overdue);
    assert_string_equal(before, order);
    /* the board's list, in words, and its export: the same courses */
    int st;
    char *html = get(f, f->leader, "/tavle", f->query, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(html, "Arbejdsaftalen er ikke underskrevet"));
    assert_non_null(strstr(html, "Ingen opfølgning inden for intervallet"));
    assert_non_null(
        strstr(html, "Intet virksomhedsforløb 6 måneder efter opstartsmødet"));
    char link[64];
    snprintf(link, sizeof link, "href=\"/forloeb/%lld\"",
             (long long)f->c_overdue);
    assert_non_null(strstr(html, link));
    free(html);
    /* a follow-up today: the next view no longer lists the course (the
     * board is not served from before the write) */
    meeting(f, f->c_overdue, OV_MEETING_FOLLOWUP, f->today);
    api_attention(f, after, sizeof after);
    snprintf(want, sizeof want, "%lld:followup_overdue",
             (long long)f->c_overdue);
    assert_null(strstr(after, want));
    html = get(f, f->leader, "/tavle", f->query, &st);
    snprintf(link, sizeof link, "href=\"/forloeb/%lld\"",
             (long long)f->c_overdue);
    assert_null(strstr(html, link));
    free(html);
    teardown(f);
}

static void a_list_is_an_audited_read_of_each_citizen_on_it(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    char q[256];
    snprintf(q, sizeof q, "%s&ind=start_meeting_complete&part=den",
             f->query);
    int st;
    char *html = get(f, f->leader, "/tavle/liste", q, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(html, "Bo Hansen"));
    free(html);
    ov_tx *tx;
    ov_err err;
    ov_actor a = {"board", OV_ROLE_SYSTEM, "test"};
    assert_int_equal(ov_tx_begin_audit_log(f->w.t.store, &a, &tx, &err),
                     OV_OK);
    ov_arena *ar = ov_arena_new(0);
    ov_access_entry *rows = NULL;
    ov_list_info li;
    assert_int_equal(ov_audit_citizen_log(tx, f->cit_overdue, 64, ar, &rows,
                                          &li, &err),
                     OV_OK);
    bool found = false;
    for (int i = 0; i < li.n; i++)
        if (rows[i].role == OV_ROLE_LEADER &&
            strstr(rows[i].purpose.ptr,
                   "tavlemøde: start_meeting_complete (nævner)"))
            found = true;
    assert_true(found);
    ov_tx_rollback(tx);
    ov_arena_destroy(ar);
    teardown(f);
}

static int64_t audit_rows(fixture *f)
{
    ov_err err;
    assert_int_equal(ov_store_audit_sync(f->w.t.store, &err), OV_OK);
    ov_store_stats s;
    assert_int_equal(ov_store_stats_get(f->w.t.store, &s, &err), OV_OK);
    return s.audit_rows;
}

static void a_period_ending_before_it_begins_is_an_error_that_reads_nothing(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int64_t before = audit_rows(f);
    int st;
    char *html =
        get(f, f->leader, "/tavle", "from=2026-02-01&to=2026-01-01", &st);
    assert_int_equal(st, 400);
    assert_non_null(strstr(html, "has-error"));
    assert_non_null(strstr(html, "før den begynder"));
    assert_null(strstr(html, "class=\"tile"));
    free(html);
    assert_int_equal(audit_rows(f), before);
    /* the export says it in JSON */
    html = get(f, f->leader, "/tavle",
               "from=2026-02-01&to=2026-01-01&format=xlsx", &st);
    assert_int_equal(st, 400);
    free(html);
    html = get(f, f->leader, "/tavle", "format=pdf", &st);
    assert_int_equal(st, 400);
    if (!strstr(html, "csv eller xlsx"))
        fail_msg("format error: %s", strstr(html, "<main"));
    free(html);
    teardown(f);
}

/* A copy of text with every occurrence of the decimal id replaced by
 * "ID" (a new string: "ID" is longer than a one-digit id). */
static char *blank_id(const char *text, int64_t id)
{
    char d[32];
    snprintf(d, sizeof d, "%lld", (long long)id);
    size_t n = strlen(d);
    char *out = malloc(2 * strlen(text) + 1);
    assert_non_null(out);
    size_t o = 0;
    for (const char *p = text; *p;) {
        if (strncmp(p, d, n) == 0) {
            memcpy(out + o, "ID", 2);
            o += 2;
            p += n;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return out;
}

/* The board's query errors read in Danish on the page (they were English
 * before their message ids): the list, the part, the indicator, and the
 * refusal of another team's figures to a staff member. */
static void a_wrong_query_is_explained_in_danish(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    static const struct {
        const char *path, *query;
        int status;
        const char *danish;
    } cases[] = {
        {"/tavle/liste", "list=foo", 400,
         "Vælg listen over forløb, der kræver opmærksomhed, eller en "
         "indikator"},
        {"/tavle/liste", "ind=agreement_signed&part=x", 400,
         "Vælg tælleren (num) eller nævneren (den)"},
        {"/tavle/liste", "ind=nope", 400,
         "Indikatoren &#39;nope&#39; findes ikke"},
        {"/tavle", "format=pdf", 400, "Vælg formatet html, csv eller xlsx"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int st;
        const char *q = cases[i].query;
        char *html = get(f, f->leader, cases[i].path, q, &st);
        assert_int_equal(st, cases[i].status);
        if (!strstr(html, cases[i].danish))
            fail_msg("%s?%s: no '%s' in %s", cases[i].path, q,
                     cases[i].danish, strstr(html, "<main"));
        free(html);
    }
    teardown(f);
}

static void another_municipalitys_team_answers_like_a_missing_one(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    const char *paths[] = {"/tavle", "/tavle/liste"};
    for (int k = 0; k < 2; k++) {
        char q1[128], q2[128];
        snprintf(q1, sizeof q1, "team=%lld&list=attention",
                 (long long)f->w.team_tonder);
        snprintf(q2, sizeof q2, "team=987654&list=attention");
        int s1, s2;
        char *b1 = get(f, f->leader, paths[k], q1, &s1);
        char *b2 = get(f, f->leader, paths[k], q2, &s2);
        assert_int_equal(s1, 404);
        assert_int_equal(s2, 404);
        /* the page's main part (the header holds the session's token) */
        char *m1 = strstr(b1, "<main"), *m2 = strstr(b2, "<main");
        assert_non_null(m1);
        assert_non_null(m2);
        char *x1 = blank_id(m1, f->w.team_tonder);
        char *x2 = blank_id(m2, 987654);
        assert_string_equal(x1, x2);
        free(x1);
        free(x2);
        free(b1);
        free(b2);
    }
    teardown(f);
}

/* Every trend curve on the board has its months' figures as text for a
 * screen reader (WCAG 1.1.1): a visually hidden list in its caption, one
 * item a month, "MM-YYYY: figure" (or "intet tal"). */
static void every_trend_curve_has_its_months_figures_as_text(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int st;
    char *html = get(f, f->leader, "/tavle", f->query, &st);
    assert_int_equal(st, 200);
    int curves = 0;
    for (const char *p = html; (p = strstr(p, "<figure class=\"spark\"")); p++) {
        curves++;
        const char *end = strstr(p, "</figure>");
        assert_non_null(end);
        const char *list = strstr(p, "<ul class=\"sr-only\">");
        if (!list || list > end)
            fail_msg("trend curve %d has no text list of its figures", curves);
        assert_non_null(strstr(p, "Tallene måned for måned:"));
        int items = 0;
        for (const char *q = list; (q = strstr(q, "<li>")) && q < end; q++) {
            /* "12-2025: ..." */
            if (!(q[4] >= '0' && q[4] <= '1' && q[6] == '-' && q[11] == ':'))
                fail_msg("trend curve %d: an item is not \"MM-YYYY: figure\"",
                         curves);
            items++;
        }
        assert_int_equal(items, OV_BOARD_MONTHS);
    }
    assert_int_equal(curves, 9); /* one a tile */
    free(html);
    teardown(f);
}

static void staff_see_their_own_figures_and_no_list(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int st;
    char *html = get(f, f->job, "/tavle", f->query, &st);
    assert_int_equal(st, 200);
    /* their own figures: no link to the courses behind a number */
    assert_null(strstr(html, "/tavle/liste?ind="));
    assert_non_null(strstr(html, "Mine egne forløb"));
    free(html);
    char q[64];
    snprintf(q, sizeof q, "team=%lld", (long long)f->w.other_team);
    free(get(f, f->job, "/tavle", q, &st));
    assert_int_equal(st, 403);
    free(get(f, f->job, "/tavle/liste", "list=attention", &st));
    assert_int_equal(st, 403);
    teardown(f);
}

static void a_leader_lands_on_the_board(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    ov_arena *a = ov_arena_new(0);
    ov_request req;
    memset(&req, 0, sizeof req);
    req.arena = a;
    req.method = OV_GET;
    req.path = ov_str_c("/");
    req.headers[req.nheaders++] =
        (ov_header){OV_STR_LIT("Cookie"),
                    ov_str_c(ov_arena_printf(a, "ov_session=%s", f->leader))};
    ov_response res;
    ov_response_init(&res, a, 1 << 20);
    ov_web_handle(&f->app, &req, &res);
    assert_int_equal(res.status, 303);
    bool found = false;
    for (int i = 0; i < res.nheaders; i++)
        if (ov_str_eq_c(res.headers[i].name, "Location") &&
            ov_str_eq_c(res.headers[i].value, "/tavle"))
            found = true;
    assert_true(found);
    ov_arena_destroy(a);
    teardown(f);
}

/* The board read in English shows English figures ("80%", "33.3%",
 * tooltips "2025-12: 33.3") and not one Danish one; the Danish board keeps
 * "80 %" and "33,3 %" and shows no English one. */
static void the_english_board_shows_english_figures_and_the_danish_danish(
    void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    int st;
    char *en = get_in(f, f->leader, "en", "/tavle", f->query, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(en, "Final evaluation 2021, participants: 80%"));
    const char *bad = foreign_figure(en, true);
    if (bad)
        fail_msg("a Danish figure on the English board: \"%.40s\"", bad);
    char *da = get_in(f, f->leader, "da", "/tavle", f->query, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(da, "Slutevaluering 2021, deltagere: 80 %"));
    bad = foreign_figure(da, false);
    if (bad)
        fail_msg("an English figure on the Danish board: \"%.40s\"", bad);
    /* one course of three: a decimal in the tiles and the tooltips */
    assert_non_null(strstr(en, "33.3%"));
    assert_non_null(strstr(en, ": 33.3</title>"));
    assert_non_null(strstr(da, "33,3 %"));
    assert_non_null(strstr(da, ": 33,3</title>"));
    free(en);
    free(da);
    teardown(f);
}

/* The national board in English: English figures in its cells and its
 * rollout chart, not one Danish one; in Danish the Danish ones. (k = 3,
 * the smallest allowed, leaves the national total shown.) */
static void the_english_national_board_shows_english_figures(void **state)
{
    (void)state;
    static fixture fx;
    fixture *f = &fx;
    setup(f);
    f->app.suppress_k = 3;
    ov_tx *tx = begin(&f->w);
    int64_t nat = tu_add_user(tx, "national", OV_ROLE_NATIONAL_ANALYST, 0, 0);
    assert_int_equal(ov_tx_commit(tx, &(ov_err){0}), OV_OK);
    char token[OV_TOKEN_HEX], csrf[OV_TOKEN_HEX];
    session(f, nat, token, csrf);
    int st;
    char *en = get_in(f, token, "en", "/national", "", &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(en, "<figure class=\"chart\""));
    const char *bad = foreign_figure(en, true);
    if (bad)
        fail_msg("a Danish figure on the English national board: \"%.40s\"",
                 bad);
    char *da = get_in(f, token, "da", "/national", "", &st);
    assert_int_equal(st, 200);
    bad = foreign_figure(da, false);
    if (bad)
        fail_msg("an English figure on the Danish national board: \"%.40s\"",
                 bad);
    /* the nation: one course of four (the municipalities are hidden:
     * Tønder's one citizen is below k, and Halsnæs would give it away) */
    assert_non_null(strstr(en, ">25%<"));
    assert_non_null(strstr(da, ">25 %<"));
    free(en);
    free(da);
    teardown(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_boards_figures_are_the_apis),
        cmocka_unit_test(every_drill_down_adds_up_to_its_figure),
        cmocka_unit_test(
            the_attention_list_names_each_reason_and_follows_the_data),
        cmocka_unit_test(a_list_is_an_audited_read_of_each_citizen_on_it),
        cmocka_unit_test(
            a_period_ending_before_it_begins_is_an_error_that_reads_nothing),
        cmocka_unit_test(a_wrong_query_is_explained_in_danish),
        cmocka_unit_test(another_municipalitys_team_answers_like_a_missing_one),
        cmocka_unit_test(every_trend_curve_has_its_months_figures_as_text),
        cmocka_unit_test(staff_see_their_own_figures_and_no_list),
        cmocka_unit_test(a_leader_lands_on_the_board),
        cmocka_unit_test(
            a_board_from_a_snapshot_older_than_the_store_is_not_kept_as_newer),
        cmocka_unit_test(
            the_english_board_shows_english_figures_and_the_danish_danish),
        cmocka_unit_test(the_english_national_board_shows_english_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
