#include "store/measure.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_INSERT[] =
    "INSERT INTO measurement (course_id, instrument, taken_on, items, score, "
    "rater, entered_by, entered_user, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_LIST[] =
    "SELECT id, taken_on, items, score, rater, entered_by FROM measurement "
    "WHERE course_id = ?1 AND instrument = ?2 ORDER BY taken_on, id";

ov_status ov_measure_record(ov_tx *tx, int64_t course_id, ov_measurement *m,
                            ov_date today, int64_t *id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    /* an ended course may still get its end measurement */
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK ||
        ov_measure_score(m->instrument, m->items, m->nitems, &m->score,
                         err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (m->taken_on < h.started_on || m->taken_on > today)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "taken_on",
                                          measure_date_range), err));
    if ((m->instrument == OV_INSTR_READINESS) != m->has_rater)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "rater",
                                          measure_rater),
                               err));
    char items[64] = "", d[OV_DATE_BUF], now[OV_TIME_BUF];
    size_t o = 0;
    for (int i = 0; i < m->nitems; i++)
        o += (size_t)snprintf(items + o, sizeof items - o, "%s%d",
                              i ? "," : "", m->items[i]);
    ov_date_format_iso(m->taken_on, d);
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_instrument_code(m->instrument));
    ov_stmt_bind_cstr(s, 3, d);
    ov_stmt_bind_cstr(s, 4, items);
    ov_stmt_bind_i64(s, 5, m->score);
    ov_stmt_bind_cstr(s, 6, m->has_rater ? ov_rater_code(m->rater) : NULL);
    ov_stmt_bind_cstr(s, 7, ov_entered_by_code(m->entered_by));
    ov_stmt_bind_cstr(s, 8, tx->actor->user);
    ov_stmt_bind_cstr(s, 9, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = m->id = ov_conn_last_insert_id(tx->conn);
    return ov_audit_append(tx, OV_ACT_CREATE, h.citizen_id,
                           ov_instrument_label_da(m->instrument), err);
}

ov_status ov_measure_list(ov_tx *tx, int64_t course_id, ov_instrument instr,
                          ov_measurement *out, int cap, int *n, ov_err *err)
{
    *n = 0;
    if (ov_tx_check_audited(tx, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_LIST, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_instrument_code(instr));
    ov_arena *a = ov_arena_new(0);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < cap) {
        ov_measurement *m = &out[*n];
        memset(m, 0, sizeof *m);
        m->id = ov_stmt_col_i64(s, 0);
        m->instrument = instr;
        if (ov_date_parse_iso(ov_stmt_col_text(s, 1, a), "taken_on",
                              &m->taken_on, err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        ov_str items = ov_stmt_col_text(s, 2, a);
        while (items.ptr && items.len && m->nitems < 10) {
            ov_str one;
            items = ov_str_cut(items, ',', &one);
            int64_t v = 0;
            ov_str_to_i64(one, &v);
            m->items[m->nitems++] = (int)v;
        }
        m->score = (int)ov_stmt_col_i64(s, 3);
        ov_str rater = ov_stmt_col_text(s, 4, a);
        m->has_rater = rater.ptr != NULL;
        if ((m->has_rater && ov_rater_parse(rater, &m->rater, err) != OV_OK) ||
            ov_entered_by_parse(ov_stmt_col_text(s, 5, a), &m->entered_by,
                                err) != OV_OK) {
            r = OV_STEP_ERROR;
            break;
        }
        (*n)++;
    }
    ov_stmt_release(s);
    ov_arena_destroy(a);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id,
                           ov_instrument_label_da(instr), err);
}
