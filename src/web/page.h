/*
 * page.h - the page layout and form rendering of the HTML interface.
 *
 * Pages are server-rendered and work without JavaScript. Everything goes
 * through web/html.h (escape by default) and every text through the
 * message catalogue (web/msg.h). A form is rendered from the same field
 * list that validates it (web/form.h), with the user's input kept and each
 * error next to its field.
 */
#ifndef OV_WEB_PAGE_H
#define OV_WEB_PAGE_H

#include "store/store.h"
#include "web/form.h"
#include "web/html.h"

/* The document head, the navigation for the caller's role and the start
 * of <main>. `title` is plain text (escaped here). */
void ov_page_begin(ov_response *res, const ov_request *req, int status,
                   ov_str title);
/* TO with NAME=1 added to its query (before any #fragment), in A: the
 * redirect after a save, "gemt=1", which the server takes off the query
 * again (req->saved). */
const char *ov_page_with_flag(ov_arena *a, const char *to, const char *name);
void ov_page_end(ov_response *res);

/* A complete page for an error: the catalogue text of msg_key and an
 * optional detail (escaped). */
void ov_page_error(ov_response *res, const ov_request *req, int status,
                   const char *msg_key, const char *detail);
/* 303 See Other to a path of this site. */
void ov_page_redirect(ov_response *res, const char *location);

/* <form method="post"> with the CSRF token. */
void ov_page_form_begin(ov_response *res, const ov_request *req,
                        ov_str action, bool multipart);
void ov_page_form_end(ov_response *res, const char *submit_key);
/* The box listing every error of the form (nothing when none). */
void ov_page_form_errors(ov_response *res, const ov_form *f);

/* One field: label, input with the kept value, error. `name` is the
 * concrete name (for "*" patterns) or NULL for the field's own; `label`
 * overrides the catalogue label when not NULL (plain text). */
void ov_page_field(ov_response *res, const ov_form *f, const ov_field *fd,
                   const char *name, const char *label);
/* Every field without "*" in its name, in order (JSON-only fields are
 * skipped). */
void ov_page_fields(ov_response *res, const ov_form *f);

/* Small pieces. */
void ov_page_date(ov_response *res, ov_date d);     /* 23-11-2026 */
void ov_page_hours(ov_response *res, int x10); /* 12,5 / 12.5 (res->lang) */
void ov_page_notice(ov_response *res, const char *cls, ov_str text);

/* Above a list its cap cut (the list convention, store/store.h): "Viser
 * de nyeste 500 af 1234" from `key`, whose "%1" is the rows shown and
 * "%2" all of them: "list.newest" for a list newest first, "list.first"
 * for one in another order (by name, by date). Nothing when the list is
 * whole. */
void ov_page_list_cut(ov_response *res, const ov_list_info *li,
                      const char *key);

#endif
