# overgang demo --scale N builds N times the world (citizens, courses,
# teams, companies) with full histories, keeps the demo log-ins on a team
# with a realistic caseload, and refuses a scale outside 1-200.
. tests/cli/lib.inc
"$OVERGANG" demo --db "$T/one.db" --seed 3 --today 2026-11-22 >"$T/out1"
"$OVERGANG" demo --db "$T/two.db" --seed 3 --today 2026-11-22 --scale 2 >"$T/out2"
expect_out "1200 citizens" "$T/out2"
expect_out "seed 3, scale 2" "$T/out2"
expect_out "job2, social2, cti2, vk2, leder2, admin2" "$T/out2"
# the default is scale 1, and its output does not mention the scale
expect_out "600 citizens" "$T/out1"
grep -q scale "$T/out1" && { echo "scale 1 output mentions the scale"; exit 1; }
count() { sqlite3 "$1" "$2"; }
# about twice as much of everything that makes up the world
for q in "SELECT count(*) FROM citizen" \
         "SELECT count(*) FROM course" \
         "SELECT count(*) FROM course WHERE stage <> 'ended'" \
         "SELECT count(*) FROM team" \
         "SELECT count(*) FROM company" \
         "SELECT count(*) FROM meeting" \
         "SELECT count(*) FROM plan_version" \
         "SELECT count(*) FROM placement" \
         "SELECT count(*) FROM agreement_version" \
         "SELECT count(*) FROM hours_week" \
         "SELECT count(*) FROM cti_contact" \
         "SELECT count(*) FROM measurement" \
         "SELECT count(*) FROM employment"; do
    a=$(count "$T/one.db" "$q")
    b=$(count "$T/two.db" "$q")
    [ "$a" -gt 0 ] || { echo "scale 1: no rows for: $q"; exit 1; }
    # within 15 % of twice the default world
    [ $((b * 100)) -ge $((a * 170)) ] && [ $((b * 100)) -le $((a * 230)) ] || {
        echo "scale 2 is not about twice scale 1 ($a, $b) for: $q"; exit 1; }
done
[ "$(count "$T/two.db" "SELECT count(*) FROM citizen")" = 1200 ]
# every stage in each municipality; four teams each, every scaled team staffed
for m in 250 550; do
    s=$(count "$T/two.db" "SELECT count(DISTINCT stage) FROM course WHERE municipality_code = $m")
    [ "$s" -eq 8 ] || { echo "municipality $m has $s of 8 stages"; exit 1; }
    t=$(count "$T/two.db" "SELECT count(*) FROM team WHERE municipality_code = $m")
    [ "$t" -eq 4 ] || { echo "municipality $m has $t teams at scale 2"; exit 1; }
done
empty=$(count "$T/two.db" "SELECT count(*) FROM team t WHERE (SELECT count(*) FROM team_member m WHERE m.team_id = t.id) < 9")
[ "$empty" = 0 ] || { echo "$empty teams without their staff"; exit 1; }
# the demo log-ins work as before, and "job" has a realistic caseload
for u in job social cti vk leder admin job2 social2 cti2 vk2 leder2 admin2 national borger arbejdsgiver; do
    h=$(count "$T/two.db" "SELECT substr(password_hash, 1, 10) FROM app_user WHERE username = '$u'")
    [ "$h" = '$argon2id$' ] || { echo "log-in $u missing or without a password"; exit 1; }
done
[ "$(count "$T/two.db" "SELECT t.name FROM team t JOIN team_member m ON m.team_id = t.id JOIN app_user u ON u.id = m.user_id WHERE u.username = 'job'")" = "Team Nord" ]
load=$(count "$T/two.db" "SELECT count(*) FROM course_staff s JOIN course c ON c.id = s.course_id JOIN app_user u ON u.id = s.user_id WHERE u.username = 'job' AND c.stage <> 'ended'")
[ "$load" -ge 20 ] && [ "$load" -le 45 ] || { echo "job has $load open courses"; exit 1; }
# the same scale and seed give the same world
"$OVERGANG" demo --db "$T/again.db" --seed 3 --today 2026-11-22 --scale 2 >/dev/null
q="SELECT full_name, birth_date FROM citizen ORDER BY id;
   SELECT citizen_id, team_id, stage FROM course ORDER BY id;
   SELECT username, full_name FROM app_user ORDER BY id;"
[ "$(count "$T/two.db" "$q" | cksum)" = "$(count "$T/again.db" "$q" | cksum)" ] || {
    echo "same seed and scale gave different worlds"; exit 1; }
"$OVERGANG" audit verify --db "$T/two.db" | grep -q 'audit chain intact'
"$OVERGANG" check --db "$T/two.db" | grep -q '^integrity: ok'
# bad scales: a clear message, exit 2, and no database left behind
for bad in 0 201 abc -3 1.5 ""; do
    expect_fail 2 "demo: --scale must be a whole number from 1 to 200" \
        "$OVERGANG" demo --db "$T/x.db" --scale "$bad"
done
expect_fail 2 "demo: --scale needs a value" "$OVERGANG" demo --db "$T/x.db" --scale
expect_fail 2 "demo: --scale given twice" "$OVERGANG" demo --db "$T/x.db" --scale 2 --scale 3
[ ! -e "$T/x.db" ] || { echo "a refused demo left a database"; exit 1; }
