#!/bin/sh
# Graded exercise of chapter 13: `js print [N] EXPR` reads a JavaScript expression in
# frame N (as `js bt` numbers them; by default the innermost JavaScript frame): a
# variable (a register by its name, then one of the closure's upvalues, then a property
# of the global object), followed by any number of `.name`, `[index]` and `['key']`
# steps. It prints `EXPR = value` as the Value printer shows the value. Properties are
# found as JavaScript would, on the prototype chain; an array's and a string's `length`
# and indices are read from the array or the string. It never runs code: a getter is an
# error, and so are reading a property of undefined or null (in V8's words), a variable
# that does not exist and an expression it cannot read. print/program.js stops in area;
# the errors are printed by the `try` command defined here, since an error would end
# gdb's command file. The expectation, js-print.expected, was written by hand: each
# value as the helper prints values, and as node's console.log showed it at the same
# place.
. ./lib/gdb-exercise.sh

cat lib/try.gdb - >"$tmp/cmds" <<'CMDS'
echo @@\n
break vm_debugger_hook
run
echo @@ js print\n
js print shape
js print shape.size
js print shape.size.h
js print shape['name']
js print shape.name.length
js print shape.name[5]
js print shape.missing
js print w
js print scale
js print unit
js print 1 shapes[1].tags
js print 1 shapes[1].tags[0]
js print 1 shapes.length
js print 1 shapes[2]
js print 1 square.side
js print Math.PI
echo @@ errors\n
try js print 1 square.area
try js print shape.missing.x
try js print nope
try js print shape..name
try js print 7 shape
CMDS
GDB_SCRIPT=print/program.js gdb_session "$tmp/cmds" "$tmp/actual"
gdb_compare js-print.expected "$tmp/actual"
