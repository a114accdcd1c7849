/*
 * html.h - HTML into a response: core/html.h's escape-by-default writer
 * with the response's language for catalogue texts.
 *
 * Pages are written with ov_html_lit (string literals only: the macro
 * refuses anything else at compile time), ov_html_text / ov_html_attr
 * (escaped values) and ov_html_printf, whose only conversions are
 *   %h  an ov_str (or a C string), HTML-escaped (text and attribute values)
 *   %u  an ov_str (or a C string), percent-encoded (a URL query value)
 *   %d  an int, %D an int64_t, %%  a percent sign,
 *   %t  a catalogue key (const char *): its text in the response's
 *       language (web/msg.h), HTML-escaped.
 * There is no raw %s. Markup (an attribute such as inputmode="decimal",
 * even a conditional one) is written with ov_html_lit, never passed as a
 * value: a value is escaped, so its quotes would reach the browser as
 * &quot;. Arguments are typed at build time and checked again at run
 * time (core/html.h); a bad call writes nothing and marks the body failed,
 * and ov_web_handle answers such a page with 500 instead of sending it.
 * scripts/check-source fails the build when a file in src/web other than
 * http.c and html.c writes a response body directly, and checks every
 * ov_html_printf call's arguments against its format (rule 7).
 */
#ifndef OV_WEB_HTML_H
#define OV_WEB_HTML_H

#include <stdint.h>

#include "core/html.h"
#include "web/http.h"

/* Start an HTML response (status and content type). */
void ov_html_begin(ov_response *res, int status);

#define ov_html_lit(res, s) ov_html_raw_((res), "" s "")
void ov_html_raw_(ov_response *res, const char *literal);

void ov_html_text(ov_response *res, ov_str s);
void ov_html_attr(ov_response *res, ov_str s);
void ov_html_int(ov_response *res, int64_t v);

/* ov_html_printf(res, "literal format", args...): OV_EINVAL (nothing
 * written, the body marked failed) for an unknown conversion or an
 * argument that does not fit its conversion; OV_ETOOBIG past the cap. */
#define ov_html_printf(...) \
    OV_HTML_CALL_(ov_html_res_out_, OV_HTML_NARG_(__VA_ARGS__), __VA_ARGS__)
ov_html_out ov_html_res_out_(ov_response *res);

#endif
