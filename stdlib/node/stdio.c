/* stdio.c - internal/stdio, the native half of the streams, process.stdin/stdout/stderr
 * and readline (their JavaScript is stdlib/stream/lib and stdlib/node/lib).
 * Book: chapter 8, "Streams".
 *
 *   stdio_module_create   require('internal/stdio'), for built-in modules only
 *   stdio_shutdown        at exit: the terminal's mode restored, the line editor freed
 *
 * It writes a chunk whole (writeSync), watches an fd on the loop (readStart/readStop), answers the
 * terminal's questions (isatty, setRawMode, windowSize), and lends readline the REPL's
 * line editor (runtime/lineedit.c) on a terminal (leOpen, lePrompt, leSetPrompt, leLine,
 * leCursor, leCursorPos, leCompleted, leHold, leWrite, leRefresh, leClose).
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"

#define READ_CHUNK 65536 /* what libuv reads at a time */

/* One VM's fd reader (process.stdin), raw mode and line editor. */
typedef struct StdioState {
  Host *host;
  int fd;                  /* the fd being read, or -1 */
  int32_t on_data;         /* a pin: the reader's callback */
  bool raw;                /* setRawMode(true) is in force on raw_fd */
  int raw_fd;
  struct termios saved;    /* the mode before setRawMode(true) */
  LineEdit *le;
  LineEdit *closing;       /* closed from inside its own callback: freed in the close phase */
  bool held;               /* readline paused: the editor keeps the loop alive no more */
  int32_t handlers;        /* a pin: { onLine, onInterrupt, onEof, onComplete, onKey } */
} StdioState;

static void stdio_init(void *p) {
  StdioState *s = p;
  s->fd = -1;
}

static const VMStateType stdio_state = {"internal/stdio", sizeof(StdioState), stdio_init, NULL};

/* The terminal goes back to the mode it had, as node leaves it at exit; the line editor
 * goes before the loop it watches fd 0 on. */
void stdio_shutdown(VM *vm) {
  StdioState *s = vm_state(vm, &stdio_state);
  if (s->raw) tcsetattr(s->raw_fd, TCSADRAIN, &s->saved);
  s->raw = false;
  lineedit_free(s->le);
  lineedit_free(s->closing);
  s->le = s->closing = NULL;
}

static StdioState *state_of(VM *vm) {
  StdioState *s = vm_state(vm, &stdio_state);
  s->host = host_of(vm);
  return s;
}

static Value arg(int argc, Value *argv, int i) { return i < argc ? argv[i] : VALUE_UNDEFINED; }

static int int_arg(int argc, Value *argv, int i) {
  Value v = arg(argc, argv, i);
  return value_is_number(v) ? (int)value_to_number(v) : -1;
}

/* ==== Writing ==== */

/* The bytes of a string (UTF-8, to free) or a Uint8Array (borrowed) into *out. */
static bool chunk_bytes(VM *vm, Value chunk, const uint8_t **out, size_t *n, char **owned) {
  VMViewInfo view;
  *owned = NULL;
  if (value_is_string(chunk)) {
    *owned = vm_to_utf8(vm, chunk, n);
    *out = (const uint8_t *)*owned;
    return true;
  }
  if (!vm_array_view_info(chunk, &view) || view.kind < 0) return false;
  *out = view.data, *n = view.byte_length;
  return true;
}

/* Writes all of it, waiting when a non-blocking fd is full. 0 or -errno. */
static int write_all(int fd, const uint8_t *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0 && errno == EAGAIN) {
      struct pollfd pfd = {.fd = fd, .events = POLLOUT};
      poll(&pfd, 1, -1);
      continue;
    }
    if (w < 0) return -errno;
    p += w, n -= (size_t)w;
  }
  return 0;
}

/* writeSync(fd, chunk): undefined, or node's system error. stdout and stderr go through C's streams, so that
 * what console.log printed and what process.stdout.write writes keep their order. */
static Value stdio_write_sync(VM *vm, Value this_value, int argc, Value *argv) {
  int fd = int_arg(argc, argv, 0);
  const uint8_t *p;
  size_t n;
  char *owned;
  if (!chunk_bytes(vm, arg(argc, argv, 1), &p, &n, &owned))
    return vm_throw_error(vm, ERR_TYPE, "writeSync: bad chunk");
  int r = 0;
  if (fd == 1 || fd == 2) {
    fflush(stdout);
    FILE *f = fd == 1 ? stdout : stderr;
    if (n && fwrite(p, 1, n, f) != n) r = -errno;
    fflush(f);
  } else {
    r = write_all(fd, p, n);
  }
  free(owned);
  return r < 0 ? node_system_error(vm, -r, "write", NULL) : VALUE_UNDEFINED;
}

/* ==== Reading an fd on the loop ==== */

/* A Buffer holding a copy of n bytes, as node hands stdin's chunks. */
static Value bytes_new(VM *vm, const char *p, size_t n) {
  return node_buffer_from_bytes(vm, (const uint8_t *)p, n);
}

static void read_stop(StdioState *s) {
  if (s->fd < 0) return;
  loop_unwatch_fd(host_loop(s->host), s->fd);
  loop_unref(host_loop(s->host));
  vm_unpin(host_vm(s->host), s->on_data);
  s->fd = -1;
}

//> stdlib.stdin-read
/* The fd is readable: read what is there and hand it to the callback, as a Buffer,
 * null at the end of the input, or node's system error. A terminal, a pipe and a regular
 * file are all read this way (poll() says a regular file is always readable). */
static void on_readable(Loop *loop, int fd, int revents, void *data) {
  StdioState *s = data;
  VM *vm = host_vm(s->host);
  char *buf = mem_alloc(READ_CHUNK);
  ssize_t n = read(fd, buf, READ_CHUNK);
  int err = n < 0 ? errno : 0;
  if (n < 0 && (err == EINTR || err == EAGAIN)) return free(buf);
  int mark = vm_handle_mark(vm);
  Value cb = vm_handle_push(vm, vm_pinned(vm, s->on_data));
  Value chunk = n > 0    ? bytes_new(vm, buf, (size_t)n)
                : n == 0 ? VALUE_NULL
                         : node_system_error(vm, err, "read", NULL);
  free(buf);
  vm_handle_push(vm, chunk);
  if (n <= 0) read_stop(s); /* the end, or an error: nothing more will come */
  if (value_is_exception(chunk)) host_fatal_exception(s->host);
  else host_call(s->host, cb, VALUE_UNDEFINED, 1, &chunk);
  vm_handle_reset(vm, mark);
}
//< stdlib.stdin-read

/* readStart(fd, callback): watch fd until readStop; keeps the process alive meanwhile. */
static Value stdio_read_start(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  int fd = int_arg(argc, argv, 0);
  if (fd < 0 || !vm_is_callable(arg(argc, argv, 1)))
    return vm_throw_error(vm, ERR_TYPE, "readStart: bad arguments");
  if (s->fd == fd) return VALUE_UNDEFINED;
  read_stop(s);
  s->fd = fd;
  s->on_data = vm_pin(vm, argv[1]);
  loop_ref(host_loop(s->host));
  loop_watch_fd(host_loop(s->host), fd, LOOP_READABLE, on_readable, s);
  return VALUE_UNDEFINED;
}

static Value stdio_read_stop(VM *vm, Value this_value, int argc, Value *argv) {
  read_stop(state_of(vm));
  return VALUE_UNDEFINED;
}

/* ==== Terminals ==== */

/* handleType(fd): what libuv's uv_guess_handle says fd is, which decides the class node
 * gives process.stdin/stdout: 'TTY', 'FILE' (a character device too), 'PIPE' (a socket
 * too) or 'UNKNOWN' (closed). */
static Value stdio_handle_type(VM *vm, Value this_value, int argc, Value *argv) {
  struct stat st;
  int fd = int_arg(argc, argv, 0);
  if (fd < 0 || fstat(fd, &st) != 0) return vm_string(vm, "UNKNOWN");
  if (isatty(fd)) return vm_string(vm, "TTY");
  if (S_ISREG(st.st_mode) || S_ISCHR(st.st_mode)) return vm_string(vm, "FILE");
  if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) return vm_string(vm, "PIPE");
  return vm_string(vm, "UNKNOWN");
}

static Value stdio_isatty(VM *vm, Value this_value, int argc, Value *argv) {
  int fd = int_arg(argc, argv, 0);
  return fd >= 0 && isatty(fd) ? VALUE_TRUE : VALUE_FALSE;
}

/* setRawMode(fd, on): libuv's raw mode (bytes one by one, no echo, Ctrl-C a byte).
 * Returns 0 or -errno. */
static Value stdio_set_raw_mode(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  int fd = int_arg(argc, argv, 0);
  bool on = vm_truthy(arg(argc, argv, 1));
  if (on == s->raw) return value_from_number(0);
  if (!on) {
    s->raw = false;
    return value_from_number(tcsetattr(s->raw_fd, TCSADRAIN, &s->saved) < 0 ? -errno : 0);
  }
  if (tcgetattr(fd, &s->saved) < 0) return value_from_number(-errno);
  struct termios t = s->saved;
  t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
  t.c_oflag |= ONLCR;
  t.c_cflag |= CS8;
  t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
  t.c_cc[VMIN] = 1, t.c_cc[VTIME] = 0;
  if (tcsetattr(fd, TCSADRAIN, &t) < 0) return value_from_number(-errno);
  s->raw = true, s->raw_fd = fd;
  return value_from_number(0);
}

/* windowSize(fd): [columns, rows], or undefined when fd is not a terminal. */
static Value stdio_window_size(VM *vm, Value this_value, int argc, Value *argv) {
  struct winsize ws;
  int fd = int_arg(argc, argv, 0);
  if (fd < 0 || ioctl(fd, TIOCGWINSZ, &ws) != 0) return VALUE_UNDEFINED;
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, value_from_number(ws.ws_col));
  vm_array_push(vm, pair, value_from_number(ws.ws_row));
  return pair;
}

/* ==== The line editor, for readline on a terminal ==== */

static void le_call(LineEdit *le, void *data, const char *name, int argc, Value *argv) {
  StdioState *s = data;
  if (le != s->le) return; /* closed: what it still reads goes nowhere */
  VM *vm = host_vm(s->host);
  int mark = vm_handle_mark(vm);
  Value handlers = vm_handle_push(vm, vm_pinned(vm, s->handlers));
  Value fn = vm_handle_push(vm, vm_get_str(vm, handlers, name));
  if (value_is_exception(fn)) host_fatal_exception(s->host);
  else host_call(s->host, fn, handlers, argc, argv);
  vm_handle_reset(vm, mark);
}

static void le_on_line(LineEdit *le, const char *line, size_t length, void *data) {
  StdioState *s = data;
  VM *vm = host_vm(s->host);
  Value text = vm_handle_push(vm, vm_string_n(vm, line, length));
  le_call(le, data, "onLine", 1, &text);
}

static void le_on_interrupt(LineEdit *le, bool line_was_empty, void *data) {
  le_call(le, data, "onInterrupt", 0, NULL);
}

static void le_on_eof(LineEdit *le, void *data) { le_call(le, data, "onEof", 0, NULL); }

/* Proposes each string of hits for line[start..cursor]. */
static void le_propose(VM *vm, LineEdit *le, Value hits, size_t start) {
  for (uint32_t i = 0; vm_is_array(hits) && i < vm_array_length(hits); i++) {
    Value hit = vm_array_get(vm, hits, i);
    if (!value_is_string(hit)) continue;
    char *word = vm_to_utf8(vm, hit, NULL);
    lineedit_add_completion(le, start, word);
    free(word);
  }
}

/* Proposes the words of a completer's answer [hits, substring]: the hits replace that
 * substring (the text before the cursor ends with it). */
static void le_answer(VM *vm, LineEdit *le, Value answer) {
  if (!vm_is_array(answer) || vm_array_length(answer) != 2) return;
  Value sub = vm_handle_push(vm, vm_array_get(vm, answer, 1));
  size_t n = 0, cursor = lineedit_cursor(le);
  char *text = value_is_string(sub) ? vm_to_utf8(vm, sub, &n) : NULL;
  free(text);
  if (n <= cursor) le_propose(vm, le, vm_handle_push(vm, vm_array_get(vm, answer, 0)), cursor - n);
}

/* Tab: the handlers' onComplete(text before the cursor) answers [hits, substring] (the
 * readline completer's answer), undefined, or true when the answer comes later (then
 * leCompleted gives it). */
static void le_complete(LineEdit *le, const char *line, size_t cursor, void *data) {
  StdioState *s = data;
  if (le != s->le) return;
  VM *vm = host_vm(s->host);
  int mark = vm_handle_mark(vm);
  Value handlers = vm_handle_push(vm, vm_pinned(vm, s->handlers));
  Value fn = vm_handle_push(vm, vm_get_str(vm, handlers, "onComplete"));
  Value before = vm_handle_push(vm, vm_string_n(vm, line, cursor));
  Value answer = vm_is_callable(fn) ? vm_call(vm, fn, handlers, 1, &before) : VALUE_UNDEFINED;
  if (value_is_exception(answer)) host_fatal_exception(s->host);
  else if (answer == VALUE_TRUE) lineedit_complete_later(le);
  else le_answer(vm, le, vm_handle_push(vm, answer));
  vm_handle_reset(vm, mark);
}

/* A key read, once the editor has handled it: handlers.onKey(its text). */
static void le_on_key(LineEdit *le, const char *key, size_t length, void *data) {
  StdioState *s = data;
  VM *vm = host_vm(s->host);
  Value text = vm_handle_push(vm, vm_string_n(vm, key, length));
  le_call(le, data, "onKey", 1, &text);
}

/* leOpen(inFd, outFd, handlers, historySize): starts editing lines; true when both are
 * terminals. The editor keeps the process alive until leClose. */
static Value stdio_le_open(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  int in = int_arg(argc, argv, 0), out = int_arg(argc, argv, 1);
  if (s->le || in < 0 || out < 0 || !value_is_object(arg(argc, argv, 2)))
    return vm_throw_error(vm, ERR_ERROR, "leOpen: the line editor is in use");
  static const LineEditEvents events = {le_on_line, le_on_interrupt, le_on_eof, le_complete,
                                        le_on_key};
  s->handlers = vm_pin(vm, argv[2]);
  s->le = lineedit_new(host_loop(s->host), in, out, &events, s);
  lineedit_set_quiet_ends(s->le, true);
  lineedit_set_width(s->le, inspect_codepoint_width);
  Value size = arg(argc, argv, 3);
  if (value_is_number(size)) /* Infinity keeps everything (node's readline allows it) */
    lineedit_set_history_size(s->le, value_to_number(size) > 1e6 ? 1000000 : (int)value_to_number(size));
  loop_ref(host_loop(s->host));
  return lineedit_is_terminal(s->le) ? VALUE_TRUE : VALUE_FALSE;
}

/* lePrompt(text): shows text and reads the next line; lePrompt() reads on unprompted. */
static Value stdio_le_prompt(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  if (!s->le) return VALUE_UNDEFINED;
  if (!value_is_string(arg(argc, argv, 0))) {
    lineedit_listen(s->le);
    return VALUE_UNDEFINED;
  }
  char *text = vm_to_utf8(vm, argv[0], NULL);
  lineedit_prompt(s->le, text);
  free(text);
  return VALUE_UNDEFINED;
}

/* leSetPrompt(text): the prompt the next redraw shows (rl.setPrompt). */
static Value stdio_le_set_prompt(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  if (!s->le || !value_is_string(arg(argc, argv, 0))) return VALUE_UNDEFINED;
  char *text = vm_to_utf8(vm, argv[0], NULL);
  lineedit_set_prompt(s->le, text);
  free(text);
  return VALUE_UNDEFINED;
}

/* leLine(): the line being edited (readline's rl.line). */
static Value stdio_le_line(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  return s->le ? vm_string(vm, lineedit_line(s->le)) : vm_string(vm, "");
}

/* leCursor(): the cursor in UTF-16 units, as rl.cursor counts (4-byte UTF-8 takes 2). */
static Value stdio_le_cursor(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  if (!s->le) return value_from_number(0);
  const unsigned char *line = (const unsigned char *)lineedit_line(s->le);
  size_t units = 0, cursor = lineedit_cursor(s->le);
  for (size_t i = 0; i < cursor; i++)
    units += (line[i] & 0xC0) != 0x80 ? 1 + (line[i] >= 0xF0) : 0;
  return value_from_number((double)units);
}

/* leCursorPos(): [cols, rows], readline's getCursorPos on the editor's terminal. */
static Value stdio_le_cursor_pos(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  int cols = 0, rows = 0;
  if (s->le) lineedit_cursor_pos(s->le, &cols, &rows);
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, value_from_number(cols));
  vm_array_push(vm, pair, value_from_number(rows));
  return pair;
}

/* leCompleted(answer): the answer of a completer that called back later. */
static Value stdio_le_completed(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  if (!s->le) return VALUE_UNDEFINED;
  le_answer(vm, s->le, arg(argc, argv, 0));
  lineedit_complete_done(s->le);
  return VALUE_UNDEFINED;
}

/* leHold(on): while on, the keys read wait (readline paused) and, as a paused stdin
 * in node, the editor does not keep the process alive. */
static Value stdio_le_hold(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  bool on = arg(argc, argv, 0) == VALUE_TRUE;
  if (!s->le || on == s->held) return VALUE_UNDEFINED;
  s->held = on;
  if (on) loop_unref(host_loop(s->host));
  else loop_ref(host_loop(s->host));
  lineedit_hold(s->le, on);
  return VALUE_UNDEFINED;
}

/* leWrite(text, asKeys): rl.write on a terminal, text as if typed (asKeys: the keys a
 * terminal sends for rl.write(null, key)). */
static Value stdio_le_write(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  if (!s->le || !value_is_string(arg(argc, argv, 0))) return VALUE_UNDEFINED;
  size_t n;
  char *text = vm_to_utf8(vm, argv[0], &n);
  if (arg(argc, argv, 1) == VALUE_TRUE) lineedit_keys(s->le, text, n);
  else lineedit_write(s->le, text, n);
  free(text);
  return VALUE_UNDEFINED;
}

/* leRefresh(): draws the prompt and the line again (the terminal was resized). */
static Value stdio_le_refresh(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  if (s->le) lineedit_refresh(s->le);
  return VALUE_UNDEFINED;
}

static void free_closing(Loop *loop, void *data) {
  StdioState *s = data;
  lineedit_free(s->closing);
  s->closing = NULL;
}

/* leClose(): readline closes from inside the editor's own callbacks (Ctrl-D), so the
 * editor is freed later, in the loop's close phase. */
static Value stdio_le_close(VM *vm, Value this_value, int argc, Value *argv) {
  StdioState *s = state_of(vm);
  if (!s->le) return VALUE_UNDEFINED;
  lineedit_free(s->closing);
  s->closing = s->le;
  s->le = NULL;
  loop_defer_close(host_loop(s->host), free_closing, s);
  vm_unpin(vm, s->handlers);
  if (!s->held) loop_unref(host_loop(s->host));
  s->held = false;
  return VALUE_UNDEFINED;
}

static const VMPropDef stdio_props[] = {
    VM_FN_ENUM("writeSync", stdio_write_sync, 2),
    VM_FN_ENUM("readStart", stdio_read_start, 2),
    VM_FN_ENUM("readStop", stdio_read_stop, 0),
    VM_FN_ENUM("isatty", stdio_isatty, 1),
    VM_FN_ENUM("handleType", stdio_handle_type, 1),
    VM_FN_ENUM("setRawMode", stdio_set_raw_mode, 2),
    VM_FN_ENUM("windowSize", stdio_window_size, 1),
    VM_FN_ENUM("leOpen", stdio_le_open, 4),
    VM_FN_ENUM("lePrompt", stdio_le_prompt, 1),
    VM_FN_ENUM("leSetPrompt", stdio_le_set_prompt, 1),
    VM_FN_ENUM("leLine", stdio_le_line, 0),
    VM_FN_ENUM("leCursor", stdio_le_cursor, 0),
    VM_FN_ENUM("leCursorPos", stdio_le_cursor_pos, 0),
    VM_FN_ENUM("leCompleted", stdio_le_completed, 1),
    VM_FN_ENUM("leHold", stdio_le_hold, 1),
    VM_FN_ENUM("leWrite", stdio_le_write, 2),
    VM_FN_ENUM("leRefresh", stdio_le_refresh, 0),
    VM_FN_ENUM("leClose", stdio_le_close, 0),
    VM_PROPS_END,
};

Value stdio_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, m, stdio_props);
  Value tty = vm_handle_push(vm, vm_object_new(vm)); /* tty.WriteStream's colour methods */
  vm_define_props(vm, tty, tty_stream_methods());
  vm_define_str(vm, m, "ttyWriteMethods", tty, VM_ATTR_DEFAULT);
  return m;
}
