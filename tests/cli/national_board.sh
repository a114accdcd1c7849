# The national analyst's board over real HTTP on the demo world (Halsnæs
# and Tønder): the national analyst starts at /national; the API gives
# both municipalities and a national total whose shares add up; a figure
# built on fewer than k citizens (the setting suppress_k) is null with
# "suppressed": true, and the other municipality's is hidden with it, so
# the shown total does not give it away; no page or answer holds a name
# or a CPR number of a demo citizen; bad input answers 400 naming the
# field; every other role gets 403.
. tests/cli/lib.inc
O="$OVERGANG"
"$O" demo --db "$T/d.db" --seed 1 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ + 7) % 20000 ))
pid=
start() { # start K: a server with suppress_k K
    OVERGANG_SUPPRESS_K=$1 "$O" serve --db "$T/d.db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
    pid=$!
    i=0
    until curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health"; do
        i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; cat "$T/serve.log"; kill $pid; exit 1; }
        sleep 0.1
    done
}
stop() { kill -TERM $pid; wait $pid; }
login() { # login USER: the cookie jar $T/USER.jar
    curl -s -c "$T/$1.jar" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"overgang-demo\"}" \
        "http://127.0.0.1:$port/api/v1/session" >/dev/null
}
get() { # get USER PATH OUT: prints the status
    curl -s -b "$T/$1.jar" -o "$3" -w '%{http_code}' "http://127.0.0.1:$port$2"
}
fail() { echo "$*"; stop; exit 1; }
Q="from=2025-12-01&to=2026-11-30"

start 5
login national
[ "$(get national / "$T/h")" = 303 ] || fail "home did not redirect"
curl -s -b "$T/national.jar" -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$port/" | grep -q '/national$' || fail "home is not /national"
[ "$(get national "/national?$Q" "$T/page.html")" = 200 ] || fail "page"
grep -q 'Hele landet' "$T/page.html" || fail "no national total on the page"
grep -q 'Udrulning' "$T/page.html" || fail "no rollout on the page"
grep -q '<a href="/forloeb' "$T/page.html" && fail "the page links to a course"
[ "$(get national "/api/v1/national/indicators?$Q" "$T/a5.json")" = 200 ] || fail "api"
[ "$(jq '.municipalities | length' "$T/a5.json")" = 2 ] || fail "not two municipalities"
[ "$(jq -r '[.municipalities[].name] | join(",")' "$T/a5.json")" = "Halsnæs,Tønder" ] || fail "names"
[ "$(jq '.total.indicators | length' "$T/a5.json")" = 34 ] || fail "not 34 indicators"
# the total of a share is the sum of the municipalities' parts
for id in start_meeting_complete agreement_signed followup_joint ended; do
    sum=$(jq "[.municipalities[].indicators[] | select(.id == \"$id\") | .numerator] | add" "$T/a5.json")
    tot=$(jq ".total.indicators[] | select(.id == \"$id\") | .numerator" "$T/a5.json")
    [ "$sum" = "$tot" ] || fail "$id: total numerator $tot, sum $sum"
done
# no person: no demo citizen's name and nothing shaped like a CPR number
sqlite3 "$T/d.db" "SELECT full_name FROM citizen" >"$T/names"
[ "$(wc -l <"$T/names")" -gt 100 ] || fail "too few demo names"
curl -s -b "$T/national.jar" -c "$T/en.jar" -o /dev/null "http://127.0.0.1:$port/sprog?l=en"
curl -s -b "$T/en.jar" -o "$T/page_en.html" "http://127.0.0.1:$port/national?$Q"
grep -q 'National total' "$T/page_en.html" || fail "no English page"
for f in page.html page_en.html a5.json; do
    grep -F -f "$T/names" "$T/$f" && fail "$f names a citizen"
    # (not inside a hexadecimal token, as the CSRF token is)
    grep -E '(^|[^0-9a-f])[0-9]{6}-?[0-9]{4}([^0-9a-f]|$)' "$T/$f" && fail "$f holds a CPR-shaped number"
done
# bad input: 400 naming the field, in the API and on the page
[ "$(get national "/api/v1/national/indicators?from=2026-05-01&to=2026-01-01" "$T/b")" = 400 ] || fail "to before from"
grep -q '"field":"to"' "$T/b" || fail "the error does not name 'to'"
[ "$(get national "/api/v1/national/indicators?from=2026-13-01" "$T/b")" = 400 ] || fail "bad date"
grep -q '"field":"from"' "$T/b" || fail "the error does not name 'from'"
[ "$(get national "/national?from=2026-05-01&to=2026-01-01" "$T/b")" = 400 ] || fail "page: to before from"
# every other role: 403
for u in job social cti vk leder admin borger arbejdsgiver; do
    login $u
    [ "$(get $u "/api/v1/national/indicators?$Q" "$T/b")" = 403 ] || fail "$u may read the national API"
    [ "$(get $u "/national" "$T/b")" = 403 ] || fail "$u may read the national page"
done
stop

# suppression: the courses that ended in the period, a count, differ
# between the two municipalities; with k between them, the smaller is
# hidden for being small and the larger so that the shown total does not
# give the smaller away
a=$(jq '.municipalities[0].indicators[] | select(.id == "ended") | .value' "$T/a5.json")
b=$(jq '.municipalities[1].indicators[] | select(.id == "ended") | .value' "$T/a5.json")
[ "$a" != "$b" ] && [ "$a" -ge 5 ] && [ "$b" -ge 5 ] || { echo "ended: $a and $b"; exit 1; }
k=$(( a > b ? a : b ))
start $k
login national
[ "$(get national "/api/v1/national/indicators?$Q" "$T/ak.json")" = 200 ] || fail "api k=$k"
[ "$(jq .k "$T/ak.json")" = "$k" ] || fail "k is not $k"
for m in 0 1; do
    [ "$(jq -c ".municipalities[$m].indicators[] | select(.id == \"ended\") | [.value, .numerator, .denominator, .suppressed, .status]" "$T/ak.json")" = '[null,null,null,true,"none"]' ] ||
        fail "municipality $m: ended is not suppressed"
done
[ "$(jq '.total.indicators[] | select(.id == "ended") | .value' "$T/ak.json")" = "$((a + b))" ] || fail "the total is hidden too"
# in no column is exactly one municipality hidden while the total shows
n=$(jq '[.total.indicators | to_entries[] | .key as $i | select(.value.suppressed | not)
        | select(([$all.municipalities[].indicators[$i].suppressed] | map(select(.)) | length) == 1)] | length' \
    --argjson all "$(cat "$T/ak.json")" "$T/ak.json")
[ "$n" = 0 ] || fail "$n indicators hide one municipality beside a shown total"
grep -q '"value":null' "$T/ak.json" || fail "nothing suppressed at k=$k"
[ "$(get national "/national?$Q" "$T/pk.html")" = 200 ] || fail "page k=$k"
grep -q "&lt;$k" "$T/pk.html" || fail "the page does not show <$k"
stop
