#!/bin/sh
# The line editor's keys on a pseudo-terminal (tinynode only: node's screen differs in
# how it redraws, so these expectations were written by reading tinynode's screen; each
# line's value shows what the keys made of it). editing/keys.keys: Ctrl-L, Ctrl-A/E/B/F,
# the arrows, Home/End in their ESC [ H / ESC [ 1 ~ forms, Ctrl-K/U/W, Backspace,
# Delete, Ctrl-D inside a line, multi-byte characters, Tab (the last key of a read, as
# node takes a Tab inside pasted text as text) completing a property, a
# global, a let variable declared at the prompt (node completes `letOn` to `letOnly`), a
# let variable's property, and a second Tab listing the candidates; Ctrl-P/N and the
# arrows through the history; .exit. Then editing/history.keys, a second session: the
# history came back from ~/.tinynode_repl_history (node's format, newest first), and
# Ctrl-C twice leaves after the 'exit' listeners ran. The history file is created with
# mode 0600, as node creates ~/.node_repl_history; a file that exists keeps its mode.
. ./lib/lib.sh
build_ptyrun
HOME=$scratch
export HOME
transcript "editing keys" editing/keys.expected "$ptyrun" -c editing/keys.keys "$TINYNODE"
transcript "the history file" editing/history-file.expected cat "$HOME/.tinynode_repl_history"
check_mode() { # check_mode WANT: the history file's permissions, as ls -l shows them
  got=$(ls -l "$HOME/.tinynode_repl_history" | cut -c1-10)
  [ "$got" = "$1" ] || { echo "FAIL the history file's mode is $got, not $1"; failed=1; }
}
check_mode -rw-------
chmod 644 "$HOME/.tinynode_repl_history"
transcript "history in a second session" editing/history.expected "$ptyrun" editing/history.keys "$TINYNODE"
check_mode -rw-r--r--
finish
