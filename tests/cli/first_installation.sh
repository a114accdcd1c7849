# The first-run path of a new installation, as README's "First
# installation" describes it: init, a municipality, the first
# administrator with a one-time code printed once, activation over HTTP,
# log-in; the administrator then creates a colleague through the API,
# deactivates them, and their session ends at once. The code is kept
# only as a hash.
. tests/cli/lib.inc
db="$T/new.db"
"$OVERGANG" init --db "$db" >/dev/null
expect_fail 2 'municipality: give add' "$OVERGANG" municipality --db "$db"
"$OVERGANG" municipality add --db "$db" --code 250 --name "Halsnæs" >"$T/m"
grep -q '^municipality 250: Halsnæs$' "$T/m"
expect_fail 2 'user add: give --full-name' \
    "$OVERGANG" user add --db "$db" --municipality 250 --username anna --role administrator
expect_fail 2 'role: an administrator gives' \
    "$OVERGANG" user add --db "$db" --municipality 250 --username nat \
    --full-name "Nat" --role national_analyst
"$OVERGANG" user add --db "$db" --municipality 250 --username anna \
    --full-name "Anna Jensen" --role administrator >"$T/add"
code=$(sed -n 's/^activation code for anna: \([A-Z0-9-]*\)$/\1/p' "$T/add")
[ ${#code} -eq 14 ] || { echo "no activation code printed"; cat "$T/add"; exit 1; }
# hash only: the code is nowhere in the database
if sqlite3 "$db" .dump | grep -q -e "$code" -e "$(echo "$code" | tr -d -)"; then
    echo "the activation code is stored in the clear"; exit 1
fi
"$OVERGANG" user list --db "$db" --municipality 250 | grep -q "anna.*code issued"

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
c() { curl -s -o "$T/body" -w '%{http_code}' -H 'Content-Type: application/json' "$@"; }
check() { want=$1; what=$2; shift 2; got=$(c "$@")
    [ "$got" = "$want" ] || { echo "$what: expected $want, got $got"; cat "$T/body"; exit 1; }; }
check 401 "no password yet" -X POST -d '{"username":"anna","password":"anna-password-1"}' "$B/session"
check 400 "a short password" -X POST -d "{\"username\":\"anna\",\"activation_code\":\"$code\",\"password\":\"short\"}" "$B/activate"
grep -q 'password: 10-256 characters' "$T/body"
check 400 "a wrong code" -X POST -d '{"username":"anna","activation_code":"2222-2222-2222","password":"anna-password-1"}' "$B/activate"
cp "$T/body" "$T/wrong1"
check 400 "a code for a user who does not exist" -X POST -d "{\"username\":\"ghost\",\"activation_code\":\"$code\",\"password\":\"anna-password-1\"}" "$B/activate"
cmp -s "$T/body" "$T/wrong1" || { echo "unknown user and wrong code answer differently"; cat "$T/body" "$T/wrong1"; exit 1; }
check 200 "activation" -X POST -d "{\"username\":\"anna\",\"activation_code\":\"$(echo "$code" | tr 'A-Z-' 'a-z ')\",\"password\":\"anna-password-1\"}" "$B/activate"
check 400 "the code works once" -X POST -d "{\"username\":\"anna\",\"activation_code\":\"$code\",\"password\":\"anna-password-2\"}" "$B/activate"
check 200 "log-in" -c "$T/anna" -X POST -d '{"username":"anna","password":"anna-password-1"}' "$B/session"
csrf=$(sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$T/body")
H="X-CSRF-Token: $csrf"
check 200 "a team" -b "$T/anna" -H "$H" -X POST -d '{"name":"Team Nord"}' "$B/teams"
team=$(sed 's/.*"id":\([0-9]*\).*/\1/' "$T/body")
check 200 "a colleague" -b "$T/anna" -H "$H" -X POST -d "{\"username\":\"bo\",\"full_name\":\"Bo Berg\",\"role\":\"cti_worker\",\"team_ids\":[$team],\"phone\":\"+45 12 34 56 78\",\"email\":\"bo@halsnaes.dk\"}" "$B/users"
bo=$(sed 's/.*"id":\([0-9]*\).*/\1/' "$T/body")
bocode=$(sed 's/.*"activation_code":"\([A-Z0-9-]*\)".*/\1/' "$T/body")
check 200 "Bo activates" -X POST -d "{\"username\":\"bo\",\"activation_code\":\"$bocode\",\"password\":\"bo-password-12\"}" "$B/activate"
check 200 "Bo logs in" -c "$T/bo" -X POST -d '{"username":"bo","password":"bo-password-12"}' "$B/session"
check 200 "Bo's tasks" -b "$T/bo" "$B/tasks"
check 200 "the users" -b "$T/anna" "$B/users"
grep -q '"username":"bo".*"team_ids":\['"$team"'\]' "$T/body"
check 400 "deactivation needs confirmation" -b "$T/anna" -H "$H" -X POST -d '{}' "$B/users/$bo/deactivate"
check 200 "deactivate Bo" -b "$T/anna" -H "$H" -X POST -d '{"confirm":"yes"}' "$B/users/$bo/deactivate"
check 401 "Bo's session ended" -b "$T/bo" "$B/tasks"
check 401 "Bo cannot log in" -X POST -d '{"username":"bo","password":"bo-password-12"}' "$B/session"
# a forgotten password: a new code from the command line
"$OVERGANG" user reset --db "$db" --username anna >"$T/reset"
grep -q '^activation code for anna: ' "$T/reset"
"$OVERGANG" user deactivate --db "$db" --username bo | grep -q 'deactivated'
