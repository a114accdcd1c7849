#include "model/measure.h"

#include <stdio.h>

static const struct {
    const char *code, *label;
    int items, lo, hi;
} instr[OV_INSTR_COUNT] = {
    [OV_INSTR_WHO5] = {"who5", "WHO-5 trivselsindeks", 5, 0, 5},
    [OV_INSTR_GSE] = {"gse", "Tro på egne evner (GSE)", 10, 1, 4},
    [OV_INSTR_READINESS] = {"readiness", "Arbejdsmarkedsparathed", 1, 1, 10},
};

const char *ov_instrument_code(ov_instrument i)
{
    return (unsigned)i < OV_INSTR_COUNT ? instr[i].code : "unknown";
}

const char *ov_instrument_label_da(ov_instrument i)
{
    return (unsigned)i < OV_INSTR_COUNT ? instr[i].label : "Ukendt";
}

int ov_instrument_items(ov_instrument i)
{
    return (unsigned)i < OV_INSTR_COUNT ? instr[i].items : 0;
}

/* Unknown codes are echoed (capped) so the user sees what was sent. */
static ov_status unknown(ov_err *err, const char *field, ov_str code,
                         const char *valid)
{
    return ov_err_msg(err, OV_EINVAL, field, measure_unknown_code, field,
                      ov_arg_strn(code.ptr, code.len > 64 ? 64 : code.len),
                      valid);
}

ov_status ov_instrument_parse(ov_str code, ov_instrument *out, ov_err *err)
{
    for (int i = 0; i < OV_INSTR_COUNT; i++)
        if (ov_str_eq_c(code, instr[i].code)) {
            *out = (ov_instrument)i;
            return OV_OK;
        }
    return unknown(err, "instrument", code, "who5, gse or readiness");
}

static const char *const entered_codes[2] = {"citizen", "staff"};
static const char *const entered_labels[2] = {"Borger", "Medarbejder"};
static const char *const rater_codes[2] = {"citizen", "cti_worker"};
static const char *const rater_labels[2] = {"Borger", "CTI-medarbejder"};

const char *ov_entered_by_code(ov_entered_by e)
{
    return (unsigned)e < 2 ? entered_codes[e] : "unknown";
}

const char *ov_entered_by_label_da(ov_entered_by e)
{
    return (unsigned)e < 2 ? entered_labels[e] : "Ukendt";
}

ov_status ov_entered_by_parse(ov_str code, ov_entered_by *out, ov_err *err)
{
    for (int i = 0; i < 2; i++)
        if (ov_str_eq_c(code, entered_codes[i])) {
            *out = (ov_entered_by)i;
            return OV_OK;
        }
    return unknown(err, "entered_by", code, "citizen or staff");
}

const char *ov_rater_code(ov_rater r)
{
    return (unsigned)r < 2 ? rater_codes[r] : "unknown";
}

const char *ov_rater_label_da(ov_rater r)
{
    return (unsigned)r < 2 ? rater_labels[r] : "Ukendt";
}

ov_status ov_rater_parse(ov_str code, ov_rater *out, ov_err *err)
{
    for (int i = 0; i < 2; i++)
        if (ov_str_eq_c(code, rater_codes[i])) {
            *out = (ov_rater)i;
            return OV_OK;
        }
    return unknown(err, "rater", code, "citizen or cti_worker");
}

ov_status ov_measure_score(ov_instrument in, const int *items, int n,
                           int *score, ov_err *err)
{
    if ((unsigned)in >= OV_INSTR_COUNT)
        return ov_err_msg(err, OV_EINVAL, "instrument",
                          measure_instrument_unknown);
    if (n != instr[in].items)
        return ov_err_msg(err, OV_EINVAL, "items", measure_items_count,
                          instr[in].code, instr[in].items,
                          instr[in].items == 1 ? "" : "s", n);
    int sum = 0;
    for (int i = 0; i < n; i++) {
        if (items[i] < instr[in].lo || items[i] > instr[in].hi) {
            char field[32];
            snprintf(field, sizeof field, "%s_item_%d", instr[in].code, i + 1);
            return ov_err_msg(err, OV_EINVAL, field, measure_item_range, field,
                              instr[in].lo, instr[in].hi, items[i], i + 1);
        }
        sum += items[i];
    }
    *score = in == OV_INSTR_WHO5 ? sum * 4 : sum;
    return OV_OK;
}

const char *ov_readiness_anchor_da(int r)
{
    static const char *const a[10] = {
        "Langt fra arbejdsmarkedet; hverdagen fylder det hele",
        "Kan overskue korte aftaler med støtte",
        "Kan møde op til aftaler de fleste gange",
        "Kan være få timer på en arbejdsplads med tæt støtte",
        "Kan klare faste, enkle opgaver nogle timer om ugen",
        "Kan klare et virksomhedsforløb med støtte",
        "Kan klare flere timer og nye opgaver med lidt støtte",
        "Tæt på ordinære timer; støtten kan trappes ned",
        "Klar til ordinære timer med lidt opfølgning",
        "Klar til ordinært job uden støtte",
    };
    return r >= 1 && r <= 10 ? a[r - 1] : "";
}

const char *ov_readiness_anchor_en(int r)
{
    static const char *const a[10] = {
        "Far from the labour market; everyday life takes everything",
        "Can manage short appointments with support",
        "Can turn up to appointments most of the time",
        "Can spend a few hours at a workplace with close support",
        "Can handle fixed, simple tasks a few hours a week",
        "Can handle a company placement with support",
        "Can handle more hours and new tasks with a little support",
        "Close to ordinary hours; the support can be stepped down",
        "Ready for ordinary hours with a little follow-up",
        "Ready for an ordinary job without support",
    };
    return r >= 1 && r <= 10 ? a[r - 1] : "";
}

ov_who5_flags ov_who5_flags_of(int score)
{
    return (ov_who5_flags){score <= 50, score <= 28};
}

int ov_who5_change(int before, int after)
{
    int d = after - before;
    return d >= 10 ? 1 : d <= -10 ? -1 : 0;
}

const char *ov_who5_change_code(int change)
{
    return change > 0 ? "up" : change < 0 ? "down" : "none";
}

const char *ov_who5_change_label_da(int change)
{
    return change > 0   ? "Meningsfuld stigning"
           : change < 0 ? "Meningsfuldt fald"
                        : "Ingen meningsfuld ændring";
}

ov_status ov_measure_tolerance_validate(int days, ov_err *err)
{
    if (days < 0 || days > OV_MEASURE_TOLERANCE_MAX)
        return ov_err_msg(err, OV_EINVAL, "measure_tolerance_days",
                          measure_tolerance_range,
                          OV_MEASURE_TOLERANCE_MAX,
                          OV_MEASURE_TOLERANCE_DEFAULT, days);
    return OV_OK;
}

/* Due point k: 3k months after the start, or the end when it comes first
 * (then *last is set). */
static ov_date point_at(ov_date start, bool has_end, ov_date end, int k,
                        bool *last)
{
    ov_date p = ov_date_add_months(start, 3 * k);
    *last = has_end && p >= end;
    return *last ? end : p;
}

/* Walk the due points in order. Point p is satisfied by a measurement t
 * (t <= today) with p - tol <= t and either t <= p + tol (on time) or t
 * before the next point's window opens (late). An unsatisfied point whose
 * successor's window is already open is missed and skipped; the first
 * other unsatisfied point is the answer. */
ov_measure_due ov_measure_next_due(ov_date start, bool has_end, ov_date end,
                                   const ov_date *taken, int ntaken,
                                   ov_date today, int tol)
{
    ov_measure_due r = {false, 0, false, false, false, 0};
    if (tol < 0)
        tol = OV_MEASURE_TOLERANCE_DEFAULT;
    if (tol > OV_MEASURE_TOLERANCE_MAX)
        tol = OV_MEASURE_TOLERANCE_MAX;
    if (has_end && end < start)
        end = start;
    bool last = false;
    ov_date point = point_at(start, has_end, end, 0, &last);
    for (int k = 0;; k++) {
        bool next_last = false;
        ov_date next = last ? 0 : point_at(start, has_end, end, k + 1,
                                           &next_last);
        /* the late window of this point closes when the next one opens */
        bool met = false;
        for (int i = 0; i < ntaken && !met; i++) {
            ov_date t = taken[i];
            met = t <= today && t >= point - tol &&
                  (t <= point + tol || last || t < next - tol);
        }
        if (!met) {
            if (!last && today >= next - tol) {
                r.missed++;
            } else {
                r.due_on = point;
                r.at_end = last;
                r.due = today >= point - tol;
                r.overdue = today > point + tol;
                return r;
            }
        }
        if (last) {
            r.done = true;
            return r;
        }
        point = next;
        last = next_last;
    }
}
