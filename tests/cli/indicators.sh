# overgang indicators prints the API's JSON or CSV for a municipality and
# a period, writes --out with mode 0600, lists the courses behind a figure
# with --drill (adding up to its numerator), audits the read, and refuses
# bad input with one clear line and nothing written.
. tests/cli/lib.inc
"$OVERGANG" demo --db "$T/d.db" --seed 1 --today 2026-11-22 >/dev/null
"$OVERGANG" indicators --db "$T/d.db" --municipality 250 --from 2025-11-23 \
    --to 2026-11-22 >"$T/j"
expect_out '"municipality": 250' "$T/j"
expect_out '"from": "2025-11-23"' "$T/j"
expect_out '"id": "cti_caseload_max"' "$T/j"
expect_out '"element": "caseload"' "$T/j"
expect_out '"attention": \[\]' "$T/j"
# every indicator of the contract, each with a value on the demo
n=$(grep -c '"id":' "$T/j")
[ "$n" -eq 34 ] || { echo "expected 34 indicators, got $n"; exit 1; }
grep -q '"value": null' "$T/j" && { echo "an indicator has no value on the demo"; exit 1; }
# the attendee bit set each meeting row carries agrees with its attendees
q="SELECT count(*) FROM meeting m WHERE m.attendees <> (SELECT coalesce(sum(CASE a.role WHEN 'employment_caseworker' THEN 1 WHEN 'social_caseworker' THEN 2 WHEN 'cti_worker' THEN 4 WHEN 'company_consultant' THEN 8 WHEN 'citizen' THEN 128 ELSE 1024 END), 0) FROM meeting_attendee a WHERE a.meeting_id = m.id)"
[ "$(sqlite3 "$T/d.db" "$q")" = 0 ] || { echo "meeting.attendees disagrees with meeting_attendee"; exit 1; }
[ "$(sqlite3 "$T/d.db" "SELECT count(*) FROM meeting WHERE attendees = 0")" = 0 ] || { echo "a meeting without its attendee bits"; exit 1; }
# CSV in English to a private file
"$OVERGANG" indicators --db "$T/d.db" --municipality 250 --to 2026-11-22 \
    --format csv --lang en --out "$T/i.csv" 2>"$T/err"
expect_out 'courses of municipality 250 read' "$T/err"
[ "$(stat -c %a "$T/i.csv")" = 600 ] || { echo "--out is not mode 0600"; exit 1; }
expect_out '^id,element,label,numerator,denominator,value,target,status$' "$T/i.csv"
expect_out '^agreement_signed,6,Placements with a work agreement signed by all three,' "$T/i.csv"
# the drill-down adds up to the numerator the CSV gave
want=$(grep '^agreement_signed,' "$T/i.csv" | cut -d, -f4)
"$OVERGANG" indicators --db "$T/d.db" --municipality 250 --to 2026-11-22 \
    --drill agreement_signed >"$T/drill"
got=$(awk -F, '$1 == "numerator" { s += $3 } END { printf "%.2f", s }' "$T/drill")
[ "$got" = "$want" ] || { echo "drill-down numerator $got, indicator $want"; exit 1; }
# the reads are audited as the operator with a purpose
n=$(sqlite3 "$T/d.db" "SELECT count(*) FROM audit_log WHERE actor LIKE 'cli:%' AND purpose = 'indikatorer (overgang indicators)'")
[ "$n" -ge 2 ] || { echo "the indicator reads were not audited ($n rows)"; exit 1; }
# bad input: one line, exit 2, nothing written
before=$(sqlite3 "$T/d.db" "SELECT count(*) FROM audit_log")
expect_fail 2 'before it begins' "$OVERGANG" indicators --db "$T/d.db" \
    --municipality 250 --from 2026-02-01 --to 2026-01-01
expect_fail 2 '^overgang: --from: ' "$OVERGANG" indicators --db "$T/d.db" \
    --municipality 250 --from 2026-13-01
expect_fail 2 'xlsx comes later' "$OVERGANG" indicators --db "$T/d.db" \
    --municipality 250 --format xlsx
expect_fail 2 'kommunekode' "$OVERGANG" indicators --db "$T/d.db"
expect_fail 2 'municipality_code: 101 is not registered' "$OVERGANG" \
    indicators --db "$T/d.db" --municipality 101
expect_fail 2 'unknown indicator' "$OVERGANG" indicators --db "$T/d.db" \
    --municipality 250 --drill no_such
tonder_team=$(sqlite3 "$T/d.db" "SELECT min(id) FROM team WHERE municipality_code = 550")
expect_fail 1 "no team $tonder_team in municipality 250" "$OVERGANG" \
    indicators --db "$T/d.db" --municipality 250 --team "$tonder_team"
sqlite3 "$T/d.db" "SELECT 1" >/dev/null
after=$(sqlite3 "$T/d.db" "SELECT count(*) FROM audit_log")
[ "$before" = "$after" ] || { echo "bad input wrote audit rows ($before, $after)"; exit 1; }
