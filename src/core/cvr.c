#include "core/cvr.h"

#include <string.h>

bool ov_cvr_check(const char d[8])
{
    static const int w[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
        if (d[i] < '0' || d[i] > '9')
            return false;
        sum += (d[i] - '0') * w[i];
    }
    return d[0] != '0' && sum % 11 == 0;
}

ov_status ov_cvr_parse(ov_str s, const char *field, char out[OV_CVR_BUF],
                       ov_err *err)
{
    const char *f = field ? field : "cvr";
    char d[8];
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++) {
        char c = s.ptr[i];
        if (c == ' ')
            continue;
        if (c < '0' || c > '9')
            return ov_err_msg(err, OV_EINVAL, f, cvr_not_digit, f,
                              i + 1);
        if (n < 8)
            d[n] = c;
        n++; /* count them all, so the message can say "got 9" */
    }
    if (n != 8)
        return ov_err_msg(err, OV_EINVAL, f, cvr_length, f, n);
    if (d[0] == '0')
        return ov_err_msg(err, OV_EINVAL, f, cvr_leading_zero, f);
    if (!ov_cvr_check(d))
        return ov_err_msg(err, OV_EINVAL, f, cvr_check_digit, f,
                          ov_arg_strn(d, 8));
    memcpy(out, d, 8);
    out[8] = '\0';
    return OV_OK;
}
