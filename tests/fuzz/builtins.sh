#!/bin/sh
# builtins.sh - the built-in API fuzzer's driver (tests/fuzz/README.md).
#
#   sh tests/fuzz/builtins.sh [PROGRAMS [FIRST_SEED]]
#
# builtins.js writes the programs of seeds FIRST_SEED (default 1) on, 100 at a time; each
# runs under TINYNODE_GC_STRESS=1 in an empty scratch directory with an empty stdin. A
# program that dies by a signal (other than the out-of-memory abort Node also makes) or
# whose stderr holds a sanitizer report or an internal error is a crash: it is kept as
# FINDINGS/crash-SEED.js with its stderr beside it, and the exit status is 1. A program
# still running after TIMEOUT seconds is kept as FINDINGS/timeout-SEED.js and reported,
# but is no failure (a walk over an endless array-like hangs in Node too).
#
# Environment: TINYNODE (default build-asan/tinynode), FINDINGS (default
# build-fuzz/findings/builtins), ROUNDS calls per program (default 60), TIMEOUT (60),
# GC_STRESS (default 1; 0 runs without it, about five times as many programs a minute).
cd "$(dirname "$0")/../.." || exit 2
here=$PWD
programs=${1:-100}
seed=${2:-1}
tinynode=${TINYNODE:-build-asan/tinynode}
case $tinynode in /*) ;; *) tinynode=$here/$tinynode ;; esac
findings=${FINDINGS:-build-fuzz/findings/builtins}
rounds=${ROUNDS:-60}
limit=${TIMEOUT:-60}
stress=${GC_STRESS:-1}
[ -x "$tinynode" ] || { echo "builtins.sh: no $tinynode (make asan)"; exit 2; }
mkdir -p "$findings" || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# An oversized request must reach mem_alloc as NULL (Node's out-of-memory report), not
# stop ASan's allocator; the heap limit keeps a runaway program from taking the machine.
export ASAN_OPTIONS=allocator_may_return_null=1
export TINYNODE_MAX_HEAP_MB=1024

crashes=0
timeouts=0
started=$(date +%s)
last=$((seed + programs - 1))
# generate SEED COUNT: the programs, split into $work/program-SEED.js.
generate() {
  rm -f "$work"/program-*.js
  "$tinynode" tests/fuzz/builtins.js "$1" "$rounds" "$2" >"$work/programs" 2>"$work/err" ||
    { echo "builtins.sh: the generator failed:"; cat "$work/err"; exit 2; }
  awk -v dir="$work" '/^\/\/@@ seed / { if (f) close(f); f = dir "/program-" $3 ".js" }
    { print > f }' "$work/programs"
}

while [ "$seed" -le "$last" ]; do
  if [ ! -f "$work/program-$seed.js" ]; then
    batch=$((last - seed + 1))
    [ "$batch" -gt 100 ] && batch=100
    [ "$seed" -gt "${2:-1}" ] && echo "builtins: seed $seed ($(($(date +%s) - started)) s)"
    generate "$seed" "$batch"
  fi
  mv "$work/program-$seed.js" "$work/program.js"
  rm -rf "$work/scratch" && mkdir "$work/scratch"
  (cd "$work/scratch" && TINYNODE_GC_STRESS=$stress \
    timeout -k 5 "$limit" "$tinynode" ../program.js </dev/null >/dev/null 2>"$work/err")
  status=$?
  verdict=
  report='ERROR: (Address|Leak)Sanitizer|runtime error:|tinynode: internal error'
  if grep -qE "$report" "$work/err"; then
    verdict=crash
  elif [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    verdict=timeout
  elif [ "$status" -gt 128 ] && ! grep -q 'JavaScript heap out of memory' "$work/err"; then
    verdict=crash
  fi
  if [ -n "$verdict" ]; then
    cp "$work/program.js" "$findings/$verdict-$seed.js"
    cp "$work/err" "$findings/$verdict-$seed.err"
    echo "builtins: seed $seed: $verdict (exit status $status), kept in $findings/$verdict-$seed.js"
    [ "$verdict" = crash ] && crashes=$((crashes + 1)) || timeouts=$((timeouts + 1))
  fi
  seed=$((seed + 1))
done
took=$(($(date +%s) - started))
echo "builtins: $programs programs of $rounds calls (GC_STRESS=$stress):" \
  "$crashes crashes, $timeouts time-outs ($took s)"
[ "$crashes" -eq 0 ]
