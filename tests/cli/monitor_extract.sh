# The national monitoring extract end to end: the agency's keys and a
# municipality's signing key; export from the demo world; import into a
# national database; the counts match; the decrypted records hold no
# name, CPR number or free text of the source; and bad input (a period
# that ends before it starts, an unknown municipality, the wrong agency
# key, a changed file, an unregistered key, the same file twice) is
# refused with one clear line and writes nothing.
. tests/cli/lib.inc
O="$OVERGANG"
TODAY=$(date -u +%Y-%m-%d)
PERIOD="2025-01-01..$TODAY"
"$O" demo --db "$T/m.db" --seed 7 --today 2026-11-22 >/dev/null
"$O" init --db "$T/nat.db" >/dev/null

# keys: 0600 for the secret ones whatever the umask, never overwritten
umask 022
"$O" monitor keygen --out "$T/agency" >"$T/out"
expect_out "agency.key" "$T/out"
"$O" monitor keygen --municipality 250 --out "$T/halsnaes" >/dev/null
"$O" monitor keygen --municipality 550 --out "$T/tonder" >/dev/null
for f in agency/agency.key agency/pseudonym.key halsnaes/signing-250.key tonder/signing-550.key; do
    [ "$(stat -c %a "$T/$f")" = 600 ] || { echo "$f is not 0600"; exit 1; }
done
[ "$(stat -c %a "$T/agency/agency.pub")" = 644 ]
expect_fail 1 "agency.key' already exists; keys are never overwritten" \
    "$O" monitor keygen --out "$T/agency"
expect_fail 2 "--municipality: give the kommunekode" \
    "$O" monitor keygen --municipality 9999 --out "$T/x"
cp "$T/agency/pseudonym.key" "$T/open.key"
chmod 644 "$T/open.key"
EXP="--agency-key $T/agency/agency.pub --pseudonym-key $T/agency/pseudonym.key"
expect_fail 1 "--pseudonym-key: '.*open.key' may be read by other users" \
    "$O" monitor export --db "$T/m.db" --municipality 250 --period "$PERIOD" \
    --agency-key "$T/agency/agency.pub" --pseudonym-key "$T/open.key" \
    --signing-key "$T/halsnaes/signing-250.key" --out "$T/x.ovmx"

# the agency registers both municipalities' public keys
"$O" monitor register --db "$T/nat.db" --municipality 250 \
    --signing-key "$T/halsnaes/signing-250.pub" >/dev/null
"$O" monitor register --db "$T/nat.db" --municipality 550 \
    --signing-key "$T/tonder/signing-550.pub" >/dev/null

exports() { sqlite3 "$T/m.db" "SELECT count(*) FROM audit_log WHERE action = 'export'"; }
# bad input on export: nothing written, no file, no export audited
e0=$(exports)
# shellcheck disable=SC2086
expect_fail 2 "--period: the period ends \(2025-01-01\) before it starts \(2025-06-30\)" \
    "$O" monitor export --db "$T/m.db" --municipality 250 --period 2025-06-30..2025-01-01 \
    $EXP --signing-key "$T/halsnaes/signing-250.key" --out "$T/bad.ovmx"
# shellcheck disable=SC2086
expect_fail 1 "--municipality: no municipality 101 in this database \(it has: 250, 550\)" \
    "$O" monitor export --db "$T/m.db" --municipality 101 --period "$PERIOD" \
    $EXP --signing-key "$T/halsnaes/signing-250.key" --out "$T/bad.ovmx"
[ ! -e "$T/bad.ovmx" ] || { echo "a refused export left a file"; exit 1; }
[ "$(exports)" = "$e0" ] || { echo "a refused export wrote audit rows"; exit 1; }

# export both municipalities
for m in 250 550; do
    dir=halsnaes; [ $m = 550 ] && dir=tonder
    # shellcheck disable=SC2086
    "$O" monitor export --db "$T/m.db" --municipality $m --period "$PERIOD" \
        $EXP --signing-key "$T/$dir/signing-$m.key" --out "$T/$m.ovmx" >"$T/out"
    expect_out "courses, $PERIOD; written to" "$T/out"
    [ "$(stat -c %a "$T/$m.ovmx")" = 600 ]
done
# shellcheck disable=SC2086
expect_fail 1 "--out: '.*250.ovmx' already exists" \
    "$O" monitor export --db "$T/m.db" --municipality 250 --period "$PERIOD" \
    $EXP --signing-key "$T/halsnaes/signing-250.key" --out "$T/250.ovmx"
active() {
    sqlite3 "$T/m.db" "SELECT count(*) FROM course WHERE municipality_code = $1
        AND stage <> 'screened' AND started_on <= '$TODAY'
        AND (ended_on IS NULL OR ended_on >= '2025-01-01')"
}
screened=$(sqlite3 "$T/m.db" "SELECT count(*) FROM course WHERE municipality_code = 250 AND stage = 'screened'")
[ "$screened" -gt 0 ] || { echo "the demo has no screened course to leave out"; exit 1; }
n250=$(active 250)
n550=$(active 550)
[ "$n250" -gt 100 ] && [ "$n550" -gt 100 ] || { echo "demo too small: $n250 $n550"; exit 1; }
# one export audit row per citizen in the files
[ "$(exports)" = "$((e0 + n250 + n550))" ] || { echo "export rows: $(exports)"; exit 1; }

# bad input on import: nothing written
"$O" monitor keygen --out "$T/other" >/dev/null
records() { sqlite3 "$T/nat.db" "SELECT count(*) FROM monitor_record"; }
files() { sqlite3 "$T/nat.db" "SELECT count(*) FROM monitor_file"; }
expect_fail 1 "--key: the file was encrypted for another agency key" \
    "$O" monitor import --db "$T/nat.db" --key "$T/other/agency.key" --file "$T/250.ovmx"
cp "$T/250.ovmx" "$T/flipped.ovmx"
size=$(stat -c %s "$T/flipped.ovmx")
at=$((size / 2))
byte=$(od -An -tu1 -j "$at" -N1 "$T/flipped.ovmx" | tr -d ' ')
printf "$(printf '\\%03o' $(((byte + 1) % 256)))" |
    dd of="$T/flipped.ovmx" bs=1 seek="$at" conv=notrunc 2>/dev/null
cmp -s "$T/250.ovmx" "$T/flipped.ovmx" && { echo "the byte did not change"; exit 1; }
expect_fail 1 "--file: the signature does not match its contents; the file was changed or damaged" \
    "$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/flipped.ovmx"
head -c $((size - 100)) "$T/250.ovmx" >"$T/cut.ovmx"
expect_fail 1 "changed or damaged" \
    "$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/cut.ovmx"
# a municipality whose key the agency never registered
"$O" monitor keygen --municipality 250 --out "$T/rogue" >/dev/null
# shellcheck disable=SC2086
"$O" monitor export --db "$T/m.db" --municipality 250 --period "$PERIOD" \
    $EXP --signing-key "$T/rogue/signing-250.key" --out "$T/rogue.ovmx" >/dev/null
expect_fail 1 "--file: signed by key [0-9a-f]{32}, which is not registered" \
    "$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/rogue.ovmx"
# ... refused before it is opened: the wrong agency key gets the same answer
expect_fail 1 "which is not registered" \
    "$O" monitor import --db "$T/nat.db" --key "$T/other/agency.key" --file "$T/rogue.ovmx"
[ "$(records)" = 0 ] && [ "$(files)" = 0 ] || { echo "a refused import wrote"; exit 1; }

# import: the counts match
"$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/250.ovmx" >"$T/out"
expect_out "municipality 250, 2025-01-01..$TODAY" "$T/out"
"$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/550.ovmx" >/dev/null
for m in 250 550; do
    got=$(sqlite3 "$T/nat.db" "SELECT count(*) FROM monitor_record WHERE municipality_code = $m")
    want=$(active $m)
    [ "$got" = "$want" ] || { echo "municipality $m: $got records for $want courses"; exit 1; }
done
ended=$(sqlite3 "$T/m.db" "SELECT count(*) FROM course WHERE municipality_code = 250 AND ended_on BETWEEN '2025-01-01' AND '$TODAY'")
[ "$(sqlite3 "$T/nat.db" "SELECT count(*) FROM monitor_record WHERE municipality_code = 250 AND stage = 'ended'")" = "$ended" ]
# the same person has one pseudonym: as many as distinct citizens
[ "$(sqlite3 "$T/nat.db" "SELECT count(DISTINCT pseudonym) FROM monitor_record")" = \
  "$(sqlite3 "$T/m.db" "SELECT count(DISTINCT citizen_id) FROM course WHERE stage <> 'screened' AND started_on <= '$TODAY' AND (ended_on IS NULL OR ended_on >= '2025-01-01')")" ]
# the same file again, and an overlapping period: refused, nothing added
r0=$(records)
expect_fail 1 "--file: this file was imported already" \
    "$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/250.ovmx"
# shellcheck disable=SC2086
"$O" monitor export --db "$T/m.db" --municipality 250 --period "2026-01-01..$TODAY" \
    $EXP --signing-key "$T/halsnaes/signing-250.key" --out "$T/again.ovmx" >/dev/null
expect_fail 1 "overlaps extract 1 \(2025-01-01..$TODAY\)" \
    "$O" monitor import --db "$T/nat.db" --key "$T/agency/agency.key" --file "$T/again.ovmx"
[ "$(records)" = "$r0" ] || { echo "a refused import wrote records"; exit 1; }
"$O" audit verify --db "$T/nat.db" | grep -q 'audit chain intact'
"$O" audit verify --db "$T/m.db" | grep -q 'audit chain intact'

# what the agency decrypts holds no name, CPR number or free text
"$O" monitor show --key "$T/agency/agency.key" --file "$T/250.ovmx" >"$T/plain.jsonl"
"$O" monitor show --key "$T/agency/agency.key" --file "$T/550.ovmx" >>"$T/plain.jsonl"
[ "$(wc -l <"$T/plain.jsonl")" = "$((n250 + n550))" ]
# the names of every citizen, staff member, company and network person,
# and the free texts, 8 characters or more (shorter ones are words)
sqlite3 "$T/m.db" "SELECT full_name FROM citizen UNION SELECT full_name FROM app_user
    UNION SELECT name FROM company UNION SELECT name FROM network_person
    UNION SELECT end_text FROM course UNION SELECT notes FROM meeting
    UNION SELECT wishes FROM meeting UNION SELECT competences FROM meeting
    UNION SELECT own_words FROM assessment_item UNION SELECT summary FROM plan_version
    UNION SELECT citizen_comment FROM plan_version UNION SELECT tasks FROM agreement_version
    UNION SELECT focus FROM cti_contact UNION SELECT area FROM cti_focus" |
    awk 'length($0) >= 8' >"$T/texts"
[ "$(wc -l <"$T/texts")" -gt 500 ] || { echo "too few texts to look for"; exit 1; }
if grep -F -f "$T/texts" "$T/plain.jsonl" >"$T/found"; then
    echo "the extract holds names or free text:"; head -3 "$T/found"; exit 1
fi
# no CPR number: the citizens' birth dates as DDMMYY, and no run of six
# digits at all once the pseudonyms (hex) are taken out
sed 's/"pseudonym":"[0-9a-f]*"//' "$T/plain.jsonl" >"$T/nopseud.jsonl"
if grep -E '[0-9]{6}' "$T/nopseud.jsonl" | head -1 | grep -q .; then
    echo "a six-digit number in the records"; exit 1
fi
sqlite3 "$T/m.db" "SELECT DISTINCT substr(birth_date, 9, 2) || substr(birth_date, 6, 2) || substr(birth_date, 3, 2) FROM citizen" >"$T/ddmmyy"
if grep -F -f "$T/ddmmyy" "$T/nopseud.jsonl" | head -1 | grep -q .; then
    echo "a birth date in the records"; exit 1
fi
# months, never days
if grep -E '"[0-9]{4}-[0-9]{2}-[0-9]{2}"' "$T/plain.jsonl" | head -1 | grep -q .; then
    echo "a day in the records"; exit 1
fi
# and the file itself holds no plaintext
if grep -q -a 'pseudonym\|birth_band' "$T/250.ovmx"; then
    echo "the file is not encrypted"; exit 1
fi
