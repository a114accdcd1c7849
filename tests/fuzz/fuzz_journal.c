/*
 * fuzz_journal - the replay of the read-audit journal (src/store/
 * journal.c): what ov_journal_open reads back from the two journal files
 * beside a database after a crash.
 *
 * Input: a byte giving the sequence number already folded (0-7), a byte of
 * flags (bit 0: give each complete frame its right CRC-32, so the fuzzer
 * reaches the payload parser and not only the checksum), then the two
 * files separated by a line "--". They are written beside a temp database
 * path and opened; the database itself plays no part in reading the
 * journal (the fold into audit_log is plain SQL inserts of these records).
 *
 * Invariants: every record replayed has a number above the folded one, a
 * known action and an actor, role and purpose; opening the same files
 * again (after the torn tail was cut off) replays exactly the same
 * records; and a record appended after the replay is numbered above every
 * record read and comes back, after them, on the next open.
 */
#include "fuzz.h"

#include <zlib.h>

#include "core/arena.h"
#include "store/journal.h"

static char db[300], file[2][320];

static void remove_files(void)
{
    unlink(file[0]);
    unlink(file[1]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(db, sizeof db, "%s/journal.db", fuzz_tmpdir());
    snprintf(file[0], sizeof file[0], "%s-audit", db);
    snprintf(file[1], sizeof file[1], "%s-audit2", db);
    atexit(remove_files);
    return 0;
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* Give every complete frame from the start its right CRC-32. */
static void fix_crcs(unsigned char *p, size_t n)
{
    size_t off = 0;
    while (n - off >= 12 && memcmp(p + off, "OVAJ", 4) == 0) {
        uint32_t len = get_u32(p + off + 4);
        if (len > n - off - 12)
            break;
        uint32_t c = (uint32_t)crc32(0L, p + off + 12, len);
        for (int i = 0; i < 4; i++)
            p[off + 8 + i] = (unsigned char)(c >> (8 * i));
        off += 12 + len;
    }
}

typedef struct snap {
    size_t n;
    ov_jrec *r;    /* copies, in replay order */
    uint64_t lost; /* > 0: the open refused, acknowledged records missing */
} snap;

static char *dup_or_null(ov_arena *a, const char *s)
{
    return s ? ov_arena_strdup(a, s) : NULL;
}

/* Open, check and copy what was replayed, close. */
static snap replay(ov_arena *a, uint64_t folded)
{
    ov_journal *j;
    ov_journal_state js;
    ov_err err;
    ov_err_clear(&err);
    snap s = {0, NULL, 0};
    ov_status st = ov_journal_open(db, folded, 0, false, &j, &js, &err);
    if (st == OV_ECORRUPT) {
        /* a damaged record followed by good ones: a loss, counted, and
         * the files left as they are (the same answer every time) */
        FUZZ_CHECK(js.lost > 0, "refused without a loss: %s", err.msg);
        s.lost = js.lost;
        return s;
    }
    FUZZ_CHECK(st == OV_OK, "the journal does not open: %s", err.msg);
    ov_jrec *r = ov_journal_take(j, 1, &s.n);
    s.r = OV_NEW_N(a, ov_jrec, s.n ? s.n : 1);
    for (size_t i = 0; i < s.n; i++, r = r->next) {
        FUZZ_CHECK(r != NULL, "%zu records taken, list ends at %zu", s.n, i);
        FUZZ_CHECK(r->seq > folded, "record %llu is folded already",
                   (unsigned long long)r->seq);
        FUZZ_CHECK((unsigned)r->action < OV_ACT_COUNT, "action %d",
                   (int)r->action);
        FUZZ_CHECK(r->actor && r->role && r->purpose, "a NULL string");
        FUZZ_CHECK(r->file == 0 || r->file == 1, "file %d", r->file);
        s.r[i] = *r;
        s.r[i].actor = dup_or_null(a, r->actor);
        s.r[i].role = dup_or_null(a, r->role);
        s.r[i].purpose = dup_or_null(a, r->purpose);
        s.r[i].criterion = dup_or_null(a, r->criterion);
    }
    ov_journal_folded(j, 1, false);
    ov_journal_close(j);
    return s;
}

static bool str_same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool rec_same(const ov_jrec *a, const ov_jrec *b)
{
    return a->seq == b->seq && a->at == b->at &&
           a->citizen_id == b->citizen_id && a->action == b->action &&
           str_same(a->actor, b->actor) && str_same(a->role, b->role) &&
           str_same(a->purpose, b->purpose) &&
           str_same(a->criterion, b->criterion);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    uint64_t folded = data[0] % 8;
    bool fix = data[1] & 1;
    ov_str in[2];
    fuzz_split(fuzz_str(data + 2, size - 2), &in[0], &in[1]);
    for (int i = 0; i < 2; i++) {
        unsigned char *copy = ov_xmalloc(in[i].len ? in[i].len : 1);
        memcpy(copy, in[i].ptr, in[i].len);
        if (fix)
            fix_crcs(copy, in[i].len);
        fuzz_write_file(file[i], (ov_str){(const char *)copy, in[i].len});
        free(copy);
    }
    ov_arena *a = ov_arena_new(0);
    snap first = replay(a, folded);
    snap again = replay(a, folded);
    FUZZ_CHECK(again.lost == first.lost, "lost %llu records, then %llu",
               (unsigned long long)first.lost,
               (unsigned long long)again.lost);
    if (first.lost) {
        /* reading without opening (verify, status) counts the same loss */
        ov_journal_state js;
        ov_err err;
        FUZZ_CHECK(ov_journal_scan(db, folded, 0, &js, &err) == OV_OK &&
                       js.lost == first.lost,
                   "the scan does not see the %llu lost records",
                   (unsigned long long)first.lost);
        ov_arena_destroy(a);
        return 0;
    }
    FUZZ_CHECK(again.n == first.n, "replayed %zu records, then %zu", first.n,
               again.n);
    for (size_t i = 0; i < first.n; i++)
        FUZZ_CHECK(rec_same(&first.r[i], &again.r[i]),
                   "record %zu differs on the second replay", i);

    /* A record numbered 0 or above INT64_MAX does not check (found by
     * this target: after 2^64-1 the next append wrapped to 0). */
    for (size_t i = 0; i < first.n; i++)
        FUZZ_CHECK(first.r[i].seq > 0 && first.r[i].seq <= (uint64_t)INT64_MAX,
                   "record %zu has number %llu", i,
                   (unsigned long long)first.r[i].seq);

    /* append after the replay, then replay again */
    ov_journal *j;
    ov_err err;
    ov_journal_state js;
    FUZZ_CHECK(ov_journal_open(db, folded, 0, false, &j, &js, &err) == OV_OK,
               "%s", err.msg);
    const ov_actor actor = {"fuzz", OV_ROLE_CTI_WORKER, "replay"};
    uint64_t seq = 0;
    FUZZ_CHECK(ov_journal_append(j, &actor, OV_ACT_READ, 42, "fuzz", &seq,
                                 &err) == OV_OK &&
                   ov_journal_sync(j, seq, &err) == OV_OK,
               "%s", err.msg);
    ov_journal_close(j);
    FUZZ_CHECK(seq > folded, "appended as %llu, folded is %llu",
               (unsigned long long)seq, (unsigned long long)folded);
    for (size_t i = 0; i < first.n; i++)
        FUZZ_CHECK(seq > first.r[i].seq, "appended as %llu after %llu",
                   (unsigned long long)seq,
                   (unsigned long long)first.r[i].seq);
    snap after = replay(a, folded);
    FUZZ_CHECK(after.n == first.n + 1, "%zu records after one append to %zu",
               after.n, first.n);
    for (size_t i = 0; i < first.n; i++)
        FUZZ_CHECK(rec_same(&first.r[i], &after.r[i]),
                   "record %zu differs after an append", i);
    const ov_jrec *last = &after.r[first.n];
    FUZZ_CHECK(last->seq == seq && last->citizen_id == 42 &&
                   last->action == OV_ACT_READ &&
                   str_same(last->actor, "fuzz") &&
                   str_same(last->criterion, "fuzz"),
               "the appended record comes back changed");
    ov_arena_destroy(a);
    return 0;
}
