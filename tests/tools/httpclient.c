/* httpclient: a tiny HTTP/1.1 client for tinynode's tests (tests/examples/server.sh).
 * It talks to 127.0.0.1 only, sends the same GET request N times on each of C connections
 * (all C are open at once), and prints the first response byte for byte in an escaped,
 * diffable form (\r shown, Date value masked as <date>), then one line saying whether every
 * other response was identical. It also finds free ports and probes for listening servers.
 * Plain C11 + POSIX sockets, no threads: a test tool must be simpler than what it tests.
 * --exec runs a server with SIGINT at its default action: a shell gives background jobs an
 * ignored SIGINT, and the test wants to stop the server the way Ctrl-C does.
 * -R sends raw bytes (on -c connections at once; -s then half-closes each with
 * shutdown(SHUT_WR)) and prints what comes back until the server closes. -P sends N
 * pipelined requests in one write and reads them all, -w pausing between small reads
 * (a slow client), printing only heads and byte counts: for responses of megabytes.
 * Usage: httpclient --free-port | --probe PORT | --exec CMD [ARG...] |
 *        httpclient [-n N] [-c C] [-0] [-H LINE] [-p PATH] [-t MS] PORT |
 *        httpclient -R BYTES [-c C] [-s] [-t MS] PORT |
 *        httpclient -P N [-p PATH] [-w MS] [-t MS] PORT
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { MAX_CONNS = 256, MAX_HEADERS = 8, MAX_RESPONSE = 1 << 20 };

/* What to send, and how patient to be. */
typedef struct {
  int port;
  int requests;                      /* requests per connection (keep-alive) */
  int conns;                         /* connections open at the same time */
  int http10;                        /* send HTTP/1.0 instead of HTTP/1.1 */
  const char *headers[MAX_HEADERS];  /* extra request header lines */
  int nheaders;
  int timeout_ms;                    /* bound on every single wait */
  const char *raw;                   /* -R: send these bytes (\r \n \xHH escapes) instead */
  int shut;                          /* -s: half-close after sending the raw bytes */
  const char *path;                  /* -p: the request target (default "/") */
  int pipelined;                     /* -P: requests sent at once, responses counted */
  int pause_ms;                      /* -w: pause between reads of a slow client */
} Options;

/* A growable byte buffer. */
typedef struct {
  char *data;
  size_t len, cap;
} Buf;

/* One connection: its socket, bytes received but not yet consumed, and whether the server
 * has closed its side. */
typedef struct {
  int fd;
  Buf in;
  int eof;
} Conn;

/* One response as received: the raw bytes and what its headers say about framing. */
typedef struct {
  Buf raw;
  size_t head_len;      /* bytes up to and including the blank line */
  long content_length;  /* -1 when absent */
  int chunked;
  int closes;           /* "Connection: close" was sent */
} Response;

static int timeout_ms = 5000;
static int read_pause_ms = 0; /* -w */

/* ==== Small helpers ==== */

/* die: print "httpclient: <message>" on stderr and exit 2 (a broken test, not a failed one). */
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("httpclient: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(2);
}

/* buf_append: append n bytes to b, growing it; never fails (dies when out of memory). */
static void buf_append(Buf *b, const char *p, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->data = realloc(b->data, b->cap);
    if (!b->data) die("out of memory");
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0'; /* keeps string functions safe on the header text */
}

/* buf_consume: drop the first n bytes of b. */
static void buf_consume(Buf *b, size_t n) {
  memmove(b->data, b->data + n, b->len - n);
  b->len -= n;
  b->data[b->len] = '\0';
}

/* ==== Sockets ==== */

/* loopback: fill *a with 127.0.0.1:port. */
static void loopback(struct sockaddr_in *a, int port) {
  memset(a, 0, sizeof *a);
  a->sin_family = AF_INET;
  a->sin_port = htons((unsigned short)port);
  a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

/* connect_to: a connected TCP socket to 127.0.0.1:port, or -1 (errno set). */
static int connect_to(int port) {
  struct sockaddr_in a;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  loopback(&a, port);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) return fd;
  int saved = errno;
  close(fd);
  errno = saved;
  return -1;
}

/* free_port: a port that the kernel just gave us on 127.0.0.1 and is free again now.
 * (Another program could take it before the server does; tests retry when that happens.) */
static int free_port(void) {
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  loopback(&a, 0);
  if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0) die("bind: %s", strerror(errno));
  if (getsockname(fd, (struct sockaddr *)&a, &len) != 0) die("getsockname: %s", strerror(errno));
  close(fd);
  return ntohs(a.sin_port);
}

/* send_all: write all n bytes of p to fd; dies on error. */
static void send_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t k = write(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) die("write: %s", strerror(errno));
    p += k;
    n -= (size_t)k;
  }
}

/* pause_ms: sleep for ms milliseconds (the slow client's pause between reads). */
static void pause_ms(int ms) {
  struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

/* fill: wait (bounded) until c has more bytes or the server closed; dies on timeout. A
 * slow client (-w) pauses before each read and takes at most 64 KiB. */
static void fill(Conn *c) {
  struct pollfd p = {.fd = c->fd, .events = POLLIN};
  static char chunk[65536];
  if (read_pause_ms > 0) pause_ms(read_pause_ms);
  int r = poll(&p, 1, timeout_ms);
  if (r < 0 && errno == EINTR) return;
  if (r == 0) die("no answer within %d ms (%zu bytes pending)", timeout_ms, c->in.len);
  ssize_t k = read(c->fd, chunk, read_pause_ms > 0 ? sizeof chunk : 4096);
  if (k < 0 && errno == ECONNRESET) k = 0; /* a reset is a close, as far as we care */
  if (k < 0) die("read: %s", strerror(errno));
  if (k == 0) c->eof = 1;
  buf_append(&c->in, chunk, (size_t)k);
}

/* ==== Reading one response ==== */

/* take: move the first n received bytes of c into r's raw bytes, waiting for them. */
static void take(Conn *c, Response *r, size_t n) {
  while (c->in.len < n) {
    if (c->eof) die("connection closed in the middle of a response");
    fill(c);
  }
  buf_append(&r->raw, c->in.data, n);
  buf_consume(&c->in, n);
}

/* take_line: move one CRLF-terminated line into r; returns its length without CRLF. */
static size_t take_line(Conn *c, Response *r) {
  char *end;
  while ((end = strstr(c->in.data ? c->in.data : "", "\r\n")) == NULL) {
    if (c->eof) die("connection closed in the middle of a line");
    fill(c);
  }
  size_t n = (size_t)(end - c->in.data);
  take(c, r, n + 2);
  return n;
}

/* header_value: the value of header `name` in r's head (after ": "), or NULL. */
static const char *header_value(const Response *r, const char *name) {
  size_t n = strlen(name);
  for (const char *line = strstr(r->raw.data, "\r\n"); line && line[2] != '\r';
       line = strstr(line + 2, "\r\n")) {
    if (strncasecmp(line + 2, name, n) == 0 && line[2 + n] == ':') {
      const char *v = line + 3 + n;
      while (*v == ' ') v++;
      return v;
    }
  }
  return NULL;
}

/* read_head: the status line and headers, up to the blank line; notes the body framing. */
static void read_head(Conn *c, Response *r) {
  while (take_line(c, r) > 0) {
    if (r->raw.len > MAX_RESPONSE) die("response head too long");
  }
  r->head_len = r->raw.len;
  const char *v = header_value(r, "Content-Length");
  r->content_length = v ? strtol(v, NULL, 10) : -1;
  v = header_value(r, "Transfer-Encoding");
  r->chunked = v && strncasecmp(v, "chunked", 7) == 0;
  v = header_value(r, "Connection");
  r->closes = v && strncasecmp(v, "close", 5) == 0;
}

/* read_chunked: chunks until the zero-size one, then the (empty) trailer section. */
static void read_chunked(Conn *c, Response *r) {
  for (;;) {
    size_t start = r->raw.len;
    take_line(c, r);
    long size = strtol(r->raw.data + start, NULL, 16);
    if (size < 0 || size > MAX_RESPONSE) die("bad chunk size");
    if (size == 0) break;
    take(c, r, (size_t)size + 2); /* data and its CRLF */
  }
  while (take_line(c, r) > 0) {
  }
}

//> tests.http-read-response
/* read_response: one whole response from c into a fresh Response (caller frees raw.data). */
static Response read_response(Conn *c) {
  Response r = {0};
  read_head(c, &r);
  if (r.chunked) {
    read_chunked(c, &r);
  } else if (r.content_length >= 0) {
    take(c, &r, (size_t)r.content_length);
  } else { /* no framing: the body ends when the server closes the connection */
    while (!c->eof) fill(c);
    take(c, &r, c->in.len);
  }
  return r;
}
//< tests.http-read-response

/* ==== Printing ==== */

/* is_http_date: does s start with an IMF-fixdate such as "Sun, 06 Nov 1994 08:49:37 GMT"? */
static int is_http_date(const char *s) {
  static const char *days = "Mon Tue Wed Thu Fri Sat Sun ";
  static const char *months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec ";
  char day[4], mon[4];
  int d, y, hh, mm, ss, used = 0;
  if (sscanf(s, "%3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d GMT%n", day, &d, mon, &y, &hh, &mm,
             &ss, &used) != 7 || used != 29)
    return 0;
  return strstr(days, day) && strstr(months, mon) && strncmp(s + 29, "\r\n", 2) == 0;
}

/* mask_date: replace the value of a well-formed Date header with "<date>" (in place). */
static void mask_date(Response *r) {
  const char *v = header_value(r, "Date");
  if (!v || !is_http_date(v)) return; /* a malformed date stays visible in the diff */
  size_t at = (size_t)(v - r->raw.data);
  Buf out = {0};
  buf_append(&out, r->raw.data, at);
  buf_append(&out, "<date>", 6);
  buf_append(&out, v + 29, r->raw.len - at - 29);
  free(r->raw.data);
  r->raw = out;
}

/* mask_all_dates: mask_date for every response in raw bytes (an interim "100 Continue"
 * comes before the real head, so the Date header is not in the first head). */
static void mask_all_dates(Buf *b) {
  Buf out = {0};
  size_t i = 0;
  const char *at;
  while ((at = b->len ? strstr(b->data + i, "\r\nDate: ") : NULL) != NULL) {
    size_t v = (size_t)(at - b->data) + 8;
    buf_append(&out, b->data + i, v - i);
    i = v;
    if (is_http_date(b->data + v)) {
      buf_append(&out, "<date>", 6);
      i = v + 29;
    }
  }
  buf_append(&out, b->data + i, b->len - i);
  free(b->data);
  *b = out;
}

/* print_escaped: bytes as readable text: \r \t \\ and \xHH escaped, and every \n shown as
 * "\n" followed by a real line break, so framing is visible and the output diffs well. */
static void print_escaped(const Buf *b) {
  for (size_t i = 0; i < b->len; i++) {
    unsigned char ch = (unsigned char)b->data[i];
    if (ch == '\n') fputs("\\n\n", stdout);
    else if (ch == '\r') fputs("\\r", stdout);
    else if (ch == '\t') fputs("\\t", stdout);
    else if (ch == '\\') fputs("\\\\", stdout);
    else if (ch < 0x20 || ch > 0x7e) printf("\\x%02X", ch);
    else putchar(ch);
  }
  if (b->len == 0 || b->data[b->len - 1] != '\n') putchar('\n');
}

/* ==== The conversation ==== */

/* build_request: the request text for the options (GET /, Host, extra header lines). */
static Buf build_request(const Options *o) {
  Buf b = {0};
  char line[256];
  snprintf(line, sizeof line, "GET %s HTTP/1.%d\r\nHost: 127.0.0.1:%d\r\n",
           o->path ? o->path : "/", o->http10 ? 0 : 1, o->port);
  buf_append(&b, line, strlen(line));
  for (int i = 0; i < o->nheaders; i++) {
    buf_append(&b, o->headers[i], strlen(o->headers[i]));
    buf_append(&b, "\r\n", 2);
  }
  buf_append(&b, "\r\n", 2);
  return b;
}

/* after_last: what the server did with the connection after its last response: a server that
 * announced "Connection: close" must close it; any other must keep it open for a moment. */
static const char *after_last(Conn *c, const Response *last) {
  int saved = timeout_ms;
  if (!last->closes) timeout_ms = 200;
  struct pollfd p = {.fd = c->fd, .events = POLLIN};
  while (!c->eof && c->in.len == 0 && poll(&p, 1, timeout_ms) > 0) fill(c);
  timeout_ms = saved;
  if (c->in.len > 0) return "server sent bytes nobody asked for";
  return c->eof ? "server closed the connection" : "connection still open";
}

/* compare: count a response that differs from the first one, and show the first such. */
static void compare(const Buf *first, const Buf *got, int conn, int req, int *differing) {
  if (got->len == first->len && memcmp(got->data, first->data, got->len) == 0) return;
  if ((*differing)++ == 0) {
    printf("-- response %d on connection %d differs from the first:\n", req + 1, conn + 1);
    print_escaped(got);
  }
}

/* converse: open all connections, then round by round send one request on each and read
 * one response from each; print the first response and a verdict on all the others.
 * Returns 0 when every response was identical (after masking the date). */
static int converse(const Options *o) {
  static Conn conns[MAX_CONNS];
  Buf request = build_request(o);
  Response first = {0};
  int differing = 0;
  for (int i = 0; i < o->conns; i++) {
    conns[i].fd = connect_to(o->port);
    if (conns[i].fd < 0) die("connect to 127.0.0.1:%d: %s", o->port, strerror(errno));
  }
  for (int req = 0; req < o->requests; req++) {
    for (int i = 0; i < o->conns; i++) send_all(conns[i].fd, request.data, request.len);
    for (int i = 0; i < o->conns; i++) {
      Response r = read_response(&conns[i]);
      mask_date(&r);
      if (req == 0 && i == 0) {
        print_escaped(&r.raw);
        first = r;
        continue;
      }
      compare(&first.raw, &r.raw, i, req, &differing);
      free(r.raw.data);
    }
  }
  printf("-- %s\n", after_last(&conns[0], &first));
  if (o->requests * o->conns > 1)
    printf("-- %d connection(s) x %d request(s): %d response(s) differ from the first\n",
           o->conns, o->requests, differing);
  free(request.data);
  free(first.raw.data);
  return differing != 0;
}

/* ==== Command line ==== */

/* unescape: the -R text with \r, \n and \\ turned into the bytes they name. */
static Buf unescape(const char *s) {
  Buf b = {0};
  for (; *s; s++) {
    char ch = *s;
    if (ch == '\\' && s[1] == 'x' && s[2] && s[3]) {
      char hex[3] = {s[2], s[3], 0};
      ch = (char)strtol(hex, NULL, 16);
      s += 3;
    } else if (ch == '\\' && s[1]) {
      s++;
      ch = *s == 'r' ? '\r' : *s == 'n' ? '\n' : *s;
    }
    buf_append(&b, &ch, 1);
  }
  return b;
}

/* raw_exchange: -R: send arbitrary bytes (a malformed request, say) on each of -c
 * connections, half-closing each with -s, and read everything the server answers until it
 * closes. Prints the first answer and how many others differ. A server that never closes
 * fails (the wait is bounded by -t). */
static int raw_exchange(const Options *o) {
  static Conn conns[MAX_CONNS];
  Buf request = unescape(o->raw);
  for (int i = 0; i < o->conns; i++) {
    conns[i] = (Conn){.fd = connect_to(o->port)};
    if (conns[i].fd < 0) die("connect to port %d: %s", o->port, strerror(errno));
    send_all(conns[i].fd, request.data, request.len);
    if (o->shut && shutdown(conns[i].fd, SHUT_WR) != 0) die("shutdown: %s", strerror(errno));
  }
  Buf first = {0};
  int differing = 0;
  for (int i = 0; i < o->conns; i++) {
    while (!conns[i].eof) fill(&conns[i]);
    Response r = {.raw = conns[i].in};
    mask_all_dates(&r.raw); /* Date headers, after checking their format */
    close(conns[i].fd);
    if (i == 0) {
      print_escaped(&r.raw);
      first = r.raw;
      continue;
    }
    compare(&first, &r.raw, i, 0, &differing);
    free(r.raw.data);
  }
  printf("-- the server closed the connection\n");
  if (o->conns > 1)
    printf("-- %d connection(s): %d answer(s) differ from the first\n", o->conns, differing);
  free(request.data);
  free(first.data);
  return differing != 0;
}

/* pipelined: -P: N requests in one write, then every response read (slowly with -w).
 * Prints the first head and the total of body bytes: the bodies may be megabytes. */
static int pipelined(const Options *o) {
  Conn c = {.fd = connect_to(o->port)};
  if (c.fd < 0) die("connect to port %d: %s", o->port, strerror(errno));
  Buf one = build_request(o), all = {0};
  for (int i = 0; i < o->pipelined; i++) buf_append(&all, one.data, one.len);
  send_all(c.fd, all.data, all.len);
  size_t body = 0;
  for (int i = 0; i < o->pipelined; i++) {
    Response r = read_response(&c);
    body += r.raw.len - r.head_len;
    r.raw.len = r.head_len;
    mask_date(&r);
    if (i == 0) print_escaped(&r.raw);
    free(r.raw.data);
  }
  printf("-- %d response(s), %zu body bytes in all\n", o->pipelined, body);
  close(c.fd);
  free(one.data);
  free(all.data);
  free(c.in.data);
  return 0;
}

static void usage(void) {
  die("usage: httpclient --free-port | --probe PORT | --exec CMD [ARG...] |\n"
      "       httpclient [-n REQUESTS] [-c CONNECTIONS] [-0] [-H 'Name: value'] [-t MS] PORT |\n"
      "       httpclient -R 'RAW BYTES' [-c CONNECTIONS] [-s] [-t MS] PORT |\n"
      "       httpclient -P REQUESTS [-p PATH] [-w MS] [-t MS] PORT");
}

/* parse_int: argument s as an integer in [lo, hi], or usage(). */
static int parse_int(const char *s, int lo, int hi) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < lo || v > hi) usage();
  return (int)v;
}

/* parse_options: fill o from argv (getopt), exits with usage() on anything unexpected. */
static void parse_options(int argc, char **argv, Options *o) {
  int ch;
  while ((ch = getopt(argc, argv, "n:c:0H:t:R:sp:P:w:")) != -1) {
    switch (ch) {
    case 'n': o->requests = parse_int(optarg, 1, 1000000); break;
    case 'c': o->conns = parse_int(optarg, 1, MAX_CONNS); break;
    case '0': o->http10 = 1; break;
    case 'H':
      if (o->nheaders == MAX_HEADERS) usage();
      o->headers[o->nheaders++] = optarg;
      break;
    case 't': o->timeout_ms = parse_int(optarg, 1, 3600000); break;
    case 'R': o->raw = optarg; break;
    case 's': o->shut = 1; break;
    case 'p': o->path = optarg; break;
    case 'P': o->pipelined = parse_int(optarg, 1, 100000); break;
    case 'w': o->pause_ms = parse_int(optarg, 0, 10000); break;
    default: usage();
    }
  }
  if (optind != argc - 1) usage();
  o->port = parse_int(argv[optind], 1, 65535);
}

int main(int argc, char **argv) {
  Options o = {.requests = 1, .conns = 1, .timeout_ms = 5000};
  signal(SIGPIPE, SIG_IGN); /* a server that hangs up must give us EPIPE, not kill us */
  if (argc == 2 && strcmp(argv[1], "--free-port") == 0) {
    printf("%d\n", free_port());
    return 0;
  }
  if (argc == 3 && strcmp(argv[1], "--probe") == 0) {
    int fd = connect_to(parse_int(argv[2], 1, 65535));
    if (fd >= 0) close(fd);
    return fd >= 0 ? 0 : 1;
  }
  if (argc >= 3 && strcmp(argv[1], "--exec") == 0) {
    signal(SIGINT, SIG_DFL);
    signal(SIGPIPE, SIG_DFL); /* and the server gets the dispositions a terminal would give */
    execvp(argv[2], argv + 2);
    die("exec %s: %s", argv[2], strerror(errno));
  }
  parse_options(argc, argv, &o);
  timeout_ms = o.timeout_ms;
  read_pause_ms = o.pause_ms;
  int status = o.raw ? raw_exchange(&o) : o.pipelined ? pipelined(&o) : converse(&o);
  fflush(stdout);
  return status;
}
