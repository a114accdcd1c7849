# The effect evaluation end to end: synth-register writes an extract with a
# truth; evaluate writes result.json, pairs.csv, balance.csv and report.html;
# the options change what they say; bad input stops with exit status 1, a
# message naming file and line, and no output files.
. tests/cli/lib.inc
# not CMD...: CMD must fail (sh -e does not stop on a failing "! CMD")
not() { if "$@"; then echo "expected to fail: $*"; exit 1; fi; }
reg="$T/reg"
"$OVERGANG" synth-register --persons 3000 --treated 150 --months 40 --seed 5 \
    --out "$reg" 2>"$T/synth.log"
grep -q "person-months" "$T/synth.log"
for f in population.csv months.csv truth.json; do [ -s "$reg/$f" ]; done
head -1 "$reg/population.csv" | grep -q '^id,treated,start,age,'
head -1 "$reg/months.csv" | grep -q '^id,month,status,hours,gp_visits,hospital_contacts$'
[ "$(awk -F, 'NR > 1 && $2 == 1' "$reg/population.csv" | wc -l)" -eq 150 ]
# deterministic for a seed, different for another
"$OVERGANG" synth-register --persons 3000 --treated 150 --months 40 --seed 5 \
    --out "$T/reg2" 2>/dev/null
cmp "$reg/months.csv" "$T/reg2/months.csv"
cmp "$reg/truth.json" "$T/reg2/truth.json"
"$OVERGANG" synth-register --persons 3000 --treated 150 --months 40 --seed 6 \
    --out "$T/reg3" 2>/dev/null
not cmp -s "$reg/months.csv" "$T/reg3/months.csv"

out="$T/out"
"$OVERGANG" evaluate --register "$reg" --out "$out" >"$T/eval.log" 2>"$T/eval.err"
for f in result.json pairs.csv balance.csv report.html; do [ -s "$out/$f" ]; done
[ -z "$(ls -A "$out" | grep '\.tmp$' || true)" ]
head -1 "$out/pairs.csv" | grep -qx 'treated_id,control_id,treated_score,control_score'
[ "$(($(wc -l <"$out/pairs.csv") - 1))" -eq 150 ]
grep -q '"n_treated": 150' "$out/result.json"
grep -q '"n_pairs": 150' "$out/result.json"
grep -q '"name": "employed_m12"' "$out/result.json"
grep -q '"ecdf_max_after"' "$out/result.json"
grep -q '^age,0,' "$out/balance.csv"
grep -q 'education=grundskole,1' "$out/balance.csv"
grep -q '<html lang="da"' "$out/report.html"
not grep -q 'src=\|href="http' "$out/report.html"
grep -q 'employed_m12' "$T/eval.log"

# the same results whatever the number of threads
"$OVERGANG" evaluate --register "$reg" --out "$T/t1" --threads 1 >/dev/null 2>&1
cmp "$out/pairs.csv" "$T/t1/pairs.csv"
cmp "$out/balance.csv" "$T/t1/balance.csv"
grep -v '"seconds"' "$out/result.json" >"$T/a.json"
grep -v '"seconds"' "$T/t1/result.json" >"$T/b.json"
cmp "$T/a.json" "$T/b.json"

# ratio 2 with a caliper: fewer than two per participant, weights not 1
"$OVERGANG" evaluate --register "$reg" --out "$T/r2" --ratio 2 --caliper 0.05 \
    >/dev/null 2>&1
n2=$(($(wc -l <"$T/r2/pairs.csv") - 1))
[ "$n2" -gt 150 ] && [ "$n2" -lt 300 ]
grep -q '"caliper": 0.05' "$T/r2/result.json"
# exact matching within region: every pair shares the region
"$OVERGANG" evaluate --register "$reg" --out "$T/ex" --exact region >/dev/null 2>&1
awk -F, 'NR == FNR { if (FNR > 1) r[$1] = $13; next }
         FNR > 1 && r[$1] != r[$2] { bad = 1 } END { exit bad }' \
    "$reg/population.csv" "$T/ex/pairs.csv"
# with replacement, discard and a bootstrap
"$OVERGANG" evaluate --register "$reg" --out "$T/rep" --replace --discard both \
    --bootstrap 200 --seed 3 >/dev/null 2>&1
grep -q '"bootstrap_low": [-0-9]' "$T/rep/result.json"
# with replacement the SE is clustered by matched set and by person
tr -d ' \n' <"$T/rep/result.json" | grep -q '"standard_error":{"cluster":\["subclass","id"\],"type":"HC1"}'
tr -d ' \n' <"$out/result.json" | grep -q '"standard_error":{"cluster":\["subclass"\],"type":"HC1"}'
grep -q 'cluster = ~subclass + id' "$T/rep/report.html"
not grep -q 'cluster = ~subclass + id' "$out/report.html"
# own outcomes and a covariate subset
"$OVERGANG" evaluate --register "$reg" --out "$T/own" --covariates age,female \
    --outcome job6=at:ordinary:6 --outcome "cd=ever:placement,subsidised:1-12" \
    --outcome hours=sum:hours:1-6 >/dev/null 2>&1
grep -q '"name": "job6"' "$T/own/result.json"
grep -q '"spec": "ever:subsidised,placement:1-12"' "$T/own/result.json"
not grep -q '"name": "employed_m12"' "$T/own/result.json"
[ "$(wc -l <"$T/own/balance.csv")" -eq 3 ]
# gzip-compressed extract gives the same pairs
"$OVERGANG" synth-register --persons 3000 --treated 150 --months 40 --seed 5 \
    --gzip --out "$T/gz" 2>/dev/null
[ -s "$T/gz/months.csv.gz" ] && [ ! -e "$T/gz/months.csv" ]
"$OVERGANG" evaluate --register "$T/gz" --out "$T/gzout" >/dev/null 2>&1
cmp "$out/pairs.csv" "$T/gzout/pairs.csv"

# an outcome no person reaches (month 12 of a one-month extract): "–" and
# the reason in the terminal table, null and the reason in result.json,
# the reason in report.html, empty CSV fields; never "nan"
"$OVERGANG" synth-register --persons 600 --treated 60 --months 1 --seed 5 \
    --out "$T/m1" 2>/dev/null
"$OVERGANG" evaluate --register "$T/m1" --out "$T/m1out" >"$T/m1.log" 2>/dev/null
not grep -qi 'nan' "$T/m1.log"
expect_out '^employed_m12 +– +– +– +– +–  \(no matched person.s register reaches month 12; the extract is too short' "$T/m1.log"
# the employed_m12 object of result.json (JSON_INDENT(2): one key a line)
awk '/"name": "employed_m12"/ { on = 1 } on { print } on && /^    }/ { exit }' \
    "$T/m1out/result.json" >"$T/m12.json"
for k in treated_mean control_mean att se ci_low ci_high p_value t; do
    grep -q "\"$k\": null," "$T/m12.json" || { echo "$k not null"; cat "$T/m12.json"; exit 1; }
done
grep -q '"reason_code": "no_data",' "$T/m12.json"
grep -q '"reason": "no matched person.s register reaches month 12; ' "$T/m12.json"
# an outcome that is estimated has no reason
not grep -q '"reason_code": "' "$out/result.json"
grep -q '"reason": null' "$out/result.json"
not grep -qi 'nan' "$T/m1out/result.json"
grep -q 'Ingen matchet persons register når måned 12; udtrækket er for kort' \
    "$T/m1out/report.html"
not grep -qiw 'nan' "$T/m1out/report.html"
not grep -q 'NA' "$T/m1out/balance.csv"
grep -q '^female,1,[^,]*,[^,]*,[^,]*,,' "$T/m1out/balance.csv"

# bad input: exit 1, file and line named, nothing written
bad() { # description expected-message-part
    what=$1; want=$2
    set +e
    "$OVERGANG" evaluate --register "$T/bad" --out "$T/badout" >"$T/o" 2>"$T/e"
    rc=$?
    set -e
    [ "$rc" -eq 1 ] || { echo "$what: exit $rc"; cat "$T/e"; exit 1; }
    grep -q "$want" "$T/e" || { echo "$what: message"; cat "$T/e"; exit 1; }
    [ ! -e "$T/badout" ] || { echo "$what: output written"; ls "$T/badout"; exit 1; }
}
mkdir -p "$T/bad"
printf 'id,treated,start,age\nA,1,2019-01,40\nB,0,2019-02,50\nC,0,2019-03,45\n' \
    >"$T/bad/population.csv"
printf 'id,month,status\nA,2019-01,benefit\nB,2019-02,benefit\nC,2019-03,benefit\n' \
    >"$T/bad/months.csv"
printf 'id,month,status\nA,2019-01,benefit\nB,2019-2,benefit\n' >"$T/bad/months.csv"
bad "malformed month" "months.csv line 3: month '2019-2' is not a month"
printf 'id,month,status\nA,2019-01,job\n' >"$T/bad/months.csv"
bad "unknown status" "months.csv line 2: status 'job' is unknown"
printf 'id,month,status\nA,2019-01,benefit\nZ,2019-01,benefit\n' >"$T/bad/months.csv"
bad "person absent from population" "months.csv line 3: id 'Z' is not in population.csv"
printf 'id,month,status,hours\nA,2019-01,benefit,12\nB,2019-02,benefit,x\n' >"$T/bad/months.csv"
bad "non-numeric value" "months.csv line 3: column 'hours' has 'x', which is not a number"
printf 'id,status\nA,benefit\n' >"$T/bad/months.csv"
bad "missing column" "months.csv line 1: the required column 'month' is missing"
printf 'id,month,status\nA,2019-01,benefit\n' >"$T/bad/months.csv"
printf 'id,treated,start,age\nA,1,2019-01,40\nA,0,2019-02,50\n' >"$T/bad/population.csv"
bad "duplicate id" "population.csv line 3: id 'A' is already on line 2"
printf 'id,treated,start,age\nA,1,2019-01,40\nB,1,2019-02,50\n' >"$T/bad/population.csv"
bad "no controls" "population.csv has no controls"
printf 'id,treated,start,age\nA,0,2019-01,40\nB,0,2019-02,50\n' >"$T/bad/population.csv"
bad "no treated" "population.csv has no treated persons"
# perfect separation: age predicts participation exactly
{ echo 'id,treated,start,age'
  i=0; while [ $i -lt 40 ]; do echo "P$i,$((i < 20)),2019-01,$((i < 20 ? 60 + i : 20 + i))"; i=$((i + 1)); done
} >"$T/bad/population.csv"
printf 'id,month,status\nP1,2019-01,benefit\n' >"$T/bad/months.csv"
bad "separation" "separation"
rm -rf "$T/bad"; mkdir -p "$T/bad"
bad "no extract" "has no population.csv"

# usage errors are exit status 2 and also write nothing
set +e
"$OVERGANG" evaluate --register "$reg" --out "$T/u" --discard some 2>"$T/e"; rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q -- "--discard: give none or both" "$T/e" && [ ! -e "$T/u" ]
set +e
"$OVERGANG" evaluate --register "$reg" --out "$T/u" --outcome x=at:job:12 2>"$T/e"; rc=$?
set -e
[ "$rc" -eq 2 ] && grep -q "unknown status 'job'" "$T/e" && [ ! -e "$T/u" ]
