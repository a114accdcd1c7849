# overgang retention run on the demo world: without a setting nothing is
# due; the administrator sets retention_years through the API (audited,
# in the history, empty again with 0); the dry run lists the due courses
# and leaves the database files byte for byte as they were; the run
# anonymises them, one audit row per course, and the chain still
# verifies; no name or CPR field of an anonymised citizen is left in a
# dump of the whole database, nor in the file's bytes; the indicators and
# the national monitoring extract count the same as before; nothing of an
# open course changes; a re-run skips; the course page still opens; bad
# input (unknown municipality, bad date, no database) gets one clear line.
. tests/cli/lib.inc
O="$OVERGANG"
db="$T/d.db"
"$O" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
LATER=2028-06-01 # every ended course of the demo is more than a year old

# no setting: nothing is due, anywhere
"$O" retention run --db "$db" --dry-run --today "$LATER" >"$T/out"
expect_out '^municipality 250: no retention set; nothing is anonymised' "$T/out"
expect_out '^municipality 550: no retention set' "$T/out"

# the administrator sets one year for Halsnæs through the API
port=$(( 20000 + ($$ * 13) % 20000 ))
"$O" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
B="http://127.0.0.1:$port/api/v1"
i=0
until curl -s -o /dev/null "$B/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
curl -s -c "$T/admin" -o "$T/body" -X POST \
    -d '{"username":"admin","password":"overgang-demo"}' "$B/session"
csrf=$(sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$T/body")
set_years() {
    curl -s -b "$T/admin" -o "$T/body" -w '%{http_code}' -H "X-CSRF-Token: $csrf" \
        -H 'Content-Type: application/json' -X POST -d "{\"retention_years\": $1}" \
        "$B/settings"
}
[ "$(curl -s -b "$T/admin" "$B/settings" | jq -c .settings.retention_years)" = null ] ||
    { echo "retention_years is not empty by default"; exit 1; }
[ "$(set_years 101)" = 400 ] || { echo "101 years accepted"; cat "$T/body"; exit 1; }
grep -q '1-100 years' "$T/body" || { echo "no range in the error"; cat "$T/body"; exit 1; }
[ "$(set_years 3)" = 200 ] || { echo "3 years refused"; cat "$T/body"; exit 1; }
[ "$(set_years 0)" = 200 ] || { echo "0 (empty) refused"; cat "$T/body"; exit 1; }
[ "$(set_years 1)" = 200 ] || { echo "1 year refused"; cat "$T/body"; exit 1; }
curl -s -b "$T/admin" "$B/settings" >"$T/s.json"
jq -e '.settings.retention_years == 1' "$T/s.json" >/dev/null || { echo "not stored"; exit 1; }
jq -e '[.history[] | select(.field == "retention_years") | .old + ">" + .new] == [">1", "3>", ">3"]' \
    "$T/s.json" >/dev/null || { echo "history:"; jq -c .history "$T/s.json"; exit 1; }
n=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE criterion LIKE '%retention_years%'")
[ "$n" = 3 ] || { echo "the setting's changes are not audited ($n)"; exit 1; }
# the settings page explains it
curl -s -b "$T/admin" "http://127.0.0.1:$port/administration/indstillinger" >"$T/page"
expect_out 'Opbevaring: år efter forløbets afslutning' "$T/page"
expect_out 'journaliseringspligt' "$T/page"
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

# what must not change: the indicators, the monitoring extract's records
# (pseudonyms aside), and every row of the open courses
ind() { "$O" indicators --db "$db" --municipality 250 --from 2025-01-01 --to 2026-11-22 2>/dev/null; }
umask 077
"$O" monitor keygen --out "$T/ag" >/dev/null
"$O" monitor keygen --municipality 250 --out "$T/h" >/dev/null
mx() {
    "$O" monitor export --db "$db" --municipality 250 --period 2025-01-01..2026-11-22 \
        --agency-key "$T/ag/agency.pub" --pseudonym-key "$T/ag/pseudonym.key" \
        --signing-key "$T/h/signing-250.key" --out "$T/$1.ovmx" >/dev/null
    "$O" monitor show --key "$T/ag/agency.key" --file "$T/$1.ovmx" |
        sed 's/"pseudonym":"[0-9a-f]*",//' | sort
}
OPEN="SELECT id FROM course WHERE ended_on IS NULL"
open_rows() {
    sqlite3 "$db" "SELECT * FROM course WHERE id IN ($OPEN) ORDER BY id;
        SELECT * FROM citizen WHERE id IN (SELECT citizen_id FROM course WHERE ended_on IS NULL) ORDER BY id;
        SELECT * FROM meeting WHERE course_id IN ($OPEN) ORDER BY id;
        SELECT * FROM assessment_item WHERE meeting_id IN (SELECT id FROM meeting WHERE course_id IN ($OPEN)) ORDER BY 1, 2;
        SELECT * FROM plan_version WHERE course_id IN ($OPEN) ORDER BY 1, 2;
        SELECT * FROM journal_note WHERE course_id IN ($OPEN) ORDER BY id;
        SELECT * FROM cti_contact WHERE course_id IN ($OPEN) ORDER BY id;
        SELECT * FROM network_person WHERE course_id IN ($OPEN) ORDER BY id;
        SELECT * FROM agreement_version WHERE placement_id IN (SELECT id FROM placement WHERE course_id IN ($OPEN)) ORDER BY 1, 2;
        SELECT * FROM app_user WHERE citizen_id IN (SELECT citizen_id FROM course WHERE ended_on IS NULL) ORDER BY id;"
}
ind >"$T/ind.before"
mx before >"$T/mx.before"
open_rows >"$T/open.before"
[ "$(wc -l <"$T/open.before")" -gt 1000 ] || { echo "the demo's open courses hold too little"; exit 1; }

# the anonymised-to-be: a citizen with a unique name, an ended course and
# free text (a journal note), and their CPR fields
due=$(sqlite3 "$db" "SELECT count(*) FROM course WHERE municipality_code = 250 AND ended_on IS NOT NULL")
[ "$due" -gt 5 ] || { echo "the demo has too few ended courses ($due)"; exit 1; }
row=$(sqlite3 "$db" "SELECT c.id, z.id, z.full_name FROM course c JOIN citizen z ON z.id = c.citizen_id
    WHERE c.municipality_code = 250 AND c.ended_on IS NOT NULL
    AND (SELECT count(*) FROM citizen y WHERE y.full_name = z.full_name) = 1
    AND EXISTS (SELECT 1 FROM journal_note j WHERE j.course_id = c.id)
    AND EXISTS (SELECT 1 FROM meeting m WHERE m.course_id = c.id AND m.notes <> '')
    ORDER BY c.id LIMIT 1")
course=${row%%|*}; rest=${row#*|}; cit=${rest%%|*}; name=${rest#*|}
[ -n "$name" ] || { echo "no ended course of a uniquely named citizen"; exit 1; }
hash=$(sqlite3 "$db" "SELECT hex(cpr_hash) FROM citizen WHERE id = $cit")
box=$(sqlite3 "$db" "SELECT hex(cpr_box) FROM citizen WHERE id = $cit")
sqlite3 "$db" .dump >"$T/dump.before"
grep -qF "$name" "$T/dump.before" && grep -qi "$hash" "$T/dump.before" ||
    { echo "the dump does not hold what it should before"; exit 1; }

# the dry run lists and changes nothing, to the byte
sha() { cat "$db" "$db-wal" 2>/dev/null | sha256sum; }
s0=$(sha)
"$O" retention run --db "$db" --dry-run --today "$LATER" >"$T/dry"
[ "$(sha)" = "$s0" ] || { echo "the dry run changed the database"; exit 1; }
expect_out "^municipality 250: retention 1 years: courses that ended before 2027-06-01 are due: $due due, 0 anonymised before" "$T/dry"
expect_out "^  course $course ended [0-9-]+: due; the citizen's identity goes with it" "$T/dry"
expect_out "^municipality 250: dry run: $due courses would be anonymised; nothing was changed" "$T/dry"
expect_out '^municipality 550: no retention set' "$T/dry"
# one municipality only
"$O" retention run --db "$db" --dry-run --today "$LATER" --municipality 550 >"$T/dry550"
grep -q 'municipality 250' "$T/dry550" && { echo "--municipality 550 showed 250"; exit 1; }
# today itself: nothing of the demo is a year old yet
"$O" retention run --db "$db" --dry-run --today 2026-11-22 --municipality 250 >"$T/now"
expect_out ': 0 due, 0 anonymised before' "$T/now"

# the run
a0=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'retention'")
"$O" retention run --db "$db" --today "$LATER" >"$T/run"
expect_out "^  course $course ended [0-9-]+: anonymised: [0-9]+ felter; .*the citizen's identity removed" "$T/run"
expect_out "^municipality 250: $due courses anonymised, 0 skipped" "$T/run"
a1=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'retention'")
[ "$((a1 - a0))" = "$due" ] || { echo "audit rows: $((a1 - a0)), courses: $due"; exit 1; }
n=$(sqlite3 "$db" "SELECT count(DISTINCT criterion) FROM audit_log WHERE actor = 'retention' AND action = 'delete' AND role = 'system' AND criterion LIKE 'opbevaring: forløb % anonymiseret%' AND purpose LIKE 'opbevaring (retention run af cli:%'")
[ "$n" = "$due" ] || { echo "the audit rows do not name each course ($n)"; exit 1; }
"$O" audit verify --db "$db" >"$T/verify"
expect_out '^audit chain intact' "$T/verify"

# nothing of the citizen is left: not in a dump, not in the file's bytes
sqlite3 "$db" .dump >"$T/dump.after"
grep -qF "$name" "$T/dump.after" && { echo "'$name' is still in the dump"; exit 1; }
grep -qi "$hash" "$T/dump.after" && { echo "the CPR hash is still in the dump"; exit 1; }
grep -qi "$box" "$T/dump.after" && { echo "the encrypted CPR is still in the dump"; exit 1; }
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
grep -qaF "$name" "$db" && { echo "'$name' is still in the database file's bytes"; exit 1; }
# no free text of any anonymised course is left (the demo's texts repeat
# across courses, so this is per row, not a grep)
left=$(sqlite3 "$db" "SELECT count(*) FROM journal_note WHERE course_id IN (SELECT id FROM course WHERE anonymised_at IS NOT NULL) AND text <> '[anonymiseret]'")
[ "$left" = 0 ] || { echo "$left journal notes kept their text"; exit 1; }
left=$(sqlite3 "$db" "SELECT count(*) FROM meeting WHERE course_id IN (SELECT id FROM course WHERE anonymised_at IS NOT NULL) AND coalesce(notes, '') NOT IN ('', '[anonymiseret]')")
[ "$left" = 0 ] || { echo "$left meetings kept their notes"; exit 1; }
left=$(sqlite3 "$db" "SELECT count(*) FROM plan_version WHERE course_id IN (SELECT id FROM course WHERE anonymised_at IS NOT NULL) AND content NOT LIKE '%[anonymiseret]%'")
[ "$left" = 0 ] || { echo "$left plan versions kept their texts"; exit 1; }

# the facts: the indicators and the monitoring records are the same
ind >"$T/ind.after"
cmp -s "$T/ind.before" "$T/ind.after" || { echo "the indicators changed"; diff "$T/ind.before" "$T/ind.after" | head; exit 1; }
mx after >"$T/mx.after"
cmp -s "$T/mx.before" "$T/mx.after" || { echo "the monitoring records changed"; diff "$T/mx.before" "$T/mx.after" | head -4; exit 1; }
# nothing of an open course changed
open_rows >"$T/open.after"
cmp -s "$T/open.before" "$T/open.after" || { echo "an open course changed"; diff "$T/open.before" "$T/open.after" | head; exit 1; }

# a re-run skips every course and writes nothing
"$O" retention run --db "$db" --today "$LATER" --municipality 250 >"$T/again"
expect_out "^municipality 250: retention 1 years: .*: 0 due, $due anonymised before" "$T/again"
expect_out "^  course $course ended [0-9-]+: skipped, anonymised before" "$T/again"
expect_out "^municipality 250: 0 courses anonymised, $due skipped" "$T/again"
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'retention'")" = "$a1" ] ||
    { echo "the re-run wrote audit rows"; exit 1; }

# the anonymised course still opens, with the marker for the name
"$O" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
i=0
until curl -s -o /dev/null "$B/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
curl -s -c "$T/leder" -o /dev/null -X POST \
    -d '{"username":"leder","password":"overgang-demo"}' "$B/session"
code=$(curl -s -b "$T/leder" -o "$T/course.html" -w '%{http_code}' "http://127.0.0.1:$port/forloeb/$course")
[ "$code" = 200 ] || { echo "the anonymised course page answers $code"; exit 1; }
expect_out '<title>\[anonymiseret\]' "$T/course.html"
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

# bad input: one clear line each
expect_fail 1 'there is no municipality 101' "$O" retention run --db "$db" --municipality 101
expect_fail 2 '^overgang: --municipality: give a kommunekode' "$O" retention run --db "$db" --municipality x
expect_fail 2 '^overgang: --today: ' "$O" retention run --db "$db" --today 2028-13-01
expect_fail 1 "$T/none.db" "$O" retention run --db "$T/none.db"
[ ! -e "$T/none.db" ] || { echo "a database was created"; exit 1; }
expect_fail 2 "give 'run'" "$O" retention
