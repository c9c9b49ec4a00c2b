/* tcp.c - internal/tcp, the native half of the net module (stdlib/node/lib/net.js):
 * listening and connected sockets of runtime/net.c as JavaScript handles.
 * Book: chapter 12, "Networking".
 *
 *   tcp_module_create   require('internal/tcp'), for built-in modules only
 *
 * A handle is an object of class TCP (node's name for its socket handles) holding one
 * Tcp. It is pinned while its socket is open, and tells its owner what happens by
 * calling its own methods, which net.js sets: onconnection(handle) on a server;
 * onconnect(status), onread(buffer, or null at the peer's end), ondrain(),
 * onerror(-errno, syscall) and onclose() on a connection. Every other entry point is a
 * function of the module taking the handle first; errors come back as negative errno
 * numbers for net.js to shape as node's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

typedef struct Tcp {
  Host *host;
  NetConn *conn;     /* a connection's, until its on_close has run */
  NetServer *server; /* a listening handle's, until closed */
  int32_t pin;       /* the handle object, while the socket is open */
} Tcp;

/* A handle is collected only once its socket has closed (it is pinned until then), or
 * when the VM is freed at exit, after the loop: then what is still open goes too. */
static void tcp_finalize(void *data) {
  Tcp *t = data;
  if (t->conn) net_conn_abandon(t->conn);
  if (t->server) net_server_abandon(t->server);
  free(t);
}

static const VMClassDef tcp_class = {"TCP", NULL, tcp_finalize};

static Value arg(int argc, Value *argv, int i) { return i < argc ? argv[i] : VALUE_UNDEFINED; }

static int int_arg(int argc, Value *argv, int i, int fallback) {
  Value v = arg(argc, argv, i);
  return value_is_number(v) ? (int)value_to_number(v) : fallback;
}

/* A new pinned handle for a Tcp (left on the handle stack). */
static Value handle_new(VM *vm, Host *host) {
  Tcp *t = mem_calloc(1, sizeof *t);
  t->host = host;
  Value h = vm_handle_push(vm, vm_host_new(vm, &tcp_class, t, vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE)));
  t->pin = vm_pin(vm, h);
  return h;
}

static Tcp *tcp_of(VM *vm, Value h) { return vm_host_data(vm, h, &tcp_class); }

/* Calls handle.name(...argv) from the loop, if the owner set it. */
static void tcp_call(Tcp *t, const char *name, int argc, Value *argv) {
  VM *vm = host_vm(t->host);
  int mark = vm_handle_mark(vm);
  Value h = vm_handle_push(vm, vm_pinned(vm, t->pin));
  Value fn = vm_handle_push(vm, vm_get_str(vm, h, name));
  if (value_is_exception(fn)) host_fatal_exception(t->host);
  else if (vm_is_callable(fn)) host_call(t->host, fn, h, argc, argv);
  vm_handle_reset(vm, mark);
}

/* ==== Connections ==== */

static void on_data(NetConn *conn, const char *buf, size_t len, void *data) {
  Tcp *t = data;
  VM *vm = host_vm(t->host);
  int mark = vm_handle_mark(vm);
  Value chunk = vm_handle_push(vm, node_buffer_from_bytes(vm, (const uint8_t *)buf, len));
  if (value_is_exception(chunk)) host_fatal_exception(t->host);
  else tcp_call(t, "onread", 1, &chunk);
  vm_handle_reset(vm, mark);
}

static void on_end(NetConn *conn, void *data) {
  Value eof = VALUE_NULL;
  tcp_call(data, "onread", 1, &eof);
}

static void on_drain(NetConn *conn, void *data) { tcp_call(data, "ondrain", 0, NULL); }

static void on_error(NetConn *conn, int err, void *data) {
  Tcp *t = data;
  VM *vm = host_vm(t->host);
  int mark = vm_handle_mark(vm);
  Value args[2] = {value_from_number(err),
                   vm_handle_push(vm, vm_string(vm, net_conn_error_syscall(conn)))};
  tcp_call(t, "onerror", 2, args);
  vm_handle_reset(vm, mark);
}

static void on_close(NetConn *conn, void *data) {
  Tcp *t = data;
  VM *vm = host_vm(t->host);
  t->conn = NULL;
  tcp_call(t, "onclose", 0, NULL);
  vm_unpin(vm, t->pin);
}

static const NetConnEvents conn_events = {on_data, on_end, on_drain, on_error, on_close};

/* From now on conn reports to t. */
static void conn_attach(Tcp *t, NetConn *conn) {
  t->conn = conn;
  net_conn_set_events(conn, &conn_events, t);
}

static void on_connect(NetConn *conn, int status, void *data) {
  Value st = value_from_number(status);
  tcp_call(data, "onconnect", 1, &st);
}

/* connect(host, port) or connect(path): a handle whose onconnect(status) follows from
 * the loop, or -errno when no socket could be made. */
static Value tcp_connect(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  if (!value_is_string(arg(argc, argv, 0))) return vm_throw_error(vm, ERR_TYPE, "connect: bad host");
  char *where = vm_to_utf8(vm, argv[0], NULL);
  int port = int_arg(argc, argv, 1, -1), err = 0;
  Value h = handle_new(vm, host);
  Tcp *t = tcp_of(vm, h);
  NetConn *conn = port < 0 ? net_connect_unix(host_loop(host), where, on_connect, t, &err)
                           : net_connect(host_loop(host), where, port, on_connect, t, &err);
  free(where);
  if (!conn) {
    vm_unpin(vm, t->pin);
    return value_from_number(err);
  }
  conn_attach(t, conn);
  return h;
}

/* open(fd): a handle over fd, a connected stream socket that is ours from now on (our
 * end of a child process's stdio pipe), or -errno. */
static Value tcp_open(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  int fd = int_arg(argc, argv, 0, -1);
  if (fd < 0) return value_from_number(-EBADF);
  NetConn *conn = net_conn_open(host_loop(host), fd);
  if (!conn) return value_from_number(-errno);
  Value h = handle_new(vm, host);
  conn_attach(tcp_of(vm, h), conn);
  return h;
}

Value tcp_handle_adopt(VM *vm, NetConn *conn) {
  Value h = handle_new(vm, host_of(vm));
  conn_attach(tcp_of(vm, h), conn);
  return h;
}

/* The open connection of handle argv[0], or NULL (a closed one does nothing). */
static NetConn *conn_arg(VM *vm, int argc, Value *argv) {
  Tcp *t = argc > 0 ? tcp_of(vm, argv[0]) : NULL;
  return t ? t->conn : NULL;
}

static Value tcp_read_start(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  if (c) net_read_start(c);
  return VALUE_UNDEFINED;
}

static Value tcp_read_stop(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  if (c) net_read_stop(c);
  return VALUE_UNDEFINED;
}

/* write(handle, bytes): the bytes still queued after it (0: all taken; ondrain follows
 * otherwise), or -errno. */
static Value tcp_write(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  const uint8_t *bytes;
  size_t len;
  if (!node_buffer_bytes(arg(argc, argv, 1), &bytes, &len))
    return vm_throw_error(vm, ERR_TYPE, "write: bad chunk");
  if (!c) return value_from_number(-EPIPE);
  int r = net_write(c, bytes, len);
  if (r >= 0) r = net_conn_pending_error(c);
  if (r < 0) return value_from_number(r);
  size_t queued = net_conn_queued(c);
  if (queued) net_conn_await_drain(c);
  return value_from_number((double)queued);
}

static Value tcp_shutdown(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  if (c) net_shutdown(c);
  return VALUE_UNDEFINED;
}

static Value tcp_close(VM *vm, Value this_value, int argc, Value *argv) {
  Tcp *t = argc > 0 ? tcp_of(vm, argv[0]) : NULL;
  if (t && t->conn) net_close(t->conn);
  if (t && t->server) {
    net_server_close(t->server, NULL, NULL);
    t->server = NULL;
    vm_unpin(vm, t->pin);
  }
  return VALUE_UNDEFINED;
}

/* reset(handle): closes with an RST instead of a FIN (SO_LINGER with no time), as
 * node's resetAndDestroy. */
static Value tcp_reset(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  if (!c) return VALUE_UNDEFINED;
  struct linger lg = {1, 0};
  setsockopt(net_conn_fd(c), SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  net_close(c);
  return VALUE_UNDEFINED;
}

static Value tcp_set_no_delay(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  if (c) net_conn_set_nodelay(c, vm_truthy(arg(argc, argv, 1)));
  return VALUE_UNDEFINED;
}

static Value tcp_set_keep_alive(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  if (c) net_conn_set_keepalive(c, vm_truthy(arg(argc, argv, 1)), int_arg(argc, argv, 2, 0));
  return VALUE_UNDEFINED;
}

/* ref(handle, on): whether the socket keeps the process alive. */
static Value tcp_ref(VM *vm, Value this_value, int argc, Value *argv) {
  Tcp *t = argc > 0 ? tcp_of(vm, argv[0]) : NULL;
  bool on = vm_truthy(arg(argc, argv, 1));
  if (t && t->conn) net_conn_set_loop_ref(t->conn, on);
  if (t && t->server) net_server_set_loop_ref(t->server, on);
  return VALUE_UNDEFINED;
}

static Value tcp_queued(VM *vm, Value this_value, int argc, Value *argv) {
  NetConn *c = conn_arg(vm, argc, argv);
  return value_from_number(c ? (double)net_conn_queued(c) : 0);
}

/* [address, port, family] (family 4, 6, or 0 for a Unix socket), or undefined. */
static Value address_triple(VM *vm, int family, const char *ip, int port) {
  if (family < 0) return VALUE_UNDEFINED;
  Value a = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, a, vm_handle_push(vm, vm_string(vm, ip)));
  vm_array_push(vm, a, value_from_number(port));
  vm_array_push(vm, a, value_from_number(family));
  return a;
}

/* address(handle, peer): the socket's own address, or its peer's. */
static Value tcp_address(VM *vm, Value this_value, int argc, Value *argv) {
  Tcp *t = argc > 0 ? tcp_of(vm, argv[0]) : NULL;
  char ip[64];
  int port = 0, family = -1;
  if (t && t->conn)
    family = vm_truthy(arg(argc, argv, 1)) ? net_conn_peer(t->conn, ip, sizeof ip, &port)
                                           : net_conn_local(t->conn, ip, sizeof ip, &port);
  else if (t && t->server)
    family = net_server_local(t->server, ip, sizeof ip, &port);
  return address_triple(vm, family, ip, port);
}

/* ==== Servers ==== */

static void on_connection(NetServer *server, NetConn *conn, void *data) {
  Tcp *t = data;
  VM *vm = host_vm(t->host);
  int mark = vm_handle_mark(vm);
  Value h = handle_new(vm, t->host);
  conn_attach(tcp_of(vm, h), conn);
  tcp_call(t, "onconnection", 1, &h);
  vm_handle_reset(vm, mark);
}

/* listen(host, port, backlog) or listen(path, -1, backlog): a handle whose
 * onconnection(handle) runs for each connection accepted, or -errno. host undefined:
 * the unspecified address. */
static Value tcp_listen(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  char *where = value_is_string(arg(argc, argv, 0)) ? vm_to_utf8(vm, argv[0], NULL) : NULL;
  int port = int_arg(argc, argv, 1, 0), backlog = int_arg(argc, argv, 2, 511), err = 0;
  Value h = handle_new(vm, host);
  Tcp *t = tcp_of(vm, h);
  Loop *loop = host_loop(host);
  t->server = port < 0 ? net_listen_unix(loop, where, backlog, on_connection, t, &err)
                       : net_listen(loop, where, port, backlog, on_connection, t, &err);
  free(where);
  if (t->server) return h;
  vm_unpin(vm, t->pin);
  return value_from_number(err);
}

/* describe(-errno): [libuv's name, its description] ("EADDRINUSE", "address already in
 * use"), for node's listen errors. */
static Value tcp_describe(VM *vm, Value this_value, int argc, Value *argv) {
  int err = -int_arg(argc, argv, 0, 0);
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, vm_handle_push(vm, vm_string(vm, errno_code_name(err))));
  vm_array_push(vm, pair, vm_handle_push(vm, vm_string(vm, errno_description(err))));
  return pair;
}

static const VMPropDef tcp_props[] = {
    VM_FN_ENUM("describe", tcp_describe, 1),
    VM_FN_ENUM("listen", tcp_listen, 3),
    VM_FN_ENUM("connect", tcp_connect, 2),
    VM_FN_ENUM("open", tcp_open, 1),
    VM_FN_ENUM("readStart", tcp_read_start, 1),
    VM_FN_ENUM("readStop", tcp_read_stop, 1),
    VM_FN_ENUM("write", tcp_write, 2),
    VM_FN_ENUM("shutdown", tcp_shutdown, 1),
    VM_FN_ENUM("close", tcp_close, 1),
    VM_FN_ENUM("reset", tcp_reset, 1),
    VM_FN_ENUM("setNoDelay", tcp_set_no_delay, 2),
    VM_FN_ENUM("setKeepAlive", tcp_set_keep_alive, 3),
    VM_FN_ENUM("ref", tcp_ref, 2),
    VM_FN_ENUM("queued", tcp_queued, 1),
    VM_FN_ENUM("address", tcp_address, 2),
    VM_PROPS_END,
};

Value tcp_module_create(Host *host) {
  VM *vm = host_vm(host);
  vm_class_register(vm, &tcp_class);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, m, tcp_props);
  return m;
}
