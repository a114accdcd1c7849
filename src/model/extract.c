/*
 * extract.c - the national monitoring extract (see extract.h).
 */
#include "model/extract.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "OVMX"
#define FILE_FORMAT "overgang-monitoring-extract"

/* ---- little-endian helpers ---- */

static void put_u16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static unsigned get_u16(const uint8_t *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint32_t ymd_of(ov_date d)
{
    ov_ymd t = ov_date_to_ymd(d);
    return (uint32_t)(t.year * 10000 + t.month * 100 + t.day);
}

static bool date_of(uint32_t v, ov_date *d)
{
    int y = (int)(v / 10000), m = (int)(v / 100 % 100), dd = (int)(v % 100);
    if (!ov_ymd_valid(y, m, dd))
        return false;
    *d = ov_date_from_ymd(y, m, dd);
    return true;
}

/* ---- small pieces ---- */

void ov_mx_pseudonym(const uint8_t key[OV_KEY_BYTES], const char cpr[10],
                     uint8_t out[OV_PSEUDONYM_BYTES])
{
    ov_pseudonym(key, cpr, 10, out);
}

int ov_mx_birth_band(int birth_year)
{
    return birth_year - birth_year % OV_MX_BIRTH_BAND;
}

int ov_mx_month(ov_date d)
{
    if (d == 0)
        return 0;
    ov_ymd t = ov_date_to_ymd(d);
    return t.year * 100 + t.month;
}

ov_status ov_mx_period_check(ov_date from, ov_date to, const char *field,
                             ov_err *err)
{
    if (to < from) {
        char f[OV_DATE_BUF], t[OV_DATE_BUF];
        ov_date_format_iso(from, f);
        ov_date_format_iso(to, t);
        return ov_err_set(err, OV_EINVAL, field,
                          "%s: the period ends (%s) before it starts (%s); "
                          "give FROM..TO with FROM on or before TO",
                          field, t, f);
    }
    return OV_OK;
}

/* ---- records as JSON lines ---- */

typedef enum kind { K_MONTH, K_COUNT, K_FLAG, K_SCORE, K_HOURS } kind;

/* The plain numeric fields, in the order they are written. */
static const struct field {
    const char *name;
    kind k;
    size_t off;
} fields[] = {
#define F(name, k) {#name, k, offsetof(ov_mx_record, name)}
    F(drawn, K_MONTH),
    F(start_meeting, K_MONTH),
    F(start_meeting_complete, K_FLAG),
    F(plan_job_goal, K_MONTH),
    F(plan_versions, K_COUNT),
    F(plan_versions_with_citizen, K_COUNT),
    F(followups, K_COUNT),
    F(followups_joint, K_COUNT),
    F(last_followup, K_MONTH),
    F(first_placement, K_MONTH),
    F(placements, K_COUNT),
    F(company_directed, K_FLAG),
    F(agreement_signed, K_FLAG),
    F(ordinary_hours_start, K_HOURS),
    F(ordinary_hours_now, K_HOURS),
    F(cti_start, K_MONTH),
    F(cti_months, K_COUNT),
    F(cti_contacts, K_COUNT),
    F(cti_contacts_first_month, K_COUNT),
    F(employed, K_MONTH),
    F(who5_first, K_SCORE),
    F(who5_first_month, K_MONTH),
    F(who5_latest, K_SCORE),
    F(who5_latest_month, K_MONTH),
    F(ended_month, K_MONTH),
#undef F
};
#define N_FIELDS ((int)(sizeof fields / sizeof fields[0]))

/* The other keys of a record, checked by hand. */
static const char *const named[] = {"pseudonym", "municipality", "birth_band",
                                    "sex", "stage", "end_reason"};
#define N_NAMED ((int)(sizeof named / sizeof named[0]))

static json_t *month_json(int ym)
{
    if (ym == 0)
        return json_null();
    char s[16];
    snprintf(s, sizeof s, "%04d-%02d", ym / 100, ym % 100);
    return json_string(s);
}

ov_status ov_mx_record_json(const ov_mx_record *r, ov_buf *b, ov_err *err)
{
    char hex[2 * OV_PSEUDONYM_BYTES + 1];
    ov_hex_encode(r->pseudonym, OV_PSEUDONYM_BYTES, hex);
    json_t *o = json_object();
    json_object_set_new(o, "pseudonym", json_string(hex));
    json_object_set_new(o, "municipality", json_integer(r->municipality));
    json_object_set_new(o, "birth_band", json_integer(r->birth_band));
    json_object_set_new(o, "sex", json_string(r->sex == 'F' ? "F" : "M"));
    json_object_set_new(o, "stage", json_string(ov_stage_code(r->stage)));
    json_object_set_new(o, "end_reason",
                        r->ended ? json_string(ov_end_reason_code(
                                       r->end_reason))
                                 : json_null());
    for (int i = 0; i < N_FIELDS; i++) {
        const void *p = (const char *)r + fields[i].off;
        json_t *v;
        switch (fields[i].k) {
        case K_MONTH:
            v = month_json(*(const int *)p);
            break;
        case K_FLAG:
            v = json_boolean(*(const bool *)p);
            break;
        case K_SCORE:
        case K_HOURS:
            v = *(const int *)p < 0 ? json_null()
                                    : json_integer(*(const int *)p);
            break;
        default:
            v = json_integer(*(const int *)p);
        }
        json_object_set_new(o, fields[i].name, v);
    }
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    ov_status st = s ? ov_buf_append_c(b, s) : OV_ETOOBIG;
    free(s);
    if (st != OV_OK)
        return ov_err_set(err, OV_ETOOBIG, NULL,
                          "the extract is larger than %zu bytes; give a "
                          "shorter period",
                          b->max);
    return OV_OK;
}

static ov_status bad(ov_err *err, const char *key, const char *why)
{
    return ov_err_set(err, OV_ECORRUPT, key, "record: '%s' %s", key, why);
}

static ov_status parse_month(json_t *v, const char *key, int *out,
                             ov_err *err)
{
    if (json_is_null(v)) {
        *out = 0;
        return OV_OK;
    }
    const char *s = json_string_value(v);
    int y, m;
    char tail;
    if (!s || strlen(s) != 7 || sscanf(s, "%4d-%2d%c", &y, &m, &tail) != 2 ||
        y < 1900 || y > 9999 || m < 1 || m > 12)
        return bad(err, key, "is not a month YYYY-MM or null");
    *out = y * 100 + m;
    return OV_OK;
}

static ov_status parse_int(json_t *v, const char *key, bool nullable,
                           int64_t lo, int64_t hi, int *out, ov_err *err)
{
    if (nullable && json_is_null(v)) {
        *out = -1;
        return OV_OK;
    }
    if (!json_is_integer(v) || json_integer_value(v) < lo ||
        json_integer_value(v) > hi)
        return bad(err, key, "is not a whole number in its range");
    *out = (int)json_integer_value(v);
    return OV_OK;
}

ov_status ov_mx_record_parse(ov_str line, ov_mx_record *r, ov_err *err)
{
    memset(r, 0, sizeof *r);
    json_error_t je;
    json_t *o = json_loadb(line.ptr, line.len, JSON_REJECT_DUPLICATES, &je);
    if (!o || !json_is_object(o)) {
        json_decref(o);
        return ov_err_set(err, OV_ECORRUPT, NULL,
                          "record: not a JSON object (%s)", je.text);
    }
    ov_status st = OV_OK;
    /* every key known: nothing else (a name, a free text) may ride along */
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        bool known = false;
        for (int i = 0; i < N_NAMED && !known; i++)
            known = strcmp(key, named[i]) == 0;
        for (int i = 0; i < N_FIELDS && !known; i++)
            known = strcmp(key, fields[i].name) == 0;
        if (!known) {
            st = bad(err, key, "is not a field of format version 1");
            break;
        }
    }
    const char *hex =
        st == OV_OK ? json_string_value(json_object_get(o, "pseudonym"))
                    : NULL;
    if (st == OV_OK &&
        (!hex || ov_hex_decode(ov_str_c(hex), r->pseudonym,
                               OV_PSEUDONYM_BYTES) != OV_OK))
        st = bad(err, "pseudonym", "is not 64 hexadecimal digits");
    if (st == OV_OK)
        st = parse_int(json_object_get(o, "municipality"), "municipality",
                       false, 101, 860, &r->municipality, err);
    if (st == OV_OK)
        st = parse_int(json_object_get(o, "birth_band"), "birth_band", false,
                       1800, 2100, &r->birth_band, err);
    if (st == OV_OK && r->birth_band % OV_MX_BIRTH_BAND != 0)
        st = bad(err, "birth_band", "is not the first year of a 5-year band");
    const char *sex =
        st == OV_OK ? json_string_value(json_object_get(o, "sex")) : NULL;
    if (st == OV_OK && (!sex || (strcmp(sex, "F") && strcmp(sex, "M"))))
        st = bad(err, "sex", "is not F or M");
    else if (st == OV_OK)
        r->sex = sex[0];
    const char *stage =
        st == OV_OK ? json_string_value(json_object_get(o, "stage")) : NULL;
    if (st == OV_OK &&
        (!stage || ov_stage_parse(ov_str_c(stage), &r->stage, err) != OV_OK))
        st = bad(err, "stage", "is not a course stage");
    json_t *er = json_object_get(o, "end_reason");
    if (st == OV_OK && (!er || (r->stage == OV_STAGE_ENDED) == json_is_null(er)))
        st = bad(err, "end_reason", "must be given exactly when ended");
    if (st == OV_OK && r->stage == OV_STAGE_ENDED) {
        r->ended = true;
        const char *code = json_string_value(er);
        if (!code || ov_end_reason_parse(ov_str_c(code), &r->end_reason,
                                         err) != OV_OK)
            st = bad(err, "end_reason", "is not an end reason");
    }
    for (int i = 0; st == OV_OK && i < N_FIELDS; i++) {
        const char *name = fields[i].name;
        json_t *f = json_object_get(o, name);
        void *p = (char *)r + fields[i].off;
        if (!f) {
            st = bad(err, name, "is missing");
            break;
        }
        switch (fields[i].k) {
        case K_MONTH:
            st = parse_month(f, name, p, err);
            break;
        case K_FLAG:
            if (!json_is_boolean(f))
                st = bad(err, name, "is not true or false");
            else
                *(bool *)p = json_is_true(f);
            break;
        case K_SCORE:
            st = parse_int(f, name, true, 0, 100, p, err);
            break;
        case K_HOURS:
            st = parse_int(f, name, true, 0, 600, p, err);
            break;
        default:
            st = parse_int(f, name, false, 0, 100000, p, err);
        }
    }
    json_decref(o);
    return st;
}

/* ---- the file ---- */

static void header_bytes(uint8_t h[OV_MX_HEADER_BYTES], int muni,
                         ov_date from, ov_date to, uint32_t records,
                         const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                         const uint8_t sign_pk[OV_SIGN_PUBLIC_BYTES])
{
    memcpy(h, MAGIC, 4);
    put_u32(h + 4, OV_MX_VERSION);
    ov_key_id(agency_pk, OV_BOX_PUBLIC_BYTES, h + 8);
    memcpy(h + 24, sign_pk, OV_SIGN_PUBLIC_BYTES);
    put_u16(h + 56, (unsigned)muni);
    put_u32(h + 58, ymd_of(from));
    put_u32(h + 62, ymd_of(to));
    put_u32(h + 66, records);
}

/* The plaintext is pushed in chunks of OV_MX_CHUNK as it fills. */
typedef struct pusher {
    ov_stream st;
    const uint8_t *ad;
    ov_buf *out;
    uint8_t plain[OV_MX_CHUNK];
    size_t n;
    uint8_t cipher[OV_MX_CHUNK + OV_STREAM_ABYTES];
} pusher;

static ov_status push_chunk(pusher *p, bool final)
{
    uint8_t len[4];
    put_u32(len, (uint32_t)(p->n + OV_STREAM_ABYTES));
    ov_stream_push(&p->st, p->plain, p->n, p->ad, OV_MX_HEADER_BYTES, final,
                   p->cipher);
    ov_status st = ov_buf_append(p->out, len, 4);
    if (st == OV_OK)
        st = ov_buf_append(p->out, p->cipher, p->n + OV_STREAM_ABYTES);
    p->n = 0;
    return st;
}

static ov_status push(pusher *p, const char *s, size_t n)
{
    while (n) {
        if (p->n == OV_MX_CHUNK && push_chunk(p, false) != OV_OK)
            return OV_ETOOBIG;
        size_t take = OV_MX_CHUNK - p->n < n ? OV_MX_CHUNK - p->n : n;
        memcpy(p->plain + p->n, s, take);
        p->n += take;
        s += take;
        n -= take;
    }
    return OV_OK;
}

ov_status ov_mx_write(int muni, ov_date from, ov_date to,
                      const ov_mx_record *r, size_t n,
                      const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                      const uint8_t sign_pk[OV_SIGN_PUBLIC_BYTES],
                      const uint8_t sign_sk[OV_SIGN_SECRET_BYTES],
                      ov_buf *out, ov_err *err)
{
    ov_buf_init(out, NULL, OV_MX_MAX_BYTES);
    if (muni < 101 || muni > 860)
        return ov_err_set(err, OV_EINVAL, "--municipality",
                          "--municipality: %d is not a kommunekode "
                          "(101-860)",
                          muni);
    if (ov_mx_period_check(from, to, "--period", err) != OV_OK)
        return err->code;
    if (n > OV_MX_MAX_RECORDS)
        return ov_err_set(err, OV_ETOOBIG, "--period",
                          "--period: %zu courses is more than one extract "
                          "holds (%d); give a shorter period",
                          n, OV_MX_MAX_RECORDS);
    for (size_t i = 0; i < n; i++)
        if (r[i].municipality != muni)
            return ov_err_set(err, OV_EINTERNAL, NULL,
                              "record %zu belongs to municipality %d, not "
                              "%d (a bug)",
                              i, r[i].municipality, muni);
    uint8_t key[OV_KEY_BYTES];
    ov_random_bytes(key, sizeof key);
    uint8_t head[OV_MX_HEADER_BYTES];
    header_bytes(head, muni, from, to, (uint32_t)n, agency_pk, sign_pk);
    ov_sealed_key_seal(agency_pk, key, head + 70);
    pusher *p = ov_xmalloc(sizeof *p);
    p->n = 0;
    p->ad = head;
    p->out = out;
    ov_stream_push_init(&p->st, key, head + 150);
    ov_wipe(key, sizeof key);
    ov_status st = ov_buf_append(out, head, sizeof head);
    /* the plaintext: a header line, then one line per record */
    char f[OV_DATE_BUF], t[OV_DATE_BUF], line[256];
    ov_date_format_iso(from, f);
    ov_date_format_iso(to, t);
    int w = snprintf(line, sizeof line,
                     "{\"format\":\"" FILE_FORMAT "\",\"version\":%d,"
                     "\"municipality\":%d,\"from\":\"%s\",\"to\":\"%s\","
                     "\"records\":%zu}\n",
                     OV_MX_VERSION, muni, f, t, n);
    if (st == OV_OK)
        st = push(p, line, (size_t)w);
    ov_buf rec;
    ov_buf_init(&rec, NULL, 4096);
    for (size_t i = 0; st == OV_OK && i < n; i++) {
        ov_buf_reset(&rec);
        st = ov_mx_record_json(&r[i], &rec, err);
        if (st == OV_OK)
            st = ov_buf_append_byte(&rec, '\n');
        if (st == OV_OK)
            st = push(p, rec.data, rec.len);
    }
    ov_buf_free(&rec);
    if (st == OV_OK)
        st = push_chunk(p, true);
    ov_wipe(p, sizeof *p);
    free(p);
    if (st == OV_OK) {
        uint8_t sig[OV_SIGNATURE_BYTES];
        ov_sign_ctx c;
        ov_sign_init(&c);
        ov_sign_update(&c, out->data, out->len);
        ov_sign_final(&c, sign_sk, sig);
        st = ov_buf_append(out, sig, sizeof sig);
    }
    if (st != OV_OK) {
        ov_buf_free(out);
        if (err->code == OV_OK || st == OV_ETOOBIG)
            ov_err_set(err, OV_ETOOBIG, "--period",
                       "--period: the extract would be larger than 1 GiB; "
                       "give a shorter period");
        return err->code;
    }
    return OV_OK;
}

static ov_status damaged(ov_err *err, const char *what)
{
    return ov_err_set(err, OV_ECORRUPT, "--file",
                      "--file: %s; the file was changed or damaged after "
                      "the municipality signed it: ask for it again",
                      what);
}

ov_status ov_mx_read_header(const uint8_t *file, size_t n, ov_mx_header *h,
                            ov_err *err)
{
    memset(h, 0, sizeof *h);
    if (n < 4 || memcmp(file, MAGIC, 4) != 0)
        return ov_err_set(err, OV_EINVAL, "--file",
                          "--file: not a monitoring extract (it does not "
                          "start with \"" MAGIC "\"); give the file 'overgang "
                          "monitor export' wrote");
    if (n < OV_MX_HEADER_BYTES + 4 + OV_STREAM_ABYTES + OV_SIGNATURE_BYTES)
        return damaged(err, "the file is cut short");
    h->version = get_u32(file + 4);
    memcpy(h->agency_id, file + 8, 16);
    memcpy(h->signer, file + 24, OV_SIGN_PUBLIC_BYTES);
    /* the signature first: every byte below is vouched for by it */
    ov_sign_ctx c;
    ov_sign_init(&c);
    ov_sign_update(&c, file, n - OV_SIGNATURE_BYTES);
    if (!ov_sign_verify(&c, file + n - OV_SIGNATURE_BYTES, h->signer))
        return damaged(err, "the signature does not match its contents");
    if (h->version != OV_MX_VERSION)
        return ov_err_set(err, OV_EINVAL, "--file",
                          "--file: format version %u; this overgang reads "
                          "version %d: upgrade overgang",
                          (unsigned)h->version, OV_MX_VERSION);
    h->municipality = (int)get_u16(file + 56);
    h->records = get_u32(file + 66);
    if (!date_of(get_u32(file + 58), &h->from) ||
        !date_of(get_u32(file + 62), &h->to) || h->to < h->from ||
        h->municipality < 101 || h->municipality > 860 ||
        h->records > OV_MX_MAX_RECORDS)
        return damaged(err, "the header's period, municipality or count is "
                            "out of range");
    return OV_OK;
}

/* Check the plaintext's header line against the file's header. */
static ov_status check_first_line(ov_str line, const ov_mx_header *h,
                                  ov_err *err)
{
    json_t *o = json_loadb(line.ptr, line.len, JSON_REJECT_DUPLICATES, NULL);
    char f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_date_format_iso(h->from, f);
    ov_date_format_iso(h->to, t);
    bool ok = o && json_is_object(o) && json_object_size(o) == 6;
    const char *fmt = ok ? json_string_value(json_object_get(o, "format"))
                         : NULL;
    const char *from = ok ? json_string_value(json_object_get(o, "from"))
                          : NULL;
    const char *to = ok ? json_string_value(json_object_get(o, "to")) : NULL;
    ok = ok && fmt && !strcmp(fmt, FILE_FORMAT) && from && !strcmp(from, f) &&
         to && !strcmp(to, t) &&
         json_integer_value(json_object_get(o, "version")) == OV_MX_VERSION &&
         json_integer_value(json_object_get(o, "municipality")) ==
             h->municipality &&
         json_integer_value(json_object_get(o, "records")) ==
             (json_int_t)h->records;
    json_decref(o);
    if (!ok)
        return damaged(err, "the encrypted header does not match the file's "
                            "header");
    return OV_OK;
}

ov_status ov_mx_open(const uint8_t *file, size_t n, const ov_mx_header *h,
                     const uint8_t agency_pk[OV_BOX_PUBLIC_BYTES],
                     const uint8_t agency_sk[OV_BOX_SECRET_BYTES],
                     ov_mx_record **out, ov_err *err)
{
    *out = NULL;
    uint8_t id[16];
    ov_key_id(agency_pk, OV_BOX_PUBLIC_BYTES, id);
    if (memcmp(id, h->agency_id, sizeof id) != 0) {
        char want[33], have[33];
        ov_hex_encode(h->agency_id, 16, want);
        ov_hex_encode(id, 16, have);
        return ov_err_set(err, OV_EPERM, "--key",
                          "--key: the file was encrypted for another agency "
                          "key (id %s); this key has id %s. Give the "
                          "agency.key whose agency.pub the municipality used",
                          want, have);
    }
    uint8_t key[OV_KEY_BYTES];
    if (ov_sealed_key_open(agency_pk, agency_sk, file + 70, key, err) !=
        OV_OK)
        return ov_err_set(err, OV_EPERM, "--key",
                          "--key: the file's key does not open with this "
                          "agency key; give the agency.key that belongs to "
                          "the agency.pub the municipality used");
    ov_stream *ss = ov_xmalloc(sizeof *ss);
    ov_stream_pull_init(ss, key, file + 150);
    ov_wipe(key, sizeof key);
    ov_buf plain;
    ov_buf_init(&plain, NULL, OV_MX_MAX_BYTES);
    uint8_t *chunk = ov_xmalloc(OV_MX_CHUNK);
    size_t pos = OV_MX_HEADER_BYTES, end = n - OV_SIGNATURE_BYTES;
    bool final = false;
    ov_status st = OV_OK;
    while (st == OV_OK && !final) {
        if (end - pos < 4) {
            st = damaged(err, "the encrypted part is cut short");
            break;
        }
        uint32_t len = get_u32(file + pos);
        pos += 4;
        if (len < OV_STREAM_ABYTES || len > OV_MX_CHUNK + OV_STREAM_ABYTES ||
            len > end - pos) {
            st = damaged(err, "a chunk's length is out of range");
            break;
        }
        if (ov_stream_pull(ss, file + pos, len, file, OV_MX_HEADER_BYTES,
                           chunk, &final, err) != OV_OK) {
            st = damaged(err, "an encrypted chunk does not authenticate");
            break;
        }
        pos += len;
        if (ov_buf_append(&plain, chunk, len - OV_STREAM_ABYTES) != OV_OK)
            st = damaged(err, "the plaintext is too large");
    }
    if (st == OV_OK && pos != end)
        st = damaged(err, "bytes follow the final chunk");
    ov_wipe(ss, sizeof *ss);
    free(ss);
    free(chunk);
    ov_mx_record *rec = NULL;
    if (st == OV_OK)
        rec = ov_xcalloc(h->records ? h->records : 1, sizeof *rec);
    ov_str rest = ov_buf_str(&plain);
    uint32_t got = 0;
    bool first = true;
    while (st == OV_OK && rest.ptr && rest.len) {
        ov_str line;
        rest = ov_str_cut(rest, '\n', &line);
        if (first) {
            st = check_first_line(line, h, err);
            first = false;
            continue;
        }
        if (got == h->records) {
            st = damaged(err, "more records than the header says");
            break;
        }
        if (ov_mx_record_parse(line, &rec[got], err) != OV_OK) {
            ov_err_prefix(err, "--file: record %u", (unsigned)got + 1);
            st = err->code;
            break;
        }
        if (rec[got].municipality != h->municipality) {
            st = damaged(err, "a record belongs to another municipality");
            break;
        }
        got++;
    }
    if (st == OV_OK && (first || got != h->records))
        st = damaged(err, "fewer records than the header says");
    ov_wipe(plain.data, plain.len);
    ov_buf_free(&plain);
    if (st != OV_OK) {
        free(rec);
        return st;
    }
    *out = rec;
    return OV_OK;
}
