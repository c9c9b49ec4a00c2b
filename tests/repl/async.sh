#!/bin/sh
# The REPL runs on the event loop: a timer set by one line fires while the REPL waits
# for the next, top-level await holds the prompt until its promise settles (and
# `const v = await ...` keeps v, as node's REPL does), a timer's throw prints
# "Uncaught ..." and the REPL goes on, a promise job runs after its line, and .editor
# gathers lines until Ctrl-D (after text, or on an empty line). Driven through a
# pseudo-terminal; async/session.expected is node's screen (UPDATE=node rewrites it).
# Every step waits for output, never for time. Then .save: the .editor blocks' lines
# and the awaits that fulfilled are in, the rejected await is not, and the empty line
# that Ctrl-D ended makes the file end with a newline (async/saved.expected is node's
# file, byte for byte).
. ./lib/lib.sh
build_ptyrun
HOME=$scratch
export HOME
keys=$PWD/async/session.keys
in_scratch() { (cd "$scratch" && "$@"); }
check_saved() { # check_saved WHO: the file .save wrote, against node's
  if ! cmp -s async/saved.expected "$scratch/async.tmp.js"; then
    echo "FAIL $1's .save differs from async/saved.expected (< expected, > actual)"
    diff async/saved.expected "$scratch/async.tmp.js"
    failed=1
  fi
  rm -f "$scratch/async.tmp.js"
}
transcript "tinynode: timers, await, .editor" async/session.expected in_scratch "$ptyrun" -c "$keys" "$TINYNODE"
check_saved tinynode
node_check "node: timers, await, .editor" async/session.expected in_scratch "$ptyrun" -c "$keys" "$NODE"
if [ "${UPDATE:-}" = node ]; then cp "$scratch/async.tmp.js" async/saved.expected
elif [ -n "${NODE:-}" ]; then check_saved node
fi
finish
