# settings: defaults < file < environment < flags; bad settings name their
# source.
. tests/cli/lib.inc
printf '# test\n\ndb = %s/file.db\nlog_level = warn\n' "$T" >"$T/o.conf"
"$OVERGANG" config >"$T/c0"
expect_out "^db = overgang.db  # default" "$T/c0"
expect_out "^key_file = overgang.db.key  # derived" "$T/c0"
expect_out "^audit_retention_months = 6  # default" "$T/c0"
"$OVERGANG" config --config "$T/o.conf" >"$T/c1"
expect_out "^db = $T/file.db  # file" "$T/c1"
expect_out "^key_file = $T/file.db.key  # derived" "$T/c1"
OVERGANG_CONFIG="$T/o.conf" OVERGANG_DB="$T/env.db" "$OVERGANG" config >"$T/c2"
expect_out "^db = $T/env.db  # environment" "$T/c2"
expect_out "^log_level = warn  # file" "$T/c2"
OVERGANG_DB="$T/env.db" "$OVERGANG" config --config "$T/o.conf" --db "$T/flag.db" --key-file "$T/k" >"$T/c3"
expect_out "^db = $T/flag.db  # flag" "$T/c3"
expect_out "^key_file = $T/k  # flag" "$T/c3"
printf 'db = x.db\ncolour = blue\n' >"$T/bad.conf"
expect_fail 2 "bad.conf:2: unknown setting 'colour'" "$OVERGANG" config --config "$T/bad.conf"
printf 'audit_retention_months = 0\n' >"$T/bad2.conf"
expect_fail 2 "bad2.conf:1: '0' is not a number of months from 1 to 120" "$OVERGANG" config --config "$T/bad2.conf"
printf 'just words\n' >"$T/bad3.conf"
expect_fail 2 "bad3.conf:1: expected 'key = value'" "$OVERGANG" config --config "$T/bad3.conf"
expect_fail 2 "OVERGANG_AUDIT_RETENTION_MONTHS: 'abc' is not a number" env OVERGANG_AUDIT_RETENTION_MONTHS=abc "$OVERGANG" config
expect_fail 1 "--config: cannot open '$T/none.conf'" "$OVERGANG" config --config "$T/none.conf"
expect_out "^cookie_secure = no  # default" "$T/c0"
expect_fail 2 "OVERGANG_COOKIE_SECURE: 'maybe' is not yes or no" env OVERGANG_COOKIE_SECURE=maybe "$OVERGANG" config
