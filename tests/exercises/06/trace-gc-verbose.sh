#!/bin/sh
# Graded exercise 1 of chapter 6: --trace-gc-verbose. After each collection's --trace-gc
# line, a second line counts what the sweep freed by type, every type in GcType order:
#   [gc #N] freed: S strings, Y symbols, H shapes, O objects, F function protos, C cells, A accessors
# The counts must add up to the first line's "things freed". trace-gc-verbose/garbage.js
# collects (gc(), --expose-gc), makes garbage of known kinds, and collects again: that
# last collection must free at least that garbage. Counts are checked as bounds, not
# values (they depend on the engine's own allocations); no timing is compared.
cd trace-gc-verbose || exit 2
err=$(mktemp "${TMPDIR:-/tmp}/trace-gc-verbose.XXXXXX") || exit 2
trap 'rm -f "$err"' EXIT
out=$(env -u TINYNODE_GC_STRESS "$TINYNODE" --trace-gc-verbose --expose-gc garbage.js 2>"$err") ||
  { echo "tinynode --trace-gc-verbose failed:"; cat "$err"; exit 1; }
[ "$out" = done ] || { echo "stdout: $out (expected done)"; exit 1; }
awk '
  /^\[gc #[0-9]+\] [0-9.]+ KB -> [0-9.]+ KB, [0-9]+ things freed, [0-9.]+ ms$/ {
    n++; line = $0; gsub(/[^0-9.]+/, " ", line); split(line, f, " "); freed = f[4]
    expect_types = 1; next }
  expect_types && /^\[gc #[0-9]+\] freed: [0-9]+ strings, [0-9]+ symbols, [0-9]+ shapes, [0-9]+ objects, [0-9]+ function protos, [0-9]+ cells, [0-9]+ accessors$/ {
    expect_types = 0
    line = $0; gsub(/[^0-9]+/, " ", line); split(line, t, " ")
    if (t[1] != n) { print "the types line of collection " n " says #" t[1]; bad = 1 }
    strings = t[2]; objects = t[5]; cells = t[7]; accessors = t[8]
    sum = t[2] + t[3] + t[4] + t[5] + t[6] + t[7] + t[8]
    if (sum != freed) { print "collection " n ": the types add up to " sum ", not " freed; bad = 1 }
    last = objects " " strings " " cells " " accessors
    next }
  { print "unexpected line: " $0; bad = 1 }
  END {
    if (expect_types) { print "no types line after the last collection"; bad = 1 }
    if (n < 2) { print n + 0 " collections where at least 2 were expected"; bad = 1 }
    split(last, k, " ") # the last collection is the second gc(): it frees the garbage
    if (k[1] < 2000) { print "the last collection freed " k[1] " objects (at least 2000 expected)"; bad = 1 }
    if (k[2] < 1000) { print "the last collection freed " k[2] " strings (at least 1000 expected)"; bad = 1 }
    if (k[3] < 1000) { print "the last collection freed " k[3] " cells (at least 1000 expected)"; bad = 1 }
    if (k[4] < 500) { print "the last collection freed " k[4] " accessors (at least 500 expected)"; bad = 1 }
    exit bad }' "$err" || { echo "stderr was:"; cat "$err"; exit 1; }
