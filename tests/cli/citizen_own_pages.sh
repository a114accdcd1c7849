# The citizen answers and downloads themselves (issue 14 section 1), over
# real HTTP on the demo world: the questionnaire API's contract and its
# errors (each names its field, nothing is written), the answer to a
# proposal as the citizen with a comment (another citizen's proposal is
# not found), the consultant's task, and "Mine data" as JSON and PDF,
# each download audited.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 1 >/dev/null
port=$(( 20000 + ($$ * 11) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
U="http://127.0.0.1:$port"
B="$U/api/v1"
i=0
until curl -s -o /dev/null "$B/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
code() { curl -s -o "$T/body" -w "%{http_code}" -H "Content-Type: application/json" "$@"; }
check() { # expected-code description curl-args...
    want=$1; what=$2; shift 2
    got=$(code "$@")
    [ "$got" = "$want" ] || { echo "$what: expected $want, got $got"; cat "$T/body"; exit 1; }
}
login() { # user -> cookie jar $T/<user>, token in $T/<user>.csrf
    check 200 "log-in $1" -c "$T/$1" -X POST -d "{\"username\":\"$1\",\"password\":\"overgang-demo\"}" "$B/session"
    sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$T/body" >"$T/$1.csrf"
}
login borger
login vk
login job
# the company consultant named on the citizen's course
cit=$(sqlite3 "$db" "SELECT citizen_id FROM app_user WHERE username = 'borger'")
course=$(sqlite3 "$db" "SELECT id FROM course WHERE citizen_id = $cit ORDER BY ended_on IS NOT NULL, id DESC LIMIT 1")
kc=$(sqlite3 "$db" "SELECT u.username FROM course_staff s JOIN app_user u ON u.id = s.user_id WHERE s.course_id = $course AND s.role = 'company_consultant'")
login "$kc"
cb="$(cat "$T/borger.csrf")"
today=$(date -u +%Y-%m-%d)
count() { sqlite3 "$db" "SELECT count(*) FROM measurement WHERE course_id = $course"; }
post_m() { # expected-code description body
    check "$1" "$2" -b "$T/borger" -H "X-CSRF-Token: $cb" -X POST -d "$3" "$B/me/measurements"
}

# ---- the questionnaire API: bad input names the field, writes nothing ----
before=$(count)
post_m 400 "wrong instrument" "{\"instrument\":\"phq9\",\"date\":\"$today\",\"items\":[1,2,3,4,5]}"
grep -q '"field":"instrument"' "$T/body"
post_m 400 "wrong item count" "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[1,2,3,4]}"
grep -q '"field":"items"' "$T/body"
grep -q 'who5 has 5 items; got 4' "$T/body"
post_m 400 "value out of range" "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[1,2,6,4,5]}"
grep -q '"field":"who5_item_3"' "$T/body"
grep -q 'question 3' "$T/body"
post_m 400 "item not a number" "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[1,\"2\",3,4,5]}"
grep -q '"field":"items"' "$T/body"
post_m 400 "bad date" '{"instrument":"who5","date":"22-13-2026","items":[1,2,3,4,5]}'
grep -q '"field":"date"' "$T/body"
post_m 400 "date in the future" '{"instrument":"who5","date":"2999-01-01","items":[1,2,3,4,5]}'
grep -q '"field":"date"' "$T/body"
post_m 400 "unknown field" "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[1,2,3,4,5],\"entered_by\":\"staff\"}"
grep -q '"field":"entered_by"' "$T/body"
post_m 400 "no JSON" 'instrument=who5'
[ "$(count)" = "$before" ] || { echo "bad input wrote a measurement"; exit 1; }
# in Danish, the error names the question
check 400 "Danish error" -b "$T/borger" -H "X-CSRF-Token: $cb" -H 'Accept-Language: da' \
    -X POST -d "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[1,2,6,4,5]}" "$B/me/measurements"

# ---- answered: {"id", "score"}, entered by the citizen; not twice ----
post_m 200 "WHO-5 answered" "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[3,3,3,3,2]}"
grep -q '"score":56' "$T/body" || { echo "score"; cat "$T/body"; exit 1; }
id=$(sed 's/.*"id":\([0-9]*\).*/\1/' "$T/body")
[ "$(sqlite3 "$db" "SELECT entered_by || ',' || score FROM measurement WHERE id = $id")" = "citizen,56" ]
post_m 409 "answered twice for the date" "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[1,1,1,1,1]}"
grep -q '"field":"date"' "$T/body"
grep -q 'already answered' "$T/body"
[ "$(count)" = "$((before + 1))" ] || { echo "the second answer was written"; exit 1; }
post_m 200 "readiness, rated by the citizen" "{\"instrument\":\"readiness\",\"date\":\"$today\",\"items\":[6]}"
rid=$(sed 's/.*"id":\([0-9]*\).*/\1/' "$T/body")
[ "$(sqlite3 "$db" "SELECT rater FROM measurement WHERE id = $rid")" = citizen ]
# the page shows the trajectory in words, with the points
check 200 "the questionnaire page" -b "$T/borger" "$U/mine-spoergeskemaer"
grep -q 'Din trivsel er \(steget\|faldet\) fra [0-9]* til 56\|Din trivsel er den samme som sidst: 56\|første gang, du svarer. Din trivsel er 56' "$T/body" \
    || { echo "no trajectory in words"; grep -i trivsel "$T/body"; exit 1; }
# staff use the course's pages: 403 on the citizen's own routes
check 403 "staff on the citizen's questionnaires" -b "$T/job" "$U/mine-spoergeskemaer"
check 403 "staff on the citizen's API" -b "$T/job" -H "X-CSRF-Token: $(cat "$T/job.csrf")" \
    -X POST -d "{\"instrument\":\"who5\",\"date\":\"$today\",\"items\":[1,1,1,1,1]}" "$B/me/measurements"
check 403 "staff on the citizen's export" -b "$T/job" "$B/me/export"

# ---- a proposal, answered by the citizen with a comment ----
opening=$(sqlite3 "$db" "SELECT o.id FROM opening o JOIN company k ON k.id = o.company_id JOIN course c ON c.municipality_code = k.municipality_code WHERE c.id = $course AND o.active = 1 ORDER BY o.id LIMIT 1")
check 200 "the consultant proposes" -b "$T/$kc" -H "X-CSRF-Token: $(cat "$T/$kc.csrf")" \
    -X POST -d "{\"opening_id\":$opening}" "$B/cases/$course/proposals"
prop=$(sqlite3 "$db" "SELECT max(id) FROM match_proposal WHERE course_id = $course")
other=$(sqlite3 "$db" "SELECT min(id) FROM match_proposal WHERE course_id <> $course")
check 404 "another citizen's proposal" -b "$T/borger" -H "X-CSRF-Token: $cb" \
    -X POST -d '{"answer":"yes"}' "$B/proposals/$other/answer"
[ "$(sqlite3 "$db" "SELECT count(*) FROM match_proposal WHERE id = $other AND answered_by = 'citizen'")" = 0 ]
check 200 "the proposals page" -b "$T/borger" "$U/mine-forslag"
grep -q "forslag-$prop" "$T/body"
check 200 "the citizen answers" -b "$T/borger" -H "X-CSRF-Token: $cb" \
    -X POST -d '{"answer":"no","comment":"Jeg har ikke bil, og bussen går for sjældent"}' "$B/proposals/$prop/answer"
[ "$(sqlite3 "$db" "SELECT answered_by || '|' || citizen_comment FROM match_proposal WHERE id = $prop")" = "citizen|Jeg har ikke bil, og bussen går for sjældent" ]
check 409 "answered twice" -b "$T/borger" -H "X-CSRF-Token: $cb" \
    -X POST -d '{"answer":"yes"}' "$B/proposals/$prop/answer"
# the consultant: a task linking to the match page; the comment on it
check 200 "the consultant's tasks" -b "$T/$kc" "$B/tasks"
grep -q '"kind":"proposal_answered"' "$T/body" || { echo "no task"; cat "$T/body"; exit 1; }
grep -q "/forloeb/$course/match" "$T/body"
check 200 "the match page" -b "$T/$kc" "$U/forloeb/$course/match"
grep -q 'Jeg har ikke bil, og bussen går for sjældent' "$T/body"
check 200 "the journal" -b "$T/$kc" "$U/forloeb/$course/journal"
grep -q 'Jeg har ikke bil, og bussen går for sjældent' "$T/body"

# ---- Mine data: JSON and PDF, each download audited ----
exports() { sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE citizen_id = $cit AND action = 'export' AND purpose = 'Du hentede dine data'"; }
e0=$(exports)
check 200 "the JSON export" -b "$T/borger" "$B/me/export"
python3 -c "
import json, sys
d = json.load(open('$T/body'))
assert d['format'] == 'overgang-citizen-export', d.get('format')
for s in ('courses', 'plan_versions', 'meetings', 'measurements', 'proposals', 'placements', 'agreement_versions', 'signoffs', 'hours', 'cti_contacts', 'journal_notes', 'access_log'):
    assert 'items' in d[s] and 'total' in d[s] and 'truncated' in d[s], s
assert any(p.get('comment') == 'Jeg har ikke bil, og bussen går for sjældent' for p in d['proposals']['items'])
assert any(a['action'] == 'export' and a['purpose'] == 'Du hentede dine data' for a in d['access_log']['items'])
text = json.dumps(d)
for secret in ('password', 'token', 'activation', 'cpr_hash', 'csrf'):
    assert secret not in text.lower(), secret
" || { echo "the JSON export is wrong"; exit 1; }
# no other citizen: only the citizen's own course ids
python3 -c "
import json
d = json.load(open('$T/body'))
ids = {c['id'] for c in d['courses']['items']}
assert ids and all(r['course_id'] in ids for s in ('measurements', 'proposals', 'placements', 'meetings') for r in d[s]['items'])
"
check 200 "the PDF export" -b "$T/borger" "$B/me/export.pdf"
head -c 5 "$T/body" | grep -q '%PDF-'
pdftotext "$T/body" "$T/pdf.txt"
name=$(sqlite3 "$db" "SELECT full_name FROM citizen WHERE id = $cit")
grep -qF "$name" "$T/pdf.txt" || { echo "the PDF lacks the citizen's name"; exit 1; }
grep -q 'Din adgangslog' "$T/pdf.txt"
grep -q 'Du hentede dine data' "$T/pdf.txt"
[ "$(exports)" = "$((e0 + 2))" ] || { echo "the downloads were not audited"; exit 1; }
# the download shows in their own access log
check 200 "own access log" -b "$T/borger" "$U/min-adgangslog"
grep -q 'hentede en kopi af' "$T/body"
kill -TERM $pid
wait $pid
trap - EXIT
