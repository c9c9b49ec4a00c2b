# server-close.sh: the tutorial's http server with clients that do not keep the connection:
# "Connection: close" (the server closes after the response) and HTTP/1.0 (no chunked
# encoding: the body ends when the connection closes). Expected bytes, from node, are in
# server-close.expected; see tests/tools/server-lib.sh.
# shellcheck source=../tools/server-lib.sh
. "$(dirname "$0")/../tools/server-lib.sh"

scenario() {
  check "HTTP/1.1 with Connection: close" -H "Connection: close"
  check "HTTP/1.0" -0
  check "HTTP/1.0 asking for keep-alive" -0 -H "Connection: keep-alive"
}

run_scenario server-close.expected
