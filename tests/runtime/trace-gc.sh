#!/bin/sh
# --trace-gc: one line per collection on stderr, "[gc #N] BEFORE KB -> AFTER KB, FREED
# things freed, PAUSE ms". trace/garbage.js makes 300,000 objects of which only the last
# stays alive, so there are collections, they are numbered from 1, each frees things and
# none leaves the heap bigger than it found it. The numbers themselves (sizes depend on
# the build, the pause on the machine) are not compared. Run without GC stress, which
# would collect at every allocation.
. ../tools/run-lib.sh
tmp_err=$scratch/gc.err
cd trace || exit 2
out=$(env -u TINYNODE_GC_STRESS "$TINYNODE" --trace-gc garbage.js 2>"$tmp_err") ||
  { echo "tinynode --trace-gc garbage.js failed:"; cat "$tmp_err"; exit 1; }
[ "$out" = 299999 ] || { echo "stdout: $out (expected 299999)"; exit 1; }
awk '
  !/^\[gc #[0-9]+\] [0-9.]+ KB -> [0-9.]+ KB, [0-9]+ things freed, [0-9.]+ ms$/ {
    print "not a --trace-gc line: " $0; bad = 1; next }
  { n++; sub(/^\[gc #/, ""); split($0, f, /[] ,]+/) }
  f[1] != n { print "collection " f[1] " where " n " was expected"; bad = 1 }
  f[5] + 0 > f[2] + 0 { print "the heap grew in collection " n ": " $0; bad = 1 }
  f[7] + 0 == 0 { print "collection " n " freed nothing: " $0; bad = 1 }
  END { if (n < 2) { print "only " n + 0 " collections"; bad = 1 } exit bad }' "$tmp_err"
