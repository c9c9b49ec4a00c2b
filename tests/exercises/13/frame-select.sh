#!/bin/sh
# Graded exercise of chapter 13: `js frame N` selects JavaScript frame N (as `js bt`
# numbers them) and `js up` and `js down` its caller and its callee, each printing the
# frame's line as `js bt` does; `js frame` alone prints the selected one. `js list`,
# `js dis`, `js stack` and `js locals` without a number work on the selected frame,
# which is forgotten once the program runs again (gdb's events.cont): then the innermost
# JavaScript frame is the default, as before. frames/program.js stops in inner, under
# an arrow function, the native reduce, outer and the top level. Errors are printed by
# the `try` command defined here, since an error would end gdb's command file. The
# expectation, frame-select.expected, was written by hand: the frame lines are `js bt`'s,
# and what the other commands print on a selected frame is what they print given its
# number, in the untouched helper.
. ./lib/gdb-exercise.sh

cat lib/try.gdb - >"$tmp/cmds" <<'CMDS'
echo @@\n
break vm_debugger_hook
run
echo @@ js frame\n
js frame
echo @@ js up\n
js up
echo @@ js locals\n
js locals
echo @@ js up\n
js up
echo @@ try js locals\n
try js locals
echo @@ js up\n
js up
echo @@ js list\n
js list
echo @@ js stack\n
js stack
echo @@ js up\n
js up
echo @@ try js up\n
try js up
echo @@ js frame 1\n
js frame 1
echo @@ js down\n
js down
echo @@ try js down\n
try js down
echo @@ js frame 3\n
js frame 3
echo @@\n
continue
echo @@ js frame\n
js frame
echo @@ js locals\n
js locals
CMDS
GDB_SCRIPT=frames/program.js gdb_session "$tmp/cmds" "$tmp/actual"
gdb_compare frame-select.expected "$tmp/actual"
