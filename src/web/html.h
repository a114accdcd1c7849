/*
 * html.h - the only way to write HTML: escape by default.
 *
 * Pages are written with ov_html_lit (string literals only: the macro
 * refuses anything else at compile time), ov_html_text / ov_html_attr
 * (escaped values) and ov_html_printf, whose only conversions are
 *   %h  an ov_str, HTML-escaped (text and attribute values)
 *   %u  an ov_str, percent-encoded (a URL query value)
 *   %d  an int, %D an int64_t, %%  a percent sign,
 *   %t  a catalogue key (const char *): its text in the response's
 *       language (web/msg.h), HTML-escaped.
 * There is no raw %s. scripts/check-source fails the build when a file in
 * src/web other than http.c and html.c writes a response body directly.
 */
#ifndef OV_WEB_HTML_H
#define OV_WEB_HTML_H

#include <stdint.h>

#include "web/http.h"

/* Start an HTML response (status and content type). */
void ov_html_begin(ov_response *res, int status);

#define ov_html_lit(res, s) ov_html_raw_((res), "" s "")
void ov_html_raw_(ov_response *res, const char *literal);

void ov_html_text(ov_response *res, ov_str s);
void ov_html_attr(ov_response *res, ov_str s);
void ov_html_int(ov_response *res, int64_t v);

/* OV_EINVAL (and nothing written) for an unknown conversion. */
ov_status ov_html_printf(ov_response *res, const char *fmt, ...);

/* Escape into a buffer (for tests and for other writers). */
ov_status ov_html_escape(ov_buf *b, ov_str s);

#endif
