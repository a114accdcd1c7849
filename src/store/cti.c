#include "store/cti.h"

#include <string.h>

#include "model/org.h"
#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_EXISTS[] =
    "SELECT count(*) FROM cti_course WHERE course_id = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO cti_course (course_id, legal_basis, months, start_on, "
    "interval1, interval2, interval3) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_LOAD[] =
    "SELECT legal_basis, months, start_on, interval1, interval2, interval3 "
    "FROM cti_course WHERE course_id = ?1";
static const char SQL_CONTACTS[] =
    "SELECT on_date, form, minutes, focus, note FROM cti_contact WHERE "
    "course_id = "
    "?1 ORDER BY on_date, id";
static const char SQL_CONTACT_INSERT[] =
    "INSERT INTO cti_contact (course_id, on_date, form, minutes, focus, "
    "created_by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_FOCUS_DELETE[] =
    "DELETE FROM cti_focus WHERE course_id = ?1 AND phase = ?2";
static const char SQL_FOCUS_INSERT[] =
    "INSERT INTO cti_focus (course_id, phase, idx, area) VALUES (?1, ?2, ?3, "
    "?4)";
static const char SQL_NETWORK_INSERT[] =
    "INSERT INTO network_person (course_id, name, relation) VALUES (?1, ?2, "
    "?3)";
static const char SQL_CASELOAD[] =
    "SELECT count(*) FROM course_staff s JOIN course c ON c.id = s.course_id "
    "WHERE s.user_id = ?1 AND s.role = 'cti_worker' AND c.ended_on IS NULL";

ov_status ov_cti_start(ov_tx *tx, int64_t course_id, ov_legal_basis basis,
                       int explicit_months, ov_date start,
                       const ov_cti_rules *rules, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    int months;
    if (ov_course_head_open(tx, course_id, &h, err) != OV_OK ||
        ov_cti_length(basis, explicit_months, &months, err) != OV_OK ||
        ov_cti_rules_validate(rules, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (start < h.started_on)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "start",
                                          cti_start_before_course), err));
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_EXISTS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r = ov_stmt_step(s, err);
    int64_t exists = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (exists)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "course_id",
                                          cti_already_started), err));
    char d[OV_DATE_BUF];
    ov_date_format_iso(start, d);
    if (ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_legal_basis_code(basis));
    ov_stmt_bind_i64(s, 3, months);
    ov_stmt_bind_cstr(s, 4, d);
    for (int i = 0; i < 3; i++)
        ov_stmt_bind_i64(s, 5 + i, rules->interval_days[i]);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_CREATE, h.citizen_id, "CTI-forløb", err);
}

static ov_status load_state(ov_tx *tx, int64_t course_id, ov_arena *a,
                            ov_cti_state *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    out->rules = ov_cti_rules_default();
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_LOAD, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    ov_step r = ov_stmt_step(s, err);
    ov_status st = OV_OK;
    ov_date start = 0;
    int months = 0;
    if (r == OV_STEP_ROW) {
        out->started = true;
        st = ov_legal_basis_parse(ov_stmt_col_text(s, 0, a), &out->basis,
                                  err);
        months = (int)ov_stmt_col_i64(s, 1);
        if (st == OV_OK)
            st = ov_date_parse_iso(ov_stmt_col_text(s, 2, a), "start_on",
                                   &start, err);
        for (int i = 0; i < 3; i++)
            out->rules.interval_days[i] = (int)ov_stmt_col_i64(s, 3 + i);
    } else if (r == OV_STEP_ERROR) {
        st = err->code;
    }
    ov_stmt_release(s);
    if (st != OV_OK || !out->started)
        return st;
    ov_cti_phases(start, months, &out->course);
    if (ov_stmt_prepare(tx->conn, SQL_CONTACTS, &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, course_id);
    size_t cap = 32;
    out->contacts = ov_arena_alloc(a, cap * sizeof *out->contacts);
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if ((size_t)out->ncontacts == cap) {
            ov_cti_contact *b = ov_arena_alloc(a, 2 * cap * sizeof *b);
            memcpy(b, out->contacts, cap * sizeof *b);
            out->contacts = b;
            cap *= 2;
        }
        ov_cti_contact *k = &out->contacts[out->ncontacts];
        if (ov_date_parse_iso(ov_stmt_col_text(s, 0, a), "on_date", &k->date,
                              err) != OV_OK ||
            ov_contact_form_parse(ov_stmt_col_text(s, 1, a), &k->form, err) !=
                OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        k->minutes = (int)ov_stmt_col_i64(s, 2);
        k->focus = ov_stmt_col_text(s, 3, a);
        k->note = ov_stmt_col_text(s, 4, a);
        out->ncontacts++;
    }
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

ov_status ov_cti_load(ov_tx *tx, int64_t course_id, ov_arena *a,
                      ov_cti_state *out, ov_err *err)
{
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_course_head h;
    /* an ended course can still be read */
    ov_status st = ov_course_head_load(tx, course_id, &h, err);
    if (st != OV_OK || load_state(tx, course_id, a, out, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "CTI-forløb", err);
}

ov_status ov_cti_log_contact(ov_tx *tx, int64_t course_id,
                             const ov_cti_contact *k, ov_date today,
                             int64_t *id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    ov_arena *a = ov_arena_new(0);
    ov_cti_state cs;
    ov_status st = ov_course_head_open(tx, course_id, &h, err);
    if (st == OV_OK)
        st = load_state(tx, course_id, a, &cs, err);
    if (st == OV_OK && !cs.started)
        st = ov_err_msg(err, OV_EINVAL, "course_id", cti_not_started);
    if (st == OV_OK)
        st = ov_cti_contact_validate(&cs.course, k, today, err);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    char d[OV_DATE_BUF];
    ov_date_format_iso(k->date, d);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CONTACT_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, d);
    ov_stmt_bind_cstr(s, 3, ov_contact_form_code(k->form));
    ov_stmt_bind_i64(s, 4, k->minutes);
    ov_stmt_bind_text(s, 5, k->focus.ptr ? ov_str_trim(k->focus)
                                         : OV_STR_LIT(""));
    ov_stmt_bind_cstr(s, 6, tx->actor->user);
    ov_stmt_bind_text(s, 7, k->note.ptr ? ov_str_trim(k->note)
                                        : OV_STR_LIT(""));
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    return ov_audit_append(tx, OV_ACT_CREATE, h.citizen_id, "CTI-kontakt", err);
}

ov_status ov_cti_set_focus(ov_tx *tx, int64_t course_id, int phase,
                           const ov_str *areas, int n, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_open(tx, course_id, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (phase < 1 || phase > 3)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "phase",
                                          cti_phase_range), err));
    if (ov_cti_focus_validate(areas, n, phase, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_FOCUS_DELETE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_i64(s, 2, phase);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    for (int i = 0; i < n; i++) {
        if (ov_stmt_prepare(tx->conn, SQL_FOCUS_INSERT, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, course_id);
        ov_stmt_bind_i64(s, 2, phase);
        ov_stmt_bind_i64(s, 3, i);
        ov_stmt_bind_text(s, 4, ov_str_trim(areas[i]));
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
    }
    return ov_audit_append(tx, OV_ACT_UPDATE, h.citizen_id, "CTI-fokusområder",
                           err);
}

ov_status ov_cti_add_network_person(ov_tx *tx, int64_t course_id,
                                    ov_str name, ov_str relation, int64_t *id,
                                    ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_open(tx, course_id, &h, err) != OV_OK ||
        ov_org_validate_name(name, "name", err) != OV_OK ||
        ov_org_validate_name(relation, "relation", err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_NETWORK_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_text(s, 2, ov_str_trim(name));
    ov_stmt_bind_text(s, 3, ov_str_trim(relation));
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    return ov_audit_append(tx, OV_ACT_CREATE, h.citizen_id, "netværksperson",
                           err);
}

ov_status ov_cti_caseload(ov_tx *tx, int64_t user_id, int *n, ov_err *err)
{
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_CASELOAD, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, user_id);
    ov_step r = ov_stmt_step(s, err);
    *n = r == OV_STEP_ROW ? (int)ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    return r == OV_STEP_ROW ? OV_OK : ov_tx_fail(tx, err);
}
