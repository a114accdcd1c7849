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

ov_status ov_instrument_parse(ov_str code, ov_instrument *out, ov_err *err)
{
    for (int i = 0; i < OV_INSTR_COUNT; i++)
        if (ov_str_eq_c(code, instr[i].code)) {
            *out = (ov_instrument)i;
            return OV_OK;
        }
    return ov_err_set(err, OV_EINVAL, "instrument",
                      "instrument: use who5, gse or readiness");
}

ov_status ov_measure_score(ov_instrument in, const int *items, int n,
                           int *score, ov_err *err)
{
    if ((unsigned)in >= OV_INSTR_COUNT)
        return ov_err_set(err, OV_EINVAL, "instrument",
                          "instrument: unknown instrument");
    if (n != instr[in].items)
        return ov_err_set(err, OV_EINVAL, "items",
                          "items: %s has %d items; got %d", instr[in].code,
                          instr[in].items, n);
    int sum = 0;
    for (int i = 0; i < n; i++) {
        if (items[i] < instr[in].lo || items[i] > instr[in].hi) {
            char field[32];
            snprintf(field, sizeof field, "%s_item_%d", instr[in].code, i + 1);
            return ov_err_set(err, OV_EINVAL, field,
                              "%s: must be %d-%d, got %d", field,
                              instr[in].lo, instr[in].hi, items[i]);
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

ov_who5_flags ov_who5_flags_of(int score)
{
    return (ov_who5_flags){score <= 50, score <= 28};
}

int ov_who5_change(int before, int after)
{
    int d = after - before;
    return d >= 10 ? 1 : d <= -10 ? -1 : 0;
}

ov_measure_due ov_measure_next_due(ov_date start, bool has_end, ov_date end,
                                   const ov_date *taken, int ntaken,
                                   ov_date today, int tol)
{
    ov_measure_due r = {false, 0, false};
    if (tol < 0)
        tol = 14;
    for (int k = 0;; k++) {
        ov_date point = ov_date_add_months(start, 3 * k);
        bool last = false;
        if (has_end && point >= end) {
            point = end;
            last = true;
        }
        if (point > today + tol)
            break;
        bool met = false;
        for (int i = 0; i < ntaken && !met; i++)
            met = taken[i] >= point - tol && taken[i] <= point + tol;
        if (!met) {
            r.due = true;
            r.due_on = point;
            r.overdue = point + tol < today;
            return r;
        }
        if (last)
            break;
    }
    return r;
}
