# audit verify names the first bad row after an edit, a deletion or an
# insertion made behind overgang's back; the triggers refuse such SQL. With
# the triggers dropped and the hashes recomputed (the security review's
# attacks, F4), the keyed chain and the anchors outside the database still
# catch every one: deleting the newest 1, 1,000 or all rows, appending a
# forged row, editing a row and recomputing the chain with plain SHA-256,
# and a forged checkpoint with a forged prune row.
. tests/cli/lib.inc
db="$T/o.db"
"$OVERGANG" init --db "$db" >/dev/null
for i in 1 2 3 4 5 6; do "$OVERGANG" audit prune --db "$db" >/dev/null; done
"$OVERGANG" audit verify --db "$db" >"$T/v"
# six prune rows; a new database is keyed from its first row
expect_out "audit chain intact: 6 rows \(1-6\), keyed from row 1" "$T/v"
expect_out "^head: row 6 [0-9a-f]{64}$" "$T/v"
expect_out "the chain reaches the newest, row 6 at" "$T/v"
[ "$(stat -c %a "$db.audit-key")" = 600 ] || { echo "audit key not 0600"; exit 1; }
[ "$(stat -c %a "$db-anchors")" = 600 ] || { echo "anchors not 0600"; exit 1; }
# the key never enters the database
key=$(sed -n 's/^audit=//p' "$db.audit-key")
[ ${#key} -eq 64 ] || { echo "no key in $db.audit-key"; exit 1; }
if sqlite3 "$db" .dump | grep -qi "$key"; then echo "the audit key is in the database"; exit 1; fi

# the append-only triggers refuse edits and deletions through SQL
if sqlite3 "$db" "UPDATE audit_log SET actor='x' WHERE id=3" 2>/dev/null; then
    echo "update of an audit row was allowed"; exit 1
fi
if sqlite3 "$db" "DELETE FROM audit_log WHERE id=3" 2>/dev/null; then
    echo "delete of an audit row was allowed"; exit 1
fi

# Each attack works on a copy of the database; verification uses the
# original's audit key and anchors (as an auditor holding them would).
copy() { cp "$db" "$T/$1.db"; }
verify() { "$OVERGANG" audit verify --db "$T/$1.db" --audit-key "$db.audit-key" --anchors "$db-anchors"; }

# v1 hash: plain SHA-256 over the canonical encoding (store/audit.h) of row
# $2 of database $1 with previous hash $3 (hex): what an attacker without
# the key can compute.
be32() { printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($1 >> 24 & 255)) $(($1 >> 16 & 255)) $(($1 >> 8 & 255)) $(($1 & 255)))"; }
hex2bin() { for b in $(echo "$1" | sed 's/../& /g'); do printf "\\$(printf %03o "0x$b")"; done; }
field() { # value, is-null
    if [ "$2" = 1 ]; then printf '\377\377\377\377'; else
        be32 "$(printf %s "$1" | wc -c)"; printf %s "$1"; fi
}
v1_hash() {
    q() { sqlite3 "$1" "SELECT $3 FROM audit_log WHERE id = $2"; }
    {
        printf overgang-audit-v1
        be32 0; be32 "$2"
        for f in at actor role action citizen_id criterion purpose; do
            field "$(q "$1" "$2" "$f")" "$(q "$1" "$2" "$f IS NULL")"
        done
        hex2bin "$3"
    } >"$T/enc"
    sha256sum "$T/enc" | cut -c1-64
}
hash_of() { sqlite3 "$1" "SELECT hex(hash) FROM audit_log WHERE id = $2" | tr A-F a-f; }
# rewrite rows $2.. of $1 so that each hash is a correct plain SHA-256 of
# the row and the one before (a chain "recomputed" without the key)
rechain() {
    sqlite3 "$1" "DROP TRIGGER IF EXISTS audit_log_no_update"
    last=$(sqlite3 "$1" "SELECT max(id) FROM audit_log")
    id=$2
    while [ "$id" -le "$last" ]; do
        prev=$(sqlite3 "$1" "SELECT hex(prev_hash) FROM audit_log WHERE id = $id" | tr A-F a-f)
        [ "$id" -gt "$2" ] && prev=$(hash_of "$1" $((id - 1)))
        h=$(v1_hash "$1" "$id" "$prev")
        sqlite3 "$1" "UPDATE audit_log SET prev_hash = X'$prev', hash = X'$h' WHERE id = $id"
        id=$((id + 1))
    done
}
# the helper computes what overgang computed before the key: a database
# whose log predates the key verifies with it (the test of the test)
cp "$db" "$T/plain.db"
sqlite3 "$T/plain.db" "DROP TRIGGER audit_log_no_update; DELETE FROM store_meta WHERE key LIKE 'audit_%'"
rechain "$T/plain.db" 1
"$OVERGANG" audit verify --db "$T/plain.db" --audit-key "$T/none" >"$T/v"
expect_out "audit chain intact: 6 rows" "$T/v"

# edited row
copy e
sqlite3 "$T/e.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor='cli:mallory' WHERE id=3"
expect_fail 1 "audit row 3: content does not match its keyed hash" verify e
# edited row, chain recomputed with plain SHA-256
copy r
sqlite3 "$T/r.db" "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor='cli:mallory' WHERE id=3"
rechain "$T/r.db" 3
expect_fail 1 "audit row 3: content does not match its keyed hash" verify r
# ... and the keyed start moved past the end, so every row would be "v1"
sqlite3 "$T/r.db" "UPDATE store_meta SET value = '7' WHERE key = 'audit_chain_keyed_from'"
rechain "$T/r.db" 1
expect_fail 1 "does not belong to database .* or its record of where the keyed audit chain starts \(row 7\) was altered" verify r
# ... or the record of the keyed start removed
sqlite3 "$T/r.db" "DELETE FROM store_meta WHERE key LIKE 'audit_%'"
expect_fail 1 "no longer records where its keyed audit chain starts, but its audit key exists" verify r
# deleted row in the middle
copy d
sqlite3 "$T/d.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id=2"
expect_fail 1 "audit row 3: rows 2 to 2 are missing" verify d
# inserted row: a forged row 7 whose prev_hash is not row 6's hash
copy i
sqlite3 "$T/i.db" "INSERT INTO audit_log SELECT 7, at, actor, role, action, citizen_id, criterion, purpose, prev_hash, hash FROM audit_log WHERE id=4"
expect_fail 1 "audit row 7: does not follow the row before it" verify i
# appended forged row that follows row 6, its hash a correct SHA-256
copy f
sqlite3 "$T/f.db" "INSERT INTO audit_log SELECT 7, at, 'cli:mallory', role, action, citizen_id, criterion, purpose, hash, hash FROM audit_log WHERE id=6"
rechain "$T/f.db" 7
expect_fail 1 "audit row 7: content does not match its keyed hash" verify f
# the newest row deleted (triggers dropped): the anchors reach row 6
copy t1
sqlite3 "$T/t1.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id=6"
expect_fail 1 "audit row 6: the chain ends at row 5, but row 6 was anchored at .* rows 6 to 6 were removed" verify t1
# every row deleted
copy t0
sqlite3 "$T/t0.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log"
expect_fail 1 "audit row 1: the chain ends at row 0" verify t0
# the newest 1,000 rows of a busy database
"$OVERGANG" demo --db "$T/big.db" --seed 3 --today 2026-11-22 >/dev/null
last=$(sqlite3 "$T/big.db" "SELECT max(id) FROM audit_log")
[ "$last" -gt 1000 ] || { echo "demo wrote only $last audit rows"; exit 1; }
"$OVERGANG" audit verify --db "$T/big.db" >/dev/null
sqlite3 "$T/big.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > $((last - 1000))"
expect_fail 1 "audit row $((last - 999)): the chain ends at row $((last - 1000)), but row $last was anchored" \
    "$OVERGANG" audit verify --db "$T/big.db"
# With the triggers in place: a forged checkpoint hides today's history
# and a forged prune row (plain SHA-256) vouches for it
copy c
h6=$(hash_of "$T/c.db" 6)
sqlite3 "$T/c.db" "INSERT INTO audit_checkpoint (first_id, anchor_hash, pruned_rows, cutoff, made_at) VALUES (7, X'$h6', 6, '2026-01-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'); DELETE FROM audit_log WHERE id < 7"
[ "$(sqlite3 "$T/c.db" 'SELECT count(*) FROM audit_log')" = 0 ] || { echo "the triggers stopped the forged checkpoint"; exit 1; }
sqlite3 "$T/c.db" "INSERT INTO audit_log (id, at, actor, role, action, criterion, purpose, prev_hash, hash) VALUES (7, '2026-07-01T00:00:00.000Z', 'cli:root', 'system', 'prune', 'rows before 2026-01-01T00:00:00.000Z: 6 removed; checkpoint 7 $h6', 'audit retention (audit prune)', X'$h6', X'$h6')"
rechain "$T/c.db" 7
expect_fail 1 "audit row 7: content does not match its keyed hash" verify c

# anchors: a forged line, a removed file, and a copy kept elsewhere
cp "$db-anchors" "$T/offsite-anchors"
cp "$db-anchors" "$T/forged-anchors"
sed -n '$p' "$db-anchors" | sed 's/^6 /7 /' >>"$T/forged-anchors"
lines=$(wc -l <"$T/forged-anchors")
expect_fail 1 "line $lines: not an anchor made with this audit key" \
    "$OVERGANG" audit verify --db "$db" --anchors "$T/forged-anchors"
expect_fail 1 "holds no anchor, but the chain is keyed from row 1" \
    "$OVERGANG" audit verify --db "$db" --anchors "$T/nonexistent"
# the newest row deleted and the local anchor file cut back to before it:
# the local file agrees, the copy kept elsewhere does not
copy h
sqlite3 "$T/h.db" "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id=6"
grep -v '^6 ' "$db-anchors" >"$T/h.db-anchors"
cp "$db.audit-key" "$T/h.db.audit-key"
"$OVERGANG" audit verify --db "$T/h.db" >"$T/v"
expect_out "audit chain intact: 5 rows" "$T/v"
expect_fail 1 "the chain ends at row 5, but row 6 was anchored" \
    "$OVERGANG" audit verify --db "$T/h.db" --anchors "$T/offsite-anchors"

# pruning never removes rows younger than 6 months, whatever the setting
expect_fail 2 "kept at least 6 months; set 6 or more" \
    env OVERGANG_AUDIT_RETENTION_MONTHS=1 "$OVERGANG" audit prune --db "$db"
# the original is untouched by all this
"$OVERGANG" audit verify --db "$db" >/dev/null
