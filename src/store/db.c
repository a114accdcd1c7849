/*
 * db.c - SQLite behind the store's internal db.h. The only file in the
 * project that calls sqlite3_*.
 */
#include "store/db.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "core/path.h"

#define STMT_CACHE 96
/* Up to 4 GiB of the database file mapped into memory (address space, not
 * memory: only the pages read are resident, and they are the OS's page
 * cache). */
#define OV_DB_MMAP_BYTES "4294967296"

struct ov_stmt {
    sqlite3_stmt *st;
    const char *sql; /* the literal: cache key */
    ov_conn *conn;
};

struct ov_conn {
    sqlite3 *db;
    char *path;
    int ncache;
    ov_stmt cache[STMT_CACHE];
};

static ov_status db_error(ov_conn *c, int rc, const char *what, ov_err *err)
{
    const char *msg = c && c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
    int prim = rc & 0xff;
    if (prim == SQLITE_CONSTRAINT)
        return ov_err_msg(err, OV_ECONFLICT, NULL, db_constraint, what, msg);
    if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "%s: the database file is damaged or not an "
                          "overgang database (%s); restore from backup",
                          what, msg);
    if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
        return ov_err_set(err, OV_EIO, NULL,
                          "%s: the database is busy (%s); is another overgang "
                          "process writing to it?",
                          what, msg);
    if (prim == SQLITE_READONLY)
        return ov_err_set(err, OV_EIO, NULL,
                          "%s: the database is read-only (%s); check file "
                          "permissions", what, msg);
    if (prim == SQLITE_FULL)
        return ov_err_set(err, OV_EIO, NULL, "%s: disk full (%s)", what, msg);
    return ov_err_set(err, OV_EIO, NULL, "%s: %s", what, msg);
}

/* The savepoint and statement journal stays in memory up to
 * OV_DB_STMT_JOURNAL_MEMORY, in one block, before it moves to a temporary
 * file. A write transaction is a savepoint in the batch, whose journal
 * keeps each page it changes that existed before; a statement that
 * inserts several rows into a table whose CHECK calls a function
 * (`length(hash) = 32`), or with a foreign key, journals the pages it
 * changes too. Past SQLite's 64 KiB the journal went to a file, one
 * system call per page (170,000 for a 100,000-line import). Wholly in
 * memory (temp_store=MEMORY) it is kept in 1 KiB pieces that every
 * statement's end walks from the first: a second import of the same
 * 100,000 lines took 94 s. */
#define OV_DB_STMT_JOURNAL_MEMORY (32 * 1024 * 1024)

/* Past OV_DB_STMT_JOURNAL_MEMORY the journal moves to a temporary file:
 * SQLite (3.40) writes its one in-memory block to the file in a single
 * write call, and the unix VFS writes at most 128 KiB per call (it masks
 * the length to 17 bits), so the move answered "database or disk is
 * full" for any block over 128 KiB: a statement that journals more than
 * 32 MiB failed (migration 12 on a database with 900,000 audit rows did).
 * The default VFS is therefore the unix VFS with one change: a
 * statement journal's file takes writes of any length, in pieces of
 * JOURNAL_WRITE_PIECE. Every other file is the unix VFS's own. */
#define JOURNAL_WRITE_PIECE (64 * 1024)

typedef struct {
    sqlite3_file base;  /* pMethods: journal_methods */
    sqlite3_file *real; /* the unix VFS's file, just after this struct */
} journal_file;

static sqlite3_vfs *unix_vfs;
static sqlite3_vfs split_vfs;

static int journal_close(sqlite3_file *f)
{
    journal_file *j = (journal_file *)f;
    int rc = j->real->pMethods ? j->real->pMethods->xClose(j->real)
                               : SQLITE_OK;
    j->real->pMethods = NULL;
    return rc;
}

static int journal_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xRead(j->real, buf, n, off);
}

static int journal_write(sqlite3_file *f, const void *buf, int n,
                         sqlite3_int64 off)
{
    journal_file *j = (journal_file *)f;
    const unsigned char *p = buf;
    while (n > 0) {
        int piece = n < JOURNAL_WRITE_PIECE ? n : JOURNAL_WRITE_PIECE;
        int rc = j->real->pMethods->xWrite(j->real, p, piece, off);
        if (rc != SQLITE_OK)
            return rc;
        p += piece;
        off += piece;
        n -= piece;
    }
    return SQLITE_OK;
}

static int journal_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xTruncate(j->real, size);
}

static int journal_sync(sqlite3_file *f, int flags)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xSync(j->real, flags);
}

static int journal_size(sqlite3_file *f, sqlite3_int64 *size)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xFileSize(j->real, size);
}

static int journal_lock(sqlite3_file *f, int level)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xLock(j->real, level);
}

static int journal_unlock(sqlite3_file *f, int level)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xUnlock(j->real, level);
}

static int journal_reserved(sqlite3_file *f, int *out)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xCheckReservedLock(j->real, out);
}

static int journal_control(sqlite3_file *f, int op, void *arg)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xFileControl(j->real, op, arg);
}

static int journal_sector(sqlite3_file *f)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xSectorSize(j->real);
}

static int journal_device(sqlite3_file *f)
{
    journal_file *j = (journal_file *)f;
    return j->real->pMethods->xDeviceCharacteristics(j->real);
}

static const sqlite3_io_methods journal_methods = {
    .iVersion = 1,
    .xClose = journal_close,
    .xRead = journal_read,
    .xWrite = journal_write,
    .xTruncate = journal_truncate,
    .xSync = journal_sync,
    .xFileSize = journal_size,
    .xLock = journal_lock,
    .xUnlock = journal_unlock,
    .xCheckReservedLock = journal_reserved,
    .xFileControl = journal_control,
    .xSectorSize = journal_sector,
    .xDeviceCharacteristics = journal_device,
};

static int split_open(sqlite3_vfs *vfs, sqlite3_filename name,
                      sqlite3_file *f, int flags, int *out_flags)
{
    (void)vfs;
    if (!(flags & SQLITE_OPEN_SUBJOURNAL))
        return unix_vfs->xOpen(unix_vfs, name, f, flags, out_flags);
    journal_file *j = (journal_file *)f;
    j->real = (sqlite3_file *)(j + 1);
    j->real->pMethods = NULL;
    int rc = unix_vfs->xOpen(unix_vfs, name, j->real, flags, out_flags);
    /* SQLite calls xClose even after a failed open when pMethods is set */
    j->base.pMethods = j->real->pMethods ? &journal_methods : NULL;
    return rc;
}

/* Process-wide SQLite settings, before the first connection: no memory
 * statistics, whose global mutex every allocation of every connection
 * would otherwise take (threads serving requests queue on it); the
 * statement journal's size in memory; the VFS above as the default. */
static void configure_sqlite(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, OV_DB_STMT_JOURNAL_MEMORY);
    if (sqlite3_initialize() != SQLITE_OK)
        return;
    unix_vfs = sqlite3_vfs_find(NULL);
    if (!unix_vfs)
        return;
    split_vfs = *unix_vfs;
    split_vfs.zName = "overgang-unix";
    split_vfs.szOsFile = (int)sizeof(journal_file) + unix_vfs->szOsFile;
    split_vfs.xOpen = split_open;
    sqlite3_vfs_register(&split_vfs, 1);
}

/* A database file about to be created is made first, empty and owner-only
 * (OV_PRIVATE_MODE whatever the umask): SQLite then opens it as a new
 * database and gives its -wal, -shm and journal files the same mode.
 * Errors are left for SQLite's open to report. */
static void create_private(const char *path, bool exclusive)
{
    int fd = ov_private_open(path, exclusive);
    if (fd >= 0)
        close(fd);
}

ov_status ov_conn_open(const char *path, bool create, bool readonly,
                       ov_conn **out, ov_err *err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, configure_sqlite);
    struct stat sb;
    if (create && !readonly && stat(path, &sb) != 0 && errno == ENOENT)
        create_private(path, true);
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
    flags |= readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readonly)
        flags |= SQLITE_OPEN_CREATE;
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        int xerr = db ? sqlite3_system_errno(db) : 0;
        sqlite3_close(db);
        if (rc == SQLITE_CANTOPEN && !create)
            return ov_err_set(err, OV_EIO, "--db",
                              "--db: cannot open '%s': %s; create it with "
                              "'overgang init --db %s'",
                              path, xerr ? strerror(xerr) : "no such file",
                              path);
        return ov_err_set(err, OV_EIO, "--db", "--db: cannot open '%s': %s",
                          path, xerr ? strerror(xerr) : sqlite3_errstr(rc));
    }
    ov_conn *c = ov_xcalloc(1, sizeof *c);
    c->db = db;
    c->path = strdup(path);
    if (!c->path)
        c->path = ov_xcalloc(1, 1);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    /* WAL lets readers run beside the single writer; FULL syncs the WAL on
     * every commit so a committed transaction survives power loss. */
    ov_status st;
    /* Reads map the database file instead of copying pages through
     * read(2) into each connection's own cache; the file's pages are then
     * shared by all connections through the OS page cache. The writer
     * keeps up to 64 MiB of changed pages: a large transaction (a
     * 100,000-line screening import) then writes its pages to the WAL
     * once at commit instead of spilling them midway (2 MiB by default). */
    if (readonly)
        st = ov_conn_exec(c,
                          "PRAGMA foreign_keys=ON; PRAGMA query_only=ON; "
                          "PRAGMA mmap_size=" OV_DB_MMAP_BYTES ";",
                          err);
    else
        st = ov_conn_exec(c,
                          "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                          "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF; PRAGMA cache_size=-65536; "
                          "PRAGMA mmap_size=" OV_DB_MMAP_BYTES ";",
                          err);
    if (st != OV_OK) {
        ov_err_prefix(err, "--db: '%s'", path);
        ov_conn_close(c);
        return st;
    }
    /* SQLite made -wal and -shm with the database's mode but in this
     * process's group; give them the database's (file_group). A reader
     * (a backup account in the group) may not own them: it only warns */
    if (ov_file_group(NULL)) {
        static const char *const side[] = {"-wal", "-shm"};
        for (int i = 0; i < 2; i++) {
            char p[4096];
            if ((size_t)snprintf(p, sizeof p, "%s%s", path, side[i]) <
                    sizeof p &&
                ov_path_same_group(p, path) != 0)
                ov_log_warn("cannot give '%s' the group of the database: %s",
                            p, strerror(errno));
        }
    }
    *out = c;
    return OV_OK;
}

void ov_conn_close(ov_conn *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->ncache; i++)
        sqlite3_finalize(c->cache[i].st);
    sqlite3_close(c->db);
    free(c->path);
    free(c);
}

const char *ov_conn_path(const ov_conn *c) { return c->path; }

ov_status ov_conn_exec(ov_conn *c, const char *sql, ov_err *err)
{
    char *msg = NULL;
    int rc = sqlite3_exec(c->db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        ov_status st = db_error(c, rc, "database", err);
        sqlite3_free(msg);
        return st;
    }
    return OV_OK;
}

ov_status ov_stmt_prepare(ov_conn *c, const char *sql, ov_stmt **out,
                          ov_err *err)
{
    /* the key is the literal: its address first, the text only if the
     * same query comes from another literal */
    for (int i = 0; i < c->ncache; i++) {
        if (c->cache[i].sql == sql) {
            *out = &c->cache[i];
            return OV_OK;
        }
    }
    for (int i = 0; i < c->ncache; i++) {
        if (strcmp(c->cache[i].sql, sql) == 0) {
            *out = &c->cache[i];
            return OV_OK;
        }
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return db_error(c, rc, "preparing a query", err);
    if (c->ncache == STMT_CACHE) {
        /* evict the oldest; statements are released after each use */
        sqlite3_finalize(c->cache[0].st);
        memmove(&c->cache[0], &c->cache[1],
                sizeof c->cache[0] * (STMT_CACHE - 1));
        c->ncache--;
    }
    ov_stmt *s = &c->cache[c->ncache++];
    s->st = st;
    s->sql = sql;
    s->conn = c;
    *out = s;
    return OV_OK;
}

void ov_stmt_bind_i64(ov_stmt *s, int idx, int64_t v)
{
    sqlite3_bind_int64(s->st, idx, v);
}

void ov_stmt_bind_null(ov_stmt *s, int idx) { sqlite3_bind_null(s->st, idx); }

void ov_stmt_bind_double(ov_stmt *s, int idx, double v)
{
    sqlite3_bind_double(s->st, idx, v);
}

void ov_stmt_bind_text(ov_stmt *s, int idx, ov_str v)
{
    if (!v.ptr)
        sqlite3_bind_null(s->st, idx);
    else
        sqlite3_bind_text64(s->st, idx, v.ptr, v.len, SQLITE_TRANSIENT,
                            SQLITE_UTF8);
}

void ov_stmt_bind_cstr(ov_stmt *s, int idx, const char *v)
{
    if (!v)
        sqlite3_bind_null(s->st, idx);
    else
        sqlite3_bind_text(s->st, idx, v, -1, SQLITE_TRANSIENT);
}

void ov_stmt_bind_blob(ov_stmt *s, int idx, const void *p, size_t n)
{
    sqlite3_bind_blob64(s->st, idx, p, n, SQLITE_TRANSIENT);
}

ov_step ov_stmt_step(ov_stmt *s, ov_err *err)
{
    int rc = sqlite3_step(s->st);
    if (rc == SQLITE_ROW)
        return OV_STEP_ROW;
    if (rc == SQLITE_DONE)
        return OV_STEP_DONE;
    db_error(s->conn, rc, "database", err);
    return OV_STEP_ERROR;
}

ov_status ov_stmt_run(ov_stmt *s, ov_err *err)
{
    ov_step r = ov_stmt_step(s, err);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return err ? err->code : OV_EIO;
    return OV_OK;
}

void ov_stmt_release(ov_stmt *s)
{
    sqlite3_reset(s->st);
    sqlite3_clear_bindings(s->st);
}

bool ov_stmt_col_is_null(ov_stmt *s, int col)
{
    return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}

int64_t ov_stmt_col_i64(ov_stmt *s, int col)
{
    return sqlite3_column_int64(s->st, col);
}

double ov_stmt_col_double(ov_stmt *s, int col)
{
    return sqlite3_column_double(s->st, col);
}

ov_str ov_stmt_col_text(ov_stmt *s, int col, ov_arena *a)
{
    if (sqlite3_column_type(s->st, col) == SQLITE_NULL)
        return OV_STR_NULL;
    const unsigned char *t = sqlite3_column_text(s->st, col);
    int n = sqlite3_column_bytes(s->st, col);
    char *copy = ov_arena_memdup0(a, t ? (const char *)t : "", t ? (size_t)n : 0);
    return (ov_str){copy, t ? (size_t)n : 0};
}

const void *ov_stmt_col_blob(ov_stmt *s, int col, size_t *n)
{
    const void *p = sqlite3_column_blob(s->st, col);
    *n = (size_t)sqlite3_column_bytes(s->st, col);
    return p;
}

bool ov_conn_in_tx(ov_conn *c)
{
    return sqlite3_get_autocommit(c->db) == 0;
}

int64_t ov_conn_last_insert_id(ov_conn *c)
{
    return sqlite3_last_insert_rowid(c->db);
}

int ov_conn_changes(ov_conn *c) { return sqlite3_changes(c->db); }

ov_status ov_conn_backup_to(ov_conn *from, const char *to_path, ov_err *err)
{
    sqlite3 *dst = NULL;
    create_private(to_path, false);
    int rc = sqlite3_open_v2(to_path, &dst,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_close(dst);
        return ov_err_set(err, OV_EIO, "--to", "--to: cannot create '%s': %s",
                          to_path, sqlite3_errstr(rc));
    }
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", from->db, "main");
    if (!b) {
        ov_status st = ov_err_set(err, OV_EIO, "--to", "backup to '%s': %s",
                                  to_path, sqlite3_errmsg(dst));
        sqlite3_close(dst);
        return st;
    }
    /* one step copies a consistent snapshot; the source is not locked
     * against readers, and in WAL mode not against the writer either */
    rc = sqlite3_backup_step(b, -1);
    int rc2 = sqlite3_backup_finish(b);
    if (rc == SQLITE_DONE)
        rc = rc2;
    ov_status st = OV_OK;
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        st = ov_err_set(err, OV_EIO, "--to", "backup to '%s' failed: %s",
                        to_path, sqlite3_errstr(rc));
    /* the copy is a self-contained rollback-journal file, not WAL */
    if (st == OV_OK &&
        sqlite3_exec(dst, "PRAGMA journal_mode=DELETE;", NULL, NULL, NULL) !=
            SQLITE_OK)
        st = ov_err_set(err, OV_EIO, "--to", "backup to '%s': %s", to_path,
                        sqlite3_errmsg(dst));
    if (sqlite3_close(dst) != SQLITE_OK && st == OV_OK)
        st = ov_err_set(err, OV_EIO, "--to", "closing backup '%s' failed",
                        to_path);
    return st;
}
