# http-hostile.sh: a corpus of malformed and smuggling-style requests, each on a connection
# of its own, answered as Node answers them (the status it sends, or none, and when it
# closes the connection) by the tutorial's server (examples/server.js), which then still
# serves a good request. Requests that are fine end with "Connection: close", so every
# conversation ends when the server closes. Expected bytes, from node, are in
# http-hostile.expected; see tests/tools/server-lib.sh.
# shellcheck source=../tools/server-lib.sh
. "$(dirname "$0")/../tools/server-lib.sh"

ok='Host: x\r\nConnection: close\r\n\r\n'
big=$(printf '%017000d' 0)

request_lines() {
  check "CRLF before the request line" -R "\\r\\nGET / HTTP/1.1\\r\\n$ok"
  check "two spaces after the method" -R "GET  / HTTP/1.1\\r\\n$ok"
  check "a word after the version" -R "GET / HTTP/1.1 x\\r\\n$ok"
  check "HTTP/2.0 in the request line" -R "GET / HTTP/2.0\\r\\n$ok"
  check "HTTP/1.2" -R "GET / HTTP/1.2\\r\\n$ok"
  check "HTTP/1.0" -R "GET / HTTP/1.0\\r\\n\\r\\n"
  check "a lower-case version" -R "GET / http/1.1\\r\\n$ok"
  check "a lower-case method" -R "get / HTTP/1.1\\r\\n$ok"
  check "an unknown method" -R "FOO / HTTP/1.1\\r\\n$ok"
  check "a method and nothing else" -R "GET\\r\\n$ok"
  check "a NUL in the target" -R "GET /\\x00 HTTP/1.1\\r\\n$ok"
  check "a space in the target" -R "GET /a b HTTP/1.1\\r\\n$ok"
  check "a DEL in the target" -R "GET /\\x7f HTTP/1.1\\r\\n$ok"
  check "a tab after the method" -R "GET\\t/ HTTP/1.1\\r\\n$ok"
  check "bare LF line ends" -R 'GET / HTTP/1.1\nHost: x\nConnection: close\n\n'
  check "a bare CR ending the request line" -R "GET / HTTP/1.1\\r$ok"
  check "an absolute-form target" -R "GET http://x/y?z HTTP/1.1\\r\\n$ok"
  check "an asterisk target" -R "OPTIONS * HTTP/1.1\\r\\n$ok"
  check "a target of 17 000 bytes" -R "GET /$big HTTP/1.1\\r\\n$ok"
  check "the HTTP/2 preface" -R 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'
  check "a NUL as the first byte" -R "\\x00GET / HTTP/1.1\\r\\n$ok"
  check "non-ASCII in the method" -R "G\\xc3\\xa9T / HTTP/1.1\\r\\n$ok"
}

header_lines() {
  check "a space in a header name" -R "GET / HTTP/1.1\\r\\nBad Name: v\\r\\n$ok"
  check "a space before the colon" -R "GET / HTTP/1.1\\r\\nX-A : v\\r\\n$ok"
  check "an empty header name" -R "GET / HTTP/1.1\\r\\n: v\\r\\n$ok"
  check "a parenthesis in a header name" -R "GET / HTTP/1.1\\r\\nX(y): v\\r\\n$ok"
  check "a NUL in a header value" -R "GET / HTTP/1.1\\r\\nX-A: a\\x00b\\r\\n$ok"
  check "a bare CR in a header value" -R "GET / HTTP/1.1\\r\\nX-A: a\\rb\\r\\n$ok"
  check "obs-fold: a continuation line" -R "GET / HTTP/1.1\\r\\nX-A: a\\r\\n b\\r\\n$ok"
  check "a header without a value" -R "GET / HTTP/1.1\\r\\nX-A:\\r\\n$ok"
  check "two Host headers" -R "GET / HTTP/1.1\\r\\nHost: y\\r\\n$ok"
  check "non-ASCII in a header name" -R "GET / HTTP/1.1\\r\\nX-\\xc3\\xa9: v\\r\\n$ok"
  check "a control character in a value" -R "GET / HTTP/1.1\\r\\nX-A: a\\x01b\\r\\n$ok"
  check "a DEL in a value" -R "GET / HTTP/1.1\\r\\nX-A: a\\x7fb\\r\\n$ok"
  check "obs-text (bytes above 0x7f) in a value" -R "GET / HTTP/1.1\\r\\nX-A: \\xe9t\\xe9\\r\\n$ok"
  check "a tab inside a value" -R "GET / HTTP/1.1\\r\\nX-A: a\\tb\\r\\n$ok"
  check "a header line without a colon" -R "GET / HTTP/1.1\\r\\nX-A\\r\\n$ok"
  check "a value of 17 000 bytes" -R "GET / HTTP/1.1\\r\\nX-A: $big\\r\\n$ok"
  check "headers that end at EOF" -s -R 'GET / HTTP/1.1\r\nHost: x\r\n'
  check "a request line that ends at EOF" -s -R 'GET / HTT'
}

lengths() {
  check "Content-Length: -1" -R "POST / HTTP/1.1\\r\\nContent-Length: -1\\r\\n$ok"
  check "Content-Length: 1.5" -R "POST / HTTP/1.1\\r\\nContent-Length: 1.5\\r\\n$ok"
  check "Content-Length: 0x10" -R "POST / HTTP/1.1\\r\\nContent-Length: 0x10\\r\\n$ok"
  check "Content-Length: +5" -R "POST / HTTP/1.1\\r\\nContent-Length: +5\\r\\n${ok}abcde"
  check "Content-Length: 1, 2" -R "POST / HTTP/1.1\\r\\nContent-Length: 1, 2\\r\\n${ok}ab"
  check "two different Content-Lengths" -R "POST / HTTP/1.1\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n${ok}ab"
  check "two equal Content-Lengths" -R "POST / HTTP/1.1\\r\\nContent-Length: 2\\r\\nContent-Length: 2\\r\\n${ok}ab"
  check "a Content-Length of 20 digits" -R "POST / HTTP/1.1\\r\\nContent-Length: 99999999999999999999\\r\\n$ok"
  check "a Content-Length with spaces around it" -R "POST / HTTP/1.1\\r\\nContent-Length:  2  \\r\\n${ok}ab"
  check "Content-Length and chunked" -R "POST / HTTP/1.1\\r\\nContent-Length: 3\\r\\nTransfer-Encoding: chunked\\r\\n${ok}0\\r\\n\\r\\n"
  check "chunked, then a body" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n${ok}3\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "Transfer-Encoding: gzip" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding: gzip\\r\\n${ok}abc"
  check "Transfer-Encoding: chunked, gzip" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked, gzip\\r\\n${ok}abc"
  check "Transfer-Encoding: gzip, chunked" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding: gzip, chunked\\r\\n${ok}0\\r\\n\\r\\n"
  check "Transfer-Encoding: xchunked" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding: xchunked\\r\\n${ok}0\\r\\n\\r\\n"
  check "Transfer-Encoding in upper case" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding: CHUNKED\\r\\n${ok}0\\r\\n\\r\\n"
  check "chunked with HTTP/1.0" -R "POST / HTTP/1.0\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n"
}

chunks() {
  te="POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n$ok"
  check "a chunk size that is not hex" -R "${te}zz\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a chunk extension" -R "${te}3;a=b\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a quoted chunk extension" -R "${te}3;a=\"b c\"\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a control character in a chunk extension" -R "${te}3;a\\x01\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a negative chunk size" -R "${te}-1\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a chunk size that overflows" -R "${te}fffffffffffffffffff\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "chunk data longer than its size" -R "${te}2\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a space before the chunk size" -R "${te} 3\\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a space after the chunk size" -R "${te}3 \\r\\nabc\\r\\n0\\r\\n\\r\\n"
  check "trailers after the last chunk" -R "${te}3\\r\\nabc\\r\\n0\\r\\nX-T: 1\\r\\n\\r\\n"
  check "a bad trailer" -R "${te}3\\r\\nabc\\r\\n0\\r\\nBad Trailer: 1\\r\\n\\r\\n"
  check "a bare LF after the chunk size" -R "${te}3\\nabc\\r\\n0\\r\\n\\r\\n"
  check "a bare LF after the chunk data" -R "${te}3\\r\\nabc\\n0\\r\\n\\r\\n"
  check "a chunked body cut short" -s -R "${te}5\\r\\nab"
  check "upper-case hex digits" -R "${te}A\\r\\n0123456789\\r\\n0\\r\\n\\r\\n"
}

smuggling() {
  check "a second request hidden in a body" -R "POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 4\\r\\n\\r\\nabcdGET /x HTTP/1.1\\r\\n$ok"
  check "Transfer-Encoding with a space before the colon" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding : chunked\\r\\nContent-Length: 3\\r\\n${ok}abc"
  check "Transfer-Encoding folded onto the next line" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding:\\r\\n chunked\\r\\n${ok}0\\r\\n\\r\\n"
  check "Content-Length folded onto the next line" -R "POST / HTTP/1.1\\r\\nContent-Length:\\r\\n 3\\r\\n${ok}abc"
  check "a vertical tab in Transfer-Encoding" -R "POST / HTTP/1.1\\r\\nTransfer-Encoding:\\x0bchunked\\r\\n${ok}0\\r\\n\\r\\n"
}

scenario() {
  request_lines
  header_lines
  lengths
  chunks
  smuggling
  check "a good request still works afterwards"
}

run_scenario http-hostile.expected
