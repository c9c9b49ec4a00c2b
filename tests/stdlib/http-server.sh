# http-server.sh: response framing and request bodies, byte for byte as Node sends them:
# end(body) gives Content-Length, write() gives chunked, 204 and HEAD have no body,
# statusCode and a custom reason phrase, repeated headers, a POST body read through
# 'data' and 'end'. Expected bytes, from node, are in http-server.expected.
# shellcheck source=../tools/server-lib.sh
export SERVER_JS; SERVER_JS=$(cd "$(dirname "$0")" && pwd -P)/http-server.js
. "$(dirname "$0")/../tools/server-lib.sh"

ask() { # ask METHOD PATH [EXTRA HEADERS AND BODY]: one request on its own connection
  check "$1 $2" -R "$1 $2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${3:-\r\n}"
}

scenario() {
  ask GET /plain
  ask GET /empty
  ask GET /404
  ask GET /write
  ask GET /204
  ask GET /multi
  ask GET /other
  ask HEAD /plain
  ask POST /echo 'Content-Length: 5\r\n\r\nhello'
}

run_scenario http-server.expected
