#include "model/user.h"

#include <string.h>

#include "core/crypto.h"
#include "model/org.h"

/* Crockford-like: no 0, 1, I, L, O, U, so what is read aloud or copied
 * by hand is what was issued. 30 characters: 12 of them are about 59
 * random bits. */
static const char ALPHABET[] = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
#define NALPHA ((int)sizeof ALPHABET - 1)

bool ov_admin_may_give_role(ov_role r)
{
    return ov_role_is_frontline(r) || r == OV_ROLE_LEADER ||
           r == OV_ROLE_ADMINISTRATOR;
}

ov_status ov_user_validate_role_given(ov_role r, ov_err *err)
{
    if (!ov_admin_may_give_role(r))
        return ov_err_msg(err, OV_EINVAL, "role", user_role_not_given);
    return OV_OK;
}

ov_status ov_user_validate_phone(ov_str phone, ov_err *err)
{
    phone = ov_str_trim(phone);
    if (phone.len == 0)
        return OV_OK;
    int digits = 0;
    for (size_t i = 0; i < phone.len; i++) {
        char ch = phone.ptr[i];
        if (ch >= '0' && ch <= '9')
            digits++;
        else if (ch != ' ' && ch != '-' && !(ch == '+' && i == 0))
            return ov_err_msg(err, OV_EINVAL, "phone", user_phone);
    }
    if (phone.len > OV_PHONE_MAX || digits < 6)
        return ov_err_msg(err, OV_EINVAL, "phone", user_phone);
    return OV_OK;
}

ov_status ov_user_validate_email(ov_str email, ov_err *err)
{
    email = ov_str_trim(email);
    if (email.len == 0)
        return OV_OK;
    size_t at = email.len, ats = 0;
    for (size_t i = 0; i < email.len; i++) {
        unsigned char ch = (unsigned char)email.ptr[i];
        if (ch <= ' ' || ch == 0x7f || ch == '<' || ch == '>' || ch == '"' ||
            ch == ',' || ch == ';')
            return ov_err_msg(err, OV_EINVAL, "email", user_email);
        if (ch == '@') {
            at = i;
            ats++;
        }
    }
    const char *dot = ats == 1 ? memchr(email.ptr + at, '.', email.len - at)
                               : NULL;
    if (email.len > OV_EMAIL_MAX || ats != 1 || at == 0 || !dot ||
        dot == email.ptr + at + 1 || email.ptr[email.len - 1] == '.')
        return ov_err_msg(err, OV_EINVAL, "email", user_email);
    return OV_OK;
}

ov_status ov_user_validate_password(ov_str password, ov_err *err)
{
    if (password.len < OV_PASSWORD_MIN || password.len > OV_PASSWORD_MAX)
        return ov_err_msg(err, OV_EINVAL, "password", user_password_length,
                          OV_PASSWORD_MIN, OV_PASSWORD_MAX);
    if (memchr(password.ptr, '\0', password.len))
        return ov_err_msg(err, OV_EINVAL, "password", user_password_length,
                          OV_PASSWORD_MIN, OV_PASSWORD_MAX);
    return OV_OK;
}

void ov_activation_code_new(char out[OV_ACTIVATION_CODE_BUF])
{
    int k = 0;
    for (int i = 0; i < OV_ACTIVATION_CODE_CHARS; i++) {
        if (i && i % 4 == 0)
            out[k++] = '-';
        /* rejection sampling: 256 is not a multiple of 30 */
        uint8_t b;
        do
            ov_random_bytes(&b, 1);
        while (b >= 240);
        out[k++] = ALPHABET[b % NALPHA];
    }
    out[k] = '\0';
}

bool ov_activation_code_canon(ov_str typed,
                              char out[OV_ACTIVATION_CODE_CHARS + 1])
{
    int k = 0;
    for (size_t i = 0; i < typed.len; i++) {
        char ch = typed.ptr[i];
        if (ch == '-' || ch == ' ')
            continue;
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        if (!memchr(ALPHABET, ch, NALPHA) || k == OV_ACTIVATION_CODE_CHARS)
            return false;
        out[k++] = ch;
    }
    out[k] = '\0';
    return k == OV_ACTIVATION_CODE_CHARS;
}

ov_status ov_admin_change_check(const ov_admin_change *c, ov_err *err)
{
    bool was_admin = c->active_before &&
                     c->role_before == OV_ROLE_ADMINISTRATOR;
    bool stays_admin = c->active_after &&
                       c->role_after == OV_ROLE_ADMINISTRATOR;
    if (!was_admin || stays_admin)
        return OV_OK;
    bool deactivation = !c->active_after;
    const char *field = deactivation ? "user_id" : "role";
    if (c->self == c->target)
        return deactivation
                   ? ov_err_msg(err, OV_EINVAL, field, user_self_deactivate)
                   : ov_err_msg(err, OV_EINVAL, field, user_self_demote);
    if (c->active_admins <= 1)
        return deactivation
                   ? ov_err_msg(err, OV_EINVAL, field,
                                user_last_admin_deactivate)
                   : ov_err_msg(err, OV_EINVAL, field, user_last_admin_demote);
    return OV_OK;
}
