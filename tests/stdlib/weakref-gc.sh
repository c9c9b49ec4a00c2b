#!/bin/sh
# WeakRef and FinalizationRegistry when the collector runs: weakref/*.js call gc(), which
# both engines define under --expose-gc (a flag, so these are not plain golden tests).
# weakref/NAME.out was recorded from `node --expose-gc NAME.js`; node re-checks it.
. ../tools/run-lib.sh
cd weakref || exit 2
for js in collect throws; do
  run "$TINYNODE" - --expose-gc "$js.js"
  expect_output "tinynode $js.js" "$js.out"
  if [ -n "$NODE" ]; then
    run "$NODE" - --expose-gc "$js.js"
    expect_output "node $js.js (the expectation)" "$js.out"
  fi
done
[ -n "$NODE" ] || echo "node not found: the expectations were not re-checked"
finish
