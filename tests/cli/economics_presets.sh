# The four published scenarios (Rambøll 2021, figure 4) through
# `overgang economics --preset`: economics.json reproduces the published
# table (A exactly: -91,800 kommune, 0 stat; B-D within 100 kr.), the
# workbook opens with its five sheets, and economics.html is Danish and
# self-contained (no script, no link, no image or style from elsewhere).
. tests/cli/lib.inc
for p in A B C D; do
    out="$T/$p"
    "$OVERGANG" economics --preset "rambøll-2021-$p" --out "$out" \
        >"$T/$p.log"
    expect_out "^wrote $out/economics.json, economics.xlsx, economics.html" \
        "$T/$p.log"
    python3 - "$out" "$p" <<'EOF'
import json, sys, zipfile
out, p = sys.argv[1], sys.argv[2]
pub = {"A": (-91800, 0), "B": (-26600, 39200), "C": (27400, 65400),
       "D": (59700, 78400)}[p]
j = json.load(open(out + "/economics.json"))
k, s = j["per_citizen"]["kommune"], j["per_citizen"]["stat"]
tol = 0 if p == "A" else 100
assert abs(k - pub[0]) <= tol and abs(s - pub[1]) <= tol, (p, k, s, pub)
assert abs(j["per_citizen"]["total"] - (k + s + j["per_citizen"]["region"])) < 0.02  # rounded to the øre
# the published figures travel with the result
pp = j["published_per_citizen"]
assert (pp["kommune"], pp["stat"]) == pub, pp
assert j["source"].endswith("rambøll-2021-" + p), j["source"]
assert len(j["years"]) == j["horizon"]
assert j["interval"] is None or not j["interval"].get("present"), j["interval"]
# B-D say their inputs are reconstructed, A has none to reconstruct
origins = {v["origin"] for v in j["inputs"].values() if isinstance(v, dict)}
assert ("reconstructed" in origins) == (p != "A"), (p, origins)
# the workbook: a zip with its five sheets, named in the workbook
z = zipfile.ZipFile(out + "/economics.xlsx")
assert z.testzip() is None
sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
assert len(sheets) == 5, sheets
wb = z.read("xl/workbook.xml").decode()
for name in ("Resultat", "Forudsætninger", "År", "Følsomhed", "Priskatalog"):
    assert 'name="%s"' % name in wb, name
EOF
    h="$out/economics.html"
    grep -q '<html lang="da">' "$h"
    grep -q 'Budgetøkonomisk business case' "$h"
    grep -q 'Nettoresultat pr. år og betaler' "$h"
    grep -q 'Følsomhed' "$h"
    [ "$(grep -o '<svg' "$h" | wc -l)" -eq 3 ]
    if grep -qE 'src=|href=|<script|<link|url\(|@import' "$h"; then
        echo "economics.html refers to something outside itself"; exit 1
    fi
    # only the three files, owner-only, no temporary left
    [ "$(ls -A "$out" | tr '\n' ' ')" = "economics.html economics.json economics.xlsx " ]
    [ "$(stat -c %a "$out/economics.json")" = 600 ]
done
# C's published figures and its break-even, in Danish, in the report
grep -q '<td>27.400</td>' "$T/C/economics.html"
grep -q 'Break-even: år 2' "$T/C/economics.html"
grep -q 'Effekten gange 0,5' "$T/C/economics.html"
# the preset's key may be spelt without the ø and in small letters
"$OVERGANG" economics --preset ramboll-2021-a --out "$T/a2" >/dev/null
cmp "$T/A/economics.json" "$T/a2/economics.json"
