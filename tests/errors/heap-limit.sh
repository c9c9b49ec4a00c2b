#!/bin/sh
# Past the heap limit the process ends as Node's does: "FATAL ERROR: Reached heap limit
# Allocation failed - JavaScript heap out of memory" on stderr, nothing lost from stdout,
# and status 134 (abort). node is run with a small --max-old-space-size to show that the
# line is Node's own.
prog='console.log("before"); const a = []; for (;;) a.push(new Array(100000).fill(1));'
line='FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'

check() { # check NAME STATUS STDOUT STDERR
  [ "$2" -eq 134 ] || { echo "$1: exit status $2, want 134"; exit 1; }
  [ "$3" = before ] || { echo "$1: stdout is '$3', want 'before'"; exit 1; }
  printf '%s\n' "$4" | grep -qxF "$line" || { echo "$1: stderr lacks the report:"; printf '%s\n' "$4"; exit 1; }
}

# Never under GC stress: fill on a new (holey) array makes a property key for each element
# (builtins_set_index), so a collection per element of 24 MB of arrays would take hours.
out=$(TINYNODE_GC_STRESS=0 TINYNODE_MAX_HEAP_MB=24 "$TINYNODE" -e "$prog" 2>"${TMPDIR:-/tmp}/heap.$$")
status=$?
err=$(cat "${TMPDIR:-/tmp}/heap.$$"); rm -f "${TMPDIR:-/tmp}/heap.$$"
check tinynode "$status" "$out" "$err"

if [ -n "${NODE:-}" ]; then
  out=$("$NODE" --max-old-space-size=24 -e "$prog" 2>"${TMPDIR:-/tmp}/heap.$$")
  status=$?
  err=$(cat "${TMPDIR:-/tmp}/heap.$$"); rm -f "${TMPDIR:-/tmp}/heap.$$"
  check node "$status" "$out" "$err"
fi
