/* bench/http/clients.c - many HTTP clients at once, for bench/http.sh (not a test).
 *
 *   clients idle PORT N HOLD_MS   N keep-alive connections, one request each, held idle
 *                                 for HOLD_MS, then a second request on each: prints how
 *                                 many were answered each time
 *   clients slow PORT N HOLD_MS   N connections that send a request head one byte every
 *                                 500 ms, never finishing it: prints how many the server
 *                                 cut off within HOLD_MS, and when (the first and last)
 *
 * Plain POSIX: non-blocking sockets and poll(), in one thread.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char REQUEST[] = "GET / HTTP/1.1\r\nHost: bench\r\n\r\n";
static const char SLOW_HEAD[] = "GET / HTTP/1.1\r\nHost: bench\r\nX-Slow: ";

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) { /* blocking: loopback is quick */
    close(fd);
    return -1;
  }
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

/* Sends the request on every open fd and waits (up to 30 s) for an answer on each: the
 * number answered. A response is counted once its head has arrived. */
static int request_all(int *fds, int n) {
  struct pollfd *p = calloc((size_t)n, sizeof *p);
  int waiting = 0, answered = 0;
  for (int i = 0; i < n; i++) {
    p[i].fd = -1;
    if (fds[i] < 0 || write(fds[i], REQUEST, sizeof REQUEST - 1) != (ssize_t)(sizeof REQUEST - 1)) continue;
    p[i].fd = fds[i];
    p[i].events = POLLIN;
    waiting++;
  }
  double deadline = now_ms() + 30000;
  char buf[4096];
  while (waiting > 0 && now_ms() < deadline) {
    if (poll(p, (nfds_t)n, 1000) <= 0) continue;
    for (int i = 0; i < n; i++) {
      if (p[i].fd < 0 || !p[i].revents) continue;
      ssize_t got = read(p[i].fd, buf, sizeof buf - 1);
      if (got < 0 && errno == EAGAIN) continue;
      if (got > 0) buf[got] = 0;
      if (got > 0 && strstr(buf, "\r\n\r\n")) answered++;
      if (got <= 0) { /* closed by the server: this one is lost */
        close(fds[i]);
        fds[i] = -1;
      }
      p[i].fd = -1;
      waiting--;
    }
  }
  free(p);
  return answered;
}

static int idle(int port, int n, int hold_ms) {
  int *fds = calloc((size_t)n, sizeof *fds);
  int opened = 0;
  for (int i = 0; i < n; i++) opened += (fds[i] = connect_to(port)) >= 0;
  int first = request_all(fds, n);
  fprintf(stderr, "held\n"); /* bench/http.sh measures the server now */
  struct timespec pause = {hold_ms / 1000, (hold_ms % 1000) * 1000000L};
  nanosleep(&pause, NULL);
  int second = request_all(fds, n);
  printf("%d connections opened, %d answered, %d answered again after %d ms idle\n", opened,
         first, second, hold_ms);
  return 0;
}

static int slow(int port, int n, int hold_ms) {
  struct pollfd *p = calloc((size_t)n, sizeof *p);
  int opened = 0, cut = 0;
  double start = now_ms(), first_cut = 0, last_cut = 0;
  for (int i = 0; i < n; i++) {
    p[i].fd = connect_to(port);
    p[i].events = POLLIN;
    if (p[i].fd < 0) continue;
    opened++;
    if (write(p[i].fd, SLOW_HEAD, sizeof SLOW_HEAD - 1) < 0) continue;
  }
  double next_byte = start + 500;
  char buf[512];
  while (now_ms() < start + hold_ms && cut < opened) {
    int wait = (int)(next_byte - now_ms());
    if (poll(p, (nfds_t)n, wait > 0 ? wait : 0) > 0) {
      for (int i = 0; i < n; i++) {
        if (p[i].fd < 0 || !p[i].revents) continue;
        if (read(p[i].fd, buf, sizeof buf) > 0) continue; /* the 408, then the close */
        close(p[i].fd);
        p[i].fd = -1;
        last_cut = now_ms() - start;
        if (!cut++) first_cut = last_cut;
      }
    }
    if (now_ms() >= next_byte) {
      for (int i = 0; i < n; i++)
        if (p[i].fd >= 0 && write(p[i].fd, "x", 1) < 0) { /* cut off: poll reports it */ }
      next_byte += 500;
    }
  }
  if (cut)
    printf("%d slow connections, %d cut off by the server, the first after %.1f s, the last after %.1f s\n",
           opened, cut, first_cut / 1e3, last_cut / 1e3);
  else
    printf("%d slow connections, none cut off within %.1f s\n", opened, hold_ms / 1e3);
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: clients idle|slow PORT N HOLD_MS\n");
    return 2;
  }
  struct rlimit lim;
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
  }
  int port = atoi(argv[2]), n = atoi(argv[3]), hold = atoi(argv[4]);
  if (!strcmp(argv[1], "idle")) return idle(port, n, hold);
  if (!strcmp(argv[1], "slow")) return slow(port, n, hold);
  fprintf(stderr, "clients: unknown mode %s\n", argv[1]);
  return 2;
}
