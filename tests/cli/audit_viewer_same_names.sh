# The audit viewer's citizen filter tells two citizens of the same name
# apart (issue 14): each is listed with the birth date from the CPR
# number and the start of their course, in Danish and English, and
# neither CPR number is printed in full.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
cat >"$T/two.csv" <<'CSV'
cpr;name;activity_ready;months_unemployed;declined
170369-4417;Agnete Tvillingsen;ja;24;nej
020485-3018;Agnete Tvillingsen;ja;24;nej
CSV
"$OVERGANG" screening import --db "$db" --municipality 250 --file "$T/two.csv" \
    --reference-date 2026-11-01 >/dev/null
# each of them on a course of Halsnæs, started on different days
ids=$(sqlite3 "$db" "SELECT id FROM citizen WHERE full_name = 'Agnete Tvillingsen' ORDER BY birth_date")
a=$(echo "$ids" | sed -n 1p); b=$(echo "$ids" | sed -n 2p)
[ -n "$a" ] && [ -n "$b" ] && [ "$a" != "$b" ] || { echo "two citizens expected: $ids"; exit 1; }
courses=$(sqlite3 "$db" "SELECT id FROM course WHERE municipality_code = 250 ORDER BY id DESC LIMIT 2")
ca=$(echo "$courses" | sed -n 1p); cb=$(echo "$courses" | sed -n 2p)
sqlite3 "$db" "UPDATE course SET citizen_id = $a, started_on = '2026-03-02' WHERE id = $ca;
UPDATE course SET citizen_id = $b, started_on = '2026-05-04' WHERE id = $cb"
port=$(( 20000 + ($$ * 19) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" >"$T/serve.out" 2>"$T/serve.log" &
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
filter() { # language: the filter by the shared name, the "rows about" line
    curl -s -b "$T/jar" -b "ov_lang=$1" -o "$T/body" -w '%{http_code}' -X POST \
        --data-urlencode "csrf=$csrf" --data-urlencode "q=Agnete Tvillingsen" "$H/revision" >"$T/code"
    [ "$(cat "$T/code")" = 200 ] || { echo "$1: status $(cat "$T/code")"; exit 1; }
    grep -o '<p id="audit-who">[^<]*</p>' "$T/body"
}
who=$(filter da)
echo "$who" | grep -qF 'Agnete Tvillingsen (født 17-03-1969, forløb fra 02-03-2026)' ||
    { echo "da: the first is not told apart: $who"; exit 1; }
echo "$who" | grep -qF 'Agnete Tvillingsen (født 02-04-1985, forløb fra 04-05-2026)' ||
    { echo "da: the second is not told apart: $who"; exit 1; }
who=$(filter en)
echo "$who" | grep -qF 'Agnete Tvillingsen (born 17-03-1969, course from 02-03-2026)' ||
    { echo "en: the first is not told apart: $who"; exit 1; }
echo "$who" | grep -qF 'Agnete Tvillingsen (born 02-04-1985, course from 04-05-2026)' ||
    { echo "en: the second is not told apart: $who"; exit 1; }
# no CPR number in full, in any form
if grep -q -e '170369-4417' -e '1703694417' -e '020485-3018' -e '0204853018' "$T/body" "$T/serve.log" "$T/serve.out"; then
    echo "a CPR number was printed"; exit 1
fi
echo ok
