/*
 * cmd_monitor.c - `overgang monitor keygen|register|export|import`: the
 * pseudonymised national monitoring extract (model/extract.h,
 * store/monitor.h, docs/monitoring-format.md).
 *
 * Who runs what: the agency runs `keygen --out DIR` once (agency.pub and
 * pseudonym.key go to every municipality; agency.key stays with the
 * agency); each municipality runs `keygen --municipality CODE --out DIR`
 * and sends signing-CODE.pub to the agency, which runs `register`; the
 * municipality runs `export`, the agency `import`.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/fmt.h"
#include "core/path.h"
#include "model/extract.h"
#include "store/monitor.h"
#include "web/national.h"

#define AGENCY_PUB_MAGIC "overgang-agency-public-v1"
#define AGENCY_KEY_MAGIC "overgang-agency-secret-v1"
#define PSEUDONYM_MAGIC "overgang-pseudonym-key-v1"
#define SIGN_PUB_MAGIC "overgang-signing-public-v1"
#define SIGN_KEY_MAGIC "overgang-signing-secret-v1"

static int fail_msg(ov_status code, const char *field, const char *msg)
{
    ov_err err;
    ov_err_set(&err, code, field, "%s", msg);
    return cli_fail(&err);
}

static bool parse_muni(const char *s, int *out, ov_err *err)
{
    int64_t v = 0;
    if (!s || ov_str_to_i64(ov_str_c(s), &v) != OV_OK || v < 101 || v > 860) {
        ov_err_set(err, OV_EINVAL, "--municipality",
                   "--municipality: give the kommunekode, 101-860 (e.g. "
                   "250)");
        return false;
    }
    *out = (int)v;
    return true;
}

/* ---- keygen ---- */

static const cli_opt_def keygen_opts[] = {
    {"--out", true, OV_SET_COUNT, "the folder for the key files"},
    {"--municipality", true, OV_SET_COUNT,
     "make this municipality's signing key pair instead"},
};

static ov_status path_in(const char *dir, const char *name, char *out,
                         size_t cap, ov_err *err)
{
    int n = snprintf(out, cap, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= cap)
        return ov_err_set(err, OV_EINVAL, "--out", "--out: the path is too "
                                                   "long");
    if (access(out, F_OK) == 0)
        return ov_err_set(err, OV_ECONFLICT, "--out",
                          "--out: '%s' already exists; keys are never "
                          "overwritten: move it away or give another folder",
                          out);
    return OV_OK;
}

static int monitor_keygen(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "monitor keygen", keygen_opts, 2, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    const char *dir = cli_opt(&c, "--out");
    const char *muni_s = cli_opt(&c, "--municipality");
    if (!dir)
        return fail_msg(OV_EINVAL, "--out",
                        "monitor keygen: give --out DIR, the folder for the "
                        "key files");
    int muni = 0;
    if (muni_s && !parse_muni(muni_s, &muni, &err))
        return cli_fail(&err);
    bool created;
    if (ov_mkdir_p(dir, &created) != 0) {
        ov_err_set(&err, OV_EIO, "--out", "--out: cannot create '%s': %s",
                   dir, strerror(errno));
        return cli_fail(&err);
    }
    char p1[4096], p2[4096], p3[4096];
    ov_status st;
    if (muni) {
        char kn[64], pn[64];
        snprintf(kn, sizeof kn, "signing-%d.key", muni);
        snprintf(pn, sizeof pn, "signing-%d.pub", muni);
        if (path_in(dir, kn, p1, sizeof p1, &err) != OV_OK ||
            path_in(dir, pn, p2, sizeof p2, &err) != OV_OK)
            return cli_fail(&err);
        uint8_t pk[OV_SIGN_PUBLIC_BYTES], sk[OV_SIGN_SECRET_BYTES];
        ov_sign_keypair(pk, sk);
        ov_key_field secret[] = {{"public", pk, sizeof pk},
                                 {"secret", sk, sizeof sk}};
        ov_key_field pub[] = {{"public", pk, sizeof pk}};
        char about[512];
        snprintf(about, sizeof about,
                 "# overgang: municipality %d's key for signing monitoring "
                 "extracts.\n# Secret: keep it with the server's keys (mode "
                 "0600), never send it.\n",
                 muni);
        st = ov_keyfile_write(p1, "--out", about, SIGN_KEY_MAGIC, secret, 2,
                              true, &err);
        ov_wipe(sk, sizeof sk);
        snprintf(about, sizeof about,
                 "# overgang: municipality %d's public signing key. Send it "
                 "to the agency,\n# which registers it: overgang monitor "
                 "register --municipality %d\n",
                 muni, muni);
        if (st == OV_OK)
            st = ov_keyfile_write(p2, "--out", about, SIGN_PUB_MAGIC, pub, 1,
                                  false, &err);
        if (st != OV_OK) {
            unlink(p1);
            return cli_fail(&err);
        }
        printf("signing key pair of municipality %d: %s (secret, mode 0600) "
               "and %s (send it to the agency)\n",
               muni, p1, p2);
        return 0;
    }
    if (path_in(dir, "agency.key", p1, sizeof p1, &err) != OV_OK ||
        path_in(dir, "agency.pub", p2, sizeof p2, &err) != OV_OK ||
        path_in(dir, "pseudonym.key", p3, sizeof p3, &err) != OV_OK)
        return cli_fail(&err);
    uint8_t pk[OV_BOX_PUBLIC_BYTES], sk[OV_BOX_SECRET_BYTES],
        pkey[OV_KEY_BYTES];
    ov_box_keypair(pk, sk);
    ov_random_bytes(pkey, sizeof pkey);
    ov_key_field secret[] = {{"public", pk, sizeof pk},
                             {"secret", sk, sizeof sk}};
    ov_key_field pub[] = {{"public", pk, sizeof pk}};
    ov_key_field pseud[] = {{"pseudonym", pkey, sizeof pkey}};
    st = ov_keyfile_write(
        p1, "--out",
        "# overgang: the agency's key for opening monitoring extracts.\n"
        "# Secret: only the agency holds it (mode 0600, offline backup).\n",
        AGENCY_KEY_MAGIC, secret, 2, true, &err);
    if (st == OV_OK)
        st = ov_keyfile_write(
            p2, "--out",
            "# overgang: the agency's public key; municipalities encrypt "
            "extracts to it.\n",
            AGENCY_PUB_MAGIC, pub, 1, false, &err);
    if (st == OV_OK)
        st = ov_keyfile_write(
            p3, "--out",
            "# overgang: the national pseudonym key. Whoever holds it can "
            "re-identify\n# a pseudonym by hashing every CPR number: give it "
            "only to the\n# municipalities' servers (mode 0600), never with "
            "an extract.\n",
            PSEUDONYM_MAGIC, pseud, 1, true, &err);
    ov_wipe(sk, sizeof sk);
    ov_wipe(pkey, sizeof pkey);
    if (st != OV_OK) {
        unlink(p1);
        unlink(p2);
        return cli_fail(&err);
    }
    printf("agency keys: %s (secret, stays with the agency), %s and %s (for "
           "the municipalities; pseudonym.key is secret too)\n",
           p1, p2, p3);
    return 0;
}

/* ---- register ---- */

static const cli_opt_def register_opts[] = {
    {"--municipality", true, OV_SET_COUNT, "kommunekode"},
    {"--signing-key", true, OV_SET_COUNT,
     "the municipality's signing-CODE.pub"},
};

static int monitor_register(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "monitor register", register_opts, 2, argc, argv,
                  &err) != OV_OK)
        return cli_fail(&err);
    const char *pub = cli_opt(&c, "--signing-key");
    int muni;
    if (!pub)
        return fail_msg(OV_EINVAL, "--signing-key",
                        "monitor register: give --municipality CODE and "
                        "--signing-key FILE (the municipality's "
                        "signing-CODE.pub)");
    if (!parse_muni(cli_opt(&c, "--municipality"), &muni, &err))
        return cli_fail(&err);
    uint8_t pk[OV_SIGN_PUBLIC_BYTES];
    ov_key_field f[] = {{"public", pk, sizeof pk}};
    if (ov_keyfile_read(pub, "--signing-key", SIGN_PUB_MAGIC, false, f, 1,
                        &err) != OV_OK)
        return cli_fail(&err);
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .key_path = ov_config_get(&c.cfg, OV_SET_KEY_FILE),
                          .mode = OV_OPEN_MIGRATE};
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK)
        return cli_fail(&err);
    ov_tx *tx;
    ov_status st = ov_tx_begin(s, cli_actor(&c, "national monitoring "
                                               "(register signing key)"),
                               &tx, &err);
    if (st == OV_OK) {
        ov_monitor_register(tx, muni, pk, &err);
        st = ov_tx_commit(tx, &err);
    }
    ov_store_close(s);
    if (st != OV_OK)
        return cli_fail(&err);
    printf("municipality %d's signing key registered\n", muni);
    return 0;
}

/* ---- export ---- */

static const cli_opt_def export_opts[] = {
    {"--municipality", true, OV_SET_COUNT, "kommunekode"},
    {"--period", true, OV_SET_COUNT, "FROM..TO (YYYY-MM-DD..YYYY-MM-DD)"},
    {"--agency-key", true, OV_SET_COUNT, "the agency's agency.pub"},
    {"--pseudonym-key", true, OV_SET_COUNT, "the national pseudonym.key"},
    {"--signing-key", true, OV_SET_COUNT,
     "this municipality's signing-CODE.key"},
    {"--out", true, OV_SET_COUNT, "the extract to write (a new file)"},
};

static ov_status parse_period(const char *s, ov_date *from, ov_date *to,
                              ov_err *err)
{
    const char *dots = s ? strstr(s, "..") : NULL;
    if (!dots)
        return ov_err_set(err, OV_EINVAL, "--period",
                          "--period: give FROM..TO, e.g. "
                          "2026-01-01..2026-06-30");
    if (ov_date_parse((ov_str){s, (size_t)(dots - s)}, "--period", from,
                      err) != OV_OK ||
        ov_date_parse(ov_str_c(dots + 2), "--period", to, err) != OV_OK)
        return err->code;
    return ov_mx_period_check(*from, *to, "--period", err);
}

static int monitor_export(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "monitor export", export_opts, 6, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    const char *agency = cli_opt(&c, "--agency-key");
    const char *pseud = cli_opt(&c, "--pseudonym-key");
    const char *signing = cli_opt(&c, "--signing-key");
    const char *out = cli_opt(&c, "--out");
    if (!agency || !pseud || !signing || !out || !cli_opt(&c, "--period"))
        return fail_msg(OV_EINVAL, "--out",
                        "monitor export: give --municipality CODE --period "
                        "FROM..TO --agency-key agency.pub --pseudonym-key "
                        "pseudonym.key --signing-key signing-CODE.key --out "
                        "FILE");
    int muni;
    ov_date from, to;
    if (!parse_muni(cli_opt(&c, "--municipality"), &muni, &err) ||
        parse_period(cli_opt(&c, "--period"), &from, &to, &err) != OV_OK)
        return cli_fail(&err);
    if (access(out, F_OK) == 0) {
        ov_err_set(&err, OV_ECONFLICT, "--out",
                   "--out: '%s' already exists; give a new file name", out);
        return cli_fail(&err);
    }
    uint8_t apk[OV_BOX_PUBLIC_BYTES], pkey[OV_KEY_BYTES],
        spk[OV_SIGN_PUBLIC_BYTES], ssk[OV_SIGN_SECRET_BYTES];
    ov_key_field fa[] = {{"public", apk, sizeof apk}};
    ov_key_field fp[] = {{"pseudonym", pkey, sizeof pkey}};
    ov_key_field fs[] = {{"public", spk, sizeof spk},
                         {"secret", ssk, sizeof ssk}};
    if (ov_keyfile_read(agency, "--agency-key", AGENCY_PUB_MAGIC, false, fa,
                        1, &err) != OV_OK ||
        ov_keyfile_read(pseud, "--pseudonym-key", PSEUDONYM_MAGIC, true, fp,
                        1, &err) != OV_OK ||
        ov_keyfile_read(signing, "--signing-key", SIGN_KEY_MAGIC, true, fs, 2,
                        &err) != OV_OK) {
        ov_wipe(pkey, sizeof pkey);
        ov_wipe(ssk, sizeof ssk);
        return cli_fail(&err);
    }
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .key_path = ov_config_get(&c.cfg, OV_SET_KEY_FILE),
                          .mode = OV_OPEN_MIGRATE};
    ov_store *s = NULL;
    ov_tx *tx;
    ov_mx_record *rec = NULL;
    size_t n = 0;
    char name[201];
    ov_arena *a = ov_arena_new(0);
    ov_status st = ov_store_open(&o, &s, &err);
    if (st == OV_OK)
        st = ov_tx_begin(s, cli_actor(&c, "national monitoring (export)"),
                         &tx, &err);
    if (st == OV_OK) {
        if (ov_monitor_municipality(tx, muni, name, &err) == OV_OK)
            ov_monitor_collect(tx, muni, from, to, pkey, a, &rec, &n, &err);
        st = ov_tx_commit(tx, &err);
    }
    ov_store_close(s);
    ov_wipe(pkey, sizeof pkey);
    ov_buf file = {0};
    if (st == OV_OK)
        st = ov_mx_write(muni, from, to, rec, n, apk, spk, ssk, &file, &err);
    ov_wipe(ssk, sizeof ssk);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return cli_fail(&err);
    int fd = ov_private_open(out, true);
    bool ok = fd >= 0 && write(fd, file.data, file.len) == (ssize_t)file.len &&
              fsync(fd) == 0;
    int e = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    ov_buf_free(&file);
    if (!ok) {
        if (fd >= 0)
            unlink(out);
        ov_err_set(&err, OV_EIO, "--out", "--out: cannot write '%s': %s", out,
                   strerror(e));
        return cli_fail(&err);
    }
    char cnt[OV_FMT_BUF];
    ov_fmt_int_dk((int64_t)n, cnt);
    printf("monitoring extract of %s (%d): %s courses, %s; written to %s\n",
           name, muni, cnt, cli_opt(&c, "--period"), out);
    return 0;
}

/* ---- import ---- */

static const cli_opt_def import_opts[] = {
    {"--key", true, OV_SET_COUNT, "the agency's agency.key"},
    {"--file", true, OV_SET_COUNT, "the extract"},
};

static int monitor_import(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "monitor import", import_opts, 2, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    const char *keyp = cli_opt(&c, "--key");
    const char *path = cli_opt(&c, "--file");
    if (!keyp || !path)
        return fail_msg(OV_EINVAL, "--file",
                        "monitor import: give --key agency.key and --file "
                        "FILE");
    uint8_t pk[OV_BOX_PUBLIC_BYTES], sk[OV_BOX_SECRET_BYTES];
    ov_key_field fk[] = {{"public", pk, sizeof pk}, {"secret", sk, sizeof sk}};
    if (ov_keyfile_read(keyp, "--key", AGENCY_KEY_MAGIC, true, fk, 2, &err) !=
        OV_OK)
        return cli_fail(&err);
    ov_buf file;
    ov_mx_header h;
    ov_mx_record *rec = NULL;
    ov_arena *a = ov_arena_new(0);
    ov_status st = cli_read_file(path, OV_MX_MAX_BYTES,
                                   "1 GiB, more than an extract can be", NULL,
                                   &file, &err);
    if (st == OV_OK)
        st = ov_mx_read_header((const uint8_t *)file.data, file.len, &h, &err);
    /* a file from a key the agency never registered is not opened */
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .key_path = ov_config_get(&c.cfg, OV_SET_KEY_FILE),
                          .mode = OV_OPEN_MIGRATE};
    ov_store *s = NULL;
    ov_tx *tx;
    if (st == OV_OK)
        st = ov_store_open(&o, &s, &err);
    if (st == OV_OK && (st = ov_tx_begin_read(s, &tx, &err)) == OV_OK) {
        st = ov_monitor_signer_check(tx, h.municipality, h.signer, &err);
        ov_tx_rollback(tx);
    }
    if (st == OV_OK)
        st = ov_mx_open((const uint8_t *)file.data, file.len, &h, pk, sk, a,
                        &rec, &err);
    ov_wipe(sk, sizeof sk);
    uint8_t sha[OV_HASH_BYTES];
    if (st == OV_OK)
        ov_sha256(file.data, file.len, sha);
    ov_buf_free(&file);
    int64_t id = 0;
    if (st == OV_OK)
        st = ov_tx_begin(s, cli_actor(&c, "national monitoring (import)"),
                         &tx, &err);
    if (st == OV_OK) {
        ov_monitor_import(tx, &h, sha, rec, h.records, &id, &err);
        st = ov_tx_commit(tx, &err);
    }
    ov_store_close(s);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return cli_fail(&err);
    char cnt[OV_FMT_BUF], f[OV_DATE_BUF], t[OV_DATE_BUF];
    ov_fmt_int_dk(h.records, cnt);
    ov_date_format_iso(h.from, f);
    ov_date_format_iso(h.to, t);
    printf("extract %lld imported: municipality %d, %s..%s, %s courses\n",
           (long long)id, h.municipality, f, t, cnt);
    return 0;
}

/* ---- show ---- */

/* `monitor show`: what a file holds, as the agency reads it (signature
 * checked with the key the header names, not against a registration):
 * the plaintext's JSON lines on stdout. For an agency that wants to see
 * what it received, and for the tests that prove what is not in it. */
static int monitor_show(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "monitor show", import_opts, 2, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    const char *keyp = cli_opt(&c, "--key");
    const char *path = cli_opt(&c, "--file");
    if (!keyp || !path)
        return fail_msg(OV_EINVAL, "--file",
                        "monitor show: give --key agency.key and --file FILE");
    uint8_t pk[OV_BOX_PUBLIC_BYTES], sk[OV_BOX_SECRET_BYTES];
    ov_key_field fk[] = {{"public", pk, sizeof pk}, {"secret", sk, sizeof sk}};
    if (ov_keyfile_read(keyp, "--key", AGENCY_KEY_MAGIC, true, fk, 2, &err) !=
        OV_OK)
        return cli_fail(&err);
    ov_buf file;
    ov_mx_header h;
    ov_mx_record *rec = NULL;
    ov_arena *a = ov_arena_new(0);
    ov_status st = cli_read_file(path, OV_MX_MAX_BYTES,
                                   "1 GiB, more than an extract can be", NULL,
                                   &file, &err);
    if (st == OV_OK)
        st = ov_mx_read_header((const uint8_t *)file.data, file.len, &h, &err);
    if (st == OV_OK)
        st = ov_mx_open((const uint8_t *)file.data, file.len, &h, pk, sk, a,
                        &rec, &err);
    ov_wipe(sk, sizeof sk);
    ov_buf_free(&file);
    if (st != OV_OK) {
        ov_arena_destroy(a);
        return cli_fail(&err);
    }
    ov_buf line;
    ov_buf_init(&line, NULL, OV_MX_RECORD_MAX);
    for (uint32_t i = 0; i < h.records && st == OV_OK; i++) {
        ov_buf_reset(&line);
        st = ov_mx_record_json(&rec[i], &line, &err);
        if (st == OV_OK)
            printf("%s\n", line.data);
    }
    ov_buf_free(&line);
    ov_arena_destroy(a);
    return st == OV_OK ? 0 : cli_fail(&err);
}

/* ---- board ---- */

static const cli_opt_def board_opts[] = {
    {"--from", true, OV_SET_COUNT,
     "first month of the period, YYYY-MM-DD (default: 12 whole months "
     "before --to)"},
    {"--to", true, OV_SET_COUNT,
     "last month of the period (default: last month)"},
    {"--lang", true, OV_SET_COUNT, "labels in da or en (default da)"},
};

/* `monitor board`: the national board of a database (live municipalities
 * and imported extracts, store/national.h) as the JSON of `GET
 * /api/v1/national/indicators`, suppressed with the setting suppress_k:
 * how the agency reads its national database without a web server. The
 * read is audited as the operator with a purpose. */
static int monitor_board(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "monitor board", board_opts, 3, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    ov_date today = ov_today_cph();
    ov_date to = ov_ind_month(today) - 1, from;
    const char *s;
    if ((s = cli_opt(&c, "--to")) &&
        ov_date_parse_iso(ov_str_c(s), "--to", &to, &err) != OV_OK)
        return cli_fail(&err);
    from = ov_date_add_months(ov_ind_month(to), -11);
    if ((s = cli_opt(&c, "--from")) &&
        ov_date_parse_iso(ov_str_c(s), "--from", &from, &err) != OV_OK)
        return cli_fail(&err);
    if (ov_ind_period_validate(from, to, &err) != OV_OK) {
        ov_err_prefix(&err, "monitor board");
        return cli_fail(&err);
    }
    ov_nat_period(from, to, &from, &to);
    ov_lang lang = OV_LANG_DA;
    if ((s = cli_opt(&c, "--lang")) && !ov_lang_parse(ov_str_c(s), &lang))
        return fail_msg(OV_EINVAL, "--lang", "--lang: use da or en");
    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .mode = OV_OPEN_MIGRATE};
    ov_store *st_;
    if (ov_store_open(&o, &st_, &err) != OV_OK)
        return cli_fail(&err);
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_national n;
    ov_status st = ov_tx_begin_audited(
        st_, cli_actor(&c, "national overvågning (overgang monitor board)"),
        &tx, &err);
    if (st == OV_OK) {
        st = ov_national_read(
            tx, from, to,
            ov_national_k((int)ov_config_get_int(&c.cfg, OV_SET_SUPPRESS_K)),
            a, &n, &err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, &err);
        else
            ov_tx_rollback(tx);
    }
    ov_store_close(st_);
    if (st == OV_OK) {
        json_t *j = ov_national_json(&n, lang);
        char *t = json_dumps(j, JSON_INDENT(2));
        json_decref(j);
        printf("%s\n", t ? t : "{}");
        free(t);
    }
    ov_arena_destroy(a);
    return st == OV_OK ? 0 : cli_fail(&err);
}

int cmd_monitor(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "board") == 0)
        return monitor_board(argc - 1, argv + 1);
    if (argc >= 1 && strcmp(argv[0], "keygen") == 0)
        return monitor_keygen(argc - 1, argv + 1);
    if (argc >= 1 && strcmp(argv[0], "register") == 0)
        return monitor_register(argc - 1, argv + 1);
    if (argc >= 1 && strcmp(argv[0], "export") == 0)
        return monitor_export(argc - 1, argv + 1);
    if (argc >= 1 && strcmp(argv[0], "import") == 0)
        return monitor_import(argc - 1, argv + 1);
    if (argc >= 1 && strcmp(argv[0], "show") == 0)
        return monitor_show(argc - 1, argv + 1);
    fprintf(stderr, "overgang: monitor: give keygen, register, export, "
                    "import, show or board; see 'overgang help monitor'\n");
    return 2;
}
