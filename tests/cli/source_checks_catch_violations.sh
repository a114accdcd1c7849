# scripts/check-source passes on the tree and fails on each kind of violation
# planted in a copy of it.
. tests/cli/lib.inc
scripts/check-source >/dev/null
plant() {
    rm -rf "$T/tree"; mkdir -p "$T/tree"; cp -r src "$T/tree/src"
    printf '%s\n' "$2" >"$T/tree/$1"
    if scripts/check-source "$T/tree" >/dev/null 2>"$T/err"; then
        echo "check-source accepted $1: $2"; exit 1
    fi
    grep -q "$3" "$T/err" || { echo "wrong rule for $1:"; cat "$T/err"; exit 1; }
}
plant src/model/bad.c '#include "store/store.h"' "includes a higher layer"
plant src/core/bad.c '#include "model/actor.h"' "includes a higher layer"
plant src/web/bad.c '#include "store/db.h"' "internal to src/store"
plant src/web/bad.c 'void f(void) { sqlite3_exec(0, 0, 0, 0, 0); }' "SQL engine calls outside"
plant src/core/bad.c 'void f(char *d) { strcpy(d, "x"); }' "banned string functions"
plant src/store/bad.c 'void f(ov_conn *c, const char *q) { ov_stmt *s; ov_stmt_prepare(c, q, &s, 0); }' "never built"
plant src/store/bad.c 'static const char SQL_X[] = make_sql();' "must be string literals"
plant src/web/bad.c 'void f(ov_response *res, ov_str s) { ov_buf_append_str(&res->body, s); }' "response body written outside"
