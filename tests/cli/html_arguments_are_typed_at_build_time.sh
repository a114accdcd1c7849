# ov_html_printf / ov_html_bprintf arguments are typed by the compiler
# (core/html.h): an ov_str, an int, an int64_t or a C string compiles;
# any other type (a double, a size_t, a bool, a struct, a long long) and
# a format that is not a literal do not.
. tests/cli/lib.inc
CC=${CC:-cc}
compiles() {
    printf '#include "core/html.h"\n#include <stdbool.h>\n#include <stddef.h>\nstruct p { int x; };\nvoid f(ov_buf *b);\nvoid f(ov_buf *b)\n{\n    %s;\n}\n' "$1" >"$T/t.c"
    "$CC" -std=c11 -Isrc -Wall -Werror -fsyntax-only "$T/t.c" 2>"$T/cc.err"
}
for ok in 'ov_html_bprintf(b, "%h %h %d %D %D", OV_STR_LIT("a"), "b", 1, (int64_t)2, 3)' \
          'ov_html_bprintf(b, "<p>")' \
          'char s[8] = "x"; const char *c = s; ov_html_bprintf(b, "%h%u", s, c)'; do
    compiles "$ok" || { echo "does not compile: $ok"; cat "$T/cc.err"; exit 1; }
done
for bad in 'ov_html_bprintf(b, "%d", 1.5)' \
           'size_t n = 3; ov_html_bprintf(b, "%D", n)' \
           'bool yes = true; ov_html_bprintf(b, "%d", yes)' \
           'struct p v = {1}; ov_html_bprintf(b, "%d", v)' \
           'ov_html_bprintf(b, "%D", 5LL)' \
           'const char *fmt = "%d"; ov_html_bprintf(b, fmt, 1)' \
           'const char *m = "<b>"; ov_html_blit(b, m)'; do
    if compiles "$bad"; then
        echo "compiles, but must not: $bad"; exit 1
    fi
done
echo "html arguments are typed at build time"
