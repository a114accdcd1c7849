/*
 * export.c - "Mine data": everything overgang holds about one citizen,
 * as one reading (store/export.h), for the JSON download and the PDF.
 *
 * Why here, as one reader: the law (GDPR art. 15 and 20) asks for all of
 * it, so the list of what is covered must be complete and checkable in
 * one place. Every table of the schema is named below in
 * ov_export_tables, with the section that covers it or the reason it is
 * left out; tests/store/test_export.c walks the schema and fails on a
 * table missing here, or on a table with a course_id, citizen_id,
 * meeting_id or placement_id (citizen data) that is left out.
 *
 * Format: sections of rows of named fields (export.h); each section is
 * one SQL query of the citizen's own rows (?1 the citizen id) whose
 * columns are, in order, the section's fields. Staff appear by their full
 * name (the column "... by" of a row: who wrote it), never by their log-in
 * name; another citizen never appears (every query is joined to the
 * citizen's own courses, placements or meetings). No secret leaves: no
 * password hash, session or calendar token, activation code, CPR hash or
 * sealed CPR box. The CPR number itself is left out too, like on the plan
 * PDF: the citizen knows it, and a file they download and may pass on
 * should not carry it; the date of birth and sex it holds are given.
 *
 * Audit: one "export" row for the citizen (and the read of the citizen
 * record), in the transaction of the download, so the citizen sees in
 * their own access log that they took their data. A failed reading fails
 * the transaction; nothing is answered then.
 */
#include "store/export.h"

#include <string.h>

#include "core/cpr.h"
#include "store/audit.h"
#include "store/citizen.h"
#include "store/store_int.h"

/* The full name of the user who wrote a row, NULL for a program (cli:). */
#define BY(col) "(SELECT full_name FROM app_user WHERE username = " col ")"

/* The citizen's courses, and what hangs on them. */
#define MY_COURSES "(SELECT id FROM course WHERE citizen_id = ?1)"
#define MY_PLACEMENTS                                                      \
    "(SELECT id FROM placement WHERE course_id IN " MY_COURSES ")"
#define MY_MEETINGS "(SELECT id FROM meeting WHERE course_id IN " MY_COURSES ")"

typedef struct section_def {
    const char *name;
    const struct ov_list_query *q;
    const ov_export_field *fields;
    int nfields;
} section_def;

#define T(n) {n, OV_XK_TEXT}
#define I(n) {n, OV_XK_INT}
#define R(n) {n, OV_XK_REAL}
#define B(n) {n, OV_XK_BOOL}
#define SECTION(name, q, f) {name, q, f, (int)(sizeof f / sizeof f[0])}

static const ov_export_field F_ACCOUNT[] = {
    T("username"), T("full_name"), T("phone"), T("email"), B("active"),
    T("created_at")};
static const char SQL_ACCOUNT[] =
    "SELECT username, full_name, phone, email, active, created_at FROM "
    "app_user WHERE citizen_id = ?1 ORDER BY id";

static const ov_export_field F_COURSES[] = {
    I("id"), T("municipality"), T("team"), T("stage"), T("started_on"),
    T("ended_on"), T("end_reason"), T("end_text"), T("created_at")};
static const char SQL_COURSES[] =
    "SELECT c.id, m.name, t.name, c.stage, c.started_on, c.ended_on, "
    "c.end_reason, c.end_text, c.created_at FROM course c JOIN "
    "municipality m ON m.code = c.municipality_code JOIN team t ON t.id = "
    "c.team_id WHERE c.citizen_id = ?1 ORDER BY c.id";

static const ov_export_field F_STAGES[] = {
    I("course_id"), T("stage"), T("on_date"), T("by")};
static const char SQL_STAGES[] =
    "SELECT h.course_id, h.stage, h.on_date, " BY("h.by_user") " FROM "
    "course_stage_history h WHERE h.course_id IN " MY_COURSES
    " ORDER BY h.course_id, h.on_date, h.rowid";

static const ov_export_field F_STAFF[] = {
    I("course_id"), T("role"), T("name"), T("phone"), T("email")};
static const char SQL_STAFF[] =
    "SELECT s.course_id, s.role, u.full_name, u.phone, u.email FROM "
    "course_staff s JOIN app_user u ON u.id = s.user_id WHERE s.course_id "
    "IN " MY_COURSES " ORDER BY s.course_id, s.role";

static const ov_export_field F_PLANS[] = {
    I("course_id"), I("version"), T("created_at"), T("created_by"),
    B("with_citizen"), T("summary"), T("citizen_comment"), T("content")};
static const char SQL_PLANS[] =
    "SELECT p.course_id, p.version, p.created_at, " BY("p.created_by")
    ", p.with_citizen, p.summary, p.citizen_comment, p.content FROM "
    "plan_version p WHERE p.course_id IN " MY_COURSES
    " ORDER BY p.course_id, p.version";

static const ov_export_field F_MEETINGS[] = {
    I("id"),          I("course_id"), T("kind"),      T("held_on"),
    B("complete"),    T("notes"),     T("wishes"),    T("competences"),
    I("plan_version"), T("created_by"), T("created_at")};
static const char SQL_MEETINGS[] =
    "SELECT m.id, m.course_id, m.kind, m.held_on, m.complete, m.notes, "
    "m.wishes, m.competences, m.plan_version, " BY("m.created_by")
    ", m.created_at FROM meeting m WHERE m.course_id IN " MY_COURSES
    " ORDER BY m.held_on, m.id";

static const ov_export_field F_ATTENDEES[] = {I("meeting_id"), T("role")};
static const char SQL_ATTENDEES[] =
    "SELECT meeting_id, role FROM meeting_attendee WHERE meeting_id IN "
    MY_MEETINGS " ORDER BY meeting_id, role";

static const ov_export_field F_ASSESSMENTS[] = {
    I("meeting_id"), T("domain"), T("own_words"), T("resources"),
    T("challenges"), I("rating")};
static const char SQL_ASSESSMENTS[] =
    "SELECT meeting_id, domain, own_words, resources, challenges, rating "
    "FROM assessment_item WHERE meeting_id IN " MY_MEETINGS
    " ORDER BY meeting_id, domain";

static const ov_export_field F_MEASUREMENTS[] = {
    I("course_id"), T("instrument"), T("taken_on"), T("items"), I("score"),
    T("rater"),     T("entered_by"), T("entered_by_name"), T("created_at")};
static const char SQL_MEASUREMENTS[] =
    "SELECT m.course_id, m.instrument, m.taken_on, m.items, m.score, "
    "m.rater, m.entered_by, " BY("m.entered_user") ", m.created_at FROM "
    "measurement m WHERE m.course_id IN " MY_COURSES
    " ORDER BY m.taken_on, m.id";

static const ov_export_field F_PROPOSALS[] = {
    I("id"),          I("course_id"),   T("company"),     T("occupation"),
    T("tasks"),       I("hours_min"),   I("hours_max"),   R("score"),
    T("proposed_by"), T("proposed_on"), B("agreed"),      T("answered_on"),
    T("answered_by"), T("comment")};
static const char SQL_PROPOSALS[] =
    "SELECT mp.id, mp.course_id, c.name, o.occupation, o.tasks, "
    "o.hours_min, o.hours_max, mp.score, " BY("mp.proposed_by")
    ", mp.proposed_on, mp.citizen_agreed, mp.answered_on, mp.answered_by, "
    "mp.citizen_comment FROM match_proposal mp JOIN opening o ON o.id = "
    "mp.opening_id JOIN company c ON c.id = o.company_id WHERE "
    "mp.course_id IN " MY_COURSES " ORDER BY mp.id";

static const ov_export_field F_PLACEMENTS[] = {
    I("id"),       I("course_id"), T("type"), T("company"), T("start_on"),
    T("end_on"), I("weekly_hours_x10"), T("created_at")};
static const char SQL_PLACEMENTS[] =
    "SELECT p.id, p.course_id, p.type, c.name, p.start_on, p.end_on, "
    "p.weekly_hours_x10, p.created_at FROM placement p JOIN company c ON "
    "c.id = p.company_id WHERE p.course_id IN " MY_COURSES " ORDER BY p.id";

static const ov_export_field F_AGREEMENTS[] = {
    I("placement_id"), I("version"), I("internship_hours_x10"),
    I("ordinary_hours_x10"), T("tasks"), T("accommodations"),
    T("review_on"), T("created_by"), T("created_at")};
static const char SQL_AGREEMENTS[] =
    "SELECT a.placement_id, a.version, a.internship_hours_x10, "
    "a.ordinary_hours_x10, a.tasks, a.accommodations, a.review_on, "
    BY("a.created_by") ", a.created_at FROM agreement_version a WHERE "
    "a.placement_id IN " MY_PLACEMENTS " ORDER BY a.placement_id, a.version";

static const ov_export_field F_GOALS[] = {
    I("placement_id"), I("version"), I("index"), T("text"), B("reached")};
static const char SQL_GOALS[] =
    "SELECT placement_id, version, idx, text, reached FROM agreement_goal "
    "WHERE placement_id IN " MY_PLACEMENTS
    " ORDER BY placement_id, version, idx";

static const ov_export_field F_SIGNOFFS[] = {
    I("placement_id"), I("version"),     T("party"),
    T("signer_name"),  T("way"),         T("paper_date"),
    T("recorded_by"),  T("signed_at")};
/* who signed by the name kept with the signature (or, for rows from
 * before it was kept, the user's); on paper, who recorded it */
static const char SQL_SIGNOFFS[] =
    "SELECT s.placement_id, s.version, s.signer, coalesce(s.signer_name, "
    BY("s.signed_by") "), s.way, s.paper_date, CASE WHEN s.way = 'paper' "
    "THEN coalesce(s.recorded_by_name, " BY("s.signed_by") ") END, "
    "s.signed_at FROM agreement_signoff s WHERE s.placement_id IN "
    MY_PLACEMENTS " ORDER BY s.placement_id, s.version, s.signer";

static const ov_export_field F_HOURS[] = {
    I("placement_id"),           I("iso_year"),     I("iso_week"),
    I("internship_x10"),         I("ordinary_x10"),
    I("employer_internship_x10"), I("employer_ordinary_x10"),
    T("employer_at")};
static const char SQL_HOURS[] =
    "SELECT placement_id, iso_year, iso_week, internship_x10, ordinary_x10, "
    "employer_internship_x10, employer_ordinary_x10, employer_at "
    "FROM hours_week WHERE placement_id IN " MY_PLACEMENTS
    " ORDER BY placement_id, iso_year, iso_week";

static const ov_export_field F_EMPLOYMENT[] = {
    I("course_id"), T("from_on"), I("ordinary_hours_x10")};
static const char SQL_EMPLOYMENT[] =
    "SELECT course_id, from_on, ordinary_hours_x10 FROM employment WHERE "
    "course_id IN " MY_COURSES " ORDER BY from_on, id";

static const ov_export_field F_CTI[] = {
    I("course_id"), T("legal_basis"), I("months"), T("start_on")};
static const char SQL_CTI[] =
    "SELECT course_id, legal_basis, months, start_on FROM cti_course WHERE "
    "course_id IN " MY_COURSES " ORDER BY course_id";

static const ov_export_field F_FOCUS[] = {
    I("course_id"), I("phase"), I("index"), T("area")};
static const char SQL_FOCUS[] =
    "SELECT course_id, phase, idx, area FROM cti_focus WHERE course_id IN "
    MY_COURSES " ORDER BY course_id, phase, idx";

static const ov_export_field F_CONTACTS[] = {
    I("course_id"), T("on_date"), T("form"), I("minutes"), T("focus"),
    T("note"), T("created_by")};
static const char SQL_CONTACTS[] =
    "SELECT k.course_id, k.on_date, k.form, k.minutes, k.focus, k.note, "
    BY("k.created_by") " FROM cti_contact k WHERE k.course_id IN "
    MY_COURSES " ORDER BY k.on_date, k.id";

static const ov_export_field F_NETWORK[] = {
    I("course_id"), T("name"), T("relation")};
static const char SQL_NETWORK[] =
    "SELECT course_id, name, relation FROM network_person WHERE course_id "
    "IN " MY_COURSES " ORDER BY id";

static const ov_export_field F_PLAN_COMMENTS[] = {
    I("course_id"), I("version"), B("agrees"), T("text"), T("created_at")};
static const char SQL_PLAN_COMMENTS[] =
    "SELECT course_id, version, agrees, text, created_at FROM plan_comment "
    "WHERE course_id IN " MY_COURSES " ORDER BY course_id, id";

static const ov_export_field F_PLAN_SEEN[] = {I("course_id"), I("version")};
static const char SQL_PLAN_SEEN[] =
    "SELECT course_id, version FROM plan_seen WHERE user_id IN (SELECT id "
    "FROM app_user WHERE citizen_id = ?1) ORDER BY course_id";

static const ov_export_field F_NOTES[] = {
    I("id"), I("course_id"), T("on_date"), T("subject"), T("text"),
    I("corrects"), T("created_by"), T("created_at")};
static const char SQL_NOTES[] =
    "SELECT n.id, n.course_id, n.on_date, n.subject, n.text, n.corrects, "
    BY("n.created_by") ", n.created_at FROM journal_note n WHERE "
    "n.course_id IN " MY_COURSES " ORDER BY n.on_date, n.id";

static const ov_export_field F_SCREENING[] = {
    T("reference_date"), B("activity_ready"), I("months_unemployed"),
    B("company_activity"), B("in_prison"), B("health_exemption"),
    B("declined"), B("in_target_group"), B("eligible"),
    T("exclusion_reason"), T("exclusion_text"), T("imported_at")};
static const char SQL_SCREENING[] =
    "SELECT b.reference_date, k.activity_ready, k.months_unemployed, "
    "k.company_activity, k.in_prison, k.health_exemption, k.declined, "
    "k.in_target_group, k.eligible, k.exclusion_reason, k.exclusion_text, "
    "b.imported_at FROM candidate k JOIN screening_batch b ON b.id = "
    "k.batch_id WHERE k.citizen_id = ?1 ORDER BY b.reference_date, k.id";

static const ov_export_field F_DRAWS[] = {
    T("reference_date"), T("drawn_at"), T("drawn_by"), I("position")};
static const char SQL_DRAWS[] =
    "SELECT b.reference_date, d.drawn_at, " BY("d.drawn_by")
    ", m.position FROM draw_member m JOIN draw d ON d.id = m.draw_id JOIN "
    "candidate k ON k.id = m.candidate_id JOIN screening_batch b ON b.id = "
    "k.batch_id WHERE k.citizen_id = ?1 ORDER BY d.drawn_at";

/* Newest first: the list says how many there are when it is cut. */
static const ov_export_field F_ACCESS[] = {
    T("at"), T("name"), T("role"), T("action"), T("purpose"),
    T("criterion")};
static const char SQL_ACCESS[] =
    "SELECT l.at, " BY("l.actor") ", l.role, l.action, l.purpose, "
    "l.criterion FROM audit_log l WHERE l.citizen_id = ?1 ORDER BY l.id "
    "DESC";
static const char SQL_ACCESS_COUNT[] =
    "SELECT count(*) FROM audit_log WHERE citizen_id = ?1";

static void bind_citizen(ov_stmt *s, const void *arg);
static ov_status read_row(ov_stmt *s, ov_arena *a, void *row, ov_err *err);

static const ov_list_query Q_ACCOUNT = {
    .sql = SQL_ACCOUNT,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_COURSES = {
    .sql = SQL_COURSES,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_STAGES = {
    .sql = SQL_STAGES,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_STAFF = {
    .sql = SQL_STAFF,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_PLANS = {
    .sql = SQL_PLANS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_MEETINGS = {
    .sql = SQL_MEETINGS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_ATTENDEES = {
    .sql = SQL_ATTENDEES,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_ASSESSMENTS = {
    .sql = SQL_ASSESSMENTS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_MEASUREMENTS = {
    .sql = SQL_MEASUREMENTS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_PROPOSALS = {
    .sql = SQL_PROPOSALS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_PLACEMENTS = {
    .sql = SQL_PLACEMENTS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_AGREEMENTS = {
    .sql = SQL_AGREEMENTS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_GOALS = {
    .sql = SQL_GOALS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_SIGNOFFS = {
    .sql = SQL_SIGNOFFS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_HOURS = {
    .sql = SQL_HOURS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_EMPLOYMENT = {
    .sql = SQL_EMPLOYMENT,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_CTI = {
    .sql = SQL_CTI,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_FOCUS = {
    .sql = SQL_FOCUS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_CONTACTS = {
    .sql = SQL_CONTACTS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_NETWORK = {
    .sql = SQL_NETWORK,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_PLAN_COMMENTS = {
    .sql = SQL_PLAN_COMMENTS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_PLAN_SEEN = {
    .sql = SQL_PLAN_SEEN,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_NOTES = {
    .sql = SQL_NOTES,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_SCREENING = {
    .sql = SQL_SCREENING,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_DRAWS = {
    .sql = SQL_DRAWS,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};
static const ov_list_query Q_ACCESS = {
    .sql = SQL_ACCESS, .count_sql = SQL_ACCESS_COUNT,
    .row_size = sizeof(ov_export_value *), .bind = bind_citizen,
    .read = read_row};

static const section_def sections[] = {
    SECTION("account", &Q_ACCOUNT, F_ACCOUNT),
    SECTION("courses", &Q_COURSES, F_COURSES),
    SECTION("stage_history", &Q_STAGES, F_STAGES),
    SECTION("staff", &Q_STAFF, F_STAFF),
    SECTION("plan_versions", &Q_PLANS, F_PLANS),
    SECTION("plan_comments", &Q_PLAN_COMMENTS, F_PLAN_COMMENTS),
    SECTION("plan_seen", &Q_PLAN_SEEN, F_PLAN_SEEN),
    SECTION("meetings", &Q_MEETINGS, F_MEETINGS),
    SECTION("meeting_attendees", &Q_ATTENDEES, F_ATTENDEES),
    SECTION("assessments", &Q_ASSESSMENTS, F_ASSESSMENTS),
    SECTION("measurements", &Q_MEASUREMENTS, F_MEASUREMENTS),
    SECTION("proposals", &Q_PROPOSALS, F_PROPOSALS),
    SECTION("placements", &Q_PLACEMENTS, F_PLACEMENTS),
    SECTION("agreement_versions", &Q_AGREEMENTS, F_AGREEMENTS),
    SECTION("agreement_goals", &Q_GOALS, F_GOALS),
    SECTION("signoffs", &Q_SIGNOFFS, F_SIGNOFFS),
    SECTION("hours", &Q_HOURS, F_HOURS),
    SECTION("employment", &Q_EMPLOYMENT, F_EMPLOYMENT),
    SECTION("cti_courses", &Q_CTI, F_CTI),
    SECTION("cti_focus_areas", &Q_FOCUS, F_FOCUS),
    SECTION("cti_contacts", &Q_CONTACTS, F_CONTACTS),
    SECTION("network", &Q_NETWORK, F_NETWORK),
    SECTION("journal_notes", &Q_NOTES, F_NOTES),
    SECTION("screening", &Q_SCREENING, F_SCREENING),
    SECTION("draws", &Q_DRAWS, F_DRAWS),
    SECTION("access_log", &Q_ACCESS, F_ACCESS),
};
#define NSECTIONS ((int)(sizeof sections / sizeof sections[0]))

const ov_export_table ov_export_tables[] = {
    {"citizen", "person", "name, date of birth and sex; not the CPR number"},
    {"app_user", "account",
     "the citizen's own log-in (no password hash); staff appear by name in "
     "the rows they wrote and in \"staff\""},
    {"course", "courses", NULL},
    {"course_stage_history", "stage_history", NULL},
    {"course_staff", "staff", NULL},
    {"municipality", "courses", "its name, on each course"},
    {"team", "courses", "its name, on each course"},
    {"plan_version", "plan_versions", NULL},
    {"plan_comment", "plan_comments", NULL},
    {"plan_seen", "plan_seen", NULL},
    {"meeting", "meetings", NULL},
    {"meeting_attendee", "meeting_attendees", NULL},
    {"assessment_item", "assessments", NULL},
    {"measurement", "measurements", NULL},
    {"match_proposal", "proposals", NULL},
    {"opening", "proposals", "the opening proposed, on each proposal"},
    {"company", "placements", "its name, on placements and proposals"},
    {"placement", "placements", NULL},
    {"agreement_version", "agreement_versions", NULL},
    {"agreement_goal", "agreement_goals", NULL},
    {"agreement_signoff", "signoffs", NULL},
    {"hours_week", "hours", NULL},
    {"employment", "employment", NULL},
    {"cti_course", "cti_courses", NULL},
    {"cti_focus", "cti_focus_areas", NULL},
    {"cti_contact", "cti_contacts", NULL},
    {"network_person", "network", NULL},
    {"journal_note", "journal_notes", NULL},
    {"candidate", "screening", NULL},
    {"screening_batch", "screening", "its reference date, on each row"},
    {"draw", "draws", NULL},
    {"draw_member", "draws", "the citizen's own place in a draw"},
    {"audit_log", "access_log", NULL},
    {"draw_pool", NULL,
     "the pool of a draw lists the other citizens drawn among; the "
     "citizen's own draw is in \"draws\""},
    {"team_member", NULL, "the municipality's staff organisation"},
    {"session", NULL, "log-in tokens: secrets, kept as hashes"},
    {"activation_code", NULL, "one-time codes: secrets, kept as hashes"},
    {"calendar_token", NULL, "staff calendar addresses: secrets"},
    {"audit_checkpoint", NULL,
     "hash anchors of the audit log's retention; no person"},
    {"municipality_settings", NULL, "the municipality's configuration"},
    {"settings_change", NULL, "the history of the configuration"},
    {"econ_scenario", NULL,
     "the leaders' saved business-case scenarios: figures, no person"},
    {"monitor_signer", NULL, "national monitoring: signing keys"},
    {"monitor_file", NULL,
     "national monitoring: imported extracts, pseudonymised, not linked to "
     "a citizen here"},
    {"monitor_record", NULL,
     "national monitoring: pseudonymised records, not linked to a citizen "
     "here"},
    {"schema_migrations", NULL, "the database's own bookkeeping"},
    {"store_meta", NULL, "the store's keys and settings: secrets"},
    {NULL, NULL, NULL},
};

typedef struct read_arg {
    int64_t citizen_id;
    const section_def *def;
} read_arg;

static void bind_citizen(ov_stmt *s, const void *arg)
{
    ov_stmt_bind_i64(s, 1, ((const read_arg *)arg)->citizen_id);
}

/* A row is an array of values, one per field; the list reader's row is a
 * pointer to it. */
static _Thread_local const section_def *reading; /* see read_section */

static ov_status read_row(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    (void)err;
    const section_def *d = reading;
    ov_export_value *v = OV_NEW_N(a, ov_export_value, (size_t)d->nfields);
    for (int f = 0; f < d->nfields; f++) {
        v[f].null = ov_stmt_col_is_null(s, f);
        if (v[f].null)
            continue;
        switch (d->fields[f].kind) {
        case OV_XK_TEXT: v[f].text = ov_stmt_col_text(s, f, a); break;
        case OV_XK_INT:
        case OV_XK_BOOL: v[f].i = ov_stmt_col_i64(s, f); break;
        case OV_XK_REAL: v[f].r = ov_stmt_col_double(s, f); break;
        }
    }
    *(ov_export_value **)row = v;
    return OV_OK;
}

static ov_status read_section(ov_tx *tx, const section_def *d,
                              int64_t citizen_id, ov_arena *a,
                              ov_export_section *out, ov_err *err)
{
    read_arg arg = {citizen_id, d};
    /* the row reader has no argument of its own: the section it reads is
     * this thread's one reading in progress */
    reading = d;
    void *rows;
    out->name = d->name;
    out->fields = d->fields;
    out->nfields = d->nfields;
    ov_status st = ov_list_read(tx, d->q, &arg, OV_EXPORT_ROWS_MAX, a, &rows,
                                &out->li, err);
    reading = NULL;
    out->rows = st == OV_OK ? rows : NULL;
    return st;
}

ov_status ov_export_citizen(ov_tx *tx, int64_t citizen_id, ov_arena *a,
                            ov_export *out, ov_err *err)
{
    memset(out, 0, sizeof *out);
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_citizen c;
    if (ov_citizen_get(tx, citizen_id, a, &c, err) != OV_OK)
        return ov_tx_fail(tx, err);
    out->full_name = c.full_name;
    out->birth_date = c.cpr.birth;
    out->sex = c.cpr.sex == OV_SEX_FEMALE ? "F" : "M";
    /* the access log first holds the download itself: the citizen sees
     * in it that they took their data */
    if (ov_audit_append(tx, OV_ACT_EXPORT, citizen_id, "mine data", err) !=
        OV_OK)
        return err->code;
    out->sections = OV_NEW_N(a, ov_export_section, NSECTIONS);
    for (int i = 0; i < NSECTIONS; i++)
        if (read_section(tx, &sections[i], citizen_id, a, &out->sections[i],
                         err) != OV_OK)
            return err->code;
    out->nsections = NSECTIONS;
    return OV_OK;
}

static const char SQL_OWN_COURSE[] =
    "SELECT id FROM course WHERE citizen_id = ?1 ORDER BY ended_on IS NOT "
    "NULL, id DESC LIMIT 1";

ov_status ov_own_course(ov_tx *tx, int64_t citizen_id, int64_t *course_id,
                        ov_err *err)
{
    *course_id = 0;
    if (ov_tx_check(tx, false, err) != OV_OK)
        return err->code;
    ov_stmt *s;
    if (ov_stmt_prepare(tx->conn, SQL_OWN_COURSE, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, citizen_id);
    ov_step r = ov_stmt_step(s, err);
    if (r == OV_STEP_ROW)
        *course_id = ov_stmt_col_i64(s, 0);
    return ov_read_finish(tx, s, r, err);
}

const ov_export_value *ov_export_get(const ov_export_section *s, int row,
                                     const char *field)
{
    if (row < 0 || row >= s->li.n)
        return NULL;
    for (int f = 0; f < s->nfields; f++)
        if (strcmp(s->fields[f].name, field) == 0)
            return &s->rows[row][f];
    return NULL;
}
