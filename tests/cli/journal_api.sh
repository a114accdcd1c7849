# The journal's API over real HTTP on the demo world: GET
# /api/v1/cases/{id}/journal answers the contract's entries with total and
# truncated, filtered by kind and period; POST /api/v1/cases/{id}/notes
# adds a note ({"id"}), refuses a future date and a note of another
# municipality (404, as a missing one), and a correction shows on both
# notes; the citizen may not read the staff's journal; every read and
# write is audited.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 3 >/dev/null
port=$(( 20000 + ($$ * 11) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
B="http://127.0.0.1:$port/api/v1"
i=0
until curl -s -o /dev/null "$B/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
code() { curl -s -o "$T/body" -w '%{http_code}' "$@"; }
check() { # expected-code description curl-args...
    want=$1; what=$2; shift 2
    got=$(code "$@")
    [ "$got" = "$want" ] || { echo "$what: expected $want, got $got"; cat "$T/body"; exit 1; }
}
login() { # user -> cookie file $T/<user>, csrf in $T/<user>.csrf
    check 200 "log-in $1" -c "$T/$1" -X POST -d "{\"username\":\"$1\",\"password\":\"overgang-demo\"}" "$B/session"
    sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$T/body" >"$T/$1.csrf"
}
login job
login borger
bcourse=$(sqlite3 "$db" "SELECT c.id FROM course c JOIN app_user u ON u.citizen_id = c.citizen_id WHERE u.username = 'borger'")
course=$(sqlite3 "$db" "SELECT min(c.id) FROM course c JOIN meeting m ON m.course_id = c.id AND m.kind = 'start' WHERE c.team_id IN (SELECT tm.team_id FROM team_member tm JOIN app_user u ON u.id = tm.user_id WHERE u.username = 'job') AND c.ended_on IS NULL")
tonder=$(sqlite3 "$db" "SELECT min(n.id) FROM journal_note n JOIN course c ON c.id = n.course_id WHERE c.municipality_code = 550")
[ -n "$course" ] && [ -n "$bcourse" ] && [ -n "$tonder" ] || { echo "demo: no course for borger or no note in Tønder"; exit 1; }

check 200 "the journal" -b "$T/job" "$B/cases/$course/journal"
jq -e '(.entries | length) > 0 and .total == (.entries | length) and .truncated == false' "$T/body" >/dev/null ||
    { echo "journal: not a whole list"; head -c 400 "$T/body"; exit 1; }
jq -e '[.entries[] | has("at") and has("kind") and has("author") and has("summary") and has("ref")] | all' "$T/body" >/dev/null ||
    { echo "journal: an entry lacks a field of the contract"; exit 1; }
# newest first
jq -e '[.entries[].at] as $a | $a == ($a | sort | reverse)' "$T/body" >/dev/null ||
    { echo "journal: not newest first"; exit 1; }
# no login name and no "cli:" as an author
if jq -r '.entries[].author' "$T/body" | grep -Eq '^(cli:|job$|social$|cti$|vk$)'; then
    echo "journal: a login name as an author"; exit 1
fi
check 200 "filter by kind" -b "$T/job" "$B/cases/$course/journal?kind=start_meeting"
jq -e '.total >= 1 and ([.entries[].kind] | unique) == ["start_meeting"]' "$T/body" >/dev/null ||
    { echo "kind filter"; cat "$T/body"; exit 1; }
ref=$(jq -r '.entries[0].ref' "$T/body")
check 200 "a start meeting's entry" -b "$T/job" "$B/cases/$course/journal/entry?ref=$ref"
jq -e '[.fields[].label] | index("own_words") != null and index("attendee") != null' "$T/body" >/dev/null ||
    { echo "the start meeting's entry lacks the assessment or attendees"; cat "$T/body"; exit 1; }
check 400 "an unknown kind" -b "$T/job" "$B/cases/$course/journal?kind=gossip"
grep -q "unknown kind gossip" "$T/body"
check 400 "a reversed period" -b "$T/job" "$B/cases/$course/journal?from=2026-02-01&to=2026-01-01"
check 400 "a bad ref" -b "$T/job" "$B/cases/$course/journal/entry?ref=nonsense"
check 404 "another course's meeting through this course" -b "$T/job" \
    "$B/cases/$course/journal/entry?ref=start_meeting:$(sqlite3 "$db" "SELECT min(id) FROM meeting WHERE course_id <> $course AND kind = 'start'")"

today=$(date +%Y-%m-%d)
post() { # user body [course]
    curl -s -o "$T/body" -w '%{http_code}' -b "$T/$1" -H "X-CSRF-Token: $(cat "$T/$1.csrf")" \
        -H 'Content-Type: application/json' -X POST -d "$2" "$B/cases/${3:-$course}/notes"
}
got=$(post job "{\"date\":\"$today\",\"subject\":\"Telefon\",\"text\":\"Borgeren ringede\"}")
[ "$got" = 200 ] || { echo "a note: $got"; cat "$T/body"; exit 1; }
first=$(jq -r .id "$T/body")
got=$(post job "{\"date\":\"2999-01-01\",\"subject\":\"Senere\",\"text\":\"x\"}")
[ "$got" = 400 ] && grep -q "date: in the future" "$T/body" || { echo "a future date: $got"; cat "$T/body"; exit 1; }
got=$(post job "{\"date\":\"$today\",\"subject\":\"\",\"text\":\"x\"}")
[ "$got" = 400 ] || { echo "an empty subject: $got"; cat "$T/body"; exit 1; }
got=$(post job "{\"date\":\"$today\",\"subject\":\"Ret\",\"text\":\"x\",\"corrects\":$tonder}")
[ "$got" = 404 ] || { echo "Tønder's note as corrects: $got"; cat "$T/body"; exit 1; }
got=$(post job "{\"date\":\"$today\",\"subject\":\"Rettelse\",\"text\":\"Det var søsteren\",\"corrects\":$first}")
[ "$got" = 200 ] || { echo "a correction: $got"; cat "$T/body"; exit 1; }
fix=$(jq -r .id "$T/body")
check 200 "the notes" -b "$T/job" "$B/cases/$course/journal?kind=note"
jq -e --arg r "note:$first" '.entries[] | select(.ref == $r) | .summary | test("corrected by the note of")' "$T/body" >/dev/null ||
    { echo "the old note does not say it was corrected"; cat "$T/body"; exit 1; }
jq -e --arg r "note:$fix" '.entries[] | select(.ref == $r) | .summary | test("^Correction of the note of")' "$T/body" >/dev/null ||
    { echo "the correction does not name the note"; cat "$T/body"; exit 1; }
# the old note is unchanged in the table
[ "$(sqlite3 "$db" "SELECT text FROM journal_note WHERE id = $first")" = "Borgeren ringede" ]
# the citizen may not read the staff's journal, nor write in it
check 403 "the citizen's own journal" -b "$T/borger" "$B/cases/$bcourse/journal"
got=$(post borger "{\"date\":\"$today\",\"subject\":\"Mig\",\"text\":\"x\"}" "$bcourse")
[ "$got" = 403 ] || { echo "a note by the citizen: $got"; exit 1; }
# audited: the writes and the reads
kill -TERM $pid
wait $pid 2>/dev/null || true
trap - EXIT
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'job' AND criterion = 'journalnotat' AND action = 'create'")" = 2 ] ||
    { echo "the two notes are not audited"; sqlite3 "$db" "SELECT actor, action, criterion FROM audit_log ORDER BY id DESC LIMIT 5"; exit 1; }
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'job' AND criterion = 'journal' AND action = 'read'")" -ge 3 ] ||
    { echo "the journal reads are not audited"; exit 1; }
