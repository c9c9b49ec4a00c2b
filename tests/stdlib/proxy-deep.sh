#!/bin/sh
# Chains of 100,000 proxies (proxy-deep/deep.js) under an 8 MiB stack: deep recursion
# through get traps ends in node's RangeError, never a crash. Run without
# TINYNODE_GC_STRESS: building the chain would be quadratic. proxy-deep/deep.out is
# node's output.
. ../tools/run-lib.sh
cd proxy-deep || exit 2
STRESS=0
if can_limit 8192; then
  run "$TINYNODE" 8192 deep.js
  expect_output "tinynode deep.js, ulimit -s 8192" deep.out
  if [ -n "${NODE:-}" ]; then
    run "$NODE" 8192 deep.js
    expect_output "node deep.js, ulimit -s 8192" deep.out
  fi
else
  echo "ulimit -s 8192 is not allowed here: skipped"
fi
finish
