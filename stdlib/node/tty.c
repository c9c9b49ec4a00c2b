/* tty.c - the `tty` module: isatty(fd), and the colour questions of tty.WriteStream
 * (getColorDepth, hasColors), which process.stdout and process.stderr also answer when
 * they are terminals. Book: chapter 10, "Console and inspect".
 *
 *   tty_module_create      require('tty'), require('node:tty')
 *   tty_stream_methods     getColorDepth and hasColors, for process.stdout/stderr
 *                          (internal/stdio hands them to their JavaScript class)
 *
 * The answers come from runtime/tty.c; here they are asked of a JavaScript object (the
 * `env` argument, process.env by default) instead of the C environment. The classes
 * ReadStream and WriteStream are JavaScript, lib/internal/process/stdio.js's, the ones
 * process.stdin and stdout are made of on a terminal.
 */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

/* ==== Reading an env object ==== */

/* What a TtyEnv lookup needs to read a JavaScript object: the VM, the object, and the
 * UTF-8 copies handed out (freed once the depth is known). A variable that is not a
 * string reads as a value no test compares equal to, as node's `===` tests see it. */
typedef struct JsEnv {
  VM *vm;
  Value env;
  char *copies[16];
  int count;
  bool failed; /* a getter threw: the exception is pending */
} JsEnv;

static const char *js_env_lookup(const char *name, void *data) {
  JsEnv *e = data;
  if (e->failed || e->count == (int)(sizeof e->copies / sizeof *e->copies)) return NULL;
  Value v = vm_get(e->vm, e->env, vm_string(e->vm, name));
  if (value_is_exception(v)) return e->failed = true, NULL;
  if (value_is_undefined(v)) return NULL;
  if (!value_is_string(v)) return "\x7f(not a string)";
  return e->copies[e->count++] = vm_to_utf8(e->vm, v, NULL);
}

/* getColorDepth(env): env defaults to process.env; null is node's TypeError. */
static Value color_depth(VM *vm, Value env) {
  if (value_is_undefined(env)) env = vm_get_str(vm, vm_get_str(vm, vm_global(vm), "process"), "env");
  if (value_is_exception(env)) return env;
  if (value_is_nullish(env))
    return vm_throw_error(vm, ERR_TYPE, "Cannot read properties of %s (reading 'FORCE_COLOR')",
                          value_is_null(env) ? "null" : "undefined");
  JsEnv e = {.vm = vm, .env = vm_handle_push(vm, env)};
  int depth = tty_color_depth((TtyEnv){js_env_lookup, &e});
  for (int i = 0; i < e.count; i++) free(e.copies[i]);
  return e.failed ? VALUE_EXCEPTION : value_from_number(depth);
}

/* ==== WriteStream.prototype's colour methods ==== */

static Value stream_get_color_depth(VM *vm, Value this_value, int argc, Value *argv) {
  return color_depth(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED);
}

/* hasColors([count][, env]): count (16 by default) <= 2 ** depth. */
static Value stream_has_colors(VM *vm, Value this_value, int argc, Value *argv) {
  Value count = argc > 0 ? argv[0] : VALUE_UNDEFINED, env = argc > 1 ? argv[1] : VALUE_UNDEFINED;
  if (value_is_undefined(env) && (value_is_undefined(count) || value_is_object(count))) {
    env = count;
    count = value_from_number(16);
  } else if (!node_validate_integer(vm, count, "count", 2, 9007199254740991.0)) {
    return VALUE_EXCEPTION;
  }
  Value depth = color_depth(vm, env);
  if (value_is_exception(depth)) return depth;
  return value_from_bool(value_to_number(count) <= pow(2, value_to_number(depth)));
}

static const VMPropDef stream_color_methods[] = {
    VM_FN_ENUM("getColorDepth", stream_get_color_depth, 0),
    VM_FN_ENUM("hasColors", stream_has_colors, 0),
    VM_PROPS_END,
};

const VMPropDef *tty_stream_methods(void) { return stream_color_methods; }

/* ==== The module ==== */

/* isatty(fd): false for anything but a non-negative integer fd of a terminal. */
static Value tty_isatty(VM *vm, Value this_value, int argc, Value *argv) {
  Value fd = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_number(fd)) return VALUE_FALSE;
  double d = value_to_number(fd);
  if (d != trunc(d) || d < 0 || d > 2147483647.0) return VALUE_FALSE;
  return value_from_bool(isatty((int)d));
}

/* Enumerable, as node's module.exports = { isatty, ReadStream, WriteStream }. */
static const VMPropDef tty_props[] = {
    VM_FN_ENUM("isatty", tty_isatty, 1),
    VM_PROPS_END,
};

Value tty_module_create(Host *host) {
  static const char *const classes[][2] = {{"ReadStream", "ttyReadStream"},
                                           {"WriteStream", "ttyWriteStream"}};
  VM *vm = host_vm(host);
  Value tty = vm_handle_push(vm, vm_object_new(vm));
  if (!vm_define_props(vm, tty, tty_props)) return VALUE_EXCEPTION;
  Value stdio = vm_handle_push(vm, host_require_builtin(host, "internal/process/stdio"));
  if (value_is_exception(stdio)) return stdio;
  for (size_t i = 0; i < sizeof classes / sizeof *classes; i++) {
    Value make = vm_handle_push(vm, vm_get_str(vm, stdio, classes[i][1]));
    Value ctor = value_is_exception(make) ? make : vm_call(vm, make, VALUE_UNDEFINED, 0, NULL);
    if (value_is_exception(ctor)) return ctor;
    vm_define_str(vm, tty, classes[i][0], vm_handle_push(vm, ctor), VM_ATTR_DEFAULT);
  }
  return tty;
}
