/*
 * journal.c - the read-audit journal (see journal.h).
 */
#include "store/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/log.h"
#include "core/path.h"

#define MAGIC "OVAJ"
#define HEAD_BYTES 12           /* magic, length, CRC */
#define PAYLOAD_MAX (64 * 1024) /* far above any real record */
#define NULL_LEN 0xFFFFu

/* Someone waiting without blocking a thread (a suspended HTTP response). */
typedef struct waiter {
    uint64_t seq;
    ov_journal_done_fn fn;
    void *ctx;
    struct waiter *next;
} waiter;

struct ov_journal {
    pthread_mutex_t lock;
    pthread_cond_t cond;      /* synced moved, or the journal failed */
    pthread_cond_t work;      /* something to sync, or stop */
    pthread_t syncer;
    bool syncer_running;
    bool syncer_ran; /* opened fully (and holding the files' lock) */
    bool stop;
    waiter *waiters;
    char *path[2];
    int fd[2];
    int active;          /* the file appends go to */
    bool dirty[2];       /* written since its last sync */
    uint64_t last_seq;   /* the newest record's number */
    uint64_t synced;     /* every record up to this one is on disk */
    bool failed;
    bool trunc_warned;
    ov_err fail;
    ov_jrec *head, *tail; /* records not yet folded and committed */
};

/* ---- encoding ---- */

static void put_u16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t get_u64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* Append a u16-length string at *pos (cap checked by the caller's size). */
static size_t put_str(unsigned char *p, const char *s)
{
    if (!s) {
        put_u16(p, NULL_LEN);
        return 2;
    }
    size_t n = strlen(s);
    put_u16(p, (unsigned)n);
    memcpy(p + 2, s, n);
    return 2 + n;
}

static size_t str_size(const char *s) { return 2 + (s ? strlen(s) : 0); }

/* A record's strings live in the same allocation as the record. */
static ov_jrec *rec_new(uint64_t seq, ov_time at, int64_t citizen_id,
                        ov_action action, const char *const str[4],
                        const size_t len[4], int file)
{
    size_t total = sizeof(ov_jrec);
    for (int i = 0; i < 4; i++)
        total = ov_size_add(total, str[i] ? len[i] + 1 : 0);
    ov_jrec *r = ov_xmalloc(total);
    memset(r, 0, sizeof *r);
    char *p = (char *)(r + 1);
    char **dst[4] = {&r->actor, &r->role, &r->purpose, &r->criterion};
    for (int i = 0; i < 4; i++) {
        if (!str[i]) {
            *dst[i] = NULL;
            continue;
        }
        memcpy(p, str[i], len[i]);
        p[len[i]] = '\0';
        *dst[i] = p;
        p += len[i] + 1;
    }
    r->seq = seq;
    r->at = at;
    r->citizen_id = citizen_id;
    r->action = action;
    r->file = file;
    return r;
}

static void *syncer(void *arg);

/* The two files, beside the database. */
static const char *const SUFFIX[2] = {"-audit", "-audit2"};

const char *ov_journal_suffix(int i)
{
    return i >= 0 && i < 2 ? SUFFIX[i] : NULL;
}

bool ov_journal_stale(const char *db_path, const char *field, ov_err *err)
{
    for (int i = 0; i < 2; i++) {
        char p[4096];
        struct stat st;
        snprintf(p, sizeof p, "%s%s", db_path, SUFFIX[i]);
        if (stat(p, &st) == 0 && st.st_size > 0) {
            ov_err_msg(err, OV_ECONFLICT, field, journal_file_exists,
                       field, p);
            return true;
        }
    }
    return false;
}

/* Make the journal files' names durable: a synced record in a file whose
 * directory entry is lost after a power cut would be lost with it. */
static ov_status sync_dir(const char *db_path, ov_err *err)
{
    char dir[4096];
    const char *slash = strrchr(db_path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == db_path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - db_path), db_path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return ov_err_set(err, OV_EIO, "--db",
                          "--db: cannot sync the folder %s: %s", dir,
                          strerror(e));
    }
    close(fd);
    return OV_OK;
}

/* ---- reading at open ---- */

/* Parse the record at h (avail bytes from there). Returns its size, or 0
 * when no whole, valid record starts there. */
static size_t parse_rec(const unsigned char *h, size_t avail, int file,
                        ov_jrec **out)
{
    *out = NULL;
    if (avail < HEAD_BYTES || memcmp(h, MAGIC, 4) != 0)
        return 0;
    uint32_t len = get_u32(h + 4);
    if (len < 25 || len > PAYLOAD_MAX || len > avail - HEAD_BYTES)
        return 0;
    const unsigned char *p = h + HEAD_BYTES;
    if ((uint32_t)crc32(0L, p, len) != get_u32(h + 8))
        return 0;
    ov_action action = (ov_action)p[24];
    const char *str[4];
    size_t slen[4];
    size_t q = 25;
    for (int i = 0; i < 4; i++) {
        if (len - q < 2)
            return 0;
        unsigned n = (unsigned)p[q] | (unsigned)p[q + 1] << 8;
        q += 2;
        if (n == NULL_LEN) {
            str[i] = NULL;
            slen[i] = 0;
            continue;
        }
        if (len - q < n)
            return 0;
        str[i] = (const char *)p + q;
        slen[i] = n;
        q += n;
    }
    if (!str[0] || !str[1] || !str[2] || (unsigned)action >= OV_ACT_COUNT)
        return 0;
    /* Numbers start at 1 and are kept as int64 in store_meta: a record
     * numbered 0 or above INT64_MAX was never written by a journal (one
     * at 2^64-1 would make the next append wrap to 0, which the next
     * replay drops as folded), so it does not check. */
    uint64_t seq = get_u64(p);
    if (seq == 0 || seq > (uint64_t)INT64_MAX)
        return 0;
    *out = rec_new(seq, (ov_time)get_u64(p + 8),
                   (int64_t)get_u64(p + 16), action, str, slen, file);
    return HEAD_BYTES + len;
}

/* The next "OVAJ" at or after `from`, or NULL. */
static const unsigned char *find_magic(const unsigned char *buf, size_t size,
                                       size_t from)
{
    while (from + 4 <= size) {
        const unsigned char *m = memchr(buf + from, MAGIC[0], size - from - 3);
        if (!m)
            return NULL;
        if (memcmp(m, MAGIC, 4) == 0)
            return m;
        from = (size_t)(m - buf) + 1;
    }
    return NULL;
}

/* What one file holds. */
typedef struct file_scan {
    size_t size;
    size_t tail;       /* where a damaged tail starts (size: none) */
    size_t first_bad;  /* the first damaged byte (size: none) */
    bool mid_damage;   /* damage with valid records after it */
} file_scan;

/* Read one file: its valid records above `folded` go to *list (oldest
 * first). A record that does not check is not the end: the rest of the
 * file is searched for valid records, so that one damaged byte costs one
 * record and the damage can be told from a torn tail (damage with valid
 * records after it was once synced: corruption, see journal.h). */
static ov_status read_file(int fd, const char *path, int file,
                           uint64_t folded, ov_jrec **list,
                           uint64_t *max_seq, file_scan *fs, ov_err *err)
{
    memset(fs, 0, sizeof *fs);
    struct stat st;
    if (fstat(fd, &st) != 0)
        return ov_err_set(err, OV_EIO, NULL, "audit journal %s: %s", path,
                          strerror(errno));
    size_t size = (size_t)st.st_size;
    unsigned char *buf = ov_xmalloc(size ? size : 1);
    size_t got = 0;
    while (got < size) {
        ssize_t n = pread(fd, buf + got, size - got, (off_t)got);
        if (n < 0) {
            free(buf);
            return ov_err_set(err, OV_EIO, NULL, "audit journal %s: %s", path,
                              strerror(errno));
        }
        if (n == 0) /* shrank while read (a live server's fold) */
            break;
        got += (size_t)n;
    }
    size = got;
    fs->size = fs->tail = fs->first_bad = size;
    ov_jrec **tail = list;
    while (*tail)
        tail = &(*tail)->next;
    size_t off = 0;
    while (off < size) {
        ov_jrec *r;
        size_t used = parse_rec(buf + off, size - off, file, &r);
        if (!used) {
            /* search on for the next record that checks */
            size_t next = off + 1;
            for (;;) {
                const unsigned char *m = find_magic(buf, size, next);
                if (!m) {
                    next = size;
                    break;
                }
                next = (size_t)(m - buf);
                ov_jrec *probe;
                if (parse_rec(m, size - next, file, &probe)) {
                    free(probe);
                    break;
                }
                next++;
            }
            if (fs->first_bad == size)
                fs->first_bad = off;
            if (next == size) {
                fs->tail = off;
                break;
            }
            fs->mid_damage = true;
            off = next;
            continue;
        }
        if (r->seq > *max_seq)
            *max_seq = r->seq;
        if (r->seq > folded) {
            *tail = r;
            tail = &r->next;
        } else {
            free(r);
        }
        off += used;
    }
    free(buf);
    return OV_OK;
}

/* Merge two lists sorted by seq. */
static ov_jrec *merge(ov_jrec *a, ov_jrec *b)
{
    ov_jrec *head = NULL, **t = &head;
    while (a && b) {
        ov_jrec **from = a->seq <= b->seq ? &a : &b;
        *t = *from;
        *from = (*from)->next;
        t = &(*t)->next;
    }
    *t = a ? a : b;
    return head;
}

static void free_list(ov_jrec *r)
{
    while (r) {
        ov_jrec *next = r->next;
        free(r);
        r = next;
    }
}

/* Both files, merged in sequence order, and what is missing from them:
 * every number from folded+1 to the newest seen must be there, and the
 * newest must reach `acknowledged` (the highest number the anchor file
 * says was synced). */
static void analyse(ov_jrec *head, uint64_t folded, uint64_t max_seq,
                    uint64_t acknowledged, ov_journal_state *js)
{
    uint64_t expect = folded + 1;
    for (ov_jrec *r = head; r; r = r->next) {
        if (r->seq < expect)
            continue; /* a duplicate: nothing lost */
        if (r->seq > expect)
            js->lost += r->seq - expect;
        if (!js->first_seq)
            js->first_seq = r->seq;
        js->last_seq = r->seq;
        js->waiting++;
        expect = r->seq + 1;
    }
    uint64_t have = max_seq > folded ? max_seq : folded;
    if (acknowledged > have)
        js->lost += acknowledged - have;
    js->upto = acknowledged > have ? acknowledged : have;
}

static void describe_damage(const char *path, const file_scan *fs,
                            ov_journal_state *js)
{
    if (js->damage[0] || fs->first_bad == fs->size)
        return;
    snprintf(js->damage, sizeof js->damage, "damage at byte %zu of %s%s",
             fs->first_bad, path,
             fs->mid_damage ? ", valid records after it" : "");
}

/* Copy a damaged file aside (`<file>.corrupt-<UTC time>`), synced, before
 * anything in it changes: the evidence of what was lost. */
static ov_status keep_aside(int fd, const char *path, char *aside,
                            size_t cap, ov_err *err)
{
    char at[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), at);
    for (char *c = at; *c; c++)
        if (*c == ':')
            *c = '-';
    snprintf(aside, cap, "%s.corrupt-%s", path, at);
    int out = ov_private_open(aside, true);
    if (out < 0)
        return ov_err_set(err, OV_EIO, "--db",
                          "--db: cannot keep the damaged audit journal at "
                          "%s: %s",
                          aside, strerror(errno));
    unsigned char buf[65536];
    off_t pos = 0;
    ssize_t n;
    bool ok = true;
    while ((n = pread(fd, buf, sizeof buf, pos)) > 0) {
        if (write(out, buf, (size_t)n) != n) {
            ok = false;
            break;
        }
        pos += n;
    }
    if (n < 0 || !ok || fsync(out) != 0) {
        int e = errno;
        close(out);
        unlink(aside);
        return ov_err_set(err, OV_EIO, "--db",
                          "--db: cannot keep the damaged audit journal at "
                          "%s: %s",
                          aside, strerror(e));
    }
    close(out);
    return OV_OK;
}

ov_status ov_journal_scan(const char *db_path, uint64_t folded,
                          uint64_t acknowledged, ov_journal_state *js,
                          ov_err *err)
{
    memset(js, 0, sizeof *js);
    ov_jrec *lists[2] = {NULL, NULL};
    uint64_t max_seq = folded;
    ov_status st = OV_OK;
    for (int i = 0; i < 2 && st == OV_OK; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s%s", db_path, SUFFIX[i]);
        int fd = open(p, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            if (errno == ENOENT)
                continue;
            st = ov_err_set(err, OV_EIO, "--db",
                            "--db: cannot read the audit journal %s: %s", p,
                            strerror(errno));
            break;
        }
        file_scan fs;
        st = read_file(fd, p, i, folded, &lists[i], &max_seq, &fs, err);
        close(fd);
        if (st == OV_OK)
            describe_damage(p, &fs, js);
    }
    ov_jrec *head = merge(lists[0], lists[1]);
    if (st == OV_OK)
        analyse(head, folded, max_seq, acknowledged, js);
    free_list(head);
    return st;
}

ov_status ov_journal_open(const char *db_path, uint64_t folded,
                          uint64_t acknowledged, bool accept_loss,
                          ov_journal **out, ov_journal_state *js,
                          ov_err *err)
{
    *out = NULL;
    memset(js, 0, sizeof *js);
    ov_journal *j = ov_xcalloc(1, sizeof *j);
    j->fd[0] = j->fd[1] = -1;
    pthread_mutex_init(&j->lock, NULL);
    pthread_cond_init(&j->cond, NULL);
    pthread_cond_init(&j->work, NULL);
    ov_jrec *lists[2] = {NULL, NULL};
    file_scan fs[2];
    memset(fs, 0, sizeof fs);
    uint64_t max_seq = folded;
    ov_status st = OV_OK;
    for (int i = 0; i < 2 && st == OV_OK; i++) {
        size_t n = strlen(db_path) + strlen(SUFFIX[i]) + 1;
        j->path[i] = ov_xmalloc(n);
        snprintf(j->path[i], n, "%s%s", db_path, SUFFIX[i]);
        struct stat before;
        bool made = stat(j->path[i], &before) != 0;
        j->fd[i] = open(j->path[i], O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC,
                        0600);
        /* a new journal: 0600, or 0640 for file_group, whatever the umask */
        if (j->fd[i] >= 0 && made && ov_private_fd(j->fd[i]) != 0) {
            close(j->fd[i]);
            j->fd[i] = -1;
        }
        if (j->fd[i] < 0) {
            st = ov_err_set(err, OV_EIO, "--db",
                            "--db: cannot open the audit journal %s: %s",
                            j->path[i], strerror(errno));
        } else if (i == 0 && flock(j->fd[0], LOCK_EX | LOCK_NB) != 0) {
            /* another process (a server) owns the journal: leave it alone */
            st = ov_err_msg(err, OV_ECONFLICT, "--db",
                            journal_in_use, j->path[0]);
        } else {
            st = read_file(j->fd[i], j->path[i], i, folded, &lists[i],
                           &max_seq, &fs[i], err);
            if (st == OV_OK)
                describe_damage(j->path[i], &fs[i], js);
        }
    }
    if (st == OV_OK) {
        j->head = merge(lists[0], lists[1]);
        lists[0] = lists[1] = NULL;
        analyse(j->head, folded, max_seq, acknowledged, js);
        if (js->lost && !accept_loss) {
            /* acknowledged rows are missing: change nothing, say so */
            st = ov_err_set(
                err, OV_ECORRUPT, "--accept-audit-loss",
                "the read-audit journal is damaged: %llu acknowledged read "
                "audit rows are missing (%s; newest acknowledged record "
                "%llu); nothing was changed. Keep copies of %s and %s, then "
                "open with --accept-audit-loss to go on without them (the "
                "loss is recorded in the audit log), or restore the files",
                (unsigned long long)js->lost,
                js->damage[0] ? js->damage : "records cut off",
                (unsigned long long)js->upto, j->path[0], j->path[1]);
        }
        for (int i = 0; i < 2 && st == OV_OK && js->lost; i++)
            if (fs[i].size > 0)
                st = keep_aside(j->fd[i], j->path[i],
                                i == 0 || !js->aside[0] ? js->aside
                                                        : js->aside2,
                                sizeof js->aside, err);
        for (int i = 0; i < 2 && st == OV_OK; i++) {
            if (fs[i].tail == fs[i].size)
                continue;
            /* never acknowledged (nothing is missing), or accepted */
            ov_log_warn("audit journal %s: cutting off %zu bytes of an "
                        "unfinished record at offset %zu",
                        j->path[i], fs[i].size - fs[i].tail, fs[i].tail);
            if (ftruncate(j->fd[i], (off_t)fs[i].tail) != 0)
                st = ov_err_set(err, OV_EIO, NULL, "audit journal %s: %s",
                                j->path[i], strerror(errno));
        }
        if (st == OV_OK && !js->lost && (fs[0].mid_damage ||
                                         fs[1].mid_damage))
            ov_log_warn("audit journal: %s; no acknowledged record is "
                        "missing",
                        js->damage);
    }
    if (st == OV_OK)
        st = sync_dir(db_path, err);
    if (st != OV_OK) {
        free_list(lists[0]);
        free_list(lists[1]);
        free_list(j->head);
        j->head = NULL;
        ov_journal_close(j);
        return st;
    }
    for (ov_jrec *r = j->head; r; r = r->next)
        j->tail = r;
    /* lost numbers are never given again */
    j->last_seq = js->upto > max_seq ? js->upto : max_seq;
    j->synced = j->last_seq;
    /* append to a file that holds nothing unfolded, if there is one */
    bool used[2] = {false, false};
    for (ov_jrec *r = j->head; r; r = r->next)
        used[r->file] = true;
    j->active = used[0] && !used[1] ? 1 : 0;
    if (pthread_create(&j->syncer, NULL, syncer, j) != 0) {
        ov_journal_close(j);
        return ov_err_set(err, OV_EIO, NULL,
                          "cannot start the audit journal's thread: %s",
                          strerror(errno));
    }
    j->syncer_running = true;
    j->syncer_ran = true;
    *out = j;
    return OV_OK;
}

uint64_t ov_journal_synced_seq(ov_journal *j)
{
    pthread_mutex_lock(&j->lock);
    uint64_t n = j->synced;
    pthread_mutex_unlock(&j->lock);
    return n;
}

void ov_journal_close(ov_journal *j)
{
    if (!j)
        return;
    if (j->syncer_running) {
        /* the syncer finishes what was written, then stops */
        pthread_mutex_lock(&j->lock);
        j->stop = true;
        pthread_cond_signal(&j->work);
        pthread_mutex_unlock(&j->lock);
        pthread_join(j->syncer, NULL);
        j->syncer_running = false;
    }
    /* everything folded (a clean stop): leave empty files, so that a new
     * database at this path is not mistaken for this one's heir */
    for (int i = 0; i < 2; i++)
        if (!j->head && j->fd[i] >= 0 && j->syncer_ran &&
            ftruncate(j->fd[i], 0) != 0)
            ov_log_warn("audit journal %s: cannot empty it: %s", j->path[i],
                        strerror(errno));
    for (int i = 0; i < 2; i++) {
        if (j->fd[i] >= 0)
            close(j->fd[i]);
        free(j->path[i]);
    }
    free_list(j->head);
    pthread_mutex_destroy(&j->lock);
    pthread_cond_destroy(&j->cond);
    pthread_cond_destroy(&j->work);
    free(j);
}

/* ---- appending ---- */

static ov_status failed(ov_journal *j, ov_err *err)
{
    if (err)
        *err = j->fail;
    return j->fail.code;
}

ov_status ov_journal_append(ov_journal *j, const ov_actor *actor,
                            ov_action action, int64_t citizen_id,
                            const char *criterion, uint64_t *seq,
                            ov_err *err)
{
    const char *role = ov_role_code(actor->role);
    const char *str[4] = {actor->user, role, actor->purpose, criterion};
    size_t len[4];
    size_t payload = 25;
    for (int i = 0; i < 4; i++) {
        len[i] = str[i] ? strlen(str[i]) : 0;
        if (len[i] >= NULL_LEN)
            return ov_err_msg(err, OV_EINVAL, NULL, journal_field_too_long,
                              NULL_LEN - 1);
        payload += str_size(str[i]);
    }
    unsigned char stackbuf[1024];
    unsigned char *buf = HEAD_BYTES + payload <= sizeof stackbuf
                             ? stackbuf
                             : ov_xmalloc(HEAD_BYTES + payload);
    ov_time at = ov_time_now();
    pthread_mutex_lock(&j->lock);
    if (j->failed) {
        pthread_mutex_unlock(&j->lock);
        if (buf != stackbuf)
            free(buf);
        return failed(j, err);
    }
    uint64_t n = j->last_seq + 1;
    unsigned char *p = buf + HEAD_BYTES;
    put_u64(p, n);
    put_u64(p + 8, (uint64_t)at);
    put_u64(p + 16, (uint64_t)citizen_id);
    p[24] = (unsigned char)action;
    size_t q = 25;
    for (int i = 0; i < 4; i++)
        q += put_str(p + q, str[i]);
    memcpy(buf, MAGIC, 4);
    put_u32(buf + 4, (uint32_t)payload);
    put_u32(buf + 8, (uint32_t)crc32(0L, p, (uInt)payload));
    int f = j->active;
    size_t total = HEAD_BYTES + payload, done = 0;
    while (done < total) {
        ssize_t w = write(j->fd[f], buf + done, total - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            j->failed = true;
            ov_err_set(&j->fail, OV_EIO, NULL,
                       "cannot write the audit journal %s: %s", j->path[f],
                       w < 0 ? strerror(errno) : "no space");
            pthread_mutex_unlock(&j->lock);
            if (buf != stackbuf)
                free(buf);
            return failed(j, err);
        }
        done += (size_t)w;
    }
    j->last_seq = n;
    j->dirty[f] = true;
    pthread_cond_signal(&j->work);
    ov_jrec *r = rec_new(n, at, citizen_id, action, str, len, f);
    if (j->tail)
        j->tail->next = r;
    else
        j->head = r;
    j->tail = r;
    pthread_mutex_unlock(&j->lock);
    if (buf != stackbuf)
        free(buf);
    *seq = n;
    return OV_OK;
}

/* The syncer: one fdatasync for everything written since the last one,
 * then wake who waits. Appending threads never sync themselves, so a
 * request thread only waits when it asks to (ov_journal_sync). */
static void *syncer(void *arg)
{
    ov_journal *j = arg;
    pthread_mutex_lock(&j->lock);
    for (;;) {
        while (!j->failed && j->synced == j->last_seq && !j->stop)
            pthread_cond_wait(&j->work, &j->lock);
        if (j->failed || (j->stop && j->synced == j->last_seq))
            break;
        uint64_t target = j->last_seq;
        bool d[2] = {j->dirty[0], j->dirty[1]};
        j->dirty[0] = j->dirty[1] = false;
        pthread_mutex_unlock(&j->lock);
        int bad = -1, e = 0;
        for (int i = 0; i < 2; i++)
            if (d[i] && fdatasync(j->fd[i]) != 0 && bad < 0) {
                bad = i;
                e = errno;
            }
        pthread_mutex_lock(&j->lock);
        if (bad >= 0) {
            j->failed = true;
            ov_err_set(&j->fail, OV_EIO, NULL,
                       "cannot sync the audit journal %s to disk: %s",
                       j->path[bad], strerror(e));
        } else {
            j->synced = target;
        }
        /* take who is done, and call them outside the lock */
        waiter *done = NULL;
        for (waiter **w = &j->waiters; *w;) {
            if (j->failed || (*w)->seq <= j->synced) {
                waiter *x = *w;
                *w = x->next;
                x->next = done;
                done = x;
            } else {
                w = &(*w)->next;
            }
        }
        ov_status st = j->failed ? j->fail.code : OV_OK;
        pthread_cond_broadcast(&j->cond);
        pthread_mutex_unlock(&j->lock);
        while (done) {
            waiter *next = done->next;
            done->fn(done->ctx, st);
            free(done);
            done = next;
        }
        pthread_mutex_lock(&j->lock);
    }
    /* failed (or stopping with nothing left): nobody may wait forever */
    waiter *rest = j->waiters;
    j->waiters = NULL;
    ov_status st = j->failed ? j->fail.code : OV_OK;
    pthread_cond_broadcast(&j->cond);
    pthread_mutex_unlock(&j->lock);
    while (rest) {
        waiter *next = rest->next;
        rest->fn(rest->ctx, st);
        free(rest);
        rest = next;
    }
    return NULL;
}

ov_status ov_journal_sync(ov_journal *j, uint64_t seq, ov_err *err)
{
    pthread_mutex_lock(&j->lock);
    if (j->synced < seq)
        pthread_cond_signal(&j->work);
    while (!j->failed && j->synced < seq && j->syncer_running)
        pthread_cond_wait(&j->cond, &j->lock);
    ov_status st = OV_OK;
    if (j->synced < seq) {
        if (!j->failed) {
            j->failed = true;
            ov_err_set(&j->fail, OV_EIO, NULL,
                       "the audit journal has stopped; restart overgang");
        }
        st = failed(j, err);
    }
    pthread_mutex_unlock(&j->lock);
    return st;
}

void ov_journal_notify(ov_journal *j, uint64_t seq, ov_journal_done_fn fn,
                       void *ctx)
{
    pthread_mutex_lock(&j->lock);
    if (j->synced >= seq || j->failed || !j->syncer_running) {
        ov_status st = j->synced >= seq ? OV_OK
                       : j->failed      ? j->fail.code
                                        : OV_EIO;
        pthread_mutex_unlock(&j->lock);
        fn(ctx, st);
        return;
    }
    waiter *w = ov_xmalloc(sizeof *w);
    w->seq = seq;
    w->fn = fn;
    w->ctx = ctx;
    w->next = j->waiters;
    j->waiters = w;
    pthread_cond_signal(&j->work);
    pthread_mutex_unlock(&j->lock);
}

bool ov_journal_synced(ov_journal *j, uint64_t seq)
{
    pthread_mutex_lock(&j->lock);
    bool ok = j->synced >= seq;
    pthread_mutex_unlock(&j->lock);
    return ok;
}

/* ---- folding ---- */

uint64_t ov_journal_last_seq(ov_journal *j)
{
    pthread_mutex_lock(&j->lock);
    uint64_t n = j->last_seq;
    pthread_mutex_unlock(&j->lock);
    return n;
}

bool ov_journal_unfolded(ov_journal *j, uint64_t upto)
{
    /* the list is in sequence order and loses a record only when the
     * batch that folded it has committed */
    pthread_mutex_lock(&j->lock);
    bool any = j->head && j->head->seq <= upto;
    pthread_mutex_unlock(&j->lock);
    return any;
}

ov_jrec *ov_journal_take(ov_journal *j, int64_t batch, size_t *n)
{
    pthread_mutex_lock(&j->lock);
    ov_jrec *first = NULL;
    bool other_used = false;
    *n = 0;
    for (ov_jrec *r = j->head; r; r = r->next) {
        if (r->batch == 0) {
            r->batch = batch;
            if (!first)
                first = r;
            (*n)++;
        }
        if (r->file != j->active)
            other_used = true;
    }
    /* new records go to the other file, so this one can be emptied once
     * the batch is committed (unless an earlier fold left records there) */
    if (first && !other_used)
        j->active = 1 - j->active;
    pthread_mutex_unlock(&j->lock);
    return first;
}

void ov_journal_folded(ov_journal *j, int64_t batch, bool committed)
{
    pthread_mutex_lock(&j->lock);
    bool used[2] = {false, false};
    for (ov_jrec **p = &j->head; *p;) {
        ov_jrec *r = *p;
        if (r->batch == batch) {
            if (committed) {
                *p = r->next;
                free(r);
                continue;
            }
            r->batch = 0;
        }
        used[r->file] = true;
        p = &r->next;
    }
    j->tail = NULL;
    for (ov_jrec *r = j->head; r; r = r->next)
        j->tail = r;
    if (committed) {
        /* a file no record needs and no append goes to can be emptied */
        int idle = 1 - j->active;
        if (!used[idle] && ftruncate(j->fd[idle], 0) != 0 &&
            !j->trunc_warned) {
            j->trunc_warned = true;
            ov_log_warn("audit journal %s: cannot empty it: %s (its rows "
                        "are in the database; a restart skips them)",
                        j->path[idle], strerror(errno));
        }
    }
    pthread_mutex_unlock(&j->lock);
}
