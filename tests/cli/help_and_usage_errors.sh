# help lists every command; usage errors are one line with exit status 2.
. tests/cli/lib.inc
"$OVERGANG" help >"$T/help"
for c in help version config init status check backup restore screening draw demo audit; do
    expect_out "^  $c " "$T/help"
done
"$OVERGANG" version | grep -qE '^overgang [0-9]+\.[0-9]+\.[0-9]+ '
"$OVERGANG" help backup | grep -q -- '--to FILE'
expect_fail 2 "unknown command 'frobnicate'; run 'overgang help'" "$OVERGANG" frobnicate
expect_fail 2 "init: unknown option '--bogus'" "$OVERGANG" init --bogus
expect_fail 2 "init: --db needs a value" "$OVERGANG" init --db
expect_fail 2 "--db given twice" "$OVERGANG" init --db a.db --db b.db
expect_fail 2 "backup: --to FILE is required" "$OVERGANG" backup --db "$T/x.db"
expect_fail 2 "audit: give 'verify' or 'prune'" "$OVERGANG" audit
expect_fail 2 "audit: unknown subcommand 'fix'" "$OVERGANG" audit fix
expect_fail 2 "unknown log level 'loud'" "$OVERGANG" check --db "$T/x.db" --log-level loud
