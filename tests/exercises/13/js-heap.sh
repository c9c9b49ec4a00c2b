#!/bin/sh
# Graded exercise of chapter 13: `js heap` walks the collector's list of every heap thing
# (vm->heap, chapter 6) and prints how many things of each GcType it holds and how many
# bytes gc_alloc gave them (GcHeader.size), every type in GcType's order:
#   heap: N things, B bytes (vm->bytes_allocated: A)
#     strings              C things           B bytes
#     ... symbols, shapes, objects, function protos, cells, accessors
# The counts are checked as bounds, not values (they depend on the engine's own
# allocations): they add up to the first line, the bytes too, which are at most what the
# collector counts, and they cover what heap/program.js made. Then the list is made to
# loop back on itself (`set var`), and `js heap` must stop and say so instead of hanging.
. ./lib/gdb-exercise.sh

cat lib/try.gdb - >"$tmp/cmds" <<'CMDS'
echo @@\n
break vm_debugger_hook
run
echo @@ js heap\n
js heap
echo @@\n
set var vm->heap->next->next->next = vm->heap->next
echo @@ try js heap\n
try js heap
CMDS
GDB_SCRIPT=heap/program.js gdb_session "$tmp/cmds" "$tmp/actual"
awk '
  NR == 1 { if ($0 != "(gdb) js heap") bad = 1; next }
  NR == 2 && /^heap: [0-9]+ things, [0-9]+ bytes \(vm->bytes_allocated: [0-9]+\)$/ {
    things = $2; bytes = $4; allocated = $7 + 0; next }
  NR >= 3 && NR <= 9 && /^  [a-z ]+s +[0-9]+ things +[0-9]+ bytes$/ {
    name = substr($0, 3, 16); sub(/ +$/, "", name)
    line = substr($0, 19); split(line, f, " ")
    count[name] = f[1]; n += f[1]; b += f[3]; order = order name ","; next }
  NR == 10 && $0 == "(gdb) try js heap" { next }
  NR == 11 && $0 == "error: js heap: vm->heap loops back on itself after 3 things: the heap is corrupt" { looped = 1; next }
  { print "unexpected line " NR ": " $0; bad = 1 }
  END {
    if (order != "strings,symbols,shapes,objects,function protos,cells,accessors,") {
      print "the types, in order: " order; bad = 1 }
    if (n != things) { print "the types add up to " n " things, not " things; bad = 1 }
    if (b != bytes) { print "the types add up to " b " bytes, not " bytes; bad = 1 }
    if (bytes > allocated) { print bytes " bytes is more than the collector counts"; bad = 1 }
    if (count["objects"] < 2500) { print count["objects"] " objects (at least 2500 expected)"; bad = 1 }
    if (count["strings"] < 1000) { print count["strings"] " strings (at least 1000 expected)"; bad = 1 }
    if (count["cells"] < 1000) { print count["cells"] " cells (at least 1000 expected)"; bad = 1 }
    if (count["accessors"] < 500) { print count["accessors"] " accessors (at least 500 expected)"; bad = 1 }
    if (!looped) { print "js heap did not stop at the loop"; bad = 1 }
    exit bad }' "$tmp/actual" || { echo "gdb printed:"; cat "$tmp/actual"; echo "gdb's stderr:"; cat "$tmp/actual.err"; exit 1; }
