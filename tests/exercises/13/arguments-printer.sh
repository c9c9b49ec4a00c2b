#!/bin/sh
# Graded exercise of chapter 13: the Value printer shows an arguments object as inspect
# does, in the helper's brief style: [Arguments] {'0': 'changed', '1': 'two', ...}, the
# indices a sloppy function maps to its parameters read from their cells (the object's
# shape does not hold them), the other indices from its slots; nested, [Arguments].
# arguments/program.js stops in a sloppy and in a strict function; `js locals` and
# `print` show the objects. The expectation, arguments-printer.expected, was written by
# hand from node's `console.log(arguments)` at the same two places.
. ./lib/gdb-exercise.sh

cat >"$tmp/cmds" <<'CMDS'
echo @@\n
break vm_debugger_hook
run
echo @@ js locals\n
js locals
echo @@ print vm->frames[1].registers[2]\n
print vm->frames[1].registers[2]
echo @@\n
continue
echo @@ js locals\n
js locals
CMDS
GDB_SCRIPT=arguments/program.js gdb_session "$tmp/cmds" "$tmp/actual"
gdb_compare arguments-printer.expected "$tmp/actual"
