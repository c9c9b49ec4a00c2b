#!/bin/sh
# process.stdout and stderr on a pseudo-terminal whose size changes (ptyrun's resize):
# columns and rows follow SIGWINCH, with 'resize' only when the size really changed.
# resize/resize.expected is node's screen (UPDATE=node rewrites it).
. ../repl/lib/lib.sh
build_ptyrun
cd resize || exit 2
transcript "tinynode: resize.js" resize.expected "$ptyrun" resize.keys "$TINYNODE" resize.js
node_check "node: resize.js" resize.expected "$ptyrun" resize.keys "$NODE" resize.js
finish
