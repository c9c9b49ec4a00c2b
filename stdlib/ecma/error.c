/* error.c - Error and its subclasses TypeError, RangeError, ReferenceError, SyntaxError,
 * EvalError and URIError, with Error.prototype.toString and Error.captureStackTrace.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_error. One native serves all seven constructors; its
 * data value says which ErrorKind it makes. The engine's vm_error_new does the work
 * that needs the frames (the `stack` string).
 */
#include <stdlib.h>

#include "stdlib/ecma/builtins.h"

static const char *const error_names[] = {
    "Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "EvalError", "URIError"};

/* InstallErrorCause: options.cause becomes an own hidden property. */
static Value install_cause(VM *vm, Value error, Value options) {
  if (!value_is_object(options) || !builtins_has_property(vm, options, vm_atom(vm, "cause")))
    return VALUE_UNDEFINED;
  Value cause = vm_get_str(vm, options, "cause");
  if (value_is_exception(cause)) return cause;
  vm_define_str(vm, error, "cause", cause, VM_ATTR_HIDDEN);
  return VALUE_UNDEFINED;
}

//> stdlib.error-constructor
/* Error(message, options), with or without `new`: the prototype comes from new.target
 * (so `class MyError extends Error` instances get MyError.prototype). */
static Value error_construct(VM *vm, Value this_value, int argc, Value *argv) {
  ErrorKind kind = (ErrorKind)value_to_number(vm_native_data(vm));
  int mark = vm_handle_mark(vm);
  Value proto = VALUE_UNDEFINED, target = vm_new_target(vm);
  if (value_is_object(target)) {
    proto = vm_handle_push(vm, vm_get_str(vm, target, "prototype"));
    if (value_is_exception(proto)) return vm_handle_reset(vm, mark), proto;
  }
  Value message = builtins_arg(argc, argv, 0);
  if (!value_is_undefined(message)) {
    message = vm_handle_push(vm, vm_to_string(vm, message));
    if (value_is_exception(message)) return vm_handle_reset(vm, mark), message;
  }
  Value error = vm_handle_push(vm, vm_error_new(vm, kind, message, proto));
  Value r =
      value_is_exception(error) ? error : install_cause(vm, error, builtins_arg(argc, argv, 1));
  vm_handle_reset(vm, mark);
  return value_is_exception(r) ? r : error;
}
//< stdlib.error-constructor

/* Error.prototype.toString: "name: message", either part left out when empty. */
static Value error_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) {
    char *text = builtins_describe(vm, this_value);
    Value r = vm_throw_error(
        vm, ERR_TYPE, "Method Error.prototype.toString called on incompatible receiver %s", text);
    free(text);
    return r;
  }
  int mark = vm_handle_mark(vm);
  Value name = vm_handle_push(vm, vm_get_str(vm, this_value, "name"));
  if (!value_is_exception(name))
    name = vm_handle_push(vm,
                          value_is_undefined(name) ? vm_atom(vm, "Error") : vm_to_string(vm, name));
  Value msg =
      value_is_exception(name) ? name : vm_handle_push(vm, vm_get_str(vm, this_value, "message"));
  if (!value_is_exception(msg))
    msg = vm_handle_push(vm, value_is_undefined(msg) ? vm_atom(vm, "") : vm_to_string(vm, msg));
  Value r = msg;
  if (!value_is_exception(msg)) {
    if (vm_string_length(msg) == 0)
      r = name;
    else if (vm_string_length(name) == 0)
      r = msg;
    else
      r = vm_string_concat(vm, vm_handle_push(vm, vm_string_concat(vm, name, vm_atom(vm, ": "))),
                           msg);
  }
  vm_handle_reset(vm, mark);
  return r;
}

/* Error.captureStackTrace(obj[, fn]): define obj.stack from the current frames. */
static Value error_capture_stack_trace(VM *vm, Value this_value, int argc, Value *argv) {
  Value obj = builtins_arg(argc, argv, 0);
  if (!value_is_object(obj)) return vm_throw_error(vm, ERR_TYPE, "invalid_argument");
  return vm_capture_stack_trace(vm, obj, builtins_arg(argc, argv, 1));
}

/* One constructor and its prototype's name and message. */
static Value install_kind(VM *vm, ErrorKind kind) {
  Intrinsic proto = (Intrinsic)(INTRINSIC_ERROR_PROTOTYPE + kind);
  Value p = vm_intrinsic(vm, proto);
  int mark = vm_handle_mark(vm);
  Value data = value_from_number(kind);
  Value ctor =
      vm_handle_push(vm, vm_native_with_data(vm, error_names[kind], error_construct, 1, data));
  vm_native_set_constructor(ctor, true);
  vm_define_str(vm, ctor, "prototype", p, 0);
  vm_define_str(vm, p, "constructor", ctor, VM_ATTR_HIDDEN);
  vm_define_str(vm, p, "name", vm_atom(vm, error_names[kind]), VM_ATTR_HIDDEN);
  vm_define_str(vm, p, "message", vm_atom(vm, ""), VM_ATTR_HIDDEN);
  vm_define_str(vm, vm_global(vm), error_names[kind], ctor, VM_ATTR_HIDDEN);
  vm_handle_reset(vm, mark);
  return ctor;
}

void builtins_install_error(VM *vm) {
  Value error = install_kind(vm, ERR_ERROR);
  vm_define_method(vm, vm_intrinsic(vm, INTRINSIC_ERROR_PROTOTYPE), "toString", error_to_string, 0);
  vm_define_method(vm, error, "captureStackTrace", error_capture_stack_trace, 2);
  vm_define_str(vm, error, "stackTraceLimit", value_from_number(10), VM_ATTR_DEFAULT);
  for (int k = ERR_TYPE; k <= ERR_URI; k++) {
    Value sub = install_kind(vm, (ErrorKind)k);
    vm_set_prototype(vm, sub, error); /* TypeError.__proto__ === Error */
  }
}
