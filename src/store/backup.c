/*
 * backup.c - the integrity check, online backup and restore. A copy is
 * written to `FILE.partial` beside its target, integrity-checked, synced,
 * hard-linked into place (link() refuses an existing file, so nothing is
 * ever overwritten) and the folder synced: a failed backup or restore
 * leaves no file behind.
 *
 * Calls tx.c (a read snapshot, the journal fold) and anchor.c.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/store_int.h"

static const char SQL_INTEGRITY[] = "PRAGMA integrity_check";
static const char SQL_FK_CHECK[] = "PRAGMA foreign_key_check";

static ov_status check_conn(ov_conn *c, FILE *out, ov_err *err)
{
    ov_arena *a = ov_arena_new(0);
    int problems = 0;
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(c, SQL_INTEGRITY, &s, err);
    if (st == OV_OK) {
        ov_step r;
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
            ov_str line = ov_stmt_col_text(s, 0, a);
            if (!ov_str_eq_c(line, "ok")) {
                problems++;
                if (out)
                    fprintf(out, "integrity: %.*s\n", (int)line.len, line.ptr);
            }
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            st = err->code;
    }
    if (st == OV_OK)
        st = ov_stmt_prepare(c, SQL_FK_CHECK, &s, err);
    if (st == OV_OK) {
        ov_step r;
        while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
            problems++;
            if (out) {
                ov_str table = ov_stmt_col_text(s, 0, a);
                fprintf(out,
                        "foreign key: table %.*s row %lld refers to a "
                        "missing %.*s row\n",
                        (int)table.len, table.ptr,
                        (long long)ov_stmt_col_i64(s, 1),
                        (int)ov_stmt_col_text(s, 2, a).len,
                        ov_stmt_col_text(s, 2, a).ptr);
            }
        }
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            st = err->code;
    }
    ov_arena_destroy(a);
    if (st == OV_OK && problems)
        st = ov_err_set(err, OV_ECORRUPT, "--db",
                        "--db: '%s' failed the integrity check (%d problems); "
                        "restore from the latest backup",
                        ov_conn_path(c), problems);
    return st;
}

ov_status ov_store_check(ov_store *s, FILE *out, ov_err *err)
{
    ov_tx *tx;
    ov_status st = ov_tx_begin_read(s, &tx, err);
    if (st != OV_OK)
        return st;
    st = check_conn(tx->conn, out, err);
    ov_tx_rollback(tx);
    return st;
}

static ov_status sync_path(const char *path, ov_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        ov_status st = ov_err_set(err, OV_EIO, NULL, "cannot sync '%s': %s",
                                  path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return st;
    }
    close(fd);
    return OV_OK;
}

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else if (slash == path)
        snprintf(out, cap, "/");
    else
        snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

/* Copy `from` into a temporary file beside to_path, verify, sync, rename. */
static ov_status copy_verified(ov_conn *from, const char *to_path,
                               const char *field, ov_err *err)
{
    if (ov_file_exists(to_path))
        return ov_err_msg(err, OV_ECONFLICT, field, backup_target_exists,
                          field, to_path);
    char tmp[PATH_MAX];
    int n = snprintf(tmp, sizeof tmp, "%s.partial", to_path);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return ov_err_msg(err, OV_EINVAL, field, backup_path_too_long, field);
    unlink(tmp);
    ov_status st = ov_conn_backup_to(from, tmp, err);
    if (st == OV_OK) {
        ov_conn *c;
        st = ov_conn_open(tmp, false, true, &c, err);
        if (st == OV_OK) {
            st = check_conn(c, NULL, err);
            ov_conn_close(c);
        }
    }
    if (st == OV_OK)
        st = sync_path(tmp, err);
    /* link() refuses an existing target, so a file that appeared since the
     * check above is never replaced */
    if (st == OV_OK && link(tmp, to_path) != 0)
        st = ov_err_msg(err, errno == EEXIST ? OV_ECONFLICT : OV_EIO, field,
                        backup_cannot_create, field, to_path,
                        strerror(errno));
    if (st == OV_OK)
        unlink(tmp);
    if (st != OV_OK) {
        unlink(tmp);
        return st;
    }
    char dir[PATH_MAX];
    dir_of(to_path, dir, sizeof dir);
    return sync_path(dir, err);
}

ov_status ov_store_backup(ov_store *s, const char *to_path, ov_err *err)
{
    ov_tx *tx;
    ov_status st = ov_store_audit_sync(s, err);
    if (st == OV_OK)
        st = ov_tx_begin_read(s, &tx, err);
    if (st != OV_OK)
        return st;
    /* the copy is the snapshot of this read transaction; the writer goes on */
    st = copy_verified(tx->conn, to_path, "--to", err);
    ov_tx_rollback(tx);
    return st;
}

ov_status ov_store_restore(const char *backup_path, const char *db_path,
                           ov_err *err)
{
    if (!ov_file_exists(db_path) && (ov_journal_stale(db_path, "--db", err) ||
                                  ov_anchors_stale(db_path, err)))
        return err->code;
    if (!ov_file_exists(backup_path))
        return ov_err_set(err, OV_EIO, "--from",
                          "--from: '%s' does not exist; give a backup made "
                          "by 'overgang backup'",
                          backup_path);
    ov_conn *from;
    ov_status st = ov_conn_open(backup_path, false, true, &from, err);
    if (st != OV_OK) {
        ov_err_prefix(err, "--from");
        return st;
    }
    st = check_conn(from, NULL, err);
    int version = 0;
    if (st == OV_OK)
        st = ov_schema_version_read(from, &version, err);
    if (st == OV_OK && version == 0)
        st = ov_err_msg(err, OV_EINVAL, "--from",
                        backup_source_not_overgang, backup_path);
    if (st == OV_OK)
        st = copy_verified(from, db_path, "--db", err);
    ov_conn_close(from);
    if (st != OV_OK)
        return st;
    /* back to WAL for live use */
    ov_conn *c;
    st = ov_conn_open(db_path, false, false, &c, err);
    if (st == OV_OK)
        ov_conn_close(c);
    return st;
}
