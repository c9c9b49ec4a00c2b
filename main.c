/* main.c - the front door: reads the command line and wires the stages together.
 * Book: chapter 0, "Introduction".
 *
 *   tinynode [options] [script.js | -e CODE | -p CODE | -] [arguments]
 *
 * With no script it runs the REPL (stdin a terminal, or -i) or stdin as a script.
 * Everything real happens in the stages: lexer/ and parser/ for the dump flags,
 * vm/ for compiling and running, runtime/ for the event loop and modules,
 * stdlib/ for what scripts call. This file only decides which of them to call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "drivers/driver.h"
#include "lexer/alloc.h"
#include "lexer/lexer.h"
#include "lexer/stack.h"
#include "parser/parser.h"
#include "runtime/runtime.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

typedef enum Action { RUN, CHECK, DUMP_TOKENS, DUMP_AST, DUMP_BYTECODE } Action;

typedef struct Options {
  Action action;
  bool trace, trace_stack; /* --trace, --trace=stack */
  bool trace_gc, trace_loop;
  bool expose_gc;        /* --expose-gc: the global gc() */
  CompileMode mode;
  const char *eval_code; /* -e or -p */
  bool print;            /* -p: print the completion value */
  bool interactive;      /* -i: the REPL even when stdin is not a terminal */
  const char *script;
  int script_index;      /* argv index of the script (or of the first argument after -e) */
} Options;

static const char usage[] =
    "Usage: tinynode [options] [script.js | -e CODE | -p CODE | -] [arguments]\n"
    "\n"
    "Runs a JavaScript program the way Node.js does, with a small engine written in C.\n"
    "With no script it starts the REPL, or runs stdin when stdin is not a terminal.\n"
    "\n"
    "Options:\n"
    "  -e, --eval CODE     run CODE as the main module\n"
    "  -p, --print CODE    run CODE as -e does and print its result\n"
    "  -i, --interactive   start the REPL even if stdin is not a terminal\n"
    "  -c, --check         check the script's syntax without running it\n"
    "  --script            run the file as a global script, not a CommonJS module\n"
    "  --unhandled-rejections=MODE  throw (the default), strict, warn, warn-with-error-code\n"
    "                      or none: what an unhandled promise rejection does\n"
    "  --trace-warnings    print warnings with their stack trace\n"
    "  --no-warnings       print no warnings (process 'warning' listeners still run)\n"
    "  --trace-deprecation print deprecation warnings with their stack trace\n"
    "  --no-deprecation    emit no deprecation warnings\n"
    "  --dump-tokens       print the tokens of the script (chapter 1)\n"
    "  --dump-ast          print the syntax tree of the script (chapter 2)\n"
    "  --dump-bytecode     print the compiled bytecode of the script (chapter 4)\n"
    "  --trace             print every instruction as it runs, to stderr (chapter 5)\n"
    "  --trace=stack       ... with the whole operand stack, not only its top\n"
    "  --trace-gc          print a line per garbage collection, to stderr (chapter 6)\n"
    "  --expose-gc         define gc(), which collects garbage at once (chapter 6)\n"
    "  --trace-loop        print the event loop's turns, phases and callbacks (chapter 8)\n"
    "  -v, --version       print tinynode's version\n"
    "  -h, --help          print this help\n"
    "\n"
    "Environment:\n"
    "  TINYNODE_GC_STRESS=1   collect garbage at every allocation (for testing)\n"
    "  UV_THREADPOOL_SIZE=N   worker threads for file operations (default 4)\n";

/* The modes node accepts for --unhandled-rejections. */
static bool valid_rejection_mode(const char *mode) {
  static const char *const modes[] = {"throw", "strict", "warn", "none", "warn-with-error-code"};
  for (size_t i = 0; i < sizeof modes / sizeof *modes; i++)
    if (!strcmp(mode, modes[i])) return true;
  return false;
}

static int parse_options(int argc, char **argv, Options *o) {
  *o = (Options){.action = RUN, .mode = COMPILE_MODULE, .script_index = argc};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) {
      o->script = a, o->script_index = i;
      return 0;
    }
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); exit(0); }
    if (!strcmp(a, "-v") || !strcmp(a, "--version")) { printf("v%s\n", TINYNODE_VERSION); exit(0); }
    if (!strcmp(a, "-c") || !strcmp(a, "--check")) o->action = CHECK;
    else if (!strcmp(a, "--dump-tokens")) o->action = DUMP_TOKENS;
    else if (!strcmp(a, "--dump-ast")) o->action = DUMP_AST;
    else if (!strcmp(a, "--dump-bytecode")) o->action = DUMP_BYTECODE;
    else if (!strcmp(a, "--trace")) o->trace = true;
    else if (!strcmp(a, "--trace=stack")) o->trace = o->trace_stack = true;
    else if (!strcmp(a, "--trace-gc")) o->trace_gc = true;
    else if (!strcmp(a, "--trace-loop")) o->trace_loop = true;
    else if (!strcmp(a, "--expose-gc") || !strcmp(a, "--expose_gc")) o->expose_gc = true;
    else if (!strcmp(a, "--script")) o->mode = COMPILE_SCRIPT;
    else if (!strcmp(a, "--trace-warnings") || !strcmp(a, "--no-warnings") ||
             !strcmp(a, "--trace-deprecation") || !strcmp(a, "--no-deprecation"))
      continue; /* process reads them (stdlib/node/warning.c) */
    else if (!strncmp(a, "--unhandled-rejections=", 23)) { /* process reads it (process.c) */
      if (!valid_rejection_mode(a + 23)) {
        fprintf(stderr, "%s: invalid value for --unhandled-rejections\n", argv[0]); /* as node */
        exit(9);
      }
    }
    else if (!strcmp(a, "-i") || !strcmp(a, "--interactive")) o->interactive = true;
    else if (!strcmp(a, "-p") || !strcmp(a, "--print")) {
      o->print = true;
      if (i + 1 < argc) o->eval_code = argv[++i], o->script_index = i + 1; /* else stdin */
      return 0;
    } else if ((!strcmp(a, "-e") || !strcmp(a, "--eval")) && i + 1 < argc) {
      o->eval_code = argv[++i];
      o->script_index = i + 1;
      return 0;
    } else {
      fprintf(stderr, "%s: bad option: %s\n", argv[0], a);
      return 9; /* Node's exit code for invalid arguments */
    }
  }
  return 0;
}

/* The learning flags: print what one stage makes of the script, then stop. A
 * syntax error is reported by compiling (vm_compile throws Node's SyntaxError). */
static int dump(Host *host, const Options *o, const char *source, size_t length) {
  VM *vm = host_vm(host);
  if (o->action == DUMP_TOKENS) {
    Token error;
    if (lex_dump_tokens(source, length, stdout, &error) == 0) return 0;
  } else if (o->action == DUMP_AST) {
    ParseMode mode = o->mode == COMPILE_SCRIPT ? PARSE_SCRIPT : PARSE_MODULE;
    Parser *p = parse_new(source, length, mode, stack_limit_new());
    ParseError err;
    Node *program = parse_program(p, &err);
    if (program) parse_dump_ast(program, stdout);
    parse_free(p);
    if (program) return 0;
  }
  Value fn = vm_compile(vm, source, length, o->script, o->mode);
  if (value_is_exception(fn)) {
    stdlib_report_uncaught(host);
    return 1;
  }
  if (o->action == DUMP_BYTECODE) vm_disassemble(vm, fn, stdout);
  return 0;
}

/* Reads all of stdin (a script piped in), or NULL on a read error. */
static char *read_stdin(size_t *length) {
  size_t n = 0, capacity = 4096;
  char *buf = mem_alloc(capacity);
  for (size_t got; (got = fread(buf + n, 1, capacity - n - 1, stdin)) > 0;) {
    n += got;
    if (capacity - n < 2) buf = mem_realloc(buf, capacity *= 2);
  }
  buf[n] = 0;
  *length = n;
  return buf;
}

/* No script and no -e: node's REPL on a terminal (or with -i), else stdin as a script
 * named [stdin]. -p without code prints the result of stdin. */
static int run_stdin(Host *host, const Options *o) {
  if (o->interactive || (!o->print && isatty(STDIN_FILENO))) return stdlib_repl(host);
  size_t length;
  char *source = read_stdin(&length);
  int status = host_run_source(host, source, length, "[stdin]", COMPILE_SCRIPT,
                               o->print ? stdlib_print_result : NULL);
  free(source);
  return status;
}

static int run(Host *host, const Options *o) {
  if (o->eval_code) { /* -i -e CODE: the REPL after the code, as node does */
    int status = host_run_source(host, o->eval_code, strlen(o->eval_code), "[eval]",
                                 COMPILE_SCRIPT, o->print ? stdlib_print_result : NULL);
    return o->interactive && !host_exiting(host) ? stdlib_repl(host) : status;
  }
  if (!o->script || !strcmp(o->script, "-")) return run_stdin(host, o);
  if (o->action == RUN) return host_run_main(host, o->script, o->mode);
  size_t length;
  char *source = driver_read_file(o->script, &length);
  if (!source) {
    fprintf(stderr, "tinynode: cannot open %s\n", o->script);
    return 1;
  }
  host_add_source(host, o->script, source, length);
  return dump(host, o, source, length);
}

/* The process is about to end, and the kernel takes its memory back at once: only the
 * debug and sanitizer builds (TN_DEBUG) walk the heap to free every object, so that a
 * leak shows there. Skipping it saves a fifth of an empty script's instructions. The
 * VM stays reachable from here, so memory checkers do not call it lost. */
static VM *volatile exiting_vm;

static void free_heap_at_exit(VM *vm) {
#ifdef TN_DEBUG
  vm_free(vm);
#else
  exiting_vm = vm;
#endif
}

/* As node does at start-up: a server may hold as many sockets as the hard limit allows,
 * not only the soft limit's (often 1,024). An unlimited hard limit is more than the
 * kernel takes as a soft one: then the largest it accepts, found by bisection. */
static void raise_fd_limit(void) {
  struct rlimit lim;
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur == lim.rlim_max) return;
  rlim_t low = lim.rlim_cur, high = lim.rlim_max == RLIM_INFINITY ? (rlim_t)1 << 20 : lim.rlim_max;
  lim.rlim_cur = high;
  if (setrlimit(RLIMIT_NOFILE, &lim) == 0) return;
  while (low < high) { /* the limit in force is always low's */
    lim.rlim_cur = low + (high - low + 1) / 2;
    if (setrlimit(RLIMIT_NOFILE, &lim) == 0) low = lim.rlim_cur;
    else high = lim.rlim_cur - 1;
  }
}

int main(int argc, char **argv) {
  mem_init();
  raise_fd_limit();
  Options o;
  int status = parse_options(argc, argv, &o);
  if (status) return status;
  VM *vm = vm_new();
  Loop *loop = loop_new();
  Host *host = host_new(vm, loop);
  if (o.trace) vm_set_trace(vm, stderr);
  if (o.trace_stack) vm_set_trace_options(vm, VM_TRACE_STACK);
  if (o.trace_gc) vm_set_gc_trace(vm, stderr);
  host_set_trace(host, o.trace_loop ? stderr : NULL);
  stdlib_install(host, argc, argv, o.script_index);
  if (o.expose_gc) stdlib_expose_gc(vm);
  status = run(host, &o);
  status = stdlib_exit(host, status);
  host_free(host);
  loop_free(loop);
  free_heap_at_exit(vm);
  return status;
}
