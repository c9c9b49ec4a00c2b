#!/bin/sh
# Values nested 100,000 deep, under 1 MiB, 8 MiB and unlimited stacks (where the shell
# may set them): util.inspect with depth: Infinity stops where node's does, with node's
# "Inspection interrupted prematurely" text (stack/inspect.js); JSON.parse does not
# recurse, and JSON.stringify, the reviver, join and flat(Infinity) throw node's
# catchable RangeError (stack/json.js). stack/*.out are node's output. The programs
# build 100,000-deep values, so they run without TINYNODE_GC_STRESS (collecting at
# every allocation would make building them quadratic).
. ../tools/run-lib.sh
cd stack || exit 2
STRESS=0
for kb in 1024 8192 unlimited; do
  if ! can_limit "$kb"; then
    echo "ulimit -s $kb is not allowed here: that run is skipped"
    continue
  fi
  for prog in inspect json; do
    run "$TINYNODE" "$kb" "$prog.js"
    expect_output "tinynode $prog.js, ulimit -s $kb" "$prog.out"
    [ -z "${NODE:-}" ] && continue
    run "$NODE" "$kb" "$prog.js"
    expect_output "node $prog.js, ulimit -s $kb" "$prog.out"
  done
done
finish
