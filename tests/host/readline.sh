#!/bin/sh
# readline on a pseudo-terminal while a line is edited: 'keypress' on the input with
# rl.line and rl.cursor in step, rl.write's text and keys, getCursorPos over a wrapped
# line. readline/*.expected are node's screens (UPDATE=node rewrites them).
. ../repl/lib/lib.sh
build_ptyrun
cd readline || exit 2
transcript "tinynode: editing.js" editing.expected "$ptyrun" editing.keys "$TINYNODE" editing.js
node_check "node: editing.js" editing.expected "$ptyrun" editing.keys "$NODE" editing.js
finish
