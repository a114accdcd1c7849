# overgang indicators prints the API's JSON, CSV or XLSX for a municipality
# and a period, writes --out with mode 0600, lists the courses behind a figure
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
# the same figures as a workbook: the label a shared string, the numerator
# a number in the row whose first cell is the indicator's id
"$OVERGANG" indicators --db "$T/d.db" --municipality 250 --to 2026-11-22 \
    --format xlsx --lang en --out "$T/i.xlsx" 2>"$T/err"
expect_out 'courses of municipality 250 read' "$T/err"
[ "$(stat -c %a "$T/i.xlsx")" = 600 ] || { echo "the workbook is not mode 0600"; exit 1; }
unzip -p "$T/i.xlsx" xl/sharedStrings.xml | sed 's/<si>/\n<si>/g' >"$T/strings"
expect_out 'Placements with a work agreement signed by all three' "$T/strings"
# shared string n is line n+3 (after the XML declaration and <sst>)
idx=$(grep -n '<t>agreement_signed</t>' "$T/strings" | cut -d: -f1)
[ -n "$idx" ] || { echo "agreement_signed is not in the workbook"; exit 1; }
idx=$((idx - 3))
unzip -p "$T/i.xlsx" xl/worksheets/sheet1.xml | sed 's/<row /\n<row /g' |
    grep "<c r=\"A[0-9]*\" [^>]*t=\"s\"><v>$idx</v></c>" >"$T/row"
got=$(sed 's/.*<c r="D[0-9]*"[^>]*><v>\([^<]*\)<\/v>.*/\1/' "$T/row")
[ "$(printf '%.2f' "$got")" = "$want" ] || { echo "workbook numerator '$got', CSV $want"; exit 1; }
# to stdout only when it is no terminal
"$OVERGANG" indicators --db "$T/d.db" --municipality 250 --to 2026-11-22 \
    --format xlsx >"$T/o.xlsx"
unzip -p "$T/o.xlsx" xl/sharedStrings.xml | grep -q 'Arbejdsaftale' ||
    { echo "the piped workbook lacks the Danish labels"; exit 1; }
# the reads are audited as the operator with a purpose
n=$(sqlite3 "$T/d.db" "SELECT count(*) FROM audit_log WHERE actor LIKE 'cli:%' AND purpose = 'indikatorer (overgang indicators)'")
[ "$n" -ge 2 ] || { echo "the indicator reads were not audited ($n rows)"; exit 1; }
# bad input: one line, exit 2, nothing written
before=$(sqlite3 "$T/d.db" "SELECT count(*) FROM audit_log")
expect_fail 2 'before it begins' "$OVERGANG" indicators --db "$T/d.db" \
    --municipality 250 --from 2026-02-01 --to 2026-01-01
expect_fail 2 '^overgang: --from: ' "$OVERGANG" indicators --db "$T/d.db" \
    --municipality 250 --from 2026-13-01
# a workbook is not written to a terminal (script gives it one)
set +e
script -qec "'$OVERGANG' indicators --db '$T/d.db' --municipality 250 --format xlsx" \
    /dev/null >"$T/tty" 2>&1
rc=$?
set -e
[ "$rc" = 2 ] || { echo "xlsx to a terminal: exit $rc, want 2"; cat "$T/tty"; exit 1; }
expect_out 'stdout is a terminal; give --out FILE.xlsx' "$T/tty"
[ "$(wc -l <"$T/tty")" = 1 ] || { echo "xlsx to a terminal: more than one line"; exit 1; }
expect_fail 2 'use json, csv or xlsx' "$OVERGANG" indicators --db "$T/d.db" \
    --municipality 250 --format pdf
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
