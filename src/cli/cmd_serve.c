/*
 * cmd_serve.c - `overgang serve`: run the web application until SIGTERM or
 * SIGINT, then finish requests in flight and close the database cleanly.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>

#include "cli/cli.h"
#include "web/server.h"

/* An audit anchor to syslog (setting audit_syslog): a copy of the
 * newest anchor outside the database's folder; with the syslog daemon
 * forwarding authpriv to a log host, outside the machine. `audit verify
 * --anchors FILE` checks against such a copy (the lines after
 * "audit-anchor " are the anchor file's lines). */
static void anchor_to_syslog(const char *line, void *ctx)
{
    (void)ctx;
    syslog(LOG_NOTICE, "audit-anchor %s", line);
}

static volatile sig_atomic_t g_stop;

static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static const cli_opt_def serve_opts[] = {
    {"--listen", true, OV_SET_COUNT, "HOST:PORT (default 127.0.0.1:8080)"},
    {"--threads", true, OV_SET_COUNT,
     "N worker threads, 1-64 (default: one per processor, at least 2)"},
    {"--accept-audit-loss", false, OV_SET_COUNT,
     "start although the read-audit journal lost acknowledged rows (the "
     "loss is audited)"},
};

int cmd_serve(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "serve", serve_opts, 3, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    const char *threads_arg = cli_opt(&c, "--threads");
    uint64_t threads = (uint64_t)ov_server_default_threads();
    if (threads_arg && (!cli_parse_count(threads_arg, 64, &threads) ||
                        threads < 1)) {
        ov_err_set(&err, OV_EINVAL, "--threads",
                   "--threads: give a whole number from 1 to 64 (got '%s')",
                   threads_arg);
        return cli_fail(&err);
    }
    const char *listen = cli_opt(&c, "--listen");
    ov_server_options so = {.listen = listen ? listen : "127.0.0.1:8080",
                            .threads = (int)threads};
    char host[64];
    int port;
    if (ov_listen_parse(so.listen, host, sizeof host, &port, &err) != OV_OK)
        return cli_fail(&err);
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .key_path = ov_config_get(&c.cfg, OV_SET_KEY_FILE),
                          .mode = OV_OPEN_MIGRATE,
                          .accept_audit_loss =
                              cli_opt(&c, "--accept-audit-loss") != NULL,
                          /* a reader connection per worker thread,
                           * so no request waits for one */
                          .readers = (int)threads};
    if (strcmp(ov_config_get(&c.cfg, OV_SET_AUDIT_SYSLOG), "yes") == 0) {
        openlog("overgang", LOG_PID | LOG_NDELAY, LOG_AUTHPRIV);
        o.anchor_copy = anchor_to_syslog;
    }
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK)
        return cli_fail(&err);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    ov_web app = {
        .store = s,
        .cookie_secure =
            strcmp(ov_config_get(&c.cfg, OV_SET_COOKIE_SECURE), "yes") == 0,
        .idle_minutes = (int)ov_config_get_int(&c.cfg, OV_SET_SESSION_IDLE),
        .suppress_k = (int)ov_config_get_int(&c.cfg, OV_SET_SUPPRESS_K),
        .a11y_contact = ov_config_get(&c.cfg, OV_SET_A11Y_CONTACT),
        .absolute_hours =
            (int)ov_config_get_int(&c.cfg, OV_SET_SESSION_ABSOLUTE)};
    ov_status st = ov_server_run(&app, &so, &g_stop, &err);
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    return 0;
}
