#!/bin/sh
# tests/run.sh: tinynode's test runner (`make test` calls it). POSIX sh, no other tools
# than a C compiler, make, coreutils, awk and diff, so it runs on a fresh machine.
#
# It does four things, in this order, and ends with the line `N passed, M failed`:
#   1. the C unit tests: `make unit` builds every tests/unit/NAME.c, then each one runs;
#   2. the golden tests: tests/AREA/NAME.js run under tinynode, output compared with the
#      sidecar files NAME.out, NAME.err, NAME.status (tests/README.md has the format);
#   3. the node cross-check: where `node` is installed, the same golden tests (those
#      without a NAME.flags or NAME.unlike-node file) run under node too, because every
#      expectation must be what Node prints: a test whose expectation node does not
#      reproduce fails;
#   4. `make book-check`: the code quoted in book/ still matches the sources.
#
# Usage:  sh tests/run.sh                  everything
#         sh tests/run.sh tests/lexer      one area (or several; or single files;
#         sh tests/run.sh tests/vm/a.js    `tests/unit` selects the unit tests)
# Environment:
#   TINYNODE=path   the binary under test (default ./tinynode; `make asan test` tests the
#                   sanitizer build the same way)
#   NO_NODE=1       skip the node cross-check; NODE=path picks a particular node
#   UPDATE=1        rewrite the expectations of tinynode-only tests (those with a .flags
#                   file) from tinynode's output: review the result with `git diff`
#   UPDATE=node     rewrite the expectations of all other tests from node's output
#   TEST_TIMEOUT=s  seconds each .js test may take (default 10; .sh tests get 12 times it)
#   TEST_JOBS=n     golden tests run n at a time (default: the number of processors); the
#                   report keeps the order of the list whatever order they finish in
#   TEST_SAMPLE=k/n run only the golden tests whose place in the list is k modulo n (CI's
#                   slowest variant runs a different half each day); the report says so
#   TEST_SOURCE_CHECKS=0  skip what reads the sources, not the binary: the book check and
#                   tests/tree/ (CI runs them once, in its main variant, not per build)
#   TEST_TIMES=1    end with the ten slowest golden tests and their times (CI's budget)
#   VERBOSE=1       also list the tests that pass
# Everything else in the environment (e.g. TINYNODE_GC_STRESS=1) reaches tinynode as is.

set -u

# ==== Where things are =======================================================

# Arguments name paths relative to where the caller stands; make them absolute before
# moving to the top of the tree, where everything else is relative to.
args=""
for a in "$@"; do
  case $a in /*) ;; *) a=$(pwd -P)/$a ;; esac
  args="$args $a"
done
root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root" || exit 2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-tests.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP PIPE

# The binary under test: $TINYNODE may be a path (made absolute, since tests run from their
# own directories) or a command name on PATH (`TINYNODE=node` tests the tests themselves).
tinynode=${TINYNODE:-$root/tinynode}
case $tinynode in
  /*) ;;
  */*) tinynode=$root/$tinynode ;;
  *) tinynode=$(command -v "$tinynode") || tinynode=$root/$TINYNODE ;;
esac

# node, for the cross-check, unless NO_NODE is set.
node=""
if [ -z "${NO_NODE:-}" ]; then
  node=$(command -v "${NODE:-node}") || node=""
fi

# A bound on every test, so that a hang is a failure, not a stuck CI job. `timeout` is in
# coreutils; -k sends SIGKILL if the polite SIGTERM is ignored.
test_timeout=${TEST_TIMEOUT:-10}
if command -v timeout >/dev/null 2>&1; then
  limit() { timeout -k 5 "$@"; }
else
  limit() { shift; "$@"; }
fi

# How many golden tests run at once.
jobs=${TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
case $jobs in '' | *[!0-9]* | 0) jobs=1 ;; esac

# How to run make: `make test` tells us (same flavour: debug, asan, DISPATCH=switch), and
# where that flavour builds.
make_cmd=${TN_MAKE:-make}
build=${TN_BUILD:-build}

# Sanitizer builds: stop at the first undefined behaviour, with a stack trace.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export UBSAN_OPTIONS

# Colours: both engines colour piped output when FORCE_COLOR is set, so a shell that sets
# it (or NO_COLOR) must not change what the tests see. Tests that want colours set them.
unset FORCE_COLOR NO_COLOR NODE_DISABLE_COLORS

# ==== Counting and reporting =================================================

passed=0
failed=0
skipped=0
failures=""

pass() {
  passed=$((passed + 1))
  [ -n "${VERBOSE:-}" ] && echo "ok   $1"
  return 0
}

# fail NAME REASON: count a failure; the details (diffs, logs) follow on stdout.
fail() {
  failed=$((failed + 1))
  failures="$failures $1"
  echo "FAIL $1: $2"
}

skip() {
  skipped=$((skipped + 1))
  echo "skip $1: $2"
}

# Golden tests run in parallel workers, which cannot count in this shell. A worker writes
# each outcome as a line `@pass ID`, `@fail ID REASON` or `@skip ID REASON` among what the
# test printed; replay FILE counts those lines and prints the others as they are.
outcome() {
  echo "@$1 $2${3:+ $3}"
}

replay() {
  while IFS= read -r line; do
    rest=${line#@* }
    case $line in
      "@pass "*) pass "$rest" ;;
      "@fail "*) fail "${rest%% *}" "${rest#* }" ;;
      "@skip "*) skip "${rest%% *}" "${rest#* }" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done <"$1"
}

# step_end: one line with what the step just finished counted.
step_passed=0
step_failed=0
step_end() {
  echo "   $((passed - step_passed)) passed, $((failed - step_failed)) failed"
  step_passed=$passed
  step_failed=$failed
}

# show_diff EXPECTED ACTUAL: the unified diff, indented so that it stands out in a log.
show_diff() {
  diff -u "$1" "$2" | sed 's/^/    /'
}

# ==== Normalisation ==========================================================
#
# Some of what an engine prints depends on where the test lives or on the engine, not on
# the program. Before comparing, both outputs are normalised the same way:
#   - every occurrence of the test's directory (absolute path) becomes <dir>;
#   - on stderr, stack lines inside Node's own JavaScript (`    at ... node:internal...`)
#     are dropped: tinynode has no such frames (the " {" that opens an error's properties
#     at the end of the last one moves up to the line before);
#   - on stderr, a last line `Node.js v20.20.2` or `tinynode v0.1.0` becomes <version>;
#   - on stderr, a warning's `(node:PID) ` or `(tinynode:PID) ` prefix becomes
#     `(<engine>:<pid>) `, and the hint `(Use \`node --trace-warnings` names <engine> too.
# A missing newline at the very end is kept missing: awk would add one, so `nonl` tells it.

# normalise MODE DIR FILE: print FILE normalised (MODE is out or err).
#> tests.normalise
normalise() {
  nonl=0
  [ -s "$3" ] && [ "$(tail -c 1 "$3" | wc -l)" -eq 0 ] && nonl=1
  awk -v mode="$1" -v dir="$2" -v nonl="$nonl" '
    function subst(s,   i, out) {             # every DIR in s becomes <dir>
      if (dir == "") return s                   # (mawk finds "" everywhere: no loop)
      out = ""
      while ((i = index(s, dir)) > 0) {
        out = out substr(s, 1, i - 1) "<dir>"
        s = substr(s, i + length(dir))
      }
      return out s
    }
    mode == "err" && /^    at .*node:internal/ {
      if (/ \{$/ && n) held = held " {"       # the properties of the error follow
      next
    }
    mode == "err" {                             # (node:PID) / (tinynode:PID) warnings
      sub(/^\((node|tinynode):[0-9]+\) /, "(<engine>:<pid>) ")
      sub(/^\(Use `(node|tinynode) --trace-(warnings|deprecation)/, "(Use `<engine> --trace-" (index($0, "--trace-w") ? "warnings" : "deprecation"))
    }
    {
      if (n++) print held                       # hold one line back: it may be the last
      held = subst($0)
    }
    END {
      if (!n) exit
      if (mode == "err" && held ~ /^(Node\.js|tinynode) v[0-9][0-9.]*$/) held = "<version>"
      printf "%s%s", held, (nonl ? "" : "\n")
    }' "$3"
}
#< tests.normalise

# ==== Running one golden test ================================================

# run_js ENGINE DIR NAME PREFIX: run `ENGINE [flags] NAME.js` in DIR, stdin empty, with a
# time limit; leave the normalised stdout, stderr and exit status in PREFIX.out, .err and
# .status. The .flags line is read with the shell's quoting rules (so `-e 'code'` works).
run_js() {
  (
    engine=$1 js=$3.js
    cd "$2" || exit 2
    flags=""
    [ -f "$3.flags" ] && flags=$(cat "$3.flags")
    [ -f "$3.nostress" ] && unset TINYNODE_GC_STRESS # quadratic under it: see the file
    eval "set -- $flags"
    limit "$test_timeout" "$engine" "$@" "$js"
  ) >"$4.rawout" 2>"$4.rawerr" </dev/null
  echo $? >"$4.status"
  normalise out "$2" "$4.rawout" >"$4.out"
  normalise err "$2" "$4.rawerr" >"$4.err"
}

# explain_status STATUS: what an unusual exit status usually means.
explain_status() {
  case $1 in
    124) echo " (the $test_timeout s time limit was hit)" ;;
    134) echo " (SIGABRT: an ASSERT, PANIC or sanitizer report)" ;;
    137) echo " (SIGKILL: did not stop after the time limit)" ;;
    139) echo " (SIGSEGV: a crash)" ;;
    *) echo "" ;;
  esac
}

# differs BASE PREFIX: compare actual PREFIX.{out,err,status} with the expectations of test
# BASE (BASE.out, BASE.err or nothing, BASE.status or 0); print the differences and
# return 1 if there are any.
differs() {
  d=0
  exp_err=/dev/null
  [ -f "$1.err" ] && exp_err=$1.err
  exp_status=0
  [ -f "$1.status" ] && exp_status=$(cat "$1.status")
  got_status=$(cat "$2.status")
  if ! cmp -s "$1.out" "$2.out"; then
    echo "  stdout differs (- expected, + actual):"
    show_diff "$1.out" "$2.out"
    d=1
  fi
  if ! cmp -s "$exp_err" "$2.err"; then
    echo "  stderr differs (- expected, + actual):"
    show_diff "$exp_err" "$2.err"
    d=1
  fi
  if [ "$exp_status" != "$got_status" ]; then
    echo "  exit status: expected $exp_status, got $got_status$(explain_status "$got_status")"
    d=1
  fi
  return $d
}

# update BASE PREFIX: make the actual output in PREFIX the expectation of test BASE. An
# empty stderr and a zero status are written as absent files, the format's defaults.
update() {
  cp "$2.out" "$1.out"
  if [ -s "$2.err" ]; then cp "$2.err" "$1.err"; else rm -f "$1.err"; fi
  if [ "$(cat "$2.status")" != 0 ]; then cp "$2.status" "$1.status"; else rm -f "$1.status"; fi
  echo "updated ${1#"$root"/}"
}

# golden_test FILE.js: one test: run it under tinynode (and node), compare, count.
#> tests.golden-test
golden_test() {
  dir=$(cd "$(dirname "$1")" && pwd -P)
  name=$(basename "$1" .js)
  base=$dir/$name
  id=$(basename "$dir")/$name
  act=$tmp/$(basename "$dir").$name
  node_checked=1
  [ -f "$base.flags" ] && node_checked=0
  [ -f "$base.unlike-node" ] && node_checked=0 # a deliberate difference: the file says why
  [ -z "$node" ] && node_checked=0

  if [ "${UPDATE:-}" = node ] && [ "$node_checked" = 1 ]; then
    run_js "$node" "$dir" "$name" "$act.node" && update "$base" "$act.node"
  fi
  run_js "$tinynode" "$dir" "$name" "$act"
  if [ "${UPDATE:-}" = 1 ] && { [ -f "$base.flags" ] || [ -f "$base.unlike-node" ]; }; then
    update "$base" "$act"
  fi
  if [ ! -f "$base.out" ]; then
    outcome fail "$id" "no $name.out: write the expected stdout (UPDATE=node or UPDATE=1 can)"
    return
  fi

  differs "$base" "$act" >"$act.report" && ok=1 || ok=0
  if [ "$node_checked" = 1 ]; then
    run_js "$node" "$dir" "$name" "$act.node"
    if ! differs "$base" "$act.node" >"$act.node.report"; then
      { echo "  expectation not reproduced by node:"; cat "$act.node.report"; } >>"$act.report"
      ok=0
    fi
  fi
  if [ "$ok" = 1 ]; then
    outcome pass "$id"
  else
    outcome fail "$id" "output differs from the expectation"
    cat "$act.report"
  fi
}
#< tests.golden-test

# script_test FILE.sh: a test with its own procedure (e.g. the http server). It runs in
# its directory with TINYNODE, NODE and HTTPCLIENT set; exit 0 passes, 77 skips.
script_test() {
  dir=$(cd "$(dirname "$1")" && pwd -P)
  name=$(basename "$1" .sh)
  id=$(basename "$dir")/$name.sh
  log=$tmp/$(basename "$dir").$name.log
  (
    cd "$dir" || exit 2
    TINYNODE=$tinynode NODE=$node HTTPCLIENT=$httpclient TEST_TIMEOUT=$test_timeout
    export TINYNODE NODE HTTPCLIENT TEST_TIMEOUT
    limit $((test_timeout * 12)) sh "$name.sh"
  ) >"$log" 2>&1 </dev/null
  status=$?
  [ -n "${VERBOSE:-}" ] && sed 's/^/    /' "$log"
  case $status in
    0) outcome pass "$id" ;;
    77) outcome skip "$id" "$(tail -n 1 "$log")" ;;
    *)
      outcome fail "$id" "exit status $status$(explain_status "$status")"
      sed 's/^/    /' "$log"
      ;;
  esac
}

# ==== The steps ==============================================================

# Which tests to run: everything under tests/*/ except the directories that hold no
# golden tests, or what the command line named.
want_unit=1
want_book=1
selection() {
  if [ -z "$args" ]; then
    for f in tests/*/*.js tests/*/*.sh; do
      case $f in tests/exercises/* | tests/fuzz/* | tests/tools/* | tests/unit/*) continue ;; esac
      case $f in tests/tree/*) [ "${TEST_SOURCE_CHECKS:-1}" = 0 ] && continue ;; esac
      [ -f "$f" ] && echo "$f"
    done
    return
  fi
  for a in $args; do
    if [ -d "$a" ]; then
      for f in "$a"/*.js "$a"/*.sh; do [ -f "$f" ] && echo "$f"; done
    elif [ -f "$a" ]; then
      echo "$a"
    elif [ -f "$a.js" ] || [ -f "$a.sh" ]; then # a test named without its extension
      for f in "$a.js" "$a.sh"; do [ -f "$f" ] && echo "$f"; done
    else
      echo "run.sh: no such test: $a" >&2
    fi
  done
}

# A .js test with a .sh of the same name is run by its script only.
golden_tests() {
  selection | while read -r f; do
    case $f in
      *.js) [ -f "${f%.js}.sh" ] || echo "$f" ;;
      *.sh) echo "$f" ;;
    esac
  done
}

# Step 1: the C unit tests. A unit test that does not build or does not exit 0 is one
# failure, shown with its output.
step_unit() {
  echo "== unit tests ($build/unit)"
  if ! $make_cmd --no-print-directory unit >"$tmp/make-unit.log" 2>&1; then
    fail "make unit" "the unit tests do not build"
    tail -n 30 "$tmp/make-unit.log" | sed 's/^/    /'
    return
  fi
  for t in "$build"/unit/*; do
    if [ ! -f "$t" ] || [ ! -x "$t" ]; then continue; fi
    if limit $((test_timeout * 6)) "$t" >"$tmp/unit.log" 2>&1 </dev/null; then
      pass "unit/$(basename "$t")"
    else
      fail "unit/$(basename "$t")" "exit status $?"
      tail -n 40 "$tmp/unit.log" | sed 's/^/    /'
    fi
  done
}

# The tools the .sh tests use (tests/tools/*.c), compiled once per run.
httpclient=""
build_tools() {
  mkdir -p "$build/tools"
  httpclient=$root/$build/tools/httpclient
  if [ ! -x "$httpclient" ] || [ -n "$(find tests/tools/httpclient.c -newer "$httpclient")" ]; then
    if ! ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -o "$httpclient" \
      tests/tools/httpclient.c >"$tmp/tools.log" 2>&1; then
      fail "tests/tools/httpclient.c" "does not compile"
      sed 's/^/    /' "$tmp/tools.log"
      httpclient=""
    fi
  fi
}

# Step 2 and 3: the golden tests listed in $tmp/list, each under tinynode and, where it
# applies, node.
step_golden() {
  if [ -n "$node" ]; then
    echo "== golden tests under $tinynode, cross-checked with $node ($("$node" --version))"
  else
    echo "== golden tests under $tinynode"
    echo "node cross-check skipped: node is not installed (or NO_NODE is set)"
  fi
  if [ "${UPDATE:-}" = node ] && [ -z "$node" ]; then
    echo "UPDATE=node needs node on PATH" >&2
    exit 2
  fi
  if ! [ -x "$tinynode" ]; then
    fail "tinynode" "no binary at $tinynode (run make)"
    skipped=$((skipped + $(wc -l <"$tmp/list")))
    return
  fi
  grep -q '\.sh$' "$tmp/list" && build_tools
  awk '{ print NR, $0 }' "$tmp/list" >"$tmp/numbered"
  k=0
  while [ "$k" -lt "$jobs" ]; do
    run_share "$k" &
    k=$((k + 1))
  done
  wait
  n=$(wc -l <"$tmp/list")
  i=1
  while [ "$i" -le "$n" ]; do
    replay "$tmp/result.$i"
    i=$((i + 1))
  done
}

# run_share K: worker K of $jobs runs every test whose number is K modulo $jobs (the
# slow ones spread evenly enough), each test's report into $tmp/result.NUMBER.
run_share() {
  awk -v k="$1" -v n="$jobs" '$1 % n == k' "$tmp/numbered" | while read -r i f; do
    [ -n "${TEST_TIMES:-}" ] && began=$(millis)
    case $f in
      *.sh) script_test "$f" ;;
      *) golden_test "$f" ;;
    esac >"$tmp/result.$i" 2>&1
    [ -n "${TEST_TIMES:-}" ] && echo "$(($(millis) - began)) ${f#"$root"/}" >>"$tmp/times.$1"
  done
}

# millis: a clock in milliseconds (date +%s%N is GNU; elsewhere whole seconds will do).
millis() {
  t=$(date +%s%N 2>/dev/null)
  case $t in *N | '') echo $(($(date +%s) * 1000)) ;; *) echo $((t / 1000000)) ;; esac
}

# slowest: the ten slowest golden tests of this run, for keeping CI within its budget.
slowest() {
  echo "== the slowest golden tests (milliseconds, wall clock, $jobs at a time)"
  cat "$tmp"/times.* 2>/dev/null | sort -rn | head -n 10 | sed 's/^/   /'
}

# Step 4: the book's listings and code references.
step_book() {
  echo "== book check"
  if $make_cmd --no-print-directory -s book-check >"$tmp/book.log" 2>&1; then
    pass "book-check"
    tail -n 1 "$tmp/book.log"
  else
    fail "book-check" "the book and the sources disagree"
    sed 's/^/    /' "$tmp/book.log"
  fi
}

# ==== Main ===================================================================

if [ -n "$args" ]; then
  want_unit=0
  want_book=0
  for a in $args; do [ "$a" = "$root/tests/unit" ] && want_unit=1; done
fi
if [ "$want_unit" = 1 ]; then step_unit; step_end; fi
golden_tests >"$tmp/list"
if [ -n "${TEST_SAMPLE:-}" ]; then
  awk -v s="$TEST_SAMPLE" 'BEGIN { split(s, a, "/") } (NR - 1) % a[2] == a[1]' "$tmp/list" \
    >"$tmp/sample" && mv "$tmp/sample" "$tmp/list"
  echo "== TEST_SAMPLE=$TEST_SAMPLE: $(wc -l <"$tmp/list") golden tests of the sample"
fi
if [ -s "$tmp/list" ]; then step_golden; step_end; fi
[ "${TEST_SOURCE_CHECKS:-1}" = 0 ] && want_book=0
if [ "$want_book" = 1 ]; then step_book; step_end; fi
[ -n "${TEST_TIMES:-}" ] && slowest

# The summary: the names of the failed tests, then the one line CI reads.
echo
[ -n "$failures" ] && echo "failed:$failures"
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
