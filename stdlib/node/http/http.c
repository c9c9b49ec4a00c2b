/* http.c - the `http` module's JavaScript side: http.createServer (and its timeout
 * options), listen/close/address, requests, responses (writeHead, write, end, ...).
 * Book: chapter 12, "Networking".
 *
 *   http_module_create    require('internal/http'), which lib/http.js re-exports
 *
 * Three layers meet in this directory. runtime/net.c moves bytes on non-blocking
 * sockets; http_parser.c turns bytes into request heads and response heads into bytes;
 * http_conn.c runs each connection (parsing, dispatch, keep-alive, timeouts) and this
 * file makes the JavaScript objects it hands to the request listeners. An Exchange
 * (request + response) is the native part of a ServerResponse.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/http/http_private.h"

static const char CONTINUE_REPLY[] = "HTTP/1.1 100 Continue\r\n\r\n";
/* ==== Headers ==== */

static void exchange_free(void *data) {
  Exchange *ex = data;
  for (size_t i = 0; i < ex->nheaders; i++) {
    free((char *)ex->headers[i].name);
    free((char *)ex->headers[i].value);
  }
  free(ex->headers);
  free(ex->reason);
  http_buf_free(&ex->unsent);
  http_buf_free(&ex->trailers);
  free(ex);
}

static const VMClassDef response_class = {"ServerResponse", NULL, exchange_free};

/* Removes every line of that name; returns where the first was (nheaders if none). */
static size_t remove_header(Exchange *ex, const char *name) {
  size_t out = 0, first = SIZE_MAX;
  for (size_t i = 0; i < ex->nheaders; i++) {
    if (strcasecmp(ex->headers[i].name, name) == 0) {
      if (first == SIZE_MAX) first = out;
      free((char *)ex->headers[i].name);
      free((char *)ex->headers[i].value);
    } else {
      ex->headers[out++] = ex->headers[i];
    }
  }
  ex->nheaders = out;
  return first == SIZE_MAX ? out : first;
}

/* A line at position at (a header set again keeps its place, as in node's object); the
 * exchange takes the malloc'd name and value. */
static void add_header(Exchange *ex, size_t at, char *name, char *value) {
  if (ex->nheaders == ex->capacity) {
    ex->capacity = ex->capacity ? ex->capacity * 2 : 8;
    ex->headers = mem_realloc(ex->headers, sizeof(HttpField) * ex->capacity);
  }
  memmove(&ex->headers[at + 1], &ex->headers[at], (ex->nheaders - at) * sizeof(HttpField));
  ex->headers[at] = (HttpField){name, value};
  ex->nheaders++;
}

/* Whether an array value for key goes out as one line, its elements joined with "; "
 * (node's processHeader): a Cookie of two or more, or a name of the server's
 * uniqueHeaders. */
static bool joins_values(const Exchange *ex, const char *key, uint32_t count) {
  if (count >= 2 && strcasecmp(key, "cookie") == 0) return true;
  const ServerState *server = ex->conn ? ex->conn->server : NULL;
  for (size_t i = 0; server && i < server->nunique; i++)
    if (strcasecmp(key, server->unique[i]) == 0) return true;
  return false;
}

/* The elements of array as one line's value, joined with "; " (malloc'd); NULL if an
 * element's ToString threw. */
static char *joined_values(VM *vm, Value array, uint32_t count) {
  StrBuf sb = {0};
  for (uint32_t i = 0; i < count; i++) {
    Value s = vm_to_string(vm, vm_array_get(vm, array, i));
    if (value_is_exception(s)) return sb_free(&sb), NULL;
    char *text = vm_to_utf8(vm, s, NULL);
    if (i > 0) sb_puts(&sb, "; ");
    sb_puts(&sb, text);
    free(text);
  }
  return sb_take(&sb);
}

/* setHeader(name, value) (replace) or one more header of that name (!replace): an
 * array value sends one header line per element (or one, joins_values). */
static Value set_header(VM *vm, Exchange *ex, Value name, Value value, bool replace) {
  Value n = vm_to_string(vm, name);
  if (value_is_exception(n)) return n;
  char *key = vm_to_utf8(vm, n, NULL);
  if (vm_is_array(value) && joins_values(ex, key, vm_array_length(value))) {
    char *line = joined_values(vm, value, vm_array_length(value));
    if (!line) return free(key), VALUE_EXCEPTION;
    add_header(ex, replace ? remove_header(ex, key) : ex->nheaders, key, line);
    return VALUE_UNDEFINED;
  }
  size_t at = replace ? remove_header(ex, key) : ex->nheaders;
  uint32_t count = vm_is_array(value) ? vm_array_length(value) : 1;
  Value result = VALUE_UNDEFINED;
  for (uint32_t i = 0; i < count && !value_is_exception(result); i++) {
    Value item = vm_is_array(value) ? vm_array_get(vm, value, i) : value;
    Value s = vm_to_string(vm, item);
    if (value_is_exception(s)) {
      result = s;
      break;
    }
    add_header(ex, at++, i + 1 < count ? mem_strdup(key) : key, vm_to_utf8(vm, s, NULL));
    key = i + 1 < count ? key : NULL; /* the last line took it */
  }
  free(key);
  return result;
}

/* ==== Writing responses ==== */

static void conn_write(Exchange *ex, const HttpBuf *buf) {
  Conn *conn = ex->conn;
  if (!conn || ex->dropped || conn->closed || !buf->len) return;
  http_conn_write(conn, buf->data, buf->len);
  http_conn_touch(conn);
}

/* The names read and written on every request, their atoms kept (vm_get_key). */
VMKey http_key_keep_alive_timeout = VM_KEY("keepAliveTimeout");
static VMKey k_status_code = VM_KEY("statusCode"), k_status_message = VM_KEY("statusMessage"),
             k_headers_sent = VM_KEY("headersSent"), k_finished = VM_KEY("finished"),
             k_writable_ended = VM_KEY("writableEnded"), k_req = VM_KEY("req"),
             k_socket = VM_KEY("socket"), k_max_requests = VM_KEY("maxRequestsPerSocket"), k_make_request = VM_KEY("makeRequest"),
             k_response_done = VM_KEY("responseDone");

static Value call_hook_key(VM *vm, VMKey *key, int argc, Value *argv);

//> stdlib.response-head
/* The status line and headers, built once, at writeHead or at the first write/end. */
static void build_head(VM *vm, Value res, Exchange *ex, HttpBuf *out, bool body_known,
                       uint64_t body_length) {
  if (ex->head_sent) return;
  Value code = vm_get_key(vm, res, &k_status_code);
  if (value_is_number(code)) ex->status = (int)value_to_number(code);
  Value message = vm_get_key(vm, res, &k_status_message);
  if (value_is_string(message)) {
    free(ex->reason);
    ex->reason = vm_to_utf8(vm, message, NULL);
  }
  /* A client that asked for 100-continue and never got it may still send the body:
   * the connection cannot be reused (Node's shouldKeepAlive = false). */
  bool keep_alive = ex->req_keep_alive && !(ex->expect_continue && !ex->sent100);
  HttpResponse r = {.status = ex->status, .reason = ex->reason, .headers = ex->headers,
                    .nheaders = ex->nheaders, .req_keep_alive = keep_alive,
                    .req_is_head = ex->req_is_head, .chunked_by_default = ex->chunked_by_default,
                    .body_known = body_known, .body_length = body_length,
                    .keep_alive_timeout = ex->keep_alive_timeout, .send_date = true,
                    .max_requests = ex->max_requests, .limit_reached = ex->limit_reached,
                    .date = time(NULL)};
  ex->framing = http_response_head(&r, out, &ex->close_after);
  ex->head_sent = true;
  vm_set_key(vm, res, &k_headers_sent, VALUE_TRUE);
}
//< stdlib.response-head

static void append_body(Exchange *ex, HttpBuf *out, const char *data, size_t len) {
  if (ex->framing == HTTP_FRAMING_CHUNKED) http_append_chunk(out, data, len);
  else if (ex->framing != HTTP_FRAMING_NONE) http_buf_append(out, data, len);
}

/* The bytes waiting to go out with the next write: the stored head, if any. */
static HttpBuf take_unsent(Exchange *ex) {
  HttpBuf out = ex->unsent;
  ex->unsent = (HttpBuf){0};
  return out;
}

static Exchange *this_exchange(VM *vm, Value this_value) {
  Exchange *ex = vm_host_data(vm, this_value, &response_class);
  if (!ex) vm_throw_error(vm, ERR_TYPE, "Illegal invocation");
  return ex;
}

/* A string chunk in a named encoding other than UTF-8: Buffer.from(chunk, encoding). */
static Value encode_chunk(VM *vm, Value chunk, Value encoding) {
  Value buffer = vm_get_str(vm, vm_global(vm), "Buffer");
  if (value_is_exception(buffer)) return buffer;
  Value from = vm_get_str(vm, buffer, "from");
  if (value_is_exception(from)) return from;
  Value args[2] = {chunk, encoding};
  return vm_call(vm, from, buffer, 2, args);
}

/* The chunk argument of write/end as bytes (a string as UTF-8 or in the encoding that
 * follows it, a Buffer or Uint8Array as it is); NULL when it is missing or a function. */
static Value chunk_text(VM *vm, int argc, Value *argv, char **text, size_t *len) {
  *text = NULL, *len = 0;
  if (argc < 1 || value_is_nullish(argv[0]) || vm_is_callable(argv[0])) return VALUE_TRUE;
  Value chunk = argv[0];
  if (value_is_string(chunk) && argc > 1 && value_is_string(argv[1]) &&
      node_encoding_code(argv[1]) != node_encoding_code(vm_atom(vm, "utf8"))) {
    chunk = vm_handle_push(vm, encode_chunk(vm, chunk, argv[1]));
    if (value_is_exception(chunk)) return chunk;
  }
  const uint8_t *bytes;
  if (vm_typed_kind(chunk) == VM_TYPED_UINT8 && node_buffer_bytes(chunk, &bytes, len)) {
    *text = mem_alloc(*len + 1);
    if (*len) memcpy(*text, bytes, *len);
    return VALUE_TRUE;
  }
  if (!value_is_string(chunk))
    return node_throw_arg_type(vm, "chunk", "of type string or an instance of Buffer or Uint8Array",
                               chunk);
  *text = vm_to_utf8(vm, chunk, len);
  return VALUE_TRUE;
}

/* The callback of write(chunk, [encoding,] cb) or end([chunk, [encoding,]] cb), or
 * undefined: the last of the first three arguments, if it is a function. */
static Value chunk_callback(int argc, Value *argv) {
  for (int i = argc < 3 ? argc - 1 : 2; i >= 0; i--)
    if (vm_is_callable(argv[i])) return argv[i];
  return VALUE_UNDEFINED;
}

/* JavaScript's ToInt32 (`code | 0`); http_conn.c's `count << 1` shifts it. */
int32_t http_to_int32(double d) {
  if (!isfinite(d)) return 0;
  double m = fmod(trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return (int32_t)(uint32_t)m;
}

/* Node's writeHead check of a status code: `code | 0` from 100 to 999, stored as
 * res.statusCode; else ERR_HTTP_INVALID_STATUS_CODE naming the code as util.format's %s
 * does. False with the error thrown. */
static bool take_status(VM *vm, Value res, Value code) {
  Value n = vm_to_number(vm, code);
  if (value_is_exception(n)) return false;
  int32_t status = http_to_int32(value_to_number(n));
  if (status >= 100 && status <= 999)
    return !value_is_exception(vm_set_key(vm, res, &k_status_code, value_from_number(status)));
  Value args[2] = {vm_handle_push(vm, vm_string(vm, "Invalid status code: %s")), code};
  Value message = format_args(vm, 2, args);
  if (value_is_exception(message)) return false;
  vm_handle_push(vm, message);
  vm_throw(vm, node_error_new(vm, ERR_RANGE, "ERR_HTTP_INVALID_STATUS_CODE", message));
  return false;
}

static Value throw_headers_sent(VM *vm) {
  Value message = vm_handle_push(vm, vm_string(vm, "Cannot write headers after they are sent to the client"));
  return vm_throw(vm, node_error_new(vm, ERR_ERROR, "ERR_HTTP_HEADERS_SENT", message));
}

/* Before a write, end or flushHeaders builds the head itself: node's implicit
 * writeHead(res.statusCode), whose check may throw. */
static bool implicit_status_ok(VM *vm, Value res, Exchange *ex) {
  if (ex->head_sent) return true;
  Value code = vm_get_key(vm, res, &k_status_code);
  if (value_is_number(code)) { /* the usual case: already a valid status, nothing to store */
    double d = value_to_number(code);
    if (d >= 100 && d <= 999 && d == (int)d) return true;
  }
  return !value_is_exception(code) && take_status(vm, res, code);
}

static Value res_write_head(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  if (ex->head_sent) return throw_headers_sent(vm);
  int next = 1;
  if (!take_status(vm, this_value, argc > 0 ? argv[0] : VALUE_UNDEFINED)) return VALUE_EXCEPTION;
  if (argc > 1 && value_is_string(argv[1]))
    vm_set_str(vm, this_value, "statusMessage", argv[next++]);
  if (argc > next && (vm_is_array(argv[next]) || (ex->progressive && value_is_object(argv[next])))) {
    /* node's slow case: lib/internal/http/server.js's mergeHeaders */
    Value args[3] = {this_value, argv[next], value_from_bool(ex->progressive)};
    if (!http_call_hook(vm, "mergeHeaders", 3, args)) return VALUE_EXCEPTION;
  } else if (argc > next && value_is_object(argv[next])) {
    Value keys = vm_handle_push(vm, vm_own_keys(vm, argv[next]));
    for (uint32_t i = 0; i < vm_array_length(keys); i++) {
      Value k = vm_array_get(vm, keys, i);
      Value v = vm_get(vm, argv[next], k);
      if (value_is_exception(v) || value_is_exception(set_header(vm, ex, k, v, true)))
        return VALUE_EXCEPTION;
    }
  }
  build_head(vm, this_value, ex, &ex->unsent, false, 0); /* sent with the first body bytes */
  return this_value;
}

/* A chunk written to a response that has no body (HEAD, 204, 304) is dropped, or, on a
 * server made with rejectNonStandardBodyWrites, node's ERR_HTTP_BODY_NOT_ALLOWED: then
 * the head built for it waits for the next write (out goes back) and true is returned. */
static bool body_refused(VM *vm, Exchange *ex, HttpBuf *out, const char *text) {
  if (!text || ex->framing != HTTP_FRAMING_NONE || !ex->conn) return false;
  Value server = vm_pinned(vm, ex->conn->server_pin);
  if (http_server_value(vm, server, "rejectNonStandardBodyWrites") != VALUE_TRUE) return false;
  ex->unsent = *out;
  Value message = vm_handle_push(
      vm, vm_string(vm, "Adding content for this request method or response status is not allowed."));
  vm_throw(vm, node_error_new(vm, ERR_ERROR, "ERR_HTTP_BODY_NOT_ALLOWED", message));
  return true;
}

/* ==== Writes in flight: writableLength, write()'s answer and 'drain' ====
 * Node's response corks its socket at the first write of a tick and uncorks it on the
 * next tick; the socket's write completes then, and its Writable finishes the write a
 * tick after that. Until then the bytes count as buffered, so write() says false once
 * the bytes of one run of code reach highWaterMark, and 'drain' comes two ticks later,
 * or (if the kernel left some queued) once the queue drains (on_drain, http_conn.c). */

static Value writes_done(VM *vm, Value this_value, int argc, Value *argv) {
  Value res = argv[0];
  Exchange *ex = vm_host_data(vm, res, &response_class);
  if (!ex) return VALUE_UNDEFINED;
  Conn *conn = ex->conn;
  bool open = conn && !conn->closed && !net_conn_is_closed(conn->net);
  if (--ex->flight_ticks > 0) { /* the uncork: what the kernel took is written */
    ex->in_flight = open ? net_conn_queued(conn->net) : 0;
    host_next_tick1(host_of(vm), vm_intrinsic(vm, INTRINSIC_HTTP_WRITES_DONE), res);
    return VALUE_UNDEFINED;
  }
  if (open && net_conn_queued(conn->net) > 0) {
    net_conn_await_drain(conn->net); /* on_drain finishes the count */
  } else if (ex->want_drain && open && ex->pin >= 0) {
    ex->want_drain = false;
    ex->in_flight = 0;
    return events_emit_str(vm, res, "drain", 0, NULL);
  }
  return VALUE_UNDEFINED;
}

/* n more bytes of res went to the connection in this run of code. */
static void count_in_flight(VM *vm, Value res, Exchange *ex, size_t n) {
  if (!n) return;
  ex->in_flight += n;
  if (ex->flight_ticks) return;
  ex->flight_ticks = 2;
  host_next_tick1(host_of(vm), vm_intrinsic(vm, INTRINSIC_HTTP_WRITES_DONE), res);
}

/* writableLength (magic 0) and writableNeedDrain (1). */
static Value res_writable_state(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = vm_host_data(vm, this_value, &response_class);
  if (!ex) return VALUE_UNDEFINED;
  if (vm_native_magic(vm)) return value_from_bool(ex->want_drain);
  return value_from_number((double)ex->in_flight);
}

static Value res_write(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  if (ex->finished) return vm_throw_error(vm, ERR_ERROR, "write after end");
  char *text;
  size_t len;
  if (value_is_exception(chunk_text(vm, argc, argv, &text, &len))) return VALUE_EXCEPTION;
  if (!implicit_status_ok(vm, this_value, ex)) return free(text), VALUE_EXCEPTION;
  HttpBuf out = take_unsent(ex);
  build_head(vm, this_value, ex, &out, false, 0);
  if (body_refused(vm, ex, &out, text)) return free(text), VALUE_EXCEPTION;
  append_body(ex, &out, text, len);
  bool sent = ex->conn && !ex->dropped && !ex->conn->closed;
  conn_write(ex, &out);
  if (sent) count_in_flight(vm, this_value, ex, out.len);
  http_buf_free(&out);
  free(text);
  bool below = !ex->conn || (double)ex->in_flight < ex->conn->hwm;
  if (!below) ex->want_drain = true;
  Value cb = chunk_callback(argc, argv); /* the chunk is queued: the callback runs next tick */
  if (!value_is_undefined(cb)) host_next_tick(host_of(vm), cb, vm_handle_push(vm, vm_array_new(vm)));
  return value_from_bool(below);
}

/* The interim "100 Continue" (Node's writeContinue), sent ahead of the response. */
void http_write_continue(Exchange *ex) {
  HttpBuf reply = {(char *)CONTINUE_REPLY, sizeof CONTINUE_REPLY - 1, 0};
  conn_write(ex, &reply);
  ex->sent100 = true;
}

/* _writeInterim(text): an interim response (102, 103) ahead of the real one. */
static Value res_write_interim(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  if (argc < 1 || !value_is_string(argv[0]) || ex->head_sent) return VALUE_UNDEFINED;
  size_t len;
  char *text = vm_to_utf8(vm, argv[0], &len);
  HttpBuf out = {text, len, len + 1};
  conn_write(ex, &out);
  free(text);
  return VALUE_UNDEFINED;
}

static Value res_write_continue(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  http_write_continue(ex);
  return VALUE_UNDEFINED;
}

/* The response is complete: let the connection close or move on to the next request. */
static void finish_exchange(Exchange *ex) {
  Conn *conn = ex->conn;
  VM *vm = NULL;
  ex->finished = true;
  if (!conn || ex->dropped) return; /* a dropped exchange waits for on_close */
  vm = host_vm(conn->host);
  conn->current = NULL;
  ex->conn = NULL;
  http_conn_unpin_exchange(vm, conn);
  conn->request_complete = false;
  conn->body_paused = false; /* an unread body is dumped: the next request may come */
  http_conn_response_done(conn, ex->close_after || conn->peer_ended);
}

/* The tick after end(), as node's 'finish' follows the last write: resOnFinish (the
 * unread body, the socket, 'close'), then the connection moves on, then 'finish' --
 * unless the socket went first (node emits no 'finish' then). */
static Value finish_later(VM *vm, Value this_value, int argc, Value *argv) {
  Value res = argv[0];
  Exchange *ex = vm_host_data(vm, res, &response_class);
  int32_t pin = ex->pin;
  bool gone = !ex->conn || ex->dropped;
  ex->pin = -1;
  Value args[2] = {vm_handle_push(vm, vm_get_key(vm, res, &k_req)), res};
  bool ok = gone || !value_is_exception(call_hook_key(vm, &k_response_done, 2, args));
  finish_exchange(ex);
  Value r = !ok ? VALUE_EXCEPTION : gone ? VALUE_UNDEFINED : events_emit_str(vm, res, "finish", 0, NULL);
  if (pin >= 0) vm_unpin(vm, pin);
  return r;
}

/* res.once('finish', cb): end's callback. */
static bool once_finish(VM *vm, Value res, Value cb) {
  Value once = vm_get_str(vm, res, "once");
  if (value_is_exception(once)) return false;
  Value args[2] = {vm_handle_push(vm, vm_string(vm, "finish")), cb};
  return !value_is_exception(vm_call(vm, once, res, 2, args));
}

static Value res_end(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  if (ex->finished) return this_value;
  char *text;
  size_t len;
  if (value_is_exception(chunk_text(vm, argc, argv, &text, &len))) return VALUE_EXCEPTION;
  if (!implicit_status_ok(vm, this_value, ex)) return free(text), VALUE_EXCEPTION;
  Value cb = chunk_callback(argc, argv);
  if (!value_is_undefined(cb) && !once_finish(vm, this_value, cb)) {
    free(text);
    return VALUE_EXCEPTION;
  }
  HttpBuf out = take_unsent(ex);
  build_head(vm, this_value, ex, &out, true, len);
  if (body_refused(vm, ex, &out, text)) return free(text), VALUE_EXCEPTION;
  append_body(ex, &out, text, len);
  if (ex->framing == HTTP_FRAMING_CHUNKED) { /* "0", the trailers, the blank line */
    http_buf_append(&out, "0\r\n", 3);
    if (ex->trailers.len) http_buf_append(&out, ex->trailers.data, ex->trailers.len);
    http_buf_append(&out, "\r\n", 2);
  }
  conn_write(ex, &out);
  http_buf_free(&out);
  free(text);
  ex->finished = true;
  vm_set_key(vm, this_value, &k_finished, VALUE_TRUE);
  vm_set_key(vm, this_value, &k_writable_ended, VALUE_TRUE);
  host_next_tick1(host_of(vm), vm_intrinsic(vm, INTRINSIC_HTTP_FINISH), this_value);
  return this_value;
}

Value http_respond_empty(VM *vm, Value res, int code) {
  Value status = value_from_number(code);
  if (value_is_exception(res_write_head(vm, res, 1, &status))) return VALUE_EXCEPTION;
  return res_end(vm, res, 0, NULL);
}

/* _setHeader(name, value) (magic 1) and _appendHeader (magic 0): the header lines the
 * head will carry. lib/internal/http/headers.js validates and keeps the values as given
 * for getHeader. */
static Value res_set_header(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  if (ex->head_sent)
    return vm_throw_error(vm, ERR_ERROR, "Cannot set headers after they are sent to the client");
  ex->progressive = true; /* node's kOutHeaders exists from now on */
  Value r = set_header(vm, ex, argc > 0 ? argv[0] : VALUE_UNDEFINED,
                       argc > 1 ? argv[1] : VALUE_UNDEFINED, vm_native_magic(vm));
  return value_is_exception(r) ? r : this_value;
}

static Value res_remove_header(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex || argc < 1) return ex ? VALUE_UNDEFINED : VALUE_EXCEPTION;
  Value n = vm_to_string(vm, argv[0]);
  if (value_is_exception(n)) return n;
  char *name = vm_to_utf8(vm, n, NULL);
  remove_header(ex, name);
  free(name);
  return VALUE_UNDEFINED;
}

/* flushHeaders(): the head goes out now, before any body. */
static Value res_flush_headers(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  if (!implicit_status_ok(vm, this_value, ex)) return VALUE_EXCEPTION;
  HttpBuf out = take_unsent(ex);
  build_head(vm, this_value, ex, &out, false, 0);
  conn_write(ex, &out);
  http_buf_free(&out);
  return VALUE_UNDEFINED;
}

/* One trailer: "name: value\r\n", a line per element of an array value. */
static Value add_trailer(VM *vm, Exchange *ex, Value key, Value v) {
  Value name = vm_handle_push(vm, vm_to_string(vm, key));
  if (value_is_exception(name)) return name;
  uint32_t count = vm_is_array(v) ? vm_array_length(v) : 1;
  char *n = vm_to_utf8(vm, name, NULL);
  for (uint32_t i = 0; i < count; i++) {
    Value value = vm_handle_push(vm, vm_to_string(vm, vm_is_array(v) ? vm_array_get(vm, v, i) : v));
    if (value_is_exception(value)) {
      free(n);
      return value;
    }
    char *t = vm_to_utf8(vm, value, NULL);
    http_buf_append_str(&ex->trailers, n);
    http_buf_append(&ex->trailers, ": ", 2);
    http_buf_append_str(&ex->trailers, t);
    http_buf_append(&ex->trailers, "\r\n", 2);
    free(t);
  }
  free(n);
  return VALUE_TRUE;
}

/* addTrailers(headers): "Name: value" lines sent after the last chunk (only a chunked
 * body has trailers: otherwise node drops them). An object, or an array of pairs. */
static Value res_add_trailers(VM *vm, Value this_value, int argc, Value *argv) {
  Exchange *ex = this_exchange(vm, this_value);
  if (!ex) return VALUE_EXCEPTION;
  Value fields = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_object(fields)) return VALUE_UNDEFINED;
  bool pairs = vm_is_array(fields);
  Value keys = vm_handle_push(vm, pairs ? fields : vm_own_keys(vm, fields));
  if (value_is_exception(keys)) return keys;
  for (uint32_t i = 0; i < vm_array_length(keys); i++) {
    Value k = vm_array_get(vm, keys, i), v;
    if (pairs) {
      Value pair = vm_handle_push(vm, k);
      k = vm_array_get(vm, pair, 0);
      v = vm_array_get(vm, pair, 1);
    } else {
      v = vm_get(vm, fields, k);
    }
    if (value_is_exception(add_trailer(vm, ex, k, v))) return VALUE_EXCEPTION;
  }
  return VALUE_UNDEFINED;
}

/* ==== Requests ==== */

/* The hooks lib/internal/http/server.js gives the server when http is first required:
 * makeRequest(socket, method, url, major, minor, rawHeaders, headerPairs, join, version,
 * custom),
 * responseDone(req, res)
 * and abortRequest(req, res). */
static Value set_hooks(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc > 0 && value_is_object(argv[0])) vm_set_intrinsic(vm, INTRINSIC_HTTP_HOOKS, argv[0]);
  return VALUE_UNDEFINED;
}

/* _setSocketPrototype(proto): the prototype a connection's socket starts on, made by
 * lib/internal/http/server.js (prepareSockets; see http_socket.c). */
static Value set_socket_prototype(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc > 0 && value_is_object(argv[0])) vm_set_intrinsic(vm, INTRINSIC_HTTP_SOCKET_LAZY, argv[0]);
  return VALUE_UNDEFINED;
}

/* Calls a server.js hook (one of those _setHooks gave), named by key or, for those
 * that do not run on every request, by name. */
static Value call_hook_by(VM *vm, VMKey *key, const char *name, int argc, Value *argv) {
  Value hooks = vm_intrinsic(vm, INTRINSIC_HTTP_HOOKS);
  if (!value_is_object(hooks)) return vm_throw_error(vm, ERR_ERROR, "http: the server's hooks are missing");
  Value fn = key ? vm_get_key(vm, hooks, key) : vm_get_str(vm, hooks, name);
  if (value_is_exception(fn)) return fn;
  return vm_call(vm, fn, VALUE_UNDEFINED, argc, argv);
}

static Value call_hook_key(VM *vm, VMKey *key, int argc, Value *argv) {
  return call_hook_by(vm, key, NULL, argc, argv);
}

static Value call_hook(VM *vm, const char *name, int argc, Value *argv) {
  return call_hook_by(vm, NULL, name, argc, argv);
}

bool http_call_hook(VM *vm, const char *name, int argc, Value *argv) {
  return !value_is_exception(call_hook(vm, name, argc, argv));
}

/* How many headers of n a request keeps in rawHeaders. Node's parser hands them to
 * JavaScript in batches of 31; the first is always kept, each later one only while
 * fewer than maxHeaderPairs entries are (an experiment with node 20 shows the batches). */
static size_t headers_kept(size_t n, int32_t max_pairs) {
  if (max_pairs <= 0 || n <= 31) return n;
  size_t kept = 31;
  while (kept < n && 2 * kept < (size_t)max_pairs) kept += 31;
  return kept < n ? kept : n;
}

/* An IncomingMessage (a Readable, made in JavaScript) with the head's fields; its
 * headers object is made from rawHeaders when first read, with node's rules for
 * repeated names, from the first maxHeaderPairs entries. */
Value http_request_new(VM *vm, Conn *conn, const HttpRequestHead *head) {
  Value args[10];
  args[0] = http_socket_of(vm, conn);
  if (value_is_exception(args[0])) return args[0];
  args[1] = vm_handle_push(vm, vm_atom(vm, head->method)); /* a few names, again and again */
  args[2] = vm_handle_push(vm, vm_string_n(vm, head->target, head->target_len));
  args[3] = value_from_number(head->version_major);
  args[4] = value_from_number(head->version_minor);
  args[5] = vm_handle_push(vm, vm_array_new(vm));
  size_t kept = headers_kept(head->nheaders, conn->max_header_pairs);
  for (size_t i = 0; i < kept; i++) {
    const HttpHeader *h = &head->headers[i];
    vm_array_push(vm, args[5], vm_atom(vm, h->name));
    vm_array_push(vm, args[5], vm_string_n(vm, h->value, h->value_len));
  }
  bool cut = conn->max_header_pairs > 0 && (size_t)conn->max_header_pairs < 2 * kept;
  args[6] = cut ? value_from_number(conn->max_header_pairs) : VALUE_UNDEFINED;
  args[7] = conn->join_duplicates ? VALUE_TRUE : VALUE_NULL; /* node's null for false */
  /* "1.1": an atom, so that no request makes the string again (the parser takes one
   * digit each, as llhttp does) */
  char version[4] = {(char)('0' + head->version_major % 10), '.',
                     (char)('0' + head->version_minor % 10), '\0'};
  args[8] = vm_handle_push(vm, vm_atom(vm, version));
  /* the server, when it has a request class of its own (options.IncomingMessage) */
  args[9] = conn->server && conn->server->custom_request ? vm_pinned(vm, conn->server_pin)
                                                          : VALUE_UNDEFINED;
  Value req = call_hook_key(vm, &k_make_request, 10, args);
  return value_is_exception(req) ? req : vm_handle_push(vm, req);
}

/* v, a property read of the server: undefined in place of a getter's exception. */
static Value server_read(VM *vm, Value v) {
  return value_is_exception(v) ? vm_take_exception(vm), VALUE_UNDEFINED : v;
}

Value http_server_value(VM *vm, Value server, const char *name) {
  return server_read(vm, vm_get_str(vm, server, name));
}

double http_server_number(VM *vm, Value server, const char *name) {
  Value v = http_server_value(vm, server, name);
  return value_is_number(v) ? value_to_number(v) : 0;
}

double http_server_number_key(VM *vm, Value server, VMKey *key) {
  Value v = server_read(vm, vm_get_key(vm, server, key));
  return value_is_number(v) ? value_to_number(v) : 0;
}

/* A response's own fields, in node's order for those it shares with node's. */
static void define_response_fields(VM *vm, Value res, Value socket, Value req) {
  vm_define_str(vm, res, "statusCode", value_from_number(200), VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "headersSent", VALUE_FALSE, VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "finished", VALUE_FALSE, VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "writableEnded", VALUE_FALSE, VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "writable", VALUE_TRUE, VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "destroyed", VALUE_FALSE, VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "socket", socket, VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "req", req, VM_ATTR_DEFAULT);
  vm_define_str(vm, res, "_closed", VALUE_FALSE, VM_ATTR_DEFAULT); /* 'close' emitted */
}

/* Every response starts with those fields: a template made once has them, and each
 * new response copies it (vm_copy_fields), then takes its own socket and request. */
static Value response_template(VM *vm) {
  Value t = vm_intrinsic(vm, INTRINSIC_HTTP_RESPONSE_TEMPLATE);
  if (value_is_object(t)) return t;
  t = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  define_response_fields(vm, t, VALUE_NULL, VALUE_NULL);
  vm_set_intrinsic(vm, INTRINSIC_HTTP_RESPONSE_TEMPLATE, t);
  return t;
}

Value http_response_new(VM *vm, Conn *conn, const HttpRequestHead *head, Value req) {
  Exchange *ex = mem_calloc(1, sizeof *ex);
  ex->conn = conn;
  ex->status = 200;
  ex->req_keep_alive = head->keep_alive;
  ex->req_is_head = strcmp(head->method, "HEAD") == 0;
  ex->chunked_by_default = head->version_major == 1 && (head->version_minor >= 1 || head->te_chunked);
  ex->expect_continue = conn->expect && head->expect_continue;
  Value server = vm_pinned(vm, conn->server_pin);
  ex->keep_alive_timeout = http_server_number_key(vm, server, &http_key_keep_alive_timeout);
  ex->max_requests = http_server_number_key(vm, server, &k_max_requests);
  if (ex->max_requests > 0 && head->version_major == 1 && head->version_minor == 1) {
    conn->requests++; /* Node counts only while the limit is set */
    ex->limit_reached = ex->max_requests <= conn->requests;
    ex->over_limit = ex->max_requests < conn->requests;
  }
  Value res = vm_handle_push(vm, vm_host_new(vm, &response_class, ex,
                                             vm_intrinsic(vm, INTRINSIC_HTTP_RESPONSE_PROTOTYPE)));
  Value socket = http_socket_of(vm, conn);
  if (vm_copy_fields(vm, res, response_template(vm))) {
    vm_set_key(vm, res, &k_socket, socket);
    vm_set_key(vm, res, &k_req, req);
  } else {
    define_response_fields(vm, res, socket, req);
  }
  ex->pin = vm_pin(vm, res);
  conn->current = ex;
  return res;
}

/* ==== The server object ==== */

/* A server is collected after its 'close', or when the VM is freed at exit, after the
 * loop (an uncaught error, process.exit()): then its socket and connections go too. */
static void server_free(void *data) {
  ServerState *state = data;
  if (state->net) net_server_abandon(state->net);
  while (state->conns) {
    Conn *next = state->conns->next;
    http_conn_abandon(state->conns);
    state->conns = next;
  }
  for (size_t i = 0; i < state->nunique; i++) free(state->unique[i]);
  free(state->unique);
  free(state);
}
static const VMClassDef server_class = {"Server", NULL, server_free};

/* Emits `name` (with an optional argument) on the next tick, as Node does for
 * 'listening' and 'error' after listen(). data is [emitter, name, arg?]. */
static Value emit_later(VM *vm, Value this_value, int argc, Value *argv) {
  Value emitter = argv[0], name = argv[1];
  Value r = events_emit(vm, emitter, name, argc - 2, argv + 2);
  if (r == VALUE_FALSE && argc > 2 && vm_is_error(argv[2])) return vm_throw(vm, argv[2]);
  return r;
}

static void emit_next_tick(Host *host, Value emitter, const char *name, Value arg) {
  VM *vm = host_vm(host);
  int mark = vm_handle_mark(vm);
  Value args = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, args, emitter);
  vm_array_push(vm, args, vm_string(vm, name));
  if (!value_is_undefined(arg)) vm_array_push(vm, args, arg);
  Value fn = vm_handle_push(vm, vm_native_new(vm, "emit", emit_later, 0));
  host_next_tick(host, fn, args);
  vm_handle_reset(vm, mark);
}

static Value listen_error(VM *vm, int err, int port) {
  char message[128];
  snprintf(message, sizeof message, "listen %s: %s :::%d", errno_code_name(-err),
           errno_description(-err), port);
  int mark = vm_handle_mark(vm);
  Value e = vm_handle_push(vm, vm_make_error(vm, ERR_ERROR, vm_handle_push(vm, vm_string(vm, message))));
  vm_define_str(vm, e, "code", vm_string(vm, errno_code_name(-err)), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "errno", value_from_number(err), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "syscall", vm_string(vm, "listen"), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "address", vm_string(vm, "::"), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "port", value_from_number(port), VM_ATTR_DEFAULT);
  vm_handle_reset(vm, mark);
  return e;
}

static Value server_listen(VM *vm, Value this_value, int argc, Value *argv) {
  ServerState *state = vm_host_data(vm, this_value, &server_class);
  if (!state) return vm_throw_error(vm, ERR_TYPE, "Illegal invocation");
  Value port_v = argc > 0 ? vm_to_number(vm, argv[0]) : value_from_number(0);
  if (value_is_exception(port_v)) return port_v;
  double port = value_to_number(port_v);
  if (!(port >= 0 && port < 65536) || port != (int)port)
    return vm_throw_error(vm, ERR_RANGE, "options.port should be >= 0 and < 65536. Received %s.",
                          "an invalid value");
  if (argc > 0 && vm_is_callable(argv[argc - 1])) {
    Value args[2] = {vm_string(vm, "listening"), argv[argc - 1]};
    vm_handle_push(vm, args[0]);
    Value once = vm_get_str(vm, this_value, "once");
    if (value_is_exception(vm_call(vm, once, this_value, 2, args))) return VALUE_EXCEPTION;
  }
  char *host = argc > 2 && value_is_string(argv[1]) ? vm_to_utf8(vm, argv[1], NULL) : NULL;
  int err = 0;
  state->pin = vm_pin(vm, this_value);
  state->net = net_listen(host_loop(state->host), host, (int)port, 511, http_conn_accept, state, &err);
  free(host);
  if (!state->net) {
    vm_unpin(vm, state->pin);
    state->pin = -1;
    emit_next_tick(state->host, this_value, "error", listen_error(vm, err, (int)port));
    return this_value;
  }
  state->port = net_server_port(state->net);
  double every = http_server_number(vm, this_value, "connectionsCheckingInterval");
  every = every >= 1 && every < 2147483648.0 ? every : 1; /* setInterval's clamp */
  Loop *loop = host_loop(state->host);
  state->check_timer = loop_timer_start(loop, (uint64_t)every, (uint64_t)every, http_check_connections,
                                       state);
  loop_timer_unref(loop, state->check_timer);
  vm_set_str(vm, this_value, "listening", VALUE_TRUE);
  emit_next_tick(state->host, this_value, "listening", VALUE_UNDEFINED);
  return this_value;
}

/* Node's net.Server emits 'close' (on the next tick) once the listening socket is closed
 * (close() closes it at once and clears state->net) and the last of its connections has
 * been destroyed: whichever happens last calls this. A connection counts until its
 * socket is closed, not until its close callback. */
void http_server_maybe_closed(ServerState *state) {
  if (state->net || state->pin < 0) return; /* still listening, or never listened */
  if (state->upgraded > 0) return;          /* a socket 'upgrade' took is still open */
  for (Conn *c = state->conns; c; c = c->next)
    if (!net_conn_is_closed(c->net)) return;
  VM *vm = host_vm(state->host);
  int mark = vm_handle_mark(vm);
  Value self = vm_handle_push(vm, vm_pinned(vm, state->pin));
  vm_unpin(vm, state->pin);
  state->pin = -1;
  emit_next_tick(state->host, self, "close", VALUE_UNDEFINED);
  vm_handle_reset(vm, mark);
}

/* Destroys the server's connections: all of them, or (Node's closeIdleConnections) those
 * neither receiving a request (a silent new connection counts as receiving one) nor
 * owing a response. */
static void close_connections(ServerState *state, bool all) {
  for (Conn *c = state->conns; c; c = c->next) /* net_close defers on_close: c stays */
    if (all || (!c->active && !c->current)) net_close(c->net);
  http_server_maybe_closed(state);
}

/* closeIdleConnections() (magic 0) and closeAllConnections() (magic 1). */
static Value server_close_connections(VM *vm, Value this_value, int argc, Value *argv) {
  ServerState *state = vm_host_data(vm, this_value, &server_class);
  if (!state) return vm_throw_error(vm, ERR_TYPE, "Illegal invocation");
  close_connections(state, vm_native_magic(vm) == 1);
  return VALUE_UNDEFINED;
}

/* server.setTimeout(msecs, callback): Node's, which only stores server.timeout (each
 * new connection reads it) and listens for 'timeout'. */
static Value server_set_timeout(VM *vm, Value this_value, int argc, Value *argv) {
  if (value_is_exception(vm_set_str(vm, this_value, "timeout", argc > 0 ? argv[0] : VALUE_UNDEFINED)))
    return VALUE_EXCEPTION;
  if (argc > 1 && vm_truthy(argv[1])) {
    Value args[2] = {vm_handle_push(vm, vm_string(vm, "timeout")), argv[1]};
    if (value_is_exception(vm_call(vm, vm_get_str(vm, this_value, "on"), this_value, 2, args)))
      return VALUE_EXCEPTION;
  }
  return this_value;
}

/* close(cb)'s callback on a server that was not listening: cb(ERR_SERVER_NOT_RUNNING). */
static Value call_not_running(VM *vm, Value this_value, int argc, Value *argv) {
  Value message = vm_handle_push(vm, vm_string(vm, "Server is not running."));
  Value err = vm_handle_push(vm, node_error_new(vm, ERR_ERROR, "ERR_SERVER_NOT_RUNNING", message));
  return vm_call(vm, vm_native_data(vm), VALUE_UNDEFINED, 1, &err);
}

/* server.close(cb): stop listening, close the idle connections, and 'close' once the
 * last one has gone. A server that was not listening still emits 'close' (next tick, or
 * when its connections have gone), and cb hears node's ERR_SERVER_NOT_RUNNING. */
static Value server_close(VM *vm, Value this_value, int argc, Value *argv) {
  ServerState *state = vm_host_data(vm, this_value, &server_class);
  if (!state) return vm_throw_error(vm, ERR_TYPE, "Illegal invocation");
  if (argc > 0 && vm_is_callable(argv[0])) {
    Value cb = vm_handle_push(
        vm, state->net ? argv[0] : vm_native_with_data(vm, "", call_not_running, 0, argv[0]));
    Value args[2] = {vm_handle_push(vm, vm_string(vm, "close")), cb};
    if (value_is_exception(vm_call(vm, vm_get_str(vm, this_value, "once"), this_value, 2, args)))
      return VALUE_EXCEPTION;
  }
  if (!state->net) {
    if (state->pin < 0) emit_next_tick(state->host, this_value, "close", VALUE_UNDEFINED);
    return this_value;
  }
  close_connections(state, false); /* Node 19+ closes idle keep-alive sockets */
  loop_timer_stop(host_loop(state->host), state->check_timer);
  state->check_timer = 0;
  net_server_close(state->net, NULL, NULL);
  state->net = NULL;
  http_server_maybe_closed(state);
  vm_set_str(vm, this_value, "listening", VALUE_FALSE);
  return this_value;
}

/* getConnections(cb): cb(null, count) on the next tick, as net's; the connections an
 * 'upgrade' took over count until they close. */
static Value server_get_connections(VM *vm, Value this_value, int argc, Value *argv) {
  ServerState *state = vm_host_data(vm, this_value, &server_class);
  if (!state) return vm_throw_error(vm, ERR_TYPE, "Illegal invocation");
  int count = state->upgraded;
  for (Conn *c = state->conns; c; c = c->next) count += !net_conn_is_closed(c->net);
  if (argc > 0 && vm_is_callable(argv[0])) {
    Value args = vm_handle_push(vm, vm_array_new(vm));
    vm_array_push(vm, args, VALUE_NULL);
    vm_array_push(vm, args, value_from_number(count));
    host_next_tick(host_of(vm), argv[0], args);
  }
  return this_value;
}

/* _upgradedClosed(): the net.Socket of an upgraded connection has closed (internal/http/
 * server's upgradeRequest listens); a closing server may now emit 'close'. */
static Value server_upgraded_closed(VM *vm, Value this_value, int argc, Value *argv) {
  ServerState *state = vm_host_data(vm, this_value, &server_class);
  if (!state || state->upgraded <= 0) return VALUE_UNDEFINED;
  state->upgraded--;
  http_server_maybe_closed(state);
  return VALUE_UNDEFINED;
}

static Value server_address(VM *vm, Value this_value, int argc, Value *argv) {
  ServerState *state = vm_host_data(vm, this_value, &server_class);
  if (!state || !state->net) return VALUE_NULL;
  Value a = vm_handle_push(vm, vm_object_new(vm));
  int ipv6 = net_server_family(state->net) == 6;
  vm_define_str(vm, a, "address", vm_string(vm, ipv6 ? "::" : "0.0.0.0"), VM_ATTR_DEFAULT);
  vm_define_str(vm, a, "family", vm_string(vm, ipv6 ? "IPv6" : "IPv4"), VM_ATTR_DEFAULT);
  vm_define_str(vm, a, "port", value_from_number(state->port), VM_ATTR_DEFAULT);
  return a;
}

/* ==== Server options ==== */

#define MAX_SAFE_INTEGER 9007199254740991.0

/* options[name], or undefined when options is not an object. */
static Value option(VM *vm, Value options, const char *name) {
  return value_is_object(options) ? vm_get_str(vm, options, name) : VALUE_UNDEFINED;
}

/* One integer option (Node's validateInteger(value, name, 0)), or the default. */
static Value integer_option(VM *vm, Value options, const char *name, Value fallback) {
  Value v = option(vm, options, name);
  if (value_is_exception(v) || value_is_undefined(v)) return value_is_exception(v) ? v : fallback;
  return node_validate_integer(vm, v, name, 0, MAX_SAFE_INTEGER) ? v : VALUE_EXCEPTION;
}

/* Node's validateBoolean(options[name], 'options.' + name), or the default. */
static Value boolean_option(VM *vm, Value options, const char *name, Value fallback) {
  Value v = option(vm, options, name);
  if (value_is_exception(v) || value_is_undefined(v)) return value_is_exception(v) ? v : fallback;
  if (value_is_bool(v)) return v;
  char subject[64];
  snprintf(subject, sizeof subject, "options.%s", name);
  return node_throw_arg_type(vm, subject, "of type boolean", v);
}

/* Node's validateNumber(options[name], 'options.' + name) for an option that is not
 * undefined: the number, or VALUE_UNDEFINED (absent), or VALUE_EXCEPTION. */
static Value number_option(VM *vm, Value options, const char *name) {
  Value v = option(vm, options, name);
  if (value_is_exception(v) || value_is_undefined(v) || value_is_number(v)) return v;
  char subject[64];
  snprintf(subject, sizeof subject, "options.%s", name);
  return node_throw_arg_type(vm, subject, "of type number", v);
}

/* One option, validated, becomes an own property of the server; false if it threw. */
static bool store(VM *vm, Value server, const char *name, Value v) {
  if (value_is_exception(v)) return false;
  vm_define_str(vm, server, name, v, VM_ATTR_DEFAULT);
  return true;
}

#define NUMBER(n) value_from_number(n)

/* options.insecureHTTPParser: a boolean; tinynode's parser has no lenient mode, so true
 * is refused rather than quietly parsing strictly. */
static Value insecure_parser_option(VM *vm, Value options) {
  Value v = boolean_option(vm, options, "insecureHTTPParser", VALUE_UNDEFINED);
  if (v != VALUE_TRUE) return v;
  return vm_throw_error(vm, ERR_ERROR, "http.createServer({ insecureHTTPParser: true }) is not "
                                       "supported by tinynode: its HTTP parser is always strict");
}

/* The options node's http.Server hands to net.Server: noDelay (true unless given),
 * keepAlive, keepAliveInitialDelay (in whole seconds, at least 0) and highWaterMark (the
 * default for a negative one), stored after allowHalfOpen and pauseOnConnect, which an
 * http server fixes. http_conn_accept reads them for each connection, as node's
 * onconnection does. */
static bool store_net_options(VM *vm, Value server, Value options) {
  Value no_delay = option(vm, options, "noDelay");
  Value keep_alive = option(vm, options, "keepAlive");
  Value delay = number_option(vm, options, "keepAliveInitialDelay");
  Value hwm = number_option(vm, options, "highWaterMark");
  if (value_is_exception(no_delay) || value_is_exception(keep_alive) ||
      value_is_exception(delay) || value_is_exception(hwm))
    return false;
  double seconds = value_is_number(delay) ? value_to_number(delay) / 1000 : 0;
  if (!(seconds > 0)) seconds = 0;
  if (!value_is_number(hwm) || value_to_number(hwm) < 0) hwm = NUMBER(16384);
  return store(vm, server, "allowHalfOpen", VALUE_TRUE) &&
         store(vm, server, "pauseOnConnect", VALUE_FALSE) &&
         store(vm, server, "noDelay",
               value_from_bool(value_is_nullish(no_delay) || vm_truthy(no_delay))) &&
         store(vm, server, "keepAlive", value_from_bool(vm_truthy(keep_alive))) &&
         store(vm, server, "keepAliveInitialDelay", NUMBER(http_to_int32(seconds))) &&
         store(vm, server, "highWaterMark", hwm) &&
         store(vm, server, "httpAllowHalfOpen", VALUE_FALSE);
}

/* Node's storeHTTPOptions and the Server constructor's fields: own properties of the
 * server, in Node's order, read again each time they are needed, so that assigning
 * them later works as in Node. */
static bool store_options(VM *vm, Value server, Value options) {
  if (!store(vm, server, "maxHeaderSize", integer_option(vm, options, "maxHeaderSize", VALUE_UNDEFINED)) ||
      !store(vm, server, "insecureHTTPParser", insecure_parser_option(vm, options)))
    return false;
  Value request = integer_option(vm, options, "requestTimeout", NUMBER(300000));
  if (!store(vm, server, "requestTimeout", request)) return false;
  double rq = value_to_number(request);
  Value headers = integer_option(vm, options, "headersTimeout", NUMBER(rq < 60000 ? rq : 60000));
  if (value_is_exception(headers)) return false;
  double hd = value_to_number(headers);
  if (rq > 0 && hd > 0 && hd > rq)
    return node_throw_out_of_range(vm, "headersTimeout", "<= requestTimeout", headers), false;
  return store(vm, server, "headersTimeout", headers) &&
         store(vm, server, "keepAliveTimeout",
               integer_option(vm, options, "keepAliveTimeout", NUMBER(5000))) &&
         store(vm, server, "connectionsCheckingInterval",
               integer_option(vm, options, "connectionsCheckingInterval", NUMBER(30000))) &&
         store(vm, server, "requireHostHeader",
               boolean_option(vm, options, "requireHostHeader", VALUE_TRUE)) &&
         store(vm, server, "joinDuplicateHeaders",
               boolean_option(vm, options, "joinDuplicateHeaders", VALUE_UNDEFINED)) &&
         store(vm, server, "rejectNonStandardBodyWrites",
               boolean_option(vm, options, "rejectNonStandardBodyWrites", VALUE_FALSE)) &&
         store_net_options(vm, server, options) &&
         store(vm, server, "timeout", NUMBER(0)) &&
         store(vm, server, "maxHeadersCount", VALUE_NULL) &&
         store(vm, server, "maxRequestsPerSocket", NUMBER(0));
}

/* The options lib/internal/http/server.js keeps (serverOptions: the request class, the
 * response class refused unless it is node's own, uniqueHeaders lowercased). It tells C
 * whether requests have a class of their own, and the unique names, which C keeps. */
static bool keep_js_options(VM *vm, ServerState *state, Value server, Value options) {
  Value args[2] = {server, options};
  Value kept = call_hook(vm, "serverOptions", 2, args);
  if (value_is_exception(kept)) return false;
  vm_handle_push(vm, kept);
  state->custom_request = vm_truthy(vm_get_str(vm, kept, "customRequest"));
  Value unique = vm_handle_push(vm, vm_get_str(vm, kept, "unique"));
  if (!vm_is_array(unique)) return true;
  state->nunique = vm_array_length(unique);
  state->unique = mem_calloc(state->nunique ? state->nunique : 1, sizeof *state->unique);
  for (size_t i = 0; i < state->nunique; i++)
    state->unique[i] = vm_to_utf8(vm, vm_array_get(vm, unique, (uint32_t)i), NULL);
  return true;
}

static Value create_server(VM *vm, Value this_value, int argc, Value *argv) {
  Value options = argc > 0 && value_is_object(argv[0]) && !vm_is_callable(argv[0]) ? argv[0]
                                                                                   : VALUE_UNDEFINED;
  ServerState *state = mem_calloc(1, sizeof *state);
  state->host = host_of(vm);
  state->pin = -1;
  Value server = vm_handle_push(
      vm, vm_host_new(vm, &server_class, state, vm_intrinsic(vm, INTRINSIC_HTTP_SERVER_PROTOTYPE)));
  if (!store_options(vm, server, options)) return VALUE_EXCEPTION;
  vm_define_str(vm, server, "listening", VALUE_FALSE, VM_ATTR_DEFAULT);
  Value handler = argc > 0 && vm_is_callable(argv[argc - 1]) ? argv[argc - 1] : VALUE_UNDEFINED;
  if (!value_is_undefined(handler)) {
    Value args[2] = {vm_handle_push(vm, vm_string(vm, "request")), handler};
    if (value_is_exception(vm_call(vm, vm_get_str(vm, server, "on"), server, 2, args)))
      return VALUE_EXCEPTION;
  }
  return keep_js_options(vm, state, server, options) ? server : VALUE_EXCEPTION;
}

/* ==== The module ==== */

/* Enumerable, as Node's JavaScript assigns them, with Node's lengths. */
static const VMPropDef server_methods[] = {
    VM_FN_ENUM("listen", server_listen, 0),
    VM_FN_ENUM("close", server_close, 0),
    VM_FN_ENUM("address", server_address, 0),
    VM_FN_ENUM("setTimeout", server_set_timeout, 2),
    VM_METHOD("closeAllConnections", server_close_connections, 0, 1, VM_ATTR_DEFAULT),
    VM_METHOD("closeIdleConnections", server_close_connections, 0, 0, VM_ATTR_DEFAULT),
    VM_FN_ENUM("getConnections", server_get_connections, 1),
    VM_FN("_upgradedClosed", server_upgraded_closed, 0),
    VM_PROPS_END,
};

static const VMPropDef response_methods[] = {
    VM_FN_ENUM("writeHead", res_write_head, 3),
    VM_FN_MAGIC("_setHeader", res_set_header, 2, 1),
    VM_FN_MAGIC("_appendHeader", res_set_header, 2, 0),
    VM_FN("_removeHeader", res_remove_header, 1),
    VM_FN_ENUM("flushHeaders", res_flush_headers, 0),
    VM_FN_ENUM("addTrailers", res_add_trailers, 1),
    VM_FN_ENUM("write", res_write, 3),
    VM_GETSET_MAGIC("writableLength", res_writable_state, NULL, 0),
    VM_GETSET_MAGIC("writableNeedDrain", res_writable_state, NULL, 1),
    VM_FN_ENUM("end", res_end, 3),
    VM_FN_ENUM("writeContinue", res_write_continue, 1),
    VM_FN("_writeInterim", res_write_interim, 1),
    VM_PROPS_END,
};

static const VMPropDef http_props[] = {
    VM_FN_ENUM("createServer", create_server, 2),
    VM_FN("_setHooks", set_hooks, 1),
    VM_FN("_setSocketPrototype", set_socket_prototype, 1),
    VM_PROPS_END,
};

/* The prototype of servers, requests or responses: an emitter's, with methods. */
static void make_proto(VM *vm, int which, const VMPropDef *methods) {
  Value proto = vm_handle_push(vm, vm_object_with_proto(vm, events_prototype(vm)));
  vm_define_props(vm, proto, methods);
  vm_set_intrinsic(vm, which, proto);
}

Value http_module_create(Host *host) {
  VM *vm = host_vm(host);
  vm_class_register(vm, &server_class);
  vm_class_register(vm, &response_class);
  make_proto(vm, INTRINSIC_HTTP_SERVER_PROTOTYPE, server_methods);
  make_proto(vm, INTRINSIC_HTTP_RESPONSE_PROTOTYPE, response_methods);
  http_socket_init(vm);
  vm_set_intrinsic(vm, INTRINSIC_HTTP_FINISH, vm_handle_push(vm, vm_native_new(vm, "finish", finish_later, 1)));
  vm_set_intrinsic(vm, INTRINSIC_HTTP_WRITES_DONE,
                   vm_handle_push(vm, vm_native_new(vm, "writesDone", writes_done, 1)));
  Value http = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, http, http_props);
  vm_define_str(vm, http, "_responsePrototype", vm_intrinsic(vm, INTRINSIC_HTTP_RESPONSE_PROTOTYPE),
                VM_ATTR_HIDDEN);
  vm_define_str(vm, http, "_socketPrototype", vm_intrinsic(vm, INTRINSIC_HTTP_SOCKET_PROTOTYPE),
                VM_ATTR_HIDDEN);
  vm_define_str(vm, http, "_serverPrototype", vm_intrinsic(vm, INTRINSIC_HTTP_SERVER_PROTOTYPE),
                VM_ATTR_HIDDEN);
  return http;
}
