#!/bin/sh
# --unhandled-rejections=MODE, each of node's five modes (and a bad one) on the same
# program (rejections/late.js): stdout, stderr and the exit status must be what
# unhandled-rejections.expected says, which was recorded from node; where node is
# installed it must reproduce it too. Both outputs are normalised as the runner does
# (engine name and pid, node's internal frames, the version line).
set -u
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-rejections.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT
trap 'exit 2' INT TERM HUP

normalise() {
  sed -e 's/^(\(node\|tinynode\):[0-9]*) /(<engine>:<pid>) /' \
      -e 's/(Use `\(node\|tinynode\) --trace-warnings/(Use `<engine> --trace-warnings/' \
      -e 's/^.*: invalid value for/<engine>: invalid value for/' \
      -e '/^    at .*node:internal/d' \
      -e 's/^\(Node\.js v20\..*\|tinynode v.*\)$/<version>/' \
      -e "s|$PWD|<dir>|g"
}

transcript() { # transcript ENGINE: every mode's output
  for mode in throw strict warn warn-with-error-code none bogus; do
    echo "=== --unhandled-rejections=$mode"
    timeout 10 "$1" --unhandled-rejections=$mode rejections/late.js >"$scratch/out" 2>"$scratch/err" </dev/null
    echo "status $?"
    echo "--- stdout"; normalise <"$scratch/out"
    echo "--- stderr"; normalise <"$scratch/err"
  done
}

if [ "${UPDATE:-}" = node ] && [ -n "${NODE:-}" ]; then
  transcript "$NODE" >unhandled-rejections.expected
fi
failed=0
transcript "$TINYNODE" >"$scratch/tinynode"
if ! diff unhandled-rejections.expected "$scratch/tinynode"; then
  echo "FAIL: tinynode differs from unhandled-rejections.expected (- expected, + tinynode)"
  failed=1
fi
if [ -n "${NODE:-}" ]; then
  transcript "$NODE" >"$scratch/node"
  if ! diff unhandled-rejections.expected "$scratch/node"; then
    echo "FAIL: node does not reproduce unhandled-rejections.expected"
    failed=1
  fi
else
  echo "node not installed: checked tinynode only"
fi
exit $failed
