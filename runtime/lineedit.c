/* lineedit.c - a line editor on termios, driven by the event loop (the REPL's input).
 * Book: chapter 8, "The event loop" (the REPL and its line editor).
 *
 *   lineedit_new / lineedit_free   watch an input fd; a terminal goes to raw mode
 *   lineedit_prompt                show a prompt and read one line (on_line gets it)
 *   lineedit_set_history_file      up/down browse history, kept in a file newest first
 *   lineedit_complete_later/done   a Tab's words that come later (readline's completer)
 *   lineedit_write / lineedit_keys text and keys as if typed (readline's rl.write)
 *
 * Keys are decoded from the bytes read (an escape sequence may arrive in pieces, so
 * undecoded bytes wait in `input`). A pipe is read the same way, without echo or keys.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "runtime/runtime.h"

#define HISTORY_MAX 1000 /* node's default REPL history size */

typedef struct Buf {
  char *bytes;
  size_t length, capacity;
} Buf;

struct LineEdit {
  Loop *loop;
  int in, out;
  bool terminal, raw, eof, reading, processing;
  bool eof_ends_line;     /* Ctrl-D ends the input even after text (.editor mode) */
  bool quiet_ends;        /* Ctrl-C and Ctrl-D move to no new line (readline) */
  struct termios saved;   /* the terminal's mode before raw mode */
  LineEditEvents events;
  void *data;
  char *prompt;
  Buf line;               /* the line being edited */
  size_t cursor;          /* a byte offset into line */
  Buf input;              /* bytes read and not handled yet */
  char **history;         /* oldest first */
  int history_count, history_index;
  int history_max;        /* entries kept: HISTORY_MAX, or readline's historySize */
  char *history_file;     /* NULL: not saved */
  char *edited;           /* the new line, kept while browsing history */
  char **completions;
  int completion_count;
  size_t completion_start;
  bool last_was_tab;      /* the key before this one was Tab: a second Tab lists */
  bool listing;           /* the Tab being completed lists (it followed a Tab) */
  bool asking, awaiting;  /* inside complete(); its answer comes later */
  bool held;              /* keys wait in input (readline paused) */
  int (*width)(uint32_t cp); /* columns of a code point; NULL: one each */
  int prev_rows;          /* rows between the prompt's row and the cursor's */
  ImmediateId wakeup;
};

/* ==== Small buffers and output ==== */

static void buf_insert(Buf *b, size_t at, const char *s, size_t n) {
  if (b->length + n + 1 > b->capacity) {
    b->capacity = (b->length + n + 1) * 2;
    b->bytes = mem_realloc(b->bytes, b->capacity);
  }
  memmove(b->bytes + at + n, b->bytes + at, b->length - at);
  memcpy(b->bytes + at, s, n);
  b->length += n;
  b->bytes[b->length] = 0;
}

static void buf_delete(Buf *b, size_t at, size_t n) {
  memmove(b->bytes + at, b->bytes + at + n, b->length - at - n);
  b->length -= n;
  b->bytes[b->length] = 0;
}

static void buf_set(Buf *b, const char *s) {
  b->length = 0;
  buf_insert(b, 0, s, strlen(s));
}

/* Everything goes out through write(2); what the stdio buffer holds goes first. */
static void put(LineEdit *le, const char *s, size_t n) {
  fflush(stdout);
  while (n > 0) {
    ssize_t w = write(le->out, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    s += w, n -= (size_t)w;
  }
}

static void puts_le(LineEdit *le, const char *s) { put(le, s, strlen(s)); }

static int terminal_width(LineEdit *le) {
  struct winsize ws;
  return ioctl(le->out, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 ? ws.ws_col : 80;
}

/* Where text leaves the cursor: the rows it goes down and the column it ends at, as
 * node's readline counts them (escape sequences take no room, a tab goes to the next
 * multiple of 8, a code point takes the owner's width of it, a wide one never split). */
typedef struct Pos {
  size_t offset; /* columns since the last \n */
  int rows;      /* whole rows before that */
} Pos;

/* The code point at s (n bytes left) and its length; a broken sequence is one byte. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *len) {
  int extra = s[0] >= 0xF0 ? 3 : s[0] >= 0xE0 ? 2 : s[0] >= 0xC0 ? 1 : 0;
  uint32_t cp = extra ? s[0] & (0x3F >> extra) : s[0];
  *len = 1;
  if ((size_t)extra >= n) return s[0];
  for (int k = 1; k <= extra; k++) {
    if ((s[k] & 0xC0) != 0x80) return s[0];
    cp = cp << 6 | (s[k] & 0x3F);
  }
  *len = (size_t)extra + 1;
  return cp;
}

static int cp_width(LineEdit *le, uint32_t cp) {
  if (cp < 32 || cp == 127) return 0;
  return le->width ? le->width(cp) : 1;
}

static void advance(LineEdit *le, Pos *p, const char *s, size_t n, size_t width) {
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    size_t len = 1;
    if (c == 27 && i + 1 < n && s[i + 1] == '[') { /* CSI: no columns */
      len = 2;
      while (i + len < n && (s[i + len] < 0x40 || s[i + len] > 0x7e)) len++;
      len++;
    } else if (c == '\n') {
      p->rows += p->offset ? (int)((p->offset + width - 1) / width) : 1;
      p->offset = 0;
    } else if (c == '\t') {
      p->offset += 8 - p->offset % 8;
    } else {
      int w = cp_width(le, decode((const unsigned char *)s + i, n - i, &len));
      if (w == 2 && (p->offset + 1) % width == 0) p->offset++; /* a wide one is not split */
      p->offset += (size_t)w;
    }
    i += len;
  }
}

/* Columns a word takes. */
static size_t columns(LineEdit *le, const char *s) {
  Pos p = {0, 0};
  advance(le, &p, s, strlen(s), (size_t)-1);
  return p.offset;
}

/* rows and cols of the prompt and line[0..upto] on a terminal width columns wide. */
static void display_pos(LineEdit *le, size_t upto, int *rows, int *cols) {
  size_t width = (size_t)terminal_width(le);
  Pos p = {0, 0};
  advance(le, &p, le->prompt, strlen(le->prompt), width);
  advance(le, &p, le->line.bytes, upto, width);
  *cols = (int)(p.offset % width);
  *rows = p.rows + (int)(p.offset / width);
}

//> runtime.lineedit-refresh
/* Redraws the prompt and the line as node's readline does, wherever they wrap: up to
 * the prompt's row, erase from there down, the text, then the cursor goes back to its
 * column and up from the text's last row to its own. */
static void refresh(LineEdit *le) {
  char move[32];
  int rows, cols, cursor_rows, cursor_cols;
  display_pos(le, le->line.length, &rows, &cols);
  display_pos(le, le->cursor, &cursor_rows, &cursor_cols);
  if (le->prev_rows > 0) snprintf(move, sizeof move, "\x1b[%dA", le->prev_rows), puts_le(le, move);
  puts_le(le, "\x1b[1G\x1b[0J");
  puts_le(le, le->prompt);
  put(le, le->line.bytes, le->line.length);
  if (cols == 0) puts_le(le, " "); /* the terminal moves to the next row */
  snprintf(move, sizeof move, "\x1b[%dG", cursor_cols + 1), puts_le(le, move);
  if (rows > cursor_rows) snprintf(move, sizeof move, "\x1b[%dA", rows - cursor_rows), puts_le(le, move);
  le->prev_rows = cursor_rows;
}
//< runtime.lineedit-refresh

/* ==== Terminal mode ==== */

//> runtime.lineedit-raw
/* Raw mode as libuv's UV_TTY_MODE_RAW sets it: bytes arrive one by one, unechoed, and
 * Ctrl-C is a byte (0x03) rather than SIGINT; output still turns \n into \r\n. */
static void raw_mode(LineEdit *le, bool on) {
  if (!le->terminal || le->raw == on) return;
  if (!on) {
    tcsetattr(le->in, TCSADRAIN, &le->saved);
    le->raw = false;
    return;
  }
  if (tcgetattr(le->in, &le->saved) < 0) return;
  struct termios t = le->saved;
  t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
  t.c_oflag |= ONLCR;
  t.c_cflag |= CS8;
  t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
  t.c_cc[VMIN] = 1, t.c_cc[VTIME] = 0;
  le->raw = tcsetattr(le->in, TCSADRAIN, &t) == 0;
}
//< runtime.lineedit-raw

/* ==== History ==== */

static void history_add(LineEdit *le, const char *line) {
  if (!*line || (le->history_count && !strcmp(le->history[le->history_count - 1], line))) return;
  if (le->history_max == 0) return;
  if (le->history_count == le->history_max) {
    free(le->history[0]);
    memmove(le->history, le->history + 1, sizeof(char *) * (size_t)(le->history_max - 1));
    le->history_count--;
  }
  le->history = mem_realloc(le->history, sizeof(char *) * (size_t)(le->history_count + 1));
  le->history[le->history_count++] = mem_strdup(line);
}

/* Node's format: one entry a line, newest first, no newline after the last. A new file
 * is private (0600, as node creates ~/.node_repl_history); an existing one keeps its mode. */
static void history_save(LineEdit *le) {
  int fd = le->history_file ? open(le->history_file, O_WRONLY | O_CREAT | O_TRUNC, 0600) : -1;
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    if (fd >= 0) close(fd);
    return;
  }
  for (int i = le->history_count - 1; i >= 0; i--)
    fprintf(f, "%s%s", le->history[i], i ? "\n" : "");
  fclose(f);
}

void lineedit_set_history_file(LineEdit *le, const char *path) {
  free(le->history_file);
  le->history_file = mem_strdup(path);
  int fd = open(path, O_RDONLY | O_CREAT, 0600); /* node creates it at once, as history_save */
  FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
  if (!f) {
    if (fd >= 0) close(fd);
    return;
  }
  char **lines = NULL, text[4096];
  int n = 0;
  while (fgets(text, sizeof text, f)) {
    text[strcspn(text, "\r\n")] = 0;
    lines = mem_realloc(lines, sizeof(char *) * (size_t)(n + 1));
    lines[n++] = mem_strdup(text);
  }
  fclose(f);
  for (int i = n - 1; i >= 0; i--) history_add(le, lines[i]), free(lines[i]);
  free(lines);
  le->history_index = le->history_count;
}

/* Up (step -1) and down (+1) through the history; past the newest is the line that was
 * being typed before browsing began. */
static void history_step(LineEdit *le, int step) {
  int to = le->history_index + step;
  if (to < 0 || to > le->history_count) return;
  if (le->history_index == le->history_count) free(le->edited), le->edited = mem_strdup(le->line.bytes);
  le->history_index = to;
  buf_set(&le->line, to == le->history_count ? le->edited : le->history[to]);
  le->cursor = le->line.length;
  refresh(le);
}

/* ==== Inserting text ==== */

/* Text goes in at the cursor. At the end of the line it is only echoed, as node's
 * readline does, unless it wraps to a new row; inside the line, the line is redrawn.
 * Text pasted at the end (a key that is not the last of a read) is only echoed, even
 * where it wraps: node redraws the line at the paste's last key. */
static void insert_text(LineEdit *le, const char *s, size_t n, bool pasted) {
  int rows_before, rows_after, cols;
  bool at_end = le->cursor == le->line.length;
  display_pos(le, le->cursor, &rows_before, &cols);
  buf_insert(&le->line, le->cursor, s, n);
  le->cursor += n;
  display_pos(le, le->cursor, &rows_after, &cols);
  if (at_end && (pasted || rows_after == rows_before)) put(le, s, n);
  else refresh(le);
}

/* ==== Tab completion ==== */

void lineedit_add_completion(LineEdit *le, size_t start, const char *word) {
  for (int i = 0; *word && i < le->completion_count; i++) /* a prototype's toString, once */
    if (!strcmp(le->completions[i], word)) return;
  le->completions = mem_realloc(le->completions, sizeof(char *) * (size_t)(le->completion_count + 1));
  le->completions[le->completion_count++] = mem_strdup(word);
  le->completion_start = start;
}

static void completions_clear(LineEdit *le) {
  for (int i = 0; i < le->completion_count; i++) free(le->completions[i]);
  le->completion_count = 0;
}

/* The candidates in columns below the line, as node lists them on a second Tab: each
 * column as wide as the widest word and two spaces, as many as the terminal holds, and
 * an empty word ends a group (a blank row follows it). */
static void show_completions(LineEdit *le) {
  size_t width = 0;
  for (int i = 0; i < le->completion_count; i++) {
    size_t w = columns(le, le->completions[i]);
    if (w > width) width = w;
  }
  width += 2;
  int per_row = (int)((size_t)terminal_width(le) / width), in_row = 0;
  if (per_row < 1) per_row = 1;
  size_t pad = 0;
  puts_le(le, "\r\n");
  for (int i = 0; i < le->completion_count; i++) {
    const char *word = le->completions[i];
    if (!*word || in_row == per_row) puts_le(le, "\r\n"), in_row = 0, pad = 0;
    else while (pad--) puts_le(le, " ");
    if (*word) puts_le(le, word), pad = width - columns(le, word), in_row++;
    else puts_le(le, "\r\n");
  }
  if (in_row) puts_le(le, "\r\n\r\n");
}

/* How many bytes all the non-empty words share (0 when there are none); first gets
 * the first of them. A cut inside a code point backs off to its start. */
static size_t common_prefix(LineEdit *le, const char **first) {
  size_t n = 0;
  *first = NULL;
  for (int i = 0; i < le->completion_count; i++) {
    const char *w = le->completions[i];
    if (!*w) continue;
    if (!*first) *first = w, n = strlen(w);
    for (size_t k = 0; k < n; k++)
      if (w[k] != (*first)[k]) n = k;
  }
  while (n > 0 && *first && ((unsigned char)(*first)[n] & 0xC0) == 0x80) n--;
  return n;
}

//> runtime.lineedit-complete
/* The owner's answer to a Tab, as node's readline uses it: the words' common prefix
 * goes in when it is longer than what was typed, replaces it when it does not extend
 * it, and otherwise a Tab that followed a Tab lists the words. */
static void apply_completion(LineEdit *le) {
  if (le->completion_count == 0 || le->completion_start > le->cursor) return;
  const char *first, *typed = le->line.bytes + le->completion_start;
  size_t typed_n = le->cursor - le->completion_start, shared = common_prefix(le, &first);
  if (shared > typed_n && !strncmp(first, typed, typed_n)) {
    insert_text(le, first + typed_n, shared - typed_n, false);
  } else if (shared > typed_n || strncmp(first ? first : "", typed, shared)) {
    buf_delete(&le->line, le->completion_start, typed_n);
    buf_insert(&le->line, le->completion_start, first, shared);
    le->cursor = le->completion_start + shared;
    refresh(le);
  } else if (le->listing) {
    show_completions(le);
    refresh(le);
  }
}

/* Tab: the owner proposes words for line[start..cursor], at once or, if it calls
 * lineedit_complete_later, with lineedit_complete_done; keys wait until then. */
static void complete(LineEdit *le) {
  if (!le->events.complete) return;
  completions_clear(le);
  le->listing = le->last_was_tab;
  le->asking = true;
  le->events.complete(le, le->line.bytes, le->cursor, le->data);
  le->asking = false;
  if (!le->awaiting) apply_completion(le);
}
//< runtime.lineedit-complete

void lineedit_complete_later(LineEdit *le) {
  if (le->asking) le->awaiting = true;
}

static void wake(Loop *loop, void *data);

/* The keys typed meanwhile are handled from the loop, after the answer. */
static void schedule_input(LineEdit *le) {
  if (!le->processing && !le->wakeup && (le->input.length || le->eof))
    le->wakeup = loop_immediate(le->loop, wake, le);
}

void lineedit_complete_done(LineEdit *le) {
  if (!le->awaiting) return;
  le->awaiting = false;
  apply_completion(le);
  schedule_input(le);
}

/* ==== Editing keys ==== */

static size_t char_start(LineEdit *le, size_t at) { /* the code point before at */
  while (at > 0 && ((unsigned char)le->line.bytes[--at] & 0xC0) == 0x80) {}
  return at;
}

static size_t char_end(LineEdit *le, size_t at) { /* the code point after at */
  if (at < le->line.length) at++;
  while (at < le->line.length && ((unsigned char)le->line.bytes[at] & 0xC0) == 0x80) at++;
  return at;
}

static void delete_range(LineEdit *le, size_t from, size_t to) {
  buf_delete(&le->line, from, to - from);
  le->cursor = from;
  refresh(le);
}

static void delete_word_before(LineEdit *le) { /* Ctrl-W */
  size_t at = le->cursor;
  while (at > 0 && le->line.bytes[at - 1] == ' ') at--;
  while (at > 0 && le->line.bytes[at - 1] != ' ') at--;
  delete_range(le, at, le->cursor);
}

/* The cursor moves as node's readline moves it: along its row by a relative move, or
 * with a redraw when it changes rows. */
static void move_to(LineEdit *le, size_t at) {
  int rows_before, cols_before, rows_after, cols_after;
  char move[32];
  if (at == le->cursor) return;
  display_pos(le, le->cursor, &rows_before, &cols_before);
  le->cursor = at;
  display_pos(le, le->cursor, &rows_after, &cols_after);
  int dx = cols_after - cols_before;
  if (rows_after != rows_before) {
    refresh(le);
  } else if (dx != 0) {
    snprintf(move, sizeof move, "\x1b[%d%c", dx < 0 ? -dx : dx, dx < 0 ? 'D' : 'C');
    puts_le(le, move);
  }
}

/* Enter, Ctrl-C, Ctrl-D: the line ends; the owner is told and shows the next prompt.
 * Readline's Ctrl-C (quiet_ends) leaves the line and the cursor as they are, as node's
 * does for its 'SIGINT' listeners. */
static void finish(LineEdit *le, int how) {
  le->reading = false;
  if (how == 3 && le->quiet_ends) {
    le->events.on_interrupt(le, le->line.length == 0, le->data);
    return;
  }
  if (le->terminal) move_to(le, le->line.length);
  if (le->terminal && !(how != '\r' && le->quiet_ends)) puts_le(le, "\r\n");
  le->prev_rows = 0;
  char *line = mem_strdup(le->line.bytes); /* the owner sees an empty line, as in node */
  bool was_empty = le->line.length == 0;
  buf_set(&le->line, "");
  le->cursor = 0;
  if (how == '\r' && le->terminal) history_add(le, line), history_save(le);
  le->history_index = le->history_count;
  if (how == '\r') le->events.on_line(le, line, strlen(line), le->data);
  else if (how == 3) le->events.on_interrupt(le, was_empty, le->data);
  else le->events.on_eof(le, le->data);
  free(line);
}

/* .editor mode's Ctrl-D: the line typed so far, even an empty one (node's REPL runs it
 * and saves it as a line), then the end of the input. */
static void finish_editor(LineEdit *le) {
  finish(le, '\r');
  le->reading = false;
  le->events.on_eof(le, le->data);
}

//> runtime.lineedit-control
/* One control byte: Ctrl-A..Ctrl-W as readline binds them. */
static void control_key(LineEdit *le, int c) {
  switch (c) {
  case 1: move_to(le, 0); break;                                   /* Ctrl-A: home */
  case 2: move_to(le, char_start(le, le->cursor)); break;          /* Ctrl-B: left */
  case 3: finish(le, 3); break;                                    /* Ctrl-C */
  case 4:                                                          /* Ctrl-D */
    if (le->eof_ends_line) finish_editor(le);
    else if (le->line.length == 0) finish(le, 4);
    else if (le->cursor < le->line.length) delete_range(le, le->cursor, char_end(le, le->cursor));
    break;
  case 5: move_to(le, le->line.length); break;                     /* Ctrl-E: end */
  case 6: move_to(le, char_end(le, le->cursor)); break;            /* Ctrl-F: right */
  case 8: case 127:                                                /* Backspace */
    if (le->cursor > 0) delete_range(le, char_start(le, le->cursor), le->cursor);
    break;
  case 9: complete(le); break;                                     /* Tab */
  case 11: delete_range(le, le->cursor, le->line.length); break;   /* Ctrl-K */
  case 12: puts_le(le, "\x1b[H\x1b[2J"), refresh(le); break;       /* Ctrl-L: clear screen */
  case 14: history_step(le, 1); break;                             /* Ctrl-N: next */
  case 16: history_step(le, -1); break;                            /* Ctrl-P: previous */
  case 21: delete_range(le, 0, le->cursor); break;                 /* Ctrl-U */
  case 23: delete_word_before(le); break;                          /* Ctrl-W */
  case '\r': case '\n': finish(le, '\r'); break;                   /* Enter */
  default: break;
  }
}
//< runtime.lineedit-control

/* ESC [ X, ESC O X and ESC [ n ~: arrows, Home, End, Delete. Returns the bytes used,
 * or 0 if the sequence is not complete yet. */
static size_t escape_key(LineEdit *le, const char *s, size_t n) {
  if (n < 2) return 0;
  if (s[1] != '[' && s[1] != 'O') return 1; /* a lone ESC (or Alt-key): ignored */
  size_t i = 2;
  while (i < n && s[i] >= '0' && s[i] <= '9') i++;
  if (i >= n) return 0;
  int number = atoi(s + 2);
  switch (s[i]) {
  case 'A': history_step(le, -1); break;
  case 'B': history_step(le, 1); break;
  case 'C': move_to(le, char_end(le, le->cursor)); break;
  case 'D': move_to(le, char_start(le, le->cursor)); break;
  case 'H': move_to(le, 0); break;
  case 'F': move_to(le, le->line.length); break;
  case '~':
    if (number == 1 || number == 7) move_to(le, 0);
    else if (number == 4 || number == 8) move_to(le, le->line.length);
    else if (number == 3 && le->cursor < le->line.length)
      delete_range(le, le->cursor, char_end(le, le->cursor));
    break;
  default: break;
  }
  return i + 1;
}

/* Handles the key at the start of s; returns the bytes it used (0: wait for more). A
 * Tab that is not the last byte read is pasted text, as node's readline takes it. */
static size_t terminal_key(LineEdit *le, const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  size_t used = 1;
  if (c == 27) {
    used = escape_key(le, s, n);
    if (used == 0) return 0;
  } else if ((c < 32 && !(c == '\t' && n > 1)) || c == 127) {
    control_key(le, c);
  } else { /* a whole UTF-8 sequence is inserted at once */
    while (used < n && ((unsigned char)s[used] & 0xC0) == 0x80) used++;
    insert_text(le, s, used, used < n);
  }
  le->last_was_tab = c == '\t';
  return used;
}

/* Not a terminal: one line up to \n (a last line without one ends at EOF). */
static size_t pipe_line(LineEdit *le, const char *s, size_t n) {
  const char *nl = memchr(s, '\n', n);
  if (!nl && !le->eof) return 0;
  size_t len = nl ? (size_t)(nl - s) : n;
  buf_set(&le->line, "");
  buf_insert(&le->line, 0, s, len > 0 && s[len - 1] == '\r' ? len - 1 : len);
  finish(le, '\r');
  return nl ? len + 1 : len;
}

/* ==== Input from the loop ==== */

/* The owner sees each key after the editor has handled it (readline's 'keypress'). */
static void key_event(LineEdit *le, const char *s, size_t n) {
  char key[64];
  if (n >= sizeof key) n = sizeof key - 1;
  memcpy(key, s, n);
  key[n] = 0;
  le->events.on_key(le, key, n, le->data);
}

//> runtime.lineedit-process
/* Handles buffered input while a line is wanted. on_line usually asks for the next line
 * at once (lineedit_prompt), so one read can hold many lines; when the owner waits
 * (top-level await, a completion that answers later, readline paused), the rest stays
 * buffered until it asks again. */
static void process(LineEdit *le) {
  if (le->processing) return;
  le->processing = true;
  size_t used = 0;
  while (le->reading && !le->awaiting && !le->held && used < le->input.length) {
    const char *s = le->input.bytes + used;
    size_t n = le->input.length - used;
    size_t k = le->terminal ? terminal_key(le, s, n) : pipe_line(le, s, n);
    if (k == 0) break;
    if (le->terminal && le->events.on_key) key_event(le, s, k);
    used += k;
  }
  buf_delete(&le->input, 0, used);
  le->processing = false;
  if (le->reading && !le->awaiting && !le->held && le->eof && (le->terminal || le->input.length == 0))
    finish(le, 4);
}
//< runtime.lineedit-process

static void on_readable(Loop *loop, int fd, int revents, void *data) {
  LineEdit *le = data;
  char chunk[4096];
  ssize_t n = read(fd, chunk, sizeof chunk);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) {
    le->eof = true;
    loop_unwatch_fd(loop, fd);
  } else {
    buf_insert(&le->input, le->input.length, chunk, (size_t)n);
  }
  process(le);
}

static void wake(Loop *loop, void *data) {
  LineEdit *le = data;
  le->wakeup = 0;
  process(le);
}

/* ==== The public face ==== */

LineEdit *lineedit_new(Loop *loop, int in_fd, int out_fd, const LineEditEvents *events,
                       void *data) {
  LineEdit *le = mem_calloc(1, sizeof *le);
  le->loop = loop, le->in = in_fd, le->out = out_fd;
  le->terminal = isatty(in_fd) && isatty(out_fd);
  le->events = *events, le->data = data;
  le->prompt = mem_strdup("");
  le->history_max = HISTORY_MAX;
  buf_set(&le->line, "");
  buf_set(&le->input, "");
  loop_watch_fd(loop, in_fd, LOOP_READABLE, on_readable, le);
  return le;
}

bool lineedit_is_terminal(const LineEdit *le) { return le->terminal; }

/* As node's rl.prompt(): the cursor goes to the start of the line (empty after Enter),
 * and the prompt and the line are drawn. */
void lineedit_prompt(LineEdit *le, const char *prompt) {
  lineedit_set_prompt(le, prompt);
  le->cursor = 0;
  le->awaiting = false; /* an answer to an earlier line's Tab is not wanted */
  raw_mode(le, true);   /* before the prompt: no key typed after it is echoed twice */
  if (le->terminal) refresh(le);
  else puts_le(le, prompt);
  lineedit_listen(le);
}

void lineedit_set_width(LineEdit *le, int (*width)(uint32_t cp)) { le->width = width; }

/* The cursor's column and row below the prompt's, as readline's getCursorPos. */
void lineedit_cursor_pos(LineEdit *le, int *cols, int *rows) { display_pos(le, le->cursor, rows, cols); }

void lineedit_set_prompt(LineEdit *le, const char *prompt) {
  free(le->prompt);
  le->prompt = mem_strdup(prompt);
}

void lineedit_listen(LineEdit *le) {
  le->reading = true;
  raw_mode(le, true);
  schedule_input(le);
}

void lineedit_set_eof_ends_line(LineEdit *le, bool on) { le->eof_ends_line = on; }

void lineedit_set_quiet_ends(LineEdit *le, bool on) { le->quiet_ends = on; }

void lineedit_set_history_size(LineEdit *le, int size) {
  le->history_max = size < 0 ? 0 : size;
  while (le->history_count > le->history_max) { /* the oldest go */
    free(le->history[0]);
    memmove(le->history, le->history + 1, sizeof(char *) * (size_t)--le->history_count);
  }
  le->history_index = le->history_count;
}

const char *lineedit_line(const LineEdit *le) { return le->line.bytes; }

size_t lineedit_cursor(const LineEdit *le) { return le->cursor; }

void lineedit_set_cooked(LineEdit *le, bool on) { raw_mode(le, !on); }

void lineedit_hold(LineEdit *le, bool on) {
  le->held = on;
  if (!on) schedule_input(le);
}

/* Text written as if typed, without keys: \r\n, \n and \r end lines (readline's
 * rl.write on a terminal). Stops when the owner stops reading. */
void lineedit_write(LineEdit *le, const char *s, size_t n) {
  while (le->terminal) {
    size_t k = 0;
    while (k < n && s[k] != '\r' && s[k] != '\n') k++;
    if (k > 0) insert_text(le, s, k, false);
    if (k == n) return;
    k += s[k] == '\r' && k + 1 < n && s[k + 1] == '\n' ? 2 : 1;
    finish(le, '\r');
    s += k, n -= k;
  }
}

/* Keys as if typed (readline's rl.write(null, key)); a key cut short is dropped. */
void lineedit_keys(LineEdit *le, const char *s, size_t n) {
  while (le->terminal && n > 0) {
    size_t k = terminal_key(le, s, n);
    if (k == 0) return;
    s += k, n -= k;
  }
}

void lineedit_refresh(LineEdit *le) {
  if (!le->reading) return;
  if (le->terminal) refresh(le);
  else puts_le(le, le->prompt);
}

void lineedit_free(LineEdit *le) {
  if (!le) return;
  raw_mode(le, false);
  if (!le->eof) loop_unwatch_fd(le->loop, le->in);
  loop_immediate_cancel(le->loop, le->wakeup);
  completions_clear(le);
  for (int i = 0; i < le->history_count; i++) free(le->history[i]);
  free(le->history), free(le->history_file), free(le->edited), free(le->completions);
  free(le->prompt), free(le->line.bytes), free(le->input.bytes);
  free(le);
}
