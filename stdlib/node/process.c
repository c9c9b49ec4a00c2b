/* process.c - the `process` object and Node's report of an uncaught exception.
 * Book: chapter 7, "The standard library".
 *
 *   process_create            argv, env, exit, exitCode, nextTick, cwd, platform, ...
 *   stdlib_report_uncaught    the "file:line / source / caret / error" block on stderr
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/inspect.h"
#include "stdlib/node/internal.h"
#include "stdlib/stdlib.h"

extern char **environ;

/* ==== The uncaught-exception report ==== */

/* The caret line under the offending spot, as Node draws it: tabs in the source line
 * are kept so the caret lines up, a character outside the BMP is two columns (UTF-16),
 * a zero-length range (end of input) gets no caret, and a range running past the end of
 * the line gets no caret line at all. */
static void print_caret(FILE *out, const char *line, size_t length, int column, int carets) {
  int line_units = 0;
  for (size_t i = 0; i < length; i++) {
    unsigned char c = (unsigned char)line[i];
    if ((c & 0xC0) != 0x80) line_units += c >= 0xF0 ? 2 : 1;
  }
  if (column - 1 + carets > line_units) return;
  int units = 0;
  for (size_t i = 0; i < length && units < column - 1; i++) {
    unsigned char c = (unsigned char)line[i];
    if ((c & 0xC0) == 0x80) continue; /* UTF-8 continuation byte */
    fputs(c == '\t' ? "\t" : c >= 0xF0 ? "  " : " ", out);
    units += c >= 0xF0 ? 2 : 1;
  }
  for (int i = 0; i < carets; i++) fputc('^', out);
  fputc('\n', out);
}

/* A SyntaxError from compiling a script (or the RangeError of source nested too deeply
 * to compile) has no JavaScript frames; Node's has its loader's internal frames, so it
 * is printed plainly rather than as [SyntaxError: m]. */
static bool is_compile_error(VM *vm, Value e) {
  if (!vm_is_error(e)) return false;
  Value proto = vm_prototype_of(e);
  Value stack = vm_get_str(vm, e, "stack");
  if (value_is_exception(stack)) vm_take_exception(vm);
  if (!value_is_string(stack) || (proto != vm_intrinsic(vm, INTRINSIC_SYNTAX_ERROR_PROTOTYPE) &&
                                  proto != vm_intrinsic(vm, INTRINSIC_RANGE_ERROR_PROTOTYPE)))
    return false;
  char *text = vm_to_utf8(vm, stack, NULL);
  bool framed = strstr(text, "\n    at ") != NULL;
  free(text);
  return !framed;
}

//> stdlib.report-uncaught
/* Node's fatal exception report: where it was thrown, then the error itself. */
/* inspect(exception) for the report; an error node enhanced (an unhandled 'error'
 * event's) is inspected with the enhanced stack in place of its own, as node does. */
static Value inspect_enhanced(VM *vm, Value exception, SourceSite site) {
  Value stack = node_error_enhanced_stack(vm, exception, site);
  if (!value_is_string(stack)) return inspect_error_for_uncaught(vm, exception);
  Value own = vm_handle_push(vm, vm_get_str(vm, exception, "stack"));
  if (value_is_exception(own) || value_is_exception(vm_set_str(vm, exception, "stack", stack)))
    return inspect_error_for_uncaught(vm, exception);
  Value text = vm_handle_push(vm, inspect_error_for_uncaught(vm, exception));
  vm_set_str(vm, exception, "stack", own);
  return text;
}

static void report(Host *host, Value exception, SourceSite site) {
  VM *vm = host_vm(host);
  bool is_error = vm_is_error(exception);
  size_t length = 0;
  const char *line = site.filename ? host_source_line(host, site.filename, site.line, &length) : NULL;
  const char *origin = node_error_origin(vm, exception, site); /* thrown inside node's code */
  fflush(stdout);
  if (!is_error) fputc('\n', stderr);
  if (origin) {
    fprintf(stderr, "%s\n\n", origin);
  } else if (line) {
    fprintf(stderr, "%s:%d\n%.*s\n", site.filename, site.line, (int)length, line);
    print_caret(stderr, line, length, site.column, site.length);
    if (is_error) fputc('\n', stderr);
  }
  Value text = value_is_symbol(exception) ? vm_string(vm, "") /* as Node prints it */
               : is_compile_error(vm, exception) ? vm_get_str(vm, exception, "stack")
                                                 : inspect_enhanced(vm, exception, site);
  if (value_is_exception(text)) text = vm_take_exception(vm), text = vm_string(vm, "<error>");
  char *s = vm_to_utf8(vm, text, NULL);
  fprintf(stderr, "%s\n", s);
  free(s);
  if (!value_is_object(exception))
    fputs("(Use `node --trace-uncaught ...` to show where the exception was thrown)\n", stderr);
  fprintf(stderr, "\ntinynode v%s\n", TINYNODE_VERSION);
  fflush(stderr);
}
//< stdlib.report-uncaught

void stdlib_report_uncaught(Host *host) {
  VM *vm = host_vm(host);
  SourceSite site = vm_exception_site(vm);
  int mark = vm_handle_mark(vm);
  Value e = vm_handle_push(vm, vm_take_exception(vm));
  report(host, e, site);
  vm_handle_reset(vm, mark);
}

/* ==== process methods ==== */

/* Where node throws these errors itself rather than in a validator (lib/internal/...). */
static const char ORIGIN_HRTIME[] =
    "node:internal/process/per_thread:75\n"
    "      throw new ERR_OUT_OF_RANGE('time', 2, time.length);\n      ^";

/* node's check of an exit code: null, undefined, an integer, or a string that converts to a
 * number, itself an integer. Returns the number (or undefined), or VALUE_EXCEPTION. */
static Value validate_exit_code(VM *vm, Value code) {
  if (value_is_nullish(code)) return VALUE_UNDEFINED;
  Value n = code;
  if (value_is_string(code) && vm_string_length(code) > 0) {
    n = vm_to_number(vm, code);
    if (isnan(value_to_number(n))) n = code; /* 'x' is reported as the string */
  }
  if (!value_is_number(n)) return node_throw_arg_type(vm, "code", "of type number", n);
  double d = value_to_number(n);
  if (d != trunc(d) || isinf(d)) return node_throw_out_of_range(vm, "code", "an integer", n);
  return n;
}

/* process.exitCode keeps what was set, as given ('0x10' stays a string), once node's check
 * passed; the process ends with its number. */
typedef struct ExitCodeState {
  bool has;
  int32_t pin;
} ExitCodeState;
static const VMStateType exit_code_state = {"process.exitCode", sizeof(ExitCodeState), NULL, NULL};

static Value exit_code_get(VM *vm, Value this_value, int argc, Value *argv) {
  ExitCodeState *s = vm_state(vm, &exit_code_state);
  return s->has ? vm_pinned(vm, s->pin) : VALUE_UNDEFINED;
}

static Value exit_code_set(VM *vm, Value this_value, int argc, Value *argv) {
  Value code = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (value_is_exception(validate_exit_code(vm, code))) return VALUE_EXCEPTION;
  ExitCodeState *s = vm_state(vm, &exit_code_state);
  if (s->has) vm_unpin(vm, s->pin);
  s->pin = vm_pin(vm, code);
  s->has = true;
  return VALUE_UNDEFINED;
}

/* The status an exit code stands for into *status; false for none (undefined, null). */
static bool exit_status_of(VM *vm, Value code, int *status) {
  if (value_is_string(code)) code = vm_to_number(vm, code); /* no user code runs for a string */
  if (!value_is_number(code) || isnan(value_to_number(code))) return false;
  *status = (int)(int64_t)value_to_number(code);
  return true;
}

static Value process_exit(VM *vm, Value this_value, int argc, Value *argv) {
  Host *host = host_of(vm);
  int code = host_exit_code(host);
  Value requested = validate_exit_code(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED);
  if (value_is_exception(requested)) return requested;
  if (value_is_undefined(requested)) requested = vm_get_str(vm, this_value, "exitCode");
  if (value_is_exception(requested)) return requested;
  exit_status_of(vm, requested, &code);
  host_exit(host, code);
  return vm_terminate(vm);
}

static Value process_next_tick(VM *vm, Value this_value, int argc, Value *argv) {
  if (!node_validate_function(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, "callback"))
    return VALUE_EXCEPTION;
  if (argc == 2) { /* nextTick(fn, x), the usual form: no array */
    host_next_tick1(host_of(vm), argv[0], argv[1]);
    return VALUE_UNDEFINED;
  }
  Value args = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 1; i < argc; i++) vm_array_push(vm, args, argv[i]);
  host_next_tick(host_of(vm), argv[0], args);
  return VALUE_UNDEFINED;
}

static Value process_cwd(VM *vm, Value this_value, int argc, Value *argv) {
  char buf[PATH_MAX];
  if (!getcwd(buf, sizeof buf)) return vm_throw_error(vm, ERR_ERROR, "process.cwd failed");
  return vm_string(vm, buf);
}

/* process.chdir(directory): node's error names both directories, "chdir 'from' -> 'to'". */
static Value process_chdir(VM *vm, Value this_value, int argc, Value *argv) {
  Value dir = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!node_validate_string(vm, dir, "directory")) return VALUE_EXCEPTION;
  char *to = vm_to_utf8(vm, dir, NULL), from[PATH_MAX];
  Value r = VALUE_UNDEFINED;
  if (chdir(to) != 0) {
    int err = errno;
    if (!getcwd(from, sizeof from)) from[0] = '\0';
    r = vm_throw(vm, node_system_error_dest(vm, err, "chdir", from, to));
  }
  free(to);
  return r;
}

/* process.abort(): SIGABRT, a core dump where the system keeps them. */
static Value process_abort(VM *vm, Value this_value, int argc, Value *argv) {
  fflush(NULL);
  abort();
}

static Value process_hrtime(VM *vm, Value this_value, int argc, Value *argv) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  double sec = (double)ts.tv_sec, nsec = (double)ts.tv_nsec;
  Value time = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_undefined(time) && !vm_is_array(time))
    return node_throw_arg_type(vm, "time", "an instance of Array", time);
  if (!value_is_undefined(time) && vm_array_length(time) != 2)
    return node_throw_out_of_range(vm, "time", "2", value_from_number(vm_array_length(time))),
           node_error_set_origin(vm, ORIGIN_HRTIME);
  if (!value_is_undefined(time)) { /* node subtracts time[0] and time[1] as numbers */
    Value s = vm_to_number(vm, vm_handle_push(vm, vm_array_get(vm, time, 0)));
    if (value_is_exception(s)) return s;
    Value ns = vm_to_number(vm, vm_handle_push(vm, vm_array_get(vm, time, 1)));
    if (value_is_exception(ns)) return ns;
    sec -= value_to_number(s);
    nsec -= value_to_number(ns);
    if (nsec < 0) sec -= 1, nsec += 1e9;
  }
  Value pair = vm_handle_push(vm, vm_array_new(vm));
  vm_array_push(vm, pair, value_from_number(sec));
  vm_array_push(vm, pair, value_from_number(nsec));
  return pair;
}

/* process.uptime(): wall-clock seconds since the process began (usage.c notes the
 * moment on the monotonic clock), not the CPU time clock() counts. */
static Value process_uptime(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_number(usage_elapsed_ms(vm) / 1e3);
}

//> stdlib.stdio-getter
/* process.stdin, process.stdout and process.stderr (the magic is the fd) are made on
 * first use by internal/process/stdio, written in JavaScript: a script that never
 * touches them never loads the stream modules. The module keeps each stream once made. */
static Value stdio_get(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const makers[] = {"stdin", "stdout", "stderr"};
  Value m = host_require_builtin(host_of(vm), "internal/process/stdio");
  if (value_is_exception(m)) return m;
  vm_handle_push(vm, m);
  Value make = vm_handle_push(vm, vm_get_str(vm, m, makers[vm_native_magic(vm)]));
  if (value_is_exception(make)) return make;
  return vm_call(vm, make, m, 0, NULL);
}
//< stdlib.stdio-getter

/* process.env's set trap: the value as a string, both on the object and in the C
 * environment (so that the zone of later Dates and a child's environment see it). */
static Value env_set(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 3 || !value_is_string(argv[1])) return vm_set(vm, argv[0], argv[1], argv[2]);
  Value text = vm_to_string(vm, argv[2]);
  if (value_is_exception(text)) return text;
  vm_handle_push(vm, text);
  char *name = vm_to_wtf8(argv[1]), *value = vm_to_wtf8(text);
  setenv(name, value, 1);
  free(name);
  free(value);
  Value done = vm_set(vm, argv[0], argv[1], text);
  return value_is_exception(done) ? done : VALUE_TRUE;
}

/* process.env's deleteProperty trap: gone from the object and the C environment. */
static Value env_delete(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 2) return VALUE_TRUE;
  if (value_is_string(argv[1])) {
    char *name = vm_to_wtf8(argv[1]);
    unsetenv(name);
    free(name);
  }
  return vm_delete_property(vm, argv[0], argv[1]);
}

/* A descriptor field that must be true (absent counts as false, as node's check does). */
static bool descriptor_true(VM *vm, Value desc, const char *name) {
  Value v = vm_get_str(vm, desc, name);
  return !value_is_exception(v) && vm_truthy(v);
}

static Value define_error(VM *vm, const char *message) {
  Value text = vm_handle_push(vm, vm_string(vm, message));
  return vm_throw(vm, node_error_new(vm, ERR_TYPE, "ERR_INVALID_OBJECT_DEFINE_PROPERTY", text));
}

/* process.env's defineProperty trap: only a configurable, writable and enumerable data
 * descriptor, whose value is set as an assignment would set it. */
static Value env_define(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc < 3 || !value_is_object(argv[2])) return VALUE_FALSE;
  Value desc = argv[2];
  if (vm_has_own_str(vm, desc, "get") || vm_has_own_str(vm, desc, "set"))
    return define_error(vm, "'process.env' does not accept an accessor(getter/setter) descriptor");
  if (!descriptor_true(vm, desc, "configurable") || !descriptor_true(vm, desc, "writable") ||
      !descriptor_true(vm, desc, "enumerable"))
    return define_error(vm, "'process.env' only accepts a configurable, writable, and enumerable "
                            "data descriptor");
  Value value = vm_get_str(vm, desc, "value");
  if (value_is_exception(value)) return value;
  Value args[3] = {argv[0], argv[1], value};
  return env_set(vm, this_value, 3, args);
}

static const VMPropDef env_traps[] = {
    VM_FN("set", env_set, 4),
    VM_FN("deleteProperty", env_delete, 2),
    VM_FN("defineProperty", env_define, 3),
    VM_PROPS_END,
};

static Value make_env(VM *vm) {
  Value env = vm_handle_push(vm, vm_object_new(vm));
  for (char **e = environ; *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    char *name = mem_strndup(*e, (size_t)(eq - *e));
    vm_define_str(vm, env, name, vm_string(vm, eq + 1), VM_ATTR_DEFAULT);
    free(name);
  }
  Value handler = vm_handle_push(vm, vm_object_new(vm));
  vm_define_props(vm, handler, env_traps);
  return vm_proxy_new(vm, env, handler);
}

static char *absolute(const char *path) {
  char buf[PATH_MAX];
  return realpath(path, buf) ? mem_strdup(buf) : mem_strdup(path);
}

static Value make_argv(VM *vm, int argc, char **argv, int script_index) {
  Value list = vm_handle_push(vm, vm_array_new(vm));
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  vm_array_push(vm, list, vm_string(vm, n > 0 ? exe : argv[0]));
  for (int i = script_index; i < argc; i++) {
    bool is_script = i == script_index && strcmp(argv[i - 1], "-e") && strcmp(argv[i - 1], "--eval");
    char *arg = is_script ? absolute(argv[i]) : mem_strdup(argv[i]);
    vm_array_push(vm, list, vm_string(vm, arg));
    free(arg);
  }
  return list;
}

/* process.execArgv: the engine's own options, those before the script (-e and its code
 * among them), as node gives them. */
static Value make_exec_argv(VM *vm, int argc, char **argv, int script_index) {
  Value list = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 1; i < script_index && i < argc; i++) vm_array_push(vm, list, vm_string(vm, argv[i]));
  return list;
}

Value node_illegal_constructor(VM *vm, Value this_value, int argc, Value *argv) {
  return vm_throw_error(vm, ERR_TYPE, "Illegal constructor");
}

#if UINTPTR_MAX > 0xFFFFFFFFu
#define PROCESS_ARCH "x64"
#else
#define PROCESS_ARCH "ia32"
#endif

static const VMPropDef process_versions[] = {
    VM_STRING("node", NODE_API_VERSION, VM_ATTR_DEFAULT),
    VM_STRING("tinynode", TINYNODE_VERSION, VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

/* process.release: node 20's, for the node version whose API tinynode gives (packages
 * read release.name to tell node from other runtimes). */
#define RELEASE_URL "https://nodejs.org/download/release/v" NODE_API_VERSION "/node-v" NODE_API_VERSION
static const VMPropDef process_release[] = {
    VM_STRING("name", "node", VM_ATTR_DEFAULT),
    VM_STRING("lts", "Iron", VM_ATTR_DEFAULT),
    VM_STRING("sourceUrl", RELEASE_URL ".tar.gz", VM_ATTR_DEFAULT),
    VM_STRING("headersUrl", RELEASE_URL "-headers.tar.gz", VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

/* ENUMERABLE | CONFIGURABLE: what Node's read-only process properties are. */
#define STDIO_GETTER(name_, fd)                                                                \
  {.name = (name_), .kind = VM_PROP_ACCESSOR, .attrs = READ_ONLY_ATTRS, .magic = (fd),        \
   .fn = stdio_get}
#define READ_ONLY_ATTRS (VM_ATTR_ENUMERABLE | VM_ATTR_CONFIGURABLE)
#define READ_ONLY (VM_ATTR_ENUMERABLE | VM_ATTR_CONFIGURABLE)

/* process's own properties in Node's order. env, argv, pid, ppid and
 * execPath depend on the process and its command line: process_create fills them in, in
 * place, so they keep their position. */
static const VMPropDef process_props[] = {
    VM_STRING("version", "v" NODE_API_VERSION, READ_ONLY),
    VM_OBJECT("versions", process_versions, READ_ONLY),
    VM_STRING("arch", PROCESS_ARCH, READ_ONLY),
    VM_STRING("platform", "linux", READ_ONLY),
    VM_OBJECT("release", process_release, READ_ONLY),
    {.name = "exitCode", .kind = VM_PROP_ACCESSOR, .attrs = VM_ATTR_ENUMERABLE, .fn = exit_code_get,
     .u.setter = exit_code_set}, /* enumerable, not configurable, as node's */
    VM_FN_ENUM("uptime", process_uptime, 0),
    VM_FN_ENUM("exit", process_exit, 1),
    VM_FN_ENUM("hrtime", process_hrtime, 1),
    VM_FN_ENUM("nextTick", process_next_tick, 1),
    STDIO_GETTER("stdout", 1),
    STDIO_GETTER("stdin", 0),
    STDIO_GETTER("stderr", 2),
    VM_FN_ENUM("cwd", process_cwd, 0),
    VM_FN_ENUM("chdir", process_chdir, 1),
    VM_FN_ENUM("abort", process_abort, 0),
    VM_CONSTANT("env", VALUE_UNDEFINED, VM_ATTR_DEFAULT),
    VM_STRING("title", "tinynode", VM_ATTR_DEFAULT),
    VM_CONSTANT("argv", VALUE_UNDEFINED, VM_ATTR_DEFAULT),
    VM_CONSTANT("pid", VALUE_UNDEFINED, READ_ONLY),
    VM_CONSTANT("ppid", VALUE_UNDEFINED, VM_ATTR_DEFAULT),
    VM_CONSTANT("execPath", VALUE_UNDEFINED, VM_ATTR_DEFAULT),
    VM_CONSTANT("argv0", VALUE_UNDEFINED, VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

/* process's prototype, whose constructor is named `process` as in Node (stack traces say
 * `process.<anonymous>` for a listener called on it); it inherits EventEmitter.prototype. */
static const VMPropDef process_class = VM_CONSTRUCTOR("process", node_illegal_constructor, 0, 0,
                                                      INTRINSIC_PROCESS_PROTOTYPE, NULL, NULL);

/* ==== Unhandled rejections ==== */

/* Node's isErrorLike: an object with an own `stack`. */
static bool is_error_like(VM *vm, Value v) {
  return value_is_object(v) && vm_has_own_str(vm, v, "stack");
}

/* Node's UnhandledPromiseRejection error, for a reason that is not an error. */
static Value unhandled_error(VM *vm, Value reason) {
  InspectOptions opts;
  inspect_default_options(vm, &opts);
  Value text = inspect_value(vm, reason, &opts);
  if (value_is_exception(text)) return text;
  char *t = vm_to_utf8(vm, text, NULL);
  StrBuf sb = {0};
  sb_printf(&sb, "This error originated either by throwing inside of an async function without a "
                 "catch block, or by rejecting a promise which was not handled with .catch(). The "
                 "promise rejected with the reason \"%s\".", t);
  free(t);
  Value msg = vm_handle_push(vm, sb_finish(vm, &sb));
  Value err = vm_handle_push(vm, vm_error_new(vm, ERR_ERROR, msg, VALUE_UNDEFINED));
  if (value_is_exception(err)) return err;
  vm_define_str(vm, err, "name", vm_string(vm, "UnhandledPromiseRejection"), VM_ATTR_HIDDEN);
  StrBuf stack = {0}; /* node makes it in its own code: those frames are its stack */
  sb_puts(&stack, "UnhandledPromiseRejection: ");
  sb_put_js(&stack, msg);
  sb_puts(&stack, "\n    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)"
                  "\n    at processPromiseRejections (node:internal/process/promises:470:17)"
                  "\n    at process.processTicksAndRejections (node:internal/process/task_queues:96:32)");
  vm_define_str(vm, err, "stack", vm_handle_push(vm, sb_finish(vm, &stack)), VM_ATTR_HIDDEN);
  vm_define_str(vm, err, "code", vm_string(vm, "ERR_UNHANDLED_REJECTION"), VM_ATTR_DEFAULT);
  return err;
}

/* --unhandled-rejections=MODE, read from the command line as node reads it. */
typedef enum RejectionMode {
  REJECT_THROW, REJECT_STRICT, REJECT_WARN, REJECT_NONE, REJECT_WARN_WITH_ERROR_CODE
} RejectionMode;
static const char *const rejection_modes[] = {"throw", "strict", "warn", "none",
                                              "warn-with-error-code"};

typedef struct RejectionState {
  RejectionMode mode;
  bool from_promise; /* the uncaught exception in flight is an unhandled rejection */
} RejectionState;
static const VMStateType rejection_state = {"unhandled rejections", sizeof(RejectionState),
                                            NULL, NULL};

static RejectionState *rejections(VM *vm) { return vm_state(vm, &rejection_state); }

static void read_rejection_mode(VM *vm, int argc, char **argv, int script_index) {
  for (int i = 1; i < script_index && i < argc; i++) {
    if (strncmp(argv[i], "--unhandled-rejections=", 23)) continue;
    for (int m = 0; m < 5; m++)
      if (!strcmp(argv[i] + 23, rejection_modes[m])) rejections(vm)->mode = (RejectionMode)m;
  }
}

/* process.emit(name, a, b) for C: true if a listener heard it, VALUE_EXCEPTION if one
 * threw. */
static Value emit_process(VM *vm, const char *name, int argc, Value *argv) {
  Value p = vm_handle_push(vm, vm_get_str(vm, vm_global(vm), "process"));
  return value_is_object(p) ? events_emit_str(vm, p, name, argc, argv) : VALUE_FALSE;
}

/* obj's data property key, found along its prototype chain without running a getter;
 * undefined if none. */
static Value data_property(VM *vm, Value obj, const char *key) {
  Value k = vm_handle_push(vm, vm_string(vm, key));
  PropertyInfo info;
  for (Value o = obj; value_is_object(o); o = vm_prototype_of(o))
    if (vm_get_own_property(vm, o, k, &info)) return info.is_accessor ? VALUE_UNDEFINED : info.value;
  return VALUE_UNDEFINED;
}

/* V8's NoSideEffectsToString of an object that is not an error, which node's warning
 * shows: #<Ctor> while its toString is Object.prototype's, else [object Tag]. */
static Value object_text(VM *vm, Value obj) {
  Value object_proto = vm_intrinsic(vm, INTRINSIC_OBJECT_PROTOTYPE);
  Value builtin = vm_handle_push(vm, vm_get_str(vm, object_proto, "toString"));
  StrBuf sb = {0};
  if (data_property(vm, obj, "toString") == builtin) {
    Value ctor = data_property(vm, obj, "constructor");
    Value name = vm_is_callable(ctor) ? vm_handle_push(vm, vm_function_name(vm, ctor)) : VALUE_UNDEFINED;
    if (value_is_string(name) && vm_string_length(name) > 0) {
      sb_puts(&sb, "#<"), sb_put_js(&sb, name), sb_putc(&sb, '>');
      return sb_finish(vm, &sb);
    }
  }
  PropertyInfo info;
  Value tag = VALUE_UNDEFINED;
  for (Value o = obj; value_is_object(o) && value_is_undefined(tag); o = vm_prototype_of(o))
    if (vm_get_own_property(vm, o, vm_well_known_symbol(vm, VM_SYMBOL_TO_STRING_TAG), &info))
      tag = info.is_accessor ? VALUE_NULL : info.value;
  sb_puts(&sb, "[object ");
  if (value_is_string(tag)) sb_put_js(&sb, tag);
  else sb_puts(&sb, vm_class_name(vm, obj));
  sb_putc(&sb, ']');
  return sb_finish(vm, &sb);
}

/* The reason as the warning names it: an error's stack, else V8's NoSideEffectsToString. */
static Value reason_text(VM *vm, Value reason) {
  Value text = is_error_like(vm, reason) ? vm_get_str(vm, reason, "stack") : VALUE_UNDEFINED;
  if (value_is_exception(text)) vm_take_exception(vm);
  if (value_is_string(text)) return text;
  if (value_is_symbol(reason)) {
    Value desc = vm_symbol_description(reason);
    StrBuf sb = {0};
    sb_puts(&sb, "Symbol(");
    if (value_is_string(desc)) sb_put_js(&sb, desc);
    sb_putc(&sb, ')');
    return sb_finish(vm, &sb);
  }
  if (value_is_object(reason) && !vm_is_callable(reason)) return object_text(vm, reason);
  text = vm_to_string(vm, reason);
  if (value_is_exception(text)) vm_take_exception(vm), text = vm_string(vm, "[object Object]");
  return text;
}

/* node's emitUnhandledRejectionWarning: the reason (an error's stack, else its string)
 * and then the long explanation with the rejection id, both as
 * UnhandledPromiseRejectionWarning. */
static void warn_unhandled(VM *vm, Value reason, double uid) {
  Value text = reason_text(vm, reason);
  char *t = vm_to_utf8(vm, vm_handle_push(vm, text), NULL);
  node_emit_warning(vm, t, "UnhandledPromiseRejectionWarning", NULL);
  free(t);
  char buf[32];
  StrBuf sb = {0};
  sb_printf(&sb, "Unhandled promise rejection. This error originated either by throwing inside "
                 "of an async function without a catch block, or by rejecting a promise which "
                 "was not handled with .catch(). To terminate the node process on unhandled "
                 "promise rejection, use the CLI flag `--unhandled-rejections=strict` (see "
                 "https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection "
                 "id: %s)", vm_number_to_cstr(uid, buf));
  char *m = sb_take(&sb);
  node_emit_warning(vm, m, "UnhandledPromiseRejectionWarning", NULL);
  free(m);
  if (vm_has_exception(vm)) vm_take_exception(vm);
}

/* The lines of node's own source that its reports of an unhandled rejection show, by
 * file and column: where the error's first frame is (node's frames tinynode gives some
 * errors: fs/promises.js's, unhandled_error's), or, for an error without frames, node's
 * call of triggerUncaughtException. */
static const struct NodeSourceLine {
  const char *file;
  int column;
  const char *text;
} node_source_lines[] = {
    {"node:internal/fs/promises", 25, "  return new FileHandle(await PromisePrototypeThen("},
    {"node:internal/fs/promises", 18, "  const result = await PromisePrototypeThen("},
    {"node:internal/fs/promises", 10, "  return await PromisePrototypeThen("},
    {"node:internal/process/promises", 7, "      new UnhandledPromiseRejection(reason);"},
};
static const char ORIGIN_FRAMELESS_REJECTION[] =
    "node:internal/process/promises:391\n"
    "    triggerUncaughtException(err, true /* fromPromise */);\n    ^";

/* The origin node reports for an unhandled rejection of err, an Error that no line of the
 * program made: the line of node's source its first frame names, or node's own line for
 * an error without frames; NULL when unknown. (A static buffer: the report is fatal.) */
static const char *rejection_origin(VM *vm, Value err) {
  static char origin[256];
  Value stack = vm_get_str(vm, err, "stack");
  if (value_is_exception(stack)) vm_take_exception(vm);
  if (!value_is_string(stack)) return NULL;
  char *text = vm_to_utf8(vm, stack, NULL);
  char *frame = strstr(text, "\n    at "), *end = frame ? strchr(frame + 1, '\n') : NULL;
  if (end) *end = 0; /* the first frame only */
  const char *at = frame ? strstr(frame, "(node:internal/") : NULL;
  const char *found = frame ? NULL : ORIGIN_FRAMELESS_REJECTION;
  int line = 0, column = 0;
  for (size_t i = 0; at && !found && i < sizeof node_source_lines / sizeof *node_source_lines; i++) {
    const struct NodeSourceLine *n = &node_source_lines[i];
    size_t len = strlen(n->file);
    if (!strncmp(at + 1, n->file, len) && sscanf(at + 1 + len, ":%d:%d)", &line, &column) == 2 &&
        column == n->column) {
      snprintf(origin, sizeof origin, "%s:%d\n%s\n%*s^", n->file, line, n->text, column - 1, "");
      found = origin;
    }
  }
  free(text);
  return found;
}

/* triggerUncaughtException(err, fromPromise): the reason (or an UnhandledPromiseRejection)
 * as an uncaught exception whose origin is 'unhandledRejection'. */
static void raise_rejection(Host *host, Value reason) {
  VM *vm = host_vm(host);
  Value err = is_error_like(vm, reason) ? reason : unhandled_error(vm, reason);
  if (value_is_exception(err)) {
    host_fatal_exception(host);
    return;
  }
  SourceSite site = err == reason ? vm_error_site(vm, err) : (SourceSite){0};
  const char *origin = vm_is_error(err) ? rejection_origin(vm, err) : NULL;
  if (origin) {
    node_throw_from(vm, err, origin);
    site = vm_exception_site(vm); /* node_error_origin knows the origin by it */
  } else {
    vm_throw(vm, err);
  }
  rejections(vm)->from_promise = true;
  host_fatal_exception_at(host, site);
  rejections(vm)->from_promise = false;
}

/* The loop ran out: process.emit('beforeExit', process.exitCode or 0) as a loop callback
 * (a listener's throw is uncaught), then the ticks and promise jobs it queued. What it
 * schedules on the loop makes the loop run again (runtime/module.c: finish_main). */
static void before_exit(Host *host) {
  VM *vm = host_vm(host);
  int mark = vm_handle_mark(vm);
  Value p = vm_handle_push(vm, vm_get_str(vm, vm_global(vm), "process"));
  Value emit = value_is_object(p) ? vm_handle_push(vm, vm_get_str(vm, p, "emit")) : VALUE_UNDEFINED;
  Value code = value_is_object(p) ? vm_get_str(vm, p, "exitCode") : VALUE_UNDEFINED;
  int status = 0;
  if (value_is_exception(code) || value_is_exception(emit)) vm_take_exception(vm);
  else exit_status_of(vm, code, &status);
  if (vm_is_callable(emit)) {
    Value args[2] = {vm_handle_push(vm, vm_string(vm, "beforeExit")), value_from_number(status)};
    if (host_call(host, emit, p, 2, args)) host_drain_jobs(host);
  }
  vm_handle_reset(vm, mark);
}

//> stdlib.unhandled-rejection
/* Node's processPromiseRejections for one promise, in the mode of the command line:
 * 'unhandledRejection' listeners first (strict: after the exception), then a warning,
 * an uncaught exception, or nothing. */
static void unhandled_rejection(Host *host, Value promise, Value reason, double uid) {
  VM *vm = host_vm(host);
  RejectionMode mode = rejections(vm)->mode;
  if (mode == REJECT_STRICT) raise_rejection(host, reason);
  if (host_exiting(host)) return;
  Value args[] = {reason, promise};
  Value handled = emit_process(vm, "unhandledRejection", 2, args);
  if (value_is_exception(handled)) {
    host_fatal_exception(host);
    return;
  }
  if (handled == VALUE_TRUE || mode == REJECT_NONE) return;
  if (mode == REJECT_THROW) return raise_rejection(host, reason);
  warn_unhandled(vm, reason, uid);
  if (mode == REJECT_WARN_WITH_ERROR_CODE) {
    Value p = vm_get_str(vm, vm_global(vm), "process");
    if (value_is_object(p)) vm_set_str(vm, p, "exitCode", value_from_number(1));
  }
}
//< stdlib.unhandled-rejection

/* A rejection reported unhandled got its handler: 'rejectionHandled', else node's
 * PromiseRejectionHandledWarning. */
static void rejection_handled(Host *host, Value promise, double uid) {
  VM *vm = host_vm(host);
  Value heard = emit_process(vm, "rejectionHandled", 1, &promise);
  if (value_is_exception(heard)) {
    host_fatal_exception(host);
    return;
  }
  if (heard == VALUE_TRUE) return;
  char buf[32], text[96];
  snprintf(text, sizeof text, "Promise rejection was handled asynchronously (rejection id: %s)",
           vm_number_to_cstr(uid, buf));
  node_emit_warning(vm, text, "PromiseRejectionHandledWarning", NULL);
  if (vm_has_exception(vm)) host_fatal_exception(host);
}

/* ==== Uncaught exceptions ==== */

/* Node's process._fatalException: 'uncaughtExceptionMonitor' listeners hear of it, then
 * 'uncaughtException' listeners (err, 'uncaughtException') handle it and the process
 * goes on. False when nobody listens (node's report follows) or a listener threw. */
static bool uncaught_exception(Host *host, Value exception) {
  VM *vm = host_vm(host);
  Value p = vm_handle_push(vm, vm_get_str(vm, vm_global(vm), "process"));
  if (!value_is_object(p)) return false;
  const char *origin = rejections(vm)->from_promise ? "unhandledRejection" : "uncaughtException";
  Value args[] = {exception, vm_handle_push(vm, vm_string(vm, origin))};
  Value r = events_emit_str(vm, p, "uncaughtExceptionMonitor", 2, args);
  if (!value_is_exception(r)) r = events_emit_str(vm, p, "uncaughtException", 2, args);
  return r == VALUE_TRUE;
}

/* process.mainModule: the main module, as require.main (deprecated in node, still set). */
static void main_module(Host *host, Value module) {
  VM *vm = host_vm(host);
  Value p = vm_get_str(vm, vm_global(vm), "process");
  if (value_is_object(p)) vm_define_str(vm, p, "mainModule", module, VM_ATTR_DEFAULT);
}

Value process_create(Host *host, int argc, char **argv, int script_index) {
  VM *vm = host_vm(host);
  usage_note_start(vm);
  vm_handle_push(vm, vm_prop_value(vm, &process_class));
  Value proto = vm_intrinsic(vm, INTRINSIC_PROCESS_PROTOTYPE);
  vm_set_prototype(vm, proto, events_prototype(vm)); /* process is an EventEmitter */
  Value p = vm_handle_push(vm, vm_object_with_proto(vm, proto));
  vm_define_props(vm, p, process_props);
  vm_define_props(vm, p, signals_props());
  vm_define_props(vm, p, credentials_props());
  vm_define_props(vm, p, process_members_props());
  usage_install(vm, p);
  vm_define_str(vm, p, "env", make_env(vm), VM_ATTR_DEFAULT);
  Value list = make_argv(vm, argc, argv, script_index);
  vm_define_str(vm, p, "argv", list, VM_ATTR_DEFAULT);
  vm_define_str(vm, p, "execArgv", make_exec_argv(vm, argc, argv, script_index), VM_ATTR_DEFAULT);
  vm_define_str(vm, p, "pid", value_from_number(getpid()), READ_ONLY);
  vm_define_str(vm, p, "ppid", value_from_number(getppid()), VM_ATTR_DEFAULT);
  vm_define_str(vm, p, "execPath", vm_array_get(vm, list, 0), VM_ATTR_DEFAULT);
  vm_define_str(vm, p, "argv0", vm_string(vm, argc > 0 ? argv[0] : ""), VM_ATTR_DEFAULT);
  warning_install(vm, p, argc, argv, script_index);
  host_set_reporter(host, report);
  host_set_uncaught(host, uncaught_exception);
  host_set_before_exit(host, before_exit);
  host_set_main_module(host, main_module);
  read_rejection_mode(vm, argc, argv, script_index);
  host_set_unhandled_rejection(host, unhandled_rejection);
  host_set_rejection_handled(host, rejection_handled);
  return p;
}

/* process.emit('exit', code): listeners run once, may change process.exitCode, and
 * cannot keep the process alive (nothing they schedule runs). */
static int emit_exit(Host *host, int status) {
  VM *vm = host_vm(host);
  Value p = vm_get_str(vm, vm_global(vm), "process");
  if (!value_is_object(p)) return status;
  int mark = vm_handle_mark(vm);
  vm_handle_push(vm, p);
  if (status != 0) vm_set_str(vm, p, "exitCode", value_from_number(status));
  Value code = value_from_number(status);
  Value r = events_emit_str(vm, p, "exit", 1, &code);
  if (value_is_exception(r) && !vm_is_terminating(vm)) {
    stdlib_report_uncaught(host);
    vm_handle_reset(vm, mark);
    return 1;
  } else if (value_is_exception(r)) {
    vm_take_exception(vm);
  }
  Value after = vm_get_str(vm, p, "exitCode");
  if (value_is_exception(after)) vm_take_exception(vm);
  else exit_status_of(vm, after, &status);
  vm_handle_reset(vm, mark);
  return status;
}

/* The exit code: an uncaught error's 1, process.exit(n), else process.exitCode. */
int stdlib_exit(Host *host, int status) {
  VM *vm = host_vm(host);
  if (status == 0 && !host_exiting(host)) {
    Value p = vm_get_str(vm, vm_global(vm), "process");
    Value code = value_is_object(p) ? vm_get_str(vm, p, "exitCode") : VALUE_UNDEFINED;
    if (value_is_exception(code)) vm_take_exception(vm);
    else exit_status_of(vm, code, &status);
  }
  status = emit_exit(host, status);
  stdio_shutdown(vm);
  host_report_fatal(host); /* after the 'exit' listeners, as Node does */
  fflush(stdout);
  fflush(stderr);
  return status;
}
