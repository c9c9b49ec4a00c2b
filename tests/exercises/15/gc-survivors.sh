#!/bin/sh
# Graded exercise of chapter 15: --trace-gc=survivors. After each collection's --trace-gc
# line, a second line counts what survived it by type, every GcType in order:
#   [gc #N] survived: S strings, Y symbols, H shapes, O objects, F function protos, C cells, A accessors
# gc-survivors/keep.js keeps things of known kinds through one collection (gc(), with
# --expose-gc) and drops them before the next: between the last two collections the
# survivors must fall by at least that many. Counts are checked as bounds, not values
# (they depend on the engine's own allocations); no timing is compared.
cd gc-survivors || exit 2
err=$(mktemp "${TMPDIR:-/tmp}/gc-survivors.XXXXXX") || exit 2
trap 'rm -f "$err"' EXIT
out=$(env -u TINYNODE_GC_STRESS "$TINYNODE" --trace-gc=survivors --expose-gc keep.js 2>"$err") ||
  { echo "tinynode --trace-gc=survivors failed:"; cat "$err"; exit 1; }
[ "$out" = done ] || { echo "stdout: $out (expected done)"; exit 1; }
awk '
  /^\[gc #[0-9]+\] [0-9.]+ KB -> [0-9.]+ KB, [0-9]+ things freed, [0-9.]+ ms$/ {
    if (expect_types) { print "no survivors line after collection " n; bad = 1 }
    n++; expect_types = 1; next }
  expect_types && /^\[gc #[0-9]+\] survived: [0-9]+ strings, [0-9]+ symbols, [0-9]+ shapes, [0-9]+ objects, [0-9]+ function protos, [0-9]+ cells, [0-9]+ accessors$/ {
    expect_types = 0
    line = $0; gsub(/[^0-9]+/, " ", line); split(line, t, " ")
    if (t[1] != n) { print "the survivors line of collection " n " says #" t[1]; bad = 1 }
    if (t[3] < 1 || t[5] < 1 || t[6] < 1) {
      print "collection " n ": no symbols, objects or function protos survived"; bad = 1 }
    before = now; now = t[2] " " t[5] " " t[7] " " t[8]
    next }
  { print "unexpected line: " $0; bad = 1 }
  END {
    if (expect_types) { print "no survivors line after the last collection"; bad = 1 }
    if (n < 2) { print n + 0 " collections where at least 2 were expected"; bad = 1; exit bad }
    split(before, a, " "); split(now, b, " ") # the two gc() calls of keep.js
    if (a[1] - b[1] < 1000) { print "strings surviving fell by " a[1] - b[1] " (at least 1000 expected)"; bad = 1 }
    if (a[2] - b[2] < 2500) { print "objects surviving fell by " a[2] - b[2] " (at least 2500 expected)"; bad = 1 }
    if (a[3] - b[3] < 1000) { print "cells surviving fell by " a[3] - b[3] " (at least 1000 expected)"; bad = 1 }
    if (a[4] - b[4] < 500) { print "accessors surviving fell by " a[4] - b[4] " (at least 500 expected)"; bad = 1 }
    exit bad }' "$err" || { echo "stderr was:"; cat "$err"; exit 1; }
