#include "store/measure.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_INSERT[] =
    "INSERT INTO measurement (course_id, instrument, taken_on, items, score, "
    "rater, entered_by, entered_user, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
/* One answer per instrument, day and rater: a questionnaire answered for
 * a date is not answered again for it (issue 14), by the citizen or by
 * the staff; readiness is rated by the citizen and by the CTI worker on
 * the same day. */
static const char SQL_ANSWERED[] =
    "SELECT count(*) FROM measurement WHERE course_id = ?1 AND instrument = "
    "?2 AND taken_on = ?3 AND coalesce(rater, '') = coalesce(?4, '')";
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
    if (ov_stmt_prepare(tx->conn, SQL_ANSWERED, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, ov_instrument_code(m->instrument));
    ov_stmt_bind_cstr(s, 3, d);
    ov_stmt_bind_cstr(s, 4, m->has_rater ? ov_rater_code(m->rater) : NULL);
    ov_step r = ov_stmt_step(s, err);
    int64_t had = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    if (had > 0) {
        char dk[OV_DATE_BUF];
        ov_date_format_dk(m->taken_on, dk);
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "taken_on",
                                          measure_already_answered,
                                          ov_instrument_label_da(
                                              m->instrument),
                                          dk),
                               err));
    }
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

typedef struct measure_key {
    int64_t course_id;
    ov_instrument instr;
} measure_key;

static void measure_bind(ov_stmt *s, const void *arg)
{
    const measure_key *k = arg;
    ov_stmt_bind_i64(s, 1, k->course_id);
    ov_stmt_bind_cstr(s, 2, ov_instrument_code(k->instr));
}

static ov_status measurement_read(ov_stmt *s, ov_arena *a, void *row,
                                  ov_err *err)
{
    ov_measurement *m = row;
    m->id = ov_stmt_col_i64(s, 0);
    if (ov_date_parse_iso(ov_stmt_col_text(s, 1, a), "taken_on",
                          &m->taken_on, err) != OV_OK)
        return err->code;
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
                            err) != OV_OK)
        return err->code;
    return OV_OK;
}

static const ov_list_query MEASUREMENTS = {
    .sql = SQL_LIST, .row_size = sizeof(ov_measurement),
    .bind = measure_bind, .read = measurement_read};

ov_status ov_measure_list(ov_tx *tx, int64_t course_id, ov_instrument instr,
                          int cap, ov_arena *a, ov_measurement **out,
                          ov_list_info *li, ov_err *err)
{
    *out = NULL;
    memset(li, 0, sizeof *li);
    ov_course_head h;
    measure_key k = {course_id, instr};
    void *rows;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK ||
        ov_list_read(tx, &MEASUREMENTS, &k, cap, a, &rows, li, err) != OV_OK)
        return err->code;
    *out = rows;
    for (int i = 0; i < li->n; i++)
        (*out)[i].instrument = instr;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id,
                           ov_instrument_label_da(instr), err);
}
