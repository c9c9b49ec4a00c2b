/* error.c - Error and its subclasses TypeError, RangeError, ReferenceError, SyntaxError,
 * EvalError, URIError and AggregateError, with Error.prototype.toString and Error.captureStackTrace.
 * Book: chapter 7, "The standard library".
 *
 * Entry point: builtins_install_error. One native serves all seven constructors; its
 * magic number says which ErrorKind it makes. The engine's vm_error_new does the work
 * that needs the frames (the `stack` string).
 */
#include <stdlib.h>

#include "stdlib/ecma/builtins.h"

/* InstallErrorCause: options.cause becomes an own hidden property. */
static Value install_cause(VM *vm, Value error, Value options) {
  Value has = builtins_has_property(vm, options, vm_atom(vm, "cause"));
  if (has != VALUE_TRUE) return value_is_exception(has) ? has : VALUE_UNDEFINED;
  Value cause = vm_get_str(vm, options, "cause");
  if (value_is_exception(cause)) return cause;
  vm_define_str(vm, error, "cause", cause, VM_ATTR_HIDDEN);
  return VALUE_UNDEFINED;
}

//> stdlib.error-constructor
/* Error(message, options), with or without `new`: the prototype comes from new.target
 * (so `class MyError extends Error` instances get MyError.prototype). */
static Value error_construct(VM *vm, Value this_value, int argc, Value *argv) {
  ErrorKind kind = (ErrorKind)vm_native_magic(vm);
  Value proto = VALUE_UNDEFINED, target = vm_new_target(vm);
  if (value_is_object(target)) {
    proto = vm_handle_push(vm, vm_get_str(vm, target, "prototype"));
    if (value_is_exception(proto)) return proto;
  }
  Value message = builtins_arg(argc, argv, 0);
  if (!value_is_undefined(message)) {
    message = vm_handle_push(vm, vm_to_string(vm, message));
    if (value_is_exception(message)) return message;
  }
  Value error = vm_handle_push(vm, vm_error_new(vm, kind, message, proto));
  Value r =
      value_is_exception(error) ? error : install_cause(vm, error, builtins_arg(argc, argv, 1));
  if (!value_is_exception(r)) /* as vm_error_new: a class's constructors are left out */
    r = callsite_prepare(vm, error, vm_is_closure(target) ? target : VALUE_UNDEFINED);
  return value_is_exception(r) ? r : error;
}
//< stdlib.error-constructor

static Value push_each(VM *vm, Value item, void *ctx) {
  vm_array_push(vm, *(Value *)ctx, item);
  return VALUE_UNDEFINED;
}

/* AggregateError(errors, message, options): an Error whose own `errors` lists the items
 * of the iterable errors (Promise.any rejects with one). */
static Value aggregate_error_construct(VM *vm, Value this_value, int argc, Value *argv) {
  Value proto = vm_intrinsic(vm, INTRINSIC_AGGREGATE_ERROR_PROTOTYPE), target = vm_new_target(vm);
  if (value_is_object(target)) {
    Value p = vm_handle_push(vm, vm_get_str(vm, target, "prototype"));
    if (value_is_exception(p)) return p;
    if (value_is_object(p)) proto = p;
  }
  Value message = builtins_arg(argc, argv, 1);
  if (!value_is_undefined(message)) {
    message = vm_handle_push(vm, vm_to_string(vm, message));
    if (value_is_exception(message)) return message;
  }
  Value error = vm_handle_push(vm, vm_error_new(vm, ERR_ERROR, message, proto));
  if (value_is_exception(error)) return error;
  Value r = install_cause(vm, error, builtins_arg(argc, argv, 2));
  Value errors = vm_handle_push(vm, vm_array_new(vm));
  if (!value_is_exception(r)) r = builtins_iterate(vm, builtins_arg(argc, argv, 0), push_each, &errors);
  if (value_is_exception(r)) return r;
  vm_define_str(vm, error, "errors", errors, VM_ATTR_HIDDEN);
  return error;
}

/* Error.prototype.toString: "name: message", either part left out when empty. */
static Value error_to_string(VM *vm, Value this_value, int argc, Value *argv) {
  if (!value_is_object(this_value)) {
    char *text = builtins_describe(vm, this_value);
    Value r = vm_throw_error(
        vm, ERR_TYPE, "Method Error.prototype.toString called on incompatible receiver %s", text);
    free(text);
    return r;
  }
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
  return r;
}

/* Error.captureStackTrace(obj[, fn]): define obj.stack from the current frames. */
static Value error_capture_stack_trace(VM *vm, Value this_value, int argc, Value *argv) {
  Value obj = builtins_arg(argc, argv, 0);
  if (!value_is_object(obj) || vm_is_proxy(obj)) /* V8 will not define stack on a proxy */
    return vm_throw_error(vm, ERR_TYPE, "invalid_argument");
  Value r = vm_capture_stack_trace(vm, obj, builtins_arg(argc, argv, 1));
  return value_is_exception(r) ? r : callsite_prepare(vm, obj, builtins_arg(argc, argv, 1));
}

/* ==== Installing ==== */

static const VMPropDef error_statics[] = {
    VM_FN("captureStackTrace", error_capture_stack_trace, 2),
    VM_NUMBER("stackTraceLimit", 10, VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

static const VMPropDef error_prototype_props[] = {
    VM_STRING("name", "Error", VM_ATTR_HIDDEN),
    VM_STRING("message", "", VM_ATTR_HIDDEN),
    VM_FN("toString", error_to_string, 0),
    VM_PROPS_END,
};

/* A subclass's prototype has its own name and an empty message; the rest it inherits. */
#define NAME_AND_MESSAGE(name)                                                                 \
  {VM_STRING("name", name, VM_ATTR_HIDDEN), VM_STRING("message", "", VM_ATTR_HIDDEN),          \
   VM_PROPS_END}
static const VMPropDef eval_error_props[] = NAME_AND_MESSAGE("EvalError");
static const VMPropDef range_error_props[] = NAME_AND_MESSAGE("RangeError");
static const VMPropDef reference_error_props[] = NAME_AND_MESSAGE("ReferenceError");
static const VMPropDef syntax_error_props[] = NAME_AND_MESSAGE("SyntaxError");
static const VMPropDef type_error_props[] = NAME_AND_MESSAGE("TypeError");
static const VMPropDef uri_error_props[] = NAME_AND_MESSAGE("URIError");
static const VMPropDef aggregate_error_props[] = NAME_AND_MESSAGE("AggregateError");

//> stdlib.error-table
/* One native makes every kind of error: the magic is its ErrorKind. In V8's order. */
static const VMPropDef error_globals[] = {
    VM_CONSTRUCTOR("Error", error_construct, 1, ERR_ERROR, INTRINSIC_ERROR_PROTOTYPE,
                   error_statics, error_prototype_props),
    VM_CONSTRUCTOR("EvalError", error_construct, 1, ERR_EVAL, INTRINSIC_EVAL_ERROR_PROTOTYPE,
                   NULL, eval_error_props),
    VM_CONSTRUCTOR("RangeError", error_construct, 1, ERR_RANGE, INTRINSIC_RANGE_ERROR_PROTOTYPE,
                   NULL, range_error_props),
    VM_CONSTRUCTOR("ReferenceError", error_construct, 1, ERR_REFERENCE,
                   INTRINSIC_REFERENCE_ERROR_PROTOTYPE, NULL, reference_error_props),
    VM_CONSTRUCTOR("SyntaxError", error_construct, 1, ERR_SYNTAX,
                   INTRINSIC_SYNTAX_ERROR_PROTOTYPE, NULL, syntax_error_props),
    VM_CONSTRUCTOR("TypeError", error_construct, 1, ERR_TYPE, INTRINSIC_TYPE_ERROR_PROTOTYPE,
                   NULL, type_error_props),
    VM_CONSTRUCTOR("URIError", error_construct, 1, ERR_URI, INTRINSIC_URI_ERROR_PROTOTYPE, NULL,
                   uri_error_props),
    VM_CONSTRUCTOR("AggregateError", aggregate_error_construct, 2, 0,
                   INTRINSIC_AGGREGATE_ERROR_PROTOTYPE, NULL, aggregate_error_props),
    VM_PROPS_END,
};
//< stdlib.error-table

void builtins_install_error(VM *vm) {
  Value global = vm_global(vm);
  vm_define_props(vm, global, error_globals);
  Value error = vm_get_str(vm, global, "Error"); /* a property of the global: rooted */
  for (int k = ERR_TYPE; k <= ERR_URI; k++) {
    Value proto = vm_intrinsic(vm, (Intrinsic)(INTRINSIC_ERROR_PROTOTYPE + k));
    vm_set_prototype(vm, vm_get_str(vm, proto, "constructor"), error); /* TypeError.__proto__ */
  }
  Value aggregate = vm_intrinsic(vm, INTRINSIC_AGGREGATE_ERROR_PROTOTYPE);
  vm_set_prototype(vm, aggregate, vm_intrinsic(vm, INTRINSIC_ERROR_PROTOTYPE));
  vm_set_prototype(vm, vm_get_str(vm, aggregate, "constructor"), error);
}
