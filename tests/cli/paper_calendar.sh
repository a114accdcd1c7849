# The calendar subscription over real HTTP on the demo world: a staff user
# makes a secret address on "Min kalender", a calendar program fetches
# the feed without a session, the feed is iCalendar with CRLF lines and
# only first names; renewing ends the old address, revoking the new one
# (404, as an address that never existed); guessing is throttled; the
# token reaches no log line, even at debug level.
. tests/cli/lib.inc
db="$T/d.db"
"$OVERGANG" demo --db "$db" --seed 2 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ * 13) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" --log-level debug \
    2>"$T/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
H="http://127.0.0.1:$port"
i=0
until curl -s -o /dev/null "$H/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; exit 1; }
    sleep 0.1
done
code() { curl -s -o "$T/body" -D "$T/head" -w '%{http_code}' "$@"; }
check() { # want what curl-args...
    want=$1; what=$2; shift 2
    got=$(code "$@")
    [ "$got" = "$want" ] || { echo "$what: expected $want, got $got"; head -c 600 "$T/body"; exit 1; }
}
check 200 "log-in" -c "$T/job" -X POST \
    -d '{"username":"job","password":"overgang-demo"}' "$H/api/v1/session"
csrf=$(sed 's/.*"csrf_token":"\([0-9a-f]*\)".*/\1/' "$T/body")

# the page, then a new address made with its form
check 200 "Min kalender" -b "$T/job" "$H/min-kalender"
grep -q 'Du har ingen kalenderadresse' "$T/body"
grep -q 'href="/min-kalender"' "$T/body" # in the navigation
check 200 "make an address" -b "$T/job" -X POST \
    --data-urlencode "csrf=$csrf" --data-urlencode "do=renew" "$H/min-kalender"
url=$(grep -o 'value="http://[^"]*/kalender.ics?t=[0-9a-f]*"' "$T/body" |
      sed 's/^value="//; s/"$//')
[ -n "$url" ] || { echo "no address on the page"; cat "$T/body"; exit 1; }
token=${url##*t=}
[ ${#token} -eq 64 ] || { echo "token of ${#token} characters"; exit 1; }
grep -q "webcal://127.0.0.1:$port/kalender.ics?t=$token" "$T/body"
# shown once: the page afterwards says there is one, not what it is
check 200 "Min kalender again" -b "$T/job" "$H/min-kalender"
grep -q 'Du har en kalenderadresse' "$T/body"
if grep -q "$token" "$T/body"; then echo "the token is shown again"; exit 1; fi

# the feed, without any cookie
check 200 "the feed" "$url"
grep -qi '^content-type: text/calendar; charset=utf-8' "$T/head"
head -c 17 "$T/body" | grep -q 'BEGIN:VCALENDAR'
# every line ends in CRLF, none is longer than 75 octets
if tr -d '\r' <"$T/body" | cmp -s - "$T/body"; then echo "no CR in the feed"; exit 1; fi
if LC_ALL=C awk '{ sub(/\r$/, ""); if (length($0) > 75) bad = 1 }
        END { exit bad ? 0 : 1 }' "$T/body"; then
    echo "a line longer than 75 octets"; exit 1
fi
cr=$(printf '\r')
if grep -v "$cr\$" "$T/body" | grep -q .; then echo "a line without CR"; exit 1; fi
n=$(grep -c '^BEGIN:VEVENT' "$T/body")
[ "$n" -gt 0 ] || { echo "no events for job"; cat "$T/body"; exit 1; }
[ "$n" = "$(grep -c '^DTSTART;VALUE=DATE:[0-9]\{8\}' "$T/body")" ]
[ "$n" = "$(grep -c '^UID:' "$T/body")" ]
[ "$n" = "$(grep -c '^DTSTAMP:[0-9]\{8\}T[0-9]\{6\}Z' "$T/body")" ]
# first names only: no citizen's surname, no CPR-shaped number
sqlite3 "$db" "SELECT DISTINCT ci.full_name FROM citizen ci JOIN course c ON
    c.citizen_id = ci.id JOIN course_staff s ON s.course_id = c.id JOIN
    app_user u ON u.id = s.user_id WHERE u.username = 'job'" >"$T/names"
while read -r first rest; do
    [ -n "$rest" ] || continue
    if tr -d '\r\n ' <"$T/body" | grep -qF "$(printf '%s' "$first$rest" | tr -d ' ')"; then
        echo "a full name in the feed: $first $rest"; exit 1
    fi
done <"$T/names"
if grep -qE '[0-9]{6}-?[0-9]{4}' "$T/body"; then echo "a CPR-shaped number"; exit 1; fi
# the same feed with the session
check 200 "the feed with a session" -b "$T/job" "$H/api/v1/me/calendar.ics"
[ "$(grep -c '^BEGIN:VEVENT' "$T/body")" = "$n" ]

# renewing ends the old address; revoking ends the new one
check 200 "renew" -b "$T/job" -H "X-CSRF-Token: $csrf" -X POST "$H/api/v1/me/calendar-token"
url2=$(sed 's/.*"url":"\([^"]*\)".*/\1/' "$T/body")
[ "$url2" != "$url" ] || { echo "renewing kept the address"; exit 1; }
check 404 "the old address" "$url"
check 200 "the new address" "$url2"
check 200 "revoke" -b "$T/job" -H "X-CSRF-Token: $csrf" -X DELETE "$H/api/v1/me/calendar-token"
grep -q '"revoked":true' "$T/body"
check 404 "a revoked address" "$url2"
check 404 "no token" "$H/kalender.ics"
# a leader has no calendar
check 200 "leader log-in" -c "$T/leder" -X POST \
    -d '{"username":"leder","password":"overgang-demo"}' "$H/api/v1/session"
check 403 "a leader's calendar" -b "$T/leder" "$H/api/v1/me/calendar.ics"

# guessing: after a few unknown tokens from one address, 429 with a wait
# (the two unknown addresses above counted too)
got=""
i=0
while [ "$i" -lt 20 ]; do
    i=$((i + 1))
    got=$(code "$H/kalender.ics?t=$(printf '%064d' "$i")")
    [ "$got" = 429 ] && break
    [ "$got" = 404 ] || { echo "guess $i: $got"; exit 1; }
done
[ "$got" = 429 ] || { echo "never throttled in $i guesses"; exit 1; }
[ "$i" -le 4 ] || { echo "throttled only after $i guesses"; exit 1; }
grep -qi '^retry-after: [0-9]' "$T/head"

# no token in any log line
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT
for t in "$token" "${url2##*t=}"; do
    if grep -q "$t" "$T/serve.log"; then
        echo "a calendar token in the server log:"; grep "$t" "$T/serve.log"; exit 1
    fi
done
grep -q . "$T/serve.log" || { echo "the server logged nothing at debug level"; exit 1; }
echo ok
