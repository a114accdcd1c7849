# A search by CPR number over real HTTP: the citizen is found (the API's
# GET, the header box's POST, a GET of the page), and the number is in no
# address the pages give, no answer that echoes it, no line of the server's
# log (at debug level) and no row or journal line of the audit log, which
# says "søgning på CPR-nummer" instead.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
# a citizen with a known number on a course of job's team (the demo's
# numbers are random): imported, then given the team's newest course
cat >"$T/one.csv" <<'CSV'
cpr;name;activity_ready;months_unemployed;declined
170369-4417;Zakarias Østergård;ja;24;nej
CSV
"$OVERGANG" screening import --db "$db" --municipality 250 --file "$T/one.csv" \
    --reference-date 2026-11-01 >/dev/null
zid=$(sqlite3 "$db" "SELECT id FROM citizen WHERE full_name = 'Zakarias Østergård'")
cid=$(sqlite3 "$db" "SELECT max(c.id) FROM course c JOIN team_member m ON m.team_id = c.team_id JOIN app_user u ON u.id = m.user_id WHERE u.username = 'job'")
sqlite3 "$db" "UPDATE course SET citizen_id = $zid WHERE id = $cid"
port=$(( 20000 + ($$ * 11) % 20000 ))
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
csrf=$(curl -s -c "$T/jar" -X POST -d '{"username":"job","password":"overgang-demo"}' \
    "$H/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/')
code() { curl -s -b "$T/jar" -D "$T/headers" -o "$T/body" -w '%{http_code}' "$@"; }
check() { # expected-code description curl-args...
    want=$1; what=$2; shift 2
    got=$(code "$@")
    [ "$got" = "$want" ] || { echo "$what: expected $want, got $got"; cat "$T/body"; exit 1; }
    cat "$T/headers" "$T/body" >>"$T/answers"
}
# the API (the contract's GET), with and without the dash
check 200 "API search by CPR" "$H/api/v1/citizens?q=170369-4417"
grep -q "\"course_id\":$cid" "$T/body" || { echo "API: not found"; cat "$T/body"; exit 1; }
grep -q '"total":1,"truncated":false' "$T/body" || { cat "$T/body"; exit 1; }
check 200 "API search without the dash" "$H/api/v1/citizens?q=1703694417"
grep -q "Zakarias" "$T/body"
# part of a number, and a number that is no date: 400, not repeated
check 400 "API search by part of a number" "$H/api/v1/citizens?q=170369"
check 400 "API search by ten digits that are no date" "$H/api/v1/citizens?q=3213694417"
# the header's box: a POST with the number in the body
check 200 "the search page without a query" "$H/soeg"
grep -q '<form class="search" role="search" method="post" action="/soeg">' "$T/body" ||
    { echo "no search box in the header"; exit 1; }
check 200 "search box POST" -X POST --data-urlencode "csrf=$csrf" \
    --data-urlencode "q=170369-4417" "$H/soeg"
grep -q "href=\"/forloeb/$cid\">Zakarias Østergård</a>" "$T/body" ||
    { echo "POST: not found"; cat "$T/body"; exit 1; }
grep -q 'value=""' "$T/body" || { echo "the number is shown in the box again"; exit 1; }
check 400 "search box POST of part of a number" -X POST --data-urlencode "csrf=$csrf" \
    --data-urlencode "q=170369" "$H/soeg"
check 200 "a GET of the page with a number" "$H/soeg?q=170369-4417"
grep -q "Zakarias" "$T/body"
# a name in either spelling finds him too
check 200 "name search" "$H/api/v1/citizens?q=oestergaard"
grep -q "Zakarias" "$T/body"
check 200 "name search, base letters" "$H/api/v1/citizens?q=ostergard%20zak"
grep -q "Zakarias" "$T/body"
# a session that expired or none: back to the log-in without the query
got=$(curl -s -o /dev/null -D "$T/h401" -w '%{http_code}' "$H/soeg?q=170369-4417")
[ "$got" = 303 ] || { echo "no session: $got"; exit 1; }
if grep -i '^location:' "$T/h401" | grep -q 170369; then
    echo "the number went into the log-in redirect"; exit 1
fi
# stop: the journal folds into the log
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT
for digits in 170369 4417 1703694417; do
    if grep -q -- "$digits" "$T/answers"; then
        echo "an answer repeats $digits"; grep -n -- "$digits" "$T/answers" | head; exit 1
    fi
    if grep -q -- "$digits" "$T/serve.log" "$T/serve.out"; then
        echo "the server log holds $digits"; grep -- "$digits" "$T/serve.log"; exit 1
    fi
    n=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE coalesce(criterion,'') || coalesce(purpose,'') || coalesce(actor,'') LIKE '%$digits%'")
    [ "$n" = 0 ] || { echo "the audit log holds $digits"; exit 1; }
    for j in "$db-audit" "$db-audit2"; do
        if [ -f "$j" ] && grep -aq -- "$digits" "$j"; then
            echo "the audit journal holds $digits"; exit 1
        fi
    done
done
# the log was written (the test would pass on an empty one otherwise)
grep -q "serving on" "$T/serve.log" "$T/serve.out"
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE citizen_id = $zid AND criterion = 'søgning på CPR-nummer' AND actor = 'job'")" -ge 1 ] ||
    { echo "no audit row for the CPR search"; sqlite3 "$db" "SELECT * FROM audit_log WHERE citizen_id = $zid"; exit 1; }
[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE criterion = 'søgning på navn' AND citizen_id = $zid")" -ge 1 ]
