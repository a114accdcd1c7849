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
# rule 6 in src/report: HTML only through core/html.h and core/svg.h
plant src/report/bad.c '#include "core/html.h"
void f(ov_buf *b, const char *name) { ov_buf_printf(b, "<td>%s</td>", name); }' "writes HTML outside core/html.h"
# rule 7: ov_html_printf arguments against the format
plant src/web/bad.c 'void f(ov_response *res) { ov_html_printf(res, "<p>%d</p>", ov_str_c("7")); }' "do not match the format"
plant src/web/bad.c 'void f(ov_response *res, ov_str s) { ov_html_printf(res, "<p>%t</p>", s); }' "do not match the format"
plant src/web/bad.c 'void f(ov_response *res) { int64_t id = 7; ov_html_printf(res, "<p>%d</p>", id); }' "needs an int (%D for an int64_t)"
plant src/web/bad.c 'void f(ov_response *res) { ov_html_printf(res, "<p>%h %h</p>", ov_str_c("x")); }' "2 conversion(s) but the call passes 1"
plant src/web/bad.c 'void f(ov_response *res) { ov_html_printf(res, "<p>%s</p>", "x"); }' "unknown conversion %s"
plant src/report/bad.c 'void f(ov_buf *b, double v) { ov_html_bprintf(b, "<p>%D</p>", v); }' "do not match the format"
# markup passed as a value is escaped into text (the inputmode bug)
plant src/web/bad.c 'void f(ov_response *res, bool h) { ov_html_printf(res, "<input%h>", ov_str_c(h ? " inputmode=\"decimal\"" : "")); }' "markup passed as a value"
