/*
 * anchor.c - the anchor file beside the database (`<db>-anchors`): one
 * line per anchor, "<row id> <hash hex> <journal number> <UTC time> <MAC
 * hex>\n", the MAC being HMAC-SHA-256 under the audit key of
 * "overgang-anchor-v1 " and the rest of the line. Why: a keyed chain
 * cannot show that its newest rows were removed; the newest anchor can
 * (store/audit.h, docs/architecture.md "Audit log").
 *
 * Crash rules: the file is only appended to, each line with one write()
 * and fdatasync. A crash can leave only the last line without its
 * newline; the reader ignores such a line and the first append of the
 * next process cuts it off. A line whose MAC does not check is
 * corruption (OV_ECORRUPT naming the line), never skipped.
 *
 * Calls audit.c (the head); called by store.c (open, close, the
 * background thread), backup.c (restore) and audit_log.c (verify).
 */
#include "store/audit.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "core/path.h"
#include "store/store_int.h"

#define ANCHOR_LABEL "overgang-anchor-v1"

static void anchor_mac(const uint8_t key[OV_KEY_BYTES], const char *body,
                       size_t n, char hex[2 * OV_HASH_BYTES + 1])
{
    uint8_t mac[OV_HASH_BYTES];
    ov_hmac_ctx c;
    ov_hmac_init(&c, key);
    ov_hmac_update(&c, ANCHOR_LABEL " ", sizeof ANCHOR_LABEL);
    ov_hmac_update(&c, body, n);
    ov_hmac_final(&c, mac);
    ov_hex_encode(mac, OV_HASH_BYTES, hex);
}

size_t ov_anchor_format(const uint8_t key[OV_KEY_BYTES], const ov_anchor *a,
                        char *out, size_t cap)
{
    char hash[2 * OV_HASH_BYTES + 1], mac[2 * OV_HASH_BYTES + 1];
    ov_hex_encode(a->hash, OV_HASH_BYTES, hash);
    int n = snprintf(out, cap, "%lld %s %llu %s", (long long)a->id, hash,
                     (unsigned long long)a->jseq, a->at);
    if (n < 0 || (size_t)n + 2 * OV_HASH_BYTES + 3 > cap)
        return 0;
    anchor_mac(key, out, (size_t)n, mac);
    int m = snprintf(out + n, cap - (size_t)n, " %s\n", mac);
    return (size_t)n + (size_t)m;
}

/* One line without its newline; false when it does not parse or its MAC
 * does not check. */
static bool anchor_parse(const uint8_t key[OV_KEY_BYTES], const char *line,
                         size_t len, ov_anchor *a)
{
    char buf[256];
    if (len >= sizeof buf || len < 2 * OV_HASH_BYTES + 2)
        return false;
    memcpy(buf, line, len);
    buf[len] = '\0';
    size_t body = len - 2 * OV_HASH_BYTES - 1;
    if (buf[body] != ' ')
        return false;
    char want[2 * OV_HASH_BYTES + 1];
    anchor_mac(key, buf, body, want);
    if (!ov_memeq_ct(want, buf + body + 1, 2 * OV_HASH_BYTES))
        return false;
    buf[body] = '\0';
    long long id;
    unsigned long long jseq;
    char hash[2 * OV_HASH_BYTES + 2];
    int used = 0;
    memset(a, 0, sizeof *a);
    if (sscanf(buf, "%lld %65s %llu %31s%n", &id, hash, &jseq, a->at,
               &used) != 4 ||
        (size_t)used != body || id < 0 ||
        ov_hex_decode(ov_str_c(hash), a->hash, OV_HASH_BYTES) != OV_OK)
        return false;
    a->id = id;
    a->jseq = jseq;
    return true;
}

ov_status ov_anchors_read(const char *path, const uint8_t key[OV_KEY_BYTES],
                          bool tail_only, ov_anchor_file *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return OV_OK;
        return ov_err_set(err, OV_EIO, "--anchors",
                          "--anchors: cannot read '%s': %s", path,
                          strerror(errno));
    }
    bool skip_first = false;
    if (tail_only && fseeko(f, 0, SEEK_END) == 0 && ftello(f) > 65536) {
        fseeko(f, -65536, SEEK_END);
        skip_first = true; /* it may start mid-line */
    } else {
        rewind(f);
    }
    char line[512];
    ov_status st = OV_OK;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        if (skip_first) {
            skip_first = false;
            continue;
        }
        out->lines++;
        if (line[n - 1] != '\n') {
            int c = fgetc(f);
            if (c == EOF && n < sizeof line - 1)
                break; /* a line a crash cut short: never relied on */
            st = ov_err_set(err, OV_ECORRUPT, "--anchors",
                            "--anchors: '%s' line %lld is too long: not an "
                            "anchor file",
                            path, (long long)out->lines);
            break;
        }
        ov_anchor a;
        if (!anchor_parse(key, line, n - 1, &a)) {
            st = ov_err_set(err, OV_ECORRUPT, "--anchors",
                            "--anchors: '%s' line %lld: not an anchor "
                            "made with this audit key (forged or damaged)",
                            path, (long long)out->lines);
            break;
        }
        if (!out->have || a.id >= out->newest.id) {
            out->newest = a;
            out->newest_line = out->lines;
        }
        out->have = true;
        if (a.jseq > out->max_jseq)
            out->max_jseq = a.jseq;
    }
    if (st == OV_OK && ferror(f))
        st = ov_err_set(err, OV_EIO, "--anchors",
                        "--anchors: cannot read '%s': %s", path,
                        strerror(errno));
    fclose(f);
    return st;
}

/* A last line without its newline is one a crash cut short: the reader
 * ignores it, but an append after it would glue the next anchor to it.
 * Cut it off before the first append. */
static void anchors_cut_torn_line(int fd)
{
    struct stat st;
    char buf[512];
    if (fstat(fd, &st) != 0 || st.st_size == 0 ||
        (pread(fd, buf, 1, st.st_size - 1) == 1 && buf[0] == '\n'))
        return;
    off_t pos = st.st_size;
    while (pos > 0) {
        size_t n = pos > (off_t)sizeof buf ? sizeof buf : (size_t)pos;
        pos -= (off_t)n;
        if (pread(fd, buf, n, pos) != (ssize_t)n)
            return;
        for (size_t i = n; i > 0; i--)
            if (buf[i - 1] == '\n') {
                if (ftruncate(fd, pos + (off_t)i) != 0)
                    ov_log_warn("cannot cut a torn anchor line: %s",
                                strerror(errno));
                return;
            }
    }
    if (ftruncate(fd, 0) != 0)
        ov_log_warn("cannot cut a torn anchor line: %s", strerror(errno));
}

/* Append the chain's head and the journal's synced number to the anchor
 * file when either moved (see audit.h). Called by the background thread
 * every tick and at open and close; never while a batch is open, so the
 * head is committed (and, synchronous=FULL, on disk). The file is synced
 * outside the writer's lock. */
void ov_anchor_now(ov_store *s)
{
    if (!s->writer || !s->have_audit_key || !s->keyed_from)
        return;
    ov_anchor a;
    memset(&a, 0, sizeof a);
    ov_err e;
    pthread_mutex_lock(&s->write_lock);
    if (s->batch_open) {
        pthread_mutex_unlock(&s->write_lock);
        return;
    }
    ov_status st = ov_audit_head(s->writer, &a.id, a.hash, &e);
    pthread_mutex_unlock(&s->write_lock);
    a.jseq = s->journal ? ov_journal_synced_seq(s->journal) : 0;
    if (st != OV_OK ||
        (s->anchored && a.id == s->anchored_id && a.jseq == s->anchored_jseq &&
         memcmp(a.hash, s->anchored_hash, OV_HASH_BYTES) == 0))
        return;
    ov_time_format_utc(ov_time_now(), a.at);
    char line[512];
    size_t n = ov_anchor_format(s->audit_key, &a, line, sizeof line);
    bool created = false;
    if (s->anchor_fd < 0) {
        created = !ov_file_exists(s->anchors_path);
        s->anchor_fd = open(s->anchors_path,
                            O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        /* a new file: 0600, or 0640 for file_group, whatever the umask */
        if (s->anchor_fd >= 0 && created && ov_private_fd(s->anchor_fd) != 0) {
            close(s->anchor_fd);
            s->anchor_fd = -1;
        }
        if (s->anchor_fd >= 0)
            anchors_cut_torn_line(s->anchor_fd);
    }
    if (s->anchor_fd < 0 || !n ||
        write(s->anchor_fd, line, n) != (ssize_t)n ||
        fdatasync(s->anchor_fd) != 0) {
        if (!s->anchor_warned)
            ov_log_error("cannot append to the audit anchor file %s: %s "
                         "(truncation of the audit log is not detected "
                         "until it can)",
                         s->anchors_path, strerror(errno));
        s->anchor_warned = true;
        return;
    }
    if (s->anchor_copy) {
        line[n - 1] = '\0'; /* without its newline */
        s->anchor_copy(line, s->anchor_copy_ctx);
    }
    if (created) {
        char dir[PATH_MAX];
        const char *slash = strrchr(s->anchors_path, '/');
        snprintf(dir, sizeof dir, "%.*s",
                 slash ? (int)(slash - s->anchors_path) : 1,
                 slash ? s->anchors_path : ".");
        int fd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            if (fsync(fd) != 0)
                ov_log_warn("cannot sync the folder of %s",
                            s->anchors_path);
            close(fd);
        }
    }
    s->anchored = true;
    s->anchored_id = a.id;
    s->anchored_jseq = a.jseq;
    memcpy(s->anchored_hash, a.hash, OV_HASH_BYTES);
}

/* A new database (init, restore) must not inherit the anchors of an
 * earlier one at its path: its chain would never reach them. */
bool ov_anchors_stale(const char *db_path, ov_err *err)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s-anchors", db_path);
    struct stat st;
    bool stale = stat(p, &st) == 0 && st.st_size > 0;
    if (stale)
        ov_err_msg(err, OV_ECONFLICT, "--db", anchor_file_exists, p);
    return stale;
}
