#!/bin/sh
# Unhandled rejections under --expose-gc: reported once, then collectable (node holds
# them weakly), in each --unhandled-rejections mode that lets the program go on; and how
# the 'warn' mode's warning names reasons that are not errors. rejection-gc/*.expected
# are node's output (UPDATE=node rewrites them).
. ../repl/lib/lib.sh
cd rejection-gc || exit 2

# run EXPECTED ARGS...: tinynode, then node, with the warnings' pid masked.
run() {
  expected=$1
  shift
  transcript "tinynode $*" "$expected" sh -c '"$0" "$@" 2>&1 | sed -e "s/^(tinynode:[0-9]*)/(<engine>)/" -e "s/tinynode --trace/<engine> --trace/"' "$TINYNODE" "$@"
  node_check "node $*" "$expected" sh -c '"$0" "$@" 2>&1 | sed -e "s/^(node:[0-9]*)/(<engine>)/" -e "s/node --trace/<engine> --trace/"' "$NODE" "$@"
}

run listener.expected --expose-gc collected.js listener
run warn.expected --expose-gc --unhandled-rejections=warn collected.js
run none.expected --expose-gc --unhandled-rejections=none collected.js
run reasons.expected --unhandled-rejections=warn reasons.js
finish
