/* net.c - non-blocking TCP: listening servers, accepted and outgoing connections, a
 * copying write queue with Node's backpressure rule. Book: chapter 12, "Networking".
 *
 * Entry points: net_listen / net_server_close, net_connect, net_read_start/stop,
 * net_write, net_end, net_close, and the lifetime pair net_conn_retain/release.
 * Every fd is watched through the loop (loop_watch_fd) and closed exactly once, in
 * server_close_fd or conn_close_fd. Contracts are in runtime/runtime.h.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "runtime/loop_private.h"

#define ACCEPTS_PER_WAKEUP 64 /* then let other fds have a turn */
#define READS_PER_WAKEUP 16
#define READ_CHUNK 65536
#define EMFILE_RETRY_MS 100

/* One copied write that the kernel has not fully taken yet. */
typedef struct WriteChunk {
  struct WriteChunk *next;
  size_t len, off; /* bytes [off, len) are still to send */
  char bytes[];
} WriteChunk;

struct NetServer {
  Loop *loop;
  int fd;
  int port, family;
  int spare_fd; /* held open so EMFILE can be handled by accepting and dropping */
  NetConnectionCb cb;
  void *data;
  bool loop_ref, closed;
  TimerId retry; /* accept paused after EMFILE with no spare fd */
  char *path;    /* a Unix socket's, unlinked at close as libuv does */
  LoopCallback on_closed;
  void *closed_data;
};

struct NetConn {
  Loop *loop;
  int fd;
  int refs; /* 1 while open (until on_close has run) + one per net_conn_retain */
  NetConnEvents ev;
  void *data;
  WriteChunk *head, *tail;
  size_t queued;
  NetConnectCb on_connect;
  void *connect_data;
  int deferred_err; /* an error waiting for the pending phase */
  const char *err_syscall; /* "read" or "write": where the reported error came from */
  bool reading, connecting, ending, closed, eof, need_drain, loop_ref;
  bool half_close, shut; /* net_shutdown: FIN once drained, but keep reading / sent */
  bool holding;          /* this connection holds a loop reference now (conn_update_ref) */
  bool error_scheduled;
};

/* ==== Small helpers ==== */

static int set_nonblocking(int fd) {
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) return -errno;
  if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) return -errno;
  return 0;
}

/* Formats a socket address as Node does (numeric, no brackets); returns 4, 6, 0 for a
 * Unix socket (ip empty, port 0) or -errno. */
static int format_addr(const struct sockaddr_storage *ss, char *ip, size_t iplen, int *port) {
  if (ss->ss_family == AF_UNIX) {
    ip[0] = 0;
    *port = 0;
    return 0;
  }
  if (ss->ss_family == AF_INET) {
    const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
    if (!inet_ntop(AF_INET, &in->sin_addr, ip, (socklen_t)iplen)) return -errno;
    *port = ntohs(in->sin_port);
    return 4;
  }
  if (ss->ss_family == AF_INET6) {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
    if (!inet_ntop(AF_INET6, &in6->sin6_addr, ip, (socklen_t)iplen)) return -errno;
    *port = ntohs(in6->sin6_port);
    return 6;
  }
  return -EAFNOSUPPORT;
}

/* Resolves host:port; returns 0 or NET_ENOTFOUND / -errno. The caller frees *out. */
static int resolve(const char *host, int port, bool passive, struct addrinfo **out) {
  char service[16];
  snprintf(service, sizeof service, "%d", port);
  struct addrinfo hints = {0};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0);
  int rc = getaddrinfo(host, service, &hints, out);
  if (rc == 0) return 0;
  if (rc == EAI_SYSTEM) return -errno;
  if (rc == EAI_MEMORY) return -ENOMEM;
  return NET_ENOTFOUND;
}

/* ==== Servers ==== */

/* Creates a non-blocking socket bound to addr and listening; returns the fd or -errno. */
static int listen_on(const struct sockaddr *addr, socklen_t len, int backlog) {
  int fd = socket(addr->sa_family, SOCK_STREAM, 0);
  if (fd < 0) return -errno;
  int one = 1, zero = 0, err = 0;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  /* Like Node, "::" also accepts IPv4 clients (dual stack). */
  if (addr->sa_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
  if ((err = set_nonblocking(fd)) < 0 || bind(fd, addr, len) < 0 || listen(fd, backlog) < 0) {
    if (!err) err = -errno;
    close(fd);
    return err;
  }
  return fd;
}

/* Listens on the unspecified address: "::" if the host has IPv6, else 0.0.0.0. */
static int listen_any(int port, int backlog) {
  struct sockaddr_in6 in6 = {0};
  in6.sin6_family = AF_INET6;
  in6.sin6_addr = in6addr_any;
  in6.sin6_port = htons((uint16_t)port);
  int fd = listen_on((struct sockaddr *)&in6, sizeof in6, backlog);
  if (fd != -EAFNOSUPPORT && fd != -EADDRNOTAVAIL) return fd;
  struct sockaddr_in in = {0};
  in.sin_family = AF_INET;
  in.sin_addr.s_addr = htonl(INADDR_ANY);
  in.sin_port = htons((uint16_t)port);
  return listen_on((struct sockaddr *)&in, sizeof in, backlog);
}

/* Listens on the first address of host that works; returns the fd or an error. */
static int listen_host(const char *host, int port, int backlog) {
  struct addrinfo *list;
  int err = resolve(host, port, true, &list);
  if (err < 0) return err;
  for (struct addrinfo *ai = list; ai; ai = ai->ai_next) {
    err = listen_on(ai->ai_addr, ai->ai_addrlen, backlog);
    if (err >= 0) break;
  }
  freeaddrinfo(list);
  return err;
}

static void server_on_readable(Loop *loop, int fd, int revents, void *data);

static void server_watch(NetServer *s) {
  loop_watch_fd(s->loop, s->fd, LOOP_READABLE, server_on_readable, s);
}

static NetServer *server_new(Loop *loop, int fd, NetConnectionCb cb, void *data, int *err_out);

NetServer *net_listen(Loop *loop, const char *host, int port, int backlog, NetConnectionCb cb,
                      void *data, int *err_out) {
  int fd = host ? listen_host(host, port, backlog) : listen_any(port, backlog);
  return server_new(loop, fd, cb, data, err_out);
}

/* A Unix socket address for path; -ENAMETOOLONG if it does not fit. */
static int unix_addr(const char *path, struct sockaddr_un *un) {
  memset(un, 0, sizeof *un);
  un->sun_family = AF_UNIX;
  if (strlen(path) >= sizeof un->sun_path) return -ENAMETOOLONG;
  strcpy(un->sun_path, path);
  return 0;
}

NetServer *net_listen_unix(Loop *loop, const char *path, int backlog, NetConnectionCb cb,
                           void *data, int *err_out) {
  struct sockaddr_un un;
  int fd = unix_addr(path, &un);
  if (fd == 0) {
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) fd = -errno;
  }
  if (fd >= 0) {
    int err = set_nonblocking(fd);
    if (!err && (bind(fd, (struct sockaddr *)&un, sizeof un) < 0 || listen(fd, backlog) < 0))
      err = -errno;
    if (err) close(fd), fd = err;
  }
  NetServer *s = server_new(loop, fd, cb, data, err_out);
  if (s) s->path = mem_strdup(path);
  return s;
}

static NetServer *server_new(Loop *loop, int fd, NetConnectionCb cb, void *data, int *err_out) {
  if (fd < 0) {
    if (err_out) *err_out = fd;
    return NULL;
  }
  NetServer *s = mem_calloc(1, sizeof *s);
  *s = (NetServer){.loop = loop, .fd = fd, .cb = cb, .data = data, .loop_ref = true};
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  char ip[64];
  if (getsockname(fd, (struct sockaddr *)&ss, &len) == 0)
    s->family = format_addr(&ss, ip, sizeof ip, &s->port);
  s->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  server_watch(s);
  loop_ref(loop);
  if (err_out) *err_out = 0;
  return s;
}

int net_server_port(const NetServer *server) { return server->port; }

int net_server_local(const NetServer *s, char *ip, size_t iplen, int *port) {
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  if (s->closed) return -EBADF;
  if (getsockname(s->fd, (struct sockaddr *)&ss, &len) < 0) return -errno;
  return format_addr(&ss, ip, iplen, port);
}
int net_server_family(const NetServer *server) { return server->family; }

void net_server_set_loop_ref(NetServer *s, bool ref) {
  if (s->closed || s->loop_ref == ref) return;
  s->loop_ref = ref;
  if (ref)
    loop_ref(s->loop);
  else
    loop_unref(s->loop);
}

static NetConn *conn_new(Loop *loop, int fd);

/* EMFILE: no fd is left for the pending connection. Give the spare fd back, accept and
 * drop the connection (the client sees a reset, not a hang), then take the spare again.
 * Without a spare, stop accepting for a moment instead of spinning on readiness. */
static void resume_accepting(Loop *loop, void *data) {
  NetServer *s = data;
  s->retry = 0;
  if (!s->closed) server_watch(s);
}

static void shed_connection(NetServer *s) {
  if (s->spare_fd >= 0) {
    close(s->spare_fd);
    int fd = accept(s->fd, NULL, NULL);
    if (fd >= 0) close(fd);
    s->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (s->spare_fd >= 0) return;
  }
  loop_unwatch_fd(s->loop, s->fd);
  s->retry = loop_timer_start(s->loop, EMFILE_RETRY_MS, 0, resume_accepting, s);
  loop_timer_unref(s->loop, s->retry);
}

//> runtime.accept-loop
/* The listening socket is readable: accept until the kernel's queue is empty (or a fair
 * share is taken), handing each connection to the server's callback. */
static void server_on_readable(Loop *loop, int lfd, int revents, void *data) {
  NetServer *s = data;
  for (int i = 0; i < ACCEPTS_PER_WAKEUP && !s->closed; i++) {
    int fd = accept(lfd, NULL, NULL);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE) shed_connection(s);
      return; /* EAGAIN: drained; anything else: try again on the next readiness */
    }
    if (set_nonblocking(fd) < 0) {
      close(fd);
      continue;
    }
    NetConn *conn = conn_new(loop, fd);
    s->cb(s, conn, s->data);
    loop_after_callback(loop);
  }
}
//< runtime.accept-loop

static void server_closed(Loop *loop, void *data) {
  NetServer *s = data;
  if (s->on_closed) s->on_closed(loop, s->closed_data);
  free(s);
}

void net_server_close(NetServer *s, LoopCallback on_closed, void *data) {
  if (s->closed) return;
  s->closed = true;
  loop_unwatch_fd(s->loop, s->fd);
  close(s->fd);
  s->fd = -1;
  if (s->spare_fd >= 0) close(s->spare_fd);
  s->spare_fd = -1;
  if (s->retry) loop_timer_stop(s->loop, s->retry);
  if (s->path) unlink(s->path);
  free(s->path);
  s->path = NULL;
  if (s->loop_ref) loop_unref(s->loop);
  s->on_closed = on_closed;
  s->closed_data = data;
  loop_defer_close(s->loop, server_closed, s);
}

/* ==== Connections: lifetime ==== */

static void conn_on_io(Loop *loop, int fd, int revents, void *data);

static NetConn *conn_new(Loop *loop, int fd) {
  NetConn *c = mem_calloc(1, sizeof *c);
  c->loop = loop;
  c->fd = fd;
  c->refs = 1;
  c->loop_ref = true;
  loop_watch_fd(loop, fd, 0, conn_on_io, c);
  return c;
}

/* As a libuv handle, a connection keeps the process alive only while it is active:
 * reading, connecting, or with writes or a FIN still to send (and not unref'd). */
static void conn_update_ref(NetConn *c) {
  bool want = c->loop_ref && !c->closed &&
              ((c->reading && !c->eof) || c->connecting || c->queued > 0 || (c->ending && !c->shut));
  if (want == c->holding) return;
  c->holding = want;
  if (want)
    loop_ref(c->loop);
  else
    loop_unref(c->loop);
}

/* Re-derives what the loop should watch: reads if reading, writes while data waits. */
static void conn_update_watch(NetConn *c) {
  conn_update_ref(c);
  if (c->closed) return;
  int events = 0;
  if (c->reading && !c->eof && !c->connecting) events |= LOOP_READABLE;
  if (c->connecting || c->queued > 0) events |= LOOP_WRITABLE;
  loop_watch_fd(c->loop, c->fd, events, conn_on_io, c);
}

NetConn *net_conn_open(Loop *loop, int fd) {
  if (set_nonblocking(fd) < 0) return NULL;
  return conn_new(loop, fd);
}

void net_conn_retain(NetConn *c) { c->refs++; }

void net_conn_release(NetConn *c) {
  if (c->refs <= 0) runtime_panic("net_conn_release: released more often than retained");
  if (--c->refs == 0) free(c);
}

static void queue_free(NetConn *c) {
  WriteChunk *w = c->head;
  while (w) {
    WriteChunk *next = w->next;
    free(w);
    w = next;
  }
  c->head = c->tail = NULL;
  c->queued = 0;
}

static void conn_closed(Loop *loop, void *data) {
  NetConn *c = data;
  if (c->ev.on_close) c->ev.on_close(c, c->data);
  net_conn_release(c); /* the "open" reference */
}

void net_close(NetConn *c) {
  if (c->closed) return;
  c->closed = true;
  loop_unwatch_fd(c->loop, c->fd);
  close(c->fd);
  c->fd = -1;
  queue_free(c);
  conn_update_ref(c);
  loop_defer_close(c->loop, conn_closed, c);
}

void net_conn_abandon(NetConn *c) {
  if (!c->closed) close(c->fd);
  queue_free(c);
  free(c);
}

void net_server_abandon(NetServer *s) {
  if (!s->closed) close(s->fd);
  if (s->spare_fd >= 0) close(s->spare_fd);
  free(s->path);
  free(s);
}

bool net_conn_is_closed(const NetConn *c) { return c->closed; }
int net_conn_fd(const NetConn *c) { return c->closed ? -1 : c->fd; }
size_t net_conn_queued(const NetConn *c) { return c->queued; }

void net_conn_set_loop_ref(NetConn *c, bool ref) {
  c->loop_ref = ref;
  conn_update_ref(c);
}

void net_conn_set_events(NetConn *c, const NetConnEvents *events, void *data) {
  c->ev = *events;
  c->data = data;
}

void net_conn_set_nodelay(NetConn *c, bool nodelay) {
  int on = nodelay ? 1 : 0;
  if (!c->closed) setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

void net_conn_set_keepalive(NetConn *c, bool enable, int delay_s) {
  int on = enable ? 1 : 0;
  if (c->closed) return;
  setsockopt(c->fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
  if (enable && delay_s > 0) setsockopt(c->fd, IPPROTO_TCP, TCP_KEEPIDLE, &delay_s, sizeof delay_s);
}

static int conn_addr(const NetConn *c, bool peer, char *ip, size_t iplen, int *port) {
  if (c->closed) return -EBADF;
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  int rc = peer ? getpeername(c->fd, (struct sockaddr *)&ss, &len)
                : getsockname(c->fd, (struct sockaddr *)&ss, &len);
  if (rc < 0) return -errno;
  return format_addr(&ss, ip, iplen, port);
}

int net_conn_peer(const NetConn *c, char *ip, size_t iplen, int *port) {
  return conn_addr(c, true, ip, iplen, port);
}

int net_conn_local(const NetConn *c, char *ip, size_t iplen, int *port) {
  return conn_addr(c, false, ip, iplen, port);
}

/* Reports err through on_error, then closes: Node's 'error' followed by 'close'. */
static void conn_fail(NetConn *c, int err) {
  if (c->closed) return;
  if (c->ev.on_error) c->ev.on_error(c, err, c->data);
  net_close(c);
}

static void deferred_fail(Loop *loop, void *data) {
  NetConn *c = data;
  c->error_scheduled = false;
  conn_fail(c, c->deferred_err);
  net_conn_release(c);
}

/* Reports err from the pending phase: the caller may be deep inside user code. */
static void conn_fail_later(NetConn *c, int err) {
  if (c->error_scheduled || c->closed) return;
  c->error_scheduled = true;
  c->deferred_err = err;
  net_conn_retain(c);
  loop_defer_pending(c->loop, deferred_fail, c);
}

/* ==== Connections: reading ==== */

void net_read_start(NetConn *c) {
  c->reading = true;
  conn_update_watch(c);
}

void net_read_stop(NetConn *c) {
  c->reading = false;
  conn_update_watch(c);
}

/* The socket is readable: deliver what arrived, EOF, or the error. */
static void conn_read(NetConn *c) {
  char buf[READ_CHUNK];
  for (int i = 0; i < READS_PER_WAKEUP && c->reading && !c->closed && !c->eof; i++) {
    ssize_t n = recv(c->fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    if (n < 0) {
      c->err_syscall = "read";
      conn_fail(c, -errno);
      return;
    }
    if (i > 0) loop_after_callback(c->loop); /* between two user callbacks, as Node does */
    if (n == 0) {
      c->eof = true;
      conn_update_watch(c);
      if (c->ev.on_end) c->ev.on_end(c, c->data);
      return;
    }
    if (c->ev.on_data) c->ev.on_data(c, buf, (size_t)n, c->data);
    if ((size_t)n < sizeof buf) return; /* drained (libuv's partial read): no EAGAIN recv */
  }
}

/* ==== Connections: writing ==== */

/* Sends from buf without blocking; returns bytes sent (maybe 0) or -errno. */
static ssize_t send_some(int fd, const char *buf, size_t len) {
  for (;;) {
    ssize_t n = send(fd, buf, len, MSG_NOSIGNAL); /* EPIPE as an error, never SIGPIPE */
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
    return -errno;
  }
}

static void queue_append(NetConn *c, const char *buf, size_t len) {
  WriteChunk *w = mem_alloc(sizeof *w + len);
  w->next = NULL;
  w->len = len;
  w->off = 0;
  memcpy(w->bytes, buf, len);
  if (c->tail)
    c->tail->next = w;
  else
    c->head = w;
  c->tail = w;
  c->queued += len;
}

/* Hands queued chunks to the kernel until it pushes back; returns 0 or -errno. */
static int queue_flush(NetConn *c) {
  while (c->head) {
    WriteChunk *w = c->head;
    ssize_t n = send_some(c->fd, w->bytes + w->off, w->len - w->off);
    if (n < 0) return (int)n;
    if (n == 0) return 0;
    w->off += (size_t)n;
    c->queued -= (size_t)n;
    if (w->off < w->len) return 0;
    c->head = w->next;
    if (!c->head) c->tail = NULL;
    free(w);
  }
  return 0;
}

/* The graceful end: no more data will follow (FIN), then the fd is closed. */
static void conn_finish_end(NetConn *c) {
  shutdown(c->fd, SHUT_WR);
  if (!c->half_close) {
    net_close(c);
    return;
  }
  c->shut = true; /* net_shutdown: the peer may still send */
  conn_update_watch(c);
  if (c->ev.on_drain) c->ev.on_drain(c, c->data);
}

//> runtime.net-write
int net_write(NetConn *c, const void *buf, size_t len) {
  if (c->closed || c->ending) return -EPIPE;
  /* Node's answer counts the chunk as buffered before any of it is written. */
  int below = c->queued + len < NET_HIGH_WATER_MARK;
  size_t sent = 0;
  if (!c->head && !c->connecting && !c->error_scheduled) {
    ssize_t n = send_some(c->fd, buf, len);
    if (n < 0) {
      c->err_syscall = "write";
      conn_fail_later(c, (int)n);
      return below;
    }
    sent = (size_t)n;
  }
  if (sent < len) queue_append(c, (const char *)buf + sent, len - sent);
  if (!below && c->queued > 0) c->need_drain = true;
  conn_update_watch(c);
  return below;
}
//< runtime.net-write

/* The socket is writable: flush, then report drain or finish a pending end. */
static void conn_on_writable(NetConn *c) {
  int err = queue_flush(c);
  if (err < 0) {
    c->err_syscall = "write";
    conn_fail(c, err);
    return;
  }
  conn_update_watch(c);
  if (c->queued > 0) return;
  if (c->ending && !c->shut) {
    conn_finish_end(c);
    return;
  }
  if (c->need_drain) {
    c->need_drain = false;
    if (c->ev.on_drain) c->ev.on_drain(c, c->data);
  }
}

bool net_conn_await_drain(NetConn *c) {
  if (c->closed || c->queued == 0) return false;
  c->need_drain = true;
  return true;
}

void net_shutdown(NetConn *c) {
  if (c->closed || c->ending) return;
  c->half_close = true;
  c->ending = true;
  if (!c->connecting && c->queued == 0 && !c->error_scheduled)
    conn_finish_end(c);
  else
    conn_update_watch(c);
}

int net_conn_pending_error(const NetConn *c) { return c->error_scheduled ? c->deferred_err : 0; }

const char *net_conn_error_syscall(const NetConn *c) {
  return c->err_syscall ? c->err_syscall : "read";
}

void net_end(NetConn *c) {
  if (c->closed || c->ending) return;
  c->ending = true;
  c->reading = false; /* nothing more is delivered once we have said goodbye */
  if (!c->connecting && c->queued == 0 && !c->error_scheduled)
    conn_finish_end(c);
  else
    conn_update_watch(c);
}

/* ==== Connecting ==== */

static void conn_connected(NetConn *c, int status) {
  c->connecting = false;
  conn_update_watch(c);
  if (c->on_connect) c->on_connect(c, status, c->connect_data);
  if (status < 0) {
    net_close(c);
  } else if (!c->closed && c->queued > 0) {
    conn_on_writable(c); /* flush writes made while connecting */
  } else if (!c->closed && c->ending && !c->shut) {
    conn_finish_end(c);
  }
}

/* The connect finished without waiting (or failed at once): report it from the loop. */
static void connect_report_later(Loop *loop, void *data) {
  NetConn *c = data;
  if (!c->closed) conn_connected(c, c->deferred_err);
  net_conn_release(c);
}

static NetConn *connect_begin(Loop *loop, int fd, int status, NetConnectCb on_connect, void *data,
                              int *err_out);

/* Starts a non-blocking connect to one address; returns the fd or -errno. */
static int connect_start(const struct addrinfo *ai, int *status) {
  int fd = socket(ai->ai_family, SOCK_STREAM, 0);
  if (fd < 0) return -errno;
  int err = set_nonblocking(fd);
  if (err < 0) {
    close(fd);
    return err;
  }
  *status = 1; /* in progress */
  if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
    *status = 0;
  else if (errno != EINPROGRESS)
    *status = -errno;
  return fd;
}

NetConn *net_connect(Loop *loop, const char *host, int port, NetConnectCb on_connect, void *data,
                     int *err_out) {
  struct addrinfo *list;
  int err = resolve(host, port, false, &list), fd = -1, status = 0;
  for (struct addrinfo *ai = err < 0 ? NULL : list; ai; ai = ai->ai_next) {
    if (fd >= 0) close(fd); /* the previous address failed at once */
    fd = connect_start(ai, &status);
    if (fd >= 0 && status >= 0) break;
  }
  if (err == 0) freeaddrinfo(list);
  if (fd < 0) {
    if (err_out) *err_out = err < 0 ? err : fd;
    return NULL;
  }
  return connect_begin(loop, fd, status, on_connect, data, err_out);
}

NetConn *net_connect_unix(Loop *loop, const char *path, NetConnectCb on_connect, void *data,
                          int *err_out) {
  struct sockaddr_un un;
  int status = 0, fd = unix_addr(path, &un);
  if (fd == 0) {
    struct addrinfo ai = {.ai_family = AF_UNIX, .ai_addr = (struct sockaddr *)&un,
                          .ai_addrlen = sizeof un};
    fd = connect_start(&ai, &status);
  }
  if (fd < 0) {
    if (err_out) *err_out = fd;
    return NULL;
  }
  return connect_begin(loop, fd, status, on_connect, data, err_out);
}

/* A connection for fd whose connect is in progress (status 1) or finished (0 / -errno). */
static NetConn *connect_begin(Loop *loop, int fd, int status, NetConnectCb on_connect, void *data,
                              int *err_out) {
  NetConn *c = conn_new(loop, fd);
  c->on_connect = on_connect;
  c->connect_data = data;
  c->connecting = true;
  if (status >= 0) { /* done at once (a Unix socket): still reported from the poll phase */
    conn_update_watch(c);
  } else {
    c->deferred_err = status;
    net_conn_retain(c);
    loop_defer_pending(loop, connect_report_later, c);
  }
  if (err_out) *err_out = 0;
  return c;
}

/* The outcome of an in-progress connect, from SO_ERROR: 0 or -errno. */
static int connect_result(int fd) {
  int soerr = 0;
  socklen_t len = sizeof soerr;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0) return -errno;
  return -soerr;
}

/* ==== The loop callback ==== */

static void conn_on_io(Loop *loop, int fd, int revents, void *data) {
  NetConn *c = data;
  net_conn_retain(c); /* callbacks below may close c; keep the struct until we return */
  if (c->connecting) {
    if (revents & (LOOP_WRITABLE | LOOP_ERROR | LOOP_HANGUP)) conn_connected(c, connect_result(fd));
  } else {
    if (!c->closed && (revents & LOOP_WRITABLE)) conn_on_writable(c);
    if (!c->closed && (revents & LOOP_READABLE)) conn_read(c);
  }
  net_conn_release(c);
}
