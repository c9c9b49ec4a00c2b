#!/bin/sh
# tools/check-exercises.sh: proves the book's graded exercises (`make check-exercises`).
# An exercise is tests/exercises/CH/NAME.js (a golden test, tests/README.md) with its
# reference solution tests/exercises/CH/NAME.patch (`git diff` format, applied with
# patch -p1 at the top of the tree). For each one:
#   1. in this tree, untouched, the test FAILS (the exercise is not already solved);
#   2. in a scratch copy, the patch applies, the tree builds, and the test passes.
# The copy carries a .lab file with `region *`, so that book-check does not fail on a
# quoted region the solution changes. `make test` never runs the exercises.
#
# Usage: sh tools/check-exercises.sh [CH/NAME | CH ...]   all exercises, or some (a name
#        that is no exercise and no chapter is an error: exit 2 before anything is built)
# Environment: CHECK_EXERCISES_KEEP=1 keeps the scratch copies; CHECK_EXERCISES_SAMPLE=k/n
# checks only every n-th exercise from the k-th (CI proves a sixteenth a day).
# A test that skips here (a chapter 13 script without gdb) is reported as skipped.
# POSIX sh and patch; one line per exercise and a summary last.

set -u
root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root" || exit 2

scratch=$(mktemp -d "${TMPDIR:-/tmp}/check-exercises.XXXXXX") || exit 2
[ -n "${CHECK_EXERCISES_KEEP:-}" ] || trap 'rm -rf "$scratch"' EXIT
trap 'exit 2' INT TERM HUP

# The exercises named on the command line, one CH/NAME a line (all of them without
# arguments). A chapter number names all of its own; CH/NAME names one exercise even when
# a fixture directory CH/NAME/ sits beside its test (15/loop-calls). A name that is
# neither is an error, so that a typo never checks nothing and passes.
exercises() {
  [ $# -eq 0 ] && set -- $(ls tests/exercises | grep '^[0-9]')
  for a in "$@"; do
    a=${a#tests/exercises/}
    a=${a%/}
    case $a in *.js | *.sh | *.patch) a=${a%.*} ;; esac
    if [ -f "tests/exercises/$a.patch" ] || [ -f "tests/exercises/$a.js" ] ||
      [ -f "tests/exercises/$a.sh" ]; then
      echo "$a"
    elif case $a in */* | *[!0-9]*) false ;; esac && [ -d "tests/exercises/$a" ] &&
      ls "tests/exercises/$a"/*.patch >/dev/null 2>&1; then
      ls "tests/exercises/$a"/*.patch | sed 's|^tests/exercises/||; s|\.patch$||'
    else
      echo "check-exercises: no exercise or chapter '$a' (want CH or CH/NAME, as in tests/exercises/)" >&2
      return 1
    fi
  done
}
selected=$(exercises "$@") || exit 2

make -j2 tinynode >/dev/null 2>&1 || { echo "check-exercises: this tree does not build"; exit 1; }
# The exercises of CHECK_EXERCISES_SAMPLE's share: index % n == k.
sampled() {
  case ${CHECK_EXERCISES_SAMPLE:-} in
  */*) awk -v k="${CHECK_EXERCISES_SAMPLE%/*}" -v n="${CHECK_EXERCISES_SAMPLE#*/}" '(NR - 1) % n == k' ;;
  *) cat ;;
  esac
}

checked=0
failed=0
skipped=0
for ex in $(echo "$selected" | sampled); do
  checked=$((checked + 1))
  test=tests/exercises/$ex.js
  [ -f "$test" ] || test=tests/exercises/$ex.sh
  start=$(date +%s)
  problem=""
  if [ ! -f "$test" ] || [ ! -f "tests/exercises/$ex.patch" ]; then
    problem="needs $ex.js (or .sh) and $ex.patch"
  elif NO_NODE=1 sh tests/run.sh "$test" >"$scratch/before.log" 2>&1; then
    if grep -q '^skip ' "$scratch/before.log"; then
      skipped=$((skipped + 1))
      echo "skip $ex: $(grep '^skip ' "$scratch/before.log" | head -n 1 | sed 's/^skip [^:]*: //')"
      continue
    fi
    problem="the test passes in the untouched tree: the exercise is solved already"
  else
    dir=$scratch/$(echo "$ex" | tr / -)
    sh tools/lab.sh copy "$dir" &&
      printf '# scratch copy of tools/check-exercises.sh for %s\nexercise %s\nregion *\n' \
        "$ex" "$ex" >"$dir/.lab"
    if ! (cd "$dir" && patch -p1 -s <"$root/tests/exercises/$ex.patch") >"$dir.log" 2>&1; then
      problem="the reference patch does not apply"
    elif ! (cd "$dir" && make -j2 >>"$dir.log" 2>&1); then
      problem="the tree does not build with the reference patch"
    elif ! (cd "$dir" && NO_NODE=1 sh tests/run.sh "$test") >>"$dir.log" 2>&1; then
      problem="the test fails with the reference patch"
    fi
    [ -n "$problem" ] && tail -n 20 "$dir.log" | sed 's/^/    /' >"$scratch/details"
    [ -n "${CHECK_EXERCISES_KEEP:-}" ] || rm -rf "$dir"
  fi
  if [ -z "$problem" ]; then
    echo "ok   $ex ($(($(date +%s) - start)) s)"
  else
    failed=$((failed + 1))
    echo "FAIL $ex: $problem"
    [ -f "$scratch/details" ] && cat "$scratch/details" && rm -f "$scratch/details"
  fi
done
note=""
[ "$skipped" -gt 0 ] && note=", $skipped skipped"
echo "check-exercises: $((checked - failed - skipped)) of $checked exercises ok$note"
echo "$((checked - failed - skipped)) passed, $failed failed$note" # the line CI counts
[ "$failed" -eq 0 ]
