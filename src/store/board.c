#include "store/board.h"

#include <string.h>

#include <stdio.h>

#include "store/audit.h"
#include "store/indicators.h"
#include "store/store_int.h"

static const char SQL_STAFF[] =
    "SELECT id, full_name, role FROM app_user WHERE municipality_code = ?1 "
    "AND role IN ('employment_caseworker', 'social_caseworker', "
    "'cti_worker', 'company_consultant') ORDER BY full_name, id";

static const char SQL_COURSE[] =
    "SELECT c.citizen_id, z.full_name, c.stage, t.name FROM course c "
    "JOIN citizen z ON z.id = c.citizen_id JOIN team t ON t.id = c.team_id "
    "WHERE c.id = ?1 AND c.municipality_code = ?2";

ov_status ov_board_staff_list(ov_tx *tx, int municipality_code, ov_arena *a,
                              ov_board_staff **out, int *n, ov_err *err)
{
    *out = NULL;
    *n = 0;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_STAFF, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, municipality_code);
    size_t room = 32;
    ov_board_staff *v = NULL;
    OV_GROW(a, v, room, room);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        OV_GROW(a, v, room, (size_t)*n + 1);
        ov_board_staff *it = &v[*n];
        it->id = ov_stmt_col_i64(s, 0);
        it->name = ov_stmt_col_text(s, 1, a);
        if (ov_role_parse(ov_stmt_col_text(s, 2, a), "role", &it->role,
                          err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        (*n)++;
    }
    *out = v;
    return ov_read_finish(tx, s, r, err);
}

ov_status ov_board_courses(ov_tx *tx, int municipality_code,
                           const int64_t *ids, int n, const char *criterion,
                           ov_arena *a, ov_board_course **out, ov_err *err)
{
    *out = OV_NEW_N(a, ov_board_course, (size_t)n + 1);
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    for (int i = 0; i < n; i++) {
        ov_board_course *c = &(*out)[i];
        c->course_id = ids[i];
        ov_stmt *s;
        if (ov_stmt_prepare(tx->conn, SQL_COURSE, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, ids[i]);
        ov_stmt_bind_i64(s, 2, municipality_code);
        ov_step r = ov_stmt_step(s, err);
        if (r == OV_STEP_ROW) {
            c->found = true;
            int64_t citizen = ov_stmt_col_i64(s, 0);
            c->citizen_name = ov_stmt_col_text(s, 1, a);
            c->team = ov_stmt_col_text(s, 3, a);
            if (ov_stage_parse(ov_stmt_col_text(s, 2, a), &c->stage, err) !=
                OV_OK) {
                r = OV_STEP_ERROR;
            } else {
                ov_stmt_release(s);
                if (ov_audit_append(tx, OV_ACT_READ, citizen, criterion,
                                    err) != OV_OK)
                    return err->code;
                continue;
            }
        }
        if (ov_read_finish(tx, s, r, err) != OV_OK)
            return err->code;
    }
    return OV_OK;
}

ov_status ov_board_audit_facts(ov_tx *tx, const struct ov_ind_query *q,
                               int ncourses, ov_err *err)
{
    char crit[OV_AUDIT_CRITERION_MAX], from[OV_DATE_BUF], to[OV_DATE_BUF];
    ov_date_format_iso(q->from, from);
    ov_date_format_iso(q->to, to);
    snprintf(crit, sizeof crit,
             "indikatorer: %d forløb, kommune %d, team %lld, medarbejder "
             "%lld, %s..%s",
             ncourses, q->municipality_code, (long long)q->team_id,
             (long long)q->staff_id, from, to);
    return ov_audit_append(tx, OV_ACT_READ, 0, crit, err);
}
