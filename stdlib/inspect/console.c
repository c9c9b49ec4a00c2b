/* console.c - the `console` global: log/info/debug to stdout, error/warn to stderr,
 * dir, trace, assert, count, time and group, each call formatted by util.format and
 * written with one fwrite. Book: chapter 10, "Console and inspect".
 *
 * Entry point: console_create. The console keeps a little state (the group
 * indentation, the counters and timers) per VM, found with vm_state.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/inspect/internal.h"

typedef struct Counter {
  char *label;
  double value; /* a count, or a start time in ms */
} Counter;

typedef struct CounterList {
  Counter *items;
  size_t count, cap;
} CounterList;

typedef struct ConsoleState {
  int group_indent;   /* spaces in front of every line, 2 per open console.group */
  signed char colors[3]; /* per fd 0-2: 0 not decided yet, 1 plain, 2 coloured */
  bool warned_force;     /* the FORCE_COLOR warning was given */
  CounterList counts; /* console.count */
  CounterList timers; /* console.time: start times */
} ConsoleState;

static void counters_free(CounterList *list) {
  for (size_t i = 0; i < list->count; i++) free(list->items[i].label);
  free(list->items);
}

static void console_state_cleanup(void *state) {
  ConsoleState *c = state;
  counters_free(&c->counts);
  counters_free(&c->timers);
}

static const VMStateType console_state_type = {"console", sizeof(ConsoleState), NULL,
                                               console_state_cleanup};

static ConsoleState *console_state(VM *vm) { return vm_state(vm, &console_state_type); }

/* ==== Colours ==== */

static Value console_warning(VM *vm, const char *fmt, const char *label);

/* node names the variables that FORCE_COLOR overrides, once per process. */
static void warn_force_color(VM *vm) {
  bool disable = getenv("NODE_DISABLE_COLORS"), no = getenv("NO_COLOR");
  if (!getenv("FORCE_COLOR") || (!disable && !no)) return;
  const char *names = disable && no ? "NODE_DISABLE_COLORS' and 'NO_COLOR"
                      : disable     ? "NODE_DISABLE_COLORS"
                                    : "NO_COLOR";
  Value r = console_warning(vm, "The '%s' env is ignored due to the 'FORCE_COLOR' env being set.",
                            names);
  if (value_is_exception(r)) vm_take_exception(vm);
}

static const char *force_color_only(const char *name, void *data) {
  return strcmp(name, "FORCE_COLOR") ? NULL : data;
}

/* FORCE_COLOR as the script sees it, in process.env (a script may set it, as chalk's
 * users do before requiring it): whether it asks for colours, or -1 if it is not set. */
static int script_force_color(VM *vm) {
  int mark = vm_handle_mark(vm);
  Value process = vm_get_str(vm, vm_global(vm), "process");
  Value env = value_is_object(process) ? vm_get_str(vm, process, "env") : VALUE_UNDEFINED;
  Value v = value_is_object(env) ? vm_get_str(vm, env, "FORCE_COLOR") : VALUE_UNDEFINED;
  int r = -1;
  if (value_is_exception(v)) {
    vm_take_exception(vm);
  } else if (value_is_string(v)) {
    char *text = vm_to_utf8(vm, v, NULL);
    r = tty_color_depth((TtyEnv){force_color_only, text}) > TTY_COLORS_2;
    free(text);
  }
  vm_handle_reset(vm, mark);
  return r;
}

bool inspect_should_colorize(VM *vm, int fd) {
  ConsoleState *c = console_state(vm);
  if (fd < 0 || fd > 2) return tty_should_colorize(fd);
  if (!c->colors[fd]) {
    int forced = script_force_color(vm);
    c->colors[fd] = (forced >= 0 ? forced : tty_should_colorize(fd)) ? 2 : 1;
    if (!c->warned_force) c->warned_force = true, warn_force_color(vm);
  }
  return c->colors[fd] == 2;
}

/* The options console output to out is inspected with. */
static void console_options(VM *vm, FILE *out, InspectOptions *opts) {
  inspect_default_options(vm, opts);
  opts->colors = inspect_should_colorize(vm, fileno(out));
}

/* ==== Writing ==== */

//> stdlib.console-write
/* Writes one console call: the group indentation in front of every line, a final
 * newline, one fwrite. stdout is flushed before anything goes to stderr, so that the
 * two streams interleave in call order when they share a terminal. Lone surrogates
 * (kept through formatting as WTF-8) become U+FFFD, as Node's UTF-8 writer does. */
static void console_write(VM *vm, FILE *out, const char *text, size_t len) {
  int indent = console_state(vm)->group_indent;
  StrBuf line = {0};
  sb_spaces(&line, indent);
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if (c == 0xED && i + 2 < len && (unsigned char)text[i + 1] >= 0xA0) {
      sb_puts(&line, "\xEF\xBF\xBD");
      i += 2;
      continue;
    }
    sb_putc(&line, (char)c);
    if (c == '\n') sb_spaces(&line, indent);
  }
  sb_putc(&line, '\n');
  if (out == stderr) fflush(stdout);
  fwrite(line.data, 1, line.len, out);
  if (out == stderr) fflush(stderr);
  sb_free(&line);
}
//< stdlib.console-write

/* util.format(...argv) written to out. */
static Value log_to(VM *vm, FILE *out, int argc, Value *argv) {
  InspectOptions opts;
  console_options(vm, out, &opts);
  StrBuf sb = {0};
  if (!format_to_buffer(vm, &sb, &opts, argc, argv)) {
    sb_free(&sb);
    return VALUE_EXCEPTION;
  }
  console_write(vm, out, sb.data ? sb.data : "", sb.len);
  sb_free(&sb);
  return VALUE_UNDEFINED;
}

static void write_cstr(VM *vm, FILE *out, const char *s) { console_write(vm, out, s, strlen(s)); }

/* process.emitWarning(message), which prints it on the next tick, after the code that
 * caused it has finished (and lets 'warning' listeners see it). */
static Value console_warning(VM *vm, const char *fmt, const char *label) {
  StrBuf msg = {0};
  sb_printf(&msg, fmt, label);
  Value text = vm_handle_push(vm, sb_to_value(vm, msg.data, msg.len));
  sb_free(&msg);
  Value process = vm_get_str(vm, vm_global(vm), "process");
  Value emit = value_is_object(process) ? vm_get_str(vm, process, "emitWarning") : VALUE_UNDEFINED;
  if (value_is_exception(emit) || !vm_is_callable(emit)) return emit;
  Value r = vm_call(vm, emit, process, 1, &text);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* ==== log, error, dir ==== */

/* log, info, debug, dirxml (magic 1) and error, warn (magic 2): the magic is the fd. */
static Value console_print(VM *vm, Value this_value, int argc, Value *argv) {
  return log_to(vm, vm_native_magic(vm) == 2 ? stderr : stdout, argc, argv);
}

/* console.dir(obj, options): inspect with customInspect off unless options turn it on. */
static Value console_dir(VM *vm, Value this_value, int argc, Value *argv) {
  InspectOptions opts;
  console_options(vm, stdout, &opts);
  opts.custom_inspect = false;
  if (argc > 1 && value_is_object(argv[1]) && !inspect_read_options(vm, argv[1], &opts))
    return VALUE_EXCEPTION;
  char *text = inspect_to_text(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, &opts);
  if (!text) return VALUE_EXCEPTION;
  write_cstr(vm, stdout, text);
  free(text);
  return VALUE_UNDEFINED;
}

/* console.trace(...args): "Trace: <formatted>" and the current stack, to stderr. */
static Value console_trace(VM *vm, Value this_value, int argc, Value *argv) {
  InspectOptions opts;
  console_options(vm, stderr, &opts);
  StrBuf sb = {0};
  sb_puts(&sb, "Trace");
  size_t header = sb.len;
  sb_puts(&sb, ": ");
  if (!format_to_buffer(vm, &sb, &opts, argc, argv)) return sb_free(&sb), VALUE_EXCEPTION;
  if (sb.len == header + 2) sb.len = header, sb.data[header] = '\0'; /* no message */
  Value stack = vm_stack_trace(vm);
  if (value_is_string(stack)) { /* its first frame is console.trace itself: skip it */
    char *frames = vm_to_wtf8(stack);
    const char *first = frames[0] == '\n' ? frames + 1 : frames;
    const char *rest = strchr(first, '\n');
    if (rest) sb_puts(&sb, rest);
    free(frames);
  }
  console_write(vm, stderr, sb.data, sb.len);
  sb_free(&sb);
  return VALUE_UNDEFINED;
}

/* console.assert(value, ...args): nothing if value is truthy, else "Assertion failed"
 * (with ": " and the first argument, then the rest) to stderr. */
static Value console_assert(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc > 0 && vm_truthy(argv[0])) return VALUE_UNDEFINED;
  if (argc <= 1) {
    write_cstr(vm, stderr, "Assertion failed");
    return VALUE_UNDEFINED;
  }
  Value first = vm_to_string(vm, argv[1]);
  if (value_is_exception(first)) return first;
  vm_handle_push(vm, first);
  argv[1] = vm_string_concat(vm, vm_string(vm, "Assertion failed: "), first);
  return log_to(vm, stderr, argc - 1, argv + 1);
}

/* ==== count and time ==== */

static Counter *counter_find(CounterList *list, const char *label) {
  for (size_t i = 0; i < list->count; i++)
    if (strcmp(list->items[i].label, label) == 0) return &list->items[i];
  return NULL;
}

static Counter *counter_add(CounterList *list, char *label) {
  if (list->count == list->cap) {
    list->cap = list->cap ? list->cap * 2 : 8;
    list->items = mem_realloc(list->items, list->cap * sizeof *list->items);
  }
  list->items[list->count] = (Counter){.label = label};
  return &list->items[list->count++];
}

static void counter_remove(CounterList *list, Counter *c) {
  free(c->label);
  *c = list->items[--list->count];
}

/* `${label}` with 'default' for a missing or undefined label; NULL on exception. */
static char *label_of(VM *vm, int argc, Value *argv) {
  if (argc == 0 || value_is_undefined(argv[0])) return mem_strdup("default");
  if (value_is_symbol(argv[0])) {
    vm_throw_error(vm, ERR_TYPE, "Cannot convert a Symbol value to a string");
    return NULL;
  }
  return inspect_to_cstr(vm, argv[0]);
}

static Value console_count(VM *vm, Value this_value, int argc, Value *argv) {
  char *label = label_of(vm, argc, argv);
  if (!label) return VALUE_EXCEPTION;
  Counter *c = counter_find(&console_state(vm)->counts, label);
  if (!c) c = counter_add(&console_state(vm)->counts, mem_strdup(label));
  c->value++;
  StrBuf sb = {0};
  sb_printf(&sb, "%s: %.0f", label, c->value);
  console_write(vm, stdout, sb.data, sb.len);
  sb_free(&sb);
  free(label);
  return VALUE_UNDEFINED;
}

static Value console_count_reset(VM *vm, Value this_value, int argc, Value *argv) {
  char *label = label_of(vm, argc, argv);
  if (!label) return VALUE_EXCEPTION;
  Counter *c = counter_find(&console_state(vm)->counts, label);
  Value r = VALUE_UNDEFINED;
  if (c) counter_remove(&console_state(vm)->counts, c);
  else r = console_warning(vm, "Count for '%s' does not exist", label);
  free(label);
  return r;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static Value console_time(VM *vm, Value this_value, int argc, Value *argv) {
  char *label = label_of(vm, argc, argv);
  if (!label) return VALUE_EXCEPTION;
  if (!counter_find(&console_state(vm)->timers, label)) {
    counter_add(&console_state(vm)->timers, label)->value = now_ms();
    return VALUE_UNDEFINED;
  }
  Value r = console_warning(vm, "Label '%s' already exists for console.time()", label);
  free(label);
  return r;
}

/* Node's formatTime: "1.234ms", "1.500s", "1:02.345 (m:ss.mmm)", "1:02:03.456 (h:mm:ss.mmm)". */
static void put_duration(StrBuf *sb, double ms) {
  char buf[40];
  double hours = 0, minutes = 0, seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) hours = floor(ms / 3600000), ms = fmod(ms, 3600000);
      minutes = floor(ms / 60000), ms = fmod(ms, 60000);
    }
    seconds = ms / 1000;
  }
  if (hours != 0 || minutes != 0) {
    snprintf(buf, sizeof buf, "%06.3f", seconds); /* "ss.mmm" */
    if (hours != 0) sb_printf(sb, "%.0f:%02.0f:%s (h:mm:ss.mmm)", hours, minutes, buf);
    else sb_printf(sb, "%.0f:%s (m:ss.mmm)", minutes, buf);
  } else if (seconds != 0) {
    sb_printf(sb, "%.3fs", seconds);
  } else {
    char digits[40];
    snprintf(buf, sizeof buf, "%.3f", ms); /* Number(ms.toFixed(3)) */
    sb_printf(sb, "%sms", vm_number_to_cstr(strtod(buf, NULL), digits));
  }
}

/* timeEnd (magic 1) and timeLog (magic 0): "label: 1.234ms" and timeLog's extra
 * arguments. */
static Value console_time_log(VM *vm, Value this_value, int argc, Value *argv) {
  bool end = vm_native_magic(vm);
  const char *method = end ? "timeEnd" : "timeLog";
  char *label = label_of(vm, argc, argv);
  if (!label) return VALUE_EXCEPTION;
  Counter *c = counter_find(&console_state(vm)->timers, label);
  if (!c) {
    StrBuf fmt = {0};
    sb_printf(&fmt, "No such label '%%s' for console.%s()", method);
    Value r = console_warning(vm, fmt.data, label);
    sb_free(&fmt);
    free(label);
    return r;
  }
  StrBuf sb = {0};
  sb_printf(&sb, "%s: ", label);
  put_duration(&sb, now_ms() - c->value);
  free(label);
  if (end) counter_remove(&console_state(vm)->timers, c);
  InspectOptions opts;
  console_options(vm, stdout, &opts);
  for (int i = 1; i < argc && !end; i++) { /* timeLog's data, as console.log shows it */
    sb_putc(&sb, ' ');
    if (value_is_string(argv[i])) {
      sb_put_js(&sb, argv[i]);
      continue;
    }
    char *text = inspect_to_text(vm, argv[i], &opts);
    if (!text) return sb_free(&sb), VALUE_EXCEPTION;
    sb_puts(&sb, text);
    free(text);
  }
  console_write(vm, stdout, sb.data, sb.len);
  sb_free(&sb);
  return VALUE_UNDEFINED;
}

/* ==== group ==== */

static Value console_group(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc > 0 && value_is_exception(log_to(vm, stdout, argc, argv))) return VALUE_EXCEPTION;
  console_state(vm)->group_indent += 2;
  return VALUE_UNDEFINED;
}

static Value console_group_end(VM *vm, Value this_value, int argc, Value *argv) {
  ConsoleState *state = console_state(vm);
  if (state->group_indent >= 2) state->group_indent -= 2;
  return VALUE_UNDEFINED;
}

/* console.table(data, properties): a box drawn by console_table.c, or a plain log of
 * anything that is not an object. */
static Value console_table(VM *vm, Value this_value, int argc, Value *argv) {
  Value properties = argc > 1 ? argv[1] : VALUE_UNDEFINED;
  if (!value_is_undefined(properties) && !vm_is_array(properties))
    return vm_throw_error(vm, ERR_TYPE, "The \"properties\" argument must be an instance of Array");
  if (argc == 0 || !value_is_object(argv[0])) return log_to(vm, stdout, argc > 0 ? 1 : 0, argv);
  char *text = console_table_text(vm, argv[0], properties);
  if (!text) return VALUE_EXCEPTION;
  write_cstr(vm, stdout, text);
  free(text);
  return VALUE_UNDEFINED;
}

static Value console_clear(VM *vm, Value this_value, int argc, Value *argv) {
  if (isatty(1) && !(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0)) {
    fputs("\x1b[1;1H\x1b[0J", stdout); /* cursor home, clear the screen down */
    fflush(stdout);
  }
  return VALUE_UNDEFINED;
}

/* ==== The object ==== */

/* In Node's order, enumerable, each of length 0 (Node binds them to the console). */
static const VMPropDef console_props[] = {
    VM_METHOD("log", console_print, 0, 1, VM_ATTR_DEFAULT),
    VM_METHOD("warn", console_print, 0, 2, VM_ATTR_DEFAULT),
    VM_FN_ENUM("dir", console_dir, 0),
    VM_FN_ENUM("time", console_time, 0),
    VM_METHOD("timeEnd", console_time_log, 0, true, VM_ATTR_DEFAULT),
    VM_METHOD("timeLog", console_time_log, 0, false, VM_ATTR_DEFAULT),
    VM_FN_ENUM("trace", console_trace, 0),
    VM_FN_ENUM("assert", console_assert, 0),
    VM_FN_ENUM("clear", console_clear, 0),
    VM_FN_ENUM("count", console_count, 0),
    VM_FN_ENUM("countReset", console_count_reset, 0),
    VM_FN_ENUM("group", console_group, 0),
    VM_FN_ENUM("groupEnd", console_group_end, 0),
    VM_FN_ENUM("table", console_table, 0),
    VM_METHOD("debug", console_print, 0, 1, VM_ATTR_DEFAULT),
    VM_METHOD("info", console_print, 0, 1, VM_ATTR_DEFAULT),
    VM_METHOD("dirxml", console_print, 0, 1, VM_ATTR_DEFAULT),
    VM_METHOD("error", console_print, 0, 2, VM_ATTR_DEFAULT),
    VM_FN_ENUM("groupCollapsed", console_group, 0),
    VM_SYM_STRING(VM_SYMBOL_TO_STRING_TAG, "console", VM_ATTR_CONFIGURABLE),
    VM_PROPS_END,
};

Value console_create(VM *vm) {
  Value console = vm_handle_push(vm, vm_object_new(vm));
  bool ok = vm_define_props(vm, console, console_props);
  return ok ? console : VALUE_EXCEPTION;
}
