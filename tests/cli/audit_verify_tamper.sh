# audit verify names the first bad row after an edit, a deletion or an
# insertion made behind overgang's back; the triggers refuse such SQL.
. tests/cli/lib.inc
db="$T/o.db"
"$OVERGANG" init --db "$db" >/dev/null
for i in 1 2 3 4 5; do "$OVERGANG" audit prune --db "$db" >/dev/null; done
"$OVERGANG" audit verify --db "$db" >"$T/v"
expect_out "audit chain intact: 5 rows \(1-5\)" "$T/v"
expect_out "^head: row 5 [0-9a-f]{64}$" "$T/v"
# the append-only triggers refuse edits and deletions through SQL
if sqlite3 "$db" "UPDATE audit_log SET actor='x' WHERE id=3" 2>/dev/null; then
    echo "update of an audit row was allowed"; exit 1
fi
if sqlite3 "$db" "DELETE FROM audit_log WHERE id=3" 2>/dev/null; then
    echo "delete of an audit row was allowed"; exit 1
fi
# edited row
cp "$db" "$T/e.db"
sqlite3 "$T/e.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor='cli:mallory' WHERE id=3"
expect_fail 1 "audit row 3: content does not match its hash" "$OVERGANG" audit verify --db "$T/e.db"
# deleted row
cp "$db" "$T/d.db"
sqlite3 "$T/d.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id=2"
expect_fail 1 "audit row 3: rows 2 to 2 are missing" "$OVERGANG" audit verify --db "$T/d.db"
# inserted row: a forged row 6 whose prev_hash is not row 5's hash
cp "$db" "$T/i.db"
sqlite3 "$T/i.db" "INSERT INTO audit_log SELECT 6, at, actor, role, action, citizen_id, criterion, purpose, prev_hash, hash FROM audit_log WHERE id=4"
expect_fail 1 "audit row 6: does not follow the row before it" "$OVERGANG" audit verify --db "$T/i.db"
