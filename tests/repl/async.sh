#!/bin/sh
# The REPL runs on the event loop: a timer set by one line fires while the REPL waits
# for the next, top-level await holds the prompt until its promise settles, a timer's
# throw prints "Uncaught ..." and the REPL goes on, a promise job runs after its line,
# and .editor gathers lines until Ctrl-D (after text, or on an empty line). Driven
# through a pseudo-terminal; async/session.expected is node's screen (UPDATE=node
# rewrites it). Every step waits for output, never for time. Then .save: the .editor
# blocks' lines and the awaits that fulfilled are in, the rejected await is not, and the
# empty line that Ctrl-D ended makes the file end with a newline (async/saved.expected is
# node's file, byte for byte).
#
# Then a line with await at its top, rewritten as node's REPL rewrites it
# (async/rewrite.keys): its var, let and const declarations (several names, patterns)
# outlive the line, a const as a let (reassigned; declared again, an error); a var in a
# block too, a let there not; its function and class declarations stay defined (and
# node's `class D {} await 3` error, shown in the rewritten text); its value is that of
# its last expression statement; await in a nested function does not count, a for await
# does; errors: a rejection (the stack trimmed as node trims it), node's own SyntaxErrors
# (acorn's words), a return (the line run as it is), and lines that go on; its .save file
# (async/rewrite-saved.expected) is node's.
. ./lib/lib.sh
build_ptyrun
HOME=$scratch
export HOME
in_scratch() { (cd "$scratch" && "$@"); }
check_saved() { # check_saved WHO EXPECTED FILE: the file .save wrote, against node's
  if ! cmp -s "$2" "$scratch/$3"; then
    echo "FAIL $1's .save differs from $2 (< expected, > actual)"
    diff "$2" "$scratch/$3"
    failed=1
  fi
  rm -f "$scratch/$3"
}
session() { # session NAME KEYS EXPECTED SAVED FILE: one pty session, under both
  keys=$PWD/$2
  transcript "tinynode: $1" "$3" in_scratch "$ptyrun" -c "$keys" "$TINYNODE"
  check_saved tinynode "$4" "$5"
  node_check "node: $1" "$3" in_scratch "$ptyrun" -c "$keys" "$NODE"
  if [ "${UPDATE:-}" = node ]; then cp "$scratch/$5" "$4"
  elif [ -n "${NODE:-}" ]; then check_saved node "$4" "$5"
  fi
}
session "timers, await, .editor" async/session.keys async/session.expected \
  async/saved.expected async.tmp.js
session "top-level await rewritten" async/rewrite.keys async/rewrite.expected \
  async/rewrite-saved.expected rewrite.tmp.js
finish
