#!/bin/sh
# Signals sent from outside: a listener hears SIGINT, SIGTERM, SIGHUP, SIGUSR1 and SIGUSR2
# through the event loop (name and number) and the process ends as it chooses; with no
# listener, or after the last one is removed, the default action kills the process
# (status 128 + n, 'exit' listeners not run); a listener alone keeps nothing alive.
# Each case runs under tinynode and, where node is installed, under node: both must print
# the same and end with the same status. Every wait is bounded.
set -u
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tinynode-signals.XXXXXX") || exit 2
pid=
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$scratch"' EXIT
trap 'exit 2' INT TERM HUP
failed=0
limit=$((${TEST_TIMEOUT:-10} * 20)) # tries 0.05 s apart

# play ENGINE SIGNAL SCRIPT [ARG]: starts the script, waits for its 'ready' and then for
# its end (each at most $TEST_TIMEOUT s: a loaded machine may be slow to start it), sends
# the signal in between; sets $result to its stdout, status and stderr.
play() {
  engine=$1 sig=$2 script=$3
  shift 3
  rm -f "$scratch/out" "$scratch/err" # the background job truncates them only when it runs
  # httpclient --exec puts SIGINT back to its default (a background job of sh ignores
  # it), as in a terminal, and execs the engine, so that the signal reaches it.
  "$HTTPCLIENT" --exec "$engine" "$script" "$@" >"$scratch/out" 2>"$scratch/err" </dev/null &
  pid=$!
  i=0
  until grep -q ready "$scratch/out" 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt $limit ] && break
    sleep 0.05
  done
  kill -s "$sig" "$pid" 2>/dev/null
  i=0
  while kill -0 "$pid" 2>/dev/null; do
    i=$((i + 1))
    [ $i -gt $limit ] && kill -KILL "$pid" 2>/dev/null
    sleep 0.05
  done
  wait "$pid"
  status=$?
  pid=
  result="$(cat "$scratch/out")
status $status
$(cat "$scratch/err")"
}

# check LABEL EXPECTED SIGNAL SCRIPT [ARG]
check() {
  label=$1 expected=$2
  shift 2
  play "$TINYNODE" "$@"
  if [ "$result" != "$expected" ]; then
    echo "FAIL $label (tinynode):"; printf '%s\n' "$result" | diff - /dev/null | head; echo "want:"; printf '%s\n' "$expected"
    failed=1
  fi
  if [ -n "${NODE:-}" ]; then
    play "$NODE" "$@"
    if [ "$result" != "$expected" ]; then
      echo "FAIL $label (node does not reproduce the expectation):"; printf '%s\n' "$result"
      failed=1
    fi
  fi
}

nl='
'
for s in INT:2 TERM:15 HUP:1 USR1:10 USR2:12; do
  name=${s%:*} number=${s#*:}
  check "listener SIG$name" "ready${nl}got SIG$name $number number${nl}exit 3${nl}status 3$nl" \
    "$name" signals/handler.js "SIG$name"
done
check "SIGINT, no listener" "ready${nl}status 130$nl" INT signals/default.js
check "SIGTERM, no listener" "ready${nl}status 143$nl" TERM signals/default.js
check "SIGINT, listener removed" "ready${nl}status 130$nl" INT signals/default.js removed
check "SIGTERM, listeners removed" "ready${nl}status 143$nl" TERM signals/default.js removed

out=$(timeout 10 "$TINYNODE" signals/alone.js 2>&1)
[ "$out" = done ] || { echo "FAIL a listener alone: $out"; failed=1; }
[ -z "${NODE:-}" ] && echo "node not installed: checked tinynode only"
exit $failed
