# The national board on imported data equals the board on the live data
# it was exported from: the demo's Halsnæs exported with `monitor
# export` for whole months, imported into a fresh national database, and
# both boards read with `monitor board`; every indicator agrees but the
# caseloads, which an extract cannot give ("available": false, never a
# number). A municipality both live and imported is shown once, from the
# live data.
. tests/cli/lib.inc
O="$OVERGANG"
PERIOD=2025-12-01..2026-11-30
"$O" demo --db "$T/d.db" --seed 3 --today 2026-11-22 >/dev/null
"$O" init --db "$T/nat.db" >/dev/null
"$O" monitor keygen --out "$T/agency" >/dev/null
"$O" monitor keygen --municipality 250 --out "$T/h" >/dev/null
"$O" monitor register --db "$T/nat.db" --municipality 250 \
    --signing-key "$T/h/signing-250.pub" >/dev/null
"$O" monitor register --db "$T/d.db" --municipality 250 \
    --signing-key "$T/h/signing-250.pub" >/dev/null
"$O" monitor export --db "$T/d.db" --municipality 250 --period "$PERIOD" \
    --agency-key "$T/agency/agency.pub" --pseudonym-key "$T/agency/pseudonym.key" \
    --signing-key "$T/h/signing-250.key" --out "$T/250.ovmx" >/dev/null
"$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/250.ovmx" >/dev/null

"$O" monitor board --db "$T/d.db" --from 2025-12-01 --to 2026-11-30 >"$T/live.json"
"$O" monitor board --db "$T/nat.db" --from 2025-12-01 --to 2026-11-30 >"$T/imp.json"
[ "$(jq '.municipalities | length' "$T/imp.json")" = 1 ] || { echo "imported: not one municipality"; exit 1; }
[ "$(jq -r '.municipalities[0].imported' "$T/imp.json")" = "$(date +%Y-%m-%d)" ] || { echo "no import day"; cat "$T/imp.json" | head; exit 1; }
[ "$(jq '.municipalities[0].imported' "$T/live.json")" = null ] || { echo "live marked imported"; exit 1; }
# every figure but the caseloads agrees, values, numerators and status
pick='[.municipalities[] | select(.code == 250) | .indicators[]
       | select(.element != "caseload" and .id != "cti_caseload_max")
       | [.id, .value, .numerator, .denominator, .status, .suppressed]]'
jq -c "$pick" "$T/live.json" >"$T/l"
jq -c "$pick" "$T/imp.json" >"$T/i"
[ "$(jq length "$T/l")" = 30 ] || { echo "expected 30 figures"; cat "$T/l"; exit 1; }
jq -e '[.[] | select(.[1] != null)] | length > 20' "$T/l" >/dev/null || { echo "too few values"; exit 1; }
jq -c '.[]' "$T/l" >"$T/l1"
jq -c '.[]' "$T/i" >"$T/i1"
cmp -s "$T/l1" "$T/i1" || { echo "live and imported differ:"; diff "$T/l1" "$T/i1"; exit 1; }
# the caseloads: a number live, not available imported (nor in the total)
jq -e '[.municipalities[0].indicators[] | select(.element == "caseload") | .value] | all(. != null)' "$T/live.json" >/dev/null || { echo "live caseloads missing"; exit 1; }
jq -e '[.municipalities[0].indicators[], .total.indicators[] | select(.element == "caseload" or .id == "cti_caseload_max") | select(.available == false and .value == null)] | length == 8' "$T/imp.json" >/dev/null || { echo "imported caseloads are not 'not available'"; exit 1; }
# live and imported in one database: shown once, from the live data
"$O" monitor import --db "$T/d.db" --key "$T/agency/agency.key" --file "$T/250.ovmx" >/dev/null
"$O" monitor board --db "$T/d.db" --from 2025-12-01 --to 2026-11-30 >"$T/both.json"
[ "$(jq '[.municipalities[] | select(.code == 250)] | length' "$T/both.json")" = 1 ] || { echo "250 twice"; exit 1; }
[ "$(jq '.municipalities[] | select(.code == 250) | .imported' "$T/both.json")" = null ] || { echo "imported won over live"; exit 1; }
# bad input: one line, exit 2
expect_fail 2 "before it begins" "$O" monitor board --db "$T/d.db" --from 2026-05-01 --to 2026-01-01
