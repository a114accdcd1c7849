#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/crypto.h"

const ov_actor tu_actor = {"test-user", OV_ROLE_EMPLOYMENT_CASEWORKER,
                           "forløb 1 (test)"};

void tu_db_init(tu_db *t)
{
    memset(t, 0, sizeof *t);
    assert_int_equal(ov_crypto_init(NULL), OV_OK);
    snprintf(t->dir, sizeof t->dir, "/tmp/overgang-test-XXXXXX");
    assert_non_null(mkdtemp(t->dir));
    snprintf(t->db, sizeof t->db, "%s/t.db", t->dir);
    snprintf(t->key, sizeof t->key, "%s/t.db.key", t->dir);
    tu_db_reopen(t, OV_OPEN_INIT);
}

void tu_db_reopen(tu_db *t, ov_open_mode mode)
{
    ov_store_close(t->store);
    t->store = NULL;
    ov_store_options o = {.db_path = t->db, .key_path = t->key, .mode = mode};
    ov_err err;
    ov_err_clear(&err);
    if (ov_store_open(&o, &t->store, &err) != OV_OK)
        fail_msg("opening %s: %s", t->db, err.msg);
}

void tu_db_free(tu_db *t)
{
    ov_store_close(t->store);
    t->store = NULL;
    if (t->dir[0])
        tu_sh("rm -rf '%s'", t->dir);
}

int tu_sh(const char *fmt, ...)
{
    /* room for tu_db_rewind's script (up to 16 KiB) */
    char cmd[20480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int rc = system(cmd);
    return rc == -1 ? -1 : (rc >> 8) & 0xff;
}

char *tu_sh_out(const char *fmt, ...)
{
    char cmd[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 4096, len = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    size_t n;
    while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (cap - len < 1024) {
            cap *= 2;
            out = realloc(out, cap);
            assert_non_null(out);
        }
    }
    out[len] = '\0';
    pclose(p);
    return out;
}

/* What each migration made, undone (src/store/migrations.c): the SQL that
 * turns a file of version N into one of version N - 1. */
static const struct {
    int version;
    const char *sql;
} undo[] = {
    /* 9: the company register per municipality */
    {9, "CREATE TABLE company_old (id INTEGER PRIMARY KEY, cvr TEXT NOT "
        "NULL UNIQUE CHECK (length(cvr) = 8), name TEXT NOT NULL, "
        "municipality_code INTEGER NOT NULL REFERENCES municipality (code), "
        "postcode INTEGER CHECK (postcode BETWEEN 1000 AND 9999), created_at "
        "TEXT NOT NULL); INSERT INTO company_old SELECT * FROM company; DROP "
        "TABLE company; ALTER TABLE company_old RENAME TO company;"},
    /* 10: the indicators' settings column, attendees and indexes */
    {10, "ALTER TABLE municipality_settings DROP COLUMN indicator_rules; "
         "DROP INDEX meeting_course_kind; CREATE INDEX meeting_course ON "
         "meeting (course_id, kind, held_on); ALTER TABLE meeting DROP "
         "COLUMN attendees; DROP INDEX measurement_course_score; CREATE "
         "INDEX measurement_course ON measurement (course_id, instrument, "
         "taken_on); DROP INDEX plan_version_facts;"},
    /* 11: the attention setting */
    {11, "ALTER TABLE municipality_settings DROP COLUMN "
         "attention_no_placement_months;"},
    /* 12: the audit log's action CHECK as an IN list */
    {12, "CREATE TABLE audit_old (id INTEGER PRIMARY KEY, at TEXT NOT NULL, "
         "actor TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL "
         "CHECK (action IN ('create','read','update','delete','export',"
         "'prune')), citizen_id INTEGER, criterion TEXT, purpose TEXT NOT "
         "NULL, prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32), hash "
         "BLOB NOT NULL CHECK (length(hash) = 32)); INSERT INTO audit_old "
         "SELECT * FROM audit_log; DROP TABLE audit_log; ALTER TABLE "
         "audit_old RENAME TO audit_log; CREATE INDEX audit_log_citizen ON "
         "audit_log (citizen_id, id); CREATE INDEX audit_log_at ON audit_log "
         "(at); CREATE INDEX audit_log_actor ON audit_log (actor, id);"},
    /* 13: the national monitoring tables */
    {13, "DROP TABLE monitor_record; DROP TABLE monitor_file; DROP TABLE "
         "monitor_signer;"},
    /* 14: staff contact details, activation codes, settings' history */
    {14, "DROP TABLE settings_change; DROP TABLE activation_code; ALTER "
         "TABLE app_user DROP COLUMN email; ALTER TABLE app_user DROP COLUMN "
         "phone;"},
    /* 15: journal notes, the CTI contact's note */
    {15, "DROP TABLE journal_note; ALTER TABLE cti_contact DROP COLUMN "
         "note;"},
    /* 16: calendar subscription tokens */
    {16, "DROP TABLE calendar_token;"},
    /* 17: the course list's index */
    {17, "DROP INDEX course_municipality_id;"},
    /* 18: the self-efficacy items' texts */
    {18, "ALTER TABLE municipality_settings DROP COLUMN gse_items;"},
    /* 19: signatures with way and hash; the employer's hours */
    {19, "ALTER TABLE municipality_settings DROP COLUMN employer_hours; "
         "ALTER TABLE hours_week DROP COLUMN entered_by; ALTER TABLE "
         "hours_week DROP COLUMN employer_at; ALTER TABLE hours_week DROP "
         "COLUMN employer_by; ALTER TABLE hours_week DROP COLUMN "
         "employer_ordinary_x10; ALTER TABLE hours_week DROP COLUMN "
         "employer_internship_x10; ALTER TABLE agreement_signoff DROP "
         "COLUMN paper_date; ALTER TABLE agreement_signoff DROP COLUMN "
         "recorded_by_name; ALTER TABLE agreement_signoff DROP COLUMN "
         "content_hash; ALTER TABLE agreement_signoff DROP COLUMN "
         "signer_name; ALTER TABLE agreement_signoff DROP COLUMN "
         "signer_user_id; ALTER TABLE agreement_signoff DROP COLUMN way;"},
    /* 20: retention years, anonymised marks */
    {20, "ALTER TABLE citizen DROP COLUMN anonymised_at; ALTER TABLE course "
         "DROP COLUMN anonymised_at; ALTER TABLE municipality_settings DROP "
         "COLUMN retention_years;"},
    /* 21: who answered a proposal, and the citizen's comment */
    {21, "ALTER TABLE match_proposal DROP COLUMN citizen_comment; "
         "ALTER TABLE match_proposal DROP COLUMN answered_user; "
         "ALTER TABLE match_proposal DROP COLUMN answered_by;"},
    /* 22: the citizen's comments on their plan; plan versions seen */
    {22, "DROP TABLE plan_comment; DROP TABLE plan_seen;"},
    /* 23: saved economics scenarios */
    {23, "DROP TABLE econ_scenario;"},
    /* 24: which hours count */
    {24, "ALTER TABLE municipality_settings DROP COLUMN hours_source;"},
    /* 25: the registered activity's indexes */
    {25, "DROP INDEX cti_contact_minutes; CREATE INDEX cti_contact_course "
         "ON cti_contact (course_id, on_date); DROP INDEX "
         "course_municipality_dates; CREATE INDEX course_municipality ON "
         "course (municipality_code, stage);"},
};

void tu_db_rewind(const char *db, int version)
{
    int latest = ov_store_latest_schema_version();
    size_t cap = 16384;
    char *sql = calloc(1, cap);
    assert_non_null(sql);
    size_t o = (size_t)snprintf(sql, cap, "BEGIN; ");
    for (int v = latest; v > version; v--) {
        const char *u = NULL;
        for (size_t i = 0; i < sizeof undo / sizeof undo[0]; i++)
            if (undo[i].version == v)
                u = undo[i].sql;
        if (!u)
            fail_msg("migration %d has no undo in tests/support/testutil.c; "
                     "add one beside the others",
                     v);
        o += (size_t)snprintf(sql + o, cap - o, "%s ", u);
    }
    snprintf(sql + o, cap - o,
             "DELETE FROM schema_migrations WHERE version > %d; PRAGMA "
             "user_version = %d; COMMIT;",
             version, version);
    assert_true(strlen(sql) < cap - 1);
    if (tu_sh("sqlite3 '%s' \"%s\"", db, sql) != 0)
        fail_msg("rewinding %s to version %d failed", db, version);
    free(sql);
}
