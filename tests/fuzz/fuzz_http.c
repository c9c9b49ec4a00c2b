/* fuzz_http.c - libFuzzer harness: the HTTP request parser (stdlib/node/http/http_parser.h)
 * on arbitrary bytes in arbitrary splits (tests/fuzz/README.md). The first two bytes seed
 * the splits; the rest is parsed twice, whole and in pieces of 1 to 64 bytes with
 * callbacks that sometimes pause. The parser promises the same requests for any split, so
 * both runs must log the same events (heads with every header, bodies, completions, the
 * final error and its reason); a difference aborts. Every header byte is read, so ASan
 * sees a pointer past the buffer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/node/http/http_parser.h"

typedef struct Run {
  HttpBuf log;     /* what the callbacks saw, in order */
  HttpBuf body;    /* the current message's body, merged across on_body calls */
  uint32_t random; /* the split and pause generator; 0 for the whole-input run */
} Run;

static uint32_t next(Run *r) {
  r->random = r->random * 1103515245u + 12345u;
  return r->random >> 16;
}

static int maybe_pause(Run *r) { return r->random && next(r) % 4 == 0; }

static int on_head(HttpParser *p, const HttpRequestHead *h, void *data) {
  Run *r = data;
  char line[160];
  snprintf(line, sizeof line, "%s %d.%d ka=%d ch=%d up=%d host=%d te=%d cl=%d:%llu ", h->method,
           h->version_major, h->version_minor, h->keep_alive, h->chunked, h->upgrade, h->has_host,
           h->te_chunked, h->has_content_length, (unsigned long long)h->content_length);
  http_buf_append_str(&r->log, line);
  http_buf_append(&r->log, h->target, h->target_len);
  for (size_t i = 0; i < h->nheaders; i++) {
    http_buf_append_str(&r->log, "\n  ");
    http_buf_append(&r->log, h->headers[i].name, h->headers[i].name_len);
    http_buf_append_str(&r->log, ": ");
    http_buf_append(&r->log, h->headers[i].value, h->headers[i].value_len);
  }
  http_buf_append_str(&r->log, "\n");
  return maybe_pause(r);
}

static int on_body(HttpParser *p, const char *bytes, size_t len, void *data) {
  Run *r = data;
  http_buf_append(&r->body, bytes, len);
  return maybe_pause(r);
}

static int on_done(HttpParser *p, void *data) {
  Run *r = data;
  char line[40];
  snprintf(line, sizeof line, "body %zu: ", r->body.len);
  http_buf_append_str(&r->log, line);
  http_buf_append(&r->log, r->body.data, r->body.len);
  http_buf_append_str(&r->log, "\ncomplete\n");
  r->body.len = 0;
  return maybe_pause(r);
}

/* Feeds bytes in pieces chosen by r->random (all at once when it is 0) until all is
 * consumed or the parser stops on an error. After a pause it resumes and calls execute
 * again even with nothing left, as the server does: a completion may still be due. */
static void feed(HttpParser *p, Run *r, const char *bytes, size_t len) {
  size_t at = 0;
  for (;;) {
    size_t piece = r->random ? 1 + next(r) % 64 : len - at;
    if (piece > len - at) piece = len - at;
    size_t used = http_parser_execute(p, bytes + at, piece);
    if (used > piece) abort();
    at += used;
    HttpError err = http_parser_error(p);
    if (err == HTTP_ERR_PAUSED) {
      http_parser_resume(p);
      continue;
    }
    if (err != HTTP_OK) return;
    if (used < piece) abort(); /* neither paused nor failed, yet bytes were left */
    if (at == len) return;
  }
}

/* Parses the input with one generator seed; returns the log, which the caller frees. */
static HttpBuf parse(const char *bytes, size_t len, uint32_t seed) {
  static const HttpParserCallbacks callbacks = {on_head, on_body, on_done};
  Run r = {.random = seed};
  HttpParser *p = http_parser_new(&callbacks, &r);
  feed(p, &r, bytes, len);
  HttpError err = http_parser_error(p);
  char line[120];
  snprintf(line, sizeof line, "end %s idle=%d pending body %zu\n",
           err ? http_error_code(err) : "ok", http_parser_idle(p), r.body.len);
  http_buf_append_str(&r.log, line);
  if (err) http_buf_append_str(&r.log, http_parser_error_reason(p));
  http_parser_free(p);
  http_buf_free(&r.body);
  return r.log;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  uint32_t seed = 1u + data[0] + 256u * data[1]; /* never 0: that means "whole" */
  HttpBuf whole = parse((const char *)data + 2, size - 2, 0);
  HttpBuf split = parse((const char *)data + 2, size - 2, seed);
  if (whole.len != split.len || memcmp(whole.data, split.data, whole.len) != 0) {
    fprintf(stderr, "whole and split parses differ:\n--- whole\n%.*s\n--- split\n%.*s\n",
            (int)whole.len, whole.data, (int)split.len, split.data);
    abort();
  }
  http_buf_free(&whole);
  http_buf_free(&split);
  return 0;
}
