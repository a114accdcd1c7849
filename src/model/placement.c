#include "model/placement.h"

#include <stdio.h>
#include <string.h>

#include "core/crypto.h"

static const struct {
    const char *code, *label;
} types[OV_PLACE_COUNT] = {
    [OV_PLACE_INTERNSHIP] = {"internship", "Virksomhedspraktik"},
    [OV_PLACE_WAGE_SUBSIDY] = {"wage_subsidy", "Løntilskud"},
    [OV_PLACE_FLEX_JOB] = {"flex_job", "Fleksjob"},
    [OV_PLACE_ORDINARY_JOB] = {"ordinary_job", "Ordinært job"},
};

const char *ov_placement_type_code(ov_placement_type t)
{
    return (unsigned)t < OV_PLACE_COUNT ? types[t].code : "unknown";
}

const char *ov_placement_type_label_da(ov_placement_type t)
{
    return (unsigned)t < OV_PLACE_COUNT ? types[t].label : "Ukendt";
}

ov_status ov_placement_type_parse(ov_str code, ov_placement_type *out,
                                  ov_err *err)
{
    for (int i = 0; i < OV_PLACE_COUNT; i++)
        if (ov_str_eq_c(code, types[i].code)) {
            *out = (ov_placement_type)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "type",
                      placement_type_choose);
}

ov_status ov_hours_parse(ov_str s, const char *field, int *x10, ov_err *err)
{
    s = ov_str_trim(s);
    int whole = 0, tenth = 0, digits = 0, decimals = 0;
    bool sep = false;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if ((c == ',' || c == '.') && !sep && digits > 0) {
            sep = true;
            continue;
        }
        if (c < '0' || c > '9' || digits > 3 || decimals >= 1)
            return ov_err_msg(err, OV_EINVAL, field, placement_hours_decimal,
                              field);
        if (sep) {
            tenth = c - '0';
            decimals++;
        } else {
            whole = whole * 10 + (c - '0');
            digits++;
        }
    }
    if (digits == 0 || (sep && decimals == 0))
        return ov_err_msg(err, OV_EINVAL, field, placement_hours_number,
                          field);
    int v = whole * 10 + tenth;
    if (v > OV_HOURS_MAX_X10)
        return ov_err_msg(err, OV_EINVAL, field, placement_hours_max,
                          field);
    *x10 = v;
    return OV_OK;
}

void ov_hours_format(int x10, char out[16])
{
    if (x10 % 10)
        snprintf(out, 16, "%d,%d", x10 / 10, x10 % 10);
    else
        snprintf(out, 16, "%d", x10 / 10);
}

ov_status ov_placement_validate(const ov_placement *p, bool has_start_meeting,
                                ov_date start_meeting, ov_err *err)
{
    if ((unsigned)p->type >= OV_PLACE_COUNT)
        return ov_err_msg(err, OV_EINVAL, "type",
                          placement_type_unknown);
    if (p->company_id <= 0)
        return ov_err_msg(err, OV_EINVAL, "company_id",
                          placement_company_choose);
    if (!has_start_meeting)
        return ov_err_msg(err, OV_EINVAL, "start",
                          placement_start_needs_meeting);
    if (p->start < start_meeting) {
        char d[OV_DATE_BUF];
        ov_date_format_dk(start_meeting, d);
        return ov_err_msg(err, OV_EINVAL, "start",
                          placement_start_before_meeting, d);
    }
    if (p->has_end && p->end < p->start)
        return ov_err_msg(err, OV_EINVAL, "end", placement_end_before_start);
    if (p->weekly_hours_x10 < 0 || p->weekly_hours_x10 > OV_HOURS_MAX_X10)
        return ov_err_msg(err, OV_EINVAL, "weekly_hours",
                          placement_weekly_hours_range);
    return OV_OK;
}

const char *ov_signer_code(ov_signer s)
{
    switch (s) {
    case OV_SIGN_CITIZEN: return "citizen";
    case OV_SIGN_CONSULTANT: return "consultant";
    case OV_SIGN_EMPLOYER: return "employer";
    case OV_SIGN_ALL: break;
    }
    return "unknown";
}

ov_status ov_signer_parse(ov_str code, ov_signer *out, ov_err *err)
{
    static const ov_signer all[] = {OV_SIGN_CITIZEN, OV_SIGN_CONSULTANT,
                                    OV_SIGN_EMPLOYER};
    for (int i = 0; i < 3; i++)
        if (ov_str_eq_c(code, ov_signer_code(all[i]))) {
            *out = all[i];
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "signer",
                      placement_signer_choose);
}

static ov_status text_ok(ov_str t, const char *field, size_t max, bool required,
                         ov_err *err)
{
    if (required && ov_str_trim(t).len == 0)
        return ov_err_msg(err, OV_EINVAL, field, text_required,
                          field);
    if (t.len > max)
        return ov_err_msg(err, OV_EINVAL, field, text_too_long,
                          field, max);
    if (!ov_str_is_utf8(t))
        return ov_err_msg(err, OV_EINVAL, field, text_not_utf8_short, field);
    return OV_OK;
}

ov_status ov_agreement_validate(const ov_agreement *a, const ov_placement *p,
                                ov_err *err)
{
    if (a->internship_hours_x10 < 0 ||
        a->internship_hours_x10 > OV_HOURS_MAX_X10)
        return ov_err_msg(err, OV_EINVAL, "internship_hours",
                          placement_internship_hours_range);
    if (a->ordinary_hours_x10 < 0 || a->ordinary_hours_x10 > OV_HOURS_MAX_X10)
        return ov_err_msg(err, OV_EINVAL, "ordinary_hours",
                          placement_ordinary_hours_range);
    if (a->internship_hours_x10 + a->ordinary_hours_x10 > OV_HOURS_MAX_X10)
        return ov_err_msg(err, OV_EINVAL, "ordinary_hours",
                          placement_hours_sum);
    if (text_ok(a->tasks, "tasks", OV_AGREEMENT_TEXT_MAX, true, err) != OV_OK ||
        text_ok(a->accommodations, "accommodations", OV_AGREEMENT_TEXT_MAX,
                false, err) != OV_OK)
        return err->code;
    if (a->ngoals < 1)
        return ov_err_msg(err, OV_EINVAL, "goals", placement_goals_none);
    if (a->ngoals > OV_AGREEMENT_GOALS_MAX)
        return ov_err_msg(err, OV_EINVAL, "goals", placement_goals_too_many,
                          OV_AGREEMENT_GOALS_MAX);
    for (int i = 0; i < a->ngoals; i++) {
        char field[32];
        snprintf(field, sizeof field, "goals[%d]", i);
        if (text_ok(a->goals[i].text, field, 1000, true, err) != OV_OK)
            return err->code;
    }
    if (a->review_date < p->start)
        return ov_err_msg(err, OV_EINVAL, "review_date",
                          placement_review_before_start);
    if (p->has_end && a->review_date > p->end)
        return ov_err_msg(err, OV_EINVAL, "review_date",
                          placement_review_after_end);
    return OV_OK;
}

int ov_iso_weeks_in_year(int y)
{
    /* the year has 53 weeks when 28 December is in week 53 */
    int yy, w;
    ov_date_iso_week(ov_date_from_ymd(y, 12, 28), &yy, &w);
    return w;
}

ov_date ov_iso_week_monday(int iso_year, int iso_week)
{
    /* 4 January is always in week 1 */
    ov_date jan4 = ov_date_from_ymd(iso_year, 1, 4);
    ov_date week1 = jan4 - (ov_date_weekday(jan4) - 1);
    return week1 + 7 * (iso_week - 1);
}

ov_status ov_hours_week_validate(const ov_hours_week *w, const ov_placement *p,
                                 ov_err *err)
{
    char wk[24]; /* the week as the error names it, "2026-W07" */
    snprintf(wk, sizeof wk, "%d-W%02d", w->iso_year, w->iso_week);
    if (w->iso_year < 1900 || w->iso_year > 2200 || w->iso_week < 1 ||
        w->iso_week > ov_iso_weeks_in_year(w->iso_year))
        return ov_err_msg(err, OV_EINVAL, "week", placement_week_not_exist,
                          wk);
    ov_date mon = ov_iso_week_monday(w->iso_year, w->iso_week);
    if (mon + 6 < p->start || (p->has_end && mon > p->end))
        return ov_err_msg(err, OV_EINVAL, "week", placement_week_outside, wk);
    if (w->internship_x10 < 0 || w->ordinary_x10 < 0 ||
        w->internship_x10 + w->ordinary_x10 > OV_HOURS_MAX_X10)
        return ov_err_msg(err, OV_EINVAL, "hours", placement_week_hours_range);
    return OV_OK;
}

static int week_key(const ov_hours_week *w)
{
    return w->iso_year * 100 + w->iso_week;
}

bool ov_hours_progression(ov_hours_week *weeks, int n, double *first_share,
                          double *last_share)
{
    /* insertion sort: stable, and logs are short */
    for (int i = 1; i < n; i++) {
        ov_hours_week x = weeks[i];
        int j = i - 1;
        while (j >= 0 && week_key(&weeks[j]) > week_key(&x)) {
            weeks[j + 1] = weeks[j];
            j--;
        }
        weeks[j + 1] = x;
    }
    if (n <= 0)
        return false;
    const ov_hours_week *f = &weeks[0], *l = &weeks[n - 1];
    int ft = f->internship_x10 + f->ordinary_x10;
    int lt = l->internship_x10 + l->ordinary_x10;
    *first_share = ft ? (double)f->ordinary_x10 / ft : 0.0;
    *last_share = lt ? (double)l->ordinary_x10 / lt : 0.0;
    return true;
}

/* ---- the signature's hash ---- */

const char *ov_sign_way_code(ov_sign_way w)
{
    return w == OV_SIGN_ON_PAPER ? "paper" : "system";
}

ov_status ov_sign_way_parse(ov_str code, ov_sign_way *out, ov_err *err)
{
    if (ov_str_eq_c(code, "system")) {
        *out = OV_SIGN_IN_SYSTEM;
        return OV_OK;
    }
    if (ov_str_eq_c(code, "paper")) {
        *out = OV_SIGN_ON_PAPER;
        return OV_OK;
    }
    return ov_err_msg(err, OV_EINVAL, "way", sign_paper_party);
}

static void h_line(ov_sha256_ctx *c, const char *key, long long v)
{
    char b[64];
    int n = snprintf(b, sizeof b, "%s %lld\n", key, v);
    ov_sha256_update(c, b, (size_t)n);
}

static void h_date(ov_sha256_ctx *c, const char *key, bool has, ov_date d)
{
    char b[64], ds[OV_DATE_BUF];
    if (has)
        ov_date_format_iso(d, ds);
    int n = snprintf(b, sizeof b, "%s %s\n", key, has ? ds : "-");
    ov_sha256_update(c, b, (size_t)n);
}

/* "<prefix><length>:<text>\n" */
static void h_text(ov_sha256_ctx *c, const char *prefix, ov_str t)
{
    char b[64];
    int n = snprintf(b, sizeof b, "%s%zu:", prefix, t.len);
    ov_sha256_update(c, b, (size_t)n);
    if (t.len)
        ov_sha256_update(c, t.ptr, t.len);
    ov_sha256_update(c, "\n", 1);
}

void ov_agreement_hash(int64_t placement_id, int version,
                       const ov_placement *p, const ov_agreement *a,
                       uint8_t out[OV_AGREEMENT_HASH_BYTES])
{
    ov_sha256_ctx c;
    ov_sha256_init(&c);
    static const char head[] = "overgang-agreement-v1\n";
    ov_sha256_update(&c, head, sizeof head - 1);
    h_line(&c, "placement", (long long)placement_id);
    h_line(&c, "version", version);
    char b[64];
    int n = snprintf(b, sizeof b, "type %s\n", ov_placement_type_code(p->type));
    ov_sha256_update(&c, b, (size_t)n);
    h_line(&c, "company", (long long)p->company_id);
    h_date(&c, "start", true, p->start);
    h_date(&c, "end", p->has_end, p->end);
    h_line(&c, "internship_hours_x10", a->internship_hours_x10);
    h_line(&c, "ordinary_hours_x10", a->ordinary_hours_x10);
    h_date(&c, "review", true, a->review_date);
    h_text(&c, "tasks ", ov_str_trim(a->tasks));
    h_text(&c, "accommodations ",
           a->accommodations.ptr ? ov_str_trim(a->accommodations)
                                 : OV_STR_LIT(""));
    h_line(&c, "goals", a->ngoals);
    for (int i = 0; i < a->ngoals; i++)
        h_text(&c, a->goals[i].reached ? "goal 1 " : "goal 0 ",
               ov_str_trim(a->goals[i].text));
    ov_sha256_final(&c, out);
}

void ov_agreement_hash_hex(const uint8_t h[OV_AGREEMENT_HASH_BYTES],
                           char out[2 * OV_AGREEMENT_HASH_BYTES + 1])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < OV_AGREEMENT_HASH_BYTES; i++) {
        out[2 * i] = hex[h[i] >> 4];
        out[2 * i + 1] = hex[h[i] & 15];
    }
    out[2 * OV_AGREEMENT_HASH_BYTES] = '\0';
}

unsigned ov_sign_again(unsigned before, unsigned now)
{
    return before & ~now & (unsigned)OV_SIGN_ALL;
}

const char *ov_employer_hours_code(ov_employer_hours m)
{
    return m == OV_EMPLOYER_HOURS_ENTER ? "enter" : "confirm";
}

ov_status ov_employer_hours_parse(ov_str code, ov_employer_hours *out,
                                  ov_err *err)
{
    code = ov_str_trim(code);
    if (ov_str_eq_c(code, "confirm")) {
        *out = OV_EMPLOYER_HOURS_CONFIRM;
        return OV_OK;
    }
    if (ov_str_eq_c(code, "enter")) {
        *out = OV_EMPLOYER_HOURS_ENTER;
        return OV_OK;
    }
    return ov_err_msg(err, OV_EINVAL, "employer_hours",
                      settings_employer_hours);
}

const char *ov_hours_source_code(ov_hours_source s)
{
    return s == OV_HOURS_SOURCE_CONSULTANT ? "consultant"
                                           : "employer_where_present";
}

ov_status ov_hours_source_parse(ov_str code, ov_hours_source *out,
                                ov_err *err)
{
    code = ov_str_trim(code);
    if (ov_str_eq_c(code, "employer_where_present")) {
        *out = OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT;
        return OV_OK;
    }
    if (ov_str_eq_c(code, "consultant")) {
        *out = OV_HOURS_SOURCE_CONSULTANT;
        return OV_OK;
    }
    return ov_err_msg(err, OV_EINVAL, "hours_source", settings_hours_source);
}

ov_hours_week ov_hours_counted(const ov_hours_week *consultant,
                               const ov_hours_week *employer,
                               ov_hours_source src)
{
    ov_hours_week w = *consultant;
    if (employer && src == OV_HOURS_SOURCE_EMPLOYER_WHERE_PRESENT) {
        w.internship_x10 = employer->internship_x10;
        w.ordinary_x10 = employer->ordinary_x10;
    }
    return w;
}
