#!/bin/sh
# bench/http.sh: the http server under load, tinynode beside node (when installed), with
# the tutorial's hello-world server (bench/http/hello.js). Numbers only: nothing here
# fails because something was slow. Part of `make bench`; also run alone:
#   sh bench/http.sh              throughput, idle connections, slow clients
#   HTTP_SOAK=1000000 sh bench/http.sh   ...and a soak of that many requests (tinynode)
#
# - throughput: wrk, 64 connections, HTTP_SECONDS (5) seconds: requests per second and
#   the 99th-percentile latency (skipped without wrk). wrk gets one thread fewer than the
#   machine has cores (at least one), so that a server has a core to itself: on two
#   cores, two wrk threads took CPU from the server they were measuring, and the result
#   swung by a third from run to run;
# - idle: HTTP_IDLE (10000) keep-alive connections answered, held idle for 3 s (the
#   server's keepAliveTimeout raised to 60 s), and answered again (bench/http/clients.c);
# - slow: 200 connections that never finish their request head, beside wrk's 64 fast
#   ones, against headersTimeout 2 s: when the slow ones are cut off, and the fast
#   ones' throughput meanwhile;
# - soak: wrk in 10-second rounds until HTTP_SOAK requests, with the server's RSS and
#   open descriptors after each round (they should stay flat).
cd "$(dirname "$0")" || exit 1
TINYNODE=${TINYNODE:-../tinynode}
seconds=${HTTP_SECONDS:-5}
idle_count=${HTTP_IDLE:-10000}
have_wrk=$(command -v wrk || true)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
wrk_threads=$((cores > 1 ? cores - 1 : 1))
have_node=$(command -v node || true)
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-http.XXXXXX") || exit 1
server_pid=
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 1' INT TERM

${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$work/clients" http/clients.c || exit 1

# start_server ENGINE [VAR=VALUE...]: starts hello.js, sets $port and $server_pid.
start_server() {
  engine=$1
  shift
  env "$@" "$engine" http/hello.js > "$work/port" 2>"$work/server.err" &
  server_pid=$!
  port=
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    port=$(head -n 1 "$work/port")
    [ -n "$port" ] && return 0
    sleep 0.1
  done
  echo "  the server did not start: $(cat "$work/server.err")"
  return 1
}

stop_server() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  server_pid=
}

# wrk_line SECONDS: one line, "N req/s, p99 T"; the whole report stays in $work/wrk.
wrk_line() {
  wrk -t"$wrk_threads" -c64 -d"$1"s --latency "http://127.0.0.1:$port/" > "$work/wrk" 2>&1
  awk '/Requests\/sec/ { rps = $2 } $1 == "99%" { p99 = $2 }
       / requests in / { n = $1 } /Non-2xx|Socket errors/ { errs = errs " (" $0 ")" }
       END { printf "%10.0f req/s  p99 %8s  %9d requests%s\n", rps, p99, n, errs }' "$work/wrk"
}

# usage: the server's resident memory (MB) and open descriptors, from /proc.
usage() {
  rss=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status" 2>/dev/null)
  fds=$(ls "/proc/$server_pid/fd" 2>/dev/null | wc -l)
  printf 'RSS %6s MB, %5d fds' "${rss:-?}" "$fds"
}

engines="tinynode"
[ -n "$have_node" ] && engines="tinynode node"
engine_path() { if [ "$1" = tinynode ]; then echo "$TINYNODE"; else echo node; fi; }

echo "http: hello world ($(nproc 2>/dev/null || echo ?) cores)"
if [ -n "$have_wrk" ]; then
  for e in $engines; do
    start_server "$(engine_path "$e")" || continue
    wrk -t"$wrk_threads" -c64 -d1s "http://127.0.0.1:$port/" > /dev/null 2>&1 # warm up
    printf '  throughput %-9s %s\n' "$e" "$(wrk_line "$seconds")"
    stop_server
  done
else
  echo "  throughput: skipped (wrk is not installed; apt-get install wrk)"
fi

for e in $engines; do
  start_server "$(engine_path "$e")" KEEP_ALIVE=60000 || continue
  "$work/clients" idle "$port" "$idle_count" 3000 > "$work/idle" 2> "$work/held" &
  clients_pid=$!
  until grep -q held "$work/held" || ! kill -0 "$clients_pid" 2>/dev/null; do sleep 0.2; done
  held=$(usage)
  wait "$clients_pid"
  printf '  idle       %-9s %s\n  %-20s server while they were held: %s\n' "$e" "$(cat "$work/idle")" "" "$held"
  stop_server
done

if [ -n "$have_wrk" ]; then
  for e in $engines; do
    start_server "$(engine_path "$e")" HEADERS_TIMEOUT=2000 REQUEST_TIMEOUT=3000 || continue
    "$work/clients" slow "$port" 200 5000 > "$work/slow" &
    slow_pid=$!
    fast=$(wrk_line 4)
    wait "$slow_pid"
    printf '  slow       %-9s %s\n  %-20s fast clients meanwhile: %s\n' "$e" "$(cat "$work/slow")" "" "$fast"
    stop_server
  done
fi

if [ -n "${HTTP_SOAK:-}" ] && [ -n "$have_wrk" ]; then
  start_server "$TINYNODE" || exit 0
  echo "  soak (tinynode) to $HTTP_SOAK requests, 10 s rounds:"
  printf '    %9d requests  %s\n' 0 "$(usage)"
  total=0
  while [ "$total" -lt "$HTTP_SOAK" ]; do
    wrk -t"$wrk_threads" -c64 -d10s "http://127.0.0.1:$port/" > "$work/wrk" 2>&1
    n=$(awk '/ requests in / { print $1 }' "$work/wrk")
    [ -n "$n" ] || { echo "    wrk failed: $(tail -n 3 "$work/wrk")"; break; }
    total=$((total + n))
    printf '    %9d requests  %s%s\n' "$total" "$(usage)" "$(grep -h 'Socket errors\|Non-2xx' "$work/wrk" | sed 's/^/  /')"
  done
  stop_server
fi
