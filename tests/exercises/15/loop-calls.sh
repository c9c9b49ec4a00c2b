#!/bin/sh
# Graded exercise of chapter 15: --trace-loop names the JavaScript function each loop
# callback calls, and where it starts: after `[loop]   a timers callback`, the line
#   [loop]    calls first (<dir>/order.js:4:12)
# (`(native)` in place of the position for a native). loop-calls/order.js runs four
# named timers and immediates in an order that does not depend on timing. Its callback
# lines and the `calls` lines of its own functions must be order.expected (written by
# hand), and the functions named must be the ones node runs, in node's order: each
# prints its own name, so node's stdout is that order. The turns, phases and waits are
# not compared (a timer's 1 ms may take one turn or two).
cd loop-calls || exit 2
dir=$(pwd -P)
err=$(mktemp "${TMPDIR:-/tmp}/loop-calls.XXXXXX") || exit 2
trap 'rm -f "$err" "$err.calls"' EXIT
out=$("$TINYNODE" --trace-loop order.js 2>"$err") ||
  { echo "tinynode --trace-loop failed:"; cat "$err"; exit 1; }
expected_out=$(printf 'first\nsecond\nthird\nfourth')
[ "$out" = "$expected_out" ] || { echo "stdout:"; echo "$out"; echo "(expected first ... fourth)"; exit 1; }
status=0
awk -v dir="$dir" '
  /^\[loop\]   a [a-z]+ callback$/ { print; next }
  /^\[loop\]    calls / && index($0, "(" dir "/") { sub(dir, "<dir>"); print }' "$err" >"$err.calls"
if ! cmp -s order.expected "$err.calls"; then
  echo "the callbacks and their calls differ (- expected, + actual):"
  diff -u order.expected "$err.calls"
  echo "stderr was:"
  cat "$err"
  status=1
fi
if [ -n "$NODE" ]; then
  from_node=$("$NODE" order.js 2>&1)
  named=$(sed -n 's/^\[loop\]    calls \([^ ]*\) .*/\1/p' "$err.calls")
  if [ "$from_node" != "$named" ]; then
    echo "node runs the callbacks in another order:"; echo "$from_node"
    echo "--trace-loop named:"; echo "$named"
    status=1
  fi
else
  echo "node is not installed: the order was not compared with node's"
fi
exit $status
