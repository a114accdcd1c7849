#include "store/placement.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/course.h"
#include "store/meeting.h"
#include "store/store_int.h"

/* A company of the course's municipality: another municipality's company
 * is not found, like one that does not exist. */
static const char SQL_COMPANY[] =
    "SELECT count(*) FROM company WHERE id = ?1 AND municipality_code = ?2";
static const char SQL_INSERT[] =
    "INSERT INTO placement (course_id, type, company_id, start_on, end_on, "
    "weekly_hours_x10, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_PLACEMENT[] =
    "SELECT p.course_id, c.citizen_id, p.type, p.company_id, p.start_on, "
    "p.end_on, p.weekly_hours_x10, c.stage FROM placement p "
    "JOIN course c ON c.id = p.course_id WHERE p.id = ?1";
static const char SQL_CURRENT_VERSION[] =
    "SELECT coalesce(max(version), 0) FROM agreement_version "
    "WHERE placement_id = ?1";
static const char SQL_VERSION_INSERT[] =
    "INSERT INTO agreement_version (placement_id, version, "
    "internship_hours_x10, ordinary_hours_x10, tasks, accommodations, "
    "review_on, created_by, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_GOAL_INSERT[] =
    "INSERT INTO agreement_goal (placement_id, version, idx, text, reached) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_SIGNERS[] =
    "SELECT signer FROM agreement_signoff WHERE placement_id = ?1 AND "
    "version = ?2";
static const char SQL_HOURS_PUT[] =
    "INSERT INTO hours_week (placement_id, iso_year, iso_week, "
    "internship_x10, ordinary_x10) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (placement_id, iso_year, iso_week) DO UPDATE SET "
    "internship_x10 = excluded.internship_x10, "
    "ordinary_x10 = excluded.ordinary_x10";
static const char SQL_HOURS_LIST[] =
    "SELECT iso_year, iso_week, internship_x10, ordinary_x10 FROM hours_week "
    "WHERE placement_id = ?1 ORDER BY iso_year, iso_week";

typedef struct placement_row {
    int64_t course_id, citizen_id;
    ov_placement p;
    ov_stage stage;
} placement_row;

static ov_status load_placement(ov_tx *tx, int64_t id, placement_row *out,
                                ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PLACEMENT, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, id);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    ov_arena *a = ov_arena_new(512);
    if (r == OV_STEP_ROW) {
        out->course_id = ov_stmt_col_i64(s, 0);
        out->citizen_id = ov_stmt_col_i64(s, 1);
        st = ov_placement_type_parse(ov_stmt_col_text(s, 2, a), &out->p.type,
                                     err);
        out->p.company_id = ov_stmt_col_i64(s, 3);
        if (st == OV_OK)
            st = ov_date_parse_iso(ov_stmt_col_text(s, 4, a), "start_on",
                                   &out->p.start, err);
        out->p.has_end = !ov_stmt_col_is_null(s, 5);
        if (st == OV_OK && out->p.has_end)
            st = ov_date_parse_iso(ov_stmt_col_text(s, 5, a), "end_on",
                                   &out->p.end, err);
        out->p.weekly_hours_x10 = (int)ov_stmt_col_i64(s, 6);
        if (st == OV_OK)
            st = ov_stage_parse(ov_stmt_col_text(s, 7, a), &out->stage, err);
    } else if (r == OV_STEP_DONE) {
        st = ov_err_msg(err, OV_ENOTFOUND, "placement_id",
                        placement_not_found, (long long)id);
    } else {
        st = err->code;
    }
    ov_arena_destroy(a);
    ov_stmt_release(s);
    return st;
}

ov_status ov_placement_create(ov_tx *tx, int64_t course_id,
                              const ov_placement *p, int64_t *id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    ov_status st = ov_course_head_open(tx, course_id, &h, err);
    int64_t citizen = h.citizen_id;
    ov_stage stage = h.stage;
    ov_stmt *s;
    ov_step r;
    bool has_start = false;
    ov_date start_on = 0;
    if (st == OV_OK)
        st = ov_meeting_start_done(tx, course_id, &has_start, &start_on, err);
    if (st == OV_OK)
        st = ov_placement_validate(p, has_start, start_on, err);
    if (st == OV_OK && ov_stmt_prepare(tx->conn, SQL_COMPANY, &s, err) == OV_OK) {
        ov_stmt_bind_i64(s, 1, p->company_id);
        ov_stmt_bind_i64(s, 2, h.municipality_code);
        r = ov_stmt_step(s, err);
        int64_t n = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            st = err->code;
        else if (n == 0)
            st = ov_err_msg(err, OV_ENOTFOUND, "company_id",
                            org_company_not_found,
                            (long long)p->company_id);
    } else if (st == OV_OK) {
        st = err->code;
    }
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    char ds[OV_DATE_BUF], de[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(p->start, ds);
    ov_date_format_iso(p->end, de);
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_placement_type_code(p->type));
    ov_stmt_bind_i64(s, 3, p->company_id);
    ov_stmt_bind_cstr(s, 4, ds);
    ov_stmt_bind_cstr(s, 5, p->has_end ? de : NULL);
    ov_stmt_bind_i64(s, 6, p->weekly_hours_x10);
    ov_stmt_bind_cstr(s, 7, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    if (ov_audit_append(tx, OV_ACT_CREATE, citizen, "virksomhedsforløb",
                        err) != OV_OK)
        return err->code;
    if (stage < OV_STAGE_PLACEMENT)
        return ov_course_set_stage(tx, course_id, OV_STAGE_PLACEMENT, p->start,
                                   err);
    return OV_OK;
}

static ov_status current_version(ov_tx *tx, int64_t placement_id, int *v,
                                 ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CURRENT_VERSION, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *v = (int)ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return r == OV_STEP_ROW ? OV_OK : err->code;
}

/* What a change to a placement's work agreement needs first: an active
 * transaction, the placement, its current version, and an open course. */
static ov_status agreement_head(ov_tx *tx, int64_t placement_id,
                                placement_row *pr, int *cur, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    *cur = 0;
    if (load_placement(tx, placement_id, pr, err) != OV_OK ||
        current_version(tx, placement_id, cur, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (pr->stage == OV_STAGE_ENDED)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "placement_id",
                                          placement_course_ended), err));
    return OV_OK;
}

ov_status ov_agreement_save(ov_tx *tx, int64_t placement_id, int base_version,
                            const ov_agreement *a, int *new_version,
                            ov_err *err)
{
    placement_row pr;
    int cur;
    if (agreement_head(tx, placement_id, &pr, &cur, err) != OV_OK)
        return err->code;
    if (base_version > cur)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "base_version",
                                          agreement_base_missing,
                                          base_version), err));
    if (base_version != cur)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "base_version",
                                          agreement_changed_meanwhile,
                                          cur, base_version), err));
    if (ov_agreement_validate(a, &pr.p, err) != OV_OK)
        return ov_tx_fail(tx, err);
    char review[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(a->review_date, review);
    ov_time_format_utc(ov_tx_now(tx), now);
    int v = cur + 1;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_VERSION_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, v);
    ov_stmt_bind_i64(s, 3, a->internship_hours_x10);
    ov_stmt_bind_i64(s, 4, a->ordinary_hours_x10);
    ov_stmt_bind_text(s, 5, ov_str_trim(a->tasks));
    ov_stmt_bind_text(s, 6, a->accommodations.ptr ? ov_str_trim(a->accommodations)
                                                  : OV_STR_LIT(""));
    ov_stmt_bind_cstr(s, 7, review);
    ov_stmt_bind_cstr(s, 8, tx->actor->user);
    ov_stmt_bind_cstr(s, 9, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    for (int i = 0; i < a->ngoals; i++) {
        if (ov_stmt_prepare(tx->conn, SQL_GOAL_INSERT, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, placement_id);
        ov_stmt_bind_i64(s, 2, v);
        ov_stmt_bind_i64(s, 3, i);
        ov_stmt_bind_text(s, 4, ov_str_trim(a->goals[i].text));
        ov_stmt_bind_i64(s, 5, a->goals[i].reached);
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
    }
    *new_version = v;
    return ov_audit_append(tx, OV_ACT_UPDATE, pr.citizen_id, "arbejdsaftale",
                           err);
}

/* ---- signatures (issue 14) ---- */

static const char SQL_CONSULTANT[] =
    "SELECT s.user_id FROM course_staff s JOIN placement p ON p.course_id = "
    "s.course_id WHERE p.id = ?1 AND s.role = 'company_consultant'";
static const char SQL_SIGNED[] =
    "SELECT coalesce(signer_name, signed_by), signed_at FROM "
    "agreement_signoff WHERE placement_id = ?1 AND version = ?2 AND "
    "signer = ?3";
static const char SQL_AGREEMENT_V[] =
    "SELECT internship_hours_x10, ordinary_hours_x10, tasks, "
    "accommodations, review_on FROM agreement_version WHERE placement_id = "
    "?1 AND version = ?2";
static const char SQL_GOALS_V[] =
    "SELECT text, reached FROM agreement_goal WHERE placement_id = ?1 AND "
    "version = ?2 ORDER BY idx";
static const char SQL_USER_NAME[] =
    "SELECT id, full_name FROM app_user WHERE username = ?1";
static const char SQL_USER_BY_ID[] =
    "SELECT full_name, username FROM app_user WHERE id = ?1";
static const char SQL_PARTY_NAME[] =
    "SELECT ci.full_name, cm.name FROM placement p JOIN course co ON co.id "
    "= p.course_id JOIN citizen ci ON ci.id = co.citizen_id JOIN company "
    "cm ON cm.id = p.company_id WHERE p.id = ?1";
static const char SQL_SIGN_ROW[] =
    "INSERT INTO agreement_signoff (placement_id, version, signer, "
    "signed_by, signed_at, way, signer_user_id, signer_name, content_hash, "
    "recorded_by_name, paper_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
    "?9, ?10, ?11)";

static ov_status consultant_of(ov_tx *tx, int64_t placement_id, int64_t *id,
                               ov_err *err)
{
    *id = 0;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CONSULTANT, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *id = ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

/* The content of one version, for its hash. */
static ov_status agreement_content(ov_tx *tx, int64_t placement_id,
                                   int version, ov_arena *a, ov_agreement *ag,
                                   ov_err *err)
{
    memset(ag, 0, sizeof *ag);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_AGREEMENT_V, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        ag->internship_hours_x10 = (int)ov_stmt_col_i64(s, 0);
        ag->ordinary_hours_x10 = (int)ov_stmt_col_i64(s, 1);
        ag->tasks = ov_stmt_col_text(s, 2, a);
        ag->accommodations = ov_stmt_col_text(s, 3, a);
        st = ov_col_date(s, 4, a, "review_on", &ag->review_date, err);
    } else {
        st = r == OV_STEP_ERROR ? err->code
                                : ov_err_msg(err, OV_ENOTFOUND, "version",
                                             agreement_version_missing,
                                             version);
    }
    ov_stmt_release(s);
    if (st != OV_OK)
        return st;
    if (ov_stmt_prepare(tx->conn, SQL_GOALS_V, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, version);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW &&
           ag->ngoals < OV_AGREEMENT_GOALS_MAX) {
        ag->goals[ag->ngoals].text = ov_stmt_col_text(s, 0, a);
        ag->goals[ag->ngoals].reached = ov_stmt_col_i64(s, 1) != 0;
        ag->ngoals++;
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

/* Two text columns of one row of a query bound to one id or one name. */
enum { Q_USER_NAME, Q_USER_BY_ID, Q_PARTY_NAME };
static const char *const SQL_TWO_TEXTS[] = {SQL_USER_NAME, SQL_USER_BY_ID,
                                            SQL_PARTY_NAME};
static ov_status two_texts(ov_tx *tx, int q, int64_t id, const char *name,
                           ov_arena *a, int64_t *i0, ov_str *t0, ov_str *t1,
                           ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_TWO_TEXTS[q], &s, err) != OV_OK)
        return err->code;
    if (name)
        ov_stmt_bind_cstr(s, 1, name);
    else
        ov_stmt_bind_i64(s, 1, id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        if (i0)
            *i0 = ov_stmt_col_i64(s, 0);
        *t0 = ov_stmt_col_text(s, i0 ? 1 : 0, a);
        if (t1)
            *t1 = ov_stmt_col_text(s, 1, a);
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

static ov_status signed_mask_of(ov_tx *tx, int64_t placement_id, int version,
                                unsigned *mask, ov_err *err)
{
    *mask = 0;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SIGNERS, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_arena *a = ov_arena_new(256);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        ov_signer sg;
        if (ov_signer_parse(ov_stmt_col_text(s, 0, a), &sg, err) == OV_OK)
            *mask |= (unsigned)sg;
    }
    ov_stmt_release(s);
    ov_arena_destroy(a);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

/* Write one signature: checks of the version, of a second signature by
 * the same party, the hash of the version's content, the names. `v` NULL
 * is the trusted path (ov_agreement_sign); otherwise the model decides
 * who signs as which party before anything is written. */
static ov_status sign(ov_tx *tx, const ov_viewer *v, int64_t placement_id,
                      const ov_sign_request *rq, ov_signer trusted,
                      int64_t by_user, unsigned *signed_mask, ov_err *err)
{
    placement_row pr;
    int cur;
    *signed_mask = 0;
    if (agreement_head(tx, placement_id, &pr, &cur, err) != OV_OK)
        return err->code;
    int64_t consultant = 0;
    if (consultant_of(tx, placement_id, &consultant, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_signer party = trusted;
    if (v) {
        ov_sign_scope sc = {pr.citizen_id, pr.p.company_id, consultant};
        int own = ov_sign_party(v, &sc);
        if (!rq->on_paper) {
            if (!own)
                return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, "version",
                                                  sign_not_a_party), err));
            if (rq->party && rq->party != own)
                return ov_tx_fail(
                    tx, (ov_err_msg(err, OV_EPERM, "party",
                                    sign_not_your_party,
                                    ov_signer_code((ov_signer)rq->party)),
                         err));
            party = (ov_signer)own;
        } else {
            if (own != OV_SIGN_CONSULTANT)
                return ov_tx_fail(tx, (ov_err_msg(err, OV_EPERM, "on_paper",
                                                  sign_paper_consultant_only),
                                       err));
            if (!ov_may_record_paper(v, &sc, rq->party))
                return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "party",
                                                  sign_paper_party),
                                       err));
            if (rq->paper_date <= 0 ||
                rq->paper_date > ov_time_to_cph(ov_tx_now(tx)).date)
                return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL,
                                                  "paper_date",
                                                  sign_paper_date),
                                       err));
            party = (ov_signer)rq->party;
        }
    }
    int version = rq->version;
    if (cur == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "version",
                                          agreement_none), err));
    if (version > cur || version < 1)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "version",
                                          agreement_version_missing,
                                          version), err));
    if (version != cur)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "version",
                                          agreement_superseded,
                                          version, cur), err));
    ov_arena *a = ov_arena_new(4096);
    ov_status st = OV_OK;
    /* a second signature of the same party: say whose and when */
    ov_str who = OV_STR_NULL, when = OV_STR_NULL;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SIGNED, &s, err) != OV_OK) {
        st = err->code;
    } else {
        ov_stmt_bind_i64(s, 1, placement_id);
        ov_stmt_bind_i64(s, 2, version);
        ov_stmt_bind_cstr(s, 3, ov_signer_code(party));
        ov_step r = ov_stmt_step(s, err);
        if (r == OV_STEP_ROW) {
            who = ov_stmt_col_text(s, 0, a);
            when = ov_stmt_col_text(s, 1, a);
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            st = err->code;
    }
    if (st == OV_OK && who.ptr) {
        char d[OV_TIME_BUF] = "";
        ov_time t;
        ov_err e2;
        if (ov_time_parse_utc(when, "signed_at", &t, &e2) == OV_OK)
            ov_time_format_dk(t, d);
        const char *whowhen =
            ov_arena_printf(a, "%.*s, %s", (int)who.len, who.ptr, d);
        st = ov_err_msg(err, OV_ECONFLICT, "version", sign_already,
                        ov_signer_code(party), version, whowhen);
    }
    /* the content signed, and its hash */
    ov_agreement ag;
    uint8_t hash[OV_AGREEMENT_HASH_BYTES];
    if (st == OV_OK &&
        (st = agreement_content(tx, placement_id, version, a, &ag, err)) ==
            OV_OK)
        ov_agreement_hash(placement_id, version, &pr.p, &ag, hash);
    /* names as they are now: the user's, or for paper the party's */
    int64_t uid = 0;
    ov_str uname = OV_STR_NULL, cname = OV_STR_NULL, coname = OV_STR_NULL;
    ov_str login = ov_str_c(tx->actor->user);
    if (st == OV_OK && by_user) {
        uid = by_user;
        login = OV_STR_NULL;
        st = two_texts(tx, Q_USER_BY_ID, by_user, NULL, a, NULL, &uname,
                       &login, err);
        if (st == OV_OK && !login.ptr)
            st = ov_err_set(err, OV_EINTERNAL, "user_id",
                            "the signing user does not exist (a bug)");
    } else if (st == OV_OK) {
        st = two_texts(tx, Q_USER_NAME, 0, tx->actor->user, a, &uid, &uname,
                       NULL, err);
    }
    bool paper = rq->on_paper && (v || by_user);
    if (st == OV_OK && paper)
        st = two_texts(tx, Q_PARTY_NAME, placement_id, NULL, a, NULL,
                       &cname, &coname, err);
    if (st != OV_OK) {
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    if (!uname.ptr)
        uname = login;
    char now[OV_TIME_BUF], pd[OV_DATE_BUF];
    ov_time_format_utc(ov_tx_now(tx), now);
    if (paper)
        ov_date_format_iso(rq->paper_date, pd);
    if (ov_stmt_prepare(tx->conn, SQL_SIGN_ROW, &s, err) != OV_OK) {
        ov_arena_destroy(a);
        return ov_tx_fail(tx, err);
    }
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, version);
    ov_stmt_bind_cstr(s, 3, ov_signer_code(party));
    ov_stmt_bind_text(s, 4, login);
    ov_stmt_bind_cstr(s, 5, now);
    ov_stmt_bind_cstr(s, 6, ov_sign_way_code(paper ? OV_SIGN_ON_PAPER
                                                   : OV_SIGN_IN_SYSTEM));
    if (paper || uid == 0)
        ov_stmt_bind_null(s, 7);
    else
        ov_stmt_bind_i64(s, 7, uid);
    ov_stmt_bind_text(s, 8, !paper ? uname
                            : party == OV_SIGN_CITIZEN ? cname
                                                       : coname);
    ov_stmt_bind_blob(s, 9, hash, sizeof hash);
    if (paper) {
        ov_stmt_bind_text(s, 10, uname);
        ov_stmt_bind_cstr(s, 11, pd);
    } else {
        ov_stmt_bind_null(s, 10);
        ov_stmt_bind_null(s, 11);
    }
    st = ov_stmt_run(s, err);
    ov_arena_destroy(a);
    if (st != OV_OK ||
        signed_mask_of(tx, placement_id, version, signed_mask, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, pr.citizen_id,
                           paper ? "arbejdsaftale: papirunderskrift "
                                   "registreret"
                                 : "arbejdsaftale underskrevet",
                           err);
}

ov_status ov_agreement_sign(ov_tx *tx, int64_t placement_id, int version,
                            ov_signer signer, unsigned *signed_mask,
                            ov_err *err)
{
    ov_sign_request rq = {.version = version};
    return sign(tx, NULL, placement_id, &rq, signer, 0, signed_mask, err);
}

ov_status ov_agreement_sign_by(ov_tx *tx, int64_t placement_id,
                               const ov_sign_request *r, int64_t user_id,
                               unsigned *signed_mask, ov_err *err)
{
    if (!r->party || user_id <= 0)
        return ov_err_set(err, OV_EINTERNAL, "party",
                          "a party and a user are needed (a bug)");
    return sign(tx, NULL, placement_id, r, (ov_signer)r->party, user_id,
                signed_mask, err);
}

ov_status ov_agreement_sign_as(ov_tx *tx, const ov_viewer *v,
                               int64_t placement_id,
                               const ov_sign_request *r,
                               unsigned *signed_mask, ov_err *err)
{
    return sign(tx, v, placement_id, r, (ov_signer)0, 0, signed_mask, err);
}

ov_status ov_hours_put(ov_tx *tx, int64_t placement_id, const ov_hours_week *w,
                       ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    placement_row pr;
    if (load_placement(tx, placement_id, &pr, err) != OV_OK ||
        ov_hours_week_validate(w, &pr.p, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_HOURS_PUT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, w->iso_year);
    ov_stmt_bind_i64(s, 3, w->iso_week);
    ov_stmt_bind_i64(s, 4, w->internship_x10);
    ov_stmt_bind_i64(s, 5, w->ordinary_x10);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, pr.citizen_id, "timelog", err);
}

static const char SQL_HOURS_WEEK[] =
    "SELECT internship_x10, ordinary_x10 FROM hours_week WHERE "
    "placement_id = ?1 AND iso_year = ?2 AND iso_week = ?3";
static const char SQL_HOURS_EMPLOYER[] =
    "UPDATE hours_week SET employer_internship_x10 = ?4, "
    "employer_ordinary_x10 = ?5, employer_by = ?6, employer_at = ?7 WHERE "
    "placement_id = ?1 AND iso_year = ?2 AND iso_week = ?3";
static const char SQL_HOURS_ENTER[] =
    "INSERT INTO hours_week (placement_id, iso_year, iso_week, "
    "internship_x10, ordinary_x10, employer_internship_x10, "
    "employer_ordinary_x10, employer_by, employer_at, entered_by) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?4, ?5, ?6, ?7, 'employer')";
static const char SQL_EMPLOYER_HOURS_SETTING[] =
    "SELECT s.employer_hours FROM municipality_settings s JOIN company c ON "
    "c.municipality_code = s.municipality_code JOIN placement p ON "
    "p.company_id = c.id WHERE p.id = ?1";

ov_status ov_hours_employer(ov_tx *tx, int64_t placement_id,
                            const ov_hours_week *w, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    placement_row pr;
    if (load_placement(tx, placement_id, &pr, err) != OV_OK ||
        ov_hours_week_validate(w, &pr.p, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (pr.stage == OV_STAGE_ENDED)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "placement_id",
                                          placement_course_ended), err));
    /* the municipality's choice (no row: the default, confirm) */
    ov_employer_hours mode = OV_EMPLOYER_HOURS_CONFIRM;
    ov_arena *a = ov_arena_new(256);
    ov_stmt *s;
    ov_step r = OV_STEP_ERROR;
    if (ov_stmt_prepare(tx->conn, SQL_EMPLOYER_HOURS_SETTING, &s, err) ==
        OV_OK) {
        ov_stmt_bind_i64(s, 1, placement_id);
        r = ov_stmt_step(s, err);
        if (r == OV_STEP_ROW &&
            ov_employer_hours_parse(ov_stmt_col_text(s, 0, a), &mode, err) !=
                OV_OK)
            r = OV_STEP_ERROR;
        ov_stmt_release(s);
    }
    ov_arena_destroy(a);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    bool recorded = false;
    if (ov_stmt_prepare(tx->conn, SQL_HOURS_WEEK, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, w->iso_year);
    ov_stmt_bind_i64(s, 3, w->iso_week);
    r = ov_stmt_step(s, err);
    recorded = r == OV_STEP_ROW;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (!recorded && mode == OV_EMPLOYER_HOURS_CONFIRM) {
        char wk[24];
        snprintf(wk, sizeof wk, "%d-W%02d", w->iso_year, w->iso_week);
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "iso_week",
                                          hours_not_recorded, wk), err));
    }
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_tx_now(tx), now);
    ov_status pst = recorded
                        ? ov_stmt_prepare(tx->conn, SQL_HOURS_EMPLOYER, &s, err)
                        : ov_stmt_prepare(tx->conn, SQL_HOURS_ENTER, &s, err);
    if (pst != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_stmt_bind_i64(s, 2, w->iso_year);
    ov_stmt_bind_i64(s, 3, w->iso_week);
    ov_stmt_bind_i64(s, 4, w->internship_x10);
    ov_stmt_bind_i64(s, 5, w->ordinary_x10);
    ov_stmt_bind_cstr(s, 6, tx->actor->user);
    ov_stmt_bind_cstr(s, 7, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_UPDATE, pr.citizen_id,
                           recorded ? "timelog bekræftet af arbejdsgiver"
                                    : "timelog indtastet af arbejdsgiver",
                           err);
}

ov_status ov_hours_list(ov_tx *tx, int64_t placement_id, ov_hours_week *out,
                        int cap, int *n, ov_err *err)
{
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    placement_row pr;
    if (load_placement(tx, placement_id, &pr, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_HOURS_LIST, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < cap) {
        ov_hours_week *w = &out[(*n)++];
        w->iso_year = (int)ov_stmt_col_i64(s, 0);
        w->iso_week = (int)ov_stmt_col_i64(s, 1);
        w->internship_x10 = (int)ov_stmt_col_i64(s, 2);
        w->ordinary_x10 = (int)ov_stmt_col_i64(s, 3);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, pr.citizen_id, "timelog", err);
}

/* ---- reads for the pages and the API ---- */

static const char SQL_PLACEMENTS[] =
    "SELECT p.id, p.course_id, co.citizen_id, ci.full_name, p.type, "
    "p.company_id, p.start_on, p.end_on, p.weekly_hours_x10, cm.name FROM "
    "placement p JOIN course co ON co.id = p.course_id JOIN citizen ci ON "
    "ci.id = co.citizen_id JOIN company cm ON cm.id = p.company_id WHERE "
    "p.course_id = ?1 ORDER BY p.start_on, p.id";
static const char SQL_PLACEMENT_ONE[] =
    "SELECT p.id, p.course_id, co.citizen_id, ci.full_name, p.type, "
    "p.company_id, p.start_on, p.end_on, p.weekly_hours_x10, cm.name FROM "
    "placement p JOIN course co ON co.id = p.course_id JOIN citizen ci ON "
    "ci.id = co.citizen_id JOIN company cm ON cm.id = p.company_id WHERE "
    "p.id = ?1";
static const char SQL_PLACEMENTS_COMPANY[] =
    "SELECT p.id, p.course_id, co.citizen_id, ci.full_name, p.type, "
    "p.company_id, p.start_on, p.end_on, p.weekly_hours_x10, cm.name FROM "
    "placement p JOIN course co ON co.id = p.course_id JOIN citizen ci ON "
    "ci.id = co.citizen_id JOIN company cm ON cm.id = p.company_id WHERE "
    "p.company_id = ?1 ORDER BY p.id DESC";
static const char SQL_AGREEMENT[] =
    "SELECT version, internship_hours_x10, ordinary_hours_x10, tasks, "
    "accommodations, review_on FROM agreement_version WHERE placement_id = "
    "?1 ORDER BY version DESC LIMIT 1";
static const char SQL_GOALS[] =
    "SELECT text, reached FROM agreement_goal WHERE placement_id = ?1 AND "
    "version = ?2 ORDER BY idx";
static const char SQL_SIGNOFFS[] =
    "SELECT signer FROM agreement_signoff WHERE placement_id = ?1 AND "
    "version = ?2";
static const char SQL_WEEKS[] =
    "SELECT iso_year, iso_week, internship_x10, ordinary_x10, "
    "employer_internship_x10, employer_ordinary_x10, employer_by, "
    "employer_at, entered_by FROM hours_week "
    "WHERE placement_id = ?1 ORDER BY iso_year, iso_week LIMIT 260";
static const char SQL_CONSULTANT_CONTACT[] =
    "SELECT u.id, u.full_name, coalesce(u.phone, ''), coalesce(u.email, '') "
    "FROM course_staff s JOIN app_user u ON u.id = s.user_id WHERE "
    "s.course_id = ?1 AND s.role = 'company_consultant'";
static const char SQL_PLACEMENTS_CITIZEN[] =
    "SELECT p.id, p.course_id, co.citizen_id, ci.full_name, p.type, "
    "p.company_id, p.start_on, p.end_on, p.weekly_hours_x10, cm.name FROM "
    "placement p JOIN course co ON co.id = p.course_id JOIN citizen ci ON "
    "ci.id = co.citizen_id JOIN company cm ON cm.id = p.company_id WHERE "
    "co.citizen_id = ?1 ORDER BY p.id DESC";

/* ---- placements ---- */

static ov_status placement_row_read(ov_stmt *s, ov_arena *a, void *row,
                                    ov_err *err)
{
    ov_placement_row *p = row;
    p->id = ov_stmt_col_i64(s, 0);
    p->course_id = ov_stmt_col_i64(s, 1);
    p->citizen_id = ov_stmt_col_i64(s, 2);
    p->citizen_name = ov_stmt_col_text(s, 3, a);
    if (ov_placement_type_parse(ov_stmt_col_text(s, 4, a), &p->p.type, err) !=
        OV_OK)
        return err->code;
    p->p.company_id = ov_stmt_col_i64(s, 5);
    if (ov_col_date(s, 6, a, "start_on", &p->p.start, err) != OV_OK)
        return err->code;
    p->p.has_end = !ov_stmt_col_is_null(s, 7);
    if (p->p.has_end && ov_col_date(s, 7, a, "end_on", &p->p.end, err) != OV_OK)
        return err->code;
    p->p.weekly_hours_x10 = (int)ov_stmt_col_i64(s, 8);
    p->company_name = ov_stmt_col_text(s, 9, a);
    return OV_OK;
}

/* The current agreement version with goals and sign-offs; with `weeks`,
 * the hours log too. */
static ov_status placement_details(ov_tx *tx, ov_placement_row *p,
                                   ov_arena *a, bool weeks, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_AGREEMENT, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, p->id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        ov_agreement *ag = &p->agreement;
        p->agreement_version = (int)ov_stmt_col_i64(s, 0);
        ag->internship_hours_x10 = (int)ov_stmt_col_i64(s, 1);
        ag->ordinary_hours_x10 = (int)ov_stmt_col_i64(s, 2);
        ag->tasks = ov_stmt_col_text(s, 3, a);
        ag->accommodations = ov_stmt_col_text(s, 4, a);
        if (ov_col_date(s, 5, a, "review_on", &ag->review_date, err) != OV_OK)
            r = OV_STEP_ERROR;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err->code ? err->code : OV_EIO;
    if (p->agreement_version > 0) {
        if (ov_stmt_prepare(tx->conn, SQL_GOALS, &s, err) != OV_OK)
            return err->code;
        ov_stmt_bind_i64(s, 1, p->id);
        ov_stmt_bind_i64(s, 2, p->agreement_version);
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW &&
               p->agreement.ngoals < OV_AGREEMENT_GOALS_MAX) {
            ov_agreement_goal *g = &p->agreement.goals[p->agreement.ngoals++];
            g->text = ov_stmt_col_text(s, 0, a);
            g->reached = ov_stmt_col_i64(s, 1) != 0;
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            return err->code;
        if (p->agreement_version > 1 &&
            signed_mask_of(tx, p->id, p->agreement_version - 1,
                           &p->prev_signed_mask, err) != OV_OK)
            return err->code;
        if (ov_stmt_prepare(tx->conn, SQL_SIGNOFFS, &s, err) != OV_OK)
            return err->code;
        ov_stmt_bind_i64(s, 1, p->id);
        ov_stmt_bind_i64(s, 2, p->agreement_version);
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
            ov_signer sg;
            if (ov_signer_parse(ov_stmt_col_text(s, 0, a), &sg, err) ==
                OV_OK)
                p->signed_mask |= (unsigned)sg;
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            return err->code;
    }
    /* the consultant named on the course: the contact line, and who
     * signs as the consultant */
    if (ov_stmt_prepare(tx->conn, SQL_CONSULTANT_CONTACT, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, p->course_id);
    r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW) {
        p->consultant_id = ov_stmt_col_i64(s, 0);
        p->consultant_name = ov_stmt_col_text(s, 1, a);
        p->consultant_phone = ov_stmt_col_text(s, 2, a);
        p->consultant_email = ov_stmt_col_text(s, 3, a);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err->code;
    if (!weeks)
        return OV_OK;
    enum { WCAP = 260 };
    size_t wcap = 0;
    OV_GROW(a, p->weeks, wcap, 0);
    if (ov_stmt_prepare(tx->conn, SQL_WEEKS, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, p->id);
    size_t ecap = 0;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && p->nweeks < WCAP) {
        OV_GROW(a, p->weeks, wcap, (size_t)p->nweeks + 1);
        OV_GROW(a, p->employer_weeks, ecap, (size_t)p->nweeks + 1);
        struct ov_hours_employer_row *e = &p->employer_weeks[p->nweeks];
        ov_hours_week *w = &p->weeks[p->nweeks++];
        w->iso_year = (int)ov_stmt_col_i64(s, 0);
        w->iso_week = (int)ov_stmt_col_i64(s, 1);
        w->internship_x10 = (int)ov_stmt_col_i64(s, 2);
        w->ordinary_x10 = (int)ov_stmt_col_i64(s, 3);
        memset(e, 0, sizeof *e);
        e->has = !ov_stmt_col_is_null(s, 4);
        if (e->has) {
            e->internship_x10 = (int)ov_stmt_col_i64(s, 4);
            e->ordinary_x10 = (int)ov_stmt_col_i64(s, 5);
            e->by = ov_stmt_col_text(s, 6, a);
            e->at = ov_stmt_col_text(s, 7, a);
        }
        e->entered = ov_str_eq_c(ov_stmt_col_text(s, 8, a), "employer");
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

ov_hours_week *ov_placement_hours_counted(const ov_placement_row *r,
                                          ov_hours_source src, ov_arena *a)
{
    ov_hours_week *out = OV_NEW_N(a, ov_hours_week, (size_t)r->nweeks + 1);
    for (int i = 0; i < r->nweeks; i++) {
        const struct ov_hours_employer_row *e =
            r->employer_weeks ? &r->employer_weeks[i] : NULL;
        ov_hours_week ew = r->weeks[i];
        if (e && e->has) {
            ew.internship_x10 = e->internship_x10;
            ew.ordinary_x10 = e->ordinary_x10;
        }
        out[i] = ov_hours_counted(&r->weeks[i], e && e->has ? &ew : NULL, src);
    }
    return out;
}

/* The placements of a course (first by start), one placement, or the
 * placements at a company (newest first): the same columns. */
enum { BY_COURSE, BY_ID, BY_COMPANY, BY_CITIZEN };
static const ov_list_query PLACEMENTS_BY[] = {
    {.sql = SQL_PLACEMENTS, .row_size = sizeof(ov_placement_row),
     .bind = ov_list_bind_id, .read = placement_row_read},
    {.sql = SQL_PLACEMENT_ONE, .row_size = sizeof(ov_placement_row),
     .bind = ov_list_bind_id, .read = placement_row_read},
    {.sql = SQL_PLACEMENTS_COMPANY, .row_size = sizeof(ov_placement_row),
     .bind = ov_list_bind_id, .read = placement_row_read},
    {.sql = SQL_PLACEMENTS_CITIZEN, .row_size = sizeof(ov_placement_row),
     .bind = ov_list_bind_id, .read = placement_row_read},
};

static ov_status placements_by(ov_tx *tx, int by, int64_t key,
                               int cap, bool weeks, ov_arena *a,
                               ov_placement_row **out, ov_list_info *li,
                               ov_err *err)
{
    void *list;
    if (ov_list_read(tx, &PLACEMENTS_BY[by], &key, cap, a, &list, li, err) !=
        OV_OK)
        return err->code;
    ov_placement_row *rows = list;
    for (int i = 0; i < li->n; i++)
        if (placement_details(tx, &rows[i], a, weeks, err) != OV_OK)
            return ov_tx_fail(tx, err);
    *out = rows;
    return OV_OK;
}

ov_status ov_placement_list(ov_tx *tx, int64_t course_id, ov_arena *a,
                            ov_placement_row **out, ov_list_info *li,
                            ov_err *err)
{
    memset(li, 0, sizeof *li);
    *out = NULL;
    ov_course_head h;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK ||
        placements_by(tx, BY_COURSE, course_id, 50, true, a, out, li,
                      err) != OV_OK)
        return err->code;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "virksomhedsforløb",
                           err);
}

ov_status ov_placement_get(ov_tx *tx, int64_t placement_id, ov_arena *a,
                           ov_placement_row *out, ov_err *err)
{
    ov_err_clear(err);
    memset(out, 0, sizeof *out);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_placement_row *rows = NULL;
    ov_list_info li = {0, 0, false};
    if (placements_by(tx, BY_ID, placement_id, 1, true, a, &rows,
                      &li, err) != OV_OK)
        return err->code;
    if (li.n == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "placement_id",
                                          placement_not_found,
                                          (long long)placement_id), err));
    *out = rows[0];
    return ov_audit_append(tx, OV_ACT_READ, out->citizen_id,
                           "virksomhedsforløb", err);
}

ov_status ov_placement_list_company(ov_tx *tx, int64_t company_id,
                                    ov_arena *a, ov_placement_row **out,
                                    ov_list_info *li, ov_err *err)
{
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    *out = NULL;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (placements_by(tx, BY_COMPANY, company_id, 200, false, a,
                      out, li, err) != OV_OK)
        return err->code;
    for (int i = 0; i < li->n; i++)
        if (ov_audit_append(tx, OV_ACT_READ, (*out)[i].citizen_id,
                            "arbejdsaftale", err) != OV_OK)
            return err->code;
    return OV_OK;
}

ov_status ov_placement_list_citizen(ov_tx *tx, int64_t citizen_id,
                                    ov_arena *a, ov_placement_row **out,
                                    ov_list_info *li, ov_err *err)
{
    ov_err_clear(err);
    memset(li, 0, sizeof *li);
    *out = NULL;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    if (placements_by(tx, BY_CITIZEN, citizen_id, 20, false, a, out, li,
                      err) != OV_OK)
        return err->code;
    return ov_audit_append(tx, OV_ACT_READ, citizen_id, "egen arbejdsaftale",
                           err);
}

ov_sign_scope ov_placement_sign_scope(const ov_placement_row *p)
{
    return (ov_sign_scope){p->citizen_id, p->p.company_id, p->consultant_id};
}

static const char SQL_PLACEMENT_SCOPE[] =
    "SELECT course_id, company_id FROM placement WHERE id = ?1";

ov_status ov_placement_check_visible(ov_tx *tx, const ov_viewer *v,
                                     int64_t placement_id,
                                     int64_t *course_id, ov_err *err)
{
    *course_id = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PLACEMENT_SCOPE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, placement_id);
    ov_step r = ov_stmt_step(s, err);
    int64_t company = 0;
    if (r == OV_STEP_ROW) {
        *course_id = ov_stmt_col_i64(s, 0);
        company = ov_stmt_col_i64(s, 1);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (r == OV_STEP_DONE)
        return ov_err_msg(err, OV_ENOTFOUND, "placement_id",
                          placement_not_found, (long long)placement_id);
    if (ov_sees_whole_placement(v))
        return ov_course_check_visible(tx, v, *course_id, err);
    ov_placement_scope ps = {.company_id = company};
    if (!ov_may_see_placement(v, &ps))
        return ov_err_msg(err, OV_ENOTFOUND, "placement_id",
                          placement_not_found, (long long)placement_id);
    return OV_OK;
}

ov_status ov_placement_course(ov_tx *tx, int64_t placement_id,
                              int64_t *course_id, ov_err *err)
{
    return ov_course_of(tx, OV_COURSE_OF_PLACEMENT, placement_id, course_id,
                        "placement_id", "placement", err);
}

/* ---- who signed a work agreement version (the agreement PDF) ---- */

static const char SQL_SIGNOFF_ROWS[] =
    "SELECT s.signer, coalesce(s.signer_name, u.full_name, s.signed_by), "
    "s.signed_at, s.way, coalesce(s.recorded_by_name, ''), s.paper_date, "
    "s.content_hash FROM agreement_signoff s LEFT JOIN app_user u ON "
    "u.username = s.signed_by WHERE s.placement_id = ?1 AND s.version = ?2 "
    "ORDER BY s.signed_at, s.signer";

ov_status ov_agreement_signoffs(ov_tx *tx, const ov_placement_row *p,
                                ov_arena *a, ov_signoff_row out[3], int *n,
                                ov_err *err)
{
    ov_err_clear(err);
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SIGNOFF_ROWS, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, p->id);
    ov_stmt_bind_i64(s, 2, p->agreement_version);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < 3) {
        ov_signoff_row *o = &out[*n];
        memset(o, 0, sizeof *o);
        if (ov_signer_parse(ov_stmt_col_text(s, 0, a), &o->signer, err) !=
                OV_OK ||
            ov_time_parse_utc(ov_stmt_col_text(s, 2, a), "signed_at", &o->at,
                              err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        o->name = ov_stmt_col_text(s, 1, a);
        o->way = ov_stmt_col_text(s, 3, a);
        o->recorded_by = ov_stmt_col_text(s, 4, a);
        o->has_paper_date = !ov_stmt_col_is_null(s, 5);
        if (o->has_paper_date &&
            ov_col_date(s, 5, a, "paper_date", &o->paper_date, err) !=
                OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        size_t hn = 0;
        const void *h = ov_stmt_col_blob(s, 6, &hn);
        o->has_hash = h && hn == OV_AGREEMENT_HASH_BYTES;
        if (o->has_hash)
            memcpy(o->hash, h, OV_AGREEMENT_HASH_BYTES);
        (*n)++;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err->code ? err->code : OV_EIO;
    if (*n == 0)
        return OV_OK;
    return ov_audit_append(tx, OV_ACT_READ, p->citizen_id,
                           "virksomhedsforløb", err);
}
