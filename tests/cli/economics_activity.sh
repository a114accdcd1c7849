# The running cost per citizen from a municipality's registered activity,
# end to end on the demo world: the counts in economics.json agree with
# the database counted another way (the sqlite3 shell), the derived cost
# is used when the scenario entered none and shown beside the entered one
# when it did, and the report says so.
. tests/cli/lib.inc
B="$OVERGANG"
db="$T/demo.db"
"$B" demo --db "$db" --seed 1 --today 2026-11-22 >/dev/null 2>&1
cat >"$T/act.json" <<'EOF'
{"name": "Halsnæs", "horizon": 2, "citizens": 40, "establishment": 439900,
 "effect": [{"ordinary": 0.1, "benefit": -0.1}],
 "prices": {
  "benefit": {"kommune": 89537.53, "stat": 16749.77, "region": 0},
  "ordinary": {"kommune": -55719.9, "stat": -51722.37, "region": 0}},
 "activity_prices": {
  "hour_rate": {"job": 600, "social": 580, "cti": 560, "company": 600},
  "minutes": {"start_meeting": 90, "followup": 60, "placement_week": 30,
              "proposal": 20}}}
EOF
period="--municipality 250 --from 2026-01-01 --to 2026-06-30"
# shellcheck disable=SC2086
"$B" economics --scenario "$T/act.json" --db "$db" $period \
    --out "$T/used" >"$T/used.log"
expect_out 'from the registered activity: [0-9]+ kr. \(used: the scenario entered none\)' \
    "$T/used.log"
q() { sqlite3 "$db" "$1"; }
M="c.municipality_code = 250"
P1="'2026-01-01'"; P2="'2026-06-30'"
citizens=$(q "SELECT count(*) FROM course c WHERE $M AND c.stage <> 'screened' AND c.started_on <= $P2 AND (c.ended_on IS NULL OR c.ended_on >= $P1)")
followups=$(q "SELECT count(*) FROM meeting m JOIN course c ON c.id = m.course_id WHERE $M AND m.kind = 'followup' AND m.held_on BETWEEN $P1 AND $P2")
followup_cti=$(q "SELECT count(*) FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id JOIN course c ON c.id = m.course_id WHERE $M AND m.kind = 'followup' AND a.role = 'cti_worker' AND m.held_on BETWEEN $P1 AND $P2")
contacts=$(q "SELECT count(*) || ' ' || sum(k.minutes) FROM cti_contact k JOIN course c ON c.id = k.course_id WHERE $M AND k.on_date BETWEEN $P1 AND $P2")
proposals=$(q "SELECT count(*) FROM match_proposal p JOIN course c ON c.id = p.course_id WHERE $M AND p.proposed_on BETWEEN $P1 AND $P2")
# every staff count by kind and role, from the attendee rows (the command
# reads the bit set on the meeting row instead)
staff=$(q "SELECT m.kind || ':' || a.role || ':' || count(*) FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting_id JOIN course c ON c.id = m.course_id WHERE $M AND m.held_on BETWEEN $P1 AND $P2 AND a.role IN ('employment_caseworker', 'social_caseworker', 'cti_worker', 'company_consultant') GROUP BY m.kind, a.role" | tr '\n' ' ')
[ "$citizens" -gt 50 ] && [ "$followups" -gt 100 ]
python3 - "$T/used/economics.json" "$citizens" "$followups" "$followup_cti" \
    "$contacts" "$proposals" "$staff" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
kinds = {"start": "start_meeting", "followup": "followup"}
roles = {"employment_caseworker": "job", "social_caseworker": "social",
         "cti_worker": "cti", "company_consultant": "company"}
want = {}
for row in sys.argv[7].split():
    kind, role, n = row.split(":")
    want.setdefault(kinds[kind], {})[roles[role]] = int(n)
got = {k: v for k, v in j["activity"]["staff"].items() if k in kinds.values()}
assert got == want and len(want) == 2, (got, want)
citizens, followups, fcti = (int(v) for v in sys.argv[2:5])
ncontacts, minutes = (int(v) for v in sys.argv[5].split())
proposals = int(sys.argv[6])
a = j["activity"]
assert (a["municipality"], a["from"], a["to"]) == (250, "2026-01-01", "2026-06-30")
assert a["citizens"] == citizens, (a["citizens"], citizens)
ev = a["events"]
assert ev["followup"]["count"] == followups
assert a["staff"]["followup"]["cti"] == fcti
assert (ev["cti_contact"]["count"], ev["cti_contact"]["recorded_minutes"]) == (ncontacts, minutes)
assert ev["proposal"]["count"] == proposals
assert a["used"] is True
derived = j["inputs"]["running_per_citizen_from_activity"]
assert derived["origin"] == "measured" and derived["value"] > 0
assert j["inputs"]["running_per_citizen_entered"]["origin"] == "missing"
# the calculation used it: the cost per citizen is establishment + it
assert abs(j["cost_per_citizen"] - (439900 / 40 + derived["value"])) < 0.01
assert j["inputs"]["running_per_citizen"]["origin"] == "measured"
assert "running_per_citizen" in j["measured"]
EOF
grep -q '<h2>Registreret aktivitet</h2>' "$T/used/economics.html"
grep -q 'så beregningen bruger den målte' "$T/used/economics.html"

# with a running cost entered: that one is used, the derived one beside it
python3 - "$T/act.json" "$T/entered.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1])); s["running_per_citizen"] = 87500
json.dump(s, open(sys.argv[2], "w"))
EOF
# shellcheck disable=SC2086
"$B" economics --scenario "$T/entered.json" --db "$db" $period \
    --out "$T/entered" >"$T/entered.log"
expect_out 'entered 87500 kr., from the registered activity [0-9]+ kr. \(the entered one is used\)' \
    "$T/entered.log"
python3 - "$T/used/economics.json" "$T/entered/economics.json" <<'EOF'
import json, sys
u, e = (json.load(open(f)) for f in sys.argv[1:3])
assert e["inputs"]["running_per_citizen"]["value"] == 87500
assert e["inputs"]["running_per_citizen_entered"]["value"] == 87500
assert e["inputs"]["running_per_citizen_from_activity"] == u["inputs"]["running_per_citizen_from_activity"]
assert e["activity"]["used"] is False
assert abs(e["cost_per_citizen"] - (439900 / 40 + 87500)) < 0.01
EOF
grep -q 'Scenariet angav 87.500 kr. pr. borger' "$T/entered/economics.html"
