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
plant src/store/bad.c 'static const ov_list_query Q = {.sql = make_sql(), .row_size = 1};' "list query's .sql and .count_sql must be"
plant src/store/bad.c 'void f(ov_conn *c, const ov_list_query *q) { ov_stmt *s; ov_stmt_prepare(c, q->sql, &s, 0); }' "q->sql is allowed only in list.c"
plant src/web/bad.c 'void f(ov_response *res, ov_str s) { ov_buf_append_str(&res->body, s); }' "response body written outside"
plant src/web/bad.c 'void ov_h_x(ov_web *app) { ov_tx *tx; ov_err e; ov_tx_begin_read(app->store, &tx, &e); }' "begins a transaction of its own"
# Rules 6 (src/report) and 7 (ov_html_printf arguments) in one planted
# tree, one file per violation (check-source names the file and line of
# each, so one run proves them all).
rm -rf "$T/tree"; mkdir -p "$T/tree"; cp -r src "$T/tree/src"
n=0
want() { # want DIR FILE-CONTENT MESSAGE
    n=$((n + 1))
    printf '%s\n' "$2" >"$T/tree/$1/bad$n.c"
    printf '%s\t%s\n' "$1/bad$n.c" "$3" >>"$T/want"
}
: >"$T/want"
want src/report '#include "core/html.h"
void f(ov_buf *b, const char *name) { ov_buf_printf(b, "<td>%s</td>", name); }' "writes HTML outside core/html.h"
want src/web 'void f(ov_response *res) { ov_html_printf(res, "<p>%d</p>", ov_str_c("7")); }' "is ov_str, but %d needs an int"
want src/web 'void f(ov_response *res, ov_str s) { ov_html_printf(res, "<p>%t</p>", s); }' "is ov_str, but %t needs a catalogue key"
want src/web 'void f(ov_response *res) { int64_t id = 7; ov_html_printf(res, "<p>%d</p>", id); }' "needs an int (%D for an int64_t)"
want src/web 'void f(ov_response *res) { ov_html_printf(res, "<p>%h %h</p>", ov_str_c("x")); }' "2 conversion(s) but the call passes 1"
want src/web 'void f(ov_response *res) { ov_html_printf(res, "<p>%s</p>", "x"); }' "unknown conversion %s"
want src/report 'void f(ov_buf *b, double v) { ov_html_bprintf(b, "<p>%D</p>", v); }' "is double, but %D needs"
# markup passed as a value is escaped into text (the inputmode bug)
want src/web 'void f(ov_response *res, bool h) { ov_html_printf(res, "<input%h>", ov_str_c(h ? " inputmode=\"decimal\"" : "")); }' "markup passed as a value"
want src/report '#include "core/html.h"
void f(ov_buf *b, bool over) { ov_html_bprintf(b, "<td%h>", over ? " class=\"flag\"" : ""); }' "markup passed as a value"
want src/report '#include "core/html.h"
static const char *CSS = "p{}";
void f(ov_buf *b) { ov_html_bconst(b, CSS); }' "ov_html_bconst takes a"
want src/report '#include "core/html.h"
void f(ov_buf *b, const char *fmt) { ov_html_bprintf(b, fmt, 1); }' "the format must be a string literal"
if scripts/check-source "$T/tree" >/dev/null 2>"$T/err"; then
    echo "check-source accepted the planted HTML violations"; exit 1
fi
while IFS="$(printf '\t')" read -r file msg; do
    grep -F "$file" "$T/err" | grep -qF "$msg" ||
        { echo "check-source did not report $file: $msg"; cat "$T/err"; exit 1; }
done <"$T/want"
# Rule 8: an error a user can cause carries a message id, in every layer
# the web reaches (a multi-line call and a parser of src/core included);
# operator errors and the CLI-only layers may stay English. One planted
# tree for the refusals, one for what stays allowed.
rm -rf "$T/tree"; mkdir -p "$T/tree"; cp -r src "$T/tree/src"
printf '%s\n' 'ov_status f(ov_err *e) { return ov_err_set(e, OV_EINVAL, "x", "x: bad"); }' >"$T/tree/src/model/bad8.c"
printf '%s\n' 'void f(ov_err *e) { ov_err_set(e,' '    OV_ENOTFOUND, NULL, "no such thing"); }' >"$T/tree/src/web/bad8.c"
printf '%s\n' 'ov_status g(ov_err *e) { return ov_err_set(e, OV_ETOOBIG, NULL, "big"); }' >>"$T/tree/src/core/date.c"
# the files of the board, indicators, attention, suppression and the
# national extract are covered like every other (no list of exceptions)
for f in src/model/indicators.c src/model/extract.c src/store/monitor.c src/web/ui_board.c; do
    printf '%s\n' 'ov_status h8(ov_err *e) { return ov_err_set(e, OV_EPERM, NULL, "no"); }' >>"$T/tree/$f"
done
if scripts/check-source "$T/tree" >/dev/null 2>"$T/err"; then
    echo "check-source accepted errors without a message id"; exit 1
fi
for file in src/model/bad8.c:1 src/web/bad8.c:1 src/core/date.c: \
    src/model/indicators.c: src/model/extract.c: src/store/monitor.c: \
    src/web/ui_board.c:; do
    grep -A10 "without a message id" "$T/err" | grep -qF "$file" ||
        { echo "check-source did not report $file"; cat "$T/err"; exit 1; }
done
rm -rf "$T/tree"; mkdir -p "$T/tree"; cp -r src "$T/tree/src"
printf '%s\n' 'ov_status f(ov_err *e) { return ov_err_set(e, OV_EINVAL, "--x", "--x: bad"); }' >"$T/tree/src/cli/ok8.c"
printf '%s\n' 'ov_status f(ov_err *e) { return ov_err_set(e, OV_EINVAL, "x", "x: bad"); }' >"$T/tree/src/stats/ok8.c"
printf '%s\n' 'ov_status f(ov_err *e) { return ov_err_set(e, OV_EIO, NULL, "disk"); }' >"$T/tree/src/store/ok8.c"
scripts/check-source "$T/tree" >/dev/null 2>"$T/err" ||
    { echo "check-source refused an error that may stay English:"; cat "$T/err"; exit 1; }
