# The plan and the work agreement as PDF over real HTTP on the demo world:
# the file is a PDF with a sane name, its text (read back with pdftotext)
# names the citizen with æøå intact, has page numbers and the print date,
# carries no CPR number, speaks English when the reader does; another
# municipality's course answers 404; the citizen gets their own plan, the
# employer contact only their company's agreement.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ * 11) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
H="http://127.0.0.1:$port"
i=0
until curl -s -o /dev/null "$H/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
login() { # user -> cookie "name=value" in $T/<user>.cookie
    curl -s -o /dev/null -c "$T/$1.jar" -X POST \
        -d "{\"username\":\"$1\",\"password\":\"overgang-demo\"}" "$H/api/v1/session"
    awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) print $6 "=" $7 }' "$T/$1.jar" \
        >"$T/$1.cookie"
    [ -s "$T/$1.cookie" ] || { echo "log-in as $1 failed"; exit 1; }
}
get() { # user lang path -> status; body in $T/body, headers in $T/head
    curl -s -D "$T/head" -o "$T/body" -w '%{http_code}' \
        -H "Cookie: $(cat "$T/$1.cookie"); ov_lang=$2" "$H$3"
}
check() { # want user lang path
    got=$(get "$2" "$3" "$4")
    [ "$got" = "$1" ] || { echo "$2 GET $4: expected $1, got $got";
        head -c 400 "$T/body" | tr -cd '[:print:]\n'; exit 1; }
}
text() { pdftotext -layout "$T/body" "$T/text"; }
for u in job job2 borger arbejdsgiver; do login "$u"; done

# the jobcentre caseworker's course with the longest plan
course=$(sqlite3 "$db" "SELECT p.course_id FROM plan_version p JOIN course c
    ON c.id = p.course_id JOIN course_staff s ON s.course_id = c.id
    JOIN app_user u ON u.id = s.user_id WHERE u.username = 'job'
    ORDER BY p.version DESC, p.course_id LIMIT 1")
[ -n "$course" ] || { echo "no course with a plan for job"; exit 1; }
version=$(sqlite3 "$db" "SELECT max(version) FROM plan_version WHERE course_id = $course")
name=$(sqlite3 "$db" "SELECT ci.full_name FROM citizen ci JOIN course c ON
    c.citizen_id = ci.id WHERE c.id = $course")

check 200 job da "/forloeb/$course/plan.pdf"
grep -qi '^content-type: application/pdf' "$T/head" || { echo "not a PDF"; cat "$T/head"; exit 1; }
grep -qi "^content-disposition: attachment; filename=\"plan-$course-v$version.pdf\"" "$T/head" ||
    { echo "file name"; cat "$T/head"; exit 1; }
grep -qi '^cache-control: no-store' "$T/head" || { echo "cacheable"; cat "$T/head"; exit 1; }
head -c 5 "$T/body" | grep -q '%PDF-' || { echo "no PDF header"; exit 1; }
text
expect_out "Borgerens plan" "$T/text"
grep -qF "$name" "$T/text" || { echo "the citizen's name '$name' is not in the text"; cat "$T/text"; exit 1; }
expect_out "Planversion +$version" "$T/text"
expect_out "Fødselsdato +[0-9]{2}-[0-9]{2}-[0-9]{4}" "$T/text"
expect_out "Side 1 af [0-9]+" "$T/text"
expect_out "Udskrevet [0-9]{2}-[0-9]{2}-[0-9]{4}" "$T/text"
expect_out "Teamet omkring borgeren" "$T/text"
expect_out "Ændret siden version $((version - 1))" "$T/text"
# no CPR number: nothing shaped like one (DDMMYY-SSSS or ten digits)
if grep -qE '[0-9]{6}-?[0-9]{4}' "$T/text"; then
    echo "a CPR-shaped number in the plan PDF:"; grep -E '[0-9]{6}-?[0-9]{4}' "$T/text"; exit 1
fi
# the font is embedded, so the text is the same on every machine
pdffonts "$T/body" | grep -q 'DejaVuSans.* yes yes yes' ||
    { echo "DejaVu Sans not embedded"; pdffonts "$T/body"; exit 1; }

# an older version, and the English document
check 200 job da "/forloeb/$course/plan.pdf?version=1"
grep -qi "filename=\"plan-$course-v1.pdf\"" "$T/head"
text
expect_out "Planversion +1" "$T/text"
expect_out "Dette er planens første version" "$T/text"
check 200 job en "/api/v1/cases/$course/plan.pdf"
text
expect_out "The citizen's plan" "$T/text"
expect_out "Page 1 of [0-9]+" "$T/text"
expect_out "Printed [0-9]{2}-[0-9]{2}-[0-9]{4}" "$T/text"
check 400 job da "/api/v1/cases/$course/plan.pdf?version=x"
grep -q '"field":"version"' "$T/body"
check 404 job da "/api/v1/cases/$course/plan.pdf?version=999"

# another municipality's caseworker: as if the course did not exist
check 404 job2 da "/forloeb/$course/plan.pdf"
check 404 job2 da "/api/v1/cases/$course/plan.pdf"
check 404 job da "/forloeb/999999/plan.pdf"

# the citizen downloads their own plan, and no one else's
own=$(sqlite3 "$db" "SELECT c.id FROM course c JOIN app_user u ON
    u.citizen_id = c.citizen_id WHERE u.username = 'borger' LIMIT 1")
check 200 borger da "/forloeb/$own/plan.pdf"
text
expect_out "Borgerens plan" "$T/text"
[ "$own" = "$course" ] || check 404 borger da "/forloeb/$course/plan.pdf"

# the work agreement: the employer contact sees their company's only
mine=$(sqlite3 "$db" "SELECT p.id FROM placement p JOIN app_user u ON
    u.company_id = p.company_id WHERE u.username = 'arbejdsgiver'
    ORDER BY p.id LIMIT 1")
theirs=$(sqlite3 "$db" "SELECT p.id FROM placement p JOIN course c ON
    c.id = p.course_id WHERE c.municipality_code = 250 AND p.company_id <>
    (SELECT company_id FROM app_user WHERE username = 'arbejdsgiver')
    ORDER BY p.id LIMIT 1")
[ -n "$mine" ] && [ -n "$theirs" ] || { echo "demo lacks placements"; exit 1; }
check 200 arbejdsgiver da "/virksomhedsforloeb/$mine/aftale.pdf"
grep -qi '^content-type: application/pdf' "$T/head"
grep -qiE "filename=\"arbejdsaftale-$mine-v[0-9]+.pdf\"" "$T/head"
text
expect_out "Arbejdsaftale" "$T/text"
expect_out "Underskrifter" "$T/text"
expect_out "Arbejdsgiver: navn, dato og underskrift" "$T/text"
check 404 arbejdsgiver da "/virksomhedsforloeb/$theirs/aftale.pdf"
check 404 arbejdsgiver da "/api/v1/placements/$theirs/agreement.pdf"
check 404 job2 da "/virksomhedsforloeb/$mine/aftale.pdf"
check 200 job en "/api/v1/placements/$theirs/agreement.pdf"
text
expect_out "Work agreement" "$T/text"
expect_out "Employer: name, date and signature" "$T/text"
echo ok
