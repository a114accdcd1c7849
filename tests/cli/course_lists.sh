# The course list and Mine opgaver over real HTTP on the demo world: sort
# keys, the stage filter, mine against the team's, pages that add up, 400
# with a message for a bad parameter; tasks of my courses by default and of
# the team's on request, each with the page that resolves it.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ * 13) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
H="http://127.0.0.1:$port"
i=0
until curl -s -o /dev/null "$H/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
curl -s -c "$T/jar" -X POST -d '{"username":"job","password":"overgang-demo"}' \
    "$H/api/v1/session" >/dev/null
get() { curl -s -b "$T/jar" -o "$T/body" -w '%{http_code}' "$H$1"; }
want() { # code path
    got=$(get "$2")
    [ "$got" = "$1" ] || { echo "$2: expected $1, got $got"; cat "$T/body"; exit 1; }
}
field() { python3 -c "import json,sys; print(json.load(open('$T/body'))$1)"; }
# every course of the team, in pages of 50 that add up
want 200 "/api/v1/cases"
team=$(field '["total"]')
[ "$team" -gt 50 ] || { echo "the demo team has only $team courses"; exit 1; }
[ "$(field '["truncated"]')" = True ]
[ "$(field '["per_page"]')" = 50 ]
seen=0; page=1
while :; do
    want 200 "/api/v1/cases?sort=name&page=$page"
    n=$(field '["cases"].__len__()')
    seen=$((seen + n))
    [ "$(field '["truncated"]')" = True ] || break
    page=$((page + 1))
done
[ "$seen" = "$team" ] || { echo "pages hold $seen of $team"; exit 1; }
want 400 "/api/v1/cases?sort=name&page=$((page + 1))"
grep -q '"field":"page"' "$T/body"
# sorted by name (folded), by stage, by start (newest first), by next due
want 200 "/api/v1/cases?sort=name&per_page=500"
python3 - "$T/body" <<'PY'
import json, sys, unicodedata
d = json.load(open(sys.argv[1]))
def fold(s):
    s = s.lower().replace('æ', 'ae').replace('ø', 'oe').replace('å', 'aa')
    return ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c))
names = [fold(c["citizen_name"]) for c in d["cases"]]
assert names == sorted(names), "not sorted by name"
PY
want 200 "/api/v1/cases?sort=stage&per_page=500"
python3 - "$T/body" <<'PY'
import json, sys
order = ["screened", "drawn", "start", "plan", "match", "placement", "in_job", "ended"]
st = [order.index(c["stage"]) for c in json.load(open(sys.argv[1]))["cases"]]
assert st == sorted(st), "not sorted by stage"
PY
want 200 "/api/v1/cases?per_page=500"
python3 - "$T/body" <<'PY'
import json, sys
s = [c["started_on"] for c in json.load(open(sys.argv[1]))["cases"]]
assert s == sorted(s, reverse=True), "not newest first"
PY
want 200 "/api/v1/cases?sort=due&per_page=500"
python3 - "$T/body" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["cases"]
due = [x["next_due"] for x in c if x["next_due"]]
assert due == sorted(due), "not soonest first"
assert all(x["next_due"] for x in c[:len(due)]), "a course without a task before one with"
PY
# the stage filter and mine against the team's
want 200 "/api/v1/cases?stage=plan&per_page=500"
python3 -c "import json; d=json.load(open('$T/body')); assert d['total']>0 and all(c['stage']=='plan' for c in d['cases'])"
want 200 "/api/v1/cases?show=mine&per_page=500"
mine=$(field '["total"]')
python3 -c "import json; d=json.load(open('$T/body')); assert all(c['mine'] for c in d['cases'])"
named=$(sqlite3 "$db" "SELECT count(DISTINCT s.course_id) FROM course_staff s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'job'")
[ "$mine" = "$named" ] || { echo "mine: $mine courses, job is named on $named"; exit 1; }
[ "$mine" -lt "$team" ]
# bad parameters: 400 naming the parameter, with the message
want 400 "/api/v1/cases?sort=alder"
grep -q "unknown sort key 'alder'" "$T/body"
want 400 "/api/v1/cases?stage=halvvejs"
grep -q '"field":"stage"' "$T/body"
want 400 "/api/v1/cases?show=alle"
grep -q '"field":"show"' "$T/body"
want 400 "/api/v1/cases?page=0"
want 400 "/api/v1/cases?per_page=501"
want 400 "/forloeb?sort=alder"
grep -q "Ukendt sortering" "$T/body"
# the page: previous/next keep the sort and the filters
want 200 "/forloeb?sort=name&show=team&stage=plan&page=1"
want 200 "/forloeb?sort=name&show=team"
grep -q 'Viser de første 50 af' "$T/body"
grep -q 'rel="next" href="/forloeb?sort=name&amp;show=team&amp;page=2"' "$T/body"
want 200 "/forloeb?sort=name&show=team&page=2"
grep -q "Viser 51-100 af $team" "$T/body"
grep -q 'rel="prev" href="/forloeb?sort=name&amp;show=team"' "$T/body"
# Mine opgaver: my courses by default, the team's on request
want 200 "/api/v1/tasks"
python3 - "$T/body" "$db" <<'PY'
import json, sys, sqlite3
d = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
mine = {r[0] for r in db.execute("SELECT s.course_id FROM course_staff s JOIN app_user u ON u.id = s.user_id WHERE u.username = 'job'")}
assert d["tasks"], "no tasks"
assert all(t["course_id"] in mine for t in d["tasks"]), "a task of a course job is not named on"
dues = [t["due"] for t in d["tasks"]]
assert dues == sorted(dues), "not sorted by due date"
pages = {"start_meeting": "/opstartsmoede", "plan_job_goal": "/plan", "followup": "/opfoelgning",
         "measurement": "/maalinger", "cti_phase": "/cti", "cti_alignment": "/cti"}
for t in d["tasks"]:
    if t["kind"] in pages:
        assert t["href"] == "/forloeb/%d%s" % (t["course_id"], pages[t["kind"]]), t
    elif t["kind"] == "agreement_review":
        assert t["href"].startswith("/virksomhedsforloeb/"), t
    assert t["citizen_name"], t
PY
mine_tasks=$(field '["total"]')
want 200 "/api/v1/tasks?show=team"
[ "$(field '["total"]')" -gt "$mine_tasks" ] || { echo "the team has no more tasks than job"; exit 1; }
want 400 "/api/v1/tasks?show=alle"
want 200 "/opgaver?show=team"
grep -q 'aria-current="page" class="on">Teamets opgaver' "$T/body"
want 200 "/opgaver"
grep -q 'aria-current="page" class="on">Mine opgaver' "$T/body"
