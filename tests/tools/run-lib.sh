# run-lib.sh: shared steps of the script tests that run JavaScript programs under tinynode
# and node and compare what each printed (tests/runtime/handles.sh, the stack-guard
# tests), sourced.
#
#   run ENGINE STACK_KB FILE [ARGS]  run ENGINE FILE in the current directory under
#                                    `ulimit -s STACK_KB` (`-` keeps the limit), bounded in
#                                    time; sets $out, $err and $status
#   can_limit STACK_KB               whether this shell may set that stack limit
#   expect_output LABEL FILE         $status is 0 and $out equals FILE's content
#   expect_stack_overflow LABEL      $status is 1 and $err has the line
#                                    "RangeError: Maximum call stack size exceeded"
#
# A failed expectation prints what it saw and sets $failed; end the test with `finish`.
# TINYNODE_GC_STRESS is dropped for runs made with STRESS=0 (programs that build 100,000
# live objects: collecting at every allocation would make them quadratic).

set -u
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-run.XXXXXX") || exit 2
trap 'rm -rf "$scratch"' EXIT
trap 'exit 2' INT TERM HUP
failed=0
overflow_line='RangeError: Maximum call stack size exceeded'

can_limit() {
  [ "$1" = - ] || (ulimit -s "$1") 2>/dev/null
}

run() { # run ENGINE STACK_KB FILE [ARGS]
  engine=$1 stack=$2
  shift 2
  (
    [ "$stack" = - ] || ulimit -s "$stack"
    [ "${STRESS:-1}" = 0 ] && unset TINYNODE_GC_STRESS
    exec timeout -s KILL "$((${TEST_TIMEOUT:-10} * 3))" "$engine" "$@"
  ) >"$scratch/out" 2>"$scratch/err" </dev/null
  status=$?
  out=$(cat "$scratch/out")
  err=$(cat "$scratch/err")
}

report() { # report LABEL MESSAGE: a failed expectation, with what the program printed
  echo "FAIL $1: $2 (status $status)"
  echo "--- stdout:"; printf '%s\n' "$out" | head -n 20
  echo "--- stderr:"; printf '%s\n' "$err" | head -n 20
  failed=1
}

expect_output() { # expect_output LABEL FILE
  if [ "$status" -ne 0 ]; then
    report "$1" "exit status $status, want 0"
  elif [ "$out" != "$(cat "$2")" ]; then
    report "$1" "stdout differs from $2"
    printf '%s\n' "$out" | diff "$2" - | head -n 20
  fi
}

expect_stack_overflow() { # expect_stack_overflow LABEL
  if [ "$status" -ne 1 ]; then
    report "$1" "exit status $status, want 1"
  elif ! printf '%s\n' "$err" | grep -qxF "$overflow_line"; then
    report "$1" "stderr lacks the line '$overflow_line'"
  fi
}

finish() {
  [ -n "${NODE:-}" ] || echo "node is not installed: its half of the comparison was skipped"
  exit "$failed"
}
