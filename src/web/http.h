/*
 * http.h - the project's own request and response types.
 *
 * Handlers see only these, never libmicrohttpd, so they are tested without
 * sockets (tests/web) and the server glue (server.c) is the only file that
 * knows the HTTP library. Everything a request allocates lives in its arena.
 */
#ifndef OV_WEB_HTTP_H
#define OV_WEB_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "model/access.h"
#include "model/org.h"

#define OV_HTTP_MAX_HEADERS 32
#define OV_HTTP_BODY_MAX (1024 * 1024)   /* 1 MiB; imports may allow more */
#define OV_HTTP_IMPORT_MAX (16 * 1024 * 1024) /* screening imports */
/* Before authentication (public routes, no live session): the log-in
 * form needs a few hundred bytes. */
#define OV_HTTP_ANON_MAX (16 * 1024)
/* The request target and the whole header block; beyond them the server
 * answers 414 and 431 itself, with the security headers (libmicrohttpd
 * answers on its own only beyond its per-connection memory). */
#define OV_HTTP_URI_MAX (8 * 1024)
#define OV_HTTP_HEADER_BYTES_MAX (16 * 1024)

typedef enum ov_method {
    OV_GET = 0,
    OV_POST,
    OV_PUT,
    OV_DELETE,
    OV_METHOD_OTHER
} ov_method;

typedef struct ov_header {
    ov_str name;
    ov_str value;
} ov_header;

typedef struct ov_request {
    ov_arena *arena;
    ov_method method;
    ov_str path;        /* without the query string */
    ov_str query;       /* without a trailing "gemt=1" */
    bool saved;         /* the query ended in "gemt=1": the redirect after
                         * a saved form (web/ui.c), shown as "Gemt." */
    int nheaders;
    ov_header headers[OV_HTTP_MAX_HEADERS];
    ov_str body;
    char remote[64];    /* client address, for limits and logs */
    /* filled by routing and the access check */
    int nparams;
    ov_str params[4];   /* {id} segments of the route pattern */
    bool has_session;
    ov_str token;       /* the session cookie's value */
    char username[65];
    char full_name[OV_USER_NAME_MAX + 1];
    char csrf[65];      /* the session's CSRF token, for forms */
    ov_viewer viewer;
    int lang;           /* ov_lang: the user's language */
    /* The request's one transaction, opened by dispatch of the kind its
     * route declares, until a handler takes it (web/ui.h ov_ctx_take_tx);
     * what is left is rolled back when the handler returns. */
    struct ov_tx *tx;
    /* The actor that transaction audits under (dispatch names it); a
     * handler may name a narrower purpose before it reads anything. */
    struct ov_actor *actor;
} ov_request;

typedef struct ov_response {
    int status;
    const char *content_type;
    int nheaders;
    ov_header headers[OV_HTTP_MAX_HEADERS];
    ov_buf body;
    int lang;           /* ov_lang, for catalogue texts (%t) */
    /* The response shows what audited reads read: it may leave only when
     * this audit ticket is on disk (0: at once). See ov_web_handle. */
    uint64_t audit_ticket;
    /* Work the handler left to run off the worker thread (the log-in's
     * Argon2id check): the server suspends the connection, runs later on
     * one of its log-in threads, which completes the response, and sends
     * it then. Without the server, ov_web_handle runs it at once. */
    void (*later)(void *ctx);
    void *later_ctx;
} ov_response;

ov_method ov_method_parse(const char *m);
/* Case-insensitive header look-up; OV_STR_NULL when absent. */
ov_str ov_request_header(const ov_request *r, const char *name);

/* A response with the body capped at `max` bytes, in the arena. */
void ov_response_init(ov_response *res, ov_arena *a, size_t max);
/* Set a header (replacing one of the same name). A Location value is
 * percent-encoded where it is not printable ASCII (a path with æ, ø, å
 * as libmicrohttpd decoded it), so the header stays valid. */
void ov_response_header(ov_response *res, const char *name, const char *value);
/* Percent-encode s for a URL: every byte except A-Z a-z 0-9 - _ . ~ and
 * those in keep ("/" for a path as a query value). In the arena. */
char *ov_url_encode(ov_arena *a, ov_str s, const char *keep);
/* The headers every response carries (CSP without inline script, nosniff,
 * no referrer, no framing). */
void ov_response_security_headers(ov_response *res);
/* JSON body from text the caller built with the JSON encoder. */
void ov_response_json(ov_response *res, int status, ov_str json);
/* {"error": {"code": "...", "message": "..."}} with the status matching the
 * error code (400, 404, 409, 403, 413, 500). */
void ov_response_error(ov_response *res, const ov_err *err);
void ov_response_error_status(ov_response *res, int status, const char *code,
                              const char *message);
int ov_status_http(ov_status code);
/* A download (CSV export): the body as built, with a file name. */
void ov_response_download(ov_response *res, const char *content_type,
                          const char *filename, ov_str body);
/* A file built into the binary (CSS, script), cacheable. */
void ov_response_static(ov_response *res, const char *content_type,
                        ov_str body);

#endif
