/*
 * retention.c - anonymising courses past retention (see retention.h).
 *
 * Why a table: the schema grows (every issue adds columns), and a column
 * of free text that anonymising forgets keeps a citizen's words for ever.
 * So every TEXT and BLOB column is listed below with what anonymising
 * does to it and the one statement that does it, and
 * ov_retention_schema_check compares the list with the live schema: the
 * run refuses to start, and the test fails, while a column is
 * unclassified.
 *
 * Format of a row: table, column, action, scope, bytes (random), SQL, why.
 * The SQL binds ?1 (the course id for OV_RS_COURSE, the citizen id for
 * OV_RS_CITIZEN) and ?2 (the marker, the random bytes or the time); it is
 * plain SQL (no engine functions beyond substr, CAST and ||), so a
 * PostgreSQL store runs it unchanged.
 *
 * Crash rules: the caller's write transaction holds one course: its rows,
 * the citizen's identity (when no other course of the citizen remains
 * unanonymised), the course's anonymised_at and the audit row. A crash
 * before the commit leaves the course untouched; a re-run finds it again.
 * A crash after leaves it marked; a re-run skips it. The connection runs
 * with secure_delete on from the first anonymisation, so the replaced
 * values are overwritten in the database file, not only unlinked.
 */
#include "store/retention.h"

#include <stdio.h>
#include <string.h>

#include "store/audit.h"
#include "store/settings.h"
#include "store/store_int.h"

#define BY_COURSE "course_id = ?1"
#define BY_MEETING "meeting_id IN (SELECT id FROM meeting WHERE course_id = ?1)"
#define BY_PLACEMENT                                                       \
    "placement_id IN (SELECT id FROM placement WHERE course_id = ?1)"
/* the citizen's own log-in name(s), for a course's ACTOR columns */
#define CITIZEN_USER                                                       \
    " IN (SELECT u.username FROM app_user u JOIN course c ON c.citizen_id " \
    "= u.citizen_id WHERE c.id = ?1)"
#define CITIZEN_USER_ID                                                    \
    "user_id IN (SELECT id FROM app_user WHERE citizen_id = ?1)"

#define KEEP(t, c, why) {t, c, OV_RA_FACT, OV_RS_NONE, 0, NULL, why}
#define ORG(t, c, why) {t, c, OV_RA_NOT_CITIZEN, OV_RS_NONE, 0, NULL, why}
#define AUDIT(t, c) {t, c, OV_RA_AUDIT, OV_RS_NONE, 0, NULL, AUDIT_WHY}
#define AUDIT_WHY                                                          \
    "the audit log is append-only and hash-chained; its rows follow the "  \
    "audit retention (overgang audit prune), never this run"
#define MARK(t, c, sql, why) {t, c, OV_RA_MARKER, OV_RS_COURSE, 0, sql, why}
#define ACTOR(t, c, sql)                                                   \
    {t, c, OV_RA_ACTOR, OV_RS_COURSE, 0, sql,                              \
     "who wrote it: a staff user name stays; the citizen's own log-in "    \
     "name becomes the marker"}
#define STAMP "when it happened: the indicators' dates"

static const ov_ret_column SQL_COLUMNS[] = {
    /* ---- the citizen's identity (when no other course keeps it) ---- */
    {"citizen", "full_name", OV_RA_MARKER, OV_RS_CITIZEN, 0,
     "UPDATE citizen SET full_name = ?2 WHERE id = ?1",
     "the citizen's name"},
    {"citizen", "cpr_hash", OV_RA_RANDOM, OV_RS_CITIZEN, 32,
     "UPDATE citizen SET cpr_hash = ?2 WHERE id = ?1",
     "the keyed look-up hash of the CPR number: random bytes, so the CPR "
     "number no longer finds the row (and a new course starts afresh)"},
    {"citizen", "cpr_nonce", OV_RA_RANDOM, OV_RS_CITIZEN, 24,
     "UPDATE citizen SET cpr_nonce = ?2 WHERE id = ?1",
     "the CPR number's nonce"},
    {"citizen", "cpr_box", OV_RA_RANDOM, OV_RS_CITIZEN, 26,
     "UPDATE citizen SET cpr_box = ?2 WHERE id = ?1",
     "the encrypted CPR number: random bytes that open to nothing"},
    {"citizen", "birth_date", OV_RA_YEAR, OV_RS_CITIZEN, 0,
     "UPDATE citizen SET birth_date = substr(birth_date, 1, 4) || '-01-01' "
     "WHERE id = ?1",
     "derived from the CPR number: only the year stays (the national "
     "monitoring's birth band)"},
    KEEP("citizen", "sex", "a fact the monitoring counts"),
    KEEP("citizen", "created_at", STAMP),
    KEEP("citizen", "updated_at", STAMP),
    {"citizen", "anonymised_at", OV_RA_FACT, OV_RS_CITIZEN, 0,
     "UPDATE citizen SET anonymised_at = ?2 WHERE id = ?1",
     "set by this run: the identity is gone (the row stays as a "
     "pseudonymous shell for the courses that refer to it)"},
    /* the citizen's log-in (role citizen) */
    {"app_user", "username", OV_RA_MARKER, OV_RS_CITIZEN, 0,
     "UPDATE app_user SET username = ?2 || '-' || CAST(id AS TEXT) WHERE "
     "citizen_id = ?1",
     "the citizen's log-in name: the marker and the user id (unique); "
     "staff and employer users are not the citizen's and stay"},
    {"app_user", "full_name", OV_RA_MARKER, OV_RS_CITIZEN, 0,
     "UPDATE app_user SET full_name = ?2 WHERE citizen_id = ?1",
     "the citizen's name on the log-in"},
    {"app_user", "password_hash", OV_RA_CLEAR, OV_RS_CITIZEN, 0,
     "UPDATE app_user SET password_hash = NULL, active = 0 WHERE "
     "citizen_id = ?1",
     "the citizen's password: cleared, the log-in deactivated"},
    {"app_user", "phone", OV_RA_CLEAR, OV_RS_CITIZEN, 0,
     "UPDATE app_user SET phone = NULL WHERE citizen_id = ?1",
     "contact details"},
    {"app_user", "email", OV_RA_CLEAR, OV_RS_CITIZEN, 0,
     "UPDATE app_user SET email = NULL WHERE citizen_id = ?1",
     "contact details"},
    ORG("app_user", "role", "a code"),
    ORG("app_user", "created_at", "when the log-in was made"),
    {"session", "token_hash", OV_RA_DELETE, OV_RS_CITIZEN, 0,
     "DELETE FROM session WHERE " CITIZEN_USER_ID,
     "the citizen's sessions end"},
    {"session", "csrf", OV_RA_DELETE, OV_RS_CITIZEN, 0,
     "DELETE FROM session WHERE " CITIZEN_USER_ID,
     "with the session"},
    {"activation_code", "code_hash", OV_RA_DELETE, OV_RS_CITIZEN, 0,
     "DELETE FROM activation_code WHERE " CITIZEN_USER_ID,
     "an unused activation code of the citizen's log-in"},
    {"activation_code", "issued_by", OV_RA_DELETE, OV_RS_CITIZEN, 0,
     "DELETE FROM activation_code WHERE " CITIZEN_USER_ID, "with the code"},
    {"activation_code", "issued_at", OV_RA_DELETE, OV_RS_CITIZEN, 0,
     "DELETE FROM activation_code WHERE " CITIZEN_USER_ID, "with the code"},
    /* the screening list's rows of the citizen */
    {"candidate", "exclusion_text", OV_RA_MARKER, OV_RS_CITIZEN, 0,
     "UPDATE candidate SET exclusion_text = ?2 WHERE citizen_id = ?1 AND "
     "exclusion_text IS NOT NULL AND exclusion_text <> ''",
     "free text on the citizen's row of a screening list (the row stays: "
     "the draw's pool refers to it)"},
    KEEP("candidate", "exclusion_reason", "a code: why not in the target "
                                          "group"),

    /* ---- the course's own rows ---- */
    MARK("course", "end_text",
         "UPDATE course SET end_text = ?2 WHERE id = ?1 AND end_text IS NOT "
         "NULL AND end_text <> ''",
         "free text on why the course ended"),
    KEEP("course", "stage", "a fact"),
    KEEP("course", "started_on", "a fact"),
    KEEP("course", "ended_on", "a fact"),
    KEEP("course", "end_reason", "a code the indicators count"),
    KEEP("course", "created_at", STAMP),
    KEEP("course", "updated_at", STAMP),
    {"course", "anonymised_at", OV_RA_FACT, OV_RS_COURSE, 0,
     "UPDATE course SET anonymised_at = ?2 WHERE id = ?1",
     "set by this run: a re-run skips the course"},
    KEEP("course_stage_history", "stage", "a fact"),
    KEEP("course_stage_history", "on_date", "a fact"),
    ACTOR("course_stage_history", "by_user",
          "UPDATE course_stage_history SET by_user = ?2 WHERE " BY_COURSE
          " AND by_user" CITIZEN_USER),
    KEEP("course_staff", "role", "a code"),
    MARK("meeting", "notes",
         "UPDATE meeting SET notes = ?2 WHERE " BY_COURSE " AND notes IS NOT "
         "NULL AND notes <> ''",
         "meeting notes"),
    MARK("meeting", "wishes",
         "UPDATE meeting SET wishes = ?2 WHERE " BY_COURSE " AND wishes IS "
         "NOT NULL AND wishes <> ''",
         "the citizen's wishes"),
    MARK("meeting", "competences",
         "UPDATE meeting SET competences = ?2 WHERE " BY_COURSE " AND "
         "competences IS NOT NULL AND competences <> ''",
         "the citizen's competences"),
    KEEP("meeting", "kind", "a fact"),
    KEEP("meeting", "held_on", "a fact"),
    ACTOR("meeting", "created_by",
          "UPDATE meeting SET created_by = ?2 WHERE " BY_COURSE
          " AND created_by" CITIZEN_USER),
    KEEP("meeting", "created_at", STAMP),
    KEEP("meeting_attendee", "role", "a fact the indicators count"),
    KEEP("assessment_item", "domain", "a code"),
    MARK("assessment_item", "own_words",
         "UPDATE assessment_item SET own_words = ?2 WHERE " BY_MEETING
         " AND own_words <> ''",
         "the citizen's own words"),
    MARK("assessment_item", "resources",
         "UPDATE assessment_item SET resources = ?2 WHERE " BY_MEETING
         " AND resources <> ''",
         "assessment text"),
    MARK("assessment_item", "challenges",
         "UPDATE assessment_item SET challenges = ?2 WHERE " BY_MEETING
         " AND challenges <> ''",
         "assessment text"),
    KEEP("placement", "type", "a fact"),
    KEEP("placement", "start_on", "a fact"),
    KEEP("placement", "end_on", "a fact"),
    KEEP("placement", "created_at", STAMP),
    MARK("agreement_version", "tasks",
         "UPDATE agreement_version SET tasks = ?2 WHERE " BY_PLACEMENT
         " AND tasks <> ''",
         "agreement free text"),
    MARK("agreement_version", "accommodations",
         "UPDATE agreement_version SET accommodations = ?2 WHERE "
         BY_PLACEMENT " AND accommodations <> ''",
         "agreement free text (often health)"),
    KEEP("agreement_version", "review_on", "a fact"),
    ACTOR("agreement_version", "created_by",
          "UPDATE agreement_version SET created_by = ?2 WHERE " BY_PLACEMENT
          " AND created_by" CITIZEN_USER),
    KEEP("agreement_version", "created_at", STAMP),
    MARK("agreement_goal", "text",
         "UPDATE agreement_goal SET text = ?2 WHERE " BY_PLACEMENT
         " AND text <> ''",
         "an agreement goal"),
    KEEP("agreement_signoff", "signer", "a code"),
    ACTOR("agreement_signoff", "signed_by",
          "UPDATE agreement_signoff SET signed_by = ?2 WHERE " BY_PLACEMENT
          " AND signed_by" CITIZEN_USER),
    KEEP("agreement_signoff", "signed_at", STAMP),
    KEEP("agreement_signoff", "way", "a code: in overgang or on paper"),
    KEEP("agreement_signoff", "paper_date", "a fact: the date on the paper"),
    MARK("agreement_signoff", "signer_name",
         "UPDATE agreement_signoff SET signer_name = ?2 WHERE " BY_PLACEMENT
         " AND signer = 'citizen' AND signer_name IS NOT NULL",
         "the citizen's name as it was when they signed (the employer's "
         "and the consultant's names are not the citizen's and stay)"),
    KEEP("agreement_signoff", "recorded_by_name",
         "the consultant who recorded a paper signature: staff"),
    {"agreement_signoff", "content_hash", OV_RA_CLEAR, OV_RS_COURSE, 0,
     "UPDATE agreement_signoff SET content_hash = NULL WHERE " BY_PLACEMENT,
     "the SHA-256 of the signed version's content: with the texts gone it "
     "could only confirm a guessed text, so it goes too"},
    KEEP("hours_week", "entered_by", "a code: who wrote the week first"),
    KEEP("hours_week", "employer_by",
         "the employer contact's user name: not the citizen's"),
    KEEP("hours_week", "employer_at", STAMP),
    {"plan_version", "content", OV_RA_PLAN, OV_RS_COURSE, 0, NULL,
     "the plan: every goal, sub-goal, activity and job-goal text becomes "
     "the marker (ov_plan_anonymise); ids, statuses and dates stay"},
    MARK("plan_version", "citizen_comment",
         "UPDATE plan_version SET citizen_comment = ?2 WHERE " BY_COURSE
         " AND citizen_comment IS NOT NULL AND citizen_comment <> ''",
         "the citizen's comment on the plan"),
    MARK("plan_version", "summary",
         "UPDATE plan_version SET summary = ?2 WHERE " BY_COURSE
         " AND summary <> ''",
         "what changed, quoting the plan's texts"),
    ACTOR("plan_version", "created_by",
          "UPDATE plan_version SET created_by = ?2 WHERE " BY_COURSE
          " AND created_by" CITIZEN_USER),
    KEEP("plan_version", "created_at", STAMP),
    KEEP("cti_course", "legal_basis", "a code"),
    KEEP("cti_course", "start_on", "a fact"),
    KEEP("cti_contact", "on_date", "a fact the indicators count"),
    KEEP("cti_contact", "form", "a code"),
    MARK("cti_contact", "focus",
         "UPDATE cti_contact SET focus = ?2 WHERE " BY_COURSE
         " AND focus <> ''",
         "the contact's focus, free text"),
    MARK("cti_contact", "note",
         "UPDATE cti_contact SET note = ?2 WHERE " BY_COURSE
         " AND note <> ''",
         "the CTI worker's contact note"),
    ACTOR("cti_contact", "created_by",
          "UPDATE cti_contact SET created_by = ?2 WHERE " BY_COURSE
          " AND created_by" CITIZEN_USER),
    MARK("cti_focus", "area",
         "UPDATE cti_focus SET area = ?2 WHERE " BY_COURSE " AND area <> ''",
         "focus areas in the citizen's words"),
    MARK("network_person", "name",
         "UPDATE network_person SET name = ?2 WHERE " BY_COURSE
         " AND name <> ''",
         "a person in the citizen's network"),
    MARK("network_person", "relation",
         "UPDATE network_person SET relation = ?2 WHERE " BY_COURSE
         " AND relation <> ''",
         "their relation to the citizen"),
    KEEP("measurement", "instrument", "a code"),
    KEEP("measurement", "taken_on", "a fact the indicators count"),
    KEEP("measurement", "items", "item scores: facts"),
    KEEP("measurement", "rater", "a code"),
    KEEP("measurement", "entered_by", "a code"),
    ACTOR("measurement", "entered_user",
          "UPDATE measurement SET entered_user = ?2 WHERE " BY_COURSE
          " AND entered_user" CITIZEN_USER),
    KEEP("measurement", "created_at", STAMP),
    ACTOR("match_proposal", "proposed_by",
          "UPDATE match_proposal SET proposed_by = ?2 WHERE " BY_COURSE
          " AND proposed_by" CITIZEN_USER),
    KEEP("match_proposal", "proposed_on", "a fact"),
    KEEP("match_proposal", "answered_on", "a fact"),
    KEEP("match_proposal", "answered_by", "a code: the citizen or staff"),
    ACTOR("match_proposal", "answered_user",
          "UPDATE match_proposal SET answered_user = ?2 WHERE " BY_COURSE
          " AND answered_user" CITIZEN_USER),
    MARK("match_proposal", "citizen_comment",
         "UPDATE match_proposal SET citizen_comment = ?2 WHERE " BY_COURSE
         " AND citizen_comment IS NOT NULL AND citizen_comment <> ''",
         "the citizen's comment on a proposal"),
    MARK("plan_comment", "text",
         "UPDATE plan_comment SET text = ?2 WHERE " BY_COURSE,
         "the citizen's comment on their plan"),
    ACTOR("plan_comment", "created_by",
          "UPDATE plan_comment SET created_by = ?2 WHERE " BY_COURSE
          " AND created_by" CITIZEN_USER),
    KEEP("plan_comment", "created_at", STAMP),
    KEEP("employment", "from_on", "a fact the indicators count"),
    KEEP("journal_note", "on_date", "a fact"),
    MARK("journal_note", "subject",
         "UPDATE journal_note SET subject = ?2 WHERE " BY_COURSE,
         "a journal note's subject"),
    MARK("journal_note", "text",
         "UPDATE journal_note SET text = ?2 WHERE " BY_COURSE,
         "a journal note"),
    ACTOR("journal_note", "created_by",
          "UPDATE journal_note SET created_by = ?2 WHERE " BY_COURSE
          " AND created_by" CITIZEN_USER),
    KEEP("journal_note", "created_at", STAMP),

    /* ---- the audit log: never changed here ---- */
    AUDIT("audit_log", "at"),
    AUDIT("audit_log", "actor"),
    AUDIT("audit_log", "role"),
    AUDIT("audit_log", "action"),
    AUDIT("audit_log", "criterion"),
    AUDIT("audit_log", "purpose"),
    AUDIT("audit_log", "prev_hash"),
    AUDIT("audit_log", "hash"),
    AUDIT("audit_checkpoint", "anchor_hash"),
    AUDIT("audit_checkpoint", "cutoff"),
    AUDIT("audit_checkpoint", "made_at"),

    /* ---- not the citizen's ---- */
    ORG("store_meta", "key", "the store's own settings"),
    ORG("store_meta", "value", "the store's own settings"),
    ORG("schema_migrations", "name", "the schema's history"),
    ORG("schema_migrations", "applied_at", "the schema's history"),
    ORG("municipality", "name", "the municipality"),
    ORG("team", "name", "the municipality's team"),
    ORG("company", "cvr", "the employer, a legal person"),
    ORG("company", "name", "the employer"),
    ORG("company", "created_at", "the employer"),
    ORG("opening", "tasks", "the employer's opening"),
    ORG("opening", "occupation", "the employer's opening"),
    ORG("opening", "accommodations", "the employer's opening"),
    ORG("opening", "ordinary", "the employer's opening"),
    ORG("opening", "created_at", "the employer's opening"),
    ORG("screening_batch", "reference_date", "the list, not a citizen"),
    ORG("screening_batch", "source_name", "the file name of the list"),
    ORG("screening_batch", "imported_by", "staff"),
    ORG("screening_batch", "imported_at", "the list"),
    ORG("draw", "seed", "the draw, re-runnable"),
    ORG("draw", "drawn_by", "staff"),
    ORG("draw", "drawn_at", "the draw"),
    ORG("municipality_settings", "life_domains", "the settings"),
    ORG("municipality_settings", "indicator_rules", "the settings"),
    ORG("municipality_settings", "updated_by", "staff"),
    ORG("municipality_settings", "updated_at", "the settings"),
    ORG("settings_change", "field", "the settings' history"),
    ORG("settings_change", "old_value", "the settings' history"),
    ORG("settings_change", "new_value", "the settings' history"),
    ORG("settings_change", "changed_by", "staff"),
    ORG("settings_change", "changed_at", "the settings' history"),
    {"calendar_token", "token_hash", OV_RA_DELETE, OV_RS_CITIZEN, 0,
     "DELETE FROM calendar_token WHERE " CITIZEN_USER_ID,
     "the citizen's calendar subscription ends (staff users' stay)"},
    {"calendar_token", "created_at", OV_RA_DELETE, OV_RS_CITIZEN, 0,
     "DELETE FROM calendar_token WHERE " CITIZEN_USER_ID,
     "with the subscription"},
    ORG("municipality_settings", "gse_items",
        "the municipality's questionnaire texts"),
    ORG("municipality_settings", "employer_hours", "a setting"),
    ORG("municipality_settings", "hours_source", "a setting"),
    ORG("monitor_signer", "public_key", "the national database's keys"),
    ORG("monitor_signer", "registered_by", "the agency's staff"),
    ORG("monitor_signer", "registered_at", "the national database"),
    ORG("monitor_file", "sha256", "an imported extract"),
    ORG("monitor_file", "period_from", "an imported extract"),
    ORG("monitor_file", "period_to", "an imported extract"),
    ORG("monitor_file", "imported_by", "the agency's staff"),
    ORG("monitor_file", "imported_at", "an imported extract"),
    KEEP("monitor_record", "pseudonym", "the national database: a "
                                        "pseudonym, never a CPR number"),
    KEEP("monitor_record", "sex", "the national database's facts"),
    KEEP("monitor_record", "stage", "the national database's facts"),
    KEEP("monitor_record", "end_reason", "the national database's facts"),
    KEEP("monitor_record", "started", "the national database's facts"),
    KEEP("monitor_record", "ended", "the national database's facts"),
    KEEP("monitor_record", "facts", "the national database's facts: no "
                                    "name, CPR number or free text"),
    ORG("econ_scenario", "name", "a business-case scenario: figures, no "
                                 "person"),
    ORG("econ_scenario", "scenario", "a business-case scenario: figures, no "
                                     "person"),
    ORG("econ_scenario", "created_at", "a business-case scenario"),
};
const ov_ret_column *const ov_retention_columns = SQL_COLUMNS;
const int ov_nretention_columns =
    (int)(sizeof SQL_COLUMNS / sizeof SQL_COLUMNS[0]);

const char *ov_ret_action_code(ov_ret_action a)
{
    static const char *const codes[OV_RA_COUNT] = {
        "fact",  "not the citizen's", "audit", "marker", "actor",
        "clear", "random",            "year",  "delete", "plan"};
    return a >= 0 && a < OV_RA_COUNT ? codes[a] : "unknown";
}

/* ---- the live schema against the table ---- */

/* Every column of every table with its declared type; tables in name
 * order. (SQLite's catalogue; a PostgreSQL store reads
 * information_schema.columns instead.) */
static const char SQL_SCHEMA[] =
    "SELECT m.name, p.name, upper(p.type) FROM sqlite_schema m JOIN "
    "pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT "
    "LIKE 'sqlite_%' ORDER BY m.name, p.cid";

static bool texty(const char *type)
{
    /* SQLite's affinity rules: TEXT for CHAR, CLOB, TEXT; BLOB for BLOB
     * or no type */
    return type[0] == '\0' || strstr(type, "CHAR") || strstr(type, "CLOB") ||
           strstr(type, "TEXT") || strstr(type, "BLOB");
}

static int classified(const char *table, const char *column)
{
    for (int i = 0; i < ov_nretention_columns; i++)
        if (strcmp(SQL_COLUMNS[i].table, table) == 0 &&
            strcmp(SQL_COLUMNS[i].column, column) == 0)
            return i;
    return -1;
}

ov_status ov_retention_schema_check(ov_tx *tx, ov_arena *a, ov_str **missing,
                                    int *nmissing, ov_str **stale,
                                    int *nstale, ov_err *err)
{
    *missing = *stale = NULL;
    *nmissing = *nstale = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    bool *seen = OV_NEW_N(a, bool, (size_t)ov_nretention_columns);
    int cap = 64;
    ov_str *miss = OV_NEW_N(a, ov_str, (size_t)cap);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_SCHEMA, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        ov_str t = ov_stmt_col_text(s, 0, a);
        ov_str c = ov_stmt_col_text(s, 1, a);
        ov_str ty = ov_stmt_col_text(s, 2, a);
        int k = classified(t.ptr, c.ptr);
        if (k >= 0) {
            seen[k] = true;
            continue;
        }
        if (!texty(ty.ptr ? ty.ptr : ""))
            continue;
        if (*nmissing == cap) {
            ov_str *more = OV_NEW_N(a, ov_str, (size_t)cap * 2);
            memcpy(more, miss, (size_t)cap * sizeof *miss);
            miss = more;
            cap *= 2;
        }
        miss[(*nmissing)++] =
            ov_str_c(ov_arena_printf(a, "%s.%s", t.ptr, c.ptr));
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    ov_str *st = OV_NEW_N(a, ov_str, (size_t)ov_nretention_columns);
    for (int i = 0; i < ov_nretention_columns; i++)
        if (!seen[i])
            st[(*nstale)++] = ov_str_c(ov_arena_printf(
                a, "%s.%s", SQL_COLUMNS[i].table, SQL_COLUMNS[i].column));
    *missing = miss;
    *stale = st;
    return OV_OK;
}

/* ---- which courses ---- */

static const char SQL_MUNI_EXISTS[] =
    "SELECT count(*) FROM municipality WHERE code = ?1";
static const char SQL_COUNT_OPEN[] =
    "SELECT count(*) FROM course WHERE municipality_code = ?1 AND ended_on "
    "IS NULL";
static const char SQL_COUNT_KEPT[] =
    "SELECT count(*) FROM course WHERE municipality_code = ?1 AND ended_on "
    "IS NOT NULL AND ended_on >= ?2 AND anonymised_at IS NULL";
/* ended before the cutoff, with whether any other course of the citizen
 * stays (not anonymised, and not due here too) */
static const char SQL_PAST[] =
    "SELECT c.id, c.ended_on, c.anonymised_at IS NOT NULL, (SELECT count(*) "
    "FROM course o WHERE o.citizen_id = c.citizen_id AND o.id <> c.id AND "
    "o.anonymised_at IS NULL AND NOT (o.municipality_code = ?1 AND "
    "o.ended_on IS NOT NULL AND o.ended_on < ?2)) FROM course c WHERE "
    "c.municipality_code = ?1 AND c.ended_on IS NOT NULL AND c.ended_on < "
    "?2 ORDER BY c.id";

enum { C_MUNI_EXISTS, C_OPEN, C_KEPT };
static const char *const SQL_COUNTS[] = {SQL_MUNI_EXISTS, SQL_COUNT_OPEN,
                                         SQL_COUNT_KEPT};

static ov_status count_q(ov_tx *tx, int q, int muni, const char *cutoff,
                         int *out, ov_err *err)
{
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COUNTS[q], &s, err) != OV_OK)
        return err->code;
    ov_stmt_bind_i64(s, 1, muni);
    if (cutoff)
        ov_stmt_bind_cstr(s, 2, cutoff);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *out = (int)ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return r == OV_STEP_ROW ? OV_OK : err->code;
}

ov_status ov_retention_list(ov_tx *tx, int muni, ov_date today, ov_arena *a,
                            ov_retention_plan *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    out->municipality_code = muni;
    out->today = today;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    int exists = 0;
    if (count_q(tx, C_MUNI_EXISTS, muni, NULL, &exists, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (!exists)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "--municipality",
                                          retention_municipality_unknown,
                                          muni),
                               err));
    ov_settings set;
    if (ov_settings_get(tx, muni, &set, err) != OV_OK)
        return err->code;
    out->years = set.retention_years;
    if (count_q(tx, C_OPEN, muni, NULL, &out->open, err) != OV_OK)
        return ov_tx_fail(tx, err);
    /* no retention set: every ended course is kept; nothing is listed */
    char cut[OV_DATE_BUF] = "0000-00-00";
    if (out->years) {
        out->cutoff = ov_retention_cutoff(today, out->years);
        ov_date_format_iso(out->cutoff, cut);
    }
    if (count_q(tx, C_KEPT, muni, cut, &out->kept, err) != OV_OK)
        return ov_tx_fail(tx, err);
    if (!out->years)
        return OV_OK;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_PAST, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, muni);
    ov_stmt_bind_cstr(s, 2, cut);
    int cap = 16;
    ov_retention_item *it = OV_NEW_N(a, ov_retention_item, (size_t)cap);
    ov_step r;
    ov_status st = OV_OK;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if (out->n == cap) {
            ov_retention_item *more =
                OV_NEW_N(a, ov_retention_item, (size_t)cap * 2);
            memcpy(more, it, (size_t)cap * sizeof *it);
            it = more;
            cap *= 2;
        }
        ov_retention_item *x = &it[out->n];
        x->course_id = ov_stmt_col_i64(s, 0);
        if (ov_date_parse(ov_stmt_col_text(s, 1, a), "ended_on",
                          &x->ended_on, err) != OV_OK) {
            st = err->code;
            break;
        }
        x->done = ov_stmt_col_i64(s, 2) != 0;
        x->identity_goes = ov_stmt_col_i64(s, 3) == 0;
        if (x->done)
            out->done++;
        else
            out->due++;
        out->n++;
    }
    ov_stmt_release(s);
    if (st == OV_OK && r == OV_STEP_ERROR)
        st = err->code;
    if (st != OV_OK)
        return ov_tx_fail(tx, err);
    out->items = it;
    return OV_OK;
}

static const char SQL_MUNIS[] = "SELECT code FROM municipality ORDER BY code";

ov_status ov_retention_municipalities(ov_tx *tx, ov_arena *a, int **codes,
                                      int *n, ov_err *err)
{
    *codes = NULL;
    *n = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_MUNIS, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    /* codes are 101-860: at most 760 */
    int *c = OV_NEW_N(a, int, 800);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW && *n < 800)
        c[(*n)++] = (int)ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        return ov_tx_fail(tx, err);
    *codes = c;
    return OV_OK;
}

/* ---- anonymising one course ---- */

static const char SQL_COURSE[] =
    "SELECT citizen_id, municipality_code, ended_on, anonymised_at IS NOT "
    "NULL FROM course WHERE id = ?1";
static const char SQL_PLANS[] =
    "SELECT version, content FROM plan_version WHERE course_id = ?1 ORDER "
    "BY version";
static const char SQL_PLAN_PUT[] =
    "UPDATE plan_version SET content = ?3 WHERE course_id = ?1 AND version "
    "= ?2";
static const char SQL_OTHERS_KEPT[] =
    "SELECT count(*) FROM course WHERE citizen_id = ?1 AND anonymised_at "
    "IS NULL";

typedef struct tally {
    const char *table[32];
    int n[32];
    int ntables;
    int fields;
} tally;

static void tally_add(tally *t, const char *table, int n)
{
    if (n <= 0)
        return;
    t->fields += n;
    for (int i = 0; i < t->ntables; i++)
        if (strcmp(t->table[i], table) == 0) {
            t->n[i] += n;
            return;
        }
    if (t->ntables < 32) {
        t->table[t->ntables] = table;
        t->n[t->ntables++] = n;
    }
}

/* Every rule of one scope; ?1 = key. A DELETE rule is listed once per
 * column of its table: its statement runs once. */
static ov_status run_scope(ov_tx *tx, ov_ret_scope scope, int64_t key,
                           tally *t, ov_err *err)
{
    for (int i = 0; i < ov_nretention_columns; i++) {
        const ov_ret_column *c = &SQL_COLUMNS[i];
        if (c->scope != scope || !c->sql)
            continue;
        if (c->action == OV_RA_DELETE && i > 0 &&
            SQL_COLUMNS[i - 1].sql &&
            strcmp(SQL_COLUMNS[i - 1].sql, c->sql) == 0)
            continue;
        /* the marks last: they say the rest is done */
        if (strcmp(c->column, "anonymised_at") == 0)
            continue;
        ov_stmt *s;
        if (ov_stmt_prepare(tx->conn, SQL_COLUMNS[i].sql, &s, err) != OV_OK)
            return err->code;
        ov_stmt_bind_i64(s, 1, key);
        uint8_t rnd[64];
        switch (c->action) {
        case OV_RA_MARKER:
        case OV_RA_ACTOR:
            ov_stmt_bind_cstr(s, 2, OV_ANON_MARKER);
            break;
        case OV_RA_RANDOM:
            if (c->bytes > sizeof rnd) {
                ov_stmt_release(s);
                return ov_err_set(err, OV_EINTERNAL, NULL,
                                  "%s.%s: random value too long (a bug)",
                                  c->table, c->column);
            }
            ov_random_bytes(rnd, c->bytes);
            ov_stmt_bind_blob(s, 2, rnd, c->bytes);
            break;
        default:
            break;
        }
        if (ov_stmt_run(s, err) != OV_OK) {
            ov_err_prefix(err, "anonymising %s.%s", c->table, c->column);
            return err->code;
        }
        tally_add(t, c->table, ov_conn_changes(tx->conn));
    }
    return OV_OK;
}

static ov_status mark_done(ov_tx *tx, const char *table, int64_t key,
                           const char *now, ov_err *err)
{
    for (int i = 0; i < ov_nretention_columns; i++) {
        const ov_ret_column *c = &SQL_COLUMNS[i];
        if (strcmp(c->table, table) != 0 ||
            strcmp(c->column, "anonymised_at") != 0)
            continue;
        ov_stmt *s;
        if (ov_stmt_prepare(tx->conn, SQL_COLUMNS[i].sql, &s, err) != OV_OK)
            return err->code;
        ov_stmt_bind_i64(s, 1, key);
        ov_stmt_bind_cstr(s, 2, now);
        return ov_stmt_run(s, err);
    }
    return ov_err_set(err, OV_EINTERNAL, NULL,
                      "%s.anonymised_at is not in the table (a bug)", table);
}

/* Each plan version's JSON with its texts marked. */
static ov_status anonymise_plans(ov_tx *tx, int64_t course, tally *t,
                                 ov_err *err)
{
    ov_arena *a = ov_arena_new(0);
    ov_stmt *s;
    int nv = 0, cap = 8;
    int *ver = OV_NEW_N(a, int, (size_t)cap);
    ov_str *json = OV_NEW_N(a, ov_str, (size_t)cap);
    ov_status st = ov_stmt_prepare(tx->conn, SQL_PLANS, &s, err);
    if (st != OV_OK) {
        ov_arena_destroy(a);
        return st;
    }
    ov_stmt_bind_i64(s, 1, course);
    ov_step r;
    while ((r = ov_stmt_step(s, err)) == OV_STEP_ROW) {
        if (nv == cap) {
            int *v2 = OV_NEW_N(a, int, (size_t)cap * 2);
            ov_str *j2 = OV_NEW_N(a, ov_str, (size_t)cap * 2);
            memcpy(v2, ver, (size_t)cap * sizeof *ver);
            memcpy(j2, json, (size_t)cap * sizeof *json);
            ver = v2;
            json = j2;
            cap *= 2;
        }
        ver[nv] = (int)ov_stmt_col_i64(s, 0);
        json[nv++] = ov_stmt_col_text(s, 1, a);
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR)
        st = err->code;
    for (int i = 0; st == OV_OK && i < nv; i++) {
        ov_plan p;
        if (ov_plan_from_json(json[i], a, &p, err) != OV_OK) {
            ov_err_prefix(err, "plan version %d of course %lld", ver[i],
                          (long long)course);
            st = err->code;
            break;
        }
        int n = ov_plan_anonymise(&p);
        if (n == 0)
            continue;
        if ((st = ov_stmt_prepare(tx->conn, SQL_PLAN_PUT, &s, err)) != OV_OK)
            break;
        ov_stmt_bind_i64(s, 1, course);
        ov_stmt_bind_i64(s, 2, ver[i]);
        ov_stmt_bind_text(s, 3, ov_plan_to_json(&p, a));
        if ((st = ov_stmt_run(s, err)) != OV_OK)
            break;
        tally_add(t, "plan_version", n);
    }
    ov_arena_destroy(a);
    return st;
}

ov_status ov_retention_anonymise(ov_tx *tx, int64_t course, ov_date today,
                                 ov_retention_result *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_arena *a = ov_arena_new(0);
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_COURSE, &s, err) != OV_OK)
        goto fail;
    ov_stmt_bind_i64(s, 1, course);
    ov_step r = ov_stmt_step(s, err);
    int muni = 0;
    bool ended = false, done = false;
    ov_date ended_on = 0;
    ov_status st = OV_OK;
    if (r == OV_STEP_ROW) {
        out->citizen_id = ov_stmt_col_i64(s, 0);
        muni = (int)ov_stmt_col_i64(s, 1);
        ended = !ov_stmt_col_is_null(s, 2);
        if (ended)
            st = ov_date_parse(ov_stmt_col_text(s, 2, a), "ended_on",
                               &ended_on, err);
        done = ov_stmt_col_i64(s, 3) != 0;
    }
    ov_stmt_release(s);
    if (r == OV_STEP_ERROR || st != OV_OK)
        goto fail;
    if (r == OV_STEP_DONE) {
        ov_err_msg(err, OV_ENOTFOUND, "course", retention_course_unknown,
                   course);
        goto fail;
    }
    ov_settings set;
    if (ov_settings_get(tx, muni, &set, err) != OV_OK)
        goto fail;
    char day[OV_DATE_BUF], cut[OV_DATE_BUF] = "";
    ov_date_format_iso(ended_on, day);
    switch (ov_retention_judge(ended, ended_on, done, set.retention_years,
                               today)) {
    case OV_RET_OPEN:
        ov_err_msg(err, OV_ECONFLICT, "course", retention_course_open,
                   course);
        goto fail;
    case OV_RET_DONE:
        out->skipped = true;
        ov_arena_destroy(a);
        return OV_OK;
    case OV_RET_NEVER:
        ov_err_msg(err, OV_ECONFLICT, "course", retention_course_kept,
                   course, day, "no retention set");
        goto fail;
    case OV_RET_KEPT:
        ov_date_format_iso(ov_retention_cutoff(today, set.retention_years),
                           cut);
        ov_err_msg(err, OV_ECONFLICT, "course", retention_course_kept,
                   course, day,
                   ov_arena_printf(a, "%d years: courses that ended before "
                                      "%s",
                                   set.retention_years, cut));
        goto fail;
    case OV_RET_DUE:
        break;
    }
    /* overwrite, do not merely unlink, what is replaced (a connection
     * setting; harmless for later writes on it) */
    if (ov_conn_exec(tx->conn, "PRAGMA secure_delete = ON", err) != OV_OK)
        goto fail;
    char now[OV_TIME_BUF];
    ov_time_format_utc(ov_time_now(), now);
    tally t;
    memset(&t, 0, sizeof t);
    if (run_scope(tx, OV_RS_COURSE, course, &t, err) != OV_OK ||
        anonymise_plans(tx, course, &t, err) != OV_OK ||
        mark_done(tx, "course", course, now, err) != OV_OK)
        goto fail;
    /* the identity goes when no course of the citizen stays */
    if (ov_stmt_prepare(tx->conn, SQL_OTHERS_KEPT, &s, err) != OV_OK)
        goto fail;
    ov_stmt_bind_i64(s, 1, out->citizen_id);
    r = ov_stmt_step(s, err);
    int64_t others = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
    ov_stmt_release(s);
    if (r != OV_STEP_ROW)
        goto fail;
    if (others == 0) {
        if (run_scope(tx, OV_RS_CITIZEN, out->citizen_id, &t, err) !=
                OV_OK ||
            mark_done(tx, "citizen", out->citizen_id, now, err) != OV_OK)
            goto fail;
        out->identity_removed = true;
    }
    out->fields = t.fields;
    /* what and how much, never the data: "forløb 17 anonymiseret (sluttet
     * 2019-03-01; 5 år): 23 felter; meeting 6, ...; identitet fjernet" */
    size_t o = (size_t)snprintf(out->summary, sizeof out->summary,
                                "%d felter", t.fields);
    for (int i = 0; i < t.ntables && o < sizeof out->summary; i++)
        o += (size_t)snprintf(out->summary + o, sizeof out->summary - o,
                              "%s %s %d", i ? "," : ";", t.table[i], t.n[i]);
    char crit[OV_AUDIT_CRITERION_MAX];
    snprintf(crit, sizeof crit,
             "opbevaring: forløb %lld anonymiseret (sluttet %s; %d år); "
             "%s; identitet %s",
             (long long)course, day, set.retention_years, out->summary,
             out->identity_removed ? "fjernet" : "bevaret (andet forløb)");
    if (ov_audit_append(tx, OV_ACT_DELETE, out->citizen_id, crit, err) !=
        OV_OK) {
        ov_arena_destroy(a);
        return err->code;
    }
    ov_arena_destroy(a);
    return OV_OK;
fail:
    ov_arena_destroy(a);
    return ov_tx_fail(tx, err);
}
