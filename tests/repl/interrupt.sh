#!/bin/sh
# Ctrl-C while a line runs (tests/tools/ptyrun.c on a pseudo-terminal): node's REPL
# stops the code with `Script execution was interrupted by SIGINT` (a `for (;;)` that
# no catch or finally hears of), reports it and prompts again, with the line's
# declarations kept. Each Ctrl-C waits for what the line printed before its loop
# (`looping`, which its echo does not contain), so the terminal has left raw mode and
# nothing depends on timing. interrupt/session.expected is node's screen (UPDATE=node
# rewrites it).
#
# One difference is folded away: node's report lists node's own frames (node:vm,
# node:repl, ...), which tinynode has not, and so prints the error in brackets, as node
# prints an error whose frames are all the REPL's. Both reports become one line, which
# says whether it carried node's message and code.
. ./lib/lib.sh
build_ptyrun
HOME=$scratch
export HOME

fold_interrupt() {
  awk '
    /^\^CUncaught .*Script execution was interrupted by `SIGINT`/ { inside = 1; code = 0; next }
    inside && /code: .ERR_SCRIPT_EXECUTION_INTERRUPTED./ { code = 1 }
    inside && /^}$/ {
      inside = 0
      print "^CUncaught <interrupted by SIGINT" (code ? ", ERR_SCRIPT_EXECUTION_INTERRUPTED>" : ">")
      next
    }
    !inside { print }
  '
}

folded() { "$@" 2>&1 | fold_interrupt; }

transcript "tinynode, Ctrl-C in a loop" interrupt/session.expected folded "$ptyrun" interrupt/session.keys "$TINYNODE"
# node's own interrupt (a watchdog thread) now and then misses a Ctrl-C on a loaded
# machine: its check may take three tries.
for try in 1 2 3; do
  failed_before=$failed
  node_check "node, Ctrl-C in a loop" interrupt/session.expected folded "$ptyrun" interrupt/session.keys "$NODE" >"$scratch/node-try" 2>&1
  if [ "$failed" = "$failed_before" ] || [ "$try" = 3 ]; then cat "$scratch/node-try"; break; fi
  failed=$failed_before
done
finish
