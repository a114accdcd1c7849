#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "web/throttle.h"

struct later_job;

typedef struct server {
    ov_web *app;
    size_t body_max;
    atomic_int held; /* responses suspended: audit rows, or later work */
    /* The log-in threads: they run responses' later work (the Argon2id
     * check) while the connection is suspended, so no worker waits. */
    pthread_mutex_t lock;
    pthread_cond_t work;
    struct later_job *head, *tail;
    bool stop;
    pthread_t threads[OV_THROTTLE_HASHES];
    int nthreads;
} server;

/* A suspended connection whose response has later work. */
typedef struct later_job {
    struct conn *k;
    struct later_job *next;
} later_job;

/* Per-connection state: the request's arena and its (capped) body. */
typedef struct conn {
    ov_arena *arena;
    ov_buf body;
    bool started;
    bool too_big;
    bool answered;  /* a response was queued before the body was read */
    size_t limit;   /* the body limit this request got (for the 413) */
    char *uri;      /* the request target as sent, query string included */
    /* a response held back until its audit rows are on disk */
    ov_request *req;
    ov_response *res;
    struct MHD_Connection *mhd;
    bool held;
    ov_status audit_st; /* set by on_durable before it resumes */
} conn;

/* libmicrohttpd hands the handler the path without its query string; the
 * URI logger sees the target as sent, so the per-connection state starts
 * here and keeps it. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    conn *k = ov_xcalloc(1, sizeof *k);
    k->arena = ov_arena_new(0);
    k->uri = ov_arena_strdup(k->arena, uri ? uri : "/");
    return k;
}

int ov_server_default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    long t = n > 0 ? n : 2;
    return (int)(t < 2 ? 2 : t > 32 ? 32 : t);
}

ov_status ov_listen_parse(const char *s, char *host, size_t hostcap,
                          int *port, ov_err *err)
{
    const char *colon = s ? strrchr(s, ':') : NULL;
    int64_t p = 0;
    if (!colon || colon == s ||
        ov_str_to_i64(ov_str_c(colon + 1), &p) != OV_OK || p < 1 ||
        p > 65535 || (size_t)(colon - s) >= hostcap)
        return ov_err_msg(err, OV_EINVAL, "--listen", server_listen_form);
    snprintf(host, hostcap, "%.*s", (int)(colon - s), s);
    struct in_addr a;
    if (inet_pton(AF_INET, host, &a) != 1)
        return ov_err_msg(err, OV_EINVAL, "--listen",
                          server_listen_ipv4, host);
    *port = (int)p;
    return OV_OK;
}

/* libmicrohttpd's own messages go to the debug log, so that a failed start
 * is reported once, by our error line. (The attribute says fmt is
 * libmicrohttpd's printf format; clang's -Wformat-nonliteral needs it.) */
__attribute__((format(printf, 2, 0)))
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    if (ov_log_get_level() < OV_LOG_DEBUG)
        return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    if (n && msg[n - 1] == '\n')
        msg[n - 1] = '\0';
    ov_log_debug("http: %s", msg);
}

static enum MHD_Result collect_header(void *cls, enum MHD_ValueKind kind,
                                      const char *key, const char *value)
{
    (void)kind;
    ov_request *r = cls;
    if (r->nheaders < OV_HTTP_MAX_HEADERS)
        r->headers[r->nheaders++] =
            (ov_header){ov_str_c(key), ov_str_c(value ? value : "")};
    return MHD_YES;
}

static enum MHD_Result add_header_bytes(void *cls, enum MHD_ValueKind kind,
                                        const char *key, const char *value)
{
    (void)kind;
    size_t *n = cls;
    *n += strlen(key) + (value ? strlen(value) : 0) + 4; /* ": ", CRLF */
    return MHD_YES;
}

static enum MHD_Result send_response(struct MHD_Connection *c,
                                     const ov_response *res)
{
    struct MHD_Response *m = MHD_create_response_from_buffer(
        res->body.len, res->body.data, MHD_RESPMEM_MUST_COPY);
    if (!m)
        return MHD_NO;
    MHD_add_response_header(m, "Content-Type", res->content_type);
    for (int i = 0; i < res->nheaders; i++) {
        char name[128], value[1024];
        snprintf(name, sizeof name, "%.*s", (int)res->headers[i].name.len,
                 res->headers[i].name.ptr);
        snprintf(value, sizeof value, "%.*s", (int)res->headers[i].value.len,
                 res->headers[i].value.ptr);
        MHD_add_response_header(m, name, value);
    }
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)res->status, m);
    MHD_destroy_response(m);
    return ok;
}

/* The audit rows of a held response are on disk (or failed): let
 * libmicrohttpd call on_request again, which sends it. Runs on the
 * journal's thread. */
static void on_durable(void *ctx, ov_status st)
{
    conn *k = ctx;
    k->audit_st = st;
    MHD_resume_connection(k->mhd);
}

/* The ov_request of a connection's request, from its headers (the body
 * comes later). In the arena: a held response outlives the call. */
static ov_request *build_request(conn *k, struct MHD_Connection *c,
                                 const char *url, const char *method)
{
    ov_request *req = OV_NEW(k->arena, ov_request);
    memset(req, 0, sizeof *req);
    req->arena = k->arena;
    req->method = ov_method_parse(method);
    /* the path as libmicrohttpd decoded it; the raw query string */
    req->path = ov_str_c(ov_arena_strdup(k->arena, url));
    const char *q = k->uri ? strchr(k->uri, '?') : NULL;
    req->query = q ? ov_str_c(q + 1) : (ov_str){"", 0};
    /* the flag the redirect after a save appends (web/ui.c) is taken off,
     * so no page's own query parser meets it */
    static const char FLAG[] = "gemt=1";
    size_t fl = sizeof FLAG - 1;
    if (req->query.len >= fl &&
        memcmp(req->query.ptr + req->query.len - fl, FLAG, fl) == 0 &&
        (req->query.len == fl || req->query.ptr[req->query.len - fl - 1] == '&')) {
        req->saved = true;
        req->query.len = req->query.len == fl ? 0 : req->query.len - fl - 1;
    }
    req->body = (ov_str){"", 0};
    MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, req);
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET,
                  &((const struct sockaddr_in *)(const void *)ci->client_addr)
                       ->sin_addr,
                  req->remote, sizeof req->remote);
    return req;
}

static ov_response *new_response(conn *k)
{
    ov_response *res = OV_NEW(k->arena, ov_response);
    ov_response_init(res, k->arena, 16 * 1024 * 1024);
    return res;
}

/* Run later work, one job at a time per thread, then release the
 * connection as the audit hold does (held for the audit rows first if the
 * work made any). */
static void *later_thread(void *arg)
{
    server *srv = arg;
    /* a password check yields the processor to other requests: a log-in
     * may take a little longer, a page view should not */
    if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 5) != 0)
        ov_log_debug("log-in thread keeps its priority: %s",
                     strerror(errno));
    for (;;) {
        pthread_mutex_lock(&srv->lock);
        while (!srv->head && !srv->stop)
            pthread_cond_wait(&srv->work, &srv->lock);
        later_job *j = srv->head;
        if (j) {
            srv->head = j->next;
            if (!srv->head)
                srv->tail = NULL;
        }
        pthread_mutex_unlock(&srv->lock);
        if (!j)
            return NULL; /* stopping, and nothing left */
        conn *k = j->k;
        void (*later)(void *) = k->res->later;
        k->res->later = NULL;
        later(k->res->later_ctx);
        uint64_t ticket = k->res->audit_ticket;
        if (ticket && !ov_store_audit_durable(srv->app->store, ticket))
            ov_store_audit_notify(srv->app->store, ticket, on_durable, k);
        else
            on_durable(k, OV_OK);
    }
}

static void later_start(server *srv)
{
    pthread_mutex_init(&srv->lock, NULL);
    pthread_cond_init(&srv->work, NULL);
    for (int i = 0; i < OV_THROTTLE_HASHES; i++)
        if (pthread_create(&srv->threads[srv->nthreads], NULL, later_thread,
                           srv) == 0)
            srv->nthreads++;
}

/* After the daemon stopped: every job has run (held reached 0). */
static void later_stop(server *srv)
{
    pthread_mutex_lock(&srv->lock);
    srv->stop = true;
    pthread_cond_broadcast(&srv->work);
    pthread_mutex_unlock(&srv->lock);
    for (int i = 0; i < srv->nthreads; i++)
        pthread_join(srv->threads[i], NULL);
    pthread_cond_destroy(&srv->work);
    pthread_mutex_destroy(&srv->lock);
}

/* Send res now, or hold it (the connection, not the thread): while its
 * later work runs on a log-in thread, and until its audit rows are on
 * disk. */
static enum MHD_Result respond(server *srv, conn *k, struct MHD_Connection *c,
                               ov_request *rq, ov_response *res)
{
    if (res->later) {
        k->req = rq;
        k->res = res;
        k->mhd = c;
        k->held = true;
        k->audit_st = OV_OK;
        atomic_fetch_add(&srv->held, 1);
        MHD_suspend_connection(c);
        later_job *j = OV_NEW(k->arena, later_job);
        j->k = k;
        j->next = NULL;
        pthread_mutex_lock(&srv->lock);
        if (srv->tail)
            srv->tail->next = j;
        else
            srv->head = j;
        srv->tail = j;
        pthread_cond_signal(&srv->work);
        pthread_mutex_unlock(&srv->lock);
        return MHD_YES;
    }
    if (res->audit_ticket &&
        !ov_store_audit_durable(srv->app->store, res->audit_ticket)) {
        k->req = rq;
        k->res = res;
        k->mhd = c;
        k->held = true;
        k->audit_st = OV_OK;
        atomic_fetch_add(&srv->held, 1);
        MHD_suspend_connection(c);
        ov_store_audit_notify(srv->app->store, res->audit_ticket, on_durable,
                              k);
        return MHD_YES;
    }
    return send_response(c, res);
}

/* An error the server answers itself (414, 431, 413), as JSON with the
 * security headers, like every other answer. */
static enum MHD_Result refuse(conn *k, struct MHD_Connection *c, int status,
                              const char *code, const char *message)
{
    ov_response *res = new_response(k);
    ov_response_security_headers(res);
    ov_response_error_status(res, status, code, message);
    k->answered = true;
    return send_response(c, res);
}

static size_t limit_of(const server *srv, ov_body_class cls)
{
    switch (cls) {
    case OV_BODY_IMPORT:
        return srv->body_max > OV_HTTP_IMPORT_MAX ? srv->body_max
                                                  : OV_HTTP_IMPORT_MAX;
    case OV_BODY_NORMAL: return srv->body_max;
    case OV_BODY_SMALL: break;
    }
    return OV_HTTP_ANON_MAX < srv->body_max ? OV_HTTP_ANON_MAX
                                            : srv->body_max;
}

static void too_large(conn *k, char *msg, size_t cap)
{
    snprintf(msg, cap,
             "the request body is larger than %zu bytes, the limit here "
             "(%d KiB before log-in, %d MiB after, candidate lists %d MiB "
             "for those who may import them); send less",
             k->limit, OV_HTTP_ANON_MAX / 1024,
             OV_HTTP_BODY_MAX / (1024 * 1024),
             OV_HTTP_IMPORT_MAX / (1024 * 1024));
}

/* The first call, with the headers only: check the target and header
 * sizes, then decide from the route and the session what body may be
 * buffered, before a byte of it is read. A request whose answer does not
 * depend on its body (no live session for a closed route, an unknown
 * route) is answered now; libmicrohttpd then closes the connection
 * without reading the body. */
static enum MHD_Result begin(server *srv, conn *k, struct MHD_Connection *c,
                             ov_request *rq)
{
    size_t uri_len = k->uri ? strlen(k->uri) : 0;
    if (uri_len > OV_HTTP_URI_MAX)
        return refuse(k, c, 414, "uri_too_long",
                      "the address is longer than 8 KiB; shorten it (send "
                      "large values in the body of a POST)");
    size_t header_bytes = uri_len;
    MHD_get_connection_values(c, MHD_HEADER_KIND, add_header_bytes,
                              &header_bytes);
    if (header_bytes > OV_HTTP_HEADER_BYTES_MAX)
        return refuse(k, c, 431, "headers_too_large",
                      "the request's headers are larger than 16 KiB; remove "
                      "cookies or headers this site does not use");
    ov_str cl = ov_request_header(rq, "Content-Length");
    ov_str te = ov_request_header(rq, "Transfer-Encoding");
    int64_t announced = 0;
    if (cl.ptr && ov_str_to_i64(cl, &announced) != OV_OK)
        announced = -1;
    bool has_body = te.ptr || announced != 0;
    bool now = false;
    ov_body_class cls =
        has_body ? ov_web_body_class(srv->app, rq, &now) : OV_BODY_SMALL;
    k->limit = limit_of(srv, cls);
    if (now) {
        ov_response *res = new_response(k);
        ov_web_handle(srv->app, rq, res);
        k->answered = true;
        return respond(srv, k, c, rq, res);
    }
    if (announced > 0 && (uint64_t)announced > k->limit) {
        char msg[300];
        too_large(k, msg, sizeof msg);
        return refuse(k, c, 413, "too_large", msg);
    }
    ov_buf_init(&k->body, k->arena, k->limit);
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    (void)version;
    server *srv = cls;
    conn *k = *con_cls;
    if (!k) {
        k = on_uri(NULL, url, c);
        *con_cls = k;
    }
    if (k->held) {
        /* resumed: the audit rows are on disk, or could not be written */
        k->held = false;
        atomic_fetch_sub(&srv->held, 1);
        if (k->audit_st != OV_OK) {
            ov_err e;
            ov_err_set(&e, k->audit_st, NULL,
                       "the access could not be recorded in the audit log, "
                       "so nothing is shown; try again");
            ov_web_audit_failed(k->req, k->res, &e);
        }
        return send_response(c, k->res);
    }
    if (!k->started) {
        k->started = true;
        k->req = build_request(k, c, url, method);
        return begin(srv, k, c, k->req);
    }
    if (k->answered) {
        /* answered before the body: drop whatever still arrives */
        *upload_size = 0;
        return MHD_YES;
    }
    if (*upload_size) {
        if (!k->too_big &&
            ov_buf_append(&k->body, upload, *upload_size) != OV_OK)
            k->too_big = true;
        *upload_size = 0;
        return MHD_YES;
    }
    ov_request *rq = k->req;
    rq->body = ov_buf_str(&k->body);
    ov_response *res = new_response(k);
    if (k->too_big) {
        char msg[300];
        too_large(k, msg, sizeof msg);
        ov_response_security_headers(res);
        ov_response_error_status(res, 413, "too_large", msg);
        return send_response(c, res);
    }
    ov_web_handle(srv->app, rq, res);
    return respond(srv, k, c, rq, res);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    server *srv = cls;
    (void)c;
    (void)toe;
    conn *k = *con_cls;
    if (k && k->held) {
        /* resumed, but the client had gone: the response is never sent */
        k->held = false;
        atomic_fetch_sub(&srv->held, 1);
    }
    if (k) {
        ov_arena_destroy(k->arena);
        free(k);
        *con_cls = NULL;
    }
}

ov_status ov_server_run(ov_web *app, const ov_server_options *o,
                        volatile sig_atomic_t *stop, ov_err *err)
{
    char host[64];
    int port;
    if (ov_listen_parse(o->listen, host, sizeof host, &port, err) != OV_OK)
        return err->code;
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    inet_pton(AF_INET, host, &addr.sin_addr);
    server srv;
    memset(&srv, 0, sizeof srv);
    srv.app = app;
    srv.body_max = o->body_max ? o->body_max : OV_HTTP_BODY_MAX;
    /* responses wait for their audit rows here, and password checks run
     * on the log-in threads, without blocking a worker thread */
    app->async_audit = true;
    app->async_later = true;
    later_start(&srv);
    if (srv.nthreads == 0) {
        app->async_later = false;
        return ov_err_set(err, OV_EIO, NULL,
                          "cannot start the log-in threads (%s)",
                          strerror(errno));
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
            MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG,
        (uint16_t)port, NULL, NULL, on_request, &srv,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE,
        (unsigned int)(o->threads > 0 ? o->threads : ov_server_default_threads()),
        MHD_OPTION_CONNECTION_LIMIT,
        (unsigned int)(o->max_connections > 0 ? o->max_connections : 256),
        MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        (unsigned int)(o->max_per_ip > 0 ? o->max_per_ip : 64),
        MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned int)(o->timeout_s > 0 ? o->timeout_s : 30),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)(o->header_max ? o->header_max : 32 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, MHD_OPTION_END);
    if (!d) {
        int e = errno;
        later_stop(&srv);
        app->async_later = false;
        errno = e;
    }
    if (!d)
        return ov_err_set(err, OV_EIO, "--listen",
                          "--listen: cannot listen on %s (%s); is another "
                          "program using the port?",
                          o->listen, strerror(errno));
    ov_log_info("serving on http://%s:%d", host, port);
    while (!*stop) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    /* graceful: stop accepting, let requests in flight finish. A held
     * response must be sent before the daemon stops (libmicrohttpd must
     * not be stopped with a suspended connection); the journal releases
     * each one when it syncs, or at once when it has failed. */
    MHD_quiesce_daemon(d);
    for (int i = 0; atomic_load(&srv.held) > 0; i++) {
        if (i == 600)
            ov_log_warn("still waiting for %d responses held for their "
                        "audit rows", atomic_load(&srv.held));
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    for (int i = 0; i < 100; i++) {
        const union MHD_DaemonInfo *di =
            MHD_get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!di || di->num_connections == 0)
            break;
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(d);
    later_stop(&srv);
    app->async_later = false;
    ov_log_info("stopped");
    return OV_OK;
}
