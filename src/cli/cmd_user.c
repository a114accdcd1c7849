/*
 * cmd_user.c - `overgang user add|list|deactivate|reset` and `overgang
 * municipality add`: the first administrator of a new installation (init
 * gives an empty database no one can log in to), and the way back in
 * when every administrator of a municipality is locked out.
 *
 * The same store functions as the administrator's pages (store/org.h), in
 * one write each, audited as the operator ("cli:<unix user>"). `add` and
 * `reset` print the one-time activation code once; the user sets their
 * own password with it at /aktiver. No password ever passes the command
 * line (it would stay in the shell history and the process list).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/org.h"

static const cli_opt_def user_opts[] = {
    {"--municipality", true, OV_SET_COUNT, "kommunekode, e.g. 250"},
    {"--username", true, OV_SET_COUNT, "log-in name, e.g. anna.j"},
    {"--full-name", true, OV_SET_COUNT, "the person's name"},
    {"--role", true, OV_SET_COUNT,
     "administrator, leader, employment_caseworker, social_caseworker, "
     "cti_worker or company_consultant"},
    {"--teams", true, OV_SET_COUNT, "team ids, comma-separated"},
    {"--phone", true, OV_SET_COUNT, "phone number"},
    {"--email", true, OV_SET_COUNT, "e-mail address"},
};
#define NUSER_OPTS ((int)(sizeof user_opts / sizeof user_opts[0]))

static const cli_opt_def muni_opts[] = {
    {"--code", true, OV_SET_COUNT, "kommunekode, 101-860"},
    {"--name", true, OV_SET_COUNT, "the municipality's name"},
};

static ov_status open_store(cli_ctx *c, ov_store **s, ov_err *err)
{
    ov_store_options o = {.db_path = ov_config_get(&c->cfg, OV_SET_DB),
                          .key_path = ov_config_get(&c->cfg, OV_SET_KEY_FILE),
                          .mode = OV_OPEN_MIGRATE};
    return ov_store_open(&o, s, err);
}

static ov_status need(const char *v, const char *opt, const char *usage,
                      ov_err *err)
{
    if (v && *v)
        return OV_OK;
    return ov_err_set(err, OV_EINVAL, opt, "%s: give %s", usage, opt);
}

static ov_status muni_of(cli_ctx *c, int *out, ov_err *err)
{
    int64_t m = 0;
    const char *v = cli_opt(c, "--municipality");
    if (!v || ov_str_to_i64(ov_str_c(v), &m) != OV_OK || m < 101 || m > 860)
        return ov_err_set(err, OV_EINVAL, "--municipality",
                          "--municipality: give the kommunekode, e.g. 250");
    *out = (int)m;
    return OV_OK;
}

static void print_code(const char *username, const char *code)
{
    printf("activation code for %s: %s\n"
           "valid for %d hours, once; give it to the user in person or by "
           "phone. The user opens /aktiver on the server, enters the user "
           "name, this code and a new password, and can then log in. The "
           "code is not stored and cannot be shown again (overgang user "
           "reset issues a new one).\n",
           username, code, OV_ACTIVATION_HOURS);
}

static int user_add(cli_ctx *c, ov_store *s, ov_err *err)
{
    const char *u = cli_opt(c, "--username"), *fn = cli_opt(c, "--full-name"),
               *role = cli_opt(c, "--role");
    int muni;
    if (muni_of(c, &muni, err) != OV_OK ||
        need(u, "--username", "user add", err) != OV_OK ||
        need(fn, "--full-name", "user add", err) != OV_OK ||
        need(role, "--role", "user add", err) != OV_OK)
        return cli_fail(err);
    ov_user_admin_input in;
    memset(&in, 0, sizeof in);
    in.username = ov_str_c(u);
    in.full_name = ov_str_c(fn);
    in.phone = ov_str_c(cli_opt(c, "--phone") ? cli_opt(c, "--phone") : "");
    in.email = ov_str_c(cli_opt(c, "--email") ? cli_opt(c, "--email") : "");
    if (ov_role_parse(ov_str_c(role), "--role", &in.role, err) != OV_OK)
        return cli_fail(err);
    ov_str teams = ov_str_c(cli_opt(c, "--teams") ? cli_opt(c, "--teams")
                                                  : "");
    while (teams.len) {
        ov_str one;
        int64_t id;
        teams = ov_str_cut(teams, ',', &one);
        one = ov_str_trim(one);
        if (!one.len)
            continue;
        if (ov_str_to_i64(one, &id) != OV_OK || in.nteams == OV_USER_TEAMS_MAX) {
            ov_err_set(err, OV_EINVAL, "--teams",
                       "--teams: team ids separated by commas, e.g. 1,2");
            return cli_fail(err);
        }
        in.team_ids[in.nteams++] = id;
    }
    ov_tx *tx;
    int64_t id = 0;
    char code[OV_ACTIVATION_CODE_BUF];
    ov_status st = ov_tx_begin(s, cli_actor(c, "brugeradministration"), &tx,
                               err);
    if (st == OV_OK) {
        st = ov_user_admin_create(tx, muni, &in, ov_time_now(), &id, code,
                                  err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, err);
        else
            ov_tx_rollback(tx);
    }
    if (st != OV_OK)
        return cli_fail(err);
    printf("user %lld: %s (%s, %s) in municipality %d\n", (long long)id, u,
           fn, ov_role_code(in.role), muni);
    print_code(u, code);
    return 0;
}

static int user_list(cli_ctx *c, ov_store *s, ov_err *err)
{
    int muni;
    if (muni_of(c, &muni, err) != OV_OK)
        return cli_fail(err);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_user_row *rows = NULL;
    ov_list_info li = {0, 0, false};
    ov_status st = ov_tx_begin_read(s, &tx, err);
    if (st == OV_OK) {
        st = ov_user_list(tx, muni, ov_time_now(), a, &rows, &li, err);
        ov_tx_rollback(tx);
    }
    if (st != OV_OK) {
        ov_arena_destroy(a);
        return cli_fail(err);
    }
    printf("id\tusername\tfull_name\trole\tteams\tstate\n");
    for (int i = 0; i < li.n; i++) {
        const ov_user_row *r = &rows[i];
        const char *state = !r->active                   ? "deactivated"
                            : r->code == OV_CODE_EXPIRED ? "code expired"
                            : r->code == OV_CODE_PENDING ? "code issued"
                            : r->has_password            ? "active"
                                                         : "no password";
        printf("%lld\t%.*s\t%.*s\t%s\t%.*s\t%s\n", (long long)r->id,
               (int)r->username.len, r->username.ptr, (int)r->full_name.len,
               r->full_name.ptr, ov_role_code(r->role), (int)r->teams.len,
               r->teams.ptr ? r->teams.ptr : "", state);
    }
    if (li.truncated)
        printf("(the first %d of %d)\n", li.n, li.total);
    ov_arena_destroy(a);
    return 0;
}

/* deactivate or reset the user --username */
static int user_change(cli_ctx *c, ov_store *s, bool reset, ov_err *err)
{
    const char *u = cli_opt(c, "--username");
    if (need(u, "--username", reset ? "user reset" : "user deactivate",
             err) != OV_OK)
        return cli_fail(err);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_user user;
    char code[OV_ACTIVATION_CODE_BUF];
    ov_status st = ov_tx_begin(s, cli_actor(c, "brugeradministration"), &tx,
                               err);
    if (st == OV_OK) {
        st = ov_org_user_by_username(tx, ov_str_c(u), a, &user, err);
        if (st == OV_OK)
            st = reset ? ov_user_issue_code(tx, user.municipality_code,
                                            user.id, ov_time_now(), code, err)
                       : ov_user_deactivate(tx, user.municipality_code,
                                            user.id, 0, err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, err);
        else
            ov_tx_rollback(tx);
    }
    ov_arena_destroy(a);
    if (st != OV_OK)
        return cli_fail(err);
    if (reset)
        print_code(u, code);
    else
        printf("user %s deactivated; their sessions have ended\n", u);
    return 0;
}

int cmd_user(int argc, char **argv)
{
    ov_err err;
    ov_err_clear(&err);
    const char *sub = argc > 0 ? argv[0] : "";
    static const char *const subs[] = {"add", "list", "deactivate", "reset"};
    int which = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(sub, subs[i]) == 0)
            which = i;
    if (which < 0) {
        ov_err_set(&err, OV_EINVAL, NULL,
                   "user: give add, list, deactivate or reset (overgang "
                   "help user)");
        return cli_fail(&err);
    }
    char name[32];
    snprintf(name, sizeof name, "user %s", sub);
    cli_ctx c;
    if (cli_parse(&c, name, user_opts, NUSER_OPTS, argc - 1, argv + 1,
                  &err) != OV_OK)
        return cli_fail(&err);
    ov_store *s;
    if (open_store(&c, &s, &err) != OV_OK)
        return cli_fail(&err);
    int rc = which == 0   ? user_add(&c, s, &err)
             : which == 1 ? user_list(&c, s, &err)
                          : user_change(&c, s, which == 3, &err);
    ov_store_close(s);
    return rc;
}

int cmd_municipality(int argc, char **argv)
{
    ov_err err;
    ov_err_clear(&err);
    if (argc < 1 || strcmp(argv[0], "add") != 0) {
        ov_err_set(&err, OV_EINVAL, NULL,
                   "municipality: give add --code CODE --name NAME");
        return cli_fail(&err);
    }
    cli_ctx c;
    if (cli_parse(&c, "municipality add", muni_opts, 2, argc - 1, argv + 1,
                  &err) != OV_OK)
        return cli_fail(&err);
    const char *code_s = cli_opt(&c, "--code"), *name = cli_opt(&c, "--name");
    int64_t code = 0;
    if (need(name, "--name", "municipality add", &err) != OV_OK)
        return cli_fail(&err);
    if (!code_s || ov_str_to_i64(ov_str_c(code_s), &code) != OV_OK) {
        ov_err_set(&err, OV_EINVAL, "--code",
                   "--code: give the kommunekode, e.g. 250");
        return cli_fail(&err);
    }
    ov_store *s;
    if (open_store(&c, &s, &err) != OV_OK)
        return cli_fail(&err);
    ov_tx *tx;
    ov_status st = ov_tx_begin(s, cli_actor(&c, "brugeradministration"), &tx,
                               &err);
    if (st == OV_OK) {
        st = ov_org_municipality_create(tx, (int)code, ov_str_c(name), &err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, &err);
        else
            ov_tx_rollback(tx);
    }
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    printf("municipality %lld: %s\n", (long long)code, name);
    return 0;
}
