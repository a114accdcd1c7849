# With file_group set (here the user's own primary group, so the test
# runs unprivileged) the files holding personal data are created 0640 and
# belong to that group, under umask 022 and 000 alike: the database, its
# -wal and -shm, the read-audit journal, the anchors, a backup, a restored
# database and the evaluation's outputs. The key file and the audit key
# stay 0600. `check` accepts 0640 files of the configured group, warns
# about them without one, and warns about a key any group can read. A
# group that does not exist (or, unprivileged, one the user is not in)
# stops the command with an error that says so, before any file is made.
. tests/cli/lib.inc
grp=$(id -gn)
mode_is() { # MODE FILE...
    want=$1; shift
    for f in "$@"; do
        m=$(stat -c %a "$f")
        [ "$m" = "$want" ] || { echo "$f has mode $m, not $want"; exit 1; }
    done
}
group_is() { # GROUP FILE...
    want=$1; shift
    for f in "$@"; do
        g=$(stat -c %G "$f")
        [ "$g" = "$want" ] || { echo "$f belongs to group $g, not $want"; exit 1; }
    done
}
port=$(( 20000 + ($$ + 4877) % 20000 ))

# run MASK GROUP DIR: every file made under umask MASK with file_group GROUP
run() {
    mask=$1; g=$2; d=$3
    mkdir -p "$d"
    db="$d/o.db"
    (
        umask "$mask"
        "$OVERGANG" init --file-group "$g" --db "$db" >/dev/null
        "$OVERGANG" serve --file-group "$g" --db "$db" \
            --listen "127.0.0.1:$port" 2>"$d/serve.log" &
        pid=$!
        i=0
        until curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/health"; do
            i=$((i + 1))
            [ "$i" -lt 50 ] || { echo "server did not start"; cat "$d/serve.log"; kill $pid; exit 1; }
            sleep 0.1
        done
        mode_is 640 "$db-wal" "$db-shm" || { kill $pid; exit 1; }
        group_is "$g" "$db-wal" "$db-shm" || { kill $pid; exit 1; }
        kill -TERM $pid
        wait $pid
        # the setting from the environment and from a config file
        OVERGANG_FILE_GROUP="$g" "$OVERGANG" backup --db "$db" \
            --to "$d/b.db" >/dev/null
        printf 'file_group = %s\n' "$g" >"$d/overgang.conf"
        "$OVERGANG" restore --config "$d/overgang.conf" --from "$d/b.db" \
            --db "$d/r.db" >/dev/null
        "$OVERGANG" synth-register --persons 400 --treated 40 --months 12 \
            --seed 2 --out "$d/reg" 2>/dev/null
        "$OVERGANG" evaluate --file-group "$g" --register "$d/reg" \
            --out "$d/ev" >/dev/null 2>&1
    )
    mode_is 640 "$db" "$db-audit" "$db-audit2" "$db-anchors" "$d/b.db" \
        "$d/r.db" "$d/ev/pairs.csv" "$d/ev/result.json" "$d/ev/report.html"
    group_is "$g" "$db" "$db-audit" "$db-audit2" "$db-anchors" "$d/b.db" \
        "$d/r.db" "$d/ev/pairs.csv"
    mode_is 600 "$db.key" "$db.audit-key"
}
run 022 "$grp" "$T/u022"
run 000 "$grp" "$T/u000"

# another group than the primary one, where this user may use one
# (root may use any): the files really change group
other=""
if [ "$(id -u)" = 0 ]; then
    other=$(getent group | cut -d: -f1 | grep -vx "$grp" | head -n 1)
else
    other=$(id -Gn | tr ' ' '\n' | grep -vx "$grp" | head -n 1 || true)
fi
if [ -n "$other" ]; then
    run 022 "$other" "$T/other"
fi

# check: ok with the group, a warning for each 0640 file without it
db="$T/u022/o.db"
"$OVERGANG" check --file-group "$grp" --db "$db" >"$T/c1"
expect_out "^file modes: ok" "$T/c1"
if grep -q warning "$T/c1"; then cat "$T/c1"; exit 1; fi
"$OVERGANG" check --db "$db" >"$T/c2"
expect_out "^warning: '$db' holds personal data and is readable by its group \(mode 0640\); fix: chmod 600 '$db'$" "$T/c2"
expect_out "^file modes: see the warnings above" "$T/c2"
# others may never read, group or not; a key no group may read
chmod 644 "$db"
chmod 640 "$db.key"
"$OVERGANG" check --file-group "$grp" --db "$db" >"$T/c3"
expect_out "^warning: '$db' holds personal data and is readable by all users \(mode 0644\); fix: chmod 640 '$db'$" "$T/c3"
expect_out "^warning: '$db.key' holds personal data and is readable by its group \(mode 0640\); fix: chmod 600 '$db.key'$" "$T/c3"
chmod 640 "$db"
chmod 600 "$db.key"
if [ -n "$other" ]; then
    # a 0640 file of another group than the configured one
    "$OVERGANG" check --file-group "$other" --db "$db" >"$T/c4"
    expect_out "^warning: '$db' holds personal data and is readable by group '$grp', not file_group '$other' \(mode 0640\); fix: chgrp $other '$db'$" "$T/c4"
fi

# a group that does not exist: a clear error, and no file made
expect_fail 2 "^overgang: file_group: there is no group 'no-such-group-ov' on this system; create it \(groupadd no-such-group-ov\) or name an existing one$" \
    "$OVERGANG" init --file-group no-such-group-ov --db "$T/none.db"
[ ! -e "$T/none.db" ] || { echo "a database was made despite the error"; exit 1; }
expect_fail 2 "^overgang: OVERGANG_FILE_GROUP: 'a b' is not a group name" \
    env OVERGANG_FILE_GROUP="a b" "$OVERGANG" init --db "$T/none.db"
# a group this user is not in (only checkable without root)
if [ "$(id -u)" != 0 ]; then
    notmine=$(getent group | cut -d: -f1 | while read -r g; do
        id -Gn | tr ' ' '\n' | grep -qx "$g" || { echo "$g"; break; }
    done)
    if [ -n "$notmine" ]; then
        expect_fail 2 "file_group: .* is not a member of group '$notmine'" \
            "$OVERGANG" init --file-group "$notmine" --db "$T/none.db"
    fi
fi
