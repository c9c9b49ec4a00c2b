#!/bin/sh
# Natives that call back into JavaScript recurse on the C stack, and the guard watches
# the real stack: under a 1 MiB, an 8 MiB and an unlimited `ulimit -s` (where the shell
# may set them), deep recursion through natives is node's catchable RangeError and the
# program goes on (stack/catchable.js; stack/catchable.out is node's output); uncaught
# (stack/uncaught.js) it ends the process with status 1 and node's
# "RangeError: Maximum call stack size exceeded", never with a crash.
# Under TINYNODE_GC_STRESS only the 1 MiB runs keep the stress: a collection at every
# allocation marks the whole deep stack each time, so the 8 MiB and unlimited runs
# would take minutes (quadratic), and the 1 MiB run already collects mid-recursion.
. ../tools/run-lib.sh
cd stack || exit 2
check_engine() { # check_engine NAME BINARY KB
  run "$2" "$3" catchable.js
  expect_output "$1 catchable.js, ulimit -s $3" catchable.out
  run "$2" "$3" uncaught.js
  expect_stack_overflow "$1 uncaught.js, ulimit -s $3"
  [ "$status" -ne 1 ] || [ "$out" = before ] || report "$1 uncaught.js" "stdout is not 'before'"
}
for kb in 1024 8192 unlimited; do
  if ! can_limit "$kb"; then
    echo "ulimit -s $kb is not allowed here: that run is skipped"
    continue
  fi
  [ "$kb" = 1024 ] && STRESS=1 || STRESS=0
  check_engine tinynode "$TINYNODE" "$kb"
  [ -z "${NODE:-}" ] || check_engine node "$NODE" "$kb"
done
finish
