#include "web/html.h"

#include "web/msg.h"

void ov_html_begin(ov_response *res, int status)
{
    res->status = status;
    res->content_type = "text/html; charset=utf-8";
    ov_buf_reset(&res->body);
}

void ov_html_raw_(ov_response *res, const char *literal)
{
    ov_buf_append_c(&res->body, literal);
}

void ov_html_text(ov_response *res, ov_str s)
{
    ov_html_escape(&res->body, s);
}

void ov_html_attr(ov_response *res, ov_str s)
{
    ov_html_escape(&res->body, s);
}

void ov_html_int(ov_response *res, int64_t v)
{
    ov_html_put_int(&res->body, v);
}

static const char *msg_of(int lang, const char *key)
{
    return ov_msg((ov_lang)lang, key);
}

/* The writer for a response: its body and its language for %t. */
ov_html_out ov_html_res_out_(ov_response *res)
{
    return (ov_html_out){&res->body, msg_of, res->lang};
}
