# Under umask 022 every file holding personal data is created owner-only
# (0600): the database, its -wal and -shm, the read-audit journal, the key
# file, a backup (the .partial it is renamed from is the same file), a
# restored database and the evaluation's outputs. `check` warns about such
# a file that others can read, with the chmod that fixes it.
. tests/cli/lib.inc
umask 022
db="$T/o.db"
want600() {
    for f in "$@"; do
        m=$(stat -c %a "$f")
        [ "$m" = 600 ] || { echo "$f has mode $m, not 600"; exit 1; }
    done
}
"$OVERGANG" init --db "$db" >/dev/null
want600 "$db" "$db.key" "$db-audit" "$db-audit2" "$db.audit-key" "$db-anchors"
# -wal and -shm exist while the database is open
port=$(( 20000 + ($$ + 7919) % 20000 ))
"$OVERGANG" serve --db "$db" --listen "127.0.0.1:$port" 2>"$T/serve.log" &
pid=$!
i=0
until curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health"; do
    i=$((i + 1)); [ "$i" -lt 50 ] || { echo "server did not start"; cat "$T/serve.log"; kill $pid; exit 1; }
    sleep 0.1
done
want600 "$db-wal" "$db-shm" || { kill $pid; exit 1; }
kill -TERM $pid
wait $pid
"$OVERGANG" backup --db "$db" --to "$T/b.db" >/dev/null
"$OVERGANG" restore --from "$T/b.db" --db "$T/r.db" >/dev/null
want600 "$T/b.db" "$T/r.db"
"$OVERGANG" synth-register --persons 400 --treated 40 --months 12 --seed 2 \
    --out "$T/reg" 2>/dev/null
"$OVERGANG" evaluate --register "$T/reg" --out "$T/ev" >/dev/null 2>&1
want600 "$T/ev/pairs.csv" "$T/ev/result.json" "$T/ev/balance.csv" "$T/ev/report.html"
# check: quiet when all is private, a warning with the fix otherwise
"$OVERGANG" check --db "$db" >"$T/c1"
expect_out "^file modes: ok" "$T/c1"
if grep -q warning "$T/c1"; then cat "$T/c1"; exit 1; fi
chmod 644 "$db"
chmod 640 "$db.key"
chmod 644 "$db.audit-key"
"$OVERGANG" check --db "$db" >"$T/c2"
expect_out "^warning: '$db.audit-key' holds personal data and is readable by all users \(mode 0644\); fix: chmod 600 '$db.audit-key'$" "$T/c2"
expect_out "^warning: '$db' holds personal data and is readable by all users \(mode 0644\); fix: chmod 600 '$db'$" "$T/c2"
expect_out "^warning: '$db.key' holds personal data and is readable by its group \(mode 0640\); fix: chmod 600 '$db.key'$" "$T/c2"
expect_out "^file modes: see the warnings above" "$T/c2"
