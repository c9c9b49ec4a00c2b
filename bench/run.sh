#!/bin/sh
# make bench: run each benchmark under tinynode (and node, when it is installed, for
# reference) and print the wall-clock seconds. Numbers only: nothing here can fail
# because something was slow.
cd "$(dirname "$0")" || exit 1
TINYNODE=${TINYNODE:-../tinynode}
seconds() { # seconds CMD...: run CMD, print its wall time (or "error")
  start=$(date +%s.%N)
  if "$@" > /dev/null 2>&1; then
    end=$(date +%s.%N)
    echo "$start $end" | awk '{ printf "%.3f", $2 - $1 }'
  else
    printf 'error'
  fi
}
have_node=$(command -v node || true)
printf '%-14s %10s' benchmark tinynode
[ -n "$have_node" ] && printf ' %10s %14s' node "node --jitless"
printf '\n'
for f in *.js; do
  printf '%-14s %10s' "${f%.js}" "$(seconds "$TINYNODE" "$f")"
  if [ -n "$have_node" ]; then
    printf ' %10s %14s' "$(seconds node "$f")" "$(seconds node --jitless "$f")"
  fi
  printf '\n'
done
