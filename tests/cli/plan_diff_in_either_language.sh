# The plan's changes in the reader's language (issue 13 section 6): the
# diff is structured and rendered through the catalogue, so the English
# plan page, versions list, journal and plan PDF show no Danish diff text
# ("Første version af planen", "ændret", "tilføjet" ...), while the
# Danish page shows exactly the Danish lines stored with each version.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 1 >/dev/null
port=$(( 20000 + ($$ * 19) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
H="http://127.0.0.1:$port"
i=0
until curl -s -o /dev/null "$H/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
curl -s -c "$T/jar" -o /dev/null -X POST -d '{"username":"job","password":"overgang-demo"}' "$H/api/v1/session"
course=$(sqlite3 "$db" "SELECT p.course_id FROM plan_version p JOIN course c ON c.id = p.course_id WHERE p.version = 3 AND c.team_id IN (SELECT tm.team_id FROM team_member tm JOIN app_user u ON u.id = tm.user_id WHERE u.username = 'job') ORDER BY p.course_id LIMIT 1")
[ -n "$course" ] || { echo "demo: no course of job's team with three plan versions"; exit 1; }
get() { # lang path -> $T/body
    got=$(curl -s -b "$T/jar" -b "ov_lang=$1" -o "$T/body" -w '%{http_code}' "$H$2")
    [ "$got" = 200 ] || { echo "$2 ($1): $got"; cat "$T/body"; exit 1; }
}
danish='Første version af planen|ændret|tilføjet|fjernet|ny frist|ny ansvarlig|Ingen ændringer|ændringer mere|Jobmål|Stillingskode'
get en "/forloeb/$course/plan?v=2"
grep -q 'First version of the plan' "$T/body" || { echo "English plan page: no first version"; exit 1; }
grep -Eq 'Job goal changed|Occupation code changed|changed status|added|removed' "$T/body" ||
    { echo "English plan page: no English diff line"; exit 1; }
if grep -Eo "$danish" "$T/body" | head -3 | grep .; then echo "Danish diff text on the English plan page"; exit 1; fi
get en "/forloeb/$course/journal"
grep -q 'First version of the plan' "$T/body" || { echo "English journal: no first version"; exit 1; }
if grep -Eo "$danish" "$T/body" | head -3 | grep .; then echo "Danish diff text in the English journal"; exit 1; fi
get en "/api/v1/cases/$course/journal?kind=plan"
jq -e '[.entries[].summary] | any(test("First version of the plan"))' "$T/body" >/dev/null ||
    { echo "English journal API: no first version"; cat "$T/body"; exit 1; }
if jq -r '.entries[].summary' "$T/body" | grep -Eo "$danish" | head -3 | grep .; then
    echo "Danish diff text in the English journal API"; exit 1
fi
for ref in $(jq -r '.entries[].ref' "$T/body"); do
    get en "/forloeb/$course/journal/post?ref=$ref"
    if grep -Eo "$danish" "$T/body" | head -3 | grep .; then echo "Danish diff text in the English journal entry $ref"; exit 1; fi
done
# the plan PDF in English
curl -s -b "$T/jar" -b "ov_lang=en" -o "$T/plan.pdf" "$H/forloeb/$course/plan.pdf?version=2"
pdftotext "$T/plan.pdf" "$T/plan.txt"
grep -Eq 'Job goal changed|Occupation code changed|changed status|added|removed' "$T/plan.txt" ||
    { echo "English PDF: no English diff line"; cat "$T/plan.txt"; exit 1; }
if grep -Eo "$danish" "$T/plan.txt" | head -3 | grep .; then echo "Danish diff text in the English PDF"; exit 1; fi
# Danish: the lines stored with version 2, exactly
get da "/forloeb/$course/plan?v=2"
sqlite3 "$db" "SELECT summary FROM plan_version WHERE course_id = $course AND version = 2" |
    sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e "s/'/\&#39;/g" >"$T/lines"
while IFS= read -r line; do
    grep -qF -- "$line" "$T/body" || { echo "Danish plan page lacks the stored line: $line"; exit 1; }
done <"$T/lines"
grep -q 'Første version af planen' "$T/body" || { echo "Danish: no first version in the list"; exit 1; }
echo ok
