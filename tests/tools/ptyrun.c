/* ptyrun.c - runs a program on a pseudo-terminal, types a script at it, prints the screen.
 *
 *   ptyrun [-c] SCRIPT COMMAND [ARGS...]
 *
 * SCRIPT is read line by line: `expect TEXT` waits until the output since the previous
 * expect contains TEXT; `send TEXT` types TEXT; `resize COLS ROWS` changes the terminal's
 * size, which sends the program SIGWINCH (the screen printed stays 80 columns). TEXT takes the escapes \r \n \t \e \\
 * and \xHH (so Ctrl-C is \x03). Once the script ends, ptyrun waits for the program to
 * exit and prints the 80-column screen it left, as a small terminal would show it
 * (cursor moves, erasing, wrapping; colours dropped unless -c, which marks where the
 * style changes, as <b fg33> or <plain>), then "[exit N]". Waits end on output, never on
 * a clock, so the verdict does not depend on the machine's speed; each is bounded by
 * TEST_TIMEOUT seconds (10 by default), after which ptyrun gives up with status 3.
 */
#define _XOPEN_SOURCE 600
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define WIDTH 80
#define MAX_ROWS 2000

typedef struct Style { int fg; bool bold, italic, underline, inverse; } Style;
typedef struct Cell { char bytes[8]; Style style; } Cell; /* one code point */

static Cell screen[MAX_ROWS][WIDTH];
static int rows = 1, row, col;
static bool keep_colors;
static Style style; /* what SGR sequences have set (fg 0: the default colour) */

static void put_cell(const char *bytes, size_t n) {
  if (col >= WIDTH) col = 0, row++;
  if (row >= MAX_ROWS) return;
  if (row + 1 > rows) rows = row + 1;
  Cell *c = &screen[row][col++];
  snprintf(c->bytes, sizeof c->bytes, "%.*s", (int)(n < 7 ? n : 7), bytes);
  c->style = style;
}

static void sgr(const char *params) {
  for (const char *p = params;; p++) {
    int code = atoi(p);
    if (code == 0) style = (Style){0};
    else if (code == 1) style.bold = true;
    else if (code == 22) style.bold = false;
    else if (code == 3 || code == 23) style.italic = code == 3;
    else if (code == 4 || code == 24) style.underline = code == 4;
    else if (code == 7 || code == 27) style.inverse = code == 7;
    else if (code == 39) style.fg = 0;
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) style.fg = code;
    p = strchr(p, ';');
    if (!p) break;
  }
}

static void put_style(Style s) {
  if (!s.fg && !s.bold && !s.italic && !s.underline && !s.inverse) {
    fputs("<plain>", stdout);
    return;
  }
  printf("<%s%s%s%s", s.bold ? "b " : "", s.italic ? "i " : "", s.underline ? "u " : "",
         s.inverse ? "inv " : "");
  if (s.fg) printf("fg%d", s.fg);
  putchar('>');
}

static void erase(int r, int from, int to) {
  for (int i = from; i < to && r < MAX_ROWS; i++) screen[r][i].bytes[0] = 0;
}

/* ESC [ params final */
static void csi(const char *params, char final) {
  int n = atoi(params), k = n > 0 ? n : 1;
  switch (final) {
  case 'A': row = row - k < 0 ? 0 : row - k; break;
  case 'B': row += k; break;
  case 'C': col = col + k > WIDTH - 1 ? WIDTH - 1 : col + k; break;
  case 'D': col = col - k < 0 ? 0 : col - k; break;
  case 'G': col = k - 1; break;
  case 'K': erase(row, n == 0 ? col : 0, n == 1 ? col + 1 : WIDTH); break;
  case 'J':
    if (n == 2) { rows = 1, row = col = 0; memset(screen, 0, sizeof screen); break; }
    erase(row, col, WIDTH);
    for (int r = row + 1; r < rows; r++) erase(r, 0, WIDTH);
    break;
  case 'H': row = col = 0; break;
  case 'm': sgr(params); break;
  default: break;
  }
  if (row + 1 > rows) rows = row + 1;
}

/* Feeds output bytes to the screen; returns how many it used (a sequence cut short at
 * the end of the buffer waits for the rest). */
static size_t render(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == 27) {
      if (i + 1 >= n) return i;
      if (s[i + 1] != '[') { i += 2; continue; }
      size_t j = i + 2;
      while (j < n && (s[j] < 0x40 || s[j] > 0x7e)) j++;
      if (j >= n) return i;
      char params[32];
      snprintf(params, sizeof params, "%.*s", (int)(j - i - 2), s + i + 2);
      csi(params[0] == '?' ? "" : params, params[0] == '?' ? '?' : s[j]);
      i = j + 1;
    } else if (c == '\r') col = 0, i++;
    else if (c == '\n') { row++; if (row + 1 > rows) rows = row + 1; i++; }
    else if (c == '\b') { if (col > 0) col--; i++; }
    else if (c == 7) i++;
    else if (c == '\t') col = (col / 8 + 1) * 8, i++;
    else if (c < 32) i++;
    else {
      size_t len = 1;
      while (i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80) len++;
      if (i + len >= n && c >= 0xC0 && len < (c >= 0xF0 ? 4u : c >= 0xE0 ? 3u : 2u)) return i;
      put_cell(s + i, len);
      i += len;
    }
  }
  return i;
}

static void print_screen(void) {
  Style shown = {0};
  while (rows > 0) { /* drop empty rows at the bottom */
    int i = 0;
    while (i < WIDTH && !screen[rows - 1][i].bytes[0]) i++;
    if (i < WIDTH) break;
    rows--;
  }
  for (int r = 0; r < rows; r++) {
    int end = WIDTH;
    while (end > 0 && (!screen[r][end - 1].bytes[0] || !strcmp(screen[r][end - 1].bytes, " ")))
      end--;
    for (int i = 0; i < end; i++) {
      Cell *c = &screen[r][i];
      if (keep_colors && c->bytes[0] && memcmp(&c->style, &shown, sizeof shown) != 0)
        put_style(c->style), shown = c->style;
      fputs(c->bytes[0] ? c->bytes : " ", stdout);
    }
    putchar('\n');
  }
}

static char out[1 << 20]; /* everything read since the last expect */
static size_t out_len;
static char pending[64];  /* bytes render left for later */
static size_t pending_len;

/* Reads what the program wrote (waiting at most ms); false at EOF or the deadline. */
static bool pump(int master, int ms) {
  struct pollfd p = {master, POLLIN, 0};
  if (poll(&p, 1, ms) <= 0) return false;
  char buf[4096 + 64];
  memcpy(buf, pending, pending_len);
  ssize_t n = read(master, buf + pending_len, 4096);
  if (n <= 0) return false;
  size_t total = pending_len + (size_t)n;
  if (out_len + (size_t)n < sizeof out) memcpy(out + out_len, buf + pending_len, (size_t)n), out_len += (size_t)n;
  size_t used = render(buf, total);
  pending_len = total - used;
  memcpy(pending, buf + used, pending_len);
  return true;
}

static size_t unescape(const char *s, char *dst) {
  size_t n = 0;
  for (; *s && *s != '\n'; s++) {
    if (*s != '\\' || !s[1]) { dst[n++] = *s; continue; }
    s++;
    if (*s == 'r') dst[n++] = '\r';
    else if (*s == 'n') dst[n++] = '\n';
    else if (*s == 't') dst[n++] = '\t';
    else if (*s == 'e') dst[n++] = 27;
    else if (*s == 'x' && s[1] && s[2]) {
      char hex[3] = {s[1], s[2], 0};
      dst[n++] = (char)strtol(hex, NULL, 16);
      s += 2;
    } else dst[n++] = *s;
  }
  return n;
}

static double limit(void) { /* seconds any one wait may take */
  const char *s = getenv("TEST_TIMEOUT");
  return s && atoi(s) > 0 ? atoi(s) : 10;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool contains(const char *text, size_t n) {
  if (n == 0) return true;
  for (size_t i = 0; i + n <= out_len; i++)
    if (!memcmp(out + i, text, n)) return true;
  return false;
}

static int expect(int master, const char *text, size_t n) {
  double deadline = now() + limit();
  while (!contains(text, n)) {
    if (now() > deadline) {
      fprintf(stderr, "ptyrun: timed out waiting for \"%.*s\"\n", (int)n, text);
      return 3;
    }
    pump(master, 100);
  }
  for (size_t i = 0; i + n <= out_len; i++) /* keep what came after the text */
    if (!memcmp(out + i, text, n)) {
      memmove(out, out + i + n, out_len - i - n);
      out_len -= i + n;
      break;
    }
  return 0;
}

static pid_t spawn(char **argv, int *master_out) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) return -1;
  struct winsize ws = {.ws_row = 24, .ws_col = WIDTH};
  pid_t pid = fork();
  if (pid == 0) {
    setsid();
    int slave = open(ptsname(master), O_RDWR);
    ioctl(slave, TIOCSCTTY, 0);
    ioctl(slave, TIOCSWINSZ, &ws);
    dup2(slave, 0), dup2(slave, 1), dup2(slave, 2);
    if (slave > 2) close(slave);
    close(master);
    execvp(argv[0], argv);
    _exit(127);
  }
  *master_out = master;
  return pid;
}

int main(int argc, char **argv) {
  int first = 1;
  if (argc > 1 && !strcmp(argv[1], "-c")) keep_colors = true, first = 2;
  if (argc < first + 2) {
    fprintf(stderr, "usage: ptyrun [-c] SCRIPT COMMAND [ARGS...]\n");
    return 2;
  }
  FILE *script = fopen(argv[first], "r");
  if (!script) { perror(argv[first]); return 2; }
  int master;
  pid_t pid = spawn(argv + first + 1, &master);
  if (pid < 0) { perror("ptyrun"); return 2; }
  char line[4096], text[4096];
  int status = 0;
  while (!status && fgets(line, sizeof line, script)) {
    if (!strncmp(line, "expect ", 7)) status = expect(master, text, unescape(line + 7, text));
    else if (!strncmp(line, "send ", 5)) {
      size_t n = unescape(line + 5, text);
      if (write(master, text, n) != (ssize_t)n) status = 3;
    } else if (!strncmp(line, "resize ", 7)) {
      struct winsize ws = {0};
      if (sscanf(line + 7, "%hu %hu", &ws.ws_col, &ws.ws_row) != 2) status = 2;
      else if (ioctl(master, TIOCSWINSZ, &ws) < 0) status = 3;
    }
  }
  fclose(script);
  double deadline = now() + limit();
  int wstatus = 0;
  while (waitpid(pid, &wstatus, WNOHANG) == 0) {
    if (now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &wstatus, 0);
      fprintf(stderr, "ptyrun: the program did not exit\n");
      status = 3;
      break;
    }
    pump(master, 50);
  }
  while (pump(master, 0)) {}
  print_screen();
  printf("[exit %d]\n", WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus));
  return status;
}
