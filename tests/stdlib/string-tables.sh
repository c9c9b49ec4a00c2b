#!/bin/sh
# String's case mapping and normalization tables over most code points
# (string-tables/tables.js), as checksums that must be node's (string-tables/tables.out).
# Run without TINYNODE_GC_STRESS: the script allocates a few hundred thousand strings.
. ../tools/run-lib.sh
cd string-tables || exit 2
STRESS=0
if can_limit 8192; then
  run "$TINYNODE" 8192 tables.js
  expect_output "tinynode tables.js" tables.out
  if [ -n "${NODE:-}" ]; then
    run "$NODE" 8192 tables.js
    expect_output "node tables.js" tables.out
  fi
else
  echo "ulimit -s 8192 is not allowed here: skipped"
fi
finish
