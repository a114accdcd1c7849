#include "stats/register.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "core/csv.h"

/* ---- codes, months and numbers ----------------------------------------- */

static const char *const status_codes[OV_RS_COUNT] = {
    "ordinary",          "subsidised",      "placement", "benefit",
    "disability_pension", "resource_course", "education", "other",
};

const char *ov_regstatus_code(ov_regstatus s)
{
    return (unsigned)s < OV_RS_COUNT ? status_codes[s] : "?";
}

/* Short strings: an inline loop beats a call to memcmp. */
static inline bool same(ov_str a, ov_str b)
{
    if (a.len != b.len)
        return false;
    for (size_t i = 0; i < a.len; i++)
        if (a.ptr[i] != b.ptr[i])
            return false;
    return true;
}

static const unsigned char status_len[OV_RS_COUNT] = {8, 10, 9, 7,
                                                      18, 15, 9, 5};

int ov_regstatus_parse(ov_str s)
{
    for (int i = 0; i < OV_RS_COUNT; i++)
        if (s.len == status_len[i] && s.ptr[0] == status_codes[i][0] &&
            same(s, (ov_str){status_codes[i], s.len}))
            return i;
    return -1;
}

static inline bool digit(char c) { return c >= '0' && c <= '9'; }

bool ov_month_parse(ov_str s, ov_month *out)
{
    if (s.len != 7 || s.ptr[4] != '-')
        return false;
    const char *p = s.ptr;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !digit(p[i]))
            return false;
    int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
            (p[3] - '0');
    int m = (p[5] - '0') * 10 + (p[6] - '0');
    if (y < 1900 || y > 2199 || m < 1 || m > 12)
        return false;
    *out = y * 12 + (m - 1);
    return true;
}

void ov_month_format(ov_month m, char out[8])
{
    int y = m / 12, mo = m % 12 + 1;
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + mo / 10);
    out[6] = (char)('0' + mo % 10);
    out[7] = '\0';
}

static const double pow10_exact[23] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

bool ov_reg_parse_number(ov_str s, double *out)
{
    const char *p = s.ptr, *e = s.ptr + s.len;
    if (p == e)
        return false;
    if (s.len <= 9) { /* the common case: a small whole number */
        uint32_t v = 0;
        size_t i = 0;
        for (; i < s.len && digit(p[i]); i++)
            v = v * 10 + (uint32_t)(p[i] - '0');
        if (i == s.len) {
            *out = (double)v;
            return true;
        }
    }
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    uint64_t mant = 0;
    int ndig = 0, frac = 0;
    const char *d0 = p;
    while (p < e && digit(*p)) {
        if (ndig < 19)
            mant = mant * 10 + (uint64_t)(*p - '0');
        ndig++;
        p++;
    }
    if (p == d0)
        return false; /* no digit before the point */
    if (p < e && *p == '.') {
        p++;
        const char *f0 = p;
        while (p < e && digit(*p)) {
            if (ndig < 19)
                mant = mant * 10 + (uint64_t)(*p - '0');
            ndig++;
            frac++;
            p++;
        }
        if (p == f0)
            return false;
    }
    bool expo = false;
    if (p < e && (*p == 'e' || *p == 'E')) {
        expo = true;
        p++;
        if (p < e && (*p == '+' || *p == '-'))
            p++;
        const char *x0 = p;
        while (p < e && digit(*p))
            p++;
        if (p == x0)
            return false;
    }
    if (p != e)
        return false;
    /* Clinger's fast path: both exactly representable, one rounding. */
    if (!expo && ndig <= 15 && frac <= 22) {
        double v = (double)mant / pow10_exact[frac];
        *out = neg ? -v : v;
        return true;
    }
    char tmp[128];
    if (s.len >= sizeof tmp)
        return false;
    memcpy(tmp, s.ptr, s.len);
    tmp[s.len] = '\0';
    errno = 0;
    char *end;
    double v = strtod(tmp, &end);
    if (end != tmp + s.len || !isfinite(v) || errno == ERANGE)
        return false;
    *out = v;
    return true;
}

/* ---- files --------------------------------------------------------------- */

typedef struct reg_file {
    char name[32];     /* "months.csv" or "months.csv.gz" */
    char *data;        /* the whole file, or (streamed) the current chunk */
    size_t len;
    bool mapped;
    /* a streamed .csv.gz: inflated a chunk of whole lines at a time into
     * data (capacity cap); the part line after the chunk's last newline
     * waits at data + len for the next chunk (carry bytes) */
    gzFile gz;
    size_t cap, carry, chunk;
    bool eof;
    double gz_bytes;   /* compressed size, for progress */
} reg_file;

static void reg_file_free(reg_file *f)
{
    if (f->gz) {
        gzclose(f->gz);
        f->gz = NULL;
    }
    if (!f->data)
        return;
    if (f->mapped)
        munmap(f->data, f->len);
    else
        free(f->data);
    f->data = NULL;
}

static ov_status gz_error(reg_file *f, ov_err *err)
{
    int zerr;
    const char *msg = gzerror(f->gz, &zerr);
    return ov_err_set(err, OV_EINVAL, f->name,
                      "%s is not a valid gzip file (%s); compress it with "
                      "gzip or give the plain .csv",
                      f->name, msg);
}

/* The next chunk of a streamed file into f->data/f->len: whole lines
 * (the last one may lack its newline at the end of the file); len 0 at
 * the end. Memory stays at about one chunk however large the file
 * inflates (a 400 KB extract inflated whole took 435 MB). */
static ov_status gz_next_chunk(reg_file *f, ov_err *err)
{
    /* what the previous chunk left: its bytes after the last newline */
    if (f->len)
        memmove(f->data, f->data + f->len, f->carry);
    size_t have = f->carry;
    f->len = 0;
    f->carry = 0;
    size_t scan = 0; /* bytes already searched for a newline */
    for (;;) {
        if (!f->eof && have < f->chunk) {
            if (f->cap < f->chunk) {
                f->cap = f->chunk;
                f->data = ov_xrealloc(f->data, f->cap);
            }
            size_t want = f->chunk - have;
            int got = gzread(f->gz, f->data + have,
                             (unsigned)(want > (1u << 30) ? (1u << 30) : want));
            if (got < 0)
                return gz_error(f, err);
            if (got == 0)
                f->eof = true;
            have += (size_t)got;
            continue;
        }
        if (f->eof) {
            f->len = have; /* the rest, a last line without its newline */
            return OV_OK;
        }
        /* a full chunk: cut after its last newline */
        const char *p = f->data + scan, *nl = NULL;
        for (const char *q = f->data + have; q > p;)
            if (*--q == '\n') {
                nl = q;
                break;
            }
        if (nl) {
            f->len = (size_t)(nl + 1 - f->data);
            f->carry = have - f->len;
            return OV_OK;
        }
        /* one line longer than the chunk: a larger chunk */
        scan = have;
        f->chunk = ov_size_mul(f->chunk, 2);
    }
}

static ov_status inflate_file(const char *path, reg_file *f, ov_err *err)
{
    gzFile gz = gzopen(path, "rb");
    if (!gz)
        return ov_err_set(err, OV_EIO, f->name, "cannot open '%s': %s", path,
                          strerror(errno));
    gzbuffer(gz, 1u << 20);
    size_t cap = 1u << 24, len = 0;
    char *buf = ov_xmalloc(cap);
    for (;;) {
        if (cap - len < (1u << 22)) {
            cap *= 2;
            buf = ov_xrealloc(buf, cap);
        }
        unsigned want = (unsigned)((cap - len) > (1u << 30) ? (1u << 30)
                                                             : (cap - len));
        int got = gzread(gz, buf + len, want);
        if (got < 0) {
            int zerr;
            const char *msg = gzerror(gz, &zerr);
            ov_err_set(err, OV_EINVAL, f->name,
                       "%s is not a valid gzip file (%s); compress it with "
                       "gzip or give the plain .csv",
                       f->name, msg);
            gzclose(gz);
            free(buf);
            return OV_EINVAL;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    gzclose(gz);
    f->data = buf;
    f->len = len;
    f->mapped = false;
    return OV_OK;
}

/* Find DIR/BASE.csv or DIR/BASE.csv.gz (not both) and bring it into
 * memory. */
static ov_status load_file(const char *dir, const char *base, reg_file *f,
                           size_t stream_chunk, ov_err *err)
{
    memset(f, 0, sizeof *f);
    char plain[4096], gzp[4096];
    snprintf(plain, sizeof plain, "%s/%s.csv", dir, base);
    snprintf(gzp, sizeof gzp, "%s/%s.csv.gz", dir, base);
    struct stat st;
    bool has_plain = stat(plain, &st) == 0;
    struct stat st2;
    bool has_gz = stat(gzp, &st2) == 0;
    if (has_plain && has_gz)
        return ov_err_set(err, OV_EINVAL, "--register",
                          "%s has both %s.csv and %s.csv.gz; keep one of them",
                          dir, base, base);
    if (!has_plain && !has_gz)
        return ov_err_set(err, OV_EINVAL, "--register",
                          "%s has no %s.csv (or %s.csv.gz); see "
                          "docs/register-format.md for the extract's layout",
                          dir, base, base);
    if (has_gz && stream_chunk) {
        snprintf(f->name, sizeof f->name, "%s.csv.gz", base);
        f->gz = gzopen(gzp, "rb");
        if (!f->gz)
            return ov_err_set(err, OV_EIO, f->name, "cannot open '%s': %s",
                              gzp, strerror(errno));
        gzbuffer(f->gz, 1u << 18);
        f->chunk = stream_chunk;
        f->gz_bytes = (double)st2.st_size;
        ov_status s = gz_next_chunk(f, err);
        if (s == OV_OK && f->len == 0)
            return ov_err_set(err, OV_EINVAL, f->name,
                              "%s is empty; it needs a header row", f->name);
        return s;
    }
    if (has_gz) {
        snprintf(f->name, sizeof f->name, "%s.csv.gz", base);
        ov_status s = inflate_file(gzp, f, err);
        if (s == OV_OK && f->len == 0)
            return ov_err_set(err, OV_EINVAL, f->name,
                              "%s is empty; it needs a header row", f->name);
        return s;
    }
    snprintf(f->name, sizeof f->name, "%s.csv", base);
    int fd = open(plain, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ov_err_set(err, OV_EIO, f->name, "cannot open '%s': %s", plain,
                          strerror(errno));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return ov_err_set(err, OV_EINVAL, f->name,
                          "'%s' is not a regular file", plain);
    }
    if (st.st_size == 0) {
        close(fd);
        return ov_err_set(err, OV_EINVAL, f->name,
                          "%s is empty; it needs a header row", f->name);
    }
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return ov_err_set(err, OV_EIO, f->name, "cannot read '%s': %s", plain,
                          strerror(errno));
    madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
    f->data = m;
    f->len = (size_t)st.st_size;
    f->mapped = true;
    return OV_OK;
}

/* ---- errors -------------------------------------------------------------- */

static ov_status line_error(ov_err *err, const char *file, long long line,
                            const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static ov_status line_error(ov_err *err, const char *file, long long line,
                            const char *fmt, ...)
{
    char what[OV_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    char field[OV_ERR_FIELD_MAX];
    snprintf(field, sizeof field, "%s:%lld", file, line);
    return ov_err_set(err, OV_EINVAL, field, "%s line %lld: %s", file, line,
                      what);
}

/* Re-anchor an error from ov_csv ("line N: ...", chunk-relative) to the
 * file and absolute line. */
static ov_status csv_error(ov_err *err, const char *file, long long line,
                           const ov_err *inner)
{
    const char *m = inner->msg;
    if (strncmp(m, "line ", 5) == 0) {
        const char *c = strstr(m, ": ");
        if (c)
            m = c + 2;
    }
    return line_error(err, file, line, "%s", m);
}

/* A short, printable rendering of a value for messages. */
static void show(ov_str s, char out[48])
{
    size_t o = 0;
    for (size_t i = 0; i < s.len && o < 40; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        out[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    if (s.len > 40) {
        out[o++] = '.';
        out[o++] = '.';
        out[o++] = '.';
    }
    out[o] = '\0';
}

static bool valid_id(ov_str s)
{
    if (s.len == 0 || s.len > OV_REG_ID_MAX)
        return false;
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c < 0x20 || c == 0x7f)
            return false;
    }
    return true;
}

/* ---- id table: open addressing over person rows -------------------------- */

typedef struct id_table {
    uint32_t *slot;  /* row + 1, 0 = empty */
    size_t mask;
    const ov_str *ids;
} id_table;

static inline uint64_t id_hash(ov_str s)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < s.len; i++) {
        h ^= (unsigned char)s.ptr[i];
        h *= 1099511628211ull;
    }
    return h ^ (h >> 29);
}

static void id_table_init(id_table *t, size_t n, const ov_str *ids)
{
    size_t cap = 16;
    while (cap < n * 2 + 16)
        cap *= 2;
    t->slot = ov_xcalloc(cap, sizeof *t->slot);
    t->mask = cap - 1;
    t->ids = ids;
}

/* Insert row; returns the earlier row with the same id, or SIZE_MAX. */
static size_t id_table_insert(id_table *t, size_t row)
{
    ov_str id = t->ids[row];
    size_t h = (size_t)id_hash(id) & t->mask;
    for (;;) {
        uint32_t v = t->slot[h];
        if (v == 0) {
            t->slot[h] = (uint32_t)(row + 1);
            return SIZE_MAX;
        }
        if (ov_str_eq(t->ids[v - 1], id))
            return v - 1;
        h = (h + 1) & t->mask;
    }
}

static size_t id_table_find(const id_table *t, ov_str id)
{
    size_t h = (size_t)id_hash(id) & t->mask;
    for (;;) {
        uint32_t v = t->slot[h];
        if (v == 0)
            return SIZE_MAX;
        if (ov_str_eq(t->ids[v - 1], id))
            return v - 1;
        h = (h + 1) & t->mask;
    }
}

/* ---- population.csv -------------------------------------------------------- */

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int find_col(ov_str *hdr, size_t nh, const char *name)
{
    for (size_t i = 0; i < nh; i++)
        if (ov_str_eq_c(hdr[i], name))
            return (int)i;
    return -1;
}

static void list_columns(ov_str *hdr, size_t nh, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < nh && o + 4 < cap; i++) {
        int w = snprintf(out + o, cap - o, "%s%.*s", i ? ", " : "",
                         (int)hdr[i].len, hdr[i].ptr);
        if (w < 0)
            break;
        o += (size_t)w;
        if (o >= cap)
            o = cap - 1;
    }
}

/* Categorical codes: sort the distinct values, then look each cell up. */
static ov_status make_levels(ov_register *r, const char *file,
                             const char *colname, const ov_str *cells,
                             const size_t *rows, size_t n, char ***levels_out,
                             int *nlevels_out, int32_t *codes, ov_err *err)
{
    /* distinct values through a small hash table */
    size_t cap = 64;
    char **lv = NULL;
    size_t nl = 0, lvcap = 0;
    uint32_t *slot = ov_xcalloc(cap, sizeof *slot);
    int32_t *tmp = ov_xmalloc((n ? n : 1) * sizeof *tmp);
    for (size_t i = 0; i < n; i++) {
        ov_str v = cells[i];
        /* a level's name is kept as a C string: a NUL byte would make two
         * levels of one name and split one value's cells between them
         * (found by the register fuzz target) */
        if (memchr(v.ptr, '\0', v.len)) {
            free(slot);
            free(tmp);
            free(lv);
            return line_error(err, file, (long long)rows[i],
                              "column '%s' holds a NUL byte; the extract "
                              "must be text (re-export it as UTF-8 CSV)",
                              colname);
        }
        size_t h = (size_t)id_hash(v) & (cap - 1);
        for (;;) {
            uint32_t s = slot[h];
            if (s == 0) {
                if (nl >= OV_REG_MAX_LEVELS) {
                    free(slot);
                    free(tmp);
                    free(lv);
                    return line_error(
                        err, file, (long long)rows[i],
                        "column '%s' has more than %d different values; a "
                        "categorical covariate needs fewer (group the "
                        "values, or leave the column out with --covariates)",
                        colname, OV_REG_MAX_LEVELS);
                }
                if (nl == lvcap) {
                    lvcap = lvcap ? lvcap * 2 : 16;
                    lv = ov_xrealloc(lv, lvcap * sizeof *lv);
                }
                lv[nl] = ov_str_dup0(r->arena, v);
                slot[h] = (uint32_t)++nl;
                tmp[i] = (int32_t)(nl - 1);
                if (nl * 2 > cap) {
                    /* grow and rehash */
                    size_t ncap = cap * 4;
                    uint32_t *ns = ov_xcalloc(ncap, sizeof *ns);
                    for (size_t j = 0; j < nl; j++) {
                        size_t hh = (size_t)id_hash(ov_str_c(lv[j])) &
                                    (ncap - 1);
                        while (ns[hh])
                            hh = (hh + 1) & (ncap - 1);
                        ns[hh] = (uint32_t)(j + 1);
                    }
                    free(slot);
                    slot = ns;
                    cap = ncap;
                }
                break;
            }
            if (ov_str_eq_c(v, lv[s - 1])) {
                tmp[i] = (int32_t)(s - 1);
                break;
            }
            h = (h + 1) & (cap - 1);
        }
    }
    free(slot);
    /* sort the levels and map the provisional codes */
    char **sorted = ov_arena_alloc(r->arena, (nl ? nl : 1) * sizeof *sorted);
    memcpy(sorted, lv, nl * sizeof *sorted);
    qsort(sorted, nl, sizeof *sorted, cmp_cstr);
    int32_t *map = ov_xmalloc((nl ? nl : 1) * sizeof *map);
    for (size_t j = 0; j < nl; j++) {
        char **hit = bsearch(&lv[j], sorted, nl, sizeof *sorted, cmp_cstr);
        map[j] = (int32_t)(hit - sorted);
    }
    for (size_t i = 0; i < n; i++)
        codes[i] = map[tmp[i]];
    free(map);
    free(tmp);
    free(lv);
    *levels_out = sorted;
    *nlevels_out = (int)nl;
    return OV_OK;
}

/* Read and check the header row of `file`: present, every column named,
 * no name twice. `example` shows the expected columns in the message. */
static ov_status read_header(ov_csv *c, ov_register *r, reg_file *f,
                             const char *example, ov_str *hdr, size_t *nh,
                             ov_err *err)
{
    const char *file = f->name;
    ov_csv_init(c, f->data, f->len, ',');
    ov_err e2;
    ov_err_clear(&e2);
    if (ov_csv_next(c, r->arena, hdr, OV_REG_MAX_COLUMNS, nh, &e2) != OV_OK)
        return csv_error(err, file, 1, &e2);
    if (*nh == 0)
        return ov_err_set(err, OV_EINVAL, file,
                          "%s has no header row; the first line must name the "
                          "columns (%s)",
                          file, example);
    for (size_t i = 0; i < *nh; i++) {
        if (hdr[i].len == 0)
            return line_error(err, file, 1,
                              "column %zu has no name; name every column in "
                              "the header row",
                              i + 1);
        for (size_t j = 0; j < i; j++)
            if (ov_str_eq(hdr[i], hdr[j])) {
                char v[48];
                show(hdr[i], v);
                return line_error(err, file, 1,
                                  "column '%s' appears twice; give each "
                                  "column its own name",
                                  v);
            }
    }
    return OV_OK;
}

static ov_status read_population(const ov_register_options *o, ov_register *r,
                                 reg_file *f, id_table *ids, size_t **keep_of,
                                 size_t *nrows_out, ov_str **ids_out,
                                 ov_err *err)
{
    const char *file = f->name;
    ov_csv c;
    ov_str hdr[OV_REG_MAX_COLUMNS + 1];
    size_t nh;
    ov_err e2;
    ov_status hs = read_header(&c, r, f, "id,treated,start,...", hdr, &nh, err);
    if (hs != OV_OK)
        return hs;
    char cols[512];
    list_columns(hdr, nh, cols, sizeof cols);
    int c_id = find_col(hdr, nh, "id"), c_tr = find_col(hdr, nh, "treated"),
        c_st = find_col(hdr, nh, "start");
    const char *need = c_id < 0 ? "id" : c_tr < 0 ? "treated"
                                     : c_st < 0   ? "start"
                                                  : NULL;
    if (need)
        return line_error(err, file, 1,
                          "the required column '%s' is missing (the columns "
                          "are: %s); population.csv needs id, treated and "
                          "start",
                          need, cols);

    /* which covariates */
    int ncov = 0;
    int covcol[OV_REG_MAX_COLUMNS];
    if (o->ncovariates > 0) {
        for (int k = 0; k < o->ncovariates; k++) {
            const char *nm = o->covariates[k];
            int ci = find_col(hdr, nh, nm);
            if (ci < 0)
                return ov_err_set(err, OV_EINVAL, "--covariates",
                                  "--covariates: %s has no column '%s'; its "
                                  "columns are: %s",
                                  file, nm, cols);
            if (ci == c_id || ci == c_tr || ci == c_st)
                return ov_err_set(err, OV_EINVAL, "--covariates",
                                  "--covariates: '%s' is not a covariate; "
                                  "name columns other than id, treated and "
                                  "start",
                                  nm);
            for (int j = 0; j < ncov; j++)
                if (covcol[j] == ci)
                    return ov_err_set(err, OV_EINVAL, "--covariates",
                                      "--covariates: '%s' is named twice", nm);
            covcol[ncov++] = ci;
        }
    } else {
        for (size_t i = 0; i < nh; i++)
            if ((int)i != c_id && (int)i != c_tr && (int)i != c_st)
                covcol[ncov++] = (int)i;
    }
    int c_ex = -1;
    if (o->exact) {
        c_ex = find_col(hdr, nh, o->exact);
        if (c_ex < 0 || c_ex == c_id || c_ex == c_tr || c_ex == c_st)
            return ov_err_set(err, OV_EINVAL, "--exact",
                              "--exact: %s has no covariate column '%s'; its "
                              "columns are: %s",
                              file, o->exact, cols);
    }

    /* rows: count lines for a capacity estimate */
    size_t cap = 1024;
    size_t nrows = 0;
    ov_str *idv = ov_xmalloc(cap * sizeof *idv);
    unsigned char *tr = ov_xmalloc(cap);
    ov_month *st = ov_xmalloc(cap * sizeof *st);
    size_t *line = ov_xmalloc(cap * sizeof *line);
    unsigned char *drop = ov_xmalloc(cap);
    ov_str **cells = ov_xcalloc((size_t)ncov + 1, sizeof *cells);
    for (int k = 0; k <= ncov; k++)
        cells[k] = ov_xmalloc(cap * sizeof(ov_str));
    ov_status rc = OV_OK;
    ov_str fld[OV_REG_MAX_COLUMNS + 1];
    for (;;) {
        size_t nf;
        ov_err_clear(&e2);
        if (ov_csv_next(&c, r->arena, fld, OV_REG_MAX_COLUMNS, &nf, &e2) !=
            OV_OK) {
            rc = csv_error(err, file, c.line, &e2);
            goto out;
        }
        if (nf == 0)
            break;
        long long ln = c.line;
        if (nf != nh) {
            rc = line_error(err, file, ln,
                            "%zu fields, but the header has %zu; every row "
                            "needs one value per column",
                            nf, nh);
            goto out;
        }
        if (nrows == cap) {
            cap *= 2;
            idv = ov_xrealloc(idv, cap * sizeof *idv);
            tr = ov_xrealloc(tr, cap);
            st = ov_xrealloc(st, cap * sizeof *st);
            line = ov_xrealloc(line, cap * sizeof *line);
            drop = ov_xrealloc(drop, cap);
            for (int k = 0; k <= ncov; k++)
                cells[k] = ov_xrealloc(cells[k], cap * sizeof(ov_str));
        }
        char v[48];
        if (!valid_id(fld[c_id])) {
            show(fld[c_id], v);
            rc = line_error(err, file, ln,
                            "id '%s' is empty, longer than %d bytes or holds "
                            "a control character; give every person a short "
                            "printable id",
                            v, OV_REG_ID_MAX);
            goto out;
        }
        ov_str t = fld[c_tr];
        if (t.len != 1 || (t.ptr[0] != '0' && t.ptr[0] != '1')) {
            show(t, v);
            rc = line_error(err, file, ln,
                            "treated is '%s'; write 1 for a participant and 0 "
                            "for a comparison person",
                            v);
            goto out;
        }
        ov_month m;
        if (!ov_month_parse(fld[c_st], &m)) {
            show(fld[c_st], v);
            rc = line_error(err, file, ln,
                            "start '%s' is not a month; write it as YYYY-MM, "
                            "e.g. 2019-03",
                            v);
            goto out;
        }
        idv[nrows] = fld[c_id];
        tr[nrows] = (unsigned char)(t.ptr[0] - '0');
        st[nrows] = m;
        line[nrows] = (size_t)ln;
        drop[nrows] = 0;
        for (int k = 0; k < ncov; k++) {
            ov_str x = fld[covcol[k]];
            if (x.len == 0) {
                if (!o->drop_missing) {
                    rc = line_error(
                        err, file, ln,
                        "column '%.*s' is empty; fill it in, or run with "
                        "--drop-missing to leave such persons out",
                        (int)hdr[covcol[k]].len, hdr[covcol[k]].ptr);
                    goto out;
                }
                drop[nrows] = 1;
            }
            cells[k][nrows] = x;
        }
        if (c_ex >= 0) {
            ov_str x = fld[c_ex];
            if (x.len == 0) {
                if (!o->drop_missing) {
                    rc = line_error(
                        err, file, ln,
                        "column '%.*s' (--exact) is empty; fill it in, or "
                        "run with --drop-missing to leave such persons out",
                        (int)hdr[c_ex].len, hdr[c_ex].ptr);
                    goto out;
                }
                drop[nrows] = 1;
            }
            cells[ncov][nrows] = x;
        }
        nrows++;
    }
    if (nrows == 0) {
        rc = ov_err_set(err, OV_EINVAL, file,
                        "%s has a header but no persons", file);
        goto out;
    }
    if (nrows >= UINT32_MAX - 1) {
        rc = ov_err_set(err, OV_EINVAL, file, "%s has too many rows", file);
        goto out;
    }

    /* duplicates */
    id_table_init(ids, nrows, idv);
    for (size_t i = 0; i < nrows; i++) {
        size_t prev = id_table_insert(ids, i);
        if (prev != SIZE_MAX) {
            char v[48];
            show(idv[i], v);
            rc = line_error(err, file, (long long)line[i],
                            "id '%s' is already on line %zu; every person "
                            "needs one row with a unique id",
                            v, line[prev]);
            goto out;
        }
    }

    /* keep map and columns of the persons kept */
    size_t *keep = ov_xmalloc(nrows * sizeof *keep);
    size_t n = 0;
    for (size_t i = 0; i < nrows; i++)
        keep[i] = drop[i] ? SIZE_MAX : n++;
    r->n = n;
    r->n_dropped = nrows - n;
    *keep_of = keep;
    *nrows_out = nrows;
    r->id = ov_xmalloc((n ? n : 1) * sizeof *r->id);
    r->treated = ov_xmalloc(n ? n : 1);
    r->start = ov_xmalloc((n ? n : 1) * sizeof *r->start);
    size_t *krow = ov_xmalloc((n ? n : 1) * sizeof *krow);
    size_t ntr = 0;
    for (size_t i = 0; i < nrows; i++)
        if (keep[i] != SIZE_MAX) {
            size_t j = keep[i];
            r->id[j] = idv[i];
            r->treated[j] = tr[i];
            r->start[j] = st[i];
            krow[j] = line[i];
            ntr += tr[i];
        }
    if (ntr == 0 || ntr == n) {
        free(krow);
        rc = ov_err_set(err, OV_EINVAL, file,
                        "%s has %s (of %zu persons%s); an evaluation needs "
                        "both participants (treated = 1) and comparison "
                        "persons (treated = 0)",
                        file, ntr == 0 ? "no treated persons" : "no controls",
                        n, r->n_dropped ? " kept after --drop-missing" : "");
        goto out;
    }
    ov_str *kc = ov_xmalloc(n * sizeof *kc);
    r->ncov = ncov;
    r->cov = ov_xcalloc((size_t)ncov + 1, sizeof *r->cov);
    for (int k = 0; k <= ncov; k++) {
        if (k == ncov && c_ex < 0)
            break;
        int col = k < ncov ? covcol[k] : c_ex;
        for (size_t i = 0; i < nrows; i++)
            if (keep[i] != SIZE_MAX)
                kc[keep[i]] = cells[k][i];
        char *name = ov_str_dup0(r->arena, hdr[col]);
        if (k == ncov) {
            r->exact_group = ov_xmalloc(n * sizeof *r->exact_group);
            rc = make_levels(r, file, name, kc, krow, n, &r->exact_levels,
                             &r->exact_nlevels, r->exact_group, err);
            if (rc != OV_OK)
                break;
            continue;
        }
        ov_reg_covariate *cv = &r->cov[k];
        cv->name = name;
        double *num = ov_xmalloc(n * sizeof *num);
        bool numeric = true;
        for (size_t i = 0; i < n && numeric; i++)
            numeric = ov_reg_parse_number(kc[i], &num[i]);
        if (numeric) {
            cv->num = num;
        } else {
            free(num);
            cv->categorical = true;
            cv->level = ov_xmalloc(n * sizeof *cv->level);
            rc = make_levels(r, file, name, kc, krow, n, &cv->levels,
                             &cv->nlevels, cv->level, err);
            if (rc != OV_OK)
                break;
        }
    }
    free(kc);
    free(krow);
out:
    *ids_out = idv; /* the id table's keys; freed by the caller */
    free(tr);
    free(st);
    free(line);
    free(drop);
    for (int k = 0; k <= ncov; k++)
        free(cells[k]);
    free(cells);
    return rc;
}

/* ---- months.csv ------------------------------------------------------------ */

typedef struct month_job {
    /* shared */
    ov_register *r;
    const id_table *ids;
    const size_t *keep_of;
    unsigned char *seen;        /* rows (population order): has a month */
    const char *file;
    size_t nh;
    int c_id, c_month, c_status;
    int numcol[OV_REG_MAX_COLUMNS];  /* header index -> numeric column or -1 */
    atomic_size_t *bytes_done;
    atomic_int *finished;
    /* own range */
    const char *begin, *end;
    /* results */
    ov_status rc;
    ov_err err;
    long long err_line;        /* chunk-relative */
    long long lines;           /* newlines in the range */
    size_t rows, kept;
    bool dup;                  /* the error is a duplicate person-month */
} month_job;

/* ov_csv_next with a fast path for the common line: no quote, no stray CR,
 * short fields. Anything else goes to ov_csv_next, so the results and
 * errors are the same. */
static ov_status next_record(ov_csv *c, ov_arena *a, ov_str *fld, size_t cap,
                             size_t *nf, ov_err *err)
{
    const char *p = c->p;
    while (p < c->end && (*p == '\n' || *p == '\r')) {
        if (*p == '\r')
            return ov_csv_next(c, a, fld, cap, nf, err);
        c->next_line++;
        p++;
    }
    c->p = p;
    if (p >= c->end) {
        *nf = 0;
        return OV_OK;
    }
    const char *nl = memchr(p, '\n', (size_t)(c->end - p));
    const char *le = nl ? nl : c->end;
    const char *body_end = le;
    if (body_end > p && body_end[-1] == '\r')
        body_end--;
    if (memchr(p, '"', (size_t)(le - p)) ||
        memchr(p, '\r', (size_t)(body_end - p)))
        return ov_csv_next(c, a, fld, cap, nf, err);
    size_t k = 0;
    const char *f = p;
    for (const char *x = p;; x++) {
        if (x == body_end || *x == ',') {
            if (k >= cap || (size_t)(x - f) > c->max_field_len)
                return ov_csv_next(c, a, fld, cap, nf, err);
            fld[k++] = (ov_str){f, (size_t)(x - f)};
            if (x == body_end)
                break;
            f = x + 1;
        }
    }
    c->line = c->next_line;
    if (nl) {
        c->p = nl + 1;
        c->next_line++;
    } else {
        c->p = c->end;
    }
    *nf = k;
    return OV_OK;
}

static void *month_worker(void *arg)
{
    month_job *j = arg;
    ov_register *r = j->r;
    ov_arena *a = ov_arena_new(0);
    ov_csv c;
    ov_csv_init(&c, j->begin, (size_t)(j->end - j->begin), ',');
    ov_str fld[OV_REG_MAX_COLUMNS + 1];
    size_t last_row = SIZE_MAX;
    ov_str last_id = {NULL, 0};
    const size_t width = (size_t)r->kmax + 1;
    const size_t nwidth = (size_t)(r->num_kmax + 1);
    const char *reported = j->begin;
    ov_err e2;
    char v[48];
    for (;;) {
        size_t nf;
        if (next_record(&c, a, fld, OV_REG_MAX_COLUMNS, &nf, &e2) != OV_OK) {
            j->rc = OV_EINVAL;
            j->err_line = c.line;
            j->err = e2;
            /* the message is re-anchored by the caller */
            break;
        }
        if (nf == 0)
            break;
        if ((size_t)(c.p - reported) > (1u << 22)) {
            atomic_fetch_add_explicit(j->bytes_done, (size_t)(c.p - reported),
                                      memory_order_relaxed);
            reported = c.p;
        }
        j->rows++;
        if (nf != j->nh) {
            j->rc = line_error(&j->err, j->file, 0,
                               "%zu fields, but the header has %zu; every row "
                               "needs one value per column",
                               nf, j->nh);
            j->err_line = c.line;
            break;
        }
        ov_str id = fld[j->c_id];
        size_t row;
        if (last_row != SIZE_MAX && same(id, last_id)) {
            row = last_row;
        } else {
            row = id_table_find(j->ids, id);
            if (row == SIZE_MAX) {
                show(id, v);
                j->rc = line_error(&j->err, j->file, 0,
                                   "id '%s' is not in population.csv; every "
                                   "person in months.csv needs a row there",
                                   v);
                j->err_line = c.line;
                break;
            }
            last_row = row;
            last_id = id;
        }
        ov_month m;
        if (!ov_month_parse(fld[j->c_month], &m)) {
            show(fld[j->c_month], v);
            j->rc = line_error(&j->err, j->file, 0,
                               "month '%s' is not a month; write it as "
                               "YYYY-MM, e.g. 2019-03",
                               v);
            j->err_line = c.line;
            break;
        }
        int s = ov_regstatus_parse(fld[j->c_status]);
        if (s < 0) {
            show(fld[j->c_status], v);
            j->rc = line_error(&j->err, j->file, 0,
                               "status '%s' is unknown; use ordinary, "
                               "subsidised, placement, benefit, "
                               "disability_pension, resource_course, "
                               "education or other",
                               v);
            j->err_line = c.line;
            break;
        }
        double nums[OV_REG_MAX_COLUMNS];
        int bad = -1;
        for (size_t f = 0; f < nf; f++) {
            int nc = j->numcol[f];
            if (nc >= 0 && !ov_reg_parse_number(fld[f], &nums[nc])) {
                bad = (int)f;
                break;
            }
        }
        if (bad >= 0) {
            show(fld[bad], v);
            j->rc = line_error(&j->err, j->file, 0,
                               "column '%s' has '%s', which is not a number; "
                               "write numbers with '.' as the decimal point",
                               r->num_name[j->numcol[bad]], v);
            j->err_line = c.line;
            break;
        }
        size_t p = j->keep_of[row];
        __atomic_store_n(&j->seen[row], (unsigned char)1, __ATOMIC_RELAXED);
        if (p == SIZE_MAX)
            continue; /* dropped by --drop-missing */
        int k = m - r->start[p];
        if (k < 0 || k > r->kmax)
            continue;
        unsigned char expect = OV_RS_MISSING;
        if (!__atomic_compare_exchange_n(&r->status[p * width + (size_t)k],
                                         &expect, (unsigned char)s, false,
                                         __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
            char mm[8];
            ov_month_format(m, mm);
            show(id, v);
            j->rc = line_error(&j->err, j->file, 0,
                               "person '%s' has month %s twice; keep one row "
                               "per person and month",
                               v, mm);
            j->dup = true;
            j->err_line = c.line;
            break;
        }
        j->kept++;
        if (k <= r->num_kmax)
            for (int q = 0; q < r->nnum; q++)
                r->num[q][p * nwidth + (size_t)k] = nums[q];
    }
    atomic_fetch_add_explicit(j->bytes_done, (size_t)(c.p - reported),
                              memory_order_relaxed);
    j->lines = c.next_line - 1;
    ov_arena_destroy(a);
    atomic_fetch_add(j->finished, 1);
    return NULL;
}

/* Every person-month missing: statuses OV_RS_MISSING, numbers NaN. */
static void clear_months(ov_register *r)
{
    memset(r->status, OV_RS_MISSING, r->n * (size_t)(r->kmax + 1));
    if (r->num_kmax < 0)
        return;
    size_t cnt = r->n * (size_t)(r->num_kmax + 1);
    for (int q = 0; q < r->nnum; q++)
        for (size_t i = 0; i < cnt; i++)
            r->num[q][i] = NAN;
}

static ov_status read_months(const ov_register_options *o, ov_register *r,
                             reg_file *f, const id_table *ids,
                             const size_t *keep_of, size_t nrows, ov_err *err)
{
    const char *file = f->name;
    ov_csv c;
    ov_str hdr[OV_REG_MAX_COLUMNS + 1];
    size_t nh;
    ov_status hs = read_header(&c, r, f, "id,month,status,...", hdr, &nh, err);
    if (hs != OV_OK)
        return hs;
    month_job proto;
    memset(&proto, 0, sizeof proto);
    proto.c_id = find_col(hdr, nh, "id");
    proto.c_month = find_col(hdr, nh, "month");
    proto.c_status = find_col(hdr, nh, "status");
    char cols[512];
    list_columns(hdr, nh, cols, sizeof cols);
    const char *need = proto.c_id < 0      ? "id"
                       : proto.c_month < 0 ? "month"
                       : proto.c_status < 0 ? "status"
                                            : NULL;
    if (need)
        return line_error(err, file, 1,
                          "the required column '%s' is missing (the columns "
                          "are: %s); months.csv needs id, month and status",
                          need, cols);
    r->num_name = ov_arena_zalloc(r->arena, (nh + 1) * sizeof(char *));
    r->nnum = 0;
    for (size_t i = 0; i < nh; i++) {
        proto.numcol[i] = -1;
        if ((int)i == proto.c_id || (int)i == proto.c_month ||
            (int)i == proto.c_status)
            continue;
        proto.numcol[i] = r->nnum;
        r->num_name[r->nnum++] = ov_str_dup0(r->arena, hdr[i]);
    }
    r->num_kmax = r->nnum > 0 ? o->num_kmax : -1;
    if (r->num_kmax > r->kmax)
        r->num_kmax = r->kmax;
    size_t width = (size_t)r->kmax + 1;
    r->status = ov_xmalloc(r->n * width);
    r->num = ov_xcalloc((size_t)r->nnum + 1, sizeof *r->num);
    if (r->num_kmax >= 0)
        for (int q = 0; q < r->nnum; q++)
            r->num[q] = ov_xmalloc(r->n * (size_t)(r->num_kmax + 1) *
                                   sizeof(double));
    clear_months(r);

    /* the data after the header: the mapped file, or a streamed file's
     * chunks one after the other; each is split into ranges of whole
     * lines parsed by the threads */
    int nt_opt = o->threads < 1 ? 1 : o->threads;
    if (nt_opt > 16)
        nt_opt = 16;
    month_job jobs[16];
    atomic_size_t done = 0;
    atomic_int finished = 0;
    unsigned char *seen = ov_xcalloc(nrows, 1);
    const long long header_lines = c.next_line - 1;
    ov_status rc = OV_OK;
retry:;
    const char *data = c.p, *end = f->data + f->len;
    long long base = header_lines; /* lines before the range */
    bool dup = false;
    for (;;) {
        size_t total = (size_t)(end - data);
        int nt = nt_opt;
        while (nt > 1 && total / (size_t)nt < (1u << 20))
            nt--;
        atomic_store(&done, 0);
        atomic_store(&finished, 0);
        const char *b = data;
        for (int t = 0; t < nt; t++) {
            jobs[t] = proto;
            jobs[t].r = r;
            jobs[t].ids = ids;
            jobs[t].keep_of = keep_of;
            jobs[t].seen = seen;
            jobs[t].file = file;
            jobs[t].nh = nh;
            jobs[t].bytes_done = &done;
            jobs[t].finished = &finished;
            jobs[t].begin = b;
            const char *e = t == nt - 1
                                ? end
                                : data + total / (size_t)nt * (size_t)(t + 1);
            if (e < b)
                e = b;
            if (t < nt - 1) {
                const char *nl = memchr(e, '\n', (size_t)(end - e));
                e = nl ? nl + 1 : end;
            }
            jobs[t].end = e;
            b = e;
        }
        pthread_t th[16];
        int started = 0;
        for (int t = 0; t < nt; t++) {
            if (pthread_create(&th[t], NULL, month_worker, &jobs[t]) != 0)
                break;
            started++;
        }
        if (started < nt) {
            for (int t = 0; t < started; t++)
                pthread_join(th[t], NULL);
            free(seen);
            return ov_err_set(err, OV_EIO, NULL,
                              "cannot start a parsing thread; try --threads "
                              "1");
        }
        /* progress: bytes of the mapped file, or of the compressed file
         * read so far */
        double pdone = 0, ptotal = (double)total;
        while (o->progress && !f->gz && atomic_load(&finished) < nt) {
            o->progress(o->progress_ctx, "months.csv",
                        (double)atomic_load(&done), ptotal);
            struct timespec ts = {0, 200 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
        for (int t = 0; t < nt; t++)
            pthread_join(th[t], NULL);
        if (f->gz) {
            pdone = (double)gzoffset(f->gz);
            ptotal = f->gz_bytes;
            if (pdone > ptotal || f->eof)
                pdone = ptotal;
        } else {
            pdone = ptotal;
        }
        if (o->progress)
            o->progress(o->progress_ctx, "months.csv", pdone, ptotal);

        /* A duplicate person-month found across two ranges is reported by
         * whichever thread stored second, which is timing; parse again in
         * one thread so the message is the one of the later line, as
         * always. (Chunks are parsed in order, so across chunks the later
         * line is always the one reported.) */
        for (int t = 0; t < nt; t++)
            if (jobs[t].rc != OV_OK) {
                dup = jobs[t].dup && nt > 1;
                break;
            }
        if (dup)
            break;
        for (int t = 0; t < nt && rc == OV_OK; t++) {
            if (jobs[t].rc != OV_OK) {
                long long ln = base + jobs[t].err_line;
                if (strncmp(jobs[t].err.msg, "line ", 5) == 0)
                    rc = csv_error(err, file, ln, &jobs[t].err);
                else {
                    /* "months.csv line 0: what" -> the absolute line */
                    const char *m = strstr(jobs[t].err.msg, ": ");
                    rc = line_error(err, file, ln, "%s", m ? m + 2 : "");
                }
                break;
            }
            base += jobs[t].lines;
            r->month_rows += jobs[t].rows;
            r->month_rows_kept += jobs[t].kept;
        }
        if (rc != OV_OK || !f->gz)
            break;
        if ((rc = gz_next_chunk(f, err)) != OV_OK)
            break;
        if (f->len == 0)
            break;
        data = f->data;
        end = f->data + f->len;
    }
    if (dup) {
        clear_months(r);
        memset(seen, 0, nrows);
        r->month_rows = r->month_rows_kept = 0;
        nt_opt = 1;
        if (f->gz) {
            /* from the start again: the header chunk, then on */
            if (gzrewind(f->gz) != 0) {
                free(seen);
                return gz_error(f, err);
            }
            f->len = f->carry = 0;
            f->eof = false;
            if ((rc = gz_next_chunk(f, err)) != OV_OK) {
                free(seen);
                return rc;
            }
            ov_csv_init(&c, f->data, f->len, ',');
            ov_str skip[OV_REG_MAX_COLUMNS + 1];
            size_t nskip;
            ov_err e3;
            if (ov_csv_next(&c, r->arena, skip, OV_REG_MAX_COLUMNS, &nskip,
                            &e3) != OV_OK) {
                free(seen);
                return csv_error(err, file, 1, &e3);
            }
        }
        goto retry;
    }
    if (rc == OV_OK) {
        size_t none = 0;
        for (size_t i = 0; i < nrows; i++)
            if (!seen[i] && keep_of[i] != SIZE_MAX)
                none++;
        r->persons_without_months = none;
    }
    free(seen);
    return rc;
}

/* ---- entry ------------------------------------------------------------------- */

ov_status ov_register_read(const ov_register_options *o, ov_register *r,
                           ov_err *err)
{
    memset(r, 0, sizeof *r);
    r->arena = ov_arena_new(0);
    r->kmax = o->kmax < 0 ? 0 : o->kmax;
    if (r->kmax > 1200)
        r->kmax = 1200;
    r->num_kmax = -1;
    reg_file pop, mon;
    memset(&mon, 0, sizeof mon);
    /* population stays in memory whole (the ids point into it); months,
     * 48 rows a person, is streamed when compressed */
    ov_status rc = load_file(o->dir, "population", &pop, 0, err);
    if (rc != OV_OK) {
        reg_file_free(&pop);
        ov_register_free(r);
        return rc;
    }
    r->pop_data = pop.data;
    r->pop_len = pop.len;
    r->pop_mapped = pop.mapped;
    id_table ids = {0};
    size_t *keep_of = NULL, nrows = 0;
    ov_str *idv = NULL;
    rc = read_population(o, r, &pop, &ids, &keep_of, &nrows, &idv, err);
    if (rc == OV_OK)
        rc = load_file(o->dir, "months", &mon,
                       o->gz_chunk ? o->gz_chunk : (size_t)16 << 20, err);
    if (rc == OV_OK)
        rc = read_months(o, r, &mon, &ids, keep_of, nrows, err);
    reg_file_free(&mon);
    free(ids.slot);
    free(idv);
    free(keep_of);
    if (rc != OV_OK)
        ov_register_free(r);
    return rc;
}

void ov_register_free(ov_register *r)
{
    if (!r)
        return;
    for (int k = 0; k <= r->ncov && r->cov; k++) {
        free(r->cov[k].num);
        free(r->cov[k].level);
    }
    free(r->cov);
    free(r->exact_group);
    free(r->id);
    free(r->treated);
    free(r->start);
    free(r->status);
    for (int q = 0; r->num && q < r->nnum; q++)
        free(r->num[q]);
    free(r->num);
    if (r->pop_data) {
        if (r->pop_mapped)
            munmap(r->pop_data, r->pop_len);
        else
            free(r->pop_data);
    }
    ov_arena_destroy(r->arena);
    memset(r, 0, sizeof *r);
}
