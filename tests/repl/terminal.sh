#!/bin/sh
# The REPL on a terminal, driven through a pseudo-terminal (tests/tools/ptyrun.c): the
# screen it leaves, colours included, must be node's. Lines typed and echoed, values
# inspected in colour, Ctrl-C on a line and twice on an empty one (node's "(To exit,
# press Ctrl+C again ...)"), a multi-line block and its "... " prompts, Ctrl-C in the
# middle of one, an uncaught error, .load (which shows the file, as typed in editor
# mode), and Ctrl-D to leave with status 0. Each key waits
# for the prompt it needs, so nothing depends on timing. terminal/session.expected is
# node's screen (UPDATE=node rewrites it); HOME is a scratch directory (the history file).
# With NO_COLOR set, or on a dumb terminal, the same values are printed without colour
# (terminal/plain.expected).
. ./lib/lib.sh
build_ptyrun
HOME=$scratch
export HOME
transcript "tinynode on a terminal" terminal/session.expected "$ptyrun" -c terminal/session.keys "$TINYNODE"
node_check "node on a terminal" terminal/session.expected "$ptyrun" -c terminal/session.keys "$NODE"
for setting in NO_COLOR=1 TERM=dumb; do
  transcript "tinynode, $setting" terminal/plain.expected env "$setting" "$ptyrun" -c terminal/plain.keys "$TINYNODE"
  node_check "node, $setting" terminal/plain.expected env "$setting" "$ptyrun" -c terminal/plain.keys "$NODE"
done
finish
