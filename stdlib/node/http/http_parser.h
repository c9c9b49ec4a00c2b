/* http_parser.h - HTTP/1.x on the wire, in plain C (private to stdlib/): an incremental
 * request parser and the builder of Node's response heads. No loop, no JavaScript: the
 * http module (stdlib/node/http/http.c) feeds it bytes and writes what it builds.
 * Book: chapter 12, "Networking".
 *
 * Parser: http_parser_new, http_parser_execute (any split of the input, pipelining
 * included), callbacks per message, Node's (llhttp's) error codes and 400/431/413 replies.
 * Responses: http_response_head (Node's header order and framing rules), chunk framing,
 * http_status_reason (Node's STATUS_CODES), http_format_date (IMF-fixdate).
 */
#ifndef TN_STDLIB_HTTP_PARSER_H
#define TN_STDLIB_HTTP_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

/* ==== Byte buffer ==== */

/* A growable byte string; zero-initialise, append, then http_buf_free. Aborts on OOM. */
typedef struct HttpBuf {
  char *data;
  size_t len, cap;
} HttpBuf;

void http_buf_reserve(HttpBuf *b, size_t more); /* room for more bytes and a NUL */
/* Inline: a response head is some forty appends of a few bytes each. */
static inline void http_buf_append(HttpBuf *b, const void *bytes, size_t len) {
  if (b->len + len + 1 > b->cap) http_buf_reserve(b, len);
  if (len) memcpy(b->data + b->len, bytes, len);
  b->len += len;
  b->data[b->len] = '\0'; /* always NUL-terminated, for convenience */
}
static inline void http_buf_append_str(HttpBuf *b, const char *s) { http_buf_append(b, s, strlen(s)); }
void http_buf_free(HttpBuf *b);

/* ==== Request parser ==== */

/* Node's default limit on a request head: URL + header names + values (Node's
 * --max-http-header-size, http.maxHeaderSize); a server's maxHeaderSize option changes it. */
#define HTTP_MAX_HEADER_SIZE 16384
/* Node's limit on the chunk extensions of one request body. */
#define HTTP_MAX_CHUNK_EXTENSIONS 16384

/* Why parsing stopped. The names are llhttp's (Node's err.code is "HPE_" + the name). */
typedef enum HttpError {
  HTTP_OK = 0,
  HTTP_ERR_INVALID_METHOD,
  HTTP_ERR_INVALID_URL,
  HTTP_ERR_INVALID_CONSTANT,
  HTTP_ERR_INVALID_VERSION,
  HTTP_ERR_INVALID_HEADER_TOKEN,
  HTTP_ERR_CR_EXPECTED,
  HTTP_ERR_STRICT,
  HTTP_ERR_INVALID_CONTENT_LENGTH,
  HTTP_ERR_UNEXPECTED_CONTENT_LENGTH,
  HTTP_ERR_INVALID_TRANSFER_ENCODING,
  HTTP_ERR_INVALID_CHUNK_SIZE,
  HTTP_ERR_HEADER_OVERFLOW,
  HTTP_ERR_CHUNK_EXTENSIONS_OVERFLOW,
  HTTP_ERR_CLOSED_CONNECTION,
  HTTP_ERR_INVALID_EOF_STATE, /* the peer's EOF came in the middle of a request */
  HTTP_ERR_PAUSED, /* not an error: a callback asked to pause */
} HttpError;

/* One header as received: the name keeps its case; the value has its surrounding
 * whitespace removed. Neither is NUL-terminated. */
typedef struct HttpHeader {
  const char *name; /* NUL-terminated too (a token: it cannot hold a NUL) */
  size_t name_len;
  const char *value;
  size_t value_len;
} HttpHeader;

/* A request's head, handed to on_head. Every pointer is valid only during that call. */
typedef struct HttpRequestHead {
  const char *method; /* NUL-terminated, one of Node's http.METHODS */
  const char *target; /* the request-target as sent, NUL-terminated */
  size_t target_len;
  int version_major, version_minor; /* 0.9, 1.0, 1.1 or 2.0 */
  const HttpHeader *headers;
  size_t nheaders;
  bool keep_alive;         /* llhttp's should_keep_alive (see http_parser.c) */
  bool chunked;            /* the body is chunked */
  bool has_content_length; /* the body is content_length bytes */
  uint64_t content_length;
  bool upgrade;    /* Connection: upgrade + Upgrade, or CONNECT (parsed as usual) */
  bool has_host;   /* a Host header was sent (Node answers 400 to HTTP/1.1 without) */
  bool te_chunked; /* a "TE: chunked" header: a 1.0 client accepts chunked replies */
  bool expect;          /* an Expect header was sent */
  bool expect_continue; /* ... and one of them asks for "100-continue" (Node's regexp) */
} HttpRequestHead;

typedef struct HttpParser HttpParser;

/* What the parser reports. A callback returns 0 to go on, or 1 to pause: execute then
 * returns at once, with the byte that triggered the callback consumed. Any may be NULL. */
typedef struct HttpParserCallbacks {
  int (*on_head)(HttpParser *p, const HttpRequestHead *head, void *data);
  int (*on_body)(HttpParser *p, const char *bytes, size_t len, void *data);
  int (*on_message_complete)(HttpParser *p, void *data);
} HttpParserCallbacks;

/* A parser for one connection (callbacks copied). Aborts on OOM. */
HttpParser *http_parser_new(const HttpParserCallbacks *callbacks, void *data);
void http_parser_free(HttpParser *p);
/* The head-size limit for this parser's messages (431 past it); 0 means the default,
 * HTTP_MAX_HEADER_SIZE. */
void http_parser_set_max_header_size(HttpParser *p, size_t limit);
/* Parses len bytes; returns how many it consumed. Fewer than len means paused or an
 * error (http_parser_error tells which). After an error every call returns 0. */
size_t http_parser_execute(HttpParser *p, const char *bytes, size_t len);
/* The trailers of the message just completed (a chunked body's), as *count pairs of
 * NUL-terminated name and value, one after the other; valid until the next message
 * starts. */
const char *http_parser_trailers(const HttpParser *p, size_t *count);
/* HTTP_OK, HTTP_ERR_PAUSED, or the error that stopped the parser. */
HttpError http_parser_error(const HttpParser *p);
/* llhttp's reason text for the error (Node's err.reason), e.g. "Invalid method encountered". */
const char *http_parser_error_reason(const HttpParser *p);
/* "HPE_INVALID_METHOD" etc.: Node's err.code for an error. */
const char *http_error_code(HttpError err);
/* Continues after a pause (the next execute picks up where it stopped). */
void http_parser_resume(HttpParser *p);
/* True between messages: nothing of a next request has arrived yet. */
bool http_parser_idle(const HttpParser *p);
/* The peer sent EOF (llhttp_finish): HTTP_OK between messages, else the parser stops
 * with HTTP_ERR_INVALID_EOF_STATE (Node then answers 400 and closes). Returns the error. */
HttpError http_parser_finish(HttpParser *p);
/* The bytes Node's server writes before closing on a parse error: 431 for
 * HEADER_OVERFLOW, 413 for CHUNK_EXTENSIONS_OVERFLOW, else 400. (Node writes it only if
 * the response in progress has not sent its head.) */
const char *http_error_response(HttpError err);

/* ==== Response heads ==== */

/* How the body of a response is delimited on the wire. */
typedef enum HttpFraming {
  HTTP_FRAMING_NONE,    /* no body at all (HEAD, 1xx, 204, 304) */
  HTTP_FRAMING_LENGTH,  /* Content-Length bytes */
  HTTP_FRAMING_CHUNKED, /* Transfer-Encoding: chunked; end with HTTP_LAST_CHUNK */
  HTTP_FRAMING_EOF,     /* raw bytes, ended by closing the connection */
} HttpFraming;

/* A header to send: NUL-terminated name (sent as given) and value. */
typedef struct HttpField {
  const char *name;
  const char *value;
} HttpField;

/* Everything Node's ServerResponse._storeHeader looks at. */
typedef struct HttpResponse {
  int status;
  const char *reason;       /* NULL: http_status_reason(status) */
  const HttpField *headers; /* user headers, in the order they were set */
  size_t nheaders;
  bool req_keep_alive;     /* the request's head.keep_alive */
  bool req_is_head;        /* the request method was HEAD */
  bool chunked_by_default; /* HTTP/1.1 request (or 1.0 with TE: chunked): Node's
                            * useChunkedEncodingByDefault */
  bool body_known;         /* end(body) was called before the head went out */
  uint64_t body_length;    /* ... and that body's length in bytes */
  double keep_alive_timeout; /* server.keepAliveTimeout in ms: "Keep-Alive: timeout=<s>"
                              * (floor of the seconds; 0 omits the header) */
  bool send_date;          /* res.sendDate (default true) */
  time_t date;             /* the time for the Date header */
  double max_requests;     /* server.maxRequestsPerSocket: ", max=<n>" when > 0 */
  bool limit_reached;      /* the last request it allows: "Connection: close", though the
                            * connection stays open (Node's maxRequestsOnConnectionReached) */
} HttpResponse;

/* Appends the status line and headers (ending with the blank line) to out. Returns the
 * framing the body must use; *close_after says whether the connection must close once
 * the response is done (Node's _last). */
HttpFraming http_response_head(const HttpResponse *r, HttpBuf *out, bool *close_after);
/* Appends one chunk of a chunked body ("<hex>\r\n" bytes "\r\n"); len 0 appends nothing. */
void http_append_chunk(HttpBuf *out, const void *bytes, size_t len);
/* The terminating chunk of a chunked body. */
#define HTTP_LAST_CHUNK "0\r\n\r\n"

/* Node's STATUS_CODES phrase for a status code, or "unknown" (Node's fallback). */
const char *http_status_reason(int status);
/* Writes t as an IMF-fixdate ("Thu, 26 Nov 2026 12:00:00 GMT"; 29 chars + NUL). */
void http_format_date(time_t t, char out[30]);          /* the last second's text is kept */
void http_format_date_uncached(time_t t, char out[30]); /* formatted afresh */

#endif /* TN_STDLIB_HTTP_PARSER_H */
