/*
 * cmd_db.c - database commands: config, init, status, check, backup,
 * restore.
 */
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/crypto.h"
#include "core/fmt.h"
#include "core/path.h"
#include "store/audit.h"
#include "store/journal.h"
#include "store/store.h"

static ov_status open_store(cli_ctx *c, ov_open_mode mode, ov_store **s,
                            ov_err *err)
{
    ov_store_options o = {
        .db_path = ov_config_get(&c->cfg, OV_SET_DB),
        .key_path = ov_config_get(&c->cfg, OV_SET_KEY_FILE),
        .mode = mode,
        .readers = 2,
        .accept_audit_loss = cli_opt(c, "--accept-audit-loss") != NULL,
    };
    return ov_store_open(&o, s, err);
}

int cmd_config(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "config", NULL, 0, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    ov_config_print(&c.cfg, stdout);
    return 0;
}

static const cli_opt_def init_opts[] = {
    {"--accept-audit-loss", false, OV_SET_COUNT,
     "open although the read-audit journal lost acknowledged rows (the loss "
     "is audited)"},
};

int cmd_init(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "init", init_opts, 1, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    ov_store *s;
    if (open_store(&c, OV_OPEN_INIT, &s, &err) != OV_OK)
        return cli_fail(&err);
    printf("database: %s (schema version %d)\n",
           ov_config_get(&c.cfg, OV_SET_DB), ov_store_schema_version(s));
    if (ov_store_created_key(s))
        printf("key file: %s (new; mode 0600)\n"
               "  Back up the key file separately from the database: without "
               "it the CPR\n  numbers cannot be read.\n",
               ov_config_get(&c.cfg, OV_SET_KEY_FILE));
    else
        printf("key file: %s\n", ov_config_get(&c.cfg, OV_SET_KEY_FILE));
    if (ov_store_created_audit_key(s))
        printf("audit key: %s.audit-key (new; mode 0600)\n"
               "  It keys the audit log; back it up with the key file, "
               "never inside a\n  database backup. Anchors go to "
               "%s-anchors;\n  keep a copy of that file elsewhere.\n",
               ov_config_get(&c.cfg, OV_SET_DB),
               ov_config_get(&c.cfg, OV_SET_DB));
    ov_store_close(s);
    return 0;
}

int cmd_status(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "status", NULL, 0, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    ov_store *s;
    if (open_store(&c, OV_OPEN_READONLY, &s, &err) != OV_OK)
        return cli_fail(&err);
    int rc = 0;
    ov_store_stats stats;
    char n1[OV_FMT_BUF], n2[OV_FMT_BUF], n3[OV_FMT_BUF];
    printf("database:      %s\n", ov_config_get(&c.cfg, OV_SET_DB));
    printf("schema:        version %d of %d\n", ov_store_schema_version(s),
           ov_store_latest_schema_version());
    const ov_keys *k;
    ov_err kerr;
    ov_err_clear(&kerr);
    if (ov_store_keys(s, &k, &kerr) == OV_OK)
        printf("key file:      %s (ok)\n",
               ov_config_get(&c.cfg, OV_SET_KEY_FILE));
    else
        printf("key file:      unavailable: %s\n", kerr.msg);
    if (ov_store_stats_get(s, &stats, &err) != OV_OK) {
        rc = cli_fail(&err);
    } else {
        ov_fmt_int_dk(stats.citizens, n1);
        ov_fmt_int_dk(stats.audit_rows, n2);
        ov_fmt_int_dk(stats.file_bytes, n3);
        printf("citizens:      %s\n", n1);
        printf("audit rows:    %s\n", n2);
        printf("file size:     %s bytes\n", n3);
    }
    if (rc == 0 && ov_store_check(s, stdout, &err) != OV_OK)
        rc = cli_fail(&err);
    else if (rc == 0)
        printf("integrity:     ok\n");
    if (rc == 0) {
        ov_audit_report rep;
        if (ov_audit_verify(s, &rep, &err) != OV_OK) {
            rc = cli_fail(&err);
        } else {
            char head[2 * OV_HASH_BYTES + 1];
            ov_hex_encode(rep.head, OV_HASH_BYTES, head);
            printf("audit chain:   intact, head row %lld %s\n",
                   (long long)rep.last_id, head);
            if (rep.anchors)
                printf("audit anchors: %lld, newest row %lld at %s\n",
                       (long long)rep.anchors, (long long)rep.anchor_id,
                       rep.anchor_at);
            ov_fmt_int_dk(rep.journal_rows, n1);
            printf("audit journal: %s read rows waiting to be folded\n",
                   n1);
        }
    }
    ov_store_close(s);
    return rc;
}

/* Warn about each file holding personal data that others can read, or
 * its group when no file_group is configured (a database created under
 * umask 022 by an older overgang, a copied backup ...), with the command
 * that fixes it. With file_group, a file may be readable by that group
 * (0640), not by another; the keys never by a group. */
static void check_file_modes(const char *db, const char *key)
{
    char paths[10][4096];
    bool is_key[10] = {false};
    int n = 0;
    /* the database and its companions: the audit key and the anchors
     * say nothing of a person, but whoever reads the key can forge the
     * chain, and the anchors show the log's activity */
    static const char *const own[] = {"", "-wal", "-shm", ".audit-key",
                                      "-anchors"};
    for (int i = 0; i < 5; i++) {
        is_key[n] = i == 3;
        snprintf(paths[n++], sizeof paths[0], "%s%s", db, own[i]);
    }
    for (int i = 0; ov_journal_suffix(i); i++)
        snprintf(paths[n++], sizeof paths[0], "%s%s", db,
                 ov_journal_suffix(i));
    if (key) {
        is_key[n] = true;
        snprintf(paths[n++], sizeof paths[0], "%s", key);
    }
    gid_t gid;
    bool grouped = ov_file_group(&gid);
    const char *gname = ov_file_group_name();
    int open_files = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0)
            continue;
        unsigned mode = (unsigned)(st.st_mode & 07777);
        bool others = (mode & 0004) != 0, group = (mode & 0040) != 0;
        /* with file_group: the database's files for that group are
         * fine, a key for any group is not */
        bool group_ok = grouped && !is_key[i] && st.st_gid == gid;
        if (!others && (!group || group_ok))
            continue;
        open_files++;
        if (others || !grouped || is_key[i]) {
            printf("warning: '%s' holds personal data and is readable by "
                   "%s (mode %04o); fix: chmod %s '%s'\n",
                   paths[i], others ? "all users" : "its group", mode,
                   grouped && !is_key[i] ? "640" : "600", paths[i]);
            continue;
        }
        struct group *g = getgrgid(st.st_gid);
        printf("warning: '%s' holds personal data and is readable by group "
               "'%s', not file_group '%s' (mode %04o); fix: chgrp %s '%s'\n",
               paths[i], g ? g->gr_name : "?", gname, mode, gname, paths[i]);
    }
    printf("file modes: %s\n", open_files ? "see the warnings above" : "ok");
}

int cmd_check(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "check", NULL, 0, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    ov_store *s;
    if (open_store(&c, OV_OPEN_READONLY, &s, &err) != OV_OK)
        return cli_fail(&err);
    printf("schema version: %d\n", ov_store_schema_version(s));
    ov_status st = ov_store_check(s, stdout, &err);
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    printf("integrity: ok\n");
    check_file_modes(ov_config_get(&c.cfg, OV_SET_DB),
                     ov_config_get(&c.cfg, OV_SET_KEY_FILE));
    return 0;
}

static const cli_opt_def backup_opts[] = {
    {"--to", true, OV_SET_COUNT, "the new backup file"},
};

int cmd_backup(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "backup", backup_opts, 1, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    const char *to = cli_opt(&c, "--to");
    if (!to) {
        ov_err_set(&err, OV_EINVAL, "--to",
                   "backup: --to FILE is required (the new backup file)");
        return cli_fail(&err);
    }
    ov_store *s;
    if (open_store(&c, OV_OPEN_READONLY, &s, &err) != OV_OK)
        return cli_fail(&err);
    ov_status st = ov_store_backup(s, to, &err);
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    printf("backup: %s (integrity checked)\n"
           "The key file %s is not in the backup; keep its own copy.\n"
           "Nor is the audit key %s.audit-key; keep it with the key file.\n",
           to, ov_config_get(&c.cfg, OV_SET_KEY_FILE),
           ov_config_get(&c.cfg, OV_SET_DB));
    return 0;
}

static const cli_opt_def restore_opts[] = {
    {"--from", true, OV_SET_COUNT, "the backup file"},
};

int cmd_restore(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "restore", restore_opts, 1, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    const char *from = cli_opt(&c, "--from");
    if (!from) {
        ov_err_set(&err, OV_EINVAL, "--from",
                   "restore: --from FILE is required (a file made by "
                   "'overgang backup')");
        return cli_fail(&err);
    }
    const char *db = ov_config_get(&c.cfg, OV_SET_DB);
    if (ov_store_restore(from, db, &err) != OV_OK)
        return cli_fail(&err);
    printf("restored: %s from %s (integrity checked)\n"
           "Put the database's key file at %s to read CPR numbers,\n"
           "and its audit key at %s.audit-key to write or verify its audit "
           "log.\n",
           db, from, ov_config_get(&c.cfg, OV_SET_KEY_FILE), db);
    return 0;
}
