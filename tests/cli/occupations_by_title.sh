# Occupations chosen by title over real HTTP on the demo world: the API
# searches the DISCO-08 list compiled into the program (title, accents
# ignored, or code prefix; an empty query and a role that chooses no
# occupation refused); the plan's API takes a title and stores its code,
# and refuses a code that is no category, naming the field; the plan
# page, the plan PDF and the journal show "title (code)".
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 3 --today 2026-11-22 >/dev/null
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
login() { # user -> cookie jar $T/<user>.jar, CSRF token in $T/<user>.csrf
    curl -s -c "$T/$1.jar" -X POST \
        -d "{\"username\":\"$1\",\"password\":\"overgang-demo\"}" \
        "$H/api/v1/session" | sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' \
        >"$T/$1.csrf"
    [ -s "$T/$1.csrf" ] || { echo "log-in as $1 failed"; exit 1; }
}
req() { # want user curl-args... -> body in $T/body
    want=$1; u=$2; shift 2
    got=$(curl -s -b "$T/$u.jar" -H "X-CSRF-Token: $(cat "$T/$u.csrf")" \
        -o "$T/body" -w '%{http_code}' "$@")
    [ "$got" = "$want" ] || { echo "$u $*: expected $want, got $got";
        head -c 600 "$T/body"; echo; exit 1; }
}
login job
login leder
login vk

# the list by title, accents and case ignored: every cleaning category
req 200 job "$H/api/v1/occupations?q=RENGORING"
expect_out '"total":5,"truncated":false' "$T/body"
expect_out '\{"code":"9112","title":"Rengøringsarbejde undtagen i private hjem"\}' "$T/body"
req 200 job "$H/api/v1/occupations?q=reng%C3%B8ring"
expect_out '"total":5' "$T/body"
# by the first digits of the code; only stillingskategorier (4 digits)
req 200 vk "$H/api/v1/occupations?q=932"
expect_out '^\{"occupations":\[\{"code":"9321","title":"Pakkeriarbejde"\},\{"code":"9329",' "$T/body"
if grep -q '"code":"932100"' "$T/body"; then echo "a level-5 code offered"; exit 1; fi
# capped, with the whole count
req 200 job "$H/api/v1/occupations?q=arbejde"
expect_out '"truncated":true' "$T/body"
[ "$(grep -o '"code"' "$T/body" | wc -l)" -eq 20 ] || { echo "not capped at 20"; exit 1; }
# refused: no query; a role that chooses no occupation
req 400 job "$H/api/v1/occupations?q="
expect_out '"field":"q"' "$T/body"
req 403 leder "$H/api/v1/occupations?q=pakkeri"

# the plan's API takes a title and stores the code
course=$(sqlite3 "$db" "SELECT p.course_id FROM plan_version p JOIN course c
    ON c.id = p.course_id JOIN team_member m ON m.team_id = c.team_id
    JOIN app_user u ON u.id = m.user_id WHERE u.username = 'job'
    AND c.ended_on IS NULL ORDER BY p.course_id LIMIT 1")
[ -n "$course" ] || { echo "no course with a plan for job"; exit 1; }
version=$(sqlite3 "$db" "SELECT max(version) FROM plan_version WHERE course_id = $course")
plan() { # occupation -> the API's body
    printf '{"base_version":%s,"job_goal":"Arbejde på et lager","occupation":"%s","goals":[]}' \
        "$version" "$1"
}
# a code that is no DISCO-08 category: refused, named, nothing stored
req 400 job -H 'Content-Type: application/json' -d "$(plan 9999)" \
    "$H/api/v1/cases/$course/plan"
expect_out '"field":"occupation"' "$T/body"
expect_out '9999 is not a DISCO-08 occupation category' "$T/body"
# a title several categories have: refused, with some to pick
req 400 job -H 'Content-Type: application/json' -d "$(plan rengøring)" \
    "$H/api/v1/cases/$course/plan"
expect_out '5 occupations match' "$T/body"
expect_out 'Rengøringsarbejde i private hjem \(9111\)' "$T/body"
[ "$(sqlite3 "$db" "SELECT max(version) FROM plan_version WHERE course_id = $course")" = "$version" ] ||
    { echo "a refused plan was stored"; exit 1; }
# part of one title: the code is stored
req 200 job -H 'Content-Type: application/json' -d "$(plan pakkeriarb)" \
    "$H/api/v1/cases/$course/plan"
occ=$(sqlite3 "$db" "SELECT json_extract(content, '\$.occupation') FROM plan_version
    WHERE course_id = $course ORDER BY version DESC LIMIT 1")
[ "$occ" = "9321" ] || { echo "stored occupation '$occ', not 9321"; exit 1; }
req 200 job "$H/forloeb/$course/plan"
expect_out 'Pakkeriarbejde \(9321\)' "$T/body"
# the PDF of the plan names it the same way
req 200 job "$H/forloeb/$course/plan.pdf"
pdftotext -layout "$T/body" "$T/text"
expect_out 'Pakkeriarbejde \(9321\)' "$T/text"
