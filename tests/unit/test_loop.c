/* test_loop.c - unit tests for runtime/: the event loop's phases and timers, the thread
 * pool, and TCP sockets (echo, backpressure, errors, fd leaks). Built by `make unit`;
 * prints one line per failed check and ends with "N passed, M failed".
 */
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "runtime/runtime.h"

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) check_str((got), (want), __FILE__, __LINE__)

static void check(bool ok, const char *what, const char *file, int line) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL %s:%d: %s\n", file, line, what);
  }
}

static void check_str(const char *got, const char *want, const char *file, int line) {
  bool ok = strcmp(got, want) == 0;
  if (!ok) printf("FAIL %s:%d: got \"%s\", want \"%s\"\n", file, line, got, want);
  ok ? passed++ : failed++;
}

/* Counts this process's open fds. */
static int count_fds(void) {
  DIR *d = opendir("/proc/self/fd");
  if (!d) return -1;
  int n = 0;
  while (readdir(d)) n++;
  closedir(d);
  return n;
}

/* A log that callbacks append words to, so tests can compare orders. */
static char trace[4096];

static void say(const char *word) {
  if (trace[0]) strcat(trace, " ");
  strcat(trace, word);
}

static void say_cb(Loop *loop, void *data) { say(data); }

/* ==== Timers ==== */

static void test_timer_order(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  loop_timer_start(loop, 30, 0, say_cb, "d30");
  loop_timer_start(loop, 10, 0, say_cb, "a10");
  loop_timer_start(loop, 20, 0, say_cb, "c20");
  loop_timer_start(loop, 10, 0, say_cb, "b10");
  loop_timer_start(loop, 0, 0, say_cb, "z0");
  CHECK(loop_run(loop) == 0);
  CHECK_STR(trace, "z0 a10 b10 c20 d30");
  /* Many timers with the same delay fire in creation order. */
  trace[0] = 0;
  static char names[20][12];
  for (int i = 0; i < 20; i++) {
    snprintf(names[i], sizeof names[i], "%d", i);
    loop_timer_start(loop, 5, 0, say_cb, names[i]);
  }
  loop_run(loop);
  CHECK_STR(trace, "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19");
  loop_free(loop);
}

static void nested_cb(Loop *loop, void *data) {
  say("outer");
  loop_timer_start(loop, 0, 0, say_cb, "nested-timer");
  loop_immediate(loop, say_cb, "immediate");
}

/* A timer started by a timer callback waits for the next turn, after the check phase. */
static void test_nested_timer(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  loop_timer_start(loop, 1, 0, nested_cb, NULL);
  loop_run(loop);
  CHECK_STR(trace, "outer immediate nested-timer");
  loop_free(loop);
}

typedef struct IntervalState {
  TimerId self, victim;
  int fired;
} IntervalState;

static void interval_cb(Loop *loop, void *data) {
  IntervalState *st = data;
  say("tick");
  if (++st->fired == 3) CHECK(loop_timer_stop(loop, st->self));
  CHECK(!loop_timer_stop(loop, st->victim) || st->fired == 1); /* stopped on the 1st tick */
}

/* An interval fires repeatedly and can stop itself, and a callback can stop a timer
 * that is due in the same phase. */
static void test_interval(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  IntervalState st = {0};
  st.self = loop_timer_start(loop, 2, 2, interval_cb, &st);
  st.victim = loop_timer_start(loop, 2, 0, say_cb, "victim");
  CHECK(loop_timer_active(loop, st.victim));
  loop_run(loop);
  CHECK_STR(trace, "tick tick tick");
  CHECK(!loop_timer_active(loop, st.self));
  CHECK(!loop_timer_stop(loop, st.self)); /* stale ids are harmless */
  loop_free(loop);
}

static void test_unref(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  TimerId t = loop_timer_start(loop, 5000, 0, say_cb, "never");
  loop_timer_unref(loop, t);
  CHECK(!loop_timer_has_ref(loop, t));
  CHECK(!loop_alive(loop));
  uint64_t start = loop_update_time(loop);
  loop_run(loop);
  CHECK(loop_update_time(loop) - start < 1000);
  CHECK_STR(trace, "");
  loop_timer_stop(loop, t);
  /* An unref'd timer still fires while something else keeps the loop alive. */
  t = loop_timer_start(loop, 5, 0, say_cb, "unref5");
  loop_timer_unref(loop, t);
  loop_timer_start(loop, 30, 0, say_cb, "ref30");
  loop_run(loop);
  CHECK_STR(trace, "unref5 ref30");
  loop_free(loop);
}

static void test_timer_again(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  TimerId a = loop_timer_start(loop, 10, 0, say_cb, "a");
  loop_timer_start(loop, 5, 0, say_cb, "b");
  CHECK(loop_timer_again(loop, a)); /* a now expires after b */
  loop_run(loop);
  CHECK_STR(trace, "b a");
  CHECK(!loop_timer_again(loop, a));
  loop_free(loop);
}

/* ==== Immediates, phases, the after-callback hook ==== */

static void imm_a(Loop *loop, void *data) {
  say("A");
  loop_immediate(loop, say_cb, "C");       /* runs on the next turn */
  loop_defer_close(loop, say_cb, "close"); /* runs in this turn's close phase */
}

static void test_immediates(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  loop_immediate(loop, imm_a, NULL);
  loop_immediate(loop, say_cb, "B");
  ImmediateId gone = loop_immediate(loop, say_cb, "cancelled");
  CHECK(loop_immediate_cancel(loop, gone));
  CHECK(!loop_immediate_cancel(loop, gone));
  loop_run(loop);
  CHECK_STR(trace, "A B close C");
  loop_free(loop);
}

typedef struct PipeTest {
  int fds[2];
  int hits;
} PipeTest;

static void pipe_readable(Loop *loop, int fd, int revents, void *data) {
  PipeTest *pt = data;
  char c;
  CHECK(revents & LOOP_READABLE);
  CHECK(read(fd, &c, 1) == 1);
  say("io");
  pt->hits++;
  /* Inside an I/O callback, setImmediate always runs before setTimeout(0). */
  loop_timer_start(loop, 0, 0, say_cb, "timeout");
  loop_immediate(loop, say_cb, "immediate");
  loop_unwatch_fd(loop, fd); /* unwatching the fd being dispatched is allowed */
  loop_unref(loop);
}

static void test_io_then_check(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  PipeTest pt = {{-1, -1}, 0};
  CHECK(pipe(pt.fds) == 0);
  CHECK(write(pt.fds[1], "xy", 2) == 2);
  loop_watch_fd(loop, pt.fds[0], LOOP_READABLE, pipe_readable, &pt);
  loop_ref(loop); /* watching alone does not keep the loop alive */
  loop_run(loop);
  CHECK_STR(trace, "io immediate timeout");
  CHECK(pt.hits == 1);
  close(pt.fds[0]);
  close(pt.fds[1]);
  loop_free(loop);
}

/* Two fds ready in the same poll: the first callback unwatches the second one. */
static int second_fd;

static void first_ready(Loop *loop, int fd, int revents, void *data) {
  say("first");
  loop_unwatch_fd(loop, second_fd);
  loop_unwatch_fd(loop, fd);
  loop_unref(loop);
}

static void second_ready(Loop *loop, int fd, int revents, void *data) {
  say("second");
  loop_unwatch_fd(loop, fd);
  loop_unref(loop);
}

static void test_unwatch_other(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  int a[2], b[2];
  CHECK(pipe(a) == 0 && pipe(b) == 0);
  CHECK(write(a[1], "x", 1) == 1 && write(b[1], "x", 1) == 1);
  second_fd = b[0];
  loop_watch_fd(loop, a[0], LOOP_READABLE, first_ready, NULL);
  loop_watch_fd(loop, b[0], LOOP_READABLE, second_ready, NULL);
  loop_ref(loop);
  loop_run(loop);
  CHECK_STR(trace, "first");
  for (int i = 0; i < 2; i++) close(a[i]), close(b[i]);
  loop_free(loop);
}

static int after_calls;

static void count_after(Loop *loop, void *data) { after_calls++; }

static void test_after_callback(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  after_calls = 0;
  loop_set_after_callback(loop, count_after, NULL);
  loop_timer_start(loop, 1, 0, say_cb, "t1");
  loop_timer_start(loop, 1, 0, say_cb, "t2");
  loop_immediate(loop, say_cb, "i");
  loop_defer_close(loop, say_cb, "c");
  loop_defer_pending(loop, say_cb, "p");
  loop_run(loop);
  CHECK(after_calls == 5);
  loop_free(loop);
}

static void stop_cb(Loop *loop, void *data) {
  say("stop");
  loop_stop(loop);
}

static void test_stop(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  loop_timer_start(loop, 1, 0, stop_cb, NULL);
  TimerId later = loop_timer_start(loop, 50, 0, say_cb, "later");
  CHECK(loop_run(loop) == 1);
  CHECK_STR(trace, "stop");
  CHECK(loop_timer_active(loop, later));
  CHECK(loop_run(loop) == 0); /* resumes where it stopped */
  CHECK_STR(trace, "stop later");
  loop_free(loop);
}

/* ==== Thread pool ==== */

typedef struct Job {
  pthread_t loop_thread, work_thread;
  int input, output;
  bool done_on_loop;
} Job;

static int jobs_done;

static void job_work(void *data) {
  Job *j = data;
  j->work_thread = pthread_self();
  j->output = j->input * 2;
  if (j->input % 100 == 0) usleep(1000); /* some slow ones, to mix the completion order */
}

static void job_done(Loop *loop, void *data, int status) {
  Job *j = data;
  j->done_on_loop = pthread_equal(pthread_self(), j->loop_thread);
  jobs_done++;
}

static void test_pool(int n) {
  Loop *loop = loop_new();
  Job *jobs = calloc((size_t)n, sizeof *jobs);
  jobs_done = 0;
  int submit_errors = 0;
  for (int i = 0; i < n; i++) {
    jobs[i].loop_thread = pthread_self();
    jobs[i].input = i;
    if (pool_submit(loop, job_work, job_done, &jobs[i]) != 0) submit_errors++;
  }
  CHECK(submit_errors == 0);
  CHECK(loop_alive(loop));
  loop_run(loop);
  CHECK(jobs_done == n);
  int bad = 0;
  for (int i = 0; i < n; i++)
    if (jobs[i].output != 2 * i || !jobs[i].done_on_loop ||
        pthread_equal(jobs[i].work_thread, jobs[i].loop_thread))
      bad++;
  CHECK(bad == 0);
  CHECK(pool_thread_count() >= 1);
  free(jobs);
  loop_free(loop);
}

/* fs.readFile's shape: the callback comes after the code that follows the call. */
static void read_work(void *data) { usleep(2000); }
static void read_done(Loop *loop, void *data, int status) { say("callback"); }

static void test_pool_order(void) {
  Loop *loop = loop_new();
  trace[0] = 0;
  say("Reading");
  pool_submit(loop, read_work, read_done, NULL);
  say("next-line");
  loop_run(loop);
  CHECK_STR(trace, "Reading next-line callback");
  loop_free(loop);
}

/* ==== Sockets ==== */

typedef struct Echo {
  NetServer *server;
  NetConn *client;
  char got[256];
  size_t got_len;
  int closes, server_closed;
} Echo;

static void echo_server_data(NetConn *c, const char *buf, size_t len, void *data) {
  CHECK(net_write(c, buf, len) == 1);
}

static void echo_server_end(NetConn *c, void *data) { net_end(c); }

static void echo_closed(NetConn *c, void *data) { ((Echo *)data)->closes++; }

static void echo_accept(NetServer *s, NetConn *c, void *data) {
  static const NetConnEvents ev = {echo_server_data, echo_server_end, NULL, NULL, echo_closed};
  net_conn_set_events(c, &ev, data);
  net_read_start(c);
}

static void echo_client_data(NetConn *c, const char *buf, size_t len, void *data) {
  Echo *e = data;
  memcpy(e->got + e->got_len, buf, len);
  e->got_len += len;
  if (e->got_len == 11) net_end(c);
}

static void server_gone(Loop *loop, void *data) { ((Echo *)data)->server_closed++; }

static void echo_client_close(NetConn *c, void *data) {
  Echo *e = data;
  e->closes++;
  net_server_close(e->server, server_gone, e);
}

static void echo_connected(NetConn *c, int status, void *data) {
  CHECK(status == 0);
  char ip[64];
  int port = 0;
  CHECK(net_conn_peer(c, ip, sizeof ip, &port) == 4);
  CHECK_STR(ip, "127.0.0.1");
  CHECK(port == net_server_port(((Echo *)data)->server));
}

static void test_echo(void) {
  Loop *loop = loop_new();
  Echo e = {0};
  int err = 1;
  e.server = net_listen(loop, "127.0.0.1", 0, 511, echo_accept, &e, &err);
  CHECK(e.server != NULL && err == 0);
  if (!e.server) return;
  CHECK(net_server_port(e.server) > 0);
  e.client = net_connect(loop, "127.0.0.1", net_server_port(e.server), echo_connected, &e, &err);
  CHECK(e.client != NULL);
  static const NetConnEvents ev = {echo_client_data, NULL, NULL, NULL, echo_client_close};
  net_conn_set_events(e.client, &ev, &e);
  net_read_start(e.client);
  CHECK(net_write(e.client, "hello", 5) == 1); /* queued while connecting */
  CHECK(net_write(e.client, " world", 6) == 1);
  CHECK(loop_run(loop) == 0); /* everything closed: the loop ends by itself */
  CHECK(e.got_len == 11 && memcmp(e.got, "hello world", 11) == 0);
  CHECK(e.closes == 2);
  CHECK(e.server_closed == 1);
  loop_free(loop);
}

/* A Unix socket and a half-close: the client sends "ping" and its FIN (net_shutdown)
 * but keeps reading; the server answers after the FIN and ends; the path is removed
 * when the server closes. */
typedef struct Half {
  NetServer *server;
  char got[16];
  size_t got_len;
  int shut_drains, closes;
} Half;

static void half_server_data(NetConn *c, const char *buf, size_t len, void *data) {
  Half *h = data;
  memcpy(h->got + h->got_len, buf, len);
  h->got_len += len;
}

static void half_server_end(NetConn *c, void *data) {
  CHECK(net_write(c, "pong", 4) == 1); /* the peer's FIN does not stop our writing */
  net_end(c);
}

static void half_closed(NetConn *c, void *data) { ((Half *)data)->closes++; }

static void half_accept(NetServer *s, NetConn *c, void *data) {
  static const NetConnEvents ev = {half_server_data, half_server_end, NULL, NULL, half_closed};
  net_conn_set_events(c, &ev, data);
  net_read_start(c);
  net_server_close(s, NULL, NULL);
}

static void half_client_data(NetConn *c, const char *buf, size_t len, void *data) {
  CHECK(len == 4 && memcmp(buf, "pong", 4) == 0);
}

static void half_client_drain(NetConn *c, void *data) { ((Half *)data)->shut_drains++; }
static void half_client_end(NetConn *c, void *data) { net_close(c); }

static void test_unix_half_close(void) {
  Loop *loop = loop_new();
  Half h = {0};
  char path[64];
  int err = 1;
  snprintf(path, sizeof path, "/tmp/tinynode-unit-%d.sock", (int)getpid());
  h.server = net_listen_unix(loop, path, 16, half_accept, &h, &err);
  CHECK(h.server != NULL && err == 0 && net_server_family(h.server) == 0);
  if (!h.server) return;
  CHECK(net_listen_unix(loop, path, 16, half_accept, &h, &err) == NULL && err == -EADDRINUSE);
  NetConn *c = net_connect_unix(loop, path, NULL, &h, &err);
  CHECK(c != NULL);
  static const NetConnEvents ev = {half_client_data, half_client_end, half_client_drain, NULL,
                                   half_closed};
  net_conn_set_events(c, &ev, &h);
  net_read_start(c);
  CHECK(net_write(c, "ping", 4) == 1);
  net_shutdown(c);
  CHECK(net_write(c, "more", 4) == -EPIPE); /* nothing may follow the FIN */
  CHECK(loop_run(loop) == 0);
  CHECK(h.got_len == 4 && memcmp(h.got, "ping", 4) == 0);
  CHECK(h.shut_drains == 1 && h.closes == 2);
  CHECK(access(path, F_OK) != 0); /* unlinked at close, as libuv does */
  loop_free(loop);
}

/* A large write is queued, net_write reports backpressure, and drain follows (once,
 * however often net_conn_await_drain asked for it). */
#define BIG (8u << 20)

typedef struct Bulk {
  NetServer *server;
  size_t received;
  int drains, closes;
  int write_result;
} Bulk;

static void bulk_server_data(NetConn *c, const char *buf, size_t len, void *data) {
  ((Bulk *)data)->received += len;
}

static void bulk_server_end(NetConn *c, void *data) { net_end(c); }
static void bulk_closed(NetConn *c, void *data) { ((Bulk *)data)->closes++; }

static void bulk_accept(NetServer *s, NetConn *c, void *data) {
  static const NetConnEvents ev = {bulk_server_data, bulk_server_end, NULL, NULL, bulk_closed};
  net_conn_set_events(c, &ev, data);
  net_read_start(c);
  net_server_close(s, NULL, NULL);
}

static void bulk_drain(NetConn *c, void *data) {
  Bulk *b = data;
  b->drains++;
  CHECK(net_conn_queued(c) == 0);
  net_end(c);
}

static void bulk_connected(NetConn *c, int status, void *data) {
  Bulk *b = data;
  char *big = malloc(BIG);
  memset(big, 'x', BIG);
  CHECK(!net_conn_await_drain(c)); /* nothing queued: no on_drain is promised */
  b->write_result = net_write(c, big, BIG);
  free(big);
  CHECK(net_conn_queued(c) > 0);   /* the kernel cannot take 8 MB at once */
  CHECK(net_write(c, "", 0) == 0); /* still above the high-water mark */
  CHECK(net_conn_await_drain(c));  /* asked twice, reported once */
}

static void test_backpressure(void) {
  Loop *loop = loop_new();
  Bulk b = {0};
  int err;
  b.server = net_listen(loop, "127.0.0.1", 0, 16, bulk_accept, &b, &err);
  CHECK(b.server != NULL);
  if (!b.server) return;
  NetConn *c = net_connect(loop, "127.0.0.1", net_server_port(b.server), bulk_connected, &b, &err);
  static const NetConnEvents ev = {NULL, NULL, bulk_drain, NULL, bulk_closed};
  net_conn_set_events(c, &ev, &b);
  loop_run(loop);
  CHECK(b.write_result == 0);
  CHECK(b.drains == 1);
  CHECK(b.received == BIG);
  CHECK(b.closes == 2);
  loop_free(loop);
}

/* Errors: a port in use, a refused connection, writing after end. */
static int refused_status;

static void refused_connect(NetConn *c, int status, void *data) { refused_status = status; }

static void test_errors(void) {
  Loop *loop = loop_new();
  int err = 0;
  NetServer *s = net_listen(loop, "127.0.0.1", 0, 16, echo_accept, NULL, &err);
  int port = net_server_port(s);
  CHECK(net_listen(loop, "127.0.0.1", port, 16, echo_accept, NULL, &err) == NULL);
  CHECK(err == -EADDRINUSE);
  net_server_close(s, NULL, NULL);
  loop_run(loop);
  refused_status = 1;
  NetConn *c = net_connect(loop, "127.0.0.1", port, refused_connect, NULL, &err);
  CHECK(c != NULL);
  loop_run(loop);
  CHECK(refused_status == -ECONNREFUSED);
  CHECK(net_connect(loop, "no-such-host.invalid", 80, refused_connect, NULL, &err) == NULL);
  CHECK(err == NET_ENOTFOUND);
  loop_free(loop);
}

/* A server that is unref'd does not keep the loop alive. */
static void test_server_unref(void) {
  Loop *loop = loop_new();
  int err;
  NetServer *s = net_listen(loop, NULL, 0, 16, echo_accept, NULL, &err);
  CHECK(s != NULL);
  if (!s) return;
  CHECK(net_server_family(s) == 6 || net_server_family(s) == 4);
  CHECK(loop_alive(loop));
  net_server_set_loop_ref(s, false);
  CHECK(!loop_alive(loop));
  CHECK(loop_run(loop) == 0);
  net_server_close(s, NULL, NULL);
  loop_run(loop);
  loop_free(loop);
}

/* Out of fds (EMFILE): the server sheds the connections it cannot take instead of
 * spinning on a listening socket that stays readable. */
typedef struct Starved {
  NetServer *server;
  NetConn *kept;
  int accepted, clients[3];
} Starved;

static void starved_accept(NetServer *s, NetConn *c, void *data) {
  Starved *st = data;
  st->accepted++;
  st->kept = c;
}

static void starved_end(Loop *loop, void *data) {
  Starved *st = data;
  net_server_close(st->server, NULL, NULL);
  if (st->kept) net_close(st->kept);
}

/* A blocking client socket connected to 127.0.0.1:port (the kernel completes it). */
static int plain_connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in in = {0};
  in.sin_family = AF_INET;
  in.sin_port = htons((uint16_t)port);
  in.sin_addr.s_addr = htonl(0x7f000001);
  if (connect(fd, (struct sockaddr *)&in, sizeof in) < 0) CHECK(!"connect");
  return fd;
}

static void test_emfile(void) {
  Loop *loop = loop_new();
  Starved st = {0};
  int err;
  st.server = net_listen(loop, "127.0.0.1", 0, 16, starved_accept, &st, &err);
  for (int i = 0; i < 3; i++) st.clients[i] = plain_connect(net_server_port(st.server));
  int lowest = dup(0); /* the lowest free fd: allow exactly that one more */
  close(lowest);
  struct rlimit saved, tight;
  getrlimit(RLIMIT_NOFILE, &saved);
  tight = saved;
  tight.rlim_cur = (rlim_t)lowest + 1;
  CHECK(setrlimit(RLIMIT_NOFILE, &tight) == 0);
  after_calls = 0;
  loop_set_after_callback(loop, count_after, NULL);
  loop_timer_start(loop, 100, 0, starved_end, &st);
  loop_run(loop);
  setrlimit(RLIMIT_NOFILE, &saved);
  CHECK(st.accepted == 1);
  CHECK(after_calls < 20); /* no busy loop while starved */
  char c;
  CHECK(read(st.clients[1], &c, 1) <= 0); /* shed: closed by the server */
  CHECK(read(st.clients[2], &c, 1) <= 0);
  for (int i = 0; i < 3; i++) close(st.clients[i]);
  loop_free(loop);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int fds_before = count_fds();
  test_timer_order();
  test_nested_timer();
  test_interval();
  test_unref();
  test_timer_again();
  test_immediates();
  test_io_then_check();
  test_unwatch_other();
  test_after_callback();
  test_stop();
  test_pool(4);
  test_pool(1000);
  test_pool_order();
  test_echo();
  test_unix_half_close();
  test_backpressure();
  test_errors();
  test_server_unref();
  test_emfile();
  CHECK(count_fds() == fds_before); /* every fd opened above was closed */
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
