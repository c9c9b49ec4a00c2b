# server.sh: the tutorial's http server (examples/server.js) answers like Node's: status,
# headers in Node's order with Node's framing, keep-alive (100 requests on one connection)
# and 20 connections at once. The expected conversation, from node, is server.expected;
# the machinery (free port, start, Ctrl-C, cleanup) is tests/tools/server-lib.sh.
# shellcheck source=../tools/server-lib.sh
. "$(dirname "$0")/../tools/server-lib.sh"

scenario() {
  check "one request"
  check "100 requests on one keep-alive connection" -n 100
  check "20 connections at once, 5 requests on each" -c 20 -n 5
}

run_scenario server.expected
