# Nothing shown goes unaudited, even when the server dies under load:
# every course page that reached a client (200) has its read row in the
# audit log after a restart, the chain verifies, and nothing is counted
# twice when the journal is folded again.
# It waits for conditions, never for a fixed time, so a loaded machine
# makes it slower, not flaky: the server is up when it says it serves on
# its port (another program on the port makes it exit: the next port is
# tried), and it is killed once the clients have been shown enough pages.
. tests/cli/lib.inc
db="$T/c.db"
"$OVERGANG" demo --db "$db" --seed 3 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ * 13) % 20000 ))
# wait (at most `limit` tenths of a second) until the command succeeds
wait_for() {
    limit=$1; shift
    i=0
    until "$@"; do
        i=$((i + 1)); [ "$i" -lt "$limit" ] || return 1
        sleep 0.1
    done
}
serving() { grep -q "serving on http://127.0.0.1:$port" "$T/serve.log"; }
up_or_gone() { serving || ! kill -0 "$pid" 2>/dev/null; }
start() {
    tries=0
    while :; do
        : >"$T/serve.log"
        "$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>>"$T/serve.log" &
        pid=$!
        wait_for 1200 up_or_gone || { echo "server did not start in 120 s"; cat "$T/serve.log"; exit 1; }
        serving && break
        # the port was taken: the next one
        tries=$((tries + 1))
        [ "$tries" -lt 20 ] || { echo "no free port"; cat "$T/serve.log"; exit 1; }
        port=$(( 20000 + (port - 20000 + 7919) % 20000 ))
    done
    wait_for 1200 curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health" ||
        { echo "server does not answer"; cat "$T/serve.log"; exit 1; }
}
start
trap 'kill -9 $pid 2>/dev/null || true' EXIT
curl -s -o /dev/null -c "$T/jar" -X POST -H 'Content-Type: application/json' \
    -d '{"username":"job","password":"overgang-demo"}' \
    "http://127.0.0.1:$port/api/v1/session"
curl -s -b "$T/jar" "http://127.0.0.1:$port/api/v1/cases" |
    grep -o '{"id":[0-9]*' | cut -d: -f2 | head -n 8 >"$T/ids"
[ -s "$T/ids" ] || { echo "job sees no courses"; exit 1; }
before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'job' AND action = 'read' AND purpose LIKE 'forløb %'")

# four clients read course pages as fast as they can; each notes every 200
for c in 1 2 3 4; do
    (
        while :; do
            for id in $(cat "$T/ids"); do
                code=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" \
                    "http://127.0.0.1:$port/forloeb/$id") || exit 0
                [ "$code" = 200 ] && echo "$id" >>"$T/shown.$c"
            done
        done
    ) &
    eval "client$c=\$!"
done
# until the clients have been shown 40 pages (at most 5 minutes)
shown_now() { cat "$T"/shown.* 2>/dev/null | wc -l; }
enough() { [ "$(shown_now)" -ge 40 ]; }
wait_for 3000 enough ||
    { echo "only $(shown_now) pages shown in 5 minutes"; cat "$T/serve.log"; exit 1; }
# the server dies mid-load (a power cut would also lose what the disk had
# not synced; that is why a row is synced before its page leaves)
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
# shellcheck disable=SC2154
wait "$client1" "$client2" "$client3" "$client4" 2>/dev/null || true
shown=$(cat "$T"/shown.* 2>/dev/null | wc -l)
[ "$shown" -gt 20 ] || { echo "only $shown pages were shown before the crash"; exit 1; }

# the next start folds what the journal holds
"$OVERGANG" init --db "$db" >/dev/null
rows() { sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'job' AND action = 'read' AND purpose LIKE 'forløb %'"; }
after=$(rows)
logged=$((after - before))
[ "$logged" -ge "$shown" ] ||
    { echo "$shown pages shown but only $logged read rows in the audit log"; exit 1; }
# a view whose row was journaled but whose answer the crash cut off is
# logged without having been shown: at most one per client in flight
[ "$logged" -le $((shown + 4)) ] ||
    { echo "$logged read rows for $shown pages shown: rows counted twice?"; exit 1; }
# per course: each course shown n times has at least n rows
for id in $(cat "$T/ids"); do
    n=$(cat "$T"/shown.* 2>/dev/null | grep -cx "$id" || true)
    m=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE actor = 'job' AND action = 'read' AND purpose = 'forløb $id'")
    [ "$m" -ge "$n" ] || { echo "course $id shown $n times, $m read rows"; exit 1; }
done
"$OVERGANG" audit verify --db "$db" >"$T/v"
expect_out "audit chain intact" "$T/v"
# opening again adds nothing
"$OVERGANG" init --db "$db" >/dev/null
[ "$(rows)" = "$after" ] || { echo "a second start added rows: $(rows) after $after"; exit 1; }
[ ! -s "$db-audit" ] && [ ! -s "$db-audit2" ] ||
    { echo "the journal was not emptied after the fold"; ls -l "$db"-audit*; exit 1; }
