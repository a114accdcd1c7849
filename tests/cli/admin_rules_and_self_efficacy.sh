# Issue 13's last administration points over real HTTP on the demo world:
# the self-efficacy items' texts are a municipality setting (the
# administrator's home says they are missing; once entered, the
# measurement form shows them, and an item still empty says so); an
# administrator cannot deactivate themself or take their own role, the
# last active administrator stays, and a deactivated user can be
# reactivated but needs a new activation code.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 >/dev/null
port=$(( 20000 + ($$ * 13) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
H0="http://127.0.0.1:$port"
B="$H0/api/v1"
i=0
until curl -s -o /dev/null "$B/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
check() { # expected-code description curl-args...
    want=$1; what=$2; shift 2
    got=$(curl -s -o "$T/body" -w '%{http_code}' "$@")
    [ "$got" = "$want" ] || { echo "$what: expected $want, got $got"; cat "$T/body"; exit 1; }
}
login() { # user [password] -> cookie file $T/<user>, csrf in $T/<user>.csrf
    check 200 "log-in $1" -c "$T/$1" -X POST -d "{\"username\":\"$1\",\"password\":\"${2:-overgang-demo}\"}" "$B/session"
    sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$T/body" >"$T/$1.csrf"
}
post() { # want what user path body
    check "$1" "$2" -b "$T/$3" -H "X-CSRF-Token: $(cat "$T/$3.csrf")" \
        -H 'Content-Type: application/json' -X POST -d "$5" "$B$4"
}
login admin
login job

# ---- self-efficacy items ----
check 200 "the administrator's home" -b "$T/admin" "$H0/administration"
grep -q 'id="gse-missing"' "$T/body" || { echo "home: no word of the missing items"; exit 1; }
course=$(sqlite3 "$db" "SELECT min(c.id) FROM course c WHERE c.team_id IN (SELECT tm.team_id FROM team_member tm JOIN app_user u ON u.id = tm.user_id WHERE u.username = 'job') AND c.ended_on IS NULL")
check 200 "the measurement form" -b "$T/job" "$H0/forloeb/$course/maalinger"
grep -q 'Spørgsmål 1 (teksten er ikke indtastet i kommunens indstillinger)' "$T/body" ||
    { echo "form: no fallback for an empty item"; exit 1; }
post 400 "a text on two lines" admin /settings '{"gse_item2":"to\nlinjer"}'
grep -q 'gse_item2' "$T/body" || { echo "the error does not name the item"; cat "$T/body"; exit 1; }
body='{'
for n in 1 2 3 4 5 6 7 8 9; do body="$body\"gse_item$n\":\"Testudsagn nummer $n & <mere>\","; done
post 200 "nine item texts" admin /settings "${body%,}}"
check 200 "the settings" -b "$T/admin" "$B/settings"
jq -e '.settings.gse_item1 == "Testudsagn nummer 1 & <mere>" and .settings.gse_item10 == ""' "$T/body" >/dev/null ||
    { echo "settings: the texts are not read back"; cat "$T/body"; exit 1; }
jq -e '[.history[] | select(.field == "gse_item3" and .old == "" and .new == "Testudsagn nummer 3 & <mere>")] | length == 1' "$T/body" >/dev/null ||
    { echo "settings: no history row with old and new text"; exit 1; }
sqlite3 "$db" "SELECT criterion FROM audit_log WHERE criterion LIKE 'indstillinger for kommune 250%gse_item1 ændret%'" | grep -q . ||
    { echo "no audit row for the change"; exit 1; }
check 200 "the measurement form" -b "$T/job" "$H0/forloeb/$course/maalinger"
grep -q '1\. Testudsagn nummer 1 &amp; &lt;mere&gt;' "$T/body" || { echo "form: item 1 not shown (escaped)"; exit 1; }
grep -q '9\. Testudsagn nummer 9' "$T/body" || { echo "form: item 9 not shown"; exit 1; }
grep -q 'Spørgsmål 10 (teksten er ikke indtastet' "$T/body" || { echo "form: item 10 should say it is missing"; exit 1; }
if grep -q 'Spørgsmål 1 (teksten' "$T/body"; then echo "form: item 1 still missing"; exit 1; fi
check 200 "the administrator's home" -b "$T/admin" "$H0/administration"
grep -q '1 af de ti spørgsmål mangler tekst' "$T/body" || { echo "home: one item is missing"; exit 1; }
post 200 "the tenth" admin /settings '{"gse_item10":"Det tiende"}'
check 200 "the administrator's home" -b "$T/admin" "$H0/administration"
if grep -q 'id="gse-missing"' "$T/body"; then echo "home: items said missing when all are entered"; exit 1; fi

# ---- administrators ----
admin=$(sqlite3 "$db" "SELECT id FROM app_user WHERE username = 'admin'")
post 400 "deactivate oneself" admin "/users/$admin/deactivate" '{"confirm":"yes"}'
grep -q 'you cannot deactivate yourself; ask another administrator' "$T/body" || { cat "$T/body"; exit 1; }
post 400 "take one's own role" admin "/users/$admin" '{"full_name":"Admin","role":"leader"}'
grep -q 'your own administrator role; ask another administrator' "$T/body" || { cat "$T/body"; exit 1; }
# a second administrator may not demote the first... once the first is the
# last: make one, let it demote the first, then it is the last itself
post 200 "a second administrator" admin /users '{"username":"admin-b","full_name":"Birte Admin","role":"administrator"}'
b=$(jq -r .id "$T/body"); bcode=$(jq -r .activation_code "$T/body")
check 200 "activation" -H 'Content-Type: application/json' -X POST -d "{\"username\":\"admin-b\",\"activation_code\":\"$bcode\",\"password\":\"birte-password-1\"}" "$B/activate"
login admin-b birte-password-1
post 200 "the second demotes the first" admin-b "/users/$admin" '{"full_name":"Admin","role":"leader"}'
post 400 "the last administrator is not deactivated" admin-b "/users/$b/deactivate" '{"confirm":"yes"}'
grep -q 'you cannot deactivate yourself' "$T/body" || { cat "$T/body"; exit 1; }
# reactivation: job is deactivated, reactivated, and logs in only after a
# new code
jobid=$(sqlite3 "$db" "SELECT id FROM app_user WHERE username = 'job'")
post 400 "reactivate an active user" admin-b "/users/$jobid/reactivate" '{"confirm":"yes"}'
grep -q 'active already' "$T/body" || { cat "$T/body"; exit 1; }
post 200 "deactivate job" admin-b "/users/$jobid/deactivate" '{"confirm":"yes"}'
check 200 "the user page offers reactivation" -b "$T/admin-b" "$H0/administration/brugere/$jobid"
grep -q "/administration/brugere/$jobid/genaktiver" "$T/body" || { echo "no reactivation form"; exit 1; }
grep -q 'først med en ny aktiveringskode' "$T/body" || { echo "the page does not say a new code is needed"; exit 1; }
tonder=$(sqlite3 "$db" "SELECT id FROM app_user WHERE username = 'admin2'")
post 404 "another municipality's user" admin-b "/users/$tonder/reactivate" '{"confirm":"yes"}'
post 200 "reactivate job" admin-b "/users/$jobid/reactivate" '{"confirm":"yes"}'
check 401 "the old password no longer works" -H 'Content-Type: application/json' -X POST -d '{"username":"job","password":"overgang-demo"}' "$B/session"
post 200 "a new code" admin-b "/users/$jobid/reset" '{"confirm":"yes"}'
jcode=$(jq -r .activation_code "$T/body")
check 200 "job activates" -H 'Content-Type: application/json' -X POST -d "{\"username\":\"job\",\"activation_code\":\"$jcode\",\"password\":\"job-password-12\"}" "$B/activate"
login job job-password-12
sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE criterion = 'bruger genaktiveret, bruger $jobid'" | grep -qx 1 ||
    { echo "reactivation not audited"; exit 1; }
# the command line has no caller to refuse as "yourself": the rule of the
# last active administrator holds there too
set +e
"$OVERGANG" user deactivate --db "$db" --username admin-b >"$T/out" 2>"$T/err"
rc=$?
set -e
[ "$rc" -ne 0 ] && grep -q "last active administrator cannot be deactivated" "$T/err" ||
    { echo "CLI: the last administrator was deactivated ($rc)"; cat "$T/out" "$T/err"; exit 1; }
echo ok
