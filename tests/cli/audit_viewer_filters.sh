# The audit viewer over real HTTP (issue 13 section 6): it says "Viser de
# nyeste 500 af N" (never a literal "%1"), pages to older rows through a
# cursor (a POSTed form on the page, ?before= in the API), and filters by
# a citizen's name or CPR number through the search's keyed look-up: the
# number is sent in the body, never echoed in the page, and the page
# shows names, no internal ids.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
cat >"$T/one.csv" <<'CSV'
cpr;name;activity_ready;months_unemployed;declined
170369-4417;Zakarias Østergård;ja;24;nej
CSV
"$OVERGANG" screening import --db "$db" --municipality 250 --file "$T/one.csv" \
    --reference-date 2026-11-01 >/dev/null
zid=$(sqlite3 "$db" "SELECT id FROM citizen WHERE full_name = 'Zakarias Østergård'")
cid=$(sqlite3 "$db" "SELECT max(id) FROM course WHERE municipality_code = 250")
sqlite3 "$db" "UPDATE course SET citizen_id = $zid WHERE id = $cid"
port=$(( 20000 + ($$ * 17) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" --log-level debug \
    >"$T/serve.out" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
H="http://127.0.0.1:$port"
i=0
until curl -s -o /dev/null "$H/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
csrf=$(curl -s -c "$T/jar" -X POST -d '{"username":"leder","password":"overgang-demo"}' \
    "$H/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
check() { # expected-code description curl-args...
    want=$1; what=$2; shift 2
    got=$(curl -s -b "$T/jar" -o "$T/body" -w '%{http_code}' "$@")
    [ "$got" = "$want" ] || { echo "$what: expected $want, got $got"; cat "$T/body"; exit 1; }
    cat "$T/body" >>"$T/answers"
}
# a visit by job to Zakarias's course, so the log has a row about him
jcsrf=$(curl -s -c "$T/jjar" -X POST -d '{"username":"job","password":"overgang-demo"}' \
    "$H/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
curl -s -b "$T/jjar" -o /dev/null "$H/forloeb/$cid"

check 200 "the audit viewer" "$H/revision"
grep -Eq 'Viser de nyeste 500 af [0-9.]+' "$T/body" || { echo "no 'newest 500 of N'"; exit 1; }
if grep -q '%1\|%2' "$T/body"; then echo "a literal %1 on the page"; exit 1; fi
grep -q '<form method="post" action="/revision"' "$T/body" || { echo "the filter does not POST"; exit 1; }
grep -q 'name="before" value="[0-9]*"' "$T/body" || { echo "no older-rows form"; exit 1; }
grep -q 'Vis ældre rækker' "$T/body" || { echo "no older-rows button"; exit 1; }
if grep -q 'href="/revision?citizen=' "$T/body"; then echo "an internal citizen id in a link"; exit 1; fi
before=$(sed -n 's/.*name="before" value="\([0-9]*\)".*/\1/p' "$T/body" | head -1)
# older rows: every id below the cursor, and the cursor moves on
check 200 "older rows (page)" -X POST --data-urlencode "csrf=$csrf" --data-urlencode "before=$before" "$H/revision"
grep -q 'Ældre rækker' "$T/body" || { echo "older page not said"; exit 1; }
check 200 "older rows (API)" "$H/api/v1/audit?before=$before"
jq -e --argjson b "$before" '(.audit | length) > 0 and ([.audit[].id] | all(. < $b))' "$T/body" >/dev/null ||
    { echo "API: rows not older than the cursor"; head -c 300 "$T/body"; exit 1; }
check 200 "newest (API)" "$H/api/v1/audit"
newest=$(jq '.audit[0].id' "$T/body"); all=$(jq .total "$T/body")
check 200 "older rows total (API)" "$H/api/v1/audit?before=$before"
older=$(jq .total "$T/body")
[ "$older" -lt "$all" ] && [ "$older" -gt 0 ] || { echo "older total $older of $all"; exit 1; }
# by CPR number, in the body: rows about Zakarias only, his name shown,
# the number nowhere in the answer or the server's log
check 200 "filter by CPR" -X POST --data-urlencode "csrf=$csrf" --data-urlencode "q=170369-4417" "$H/revision"
grep -q 'Rækker om borgeren med CPR-nummeret: Zakarias Østergård' "$T/body" || { echo "CPR filter: not found"; exit 1; }
grep -q '<td>Zakarias Østergård</td>' "$T/body" || { echo "CPR filter: no row about him"; exit 1; }
names=$(grep -o '<tr><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td>' "$T/body" | sed 's/.*<td>\([^<]*\)<\/td>$/\1/' | sort -u)
[ "$names" = "Zakarias Østergård" ] || { echo "CPR filter: rows about others: $names"; exit 1; }
check 200 "filter by CPR (API)" "$H/api/v1/audit?q=1703694417"
jq -e --argjson z "$zid" '(.audit | length) > 0 and ([.audit[].citizen_id] | all(. == $z))' "$T/body" >/dev/null ||
    { echo "API CPR filter"; head -c 300 "$T/body"; exit 1; }
# by name, any part, accents ignored
check 200 "filter by name" -X POST --data-urlencode "csrf=$csrf" --data-urlencode "q=ostergard" "$H/revision"
grep -q 'Rækker om: Zakarias Østergård' "$T/body" || { echo "name filter: not found"; exit 1; }
grep -q 'value="ostergard"' "$T/body" || { echo "the name is not kept in the box"; exit 1; }
check 200 "a name nobody has" -X POST --data-urlencode "csrf=$csrf" --data-urlencode "q=Xyzzyqwerty" "$H/revision"
grep -q 'Ingen borger passer til søgningen' "$T/body" || { echo "no citizen: not said"; exit 1; }
check 400 "part of a CPR number" -X POST --data-urlencode "csrf=$csrf" --data-urlencode "q=170369" "$H/revision"
grep -q 'Et CPR-nummer søges helt' "$T/body" || { echo "part of a number: no error by the field"; exit 1; }
check 403 "without the form's token" -X POST --data-urlencode "q=ostergard" "$H/revision"
# the number is in no answer and no log line
if grep -q -e '170369-4417' -e '1703694417' "$T/answers" "$T/serve.log" "$T/serve.out"; then
    echo "the CPR number was echoed or logged"; exit 1
fi
# a caseworker has no audit viewer
got=$(curl -s -b "$T/jjar" -o /dev/null -w '%{http_code}' -X POST --data-urlencode "csrf=$jcsrf" --data-urlencode "q=ostergard" "$H/revision")
[ "$got" = 403 ] || { echo "caseworker: $got"; exit 1; }
echo ok
