#!/bin/sh
# run.sh - runs the fuzzers; `make fuzz` and `make fuzz-smoke` call it (tests/fuzz/README.md).
#
#   sh tests/fuzz/run.sh smoke                     replay each corpus, fuzz each harness
#                                                  FUZZ_SMOKE_SECONDS (8), 20 builtins programs
#   sh tests/fuzz/run.sh long SECONDS PROGRAMS     fuzz each harness SECONDS, then PROGRAMS
#                                                  builtins programs (0: none)
#
# The harnesses are FUZZ_BUILD/fuzz/fuzz_NAME (default build-fuzz, from `make fuzz-build`).
# Each fuzzes from its seeds in tests/fuzz/corpus/NAME (compile's are the tree's own small
# scripts, gathered at each run: see compile_seeds), writing what it adds to
# FUZZ_BUILD/corpus/NAME, never to the tree, and a crashing input to
# FUZZ_BUILD/findings/NAME-crash-*. Every step passes or fails; the last line is
# `N passed, M failed`, as .ci/run reads it, and the status is non-zero on any failure.
cd "$(dirname "$0")/../.." || exit 2
mode=${1:-smoke}
build=${FUZZ_BUILD:-build-fuzz}
findings=$build/findings
mkdir -p "$findings" || exit 2
passed=0
failed=0

# options NAME: libFuzzer's flags for a harness. The two that keep a VM skip the
# per-input leak check (the collector's heap grows between collections, so the check
# would scan at almost every input); they free the VM at exit, where LeakSanitizer checks.
# -entropic=0: clang 14's entropic scheduler updates a counter per feature on every run,
# which costs more than the run itself here (2-4 times fewer runs a second, measured).
options() {
  case $1 in
  compile) echo "-detect_leaks=0 -entropic=0 -max_len=4096 -timeout=20" ;;
  json) echo "-detect_leaks=0 -entropic=0 -max_len=4096 -timeout=20" ;;
  http) echo "-max_len=20000 -timeout=20" ;;
  regexp) echo "-entropic=0 -max_len=1024 -timeout=20" ;;
  esac
}

# compile_seeds: the compile harness's seeds are the tree's own scripts under 4 KiB
# (tests/**/*.js, examples/*.js) and its findings, copied to FUZZ_BUILD/seeds/compile at
# each run rather than kept in the tree as copies that would go stale.
compile_seeds() {
  rm -rf "$build/seeds/compile" && mkdir -p "$build/seeds/compile" || exit 2
  find tests examples -name '*.js' -size -4096c ! -path 'tests/fuzz/*' | while read -r f; do
    cp "$f" "$build/seeds/compile/$(echo "$f" | tr / -)"
  done
  cp tests/fuzz/corpus/compile/finding-* "$build/seeds/compile" 2>/dev/null
}

seeds() { # seeds NAME: the directory of NAME's seeds
  if [ "$1" = compile ]; then echo "$build/seeds/compile"; else echo "tests/fuzz/corpus/$1"; fi
}

step() { # step NAME STATUS
  if [ "$2" -eq 0 ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $1 (exit status $2)"
  fi
}

# replay NAME: every seed once (files given one by one are run, not fuzzed).
replay() {
  log=$findings/$1-replay.log
  "$build/fuzz/fuzz_$1" $(options "$1") "$(seeds "$1")"/* >"$log" 2>&1
  status=$?
  echo "replay $1: $(ls "$(seeds "$1")" | wc -l) inputs, exit status $status"
  [ "$status" -eq 0 ] || tail -n 30 "$log"
  step "replay $1" "$status"
}

# fuzz NAME SECONDS: fuzz, then print libFuzzer's last status line (runs, coverage, speed).
# The smoke run takes a fixed seed (FUZZ_SEED, default 1), so that CI repeats itself: a
# bug is found by `make fuzz` (random seeds) and kept in the corpus, not by chance in CI.
fuzz() {
  log=$findings/$1-fuzz.log
  mkdir -p "$build/corpus/$1"
  dict=
  [ -f "tests/fuzz/$1.dict" ] && dict=-dict=tests/fuzz/$1.dict
  seed=
  [ "$mode" = smoke ] && seed=-seed=${FUZZ_SEED:-1}
  "$build/fuzz/fuzz_$1" $(options "$1") $dict $seed -max_total_time="$2" -print_final_stats=1 \
    -artifact_prefix="$findings/$1-" "$build/corpus/$1" "$(seeds "$1")" >"$log" 2>&1
  status=$?
  echo "fuzz $1 (${2}s): $(grep -E '^#[0-9]+' "$log" | tail -n 1)"
  [ "$status" -eq 0 ] || { grep -A 30 -E 'ERROR|deadly|timeout|differ' "$log" | head -n 40; }
  step "fuzz $1" "$status"
}

for bin in compile json http regexp; do
  [ -x "$build/fuzz/fuzz_$bin" ] || { echo "run.sh: no $build/fuzz/fuzz_$bin (make fuzz-build)"
    exit 2; }
done

compile_seeds
if [ "$mode" = smoke ]; then
  for h in compile json http regexp; do replay "$h"; done
  for h in compile json http regexp; do fuzz "$h" "${FUZZ_SMOKE_SECONDS:-8}"; done
  sh tests/fuzz/builtins.sh 20 1
  step builtins $?
else
  for h in compile json http regexp; do fuzz "$h" "${2:-600}"; done
  if [ "${3:-2000}" -gt 0 ]; then
    sh tests/fuzz/builtins.sh "${3:-2000}" 1
    step builtins $?
  fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
