/*
 * migrations.c - the schema, as numbered migrations embedded in the binary.
 *
 * Rules: never edit a migration that has shipped; add a new one. Each
 * migration runs in its own transaction together with the row that records
 * it, so a database is always at exactly one version. PRAGMA user_version
 * mirrors the version for tools that look there.
 */
#include <stddef.h>
#include <string.h>

#include "core/date.h"
#include "store/store_int.h"

typedef struct migration {
    int version;
    const char *name;
    const char *sql;
} migration;

static const migration migrations[] = {
    {1, "foundation: citizens with encrypted CPR, hash-chained audit log",
     "CREATE TABLE store_meta (\n"
     "  key TEXT PRIMARY KEY,\n"
     "  value BLOB NOT NULL\n"
     ");\n"
     /* A citizen is keyed by an internal id, never by CPR (it can change).
      * The CPR number is a secretbox under the key file; cpr_hash is a keyed
      * hash (HMAC-SHA-256) of the 10 digits, for look-up. Birth date and sex
      * are derived from the CPR number at write time so that eligibility
      * and statistics need no decryption. */
     "CREATE TABLE citizen (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  full_name TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),\n"
     "  cpr_hash BLOB NOT NULL UNIQUE CHECK (length(cpr_hash) = 32),\n"
     "  cpr_nonce BLOB NOT NULL CHECK (length(cpr_nonce) = 24),\n"
     "  cpr_box BLOB NOT NULL CHECK (length(cpr_box) = 26),\n"
     "  birth_date TEXT NOT NULL CHECK (length(birth_date) = 10),\n"
     "  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),\n"
     "  created_at TEXT NOT NULL,\n"
     "  updated_at TEXT NOT NULL\n"
     ");\n"
     /* The audit log: append-only, hash-chained. citizen_id has no foreign
      * key on purpose: the log outlives deleted citizens. */
     "CREATE TABLE audit_log (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  at TEXT NOT NULL,\n"
     "  actor TEXT NOT NULL,\n"
     "  role TEXT NOT NULL,\n"
     "  action TEXT NOT NULL CHECK (action IN\n"
     "    ('create','read','update','delete','export','prune')),\n"
     "  citizen_id INTEGER,\n"
     "  criterion TEXT,\n"
     "  purpose TEXT NOT NULL,\n"
     "  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),\n"
     "  hash BLOB NOT NULL CHECK (length(hash) = 32)\n"
     ");\n"
     "CREATE INDEX audit_log_citizen ON audit_log (citizen_id, id);\n"
     "CREATE INDEX audit_log_at ON audit_log (at);\n"
     "CREATE INDEX audit_log_actor ON audit_log (actor, id);\n"
     /* Pruning removes the oldest rows and records where the chain now
      * starts: first_id is the first kept row, anchor_hash the hash of the
      * last removed row (the kept row's prev_hash). */
     "CREATE TABLE audit_checkpoint (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  first_id INTEGER NOT NULL,\n"
     "  anchor_hash BLOB NOT NULL CHECK (length(anchor_hash) = 32),\n"
     "  pruned_rows INTEGER NOT NULL,\n"
     "  cutoff TEXT NOT NULL,\n"
     "  made_at TEXT NOT NULL\n"
     ");\n"
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
     "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
     "WHEN OLD.id >= (SELECT coalesce(max(first_id), 0) FROM audit_checkpoint)\n"
     "BEGIN SELECT RAISE(ABORT,\n"
     "  'audit rows are removed only by pruning (overgang audit prune)');\n"
     "END;\n"
     "CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint\n"
     "BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;\n"
     "CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint\n"
     "BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;\n"},
    {2, "organisation: municipalities, teams, users, companies, courses",
     "CREATE TABLE municipality (\n"
     "  code INTEGER PRIMARY KEY CHECK (code BETWEEN 101 AND 860),\n"
     "  name TEXT NOT NULL UNIQUE\n"
     ");\n"
     "CREATE TABLE team (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  municipality_code INTEGER NOT NULL REFERENCES municipality (code),\n"
     "  name TEXT NOT NULL,\n"
     "  UNIQUE (municipality_code, name)\n"
     ");\n"
     "CREATE TABLE company (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  cvr TEXT NOT NULL UNIQUE CHECK (length(cvr) = 8),\n"
     "  name TEXT NOT NULL,\n"
     "  municipality_code INTEGER NOT NULL REFERENCES municipality (code),\n"
     "  postcode INTEGER CHECK (postcode BETWEEN 1000 AND 9999),\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     /* Everyone who logs in: staff, leaders, administrators, the national
      * analyst, citizens (citizen_id) and employer contacts (company_id).
      * password_hash arrives with the web application. */
     "CREATE TABLE app_user (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  username TEXT NOT NULL UNIQUE,\n"
     "  full_name TEXT NOT NULL,\n"
     "  role TEXT NOT NULL CHECK (role IN ('employment_caseworker',\n"
     "    'social_caseworker', 'cti_worker', 'company_consultant', 'leader',\n"
     "    'administrator', 'national_analyst', 'citizen', 'employer')),\n"
     "  municipality_code INTEGER REFERENCES municipality (code),\n"
     "  citizen_id INTEGER REFERENCES citizen (id),\n"
     "  company_id INTEGER REFERENCES company (id),\n"
     "  password_hash TEXT,\n"
     "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
     "  created_at TEXT NOT NULL,\n"
     "  CHECK ((role = 'national_analyst') = (municipality_code IS NULL)),\n"
     "  CHECK ((role = 'citizen') = (citizen_id IS NOT NULL)),\n"
     "  CHECK ((role = 'employer') = (company_id IS NOT NULL))\n"
     ");\n"
     "CREATE TABLE team_member (\n"
     "  team_id INTEGER NOT NULL REFERENCES team (id),\n"
     "  user_id INTEGER NOT NULL REFERENCES app_user (id),\n"
     "  PRIMARY KEY (team_id, user_id)\n"
     ");\n"
     "CREATE INDEX team_member_user ON team_member (user_id);\n"
     /* The course (forløb): one citizen, one team, one municipality. */
     "CREATE TABLE course (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  citizen_id INTEGER NOT NULL REFERENCES citizen (id),\n"
     "  municipality_code INTEGER NOT NULL REFERENCES municipality (code),\n"
     "  team_id INTEGER NOT NULL REFERENCES team (id),\n"
     "  stage TEXT NOT NULL CHECK (stage IN ('screened', 'drawn', 'start',\n"
     "    'plan', 'match', 'placement', 'in_job', 'ended')),\n"
     "  started_on TEXT NOT NULL,\n"
     "  ended_on TEXT,\n"
     "  end_reason TEXT,\n"
     "  end_text TEXT,\n"
     "  created_at TEXT NOT NULL,\n"
     "  updated_at TEXT NOT NULL,\n"
     "  CHECK ((stage = 'ended') = (ended_on IS NOT NULL)),\n"
     "  CHECK ((ended_on IS NULL) = (end_reason IS NULL))\n"
     ");\n"
     "CREATE INDEX course_citizen ON course (citizen_id);\n"
     "CREATE INDEX course_team ON course (team_id, stage);\n"
     "CREATE INDEX course_municipality ON course (municipality_code, stage);\n"
     /* At most one open course per citizen. */
     "CREATE UNIQUE INDEX course_one_open ON course (citizen_id)\n"
     "  WHERE ended_on IS NULL;\n"
     "CREATE TABLE course_stage_history (\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  stage TEXT NOT NULL,\n"
     "  on_date TEXT NOT NULL,\n"
     "  by_user TEXT NOT NULL,\n"
     "  PRIMARY KEY (course_id, stage)\n"
     ");\n"
     /* The named staff on the course, one per frontline role. */
     "CREATE TABLE course_staff (\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  role TEXT NOT NULL CHECK (role IN ('employment_caseworker',\n"
     "    'social_caseworker', 'cti_worker', 'company_consultant')),\n"
     "  user_id INTEGER NOT NULL REFERENCES app_user (id),\n"
     "  PRIMARY KEY (course_id, role)\n"
     ");\n"
     "CREATE INDEX course_staff_user ON course_staff (user_id);\n"},
    {3, "meetings, placements, work agreements, hours log",
     /* Start meetings and follow-ups; who attended is one row per role
      * (user_id when a named user attended). */
     "CREATE TABLE meeting (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  kind TEXT NOT NULL CHECK (kind IN ('start', 'followup')),\n"
     "  held_on TEXT NOT NULL,\n"
     "  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),\n"
     "  notes TEXT,\n"
     "  wishes TEXT,\n"
     "  competences TEXT,\n"
     "  plan_version INTEGER,\n"
     "  created_by TEXT NOT NULL,\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX meeting_course ON meeting (course_id, kind, held_on);\n"
     "CREATE TABLE meeting_attendee (\n"
     "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),\n"
     "  role TEXT NOT NULL,\n"
     "  PRIMARY KEY (meeting_id, role)\n"
     ");\n"
     "CREATE TABLE assessment_item (\n"
     "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),\n"
     "  domain TEXT NOT NULL,\n"
     "  own_words TEXT NOT NULL,\n"
     "  resources TEXT NOT NULL,\n"
     "  challenges TEXT NOT NULL,\n"
     "  rating INTEGER CHECK (rating BETWEEN 0 AND 4),\n"
     "  PRIMARY KEY (meeting_id, domain)\n"
     ");\n"
     "CREATE TABLE placement (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  type TEXT NOT NULL CHECK (type IN ('internship', 'wage_subsidy',\n"
     "    'flex_job', 'ordinary_job')),\n"
     "  company_id INTEGER NOT NULL REFERENCES company (id),\n"
     "  start_on TEXT NOT NULL,\n"
     "  end_on TEXT,\n"
     "  weekly_hours_x10 INTEGER NOT NULL\n"
     "    CHECK (weekly_hours_x10 BETWEEN 0 AND 600),\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX placement_course ON placement (course_id);\n"
     "CREATE INDEX placement_company ON placement (company_id);\n"
     /* Work agreement versions are immutable; a change is a new version. */
     "CREATE TABLE agreement_version (\n"
     "  placement_id INTEGER NOT NULL REFERENCES placement (id),\n"
     "  version INTEGER NOT NULL CHECK (version >= 1),\n"
     "  internship_hours_x10 INTEGER NOT NULL,\n"
     "  ordinary_hours_x10 INTEGER NOT NULL,\n"
     "  tasks TEXT NOT NULL,\n"
     "  accommodations TEXT NOT NULL,\n"
     "  review_on TEXT NOT NULL,\n"
     "  created_by TEXT NOT NULL,\n"
     "  created_at TEXT NOT NULL,\n"
     "  PRIMARY KEY (placement_id, version)\n"
     ");\n"
     "CREATE TABLE agreement_goal (\n"
     "  placement_id INTEGER NOT NULL,\n"
     "  version INTEGER NOT NULL,\n"
     "  idx INTEGER NOT NULL,\n"
     "  text TEXT NOT NULL,\n"
     "  reached INTEGER NOT NULL CHECK (reached IN (0, 1)),\n"
     "  PRIMARY KEY (placement_id, version, idx),\n"
     "  FOREIGN KEY (placement_id, version)\n"
     "    REFERENCES agreement_version (placement_id, version)\n"
     ");\n"
     "CREATE TABLE agreement_signoff (\n"
     "  placement_id INTEGER NOT NULL,\n"
     "  version INTEGER NOT NULL,\n"
     "  signer TEXT NOT NULL CHECK (signer IN ('citizen', 'consultant',\n"
     "    'employer')),\n"
     "  signed_by TEXT NOT NULL,\n"
     "  signed_at TEXT NOT NULL,\n"
     "  PRIMARY KEY (placement_id, version, signer),\n"
     "  FOREIGN KEY (placement_id, version)\n"
     "    REFERENCES agreement_version (placement_id, version)\n"
     ");\n"
     "CREATE TABLE hours_week (\n"
     "  placement_id INTEGER NOT NULL REFERENCES placement (id),\n"
     "  iso_year INTEGER NOT NULL,\n"
     "  iso_week INTEGER NOT NULL CHECK (iso_week BETWEEN 1 AND 53),\n"
     "  internship_x10 INTEGER NOT NULL,\n"
     "  ordinary_x10 INTEGER NOT NULL,\n"
     "  PRIMARY KEY (placement_id, iso_year, iso_week)\n"
     ");\n"},
    {4, "screening and draws, plans, CTI, measurements, openings, matches",
     /* A candidate list imported for screening; the rules in force are
      * recorded with it so the screening can be explained later. */
     "CREATE TABLE screening_batch (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  municipality_code INTEGER NOT NULL REFERENCES municipality (code),\n"
     "  reference_date TEXT NOT NULL,\n"
     "  min_age INTEGER NOT NULL,\n"
     "  min_months_unemployed INTEGER NOT NULL,\n"
     "  source_name TEXT NOT NULL,\n"
     "  imported_by TEXT NOT NULL,\n"
     "  imported_at TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE candidate (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  batch_id INTEGER NOT NULL REFERENCES screening_batch (id),\n"
     "  line INTEGER NOT NULL,\n"
     "  citizen_id INTEGER NOT NULL REFERENCES citizen (id),\n"
     "  activity_ready INTEGER NOT NULL,\n"
     "  months_unemployed INTEGER NOT NULL,\n"
     "  company_activity INTEGER NOT NULL,\n"
     "  in_prison INTEGER NOT NULL,\n"
     "  health_exemption INTEGER NOT NULL,\n"
     "  declined INTEGER NOT NULL,\n"
     "  in_target_group INTEGER NOT NULL,\n"
     "  eligible INTEGER NOT NULL,\n"
     "  exclusion_reason TEXT,\n"
     "  exclusion_text TEXT,\n"
     "  UNIQUE (batch_id, citizen_id)\n"
     ");\n"
     "CREATE INDEX candidate_citizen ON candidate (citizen_id);\n"
     /* A draw: its pool (the eligible candidates when it was made), seed
      * and result are stored so anyone can re-run it. */
     "CREATE TABLE draw (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  batch_id INTEGER NOT NULL REFERENCES screening_batch (id),\n"
     "  seed TEXT NOT NULL,\n"
     "  count INTEGER NOT NULL,\n"
     "  drawn_by TEXT NOT NULL,\n"
     "  drawn_at TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE draw_pool (\n"
     "  draw_id INTEGER NOT NULL REFERENCES draw (id),\n"
     "  candidate_id INTEGER NOT NULL REFERENCES candidate (id),\n"
     "  PRIMARY KEY (draw_id, candidate_id)\n"
     ");\n"
     "CREATE TABLE draw_member (\n"
     "  draw_id INTEGER NOT NULL REFERENCES draw (id),\n"
     "  position INTEGER NOT NULL,\n"
     "  candidate_id INTEGER NOT NULL REFERENCES candidate (id),\n"
     "  PRIMARY KEY (draw_id, position)\n"
     ");\n"
     /* Plan versions are immutable; content is the model's canonical
      * JSON. */
     "CREATE TABLE plan_version (\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  version INTEGER NOT NULL CHECK (version >= 1),\n"
     "  content TEXT NOT NULL,\n"
     "  has_job_goal INTEGER NOT NULL,\n"
     "  with_citizen INTEGER NOT NULL CHECK (with_citizen IN (0, 1)),\n"
     "  citizen_comment TEXT,\n"
     "  summary TEXT NOT NULL,\n"
     "  created_by TEXT NOT NULL,\n"
     "  created_at TEXT NOT NULL,\n"
     "  PRIMARY KEY (course_id, version)\n"
     ");\n"
     "CREATE TABLE cti_course (\n"
     "  course_id INTEGER PRIMARY KEY REFERENCES course (id),\n"
     "  legal_basis TEXT NOT NULL,\n"
     "  months INTEGER NOT NULL,\n"
     "  start_on TEXT NOT NULL,\n"
     "  interval1 INTEGER NOT NULL,\n"
     "  interval2 INTEGER NOT NULL,\n"
     "  interval3 INTEGER NOT NULL\n"
     ");\n"
     "CREATE TABLE cti_contact (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES cti_course (course_id),\n"
     "  on_date TEXT NOT NULL,\n"
     "  form TEXT NOT NULL,\n"
     "  minutes INTEGER NOT NULL,\n"
     "  focus TEXT NOT NULL,\n"
     "  created_by TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX cti_contact_course ON cti_contact (course_id, on_date);\n"
     "CREATE TABLE cti_focus (\n"
     "  course_id INTEGER NOT NULL REFERENCES cti_course (course_id),\n"
     "  phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 3),\n"
     "  idx INTEGER NOT NULL,\n"
     "  area TEXT NOT NULL,\n"
     "  PRIMARY KEY (course_id, phase, idx)\n"
     ");\n"
     "CREATE TABLE network_person (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  name TEXT NOT NULL,\n"
     "  relation TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE measurement (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  instrument TEXT NOT NULL CHECK (instrument IN ('who5', 'gse',\n"
     "    'readiness')),\n"
     "  taken_on TEXT NOT NULL,\n"
     "  items TEXT NOT NULL,\n"
     "  score INTEGER NOT NULL,\n"
     "  rater TEXT CHECK (rater IN ('citizen', 'cti_worker')),\n"
     "  entered_by TEXT NOT NULL CHECK (entered_by IN ('citizen', 'staff')),\n"
     "  entered_user TEXT NOT NULL,\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX measurement_course ON measurement (course_id, instrument,\n"
     "  taken_on);\n"
     "CREATE TABLE opening (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  company_id INTEGER NOT NULL REFERENCES company (id),\n"
     "  tasks TEXT NOT NULL,\n"
     "  occupation TEXT NOT NULL,\n"
     "  hours_min INTEGER NOT NULL,\n"
     "  hours_max INTEGER NOT NULL,\n"
     "  accommodations TEXT NOT NULL,\n"
     "  ordinary TEXT NOT NULL CHECK (ordinary IN ('now', 'later', 'not')),\n"
     "  shortage INTEGER NOT NULL,\n"
     "  active INTEGER NOT NULL DEFAULT 1,\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE match_proposal (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  opening_id INTEGER NOT NULL REFERENCES opening (id),\n"
     "  score REAL NOT NULL,\n"
     "  proposed_by TEXT NOT NULL,\n"
     "  proposed_on TEXT NOT NULL,\n"
     "  citizen_agreed INTEGER,\n"
     "  answered_on TEXT\n"
     ");\n"
     "CREATE TABLE employment (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  from_on TEXT NOT NULL,\n"
     "  ordinary_hours_x10 INTEGER NOT NULL\n"
     "    CHECK (ordinary_hours_x10 BETWEEN 0 AND 600)\n"
     ");\n"},
    {5, "municipality settings",
     /* One row per municipality that changed a default; absent = the
      * model's defaults. */
     "CREATE TABLE municipality_settings (\n"
     "  municipality_code INTEGER PRIMARY KEY REFERENCES municipality (code),\n"
     "  min_age INTEGER NOT NULL,\n"
     "  min_months_unemployed INTEGER NOT NULL,\n"
     "  followup_weeks INTEGER NOT NULL,\n"
     "  cti_interval1 INTEGER NOT NULL,\n"
     "  cti_interval2 INTEGER NOT NULL,\n"
     "  cti_interval3 INTEGER NOT NULL,\n"
     "  cti_early_days INTEGER NOT NULL,\n"
     "  cti_min_first_month INTEGER NOT NULL,\n"
     "  cti_caseload_limit INTEGER NOT NULL,\n"
     "  measure_tolerance_days INTEGER NOT NULL,\n"
     "  life_domains TEXT NOT NULL,\n"
     "  updated_by TEXT NOT NULL,\n"
     "  updated_at TEXT NOT NULL\n"
     ");\n"},
    {6, "sessions",
     /* Log-in sessions: only a hash of the token is stored; the CSRF token
      * is compared to the X-CSRF-Token header of state-changing calls. */
     "CREATE TABLE session (\n"
     "  token_hash BLOB PRIMARY KEY CHECK (length(token_hash) = 32),\n"
     "  user_id INTEGER NOT NULL REFERENCES app_user (id),\n"
     "  csrf TEXT NOT NULL,\n"
     "  created_ms INTEGER NOT NULL,\n"
     "  seen_ms INTEGER NOT NULL\n"
     ");\n"
     "CREATE INDEX session_user ON session (user_id);\n"},
    {7, "indexes for the pages",
     /* The course page reads proposals and employment by course; the
      * screening page finds draws by batch and candidates' draws. */
     "CREATE INDEX match_proposal_course ON match_proposal (course_id);\n"
     "CREATE INDEX employment_course ON employment (course_id, from_on);\n"
     "CREATE INDEX opening_company ON opening (company_id);\n"
     "CREATE INDEX draw_batch ON draw (batch_id);\n"
     "CREATE INDEX draw_member_candidate ON draw_member (candidate_id);\n"},
    {8, "course page order without sorting",
     /* The course page lists meetings by date and placements by start;
      * in these indexes the rows come in that order (then by id, which is
      * the rowid), so SQLite needs no temporary sort on every view. They
      * replace the course-only placement index. */
     "CREATE INDEX meeting_course_held ON meeting (course_id, held_on);\n"
     "CREATE INDEX placement_course_start ON placement (course_id, "
     "start_on);\n"
     "DROP INDEX placement_course;\n"},
    {9, "each municipality keeps its own company register",
     /* A CVR number was unique across the database, so one municipality's
      * registration blocked another's and the conflict named the other's
      * company. Now (municipality_code, cvr) is unique. SQLite cannot drop
      * a UNIQUE constraint, so the table is rebuilt with the same ids
      * (placements, openings and employer users keep pointing at them;
      * the runner checks that before it commits). */
     "CREATE TABLE company_new (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  cvr TEXT NOT NULL CHECK (length(cvr) = 8),\n"
     "  name TEXT NOT NULL,\n"
     "  municipality_code INTEGER NOT NULL REFERENCES municipality (code),\n"
     "  postcode INTEGER CHECK (postcode BETWEEN 1000 AND 9999),\n"
     "  created_at TEXT NOT NULL,\n"
     "  UNIQUE (municipality_code, cvr)\n"
     ");\n"
     "INSERT INTO company_new (id, cvr, name, municipality_code, postcode, "
     "created_at) SELECT id, cvr, name, municipality_code, postcode, "
     "created_at FROM company;\n"
     "DROP TABLE company;\n"
     "ALTER TABLE company_new RENAME TO company;\n"},
    {10, "indicators: thresholds in the settings, covering indexes",
     /* The indicators' windows and green/yellow thresholds, as the text
      * of ov_ind_rules_format ("id=green,yellow" lines); empty = the
      * documented defaults (docs/indicators.md). */
     "ALTER TABLE municipality_settings ADD COLUMN indicator_rules TEXT "
     "NOT NULL DEFAULT '';\n"
     /* The indicators read every meeting, plan version and WHO-5 of a
      * municipality (store/indicators.c); with the columns they need in
      * the index, SQLite never visits the rows with their notes, plan
      * JSON and items (a municipality of 24,000 citizens: about a quarter
      * less CPU). The wider indexes replace the narrower ones, which are
      * their prefixes. */
     /* who attended, also as the ov_attendees bit set (1 << ov_role) on
      * the meeting row, kept by store/meeting.c; the indicators read it
      * instead of looking up meeting_attendee for every meeting */
     "ALTER TABLE meeting ADD COLUMN attendees INTEGER NOT NULL DEFAULT "
     "0;\n"
     "UPDATE meeting SET attendees = (SELECT coalesce(sum(CASE a.role "
     "WHEN 'employment_caseworker' THEN 1 WHEN 'social_caseworker' THEN 2 "
     "WHEN 'cti_worker' THEN 4 WHEN 'company_consultant' THEN 8 "
     "WHEN 'leader' THEN 16 WHEN 'administrator' THEN 32 "
     "WHEN 'national_analyst' THEN 64 WHEN 'citizen' THEN 128 "
     "WHEN 'employer' THEN 256 WHEN 'system' THEN 512 ELSE 0 END), 0) "
     "FROM meeting_attendee a WHERE a.meeting_id = meeting.id);\n"
     "CREATE INDEX meeting_course_kind ON meeting (course_id, kind, "
     "held_on, plan_version, attendees);\n"
     "DROP INDEX meeting_course;\n"
     "CREATE INDEX measurement_course_score ON measurement (course_id, "
     "instrument, taken_on, score);\n"
     "DROP INDEX measurement_course;\n"
     "CREATE INDEX plan_version_facts ON plan_version (course_id, version, "
     "created_at, has_job_goal, with_citizen);\n"},
    {11, "needs attention: months without a placement in the settings",
     /* "no placement N months after the start meeting" on the leader's
      * board (model/attention.h); 6 by default (docs/indicators.md) */
     "ALTER TABLE municipality_settings ADD COLUMN "
     "attention_no_placement_months INTEGER NOT NULL DEFAULT 6 CHECK "
     "(attention_no_placement_months BETWEEN 1 AND 36);\n"},
    {12, "audit log: the action checked without a temporary table",
     /* CHECK (action IN (six names)) built a temporary table of the six
      * names for every row inserted (SQLite rebuilds an IN list inside a
      * CHECK per row): 13% of the instructions of a screening import,
      * and part of every audit row written. Comparisons joined by OR
      * accept exactly the same values. The table is rebuilt with the same
      * rows (ids and hashes, so the chain is untouched), indexes and
      * triggers; dropping a table fires no delete trigger. */
     "CREATE TABLE audit_log_new (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  at TEXT NOT NULL,\n"
     "  actor TEXT NOT NULL,\n"
     "  role TEXT NOT NULL,\n"
     "  action TEXT NOT NULL CHECK (action = 'read' OR action = 'create'\n"
     "    OR action = 'update' OR action = 'delete' OR action = 'export'\n"
     "    OR action = 'prune'),\n"
     "  citizen_id INTEGER,\n"
     "  criterion TEXT,\n"
     "  purpose TEXT NOT NULL,\n"
     "  prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),\n"
     "  hash BLOB NOT NULL CHECK (length(hash) = 32)\n"
     ");\n"
     "INSERT INTO audit_log_new (id, at, actor, role, action, citizen_id, "
     "criterion, purpose, prev_hash, hash) SELECT id, at, actor, role, "
     "action, citizen_id, criterion, purpose, prev_hash, hash FROM "
     "audit_log ORDER BY id;\n"
     "DROP TABLE audit_log;\n"
     "ALTER TABLE audit_log_new RENAME TO audit_log;\n"
     "CREATE INDEX audit_log_citizen ON audit_log (citizen_id, id);\n"
     "CREATE INDEX audit_log_at ON audit_log (at);\n"
     "CREATE INDEX audit_log_actor ON audit_log (actor, id);\n"
     "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
     "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;\n"
     "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
     "WHEN OLD.id >= (SELECT coalesce(max(first_id), 0) FROM audit_checkpoint)\n"
     "BEGIN SELECT RAISE(ABORT,\n"
     "  'audit rows are removed only by pruning (overgang audit prune)');\n"
     "END;\n"},
    {13, "national monitoring: registered signing keys, imported extracts",
     /* The agency's national database (docs/monitoring-format.md): the
      * public signing key each municipality signs its extracts with, as
      * the agency registered it; every imported extract (its SHA-256, so
      * the same file is never loaded twice, and its municipality and
      * period, which may not overlap an earlier one); one row per course
      * of an extract. No name, CPR number or free text: a pseudonym, a
      * birth band and months. */
     "CREATE TABLE monitor_signer (\n"
     "  municipality_code INTEGER PRIMARY KEY\n"
     "    CHECK (municipality_code BETWEEN 101 AND 860),\n"
     "  public_key BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),\n"
     "  registered_by TEXT NOT NULL,\n"
     "  registered_at TEXT NOT NULL\n"
     ");\n"
     "CREATE TABLE monitor_file (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  sha256 BLOB NOT NULL UNIQUE CHECK (length(sha256) = 32),\n"
     "  municipality_code INTEGER NOT NULL\n"
     "    REFERENCES monitor_signer (municipality_code),\n"
     "  period_from TEXT NOT NULL,\n"
     "  period_to TEXT NOT NULL CHECK (period_to >= period_from),\n"
     "  records INTEGER NOT NULL,\n"
     "  imported_by TEXT NOT NULL,\n"
     "  imported_at TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX monitor_file_municipality ON monitor_file\n"
     "  (municipality_code, period_from);\n"
     /* facts: the record as the file carried it (one JSON object, the
      * format of docs/monitoring-format.md), from which the national
      * board rebuilds the indicators' per-course facts */
     "CREATE TABLE monitor_record (\n"
     "  file_id INTEGER NOT NULL REFERENCES monitor_file (id),\n"
     "  idx INTEGER NOT NULL,\n"
     "  pseudonym BLOB NOT NULL CHECK (length(pseudonym) = 32),\n"
     "  municipality_code INTEGER NOT NULL,\n"
     "  birth_band INTEGER NOT NULL,\n"
     "  sex TEXT NOT NULL CHECK (sex IN ('F', 'M')),\n"
     "  stage TEXT NOT NULL,\n"
     "  end_reason TEXT,\n"
     "  started TEXT NOT NULL,\n"
     "  ended TEXT,\n"
     "  facts TEXT NOT NULL,\n"
     "  PRIMARY KEY (file_id, idx)\n"
     ");\n"
     "CREATE INDEX monitor_record_pseudonym ON monitor_record (pseudonym);\n"},
    {14, "administration: staff contact details, activation codes, the "
         "settings' history",
     /* Issue 13 section 4. Staff phone and e-mail are shown where a
     * citizen's team is shown. An activation code (store/org.h) is kept
     * only as its SHA-256, one per user, until it is used (then the row
     * goes) or replaced by a new one; an expired row stays so that the
     * administrator's page can say whose code ran out unused. */
     "ALTER TABLE app_user ADD COLUMN phone TEXT;\n"
     "ALTER TABLE app_user ADD COLUMN email TEXT;\n"
     "CREATE TABLE activation_code (\n"
     "  user_id INTEGER PRIMARY KEY REFERENCES app_user (id),\n"
     "  code_hash BLOB NOT NULL CHECK (length(code_hash) = 32),\n"
     "  expires_ms INTEGER NOT NULL,\n"
     "  issued_by TEXT NOT NULL,\n"
     "  issued_at TEXT NOT NULL\n"
     ");\n"
     /* every change of a municipality setting: which, from what, to
      * what, by whom and when (store/settings.h); the audit row of the
      * same write names the change too */
     "CREATE TABLE settings_change (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  municipality_code INTEGER NOT NULL REFERENCES municipality (code),\n"
     "  field TEXT NOT NULL,\n"
     "  old_value TEXT NOT NULL,\n"
     "  new_value TEXT NOT NULL,\n"
     "  changed_by TEXT NOT NULL,\n"
     "  changed_at TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX settings_change_municipality ON settings_change\n"
     "  (municipality_code, id);\n"},
    {15, "journal notes; a note on each CTI contact",
     /* Journal notes (journalnotat, offentlighedsloven § 13): never
      * changed or removed by the program (store/journal_view.c has no
      * update or delete); a correction is a new note whose corrects names
      * the note it corrects, on the same course. */
     "CREATE TABLE journal_note (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  on_date TEXT NOT NULL CHECK (length(on_date) = 10),\n"
     "  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),\n"
     "  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),\n"
     "  corrects INTEGER REFERENCES journal_note (id),\n"
     "  created_by TEXT NOT NULL,\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX journal_note_course ON journal_note (course_id, on_date);\n"
     "CREATE INDEX journal_note_corrects ON journal_note (corrects);\n"
     /* what the CTI worker writes about a contact, beyond its focus */
     "ALTER TABLE cti_contact ADD COLUMN note TEXT NOT NULL DEFAULT '';\n"},
    {16, "calendar subscriptions: one secret address per staff user",
     /* The calendar feed's address carries a random token; only its
      * SHA-256 is kept (as for sessions), so the table cannot be used to
      * read anyone's calendar. One per user: renewing replaces it,
      * revoking deletes it (store/calendar.h). */
     "CREATE TABLE calendar_token (\n"
     "  user_id INTEGER PRIMARY KEY REFERENCES app_user (id),\n"
     "  token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"},
    {17, "a municipality's courses newest first, without a sort",
     /* The citizen search and the course list of a leader read every
      * course of the municipality, newest first (store/search.c,
      * store/course.c); (municipality_code, stage) made SQLite sort all
      * of them in a temporary B-tree. In id order within the
      * municipality they come sorted: a search at the benchmark's scale
      * costs 18 ms of CPU instead of 29 (docs/performance.md). */
     "CREATE INDEX course_municipality_id ON course "
     "(municipality_code, id);\n"},
    {18, "the self-efficacy items' texts in the municipality's settings",
     /* The General Self-Efficacy Scale's Danish items are not ours to
      * ship (no licence), so each municipality enters the ten texts it
      * holds a licence for; one line per item, empty by default
      * (model/settings.h ov_gse_items_format). */
     "ALTER TABLE municipality_settings ADD COLUMN gse_items TEXT NOT NULL "
     "DEFAULT '';\n"},
    {19, "signatures that mean something; the employer's hours",
     /* Issue 14 sections 2 and 3. A signature names the way it was given
      * (in the party's own log-in, or on paper and recorded by the
      * consultant), the user who signed in the system, the name as it
      * was when signing, and the SHA-256 of the version's canonical
      * content (model/placement.h). signed_by stays the user name of
      * whoever wrote the row: the signer, or for paper the consultant
      * who recorded it (recorded_by_name, paper_date: the date on the
      * paper). Rows from before carry way 'system' and no hash. */
     "ALTER TABLE agreement_signoff ADD COLUMN way TEXT NOT NULL DEFAULT "
     "'system' CHECK (way IN ('system', 'paper'));\n"
     "ALTER TABLE agreement_signoff ADD COLUMN signer_user_id INTEGER;\n"
     "ALTER TABLE agreement_signoff ADD COLUMN signer_name TEXT;\n"
     "ALTER TABLE agreement_signoff ADD COLUMN content_hash BLOB CHECK "
     "(content_hash IS NULL OR length(content_hash) = 32);\n"
     "ALTER TABLE agreement_signoff ADD COLUMN recorded_by_name TEXT;\n"
     "ALTER TABLE agreement_signoff ADD COLUMN paper_date TEXT;\n"
     /* the employer contact's figure for a week, next to the
      * consultant's (which stays), and who gave it when; entered_by
      * says who wrote the week first */
     "ALTER TABLE hours_week ADD COLUMN employer_internship_x10 INTEGER;\n"
     "ALTER TABLE hours_week ADD COLUMN employer_ordinary_x10 INTEGER;\n"
     "ALTER TABLE hours_week ADD COLUMN employer_by TEXT;\n"
     "ALTER TABLE hours_week ADD COLUMN employer_at TEXT;\n"
     "ALTER TABLE hours_week ADD COLUMN entered_by TEXT NOT NULL DEFAULT "
     "'consultant' CHECK (entered_by IN ('consultant', 'employer'));\n"
     /* the municipality's choice: the employer confirms or enters */
     "ALTER TABLE municipality_settings ADD COLUMN employer_hours TEXT NOT "
     "NULL DEFAULT 'confirm' CHECK (employer_hours IN ('confirm', "
     "'enter'));\n"},
    {20, "retention: years a course is kept after it ends; anonymised marks",
     /* Issue 14 section 4 (docs/retention.md). retention_years: NULL =
      * never anonymise (the default); anonymised_at: when `overgang
      * retention run` anonymised the course, or the citizen's identity
      * (store/retention.c); NULL = untouched. */
     "ALTER TABLE municipality_settings ADD COLUMN retention_years "
     "INTEGER CHECK (retention_years BETWEEN 1 AND 100);\n"
     "ALTER TABLE course ADD COLUMN anonymised_at TEXT;\n"
     "ALTER TABLE citizen ADD COLUMN anonymised_at TEXT;\n"},
    {21, "the citizen answers a proposal themselves, with a comment",
     /* Who recorded the answer to a match proposal: the citizen in their
      * own log-in ('citizen') or a staff member for them ('staff'), the
      * user, and the citizen's comment, which reaches the company
      * consultant (store/match.c, store/tasks.c, the journal). NULL on
      * answers recorded before: staff recorded them all. */
     "ALTER TABLE match_proposal ADD COLUMN answered_by TEXT "
     "CHECK (answered_by IN ('citizen', 'staff'));\n"
     "ALTER TABLE match_proposal ADD COLUMN answered_user TEXT;\n"
     "ALTER TABLE match_proposal ADD COLUMN citizen_comment TEXT;\n"},
    {22, "the citizen's comments on their plan; the plan version they saw",
     /* Issue 14 section 1: the citizen comments on a plan version, or
      * says they disagree, in their own log-in (store/citizen_home.h);
      * the team reads it on the plan page and in the journal. Comments
      * are append-only. plan_seen keeps, per user and course, the
      * newest plan version the user was shown, so "Mit forløb" can say
      * what changed since; it is written with the next batch
      * (store/seen.c), like the sessions' seen times. */
     "CREATE TABLE plan_comment (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  course_id INTEGER NOT NULL,\n"
     "  version INTEGER NOT NULL,\n"
     "  agrees INTEGER NOT NULL CHECK (agrees IN (0, 1)),\n"
     "  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),\n"
     "  created_by TEXT NOT NULL,\n"
     "  created_at TEXT NOT NULL,\n"
     "  FOREIGN KEY (course_id, version) REFERENCES plan_version "
     "(course_id, version)\n"
     ");\n"
     "CREATE INDEX plan_comment_course ON plan_comment (course_id, version);\n"
     "CREATE TABLE plan_seen (\n"
     "  user_id INTEGER NOT NULL REFERENCES app_user (id),\n"
     "  course_id INTEGER NOT NULL REFERENCES course (id),\n"
     "  version INTEGER NOT NULL CHECK (version >= 1),\n"
     "  PRIMARY KEY (user_id, course_id)\n"
     ");\n"},
    {23, "saved economics scenarios, per municipality and national",
     /* Issue 15 section 3: a leader's (municipality_code the leader's)
      * or the national analyst's (municipality_code NULL) business-case
      * scenario, in the format of docs/economics-format.md as
      * econ/econ.h writes it (store/econ_scenario.h). Saving under a
      * name that exists adds a row: the history is kept, the list shows
      * the newest per name. Rows are never changed. */
     "CREATE TABLE econ_scenario (\n"
     "  id INTEGER PRIMARY KEY,\n"
     "  municipality_code INTEGER REFERENCES municipality (code),\n"
     "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),\n"
     "  scenario TEXT NOT NULL CHECK (length(scenario) BETWEEN 2 AND "
     "200000),\n"
     "  author_id INTEGER NOT NULL REFERENCES app_user (id),\n"
     "  created_at TEXT NOT NULL\n"
     ");\n"
     "CREATE INDEX econ_scenario_name ON econ_scenario "
     "(municipality_code, name, id);\n"},
    {24, "which hours count: the employer's where present, or the consultant's",
     /* Issue 14: the hours chart and the placement's JSON count the
      * employer contact's figure of a week where they gave one
      * ('employer_where_present', the default), or always the
      * consultant's ('consultant'); model/placement.h ov_hours_counted. */
     "ALTER TABLE municipality_settings ADD COLUMN hours_source TEXT NOT "
     "NULL DEFAULT 'employer_where_present' CHECK (hours_source IN "
     "('consultant', 'employer_where_present'));\n"},
    {25, "the registered activity from indexes: CTI minutes, course dates",
     /* Issue 15: the running cost from the registered activity sums the
      * minutes of a municipality's CTI contacts in a period and counts
      * its courses active in it (store/activity.c). With the minutes in
      * the index beside the date, and a course's start and end beside
      * its municipality and stage, no contact or course row is read: a
      * year of a 24,000-citizen municipality read 96,000 contact rows
      * and 20,800 course rows scattered over the file
      * (docs/performance.md). Each wider index replaces the narrower one,
      * its prefix (no query used course_municipality alone). */
     "CREATE INDEX cti_contact_minutes ON cti_contact (course_id, on_date, "
     "minutes);\n"
     "DROP INDEX cti_contact_course;\n"
     "CREATE INDEX course_municipality_dates ON course (municipality_code, "
     "stage, started_on, ended_on);\n"
     "DROP INDEX course_municipality;\n"},
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int ov_migrations_latest(void)
{
    return migrations[N_MIGRATIONS - 1].version;
}

static const char SQL_HAS_TABLE[] =
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
    "'schema_migrations'";
static const char SQL_MAX_VERSION[] =
    "SELECT coalesce(max(version), 0) FROM schema_migrations";
static const char SQL_RECORD[] =
    "INSERT INTO schema_migrations (version, name, applied_at) "
    "VALUES (?1, ?2, ?3)";

ov_status ov_schema_version_read(ov_conn *c, int *version, ov_err *err)
{
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(c, SQL_HAS_TABLE, &s, err);
    if (st != OV_OK)
        return st;
    if (ov_stmt_step(s, err) != OV_STEP_ROW) {
        ov_stmt_release(s);
        return err->code;
    }
    int64_t has = ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    if (!has) {
        *version = 0;
        return OV_OK;
    }
    st = ov_stmt_prepare(c, SQL_MAX_VERSION, &s, err);
    if (st != OV_OK)
        return st;
    if (ov_stmt_step(s, err) != OV_STEP_ROW) {
        ov_stmt_release(s);
        return err->code;
    }
    *version = (int)ov_stmt_col_i64(s, 0);
    ov_stmt_release(s);
    return OV_OK;
}

/* PRAGMA user_version cannot take a bound parameter; the value comes from
 * the constant table above, so the statements are constants too. */
static const char *const SQL_USER_VERSION[] = {
    "PRAGMA user_version = 0", "PRAGMA user_version = 1",
    "PRAGMA user_version = 2", "PRAGMA user_version = 3",
    "PRAGMA user_version = 4", "PRAGMA user_version = 5",
    "PRAGMA user_version = 6", "PRAGMA user_version = 7",
    "PRAGMA user_version = 8",
    "PRAGMA user_version = 9",
    "PRAGMA user_version = 10",
    "PRAGMA user_version = 11",
    "PRAGMA user_version = 12",
    "PRAGMA user_version = 13",
    "PRAGMA user_version = 14",
    "PRAGMA user_version = 15",
    "PRAGMA user_version = 16",
    "PRAGMA user_version = 17",
    "PRAGMA user_version = 18",
    "PRAGMA user_version = 19",
    "PRAGMA user_version = 20",
    "PRAGMA user_version = 21",
    "PRAGMA user_version = 22",
    "PRAGMA user_version = 23",
    "PRAGMA user_version = 24",
    "PRAGMA user_version = 25",
};
_Static_assert(sizeof SQL_USER_VERSION / sizeof SQL_USER_VERSION[0] ==
                   sizeof migrations / sizeof migrations[0] + 1,
               "add a PRAGMA user_version line for each migration");

/* After a table rebuild with foreign keys off: every reference still
 * finds its row (else the migration rolls back). */
static ov_status references_intact(ov_conn *c, ov_err *err)
{
    ov_stmt *s;
    ov_status st = ov_stmt_prepare(c, "PRAGMA foreign_key_check", &s, err);
    if (st != OV_OK)
        return st;
    ov_step r = ov_stmt_step(s, err);
    ov_arena *a = ov_arena_new(256);
    if (r == OV_STEP_ROW) {
        ov_str child = ov_stmt_col_text(s, 0, a);
        ov_str parent = ov_stmt_col_text(s, 2, a);
        st = ov_err_set(err, OV_ECORRUPT, NULL,
                        "a row of %.*s refers to a missing row of %.*s; the "
                        "database was not changed",
                        (int)child.len, child.ptr, (int)parent.len,
                        parent.ptr);
    } else if (r == OV_STEP_ERROR) {
        st = err->code;
    }
    ov_arena_destroy(a);
    ov_stmt_release(s);
    return st;
}

ov_status ov_migrate(ov_conn *c, int *version, ov_err *err)
{
    ov_status st = ov_conn_exec(
        c,
        "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
        "  version INTEGER PRIMARY KEY,\n"
        "  name TEXT NOT NULL,\n"
        "  applied_at TEXT NOT NULL\n"
        ")",
        err);
    if (st != OV_OK)
        return st;
    int cur = 0;
    st = ov_schema_version_read(c, &cur, err);
    if (st != OV_OK)
        return st;
    if (cur > ov_migrations_latest())
        return ov_err_msg(err, OV_ECONFLICT, "--db",
                          migrations_schema_newer, ov_conn_path(c), cur,
                          ov_migrations_latest());
    for (int i = 0; i < N_MIGRATIONS; i++) {
        const migration *m = &migrations[i];
        if (m->version <= cur)
            continue;
        /* A migration that drops a table rebuilds it (SQLite's only way to
         * change a constraint) while other tables refer to it: it runs
         * with foreign keys off, as SQLite's documented procedure
         * requires (with them on, the drop would delete or refuse the
         * references), and commits only when PRAGMA foreign_key_check
         * finds every reference intact. */
        bool rebuilds = strstr(m->sql, "DROP TABLE") != NULL;
        /* outside the transaction: inside one the pragma is a no-op */
        if (rebuilds &&
            (st = ov_conn_exec(c, "PRAGMA foreign_keys=OFF", err)) != OV_OK)
            return st;
        st = ov_conn_exec(c, "BEGIN IMMEDIATE", err);
        if (st != OV_OK) {
            if (rebuilds) {
                ov_err tmp;
                ov_conn_exec(c, "PRAGMA foreign_keys=ON", &tmp);
            }
            return st;
        }
        st = ov_conn_exec(c, m->sql, err);
        if (st == OV_OK && rebuilds)
            st = references_intact(c, err);
        if (st == OV_OK) {
            ov_stmt *s;
            st = ov_stmt_prepare(c, SQL_RECORD, &s, err);
            if (st == OV_OK) {
                char now[OV_TIME_BUF];
                ov_time_format_utc(ov_time_now(), now);
                ov_stmt_bind_i64(s, 1, m->version);
                ov_stmt_bind_cstr(s, 2, m->name);
                ov_stmt_bind_cstr(s, 3, now);
                st = ov_stmt_run(s, err);
            }
        }
        if (st == OV_OK)
            st = ov_conn_exec(c, SQL_USER_VERSION[m->version], err);
        if (st == OV_OK)
            st = ov_conn_exec(c, "COMMIT", err);
        if (st != OV_OK) {
            ov_err tmp;
            ov_conn_exec(c, "ROLLBACK", &tmp);
            if (rebuilds)
                ov_conn_exec(c, "PRAGMA foreign_keys=ON", &tmp);
            ov_err_prefix(err, "migration %d (%s)", m->version, m->name);
            return st;
        }
        if (rebuilds &&
            (st = ov_conn_exec(c, "PRAGMA foreign_keys=ON", err)) != OV_OK)
            return st;
        cur = m->version;
    }
    *version = cur;
    return OV_OK;
}
