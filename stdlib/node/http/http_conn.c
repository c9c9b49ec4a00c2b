/* http_conn.c - one connection of the http server: parsing what arrives, calling the
 * request listeners, keep-alive, and the defences against slow and rude clients.
 * Book: chapter 12, "Networking" ("Slow clients, rude clients").
 *
 *   http_conn_accept          a new connection (the server's NetConnectionCb)
 *   http_conn_response_done   the current response ended: close, or the next request
 *   http_check_connections    Node's headersTimeout/requestTimeout check (408)
 *
 * Requests are answered in order: the parser pauses after each request until its
 * response ends, and while responses wait in the write queue beyond the high-water
 * mark. A connection is idle (keepAliveTimeout) only once its queue has drained.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexer/alloc.h"
#include "stdlib/node/http/http_private.h"

/* The names read and written on every request, their atoms kept (vm_get_key). */
static VMKey k_push = VM_KEY("push"), k_complete = VM_KEY("complete"),
             k_timeout = VM_KEY("timeout");

/* Node closes an idle keep-alive socket this long after the Keep-Alive: timeout it
 * announced, so that a client reusing the socket just in time does not meet a reset. */
#define KEEP_ALIVE_BUFFER_MS 1000
/* Unparsed input kept while a response is pending; past it the socket is not read. */
#define INPUT_HIGH_WATER_MARK 65536

/* What Node's server writes before destroying a slow connection (socketOnError). */
static const char TIMEOUT_REPLY[] = "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n";

static void process_input(Conn *conn);
static void keep_alive_start(Conn *conn);
static void keep_alive_stop(Conn *conn);

/* ==== Parser callbacks: record, pause, and let process_input call JavaScript ==== */

/* The first byte of a request arrived (or the connection opened): Node's
 * on_message_begin restarts the clock that headersTimeout and requestTimeout read. */
static void message_begins(Conn *conn) {
  conn->active = true;
  conn->headers_done = false;
  conn->message_start = loop_now(host_loop(conn->host));
}

/* server.requireHostHeader, read when a request comes without Host, as Node reads it. */
static bool requires_host(Conn *conn) {
  VM *vm = host_vm(conn->host);
  return vm_truthy(http_server_value(vm, vm_pinned(vm, conn->server_pin), "requireHostHeader"));
}

/* emitter.listenerCount(name) > 0. */
static bool has_listeners(VM *vm, Value emitter, const char *name);

/* Node's parserOnIncoming for an upgrade (or CONNECT): with a server listening for
 * 'upgrade' ('connect'), the connection leaves HTTP once the head is in; CONNECT
 * without one is destroyed; an Upgrade nobody listens for is an ordinary request.
 * True when the request was taken care of here. */
static bool wants_upgrade(Conn *conn, const HttpRequestHead *head) {
  VM *vm = host_vm(conn->host);
  bool connect = strcmp(head->method, "CONNECT") == 0;
  const char *event = connect ? "connect" : "upgrade";
  if (!has_listeners(vm, vm_pinned(vm, conn->server_pin), event)) {
    conn->connect_method = connect; /* node destroys the socket */
    return connect;
  }
  int mark = vm_handle_mark(vm);
  Value req = http_request_new(vm, conn, head);
  if (value_is_exception(req)) host_fatal_exception(conn->host);
  else conn->upgrade_pin = vm_pin(vm, req), conn->upgrade_event = event;
  vm_handle_reset(vm, mark);
  return true;
}

static int on_head(HttpParser *p, const HttpRequestHead *head, void *data) {
  Conn *conn = data;
  VM *vm = host_vm(conn->host);
  if (!conn->active) message_begins(conn);
  conn->headers_done = true;
  keep_alive_stop(conn); /* a request is in progress: the socket is not idle */
  if (head->version_major == 1 && head->version_minor == 1 && !head->has_host &&
      requires_host(conn)) {
    conn->missing_host = true; /* Node's server answers 400 to HTTP/1.1 without Host */
    return 1;
  }
  if (head->upgrade && wants_upgrade(conn, head)) return 1;
  conn->expect = head->expect && head->version_major == 1 && head->version_minor == 1;
  int mark = vm_handle_mark(vm);
  Value req = http_request_new(vm, conn, head);
  if (value_is_exception(req)) {
    host_fatal_exception(conn->host);
    vm_handle_reset(vm, mark);
    return 1;
  }
  Value res = http_response_new(vm, conn, head, req);
  conn->req_pin = vm_pin(vm, req);
  conn->res_pin = vm_pin(vm, res);
  conn->body_pin = vm_pin(vm, req);
  conn->head_pending = true;
  vm_handle_reset(vm, mark);
  return 1;
}

static int on_body(HttpParser *p, const char *bytes, size_t len, void *data) {
  Conn *conn = data;
  if (conn->body_pin >= 0) http_buf_append(&conn->body, bytes, len);
  return 0;
}

static int on_message_complete(HttpParser *p, void *data) {
  Conn *conn = data;
  conn->active = false;
  const char *trailers = http_parser_trailers(p, &conn->ntrailers);
  conn->trailers.len = 0;
  for (size_t i = 0, at = 0; i < 2 * conn->ntrailers; i++) {
    size_t n = strlen(trailers + at) + 1;
    http_buf_append(&conn->trailers, trailers + at, n);
    at += n;
  }
  if (conn->body_pin >= 0) conn->complete_pending = true;
  conn->request_complete = conn->req_pin >= 0; /* else the response ended first */
  return 1; /* pause: process_input decides whether the next request may start */
}

/* emitter.listenerCount(name), or VALUE_EXCEPTION. */
static Value listener_count(VM *vm, Value emitter, const char *name) {
  Value arg = vm_handle_push(vm, vm_string(vm, name));
  Value fn = vm_get_str(vm, emitter, "listenerCount");
  if (value_is_exception(fn)) return fn;
  return vm_call(vm, fn, emitter, 1, &arg);
}

static bool has_listeners(VM *vm, Value emitter, const char *name) {
  Value n = listener_count(vm, emitter, name);
  if (value_is_exception(n)) vm_take_exception(vm);
  return value_is_number(n) && value_to_number(n) > 0;
}

/* Node's socketOnError for a parse error or a slow request, when the server listens for
 * 'clientError': lib/internal/http/server.js makes node's error (code, the parser's
 * reason, bytesParsed and, for an error in bytes, rawPacket) and the listeners get it
 * with the socket, which is theirs to answer and end. False when nobody listens: the
 * caller replies as node's server does. */
static bool client_error(Conn *conn, const char *code, const char *reason, size_t parsed,
                         const char *raw, size_t raw_len) {
  VM *vm = host_vm(conn->host);
  if (!has_listeners(vm, vm_pinned(vm, conn->server_pin), "clientError")) return false;
  int mark = vm_handle_mark(vm);
  Value args[5] = {http_socket_of(vm, conn), VALUE_UNDEFINED, VALUE_UNDEFINED,
                   value_from_number((double)parsed), VALUE_UNDEFINED};
  if (!value_is_exception(args[0])) {
    args[1] = vm_handle_push(vm, vm_string(vm, code));
    if (reason) args[2] = vm_handle_push(vm, vm_string(vm, reason));
    if (raw) args[4] = vm_handle_push(vm, node_buffer_from_bytes(vm, (const uint8_t *)raw, raw_len));
  }
  if (value_is_exception(args[0]) || !http_call_hook(vm, "clientError", 5, args))
    host_fatal_exception(conn->host);
  vm_handle_reset(vm, mark);
  return true;
}

/* Node's parserOnIncoming for an HTTP/1.1 request: past maxRequestsPerSocket,
 * 'dropRequest' and 503; with Expect, 'checkContinue' if listened, else "100 Continue"
 * and 'request'; any other expectation gets 417 unless 'checkExpectation' is listened.
 * Otherwise 'request'. */
static Value emit_request(VM *vm, Conn *conn, Value server, Value *args) {
  const char *event = "request";
  Exchange *ex = conn->current;
  if (ex->over_limit) {
    Value drop[2] = {args[0], http_socket_of(vm, conn)};
    if (value_is_exception(events_emit_str(vm, server, "dropRequest", 2, drop)))
      return VALUE_EXCEPTION;
    return http_respond_empty(vm, args[1], 503);
  }
  if (conn->expect) {
    const char *wanted = ex->expect_continue ? "checkContinue" : "checkExpectation";
    Value n = listener_count(vm, server, wanted);
    if (value_is_exception(n)) return n;
    if (value_is_number(n) && value_to_number(n) > 0) {
      event = wanted;
    } else if (ex->expect_continue) {
      http_write_continue(ex);
    } else {
      return http_respond_empty(vm, args[1], 417);
    }
  }
  return events_emit_str(vm, server, event, 2, args);
}

/* req.push(chunk): the body's bytes for the request's reader, or null at its end. */
static Value push_body(VM *vm, Value req, Value chunk) {
  Value push = vm_get_key(vm, req, &k_push);
  if (value_is_exception(push)) return push;
  return vm_call(vm, push, req, 1, &chunk);
}

/* req.rawTrailers: the names and values kept at the message's end. */
static void set_raw_trailers(VM *vm, Conn *conn, Value req) {
  Value list = vm_handle_push(vm, vm_array_new(vm));
  for (size_t i = 0, at = 0; i < 2 * conn->ntrailers; i++) {
    const char *s = conn->trailers.data + at;
    vm_array_push(vm, list, vm_string(vm, s));
    at += strlen(s) + 1;
  }
  vm_set_str(vm, req, "rawTrailers", list);
  conn->ntrailers = 0;
}

/* The request's body so far, then (once it is complete) its trailers and its end. The
 * request hears it even after its response has ended: node then reads it to throw it
 * away. */
static Value push_pending_body(Conn *conn) {
  VM *vm = host_vm(conn->host);
  Value req = vm_handle_push(vm, vm_pinned(vm, conn->body_pin)), r = VALUE_UNDEFINED;
  if (conn->body.len) {
    Value chunk = vm_handle_push(vm, node_buffer_from_bytes(vm, (const uint8_t *)conn->body.data,
                                                            conn->body.len));
    conn->body.len = 0;
    r = push_body(vm, req, chunk);
    if (r == VALUE_FALSE) conn->body_paused = true; /* the reader's buffer is full */
  }
  if (!value_is_exception(r) && conn->complete_pending) {
    conn->complete_pending = false;
    vm_unpin(vm, conn->body_pin);
    conn->body_pin = -1;
    if (conn->ntrailers) set_raw_trailers(vm, conn, req);
    vm_set_key(vm, req, &k_complete, VALUE_TRUE);
    r = push_body(vm, req, VALUE_NULL);
  }
  return r;
}

/* Calls the 'request' listeners, then pushes the body (and its end) to the request. */
static bool dispatch(Conn *conn) {
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  Value r = VALUE_UNDEFINED;
  if (conn->head_pending && conn->req_pin >= 0) {
    Value args[2] = {vm_pinned(vm, conn->req_pin), vm_pinned(vm, conn->res_pin)};
    conn->head_pending = false;
    r = emit_request(vm, conn, vm_pinned(vm, conn->server_pin), args);
  }
  if (!value_is_exception(r) && conn->body_pin >= 0) r = push_pending_body(conn);
  vm_handle_reset(vm, mark);
  if (!value_is_exception(r)) return true;
  host_fatal_exception(conn->host);
  return false;
}

void http_conn_write(Conn *conn, const char *bytes, size_t len) {
  conn->bytes_written += (double)len;
  net_write(conn->net, bytes, len);
}

void http_conn_end(Conn *conn) {
  conn->ending = true;
  conn->keep_alive_on_drain = false;
  net_end(conn->net);
}

void http_conn_response_done(Conn *conn, bool close) {
  if (close) {
    http_conn_end(conn);
  } else {
    keep_alive_start(conn);
    process_input(conn);
  }
}

static void reject(Conn *conn, HttpError err) {
  const char *reply = http_error_response(err);
  http_conn_write(conn, reply, strlen(reply));
  http_conn_end(conn);
}

/* Node's socketOnError: the error reply goes out only if no response has started on the
 * wire, then the socket is destroyed (what is still queued is dropped). */
static void destroy_with_reply(Conn *conn, const char *reply) {
  Exchange *ex = conn->current;
  bool started = ex && ex->head_sent && ex->unsent.len == 0;
  if (!started && !conn->ending) http_conn_write(conn, reply, strlen(reply));
  net_close(conn->net);
}

/* Node's server (not its parser) refuses an HTTP/1.1 request without Host, with a
 * complete response of its own. */
static void reject_missing_host(Conn *conn) {
  char date[30], reply[160];
  http_format_date(time(NULL), date);
  snprintf(reply, sizeof reply,
           "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nDate: %s\r\n"
           "Transfer-Encoding: chunked\r\n\r\n" HTTP_LAST_CHUNK, date);
  http_conn_write(conn, reply, strlen(reply));
  http_conn_end(conn);
}

/* A parse error in what arrived (from `from` on, n bytes of it parsed): 'clientError'
 * listeners, else node's reply (after a response began, node's socketOnError). Nothing
 * more is parsed either way. */
static void parse_error(Conn *conn, HttpError err, size_t from, size_t n) {
  conn->parse_failed = true;
  if (client_error(conn, http_error_code(err), http_parser_error_reason(conn->parser), n,
                   conn->in.data + from, conn->in.len - from))
    return;
  if (conn->current)
    destroy_with_reply(conn, http_error_response(err));
  else
    reject(conn, err);
}

/* Reading stays on unless responses wait in the queue beyond the high-water mark (Node
 * pauses the socket then) or much input is parked behind a pending response. */
static void update_reading(Conn *conn) {
  if (conn->closed || conn->ending || net_conn_is_closed(conn->net)) return;
  size_t parked = conn->in.len - conn->in_pos;
  bool stop = conn->blocked || conn->body_paused ||
              (conn->current && conn->request_complete && parked > INPUT_HIGH_WATER_MARK);
  if (stop == conn->read_stopped) return;
  conn->read_stopped = stop;
  if (stop)
    net_read_stop(conn->net);
  else
    net_read_start(conn->net);
}

void http_conn_pause_body(Conn *conn, bool pause) {
  conn->body_paused = pause;
  update_reading(conn);
}

/* Whether parsing must wait: for the current response to end, or for the responses
 * already queued to drain (so unread pipelined responses cannot pile up). */
static bool must_wait(Conn *conn) {
  if (conn->current && conn->request_complete) return true;
  if (conn->current || !http_parser_idle(conn->parser)) return false; /* finish it first */
  if ((double)net_conn_queued(conn->net) < conn->hwm) return false;
  conn->blocked = net_conn_await_drain(conn->net);
  return conn->blocked;
}

static ServerState *conn_release(Conn *conn);
static void idle_stop(Conn *conn);

/* The connection leaves HTTP: its socket becomes a net.Socket (an internal/tcp handle
 * adopts the NetConn), and the server's 'upgrade' or 'connect' listeners get the
 * request, the socket and what arrived after the head. The Conn is freed. */
static void upgrade(Conn *conn) {
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  Value args[5];
  args[0] = vm_handle_push(vm, vm_pinned(vm, conn->upgrade_pin));
  vm_unpin(vm, conn->upgrade_pin);
  idle_stop(conn);
  args[1] = tcp_handle_adopt(vm, conn->net); /* conn hears nothing more from the socket */
  args[2] = vm_handle_push(vm, node_buffer_from_bytes(vm, (const uint8_t *)conn->in.data + conn->in_pos,
                                                      conn->in.len - conn->in_pos));
  args[3] = vm_handle_push(vm, vm_string(vm, conn->upgrade_event));
  args[4] = vm_handle_push(vm, vm_pinned(vm, conn->server_pin));
  if (conn->socket) { /* the requests' socket object: upgradeRequest gives it the handle */
    http_socket_detach(conn);
    vm_unpin(vm, conn->socket_pin);
    conn->socket = NULL;
  }
  ServerState *server = conn_release(conn); /* before the listeners: server.close() */
  if (server) server->upgraded++; /* until its net.Socket closes (_upgradedClosed) */
  if (!http_call_hook(vm, "upgradeRequest", 5, args)) host_fatal_exception(host_of(vm));
  vm_handle_reset(vm, mark);
  if (server) http_server_maybe_closed(server); /* a closing server waited for it */
}

//> stdlib.process-input
/* Parse what has arrived, one request at a time: a request whose response is
 * still being written holds back the next one (pipelining keeps its order). */
static void process_input(Conn *conn) {
  if (conn->processing || conn->parse_failed) return;
  conn->processing = true;
  while (!conn->closed && !conn->ending && !net_conn_is_closed(conn->net) && !must_wait(conn)) {
    size_t from = conn->in_pos;
    size_t n = http_parser_execute(conn->parser, conn->in.data + from, conn->in.len - from);
    conn->in_pos += n;
    if (!conn->active && !http_parser_idle(conn->parser)) message_begins(conn);
    HttpError err = http_parser_error(conn->parser);
    if (conn->upgrade_event) {
      upgrade(conn); /* conn is gone */
      return;
    }
    if (conn->missing_host || conn->connect_method) {
      if (conn->missing_host) reject_missing_host(conn);
      else net_close(conn->net);
      break;
    }
    if (!dispatch(conn)) break;
    if (err == HTTP_ERR_PAUSED) {
      http_parser_resume(conn->parser);
      continue;
    }
    if (err != HTTP_OK) {
      parse_error(conn, err, from, n);
      break;
    }
    if (conn->in_pos == conn->in.len) break;
  }
  if (conn->in_pos == conn->in.len) conn->in.len = conn->in_pos = 0;
  conn->processing = false;
  update_reading(conn);
}
//< stdlib.process-input

/* ==== Connections: timeouts (the idle clock, keep-alive, slow requests) ==== */

static void idle_fired(Loop *loop, void *data);

static void idle_stop(Conn *conn) {
  if (conn->idle_timer) loop_timer_stop(host_loop(conn->host), conn->idle_timer);
  conn->idle_timer = 0;
}

static void idle_arm(Conn *conn, double ms) {
  Loop *loop = host_loop(conn->host);
  conn->idle_timer = loop_timer_start(loop, (uint64_t)ms, 0, idle_fired, conn);
  loop_timer_unref(loop, conn->idle_timer); /* as Node's socket timers are */
}

void http_conn_set_idle(Conn *conn, double ms) {
  idle_stop(conn);
  conn->idle_ms = ms > 0 ? (ms < 1e12 ? ms : 1e12) : 0;
  conn->last_active = loop_now(host_loop(conn->host));
  if (conn->idle_ms > 0 && !conn->closed) idle_arm(conn, conn->idle_ms);
}

/* Activity only notes the time: the timer, when it fires, sleeps again for what is
 * left, so a busy connection costs no timer work per read or write. */
void http_conn_touch(Conn *conn) {
  conn->last_active = loop_now(host_loop(conn->host));
  if (conn->idle_ms > 0 && !conn->idle_timer && !conn->closed) idle_arm(conn, conn->idle_ms);
}

/* Node's socketOnTimeout, through the JavaScript half: 'timeout' on the request (if
 * its body is still coming), on the response and on the server; nobody listening
 * means the socket is destroyed. Then the socket's own 'timeout' listeners. */
static void timed_out(Conn *conn) {
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  Value args[4] = {http_socket_of(vm, conn), VALUE_UNDEFINED, VALUE_UNDEFINED,
                   vm_pinned(vm, conn->server_pin)};
  if (conn->req_pin >= 0) {
    args[1] = vm_pinned(vm, conn->req_pin);
    args[2] = vm_pinned(vm, conn->res_pin);
  }
  if (value_is_exception(args[0]) || !http_call_hook(vm, "socketTimeout", 4, args))
    host_fatal_exception(conn->host);
  vm_handle_reset(vm, mark);
}

static void idle_fired(Loop *loop, void *data) {
  Conn *conn = data;
  conn->idle_timer = 0;
  if (conn->closed || conn->idle_ms <= 0) return;
  double quiet = (double)(loop_now(loop) - conn->last_active);
  if (quiet < conn->idle_ms) {
    idle_arm(conn, conn->idle_ms - quiet);
    return;
  }
  timed_out(conn);
}

/* A response is done and the socket may idle: its timeout becomes keepAliveTimeout
 * (+1 s), as Node's resOnFinish sets it. The clock starts only once the response has
 * left the queue. */
static void keep_alive_start(Conn *conn) {
  conn->keep_alive_on_drain = false;
  if (conn->closed || conn->ending) return;
  if (net_conn_await_drain(conn->net)) {
    conn->keep_alive_on_drain = true;
    return;
  }
  VM *vm = host_vm(conn->host);
  double ms = http_server_number_key(vm, vm_pinned(vm, conn->server_pin), &http_key_keep_alive_timeout);
  if (!(ms > 0)) return; /* 0 (or not a number): idle sockets stay open */
  conn->keep_alive_set = true;
  http_conn_set_idle(conn, ms + KEEP_ALIVE_BUFFER_MS);
}

/* A request has begun: the socket is not idle. Node's parserOnIncoming puts back the
 * server's own timeout (server.timeout, 0 for none). */
static void keep_alive_stop(Conn *conn) {
  conn->keep_alive_on_drain = false;
  if (!conn->keep_alive_set) return;
  conn->keep_alive_set = false;
  VM *vm = host_vm(conn->host);
  http_conn_set_idle(conn, http_server_number_key(vm, vm_pinned(vm, conn->server_pin), &k_timeout));
}

/* Node's ConnectionsList.expired: a connection receiving a request is too slow if its
 * head is not complete headersTimeout ms after it began, or the whole request is not
 * complete after requestTimeout ms (0 disables either; the smaller one is the head's). */
static bool request_expired(const Conn *conn, uint64_t now, double head_ms, double request_ms) {
  if (!conn->active || conn->closed || conn->ending) return false;
  double age = (double)(now - conn->message_start);
  return (!conn->headers_done && head_ms > 0 && age > head_ms) ||
         (request_ms > 0 && age > request_ms);
}

//> stdlib.http-check-connections
/* Every connectionsCheckingInterval: slow requests get Node's 408 and are closed. */
void http_check_connections(Loop *loop, void *data) {
  ServerState *state = data;
  VM *vm = host_vm(state->host);
  Value server = vm_pinned(vm, state->pin);
  double head_ms = http_server_number(vm, server, "headersTimeout");
  double request_ms = http_server_number(vm, server, "requestTimeout");
  if (request_ms > 0 && head_ms > request_ms) {
    double t = head_ms;
    head_ms = request_ms, request_ms = t;
  }
  uint64_t now = loop_update_time(loop);
  for (Conn *c = state->conns; c; c = c->next) {
    if (!request_expired(c, now, head_ms, request_ms)) continue;
    c->active = false;
    if (!client_error(c, "ERR_HTTP_REQUEST_TIMEOUT", NULL, 0, NULL, 0))
      destroy_with_reply(c, TIMEOUT_REPLY); /* on_close tells the request it was aborted */
  }
}
//< stdlib.http-check-connections

/* ==== Connections: events ==== */

/* With a 'data' listener on the socket, the listener hears what was read after the
 * parser has (node's own socketOnData listener comes first). The Buffer is made before
 * parsing, since an upgrade frees conn. */
static void process_tapped(Conn *conn, const char *buf, size_t len) {
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  HttpSocket *s = conn->socket; /* lives while the object is on the handle stack */
  Value socket = vm_handle_push(vm, vm_pinned(vm, conn->socket_pin));
  Value chunk = vm_handle_push(vm, node_buffer_from_bytes(vm, (const uint8_t *)buf, len));
  process_input(conn);
  if (s->conn) http_socket_push(vm, socket, chunk);
  vm_handle_reset(vm, mark);
}

static void on_data(NetConn *net, const char *buf, size_t len, void *data) {
  Conn *conn = data;
  conn->bytes_read += (double)len;
  http_conn_touch(conn);
  http_buf_append(&conn->in, buf, len);
  if (http_socket_tapped(conn))
    process_tapped(conn, buf, len);
  else
    process_input(conn);
}

/* The queue is empty: 'drain' for a response that asked, the idle clock, parsing. */
static void on_drain(NetConn *net, void *data) {
  Conn *conn = data;
  VM *vm = host_vm(conn->host);
  conn->blocked = false;
  http_socket_drained(conn);
  if (conn->closed) return;
  Exchange *ex = conn->current;
  if (ex && !ex->flight_ticks) ex->in_flight = 0; /* the writes have completed */
  if (ex && ex->conn && ex->want_drain && ex->pin >= 0 && !ex->flight_ticks) {
    ex->want_drain = false;
    Value res = vm_handle_push(vm, vm_pinned(vm, ex->pin));
    if (value_is_exception(events_emit_str(vm, res, "drain", 0, NULL))) {
      host_fatal_exception(conn->host);
      return;
    }
  }
  if (conn->keep_alive_on_drain && !conn->current) keep_alive_start(conn);
  process_input(conn);
}

/* Node's abortIncoming: req.destroy() with ECONNRESET "aborted" (IncomingMessage's
 * _destroy emits 'aborted' if the body was not all read, then 'error' if listened, and
 * 'close'), and the response's 'close'. */
static void abort_request(Conn *conn) {
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  Value args[2] = {vm_handle_push(vm, vm_pinned(vm, conn->req_pin)),
                   vm_handle_push(vm, vm_pinned(vm, conn->res_pin))};
  if (!http_call_hook(vm, "abortRequest", 2, args)) host_fatal_exception(conn->host);
  vm_handle_reset(vm, mark);
}

//> stdlib.http-peer-end
/* The peer will send nothing more (node's socketOnEnd): the socket's readable side
 * ends. In the middle of a request that is an error (node answers 400 and destroys the
 * socket); otherwise the connection ends, and a response still pending is dropped: its
 * request is aborted when the socket closes (abort_current), as node's socketOnClose. */
static void on_end(NetConn *net, void *data) {
  Conn *conn = data;
  conn->peer_ended = true;
  http_socket_ended(conn);
  if (conn->ending) return;
  if (!conn->parse_failed && http_parser_finish(conn->parser) != HTTP_OK) {
    conn->parse_failed = true;
    if (!client_error(conn, "HPE_INVALID_EOF_STATE", "Invalid EOF state", 0, NULL, 0))
      destroy_with_reply(conn, http_error_response(HTTP_ERR_INVALID_EOF_STATE));
    return;
  }
  if (conn->current) conn->current->dropped = true; /* its writes go nowhere from now on */
  http_conn_end(conn);
}
//< stdlib.http-peer-end

static void unlink_conn(Conn *conn) {
  for (Conn **p = &conn->server->conns; *p; p = &(*p)->next)
    if (*p == conn) {
      *p = conn->next;
      return;
    }
}

/* The socket closed before the current response ended. */
static void abort_current(Conn *conn) {
  conn->current->conn = NULL;
  if (conn->req_pin >= 0) abort_request(conn);
}

static void conn_free(Conn *conn) {
  if (conn->socket) conn->socket->conn = NULL;
  http_parser_free(conn->parser);
  http_buf_free(&conn->in);
  http_buf_free(&conn->body);
  http_buf_free(&conn->trailers);
  free(conn);
}

/* The Conn leaves its server and is freed. Returns the server (NULL at exit), which the
 * caller tells once it is done (http_server_maybe_closed). */
static ServerState *conn_release(Conn *conn) {
  ServerState *server = conn->server;
  vm_unpin(host_vm(conn->host), conn->server_pin);
  if (server) unlink_conn(conn);
  conn_free(conn);
  return server;
}

void http_conn_abandon(Conn *conn) {
  net_conn_abandon(conn->net);
  conn_free(conn);
}

static void on_close(NetConn *net, void *data) {
  Conn *conn = data;
  VM *vm = host_vm(conn->host);
  conn->closed = true;
  idle_stop(conn);
  http_socket_closing(conn);
  if (conn->current) {
    abort_current(conn);
    if (conn->current->pin >= 0) vm_unpin(vm, conn->current->pin);
    conn->current->pin = -1;
  }
  http_conn_unpin_exchange(vm, conn);
  if (conn->body_pin >= 0) vm_unpin(vm, conn->body_pin);
  if (conn->upgrade_pin >= 0) vm_unpin(vm, conn->upgrade_pin);
  http_socket_closed(conn);
  ServerState *server = conn_release(conn);
  if (server) http_server_maybe_closed(server);
}

static void on_error(NetConn *net, int err, void *data) { /* on_close follows */ }

/* JavaScript's `count << 1`: ToInt32, then a shift that wraps as an int32 does. */
static int32_t doubled(double count) {
  return (int32_t)((uint32_t)http_to_int32(count) << 1);
}

/* What node's net.Server (onconnection) and connectionListener read from the server for
 * each new connection: the socket's options, the head-size limit, how many headers a
 * request keeps, whether repeated headers join, and the socket's timeout. */
static void configure(Conn *conn, Value server) {
  VM *vm = host_vm(conn->host);
  net_conn_set_nodelay(conn->net, vm_truthy(http_server_value(vm, server, "noDelay")));
  if (vm_truthy(http_server_value(vm, server, "keepAlive")))
    net_conn_set_keepalive(conn->net, true, (int)http_server_number(vm, server, "keepAliveInitialDelay"));
  conn->hwm = http_server_number(vm, server, "highWaterMark");
  double size = http_server_number(vm, server, "maxHeaderSize");
  if (size >= 1) http_parser_set_max_header_size(conn->parser, size < 1e15 ? (size_t)size : (size_t)1e15);
  conn->max_header_pairs = 2000; /* Node's MAX_HEADER_PAIRS */
  Value count = http_server_value(vm, server, "maxHeadersCount");
  if (value_is_number(count)) conn->max_header_pairs = doubled(value_to_number(count));
  conn->join_duplicates = http_server_value(vm, server, "joinDuplicateHeaders") == VALUE_TRUE;
  double timeout = http_server_number(vm, server, "timeout");
  if (timeout > 0) http_conn_set_idle(conn, timeout);
}

/* The server's 'connection' listeners get the socket before anything is read (only
 * then is the socket made at the accept). */
static void emit_connection(Conn *conn) {
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  Value socket = http_socket_of(vm, conn);
  Value server = vm_pinned(vm, conn->server_pin);
  if (value_is_exception(socket) ||
      value_is_exception(events_emit_str(vm, server, "connection", 1, &socket)))
    host_fatal_exception(conn->host);
  vm_handle_reset(vm, mark);
}

void http_conn_accept(NetServer *server, NetConn *net, void *data) {
  ServerState *state = data;
  Conn *conn = mem_calloc(1, sizeof *conn);
  conn->server = state;
  conn->host = state->host;
  conn->net = net;
  conn->req_pin = conn->res_pin = conn->body_pin = conn->upgrade_pin = -1;
  VM *vm = host_vm(state->host);
  Value server_object = vm_pinned(vm, state->pin);
  conn->server_pin = vm_pin(vm, server_object);
  HttpParserCallbacks callbacks = {on_head, on_body, on_message_complete};
  conn->parser = http_parser_new(&callbacks, conn);
  configure(conn, server_object);
  conn->next = state->conns;
  state->conns = conn;
  message_begins(conn); /* a silent connection counts against headersTimeout */
  NetConnEvents events = {.on_data = on_data, .on_end = on_end, .on_drain = on_drain,
                          .on_error = on_error, .on_close = on_close};
  net_conn_set_events(net, &events, conn);
  net_read_start(net);
  if (has_listeners(vm, server_object, "connection")) emit_connection(conn);
}


/* The current exchange's request and response are no longer the connection's to keep. */
void http_conn_unpin_exchange(VM *vm, Conn *conn) {
  if (conn->req_pin >= 0) vm_unpin(vm, conn->req_pin);
  if (conn->res_pin >= 0) vm_unpin(vm, conn->res_pin);
  conn->req_pin = conn->res_pin = -1;
}
