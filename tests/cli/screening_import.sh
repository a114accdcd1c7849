# screening import: a good list is screened; a bad one is refused whole with
# every bad line named; draws from the demo re-run from their seeds.
. tests/cli/lib.inc
db="$T/o.db"
"$OVERGANG" init --db "$db" >/dev/null
# a municipality comes from the demo world's store functions; here we use
# sqlite3 to register one without people in it
sqlite3 "$db" "INSERT INTO municipality (code, name) VALUES (250, 'Halsnæs')"
cat >"$T/good.csv" <<'CSV'
cpr;name;activity_ready;months_unemployed;declined
010180-1231;Anna Jensen;ja;24;nej
020275-2342;Bo Hansen;ja;60;ja
030399-1453;Carl Berg;ja;30;nej
CSV
"$OVERGANG" screening import --db "$db" --municipality 250 --file "$T/good.csv" --reference-date 2026-11-01 >"$T/out"
expect_out "screening list 1: 3 candidates screened on 01-11-2026; 2 in the target group, 1 eligible" "$T/out"
cat >"$T/bad.csv" <<'CSV'
cpr,name,activity_ready,months_unemployed
310480-1231,Dorte Lund,ja,24
040470-2564,Erik Holm,kanske,24
CSV
set +e
"$OVERGANG" screening import --db "$db" --municipality 250 --file "$T/bad.csv" >"$T/o2" 2>"$T/e2"
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "bad import exit $rc"; cat "$T/e2"; exit 1; }
grep -q "bad.csv: line 2: cpr: day 31 does not exist in April" "$T/e2" || { cat "$T/e2"; exit 1; }
grep -q "bad.csv: line 3: activity_ready: write ja or nej" "$T/e2" || { cat "$T/e2"; exit 1; }
grep -q "^overgang: 2 lines with errors; nothing was imported" "$T/e2" || { cat "$T/e2"; exit 1; }
[ "$(sqlite3 "$db" 'SELECT count(*) FROM citizen')" = 3 ] || { echo "a bad import wrote citizens"; exit 1; }
expect_fail 2 "give --file FILE and --municipality CODE" "$OVERGANG" screening import --db "$db"
expect_fail 1 "--file: cannot open" "$OVERGANG" screening import --db "$db" --municipality 250 --file "$T/none.csv"
expect_fail 2 "municipality_code: 101 is not registered" "$OVERGANG" screening import --db "$db" --municipality 101 --file "$T/good.csv"
# draws in the demo world reproduce
"$OVERGANG" demo --db "$T/demo.db" --seed 3 --today 2026-11-22 >/dev/null
"$OVERGANG" draw verify --db "$T/demo.db" --draw 1 | grep -q "draw 1 reproduces"
"$OVERGANG" draw verify --db "$T/demo.db" --draw 16 | grep -q "draw 16 reproduces"
sqlite3 "$T/demo.db" "UPDATE draw SET seed = '42' WHERE id = 5"
expect_fail 1 "draw 5 does not reproduce" "$OVERGANG" draw verify --db "$T/demo.db" --draw 5
expect_fail 1 "no draw 99" "$OVERGANG" draw verify --db "$T/demo.db" --draw 99
