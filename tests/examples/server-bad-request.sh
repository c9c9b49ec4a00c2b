# server-bad-request.sh: the tutorial's http server given malformed requests answers as
# Node does (400 or 431, then closes the connection) and keeps serving everyone else.
# Expected bytes, from node, are in server-bad-request.expected; see tests/tools/server-lib.sh.
# shellcheck source=../tools/server-lib.sh
. "$(dirname "$0")/../tools/server-lib.sh"

long_header=$(printf 'X-Long: %020000d' 0)

scenario() {
  check "garbage instead of a request line" -R 'this is not http\r\n\r\n'
  check "HTTP/1.1 without a Host header" -R 'GET / HTTP/1.1\r\n\r\n'
  check "a bad header line" -R 'GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n'
  check "a bad Content-Length" -R 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'
  check "headers larger than 16 KiB" -R "GET / HTTP/1.1\r\nHost: x\r\n$long_header\r\n\r\n"
  check "a good request still works afterwards"
}

run_scenario server-bad-request.expected
