/*
 * occupation.c - the DISCO-08 list compiled in, looked up and searched
 * (occupation.h). The table is generated at build time from
 * data/disco08.csv by scripts/gen-disco08 (build/gen/model/disco08.inc); the
 * generator refuses a malformed row, so the table holds only well-formed
 * codes, each once. A search folds each of the 429 level-4 titles per
 * query (core/fold.h): about 0.1 ms of CPU, so nothing is cached
 * and nothing is shared between threads.
 */
#include "model/occupation.h"

#include <string.h>

#include "core/fold.h"

static const ov_occupation table[] = {
#include "model/disco08.inc" /* build/gen: scripts/gen-disco08 */
};
#define NTABLE (sizeof table / sizeof table[0])

size_t ov_occupation_count(void)
{
    return NTABLE;
}

const ov_occupation *ov_occupation_at(size_t i)
{
    return i < NTABLE ? &table[i] : NULL;
}

size_t ov_occupation_count_level(int level)
{
    size_t n = 0;
    for (size_t i = 0; i < NTABLE; i++)
        n += table[i].level == level;
    return n;
}

const ov_occupation *ov_occupation_find(ov_str code)
{
    if (!code.len || code.len > 6 || !ov_str_is_digits(code))
        return NULL;
    for (size_t i = 0; i < NTABLE; i++)
        if (ov_str_eq_c(code, table[i].code))
            return &table[i];
    return NULL;
}

const char *ov_occupation_title(ov_str code)
{
    const ov_occupation *o = ov_occupation_find(code);
    return o && o->level == OV_OCCUPATION_LEVEL ? o->title : NULL;
}

const char *ov_occupation_label(ov_arena *a, ov_str code)
{
    if (!code.len)
        return "";
    const char *t = ov_occupation_title(code);
    if (!t)
        return ov_str_dup0(a, code);
    return ov_arena_printf(a, "%s (%.*s)", t, (int)code.len, code.ptr);
}

/* How well a title answers the query, lower is better: 0 the title
 * begins with the query, 1 a word of it begins with the query's first
 * word, 2 the words occur somewhere. Both folded to base letters. */
static int rank_of(const char *q, size_t qlen, const char *qword,
                   size_t qwlen, const char *title)
{
    char t[512];
    size_t tlen = ov_fold(ov_str_c(title), OV_FOLD_BASE, t, sizeof t);
    if (tlen >= qlen && memcmp(t, q, qlen) == 0)
        return 0;
    for (size_t i = 1; i + qwlen <= tlen; i++)
        if (t[i - 1] == ' ' && memcmp(t + i, qword, qwlen) == 0)
            return 1;
    return 2;
}

typedef struct hit {
    const ov_occupation *o;
    int rank;
    size_t len;
    size_t order;
} hit;

static bool better(const hit *x, const hit *y)
{
    if (x->rank != y->rank)
        return x->rank < y->rank;
    if (x->len != y->len)
        return x->len < y->len;
    return x->order < y->order;
}

size_t ov_occupation_search(ov_str query, const ov_occupation **out,
                            size_t cap, size_t *total)
{
    *total = 0;
    if (cap > OV_OCCUPATION_SEARCH_MAX)
        cap = OV_OCCUPATION_SEARCH_MAX;
    query = ov_str_trim(query);
    if (query.len > OV_FOLD_QUERY_MAX)
        query.len = OV_FOLD_QUERY_MAX;
    bool digits = query.len && ov_str_is_digits(query);
    ov_fold_query fq;
    char q[OV_FOLD_QUERY_MAX + 1];
    size_t qlen = 0, qwlen = 0;
    if (!digits) {
        ov_fold_query_init(&fq, query);
        if (fq.nwords == 0 || fq.letters == 0)
            return 0;
        qlen = ov_fold(query, OV_FOLD_BASE, q, sizeof q);
        while (qlen && q[0] == ' ') {
            memmove(q, q + 1, qlen);
            qlen--;
        }
        while (qwlen < qlen && q[qwlen] != ' ')
            qwlen++;
    }
    /* the best cap hits, kept sorted by insertion (cap is small) */
    hit best[OV_OCCUPATION_SEARCH_MAX];
    size_t n = 0;
    for (size_t i = 0; i < NTABLE; i++) {
        const ov_occupation *o = &table[i];
        if (o->level != OV_OCCUPATION_LEVEL)
            continue;
        hit h = {o, 0, strlen(o->title), i};
        if (digits) {
            if (!ov_str_starts_with(ov_str_c(o->code), query))
                continue;
            h.rank = 0;
            h.len = 0; /* codes in the list's order */
        } else {
            if (!ov_fold_match(&fq, ov_str_c(o->title)))
                continue;
            h.rank = rank_of(q, qlen, q, qwlen, o->title);
        }
        (*total)++;
        if (n < cap || (n > 0 && better(&h, &best[n - 1]))) {
            size_t k = n < cap ? n++ : n - 1;
            while (k > 0 && better(&h, &best[k - 1])) {
                best[k] = best[k - 1];
                k--;
            }
            best[k] = h;
        }
    }
    for (size_t i = 0; i < n; i++)
        out[i] = best[i].o;
    return n;
}

/* The code inside a trailing "(...)", as a suggestion shows it. */
static bool trailing_code(ov_str s, ov_str *code)
{
    if (s.len < 3 || s.ptr[s.len - 1] != ')')
        return false;
    size_t open = s.len - 1;
    while (open > 0 && s.ptr[open - 1] != '(')
        open--;
    if (open == 0)
        return false;
    *code = ov_str_trim((ov_str){s.ptr + open, s.len - 1 - open});
    return code->len > 0 && ov_str_is_digits(*code);
}

ov_status ov_occupation_resolve(ov_str input, const char *field,
                                ov_arena *a, ov_str *code, ov_err *err)
{
    input = ov_str_trim(input);
    *code = (ov_str){0};
    if (!input.len)
        return OV_OK;
    ov_str c;
    if (ov_str_is_digits(input) || trailing_code(input, &c)) {
        if (ov_str_is_digits(input))
            c = input;
        const ov_occupation *o = ov_occupation_find(c);
        if (!o || o->level != OV_OCCUPATION_LEVEL)
            return ov_err_msg(err, OV_EINVAL, field, occupation_code_unknown,
                              field, ov_arg_strn(c.ptr, c.len));
        *code = ov_str_c(o->code);
        return OV_OK;
    }
    const ov_occupation *hits[OV_OCCUPATION_SEARCH_MAX];
    size_t total = 0;
    size_t n = ov_occupation_search(input, hits, 3, &total);
    if (n == 0)
        return ov_err_msg(err, OV_EINVAL, field, occupation_title_none, field,
                          ov_arg_strn(input.ptr, input.len));
    /* one match, or a title typed in full */
    char fin[OV_FOLD_QUERY_MAX + 1], ft[512];
    size_t finlen = ov_fold(input, OV_FOLD_BASE, fin, sizeof fin);
    for (size_t i = 0; i < n && total > 1; i++) {
        size_t ftlen = ov_fold(ov_str_c(hits[i]->title), OV_FOLD_BASE, ft,
                               sizeof ft);
        if (ftlen == finlen && memcmp(ft, fin, ftlen) == 0) {
            hits[0] = hits[i];
            total = 1;
        }
    }
    if (total == 1) {
        *code = ov_str_c(hits[0]->code);
        return OV_OK;
    }
    const char *some = "";
    for (size_t i = 0; i < n; i++)
        some = ov_arena_printf(a, "%s%s%s (%s)", some, i ? "; " : "",
                               hits[i]->title, hits[i]->code);
    return ov_err_msg(err, OV_EINVAL, field, occupation_title_many, field,
                      total, ov_arg_strn(input.ptr, input.len), some);
}
