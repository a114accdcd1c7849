# Numbers on the pages follow the reader's language over real HTTP on the
# demo world: the hours log of a placement ("12,8" / "12.8") and the hours
# fields it is prefilled with, and the match suggestions' points ("7,5/10"
# / "7.5/10"); an English page shows no Danish decimal comma in them.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ * 13) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
H="http://127.0.0.1:$port"
i=0
until curl -s -o /dev/null "$H/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
login() { # user -> cookie "name=value" in $T/<user>.cookie
    curl -s -o /dev/null -c "$T/$1.jar" -X POST \
        -d "{\"username\":\"$1\",\"password\":\"overgang-demo\"}" "$H/api/v1/session"
    awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) print $6 "=" $7 }' "$T/$1.jar" \
        >"$T/$1.cookie"
    [ -s "$T/$1.cookie" ] || { echo "log-in as $1 failed"; exit 1; }
}
check() { # user lang path: 200, body in $T/body
    got=$(curl -s -o "$T/body" -w '%{http_code}' \
        -H "Cookie: $(cat "$T/$1.cookie"); ov_lang=$2" "$H$3")
    [ "$got" = 200 ] || { echo "$1 GET $3 ($2): $got"; exit 1; }
}
has() { grep -qF -- "$1" "$T/body" || { echo "$2: no '$1' in the page"; exit 1; }; }
hasnt() { ! grep -qF -- "$1" "$T/body" || { echo "$2: '$1' in the page"; exit 1; }; }
login vk

# a Halsnæs placement whose hours log has a week with a decimal
p=$(sqlite3 "$db" "SELECT h.placement_id FROM hours_week h JOIN placement p
    ON p.id = h.placement_id JOIN course c ON c.id = p.course_id
    WHERE c.municipality_code = 250 AND h.internship_x10 % 10 <> 0
    ORDER BY h.placement_id LIMIT 1")
[ -n "$p" ] || { echo "the demo has no decimal hours"; exit 1; }
x10=$(sqlite3 "$db" "SELECT internship_x10 FROM hours_week
    WHERE placement_id = $p AND internship_x10 % 10 <> 0 LIMIT 1")
da="$((x10 / 10)),$((x10 % 10))"
en="$((x10 / 10)).$((x10 % 10))"
check vk en "/virksomhedsforloeb/$p"
has "<td>$en</td>" "the English hours log"
hasnt "<td>$da</td>" "the English hours log"
check vk da "/virksomhedsforloeb/$p"
has "<td>$da</td>" "the Danish hours log"
hasnt "<td>$en</td>" "the Danish hours log"

# the match suggestions of one of vk's courses: points out of a maximum
course=$(sqlite3 "$db" "SELECT p.course_id FROM placement p WHERE p.id = $p")
q="occupation=&wishes=&wanted_hours=15&postcode=3300&travel=anywhere"
check vk en "/forloeb/$course/match?$q"
grep -qE '<li>[0-9]+(\.[0-9])?/[0-9]+: ' "$T/body" ||
    { echo "the English suggestions show no points"; exit 1; }
! grep -qE '<li>[0-9]+,[0-9]/[0-9]+: ' "$T/body" ||
    { echo "a Danish decimal in the English points"; exit 1; }
check vk da "/forloeb/$course/match?$q"
grep -qE '<li>[0-9]+(,[0-9])?/[0-9]+: ' "$T/body" ||
    { echo "the Danish suggestions show no points"; exit 1; }
! grep -qE '<li>[0-9]+\.[0-9]/[0-9]+: ' "$T/body" ||
    { echo "an English decimal in the Danish points"; exit 1; }
echo ok
