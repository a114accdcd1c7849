# overgang demo builds the same world for the same seed and date, with both
# municipalities, every stage, an intact audit chain and the demo log-ins.
. tests/cli/lib.inc
"$OVERGANG" demo --db "$T/a.db" --seed 7 --today 2026-11-22 >"$T/out"
expect_out "600 citizens" "$T/out"
expect_out "job2, social2, cti2, vk2, leder2, admin2" "$T/out"
"$OVERGANG" demo --db "$T/b.db" --seed 7 --today 2026-11-22 >/dev/null
"$OVERGANG" demo --db "$T/c.db" --seed 8 --today 2026-11-22 >/dev/null
q="SELECT full_name, birth_date, sex FROM citizen ORDER BY id;
   SELECT citizen_id, team_id, stage, started_on FROM course ORDER BY id;
   SELECT course_id, version, content FROM plan_version ORDER BY 1, 2;
   SELECT course_id, taken_on, score FROM measurement ORDER BY id;
   SELECT placement_id, iso_year, iso_week, ordinary_x10 FROM hours_week ORDER BY 1, 2, 3;"
sqlite3 "$T/a.db" "$q" >"$T/a.txt"
sqlite3 "$T/b.db" "$q" >"$T/b.txt"
sqlite3 "$T/c.db" "$q" >"$T/c.txt"
cmp -s "$T/a.txt" "$T/b.txt" || { echo "same seed gave different worlds"; diff "$T/a.txt" "$T/b.txt" | head; exit 1; }
cmp -s "$T/a.txt" "$T/c.txt" && { echo "another seed gave the same world"; exit 1; }
# both municipalities, at least 300 citizens each, every stage in each
for m in 250 550; do
    n=$(sqlite3 "$T/a.db" "SELECT count(DISTINCT citizen_id) FROM candidate c JOIN screening_batch b ON b.id = c.batch_id WHERE b.municipality_code = $m")
    [ "$n" -ge 300 ] || { echo "municipality $m has $n citizens"; exit 1; }
    s=$(sqlite3 "$T/a.db" "SELECT count(DISTINCT stage) FROM course WHERE municipality_code = $m")
    [ "$s" -eq 8 ] || { echo "municipality $m has $s of 8 stages"; exit 1; }
    t=$(sqlite3 "$T/a.db" "SELECT count(*) FROM team WHERE municipality_code = $m")
    [ "$t" -eq 2 ] || { echo "municipality $m has $t teams"; exit 1; }
done
for u in job social cti vk leder admin job2 social2 cti2 vk2 leder2 admin2 national borger arbejdsgiver; do
    h=$(sqlite3 "$T/a.db" "SELECT substr(password_hash, 1, 10) FROM app_user WHERE username = '$u'")
    [ "$h" = '$argon2id$' ] || { echo "log-in $u missing or without a password"; exit 1; }
done
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM app_user WHERE username = 'borger' AND citizen_id IS NOT NULL")" = 1 ]
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM app_user WHERE username = 'arbejdsgiver' AND company_id IS NOT NULL")" = 1 ]
# histories exist
for tbl in plan_version agreement_version agreement_signoff hours_week cti_contact measurement meeting assessment_item opening match_proposal employment; do
    n=$(sqlite3 "$T/a.db" "SELECT count(*) FROM $tbl")
    [ "$n" -gt 0 ] || { echo "no rows in $tbl"; exit 1; }
done
[ "$(sqlite3 "$T/a.db" "SELECT count(*) FROM (SELECT course_id FROM plan_version GROUP BY course_id HAVING count(*) >= 3)")" -gt 100 ]
"$OVERGANG" audit verify --db "$T/a.db" | grep -q 'audit chain intact'
"$OVERGANG" check --db "$T/a.db" | grep -q '^integrity: ok'
# demo CPR numbers cannot belong to living people: 7th digit 5-8
# (born 1858-1899, or in the future for the too-young examples)
real=$(sqlite3 "$T/a.db" "SELECT count(*) FROM citizen WHERE birth_date BETWEEN '1900-01-01' AND '2026-11-22'")
[ "$real" = 0 ] || { echo "$real demo CPR numbers have a possible birth date"; exit 1; }
"$OVERGANG" status --db "$T/a.db" | grep -q 'citizens: *600'
expect_fail 1 "already exists; the demo builds a new database" "$OVERGANG" demo --db "$T/a.db"
expect_fail 2 "demo: --seed must be a whole number" "$OVERGANG" demo --db "$T/x.db" --seed abc
expect_fail 2 "--today: 'soon' is not a date" "$OVERGANG" demo --db "$T/x.db" --today soon
[ ! -e "$T/x.db" ] || { echo "a failed demo left a database"; exit 1; }
