/*
 * search.c - finding a citizen among the courses the caller may see.
 *
 * Why a scan and no index: names are stored in clear (citizen.full_name),
 * and a search finds any part of a name with accents and æ/ø/å ignored
 * (core/fold.h), which no B-tree index serves (it serves prefixes only).
 * The scan is over the courses the caller may see, not the whole table:
 * a caseworker's teams (the same CROSS JOIN as the course list) or a
 * leader's municipality; each row's name is folded in C where the list
 * reader asks whether it wants the row, so the query's words are folded
 * once and no copy of a name is made for a row that does not match. At
 * the benchmark's scale (24,000 citizens, 12,000 courses a municipality)
 * a leader's search costs about 18 ms of CPU, its rows read in id order
 * through course (municipality_code, id) (migration 14; docs/performance.md).
 *
 * CPR numbers are sealed (store/citizen.h): a number is found by its
 * keyed hash, exactly, and only whole. It never reaches a log line, an
 * error message or the audit criterion.
 */
#include "store/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/cpr.h"
#include "core/fold.h"
#include "model/org.h"
#include "store/audit.h"
#include "store/store_int.h"

#define HIT_COLUMNS                                                        \
    "c.id, z.full_name, c.stage, c.municipality_code, c.citizen_id, "      \
    "c.started_on, c.ended_on, z.birth_date"

/* every query binds ?1 (the user), ?2 (the municipality), ?3 (the
 * look-up hash or NULL); one that needs fewer compares the rest to
 * themselves. Column 8: the viewer is on the course's team. */
static const char SQL_NAME_TEAM[] =
    "SELECT " HIT_COLUMNS ", 1 FROM team_member m CROSS JOIN course c ON "
    "c.team_id = m.team_id JOIN citizen z ON z.id = c.citizen_id "
    "WHERE m.user_id = ?1 AND +c.municipality_code = ?2 AND ?3 IS NULL "
    "ORDER BY c.id DESC";
static const char SQL_NAME_MUNI[] =
    "SELECT " HIT_COLUMNS ", 0 FROM course c JOIN citizen z ON z.id = "
    "c.citizen_id WHERE c.municipality_code = ?2 AND ?1 = ?1 AND ?3 IS "
    "NULL ORDER BY c.id DESC";
static const char SQL_CPR[] =
    "SELECT " HIT_COLUMNS ", EXISTS (SELECT 1 FROM team_member m WHERE "
    "m.team_id = c.team_id AND m.user_id = ?1) FROM citizen z JOIN course "
    "c ON c.citizen_id = z.id WHERE z.cpr_hash = ?3 AND ?2 = ?2 "
    "ORDER BY c.id DESC";

typedef struct search_key {
    const ov_viewer *v;
    ov_fold_query q;
    bool by_cpr;
    uint8_t hash[OV_HASH_BYTES];
} search_key;

static void search_bind(ov_stmt *s, const void *arg)
{
    const search_key *k = arg;
    ov_stmt_bind_i64(s, 1, k->v->user_id);
    ov_stmt_bind_i64(s, 2, k->v->municipality_code);
    if (k->by_cpr)
        ov_stmt_bind_blob(s, 3, k->hash, sizeof k->hash);
    else
        ov_stmt_bind_null(s, 3);
}

/* the access rule once more on every row, and the name */
static bool search_want(ov_stmt *s, const void *arg)
{
    const search_key *k = arg;
    ov_course_scope sc = {(int)ov_stmt_col_i64(s, 3), ov_stmt_col_i64(s, 4),
                          ov_stmt_col_i64(s, 8) != 0};
    if (!ov_may_see_course(k->v, &sc))
        return false;
    if (k->by_cpr)
        return true;
    size_t n;
    const char *name = ov_stmt_col_blob(s, 1, &n);
    return name && ov_fold_match(&k->q, (ov_str){name, n});
}

static ov_status hit_read(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    ov_search_hit *h = row;
    h->course_id = ov_stmt_col_i64(s, 0);
    h->name = ov_stmt_col_text(s, 1, a);
    h->citizen_id = ov_stmt_col_i64(s, 4);
    h->ended = !ov_stmt_col_is_null(s, 6);
    if (ov_stage_parse(ov_stmt_col_text(s, 2, a), &h->stage, err) != OV_OK)
        return err->code;
    if (ov_col_date(s, 7, a, "birth_date", &h->birth_date, err) != OV_OK)
        return err->code;
    return ov_col_date(s, 5, a, "started_on", &h->started_on, err);
}

enum { Q_NAME_TEAM, Q_NAME_MUNI, Q_CPR };
static const ov_list_query SEARCHES[] = {
    [Q_NAME_TEAM] = {.sql = SQL_NAME_TEAM, .row_size = sizeof(ov_search_hit),
                     .bind = search_bind, .want = search_want,
                     .read = hit_read},
    [Q_NAME_MUNI] = {.sql = SQL_NAME_MUNI, .row_size = sizeof(ov_search_hit),
                     .bind = search_bind, .want = search_want,
                     .read = hit_read},
    [Q_CPR] = {.sql = SQL_CPR, .row_size = sizeof(ov_search_hit),
               .bind = search_bind, .want = search_want, .read = hit_read},
};

/* Only digits, with dashes or spaces between them: a CPR number. */
static bool cpr_shaped(ov_str q)
{
    bool digit = false;
    for (size_t i = 0; i < q.len; i++) {
        char ch = q.ptr[i];
        if (ch >= '0' && ch <= '9')
            digit = true;
        else if (ch != '-' && ch != ' ')
            return false;
    }
    return digit;
}

static int hit_cmp(const void *pa, const void *pb)
{
    const ov_search_hit *a = pa, *b = pb;
    char fa[512], fb[512]; /* a name is at most 200 bytes */
    ov_fold(a->name, OV_FOLD_SPELL, fa, sizeof fa);
    ov_fold(b->name, OV_FOLD_SPELL, fb, sizeof fb);
    int c = strcmp(fa, fb);
    if (c)
        return c;
    if (a->ended != b->ended)
        return a->ended ? 1 : -1;
    return a->course_id < b->course_id ? 1 : a->course_id > b->course_id;
}

/* The query read as a CPR number into k (its hash), or an error that
 * does not repeat it. */
static ov_status cpr_key(ov_tx *tx, ov_str q, search_key *k, ov_err *err)
{
    char digits[11];
    size_t n = 0;
    for (size_t i = 0; i < q.len; i++)
        if (q.ptr[i] >= '0' && q.ptr[i] <= '9') {
            if (n == 10) {
                n++;
                break;
            }
            digits[n++] = q.ptr[i];
        }
    if (n != 10) {
        memset(digits, 0, sizeof digits);
        return ov_err_msg(err, OV_EINVAL, "q", search_cpr_whole);
    }
    ov_cpr cpr;
    ov_err ignored; /* its message names parts of the number */
    ov_status st = ov_cpr_parse((ov_str){digits, 10}, "q", &cpr, &ignored);
    memset(digits, 0, sizeof digits);
    if (st != OV_OK)
        return ov_err_msg(err, OV_EINVAL, "q", search_cpr_invalid);
    const ov_keys *keys;
    st = ov_store_keys(tx->store, &keys, err);
    if (st == OV_OK)
        ov_keyed_hash(keys, cpr.digits, 10, k->hash);
    memset(&cpr, 0, sizeof cpr);
    return st;
}

ov_status ov_citizen_search(ov_tx *tx, const ov_viewer *v, ov_str q, int cap,
                            ov_arena *a, ov_search_hit **hits,
                            ov_list_info *li, ov_search_by *by, ov_err *err)
{
    *hits = NULL;
    memset(li, 0, sizeof *li);
    *by = OV_SEARCH_NAME;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (!ov_may_do(v, OV_OP_CITIZEN_SEARCH))
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, NULL,
                                          access_refused,
                                          ov_op_refusal(
                                              OV_OP_CITIZEN_SEARCH)),
                               err));
    q = ov_str_trim(q);
    search_key *k = OV_NEW(a, search_key);
    k->v = v;
    int which;
    if (q.len == 0) {
        ov_err_msg(err, OV_EINVAL, "q", search_empty);
        return ov_tx_fail(tx, err);
    } else if (cpr_shaped(q)) {
        *by = OV_SEARCH_CPR;
        k->by_cpr = true;
        if (cpr_key(tx, q, k, err) != OV_OK)
            return ov_tx_fail(tx, err);
        which = Q_CPR;
    } else {
        if (q.len > OV_FOLD_QUERY_MAX)
            return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "q",
                                              search_too_long,
                                              OV_FOLD_QUERY_MAX),
                                   err));
        ov_fold_query_init(&k->q, q);
        if (k->q.letters < 2)
            return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "q",
                                              search_too_short), err));
        which = ov_role_is_frontline(v->role) ? Q_NAME_TEAM : Q_NAME_MUNI;
    }
    void *rows;
    ov_status st = ov_list_read(tx, &SEARCHES[which], k, cap, a, &rows, li,
                                err);
    memset(k->hash, 0, sizeof k->hash);
    if (st != OV_OK)
        return err->code;
    *hits = rows;
    if (li->n > 1)
        qsort(*hits, (size_t)li->n, sizeof **hits, hit_cmp);
    const char *crit = *by == OV_SEARCH_CPR ? "søgning på CPR-nummer"
                                            : "søgning på navn";
    if (li->n == 0)
        return ov_audit_append(tx, OV_ACT_READ, 0,
                               *by == OV_SEARCH_CPR
                                   ? "søgning på CPR-nummer: ingen fundet"
                                   : "søgning på navn: ingen fundet",
                               err);
    for (int i = 0; i < li->n; i++)
        if (ov_audit_append(tx, OV_ACT_READ, (*hits)[i].citizen_id, crit,
                            err) != OV_OK)
            return err->code;
    return OV_OK;
}
