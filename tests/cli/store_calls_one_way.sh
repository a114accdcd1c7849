# The files of src/store call each other in one direction only (the order
# in src/store/store_int.h): no two files depend on each other, directly
# or through others. Read from the objects the binary was built from: a
# function one file defines and another uses is an edge; the files are
# removed leaf first and root first, and what is left is a cycle.
. tests/cli/lib.inc
obj="$(dirname "$OVERGANG")/obj/src/store"
[ -f "$obj/store.o" ] || { echo "no objects in $obj"; exit 1; }
for o in "$obj"/*.o; do
    m=$(basename "$o" .o)
    nm "$o" | awk -v m="$m" '$2 ~ /^[TDRB]$/ { print "D", m, $3 }
                             $1 == "U" { print "U", m, $2 }'
done >"$T/syms"
[ -s "$T/syms" ] || { echo "nm printed nothing"; exit 1; }
awk '
$1 == "D" { def[$3] = $2; next }
{ use[NR] = $2 " " $3 }
END {
    for (i in use) {
        split(use[i], p, " ")
        d = def[p[2]]
        if (d != "" && d != p[1] && !((p[1], d) in edge)) {
            edge[p[1], d] = 1; out[p[1]]++; node[p[1]] = 1; node[d] = 1
        }
    }
    # remove files that call no remaining file until none is left
    do {
        removed = 0
        for (n in node) if (!(n in gone) && !out[n]) {
            gone[n] = 1; removed = 1
            for (k in edge) { split(k, e, SUBSEP)
                if (e[2] == n && !(e[1] in gone)) { out[e[1]]--; delete edge[k] } }
        }
    } while (removed)
    # and files no remaining file calls: what is left lies on a cycle
    do {
        removed = 0
        for (n in node) if (!(n in gone)) {
            called = 0
            for (k in edge) { split(k, e, SUBSEP)
                if (e[2] == n && !(e[1] in gone)) { called = 1; break } }
            if (!called) { gone[n] = 1; removed = 1 }
        }
    } while (removed)
    bad = 0
    for (n in node) if (!(n in gone)) {
        bad = 1; line = "src/store/" n ".c calls"
        for (k in edge) { split(k, e, SUBSEP)
            if (e[1] == n && !(e[2] in gone)) line = line " " e[2] ".c" }
        print line
    }
    if (bad) { print "a cycle among the files above: move the shared part down (store_int.h lists the order)"; exit 1 }
}' "$T/syms"
