#include "store/match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/occupation.h"
#include "store/audit.h"
#include "store/course.h"
#include "store/store_int.h"

static const char SQL_COMPANY[] =
    "SELECT municipality_code, coalesce(postcode, 0) FROM company WHERE id = "
    "?1";
static const char SQL_OPENING_INSERT[] =
    "INSERT INTO opening (company_id, tasks, occupation, hours_min, "
    "hours_max, accommodations, ordinary, shortage, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_OPENINGS[] =
    "SELECT o.id, o.tasks, o.occupation, o.hours_min, o.hours_max, "
    "o.accommodations, o.ordinary, o.shortage, c.municipality_code, "
    "coalesce(c.postcode, 0) FROM opening o JOIN company c ON c.id = "
    "o.company_id WHERE o.active = 1 AND c.municipality_code = ?1 "
    "ORDER BY o.id";
/* (the course's municipality: a placement is made with its own companies;
 * the location component weighs postcode and travel within it) */
/* An active opening at a company of the course's municipality; another
 * municipality's opening is not found, like one that does not exist. */
static const char SQL_OPENING_EXISTS[] =
    "SELECT count(*) FROM opening o JOIN company c ON c.id = o.company_id "
    "WHERE o.id = ?1 AND o.active = 1 AND c.municipality_code = ?2";
static const char SQL_PROPOSE[] =
    "INSERT INTO match_proposal (course_id, opening_id, score, proposed_by, "
    "proposed_on) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_PROPOSAL[] =
    "SELECT course_id, citizen_agreed FROM match_proposal WHERE id = ?1";
static const char SQL_ANSWER[] =
    "UPDATE match_proposal SET citizen_agreed = ?2, answered_on = ?3, "
    "answered_by = ?4, answered_user = ?5, citizen_comment = ?6 WHERE id = "
    "?1";
static const char SQL_EMPLOYMENT[] =
    "INSERT INTO employment (course_id, from_on, ordinary_hours_x10) "
    "VALUES (?1, ?2, ?3)";

/* Accommodation bit set to and from "code,code". */
static void acc_codes(unsigned bits, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < OV_ACC_COUNT && o < cap; i++)
        if (bits & OV_ACC_BIT(i)) {
            int n = snprintf(out + o, cap - o, "%s%s", o ? "," : "",
                             ov_accommodation_code((ov_accommodation)i));
            if (n < 0)
                break;
            o += (size_t)n;
        }
}

static unsigned acc_bits(ov_str codes)
{
    unsigned bits = 0;
    while (codes.ptr && codes.len) {
        ov_str one;
        codes = ov_str_cut(codes, ',', &one);
        ov_accommodation a;
        if (ov_accommodation_parse(one, &a, NULL) == OV_OK)
            bits |= OV_ACC_BIT(a);
    }
    return bits;
}

ov_status ov_opening_create(ov_tx *tx, int64_t company_id, ov_opening *o,
                            ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_status st = OV_OK;
    if (ov_str_trim(o->tasks).len == 0 || o->tasks.len > 2000 ||
        !ov_str_is_utf8(o->tasks))
        st = ov_err_msg(err, OV_EINVAL, "tasks", match_tasks_length);
    else if (o->occupation.len &&
             (o->occupation.len != 4 || !ov_str_is_digits(o->occupation)))
        st = ov_err_msg(err, OV_EINVAL, "occupation",
                        match_occupation_code);
    else if (o->occupation.len && !ov_occupation_title(o->occupation))
        st = ov_err_msg(err, OV_EINVAL, "occupation",
                        occupation_code_unknown, "occupation",
                        ov_arg_strn(o->occupation.ptr, o->occupation.len));
    else if (o->hours_min < 0 || o->hours_max > 60 ||
             o->hours_min > o->hours_max)
        st = ov_err_msg(err, OV_EINVAL, "hours_max",
                        match_hours_order);
    else if ((unsigned)o->ordinary >= OV_ORD_COUNT)
        st = ov_err_msg(err, OV_EINVAL, "ordinary_hours",
                        match_ordinary_hours_choose);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COMPANY, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, company_id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        o->municipality_code = (int)ov_stmt_col_i64(s, 0);
        o->postcode = (int)ov_stmt_col_i64(s, 1);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "company_id",
                                          match_company_not_found,
                                          (long long)company_id), err));
    char acc[256], now[OV_TIME_BUF];
    acc_codes(o->accommodations, acc, sizeof acc);
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_OPENING_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, company_id);
    ov_stmt_bind_text(s, 2, ov_str_trim(o->tasks));
    ov_stmt_bind_text(s, 3, o->occupation.ptr ? o->occupation : OV_STR_LIT(""));
    ov_stmt_bind_i64(s, 4, o->hours_min);
    ov_stmt_bind_i64(s, 5, o->hours_max);
    ov_stmt_bind_cstr(s, 6, acc);
    ov_stmt_bind_cstr(s, 7, ov_ordinary_hours_code(o->ordinary));
    ov_stmt_bind_i64(s, 8, o->shortage);
    ov_stmt_bind_cstr(s, 9, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    o->id = ov_conn_last_insert_id(tx->conn);
    return ov_audit_append(tx, OV_ACT_CREATE, 0, "virksomhedsåbning", err);
}

ov_status ov_match_suggest(ov_tx *tx, int64_t course_id,
                           const ov_match_profile *p,
                           const ov_match_weights *w, ov_arena *a,
                           ov_match_score *out, int cap, int *n, ov_err *err)
{
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_open(tx, course_id, &h, err) != OV_OK ||
        ov_match_weights_validate(w, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_OPENINGS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, h.municipality_code);
    size_t ncap = 64, k = 0;
    ov_match_score *all = ov_xmalloc(ncap * sizeof *all);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        ov_opening o;
        o.id = ov_stmt_col_i64(s, 0);
        o.tasks = ov_stmt_col_text(s, 1, a);
        o.occupation = ov_stmt_col_text(s, 2, a);
        o.hours_min = (int)ov_stmt_col_i64(s, 3);
        o.hours_max = (int)ov_stmt_col_i64(s, 4);
        o.accommodations = acc_bits(ov_stmt_col_text(s, 5, a));
        ov_ordinary_hours_parse(ov_stmt_col_text(s, 6, a), &o.ordinary, NULL);
        o.shortage = ov_stmt_col_i64(s, 7) != 0;
        o.municipality_code = (int)ov_stmt_col_i64(s, 8);
        o.postcode = (int)ov_stmt_col_i64(s, 9);
        if (k == ncap) {
            ncap *= 2;
            all = ov_xrealloc(all, ncap * sizeof *all);
        }
        ov_match_score_of(w, p, &o, &all[k++]);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR) {
        free(all);
        return ov_tx_fail(tx, err);
    }
    ov_match_rank(all, (int)k);
    *n = (int)k < cap ? (int)k : cap;
    memcpy(out, all, (size_t)*n * sizeof *out);
    free(all);
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "matchforslag",
                           err);
}

ov_status ov_match_propose(ov_tx *tx, int64_t course_id, int64_t opening_id,
                           double score, ov_date on, int64_t *id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_open(tx, course_id, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_OPENING_EXISTS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, opening_id);
    ov_stmt_bind_i64(s, 2, h.municipality_code);
    ov_step r = ov_stmt_step(s, err);
    int64_t ok = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (!ok)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "opening_id",
                                          match_opening_not_found,
                                          (long long)opening_id), err));
    if (on < h.started_on)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "date",
                                          course_date_before_start),
                               err));
    char d[OV_DATE_BUF];
    ov_date_format_iso(on, d);
    if (ov_stmt_prepare(tx->conn, SQL_PROPOSE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, opening_id);
    ov_stmt_bind_double(s, 3, score);
    ov_stmt_bind_cstr(s, 4, tx->actor->user);
    ov_stmt_bind_cstr(s, 5, d);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    if (ov_audit_append(tx, OV_ACT_CREATE, h.citizen_id, "matchforslag",
                        err) != OV_OK)
        return err->code;
    if (h.stage < OV_STAGE_MATCH)
        return ov_course_set_stage(tx, course_id, OV_STAGE_MATCH, on, err);
    return OV_OK;
}

ov_status ov_match_answer(ov_tx *tx, int64_t proposal_id, bool agreed,
                          ov_entered_by by, ov_str comment, ov_date on,
                          ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    comment = ov_str_trim(comment);
    if (comment.len > OV_MATCH_COMMENT_MAX)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "comment",
                                          match_comment_length,
                                          OV_MATCH_COMMENT_MAX),
                               err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PROPOSAL, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, proposal_id);
    ov_step r = ov_stmt_step(s, err);
    int64_t course = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    bool answered = r == OV_STEP_ROW && !ov_stmt_col_is_null(s, 1);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "proposal_id",
                                          match_proposal_not_found,
                                          (long long)proposal_id), err));
    if (answered)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "proposal_id",
                                          match_proposal_answered), err));
    ov_course_head h;
    if (ov_course_head_open(tx, course, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    char d[OV_DATE_BUF];
    ov_date_format_iso(on, d);
    if (ov_stmt_prepare(tx->conn, SQL_ANSWER, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, proposal_id);
    ov_stmt_bind_i64(s, 2, agreed);
    ov_stmt_bind_cstr(s, 3, d);
    ov_stmt_bind_cstr(s, 4, ov_entered_by_code(by));
    ov_stmt_bind_cstr(s, 5, tx->actor->user);
    if (comment.len)
        ov_stmt_bind_text(s, 6, comment);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, h.citizen_id,
                           agreed ? "borgeren sagde ja til match"
                                  : "borgeren sagde nej til match",
                           err);
}

ov_status ov_employment_record(ov_tx *tx, int64_t course_id, ov_date from,
                               int hours_x10, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_open(tx, course_id, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (hours_x10 < 0 || hours_x10 > 600)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "ordinary_hours",
                                          placement_ordinary_hours_range),
                               err));
    if (from < h.started_on)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "from",
                                          match_from_before_course),
                               err));
    char d[OV_DATE_BUF];
    ov_date_format_iso(from, d);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_EMPLOYMENT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, d);
    ov_stmt_bind_i64(s, 3, hours_x10);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (ov_audit_append(tx, OV_ACT_UPDATE, h.citizen_id, "ordinære timer",
                        err) != OV_OK)
        return err->code;
    if (hours_x10 > 0 && h.stage < OV_STAGE_IN_JOB)
        return ov_course_set_stage(tx, course_id, OV_STAGE_IN_JOB, from, err);
    return OV_OK;
}

/* ---- reads for the pages and the API ---- */

static const char SQL_PROPOSALS[] =
    "SELECT p.id, p.opening_id, c.id, c.name, o.tasks, p.score, "
    "p.proposed_by, p.proposed_on, p.citizen_agreed, p.answered_on, "
    "coalesce(p.answered_by, ''), coalesce(p.citizen_comment, ''), "
    "o.occupation, o.hours_min, o.hours_max FROM match_proposal p JOIN opening o ON o.id = p.opening_id JOIN company c "
    "ON c.id = o.company_id WHERE p.course_id = ?1 ORDER BY p.id DESC";
static const char SQL_EMPLOYMENT_LIST[] =
    "SELECT from_on, ordinary_hours_x10 FROM employment WHERE course_id = ?1 "
    "ORDER BY from_on, id";

/* ---- proposals ---- */

static ov_status proposal_read(ov_stmt *s, ov_arena *a, void *row,
                               ov_err *err)
{
    ov_proposal_row *p = row;
    p->id = ov_stmt_col_i64(s, 0);
    p->opening_id = ov_stmt_col_i64(s, 1);
    p->company_id = ov_stmt_col_i64(s, 2);
    p->company_name = ov_stmt_col_text(s, 3, a);
    p->opening_tasks = ov_stmt_col_text(s, 4, a);
    p->score = ov_stmt_col_double(s, 5);
    p->proposed_by = ov_stmt_col_text(s, 6, a);
    if (ov_col_date(s, 7, a, "proposed_on", &p->proposed_on, err) != OV_OK)
        return err->code;
    p->answered = !ov_stmt_col_is_null(s, 8);
    p->agreed = p->answered && ov_stmt_col_i64(s, 8) != 0;
    if (!ov_stmt_col_is_null(s, 9) &&
        ov_col_date(s, 9, a, "answered_on", &p->answered_on, err) != OV_OK)
        return err->code;
    p->answered_by_citizen = ov_str_eq_c(ov_stmt_col_text(s, 10, a),
                                         "citizen");
    p->comment = ov_stmt_col_text(s, 11, a);
    p->occupation = ov_stmt_col_text(s, 12, a);
    p->hours_min = (int)ov_stmt_col_i64(s, 13);
    p->hours_max = (int)ov_stmt_col_i64(s, 14);
    return OV_OK;
}

static const ov_list_query PROPOSALS = {
    .sql = SQL_PROPOSALS, .row_size = sizeof(ov_proposal_row),
    .bind = ov_list_bind_id, .read = proposal_read};

ov_status ov_proposal_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                           ov_proposal_row **out, ov_list_info *li,
                           ov_err *err)
{
    memset(li, 0, sizeof *li);
    *out = NULL;
    ov_course_head h;
    void *rows;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK ||
        ov_list_read(tx, &PROPOSALS, &course_id, 200, a, &rows, li, err) !=
            OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "matchforslag",
                           err);
}

/* ---- employment ---- */

static ov_status employment_read(ov_stmt *s, ov_arena *a, void *row,
                                 ov_err *err)
{
    ov_employment_row *e = row;
    if (ov_col_date(s, 0, a, "from_on", &e->from, err) != OV_OK)
        return err->code;
    e->ordinary_hours_x10 = (int)ov_stmt_col_i64(s, 1);
    return OV_OK;
}

static const ov_list_query EMPLOYMENT = {
    .sql = SQL_EMPLOYMENT_LIST, .row_size = sizeof(ov_employment_row),
    .bind = ov_list_bind_id, .read = employment_read};

ov_status ov_employment_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                             ov_employment_row **out, ov_list_info *li,
                             ov_err *err)
{
    memset(li, 0, sizeof *li);
    *out = NULL;
    ov_course_head h;
    void *rows;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK ||
        ov_list_read(tx, &EMPLOYMENT, &course_id, 500, a, &rows, li, err) !=
            OV_OK)
        return err->code;
    *out = rows;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "beskæftigelse",
                           err);
}

ov_status ov_proposal_course(ov_tx *tx, int64_t proposal_id,
                             int64_t *course_id, ov_err *err)
{
    return ov_course_of(tx, OV_COURSE_OF_PROPOSAL, proposal_id, course_id,
                        "proposal_id", "proposal", err);
}
