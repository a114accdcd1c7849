# init creates the database and a 0600 key file; re-running is harmless;
# check and status report the schema version; missing files give a fix.
. tests/cli/lib.inc
db="$T/o.db"
"$OVERGANG" init --db "$db" >"$T/out"
expect_out "schema version [1-9]" "$T/out"
expect_out "key file: $db.key \(new; mode 0600\)" "$T/out"
[ "$(stat -c %a "$db.key")" = 600 ] || { echo "key file mode is not 600"; exit 1; }
key_before=$(sha256sum <"$db.key")
"$OVERGANG" init --db "$db" >"$T/out2"
[ "$(sha256sum <"$db.key")" = "$key_before" ] || { echo "re-init changed the key"; exit 1; }
"$OVERGANG" check --db "$db" >"$T/check"
expect_out "^schema version: [1-9]" "$T/check"
expect_out "^integrity: ok" "$T/check"
"$OVERGANG" status --db "$db" >"$T/status"
expect_out "^audit chain: +intact" "$T/status"
expect_out "^citizens: +0" "$T/status"
expect_out "^key file: .*\(ok\)" "$T/status"
# missing database: exit 1, says how to create it
expect_fail 1 "'$T/none.db' does not exist; create it with 'overgang init" "$OVERGANG" check --db "$T/none.db"
# unwritable place: exit 1, names the path and the reason
expect_fail 1 "cannot (open|create)" "$OVERGANG" init --db /proc/overgang-test.db
[ ! -e "$T/none.db" ] || { echo "check created a file"; exit 1; }
# a key file that others may read is refused with the fix
chmod 644 "$db.key"
"$OVERGANG" status --db "$db" >"$T/status2"
expect_out "chmod 600" "$T/status2"
chmod 600 "$db.key"
# a key file from another database is refused
"$OVERGANG" init --db "$T/other.db" >/dev/null
expect_fail 1 "does not belong to database" "$OVERGANG" init --db "$db" --key-file "$T/other.db.key"
# not a database at all
printf 'this is not sqlite' >"$T/junk.db"
expect_fail 1 "damaged or not an overgang database|not a database" "$OVERGANG" check --db "$T/junk.db"
