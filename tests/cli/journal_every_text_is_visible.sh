# Every stored text is visible (issue 13 §2): each TEXT column of the
# schema that holds user-written text, read from sqlite_schema and
# pragma_table_info, has a value in the demo world (overgang demo --seed 1)
# on a course of the demo caseworker's team, and that value appears on a
# page the caseworker opens: the course page, its journal and every entry
# of it, the plan, CTI and measurements pages, the placements, the
# companies and the screening pages. A column that is not user text is in
# the allow-list below with the reason; a new table needs a row in the map
# (how its rows reach a course) or in the allow-list.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 1 >/dev/null

# ---- not user-written text: ids, codes, dates, hashes, machine formats ----
allowed() {
    case "$1" in
    # the audit log, its checkpoints, sessions, schema bookkeeping,
    # settings kept by the program: written by the program, not by people
    audit_log.*|audit_checkpoint.*|session.*|store_meta.*) return 0 ;;
    schema_migrations.*) return 0 ;;
    # national monitoring: pseudonyms, bands and codes, no free text
    monitor_signer.*|monitor_file.*|monitor_record.*) return 0 ;;
    # municipality register and settings: configuration (code=label
    # lines, rules), entered by the operator, not case text
    municipality.name|municipality_settings.*) return 0 ;;
    # the settings' history: shown on the administrator's settings page
    # (tests/store/test_settings_history.c, the browser's administration
    # step), not on a course
    settings_change.*) return 0 ;;
    # saved business-case scenarios: figures and a name, no person and
    # no course; shown on the economics page (tests/web/test_econ.c, the
    # browser's economics step), not on a course
    econ_scenario.*) return 0 ;;
    # login names and who recorded a row: shown as the person's full name
    # and role, never as the login name (issue 13 §6)
    app_user.username|app_user.password_hash|*.created_by|*.by_user) return 0 ;;
    *.signed_by|*.entered_user|*.proposed_by|*.imported_by|*.drawn_by) return 0 ;;
    *.registered_by|*.updated_by|*.issued_by|*.answered_user) return 0 ;;
    # issue 14: a signature's way is a code shown in words, the date on
    # the paper a date; the names of who signed and who recorded it are
    # people's names as they were when signing, shown in the signature
    # list of the placement page (tests/browser/e2e.mjs); who confirmed a
    # week of hours is a login name, shown with the figure
    agreement_signoff.way|agreement_signoff.paper_date) return 0 ;;
    agreement_signoff.signer_name|agreement_signoff.recorded_by_name) return 0 ;;
    hours_week.employer_by) return 0 ;;
    # codes of enumerations, shown in words
    *.role|*.stage|*.kind|*.sex|*.type|*.signer|*.form|*.instrument) return 0 ;;
    *.rater|*.entered_by|*.answered_by|*.end_reason|*.exclusion_reason|*.legal_basis) return 0 ;;
    *.ordinary|*.domain|opening.occupation|opening.accommodations) return 0 ;;
    # dates and timestamps (shown as DD-MM-YYYY), hashes, numbers as text
    *_on|*_at|*.on_date|*.birth_date|*.reference_date|*.period_*) return 0 ;;
    *.started|*.ended|company.cvr|draw.seed) return 0 ;;
    # machine formats: the plan as canonical JSON (its texts are the plan
    # page's fields), measurement answers as a JSON list of numbers
    plan_version.content|measurement.items) return 0 ;;
    # the file name of an imported candidate list (the import's record)
    screening_batch.source_name) return 0 ;;
    # written only by ov_screening_exclude, which no page, API route or
    # command calls yet (no manual exclusion in the interface): when one
    # does, remove this line and show the text on the candidate list
    candidate.exclusion_text) return 0 ;;
    esac
    return 1
}

# ---- how a table's rows reach a course: FROM clause with t and c ----
from_of() {
    case "$1" in
    citizen) echo "citizen t JOIN course c ON c.citizen_id = t.id" ;;
    team) echo "team t JOIN course c ON c.team_id = t.id" ;;
    company) echo "company t JOIN placement p ON p.company_id = t.id JOIN course c ON c.id = p.course_id" ;;
    app_user) echo "app_user t JOIN course_staff s ON s.user_id = t.id JOIN course c ON c.id = s.course_id" ;;
    course) echo "course t JOIN course c ON c.id = t.id" ;;
    assessment_item|meeting_attendee) echo "$1 t JOIN meeting m ON m.id = t.meeting_id JOIN course c ON c.id = m.course_id" ;;
    agreement_version|agreement_goal|agreement_signoff|hours_week)
        echo "$1 t JOIN placement p ON p.id = t.placement_id JOIN course c ON c.id = p.course_id" ;;
    candidate) echo "candidate t JOIN course c ON c.citizen_id = t.citizen_id" ;;
    opening) echo "opening t JOIN match_proposal mp ON mp.opening_id = t.id JOIN course c ON c.id = mp.course_id" ;;
    screening_batch) echo "screening_batch t JOIN candidate ca ON ca.batch_id = t.id JOIN course c ON c.citizen_id = ca.citizen_id" ;;
    draw|draw_pool|draw_member) echo "" ;;
    *) # a table with course_id
        if [ "$(sqlite3 "$db" "SELECT count(*) FROM pragma_table_info('$1') WHERE name = 'course_id'")" = 1 ]; then
            echo "$1 t JOIN course c ON c.id = t.course_id"
        fi ;;
    esac
}

team_of_job="(SELECT tm.team_id FROM team_member tm JOIN app_user u ON u.id = tm.user_id WHERE u.username = 'job')"

# ---- the server, the caseworker's session ----
port=$(( 20000 + ($$ * 7) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
U="http://127.0.0.1:$port"
i=0
until curl -s -o /dev/null "$U/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
curl -s -c "$T/job" -o /dev/null -d 'username=job&password=overgang-demo' "$U/login"

get() { curl -s -b "$T/job" "$U$1" >>"$T/pages/$2"; }
# every page of a course the caseworker opens, into pages/<course>
pages_of() {
    c=$1
    [ -s "$T/pages/$c" ] && return 0
    for p in "" /journal /plan /cti /maalinger; do get "/forloeb/$c$p" "$c"; done
    grep -o "/forloeb/$c/journal/post?ref=[a-z_]*%3A[0-9%A]*\|/forloeb/$c/journal/post?ref=[a-z_:0-9]*" \
        "$T/pages/$c" | sort -u >"$T/links"
    while read -r l; do get "$l" "$c"; done <"$T/links"
    grep -o '/virksomhedsforloeb/[0-9]*' "$T/pages/$c" | sort -u >"$T/links"
    while read -r l; do get "$l" "$c"; done <"$T/links"
    # the municipality's pages: companies, candidate lists, the team's
    # figures (team names)
    for p in /virksomheder /screening /tavle; do get "$p" "$c"; done
}
mkdir -p "$T/pages"

# as HTML text: & < > " ' escaped as the pages escape them
esc() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g"; }

failed=0
checked=0
for tbl in $(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"); do
    for col in $(sqlite3 "$db" "SELECT name FROM pragma_table_info('$tbl') WHERE upper(type) = 'TEXT' ORDER BY cid"); do
        allowed "$tbl.$col" && continue
        from=$(from_of "$tbl")
        if [ -z "$from" ]; then
            echo "$tbl.$col: the test does not know how $tbl reaches a course; add it to from_of or, if it is not user text, to allowed"
            failed=$((failed + 1)); continue
        fi
        row=$(sqlite3 -separator '	' "$db" "SELECT c.id, replace(t.$col, char(10), ' ') FROM $from WHERE c.team_id IN $team_of_job AND t.$col IS NOT NULL AND t.$col <> '' ORDER BY c.id LIMIT 1")
        if [ -z "$row" ]; then
            echo "$tbl.$col: the demo leaves it empty on every course of the caseworker's team; make the demo fill it"
            failed=$((failed + 1)); continue
        fi
        course=${row%%	*}
        value=${row#*	}
        pages_of "$course"
        checked=$((checked + 1))
        if ! grep -qF -- "$(esc "$value")" "$T/pages/$course"; then
            echo "$tbl.$col: '$value' (course $course) is on no page the caseworker opens"
            failed=$((failed + 1))
        fi
    done
done
[ "$checked" -ge 15 ] || { echo "only $checked columns checked"; exit 1; }
[ "$failed" = 0 ] || { echo "$failed stored text column(s) are not visible"; exit 1; }
kill -TERM $pid
wait $pid 2>/dev/null || true
trap - EXIT
