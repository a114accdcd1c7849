# The business case from a measured effect, end to end as a user runs it:
# synth-register writes a register with a known truth, evaluate measures
# the months in ordinary employment and on cash benefit in years 1 and 2,
# economics --evaluation turns them into effects (origin "measured", with
# their standard errors) and a 95% interval of the net result.
# The truth: truth.json holds the exact effect of count:ordinary:1-36, so
# a second evaluation of that outcome alone gives a net result whose
# interval must cover the net result of the true effect (computed by the
# same command from a scenario with the true effect typed in), and must
# not cover a truth 40% larger (the test can fail). The four-outcome
# version of the coverage, against ov_synth_truth_of, is
# tests/econ/test_econ_truth.c.
. tests/cli/lib.inc
B="$OVERGANG"
reg="$T/reg"
"$B" synth-register --persons 20000 --treated 1000 --months 40 --seed 11 \
    --out "$reg" 2>/dev/null
"$B" evaluate --register "$reg" --out "$T/ev" --threads 2 \
    --outcome ord1=count:ordinary:1-12 --outcome ben1=count:benefit:1-12 \
    --outcome ord2=count:ordinary:13-24 --outcome ben2=count:benefit:13-24 \
    --outcome employed_m12=at:ordinary:12 >/dev/null 2>&1
cat >"$T/S.json" <<'EOF'
{"format": "overgang.economics.scenario/1",
 "name": "Syntetisk register",
 "horizon": 2, "citizens": 100, "establishment": 439900,
 "running_per_citizen": 87500,
 "prices": {
  "benefit": {"kommune": 89537.53, "stat": 16749.77, "region": 0},
  "ordinary": {"kommune": -55719.9, "stat": -51722.37, "region": 0}}}
EOF
"$B" economics --scenario "$T/S.json" --evaluation "$T/ev" \
    --out "$T/econ" >"$T/econ.log"
expect_out 'measured effects' "$T/econ.log"
expect_out '95% interval, low' "$T/econ.log"
python3 - "$T/econ/economics.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
inp = j["inputs"]
for y in (0, 1):
    for st in ("ordinary", "benefit"):
        e = inp["effect[%d].%s" % (y, st)]
        assert e["origin"] == "measured", e
        assert e["se"] > 0, e
        assert "effect[%d].%s" % (y, st) in j["measured"]
# the prices stay assumed
assert "prices.benefit.kommune" in j["assumed"]
iv = j["interval"]
assert iv["present"] and iv["method"]
for k in ("total", "kommune", "stat"):
    assert iv["low"][k] < j["per_citizen"][k] < iv["high"][k], (k, iv)
ev = j["evaluation"]
assert ev["n_treated"] == 1000
assert [o["spec"] for o in ev["outcomes_used"]] == [
    "count:ordinary:1-12", "count:benefit:1-12", "count:ordinary:13-24",
    "count:benefit:13-24"], ev["outcomes_used"]
assert [o["spec"] for o in ev["outcomes_ignored"]] == ["at:ordinary:12"]
EOF
grep -q '<h2>Målt effekt</h2>' "$T/econ/economics.html"
grep -q 'class="txt o-measured">målt<' "$T/econ/economics.html"
grep -q '95 %-interval pr. borger' "$T/econ/economics.html"

# the truth: count:ordinary:1-36 of truth.json, an even third a year
"$B" evaluate --register "$reg" --out "$T/ev36" --threads 2 \
    --outcome emp=count:ordinary:1-36 >/dev/null 2>&1
cat >"$T/S36.json" <<'EOF'
{"name": "Ordinær beskæftigelse i tre år", "horizon": 3, "citizens": 100,
 "establishment": 439900, "running_per_citizen": 87500,
 "prices": {"ordinary": {"kommune": -55719.9, "stat": -51722.37,
                         "region": 0}}}
EOF
"$B" economics --scenario "$T/S36.json" --evaluation "$T/ev36" \
    --out "$T/m36" >/dev/null
# a scenario with the true effect (scaled) typed in: its net result
truth_run() {
    python3 - "$reg/truth.json" "$T/S36.json" "$1" "$T/truth$1.json" <<'EOF'
import json, sys
truth = json.load(open(sys.argv[1]))
att = [o["att"] for o in truth["outcomes"] if o["spec"] == "count:ordinary:1-36"][0]
s = json.load(open(sys.argv[2]))
share = att * float(sys.argv[3]) / 36  # months a year / 12, evenly
s["effect"] = [{"ordinary": share} for _ in range(3)]
json.dump(s, open(sys.argv[4], "w"))
EOF
    "$B" economics --scenario "$T/truth$1.json" --out "$T/t$1" >/dev/null
}
truth_run 1
truth_run 1.4
python3 - "$T/m36/economics.json" "$T/t1/economics.json" \
    "$T/t1.4/economics.json" <<'EOF'
import json, sys
m, t, wrong = (json.load(open(f)) for f in sys.argv[1:4])
lo, hi = m["interval"]["low"], m["interval"]["high"]
for k in ("total", "kommune", "stat"):
    v = t["per_citizen"][k]
    assert lo[k] <= v <= hi[k], "%s: [%s, %s] misses the truth %s" % (k, lo[k], hi[k], v)
    w = wrong["per_citizen"][k]
    assert not (lo[k] <= w <= hi[k]), "%s: [%s, %s] covers a wrong truth %s" % (k, lo[k], hi[k], w)
EOF
