/*
 * server.h - `overgang serve`: the HTTP server on libmicrohttpd.
 *
 * server.c is the only file that includes microhttpd.h; it turns each HTTP
 * request into an ov_request with its own arena, calls ov_web_handle, and
 * sends the ov_response. Limits: total connections, connections per IP,
 * an idle timeout, the header memory per connection, the request target
 * (414) and header block (431), answered with the security headers, and
 * the body size, decided from the route and the session before the body
 * is read (ov_web_body_class: 16 KiB before authentication, body_max
 * after, 16 MiB for the candidate-list import; 413 beyond it). A request
 * whose answer does not depend on its body (no live session for a closed
 * route) is answered without reading it.
 */
#ifndef OV_WEB_SERVER_H
#define OV_WEB_SERVER_H

#include <signal.h>
#include <stddef.h>

#include "web/app.h"

/* Worker threads by default: one per processor, 2 to 32. A page view
 * never waits for the disk (its response is held, not its thread, while
 * the audit journal syncs). Each thread serves the connections it
 * accepted, so threads beyond the processors share them in time slices,
 * and every connection of a thread that waits for its slice waits with it:
 * the slowest responses grow with each extra thread (measured in
 * docs/performance.md). */
int ov_server_default_threads(void);

typedef struct ov_server_options {
    const char *listen;        /* "127.0.0.1:8080" */
    int threads;               /* worker threads; 0 = the default */
    int max_connections;       /* 0 = 256 */
    int max_per_ip;            /* 0 = 64 */
    int timeout_s;             /* idle timeout; 0 = 30 */
    size_t header_max;         /* memory per connection; 0 = 32 KiB */
    size_t body_max;           /* with a live session; 0 = 1 MiB */
} ov_server_options;

/* Parse "host:port" (IPv4 dotted quad, port 1-65535). */
ov_status ov_listen_parse(const char *s, char *host, size_t hostcap,
                          int *port, ov_err *err);

/* Serve until *stop becomes non-zero (a signal handler sets it), then stop
 * accepting, let requests in flight finish (up to 10 s) and return. */
ov_status ov_server_run(ov_web *app, const ov_server_options *o,
                        volatile sig_atomic_t *stop, ov_err *err);

#endif
