/* warning.c - process.emitWarning and the default 'warning' listener.
 * Book: chapter 8, "The event loop".
 *
 * A warning is an Error (made from a string, or given) whose name is its type. It is
 * emitted as process's 'warning' event on the next tick, so it appears after the code
 * that caused it; the listener installed at start-up prints it to stderr as node does,
 *   (tinynode:PID) [CODE] Name: message
 *   detail
 * with a hint about --trace-warnings after the first one (or the whole stack instead,
 * with --trace-warnings, or --trace-deprecation for deprecations; nothing at all with
 * --no-warnings, and no deprecations with --no-deprecation). timers' overflow warning
 * and console's label warnings come through here too (node_emit_warning).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stdlib/node/internal.h"

/* What the command line asked for, and whether the hint line was printed yet. */
typedef struct WarningState {
  bool trace;    /* --trace-warnings: print the stack */
  bool trace_deprecation; /* --trace-deprecation: the stack of deprecations */
  bool silent;   /* --no-warnings */
  bool hinted;
} WarningState;

static const VMStateType warning_state_type = {"warnings", sizeof(WarningState), NULL, NULL};

static WarningState *warning_state(VM *vm) { return vm_state(vm, &warning_state_type); }

/* Whether warning w is a DeprecationWarning (by its name, as node tells). */
static bool is_deprecation(VM *vm, Value w) {
  Value name = vm_get_str(vm, w, "name");
  if (value_is_exception(name)) vm_take_exception(vm);
  if (!value_is_string(name)) return false;
  char *n = vm_to_utf8(vm, name, NULL);
  bool deprecation = !strcmp(n, "DeprecationWarning");
  free(n);
  return deprecation;
}

/* ==== Printing: the default listener ==== */

/* The text node writes for warning w: the code, then the stack or `Name: message`. */
static Value warning_text(VM *vm, Value w, bool trace) {
  Value code = vm_handle_push(vm, vm_get_str(vm, w, "code"));
  Value body = trace ? vm_get_str(vm, w, "stack") : VALUE_UNDEFINED;
  if (!value_is_string(body)) body = vm_to_string(vm, w);
  if (value_is_exception(code) || value_is_exception(body)) return VALUE_EXCEPTION;
  vm_handle_push(vm, body);
  Value detail = vm_handle_push(vm, vm_get_str(vm, w, "detail"));
  if (value_is_exception(detail)) return detail;
  StrBuf sb = {0};
  sb_printf(&sb, "(tinynode:%d) ", (int)getpid());
  if (value_is_string(code)) sb_putc(&sb, '['), sb_put_js(&sb, code), sb_puts(&sb, "] ");
  sb_put_js(&sb, body);
  if (value_is_string(detail)) sb_putc(&sb, '\n'), sb_put_js(&sb, detail);
  sb_putc(&sb, '\n');
  return sb_finish(vm, &sb);
}

/* process.on('warning', onWarning), installed first: prints w unless --no-warnings. */
static Value on_warning(VM *vm, Value this_value, int argc, Value *argv) {
  WarningState *s = warning_state(vm);
  if (s->silent || argc < 1 || !value_is_object(argv[0])) return VALUE_UNDEFINED;
  bool deprecation = is_deprecation(vm, argv[0]);
  bool trace = s->trace || (deprecation && s->trace_deprecation);
  Value text = warning_text(vm, argv[0], trace);
  if (value_is_exception(text)) return text;
  char *t = vm_to_utf8(vm, text, NULL);
  fflush(stdout);
  fputs(t, stderr);
  free(t);
  if (!s->hinted && !trace) /* once, naming the flag for the first warning's kind */
    fprintf(stderr, "(Use `tinynode %s ...` to show where the warning was created)\n",
            deprecation ? "--trace-deprecation" : "--trace-warnings");
  s->hinted = true;
  return VALUE_UNDEFINED;
}

/* ==== process.emitWarning ==== */

/* The tick callback: process.emit('warning', w). */
static Value emit_later(VM *vm, Value this_value, int argc, Value *argv) {
  Value process = vm_get_str(vm, vm_global(vm), "process");
  if (!value_is_object(process)) return VALUE_UNDEFINED;
  Value w = vm_native_data(vm);
  Value r = events_emit_str(vm, process, "warning", 1, &w);
  return value_is_exception(r) ? r : VALUE_UNDEFINED;
}

/* Queues the 'warning' event for the Error w on the next tick. */
static Value queue_warning(VM *vm, Value w) {
  Value cb = vm_handle_push(vm, vm_native_with_data(vm, "emitWarning", emit_later, 0, w));
  host_next_tick(host_of(vm), cb, VALUE_UNDEFINED);
  return VALUE_UNDEFINED;
}

/* The warning Error: message as given, name = type, then code and detail if given. */
static Value make_warning(VM *vm, Value message, Value type, Value code, Value detail,
                          Value ctor) {
  Value w = vm_handle_push(vm, vm_error_new(vm, ERR_ERROR, message, VALUE_UNDEFINED));
  if (value_is_exception(w)) return w;
  vm_set_str(vm, w, "name", value_is_undefined(type) ? vm_string(vm, "Warning") : type);
  if (!value_is_undefined(code)) vm_set_str(vm, w, "code", code);
  if (!value_is_undefined(detail)) vm_set_str(vm, w, "detail", detail);
  Value r = vm_capture_stack_trace(vm, w, vm_is_callable(ctor) ? ctor : VALUE_UNDEFINED);
  return value_is_exception(r) ? r : w;
}

/* A DeprecationWarning while process.noDeprecation is set is dropped. */
static bool silenced(VM *vm, Value w) {
  if (!is_deprecation(vm, w)) return false;
  Value process = vm_get_str(vm, vm_global(vm), "process");
  return value_is_object(process) && vm_truthy(vm_get_str(vm, process, "noDeprecation"));
}

/* process.emitWarning(warning[, type[, code]][, ctor]) or (warning, { type, code,
 * detail }): validated as node does, then emitted on the next tick. */
static Value process_emit_warning(VM *vm, Value this_value, int argc, Value *argv) {
  Value warning = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  Value type = argc > 1 ? argv[1] : VALUE_UNDEFINED, code = argc > 2 ? argv[2] : VALUE_UNDEFINED;
  Value ctor = argc > 3 ? argv[3] : VALUE_UNDEFINED, detail = VALUE_UNDEFINED;
  if (value_is_object(type) && !vm_is_callable(type)) {
    Value o = type;
    type = vm_handle_push(vm, vm_get_str(vm, o, "type"));
    code = vm_handle_push(vm, vm_get_str(vm, o, "code"));
    detail = vm_handle_push(vm, vm_get_str(vm, o, "detail"));
    if (!value_is_string(detail)) detail = VALUE_UNDEFINED;
  } else if (vm_is_callable(type)) {
    ctor = type, type = VALUE_UNDEFINED, code = VALUE_UNDEFINED;
  } else if (vm_is_callable(code)) {
    ctor = code, code = VALUE_UNDEFINED;
  }
  if (!value_is_undefined(type) && !node_validate_string(vm, type, "type")) return VALUE_EXCEPTION;
  if (!value_is_undefined(code) && !node_validate_string(vm, code, "code")) return VALUE_EXCEPTION;
  if (value_is_string(warning)) {
    warning = make_warning(vm, warning, type, code, detail, ctor);
    if (value_is_exception(warning)) return warning;
  } else if (!vm_is_error(warning)) {
    return node_throw_arg_type(vm, "warning", "of type string or an instance of Error", warning);
  }
  return silenced(vm, warning) ? VALUE_UNDEFINED : queue_warning(vm, warning);
}

/* ==== Installing ==== */

/* Reads the warning flags among the options before the script (argv[1..script_index)),
 * defines process.emitWarning and adds the default 'warning' listener. */
void warning_install(VM *vm, Value process, int argc, char **argv, int script_index) {
  WarningState *s = warning_state(vm);
  for (int i = 1; i < script_index && i < argc; i++) {
    s->trace |= !strcmp(argv[i], "--trace-warnings");
    s->trace_deprecation |= !strcmp(argv[i], "--trace-deprecation");
    s->silent |= !strcmp(argv[i], "--no-warnings");
    if (!strcmp(argv[i], "--no-deprecation")) vm_set_str(vm, process, "noDeprecation", VALUE_TRUE);
  }
  Value emit = vm_handle_push(vm, vm_native_new(vm, "emitWarning", process_emit_warning, 4));
  vm_set_str(vm, process, "emitWarning", emit);
  Value args[] = {vm_string(vm, "warning"), VALUE_UNDEFINED};
  vm_handle_push(vm, args[0]);
  args[1] = vm_handle_push(vm, vm_native_new(vm, "onWarning", on_warning, 1));
  Value on = vm_get_str(vm, process, "on");
  if (vm_is_callable(on)) vm_call(vm, on, process, 2, args);
}

/* For C callers (timers, events): process.emitWarning(message, type, code). Returns the
 * warning (the caller may add fields before the next tick emits it), undefined if it was
 * silenced, or VALUE_EXCEPTION. */
Value node_emit_warning(VM *vm, const char *message, const char *type, const char *code) {
  Value msg = vm_handle_push(vm, vm_string(vm, message));
  Value t = type ? vm_handle_push(vm, vm_string(vm, type)) : VALUE_UNDEFINED;
  Value c = code ? vm_handle_push(vm, vm_string(vm, code)) : VALUE_UNDEFINED;
  Value w = make_warning(vm, msg, t, c, VALUE_UNDEFINED, VALUE_UNDEFINED);
  if (value_is_exception(w) || silenced(vm, w)) return value_is_exception(w) ? w : VALUE_UNDEFINED;
  queue_warning(vm, w);
  return w;
}
