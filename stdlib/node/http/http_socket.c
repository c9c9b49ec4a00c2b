/* http_socket.c - a server connection as JavaScript sees it: `req.socket` and
 * `res.socket`, one net.Socket per connection, made when its first request arrives (or
 * at the accept, for the server's 'connection' listeners).
 * Book: chapter 12, "Networking".
 *
 *   http_socket_of       the connection's socket object (made on first use)
 *   http_socket_ended    the peer sent FIN: the socket's readable side ends
 *   http_socket_closing  the connection is closing: the stream is destroyed
 *   http_socket_closed   ... and, once the request and response have heard, 'close'
 *   http_socket_drained  the write queue emptied: a raw write's callback runs
 *
 * The object is a net.Socket: its prototype (made here) sits on net.Socket.prototype
 * (once something has loaded net; until then on a stand-in that loads it, see
 * server.js), and the whole Duplex surface is there. But a Duplex's state costs more than the rest
 * of a connection together, and most programs never look at the socket, so it is made
 * only when a program first touches it: the object starts on a prototype of
 * lib/internal/http/server.js whose accessors, one per field net.Socket's constructor
 * makes, run the constructor on first use (materialize, which calls _materialize here:
 * the socket is live from then on, and only a live socket hears the hooks below).
 * The bytes stay in C (http_conn.c) and this prototype connects the stream's hooks to
 * the connection: _write puts raw bytes on the wire, _final sends FIN, _destroy closes;
 * the addresses and byte counts are read from the connection; pause()/resume() are how
 * a request's reader holds back the body (IncomingMessage's _read resumes it), and
 * setTimeout's clock is the connection's.
 */
#include <stdlib.h>

#include "lexer/alloc.h"
#include "stdlib/node/http/http_private.h"

static void socket_free(void *data) {
  HttpSocket *s = data;
  if (s->conn) s->conn->socket = NULL;
  free(s);
}

static const VMClassDef socket_class = {"Socket", NULL, socket_free};

/* Calls socket[name](args...), or VALUE_EXCEPTION. */
static Value call_method(VM *vm, Value socket, const char *name, int argc, Value *argv) {
  Value fn = vm_get_str(vm, socket, name);
  if (value_is_exception(fn)) return fn;
  return vm_call(vm, fn, socket, argc, argv);
}

/* The socket is made on the lazy prototype, with its `server`; the first socket asks
 * server.js to make that prototype (prepareSockets). */
Value http_socket_of(VM *vm, Conn *conn) {
  if (conn->socket) return vm_pinned(vm, conn->socket_pin);
  if (!value_is_object(vm_intrinsic(vm, INTRINSIC_HTTP_SOCKET_LAZY)) &&
      !http_call_hook(vm, "prepareSockets", 0, NULL))
    return VALUE_EXCEPTION;
  HttpSocket *s = mem_calloc(1, sizeof *s);
  s->conn = conn;
  s->hwm = conn->hwm;
  Value socket = vm_handle_push(
      vm, vm_host_new(vm, &socket_class, s, vm_intrinsic(vm, INTRINSIC_HTTP_SOCKET_LAZY)));
  conn->socket = s;
  conn->socket_pin = vm_pin(vm, socket);
  vm_define_str(vm, socket, "server", vm_pinned(vm, conn->server_pin), VM_ATTR_DEFAULT);
  return socket;
}

/* Calls the server.js hook name(socket) for conn's socket, if it has a live one. */
static void socket_hook(Conn *conn, const char *name) {
  if (!conn->socket || !conn->socket->live) return;
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  Value socket = vm_handle_push(vm, vm_pinned(vm, conn->socket_pin));
  if (!http_call_hook(vm, name, 1, &socket)) host_fatal_exception(conn->host);
  vm_handle_reset(vm, mark);
}

void http_socket_ended(Conn *conn) { socket_hook(conn, "socketEnded"); }

void http_socket_detach(Conn *conn) {
  HttpSocket *s = conn->socket;
  if (!s) return;
  s->bytes_read = conn->bytes_read;
  s->bytes_written = conn->bytes_written;
  s->ended = conn->ending;
  s->conn = NULL;
}

void http_socket_closing(Conn *conn) {
  http_socket_detach(conn);
  socket_hook(conn, conn->ending ? "socketClosingEnded" : "socketClosing");
}

void http_socket_closed(Conn *conn) {
  if (!conn->socket) return;
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, vm_pinned(vm, conn->socket_pin)); /* kept while it hears 'close' */
  socket_hook(conn, "socketClosed"); /* nobody can listen to a socket not yet live */
  conn->socket = NULL; /* http_socket_closing detached it */
  vm_unpin(vm, conn->socket_pin);
  vm_handle_reset(vm, mark);
}

void http_socket_drained(Conn *conn) {
  if (!conn->socket || !conn->socket->want_drain) return;
  conn->socket->want_drain = false;
  VM *vm = host_vm(conn->host);
  int mark = vm_handle_mark(vm);
  Value socket = vm_handle_push(vm, vm_pinned(vm, conn->socket_pin));
  if (value_is_exception(call_method(vm, socket, "_ondrain", 0, NULL)))
    host_fatal_exception(conn->host);
  vm_handle_reset(vm, mark);
}

bool http_socket_tapped(const Conn *conn) { return conn->socket && conn->socket->tapped; }

void http_socket_push(VM *vm, Value socket, Value chunk) {
  if (value_is_exception(call_method(vm, socket, "push", 1, &chunk))) host_fatal_exception(host_of(vm));
}

/* The connection behind `this`, or NULL when it has closed (or `this` is no socket). */
static Conn *this_conn(VM *vm, Value this_value) {
  HttpSocket *s = vm_host_data(vm, this_value, &socket_class);
  return s ? s->conn : NULL;
}

static bool is_open(const Conn *conn) {
  return conn && !conn->closed && !net_conn_is_closed(conn->net);
}

/* ==== Addresses: remoteAddress, remotePort, remoteFamily, localAddress, ... ==== */

enum { ADDRESS, PORT, FAMILY };

/* which: the field (ADDRESS, PORT, FAMILY), plus 4 for the local end. */
static Value address_part(VM *vm, Value this_value, int which) {
  Conn *conn = this_conn(vm, this_value);
  char ip[64];
  int port = 0;
  if (!is_open(conn)) return VALUE_UNDEFINED;
  int family = which & 4 ? net_conn_local(conn->net, ip, sizeof ip, &port)
                         : net_conn_peer(conn->net, ip, sizeof ip, &port);
  if (family < 0) return VALUE_UNDEFINED;
  switch (which & 3) {
  case ADDRESS: return vm_string(vm, ip);
  case PORT: return family ? value_from_number(port) : VALUE_UNDEFINED;
  default: return family ? vm_string(vm, family == 6 ? "IPv6" : "IPv4") : VALUE_UNDEFINED;
  }
}

/* The getters; vm_native_magic says which part. */
static Value socket_address_part(VM *vm, Value this_value, int argc, Value *argv) {
  return address_part(vm, this_value, vm_native_magic(vm));
}

/* socket.address(): { address, family, port } of the local end, or {} once closed. */
static Value socket_address(VM *vm, Value this_value, int argc, Value *argv) {
  Value out = vm_handle_push(vm, vm_object_new(vm));
  if (!is_open(this_conn(vm, this_value))) return out;
  vm_define_str(vm, out, "address", address_part(vm, this_value, 4 | ADDRESS), VM_ATTR_DEFAULT);
  vm_define_str(vm, out, "family", address_part(vm, this_value, 4 | FAMILY), VM_ATTR_DEFAULT);
  vm_define_str(vm, out, "port", address_part(vm, this_value, 4 | PORT), VM_ATTR_DEFAULT);
  return out;
}

/* ==== State ==== */

/* bytesRead and bytesWritten: the connection's counts (kept once it has closed). */
static Value socket_bytes(VM *vm, Value this_value, int argc, Value *argv) {
  HttpSocket *s = vm_host_data(vm, this_value, &socket_class);
  if (!s) return VALUE_UNDEFINED;
  bool read = vm_native_magic(vm);
  double n = s->conn ? (read ? s->conn->bytes_read : s->conn->bytes_written)
                     : (read ? s->bytes_read : s->bytes_written);
  return value_from_number(n);
}

/* readableHighWaterMark and writableHighWaterMark: the server's highWaterMark, known
 * without the stream state (a request's stream asks for it, as node's IncomingMessage
 * does, and materialize gives it to the state). */
static Value socket_hwm(VM *vm, Value this_value, int argc, Value *argv) {
  HttpSocket *s = vm_host_data(vm, this_value, &socket_class);
  return s ? value_from_number(s->hwm) : VALUE_UNDEFINED;
}

/* pending: no connection behind it (node's: no handle), which is only so once closed. */
static Value socket_pending(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_bool(!is_open(this_conn(vm, this_value)));
}

/* ==== The stream's hooks, for lib/internal/http/server.js ==== */

/* _materialize(): server.js is making the stream state; the socket is live from now on.
 * Returns what has become of the connection meanwhile, as a bit set: 1 the peer sent
 * FIN, 2 the server ended it (node's socket.end()), 4 it is closed. */
static Value socket_materialize(VM *vm, Value this_value, int argc, Value *argv) {
  HttpSocket *s = vm_host_data(vm, this_value, &socket_class);
  if (!s) return value_from_number(4);
  s->live = true;
  if (!is_open(s->conn)) return value_from_number(4 | (s->ended ? 2 : 0));
  return value_from_number((s->conn->peer_ended ? 1 : 0) | (s->conn->ending ? 2 : 0));
}


/* _writeRaw(buffer): the bytes go on the wire after what is already queued (node's
 * socket.write on a server's socket). Returns how many bytes wait in the queue (then
 * _ondrain is called once it empties), or -1 when the connection is closed or ending. */
static Value socket_write_raw(VM *vm, Value this_value, int argc, Value *argv) {
  HttpSocket *s = vm_host_data(vm, this_value, &socket_class);
  Conn *conn = s ? s->conn : NULL;
  const uint8_t *bytes;
  size_t len;
  if (!is_open(conn) || conn->ending) return value_from_number(-1);
  if (argc < 1 || !node_buffer_bytes(argv[0], &bytes, &len))
    return vm_throw_error(vm, ERR_TYPE, "_writeRaw: a Buffer is expected");
  http_conn_write(conn, (const char *)bytes, len);
  size_t queued = net_conn_queued(conn->net);
  if (queued) s->want_drain = net_conn_await_drain(conn->net);
  return value_from_number((double)queued);
}

/* _shutdown(): what is queued goes out, then FIN, and then _ondrain is called; the
 * connection is still read (a server's socket allows half-open), and closes when the
 * stream is destroyed. */
static Value socket_shutdown(VM *vm, Value this_value, int argc, Value *argv) {
  HttpSocket *s = vm_host_data(vm, this_value, &socket_class);
  Conn *conn = s ? s->conn : NULL;
  if (!is_open(conn) || conn->ending) return VALUE_FALSE;
  s->want_drain = true;
  net_shutdown(conn->net);
  return VALUE_TRUE;
}

/* _close(): closed at once, what is queued dropped; the requests hear 'aborted'. */
static Value socket_close(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  if (is_open(conn)) net_close(conn->net);
  return VALUE_UNDEFINED;
}

/* _tap(): from now on the bytes the connection reads are pushed to the socket too, after
 * the parser has seen them (node unconsumes its parser for a 'data' listener). */
static Value socket_tap(VM *vm, Value this_value, int argc, Value *argv) {
  HttpSocket *s = vm_host_data(vm, this_value, &socket_class);
  if (s) s->tapped = true;
  return VALUE_UNDEFINED;
}

/* ==== Methods ==== */

/* pause()/resume(): the body's backpressure (magic 1 pauses). */
static Value socket_pause(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  if (is_open(conn)) http_conn_pause_body(conn, vm_native_magic(vm));
  return this_value;
}

static Value socket_is_paused(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  return value_from_bool(conn && conn->body_paused);
}

static Value socket_set_no_delay(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  if (is_open(conn)) net_conn_set_nodelay(conn->net, argc < 1 || vm_truthy(argv[0]));
  return this_value;
}

static Value socket_set_keep_alive(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  double delay = argc > 1 && value_is_number(argv[1]) ? value_to_number(argv[1]) : 0;
  if (is_open(conn))
    net_conn_set_keepalive(conn->net, argc > 0 && vm_truthy(argv[0]),
                           delay > 0 ? (int)(delay / 1000) : 0);
  return this_value;
}

/* _setIdle(ms): the clock behind setTimeout (lib/internal/http/server.js validates). */
static Value socket_set_idle(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  if (is_open(conn) && argc > 0 && value_is_number(argv[0]))
    http_conn_set_idle(conn, value_to_number(argv[0]));
  return this_value;
}

static const VMPropDef socket_props[] = {
    VM_GETSET_MAGIC("remoteAddress", socket_address_part, NULL, ADDRESS),
    VM_GETSET_MAGIC("remotePort", socket_address_part, NULL, PORT),
    VM_GETSET_MAGIC("remoteFamily", socket_address_part, NULL, FAMILY),
    VM_GETSET_MAGIC("localAddress", socket_address_part, NULL, 4 | ADDRESS),
    VM_GETSET_MAGIC("localPort", socket_address_part, NULL, 4 | PORT),
    VM_GETSET_MAGIC("localFamily", socket_address_part, NULL, 4 | FAMILY),
    VM_GETSET_MAGIC("bytesRead", socket_bytes, NULL, 1),
    VM_GETSET_MAGIC("bytesWritten", socket_bytes, NULL, 0),
    VM_GETSET("pending", socket_pending, NULL),
    VM_GETSET("readableHighWaterMark", socket_hwm, NULL),
    VM_GETSET("writableHighWaterMark", socket_hwm, NULL),
    VM_FN("address", socket_address, 0),
    VM_FN("_materialize", socket_materialize, 0),
    VM_FN("_writeRaw", socket_write_raw, 1),
    VM_FN("_shutdown", socket_shutdown, 0),
    VM_FN("_close", socket_close, 0),
    VM_FN("_tap", socket_tap, 0),
    VM_FN_MAGIC("pause", socket_pause, 0, 1),
    VM_FN_MAGIC("resume", socket_pause, 0, 0),
    VM_FN("isPaused", socket_is_paused, 0),
    VM_FN("setNoDelay", socket_set_no_delay, 1),
    VM_FN("setKeepAlive", socket_set_keep_alive, 2),
    VM_FN("_setIdle", socket_set_idle, 1),
    VM_PROPS_END,
};

void http_socket_init(VM *vm) {
  vm_class_register(vm, &socket_class);
  Value proto = vm_handle_push(vm, vm_object_with_proto(vm, events_prototype(vm)));
  vm_define_props(vm, proto, socket_props);
  vm_set_intrinsic(vm, INTRINSIC_HTTP_SOCKET_PROTOTYPE, proto);
}
