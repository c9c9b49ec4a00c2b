/* repl.c - node's REPL on the event loop, and node -p's printing of a result.
 * Book: chapter 8, "The event loop" (the REPL and its line editor).
 *
 *   stdlib_repl          read lines with runtime/lineedit.c, run each as a global script
 *   stdlib_print_result  -p: the completion value as console.log prints it
 *
 * Each line is compiled as one more global script, so let/const/class persist in the
 * global lexical record as between <script>s; its completion value is inspected. Input
 * that ends too early (SyntaxError "Unexpected end of input") waits for more lines. A
 * line with await at its top is rewritten as node's REPL rewrites it, its declarations
 * hoisted out of an async arrow ("Top-level await").
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "lexer/lexer.h"
#include "lexer/stack.h"
#include "parser/parser.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"
#include "stdlib/node/repl_await.h"

typedef struct Repl {
  Host *host;
  VM *vm;
  LineEdit *le;
  bool colors;       /* a terminal: inspect with colours, as node's writer does */
  StrBuf pending;    /* the lines of an incomplete statement, or of .editor mode */
  bool editor;       /* .editor: lines gather until Ctrl-D */
  bool interrupted;  /* the last key was Ctrl-C on an empty line */
  bool awaiting;     /* a top-level await is running: no prompt until it settles */
  bool ended;        /* the input ended while awaiting */
  int count;         /* lines run: each is the script REPL<count> */
  bool threw;        /* the input run last threw: .save leaves its line out */
  StrBuf session;    /* the lines .save writes, joined by newlines */
  int saved;         /* how many lines session holds */
  char *editor_line; /* .editor's last line: saved once its block has run */
  char *awaited;     /* the line of a top-level await: saved if its promise fulfils */
  /* "\n    at REPL<n>:<line>:4": the frame of that await's script (hold_prompt) */
  char await_frame[64];
} Repl;

/* The REPL of a VM, for the host's callbacks (only C state: no values are kept). */
typedef struct ReplSlot { Repl *repl; } ReplSlot;
static const VMStateType repl_slot = {"repl", sizeof(ReplSlot), NULL, NULL};
static Repl *repl_of(VM *vm) { return ((ReplSlot *)vm_state(vm, &repl_slot))->repl; }

static void run_code(Repl *r, const char *code, size_t length);

/* ==== Printing ==== */

static void print_value_text(Repl *r, Value text) {
  if (value_is_exception(text)) vm_take_exception(r->vm), text = vm_string(r->vm, "<error>");
  char *s = vm_to_utf8(r->vm, text, NULL);
  printf("%s\n", s);
  free(s);
  fflush(stdout);
}

static Value inspect_for_repl(Repl *r, Value v) {
  InspectOptions opts;
  inspect_default_options(r->vm, &opts);
  opts.colors = r->colors;
  opts.show_proxy = true; /* node's REPL writer shows proxies as proxies */
  return inspect_value(r->vm, v, &opts);
}

void stdlib_print_result(Host *host, Value result) {
  VM *vm = host_vm(host);
  Value text = vm_handle_push(vm, format_args(vm, 1, &result));
  if (value_is_exception(text)) vm_take_exception(vm), text = vm_string(vm, "<error>");
  char *s = vm_to_utf8(vm, text, NULL);
  printf("%s\n", s);
  free(s);
  fflush(stdout);
}

//> stdlib.repl-uncaught
/* Node's REPL prints a thrown value as "Uncaught " and its inspection: before the line
 * that names the error (after a SyntaxError's source line and caret), else before all of
 * it, on a line of its own when it takes several. An error without frames, "[Error: x]",
 * loses its brackets, even on several lines. */
static void print_uncaught(Repl *r, Value exception) {
  char *text = vm_to_utf8(r->vm, vm_handle_push(r->vm, inspect_for_repl(r, exception)), NULL);
  size_t n = strlen(text);
  if (n >= 2 && vm_is_error(exception) && text[0] == '[' && text[n - 1] == ']')
    memmove(text, text + 1, n - 2), text[n - 2] = 0;
  StrBuf out = {0};
  bool matched = false;
  for (char *line = text; *line;) {
    size_t len = strcspn(line, "\n");
    bool names = !matched && strstr(line, "Error") && line[line[0] == '['] >= 'A' &&
                 line[line[0] == '['] <= 'Z' && strspn(line + (line[0] == '['),
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") > 0;
    if (names) sb_puts(&out, len <= 80 ? "Uncaught " : "Uncaught:\n"), matched = true;
    sb_putn(&out, line, len + (line[len] == '\n'));
    line += len + (line[len] == '\n');
  }
  char *body = sb_take(&out);
  if (matched) printf("%s\n", body);
  else printf("Uncaught%s%s\n", strchr(body, '\n') ? ":\n" : " ", body);
  fflush(stdout);
  free(body), free(text);
}
//< stdlib.repl-uncaught

/* A SyntaxError from compiling a line: its source line and caret come first (V8's
 * "arrow"), and its stack has no frames. */
static void print_syntax_error(Repl *r, Value error, SourceSite site, const char *code) {
  if (!strstr(code, "\n") || site.line > 0) {
    const char *line = code;
    for (int n = 1; n < site.line && strchr(line, '\n'); n++) line = strchr(line, '\n') + 1;
    int len = (int)strcspn(line, "\n");
    printf("%.*s\n%*s", len, line, site.column - 1, "");
    for (int i = 0; i < (site.length > 0 ? site.length : 1); i++) putchar('^');
    printf("\n\n");
  }
  Value message = vm_get_str(r->vm, error, "message");
  if (value_is_string(message)) { /* "SyntaxError: message", as its stack without frames */
    StrBuf sb = {0};
    sb_puts(&sb, "SyntaxError: ");
    sb_put_js(&sb, message);
    vm_set_str(r->vm, error, "stack", sb_finish(r->vm, &sb));
  }
  print_uncaught(r, error);
}

/* ==== Running a line ==== */

/* Node cuts the frames of the REPL's own code from an error thrown by a line: the line's
 * top-level frame (the last "at" line with no function name) and all below it. */
static void trim_stack(Repl *r, Value error) {
  Value stack = vm_get_str(r->vm, error, "stack");
  if (!vm_is_error(error) || !value_is_string(stack)) return;
  char *s = vm_to_utf8(r->vm, stack, NULL);
  char *cut = NULL;
  for (char *at = strstr(s, "\n    at "); at; at = strstr(at + 1, "\n    at ")) {
    size_t len = strcspn(at + 1, "\n");
    if (!memchr(at + 1, '(', len)) cut = at;
  }
  if (cut) *cut = 0, vm_set_str(r->vm, error, "stack", vm_string(r->vm, s));
  free(s);
}

static void set_global(Repl *r, const char *name, Value v) {
  vm_define_str(r->vm, vm_global(r->vm), name, v, VM_ATTR_WRITABLE | VM_ATTR_CONFIGURABLE);
}

static void line_threw(Repl *r) {
  r->threw = true;
  bool exiting = vm_is_terminating(r->vm) && /* process.exit(): nothing to print */
                 value_is_undefined(vm_pending_exception(r->vm)); /* (Ctrl-C's prints) */
  Value e = vm_handle_push(r->vm, vm_take_exception(r->vm));
  if (exiting) return;
  trim_stack(r, e);
  set_global(r, "_error", e);
  print_uncaught(r, e);
}

static void line_result(Repl *r, Value result) {
  set_global(r, "_", vm_handle_push(r->vm, result)); /* rooted before anything allocates */
  print_value_text(r, vm_handle_push(r->vm, inspect_for_repl(r, result)));
}

/* Node's REPL reads `{ a: 1 }` as an object, not a block: a line that starts with { and
 * ends with } is first tried in parentheses. */
static bool looks_like_object(const char *code) {
  while (*code == ' ' || *code == '\t' || *code == '\n') code++;
  size_t n = strlen(code);
  while (n > 0 && strchr(" \t\n;", code[n - 1])) n--;
  return code[0] == '{' && n > 0 && code[n - 1] == '}' && code[n] != ';';
}

static Value compile_line(Repl *r, const char *code, const char *name) {
  VM *vm = r->vm;
  if (looks_like_object(code)) {
    StrBuf sb = {0};
    sb_printf(&sb, "(%s)", code);
    Value fn = vm_compile(vm, sb.data, sb.len, name, COMPILE_SCRIPT);
    sb_free(&sb);
    if (!value_is_exception(fn)) return fn;
    vm_take_exception(vm);
  }
  return vm_compile(vm, code, strlen(code), name, COMPILE_SCRIPT);
}

static bool message_is(VM *vm, Value error, const char *text) {
  Value m = vm_is_error(error) ? vm_get_str(vm, error, "message") : VALUE_UNDEFINED;
  if (!value_is_string(m)) return false;
  char *s = vm_to_utf8(vm, m, NULL);
  bool same = strncmp(s, text, strlen(text)) == 0;
  free(s);
  return same;
}

static void prompt(Repl *r) {
  if (r->awaiting) return;
  lineedit_prompt(r->le, r->editor ? "" : r->pending.len ? "... " : "> ");
}

/* What try_await made of a line: not one node rewrites (run it as a script), run, or
 * one that goes on in the next line. */
typedef enum AwaitRun { AWAIT_NOT, AWAIT_RAN, AWAIT_MORE } AwaitRun;
static AwaitRun try_await(Repl *r, const char *code, const char *name);

/* ==== Ctrl-C while a line runs ==== */

static VM *interrupted_vm; /* the VM a SIGINT stops (a signal handler takes no data) */

static void on_sigint(int sig) {
  (void)sig;
  vm_interrupt(interrupted_vm, true);
}

/* Runs a line's code. On a terminal the line editor leaves raw mode meanwhile, so that
 * Ctrl-C is SIGINT, which stops the code at its next loop (node's breakEvalOnSigint).
 * Raw mode comes back before the handler goes: a Ctrl-C typed after the line is a key. */
static Value run_interruptible(Repl *r, Value fn) {
  VM *vm = r->vm;
  if (!lineedit_is_terminal(r->le)) return vm_call(vm, fn, vm_global(vm), 0, NULL);
  struct sigaction on = {0}, saved;
  on.sa_handler = on_sigint;
  sigemptyset(&on.sa_mask);
  interrupted_vm = vm;
  sigaction(SIGINT, &on, &saved);
  lineedit_set_cooked(r->le, true);
  Value result = vm_call(vm, fn, vm_global(vm), 0, NULL);
  lineedit_set_cooked(r->le, false);
  sigaction(SIGINT, &saved, NULL);
  vm_interrupt(vm, false); /* a Ctrl-C that came as the line ended */
  return result;
}

//> stdlib.repl-run
/* Compiles code as the script `name`, runs it and prints its value, or what it threw;
 * false if it ends too early (SyntaxError "Unexpected end of input"): wait for more. */
static bool run_script(Repl *r, const char *code, const char *name) {
  VM *vm = r->vm;
  Value fn = compile_line(r, code, name);
  if (value_is_exception(fn)) {
    SourceSite site = vm_exception_site(vm);
    Value e = vm_handle_push(vm, vm_take_exception(vm));
    if (message_is(vm, e, "Unexpected end of input") && !r->editor) return false;
    set_global(r, "_error", e);
    print_syntax_error(r, e, site, code);
    return true;
  }
  Value result = run_interruptible(r, vm_handle_push(vm, fn));
  if (value_is_exception(result)) line_threw(r);
  else line_result(r, result);
  return true;
}

/* One complete input, the script REPL<n>: a line with await at its top the way node
 * rewrites it (try_await, under "Top-level await"), any other as it is. */
static void run_code(Repl *r, const char *code, size_t length) {
  VM *vm = r->vm;
  int mark = vm_handle_mark(vm);
  char name[32];
  snprintf(name, sizeof name, "REPL%d", ++r->count);
  AwaitRun run = strstr(code, "await") ? try_await(r, code, name) : AWAIT_NOT;
  bool complete = run == AWAIT_NOT ? run_script(r, code, name) : run == AWAIT_RAN;
  if (complete) sb_free(&r->pending);
  else if (!r->pending.len) sb_putn(&r->pending, code, length); /* wait for more */
  vm_handle_reset(vm, mark);
}
//< stdlib.repl-run

/* ==== .save's session ==== */

/* Node's .save writes the lines of the inputs that did not throw, as they were typed:
 * an incomplete line, a SyntaxError's line, an empty line, every line of an .editor
 * block or a .load, an unknown command; never a command. */
static void save_line(Repl *r, const char *line, size_t length) {
  if (r->saved++) sb_putc(&r->session, '\n');
  sb_putn(&r->session, line, length);
}

/* Runs an input whose lines before `last` are saved already: `last` is saved now, or
 * when a top-level await fulfils, unless the input throws. NULL saves nothing. */
static void run_and_save(Repl *r, const char *code, size_t length, const char *last,
                         size_t last_length) {
  r->threw = false;
  run_code(r, code, length);
  if (!last || r->threw) return;
  if (r->awaiting) free(r->awaited), r->awaited = mem_strndup(last, last_length);
  else save_line(r, last, last_length);
}

/* ==== Top-level await ==== */

/* A line with await at its top is rewritten as node's REPL rewrites it (repl_await.c),
 * and the prompt waits for the promise of the async arrow it becomes. */

/* ---- When the wrapped line does not parse ---- */

/* The SyntaxError node makes of a line whose rewrite does not parse: its message is the
 * line, a caret under the column and acorn's words; its stack has no frames. */
static void print_await_error(Repl *r, const char *src, const ParseError *err, size_t pos) {
  VM *vm = r->vm;
  const char *line = src;
  for (int n = 1; n < err->line && strchr(line, '\n'); n++) line = strchr(line, '\n') + 1;
  int column = err->column - 1 - (err->line == 1 ? (int)strlen(AWAIT_PREFIX) : 0);
  StrBuf sb = {0};
  sb_printf(&sb, "\n%.*s\n", (int)strcspn(line, "\n"), line);
  sb_spaces(&sb, column > 0 ? column : 0);
  sb_puts(&sb, "^\n\n");
  repl_await_message(&sb, err->message, src, pos);
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  Value e = vm_handle_push(vm, vm_make_error(vm, ERR_SYNTAX, message));
  StrBuf stack = {0};
  sb_puts(&stack, "SyntaxError: ");
  sb_put_js(&stack, message);
  vm_set_str(vm, e, "stack", sb_finish(vm, &stack));
  set_global(r, "_error", e);
  print_uncaught(r, e);
}

/* A line with await whose wrapped form does not parse, as node takes it (repl_await.c):
 * run as it is, wait for more lines, or show acorn's error. */
static AwaitRun await_parse_failed(Repl *r, const char *src, ParseError err) {
  size_t pos;
  switch (repl_await_failure(src, &err, !r->editor, &pos)) {
  case AWAIT_FAILED_PLAIN: return AWAIT_NOT;
  case AWAIT_FAILED_MORE: return AWAIT_MORE;
  default: print_await_error(r, src, &err, pos); return AWAIT_RAN;
  }
}

/* ---- Running the rewritten line ---- */

/* Whether an error's stack runs down to the frame of the line's script (hold_prompt). */
static bool made_before_waiting(Repl *r, Value error) {
  Value stack = vm_is_error(error) ? vm_get_str(r->vm, error, "stack") : VALUE_UNDEFINED;
  if (value_is_exception(stack)) vm_take_exception(r->vm); /* a getter that throws */
  if (!value_is_string(stack)) return false;
  char *s = vm_to_utf8(r->vm, stack, NULL);
  size_t n = strlen(r->await_frame);
  const char *at = strstr(s, r->await_frame);
  bool found = at && (at[n] == '\n' || at[n] == 0);
  free(s);
  return found;
}

/* The fulfilled or rejected promise of a top-level await: its value (the object's, see
 * return_last) or its error is printed, then the prompt comes back. */
static Value await_settled(VM *vm, Value this_value, int argc, Value *argv) {
  Repl *r = repl_of(vm);
  Value v = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  bool rejected = vm_native_magic(vm);
  if (rejected && made_before_waiting(r, v)) trim_stack(r, v);
  if (rejected) set_global(r, "_error", v), print_uncaught(r, v);
  else line_result(r, value_is_object(v) ? vm_get_str(vm, v, "value") : VALUE_UNDEFINED);
  if (r->awaited && !rejected) save_line(r, r->awaited, strlen(r->awaited));
  free(r->awaited), r->awaited = NULL;
  r->awaiting = false;
  if (r->ended) host_exit(r->host, host_exit_code(r->host));
  else prompt(r);
  return VALUE_UNDEFINED;
}

/* Holds the prompt until the line's promise settles (await_settled). The frame of the
 * line's script is the call at its last line, `})()`: a stack made before the arrow
 * first waited runs down to it, and node trims such a stack (not one made later). */
static void hold_prompt(Repl *r, Value promise, const char *name, const char *text) {
  VM *vm = r->vm;
  int lines = 1;
  for (const char *s = text; (s = strchr(s, '\n')); s++) lines++;
  snprintf(r->await_frame, sizeof r->await_frame, "\n    at %s:%d:4", name, lines);
  Value ok = vm_handle_push(vm, vm_native_new(vm, "", await_settled, 1));
  Value fail = vm_handle_push(vm, vm_native_new(vm, "", await_settled, 1));
  vm_native_set_magic(fail, 1);
  vm_promise_then(vm, promise, ok, fail, VALUE_UNDEFINED);
  r->awaiting = true;
}

/* Runs the rewritten line as the script `name`. If it does not compile (a name declared
 * twice, say), node runs the line as it is if that compiles, else shows the rewritten
 * line's error, caret and all. */
static AwaitRun run_rewritten(Repl *r, const char *text, const char *code, const char *name) {
  VM *vm = r->vm;
  Value fn = vm_compile(vm, text, strlen(text), name, COMPILE_SCRIPT);
  if (value_is_exception(fn)) {
    SourceSite site = vm_exception_site(vm);
    Value e = vm_handle_push(vm, vm_take_exception(vm));
    if (!value_is_exception(compile_line(r, code, name))) return AWAIT_NOT;
    vm_take_exception(vm);
    set_global(r, "_error", e);
    print_syntax_error(r, e, site, text);
    return AWAIT_RAN;
  }
  Value promise = run_interruptible(r, vm_handle_push(vm, fn));
  if (value_is_exception(promise)) line_threw(r);
  else if (!vm_is_promise(promise)) line_result(r, promise);
  else hold_prompt(r, vm_handle_push(vm, promise), name, text);
  return AWAIT_RAN;
}

/* What node rewrites: the line and a newline or, for a line that starts with { and does
 * not end with ;, the line trimmed in parentheses (node reads it as an object). */
static char *await_source(const char *code) {
  const char *start = code + strspn(code, " \t\n\r\v\f");
  size_t n = strlen(start);
  while (n > 0 && strchr(" \t\n\r\v\f", start[n - 1])) n--;
  StrBuf sb = {0};
  if (*start == '{' && start[n - 1] != ';') sb_printf(&sb, "(%.*s)\n", (int)n, start);
  else sb_printf(&sb, "%s\n", code);
  return sb_take(&sb);
}

//> stdlib.repl-try-await
/* A line with "await" in it, as node's REPL runs it: rewritten if it has await at its
 * top, and run. AWAIT_NOT: node runs it as it is; AWAIT_MORE: it goes on. */
static AwaitRun try_await(Repl *r, const char *code, const char *name) {
  char *src = await_source(code);
  ParseError err;
  char *text = repl_await_rewrite(src, &err);
  AwaitRun run = text       ? run_rewritten(r, text, code, name)
                 : err.line ? await_parse_failed(r, src, err)
                            : AWAIT_NOT;
  free(text), free(src);
  return run;
}
//< stdlib.repl-try-await

/* ==== Commands ==== */

static void exit_repl(Repl *r) {
  if (r->awaiting) r->ended = true;
  else host_exit(r->host, host_exit_code(r->host));
}

static void cmd_help(Repl *r, const char *arg);
static void cmd_break(Repl *r, const char *arg) { sb_free(&r->pending); }
static void cmd_exit(Repl *r, const char *arg) { exit_repl(r); }

static void cmd_editor(Repl *r, const char *arg) {
  r->editor = true;
  lineedit_set_eof_ends_line(r->le, true);
  printf("// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n");
}

/* Node types a loaded file in .editor mode: each line is saved as it comes, and the last
 * (after the last newline, maybe empty) once the whole has run, unless it threw. */
static void load_code(Repl *r, const char *code, size_t length) {
  const char *last = code, *end = code + length;
  for (const char *nl; (nl = memchr(last, '\n', (size_t)(end - last)));)
    save_line(r, last, (size_t)(nl - last)), last = nl + 1;
  run_and_save(r, code, length, last, (size_t)(end - last));
}

static void cmd_load(Repl *r, const char *arg) {
  FILE *f = fopen(arg, "rb");
  if (!f) {
    printf("Failed to load: %s\n", arg);
    return;
  }
  StrBuf sb = {0};
  char chunk[4096];
  for (size_t n; (n = fread(chunk, 1, sizeof chunk, f)) > 0;) sb_putn(&sb, chunk, n);
  fclose(f);
  if (lineedit_is_terminal(r->le)) /* node types the file in editor mode: it shows */
    fwrite(sb.data, 1, sb.len, stdout), putchar('\n'), fflush(stdout);
  if (sb.len) load_code(r, sb.data, sb.len);
  else save_line(r, "", 0); /* node ran an empty line */
  sb_free(&sb);
  if (!host_exiting(r->host)) lineedit_prompt(r->le, "> "); /* node shows one more */
}

static void cmd_save(Repl *r, const char *arg) {
  FILE *f = fopen(arg, "w");
  if (!f) {
    printf("Failed to save: %s\n", arg);
    return;
  }
  fputs(r->session.data ? r->session.data : "", f); /* node joins the lines with \n */
  fclose(f);
  printf("Session saved to: %s\n", arg);
}

/* The learning commands print what one stage makes of the code, as the --dump flags do. */
static void cmd_tokens(Repl *r, const char *arg) {
  Token error;
  if (lex_dump_tokens(arg, strlen(arg), stdout, &error) != 0) run_code(r, arg, strlen(arg));
}

static void cmd_ast(Repl *r, const char *arg) {
  Parser *p = parse_new(arg, strlen(arg), PARSE_SCRIPT, stack_limit_new());
  ParseError err;
  Node *program = parse_program(p, &err);
  if (program) parse_dump_ast(program, stdout);
  parse_free(p);
  if (!program) run_code(r, arg, strlen(arg)); /* reports the SyntaxError */
}

static void cmd_bytecode(Repl *r, const char *arg) {
  int mark = vm_handle_mark(r->vm);
  Value fn = compile_line(r, arg, "REPL");
  if (value_is_exception(fn)) vm_take_exception(r->vm), run_code(r, arg, strlen(arg));
  else vm_disassemble(r->vm, vm_handle_push(r->vm, fn), stdout);
  vm_handle_reset(r->vm, mark);
}

static void cmd_trace(Repl *r, const char *arg) {
  fflush(stdout);
  vm_set_trace(r->vm, stdout);
  run_code(r, arg, strlen(arg));
  vm_set_trace(r->vm, NULL);
}

typedef struct ReplCommand {
  const char *name;
  void (*run)(Repl *r, const char *arg);
  const char *help;
  bool terminal_only;
} ReplCommand;

//> stdlib.repl-commands
static const ReplCommand commands[] = { /* sorted, as .help lists them */
    {"ast", cmd_ast, "Print the syntax tree of CODE (chapter 2)", false},
    {"break", cmd_break, "Sometimes you get stuck, this gets you out", false},
    {"bytecode", cmd_bytecode, "Print the bytecode of CODE (chapter 4)", false},
    {"clear", cmd_break, "Alias for .break", false},
    {"editor", cmd_editor, "Enter editor mode", true},
    {"exit", cmd_exit, "Exit the REPL", false},
    {"help", cmd_help, "Print this help message", false},
    {"load", cmd_load, "Load JS from a file into the REPL session", false},
    {"save", cmd_save, "Save all evaluated commands in this REPL session to a file", false},
    {"tokens", cmd_tokens, "Print the tokens of CODE (chapter 1)", false},
    {"trace", cmd_trace, "Run CODE printing every instruction (chapter 5)", false},
};
//< stdlib.repl-commands
#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static bool command_available(Repl *r, const ReplCommand *c) {
  return !c->terminal_only || lineedit_is_terminal(r->le);
}

static void cmd_help(Repl *r, const char *arg) {
  int width = 0;
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    if (command_available(r, &commands[i]) && (int)strlen(commands[i].name) > width)
      width = (int)strlen(commands[i].name);
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    if (command_available(r, &commands[i]))
      printf(".%-*s%s\n", width + 3, commands[i].name, commands[i].help);
  printf("\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n");
}

/* ".name rest": runs the command and returns true. A line that names no command is
 * code when a statement is pending (else "Invalid REPL keyword"); `.5` is a number. */
static bool run_command(Repl *r, const char *line) {
  const char *typed = line;
  line += strspn(line, " \t");
  if (line[0] != '.' || !((line[1] >= 'a' && line[1] <= 'z') || (line[1] >= 'A' && line[1] <= 'Z')))
    return false;
  size_t n = strcspn(line + 1, " \t");
  const char *arg = line + 1 + n;
  arg += strspn(arg, " \t");
  for (size_t i = 0; i < COMMAND_COUNT; i++) {
    const ReplCommand *c = &commands[i];
    if (strlen(c->name) == n && !strncmp(c->name, line + 1, n) && command_available(r, c)) {
      c->run(r, arg);
      fflush(stdout);
      return true;
    }
  }
  if (r->pending.len) return false;
  printf("Invalid REPL keyword\n");
  save_line(r, typed, strlen(typed)); /* node saves it, as a line that did not throw */
  return true;
}

/* ==== Tab completion ==== */

static bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

/* Adds the string keys of obj and of its prototypes that start with prefix. */
static void complete_keys(Repl *r, Value obj, const char *prefix, size_t start) {
  VM *vm = r->vm;
  for (int depth = 0; value_is_object(obj) && depth < 32; depth++) {
    Value keys = vm_handle_push(vm, vm_own_property_keys(vm, obj, VM_KEYS_STRINGS | VM_KEYS_HIDDEN));
    if (value_is_exception(keys)) return (void)vm_take_exception(vm);
    for (uint32_t i = 0; i < vm_array_length(keys); i++) {
      char *k = vm_to_utf8(vm, vm_array_get(vm, keys, i), NULL);
      if (!strncmp(k, prefix, strlen(prefix)) && word_char(k[0]) && !(k[0] >= '0' && k[0] <= '9'))
        lineedit_add_completion(r->le, start, k);
      free(k);
    }
    obj = vm_handle_push(vm, vm_get_prototype_of(vm, obj));
    if (value_is_exception(obj)) return (void)vm_take_exception(vm);
  }
}

/* The object a completion looks in: globalThis, or what the chain a.b.c before the last
 * dot reads, run as a script so that let and const names are found. Only names and
 * dots are taken, so completing calls nothing (a getter still runs, as in node). */
static Value completion_base(Repl *r, const char *chain, size_t n) {
  VM *vm = r->vm;
  if (n == 0) return vm_global(vm);
  Value fn = vm_compile(vm, chain, n, "REPL", COMPILE_SCRIPT);
  Value obj = value_is_exception(fn) ? fn : vm_call(vm, vm_handle_push(vm, fn), vm_global(vm), 0, NULL);
  if (value_is_exception(obj)) return vm_take_exception(vm), VALUE_UNDEFINED;
  return vm_handle_push(vm, obj);
}

static void complete(LineEdit *le, const char *line, size_t cursor, void *data) {
  Repl *r = data;
  int mark = vm_handle_mark(r->vm);
  size_t start = cursor, dot;
  while (start > 0 && word_char(line[start - 1])) start--;
  char *prefix = mem_alloc(cursor - start + 1);
  memcpy(prefix, line + start, cursor - start), prefix[cursor - start] = 0;
  size_t chain = start;
  while (chain > 0 && (word_char(line[chain - 1]) || line[chain - 1] == '.')) chain--;
  while (chain < start && line[chain] == '.') chain++; /* `...x.y` or `1.` are no chain */
  dot = start > chain ? start - 1 - chain : 0;
  Value base = completion_base(r, line + chain, dot);
  if (start == chain) /* a bare name: the lines' let, const and class first, as node */
    complete_keys(r, vm_global_lexicals(r->vm), prefix, start);
  if (value_is_object(base)) complete_keys(r, base, prefix, start);
  free(prefix);
  vm_handle_reset(r->vm, mark);
}

/* ==== The line editor's events ==== */

static void on_line(LineEdit *le, const char *line, size_t length, void *data) {
  Repl *r = data;
  r->interrupted = false;
  if (r->editor) { /* each line is saved when the next comes, the last after the block */
    if (r->editor_line) save_line(r, r->editor_line, strlen(r->editor_line));
    free(r->editor_line), r->editor_line = mem_strndup(line, length);
    sb_putn(&r->pending, line, length), sb_putc(&r->pending, '\n');
    return prompt(r);
  }
  if (run_command(r, line)) return host_exiting(r->host) ? (void)0 : prompt(r);
  if (!r->pending.len && strspn(line, "\r") == length) { /* (node runs a line of blanks) */
    r->count++; /* an empty line is a script for node too: REPL<n> counts it, silently */
    return save_line(r, line, length), prompt(r);
  }
  StrBuf code = {0};
  if (r->pending.len) sb_puts(&code, r->pending.data), sb_putc(&code, '\n');
  sb_putn(&code, line, length);
  sb_free(&r->pending);
  run_and_save(r, code.data, code.len, line, length);
  sb_free(&code);
  if (!host_exiting(r->host)) prompt(r);
}

static void on_interrupt(LineEdit *le, bool line_was_empty, void *data) {
  Repl *r = data;
  bool idle = line_was_empty && !r->pending.len && !r->editor;
  if (r->editor_line) save_line(r, r->editor_line, strlen(r->editor_line)); /* typed */
  free(r->editor_line), r->editor_line = NULL;
  sb_free(&r->pending);
  r->editor = false;
  lineedit_set_eof_ends_line(le, false);
  if (idle && r->interrupted) return exit_repl(r);
  if (idle) printf("(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n");
  r->interrupted = idle;
  prompt(r);
}

static void on_eof(LineEdit *le, void *data) {
  Repl *r = data;
  if (r->editor) { /* Ctrl-D ends editor mode: run what was typed */
    StrBuf code = r->pending;
    char *last = r->editor_line; /* the line Ctrl-D ended, maybe empty */
    r->pending = (StrBuf){0}, r->editor_line = NULL;
    r->editor = false;
    lineedit_set_eof_ends_line(le, false);
    if (code.len && strcmp(code.data, "\n"))
      run_and_save(r, code.data, code.len, last, last ? strlen(last) : 0);
    else if (last) save_line(r, last, strlen(last)); /* nothing to run: node saves it */
    free(last);
    sb_free(&code);
    if (lineedit_is_terminal(le) && !host_exiting(r->host)) return prompt(r);
  }
  exit_repl(r);
}

/* ==== Errors outside a line, and the REPL's life ==== */

/* An error thrown by a timer or a callback, or a rejection nobody handled, is printed as
 * the REPL prints a line's error, and the REPL goes on. */
static bool on_uncaught(Host *host, Value exception) {
  Repl *r = repl_of(host_vm(host));
  set_global(r, "_error", exception);
  print_uncaught(r, exception);
  lineedit_refresh(r->le);
  return true;
}

static void on_unhandled(Host *host, Value promise, Value reason, double uid) {
  on_uncaught(host, reason);
}

static char *history_path(void) {
  const char *home = getenv("HOME");
  if (!home || !*home) return NULL;
  StrBuf sb = {0};
  sb_printf(&sb, "%s/.tinynode_repl_history", home);
  return sb_take(&sb);
}

int stdlib_repl(Host *host) {
  VM *vm = host_vm(host);
  Repl *r = mem_calloc(1, sizeof *r);
  r->host = host, r->vm = vm;
  ((ReplSlot *)vm_state(vm, &repl_slot))->repl = r;
  LineEditEvents events = {on_line, on_interrupt, on_eof, complete, NULL};
  r->le = lineedit_new(host_loop(host), STDIN_FILENO, STDOUT_FILENO, &events, r);
  lineedit_set_width(r->le, inspect_codepoint_width);
  bool terminal = lineedit_is_terminal(r->le);
  r->colors = terminal && inspect_should_colorize(vm, STDOUT_FILENO);
  char *history = terminal ? history_path() : NULL;
  if (history) lineedit_set_history_file(r->le, history);
  free(history);
  host_repl_globals(host);
  host_set_uncaught(host, on_uncaught);
  host_set_unhandled_rejection(host, on_unhandled);
  printf("Welcome to tinynode v%s.\nType \".help\" for more information.\n", TINYNODE_VERSION);
  loop_ref(host_loop(host)); /* the REPL waits for input until it ends */
  prompt(r);
  int status = host_run_loop(host);
  loop_unref(host_loop(host));
  host_set_uncaught(host, NULL);
  lineedit_free(r->le);
  sb_free(&r->pending), sb_free(&r->session);
  free(r->editor_line), free(r->awaited);
  ((ReplSlot *)vm_state(vm, &repl_slot))->repl = NULL;
  free(r);
  return status;
}
