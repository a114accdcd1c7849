/*
 * journal_view.c - the course journal (journal_view.h): every record
 * written on a course read back as one list, newest first, and the
 * journal notes staff add to it.
 *
 * Why one query: the journal is a union of fourteen tables (meetings,
 * plan versions, proposals and answers, placements, agreement versions
 * and sign-offs, CTI, measurements, employment, stage history, the end,
 * notes, the citizen's comments on the plan). Each part selects the same eleven columns (at, kind, ref, ref2,
 * code, num, text, text2, extra, author, ts); the outer query filters by
 * kind and period, names the author from app_user, and sorts by date and
 * then by when it was written (ts), so SQLite merges once and the list
 * reader (list.c) counts and caps it like every other list. One entry is
 * the same query with its kind and ref bound, so the detail page shows
 * exactly what the journal listed.
 *
 * Notes are append-only here: there is no update or delete of
 * journal_note in the program; a correction is a new row whose corrects
 * names the older note of the same course.
 */
#include "store/journal_view.h"

#include <string.h>

#include "store/audit.h"
#include "store/store_int.h"

static const char *const kind_codes[OV_JK_COUNT] = {
    [OV_JK_START_MEETING] = "start_meeting",
    [OV_JK_FOLLOWUP] = "followup",
    [OV_JK_PLAN] = "plan",
    [OV_JK_PROPOSAL] = "proposal",
    [OV_JK_ANSWER] = "answer",
    [OV_JK_PLACEMENT] = "placement",
    [OV_JK_AGREEMENT] = "agreement",
    [OV_JK_SIGNOFF] = "signoff",
    [OV_JK_CTI_START] = "cti_start",
    [OV_JK_CTI_CONTACT] = "cti_contact",
    [OV_JK_MEASUREMENT] = "measurement",
    [OV_JK_EMPLOYMENT] = "employment",
    [OV_JK_STAGE] = "stage",
    [OV_JK_END] = "end",
    [OV_JK_NOTE] = "note",
    [OV_JK_PLAN_COMMENT] = "plan_comment",
};

const char *ov_jkind_code(ov_jkind k)
{
    return (unsigned)k < OV_JK_COUNT ? kind_codes[k] : "?";
}

ov_status ov_jkind_parse(ov_str code, ov_jkind *out, ov_err *err)
{
    for (int k = 0; k < OV_JK_COUNT; k++)
        if (ov_str_eq_c(code, kind_codes[k])) {
            *out = (ov_jkind)k;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "kind", journal_kind_unknown,
                      ov_arg_strn(code.ptr, code.len));
}

/* ?1 course, ?2 kind code or NULL, ?3 from or NULL, ?4 to or NULL,
 * ?5 ref or NULL, ?6 ref2 or NULL. */
static const char SQL_JOURNAL[] =
    "SELECT j.at, j.kind, j.ref, j.ref2, j.code, j.num, j.text, j.text2, "
    "j.extra, coalesce(j.author, ''), coalesce(u.full_name, ''), "
    "coalesce(u.role, '') FROM ("
    /* meetings */
    " SELECT m.held_on AS at, CASE m.kind WHEN 'start' THEN "
    "'start_meeting' ELSE 'followup' END AS kind, m.id AS ref, 0 AS ref2, "
    "CASE m.complete WHEN 1 THEN 'complete' ELSE 'incomplete' END AS code, "
    "coalesce(m.plan_version, 0) AS num, coalesce(m.notes, '') AS text, "
    "coalesce(m.wishes, '') AS text2, coalesce(m.competences, '') AS extra, "
    "m.created_by AS author, m.created_at AS ts FROM meeting m "
    "WHERE m.course_id = ?1"
    /* plan versions: what changed */
    " UNION ALL SELECT substr(p.created_at, 1, 10), 'plan', p.version, 0, "
    "CASE p.with_citizen WHEN 1 THEN 'with_citizen' ELSE 'without_citizen' "
    "END, p.version, p.summary, coalesce(p.citizen_comment, ''), '', "
    "p.created_by, p.created_at FROM plan_version p WHERE p.course_id = ?1"
    /* proposals and answers */
    " UNION ALL SELECT mp.proposed_on, 'proposal', mp.id, 0, o.occupation, "
    "CAST(round(mp.score) AS INTEGER), o.tasks, c.name, '', mp.proposed_by, "
    "mp.proposed_on FROM match_proposal mp JOIN opening o ON o.id = "
    "mp.opening_id JOIN company c ON c.id = o.company_id WHERE mp.course_id "
    "= ?1"
    " UNION ALL SELECT mp.answered_on, 'answer', mp.id, 0, CASE "
    "mp.citizen_agreed WHEN 1 THEN 'yes' ELSE 'no' END, 0, o.tasks, c.name, "
    "coalesce(mp.citizen_comment, ''), mp.answered_user, mp.answered_on "
    "FROM match_proposal mp JOIN opening o ON o.id "
    "= mp.opening_id JOIN company c ON c.id = o.company_id WHERE "
    "mp.course_id = ?1 AND mp.answered_on IS NOT NULL"
    /* placements, agreement versions, sign-offs */
    " UNION ALL SELECT p.start_on, 'placement', p.id, 0, p.type, "
    "p.weekly_hours_x10, c.name, '', '', NULL, p.created_at FROM placement "
    "p JOIN company c ON c.id = p.company_id WHERE p.course_id = ?1"
    " UNION ALL SELECT substr(a.created_at, 1, 10), 'agreement', "
    "a.placement_id, a.version, '', a.version, a.tasks, c.name, "
    "a.accommodations, a.created_by, a.created_at FROM agreement_version a "
    "JOIN placement p ON p.id = a.placement_id JOIN company c ON c.id = "
    "p.company_id WHERE p.course_id = ?1"
    " UNION ALL SELECT substr(s.signed_at, 1, 10), 'signoff', "
    "s.placement_id, s.version, s.signer, s.version, c.name, '', '', "
    "s.signed_by, s.signed_at FROM agreement_signoff s JOIN placement p ON "
    "p.id = s.placement_id JOIN company c ON c.id = p.company_id WHERE "
    "p.course_id = ?1"
    /* CTI */
    " UNION ALL SELECT k.start_on, 'cti_start', k.course_id, 0, "
    "k.legal_basis, k.months, '', '', '', NULL, k.start_on FROM cti_course k "
    "WHERE k.course_id = ?1"
    " UNION ALL SELECT k.on_date, 'cti_contact', k.id, 0, k.form, "
    "k.minutes, k.focus, k.note, '', k.created_by, k.on_date FROM "
    "cti_contact k WHERE k.course_id = ?1"
    /* measurements, employment */
    " UNION ALL SELECT m.taken_on, 'measurement', m.id, 0, m.instrument, "
    "m.score, coalesce(m.rater, ''), m.entered_by, '', m.entered_user, "
    "m.created_at FROM measurement m WHERE m.course_id = ?1"
    " UNION ALL SELECT e.from_on, 'employment', e.id, 0, '', "
    "e.ordinary_hours_x10, '', '', '', NULL, e.from_on FROM employment e "
    "WHERE e.course_id = ?1"
    /* stage changes (the end is its own entry) */
    " UNION ALL SELECT h.on_date, 'stage', h.rowid, 0, h.stage, 0, '', '', "
    "'', h.by_user, h.on_date FROM course_stage_history h WHERE h.course_id "
    "= ?1 AND h.stage <> 'ended'"
    " UNION ALL SELECT c.ended_on, 'end', c.id, 0, c.end_reason, 0, "
    "coalesce(c.end_text, ''), '', '', (SELECT h.by_user FROM "
    "course_stage_history h WHERE h.course_id = c.id AND h.stage = "
    "'ended'), c.updated_at FROM course c WHERE c.id = ?1 AND c.ended_on IS "
    "NOT NULL"
    /* journal notes, with the note that corrected each */
    " UNION ALL SELECT n.on_date, 'note', n.id, coalesce(n.corrects, 0), "
    "coalesce((SELECT o.on_date FROM journal_note o WHERE o.id = "
    "n.corrects), ''), coalesce((SELECT max(x.id) FROM journal_note x WHERE "
    "x.corrects = n.id), 0), n.subject, n.text, coalesce((SELECT x.on_date "
    "FROM journal_note x WHERE x.corrects = n.id ORDER BY x.id DESC LIMIT "
    "1), ''), n.created_by, n.created_at FROM journal_note n WHERE "
    "n.course_id = ?1"
    /* the citizen's comments on a plan version, agreeing or not */
    " UNION ALL SELECT substr(pc.created_at, 1, 10), 'plan_comment', pc.id, "
    "pc.version, CASE pc.agrees WHEN 1 THEN 'agrees' ELSE 'disagrees' END, "
    "pc.version, pc.text, '', '', pc.created_by, pc.created_at FROM "
    "plan_comment pc WHERE pc.course_id = ?1"
    ") j LEFT JOIN app_user u ON u.username = j.author "
    "WHERE (?2 IS NULL OR j.kind = ?2) AND (?3 IS NULL OR j.at >= ?3) "
    "AND (?4 IS NULL OR j.at <= ?4) AND (?5 IS NULL OR j.ref = ?5) "
    "AND (?6 IS NULL OR j.ref2 = ?6) "
    "ORDER BY j.at DESC, j.ts DESC, j.ref DESC, j.ref2 DESC";

typedef struct jarg {
    int64_t course_id;
    const ov_journal_filter *f;
} jarg;

static void bind_journal(ov_stmt *s, const void *arg)
{
    const jarg *j = arg;
    ov_stmt_bind_i64(s, 1, j->course_id);
    ov_stmt_bind_cstr(s, 2, j->f->kind >= 0 && j->f->kind < OV_JK_COUNT
                                ? kind_codes[j->f->kind]
                                : NULL);
    char d[OV_DATE_BUF];
    if (j->f->from) {
        ov_date_format_iso(j->f->from, d);
        ov_stmt_bind_cstr(s, 3, d);
    } else {
        ov_stmt_bind_null(s, 3);
    }
    if (j->f->to) {
        ov_date_format_iso(j->f->to, d);
        ov_stmt_bind_cstr(s, 4, d);
    } else {
        ov_stmt_bind_null(s, 4);
    }
    if (j->f->ref)
        ov_stmt_bind_i64(s, 5, j->f->ref);
    else
        ov_stmt_bind_null(s, 5);
    if (j->f->ref2)
        ov_stmt_bind_i64(s, 6, j->f->ref2);
    else
        ov_stmt_bind_null(s, 6);
}

static ov_status read_entry(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    ov_journal_entry *e = row;
    if (ov_col_date(s, 0, a, "at", &e->at, err) != OV_OK ||
        ov_jkind_parse(ov_stmt_col_text(s, 1, a), &e->kind, err) != OV_OK)
        return err->code;
    e->ref = ov_stmt_col_i64(s, 2);
    e->ref2 = ov_stmt_col_i64(s, 3);
    e->code = ov_stmt_col_text(s, 4, a);
    e->num = ov_stmt_col_i64(s, 5);
    e->text = ov_stmt_col_text(s, 6, a);
    e->text2 = ov_stmt_col_text(s, 7, a);
    e->extra = ov_stmt_col_text(s, 8, a);
    e->author_user = ov_stmt_col_text(s, 9, a);
    e->author_name = ov_stmt_col_text(s, 10, a);
    e->author_role = ov_stmt_col_text(s, 11, a);
    return OV_OK;
}

static const ov_list_query journal_q = {SQL_JOURNAL, NULL,
                                        sizeof(ov_journal_entry),
                                        bind_journal, NULL, read_entry};

ov_status ov_journal_read(ov_tx *tx, int64_t course_id,
                          const ov_journal_filter *f, int cap, ov_arena *a,
                          ov_journal_entry **rows, ov_list_info *li,
                          ov_err *err)
{
    ov_course_head h;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK)
        return err->code;
    if (f->from && f->to && f->from > f->to)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_EINVAL, "from",
                                          journal_period_reversed), err));
    jarg j = {course_id, f};
    void *arr;
    if (ov_list_read(tx, &journal_q, &j, cap, a, &arr, li, err) != OV_OK)
        return err->code;
    *rows = arr;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "journal", err);
}

/* ---- one entry's detail ---- */

/* The fields of an entry, in the order written: (label, group, value);
 * ?1 the entry's ref, ?2 the course (every part checks it), ?3 ref2.
 * Parts that do not belong to the entry's kind select nothing: the kind
 * is bound as ?4. Empty texts are left out. */
static const char SQL_FIELDS[] =
    "SELECT label, grp, value FROM ("
    /* a meeting: who attended, what was said, and the holistic assessment
     * per life domain in the citizen's own words */
    " SELECT 1 AS o1, 0 AS o2, 'attendee' AS label, '' AS grp, a.role AS "
    "value FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id "
    "WHERE ?4 IN ('start_meeting', 'followup') AND m.id = ?1 AND "
    "m.course_id = ?2"
    " UNION ALL SELECT 2, 0, 'notes', '', m.notes FROM meeting m WHERE ?4 "
    "IN ('start_meeting', 'followup') AND m.id = ?1 AND m.course_id = ?2"
    " UNION ALL SELECT 3, 0, 'wishes', '', m.wishes FROM meeting m WHERE ?4 "
    "IN ('start_meeting', 'followup') AND m.id = ?1 AND m.course_id = ?2"
    " UNION ALL SELECT 4, 0, 'competences', '', m.competences FROM meeting "
    "m WHERE ?4 IN ('start_meeting', 'followup') AND m.id = ?1 AND "
    "m.course_id = ?2"
    " UNION ALL SELECT 5, i.rowid * 4, 'own_words', i.domain, i.own_words "
    "FROM assessment_item i JOIN meeting m ON m.id = i.meeting_id WHERE ?4 "
    "IN ('start_meeting', 'followup') AND m.id = ?1 AND m.course_id = ?2"
    " UNION ALL SELECT 5, i.rowid * 4 + 1, 'resources', i.domain, "
    "i.resources FROM assessment_item i JOIN meeting m ON m.id = "
    "i.meeting_id WHERE ?4 IN ('start_meeting', 'followup') AND m.id = ?1 "
    "AND m.course_id = ?2"
    " UNION ALL SELECT 5, i.rowid * 4 + 2, 'challenges', i.domain, "
    "i.challenges FROM assessment_item i JOIN meeting m ON m.id = "
    "i.meeting_id WHERE ?4 IN ('start_meeting', 'followup') AND m.id = ?1 "
    "AND m.course_id = ?2"
    " UNION ALL SELECT 5, i.rowid * 4 + 3, 'rating', i.domain, "
    "CAST(i.rating AS TEXT) FROM assessment_item i JOIN meeting m ON m.id = "
    "i.meeting_id WHERE ?4 IN ('start_meeting', 'followup') AND m.id = ?1 "
    "AND m.course_id = ?2 AND i.rating IS NOT NULL"
    /* a plan version: what changed and the citizen's comment */
    " UNION ALL SELECT 1, 0, 'changes', '', p.summary FROM plan_version p "
    "WHERE ?4 = 'plan' AND p.version = ?1 AND p.course_id = ?2"
    " UNION ALL SELECT 2, 0, 'citizen_comment', '', p.citizen_comment FROM "
    "plan_version p WHERE ?4 = 'plan' AND p.version = ?1 AND p.course_id = "
    "?2"
    /* a proposal or answer: the opening */
    " UNION ALL SELECT 1, 0, 'company', '', c.name FROM match_proposal mp "
    "JOIN opening o ON o.id = mp.opening_id JOIN company c ON c.id = "
    "o.company_id WHERE ?4 IN ('proposal', 'answer') AND mp.id = ?1 AND "
    "mp.course_id = ?2"
    " UNION ALL SELECT 2, 0, 'tasks', '', o.tasks FROM match_proposal mp "
    "JOIN opening o ON o.id = mp.opening_id WHERE ?4 IN ('proposal', "
    "'answer') AND mp.id = ?1 AND mp.course_id = ?2"
    " UNION ALL SELECT 3, 0, 'occupation', '', o.occupation FROM "
    "match_proposal mp JOIN opening o ON o.id = mp.opening_id WHERE ?4 IN "
    "('proposal', 'answer') AND mp.id = ?1 AND mp.course_id = ?2"
    /* the answer: who recorded it, and the citizen's comment */
    " UNION ALL SELECT 4, 0, 'answered_by', '', mp.answered_by FROM "
    "match_proposal mp WHERE ?4 = 'answer' AND mp.id = ?1 AND mp.course_id "
    "= ?2"
    " UNION ALL SELECT 5, 0, 'citizen_comment', '', mp.citizen_comment FROM "
    "match_proposal mp WHERE ?4 = 'answer' AND mp.id = ?1 AND mp.course_id "
    "= ?2"
    /* a placement */
    " UNION ALL SELECT 1, 0, 'company', '', c.name FROM placement p JOIN "
    "company c ON c.id = p.company_id WHERE ?4 = 'placement' AND p.id = ?1 "
    "AND p.course_id = ?2"
    /* an agreement version: tasks, accommodations, goals */
    " UNION ALL SELECT 1, 0, 'company', '', c.name FROM placement p JOIN "
    "company c ON c.id = p.company_id WHERE ?4 IN ('agreement', 'signoff') "
    "AND p.id = ?1 AND p.course_id = ?2"
    " UNION ALL SELECT 2, 0, 'tasks', '', a.tasks FROM agreement_version a "
    "JOIN placement p ON p.id = a.placement_id WHERE ?4 = 'agreement' AND "
    "a.placement_id = ?1 AND a.version = ?3 AND p.course_id = ?2"
    " UNION ALL SELECT 3, 0, 'accommodations', '', a.accommodations FROM "
    "agreement_version a JOIN placement p ON p.id = a.placement_id WHERE ?4 "
    "= 'agreement' AND a.placement_id = ?1 AND a.version = ?3 AND "
    "p.course_id = ?2"
    " UNION ALL SELECT 4, g.idx, 'goal', '', g.text FROM agreement_goal g "
    "JOIN placement p ON p.id = g.placement_id WHERE ?4 = 'agreement' AND "
    "g.placement_id = ?1 AND g.version = ?3 AND p.course_id = ?2"
    /* the CTI course: focus areas chosen per phase, the network */
    " UNION ALL SELECT 1, f.phase * 100 + f.idx, 'focus_area', "
    "CAST(f.phase AS TEXT), f.area FROM cti_focus f WHERE ?4 = 'cti_start' "
    "AND f.course_id = ?1 AND f.course_id = ?2"
    " UNION ALL SELECT 2, n.id, 'network_person', n.relation, n.name FROM "
    "network_person n WHERE ?4 = 'cti_start' AND n.course_id = ?1 AND "
    "n.course_id = ?2"
    /* a CTI contact */
    " UNION ALL SELECT 1, 0, 'focus', '', k.focus FROM cti_contact k WHERE "
    "?4 = 'cti_contact' AND k.id = ?1 AND k.course_id = ?2"
    " UNION ALL SELECT 2, 0, 'note', '', k.note FROM cti_contact k WHERE ?4 "
    "= 'cti_contact' AND k.id = ?1 AND k.course_id = ?2"
    /* a measurement: the answers */
    " UNION ALL SELECT 1, 0, 'items', '', m.items FROM measurement m WHERE "
    "?4 = 'measurement' AND m.id = ?1 AND m.course_id = ?2"
    /* the end */
    " UNION ALL SELECT 1, 0, 'end_text', '', c.end_text FROM course c "
    "WHERE ?4 = 'end' AND c.id = ?1 AND c.id = ?2"
    /* a note: subject and text in full */
    " UNION ALL SELECT 1, 0, 'subject', '', n.subject FROM journal_note n "
    "WHERE ?4 = 'note' AND n.id = ?1 AND n.course_id = ?2"
    " UNION ALL SELECT 2, 0, 'text', '', n.text FROM journal_note n WHERE "
    "?4 = 'note' AND n.id = ?1 AND n.course_id = ?2"
    /* the citizen's comment on the plan: the text in full */
    " UNION ALL SELECT 1, 0, 'comment', '', pc.text FROM plan_comment pc "
    "WHERE ?4 = 'plan_comment' AND pc.id = ?1 AND pc.course_id = ?2"
    ") WHERE value IS NOT NULL AND value <> '' ORDER BY o1, o2";

typedef struct farg {
    int64_t ref, course_id, ref2;
    const char *kind;
} farg;

static void bind_fields(ov_stmt *s, const void *arg)
{
    const farg *f = arg;
    ov_stmt_bind_i64(s, 1, f->ref);
    ov_stmt_bind_i64(s, 2, f->course_id);
    ov_stmt_bind_i64(s, 3, f->ref2);
    ov_stmt_bind_cstr(s, 4, f->kind);
}

static ov_status read_field(ov_stmt *s, ov_arena *a, void *row, ov_err *err)
{
    (void)err;
    ov_journal_field *f = row;
    f->label = ov_stmt_col_text(s, 0, a);
    f->group = ov_stmt_col_text(s, 1, a);
    f->value = ov_stmt_col_text(s, 2, a);
    return OV_OK;
}

static const ov_list_query fields_q = {SQL_FIELDS, NULL,
                                       sizeof(ov_journal_field), bind_fields,
                                       NULL, read_field};

/* every field of one entry: a start meeting has 8 life domains x 4 */
#define FIELDS_CAP 400

ov_status ov_journal_entry_read(ov_tx *tx, int64_t course_id, ov_jkind kind,
                                int64_t ref, int64_t ref2, ov_arena *a,
                                ov_journal_entry *entry,
                                ov_journal_field **fields, int *nfields,
                                ov_err *err)
{
    ov_course_head h;
    if (ov_course_read_begin(tx, course_id, &h, err) != OV_OK)
        return err->code;
    if ((unsigned)kind >= OV_JK_COUNT || ref <= 0 || ref2 < 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "ref",
                                          journal_entry_unknown, ref), err));
    /* a note's ref2 is the note it corrects, not part of its address */
    ov_journal_filter f = {(int)kind, 0, 0, ref,
                           kind == OV_JK_NOTE ? 0 : ref2};
    jarg j = {course_id, &f};
    void *arr;
    ov_list_info li;
    if (ov_list_read(tx, &journal_q, &j, 1, a, &arr, &li, err) != OV_OK)
        return err->code;
    if (li.n == 0)
        return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "ref",
                                          journal_entry_unknown, ref), err));
    *entry = *(ov_journal_entry *)arr;
    farg fa = {ref, course_id, ref2, kind_codes[kind]};
    if (ov_list_read(tx, &fields_q, &fa, FIELDS_CAP, a, &arr, &li, err) !=
        OV_OK)
        return err->code;
    *fields = arr;
    *nfields = li.n;
    return ov_audit_append(tx, OV_ACT_READ, h.citizen_id, "journalpost",
                           err);
}

/* ---- notes ---- */

static const char SQL_NOTE_COURSE[] =
    "SELECT course_id FROM journal_note WHERE id = ?1";
static const char SQL_NOTE_INSERT[] =
    "INSERT INTO journal_note (course_id, on_date, subject, text, corrects, "
    "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

ov_status ov_note_add(ov_tx *tx, int64_t course_id, const ov_note *n,
                      ov_date today, int64_t *id, ov_err *err)
{
    if (ov_tx_check(tx, true, err) != OV_OK)
        return err->code;
    ov_course_head h;
    if (ov_course_head_load(tx, course_id, &h, err) != OV_OK ||
        ov_note_validate(n, today, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt *s;
    if (n->corrects) {
        /* another course's note (or municipality's) answers as a missing
         * one: its id says nothing */
        if (ov_stmt_prepare(tx->conn, SQL_NOTE_COURSE, &s, err) != OV_OK)
            return ov_tx_fail(tx, err);
        ov_stmt_bind_i64(s, 1, n->corrects);
        ov_step r = ov_stmt_step(s, err);
        int64_t of = r == OV_STEP_ROW ? ov_stmt_col_i64(s, 0) : 0;
        ov_stmt_release(s);
        if (r == OV_STEP_ERROR)
            return ov_tx_fail(tx, err);
        if (of != course_id)
            return ov_tx_fail(tx, (ov_err_msg(err, OV_ENOTFOUND, "corrects",
                                              note_corrects_missing,
                                              n->corrects),
                                   err));
    }
    char d[OV_DATE_BUF], now[OV_TIME_BUF];
    ov_date_format_iso(n->date, d);
    ov_time_format_utc(ov_time_now(), now);
    if (ov_stmt_prepare(tx->conn, SQL_NOTE_INSERT, &s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    ov_stmt_bind_i64(s, 1, course_id);
    ov_stmt_bind_cstr(s, 2, d);
    ov_stmt_bind_text(s, 3, ov_str_trim(n->subject));
    ov_stmt_bind_text(s, 4, ov_str_trim(n->text));
    if (n->corrects)
        ov_stmt_bind_i64(s, 5, n->corrects);
    else
        ov_stmt_bind_null(s, 5);
    ov_stmt_bind_cstr(s, 6, tx->actor->user);
    ov_stmt_bind_cstr(s, 7, now);
    if (ov_stmt_run(s, err) != OV_OK)
        return ov_tx_fail(tx, err);
    *id = ov_conn_last_insert_id(tx->conn);
    return ov_audit_append(tx, OV_ACT_CREATE, h.citizen_id, "journalnotat",
                           err);
}
