#include "store/citizen.h"

#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char SQL_BY_HASH[] = "SELECT id FROM citizen WHERE cpr_hash = ?1";
static const char SQL_INSERT[] =
    "INSERT INTO citizen (full_name, cpr_hash, cpr_nonce, cpr_box, "
    "birth_date, sex, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
static const char SQL_MAX_ID[] = "SELECT coalesce(max(id), 0) FROM citizen";
static const char SQL_INSERT_16[] =
    "INSERT INTO citizen (id, full_name, cpr_hash, cpr_nonce, cpr_box, "
    "birth_date, sex, created_at, updated_at) VALUES "
    "(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?1, ?1), "
    "(?9, ?10, ?11, ?12, ?13, ?14, ?15, ?1, ?1), "
    "(?16, ?17, ?18, ?19, ?20, ?21, ?22, ?1, ?1), "
    "(?23, ?24, ?25, ?26, ?27, ?28, ?29, ?1, ?1), "
    "(?30, ?31, ?32, ?33, ?34, ?35, ?36, ?1, ?1), "
    "(?37, ?38, ?39, ?40, ?41, ?42, ?43, ?1, ?1), "
    "(?44, ?45, ?46, ?47, ?48, ?49, ?50, ?1, ?1), "
    "(?51, ?52, ?53, ?54, ?55, ?56, ?57, ?1, ?1), "
    "(?58, ?59, ?60, ?61, ?62, ?63, ?64, ?1, ?1), "
    "(?65, ?66, ?67, ?68, ?69, ?70, ?71, ?1, ?1), "
    "(?72, ?73, ?74, ?75, ?76, ?77, ?78, ?1, ?1), "
    "(?79, ?80, ?81, ?82, ?83, ?84, ?85, ?1, ?1), "
    "(?86, ?87, ?88, ?89, ?90, ?91, ?92, ?1, ?1), "
    "(?93, ?94, ?95, ?96, ?97, ?98, ?99, ?1, ?1), "
    "(?100, ?101, ?102, ?103, ?104, ?105, ?106, ?1, ?1), "
    "(?107, ?108, ?109, ?110, ?111, ?112, ?113, ?1, ?1)";
static const char SQL_GET[] =
    "SELECT full_name, cpr_hash, cpr_nonce, cpr_box, created_at, updated_at, "
    "anonymised_at IS NOT NULL, birth_date, sex FROM citizen WHERE id = ?1";
static const char SQL_UPDATE_NAME[] =
    "UPDATE citizen SET full_name = ?2, updated_at = ?3 WHERE id = ?1";
static const char SQL_UPDATE_CPR[] =
    "UPDATE citizen SET cpr_hash = ?2, cpr_nonce = ?3, cpr_box = ?4, "
    "birth_date = ?5, sex = ?6, updated_at = ?7 WHERE id = ?1";

ov_status ov_citizen_validate_name(ov_str name, const char *field,
                                   ov_err *err)
{
    name = ov_str_trim(name);
    if (name.len == 0)
        return ov_err_msg(err, OV_EINVAL, field, citizen_name_empty,
                          field);
    if (name.len > OV_NAME_MAX)
        return ov_err_msg(err, OV_EINVAL, field, citizen_name_too_long,
                          field, OV_NAME_MAX);
    if (!ov_str_is_utf8(name))
        return ov_err_msg(err, OV_EINVAL, field, citizen_name_utf8,
                          field);
    for (size_t i = 0; i < name.len; i++)
        if ((unsigned char)name.ptr[i] < 0x20 || name.ptr[i] == 0x7f)
            return ov_err_msg(err, OV_EINVAL, field,
                              citizen_name_control_char, field);
    return OV_OK;
}

typedef ov_cpr_sealed sealed_cpr;

ov_status ov_citizen_seal(ov_store *s, const ov_cpr *cpr, ov_cpr_sealed *out,
                          ov_err *err)
{
    const ov_keys *k;
    ov_status st = ov_store_keys(s, &k, err);
    if (st != OV_OK)
        return st;
    ov_keyed_hash(k, cpr->digits, 10, out->hash);
    ov_seal(k, cpr->digits, 10, out->nonce, out->box);
    ov_date_format_iso(cpr->birth, out->birth);
    out->sex = cpr->sex == OV_SEX_MALE ? "M" : "F";
    return OV_OK;
}

ov_status ov_cpr_sealer_init(ov_store *s, ov_cpr_sealer *z, ov_err *err)
{
    const ov_keys *k;
    ov_status st = ov_store_keys(s, &k, err);
    if (st != OV_OK)
        return st;
    z->keys = k;
    ov_hmac_init(&z->mac, k->mac);
    z->used = (int)(sizeof z->nonces / sizeof z->nonces[0]);
    return OV_OK;
}

void ov_cpr_sealer_seal(ov_cpr_sealer *z, const ov_cpr *cpr,
                        ov_cpr_sealed *out)
{
    const int nn = (int)(sizeof z->nonces / sizeof z->nonces[0]);
    if (z->used == nn) {
        ov_random_bytes(z->nonces, sizeof z->nonces);
        z->used = 0;
    }
    ov_hmac_ctx c = z->mac;
    ov_hmac_update(&c, cpr->digits, 10);
    ov_hmac_final(&c, out->hash);
    memcpy(out->nonce, z->nonces[z->used], OV_NONCE_BYTES);
    /* a nonce seals one number only */
    memset(z->nonces[z->used], 0, OV_NONCE_BYTES);
    z->used++;
    ov_seal_nonce(z->keys, cpr->digits, 10, out->nonce, out->box);
    ov_date_format_iso(cpr->birth, out->birth);
    out->sex = cpr->sex == OV_SEX_MALE ? "M" : "F";
}

void ov_cpr_sealer_wipe(ov_cpr_sealer *z)
{
    ov_hmac_wipe(&z->mac);
    z->keys = NULL;
    z->used = (int)(sizeof z->nonces / sizeof z->nonces[0]);
}

static ov_status lookup_hash(ov_tx *tx, const uint8_t hash[OV_HASH_BYTES],
                             int64_t *id, ov_err *err)
{
    *id = 0;
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(tx->conn, SQL_BY_HASH, &s, err);
    if (st != OV_OK)
        return st;
    ov_stmt_bind_blob(s, 1, hash, OV_HASH_BYTES);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *id = ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return r == OV_STEP_ERROR ? err->code : OV_OK;
}

ov_status ov_citizen_create(ov_tx *tx, ov_str full_name, ov_str cpr_in,
                            int64_t *id, ov_err *err)
{
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    ov_cpr cpr;
    if ((st = ov_citizen_validate_name(full_name, "name", err)) != OV_OK ||
        (st = ov_cpr_parse(cpr_in, "cpr", &cpr, err)) != OV_OK)
        return ov_tx_fail(tx, err);
    sealed_cpr sc;
    if (ov_citizen_seal(tx->store, &cpr, &sc, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_citizen_create_sealed(tx, full_name, &sc, id, err);
}

ov_status ov_citizen_create_sealed(ov_tx *tx, ov_str full_name,
                                   const ov_cpr_sealed *scp, int64_t *id,
                                   ov_err *err)
{
    if (ov_citizen_insert_sealed(tx, full_name, scp, id, err) != OV_OK)
        return err->code;
    return ov_audit_append(tx, OV_ACT_CREATE, *id, NULL, err);
}

ov_status ov_citizen_insert_sealed(ov_tx *tx, ov_str full_name,
                                   const ov_cpr_sealed *scp, int64_t *id,
                                   ov_err *err)
{
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    full_name = ov_str_trim(full_name);
    const sealed_cpr sc = *scp;
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_text(s, 1, full_name);
    ov_stmt_bind_blob(s, 2, sc.hash, sizeof sc.hash);
    ov_stmt_bind_blob(s, 3, sc.nonce, sizeof sc.nonce);
    ov_stmt_bind_blob(s, 4, sc.box, sizeof sc.box);
    ov_stmt_bind_cstr(s, 5, sc.birth);
    ov_stmt_bind_cstr(s, 6, sc.sex);
    ov_stmt_bind_cstr(s, 7, now);
    /* the unique look-up hash refuses a registered number; only then is
     * it looked up, to name the citizen who has it */
    if (ov_stmt_run(s, err) != OV_OK) {
        int64_t existing = 0;
        if (err->code == OV_ECONFLICT &&
            lookup_hash(tx, sc.hash, &existing, err) == OV_OK && existing)
            ov_err_msg(err, OV_ECONFLICT, "cpr", citizen_cpr_exists,
                       (long long)existing);
        return ov_tx_fail(tx, err);
    }
    *id = ov_conn_last_insert_id(tx->conn);
    return OV_OK;
}

ov_status ov_citizen_insert_sealed_many(ov_tx *tx, const ov_citizen_new *c,
                                        size_t n, int64_t *ids, ov_err *err)
{
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    /* the ids SQLite would give, one after another (the writer is ours) */
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MAX_ID, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_step r = ov_stmt_step(s, err);
    int64_t last = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r != OV_STEP_ROW)
        return ov_tx_fail(tx, err);
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        if (ov_stmt_prepare(tx->conn, SQL_INSERT_16, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_cstr(s, 1, now);
        for (int k = 0; k < 16; k++) {
            const ov_citizen_new *w = &c[i + (size_t)k];
            int b = 1 + 7 * k;
            ids[i + (size_t)k] = ++last;
            ov_stmt_bind_i64(s, b + 1, last);
            ov_stmt_bind_text(s, b + 2, ov_str_trim(w->name));
            ov_stmt_bind_blob(s, b + 3, w->sealed->hash, OV_HASH_BYTES);
            ov_stmt_bind_blob(s, b + 4, w->sealed->nonce, OV_NONCE_BYTES);
            ov_stmt_bind_blob(s, b + 5, w->sealed->box,
                              sizeof w->sealed->box);
            ov_stmt_bind_cstr(s, b + 6, w->sealed->birth);
            ov_stmt_bind_cstr(s, b + 7, w->sealed->sex);
        }
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
    }
    for (; i < n; i++)
        if (ov_citizen_insert_sealed(tx, c[i].name, c[i].sealed, &ids[i],
                                     err) != OV_OK)
            return err->code;
    return OV_OK;
}

ov_status ov_citizen_get(ov_tx *tx, int64_t id, ov_arena *a, ov_citizen *out,
                         ov_err *err)
{
    ov_status st = ov_tx_check_audited(tx, err);
    if (st != OV_OK)
        return st;
    memset(out, 0, sizeof *out);
    const ov_keys *k;
    if (ov_store_keys(tx->store, &k, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_GET, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, id);
    ov_step r = ov_stmt_step(s, err);
    if (r != OV_STEP_ROW) {
        ov_stmt_release(s);
        if (r == OV_STEP_DONE)
            ov_err_msg(err, OV_ENOTFOUND, "id", citizen_not_found,
                       (long long)id);
        return ov_tx_fail(tx, err);
    }
    out->id = id;
    out->full_name = ov_stmt_col_text(s, 0, a);
    size_t hn, nn, bn;
    const uint8_t *hash = ov_stmt_col_blob(s, 1, &hn);
    const uint8_t *nonce = ov_stmt_col_blob(s, 2, &nn);
    const uint8_t *box = ov_stmt_col_blob(s, 3, &bn);
    char digits[11] = {0};
    st = OV_OK;
    /* anonymised by retention (store/retention.h): no CPR number is left
     * to open; the year of birth and the sex are the facts that stay */
    out->anonymised = ov_stmt_col_i64(s, 6) != 0;
    if (out->anonymised) {
        ov_str sex = ov_stmt_col_text(s, 8, a);
        out->cpr.sex = sex.len && sex.ptr[0] == 'F' ? OV_SEX_FEMALE
                                                    : OV_SEX_MALE;
        st = ov_date_parse(ov_stmt_col_text(s, 7, a), "birth_date",
                           &out->cpr.birth, err);
    } else if (hn != OV_HASH_BYTES || nn != OV_NONCE_BYTES ||
        bn != 10 + OV_MAC_BYTES)
        st = ov_err_set(err, OV_ECORRUPT, NULL,
                        "citizen %lld: the stored CPR fields are damaged",
                        (long long)id);
    if (st == OV_OK && !out->anonymised)
        st = ov_open(k, box, bn, nonce, (uint8_t *)digits, err);
    if (st == OV_OK && !out->anonymised) {
        uint8_t check[OV_HASH_BYTES];
        ov_keyed_hash(k, digits, 10, check);
        if (!ov_memeq_ct(check, hash, OV_HASH_BYTES))
            st = ov_err_set(err, OV_ECORRUPT, NULL,
                            "citizen %lld: the CPR number does not match its "
                            "look-up hash (rows swapped?)",
                            (long long)id);
    }
    if (st == OV_OK && !out->anonymised)
        st = ov_cpr_parse((ov_str){digits, 10}, "cpr", &out->cpr, err);
    ov_str created = ov_stmt_col_text(s, 4, a);
    ov_str updated = ov_stmt_col_text(s, 5, a);
    ov_stmt_release(s);
    memset(digits, 0, sizeof digits);
    if (st == OV_OK)
        st = ov_time_parse_utc(created, "created_at", &out->created_at, err);
    if (st == OV_OK)
        st = ov_time_parse_utc(updated, "updated_at", &out->updated_at, err);
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, id, NULL, err);
}

ov_status ov_citizen_find_by_cpr(ov_tx *tx, ov_str cpr_in, int64_t *id,
                                 ov_err *err)
{
    ov_status st = ov_tx_check_audited(tx, err);
    if (st != OV_OK)
        return st;
    ov_cpr cpr;
    if (ov_cpr_parse(cpr_in, "cpr", &cpr, err) != OV_OK)
        return ov_tx_fail(tx, err);
    const ov_keys *k;
    if (ov_store_keys(tx->store, &k, err) != OV_OK)
        return ov_tx_fail(tx, err);
    uint8_t hash[OV_HASH_BYTES];
    ov_keyed_hash(k, cpr.digits, 10, hash);
    if (lookup_hash(tx, hash, id, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return ov_audit_append(tx, OV_ACT_READ, *id,
                           *id ? "CPR-opslag" : "CPR-opslag: ingen fundet",
                           err);
}

ov_status ov_citizen_find_sealed(ov_tx *tx, const ov_cpr_sealed *sc,
                                 const char *criterion, int64_t *id,
                                 ov_err *err)
{
    ov_status st = ov_tx_check_audited(tx, err);
    if (st != OV_OK)
        return st;
    if (lookup_hash(tx, sc->hash, id, err) != OV_OK)
        return ov_tx_fail(tx, err);
    return *id ? ov_audit_append(tx, OV_ACT_READ, *id, criterion, err)
               : OV_OK;
}

ov_status ov_citizen_update(ov_tx *tx, int64_t id, ov_str full_name,
                            ov_str cpr_in, ov_err *err)
{
    ov_status st = ov_tx_check(tx, true, err);
    if (st != OV_OK)
        return st;
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    ov_stmt *s;
    if (full_name.ptr) {
        if (ov_citizen_validate_name(full_name, "name", err) != OV_OK)
            return ov_tx_fail(tx, err);
        if (ov_stmt_prepare(tx->conn, SQL_UPDATE_NAME, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, id);
        ov_stmt_bind_text(s, 2, ov_str_trim(full_name));
        ov_stmt_bind_cstr(s, 3, now);
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        if (ov_conn_changes(tx->conn) == 0)
            return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "id",
                                              citizen_not_found,
                                              (long long)id), err));
    }
    if (cpr_in.ptr) {
        ov_cpr cpr;
        sealed_cpr sc;
        int64_t existing;
        if (ov_cpr_parse(cpr_in, "cpr", &cpr, err) != OV_OK ||
            ov_citizen_seal(tx->store, &cpr, &sc, err) != OV_OK ||
            lookup_hash(tx, sc.hash, &existing, err) != OV_OK)
            return ov_tx_fail(tx, err);
        if (existing && existing != id)
            return ov_tx_fail(tx, (ov_err_msg(err, OV_ECONFLICT, "cpr",
                                              citizen_cpr_taken,
                                              (long long)existing), err));
        if (ov_stmt_prepare(tx->conn, SQL_UPDATE_CPR, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, id);
        ov_stmt_bind_blob(s, 2, sc.hash, sizeof sc.hash);
        ov_stmt_bind_blob(s, 3, sc.nonce, sizeof sc.nonce);
        ov_stmt_bind_blob(s, 4, sc.box, sizeof sc.box);
        ov_stmt_bind_cstr(s, 5, sc.birth);
        ov_stmt_bind_cstr(s, 6, sc.sex);
        ov_stmt_bind_cstr(s, 7, now);
        if (ov_stmt_run(s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        if (ov_conn_changes(tx->conn) == 0)
            return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "id",
                                              citizen_not_found,
                                              (long long)id), err));
    }
    if (!full_name.ptr && !cpr_in.ptr)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, NULL,
                                          citizen_update_empty), err));
    return ov_audit_append(tx, OV_ACT_UPDATE, id, NULL, err);
}
