/* test_http_parser.c - unit tests for stdlib/node/http/http_parser.c: requests fed whole, one byte
 * at a time and in odd splits, pipelining, chunked bodies, every malformed case with the
 * error code Node 20 reports, and response heads compared with bytes recorded from a
 * real Node 20.20.2 server (the Date header is masked). Built by `make unit`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/node/http/http_parser.h"

static int passed, failed;

static void check(bool ok, const char *what, int line) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL test_http_parser.c:%d: %s\n", line, what);
  }
}

#define CHECK(cond) check((cond), #cond, __LINE__)

/* Prints both strings with escapes when they differ. */
static void check_bytes(const char *got, size_t got_len, const char *want, const char *what,
                        int line) {
  bool ok = got_len == strlen(want) && memcmp(got, want, got_len) == 0;
  check(ok, what, line);
  if (ok) return;
  printf("  got:  ");
  for (size_t i = 0; i < got_len; i++)
    got[i] == '\r' ? printf("\\r") : got[i] == '\n' ? printf("\\n") : putchar(got[i]);
  printf("\n  want: ");
  for (const char *s = want; *s; s++)
    *s == '\r' ? printf("\\r") : *s == '\n' ? printf("\\n") : putchar(*s);
  printf("\n");
}

/* ==== A recorder: turns parser events into one comparable string ==== */

typedef struct Recorder {
  HttpBuf log;
  HttpBuf body;      /* body bytes of the current message, merged across calls */
  int pause_on_done; /* pause after this many messages (0: never) */
  int messages;
} Recorder;

static int rec_head(HttpParser *p, const HttpRequestHead *h, void *data) {
  Recorder *r = data;
  char line[256];
  snprintf(line, sizeof line, "%s %s %d.%d%s%s%s%s", h->method, h->target, h->version_major,
           h->version_minor, h->keep_alive ? " keep-alive" : " close", h->chunked ? " chunked" : "",
           h->upgrade ? " upgrade" : "", h->has_host ? "" : " no-host");
  http_buf_append_str(&r->log, line);
  if (h->has_content_length) {
    snprintf(line, sizeof line, " cl=%llu", (unsigned long long)h->content_length);
    http_buf_append_str(&r->log, line);
  }
  for (size_t i = 0; i < h->nheaders; i++) {
    http_buf_append_str(&r->log, " [");
    http_buf_append(&r->log, h->headers[i].name, h->headers[i].name_len);
    http_buf_append_str(&r->log, "=");
    http_buf_append(&r->log, h->headers[i].value, h->headers[i].value_len);
    http_buf_append_str(&r->log, "]");
  }
  http_buf_append_str(&r->log, "\n");
  return 0;
}

static int rec_body(HttpParser *p, const char *bytes, size_t len, void *data) {
  http_buf_append(&((Recorder *)data)->body, bytes, len);
  return 0;
}

static int rec_done(HttpParser *p, void *data) {
  Recorder *r = data;
  if (r->body.len) {
    http_buf_append_str(&r->log, "body:");
    http_buf_append(&r->log, r->body.data, r->body.len);
    http_buf_append_str(&r->log, "\n");
    r->body.len = 0;
  }
  http_buf_append_str(&r->log, "done\n");
  r->messages++;
  return r->pause_on_done && r->messages % r->pause_on_done == 0;
}

static const HttpParserCallbacks REC = {rec_head, rec_body, rec_done};

/* Feeds input in pieces of `step` bytes (0: all at once); returns the parser's error.
 * The log (with an "error:" line) goes to *out; the caller frees it. */
static HttpError feed(const char *input, size_t len, size_t step, char **out) {
  Recorder r = {0};
  HttpParser *p = http_parser_new(&REC, &r);
  size_t at = 0;
  while (at < len && http_parser_error(p) == HTTP_OK) {
    size_t n = step == 0 || len - at < step ? len - at : step;
    size_t used = http_parser_execute(p, input + at, n);
    at += used;
    if (used < n) break;
  }
  HttpError err = http_parser_error(p);
  if (err != HTTP_OK) {
    http_buf_append_str(&r.log, "error:");
    http_buf_append_str(&r.log, http_error_code(err));
    http_buf_append_str(&r.log, ":");
    http_buf_append_str(&r.log, http_parser_error_reason(p));
    http_buf_append_str(&r.log, "\n");
  }
  http_buf_append_str(&r.log, "");
  *out = r.log.data;
  http_buf_free(&r.body);
  http_parser_free(p);
  return err;
}

/* Parses input whole, byte by byte, and in 7-byte pieces; all three must log `want`. */
static void expect_parse(const char *input, const char *want, int line) {
  static const size_t steps[] = {0, 1, 7};
  for (int i = 0; i < 3; i++) {
    char *log;
    feed(input, strlen(input), steps[i], &log);
    char what[64];
    snprintf(what, sizeof what, "parse (pieces of %zu)", steps[i]);
    check_bytes(log, strlen(log), want, what, line);
    free(log);
  }
}

#define EXPECT_PARSE(input, want) expect_parse((input), (want), __LINE__)

/* ==== Well-formed requests ==== */

static void test_requests(void) {
  EXPECT_PARSE("GET / HTTP/1.1\r\nHost: localhost:3000\r\n\r\n",
               "GET / 1.1 keep-alive [Host=localhost:3000]\ndone\n");
  /* Names keep their case and order; values lose surrounding blanks, keep inner ones. */
  EXPECT_PARSE("GET /a?b=c HTTP/1.1\r\nHost:   x  \r\nX-Tab:\tv\t\r\nX-Empty:\r\n"
               "content-TYPE: a  b\r\n\r\n",
               "GET /a?b=c 1.1 keep-alive [Host=x] [X-Tab=v] [X-Empty=] [content-TYPE=a  b]\n"
               "done\n");
  EXPECT_PARSE("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length:  5 \r\n\r\nhello",
               "POST /echo 1.1 keep-alive cl=5 [Host=x] [Content-Length=5]\nbody:hello\ndone\n");
  EXPECT_PARSE("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
               "POST / 1.1 keep-alive cl=0 [Host=x] [Content-Length=0]\ndone\n");
  /* Odd but accepted by Node: leading blank lines, runs of spaces, *, absolute-form,
   * non-ASCII bytes in a value, HTTP/0.9 and 2.0 request lines. */
  EXPECT_PARSE("\r\n\r\nGET  /x  HTTP/1.1\r\nHost: x\r\nX: \xc3\xa9\r\n\r\n",
               "GET /x 1.1 keep-alive [Host=x] [X=\xc3\xa9]\ndone\n");
  EXPECT_PARSE("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
               "OPTIONS * 1.1 keep-alive [Host=x]\ndone\n");
  EXPECT_PARSE("GET http://a.b/c?d HTTP/1.1\r\nHost: x\r\n\r\n",
               "GET http://a.b/c?d 1.1 keep-alive [Host=x]\ndone\n");
  EXPECT_PARSE("GET /end\r\nHost: x\r\n\r\n", "GET /end 0.9 close [Host=x]\ndone\n");
  EXPECT_PARSE("GET / HTTP/2.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n",
               "GET / 2.0 keep-alive [Host=x] [Connection=keep-alive]\ndone\n");
  EXPECT_PARSE("M-SEARCH * HTTP/1.1\r\nHost: x\r\n\r\n",
               "M-SEARCH * 1.1 keep-alive [Host=x]\ndone\n");
  EXPECT_PARSE("CONNECT a.b:443 HTTP/1.1\r\nHost: a.b:443\r\n\r\n",
               "CONNECT a.b:443 1.1 keep-alive upgrade [Host=a.b:443]\ndone\n");
  EXPECT_PARSE("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
               "GET / 1.1 keep-alive upgrade [Host=x] [Connection=Upgrade] [Upgrade=websocket]\n"
               "done\n");
}

static void test_keep_alive(void) {
  EXPECT_PARSE("GET / HTTP/1.0\r\n\r\n", "GET / 1.0 close no-host\ndone\n");
  EXPECT_PARSE("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
               "GET / 1.0 keep-alive no-host [Connection=Keep-Alive]\ndone\n");
  EXPECT_PARSE("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n",
               "GET / 1.1 close [Host=x] [Connection=Close]\ndone\n");
  EXPECT_PARSE("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n",
               "GET / 1.1 close [Host=x] [Connection=keep-alive, close]\ndone\n");
  /* After a message that closes the connection only blank lines may follow. */
  EXPECT_PARSE("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n\r\n\r\n",
               "GET / 1.1 close [Host=x] [Connection=close]\ndone\n");
  EXPECT_PARSE("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\n\r\n",
               "GET / 1.1 close [Host=x] [Connection=close]\ndone\n"
               "error:HPE_CLOSED_CONNECTION:Data after `Connection: close`\n");
}

static void test_chunked(void) {
  EXPECT_PARSE("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
               "3;foo=bar\r\nabc\r\nA\r\n0123456789\r\nb\r\nABCDEFGHIJK\r\n0\r\n"
               "X-Trailer: t\r\n\r\n",
               "POST /echo 1.1 keep-alive chunked [Host=x] [Transfer-Encoding=chunked]\n"
               "body:abc0123456789ABCDEFGHIJK\ndone\n");
  EXPECT_PARSE("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1\r\na\r\n"
               "0\r\n\r\n",
               "POST / 1.1 keep-alive chunked [Host=x] [Transfer-Encoding=gzip, chunked]\n"
               "body:a\ndone\n");
  EXPECT_PARSE("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
               "transfer-encoding: CHUNKED\r\n\r\n0\r\n\r\n",
               "POST / 1.1 keep-alive chunked [Host=x] [Transfer-Encoding=gzip] "
               "[transfer-encoding=CHUNKED]\ndone\n");
  EXPECT_PARSE("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n",
               "POST / 1.0 close chunked no-host [Transfer-Encoding=chunked]\nbody:a\ndone\n");
}

static void test_pipelined(void) {
  EXPECT_PARSE(
      "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /2 HTTP/1.1\r\nHost: y\r\nContent-Length: 2\r\n\r\nhi"
      "POST /3 HTTP/1.1\r\nHost: z\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
      "GET /4 HTTP/1.0\r\n\r\n",
      "GET /1 1.1 keep-alive [Host=x]\ndone\n"
      "POST /2 1.1 keep-alive cl=2 [Host=y] [Content-Length=2]\nbody:hi\ndone\n"
      "POST /3 1.1 keep-alive chunked [Host=z] [Transfer-Encoding=chunked]\nbody:ok\n"
      "done\nGET /4 1.0 close no-host\ndone\n");
  /* A body without Content-Length is the start of the next request (a bad one here). */
  EXPECT_PARSE("POST /echo HTTP/1.1\r\nHost: x\r\n\r\nabc\r\n\r\n",
               "POST /echo 1.1 keep-alive [Host=x]\ndone\n"
               "error:HPE_INVALID_METHOD:Invalid method encountered\n");
}

/* Pausing in on_message_complete stops execute right after that message. */
static void test_pause(void) {
  Recorder r = {0};
  r.pause_on_done = 1;
  HttpParser *p = http_parser_new(&REC, &r);
  const char *in = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n";
  size_t first = http_parser_execute(p, in, strlen(in));
  CHECK(first == strlen(in) / 2);
  CHECK(http_parser_error(p) == HTTP_ERR_PAUSED);
  CHECK(http_parser_execute(p, in + first, strlen(in) - first) == 0); /* still paused */
  CHECK(r.messages == 1);
  http_parser_resume(p);
  CHECK(http_parser_idle(p));
  CHECK(http_parser_execute(p, in + first, strlen(in) - first) == strlen(in) - first);
  CHECK(r.messages == 2);
  http_parser_free(p);
  http_buf_free(&r.log);
  http_buf_free(&r.body);
}

/* ==== Malformed requests: the code and reason Node 20 reports (clientError) ==== */

static void expect_error(const char *input, size_t len, HttpError want, const char *reason,
                         int line) {
  static const size_t steps[] = {0, 1, 5};
  for (int i = 0; i < 3; i++) {
    char *log;
    HttpError err = feed(input, len, steps[i], &log);
    char what[160];
    snprintf(what, sizeof what, "%s (pieces of %zu): got %s", http_error_code(want), steps[i],
             http_error_code(err));
    check(err == want, what, line);
    const char *at = strstr(log, "error:");
    const char *colon = at ? strchr(at + 6, ':') : NULL;
    if (colon && strncmp(colon + 1, reason, strlen(reason)) != 0)
      check(false, "error reason", line), printf("  got: %s  want: %s\n", colon + 1, reason);
    free(log);
  }
}

#define EXPECT_ERROR(input, code, reason)                                                          \
  expect_error((input), strlen(input), (code), (reason), __LINE__)

static void test_malformed(void) {
  EXPECT_ERROR("hello world\r\n\r\n", HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
  EXPECT_ERROR("FOO / HTTP/1.1\r\n\r\n", HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
  EXPECT_ERROR("get / HTTP/1.1\r\n\r\n", HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
  EXPECT_ERROR("GET\r\n\r\n", HTTP_ERR_INVALID_METHOD, "Expected space after method");
  EXPECT_ERROR("GET / HTTP/1.2\r\n\r\n", HTTP_ERR_INVALID_VERSION, "Invalid HTTP version");
  EXPECT_ERROR("GET / HTTP/3.0\r\n\r\n", HTTP_ERR_INVALID_VERSION, "Invalid HTTP version");
  EXPECT_ERROR("GET / HTTP/0.0\r\n\r\n", HTTP_ERR_INVALID_VERSION, "Invalid HTTP version");
  EXPECT_ERROR("GET / http/1.1\r\n\r\n", HTTP_ERR_INVALID_CONSTANT,
               "Expected HTTP/, RTSP/ or ICE/");
  EXPECT_ERROR("GET /a b HTTP/1.1\r\n\r\n", HTTP_ERR_INVALID_CONSTANT,
               "Expected HTTP/, RTSP/ or ICE/");
  EXPECT_ERROR("GET / HTTP/1.1 \r\n\r\n", HTTP_ERR_INVALID_VERSION, "Expected CRLF after version");
  EXPECT_ERROR("GET / HTTP/1.1\nHost: x\n\n", HTTP_ERR_INVALID_VERSION,
               "Expected CRLF after version");
  EXPECT_ERROR("GET / HTTP/1.1\rHost: x\r\n\r\n", HTTP_ERR_STRICT, "Expected CRLF after version");
  EXPECT_ERROR("GET /\xe9 HTTP/1.1\r\n\r\n", HTTP_ERR_INVALID_URL, "Invalid char in url path");
  EXPECT_ERROR("GET /e\x01nd HTTP/1.1\r\n\r\n", HTTP_ERR_INVALID_URL, "Invalid char in url path");
  EXPECT_ERROR("GET / HTTP/1.1\r\nBad Header: y\r\n\r\n", HTTP_ERR_INVALID_HEADER_TOKEN,
               "Invalid header token");
  EXPECT_ERROR("GET / HTTP/1.1\r\nHost : x\r\n\r\n", HTTP_ERR_INVALID_HEADER_TOKEN,
               "Invalid header token");
  EXPECT_ERROR("GET / HTTP/1.1\r\nNoColon\r\n\r\n", HTTP_ERR_INVALID_HEADER_TOKEN,
               "Invalid header token");
  EXPECT_ERROR("GET / HTTP/1.1\r\n: v\r\n\r\n", HTTP_ERR_INVALID_HEADER_TOKEN,
               "Invalid header token");
  EXPECT_ERROR("GET / HTTP/1.1\r\nX: a\x01"
               "b\r\n\r\n",
               HTTP_ERR_INVALID_HEADER_TOKEN, "Invalid header value char");
  EXPECT_ERROR("GET / HTTP/1.1\r\nX: a\x7f"
               "b\r\n\r\n",
               HTTP_ERR_INVALID_HEADER_TOKEN, "Invalid header value char");
  EXPECT_ERROR("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n", HTTP_ERR_INVALID_HEADER_TOKEN,
               "Unexpected whitespace after header value");
  EXPECT_ERROR("GET / HTTP/1.1\r\nHost: x\n\r\n", HTTP_ERR_CR_EXPECTED,
               "Missing expected CR after header value");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
               HTTP_ERR_UNEXPECTED_CONTENT_LENGTH, "Duplicate Content-Length");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
               HTTP_ERR_UNEXPECTED_CONTENT_LENGTH, "Duplicate Content-Length");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
               HTTP_ERR_INVALID_TRANSFER_ENCODING,
               "Transfer-Encoding can't be present with Content-Length");
  EXPECT_ERROR("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
               HTTP_ERR_INVALID_CONTENT_LENGTH,
               "Content-Length can't be present with Transfer-Encoding");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length: 3x\r\n\r\nabc", HTTP_ERR_INVALID_CONTENT_LENGTH,
               "Invalid character in Content-Length");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", HTTP_ERR_INVALID_CONTENT_LENGTH,
               "Invalid character in Content-Length");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length:\r\n\r\n", HTTP_ERR_INVALID_CONTENT_LENGTH,
               "Invalid character in Content-Length");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length: 2, 2\r\n\r\nhi", HTTP_ERR_INVALID_CONTENT_LENGTH,
               "Invalid character in Content-Length");
  EXPECT_ERROR("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n",
               HTTP_ERR_INVALID_CONTENT_LENGTH, "Content-Length overflow");
  EXPECT_ERROR("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nabc",
               HTTP_ERR_INVALID_TRANSFER_ENCODING, "Request has invalid `Transfer-Encoding`");
  EXPECT_ERROR("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
               HTTP_ERR_INVALID_TRANSFER_ENCODING, "Invalid `Transfer-Encoding` header value");
  EXPECT_ERROR("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"
               "\r\n0\r\n\r\n",
               HTTP_ERR_INVALID_TRANSFER_ENCODING, "Invalid `Transfer-Encoding` header value");
  /* A TLS ClientHello fails at its first byte, without waiting for a line end. */
  EXPECT_ERROR("\x16\x03\x01\x02\x00\x01", HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
  EXPECT_ERROR("GEX", HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
  const char *te = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  char buf[256];
  const char *bad_chunks[][3] = {
      {"zz\r\n", "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size"},
      {"\r\na\r\n", "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size"},
      {"1 \r\na\r\n", "HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size"},
      {"ffffffffffffffffff\r\n", "HPE_INVALID_CHUNK_SIZE", "Chunk size overflow"},
      {"1\na\r\n", "HPE_CR_EXPECTED", "Missing expected CR after chunk size"},
      {"1\r\naX0\r\n\r\n", "HPE_STRICT", "Expected LF after chunk data"},
      {"1\r\na\r\n0\r\nBad Trailer\r\n\r\n", "HPE_INVALID_HEADER_TOKEN", "Invalid header token"},
  };
  for (size_t i = 0; i < sizeof bad_chunks / sizeof bad_chunks[0]; i++) {
    snprintf(buf, sizeof buf, "%s%s", te, bad_chunks[i][0]);
    char *log;
    HttpError err = feed(buf, strlen(buf), 1, &log);
    char what[200];
    snprintf(what, sizeof what, "chunk case %zu: %s", i, log);
    check(strcmp(http_error_code(err), bad_chunks[i][1]) == 0 &&
              strstr(log, bad_chunks[i][2]) != NULL,
          what, __LINE__);
    free(log);
  }
}

/* A request whose head has an X-Big header of n bytes (plus `tail` after it). */
static char *big_request(const char *prefix, size_t n, const char *tail) {
  size_t len = strlen(prefix) + n + strlen(tail) + 8;
  char *s = malloc(len);
  size_t at = (size_t)snprintf(s, len, "%s", prefix);
  memset(s + at, 'a', n);
  snprintf(s + at + n, len - at - n, "%s", tail);
  return s;
}

/* Node's limit counts URL + names + values (leading blanks excluded, trailing ones
 * included) and fails at 16384; the boundaries below were measured against Node. */
static void test_header_overflow(void) {
  static const struct {
    const char *prefix, *tail;
    size_t ok;
  } cases[] = {
      {"GET /end HTTP/1.1\r\nHost: x\r\nX-Big: ", "\r\n\r\n", 16369},
      {"GET /end HTTP/1.1\r\nHost: x\r\nX-Big:    ", "\r\n\r\n", 16369},
      {"GET /end HTTP/1.1\r\nHost: x\r\nX-Big: ", "   \r\n\r\n", 16366},
      {"OPTIONS /end HTTP/1.1\r\nHost: x\r\nA:\r\nB:\r\nC:\r\nX-Big: ", "\r\n\r\n", 16366},
      {"GET /", " HTTP/1.1\r\nHost: x\r\n\r\n", 16377},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    for (int over = 0; over <= 1; over++) {
      char *req = big_request(cases[i].prefix, cases[i].ok + (size_t)over, cases[i].tail);
      char *log;
      HttpError err = feed(req, strlen(req), over ? 1000 : 0, &log);
      char what[80];
      snprintf(what, sizeof what, "overflow case %zu, n = ok + %d", i, over);
      check(err == (over ? HTTP_ERR_HEADER_OVERFLOW : HTTP_OK), what, __LINE__);
      free(log);
      free(req);
    }
  }
  /* A header that never ends is refused without buffering it all. */
  char *req = big_request("GET / HTTP/1.1\r\nX: ", 100000, "");
  char *log;
  CHECK(feed(req, strlen(req), 4096, &log) == HTTP_ERR_HEADER_OVERFLOW);
  free(log);
  free(req);
  req = big_request("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;", 17000, "\r\na\r\n");
  CHECK(feed(req, strlen(req), 0, &log) == HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW);
  free(log);
  free(req);
}

/* The method is judged before the rest of the request line, whole or split (the fuzzer
 * found a line that failed on its version whole but on its method in pieces). */
static void test_method_first(void) {
  static const char req[] = "Y;ext=/ HTTP/1.\n\0\0\0" "1\r\n";
  for (size_t piece = 0; piece <= 1; piece++) {
    char *log;
    CHECK(feed(req, sizeof req - 1, piece, &log) == HTTP_ERR_INVALID_METHOD);
    free(log);
  }
}

/* A chunk-size line is judged in the order its bytes came, as llhttp does: the first bad
 * byte decides, whole or split, however long the line (the orders were checked against
 * Node 20). The fuzzer (tests/fuzz/fuzz_http.c) found lines over the buffering limit
 * whose error depended on the split: a size of many hex digits, a CR inside extensions. */
static void test_chunk_line_order(void) {
  static const struct {
    const char *a;
    size_t fill; /* this many 'e' (a hex digit) between a and b */
    const char *b;
    HttpError code;
    const char *reason;
  } cases[] = {
      {"1", 17000, "\r\na\r\n", HTTP_ERR_INVALID_CHUNK_SIZE, "Chunk size overflow"},
      {"1", 20, "\rx\r\n", HTTP_ERR_INVALID_CHUNK_SIZE, "Chunk size overflow"},
      {"1x;", 17000, "\r\n", HTTP_ERR_INVALID_CHUNK_SIZE, "Invalid character in chunk size"},
      {"\rx", 0, "\r\n", HTTP_ERR_INVALID_CHUNK_SIZE, "Invalid character in chunk size"},
      {"1;", 17000, "\r\n", HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW, "Chunk extensions overflow"},
      {"1;", 17000, "\rx\r\n", HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW, "Chunk extensions overflow"},
      {"1;", 1200, "\r" "eeeeeeeeeeeeeeeeeeee\r\n", HTTP_ERR_STRICT, "Expected LF after chunk size"},
      {"1;ab\rc\n", 0, "", HTTP_ERR_STRICT, "Expected LF after chunk size"},
      {"1\r \r\n", 0, "", HTTP_ERR_STRICT, "Expected LF after chunk size"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char prefix[80];
    snprintf(prefix, sizeof prefix, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n%s",
             cases[i].a);
    char *req = big_request(prefix, cases[i].fill, cases[i].b);
    memset(req + strlen(prefix), 'e', cases[i].fill);
    expect_error(req, strlen(req), cases[i].code, cases[i].reason, __LINE__);
    free(req);
  }
}

static void test_error_responses(void) {
  const char *r400 = http_error_response(HTTP_ERR_INVALID_METHOD);
  check_bytes(r400, strlen(r400), "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n", "400",
              __LINE__);
  const char *r431 = http_error_response(HTTP_ERR_HEADER_OVERFLOW);
  check_bytes(r431, strlen(r431),
              "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n", "431",
              __LINE__);
  const char *r413 = http_error_response(HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW);
  check_bytes(r413, strlen(r413), "HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n",
              "413", __LINE__);
}

/* ==== Response heads, compared with Node 20.20.2's bytes ==== */

#define NODE_DATE 1795698713 /* Thu, 26 Nov 2026 13:11:53 GMT */

typedef struct Reply {
  int status;
  const char *reason;
  HttpField headers[4];
  size_t nheaders;
  bool keep_alive, is_head, chunked_ok, known;
  size_t length;
} Reply;

/* Builds the head for `r`, appends the body the way the framing says, compares. */
static void expect_reply(const Reply *r, const char *body, bool close, const char *want, int line) {
  HttpResponse res = {r->status,     r->reason, r->headers, r->nheaders, r->keep_alive, r->is_head,
                      r->chunked_ok, r->known,  r->length,  5000,        true,          NODE_DATE};
  HttpBuf out = {0};
  bool close_after = false;
  HttpFraming framing = http_response_head(&res, &out, &close_after);
  if (framing == HTTP_FRAMING_CHUNKED) {
    http_append_chunk(&out, body, strlen(body));
    http_buf_append_str(&out, HTTP_LAST_CHUNK);
  } else if (framing != HTTP_FRAMING_NONE) {
    http_buf_append_str(&out, body);
  }
  check_bytes(out.data, out.len, want, "response bytes", line);
  check(close_after == close, "close after response", line);
  http_buf_free(&out);
}

#define CT_PLAIN                                                                                   \
  { "Content-Type", "text/plain" }
#define DATE "Date: Thu, 26 Nov 2026 13:11:53 GMT\r\n"
#define KEEP "Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n"

static void test_response_heads(void) {
  /* The tutorial's server.js: writeHead(200, {...}) then end("Welcome to Node.js"). */
  Reply tutorial = {200, NULL, {CT_PLAIN}, 1, true, false, true, false, 0};
  expect_reply(&tutorial, "Welcome to Node.js", false,
               "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" DATE KEEP
               "Transfer-Encoding: chunked\r\n\r\n12\r\nWelcome to Node.js\r\n0\r\n\r\n",
               __LINE__);
  tutorial.keep_alive = false; /* the client sent Connection: close */
  expect_reply(&tutorial, "Welcome to Node.js", true,
               "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" DATE
               "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n12\r\n"
               "Welcome to Node.js\r\n0\r\n\r\n",
               __LINE__);
  tutorial.chunked_ok = false; /* HTTP/1.0, with or without Connection: keep-alive */
  for (int ka = 0; ka <= 1; ka++) {
    tutorial.keep_alive = ka;
    expect_reply(&tutorial, "Welcome to Node.js", true,
                 "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" DATE
                 "Connection: close\r\n\r\nWelcome to Node.js",
                 __LINE__);
  }
  /* res.end('x') with no writeHead: the length is known. */
  Reply end_x = {200, NULL, {{0}}, 0, true, false, true, true, 1};
  expect_reply(&end_x, "x", false, "HTTP/1.1 200 OK\r\n" DATE KEEP "Content-Length: 1\r\n\r\nx",
               __LINE__);
  end_x.keep_alive = false;
  expect_reply(&end_x, "x", true,
               "HTTP/1.1 200 OK\r\n" DATE "Connection: close\r\nContent-Length: 1\r\n\r\nx",
               __LINE__);
  end_x.chunked_ok = false;
  expect_reply(&end_x, "x", true, "HTTP/1.1 200 OK\r\n" DATE "Connection: close\r\n\r\nx",
               __LINE__);
  Reply empty = {200, NULL, {{0}}, 0, true, false, true, true, 0};
  expect_reply(&empty, "", false, "HTTP/1.1 200 OK\r\n" DATE KEEP "Content-Length: 0\r\n\r\n",
               __LINE__);
  /* A user Content-Length: Node keeps even an HTTP/1.0 keep-alive client. */
  Reply cl = {200, NULL, {{"Content-Length", "3"}}, 1, true, false, true, false, 0};
  expect_reply(&cl, "abc", false, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n" DATE KEEP "\r\nabc",
               __LINE__);
  cl.chunked_ok = false;
  expect_reply(&cl, "abc", false, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n" DATE KEEP "\r\nabc",
               __LINE__);
  cl.keep_alive = false;
  expect_reply(&cl, "abc", true,
               "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n" DATE "Connection: close\r\n\r\nabc",
               __LINE__);
  /* write('ab') + end('c'): chunked, one chunk per write. */
  Reply wr = {200, NULL, {{0}}, 0, true, false, true, false, 0};
  HttpResponse res = {200, NULL, NULL, 0, true, false, true, false, 0, 5000, true, NODE_DATE};
  HttpBuf out = {0};
  bool close_after;
  CHECK(http_response_head(&res, &out, &close_after) == HTTP_FRAMING_CHUNKED);
  http_append_chunk(&out, "ab", 2);
  http_append_chunk(&out, "", 0);
  http_append_chunk(&out, "c", 1);
  http_buf_append_str(&out, HTTP_LAST_CHUNK);
  check_bytes(out.data, out.len,
              "HTTP/1.1 200 OK\r\n" DATE KEEP
              "Transfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1\r\nc\r\n0\r\n\r\n",
              "write+end", __LINE__);
  http_buf_free(&out);
  (void)wr;
  /* HTTP/1.0 client that sent "TE: chunked": chunked, but closed. */
  Reply te10 = {200, NULL, {{0}}, 0, false, false, true, false, 0};
  expect_reply(&te10, "abc", true,
               "HTTP/1.1 200 OK\r\n" DATE
               "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
               __LINE__);
  /* Responses without a body: 204, 304, HEAD. */
  Reply nobody = {204, NULL, {{0}}, 0, true, false, true, false, 0};
  expect_reply(&nobody, "", false, "HTTP/1.1 204 No Content\r\n" DATE KEEP "\r\n", __LINE__);
  nobody.status = 304;
  expect_reply(&nobody, "", false, "HTTP/1.1 304 Not Modified\r\n" DATE KEEP "\r\n", __LINE__);
  nobody.status = 204;
  nobody.chunked_ok = false; /* 1.0 keep-alive client: Node still closes */
  expect_reply(&nobody, "", true, "HTTP/1.1 204 No Content\r\n" DATE "Connection: close\r\n\r\n",
               __LINE__);
  Reply head = {200, NULL, {CT_PLAIN}, 1, true, true, true, false, 0};
  expect_reply(&head, "Welcome", false,
               "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" DATE KEEP "\r\n", __LINE__);
  head.nheaders = 0;
  head.known = true;
  head.length = 1;
  expect_reply(&head, "x", false, "HTTP/1.1 200 OK\r\n" DATE KEEP "\r\n", __LINE__);
  /* Status lines: the standard phrase, a custom one, an unknown code. */
  Reply nf = {404, NULL, {{0}}, 0, true, false, true, true, 2};
  expect_reply(&nf, "nf", false,
               "HTTP/1.1 404 Not Found\r\n" DATE KEEP "Content-Length: 2\r\n\r\nnf", __LINE__);
  Reply custom = {
      200,  "Fine", {{"content-type", "text/html"}, {"X-Multi", "one"}, {"X-Multi", "two"}},
      3,    true,   false,
      true, true,   2};
  expect_reply(
      &custom, "hi", false,
      "HTTP/1.1 200 Fine\r\ncontent-type: text/html\r\nX-Multi: one\r\nX-Multi: two\r\n" DATE KEEP
      "Content-Length: 2\r\n\r\nhi",
      __LINE__);
  Reply unknown = {299, NULL, {{0}}, 0, true, false, true, false, 0};
  expect_reply(&unknown, "u", false,
               "HTTP/1.1 299 unknown\r\n" DATE KEEP
               "Transfer-Encoding: chunked\r\n\r\n1\r\nu\r\n0\r\n\r\n",
               __LINE__);
  /* Node's own reply to an HTTP/1.1 request without Host: writeHead(400, ['Connection',
   * 'close']) then end(). */
  Reply nohost = {400, NULL, {{"Connection", "close"}}, 1, true, false, true, false, 0};
  expect_reply(&nohost, "", true,
               "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n" DATE
               "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
               __LINE__);
}

static void test_tables(void) {
  char date[30];
  http_format_date(951782400, date);
  CHECK(strcmp(date, "Tue, 29 Feb 2000 00:00:00 GMT") == 0);
  http_format_date(NODE_DATE, date);
  CHECK(strcmp(date, "Thu, 26 Nov 2026 13:11:53 GMT") == 0);
  CHECK(strcmp(http_status_reason(200), "OK") == 0);
  CHECK(strcmp(http_status_reason(418), "I'm a Teapot") == 0);
  CHECK(strcmp(http_status_reason(511), "Network Authentication Required") == 0);
  CHECK(strcmp(http_status_reason(299), "unknown") == 0);
  CHECK(strcmp(http_error_code(HTTP_ERR_HEADER_OVERFLOW), "HPE_HEADER_OVERFLOW") == 0);
}

static int expect_head(HttpParser *p, const HttpRequestHead *head, void *data) {
  *(int *)data = head->expect + 2 * head->expect_continue;
  return 0;
}

/* The peer's EOF: fine between messages, an error inside one (llhttp_finish). */
static void test_finish(void) {
  static const struct {
    const char *input;
    HttpError want;
  } cases[] = {
      {"", HTTP_OK},
      {"GET / HTTP/1.1\r\nHost: x\r\n\r\n", HTTP_OK},
      {"GET / HTTP/1.1\r\nHost: x\r\n\r\n\r\n", HTTP_OK},
      {"GET /\r\n", HTTP_ERR_INVALID_EOF_STATE}, /* HTTP/0.9: headers may still follow */
      {"GET / HTTP/1.1\r\nHost: x\r\n", HTTP_ERR_INVALID_EOF_STATE},
      {"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", HTTP_ERR_INVALID_EOF_STATE},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    HttpParser *p = http_parser_new(NULL, NULL);
    http_parser_execute(p, cases[i].input, strlen(cases[i].input));
    char what[80];
    snprintf(what, sizeof what, "finish case %zu: %s", i, http_error_code(http_parser_finish(p)));
    check(http_parser_error(p) == cases[i].want, what, __LINE__);
    http_parser_free(p);
  }
}

/* Expect: the parser says whether one asked for 100-continue (Node's regexp, any case). */
static void test_expect(void) {
  static const struct {
    const char *header;
    bool cont;
  } cases[] = {{"100-continue", true}, {"foo, 100-Continue", true}, {"foo", false},
               {"100-continuex", false}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char in[128];
    snprintf(in, sizeof in, "GET / HTTP/1.1\r\nHost: x\r\nExpect: %s\r\n\r\n", cases[i].header);
    HttpParserCallbacks cb = {expect_head, NULL, NULL};
    int got = -1;
    HttpParser *p = http_parser_new(&cb, &got);
    http_parser_execute(p, in, strlen(in));
    check(got == (cases[i].cont ? 3 : 1), cases[i].header, __LINE__);
    http_parser_free(p);
  }
}

int main(void) {
  test_finish();
  test_expect();
  test_requests();
  test_keep_alive();
  test_chunked();
  test_pipelined();
  test_pause();
  test_malformed();
  test_header_overflow();
  test_chunk_line_order();
  test_method_first();
  test_error_responses();
  test_response_heads();
  test_tables();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
