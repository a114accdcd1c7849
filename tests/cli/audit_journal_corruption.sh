# One damaged byte in the read-audit journal never drops acknowledged audit
# rows silently (F5): verify and status report the loss, serve refuses to
# start and changes nothing, and only --accept-audit-loss starts it: the
# damaged file is kept aside and the loss, with its count, is audited.
. tests/cli/lib.inc
db="$T/c.db"
"$OVERGANG" demo --db "$db" --seed 3 --today 2026-11-22 >/dev/null
port=$(( 20000 + ($$ * 17 + 7) % 20000 ))
start() { # extra serve flags...
    "$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" "$@" 2>>"$T/serve.log" &
    pid=$!
    i=0
    until curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health"; do
        i=$((i + 1)); [ "$i" -lt 100 ] || { echo "server did not start"; cat "$T/serve.log"; exit 1; }
        sleep 0.1
    done
}
trap 'kill -9 $pid 2>/dev/null || true' EXIT
# A server reads course pages and is killed: the journal keeps the rows
# of the pages it showed that no fold took yet (a fold runs every second,
# so try again until a journal file holds a few records).
journal=""
for attempt in 1 2 3 4 5; do
    start
    curl -s -o /dev/null -c "$T/jar" -X POST -H 'Content-Type: application/json' \
        -d '{"username":"job","password":"overgang-demo"}' \
        "http://127.0.0.1:$port/api/v1/session"
    curl -s -b "$T/jar" "http://127.0.0.1:$port/api/v1/cases" |
        grep -o '{"id":[0-9]*' | cut -d: -f2 | head -n 8 >"$T/ids"
    for c in 1 2; do
        (
            while :; do
                for id in $(cat "$T/ids"); do
                    curl -s -o /dev/null -b "$T/jar" \
                        "http://127.0.0.1:$port/forloeb/$id" || exit 0
                done
            done
        ) &
        eval "client$c=\$!"
    done
    sleep 1.5
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    # shellcheck disable=SC2154
    wait "$client1" "$client2" 2>/dev/null || true
    # A file's size is not enough: a kill between a fold's commit and the
    # file's truncation leaves a file of records already folded, whose
    # damage loses nothing. Take a file whose first record (its sequence
    # number at bytes 12-19) is above the folded number.
    folded=$(sqlite3 "$db" "SELECT CAST(value AS INTEGER) FROM store_meta WHERE key = 'audit_journal_seq'")
    for f in "$db-audit" "$db-audit2"; do
        [ "$(stat -c %s "$f")" -ge 400 ] || continue
        first=$(od -An -tu8 -j12 -N8 "$f" | tr -d ' ')
        if [ "$first" -gt "${folded:-0}" ]; then journal=$f; break; fi
    done
    [ -n "$journal" ] && break
    "$OVERGANG" init --db "$db" >/dev/null # fold, and try again
done
[ -n "$journal" ] || { echo "no journal records left after 5 kills"; exit 1; }
# verify counts them before anything is damaged
"$OVERGANG" audit verify --db "$db" >"$T/v"
expect_out "journal: [1-9][0-9.]* read rows waiting to be folded, none missing" "$T/v"
"$OVERGANG" status --db "$db" >"$T/s"
expect_out "^audit journal: [1-9][0-9.]* read rows waiting" "$T/s"

# one flipped byte inside the first record's payload (all its bits: a
# fixed 'X' was the byte already once in 256 runs, and nothing was damaged)
b=$(od -An -tu1 -j20 -N1 "$journal" | tr -d ' ')
printf "\\$(printf '%03o' $((b ^ 255)))" | dd of="$journal" bs=1 seek=20 conv=notrunc status=none
cp "$journal" "$T/damaged"
expect_fail 1 "the read-audit journal has lost [1-9][0-9]* acknowledged rows \(damage at byte 0 of $journal, valid records after it" \
    "$OVERGANG" audit verify --db "$db"
expect_fail 1 "the read-audit journal has lost" "$OVERGANG" status --db "$db"
expect_fail 1 "the read-audit journal is damaged: [1-9][0-9]* acknowledged read audit rows are missing .*open with --accept-audit-loss" \
    "$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port"
cmp -s "$journal" "$T/damaged" || { echo "the refused start changed the journal"; exit 1; }
lost=$(sed -n 's/.*journal is damaged: \([0-9]*\) acknowledged.*/\1/p' "$T/err")

# accepted: it starts, keeps the damaged file, audits the loss
start --accept-audit-loss
curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health"
kill -TERM "$pid"
wait "$pid" || { echo "the server did not stop cleanly"; cat "$T/serve.log"; exit 1; }
grep -q "acknowledged read audit rows lost" "$T/serve.log" ||
    { echo "no log line about the loss"; cat "$T/serve.log"; exit 1; }
n=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE action = 'delete' AND criterion LIKE 'read-audit journal damaged: $lost acknowledged read rows lost%'")
[ "$n" = 1 ] || { echo "the accepted loss of $lost rows is audited $n times"; exit 1; }
set -- "$journal".corrupt-*
[ -f "$1" ] || { echo "the damaged journal was not kept aside"; ls "$T"; exit 1; }
cmp -s "$1" "$T/damaged" || { echo "the kept copy differs from the damaged file"; exit 1; }
"$OVERGANG" audit verify --db "$db" >"$T/v"
expect_out "audit chain intact" "$T/v"
# once accepted, the next start is a normal one
start
kill -TERM "$pid"
wait "$pid"
n=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE criterion LIKE 'read-audit journal damaged%'")
[ "$n" = 1 ] || { echo "the loss was recorded $n times"; exit 1; }
