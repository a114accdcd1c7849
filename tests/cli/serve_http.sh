# overgang serve over real HTTP on 127.0.0.1: health, JSON errors, security
# headers, the body cap before log-in, and a clean stop on SIGTERM.
. tests/cli/lib.inc
db="$T/o.db"
"$OVERGANG" init --db "$db" >/dev/null
port=$(( 20000 + $$ % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
i=0
until curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; cat "$T/serve.log"; kill $pid; exit 1; }
    sleep 0.1
done
curl -s -D "$T/h" "http://127.0.0.1:$port/api/v1/health" >"$T/b"
[ "$(cat "$T/b")" = '{"status":"ok"}' ] || { echo "health body"; cat "$T/b"; kill $pid; exit 1; }
grep -qi '^Content-Security-Policy: .*frame-ancestors' "$T/h" || { cat "$T/h"; kill $pid; exit 1; }
grep -qi '^X-Content-Type-Options: nosniff' "$T/h" || { kill $pid; exit 1; }
code=$(curl -s -o "$T/b" -w '%{http_code}' "http://127.0.0.1:$port/api/v1/nope")
[ "$code" = 404 ] && grep -q '"code":"not_found"' "$T/b" || { echo "404: $code"; kill $pid; exit 1; }
# before log-in a body may be 16 KiB (the log-in form needs a few hundred
# bytes); refused from its Content-Length, unread
code=$(head -c 17000 /dev/zero | curl -s -o "$T/b" -w '%{http_code}' -X POST --data-binary @- "http://127.0.0.1:$port/api/v1/session")
[ "$code" = 413 ] && grep -q '"code":"too_large"' "$T/b" || { echo "413: $code"; kill $pid; exit 1; }
# a body for a route that does not take it: 405 at once
code=$(head -c 1100000 /dev/zero | curl -s -o "$T/b" -w '%{http_code}' -X POST --data-binary @- "http://127.0.0.1:$port/api/v1/health")
[ "$code" = 405 ] || { echo "405: $code"; kill $pid; exit 1; }
# a second server on the same port says why it cannot start
expect_fail 1 "cannot listen on 127.0.0.1:$port" "$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port"
kill -TERM $pid
wait $pid
rc=$?
[ "$rc" = 0 ] || { echo "serve exited $rc after SIGTERM"; cat "$T/serve.log"; exit 1; }
grep -q 'stopped' "$T/serve.log"
"$OVERGANG" check --db "$db" | grep -q '^integrity: ok'
expect_fail 2 "give HOST:PORT" "$OVERGANG" serve --db "$db" --listen nowhere
expect_fail 2 "not an IPv4 address" "$OVERGANG" serve --db "$db" --listen "localhost:8080"
