#!/bin/sh
# The REPL with stdin a pipe (tinynode -i < file), as node -i prints it: prompts but no
# echo, each line's value inspected, let/const/class kept between lines, multi-line
# input, _ and _error, "Uncaught ..." for what a line throws (a SyntaxError with its
# source line and caret), .break, .load, .save and an unknown command; then
# process.exit() from a line (pipe/exit.in). The expectation
# pipe/session.expected is node's transcript (UPDATE=node rewrites it), the welcome line
# normalised. The saved session is the lines typed and loaded, joined by newlines, less
# those of the inputs that threw: pipe/saved.expected is node's file, byte for byte.
. ./lib/lib.sh
cp pipe/load-me.js "$scratch/" && cd pipe || exit 2
here=$PWD
run_in_scratch() { (cd "$scratch" && "$@" <"$here/session.in"); }
check_saved() { # check_saved WHO: the file .save wrote, against node's
  if ! cmp -s saved.expected "$scratch/saved.tmp.js"; then
    echo "FAIL $1's .save differs from pipe/saved.expected (< expected, > actual)"
    diff saved.expected "$scratch/saved.tmp.js"
    failed=1
  fi
  rm -f "$scratch/saved.tmp.js"
}
transcript "tinynode -i < session.in" session.expected run_in_scratch "$TINYNODE" -i
check_saved tinynode
node_check "node -i < session.in" session.expected run_in_scratch "$NODE" -i
if [ "${UPDATE:-}" = node ]; then cp "$scratch/saved.tmp.js" saved.expected
elif [ -n "${NODE:-}" ]; then check_saved node
fi
# Declarations between lines: a let, const or class may not take a name a line declared
# already (nor NaN's), a var or function may not take a let's; a configurable global
# property may be shadowed; within one line, the caret marks the second name
# (pipe/redeclare.in).
transcript "redeclarations" redeclare.expected "$TINYNODE" -i <redeclare.in
node_check "redeclarations in node's REPL" redeclare.expected "$NODE" -i <redeclare.in
# process.exit() from a line: no "Uncaught", the 'exit' listeners, the status.
with_status() { "$@"; echo "status $?"; }
transcript "process.exit in the REPL" exit.expected with_status "$TINYNODE" -i <exit.in
node_check "process.exit in node's REPL" exit.expected with_status "$NODE" -i <exit.in
finish
