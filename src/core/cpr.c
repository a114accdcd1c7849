#include "core/cpr.h"

#include <stdio.h>
#include <string.h>

int ov_cpr_birth_year(int yy, int d7)
{
    if (yy < 0 || yy > 99 || d7 < 0 || d7 > 9)
        return 0;
    if (d7 <= 3)
        return 1900 + yy;
    if (d7 == 4 || d7 == 9)
        return yy <= 36 ? 2000 + yy : 1900 + yy;
    /* 5-8 */
    return yy <= 57 ? 2000 + yy : 1800 + yy;
}

bool ov_cpr_mod11(const char digits[10])
{
    static const int w[10] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 10; i++)
        sum += (digits[i] - '0') * w[i];
    return sum % 11 == 0;
}

static const char *const month_names[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

ov_status ov_cpr_parse(ov_str s, const char *field, ov_cpr *out, ov_err *err)
{
    const char *f = field ? field : "cpr";
    s = ov_str_trim(s);
    /* Count every digit (so the message can say "got 9"), keep the first
     * ten. Messages give counts and positions, never the digits. */
    char d[10];
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if (c == '-' && i == 6 && n == 6)
            continue;
        if (c == '-')
            return ov_err_msg(err, OV_EINVAL, f, cpr_dash_position, f,
                              i + 1);
        if (c < '0' || c > '9')
            return ov_err_msg(err, OV_EINVAL, f, cpr_not_digit, f,
                              i + 1);
        if (n < 10)
            d[n] = c;
        n++;
    }
    if (n != 10)
        return ov_err_msg(err, OV_EINVAL, f, cpr_length, f, n);
    int day = (d[0] - '0') * 10 + (d[1] - '0');
    int month = (d[2] - '0') * 10 + (d[3] - '0');
    int yy = (d[4] - '0') * 10 + (d[5] - '0');
    int year = ov_cpr_birth_year(yy, d[6] - '0');
    char dd[16], mm[16]; /* as written: two digits */
    snprintf(dd, sizeof dd, "%02d", day);
    snprintf(mm, sizeof mm, "%02d", month);
    if (month < 1 || month > 12)
        return ov_err_msg(err, OV_EINVAL, f, cpr_month, f, mm);
    if (day < 1 || day > ov_days_in_month(year, month)) {
        if (month == 2 && day == 29)
            return ov_err_msg(err, OV_EINVAL, f, cpr_no_leap_day, f,
                              year);
        return ov_err_msg(err, OV_EINVAL, f, cpr_day, f, dd,
                          month_names[month - 1]);
    }
    memcpy(out->digits, d, 10);
    out->digits[10] = '\0';
    out->birth = ov_date_from_ymd(year, month, day);
    out->sex = ((d[9] - '0') % 2) ? OV_SEX_MALE : OV_SEX_FEMALE;
    out->mod11_ok = ov_cpr_mod11(d);
    return OV_OK;
}

void ov_cpr_format(const ov_cpr *c, char out[OV_CPR_BUF])
{
    snprintf(out, OV_CPR_BUF, "%.6s-%.4s", c->digits, c->digits + 6);
}

void ov_cpr_format_masked(const ov_cpr *c, char out[OV_CPR_BUF])
{
    snprintf(out, OV_CPR_BUF, "%.6s-XXXX", c->digits);
}
