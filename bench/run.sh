#!/bin/sh
# make bench: run each benchmark under tinynode (and node, when it is installed, for
# reference; and QuickJS when QJS names its binary) and print the wall-clock seconds.
# Numbers only: nothing here can fail because something was slow. Then bench/fs-large.sh
# (a 200 MB readFile and stream copy beside node) and bench/http.sh:
# the http server under load (wrk when installed), 10,000 idle connections and slow
# clients, beside node.
#
# BENCH_COUNT=1 prints instead the instructions each benchmark executes under tinynode,
# counted by valgrind's callgrind: slower to get, but the same on every run whatever
# else the machine is doing, so before/after comparisons on a busy machine stay honest.
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

instructions() { # instructions CMD...: the instructions CMD executes (or "error")
  out=$(mktemp "${TMPDIR:-/tmp}/bench-count.XXXXXX")
  if valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$out"; then
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out" | awk '{ printf "%.0fM", $1 / 1e6 }'
  else
    printf 'error'
  fi
  rm -f "$out"
}

if [ -n "${BENCH_COUNT:-}" ]; then
  command -v valgrind >/dev/null || { echo "BENCH_COUNT needs valgrind"; exit 0; }
  printf '%-14s %14s\n' benchmark instructions
  for f in *.js; do printf '%-14s %14s\n' "${f%.js}" "$(instructions "$TINYNODE" "$f")"; done
  exit 0
fi

have_node=$(command -v node || true)
printf '%-14s %10s' benchmark tinynode
[ -n "${QJS:-}" ] && printf ' %10s' qjs
[ -n "$have_node" ] && printf ' %10s %14s' node "node --jitless"
printf '\n'
for f in *.js; do
  printf '%-14s %10s' "${f%.js}" "$(seconds "$TINYNODE" "$f")"
  [ -n "${QJS:-}" ] && printf ' %10s' "$(seconds "$QJS" "$f")"
  if [ -n "$have_node" ]; then
    printf ' %10s %14s' "$(seconds node "$f")" "$(seconds node --jitless "$f")"
  fi
  printf '\n'
done

# A 200 MB file read and copied, beside node (bench/fs-large.sh), when $TMPDIR has room
# for it three times over (the file, its copy, and to spare).
echo
free_mb=$(df -Pm "${TMPDIR:-/tmp}" 2>/dev/null | awk 'NR == 2 { print $4 }')
if [ "${free_mb:-0}" -ge 600 ]; then
  TINYNODE="$TINYNODE" sh fs-large.sh
else
  echo "fs-large: skipped, ${TMPDIR:-/tmp} has ${free_mb:-no} MB free (600 wanted)"
fi

# The http server under load (wrk when installed), beside node: bench/http.sh.
echo
TINYNODE="$TINYNODE" sh http.sh
