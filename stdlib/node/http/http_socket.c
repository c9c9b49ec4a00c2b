/* http_socket.c - a server connection as JavaScript sees it: `req.socket` and
 * `res.socket`, one object per connection, made when its first request arrives.
 * Book: chapter 12, "Networking".
 *
 *   http_socket_of      the connection's socket object (made on first use)
 *   http_socket_closed  the connection is gone: the object forgets it, hears 'close'
 *
 * Node hands the request listener a net.Socket; here the bytes stay in C (http_conn.c),
 * and the object only answers what programs ask of a server's socket: the addresses,
 * whether it is still open, destroy() and end(), setTimeout() (its clock is the
 * connection's, http_conn.c), and pause()/resume(), through which a request's reader
 * holds back the body (IncomingMessage's _read resumes it).
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

Value http_socket_of(VM *vm, Conn *conn) {
  if (conn->socket) return vm_pinned(vm, conn->socket_pin);
  HttpSocket *s = mem_calloc(1, sizeof *s);
  s->conn = conn;
  Value socket = vm_handle_push(
      vm, vm_host_new(vm, &socket_class, s, vm_intrinsic(vm, INTRINSIC_HTTP_SOCKET_PROTOTYPE)));
  conn->socket = s;
  conn->socket_pin = vm_pin(vm, socket);
  return socket;
}

void http_socket_closed(Conn *conn) {
  if (!conn->socket) return;
  VM *vm = host_vm(conn->host);
  Value socket = vm_handle_push(vm, vm_pinned(vm, conn->socket_pin));
  conn->socket->conn = NULL;
  conn->socket = NULL;
  vm_unpin(vm, conn->socket_pin);
  Value had_error = VALUE_FALSE;
  if (value_is_exception(events_emit_str(vm, socket, "close", 1, &had_error)))
    host_fatal_exception(conn->host);
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

static Value socket_destroyed(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_bool(!is_open(this_conn(vm, this_value)));
}

/* readable/writable: open, and (for writing) not yet ending. */
static Value socket_writable(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  return value_from_bool(is_open(conn) && !conn->ending);
}

static Value socket_readable(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  return value_from_bool(is_open(conn) && !conn->peer_ended);
}

/* ==== Methods ==== */

/* destroy(): closed at once, what is queued dropped; the requests hear 'aborted'. */
static Value socket_destroy(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  if (is_open(conn)) net_close(conn->net);
  return this_value;
}

/* end(): what is queued goes out, then FIN and close. */
static Value socket_end(VM *vm, Value this_value, int argc, Value *argv) {
  Conn *conn = this_conn(vm, this_value);
  if (is_open(conn) && !conn->ending) http_conn_end(conn);
  return this_value;
}

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
    VM_GETSET("destroyed", socket_destroyed, NULL),
    VM_GETSET("readable", socket_readable, NULL),
    VM_GETSET("writable", socket_writable, NULL),
    VM_FN("address", socket_address, 0),
    VM_FN("destroy", socket_destroy, 1),
    VM_FN("end", socket_end, 0),
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
