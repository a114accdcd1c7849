# The placement's JSON names every signature of its current agreement
# version as the page and the PDF do (issue 14 section 3): the party, the
# signer's name, the way, when, and the SHA-256 of the version's content,
# the same bytes the store keeps; a paper signature also the date on the
# paper and who recorded it.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 1 >/dev/null
port=$(( 20000 + ($$ * 13) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
B="http://127.0.0.1:$port/api/v1"
i=0
until curl -s -o /dev/null "$B/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
# a placement with a paper signature on its current version, and the
# company consultant named on its course
row=$(sqlite3 -separator ' ' "$db" "SELECT p.id, u.username FROM placement p
    JOIN course_staff cs ON cs.course_id = p.course_id AND cs.role =
    'company_consultant' JOIN app_user u ON u.id = cs.user_id JOIN
    agreement_signoff s ON s.placement_id = p.id AND s.way = 'paper' AND
    s.version = (SELECT max(version) FROM agreement_version WHERE
    placement_id = p.id) LIMIT 1")
[ -n "$row" ] || { echo "the demo has no paper signature on a current version"; exit 1; }
p=${row%% *}
kc=${row#* }
curl -s -c "$T/vk" -H "Content-Type: application/json" \
    -d "{\"username\":\"$kc\",\"password\":\"overgang-demo\"}" "$B/session" >/dev/null
curl -s -b "$T/vk" "$B/placements/$p" >"$T/p.json"
v=$(jq -r '.agreement.version' "$T/p.json")
want=$(sqlite3 "$db" "SELECT count(*) FROM agreement_signoff WHERE
    placement_id = $p AND version = $v")
got=$(jq '.agreement.signoffs | length' "$T/p.json")
[ "$got" = "$want" ] || { echo "signoffs: $got in JSON, $want stored"; cat "$T/p.json"; exit 1; }
jq -e '.agreement.signoffs | all(.party and .name and (.way == "system" or
    .way == "paper") and (.at | test("^[0-9]{4}-")))' "$T/p.json" >/dev/null ||
    { echo "a signoff lacks party, name, way or time"; cat "$T/p.json"; exit 1; }
jq -e '.agreement.signoffs | map(select(.way == "paper")) | length > 0 and
    all(.paper_date and .recorded_by)' "$T/p.json" >/dev/null ||
    { echo "a paper signoff lacks its date or recorder"; cat "$T/p.json"; exit 1; }
# each hash is the one stored with the signature
for party in $(jq -r '.agreement.signoffs[] | select(.content_sha256) | .party' "$T/p.json"); do
    json=$(jq -r --arg q "$party" '.agreement.signoffs[] | select(.party == $q) | .content_sha256' "$T/p.json")
    stored=$(sqlite3 "$db" "SELECT lower(hex(content_hash)) FROM agreement_signoff
        WHERE placement_id = $p AND version = $v AND signer = '$party'")
    [ "$json" = "$stored" ] || { echo "$party: hash $json in JSON, $stored stored"; exit 1; }
done
echo ok
