# `overgang economics` refuses bad input with one line naming the option,
# the file or the field, exit status 2, and writes nothing: neither a new
# --out folder nor any file in an existing one.
. tests/cli/lib.inc
B="$OVERGANG"
out="$T/newdir"    # never to be created (lib.inc uses $T/out)
kept="$T/kept"     # exists, and must stay empty
mkdir "$kept"
nothing_written() {
    [ ! -e "$out" ] || { echo "--out was created: $*"; ls -la "$out"; exit 1; }
    [ -z "$(ls -A "$kept")" ] || { echo "files in --out: $*"; ls -la "$kept"; exit 1; }
}
# refused CMD... into both folders
refused() {
    pattern=$1; shift
    expect_fail 2 "$pattern" "$@" --out "$out"
    expect_fail 2 "$pattern" "$@" --out "$kept"
    nothing_written "$@"
}
scen() { printf '%s\n' "$2" >"$T/$1.json"; }

# usage
expect_fail 2 'give the scenario: --scenario FILE.json or --preset' \
    "$B" economics --out "$out"
expect_fail 2 'one of them' "$B" economics --preset rambøll-2021-A \
    --scenario "$T/x.json" --out "$out"
expect_fail 2 'give --out DIR' "$B" economics --preset rambøll-2021-A
refused '--from and --to are the period of a municipality.s registered activity' \
    "$B" economics --preset rambøll-2021-A --from 2026-01-01
refused 'give --from YYYY-MM-DD and --to YYYY-MM-DD' \
    "$B" economics --preset rambøll-2021-A --municipality 250 --from 2026-01-01
refused '^overgang: --to: ' \
    "$B" economics --preset rambøll-2021-A --municipality 250 \
    --from 2026-01-01 --to 2026-02-30
refused 'kommunekode, 101-860' \
    "$B" economics --preset rambøll-2021-A --municipality 99 \
    --from 2026-01-01 --to 2026-02-01
# an unknown preset lists the known ones
refused "no preset 'rambøll-2021-E'; choose rambøll-2021-A, -B, -C or -D" \
    "$B" economics --preset rambøll-2021-E
# the scenario file: missing, not JSON
refused "^overgang: --scenario: cannot open '$T/none.json'" \
    "$B" economics --scenario "$T/none.json"
scen bad '{"horizon": 1,'
refused "^overgang: --scenario $T/bad.json: scenario: not valid JSON" \
    "$B" economics --scenario "$T/bad.json"
# bad values, each named by its path
scen negative '{"horizon": 1, "citizens": -5}'
refused "^overgang: --scenario $T/negative.json: citizens: .*at least 1; got -5" \
    "$B" economics --scenario "$T/negative.json"
scen share '{"horizon": 2, "citizens": 5, "effect": [{}, {"benefit": 1.5}]}'
refused "^overgang: --scenario $T/share.json: effect\[1\]\.benefit: .*between -1 and 1.*got 1.5" \
    "$B" economics --scenario "$T/share.json"
scen costshare '{"horizon": 1, "citizens": 5, "cost_share": {"kommune": 1.2}}'
refused "cost_share.kommune: a payer's share of the cost must be between 0 and 1; got 1.2" \
    "$B" economics --scenario "$T/costshare.json"
scen horizon '{"horizon": 0, "citizens": 5}'
refused "^overgang: --scenario $T/horizon.json: horizon: .*from 1 to 30; got 0" \
    "$B" economics --scenario "$T/horizon.json"
# a price the calculation needs: the state has an effect, no price
scen noprice '{"horizon": 1, "citizens": 10, "establishment": 0,
  "running_per_citizen": 100, "effect": [{"benefit": -0.1}]}'
refused "^overgang: --scenario $T/noprice.json: prices.benefit.kommune: missing" \
    "$B" economics --scenario "$T/noprice.json"
# an evaluation folder without result.json, and one that is no evaluation's
mkdir "$T/noeval" "$T/noteval"
echo '{"hello": 1}' >"$T/noteval/result.json"
refused "^overgang: --evaluation $T/noeval: .*no result.json here" \
    "$B" economics --preset rambøll-2021-B --evaluation "$T/noeval"
refused "not an evaluation's result.json" \
    "$B" economics --preset rambøll-2021-B --evaluation "$T/noteval"

# the database: an unknown municipality names the known ones; a missing
# activity price names the price and how many events need it
db="$T/e.db"
"$B" init --db "$db" >/dev/null 2>&1
"$B" municipality add --db "$db" --code 250 --name Halsnæs >/dev/null
"$B" municipality add --db "$db" --code 550 --name Tønder >/dev/null
refused 'no municipality 101 in this database \(it has: 250, 550\)' \
    "$B" economics --preset rambøll-2021-A --db "$db" --municipality 101 \
    --from 2026-01-01 --to 2026-06-30
refused 'period starts on 2026-06-30, after its end 2026-01-01' \
    "$B" economics --preset rambøll-2021-A --db "$db" --municipality 250 \
    --from 2026-06-30 --to 2026-01-01
# no active course in the period: no cost per citizen to derive
refused 'no active courses in the period' \
    "$B" economics --preset rambøll-2021-A --db "$db" --municipality 250 \
    --from 2026-01-01 --to 2026-06-30
"$B" demo --db "$T/demo.db" --seed 1 --today 2026-11-22 >/dev/null 2>&1
refused 'registered activity of municipality 250: activity_prices\.minutes\.start_meeting: missing; the registered activity has [0-9]+ events' \
    "$B" economics --preset rambøll-2021-A --db "$T/demo.db" \
    --municipality 250 --from 2026-01-01 --to 2026-06-30
# the database is only read: the demo's file is unchanged by all this
sum1=$(sha256sum "$T/demo.db" | cut -d' ' -f1)
"$B" economics --preset rambøll-2021-A --db "$T/demo.db" \
    --municipality 250 --from 2026-01-01 --to 2026-06-30 \
    --out "$out" >/dev/null 2>&1 || true
[ "$(sha256sum "$T/demo.db" | cut -d' ' -f1)" = "$sum1" ]
