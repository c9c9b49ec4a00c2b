/* http_parser.c - HTTP/1.x requests in, response heads out, byte-exact with Node 20.
 * Book: chapter 12, "Networking".
 *
 * The parser is a small state machine over lines: the head (request line + headers)
 * and chunk-size lines are collected whole, then checked against the rules Node's
 * parser (llhttp, strict mode) enforces; body bytes are passed straight through.
 * Entry points: http_parser_new / _execute / _free, http_response_head,
 * http_append_chunk, http_status_reason, http_format_date (see http_parser.h).
 */
#include "lexer/alloc.h"
#include "stdlib/node/http/http_parser.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Byte buffer ==== */

void http_buf_reserve(HttpBuf *b, size_t more) {
  if (b->len + more + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 256; /* a whole response head, usually */
  while (cap < b->len + more + 1) cap *= 2;
  b->data = mem_realloc(b->data, cap);
  b->cap = cap;
}

void http_buf_free(HttpBuf *b) {
  free(b->data);
  *b = (HttpBuf){NULL, 0, 0};
}

/* ==== Character classes (RFC 9110) ==== */

static bool is_tchar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return c && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* A byte allowed inside a header value: tab, visible ASCII, space, or any non-ASCII byte. */
static bool is_value_char(unsigned char c) { return c == '\t' || (c >= ' ' && c != 0x7f); }

/* A byte allowed in a request-target (llhttp strict: visible ASCII only). */
static bool is_url_char(unsigned char c) { return c > ' ' && c < 0x7f; }

static bool is_ows(char c) { return c == ' ' || c == '\t'; }

/* Case-insensitive equality of a counted string with a lowercase literal. */
static bool eq_lower(const char *s, size_t n, const char *lit) {
  if (strlen(lit) != n) return false;
  for (size_t i = 0; i < n; i++)
    if ((char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) != lit[i]) return false;
  return true;
}

static bool is_word_char(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
}

/* Node's /(?:^|\W)word(?:$|\W)/i test (used for "close" and "chunked"). */
static bool has_word_ci(const char *s, size_t n, const char *word) {
  size_t w = strlen(word);
  for (size_t i = 0; i + w <= n; i++) {
    if (i > 0 && is_word_char(s[i - 1])) continue;
    if (i + w < n && is_word_char(s[i + w])) continue;
    if (eq_lower(s + i, w, word)) return true;
  }
  return false;
}

/* Node's http.METHODS: llhttp rejects every other method. */
static const char *const METHODS[] = {
    "ACL",       "BIND",      "CHECKOUT", "CONNECT",  "COPY",   "DELETE",     "GET",
    "HEAD",      "LINK",      "LOCK",     "M-SEARCH", "MERGE",  "MKACTIVITY", "MKCALENDAR",
    "MKCOL",     "MOVE",      "NOTIFY",   "OPTIONS",  "PATCH",  "POST",       "PROPFIND",
    "PROPPATCH", "PURGE",     "PUT",      "QUERY",    "REBIND", "REPORT",     "SEARCH",
    "SOURCE",    "SUBSCRIBE", "TRACE",    "UNBIND",   "UNLINK", "UNLOCK",     "UNSUBSCRIBE"};

static bool known_method(const char *s, size_t n) {
  for (size_t i = 0; i < sizeof METHODS / sizeof METHODS[0]; i++)
    if (strlen(METHODS[i]) == n && memcmp(METHODS[i], s, n) == 0) return true;
  return false;
}

/* ==== Parser state ==== */

typedef enum ParseState {
  PS_START,        /* between messages: skip stray CR/LF, then a request line */
  PS_REQUEST_LINE, /* collecting the request line */
  PS_HEADER_LINE,  /* collecting a header line (an empty one ends the head) */
  PS_BODY_LENGTH,  /* `remaining` body bytes to pass through */
  PS_CHUNK_SIZE,   /* collecting a chunk-size line */
  PS_CHUNK_DATA,   /* `remaining` bytes of the current chunk */
  PS_CHUNK_CR,     /* the CR after chunk data */
  PS_CHUNK_LF,     /* the LF after chunk data */
  PS_TRAILER_LINE, /* collecting a trailer line after the last chunk */
  PS_COMPLETE,     /* the message is complete: report it (consumes no input) */
  PS_CLOSED,       /* after a message that does not keep the connection alive */
} ParseState;

/* Where a header lives in the head buffer (which may move while it grows). */
typedef struct HeaderSpan {
  size_t name_off, name_len, value_off, value_len;
} HeaderSpan;

struct HttpParser {
  HttpParserCallbacks cb;
  void *data;
  ParseState state;
  HttpError error;
  const char *reason;
  HttpBuf line; /* the line being collected, CRLF included */
  HttpBuf head; /* method, target and header bytes of this message */
  HttpBuf trailers; /* "name\0value\0" for each trailer of this message */
  size_t ntrailers;
  HeaderSpan *spans;
  size_t nspans, spans_cap;
  HttpHeader *headers; /* built from spans for on_head */
  size_t headers_cap;
  size_t counted;      /* Node's header-size count: URL + names + values */
  size_t max_header_size; /* the limit on counted */
  size_t ext_bytes;    /* chunk-extension bytes in this message */
  uint64_t remaining;  /* body or chunk bytes still to come */
  HttpRequestHead req; /* flags and numbers gathered while parsing the head */
  bool te_present, conn_close, conn_keep_alive, conn_upgrade, has_upgrade;
};

static void message_reset(HttpParser *p) {
  p->line.len = 0;
  p->head.len = 0;
  p->trailers.len = 0;
  p->ntrailers = 0;
  p->nspans = 0;
  p->counted = 0;
  p->ext_bytes = 0;
  p->remaining = 0;
  memset(&p->req, 0, sizeof p->req);
  p->te_present = p->conn_close = p->conn_keep_alive = p->conn_upgrade = p->has_upgrade = false;
}

HttpParser *http_parser_new(const HttpParserCallbacks *callbacks, void *data) {
  HttpParser *p = mem_calloc(1, sizeof *p);
  if (callbacks) p->cb = *callbacks;
  p->data = data;
  p->state = PS_START;
  p->max_header_size = HTTP_MAX_HEADER_SIZE;
  return p;
}

void http_parser_set_max_header_size(HttpParser *p, size_t limit) {
  p->max_header_size = limit ? limit : HTTP_MAX_HEADER_SIZE;
}

void http_parser_free(HttpParser *p) {
  if (!p) return;
  http_buf_free(&p->line);
  http_buf_free(&p->head);
  http_buf_free(&p->trailers);
  free(p->spans);
  free(p->headers);
  free(p);
}

HttpError http_parser_error(const HttpParser *p) { return p->error; }

const char *http_parser_trailers(const HttpParser *p, size_t *count) {
  *count = p->ntrailers;
  return p->trailers.data;
}
const char *http_parser_error_reason(const HttpParser *p) { return p->reason ? p->reason : ""; }

void http_parser_resume(HttpParser *p) {
  if (p->error == HTTP_ERR_PAUSED) p->error = HTTP_OK;
}

bool http_parser_idle(const HttpParser *p) { return p->state == PS_START || p->state == PS_CLOSED; }


/* Records the first error; returns -1 so callers can `return fail(...)`. */
static int fail(HttpParser *p, HttpError err, const char *reason) {
  if (p->error == HTTP_OK || p->error == HTTP_ERR_PAUSED) {
    p->error = err;
    p->reason = reason;
  }
  return -1;
}

/* Applies a callback's answer: 1 means pause after this step. */
static void maybe_pause(HttpParser *p, int answer) {
  if (answer != 0 && p->error == HTTP_OK) p->error = HTTP_ERR_PAUSED;
}

HttpError http_parser_finish(HttpParser *p) {
  if (p->error == HTTP_OK && !http_parser_idle(p))
    fail(p, HTTP_ERR_INVALID_EOF_STATE, "Invalid EOF state");
  return p->error == HTTP_ERR_PAUSED ? HTTP_OK : p->error;
}

/* ==== Lines ==== */

typedef enum LineStatus { LINE_MORE, LINE_DONE, LINE_BARE_LF } LineStatus;

/* Appends bytes up to and including the next LF to p->line; *used gets how many.
 * LINE_DONE leaves the line without its CRLF; LINE_BARE_LF: the LF had no CR. */
static LineStatus collect_line(HttpParser *p, const char *bytes, size_t n, size_t *used) {
  const char *lf = memchr(bytes, '\n', n);
  *used = lf ? (size_t)(lf - bytes) + 1 : n;
  http_buf_append(&p->line, bytes, *used);
  if (!lf) return LINE_MORE;
  p->line.len--; /* drop LF */
  if (p->line.len == 0 || p->line.data[p->line.len - 1] != '\r') return LINE_BARE_LF;
  p->line.data[--p->line.len] = '\0'; /* drop CR */
  return LINE_DONE;
}

/* A CR inside a completed line was not followed by LF. */
static bool has_stray_cr(const HttpBuf *line) {
  return memchr(line->data, '\r', line->len) != NULL;
}

/* ==== The request line ==== */

/* The version after "HTTP/": llhttp accepts 0.9, 1.0, 1.1 and 2.0. */
static int parse_version(HttpParser *p, const char *s, size_t n) {
  if (n < 5 || memcmp(s, "HTTP/", 5) != 0)
    return fail(p, HTTP_ERR_INVALID_CONSTANT, "Expected HTTP/, RTSP/ or ICE/");
  if (n < 8 || s[5] < '0' || s[5] > '9' || s[6] != '.' || s[7] < '0' || s[7] > '9')
    return fail(p, HTTP_ERR_INVALID_VERSION, "Invalid HTTP version");
  int major = s[5] - '0', minor = s[7] - '0';
  bool ok = (major == 0 && minor == 9) || (major == 1 && minor <= 1) || (major == 2 && minor == 0);
  if (!ok) return fail(p, HTTP_ERR_INVALID_VERSION, "Invalid HTTP version");
  if (n != 8) return fail(p, HTTP_ERR_INVALID_VERSION, "Expected CRLF after version");
  p->req.version_major = major;
  p->req.version_minor = minor;
  return 0;
}

//> stdlib.http-request-line
/* request-line = method SP request-target SP HTTP-version (extra spaces tolerated, as
 * llhttp does); "method SP target" alone is an HTTP/0.9 request line. */
static int parse_request_line(HttpParser *p, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-')) i++;
  if (i == n) return fail(p, HTTP_ERR_INVALID_METHOD, "Expected space after method");
  if (s[i] != ' ' || !known_method(s, i))
    return fail(p, HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
  http_buf_append(&p->head, s, i);
  http_buf_append(&p->head, "", 1); /* method + NUL at offset 0 */
  while (i < n && s[i] == ' ') i++;
  size_t start = i;
  for (; i < n && s[i] != ' '; i++)
    if (!is_url_char((unsigned char)s[i]))
      return fail(p, HTTP_ERR_INVALID_URL, "Invalid char in url path");
  if (i == start) return fail(p, HTTP_ERR_INVALID_URL, "Invalid char in url path");
  p->req.target_len = i - start;
  p->counted += i - start;
  http_buf_append(&p->head, s + start, i - start);
  http_buf_append(&p->head, "", 1);
  while (i < n && s[i] == ' ') i++;
  if (i == n) { /* HTTP/0.9: no version; headers may still follow */
    p->req.version_minor = 9;
    return 0;
  }
  return parse_version(p, s + i, n - i);
}
//< stdlib.http-request-line

/* ==== Headers ==== */

static void span_push(HttpParser *p, HeaderSpan span) {
  if (p->nspans == p->spans_cap) {
    p->spans_cap = p->spans_cap ? p->spans_cap * 2 : 16;
    p->spans = mem_realloc(p->spans, p->spans_cap * sizeof *p->spans);
  }
  p->spans[p->nspans++] = span;
}

/* Calls fn on each comma-separated, trimmed token of a header value. */
static void each_token(const char *v, size_t n, void (*fn)(HttpParser *, const char *, size_t),
                       HttpParser *p) {
  size_t i = 0;
  while (i <= n) {
    size_t start = i;
    while (i < n && v[i] != ',') i++;
    size_t end = i;
    while (start < end && is_ows(v[start])) start++;
    while (end > start && is_ows(v[end - 1])) end--;
    fn(p, v + start, end - start);
    i++;
  }
}

static void connection_token(HttpParser *p, const char *t, size_t n) {
  if (eq_lower(t, n, "close")) p->conn_close = true;
  if (eq_lower(t, n, "keep-alive")) p->conn_keep_alive = true;
  if (eq_lower(t, n, "upgrade")) p->conn_upgrade = true;
}

/* Transfer-Encoding: the body is chunked only if "chunked" is the LAST coding; any
 * coding after it (a second "chunked" header included) is an error, as in llhttp. */
static void te_token(HttpParser *p, const char *t, size_t n) {
  if (p->req.chunked) fail(p, HTTP_ERR_INVALID_TRANSFER_ENCODING,
                           "Invalid `Transfer-Encoding` header value");
  p->req.chunked = eq_lower(t, n, "chunked");
}

static int content_length(HttpParser *p, const char *v, size_t n) {
  if (p->te_present)
    return fail(p, HTTP_ERR_INVALID_CONTENT_LENGTH,
                "Content-Length can't be present with Transfer-Encoding");
  if (p->req.has_content_length)
    return fail(p, HTTP_ERR_UNEXPECTED_CONTENT_LENGTH, "Duplicate Content-Length");
  uint64_t len = 0;
  for (size_t i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9')
      return fail(p, HTTP_ERR_INVALID_CONTENT_LENGTH, "Invalid character in Content-Length");
    if (len > (UINT64_MAX - 9) / 10)
      return fail(p, HTTP_ERR_INVALID_CONTENT_LENGTH, "Content-Length overflow");
    len = len * 10 + (uint64_t)(v[i] - '0');
  }
  if (n == 0)
    return fail(p, HTTP_ERR_INVALID_CONTENT_LENGTH, "Invalid character in Content-Length");
  p->req.has_content_length = true;
  p->req.content_length = len;
  return 0;
}

/* Looks at the headers that decide framing and connection handling. */
static int special_header(HttpParser *p, const char *name, size_t nl, const char *v, size_t vl) {
  if (eq_lower(name, nl, "content-length")) return content_length(p, v, vl);
  if (eq_lower(name, nl, "transfer-encoding")) {
    if (p->req.has_content_length)
      return fail(p, HTTP_ERR_INVALID_TRANSFER_ENCODING,
                  "Transfer-Encoding can't be present with Content-Length");
    p->te_present = true;
    each_token(v, vl, te_token, p);
  } else if (eq_lower(name, nl, "connection")) {
    each_token(v, vl, connection_token, p);
  } else if (eq_lower(name, nl, "upgrade")) {
    p->has_upgrade = true;
  } else if (eq_lower(name, nl, "host")) {
    p->req.has_host = true;
  } else if (eq_lower(name, nl, "te")) {
    if (has_word_ci(v, vl, "chunked")) p->req.te_chunked = true;
  } else if (eq_lower(name, nl, "expect")) {
    p->req.expect = true;
    if (has_word_ci(v, vl, "100-continue")) p->req.expect_continue = true;
  }
  return 0;
}

//> stdlib.http-header-line
/* field-line = field-name ":" OWS field-value OWS. Node counts the name and the value
 * from its first non-blank byte (trailing blanks included) towards the 16 KiB limit. */
static int parse_header_line(HttpParser *p, const char *s, size_t n, bool store) {
  if (is_ows(s[0]))
    return fail(p, HTTP_ERR_INVALID_HEADER_TOKEN, "Unexpected whitespace after header value");
  size_t colon = 0;
  while (colon < n && is_tchar((unsigned char)s[colon])) colon++;
  if (colon == 0 || colon == n || s[colon] != ':')
    return fail(p, HTTP_ERR_INVALID_HEADER_TOKEN, "Invalid header token");
  size_t start = colon + 1, end = n;
  while (start < end && is_ows(s[start])) start++;
  for (size_t i = start; i < end; i++)
    if (!is_value_char((unsigned char)s[i]))
      return fail(p, HTTP_ERR_INVALID_HEADER_TOKEN, "Invalid header value char");
  p->counted += colon + (end - start);
  if (p->counted >= p->max_header_size)
    return fail(p, HTTP_ERR_HEADER_OVERFLOW, "Header overflow");
  while (end > start && is_ows(s[end - 1])) end--;
  if (!store) return 0; /* a trailer: checked; on_line keeps it (keep_trailer) */
  HeaderSpan span = {p->head.len, colon, p->head.len + colon + 1, end - start};
  http_buf_append(&p->head, s, colon);
  http_buf_append(&p->head, "", 1);
  http_buf_append(&p->head, s + start, end - start);
  http_buf_append(&p->head, "", 1);
  span_push(p, span);
  return special_header(p, s, colon, s + start, end - start);
}
//< stdlib.http-header-line

/* ==== End of the head ==== */

/* llhttp's should_keep_alive for a request: HTTP/1.1 unless "close"; older versions
 * (1.0, and also 0.9 and 2.0 here) only with "keep-alive". */
static bool keep_alive(const HttpParser *p) {
  if (p->req.version_major > 0 && p->req.version_minor > 0) return !p->conn_close;
  return p->conn_keep_alive && !p->conn_close;
}

/* Turns the head buffer into an HttpRequestHead with real pointers. */
static void build_head(HttpParser *p) {
  if (p->nspans > p->headers_cap) {
    p->headers_cap = p->nspans;
    p->headers = mem_realloc(p->headers, p->headers_cap * sizeof *p->headers);
  }
  for (size_t i = 0; i < p->nspans; i++) {
    const HeaderSpan *s = &p->spans[i];
    p->headers[i] = (HttpHeader){p->head.data + s->name_off, s->name_len,
                                 p->head.data + s->value_off, s->value_len};
  }
  p->req.method = p->head.data;
  p->req.target = p->head.data + strlen(p->head.data) + 1;
  p->req.headers = p->headers;
  p->req.nheaders = p->nspans;
  p->req.keep_alive = keep_alive(p);
  p->req.upgrade = (p->conn_upgrade && p->has_upgrade) || strcmp(p->req.method, "CONNECT") == 0;
}

/* The blank line after the headers: decide the body, then report the head. A request
 * whose last transfer coding is not chunked has no length anyone can know: as llhttp,
 * that is an error only after the head has been reported (node's 'request' has run). */
static int end_of_head(HttpParser *p) {
  build_head(p);
  if (p->req.chunked) {
    p->state = PS_CHUNK_SIZE;
  } else if (p->req.has_content_length && p->req.content_length > 0) {
    p->remaining = p->req.content_length;
    p->state = PS_BODY_LENGTH;
  } else {
    p->state = PS_COMPLETE;
  }
  if (p->cb.on_head) maybe_pause(p, p->cb.on_head(p, &p->req, p->data));
  if (p->te_present && !p->req.chunked)
    return fail(p, HTTP_ERR_INVALID_TRANSFER_ENCODING, "Request has invalid `Transfer-Encoding`");
  return 0;
}

/* ==== Chunked bodies ==== */

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

//> stdlib.http-chunk-size
/* chunk-size [ ";" chunk-ext ] CRLF, the size in hex. A size of 0 is the last chunk.
 * Judged in the order the bytes came, as llhttp does, so the first bad byte decides;
 * st is how the line ended, or LINE_MORE for the start of one too long to wait for. */
static int parse_chunk_size(HttpParser *p, const char *s, size_t n, LineStatus st) {
  uint64_t size = 0;
  size_t i = 0;
  for (; i < n; i++) {
    int d = hex_digit(s[i]);
    if (d < 0) break;
    if (size >> 60) return fail(p, HTTP_ERR_INVALID_CHUNK_SIZE, "Chunk size overflow");
    size = size * 16 + (uint64_t)d;
  }
  if (i > 0 && i < n && s[i] == '\r')
    return fail(p, HTTP_ERR_STRICT, "Expected LF after chunk size");
  if (i == 0 || (i < n && s[i] != ';'))
    return fail(p, HTTP_ERR_INVALID_CHUNK_SIZE, "Invalid character in chunk size");
  const char *cr = memchr(s + i, '\r', n - i); /* a CR not followed by LF */
  p->ext_bytes += (cr ? (size_t)(cr - s) : n) - i;
  if (p->ext_bytes > HTTP_MAX_CHUNK_EXTENSIONS)
    return fail(p, HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW, "Chunk extensions overflow");
  if (cr) return fail(p, HTTP_ERR_STRICT, "Expected LF after chunk size");
  if (st == LINE_BARE_LF)
    return fail(p, HTTP_ERR_CR_EXPECTED, "Missing expected CR after chunk size");
  p->remaining = size;
  p->state = size ? PS_CHUNK_DATA : PS_TRAILER_LINE;
  return 0;
}
//< stdlib.http-chunk-size

/* ==== The state machine ==== */

static bool method_prefix_ok(const HttpBuf *line, bool complete);

/* A trailer line parse_header_line has checked: its name and its value without the
 * whitespace around it, kept for the request's rawTrailers. */
static void keep_trailer(HttpParser *p, const char *s, size_t n) {
  size_t colon = 0;
  while (s[colon] != ':') colon++;
  size_t start = colon + 1, end = n;
  while (start < end && is_ows(s[start])) start++;
  while (end > start && is_ows(s[end - 1])) end--;
  http_buf_append(&p->trailers, s, colon);
  http_buf_append(&p->trailers, "", 1);
  http_buf_append(&p->trailers, s + start, end - start);
  http_buf_append(&p->trailers, "", 1);
  p->ntrailers++;
}

/* Handles a complete line in the state that collected it. */
static void on_line(HttpParser *p, LineStatus st) {
  const char *s = p->line.data;
  size_t n = p->line.len;
  switch (p->state) {
  case PS_REQUEST_LINE:
    if (!method_prefix_ok(&p->line, true)) /* first, as when the line arrives in pieces */
      fail(p, HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
    else if (st == LINE_BARE_LF)
      fail(p, HTTP_ERR_INVALID_VERSION, "Expected CRLF after version");
    else if (has_stray_cr(&p->line))
      fail(p, HTTP_ERR_STRICT, "Expected CRLF after version");
    else if (parse_request_line(p, s, n) == 0)
      p->state = PS_HEADER_LINE;
    break;
  case PS_HEADER_LINE:
  case PS_TRAILER_LINE:
    if (st == LINE_BARE_LF)
      fail(p, HTTP_ERR_CR_EXPECTED, "Missing expected CR after header value");
    else if (has_stray_cr(&p->line))
      fail(p, HTTP_ERR_STRICT, "Expected LF after CR");
    else if (n == 0 && p->state == PS_HEADER_LINE)
      end_of_head(p);
    else if (n == 0)
      p->state = PS_COMPLETE;
    else if (parse_header_line(p, s, n, p->state == PS_HEADER_LINE) == 0 &&
             p->state == PS_TRAILER_LINE)
      keep_trailer(p, s, n);
    break;
  default: /* PS_CHUNK_SIZE */
    parse_chunk_size(p, s, n, st);
    break;
  }
  p->line.len = 0;
}

/* Can the request line collected so far still start with a method? llhttp matches the
 * method byte by byte, so a TLS ClientHello (or any binary) fails at its first byte
 * instead of waiting for a line end that never comes. Once the method's letters end,
 * they must spell a whole method; what may follow is left to parse_request_line. A
 * complete line (its CRLF already taken off) ends the method at its end too. */
static bool method_prefix_ok(const HttpBuf *line, bool complete) {
  size_t n = 0;
  while (n < line->len && ((line->data[n] >= 'A' && line->data[n] <= 'Z') || line->data[n] == '-'))
    n++;
  bool ended = n < line->len || complete;
  if (ended && n == 0) return false;
  for (size_t i = 0; i < sizeof METHODS / sizeof METHODS[0]; i++)
    if (strncmp(METHODS[i], line->data, n) == 0 && (!ended || METHODS[i][n] == '\0')) return true;
  return false;
}

/* A line-collecting state: takes bytes up to the next LF, handles the line once it is
 * complete, and refuses to buffer without bound while it is not. */
static size_t step_line(HttpParser *p, const char *b, size_t n) {
  size_t used;
  LineStatus st = collect_line(p, b, n, &used);
  if (st != LINE_MORE) {
    on_line(p, st);
  } else if (p->state == PS_REQUEST_LINE && !method_prefix_ok(&p->line, false)) {
    fail(p, HTTP_ERR_INVALID_METHOD, "Invalid method encountered");
  } else if (p->state == PS_CHUNK_SIZE) {
    /* Too long to be a size and its extensions, though its end has not arrived: judge
     * what has. It holds the first bad byte (past 16 digits the size overflows, past the
     * limit the extensions do), so it fails exactly as the whole line would, and the
     * error never depends on how the bytes were split. */
    if (p->line.len > HTTP_MAX_CHUNK_EXTENSIONS + 32)
      parse_chunk_size(p, p->line.data, p->line.len, LINE_MORE);
  } else if (p->counted + p->line.len > 2 * p->max_header_size) {
    /* A line still without its LF: Node's count would need the whole line (blanks after
     * the colon do not count), so cap the buffering at twice the limit instead. Only a
     * line of many thousands of blanks can tell the difference. */
    fail(p, HTTP_ERR_HEADER_OVERFLOW, "Header overflow");
  }
  return used;
}

/* Passes up to `remaining` body bytes to on_body; returns how many. */
static size_t step_body(HttpParser *p, const char *b, size_t n, ParseState next) {
  size_t take = n < p->remaining ? n : (size_t)p->remaining;
  p->remaining -= take;
  if (p->remaining == 0) p->state = next;
  if (p->cb.on_body) maybe_pause(p, p->cb.on_body(p, b, take, p->data));
  return take;
}

/* The single byte expected after chunk data: CR, then LF. */
static size_t step_chunk_end(HttpParser *p, char c) {
  char want = p->state == PS_CHUNK_CR ? '\r' : '\n';
  if (c != want) {
    fail(p, HTTP_ERR_STRICT, "Expected LF after chunk data");
    return 0;
  }
  p->state = p->state == PS_CHUNK_CR ? PS_CHUNK_LF : PS_CHUNK_SIZE;
  return 1;
}

/* Between messages: skip CR/LF; anything else starts a request (or is an error after
 * a message that closes the connection). */
static size_t step_between(HttpParser *p, char c) {
  if (c == '\r' || c == '\n') return 1;
  if (p->state == PS_CLOSED) {
    fail(p, HTTP_ERR_CLOSED_CONNECTION, "Data after `Connection: close`");
    return 0;
  }
  message_reset(p);
  p->state = PS_REQUEST_LINE;
  return 0;
}

/* Consumes some input in the current state; returns how many bytes. */
static size_t step(HttpParser *p, const char *b, size_t n) {
  switch (p->state) {
  case PS_START:
  case PS_CLOSED:
    return step_between(p, b[0]);
  case PS_BODY_LENGTH:
    return step_body(p, b, n, PS_COMPLETE);
  case PS_CHUNK_DATA:
    return step_body(p, b, n, PS_CHUNK_CR);
  case PS_CHUNK_CR:
  case PS_CHUNK_LF:
    return step_chunk_end(p, b[0]);
  default:
    return step_line(p, b, n);
  }
}

//> stdlib.http-execute
size_t http_parser_execute(HttpParser *p, const char *bytes, size_t len) {
  size_t i = 0;
  while (p->error == HTTP_OK) {
    if (p->state == PS_COMPLETE) { /* report the message, then expect the next one */
      p->state = p->req.keep_alive ? PS_START : PS_CLOSED;
      if (p->cb.on_message_complete) maybe_pause(p, p->cb.on_message_complete(p, p->data));
      continue;
    }
    if (i >= len) break;
    i += step(p, bytes + i, len - i);
  }
  return i;
}
//< stdlib.http-execute

/* ==== Errors ==== */

const char *http_error_code(HttpError err) {
  static const char *const names[] = {
      [HTTP_OK] = "HPE_OK",
      [HTTP_ERR_INVALID_METHOD] = "HPE_INVALID_METHOD",
      [HTTP_ERR_INVALID_URL] = "HPE_INVALID_URL",
      [HTTP_ERR_INVALID_CONSTANT] = "HPE_INVALID_CONSTANT",
      [HTTP_ERR_INVALID_VERSION] = "HPE_INVALID_VERSION",
      [HTTP_ERR_INVALID_HEADER_TOKEN] = "HPE_INVALID_HEADER_TOKEN",
      [HTTP_ERR_CR_EXPECTED] = "HPE_CR_EXPECTED",
      [HTTP_ERR_STRICT] = "HPE_STRICT",
      [HTTP_ERR_INVALID_CONTENT_LENGTH] = "HPE_INVALID_CONTENT_LENGTH",
      [HTTP_ERR_UNEXPECTED_CONTENT_LENGTH] = "HPE_UNEXPECTED_CONTENT_LENGTH",
      [HTTP_ERR_INVALID_TRANSFER_ENCODING] = "HPE_INVALID_TRANSFER_ENCODING",
      [HTTP_ERR_INVALID_CHUNK_SIZE] = "HPE_INVALID_CHUNK_SIZE",
      [HTTP_ERR_HEADER_OVERFLOW] = "HPE_HEADER_OVERFLOW",
      [HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW] = "HPE_CHUNK_EXTENSIONS_OVERFLOW",
      [HTTP_ERR_CLOSED_CONNECTION] = "HPE_CLOSED_CONNECTION",
      [HTTP_ERR_INVALID_EOF_STATE] = "HPE_INVALID_EOF_STATE",
      [HTTP_ERR_PAUSED] = "HPE_PAUSED",
  };
  return (unsigned)err < sizeof names / sizeof names[0] ? names[err] : "HPE_UNKNOWN";
}

const char *http_error_response(HttpError err) {
  if (err == HTTP_ERR_HEADER_OVERFLOW)
    return "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n";
  if (err == HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW)
    return "HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n";
  return "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n";
}

/* ==== Status codes and dates ==== */

/* Node's http.STATUS_CODES. */
static const struct {
  int code;
  const char *reason;
} STATUS_CODES[] = {
    {100, "Continue"},
    {101, "Switching Protocols"},
    {102, "Processing"},
    {103, "Early Hints"},
    {200, "OK"},
    {201, "Created"},
    {202, "Accepted"},
    {203, "Non-Authoritative Information"},
    {204, "No Content"},
    {205, "Reset Content"},
    {206, "Partial Content"},
    {207, "Multi-Status"},
    {208, "Already Reported"},
    {226, "IM Used"},
    {300, "Multiple Choices"},
    {301, "Moved Permanently"},
    {302, "Found"},
    {303, "See Other"},
    {304, "Not Modified"},
    {305, "Use Proxy"},
    {307, "Temporary Redirect"},
    {308, "Permanent Redirect"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {402, "Payment Required"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {407, "Proxy Authentication Required"},
    {408, "Request Timeout"},
    {409, "Conflict"},
    {410, "Gone"},
    {411, "Length Required"},
    {412, "Precondition Failed"},
    {413, "Payload Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {416, "Range Not Satisfiable"},
    {417, "Expectation Failed"},
    {418, "I'm a Teapot"},
    {421, "Misdirected Request"},
    {422, "Unprocessable Entity"},
    {423, "Locked"},
    {424, "Failed Dependency"},
    {425, "Too Early"},
    {426, "Upgrade Required"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {451, "Unavailable For Legal Reasons"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {502, "Bad Gateway"},
    {503, "Service Unavailable"},
    {504, "Gateway Timeout"},
    {505, "HTTP Version Not Supported"},
    {506, "Variant Also Negotiates"},
    {507, "Insufficient Storage"},
    {508, "Loop Detected"},
    {509, "Bandwidth Limit Exceeded"},
    {510, "Not Extended"},
    {511, "Network Authentication Required"},
};

const char *http_status_reason(int status) {
  for (size_t i = 0; i < sizeof STATUS_CODES / sizeof STATUS_CODES[0]; i++)
    if (STATUS_CODES[i].code == status) return STATUS_CODES[i].reason;
  return "unknown";
}

/* Every response carries a Date, and a second holds thousands of them: the text of the
 * last second formatted is kept (per thread), as node keeps its utcDate. */
void http_format_date(time_t t, char out[30]) {
  static _Thread_local time_t cached_time = (time_t)-1;
  static _Thread_local char cached[30];
  if (t != cached_time) {
    http_format_date_uncached(t, cached);
    cached_time = t;
  }
  memcpy(out, cached, 30);
}

/* Digits of v in base 10 or 16 (lowercase) at out, which has room for 20; their count.
 * (snprintf costs more than the rest of a response head.) */
static size_t put_uint(char *out, unsigned long long v, unsigned base) {
  char tmp[24];
  size_t n = 0;
  do {
    tmp[n++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v);
  for (size_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  return n;
}

void http_format_date_uncached(time_t t, char out[30]) {
  static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  struct tm tm;
  char buf[80];
  gmtime_r(&t, &tm);
  /* Not strftime: its %a and %b follow the locale, and the header must not. */
  snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday,
           months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  memcpy(out, buf, 29);
  out[29] = '\0';
}

/* ==== Response heads ==== */

/* What the user's own headers already say (Node's `state` in _storeHeader). */
typedef struct UserHeaders {
  bool connection, content_length, transfer_encoding, date;
  bool connection_close, te_chunked;
} UserHeaders;

static UserHeaders scan_user_headers(const HttpResponse *r) {
  UserHeaders u = {0};
  for (size_t i = 0; i < r->nheaders; i++) {
    const char *name = r->headers[i].name, *value = r->headers[i].value;
    size_t n = strlen(name);
    if (eq_lower(name, n, "connection")) {
      u.connection = true;
      if (has_word_ci(value, strlen(value), "close")) u.connection_close = true;
    } else if (eq_lower(name, n, "content-length")) {
      u.content_length = true;
    } else if (eq_lower(name, n, "transfer-encoding")) {
      u.transfer_encoding = true;
      if (has_word_ci(value, strlen(value), "chunked")) u.te_chunked = true;
    } else if (eq_lower(name, n, "date")) {
      u.date = true;
    }
  }
  return u;
}

static void append_line(HttpBuf *out, const char *name, const char *value) {
  http_buf_append_str(out, name);
  http_buf_append(out, ": ", 2);
  http_buf_append_str(out, value);
  http_buf_append(out, "\r\n", 2);
}

/* The Connection (and Keep-Alive) line Node adds when the user set none. */
static void connection_line(const HttpResponse *r, const UserHeaders *u, HttpBuf *out,
                            bool *close_after) {
  /* A server keeps the connection only if the client asked to AND the body can be
   * delimited without closing (a Content-Length, or chunked encoding allowed). */
  bool keep = r->req_keep_alive && (u->content_length || r->chunked_by_default);
  if (!keep) {
    *close_after = true;
    append_line(out, "Connection", "close");
    return;
  }
  if (r->limit_reached) {
    append_line(out, "Connection", "close");
    return;
  }
  append_line(out, "Connection", "keep-alive");
  if (r->keep_alive_timeout > 0) {
    char v[80];
    double seconds = floor(r->keep_alive_timeout / 1000);
    int n;
    if (seconds < 1e15) { /* whole seconds, as %.0f would print them */
      memcpy(v, "timeout=", 8);
      n = 8 + (int)put_uint(v + 8, (unsigned long long)seconds, 10);
      v[n] = '\0';
    } else {
      n = snprintf(v, sizeof v, "timeout=%.0f", seconds);
    }
    if (r->max_requests >= 1 && r->max_requests < 2147483648.0)
      snprintf(v + n, sizeof v - (size_t)n, ", max=%.0f", floor(r->max_requests));
    append_line(out, "Keep-Alive", v);
  }
}

/* The body-framing line Node adds when the user set neither framing header. */
static HttpFraming framing_line(const HttpResponse *r, HttpBuf *out, bool *close_after) {
  bool has_body = !r->req_is_head && r->status != 204 && r->status != 304 &&
                  !(r->status >= 100 && r->status < 200);
  if (!has_body) return HTTP_FRAMING_NONE;
  if (!r->chunked_by_default) { /* an HTTP/1.0 client: the body ends at close */
    *close_after = true;
    return HTTP_FRAMING_EOF;
  }
  if (r->body_known) {
    char v[32];
    v[put_uint(v, (unsigned long long)r->body_length, 10)] = '\0';
    append_line(out, "Content-Length", v);
    return HTTP_FRAMING_LENGTH;
  }
  append_line(out, "Transfer-Encoding", "chunked");
  return HTTP_FRAMING_CHUNKED;
}

//> stdlib.http-response-head
HttpFraming http_response_head(const HttpResponse *r, HttpBuf *out, bool *close_after) {
  UserHeaders u = scan_user_headers(r);
  char line[64] = "HTTP/1.1 ";
  size_t n = 9 + put_uint(line + 9, (unsigned long long)(r->status > 0 ? r->status : 0), 10);
  line[n++] = ' ';
  http_buf_append(out, line, n);
  http_buf_append_str(out, r->reason ? r->reason : http_status_reason(r->status));
  http_buf_append(out, "\r\n", 2);
  for (size_t i = 0; i < r->nheaders; i++) /* the user's headers first, as set */
    append_line(out, r->headers[i].name, r->headers[i].value);
  *close_after = u.connection_close;
  if (!u.date && r->send_date) {
    char date[30];
    http_format_date(r->date, date);
    append_line(out, "Date", date);
  }
  if (!u.connection) connection_line(r, &u, out, close_after);
  HttpFraming framing;
  if (!u.content_length && !u.transfer_encoding)
    framing = framing_line(r, out, close_after);
  else
    framing = u.te_chunked       ? HTTP_FRAMING_CHUNKED
              : u.content_length ? HTTP_FRAMING_LENGTH
                                 : HTTP_FRAMING_EOF;
  http_buf_append(out, "\r\n", 2);
  return framing;
}
//< stdlib.http-response-head

void http_append_chunk(HttpBuf *out, const void *bytes, size_t len) {
  if (len == 0) return; /* a zero-length chunk would end the body */
  char size[24];
  size_t n = put_uint(size, len, 16);
  size[n++] = '\r', size[n++] = '\n';
  http_buf_append(out, size, n);
  http_buf_append(out, bytes, len);
  http_buf_append(out, "\r\n", 2);
}
