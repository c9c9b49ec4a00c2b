#!/bin/sh
# The call boundary owns GC handles: a native's are released when it returns, a loop
# callback's when it returns to the loop, so no count of calls can fill the handle stack
# (65,536 entries). handles/natives.js calls natives 100,000 times (process.hrtime,
# http.createServer, getters, emit, util.format) and has natives call back into
# JavaScript 100,000 times; handles/timers.js fires 40,000 timers, immediates and
# nextTicks. Their expected output, handles/*.out, is node's (`node natives.js`), and
# node must still print it. The programs keep up to 100,000 objects alive, so they run
# without TINYNODE_GC_STRESS (the handle count does not depend on when the collector runs).
. ../tools/run-lib.sh
cd handles || exit 2
STRESS=0
for prog in natives timers; do
  run "$TINYNODE" - "$prog.js"
  expect_output "tinynode $prog.js" "$prog.out"
  if [ -n "${NODE:-}" ]; then
    run "$NODE" - "$prog.js"
    expect_output "node $prog.js" "$prog.out"
  fi
done
finish
