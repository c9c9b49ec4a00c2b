#!/bin/sh
# Graded exercise of chapter 13: the Value printer shows a Map or a Set as inspect does,
# in the helper's brief style: Map(3) {'a' => 1, [Object] => 'object key', ...} and
# Set(2) {1, 'two'}, read from the table's entries in insertion order, deleted entries
# (tombstones) left out, at most six shown, then "... N more"; nested, [Map] and [Set].
# map/program.js stops with a few of them in its variables. The expectation,
# map-printer.expected, was written by hand from node's console.log of the same values.
. ./lib/gdb-exercise.sh

cat >"$tmp/cmds" <<'CMDS'
echo @@\n
break vm_debugger_hook
run
echo @@ js locals\n
js locals
echo @@ print vm->frames[0].registers[7]\n
print vm->frames[0].registers[7]
CMDS
GDB_SCRIPT=map/program.js gdb_session "$tmp/cmds" "$tmp/actual"
gdb_compare map-printer.expected "$tmp/actual"
