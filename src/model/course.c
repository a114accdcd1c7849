#include "model/course.h"

static const struct {
    const char *code, *label;
} stages[OV_STAGE_COUNT] = {
    [OV_STAGE_SCREENED] = {"screened", "Screenet"},
    [OV_STAGE_DRAWN] = {"drawn", "Udtrukket"},
    [OV_STAGE_START] = {"start", "Opstart"},
    [OV_STAGE_PLAN] = {"plan", "Plan"},
    [OV_STAGE_MATCH] = {"match", "Virksomhedsmatch"},
    [OV_STAGE_PLACEMENT] = {"placement", "I virksomhedsforløb"},
    [OV_STAGE_IN_JOB] = {"in_job", "I job"},
    [OV_STAGE_ENDED] = {"ended", "Afsluttet"},
};

static const struct {
    const char *code, *label;
} reasons[OV_END_COUNT] = {
    [OV_END_ORDINARY_JOB] = {"ordinary_job", "I ordinært job"},
    [OV_END_EDUCATION] = {"education", "Påbegyndt uddannelse"},
    [OV_END_OTHER_EFFORT] = {"other_effort", "Overgået til anden indsats"},
    [OV_END_FLEX_JOB] = {"flex_job", "Fleksjob"},
    [OV_END_HEALTH] = {"health", "Helbredsmæssige årsager"},
    [OV_END_MOVED] = {"moved", "Fraflyttet kommunen"},
    [OV_END_WITHDREW] = {"withdrew", "Borgeren ønskede at stoppe"},
    [OV_END_OTHER] = {"other", "Andet"},
};

const char *ov_stage_code(ov_stage s)
{
    return (unsigned)s < OV_STAGE_COUNT ? stages[s].code : "unknown";
}

const char *ov_stage_label_da(ov_stage s)
{
    return (unsigned)s < OV_STAGE_COUNT ? stages[s].label : "Ukendt";
}

ov_status ov_stage_parse(ov_str code, ov_stage *out, ov_err *err)
{
    for (int i = 0; i < OV_STAGE_COUNT; i++)
        if (ov_str_eq_c(code, stages[i].code)) {
            *out = (ov_stage)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "stage", course_stage_unknown_code,
                      ov_arg_strn(code.ptr, code.len > 40 ? 40 : code.len));
}

const char *ov_end_reason_code(ov_end_reason r)
{
    return (unsigned)r < OV_END_COUNT ? reasons[r].code : "unknown";
}

const char *ov_end_reason_label_da(ov_end_reason r)
{
    return (unsigned)r < OV_END_COUNT ? reasons[r].label : "Ukendt";
}

ov_status ov_end_reason_parse(ov_str code, ov_end_reason *out, ov_err *err)
{
    for (int i = 0; i < OV_END_COUNT; i++)
        if (ov_str_eq_c(code, reasons[i].code)) {
            *out = (ov_end_reason)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "end_reason",
                      course_end_reason_unknown_code,
                      ov_arg_strn(code.ptr, code.len > 40 ? 40 : code.len));
}

ov_status ov_course_validate_stage_change(ov_stage from, ov_stage to,
                                          ov_err *err)
{
    if ((unsigned)to >= OV_STAGE_COUNT || (unsigned)from >= OV_STAGE_COUNT)
        return ov_err_msg(err, OV_EINVAL, "stage", course_stage_unknown);
    if (from == OV_STAGE_ENDED)
        return ov_err_msg(err, OV_ECONFLICT, "stage",
                          course_stage_ended);
    if (to == OV_STAGE_ENDED)
        return ov_err_msg(err, OV_EINVAL, "stage", course_stage_end_by_reason);
    if (to <= from)
        return ov_err_msg(err, OV_ECONFLICT, "stage",
                          course_stage_backwards, ov_stage_code(from),
                          ov_stage_code(to));
    return OV_OK;
}

ov_status ov_course_validate_end(ov_stage current, ov_date started,
                                 ov_date end, ov_date today,
                                 ov_end_reason reason, ov_str text,
                                 ov_err *err)
{
    if (current == OV_STAGE_ENDED)
        return ov_err_msg(err, OV_ECONFLICT, "end_date",
                          course_end_already_ended);
    if ((unsigned)reason >= OV_END_COUNT)
        return ov_err_msg(err, OV_EINVAL, "end_reason",
                          course_end_reason_unknown);
    if (end < started) {
        char d[OV_DATE_BUF];
        ov_date_format_dk(started, d);
        return ov_err_msg(err, OV_EINVAL, "end_date",
                          course_end_before_start, d);
    }
    if (end > today)
        return ov_err_msg(err, OV_EINVAL, "end_date",
                          course_end_in_future);
    ov_str t = ov_str_trim(text);
    if (reason == OV_END_OTHER && t.len == 0)
        return ov_err_msg(err, OV_EINVAL, "end_text",
                          course_end_text_needed);
    if (t.len > 500)
        return ov_err_msg(err, OV_EINVAL, "end_text",
                          course_end_text_too_long);
    return OV_OK;
}
