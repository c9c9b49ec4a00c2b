#!/bin/sh
# The REPL runs on the event loop: a timer set by one line fires while the REPL waits
# for the next, top-level await holds the prompt until its promise settles (and
# `const v = await ...` keeps v, as node's REPL does), a timer's throw prints
# "Uncaught ..." and the REPL goes on, a promise job runs after its line, and .editor
# gathers lines until Ctrl-D. Driven through a pseudo-terminal; async/session.expected is
# node's screen (UPDATE=node rewrites it). Every step waits for output, never for time.
. ./lib/lib.sh
build_ptyrun
HOME=$scratch
export HOME
transcript "tinynode: timers, await, .editor" async/session.expected "$ptyrun" -c async/session.keys "$TINYNODE"
node_check "node: timers, await, .editor" async/session.expected "$ptyrun" -c async/session.keys "$NODE"
finish
