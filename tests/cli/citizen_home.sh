# The citizen's home over real HTTP on the demo world (issue 14 §1): the
# citizen lands on /mit-forloeb, which speaks plain words (no course
# number, no stage code); POST /api/v1/me/plan/comments records a comment
# on a version of their own plan ({"id"}) and refuses an empty text, a
# text too long, a missing "agrees" and a version their course does not
# have, each with an error naming the field and nothing written; staff
# may not post it (403); the team reads the comment on the plan page and
# in the journal; the citizen's access log says in words what happened
# (the "text" field); the citizen's calendar is their own course's and
# names no one.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 1 >/dev/null
port=$(( 20000 + ($$ * 13) % 20000 ))
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
post() { # user body -> status, body in $T/body
    code -b "$T/$1" -H "X-CSRF-Token: $(cat "$T/$1.csrf")" \
        -H 'Content-Type: application/json' -d "$2" "$B/me/plan/comments"
}
comments() { sqlite3 "$db" "SELECT count(*) FROM plan_comment"; }
login borger
login job
course=$(sqlite3 "$db" "SELECT max(c.id) FROM course c JOIN app_user u ON u.citizen_id = c.citizen_id WHERE u.username = 'borger'")
latest=$(sqlite3 "$db" "SELECT max(version) FROM plan_version WHERE course_id = $course")
# a version only another course's plan has
other=$(sqlite3 "$db" "SELECT max(version) FROM plan_version")
[ "$other" -gt "$latest" ] || other=$((latest + 7))
[ -n "$course" ] && [ -n "$latest" ] || { echo "demo: no plan for borger"; exit 1; }

# ---- the home: the citizen lands there, in words ----
got=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$T/borger" "$U/")
case "$got" in */mit-forloeb) ;; *) echo "home: the citizen goes to $got"; exit 1 ;; esac
check 200 "the citizen's home" -b "$T/borger" "$U/mit-forloeb"
for want in "Min plan" "Mit team" "Mine møder" "Min adgangslog" "Hent din plan som PDF" "Er du enig i planen?"; do
    grep -qF "$want" "$T/body" || { echo "home: '$want' missing"; exit 1; }
done
# no staff jargon: no course number, no stage code, no staff page but the PDF
if grep -qE "forløb $course\b|72 Point|>placement<|href=\"/forloeb/$course\"" "$T/body"; then
    echo "home: staff words or a staff page"; exit 1
fi
# the team with phone and e-mail
grep -q 'href="tel:' "$T/body" && grep -q 'href="mailto:' "$T/body" ||
    { echo "home: the team has no phone or e-mail"; exit 1; }
cp "$T/borger" "$T/borger.en"
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tov_lang\ten\n' >>"$T/borger.en"
check 200 "in English" -b "$T/borger.en" "$U/mit-forloeb"
grep -qF "My plan" "$T/body" || { echo "home: not in English"; exit 1; }

# ---- the comment: bad input, each naming its field, nothing written ----
before=$(comments)
[ "$(post borger "{\"version\":$latest,\"text\":\"   \",\"agrees\":false}")" = 400 ] &&
    jq -e '.error.field == "text"' "$T/body" >/dev/null || { echo "empty text"; cat "$T/body"; exit 1; }
long=$(head -c 2001 /dev/zero | tr '\0' 'x')
[ "$(post borger "{\"version\":$latest,\"text\":\"$long\",\"agrees\":false}")" = 400 ] &&
    jq -e '.error.field == "text" and (.error.message | test("2000"))' "$T/body" >/dev/null ||
    { echo "too long"; cat "$T/body"; exit 1; }
[ "$(post borger "{\"version\":$latest,\"text\":\"Uenig\"}")" = 400 ] &&
    jq -e '.error.field == "agrees"' "$T/body" >/dev/null || { echo "agrees missing"; cat "$T/body"; exit 1; }
[ "$(post borger "{\"version\":$latest,\"text\":\"Uenig\",\"agrees\":\"no\"}")" = 400 ] &&
    jq -e '.error.field == "agrees"' "$T/body" >/dev/null || { echo "agrees not a boolean"; cat "$T/body"; exit 1; }
[ "$(post borger "{\"version\":$other,\"text\":\"Uenig\",\"agrees\":false}")" = 404 ] &&
    jq -e '.error.field == "version" and (.error.message | test("no version"))' "$T/body" >/dev/null ||
    { echo "another course's version"; cat "$T/body"; exit 1; }
[ "$(post job "{\"version\":$latest,\"text\":\"Uenig\",\"agrees\":false}")" = 403 ] ||
    { echo "staff posted the citizen's comment"; cat "$T/body"; exit 1; }
[ "$(comments)" = "$before" ] || { echo "a refused comment was written"; exit 1; }

# ---- the comment recorded ----
[ "$(post borger "{\"version\":$latest,\"text\":\"Jeg vil hellere arbejde på et lager\",\"agrees\":false}")" = 200 ] &&
    jq -e '.id > 0' "$T/body" >/dev/null || { echo "the comment"; cat "$T/body"; exit 1; }
[ "$(comments)" = $((before + 1)) ] || { echo "the comment was not written"; exit 1; }
check 200 "the home again" -b "$T/borger" "$U/mit-forloeb"
grep -qF "Jeg vil hellere arbejde på et lager" "$T/body" || { echo "home: the comment is not shown"; exit 1; }

# ---- the team reads it ----
check 200 "the plan page" -b "$T/job" "$U/forloeb/$course/plan"
grep -qF "Jeg vil hellere arbejde på et lager" "$T/body" && grep -qF "Ikke enig" "$T/body" ||
    { echo "plan page: the comment is not shown"; exit 1; }
check 200 "the journal" -b "$T/job" "$B/cases/$course/journal?kind=plan_comment"
jq -e '[.entries[].summary] | any(test("Jeg vil hellere arbejde på et lager"))' "$T/body" >/dev/null ||
    { echo "journal: the comment is not listed"; cat "$T/body"; exit 1; }

# ---- the access log in words ----
check 200 "the access log" -b "$T/borger" "$B/me/access-log"
jq -e '[.access_log[] | has("text")] | all' "$T/body" >/dev/null || { echo "access log: no text"; exit 1; }
if jq -r '.access_log[].text' "$T/body" | grep -Eq "forløb [0-9]|/forloeb|\[alog"; then
    echo "access log: a course number, a route or a missing text"; jq -r '.access_log[].text' "$T/body"; exit 1
fi
check 200 "the access log page" -b "$T/borger" "$U/min-adgangslog"
grep -qE "(Du|You) (skrev|wrote) " "$T/body" || { echo "access log page: the comment in words missing"; exit 1; }
check 200 "the access log CSV" -b "$T/borger" "$U/min-adgangslog.csv"
grep -q "Hvad skete der" "$T/body" || { echo "CSV: no column in words"; exit 1; }

# ---- the citizen's calendar: their course, no name, no CPR number ----
check 200 "the citizen's calendar" -b "$T/borger" "$B/me/calendar.ics"
grep -q "BEGIN:VCALENDAR" "$T/body" || { echo "calendar: not iCalendar"; exit 1; }
grep -Eq "med dit team|with your team" "$T/body" || { echo "calendar: no meeting with the team"; cat "$T/body"; exit 1; }
if grep -Eq '[0-9]{6}-?[0-9]{4}' "$T/body"; then echo "calendar: a CPR number"; exit 1; fi
kill -TERM $pid
wait $pid 2>/dev/null || true
trap - EXIT
