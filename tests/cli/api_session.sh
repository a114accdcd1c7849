# The fixed API contract over real HTTP on the demo world: log-in, cases
# the caller may see, 404 for others, CSRF on state changes, log-out.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ * 7) % 20000 ))
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
check 401 "cases without a session" "$B/cases"
check 401 "one case without a session" "$B/cases/1"
check 401 "the API document without a session" "$B/openapi.json"
check 401 "wrong password" -X POST -d '{"username":"job","password":"nope-nope"}' "$B/session"
grep -q '"code":"unauthorized"' "$T/body"
check 401 "unknown user" -X POST -d '{"username":"ghost","password":"overgang-demo"}' "$B/session"
check 400 "malformed JSON" -X POST -d '{"username":' "$B/session"
check 400 "unknown field" -X POST -d '{"username":"job","password":"overgang-demo","admin":true}' "$B/session"
grep -q "unknown field 'admin'" "$T/body"
check 400 "wrong type" -X POST -d '{"username":"job","password":5}' "$B/session"
check 200 "log-in" -c "$T/job" -X POST -d '{"username":"job","password":"overgang-demo"}' "$B/session"
csrf=$(sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$T/body")
[ ${#csrf} -eq 64 ] || { echo "no csrf token"; cat "$T/body"; exit 1; }
# the cookie: HttpOnly (curl marks it #HttpOnly_), not Secure without TLS
grep -q '^#HttpOnly_127.0.0.1' "$T/job" || { echo "cookie not HttpOnly"; cat "$T/job"; exit 1; }
# the page header names the user by their full name, not the log-in name
full=$(sqlite3 "$db" "SELECT full_name FROM app_user WHERE username = 'job'")
[ -n "$full" ] && [ "$full" != job ] || { echo "demo user job has no full name"; exit 1; }
check 200 "Mine opgaver" -b "$T/job" "http://127.0.0.1:$port/opgaver"
grep -q "<span class=\"who-name\">$full</span>" "$T/body" ||
    { echo "the header does not show '$full'"; grep -o '<div class="who">[^/]*' "$T/body"; exit 1; }
check 200 "cases" -b "$T/job" "$B/cases"
grep -q '"cases":\[{"id":' "$T/body"
mine=$(sed 's/^{"cases":\[{"id":\([0-9]*\).*/\1/' "$T/body")
check 200 "own team's case" -b "$T/job" "$B/cases/$mine"
grep -q '"municipality_code":250' "$T/body"
other=$(sqlite3 "$db" "SELECT min(id) FROM course WHERE municipality_code = 550")
check 404 "another municipality's case" -b "$T/job" "$B/cases/$other"
check 404 "a case that does not exist" -b "$T/job" "$B/cases/999999"
check 404 "a malformed id" -b "$T/job" "$B/cases/abc"
# reading a case wrote an audit row naming the course as purpose: on disk
# in the read-audit journal before the answer came, and in audit_log once
# the server has folded the journal (within a second)
rows() { sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'job' AND purpose = 'forløb $mine' AND action = 'read'"; }
# (audit_log again last: the fold may move the row out of the journal
# between the first two looks)
[ "$(rows)" -ge 1 ] || cat "$db-audit" "$db-audit2" 2>/dev/null |
    grep -aq "forløb $mine" || [ "$(rows)" -ge 1 ] ||
    { echo "the read is neither in audit_log nor in the journal"; exit 1; }
i=0
until [ "$(rows)" -ge 1 ]; do
    i=$((i + 1))
    [ "$i" -le 50 ] || { echo "no audit row for the read after 5 s"; exit 1; }
    sleep 0.1
done
check 200 "the API document" -b "$T/job" "$B/openapi.json"
grep -q '"openapi":"3.0.3"' "$T/body"
grep -q '"/api/v1/cases/{id}"' "$T/body"
# the national analyst sees no person-level data; a citizen only their own
check 200 "national log-in" -c "$T/nat" -X POST -d '{"username":"national","password":"overgang-demo"}' "$B/session"
check 403 "national cases" -b "$T/nat" "$B/cases"
check 200 "citizen log-in" -c "$T/cit" -X POST -d '{"username":"borger","password":"overgang-demo"}' "$B/session"
check 200 "citizen cases" -b "$T/cit" "$B/cases"
[ "$(grep -o '"id":' "$T/body" | wc -l)" -eq 1 ] || { echo "citizen sees more than one course"; cat "$T/body"; exit 1; }
own=$(sed 's/^{"cases":\[{"id":\([0-9]*\).*/\1/' "$T/body")
check 404 "citizen opens another course" -b "$T/cit" "$B/cases/$mine"
check 403 "staff have no own access log" -b "$T/job" "$B/me/access-log"
# a leader reads the citizen's course; the citizen sees when, who and why
check 200 "leader log-in" -c "$T/led" -X POST -d '{"username":"leder","password":"overgang-demo"}' "$B/session"
check 200 "leader reads the citizen's course" -b "$T/led" "$B/cases/$own"
check 200 "the citizen's access log" -b "$T/cit" "$B/me/access-log"
grep -q "{\"when\":\"[0-9][0-9]-[0-9][0-9]-20[0-9][0-9] [0-9][0-9]:[0-9][0-9]\",\"role\":\"Leder\",\"action\":\"read\",\"purpose\":\"forløb $own\",\"text\":\"Leader read your records in connection with your course\"}" "$T/body" || { echo "access log lacks the leader's read"; head -c 600 "$T/body"; exit 1; }
# log-out needs the CSRF token
check 403 "log-out without CSRF" -b "$T/job" -X DELETE "$B/session"
check 403 "log-out with a wrong CSRF" -b "$T/job" -H "X-CSRF-Token: $(printf '%064d' 0)" -X DELETE "$B/session"
check 200 "log-out" -b "$T/job" -H "X-CSRF-Token: $csrf" -X DELETE "$B/session"
check 401 "cases after log-out" -b "$T/job" "$B/cases"
# only the token's hash is stored
tok=$(awk '$6 == "ov_session" {print $7}' "$T/cit")
[ -n "$tok" ]
sqlite3 "$db" .dump | grep -q "$tok" && { echo "a session token is stored in clear"; exit 1; }
grep -q "failed log-in for user 'job'" "$T/serve.log"
kill -TERM $pid
wait $pid
trap - EXIT
