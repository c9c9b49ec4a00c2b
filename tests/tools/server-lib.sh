# server-lib.sh: shared steps of the http server tests (tests/examples/server*.sh), sourced.
#
# A test defines a function `scenario` that calls `check LABEL [httpclient options]` a few
# times, then calls `run_scenario EXPECTED_FILE`. For each engine (tinynode, then node when
# $NODE is set) run_scenario starts examples/server.js (or $SERVER_JS, a program that also
# listens on port 3000 and prints "Server running at http://localhost:3000") on a free loopback port, runs the
# scenario against it, stops the server the way Ctrl-C does, and compares what the client saw
# with EXPECTED_FILE. Everything is bounded in time and cleaned up, even on failure.
#
# Environment: TINYNODE (required), NODE (may be empty), HTTPCLIENT (built if unset),
# TEST_TIMEOUT (run.sh's time unit, default 10: the server gets half of it to start and the
# client waits at most that many half-seconds for each answer), UPDATE=node (rewrite
# EXPECTED_FILE from node's run). $engine names the engine while its scenario runs; a test
# may define engine_check ENGINE, run after each engine, for checks outside the diff.

set -u
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-server.XXXXXX") || exit 2
server_pid=""
failed=0
unit=${TEST_TIMEOUT:-10}

# cleanup: whatever happened, no server survives the test and the scratch directory goes.
cleanup() {
  if [ -n "$server_pid" ]; then
    kill -KILL "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

# The client: the one run.sh built, or a private build of tests/tools/httpclient.c.
if [ -z "${HTTPCLIENT:-}" ]; then
  HTTPCLIENT=$work/httpclient
  ${CC:-cc} -O1 -o "$HTTPCLIENT" "$root/tests/tools/httpclient.c" || exit 2
fi

# start_server ENGINE: run ENGINE server.js (the tutorial's program with port 3000 replaced
# by a free port) in the background and wait for its "Server running" line. Sets $port and
# $server_pid. Retries with another port if the first one was taken in the meantime.
start_server() {
  for _ in 1 2 3; do
    port=$("$HTTPCLIENT" --free-port) || return 1
    sed "s/3000/$port/g" "${SERVER_JS:-$root/examples/server.js}" >"$work/server.js"
    (cd "$work" && exec "$HTTPCLIENT" --exec "$1" server.js) \
      >"$work/server.out" 2>"$work/server.err" </dev/null &
    server_pid=$!
    if wait_for_line "Server running at http://localhost:$port"; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null && alive=1 || alive=0
    kill -KILL "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=""
    [ "$alive" = 1 ] && break  # it ran but stayed silent: another port will not help
  done
  echo "server did not start: stdout was:"; cat "$work/server.out"
  echo "stderr was:"; cat "$work/server.err"
  return 1
}

# wait_for_line TEXT: poll the server's stdout for a line, at most $unit/2 seconds, and
# give up early if the server has exited.
wait_for_line() {
  tries=$((unit * 5))
  while [ "$tries" -gt 0 ]; do
    grep -qxF "$1" "$work/server.out" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.1
    tries=$((tries - 1))
  done
  return 1
}

# stop_server: send SIGINT (Ctrl-C); a watchdog escalates to SIGTERM after 5 s and SIGKILL
# after 7 s. Fails unless SIGINT alone stopped it (status 130) and it wrote nothing to stderr.
# (The watchdog polls for a "stopped" file rather than being killed: a signal sent to a
# subshell that has only just started can be lost, and then it would fire anyway.)
#> tests.server-stop
stop_server() {
  rm -f "$work/stopped" "$work/escalated"
  kill -INT "$server_pid"
  (
    i=0
    while [ ! -e "$work/stopped" ] && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    [ -e "$work/stopped" ] && exit 0
    echo TERM >"$work/escalated"
    kill -TERM "$server_pid"
    sleep 2
    [ -e "$work/stopped" ] || kill -KILL "$server_pid"
  ) </dev/null >/dev/null 2>&1 &
  watchdog=$!
  wait "$server_pid"
  status=$?
  : >"$work/stopped"
  wait "$watchdog"
  kill -0 "$server_pid" 2>/dev/null && { echo "server process $server_pid is still there"; return 1; }
  server_pid=""
  if [ -e "$work/escalated" ]; then
    echo "server did not stop on SIGINT within 5 s (exit status $status after SIGTERM/SIGKILL)"
    return 1
  fi
  [ "$status" -eq 130 ] || { echo "server exit status after SIGINT: $status, expected 130"; return 1; }
  [ -s "$work/server.err" ] && { echo "server wrote to stderr:"; cat "$work/server.err"; return 1; }
  return 0
}
#< tests.server-stop

# check LABEL [OPTIONS]: one conversation of the scenario; the client's output and, if it
# failed, its exit status become part of what is compared with the expectation.
check() {
  label=$1
  shift
  echo "== $label"
  "$HTTPCLIENT" -t $((unit * 500)) "$@" "$port" 2>&1 || echo "-- httpclient exit status $?"
}

# run_engine NAME ENGINE: the whole scenario against one engine, output in $work/NAME.actual.
run_engine() {
  engine=$1
  start_server "$2" >"$work/$1.actual" || return 1
  scenario >"$work/$1.actual"
  stop_server >>"$work/$1.actual"
  return 0
}

# run_scenario EXPECTED: run against tinynode and node, compare each with EXPECTED.
run_scenario() {
  expected=$here/$1
  if [ -n "${NODE:-}" ] && [ "${UPDATE:-}" = node ]; then
    run_engine node "$NODE" && cp "$work/node.actual" "$expected" && echo "updated $1 from node"
  fi
  for engine in tinynode node; do
    if [ "$engine" = tinynode ]; then bin=$TINYNODE; else bin=${NODE:-}; fi
    [ -n "$bin" ] || { echo "node cross-check skipped (no node)"; continue; }
    if ! run_engine "$engine" "$bin"; then
      failed=1
      echo "$engine: the server did not start"
      cat "$work/$engine.actual"
    elif ! diff -u "$expected" "$work/$engine.actual"; then
      failed=1
      [ "$engine" = node ] && echo "expectation not reproduced by node"
      [ "$engine" = tinynode ] && echo "tinynode's conversation differs from $1"
    fi
    # A test may define engine_check ENGINE for what is not compared with node's bytes.
    if command -v engine_check >/dev/null 2>&1 && ! engine_check "$engine"; then failed=1; fi
  done
  exit "$failed"
}
