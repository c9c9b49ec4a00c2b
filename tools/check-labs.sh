#!/bin/sh
# tools/check-labs.sh: proves that every lab can be set and graded (`make check-labs`).
# For each lab (labs/NAME/lab), in a scratch copy made by `tools/lab.sh prepare`:
#   1. the blanked tree builds;
#   2. every test of the lab FAILS (a test that passes without the lab's code grades
#      nothing);
#   3. the rest of the suite (`tests/run.sh`, node cross-check off) still passes, apart from
#      the lab's tests and those it lists as `depends` (glob patterns on test ids); a lab
#      with `depends *` (every test may fail) skips this step;
# and in this tree, untouched, `tools/lab.sh grade NAME` gives full marks.
#
# Usage: sh tools/check-labs.sh [NAME...]     all labs, or the named ones
# Environment:
#   CHECK_LABS_SAMPLE=k/n  check only the labs whose place in the sorted list is k modulo n
#                          (CI runs a different part each day), and in step 3 run only the
#                          same share of the golden tests (TEST_SAMPLE=k/n)
#   CHECK_LABS_JOBS=n      labs checked at once (default 1; each builds with make -j2)
#   CHECK_LABS_KEEP=1      keep the scratch copies (under $TMPDIR/check-labs.*)
#   CHECK_LABS_MEASURE=1   run step 3 even for `depends *` labs and print, for each lab,
#                          how many tests its blanked tree breaks and which: the measured
#                          list a lab's `depends` lines are written from
#   TEST_TIMEOUT=s         the runner's time limit in step 3 (default 30: a slow test on a
#                          busy machine must not look like one the lab breaks)
# Every lab's copy is a directory of its own under one mktemp directory, so runs in
# parallel never share files. POSIX sh; prints one line per lab and a summary last.

set -u
root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root" || exit 2

scratch=$(mktemp -d "${TMPDIR:-/tmp}/check-labs.XXXXXX") || exit 2
[ -n "${CHECK_LABS_KEEP:-}" ] || trap 'rm -rf "$scratch"' EXIT
trap 'exit 2' INT TERM HUP

sample=${CHECK_LABS_SAMPLE:-}
jobs=${CHECK_LABS_JOBS:-1}

if [ $# -gt 0 ]; then
  labs=$*
else
  labs=$(ls labs/*/lab | sed 's|^labs/||; s|/lab$||' | LC_ALL=C sort)
  if [ -n "$sample" ]; then
    labs=$(echo "$labs" | awk -v s="$sample" 'BEGIN { split(s, a, "/") } (NR - 1) % a[2] == a[1]')
  fi
fi

# field LAB KEY: the values of every `KEY ...` line of labs/LAB/lab.
field() {
  awk -v k="$2" '$1 == k { sub(/^[^ \t]+[ \t]+/, ""); print }' "labs/$1/lab"
}

# is_lab_test LAB ID: is test ID one of the lab's own tests?
is_lab_test() {
  for t in $(field "$1" test); do
    [ "$2" = "$(basename "$(dirname "$t")")/$(basename "$t" | sed -e 's/\.js$//' -e 's/\.c$//')" ] && return 0
  done
  return 1
}

# allowed LAB ID: is test ID one the lab may break (one of its tests, or a depends pattern)?
allowed() {
  is_lab_test "$1" "$2" && return 0
  set -f # the patterns are for test ids, not for file names here
  for pattern in $(field "$1" depends); do
    # shellcheck disable=SC2254 # the pattern is meant to match
    case $2 in $pattern) set +f; return 0 ;; esac
  done
  set +f
  return 1
}

# check_lab LAB: the three steps in a copy, then full marks here. Writes its verdict to
# $scratch/LAB.verdict (one line, "ok LAB ..." or "FAIL LAB: ...") and its log beside it.
check_lab() {
  lab=$1
  dir=$scratch/$lab
  log=$scratch/$lab.log
  start=$(date +%s)
  verdict() { echo "$1 $lab$2 ($(($(date +%s) - start)) s)" >"$scratch/$lab.verdict"; }
  LAB_QUIET=1 sh tools/lab.sh prepare "$lab" "$dir/tree" >"$log" 2>&1 ||
    { verdict FAIL ": tools/lab.sh prepare failed"; return; }
  (cd "$dir/tree" && make -j2 >>"$log" 2>&1) || { verdict FAIL ": the blanked tree does not build"; return; }
  (cd "$dir/tree" && sh tools/lab.sh grade) >"$dir/grade" 2>&1
  passing=$(grep '^pass ' "$dir/grade" | cut -c6- | tr '\n' ' ')
  [ -z "$passing" ] || { verdict FAIL ": passes without the lab's code: $passing"; return; }
  suite=", the rest of the suite passes"
  if [ -z "${CHECK_LABS_MEASURE:-}" ] && field "$lab" depends | grep -qx '\*'; then
    suite=", suite skipped (depends *)" # every test may fail: nothing to learn from it
  else
    (cd "$dir/tree" && NO_NODE=1 TEST_TIMEOUT=${TEST_TIMEOUT:-30} ${sample:+TEST_SAMPLE=$sample} \
      sh tests/run.sh) >"$dir/suite" 2>&1
    unexpected=""
    for id in $(sed -n 's/^FAIL \([^:]*\):.*/\1/p' "$dir/suite"); do
      allowed "$lab" "$id" || unexpected="$unexpected $id"
      [ -z "${CHECK_LABS_MEASURE:-}" ] || is_lab_test "$lab" "$id" || echo "depends $id" >>"$scratch/$lab.measured"
    done
    if [ -n "${CHECK_LABS_MEASURE:-}" ]; then
      unexpected="" # measuring: every failure is recorded, none is a verdict
      tail -n 1 "$dir/suite" >"$scratch/$lab.total"
    fi
    [ -z "$unexpected" ] || { verdict FAIL ": breaks tests it does not list:$unexpected"; return; }
  fi
  sh tools/lab.sh grade "$lab" >"$dir/grade-reference" 2>&1 ||
    { verdict FAIL ": the untouched tree fails its tests: $(tail -n 1 "$dir/grade-reference")"; return; }
  verdict ok ": $(tail -n 1 "$dir/grade-reference" | sed 's/Score: //') tests, all failing when blanked$suite"
  [ -n "${CHECK_LABS_KEEP:-}" ] || rm -rf "$dir"
}

echo "== check-labs: $(echo $labs | wc -w) lab(s)${sample:+, sample $sample}, $jobs at a time"
# The untouched tree's binary must be current: step 4 grades it.
make -j2 tinynode >/dev/null 2>&1 || { echo "check-labs: this tree does not build"; exit 1; }
running=0
for lab in $labs; do
  [ -f "labs/$lab/lab" ] || { echo "FAIL $lab: no labs/$lab/lab"; echo "FAIL $lab" >"$scratch/$lab.verdict"; continue; }
  check_lab "$lab" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait; running=0; fi
done
wait

failed=0
checked=0
for lab in $labs; do
  checked=$((checked + 1))
  line=$(cat "$scratch/$lab.verdict" 2>/dev/null || echo "FAIL $lab: no verdict")
  echo "$line"
  if [ -f "$scratch/$lab.total" ]; then
    echo "  measured: $(cat "$scratch/$lab.measured" 2>/dev/null | wc -l) tests besides the lab's fail; the suite said: $(cat "$scratch/$lab.total")"
    sed 's/^/    /' "$scratch/$lab.measured" 2>/dev/null
  fi
  case $line in FAIL*)
    failed=$((failed + 1))
    [ -f "$scratch/$lab/suite" ] && grep -A12 '^FAIL ' "$scratch/$lab/suite" | head -n 40 | sed 's/^/    /'
    [ -f "$scratch/$lab.log" ] && tail -n 15 "$scratch/$lab.log" | sed 's/^/    /' ;;
  esac
done
echo "check-labs: $((checked - failed)) of $checked labs ok"
echo "$((checked - failed)) passed, $failed failed" # the line CI's tally reads
[ "$failed" -eq 0 ]
